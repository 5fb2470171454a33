#!/usr/bin/env bash
# Benchmark (not a test): the carousel in litfass and the same carousel as
# a web page in Chromium, one after the other on ONE Xvfb, with the same
# slides (the sample bundle, every slide SLIDE seconds) and the same
# 600 ms slide-in. For each: CPU (all its processes, utime + stime from
# /proc) over SECONDS after a start of WARMUP seconds (default 15: both
# programs done starting, litfass also with reading its hyphenation
# patterns in the background, seconds of CPU under load), PSS (all its processes, from
# /proc/PID/smaps_rollup) every 5 s over the same window, its median and max; for litfass also frames per second
# during transitions and the longest frame (its debug log).
# Usage: bench/carousel_vs_chromium.sh [SECONDS=60] [WxH=1920x1080] [RENDERERS="auto gpu"]
# Needs: xvfb, chromium, python3; a build in build/.
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-60}
size=${2:-1920x1080}
renderers=${3:-auto gpu}
slide=${SLIDE:-8}
warmup=${WARMUP:-15}
bin=build/litfass
[ -x "$bin" ] || { echo "build first: cmake -B build && cmake --build build" >&2; exit 1; }
command -v chromium >/dev/null || { echo "chromium is not installed" >&2; exit 1; }
tmp=$(mktemp -d)
. bench/lib/bench_lib.sh
xvfb=
trap 'kill $xvfb 2>/dev/null; [ -n "${KEEP:-}" ] || rm -rf "$tmp"' EXIT
bench_xvfb "$size"
hz=$(getconf CLK_TCK)

# the same slides for both: every item shown $slide seconds
sample_content "$tmp/content" "$slide"
echo "tmp: $tmp" >&2
python3 bench/chromium/make_page.py "$tmp/content" "$tmp/carousel.html" $((slide * 1000)) 600 de

# the processes of a session (setsid): the program and all it started
session_pids() { ps -eo pid=,sid= | awk -v s="$1" '$2 == s {print $1}'; }
ticks() { # ticks SID: utime + stime of the session's processes (live ones)
  local t=0 p
  for p in $(session_pids "$1"); do
    t=$((t + $(awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null || echo 0)))
  done
  echo $t
}
pss_kb() {
  local t=0 p
  for p in $(session_pids "$1"); do
    t=$((t + $(awk '/^Pss:/ {print $2}' "/proc/$p/smaps_rollup" 2>/dev/null || echo 0)))
  done
  echo $t
}

# measure NAME COMMAND...: prints "NAME cpu% pss_kB"
measure() {
  local name=$1
  shift
  setsid "$@" >"$tmp/$name.out" 2>"$tmp/$name.log" &
  local pid=$!
  sleep "$warmup"
  local c0 t0 c1 t1
  c0=$(ticks $pid); t0=$(date +%s.%N)
  # PSS every 5 s over the window: one sample alone may fall into a
  # transition (+6-9 MB for litfass) or, for litfass, into a reading of
  # hyphenation patterns (+35-40 MB for a second or two)
  local end=$(($(date +%s) + secs)) samples=""
  while [ "$(date +%s)" -lt "$end" ]; do
    samples="$samples $(pss_kb $pid)"
    sleep 5
  done
  c1=$(ticks $pid); t1=$(date +%s.%N)
  local pss pss_max
  read -r pss pss_max < <(echo "$samples" | tr ' ' '\n' | grep . | sort -n |
    awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)], v[NR]}')
  kill -- -$pid 2>/dev/null || true
  wait $pid 2>/dev/null || true
  sleep 1
  awk -v n="$name" -v c=$((c1 - c0)) -v hz="$hz" -v a="$t0" -v b="$t1" -v p="$pss" -v m="$pss_max" \
    'BEGIN {printf "%-18s CPU %6.2f %% of one core   PSS %7.1f MB (median of samples every 5 s; max %.1f MB)\n", n, 100 * c / hz / (b - a), p / 1024, m / 1024}' |
    tee -a "$tmp/results"
  transition_summary "$tmp/$name.log" "$(printf '%-18s' '')"
}

echo "carousel under Xvfb $size, ${slide} s slides, 600 ms transitions, ${secs} s each, $(nproc) cores"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for r in $renderers; do
  mkdir -p "$tmp/state-$r" # its own state folder: never the system kiosk's /var/lib/litfass
  printf '[display]\nrenderer = %s\nlanguage = de\n[carousel]\nslide_seconds = '"$slide"'\ntransition_ms = 600\n[log]\nlevel = debug\n[sync]\ncache_dir = %s\n' "$r" "$tmp/state-$r" >"$tmp/$r.conf"
  measure "litfass ($r)" "$bin" run --config "$tmp/$r.conf" --content "$tmp/content"
  grep -o 'renderer: [a-z0-9]* ([^)]*)' "$tmp/litfass ($r).log" | head -1 | sed 's/^/                   /'
done
measure chromium chromium --kiosk --no-sandbox --no-first-run --disable-background-networking \
  --disable-component-update --disable-sync --password-store=basic \
  --user-data-dir="$tmp/chromium-profile" --window-position=0,0 --window-size="${size/x/,}" \
  "file://$tmp/carousel.html"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
awk '/^chromium/ {cc = $3; cp = $9} /^litfass/ {n[++k] = $1 " " $2; c[k] = $4; p[k] = $10}
  END {for (i = 1; i <= k; i++) { printf "%s: CPU ratio to chromium %.3f, PSS ratio %.3f\n", n[i], (cc > 0 ? c[i] / cc : 0), p[i] / cp }}' \
  "$tmp/results"
