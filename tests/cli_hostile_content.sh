#!/usr/bin/env bash
# Hostile bundles: what a careless or malicious folder can hold must give
# a clear error naming file, line and field, never a hang or a crash.
. "$(dirname "$0")/shell_lib.sh"
export SDL_VIDEODRIVER=offscreen SDL_RENDER_DRIVER=software SDL_AUDIODRIVER=dummy

event_bundle() { # DIR [IMAGE]: one event, with IMAGE when given
  mkdir -p "$1/images"
  local image=""
  [ -n "${2:-}" ] && image=", \"image\": \"$2\""
  printf '{"format": 1, "organisation": "KI", "items": [\n  {"kind": "event", "id": "e1", "title": "Termin",\n   "start": "2026-12-09T17:00", "end": "2026-12-09T19:00"%s}\n]}\n' "$image" >"$1/content.json"
}

# a FIFO as content.json or as an image: open() waited for a writer
# forever (validate, preview and the kiosk hung); now refused at once
event_bundle "$TMP/fifo-manifest"
rm "$TMP/fifo-manifest/content.json"
mkfifo "$TMP/fifo-manifest/content.json"
expect_exit 1 "a FIFO as content.json is refused, not waited on" -- \
  timeout 60 "$BIN" validate "$TMP/fifo-manifest"
expect_in "$TMP/err" "content.json: not a regular file" "the FIFO manifest is named"

# litfass sign read the manifest with fopen(): a FIFO there hung it too
"$BIN" keygen --out "$TMP/signkey" >/dev/null 2>&1
expect_exit 1 "sign refuses a FIFO as content.json, not waited on" -- \
  timeout 60 "$BIN" sign "$TMP/fifo-manifest" --key "$TMP/signkey.key"
expect_in "$TMP/err" "content.json: not a regular file" "sign names the FIFO manifest"

event_bundle "$TMP/fifo-image" "images/f.png"
mkfifo "$TMP/fifo-image/images/f.png"
expect_exit 1 "a FIFO as an image is refused, not waited on" -- \
  timeout 60 "$BIN" validate "$TMP/fifo-image"
expect_in "$TMP/err" "content.json:3:" "the FIFO image names the line"
expect_in "$TMP/err" "items[0].image: images/f.png is not a file" "the FIFO image names the field"
expect_exit 1 "preview refuses the FIFO image too" -- \
  timeout 60 "$BIN" preview "$TMP/fifo-image" --out "$TMP/fifo-out"

# a picture cut off while copying or uploading: validate said "valid" and
# the kiosk drew the slide without it (or half grey); now an error
event_bundle "$TMP/cut" "images/logo.png"
logo="$SRC/assets/content/images/logo-litfass.png"
head -c $(($(stat -c %s "$logo") / 2)) "$logo" >"$TMP/cut/images/logo.png"
expect_exit 1 "a PNG cut in half is refused" -- "$BIN" validate "$TMP/cut"
expect_in "$TMP/err" "content.json:3:" "the cut PNG names the line"
expect_in "$TMP/err" "items[0].image: images/logo.png is cut off" "the cut PNG names the field"
cp "$logo" "$TMP/cut/images/logo.png"
expect_exit 0 "the whole PNG is accepted" -- "$BIN" validate "$TMP/cut"

# a PNG whose header and end chunk are right but whose picture data is not
# (damaged in the middle): validate and sign said "valid" and the kiosk
# showed the slide without it; now both decode every picture, and sign
# leaves no old signature beside it
event_bundle "$TMP/garbled" "images/logo.png"
"$PYTHON" - "$TMP/garbled/images/logo.png" <<'PY'
import struct, sys, zlib
def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
with open(sys.argv[1], "wb") as f:
    f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 800, 600, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", b"no deflate stream here " * 8) + chunk(b"IEND", b""))
