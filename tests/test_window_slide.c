/* Transitions in the window's memory (render/window_slide.h), headless
 * (SDL offscreen driver, software renderer, the real fonts and layout):
 * after every present, what reached the screen (the rows given to
 * SDL_UpdateWindowSurface(Rects), followed here by interposing those two
 * calls) is the frame drawn in full, pixel for pixel: both pages shifted,
 * header and footer over them, black where no page is. The old page is
 * taken from the screen when it stands there, header and footer rows are
 * not sent again while they stay, a footer changed during a transition
 * is, and a header that does not hide the page's rows is refused; a page
 * of stretches of one colour of every width and of regular thin lines
 * slides as drawn in full too, at uneven steps too. The clock's minute on a still page sends
 * the header's rows alone, and the screen equals the frame drawn in full.
 * Transitions one after the other (the next taking its old page's
 * stretches of one colour from the last) slide as drawn in full, also
 * after another page was drawn in full between them. */
#define _GNU_SOURCE
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <SDL.h>
#include <SDL_ttf.h>
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/carousel.h"
#include "content/bundle.h"
#include "core/civil_time.h"
#include "layout/slide_layout.h"
#include "render/painter.h"
#include "render/typesetter.h"
#include "render/window_slide.h"

/* What the screen shows: the window surface's rows as they were sent. */
static struct {
    uint8_t *pixels;
    int w, h, pitch;
    int updates;
    int rows_sent[4096]; /* per row: how often sent since the counts were cleared */
} screen;

static void send_rows(SDL_Window *window, const SDL_Rect *rects, int n)
{
    SDL_Surface *s = SDL_GetWindowSurface(window);
    if (!s || !screen.pixels)
        return;
    for (int i = 0; i < n; i++)
        for (int y = rects[i].y; y < rects[i].y + rects[i].h && y < screen.h; y++) {
            memcpy(screen.pixels + (size_t)y * (size_t)screen.pitch,
                   (const uint8_t *)s->pixels + (size_t)y * (size_t)s->pitch,
                   (size_t)screen.pitch);
            screen.rows_sent[y]++;
        }
    screen.updates++;
}

int SDL_UpdateWindowSurfaceRects(SDL_Window *window, const SDL_Rect *rects, int numrects)
{
    int (*real)(SDL_Window *, const SDL_Rect *, int) =
        (int (*)(SDL_Window *, const SDL_Rect *, int))dlsym(RTLD_NEXT,
                                                            "SDL_UpdateWindowSurfaceRects");
    send_rows(window, rects, numrects);
    return real(window, rects, numrects);
}

int SDL_UpdateWindowSurface(SDL_Window *window)
{
    int (*real)(SDL_Window *) = (int (*)(SDL_Window *))dlsym(RTLD_NEXT, "SDL_UpdateWindowSurface");
    SDL_Rect all = {0, 0, screen.w, screen.h};
    send_rows(window, &all, 1);
    return real(window);
}

struct fixture {
    SDL_Window *window;
    SDL_Renderer *renderer;   /* the window's: software */
    struct lf_painter *painter;
    SDL_Surface *ref;         /* frames drawn in full, to compare with */
    SDL_Renderer *ref_renderer;
    struct lf_painter *ref_painter;
    struct lf_typesetter *ts;
    struct lf_bundle *bundle;
};

static const int W = 800, H = 480;

static int setup(void **state)
{
    static struct fixture f;
    if (!lf_civil_time_init() || TTF_Init() != 0 || SDL_Init(SDL_INIT_VIDEO) != 0)
        return -1;
    const char *src = getenv("LITFASS_SOURCE_DIR") ? getenv("LITFASS_SOURCE_DIR")
                                                   : LITFASS_SOURCE_DIR;
    char dir[4096];
    snprintf(dir, sizeof(dir), "%s/assets/content", src);
    struct lf_diags *d = lf_diags_create();
    f.bundle = lf_bundle_load(dir, d);
    lf_diags_destroy(d);
    f.ts = lf_typesetter_create();
    f.window = SDL_CreateWindow("window_slide", 0, 0, W, H, 0);
    if (!f.bundle || !f.ts || !f.window)
        return -1;
    f.renderer = SDL_CreateRenderer(f.window, -1, SDL_RENDERER_SOFTWARE);
    SDL_Surface *ws = SDL_GetWindowSurface(f.window);
    if (!f.renderer || !ws)
        return -1;
    f.painter = lf_painter_create(f.renderer, f.ts);
    f.ref = SDL_CreateRGBSurfaceWithFormat(0, W, H, ws->format->BitsPerPixel, ws->format->format);
    f.ref_renderer = f.ref ? SDL_CreateSoftwareRenderer(f.ref) : NULL;
    if (!f.ref_renderer)
        return -1;
    f.ref_painter = lf_painter_create(f.ref_renderer, f.ts);
    screen.w = W;
    screen.h = H;
    screen.pitch = W * ws->format->BytesPerPixel;
    screen.pixels = calloc((size_t)H, (size_t)screen.pitch);
    *state = &f;
    return 0;
}

