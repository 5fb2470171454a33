#!/usr/bin/env bash
# Studio logins survive a restart (tests/studio/sessions.py): sessions kept hashed in
# DATA/sessions.json (mode 600); logout, `user remove`, `user passwd` and the idle timeout
# still end them.
. "$(dirname "$0")/shell_lib.sh"
studio_test sessions.py
