#include "render/window_slide.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "core/log.h"
#include "core/xalloc.h"

/* Stretches shorter than this are written whatever they hold: not worth
 * the bookkeeping. A frame costs mostly per row and per copy, not per
 * byte (the rows are cold in the cache after the 16 ms between frames):
 * at 1080p 128 wrote a quarter more bytes than 24 but took about 15 %
 * less CPU. */
#define LF_SLIDE_MIN_RUN 128
_Static_assert(LF_SLIDE_MIN_RUN % 2 == 0 && LF_SLIDE_MIN_RUN >= 4, "pairs half a stretch apart");
/* The size of a huge page (x86-64, arm64 with 4 KB pages). */
#define LF_SLIDE_HUGE_PAGE ((size_t)2 << 20)

struct run {
    int x0, x1;     /* columns [x0, x1) */
    uint32_t color; /* the pixel they all hold */
};

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
    size_t pitch;               /* of the window surface (and of the copy) */
    /* the incoming page's band rows (in incoming_map, which has a row for
     * every row of the window: the renderer draws it there); the old page
     * is read from the window surface itself, where it still stands in
     * the columns [old_lo, old_hi) at dx_old */
    uint8_t *incoming;
    void *incoming_map;
    size_t mapped;              /* bytes of the mapping */
    int old_lo, old_hi;
    /* stretches of one colour (at least LF_SLIDE_MIN_RUN pixels) in each
     * row of both pages: where a frame and the one before both show the
     * same colour, nothing is written (32-bit pixels only) */
    struct run *runs[2];        /* old, incoming: every row's, in order */
    size_t *row_runs[2];        /* per row: index of its first run; [rows]: the end */
    size_t n_runs[2], cap_runs[2];
    /* the incoming page's stretches kept after a transition that ended
     * with it in place: while the window's page rows still hold it (only
     * the header drawn since), the next transition takes them as its old
     * page's instead of finding them again in 6 MB of rows (1080p) */
    struct run *kept_runs;
    size_t *kept_row_runs;
    size_t kept_n, kept_cap;
    int kept_w, kept_h, kept_top, kept_bottom;
    size_t kept_pitch;
    bool kept_pending;          /* end() kept them; shown() makes them valid */
    bool kept_valid;            /* the rows on screen are the ones they describe */
    bool final_written;         /* the last frame put the incoming page in place, whole */
    struct run *scratch;        /* a frame's runs, the last frame's, what stays */
    /* every row's runs of the frame last written and of the one before
     * (alternating): a frame cuts each page's runs to where it shows
     * once, not again as the last frame's in the next one */
    struct run *fr[2];
    size_t *fr_row[2];          /* per row: index of its first; [rows]: the end */
    int fr_cur;                 /* the one this frame writes */
    bool fr_valid;              /* fr[!fr_cur] holds the runs of the frame at dx_old, dx_new */
    int dx_old, dx_new;         /* of the frame last written */
    uint8_t *changed;           /* per band row: written since the last present */
    SDL_Rect *rects;            /* for SDL_UpdateWindowSurfaceRects */
    bool written;               /* the band holds a frame of this transition... */
    bool covered;               /* ...in which the two pages covered every column, side by side */
    bool full;                  /* the next present sends the whole window */
    bool chrome_rows;           /* ...the rows of header and footer (drawn again) */
    bool refused_reported;
};

struct lf_window_slide *lf_window_slide_create(SDL_Renderer *renderer, struct lf_painter *painter)
{
    struct lf_window_slide *ws = lf_xcalloc(1, sizeof(*ws));
    ws->r = renderer;
    ws->painter = painter;
    return ws;
}

/* Memory for a window's rows (`bytes`), straight from the kernel, with
 * the pages of [from, from + len) made at once (one call, not 1,500 page
 * faults for the 6 MB of 1080p page rows); the rest is never touched and
 * takes no memory. Those rows start on a 2 MB boundary and each whole
 * 2 MB of them is asked for as one huge page (where the kernel has
 * transparent huge pages): three page faults instead of 1,500 at 1080p,
 * and frames copying from them miss the TLB less (about 2 ms less CPU
 * per 1080p transition here). The rest of the rows are small pages: no
 * memory beyond the rows. Straight back at the end: a still page holds
 * none. NULL when there is none; *map and *mapped: what to unmap. */
