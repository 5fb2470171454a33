#!/usr/bin/env bash
# One owner of the store, and a kiosk that keeps itself right (issue 11): a running kiosk
# (windowed, on an Xvfb display of its own) with Debian's nginx on 127.0.0.1.
#   1. first boot with a sync URL, nothing published yet and no sample folder: the kiosk
#      stays up on its waiting page, which reports the server's error; status.json says
#      "waiting";
#      a second `litfass run` on the same cache is refused at once (one kiosk per
#      folder: never two heartbeats or two workers on one store);
#   2. `litfass sync --once` while the kiosk runs hands over: the kiosk looks at once,
#      installs and shows the new bundle within seconds; the manual run prints that, and
#      status.json says what is installed and what is on screen (the same id);
#   3. a second and a third hand-over: every folder the kiosk showed stayed until it
#      switched (no image ever failed to load);
#   4. files damaged under the running kiosk (a flipped byte, a deleted image): the
#      self-check finds them, the copy is fetched again and the kiosk shows the repair.
. "$(dirname "$0")/shell_lib.sh"
. "$SRC/tests/servers/sync_lib.sh"
. "$SRC/tests/lib/kiosk_lib.sh"

WWW=$TMP/www
CACHE=$TMP/cache
LOG=$TMP/kiosk.log
IMG=images/poster-wochen-gegen-rassismus.png
kiosk_setup 800x480 "$WWW"
kiosk_config "$URL" "$CACHE" content.dir="\"$TMP/no-sample-here\"" sync.poll_seconds=600 \
  >"$TMP/kiosk.conf"

