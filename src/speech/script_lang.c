/* The languages the spoken script knows (speech/script_lang.h): which
 * language has its own spoken grammar here, its ICU locale, the kiosk's
 * words in it, number words, weekday and month names. */
#include "speech/script_lang.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <unicode/udat.h>
#include <unicode/uloc.h>
#include <unicode/ustring.h>

#include "core/limits.h"
#include "core/civil_time.h"
#include "layout/phrases.h"
#include "speech/number_words.h"
#include "speech/spoken_words.h"
#include "speech/voice.h"

/* Every phrase is put together with snprintf into a bounded buffer; a
 * text longer than its buffer is cut there on purpose (the bundle's own
 * limits keep real texts far below). GCC cannot see that the words are
 * short and warns for each nesting. */
#pragma GCC diagnostic ignored "-Wformat-truncation"

enum spoken lf_script_spoken_lang(const char *lang)
{
    static const char *const tags[] = {"de", "en", "tr", "ar", "fa", "uk", "ru"};
    size_t n = lang ? strcspn(lang, "-_") : 0;
    for (int i = 0; i < L_OTHER; i++)
        if (strlen(tags[i]) == n && strncmp(lang, tags[i], n) == 0)
            return (enum spoken)i;
    /* Dari is written as Persian and read by the Persian voice */
    if (n == 3 && strncmp(lang, "prs", 3) == 0)
        return L_FA;
    return L_OTHER;
}

/* The locale ICU knows lang by: Dari (prs, which ICU lacks) as fa-AF,
 * Kurmanji tagged kmr as ku; without this ICU named weekdays and months
 * in English ("Wednesday، 9م December"). */
const char *lf_script_icu_locale(const char *lang, char *buf, size_t size)
{
    size_t n = lang ? strcspn(lang, "-_") : 0;
    if (n == 3 && strncmp(lang, "prs", 3) == 0)
        snprintf(buf, size, "fa-AF");
    else if (n == 3 && strncmp(lang, "kmr", 3) == 0)
        snprintf(buf, size, "ku%s", lang + 3);
    else
        snprintf(buf, size, "%s", lang ? lang : "");
    return buf;
}

/* The words of a language without spoken grammar of its own here (the
 * table in spoken_words.c), or NULL. */
const struct lf_spoken_words *lf_script_table_words(const char *lang)
{
    return lf_script_spoken_lang(lang) == L_OTHER ? lf_spoken_words(lang) : NULL;
}

/* The kiosk's word p as said in lang: the phrase table's (or the
 * bundle's), else the speech table's; "" when lang has neither (German
 * never stands in for a spoken word: the sentence is left out). */
const char *lf_script_said(const char *lang, enum lf_phrase p)
{
    if (lf_script_spoken_lang(lang) != L_OTHER || lf_phrase_has(lang, p))
        return lf_phrase(lang, p);
    const struct lf_spoken_words *w = lf_spoken_words(lang);
    return w && w->phrase[p] ? w->phrase[p] : "";
}

/* Whether lang is written in Latin letters (its script, given or CLDR's
 * likely one): other voices read the Latin names of an address in German. */
bool lf_script_latin_script(const char *lang)
{
    char full[LF_MAX_LANG_TAG + 24], script[16] = "", loc[LF_MAX_LANG_TAG + 8];
    UErrorCode st = U_ZERO_ERROR;
    uloc_addLikelySubtags(lf_script_icu_locale(lang, loc, sizeof(loc)), full, sizeof(full), &st);
    if (U_SUCCESS(st))
        uloc_getScript(full, script, sizeof(script), &st);
    return U_FAILURE(st) || strcmp(script, "Latn") == 0 || script[0] == '\0';
}

/* Whether eSpeak NG's voice for lang names emoji in its own language:
 * as its installed data says (speech/voice.h, lf_voice_emoji_names).
 * The others (uk, ku, be, he, kk, uz, th, ...) say nothing for most
 * emoji and some in English ("✉": "envelope" in the Ukrainian voice).
 * Where eSpeak NG's data folder is not found, the languages Debian's
 * espeak-ng-data 1.51 has the lists for (Dari read as Persian). */
bool lf_script_voice_names_emoji(const char *lang)
{
    enum lf_voice_emoji e = lf_voice_emoji_names(lang);
    if (e != LF_VOICE_EMOJI_UNKNOWN)
        return e == LF_VOICE_EMOJI_NAMED;
    static const char *const named[] = {
        "af", "am", "ar", "az", "bg", "bn", "bs", "ca", "cmn", "cs", "cy", "da", "de", "el",
        "en", "es", "et", "eu", "fa", "fi", "fr", "ga", "gd", "gu", "hi", "hr", "hu", "hy",
        "id", "is", "it", "ja", "ka", "kn", "ko", "ky", "lt", "lv", "mk", "ml", "mr", "ms",
        "my", "ne", "nl", "or", "pa", "pl", "pt", "ro", "ru", "sd", "si", "sk", "sl", "sq",
        "sr", "sv", "sw", "ta", "te", "tr", "ur", "vi", "yue", "zh", "prs"};
    size_t n = lang ? strcspn(lang, "-_") : 0;
    for (size_t i = 0; i < sizeof(named) / sizeof(named[0]); i++)
        if (strlen(named[i]) == n && strncmp(lang, named[i], n) == 0)
            return true;
    return false;
}

