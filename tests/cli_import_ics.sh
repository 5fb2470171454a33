# `litfass import-ics`: a calendar file and a calendar feed from nginx on
# 127.0.0.1 into a bundle, again without duplicates, a hand edit kept, a
# broken feed that changes nothing.
. "$LITFASS_SOURCE_DIR/tests/shell_lib.sh"
. "$SRC/tests/servers/sync_lib.sh"
ICS=$SRC/tests/data/ics
NOW=2026-12-01T10:00
B=$TMP/bundle
cp -r "$SRC/tests/data/bundles/valid" "$B"
# expect_imported DIR COUNT DESCRIPTION: the bundle in DIR holds COUNT imported items
expect_imported() {
  local got
  got=$(grep -c '"id": "ics-' "$1/content.json")
  if [ "$got" -eq "$2" ]; then ok "$3"; else bad "$3: $got imported items, wanted $2"; fi
}

expect_exit 0 "help lists every option" -- "$BIN" import-ics --help
for opt in --into --horizon-days --tag --category --match --lang --now --allow-http --dry-run --help; do
  expect_in "$TMP/out" "$opt" "help names $opt"
done
expect_exit 2 "--into is required" -- "$BIN" import-ics "$ICS/outlook.ics"
expect_in "$TMP/err" "--into DIR is required" "says that --into is missing"

cp "$B/content.json" "$TMP/before.json"
expect_exit 0 "dry run" -- "$BIN" import-ics "$ICS/outlook.ics" --into "$B" --now $NOW --dry-run
expect_in "$TMP/out" "would be: 7 added" "dry run says what would change"
expect_same "$B/content.json" "$TMP/before.json" "dry run wrote nothing"

expect_exit 0 "Outlook export imported" -- "$BIN" import-ics "$ICS/outlook.ics" --into "$B" --now $NOW --tag Stadtkalender
expect_in "$TMP/out" "7 added" "seven events (series expanded, EXDATE and cancelled left out)"
expect_imported "$B" 7 "7 imported items"
expect_exit 0 "the bundle stays valid" -- "$BIN" validate "$B"
expect_in "$B/content.json" '"start": "2027-04-13T18:00"' "summer-time Tuesday still 18:00 on the wall"
expect_in "$B/content.json" '"Stadtkalender"' "--tag added"

expect_exit 0 "the same feed again" -- "$BIN" import-ics "$ICS/outlook.ics" --into "$B" --now $NOW --tag Stadtkalender
expect_in "$TMP/out" "0 added, 0 updated, 7 unchanged" "nothing changes"
expect_imported "$B" 7 "no duplicates after a second import"

# an editor changes one title by hand; the calendar changes it too
"$PYTHON" - "$B/content.json" <<'PY'
import json, sys
p = sys.argv[1]; d = json.load(open(p))
for it in d["items"]:
    if it["id"].startswith("ics-") and it["start"] == "2027-03-09T18:00":
        it["title"] = {"de": "Sprachcafé mit Gästen"}
json.dump(d, open(p, "w"), ensure_ascii=False, indent=2)
PY
sed 's/SUMMARY;LANGUAGE=de-DE:Sprachcafé$/SUMMARY;LANGUAGE=de-DE:Sprachcafé international/; s/SUMMARY;LANGUAGE=de-DE:Sprachcafé\r$/SUMMARY;LANGUAGE=de-DE:Sprachcafé international\r/' "$ICS/outlook.ics" >"$TMP/outlook2.ics"
expect_exit 0 "changed feed" -- "$BIN" import-ics "$TMP/outlook2.ics" --into "$B" --now $NOW --tag Stadtkalender
expect_in "$TMP/out" "changed by hand since the last import" "the hand edit is reported"
expect_in "$TMP/out" "Sprachcafé international" "with what the calendar now says"
expect_in "$B/content.json" "Sprachcafé mit Gästen" "the hand edit is kept"
expect_in "$B/content.json" "Sprachcafé international" "the other occurrences are updated"

