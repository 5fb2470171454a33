#!/usr/bin/env bash
# Soak benchmark (not a CI test): the kiosk for a long time under
# LeakSanitizer, in a real window under Xvfb (software renderer), with
# 1-second slides and a newly signed bundle published every few seconds
# and installed by the kiosk's own sync worker. Records RSS (the lowest of
# 15 looks over 3 s: a page standing still; and the highest), open file
# descriptors and cached textures at the start and the end; they must stay
# flat. Usage: bench/soak.sh [SECONDS, default 1800]
# SOAK_SANITIZE=0 builds without ASan/LSan, for RSS figures without the
# sanitizer's quarantine (which holds freed memory and grows up to 256 MB).
# SOAK_WRAPPER runs the kiosk under a tool that execs it (e.g.
# "valgrind --leak-check=full --log-file=/tmp/vg.%p", with SOAK_SANITIZE=0);
# SOAK_SIZE is the screen (default 1920x1080).
# Needs: xvfb, python3 (scripts/debian-packages.txt). Loopback only.
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-1800}
root=$(pwd)
san=${SOAK_SANITIZE:-1}
bdir=build-soak$([ "$san" = 1 ] || echo -plain)
cmake -S . -B "$bdir" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DLITFASS_SANITIZE=$([ "$san" = 1 ] && echo ON || echo OFF) >/dev/null
cmake --build "$bdir" -j"$(nproc)" --target litfass >/dev/null
bin=$root/$bdir/litfass
tmp=$(mktemp -d)
. bench/lib/bench_lib.sh
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

disp=:$((80 + RANDOM % 9))
Xvfb "$disp" -screen 0 "${SOAK_SIZE:-1920x1080}x24" -nolisten tcp >/dev/null 2>&1 &
pids+=($!)

# the content: the sample with every item shown for 1 second
sample_content "$tmp/www" 1
"$bin" keygen --out "$tmp/soak" >"$tmp/keygen.out"
key=$(sed -n 's/^trusted_keys = //p' "$tmp/keygen.out")
"$bin" sign "$tmp/www" --key "$tmp/soak.key" >/dev/null

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 -m http.server "$port" --bind 127.0.0.1 --directory "$tmp/www" >/dev/null 2>&1 &
pids+=($!)

# the KI publishes a new version every 4 seconds
(
  n=0
  while sleep 4; do
    n=$((n + 1))
    sed -i "s/\"version\": *\"[^\"]*\"/\"version\": \"soak-$n\"/" "$tmp/www/content.json"
    "$bin" sign "$tmp/www" --key "$tmp/soak.key" >/dev/null 2>&1 || true
  done
) &
pids+=($!)

cat >"$tmp/kiosk.conf" <<EOC
[content]
dir = "$root/assets/content"
[carousel]
slide_seconds = 3
transition_ms = 300
[sync]
url = "http://127.0.0.1:$port/content.json"
allow_http = true
trusted_keys = $key
cache_dir = "$tmp/cache"
[log]
level = debug
EOC
LITFASS_BENCH_POLL_MS=3000 SDL_RENDER_DRIVER=software DISPLAY=$disp \
  ASAN_OPTIONS=detect_leaks=1:log_path=$tmp/asan \
  LSAN_OPTIONS=suppressions=$root/bench/lsan.supp:print_suppressions=0 \
  ${SOAK_WRAPPER:-} "$bin" run --config "$tmp/kiosk.conf" 2>"$tmp/kiosk.log" &
kiosk=$!

sample() { # sample LABEL: RSS, fds and textures of the running kiosk
  local rss fds tex
  # 1-second slides: a sample often falls into a transition, which holds
  # two screen-sized pictures (16 MB at 1080p) that a still page gives
  # back; 15 looks over 3 s give the still figure (min) and the peak (max)
  rss=$(for _ in $(seq 15); do
          awk '/VmRSS/ {r = $2} /RssAnon/ {a = $2} /RssFile/ {f = $2} END {print r, a, f}' "/proc/$kiosk/status"
          sleep 0.2
        done | sort -n | awk 'NR == 1 {lo = $0} {hi = $1} END {split(lo, m, " "); print m[1] " kB (anon " m[2] ", files " m[3] "; up to " hi " kB in a transition)"}')
  fds=$(ls "/proc/$kiosk/fd" | wc -l)
  # log lines start with a time stamp: read the number before "textures"
  tex=$(grep 'painter:' "$tmp/kiosk.log" | tail -1 | sed -n 's/.*painter: \([0-9]*\) textures.*/\1/p')
  echo "$1: RSS ${rss}, ${fds} open file descriptors, ${tex:-?} cached textures, $(grep -c 'showing new content' "$tmp/kiosk.log") bundles installed so far"
}

sleep 75 # warm-up: the first installs, every page seen once, a painter line logged
sample start
end=$((SECONDS + secs))
while [ $SECONDS -lt $end ]; do
  sleep 60
  kill -0 $kiosk || { echo "the kiosk died"; tail -20 "$tmp/kiosk.log"; exit 1; }
  sample "$(( (secs - (end - SECONDS)) / 60 )) min" >>"$tmp/samples"
done
sample end
echo "transitions drawn: $(grep -c 'transition:' "$tmp/kiosk.log"), errors in the log: $(grep -c ': error:' "$tmp/kiosk.log")"
kill -TERM $kiosk
wait $kiosk || true
if [ "$san" != 1 ]; then
  echo "(built without LeakSanitizer)"
elif ls "$tmp"/asan.* >/dev/null 2>&1; then
  echo "LeakSanitizer / AddressSanitizer report:"
  grep -E 'SUMMARY|ERROR' "$tmp"/asan.* | head -5
else
  echo "LeakSanitizer: no leaks reported at exit"
fi
echo "per-minute samples:"
cat "$tmp/samples"
