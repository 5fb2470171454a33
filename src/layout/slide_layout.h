/* Slide layout: turns what is on screen (a slide of the playlist, a list
 * of items, the header and footer) into a scene for a screen of any size.
 * Landscape and portrait each have their own arrangement; right-to-left
 * languages get the mirror image. Text that does not fit is set smaller,
 * down to a minimum size relative to the screen, and what still does not
 * fit is continued on another page, never clipped.
 *
 * Pure C: text is measured through struct lf_measure. */
#ifndef LF_LAYOUT_SLIDE_LAYOUT_H
#define LF_LAYOUT_SLIDE_LAYOUT_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "content/bundle.h"
#include "layout/scene.h"
#include "layout/text_fit.h"
#include "layout/theme.h"
#include "schedule/schedule.h"

/* Text size floor: no text on screen is smaller than this fraction of the
 * screen's shorter side (about 2.5 mm per 10 cm of screen), readable from
 * three metres on a 43" foyer screen. */
#define LF_MIN_TEXT_FRACTION 0.026

/* Touch targets (every button, list entry and arrow) are at least
 * LF_MIN_TOUCH_MM wide and high at the screen's pixel density (a
 * fingertip; older hands miss smaller ones) and never below
 * LF_MIN_TOUCH_PX, on every screen from 800x480 to 4K: at 480x800 the
 * strip's buttons were 30 px and the arrows 34 px (6 % of the shorter
 * side, the rule before). Where they do not all fit at that size the
 * footer shows fewer languages and "more languages" opens the rest; a
 * button never shrinks below it. The density is lf_view.dpi (the config's
 * [display] dpi), else LF_ASSUMED_DPI. */
#define LF_MIN_TOUCH_PX 48
#define LF_MIN_TOUCH_MM 9.0
#define LF_ASSUMED_DPI 96

/* Small screens (a shorter side below LF_COMPACT_SIDE pixels: 800x480,
 * 1024x600, 1280x720, 1366x768, 1280x800 and their portrait forms, panels
 * of 7" to 24" read from close by) are set denser so that a typical offer
 * or event stays on one page: the space between blocks, around cards and
 * between columns is LF_COMPACT_SPACING of the usual, a title at most
 * LF_COMPACT_TITLE of its usual size, and text may go down to the floor
 * (LF_MIN_TEXT_FRACTION) where the QR code at a slide's end is left out
 * for one page (what it carries is on the slide as text). Touch targets
 * stay as they are. */
#define LF_COMPACT_SIDE 900
#define LF_COMPACT_SPACING 0.6
#define LF_COMPACT_TITLE 0.8

/* A slide's picture (the layout learns its size through
 * lf_measure.image_size; unknown: a poster's 3:4) is shown whole, in its
 * own proportions, never cut. One about as wide as a poster or a photo
 * has its place in the slide's design (beside or under the text); one at
 * least LF_WIDE_PICTURE times as wide as high is a banner across the foot
 * of the slide, as wide as the slide or LF_BANNER_MAX_HEIGHT of its height
 * high; one at least LF_WIDE_PICTURE times as high as wide a strip at the
 * end edge, as high as the slide or LF_STRIP_MAX_WIDTH of its width wide.
 * The text is laid out in the rest, at its usual sizes: a 20:1 banner in
 * a poster's column was a line 34 px high, and a 1:20 one a thread. A
 * banner may take a third of the height (0.3 left a 3:1 picture 9 % of
 * the 764x279 box that 800x480 keeps beside finger-sized buttons). */
#define LF_WIDE_PICTURE 3.0
#define LF_BANNER_MAX_HEIGHT 0.34
#define LF_STRIP_MAX_WIDTH 0.3

/* What a page is laid out for. Every field is listed once, in
 * LF_VIEW_FIELDS, with how two views compare on it; struct lf_view is made
 * from that list, so code that compares views (app/carousel.c: a page kept
 * from the build is shown again only for the build's view) goes over every
 * field, and a field added here cannot be left out of it. How:
 *   same   the same value (pointers: the same object);
 *   text   the same text (NULL only equals NULL);
 *   moment the time: compared by the caller (what a page shows changes
 *          only at lf_next_change).
 * X(how, type, name) per field: */
