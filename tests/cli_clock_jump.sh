#!/usr/bin/env bash
# The wall clock of a running kiosk set back two years, then three years ahead (an RTC
# battery, an admin's `date`, NTP after a clock that ran ahead). libfaketime (Debian's
# faketime) moves the clock of the kiosk and of `litfass status` alone, while they run: the
# offset is read again from a file every second (FAKETIME_CACHE_DURATION); the monotonic clock
# stays the machine's, as it does when a real clock is set. Debian's nginx on 127.0.0.1
# serves the bundle (its Date is the clock's witness) and a small HTTP server stands for the
# studio's fleet page, keeping every heartbeat. After each jump:
#   - the fleet heartbeat: uptime_s and content_age_s not below 0 (the studio refuses
#     such a heartbeat: a live kiosk looked silent), "clock" says the clock is wrong;
#   - the Prometheus textfile: litfass_content_age_seconds not below 0, counted by the
#     server's time (so not years either), litfass_clock_wrong 1;
#   - status.json's screen.clock says why, `litfass status` (under the same clock) shows no
#     negative age and says the system clock is wrong.
. "$(dirname "$0")/shell_lib.sh"
. "$SRC/tests/servers/sync_lib.sh"
. "$SRC/tests/lib/kiosk_lib.sh"

FAKELIB=
for f in /usr/lib/*/faketime/libfaketime.so.1 /usr/lib/faketime/libfaketime.so.1; do
  [ -e "$f" ] && FAKELIB=$f && break
done
[ -n "$FAKELIB" ] || { bad "no libfaketime (Debian package faketime, scripts/debian-packages.txt)"; finish; exit 1; }

ST=$TMP/state
LOG=$TMP/kiosk.log
PROM=$TMP/litfass.prom
kiosk_setup_sample 800x480 "$TMP/www"

# the studio's fleet page: every heartbeat body, one a line
"$PYTHON" - "$TMP/studio.port" "$TMP/beats" <<'EOP' &
import http.server, sys
class H(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        if self.path.endswith("/heartbeat"):
            with open(sys.argv[2], "ab") as f:
                f.write(body.replace(b"\n", b" ") + b"\n")
        self.send_response(200); self.send_header("Content-Length", "2"); self.end_headers()
        self.wfile.write(b"{}")
    def log_message(self, *a):
        pass
srv = http.server.HTTPServer(("127.0.0.1", 0), H)
open(sys.argv[1], "w").write(str(srv.server_address[1]))
srv.serve_forever()
EOP
STUDIO=$!
trap 'stop_kiosk; kill $STUDIO 2>/dev/null; sync_cleanup; stop_xvfb' EXIT
for _ in $(seq 100); do [ -s "$TMP/studio.port" ] && break; sleep 0.1; done
echo token-for-the-test >"$TMP/token"
kiosk_config "$URL" "$ST" clock.trust_ntp=false monitor.name='"clock-test"' monitor.metrics_file="\"$PROM\"" \
  monitor.report_url="\"http://127.0.0.1:$(cat "$TMP/studio.port")/\"" \
  monitor.report_token_file="\"$TMP/token\"" monitor.report_allow_http=true \
  monitor.report_seconds=2 >"$TMP/kiosk.conf"

# faked COMMAND...: COMMAND under the clock in $TMP/offset ("+0", "-2y", "+3y")
faked() {
  LD_PRELOAD=$FAKELIB FAKETIME_TIMESTAMP_FILE=$TMP/offset FAKETIME_CACHE_DURATION=1 \
    FAKETIME_DONT_FAKE_MONOTONIC=1 "$@"
}
wait_for() { # wait_for SECONDS COMMAND...
  local i n=$(($1 * 10))
  shift
  for i in $(seq "$n"); do "$@" && return 0; sleep 0.1; done
  return 1
}
metric() { sed -n "s/^$1{[^}]*} //p" "$PROM" 2>/dev/null; }
beats() { wc -l <"$TMP/beats" 2>/dev/null || echo 0; }
more_beats_than() { [ "$(beats)" -gt "$1" ]; }
# last_beat KEY: the newest heartbeat's KEY
last_beat() { tail -n1 "$TMP/beats" | "$PYTHON" -c 'import json,sys; print(json.load(sys.stdin).get(sys.argv[1], "MISSING"))' "$1"; }
# beat_offset_about YEARS: the newest heartbeat's clock_offset_s within two days of YEARS years
beat_offset_about() {
  local off
  off=$(last_beat clock_offset_s)
  [[ "$off" =~ ^-?[0-9]+$ ]] && [ $((off - $1 * 31557600)) -gt -172800 ] && [ $((off - $1 * 31557600)) -lt 172800 ]
}
showing_installed() { [ "$(screen_key "$ST" source)" = installed ]; }
server_time() { [ "$(screen_key "$ST" clock_source)" = server ] && [ "$(metric litfass_clock_wrong)" = 1 ]; }

echo "+0" >"$TMP/offset"
faked "$BIN" run --config "$TMP/kiosk.conf" 2>"$LOG" &
KPID=$!
if wait_for 120 showing_installed && wait_for 60 test -s "$TMP/beats"; then
  ok "the kiosk runs under libfaketime, shows the synced bundle and reports"
else
  bad "the kiosk did not come up"; tail -15 "$LOG" | sed 's/^/  log: /'; finish; exit 1
fi
[ "$(metric litfass_clock_wrong)" = 0 ] && [ "$(last_beat clock)" = "" ] &&
  ok "the right clock: litfass_clock_wrong 0, the heartbeat's clock empty" ||
  bad "right clock: clock_wrong '$(metric litfass_clock_wrong)', heartbeat clock '$(last_beat clock)'"

# jump OFFSET NAME: sets the clock, then checks everything under it
jump() {
  local n
  echo "$1" >"$TMP/offset"
  if wait_for 90 server_time; then
    ok "$2: the kiosk takes the content server's time (status.json, litfass_clock_wrong 1)"
  else
    bad "$2: clock_source '$(screen_key "$ST" clock_source)', clock_wrong '$(metric litfass_clock_wrong)'"
    tail -8 "$LOG" | sed 's/^/  log: /'
  fi
  grep -q "^clock wrong: the system clock says" <<<"$(screen_key "$ST" clock)" &&
    ok "$2: status.json's screen.clock says why" || bad "$2: screen.clock '$(screen_key "$ST" clock)'"
  # the heartbeats sent after the kiosk knew: the kiosk offers what it shows when it draws a
  # frame (at the latest the next slide or minute), and after the second jump the kiosk was
  # already on the server's time, so wait for a heartbeat with this jump's offset
  n=$(beats)
  wait_for 60 more_beats_than "$((n + 1))"
  wait_for 90 beat_offset_about "$3"
  local up age clk
  up=$(last_beat uptime_s) age=$(last_beat content_age_s) clk=$(last_beat clock)
  [[ "$up" =~ ^[0-9]+$ ]] && [ "$up" -lt 86400 ] && [[ "$age" =~ ^[0-9]+$ ]] && [ "$age" -lt 86400 ] &&
    ok "$2: the heartbeat's uptime_s $up and content_age_s $age (not below 0, not years)" ||
    bad "$2: heartbeat uptime_s '$up', content_age_s '$age'"
  grep -q "^clock wrong: " <<<"$clk" && [ "$(last_beat clock_source)" = server ] &&
    ok "$2: the heartbeat says the clock is wrong" || bad "$2: heartbeat clock '$clk' source '$(last_beat clock_source)'"
  # how far off, for the fleet page ("Uhr falsch: 2 Jahre zurück"): the server's time
  # minus the system clock, within two days of the jump's years
  local off
  off=$(last_beat clock_offset_s)
  beat_offset_about "$3" &&
    ok "$2: the heartbeat's clock_offset_s $off (about $3 years)" ||
    bad "$2: heartbeat clock_offset_s '$off', wanted about $3 years"
  age=$(metric litfass_content_age_seconds)
  [[ "$age" =~ ^[0-9]+$ ]] && [ "$age" -lt 86400 ] &&
    ok "$2: litfass_content_age_seconds $age (by the server's time)" ||
    bad "$2: litfass_content_age_seconds '$age'"
  grep -E '^litfass_[a-z_]+\{[^}]*\} -' "$PROM" && bad "$2: a negative metric" || ok "$2: no metric below 0"
  faked "$BIN" status --config "$TMP/kiosk.conf" >"$TMP/status.out" 2>&1
  grep -q "^clock: *the content server's time (the system clock is wrong)" "$TMP/status.out" &&
    ok "$2: litfass status says the system clock is wrong" ||
    { bad "$2: litfass status:"; sed 's/^/  /' "$TMP/status.out"; }
  grep -qE -- '\(-[0-9]|: -[0-9]' "$TMP/status.out" && bad "$2: a negative number in status: $(grep -E -- '-[0-9]' "$TMP/status.out")" ||
    ok "$2: no negative age in litfass status"
}
jump "-2y" "set back two years" 2
jump "+3y" "three years ahead" -3
kill -0 "$KPID" 2>/dev/null && ok "the kiosk ran through both jumps" || bad "the kiosk died"
finish
