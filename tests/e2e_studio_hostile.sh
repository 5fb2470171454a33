#!/usr/bin/env bash
# The studio as a hurried or unlucky KI staff member meets it (tests/studio/hostile.py):
# Debian's chromium headless at a tablet's 1024 x 768 against a real studio publishing to a
# WebDAV server on 127.0.0.1 (tests/servers/dav_faults.py): 100 kB pasted into a field, a
# 50 MB picture, a web page saved as foto.png, an Arabic title, the list of changes in the
# page's words, Back while a publish hangs, the studio restarted mid-publish. Screenshots in
# $SHOTS (default: a temporary folder).
. "$(dirname "$0")/shell_lib.sh"
studio_test hostile.py