static int teardown(void **state)
{
    struct fixture *f = *state;
    lf_painter_destroy(f->ref_painter);
    SDL_DestroyRenderer(f->ref_renderer);
    SDL_FreeSurface(f->ref);
    lf_painter_destroy(f->painter);
    SDL_DestroyRenderer(f->renderer);
    SDL_DestroyWindow(f->window);
    lf_typesetter_destroy(f->ts);
    lf_bundle_destroy(f->bundle);
    free(screen.pixels);
    SDL_Quit();
    TTF_Quit();
    return 0;
}

/* The frame as the kiosk draws it in full: black, the old page shifted
 * by dx_old, the incoming one by dx_new, header and footer. */
static void draw_reference(struct fixture *f, const struct lf_scene *old, int dx_old,
                           const struct lf_scene *incoming, int dx_new,
                           const struct lf_scene *header, const struct lf_scene *footer)
{
    SDL_SetRenderDrawColor(f->ref_renderer, 0, 0, 0, 255);
    SDL_RenderClear(f->ref_renderer);
    lf_painter_draw(f->ref_painter, old, dx_old, 255);
    if (incoming)
        lf_painter_draw(f->ref_painter, incoming, dx_new, 255);
    lf_painter_draw(f->ref_painter, header, 0, 255);
    lf_painter_draw(f->ref_painter, footer, 0, 255);
    SDL_RenderFlush(f->ref_renderer);
}

/* Rows of the screen that differ from the reference. */
static int wrong_rows(struct fixture *f)
{
    int wrong = 0;
    for (int y = 0; y < H; y++)
        wrong += memcmp(screen.pixels + (size_t)y * (size_t)screen.pitch,
                        (const uint8_t *)f->ref->pixels + (size_t)y * (size_t)f->ref->pitch,
                        (size_t)screen.pitch) != 0;
    return wrong;
}

/* The still page drawn on the window and presented as the kiosk does. */
static void show_still(struct fixture *f, const struct lf_scene *page,
                       const struct lf_scene *header, const struct lf_scene *footer)
{
    SDL_SetRenderDrawColor(f->renderer, 0, 0, 0, 255);
    SDL_RenderClear(f->renderer);
    lf_painter_draw(f->painter, page, 0, 255);
    lf_painter_draw(f->painter, header, 0, 255);
    lf_painter_draw(f->painter, footer, 0, 255);
    SDL_RenderPresent(f->renderer);
    /* SDL's own present does not pass through the calls followed above */
    SDL_Surface *s = SDL_GetWindowSurface(f->window);
    for (int y = 0; y < H; y++)
        memcpy(screen.pixels + (size_t)y * (size_t)screen.pitch,
               (const uint8_t *)s->pixels + (size_t)y * (size_t)s->pitch, (size_t)screen.pitch);
}

static double ease(int i, int n)
{
    double t = (double)i / n;
    return t < 0.5 ? 4 * t * t * t : 1 - (-2 * t + 2) * (-2 * t + 2) * (-2 * t + 2) / 2;
}

/* The fixture's bundle seen in `lang` at `now` on the W x H screen */
static struct lf_view view_at(struct fixture *f, const char *lang, time_t now)
{
    return (struct lf_view){.bundle = f->bundle, .lang = lang, .now = now,
                            .theme = lf_theme_get(LF_THEME_STANDARD),
                            .measure = lf_typesetter_measure(f->ts), .width = W, .height = H,
                            .text_scale = 1.0};
}

