#!/usr/bin/env bash
# A required text that is blank after trimming (only spaces, only invisible characters, no German
# text): an event titled "   " showed the generic word "event" as its heading. `litfass
# validate` names file, line and field; a bundle holding one, though signed with a trusted key
# (signed here with openssl, as `litfass sign` refuses it), is refused by the sync that a kiosk
# runs (`sync --once` against Debian's nginx on 127.0.0.1) with file, line and field, and the
# installed bundle stays byte for byte.
. "$(dirname "$0")/shell_lib.sh"
. "$SRC/tests/servers/sync_lib.sh"

BASE=$TMP/base
WWW=$TMP/www
CACHE=$TMP/cache
CONF=$TMP/litfass.conf
cp -r "$SRC/assets/content" "$BASE"
mkdir -p "$WWW"

# blank ITEM_INDEX FIELD VALUE_JSON DIR: a copy of the base with items[ITEM_INDEX].FIELD set
blank() {
  rm -rf "$4"
  cp -r "$BASE" "$4"
  "$PYTHON" - "$4/content.json" "$1" "$2" "$3" <<'PY'
import json, sys
p, i, field, value = sys.argv[1], int(sys.argv[2]), sys.argv[3], json.loads(sys.argv[4])
doc = json.load(open(p, encoding="utf-8"))
doc["items"][i][field] = value
json.dump(doc, open(p, "w", encoding="utf-8"), ensure_ascii=False, indent=2)
PY
}
# line_of DIR INDEX FIELD: the line of items[INDEX].FIELD's key in DIR/content.json
line_of() {
  "$PYTHON" - "$1/content.json" "$2" "$3" <<'PY'
import sys
lines = open(sys.argv[1], encoding="utf-8").read().split("\n")
want, field, seen = int(sys.argv[2]), '"%s":' % sys.argv[3], -1
for n, l in enumerate(lines, 1):
    if l.startswith("    {"):
        seen += 1
    if seen == want and l.strip().startswith(field):
        print(n); break
PY
}
kind_of() {
  "$PYTHON" -c 'import json,sys; print(json.load(open(sys.argv[1]))["items"][int(sys.argv[2])]["kind"])' \
    "$BASE/content.json" "$1"
}
first_of() { # KIND: the index of the first item of that kind
  "$PYTHON" -c 'import json,sys; print([i["kind"] for i in json.load(open(sys.argv[1]))["items"]].index(sys.argv[2]))' \
    "$BASE/content.json" "$1"
}
EV=$(first_of event)
OF=$(first_of offer)
CO=$(first_of contact)

# --- validate: each blank required text named with file, line and field --------------------
while IFS='|' read -r idx field value path said; do
  blank "$idx" "$field" "$value" "$TMP/v"
  line=$(line_of "$TMP/v" "$idx" "$field")
  [ "$path" != "$field" ] && line=$((line + 1)) # a language's text: the line after the key
  expect_exit 1 "validate: items[$idx].$field = $value ($(kind_of "$idx")) is an error" -- \
    "$BIN" validate "$TMP/v"
  expect_in "$TMP/err" "$TMP/v/content.json:$line:" "... the file and line ($line) named"
  expect_in "$TMP/err" "items[$idx].$path: $said" "... and the field: $path: $said"
done <<EOF
$EV|title|"   "|title|empty
$EV|title|{"de": " \u00a0 ", "en": "Meeting"}|title.de|only invisible characters
$CO|title|"\u200b\u2060"|title|only invisible characters
$CO|title|{"en": "Contact"}|title|no German text
$OF|description|{"de": "\t\n "}|description.de|empty
EOF

# --- the kiosk's install path ----------------------------------------------------------------
signing_key || { finish; exit 1; }
sync_config "transfer_timeout_seconds = 10" "trusted_keys = $TRUSTED" >"$CONF"
start_nginx "$WWW" || { bad "nginx did not start"; finish; exit 1; }
publish() {
  rm -rf "${WWW:?}"/*
  cp -r "$1/images" "$1/content.json.sig" "$WWW/"
  cp "$1/content.json" "$WWW/"
}
cp -r "$BASE" "$TMP/good"
sign_bundle "$TMP/good" --serial 1
publish "$TMP/good"
run_sync "$TMP/s1" --config "$CONF" --url "http://127.0.0.1:$NGX_PORT/content.json"
[ "$RC" -eq 0 ] && ok "the valid bundle is installed" || { bad "first sync: exit $RC"; sed 's/^/  /' "$TMP/s1.err" | tail -5; }
before=$(fingerprint "$CACHE")

# serial 2 with a title of spaces, signed with the trusted key: `litfass sign` writes the files
# list and stamps, the title is blanked afterwards and the manifest signed again with openssl
blank "$EV" title '{"de": "   ", "ar": "مقهى"}' "$TMP/bad"
sed -i 's/"   "/"Platzhalter"/' "$TMP/bad/content.json"
sign_bundle "$TMP/bad" --serial 2
sed -i 's/"Platzhalter"/"   "/' "$TMP/bad/content.json"
( printf '302e020100300506032b657004220420' | xxd -r -p
  sed -n 2p "$TMP/ki.key" | base64 -d | head -c 32 ) >"$TMP/ki.der"
if openssl pkeyutl -sign -inkey "$TMP/ki.der" -keyform DER -rawin -in "$TMP/bad/content.json" \
     -out "$TMP/sig.bin" 2>"$TMP/openssl.err"; then
  { sed -n 1p "$TMP/ki.key" | sed 's/secret-key/signature/'; base64 -w0 "$TMP/sig.bin"; echo; } \
    >"$TMP/bad/content.json.sig"
else
  bad "openssl could not sign: $(cat "$TMP/openssl.err")"
fi
expect_exit 1 "validate --key: the signature is good, the blank title is not" -- \
  "$BIN" validate "$TMP/bad" --key "$TMP/ki.pub"
expect_in "$TMP/out" "signature: good" "... the signature is good (the test made a real one)"
line=$(line_of "$TMP/bad" "$EV" title)
expect_in "$TMP/err" "content.json:$((line + 1)):" "... the blank German title's line named"
publish "$TMP/bad"
run_sync "$TMP/s2" --config "$CONF" --url "http://127.0.0.1:$NGX_PORT/content.json"
[ "$RC" -ne 0 ] && ok "sync refuses the signed bundle with a blank title (exit $RC)" ||
  bad "sync installed a bundle with a blank title"
expect_in "$TMP/s2.err" "not a valid bundle: http://127.0.0.1:$NGX_PORT/content.json:$((line + 1)):" \
  "... naming file (its URL) and line"
expect_in "$TMP/s2.err" "items[$EV].title.de: empty" "... and the field"
err=$(status_field "$CACHE" last_error)
grep -q "items\[$EV\].title.de: empty" <<<"$err" && ok "status.json's last_error names the field" ||
  bad "status.json last_error: $err"
[ "$(fingerprint "$CACHE")" = "$before" ] && ok "the installed bundle is byte for byte unchanged" ||
  bad "the installed bundle changed"
[ -z "$(leftovers "$CACHE")" ] && ok "no leftovers" || bad "leftovers: $(leftovers "$CACHE")"

finish
