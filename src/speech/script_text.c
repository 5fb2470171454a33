/* A content text made ready for listening (lf_speech_say_text in
 * speech/script.h): the scan over the text and the small readers the rule
 * families share (speech/script_text.h); the rule families are
 * script_text_date.c, script_text_clock.c, script_text_duration.c and
 * script_text_number.c. */
#include "speech/script.h"
#include "speech/script_text.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unicode/ucasemap.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "core/civil_time.h"
#include "speech/number_words.h"
#include "speech/spoken_words.h"
#include "speech/script_clock.h"
#include "speech/script_contact.h"
#include "speech/script_date.h"
#include "speech/script_lang.h"
#include "speech/script_text_clock.h"
#include "speech/script_text_date.h"
#include "speech/script_text_duration.h"
#include "speech/script_text_number.h"

/* Every phrase is put together with snprintf into a bounded buffer; a
 * text longer than its buffer is cut there on purpose (the bundle's own
 * limits keep real texts far below). GCC cannot see that the words are
 * short and warns for each nesting. */
#pragma GCC diagnostic ignored "-Wformat-truncation"

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

bool lf_script_is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* A Latin letter (ASCII, Latin-1 and Latin Extended-A/B, not × ÷) at p:
 * its length in bytes, else 0. */
size_t lf_script_latin_letter(const char *p)
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
bool lf_script_capital_at(const char *p)
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
bool lf_script_word_start(const char *in, const char *p)
{
    if (p == in)
        return true;
    char c = p[-1];
    return !(lf_script_is_digit(c) || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
             (unsigned char)c >= 0x80);
}

/* One of the n words ends just before p (spaces between allowed) and
 * starts a word there. */
