#!/usr/bin/env bash
# Health that city IT's monitoring reads ([monitor], src/monitor/):
#   1. the running kiosk's frame loop writes its heartbeat into status.json
#      and the Prometheus textfile; `litfass status` says healthy (exit 0);
#      the screen's name is in every log line;
#   2. `litfass screenshot --out` saves what the kiosk shows (not blank);
#   3. stopped cleanly: proof-of-play.json counts the items shown today,
#      metrics say up 0, `litfass status` exits 1;
#   4. a heartbeat older than 2 minutes and sync failing for a day are
#      unhealthy (status.json written by hand, as a hung kiosk leaves it).
. "$(dirname "$0")/shell_lib.sh"
KPID=""
stop_all() {
  [ -n "$KPID" ] && { kill "$KPID" 2>/dev/null; wait "$KPID" 2>/dev/null; KPID=""; }
  stop_xvfb
  rm -rf "$TMP"
}
trap stop_all EXIT
start_xvfb 1024x600 || { bad "no X server"; finish; exit 1; }
mkdir -p "$TMP/state" "$TMP/metrics"
cat >"$TMP/kiosk.conf" <<EOC
[content]
dir = $SRC/assets/content
[carousel]
slide_seconds = 3
transition_ms = 0
[sync]
cache_dir = $TMP/state
[monitor]
name = foyer-test
metrics_file = $TMP/metrics/litfass.prom
EOC
# the day (Europe/Berlin, as proof-of-play.json counts) the kiosk starts on: a run across
# midnight counts its showings on both days
first_day=$(TZ=Europe/Berlin date +%Y-%m-%d)
"$BIN" run --config "$TMP/kiosk.conf" 2>"$TMP/kiosk.log" &
KPID=$!
for _ in $(seq 900); do grep -q '"heartbeat"' "$TMP/state/status.json" 2>/dev/null && break; sleep 0.1; done
# then a heartbeat after the first slide came: status.json and the metrics name it (up to 90 s;
# it was a fixed 4 s, which a busy machine could take before the first slide)
shown() {
  grep -qE '"slides_shown": ?[1-9]' "$TMP/state/status.json" 2>/dev/null &&
    grep -qE '^litfass_slides_shown_total\{screen="foyer-test"\} [1-9]' "$TMP/metrics/litfass.prom" 2>/dev/null
}
for _ in $(seq 900); do shown && break; sleep 0.1; done

expect_exit 0 "litfass status: healthy while the kiosk runs" -- "$BIN" status --config "$TMP/kiosk.conf"
expect_in "$TMP/out" "screen:    foyer-test (pid $KPID)" "status names the screen and its process"
expect_in "$TMP/out" "health:    ok" "status says ok"
expect_in "$TMP/out" "display on" "status says the display is on"
expect_in "$TMP/out" "showing:   $(readlink -f "$SRC/assets/content"), version " "status says which folder is on screen"
expect_in "$TMP/state/status.json" '"display_on": true' "status.json: display on"
expect_in "$TMP/state/status.json" '"last_frame": "20' "status.json: the time of the last frame"
expect_in "$TMP/state/status.json" '"slides": ' "status.json: the slide on screen"
"$PYTHON" - "$TMP/state/status.json" "$(readlink -f "$SRC/assets/content")" >"$TMP/part" <<'EOP'
import json, sys
d = json.load(open(sys.argv[1]))
sc = d.get("screen", {})
print("ok" if "on_screen" not in d and sc.get("folder") == sys.argv[2] and sc.get("version")
      and sc.get("serial") == 0 and sc.get("up") is True else json.dumps(d))
EOP
[ "$(cat "$TMP/part")" = ok ] && ok "status.json: one screen part (folder, version, serial; no on_screen)" ||
  bad "status.json's screen part: $(cat "$TMP/part")"
expect_in "$TMP/metrics/litfass.prom" 'litfass_up{screen="foyer-test"} 1' "metrics: up 1 with the screen's name"
expect_in "$TMP/metrics/litfass.prom" '# TYPE litfass_slides_shown_total counter' "metrics: slides shown is a counter"
for m in litfass_last_frame_timestamp_seconds litfass_bundle_serial litfass_content_age_seconds \
         litfass_sync_failures litfass_display_on; do
  grep -qE "^$m\{screen=\"foyer-test\"\} [0-9]+$" "$TMP/metrics/litfass.prom" && ok "metrics: $m" ||
    bad "metrics: no $m line"
done
grep -q 'litfass\[foyer-test\]: info' "$TMP/kiosk.log" && ok "the screen's name is in the log lines" ||
  bad "no name in the log"

