#include "render/window_slide.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "core/log.h"
#include "core/xalloc.h"

struct lf_window_slide {
    SDL_Renderer *r;
    struct lf_painter *painter;
    /* the still frame last presented: its page in rows [top, bottom) */
    bool shown;
    int shown_w, shown_h, shown_top, shown_bottom;
    /* the transition held */
    bool active;
    int w, h, top, bottom;      /* window size; the pages' rows */
    int bpp;                    /* bytes per pixel of the window surface */
    size_t pitch;               /* of the copies: w * bpp */
    uint8_t *old, *incoming;    /* the band rows of both pages (in old_map, incoming_map) */
    void *old_map, *incoming_map;
    size_t mapped;              /* bytes of each mapping */
    uint8_t *same;              /* per band row: one colour, the same in both pages */
    uint8_t *changed;           /* per band row: written since the last present */
    SDL_Rect *rects;            /* for SDL_UpdateWindowSurfaceRects */
    bool written;               /* the band holds a frame of this transition... */
    bool covered;               /* ...in which the two pages covered every column */
    bool full;                  /* the next present sends the whole window */
    bool refused_reported;
};

struct lf_window_slide *lf_window_slide_create(SDL_Renderer *renderer, struct lf_painter *painter)
{
    struct lf_window_slide *ws = lf_xcalloc(1, sizeof(*ws));
    ws->r = renderer;
    ws->painter = painter;
    return ws;
}

/* Memory for a copy of page rows, straight from the kernel with its pages
 * made at once (one call, not 1,500 page faults for a 1080p copy of
 * 6 MB), and straight back at the end: a still page holds none. (Huge
 * pages were slower here: the kernel zeroes 2 MB for each.) NULL when
 * there is none. */
static uint8_t *rows_map(size_t bytes, void **map, size_t *mapped)
{
    int flags = MAP_PRIVATE | MAP_ANONYMOUS;
#ifdef MAP_POPULATE
    flags |= MAP_POPULATE;
#endif
    void *m = mmap(NULL, bytes, PROT_READ | PROT_WRITE, flags, -1, 0);
    if (m == MAP_FAILED)
        return NULL;
    *map = m;
    *mapped = bytes;
    return m;
}

void lf_window_slide_end(struct lf_window_slide *ws)
{
    if (ws->old_map)
        munmap(ws->old_map, ws->mapped);
    if (ws->incoming_map)
        munmap(ws->incoming_map, ws->mapped);
    ws->old_map = ws->incoming_map = NULL;
    free(ws->same);
    free(ws->changed);
    free(ws->rects);
    ws->old = ws->incoming = ws->same = ws->changed = NULL;
    ws->rects = NULL;
    ws->active = false;
}

void lf_window_slide_destroy(struct lf_window_slide *ws)
{
    if (!ws)
        return;
    lf_window_slide_end(ws);
    free(ws);
}

bool lf_window_slide_possible(const struct lf_window_slide *ws)
{
    SDL_RendererInfo info;
    return SDL_RenderGetWindow(ws->r) && !SDL_GetRenderTarget(ws->r) &&
           SDL_GetRendererInfo(ws->r, &info) == 0 && strcmp(info.name, "software") == 0;
}

bool lf_window_slide_active(const struct lf_window_slide *ws)
{
    return ws->active;
}

size_t lf_window_slide_held(const struct lf_window_slide *ws)
{
    return ws->active ? 2 * ws->pitch * (size_t)(ws->bottom - ws->top) : 0;
}

/* An opaque plain rectangle across the whole width: what is under it
 * does not show through. */
static bool covers_width(const struct lf_op *op, int w)
{
    return op->kind == LF_OP_RECT && op->color.a == 255 && op->radius <= 1 && op->box.x <= 0 &&
           op->box.x + op->box.w >= w && op->box.h > 0;
}

/* The rows [*top, *bottom) that header and footer leave to the pages:
 * each covers its rows with opaque rectangles across the width and draws
 * nothing outside them, so those rows never show a page. False when
 * they do not (or leave no rows). */
