#!/usr/bin/env bash
# A screen's wrong clock reaches city IT (tests/studio/fleet_clock.py): a real studio on
# 127.0.0.1 and an aiosmtpd sink; heartbeats over HTTP with the kiosks' tokens. /metrics
# (litfass_screen_clock_wrong, litfass_screen_clock_offset_seconds), /api/fleet, and one
# alert e-mail per clock off by [fleet] clock_wrong_seconds for clock_grace_seconds (not
# for a moment), one when it is right again, remembered over a restart of the studio.
. "$(dirname "$0")/shell_lib.sh"
trap 'rm -rf "$TMP"' EXIT
studio_test fleet_clock.py
