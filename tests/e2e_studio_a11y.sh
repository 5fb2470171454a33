#!/usr/bin/env bash
# Every page and dialog of the studio for a screen-reader and keyboard user, at 1024 x 768,
# 1366 x 768, 1920 x 1080 and a 4K screen at 200 % (tests/studio/a11y.py): Debian's chromium
# headless with chromium-driver and python3-selenium against a real studio on 127.0.0.1,
# read through chromium's accessibility tree: controls named, landmarks, headings in order,
# fields in their language and direction, dialogs modal with the focus kept and given back,
# live regions, publishing with the keyboard alone, nothing past the window's edge.
# Screenshots of every page and size land in $SHOTS (default: a temporary folder).
. "$(dirname "$0")/shell_lib.sh"
studio_test a11y.py
