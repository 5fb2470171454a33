#!/usr/bin/env bash
# `litfass validate DIR`: exit 0 for a valid bundle (warnings allowed), 1
# with every error listed (file:line:column: field: message), 2 on usage.
. "$(dirname "$0")/shell_lib.sh"

expect_exit 0 "the sample bundle validates" -- "$BIN" validate "$SRC/assets/content"
expect_in "$TMP/out" "valid" "summary line says valid"
expect_in "$TMP/out" "events" "summary counts events"
expect_in "$TMP/out" "  ar: " "summary says how much is in Arabic"

# what a visitor sees in German: the offer's description has no English
mkdir -p "$TMP/partial"
printf '{"format": 1, "organisation": "KI", "items": [\n  {"kind": "offer", "id": "cafe", "title": {"de": "Sprachcafé", "en": "Language café"}, "description": "Jeden Dienstag"},\n  {"kind": "offer", "id": "hilfe", "title": {"de": "Hilfe", "en": "Help"}, "description": {"de": "Beratung", "en": "Advice"}}\n]}\n' >"$TMP/partial/content.json"
expect_exit 0 "a partly translated bundle validates" -- "$BIN" validate "$TMP/partial"
expect_in "$TMP/out" "en: 1 of 2 items translated; German shows for some text of: cafe" "untranslated items are named"

mkdir -p "$TMP/broken"
printf '{\n  "format": 1,\n  "organisation": "KI",\n  "items": [\n    {"kind": "event", "id": "x",\n     "title": "T", "start": "21.03.2027", "end": "2027-03-21T20:00"},\n    {"kind": "offer", "id": "y"}\n  ]\n}\n' >"$TMP/broken/content.json"
cp "$TMP/broken/content.json" "$TMP/before.json"
expect_exit 1 "a bundle with errors is refused" -- "$BIN" validate "$TMP/broken"
expect_in "$TMP/err" "content.json:6:" "the bad date is reported with its line"
expect_in "$TMP/err" "items[0].start" "the bad date names its field"
expect_in "$TMP/err" "items[1]" "the second error is listed too"
cmp -s "$TMP/broken/content.json" "$TMP/before.json" && ok "validate leaves the bundle untouched" || bad "validate changed the bundle"

mkdir -p "$TMP/syntax"
printf '{\n  "format": 1,\n  "items": [ }\n' >"$TMP/syntax/content.json"
expect_exit 1 "broken JSON is refused" -- "$BIN" validate "$TMP/syntax"
expect_in "$TMP/err" "content.json:3:" "the syntax error names its line"

expect_exit 1 "a missing folder is refused" -- "$BIN" validate "$TMP/does-not-exist"
expect_in "$TMP/err" "does-not-exist" "the error names the folder"

expect_exit 0 "validate --help" -- "$BIN" validate --help
expect_in "$TMP/out" "validate" "help explains validate"
expect_exit 2 "an unknown option is a usage error" -- "$BIN" validate --bogus "$SRC/assets/content"
expect_exit 0 "litfass --help" -- "$BIN" --help
expect_in "$TMP/out" "preview" "help lists preview"

finish