/* A whole transition in `lang` (dir +1: the new page comes from the
 * right; Arabic: from the left), compared frame by frame. */
static void transition_in(struct fixture *f, const char *lang, int dir)
{
    struct lf_view v = view_at(f, lang, lf_local_make(2026, 11, 23, 10, 0));
    struct lf_carousel *c = lf_carousel_create();
    lf_carousel_build(c, &v, 10);
    assert_true(lf_carousel_count(c) >= 3);
    struct lf_scene *header = lf_scene_create(), *footer = lf_scene_create();
    struct lf_scene *old = lf_scene_create(), *incoming = lf_scene_create();
    lf_layout_header(header, &v);
    lf_layout_page(old, &v, &lf_carousel_page(c, 1)->page, NULL);
    lf_layout_page(incoming, &v, &lf_carousel_page(c, 2)->page, NULL);
    struct lf_footer fo = {.position = 1, .count = lf_carousel_count(c), .active_category = -1};
    lf_layout_footer(footer, &v, &fo);

    struct lf_window_slide *ws = lf_window_slide_create(f->renderer, f->painter);
    assert_true(lf_window_slide_possible(ws));
    show_still(f, old, header, footer);
    lf_window_slide_shown(ws, header, footer);
    /* the footer of the incoming page, laid out before the transition */
    fo.position = 2;
    lf_scene_clear(footer);
    lf_layout_footer(footer, &v, &fo);
    size_t drawn = 0;
    assert_true(lf_window_slide_begin(ws, old, incoming, header, footer, &drawn));
    assert_int_equal(drawn, 1); /* the old page came from the screen */
    assert_true(lf_window_slide_active(ws));
    assert_true(lf_window_slide_held(ws) > 0);
    assert_true(lf_window_slide_held(ws) < (size_t)2 * screen.pitch * H); /* page rows only */

    const int n = 12;
    int header_rows_sent = 0;
    for (int i = 0; i <= n; i++) {
        if (i == 6) {
            /* the footer changes during the transition (the page count
             * appears): drawn again and sent */
            fo.count = 0;
            lf_scene_clear(footer);
            lf_layout_footer(footer, &v, &fo);
            assert_true(lf_window_slide_chrome(ws, header, footer));
        }
        int off = (int)(ease(i, n) * W + 0.5) * dir;
        memset(screen.rows_sent, 0, sizeof(screen.rows_sent));
        assert_true(lf_window_slide_frame(ws, -off, dir * W - off));
        lf_window_slide_present(ws);
        draw_reference(f, old, -off, incoming, dir * W - off, header, footer);
        if (wrong_rows(f) != 0)
            fail_msg("%s frame %d (offset %d): %d rows on screen differ from the frame drawn "
                     "in full", lang, i, off, wrong_rows(f));
        if (i > 0 && i != 6)
            header_rows_sent += screen.rows_sent[0] + screen.rows_sent[H - 1];
    }
    /* header and footer were sent with the first frame and the change only */
    assert_int_equal(header_rows_sent, 0);
    /* the frame that ends it: the new page in place */
    assert_true(lf_window_slide_frame(ws, -dir * W, 0));
    lf_window_slide_present(ws);
    draw_reference(f, incoming, 0, NULL, 0, header, footer);
    assert_int_equal(wrong_rows(f), 0);
    lf_window_slide_end(ws);
    assert_false(lf_window_slide_active(ws));
    assert_int_equal(lf_window_slide_held(ws), 0);

    /* not shown since: the next transition draws the old page itself */
    drawn = 0;
    assert_true(lf_window_slide_begin(ws, incoming, old, header, footer, &drawn));
    assert_int_equal(drawn, 2);
    assert_true(lf_window_slide_frame(ws, -W / 4, W - W / 4));
    lf_window_slide_present(ws);
    draw_reference(f, incoming, -W / 4, old, W - W / 4, header, footer);
    assert_int_equal(wrong_rows(f), 0);
    /* a frame where the pages leave a gap: black there, as drawn in full
     * (also in rows of one colour, which a gapless frame leaves alone) */
    assert_true(lf_window_slide_frame(ws, -W / 2, W));
    lf_window_slide_present(ws);
    draw_reference(f, incoming, -W / 2, old, W, header, footer);
    assert_int_equal(wrong_rows(f), 0);
    lf_window_slide_end(ws);

    lf_window_slide_destroy(ws);
    lf_scene_destroy(header);
    lf_scene_destroy(footer);
    lf_scene_destroy(old);
    lf_scene_destroy(incoming);
    lf_carousel_destroy(c);
}

