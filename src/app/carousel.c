#include "app/carousel.h"

#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"

struct lf_carousel {
    struct lf_playlist playlist;
    struct lf_slide agenda[LF_MAX_ITEMS]; /* every upcoming event: the agenda continues over pages */
    size_t n_agenda;
    struct lf_carousel_page *pages;
    size_t n, cap;
    const struct lf_slide *by_cat[LF_CAT_COUNT][LF_MAX_ITEMS];
    size_t n_cat[LF_CAT_COUNT];
    time_t changes_at; /* lf_next_change at the build */
};

struct lf_carousel *lf_carousel_create(void)
{
    return lf_xcalloc(1, sizeof(struct lf_carousel));
}

void lf_carousel_destroy(struct lf_carousel *c)
{
    if (!c)
        return;
    lf_playlist_clear(&c->playlist);
    free(c->pages);
    free(c);
}

static void push(struct lf_carousel *c, struct lf_carousel_page p)
{
    if (c->n == c->cap) {
        c->cap = c->cap ? c->cap * 2 : 32;
        c->pages = lf_xrealloc(c->pages, c->cap * sizeof(*c->pages));
    }
    c->pages[c->n++] = p;
}

void lf_carousel_build(struct lf_carousel *c, const struct lf_view *v, int base_s)
{
    lf_playlist_clear(&c->playlist);
    c->n = 0;
    memset(c->n_cat, 0, sizeof(c->n_cat));
    lf_playlist_build(v->bundle, v->now, &c->playlist);
    c->n_agenda = lf_upcoming_events(v->bundle, v->now, c->agenda, LF_MAX_ITEMS);
    c->changes_at = lf_next_change(v->bundle, v->now);
    /* the lists a visitor browses stay complete while an urgent notice
     * has the carousel */
    for (size_t i = 0; i < c->playlist.n_browse; i++) {
        const struct lf_slide *sl = &c->playlist.browse[i];
        enum lf_category cat = lf_slide_category(sl);
        if (c->n_cat[cat] < LF_MAX_ITEMS)
            c->by_cat[cat][c->n_cat[cat]++] = sl;
    }

    struct lf_scene *scratch = lf_scene_create();
    for (size_t i = 0; i < c->playlist.n; i++) {
        const struct lf_slide *sl = &c->playlist.slides[i];
        struct lf_page page = {.kind = LF_PAGE_SLIDE, .slide = sl};
        if (sl->kind == LF_SLIDE_AGENDA) {
            page.list = c->agenda;
            page.n_list = c->n_agenda;
            page.category = LF_CAT_EVENTS;
        }
        /* lay out once to learn how much text there is and whether it
         * continues on another page: as many pages as the text needs
         * (each page moves the flow on, so this ends) */
        for (;;) {
            struct lf_page_result r;
            lf_scene_clear(scratch);
            lf_layout_page(scratch, v, &page, &r);
            int secs = sl->item && sl->item->duration_s > 0 ? sl->item->duration_s
                                                             : lf_reading_time_s(r.chars, base_s);
            push(c, (struct lf_carousel_page){page, secs * 1000});
            bool progress = r.rest.block > page.from.block ||
                            (r.rest.block == page.from.block && r.rest.offset > page.from.offset);
            if (!r.continues || !progress)
                break;
            page.from = r.rest;
        }
    }
    lf_scene_destroy(scratch);
}

size_t lf_carousel_count(const struct lf_carousel *c)
{
    return c->n;
}

const struct lf_carousel_page *lf_carousel_page(const struct lf_carousel *c, size_t i)
{
    return i < c->n ? &c->pages[i] : NULL;
}

time_t lf_carousel_rebuild_at(const struct lf_carousel *c)
{
    return c->changes_at;
}

size_t lf_carousel_category(const struct lf_carousel *c, enum lf_category cat,
                            const struct lf_slide **out)
{
    for (size_t i = 0; i < c->n_cat[cat]; i++)
        out[i] = c->by_cat[cat][i];
    return c->n_cat[cat];
}

size_t lf_carousel_first_of(const struct lf_carousel *c, enum lf_category cat, size_t current)
{
    for (size_t i = 0; i < c->n; i++) {
        const struct lf_slide *sl = c->pages[i].page.slide;
        if (sl && sl->kind != LF_SLIDE_AGENDA && sl->kind != LF_SLIDE_NOTICE &&
            lf_slide_category(sl) == cat)
            return i;
    }
    return current;
}
