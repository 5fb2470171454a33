#!/usr/bin/env bash
# `litfass status` tells city IT's office the truth about a kiosk under hostile conditions
# (status.json written by `litfass sync --once` against Debian's nginx on 127.0.0.1, or by
# hand as a kiosk leaves it):
#   1. the sync records since when it fails (failing_since): set at the first failure,
#      kept through the next ones, cleared by a success;
#   2. sync failing for 10 days says "10 days" and since when, also when no sync ever
#      succeeded (that kiosk was reported healthy: the age was taken from the last attempt);
#   3. the clock set back two years: a heartbeat dated after this computer's clock is
#      named, never an age below zero, and not taken for a live kiosk;
#   4. no heartbeat and no such process: the kiosk died (pid 1, not litfass, is no kiosk);
#   5. the state folder on a read-only file system or a full disk (a small tmpfs in a mount
#      namespace): unhealthy and named, although status.json, written before, says all is
#      well; a full disk during an install keeps the old bundle byte for byte, says "No
#      space left" and the next sync after space is freed installs.
. "$(dirname "$0")/shell_lib.sh"
. "$SRC/tests/servers/sync_lib.sh"

WWW=$TMP/www
CACHE=$TMP/cache
signing_key || { finish; exit 1; }

publish() { # publish SERIAL: the sample bundle, that serial, on the web server
  rm -rf "$WWW.new"
  cp -r "$SRC/assets/content" "$WWW.new"
  sed -i "s/\"version\": *\"[^\"]*\"/\"version\": \"serial-$1\"/" "$WWW.new/content.json"
  sign_bundle "$WWW.new" --serial "$1"
  touch -d "@$((1800000000 + $1))" "$WWW.new/content.json"
  rm -rf "$WWW"
  mv "$WWW.new" "$WWW"
}

iso() { date -u -d "$1" +%Y-%m-%dT%H:%M:%SZ; }

# 1. failing_since: a closed port twice, then a server
CLOSED=$(free_port)
sync_config "url = http://127.0.0.1:$CLOSED/content.json" "trusted_keys = $TRUSTED" >"$TMP/closed.conf"
run_sync "$TMP/f1" --config "$TMP/closed.conf"
first=$(status_field "$CACHE" failing_since)
[ "$RC" -eq 1 ] && [[ "$first" =~ ^20[0-9-]+T ]] &&
  ok "a failed sync records failing_since ($first)" ||
  bad "after a failed sync: exit $RC, failing_since '$first'"
sleep 1.1 # the next attempt in another second, so that a rewritten failing_since would show
run_sync "$TMP/f2" --config "$TMP/closed.conf"
[ "$(status_field "$CACHE" failing_since)" = "$first" ] &&
  [ "$(status_field "$CACHE" consecutive_failures)" = 2 ] &&
  ok "the second failure keeps failing_since and counts 2" ||
  bad "second failure: failing_since '$(status_field "$CACHE" failing_since)' (first '$first'), consecutive_failures $(status_field "$CACHE" consecutive_failures)"
start_nginx "$WWW" || { bad "nginx did not start"; finish; exit 1; }
publish 1
sync_config "url = http://127.0.0.1:$NGX_PORT/content.json" "trusted_keys = $TRUSTED" >"$TMP/good.conf"
run_sync "$TMP/f3" --config "$TMP/good.conf"
[ "$RC" -eq 0 ] && [ "$(status_field "$CACHE" failing_since)" = null ] &&
  ok "a success clears failing_since" ||
  bad "after success: exit $RC, failing_since '$(status_field "$CACHE" failing_since)'"

# 2.-4. status.json as kiosks leave it
ST=$TMP/state
mkdir -p "$ST"
printf '[sync]\nurl = https://127.0.0.1/content.json\ntrusted_keys = %s\ncache_dir = %s\n' \
  "$TRUSTED" "$ST" >"$TMP/status.conf"
