#!/usr/bin/env bash
# `litfass validate DIR`: exit 0 for a valid bundle (warnings allowed), 1
# with every error listed (file:line:column: field: message), 2 on usage.
. "$(dirname "$0")/shell_lib.sh"

expect_exit 0 "the sample bundle validates" -- "$BIN" validate "$SRC/assets/content"
expect_in "$TMP/out" "valid" "summary line says valid"
expect_in "$TMP/out" "events" "summary counts events"
expect_in "$TMP/out" "  ar: " "summary says how much is in Arabic"

# what a visitor sees in German: the offer's description has no English
validate_bundle partial 0 "a partly translated bundle validates" \
  '{"format": 1, "organisation": "KI", "items": [\n  {"kind": "offer", "id": "cafe", "title": {"de": "Sprachcafé", "en": "Language café"}, "description": "Jeden Dienstag"},\n  {"kind": "offer", "id": "hilfe", "title": {"de": "Hilfe", "en": "Help"}, "description": {"de": "Beratung", "en": "Advice"}}\n]}\n'
expect_in "$TMP/out" "en: 1 of 2 items translated; German shows for some text of: cafe" "untranslated items are named"

printf '{\n  "format": 1,\n  "organisation": "KI",\n  "items": [\n    {"kind": "event", "id": "x",\n     "title": "T", "start": "21.03.2027", "end": "2027-03-21T20:00"},\n    {"kind": "offer", "id": "y"}\n  ]\n}\n' >"$TMP/before.json"
validate_bundle broken 1 "a bundle with errors is refused" <"$TMP/before.json"
expect_in "$TMP/err" "content.json:6:" "the bad date is reported with its line"
expect_in "$TMP/err" "items[0].start" "the bad date names its field"
expect_in "$TMP/err" "items[1]" "the second error is listed too"
expect_same "$TMP/broken/content.json" "$TMP/before.json" "validate leaves the bundle untouched"

validate_bundle syntax 1 "broken JSON is refused" \
  '{\n  "format": 1,\n  "items": [ }\n'
expect_in "$TMP/err" "content.json:3:" "the syntax error names its line"

expect_exit 1 "a missing folder is refused" -- "$BIN" validate "$TMP/does-not-exist"
expect_in "$TMP/err" "does-not-exist" "the error names the folder"

# --- for people who edit content.json by hand (issue 9) ---
# a UTF-8 byte order mark, as Windows editors write it, is accepted
validate_bundle bom 0 "a manifest with a byte order mark validates" \
  '\xef\xbb\xbf{"format": 1, "organisation": "KI", "items": [\n  {"kind": "offer", "id": "cafe", "title": "Sprachcafé", "description": "Jeden Dienstag"}\n]}\n'
expect_in "$TMP/out" "valid, 1 item" "the BOM bundle's item is counted"

# unknown fields: the field meant is suggested, the summary says what is not shown
validate_bundle unknown 0 "unknown fields are warnings" <<'JSON'
{"format": 1, "organization": "KI", "organisation": "KI", "items": [
  {"kind": "event", "id": "fest", "title": "Fest", "start": "2027-03-21T18:00", "end": "2027-03-21T20:00",
   "organizer": "Caritas", "location": "VHS"},
  {"kind": "offer", "id": "rat", "title": "Rat", "description": "Beratung", "place": "Rathaus"},
  {"kind": "notice", "id": "zu", "title": "Zu", "description": "Heute zu",
   "valid_from": "2027-01-01T00:00", "valid_until": "2027-01-02T00:00"}
]}
JSON
expect_in "$TMP/err" 'content.json:3:4: items[0].organizer: unknown field: it will not be shown; did you mean "organiser"?' "organizer: organiser is suggested, at its line"
expect_in "$TMP/err" 'items[0].location: unknown field: it will not be shown; did you mean "place"?' "location: place is suggested"
expect_in "$TMP/err" 'items[1].place: an offer has no field "place": it will not be shown; did you mean "address"?' "a field of another kind: what this kind has instead"
expect_in "$TMP/err" 'items[2].description: a notice has no field "description": it will not be shown; did you mean "message"?' "a notice's text is its message"
expect_in "$TMP/err" 'organization: unknown field: it will not be shown; did you mean "organisation"?' "the American spelling at the top level"
expect_in "$TMP/out" "NOT SHOWN: 5 fields" "the summary says plainly that text will not be shown"
expect_in "$TMP/out" "items[0].organizer (organiser?)" "the summary names the fields"

