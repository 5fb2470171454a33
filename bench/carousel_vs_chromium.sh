#!/usr/bin/env bash
# Benchmark (not a test): the carousel in litfass and the same carousel as
# a web page in Chromium, AT THE SAME TIME, each on an Xvfb of its own of
# the same size, with the same slides (the sample bundle, every page of
# litfass, agenda pages and continued items included, and every slide of
# the web page SLIDE seconds: LITFASS_BENCH_PAGE_SECONDS) and the same 600 ms
# slide-in, so a round of ROUND seconds holds as many transitions in
# each (before, the agenda's pages kept their reading time, up to 32 s,
# and a round could hold no litfass transition at all). Both run through the same
# load on the shared machine, so their CPU ratio is not moved by load
# that came and went between two runs one after the other (Chromium
# alone drew 2.8-4.5 % of a core from run to run, which moved the ratio
# by a third). After a start of WARMUP seconds (default 15: both programs
# done starting, litfass also with reading its hyphenation patterns in
# the background) SECONDS are measured in rounds of ROUND seconds
# (default three slides): for each program its CPU (all its processes,
# utime + stime from /proc) over all rounds and in each round, the
# ratio of each round and their median (a round with a burst of start-up
# work or another engineer's build in one program's share moves one
# round, not the median); PSS (all its processes, /proc/PID/smaps_rollup)
# every 5 s, its median and max; for litfass also frames per second
# during transitions and the longest frame (its debug log). With two
# renderers, litfass runs twice, each time beside a Chromium of its own.
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
xvfb_litfass=
trap 'kill $xvfb $xvfb_litfass 2>/dev/null; [ -n "${KEEP:-}" ] || rm -rf "$tmp"' EXIT
bench_xvfb "$size"
display_litfass=$DISPLAY
xvfb_litfass=$xvfb
bench_xvfb "$size"
display_chromium=$DISPLAY
hz=$(getconf CLK_TCK)
round=${ROUND:-$((3 * slide))}
rounds=$((secs / round))
[ "$rounds" -ge 1 ] || rounds=1

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

# pair RENDERER: litfass with that renderer and Chromium side by side;
# prints a line for each ("NAME CPU ... PSS ...") and the rounds' ratios
pair() {
  local r=$1
  local name="litfass ($r)"
  mkdir -p "$tmp/state-$r" # its own state folder: never the system kiosk's /var/lib/litfass
  printf '[display]\nrenderer = %s\nlanguage = de\n[carousel]\nslide_seconds = '"$slide"'\ntransition_ms = 600\n[log]\nlevel = debug\n[sync]\ncache_dir = %s\n' "$r" "$tmp/state-$r" >"$tmp/$r.conf"
  rm -rf "$tmp/chromium-profile"
  DISPLAY=$display_litfass LITFASS_BENCH_PAGE_SECONDS=$slide setsid "$bin" run --config "$tmp/$r.conf" --content "$tmp/content" \
    >"$tmp/$name.out" 2>"$tmp/$name.log" &
  local lp=$!
  DISPLAY=$display_chromium setsid chromium --kiosk --no-sandbox --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --password-store=basic --user-data-dir="$tmp/chromium-profile" --window-position=0,0 \
    --window-size="${size/x/,}" "file://$tmp/carousel.html" >"$tmp/chromium.out" 2>"$tmp/chromium.log" &
  local cp=$!
  sleep "$warmup"
  # PSS every 5 s: one sample alone may fall into a transition (+6-9 MB
  # for litfass) or, for litfass, into a reading of hyphenation patterns
  local lc0 cc0 t0 lc cc t lsamples="" csamples="" ratios="" i end
  lc0=$(ticks $lp); cc0=$(ticks $cp); t0=$(date +%s.%N)
  local start_l=$lc0 start_c=$cc0 start_t=$t0
  for i in $(seq "$rounds"); do
    end=$(awk -v a="$start_t" -v n="$i" -v r="$round" 'BEGIN {printf "%.3f", a + n * r}')
    while awk -v e="$end" -v now="$(date +%s.%N)" 'BEGIN {exit !(now < e - 0.05)}'; do
      lsamples="$lsamples $(pss_kb $lp)"
      csamples="$csamples $(pss_kb $cp)"
      sleep "$(awk -v e="$end" -v now="$(date +%s.%N)" 'BEGIN {d = e - now; print (d > 5 ? 5 : (d > 0 ? d : 0))}')"
    done
    lc=$(ticks $lp); cc=$(ticks $cp); t=$(date +%s.%N)
    ratios="$ratios $(awk -v l=$((lc - lc0)) -v c=$((cc - cc0)) 'BEGIN {printf "%.3f", (c > 0 ? l / c : 0)}')"
    echo "  round $i: litfass $(awk -v c=$((lc - lc0)) -v hz="$hz" -v a="$t0" -v b="$t" 'BEGIN {printf "%.2f", 100 * c / hz / (b - a)}') %, chromium $(awk -v c=$((cc - cc0)) -v hz="$hz" -v a="$t0" -v b="$t" 'BEGIN {printf "%.2f", 100 * c / hz / (b - a)}') %, ratio ${ratios##* }"
    lc0=$lc; cc0=$cc; t0=$t
  done
  kill -- -$lp -$cp 2>/dev/null || true
  wait $lp $cp 2>/dev/null || true
  sleep 1
  report "$name" $((lc - start_l)) "$start_t" "$t" "$lsamples"
  transition_summary "$tmp/$name.log" "$(printf '%-18s' '')"
  grep -o 'renderer: [a-z0-9]* ([^)]*)' "$tmp/$name.log" | head -1 | sed 's/^/                   /'
  report "chromium" $((cc - start_c)) "$start_t" "$t" "$csamples"
  echo "$ratios" | tr ' ' '\n' | grep . | sort -n |
    awk -v n="$name" '{v[NR] = $1} END {m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
      printf "%s: CPU ratio to chromium in %d rounds: median %.3f (%.3f to %.3f)\n", n, NR, m, v[1], v[NR]}' \
    >>"$tmp/medians"
}

# report NAME TICKS T0 T1 "PSS SAMPLES": "NAME CPU x % of one core PSS y MB ..."
report() {
  local pss pss_max
  read -r pss pss_max < <(echo "$5" | tr ' ' '\n' | grep . | sort -n |
    awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)], v[NR]}')
  awk -v n="$1" -v c="$2" -v hz="$hz" -v a="$3" -v b="$4" -v p="$pss" -v m="$pss_max" \
    'BEGIN {printf "%-18s CPU %6.2f %% of one core   PSS %7.1f MB (median of samples every 5 s; max %.1f MB)\n", n, 100 * c / hz / (b - a), p / 1024, m / 1024}' |
    tee -a "$tmp/results"
}

echo "carousel under two Xvfb $size side by side, ${slide} s slides, 600 ms transitions, ${rounds} rounds of ${round} s, $(nproc) cores"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for r in $renderers; do
  pair "$r"
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
# each litfass against the Chromium that ran beside it
awk '/^chromium/ {printf "%s: CPU ratio to chromium %.3f (all rounds), PSS ratio %.3f\n", n, ($3 > 0 ? lc / $3 : 0), lp / $9}
  /^litfass/ {n = $1 " " $2; lc = $4; lp = $10}' "$tmp/results"
cat "$tmp/medians"
