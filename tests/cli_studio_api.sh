#!/usr/bin/env bash
# litfass studio's JSON API against a real studio on 127.0.0.1 (tests/studio/api.py): users,
# login, CSRF, sessions, CRUD and conflicts, validation, previews, uploads and their limits,
# roles, publishing to a folder served by Debian's nginx, and `litfass sync --once` of a
# kiosk installing exactly what was published.
. "$(dirname "$0")/shell_lib.sh"
. "$SRC/tests/servers/sync_lib.sh"
mkdir -p "$TMP/www"
start_nginx "$TMP/www" || exit 1
NGX_PORT=$NGX_PORT studio_test api.py
