# Shared by the cli_*.sh tests (not a test itself): where things are, and small assertions
# that say what went wrong.
set -u
SRC=${LITFASS_SOURCE_DIR:?run through ctest}
BIN=${LITFASS_BIN:?run through ctest}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
# PYTHON: Debian's python3 for every Python the tests run (the one python3-selenium and
# aiosmtpd are installed for). Another python3 first on PATH may be a version manager's
# shim: pyenv's runs `pyenv exec` through bash scripts, 6-9 s for each start on this
# machine at load 20 (Debian's: 0.7 s), which turned every status.json read of a wait
# loop and every check of cli_sync_faults into seconds of waiting.
if [ -z "${PYTHON:-}" ]; then
  PYTHON=python3
  [ -x /usr/bin/python3 ] && PYTHON=/usr/bin/python3
fi
passed=0
failed=0

ok() { passed=$((passed + 1)); echo "ok: $*"; }
bad() { failed=$((failed + 1)); echo "FAIL: $*"; }

# expect_exit CODE DESCRIPTION -- command...
expect_exit() {
  local want=$1 what=$2
  shift 3
  "$@" >"$TMP/out" 2>"$TMP/err"
  local got=$?
  if [ "$got" -eq "$want" ]; then ok "$what (exit $got)"; else
    bad "$what: exit $got, wanted $want"; sed 's/^/  stderr: /' "$TMP/err" | head -20; fi
}

# expect_in FILE TEXT DESCRIPTION
expect_in() {
  if grep -qF -- "$2" "$1"; then ok "$3"; else
    bad "$3: '$2' not in output"; sed 's/^/  got: /' "$1" | head -20; fi
}

# expect_not_in FILE TEXT DESCRIPTION
expect_not_in() {
  if grep -qF -- "$2" "$1"; then bad "$3: '$2' in output"; else ok "$3"; fi
}

# expect_same FILE1 FILE2 DESCRIPTION: the two files are byte for byte the same
expect_same() {
  if cmp -s -- "$1" "$2"; then ok "$3"; else bad "$3: $1 differs from $2"; fi
}

# studio_test SCRIPT: tests/studio/SCRIPT run by $PYTHON (Debian's python3; another
# python3 on PATH may lack python3-selenium and aiosmtpd) with STUDIO_TMP=$TMP; its exit
# status. Variables set before the call reach it too.
studio_test() {
  STUDIO_TMP=$TMP "$PYTHON" "$SRC/tests/studio/$1"
}

# validate_bundle NAME CODE DESCRIPTION [FORMAT]: $TMP/NAME/content.json written by
# printf FORMAT (without one: standard input; never from a pipe, whose subshell would
# lose the count), then `litfass validate $TMP/NAME` expecting exit CODE (what it said
# in $TMP/out and $TMP/err)
validate_bundle() {
  mkdir -p "$TMP/$1"
  if [ $# -ge 4 ]; then
    # shellcheck disable=SC2059 # the caller's format, escapes and all
    printf "$4" >"$TMP/$1/content.json"
  else
    cat >"$TMP/$1/content.json"
  fi
  expect_exit "$2" "$3" -- "$BIN" validate "$TMP/$1"
}

# png_size FILE -> "WxH" from the PNG header
png_size() {
  local w h
  read -r w h < <(od -An -tu1 -j16 -N8 "$1" | awk '{print $1*16777216+$2*65536+$3*256+$4, $5*16777216+$6*65536+$7*256+$8}')
  echo "${w}x${h}"
}

# start_xvfb [WxH]: an X server of its own on a free display number (Xvfb
# picks it: -displayfd), with RandR; exports DISPLAY and lets SDL choose
# x11 (`litfass run` refuses the offscreen driver). Call stop_xvfb in the
# test's EXIT trap.
XVFB_PID=""
start_xvfb() {
  local size=${1:-1280x720} fifo="$TMP/xvfb.displayfd" i
  : >"$fifo"
  Xvfb -displayfd 3 -screen 0 "${size}x24" +extension RANDR -nolisten tcp -noreset \
    3>"$fifo" 2>"$TMP/xvfb.log" &
  XVFB_PID=$!
  # the whole line: ":1" may be the first digit of ":12" still being written
  for i in $(seq 600); do # up to 60 s on a busy machine
    [ "$(wc -l <"$fifo")" -ge 1 ] && break
    sleep 0.1
  done
  [ "$(wc -l <"$fifo")" -ge 1 ] || { echo "Xvfb did not start:"; cat "$TMP/xvfb.log"; return 1; }
  export DISPLAY=":$(head -n1 "$fifo")"
  unset SDL_VIDEODRIVER
}
stop_xvfb() {
  [ -n "$XVFB_PID" ] && { kill "$XVFB_PID" 2>/dev/null; wait "$XVFB_PID" 2>/dev/null; XVFB_PID=""; }
}

finish() {
  echo "$passed passed, $failed failed"
  [ "$failed" -eq 0 ]
}