#define LF_VIEW_FIELDS(X)                                                                          \
    X(same, const struct lf_bundle *, bundle)                                                      \
    X(text, const char *, lang)           /* language of the screen */                             \
    X(moment, time_t, now)                                                                         \
    X(same, const struct lf_theme *, theme)                                                        \
    X(same, const struct lf_measure *, measure)                                                    \
    X(same, int, width)                                                                            \
    X(same, int, height)                                                                           \
    X(same, double, text_scale)           /* 1.0; larger for the large-text setting */             \
    X(text, const char *, organisation)   /* header override, NULL = the bundle's */               \
    X(same, bool, passive)                /* a foyer screen without touch: no buttons */           \
    X(same, bool, speech)                 /* the strip has the read-aloud controls */              \
    /* content older than the configured age: when it was installed (the header says           \
     * "Stand: ..."); 0 = fresh */                                                                 \
    X(same, time_t, stale_since)                                                                   \
    /* the wall clock is not plausible (not set yet): no date or time in the header, no        \
     * "open now", "happening now" */                                                              \
    X(same, bool, clock_unknown)                                                                   \
    /* the screen's pixels per inch, for the size of touch targets; 0: LF_ASSUMED_DPI */           \
    X(same, int, dpi)

struct lf_view {
#define LF_VIEW_FIELD(how, type, name) type name;
    LF_VIEW_FIELDS(LF_VIEW_FIELD)
#undef LF_VIEW_FIELD
};

enum lf_page_kind {
    LF_PAGE_SLIDE,  /* one slide of the playlist */
    LF_PAGE_LIST,   /* a list of items to tap (agenda, a category) */
    LF_PAGE_LANGUAGES, /* every language of the bundle, each named in itself, to tap */
};

/* A place in the flow of a slide's text blocks (when, where, description,
 * registration...): block index and byte offset in that block's text.
 * {0, 0} is the beginning; anything else is a continuation page. */
struct lf_flow_pos {
    size_t block;
    size_t offset;
};

struct lf_page {
    enum lf_page_kind kind;
    const struct lf_slide *slide;   /* LF_PAGE_SLIDE */
    struct lf_flow_pos from;        /* continuation: where this page's text starts */
    const struct lf_slide *list;    /* LF_PAGE_LIST (and the agenda slide) */
    size_t n_list;
    const char *list_title;         /* LF_PAGE_LIST heading */
    enum lf_category category;      /* colour of a list */
    const struct lf_slide *notices; /* LF_PAGE_LIST: the notices valid now, at the top of
                                       its first page (as many as leave room for entries) */
    size_t n_notices;
};

struct lf_page_result {
    bool continues;          /* some text did not fit: the next page starts at rest */
    struct lf_flow_pos rest;
    size_t chars;       /* characters of text shown, for reading time */
};

/* The region between header and footer. */
struct lf_box lf_layout_content_box(const struct lf_view *v);
int lf_layout_min_text_px(const struct lf_view *v);
/* The least width and height of a touch target on this screen, in pixels:
 * LF_MIN_TOUCH_MM at its density, at least LF_MIN_TOUCH_PX. */
int lf_layout_min_touch_px(const struct lf_view *v);

void lf_layout_page(struct lf_scene *s, const struct lf_view *v, const struct lf_page *p,
                    struct lf_page_result *r);

void lf_layout_header(struct lf_scene *s, const struct lf_view *v);

/* The read-aloud button in the strip. */
enum lf_read_button {
    LF_READ_NONE,     /* no sound or speech off: no button */
    LF_READ_READY,    /* "read aloud" */
    LF_READ_READING,  /* "stop" */
    LF_READ_NO_VOICE, /* the language has no voice: the button says so */
};

struct lf_footer {
    size_t position, count;     /* "3 / 17"; count 0 hides it */
    int active_category;        /* -1 in the carousel */
    bool show_back;             /* browsing: a button back to the carousel */
    bool large_text;            /* the toggles' states */
    bool high_contrast;
    bool languages_open;        /* the page of every language is shown */
    enum lf_read_button read;   /* the read-aloud button */
    bool slow_speech;           /* the "slower" toggle's state */
};
void lf_layout_footer(struct lf_scene *s, const struct lf_view *v, const struct lf_footer *f);

/* The category a slide belongs to (notices and the agenda: events). */
enum lf_category lf_slide_category(const struct lf_slide *slide);

#endif
