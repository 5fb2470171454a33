#include "speech/number_words.h"

#include <stdio.h>
#include <string.h>
#include <unicode/uloc.h>
#include <unicode/unum.h>
#include <unicode/ustring.h>

#define SPELL_UCHARS 256

/* Copies ICU's words without soft hyphens (German compounds carry them)
 * and with single spaces (Arabic "الحادي  والعشرون" has two). */
static void tidy(const char *in, char *buf, size_t size)
{
    size_t o = 0;
    bool space = false;
    for (const char *p = in; *p && o + 1 < size; p++) {
        if ((unsigned char)p[0] == 0xC2 && (unsigned char)p[1] == 0xAD) { /* U+00AD */
            p++;
            continue;
        }
        if (*p == ' ') {
            space = o > 0;
            continue;
        }
        if (space && o + 2 < size)
            buf[o++] = ' ';
        space = false;
        buf[o++] = *p;
    }
    buf[o] = '\0';
}

static void primary_subtag(const char *lang, char *out, size_t size)
{
    size_t n = lang ? strcspn(lang, "-_") : 0;
    if (n >= size)
        n = size - 1;
    memcpy(out, lang ? lang : "", n);
    out[n] = '\0';
    /* ICU has no data under these tags: Dari's numbers are Persian's,
     * Kurmanji's (kmr) are ku's */
    if (strcmp(out, "prs") == 0)
        snprintf(out, size, "fa");
    else if (strcmp(out, "kmr") == 0)
        snprintf(out, size, "ku");
}

/* Numbers already spelled on this thread: ICU builds a spell-out
 * formatter from its rules for each unum_open (about a millisecond), and
 * a text of 4096 bytes of phone numbers or dates spells thousands of
 * numbers. Direct-mapped, by language, rule set and number; words longer
 * than an entry are not kept. Plain data per thread: nothing to free. */
#define SPELL_CACHE 256
struct spelled {
    char loc[16], ruleset[48];
    long n;
    bool ok;
    char words[112];
};
static _Thread_local struct spelled spell_cache[SPELL_CACHE];

static struct spelled *spelled_slot(const char *loc, const char *ruleset, long n)
{
    unsigned long h = (unsigned long)n * 2654435761u;
    for (const char *c = loc; *c; c++)
        h = h * 31 + (unsigned char)*c;
    for (const char *c = ruleset ? ruleset : ""; *c; c++)
        h = h * 31 + (unsigned char)*c;
    return &spell_cache[h % SPELL_CACHE];
}

static bool spell_number(const char *loc, const char *ruleset, long n, char *buf, size_t size);

bool lf_spell_number(const char *lang, const char *ruleset, long n, char *buf, size_t size)
{
    char loc[16];
    primary_subtag(lang, loc, sizeof(loc));
    if (!loc[0] || size == 0)
        return false;
    const char *rs = ruleset ? ruleset : "";
    struct spelled *c = spelled_slot(loc, rs, n);
    if (c->loc[0] && c->n == n && strcmp(c->loc, loc) == 0 && strcmp(c->ruleset, rs) == 0 &&
        strlen(c->words) < size) {
        snprintf(buf, size, "%s", c->words);
        return c->ok;
    }
    bool ok = spell_number(loc, ruleset, n, buf, size);
    size_t len = ok ? strlen(buf) : 0;
    if (len < sizeof(c->words) && strlen(loc) < sizeof(c->loc) && strlen(rs) < sizeof(c->ruleset) &&
        (!ok || len + 1 < size)) {
        snprintf(c->loc, sizeof(c->loc), "%s", loc);
        snprintf(c->ruleset, sizeof(c->ruleset), "%s", rs);
        c->n = n;
        c->ok = ok;
        snprintf(c->words, sizeof(c->words), "%s", ok ? buf : "");
    }
    return ok;
}

