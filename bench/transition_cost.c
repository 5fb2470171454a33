/* Benchmark (not a test): the kiosk's carousel headless (SDL offscreen
 * driver, software renderer, a fake clock stepped from one deadline of
 * the frame loop to the next, as lf_kiosk_run sleeps), for counting the
 * instructions of its transitions under valgrind's callgrind
 * (bench/transition_cost.sh, --instr-atstart=no). Instrumentation is on for TRANSITIONS
 * transitions and the still time around them only (the start, layout and
 * the first transition are not measured); prints what it measured.
 * Usage: transition_cost CONTENT_DIR [WxH=1920x1080] [TRANSITIONS=4] [LANG=de] */
#include <SDL.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <valgrind/callgrind.h>

#include "app/config.h"
#include "app/kiosk.h"
#include "core/civil_time.h"
#include "render/renderer_choice.h"

struct fake_clock {
    uint64_t ms;
    time_t wall0;
};

static uint64_t fake_ticks(void *ctx)
{
    return ((struct fake_clock *)ctx)->ms;
}

static int64_t fake_wall_ms(void *ctx)
{
    struct fake_clock *c = ctx;
    return (int64_t)c->wall0 * 1000 + (int64_t)c->ms;
}

/* Steps the clock to the loop's next deadline (at least 1 ms on, as the
 * event loop's wait) until `animating` is what the kiosk says. */
static void until(struct lf_kiosk *k, struct fake_clock *c, bool animating)
{
    for (int i = 0; i < 1000000; i++) {
        struct lf_kiosk_state s;
        lf_kiosk_describe(k, &s);
        if (s.animating == animating)
            return;
        uint64_t next = lf_kiosk_update(k);
        c->ms = next > c->ms ? next : c->ms + 1;
    }
    fprintf(stderr, "transition_cost: no %s\n", animating ? "transition" : "end of transition");
    exit(1);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: transition_cost CONTENT_DIR [WxH] [TRANSITIONS] [LANG]\n");
        return 2;
    }
    int w = 1920, h = 1080, n = argc > 3 ? atoi(argv[3]) : 4;
    if (argc > 2 && sscanf(argv[2], "%dx%d", &w, &h) != 2)
        return 2;
    if (!lf_civil_time_init())
        return 1;
    struct lf_config cfg;
    lf_config_defaults(&cfg);
    snprintf(cfg.content_dir, sizeof(cfg.content_dir), "%s", argv[1]);
    snprintf(cfg.lang, sizeof(cfg.lang), "%s", argc > 4 ? argv[4] : "de");
    cfg.windowed = true;
    cfg.width = w;
    cfg.height = h;
    cfg.transition_ms = 600;
    cfg.renderer = LF_RENDERER_SOFTWARE;
    struct lf_kiosk *k = lf_kiosk_create(&cfg);
    if (!k)
        return 1;
    struct fake_clock c = {1000, 1795000000}; /* a Wednesday, 2026-11-18 */
    lf_kiosk_set_clock(k, &(struct lf_kiosk_clock){fake_ticks, fake_wall_ms, &c});
    lf_kiosk_update(k);
    /* the first transition reads fonts and patterns: not measured */
    until(k, &c, true);
    until(k, &c, false);
    struct lf_kiosk_state s0, s1;
    lf_kiosk_describe(k, &s0);
    uint64_t t0 = c.ms;
    CALLGRIND_START_INSTRUMENTATION;
    for (int i = 0; i < n; i++) {
        until(k, &c, true);
        until(k, &c, false);
    }
    CALLGRIND_STOP_INSTRUMENTATION;
    lf_kiosk_describe(k, &s1);
    printf("%d transitions at %dx%d, %lu frames, %zu pages drawn, %.1f s of carousel time\n", n, w,
           h, s1.frames - s0.frames, s1.page_draws - s0.page_draws, (double)(c.ms - t0) / 1000);
    lf_kiosk_destroy(k);
    return 0;
}
