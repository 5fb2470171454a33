#!/usr/bin/env bash
# The store keeps itself right (issue 11), with `litfass sync --once` against Debian's nginx
# on 127.0.0.1 (no kiosk running; cli_sync_owner.sh has the running kiosk):
#   - "up to date" means intact: a flipped byte, a deleted file, a symbolic link, an older
#     signed bundle copied into current/, a removed bundle folder: each is found by the
#     self-check and fetched again (the same serial is no rollback), status.json says so;
#   - `current` made a folder, status.json or state.json made folders: written again;
#   - a second manual run while one works: refused, not recorded as a failure;
#   - root on a cache folder of another user runs as that user, never making root's files;
#   - one limit for folder depth: validate and sign refuse what the store could not install;
#   - sign: an invalid bundle loses its stale .sig; a content.json linked out of the folder is refused;
#   - a full disk: status.json still stops saying all is well.
. "$(dirname "$0")/shell_lib.sh"
. "$SRC/tests/servers/sync_lib.sh"

WWW=$TMP/www
CACHE=$TMP/cache
CONF=$TMP/litfass.conf
IMG=images/poster-wochen-gegen-rassismus.png
signing_key || { finish; exit 1; }
start_nginx "$WWW" || { bad "nginx did not start"; finish; exit 1; }
URL=http://127.0.0.1:$NGX_PORT/content.json
cat >"$CONF" <<EOF
[content]
dir = $SRC/assets/content
[sync]
url = $URL
cache_dir = $CACHE
allow_http = yes
trusted_keys = $TRUSTED
EOF

publish() { # publish SERIAL: the sample bundle, that serial, on the web server
  rm -rf "$WWW.new"
  cp -r "$SRC/assets/content" "$WWW.new"
  sed -i "s/\"version\": *\"[^\"]*\"/\"version\": \"serial-$1\"/" "$WWW.new/content.json"
  sign_bundle "$WWW.new" --serial "$1"
  # nginx's ETag is mtime and size: two serials signed within one second
  # (serial-6, serial-7: the same size) would share it and get a 304
  touch -d "@$((1800000000 + $1))" "$WWW.new/content.json"
  rm -rf "$WWW"
  mv "$WWW.new" "$WWW"
}

# flip BYTE_OFFSET FILE: one byte changed in place, same size
flip() {
  "$PYTHON" - "$2" "$1" <<'PY'
import sys
path, off = sys.argv[1], int(sys.argv[2])
with open(path, "r+b") as f:
    f.seek(off); b = f.read(1); f.seek(off); f.write(bytes([b[0] ^ 0xFF]))
PY
}