static uint8_t *rows_map(size_t bytes, size_t from, size_t len, void **map, size_t *mapped)
{
    void *m = mmap(NULL, bytes + LF_SLIDE_HUGE_PAGE, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (m == MAP_FAILED)
        return NULL;
    uintptr_t at = ((uintptr_t)m + from + LF_SLIDE_HUGE_PAGE - 1) / LF_SLIDE_HUGE_PAGE *
                   LF_SLIDE_HUGE_PAGE;
    uint8_t *rows = (uint8_t *)m + (at - (uintptr_t)m - from);
#ifdef MADV_HUGEPAGE
    if (len >= LF_SLIDE_HUGE_PAGE)
        (void)madvise((void *)at, len / LF_SLIDE_HUGE_PAGE * LF_SLIDE_HUGE_PAGE, MADV_HUGEPAGE);
#endif
#ifdef MADV_POPULATE_WRITE
    (void)madvise((void *)at, len, MADV_POPULATE_WRITE); /* else: faults */
#endif
    *map = m;
    *mapped = bytes + LF_SLIDE_HUGE_PAGE;
    return rows;
}

static void forget_kept(struct lf_window_slide *ws)
{
    free(ws->kept_runs);
    free(ws->kept_row_runs);
    ws->kept_runs = NULL;
    ws->kept_row_runs = NULL;
    ws->kept_n = ws->kept_cap = 0;
    ws->kept_pending = ws->kept_valid = false;
}

void lf_window_slide_end(struct lf_window_slide *ws)
{
    if (ws->active && ws->final_written && ws->bpp == 4 && ws->row_runs[1]) {
        /* the page rows hold the incoming page as its copy did: its
         * stretches describe them (until something else is drawn there) */
        forget_kept(ws);
        ws->kept_runs = ws->runs[1];
        ws->kept_row_runs = ws->row_runs[1];
        ws->kept_n = ws->n_runs[1];
        ws->kept_cap = ws->cap_runs[1];
        ws->runs[1] = NULL;
        ws->row_runs[1] = NULL;
        ws->kept_w = ws->w;
        ws->kept_h = ws->h;
        ws->kept_top = ws->top;
        ws->kept_bottom = ws->bottom;
        ws->kept_pitch = ws->pitch;
        ws->kept_pending = true;
    }
    ws->final_written = false;
    if (ws->incoming_map)
        munmap(ws->incoming_map, ws->mapped);
    ws->incoming_map = NULL;
    for (int i = 0; i < 2; i++) {
        free(ws->runs[i]);
        free(ws->row_runs[i]);
        ws->runs[i] = NULL;
        ws->row_runs[i] = NULL;
        ws->n_runs[i] = ws->cap_runs[i] = 0;
    }
    free(ws->scratch);
    ws->scratch = NULL;
    for (int i = 0; i < 2; i++) {
        free(ws->fr[i]);
        free(ws->fr_row[i]);
        ws->fr[i] = NULL;
        ws->fr_row[i] = NULL;
    }
    ws->fr_valid = false;
    free(ws->changed);
    free(ws->rects);
    ws->incoming = ws->changed = NULL;
    ws->rects = NULL;
    ws->active = false;
}

void lf_window_slide_destroy(struct lf_window_slide *ws)
{
    if (!ws)
        return;
    lf_window_slide_end(ws);
    forget_kept(ws);
    free(ws);
}

bool lf_window_slide_possible(const struct lf_window_slide *ws)
{
    SDL_RendererInfo info;
    int lw = 0, lh = 0;
    /* not while the renderer scales (a window below LF_MIN_LAYOUT_SIDE):
     * the window's rows are not the page's */
    SDL_RenderGetLogicalSize(ws->r, &lw, &lh);
    return SDL_RenderGetWindow(ws->r) && !SDL_GetRenderTarget(ws->r) && lw == 0 && lh == 0 &&
           SDL_GetRendererInfo(ws->r, &info) == 0 && strcmp(info.name, "software") == 0;
}

bool lf_window_slide_active(const struct lf_window_slide *ws)
{
    return ws->active;
}

size_t lf_window_slide_held(const struct lf_window_slide *ws)
{
    return ws->active ? ws->pitch * (size_t)(ws->bottom - ws->top) : 0;
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
    forget_kept(ws);
}

void lf_window_slide_shown(struct lf_window_slide *ws, const struct lf_scene *header,
                           const struct lf_scene *footer)
{
    ws->shown = false;
    /* the kept stretches describe the page rows only when the frame
     * before this one was a transition's last or the header alone */
    ws->kept_valid = ws->kept_pending;
    ws->kept_pending = false;
    if (!ws->kept_valid)
        forget_kept(ws);
    if (!lf_window_slide_possible(ws)) {
        forget_kept(ws);
        return;
    }
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

bool lf_window_slide_header(struct lf_window_slide *ws, const struct lf_scene *header,
                            const struct lf_scene *footer)
{
    if (!ws->shown || ws->active || !lf_window_slide_possible(ws))
        return false;
    int w = 0, h = 0;
    SDL_GetRendererOutputSize(ws->r, &w, &h);
    int top, bottom;
    if (w != ws->shown_w || h != ws->shown_h || !page_rows(ws, header, footer, w, h, &top, &bottom) ||
        top != ws->shown_top || bottom != ws->shown_bottom || top <= 0)
        return false;
    /* the header covers rows [0, top) with opaque rectangles across the
     * width and draws nothing below them: what it is drawn over (the old
     * header here, the page in a full frame) does not show */
    lf_painter_draw(ws->painter, header, 0, 255);
    SDL_RenderFlush(ws->r);
    ws->kept_pending = ws->kept_valid; /* the page rows are untouched */
    SDL_Rect rows = {0, 0, w, top};
    if (SDL_UpdateWindowSurfaceRects(SDL_RenderGetWindow(ws->r), &rows, 1) != 0)
        lf_debug("window update: %s", SDL_GetError());
    return true;
}

/* The page's rows on black, as a page picture (render/snapshot.h) holds
 * them; rows outside them are left to header and footer. */
static void draw_page(struct lf_window_slide *ws, const struct lf_scene *page)
{
    /* black only where the page's own background (its first op, an
     * opaque rectangle) leaves any of them: filling 6 MB at 1080p twice
     * costs a millisecond */
    const struct lf_op *first = lf_scene_count(page) > 0 ? lf_scene_op(page, 0) : NULL;
    if (!first || !covers_width(first, ws->w) || first->box.y > ws->top ||
        first->box.y + first->box.h < ws->bottom) {
        SDL_Rect band = {0, ws->top, ws->w, ws->bottom - ws->top};
        SDL_SetRenderDrawColor(ws->r, 0, 0, 0, 255);
        SDL_SetRenderDrawBlendMode(ws->r, SDL_BLENDMODE_NONE);
        SDL_RenderFillRect(ws->r, &band);
    }
    lf_painter_draw(ws->painter, page, 0, 255);
}

/* The stretches of one colour in every row of page `which`: each
 * stretch of at least LF_SLIDE_MIN_RUN pixels, as long as it goes. Such
 * a stretch holds two pixels LF_SLIDE_MIN_RUN / 2 apart at multiples of
 * that, so only those pairs are compared, and from a pair of one colour
 * the stretch is followed out to both ends: a row of text costs about a
 * compare every LF_SLIDE_MIN_RUN / 2 pixels, not one a pixel. */
static void find_runs(struct lf_window_slide *ws, int which, const uint8_t *rows_px, int rows)
{
    const int step = LF_SLIDE_MIN_RUN / 2;
    ws->n_runs[which] = 0;
    for (int y = 0; y < rows; y++) {
        ws->row_runs[which][y] = ws->n_runs[which];
        const uint32_t *px = (const uint32_t *)(const void *)(rows_px + (size_t)y * ws->pitch);
        /* (rows_px: the band's first row, ws->pitch apart) */
        int done = 0; /* columns before it belong to stretches already followed */
        for (int x = 0; x + step < ws->w; x += step) {
            if (x < done || px[x] != px[x + step])
                continue;
            uint32_t c = px[x];
            int a = x, e = x + 1; /* (the pixels between the two may differ) */
            while (a > done && px[a - 1] == c)
                a--;
            /* (it goes on while the next 16 pixels equal the 16 before
             * them, all c once [a, e) holds 16: memcmp compares them many
             * at a time; the first 16 one by one) */
            while (e < ws->w && e - a < 16 && px[e] == c)
                e++;
            while (e - a >= 16 && e + 16 <= ws->w && memcmp(px + e, px + e - 16, 16 * 4) == 0)
                e += 16;
            while (e < ws->w && px[e] == c)
                e++;
            done = e;
            if (e - a < LF_SLIDE_MIN_RUN)
                continue;
            if (ws->n_runs[which] == ws->cap_runs[which]) {
                ws->cap_runs[which] = ws->cap_runs[which] ? 2 * ws->cap_runs[which] : 1024;
                ws->runs[which] =
                    lf_xrealloc(ws->runs[which], ws->cap_runs[which] * sizeof(struct run));
            }
            ws->runs[which][ws->n_runs[which]++] = (struct run){a, e, c};
        }
    }
    ws->row_runs[which][rows] = ws->n_runs[which];
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
    bool kept = ws->kept_valid;
    ws->shown = false; /* the window surface is drawn over from here */
    ws->kept_valid = ws->kept_pending = false; /* (taken below or freed) */
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
    if (SDL_MUSTLOCK(s) || s->pitch <= 0)
        return refuse(ws, "the window surface must be locked to be written");
    ws->pitch = (size_t)s->pitch;
    int rows = ws->bottom - ws->top;
    size_t bytes = ws->pitch * (size_t)rows;
    ws->incoming = rows_map(ws->pitch * (size_t)h, ws->pitch * (size_t)ws->top, bytes,
                            &ws->incoming_map, &ws->mapped);
    /* the old page's stretches: kept from the transition that brought
     * it, when the rows on screen are still the ones they describe */
    bool on_screen_used = on_screen && ws->shown_w == w && ws->shown_h == h &&
                          ws->shown_top <= ws->top && ws->shown_bottom >= ws->bottom;
    bool runs_kept = kept && on_screen_used && ws->bpp == 4 && ws->kept_w == w &&
                     ws->kept_h == h && ws->kept_top == ws->top &&
                     ws->kept_bottom == ws->bottom && ws->kept_pitch == ws->pitch;
    if (runs_kept) {
        ws->runs[0] = ws->kept_runs;
        ws->row_runs[0] = ws->kept_row_runs;
        ws->n_runs[0] = ws->kept_n;
        ws->cap_runs[0] = ws->kept_cap;
        ws->kept_runs = NULL;
        ws->kept_row_runs = NULL;
    }
    forget_kept(ws);
    if (!runs_kept)
        ws->row_runs[0] = malloc(((size_t)rows + 1) * sizeof(size_t));
    ws->row_runs[1] = malloc(((size_t)rows + 1) * sizeof(size_t));
    /* a frame's runs and the last frame's (each at most one per
     * LF_SLIDE_MIN_RUN columns of each page, plus the cut ends) and what
     * stays between them */
    ws->scratch = malloc(8 * ((size_t)w / LF_SLIDE_MIN_RUN + 4) * sizeof(*ws->scratch));
    ws->changed = calloc((size_t)rows, 1);
    ws->rects = malloc(((size_t)rows / 2 + 3) * sizeof(*ws->rects));
    if (!ws->incoming || !ws->changed || !ws->rects || !ws->row_runs[0] || !ws->row_runs[1] ||
        !ws->scratch)
        return refuse(ws, "no memory for a copy of the page rows");
    uint8_t *rows0 = ws->incoming;
    uint8_t *band_px = ws->incoming + ws->pitch * (size_t)ws->top;
    ws->incoming = band_px;
    /* the old page: the still frame on screen holds it in these rows, and
     * it stays there: frames move it in place */
    if (!on_screen_used) {
        draw_page(ws, page);
        (*drawn)++;
    }
    SDL_RenderFlush(ws->r);
    /* the incoming page: the renderer draws it into the copy, given to the
     * window surface as its pixels for as long (a row of a colour no
     * page draws across the width tells whether it drew there) */
    size_t row_bytes = (size_t)w * (size_t)ws->bpp;
    memset(band_px, 0xa5, row_bytes);
    void *window_px = s->pixels;
    s->pixels = rows0;
    draw_page(ws, incoming);
    SDL_RenderFlush(ws->r);
    s->pixels = window_px;
    (*drawn)++;
    bool drew = false;
    for (size_t i = 0; !drew && i < row_bytes; i++)
        drew = band_px[i] != 0xa5;
    if (!drew)
        return refuse(ws, "the renderer does not draw into the window surface");
    lf_painter_draw(ws->painter, header, 0, 255);
    lf_painter_draw(ws->painter, footer, 0, 255);
    SDL_RenderFlush(ws->r);
    if (ws->bpp == 4) {
        if (!runs_kept)
            find_runs(ws, 0, (const uint8_t *)s->pixels + ws->pitch * (size_t)ws->top, rows);
        find_runs(ws, 1, ws->incoming, rows);
    } else {
        memset(ws->row_runs[0], 0, ((size_t)rows + 1) * sizeof(size_t));
        memset(ws->row_runs[1], 0, ((size_t)rows + 1) * sizeof(size_t));
        ws->n_runs[0] = ws->n_runs[1] = 0;
    }
    /* a frame's runs of a row are at most both pages' runs of that row */
    for (int i = 0; i < 2; i++) {
        ws->fr[i] = malloc((ws->n_runs[0] + ws->n_runs[1] + 1) * sizeof(struct run));
        ws->fr_row[i] = malloc(((size_t)rows + 1) * sizeof(size_t));
        if (!ws->fr[i] || !ws->fr_row[i])
            return refuse(ws, "no memory for a frame's stretches");
    }
    ws->fr_cur = 0;
    ws->fr_valid = false;
    ws->old_lo = 0;
    ws->old_hi = w;
    /* the window holds the frame with the old page in place; the screen
     * too in the page rows when it came from there */
    ws->written = true;
    ws->covered = true;
    ws->dx_old = 0;
    ws->dx_new = w; /* the incoming page not in sight */
    memset(ws->changed, !on_screen_used, (size_t)rows);
    ws->full = false;
    ws->chrome_rows = true; /* header and footer drawn with the pages */
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
    ws->chrome_rows = true;
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

/* The runs of row y of a frame with the pages at dx_old and dx_new, in
 * column order, cut to where each page shows (the incoming one on top). */
static size_t frame_runs(const struct lf_window_slide *ws, int y, int dx_old, int dx_new,
                         struct run *out)
{
    int o0, o1, n0, n1;
    span(dx_old, ws->w, &o0, &o1);
    span(dx_new, ws->w, &n0, &n1);
    size_t n = 0;
    for (int pass = 0; pass < 2; pass++) {
        /* left to right: whichever page starts further left first */
        int which = (pass == 0) == (o0 <= n0) ? 0 : 1;
        int dx = which == 0 ? dx_old : dx_new;
        int a = which == 0 ? o0 : n0, b = which == 0 ? o1 : n1;
        for (size_t i = ws->row_runs[which][y]; i < ws->row_runs[which][y + 1]; i++) {
            int x0 = ws->runs[which][i].x0 + dx, x1 = ws->runs[which][i].x1 + dx;
            if (x0 < a)
                x0 = a;
            if (x1 > b)
                x1 = b;
            if (x1 > x0)
                out[n++] = (struct run){x0, x1, ws->runs[which][i].color};
        }
    }
    return n;
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
    ws->final_written = false;
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
    /* the columns where the old page shows (the incoming one on top) */
    int v0 = o0, v1 = o1;
    if (o1 > o0 && n1 > n0 && o1 > n0 && n1 > o0) {
        if (n0 <= o0)
            v0 = n1 < o1 ? n1 : o1;
        else if (n1 >= o1)
            v1 = n0;
        else
            v0 = v1 = -1; /* on both sides of the incoming page */
    }
    /* ...read from where the window shows them now: only where it still
     * does (a page moving out of sight, as the kiosk's slides do) */
    int move = ws->dx_old - dx_old; /* the column read for column x: x + move */
    if (v0 < 0 || (v1 > v0 && (v0 + move < ws->old_lo || v1 + move > ws->old_hi))) {
        lf_window_slide_end(ws);
        return false;
    }
    size_t bpp = (size_t)ws->bpp;
    Uint32 black = SDL_MapRGB(s->format, 0, 0, 0);
    /* what the window holds is the last frame written (the pages cover
     * every column, side by side): only what differs is written */
    bool side_by_side = covered && !(o1 > o0 && n1 > n0 && o1 > n0 && n1 > o0);
    bool since = ws->written && ws->covered && side_by_side;
    /* a slide: both pages moved by the same `move` since the last frame,
     * which the window holds in every column (they stood side by side
     * there too), so this frame is the last one moved by `move` and the
     * incoming page's columns coming into sight [f0, f1). Each row is
     * then one memmove within itself (a column is read just before it is
     * written: one pass over the row in the cache) and a copy of the new
     * columns, instead of the incoming page's every shown column copied
     * again from its copy, a second cold buffer, at every frame */
    int f0 = move > 0 ? ws->w - move : 0, f1 = move > 0 ? ws->w : -move;
    bool shift = since && move != 0 && move < ws->w && -move < ws->w &&
                 dx_new - dx_old == ws->dx_new - ws->dx_old && f0 >= n0 && f1 <= n1;
    int m0 = move > 0 ? 0 : -move, m1 = move > 0 ? ws->w - move : ws->w; /* moved */
    size_t cap = (size_t)ws->w / LF_SLIDE_MIN_RUN + 4;
    struct run *last_scratch = ws->scratch + 2 * cap, *stays = ws->scratch + 4 * cap;
    /* this frame's runs go to fr[cur] (the next frame's last ones) where
     * the pages stand side by side; the last frame's are in fr[!cur] */
    int cur = ws->fr_cur;
    bool have_last = ws->fr_valid;
    ws->fr_row[cur][0] = 0;
    for (int y = 0; y < ws->bottom - ws->top; y++) {
        uint8_t *dst = (uint8_t *)s->pixels + (size_t)(ws->top + y) * (size_t)s->pitch;
        const uint8_t *inc = ws->incoming + (size_t)y * ws->pitch;
        size_t n_stay = 0;
        size_t n_now = 0;
        struct run *now_runs = ws->fr[cur] + ws->fr_row[cur][y];
        if (side_by_side)
            n_now = frame_runs(ws, y, dx_old, dx_new, now_runs);
        ws->fr_row[cur][y + 1] = ws->fr_row[cur][y] + n_now;
        if (since) {
            const struct run *last_runs = last_scratch;
            size_t n_last;
            if (have_last) {
                last_runs = ws->fr[!cur] + ws->fr_row[!cur][y];
                n_last = ws->fr_row[!cur][y + 1] - ws->fr_row[!cur][y];
            } else {
                n_last = frame_runs(ws, y, ws->dx_old, ws->dx_new, last_scratch);
            }
            /* a column where this frame and the last both show one colour, the same */
            for (size_t i = 0, j = 0; i < n_now && j < n_last;) {
                int lo = now_runs[i].x0 > last_runs[j].x0 ? now_runs[i].x0 : last_runs[j].x0;
                int hi = now_runs[i].x1 < last_runs[j].x1 ? now_runs[i].x1 : last_runs[j].x1;
                if (lo < hi && now_runs[i].color == last_runs[j].color)
                    stays[n_stay++] = (struct run){lo, hi, 0};
                if (now_runs[i].x1 < last_runs[j].x1)
                    i++;
                else
                    j++;
            }
        }
        /* the columns written: [from(k), to(k)) for k in [0, n_stay] */
#define SEG_FROM(k) ((k) == 0 ? 0 : stays[(k) - 1].x1)
#define SEG_TO(k) ((k) < n_stay ? stays[k].x0 : ws->w)
        bool wrote = false;
        if (shift) {
            /* the last frame moved, in the order that reads each column
             * before it is written, then the columns coming into sight */
            for (size_t i = 0; i <= n_stay; i++) {
                size_t k = move > 0 ? i : n_stay - i;
                int a0 = SEG_FROM(k) > m0 ? SEG_FROM(k) : m0, a1 = SEG_TO(k) < m1 ? SEG_TO(k) : m1;
                if (a1 > a0) {
                    memmove(dst + (size_t)a0 * bpp, dst + (size_t)(a0 + move) * bpp,
                            (size_t)(a1 - a0) * bpp);
                    wrote = true;
                }
            }
            for (size_t k = 0; k <= n_stay; k++) {
                int b0 = SEG_FROM(k) > f0 ? SEG_FROM(k) : f0, b1 = SEG_TO(k) < f1 ? SEG_TO(k) : f1;
                if (b1 > b0) {
                    memcpy(dst + (size_t)b0 * bpp, inc + (size_t)(b0 - dx_new) * bpp,
                           (size_t)(b1 - b0) * bpp);
                    wrote = true;
                }
            }
            if (wrote)
                ws->changed[y] = 1;
            continue;
        }
        /* first the old page, moved in place (memmove), in the order that
         * reads each column before it is written; unmoved, it is there */
        if (move != 0 && v1 > v0) {
            for (size_t i = 0; i <= n_stay; i++) {
                size_t k = move > 0 ? i : n_stay - i;
                int a0 = SEG_FROM(k) > v0 ? SEG_FROM(k) : v0, a1 = SEG_TO(k) < v1 ? SEG_TO(k) : v1;
                if (a1 > a0) {
                    memmove(dst + (size_t)a0 * bpp, dst + (size_t)(a0 + move) * bpp,
                            (size_t)(a1 - a0) * bpp);
                    wrote = true;
                }
            }
        }
        /* black where neither page is, as a frame drawn in full */
        if (!covered) {
            /* the two pages' columns, left one first; empty ones at the end */
            int p[2][2] = {{v0, v1}, {n0, n1}};
            if (p[0][1] <= p[0][0] || (p[1][1] > p[1][0] && p[1][0] < p[0][0])) {
                int t0 = p[0][0], t1 = p[0][1];
                p[0][0] = p[1][0], p[0][1] = p[1][1];
                p[1][0] = t0, p[1][1] = t1;
            }
            int x = 0;
            for (int i = 0; i <= 2; i++) {
                bool page = i < 2 && p[i][1] > p[i][0];
                int to = page ? p[i][0] : ws->w;
                if (to > x) {
                    SDL_Rect r = {x, ws->top + y, to - x, 1};
                    SDL_FillRect(s, &r, black);
                    wrote = true;
                }
                if (!page)
                    break;
                if (p[i][1] > x)
                    x = p[i][1];
            }
        }
        /* then the incoming page, from its copy */
        for (size_t k = 0; k <= n_stay; k++) {
            int b0 = SEG_FROM(k) > n0 ? SEG_FROM(k) : n0, b1 = SEG_TO(k) < n1 ? SEG_TO(k) : n1;
            if (b1 > b0) {
                memcpy(dst + (size_t)b0 * bpp, inc + (size_t)(b0 - dx_new) * bpp,
                       (size_t)(b1 - b0) * bpp);
                wrote = true;
            }
        }
#undef SEG_FROM
#undef SEG_TO
        if (wrote)
            ws->changed[y] = 1;
    }
    ws->dx_old = dx_old;
    ws->dx_new = dx_new;
    ws->fr_valid = side_by_side;
    ws->fr_cur = !cur;
    ws->old_lo = v1 > v0 ? v0 : 0;
    ws->old_hi = v1 > v0 ? v1 : 0;
    ws->written = true;
    ws->covered = side_by_side;
    /* the incoming page in place over every column: the page rows now
     * hold what its copy holds */
    ws->final_written = dx_new == 0;
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
    if (ws->chrome_rows) {
        if (ws->top > 0)
            ws->rects[n++] = (SDL_Rect){0, 0, ws->w, ws->top};
        if (ws->bottom < ws->h)
            ws->rects[n++] = (SDL_Rect){0, ws->bottom, ws->w, ws->h - ws->bottom};
    }
    int rc = 0;
    if (ws->full)
        rc = SDL_UpdateWindowSurface(win);
    else if (n > 0)
        rc = SDL_UpdateWindowSurfaceRects(win, ws->rects, n);
    if (rc != 0)
        lf_debug("window update: %s", SDL_GetError());
    ws->full = false;
    ws->chrome_rows = false;
}

void lf_window_slide_expose(struct lf_window_slide *ws)
{
    ws->full = true;
}
