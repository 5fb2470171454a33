#!/usr/bin/env bash
# litfass studio publishes on a thread of its own (tests/studio/publish_thread.py): a WebDAV
# target (tests/servers/dav_faults.py, mode hold) on 127.0.0.1 that holds every upload until
# the test lets it go. While it holds, the page, the API (items, an edit, versions, the
# fleet, a kiosk's heartbeat, /metrics) answer; a second publish is told who publishes since
# when; then the publish ends and its state, the audit log and the server agree. A studio
# stopped while an upload hangs exits cleanly and leaves the live pair on the server whole.
. "$(dirname "$0")/shell_lib.sh"
studio_test publish_thread.py