# faulty entries of a feed: each left out and said, the rest imported
B2=$TMP/bundle2
cp -r "$SRC/tests/data/bundles/valid" "$B2"
expect_exit 0 "a feed with faulty entries" -- "$BIN" import-ics "$ICS/broken.ics" --into "$B2" --now $NOW
expect_in "$TMP/err" 'broken.ics:9: DTSTART: left out the event "Ohne Beginn" (UID x2, DTSTART none): the event has no start' "names line, field, event and why"
expect_in "$TMP/err" "broken.ics:14: DTSTART: unknown time zone 'Mars/Olympus'" "names the unknown zone"
expect_in "$TMP/err" "read as Europe/Berlin time" "and the zone used instead"
expect_in "$TMP/out" "1 calendar entry left out" "the report counts what was left out"
expect_in "$TMP/out" "2 added" "the rest is imported"
expect_exit 0 "an Outlook feed of city zone names" -- "$BIN" import-ics "$ICS/outlook-zones.ics" --into "$B2" --now $NOW
expect_in "$TMP/out" "9 added" "every entry imported"
expect_in "$B2/content.json" '"start": "2027-03-31T10:00"' "(UTC+01:00) Amsterdam, Berlin, ... in summer time"
[ "$(grep -c "unknown time zone 'Rathauszeit'" "$TMP/err")" -eq 1 ] && ok "an unknown zone said once" || bad "unknown zone said $(grep -c Rathauszeit "$TMP/err") times"
expect_exit 0 "a city feed with faulty entries" -- "$BIN" import-ics "$ICS/city-bad-entries.ics" --into "$B2" --now $NOW
expect_in "$TMP/out" "3 calendar entries left out" "three left out (a fourth, past, is not said)"
expect_in "$TMP/err" 'city-bad-entries.ics:10: DESCRIPTION: left out the event "Lesung mit langer Beschreibung"' "the long description named"
expect_not_in "$B2/content.json" "Lesung mit langer" "nothing shown cut (a text over the limit is not imported)"
expect_in "$B2/content.json" "Elterncafé" "the entries after it imported"

# a city's feed larger than a bundle takes: the nearest 400, the rest said
B3=$TMP/bundle3
cp -r "$SRC/tests/data/bundles/valid" "$B3"
expect_exit 0 "a city feed of 450 events" -- "$BIN" import-ics "$ICS/city-large.ics" --into "$B3" --now $NOW
expect_in "$TMP/out" "only the 400 events that start first are imported: 50 later events left out" "says how many were left out"
expect_in "$TMP/err" "city-large.ics: 50 later events within the horizon are left out" "a warning says it too"
expect_in "$TMP/err" "(up to 2027-04-14T09:00)" "and up to when the import reaches"
expect_imported "$B3" 400 "400 imported"
expect_exit 0 "still valid" -- "$BIN" validate "$B3"
# the KI's own events picked by category and text, case aside
expect_exit 0 "filtered import" -- "$BIN" import-ics "$ICS/city-large.ics" --into "$B3" --now $NOW --category integration --match "BERATUNG FÜR"
expect_in "$TMP/out" "270 events within the horizon not taken by --category/--match" "says how many the filter left"
expect_imported "$B3" 180 "180 of the KI's events"
expect_not_in "$B3/content.json" "Wochenmarkt" "the others removed (an event the filter does not take)"
expect_not_in "$TMP/err" "left out" "nothing said left out (the filtered feed is within the limit)"
expect_exit 2 "an empty --match" -- "$BIN" import-ics "$ICS/city-large.ics" --into "$B3" --match ""
expect_in "$TMP/err" "bad --match" "refused"

# not a calendar at all: fails as a whole, the last good import kept
cp "$B/content.json" "$TMP/before.json"
printf 'Hallo\r\n' >"$TMP/not.ics"
expect_exit 1 "not a calendar" -- "$BIN" import-ics "$TMP/not.ics" --into "$B" --now $NOW
expect_in "$TMP/err" "not.ics:1: not an iCalendar feed" "names file and line"
expect_in "$TMP/err" "is unchanged" "says nothing was changed"
expect_same "$B/content.json" "$TMP/before.json" "last good import kept (a broken feed changed nothing)"

# the calendar cancels an occurrence that was announced: it stays, marked
sed 's/^SUMMARY;LANGUAGE=de-DE:Sprachcafé\r$/&/' "$TMP/outlook2.ics" | awk '
  /^BEGIN:VEVENT/ {n++}
  {print}
  /^END:VEVENT/ && n==1 && !done {done=1
    printf "BEGIN:VEVENT\r\nUID:040000008200E00074C5B7101A82E00800000000D0F1A2B3C4D5E601000000000000000010000000ABCDEF\r\n"
    printf "RECURRENCE-ID;TZID=W. Europe Standard Time:20270323T180000\r\nSUMMARY:Sprachcafé international\r\nSTATUS:CANCELLED\r\n"
    printf "DTSTART;TZID=W. Europe Standard Time:20270323T180000\r\nDTEND;TZID=W. Europe Standard Time:20270323T193000\r\nEND:VEVENT\r\n"}' >"$TMP/outlook3.ics"
expect_exit 0 "an announced date cancelled" -- "$BIN" import-ics "$TMP/outlook3.ics" --into "$B" --now $NOW --tag Stadtkalender
expect_in "$TMP/out" "1 marked cancelled" "said as cancelled"
expect_in "$B/content.json" '"cancelled": true' "kept in the bundle, marked"
expect_exit 0 "still valid" -- "$BIN" validate "$B"
expect_not_in "$TMP/err" "warning" "no warning: the format knows 'cancelled'"

