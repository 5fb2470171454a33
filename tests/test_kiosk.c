/* The kiosk as a visitor uses it, headless (SDL offscreen driver) with a
 * fake clock: the carousel advances by itself, taps on the footer open a
 * category, a tap on an entry opens it, swipes and arrow keys go next and
 * previous (mirrored for Arabic), the idle timeout brings the carousel
 * back, Esc does not end it and the admin combination does. Back and A+
 * keep the visitor's choices and item, a swipe on an item goes to the next
 * item of its list and Back from there to the list page holding it, a tap
 * during a transition counts, footer buttons stay where they are. (Schedule deadlines: test_kiosk_schedule.c.) */
#include "kiosk_driver.h"

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
    f->cfg.transition_ms = 0; /* quick to the end of the round */
    for (size_t i = 0; i + 1 < n; i++)
        key(f, SDLK_RIGHT, 0);
    f->cfg.transition_ms = 500;
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
static void back_and_large_text_keep_the_visitors_choices(void **state)
{
    struct fixture *f = *state;
    /* on an item's page in the carousel, A+ keeps that item */
    skip_to(f, "wegweiser");
    tap_target(f, LF_ACT_LARGE_TEXT, 0);
    assert_true(state_of(f).large_text);
    assert_string_equal(state_of(f).mode, "carousel");
    assert_true(is_item(f, "wegweiser"));
    tap_target(f, LF_ACT_CONTRAST, 0);
    assert_true(is_item(f, "wegweiser"));
    tap_target(f, LF_ACT_LANGUAGE, 1);
    assert_true(is_item(f, "wegweiser"));
    assert_string_equal(state_of(f).lang, "en");
    /* a list, an item, back, back: the choices stay */
    tap_target(f, LF_ACT_CATEGORY, LF_CAT_CONTACTS);
    tap_target(f, LF_ACT_ITEM, 0);
    assert_string_equal(state_of(f).mode, "detail");
    tap_target(f, LF_ACT_HOME, 0);
    assert_string_equal(state_of(f).mode, "list");
    tap_target(f, LF_ACT_HOME, 0);
    struct lf_kiosk_state s = state_of(f);
    assert_string_equal(s.mode, "carousel");
    assert_string_equal(s.lang, "en");
    assert_true(s.large_text);
    assert_true(s.high_contrast);
    /* only the idle timeout gives the screen back its own */
    pass(f, (uint64_t)f->cfg.idle_seconds * 1000 + 1000);
    s = state_of(f);
    assert_string_equal(s.lang, "de");
    assert_false(s.large_text);
    assert_false(s.high_contrast);
}

static void swipe_on_a_detail_page_stays_in_its_list(void **state)
{
    struct fixture *f = *state;
    int w = state_of(f).width;
    tap_target(f, LF_ACT_CATEGORY, LF_CAT_OFFERS);
    tap_target(f, LF_ACT_ITEM, 0);
    assert_true(is_item(f, "wegweiser"));
    /* next: the next offer (after any further pages of this one) */
    for (int i = 0; i < 6 && is_item(f, "wegweiser"); i++)
        swipe(f, w * 8 / 10, w * 2 / 10);
    struct lf_kiosk_state s = state_of(f);
    assert_string_equal(s.mode, "detail");
    assert_true(is_item(f, "mo-beratung-recklinghausen"));
    /* previous: back to the first offer, not out of the list */
    swipe(f, w * 2 / 10, w * 8 / 10);
    if (state_of(f).page_continues && !is_item(f, "wegweiser"))
        swipe(f, w * 2 / 10, w * 8 / 10);
    assert_string_equal(state_of(f).mode, "detail");
    assert_true(is_item(f, "wegweiser"));
    /* and previous from the first offer: the last one of the list */
    swipe(f, w * 2 / 10, w * 8 / 10);
    assert_string_equal(state_of(f).mode, "detail");
    assert_true(is_item(f, "netzwerk-rassismuskritik-bielefeld"));
}

/* Back after swiping through items returns to the list page that holds
 * the item shown now, not the page the first one was opened from. */
