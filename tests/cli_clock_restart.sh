#!/usr/bin/env bash
# The content server's time kept across a kiosk restart (sync/clock_witness.h): the sync saves
# the Date it took as a witness in the state folder (clock.json, with the boot id and the boot
# clock), so a kiosk restarted under a wrong system clock (faked with `litfass run --clock-offset`)
# shows the right time before any sync has answered -- on the same boot only. From before a
# reboot it is a floor and no time is derived from it; a bad file is named in the log and
# ignored. nginx (Debian's, 127.0.0.1) is stopped after the first run, so nothing after it can
# come from a sync.
#   1. a 1970 clock: the server's time, and clock.json with this boot's id;
#   2. restart, server gone: the saved time carried on (clock_source server_saved), no
#      'clock not set' at any moment; `litfass status` says so;
#   3. clock.json from another boot: a 1970 clock shows no time; a clock two days behind the
#      saved time is not believed (the floor); a clock after it is;
#   4. broken files (not JSON, a boot time later than this boot's clock now): named with the
#      field in the log, no time shown, the kiosk runs on.
. "$(dirname "$0")/shell_lib.sh"
. "$SRC/tests/servers/sync_lib.sh"
. "$SRC/tests/lib/kiosk_lib.sh"

kiosk_setup_sample 1024x600 "$TMP/www"
REAL=$(date +%s)
BOOT=$(cat /proc/sys/kernel/random/boot_id)
CACHE=$TMP/cache
kiosk_config "$URL" "$CACHE" clock.trust_ntp=false >"$TMP/kiosk.conf"

# run_kiosk NAME OFFSET_S: the kiosk on $CACHE, its log $TMP/NAME.log
run_kiosk() {
  "$BIN" run --config "$TMP/kiosk.conf" --clock-offset "$2" 2>"$TMP/$1.log" &
  KPID=$!
}
# header_time LOG: the UTC time the header showed last ("" for none), with its source
header_line() { grep -F "clock: the header shows" "$1" | tail -n1; }
# set_witness KEY=VALUE...: rewrites fields of clock.json (JSON values)
set_witness() {
  "$PYTHON" - "$CACHE/clock.json" "$@" <<'PY'
import json, sys
p = sys.argv[1]
w = json.load(open(p))
for kv in sys.argv[2:]:
    k, v = kv.split("=", 1)
    w[k] = json.loads(v)
json.dump(w, open(p, "w"))
PY
}

# 1. a 1970 clock takes the server's time and saves it
run_kiosk first $((-REAL))
kiosk_wait_log "$TMP/first.log" "showing the server's time" 40 ||
  { bad "first run: the server's time was not taken"; show_log first; }
for i in $(seq 40); do [ -f "$CACHE/clock.json" ] && break; sleep 0.5; done
if [ -f "$CACHE/clock.json" ]; then
  read -r date boot host boottime < <("$PYTHON" - "$CACHE/clock.json" <<'PY'
import json, sys
w = json.load(open(sys.argv[1]))
print(w["server_date"], w["boot_id"], w["host"], w["boottime_ms"])
PY
)
  near_now "$date" && [ "$boot" = "$BOOT" ] && [ "$host" = 127.0.0.1 ] && [ "$boottime" -gt 0 ] &&
    ok "clock.json: the server's Date ($date), this boot's id, the host and the boot clock" ||
    bad "clock.json: $(cat "$CACHE/clock.json")"
  # (clock.json's own: the running kiosk writes status.json through a temp file of its own)
  left=$(ls "$CACHE" | grep '^clock\.json\..*\.tmp$')
  [ -n "$left" ] && bad "a temp file of clock.json is left: $left" ||
    ok "clock.json written whole (no temp file left)"
else
  bad "no clock.json in the state folder: $(ls "$CACHE")"
fi
stop_kiosk
stop_nginx # from here on no sync can answer

# 2. restart on the same boot, the server gone: the saved time, carried on
sleep 2 # the boot clock moves on
run_kiosk same $((-REAL))
if wait_screen "$CACHE" clock_source server_saved 45 "$KPID"; then
  ok "after a restart: status.json says clock_source server_saved"
  grep -q "clock wrong: .*saved before a restart on this boot.*showing the server's time" \
    <<<"$(screen_key "$CACHE" clock)" && ok "status.json: clock says the time is the saved one" ||
    bad "status.json clock: $(screen_key "$CACHE" clock)"
  "$BIN" status --config "$TMP/kiosk.conf" >"$TMP/status.out" 2>&1
  grep -q "^clock: *the content server's time saved before a restart on this boot" \
    "$TMP/status.out" && ok "litfass status names the saved server time" ||
    { bad "litfass status:"; sed 's/^/  /' "$TMP/status.out"; }
