#!/usr/bin/env bash
# `litfass run` as systemd runs it (without systemd: a small fake notify
# socket stands in for it, tests/servers/notify_sink.py):
#   1. it refuses SDL's invisible drivers (offscreen, dummy, or none found)
#      and says what is missing: DISPLAY, WAYLAND_DISPLAY, /dev/dri;
#   2. READY=1 comes once the first frame is on screen, with STATUS= saying
#      what is shown; WATCHDOG=1 keeps coming while a slide stands still;
#   3. stopped with SIGSTOP (a hung frame loop), no WATCHDOG=1 comes: systemd
#      would restart it; after SIGCONT the pets come again;
#   4. SIGHUP reads config and content again without ending the process;
#      a broken config keeps the old one and names file, line and key;
#   5. outside systemd each log line carries the time.
. "$(dirname "$0")/shell_lib.sh"
KPID=""
SINK=""
stop_all() {
  [ -n "$KPID" ] && { kill -CONT "$KPID" 2>/dev/null; kill "$KPID" 2>/dev/null; wait "$KPID" 2>/dev/null; KPID=""; }
  [ -n "$SINK" ] && { kill "$SINK" 2>/dev/null; wait "$SINK" 2>/dev/null; SINK=""; }
  stop_xvfb
  rm -rf "$TMP"
}
trap stop_all EXIT

# 1. never invisible
for drv in offscreen dummy; do
  SDL_VIDEODRIVER=$drv expect_exit 1 "run refuses SDL's $drv driver" -- \
    env -u DISPLAY -u WAYLAND_DISPLAY "$BIN" run --content "$SRC/assets/content" --windowed
  expect_in "$TMP/err" "no visible display: SDL chose its '$drv' video driver" "it names the $drv driver"
  expect_in "$TMP/err" "DISPLAY (X11; not set)" "it says DISPLAY is not set"
  expect_in "$TMP/err" "WAYLAND_DISPLAY (e.g. under cage; not set)" "it says WAYLAND_DISPLAY is not set"
  expect_in "$TMP/err" "/dev/dri" "it names /dev/dri and the groups"
done
grep -q 'showing' "$TMP/err" && bad "an invisible run claimed to show pages" || ok "nothing claims to be shown"
expect_exit 0 "preview still renders without a display" -- \
  "$BIN" preview "$SRC/assets/content" --out "$TMP/preview" --size 800x480

# journal priorities: with stderr being the stream systemd named in
# JOURNAL_STREAM, lines start with <priority> and carry no time of their own
: >"$TMP/journal"
SDL_VIDEODRIVER=offscreen JOURNAL_STREAM="$(stat -c '%d:%i' "$TMP/journal")" \
  "$BIN" run --content "$SRC/assets/content" --windowed 2>>"$TMP/journal"
head -n1 "$TMP/journal" | grep -q '^<3>litfass: error: no visible display' &&
  ok "to the journal: an error line starts with <3> (and no time)" ||
  bad "journal line: $(head -n1 "$TMP/journal")"

# 2. READY, STATUS, WATCHDOG under a fake notify socket
start_xvfb 1024x600 || { bad "no X server"; finish; exit 1; }
"$PYTHON" "$SRC/tests/servers/notify_sink.py" "$TMP/notify.sock" "$TMP/notify.log" &
SINK=$!
for _ in $(seq 300); do [ -S "$TMP/notify.sock" ] && break; sleep 0.1; done # up to 30 s
cat >"$TMP/kiosk.conf" <<EOC
[content]
dir = $SRC/assets/content
[display]
language = de
[carousel]
slide_seconds = 120
transition_ms = 0
[sync]
cache_dir = $TMP
EOC
NOTIFY_SOCKET="$TMP/notify.sock" WATCHDOG_USEC=900000 "$BIN" run --config "$TMP/kiosk.conf" 2>"$TMP/kiosk.log" &
KPID=$!
for _ in $(seq 900); do grep -q 'READY=1' "$TMP/notify.log" && break; sleep 0.1; done
if grep -q 'READY=1 | STATUS=carousel 1/[0-9]* (de), 1024x600' "$TMP/notify.log"; then
  ok "READY=1 with STATUS= (slide, language, screen size)"
else
  bad "no READY=1 with status"; sed 's/^/  notify: /' "$TMP/notify.log"; sed 's/^/  log: /' "$TMP/kiosk.log" | tail
fi
grep -q 'first frame on screen' "$TMP/kiosk.log" && ok "READY follows the first frame on screen" || bad "no first frame logged"
expect_in "$TMP/kiosk.log" "video driver: x11" "the start-up line names the video driver"
expect_in "$TMP/kiosk.log" "config $TMP/kiosk.conf;" "... and the config file"
expect_in "$TMP/kiosk.log" "screen 1024x600" "... and the screen size"
expect_in "$TMP/kiosk.log" "litfass 0." "... and the version"
head -n1 "$TMP/kiosk.log" | grep -qE '^20[0-9]{2}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3}[+-][0-9]{4} litfass' &&
  ok "log lines carry the time outside systemd" || bad "no time in: $(head -n1 "$TMP/kiosk.log")"

