#!/usr/bin/env bash
# Benchmark (not a test): the kiosk's memory at every moment of the
# carousel, transitions included. Starts litfass under its own Xvfb on the
# sample bundle with short slides (SLIDE seconds, 600 ms transitions),
# waits WARMUP s (default 15: the start done, and the hyphenation
# patterns read in the background, which for a second or two holds
# 35-40 MB more than before or after), then samples PSS summed over the kiosk's
# processes (/proc/PID/smaps_rollup) every 0.1 s for SECONDS and prints
# min / median / max (the max is a sample taken during a transition:
# a transition holds one more copy of the page rows). PSS shares the pages of libraries and files
# with every other process that maps them, so it moves with what else
# runs (a library or font cache no other process maps counts whole); the
# private dirty part (heap, thread arenas and stacks, written library
# pages: what the kiosk itself made) does not, and is printed beside it,
# with RSS (every page mapped, shared or not: what the kiosk would use
# alone on a device) and private (clean and dirty: pages no other process
# maps).
# With SMAPS=DIR it also keeps /proc/PID/smaps at the smallest and the
# largest sample (DIR/min.smaps, DIR/max.smaps) to see what counts.
# EXTRA_CONF: config lines appended (a [sync] url and trusted_keys, a
# [monitor] report_url: a kiosk that syncs and reports; the bench counts
# its short-lived network children too, being of its session).
# Usage: bench/pss_during_transition.sh [SECONDS=30] [WxH=1920x1080] [RENDERER=auto]
# Needs: xvfb, python3, a build in build/ (or BIN=path).
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-30}
size=${2:-1920x1080}
renderer=${3:-auto}
slide=${SLIDE:-3}
bin=${BIN:-build/litfass}
[ -x "$bin" ] || { echo "build first: cmake -B build && cmake --build build" >&2; exit 1; }
tmp=$(mktemp -d)
. bench/lib/bench_lib.sh
xvfb=
kiosk=
cleanup() {
  [ -z "$kiosk" ] || kill -- -"$kiosk" 2>/dev/null || true # under set -e: a kiosk gone must not keep Xvfb
  kill $xvfb 2>/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT
bench_xvfb "$size"

mkdir -p "$tmp/state" # its own state folder: never the system kiosk's /var/lib/litfass
printf '[display]\nrenderer = %s\nlanguage = de\n[carousel]\nslide_seconds = %s\ntransition_ms = 600\n[log]\nlevel = debug\n[sync]\ncache_dir = %s\n' \
  "$renderer" "$slide" "$tmp/state" >"$tmp/kiosk.conf"
[ -z "${EXTRA_CONF:-}" ] || printf '%s\n' "$EXTRA_CONF" >>"$tmp/kiosk.conf"
sample_content "$tmp/content" "$slide"
setsid "$bin" run --config "$tmp/kiosk.conf" --content "$tmp/content" >/dev/null 2>"$tmp/kiosk.log" &
kiosk=$!
sleep "${WARMUP:-15}"

python3 - "$kiosk" "$secs" "${SMAPS:-}" "$tmp/kiosk.log" "$size" "$renderer" "$slide" <<'PY'
import os, statistics, sys, time
sid, secs, keep, log, size, renderer, slide = int(sys.argv[1]), float(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5], sys.argv[6], sys.argv[7]

def session():
    out = []
    for d in os.listdir("/proc"):
        if d.isdigit():
            try:
                with open(f"/proc/{d}/stat") as f:
                    st = f.read().rsplit(")", 1)[1].split()
                if int(st[3]) == sid:  # field 6: session id
                    out.append(int(d))
            except OSError:
                pass
    return out

def pss(pids):
    """PSS, private dirty, RSS and private (clean + dirty) kB summed over pids"""
    t = u = r = q = 0
    for p in pids:
        try:
            with open(f"/proc/{p}/smaps_rollup") as f:
                for line in f:
                    if line.startswith("Pss:"):
                        t += int(line.split()[1])
                    elif line.startswith("Private_Dirty:"):
                        u += int(line.split()[1])
                        q += int(line.split()[1])
                    elif line.startswith("Private_Clean:"):
                        q += int(line.split()[1])
                    elif line.startswith("Rss:"):
                        r += int(line.split()[1])
        except OSError:
            pass
    return t, u, r, q

samples, private, rss, priv, lo, hi, most = [], [], [], [], None, None, 0
end = time.monotonic() + secs
while time.monotonic() < end:
    pids = session()
    if not pids:
        sys.exit("the kiosk is gone; its log: " + log)
    most = max(most, len(pids))
    kb, uss, r, q = pss(pids)
    samples.append(kb)
    private.append(uss)
    rss.append(r)
    priv.append(q)
    if keep and (lo is None or kb < lo or kb > hi):
        snap = ""
        for p in pids:  # a short-lived network child may be gone meanwhile
            try:
                snap += open(f"/proc/{p}/smaps").read()
            except OSError:
                pass
        if lo is None or kb < lo:
            lo = kb
            open(os.path.join(keep, "min.smaps"), "w").write(snap)
        if hi is None or kb > hi:
            hi = kb
            open(os.path.join(keep, "max.smaps"), "w").write(snap)
    time.sleep(0.1)
n = sum(1 for line in open(log, errors="replace") if "transition:" in line and " frames" in line)
mb = lambda kb: kb / 1024
print(f"litfass ({renderer}) under Xvfb {size}, {slide} s slides, 600 ms transitions: "
      f"{len(samples)} samples over {secs:g} s, {n} transitions logged, at most {most} process(es), load {open('/proc/loadavg').read().split()[0]}")
for name, v in (("PSS", samples), ("private dirty", private), ("RSS", rss),
                ("private (clean + dirty)", priv)):
    print(f"{name}: min {mb(min(v)):.1f} MB, median {mb(statistics.median(v)):.1f} MB, max {mb(max(v)):.1f} MB")
PY