static bool spell_number(const char *loc, const char *ruleset, long n, char *buf, size_t size)
{
    UErrorCode st = U_ZERO_ERROR;
    UNumberFormat *f = unum_open(UNUM_SPELLOUT, NULL, 0, loc, NULL, &st);
    if (U_FAILURE(st) || !f)
        return false;
    bool ok = false;
    /* ICU falls back to English or root for a language it cannot spell:
     * then the caller writes digits rather than English words */
    const char *actual = unum_getLocaleByType(f, ULOC_ACTUAL_LOCALE, &st);
    char got[16];
    primary_subtag(actual, got, sizeof(got));
    if (U_FAILURE(st) || strcmp(got, loc) != 0)
        goto done;
    if (ruleset) {
        UChar rs[64];
        u_uastrncpy(rs, ruleset, 63);
        rs[63] = 0;
        unum_setTextAttribute(f, UNUM_DEFAULT_RULESET, rs, -1, &st);
        if (U_FAILURE(st))
            goto done;
    }
    UChar words[SPELL_UCHARS];
    int32_t len = unum_formatInt64(f, n, words, SPELL_UCHARS, NULL, &st);
    if (U_FAILURE(st) || len >= SPELL_UCHARS)
        goto done;
    char utf8[4 * SPELL_UCHARS];
    u_strToUTF8(utf8, sizeof(utf8), NULL, words, len, &st);
    if (U_FAILURE(st))
        goto done;
    tidy(utf8, buf, size);
    ok = buf[0] != '\0';
done:
    unum_close(f);
    return ok;
}

/* Stems of the Ukrainian ordinals 1..20 and the tens; the ending follows. */
static const char *const uk_stems[] = {
    "", "перш", "друг", "трет", "четверт", "пʼят", "шост", "сьом", "восьм", "девʼят", "десят",
    "одинадцят", "дванадцят", "тринадцят", "чотирнадцят", "пʼятнадцят", "шістнадцят",
    "сімнадцят", "вісімнадцят", "девʼятнадцят", "двадцят",
};

static const char *uk_ending(int unit, enum lf_uk_form form)
{
    bool soft = unit == 3; /* третій, третього, третьої */
    switch (form) {
    case LF_UK_NEUTER_GENITIVE:
        return soft ? "ього" : "ого";
    case LF_UK_FEMININE_GENITIVE:
        return soft ? "ьої" : "ої";
    case LF_UK_FEMININE_LOCATIVE:
        return "ій";
    }
    return "";
}

bool lf_spell_uk_ordinal(int n, enum lf_uk_form form, char *buf, size_t size)
{
    if (n < 1 || n > 31 || size == 0)
        return false;
    if (n <= 20)
        snprintf(buf, size, "%s%s", uk_stems[n], uk_ending(n, form));
    else if (n < 30)
        snprintf(buf, size, "двадцять %s%s", uk_stems[n - 20], uk_ending(n - 20, form));
    else if (n == 30)
        snprintf(buf, size, "тридцят%s", uk_ending(0, form));
    else
        snprintf(buf, size, "тридцять %s%s", uk_stems[1], uk_ending(1, form));
    return true;
}

void lf_spell_digits(const char *lang, const char *digits, size_t n, char *buf, size_t size)
{
    size_t o = 0;
    buf[0] = '\0';
    bool german = lang && strncmp(lang, "de", 2) == 0 && (lang[2] == '\0' || lang[2] == '-');
    bool arabic_lang = lang && strncmp(lang, "ar", 2) == 0 && (lang[2] == '\0' || lang[2] == '-');
    for (size_t i = 0; i < n && digits[i]; i++) {
        if (digits[i] < '0' || digits[i] > '9')
            continue;
        char word[64];
        /* Arabic with vowel marks: the Arabic voice misreads the bare words */
        static const char *const arabic[10] = {"صِفْر", "وَاحِد", "اِثْنَان", "ثَلَاثَة", "أَرْبَعَة",
                                               "خَمْسَة", "سِتَّة", "سَبْعَة", "ثَمَانِيَة", "تِسْعَة"};
        /* "zwo" on the telephone: "zwei" and "drei" sound alike */
        if (arabic_lang)
            snprintf(word, sizeof(word), "%s", arabic[digits[i] - '0']);
        else if (german && digits[i] == '2')
            snprintf(word, sizeof(word), "zwo");
        else if (!lf_spell_number(lang, NULL, digits[i] - '0', word, sizeof(word)))
            snprintf(word, sizeof(word), "%c", digits[i]);
        int w = snprintf(buf + o, size - o, "%s%s", o ? " " : "", word);
        if (w < 0 || (size_t)w >= size - o)
            break;
        o += (size_t)w;
    }
}
