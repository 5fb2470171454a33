/* Benchmark (not a test): the CPU time of a transition's frames in the
 * window's memory (render/window_slide.h) alone, paced as the kiosk
 * paces them: headless (SDL offscreen driver, software renderer, the
 * window surface plain memory, nothing sent to an X server), the sample
 * bundle's carousel pages one after the other, each transition 600 ms of
 * frames at 60 frames/s with real sleeps between them (the rows are as
 * cold in the cache as in the kiosk). For each transition it prints the
 * thread's CPU time of lf_window_slide_begin (drawing the incoming page
 * into its copy, finding stretches) and of the frames (each frame's
 * composition and present), then the medians. For A/B comparisons of
 * window_slide.c, run two builds of it alternately and compare
 * the medians (docs/performance.md).
 * Usage: slide_frames [TRANSITIONS=8] [WxH=1920x1080] [LANG=de] */
#include <SDL.h>
#include <SDL_ttf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app/carousel.h"
#include "content/bundle.h"
#include "core/civil_time.h"
#include "layout/slide_layout.h"
#include "render/painter.h"
#include "render/typesetter.h"
#include "render/window_slide.h"

static double cpu_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static double ease(double t)
{
    return t < 0.5 ? 4 * t * t * t : 1 - (-2 * t + 2) * (-2 * t + 2) * (-2 * t + 2) / 2;
}

static int cmp(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double median(double *v, int n)
{
    qsort(v, (size_t)n, sizeof(*v), cmp);
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

int main(int argc, char **argv)
{
    int n = argc > 1 ? atoi(argv[1]) : 8, w = 1920, h = 1080;
    if (argc > 2 && sscanf(argv[2], "%dx%d", &w, &h) != 2)
        return 2;
    const char *lang = argc > 3 ? argv[3] : "de";
    if (n < 1 || n > 1000 || !lf_civil_time_init() || TTF_Init() != 0 ||
        SDL_Init(SDL_INIT_VIDEO) != 0)
        return 1;
    struct lf_diags *d = lf_diags_create();
    struct lf_bundle *bundle = lf_bundle_load(LITFASS_SOURCE_DIR "/assets/content", d);
    lf_diags_destroy(d);
    struct lf_typesetter *ts = lf_typesetter_create();
    SDL_Window *win = SDL_CreateWindow("slide_frames", 0, 0, w, h, 0);
    SDL_Renderer *r = win ? SDL_CreateRenderer(win, -1, SDL_RENDERER_SOFTWARE) : NULL;
    if (!bundle || !ts || !r) {
        fprintf(stderr, "slide_frames: no window, renderer or sample bundle\n");
        return 1;
    }
    struct lf_painter *painter = lf_painter_create(r, ts);
    struct lf_view v = {.bundle = bundle, .lang = lang, .now = lf_local_make(2026, 11, 23, 10, 0),
                        .theme = lf_theme_get(LF_THEME_STANDARD),
                        .measure = lf_typesetter_measure(ts), .width = w, .height = h,
                        .text_scale = 1.0};
    struct lf_carousel *c = lf_carousel_create();
    lf_carousel_build(c, &v, 8);
    size_t pages = lf_carousel_count(c);
    struct lf_scene *header = lf_scene_create(), *footer = lf_scene_create();
    struct lf_scene *page = lf_scene_create(), *incoming = lf_scene_create();
    lf_layout_header(header, &v);
    struct lf_footer fo = {.position = 1, .count = pages, .active_category = -1};
    lf_layout_footer(footer, &v, &fo);
    struct lf_window_slide *ws = lf_window_slide_create(r, painter);
    double *begin_ms = calloc((size_t)n, sizeof(double)), *frames_ms = calloc((size_t)n, sizeof(double));
    /* the first page drawn in full and shown, as the kiosk's still page */
    lf_layout_page(page, &v, &lf_carousel_page(c, 0)->page, NULL);
    SDL_SetRenderDrawColor(r, 0, 0, 0, 255);
    SDL_RenderClear(r);
    lf_painter_draw(painter, page, 0, 255);
    lf_painter_draw(painter, header, 0, 255);
    lf_painter_draw(painter, footer, 0, 255);
    SDL_RenderPresent(r);
    lf_window_slide_shown(ws, header, footer);
    int frames = 0;
    for (int i = -1; i < n; i++) { /* the first transition (fonts opened) not counted */
        size_t next = (size_t)(i + 2) % pages;
        lf_scene_clear(incoming);
        lf_layout_page(incoming, &v, &lf_carousel_page(c, next)->page, NULL);
        double t0 = cpu_ms();
        size_t drawn = 0;
        if (!lf_window_slide_begin(ws, page, incoming, header, footer, &drawn)) {
            fprintf(stderr, "slide_frames: no transition in the window's memory\n");
            return 1;
        }
        double t1 = cpu_ms();
        uint64_t start = SDL_GetTicks64();
        for (int f = 1;; f++) {
            uint64_t at = start + (uint64_t)(f * 1000 + 59) / 60;
            uint64_t now = SDL_GetTicks64();
            if (at > now)
                SDL_Delay((Uint32)(at - now));
            double t = (double)(SDL_GetTicks64() - start) / 600;
            bool last = t >= 1;
            int off = (int)(ease(last ? 1 : t) * w + 0.5);
            if (!(last ? lf_window_slide_frame(ws, -w, 0) : lf_window_slide_frame(ws, -off, w - off))) {
                fprintf(stderr, "slide_frames: a frame was refused\n");
                return 1;
            }
            lf_window_slide_present(ws);
            if (i >= 0)
                frames++;
            if (last)
                break;
        }
        double t2 = cpu_ms();
        lf_window_slide_end(ws);
        lf_window_slide_shown(ws, header, footer);
        lf_painter_sweep(painter);
        struct lf_scene *tmp = page;
        page = incoming;
        incoming = tmp;
        if (i < 0)
            continue;
        begin_ms[i] = t1 - t0;
        frames_ms[i] = t2 - t1;
        printf("transition %d: begin %.2f ms, frames %.2f ms CPU\n", i + 1, begin_ms[i], frames_ms[i]);
    }
    printf("%dx%d %s: %d transitions, %d frames: median begin %.2f ms, frames %.2f ms CPU\n", w, h,
           lang, n, frames, median(begin_ms, n), median(frames_ms, n));
    free(begin_ms);
    free(frames_ms);
    lf_window_slide_destroy(ws);
    lf_scene_destroy(header);
    lf_scene_destroy(footer);
    lf_scene_destroy(page);
    lf_scene_destroy(incoming);
    lf_carousel_destroy(c);
    lf_painter_destroy(painter);
    SDL_DestroyRenderer(r);
    SDL_DestroyWindow(win);
    lf_typesetter_destroy(ts);
    lf_bundle_destroy(bundle);
    SDL_Quit();
    TTF_Quit();
    return 0;
}
