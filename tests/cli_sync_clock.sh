#!/usr/bin/env bash
# The kiosk under a wrong system clock takes the time from its content server (Debian's
# nginx on 127.0.0.1): the Date header of the sync's successful responses, carried on by the
# monotonic clock (core/clock_floor.h). The clock is faked for the kiosk alone with
# `litfass run --clock-offset` (seconds added to its system clock; the machine's stays).
#   1. a 1970 clock: the log names the server's time, the header shows it, status.json's
#      screen says clock_source "server" and `litfass status` says so;
#   2. a clock two days ahead (plausible by every floor): wrong by the server, the same;
#   3. a right clock below a floor left in status.json by a clock once ahead: doubted until
#      the server agrees, then believed (source "system", clock "");
#   4. no witness that does not count: a redirect to another host name whose Date is old
#      (misbehave.py redirhost) and an error response (HTTP 500) leave a 1970 clock unset.
. "$(dirname "$0")/shell_lib.sh"
. "$SRC/tests/servers/sync_lib.sh"
. "$SRC/tests/lib/kiosk_lib.sh"

kiosk_setup_sample 1024x600 "$TMP/www"
REAL=$(date +%s)

# run_kiosk NAME URL OFFSET_S: a kiosk with cache $TMP/NAME, its log $TMP/NAME.log
run_kiosk() {
  kiosk_config "$2" "$TMP/$1" clock.trust_ntp=false >"$TMP/$1.conf"
  "$BIN" run --config "$TMP/$1.conf" --clock-offset "$3" 2>"$TMP/$1.log" &
  KPID=$!
}

# 1. a 1970 clock
run_kiosk c1970 "$URL" $((-REAL))
if kiosk_wait_log "$TMP/c1970.log" "showing the server's time" 40; then
  line=$(grep -F "showing the server's time" "$TMP/c1970.log" | head -n1)
  server=$(sed -n 's/.*the content server 127\.0\.0\.1 says \([0-9-]* [0-9:]*\) UTC.*/\1/p' <<<"$line")
  grep -q "the system clock says 1970-01-01" <<<"$line" && near_now "${server}Z" &&
    ok "a 1970 clock: the log says it is wrong and names the server's time ($server UTC)" ||
    bad "a 1970 clock: $line"
else
  bad "a 1970 clock: the server's time is not taken"; show_log c1970
fi
if wait_screen "$TMP/c1970" clock_source server 45; then
  ok "status.json: clock_source server"
  grep -q "clock wrong: .*showing the server's time" <<<"$(screen_key "$TMP/c1970" clock)" &&
    ok "status.json: clock says why" || bad "status.json clock: $(screen_key "$TMP/c1970" clock)"
  "$BIN" status --config "$TMP/c1970.conf" >"$TMP/status.out" 2>&1
  grep -q "^clock: *the content server's time (the system clock is wrong)" "$TMP/status.out" &&
    ok "litfass status says the time shown is the content server's" ||
    { bad "litfass status:"; sed 's/^/  /' "$TMP/status.out"; }
else
  bad "status.json clock_source: '$(screen_key "$TMP/c1970" clock_source)'"; show_log c1970
fi
grep -q "clock not set: it says 1970" "$TMP/c1970.log" &&
  ok "before the first sync the 1970 clock was not shown (clock not set)" ||
  bad "no 'clock not set' before the server answered"
stop_kiosk

# the header: the last time it was laid out, the server's time (not 1970)
hdr=$(grep -F "clock: the header shows" "$TMP/c1970.log" | tail -n1)
shown=$(sed -n 's/.*the header shows the time of \([0-9-]* [0-9:]*\) UTC (source: server).*/\1/p' <<<"$hdr")
[ -n "$shown" ] && near_now "${shown}Z" && ok "the header shows the server's time ($shown UTC)" ||
  bad "header: $hdr"
grep -q "clock: the header shows no date or time (source: none)" "$TMP/c1970.log" &&
  ok "before the server answered the header showed no date or time" ||
  bad "the header showed a time before the server answered"

# 2. a clock two days ahead: plausible by every floor, wrong by the server
run_kiosk ahead "$URL" $((2 * 86400))
if kiosk_wait_log "$TMP/ahead.log" "showing the server's time" 40; then
  line=$(grep -F "showing the server's time" "$TMP/ahead.log" | head -n1)
  server=$(sed -n 's/.*the content server 127\.0\.0\.1 says \([0-9-]* [0-9:]*\) UTC.*/\1/p' <<<"$line")
  near_now "${server}Z" && ok "a clock two days ahead: the server's time is shown ($server UTC)" ||
    bad "two days ahead: $line"
