/* Durations written in a content text ("1 h 30 min", "45 min", "1 Std.
 * 30 Min.", "1 hr 30 min", "1 saat 30 dk"), said in words with their
 * units (speech/script_text_duration.c). Any thread. */
#ifndef LF_SPEECH_SCRIPT_TEXT_DURATION_H
#define LF_SPEECH_SCRIPT_TEXT_DURATION_H

#include <stddef.h>

#include "core/growing_text.h"

/* A duration at p in a French, German, English or Turkish text: hours
 * and/or minutes, each a whole number followed by its unit, said as
 * words ("une heure trente minutes", "eine Stunde dreißig Minuten", "one
 * hour thirty minutes", "bir saat otuz dakika"); the voices spelled the
 * units ("ache", "H R", "de ke") and German said "eins Stunden". A clock
 * time is no duration: hours with minutes but no minute unit after them
 * ("9 h 30"), and in French an hour alone up to 24 ("12 h"), stay clock
 * times; neither is an hour with a range dash after it ("9 h – 12 h").
 * Its length at p, or 0 (nothing written). */
size_t lf_script_duration(const char *lang, const char *p, struct lf_growing_text *out);

#endif
