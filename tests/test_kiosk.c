/* The kiosk as a visitor uses it, headless (SDL offscreen driver) with a
 * fake clock: the carousel advances by itself, taps on the footer open a
 * category, a tap on an entry opens it, swipes and arrow keys go next and
 * previous (mirrored for Arabic), the idle timeout brings the carousel
 * back, Esc does not end it and the admin combination does. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <SDL.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/config.h"
#include "app/kiosk.h"
#include "core/civil_time.h"
#include "layout/theme.h"

struct fake_clock {
    uint64_t ms;
    time_t wall0;
};

static uint64_t fake_ticks(void *ctx)
{
    return ((struct fake_clock *)ctx)->ms;
}

static time_t fake_wall(void *ctx)
{
    struct fake_clock *c = ctx;
    return c->wall0 + (time_t)(c->ms / 1000);
}

struct fixture {
    struct lf_config cfg;
    struct fake_clock clock;
    struct lf_kiosk *k;
};

static int open_kiosk(void **state, const char *lang)
{
    static struct fixture f;
    memset(&f, 0, sizeof(f));
    if (!lf_civil_time_init())
        return -1;
    lf_config_defaults(&f.cfg);
    const char *src = getenv("LITFASS_SOURCE_DIR") ? getenv("LITFASS_SOURCE_DIR")
                                                   : LITFASS_SOURCE_DIR;
    snprintf(f.cfg.content_dir, sizeof(f.cfg.content_dir), "%s/assets/content", src);
    snprintf(f.cfg.lang, sizeof(f.cfg.lang), "%s", lang);
    f.cfg.windowed = true;
    f.cfg.width = 1280;
    f.cfg.height = 720;
    f.cfg.idle_seconds = 30;
    f.cfg.transition_ms = 500;
    f.k = lf_kiosk_create(&f.cfg);
    if (!f.k)
        return -1;
    time_t wall;
    if (!lf_parse_datetime("2026-11-23T10:00:00+01:00", &wall))
        return -1;
    f.clock = (struct fake_clock){1000, wall};
    lf_kiosk_set_clock(f.k, &(struct lf_kiosk_clock){fake_ticks, fake_wall, &f.clock});
    lf_kiosk_update(f.k);
    *state = &f;
    return 0;
}

static int setup_de(void **state)
{
    return open_kiosk(state, "");
}

static int setup_ar(void **state)
{
    return open_kiosk(state, "ar");
}

static int teardown(void **state)
{
    struct fixture *f = *state;
    lf_kiosk_destroy(f->k);
    return 0;
}

/* Lets time pass in steps, as the event loop would. */
static void pass(struct fixture *f, uint64_t ms)
{
    uint64_t end = f->clock.ms + ms;
    while (f->clock.ms < end) {
        uint64_t next = lf_kiosk_update(f->k);
        f->clock.ms = next > f->clock.ms && next < end ? next : end;
    }
    lf_kiosk_update(f->k);
}

static struct lf_kiosk_state state_of(struct fixture *f)
{
    struct lf_kiosk_state s;
    lf_kiosk_describe(f->k, &s);
    return s;
}

static void mouse(struct fixture *f, Uint32 type, int x, int y)
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

static void tap(struct fixture *f, int x, int y)
{
    mouse(f, SDL_MOUSEBUTTONDOWN, x, y);
    f->clock.ms += 80;
    mouse(f, SDL_MOUSEBUTTONUP, x, y);
    pass(f, 700); /* let the transition finish */
}

static void tap_target(struct fixture *f, enum lf_action action, int arg)
{
    int x, y;
    assert_true(lf_kiosk_find_target(f->k, action, arg, &x, &y));
    tap(f, x, y);
}

static void swipe(struct fixture *f, int from_x, int to_x)
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

static void key(struct fixture *f, SDL_Keycode sym, Uint16 mod)
{
    SDL_Event ev;
    memset(&ev, 0, sizeof(ev));
    ev.type = SDL_KEYDOWN;
    ev.key.keysym.sym = sym;
    ev.key.keysym.mod = mod;
    lf_kiosk_handle(f->k, &ev);
    pass(f, 700);
}

static void carousel_advances_by_itself(void **state)
{
    struct fixture *f = *state;
    struct lf_kiosk_state s = state_of(f);
    assert_string_equal(s.mode, "carousel");
    assert_int_equal(s.position, 0);
    assert_true(s.count >= 10);
    assert_int_equal(s.width, 1280);
    /* the first page stays at least the configured base time... */
    pass(f, (uint64_t)f->cfg.slide_seconds * 1000 - 100);
    assert_int_equal(state_of(f).position, 0);
    /* ...and is followed by the next within the longest reading time */
    pass(f, (uint64_t)f->cfg.slide_seconds * 4000);
    assert_true(state_of(f).position >= 1);
}