static void frames_on_screen_are_frames_drawn_in_full(void **state)
{
    transition_in(*state, "de", +1);
}

static void right_to_left_slides_the_other_way(void **state)
{
    transition_in(*state, "ar", -1);
}

/* A header that lets the page show through, or draws into the page's
 * rows, leaves no rows to the pages alone: refused, nothing held. */
static void chrome_over_the_page_is_refused(void **state)
{
    struct fixture *f = *state;
    struct lf_scene *page = lf_scene_create(), *header = lf_scene_create(),
                    *footer = lf_scene_create();
    lf_scene_rect(page, (struct lf_box){0, 0, W, H}, (struct lf_rgba){200, 200, 200, 255}, 0);
    lf_scene_rect(footer, (struct lf_box){0, H - 60, W, 60}, (struct lf_rgba){0, 0, 80, 255}, 0);
    struct lf_window_slide *ws = lf_window_slide_create(f->renderer, f->painter);
    size_t drawn = 0;

    /* translucent */
    lf_scene_rect(header, (struct lf_box){0, 0, W, 60}, (struct lf_rgba){0, 0, 80, 200}, 0);
    assert_false(lf_window_slide_begin(ws, page, page, header, footer, &drawn));
    assert_int_equal(lf_window_slide_held(ws), 0);

    /* opaque, but a line of text reaching below it */
    lf_scene_clear(header);
    lf_scene_rect(header, (struct lf_box){0, 0, W, 60}, (struct lf_rgba){0, 0, 80, 255}, 0);
    lf_scene_text(header, (struct lf_box){20, 40, 300, 50}, "Kommunales Integrationszentrum", 30,
                  LF_FACE_REGULAR, 48, (struct lf_rgba){255, 255, 255, 255}, false);
    assert_false(lf_window_slide_begin(ws, page, page, header, footer, &drawn));
    assert_false(lf_window_slide_active(ws));

    /* opaque and inside its rows: taken */
    lf_scene_clear(header);
    lf_scene_rect(header, (struct lf_box){0, 0, W, 60}, (struct lf_rgba){0, 0, 80, 255}, 0);
    assert_true(lf_window_slide_begin(ws, page, page, header, footer, &drawn));
    /* one copy (the incoming page's): the old page is moved in the window */
    assert_int_equal(lf_window_slide_held(ws), (size_t)screen.pitch * (H - 120));
    lf_window_slide_destroy(ws);
    lf_scene_destroy(page);
    lf_scene_destroy(header);
    lf_scene_destroy(footer);
}

/* A page of stretches of one colour of every width from 1 to 300
 * pixels, at the left and right edges and in between, and of thin lines
 * at regular spacings (pixels that many columns apart hold the same
 * colour with others between them): whatever stretches the frames skip,
 * every frame on screen is the frame drawn in full. */
static void stripes(struct lf_scene *page, int seed)
{
    lf_scene_rect(page, (struct lf_box){0, 60, W, H - 120},
                  (struct lf_rgba){(uint8_t)(200 - seed), 200, 200, 255}, 0);
    int y = 62;
    for (int width = 1; width <= 300 && y < H - 64; width += (width < 140 ? 1 : 7), y += 1) {
        struct lf_rgba c = {(uint8_t)(width * 7 + seed), (uint8_t)(width * 3), 90, 255};
        int x = (width * 37 + seed * 11) % (W - width);
        lf_scene_rect(page, (struct lf_box){x, y, width, 1}, c, 0);
        /* at the edges of the row too */
        if (width % 3)
            lf_scene_rect(page, (struct lf_box){0, y, width, 1}, c, 0);
        if (width % 2)
            lf_scene_rect(page, (struct lf_box){W - width, y, width, 1}, c, 0);
    }
    /* lines every 16, 32, 64 and 128 columns */
    for (int spacing = 16, row = 0; spacing <= 128; spacing *= 2, row++)
        for (int x = seed % spacing; x < W; x += spacing)
            lf_scene_rect(page, (struct lf_box){x, H - 100 + row * 8, 1 + row % 2, 8},
                          (struct lf_rgba){20, 20, (uint8_t)(40 + seed), 255}, 0);
}

