# Shared by the tests that run a kiosk which syncs (cli_sync_owner, cli_sync_kiosk,
# e2e_sync_soak); sourced after tests/shell_lib.sh and tests/servers/sync_lib.sh, not a test
# itself. The kiosk runs windowed on an Xvfb display of the test's own, its bundles come from
# Debian's nginx on 127.0.0.1; the EXIT trap stops the kiosk, the servers and the display.
KPID=""
stop_kiosk() {
  [ -n "$KPID" ] && { kill "$KPID" 2>/dev/null; wait "$KPID" 2>/dev/null; KPID=""; }
}
trap 'stop_kiosk; sync_cleanup; stop_xvfb' EXIT

# kiosk_setup WxH WWW: the X display of that size, the signing key ($TRUSTED) and nginx
# serving folder WWW (made if missing); sets URL to its content.json. Ends the test when any
# of them fails.
kiosk_setup() {
  start_xvfb "$1" || { bad "no X server"; finish; exit 1; }
  signing_key || { finish; exit 1; }
  mkdir -p "$2"
  start_nginx "$2" || { bad "nginx did not start"; finish; exit 1; }
  URL=http://127.0.0.1:$NGX_PORT/content.json
}

# kiosk_setup_sample WxH WWW: kiosk_setup, and the sample bundle (assets/content) signed with
# serial 1 in WWW for nginx to serve
kiosk_setup_sample() {
  kiosk_setup "$1" "$2"
  cp -r "$SRC/assets/content/." "$2/"
  sign_bundle "$2" --serial 1
}

# kiosk_config URL CACHE [section.key=value ...]: on stdout, the config of a windowed kiosk
# (800x480, slides of 3 s) that syncs URL into CACHE and trusts $TRUSTED; each
# section.key=value replaces that key's value here or adds the key.
kiosk_config() {
  local url=$1 cache=$2 kv key section
  shift 2
  local -a keys=(content.dir display.windowed display.width display.height
    carousel.slide_seconds carousel.transition_ms sync.url sync.allow_http sync.cache_dir
    sync.poll_seconds sync.trusted_keys log.level)
  local -A val=([content.dir]="\"$SRC/assets/content\"" [display.windowed]=true
    [display.width]=800 [display.height]=480 [carousel.slide_seconds]=3
    [carousel.transition_ms]=200 [sync.url]="\"$url\"" [sync.allow_http]=true
    [sync.cache_dir]="\"$cache\"" [sync.poll_seconds]=30 [sync.trusted_keys]="$TRUSTED"
    [log.level]=debug)
  for kv in "$@"; do
    key=${kv%%=*}
    [ -n "${val[$key]+set}" ] || keys+=("$key")
    val[$key]=${kv#*=}
  done
  # keys of one section together, the sections in the order they first come
  for section in $(printf '%s\n' "${keys[@]}" | cut -d. -f1 | awk '!seen[$0]++'); do
    echo "[$section]"
    for key in "${keys[@]}"; do
      [ "${key%%.*}" = "$section" ] && echo "${key#*.} = ${val[$key]}"
    done
  done
}

# kiosk_wait_log LOG TEXT SECONDS [FROM_LINE]: true once TEXT is in LOG after line FROM_LINE;
# false after SECONDS or as soon as the kiosk ($KPID) has gone
kiosk_wait_log() {
  local i
  for i in $(seq $(($3 * 10))); do
    tail -n +"${4:-1}" "$1" 2>/dev/null | grep -qF -- "$2" && return 0
    kill -0 "$KPID" 2>/dev/null || return 1
    sleep 0.1
  done
  return 1
}

# screen_key CACHE KEY: the value of CACHE/status.json's screen.KEY ("" when absent)
screen_key() {
  "$PYTHON" - "$1/status.json" "$2" <<'PY' 2>/dev/null
import json, sys
print(json.load(open(sys.argv[1])).get("screen", {}).get(sys.argv[2], ""))
PY
}

# wait_screen CACHE KEY VALUE SECONDS [PID]: true once status.json's screen.KEY is VALUE
# (with PID: written by that kiosk, screen.pid)
wait_screen() {
  local i
  for i in $(seq $(($4 * 2))); do
    [ "$(screen_key "$1" "$2")" = "$3" ] && { [ -z "${5:-}" ] || [ "$(screen_key "$1" pid)" = "$5" ]; } &&
      return 0
    sleep 0.5
  done
  return 1
}

# near_now ISO: true when ISO (UTC, "2026-12-02T05:10:00Z") is within 10 minutes of now
near_now() {
  local t
  t=$(date -u -d "$1" +%s 2>/dev/null) || return 1
  [ $((t - $(date +%s))) -le 600 ] && [ $(($(date +%s) - t)) -le 600 ]
}

# show_log NAME: the last lines of $TMP/NAME.log, to say why a check failed
show_log() { tail -n 15 "$TMP/$1.log" | sed 's/^/  log: /'; }
