/* Clock times and ranges of hours written in a content text, said in
 * words (speech/script_text_clock.h): English am/pm, Turkish ranges and the
 * clock times of the other languages. */
#include "speech/script_text_clock.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "speech/spoken_words.h"
#include "speech/script_clock.h"
#include "speech/script_lang.h"
#include "speech/script_text.h"

/* Every phrase is put together with snprintf into a bounded buffer; a
 * text longer than its buffer is cut there on purpose (the bundle's own
 * limits keep real texts far below). GCC cannot see that the words are
 * short and warns for each nesting. */
#pragma GCC diagnostic ignored "-Wformat-truncation"

/* The words for a number or clock time read in a text: a clock time in
 * words ("neun Uhr dreißig"), a number as written. */
void lf_script_say_number_or_time(const char *lang, const char *p, size_t n, int h, int m,
                               char *out, size_t size)
{
    if (h >= 1 && h <= 11 && lf_script_spoken_lang(lang) == L_EN) {
        /* "9:00" or "5:30" in an English text may be morning or evening:
         * no part of the day is said ("5:00" was "five in the morning") */
        char hw[128], mw[128];
        lf_script_cardinal(lang, h, hw, sizeof(hw));
        lf_script_cardinal(lang, m, mw, sizeof(mw));
        if (m == 0)
            snprintf(out, size, "%s o'clock", hw);
        else
            snprintf(out, size, "%s %s%s", hw, m < 10 ? "oh " : "", mw);
    } else if (h >= 0) {
        lf_script_clock_words(lang, h, m, out, size);
    } else {
        snprintf(out, size, "%.*s", (int)n, p);
    }
}

/* Clock times in a Turkish text ("saat 9-12", "09:00–17:00", "saat
 * 10.30"): as the kiosk's own hours are said, "saat dokuz ile on iki
 * arası" (no case endings to get wrong); one time alone "saat on otuz".
 * A time is "H:MM", or "H.MM" and a number after "saat "; "arası" or
 * "arasında" already written after the range is not said twice. The
 * length read at p, or 0 (left to the voice, which reads "9.30" as a
 * number). */
