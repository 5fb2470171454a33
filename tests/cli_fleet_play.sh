#!/usr/bin/env bash
# Proof of play is counted once (tests/studio/play.py): a real kiosk (`litfass run` on an Xvfb
# of its own) reports to a real studio on 127.0.0.1; a slide shown once counts once on the
# studio's fleet page, in the kiosk's proof-of-play.json alike, and a restarted kiosk adds
# to the day's count instead of starting it afresh.
. "$(dirname "$0")/shell_lib.sh"
trap 'stop_xvfb; rm -rf "$TMP"' EXIT
start_xvfb 800x480 || { bad "no X server"; finish; exit 1; }
studio_test play.py
