/* The carousel: the pages the kiosk plays in turn, each with its time.
 *
 * Built from the schedule's playlist at a moment: each slide becomes one
 * page, or several when its text continues (the layout says where), and
 * each page stays as long as its text takes to read. The list of a
 * category for browsing comes from the same playlist.
 *
 * Pure C (layout measures through struct lf_measure). Owner:
 * create/destroy; pages point into the bundle, which must outlive the
 * carousel until the next lf_carousel_build. */
#ifndef LF_APP_CAROUSEL_H
#define LF_APP_CAROUSEL_H

#include <stddef.h>
#include <time.h>

#include "layout/slide_layout.h"
#include "schedule/schedule.h"

struct lf_carousel_page {
    struct lf_page page;
    int duration_ms;
};

struct lf_carousel;

struct lf_carousel *lf_carousel_create(void);
void lf_carousel_destroy(struct lf_carousel *c);

/* Rebuilds the pages for v->bundle at v->now in v->lang. base_s: the
 * configured time for a slide with little text. */
void lf_carousel_build(struct lf_carousel *c, const struct lf_view *v, int base_s);

size_t lf_carousel_count(const struct lf_carousel *c);
const struct lf_carousel_page *lf_carousel_page(const struct lf_carousel *c, size_t i);

/* When the pages must be rebuilt: the next moment anything on them
 * changes (lf_next_change: a notice starts, hours open, an event ends,
 * midnight...). Always after the build's v->now. */
time_t lf_carousel_rebuild_at(const struct lf_carousel *c);

/* The slides of one category, in carousel order, for browsing: complete
 * even while an urgent notice has the carousel. Valid until the next
 * build. */
size_t lf_carousel_category(const struct lf_carousel *c, enum lf_category cat,
                            const struct lf_slide **out);

/* Index of the first page showing an item of `cat`, or the current one. */
size_t lf_carousel_first_of(const struct lf_carousel *c, enum lf_category cat, size_t current);

#endif
