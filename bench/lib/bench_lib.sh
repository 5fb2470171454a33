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

# sample_content DIR SECONDS: the sample bundle (assets/content) copied to DIR with every
# item shown SECONDS (the agenda would otherwise stay for its reading time); unsigned
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
