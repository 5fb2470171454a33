#!/usr/bin/env bash
# Hostile bundle folders met by `litfass pack`, `sign` and `validate`: what
# a folder received from someone else can hold must never make the signer
# write outside it, nor sign a name a kiosk cannot keep as a file.
. "$(dirname "$0")/shell_lib.sh"
export SDL_VIDEODRIVER=offscreen SDL_RENDER_DRIVER=software SDL_AUDIODRIVER=dummy

"$BIN" keygen --out "$TMP/ki" >/dev/null 2>&1 || bad "keygen"
logo="$SRC/assets/content/images/logo-litfass.png"

event_bundle() { # DIR [IMAGE-JSON-STRING]: one event, with that image when given
  mkdir -p "$1/images"
  local image=""
  [ -n "${2:-}" ] && image=", \"image\": $2"
  printf '{"format": 1, "organisation": "KI", "items": [\n  {"kind": "event", "id": "e1", "title": "Termin",\n   "start": "2026-12-09T17:00", "end": "2026-12-09T19:00"%s}\n]}\n' "$image" >"$1/content.json"
}

# 1. content.json a symbolic link out of the folder: sign and pack wrote
#    the file it points to (any file the signer may write, replaced by a
#    manifest); now both refuse and the file stays as it was
event_bundle "$TMP/victim-src"
cp "$TMP/victim-src/content.json" "$TMP/outside.json"
cp "$TMP/outside.json" "$TMP/outside.orig"
mkdir -p "$TMP/linked"
ln -s "$TMP/outside.json" "$TMP/linked/content.json"
expect_exit 1 "sign refuses a content.json linked out of the folder" -- \
  "$BIN" sign "$TMP/linked" --key "$TMP/ki.key" --serial 1
expect_in "$TMP/err" "content.json is a symbolic link to $TMP/outside.json, outside the bundle folder" \
  "the error names the link and where it leads"
expect_same "$TMP/outside.json" "$TMP/outside.orig" "the file outside is not written"
[ ! -e "$TMP/linked/content.json.sig" ] && ok "no signature is written" || bad "a signature was written"
expect_exit 1 "pack refuses it too" -- "$BIN" pack "$TMP/linked"
expect_in "$TMP/err" "outside the bundle folder" "pack says why"
expect_same "$TMP/outside.json" "$TMP/outside.orig" "pack leaves the file outside alone"

# a link to a file inside the folder is the folder's own: written through
event_bundle "$TMP/inner"
mv "$TMP/inner/content.json" "$TMP/inner/kept.json"
ln -s kept.json "$TMP/inner/content.json"
expect_exit 0 "sign through a content.json linked inside the folder" -- \
  "$BIN" sign "$TMP/inner" --key "$TMP/ki.key" --serial 1
[ -L "$TMP/inner/content.json" ] && grep -q '"serial": 1' "$TMP/inner/kept.json" &&
  ok "the inner link stays and its target is signed" || bad "inner link replaced or not written"

# content.json.sig a link out of the folder: refused before anything is written
event_bundle "$TMP/siglink"
echo "precious" >"$TMP/outside.sig"
ln -s "$TMP/outside.sig" "$TMP/siglink/content.json.sig"
cp "$TMP/siglink/content.json" "$TMP/siglink.orig"
expect_exit 1 "sign refuses a content.json.sig linked out of the folder" -- \
  "$BIN" sign "$TMP/siglink" --key "$TMP/ki.key" --serial 1
expect_in "$TMP/err" "content.json.sig is a symbolic link to $TMP/outside.sig, outside the bundle folder" \
  "the error names the signature link"
grep -qx precious "$TMP/outside.sig" && ok "the file the .sig link names is not written" ||
  bad "sign wrote through the .sig link"
expect_same "$TMP/siglink/content.json" "$TMP/siglink.orig" "content.json is not stamped either"

# a picture linked out of the folder: refused by validate, pack and sign
event_bundle "$TMP/piclink" '"images/logo.png"'
cp "$logo" "$TMP/outside.png"
ln -s "$TMP/outside.png" "$TMP/piclink/images/logo.png"
for tool in validate pack; do
  expect_exit 1 "$tool refuses a picture linked out of the folder" -- "$BIN" $tool "$TMP/piclink"
  expect_in "$TMP/err" "items[0].image: images/logo.png leads outside the bundle folder" "$tool names it"
