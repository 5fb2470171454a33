#include "layout/text_fit.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include "layout/hyphen.h"

static bool is_space(char c)
{
    return c == ' ' || c == '\t';
}

/* Length of the UTF-8 sequence starting at s (1 for stray bytes). */
static size_t utf8_len(const char *s)
{
    unsigned char c = (unsigned char)*s;
    if (c >= 0xF0)
        return 4;
    if (c >= 0xE0)
        return 3;
    if (c >= 0xC0)
        return 2;
    return 1;
}

/* True when the word (from the space or newline before i to the next
 * one) that i is in is an e-mail or web address: it is never broken at
 * its hyphens or slashes. Looked at whole: the rest of an address already
 * broken once ("veranstaltung/...?utm_medium") is still an address and
 * never takes a hyphen. */
static bool is_address(const char *t, size_t i, size_t n)
{
    while (i > 0 && !is_space(t[i - 1]) && t[i - 1] != '\n')
        i--;
    size_t e = i;
    while (e < n && !is_space(t[e]) && t[e] != '\n')
        e++;
    for (size_t k = i; k < e; k++) {
        if (t[k] == '@')
            return true;
        if (k + 3 <= e && memcmp(t + k, "://", 3) == 0)
            return true;
        if (k == i && e - i > 4 && memcmp(t + k, "www.", 4) == 0)
            return true;
    }
    return false;
}

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* End of the next breakable unit starting at i: a word plus a trailing
 * hyphen or slash. Does not include spaces or the newline. As in the
 * Unicode line breaking rules (UAX #14, LB25), a hyphen or slash before
 * a digit is no break ("0251 492-7077", "2026/27"), and neither is one in
 * an e-mail or web address. */
static bool is_soft_hyphen(const char *t, size_t i, size_t n)
{
    return i + 1 < n && (unsigned char)t[i] == 0xC2 && (unsigned char)t[i + 1] == 0xAD;
}

/* The line-break class (UAX #14) of the code point at t[i]. */
static int break_class(const char *t, size_t i, size_t n)
{
    int32_t k = (int32_t)i;
    UChar32 c;
    U8_NEXT(t, k, (int32_t)n, c);
    return c < 0 ? U_LB_UNKNOWN : u_getIntPropertyValue(c, UCHAR_LINE_BREAK);
}

static bool ideographic(int lb)
{
    return lb == U_LB_IDEOGRAPHIC || lb == U_LB_CONDITIONAL_JAPANESE_STARTER ||
           lb == U_LB_H2 || lb == U_LB_H3 || lb == U_LB_JL || lb == U_LB_JV || lb == U_LB_JT ||
           lb == U_LB_E_BASE;
}

/* Chinese and Japanese are written without spaces: a line may end
 * between any two ideographs (or kana, Hangul syllables, emoji), with no
 * hyphen (UAX #14), but never before closing punctuation ("、", "。",
 * "）"), a small kana or a mark, nor after an opening bracket, a joiner
 * or a digit. Breaking them as one long word put a hyphen at every line's
 * end and set the text at the smallest size. */
static bool ideographic_break(int before, int after)
{
    if (!ideographic(before) && !ideographic(after))
        return false;
    switch (after) {
    case U_LB_CLOSE_PUNCTUATION: case U_LB_CLOSE_PARENTHESIS: case U_LB_EXCLAMATION:
    case U_LB_INFIX_NUMERIC: case U_LB_NONSTARTER: case U_LB_COMBINING_MARK:
    case U_LB_ZWJ: case U_LB_GLUE: case U_LB_WORD_JOINER: case U_LB_E_MODIFIER:
    case U_LB_POSTFIX_NUMERIC: case U_LB_QUOTATION:
        return false;
    default:
        break;
    }
    return before != U_LB_OPEN_PUNCTUATION && before != U_LB_ZWJ && before != U_LB_GLUE &&
           before != U_LB_WORD_JOINER && before != U_LB_NUMERIC &&
           before != U_LB_PREFIX_NUMERIC && before != U_LB_QUOTATION;
}

/* The code point that ends before t[j] (0 at the start). */
static UChar32 code_point_before(const char *t, size_t j)
{
    if (j == 0)
        return 0;
    int32_t i = (int32_t)j;
    UChar32 c;
    U8_PREV(t, 0, i, c);
    return c;
}

/* Ethiopic (Ge'ez: Tigrinya, Amharic, Tigre ...) marks no hyphen where a
 * word is broken across lines: each character is a syllable and a word
 * went on on the next line without a mark (a Latin "-" there is foreign
 * to the script; the Ethiopic wordspace "፡" would say the word ended). */
static bool ethiopic(UChar32 c)
{
    UErrorCode err = U_ZERO_ERROR;
    return c > 0 && uscript_getScript(c, &err) == USCRIPT_ETHIOPIC && U_SUCCESS(err);
}

/* A mark drawn on the character before it: never the first of a line. */
static bool is_mark_at(const char *t, size_t j, size_t n)
{
    int32_t i = (int32_t)j;
    UChar32 c;
    U8_NEXT(t, i, (int32_t)n, c);
    if (c < 0)
        return false;
    int8_t type = u_charType(c);
    return type == U_NON_SPACING_MARK || type == U_COMBINING_SPACING_MARK ||
           type == U_ENCLOSING_MARK;
}

static size_t unit_end(const char *t, size_t i, size_t n)
{
    bool address = is_address(t, i, n);
    while (i < n && !is_space(t[i]) && t[i] != '\n') {
        char c = t[i];
        bool shy = is_soft_hyphen(t, i, n);
        size_t at = i;
        i += utf8_len(t + i);
        if (shy && i < n && !is_space(t[i]))
            break;
        if ((c == '-' || c == '/') && i < n && !is_space(t[i]) && !is_digit(t[i]) && !address)
            break;
        /* after the Ethiopic wordspace "፡" (U+1361), where words are
         * divided by it instead of a space: a line may end there */
        if (i - at == 3 && (unsigned char)t[at] == 0xE1 && (unsigned char)t[at + 1] == 0x8D &&
            (unsigned char)t[at + 2] == 0xA1 && i < n && !is_space(t[i]))
            break;
        if (i < n && ((unsigned char)c >= 0xE0 || (unsigned char)t[i] >= 0xE0) &&
            ideographic_break(break_class(t, at, n), break_class(t, i, n)))
            break;
    }
    return i > n ? n : i;
}

/* Whether the code point at s is drawn: not a soft hyphen, control
 * character or bidi embedding/override/isolate. Tabs are drawn (as
 * spaces). */
static bool drawn(const unsigned char *s, size_t k)
{
    if (k == 1)
        return s[0] >= 0x20 ? s[0] != 0x7F : s[0] == '\t';
    if (k == 2 && s[0] == 0xC2)
        return s[1] >= 0xA0 && s[1] != 0xAD; /* C1 controls, soft hyphen */
    if (k == 3 && s[0] == 0xE2 && s[1] == 0x80 && s[2] >= 0xAA && s[2] <= 0xAE)
        return false; /* U+202A..U+202E */
    if (k == 3 && s[0] == 0xE2 && s[1] == 0x81 && s[2] >= 0xA6 && s[2] <= 0xA9)
        return false; /* U+2066..U+2069 */
    return true;
}

/* The canonical combining class of the character s[0..k): 0 for a
 * letter; 200 and up for a diacritic set above or below its letter (the
 * marks of Latin, Cyrillic, Greek; not Tibetan's subjoined letters (0),
 * Arabic's vowels or Thai's tone marks (below 200)). */
static int combining_class(const char *s, size_t k)
{
    if (k < 2)
        return 0;
    int32_t i = 0;
    UChar32 c;
    U8_NEXT(s, i, (int32_t)k, c);
    return c < 0 ? 0 : u_getCombiningClass(c);
}

size_t lf_text_clean(const char *utf8, size_t len, char *out, size_t size)
{
    size_t o = 0;
    int marks = 0; /* stacked marks on the letter before */
    for (size_t i = 0; i < len && utf8[i];) {
        size_t k = utf8_len(utf8 + i);
        if (i + k > len)
            break;
        int cc = combining_class(utf8 + i, k);
        if (cc >= 200)
            marks++;
        else if (cc == 0)
            marks = 0;
        /* the same mark again on its letter (Thai's tone mark eight times
         * over) means nothing more and would reach into the next line */
        bool repeated = cc != 0 && i >= k && memcmp(utf8 + i - k, utf8 + i, k) == 0;
        if (drawn((const unsigned char *)utf8 + i, k) && o + k < size &&
            marks <= LF_MAX_STACKED_MARKS && !repeated) {
            if (utf8[i] == '\t')
                out[o++] = ' ';
            else
                memcpy(out + o, utf8 + i, k), o += k;
        }
        i += k;
    }
    if (size)
        out[o < size ? o : size - 1] = '\0';
    return o;
}

size_t lf_line_text(const char *text, const struct lf_line *l, char *out, size_t size)
{
    size_t n = lf_text_clean(text + l->start, l->len, out, size > 1 ? size - 1 : size);
    if (l->hyphen && n + 1 < size) {
        out[n++] = '-';
        out[n] = '\0';
    }
    return n;
}

/* The width of s[0..len) as drawn, with a hyphen after it when asked. */
static int measure(const struct lf_measure *m, enum lf_face face, int px, const char *s,
                   size_t len, bool hyphen)
{
    char small[1024];
    char *buf = len + 2 <= sizeof(small) ? small : malloc(len + 2);
    if (!buf)
        return m->width(m->ctx, face, px, s, len);
    size_t n = lf_text_clean(s, len, buf, len + 2);
    if (hyphen)
        buf[n++] = '-';
    int w = m->width(m->ctx, face, px, buf, n);
    if (buf != small)
        free(buf);
    return w;
}

/* Where to break a word t[start..ue) wider than max_w: the longest
 * prefix that fits (with a hyphen when *hyphen) ending at a hyphenation
 * point; for an address after one of "/@_?&=#" or before "." or "-",
 * without a hyphen; else
 * at a character, with a hyphen. At least one character. */
static size_t break_word(const struct lf_measure *m, enum lf_face face, int px, const char *t,
                         size_t start, size_t ue, size_t n, int max_w, bool *hyphen, int *width)
{
    size_t len = ue - start;
    bool address = is_address(t, start, n);
    bool stack_points[LF_MAX_HYPHEN_WORD * 2];
    bool *points = NULL;
    if (!address && len <= sizeof(stack_points) &&
        lf_hyphen_points(m->hyphenator, m->lang, t + start, len, stack_points))
        points = stack_points;
    size_t best = 0, any = 0;
    int best_w = 0, any_w = 0;
    for (size_t j = start + utf8_len(t + start); j < ue; j += utf8_len(t + j)) {
        /* an address breaks after "/@?&=#_" or before "." and "-" (a
         * line that ends in "-" would read as a hyphenated word) */
        char c = t[j - 1], next = t[j];
        if (is_mark_at(t, j, n))
            continue; /* a vowel sign or accent stays with its letter */
        bool at_point = address ? (c == '/' || c == '@' || c == '_' || c == '?' || c == '&' ||
                                   c == '=' || c == '#' || next == '.' || next == '-')
                                : points && points[j - 1 - start];
        bool mark = !address && !ethiopic(code_point_before(t, j));
        int w = measure(m, face, px, t + start, j - start, mark);
        if (w > max_w)
            break;
        if (!any || w <= max_w) {
            any = j;
            any_w = w;
        }
        if (at_point) {
            best = j;
            best_w = w;
        }
    }
    if (best) {
        *hyphen = !address && !ethiopic(code_point_before(t, best));
        *width = best_w;
        return best;
    }
    size_t one = start + utf8_len(t + start);
    while (one < ue && is_mark_at(t, one, n))
        one += utf8_len(t + one);
    if (!any) { /* not even one character fits: it goes alone */
        *hyphen = !address && !ethiopic(code_point_before(t, one));
        *width = measure(m, face, px, t + start, one - start, *hyphen);
        return one < ue ? one : ue;
    }
    *hyphen = !address && !ethiopic(code_point_before(t, any));
    *width = any_w;
    return any;
}



bool lf_cut_parts_data(const char *text, size_t cut, bool whole_lines)
{
    size_t n = strlen(text);
    if (cut == 0 || cut >= n)
        return false;
    size_t q = cut; /* the end of what stays on this page, spaces left out */
    bool newline = false;
    while (q > 0 && (is_space(text[q - 1]) || text[q - 1] == '\n')) {
        newline = newline || text[q - 1] == '\n';
        q--;
    }
    if (newline)
        return false; /* between two lines of the text as written */
    if (whole_lines)
        return true;
    if (q == 0)
        return false;
    if (q == cut) /* inside one word: an address, or digits joined by "-" or "/" */
        return is_address(text, cut, n) ||
               ((is_digit(text[q - 1]) || text[q - 1] == '-' || text[q - 1] == '/') &&
                is_digit(text[cut]));
    /* between two words: two groups of one number ("0251 492-7077",
     * "+49 251 …") */
    char before = text[q - 1], after = text[cut];
    return is_digit(before) && (is_digit(after) || after == '(');
}

void lf_wrap(const struct lf_measure *m, enum lf_face face, int px, const char *text,
             int max_w, size_t max_lines, struct lf_wrapped *out)
{
    lf_wrap_from(m, face, px, text, 0, max_w, max_lines, out);
}

void lf_wrap_from(const struct lf_measure *m, enum lf_face face, int px, const char *text,
                  size_t from, int max_w, size_t max_lines, struct lf_wrapped *out)
{
    size_t n = strlen(text);
    if (max_lines > LF_MAX_WRAP_LINES)
        max_lines = LF_MAX_WRAP_LINES;
    out->px = px;
    out->line_height = m->line_height(m->ctx, face, px);
    out->max_w = max_w;
    out->n = 0;
    out->rest = 0;
    out->split_word = false;

    size_t i = from < n ? from : n;
    while (i < n && is_space(text[i]))
        i++;
    while (i < n) {
        if (out->n == max_lines) {
            out->rest = i;
            return;
        }
        size_t start = i, end = i; /* end: last accepted break */
        int width = 0;
        bool hyphen = false;
        /* the last break on this line that is not inside a phone number */
        size_t whole_end = i, whole_i = i;
        int whole_width = 0;
        bool whole_hyphen = false;
        while (i < n && text[i] != '\n') {
            size_t ue = unit_end(text, i, n);
            /* a unit ending in a soft hyphen shows one when the line ends there */
            bool shy = ue >= 2 && is_soft_hyphen(text, ue - 2, n) &&
                       !ethiopic(code_point_before(text, ue - 2));
            int w = measure(m, face, px, text + start, ue - start, shy);
            if (w > max_w) {
                /* "+49 251 | 492-7073": a number goes on whole when the line
                 * has an earlier break (after the comma before it) */
                if (end > start && is_digit(text[end - 1]) &&
                    (is_digit(text[i]) || text[i] == '(') && whole_end > start) {
                    end = whole_end;
                    i = whole_i;
                    width = whole_width;
                    hyphen = whole_hyphen;
                }
                if (end > start)
                    break; /* the unit goes on the next line */
                /* a word wider than the whole line: hyphenated */
                end = i = break_word(m, face, px, text, start, ue, n, max_w, &hyphen, &width);
                out->split_word = true;
                break;
            }
            if (end > start && !(is_digit(text[end - 1]) && (is_digit(text[i]) || text[i] == '('))) {
                whole_end = end;
                whole_i = i;
                whole_width = width;
                whole_hyphen = hyphen;
            }
            end = ue;
            width = w;
            hyphen = shy;
            i = ue;
            while (i < n && is_space(text[i]))
                i++;
        }
        out->lines[out->n++] = (struct lf_line){start, end - start, width, hyphen};
        if (i < n && text[i] == '\n')
            i++;
        while (i < n && is_space(text[i]))
            i++;
    }
}

bool lf_fit(const struct lf_measure *m, enum lf_face face, const char *text, int w, int h,
            int px_max, int px_min, size_t max_lines, struct lf_wrapped *out)
{
    for (int px = px_max; px > px_min; px -= (px / 16 > 1 ? px / 16 : 1)) {
        int lh = m->line_height(m->ctx, face, px);
        size_t lines = lh > 0 ? (size_t)(h / lh) : 0;
        if (lines > max_lines)
            lines = max_lines;
        if (lines == 0)
            continue;
        lf_wrap(m, face, px, text, w, lines, out);
        if (out->rest == 0 && !out->split_word)
            return true;
    }
    int lh = m->line_height(m->ctx, face, px_min);
    size_t lines = lh > 0 ? (size_t)(h / lh) : 0;
    if (lines > max_lines)
        lines = max_lines;
    if (lines == 0)
        lines = 1; /* the caller gave a box too small for one line */
    lf_wrap(m, face, px_min, text, w, lines, out);
    return out->rest == 0;
}

int lf_text_width(const struct lf_measure *m, enum lf_face face, int px, const char *text)
{
    return measure(m, face, px, text, strlen(text), false);
}
