/* The language helpers the parts of the spoken script share (speech/script*.c):
 * which language has its own spoken grammar here, its ICU locale, number words,
 * weekday and month names, the marks around words the German voice reads.
 * Pure C with ICU. Any thread. */
#ifndef LF_SPEECH_SCRIPT_LANG_H
#define LF_SPEECH_SCRIPT_LANG_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "layout/phrases.h"
#include "speech/spoken_words.h"

enum spoken { L_DE, L_EN, L_TR, L_AR, L_FA, L_UK, L_RU, L_OTHER };

/* Marks around words the German voice reads (a German text standing in
 * for a missing translation, a postal address): the script's sentence()
 * turns them into eSpeak NG's SSML <voice xml:lang="de"> ... </voice>. */
#define GERMAN_OPEN "\x01"
#define GERMAN_CLOSE "\x02"
/* Another language's voice: VOICE_OPEN "uk" VOICE_OPEN ... GERMAN_CLOSE
 * (speech/script_runs.h), <voice xml:lang="uk"> ... </voice>. */
#define VOICE_OPEN "\x03"

enum spoken lf_script_spoken_lang(const char *lang);
const char *lf_script_icu_locale(const char *lang, char *buf, size_t size);
const struct lf_spoken_words *lf_script_table_words(const char *lang);
const char *lf_script_said(const char *lang, enum lf_phrase p);
bool lf_script_latin_script(const char *lang);
bool lf_script_voice_names_emoji(const char *lang);
void lf_script_number(const char *lang, const char *ruleset, long n, char *buf, size_t size);
void lf_script_cardinal(const char *lang, long n, char *buf, size_t size);
extern const char *const lf_script_uk_weekday_gen[7];
extern const char *const lf_script_uk_weekday_acc[7];
extern const char *const lf_script_ru_weekday_gen[7];
extern const char *const lf_script_ru_weekday_acc[7];
bool lf_script_icu_pattern(const char *lang, const char *pattern, time_t t, char *buf, size_t size);
void lf_script_weekday_name(const char *lang, int wd, char *buf, size_t size);
void lf_script_month_after_day(const char *lang, time_t t, char *buf, size_t size);
bool lf_script_region_name(const char *lang, const char *loc, char *buf, size_t size);

#endif