static bool page_rows(struct lf_window_slide *ws, const struct lf_scene *header,
                      const struct lf_scene *footer, int w, int h, int *top, int *bottom)
{
    int t = 0, b = h;
    for (bool grew = true; grew;) {
        grew = false;
        for (size_t i = 0; i < lf_scene_count(header); i++) {
            const struct lf_op *op = lf_scene_op(header, i);
            if (covers_width(op, w) && op->box.y <= t && op->box.y + op->box.h > t) {
                t = op->box.y + op->box.h;
                grew = true;
            }
        }
    }
    for (bool grew = true; grew;) {
        grew = false;
        for (size_t i = 0; i < lf_scene_count(footer); i++) {
            const struct lf_op *op = lf_scene_op(footer, i);
            if (covers_width(op, w) && op->box.y < b && op->box.y + op->box.h >= b) {
                b = op->box.y;
                grew = true;
            }
        }
    }
    struct lf_box box;
    if (lf_painter_bounds(ws->painter, header, &box) && box.y + box.h > t)
        return false; /* the header reaches into the page's rows */
    if (lf_painter_bounds(ws->painter, footer, &box) && box.y < b)
        return false;
    if (t < 0)
        t = 0;
    if (b > h)
        b = h;
    if (b <= t)
        return false;
    *top = t;
    *bottom = b;
    return true;
}

void lf_window_slide_unshown(struct lf_window_slide *ws)
{
    ws->shown = false;
}

void lf_window_slide_shown(struct lf_window_slide *ws, const struct lf_scene *header,
                           const struct lf_scene *footer)
{
    ws->shown = false;
    if (!lf_window_slide_possible(ws))
        return;
    int w = 0, h = 0;
    SDL_GetRendererOutputSize(ws->r, &w, &h);
    int top, bottom;
    if (w <= 0 || h <= 0 || !page_rows(ws, header, footer, w, h, &top, &bottom))
        return;
    ws->shown = true;
    ws->shown_w = w;
    ws->shown_h = h;
    ws->shown_top = top;
    ws->shown_bottom = bottom;
}

/* The page's rows on black, as a page picture (render/snapshot.h) holds
 * them; rows outside them are left to header and footer. */
static void draw_page(struct lf_window_slide *ws, const struct lf_scene *page)
{
    SDL_Rect band = {0, ws->top, ws->w, ws->bottom - ws->top};
    SDL_SetRenderDrawColor(ws->r, 0, 0, 0, 255);
    SDL_SetRenderDrawBlendMode(ws->r, SDL_BLENDMODE_NONE);
    SDL_RenderFillRect(ws->r, &band);
    lf_painter_draw(ws->painter, page, 0, 255);
}

/* Whether the window surface holds `band` (just read through the
 * renderer): only then is it the surface the renderer draws into, and
 * writing it is drawing. */
static bool surface_holds(SDL_Surface *s, const uint8_t *band, size_t pitch, int top, int rows)
{
    if (SDL_MUSTLOCK(s) && SDL_LockSurface(s) != 0)
        return false;
    bool same = true;
    for (int y = 0; same && y < rows; y++)
        same = memcmp((const uint8_t *)s->pixels + (size_t)(top + y) * (size_t)s->pitch,
                      band + (size_t)y * pitch, pitch) == 0;
    if (SDL_MUSTLOCK(s))
        SDL_UnlockSurface(s);
    return same;
}

static bool refuse(struct lf_window_slide *ws, const char *why)
{
    if (!ws->refused_reported)
        lf_info("transitions are drawn as pictures, not in the window's memory: %s", why);
    ws->refused_reported = true;
    lf_window_slide_end(ws);
    return false;
}

