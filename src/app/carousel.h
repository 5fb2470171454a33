/* The carousel: the pages the kiosk plays in turn, each with its time.
 *
 * Built from the schedule's playlist at a moment: each slide becomes one
 * page, or several when its text continues (the layout says where), and
 * each page stays as long as its text takes to read. The list of a
 * category for browsing comes from the same playlist.
 *
 * Pages are laid out lazily: the build lays out nothing; a page is laid
 * out (with every slide before it) when it is first asked for, all of
 * them when the count is (so a count is always the true one). The first
 * frame needs only the first page; the kiosk asks for the count (the
 * footer's "3 / 17") from the frame after it on.
 *
 * Pure C (layout measures through struct lf_measure). Owner:
 * create/destroy; pages point into the bundle, which, like the view's
 * measure and theme, must outlive the carousel until the next
 * lf_carousel_build. Main thread only. A page pointer is valid until the
 * next call that may lay out (page, count). */
#ifndef LF_APP_CAROUSEL_H
#define LF_APP_CAROUSEL_H

#include <stdbool.h>
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

/* Rebuilds the pages for v->bundle at v->now in v->lang (the view is
 * copied, the language too). base_s: the configured time for a slide
 * with little text. */
void lf_carousel_build(struct lf_carousel *c, const struct lf_view *v, int base_s);

/* At most `max` event slides a round, the nearest first (0: every
 * upcoming event and every agenda page), and of the agenda the pages that
 * name them (its first page always); LF_CAROUSEL_MAX_EVENTS until set.
 * The Events list a visitor browses keeps every upcoming event. On a
 * screen nobody can touch (v->passive) LF_CAROUSEL_AGENDA_WINDOW_PAGES
 * more agenda pages follow them, naming later events: a window that
 * lf_carousel_next_round moves on. Takes effect at the next build. */
void lf_carousel_set_max_events(struct lf_carousel *c, size_t max);

/* The end of a round: the next build plays the next
 * LF_CAROUSEL_MAX_SERVICES offers and contacts (after the last, the
 * first again), and its window of later agenda pages starts at the first
 * event after this round's (after the last event, at the first after the
 * nearest ones again); both keep their place through builds until the
 * next call. Lays out every page. True when the next round differs from
 * this one (the caller rebuilds); false when there are no more offers or
 * contacts than a round plays and this build had no window (a screen
 * with touch, few events, max_events 0, an urgent notice). */
bool lf_carousel_next_round(struct lf_carousel *c);

/* Every page: lays out all that is not laid out yet. */
size_t lf_carousel_count(struct lf_carousel *c);
/* Page i (laid out now if it was not), NULL past the last one. */
const struct lf_carousel_page *lf_carousel_page(struct lf_carousel *c, size_t i);
/* Lays out page i for view v into `into` (cleared first), its result into
 * r, as lf_layout_page does. The build lays out every page once (to know
 * where each continues) and keeps what it laid out, up to
 * LF_CAROUSEL_KEPT_SCENE_BYTES: that is copied when v is the build's view
 * but for its now, and v->now lies between the build's now and
 * lf_carousel_rebuild_at (nothing on a page changes in between: a new day,
 * an event starting or ending, hours opening are rebuild moments).
 * Otherwise (another language, size, theme, text size, clock state or
 * bundle than the build's, a time outside it, a page not kept) it is laid
 * out anew. False past the last page (`into` left empty). */
bool lf_carousel_lay_out(struct lf_carousel *c, size_t i, const struct lf_view *v,
                         struct lf_scene *into, struct lf_page_result *r);
/* How many times lf_carousel_lay_out copied a kept page since the
 * carousel was made (for tests and the debug log). */
size_t lf_carousel_reused(const struct lf_carousel *c);

/* Whether every page is laid out, i.e. lf_carousel_count costs nothing. */
bool lf_carousel_complete(const struct lf_carousel *c);

/* When the pages must be rebuilt: the next moment anything on them
 * changes (lf_next_change: a notice starts, hours open, an event ends,
 * midnight...). Always after the build's v->now. */
time_t lf_carousel_rebuild_at(const struct lf_carousel *c);

/* The slides of one category, in carousel order, for browsing: complete
 * even while an urgent notice has the carousel. Valid until the next
 * build. */
size_t lf_carousel_category(const struct lf_carousel *c, enum lf_category cat,
                            const struct lf_slide **out);

/* The notices valid at the build (urgent first), for the top of every
 * list a visitor browses. Valid until the next build. */
size_t lf_carousel_notices(const struct lf_carousel *c, const struct lf_slide **out);

#endif