# JSON syntax errors: where the mistake most likely is, and in plain words
json_case() { # NAME CONTENT WANT-LINE:COL WANT-TEXT DESCRIPTION
  validate_bundle "$1" 1 "$5 is refused" <<<"$2"
  expect_in "$TMP/err" "content.json:$3: invalid JSON: $4" "$5: named at $3 in plain words"
}
json_case comma '{
  "format": 1,
  "organisation": "KI",
  "items": [
    {"kind": "offer", "id": "b", "title": "O",
     "description": "D"
     "phone": "0251 1"}
  ]
}' "6:24" "a comma is missing here" "a missing comma (the line before)"
json_case curly '{"format": 1, "organisation": "KI", "items": [
  {"kind": "offer", "id": "b", "title": „Sprachcafé“, "description": "D"}
]}' "2:41" "typographic quotes" "typographic quotes"
json_case comment '{"format": 1, "organisation": "KI", "items": [
  // the offers
  {"kind": "offer", "id": "b", "title": "O", "description": "D"}
]}' "2:3" "a comment: JSON has no comments" "a comment"
json_case phone '{"format": 1, "organisation": "KI", "items": [
  {"kind": "offer", "id": "b", "title": "O", "description": "D", "phone": 0251 492-7077}
]}' "2:75" "a phone number" "an unquoted phone number"
json_case trailing '{"format": 1, "organisation": "KI", "items": [
  {"kind": "offer", "id": "b", "title": "O", "description": "D",}
]}' "2:64" "a comma after the last field: remove this comma" "a trailing comma"
json_case unquoted '{"format": 1, "organisation": "KI", "items": [
  {kind: "offer", "id": "b", "title": "O", "description": "D"}
]}' "2:4" "a field name without quotes" "a field name without quotes"

# control characters: Tab and direction overrides neutralised with the field named, others refused
validate_bundle controls 0 "direction overrides and Tabs are neutralised" \
  '{"format": 1, "organisation": "KI", "items": [\n  {"kind": "offer", "id": "b", "title": "\\u202eKIRTAP", "description": "Mit\\tTab"}\n]}\n'
expect_in "$TMP/err" "items[0].title: invisible direction control U+202E (RIGHT-TO-LEFT OVERRIDE) removed" "a bidi override is named with its field"
expect_in "$TMP/err" "items[0].description: a Tab character: shown as a space" "a Tab is named with its field"
validate_bundle bell 1 "another control character is refused" \
  '{"format": 1, "organisation": "KI", "items": [\n  {"kind": "offer", "id": "b", "title": "Klingel\\u0007", "description": "D"}\n]}\n'
expect_in "$TMP/err" "items[0].title: control character U+0007" "the control character is named with its field"
# the same typed raw into the file (a NUL from a damaged copy, a BEL): it
# was called "a Tab or line break typed inside a text" and named no field
validate_bundle rawbytes 1 "raw control bytes in a text are refused" \
  '{"format": 1, "organisation": "KI", "items": [\n  {"kind": "offer", "id": "b", "title": "Klingel\007", "description": "D"}\n]}\n'
expect_in "$TMP/err" "content.json:2:41: items[0].title: invalid JSON: an invisible control character (byte 0x07) inside a text: remove it" "a raw BEL is named as what it is, with its field"
validate_bundle rawnul 1 "a raw NUL in a text is refused" \
  '{"format": 1, "organisation": "KI", "items": [\n  {"kind": "offer", "id": "b", "title": "T", "description": "D\000D"}\n]}\n'
expect_in "$TMP/err" "items[0].description: invalid JSON: an invisible control character (byte 0x00)" "a raw NUL is named as what it is, with its field"
validate_bundle rawtab 1 "a raw Tab in a text is refused" \
  '{"format": 1, "organisation": "KI", "items": [\n  {"kind": "offer", "id": "b", "title": "T", "description": "D\tD"}\n]}\n'
expect_in "$TMP/err" "items[0].description: invalid JSON: a Tab or line break typed inside a text" "a raw Tab is still called a Tab"

# all-day and multi-day events: dates alone
validate_bundle allday 0 "all-day and multi-day events validate" <<'JSON'
{"format": 1, "organisation": "KI", "items": [
  {"kind": "event", "id": "fest", "title": "Fest", "start": "2027-03-21"},
  {"kind": "event", "id": "woche", "title": "Woche", "start": "2027-03-15", "end": "2027-03-28"}
]}
JSON
validate_bundle mixed 1 "a date and a date-time mixed are refused" <<'JSON'
{"format": 1, "organisation": "KI", "items": [
  {"kind": "event", "id": "a", "title": "A", "start": "2027-03-21", "end": "2027-03-22T18:00"},
  {"kind": "event", "id": "b", "title": "B", "start": "2027-03-15", "end": "2027-03-10"}
]}
JSON
expect_in "$TMP/err" "items[0].end: start is a date alone (an all-day event): write end as a date too" "mixing says how to write it"
expect_in "$TMP/err" "items[1].end: the last day is before the first" "an end before the start is named"