# repaired CASE DESCRIPTION: sync --once says it repaired, the copy is whole again, status
# says what the self-check found, nothing is left over
repaired() {
  local name=$1 what=$2 problems=() want
  run_sync "$TMP/$name" --config "$CONF"
  [ "$RC" -eq 0 ] || problems+=("exit $RC")
  grep -q "failed its check" "$TMP/$name.out" || problems+=("stdout does not name the damage")
  grep -qE "^(repaired|installed) bundle $ID1" "$TMP/$name.out" || problems+=("not repaired: $(head -3 "$TMP/$name.out")")
  (cd "$CACHE/current" && sha256sum -c --quiet "$TMP/sums" >/dev/null 2>&1) || problems+=("files still differ")
  cmp -s "$CACHE/current/content.json" "$WWW/content.json" || problems+=("manifest differs")
  [ "$(status_field "$CACHE" last_error)" = "null" ] || problems+=("last_error: $(status_field "$CACHE" last_error)")
  "$PYTHON" -c 'import json,sys; c=json.load(open(sys.argv[1]))["self_check"]; sys.exit(not (c["damage"] and c["repaired"] is True and c["intact"] is False))' \
    "$CACHE/status.json" || problems+=("status.json self_check: $("$PYTHON" -c 'import json,sys; print(json.load(open(sys.argv[1])).get("self_check"))' "$CACHE/status.json")")
  [ -z "$(leftovers "$CACHE")" ] || problems+=("left over: $(leftovers "$CACHE")")
  [ -z "$(unreferenced_bundles "$CACHE")" ] || problems+=("unreferenced bundles: $(unreferenced_bundles "$CACHE")")
  if [ ${#problems[@]} -eq 0 ]; then ok "$what: found and fetched again"; else
    bad "$what:"; printf '  %s\n' "${problems[@]}"; sed 's/^/  stderr: /' "$TMP/$name.err" | head -5; fi
}

publish 1
run_sync "$TMP/first" --config "$CONF"
[ "$RC" -eq 0 ] && ok "serial 1 installs" || { bad "first install: exit $RC"; cat "$TMP/first.err"; }
ID1=$(bundle_id "$WWW")
(cd "$WWW" && find . -type f ! -name content.json.sig -printf '%P\0' | xargs -0 sha256sum) >"$TMP/sums"

run_sync "$TMP/again" --config "$CONF"
[ "$RC" -eq 0 ] && grep -q "up to date: bundle $ID1, checked whole" "$TMP/again.out" &&
  ok "intact and unchanged: up to date" || bad "second run: exit $RC $(cat "$TMP/again.out" "$TMP/again.err")"

# 1. a flipped byte (same size): only the SHA-256 shows it; nginx answers 304 to the
#    conditional request, so the damaged copy must make the request unconditional
flip 200 "$CACHE/current/$IMG"
repaired flipped "a flipped byte in an installed image"
rm -f "$CACHE/current/images/logo-litfass.png"
repaired deleted "an installed image deleted"
# the same serial again after the bundle folder was removed (was: "rollback refused")
rm -rf "$(readlink -f "$CACHE/current")"
run_sync "$TMP/removed" --config "$CONF"
[ "$RC" -eq 0 ] && cmp -s "$CACHE/current/content.json" "$WWW/content.json" &&
  ok "the removed bundle folder is fetched again with the same serial" ||
  { bad "removed bundle folder: exit $RC"; sed 's/^/  /' "$TMP/removed.err" | head -5; }

# 6. a symbolic link inside the installed bundle (to a copy with the right bytes)
cp "$CACHE/current/$IMG" "$TMP/elsewhere.png"
rm "$CACHE/current/$IMG"
ln -s "$TMP/elsewhere.png" "$CACHE/current/$IMG"
repaired symlink "a symbolic link inside the installed bundle"
[ -L "$CACHE/current/$IMG" ] && bad "the link is still in the installed bundle" ||
  ok "the installed image is a plain file again"

# 6. an older signed bundle copied into current/: not the manifest that was installed
OLD=$TMP/old-signed
cp -a "$CACHE/current/." "$TMP/keep1/" 2>/dev/null || { mkdir -p "$TMP/keep1"; cp -a "$CACHE/current/." "$TMP/keep1/"; }
publish 2
run_sync "$TMP/s2" --config "$CONF"
[ "$RC" -eq 0 ] && ok "serial 2 installs" || bad "serial 2: exit $RC"
ID1=$(bundle_id "$WWW")
(cd "$WWW" && find . -type f ! -name content.json.sig -printf '%P\0' | xargs -0 sha256sum) >"$TMP/sums"
cp -a "$TMP/keep1/." "$OLD"
cp "$OLD/content.json" "$OLD/content.json.sig" "$CACHE/current/"
repaired rollback "an older signed bundle copied into current/"

# 6. `current` made a folder by hand: the next install is not blocked
rm "$CACHE/current"
mkdir "$CACHE/current"
echo "by hand" >"$CACHE/current/note.txt"
publish 3
run_sync "$TMP/curdir" --config "$CONF"
[ "$RC" -eq 0 ] && [ -L "$CACHE/current" ] && cmp -s "$CACHE/current/content.json" "$WWW/content.json" &&
  ok "'current' made a folder: replaced by the link, serial 3 installed" ||
  { bad "current as a folder: exit $RC"; sed 's/^/  /' "$TMP/curdir.err" | head -5; }

# 6. status.json and state.json made folders: written again
rm -f "$CACHE/status.json" "$CACHE/state.json"
mkdir -p "$CACHE/status.json/x" "$CACHE/state.json"
run_sync "$TMP/jsondir" --config "$CONF"
[ -f "$CACHE/status.json" ] && [ -f "$CACHE/state.json" ] &&
  [ "$(status_field "$CACHE" installed_id)" = "$(bundle_id "$WWW")" ] &&
  ok "status.json and state.json that were folders are files again" ||
  bad "status/state as folders: exit $RC, $(ls -ld "$CACHE"/st*.json)"

# 6. a second manual run while the first works: refused, and no failure recorded
publish 4
# the first, slowed down (a second between install steps), is stopped (SIGSTOP) once it
# holds the store (owner.lock names its pid), so it still holds it however long the second
# takes on a busy machine
LITFASS_TEST_INSTALL_DELAY_MS=1000 "$BIN" sync --once --config "$CONF" >"$TMP/slow.out" 2>"$TMP/slow.err" &
SLOW=$!
for i in $(seq 300); do grep -qx "sync $SLOW" "$CACHE/owner.lock" 2>/dev/null && break; sleep 0.1; done
kill -STOP "$SLOW"
before=$(status_field "$CACHE" consecutive_failures)
run_sync "$TMP/second" --config "$CONF"
kill -CONT "$SLOW"
wait "$SLOW"; slow_rc=$?
[ "$RC" -eq 1 ] && grep -q "in use by another .litfass sync --once." "$TMP/second.err" &&
  ok "a second manual run is refused clearly ($(head -1 "$TMP/second.err"))" ||
  bad "second run: exit $RC: $(cat "$TMP/second.err")"
[ "$slow_rc" -eq 0 ] && [ "$(status_field "$CACHE" consecutive_failures)" = 0 ] &&
  [ "$(status_field "$CACHE" last_error)" = null ] && [ "$before" = 0 ] &&
  ok "the refused run is not recorded as a failure" ||
  bad "after the refused run: first exit $slow_rc, failures $(status_field "$CACHE" consecutive_failures), last_error $(status_field "$CACHE" last_error)"

# 3. root on a cache folder that belongs to the kiosk's user: runs as that user
if [ "$(id -u)" -eq 0 ] && getent passwd nobody >/dev/null; then
  chmod 0711 "$TMP"
  USERCACHE=$TMP/usercache
  mkdir -m 0755 "$USERCACHE"
  chown nobody "$USERCACHE"
  run_sync "$TMP/asroot" --config "$CONF" --cache "$USERCACHE"
  others=$(find "$USERCACHE" ! -user nobody)
  [ "$RC" -eq 0 ] && grep -q "running as nobody" "$TMP/asroot.out" && [ -z "$others" ] &&
    [ -L "$USERCACHE/current" ] &&
    ok "run as root on nobody's cache: ran as nobody, every file is nobody's" ||
    { bad "as root: exit $RC, not nobody's: $others"; sed 's/^/  /' "$TMP/asroot.err" | head -5; }
  chmod 0700 "$TMP"
else
  ok "not root: the root case is left out (skipped)"
fi

# 4. one folder-depth limit: what the store cannot install, validate and sign refuse
DEEP=$TMP/deep
cp -r "$SRC/assets/content" "$DEEP"
sub=images; for i in $(seq 9); do sub=$sub/d$i; done
mkdir -p "$DEEP/$sub"
cp "$DEEP/$IMG" "$DEEP/$sub/deep.png"
sed -i "s|\"$IMG\"|\"$sub/deep.png\"|" "$DEEP/content.json"
expect_exit 1 "validate refuses an image 10 folders deep" -- "$BIN" validate "$DEEP"
expect_in "$TMP/err" "nested in 10 folders (at most 8)" "validate names the depth limit"
expect_exit 1 "sign refuses it too" -- "$BIN" sign "$DEEP" --key "$TMP/ki.key"
[ -z "$(leftovers "$CACHE")" ] && ok "no staging folder left" || bad "left over: $(leftovers "$CACHE")"
# ... and 8 deep is fine everywhere
sub=images; for i in $(seq 7); do sub=$sub/e$i; done
rm -rf "$WWW.new"; cp -r "$SRC/assets/content" "$WWW.new"
mkdir -p "$WWW.new/$sub"; cp "$WWW.new/$IMG" "$WWW.new/$sub/deep.png"
sed -i "s|\"$IMG\"|\"$sub/deep.png\"|" "$WWW.new/content.json"
sign_bundle "$WWW.new" --serial 5
rm -rf "$WWW"; mv "$WWW.new" "$WWW"
run_sync "$TMP/deep8" --config "$CONF"
[ "$RC" -eq 0 ] && [ -f "$CACHE/current/$sub/deep.png" ] &&
  ok "an image 8 folders deep is signed and installed" || { bad "8 deep: exit $RC"; head -3 "$TMP/deep8.err"; }

# 6. sign on an invalid bundle: the old signature goes; a content.json linked out of the
#    folder is refused (sign would replace the file it leads to)
BAD=$TMP/badsign
cp -r "$SRC/assets/content" "$BAD"
sign_bundle "$BAD" --serial 1
sed -i 's/"kind": "event"/"kind": "no-such-kind"/' "$BAD/content.json"
expect_exit 1 "sign refuses an invalid bundle" -- "$BIN" sign "$BAD" --key "$TMP/ki.key"
[ ! -e "$BAD/content.json.sig" ] && ok "its stale content.json.sig is removed" ||
  bad "the old .sig stays beside the broken manifest"
LINKED=$TMP/linked
cp -r "$SRC/assets/content" "$LINKED"
mv "$LINKED/content.json" "$TMP/kept-content.json"
ln -s "$TMP/kept-content.json" "$LINKED/content.json"
cp "$TMP/kept-content.json" "$TMP/kept-content.orig"
expect_exit 1 "sign refuses a content.json linked out of the folder" -- \
  "$BIN" sign "$LINKED" --key "$TMP/ki.key" --serial 1
[ -L "$LINKED/content.json" ] && cmp -s "$TMP/kept-content.json" "$TMP/kept-content.orig" &&
  ok "the link and the file it leads to are left as they were" ||
  bad "the link or its target was changed"

# 6. an expired bundle while this kiosk's clock is far from the server's: the message names
#    the clock, not "sign it again"
EXP=$TMP/expired
cp -r "$SRC/assets/content" "$EXP"
sign_bundle "$EXP" --serial 99 --now 2025-12-30T00:00Z --valid-days 1
if start_misbehave "$WWW" "$EXP"; then
  run_sync "$TMP/clock" --config "$CONF" --url "$MB_URL/m-olddate/content.json"
  [ "$RC" -eq 1 ] && grep -q "expired on 2025-12-31.*this kiosk's clock says .* and the server's 2026-01-01.*set the clock right" "$TMP/clock.err" &&
    ok "expired with the kiosk's clock far from the server's: the message names the clock" ||
    { bad "clock message: exit $RC"; sed 's/^/  /' "$TMP/clock.err" | head -3; }
  stop_misbehave
else
  bad "misbehave.py did not start"
fi

# 6. a full disk: status.json says so instead of showing the last success
if unshare -m true 2>/dev/null && [ "$(id -u)" -eq 0 ]; then
  publish 6
  FULL=$TMP/full
  mkdir -p "$FULL"
  # first a good install, then serial 7 published and the disk filled
  unshare -m bash -c "
    mount -t tmpfs -o size=400k tmpfs '$FULL' &&
    '$BIN' sync --once --config '$CONF' --cache '$FULL/cache' >'$TMP/full1.out' 2>&1 &&
    echo ok >'$TMP/full1.rc'
    touch '$TMP/full.ready'
    while [ ! -e '$TMP/full.go' ]; do sleep 0.1; done
    dd if=/dev/zero of='$FULL/filler' bs=4k 2>/dev/null
    '$BIN' sync --once --config '$CONF' --cache '$FULL/cache' >'$TMP/full2.out' 2>'$TMP/full2.err'
    echo \$? >'$TMP/full2.rc'
    cp '$FULL/cache/status.json' '$TMP/full-status.json'" &
  FPID=$!
  for i in $(seq 600); do [ -e "$TMP/full.ready" ] && break; sleep 0.1; done
  publish 7
  touch "$TMP/full.go"
  wait "$FPID"
  if [ -s "$TMP/full1.rc" ]; then
    err=$("$PYTHON" -c 'import json,sys; print(json.load(open(sys.argv[1]))["last_error"])' "$TMP/full-status.json" 2>&1)
    [ "$(cat "$TMP/full2.rc")" = 1 ] && echo "$err" | grep -qi "space" &&
      ok "disk full: the failure is in status.json ($err)" ||
      { bad "disk full: exit $(cat "$TMP/full2.rc"), status.json last_error: $err"
        sed 's/^/  out: /' "$TMP/full2.out" "$TMP/full2.err" | head -8; }
  else
    bad "the install on the small disk failed: $(cat "$TMP/full1.out")"
  fi
else
  ok "no mount namespace here: the full-disk case is left out (skipped)"
fi

finish
