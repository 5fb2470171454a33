#!/usr/bin/env bash
# README.md names what the project is made of:
#   - "Dependencies and why each is there" names every package of
#     scripts/debian-packages.txt and every library the program links
#     (CMakeLists.txt's pkg_check_modules, libhyphen and giflib);
#   - the "Tests" table names every tests/test_*.c, cli_*.sh and e2e_*.sh
#     (cli_sync_* stands for the sync tests).
. "$(dirname "$0")/shell_lib.sh"

sed -n '/^## Dependencies and why each is there/,/^## /p' "$SRC/README.md" |
  sed -n 's/^| \([^|]*\) |.*/\1/p' | tr ',' '\n' | sed 's/^ *//;s/ *$//' >"$TMP/deps"
[ -s "$TMP/deps" ] && ok "README's dependency table read" || bad "no dependency table in README.md"
unnamed=""
for p in $(grep -v '^[[:space:]]*#' "$SRC/scripts/debian-packages.txt" | sed '/^[[:space:]]*$/d'); do
  grep -qxF -- "$p" "$TMP/deps" || unnamed="$unnamed $p"
done
[ -z "$unnamed" ] && ok "every package of debian-packages.txt has its reason in README" ||
  bad "README's dependency table does not name:$unnamed"

# every library CMake links: its pkg-config module's -dev package is in the table
# (module -> package as Debian names them)
declare -A dev=([sdl2]=libsdl2-dev [SDL2_ttf]=libsdl2-ttf-dev [SDL2_image]=libsdl2-image-dev
  [jansson]=libjansson-dev [fontconfig]=libfontconfig-dev [freetype2]=libfreetype-dev
  [fribidi]=libfribidi-dev [libqrencode]=libqrencode-dev [libcurl]=libcurl4-openssl-dev
  [libsodium]=libsodium-dev [libical]=libical-dev [libxml-2.0]=libxml2-dev [libexif]=libexif-dev [libjpeg]=libjpeg-dev
  [libpng]=libpng-dev [libwebp]=libwebp-dev [libwebpdemux]=libwebp-dev
  [icu-i18n]=libicu-dev [icu-uc]=libicu-dev [libmicrohttpd]=libmicrohttpd-dev
  [libsystemd]=libsystemd-dev [x11]=libx11-dev [xext]=libxext-dev [libdrm]=libdrm-dev
  [espeak-ng]=libespeak-ng-dev)
modules=$(sed -n 's/^pkg_check_modules([A-Z0-9_]* REQUIRED IMPORTED_TARGET \(.*\))$/\1/p' "$SRC/CMakeLists.txt" |
  tr ' ' '\n' | sed 's/[<>=].*//' | sed '/^$/d')
[ -n "$modules" ] && ok "CMakeLists.txt's libraries read" || bad "no pkg_check_modules in CMakeLists.txt"
grep -q 'find_library(HYPHEN_LIBRARY hyphen' "$SRC/CMakeLists.txt" && modules="$modules hyphen" && dev[hyphen]=libhyphen-dev
grep -q 'find_library(GIF_LIBRARY gif' "$SRC/CMakeLists.txt" && modules="$modules gif" && dev[gif]=libgif-dev
unnamed=""
for m in $modules; do
  pkg=${dev[$m]:-}
  if [ -z "$pkg" ]; then unnamed="$unnamed $m(no package known to this test: add it above)"; continue; fi
  grep -qxF -- "$pkg" "$TMP/deps" || unnamed="$unnamed $m($pkg)"
done
[ -z "$unnamed" ] && ok "every library linked has its reason in README" ||
  bad "README's dependency table lacks libraries linked:$unnamed"


# README's Tests table names every test
sed -n '/^## Tests/,/^## /p' "$SRC/README.md" >"$TMP/tests.md"
grep -q '^| test |' "$TMP/tests.md" && ok "README's Tests table read" || bad "no Tests table in README.md"
unlisted=""
for f in "$SRC"/tests/test_*.c "$SRC"/tests/cli_*.sh "$SRC"/tests/e2e_*.sh; do
  n=$(basename "$f"); n=${n%.*}
  grep -qE "(^|[^a-z_])$n([^a-z_]|\$)" "$TMP/tests.md" && continue
  case $n in cli_sync_*) grep -qF 'cli_sync_*' "$TMP/tests.md" && continue ;; esac
  unlisted="$unlisted $n"
done
[ -z "$unlisted" ] && ok "README's Tests table names every test" ||
  bad "README's Tests table does not name:$unlisted"
finish
