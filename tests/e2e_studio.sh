#!/usr/bin/env bash
# litfass studio in a real browser (tests/studio/browser.py): Debian's chromium headless with
# chromium-driver and python3-selenium against a real studio on 127.0.0.1: log in, an event
# in German and Arabic with a poster, previews in both orientations, validation at the
# field, an offer with consultation hours, the translations overview, publishing and the
# version listed, an urgent notice in two clicks, a conflicting save, an editor without the
# publish button, two tabs of one person, a PDF picked as a picture, a server that hangs up
# or never answers, pages at phone width (390 px). Screenshots of every page land in $SHOTS (default: a temporary folder).
. "$(dirname "$0")/shell_lib.sh"
studio_test browser.py
