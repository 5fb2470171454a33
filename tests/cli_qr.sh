#!/usr/bin/env bash
# QR codes on rendered slides, read back with a real decoder (zbar): the
# payload a phone gets is what the item says, in both orientations and on
# a right-to-left screen.
. "$(dirname "$0")/shell_lib.sh"
NOW=2026-11-23T10:00:00+01:00
command -v zbarimg >/dev/null || { bad "zbarimg not installed (zbar-tools)"; finish; exit 1; }

# decode FILE -> the payload, raw bytes (zbar would otherwise guess an encoding)
decode() { zbarimg -q --raw -Sbinary "$1" 2>/dev/null; }

for args in "--size 1920x1080" "--size 1080x1920" "--size 1920x1080 --lang ar"; do
  out="$TMP/$(echo "$args" | tr -c 'a-z0-9' _)"
  # shellcheck disable=SC2086
  expect_exit 0 "preview $args" -- "$BIN" preview "$SRC/assets/content" --out "$out" --now "$NOW" $args
  meiber=$(ls "$out"/*contact-kontakt-ki-muenster-migrationsleitbild*.png)
  decode_all=""
  for f in $meiber; do decode_all+=$(decode "$f"); done
  printf '%s' "$decode_all" >"$TMP/vcard"
  expect_in "$TMP/vcard" "BEGIN:VCARD" "$args: the contact's code is a vCard"
  expect_in "$TMP/vcard" "FN:Alesja Meiber" "$args: with the name"
  expect_in "$TMP/vcard" "EMAIL:meiber@stadt-muenster.de" "$args: with the e-mail"
  expect_in "$TMP/vcard" "TEL:0251 492-7077" "$args: with the phone number"
  gunst=""
  for f in "$out"/*contact-kontakt-ki-muenster-rassismuskritik*.png; do gunst+=$(decode "$f"); done
  printf '%s' "$gunst" >"$TMP/gunst"
  expect_in "$TMP/gunst" "FN:André Gunsthövel" "$args: UTF-8 names arrive intact"
  url=""
  for f in "$out"/*offer-senioren-pflege-recklinghausen*.png; do url+=$(decode "$f"); done
  [ "$url" = "https://www.kreis-re.de" ] && ok "$args: an offer's code is its link" || bad "$args: offer code '$url'"
  # items with nothing to take home have no code
  notice=$(decode "$(ls "$out"/*notice-beispielinhalte*.png | head -1)")
  [ -z "$notice" ] && ok "$args: a notice has no code" || bad "$args: notice code '$notice'"
done
finish
