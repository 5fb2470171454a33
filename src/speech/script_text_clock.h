/* Clock times written in a content text (speech/script_text_clock.c). Each
 * reader returns the length it read at p, or 0. Any thread. */
#ifndef LF_SPEECH_SCRIPT_TEXT_CLOCK_H
#define LF_SPEECH_SCRIPT_TEXT_CLOCK_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "core/growing_text.h"

void lf_script_say_number_or_time(const char *lang, const char *p, size_t n, int h, int m,
                               char *out, size_t size);
size_t lf_script_turkish_time_range(const char *in, const char *p, struct lf_growing_text *out);
size_t lf_script_english_ampm(const char *p, struct lf_growing_text *out);
size_t lf_script_other_text_clock(const char *lang, const char *in, const char *p, struct lf_growing_text *out);
const char *lf_script_ampm_words(const char *lang, const char *in, const char *p, size_t *len,
                                 bool *stop);

#endif