# 2. screenshot of the running kiosk
if "$BIN" screenshot --config "$TMP/kiosk.conf" --out "$TMP/shot.png" >"$TMP/out" 2>"$TMP/err"; then
  read -r w h colours lit < <("$PYTHON" "$SRC/tests/servers/png_stats.py" "$TMP/shot.png")
  [ "${w}x${h}" = "1024x600" ] && [ "$colours" -ge 50 ] && [ "$lit" -ge 50 ] &&
    ok "litfass screenshot saved the slide (${w}x${h}, $colours colours)" ||
    bad "screenshot: ${w}x${h}, $colours colours, $lit % lit"
  [ -n "${LITFASS_KEEP_SHOT:-}" ] && cp "$TMP/shot.png" "$LITFASS_KEEP_SHOT"
else
  bad "litfass screenshot failed: $(cat "$TMP/err")"
fi
expect_exit 2 "screenshot without --out is a usage error" -- "$BIN" screenshot --config "$TMP/kiosk.conf"

# 3. a clean stop
kill "$KPID"; wait "$KPID"; KPID=""
today=$(TZ=Europe/Berlin date +%Y-%m-%d)
"$PYTHON" - "$TMP/state/proof-of-play.json" "$first_day" "$today" >"$TMP/pop" <<'EOP'
import json, sys
d = json.load(open(sys.argv[1]))
day = {}
for date in sorted(set(sys.argv[2:])):
    for item, n in d.get(date, {}).items():
        day[item] = day.get(item, 0) + n
print(len(day), sum(day.values()), ",".join(sorted(day)))
EOP
read -r items plays names <"$TMP/pop"
[ "${items:-0}" -ge 1 ] && [ "${plays:-0}" -ge 1 ] && ok "proof of play: $plays showings of $items items today ($names)" ||
  bad "proof of play: $(cat "$TMP/pop")"
expect_in "$TMP/metrics/litfass.prom" 'litfass_up{screen="foyer-test"} 0' "metrics: up 0 after a clean stop"
expect_exit 1 "litfass status: not healthy once the kiosk stopped" -- "$BIN" status --config "$TMP/kiosk.conf"
expect_in "$TMP/out" "the kiosk stopped" "... and says so"

# 4. a hung kiosk (heartbeat 5 minutes old) and a day of failing syncs
old=$(date -u -d '-5 min' +%Y-%m-%dT%H:%M:%SZ)
twodays=$(date -u -d '-2 days' +%Y-%m-%dT%H:%M:%SZ)
recent=$(date -u -d '-10 min' +%Y-%m-%dT%H:%M:%SZ)
cat >"$TMP/state/status.json" <<EOJ
{"last_attempt": "$recent", "last_success": "$twodays", "consecutive_failures": 40,
 "last_error": "HTTP 503 from the server", "url": "https://127.0.0.1/content.json",
 "screen": {"name": "foyer-test", "pid": 1, "up": true, "heartbeat": "$old",
            "last_frame": "$old", "display_on": true, "content_error": ""}}
EOJ
expect_exit 1 "a heartbeat 5 minutes old is unhealthy" -- "$BIN" status --config "$TMP/kiosk.conf"
expect_in "$TMP/out" "no heartbeat for 3" "... named as such"
expect_in "$TMP/out" "no frame drawn for 3" "... and no frame"
printf '[sync]\nurl = https://127.0.0.1/content.json\ntrusted_keys = %s\ncache_dir = %s\n' \
  "$(head -c 32 /dev/zero | base64)" "$TMP/state" >"$TMP/sync.conf"
expect_exit 1 "sync failing for two days is unhealthy" -- "$BIN" status --config "$TMP/sync.conf"
expect_in "$TMP/out" "sync failing for 2 days (since $twodays, 40 failures in a row): HTTP 503 from the server" "... how long, since when, with the last error"

# 5. the screen's name in the HTTP User-Agent (a one-shot server on 127.0.0.1)
"$PYTHON" - "$TMP/ua.port" "$TMP/ua.log" <<'EOP' &
import http.server, sys
class H(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        open(sys.argv[2], "a").write(self.headers.get("User-Agent", "") + "\n")
        self.send_error(404)
    def log_message(self, *a):
        pass
srv = http.server.HTTPServer(("127.0.0.1", 0), H)
open(sys.argv[1], "w").write(str(srv.server_address[1]))
srv.handle_request()
EOP
UAPID=$!
for _ in $(seq 600); do [ -s "$TMP/ua.port" ] && break; sleep 0.1; done # up to 60 s: a busy machine
printf '[sync]\ncache_dir = %s/ua-cache\nallow_http = yes\ntrusted_keys = %s\n[monitor]\nname = foyer-test\n' \
  "$TMP" "$(head -c 32 /dev/zero | base64)" >"$TMP/ua.conf"
mkdir -p "$TMP/ua-cache"
"$BIN" sync --once --config "$TMP/ua.conf" --url "http://127.0.0.1:$(cat "$TMP/ua.port")/content.json" >/dev/null 2>&1
wait "$UAPID" 2>/dev/null
grep -q '^litfass/[0-9.]* (foyer-test)$' "$TMP/ua.log" && ok "the User-Agent names the screen: $(cat "$TMP/ua.log")" ||
  bad "User-Agent: '$(cat "$TMP/ua.log" 2>/dev/null)'"
finish