expect_exit 0 "validate --help" -- "$BIN" validate --help
expect_in "$TMP/out" "validate" "help explains validate"
expect_exit 2 "an unknown option is a usage error" -- "$BIN" validate --bogus "$SRC/assets/content"
expect_exit 0 "litfass --help" -- "$BIN" --help
expect_in "$TMP/out" "preview" "help lists preview"

# --- every language (issue 10) ---
# a character no installed font draws: a warning naming item, field, line
# and the Debian package that would draw it (fontconfig limited to DejaVu)
mkdir -p "$TMP/fccache"
cat >"$TMP/fonts.conf" <<CONF
<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig><dir>/usr/share/fonts/truetype/dejavu</dir><cachedir>$TMP/fccache</cachedir></fontconfig>
CONF
FONTCONFIG_FILE="$TMP/fonts.conf" validate_bundle scripts 0 "a bundle with undrawable characters is valid (warnings)" \
  '{"format": 1, "organisation": "KI", "items": [\n  {"kind": "offer", "id": "cafe",\n   "title": {"de": "Sprachcafé", "ti": "ካፈ ቋንቋ", "zh": "语言咖啡馆"},\n   "description": "Jeden Dienstag"}\n]}\n'
expect_in "$TMP/err" 'content.json:3:40: items[0].title.ti: item "cafe": no font installed here draws U+12AB' "the Tigrinya title is named with line, column and item"
expect_in "$TMP/err" "(Ethiopic)" "the script is named"
expect_in "$TMP/err" "install the Debian package fonts-noto-core" "the package with the Ethiopic font is named"
expect_in "$TMP/err" "items[0].title.zh" "the Chinese title too"
expect_in "$TMP/err" "install the Debian package fonts-noto-cjk" "the package with the CJK font is named"
# with the fonts of the package list everything is drawn
expect_exit 0 "the same bundle with the installed fonts" -- "$BIN" validate "$TMP/scripts"
expect_not_in "$TMP/err" "empty box" "no warning when the fonts are there"

# the kiosk's own words: a bundle corrects and adds them; validate names
# unknown keys, wrong placeholders and what a language still lacks
validate_bundle phrases 0 "a bundle with phrases validates" \
  '{"format": 1, "organisation": {"de": "KI", "yi": "KI"}, "items": [],\n "phrases": {"tr": {"wehre": "Yer", "open_until": "Açık %%d"},\n             "yi": {"where": "וווּ"}}}\n'
expect_in "$TMP/err" "content.json:2:30: phrases.tr.wehre: not one of the kiosk's words" "an unknown key is named with its place"
expect_in "$TMP/err" "phrases.tr.open_until: must contain %s exactly once" "a wrong placeholder is named"
expect_in "$TMP/err" "phrases.yi: " "a language without all its words is named"
expect_in "$TMP/err" "have no yi text and show in German: events" "the missing words are listed"
expect_not_in "$TMP/err" "German: events, offers, contacts, upcoming, when, where," "the bundle's own word counts"
expect_not_in "$TMP/err" "phrases.tr: " "Turkish has all its words built in"

# an item whose web address, e-mail or vCard is longer than a QR code a
# phone reads from the screen, or whose phone holds no number, showed no
# code and validate said nothing: now a warning naming line and field
long=$(printf 'a%.0s' $(seq 700))
contact_role=$(printf 'Beratung %.0s' $(seq 70))
validate_bundle qr 0 "a bundle whose QR codes cannot be made is valid" \
  "{\"format\": 1, \"organisation\": \"KI\", \"items\": [\n  {\"kind\": \"event\", \"id\": \"a\", \"title\": \"A\", \"start\": \"2026-12-09\", \"url\": \"https://example.org/$long\"},\n  {\"kind\": \"event\", \"id\": \"b\", \"title\": \"B\", \"start\": \"2026-12-09\", \"phone\": \"nach Vereinbarung\"},\n  {\"kind\": \"contact\", \"id\": \"c\", \"title\": \"C\", \"role\": \"$contact_role\", \"phone\": \"0251 1\"},\n  {\"kind\": \"event\", \"id\": \"d\", \"title\": \"D\", \"start\": \"2026-12-09\", \"phone\": \"0251 492-7077 (Mo-Fr)\"}\n]}\n"
expect_in "$TMP/err" "content.json:2:76: items[0].url: longer than a QR code a phone reads from the screen (600 bytes at most)" "a web address too long for a QR code is named"
expect_in "$TMP/err" "content.json:3:78: items[1].phone: no number in it" "a phone field without a number is named"
expect_in "$TMP/err" "content.json:4:3: items[2]: the contact's QR code" "a contact's vCard too long for a QR code is named"
expect_not_in "$TMP/err" "items[3]" "a phone number with a note has its code"

finish
