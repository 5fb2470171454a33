#include "layout/text_fit.h"

#include <string.h>

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

/* True when the word (up to the next space or newline) starting at i is
 * an e-mail or web address: it is never broken at its hyphens or slashes. */
static bool is_address(const char *t, size_t i, size_t n)
{
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
static size_t unit_end(const char *t, size_t i, size_t n)
{
    bool address = is_address(t, i, n);
    while (i < n && !is_space(t[i]) && t[i] != '\n') {
        char c = t[i];
        i += utf8_len(t + i);
        if ((c == '-' || c == '/') && i < n && !is_space(t[i]) && !is_digit(t[i]) && !address)
            break;
    }
    return i > n ? n : i;
}

void lf_wrap(const struct lf_measure *m, enum lf_face face, int px, const char *text,
             int max_w, size_t max_lines, struct lf_wrapped *out)
{
    size_t n = strlen(text);
    if (max_lines > LF_MAX_WRAP_LINES)
        max_lines = LF_MAX_WRAP_LINES;
    out->px = px;
    out->line_height = m->line_height(m->ctx, face, px);
    out->n = 0;
    out->rest = 0;
    out->split_word = false;

    size_t i = 0;
    while (i < n && is_space(text[i]))
        i++;
    while (i < n) {
        if (out->n == max_lines) {
            out->rest = i;
            return;
        }
        size_t start = i, end = i; /* end: last accepted break */
        int width = 0;
        while (i < n && text[i] != '\n') {
            size_t ue = unit_end(text, i, n);
            int w = m->width(m->ctx, face, px, text + start, ue - start);
            if (w > max_w) {
                if (end > start)
                    break; /* the unit goes on the next line */
                /* a unit wider than the whole line: split by code point */
                size_t j = start;
                width = 0;
                while (j < ue) {
                    size_t k = j + utf8_len(text + j);
                    int wk = m->width(m->ctx, face, px, text + start, k - start);
                    if (wk > max_w && j > start)
                        break;
                    j = k;
                    width = wk;
                }
                end = i = j;
                out->split_word = true;
                break;
            }
            end = ue;
            width = w;
            i = ue;
            while (i < n && is_space(text[i]))
                i++;
        }
        out->lines[out->n++] = (struct lf_line){start, end - start, width};
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
    return m->width(m->ctx, face, px, text, strlen(text));
}
