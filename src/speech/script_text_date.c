/* Dates written in a content text, said in words (speech/script_text_date.h):
 * English ("March 3rd, 2027"), German ("3.3.2027", "3. März") and the
 * numeric dates of the other languages. */
#include "speech/script_text_date.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "core/civil_time.h"
#include "speech/script_lang.h"
#include "speech/script_text.h"

/* Every phrase is put together with snprintf into a bounded buffer; a
 * text longer than its buffer is cut there on purpose (the bundle's own
 * limits keep real texts far below). GCC cannot see that the words are
 * short and warns for each nesting. */
#pragma GCC diagnostic ignored "-Wformat-truncation"

/* Whether the month has day d (in year, or in any year when 0: "29.2."):
 * "31.02.2027", "February 30" are no dates and are not said as one. */
static bool day_in_month(int d, int month, long year)
{
    return d <= lf_days_in_month(year ? (int)year : 2024, month);
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
        if (strncmp(p, en_months[i], l) == 0 && !lf_script_latin_letter(p + l)) {
            *len = l;
            return i;
        }
        /* "May" has no short form; "Sept" is one of "September" */
        for (size_t k = 3; k <= (i == 8 ? 4u : 3u) && k < l; k++)
            if (strncmp(p, en_months[i], k) == 0 && !lf_script_latin_letter(p + k)) {
                *len = k + (p[k] == '.');
                return i;
            }
    }
    return -1;
}

/* A word that numbers a thing just before p ("Room 3 May"): no date. */
bool lf_script_en_numbered_thing_before(const char *in, const char *p)
{
    static const char *const words[] = {"Room", "room", "No.", "no.", "Number", "number",
                                        "Page", "page", "Floor", "floor", "Flat", "Unit"};
    return lf_script_one_of_words_before(in, p, words, sizeof(words) / sizeof(words[0]));
}

/* An English day number at p ("29", "29th", "1st"): its value, with *len; 0. */
static int en_day(const char *p, size_t *len)
{
    size_t n = 0;
    int d = 0;
    while (lf_script_is_digit(p[n]) && n < 2)
        d = d * 10 + (p[n++] - '0');
    if (!n || lf_script_is_digit(p[n]) || d < 1 || d > 31)
        return 0;
    static const char *const suffix[] = {"st", "nd", "rd", "th"};
    for (int i = 0; i < 4; i++)
        if (strncmp(p + n, suffix[i], 2) == 0 && !lf_script_latin_letter(p + n + 2)) {
            n += 2;
            break;
        }
    if (lf_script_latin_letter(p + n))
        return 0;
    *len = n;
    return d;
}

/* A year after a date (" 2028", ", 2028"): its length and value; 0. */
static size_t en_year(const char *p, long *year)
{
    size_t n = p[0] == ',' ? 1 : 0;
    if (p[n] != ' ' || !lf_script_is_digit(p[n + 1]) || !lf_script_is_digit(p[n + 2]) || !lf_script_is_digit(p[n + 3]) ||
        !lf_script_is_digit(p[n + 4]) || lf_script_is_digit(p[n + 5]) || lf_script_latin_letter(p + n + 5))
        return 0;
    *year = (p[n + 1] - '0') * 1000 + (p[n + 2] - '0') * 100 + (p[n + 3] - '0') * 10 + (p[n + 4] - '0');
    return n + 5;
}

/* A date in an English text ("29 Feb", "1st March 2027", "Feb 29, 2028")
 * said as one says it ("the twenty-ninth of February", "February the
 * twenty-ninth, twenty twenty-eight"; the voice said "twenty nine feb").
 * A month first needs the end of the date after its day (a comma, a stop,
 * a year), so "May 3 people" stays. Its length, or 0. */
size_t lf_script_english_date(const char *p, struct lf_growing_text *out)
{
    size_t dl, ml, yl = 0;
    int day, month;
    long year = 0;
    char ord[128], yw[128] = "";
    if ((day = en_day(p, &dl)) > 0) {
        if (p[dl] != ' ' || (month = en_month(p + dl + 1, &ml)) < 0)
            return 0;
        yl = en_year(p + dl + 1 + ml, &year);
        if (!day_in_month(day, month + 1, year))
            return 0; /* "31 April" */
        /* "Feb." ending the sentence: its dot is the full stop too */
        bool stop = !yl && p[dl + ml] == '.' &&
                    (p[dl + 1 + ml] == '\0' || p[dl + 1 + ml] == '\n' ||
                     (p[dl + 1 + ml] == ' ' && lf_script_capital_at(p + dl + 2 + ml)));
        lf_script_number("en", "%spellout-ordinal", day, ord, sizeof(ord));
        if (year)
            lf_script_number("en", "%spellout-numbering-year", year, yw, sizeof(yw));
        lf_growing_text_printf(out, "the %s of %s%s%s%s", ord, en_months[month], year ? " " : "",
                               yw, stop ? "." : "");
        return dl + 1 + ml + yl;
    }
    if ((month = en_month(p, &ml)) < 0)
        return 0;
    if (p[ml] == ' ' && (yl = en_year(p + ml, &year)) > 0) { /* "Jan 2027" */
        lf_script_number("en", "%spellout-numbering-year", year, yw, sizeof(yw));
        lf_growing_text_printf(out, "%s %s", en_months[month], yw);
        return ml + yl;
    }
    if (p[ml] != ' ' || (day = en_day(p + ml + 1, &dl)) <= 0)
        return 0;
    const char *after = p + ml + 1 + dl;
    yl = en_year(after, &year);
    if (!day_in_month(day, month + 1, year))
        return 0; /* "February 30, 2027" */
    if (!yl && !(*after == '\0' || *after == '\n' || strchr(",.;:)!?", *after)) &&
        strncmp(after, " to ", 4) != 0 && strncmp(after, " at ", 4) != 0)
        return 0;
    if (*after == '.' && lf_script_is_digit(after[1]))
        return 0;
    lf_script_number("en", "%spellout-ordinal", day, ord, sizeof(ord));
    if (year)
        lf_script_number("en", "%spellout-numbering-year", year, yw, sizeof(yw));
    lf_growing_text_printf(out, "%s the %s%s%s", en_months[month], ord, year ? ", " : "", yw);
    return ml + 1 + dl + yl;
}

