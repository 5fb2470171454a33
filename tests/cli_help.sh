#!/usr/bin/env bash
# Every command's --help lists every option it accepts (read from the
# command's option table in src/cli/tool_*.c, so a new option without a
# line in its help fails here) and no option it does not take,
# `litfass --help` lists exactly the commands of main.c's table, and
# README's synopsis (under "## Using it") names every command with every
# option.
. "$(dirname "$0")/shell_lib.sh"

commands=$(grep -o '^    {"[a-z-]*", "' "$SRC/src/main.c" | sed 's/^    {"\([a-z-]*\)".*/\1/')
[ -n "$commands" ] && ok "main.c's command table read" || bad "no commands found in src/main.c"
expect_exit 0 "litfass --help" -- "$BIN" --help
cp "$TMP/out" "$TMP/help.top"
for cmd in $commands; do
  expect_in "$TMP/out" "$cmd" "litfass --help lists $cmd"
done

for cmd in $commands; do
  src="$SRC/src/cli/tool_${cmd//-/_}.c"
  if [ ! -f "$src" ]; then bad "$cmd: no $src"; continue; fi
  opts=$(grep -o '{"[a-z][a-z-]*", \(no\|required\|optional\)_argument' "$src" | sed 's/{"\([a-z-]*\)".*/\1/')
  [ -n "$opts" ] || { bad "$cmd: no options read from $src"; continue; }
  expect_exit 0 "litfass $cmd --help" -- "$BIN" "$cmd" --help
  for o in $opts; do
    if grep -qE -- "--$o([^a-z-]|\$)" "$TMP/out"; then ok "$cmd --help lists --$o"; else
      bad "$cmd --help does not list --$o"; fi
  done
  # and names no option the command does not take (an option of another
  # program, quoted in `backticks`, is not the command's)
  extra=""
  for o in $(sed 's/`[^`]*`//g' "$TMP/out" | grep -oE -- '--[a-z][a-z-]*' | sed 's/^--//' | sort -u); do
    echo "$opts" | grep -qx -- "$o" || extra="$extra --$o"
  done
  [ -z "$extra" ] && ok "$cmd --help names only options it takes" ||
    bad "$cmd --help names options it does not take:$extra"
done
# and `litfass --help` lists no command that is not in the table
for c in $(sed -n '/^commands:/,/^$/s/^  \([a-z-]*\) .*/\1/p' "$TMP/help.top"); do
  echo "$commands" | grep -qx -- "$c" || bad "litfass --help lists $c, which main.c does not know"
done
ok "litfass --help lists only commands of main.c"
# README's synopsis under "## Using it" names every command with every option
awk '/^## Using it/ { on = 1; next } on && /^    litfass/ { blk = 1 }
     on && blk && /^$/ { exit } on && blk { print }' "$SRC/README.md" |
  awk '/^    litfass / { if (e) print e; e = $0; next } { e = e " " $0 } END { if (e) print e }' \
  >"$TMP/synopsis"
[ -s "$TMP/synopsis" ] && ok "README's synopsis read" || bad "no synopsis under '## Using it' in README.md"
for cmd in $commands; do
  word=$cmd; [ "$cmd" = run ] && word='[run]'
  awk -v w="$word" '$2 == w' "$TMP/synopsis" >"$TMP/syn.$cmd"
  if [ ! -s "$TMP/syn.$cmd" ]; then bad "README's synopsis has no line for $cmd"; continue; fi
  src="$SRC/src/cli/tool_${cmd//-/_}.c"
  missing=""
  for o in $(grep -o '{"[a-z][a-z-]*", \(no\|required\|optional\)_argument' "$src" | sed 's/{"\([a-z-]*\)".*/\1/'); do
    [ "$o" = help ] && continue
    grep -qE -- "--$o([^a-z-]|\$)" "$TMP/syn.$cmd" || missing="$missing --$o"
  done
  [ -z "$missing" ] && ok "README's synopsis of $cmd names every option" ||
    bad "README's synopsis of $cmd lacks:$missing"
done
# `litfass run --clock-offset` (a wrong clock tried without setting the machine's): a
# value that is not whole seconds within 100 years either way is refused before any window
expect_exit 2 "run: a --clock-offset that is no number is a usage error" -- \
  "$BIN" run --clock-offset zwei
expect_in "$TMP/err" "--clock-offset 'zwei': not a whole number of seconds" \
  "run: the error names the option and its value"
expect_exit 2 "run: a --clock-offset beyond 100 years is a usage error" -- \
  "$BIN" run --clock-offset -9999999999
expect_exit 2 "run: a --clock-offset of 1.5 is a usage error" -- "$BIN" run --clock-offset 1.5
finish
