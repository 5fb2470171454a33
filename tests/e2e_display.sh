#!/usr/bin/env bash
# A display that changes while the kiosk runs full screen (no window
# manager, as on a kiosk): a new resolution and a turn to portrait through
# RandR are laid out anew within a second (the X server tells the kiosk: the root window's ConfigureNotify;
# it also looks every 10 s as a safety net).
# Xephyr runs with -noreset: without it, it resets when its last client
# goes (the kiosk's own display check) and the kiosk's next connection
# can land in the reset.
# The X server is Xephyr inside Xvfb: Debian 12's Xvfb cannot change its
# size through RandR, Xephyr can (`xrandr -s`). Its `xrandr -o` crashes
# Xephyr itself, so the turn is tested as what a program sees of a rotated
# screen: 640x480 becoming 480x640.
# What the kiosk shows is read from its STATUS= (a fake notify socket).
. "$(dirname "$0")/shell_lib.sh"
command -v Xephyr >/dev/null || { echo "Xephyr missing (xserver-xephyr, scripts/debian-packages.txt)"; exit 1; }
KPID="" EPID="" SINK=""
stop_all() {
  [ -n "$KPID" ] && { kill "$KPID" 2>/dev/null; wait "$KPID" 2>/dev/null; }
  [ -n "$SINK" ] && { kill "$SINK" 2>/dev/null; wait "$SINK" 2>/dev/null; }
  [ -n "$EPID" ] && { kill "$EPID" 2>/dev/null; wait "$EPID" 2>/dev/null; }
  stop_xvfb
  rm -rf "$TMP"
}
trap stop_all EXIT
start_xvfb 1920x1920 || { bad "no Xvfb"; finish; exit 1; }
: >"$TMP/ephyr.fd"
Xephyr -displayfd 4 -screen 1024x768 -resizeable +extension RANDR -nolisten tcp -noreset 4>"$TMP/ephyr.fd" 2>"$TMP/ephyr.log" &
EPID=$!
for _ in $(seq 100); do [ -s "$TMP/ephyr.fd" ] && break; sleep 0.1; done
[ -s "$TMP/ephyr.fd" ] || { bad "Xephyr did not start"; tail "$TMP/ephyr.log"; finish; exit 1; }
export DISPLAY=":$(head -n1 "$TMP/ephyr.fd")"

"$PYTHON" "$SRC/tests/servers/notify_sink.py" "$TMP/notify.sock" "$TMP/notify.log" &
SINK=$!
for _ in $(seq 50); do [ -S "$TMP/notify.sock" ] && break; sleep 0.1; done
mkdir -p "$TMP/state"
printf '[content]\ndir = %s/assets/content\n[sync]\ncache_dir = %s/state\n' "$SRC" "$TMP" >"$TMP/kiosk.conf"
NOTIFY_SOCKET="$TMP/notify.sock" "$BIN" run --config "$TMP/kiosk.conf" 2>"$TMP/kiosk.log" &
KPID=$!
for _ in $(seq 600); do grep -q 'READY=1' "$TMP/notify.log" && break; sleep 0.1; done
grep -q 'READY=1.*, 1024x768' "$TMP/notify.log" && ok "full screen at 1024x768" ||
  { bad "no first frame at 1024x768"; tail "$TMP/kiosk.log"; finish; exit 1; }

# change SIZE: xrandr -s SIZE, then wait for a STATUS with it; prints seconds taken
change() {
  local size=$1 seen
  seen=$(wc -l <"$TMP/notify.log")  # only statuses after the change count
  xrandr -s "$size" || { echo "xrandr -s $size failed"; return 1; }
  local start=$(date +%s.%N)
  for _ in $(seq 600); do  # up to 30 s: a busy test machine, never a speed check
    tail -n +"$((seen + 1))" "$TMP/notify.log" | grep -q "STATUS=.*, $size\$" && break
    sleep 0.05
  done
  tail -n +"$((seen + 1))" "$TMP/notify.log" | grep -q "STATUS=.*, $size\$" || return 1
  echo "$(date +%s.%N) $start" | awk '{printf "%.2f", $1 - $2}'
}
for size in 800x600 640x480 480x640 1024x768; do
  if took=$(change "$size"); then
    # the X server tells the kiosk at once; how soon is not asserted here (timing
    # belongs to bench/, and CI machines are busy): only that it happens
    ok "$size laid out anew (after ${took} s)"
    # the frame itself has the new size (header and footer on screen)
    if "$BIN" screenshot --config "$TMP/kiosk.conf" --out "$TMP/$size.png" >/dev/null 2>"$TMP/err"; then
      read -r w h colours lit < <("$PYTHON" "$SRC/tests/servers/png_stats.py" "$TMP/$size.png")
      [ "${w}x${h}" = "$size" ] && [ "$colours" -ge 30 ] && ok "the frame is ${w}x${h} and shows the slide ($colours colours)" ||
        bad "frame after $size: ${w}x${h}, $colours colours"
      [ -n "${LITFASS_KEEP_SHOTS:-}" ] && cp "$TMP/$size.png" "$LITFASS_KEEP_SHOTS/"
    else
      bad "screenshot after $size: $(cat "$TMP/err")"
    fi
  else
    bad "no layout for $size: $took"; tail -5 "$TMP/kiosk.log" | sed 's/^/  log: /'
  fi
done
expect_in "$TMP/kiosk.log" "screen 480x640: laid out anew (was 640x480)" "the turn to portrait is logged"
kill -0 "$KPID" 2>/dev/null && ok "the kiosk kept running through every change" || bad "the kiosk died"
finish
