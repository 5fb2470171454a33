#!/usr/bin/env bash
# The store under fire (issue 11), about 90 s: a running kiosk (windowed, on an Xvfb display
# of its own, looking every second), a publisher on Debian's nginx (127.0.0.1) that signs a
# new bundle every 3 s with a changed image, manual `litfass sync --once` runs (handed over to
# the kiosk, or on their own while it is down), and SIGKILLs of the kiosk and of manual runs
# in the middle of installs. Afterwards:
#   - the kiosk never showed a slide without its image (the painter's warning never came),
#     and never refused a bundle it was handed;
#   - one last manual run leaves the newest published bundle installed and on screen;
#   - no staging folder or temp file remains, and only current/previous/shown bundles stay.
. "$(dirname "$0")/shell_lib.sh"
. "$SRC/tests/servers/sync_lib.sh"
. "$SRC/tests/lib/kiosk_lib.sh"

DURATION=${LITFASS_SOAK_SECONDS:-75}
CACHE=$TMP/cache
ROOT=$TMP/root          # nginx serves this link; each release is switched in with one rename
IMG=images/poster-wochen-gegen-rassismus.png
mkdir -p "$TMP/rel0"
ln -s "$TMP/rel0" "$ROOT"
kiosk_setup 800x480 "$ROOT"
kiosk_config "$URL" "$CACHE" log.level=info >"$TMP/kiosk.conf"

SERIAL=0
publish() { # the next serial, signed, switched in atomically
  SERIAL=$((SERIAL + 1))
  local d=$TMP/rel$SERIAL
  cp -r "$SRC/assets/content" "$d"
  sed -i "s/\"version\": *\"[^\"]*\"/\"version\": \"soak-$SERIAL\"/" "$d/content.json"
  "$PYTHON" "$SERVERS/png_text.py" "$d/$IMG" "release $SERIAL" || return 1
  "$BIN" sign "$d" --key "$TMP/ki.key" --serial "$SERIAL" >/dev/null 2>"$TMP/sign.err" || return 1
  ln -sfn "$d" "$ROOT.new" && mv -T "$ROOT.new" "$ROOT"
  [ "$SERIAL" -gt 3 ] && rm -rf "$TMP/rel$((SERIAL - 3))"   # old releases go, as on a real server
  return 0
}

N_KIOSK=0
start_kiosk() {
  N_KIOSK=$((N_KIOSK + 1))
  LITFASS_BENCH_POLL_MS=1000 LITFASS_TEST_CHECK_MS=4000 \
    "$BIN" run --config "$TMP/kiosk.conf" 2>"$TMP/kiosk$N_KIOSK.log" &
  KPID=$!
}

publish || { bad "publish failed: $(cat "$TMP/sign.err")"; finish; exit 1; }
start_kiosk
MANUAL_OK=0 MANUAL_RUNS=0 KILLED_KIOSK=0 KILLED_MANUAL=0
t0=$(date +%s)
step=0
while [ $(($(date +%s) - t0)) -lt "$DURATION" ]; do
  step=$((step + 1))
  publish || bad "publish $SERIAL failed"
  case $((step % 6)) in
    1 | 4) # a manual run: handed over to the kiosk when it runs
      MANUAL_RUNS=$((MANUAL_RUNS + 1))
      timeout -s KILL 60 "$BIN" sync --once --config "$TMP/kiosk.conf" >"$TMP/m$step.out" 2>&1 &&
        MANUAL_OK=$((MANUAL_OK + 1)) ;;
    2) # the kiosk is killed mid-whatever; a manual run installs on its own; killed too
      kill -KILL "$KPID" 2>/dev/null; wait "$KPID" 2>/dev/null; KPID=""
      KILLED_KIOSK=$((KILLED_KIOSK + 1))
      publish || bad "publish $SERIAL failed"
      LITFASS_TEST_INSTALL_DELAY_MS=150 "$BIN" sync --once --config "$TMP/kiosk.conf" \
        >"$TMP/k$step.out" 2>&1 &
      m=$!
      sleep 0.$((RANDOM % 9 + 1))
      kill -KILL "$m" 2>/dev/null && KILLED_MANUAL=$((KILLED_MANUAL + 1))
      wait "$m" 2>/dev/null
      start_kiosk ;;
    *) ;;
  esac
  sleep 3