else
  bad "a clock two days ahead was believed"; show_log ahead
fi
grep -q "clock not set" "$TMP/ahead.log" && bad "a clock ahead was called not set" ||
  ok "a clock ahead is not 'not set' (it passes the floors)"
stop_kiosk

# 3. a right clock below the floor a clock once ahead left in status.json
run_kiosk right "$URL" 0
kiosk_wait_log "$TMP/right.log" "showing new content" 40 || { bad "right clock: no content"; show_log right; }
stop_kiosk
"$PYTHON" - "$TMP/right/status.json" "$(date -u -d @$((REAL + 3 * 86400)) +%Y-%m-%dT%H:%M:%SZ)" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
s["last_success"] = sys.argv[2]
json.dump(s, open(sys.argv[1], "w"))
PY
rm -f "$TMP/right/clock.json" # the server's time saved on this boot would vouch at once (cli_clock_restart)
: >"$TMP/right.log"
run_kiosk right "$URL" 0
if kiosk_wait_log "$TMP/right.log" "agrees with the content server 127.0.0.1" 40; then
  ok "a right clock below a future floor is believed once the server agrees"
  grep -q "clock not set: .*before the newest time this kiosk showed" "$TMP/right.log" &&
    ok "... and was doubted before the server answered" || bad "the future floor was not in force"
else
  bad "the future floor was not settled"; show_log right
fi
wait_screen "$TMP/right" clock_source system 45 && [ -z "$(screen_key "$TMP/right" clock)" ] &&
  ok "status.json: clock_source system, clock empty" ||
  bad "status.json after settling: source '$(screen_key "$TMP/right" clock_source)' clock '$(screen_key "$TMP/right" clock)'"
stop_kiosk

# 4. Dates that do not count: a redirect to another host name, an error response
# date_not_taken NAME WHAT: once the clock was judged again (every 2 s), $TMP/NAME.log shows
# no server time taken (WHAT: whose Date it was)
date_not_taken() {
  sleep 3
  if grep -q "showing the server's time" "$TMP/$1.log"; then
    bad "the Date of $2 was taken: $(grep -F "server's time" "$TMP/$1.log" | head -1)"
  else
    ok "$2: its Date is not taken, the clock stays unset"
  fi
}
mkdir -p "$TMP/next"
cp -r "$TMP/www/." "$TMP/next/"
start_misbehave "$TMP/www" "$TMP/next" || { bad "misbehave.py did not start"; finish; exit 1; }
run_kiosk redir "$MB_URL/m-redirhost/content.json" $((-REAL))
if kiosk_wait_log "$TMP/redir.log" "showing new content" 40; then
  grep -q "redirhost" "$MB_LOG" && grep -q "olddate" "$MB_LOG" ||
    bad "the redirect was not followed: $(cat "$MB_LOG" | head -3)"
  date_not_taken redir "a redirect to another host"
  hdr=$(grep -F "clock: the header shows" "$TMP/redir.log" | tail -n1)
  grep -q "shows no date or time" <<<"$hdr" && ok "... and the header shows no date or time" ||
    bad "header after the redirect: $hdr"
  wait_screen "$TMP/redir" clock_source none 45 && ok "status.json: clock_source none" ||
    bad "status.json clock_source '$(screen_key "$TMP/redir" clock_source)'"
else
  bad "the redirected bundle was not installed"; show_log redir
fi
stop_kiosk
run_kiosk err "$MB_URL/m-500/content.json" $((-REAL))
if kiosk_wait_log "$TMP/err.log" "HTTP 500" 40; then
  date_not_taken err "an error response"
else
  bad "the kiosk did not ask the failing server"; show_log err
fi
stop_kiosk
run_kiosk portal "$MB_URL/m-portal/content.json" $((-REAL))
if kiosk_wait_log "$TMP/portal.log" "warning: sync: $MB_URL/m-portal/content.json" 40; then
  date_not_taken portal "a login page answering for the server"
  grep -q "m-portal/content.json: the server answered with a web page" "$TMP/portal.log" &&
    ok "... and the log says a web page came instead of the bundle" ||
    bad "the log does not say a web page came: $(grep -F m-portal "$TMP/portal.log" | head -2)"
else
  bad "the kiosk did not say it got a web page"; show_log portal
fi
stop_kiosk
stop_misbehave

finish