bool lf_window_slide_begin(struct lf_window_slide *ws, const struct lf_scene *page,
                           const struct lf_scene *incoming, const struct lf_scene *header,
                           const struct lf_scene *footer, size_t *drawn)
{
    lf_window_slide_end(ws);
    bool on_screen = ws->shown;
    ws->shown = false; /* the window surface is drawn over from here */
    if (!lf_window_slide_possible(ws))
        return false;
    SDL_Window *win = SDL_RenderGetWindow(ws->r);
    SDL_Surface *s = SDL_GetWindowSurface(win);
    int w = 0, h = 0;
    SDL_GetRendererOutputSize(ws->r, &w, &h);
    if (!s || s->w != w || s->h != h || w <= 0 || h <= 0)
        return refuse(ws, "the window surface is not the renderer's size");
    if (!page_rows(ws, header, footer, w, h, &ws->top, &ws->bottom))
        return refuse(ws, "header and footer do not leave the page rows of their own");
    ws->w = w;
    ws->h = h;
    ws->bpp = s->format->BytesPerPixel;
    ws->pitch = (size_t)w * (size_t)ws->bpp;
    int rows = ws->bottom - ws->top;
    size_t bytes = ws->pitch * (size_t)rows;
    ws->old = rows_map(bytes, &ws->old_map, &ws->mapped);
    ws->incoming = rows_map(bytes, &ws->incoming_map, &ws->mapped);
    ws->same = malloc((size_t)rows);
    ws->changed = calloc((size_t)rows, 1);
    ws->rects = malloc(((size_t)rows / 2 + 1) * sizeof(*ws->rects));
    if (!ws->old || !ws->incoming || !ws->same || !ws->changed || !ws->rects)
        return refuse(ws, "no memory for two copies of the page rows");
    SDL_Rect band = {0, ws->top, w, rows};
    Uint32 format = s->format->format;
    /* the old page: the still frame on screen holds it in these rows */
    if (!(on_screen && ws->shown_w == w && ws->shown_h == h && ws->shown_top <= ws->top &&
          ws->shown_bottom >= ws->bottom)) {
        draw_page(ws, page);
        (*drawn)++;
    }
    if (SDL_RenderReadPixels(ws->r, &band, format, ws->old, (int)ws->pitch) != 0)
        return refuse(ws, SDL_GetError());
    draw_page(ws, incoming);
    (*drawn)++;
    if (SDL_RenderReadPixels(ws->r, &band, format, ws->incoming, (int)ws->pitch) != 0)
        return refuse(ws, SDL_GetError());
    if (!surface_holds(s, ws->incoming, ws->pitch, ws->top, rows))
        return refuse(ws, "the renderer does not draw into the window surface");
    lf_painter_draw(ws->painter, header, 0, 255);
    lf_painter_draw(ws->painter, footer, 0, 255);
    SDL_RenderFlush(ws->r);
    /* rows of one colour, the same in both pages, never change */
    for (int y = 0; y < rows; y++) {
        const uint8_t *o = ws->old + (size_t)y * ws->pitch;
        const uint8_t *n = ws->incoming + (size_t)y * ws->pitch;
        ws->same[y] = memcmp(o, n, (size_t)ws->bpp) == 0 &&
                      memcmp(o + ws->bpp, o, ws->pitch - (size_t)ws->bpp) == 0 &&
                      memcmp(n + ws->bpp, n, ws->pitch - (size_t)ws->bpp) == 0;
    }
    ws->written = false;
    ws->covered = false;
    ws->full = true; /* header and footer changed too */
    ws->active = true;
    return true;
}

bool lf_window_slide_chrome(struct lf_window_slide *ws, const struct lf_scene *header,
                            const struct lf_scene *footer)
{
    if (!ws->active)
        return false;
    int top, bottom;
    if (!page_rows(ws, header, footer, ws->w, ws->h, &top, &bottom) || top != ws->top ||
        bottom != ws->bottom) {
        lf_window_slide_end(ws);
        return false;
    }
    lf_painter_draw(ws->painter, header, 0, 255);
    lf_painter_draw(ws->painter, footer, 0, 255);
    SDL_RenderFlush(ws->r);
    ws->full = true;
    return true;
}

/* The columns [*x0, *x1) of a row of width w that a page shifted by dx
 * covers. */
