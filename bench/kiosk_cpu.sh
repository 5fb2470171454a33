#!/usr/bin/env bash
# Benchmark (not a test): CPU and memory of the real kiosk window under
# Xvfb at 1920x1080, on the bundled sample content.
#   1. a still slide (slide_seconds = 120): what an idle foyer screen costs;
#   2. the carousel with transitions (slide_seconds = 3): CPU while moving,
#      frames per transition and the longest frame (from the debug log).
# Usage: bench/kiosk_cpu.sh [SECONDS per phase, default 60]
# Needs: xvfb (scripts/debian-packages.txt), a build in build/.
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-60}
bin=build/litfass
[ -x "$bin" ] || { echo "build first: cmake -B build && cmake --build build" >&2; exit 1; }
tmp=$(mktemp -d)
disp=:$((90 + RANDOM % 9))
Xvfb "$disp" -screen 0 1920x1080x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null; rm -rf "$tmp"' EXIT
sleep 1
hz=$(getconf CLK_TCK)

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
rss_kb() { awk '/VmRSS/ {print $2}' "/proc/$1/status"; }

phase() {
  local name=$1 slide=$2
  printf '[carousel]\nslide_seconds = %s\ntransition_ms = 600\n[log]\nlevel = debug\n' "$slide" >"$tmp/$name.conf"
  DISPLAY=$disp "$bin" run --config "$tmp/$name.conf" --content assets/content 2>"$tmp/$name.log" &
  local pid=$!
  sleep 5 # start-up and first layout are not what we measure
  local rss0 t0 c0 t1 c1 rss1
  rss0=$(rss_kb $pid); c0=$(cpu_ticks $pid); t0=$(date +%s.%N)
  sleep "$secs"
  c1=$(cpu_ticks $pid); t1=$(date +%s.%N); rss1=$(rss_kb $pid)
  kill $pid; wait $pid 2>/dev/null || true
  local cpu
  cpu=$(awk -v c="$((c1 - c0))" -v hz="$hz" -v a="$t0" -v b="$t1" 'BEGIN {printf "%.2f", 100 * c / hz / (b - a)}')
  echo "$name: CPU ${cpu}% of one core over ${secs}s, RSS ${rss0} kB -> ${rss1} kB"
  if grep -q 'transition:' "$tmp/$name.log"; then
    grep 'transition:' "$tmp/$name.log" | awk '{f += $4; ms += $7; if ($11 > w) w = $11; n++}
      END {printf "%s: %d transitions, %.1f frames per second during transitions, longest frame %d ms\n", "'"$name"'", n, f * 1000 / ms, w}'
  fi
}

echo "litfass kiosk under Xvfb 1920x1080, $(nproc) cores, renderer: $(DISPLAY=$disp timeout 3 "$bin" run --content assets/content 2>&1 | sed -n 's/.*renderer: //p' | head -1)"
phase still 120
phase carousel 3