# write_status LAST_SUCCESS FAILING_SINCE FAILURES HEARTBEAT PID (times as JSON: null or "...")
write_status() {
  cat >"$ST/status.json" <<EOJ
{"last_attempt": "$(iso '-5 min')", "last_success": $1, "failing_since": $2,
 "consecutive_failures": $3, "last_error": "HTTP 503 from the server",
 "url": "https://127.0.0.1/content.json",
 "screen": {"name": "foyer-test", "pid": $5, "up": true, "heartbeat": $4,
            "last_frame": $4, "display_on": true, "content_error": ""}}
EOJ
}
now="\"$(iso now)\""
write_status null "\"$(iso '-10 days')\"" 2880 "$now" 1
expect_exit 1 "sync failing for 10 days, never succeeded: unhealthy" -- "$BIN" status --config "$TMP/status.conf"
expect_in "$TMP/out" "sync failing for 10 days (since $(iso '-10 days' | cut -c1-10)" "... says 10 days and since when"
expect_in "$TMP/out" "2880 failures in a row, never succeeded): HTTP 503 from the server" "... that it never succeeded, and the error"
write_status "\"$(iso '-10 days')\"" "\"$(iso '-10 days')\"" 2880 "$now" 1
expect_exit 1 "sync failing for 10 days after a success: unhealthy" -- "$BIN" status --config "$TMP/status.conf"
expect_in "$TMP/out" "last success $(iso '-10 days' | cut -c1-10)" "... the last success's date"
expect_in "$TMP/out" "days ago)" "... and its age in days"
expect_not_in "$TMP/out" "never succeeded" "... not 'never succeeded'"
write_status "\"$(iso '-2 hours')\"" "\"$(iso '-2 hours')\"" 24 "$now" 1
expect_exit 0 "sync failing for 2 hours: still healthy" -- "$BIN" status --config "$TMP/status.conf"
expect_in "$TMP/out" "24 failures in a row: HTTP 503 from the server" "... the failures are shown"

# 3. the clock set back two years after the last heartbeat
write_status "\"$(iso '+2 years')\"" null 0 "\"$(iso '+2 years')\"" 1
expect_exit 1 "a heartbeat two years after this computer's clock: unhealthy" -- "$BIN" status --config "$TMP/status.conf"
expect_in "$TMP/out" "heartbeat is dated 7" "... dated some 730 days ahead"
expect_in "$TMP/out" "days after this computer's clock" "... named as after this clock"
if grep -qE -- '-[0-9]+ s|ago.*-[0-9]' "$TMP/out"; then bad "a negative age: $(grep -E -- '-[0-9]' "$TMP/out")"
else ok "... no age below zero"; fi

# 4. no heartbeat for 5 minutes, its process gone; pid 1 is no kiosk either
sleep 0.1 & gone=$!; wait "$gone"
write_status "\"$(iso '-5 min')\"" null 0 "\"$(iso '-5 min')\"" "$gone"
expect_exit 1 "no heartbeat, no process: unhealthy" -- "$BIN" status --config "$TMP/status.conf"
expect_in "$TMP/out" "no litfass process $gone: the kiosk died" "... says the kiosk died"
write_status "\"$(iso '-5 min')\"" null 0 "\"$(iso '-5 min')\"" 1
expect_exit 1 "no heartbeat, pid 1 (not litfass): unhealthy" -- "$BIN" status --config "$TMP/status.conf"
expect_in "$TMP/out" "no litfass process 1" "... pid 1 is not taken for the kiosk"

# 5. read-only and full state folders, a full disk during an install
if unshare -m true 2>/dev/null && [ "$(id -u)" -eq 0 ]; then
  SMALL=$TMP/small
  mkdir -p "$SMALL"
  printf '[sync]\nurl = http://127.0.0.1:%s/content.json\nallow_http = yes\ntrusted_keys = %s\ncache_dir = %s\n' \
    "$NGX_PORT" "$TRUSTED" "$SMALL/cache" >"$TMP/small.conf"
  publish 2
  # each step writes its outputs under $TMP (outside the namespace's mount)
  unshare -m bash -c "
    set -u
    mount -t tmpfs -o size=400k tmpfs '$SMALL' || exit 9
    '$BIN' sync --once --config '$TMP/small.conf' >'$TMP/s1.out' 2>&1; echo \$? >'$TMP/s1.rc'
    # a kiosk's fresh heartbeat beside the sync's success
    '$PYTHON' - '$SMALL/cache/status.json' <<'EOP'
import json, os, sys, time
p = sys.argv[1]; d = json.load(open(p))
t = time.strftime('%Y-%m-%dT%H:%M:%SZ', time.gmtime())
d['screen'] = {'name': 'k', 'pid': os.getppid(), 'up': True, 'heartbeat': t, 'last_frame': t,
               'display_on': True, 'content_error': ''}