size_t lf_script_turkish_time_range(const char *in, const char *p, struct lf_growing_text *out)
{
    bool saat = (size_t)(p - in) >= 5 && strncmp(p - 5, "saat ", 5) == 0 &&
                lf_script_word_start(in, p - 5);
    bool saat_cap = (size_t)(p - in) >= 5 && strncmp(p - 5, "Saat ", 5) == 0 &&
                    lf_script_word_start(in, p - 5);
    saat = saat || saat_cap;
    long v1, v2;
    int h1, m1, h2, m2;
    size_t n1 = lf_script_number_or_time(p, &v1, &h1, &m1, false);
    if (!n1)
        return 0;
    bool dot1 = h1 < 0 && p[n1] == '.' && lf_script_is_digit(p[n1 + 1]) && lf_script_is_digit(p[n1 + 2]) &&
                !lf_script_is_digit(p[n1 + 3]) && v1 <= 24 && (p[n1 + 1] - '0') * 10 + (p[n1 + 2] - '0') < 60;
    if (dot1 && !saat) {
        /* "09.00-17.00" (Turkish writes clock times with a dot): a range
         * of two such times needs no "saat" before it */
        bool ed;
        long w;
        int g, k;
        size_t d = lf_script_range_dash(p + n1 + 3, &ed);
        dot1 = d && lf_script_number_or_time(p + n1 + 3 + d, &w, &g, &k, true) > 0 && g >= 0;
    }
    if (dot1) {
        h1 = (int)v1; /* "saat 10.30" */
        m1 = (p[n1 + 1] - '0') * 10 + (p[n1 + 2] - '0');
        n1 += 3;
    }
    if (h1 < 0 && saat && v1 <= 24)
        h1 = (int)v1, m1 = 0; /* "saat 9" */
    bool en_dash = false;
    size_t dl = lf_script_range_dash(p + n1, &en_dash);
    size_t n2 = dl ? lf_script_number_or_time(p + n1 + dl, &v2, &h2, &m2, false) : 0;
    const char *q = p + n1 + dl;
    if (n2 && h2 < 0 && q[n2] == '.' && lf_script_is_digit(q[n2 + 1]) && lf_script_is_digit(q[n2 + 2]) &&
        !lf_script_is_digit(q[n2 + 3]) && h1 >= 0 && v2 <= 24 &&
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
    lf_script_clock_words("tr", h1, m1, a, sizeof(a));
    if (!(dl && n2)) {
        if (!saat)
            lf_script_emits(out, "saat ");
        lf_script_emits(out, a);
        return n1;
    }
    lf_script_clock_words("tr", h2, m2, b, sizeof(b));
    if (!saat)
        lf_script_emits(out, "saat ");
    lf_script_emits(out, a);
    lf_script_emits(out, " ile ");
    lf_script_emits(out, b);
    size_t n = n1 + dl + n2;
    const char *after = p + n;
    if (!((strncmp(after, " arası", strlen(" arası")) == 0) ||
          strncmp(after, " arasında", strlen(" arasında")) == 0))
        lf_script_emits(out, " arası");
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
    while (lf_script_is_digit(p[n]) && n < 2)
        v = v * 10 + (p[n++] - '0');
    if (!n || lf_script_is_digit(p[n]))
        return 0;
    *h = v;
    *m = 0;
    if ((p[n] == ':' || p[n] == '.') && lf_script_is_digit(p[n + 1]) && lf_script_is_digit(p[n + 2]) &&
        !lf_script_is_digit(p[n + 3])) {
        *m = (p[n + 1] - '0') * 10 + (p[n + 2] - '0');
        n += 3;
    }
    *period = -1;
    *dot = false;
    size_t k = n + (p[n] == ' ');
    static const char *const marks[] = {"am", "AM", "a.m.", "A.M.", "pm", "PM", "p.m.", "P.M."};
    for (int i = 0; i < 8; i++) {
        size_t l = strlen(marks[i]);
        if (strncmp(p + k, marks[i], l) == 0 && !lf_script_latin_letter(p + k + l) && !lf_script_is_digit(p[k + l]) &&
            /* "page 3 am Ende", "I am": a word after "am" */
            !(k > n && *m == 0 && n <= 2 && marks[i][1] != '.' && p[k + l] == ' ' &&
              lf_script_latin_letter(p + k + l + 1))) {
            *period = i < 4 ? 0 : 1;
            n = k + l;
            *dot = marks[i][l - 1] == '.' &&
                   (p[n] == '\0' || p[n] == '\n' || (p[n] == ' ' && lf_script_capital_at(p + n + 1)));
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
size_t lf_script_english_ampm(const char *p, struct lf_growing_text *out)
{
    int h1, m1, p1, h2 = 0, m2 = 0, p2 = -1;
    bool dot1, dot2 = false, en_dash;
    size_t n1 = en_clock(p, &h1, &m1, &p1, &dot1);
    if (!n1)
        return 0;
    size_t dl = lf_script_range_dash(p + n1, &en_dash);
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
    lf_script_clock_words("en", h1 % 12 + (p1 ? 12 : 0), m1, a, sizeof(a));
    lf_script_emits(out, a);
    if (!n2) {
        if (dot1)
            lf_script_emits(out, ".");
        return n1;
    }
    lf_script_clock_words("en", h2 % 12 + (p2 ? 12 : 0), m2, b, sizeof(b));
    lf_script_emits(out, " to ");
    lf_script_emits(out, b);
    if (dot2)
        lf_script_emits(out, ".");
    return n1 + dl + n2;
}

/* One or two digits of any script at p ("9", "17", "۱۷"): their length
 * and value; 0 when there are none or more than two. */
static size_t hour_digits(const char *p, int *v)
{
    size_t n = 0, l;
    int d, k = 0;
    *v = 0;
    while (k < 2 && (d = lf_script_any_digit(p + n, &l)) >= 0) {
        *v = *v * 10 + d;
        n += l;
        k++;
    }
    return k && lf_script_any_digit(p + n, &l) < 0 ? n : 0;
}

/* A clock time "17:00" ("۱۷:۰۰", and "17.00" where `dot`) at p: its
 * length, the hour and minutes; 0. */
static size_t any_clock(const char *p, bool dot, int *h, int *m)
{
    size_t l;
    int v, d, k;
    size_t n = hour_digits(p, &v);
    if (!n || !(p[n] == ':' || (dot && p[n] == '.')) || v > 24)
        return 0;
    n++;
    int mm = 0;
    for (k = 0; k < 2; k++) {
        if ((d = lf_script_any_digit(p + n, &l)) < 0)
            return 0;
        mm = mm * 10 + d;
        n += l;
    }
    if (lf_script_any_digit(p + n, &l) >= 0 || mm > 59 || (v == 24 && mm) || lf_script_latin_letter(p + n))
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
    return l && (size_t)(p - in) >= l && strncmp(p - l, w, l) == 0 && lf_script_word_start(in, p - l);
}

/* The words of a frame before its first "%s" ("o " of "o %s"). */
static size_t frame_prefix(const char *frame, char *buf, size_t size)
{
    const char *s = frame ? strstr(frame, "%s") : NULL;
    size_t n = s ? (size_t)(s - frame) : 0;
    snprintf(buf, size, "%.*s", (int)n, frame ? frame : "");
    return n;
}

/* The parts of the day written after an Arabic clock time, evening and
 * morning ("5:00 م"), the whole words first; "صباحاً" is also written with
 * its tanween after the alef. */
#define AR_MARKS 6
static const char *const ar_pm[AR_MARKS] = {" مساءً", " مساءا", " مساء", " م", "م", NULL};
static const char *const ar_am[AR_MARKS] = {" صباحًا", " صباحاً", " صباحا", " ص", "ص", NULL};

/* Is an Arabic vowel mark (U+064B-U+065F, U+0670) at p? */
static bool arabic_mark(const unsigned char *p)
{
    return (p[0] == 0xD9 && p[1] >= 0x8B && p[1] <= 0x9F) || (p[0] == 0xD9 && p[1] == 0xB0);
}

/* The part of the day `mark` at p, as a word of its own (no letter after
 * it; its vowel marks belong to it): its length, or 0. */
static size_t arabic_day_part(const char *p, const char *mark)
{
    size_t wl = mark ? strlen(mark) : 0;
    if (!wl || strncmp(p, mark, wl) != 0)
        return 0; /* only then the bytes after the mark are the text's */
    while (arabic_mark((const unsigned char *)p + wl))
        wl += 2;
    const unsigned char *nx = (const unsigned char *)p + wl;
    bool letter = nx[0] && ((nx[0] == 0xD8 && nx[1] >= 0xA1) || (nx[0] == 0xD9 && nx[1] <= 0x8A));
    return letter ? 0 : wl;
}

/* An hour written without minutes in an Arabic text, "9" or "٩" (0..24),
 * after the word "ساعة" ("الساعة 9", "والساعة ٩ ص") or before a part of
 * the day written whole ("9 صباحًا"): its length and hour; 0. The voice
 * said the cardinal ("tis'a") where one says the feminine ordinal
 * ("التاسعة"). A range ("9-12") is left to the number ranges. */
static size_t arabic_bare_hour(const char *in, const char *p, int *h)
{
    size_t l;
    int v;
    size_t n = hour_digits(p, &v);
    bool en_dash;
    if (!n || v > 24 || p[n] == ':' ||
        ((p[n] == '.' || p[n] == ',') && lf_script_any_digit(p + n + 1, &l) >= 0) ||
        lf_script_latin_letter(p + n) || lf_script_range_dash(p + n, &en_dash))
        return 0;
    size_t al = strlen("ساعة ");
    bool hour_word = (size_t)(p - in) >= al && strncmp(p - al, "ساعة ", al) == 0;
    bool day_part = false;
    for (int i = 0; i < 3 && !day_part; i++) /* the whole words only: "5 م" may be metres */
        day_part = arabic_day_part(p + n, ar_am[i]) || arabic_day_part(p + n, ar_pm[i]);
    if (!hour_word && !day_part)
        return 0;
    *h = v;
    return n;
}

/* Clock times in a text of a language other than German, English and
 * Turkish ("الساعة 17:00", "ساعت ۱۷:۰۰", "o 17:00", "до 17:00", "στις
 * 17.00", "9:00–12:00"): in words as the kiosk says its own hours, in
 * the case the preposition written before asks for; the voices read them
 * as digits ("seventeen colon zero zero", in Greek "nine minus twelve").
 * Its length at p, or 0 (left as written). */
size_t lf_script_other_text_clock(const char *lang, const char *in, const char *p, struct lf_growing_text *out)
{
    enum spoken L = lf_script_spoken_lang(lang);
    const struct lf_spoken_words *w = lf_script_table_words(lang);
    if (!(L == L_AR || L == L_FA || L == L_UK || L == L_RU || w))
        return 0;
    bool el = strncmp(lang, "el", 2) == 0 && (lang[2] == '\0' || lang[2] == '-');
    bool fr = strncmp(lang, "fr", 2) == 0 && (lang[2] == '\0' || lang[2] == '-');
    int h1, m1, h2, m2;
    bool with_minutes = true, minutes2;
    size_t n1 = any_clock(p, false, &h1, &m1);
    /* "9h30", "9 h 30", "12 h" ("neuf ache trente" in the French voice) */
    bool h_form = !n1 && (n1 = lf_script_h_clock(p, &h1, &m1, &with_minutes)) > 0;
    /* "17.00": a time in Greek, in a range ("9.00–12.00") in all */
    bool dotted = !n1 && (n1 = any_clock(p, true, &h1, &m1)) > 0;
    /* "الساعة 9 صباحًا", "الساعة ٩": an hour without minutes */
    bool bare = !n1 && L == L_AR && (n1 = arabic_bare_hour(in, p, &h1)) > 0;
    if (bare)
        m1 = 0;
    if (!n1)
        return 0;
    char words[512];
    bool en_dash;
    size_t dl = lf_script_range_dash(p + n1, &en_dash);
    const char *q = p + n1 + dl;
    size_t n2 = 0;
    if (dl && !(n2 = any_clock(q, true, &h2, &m2)))
        n2 = lf_script_h_clock(q, &h2, &m2, &minutes2);
    /* "2.50-3.50 €" is money */
    size_t after = n2 ? n1 + dl + n2 + (q[n2] == ' ') : 0;
    if (n2 && (strncmp(p + after, "€", strlen("€")) == 0 || p[after] == '$' ||
               strncmp(p + after, "EUR", 3) == 0))
        n2 = 0;
    if (n2) {
        lf_script_say_range(lang, h1, m1, h2, m2, words, sizeof(words));
        /* "de 9h–12h", "с 9:00–12:00": the range's first word is written
         * before it ("de de neuf heures", "с с девяти") */
        size_t fw = strcspn(words, " ");
        char first[64];
        snprintf(first, sizeof(first), "%.*s ", (int)fw, words);
        const char *said = words[fw] == ' ' && fw + 1 < sizeof(first) && ends_with_word(in, p, first)
                               ? words + fw + 1
                               : words;
        lf_script_emits(out, said);
        size_t n = n1 + dl + n2;
        /* "9.00-14.00 h": the words have said the hours */
        size_t sp = p[n] == ' ' ? 1 : 0;
        if (!h_form && p[n + sp] == 'h' && !lf_script_latin_letter(p + n + sp + 1) &&
            !lf_script_is_digit(p[n + sp + 1]))
            n += sp + 1;
        return n;
    }
    /* the hour word written before it ("الساعة 17:00", "ساعت 17:00") */
    if (L == L_AR || L == L_FA) {
        const char *hour = L == L_AR ? "السَّاعَة " : "ساعت ";
        size_t sfx = 0;
        if (L == L_AR) {
            /* "5:00 م" is five in the evening; "5:00" alone may be morning
             * or evening: no part of the day is said ("صباحًا" was) */
            for (int i = 0; i < AR_MARKS && !sfx; i++)
                for (int k = 0; k < 2 && !sfx; k++) {
                    size_t wl = arabic_day_part(p + n1, k ? ar_am[i] : ar_pm[i]);
                    if (wl && h1 >= 1 && h1 <= 12) {
                        sfx = wl;
                        h1 = k ? h1 % 12 : h1 % 12 + 12;
                    }
                }
        }
        lf_script_clock_words(lang, h1, m1, words, sizeof(words));
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
        lf_script_emits(out, written && strncmp(words, hour, hl) == 0 ? words + hl : words);
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
    if (dotted && (!el || (!written_at && !written_gen)))
        return 0; /* "Αίθουσα 3.12" is no time, nor "до 2.50" */
    /* "durée 2 h": hours in French, in other languages an hour alone
     * with "h" may be a duration */
    if (h_form && !with_minutes && !written_at && !written_gen && !fr)
        return 0;
    if (!written_at && !written_gen && L != L_UK) {
        /* no preposition is added ("Beginn 17:00", "durée 1:30") */
        if (L == L_RU)
            lf_script_ru_time(h1, m1, false, words, sizeof(words));
        else
            lf_script_clock_words(lang, h1, m1, words, sizeof(words));
        lf_script_emits(out, words);
        return n1;
    }
    lf_script_say_clock(lang, h1, m1, written_gen && !written_at, words, sizeof(words));
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
    lf_script_emits(out, said_words);
    return n1;
}

/* A Persian or Greek am/pm mark after a clock time ("5 ب.ظ", "9:30 π.μ."),
 * written out as the words it stands for: "قبل از ظهر", "بعد از ظهر",
 * "προ μεσημβρίας", "μετά μεσημβρίας" (the Greek voice spelled "pi mi",
 * the Persian one dropped the "تا" after "ق.ظ"). Its words, with its
 * length at p in *len; NULL. *stop: the mark's last dot ends a sentence
 * too (a capital follows). */
const char *lf_script_ampm_words(const char *lang, const char *in, const char *p, size_t *len, bool *stop)
{
    static const struct {
        const char *tag, *written, *said;
    } marks[] = {
        {"fa", "ق.ظ", "قبل از ظهر"},        {"fa", "ب.ظ", "بعد از ظهر"},
        {"fa", "ق. ظ", "قبل از ظهر"},       {"fa", "ب. ظ", "بعد از ظهر"},
        {"el", "π.μ.", "προ μεσημβρίας"},   {"el", "μ.μ.", "μετά μεσημβρίας"},
        {"el", "π. μ.", "προ μεσημβρίας"},  {"el", "μ. μ.", "μετά μεσημβρίας"},
    };
    size_t tl = strcspn(lang, "-_");
    const char *tag = tl == 3 && strncmp(lang, "prs", 3) == 0 ? "fa" : lang;
    if (!(p == in || p[-1] == ' ' || p[-1] == '\n' || p[-1] == '(' || lf_script_any_digit(p - 1, len) >= 0 ||
          (p - in >= 2 && lf_script_any_digit(p - 2, len) >= 0)))
        return NULL;
    for (size_t i = 0; i < sizeof(marks) / sizeof(marks[0]); i++) {
        size_t ml = strlen(marks[i].written);
        if (strncmp(tag, marks[i].tag, 2) != 0 || (tl != 2 && tag == lang) || strncmp(p, marks[i].written, ml) != 0)
            continue;
        /* no letter right after ("ق.ظاهر" is a word); Arabic-script and
         * Greek letters start with bytes 0xCE-0xCF and 0xD8-0xDB */
        unsigned char c = (unsigned char)p[ml];
        if (lf_script_latin_letter(p + ml) || c == 0xCE || c == 0xCF || (c >= 0xD8 && c <= 0xDB))
            continue;
        *len = ml;
        /* a Greek capital (U+0386-U+03AB: 0xCE 0x86-0xAB) after a space */
        *stop = p[ml - 1] == '.' && p[ml] == ' ' && (unsigned char)p[ml + 1] == 0xCE &&
                (unsigned char)p[ml + 2] >= 0x86 && (unsigned char)p[ml + 2] <= 0xAB;
        return marks[i].said;
    }
    return NULL;
}
