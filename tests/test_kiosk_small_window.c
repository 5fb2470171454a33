/* A window far below the size litfass is made for (a window manager
 * shrinking it to 1x1, a panel of 200x100): the kiosk lays its pages out
 * as if the shorter side were LF_MIN_LAYOUT_SIDE, keeping the window's
 * shape, and the renderer scales them down to the window. Before, a 1x1
 * window laid out 5,615 pages of a letter or two (5.5 s on the main
 * thread) and drew nothing readable. Growing again lays out at the
 * window's own size. */
#include "kiosk_driver.h"

#include "core/limits.h"

static SDL_Window *kiosk_window(void)
{
    for (Uint32 id = 1; id < 64; id++)
        if (SDL_GetWindowFromID(id))
            return SDL_GetWindowFromID(id);
    return NULL;
}

/* The window made w x h, as a window manager would, and the kiosk told. */
static void resize(struct fixture *f, int w, int h)
{
    SDL_Window *win = kiosk_window();
    assert_non_null(win);
    SDL_SetWindowSize(win, w, h);
    SDL_Event ev;
    memset(&ev, 0, sizeof(ev));
    ev.type = SDL_WINDOWEVENT;
    ev.window.event = SDL_WINDOWEVENT_SIZE_CHANGED;
    ev.window.windowID = SDL_GetWindowID(win);
    ev.window.data1 = w;
    ev.window.data2 = h;
    lf_kiosk_handle(f->k, &ev);
    pass(f, 100);
}

/* How many different colours the window's pixels show (up to 3). */
static int window_colours(void)
{
    SDL_Surface *s = SDL_GetWindowSurface(kiosk_window());
    assert_non_null(s);
    assert_int_equal(s->format->BytesPerPixel, 4);
    Uint32 seen[3];
    int n = 0;
    for (int y = 0; y < s->h && n < 3; y++) {
        const Uint32 *row = (const Uint32 *)((const Uint8 *)s->pixels + (size_t)y * s->pitch);
        for (int x = 0; x < s->w && n < 3; x++) {
            bool known = false;
            for (int i = 0; i < n; i++)
                known = known || seen[i] == row[x];
            if (!known)
                seen[n++] = row[x];
        }
    }
    return n;
}

static void a_tiny_window_is_laid_out_at_the_minimum_and_scaled(void **state)
{
    struct fixture *f = *state;
    static char at_min[65536], tiny[65536];
    /* the reference: a square window of the minimum size, laid out as is */
    resize(f, LF_MIN_LAYOUT_SIDE, LF_MIN_LAYOUT_SIDE);
    struct lf_kiosk_state s = state_of(f);
    assert_int_equal(s.width, LF_MIN_LAYOUT_SIDE);
    assert_int_equal(s.height, LF_MIN_LAYOUT_SIDE);
    size_t pages_at_min = s.count;
    assert_true(pages_at_min >= 10);
    lf_kiosk_screen_text(f->k, at_min, sizeof(at_min));

    /* 1x1: the same pages as at the minimum, not thousands */
    resize(f, 1, 1);
    s = state_of(f);
    assert_int_equal(s.width, LF_MIN_LAYOUT_SIDE);
    assert_int_equal(s.height, LF_MIN_LAYOUT_SIDE);
    assert_int_equal(s.count, pages_at_min);
    lf_kiosk_screen_text(f->k, tiny, sizeof(tiny));
    assert_string_equal(tiny, at_min);

    /* 200x100: the window's shape kept, its shorter side grown to the
     * minimum, and the window shows the page (not one colour) */
    resize(f, 200, 100);
    s = state_of(f);
    assert_int_equal(s.height, LF_MIN_LAYOUT_SIDE);
    assert_int_equal(s.width, 2 * LF_MIN_LAYOUT_SIDE);
    pass(f, 1000);
    assert_true(window_colours() >= 2);

    /* grown again: laid out at the window's own size, no scaling */
    resize(f, 1280, 720);
    s = state_of(f);
    assert_int_equal(s.width, 1280);
    assert_int_equal(s.height, 720);
    assert_true(s.count >= 10);
    pass(f, 1000);
    assert_true(window_colours() >= 2);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(a_tiny_window_is_laid_out_at_the_minimum_and_scaled,
                                        setup_de, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