static void visitor_browses_and_idle_returns(void **state)
{
    struct fixture *f = *state;
    /* tap "Beratung" in the footer: the list of counselling offers */
    tap_target(f, LF_ACT_CATEGORY, LF_CAT_OFFERS);
    struct lf_kiosk_state s = state_of(f);
    assert_string_equal(s.mode, "list");
    assert_int_equal(s.category, LF_CAT_OFFERS);
    /* while browsing the carousel does not move on */
    pass(f, 20000);
    assert_string_equal(state_of(f).mode, "list");
    /* tap the first entry: its details */
    tap_target(f, LF_ACT_ITEM, 0);
    s = state_of(f);
    assert_string_equal(s.mode, "detail");
    assert_non_null(s.item_id);
    assert_string_equal(s.item_id, "wegweiser");
    /* the visitor walks away: after idle_seconds back to the carousel */
    pass(f, (uint64_t)f->cfg.idle_seconds * 1000 + 1000);
    assert_string_equal(state_of(f).mode, "carousel");
    /* "Back" returns at once */
    tap_target(f, LF_ACT_CATEGORY, LF_CAT_CONTACTS);
    assert_string_equal(state_of(f).mode, "list");
    tap_target(f, LF_ACT_HOME, 0);
    assert_string_equal(state_of(f).mode, "carousel");
}

static void long_lists_page(void **state)
{
    struct fixture *f = *state;
    /* the events list of the sample does not fit one page at 1280x720 */
    tap_target(f, LF_ACT_CATEGORY, LF_CAT_EVENTS);
    struct lf_kiosk_state s = state_of(f);
    assert_string_equal(s.mode, "list");
    assert_true(s.page_continues);
    assert_int_equal(s.first_entry, 0);
    tap_target(f, LF_ACT_NEXT, 0);
    s = state_of(f);
    assert_string_equal(s.mode, "list");
    assert_true(s.first_entry > 0);
    /* the entries there can be opened too */
    int x, y;
    assert_true(lf_kiosk_find_target(f->k, LF_ACT_ITEM, (int)s.first_entry, &x, &y));
    assert_false(lf_kiosk_find_target(f->k, LF_ACT_ITEM, 0, &x, &y));
    /* previous goes back to the first page, then out to the carousel */
    tap_target(f, LF_ACT_PREV, 0);
    assert_int_equal(state_of(f).first_entry, 0);
    tap_target(f, LF_ACT_PREV, 0);
    assert_string_equal(state_of(f).mode, "carousel");
}

static void visitor_settings_last_until_idle(void **state)
{
    struct fixture *f = *state;
    /* the language strip lists the bundle's languages: tap "English" (index 1: "de" first) */
    tap_target(f, LF_ACT_LANGUAGE, 1);
    struct lf_kiosk_state s = state_of(f);
    assert_string_equal(s.lang, "en");
    tap_target(f, LF_ACT_LARGE_TEXT, 0);
    tap_target(f, LF_ACT_CONTRAST, 0);
    s = state_of(f);
    assert_true(s.large_text);
    assert_true(s.high_contrast);
    /* large text needs more pages for the same content */
    size_t large_pages = s.count;
    tap_target(f, LF_ACT_LARGE_TEXT, 0);
    assert_false(state_of(f).large_text);
    assert_true(large_pages > state_of(f).count);
    tap_target(f, LF_ACT_LARGE_TEXT, 0);
    /* Arabic switches the whole screen to right-to-left */
    tap_target(f, LF_ACT_LANGUAGE, 3);
    assert_string_equal(state_of(f).lang, "ar");
    /* the visitor leaves: everything back to the screen's own settings */
    pass(f, (uint64_t)f->cfg.idle_seconds * 1000 + 1000);
    s = state_of(f);
    assert_string_equal(s.mode, "carousel");
    assert_string_equal(s.lang, "de");
    assert_false(s.large_text);
    assert_false(s.high_contrast);
}

static int setup_rotating(void **state)
{
    int rc = open_kiosk(state, "");
    struct fixture *f = *state;
    f->cfg.rotate_languages = true;
    return rc;
}

static void languages_rotate_from_round_to_round(void **state)
{
    struct fixture *f = *state;
    assert_string_equal(state_of(f).lang, "de");
    /* the last page of the round, then one more step: English */
    size_t n = state_of(f).count;
    for (size_t i = 0; i + 1 < n; i++)
        key(f, SDLK_RIGHT, 0);
    assert_int_equal(state_of(f).position, n - 1);
    pass(f, 200000); /* the carousel moves on by itself */
    struct lf_kiosk_state s = state_of(f);
    assert_string_equal(s.lang, "en");
    assert_string_equal(s.mode, "carousel");
    /* the carousel's own language is not a visitor's choice: idle keeps it */
    pass(f, (uint64_t)f->cfg.idle_seconds * 1000 + 1000);
    assert_string_equal(state_of(f).lang, "en");
}

