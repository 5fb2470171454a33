# shellcheck shell=bash disable=SC2154,SC2034 # $tmp comes from the script, $xvfb goes to it
# Shared by the bench/*.sh scripts (sourced after `cd` to the source tree and `tmp=$(mktemp -d)`;
# not a benchmark itself).

# bench_xvfb WxH: an X server of the script's own on a display number Xvfb picks
# (-displayfd); its pid in $xvfb (the script's EXIT trap kills it). Exports DISPLAY and
# leaves SDL to choose x11 (`litfass run` refuses the offscreen driver).
bench_xvfb() {
  Xvfb -displayfd 3 -screen 0 "${1}x24" -nolisten tcp 3>"$tmp/display" 2>/dev/null &
  xvfb=$!
  for _ in $(seq 100); do [ "$(wc -l <"$tmp/display")" -ge 1 ] && break; sleep 0.1; done
  DISPLAY=:$(head -n1 "$tmp/display")
  export DISPLAY
  unset SDL_VIDEODRIVER SDL_RENDER_DRIVER WAYLAND_DISPLAY
}

# transition_summary LOG LABEL: the kiosk's debug LOG ("transition: N frames in MS ms, longest
# frame W ms, C ms of CPU ..." lines) summed up in one line after LABEL: how many transitions,
# frames per second during them, the longest frame, CPU each; nothing when LOG has none
transition_summary() {
  grep -q 'transition: [0-9]* frames' "$1" || return 0
  grep 'transition: [0-9]* frames' "$1" | sed 's/.*transition: //' |
    awk -v label="$2" '{f += $1; ms += $4; if ($8 > w) w = $8; cpu += $10; n++}
      END {printf "%s %d transitions, %.1f frames per second during them, longest frame %d ms, %.1f ms CPU each (main thread)\n", label, n, f * 1000 / ms, w, cpu / n}'
}

# sample_content DIR SECONDS: the sample bundle (assets/content) copied to DIR with every
# item shown SECONDS; unsigned. The agenda's pages (no item of their own) keep their
# reading time unless litfass runs with LITFASS_BENCH_PAGE_SECONDS=SECONDS
sample_content() {
  cp -r assets/content "$1"
  python3 - "$1/content.json" "$2" <<'PY'
import json, sys
p, s = sys.argv[1], int(sys.argv[2])
d = json.load(open(p, encoding="utf-8"))
for it in d["items"]:
    it["duration"] = s
json.dump(d, open(p, "w", encoding="utf-8"), ensure_ascii=False, indent=2)
PY
}