static void span(int dx, int w, int *x0, int *x1)
{
    *x0 = dx > 0 ? dx : 0;
    *x1 = dx < 0 ? w + dx : w;
    if (*x1 < *x0)
        *x1 = *x0;
}

/* Whether the two spans cover the whole row. */
static bool covers(int o0, int o1, int n0, int n1, int w)
{
    bool o = o1 > o0, n = n1 > n0;
    if (o && o0 == 0 && o1 == w)
        return true;
    if (n && n0 == 0 && n1 == w)
        return true;
    return o && n && ((o0 == 0 && o1 >= n0 && n1 == w) || (n0 == 0 && n1 >= o0 && o1 == w));
}

bool lf_window_slide_frame(struct lf_window_slide *ws, int dx_old, int dx_new)
{
    if (!ws->active)
        return false;
    SDL_Surface *s = SDL_GetWindowSurface(SDL_RenderGetWindow(ws->r));
    if (!s || s->w != ws->w || s->h != ws->h || s->format->BytesPerPixel != ws->bpp) {
        lf_window_slide_end(ws);
        return false;
    }
    SDL_RenderFlush(ws->r); /* nothing of the renderer's left to land on it later */
    int o0, o1, n0, n1;
    span(dx_old, ws->w, &o0, &o1);
    span(dx_new, ws->w, &n0, &n1);
    bool covered = covers(o0, o1, n0, n1, ws->w);
    if (!covered) {
        /* black where neither page is, as a frame drawn in full */
        SDL_Rect band = {0, ws->top, ws->w, ws->bottom - ws->top};
        SDL_FillRect(s, &band, SDL_MapRGB(s->format, 0, 0, 0));
    }
    if (SDL_MUSTLOCK(s) && SDL_LockSurface(s) != 0) {
        lf_window_slide_end(ws);
        return false;
    }
    size_t bpp = (size_t)ws->bpp;
    for (int y = 0; y < ws->bottom - ws->top; y++) {
        /* a row of one colour in both pages is that colour in every
         * frame where the pages cover it: written once */
        if (ws->same[y] && covered && ws->written && ws->covered)
            continue;
        uint8_t *dst = (uint8_t *)s->pixels + (size_t)(ws->top + y) * (size_t)s->pitch;
        const uint8_t *old = ws->old + (size_t)y * ws->pitch;
        const uint8_t *inc = ws->incoming + (size_t)y * ws->pitch;
        if (o1 > o0)
            memcpy(dst + (size_t)o0 * bpp, old + (size_t)(o0 - dx_old) * bpp,
                   (size_t)(o1 - o0) * bpp);
        if (n1 > n0)
            memcpy(dst + (size_t)n0 * bpp, inc + (size_t)(n0 - dx_new) * bpp,
                   (size_t)(n1 - n0) * bpp);
        ws->changed[y] = 1;
    }
    if (SDL_MUSTLOCK(s))
        SDL_UnlockSurface(s);
    ws->written = true;
    ws->covered = covered;
    return true;
}

void lf_window_slide_present(struct lf_window_slide *ws)
{
    if (!ws->active)
        return;
    SDL_Window *win = SDL_RenderGetWindow(ws->r);
    int rows = ws->bottom - ws->top, n = 0;
    for (int y = 0; y < rows;) {
        if (!ws->changed[y]) {
            y++;
            continue;
        }
        int from = y;
        while (y < rows && ws->changed[y])
            ws->changed[y++] = 0;
        ws->rects[n++] = (SDL_Rect){0, ws->top + from, ws->w, y - from};
    }
    int rc = 0;
    if (ws->full)
        rc = SDL_UpdateWindowSurface(win);
    else if (n > 0)
        rc = SDL_UpdateWindowSurfaceRects(win, ws->rects, n);
    if (rc != 0)
        lf_debug("window update: %s", SDL_GetError());
    ws->full = false;
}

void lf_window_slide_expose(struct lf_window_slide *ws)
{
    ws->full = true;
}
