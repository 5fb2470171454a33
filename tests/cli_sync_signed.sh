#!/usr/bin/env bash
# Signed bundles end to end (issue 5): `litfass keygen`, `litfass sign`, `litfass validate
# --key`, and `litfass sync --once` against Debian's nginx on 127.0.0.1 with
# [sync] trusted_keys set. A signed bundle (serial 5) is installed; then each of these is
# published and must be refused with exit 1, the installed bundle byte for byte unchanged,
# no leftovers, and the reason in status.json's last_error and on stderr: a flipped byte in
# the manifest, a key that is not trusted, no signature, an older serial, an equal serial,
# an expired bundle, an image that differs from its hash. Then what must be accepted: the
# second trusted key (rotation), an expired bundle when the clock is plainly wrong, and the
# rollback guard surviving the loss of state.json.
. "$(dirname "$0")/shell_lib.sh"
. "$SRC/tests/servers/sync_lib.sh"

BASE=$TMP/base     # the sample bundle, never signed: variants are made from it
WWW=$TMP/www       # what nginx serves
CACHE=$TMP/cache
CONF=$TMP/litfass.conf
IMAGE=images/poster-wochen-gegen-rassismus.png
cp -r "$SRC/assets/content" "$BASE"
mkdir -p "$WWW"

# --- keys ---------------------------------------------------------------------------------
for k in one two stranger; do
  if "$BIN" keygen --out "$TMP/$k" >"$TMP/keygen-$k.out" 2>"$TMP/keygen-$k.err"; then :; else
    bad "litfass keygen --out $k"; sed 's/^/  stderr: /' "$TMP/keygen-$k.err"
  fi
done
[ "$(stat -c %a "$TMP/one.key")" = 600 ] && ok "keygen: the secret key file has mode 600" ||
  bad "keygen: one.key has mode $(stat -c %a "$TMP/one.key")"
PUB_ONE=$(sed -n 's/^trusted_keys = //p' "$TMP/keygen-one.out")
PUB_TWO=$(sed -n 's/^trusted_keys = //p' "$TMP/keygen-two.out")
[ "${#PUB_ONE}" -eq 44 ] && ok "keygen prints the trusted_keys line" ||
  { bad "keygen output has no trusted_keys line"; sed 's/^/  /' "$TMP/keygen-one.out"; }
expect_exit 1 "keygen refuses to overwrite a key" -- "$BIN" keygen --out "$TMP/one"

expect_exit 2 "sign without --key is a usage error" -- "$BIN" sign "$BASE"
expect_exit 2 "sign --valid-days 0 is a usage error" -- \
  "$BIN" sign "$BASE" --key "$TMP/one.key" --valid-days 0
expect_exit 1 "sign with a public key instead of the secret one" -- \
  "$BIN" sign "$BASE" --key "$TMP/one.pub"
expect_in "$TMP/err" "readable by others" "sign refuses a key file others can read"
[ ! -e "$BASE/content.json.sig" ] && ok "nothing signed after a refusal" ||
  bad "a signature was written after a refusal"

# variant NAME VERSION: a copy of the unsigned base with its own "version" (so that every
# variant's manifest differs), in $TMP/v-NAME
variant() {
  local d=$TMP/v-$1
  rm -rf "$d"
  cp -r "$BASE" "$d"
  "$PYTHON" - "$d/content.json" "$2" <<'EOF'
import json, sys
with open(sys.argv[1], encoding="utf-8") as f:
    doc = json.load(f)
doc["version"] = sys.argv[2]
with open(sys.argv[1], "w", encoding="utf-8") as f:
    json.dump(doc, f, ensure_ascii=False, indent=2)
EOF
  echo "$d"
}

# sign DIR ARGS...: `litfass sign DIR ARGS`, which must succeed
sign() {
  local d=$1
  shift
  if ! "$BIN" sign "$d" "$@" >"$TMP/sign.out" 2>"$TMP/sign.err"; then
    bad "litfass sign ${d##*/} $*"; sed 's/^/  stderr: /' "$TMP/sign.err" | head -10
  fi
}

