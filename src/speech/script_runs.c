/* A text split into runs by writing system (speech/script_runs.h). */
#include "speech/script_runs.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/uloc.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include "core/limits.h"
#include "core/xalloc.h"
#include "speech/script_lang.h"

#define MAX_BASE_SCRIPTS 8

/* The writing systems `lang` is written in (ja: kana and Han). */
static int base_scripts(const char *lang, UScriptCode *codes)
{
    char loc[LF_MAX_LANG_TAG + 8], full[LF_MAX_LANG_TAG + 24], script[16] = "";
    lf_script_icu_locale(lang, loc, sizeof(loc));
    UErrorCode st = U_ZERO_ERROR;
    int n = uscript_getCode(loc, codes, MAX_BASE_SCRIPTS, &st);
    if (U_SUCCESS(st) && n > 0)
        return n;
    st = U_ZERO_ERROR;
    uloc_addLikelySubtags(loc, full, sizeof(full), &st);
    if (U_SUCCESS(st))
        uloc_getScript(full, script, sizeof(script), &st);
    st = U_ZERO_ERROR;
    n = script[0] ? uscript_getCode(script, codes, MAX_BASE_SCRIPTS, &st) : 0;
    if (U_SUCCESS(st) && n > 0)
        return n;
    codes[0] = USCRIPT_LATIN; /* a tag ICU does not know: as the kiosk's texts */
    return 1;
}

static bool has_letter(const char *s, size_t n, const UChar32 *letters)
{
    for (size_t i = 0; i < n;) {
        UChar32 c;
        U8_NEXT((const uint8_t *)s, i, n, c);
        for (const UChar32 *l = letters; *l; l++)
            if (u_tolower(c) == *l)
                return true;
    }
    return false;
}

/* Cyrillic letters in a text of that many or more, none of them
 * Ukrainian (і ї є ґ, which a Ukrainian text of this length all but
 * always has), are Russian, the Cyrillic language most written without
 * them; a shorter run (a name, "Олена Коваль") stays Ukrainian. */
#define RUSSIAN_WITHOUT_MARKS_LETTERS 24

/* Russian's hard sign: before е ё ю я ("объявление", "подъезд");
 * Bulgarian's ъ is a vowel before consonants ("България", "път"). */
static bool has_russian_hard_sign(const char *s, size_t n)
{
    UChar32 prev = 0;
    for (size_t i = 0; i < n;) {
        UChar32 c;
        U8_NEXT((const uint8_t *)s, i, n, c);
        c = u_tolower(c);
        if (prev == 0x44A && (c == 0x435 || c == 0x451 || c == 0x44E || c == 0x44F))
            return true;
        prev = c;
    }
    return false;
}

/* Ukrainian's apostrophe between Cyrillic letters ("Мар'яна", "пʼять");
 * Russian writes ъ there. */
static bool has_ukrainian_apostrophe(const char *s, size_t n)
{
    UChar32 prev = 0;
    bool after_letter = false;
    for (size_t i = 0; i < n;) {
        UChar32 c;
        U8_NEXT((const uint8_t *)s, i, n, c);
        UErrorCode st = U_ZERO_ERROR;
        bool cyr = c > 0 && u_isalpha(c) && uscript_getScript(c, &st) == USCRIPT_CYRILLIC;
        if (cyr && after_letter && (prev == 0x27 || prev == 0x2BC || prev == 0x2019))
            return true;
        after_letter = cyr || ((c == 0x27 || c == 0x2BC || c == 0x2019) && after_letter);
        prev = c;
    }
    return false;
}

static size_t cyrillic_letters(const char *s, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n;) {
        UChar32 c;
        U8_NEXT((const uint8_t *)s, i, n, c);
        UErrorCode st = U_ZERO_ERROR;
        k += c > 0 && u_isalpha(c) && uscript_getScript(c, &st) == USCRIPT_CYRILLIC;
    }
    return k;
}

/* The Cyrillic language of s by letters only it has, or NULL. */
static const char *cyrillic_by_letters(const char *s, size_t n)
{
    static const UChar32 uk[] = {0x456, 0x457, 0x454, 0x491, 0};       /* і ї є ґ */
    static const UChar32 ru[] = {0x44B, 0x44D, 0x451, 0};              /* ы э ё */
    static const UChar32 sr[] = {0x452, 0x458, 0x459, 0x45A, 0x45B, 0x45F, 0}; /* ђ ј љ њ ћ џ */
    static const UChar32 mk[] = {0x453, 0x45C, 0x455, 0};              /* ѓ ќ ѕ */
    static const UChar32 bg[] = {0x44A, 0};                            /* ъ */
    return has_letter(s, n, uk) || has_ukrainian_apostrophe(s, n) ? "uk"
           : has_letter(s, n, ru)           ? "ru"
           : has_russian_hard_sign(s, n)    ? "ru"
           : has_letter(s, n, sr)           ? "sr"
           : has_letter(s, n, mk)           ? "mk"
           : has_letter(s, n, bg)           ? "bg"
                                            : NULL;
}

