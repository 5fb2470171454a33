#!/usr/bin/env bash
# The studio's fleet page in a real browser (tests/studio/fleet_browser.py): Debian's chromium
# headless against a real studio on 127.0.0.1 with two screens reporting over the kiosks' API
# (one fine, one silent and behind a publish); German and English; screenshots in $SHOTS.
. "$(dirname "$0")/shell_lib.sh"
studio_test fleet_browser.py
