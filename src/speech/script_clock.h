/* Clock times and ranges of hours in words, language by language
 * (speech/script_clock.c). Any thread. */
#ifndef LF_SPEECH_SCRIPT_CLOCK_H
#define LF_SPEECH_SCRIPT_CLOCK_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

void lf_script_clock_words(const char *lang, int h, int m, char *buf, size_t size);
void lf_script_ru_time(int h, int m, bool genitive, char *buf, size_t size);
void lf_script_say_range(const char *lang, int h1, int m1, int h2, int m2, char *buf, size_t size);
void lf_script_say_clock(const char *lang, int h, int m, bool until, char *buf, size_t size);
void lf_script_say_at(const char *lang, int h, int m, char *buf, size_t size);
void lf_script_say_until(const char *lang, int h, int m, char *buf, size_t size);

#endif
