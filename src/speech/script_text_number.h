/* Numbers written in a content text (speech/script_text_number.c). Each
 * reader returns the length it read at p, or 0. Any thread. */
#ifndef LF_SPEECH_SCRIPT_TEXT_NUMBER_H
#define LF_SPEECH_SCRIPT_TEXT_NUMBER_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "core/growing_text.h"

size_t lf_script_euro_amount(const char *p, bool german, size_t *num, size_t *cents);
bool lf_script_numbered_thing_before(const char *in, const char *p);
const char *lf_script_german_article_ordinal(const char *in, const char *p);
const char *lf_script_german_ordinal(const char *in, const char *p, long *value, size_t *len);
bool lf_script_extension_before(const char *in, const char *p);
bool lf_script_german_dative_before(const char *in, const char *p);
size_t lf_script_english_street_or_saint(const char *in, const char *p, struct lf_growing_text *out);
size_t lf_script_german_regnal(const char *in, const char *p, struct lf_growing_text *out);
const char *lf_script_sign_word(const char *lang, const char *in, const char *p, size_t *len);
size_t lf_script_other_number_range(const char *lang, const char *p, struct lf_growing_text *out);
size_t lf_script_spaced_thousands(const char *lang, const char *p, struct lf_growing_text *out);

#endif