PY
expect_exit 1 "a PNG with damaged picture data is refused" -- "$BIN" validate "$TMP/garbled"
expect_in "$TMP/err" "content.json:3:" "the damaged PNG names the line"
expect_in "$TMP/err" "items[0].image: images/logo.png cannot be decoded" "the damaged PNG names the field"
"$BIN" keygen --out "$TMP/garbled-key" >/dev/null 2>&1
printf "litfass-signature 0123456789abcdef\nAAAA\n" >"$TMP/garbled/content.json.sig" # an old one
cp "$TMP/garbled/content.json" "$TMP/garbled.json"
expect_exit 1 "sign refuses the damaged PNG" -- "$BIN" sign "$TMP/garbled" --key "$TMP/garbled-key.key"
expect_in "$TMP/err" "not signed: a picture cannot be decoded" "sign says why"
[ ! -e "$TMP/garbled/content.json.sig" ] && ok "the old signature beside the damaged PNG is removed" ||
  bad "content.json.sig is still there"
cmp -s "$TMP/garbled/content.json" "$TMP/garbled.json" && ok "content.json is left as it was" ||
  bad "sign changed content.json of a bundle it refused"
cp "$logo" "$TMP/garbled/images/logo.png"
expect_exit 0 "with the picture saved again, sign signs" -- \
  "$BIN" sign "$TMP/garbled" --key "$TMP/garbled-key.key"

# a title of nothing but invisible characters (zero-width spaces, an
# ideographic space, a lone override, a soft hyphen) passed as valid and
# the slide showed no title; now each is an error naming line and field
validate_bundle invisible 1 "titles of invisible characters only are refused" \
  '{"format": 1, "organisation": "KI", "items": [\n  {"kind": "event", "id": "a", "title": "\\u200b\\u200b", "start": "2026-12-09"},\n  {"kind": "event", "id": "b", "title": "\\u3000", "start": "2026-12-09"},\n  {"kind": "event", "id": "c", "title": "\\u202e\\u00ad", "start": "2026-12-09"},\n  {"kind": "event", "id": "d", "title": "Sprachcaf\\u00e9\\u200b", "start": "2026-12-09"}\n]}\n'
expect_in "$TMP/err" "content.json:2:41: items[0].title: only invisible characters (such as U+200B)" "zero-width spaces are named"
expect_in "$TMP/err" "content.json:3:41: items[1].title: only invisible characters (such as U+3000)" "an ideographic space is named"
expect_in "$TMP/err" "content.json:4:41: items[2].title: only invisible characters (such as U+202E)" "a lone override is named"
expect_not_in "$TMP/err" "error: $TMP/invisible/content.json:5:41: items[3]" "a title with a visible word stays valid"
expect_in "$TMP/err" "warning: $TMP/invisible/content.json:5:41: items[3].title: invisible zero-width space (U+200B) at character 11" \
  "its trailing zero-width space is warned of"

# a language CLDR has no name for shows its bare tag on the button ("hak",
# "qaa"): validate says so; known ones (Romani, Sorani, Dari) are quiet
validate_bundle tags 0 "a bundle with an unnamed language is valid" \
  '{"format": 1, "organisation": {"de": "KI", "hak": "KI", "rom": "KI", "ckb": "KI", "prs": "KI"}, "items": []}\n'
expect_in "$TMP/err" "phrases.hak: no name is known for the language 'hak'" "the unnamed language is said"
grep -qE "language '(rom|ckb|prs)'" "$TMP/err" && bad "a known language was said unnamed" || ok "known languages are not said"

# a FIFO as the content.json that import-ics writes into: it hung in open()
mkdir -p "$TMP/ics-fifo"
mkfifo "$TMP/ics-fifo/content.json"
printf 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\nBEGIN:VEVENT\r\nUID:a\r\nDTSTART:20261210T100000Z\r\nSUMMARY:T\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n' >"$TMP/feed.ics"
expect_exit 1 "import-ics into a FIFO content.json is refused, not waited on" -- \
  timeout 60 "$BIN" import-ics "$TMP/feed.ics" --into "$TMP/ics-fifo" --now 2026-12-01T10:00
expect_in "$TMP/err" "ics-fifo/content.json: not a regular file" "the FIFO is named"

finish