static void tap_on_a_slide_holds_it(void **state)
{
    struct fixture *f = *state;
    /* go to an event page: the footer "next" button until one shows */
    for (int i = 0; i < 20 && !state_of(f).item_id; i++)
        tap_target(f, LF_ACT_NEXT, 0);
    struct lf_kiosk_state s = state_of(f);
    assert_non_null(s.item_id);
    const char *id = s.item_id;
    tap(f, s.width / 2, s.height / 2);
    s = state_of(f);
    assert_string_equal(s.mode, "detail");
    assert_string_equal(s.item_id, id);
    key(f, SDLK_HOME, 0);
    assert_string_equal(state_of(f).mode, "carousel");
}

static void swipes_keys_and_buttons_step(void **state)
{
    struct fixture *f = *state;
    size_t n = state_of(f).count, p = state_of(f).position;
    int w = state_of(f).width;
    swipe(f, w * 8 / 10, w * 2 / 10); /* finger moves left: next */
    assert_int_equal(state_of(f).position, (p + 1) % n);
    swipe(f, w * 2 / 10, w * 8 / 10); /* right: previous */
    assert_int_equal(state_of(f).position, p);
    key(f, SDLK_RIGHT, 0);
    assert_int_equal(state_of(f).position, (p + 1) % n);
    key(f, SDLK_LEFT, 0);
    assert_int_equal(state_of(f).position, p);
    tap_target(f, LF_ACT_PREV, 0);
    assert_int_equal(state_of(f).position, (p + n - 1) % n);
    /* a slow drag is someone reading with a finger, not a swipe */
    p = state_of(f).position;
    int y = state_of(f).height / 2;
    mouse(f, SDL_MOUSEBUTTONDOWN, w * 8 / 10, y);
    f->clock.ms += 3000;
    mouse(f, SDL_MOUSEMOTION, w * 2 / 10, y);
    mouse(f, SDL_MOUSEBUTTONUP, w * 2 / 10, y);
    pass(f, 700);
    assert_int_equal(state_of(f).position, p);
}

static void only_the_admin_combination_quits(void **state)
{
    struct fixture *f = *state;
    key(f, SDLK_ESCAPE, 0);
    key(f, SDLK_F4, KMOD_LALT);
    key(f, SDLK_q, KMOD_LCTRL);
    assert_false(lf_kiosk_quitting(f->k));
    key(f, SDLK_q, KMOD_LCTRL | KMOD_LALT | KMOD_LSHIFT);
    assert_true(lf_kiosk_quitting(f->k));
}

static void arabic_mirrors_directions(void **state)
{
    struct fixture *f = *state;
    assert_string_equal(state_of(f).lang, "ar");
    size_t n = state_of(f).count, p = state_of(f).position;
    int w = state_of(f).width;
    /* right-to-left: the next page comes with a swipe to the right */
    swipe(f, w * 2 / 10, w * 8 / 10);
    assert_int_equal(state_of(f).position, (p + 1) % n);
    key(f, SDLK_LEFT, 0); /* the left arrow points forward */
    assert_int_equal(state_of(f).position, (p + 2) % n);
    /* the footer is mirrored: the arrows start at the right edge, and
     * "next" stands left of "previous" */
    int nx, px, y;
    assert_true(lf_kiosk_find_target(f->k, LF_ACT_NEXT, 0, &nx, &y));
    assert_true(lf_kiosk_find_target(f->k, LF_ACT_PREV, 0, &px, &y));
    assert_true(nx < px);
    assert_true(px > w / 2);
}

int main(void)
{
    const struct CMUnitTest german[] = {
        cmocka_unit_test_setup_teardown(carousel_advances_by_itself, setup_de, teardown),
        cmocka_unit_test_setup_teardown(visitor_browses_and_idle_returns, setup_de, teardown),
        cmocka_unit_test_setup_teardown(tap_on_a_slide_holds_it, setup_de, teardown),
        cmocka_unit_test_setup_teardown(long_lists_page, setup_de, teardown),
        cmocka_unit_test_setup_teardown(visitor_settings_last_until_idle, setup_de, teardown),
        cmocka_unit_test_setup_teardown(swipes_keys_and_buttons_step, setup_de, teardown),
        cmocka_unit_test_setup_teardown(only_the_admin_combination_quits, setup_de, teardown),
        cmocka_unit_test_setup_teardown(arabic_mirrors_directions, setup_ar, teardown),
        cmocka_unit_test_setup_teardown(languages_rotate_from_round_to_round, setup_rotating,
                                        teardown),
    };
    return cmocka_run_group_tests(german, NULL, NULL);
}
