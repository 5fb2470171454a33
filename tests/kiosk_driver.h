/* Driving the kiosk as a visitor, for tests/test_kiosk*.c: headless (SDL
 * offscreen driver), a fake clock (ticks and wall clock in milliseconds),
 * taps, swipes and keys, and a look at the text on screen. Included by
 * each test program (not a test itself); helpers are static inline so a
 * program that needs only some of them compiles without warnings. */
#ifndef LITFASS_TESTS_KIOSK_DRIVER_H
#define LITFASS_TESTS_KIOSK_DRIVER_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <SDL.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app/config.h"
#include "app/kiosk.h"
#include "core/civil_time.h"
#include "layout/theme.h"

struct fake_clock {
    uint64_t ms;
    time_t wall0;
};

static inline uint64_t fake_ticks(void *ctx)
{
    return ((struct fake_clock *)ctx)->ms;
}

static inline int64_t fake_wall_ms(void *ctx)
{
    struct fake_clock *c = ctx;
    return (int64_t)c->wall0 * 1000 + (int64_t)c->ms;
}

struct fixture {
    struct lf_config cfg;
    struct fake_clock clock;
    struct lf_kiosk *k;
};

/* A kiosk on `dir` (NULL: the sample bundle) whose wall clock starts at
 * `start` (ISO 8601) plus one second; `touch` false: a screen nobody can
 * touch ([touch] enabled = false). */
static inline int open_kiosk_touch(void **state, const char *lang, const char *dir,
                                   const char *start, bool touch)
{
    static struct fixture f;
    memset(&f, 0, sizeof(f));
    if (!lf_civil_time_init())
        return -1;
    lf_config_defaults(&f.cfg);
    const char *src = getenv("LITFASS_SOURCE_DIR") ? getenv("LITFASS_SOURCE_DIR")
                                                   : LITFASS_SOURCE_DIR;
    if (dir)
        snprintf(f.cfg.content_dir, sizeof(f.cfg.content_dir), "%s", dir);
    else
        snprintf(f.cfg.content_dir, sizeof(f.cfg.content_dir), "%s/assets/content", src);
    snprintf(f.cfg.lang, sizeof(f.cfg.lang), "%s", lang);
    f.cfg.windowed = true;
    f.cfg.width = 1280;
    f.cfg.height = 720;
    f.cfg.idle_seconds = 30;
    f.cfg.transition_ms = 500;
    f.cfg.touch = touch;
    f.k = lf_kiosk_create(&f.cfg);
    if (!f.k)
        return -1;
    time_t wall;
    if (!lf_parse_datetime(start, &wall))
        return -1;
    f.clock = (struct fake_clock){1000, wall};
    lf_kiosk_set_clock(f.k, &(struct lf_kiosk_clock){fake_ticks, fake_wall_ms, &f.clock});
    lf_kiosk_update(f.k);
    *state = &f;
    return 0;
}

static inline int open_kiosk_on(void **state, const char *lang, const char *dir, const char *start)
{
    return open_kiosk_touch(state, lang, dir, start, true);
}

static inline int open_kiosk(void **state, const char *lang)
{
    return open_kiosk_on(state, lang, NULL, "2026-11-23T10:00:00+01:00");
}

static inline int setup_de(void **state)
{
    return open_kiosk(state, "");
}

static inline int setup_ar(void **state)
{
    return open_kiosk(state, "ar");
}

static inline int teardown(void **state)
{
    struct fixture *f = *state;
    lf_kiosk_destroy(f->k);
    return 0;
}

/* Lets time pass in steps, as the event loop would. */
static inline void pass(struct fixture *f, uint64_t ms)
{
    uint64_t end = f->clock.ms + ms;
    while (f->clock.ms < end) {
        uint64_t next = lf_kiosk_update(f->k);
        f->clock.ms = next > f->clock.ms && next < end ? next : end;
    }
    lf_kiosk_update(f->k);
}

static inline struct lf_kiosk_state state_of(struct fixture *f)
{
    struct lf_kiosk_state s;
    lf_kiosk_describe(f->k, &s);
    return s;
}

static inline void mouse(struct fixture *f, Uint32 type, int x, int y)
{
    SDL_Event ev;
    memset(&ev, 0, sizeof(ev));
    ev.type = type;
    if (type == SDL_MOUSEMOTION) {
        ev.motion.x = x;
        ev.motion.y = y;
        ev.motion.state = SDL_BUTTON_LMASK;
    } else {
        ev.button.button = SDL_BUTTON_LEFT;
        ev.button.x = x;
        ev.button.y = y;
    }
    lf_kiosk_handle(f->k, &ev);
}

