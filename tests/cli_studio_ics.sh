#!/usr/bin/env bash
# Calendars imported in the studio (tests/studio/ics_api.py): an .ics upload becomes draft
# changes, a second import of the same feed changes nothing, a changed feed updates, an
# item changed by hand in the studio is kept and named, an event gone from the feed is
# removed, and a broken feed is refused with its line while the draft stays as it was; a
# subscription to a calendar on nginx (127.0.0.1) is polled, published directly, and a broken
# feed there keeps the last good import and names its line.
. "$(dirname "$0")/shell_lib.sh"
. "$SRC/tests/servers/sync_lib.sh"
mkdir -p "$TMP/www"
start_nginx "$TMP/www" || exit 1
NGX_PORT=$NGX_PORT studio_test ics_api.py
