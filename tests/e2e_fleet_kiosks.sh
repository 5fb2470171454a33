#!/usr/bin/env bash
# The fleet (issue 15): a real studio and two real kiosks (`litfass run`, windowed on an
# Xvfb display of their own) on 127.0.0.1 report heartbeats and screenshots with their own
# tokens; a wrong token is refused; a stopped kiosk and one on an old serial after a
# publish are marked, and the alert e-mail reaches a local SMTP sink (aiosmtpd);
# /api/fleet and /metrics (tests/studio/fleet.py).
. "$(dirname "$0")/shell_lib.sh"
trap 'stop_xvfb; rm -rf "$TMP"' EXIT
start_xvfb 1280x720 || { bad "no X server"; finish; exit 1; }
studio_test fleet.py