# publish DIR: what nginx serves becomes a copy of DIR (manifest and signature last). Each
# manifest gets its own mtime, so that nginx's ETag (mtime and size) changes with it even
# within one second.
PUBLISHED=0
publish() {
  rm -rf "$WWW"/*
  cp -r "$1/images" "$WWW/"
  [ -f "$1/content.json.sig" ] && cp "$1/content.json.sig" "$WWW/"
  cp "$1/content.json" "$WWW/"
  PUBLISHED=$((PUBLISHED + 1))
  touch -d "@$((1790000000 + PUBLISHED))" "$WWW/content.json"
}

sync_config "transfer_timeout_seconds = 10" "trusted_keys = $PUB_ONE $PUB_TWO" >"$CONF"

# --- sign and validate ----------------------------------------------------------------------
V=$(variant first 2026-11-23.1)
sign "$V" --key "$TMP/one.key" --serial 5
expect_in "$TMP/sign.out" "serial 5" "sign: serial 5 written"
expect_exit 0 "validate --key: a kiosk would take it" -- "$BIN" validate "$V" --key "$TMP/one.pub"
expect_in "$TMP/out" "signature: good" "validate --key says the signature is good"
expect_in "$TMP/out" "serial: 5" "validate --key shows the serial"
expect_exit 1 "validate --key with a key that did not sign it" -- \
  "$BIN" validate "$V" --key "$TMP/stranger.pub"
expect_in "$TMP/err" "signature does not verify with any trusted key" \
  "validate --key names the bad signature"
expect_not_in "$TMP/out" ": valid," "validate --key with a wrong key: the summary does not say valid"
expect_in "$TMP/out" "NOT valid: the check with key $TMP/stranger.pub failed" \
  "validate --key with a wrong key: the summary names the key file"
printf 'not a key\n' >"$TMP/bad.pub"
expect_exit 1 "validate --key with a file that is no key" -- "$BIN" validate "$V" --key "$TMP/bad.pub"
expect_not_in "$TMP/out" ": valid," "validate --key with a bad key file: the summary does not say valid"
expect_in "$TMP/out" "NOT valid: the check with key $TMP/bad.pub failed" \
  "validate --key with a bad key file: the summary names it"
expect_exit 1 "validate --key with an unreadable key file" -- \
  "$BIN" validate "$V" --key "$TMP/no-such.pub"
expect_not_in "$TMP/out" ": valid," "validate --key with a missing key file: the summary does not say valid"
expect_in "$TMP/out" "NOT valid: the check with key $TMP/no-such.pub failed" \
  "validate --key with a missing key file: the summary names it"

# a sync URL without trusted keys is a config error: nothing unsigned is ever installed
printf '[sync]\nurl = http://127.0.0.1:9/content.json\ncache_dir = %s\nallow_http = yes\n' \
  "$TMP/nokeys-cache" >"$TMP/nokeys.conf"
expect_exit 1 "sync with a URL but no trusted_keys (config file)" -- \
  "$BIN" sync --once --config "$TMP/nokeys.conf"
expect_in "$TMP/err" "sync.trusted_keys: required when sync.url is set" \
  "the config error names trusted_keys"
printf '[sync]\n' >"$TMP/empty.conf"
expect_exit 1 "sync --url with no trusted_keys" -- \
  "$BIN" sync --once --config "$TMP/empty.conf" --url http://127.0.0.1:9/content.json \
  --cache "$TMP/nokeys-cache" --allow-http
expect_in "$TMP/err" "sync.trusted_keys: required when sync.url is set" \
  "the --url case names trusted_keys too"
[ ! -e "$TMP/nokeys-cache" ] && ok "nothing was written without trusted keys" ||
  bad "a cache folder was made without trusted keys"

if ! start_nginx "$WWW"; then
  bad "nginx started on 127.0.0.1"
  finish
  exit
fi
URL=http://127.0.0.1:$NGX_PORT/content.json

publish "$V"
run_sync "$TMP/first" --config "$CONF" --url "$URL"
[ "$RC" -eq 0 ] && ok "a bundle signed by a trusted key installs (exit 0)" ||
  { bad "first sync: exit $RC"; sed 's/^/  stderr: /' "$TMP/first.err" | head -10; }
cmp -s "$CACHE/current/content.json.sig" "$V/content.json.sig" &&
  ok "its signature is installed with it (checked again at every start)" ||
  bad "current/content.json.sig missing or different"
highest=$("$PYTHON" -c 'import json,sys; print(json.load(open(sys.argv[1]))["highest_serial"])' \
  "$CACHE/state.json" 2>/dev/null)
[ "$highest" = 5 ] && ok "state.json: highest_serial 5" || bad "state.json: highest_serial '$highest'"

# --- refused ---------------------------------------------------------------------------------
FP=$(fingerprint "$CACHE")

# refused NAME PATTERN DESCRIPTION: publish $TMP/v-NAME, sync, expect a refusal
refused() {
  local name=$1 pattern=$2 what=$3 problems=() err left
  publish "$TMP/v-$name"
  run_sync "$TMP/r-$name" --config "$CONF" --url "$URL"
  [ "$RC" -eq 1 ] || problems+=("exit $RC, wanted 1")
  [ "$(fingerprint "$CACHE")" = "$FP" ] || problems+=("the installed bundle changed")
  left=$(leftovers "$CACHE")
  [ -z "$left" ] || problems+=("left behind: $(echo "$left" | tr '\n' ' ')")
  err=$(status_field "$CACHE" last_error)
  echo "$err" | grep -qE -- "$pattern" || problems+=("last_error does not say /$pattern/: $err")
  grep -qE -- "$pattern" "$TMP/r-$name.err" || problems+=("stderr does not say /$pattern/")
  if [ ${#problems[@]} -eq 0 ]; then
    ok "$what: refused, installed bundle untouched ($err)"
  else
    bad "$what:"; printf '  %s\n' "${problems[@]}"
    sed 's/^/  stderr: /' "$TMP/r-$name.err" | head -6
  fi
}

V=$(variant flipped 2026-11-23.2)
sign "$V" --key "$TMP/one.key" --serial 10
sed -i 's/2026-11-23\.2/2026-11-23.3/' "$V/content.json"   # one byte changed after signing
refused flipped "content.json: signature does not verify with any trusted key" \
  "a byte of the manifest changed after signing"

V=$(variant stranger 2026-11-23.4)
sign "$V" --key "$TMP/stranger.key" --serial 10
refused stranger "signature does not verify with any trusted key.*not among the trusted keys" \
  "signed with a key that is not trusted"

V=$(variant unsigned 2026-11-23.5)
sign "$V" --key "$TMP/one.key" --serial 10
rm "$V/content.json.sig"
refused unsigned "content.json.sig: HTTP 404: the bundle is not signed" "no signature published"

V=$(variant older 2026-11-23.6)
sign "$V" --key "$TMP/one.key" --serial 3
refused older "serial 3 is not newer than the installed 5 \\(rollback refused\\)" \
  "an older serial (3 after 5)"

V=$(variant equal 2026-11-23.7)
sign "$V" --key "$TMP/one.key" --serial 5
refused equal "serial 5 is not newer than the installed 5 \\(rollback refused\\)" \
  "an equal serial (5 after 5)"

V=$(variant expired 2026-11-23.8)
sign "$V" --key "$TMP/one.key" --serial 10 --now 2026-01-01T00:00Z --valid-days 2
refused expired "expired on 2026-01-03T00:00Z" "expired (2026-01-03)"

V=$(variant badimage 2026-11-23.9)
"$PYTHON" "$SERVERS/png_text.py" "$V/$IMAGE" "new image"   # not in the installed bundle
sign "$V" --key "$TMP/one.key" --serial 10
"$PYTHON" "$SERVERS/png_text.py" "$V/$IMAGE" "changed after signing"
refused badimage "$IMAGE: .*(SHA-256|bytes)" "an image that differs from its hash"

# --- accepted ---------------------------------------------------------------------------------
# installed NAME DIR WHAT: DIR published and synced (stderr in $TMP/NAME.err): installed
installed() {
  publish "$2"
  run_sync "$TMP/$1" --config "$CONF" --url "$URL"
  [ "$RC" -eq 0 ] && cmp -s "$CACHE/current/content.json" "$2/content.json" && ok "$3" ||
    { bad "$3: exit $RC"; sed 's/^/  stderr: /' "$TMP/$1.err" | head -6; }
}
V=$(variant rotated 2026-11-24.1)
sign "$V" --key "$TMP/two.key" --serial 6
installed rotated "$V" "signed by the second trusted key (rotation): installed"

# a bundle made "in the future" (the publisher's clock is ahead) installs; it proves nothing
# about this kiosk's clock, so a later bundle that expired by this clock is still refused,
# and the message names the clock (issue 11)
V=$(variant future 2026-11-24.2)
sign "$V" --key "$TMP/one.key" --serial 7 --now 2036-01-01T00:00Z --valid-days 30
installed future "$V" "a bundle created after the kiosk's 'now' installs"
V=$(variant wrongclock 2026-11-24.3)
sign "$V" --key "$TMP/one.key" --serial 8 --now 2026-01-01T00:00Z --valid-days 1
FP=$(fingerprint "$CACHE")
refused wrongclock "expired on 2026-01-02.*by this kiosk's clock .*set the clock" \
  "a 'created' in the future does not switch expiry off for later bundles"
# the clock really is wrong: it is before the moment this kiosk installed what it has
"$PYTHON" - "$CACHE/state.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1])); d["installed_at"] = "2036-01-02T00:00:00Z"
json.dump(d, open(sys.argv[1], "w"))
PY
run_sync "$TMP/wrongclock2" --config "$CONF" --url "$URL"
[ "$RC" -eq 0 ] && cmp -s "$CACHE/current/content.json" "$V/content.json" &&
  grep -q "clock says .* it is wrong" "$TMP/wrongclock2.err" &&
  ok "expired, but the clock is before the installed bundle's creation and installation: installed, with a warning" ||
  { bad "wrong clock: exit $RC"; sed 's/^/  stderr: /' "$TMP/wrongclock2.err" | head -6; }

# the rollback guard survives the loss of state.json (the installed bundle says 8)
rm -f "$CACHE/state.json"
FP=$(fingerprint "$CACHE")
V=$(variant lost 2026-11-24.4)
sign "$V" --key "$TMP/one.key" --serial 7
refused lost "serial 7 is not newer than the installed 8 \\(rollback refused\\)" \
  "state.json lost: an older serial is still refused"

# a key rotation done on the kiosk first: only the second key is trusted, while the
# installed bundle and the one on the server carry the first. Nothing is installed, and
# the installed bundle is not called damaged: it fails its check by its key.
sed "s#^trusted_keys = .*#trusted_keys = $PUB_TWO#" "$CONF" >"$TMP/only-two.conf"
FP=$(fingerprint "$CACHE")
run_sync "$TMP/only-two" --config "$TMP/only-two.conf" --url "$URL"
out=$(cat "$TMP/only-two.out" "$TMP/only-two.err")
[ "$RC" -eq 1 ] && [ "$(fingerprint "$CACHE")" = "$FP" ] && ok "only the new key trusted: exit 1, nothing changed" ||
  bad "only the new key trusted: exit $RC"
grep -q "failed its check.*which is not among the trusted keys" <<<"$out" &&
  ok "... the installed bundle fails its check by its key" ||
  bad "the untrusted key is not said: $(head -c 400 <<<"$out")"
grep -q "damaged" <<<"$out" && bad "a bundle with an untrusted key is called damaged: $(grep damaged <<<"$out" | head -1)" ||
  ok "... and is not called damaged"

finish
