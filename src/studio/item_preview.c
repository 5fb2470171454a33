#include "studio/item_preview.h"

#include <SDL.h>
#include <SDL_image.h>
#include <SDL_ttf.h>
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "layout/phrases.h"
#include "layout/slide_layout.h"
#include "layout/theme.h"
#include "render/painter.h"
#include "render/typesetter.h"
#include "schedule/schedule.h"

struct lf_item_preview {
    struct lf_typesetter *ts;
    bool ttf;
};

struct lf_item_preview *lf_item_preview_create(void)
{
    struct lf_item_preview *p = lf_xcalloc(1, sizeof(*p));
    if (TTF_Init() != 0) {
        lf_error("studio preview: SDL_ttf: %s", TTF_GetError());
        free(p);
        return NULL;
    }
    p->ttf = true;
    p->ts = lf_typesetter_create();
    if (!p->ts) {
        lf_item_preview_destroy(p);
        return NULL;
    }
    return p;
}

void lf_item_preview_destroy(struct lf_item_preview *p)
{
    if (!p)
        return;
    lf_typesetter_destroy(p->ts);
    if (p->ttf)
        TTF_Quit();
    free(p);
}

/* The slide as the carousel would show it at a moment when the item is
 * on screen: an event's next occurrence (or its first one, when over),
 * a notice while it is valid. *now is moved into that time. */
static struct lf_slide slide_for(const struct lf_item *it, time_t *now)
{
    struct lf_slide s = {.item = it};
    switch (it->kind) {
    case LF_ITEM_EVENT:
        s.kind = LF_SLIDE_EVENT;
        if (!lf_event_occurrence(it, *now, &s.start, &s.end)) {
            s.start = it->start;
            s.end = it->end;
            *now = it->start - 24 * 3600;
        }
        break;
    case LF_ITEM_OFFER:
        s.kind = LF_SLIDE_OFFER;
        break;
    case LF_ITEM_CONTACT:
        s.kind = LF_SLIDE_CONTACT;
        break;
    case LF_ITEM_NOTICE:
        s.kind = it->priority >= LF_NOTICE_URGENT ? LF_SLIDE_URGENT : LF_SLIDE_NOTICE;
        s.start = it->valid_from;
        s.end = it->valid_until;
        if (*now < it->valid_from || *now >= it->valid_until)
            *now = it->valid_from;
        break;
    }
    return s;
}

bool lf_item_preview_render(struct lf_item_preview *p, const struct lf_preview_request *rq,
                            unsigned char **png, size_t *png_len, int *pages, char *err,
                            size_t err_size)
{
    const struct lf_item *it = NULL;
    for (size_t i = 0; i < rq->bundle->n_items && !it; i++) {
        if (strcmp(rq->bundle->items[i].id, rq->item_id) == 0)
            it = &rq->bundle->items[i];
    }
    if (!it) {
        lf_error_text(err, err_size, "no item '%s'", rq->item_id);
        return false;
    }
    if (rq->width < LF_MIN_SCREEN_SIDE || rq->height < LF_MIN_SCREEN_SIDE ||
        rq->width > LF_MAX_SCREEN_SIDE || rq->height > LF_MAX_SCREEN_SIDE ||
        (long long)rq->width * rq->height > LF_STUDIO_MAX_PREVIEW_PIXELS) {
        lf_error_text(err, err_size, "size: %dx%d is not a screen from %dx%d to 3840x2160",
                      rq->width, rq->height, LF_MIN_SCREEN_SIDE, LF_MIN_SCREEN_SIDE);
        return false;
    }
    bool ok = false;
    time_t now = rq->now ? rq->now : time(NULL);
    struct lf_slide slide = slide_for(it, &now);
    struct lf_scene *header = lf_scene_create(), *page = lf_scene_create(),
                    *footer = lf_scene_create();
    SDL_Surface *surface = NULL;
    SDL_Renderer *renderer = NULL;
    struct lf_painter *painter = NULL;
    unsigned char *buf = NULL;
    struct lf_view view = {
        .bundle = rq->bundle,
        .lang = rq->lang && rq->lang[0] ? rq->lang : rq->bundle->default_lang,
        .now = now,
        .theme = lf_theme_get(LF_THEME_STANDARD),
        .measure = lf_typesetter_measure(p->ts),
        .width = rq->width,
        .height = rq->height,
        .text_scale = 1.0,
    };

    /* the draft's own "phrases" stand where the kiosk would show them */
    lf_phrases_use(rq->bundle);

    /* lay the slide out page by page until its text is all placed */
    struct lf_flow_pos starts[LF_STUDIO_MAX_PREVIEW_PAGES];
    int n = 0;
    struct lf_page pg = {.kind = LF_PAGE_SLIDE, .slide = &slide};
    for (;;) {
        struct lf_page_result r = {0};
        starts[n++] = pg.from;
        lf_scene_clear(page);
        lf_layout_page(page, &view, &pg, &r);
        if (!r.continues || n == LF_STUDIO_MAX_PREVIEW_PAGES)
            break;
        pg.from = r.rest;
    }
    *pages = n;
    if (rq->page < 1 || rq->page > n) {
        lf_error_text(err, err_size, "page: %d, but the slide has %d page%s", rq->page, n,
                      n == 1 ? "" : "s");
        goto done;
    }
    pg.from = starts[rq->page - 1];
    lf_scene_clear(page);
    lf_layout_page(page, &view, &pg, NULL);
    lf_layout_header(header, &view);
    lf_layout_footer(footer, &view,
                     &(struct lf_footer){.position = (size_t)rq->page - 1, .count = (size_t)n,
                                         .active_category = -1});

    surface = SDL_CreateRGBSurfaceWithFormat(0, rq->width, rq->height, 32,
                                             SDL_PIXELFORMAT_ARGB8888);
    renderer = surface ? SDL_CreateSoftwareRenderer(surface) : NULL;
    if (!renderer) {
        lf_error_text(err, err_size, "offscreen renderer %dx%d: %s", rq->width, rq->height,
                      SDL_GetError());
        goto done;
    }
    painter = lf_painter_create(renderer, p->ts);
    lf_painter_draw_screen(painter, (const struct lf_scene *const[]){header, page, footer}, 3);

    /* a PNG is never larger than the raw pixels plus its chunk overhead */
    size_t cap = (size_t)rq->width * (size_t)rq->height * 4 + 65536;
    buf = lf_xmalloc(cap);
    SDL_RWops *rw = SDL_RWFromMem(buf, (int)cap);
    if (!rw || IMG_SavePNG_RW(surface, rw, 0) != 0) {
        lf_error_text(err, err_size, "PNG: %s", IMG_GetError());
        if (rw)
            SDL_RWclose(rw);
        goto done;
    }
    *png_len = (size_t)SDL_RWtell(rw);
    SDL_RWclose(rw);
    *png = buf;
    buf = NULL;
    ok = true;
done:
    free(buf);
    lf_painter_destroy(painter);
    if (renderer)
        SDL_DestroyRenderer(renderer);
    SDL_FreeSurface(surface);
    lf_scene_destroy(header);
    lf_scene_destroy(page);
    lf_scene_destroy(footer);
    return ok;
}