done

# the end: publishing stops; one more manual run brings the newest on screen
kill -0 "$KPID" 2>/dev/null || start_kiosk
timeout -s KILL 120 "$BIN" sync --once --config "$TMP/kiosk.conf" >"$TMP/final.out" 2>"$TMP/final.err"
RC=$?
NEWEST=$(bundle_id "$ROOT")
[ "$RC" -eq 0 ] && cmp -s "$CACHE/current/content.json" "$ROOT/content.json" &&
  ok "after $SERIAL releases, $MANUAL_RUNS manual runs ($MANUAL_OK ok), $KILLED_KIOSK kiosk and $KILLED_MANUAL manual-run SIGKILLs: the newest bundle (serial $SERIAL) is installed" ||
  { bad "the store does not end with the newest bundle: exit $RC, current $(readlink "$CACHE/current"), newest $NEWEST"
    sed 's/^/  /' "$TMP/final.out" "$TMP/final.err" | head -8; }
for i in $(seq 600); do # up to 120 s: a busy machine
  "$PYTHON" -c 'import json,sys; sys.exit(json.load(open(sys.argv[1])).get("screen",{}).get("id") != sys.argv[2])' \
    "$CACHE/status.json" "$NEWEST" 2>/dev/null && break
  sleep 0.2
done
"$PYTHON" -c 'import json,sys; sys.exit(json.load(open(sys.argv[1])).get("screen",{}).get("id") != sys.argv[2])' \
  "$CACHE/status.json" "$NEWEST" && ok "and it is on screen (status.json screen)" ||
  bad "on screen: $("$PYTHON" -c 'import json,sys; print(json.load(open(sys.argv[1])).get("screen"))' "$CACHE/status.json")"
n_manual_ok=$(grep -l "the kiosk installed\|installed bundle\|up to date" "$TMP"/m*.out 2>/dev/null | wc -l)
[ "$MANUAL_OK" -ge 1 ] && ok "manual runs succeeded ($MANUAL_OK of $MANUAL_RUNS; $n_manual_ok said what they did)" ||
  bad "no manual run succeeded: $(cat "$TMP"/m*.out | head -5)"
# the kiosk's next look records the newest as shown and lets the one before go
extra_bundles() {
  local d l
  for d in "$CACHE"/bundles/*; do
    d=$(readlink -f "$d")
    for l in current previous shown; do [ "$d" = "$(readlink -f "$CACHE/$l" 2>/dev/null)" ] && continue 2; done
    echo "${d##*/}"
  done
}
for i in $(seq 50); do extra=$(extra_bundles); [ -z "$extra" ] && break; sleep 0.2; done
stop_kiosk

cat "$TMP"/kiosk*.log >"$TMP/all.log"
if grep -q "its slide is shown without it" "$TMP/all.log"; then
  bad "a slide was shown without its image: $(grep "shown without it" "$TMP/all.log" | head -2)"
else
  ok "no slide lost its image in $N_KIOSK kiosk runs ($(grep -c "showing new content" "$TMP/all.log") bundles taken up)"
fi
grep -q "new content not shown" "$TMP/all.log" &&
  bad "the kiosk was handed a bundle it refused: $(grep "new content not shown" "$TMP/all.log" | head -2)" ||
  ok "the kiosk never refused a bundle it was handed"
[ -z "$(leftovers "$CACHE")" ] && ok "no staging folder or temp file remains" ||
  bad "left over: $(leftovers "$CACHE" | tr '\n' ' ')"
[ -z "$extra" ] && ok "only bundles that current, previous or shown name remain" ||
  bad "bundles nothing names: $extra"

finish