bool lf_script_one_of_words_before(const char *in, const char *p, const char *const *words, size_t n)
{
    const char *e = p;
    while (e > in && e[-1] == ' ')
        e--;
    for (size_t i = 0; i < n; i++) {
        size_t l = strlen(words[i]);
        if ((size_t)(e - in) >= l && strncmp(e - l, words[i], l) == 0 && lf_script_word_start(in, e - l))
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
const char *const lf_script_de_months[12] = {"Januar", "Februar", "März", "April", "Mai", "Juni",
                                          "Juli", "August", "September", "Oktober",
                                          "November", "Dezember"};

/* A weekday written short at p ("Mo", "Mo."): its index, with *len; -1. */
static int short_day(const char *const days[7], const char *p, size_t *len)
{
    for (int d = 0; d < 7; d++) {
        size_t n = strlen(days[d]);
        if (strncmp(p, days[d], n) != 0 || lf_script_latin_letter(p + n))
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
    if (lf_script_is_digit(p[n]))
        return true;
    if (strncmp(p + n, "und ", 4) == 0 || strncmp(p + n, "and ", 4) == 0)
        n += 4;
    else if (strncmp(p + n, "& ", 2) == 0)
        n += 2;
    return n > 0 && short_day(days, p + n, &l) >= 0;
}

/* A dash between two numbers or days, with spaces around it: its length. */
size_t lf_script_range_dash(const char *p, bool *en_dash)
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
size_t lf_script_number_or_time(const char *p, long *value, int *h, int *m, bool dot_time)
{
    size_t n = 0;
    long v = 0;
    while (lf_script_is_digit(p[n]) && n < 4)
        v = v * 10 + (p[n++] - '0');
    if (n == 0 || lf_script_is_digit(p[n]))
        return 0;
    *value = v;
    *h = -1;
    if ((p[n] == ':' || p[n] == '.') && lf_script_is_digit(p[n + 1]) && lf_script_is_digit(p[n + 2]) &&
        !lf_script_is_digit(p[n + 3]) && v <= 24 &&
        (p[n] == ':' || (n <= 2 && (dot_time || strncmp(p + n + 3, " Uhr", 4) == 0)))) {
        *h = (int)v;
        *m = (p[n + 1] - '0') * 10 + (p[n + 2] - '0');
        if (*m > 59)
            return 0;
        n += 3;
    }
    return n;
}

/* A space between a number and its "h": ' ', or the no-break spaces
 * French typography puts there (U+00A0, U+202F). Its length, or 0. */
static size_t clock_space(const char *p)
{
    if (*p == ' ')
        return 1;
    if ((unsigned char)p[0] == 0xC2 && (unsigned char)p[1] == 0xA0)
        return 2;
    return strncmp(p, "\u202F", 3) == 0 ? 3 : 0;
}

size_t lf_script_h_clock(const char *p, int *h, int *m, bool *minutes)
{
    size_t n = 0;
    int v = 0, mm = 0;
    while (n < 2 && lf_script_is_digit(p[n]))
        v = v * 10 + (p[n++] - '0');
    if (n == 0 || lf_script_is_digit(p[n]) || v > 24)
        return 0;
    n += clock_space(p + n);
    if (p[n] != 'h')
        return 0;
    n++;
    bool with = false;
    size_t k = n + clock_space(p + n);
    if (lf_script_is_digit(p[k]) && lf_script_is_digit(p[k + 1]) && !lf_script_is_digit(p[k + 2])) {
        mm = (p[k] - '0') * 10 + (p[k + 1] - '0');
        size_t e = k + 2 + clock_space(p + k + 2);
        /* "1 h 30 min" is a duration */
        if (mm > 59 || strncmp(p + e, "min", 3) == 0 || strncmp(p + e, "mn", 2) == 0)
            return 0;
        n = k + 2;
        with = true;
    }
    if (lf_script_latin_letter(p + n) || lf_script_is_digit(p[n]) || (v == 24 && mm))
        return 0;
    *h = v;
    *m = mm;
    *minutes = with;
    return n;
}

void lf_script_emit(struct lf_growing_text *out, const char *text, size_t n)
{
    lf_growing_text_add(out, text, n);
}

void lf_script_emits(struct lf_growing_text *out, const char *text)
{
    lf_growing_text_adds(out, text);
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

/* A digit at p in any of the digit sets texts are written in (0-9,
 * Arabic-Indic ٠-٩, Persian ۰-۹): its value, with *len; -1. */
int lf_script_any_digit(const char *p, size_t *len)
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

/* A content text as it is read: phone numbers in their groups, e-mail
 * and web addresses as one says them; in German and English texts also
 * abbreviations, ranges ("9-12 Uhr", "Mo–Fr"), clock times and (German)
 * dates and amounts of euros in words, so the voice neither spells nor
 * drops them. */
/* A flag's words stand apart from a word or emoji joined to it. */
static void flag_space_before(struct lf_growing_text *out)
{
    if (out->len && lf_growing_text_str(out)[out->len - 1] != ' ' &&
        lf_growing_text_str(out)[out->len - 1] != '\n')
        lf_script_emits(out, " ");
}

static void flag_space_after(const char *next, struct lf_growing_text *out)
{
    if (*next && !strchr(" \n.,;:!?)", *next))
        lf_script_emits(out, " ");
}

/* Emoji in an Arabic or Persian text, where the voice's own emoji names
 * held punctuation it said as words ("👨‍👩‍👧": "أسرة: رجل، امرأة، طفلة" was
 * said "family, man, comma, woman, comma, girl"; "🇩🇪" in Persian "flag
 * colon Germany"): a joined sequence is said one emoji after another
 * (the zero width joiner becomes a space: "man woman girl"), a flag as
 * the language's "flag" and ICU's name of the country. Its length at p
 * (what was written into buf), or 0. */
static size_t arabic_script_emoji(const char *lang, const char *in, const char *p, struct lf_growing_text *out)
{
    /* U+200D between two emoji: the one before ends in a 4-byte sequence
     * or a variation selector, the one after starts one (or a sign, U+2xxx) */
    if (strncmp(p, "\xE2\x80\x8D", 3) == 0 && p - in >= 3 &&
        ((unsigned char)p[-4] == 0xF0 || strncmp(p - 3, "\xEF\xB8\x8F", 3) == 0) &&
        ((unsigned char)p[3] == 0xF0 || (unsigned char)p[3] == 0xE2)) {
        lf_script_emits(out, " ");
        return 3;
    }
    /* two regional indicators (U+1F1E6..U+1F1FF: F0 9F 87 A6..BF) */
    if (strncmp(p, "\xF0\x9F\x87", 3) == 0 && strncmp(p + 4, "\xF0\x9F\x87", 3) == 0 &&
        (unsigned char)p[3] >= 0xA6 && (unsigned char)p[3] <= 0xBF &&
        (unsigned char)p[7] >= 0xA6 && (unsigned char)p[7] <= 0xBF) {
        char loc[16], name[256];
        snprintf(loc, sizeof(loc), "und_%c%c", 'A' + (p[3] - (char)0xA6), 'A' + (p[7] - (char)0xA6));
        if (!lf_script_region_name(lang, loc, name, sizeof(name)))
            return 0;
        flag_space_before(out);
        lf_script_emits(out, lf_script_spoken_lang(lang) == L_AR ? "علم " : "پرچم ");
        lf_script_emits(out, name);
        flag_space_after(p + 8, out); /* "🇺🇦🇩🇪" was "علم أوكرانياعلم ألمانيا" */
        return 8;
    }
    return 0;
}

/* A flag (two regional indicators) in a text of any other language: ICU's
 * name of its country in the language ("🇺🇦": "Ukraine", "Україна"); the
 * German, English, Turkish, Russian and Ukrainian voices said nothing for
 * it. The name alone, without "flag", whose grammar differs by language
 * ("Flagge der Ukraine", "Ukrayna bayrağı", "флаг Украины"). Its length
 * at p, or 0. */
static size_t flag_as_country(const char *lang, const char *p, struct lf_growing_text *out)
{
    if (!(strncmp(p, "\xF0\x9F\x87", 3) == 0 && strncmp(p + 4, "\xF0\x9F\x87", 3) == 0 &&
          (unsigned char)p[3] >= 0xA6 && (unsigned char)p[3] <= 0xBF &&
          (unsigned char)p[7] >= 0xA6 && (unsigned char)p[7] <= 0xBF))
        return 0;
    char loc[16], name[256];
    snprintf(loc, sizeof(loc), "und_%c%c", 'A' + (p[3] - (char)0xA6), 'A' + (p[7] - (char)0xA6));
    if (!lf_script_region_name(lang, loc, name, sizeof(name)))
        return 0;
    flag_space_before(out);
    lf_script_emits(out, name);
    flag_space_after(p + 8, out);
    return 8;
}

/* What an emoji's voice needs, at p (a byte >= 0xC2): the variation
 * selectors U+FE0E and U+FE0F after an emoji go (with one the voices
 * found no name: "☎️" was silent in German, "✉️" was said "envelope" in
 * English by the French, Turkish, Persian and Russian voices), and so do
 * skin tones (with one "👍🏽" was said "mittlere", the thumb lost); in a
 * language whose voice names no emoji (lf_script_voice_names_emoji) the
 * emoji go too, with their joiners and keycaps: nothing is said rather
 * than English. Its length at p (nothing written), or 0. */
static size_t emoji_unsaid(const char *lang, const char *p)
{
    if ((unsigned char)p[0] == 0xEF && (unsigned char)p[1] == 0xB8 &&
        ((unsigned char)p[2] == 0x8E || (unsigned char)p[2] == 0x8F))
        return 3;
    int32_t i = 0, n = (int32_t)strnlen(p, 4);
    UChar32 c;
    U8_NEXT((const uint8_t *)p, i, n, c);
    if (c < 0)
        return 0;
    if (u_hasBinaryProperty(c, UCHAR_EMOJI_MODIFIER))
        return (size_t)i;
    bool unsaid = u_hasBinaryProperty(c, UCHAR_EXTENDED_PICTOGRAPHIC) ||
                  u_hasBinaryProperty(c, UCHAR_REGIONAL_INDICATOR) || c == 0x200D || c == 0x20E3 ||
                  (c >= 0xE0020 && c <= 0xE007F);
    /* (asked only for an emoji: the answer reads eSpeak NG's data once) */
    return unsaid && !lf_script_voice_names_emoji(lang) ? (size_t)i : 0;
}

/* Month m's name after a day ("грудня"), of the last language asked in
 * this thread (made once: at every number of a text it took most of
 * its time). */
static const char *month_after_day(const char *lang, int m)
{
    static _Thread_local char months_lang[LF_MAX_LANG_TAG + 1];
    static _Thread_local char months[12][64];
    if (strcmp(months_lang, lang) != 0) {
        for (int i = 0; i < 12; i++)
            lf_script_month_after_day(lang, lf_local_make(2026, i + 1, 15, 12, 0), months[i],
                                      sizeof(months[i]));
        snprintf(months_lang, sizeof(months_lang), "%s", lang);
    }
    return months[m - 1];
}

/* An hour at p as opening hours write it: "9", "9:30", "9.30", and the
 * French "9h", "9h30", "9 h", "9 h 30": its length, the value and *h, *m
 * as lf_script_number_or_time gives them; 0: none. */
static size_t hour_at(const char *p, long *v, int *h, int *m)
{
    bool minutes;
    size_t k = lf_script_h_clock(p, h, m, &minutes);
    if (k) {
        *v = *h;
        return k;
    }
    return lf_script_number_or_time(p, v, h, m, true);
}

/* The hours after a run of weekdays, at p ("9-17 Uhr", " 9–12", ", 9:00-12:30"):
 * said as the language's range of clock times ("de neuf heures à douze
 * heures", "من الساعة التاسعة ..."); after days the numbers are hours,
 * the voices read them as numbers ("9 à 12"). A second hour below the
 * first, both before noon ("9-5"), is the afternoon's. Its length at p,
 * or 0 (nothing said). */
static size_t hours_after_days(const char *lang, const char *p, struct lf_growing_text *out)
{
    size_t k = 0;
    bool en_dash;
    while (p[k] == ' ' || p[k] == ',')
        k++;
    if (k == 0)
        return 0;
    long v1 = 0, v2 = 0;
    int h1 = -1, m1 = 0, h2 = -1, m2 = 0;
    size_t n1 = hour_at(p + k, &v1, &h1, &m1);
    size_t hd = n1 ? lf_script_range_dash(p + k + n1, &en_dash) : 0;
    size_t n2 = hd ? hour_at(p + k + n1 + hd, &v2, &h2, &m2) : 0;
    if (n2 && h1 < 0)
        h1 = (int)v1, m1 = 0;
    if (n2 && h2 < 0)
        h2 = (int)v2, m2 = 0;
    if (!(n2 && v1 <= 24 && v2 <= 24 && h1 <= 24 && h2 <= 24 &&
          !lf_script_latin_letter(p + k + n1 + hd + n2)))
        return 0;
    if (h2 < h1 && h1 < 12 && h2 < 12)
        h2 += 12; /* "9-5" */
    char range[512];
    lf_script_say_range(lang, h1, m1, h2, m2, range, sizeof(range));
    lf_script_emit(out, p, k); /* the space or comma as written */
    lf_script_emits(out, range);
    size_t n = k + n1 + hd + n2;
    if (strncmp(p + n, " Uhr", 4) == 0 && !lf_script_latin_letter(p + n + 4))
        n += 4; /* the range has said the hours */
    /* a second range after "and" ("9-12 et 14-17"): hours too */
    const struct lf_spoken_words *w = lf_script_table_words(lang);
    size_t al = w && w->and_word ? strlen(w->and_word) : 0;
    if (al && strncmp(p + n, w->and_word, al) == 0 && lf_script_is_digit(p[n + al])) {
        struct lf_growing_text more;
        lf_growing_text_init(&more, LF_MAX_SCRIPT_BYTES, "spoken hours");
        size_t mn = hours_after_days(lang, p + n + al - 1, &more);
        if (mn) {
            lf_script_emit(out, w->and_word, al - 1);
            lf_script_emits(out, lf_growing_text_str(&more));
            n += al - 1 + mn;
        }
        lf_growing_text_free(&more);
    }
    return n;
}

/* A run of weekdays written short with a dash, in German or English
 * ("Mo-Fr", "Mon-Fri"), and the hours after it ("9-17 Uhr", "9-5",
 * "9:00-12:30"; one day with hours, "Sa 10-12"): the days as the language says a run of them, the hours
 * as its range of clock times ("Monday to Friday from nine in the morning
 * to five in the afternoon", "du lundi au vendredi de neuf heures à dix-sept
 * heures"); the voices said "Mon Fri nine five", "Mo Fr". Both the German
 * and the English forms: the kiosk's texts come from German and English
 * first. A second hour below the first, both before noon ("9-5"), is the
 * afternoon's. A German text keeps its own reading (say_text). Its length
 * at p, or 0. */
static size_t days_and_hours(const char *lang, const char *p, struct lf_growing_text *out)
{
    const char *const *sets[] = {de_days_short, en_days_short};
    size_t l1 = 0, l2 = 0, dl = 0;
    int d1 = -1, d2 = -1;
    bool en_dash;
    for (int s = 0; s < 2 && d2 < 0; s++) {
        d1 = short_day(sets[s], p, &l1);
        dl = d1 >= 0 ? lf_script_range_dash(p + l1, &en_dash) : 0;
        d2 = dl ? short_day(sets[s], p + l1 + dl, &l2) : -1;
    }
    bool one = false; /* "Sa 10-12": one day with its hours */
    if (d2 < 0) {
        bool en = lf_script_spoken_lang(lang) == L_EN;
        for (int s = en ? 1 : 0; s < 2 && d2 < 0; s++)
            if ((d1 = short_day(sets[s], p, &l1)) >= 0)
                d2 = d1, dl = l2 = 0, one = true;
    }
    if (d1 < 0 || d2 < d1 || (d2 == d1 && !one))
        return 0;
    size_t n = l1 + dl + l2, k = n;
    while (p[k] == ' ' || p[k] == ',')
        k++;
    long v1 = 0, v2 = 0;
    int h1 = -1, m1 = 0, h2 = -1, m2 = 0;
    size_t n1 = k > n ? lf_script_number_or_time(p + k, &v1, &h1, &m1, true) : 0;
    size_t hd = n1 ? lf_script_range_dash(p + k + n1, &en_dash) : 0;
    size_t n2 = hd ? lf_script_number_or_time(p + k + n1 + hd, &v2, &h2, &m2, true) : 0;
    if (n2 && h1 < 0)
        h1 = (int)v1, m1 = 0;
    if (n2 && h2 < 0)
        h2 = (int)v2, m2 = 0;
    bool hours = n2 && v1 <= 24 && v2 <= 24 && h1 <= 24 && h2 <= 24 &&
                 !lf_script_latin_letter(p + k + n1 + hd + n2);
    if (!hours && (one || lf_script_latin_letter(p + n) || lf_script_is_digit(p[n])))
        return 0;
    char days[512];
    lf_script_say_days(lang, (uint8_t)(((1u << (d2 + 1)) - 1) & ~((1u << d1) - 1)), days, sizeof(days));
    lf_script_emits(out, days);
    return n + hours_after_days(lang, p + n, out);
}

/* A letter (any script) at p? */
static bool letter_at(const char *p)
{
    int32_t i = 0, len = (int32_t)strnlen(p, 4);
    UChar32 c;
    if (len == 0)
        return false;
    U8_NEXT((const uint8_t *)p, i, len, c);
    return c > 0 && u_isalpha(c);
}

/* n bytes at p equal to name, the case of letters aside ("Lundi", "пн") */
static bool same_word(const char *p, const char *name, size_t n)
{
    char a[128], b[128];
    UErrorCode st = U_ZERO_ERROR;
    UCaseMap *cm = ucasemap_open("", 0, &st);
    if (U_FAILURE(st) || n >= sizeof(a) || strnlen(p, n) < n)
        return (ucasemap_close(cm), false);
    int32_t la = ucasemap_utf8ToLower(cm, a, sizeof(a), p, (int32_t)n, &st);
    int32_t lb = ucasemap_utf8ToLower(cm, b, sizeof(b), name, (int32_t)n, &st);
    ucasemap_close(cm);
    if (U_FAILURE(st) || la != lb)
        return false;
    /* Arabic alef with hamza or madda as the plain one ("الإثنين", CLDR "الاثنين") */
    for (int32_t i = 0; i + 1 < la; i++) {
        if (a[i] == '\xD8' && (a[i + 1] == '\xA2' || a[i + 1] == '\xA3' || a[i + 1] == '\xA5'))
            a[i + 1] = '\xA7';
        if (b[i] == '\xD8' && (b[i + 1] == '\xA2' || b[i + 1] == '\xA3' || b[i + 1] == '\xA5'))
            b[i + 1] = '\xA7';
    }
    return memcmp(a, b, (size_t)la) == 0;
}

/* The language's own weekday name at p, whole or short as CLDR writes
 * them ("lundi", "Lundi", "lun.", "lu", "Пн", "Pzt"; a short one with or
 * without its dot): its index (Monday 0) with *len, else -1. */
static int own_weekday(const char *lang, const char *p, size_t *len)
{
    static const char *const forms[] = {"EEEE", "EEE", "EEEEEE"};
    /* the names of the last language asked, in this thread: ICU's
     * formatters are made for each, at every word of a text they took
     * most of its time */
    static _Thread_local char names_lang[LF_MAX_LANG_TAG + 1];
    static _Thread_local char names[3][7][64];
    if (strcmp(names_lang, lang) != 0) {
        time_t monday = lf_local_make(2024, 1, 1, 12, 0); /* a Monday */
        for (size_t f = 0; f < sizeof(forms) / sizeof(forms[0]); f++)
            for (int d = 0; d < 7; d++)
                if (f == 0)
                    lf_script_weekday_name(lang, d, names[f][d], sizeof(names[f][d]));
                else if (!lf_script_icu_pattern(lang, forms[f], monday + (time_t)d * 86400,
                                                names[f][d], sizeof(names[f][d])))
                    names[f][d][0] = '\0';
        snprintf(names_lang, sizeof(names_lang), "%s", lang);
    }
    for (size_t f = 0; f < sizeof(forms) / sizeof(forms[0]); f++) {
        for (int d = 0; d < 7; d++) {
            const char *name = names[f][d];
            size_t n = strlen(name);
            if (n == 0 || n >= sizeof(names[f][d]) - 1)
                continue;
            bool dot = name[n - 1] == '.';
            size_t m = dot ? n - 1 : n; /* "lun" for "lun." */
            if (m == 0 || !same_word(p, name, m))
                continue;
            if (p[m] == '.')
                m++;
            if (letter_at(p + m))
                continue;
            *len = m;
            return d;
        }
    }
    return -1;
}

/* A run of weekdays written with the language's own names and a dash
 * ("lundi–vendredi", "lun.-ven.", "الاثنين–الجمعة", "Пн–Пт"), in any
 * language but German and English (days_and_hours has theirs): said as
 * the language says a run of days ("du lundi au vendredi"), and the hours
 * after it as clock times (hours_after_days: "de neuf heures à douze
 * heures"); the voices dropped the dash ("lundi vendredi") and read the
 * hours as numbers ("9 à 12"). One day with hours after it ("samedi
 * 10–12") too. Its length at p, or 0. */
static size_t own_weekday_range(const char *lang, const char *p, struct lf_growing_text *out)
{
    size_t l1, l2 = 0, dl;
    bool en_dash;
    int d1 = own_weekday(lang, p, &l1);
    if (d1 < 0)
        return 0;
    dl = lf_script_range_dash(p + l1, &en_dash);
    int d2 = dl ? own_weekday(lang, p + l1 + dl, &l2) : -1;
    char days[512];
    if (d2 <= d1) { /* one day: only with its hours */
        struct lf_growing_text hours;
        lf_growing_text_init(&hours, LF_MAX_SCRIPT_BYTES, "spoken hours");
        size_t hn = hours_after_days(lang, p + l1, &hours);
        if (hn) {
            lf_script_weekday_name(lang, d1, days, sizeof(days));
            lf_script_emits(out, days);
            lf_script_emits(out, lf_growing_text_str(&hours));
        }
        lf_growing_text_free(&hours);
        return hn ? l1 + hn : 0;
    }
    lf_script_say_days(lang, (uint8_t)(((1u << (d2 + 1)) - 1) & ~((1u << d1) - 1)), days, sizeof(days));
    lf_script_emits(out, days);
    return l1 + dl + l2 + hours_after_days(lang, p + l1 + dl + l2, out);
}

/* A range of clock times written with "h" in a German text ("9 h 30 –
 * 12 h", "9h-12h30"), as French pages write them: "neun Uhr dreißig bis
 * zwölf Uhr" (one "9 h" alone stays hours: "Stunden"). Its length, or 0. */
static size_t german_h_range(const char *lang, const char *p, struct lf_growing_text *out)
{
    int h1, m1, h2, m2;
    bool mm, en_dash;
    size_t n1 = lf_script_h_clock(p, &h1, &m1, &mm);
    size_t dl = n1 ? lf_script_range_dash(p + n1, &en_dash) : 0;
    size_t n2 = dl ? lf_script_h_clock(p + n1 + dl, &h2, &m2, &mm) : 0;
    if (!n2)
        return 0;
    char a[256], b[256];
    lf_script_say_number_or_time(lang, p, n1, h1, m1, a, sizeof(a));
    lf_script_say_number_or_time(lang, p + n1 + dl, n2, h2, m2, b, sizeof(b));
    lf_script_emits(out, a);
    lf_script_emits(out, " bis ");
    lf_script_emits(out, b);
    return n1 + dl + n2;
}

void lf_script_say_text(const char *lang, const char *in, struct lf_growing_text *out)
{
    enum spoken L = lf_script_spoken_lang(lang);
    bool de = L == L_DE, en = L == L_EN, tr = L == L_TR;
    const struct abbreviation *abbr = de   ? de_abbreviations
                                      : en ? en_abbreviations
                                      : tr ? tr_abbreviations
                                           : NULL;
    const char *const *days = de ? de_days_short : en ? en_days_short : NULL;
    const char *to = de ? " bis " : " to ";
    for (const char *p = in; *p;) {
        bool start = lf_script_word_start(in, p);
        size_t n = start ? phone_run(p) : 0;
        if (n) {
            lf_script_say_phone(lang, p, n, out);
            p += n;
            continue;
        }
        if (start && (p == in || p[-1] == ' ' || p[-1] == '(' || p[-1] == '\n' || p[-1] == ':') &&
            (n = online_address(p)) > 0) {
            lf_script_say_address_online(lang, p, n, out);
            p += n;
            continue;
        }
        /* "1 h 30 min", "90 Min.": hours and minutes in words (not the
         * decimals of "2,5 h") */
        if (start && lf_script_is_digit(*p) &&
            !(p - in >= 2 && (p[-1] == ',' || p[-1] == '.') && lf_script_is_digit(p[-2])) &&
            (n = lf_script_duration(lang, p, out)) > 0) {
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
                    !(lf_script_latin_letter(a->written + strlen(a->written) - 1) &&
                      lf_script_latin_letter(p + strlen(a->written))) &&
                    (!best || strlen(a->written) > strlen(best->written)))
                    best = a;
            if (best)
                a = best;
            if (a->written) {
                lf_script_emits(out, a->said);
                p += strlen(a->written);
                if (a->ends && (*p == '\0' || *p == '\n' || (*p == ' ' && lf_script_capital_at(p + 1))))
                    lf_script_emits(out, ".");
                if (lf_script_is_digit(*p) || lf_script_latin_letter(p)) /* "No:5" */
                    lf_script_emits(out, " ");
                continue;
            }
        }
        if (start && de && *p >= 'I' && *p <= 'X' && (n = lf_script_german_regnal(in, p, out)) > 0) {
            p += n;
            continue;
        }
        /* "No. 5": the voice said "no five" */
        if (start && en && (strncmp(p, "No. ", 4) == 0 || strncmp(p, "no. ", 4) == 0) &&
            lf_script_is_digit(p[4])) {
            lf_script_emits(out, *p == 'N' ? "Number " : "number ");
            p += 4;
            continue;
        }
        if (start && en && (n = lf_script_english_street_or_saint(in, p, out)) > 0) {
            p += n;
            continue;
        }
        /* units after a number ("5 km", "0,5 l", "30 min", "20 m²"): the
         * voice spelled them ("ka em", "el") */
        if (de && p > in && (lf_script_is_digit(p[-1]) || (start && p[-1] == ' ' && p - in >= 2 && lf_script_is_digit(p[-2])))) {
            static const struct abbreviation units[] = {
                {"km", "Kilometer", false}, {"kg", "Kilogramm", false}, {"l", "Liter", false},
                {"min", "Minuten", false}, {"Min.", "Minuten", false}, {"m²", "Quadratmeter", false},
                {"qm", "Quadratmeter", false}, {"m", "Meter", false}, {"h", "Stunden", false},
                {"J.", "Jahre", false}, {"Mio.", "Millionen", false}, {NULL, NULL, false}};
            const struct abbreviation *u = units;
            for (; u->written; u++) {
                size_t l = strlen(u->written);
                if (strncmp(p, u->written, l) == 0 && !lf_script_latin_letter(p + l) &&
                    !(p[l] == '\xc2' && p[l + 1] == '\xb2') && !lf_script_is_digit(p[l]))
                    break;
            }
            if (u->written) {
                if (p[-1] != ' ')
                    lf_script_emits(out, " ");
                lf_script_emits(out, u->said);
                p += strlen(u->written);
                continue;
            }
        }
        /* "S. 4": the page */
        if (de && start && strncmp(p, "S. ", 3) == 0 && lf_script_is_digit(p[3])) {
            lf_script_emits(out, "Seite ");
            p += 3;
            continue;
        }
        /* the initials of a name ("Z. Sözüdogru", "J.-H. Winkel") end no
         * sentence: the voice made a stop after the letter */
        if (start && *p >= 'A' && *p <= 'Z' && p[1] == '.' &&
            ((p[2] == ' ' && lf_script_capital_at(p + 3)) || (p[2] == '-' && lf_script_capital_at(p + 3)))) {
            lf_script_emit(out, p, 1);
            p += 2;
            continue;
        }
        /* "Durchwahl -12": an extension, not minus twelve */
        if (de && *p == '-' && p > in && p[-1] == ' ' && lf_script_is_digit(p[1]) &&
            lf_script_extension_before(in, p)) {
            size_t k = 1;
            while (lf_script_is_digit(p[k]))
                k++;
            lf_script_say_phone(lang, p + 1, k - 1, out);
            p += k;
            continue;
        }
        /* "Hauptstr. 5" */
        if (de && !start && strncmp(p, "str.", 4) == 0 && !lf_script_latin_letter(p + 4)) {
            lf_script_emits(out, "straße");
            p += 4;
            continue;
        }
        if (start && !de && (n = days_and_hours(lang, p, out)) > 0) {
            p += n;
            continue;
        }
        if (start && days) {
            size_t l1, l2;
            int d1 = short_day(days, p, &l1);
            bool en_dash;
            size_t dl = d1 >= 0 ? lf_script_range_dash(p + l1, &en_dash) : 0;
            int d2 = dl ? short_day(days, p + l1 + dl, &l2) : -1;
            bool slash = false; /* "Sa/So": Saturday and Sunday */
            if (d2 < 0 && d1 >= 0 && p[l1] == '/' && (d2 = short_day(days, p + l1 + 1, &l2)) >= 0) {
                dl = 1;
                slash = true;
            }
            if (d2 >= 0) {
                char a[64], b[64];
                lf_script_weekday_name(lang, d1, a, sizeof(a));
                lf_script_weekday_name(lang, d2, b, sizeof(b));
                lf_script_emits(out, a);
                lf_script_emits(out, slash ? (de ? " und " : " and ") : to);
                lf_script_emits(out, b);
                p += l1 + dl + l2;
                continue;
            }
            /* one day written short, with a time or another day after it
             * ("Mo. 9 Uhr", "Mo, Mi und Fr 9-12"); "Fr. Meiber" stays */
            if (d1 >= 0 && single_day_follows(days, p + l1)) {
                char a[64];
                lf_script_weekday_name(lang, d1, a, sizeof(a));
                lf_script_emits(out, a);
                p += l1;
                continue;
            }
        }
        size_t num, cents, amount;
        if ((de || en) && (start || (en && strncmp(p, "€", strlen("€")) == 0)) &&
            (amount = lf_script_euro_amount(p, de, &num, &cents)) > 0) {
            lf_script_emit(out, p + num, cents - 1 - num);
            lf_script_emits(out, de ? " Euro" : " euros");
            if (!(p[cents] == '0' && p[cents + 1] == '0')) {
                lf_script_emits(out, " ");
                lf_script_emit(out, p + cents, 2);
            }
            p += amount;
            continue;
        }
        if (start && de && lf_script_is_digit(*p)) {
            int day, month;
            long year;
            bool numbered = lf_script_numbered_thing_before(in, p);
            size_t dn = numbered ? 0 : lf_script_german_date(p, &day, &month, &year);
            /* "am 25./26.12.": two days of one month */
            int first = 0;
            if (!dn && !numbered && lf_script_is_digit(p[0])) {
                size_t k = lf_script_is_digit(p[1]) ? 2 : 1;
                int d0 = k == 2 ? (p[0] - '0') * 10 + (p[1] - '0') : p[0] - '0';
                if (p[k] == '.' && p[k + 1] == '/' && d0 >= 1 && d0 <= 31 &&
                    (dn = lf_script_german_date(p + k + 2, &day, &month, &year)) > 0) {
                    dn += k + 2;
                    first = d0;
                }
            }
            if (dn) {
                char words[256];
                const char *article = lf_script_german_article_ordinal(in, p);
                const char *rules = lf_script_german_dative_before(in, p) ? "%spellout-ordinal-n"
                                    : article                   ? article
                                                                : "%spellout-ordinal-r";
                if (first) {
                    lf_script_number(lang, rules, first, words, sizeof(words));
                    lf_script_emits(out, words);
                    lf_script_emits(out, " und ");
                }
                lf_script_number(lang, rules, day, words, sizeof(words));
                lf_script_emits(out, words);
                lf_script_emits(out, " ");
                lf_script_emits(out, lf_script_de_months[month - 1]);
                if (year) {
                    lf_script_number(lang, "%spellout-numbering-year", year, words, sizeof(words));
                    lf_script_emits(out, " ");
                    lf_script_emits(out, words);
                }
                p += dn;
                continue;
            }
            long ord;
            size_t ol;
            const char *rules = lf_script_german_ordinal(in, p, &ord, &ol);
            if (rules) {
                char words[256];
                lf_script_number(lang, rules, ord, words, sizeof(words));
                lf_script_emits(out, words);
                lf_script_emits(out, " ");
                p += ol;
                continue;
            }
        }
        if (start && en && (lf_script_is_digit(*p) || lf_script_capital_at(p)) && !lf_script_en_numbered_thing_before(in, p)) {
            size_t dn = lf_script_english_date(p, out);
            if (dn) {
                p += dn;
                continue;
            }
        }
        if (start && (L == L_UK || L == L_RU) && lf_script_is_digit(*p)) {
            /* "з 24 грудня": the day as an ordinal in the genitive
             * ("двадцять четвертого грудня"), as the dates of the kiosk */
            size_t k = 0;
            int day = 0;
            while (lf_script_is_digit(p[k]) && k < 2)
                day = day * 10 + (p[k++] - '0');
            bool said_day = false;
            for (int m = 1; m <= 12 && p[k] == ' ' && day >= 1 && day <= 31 && !lf_script_is_digit(p[k]);
                 m++) {
                char words[256];
                const char *month = month_after_day(lang, m);
                size_t ml = strlen(month);
                if (!ml || strncmp(p + k + 1, month, ml) != 0)
                    continue;
                if (L == L_UK ? !lf_spell_uk_ordinal(day, LF_UK_NEUTER_GENITIVE, words, sizeof(words))
                              : !lf_spell_number(lang, "%spellout-ordinal-neuter-genitive", day,
                                                 words, sizeof(words)))
                    break;
                lf_script_emits(out, words);
                p += k;
                said_day = true;
                break;
            }
            if (said_day)
                continue;
        }
        /* "29.02.2028" in an English text too: the voice said "twenty nine
         * point zero two point two zero two eight" */
        if (start && !de && (n = lf_script_other_numeric_date(lang, p, out)) > 0) {
            p += n;
            continue;
        }
        if (start && !de && !en && (n = lf_script_spaced_thousands(lang, p, out)) > 0) {
            p += n;
            continue;
        }
        if (start && !de && !en && !tr && (n = lf_script_other_text_clock(lang, in, p, out)) > 0) {
            p += n;
            continue;
        }
        if (start && !de && !en && (n = own_weekday_range(lang, p, out)) > 0) {
            p += n;
            continue;
        }
        if (start && !de && !en && !tr && (n = lf_script_other_number_range(lang, p, out)) > 0) {
            p += n;
            continue;
        }
        if (start && tr && lf_script_is_digit(*p)) {
            size_t tn = lf_script_turkish_time_range(in, p, out);
            if (!tn)
                tn = lf_script_other_number_range(lang, p, out);
            if (tn) {
                p += tn;
                continue;
            }
            /* "3. Forum": an ordinal where a sentence or clause begins (the
             * voice said "üç" and a full stop) */
            size_t k = 0;
            long v = 0;
            while (lf_script_is_digit(p[k]) && k < 3)
                v = v * 10 + (p[k++] - '0');
            const char *e = p;
            while (e > in && e[-1] == ' ')
                e--;
            if (v >= 1 && !lf_script_is_digit(p[k]) && p[k] == '.' && p[k + 1] == ' ' &&
                lf_script_latin_letter(p + k + 2) && (e == in || strchr(",;:(.!?\n", e[-1]))) {
                char words[256];
                lf_script_number(lang, "%spellout-ordinal", v, words, sizeof(words));
                lf_script_emits(out, words);
                lf_script_emits(out, " ");
                p += k + 2;
                continue;
            }
        }
        /* "12 noon", "12 midnight": the voice said "twelve noon" */
        if (start && en && p[0] == '1' && p[1] == '2' && p[2] == ' ') {
            static const char *const words[] = {"noon", "midnight"};
            size_t w = 0, wl = 0;
            for (; w < 2; w++)
                if (strncmp(p + 3, words[w], wl = strlen(words[w])) == 0 && !lf_script_latin_letter(p + 3 + wl))
                    break;
            if (w < 2) {
                lf_script_emits(out, words[w]);
                p += 3 + wl;
                continue;
            }
        }
        if (start && en && lf_script_is_digit(*p) && (n = lf_script_english_ampm(p, out)) > 0) {
            p += n;
            continue;
        }
        if (start && de && lf_script_is_digit(*p) && (n = german_h_range(lang, p, out)) > 0) {
            p += n;
            continue;
        }
        if (start && (de || en) && lf_script_is_digit(*p)) {
            long v1, v2;
            int h1, m1, h2, m2;
            size_t n1 = lf_script_number_or_time(p, &v1, &h1, &m1, false);
            bool en_dash = false;
            size_t dl = n1 ? lf_script_range_dash(p + n1, &en_dash) : 0;
            size_t n2 = dl ? lf_script_number_or_time(p + n1 + dl, &v2, &h2, &m2, false) : 0;
            if (de && n1 && h1 < 0 && p[n1] == '.') {
                /* "9.00-12.00 Uhr": the first time has no "Uhr" of its own */
                long w1, w2;
                int g1, k1, g2, k2;
                bool ed = false;
                size_t t1 = lf_script_number_or_time(p, &w1, &g1, &k1, true);
                size_t tl = t1 && g1 >= 0 ? lf_script_range_dash(p + t1, &ed) : 0;
                size_t t2 = tl ? lf_script_number_or_time(p + t1 + tl, &w2, &g2, &k2, false) : 0;
                /* "14.30 - 17 Uhr" (the Münster pages): the second an hour */
                if (t2 && g2 < 0 && w2 <= 24 && strncmp(p + t1 + tl + t2, " Uhr", 4) == 0 &&
                    !lf_script_latin_letter(p + t1 + tl + t2 + 4))
                    g2 = (int)w2, k2 = 0;
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
                lf_script_say_number_or_time(lang, p, n1, h1, m1, a, sizeof(a));
                lf_script_say_number_or_time(lang, p + n1 + dl, n2, h2, m2, b, sizeof(b));
                lf_script_emits(out, a);
                lf_script_emits(out, to);
                lf_script_emits(out, b);
                p += n1 + dl + n2;
                /* "9:00–12:00 Uhr": the words have said "Uhr" */
                if (de && h2 >= 0 && strncmp(p, " Uhr", 4) == 0 && !lf_script_latin_letter(p + 4))
                    p += 4;
                continue;
            }
            if (n1 && h1 >= 0) {
                char a[256];
                lf_script_say_number_or_time(lang, p, n1, h1, m1, a, sizeof(a));
                if (en && h1 == 12 && m1 == 0 && strncmp(p + n1, " midnight", 9) == 0)
                    snprintf(a, sizeof(a), "midnight"); /* "12:00 midnight" */
                lf_script_emits(out, a);
                p += n1;
                if (de && strncmp(p, " Uhr", 4) == 0 && !lf_script_latin_letter(p + 4))
                    p += 4;
                /* "12:00 noon": the words have said "noon" */
                size_t al = strlen(a);
                if (en && al && p[0] == ' ' && strncmp(p + 1, a, al) == 0 && !lf_script_latin_letter(p + 1 + al))
                    p += 1 + al;
                continue;
            }
        }
        if ((L == L_AR || L == L_FA) && (n = arabic_script_emoji(lang, in, p, out)) > 0) {
            p += n;
            continue;
        }
        if (L != L_AR && L != L_FA && (unsigned char)*p == 0xF0 && (n = flag_as_country(lang, p, out)) > 0) {
            p += n;
            continue;
        }
        if ((unsigned char)*p >= 0xC2 && (n = emoji_unsaid(lang, p)) > 0) {
            p += n;
            continue;
        }
        const char *sw;
        size_t sl;
        bool stop;
        if ((L == L_FA || (strncmp(lang, "el", 2) == 0 && strcspn(lang, "-_") == 2)) &&
            (sw = lf_script_ampm_words(lang, in, p, &sl, &stop)) != NULL) {
            lf_script_emits(out, sw);
            if (stop)
                lf_script_emits(out, ".");
            p += sl;
            continue;
        }
        if (!de && !en && (*p == '%' || (unsigned char)*p >= 0xD9) &&
            (sw = lf_script_sign_word(lang, in, p, &sl)) != NULL) {
            if (out->len > 0 && lf_growing_text_last(out) != ' ')
                lf_script_emits(out, " ");
            lf_script_emits(out, sw);
            p += sl;
            continue;
        }
        lf_script_emit(out, p, 1);
        p++;
    }
}

char *lf_speech_say_text(const char *lang, const char *text)
{
    struct lf_growing_text out;
    lf_growing_text_init(&out, LF_MAX_SCRIPT_BYTES, "spoken text");
    lf_script_say_text(lang, text, &out);
    return lf_growing_text_take(&out);
}
