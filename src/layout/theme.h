/* Colours of the screen. Every text colour is used only on the
 * backgrounds named next to it; test_theme checks each such pair for a
 * contrast ratio of at least 7:1 (WCAG AAA). */
#ifndef LF_LAYOUT_THEME_H
#define LF_LAYOUT_THEME_H

#include <stddef.h>

#include "layout/scene.h"

enum lf_category {
    LF_CAT_EVENTS,
    LF_CAT_OFFERS,
    LF_CAT_CONTACTS,
    LF_CAT_COUNT,
};

struct lf_theme {
    const char *name;
    struct lf_rgba page;        /* slide background */
    struct lf_rgba ink;         /* main text, on page and card */
    struct lf_rgba ink_soft;    /* secondary text, on page and card */
    struct lf_rgba card;        /* panels on the page */
    struct lf_rgba bar;         /* header and footer background */
    struct lf_rgba bar_ink;     /* text on bar */
    struct lf_rgba accent[LF_CAT_COUNT]; /* badges, labels: text on page, fill under on_accent */
    struct lf_rgba on_accent;   /* text on an accent fill */
    struct lf_rgba open;        /* "open now" fill, under on_accent */
    struct lf_rgba closed;      /* "closed" fill, under on_accent */
    struct lf_rgba notice;      /* notice card fill, under ink */
    struct lf_rgba urgent;      /* urgent notice page, under on_accent */
    struct lf_rgba button;      /* footer arrow buttons, under button_ink */
    struct lf_rgba button_ink;
    struct lf_rgba rule;        /* thin lines, decoration only */
};

enum lf_theme_id {
    LF_THEME_STANDARD,
    LF_THEME_HIGH_CONTRAST,
    LF_THEME_COUNT,
};

const struct lf_theme *lf_theme_get(enum lf_theme_id id);

/* WCAG 2 contrast ratio of two opaque colours, 1.0 .. 21.0. */
double lf_contrast_ratio(struct lf_rgba a, struct lf_rgba b);

#endif
