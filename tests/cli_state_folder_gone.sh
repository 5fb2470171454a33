#!/usr/bin/env bash
# The state folder deleted under a running kiosk (systemd-tmpfiles' cleanup, an admin's
# rm -rf): its locks held files nobody could find, so a second kiosk started on the folder
# and `litfass sync --once` synced beside the kiosk's worker, and `litfass status` said all
# was well. A real kiosk (windowed, on an Xvfb of its own) with Debian's nginx on 127.0.0.1:
#   1. rm -rf of the folder: the kiosk makes kiosk.lock, owner.lock and sync.sock again (its
#      pid in them) and writes its heartbeat there again; a second kiosk is refused, a
#      manual sync hands over to the kiosk, status is healthy;
#   2. only kiosk.lock deleted while the kiosk cannot look (SIGSTOP): `litfass status` says
#      the lock is missing (unhealthy); let go, the kiosk makes it again and status is ok;
#   3. the folder deleted and a second kiosk started before the first looked (the first
#      stopped with SIGSTOP meanwhile): the first, let go, says so and stops with 1, and
#      leaves the second's heartbeat as it is (no "stopped" over it).
. "$(dirname "$0")/shell_lib.sh"
. "$SRC/tests/servers/sync_lib.sh"
. "$SRC/tests/lib/kiosk_lib.sh"

ST=$TMP/state
LOG=$TMP/kiosk.log
kiosk_setup_sample 800x480 "$TMP/www"
kiosk_config "$URL" "$ST" >"$TMP/kiosk.conf"

# wait_for SECONDS COMMAND...: true once COMMAND succeeds, false after SECONDS
wait_for() {
  local i n=$(($1 * 10))
  shift
  for i in $(seq "$n"); do "$@" && return 0; sleep 0.1; done
  return 1
}
# status_is CODE DESCRIPTION: `litfass status` exits CODE (else its report is shown)
status_is() {
  "$BIN" status --config "$TMP/kiosk.conf" >"$TMP/out" 2>"$TMP/err"
  local rc=$?
  if [ "$rc" -eq "$1" ]; then ok "$2 (exit $rc)"; else
    bad "$2: exit $rc"; sed 's/^/  status: /' "$TMP/out" "$TMP/err"; fi
}
lock_says() { grep -q "^$2$" "$ST/$1" 2>/dev/null; }  # lock_says FILE TEXT
beat_of() { [ "$(screen_key "$ST" pid)" = "$1" ] && [ "$(screen_key "$ST" up)" = True ]; }
# the pid that holds FILE's flock, from /proc/locks ("" for none)
holder() {
  local ino
  ino=$(stat -c %i "$ST/$1" 2>/dev/null) || return 0
  awk -v ino="$ino" '$2 == "FLOCK" { split($6, d, ":"); if (d[3] == ino) print $5 }' /proc/locks | head -n1
}

"$BIN" run --config "$TMP/kiosk.conf" 2>"$LOG" &
KPID=$!
A=$KPID
showing_installed() { [ "$(screen_key "$ST" source)" = installed ] && [ -z "$(screen_key "$ST" content_error)" ]; }
if wait_for 120 beat_of "$A" && wait_for 60 lock_says owner.lock "kiosk $A" &&
   wait_for 120 showing_installed; then
  ok "the kiosk runs and shows the synced bundle: heartbeat, kiosk.lock and owner.lock are its own"
else
  bad "the kiosk did not start"; tail -15 "$LOG" | sed 's/^/  log: /'; finish; exit 1
fi

# 1. the folder deleted
rm -rf "$ST"
if wait_for 60 lock_says kiosk.lock "$A" && wait_for 60 lock_says owner.lock "kiosk $A" &&
   wait_for 30 test -S "$ST/sync.sock"; then
  ok "rm -rf of the state folder: kiosk.lock, owner.lock and sync.sock made again by the kiosk"
else
  bad "after rm -rf: $(ls -la "$ST" 2>&1 | tr '\n' ' ')"; tail -15 "$LOG" | sed 's/^/  log: /'