static void stretches_of_every_width_are_moved_right(void **state)
{
    struct fixture *f = *state;
    struct lf_scene *old = lf_scene_create(), *incoming = lf_scene_create(),
                    *header = lf_scene_create(), *footer = lf_scene_create();
    lf_scene_rect(header, (struct lf_box){0, 0, W, 60}, (struct lf_rgba){0, 0, 80, 255}, 0);
    lf_scene_rect(footer, (struct lf_box){0, H - 60, W, 60}, (struct lf_rgba){0, 0, 80, 255}, 0);
    stripes(old, 0);
    stripes(incoming, 5);
    struct lf_window_slide *ws = lf_window_slide_create(f->renderer, f->painter);
    show_still(f, old, header, footer);
    lf_window_slide_shown(ws, header, footer);
    size_t drawn = 0;
    assert_true(lf_window_slide_begin(ws, old, incoming, header, footer, &drawn));
    const int n = 24;
    for (int i = 0; i <= n; i++) {
        int off = (int)(ease(i, n) * W + 0.5);
        assert_true(lf_window_slide_frame(ws, -off, W - off));
        lf_window_slide_present(ws);
        draw_reference(f, old, -off, incoming, W - off, header, footer);
        if (wrong_rows(f) != 0)
            fail_msg("frame %d (offset %d): %d rows on screen differ from the frame drawn in full",
                     i, off, wrong_rows(f));
    }
    assert_true(lf_window_slide_frame(ws, -W, 0));
    lf_window_slide_present(ws);
    draw_reference(f, incoming, 0, NULL, 0, header, footer);
    assert_int_equal(wrong_rows(f), 0);
    lf_window_slide_destroy(ws);
    lf_scene_destroy(old);
    lf_scene_destroy(incoming);
    lf_scene_destroy(header);
    lf_scene_destroy(footer);
}

/* Frames at uneven steps, both ways (each frame is the last one moved,
 * its new columns copied from the incoming page): the same frame twice,
 * a step of one column, steps of most of the width, a late frame at the
 * end; every frame on screen is the frame drawn in full. */
static void uneven_steps_slide_as_drawn_in_full(void **state)
{
    struct fixture *f = *state;
    static const int offs[] = {0, 0, 1, 1, 2, 9, 9, 140, 141, 600, 601, 799, 800};
    for (int dir = 1; dir >= -1; dir -= 2) {
        struct lf_scene *old = lf_scene_create(), *incoming = lf_scene_create(),
                        *header = lf_scene_create(), *footer = lf_scene_create();
        lf_scene_rect(header, (struct lf_box){0, 0, W, 60}, (struct lf_rgba){0, 0, 80, 255}, 0);
        lf_scene_rect(footer, (struct lf_box){0, H - 60, W, 60}, (struct lf_rgba){0, 0, 80, 255},
                      0);
        stripes(old, 3);
        stripes(incoming, 8);
        struct lf_window_slide *ws = lf_window_slide_create(f->renderer, f->painter);
        show_still(f, old, header, footer);
        lf_window_slide_shown(ws, header, footer);
        size_t drawn = 0;
        assert_true(lf_window_slide_begin(ws, old, incoming, header, footer, &drawn));
        for (size_t i = 0; i < sizeof(offs) / sizeof(offs[0]); i++) {
            int off = offs[i] * dir;
            assert_true(lf_window_slide_frame(ws, -off, dir * W - off));
            lf_window_slide_present(ws);
            draw_reference(f, old, -off, incoming, dir * W - off, header, footer);
            if (wrong_rows(f) != 0)
                fail_msg("dir %d, frame %zu (offset %d): %d rows on screen differ from the frame "
                         "drawn in full", dir, i, off, wrong_rows(f));
        }
        assert_true(lf_window_slide_frame(ws, -dir * W, 0));
        lf_window_slide_present(ws);
        draw_reference(f, incoming, 0, NULL, 0, header, footer);
        assert_int_equal(wrong_rows(f), 0);
        lf_window_slide_destroy(ws);
        lf_scene_destroy(old);
        lf_scene_destroy(incoming);
        lf_scene_destroy(header);
        lf_scene_destroy(footer);
    }
}