else
  bad "after a restart: clock_source '$(screen_key "$CACHE" clock_source)'"; show_log same
fi
grep -q "clock.json: the content server 127.0.0.1 said .* on this boot" "$TMP/same.log" &&
  ok "the log says where the time comes from" || { bad "no log line for clock.json"; show_log same; }
hdr=$(header_line "$TMP/same.log")
shown=$(sed -n 's/.*the header shows the time of \([0-9-]* [0-9:]*\) UTC (source: server_saved).*/\1/p' <<<"$hdr")
[ -n "$shown" ] && near_now "${shown}Z" && ok "the header shows the saved server time carried on ($shown UTC)" ||
  bad "header: $hdr"
grep -q "clock not set\|shows no date or time" "$TMP/same.log" &&
  bad "the restarted kiosk showed no time for a while: $(grep -m1 "clock not set\|no date or time" "$TMP/same.log")" ||
  ok "no moment without a time after the restart"
grep -q "showing new content\|sync: .*installed" "$TMP/same.log" &&
  bad "a sync answered (the test is void)" || true
stop_kiosk

# 3. clock.json from before a reboot: a floor, never a time
set_witness 'boot_id="00000000-0000-0000-0000-000000000000"'
run_kiosk reboot $((-REAL))
if wait_screen "$CACHE" clock_source none 45 "$KPID"; then
  ok "another boot, a 1970 clock: no time shown (clock_source none)"
else
  bad "another boot, a 1970 clock: clock_source '$(screen_key "$CACHE" clock_source)'"; show_log reboot
fi
grep -q "clock.json: the content server 127.0.0.1 said .* before this boot: no time is derived" \
  "$TMP/reboot.log" && ok "the log says the saved time is a floor only" || { bad "reboot log"; show_log reboot; }
grep -q "(source: server" "$TMP/reboot.log" && bad "a time was derived from a witness of another boot" ||
  ok "no time derived from another boot's witness"
stop_kiosk
# the saved Date two days ahead of the clock (and of the bundle's creation, a floor too)
saved=$("$PYTHON" -c 'import json,sys; print(json.load(open(sys.argv[1]))["server_date"])' "$CACHE/clock.json")
set_witness "server_date=\"$(date -u -d @$((REAL + 2 * 86400)) +%Y-%m-%dT%H:%M:%SZ)\""
run_kiosk behind 0
if wait_screen "$CACHE" clock_source none 45 "$KPID"; then
  grep -q "clock not set: .*before the content server's time saved before this boot" \
    <<<"$(screen_key "$CACHE" clock)" &&
    ok "a clock two days behind the saved time is not believed (the floor)" ||
    bad "behind: clock '$(screen_key "$CACHE" clock)'"
else
  bad "a clock two days behind another boot's witness: clock_source '$(screen_key "$CACHE" clock_source)'"; show_log behind
fi
stop_kiosk
set_witness "server_date=\"$saved\""
run_kiosk right 0
wait_screen "$CACHE" clock_source system 45 "$KPID" && [ -z "$(screen_key "$CACHE" clock)" ] &&
  ok "a right clock above the floor is believed" ||
  { bad "right clock: '$(screen_key "$CACHE" clock_source)' '$(screen_key "$CACHE" clock)'"; show_log right; }
stop_kiosk

# 4. broken files: the file and the field named, no time, the kiosk runs on
printf '{"server_date": "2026-12-02T07:00:00Z", "host": ' >"$CACHE/clock.json"
run_kiosk broken $((-REAL))
if wait_screen "$CACHE" clock_source none 45 "$KPID"; then
  grep -q "clock.json: line [0-9]*: .*; ignored (no time is taken from it)" "$TMP/broken.log" &&
    ok "a broken clock.json: named in the log, no time shown" || { bad "broken: log"; show_log broken; }
else
  bad "broken clock.json: clock_source '$(screen_key "$CACHE" clock_source)'"; show_log broken
fi
kill -0 "$KPID" 2>/dev/null && ok "the kiosk runs on" || bad "the kiosk died"
stop_kiosk
printf '{"server_date": "%s", "host": "127.0.0.1", "boot_id": "%s", "boottime_ms": 999999999999}\n' \
  "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$BOOT" >"$CACHE/clock.json"
run_kiosk future $((-REAL))
if wait_screen "$CACHE" clock_source none 45 "$KPID"; then
  grep -q "clock.json: field \"boottime_ms\": 999999999999 ms is later than this boot's clock now" \
    "$TMP/future.log" && ok "a boot time from the future: the field named, no time shown" ||
    { bad "future boottime: log"; show_log future; }
else
  bad "future boottime: clock_source '$(screen_key "$CACHE" clock_source)'"; show_log future
fi
stop_kiosk

finish
