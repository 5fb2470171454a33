#!/usr/bin/env bash
# The fleet page with 50 screens as city IT sees it (tests/studio/fleet_many.py): Debian's
# chromium headless against a real studio on 127.0.0.1; six screens silent, one clock wrong,
# a 64-character name; German, 1366 x 768 and 1920 x 1080; screenshots in $SHOTS.
. "$(dirname "$0")/shell_lib.sh"
studio_test fleet_many.py
