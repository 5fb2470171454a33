/* The spoken script (speech/script.h). Each language with spoken grammar
 * here has its own way of saying a date, a time and a range of hours;
 * the sentences are written out below, language by language, so a
 * translator reads them as sentences. */
#include "speech/script.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/udat.h>
#include <unicode/udatpg.h>
#include <unicode/ufieldpositer.h>
#include <unicode/uloc.h>
#include <unicode/upluralrules.h>
#include <unicode/ustring.h>

#include "core/civil_time.h"
#include "core/xalloc.h"
#include "layout/phrases.h"
#include "speech/number_words.h"
#include "speech/spoken_words.h"

/* Every phrase is put together with snprintf into a bounded buffer; a
 * text longer than its buffer is cut there on purpose (the bundle's own
 * limits keep real texts far below). GCC cannot see that the words are
 * short and warns for each nesting. */
#pragma GCC diagnostic ignored "-Wformat-truncation"

enum spoken { L_DE, L_EN, L_TR, L_AR, L_FA, L_UK, L_RU, L_OTHER };

static enum spoken spoken_lang(const char *lang)
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
static const char *icu_locale(const char *lang, char *buf, size_t size)
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
static const struct lf_spoken_words *table_words(const char *lang)
{
    return spoken_lang(lang) == L_OTHER ? lf_spoken_words(lang) : NULL;
}

/* The kiosk's word p as said in lang: the phrase table's (or the
 * bundle's), else the speech table's; "" when lang has neither (German
 * never stands in for a spoken word: the sentence is left out). */
static const char *said(const char *lang, enum lf_phrase p)
{
    if (spoken_lang(lang) != L_OTHER || lf_phrase_has(lang, p))
        return lf_phrase(lang, p);
    const struct lf_spoken_words *w = lf_spoken_words(lang);
    return w && w->phrase[p] ? w->phrase[p] : "";
}

/* Whether lang is written in Latin letters (its script, given or CLDR's
 * likely one): other voices read the Latin names of an address in German. */
static bool latin_script(const char *lang)
{
    char full[LF_MAX_LANG_TAG + 24], script[16] = "", loc[LF_MAX_LANG_TAG + 8];
    UErrorCode st = U_ZERO_ERROR;
    uloc_addLikelySubtags(icu_locale(lang, loc, sizeof(loc)), full, sizeof(full), &st);
    if (U_SUCCESS(st))
        uloc_getScript(full, script, sizeof(script), &st);
    return U_FAILURE(st) || strcmp(script, "Latn") == 0 || script[0] == '\0';
}

/* ---- growing text -------------------------------------------------------- */

struct script {
    char *s;
    size_t len, cap;
    bool full;
};

static void put(struct script *sc, const char *text)
{
    size_t n = strlen(text);
    if (sc->full || sc->len + n + 1 > LF_MAX_SCRIPT_BYTES) {
        sc->full = true;
        return;
    }
    if (sc->len + n + 1 > sc->cap) {
        while (sc->len + n + 1 > sc->cap)
            sc->cap = sc->cap ? sc->cap * 2 : 1024;
        sc->s = lf_xrealloc(sc->s, sc->cap);
    }
    memcpy(sc->s + sc->len, text, n + 1);
    sc->len += n;
}

/* Ends with a full stop, question or exclamation mark (any script)? */
static bool ends_sentence(const char *t, size_t n)
{
    static const char *const marks[] = {".", "!", "?", "؟", "…", "。", "।", "።"};
    for (size_t i = 0; i < sizeof(marks) / sizeof(marks[0]); i++) {
        size_t m = strlen(marks[i]);
        if (n >= m && memcmp(t + n - m, marks[i], m) == 0)
            return true;
    }
    return false;
}

/* Marks around words the German voice reads (a German text standing in
 * for a missing translation, a postal address): sentence() turns them
 * into eSpeak NG's SSML <voice xml:lang="de"> ... </voice>. */
#define GERMAN_OPEN "\x01"
#define GERMAN_CLOSE "\x02"

/* One sentence: the text with white space made single, a full stop added
 * when it has none, a space before the next; &, < and > escaped for SSML
 * (the script is read with espeakSSML), other control characters dropped. */
static void sentence(struct script *sc, const char *fmt, ...)
{
    char raw[LF_MAX_STRING_BYTES * 2];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(raw, sizeof(raw), fmt, ap);
    va_end(ap);
    char text[sizeof(raw) + 4];
    size_t o = 0;
    bool space = false;
    for (const char *p = raw; *p; p++) {
        if (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r' ||
            ((unsigned char)*p < 0x20 && *p != GERMAN_OPEN[0] && *p != GERMAN_CLOSE[0])) {
            space = o > 0;
            continue;
        }
        if (space)
            text[o++] = ' ';
        space = false;
        text[o++] = *p;
    }
    /* a label with nothing after it ("Wo: ") loses its colon too */
    while (o > 0 && (text[o - 1] == ':' || text[o - 1] == ',' || text[o - 1] == ' '))
        o--;
    text[o] = '\0';
    if (o == 0)
        return;
    /* the full stop goes inside the German voice's part, if it ends one */
    size_t end = o;
    if (end > 0 && text[end - 1] == GERMAN_CLOSE[0])
        end--;
    bool stop = !ends_sentence(text, end);
    if (sc->len)
        put(sc, " ");
    char piece[8] = "";
    for (size_t i = 0; i < o; i++) {
        if (i == end && stop)
            put(sc, ".");
        switch (text[i]) {
        case '&': put(sc, "&amp;"); break;
        case '<': put(sc, "&lt;"); break;
        case '>': put(sc, "&gt;"); break;
        case '\x01': put(sc, "<voice xml:lang=\"de\">"); break;
        case '\x02': put(sc, "</voice>"); break;
        default:
            /* U+02BC (Ukrainian "пʼять") makes the voice spell the word:
             * the ASCII apostrophe reads as the separation it marks */
            if ((unsigned char)text[i] == 0xCA && i + 1 < o && (unsigned char)text[i + 1] == 0xBC) {
                put(sc, "'");
                i++;
                break;
            }
            piece[0] = text[i];
            piece[1] = '\0';
            put(sc, piece);
        }
    }
    if (end == o && stop)
        put(sc, ".");
}

/* ---- numbers, times and dates ------------------------------------------ */

static void number(const char *lang, const char *ruleset, long n, char *buf, size_t size)
{
    if (!lf_spell_number(lang, ruleset, n, buf, size))
        snprintf(buf, size, "%ld", n);
}

/* A cardinal in the form hours and minutes take. */
static void cardinal(const char *lang, long n, char *buf, size_t size)
{
    switch (spoken_lang(lang)) {
    case L_DE:
        number(lang, "%spellout-cardinal-neuter", n, buf, size); /* "ein Uhr" */
        break;
    case L_AR:
        number(lang, "%spellout-cardinal-feminine", n, buf, size);
        break;
    case L_UK:
        number(lang, "%spellout-cardinal-feminine", n, buf, size);
        break;
    case L_RU:
        number(lang, "%spellout-cardinal-feminine", n, buf, size);
        break;
    default:
        number(lang, "%spellout-cardinal", n, buf, size);
        break;
    }
}

static const char *const uk_weekday_gen[7] = {"понеділка", "вівторка", "середи", "четверга",
                                              "пʼятниці", "суботи", "неділі"};
static const char *const uk_weekday_acc[7] = {"понеділок", "вівторок", "середу", "четвер",
                                              "пʼятницю", "суботу", "неділю"};
static const char *const ru_weekday_gen[7] = {"понедельника", "вторника", "среды", "четверга",
                                              "пятницы", "субботы", "воскресенья"};
static const char *const ru_weekday_acc[7] = {"понедельник", "вторник", "среду", "четверг",
                                              "пятницу", "субботу", "воскресенье"};

