#!/usr/bin/env bash
# `litfass speak DIR --item ID --lang TAG --out FILE.wav`: for each
# language of the sample bundle that eSpeak NG has a voice for, a WAV file
# that is not silent and whose length fits the text read; a language
# without a voice and an unknown item are refused with a clear message.
. "$(dirname "$0")/shell_lib.sh"

NOW=2026-12-02T10:00
ITEM=kontakt-kreis-re-mo

# wav_check FILE SCRIPT: "ok SECONDS" when FILE is mono 16-bit PCM, not
# silent, and as long as SCRIPT's words take at 80..450 words a minute
wav_check() {
  "$PYTHON" - "$1" "$2" <<'PY'
import sys, wave, array, math, re
w = wave.open(sys.argv[1])
assert w.getnchannels() == 1 and w.getsampwidth() == 2, "not mono 16 bit"
n = w.getnframes(); rate = w.getframerate()
a = array.array('h', w.readframes(n))
rms = math.sqrt(sum(x * x for x in a) / max(len(a), 1))
secs = n / rate
# words a listener hears: the script without SSML tags
text = re.sub(r'<[^>]*>', ' ', open(sys.argv[2], encoding='utf-8').read())
words = len(text.split())
# 150 words a minute is the configured rate; allow for pauses and for
# languages whose words are long (Turkish, Arabic) or short
lo, hi = words / 450 * 60, words / 60 * 60
print("ok" if rms > 300 and lo <= secs <= hi else "bad", "%.1f s, %d words, rms %.0f" % (secs, words, rms))
PY
}

# the sample's languages, and languages whose words come from the speech
# table (the item is only in German there: "only in German" first)
for lang in de de-x-ls en tr ar fa uk pl fr ro bg el; do
  expect_exit 0 "speak $lang: the script" -- "$BIN" speak "$SRC/assets/content" --item $ITEM --lang $lang --script --now $NOW
  cp "$TMP/out" "$TMP/$lang.txt"
  expect_exit 0 "speak $lang: a WAV file" -- "$BIN" speak "$SRC/assets/content" --item $ITEM --lang $lang --out "$TMP/$lang.wav" --now $NOW
  expect_in "$TMP/out" "$TMP/$lang.wav:" "speak $lang says what it wrote"
  res=$(wav_check "$TMP/$lang.wav" "$TMP/$lang.txt")
  case "$res" in ok*) ok "speak $lang: $res" ;; *) bad "speak $lang: $res" ;; esac
done

# a longer text takes longer to say (the offer: 97 words, the contact 79)
"$BIN" speak "$SRC/assets/content" --item mo-beratung-recklinghausen --lang de --out "$TMP/long.wav" --now $NOW >/dev/null
long=$(stat -c %s "$TMP/long.wav"); short=$(stat -c %s "$TMP/de.wav")
[ "$long" -gt "$short" ] && ok "the longer offer makes the longer file" || bad "longer text, shorter sound ($long <= $short)"
# slower speech is longer
"$BIN" speak "$SRC/assets/content" --item $ITEM --lang de --rate 100 --out "$TMP/slow.wav" --now $NOW >/dev/null
slow=$(stat -c %s "$TMP/slow.wav")
[ "$slow" -gt "$short" ] && ok "--rate 100 is slower than the default" || bad "slow speech not longer ($slow <= $short)"

# the spoken text: dates and times in words, phone numbers in groups
expect_in "$TMP/de.txt" "Jetzt geöffnet, bis vierzehn Uhr dreißig." "German: open now, in words"
expect_in "$TMP/de.txt" "Telefon: null zwo drei, sechs eins, fünf drei, drei acht null acht." "German: phone digits in groups"
expect_in "$TMP/tr.txt" "Şu an açık, kapanış saati on dört otuz." "Turkish: open now, in words"

# a page only in German: said so first in the visitor's language, then
# read by the German voice; the kiosk's words in the visitor's language
expect_in "$TMP/pl.txt" "Ten tekst jest dostępny tylko po niemiecku." "Polish: only in German, said first"
head -1 "$TMP/pl.txt" | grep -q "^Ten tekst jest dostępny tylko po niemiecku\.$" && ok "Polish: the cue is the first sentence" || bad "Polish: the cue is not first: $(head -1 "$TMP/pl.txt")"
expect_in "$TMP/pl.txt" '<voice xml:lang="de">' "Polish: the German text in the German voice"
expect_in "$TMP/pl.txt" "Teraz otwarte, do czternastej trzydzieści." "Polish: open now, in words"
expect_in "$TMP/pl.txt" "Telefon: zero dwa trzy, sześć jeden, pięć trzy, trzy osiem zero osiem." "Polish: phone digits in groups"
expect_in "$TMP/fr.txt" "Ce texte n'existe qu'en allemand." "French: only in German, said first"
expect_in "$TMP/fr.txt" "Ouvert maintenant, jusqu'à quatorze heures trente." "French: open now, in words"
expect_in "$TMP/fr.txt" "Adresse e-mail: z point soezuedogru arobase kreis-re point de." "French: the e-mail address as one says it"
expect_in "$TMP/fr.txt" "Heures de permanence: lundi et mardi, de neuf heures à quatorze heures" "French: the hours in words"

# Easy German reads its own text
mkdir -p "$TMP/ls"
printf '{"format": 1, "organisation": "KI", "items": [\n  {"kind": "offer", "id": "cafe", "title": {"de": "Sprachcafé", "de-x-ls": "Café für Sprache"}, "description": {"de": "Konversation in entspannter Runde", "de-x-ls": "Wir sprechen zusammen Deutsch."}}\n]}\n' >"$TMP/ls/content.json"
expect_exit 0 "Leichte Sprache: the script" -- "$BIN" speak "$TMP/ls" --item cafe --lang de-x-ls --script
expect_in "$TMP/out" "Café für Sprache." "Leichte Sprache: its own title"
expect_in "$TMP/out" "Wir sprechen zusammen Deutsch." "Leichte Sprache: its own description"

expect_exit 1 "a language without a voice is refused" -- "$BIN" speak "$SRC/assets/content" --item $ITEM --lang ti --out "$TMP/ti.wav"
expect_in "$TMP/err" "no voice for the language \"ti\"" "the refusal names the language"
[ -e "$TMP/ti.wav" ] && bad "a file was written without a voice" || ok "nothing written without a voice"
expect_exit 1 "an unknown item is refused" -- "$BIN" speak "$SRC/assets/content" --item nope --out "$TMP/x.wav"
expect_in "$TMP/err" "content.json: no item with \"id\": \"nope\"" "the refusal names the file and the id"
expect_exit 2 "--out or --script is required" -- "$BIN" speak "$SRC/assets/content" --item $ITEM
expect_exit 2 "a bad rate is a usage error" -- "$BIN" speak "$SRC/assets/content" --item $ITEM --rate 20 --out "$TMP/x.wav"
expect_exit 0 "speak --help" -- "$BIN" speak --help
expect_in "$TMP/out" "--item ID" "help explains --item"

finish
