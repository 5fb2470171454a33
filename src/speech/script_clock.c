/* Clock times and ranges of hours as they are said, language by language
 * (speech/script_clock.h). */
#include "speech/script_clock.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <unicode/upluralrules.h>
#include <unicode/ustring.h>

#include "core/limits.h"
#include "speech/number_words.h"
#include "speech/spoken_words.h"
#include "speech/script_lang.h"

/* Every phrase is put together with snprintf into a bounded buffer; a
 * text longer than its buffer is cut there on purpose (the bundle's own
 * limits keep real texts far below). GCC cannot see that the words are
 * short and warns for each nesting. */
#pragma GCC diagnostic ignored "-Wformat-truncation"

/* The hour as a table language says it, with its noun in the plural
 * form CLDR gives for the number ("devet sati", "dva sata"). */
static void table_hour(const struct lf_spoken_words *w, const char *lang, int h, bool noun,
                       char *buf, size_t size)
{
    if (w->hour_words && h >= 0 && h <= 24)
        snprintf(buf, size, "%s", w->hour_words[h]);
    else
        lf_script_number(lang, w->hour_rules, h, buf, size);
    if (!noun || !w->hour_noun[LF_PLURAL_OTHER])
        return;
    enum lf_plural form = LF_PLURAL_OTHER;
    UErrorCode st = U_ZERO_ERROR;
    char base[LF_MAX_LANG_TAG + 8];
    UPluralRules *pr = uplrules_open(lf_script_icu_locale(lang, base, sizeof(base)), &st);
    UChar kw[16];
    int32_t n = pr ? uplrules_select(pr, (double)h, kw, 16, &st) : 0;
    if (pr)
        uplrules_close(pr);
    char k[16] = "";
    if (U_SUCCESS(st) && n > 0 && n < 16)
        u_austrncpy(k, kw, 15);
    if (strcmp(k, "one") == 0)
        form = LF_PLURAL_ONE;
    else if (strcmp(k, "few") == 0)
        form = LF_PLURAL_FEW;
    else if (strcmp(k, "many") == 0)
        form = LF_PLURAL_MANY;
    const char *word = w->hour_noun[form] ? w->hour_noun[form] : w->hour_noun[LF_PLURAL_OTHER];
    size_t len = strlen(buf);
    snprintf(buf + len, size - len, " %s", word);
}

static void table_clock(const struct lf_spoken_words *w, const char *lang, int h, int m,
                        char *buf, size_t size)
{
    char hw[128], mw[128];
    table_hour(w, lang, h, m == 0, hw, sizeof(hw));
    if (m == 0) {
        snprintf(buf, size, w->clock_h, hw);
        return;
    }
    lf_script_number(lang, w->hour_rules, m, mw, sizeof(mw));
    snprintf(buf, size, w->clock_hm, hw, mw);
}

/* The time of day as said after a preposition or alone:
 * de "neun Uhr dreißig", en "nine thirty in the morning", tr "dokuz otuz",
 * ar "الساعة التاسعة والنصف", fa "ساعت نه و سی دقیقه". uk and ru are
 * said through uk_time / ru_time (case forms). */
