/* Wrapping and fitting text into boxes, with text measured through a
 * small interface so this stays pure C: the renderer measures with the
 * real fonts, tests with a fake or with the real fonts headless.
 *
 * Text is never clipped: lf_fit shrinks it down to a minimum size and,
 * when it still does not fit, says where the rest begins so the caller
 * can continue it on another page. */
#ifndef LF_LAYOUT_TEXT_FIT_H
#define LF_LAYOUT_TEXT_FIT_H

#include <stdbool.h>
#include <stddef.h>

#include "layout/scene.h"

struct lf_hyphenator;

struct lf_measure {
    void *ctx;
    /* Advance width in pixels of utf8[0..len) set at px in face. */
    int (*width)(void *ctx, enum lf_face face, int px, const char *utf8, size_t len);
    /* Distance between baselines of two lines at px. */
    int (*line_height)(void *ctx, enum lf_face face, int px);
    /* Optional: the language of the text and the hyphenation patterns
     * for a word too long for a line (NULL: such a word is broken by
     * character, with a hyphen). The layout fills these in. */
    const char *lang;
    struct lf_hyphenator *hyphenator;
    /* Optional: the size in pixels of the picture at path as it is shown
     * (upright); false when it cannot be read. NULL: the layout assumes a
     * poster's 3:4. */
    bool (*image_size)(void *ctx, const char *path, int *w, int *h);
};

#define LF_MAX_WRAP_LINES 48
/* Diacritics above or below one letter that are drawn: Vietnamese needs
 * two; a pasted "Zalgo" text with dozens drew over the lines around it. */
#define LF_MAX_STACKED_MARKS 4

struct lf_line {
    size_t start, len;  /* byte range in the text, trailing spaces excluded */
    int width;          /* as drawn: cleaned, with the hyphen */
    bool hyphen;        /* a word broken here: a hyphen is drawn at the end */
};

struct lf_wrapped {
    int px;
    int line_height;
    int max_w;         /* the width the lines were wrapped into */
    size_t n;
    struct lf_line lines[LF_MAX_WRAP_LINES];
    /* 0 when the whole text is in lines; else the byte offset where the
     * text that did not fit begins (at a word start). */
    size_t rest;
    bool split_word;   /* a word wider than the line had to be broken */
};

static inline int lf_wrapped_height(const struct lf_wrapped *w)
{
    return (int)w->n * w->line_height;
}

/* Greedy wrap of text at px into lines of at most max_w pixels: breaks
 * at spaces, after hyphens and slashes and at soft hyphens (U+00AD, then
 * with a visible hyphen), at "\n" always. A word wider than max_w alone
 * is hyphenated (m->hyphenator, m->lang), else broken by character with
 * a hyphen; an e-mail or web address is broken after one of its "/@_"
 * or before a "." or "-", without a hyphen (one would change the address). At most max_lines
 * lines (<= LF_MAX_WRAP_LINES); what does not fit is reported in rest. */
void lf_wrap(const struct lf_measure *m, enum lf_face face, int px, const char *text,
             int max_w, size_t max_lines, struct lf_wrapped *out);

/* The same from text[from] on (the rest of a text a page before began):
 * lines and rest count from the start of text, and the words around
 * `from` are seen whole (the rest of a web address broken on the page
 * before is still an address: broken without a hyphen). */
void lf_wrap_from(const struct lf_measure *m, enum lf_face face, int px, const char *text,
                  size_t from, int max_w, size_t max_lines, struct lf_wrapped *out);

/* Whether a page that ends where `cut` begins (a wrapped text's rest)
 * would part what a visitor copies whole: a web or e-mail address
 * broken inside (it was wider than a line), or a phone number between
 * its groups of digits ("0251 | 492-7077"). With whole_lines (a block of
 * data: address, phone, e-mail, web address, one a line) only a cut at a
 * line of its own ("\n") is clean. Between two lines of one page such a
 * break is fine; across pages it is not (the visitor would copy half). */
bool lf_cut_parts_data(const char *text, size_t cut, bool whole_lines);

/* The largest size from px_max down to px_min at which text fits into
 * w x h in at most max_lines lines without breaking inside a word. When even px_min does not fit, the
 * text is wrapped at px_min into as many lines as fit and rest is set.
 * Returns true when everything fit. */
bool lf_fit(const struct lf_measure *m, enum lf_face face, const char *text, int w, int h,
            int px_max, int px_min, size_t max_lines, struct lf_wrapped *out);

/* Copies utf8[0..len) into out (NUL-terminated, at most size - 1 bytes)
 * as it is drawn: without soft hyphens, control characters (a tab
 * becomes a space) and bidi embeddings, overrides and isolates
 * (U+202A..U+202E, U+2066..U+2069: a text never shows reversed), and
 * diacritics above or below a letter past LF_MAX_STACKED_MARKS (they
 * would reach into the lines around it). Returns the length written. */
size_t lf_text_clean(const char *utf8, size_t len, char *out, size_t size);

/* Line i of w as drawn (cleaned, with its hyphen) into out. */
size_t lf_line_text(const char *text, const struct lf_line *l, char *out, size_t size);

/* Width of the whole text on one line. */
int lf_text_width(const struct lf_measure *m, enum lf_face face, int px, const char *text);

#endif