/* A date in a German text ("24.12.", "24.12.2026", "4. Januar"): its
 * length, the day, month and year (0 when none). */
size_t lf_script_german_date(const char *p, int *day, int *month, long *year)
{
    size_t n = 0;
    int d = 0;
    while (lf_script_is_digit(p[n]) && n < 2)
        d = d * 10 + (p[n++] - '0');
    if (n == 0 || lf_script_is_digit(p[n]) || p[n] != '.' || d < 1 || d > 31)
        return 0;
    n++;
    *year = 0;
    if (p[n] == ' ') {
        for (int i = 0; i < 12; i++) {
            size_t l = strlen(lf_script_de_months[i]);
            if (strncmp(p + n + 1, lf_script_de_months[i], l) == 0 && !lf_script_latin_letter(p + n + 1 + l)) {
                *day = d;
                *month = i + 1;
                const char *y = p + n + 1 + l; /* "4. Januar 2027" */
                if (y[0] == ' ' && lf_script_is_digit(y[1]) && lf_script_is_digit(y[2]) && lf_script_is_digit(y[3]) &&
                    lf_script_is_digit(y[4]) && !lf_script_is_digit(y[5]) && !lf_script_latin_letter(y + 5)) {
                    *year = (y[1] - '0') * 1000 + (y[2] - '0') * 100 + (y[3] - '0') * 10 + (y[4] - '0');
                    return day_in_month(d, i + 1, *year) ? n + 1 + l + 5 : 0;
                }
                return day_in_month(d, i + 1, 0) ? n + 1 + l : 0;
            }
        }
        return 0;
    }
    int mo = 0;
    size_t k = 0;
    while (lf_script_is_digit(p[n + k]) && k < 2)
        mo = mo * 10 + (p[n + k++] - '0');
    if (k == 0 || lf_script_is_digit(p[n + k]) || p[n + k] != '.' || mo < 1 || mo > 12)
        return 0;
    n += k + 1;
    size_t y = 0;
    long yv = 0;
    while (lf_script_is_digit(p[n + y]) && y < 4)
        yv = yv * 10 + (p[n + y++] - '0');
    if (y == 4 && !lf_script_is_digit(p[n + y])) {
        *year = yv;
        n += 4;
    }
    if (!day_in_month(d, mo, *year))
        return 0;
    *day = d;
    *month = mo;
    return n;
}

/* A date written in digits in a text of a language other than German and
 * English ("29.02.2028"): said with the month's name from CLDR, as the
 * language writes a date ("29 февраля 2028", "29 Şubat 2028"), and then
 * as such a text is read (Ukrainian and Russian days as ordinals); the
 * voices read "twenty-nine point zero two point two thousand ...". Only
 * day.month.year with a four-digit year and a day the month has. Its
 * length at p, or 0. */
size_t lf_script_other_numeric_date(const char *lang, const char *p, struct lf_growing_text *out)
{
    int v[3] = {0, 0, 0};
    size_t n = 0, l;
    for (int f = 0; f < 3; f++) {
        int k = 0, d;
        while (k < (f == 2 ? 4 : 2) && (d = lf_script_any_digit(p + n, &l)) >= 0) {
            v[f] = v[f] * 10 + d;
            n += l;
            k++;
        }
        if (!k || (f == 2 && k != 4) || lf_script_any_digit(p + n, &l) >= 0)
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
        (v[1] == 2 && v[0] == 29 && !leap) || lf_script_latin_letter(p + n) ||
        (p[n] == '.' && lf_script_any_digit(p + n + 1, &l) >= 0))
        return 0;
    char dm[256], text[300];
    if (!lf_script_icu_pattern(lang, "d MMMM", lf_local_make(v[2], v[1], v[0], 12, 0), dm, sizeof(dm)))
        return 0;
    snprintf(text, sizeof(text), "%s %d", dm, v[2]);
    lf_script_say_text(lang, text, out);
    return n;
}