static void back_returns_to_the_list_page_of_the_item_shown(void **state)
{
    struct fixture *f = *state;
    int w = state_of(f).width;
    tap_target(f, LF_ACT_CATEGORY, LF_CAT_EVENTS);
    assert_true(state_of(f).page_continues); /* the sample's events take two pages */
    tap_target(f, LF_ACT_NEXT, 0);
    size_t second = state_of(f).first_entry;
    assert_true(second > 0);
    /* an entry of the second page: its id */
    tap_target(f, LF_ACT_ITEM, (int)second);
    char id[64];
    snprintf(id, sizeof(id), "%s", state_of(f).item_id);
    tap_target(f, LF_ACT_HOME, 0);
    assert_string_equal(state_of(f).mode, "list");
    assert_int_equal(state_of(f).first_entry, second);
    tap_target(f, LF_ACT_PREV, 0);
    assert_int_equal(state_of(f).first_entry, 0);
    /* from the first page: the first entry, then swipe on to that one */
    tap_target(f, LF_ACT_ITEM, 0);
    for (int i = 0; i < 60 && !is_item(f, id); i++)
        swipe(f, w * 8 / 10, w * 2 / 10);
    assert_true(is_item(f, id));
    tap_target(f, LF_ACT_HOME, 0);
    struct lf_kiosk_state s = state_of(f);
    assert_string_equal(s.mode, "list");
    assert_int_equal(s.first_entry, second);
    int x, y;
    assert_true(lf_kiosk_find_target(f->k, LF_ACT_ITEM, (int)second, &x, &y));
    /* back on the first page, the first entry, and previous: round to the
     * list's last entry, which is on a later page */
    tap_target(f, LF_ACT_PREV, 0);
    tap_target(f, LF_ACT_ITEM, 0);
    swipe(f, w * 2 / 10, w * 8 / 10);
    assert_string_equal(state_of(f).mode, "detail");
    assert_false(is_item(f, "mo-austauschtreffen-2026-12"));
    tap_target(f, LF_ACT_HOME, 0);
    s = state_of(f);
    assert_string_equal(s.mode, "list");
    assert_true(s.first_entry >= second);
    assert_false(s.page_continues); /* the last page */
}

static void tap_during_a_transition_counts(void **state)
{
    struct fixture *f = *state;
    int x, y;
    /* from a page with nothing to tap where the list's entries will be */
    skip_to(f, "kontakt-kreis-re-mo");
    /* the list slides in; the visitor taps its first entry at once */
    assert_true(lf_kiosk_find_target(f->k, LF_ACT_CATEGORY, LF_CAT_OFFERS, &x, &y));
    mouse(f, SDL_MOUSEBUTTONDOWN, x, y);
    f->clock.ms += 60;
    mouse(f, SDL_MOUSEBUTTONUP, x, y);
    pass(f, 120);
    assert_true(state_of(f).animating);
    assert_true(lf_kiosk_find_target(f->k, LF_ACT_ITEM, 0, &x, &y));
    mouse(f, SDL_MOUSEBUTTONDOWN, x, y);
    f->clock.ms += 60;
    mouse(f, SDL_MOUSEBUTTONUP, x, y);
    pass(f, 700);
    assert_string_equal(state_of(f).mode, "detail");
    assert_true(is_item(f, "wegweiser"));
}

static void footer_buttons_stay_put(void **state)
{
    struct fixture *f = *state;
    int before[LF_CAT_COUNT][2], x, y;
    for (int c = 0; c < LF_CAT_COUNT; c++)
        assert_true(lf_kiosk_find_target(f->k, LF_ACT_CATEGORY, c, &before[c][0], &before[c][1]));
    tap_target(f, LF_ACT_CATEGORY, LF_CAT_EVENTS);
    assert_true(lf_kiosk_find_target(f->k, LF_ACT_HOME, 0, &x, &y));
    for (int c = 0; c < LF_CAT_COUNT; c++) {
        assert_true(lf_kiosk_find_target(f->k, LF_ACT_CATEGORY, c, &x, &y));
        assert_int_equal(x, before[c][0]);
        assert_int_equal(y, before[c][1]);
    }
}

/* A transition draws the incoming page once and then moves pictures: its
 * frames draw no page; the pictures are freed once the new page stands
 * still. On the software renderer (as here) the old page is taken from
 * the window, where it stands, not drawn again (render/window_slide.h). */