# count_pets: WATCHDOG=1 lines so far
count_pets() { grep -c 'WATCHDOG=1' "$TMP/notify.log"; }
# a still slide keeps petting (every 300 ms, a third of 900 ms): six more pets come, waited
# for up to 60 s (a count of events, not a rate: a busy machine only makes it slower)
first=$(count_pets)
for _ in $(seq 600); do [ "$(count_pets)" -ge $((first + 6)) ] && break; sleep 0.1; done
still=$(count_pets)
[ "$still" -ge $((first + 6)) ] && ok "a still slide keeps petting the watchdog ($first, then $still pets)" ||
  bad "only $((still - first)) more WATCHDOG=1 while the slide stood still"

# 3. a hung frame loop: no pets
kill -STOP "$KPID"
# stopped_all: every thread of the kiosk is stopped (state T), so it sends nothing more
stopped_all() {
  local f
  for f in /proc/"$KPID"/task/*/stat; do
    [ "$(sed 's/.*) //' "$f" 2>/dev/null | cut -d' ' -f1)" = T ] || return 1
  done
}
# mark TEXT: a datagram of our own to the sink, after what the kiosk sent before; once it
# is in the log, so is everything sent before it (a socket's datagrams arrive in order).
# Waited for up to 60 s: a busy machine may let the sink read late, which is why a
# second without pets said nothing about pets still queued.
mark() {
  "$PYTHON" -c 'import socket, sys; socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM).sendto(sys.argv[2].encode(), sys.argv[1])' \
    "$TMP/notify.sock" "$1"
  for _ in $(seq 600); do grep -qF "$1" "$TMP/notify.log" && return 0; sleep 0.1; done
  return 1
}
for _ in $(seq 600); do stopped_all && break; sleep 0.1; done
mark TEST-MARK-STOPPED || bad "the sink did not log our mark"
before=$(count_pets)
sleep 2
mark TEST-MARK-2S-LATER || bad "the sink did not log our second mark"
after=$(count_pets)
[ "$after" -eq "$before" ] && ok "stopped (SIGSTOP), the kiosk misses its pets for 2 s > WatchdogSec: systemd would restart it" ||
  bad "pets kept coming while stopped ($before -> $after)"
kill -CONT "$KPID"
for _ in $(seq 600); do [ "$(count_pets)" -gt "$after" ] && break; sleep 0.1; done # up to 60 s
resumed=$(count_pets)
[ "$resumed" -gt "$after" ] && ok "after SIGCONT the pets come again" || bad "no pets after SIGCONT"

# 4. SIGHUP: another language, then a broken config
sed -i 's/^language = de/language = en/' "$TMP/kiosk.conf"
kill -HUP "$KPID"
for _ in $(seq 600); do grep -q 'STATUS=carousel 1/[0-9]* (en)' "$TMP/notify.log" && break; sleep 0.1; done
grep -q 'STATUS=carousel 1/[0-9]* (en)' "$TMP/notify.log" && ok "SIGHUP applied the new language" ||
  { bad "no (en) status after SIGHUP"; tail -5 "$TMP/kiosk.log"; }
grep -q 'RELOADING=1' "$TMP/notify.log" && ok "systemd was told RELOADING=1 ... READY=1" || bad "no RELOADING=1"
kill -0 "$KPID" 2>/dev/null && ok "the kiosk is still running after SIGHUP" || bad "SIGHUP ended the kiosk"
expect_in "$TMP/kiosk.log" "reloaded: config $TMP/kiosk.conf, content $SRC/assets/content" "it logged what it reloaded"

printf '[carousel]\nslide_seconds = forever\n' >>"$TMP/kiosk.conf"
kill -HUP "$KPID"
for _ in $(seq 600); do grep -q 'the old config stays' "$TMP/kiosk.log" && break; sleep 0.1; done
expect_in "$TMP/kiosk.log" "kiosk.conf:11:17: carousel.slide_seconds: not a whole number" "a broken config is named with its line, column and key"

expect_in "$TMP/kiosk.log" "the old config stays" "... and the old config stays"
kill -0 "$KPID" 2>/dev/null && ok "the kiosk survives a broken config" || bad "a broken config ended the kiosk"
sleep 0.5
tail -n1 "$TMP/notify.log" | grep -q '(de)' && bad "the broken config changed the language back" || ok "still in English"

kill "$KPID"; wait "$KPID"; rc=$?; KPID=""
[ "$rc" -eq 0 ] && ok "SIGTERM ends it cleanly (exit 0)" || bad "SIGTERM: exit $rc"
# the sink logs what the kiosk sent before it ended, maybe a moment after (up to 60 s)
for _ in $(seq 600); do grep -q 'STOPPING=1' "$TMP/notify.log" && break; sleep 0.1; done
grep -q 'STOPPING=1' "$TMP/notify.log" && ok "STOPPING=1 on the way out" || bad "no STOPPING=1"
finish