# one calendar file named three ways (./a.ics, a path through "..", a link
# to it): one calendar, keyed by its canonical path; an event taken out of
# the calendar is removed whatever spelling imported it
B4=$TMP/bundle4
cp -r "$SRC/tests/data/bundles/valid" "$B4"
mkdir -p "$TMP/cal"
two_events() { # FILE [SECOND]: a calendar of "Erstes Treffen" (and "Zweites Treffen")
  {
    printf 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n'
    printf 'BEGIN:VEVENT\r\nUID:eins@ki\r\nSUMMARY:Erstes Treffen\r\nDTSTART;TZID=Europe/Berlin:20261210T100000\r\nDTEND;TZID=Europe/Berlin:20261210T110000\r\nEND:VEVENT\r\n'
    [ -n "${2:-}" ] && printf 'BEGIN:VEVENT\r\nUID:zwei@ki\r\nSUMMARY:Zweites Treffen\r\nDTSTART;TZID=Europe/Berlin:20261211T100000\r\nDTEND;TZID=Europe/Berlin:20261211T110000\r\nEND:VEVENT\r\n'
    printf 'END:VCALENDAR\r\n'
  } >"$1"
}
two_events "$TMP/cal/a.ics" both
ln -s "$TMP/cal/a.ics" "$TMP/link.ics"
(cd "$TMP/cal" && "$BIN" import-ics ./a.ics --into "$B4" --now $NOW >"$TMP/out" 2>"$TMP/err") &&
  ok "imported as ./a.ics" || bad "import as ./a.ics failed: $(cat "$TMP/err")"
expect_imported "$B4" 2 "two events"
two_events "$TMP/cal/a.ics" # the second taken out of the calendar
expect_exit 0 "the same file again, named through .." -- "$BIN" import-ics "$TMP/cal/../cal/a.ics" --into "$B4" --now $NOW
expect_in "$TMP/out" "0 added, 0 updated, 1 unchanged, 1 removed" "updates the calendar imported as ./a.ics"
expect_not_in "$B4/content.json" "Zweites Treffen" "the event the calendar no longer has is gone"
two_events "$TMP/cal/a.ics" both
expect_exit 0 "through a symbolic link" -- "$BIN" import-ics "$TMP/link.ics" --into "$B4" --now $NOW
expect_in "$TMP/out" "1 added, 0 updated, 1 unchanged" "the link is the same calendar"
two_events "$TMP/cal/a.ics"
(cd "$TMP/cal" && "$BIN" import-ics a.ics --into "$B4" --now $NOW >"$TMP/out" 2>"$TMP/err") ||
  bad "import as a.ics failed"
expect_in "$TMP/out" "1 removed" "and a.ics too"
expect_imported "$B4" 1 "one event left, never a copy"
[ "$(grep -c '"source"' "$B4/.litfass-import.json")" -eq 1 ] &&
  grep -qF "\"source\": \"$(realpath "$TMP/cal/a.ics")\"" "$B4/.litfass-import.json" &&
  ok "the import state names the calendar by its canonical path" ||
  bad "import state: $(grep '"source"' "$B4/.litfass-import.json")"

# the same as a feed from a web server on 127.0.0.1
mkdir -p "$TMP/www"
cp "$ICS/nextcloud.ics" "$TMP/www/cal.ics"
start_nginx "$TMP/www" || { bad "nginx"; finish; exit; }
expect_exit 1 "http refused without --allow-http" -- "$BIN" import-ics "http://127.0.0.1:$NGX_PORT/cal.ics" --into "$B" --now $NOW
expect_in "$TMP/err" "unless --allow-http" "the refusal names the option that allows it"
# a login page where the calendar should be: named as a web page
printf '<!DOCTYPE html>\n<html><body><form>Anmelden</form></body></html>\n' >"$TMP/www/login.ics"
expect_exit 1 "a login page instead of the calendar" -- "$BIN" import-ics "http://127.0.0.1:$NGX_PORT/login.ics" --into "$B" --now $NOW --allow-http
expect_in "$TMP/err" "a web page (HTML)" "said to be a web page"
expect_exit 0 "feed over http" -- "$BIN" import-ics "http://127.0.0.1:$NGX_PORT/cal.ics" --into "$B" --now $NOW --allow-http
expect_in "$TMP/out" "5 added" "five events from the feed"
expect_in "$B/content.json" '"start": "2027-01-14T10:00"' "second Thursday of January"
expect_exit 1 "a missing feed" -- "$BIN" import-ics "http://127.0.0.1:$NGX_PORT/none.ics" --into "$B" --now $NOW --allow-http
expect_in "$TMP/err" "404" "says the server's answer"
stop_nginx
finish