fi
[ "$(holder kiosk.lock)" = "$A" ] && [ "$(holder owner.lock)" = "$A" ] &&
  ok "... and locked by it (/proc/locks)" ||
  bad "holders: kiosk.lock '$(holder kiosk.lock)', owner.lock '$(holder owner.lock)', kiosk $A"
expect_in "$LOG" "or its kiosk.lock was deleted while the kiosk ran" "the kiosk's log says the folder was deleted and the lock made again"
timeout -s KILL 60 "$BIN" run --config "$TMP/kiosk.conf" >"$TMP/second.out" 2>"$TMP/second.err"
RC=$?
[ "$RC" -eq 1 ] && grep -qF "another kiosk (pid $A) is running on the state folder $ST" "$TMP/second.err" &&
  ok "a second kiosk on the folder is refused again" ||
  { bad "second kiosk after rm -rf: exit $RC"; sed 's/^/  stderr: /' "$TMP/second.err" | head -5; }
timeout -s KILL 120 "$BIN" sync --once --config "$TMP/kiosk.conf" >"$TMP/hand.out" 2>"$TMP/hand.err"
RC=$?
[ "$RC" -eq 0 ] && grep -q "a kiosk is running on .*: asking it to look now" "$TMP/hand.out" &&
  lock_says owner.lock "kiosk $A" &&
  ok "a manual sync hands over to the kiosk (not a sync of its own beside it)" ||
  { bad "manual sync after rm -rf: exit $RC"; sed 's/^/  /' "$TMP/hand.out" "$TMP/hand.err" | head -8; }
# the bundle on screen was deleted too: the hand-over installed it again and the kiosk
# shows it; its heartbeat says so within LF_MONITOR_HEARTBEAT_S
if wait_for 90 beat_of "$A" && wait_for 90 showing_installed; then
  status_is 0 "litfass status: healthy again"
else
  bad "no heartbeat in the made-again folder: $(ls "$ST"), content_error '$(screen_key "$ST" content_error)'"
fi

# 2. only kiosk.lock deleted while the kiosk cannot look
kill -STOP "$A"
rm -f "$ST/kiosk.lock"
status_is 1 "kiosk.lock deleted: litfass status unhealthy"
expect_in "$TMP/out" "kiosk.lock is missing although a kiosk runs" "... and says the lock is missing"
kill -CONT "$A"
wait_for 60 lock_says kiosk.lock "$A" && [ "$(holder kiosk.lock)" = "$A" ] &&
  ok "let go, the kiosk makes kiosk.lock again" || bad "kiosk.lock not made again: '$(cat "$ST/kiosk.lock" 2>&1)'"
status_is 0 "litfass status: healthy with the lock back"

# 3. a second kiosk takes the deleted folder before the first looks
kill -STOP "$A"
rm -rf "$ST"
"$BIN" run --config "$TMP/kiosk.conf" 2>"$TMP/b.log" &
B=$!
if wait_for 120 beat_of "$B"; then
  ok "with the first kiosk stopped, a second one starts on the made-again folder"
else
  bad "the second kiosk did not start"; tail -10 "$TMP/b.log" | sed 's/^/  log: /'
fi
kill -CONT "$A"
KPID=$A
timeout 60 tail --pid="$A" -f /dev/null
kill -0 "$A" 2>/dev/null && RC=running || { wait "$A"; RC=$?; }
[ "$RC" = 1 ] && grep -q "another kiosk runs on the state folder $ST now" "$LOG" &&
  ok "the first kiosk, let go, says another kiosk runs there and stops (exit 1)" ||
  { bad "the first kiosk: $RC"; tail -5 "$LOG" | sed 's/^/  log: /'; }
KPID=$B
beat_of "$B" && [ "$(holder kiosk.lock)" = "$B" ] &&
  ok "the second kiosk's heartbeat and lock stay (no 'stopped' written over them)" ||
  bad "after the first stopped: screen pid $(screen_key "$ST" pid) up $(screen_key "$ST" up), lock '$(holder kiosk.lock)'"
status_is 0 "litfass status: healthy with the second kiosk"
stop_kiosk
finish