wait_log() { kiosk_wait_log "$LOG" "$@"; } # wait_log TEXT SECONDS [FROM_LINE]
screen_field() { # screen_field KEY: status.json's screen.KEY
  "$PYTHON" -c 'import json,sys; v=json.load(open(sys.argv[1])).get("screen",{}).get(sys.argv[2]); print("null" if v is None else v)' \
    "$CACHE/status.json" "$1" 2>/dev/null || echo MISSING
}
publish() { # publish SERIAL
  rm -rf "$WWW.new"
  cp -r "$SRC/assets/content" "$WWW.new"
  sed -i "s/\"version\": *\"[^\"]*\"/\"version\": \"owner-$1\"/" "$WWW.new/content.json"
  "$PYTHON" "$SERVERS/png_text.py" "$WWW.new/$IMG" "serial $1"
  sign_bundle "$WWW.new" --serial "$1"
  rm -rf "$WWW"/* && cp -r "$WWW.new/." "$WWW/"
  # nginx's ETag is the file's mtime (seconds) and size: two serials of the
  # same size copied within one second would look the same to it. A past
  # mtime of its own per serial, as a publisher minutes apart would leave.
  find "$WWW" -type f -exec touch -d "@$(($(date +%s) - 600 + $1))" {} +
}
# handover SERIAL: publish it, run sync --once while the kiosk runs; it must show it
handover() {
  local n t0 t1 id
  publish "$1"
  id=$(bundle_id "$WWW")
  n=$(wc -l <"$LOG")
  t0=$(date +%s%N)
  # the kiosk lays out every page of the new bundle before it shows it: on a busy
  # machine that takes a while, so a longer guard than run_sync's
  timeout -s KILL 120 "$BIN" sync --once --config "$TMP/kiosk.conf" >"$TMP/hand$1.out" 2>"$TMP/hand$1.err"
  RC=$?
  t1=$(date +%s%N)
  local problems=()
  [ "$RC" -eq 0 ] || problems+=("exit $RC: $(cat "$TMP/hand$1.err")")
  grep -q "a kiosk is running on .*: asking it to look now" "$TMP/hand$1.out" || problems+=("no hand-over said")
  grep -q "the kiosk installed bundle $id" "$TMP/hand$1.out" || problems+=("not installed by the kiosk: $(cat "$TMP/hand$1.out")")
  grep -q "the kiosk shows .*$id" "$TMP/hand$1.out" || problems+=("the kiosk did not say it shows it")
  tail -n +"$n" "$LOG" | grep -q "showing new content from .*$id.* (version owner-$1)" || problems+=("the kiosk log does not show it")
  [ "$(screen_field id)" = "$id" ] && [ "$(screen_field source)" = installed ] ||
    problems+=("screen: $(screen_field id) $(screen_field source)")
  [ "$(status_field "$CACHE" installed_id)" = "$id" ] || problems+=("installed_id $(status_field "$CACHE" installed_id)")
  # the kiosk's worker installed it, the manual run only asked: the store never changed hands
  grep -q "^kiosk $KPID" "$CACHE/owner.lock" || problems+=("owner.lock: $(cat "$CACHE/owner.lock")")
  if [ ${#problems[@]} -eq 0 ]; then
    ok "hand-over of serial $1: the kiosk shows it $(( (t1 - t0) / 1000000 )) ms after the manual run began"
  else
    bad "hand-over of serial $1:"; printf '  %s\n' "${problems[@]}"; tail -15 "$LOG" | sed 's/^/  log: /'
  fi
}

# 1. first boot: nothing published, no sample
"$BIN" run --config "$TMP/kiosk.conf" 2>"$LOG" &
KPID=$!
if wait_log "waiting page: still no content from $URL; last error: $URL: HTTP 404" 60; then
  ok "first boot: the kiosk runs and its waiting page reports the server's 404"
else
  bad "no waiting page"; tail -15 "$LOG" | sed 's/^/  log: /'
fi
[ "$(screen_field source)" = waiting ] && ok "status.json: screen says waiting" ||
  bad "screen.source: $(screen_field source)"
[ -S "$CACHE/sync.sock" ] && grep -q "^kiosk $KPID" "$CACHE/owner.lock" &&
  ok "the kiosk owns the store (owner.lock, sync.sock)" || bad "no owner.lock/sync.sock of the kiosk"

# 1b. a second kiosk on the same state folder (a second unit, a run by hand beside the
# service): refused at once with who runs there, before any window, and never writing
for i in $(seq 300); do [ "$(screen_field pid)" = "$KPID" ] && break; sleep 0.1; done
timeout -s KILL 60 "$BIN" run --config "$TMP/kiosk.conf" >"$TMP/second.out" 2>"$TMP/second.err"
RC=$?
if [ "$RC" -eq 1 ] &&
   grep -qF "another kiosk (pid $KPID) is running on the state folder $CACHE" "$TMP/second.err"; then
  ok "a second kiosk on the same cache is refused: $(grep -o 'another kiosk.*' "$TMP/second.err" | cut -c1-90)..."
else
  bad "second kiosk: exit $RC"; sed 's/^/  stderr: /' "$TMP/second.err" | head -5
fi
grep -q "video driver\|showing\|waiting page" "$TMP/second.err" &&
  bad "the refused kiosk got as far as the screen: $(head -3 "$TMP/second.err")" ||
  ok "the refused kiosk opened no window and started no sync"
kill -0 "$KPID" 2>/dev/null && grep -q "^kiosk $KPID" "$CACHE/owner.lock" && [ -S "$CACHE/sync.sock" ] &&
  [ "$(screen_field pid)" = "$KPID" ] &&
  ok "the first kiosk still runs and owns the store; the heartbeat is still its own" ||
  bad "after the refusal: owner $(cat "$CACHE/owner.lock"), screen.pid $(screen_field pid)"

# 2.-3. hand-overs
handover 1
handover 2
handover 3
grep -E "error|cannot (open|load|read)" "$LOG" | grep -v "HTTP 404\|no-sample-here" >"$TMP/errors"
[ -s "$TMP/errors" ] && bad "errors while switching: $(head -3 "$TMP/errors")" ||
  ok "no error in the kiosk's log: no folder on screen went away"
[ -z "$(leftovers "$CACHE")" ] && ok "no staging folder left" || bad "left over: $(leftovers "$CACHE")"

# 4. damage under the running kiosk: restarted with a quick self-check
stop_kiosk
LITFASS_TEST_CHECK_MS=1500 LITFASS_BENCH_POLL_MS=500 "$BIN" run --config "$TMP/kiosk.conf" 2>"$LOG" &
KPID=$!
wait_log "showing" 60
ID=$(bundle_id "$WWW")
n=$(wc -l <"$LOG")
"$PYTHON" - "$CACHE/current/$IMG" <<'PY'
import sys
with open(sys.argv[1], "r+b") as f:
    f.seek(300); b = f.read(1); f.seek(300); f.write(bytes([b[0] ^ 0xFF]))
PY
if wait_log "the damaged bundle $ID is repaired" 60 "$n" &&
   wait_log "showing new content from $CACHE/bundles/$ID" 60 "$n"; then
  ok "a flipped byte under the running kiosk: found by the self-check, fetched again, shown"
else
  bad "flipped byte not repaired"; tail -n +"$n" "$LOG" | tail -15 | sed 's/^/  log: /'
fi
cmp -s "$CACHE/current/$IMG" "$WWW/$IMG" && ok "the installed image is whole again" ||
  bad "the installed image still differs"
[ "$(screen_field folder)" = "$(readlink -f "$CACHE/current")" ] &&
  ok "status.json: screen is the repaired folder" || bad "screen.folder $(screen_field folder)"
# one part says what is on screen: the sync's keys and the frame loop's heartbeat side by side
[ "$(status_field "$CACHE" on_screen)" = MISSING ] && [ "$(screen_field pid)" = "$KPID" ] &&
  [ "$(screen_field heartbeat)" != null ] && [ "$(screen_field version)" = "owner-3" ] &&
  ok "status.json: one screen part with the sync's keys and the heartbeat (no on_screen)" ||
  bad "screen part: on_screen $(status_field "$CACHE" on_screen), pid $(screen_field pid), heartbeat $(screen_field heartbeat), version $(screen_field version)"
n=$(wc -l <"$LOG")
ID_DIR=$(readlink -f "$CACHE/current")
rm -f "$CACHE/current/images/logo-litfass.png"
if wait_log "the damaged bundle $ID is repaired" 60 "$n"; then
  ok "a deleted image under the running kiosk: fetched again"
else
  bad "deleted image not repaired"; tail -n +"$n" "$LOG" | tail -15 | sed 's/^/  log: /'
fi
[ -f "$CACHE/current/images/logo-litfass.png" ] && ok "the deleted image is back" ||
  bad "the deleted image is still missing"
stop_kiosk
[ ! -e "$CACHE/sync.sock" ] && ok "the stopped kiosk removed its socket" || bad "sync.sock left behind"

finish
