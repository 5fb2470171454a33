/* Dates written in a content text (speech/script_text_date.c). Each reader
 * returns the length it read at p, or 0. Any thread. */
#ifndef LF_SPEECH_SCRIPT_TEXT_DATE_H
#define LF_SPEECH_SCRIPT_TEXT_DATE_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "core/growing_text.h"

bool lf_script_en_numbered_thing_before(const char *in, const char *p);
size_t lf_script_english_date(const char *p, struct lf_growing_text *out);
size_t lf_script_german_date(const char *p, int *day, int *month, long *year);
size_t lf_script_other_numeric_date(const char *lang, const char *p, struct lf_growing_text *out);

#endif