/* The clock's minute on a still page in `lang`: only the header is
 * drawn and only its rows are sent, and the screen then shows what the
 * frame drawn in full with the new header would. */
static void minute_in(struct fixture *f, const char *lang)
{
    struct lf_view v = view_at(f, lang, lf_local_make(2026, 11, 23, 9, 59));
    struct lf_carousel *c = lf_carousel_create();
    lf_carousel_build(c, &v, 10);
    assert_true(lf_carousel_count(c) >= 2);
    struct lf_scene *header = lf_scene_create(), *footer = lf_scene_create();
    struct lf_scene *page = lf_scene_create();
    lf_layout_header(header, &v);
    lf_layout_page(page, &v, &lf_carousel_page(c, 1)->page, NULL);
    struct lf_footer fo = {.position = 1, .count = lf_carousel_count(c), .active_category = -1};
    lf_layout_footer(footer, &v, &fo);

    struct lf_window_slide *ws = lf_window_slide_create(f->renderer, f->painter);
    /* nothing shown yet: refused, nothing drawn */
    assert_false(lf_window_slide_header(ws, header, footer));
    show_still(f, page, header, footer);
    lf_window_slide_shown(ws, header, footer);

    v.now = lf_local_make(2026, 11, 23, 10, 0); /* 09:59 -> 10:00 */
    lf_scene_clear(header);
    lf_layout_header(header, &v);
    draw_reference(f, page, 0, NULL, 0, header, footer);
    int before = wrong_rows(f);
    assert_true(before > 0); /* the clock's rows on screen are the old minute's */
    memset(screen.rows_sent, 0, sizeof(screen.rows_sent));
    assert_true(lf_window_slide_header(ws, header, footer));
    if (wrong_rows(f) != 0)
        fail_msg("%s: %d rows on screen differ from the frame drawn in full after the minute",
                 lang, wrong_rows(f));
    int sent = 0, top = 0;
    for (int y = 0; y < H; y++) {
        sent += screen.rows_sent[y] != 0;
        if (screen.rows_sent[y] && y == top)
            top = y + 1;
    }
    assert_int_equal(screen.rows_sent[0], 1);
    assert_int_equal(sent, top);             /* the header's rows, from the top, once */
    assert_true(top < H / 3);                /* not the page's nor the footer's rows */
    assert_int_equal(screen.rows_sent[H - 1], 0);

    /* the page laid out anew since: refused, the caller draws in full */
    lf_window_slide_unshown(ws);
    assert_false(lf_window_slide_header(ws, header, footer));
    lf_window_slide_destroy(ws);
    lf_carousel_destroy(c);
    lf_scene_destroy(page);
    lf_scene_destroy(header);
    lf_scene_destroy(footer);
}

static void the_minute_sends_the_header_alone(void **state)
{
    minute_in(*state, "de");
    minute_in(*state, "ar");
}

/* One whole transition as the kiosk runs it (old page on screen, every
 * frame compared with the frame drawn in full, the last one with the
 * incoming page in place, then ended and shown). */
static void slide_whole(struct fixture *f, struct lf_window_slide *ws, const char *what,
                        const struct lf_scene *old, const struct lf_scene *incoming,
                        const struct lf_scene *header, const struct lf_scene *footer, int dir)
{
    size_t drawn = 0;
    assert_true(lf_window_slide_begin(ws, old, incoming, header, footer, &drawn));
    assert_int_equal(drawn, 1); /* the old page came from the screen */
    const int n = 10;
    for (int i = 0; i <= n; i++) {
        int off = (int)(ease(i, n) * W + 0.5) * dir;
        assert_true(lf_window_slide_frame(ws, -off, dir * W - off));
        lf_window_slide_present(ws);
        draw_reference(f, old, -off, incoming, dir * W - off, header, footer);
        if (wrong_rows(f) != 0)
            fail_msg("%s, frame %d (offset %d): %d rows on screen differ from the frame drawn "
                     "in full", what, i, off, wrong_rows(f));
    }
    assert_true(lf_window_slide_frame(ws, -dir * W, 0));
    lf_window_slide_present(ws);
    draw_reference(f, incoming, 0, NULL, 0, header, footer);
    if (wrong_rows(f) != 0)
        fail_msg("%s, last frame: %d rows differ", what, wrong_rows(f));
    lf_window_slide_end(ws);
    lf_window_slide_shown(ws, header, footer);
}