static void a_transition_moves_pages_drawn_once(void **state)
{
    struct fixture *f = *state;
    pass(f, 100); /* the first page is on screen */
    struct lf_kiosk_state a, b;
    lf_kiosk_describe(f->k, &a);
    assert_false(a.animating);
    SDL_Event ev;
    memset(&ev, 0, sizeof(ev));
    ev.type = SDL_KEYDOWN;
    ev.key.keysym.sym = SDLK_RIGHT;
    lf_kiosk_handle(f->k, &ev); /* the next page, sliding in */
    lf_kiosk_describe(f->k, &b);
    assert_true(b.animating);
    assert_int_equal(a.page_pictures, 0); /* a still page holds no picture of itself */
    assert_int_equal(b.page_pictures, 2);
    size_t draws = b.page_draws;
    assert_int_equal(draws, a.page_draws + 1); /* the incoming page only */
    for (int i = 0; i < 200 && b.animating; i++) {
        f->clock.ms += 16;
        lf_kiosk_update(f->k);
        lf_kiosk_describe(f->k, &b);
    }
    assert_false(b.animating);
    assert_true(b.frames >= a.frames + 20); /* 600 ms at 16 ms a frame */
    assert_int_equal(b.page_draws, draws);
    assert_int_equal(b.position, a.position + 1);
    assert_int_equal(b.page_pictures, 0); /* their memory back once it stands still */
}

/* Only the first page is laid out before the first frame (the rest
 * right after it): its footer shows no page count rather than a guessed
 * one, and the next frame the true count of every page. */
static void the_page_count_is_never_a_guess(void **state)
{
    struct fixture *f = *state;
    lf_kiosk_destroy(f->k);
    f->k = lf_kiosk_create(&f->cfg);
    assert_non_null(f->k);
    lf_kiosk_set_clock(f->k, &(struct lf_kiosk_clock){fake_ticks, fake_wall_ms, &f->clock});
    static char before[65536], after[65536];
    lf_kiosk_screen_text(f->k, before, sizeof(before));
    lf_kiosk_update(f->k); /* the first frame; then the other pages are laid out */
    lf_kiosk_update(f->k); /* the frame after it */
    lf_kiosk_screen_text(f->k, after, sizeof(after));
    struct lf_kiosk_state s = state_of(f);
    assert_true(s.count >= 10);
    char want[32];
    snprintf(want, sizeof(want), "\n1 / %zu\n", s.count);
    assert_true(strstr(before, "\n1 / ") == NULL || strstr(before, want) != NULL);
    assert_non_null(strstr(after, want));
}

int main(void)
{
    const struct CMUnitTest german[] = {
        cmocka_unit_test_setup_teardown(carousel_advances_by_itself, setup_de, teardown),
        cmocka_unit_test_setup_teardown(the_page_count_is_never_a_guess, setup_de, teardown),
        cmocka_unit_test_setup_teardown(visitor_browses_and_idle_returns, setup_de, teardown),
        cmocka_unit_test_setup_teardown(tap_on_a_slide_holds_it, setup_de, teardown),
        cmocka_unit_test_setup_teardown(long_lists_page, setup_de, teardown),
        cmocka_unit_test_setup_teardown(visitor_settings_last_until_idle, setup_de, teardown),
        cmocka_unit_test_setup_teardown(swipes_keys_and_buttons_step, setup_de, teardown),
        cmocka_unit_test_setup_teardown(only_the_admin_combination_quits, setup_de, teardown),
        cmocka_unit_test_setup_teardown(arabic_mirrors_directions, setup_ar, teardown),
        cmocka_unit_test_setup_teardown(a_transition_moves_pages_drawn_once, setup_de, teardown),
        cmocka_unit_test_setup_teardown(languages_rotate_from_round_to_round, setup_rotating,
                                        teardown),
        cmocka_unit_test_setup_teardown(back_and_large_text_keep_the_visitors_choices, setup_de,
                                        teardown),
        cmocka_unit_test_setup_teardown(swipe_on_a_detail_page_stays_in_its_list, setup_de,
                                        teardown),
        cmocka_unit_test_setup_teardown(back_returns_to_the_list_page_of_the_item_shown, setup_de,
                                        teardown),
        cmocka_unit_test_setup_teardown(tap_during_a_transition_counts, setup_de, teardown),
        cmocka_unit_test_setup_teardown(footer_buttons_stay_put, setup_de, teardown),
    };
    return cmocka_run_group_tests(german, NULL, NULL);
}