/* Formats t with an ICU pattern in lang, Europe/Berlin. */
static bool icu_pattern(const char *lang, const char *pattern, time_t t, char *buf, size_t size)
{
    UErrorCode st = U_ZERO_ERROR;
    UChar pat[64], tz[] = u"Europe/Berlin", out[256];
    u_uastrncpy(pat, pattern, 63);
    pat[63] = 0;
    char loc[LF_MAX_LANG_TAG + 40], base[LF_MAX_LANG_TAG + 8];
    snprintf(loc, sizeof(loc), "%s@calendar=gregorian;numbers=latn",
             icu_locale(lang, base, sizeof(base)));
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
static void weekday_name(const char *lang, int wd, char *buf, size_t size)
{
    time_t monday = lf_local_make(2024, 1, 1, 12, 0); /* a Monday */
    if (!icu_pattern(lang, "EEEE", monday + (time_t)wd * 86400, buf, size))
        lf_format_date(lang, monday + (time_t)wd * 86400, LF_DATE_WEEKDAY, buf, size);
}

/* The month's name as it stands after a day number ("Dezember", "грудня",
 * "Aralık"), from CLDR: "d MMMM" without the day. */
static void month_after_day(const char *lang, time_t t, char *buf, size_t size)
{
    char dm[256];
    if (!icu_pattern(lang, "d MMMM", t, dm, sizeof(dm))) {
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

/* The hour as a table language says it, with its noun in the plural
 * form CLDR gives for the number ("devet sati", "dva sata"). */
static void table_hour(const struct lf_spoken_words *w, const char *lang, int h, bool noun,
                       char *buf, size_t size)
{
    if (w->hour_words && h >= 0 && h <= 24)
        snprintf(buf, size, "%s", w->hour_words[h]);
    else
        number(lang, w->hour_rules, h, buf, size);
    if (!noun || !w->hour_noun[LF_PLURAL_OTHER])
        return;
    enum lf_plural form = LF_PLURAL_OTHER;
    UErrorCode st = U_ZERO_ERROR;
    char base[LF_MAX_LANG_TAG + 8];
    UPluralRules *pr = uplrules_open(icu_locale(lang, base, sizeof(base)), &st);
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
    number(lang, w->hour_rules, m, mw, sizeof(mw));
    snprintf(buf, size, w->clock_hm, hw, mw);
}

/* The time of day as said after a preposition or alone:
 * de "neun Uhr dreißig", en "nine thirty in the morning", tr "dokuz otuz",
 * ar "الساعة التاسعة والنصف", fa "ساعت نه و سی دقیقه". uk and ru are
 * said through uk_time / ru_time (case forms). */
static void clock_words(const char *lang, int h, int m, char *buf, size_t size)
{
    char hw[128] = "", mw[128] = "";
    if (m)
        cardinal(lang, m, mw, sizeof(mw));
    switch (spoken_lang(lang)) {
    case L_DE:
        cardinal(lang, h, hw, sizeof(hw));
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
        cardinal(lang, h12, hw, sizeof(hw));
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
        cardinal(lang, h, hw, sizeof(hw));
        if (m)
            snprintf(buf, size, "ساعت %s و %s دقیقه", hw, mw);
        else
            snprintf(buf, size, "ساعت %s", hw);
        break;
    default:
        if (table_words(lang)) {
            table_clock(table_words(lang), lang, h, m, buf, size);
            break;
        }
        cardinal(lang, h, hw, sizeof(hw));
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
        cardinal("uk", m, mw, sizeof(mw));
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

static void ru_time(int h, int m, bool genitive, char *buf, size_t size)
{
    char hw[128], mw[128] = "";
    number("ru", genitive ? "%spellout-cardinal-masculine-genitive" : "%spellout-cardinal-masculine",
           h, hw, sizeof(hw));
    if (m) {
        number("ru", genitive ? "%spellout-cardinal-feminine-genitive" : "%spellout-cardinal-feminine",
               m, mw, sizeof(mw));
        snprintf(buf, size, "%s %s", hw, mw);
    } else {
        snprintf(buf, size, "%s %s", hw, ru_hours_word(h, genitive));
    }
}

/* "von neun bis zwölf Uhr", "from nine in the morning to noon", "saat dokuz ile on
 * iki arası", "من الساعة التاسعة حتى الساعة الثانية عشرة", ... */
static void say_range(const char *lang, int h1, int m1, int h2, int m2, char *buf, size_t size)
{
    char a[256], b[256];
    const char *pattern; /* the two clock times' frame, "%s" each */
    switch (spoken_lang(lang)) {
    case L_DE:
        if (m1 == 0 && m2 == 0) {
            cardinal(lang, h1, a, sizeof(a));
            cardinal(lang, h2, b, sizeof(b));
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
        ru_time(h1, m1, true, a, sizeof(a));
        ru_time(h2, m2, true, b, sizeof(b));
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
        pattern = table_words(lang) ? table_words(lang)->range : "%s – %s";
        break;
    }
    clock_words(lang, h1, m1, a, sizeof(a));
    clock_words(lang, h2, m2, b, sizeof(b));
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
static void say_clock(const char *lang, int h, int m, bool until, char *buf, size_t size)
{
    char t[256];
    const struct lf_spoken_words *w = table_words(lang);
    const char *pattern; /* the clock time's frame, "%s" */
    switch (spoken_lang(lang)) {
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
        ru_time(h, m, until, t, sizeof(t));
        snprintf(buf, size, until ? "до %s" : "в %s", t);
        return;
    case L_OTHER:
    default:
        pattern = w ? (until ? w->until : w->at) : "%s";
        break;
    }
    clock_words(lang, h, m, t, sizeof(t));
    snprintf(buf, size, pattern, t);
    if (w)
        apply_fixups(w, buf, size);
}

static void say_at(const char *lang, int h, int m, char *buf, size_t size)
{
    say_clock(lang, h, m, false, buf, size);
}

static void say_until(const char *lang, int h, int m, char *buf, size_t size)
{
    say_clock(lang, h, m, true, buf, size);
}

/* The words for the number in field `field` of a date, as a table
 * language says it there; false: leave ICU's text. */
static bool date_field_words(const struct lf_spoken_words *w, const char *lang, int field,
                             const UChar *text, int32_t n, char *buf, size_t size)
{
    long v = 0;
    bool digits_only = n > 0;
    for (int32_t i = 0; i < n; i++) {
        if (text[i] < '0' || text[i] > '9') {
            digits_only = false;
            break;
        }
        v = v * 10 + (text[i] - '0');
        if (v > 100000)
            return false;
    }
    if (!digits_only && (field == UDAT_MONTH_FIELD || field == UDAT_STANDALONE_MONTH_FIELD)) {
        /* a month named by its number ("tháng 12"): the number in words */
        char utf8[256];
        UErrorCode st = U_ZERO_ERROR;
        u_strToUTF8(utf8, sizeof(utf8), NULL, text, n, &st);
        if (U_FAILURE(st))
            return false;
        size_t o = 0;
        bool changed = false;
        for (const char *p = utf8; *p && o + 1 < size;) {
            if (*p >= '0' && *p <= '9') {
                long m = 0;
                while (*p >= '0' && *p <= '9' && m < 1000)
                    m = m * 10 + (*p++ - '0');
                char words[128];
                if (!lf_spell_number(lang, w->hour_rules, m, words, sizeof(words)))
                    return false;
                int wl = snprintf(buf + o, size - o, "%s", words);
                if (wl < 0 || (size_t)wl >= size - o)
                    return false;
                o += (size_t)wl;
                changed = true;
                continue;
            }
            buf[o++] = *p++;
        }
        buf[o] = '\0';
        return changed;
    }
    if (!digits_only)
        return false; /* a month's name */
    switch (field) {
    case UDAT_DATE_FIELD:
        if (w->day_words && v >= 1 && v <= 31) {
            snprintf(buf, size, "%s", w->day_words[v]);
            return true;
        }
        if (v == 1 && w->first_day) {
            snprintf(buf, size, "%s", w->first_day);
            return true;
        }
        return lf_spell_number(lang, w->day_rules, v, buf, size);
    case UDAT_YEAR_FIELD:
        return lf_spell_number(lang, "%spellout-numbering-year", v, buf, size);
    case UDAT_MONTH_FIELD:
    case UDAT_STANDALONE_MONTH_FIELD:
        return lf_spell_number(lang, w->hour_rules, v, buf, size);
    default:
        return false;
    }
}

struct date_field {
    int32_t begin, end;
    int field;
};

/* Weekday, day and month (and the year) in ICU's best order for lang;
 * in a table language the numbers in words ("mercredi neuf décembre",
 * "środa, dziewiątego grudnia": the day's dot goes with its digits). */
static bool icu_date(const char *lang, time_t t, bool with_year, char *buf, size_t size)
{
    UErrorCode st = U_ZERO_ERROR;
    char base[LF_MAX_LANG_TAG + 8];
    icu_locale(lang, base, sizeof(base));
    UDateTimePatternGenerator *g = udatpg_open(base, &st);
    UChar skel[16], pat[64], out[256];
    u_uastrcpy(skel, with_year ? "EEEEdMMMMy" : "EEEEdMMMM");
    int32_t pl = g ? udatpg_getBestPattern(g, skel, -1, pat, 64, &st) : 0;
    if (g)
        udatpg_close(g);
    UChar tz[] = u"Europe/Berlin";
    char loc[LF_MAX_LANG_TAG + 40];
    snprintf(loc, sizeof(loc), "%s@calendar=gregorian;numbers=latn", base);
    UDateFormat *df =
        U_SUCCESS(st) ? udat_open(UDAT_PATTERN, UDAT_PATTERN, loc, tz, -1, pat, pl, &st) : NULL;
    UFieldPositionIterator *fields = U_SUCCESS(st) ? ufieldpositer_open(&st) : NULL;
    int32_t n = df && fields ? udat_formatForFields(df, (UDate)t * 1000.0, out, 256, fields, &st)
                             : 0;
    if (df)
        udat_close(df);
    bool ok = U_SUCCESS(st) && n > 0 && n < 256;
    const struct lf_spoken_words *w = table_words(lang);
    /* the pieces: ICU's text with the numbers of the fields put in words */
    size_t o = 0;
    int32_t at = 0;
    buf[0] = '\0';
    int32_t begin, end;
    int field;
    struct date_field found[16];
    int nf = 0;
    while (ok && w && fields && nf < 16 && (field = ufieldpositer_next(fields, &begin, &end)) >= 0)
        found[nf++] = (struct date_field){begin, end, field};
    if (fields)
        ufieldpositer_close(fields);
    if (!ok)
        return false;
    /* fields come in no promised order */
    for (int i = 1; i < nf; i++)
        for (int j = i; j > 0 && found[j].begin < found[j - 1].begin; j--) {
            struct date_field x = found[j];
            found[j] = found[j - 1];
            found[j - 1] = x;
        }
    for (int i = 0; i <= nf && o + 1 < size; i++) {
        int32_t stop = i < nf ? found[i].begin : n;
        if (stop > at) {
            int32_t len = 0;
            u_strToUTF8(buf + o, (int32_t)(size - o), &len, out + at, stop - at, &st);
            if (U_FAILURE(st) || (size_t)len >= size - o)
                break;
            o += (size_t)len;
            at = stop;
        }
        if (i == nf || found[i].begin < at)
            continue;
        char words[256];
        if (!date_field_words(w, lang, found[i].field, out + found[i].begin,
                              found[i].end - found[i].begin, words, sizeof(words)))
            continue; /* ICU's own text follows with the next piece */
        int wl = snprintf(buf + o, size - o, "%s", words);
        if (wl < 0 || (size_t)wl >= size - o)
            break;
        o += (size_t)wl;
        at = found[i].end;
        /* "9." and "2026." are ordinals written, "2026 г." a year
         * abbreviated; said, each is the word alone */
        if ((found[i].field == UDAT_DATE_FIELD || found[i].field == UDAT_YEAR_FIELD) &&
            at < n && out[at] == '.')
            at++;
        else if (found[i].field == UDAT_YEAR_FIELD && at + 2 < n &&
                 (out[at] == ' ' || out[at] == 0xA0 || out[at] == 0x202F) &&
                 out[at + 1] == 0x0433 && out[at + 2] == '.')
            at += 3;
    }
    buf[o] = '\0';
    return U_SUCCESS(st) && o > 0;
}

/* The date in words, "Mittwoch, neunter Dezember" (the year is said when
 * it is not the year of `now`). Other languages: ICU's own wording. */
void lf_speech_say_date(const char *lang, time_t t, time_t now, char *buf, size_t size)
{
    struct tm tm, tn;
    lf_local_time(t, &tm);
    lf_local_time(now, &tn);
    int wd = lf_weekday_mon0(&tm), day = tm.tm_mday;
    char wname[64], month[64], dw[128], year[160] = "";
    enum spoken L = spoken_lang(lang);
    if (L == L_OTHER) {
        if (!icu_date(lang, t, tm.tm_year != tn.tm_year, buf, size))
            lf_format_date(lang, t, LF_DATE_LONG, buf, size);
        return;
    }
    weekday_name(lang, wd, wname, sizeof(wname));
    month_after_day(lang, t, month, sizeof(month));
    if (tm.tm_year != tn.tm_year) {
        char yw[128];
        int y = tm.tm_year + 1900;
        if (L == L_DE || L == L_EN)
            number(lang, "%spellout-numbering-year", y, yw, sizeof(yw));
        /* "2027 року" was read "дві тисячі двадцять сім року": the year
         * is an ordinal in the genitive, "двадцять сьомого року" */
        else if (L == L_UK && y > 2000 && y <= 2031 &&
                 lf_spell_uk_ordinal(y - 2000, LF_UK_NEUTER_GENITIVE, dw, sizeof(dw)))
            snprintf(yw, sizeof(yw), "дві тисячі %s", dw);
        else if (L == L_RU && y > 2000 && y < 2100)
            number(lang, "%spellout-ordinal-neuter-genitive", y, yw, sizeof(yw));
        else
            snprintf(yw, sizeof(yw), "%d", tm.tm_year + 1900);
        snprintf(year, sizeof(year), L == L_UK ? " %s року" : L == L_RU ? " %s года" : " %s", yw);
    }
    switch (L) {
    case L_DE:
        number(lang, "%spellout-ordinal-r", day, dw, sizeof(dw)); /* "neunter" */
        snprintf(buf, size, "%s, %s %s%s", wname, dw, month, year);
        break;
    case L_EN:
        number(lang, "%spellout-ordinal", day, dw, sizeof(dw));
        snprintf(buf, size, "%s, the %s of %s%s", wname, dw, month, year);
        break;
    case L_TR:
        number(lang, "%spellout-cardinal", day, dw, sizeof(dw));
        snprintf(buf, size, "%s %s%s %s", dw, month, year, wname);
        break;
    case L_AR:
        number(lang, "%spellout-ordinal-masculine", day, dw, sizeof(dw));
        snprintf(buf, size, "%s، %s من %s%s", wname, dw, month, year);
        break;
    case L_FA: {
        /* Persian ordinals: the cardinal and "م" (سه: سوم, سی: سی‌ام) */
        number(lang, "%spellout-cardinal", day, dw, sizeof(dw));
        size_t n = strlen(dw);
        if (n >= strlen("سه") && strcmp(dw + n - strlen("سه"), "سه") == 0)
            snprintf(dw + n - strlen("سه"), sizeof(dw) - (n - strlen("سه")), "سوم");
        else if (n >= strlen("سی") && strcmp(dw + n - strlen("سی"), "سی") == 0)
            snprintf(dw + n, sizeof(dw) - n, "‌ام");
        else
            snprintf(dw + n, sizeof(dw) - n, "م");
        snprintf(buf, size, "%s، %s %s%s", wname, dw, month, year);
        break;
    }
    case L_UK:
        if (!lf_spell_uk_ordinal(day, LF_UK_NEUTER_GENITIVE, dw, sizeof(dw)))
            snprintf(dw, sizeof(dw), "%d", day);
        snprintf(buf, size, "%s, %s %s%s", wname, dw, month, year);
        break;
    case L_RU:
        number(lang, "%spellout-ordinal-neuter-genitive", day, dw, sizeof(dw));
        snprintf(buf, size, "%s, %s %s%s", wname, dw, month, year);
        break;
    case L_OTHER:
        break;
    }
}

/* "Heute, " / "Morgen, " before a date that is today or tomorrow. */
static const char *day_word(const char *lang, time_t t, time_t now)
{
    struct tm a, b;
    lf_local_time(t, &a);
    lf_local_time(now, &b);
    if (!said(lang, LF_P_TODAY)[0] || !said(lang, LF_P_TOMORROW)[0])
        return NULL; /* German does not stand in for a spoken word */
    if (a.tm_year == b.tm_year && a.tm_yday == b.tm_yday)
        return said(lang, LF_P_TODAY);
    time_t tomorrow = lf_local_make(b.tm_year + 1900, b.tm_mon + 1, b.tm_mday, 12, 0) + 86400;
    struct tm c;
    lf_local_time(tomorrow, &c);
    if (a.tm_year == c.tm_year && a.tm_yday == c.tm_yday)
        return said(lang, LF_P_TOMORROW);
    return NULL;
}

/* When an event is: "Mittwoch, neunter Dezember, von siebzehn bis
 * neunzehn Uhr", or from one day to another. */
static void say_when(const char *lang, time_t start, time_t end, bool days, time_t now,
                     char *buf, size_t size)
{
    struct tm a, b;
    lf_local_time(start, &a);
    lf_local_time(end, &b);
    enum spoken L = spoken_lang(lang);
    const char *comma = lf_list_comma(lang);
    char d1[256], d2[256], range[512];
    lf_speech_say_date(lang, start, now, d1, sizeof(d1));
    const char *dw = L == L_OTHER && !table_words(lang) ? NULL : day_word(lang, start, now);
    char day1[320];
    if (dw && L == L_TR)
        snprintf(day1, sizeof(day1), "%s, %s", dw, d1);
    else if (dw)
        snprintf(day1, sizeof(day1), "%s%s%s", dw, comma, d1);
    else
        snprintf(day1, sizeof(day1), "%s", d1);
    if (days) {
        /* whole days, as the screen shows them: "ganztägig", or the first
         * and the last day (the end is the midnight after it), never
         * "null Uhr" */
        time_t last = end > start ? end - 1 : start;
        struct tm l;
        lf_local_time(last, &l);
        if (l.tm_year == a.tm_year && l.tm_yday == a.tm_yday) {
            const char *all_day = said(lang, LF_P_ALL_DAY);
            snprintf(buf, size, "%s%s%s", day1, all_day[0] ? comma : "", all_day);
            return;
        }
        static const char *const day_frames[] = {
            [L_DE] = "Von %s, bis %s",
            [L_EN] = "From %s, to %s",
            [L_TR] = "%s ile %s arası",
            [L_AR] = "من %s، حتى %s",
            [L_FA] = "از %s، تا %s",
            [L_UK] = "Початок: %s. Кінець: %s",
            [L_RU] = "Начало: %s. Окончание: %s",
            [L_OTHER] = "%s – %s",
        };
        lf_speech_say_date(lang, last, now, d2, sizeof(d2));
        snprintf(buf, size, day_frames[L], day1, d2);
        return;
    }
    bool same_day = a.tm_year == b.tm_year && a.tm_yday == b.tm_yday;
    bool ends_midnight = end - start < 86400 && b.tm_hour == 0 && b.tm_min == 0;
    if (same_day || ends_midnight) {
        say_range(lang, a.tm_hour, a.tm_min, ends_midnight && !same_day ? 24 : b.tm_hour,
                  b.tm_min, range, sizeof(range));
        snprintf(buf, size, "%s%s%s", day1, comma, range);
        return;
    }
    lf_speech_say_date(lang, end, now, d2, sizeof(d2));
    /* Ukrainian, Russian and the table's languages say "at" with the hour
     * (in its case); the others the clock time */
    char t1[256], t2[256];
    if (L == L_UK || L == L_RU || table_words(lang)) {
        say_at(lang, a.tm_hour, a.tm_min, t1, sizeof(t1));
        say_at(lang, b.tm_hour, b.tm_min, t2, sizeof(t2));
    } else {
        clock_words(lang, a.tm_hour, a.tm_min, t1, sizeof(t1));
        clock_words(lang, b.tm_hour, b.tm_min, t2, sizeof(t2));
    }
    /* the frame of the two days and times, "%s" each */
    static const char *const frames[] = {
        [L_DE] = "Von %s, %s, bis %s, %s",
        [L_EN] = "From %s, %s, to %s, %s",
        [L_TR] = "%s saat %s ile %s saat %s arası",
        [L_AR] = "من %s، %s، حتى %s، %s",
        [L_FA] = "از %s، %s، تا %s، %s",
        [L_UK] = "Початок: %s, %s. Кінець: %s, %s",
        [L_RU] = "Начало: %s, %s. Окончание: %s, %s",
        [L_OTHER] = "%s, %s – %s, %s",
    };
    const char *frame = L == L_OTHER && table_words(lang) ? table_words(lang)->span : frames[L];
    snprintf(buf, size, frame, day1, t1, d2, t2);
}

/* ---- phone numbers and addresses ---------------------------------------- */

/* Digit groups as written ("0251 492-7077" -> three groups); a group of
 * more than four digits is said in threes with the rest at the end. A
 * leading "+" is said ("plus"). Groups are separated by commas: a pause. */
void lf_speech_say_phone(const char *lang, const char *phone, char *buf, size_t size)
{
    size_t o = 0;
    buf[0] = '\0';
    const char *comma = lf_list_comma(lang);
    const char *p = phone;
    while (*p == ' ')
        p++;
    if (*p == '+') {
        static const char *const plus[] = {"plus", "plus", "artı", "زائد", "به‌علاوه", "плюс",
                                           "плюс", "+"};
        const struct lf_spoken_words *w = table_words(lang);
        o += (size_t)snprintf(buf, size, "%s ", w ? w->plus : plus[spoken_lang(lang)]);
        p++;
    }
    while (*p && o + 1 < size) {
        if (*p < '0' || *p > '9') {
            p++;
            continue;
        }
        size_t n = 0;
        while (p[n] >= '0' && p[n] <= '9')
            n++;
        size_t at = 0;
        while (at < n) {
            size_t chunk = n - at <= 4 ? n - at : 3;
            char words[512];
            lf_spell_digits(lang, p + at, chunk, words, sizeof(words));
            int w = snprintf(buf + o, size - o, "%s%s", o && buf[o - 1] != ' ' ? comma : "",
                             words);
            if (w < 0 || (size_t)w >= size - o)
                return;
            o += (size_t)w;
            at += chunk;
        }
        p += n;
    }
}

/* A postal code (five digits) is said digit by digit; the rest as written. */
void lf_speech_say_address(const char *lang, const char *address, char *buf, size_t size)
{
    size_t o = 0;
    buf[0] = '\0';
    for (const char *p = address; *p && o + 1 < size;) {
        size_t n = 0;
        while (p[n] >= '0' && p[n] <= '9')
            n++;
        bool alone = (p == address || !(p[-1] >= '0' && p[-1] <= '9'));
        if (n == 5 && alone) {
            char words[512];
            lf_spell_digits(lang, p, n, words, sizeof(words));
            int w = snprintf(buf + o, size - o, "%s", words);
            if (w < 0 || (size_t)w >= size - o)
                return;
            o += (size_t)w;
            p += n;
            continue;
        }
        /* house numbers from ... to ("Domplatz 1-3"): "1 bis 3" in German */
        if (n && n <= 4 && alone && p[n] == '-' && p[n + 1] >= '1' && p[n + 1] <= '9' &&
            spoken_lang(lang) == L_DE) {
            size_t k = 1;
            while (p[n + k] >= '0' && p[n + k] <= '9')
                k++;
            if (k - 1 <= 4 && strtol(p, NULL, 10) < strtol(p + n + 1, NULL, 10)) {
                int w = snprintf(buf + o, size - o, "%.*s bis %.*s", (int)n, p, (int)(k - 1),
                                 p + n + 1);
                if (w < 0 || (size_t)w >= size - o)
                    return;
                o += (size_t)w;
                p += n + k;
                continue;
            }
        }
        size_t step = n ? n : 1;
        if (o + step + 1 > size)
            return;
        memcpy(buf + o, p, step);
        o += step;
        buf[o] = '\0';
        p += step;
    }
}

/* The part of a web address that is said: its host, without "https://",
 * a user name, the port, the path, the query and the fragment. A
 * listener remembers "www Punkt stadt-muenster Punkt de" and finds the
 * rest there (or through the QR code); a path of 300 characters read out
 * letter by letter helps nobody. An e-mail address (no "http(s)://",
 * an "@" before any "/") is kept whole. *len receives the length said. */
static const char *spoken_address_part(const char *addr, size_t *len)
{
    const char *p = addr;
    bool web = false;
    if (strncmp(p, "https://", 8) == 0) {
        p += 8;
        web = true;
    } else if (strncmp(p, "http://", 7) == 0) {
        p += 7;
        web = true;
    } else if (strncmp(p, "mailto:", 7) == 0) {
        p += 7;
    }
    size_t end = strcspn(p, "/?#");
    const char *at = memchr(p, '@', end);
    if (!web && at) { /* an e-mail address */
        *len = strlen(p);
        return p;
    }
    if (at) /* "https://user@host/": the user is not said */
        p = at + 1;
    end = strcspn(p, "/?#");
    /* a port (":8443") is not said; an IPv6 literal ("[::1]") stays whole */
    const char *colon = *p == '[' ? NULL : memchr(p, ':', end);
    *len = colon ? (size_t)(colon - p) : end;
    return p;
}

/* "info ät ki-muenster Punkt de", "www Punkt stadt-muenster Punkt de"
 * (a web address by its host alone: spoken_address_part). */
static void say_address_online(const char *lang, const char *addr, char *buf, size_t size)
{
    static const char *const at[] = {"ät", "at", "et", "آت", "اَت", "равлик", "собака", "@"};
    static const char *const dot[] = {"Punkt", "dot", "nokta", "نقطة", "نقطه", "крапка", "точка",
                                      "."};
    static const char *const slash[] = {"Schrägstrich", "slash", "eğik çizgi", "شرطة مائلة",
                                        "اسلش", "скісна риска", "слэш", "/"};
    enum spoken L = spoken_lang(lang);
    const struct lf_spoken_words *tw = table_words(lang);
    size_t said;
    const char *p = spoken_address_part(addr, &said);
    const char *end = p + said;
    /* voices for other scripts read Latin letters as English: the names
     * in a German address are read by the German voice */
    bool latin_apart = L == L_AR || L == L_FA || L == L_UK || L == L_RU ||
                       (tw && !latin_script(lang));
    bool in_name = false;
    size_t o = 0;
    buf[0] = '\0';
    for (; p < end && o + 8 < size; p++) {
        bool separator = *p == '@' || *p == '.' || *p == '/';
        if (latin_apart && separator == in_name) {
            buf[o++] = in_name ? GERMAN_CLOSE[0] : GERMAN_OPEN[0];
            buf[o] = '\0';
            in_name = !in_name;
        }
        const char *word = NULL;
        if (*p == '@')
            word = tw ? tw->at_sign : at[L];
        else if (*p == '.')
            word = tw ? tw->dot : dot[L];
        else if (*p == '/' && p + 1 < end)
            word = tw ? tw->slash : slash[L];
        else if (*p == '/')
            continue; /* a trailing slash is not said */
        int w = word ? snprintf(buf + o, size - o, " %s ", word)
                     : snprintf(buf + o, size - o, "%c", *p);
        if (w < 0 || (size_t)w >= size - o)
            return;
        o += (size_t)w;
    }
    if (in_name && o + 1 < size) {
        buf[o++] = GERMAN_CLOSE[0];
        buf[o] = '\0';
    }
}

/* ---- the parts of an item ----------------------------------------------- */

#define TEXT_SLOTS 4

struct speaker {
    struct script sc;
    const char *lang;
    time_t now;
    bool clock_unknown;
    enum spoken L;
    char slots[TEXT_SLOTS][LF_MAX_STRING_BYTES * 2 + 8];
    int next_slot;
    bool german_said; /* "This text is only in German" said on this page */
};

/* Said in the visitor's language before the first text the page reads
 * in German for want of a translation (the screen's "in German" chip):
 * the listener knows why the voice changes. */
static const char *only_german(const char *lang)
{
    static const char *const said[] = {
        NULL,                                         /* de */
        "This text is only available in German.",     /* en */
        "Bu metin yalnızca Almanca.",                 /* tr */
        "هذا النص متوفر باللغة الألمانية فقط.",       /* ar */
        "این متن فقط به زبان آلمانی است.",             /* fa */
        "Цей текст є лише німецькою мовою.",          /* uk */
        "Этот текст есть только на немецком языке.",  /* ru */
    };
    enum spoken L = spoken_lang(lang);
    if (L != L_OTHER)
        return said[L];
    const struct lf_spoken_words *w = lf_spoken_words(lang);
    if (w)
        return w->only_german;
    /* the chip's words ("in German") where the language has them */
    return lf_phrase_has(lang, LF_P_IN_GERMAN) ? lf_phrase(lang, LF_P_IN_GERMAN) : NULL;
}

/* Phone numbers written in a text ("Tel. 02361 53-3808", "+49 (0) 251 /
 * 492-70 77"): a run of digits that starts with 0 or + and holds at
 * least six digits, with spaces, '-', '/' or "(0)" between groups, is
 * said as a phone number. */
static size_t phone_run(const char *p)
{
    if (!(*p == '0' || (*p == '+' && p[1] >= '1' && p[1] <= '9')))
        return 0;
    size_t n = 0, digits = 0;
    if (*p == '+')
        n++;
    while (p[n]) {
        if (p[n] >= '0' && p[n] <= '9') {
            digits++;
            n++;
            continue;
        }
        /* a short run of separators with a digit after it */
        size_t k = 0;
        while (k < 4 && p[n + k] && strchr(" -/()", p[n + k]))
            k++;
        if (k == 0 || !(p[n + k] >= '0' && p[n + k] <= '9'))
            break;
        n += k;
    }
    return digits >= 6 ? n : 0;
}

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* A Latin letter (ASCII, Latin-1 and Latin Extended-A/B, not × ÷) at p:
 * its length in bytes, else 0. */
static size_t latin_letter(const char *p)
{
    unsigned char c = (unsigned char)p[0];
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))
        return 1;
    if (c < 0xC3 || c > 0xC9)
        return 0; /* p may be the string's end: no byte after it is read */
    unsigned char d = (unsigned char)p[1];
    if (c >= 0xC3 && c <= 0xC9 && d >= 0x80 && d <= 0xBF && !(c == 0xC3 && (d == 0x97 || d == 0xB7)))
        return 2;
    return 0;
}

/* A capital letter at p: A-Z, or one of the Latin capitals with marks
 * German and Turkish write (Ä Ö Ü Ç Ğ İ Ş ...). */
static bool capital_at(const char *p)
{
    unsigned char c = (unsigned char)p[0];
    if (c >= 'A' && c <= 'Z')
        return true;
    if (c < 0xC3 || c > 0xC5)
        return false; /* p may be the string's end: no byte after it is read */
    unsigned char d = (unsigned char)p[1];
    if (c == 0xC3 && d >= 0x80 && d <= 0x9E && d != 0x97)
        return true; /* U+00C0-U+00DE */
    return (c == 0xC4 && (d == 0x9E || d == 0xB0)) || (c == 0xC5 && d == 0x9E); /* Ğ İ Ş */
}

/* Starts a word at p (what stands before it is no letter or digit)? */
static bool word_start(const char *in, const char *p)
{
    if (p == in)
        return true;
    char c = p[-1];
    return !(is_digit(c) || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
             (unsigned char)c >= 0x80);
}

/* One of the n words ends just before p (spaces between allowed) and
 * starts a word there. */
static bool one_of_words_before(const char *in, const char *p, const char *const *words, size_t n)
{
    const char *e = p;
    while (e > in && e[-1] == ' ')
        e--;
    for (size_t i = 0; i < n; i++) {
        size_t l = strlen(words[i]);
        if ((size_t)(e - in) >= l && strncmp(e - l, words[i], l) == 0 && word_start(in, e - l))
            return true;
    }
    return false;
}

/* Abbreviations as they are said, for texts read in German or English
 * ("z.B." would be spelled "zet be", "Tel." read as "Tel"). */
struct abbreviation {
    const char *written, *said;
    bool ends; /* may end a sentence ("usw.", "vb."): its dot is the full stop too
                  before a capital letter, a line break or the end */
};
static const struct abbreviation de_abbreviations[] = {
    {"z.B.", "zum Beispiel", false}, {"z. B.", "zum Beispiel", false},
    {"u.a.", "unter anderem", false}, {"u. a.", "unter anderem", false},
    {"d.h.", "das heißt", false}, {"d. h.", "das heißt", false},
    {"bzw.", "beziehungsweise", false}, {"ca.", "circa", false}, {"Tel.", "Telefon", false},
    {"Nr.", "Nummer", false}, {"ggf.", "gegebenenfalls", false}, {"evtl.", "eventuell", false},
    {"usw.", "und so weiter", true}, {"inkl.", "inklusive", false}, {"Str.", "Straße", false},
    {"Std.", "Stunden", false}, {"Dr.", "Doktor", false}, {"Prof.", "Professor", false},
    {"vgl.", "vergleiche", false}, {"Vgl.", "Vergleiche", false},
    {"e. V.", "eingetragener Verein", true}, {"e.V.", "eingetragener Verein", true},
    {"bspw.", "beispielsweise", false}, {"zzgl.", "zuzüglich", false},
    {"u. U.", "unter Umständen", false}, {"o. ä.", "oder Ähnliches", true},
    {"o. Ä.", "oder Ähnliches", true}, {"etc.", "et cetera", true}, {"Hr.", "Herr", false},
    {"Abt.", "Abteilung", false}, {"Mio.", "Millionen", false}, {"Mrd.", "Milliarden", false},
    {"tgl.", "täglich", false}, {"i. d. R.", "in der Regel", false},
    {"i.d.R.", "in der Regel", false}, {"z. Hd.", "zu Händen", false},
    {"Tel.-Nr.", "Telefonnummer", false}, {"Tsd.", "Tausend", false},
    /* floors, as letters the voice spelled ("o ge") */
    {"EG", "Erdgeschoss", false}, {"OG", "Obergeschoss", false}, {"UG", "Untergeschoss", false},
    {NULL, NULL, false}};
/* Turkish: the street words of an address ("Atatürk Cad. No: 5"), titles
 * and the short forms of running text; "No:" and "Tel:" lose their colon
 * to the word ("numara beş"). The voice read "Cad" as a syllable, "vb" as
 * letters and "Sk" as "es ka". */
static const struct abbreviation tr_abbreviations[] = {
    {"Cad.", "Caddesi", false}, {"Cd.", "Caddesi", false}, {"Sok.", "Sokağı", false},
    {"Sk.", "Sokağı", false}, {"Mah.", "Mahallesi", false}, {"Mh.", "Mahallesi", false},
    {"Bulv.", "Bulvarı", false}, {"Blv.", "Bulvarı", false}, {"Apt.", "Apartmanı", false},
    {"No.", "numara", false}, {"No:", "numara", false}, {"Tel.", "Telefon", false},
    {"Tel:", "Telefon:", false}, {"vb.", "ve benzeri", true}, {"vs.", "vesaire", true},
    {"vd.", "ve diğerleri", true}, {"örn.", "örneğin", false}, {"Örn.", "Örneğin", false},
    {"bkz.", "bakınız", false}, {"Bkz.", "Bakınız", false}, {"Dr.", "Doktor", false},
    {"Prof.", "Profesör", false}, {"Doç.", "Doçent", false}, {"Uzm.", "Uzman", false},
    {"Av.", "Avukat", false}, {"Ltd. Şti.", "Limited Şirketi", true},
    {"A.Ş.", "Anonim Şirketi", true}, {NULL, NULL, false}};
static const struct abbreviation en_abbreviations[] = {
    {"e.g.", "for example", false}, {"i.e.", "that is", false},
    {"approx.", "approximately", false}, {"Tel.", "Phone", false}, {"tel.", "phone", false},
    {"Dr.", "Doctor", false}, {"Prof.", "Professor", false}, {"ext.", "extension", false},
    {"Mr.", "Mister", false}, {"Mrs.", "Missus", false}, {"etc.", "et cetera", true},
    {NULL, NULL, false}};

/* Weekdays as written short, Monday first. */
static const char *const de_days_short[7] = {"Mo", "Di", "Mi", "Do", "Fr", "Sa", "So"};
static const char *const en_days_short[7] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
static const char *const de_months[12] = {"Januar", "Februar", "März", "April", "Mai", "Juni",
                                          "Juli", "August", "September", "Oktober",
                                          "November", "Dezember"};

/* A weekday written short at p ("Mo", "Mo."): its index, with *len; -1. */
static int short_day(const char *const days[7], const char *p, size_t *len)
{
    for (int d = 0; d < 7; d++) {
        size_t n = strlen(days[d]);
        if (strncmp(p, days[d], n) != 0 || latin_letter(p + n))
            continue;
        *len = n + (p[n] == '.');
        return d;
    }
    return -1;
}

/* After a weekday written short: a clock time or another weekday? */
static bool single_day_follows(const char *const days[7], const char *p)
{
    size_t n = 0, l;
    while (p[n] == ' ' || p[n] == ',')
        n++;
    if (n == 0 && p[-1] != '.')
        return false; /* "Mo9" */
    if (is_digit(p[n]))
        return true;
    if (strncmp(p + n, "und ", 4) == 0 || strncmp(p + n, "and ", 4) == 0)
        n += 4;
    else if (strncmp(p + n, "& ", 2) == 0)
        n += 2;
    return n > 0 && short_day(days, p + n, &l) >= 0;
}

/* A dash between two numbers or days, with spaces around it: its length. */
static size_t range_dash(const char *p, bool *en_dash)
{
    size_t n = 0;
    while (p[n] == ' ')
        n++;
    if (strncmp(p + n, "–", strlen("–")) == 0) {
        *en_dash = true;
        n += strlen("–");
    } else if (p[n] == '-') {
        *en_dash = false;
        n++;
    } else {
        return 0;
    }
    while (p[n] == ' ')
        n++;
    return n;
}

/* A number or a clock time ("9", "2024", "9:30", "9.30 Uhr"; "9.30" also
 * when dot_time: the start of "9.00-12.00 Uhr") at p: its length. */
static size_t number_or_time(const char *p, long *value, int *h, int *m, bool dot_time)
{
    size_t n = 0;
    long v = 0;
    while (is_digit(p[n]) && n < 4)
        v = v * 10 + (p[n++] - '0');
    if (n == 0 || is_digit(p[n]))
        return 0;
    *value = v;
    *h = -1;
    if ((p[n] == ':' || p[n] == '.') && is_digit(p[n + 1]) && is_digit(p[n + 2]) &&
        !is_digit(p[n + 3]) && v <= 24 &&
        (p[n] == ':' || (n <= 2 && (dot_time || strncmp(p + n + 3, " Uhr", 4) == 0)))) {
        *h = (int)v;
        *m = (p[n + 1] - '0') * 10 + (p[n + 2] - '0');
        if (*m > 59)
            return 0;
        n += 3;
    }
    return n;
}

static void emit(char *buf, size_t size, size_t *o, const char *text, size_t n)
{
    if (*o + 1 >= size) /* full (also keeps GCC's -Wstringop-overflow sure of n) */
        return;
    if (n > size - *o - 1)
        n = size - *o - 1;
    memcpy(buf + *o, text, n);
    *o += n;
    buf[*o] = '\0';
}

static void emits(char *buf, size_t size, size_t *o, const char *text)
{
    emit(buf, size, o, text, strlen(text));
}

static const char *const en_months[12] = {"January", "February", "March", "April", "May",
                                          "June", "July", "August", "September", "October",
                                          "November", "December"};

/* An English month at p, written in full or short ("Feb", "Feb.",
 * "Sept."): its index (January = 0), with *len; -1. */
static int en_month(const char *p, size_t *len)
{
    for (int i = 0; i < 12; i++) {
        size_t l = strlen(en_months[i]);
        if (strncmp(p, en_months[i], l) == 0 && !latin_letter(p + l)) {
            *len = l;
            return i;
        }
        /* "May" has no short form; "Sept" is one of "September" */
        for (size_t k = 3; k <= (i == 8 ? 4u : 3u) && k < l; k++)
            if (strncmp(p, en_months[i], k) == 0 && !latin_letter(p + k)) {
                *len = k + (p[k] == '.');
                return i;
            }
    }
    return -1;
}

/* A word that numbers a thing just before p ("Room 3 May"): no date. */
static bool en_numbered_thing_before(const char *in, const char *p)
{
    static const char *const words[] = {"Room", "room", "No.", "no.", "Number", "number",
                                        "Page", "page", "Floor", "floor", "Flat", "Unit"};
    return one_of_words_before(in, p, words, sizeof(words) / sizeof(words[0]));
}

/* An English day number at p ("29", "29th", "1st"): its value, with *len; 0. */
static int en_day(const char *p, size_t *len)
{
    size_t n = 0;
    int d = 0;
    while (is_digit(p[n]) && n < 2)
        d = d * 10 + (p[n++] - '0');
    if (!n || is_digit(p[n]) || d < 1 || d > 31)
        return 0;
    static const char *const suffix[] = {"st", "nd", "rd", "th"};
    for (int i = 0; i < 4; i++)
        if (strncmp(p + n, suffix[i], 2) == 0 && !latin_letter(p + n + 2)) {
            n += 2;
            break;
        }
    if (latin_letter(p + n))
        return 0;
    *len = n;
    return d;
}

/* A year after a date (" 2028", ", 2028"): its length and value; 0. */
static size_t en_year(const char *p, long *year)
{
    size_t n = p[0] == ',' ? 1 : 0;
    if (p[n] != ' ' || !is_digit(p[n + 1]) || !is_digit(p[n + 2]) || !is_digit(p[n + 3]) ||
        !is_digit(p[n + 4]) || is_digit(p[n + 5]) || latin_letter(p + n + 5))
        return 0;
    *year = (p[n + 1] - '0') * 1000 + (p[n + 2] - '0') * 100 + (p[n + 3] - '0') * 10 + (p[n + 4] - '0');
    return n + 5;
}

/* A date in an English text ("29 Feb", "1st March 2027", "Feb 29, 2028")
 * said as one says it ("the twenty-ninth of February", "February the
 * twenty-ninth, twenty twenty-eight"; the voice said "twenty nine feb").
 * A month first needs the end of the date after its day (a comma, a stop,
 * a year), so "May 3 people" stays. Its length, or 0. */
static size_t english_date(const char *p, char *buf, size_t size, size_t *o)
{
    size_t dl, ml, yl = 0;
    int day, month;
    long year = 0;
    char ord[128], yw[128] = "";
    if ((day = en_day(p, &dl)) > 0) {
        if (p[dl] != ' ' || (month = en_month(p + dl + 1, &ml)) < 0)
            return 0;
        yl = en_year(p + dl + 1 + ml, &year);
        /* "Feb." ending the sentence: its dot is the full stop too */
        bool stop = !yl && p[dl + ml] == '.' &&
                    (p[dl + 1 + ml] == '\0' || p[dl + 1 + ml] == '\n' ||
                     (p[dl + 1 + ml] == ' ' && capital_at(p + dl + 2 + ml)));
        number("en", "%spellout-ordinal", day, ord, sizeof(ord));
        if (year)
            number("en", "%spellout-numbering-year", year, yw, sizeof(yw));
        char out[512];
        snprintf(out, sizeof(out), "the %s of %s%s%s%s", ord, en_months[month], year ? " " : "", yw,
                 stop ? "." : "");
        emits(buf, size, o, out);
        return dl + 1 + ml + yl;
    }
    if ((month = en_month(p, &ml)) < 0)
        return 0;
    if (p[ml] == ' ' && (yl = en_year(p + ml, &year)) > 0) { /* "Jan 2027" */
        number("en", "%spellout-numbering-year", year, yw, sizeof(yw));
        char out[256];
        snprintf(out, sizeof(out), "%s %s", en_months[month], yw);
        emits(buf, size, o, out);
        return ml + yl;
    }
    if (p[ml] != ' ' || (day = en_day(p + ml + 1, &dl)) <= 0)
        return 0;
    const char *after = p + ml + 1 + dl;
    yl = en_year(after, &year);
    if (!yl && !(*after == '\0' || *after == '\n' || strchr(",.;:)!?", *after)) &&
        strncmp(after, " to ", 4) != 0 && strncmp(after, " at ", 4) != 0)
        return 0;
    if (*after == '.' && is_digit(after[1]))
        return 0;
    number("en", "%spellout-ordinal", day, ord, sizeof(ord));
    if (year)
        number("en", "%spellout-numbering-year", year, yw, sizeof(yw));
    char out[512];
    snprintf(out, sizeof(out), "%s the %s%s%s", en_months[month], ord, year ? ", " : "", yw);
    emits(buf, size, o, out);
    return ml + 1 + dl + yl;
}

/* The words for a number or clock time read in a text: a clock time in
 * words ("neun Uhr dreißig"), a number as written. */
static void say_number_or_time(const char *lang, const char *p, size_t n, int h, int m,
                               char *out, size_t size)
{
    if (h >= 1 && h <= 11 && spoken_lang(lang) == L_EN) {
        /* "9:00" or "5:30" in an English text may be morning or evening:
         * no part of the day is said ("5:00" was "five in the morning") */
        char hw[128], mw[128];
        cardinal(lang, h, hw, sizeof(hw));
        cardinal(lang, m, mw, sizeof(mw));
        if (m == 0)
            snprintf(out, size, "%s o'clock", hw);
        else
            snprintf(out, size, "%s %s%s", hw, m < 10 ? "oh " : "", mw);
    } else if (h >= 0) {
        clock_words(lang, h, m, out, size);
    } else {
        snprintf(out, size, "%.*s", (int)n, p);
    }
}

/* An e-mail or web address in a text ("info@ki-muenster.de",
 * "https://www.ki-muenster.de/termine."): its length without the
 * punctuation after it, else 0. */
static size_t online_address(const char *p)
{
    size_t n = 0;
    while (p[n] && p[n] != ' ' && p[n] != '\n' && p[n] != '\t' && p[n] != ',' && p[n] != ';' &&
           p[n] != ')' && p[n] != '"')
        n++;
    while (n > 0 && strchr(".:!?", p[n - 1]))
        n--;
    bool web = strncmp(p, "http://", 7) == 0 || strncmp(p, "https://", 8) == 0 ||
               strncmp(p, "www.", 4) == 0;
    const char *at = memchr(p, '@', n);
    bool mail = at && at > p && memchr(at, '.', n - (size_t)(at - p)) && at[1] != '.';
    return web || mail ? n : 0;
}

/* A date in a German text ("24.12.", "24.12.2026", "4. Januar"): its
 * length, the day, month and year (0 when none). */
static size_t german_date(const char *p, int *day, int *month, long *year)
{
    size_t n = 0;
    int d = 0;
    while (is_digit(p[n]) && n < 2)
        d = d * 10 + (p[n++] - '0');
    if (n == 0 || is_digit(p[n]) || p[n] != '.' || d < 1 || d > 31)
        return 0;
    n++;
    *year = 0;
    if (p[n] == ' ') {
        for (int i = 0; i < 12; i++) {
            size_t l = strlen(de_months[i]);
            if (strncmp(p + n + 1, de_months[i], l) == 0 && !latin_letter(p + n + 1 + l)) {
                *day = d;
                *month = i + 1;
                const char *y = p + n + 1 + l; /* "4. Januar 2027" */
                if (y[0] == ' ' && is_digit(y[1]) && is_digit(y[2]) && is_digit(y[3]) &&
                    is_digit(y[4]) && !is_digit(y[5]) && !latin_letter(y + 5)) {
                    *year = (y[1] - '0') * 1000 + (y[2] - '0') * 100 + (y[3] - '0') * 10 + (y[4] - '0');
                    return n + 1 + l + 5;
                }
                return n + 1 + l;
            }
        }
        return 0;
    }
    int mo = 0;
    size_t k = 0;
    while (is_digit(p[n + k]) && k < 2)
        mo = mo * 10 + (p[n + k++] - '0');
    if (k == 0 || is_digit(p[n + k]) || p[n + k] != '.' || mo < 1 || mo > 12)
        return 0;
    n += k + 1;
    size_t y = 0;
    long yv = 0;
    while (is_digit(p[n + y]) && y < 4)
        yv = yv * 10 + (p[n + y++] - '0');
    if (y == 4 && !is_digit(p[n + y])) {
        *year = yv;
        n += 4;
    }
    *day = d;
    *month = mo;
    return n;
}

/* An amount of euros with cents at p ("1.000,50 €" in German, "1,000.50 €"
 * or "€1,000.50" in English; the voices said "Komma fünf null"): its
 * length, where the number starts and where its two cents are; 0. */
static size_t euro_amount(const char *p, bool german, size_t *num, size_t *cents)
{
    char group = german ? '.' : ',', decimal = german ? ',' : '.';
    size_t k = 0;
    bool prefix = !german && strncmp(p, "€", strlen("€")) == 0;
    if (prefix) {
        k = strlen("€");
        while (p[k] == ' ')
            k++;
    }
    *num = k;
    if (!is_digit(p[k]))
        return 0;
    while (is_digit(p[k]) || (p[k] == group && is_digit(p[k + 1])))
        k++;
    if (!(p[k] == decimal && is_digit(p[k + 1]) && is_digit(p[k + 2]) && !is_digit(p[k + 3])))
        return 0;
    *cents = k + 1;
    if (prefix)
        return k + 3;
    size_t e = k + 3;
    while (p[e] == ' ')
        e++;
    return strncmp(p + e, "€", strlen("€")) == 0 ? e + strlen("€") : 0;
}

/* A word that numbers a thing just before p ("Raum 1.12.", "Kapitel
 * 3.2."): the number after it is no date. */
static bool numbered_thing_before(const char *in, const char *p)
{
    static const char *const words[] = {"Raum", "Zimmer", "Saal", "Etage", "Ebene", "Haus",
                                        "Gebäude", "Büro", "Nr.", "Nummer", "Fachdienst",
                                        "Abschnitt", "Kapitel", "Version", "Punkt", "§"};
    const char *e = p;
    while (e > in && e[-1] == ' ')
        e--;
    for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++) {
        size_t l = strlen(words[i]);
        if ((size_t)(e - in) >= l && strncmp(e - l, words[i], l) == 0)
            return true;
    }
    return false;
}

/* The word just before p ("der" in "der 3. Etage"), as [*w, p - 1). */
static size_t word_before(const char *in, const char *p, const char **w)
{
    const char *e = p;
    while (e > in && e[-1] == ' ')
        e--;
    const char *b = e;
    while (b > in && (latin_letter(b - 1) || (b - in >= 2 && latin_letter(b - 2) == 2)))
        b -= latin_letter(b - 1) ? 1 : 2;
    *w = b;
    return (size_t)(e - b);
}

static bool word_is(const char *w, size_t n, const char *const *list)
{
    for (; *list; list++)
        if (strlen(*list) == n && strncmp(w, *list, n) == 0)
            return true;
    return false;
}

/* The ICU rules for a German ordinal after the article before p: "am
 * dritten", "im zweiten", "in der dritten", "der dritte"; NULL when no
 * article stands there. */
static const char *german_article_ordinal(const char *in, const char *p)
{
    static const char *const weak_n[] = {"dem", "den", "des", "am", "im", "zum", "zur", "vom",
                                         "beim", "Am", "Im", "Zum", "Zur", "Vom", "Beim", NULL};
    static const char *const weak_e[] = {"der", "die", "das", "Der", "Die", "Das", "ins", NULL};
    static const char *const prepositions[] = {
        "in", "an", "auf", "bei", "mit", "nach", "von", "zu", "aus", "vor", "hinter", "über",
        "unter", "neben", "zwischen", "In", "An", "Auf", "Bei", "Mit", "Nach", "Von", "Aus", NULL};
    const char *w;
    size_t n = word_before(in, p, &w);
    if (!n)
        return NULL;
    if (word_is(w, n, weak_n))
        return "%spellout-ordinal-n";
    if (!word_is(w, n, weak_e))
        return NULL;
    /* "in der dritten Etage" (dative) but "der dritte Stock" */
    const char *w2;
    size_t n2 = word_before(in, w, &w2);
    return n2 && w[0] == 'd' && w[2] == 'r' && word_is(w2, n2, prepositions) ? "%spellout-ordinal-n"
                                                                            : "%spellout-ordinal";
}

/* A German ordinal before a noun with no article: its ending by the
 * noun's gender as far as its last part tells it ("drittes Fachforum",
 * "erster Stock", "vierte Expertenrunde"). */
static const char *german_bare_ordinal(const char *noun)
{
    static const char *const neuter[] = {"um", "chen", "lein", "ment", "treffen", "geschoss",
                                         "jahr", "mal", "kapitel", "haus", "gebäude", "zimmer",
                                         "büro", "semester", "quartal", "modul", "programm",
                                         "projekt", "seminar", "festival", "konzert", "fest",
                                         "gespräch", "OG", "EG", "UG", NULL};
    static const char *const masculine[] = {"stock", "platz", "tag", "preis", "teil", "termin",
                                            "kurs", "abend", "abschnitt", "schritt", "lauf",
                                            "rang", "durchgang", "workshop", "wettbewerb", NULL};
    char low[64]; /* "Stock" ends like "Eckstock" */
    size_t n = 0;
    while (noun[n] && latin_letter(noun + n) && n + 2 < sizeof(low))
        n += latin_letter(noun + n);
    memcpy(low, noun, n);
    low[n] = '\0';
    if (low[0] >= 'A' && low[0] <= 'Z' && !(n == 2 && low[1] >= 'A' && low[1] <= 'Z'))
        low[0] = (char)(low[0] - 'A' + 'a');
    noun = low;
    for (int g = 0; g < 2; g++)
        for (const char *const *e = g ? masculine : neuter; *e; e++) {
            size_t l = strlen(*e);
            if (n >= l && strncmp(noun + n - l, *e, l) == 0)
                return g ? "%spellout-ordinal-r" : "%spellout-ordinal-s";
        }
    return "%spellout-ordinal";
}

/* An ordinal before a noun in a German text ("3. Etage", "im 2. Stock",
 * "4. Expertenrunde"; the voice said "drei" and a full stop): the ICU
 * rules for it, else NULL. A number ending a sentence ("Kinder bis 12.
 * Anmeldung") stays: an ordinal is taken where an article stands before
 * it or a sentence or clause begins. *len: digits and ". ". */
static const char *german_ordinal(const char *in, const char *p, long *value, size_t *len)
{
    size_t n = 0;
    long v = 0;
    while (is_digit(p[n]) && n < 3)
        v = v * 10 + (p[n++] - '0');
    if (!n || v < 1 || is_digit(p[n]) || p[n] != '.' || p[n + 1] != ' ' || !capital_at(p + n + 2) ||
        numbered_thing_before(in, p))
        return NULL;
    *value = v;
    *len = n + 2;
    const char *rules = german_article_ordinal(in, p);
    if (rules)
        return rules;
    const char *e = p;
    while (e > in && e[-1] == ' ')
        e--;
    if (e == in || strchr(",;:(.!?\n", e[-1]) || (e - in >= 3 && strncmp(e - 3, "–", 3) == 0))
        return german_bare_ordinal(p + n + 2);
    return NULL;
}

/* A word for a phone extension just before p ("Durchwahl -12"). */
static bool extension_before(const char *in, const char *p)
{
    static const char *const words[] = {"Durchwahl", "Durchwahl:", "Apparat", "App.", "DW",
                                        "Nebenstelle"};
    return one_of_words_before(in, p, words, sizeof(words) / sizeof(words[0]));
}

/* After these words a German day is in the dative ("am vierten"), also
 * with a weekday between ("ab Montag, vierten Januar"). */
static bool german_dative_before(const char *in, const char *p)
{
    static const char *const weekdays[] = {"Montag, ", "Dienstag, ", "Mittwoch, ",
                                           "Donnerstag, ", "Freitag, ", "Samstag, ",
                                           "Sonntag, ", "Sonnabend, "};
    for (size_t i = 0; i < sizeof(weekdays) / sizeof(weekdays[0]); i++) {
        size_t l = strlen(weekdays[i]);
        if ((size_t)(p - in) >= l && strncmp(p - l, weekdays[i], l) == 0 && word_start(in, p - l)) {
            p -= l;
            break;
        }
    }
    static const char *const words[] = {"am ", "vom ", "zum ", "bis ", "ab ", "seit ", "dem ",
                                        "den ", "Am ", "Vom ", "Bis ", "Ab ", "Seit "};
    for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++) {
        size_t l = strlen(words[i]);
        if ((size_t)(p - in) >= l && strncmp(p - l, words[i], l) == 0 &&
            word_start(in, p - l))
            return true;
    }
    return false;
}

/* Clock times in a Turkish text ("saat 9-12", "09:00–17:00", "saat
 * 10.30"): as the kiosk's own hours are said, "saat dokuz ile on iki
 * arası" (no case endings to get wrong); one time alone "saat on otuz".
 * A time is "H:MM", or "H.MM" and a number after "saat "; "arası" or
 * "arasında" already written after the range is not said twice. The
 * length read at p, or 0 (left to the voice, which reads "9.30" as a
 * number). */
static size_t turkish_time_range(const char *in, const char *p, char *buf, size_t size,
                                 size_t *o)
{
    bool saat = (size_t)(p - in) >= 5 && strncmp(p - 5, "saat ", 5) == 0 &&
                word_start(in, p - 5);
    bool saat_cap = (size_t)(p - in) >= 5 && strncmp(p - 5, "Saat ", 5) == 0 &&
                    word_start(in, p - 5);
    saat = saat || saat_cap;
    long v1, v2;
    int h1, m1, h2, m2;
    size_t n1 = number_or_time(p, &v1, &h1, &m1, false);
    if (!n1)
        return 0;
    if (h1 < 0 && saat && p[n1] == '.' && is_digit(p[n1 + 1]) && is_digit(p[n1 + 2]) &&
        !is_digit(p[n1 + 3]) && v1 <= 24 && (p[n1 + 1] - '0') * 10 + (p[n1 + 2] - '0') < 60) {
        h1 = (int)v1; /* "saat 10.30" */
        m1 = (p[n1 + 1] - '0') * 10 + (p[n1 + 2] - '0');
        n1 += 3;
    }
    if (h1 < 0 && saat && v1 <= 24)
        h1 = (int)v1, m1 = 0; /* "saat 9" */
    bool en_dash = false;
    size_t dl = range_dash(p + n1, &en_dash);
    size_t n2 = dl ? number_or_time(p + n1 + dl, &v2, &h2, &m2, false) : 0;
    const char *q = p + n1 + dl;
    if (n2 && h2 < 0 && q[n2] == '.' && is_digit(q[n2 + 1]) && is_digit(q[n2 + 2]) &&
        !is_digit(q[n2 + 3]) && h1 >= 0 && v2 <= 24 &&
        (q[n2 + 1] - '0') * 10 + (q[n2 + 2] - '0') < 60) {
        h2 = (int)v2;
        m2 = (q[n2 + 1] - '0') * 10 + (q[n2 + 2] - '0');
        n2 += 3;
    }
    if (n2 && h2 < 0 && h1 >= 0 && v2 <= 24)
        h2 = (int)v2, m2 = 0; /* "saat 9-12", "09:00-12" */
    char a[128], b[128];
    if (h1 < 0 || (dl && n2 && h2 < 0))
        return 0; /* numbers, not times: as written */
    clock_words("tr", h1, m1, a, sizeof(a));
    if (!(dl && n2)) {
        if (!saat)
            emits(buf, size, o, "saat ");
        emits(buf, size, o, a);
        return n1;
    }
    clock_words("tr", h2, m2, b, sizeof(b));
    if (!saat)
        emits(buf, size, o, "saat ");
    emits(buf, size, o, a);
    emits(buf, size, o, " ile ");
    emits(buf, size, o, b);
    size_t n = n1 + dl + n2;
    const char *after = p + n;
    if (!((strncmp(after, " arası", strlen(" arası")) == 0) ||
          strncmp(after, " arasında", strlen(" arasında")) == 0))
        emits(buf, size, o, " arası");
    return n;
}

/* An English clock time at p: "9", "9:30" or "9.30", with or without
 * "am"/"pm"/"a.m."/"p.m." after it (a space between or not). Its length,
 * the hour (1..12 with a period, 0..24 without) and minutes; *period is 0
 * for am, 1 for pm, -1 for none; *dot when the period's dot ends the text
 * or a sentence (a capital after it). 0 when no time is there. */
static size_t en_clock(const char *p, int *h, int *m, int *period, bool *dot)
{
    size_t n = 0;
    int v = 0;
    while (is_digit(p[n]) && n < 2)
        v = v * 10 + (p[n++] - '0');
    if (!n || is_digit(p[n]))
        return 0;
    *h = v;
    *m = 0;
    if ((p[n] == ':' || p[n] == '.') && is_digit(p[n + 1]) && is_digit(p[n + 2]) &&
        !is_digit(p[n + 3])) {
        *m = (p[n + 1] - '0') * 10 + (p[n + 2] - '0');
        n += 3;
    }
    *period = -1;
    *dot = false;
    size_t k = n + (p[n] == ' ');
    static const char *const marks[] = {"am", "AM", "a.m.", "A.M.", "pm", "PM", "p.m.", "P.M."};
    for (int i = 0; i < 8; i++) {
        size_t l = strlen(marks[i]);
        if (strncmp(p + k, marks[i], l) == 0 && !latin_letter(p + k + l) && !is_digit(p[k + l]) &&
            /* "page 3 am Ende", "I am": a word after "am" */
            !(k > n && *m == 0 && n <= 2 && marks[i][1] != '.' && p[k + l] == ' ' &&
              latin_letter(p + k + l + 1))) {
            *period = i < 4 ? 0 : 1;
            n = k + l;
            *dot = marks[i][l - 1] == '.' &&
                   (p[n] == '\0' || p[n] == '\n' || (p[n] == ' ' && capital_at(p + n + 1)));
            break;
        }
    }
    if (*m > 59 || (*period >= 0 ? (v < 1 || v > 12) : v > 24))
        return 0;
    return n;
}

/* Clock times with am/pm in an English text ("9am-5pm", "9:30 a.m.",
 * "9-11am", "11-1pm"), said as the kiosk's own ("nine in the morning to
 * five in the afternoon"; the voice said "nine A M, five P M" with the
 * hyphen a pause, and "9:30am" became "nine thirty in the morningam").
 * Its length at p, or 0. */
static size_t english_ampm(const char *p, char *buf, size_t size, size_t *o)
{
    int h1, m1, p1, h2 = 0, m2 = 0, p2 = -1;
    bool dot1, dot2 = false, en_dash;
    size_t n1 = en_clock(p, &h1, &m1, &p1, &dot1);
    if (!n1)
        return 0;
    size_t dl = range_dash(p + n1, &en_dash);
    if (dl && p[n1] == ' ' && p1 < 0 && p[n1 + dl - 1] != ' ')
        dl = 0; /* "9 -5pm" */
    size_t n2 = dl ? en_clock(p + n1 + dl, &h2, &m2, &p2, &dot2) : 0;
    if (p1 < 0 && p2 < 0)
        return 0;
    if (n2 && p1 >= 0 && p2 < 0)
        n2 = 0; /* "9am-5": the second is no time said with a period */
    if (n2 && p1 < 0) {
        if (h1 < 1 || h1 > 12)
            return 0;
        /* "9-11am": both in the morning; "11-1pm": eleven in the morning */
        p1 = (h1 % 12 > h2 % 12) ? !p2 : p2;
    }
    char a[256], b[256];
    clock_words("en", h1 % 12 + (p1 ? 12 : 0), m1, a, sizeof(a));
    emits(buf, size, o, a);
    if (!n2) {
        if (dot1)
            emits(buf, size, o, ".");
        return n1;
    }
    clock_words("en", h2 % 12 + (p2 ? 12 : 0), m2, b, sizeof(b));
    emits(buf, size, o, " to ");
    emits(buf, size, o, b);
    if (dot2)
        emits(buf, size, o, ".");
    return n1 + dl + n2;
}

/* The word before p is a capitalised name ("Queen" in "Queen St."), with
 * one space between, and not only capitalised as a sentence's first. */
static bool en_name_before(const char *in, const char *p)
{
    if (p - in < 2 || p[-1] != ' ' || p[-2] == ' ')
        return false;
    const char *w;
    size_t n = word_before(in, p, &w);
    if (n == 2 && w > in && is_digit(w[-1]))
        return true; /* "5th Ave." */
    if (!n || !capital_at(w))
        return false;
    const char *e = w;
    while (e > in && e[-1] == ' ')
        e--;
    return !(e == in || strchr(".!?\n:", e[-1]));
}

/* "St." in an English text: "Street" after a name ("Queen St.", "Main
 * St. 5"), "Saint" before one ("St. Paul's"); "Rd." and "Ave." after a
 * name. The voice said "Queen saint", "High saint 5", "R D", "ah-vay".
 * Its length at p, or 0 (left as written). */
static size_t english_street_or_saint(const char *in, const char *p, char *buf, size_t size,
                                      size_t *o)
{
    static const struct {
        const char *written, *street;
    } words[] = {{"St", "Street"}, {"Rd", "Road"}, {"Ave", "Avenue"}};
    for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++) {
        size_t l = strlen(words[i].written);
        if (strncmp(p, words[i].written, l) != 0 || latin_letter(p + l) || is_digit(p[l]))
            continue;
        size_t n = l + (p[l] == '.');
        bool name_after = p[n] == ' ' && capital_at(p + n + 1);
        if (en_name_before(in, p)) {
            emits(buf, size, o, words[i].street);
            /* "Queen St. Then": the dot is the full stop too */
            if (p[l] == '.' && (p[n] == '\0' || p[n] == '\n' || name_after))
                emits(buf, size, o, ".");
            return n;
        }
        if (i == 0 && name_after) {
            emits(buf, size, o, "Saint");
            return n;
        }
    }
    return 0;
}

/* A digit at p in any of the digit sets texts are written in (0-9,
 * Arabic-Indic ٠-٩, Persian ۰-۹): its value, with *len; -1. */
static int any_digit(const char *p, size_t *len)
{
    unsigned char c = (unsigned char)p[0];
    if (c >= '0' && c <= '9') {
        *len = 1;
        return c - '0';
    }
    if (c != 0xD9 && c != 0xDB)
        return -1; /* p may be the string's end: no byte after it is read */
    unsigned char d = (unsigned char)p[1];
    if (c == 0xD9 && d >= 0xA0 && d <= 0xA9) {
        *len = 2;
        return d - 0xA0;
    }
    if (c == 0xDB && d >= 0xB0 && d <= 0xB9) {
        *len = 2;
        return d - 0xB0;
    }
    return -1;
}

/* A clock time "17:00" ("۱۷:۰۰", and "17.00" where `dot`) at p: its
 * length, the hour and minutes; 0. */
static size_t any_clock(const char *p, bool dot, int *h, int *m)
{
    size_t n = 0, l;
    int v = 0, d, k = 0;
    while (k < 2 && (d = any_digit(p + n, &l)) >= 0) {
        v = v * 10 + d;
        n += l;
        k++;
    }
    if (!k || any_digit(p + n, &l) >= 0 || !(p[n] == ':' || (dot && p[n] == '.')) || v > 24)
        return 0;
    n++;
    int mm = 0;
    for (k = 0; k < 2; k++) {
        if ((d = any_digit(p + n, &l)) < 0)
            return 0;
        mm = mm * 10 + d;
        n += l;
    }
    if (any_digit(p + n, &l) >= 0 || mm > 59 || (v == 24 && mm) || latin_letter(p + n))
        return 0;
    *h = v;
    *m = mm;
    return n;
}

/* Whether the text before p ends with the word(s) `w` ("o ", "до "),
 * begun where a word begins. */
static bool ends_with_word(const char *in, const char *p, const char *w)
{
    size_t l = strlen(w);
    return l && (size_t)(p - in) >= l && strncmp(p - l, w, l) == 0 && word_start(in, p - l);
}

/* The words of a frame before its first "%s" ("o " of "o %s"). */
static size_t frame_prefix(const char *frame, char *buf, size_t size)
{
    const char *s = frame ? strstr(frame, "%s") : NULL;
    size_t n = s ? (size_t)(s - frame) : 0;
    snprintf(buf, size, "%.*s", (int)n, frame ? frame : "");
    return n;
}

/* Clock times in a text of a language other than German, English and
 * Turkish ("الساعة 17:00", "ساعت ۱۷:۰۰", "o 17:00", "до 17:00", "στις
 * 17.00", "9:00–12:00"): in words as the kiosk says its own hours, in
 * the case the preposition written before asks for; the voices read them
 * as digits ("seventeen colon zero zero", in Greek "nine minus twelve").
 * Its length at p, or 0 (left as written). */
static size_t other_text_clock(const char *lang, const char *in, const char *p, char *buf,
                               size_t size, size_t *o)
{
    enum spoken L = spoken_lang(lang);
    const struct lf_spoken_words *w = table_words(lang);
    if (!(L == L_AR || L == L_FA || L == L_UK || L == L_RU || w))
        return 0;
    bool el = strncmp(lang, "el", 2) == 0 && (lang[2] == '\0' || lang[2] == '-');
    int h1, m1, h2, m2;
    size_t n1 = any_clock(p, false, &h1, &m1);
    bool dotted = !n1 && el && (n1 = any_clock(p, true, &h1, &m1)) > 0; /* "17.00" */
    if (!n1)
        return 0;
    char words[512];
    bool en_dash;
    size_t dl = range_dash(p + n1, &en_dash);
    size_t n2 = dl ? any_clock(p + n1 + dl, el, &h2, &m2) : 0;
    if (n2) {
        say_range(lang, h1, m1, h2, m2, words, sizeof(words));
        emits(buf, size, o, words);
        return n1 + dl + n2;
    }
    /* the hour word written before it ("الساعة 17:00", "ساعت 17:00") */
    if (L == L_AR || L == L_FA) {
        const char *hour = L == L_AR ? "السَّاعَة " : "ساعت ";
        size_t sfx = 0;
        if (L == L_AR) {
            /* "5:00 م" is five in the evening; "5:00" alone may be morning
             * or evening: no part of the day is said ("صباحًا" was) */
            static const char *const pm[] = {" مساءً", " مساء", " م", "م"};
            static const char *const am[] = {" صباحًا", " صباحا", " ص", "ص"};
            for (int i = 0; i < 4 && !sfx; i++)
                for (int k = 0; k < 2 && !sfx; k++) {
                    const char *mark = k ? am[i] : pm[i];
                    size_t wl = strlen(mark);
                    if (strncmp(p + n1, mark, wl) != 0)
                        continue; /* only then the bytes after the mark are the text's */
                    const unsigned char *nx = (const unsigned char *)p + n1 + wl;
                    bool letter = nx[0] && ((nx[0] == 0xD8 && nx[1] >= 0xA1) ||
                                            (nx[0] == 0xD9 && nx[1] <= 0x8A));
                    if (!letter && h1 >= 1 && h1 <= 12) {
                        sfx = wl;
                        h1 = k ? h1 % 12 : h1 % 12 + 12;
                    }
                }
        }
        clock_words(lang, h1, m1, words, sizeof(words));
        if (L == L_AR && !sfx && h1 >= 1 && h1 <= 11) {
            char *part = strrchr(words, ' ');
            if (part)
                *part = '\0';
        }
        size_t al = strlen("ساعة ");
        /* "الساعة 17:00", also "والساعة 9:30" */
        bool written = L == L_AR ? (size_t)(p - in) >= al && strncmp(p - al, "ساعة ", al) == 0
                                 : ends_with_word(in, p, "ساعت ");
        size_t hl = strlen(hour);
        emits(buf, size, o, written && strncmp(words, hour, hl) == 0 ? words + hl : words);
        return n1 + sfx;
    }
    /* the preposition written before it: at, until, from */
    static const char *const uk_at[] = {"о ", "об ", "О ", NULL};
    static const char *const uk_gen[] = {"до ", "з ", "від ", "після ", "До ", "З ", "Від ", NULL};
    static const char *const ru_at[] = {"в ", "В ", NULL};
    static const char *const ru_gen[] = {"до ", "с ", "от ", "после ", "До ", "С ", "От ", NULL};
    char at[64], until[64], from[64];
    frame_prefix(w ? w->at : NULL, at, sizeof(at));
    frame_prefix(w ? w->until : NULL, until, sizeof(until));
    frame_prefix(w ? w->range : NULL, from, sizeof(from));
    const char *const table_at[] = {at, NULL}, *const table_gen[] = {until, from, NULL};
    const char *const *at_words = L == L_UK ? uk_at : L == L_RU ? ru_at : table_at;
    const char *const *gen_words = L == L_UK ? uk_gen : L == L_RU ? ru_gen : table_gen;
    bool written_at = false, written_gen = false;
    for (const char *const *a = at_words; *a; a++)
        written_at = written_at || ends_with_word(in, p, *a);
    for (const char *const *g = gen_words; *g; g++)
        written_gen = written_gen || ends_with_word(in, p, *g);
    if (dotted && !written_at && !written_gen)
        return 0; /* "Αίθουσα 3.12" is no time */
    if (!written_at && !written_gen && L != L_UK) {
        /* no preposition is added ("Beginn 17:00", "durée 1:30") */
        if (L == L_RU)
            ru_time(h1, m1, false, words, sizeof(words));
        else
            clock_words(lang, h1, m1, words, sizeof(words));
        emits(buf, size, o, words);
        return n1;
    }
    say_clock(lang, h1, m1, written_gen && !written_at, words, sizeof(words));
    const char *said_words = words;
    if (written_at || written_gen) {
        /* the frame's own preposition goes: the text has one */
        char pre[64];
        size_t pl = frame_prefix(L == L_UK   ? (written_at ? "о %s" : "до %s")
                                 : L == L_RU ? (written_at ? "в %s" : "до %s")
                                             : (written_at ? w->at : w->until),
                                 pre, sizeof(pre));
        if (pl && strncmp(words, pre, pl) == 0) /* ("опівночі" has none) */
            said_words = words + pl;
    }
    emits(buf, size, o, said_words);
    return n1;
}

/* A Roman number at p ("V", "XIV"; 1..39, written as usual): its value,
 * with *len; 0. */
static int roman(const char *p, size_t *len)
{
    static const char *const ones[] = {"", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"};
    size_t n = 0;
    int v = 0;
    while (p[n] == 'X' && v < 30) {
        v += 10;
        n++;
    }
    for (int i = 9; i >= 1; i--) {
        size_t l = strlen(ones[i]);
        if (strncmp(p + n, ones[i], l) == 0) {
            v += i;
            n += l;
            break;
        }
    }
    if (!v || latin_letter(p + n) || is_digit(p[n]))
        return 0;
    *len = n;
    return v;
}

/* A ruler's number after the name in a German text ("Karl V.", "Papst
 * Benedikt XVI.", "unter Ludwig XIV.", "Elisabeth II."): "der Fünfte",
 * "dem Vierzehnten", "die Zweite" (the voice said "Karl fau", "Ludwig
 * römisch vierzehnte"); only after the names of rulers and popes. After
 * a part ("Teil V", "Band II.") the number as counted: "Teil fünf". Its
 * length at p, or 0. */
static size_t german_regnal(const char *in, const char *p, char *buf, size_t size, size_t *o)
{
    static const char *const names[] = {
        "Karl", "Ludwig", "Heinrich", "Friedrich", "Wilhelm", "Otto", "Konrad", "Rudolf",
        "Albrecht", "Maximilian", "Leopold", "Joseph", "Josef", "Franz", "Ferdinand", "Philipp",
        "Georg", "Johann", "Johannes", "Benedikt", "Pius", "Leo", "Gregor", "Clemens", "Paul",
        "Innozenz", "Urban", "Sixtus", "Bonifatius", "Alexander", "Nikolaus", "Peter", "Iwan",
        "Ludwigs", "Karls", "Heinrichs", "Friedrichs", "Wilhelms", "Ottos", "Konrads", "Georgs",
        "Philipps", "Benedikts", "Gregors", "Eduard", "Richard", "Gustav", "Christian",
        "Elisabeth", "Maria", "Katharina", "Viktoria", "Christina", "Margarete", "Isabella",
        "Johanna", NULL};
    static const char *const feminine[] = {"Elisabeth", "Maria", "Katharina", "Viktoria",
                                           "Christina", "Margarete", "Isabella", "Johanna",
                                           NULL};
    static const char *const dative[] = {"von", "mit", "bei", "nach", "zu", "aus", "seit",
                                         "unter", "vom", "zum", "zur", "Von", "Mit", "Bei",
                                         "Nach", "Unter", "Seit", NULL};
    static const char *const accusative[] = {"für", "gegen", "durch", "ohne", "um", "Für",
                                             "Gegen", "Durch", "Ohne", NULL};
    static const char *const titles[] = {"Kaiser", "Kaiserin", "König", "Königin", "Papst",
                                         "Zar", "Zarin", "Herzog", "Fürst", "Kurfürst", "Graf",
                                         "Kaisers", "Königs", "Papstes", NULL};
    /* a numbered part: "Teil V" is "Teil fünf" (the voice said "Teil fau") */
    static const char *const parts[] = {"Teil", "Band", "Kapitel", "Akt", "Abschnitt", "Buch",
                                        "Folge", "Staffel", "Stufe", "Phase", NULL};
    size_t rl;
    int v = roman(p, &rl);
    if (!v || p - in < 2 || p[-1] != ' ')
        return 0;
    const char *name;
    size_t nl = word_before(in, p, &name);
    if (nl && word_is(name, nl, parts)) {
        char said[64];
        number("de", "%spellout-numbering", v, said, sizeof(said));
        emits(buf, size, o, said);
        if (p[rl] == '.') /* after a part's number a full stop ends the sentence */
            emits(buf, size, o, ".");
        return rl + (p[rl] == '.');
    }
    if (!nl || !word_is(name, nl, names))
        return 0;
    bool fem = word_is(name, nl, feminine), genitive = name[nl - 1] == 's' && nl > 4 &&
                                                       !word_is(name, nl, (const char *const[]){
                                                           "Pius", "Johannes", "Nikolaus",
                                                           "Clemens", "Sixtus", "Bonifatius",
                                                           NULL});
    const char *w = name, *prev;
    size_t pl;
    while ((pl = word_before(in, w, &prev)) > 0 && word_is(prev, pl, titles))
        w = prev; /* "unter Kaiser Karl V." */
    bool dat = pl && word_is(prev, pl, dative), acc = pl && word_is(prev, pl, accusative);
    const char *article = genitive ? (fem ? "der" : "des")
                          : dat    ? (fem ? "der" : "dem")
                          : acc    ? (fem ? "die" : "den")
                                   : (fem ? "die" : "der");
    bool n_form = genitive || dat || (acc && !fem);
    char ord[128];
    number("de", n_form ? "%spellout-ordinal-n" : "%spellout-ordinal", v, ord, sizeof(ord));
    if (ord[0] >= 'a' && ord[0] <= 'z')
        ord[0] = (char)(ord[0] - 'a' + 'A');
    emits(buf, size, o, article);
    emits(buf, size, o, " ");
    emits(buf, size, o, ord);
    size_t n = rl + (p[rl] == '.');
    if (p[rl] == '.' && (p[n] == '\0' || p[n] == '\n'))
        emits(buf, size, o, "."); /* the text's last word */
    return n;
}

/* The sign of euros or per cent at p in a text of a language whose voice
 * leaves it out or says it in English ("5 €" was "pięć", "пʼять", "پنج";
 * Arabic "50%" "خمسون"; Ukrainian "per cent" in the English voice): the
 * word, in the plural form the number before asks for, else NULL. *len:
 * the sign's bytes. */
static const char *sign_word(const char *lang, const char *in, const char *p, size_t *len)
{
    bool euro = strncmp(p, "€", strlen("€")) == 0;
    bool percent = *p == '%' || strncmp(p, "٪", strlen("٪")) == 0;
    if (!euro && !percent)
        return NULL;
    *len = euro ? strlen("€") : *p == '%' ? 1 : strlen("٪");
    /* the number before it (a space between or not): its last value for
     * the plural, fraction when it has a decimal part */
    const char *e = p;
    while (e > in && e[-1] == ' ')
        e--;
    long v = 0, place = 1;
    bool fraction = false, digits = false;
    const char *q = e;
    for (; q > in; q--) {
        size_t l;
        int d = any_digit(q - 1, &l);
        if (d < 0 && q - in >= 2)
            d = any_digit(q - 2, &l) >= 0 && l == 2 ? any_digit(q - 2, &l) : -1;
        if (d >= 0) {
            if (place < 1000000000L)
                v += d * place, place *= 10;
            digits = true;
            q -= l - 1;
            continue;
        }
        if ((q[-1] == ',' || q[-1] == '.') && !fraction && q - in >= 2 && is_digit(q[-2]) &&
            place <= 100) {
            fraction = true; /* "2,5 %": what came was the decimals */
            v = 0, place = 1;
            continue;
        }
        break;
    }
    if (!digits)
        return NULL; /* "€ 5", "%" alone: as written */
    long n10 = v % 10, n100 = v % 100;
    int slavic = fraction ? 3 : n10 == 1 && n100 != 11 ? 0 : n10 >= 2 && n10 <= 4 && (n100 < 12 || n100 > 14) ? 1 : 2;
    size_t tl = strcspn(lang, "-_");
    static const struct {
        const char *tag, *euro, *percent[4]; /* percent: one, few, many, fraction */
    } words[] = {
        {"fa", "یورو", {NULL, NULL, NULL, NULL}},
        {"prs", "یورو", {NULL, NULL, NULL, NULL}},
        {"ar", NULL, {"فِي الْمِائَة", "فِي الْمِائَة", "فِي الْمِائَة", "فِي الْمِائَة"}},
        {"uk", "євро", {"відсоток", "відсотки", "відсотків", "відсотка"}},
        {"ru", "евро", {NULL, NULL, NULL, NULL}},
        {"pl", "euro", {NULL, NULL, NULL, NULL}},
        {"bg", "евро", {NULL, NULL, NULL, NULL}},
        {"ku", "euro", {NULL, NULL, NULL, NULL}},
        {"kmr", "euro", {NULL, NULL, NULL, NULL}},
        {"vi", "euro", {NULL, NULL, NULL, NULL}},
        {"nl", "euro", {NULL, NULL, NULL, NULL}},
    };
    for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++)
        if (strlen(words[i].tag) == tl && strncmp(lang, words[i].tag, tl) == 0)
            return euro ? words[i].euro : words[i].percent[slavic];
    if (euro && tl == 2 && strncmp(lang, "sl", 2) == 0) /* 1 evro, 2 evra, 3 evri, 5 evrov */
        return fraction ? "evra" : n100 == 1 ? "evro" : n100 == 2 ? "evra" : n100 == 3 || n100 == 4 ? "evri" : "evrov";
    return NULL;
}

/* A range of numbers in a Greek, Arabic or Persian text ("9-12", "٩–١٢"):
 * the dash said as the language's "to" (the Greek voice read a hyphen as
 * "minus", "nine minus twelve"; all three dropped an en dash, "nine
 * twelve"). Only numbers alike, the first the smaller ("53-3808" stays;
 * in Greek without the hyphen, which it read "minus"). Its length at p,
 * or 0. */
static size_t other_number_range(const char *lang, const char *p, char *buf, size_t size,
                                 size_t *o)
{
    size_t tl = strcspn(lang, "-_");
    const char *to = tl == 2 && strncmp(lang, "el", 2) == 0   ? " έως "
                     : tl == 2 && strncmp(lang, "ar", 2) == 0 ? " إلى "
                     : (tl == 2 && strncmp(lang, "fa", 2) == 0) || (tl == 3 && strncmp(lang, "prs", 3) == 0)
                         ? " تا "
                         : NULL;
    if (!to)
        return 0;
    long v[2] = {0, 0};
    size_t n[2] = {0, 0}, k[2] = {0, 0}, l, dl = 0;
    bool en_dash;
    const char *q = p;
    for (int i = 0; i < 2; i++) {
        int d;
        while (k[i] < 6 && (d = any_digit(q + n[i], &l)) >= 0) {
            v[i] = v[i] * 10 + d;
            n[i] += l;
            k[i]++;
        }
        if (k[i] && (q[n[i]] == '.' || q[n[i]] == ',') && any_digit(q + n[i] + 1, &l) >= 0) {
            n[i]++; /* "1,5": the decimals */
            for (int j = 0; j < 6 && any_digit(q + n[i], &l) >= 0; j++)
                n[i] += l;
        }
        if (!k[i] || any_digit(q + n[i], &l) >= 0 || q[n[i]] == ':' || latin_letter(q + n[i]) ||
            ((q[n[i]] == '.' || q[n[i]] == ',') && any_digit(q + n[i] + 1, &l) >= 0))
            return 0; /* a time, "1.000.000", "12a" */
        if (i == 0) {
            if (!(dl = range_dash(p + n[0], &en_dash)))
                return 0;
            q = p + n[0] + dl;
        }
    }
    bool range = v[0] < v[1] && k[0] + 1 >= k[1] && k[1] + 1 >= k[0];
    if (!range && (en_dash || strcmp(to, " έως ") != 0))
        return 0;
    emit(buf, size, o, p, n[0]);
    /* Greek "53-3808", "12-9": no minus, the groups as written */
    emits(buf, size, o, range ? to : " ");
    emit(buf, size, o, q, n[1]);
    return n[0] + dl + n[1];
}

/* A space between digit groups ("1 000 000", "12 500", also no-break,
 * narrow no-break and thin spaces): its length at p, else 0. */
static size_t group_space(const char *p)
{
    if (*p == ' ')
        return 1;
    if ((unsigned char)p[0] == 0xC2 && (unsigned char)p[1] == 0xA0)
        return 2; /* U+00A0 */
    if ((unsigned char)p[0] == 0xE2 && (unsigned char)p[1] == 0x80 &&
        ((unsigned char)p[2] == 0xAF || (unsigned char)p[2] == 0x89))
        return 3; /* U+202F, U+2009 */
    return 0;
}

/* A number written in groups of thousands with spaces ("1 000 000", as
 * Ukrainian, Russian, Polish, French and Persian texts write it) is said
 * as one number: the voices read "one zero zero zero zero zero zero".
 * Its length at p (the digits emitted without the spaces), or 0. */
static size_t spaced_thousands(const char *lang, const char *p, char *buf, size_t size, size_t *o)
{
    size_t n = 0, l;
    int head = 0;
    while (head < 4 && any_digit(p + n, &l) >= 0) {
        n += l;
        head++;
    }
    enum spoken L = spoken_lang(lang);
    bool uk_ru = L == L_UK || L == L_RU;
    if (!head || (head > 3 && !uk_ru))
        return 0;
    size_t end = n, groups = 0;
    for (; head <= 3;) {
        size_t sp = group_space(p + end), k = end + sp;
        int d = 0;
        while (sp && d < 4 && any_digit(p + k, &l) >= 0) {
            k += l;
            d++;
        }
        if (!sp || d != 3 || latin_letter(p + k) || (p[k] == ':' && any_digit(p + k + 1, &l) >= 0))
            break;
        end = k;
        groups++;
    }
    /* a whole number of a million or more in Ukrainian or Russian: ICU's
     * words (their voices said "один тисяча тисяча" for 1000000) */
    if (!groups && uk_ru) {
        while (any_digit(p + end, &l) >= 0 && end < 24)
            end += l, groups++;
        if (head + (int)groups < 7 || p[0] == '0')
            return 0;
    }
    if (!groups)
        return 0;
    bool decimals = (p[end] == ',' || p[end] == '.') && any_digit(p + end + 1, &l) >= 0;
    if (uk_ru && !decimals && !latin_letter(p + end)) {
        long v = 0;
        for (size_t i = 0; i < end && v < 100000000000L;) {
            int d = any_digit(p + i, &l);
            if (d >= 0)
                v = v * 10 + d, i += l;
            else
                i += group_space(p + i) ? group_space(p + i) : 1;
        }
        char words[512];
        if (v >= 1000000 && lf_spell_number(lang, "%spellout-cardinal-masculine", v, words, sizeof(words))) {
            emits(buf, size, o, words);
            return end;
        }
    }
    for (size_t i = 0; i < end;) {
        size_t sp = group_space(p + i);
        if (sp) {
            i += sp;
            continue;
        }
        emit(buf, size, o, p + i, 1);
        i++;
    }
    return end;
}

static void say_text(const char *lang, const char *in, char *buf, size_t size);

/* A date written in digits in a text of a language other than German and
 * English ("29.02.2028"): said with the month's name from CLDR, as the
 * language writes a date ("29 февраля 2028", "29 Şubat 2028"), and then
 * as such a text is read (Ukrainian and Russian days as ordinals); the
 * voices read "twenty-nine point zero two point two thousand ...". Only
 * day.month.year with a four-digit year and a day the month has. Its
 * length at p, or 0. */
static size_t other_numeric_date(const char *lang, const char *p, char *buf, size_t size,
                                 size_t *o)
{
    int v[3] = {0, 0, 0};
    size_t n = 0, l;
    for (int f = 0; f < 3; f++) {
        int k = 0, d;
        while (k < (f == 2 ? 4 : 2) && (d = any_digit(p + n, &l)) >= 0) {
            v[f] = v[f] * 10 + d;
            n += l;
            k++;
        }
        if (!k || (f == 2 && k != 4) || any_digit(p + n, &l) >= 0)
            return 0;
        if (f < 2) {
            if (p[n] != '.')
                return 0;
            n++;
        }
    }
    static const int days[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (v[2] % 4 == 0 && v[2] % 100 != 0) || v[2] % 400 == 0;
    if (v[1] < 1 || v[1] > 12 || v[0] < 1 || v[0] > days[v[1] - 1] ||
        (v[1] == 2 && v[0] == 29 && !leap) || latin_letter(p + n) ||
        (p[n] == '.' && any_digit(p + n + 1, &l) >= 0))
        return 0;
    char dm[256], text[300], words[1024];
    if (!icu_pattern(lang, "d MMMM", lf_local_make(v[2], v[1], v[0], 12, 0), dm, sizeof(dm)))
        return 0;
    snprintf(text, sizeof(text), "%s %d", dm, v[2]);
    say_text(lang, text, words, sizeof(words));
    emits(buf, size, o, words);
    return n;
}

/* A content text as it is read: phone numbers in their groups, e-mail
 * and web addresses as one says them; in German and English texts also
 * abbreviations, ranges ("9-12 Uhr", "Mo–Fr"), clock times and (German)
 * dates and amounts of euros in words, so the voice neither spells nor
 * drops them. */
static void say_text(const char *lang, const char *in, char *buf, size_t size)
{
    enum spoken L = spoken_lang(lang);
    bool de = L == L_DE, en = L == L_EN, tr = L == L_TR;
    const struct abbreviation *abbr = de   ? de_abbreviations
                                      : en ? en_abbreviations
                                      : tr ? tr_abbreviations
                                           : NULL;
    const char *const *days = de ? de_days_short : en ? en_days_short : NULL;
    const char *to = de ? " bis " : " to ";
    size_t o = 0;
    buf[0] = '\0';
    for (const char *p = in; *p && o + 1 < size;) {
        bool start = word_start(in, p);
        size_t n = start ? phone_run(p) : 0;
        if (n) {
            char digits[256], words[1024];
            snprintf(digits, sizeof(digits), "%.*s", (int)(n < 255 ? n : 255), p);
            lf_speech_say_phone(lang, digits, words, sizeof(words));
            emits(buf, size, &o, words);
            p += n;
            continue;
        }
        if (start && (p == in || p[-1] == ' ' || p[-1] == '(' || p[-1] == '\n' || p[-1] == ':') &&
            (n = online_address(p)) > 0) {
            char addr[1024], words[2048];
            snprintf(addr, sizeof(addr), "%.*s", (int)(n < 1023 ? n : 1023), p);
            say_address_online(lang, addr, words, sizeof(words));
            emits(buf, size, &o, words);
            p += n;
            continue;
        }
        if (start && abbr) {
            const struct abbreviation *a = abbr;
            /* "EG" is a word of its own, not the start of "EGO"; the
             * longest written form wins ("Tel.-Nr." over "Tel.") */
            const struct abbreviation *best = NULL;
            for (; a->written; a++)
                if (strncmp(p, a->written, strlen(a->written)) == 0 &&
                    !(latin_letter(a->written + strlen(a->written) - 1) &&
                      latin_letter(p + strlen(a->written))) &&
                    (!best || strlen(a->written) > strlen(best->written)))
                    best = a;
            if (best)
                a = best;
            if (a->written) {
                emits(buf, size, &o, a->said);
                p += strlen(a->written);
                if (a->ends && (*p == '\0' || *p == '\n' || (*p == ' ' && capital_at(p + 1))))
                    emits(buf, size, &o, ".");
                if (is_digit(*p) || latin_letter(p)) /* "No:5" */
                    emits(buf, size, &o, " ");
                continue;
            }
        }
        if (start && de && *p >= 'I' && *p <= 'X' && (n = german_regnal(in, p, buf, size, &o)) > 0) {
            p += n;
            continue;
        }
        /* "No. 5": the voice said "no five" */
        if (start && en && (strncmp(p, "No. ", 4) == 0 || strncmp(p, "no. ", 4) == 0) &&
            is_digit(p[4])) {
            emits(buf, size, &o, *p == 'N' ? "Number " : "number ");
            p += 4;
            continue;
        }
        if (start && en && (n = english_street_or_saint(in, p, buf, size, &o)) > 0) {
            p += n;
            continue;
        }
        /* units after a number ("5 km", "0,5 l", "30 min", "20 m²"): the
         * voice spelled them ("ka em", "el") */
        if (de && p > in && (is_digit(p[-1]) || (start && p[-1] == ' ' && p - in >= 2 && is_digit(p[-2])))) {
            static const struct abbreviation units[] = {
                {"km", "Kilometer", false}, {"kg", "Kilogramm", false}, {"l", "Liter", false},
                {"min", "Minuten", false}, {"Min.", "Minuten", false}, {"m²", "Quadratmeter", false},
                {"qm", "Quadratmeter", false}, {"m", "Meter", false}, {"h", "Stunden", false},
                {"J.", "Jahre", false}, {"Mio.", "Millionen", false}, {NULL, NULL, false}};
            const struct abbreviation *u = units;
            for (; u->written; u++) {
                size_t l = strlen(u->written);
                if (strncmp(p, u->written, l) == 0 && !latin_letter(p + l) &&
                    !(p[l] == '\xc2' && p[l + 1] == '\xb2') && !is_digit(p[l]))
                    break;
            }
            if (u->written) {
                if (p[-1] != ' ')
                    emits(buf, size, &o, " ");
                emits(buf, size, &o, u->said);
                p += strlen(u->written);
                continue;
            }
        }
        /* "S. 4": the page */
        if (de && start && strncmp(p, "S. ", 3) == 0 && is_digit(p[3])) {
            emits(buf, size, &o, "Seite ");
            p += 3;
            continue;
        }
        /* the initials of a name ("Z. Sözüdogru", "J.-H. Winkel") end no
         * sentence: the voice made a stop after the letter */
        if (start && *p >= 'A' && *p <= 'Z' && p[1] == '.' &&
            ((p[2] == ' ' && capital_at(p + 3)) || (p[2] == '-' && capital_at(p + 3)))) {
            emit(buf, size, &o, p, 1);
            p += 2;
            continue;
        }
        /* "Durchwahl -12": an extension, not minus twelve */
        if (de && *p == '-' && p > in && p[-1] == ' ' && is_digit(p[1]) &&
            extension_before(in, p)) {
            size_t k = 1;
            while (is_digit(p[k]) && k < 16)
                k++;
            char digits[32], words[256];
            snprintf(digits, sizeof(digits), "%.*s", (int)(k - 1), p + 1);
            lf_speech_say_phone(lang, digits, words, sizeof(words));
            emits(buf, size, &o, words);
            p += k;
            continue;
        }
        /* "Hauptstr. 5" */
        if (de && !start && strncmp(p, "str.", 4) == 0 && !latin_letter(p + 4)) {
            emits(buf, size, &o, "straße");
            p += 4;
            continue;
        }
        if (start && days) {
            size_t l1, l2;
            int d1 = short_day(days, p, &l1);
            bool en_dash;
            size_t dl = d1 >= 0 ? range_dash(p + l1, &en_dash) : 0;
            int d2 = dl ? short_day(days, p + l1 + dl, &l2) : -1;
            bool slash = false; /* "Sa/So": Saturday and Sunday */
            if (d2 < 0 && d1 >= 0 && p[l1] == '/' && (d2 = short_day(days, p + l1 + 1, &l2)) >= 0) {
                dl = 1;
                slash = true;
            }
            if (d2 >= 0) {
                char a[64], b[64];
                weekday_name(lang, d1, a, sizeof(a));
                weekday_name(lang, d2, b, sizeof(b));
                emits(buf, size, &o, a);
                emits(buf, size, &o, slash ? (de ? " und " : " and ") : to);
                emits(buf, size, &o, b);
                p += l1 + dl + l2;
                continue;
            }
            /* one day written short, with a time or another day after it
             * ("Mo. 9 Uhr", "Mo, Mi und Fr 9-12"); "Fr. Meiber" stays */
            if (d1 >= 0 && single_day_follows(days, p + l1)) {
                char a[64];
                weekday_name(lang, d1, a, sizeof(a));
                emits(buf, size, &o, a);
                p += l1;
                continue;
            }
        }
        size_t num, cents, amount;
        if ((de || en) && (start || (en && strncmp(p, "€", strlen("€")) == 0)) &&
            (amount = euro_amount(p, de, &num, &cents)) > 0) {
            emit(buf, size, &o, p + num, cents - 1 - num);
            emits(buf, size, &o, de ? " Euro" : " euros");
            if (!(p[cents] == '0' && p[cents + 1] == '0')) {
                emits(buf, size, &o, " ");
                emit(buf, size, &o, p + cents, 2);
            }
            p += amount;
            continue;
        }
        if (start && de && is_digit(*p)) {
            int day, month;
            long year;
            bool numbered = numbered_thing_before(in, p);
            size_t dn = numbered ? 0 : german_date(p, &day, &month, &year);
            /* "am 25./26.12.": two days of one month */
            int first = 0;
            if (!dn && !numbered && is_digit(p[0])) {
                size_t k = is_digit(p[1]) ? 2 : 1;
                int d0 = k == 2 ? (p[0] - '0') * 10 + (p[1] - '0') : p[0] - '0';
                if (p[k] == '.' && p[k + 1] == '/' && d0 >= 1 && d0 <= 31 &&
                    (dn = german_date(p + k + 2, &day, &month, &year)) > 0) {
                    dn += k + 2;
                    first = d0;
                }
            }
            if (dn) {
                char words[256];
                const char *article = german_article_ordinal(in, p);
                const char *rules = german_dative_before(in, p) ? "%spellout-ordinal-n"
                                    : article                   ? article
                                                                : "%spellout-ordinal-r";
                if (first) {
                    number(lang, rules, first, words, sizeof(words));
                    emits(buf, size, &o, words);
                    emits(buf, size, &o, " und ");
                }
                number(lang, rules, day, words, sizeof(words));
                emits(buf, size, &o, words);
                emits(buf, size, &o, " ");
                emits(buf, size, &o, de_months[month - 1]);
                if (year) {
                    number(lang, "%spellout-numbering-year", year, words, sizeof(words));
                    emits(buf, size, &o, " ");
                    emits(buf, size, &o, words);
                }
                p += dn;
                continue;
            }
            long ord;
            size_t ol;
            const char *rules = german_ordinal(in, p, &ord, &ol);
            if (rules) {
                char words[256];
                number(lang, rules, ord, words, sizeof(words));
                emits(buf, size, &o, words);
                emits(buf, size, &o, " ");
                p += ol;
                continue;
            }
        }
        if (start && en && (is_digit(*p) || capital_at(p)) && !en_numbered_thing_before(in, p)) {
            size_t dn = english_date(p, buf, size, &o);
            if (dn) {
                p += dn;
                continue;
            }
        }
        if (start && (L == L_UK || L == L_RU) && is_digit(*p)) {
            /* "з 24 грудня": the day as an ordinal in the genitive
             * ("двадцять четвертого грудня"), as the dates of the kiosk */
            size_t k = 0;
            int day = 0;
            while (is_digit(p[k]) && k < 2)
                day = day * 10 + (p[k++] - '0');
            bool said_day = false;
            for (int m = 1; m <= 12 && p[k] == ' ' && day >= 1 && day <= 31 && !is_digit(p[k]);
                 m++) {
                char month[64], words[256];
                month_after_day(lang, lf_local_make(2026, m, 15, 12, 0), month, sizeof(month));
                size_t ml = strlen(month);
                if (!ml || strncmp(p + k + 1, month, ml) != 0)
                    continue;
                if (L == L_UK ? !lf_spell_uk_ordinal(day, LF_UK_NEUTER_GENITIVE, words, sizeof(words))
                              : !lf_spell_number(lang, "%spellout-ordinal-neuter-genitive", day,
                                                 words, sizeof(words)))
                    break;
                emits(buf, size, &o, words);
                p += k;
                said_day = true;
                break;
            }
            if (said_day)
                continue;
        }
        if (start && !de && !en && (n = other_numeric_date(lang, p, buf, size, &o)) > 0) {
            p += n;
            continue;
        }
        if (start && !de && !en && (n = spaced_thousands(lang, p, buf, size, &o)) > 0) {
            p += n;
            continue;
        }
        if (start && !de && !en && !tr && (n = other_text_clock(lang, in, p, buf, size, &o)) > 0) {
            p += n;
            continue;
        }
        if (start && !de && !en && !tr && (n = other_number_range(lang, p, buf, size, &o)) > 0) {
            p += n;
            continue;
        }
        if (start && tr && is_digit(*p)) {
            size_t tn = turkish_time_range(in, p, buf, size, &o);
            if (tn) {
                p += tn;
                continue;
            }
            /* "3. Forum": an ordinal where a sentence or clause begins (the
             * voice said "üç" and a full stop) */
            size_t k = 0;
            long v = 0;
            while (is_digit(p[k]) && k < 3)
                v = v * 10 + (p[k++] - '0');
            const char *e = p;
            while (e > in && e[-1] == ' ')
                e--;
            if (v >= 1 && !is_digit(p[k]) && p[k] == '.' && p[k + 1] == ' ' &&
                latin_letter(p + k + 2) && (e == in || strchr(",;:(.!?\n", e[-1]))) {
                char words[256];
                number(lang, "%spellout-ordinal", v, words, sizeof(words));
                emits(buf, size, &o, words);
                emits(buf, size, &o, " ");
                p += k + 2;
                continue;
            }
        }
        if (start && en && is_digit(*p) && (n = english_ampm(p, buf, size, &o)) > 0) {
            p += n;
            continue;
        }
        if (start && (de || en) && is_digit(*p)) {
            long v1, v2;
            int h1, m1, h2, m2;
            size_t n1 = number_or_time(p, &v1, &h1, &m1, false);
            bool en_dash = false;
            size_t dl = n1 ? range_dash(p + n1, &en_dash) : 0;
            size_t n2 = dl ? number_or_time(p + n1 + dl, &v2, &h2, &m2, false) : 0;
            if (de && n1 && h1 < 0 && p[n1] == '.') {
                /* "9.00-12.00 Uhr": the first time has no "Uhr" of its own */
                long w1, w2;
                int g1, k1, g2, k2;
                bool ed = false;
                size_t t1 = number_or_time(p, &w1, &g1, &k1, true);
                size_t tl = t1 && g1 >= 0 ? range_dash(p + t1, &ed) : 0;
                size_t t2 = tl ? number_or_time(p + t1 + tl, &w2, &g2, &k2, false) : 0;
                if (t2 && g2 >= 0) {
                    n1 = t1, v1 = w1, h1 = g1, m1 = k1, dl = tl, en_dash = ed;
                    n2 = t2, v2 = w2, h2 = g2, m2 = k2;
                }
            }
            /* a hyphen joins a range when the numbers are alike ("9-12",
             * "2023-2024"), not an extension ("53-3808") */
            size_t d1 = h1 >= 0 ? 0 : n1, d2 = h2 >= 0 ? 0 : n2;
            bool alike = d1 + 1 >= d2 && d2 + 1 >= d1;
            /* "22-2 Uhr": hours over midnight */
            bool hours = de && n2 && h1 < 0 && h2 < 0 && v1 <= 24 && v2 <= 24 &&
                         strncmp(p + n1 + dl + n2, " Uhr", 4) == 0;
            if (n2 && (en_dash || h1 >= 0 || h2 >= 0 || hours || (v1 < v2 && alike))) {
                char a[256], b[256];
                say_number_or_time(lang, p, n1, h1, m1, a, sizeof(a));
                say_number_or_time(lang, p + n1 + dl, n2, h2, m2, b, sizeof(b));
                emits(buf, size, &o, a);
                emits(buf, size, &o, to);
                emits(buf, size, &o, b);
                p += n1 + dl + n2;
                /* "9:00–12:00 Uhr": the words have said "Uhr" */
                if (de && h2 >= 0 && strncmp(p, " Uhr", 4) == 0 && !latin_letter(p + 4))
                    p += 4;
                continue;
            }
            if (n1 && h1 >= 0) {
                char a[256];
                say_number_or_time(lang, p, n1, h1, m1, a, sizeof(a));
                if (en && h1 == 12 && m1 == 0 && strncmp(p + n1, " midnight", 9) == 0)
                    snprintf(a, sizeof(a), "midnight"); /* "12:00 midnight" */
                emits(buf, size, &o, a);
                p += n1;
                if (de && strncmp(p, " Uhr", 4) == 0 && !latin_letter(p + 4))
                    p += 4;
                /* "12:00 noon": the words have said "noon" */
                size_t al = strlen(a);
                if (en && al && p[0] == ' ' && strncmp(p + 1, a, al) == 0 && !latin_letter(p + 1 + al))
                    p += 1 + al;
                continue;
            }
        }
        const char *sw;
        size_t sl;
        if (!de && !en && (*p == '%' || (unsigned char)*p >= 0xD9) &&
            (sw = sign_word(lang, in, p, &sl)) != NULL) {
            if (o > 0 && buf[o - 1] != ' ')
                emits(buf, size, &o, " ");
            emits(buf, size, &o, sw);
            p += sl;
            continue;
        }
        emit(buf, size, &o, p, 1);
        p++;
    }
}

void lf_speech_say_text(const char *lang, const char *text, char *buf, size_t size)
{
    say_text(lang, text, buf, size);
}

/* Latin words in a text of a language written in another script
 * ("اجتماع في Kommunales Integrationszentrum غدا"): the Arabic, Persian,
 * Cyrillic ... voices would read them with English rules; the German
 * voice reads them (they are names from the kiosk's German world). */
static void latin_to_german(const char *in, char *buf, size_t size)
{
    size_t o = 0;
    bool inside = false; /* a part already marked for the German voice */
    buf[0] = '\0';
    for (const char *p = in; *p && o + 8 < size;) {
        if (*p == GERMAN_OPEN[0] || *p == GERMAN_CLOSE[0]) {
            inside = *p == GERMAN_OPEN[0];
            emit(buf, size, &o, p++, 1);
            continue;
        }
        size_t l = inside ? 0 : latin_letter(p);
        if (!l) {
            emit(buf, size, &o, p++, 1);
            continue;
        }
        const char *e = p;
        for (;;) {
            size_t k = latin_letter(e);
            if (k) {
                e += k;
                continue;
            }
            /* words joined by spaces, hyphens, dots or apostrophes */
            size_t j = 0;
            while (e[j] && strchr(" -.'", e[j]) && j < 3)
                j++;
            if (j && latin_letter(e + j)) {
                e += j;
                continue;
            }
            break;
        }
        emits(buf, size, &o, GERMAN_OPEN);
        emit(buf, size, &o, p, (size_t)(e - p));
        emits(buf, size, &o, GERMAN_CLOSE);
        p = e;
    }
}

/* A content text in the visitor's language, ready to be read: German
 * standing in for a missing translation is read by the German voice,
 * phone numbers in it are said in groups. Valid until TEXT_SLOTS more
 * calls; NULL when the field is absent. */
static const char *text(struct speaker *sp, const struct lf_text *t)
{
    bool fallback = false;
    const char *s = lf_text_get(t, sp->lang, &fallback);
    if (!s)
        return NULL;
    char *slot = sp->slots[sp->next_slot];
    sp->next_slot = (sp->next_slot + 1) % TEXT_SLOTS;
    bool german = fallback && sp->L != L_DE;
    if (german && !sp->german_said) {
        sp->german_said = true;
        const char *cue = only_german(sp->lang);
        if (cue)
            sentence(&sp->sc, "%s", cue);
    }
    char said[LF_MAX_STRING_BYTES * 2];
    say_text(german ? "de" : sp->lang, s, said, sizeof(said));
    if (!german && !latin_script(sp->lang)) {
        char marked[sizeof(said)];
        latin_to_german(said, marked, sizeof(marked));
        snprintf(said, sizeof(said), "%s", marked);
    }
    snprintf(slot, sizeof(sp->slots[0]), "%s%s%s", german ? GERMAN_OPEN : "", said,
             german ? GERMAN_CLOSE : "");
    return slot;
}

/* "Label: text." (the label only in languages with spoken grammar) */
static void labelled(struct speaker *sp, enum lf_phrase label, const char *value)
{
    if (!value || !value[0])
        return;
    /* the label in the visitor's language, never German standing in */
    const char *l = said(sp->lang, label);
    size_t n = strlen(l);
    if (!l[0])
        sentence(&sp->sc, "%s", value);
    else if (l[n - 1] == '?' || (n >= 2 && strcmp(l + n - 2, "؟") == 0))
        sentence(&sp->sc, "%s %s", l, value); /* a question as label: "Für wen? Familien." */
    else
        sentence(&sp->sc, "%s: %s", l, value);
}

static void say_contact_details(struct speaker *sp, const struct lf_item *it)
{
    static const char *const phone_w[] = {"Telefon", "Phone", "Telefon", "الهاتف", "تلفن",
                                          "Телефон", "Телефон", ""};
    static const char *const mail_w[] = {"E-Mail", "E-mail", "E-posta", "البريد الإلكتروني",
                                         "ایمیل", "Електронна пошта", "Электронная почта", ""};
    static const char *const web_w[] = {"Im Internet", "On the web", "İnternet adresi",
                                        "الموقع الإلكتروني", "وب‌سایت", "Вебсайт", "Сайт", ""};
    char buf[1024];
    const struct lf_spoken_words *w = table_words(sp->lang);
    const char *colon = sp->L == L_OTHER && !w ? "" : ": ";
    if (it->phone) {
        lf_speech_say_phone(sp->lang, it->phone, buf, sizeof(buf));
        sentence(&sp->sc, "%s%s%s", w ? w->phone : phone_w[sp->L], colon, buf);
    }
    if (it->email) {
        say_address_online(sp->lang, it->email, buf, sizeof(buf));
        sentence(&sp->sc, "%s%s%s", w ? w->email : mail_w[sp->L], colon, buf);
    }
    if (it->url) {
        say_address_online(sp->lang, it->url, buf, sizeof(buf));
        sentence(&sp->sc, "%s%s%s", w ? w->web : web_w[sp->L], colon, buf);
    }
}

/* Weekdays of a range: "Montag bis Freitag", "Montag, Dienstag und
 * Donnerstag" (three days or more in a row: from ... to). */
static void say_days(const char *lang, uint8_t mask, char *buf, size_t size)
{
    static const char *const and_w[] = {" und ", " and ", " ve ", " و", " و ", " і ", " и ", ", "};
    enum spoken L = spoken_lang(lang);
    char parts[7][256];
    int n = 0;
    for (int d = 0; d < 7;) {
        if (!(mask & (1u << d))) {
            d++;
            continue;
        }
        int e = d;
        while (e + 1 < 7 && (mask & (1u << (e + 1))))
            e++;
        char a[64], b[64];
        weekday_name(lang, d, a, sizeof(a));
        weekday_name(lang, e, b, sizeof(b));
        if (e < d + 2) {
            snprintf(parts[n++], sizeof(parts[0]), "%s", a);
            if (e == d + 1)
                snprintf(parts[n++], sizeof(parts[0]), "%s", b);
            d = e + 1;
            continue;
        }
        char *part = parts[n++];
        size_t ps = sizeof(parts[0]);
        switch (L) {
        case L_DE: snprintf(part, ps, "%s bis %s", a, b); break;
        case L_EN: snprintf(part, ps, "%s to %s", a, b); break;
        case L_TR: snprintf(part, ps, "%s ile %s arası", a, b); break;
        case L_AR: snprintf(part, ps, "من %s إلى %s", a, b); break;
        case L_FA: snprintf(part, ps, "%s تا %s", a, b); break;
        case L_UK: snprintf(part, ps, "з %s по %s", uk_weekday_gen[d], uk_weekday_acc[e]); break;
        case L_RU:
            snprintf(part, ps, "%s %s по %s", d == 2 ? "со" : "с", ru_weekday_gen[d],
                     ru_weekday_acc[e]);
            break;
        case L_OTHER: {
            const struct lf_spoken_words *w = table_words(lang);
            if (w)
                snprintf(part, ps, w->day_span, w->span_from ? w->span_from[d] : a,
                         w->span_to ? w->span_to[e] : b);
            else
                snprintf(part, ps, "%s – %s", a, b);
            break;
        }
        }
        d = e + 1;
    }
    size_t o = 0;
    buf[0] = '\0';
    for (int i = 0; i < n; i++) {
        const char *and_word = table_words(lang) ? table_words(lang)->and_word : and_w[L];
        const char *sep = i == 0 ? "" : i + 1 == n ? and_word : lf_list_comma(lang);
        int w = snprintf(buf + o, size - o, "%s%s", sep, parts[i]);
        if (w < 0 || (size_t)w >= size - o)
            return;
        o += (size_t)w;
    }
}

/* "Jetzt geöffnet, bis vierzehn Uhr." or when it opens next. */
static void say_open_status(struct speaker *sp, const struct lf_opening_hours *h)
{
    struct lf_open_status st = lf_opening_status(h, sp->now);
    if (st.state == LF_HOURS_NONE)
        return;
    const char *lang = sp->lang;
    if (st.change_at == (time_t)-1) {
        sentence(&sp->sc, "%s", said(lang, st.state == LF_HOURS_OPEN ? LF_P_OPEN_NOW
                                                                           : LF_P_CLOSED));
        return;
    }
    struct tm tm;
    lf_local_time(st.change_at, &tm);
    char t[256];
    if (st.state == LF_HOURS_OPEN) {
        say_until(lang, tm.tm_hour == 0 && tm.tm_min == 0 ? 24 : tm.tm_hour, tm.tm_min, t,
                  sizeof(t));
        /* "Jetzt offen." (Leichte Sprache) goes on with ", bis ...": no stop */
        char open_now[256];
        snprintf(open_now, sizeof(open_now), "%s", said(lang, LF_P_OPEN_NOW));
        size_t n = strlen(open_now);
        if (n > 0 && open_now[n - 1] == '.')
            open_now[n - 1] = '\0';
        sentence(&sp->sc, "%s%s%s", open_now, open_now[0] ? lf_list_comma(lang) : "", t);
        return;
    }
    say_at(lang, tm.tm_hour, tm.tm_min, t, sizeof(t));
    const char *dw = day_word(lang, st.change_at, sp->now);
    bool today = dw && dw == said(lang, LF_P_TODAY);
    int wd = lf_weekday_mon0(&tm);
    char wname[64];
    weekday_name(lang, wd, wname, sizeof(wname));
    sentence(&sp->sc, "%s", said(lang, LF_P_CLOSED));
    switch (sp->L) {
    case L_DE:
        if (dw)
            sentence(&sp->sc, "Öffnet %s %s", today ? "heute" : "morgen", t);
        else
            sentence(&sp->sc, "Öffnet am %s %s", wname, t);
        return;
    case L_EN:
        if (dw)
            sentence(&sp->sc, "Opens %s %s", today ? "today" : "tomorrow", t);
        else
            sentence(&sp->sc, "Opens on %s %s", wname, t);
        return;
    case L_TR:
        sentence(&sp->sc, "%s açılış %s", dw ? (today ? "Bugün" : "Yarın") : wname, t);
        return;
    case L_AR:
        if (dw)
            sentence(&sp->sc, "يفتح %s %s", today ? "اليوم" : "غدًا", t);
        else
            sentence(&sp->sc, "يفتح يوم %s %s", wname, t);
        return;
    case L_FA:
        sentence(&sp->sc, "%s %s باز می‌شود", dw ? (today ? "امروز" : "فردا") : wname, t);
        return;
    case L_UK:
        if (dw)
            sentence(&sp->sc, "Відчиняється %s %s", today ? "сьогодні" : "завтра", t);
        else
            sentence(&sp->sc, "Відчиняється %s %s %s", wd == 6 ? "в" : "у", uk_weekday_acc[wd], t);
        return;
    case L_RU:
        if (dw)
            sentence(&sp->sc, "Откроется %s %s", today ? "сегодня" : "завтра", t);
        else
            sentence(&sp->sc, "Откроется %s %s %s", wd == 1 ? "во" : "в", ru_weekday_acc[wd], t);
        return;
    case L_OTHER:
        if (table_words(lang))
            sentence(&sp->sc, table_words(lang)->opens, dw ? dw : wname, t);
        else
            sentence(&sp->sc, "%s %s", dw ? dw : wname, t);
        return;
    }
}

static void say_hours(struct speaker *sp, const struct lf_opening_hours *h)
{
    if (h->n == 0)
        return;
    if (!sp->clock_unknown)
        say_open_status(sp, h);
    char all[2048] = "";
    size_t o = 0;
    for (size_t i = 0; i < h->n; i++) {
        const struct lf_hours_range *r = &h->ranges[i];
        char days[512], range[512];
        say_days(sp->lang, r->weekdays, days, sizeof(days));
        say_range(sp->lang, r->from_min / 60, r->from_min % 60, r->to_min / 60, r->to_min % 60,
                  range, sizeof(range));
        /* Greek reads ";" as a question mark */
        const char *semicolon = sp->L == L_AR || sp->L == L_FA ? "؛ "
                                : strncmp(sp->lang, "el", 2) == 0 ? ", " : "; ";
        int w = snprintf(all + o, sizeof(all) - o, "%s%s%s%s", i ? semicolon : "", days,
                         lf_list_comma(sp->lang), range);
        if (w < 0 || (size_t)w >= sizeof(all) - o)
            break;
        o += (size_t)w;
    }
    labelled(sp, LF_P_HOURS, all);
    const char *note = text(sp, &h->note);
    if (note)
        sentence(&sp->sc, "%s", note);
}

/* The languages an offer is given in, named in the visitor's language
 * (ICU's display names): "Deutsch, Türkisch und Arabisch". */
static void say_languages(struct speaker *sp, const struct lf_item *it)
{
    static const char *const and_w[] = {" und ", " and ", " ve ", " و", " و ", " і ", " и ", ", "};
    if (it->n_languages == 0)
        return;
    char all[2048] = "";
    size_t o = 0;
    for (size_t i = 0; i < it->n_languages; i++) {
        char name[256];
        UErrorCode st = U_ZERO_ERROR;
        UChar u[128];
        char base[LF_MAX_LANG_TAG + 8];
        int32_t n = uloc_getDisplayLanguage(it->languages[i],
                                            icu_locale(sp->lang, base, sizeof(base)), u, 128, &st);
        if (U_FAILURE(st) || n <= 0 || n >= 128 || st == U_USING_DEFAULT_WARNING)
            snprintf(name, sizeof(name), "%s", lf_lang_endonym(it->languages[i]));
        else
            u_strToUTF8(name, sizeof(name), NULL, u, n, &st);
        if (U_FAILURE(st))
            snprintf(name, sizeof(name), "%s", lf_lang_endonym(it->languages[i]));
        const struct lf_spoken_words *tw = table_words(sp->lang);
        const char *sep = i == 0 ? "" : i + 1 == it->n_languages ? (tw ? tw->and_word : and_w[sp->L])
                                                               : lf_list_comma(sp->lang);
        int w = snprintf(all + o, sizeof(all) - o, "%s%s", sep, name);
        if (w < 0 || (size_t)w >= sizeof(all) - o)
            break;
        o += (size_t)w;
    }
    labelled(sp, LF_P_LANGUAGES, all);
}

static void say_event(struct speaker *sp, const struct lf_slide *sl)
{
    const struct lf_item *it = sl->item;
    char buf[2048];
    if (sl->start <= sp->now && sp->now < sl->end && !it->cancelled && !sp->clock_unknown)
        sentence(&sp->sc, "%s", said(sp->lang, LF_P_RUNNING_NOW));
    say_when(sp->lang, sl->start, sl->end, lf_slide_whole_days(sl), sp->now, buf, sizeof(buf));
    sentence(&sp->sc, "%s", buf);
    if (it->recurrence == LF_RECUR_YEARLY)
        sentence(&sp->sc, "%s", said(sp->lang, LF_P_YEARLY));
    char where[LF_MAX_STRING_BYTES * 2] = "";
    const char *parts[2] = {text(sp, &it->place), text(sp, &it->room)};
    size_t o = 0;
    for (int i = 0; i < 2; i++) {
        if (!parts[i])
            continue;
        int w = snprintf(where + o, sizeof(where) - o, "%s%s", o ? lf_list_comma(sp->lang) : "",
                         parts[i]);
        if (w > 0 && (size_t)w < sizeof(where) - o)
            o += (size_t)w;
    }
    if (it->address) {
        /* a German address: the German voice reads it, whatever the language */
        bool german = sp->L != L_DE;
        lf_speech_say_address(german ? "de" : sp->lang, it->address, buf, sizeof(buf));
        snprintf(where + o, sizeof(where) - o, "%s%s%s%s", o ? lf_list_comma(sp->lang) : "",
                 german ? GERMAN_OPEN : "", buf, german ? GERMAN_CLOSE : "");
    }
    labelled(sp, LF_P_WHERE, where);
}

static void say_item(struct speaker *sp, const struct lf_slide *sl)
{
    const struct lf_item *it = sl->item;
    /* the title is taken (and "only in German" said for it) after the
     * words that come before it: "Hinweis.", "Abgesagt." */
    const char *title;
    switch (sl->kind) {
    case LF_SLIDE_NOTICE:
    case LF_SLIDE_URGENT:
        sentence(&sp->sc, "%s", said(sp->lang, sl->kind == LF_SLIDE_URGENT ? LF_P_URGENT
                                                                               : LF_P_NOTICE));
        title = text(sp, &it->title);
        sentence(&sp->sc, "%s", title);
        sentence(&sp->sc, "%s", text(sp, &it->summary) ? text(sp, &it->summary) : "");
        return;
    case LF_SLIDE_EVENT:
        /* a cancelled event: said first, before anything invites to come */
        if (it->cancelled)
            sentence(&sp->sc, "%s", said(sp->lang, LF_P_CANCELLED));
        title = text(sp, &it->title);
        sentence(&sp->sc, "%s", title);
        say_event(sp, sl);
        sentence(&sp->sc, "%s", text(sp, &it->summary) ? text(sp, &it->summary) : "");
        labelled(sp, LF_P_ORGANISER, text(sp, &it->organiser));
        labelled(sp, LF_P_REGISTRATION, text(sp, &it->registration));
        say_contact_details(sp, it);
        return;
    case LF_SLIDE_OFFER:
        title = text(sp, &it->title);
        sentence(&sp->sc, "%s", title);
        sentence(&sp->sc, "%s", text(sp, &it->summary) ? text(sp, &it->summary) : "");
        labelled(sp, LF_P_PROVIDER, text(sp, &it->provider));
        labelled(sp, LF_P_AUDIENCE, text(sp, &it->audience));
        say_languages(sp, it);
        say_hours(sp, &it->hours);
        say_contact_details(sp, it);
        return;
    case LF_SLIDE_CONTACT:
        title = text(sp, &it->title);
        sentence(&sp->sc, "%s", title);
        sentence(&sp->sc, "%s", text(sp, &it->role) ? text(sp, &it->role) : "");
        sentence(&sp->sc, "%s", text(sp, &it->unit) ? text(sp, &it->unit) : "");
        sentence(&sp->sc, "%s", text(sp, &it->summary) ? text(sp, &it->summary) : "");
        say_hours(sp, &it->hours);
        say_contact_details(sp, it);
        return;
    case LF_SLIDE_AGENDA:
        return;
    }
}

/* A list entry: an event with its day and time, anything else its title. */
static void say_entry(struct speaker *sp, const struct lf_slide *sl)
{
    const char *title = sl->item ? text(sp, &sl->item->title) : NULL;
    if (!title)
        return;
    if (sl->kind == LF_SLIDE_EVENT) {
        char date[512], at[256];
        struct tm tm;
        lf_local_time(sl->start, &tm);
        lf_speech_say_date(sp->lang, sl->start, sp->now, date, sizeof(date));
        const char *dw = sp->L == L_OTHER && !table_words(sp->lang)
                             ? NULL
                             : day_word(sp->lang, sl->start, sp->now);
        if (lf_slide_whole_days(sl))
            snprintf(at, sizeof(at), "%s", said(sp->lang, LF_P_ALL_DAY));
        else
            say_at(sp->lang, tm.tm_hour, tm.tm_min, at, sizeof(at));
        if (sl->item->cancelled)
            sentence(&sp->sc, "%s", said(sp->lang, LF_P_CANCELLED));
        sentence(&sp->sc, "%s%s%s%s%s: %s", dw ? dw : "", dw ? lf_list_comma(sp->lang) : "",
                 date, lf_list_comma(sp->lang), at, title);
        return;
    }
    sentence(&sp->sc, "%s", title);
}

char *lf_speech_script(const struct lf_spoken_page *p, const char *lang, time_t now)
{
    struct speaker sp = {.lang = lang, .now = now, .clock_unknown = p->clock_unknown,
                         .L = spoken_lang(lang)};
    if (p->slide && p->slide->kind == LF_SLIDE_AGENDA) {
        sentence(&sp.sc, "%s", said(lang, LF_P_UPCOMING));
        if (p->n_list == 0)
            sentence(&sp.sc, "%s", said(lang, LF_P_NO_EVENTS));
        for (size_t i = 0; i < p->n_list; i++)
            say_entry(&sp, &p->list[i]);
    } else if (p->slide && p->slide->item) {
        say_item(&sp, p->slide);
    } else if (p->list_title || p->n_list) {
        if (p->list_title)
            sentence(&sp.sc, "%s", p->list_title);
        for (size_t i = 0; i < p->n_notices; i++) {
            /* the notices at the top of the list: "Wichtiger Hinweis: Heute geschlossen" */
            const char *title = p->notices[i].item ? text(&sp, &p->notices[i].item->title) : NULL;
            if (title)
                sentence(&sp.sc, "%s: %s",
                         said(lang, p->notices[i].kind == LF_SLIDE_URGENT ? LF_P_URGENT
                                                                           : LF_P_NOTICE),
                         title);
        }
        for (size_t i = 0; i < p->n_list; i++)
            say_entry(&sp, &p->list[i]);
    }
    if (!sp.sc.s)
        return lf_xstrdup("");
    return sp.sc.s;
}

void lf_speech_item_slide(const struct lf_item *it, time_t now, struct lf_slide *out)
{
    *out = (struct lf_slide){.item = it};
    switch (it->kind) {
    case LF_ITEM_EVENT:
        out->kind = LF_SLIDE_EVENT;
        if (!lf_event_occurrence(it, now, &out->start, &out->end)) {
            out->start = it->start;
            out->end = it->end;
        }
        break;
    case LF_ITEM_OFFER:
        out->kind = LF_SLIDE_OFFER;
        break;
    case LF_ITEM_CONTACT:
        out->kind = LF_SLIDE_CONTACT;
        break;
    case LF_ITEM_NOTICE:
        out->kind = it->priority >= LF_NOTICE_URGENT ? LF_SLIDE_URGENT : LF_SLIDE_NOTICE;
        out->start = it->valid_from;
        out->end = it->valid_until;
        break;
    }
}
