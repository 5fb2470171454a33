#!/usr/bin/env bash
# The manual page litfass(1) (dist/man/litfass.1, written by hand) stays true:
#   - groff formats it without a warning (what lintian's man check runs);
#   - its version is the program's (`litfass --version`);
#   - every command of main.c's table has its own section, and every option of each
#     command (read from the option table in src/cli/tool_*.c) is named in it;
#   - the config files and the state folder it names are the ones the package installs.
. "$(dirname "$0")/shell_lib.sh"
MAN=$SRC/dist/man/litfass.1

LC_ALL=C.UTF-8 groff -man -Tutf8 -ww -z "$MAN" >"$TMP/groff.log" 2>&1
[ $? -eq 0 ] && [ ! -s "$TMP/groff.log" ] && ok "groff formats litfass.1 without a warning" ||
  { bad "groff warns:"; sed 's/^/  /' "$TMP/groff.log" | head -10; }
# the text as a reader sees it: roff's "\-" is a plain "-" there
LC_ALL=C.UTF-8 MANWIDTH=200 groff -man -Tascii -P-cbou "$MAN" 2>/dev/null >"$TMP/page.txt"
[ -s "$TMP/page.txt" ] && ok "the page renders" || bad "the page renders to nothing"

version=$("$BIN" --version | sed -n 's/^litfass //p')
th_version=$(sed -n 's/^\.TH LITFASS 1 "[^"]*" "litfass \([^"]*\)".*/\1/p' "$MAN")
[ -n "$version" ] && [ "$th_version" = "$version" ] && ok "the page is of version $version" ||
  bad "the page says version '$th_version', the program '$version'"

commands=$(grep -o '^    {"[a-z-]*", "' "$SRC/src/main.c" | sed 's/^    {"\([a-z-]*\)".*/\1/')
[ -n "$commands" ] && ok "main.c's command table read" || bad "no commands found in src/main.c"
for cmd in $commands; do
  # the command's section: from its .SS line to the next .SS or .SH
  awk -v c="$cmd" '
    /^\.S[SH] / { on = 0 }
    /^\.SS "/ { t = $0; gsub(/\\-/, "-", t); sub(/^\.SS "/, "", t); split(t, w, " ");
                if (w[1] == c) on = 1 }
    on { print }' "$MAN" | sed 's/\\-/-/g' >"$TMP/section.$cmd"
  if [ ! -s "$TMP/section.$cmd" ]; then bad "no section for command $cmd"; continue; fi
  ok "litfass.1 has a section for $cmd"
  src="$SRC/src/cli/tool_${cmd//-/_}.c"
  opts=$(grep -o '{"[a-z][a-z-]*", \(no\|required\|optional\)_argument' "$src" | sed 's/{"\([a-z-]*\)".*/\1/')
  missing=""
  for o in $opts; do
    [ "$o" = help ] && continue
    grep -qE -- "--$o([^a-z-]|\$)" "$TMP/section.$cmd" || missing="$missing --$o"
  done
  [ -z "$missing" ] && ok "$cmd: every option is in its section" || bad "$cmd: not in litfass.1:$missing"
  # and the section names no option the command does not take (one renamed or removed)
  extra=""
  for o in $(grep -oE -- '--[a-z][a-z-]*' "$TMP/section.$cmd" | sed 's/^--//' | sort -u); do
    echo "$opts" | grep -qx -- "$o" || extra="$extra --$o"
  done
  [ -z "$extra" ] && ok "$cmd: its section names only options it takes" ||
    bad "$cmd: litfass.1 names options it does not take:$extra"
done
# and no section for a command that is not in the table
for ss in $(sed -n 's/^\.SS "\([a-z\\-]*\).*/\1/p' "$MAN" | sed 's/\\-/-/g'); do
  echo "$commands" | grep -qx -- "$ss" || bad "litfass.1 has a section for $ss, which main.c does not know"
done
ok "every command section of litfass.1 is a command of main.c"

# what FILES names is what CMake installs and the units run
for path in /etc/litfass/litfass.conf /var/lib/litfass /usr/share/litfass/content \
  /lib/systemd/system/litfass.service /lib/systemd/system/litfass-cage.service; do
  grep -qF -- "$path" "$TMP/page.txt" || { bad "FILES does not name $path"; continue; }
  ok "FILES names $path"
done
grep -q 'dist/man/litfass.1' "$SRC/CMakeLists.txt" && ok "CMake installs the page" ||
  bad "CMakeLists.txt does not install dist/man/litfass.1"
for unit in "$SRC"/dist/systemd/*.service; do
  grep -q '^Documentation=.*man:litfass(1)' "$unit" && ok "${unit##*/} points to man:litfass(1)" ||
    bad "${unit##*/} has no Documentation=man:litfass(1)"
done
finish