void lf_script_clock_words(const char *lang, int h, int m, char *buf, size_t size)
{
    char hw[128] = "", mw[128] = "";
    if (m)
        lf_script_cardinal(lang, m, mw, sizeof(mw));
    switch (lf_script_spoken_lang(lang)) {
    case L_DE:
        lf_script_cardinal(lang, h, hw, sizeof(hw));
        snprintf(buf, size, "%s Uhr%s%s", hw, m ? " " : "", mw);
        break;
    case L_EN: {
        if ((h == 0 || h == 24) && m == 0) {
            snprintf(buf, size, "midnight");
            break;
        }
        if (h == 12 && m == 0) {
            snprintf(buf, size, "noon");
            break;
        }
        int h12 = h % 12 == 0 ? 12 : h % 12;
        lf_script_cardinal(lang, h12, hw, sizeof(hw));
        const char *oh = m > 0 && m < 10 ? "oh " : "";
        /* "a.m." ends a clause for the voice (a pause mid-sentence) */
        snprintf(buf, size, "%s%s%s%s %s", hw, m ? " " : "", oh, mw,
                 h % 24 < 12 ? "in the morning" : h < 18 ? "in the afternoon" : "in the evening");
        break;
    }
    case L_AR: {
        /* as Arabic speakers say it: the hour of twelve as a feminine
         * ordinal, and the part of the day; written with vowel marks,
         * without which the Arabic voice misreads them */
        static const char *const hours_ar[13] = {
            "", "الوَاحِدَة", "الثَّانِيَة", "الثَّالِثَة", "الرَّابِعَة", "الخَامِسَة", "السَّادِسَة",
            "السَّابِعَة", "الثَّامِنَة", "التَّاسِعَة", "العَاشِرَة", "الحَادِيَةَ عَشْرَة",
            "الثَّانِيَةَ عَشْرَة"};
        if ((h == 0 || h == 24) && m == 0) {
            snprintf(buf, size, "مُنْتَصَفِ اللَّيْل");
            break;
        }
        int h12 = h % 12 == 0 ? 12 : h % 12;
        const char *part = h % 24 < 12 ? "صَبَاحًا" : h < 15 ? "ظُهْرًا" : "مَسَاءً";
        if (m == 0)
            snprintf(buf, size, "السَّاعَة %s %s", hours_ar[h12], part);
        else if (m == 30)
            snprintf(buf, size, "السَّاعَة %s وَالنِّصْف %s", hours_ar[h12], part);
        else if (m == 15)
            snprintf(buf, size, "السَّاعَة %s وَالرُّبْع %s", hours_ar[h12], part);
        else
            snprintf(buf, size, "السَّاعَة %s و%d دَقِيقَة %s", hours_ar[h12], m, part);
        break;
    }
    case L_FA:
        lf_script_cardinal(lang, h, hw, sizeof(hw));
        if (m)
            snprintf(buf, size, "ساعت %s و %s دقیقه", hw, mw);
        else
            snprintf(buf, size, "ساعت %s", hw);
        break;
    default:
        if (lf_script_table_words(lang)) {
            table_clock(lf_script_table_words(lang), lang, h, m, buf, size);
            break;
        }
        lf_script_cardinal(lang, h, hw, sizeof(hw));
        snprintf(buf, size, "%s%s%s", hw, m ? " " : "", mw);
        break;
    }
}

/* Ukrainian hours are ordinals: "о девʼятій", "до девʼятої". */
static void uk_time(int h, int m, enum lf_uk_form form, char *buf, size_t size)
{
    char hw[128], mw[128] = "";
    if (h == 0 || h == 24) {
        snprintf(hw, sizeof(hw), "%s", form == LF_UK_FEMININE_LOCATIVE ? "опівночі" : "півночі");
    } else if (!lf_spell_uk_ordinal(h, form, hw, sizeof(hw))) {
        snprintf(hw, sizeof(hw), "%d", h);
    }
    if (m)
        lf_script_cardinal("uk", m, mw, sizeof(mw));
    snprintf(buf, size, "%s%s%s", hw, m ? " " : "", mw);
}

/* Russian: "в девять часов", "с девяти до двенадцати часов". */
static const char *ru_hours_word(int h, bool genitive)
{
    if (genitive)
        return h % 10 == 1 && h != 11 ? "часа" : "часов";
    if (h % 10 == 1 && h != 11)
        return "час";
    if (h % 10 >= 2 && h % 10 <= 4 && (h < 12 || h > 14))
        return "часа";
    return "часов";
}

void lf_script_ru_time(int h, int m, bool genitive, char *buf, size_t size)
{
    char hw[128], mw[128] = "";
    lf_script_number("ru", genitive ? "%spellout-cardinal-masculine-genitive" : "%spellout-cardinal-masculine",
           h, hw, sizeof(hw));
    if (m) {
        lf_script_number("ru", genitive ? "%spellout-cardinal-feminine-genitive" : "%spellout-cardinal-feminine",
               m, mw, sizeof(mw));
        snprintf(buf, size, "%s %s", hw, mw);
    } else {
        snprintf(buf, size, "%s %s", hw, ru_hours_word(h, genitive));
    }
}

/* "von neun bis zwölf Uhr", "from nine in the morning to noon", "saat dokuz ile on
 * iki arası", "من الساعة التاسعة حتى الساعة الثانية عشرة", ... */
