/* Dates, days and the time of an event as they are said, language by
 * language (speech/script_date.h). */
#include "speech/script.h"
#include "speech/script_date.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unicode/udat.h>
#include <unicode/udatpg.h>
#include <unicode/ufieldpositer.h>
#include <unicode/ustring.h>

#include "core/limits.h"
#include "core/civil_time.h"
#include "layout/phrases.h"
#include "speech/number_words.h"
#include "speech/spoken_words.h"
#include "speech/script_clock.h"
#include "speech/script_lang.h"

/* Every phrase is put together with snprintf into a bounded buffer; a
 * text longer than its buffer is cut there on purpose (the bundle's own
 * limits keep real texts far below). GCC cannot see that the words are
 * short and warns for each nesting. */
#pragma GCC diagnostic ignored "-Wformat-truncation"

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
    lf_script_icu_locale(lang, base, sizeof(base));
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
    const struct lf_spoken_words *w = lf_script_table_words(lang);
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
    enum spoken L = lf_script_spoken_lang(lang);
    if (L == L_OTHER) {
        if (!icu_date(lang, t, tm.tm_year != tn.tm_year, buf, size))
            lf_format_date(lang, t, LF_DATE_LONG, buf, size);
        return;
    }
    lf_script_weekday_name(lang, wd, wname, sizeof(wname));
    lf_script_month_after_day(lang, t, month, sizeof(month));
    if (tm.tm_year != tn.tm_year) {
        char yw[128];
        int y = tm.tm_year + 1900;
        if (L == L_DE || L == L_EN)
            lf_script_number(lang, "%spellout-numbering-year", y, yw, sizeof(yw));
        /* "2027 року" was read "дві тисячі двадцять сім року": the year
         * is an ordinal in the genitive, "двадцять сьомого року" */
        else if (L == L_UK && y > 2000 && y <= 2031 &&
                 lf_spell_uk_ordinal(y - 2000, LF_UK_NEUTER_GENITIVE, dw, sizeof(dw)))
            snprintf(yw, sizeof(yw), "дві тисячі %s", dw);
        else if (L == L_RU && y > 2000 && y < 2100)
            lf_script_number(lang, "%spellout-ordinal-neuter-genitive", y, yw, sizeof(yw));
        else
            snprintf(yw, sizeof(yw), "%d", tm.tm_year + 1900);
        snprintf(year, sizeof(year), L == L_UK ? " %s року" : L == L_RU ? " %s года" : " %s", yw);
    }
    switch (L) {
    case L_DE:
        lf_script_number(lang, "%spellout-ordinal-r", day, dw, sizeof(dw)); /* "neunter" */
        snprintf(buf, size, "%s, %s %s%s", wname, dw, month, year);
        break;
    case L_EN:
        lf_script_number(lang, "%spellout-ordinal", day, dw, sizeof(dw));
        snprintf(buf, size, "%s, the %s of %s%s", wname, dw, month, year);
        break;
    case L_TR:
        lf_script_number(lang, "%spellout-cardinal", day, dw, sizeof(dw));
        snprintf(buf, size, "%s %s%s %s", dw, month, year, wname);
        break;
    case L_AR:
        lf_script_number(lang, "%spellout-ordinal-masculine", day, dw, sizeof(dw));
        snprintf(buf, size, "%s، %s من %s%s", wname, dw, month, year);
        break;
    case L_FA: {
        /* Persian ordinals: the cardinal and "م" (سه: سوم, سی: سی‌ام) */
        lf_script_number(lang, "%spellout-cardinal", day, dw, sizeof(dw));
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
        lf_script_number(lang, "%spellout-ordinal-neuter-genitive", day, dw, sizeof(dw));
        snprintf(buf, size, "%s, %s %s%s", wname, dw, month, year);
        break;
    case L_OTHER:
        break;
    }
}

