#!/usr/bin/env bash
# Calendars imported in the studio (tests/studio/ics_api.py): an .ics upload becomes draft
# changes, a second import of the same feed changes nothing, a changed feed updates, an
# item changed by hand in the studio is kept and named, an event gone from the feed is
# removed, and a broken feed is refused with its line while the draft stays as it was.
. "$(dirname "$0")/shell_lib.sh"
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3
STUDIO_TMP=$TMP "$PY" "$SRC/tests/studio/ics_api.py"