done
expect_exit 1 "sign refuses it" -- "$BIN" sign "$TMP/piclink" --key "$TMP/ki.key" --serial 1
expect_in "$TMP/err" "images/logo.png leads outside the bundle folder" "sign names it"

# 2. image names a kiosk cannot keep as one plain file name: validate,
#    pack and sign refuse them with file, line and field
bad_name() { # DESCRIPTION JSON-STRING EXPECTED-TEXT [FILE]: FILE (printf format) made,
             # so that only the name can be wrong
  rm -rf "$TMP/name"
  event_bundle "$TMP/name" "$2"
  if [ -n "${4:-}" ]; then
    local f
    f=$(printf "$4x"); f=${f%x}
    mkdir -p "$(dirname "$TMP/name/$f")" && cp "$logo" "$TMP/name/$f" || bad "$1: cannot make the file"
  fi
  expect_exit 1 "validate refuses an image named $1" -- "$BIN" validate "$TMP/name"
  expect_in "$TMP/err" "content.json:3:" "$1: the line is named"
  expect_in "$TMP/err" "items[0].image: $3" "$1: the field and why"
  expect_exit 1 "sign refuses an image named $1" -- "$BIN" sign "$TMP/name" --key "$TMP/ki.key"
  [ ! -e "$TMP/name/content.json.sig" ] && ok "$1: nothing signed" || bad "$1: signed"
}
bad_name "with a newline" '"images/a\nb.png"' "contains a control character" 'images/a\nb.png'
bad_name "with a tab" '"images/a\tb.png"' "contains a control character" 'images/a\tb.png'
bad_name "with DEL" '"images/a\u007fb.png"' "control character U+007F"
bad_name "with a C1 control" '"images/a\u0085b.png"' "control character U+0085"
bad_name "with .." '"images/../../etc/passwd"' 'must not contain ".."'
bad_name "absolute" "\"$logo\"" "must be a file inside the bundle folder, not an absolute path"
bad_name "with a backslash" '"images\\\\logo.png"' 'use "/" between folder names'
bad_name "with an empty part" '"images//logo.png"' 'has an empty or "." part' images/logo.png
bad_name "with a . part" '"./images/logo.png"' 'has an empty or "." part' images/logo.png
long=$(printf 'x%.0s' $(seq 300))
bad_name "of 300 bytes" "\"images/$long.png\"" "file name too long"
# "café.png" with the e and its accent as two characters (NFD): looks the
# same as the one-character form and names another file (a Mac writes this)
bad_name "in decomposed Unicode (NFD)" '"images/cafe\u0301.png"' "$(printf 'images/cafe\314\201.png') is not in composed Unicode (NFC)" 'images/cafe\314\201.png'
bad_name "with a bidi override" '"images/\u202egnp.exe"' "contains a control character" 'images/\342\200\256gnp.exe'

# a picture named like the signature: sign wrote the signature over it (the
# picture gone, and the list's hash of it no kiosk could ever match)
rm -rf "$TMP/name"
event_bundle "$TMP/name" '"content.json.sig"'
cp "$logo" "$TMP/name/content.json.sig"
expect_exit 1 "validate refuses a picture named content.json.sig" -- "$BIN" validate "$TMP/name"
expect_in "$TMP/err" "items[0].image: content.json.sig is the name of the bundle's own manifest or signature" \
  "the picture named like the signature: field and why"
expect_exit 1 "sign refuses it" -- "$BIN" sign "$TMP/name" --key "$TMP/ki.key"
expect_same "$TMP/name/content.json.sig" "$logo" "the picture is not overwritten by a signature"

# the composed form of the same name is fine
rm -rf "$TMP/name"
event_bundle "$TMP/name" '"images/caf\u00e9.png"'
cp "$logo" "$TMP/name/images/café.png"
expect_exit 0 "an image named in composed Unicode (café.png) is accepted" -- "$BIN" validate "$TMP/name"

finish
