#!/usr/bin/env bash
# [display] renderer in a real X window (Xvfb, whose OpenGL is Mesa's
# llvmpipe, a software rasteriser): `auto` must choose SDL's software
# renderer, say why, and load no GL driver into the kiosk at all;
# `gpu` must use OpenGL; `software` must not probe; a bad value is an
# error with file, line and key. The probe's answer is kept in the state
# folder and used at the next start while nothing it depends on changed.
. "$(dirname "$0")/shell_lib.sh"

start_xvfb 1280x720 || { bad "no X server"; finish; exit 1; }
trap 'stop_xvfb; rm -rf "$TMP"' EXIT
unset SDL_VIDEODRIVER SDL_RENDER_DRIVER WAYLAND_DISPLAY

# run_kiosk NAME SETTING [STATE]: starts the kiosk with that renderer (state
# folder STATE, default NAME), waits for its "renderer:" line, keeps its
# memory map in $TMP/NAME.maps, stops it
run_kiosk() {
  local name=$1 setting=$2 state=${3:-$1}
  # a state folder of its own: one kiosk per folder, and tests run side by side
  mkdir -p "$TMP/state-$state" # as the package makes /var/lib/litfass
  printf '[display]\nrenderer = %s\nwindowed = yes\n[log]\nlevel = info\n[sync]\ncache_dir = %s\n' \
    "$setting" "$TMP/state-$state" >"$TMP/$name.conf"
  "$BIN" run --config "$TMP/$name.conf" --content "$SRC/assets/content" 2>"$TMP/$name.log" &
  local pid=$!
  for _ in $(seq 200); do
    grep -q 'showing ' "$TMP/$name.log" 2>/dev/null && break
    kill -0 $pid 2>/dev/null || break
    sleep 0.1
  done
  cp "/proc/$pid/maps" "$TMP/$name.maps" 2>/dev/null || : >"$TMP/$name.maps"
  [ -n "${KEEP:-}" ] && cp "$TMP/$name.maps" "$TMP/$name.log" "$KEEP/"
  kill $pid 2>/dev/null
  wait $pid 2>/dev/null
  grep 'renderer:' "$TMP/$name.log" >"$TMP/$name.renderer" || true
}

run_kiosk auto auto
expect_in "$TMP/auto.renderer" 'renderer: software (auto: the OpenGL driver "llvmpipe' \
  "auto on llvmpipe chooses the software renderer and names the driver"
expect_in "$TMP/auto.renderer" 'is a software rasteriser' "auto says why"
if grep -qE 'swrast_dri|libGLX_mesa|libLLVM|libGL\.so' "$TMP/auto.maps"; then
  bad "auto (software) loaded a GL driver into the kiosk: $(grep -oE '[^/ ]*(dri|GL|LLVM)[^/ ]*\.so[.0-9]*' "$TMP/auto.maps" | sort -u | tr '\n' ' ')"
else
  [ -s "$TMP/auto.maps" ] && ok "auto (software): no GL library in the kiosk's memory" || bad "kiosk (auto) did not start"
fi

grep -q 'earlier start' "$TMP/auto.renderer" && bad "the first start used a kept answer" ||
  ok "the first start asked the driver"
if [ -r /etc/ld.so.cache ]; then
  run_kiosk again auto auto
  expect_in "$TMP/again.renderer" 'llvmpipe (LLVM' "the next start: software on llvmpipe again"
  expect_in "$TMP/again.renderer" 'asked at an earlier start, nothing has changed since' \
    "the next start uses the kept answer instead of starting Mesa"
  grep -qE 'swrast_dri|libGLX_mesa|libLLVM|libGL\.so' "$TMP/again.maps" &&
    bad "the kept answer loaded a GL driver" || ok "the kept answer: no GL library in the kiosk"
  # another environment for Mesa: asked again
  LIBGL_ALWAYS_SOFTWARE=1 run_kiosk changed auto auto
  expect_in "$TMP/changed.renderer" 'is a software rasteriser' "a changed environment: asked again"
  grep -q 'earlier start' "$TMP/changed.renderer" && bad "a changed environment used the kept answer" ||
    ok "a changed environment does not use the kept answer"
  # an answer kept for other libraries or GPUs is not believed
  sed -i '1s|/etc/ld.so.cache=[^ ]*|/etc/ld.so.cache=0.0/0|; 3s/.*/V3D 4.2/' "$TMP/state-auto/gl-probe"
  run_kiosk stale auto auto
  expect_in "$TMP/stale.renderer" 'renderer: software (auto: the OpenGL driver "llvmpipe' \
    "an answer kept for other packages is not used"
else
  ok "no linker cache: every start asks the driver (nothing to key a kept answer on)"
fi

run_kiosk gpu gpu
expect_in "$TMP/gpu.renderer" 'renderer: opengl ([display] renderer = gpu' "gpu uses SDL's OpenGL renderer"
grep -qE 'swrast_dri|libGLX_mesa' "$TMP/gpu.maps" && ok "gpu: Mesa's driver is loaded" || bad "gpu: no GL driver in the kiosk's memory"

run_kiosk software software
expect_in "$TMP/software.renderer" 'renderer: software ([display] renderer = software' "software as configured"

printf '[display]\nrenderer = fast\n' >"$TMP/bad.conf"
expect_exit 1 "an unknown renderer is refused" -- "$BIN" run --config "$TMP/bad.conf" --content "$SRC/assets/content"
expect_in "$TMP/err" 'bad.conf:2:' "the error names file and line"
expect_in "$TMP/err" 'display.renderer' "the error names the key"

finish