/* The language whose voice reads a run of script `sc` (s, n) in `text`;
 * NULL: none. A Cyrillic run without letters of its own takes the
 * language the whole text's Cyrillic letters show ("Ольга Смирнова" in a
 * text that says "Консультация на русском языке" is Russian), then
 * Russian for a long text without Ukrainian letters, else Ukrainian. */
static const char *run_language(UScriptCode sc, const char *s, size_t n, const char *text,
                                const char *declared, const char **text_cyrillic)
{
    static const UChar32 fa[] = {0x67E, 0x686, 0x698, 0x6AF, 0x6A9, 0x6CC, 0}; /* پ چ ژ گ ک ی */
    static const UChar32 ur[] = {0x679, 0x688, 0x691, 0x6BA, 0x6D2, 0}; /* ٹ ڈ ڑ ں ے */
    const char *l;
    switch (sc) {
    case USCRIPT_LATIN: return "de";
    case USCRIPT_CYRILLIC:
        if ((l = cyrillic_by_letters(s, n)))
            return l;
        if (!*text_cyrillic) /* once a text */
            *text_cyrillic = (l = cyrillic_by_letters(text, strlen(text)))                 ? l
                             : declared                                                   ? declared
                             : cyrillic_letters(text, strlen(text)) >= RUSSIAN_WITHOUT_MARKS_LETTERS ? "ru"
                                                                                          : "uk";
        return *text_cyrillic;
    case USCRIPT_ARABIC:
        return has_letter(s, n, ur) ? "ur" : has_letter(s, n, fa) ? "fa" : "ar";
    case USCRIPT_GREEK: return "el";
    case USCRIPT_HEBREW: return "he";
    case USCRIPT_ARMENIAN: return "hy";
    case USCRIPT_GEORGIAN: return "ka";
    case USCRIPT_DEVANAGARI: return "hi";
    case USCRIPT_BENGALI: return "bn";
    case USCRIPT_TAMIL: return "ta";
    case USCRIPT_THAI: return "th";
    case USCRIPT_ETHIOPIC: return "am";
    case USCRIPT_HANGUL: return "ko";
    case USCRIPT_HAN: return "cmn";
    case USCRIPT_HIRAGANA:
    case USCRIPT_KATAKANA: return "ja";
    default: return NULL;
    }
}

static UScriptCode script_at(const char *text, size_t i, size_t n, size_t *next)
{
    UChar32 c;
    U8_NEXT((const uint8_t *)text, i, n, c);
    *next = i;
    UErrorCode st = U_ZERO_ERROR;
    UScriptCode sc = c < 0 ? USCRIPT_UNKNOWN : uscript_getScript(c, &st);
    return U_FAILURE(st) ? USCRIPT_UNKNOWN : sc;
}

/* Between two words of one run: a space, hyphen, dot or apostrophe. */
static size_t joiner(const char *p)
{
    if (*p && strchr(" -.'", *p))
        return 1;
    static const char *const wide[] = {"\u2019", "\u02BC", "\u2010", "\u00A0"};
    for (size_t i = 0; i < sizeof(wide) / sizeof(wide[0]); i++)
        if (strncmp(p, wide[i], strlen(wide[i])) == 0)
            return strlen(wide[i]);
    return 0;
}

static void add_run(struct lf_speech_run **runs, size_t *n, size_t *cap, size_t start, size_t len,
                    const char *lang, bool foreign)
{
    if (len == 0)
        return;
    if (*n && !foreign && !(*runs)[*n - 1].foreign) { /* base runs join */
        (*runs)[*n - 1].len += len;
        return;
    }
    if (*n == *cap) {
        *cap = *cap ? *cap * 2 : 8;
        *runs = lf_xrealloc(*runs, *cap * sizeof(**runs));
    }
    struct lf_speech_run *r = &(*runs)[(*n)++];
    *r = (struct lf_speech_run){.start = start, .len = len, .foreign = foreign};
    snprintf(r->lang, sizeof(r->lang), "%.*s", (int)strcspn(lang, "-_"), lang);
}

