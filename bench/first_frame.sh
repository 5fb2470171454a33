#!/usr/bin/env bash
# Benchmark (not a test): time from exec of `litfass run` to its first
# SDL_RenderPresent, with cached content (the sample bundle in a folder,
# fontconfig's cache warm from a first run), in a real window under Xvfb.
# The launcher notes the wall clock just before it starts the program;
# the kiosk logs the wall clock of its first present (debug level).
# A state folder is kept across the runs as on a kiosk, so `auto` uses
# the GL probe's answer kept by the first (uncounted) run; NO_KEPT=1
# removes it before every run (every start probes).
# Usage: bench/first_frame.sh [RUNS=7] [WxH=1920x1080] [LANG=de] [RENDERER=auto]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-7}
size=${2:-1920x1080}
lang=${3:-de}
renderer=${4:-auto}
bin=build/litfass
[ -x "$bin" ] || { echo "build first" >&2; exit 1; }
tmp=$(mktemp -d)
. bench/lib/bench_lib.sh
xvfb=
trap 'kill $xvfb 2>/dev/null; rm -rf "$tmp"' EXIT
bench_xvfb "$size"
mkdir -p "$tmp/state"
printf '[display]\nrenderer = %s\nlanguage = %s\n[log]\nlevel = debug\n[sync]\ncache_dir = %s\n' \
  "$renderer" "$lang" "$tmp/state" >"$tmp/k.conf"
echo "first frame, litfass run under Xvfb $size, language $lang, renderer $renderer$([ -n "${NO_KEPT:-}" ] && echo ", probing at every start"), load $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$bin" "$tmp/k.conf" "$runs" "$tmp/state/gl-probe" "${NO_KEPT:-}" <<'PY'
import os, re, statistics, subprocess, sys, time
binary, conf, runs, kept, no_kept = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5]
times = []
for i in range(runs + 1):  # the first run warms the caches and is not counted
    if no_kept and os.path.exists(kept):
        os.remove(kept)
    t0 = time.time()
    p = subprocess.Popen([binary, "run", "--config", conf, "--content", "assets/content"],
                         stderr=subprocess.PIPE, text=True)
    ms = None
    for line in p.stderr:
        m = re.search(r"first frame presented at (\d+\.\d+)", line)
        if m:
            ms = (float(m.group(1)) - t0) * 1000
            break
    p.terminate()
    p.wait()
    if i > 0 and ms is not None:
        times.append(ms)
if not times:
    sys.exit("no first frame logged")
times.sort()
print("exec -> first present: min %.0f ms, median %.0f ms, max %.0f ms (%d runs)"
      % (times[0], statistics.median(times), times[-1], len(times)))
PY
