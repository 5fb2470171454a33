# Shared by the cli_*.sh tests (not a test itself): where things are, and small assertions
# that say what went wrong.
set -u
SRC=${LITFASS_SOURCE_DIR:?run through ctest}
BIN=${LITFASS_BIN:?run through ctest}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
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

# png_size FILE -> "WxH" from the PNG header
png_size() {
  local w h
  read -r w h < <(od -An -tu1 -j16 -N8 "$1" | awk '{print $1*16777216+$2*65536+$3*256+$4, $5*16777216+$6*65536+$7*256+$8}')
  echo "${w}x${h}"
}

finish() {
  echo "$passed passed, $failed failed"
  [ "$failed" -eq 0 ]
}