/* "Heute, " / "Morgen, " before a date that is today or tomorrow. */
const char *lf_script_day_word(const char *lang, time_t t, time_t now)
{
    struct tm a, b;
    lf_local_time(t, &a);
    lf_local_time(now, &b);
    if (!lf_script_said(lang, LF_P_TODAY)[0] || !lf_script_said(lang, LF_P_TOMORROW)[0])
        return NULL; /* German does not stand in for a spoken word */
    if (a.tm_year == b.tm_year && a.tm_yday == b.tm_yday)
        return lf_script_said(lang, LF_P_TODAY);
    time_t tomorrow = lf_local_make(b.tm_year + 1900, b.tm_mon + 1, b.tm_mday, 12, 0) + 86400;
    struct tm c;
    lf_local_time(tomorrow, &c);
    if (a.tm_year == c.tm_year && a.tm_yday == c.tm_yday)
        return lf_script_said(lang, LF_P_TOMORROW);
    return NULL;
}

/* When an event is: "Mittwoch, neunter Dezember, von siebzehn bis
 * neunzehn Uhr", or from one day to another. */
void lf_script_say_when(const char *lang, time_t start, time_t end, bool days, time_t now,
                     char *buf, size_t size)
{
    struct tm a, b;
    lf_local_time(start, &a);
    lf_local_time(end, &b);
    enum spoken L = lf_script_spoken_lang(lang);
    const char *comma = lf_list_comma(lang);
    char d1[256], d2[256], range[512];
    lf_speech_say_date(lang, start, now, d1, sizeof(d1));
    const char *dw = L == L_OTHER && !lf_script_table_words(lang) ? NULL : lf_script_day_word(lang, start, now);
    char day1[LF_MAX_PHRASE_BYTES + 320]; /* the day word is a phrase ("heute") */
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
            const char *all_day = lf_script_said(lang, LF_P_ALL_DAY);
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
        lf_script_say_range(lang, a.tm_hour, a.tm_min, ends_midnight && !same_day ? 24 : b.tm_hour,
                  b.tm_min, range, sizeof(range));
        snprintf(buf, size, "%s%s%s", day1, comma, range);
        return;
    }
    lf_speech_say_date(lang, end, now, d2, sizeof(d2));
    /* Ukrainian, Russian and the table's languages say "at" with the hour
     * (in its case); the others the clock time */
    char t1[256], t2[256];
    if (L == L_UK || L == L_RU || lf_script_table_words(lang)) {
        lf_script_say_at(lang, a.tm_hour, a.tm_min, t1, sizeof(t1));
        lf_script_say_at(lang, b.tm_hour, b.tm_min, t2, sizeof(t2));
    } else {
        lf_script_clock_words(lang, a.tm_hour, a.tm_min, t1, sizeof(t1));
        lf_script_clock_words(lang, b.tm_hour, b.tm_min, t2, sizeof(t2));
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
    const char *frame = L == L_OTHER && lf_script_table_words(lang) ? lf_script_table_words(lang)->span : frames[L];
    snprintf(buf, size, frame, day1, t1, d2, t2);
}

/* Weekdays of a range: "Montag bis Freitag", "Montag, Dienstag und
 * Donnerstag" (three days or more in a row: from ... to). */
void lf_script_say_days(const char *lang, uint8_t mask, char *buf, size_t size)
{
    static const char *const and_w[] = {" und ", " and ", " ve ", " و", " و ", " і ", " и ", ", "};
    enum spoken L = lf_script_spoken_lang(lang);
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
        lf_script_weekday_name(lang, d, a, sizeof(a));
        lf_script_weekday_name(lang, e, b, sizeof(b));
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
        case L_UK: snprintf(part, ps, "з %s по %s", lf_script_uk_weekday_gen[d], lf_script_uk_weekday_acc[e]); break;
        case L_RU:
            snprintf(part, ps, "%s %s по %s", d == 2 ? "со" : "с", lf_script_ru_weekday_gen[d],
                     lf_script_ru_weekday_acc[e]);
            break;
        case L_OTHER: {
            const struct lf_spoken_words *w = lf_script_table_words(lang);
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
        const char *and_word = lf_script_table_words(lang) ? lf_script_table_words(lang)->and_word : and_w[L];
        const char *sep = i == 0 ? "" : i + 1 == n ? and_word : lf_list_comma(lang);
        int w = snprintf(buf + o, size - o, "%s%s", sep, parts[i]);
        if (w < 0 || (size_t)w >= size - o)
            return;
        o += (size_t)w;
    }
}
