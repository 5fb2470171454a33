#include "app/carousel.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/limits.h"
#include "core/test_setting.h"
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
    /* pages are laid out lazily, slide by slide in playlist order, when
     * one is first asked for (lf_carousel_page up to it, everything for
     * lf_carousel_count): the first frame needs only the first page */
    struct lf_view view;               /* the build's view, with its own copy of the language */
    char lang[LF_MAX_LANG_TAG + 1];
    int base_s;
    size_t max_events;                 /* event slides a round; 0: all */
    /* a screen nobody can touch: a window of later agenda pages that
     * moves on every round (LF_CAROUSEL_AGENDA_WINDOW_PAGES) */
    struct lf_agenda_mark window;      /* where this round's window starts */
    bool window_shown;                 /* this build's agenda has a window */
    size_t window_end;                 /* then: the first entry after it (n_agenda: the end) */
    /* offers and contacts rotate: a round plays LF_CAROUSEL_MAX_SERVICES of
     * each, from the `first`th on; the next round the ones after them */
    size_t service_first[2];           /* [0] offers, [1] contacts */
    size_t service_total[2];           /* how many there were at the build */
    size_t next_slide;                 /* the first slide of the playlist not laid out yet */
    struct lf_scene *scratch;          /* NULL once every slide is laid out */
    /* each page as the build laid it out (NULL: not kept, over
     * LF_CAROUSEL_KEPT_SCENE_BYTES), parallel to pages */
    struct lf_kept_page {
        struct lf_scene *scene;
        struct lf_page_result r;
    } *kept;
    size_t kept_bytes;
    size_t reused;
};

struct lf_carousel *lf_carousel_create(void)
{
    struct lf_carousel *c = lf_xcalloc(1, sizeof(struct lf_carousel));
    c->max_events = LF_CAROUSEL_MAX_EVENTS;
    return c;
}

void lf_carousel_set_max_events(struct lf_carousel *c, size_t max)
{
    c->max_events = max;
}

/* Frees the pages kept from the build. */
static void forget_kept(struct lf_carousel *c)
{
    for (size_t i = 0; i < c->n; i++) {
        lf_scene_destroy(c->kept[i].scene);
        c->kept[i].scene = NULL;
    }
    c->kept_bytes = 0;
}

void lf_carousel_destroy(struct lf_carousel *c)
{
    if (!c)
        return;
    lf_playlist_clear(&c->playlist);
    lf_scene_destroy(c->scratch);
    forget_kept(c);
    free(c->kept);
    free(c->pages);
    free(c);
}

/* Adds page p, laid out in c->scratch with result r: the scene is kept
 * (and a new scratch made) while the kept pages stay under their limit. */
static void push(struct lf_carousel *c, struct lf_carousel_page p, const struct lf_page_result *r)
{
    if (c->n == c->cap) {
        c->cap = c->cap ? c->cap * 2 : 32;
        c->pages = lf_xrealloc(c->pages, c->cap * sizeof(*c->pages));
        c->kept = lf_xrealloc(c->kept, c->cap * sizeof(*c->kept));
    }
    struct lf_kept_page kept = {NULL, *r};
    size_t bytes = lf_scene_bytes(c->scratch);
    if (c->kept_bytes + bytes <= LF_CAROUSEL_KEPT_SCENE_BYTES) {
        kept.scene = c->scratch;
        c->scratch = lf_scene_create();
        c->kept_bytes += bytes;
    }
    c->kept[c->n] = kept;
    c->pages[c->n++] = p;
}

/* Lays out the next slide of the playlist into as many pages as its
 * text needs. False when every slide is laid out. */
static bool lay_out_next_slide(struct lf_carousel *c)
{
    if (c->next_slide >= c->playlist.n) {
        lf_scene_destroy(c->scratch);
        c->scratch = NULL;
        return false;
    }
    const struct lf_view *v = &c->view;
    const struct lf_slide *sl = &c->playlist.slides[c->next_slide++];
    struct lf_page page = {.kind = LF_PAGE_SLIDE, .slide = sl};
    if (sl->kind == LF_SLIDE_AGENDA) {
        page.list = c->agenda;
        page.n_list = c->n_agenda;
        page.category = LF_CAT_EVENTS;
    }
    if (!c->scratch)
        c->scratch = lf_scene_create();
    /* lay out once to learn how much text there is and whether it
     * continues on another page: as many pages as the text needs (each
     * page moves the flow on, so this ends) */
    size_t window_pages = 0;
    for (;;) {
        struct lf_page_result r;
        lf_scene_clear(c->scratch);
        lf_layout_page(c->scratch, v, &page, &r);
        int secs = sl->item && sl->item->duration_s > 0 ? sl->item->duration_s
                                                         : lf_reading_time_s(r.chars, c->base_s);
        /* benchmarks only (bench/carousel_vs_chromium.sh): every page,
         * of any kind, the same time, as the web page it is compared with */
        long bench_s = lf_test_setting("LITFASS_BENCH_PAGE_SECONDS", 3601);
        if (bench_s)
            secs = (int)bench_s;
        push(c, (struct lf_carousel_page){page, secs * 1000}, &r);
        bool progress = r.rest.block > page.from.block ||
                        (r.rest.block == page.from.block && r.rest.offset > page.from.offset);
        if (!r.continues || !progress) {
            if (sl->kind == LF_SLIDE_AGENDA && c->window_shown)
                c->window_end = c->n_agenda; /* the window reached the list's end */
            break;
        }
        /* a round's agenda: the pages that name the events of the round
         * (the nearest max_events); the rest are in the Events list a
         * visitor taps. A screen nobody can touch has no such list: a
         * window of later pages follows, a little further on each round
         * (lf_carousel_next_round), so each event comes up in turn. */
        if (sl->kind == LF_SLIDE_AGENDA && c->max_events && r.rest.block >= c->max_events) {
            if (!v->passive)
                break;
            if (c->window_shown) {
                if (++window_pages >= LF_CAROUSEL_AGENDA_WINDOW_PAGES) {
                    c->window_end = r.rest.block;
                    break;
                }
            } else {
                /* the nearest events are named: on from the window's start */
                size_t at = lf_agenda_mark_find(&c->window, c->agenda, c->n_agenda,
                                                r.rest.block);
                if (at >= c->n_agenda)
                    at = r.rest.block; /* it passed the last event: start over */
                r.rest = (struct lf_flow_pos){at, 0};
                c->window_shown = true;
            }
        }
        page.from = r.rest;
    }
    return true;
}