json.dump(d, open(p, 'w'))
EOP
    '$BIN' status --config '$TMP/small.conf' >'$TMP/s-ok.out' 2>&1; echo \$? >'$TMP/s-ok.rc'
    mount -o remount,ro '$SMALL'
    '$BIN' status --config '$TMP/small.conf' >'$TMP/s-ro.out' 2>&1; echo \$? >'$TMP/s-ro.rc'
    mount -o remount,rw '$SMALL'
    (cd '$SMALL/cache/current' && find . -type f | LC_ALL=C sort | xargs sha256sum) >'$TMP/s-before'
    dd if=/dev/zero of='$SMALL/filler' bs=4k 2>/dev/null
    touch '$TMP/s.filled'
    while [ ! -e '$TMP/s.published' ]; do sleep 0.1; done
    '$BIN' status --config '$TMP/small.conf' >'$TMP/s-full.out' 2>&1; echo \$? >'$TMP/s-full.rc'
    '$BIN' sync --once --config '$TMP/small.conf' >'$TMP/s2.out' 2>&1; echo \$? >'$TMP/s2.rc'
    (cd '$SMALL/cache/current' && find . -type f | LC_ALL=C sort | xargs sha256sum) >'$TMP/s-after'
    cp '$SMALL/cache/status.json' '$TMP/s-full-status.json'
    find '$SMALL/cache' -name 'staging-*' -o -name '*.tmp' >'$TMP/s-left'
    rm '$SMALL/filler'
    '$BIN' sync --once --config '$TMP/small.conf' >'$TMP/s3.out' 2>&1; echo \$? >'$TMP/s3.rc'
    cp '$SMALL/cache/status.json' '$TMP/s-freed-status.json'
    readlink -f '$SMALL/cache/current' >'$TMP/s-current'
    cp '$SMALL/cache/current/content.json' '$TMP/s-current.json'" &
  NSPID=$!
  for _ in $(seq 600); do [ -e "$TMP/s.filled" ] && break; kill -0 "$NSPID" 2>/dev/null || break; sleep 0.1; done
  # serial 3 with every image changed: the install needs room it does not have
  rm -rf "$WWW.new"; cp -r "$SRC/assets/content" "$WWW.new"
  for f in "$WWW.new"/images/*.png; do "$PYTHON" "$SERVERS/png_text.py" "$f" "serial 3"; done
  sign_bundle "$WWW.new" --serial 3
  rm -rf "$WWW"; mv "$WWW.new" "$WWW"
  touch "$TMP/s.published"
  wait "$NSPID"
  if [ "$(cat "$TMP/s1.rc" 2>/dev/null)" = 0 ] && [ "$(cat "$TMP/s-ok.rc")" = 0 ]; then
    ok "installed on a 400 kB tmpfs; status healthy there"
    [ "$(cat "$TMP/s-ro.rc")" = 1 ] && grep -q "is on a read-only file system: the kiosk can save neither" "$TMP/s-ro.out" &&
      ok "a read-only state folder: unhealthy, named ($(grep -o 'NOT OK.*' "$TMP/s-ro.out" | cut -c1-90))" ||
      { bad "read-only state folder: exit $(cat "$TMP/s-ro.rc")"; sed 's/^/  /' "$TMP/s-ro.out"; }
    [ "$(cat "$TMP/s-full.rc")" = 1 ] && grep -q "the disk of the state folder .* is full" "$TMP/s-full.out" &&
      ok "a full disk: unhealthy and named, before any sync says so" ||
      { bad "full disk: exit $(cat "$TMP/s-full.rc")"; sed 's/^/  /' "$TMP/s-full.out"; }
    [ "$(cat "$TMP/s2.rc")" = 1 ] && cmp -s "$TMP/s-before" "$TMP/s-after" &&
      ok "the install on the full disk fails and the old bundle stays byte for byte" ||
      bad "full-disk install: exit $(cat "$TMP/s2.rc"), old bundle $(cmp -s "$TMP/s-before" "$TMP/s-after" && echo kept || echo changed)"
    grep -q '"last_error": ".*No space left on device' "$TMP/s-full-status.json" &&
      ok "status.json: last_error says No space left on device" ||
      bad "status.json after the full-disk install: $(grep last_error "$TMP/s-full-status.json")"
    [ ! -s "$TMP/s-left" ] && ok "no staging folder or temp file left on the full disk" ||
      bad "left on the full disk: $(tr '\n' ' ' <"$TMP/s-left")"
    [ "$(cat "$TMP/s3.rc")" = 0 ] && cmp -s "$TMP/s-current.json" "$WWW/content.json" &&
      grep -q '"consecutive_failures": 0' "$TMP/s-freed-status.json" &&
      ok "space freed: the next sync installs serial 3 and clears the failure" ||
      { bad "after freeing space: exit $(cat "$TMP/s3.rc")"; sed 's/^/  /' "$TMP/s3.out" | head -5; }
  else
    bad "the install on the small tmpfs failed: $(cat "$TMP/s1.out" 2>/dev/null) / $(cat "$TMP/s-ok.out" 2>/dev/null)"
  fi
else
  ok "no mount namespace here: the read-only and full-disk cases are left out (skipped)"
fi

finish
