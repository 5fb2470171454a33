#!/usr/bin/env bash
# Benchmark (not a test): CPU and memory of the real kiosk window under
# Xvfb at 1920x1080, on the bundled sample content.
#   1. a still slide (slide_seconds = 120): what an idle foyer screen costs;
#   2. the carousel with transitions (slide_seconds = 3): CPU while moving,
#      frames per transition and the longest frame (from the debug log).
# Usage: bench/kiosk_cpu.sh [SECONDS per phase, default 60] [WxH=1920x1080] [RENDERER=auto]
# Needs: xvfb (scripts/debian-packages.txt), a build in build/.
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-60}
size=${2:-1920x1080}
renderer=${3:-auto}
bin=build/litfass
[ -x "$bin" ] || { echo "build first: cmake -B build && cmake --build build" >&2; exit 1; }
tmp=$(mktemp -d)
. bench/lib/bench_lib.sh
xvfb=
trap 'kill $xvfb 2>/dev/null; rm -rf "$tmp"' EXIT
bench_xvfb "$size"
hz=$(getconf CLK_TCK)

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
rss_kb() { awk '/VmRSS/ {print $2}' "/proc/$1/status"; }

phase() {
  local name=$1 slide=$2
  mkdir -p "$tmp/state-$name" # its own state folder: never the system kiosk's /var/lib/litfass
  printf '[display]\nrenderer = %s\n[carousel]\nslide_seconds = %s\ntransition_ms = 600\n[log]\nlevel = debug\n[sync]\ncache_dir = %s\n' "$renderer" "$slide" "$tmp/state-$name" >"$tmp/$name.conf"
  "$bin" run --config "$tmp/$name.conf" --content assets/content 2>"$tmp/$name.log" &
  local pid=$!
  sleep 15 # start-up, first layout and hyphenation patterns read are not what we measure
  local rss0 t0 c0 t1 c1 rss1
  rss0=$(rss_kb $pid); c0=$(cpu_ticks $pid); t0=$(date +%s.%N)
  sleep "$secs"
  c1=$(cpu_ticks $pid); t1=$(date +%s.%N); rss1=$(rss_kb $pid)
  kill $pid; wait $pid 2>/dev/null || true
  local cpu
  cpu=$(awk -v c="$((c1 - c0))" -v hz="$hz" -v a="$t0" -v b="$t1" 'BEGIN {printf "%.2f", 100 * c / hz / (b - a)}')
  echo "$name: CPU ${cpu}% of one core over ${secs}s, RSS ${rss0} kB -> ${rss1} kB"
  transition_summary "$tmp/$name.log" "$name:"
}

echo "litfass kiosk under Xvfb $size, $(nproc) cores, [display] renderer = $renderer, load $(cut -d' ' -f1-3 /proc/loadavg)"
phase still 120
phase carousel 3