void lf_carousel_build(struct lf_carousel *c, const struct lf_view *v, int base_s)
{
    lf_playlist_clear(&c->playlist);
    forget_kept(c);
    c->n = 0;
    memset(c->n_cat, 0, sizeof(c->n_cat));
    lf_playlist_build_known(v->bundle, v->now, !v->clock_unknown, &c->playlist);
    /* a round stays short with hundreds of events: the nearest ones */
    lf_playlist_limit_events(&c->playlist, c->max_events);
    /* and with hundreds of offers or contacts: the round's share of each */
    static const enum lf_slide_kind services[2] = {LF_SLIDE_OFFER, LF_SLIDE_CONTACT};
    for (int i = 0; i < 2; i++) {
        c->service_total[i] = lf_playlist_rotate_kind(&c->playlist, services[i],
                                                      LF_CAROUSEL_MAX_SERVICES, c->service_first[i]);
        if (c->service_total[i])
            c->service_first[i] %= c->service_total[i];
    }
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
    c->view = *v;
    snprintf(c->lang, sizeof(c->lang), "%s", v->lang ? v->lang : "");
    c->view.lang = v->lang ? c->lang : NULL;
    c->base_s = base_s;
    c->next_slide = 0;
    c->window_shown = false;
    c->window_end = 0;
    if (!c->scratch && c->playlist.n > 0)
        c->scratch = lf_scene_create();
}

bool lf_carousel_next_round(struct lf_carousel *c)
{
    lf_carousel_count(c); /* the agenda's pages, and so its window, are known */
    /* the next offers and contacts */
    bool services_moved = false;
    for (int i = 0; i < 2; i++) {
        if (c->service_total[i] > LF_CAROUSEL_MAX_SERVICES) {
            c->service_first[i] = (c->service_first[i] + LF_CAROUSEL_MAX_SERVICES) %
                                  c->service_total[i];
            services_moved = true;
        }
    }
    if (!c->window_shown)
        return services_moved;
    struct lf_agenda_mark was = c->window;
    lf_agenda_mark_at(&c->window, c->agenda, c->n_agenda, c->window_end);
    return services_moved || was.set != c->window.set ||
           (was.set && (was.start != c->window.start || strcmp(was.id, c->window.id) != 0));
}

/* How two views compare on a field (LF_VIEW_FIELDS in layout/slide_layout.h) */
static bool same_text(const char *a, const char *b)
{
    return a == b || (a && b && strcmp(a, b) == 0);
}
#define VIEW_SAME_same(a, b) ((a) == (b))
#define VIEW_SAME_text(a, b) same_text(a, b)
#define VIEW_SAME_moment(a, b) true /* build_view compares now itself */

/* Whether a page laid out for v is the one laid out for the build's view:
 * every field the layout reads but now is the same (each field of
 * LF_VIEW_FIELDS: a new one is compared without being named here), and
 * now lies where nothing shown changes (lf_next_change). */
static bool build_view(const struct lf_carousel *c, const struct lf_view *v)
{
    const struct lf_view *b = &c->view;
#define VIEW_FIELD_SAME(how, type, name) &&VIEW_SAME_##how(v->name, b->name)
    return true LF_VIEW_FIELDS(VIEW_FIELD_SAME) && v->now >= b->now && v->now < c->changes_at;
#undef VIEW_FIELD_SAME
}

bool lf_carousel_lay_out(struct lf_carousel *c, size_t i, const struct lf_view *v,
                         struct lf_scene *into, struct lf_page_result *r)
{
    const struct lf_carousel_page *cp = lf_carousel_page(c, i);
    if (!cp) {
        lf_scene_clear(into);
        *r = (struct lf_page_result){0};
        return false;
    }
    if (c->kept[i].scene && build_view(c, v)) {
        lf_scene_copy(into, c->kept[i].scene);
        *r = c->kept[i].r;
        c->reused++;
        return true;
    }
    lf_scene_clear(into);
    *r = (struct lf_page_result){0};
    lf_layout_page(into, v, &cp->page, r);
    return true;
}

size_t lf_carousel_reused(const struct lf_carousel *c)
{
    return c->reused;
}

bool lf_carousel_complete(const struct lf_carousel *c)
{
    return c->next_slide >= c->playlist.n;
}

size_t lf_carousel_count(struct lf_carousel *c)
{
    while (lay_out_next_slide(c))
        ;
    return c->n;
}

const struct lf_carousel_page *lf_carousel_page(struct lf_carousel *c, size_t i)
{
    while (i >= c->n && lay_out_next_slide(c))
        ;
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

size_t lf_carousel_notices(const struct lf_carousel *c, const struct lf_slide **out)
{
    for (size_t i = 0; i < c->playlist.n_notices; i++)
        out[i] = &c->playlist.notices[i];
    return c->playlist.n_notices;
}
