#!/usr/bin/env bash
# The studio as KI staff who are not programmers meet it (tests/studio/review.py): Debian's
# chromium headless with chromium-driver and python3-selenium against a real studio on
# 127.0.0.1: a tab opened with Enter puts the focus on its content (not on the page's
# <body>, whence the next Tab started at the top again), an Arabic address and every other
# free text field run right to left as they are typed, ... Screenshots at 1024 x 768,
# 1366 x 768, 1920 x 1080 and a phone's 390 x 844 land in $SHOTS (default: a temporary folder).
. "$(dirname "$0")/shell_lib.sh"
studio_test review.py