const char *lf_speech_declared_cyrillic(const char *const *tags, size_t n, char *buf, size_t size)
{
    const char *found = NULL;
    size_t found_len = 0;
    for (size_t i = 0; i < n; i++) {
        if (!tags[i])
            continue;
        UScriptCode codes[MAX_BASE_SCRIPTS];
        int k = base_scripts(tags[i], codes);
        bool cyrillic = false;
        for (int j = 0; j < k; j++)
            cyrillic = cyrillic || codes[j] == USCRIPT_CYRILLIC;
        size_t l = strcspn(tags[i], "-_");
        if (!cyrillic || (found && found_len == l && strncmp(found, tags[i], l) == 0))
            continue;
        if (found)
            return NULL; /* Russian and Ukrainian: no telling */
        found = tags[i];
        found_len = l;
    }
    if (!found || found_len >= size)
        return NULL;
    snprintf(buf, size, "%.*s", (int)found_len, found);
    return buf;
}

size_t lf_speech_runs(const char *lang, const char *text, const char *cyrillic,
                      struct lf_speech_run **runs)
{
    UScriptCode base[MAX_BASE_SCRIPTS];
    int n_base = base_scripts(lang, base);
    size_t n = strlen(text), count = 0, cap = 0, plain = 0, next;
    const char *text_cyrillic = NULL;
    *runs = NULL;
    for (size_t i = 0; i < n;) {
        /* a part already marked for a voice stays as it is */
        if (text[i] == GERMAN_OPEN[0] || text[i] == VOICE_OPEN[0]) {
            int depth = 0;
            size_t j = i;
            for (; j < n; j++) {
                if (text[j] == VOICE_OPEN[0]) {
                    const char *tag_end = strchr(text + j + 1, VOICE_OPEN[0]);
                    depth++;
                    j = tag_end ? (size_t)(tag_end - text) : n - 1;
                } else if (text[j] == GERMAN_OPEN[0]) {
                    depth++;
                } else if (text[j] == GERMAN_CLOSE[0] && --depth == 0) {
                    break;
                }
            }
            i = j < n ? j + 1 : n;
            continue;
        }
        UScriptCode sc = script_at(text, i, n, &next);
        bool own = sc == USCRIPT_COMMON || sc == USCRIPT_INHERITED || sc == USCRIPT_UNKNOWN;
        for (int b = 0; b < n_base && !own; b++)
            own = sc == base[b];
        if (own || !run_language(sc, text + i, next - i, text, cyrillic, &text_cyrillic)) {
            i = next;
            continue;
        }
        /* letters of one script, with marks on them, joined by up to
         * three spaces, hyphens, dots or apostrophes */
        size_t start = i, end = next;
        for (;;) {
            size_t q = end;
            while (q < n) {
                UScriptCode s2 = script_at(text, q, n, &next);
                if (s2 != sc && s2 != USCRIPT_INHERITED)
                    break;
                q = end = next;
            }
            size_t j = q, k = 0, l;
            while (j < n && k < 3 && (l = joiner(text + j)) > 0)
                j += l, k++;
            if (k == 0 || j >= n || script_at(text, j, n, &next) != sc)
                break;
            end = j;
        }
        add_run(runs, &count, &cap, plain, start - plain, lang, false);
        add_run(runs, &count, &cap, start, end - start,
                run_language(sc, text + start, end - start, text, cyrillic, &text_cyrillic), true);
        plain = i = end;
    }
    add_run(runs, &count, &cap, plain, n - plain, lang, false);
    return count;
}

void lf_script_mark_runs(const char *lang, const char *text, const char *cyrillic,
                         struct lf_growing_text *out)
{
    struct lf_speech_run *runs;
    size_t n = lf_speech_runs(lang, text, cyrillic, &runs);
    for (size_t i = 0; i < n; i++) {
        const struct lf_speech_run *r = &runs[i];
        if (!r->foreign) {
            lf_growing_text_add(out, text + r->start, r->len);
            continue;
        }
        if (strcmp(r->lang, "de") == 0)
            lf_growing_text_adds(out, GERMAN_OPEN);
        else
            lf_growing_text_printf(out, VOICE_OPEN "%s" VOICE_OPEN, r->lang);
        lf_growing_text_add(out, text + r->start, r->len);
        lf_growing_text_adds(out, GERMAN_CLOSE);
    }
    free(runs);
}