/* Transitions one after the other in `lang`: the next one takes its old
 * page's stretches of one colour from the one that brought that page in
 * (only the clock's minute drawn since), and finds them anew when the
 * page rows were drawn over in between (another page drawn in full):
 * every frame is the frame drawn in full either way. */
static void one_after_the_other_in(struct fixture *f, const char *lang, int dir)
{
    struct lf_view v = {.bundle = f->bundle, .lang = lang,
                        .now = lf_local_make(2026, 11, 23, 9, 59),
                        .theme = lf_theme_get(LF_THEME_STANDARD),
                        .measure = lf_typesetter_measure(f->ts), .width = W, .height = H,
                        .text_scale = 1.0};
    struct lf_carousel *c = lf_carousel_create();
    lf_carousel_build(c, &v, 10);
    assert_true(lf_carousel_count(c) >= 4);
    struct lf_scene *header = lf_scene_create(), *footer = lf_scene_create();
    struct lf_scene *p[4];
    for (int i = 0; i < 4; i++) {
        p[i] = lf_scene_create();
        lf_layout_page(p[i], &v, &lf_carousel_page(c, (size_t)i)->page, NULL);
    }
    struct lf_scene *striped = lf_scene_create();
    stripes(striped, 3);
    lf_layout_header(header, &v);
    struct lf_footer fo = {.position = 0, .count = lf_carousel_count(c), .active_category = -1};
    lf_layout_footer(footer, &v, &fo);

    struct lf_window_slide *ws = lf_window_slide_create(f->renderer, f->painter);
    show_still(f, p[0], header, footer);
    lf_window_slide_shown(ws, header, footer);
    slide_whole(f, ws, "first", p[0], p[1], header, footer, dir);
    /* the clock's minute: the header's rows alone */
    v.now = lf_local_make(2026, 11, 23, 10, 0);
    lf_scene_clear(header);
    lf_layout_header(header, &v);
    assert_true(lf_window_slide_header(ws, header, footer));
    lf_window_slide_end(ws);
    lf_window_slide_shown(ws, header, footer);
    slide_whole(f, ws, "second (after the minute)", p[1], p[2], header, footer, dir);
    slide_whole(f, ws, "third", p[2], p[3], header, footer, dir);
    /* another page drawn in full over the page rows: its own stretches */
    show_still(f, striped, header, footer);
    lf_window_slide_shown(ws, header, footer);
    slide_whole(f, ws, "after a page drawn in full", striped, p[0], header, footer, dir);
    /* laid out anew (unshown) and drawn in full: the same */
    lf_window_slide_unshown(ws);
    show_still(f, p[2], header, footer);
    lf_window_slide_shown(ws, header, footer);
    slide_whole(f, ws, "after a page laid out anew", p[2], striped, header, footer, dir);

    lf_window_slide_destroy(ws);
    for (int i = 0; i < 4; i++)
        lf_scene_destroy(p[i]);
    lf_scene_destroy(striped);
    lf_scene_destroy(header);
    lf_scene_destroy(footer);
    lf_carousel_destroy(c);
}

static void transitions_one_after_the_other(void **state)
{
    one_after_the_other_in(*state, "de", +1);
    one_after_the_other_in(*state, "ar", -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(frames_on_screen_are_frames_drawn_in_full),
        cmocka_unit_test(right_to_left_slides_the_other_way),
        cmocka_unit_test(chrome_over_the_page_is_refused),
        cmocka_unit_test(stretches_of_every_width_are_moved_right),
        cmocka_unit_test(uneven_steps_slide_as_drawn_in_full),
        cmocka_unit_test(the_minute_sends_the_header_alone),
        cmocka_unit_test(transitions_one_after_the_other),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
