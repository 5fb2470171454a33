#!/usr/bin/env bash
# Benchmark (not a test): the instructions of the kiosk's transitions,
# counted by valgrind's callgrind (load-independent, unlike CPU time on a
# shared machine; memory stalls are not in it: the frames' copies cost
# more time per instruction than the drawing). The kiosk runs headless
# (SDL offscreen driver, software renderer, its window surface plain
# memory: SDL_FRAMEBUFFER_ACCELERATION=0, else SDL would show it through
# an OpenGL texture), on the sample bundle with every item shown 8 s, a
# fake clock stepped from one deadline of its frame loop to the next
# (bench/transition_cost.c), 600 ms transitions at up to 60 frames/s.
# Sending frames to an X server is not in it (bench/carousel_vs_chromium.sh).
# Usage: bench/transition_cost.sh [TRANSITIONS=4] [WxH=1920x1080] [LANG=de]
# Needs: valgrind, a build in build/.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-4}
size=${2:-1920x1080}
lang=${3:-de}
command -v valgrind >/dev/null || { echo "valgrind is not installed" >&2; exit 1; }
cmake --build build --target transition_cost -j2 >/dev/null
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. bench/lib/bench_lib.sh
sample_content "$tmp/content" 8
export SDL_VIDEODRIVER=offscreen SDL_RENDER_DRIVER=software SDL_AUDIODRIVER=dummy SDL_FRAMEBUFFER_ACCELERATION=0
valgrind --tool=callgrind --instr-atstart=no --callgrind-out-file="$tmp/cg" \
  build/transition_cost "$tmp/content" "$size" "$n" "$lang" 2>/dev/null | tail -n1
total=$(callgrind_annotate "$tmp/cg" 2>/dev/null | awk '/PROGRAM TOTALS/ {gsub(",", "", $1); print $1}')
awk -v t="$total" -v n="$n" 'BEGIN {printf "%.1f M instructions per transition (and the still time around it)\n", t / n / 1e6}'
callgrind_annotate --inclusive=yes "$tmp/cg" 2>/dev/null | grep -E 'window_slide.c:|painter.c:lf_painter_draw|kiosk.c:layout_current|memmove|memset' | grep -F '[' | head -10
