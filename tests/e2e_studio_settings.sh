#!/usr/bin/env bash
# Nothing typed is lost, nothing published twice by mistake (tests/studio/settings.py): Debian's
# chromium headless with chromium-driver and python3-selenium against a real studio on
# 127.0.0.1. The settings page with unsaved changes asks (the editor's leave dialog) before
# another tab or logging out, and the browser asks before the page is closed; "Jetzt
# veröffentlichen" waits, saying why, while nothing changed since the last version, and is
# offered again after a change (an entry, the settings, the order) or when the web folder lost
# the files. Screenshots at 1024 x 768 and a phone's 390 x 844 land in $SHOTS.
. "$(dirname "$0")/shell_lib.sh"
studio_test settings.py
