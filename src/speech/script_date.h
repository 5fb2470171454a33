/* Dates, days and when an event runs, in words (speech/script_date.c). Any thread. */
#ifndef LF_SPEECH_SCRIPT_DATE_H
#define LF_SPEECH_SCRIPT_DATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

const char *lf_script_day_word(const char *lang, time_t t, time_t now);
void lf_script_say_when(const char *lang, time_t start, time_t end, bool days, time_t now,
                     char *buf, size_t size);

/* Weekdays of a mask (Monday = bit 0) as lang says them: "Montag bis
 * Freitag", "Montag, Dienstag und Donnerstag". */
void lf_script_say_days(const char *lang, uint8_t mask, char *buf, size_t size);

#endif
