#!/usr/bin/env bash
# No include runs back up the data flow, and docs/architecture.md names every
# folder and module of src/:
#   - the folders in the order of architecture.md's table (its rows "| `src/X/` |")
#     are the stages; a file in src/X/ may include "Y/..." only when Y is X or a
#     stage above it (main.c is the last stage);
#   - every folder in src/ has a row, and every header src/X/name.h is named
#     there (as name.h or name.c);
#   - what a row's "never uses" column names is not included by that folder:
#     SDL (<SDL*.h>), curl (<curl/...>), another folder ("render", "`app/`")
#     or one file of it ("`app/kiosk.c`": app/kiosk.h).
. "$(dirname "$0")/shell_lib.sh"
ARCH=$SRC/docs/architecture.md

stages=$(sed -n 's/^| `src\/\([a-z_]*\)\/` |.*/\1/p' "$ARCH")
[ "$(echo "$stages" | wc -w)" -ge 5 ] && ok "architecture.md's table read: $(echo $stages)" ||
  bad "no folder rows read from architecture.md"
declare -A rank=()
i=0
for s in $stages; do rank[$s]=$i; i=$((i + 1)); done

for dir in "$SRC"/src/*/; do
  d=$(basename "$dir")
  [ -n "${rank[$d]:-}" ] || bad "src/$d/ has no row in architecture.md"
done

# upward_includes ROOT: "file -> include;" for each include in ROOT/*/ running up
upward_includes() {
  local root=$1 file rel own own_rank inc target out=""
  while IFS= read -r file; do
    rel=${file#"$root"/}
    own=${rel%%/*}
    [ "$own" = "$rel" ] && own_rank=$i || own_rank=${rank[$own]:-}  # main.c: after all
    [ -n "$own_rank" ] || continue                                   # reported above
    while IFS= read -r inc; do
      target=${inc#../}
      target=${target%%/*}
      [ -n "${rank[$target]:-}" ] || continue
      [ "${rank[$target]}" -le "$own_rank" ] || out="$out src/$rel -> $inc;"
    done < <(sed -n 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*"\([^"]*\/[^"]*\)".*/\1/p' "$file")
  done < <(find "$root" -name '*.[ch]' | sort)
  printf '%s' "$out"
}
upward=$(upward_includes "$SRC/src")
[ -z "$upward" ] && ok "no include runs back up the data flow" ||
  bad "includes from a later stage to an earlier one:$upward"
# the check finds one: render/ including app/
mkdir -p "$TMP/probe/render"
printf '#include "core/log.h"\n#include "../app/kiosk.h"\n' >"$TMP/probe/render/probe.c"
[ "$(upward_includes "$TMP/probe")" = " src/render/probe.c -> ../app/kiosk.h;" ] &&
  ok "an include from render/ up into app/ is found" || bad "the check misses render/ -> app/"

unnamed=""
for h in $(cd "$SRC/src" && find . -mindepth 2 -name '*.h' | sed 's|^\./||' | sort); do
  b=$(basename "$h" .h)
  grep -qE "\b$b\.(h|c)\b" "$ARCH" || unnamed="$unnamed src/$h"
done
[ -z "$unnamed" ] && ok "architecture.md names every module of src/" ||
  bad "architecture.md does not name:$unnamed"

# the "never uses" column, row by row
never_broken=""
while IFS= read -r row; do
  d=$(printf '%s' "$row" | sed -n 's/^| `src\/\([a-z_]*\)\/` |.*/\1/p')
  never=$(printf '%s' "$row" | awk -F'|' '{ print $5 }')
  files=$(printf '%s' "$never" | grep -oE '[a-z_]+/[a-z_]+\.c' | sed 's/\.c$/.h/')
  rest=$(printf '%s' "$never" | sed -E 's/[a-z_]+\/[a-z_]+\.c//g')
  incs=$(grep -rhE '^[[:space:]]*#[[:space:]]*include' "$SRC/src/$d")
  if printf '%s' "$rest" | grep -qw SDL && printf '%s\n' "$incs" | grep -q '<SDL'; then
    never_broken="$never_broken $d/ includes SDL;"; fi
  if printf '%s' "$rest" | grep -qw curl && printf '%s\n' "$incs" | grep -q '<curl/'; then
    never_broken="$never_broken $d/ includes curl;"; fi
  for f in $files; do
    printf '%s\n' "$incs" | grep -qE "\"(\\.\\./)?$f\"" && never_broken="$never_broken $d/ includes $f;"
  done
  for other in $stages; do
    [ "$other" = "$d" ] && continue
    printf '%s' "$rest" | grep -qE "(^|[^a-z_/])$other(/|[^a-z_/]|\$)" || continue
    printf '%s\n' "$incs" | grep -qE "\"(\\.\\./)?$other/" && never_broken="$never_broken $d/ includes $other/;"
  done
done < <(grep '^| `src/[a-z_]*/` |' "$ARCH")
[ -z "$never_broken" ] && ok "no folder includes what its 'never uses' column names" ||
  bad "architecture.md says never, the code does:$never_broken"

# threads start through core/thread.h (create, cancel flag, join written once); the one
# exception is app/kiosk.c's signal thread, which waits in sigwait() and is woken for its
# end by pthread_kill() on its own pthread_t
raw=$(cd "$SRC/src" && grep -rlE '\b(pthread_create|SDL_CreateThread|thrd_create)\b' . |
  sed 's|^\./||' | grep -vxE 'core/thread\.c|app/kiosk\.c' | tr '\n' ' ')
[ -z "$raw" ] && ok "every thread but the kiosk's signal thread starts through core/thread.h" ||
  bad "threads started outside core/thread.h: $raw"
[ "$(grep -cE '\b(pthread_create|SDL_CreateThread)\b' "$SRC/src/app/kiosk.c")" -le 1 ] &&
  ok "app/kiosk.c starts only its signal thread itself" || bad "app/kiosk.c starts more threads itself"

finish
