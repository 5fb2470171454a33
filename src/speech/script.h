/* The spoken script: what the kiosk reads aloud for a page, written for
 * listening and built from the content model, not from the screen's line
 * fragments.
 *
 * Order for an item: the title; for events the date and time in words
 * ("Mittwoch, neunter Dezember, von siebzehn bis neunzehn Uhr"), whether
 * it runs now, the place; the description; for offers who runs it, for
 * whom and in which languages; for offers and contacts whether they are
 * open now ("Jetzt geöffnet, bis vierzehn Uhr") or when they open next,
 * then the consultation hours; phone numbers digit by digit in their
 * groups; e-mail and web addresses as one says them ("info ät
 * ki-muenster Punkt de"). Numbers are written as words, so the speech
 * synthesiser never guesses how to read a digit. Content texts are made
 * ready for listening too (abbreviations, ranges, clock times, German
 * dates, euro amounts, phone numbers and addresses written in them), and
 * words in another writing system go to their own language's voice
 * (speech/script_runs.h: a Ukrainian name in a German text, a German
 * street in an Arabic one).
 *
 * The words around the content are the kiosk's own (layout/phrases.h)
 * and, for listening, speech/script*.c's; de, en, tr, ar, fa, uk and ru
 * have spoken grammar here, 20 more languages in speech/spoken_words.c
 * (fr, es, it, pt, nl, pl, ro, bg, sr, hr, bs, mk, sl, sq, el, vi, ku,
 * hu, cs, sk); other languages get the content, the phrase table's labels where
 * it has them and dates from ICU. A text read in German for want of a
 * translation is announced first, once a page, in the visitor's language
 * ("Bu metin yalnızca Almanca."). Easy-to-read German ("de-x-ls") reads
 * its own texts with German words around them.
 *
 * Pure C (ICU for number words and language names), no SDL. Any thread. */
#ifndef LF_SPEECH_SCRIPT_H
#define LF_SPEECH_SCRIPT_H

#include <stddef.h>
#include <time.h>

#include "core/limits.h"
#include "schedule/schedule.h"

/* Scripts grow with what they say (core/growing_text.h): a text is never
 * cut. The one ceiling, LF_MAX_SCRIPT_BYTES (core/limits.h), lies far
 * above any page's script; reaching it is logged. */

/* What one page shows, as the speech needs it. */
struct lf_spoken_page {
    const struct lf_slide *slide;  /* an item's slide, or the agenda; NULL for a list */
    const struct lf_slide *list;   /* the agenda's events, or a category's items */
    size_t n_list;
    const char *list_title;        /* a category list's heading; NULL otherwise */
    const struct lf_slide *notices;/* a category list: the notices at its top */
    size_t n_notices;
    bool clock_unknown;            /* the wall clock is not plausible (core/clock_floor.h):
                                      nothing is said that depends on it ("open now") */
    const char *const *languages;  /* the bundle's languages (lf_bundle.languages), or NULL:
                                      Cyrillic without letters of its own in an item that
                                      declares no Cyrillic language is read in the one
                                      Cyrillic language among them */
    size_t n_languages;
};

/* The script for page `p` in `lang` at `now`. Never NULL (aborts on out
 * of memory); the caller frees it. UTF-8, sentences separated by spaces. */
char *lf_speech_script(const struct lf_spoken_page *p, const char *lang, time_t now);

/* The slide an item has at `now` (an event: its running or next
 * occurrence, else the one given; a notice: urgent or not by priority),
 * for speaking one item alone (`litfass speak`). */
void lf_speech_item_slide(const struct lf_item *it, time_t now, struct lf_slide *out);

/* Spoken forms, exposed for tests and `litfass speak`. */
/* A date's words are short: buf of LF_SPEECH_DATE_BYTES holds them. */
#define LF_SPEECH_DATE_BYTES 512
void lf_speech_say_date(const char *lang, time_t t, time_t now, char *buf, size_t size);
/* These return a new string (never NULL), the caller frees it. */
char *lf_speech_say_phone(const char *lang, const char *phone);
char *lf_speech_say_address(const char *lang, const char *address);
/* A content text as it is said in lang (abbreviations, ranges, times,
 * dates, ordinals, amounts, addresses in words; see README). */
char *lf_speech_say_text(const char *lang, const char *text);

#endif
