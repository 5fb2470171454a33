#!/usr/bin/env bash
# Studio logins survive a restart (tests/studio/sessions.py): sessions kept hashed in
# DATA/sessions.json (mode 600); logout, `user remove`, `user passwd` and the idle timeout
# still end them.
. "$(dirname "$0")/shell_lib.sh"
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3
STUDIO_TMP=$TMP "$PY" "$SRC/tests/studio/sessions.py"
