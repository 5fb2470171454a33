/* Widths of text remembered: a struct lf_measure around another that asks
 * it once for each (face, size, text) and answers from memory after. The
 * kiosk lays out its footer (the language strip, the buttons, "3 / 21")
 * at every page and its pages at every build: the same strings, each
 * shaped by HarfBuzz again (bench/transition_cost.sh).
 *
 * A width depends on nothing but face, size in pixels and text (the
 * measure's lang and hyphenator are the layout's, not the width's), so a
 * remembered width is the width; the inner measure must give the same
 * width for the same arguments (fonts do not change while it lives).
 * At most LF_MEASURE_MEMO_WIDTHS widths of texts up to
 * LF_MEASURE_MEMO_TEXT_BYTES bytes in all: when full it forgets them all
 * and starts again; a longer text is measured each time.
 *
 * Pure C. Owner: create/destroy; the inner measure must outlive it. One
 * thread at a time. */
#ifndef LF_LAYOUT_MEASURE_MEMO_H
#define LF_LAYOUT_MEASURE_MEMO_H

#include <stddef.h>

#include "layout/text_fit.h"

struct lf_measure_memo;

struct lf_measure_memo *lf_measure_memo_create(const struct lf_measure *inner);
void lf_measure_memo_destroy(struct lf_measure_memo *m);

/* The measure to lay out with: widths remembered, line heights and image
 * sizes (and lang, hyphenator) as the inner one's. Valid while m lives. */
const struct lf_measure *lf_measure_memo_measure(struct lf_measure_memo *m);

struct lf_measure_memo_stats {
    size_t hits;     /* widths answered from memory */
    size_t misses;   /* widths asked of the inner measure */
    size_t widths;   /* remembered now */
    size_t forgets;  /* times it was full and forgot every width */
};
struct lf_measure_memo_stats lf_measure_memo_stats(const struct lf_measure_memo *m);

#endif
