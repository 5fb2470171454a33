#!/usr/bin/env bash
# A screen back in order reaches city IT (tests/studio/fleet_recovery.py): a real studio on
# 127.0.0.1 and an aiosmtpd sink; heartbeats over HTTP with the kiosks' tokens. A screen
# silent or behind a publish, once told of, gets one e-mail when it reports again or shows
# the published version (since when, what it shows now), none for screens never told of,
# none per further heartbeat, and the e-mail owed survives a restart of the studio.
. "$(dirname "$0")/shell_lib.sh"
trap 'rm -rf "$TMP"' EXIT
studio_test fleet_recovery.py
