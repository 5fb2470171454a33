/* A text split into runs by writing system, each read by the voice of
 * its own language (speech/script_runs.c): in a German sentence a
 * Ukrainian name ("Beratung bei Frau Олена Коваль") goes to the Ukrainian
 * voice, in an Arabic one a German street name to the German voice; the
 * text's own voice spelled them letter by letter ("kyrillisch o, ...").
 *
 * Which language a foreign run is read in, from its letters alone:
 * Latin: German (names from the kiosk's German world); Cyrillic:
 * Ukrainian (і ї є ґ, its apostrophe) or Russian (ы э ё, ъ before е ё ю
 * я, or a long text without Ukrainian letters), Serbian, Macedonian or
 * Bulgarian where letters only those have show it; a run without such
 * letters takes the language the whole text's Cyrillic shows (a name in
 * a Russian sentence), else the Cyrillic language the content declares
 * for it (`cyrillic`: the item's languages, see
 * lf_speech_declared_cyrillic), else Russian when the text is long,
 * else Ukrainian, the kiosk's most asked Cyrillic language; Arabic script:
 * Arabic, or Persian with Persian letters (پ چ ژ گ ک ی), Urdu with Urdu
 * ones; Greek, Hebrew, Armenian, Georgian, Devanagari, Bengali, Tamil,
 * Thai, Ethiopic, Hangul, Han and kana their languages. Letters the text's
 * own language writes are never a foreign run.
 *
 * Pure C with ICU (uscript), no SDL. Any thread. */
#ifndef LF_SPEECH_SCRIPT_RUNS_H
#define LF_SPEECH_SCRIPT_RUNS_H

#include <stddef.h>

#include "core/growing_text.h"

struct lf_speech_run {
    size_t start, len; /* bytes of the text */
    char lang[8];      /* the voice's language: the text's own (its primary
                          subtag) or a foreign run's ("uk") */
    int foreign;       /* 1: another writing system than the text's language */
};

/* The runs of UTF-8 `text` read in `lang`, covering it whole, in order;
 * *runs is a new array (NULL when the text is empty), the caller frees
 * it. `cyrillic` (may be NULL): the Cyrillic language the content
 * declares, for Cyrillic without letters of its own. Parts already
 * marked for a voice (speech/script_lang.h's marks) stay in the run
 * around them. */
size_t lf_speech_runs(const char *lang, const char *text, const char *cyrillic,
                      struct lf_speech_run **runs);

/* The one language written in Cyrillic among the n language tags (NULL
 * entries skipped; "ru" and "ru-RU" are one), its primary subtag in buf;
 * NULL when there is none or more than one (Russian and Ukrainian both:
 * the letters decide). */
const char *lf_speech_declared_cyrillic(const char *const *tags, size_t n, char *buf, size_t size);

/* Appends `text` to out with each foreign run marked for its voice
 * (VOICE_OPEN tag VOICE_OPEN ... GERMAN_CLOSE, speech/script_lang.h). */
void lf_script_mark_runs(const char *lang, const char *text, const char *cyrillic,
                         struct lf_growing_text *out);

#endif