static inline void tap(struct fixture *f, int x, int y)
{
    mouse(f, SDL_MOUSEBUTTONDOWN, x, y);
    f->clock.ms += 80;
    mouse(f, SDL_MOUSEBUTTONUP, x, y);
    pass(f, 700); /* let the transition finish */
}

static inline void tap_target(struct fixture *f, enum lf_action action, int arg)
{
    int x, y;
    assert_true(lf_kiosk_find_target(f->k, action, arg, &x, &y));
    tap(f, x, y);
}

static inline void swipe(struct fixture *f, int from_x, int to_x)
{
    int y = state_of(f).height / 2;
    mouse(f, SDL_MOUSEBUTTONDOWN, from_x, y);
    for (int i = 1; i <= 5; i++) {
        f->clock.ms += 30;
        mouse(f, SDL_MOUSEMOTION, from_x + (to_x - from_x) * i / 5, y);
    }
    mouse(f, SDL_MOUSEBUTTONUP, to_x, y);
    pass(f, 700);
}

/* Steps through the carousel with the arrow key until `id` shows, with
 * no transitions on the way (quick), then with the configured ones again. */
static inline bool is_item(struct fixture *f, const char *id);
static inline void key(struct fixture *f, SDL_Keycode sym, Uint16 mod);
static inline void skip_to(struct fixture *f, const char *id)
{
    int ms = f->cfg.transition_ms;
    f->cfg.transition_ms = 0;
    for (int i = 0; i < 40 && !is_item(f, id); i++)
        key(f, SDLK_RIGHT, 0);
    f->cfg.transition_ms = ms;
    assert_true(is_item(f, id));
}

static inline void key(struct fixture *f, SDL_Keycode sym, Uint16 mod)
{
    SDL_Event ev;
    memset(&ev, 0, sizeof(ev));
    ev.type = SDL_KEYDOWN;
    ev.key.keysym.sym = sym;
    ev.key.keysym.mod = mod;
    lf_kiosk_handle(f->k, &ev);
    pass(f, 700);
}

/* ---- a bundle of the test's own ---- */

static char bundle_dir[64];


static inline int teardown_bundle(void **state)
{
    teardown(state);
    char path[128];
    snprintf(path, sizeof(path), "%s/content.json", bundle_dir);
    remove(path);
    rmdir(bundle_dir);
    return 0;
}

/* Milliseconds of the fake clock at which the wall clock shows `iso`. */
static inline uint64_t ms_at(struct fixture *f, const char *iso)
{
    time_t t;
    assert_true(lf_parse_datetime(iso, &t));
    assert_true(t >= f->clock.wall0);
    return (uint64_t)(t - f->clock.wall0) * 1000;
}

static inline void pass_until(struct fixture *f, uint64_t ms)
{
    assert_true(ms >= f->clock.ms);
    pass(f, ms - f->clock.ms);
}

static inline bool screen_says(struct fixture *f, const char *text)
{
    static char buf[65536];
    lf_kiosk_screen_text(f->k, buf, sizeof(buf));
    return strstr(buf, text) != NULL;
}

static inline bool is_item(struct fixture *f, const char *id)
{
    const char *shown = state_of(f).item_id;
    return shown && strcmp(shown, id) == 0;
}

/* One round of the carousel with the arrow key, from its first page (the
 * carousel must be there): asserts each page's position and that the
 * round's page count stays (nothing laid out anew on the way), and gives
 * `page` each page's number and screen text. Returns the count; the
 * carousel is on the first page of its next round then. */
static inline size_t key_through_round(struct fixture *f,
                                       void (*page)(struct fixture *f, size_t i,
                                                    const char *text, void *ctx),
                                       void *ctx)
{
    static char text[65536];
    struct lf_kiosk_state s = state_of(f);
    assert_int_equal(s.position, 0);
    size_t count = s.count;
    for (size_t i = 0; i < count; i++) {
        s = state_of(f);
        assert_int_equal(s.position, i);
        assert_int_equal(s.count, count);
        lf_kiosk_screen_text(f->k, text, sizeof(text));
        page(f, i, text, ctx);
        key(f, SDLK_RIGHT, 0);
    }
    return count;
}

#endif
