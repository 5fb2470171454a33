#!/usr/bin/env bash
# The kiosk with sync, as a city would run it (windowed, on an Xvfb display):
#   1. a web server (Debian's nginx on 127.0.0.1) publishes bundle version A:
#      the running kiosk installs it and shows it from a slide boundary on;
#   2. the KI publishes version B: the kiosk picks it up within its poll
#      interval (3 s here), without a restart, and the carousel never stops;
#   3. a server that drips one byte per second: the frame loop keeps
#      drawing transitions while the transfer hangs (after it began, before
#      it ended).
. "$(dirname "$0")/shell_lib.sh"
. "$SRC/tests/servers/sync_lib.sh"
. "$SRC/tests/lib/kiosk_lib.sh"

# wait_log FILE TEXT SECONDS: true once TEXT appears in FILE
wait_log() { kiosk_wait_log "$1" "$2" "$3"; }

# the kiosk's config for URL and CACHE: a slow transfer is waited for (the drip below)
config_for() {
  kiosk_config "$1" "$2" display.width=960 display.height=540 carousel.transition_ms=300 \
    sync.low_speed_bytes=1 sync.low_speed_seconds=120 sync.transfer_timeout_seconds=120
}

publish() { # publish VERSION: the sample bundle with that version on the web server
  rm -rf "$TMP/www"
  cp -r "$SRC/assets/content" "$TMP/www"
  sed -i "s/\"version\": *\"[^\"]*\"/\"version\": \"$1\"/" "$TMP/www/content.json"
  PUBLISHED=$((${PUBLISHED:-0} + 1))
  sign_bundle "$TMP/www" --serial "$PUBLISHED"   # each release a higher serial
}

kiosk_setup 1280x720 "$TMP/www"
publish kiosk-A
config_for "$URL" "$TMP/cache" >"$TMP/kiosk.conf"
# it looks every 3 s (LITFASS_BENCH_POLL_MS; the config's least is 30 s, which the test
# waited out for version B)
LITFASS_BENCH_POLL_MS=3000 "$BIN" run --config "$TMP/kiosk.conf" 2>"$TMP/kiosk.log" &
KPID=$!
if wait_log "$TMP/kiosk.log" "(version kiosk-A)" 40; then
  ok "the running kiosk installed and shows the published bundle"
else
  bad "version A not shown"; tail -20 "$TMP/kiosk.log" | sed 's/^/  log: /'
fi
[ "$(readlink -f "$TMP/cache/current")/content.json" -ef "$TMP/cache/current/content.json" ] &&
  cmp -s "$TMP/cache/current/content.json" "$TMP/www/content.json" &&
  ok "the installed manifest is the published one" || bad "installed manifest differs"
# the sync ran in a short-lived child (issue 13): the process on screen never opened libcurl
if grep -q 'libcurl' "/proc/$KPID/maps"; then
  bad "the kiosk's display process maps libcurl"
else
  ok "the kiosk's display process does not map libcurl (its sync ran in a child)"
fi

publish kiosk-B
if wait_log "$TMP/kiosk.log" "(version kiosk-B)" 60; then
  ok "a newly published bundle is shown without a restart"
else
  bad "version B not shown within the poll interval"; tail -20 "$TMP/kiosk.log" | sed 's/^/  log: /'
fi
n=$(grep -c 'transition:' "$TMP/kiosk.log")
# pages with text stay up to 4 x slide_seconds (reading time): 12 s here
[ "$n" -ge 2 ] && ok "the carousel kept moving meanwhile ($n transitions)" || bad "only $n transitions"
grep -q 'error' "$TMP/kiosk.log" && bad "errors in the log: $(grep error "$TMP/kiosk.log" | head -3)" || ok "no errors in the log"
stop_kiosk

# a transfer that hangs: the manifest arrives one byte per second (for minutes: the
# server stops dripping at its time limit)
mkdir -p "$TMP/next"
cp -r "$TMP/www/." "$TMP/next/"
start_misbehave "$TMP/www" "$TMP/next" || { bad "misbehave.py did not start"; finish; exit 1; }
config_for "$MB_URL/m-drip/content.json" "$TMP/cache2" >"$TMP/drip.conf"
"$BIN" run --config "$TMP/drip.conf" 2>"$TMP/drip.log" &
KPID=$!
# the order of events, each waited for with a generous limit (never a speed figure):
# the transfer begins, then the carousel moves twice, and only then may it end
began=""
for _ in $(seq 1200); do # up to 120 s
  grep -qF "DRIP GET /m-drip/content.json first byte sent" "$MB_LOG" && { began=yes; break; }
  kill -0 "$KPID" 2>/dev/null || break
  sleep 0.1
done
[ -n "$began" ] && ok "the kiosk asked the dripping server" || bad "no request reached the dripping server"
from=$(($(wc -l <"$TMP/drip.log") + 1))
n=0
for _ in $(seq 1200); do # up to 120 s; a slide changes every 3 to 12 s here
  n=$(tail -n +"$from" "$TMP/drip.log" | grep -c 'transition:')
  [ "$n" -ge 2 ] && break
  kill -0 "$KPID" 2>/dev/null || break
  sleep 0.1
done
if grep -q '^REQ GET /m-drip/' "$MB_LOG"; then
  bad "the dripping transfer ended before the carousel had moved: $(grep '^REQ GET /m-drip/' "$MB_LOG" | head -1)"
else
  [ "$n" -ge 2 ] && ok "the carousel kept moving while the transfer hung ($n transitions after it began)" ||
    bad "only $n transitions after the transfer began"
fi
stop_kiosk
grep -q "showing new content" "$TMP/drip.log" && bad "half a bundle was shown" || ok "nothing was installed from the hanging transfer"

finish
