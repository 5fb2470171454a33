/* A content text made ready for listening (speech/script_text.c): the scan
 * over a text and the small readers its rule families share (digits, letters,
 * word starts, writing into a bounded buffer). Any thread. */
#ifndef LF_SPEECH_SCRIPT_TEXT_H
#define LF_SPEECH_SCRIPT_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "core/growing_text.h"

bool lf_script_is_digit(char c);
size_t lf_script_latin_letter(const char *p);
bool lf_script_capital_at(const char *p);
bool lf_script_word_start(const char *in, const char *p);
bool lf_script_one_of_words_before(const char *in, const char *p, const char *const *words, size_t n);
extern const char *const lf_script_de_months[12];
size_t lf_script_range_dash(const char *p, bool *en_dash);
size_t lf_script_number_or_time(const char *p, long *value, int *h, int *m, bool dot_time);
/* A clock time written with "h" at p, as French pages (and German ones
 * after them) write it: "9h", "9h30", "9 h", "9 h 30", "09h00", the space
 * also a no-break one. Its length, the hour (0..24), the minutes and
 * whether they were written; 0 when none ("1 h 30 min" is a duration,
 * "9 heures" a word). */
size_t lf_script_h_clock(const char *p, int *h, int *m, bool *minutes);
void lf_script_emit(struct lf_growing_text *out, const char *text, size_t n);
void lf_script_emits(struct lf_growing_text *out, const char *text);
int lf_script_any_digit(const char *p, size_t *len);
void lf_script_say_text(const char *lang, const char *in, struct lf_growing_text *out);

#endif