void lf_script_say_range(const char *lang, int h1, int m1, int h2, int m2, char *buf, size_t size)
{
    char a[256], b[256];
    const char *pattern; /* the two clock times' frame, "%s" each */
    switch (lf_script_spoken_lang(lang)) {
    case L_DE:
        if (m1 == 0 && m2 == 0) {
            lf_script_cardinal(lang, h1, a, sizeof(a));
            lf_script_cardinal(lang, h2, b, sizeof(b));
            snprintf(buf, size, "von %s bis %s Uhr", a, b);
            return;
        }
        pattern = "von %s bis %s";
        break;
    case L_EN:
        pattern = "from %s to %s";
        break;
    case L_TR:
        pattern = "saat %s ile %s arası";
        break;
    case L_AR:
        pattern = "من %s حتى %s";
        break;
    case L_FA:
        pattern = "از %s تا %s";
        break;
    case L_UK:
        uk_time(h1, m1, LF_UK_FEMININE_GENITIVE, a, sizeof(a));
        uk_time(h2, m2, LF_UK_FEMININE_GENITIVE, b, sizeof(b));
        snprintf(buf, size, "з %s до %s%s", a, b, m2 || h2 % 24 == 0 ? "" : " години");
        return;
    case L_RU:
        lf_script_ru_time(h1, m1, true, a, sizeof(a));
        lf_script_ru_time(h2, m2, true, b, sizeof(b));
        /* "с девяти часов до двенадцати часов": the first "часов" goes */
        if (m1 == 0) {
            char *sp = strrchr(a, ' ');
            if (sp)
                *sp = '\0';
        }
        snprintf(buf, size, "с %s до %s", a, b);
        return;
    case L_OTHER:
    default:
        pattern = lf_script_table_words(lang) ? lf_script_table_words(lang)->range : "%s – %s";
        break;
    }
    lf_script_clock_words(lang, h1, m1, a, sizeof(a));
    lf_script_clock_words(lang, h2, m2, b, sizeof(b));
    snprintf(buf, size, pattern, a, b);
}

/* A table language's fixups on an at or until phrase (speech/spoken_words.h). */
static void apply_fixups(const struct lf_spoken_words *w, char *buf, size_t size)
{
    for (int i = 0; i + 1 < 8 && w->fixups[i]; i += 2) {
        size_t from = strlen(w->fixups[i]), to = strlen(w->fixups[i + 1]);
        char *at = strstr(buf, w->fixups[i]);
        if (!at || (at != buf && at[-1] != ' '))
            continue;
        size_t len = strlen(buf);
        if (len - from + to + 1 > size)
            continue;
        memmove(at + to, at + from, len - (size_t)(at - buf) - from + 1);
        memcpy(at, w->fixups[i + 1], to);
    }
}

/* "um neun Uhr", "at nine in the morning", "saat dokuz", "الساعة التاسعة",
 * "ساعت نه", "о девʼятій", "в девять часов"; with `until`: "bis vierzehn
 * Uhr", "until two in the afternoon", "kapanış saati on dört", ... */
void lf_script_say_clock(const char *lang, int h, int m, bool until, char *buf, size_t size)
{
    char t[256];
    const struct lf_spoken_words *w = lf_script_table_words(lang);
    const char *pattern; /* the clock time's frame, "%s" */
    switch (lf_script_spoken_lang(lang)) {
    case L_DE:
        pattern = until ? "bis %s" : "um %s";
        break;
    case L_EN:
        pattern = until ? "until %s" : "at %s";
        break;
    case L_TR:
        pattern = until ? "kapanış saati %s" : "saat %s";
        break;
    case L_AR:
        pattern = until ? "حتى %s" : "%s";
        break;
    case L_FA:
        pattern = until ? "تا %s" : "%s";
        break;
    case L_UK:
        if (until) {
            uk_time(h, m, LF_UK_FEMININE_GENITIVE, t, sizeof(t));
            snprintf(buf, size, "до %s%s", t, m || h % 24 == 0 ? "" : " години");
        } else {
            uk_time(h, m, LF_UK_FEMININE_LOCATIVE, t, sizeof(t));
            snprintf(buf, size, "%s%s", h % 24 == 0 ? "" : "о ", t);
        }
        return;
    case L_RU:
        lf_script_ru_time(h, m, until, t, sizeof(t));
        snprintf(buf, size, until ? "до %s" : "в %s", t);
        return;
    case L_OTHER:
    default:
        pattern = w ? (until ? w->until : w->at) : "%s";
        break;
    }
    lf_script_clock_words(lang, h, m, t, sizeof(t));
    snprintf(buf, size, pattern, t);
    if (w)
        apply_fixups(w, buf, size);
}

void lf_script_say_at(const char *lang, int h, int m, char *buf, size_t size)
{
    lf_script_say_clock(lang, h, m, false, buf, size);
}

void lf_script_say_until(const char *lang, int h, int m, char *buf, size_t size)
{
    lf_script_say_clock(lang, h, m, true, buf, size);
}
