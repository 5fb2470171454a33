#!/usr/bin/env bash
# `litfass preview DIR --out OUT`: one PNG per slide, in carousel order, at
# the requested size, headless.
. "$(dirname "$0")/shell_lib.sh"
NOW=2026-11-23T10:00:00+01:00

expect_exit 0 "preview of the sample bundle" -- "$BIN" preview "$SRC/assets/content" --out "$TMP/land" --now "$NOW"
n_lines=$(wc -l <"$TMP/out")
n_png=$(ls "$TMP/land"/*.png 2>/dev/null | wc -l)
[ "$n_png" -ge 8 ] && ok "$n_png slides rendered" || bad "only $n_png slides rendered"
[ "$n_png" -eq "$n_lines" ] && ok "one PNG per listed slide" || bad "$n_png PNGs but $n_lines listed"
ls "$TMP/land" | head -1 | grep -q '^01-agenda' && ok "the carousel starts with the agenda" || bad "first slide: $(ls "$TMP/land" | head -1)"
all_land=1
for f in "$TMP/land"/*.png; do [ "$(png_size "$f")" = 1920x1080 ] || all_land=0; done
[ $all_land -eq 1 ] && ok "every PNG is 1920x1080" || bad "a PNG is not 1920x1080"
ls "$TMP/land" | grep -q -- '-event-' && ok "events are shown" || bad "no event slide"
ls "$TMP/land" | grep -q -- '-offer-' && ok "offers are shown" || bad "no offer slide"
ls "$TMP/land" | grep -q -- '-contact-' && ok "contacts are shown" || bad "no contact slide"

expect_exit 0 "portrait preview in Arabic" -- "$BIN" preview "$SRC/assets/content" --out "$TMP/port/ar" --size 1080x1920 --lang ar --now "$NOW"
all_port=1
n_port=$(ls "$TMP/port/ar"/*.png 2>/dev/null | wc -l)
[ "$n_port" -ge 8 ] && ok "missing parent folders of --out are created" || bad "only $n_port portrait slides"
for f in "$TMP/port/ar"/*.png; do [ "$(png_size "$f")" = 1080x1920 ] || all_port=0; done
[ $all_port -eq 1 ] && ok "every PNG is 1080x1920" || bad "a PNG is not 1080x1920"

# years later only the yearly events are left: past events are hidden
expect_exit 0 "preview years later" -- "$BIN" preview "$SRC/assets/content" --out "$TMP/later" --now 2031-01-10T12:00:00+01:00
n_later=$(ls "$TMP/later" | grep -c -- '-event-')
n_now=$(ls "$TMP/land" | grep -c -- '-event-')
[ "$n_later" -ge 1 ] && [ "$n_later" -lt "$n_now" ] && ok "past events hidden, yearly ones remain ($n_now -> $n_later)" || bad "events now $n_now, later $n_later"

# past 99 pages the numbers have three digits, so the files sort in carousel order
mkdir -p "$TMP/many"
"$PYTHON" - "$TMP/many/content.json" <<'PY'
import json, sys
items = [{"kind": "event", "id": "e%03d" % i, "title": {"de": "Termin %d" % i},
          "start": "2027-%02d-%02dT10:00" % (1 + i // 28, 1 + i % 28),
          "end": "2027-%02d-%02dT11:00" % (1 + i // 28, 1 + i % 28)} for i in range(110)]
json.dump({"format": 1, "organisation": {"de": "KI"}, "items": items}, open(sys.argv[1], "w"))
PY
# a round plays the 12 nearest events ([carousel] max_events); 0 plays them all
expect_exit 0 "preview of 110 events, a round's worth" -- "$BIN" preview "$TMP/many" --out "$TMP/round-png" --size 480x320 --now "$NOW"
n_round=$(ls "$TMP/round-png" | grep -c -- '-event-')
[ "$n_round" -eq 12 ] && ok "a round shows the 12 nearest events" || bad "a round shows $n_round events"
ls "$TMP/round-png" | grep -q -- '-event-e011' && ! ls "$TMP/round-png" | grep -q -- '-event-e012' && ok "the nearest ones" || bad "not the nearest events: $(ls "$TMP/round-png" | tr '\n' ' ')"
printf '[carousel]\nmax_events = 0\n' > "$TMP/all.conf"
expect_exit 0 "preview of 110 events" -- "$BIN" preview "$TMP/many" --out "$TMP/many-png" --size 480x320 --now "$NOW" --config "$TMP/all.conf"
n_many=$(ls "$TMP/many-png" | wc -l)
[ "$n_many" -gt 99 ] && ok "$n_many pages" || bad "only $n_many pages"
if ls "$TMP/many-png" | grep -qv '^[0-9][0-9][0-9]-'; then bad "a file without a three-digit number: $(ls "$TMP/many-png" | grep -v '^[0-9][0-9][0-9]-' | head -1)"; else ok "every page numbered with three digits"; fi
[ "$(ls "$TMP/many-png" | head -1)" = "001-agenda.png" ] && ok "001 is the agenda" || bad "first: $(ls "$TMP/many-png" | head -1)"
[ "$(ls "$TMP/many-png" | sort | tr '\n' ' ')" = "$(cat "$TMP/out" | xargs -n1 basename | tr '\n' ' ')" ] && ok "sorted names are the carousel order" || bad "sorted names differ from the carousel order"

# a screen nobody can touch: the pages naming the 12 nearest and 2 pages of
# later events, further on in each round (--round), never the whole agenda
printf '[touch]\nenabled = false\n' > "$TMP/notouch.conf"
for r in 1 2; do
  expect_exit 0 "no touch, round $r" -- "$BIN" preview "$TMP/many" --out "$TMP/nt$r" --size 480x320 --now "$NOW" --config "$TMP/notouch.conf" --round $r
  grep -q "round $r: [0-9]* pages, [0-9]* min" "$TMP/err" && ok "round $r's length said" || bad "no round length: $(cat "$TMP/err")"
done
a1=$(ls "$TMP/nt1" | grep -c -- '-agenda'); a2=$(ls "$TMP/nt2" | grep -c -- '-agenda'); a_all=$(ls "$TMP/many-png" | grep -c -- '-agenda')
[ "$a1" -lt "$a_all" ] && [ "$a1" -eq "$a2" ] && ok "no touch: $a1 agenda pages a round of $a_all" || bad "no touch: agenda pages $a1, $a2 of $a_all"
[ "$(ls "$TMP/nt1" | grep -c -- '-event-')" -eq 12 ] && ok "no touch: the 12 nearest events" || bad "no touch: $(ls "$TMP/nt1" | grep -c -- '-event-') events"
last1=$(ls "$TMP/nt1" | grep -- '-agenda' | tail -1); last2=$(ls "$TMP/nt2" | grep -- '-agenda' | tail -1)
first1=$(ls "$TMP/nt1" | grep -- '-agenda' | head -1)
cmp -s "$TMP/nt1/$first1" "$TMP/nt2/$first1" && ok "the nearest events' page alike in both rounds" || bad "round 2's first agenda page differs"
cmp -s "$TMP/nt1/$last1" "$TMP/nt2/$last2" && bad "round 2's later agenda page is round 1's" || ok "round 2 lists later events than round 1"
expect_exit 2 "a bad --round is a usage error" -- "$BIN" preview "$SRC/assets/content" --out "$TMP/x" --round 0

# A clock not set (1970, a Raspberry Pi before NTP): the slides have no date
# or time of their own, but what ended before the bundle was made is over.
# The carousel listed it as coming ("Nächste Veranstaltungen": an event of
# last week, a slide of its own) because it scheduled at 1970.
mkdir -p "$TMP/unset"
printf '{"format": 1, "organisation": "KI", "created": "2026-11-23T09:00:00Z", "items": [\n  {"kind": "event", "id": "over", "title": "Vorbei", "start": "2026-11-16T17:00", "end": "2026-11-16T19:00"},\n  {"kind": "event", "id": "coming", "title": "Kommt", "start": "2026-12-09T17:00", "end": "2026-12-09T19:00"}\n]}\n' >"$TMP/unset/content.json"
expect_exit 0 "preview with a clock not set" -- "$BIN" preview "$TMP/unset" --out "$TMP/unset-png" --size 800x480 --now 1970-01-01T00:00
expect_in "$TMP/err" "clock not set" "the clock not set is said"
ls "$TMP/unset-png" | grep -q -- '-event-coming' && ok "the coming event has its slide" || bad "no slide of the coming event: $(ls "$TMP/unset-png")"
ls "$TMP/unset-png" | grep -q -- '-event-over' && bad "the event that ended before the bundle was made is listed as coming" ||
  ok "no slide of the event that was over"

expect_exit 2 "a bad --size is a usage error" -- "$BIN" preview "$SRC/assets/content" --out "$TMP/x" --size 10x10
expect_exit 2 "a bad --now is a usage error" -- "$BIN" preview "$SRC/assets/content" --out "$TMP/x" --now yesterday
mkdir -p "$TMP/empty"
expect_exit 1 "a folder without a bundle renders nothing" -- "$BIN" preview "$TMP/empty" --out "$TMP/none"
[ -z "$(ls "$TMP/none" 2>/dev/null)" ] && ok "no PNG for an invalid bundle" || bad "PNGs written for an invalid bundle"

finish