/* ---- numbers, times and dates ------------------------------------------ */

void lf_script_number(const char *lang, const char *ruleset, long n, char *buf, size_t size)
{
    if (!lf_spell_number(lang, ruleset, n, buf, size))
        snprintf(buf, size, "%ld", n);
}

/* A cardinal in the form hours and minutes take. */
void lf_script_cardinal(const char *lang, long n, char *buf, size_t size)
{
    switch (lf_script_spoken_lang(lang)) {
    case L_DE:
        lf_script_number(lang, "%spellout-cardinal-neuter", n, buf, size); /* "ein Uhr" */
        break;
    case L_AR:
        lf_script_number(lang, "%spellout-cardinal-feminine", n, buf, size);
        break;
    case L_UK:
        lf_script_number(lang, "%spellout-cardinal-feminine", n, buf, size);
        break;
    case L_RU:
        lf_script_number(lang, "%spellout-cardinal-feminine", n, buf, size);
        break;
    default:
        lf_script_number(lang, "%spellout-cardinal", n, buf, size);
        break;
    }
}

const char *const lf_script_uk_weekday_gen[7] = {"понеділка", "вівторка", "середи", "четверга",
                                              "пʼятниці", "суботи", "неділі"};
const char *const lf_script_uk_weekday_acc[7] = {"понеділок", "вівторок", "середу", "четвер",
                                              "пʼятницю", "суботу", "неділю"};
const char *const lf_script_ru_weekday_gen[7] = {"понедельника", "вторника", "среды", "четверга",
                                              "пятницы", "субботы", "воскресенья"};
const char *const lf_script_ru_weekday_acc[7] = {"понедельник", "вторник", "среду", "четверг",
                                              "пятницу", "субботу", "воскресенье"};

/* Formats t with an ICU pattern in lang, Europe/Berlin. */
bool lf_script_icu_pattern(const char *lang, const char *pattern, time_t t, char *buf, size_t size)
{
    UErrorCode st = U_ZERO_ERROR;
    UChar pat[64], tz[] = u"Europe/Berlin", out[256];
    u_uastrncpy(pat, pattern, 63);
    pat[63] = 0;
    char loc[LF_MAX_LANG_TAG + 40], base[LF_MAX_LANG_TAG + 8];
    snprintf(loc, sizeof(loc), "%s@calendar=gregorian;numbers=latn",
             lf_script_icu_locale(lang, base, sizeof(base)));
    UDateFormat *df = udat_open(UDAT_PATTERN, UDAT_PATTERN, loc, tz, -1, pat, -1, &st);
    if (U_FAILURE(st) || !df)
        return false;
    int32_t n = udat_format(df, (UDate)t * 1000.0, out, 256, NULL, &st);
    udat_close(df);
    if (U_FAILURE(st) || n <= 0 || n >= 256)
        return false;
    u_strToUTF8(buf, (int32_t)size, NULL, out, n, &st);
    return U_SUCCESS(st);
}

/* The weekday's name (Monday = 0) in lang, from CLDR. */
void lf_script_weekday_name(const char *lang, int wd, char *buf, size_t size)
{
    time_t monday = lf_local_make(2024, 1, 1, 12, 0); /* a Monday */
    if (!lf_script_icu_pattern(lang, "EEEE", monday + (time_t)wd * 86400, buf, size))
        lf_format_date(lang, monday + (time_t)wd * 86400, LF_DATE_WEEKDAY, buf, size);
}

/* The month's name as it stands after a day number ("Dezember", "грудня",
 * "Aralık"), from CLDR: "d MMMM" without the day. */
void lf_script_month_after_day(const char *lang, time_t t, char *buf, size_t size)
{
    char dm[256];
    if (!lf_script_icu_pattern(lang, "d MMMM", t, dm, sizeof(dm))) {
        lf_format_date(lang, t, LF_DATE_MONTH, buf, size);
        return;
    }
    size_t o = 0;
    for (const char *p = dm; *p && o + 1 < size; p++) {
        if ((*p >= '0' && *p <= '9') || ((*p == '.' || *p == ' ') && o == 0))
            continue;
        buf[o++] = *p;
    }
    while (o > 0 && buf[o - 1] == ' ')
        o--;
    buf[o] = '\0';
}

/* ICU's name in lang of the region of locale loc ("und_DE": "آلمان"),
 * UTF-8. False when ICU has none (the code itself would come back). */
bool lf_script_region_name(const char *lang, const char *loc, char *buf, size_t size)
{
    UChar name[128];
    char ul[LF_MAX_LANG_TAG + 8];
    UErrorCode st = U_ZERO_ERROR;
    int32_t n = uloc_getDisplayCountry(loc, lf_script_icu_locale(lang, ul, sizeof(ul)), name, 128, &st);
    if (U_FAILURE(st) || n <= 0 || st == U_USING_DEFAULT_WARNING)
        return false;
    char code[3] = {loc[4], loc[5], '\0'};
    u_strToUTF8(buf, (int32_t)size, NULL, name, n, &st);
    return U_SUCCESS(st) && strcmp(buf, code) != 0;
}
