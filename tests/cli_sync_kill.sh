#!/usr/bin/env bash
# SIGKILL at many points of an install: bundle A is installed, then `litfass sync --once`
# installs bundle B (every file different) and is killed with SIGKILL: at each step of the
# install in turn (LITFASS_TEST_INSTALL_KILL_AT=N: the process kills itself at its Nth
# pause between steps, on a busy machine as on a quiet one), and from outside after a delay
# that moves across the install stretched by LITFASS_TEST_INSTALL_DELAY_MS (points inside a
# step). Each time the installed bundle must be exactly A or exactly B, and the next sync
# (no delay) must clean up and install B.
. "$(dirname "$0")/shell_lib.sh"
. "$SRC/tests/servers/sync_lib.sh"

STEP_MS=30     # LITFASS_TEST_INSTALL_DELAY_MS: pause between install steps
TIMED_KILLS=15 # kills from outside, spread evenly over the stretched install
MAX_STEPS=200  # more pauses than this: the kill knob is not read

A=$TMP/A
B=$TMP/B
cp -r "$SRC/assets/content" "$A"
sign_bundle "$A" --serial 1
cp -r "$SRC/assets/content" "$B"
for f in "$B"/images/*; do "$PYTHON" "$SERVERS/png_text.py" "$f" "bundle B"; done
sed -i 's/^  "version": ".*",$/  "version": "2099-01-01.1",/' "$B/content.json"
sign_bundle "$B" --serial 2
cmp -s "$A/content.json" "$B/content.json" && bad "A and B have the same manifest"

if ! start_misbehave "$A" "$B"; then
  bad "misbehave.py started on 127.0.0.1"
  finish
  exit
fi
URL_A=$MB_URL/ok/content.json
URL_B=$MB_URL/next/content.json

# install_a CACHE: a fresh cache with A installed (no delay)
install_a() {
  rm -rf "$1"
  run_sync "$TMP/a" --config "$SIGN_CONF" --url "$URL_A" --cache "$1" --allow-http
  [ "$RC" -eq 0 ] || { echo "  installing A: exit $RC"; sed 's/^/  stderr: /' "$TMP/a.err" | head -5; }
}

# the two fingerprints an interrupted install may leave
install_a "$TMP/ref"
FP_A=$(fingerprint "$TMP/ref")
run_sync "$TMP/b" --config "$SIGN_CONF" --url "$URL_B" --cache "$TMP/ref" --allow-http
FP_B=$(fingerprint "$TMP/ref")
[ "$RC" -eq 0 ] && cmp -s "$TMP/ref/current/content.json" "$B/content.json" &&
  ok "without a kill, B installs over A" ||
  { bad "B over A: exit $RC"; sed 's/^/  stderr: /' "$TMP/b.err" | head -10; }
[ "$FP_A" != "$FP_B" ] || bad "A and B have the same fingerprint"

# how long the stretched install takes
install_a "$TMP/timed"
LITFASS_TEST_INSTALL_DELAY_MS=$STEP_MS run_sync "$TMP/timed" --config "$SIGN_CONF" --url "$URL_B" --cache "$TMP/timed" --allow-http
TOTAL_MS=$ELAPSED_MS
[ "$RC" -eq 0 ] && [ "$(fingerprint "$TMP/timed")" = "$FP_B" ] &&
  ok "with ${STEP_MS} ms per install step B installs in ${TOTAL_MS} ms" ||
  bad "with the delay: exit $RC, B not installed"
# Fewer than 5 steps would mean the knob is not read: then the kills test nothing.
[ "$TOTAL_MS" -ge $((5 * STEP_MS)) ] && ok "the install delay stretches the install (>= 5 steps)" ||
  bad "LITFASS_TEST_INSTALL_DELAY_MS=$STEP_MS: the install took only $TOTAL_MS ms"

saw_a=0
saw_b=0
# check_killed CACHE WHAT: after a kill, the installed bundle is A or B and the next sync
# installs B cleanly (one check)
check_killed() {
  local c=$1 what=$2 fp state left unref problems=()
  fp=$(fingerprint "$c")
  if [ "$fp" = "$FP_A" ]; then state=A; saw_a=$((saw_a + 1))
  elif [ "$fp" = "$FP_B" ]; then state=B; saw_b=$((saw_b + 1))
  else state=neither; problems+=("installed bundle is neither A nor B:
$(diff <(echo "$FP_A") <(echo "$fp") | head -10)")
  fi
  "$BIN" validate "$c/current" >/dev/null 2>&1 || problems+=("current does not validate")
  run_sync "$TMP/after" --config "$SIGN_CONF" --url "$URL_B" --cache "$c" --allow-http
  [ "$RC" -eq 0 ] || problems+=("the next sync: exit $RC: $(head -3 "$TMP/after.err")")
  [ "$(fingerprint "$c")" = "$FP_B" ] || problems+=("the next sync did not install B")
  left=$(leftovers "$c")
  [ -z "$left" ] || problems+=("left behind: $(echo "$left" | tr '\n' ' ')")
  unref=$(unreferenced_bundles "$c")
  [ -z "$unref" ] || problems+=("bundles nothing names: $unref")
  [ "$(status_field "$c" last_error)" = "null" ] || problems+=("last_error: $(status_field "$c" last_error)")
  if [ ${#problems[@]} -eq 0 ]; then
    ok "$what: $state installed; the next sync installs B cleanly"
  else
    bad "$what ($state):"
    printf '  %s\n' "${problems[@]}"
  fi
  rm -rf "$c"
}

# killed at each pause between install steps in turn, until an install runs to its end
steps=0
for n in $(seq 1 "$MAX_STEPS"); do
  c=$TMP/s$n
  install_a "$c"
  LITFASS_TEST_INSTALL_KILL_AT=$n run_sync "$TMP/step" --config "$SIGN_CONF" --url "$URL_B" \
    --cache "$c" --allow-http 2>/dev/null # (bash says "Killed")
  if [ "$RC" -ne 137 ]; then # not killed: n is one past the last pause
    [ "$RC" -eq 0 ] && [ "$(fingerprint "$c")" = "$FP_B" ] &&
      ok "with no kill at pause $n the install of B runs to its end" ||
      bad "kill point $n: exit $RC, B not installed"
    rm -rf "$c"
    break
  fi
  steps=$n
  check_killed "$c" "killed at install step $n"
done
[ "$steps" -ge 5 ] && [ "$steps" -lt "$MAX_STEPS" ] && ok "the install has $steps steps to kill it at" ||
  bad "LITFASS_TEST_INSTALL_KILL_AT: $steps kill points (not read, or no end)"
# The kill points must really span the install: some before the switch, some after.
[ "$saw_a" -gt 0 ] && [ "$saw_b" -gt 0 ] && ok "kills at each step left A $saw_a times and B $saw_b times" ||
  bad "kills at each step left A $saw_a times and B $saw_b times: the kill points missed the switch"

# killed from outside after a delay, inside the steps: A or B, whichever the delay reached
# on this machine at this moment (what it reached is not counted: a busy machine is slower)
for i in $(seq 0 $((TIMED_KILLS - 1))); do
  delay_ms=$((TOTAL_MS * i / (TIMED_KILLS - 1)))
  c=$TMP/k$i
  install_a "$c"
  LITFASS_TEST_INSTALL_DELAY_MS=$STEP_MS "$BIN" sync --once --config "$SIGN_CONF" --url "$URL_B" --cache "$c" \
    --allow-http >"$TMP/kill.out" 2>"$TMP/kill.err" &
  pid=$!
  sleep "$(printf '%d.%03d' $((delay_ms / 1000)) $((delay_ms % 1000)))"
  kill -KILL "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  check_killed "$c" "killed after ${delay_ms} ms"
done

stop_misbehave
finish
