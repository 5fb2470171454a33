/* Durations written in a content text, said in words
 * (speech/script_text_duration.h). */
#include "speech/script_text_duration.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "speech/script_lang.h"
#include "speech/script_text.h"

/* A language's units: the forms written after a number (longest first
 * where one begins another) and the words said, singular and plural. */
struct units {
    const char *tag;
    const char *const *hours, *const *minutes;
    const char *hour, *hours_said, *minute, *minutes_said;
    const char *ruleset; /* ICU's rule set for the number before the unit */
    bool hour_alone;     /* a number with the hour unit alone is a duration
                            (in French "12 h" is a clock time) */
};

static const char *const fr_h[] = {"heures", "heure", "h", NULL};
static const char *const fr_min[] = {"minutes", "minute", "min.", "min", "mn", NULL};
static const char *const de_h[] = {"Std.", "Std", "h", NULL};
static const char *const de_min[] = {"Min.", "Min", "min.", "min", NULL};
static const char *const en_h[] = {"hrs.", "hrs", "hr.", "hr", "h", NULL};
static const char *const en_min[] = {"mins.", "mins", "min.", "min", NULL};
static const char *const tr_h[] = {"saat", "sa.", NULL};
static const char *const tr_min[] = {"dakika", "dak.", "dk.", "dk", NULL};

static const struct units all_units[] = {
    {"fr", fr_h, fr_min, "heure", "heures", "minute", "minutes", "%spellout-cardinal-feminine", false},
    {"de", de_h, de_min, "Stunde", "Stunden", "Minute", "Minuten", "%spellout-cardinal-feminine", true},
    {"en", en_h, en_min, "hour", "hours", "minute", "minutes", "%spellout-cardinal", true},
    /* Turkish says the noun after a number in the singular */
    {"tr", tr_h, tr_min, "saat", "saat", "dakika", "dakika", "%spellout-cardinal", true},
};

/* A space between a number and its unit: ' ' or a no-break space
 * (U+00A0, U+202F, as French typography puts there). Its length, or 0. */
static size_t unit_space(const char *p)
{
    if (*p == ' ')
        return 1;
    if ((unsigned char)p[0] == 0xC2 && (unsigned char)p[1] == 0xA0)
        return 2;
    return strncmp(p, "\u202F", 3) == 0 ? 3 : 0;
}

/* A whole number (up to 4 digits) at p, with a space and one of the unit
 * forms after it (no letter right after a form without a dot): the
 * length of it all, the number in *v; 0. */
static size_t number_and_unit(const char *p, const char *const *forms, long *v)
{
    size_t n = 0;
    long x = 0;
    while (n < 4 && lf_script_is_digit(p[n]))
        x = x * 10 + (p[n++] - '0');
    if (n == 0 || lf_script_is_digit(p[n]) || p[n] == ',' || (p[n] == '.' && lf_script_is_digit(p[n + 1])))
        return 0;
    n += unit_space(p + n);
    for (const char *const *f = forms; *f; f++) {
        size_t l = strlen(*f);
        if (strncmp(p + n, *f, l) == 0 && !lf_script_latin_letter(p + n + l)) {
            *v = x;
            return n + l;
        }
    }
    return 0;
}

/* "une heure", "dreißig Minuten" */
static void say_amount(const struct units *u, const char *lang, long v, const char *one, const char *many,
                       struct lf_growing_text *out)
{
    char words[128];
    lf_script_number(lang, u->ruleset, v, words, sizeof(words));
    lf_script_emits(out, words);
    lf_script_emits(out, " ");
    lf_script_emits(out, v == 1 ? one : many);
}

size_t lf_script_duration(const char *lang, const char *p, struct lf_growing_text *out)
{
    size_t tl = lang ? strcspn(lang, "-_") : 0;
    const struct units *u = NULL;
    for (size_t i = 0; i < sizeof(all_units) / sizeof(all_units[0]); i++)
        if (tl == 2 && strncmp(lang, all_units[i].tag, 2) == 0)
            u = &all_units[i];
    if (!u || !lf_script_is_digit(*p))
        return 0;
    long h = -1, m = -1;
    bool en_dash;
    size_t n = number_and_unit(p, u->hours, &h);
    if (n) {
        /* minutes after the hours: "1 h 30 min", "1h30min"; "9 h 30"
         * without a minute unit is a clock time */
        size_t k = n + unit_space(p + n);
        size_t mn = number_and_unit(p + k, u->minutes, &m);
        if (mn && m < 60) {
            n = k + mn;
        } else {
            m = -1;
            size_t d = 0;
            while (lf_script_is_digit(p[k + d]))
                d++;
            if (d) /* "9 h 30", "9h30" */
                return 0;
            /* an hour alone: a duration, unless it starts or ends a range
             * ("9 h – 12 h") or is a French clock time ("12 h", "durée 2 h"
             * says the same "deux heures" either way) */
            if (!u->hour_alone && h <= 24)
                return 0;
            if (lf_script_range_dash(p + n, &en_dash))
                return 0;
        }
    } else {
        if (!(n = number_and_unit(p, u->minutes, &m)))
            return 0;
    }
    if (h >= 0)
        say_amount(u, lang, h, u->hour, u->hours_said, out);
    if (h >= 0 && m >= 0)
        lf_script_emits(out, " ");
    if (m >= 0)
        say_amount(u, lang, m, u->minute, u->minutes_said, out);
    /* the dot of "min." was the full stop too where a line ends, or
     * before a capital but in German, where a noun may follow ("90 Min.
     * Pause") */
    if (p[n - 1] == '.' && (p[n] == '\0' || p[n] == '\n' ||
                            (p[n] == ' ' && strcmp(u->tag, "de") != 0 && lf_script_capital_at(p + n + 1))))
        lf_script_emits(out, ".");
    return n;
}
