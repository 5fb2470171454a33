/* Gesture recognition: pointer event sequences and the gestures they make.
 * Screen 1920x1080 unless a case says otherwise: tap slop 21 px (2% of
 * 1080), swipe at least 153 px (8% of 1920). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>

#include "input/gesture.h"

#define MAX_EVENTS 8
#define MAX_GESTURES 3

#define DOWN(x, y, t) {LF_POINTER_DOWN, x, y, t}
#define MOVE(x, y, t) {LF_POINTER_MOVE, x, y, t}
#define UP(x, y, t) {LF_POINTER_UP, x, y, t}
#define CANCEL(t) {LF_POINTER_CANCEL, 0, 0, t}

struct gesture_case {
    const char *name;
    int width, height;                       /* 0: 1920x1080 */
    struct lf_pointer_event events[MAX_EVENTS];
    size_t n_events;
    struct lf_gesture want[MAX_GESTURES];    /* in order */
    size_t n_want;
};

#define EVENTS(...)                                                                     \
    .events = {__VA_ARGS__},                                                            \
    .n_events = sizeof((struct lf_pointer_event[]){__VA_ARGS__}) / sizeof(struct lf_pointer_event)
#define WANT(...)                                                                       \
    .want = {__VA_ARGS__},                                                              \
    .n_want = sizeof((struct lf_gesture[]){__VA_ARGS__}) / sizeof(struct lf_gesture)

static const struct gesture_case cases[] = {
    {.name = "tap", EVENTS(DOWN(500, 400, 1000), UP(500, 400, 1080)),
     WANT({LF_GESTURE_TAP, 500, 400})},
    {.name = "tap with small jitter reports where it went down",
     EVENTS(DOWN(500, 400, 1000), MOVE(510, 395, 1020), MOVE(492, 410, 1040),
            UP(515, 412, 1100)),
     WANT({LF_GESTURE_TAP, 500, 400})},
    {.name = "jitter beyond the slop and back is no tap",
     EVENTS(DOWN(500, 400, 1000), MOVE(530, 400, 1030), MOVE(500, 400, 1060),
            UP(500, 400, 1100))},
    {.name = "press held too long is no tap",
     EVENTS(DOWN(500, 400, 1000), UP(500, 400, 1000 + LF_TAP_MAX_MS + 1))},
    {.name = "press held just long enough is a tap",
     EVENTS(DOWN(500, 400, 1000), UP(500, 400, 1000 + LF_TAP_MAX_MS)),
     WANT({LF_GESTURE_TAP, 500, 400})},
    {.name = "swipe left",
     EVENTS(DOWN(1200, 500, 0), MOVE(1100, 505, 60), MOVE(900, 510, 120), UP(800, 520, 200)),
     WANT({LF_GESTURE_SWIPE_LEFT, 800, 520})},
    {.name = "swipe right",
     EVENTS(DOWN(300, 500, 0), MOVE(400, 490, 80), UP(700, 470, 250)),
     WANT({LF_GESTURE_SWIPE_RIGHT, 700, 470})},
    {.name = "swipe right just long enough",
     EVENTS(DOWN(300, 500, 0), UP(453, 500, 100)),
     WANT({LF_GESTURE_SWIPE_RIGHT, 453, 500})},
    {.name = "too short for a swipe", EVENTS(DOWN(300, 500, 0), UP(452, 500, 100))},
    {.name = "slow drag is not a swipe",
     EVENTS(DOWN(1200, 500, 0), MOVE(1100, 500, 500), MOVE(900, 500, 900),
            UP(600, 500, LF_SWIPE_MAX_MS + 1))},
    {.name = "vertical swipe is ignored",
     EVENTS(DOWN(900, 200, 0), MOVE(910, 400, 80), UP(920, 800, 200))},
    {.name = "diagonal swipe steeper than the limit is ignored",
     EVENTS(DOWN(500, 200, 0), UP(800, 351, 200))},
    {.name = "diagonal swipe within the limit counts",
     EVENTS(DOWN(500, 200, 0), UP(800, 350, 200)),
     WANT({LF_GESTURE_SWIPE_RIGHT, 800, 350})},
    {.name = "cancel ends the gesture",
     EVENTS(DOWN(500, 400, 0), CANCEL(50), UP(500, 400, 80))},
    {.name = "cancel during a swipe",
     EVENTS(DOWN(1200, 500, 0), MOVE(900, 500, 100), CANCEL(120), UP(700, 500, 150))},
    {.name = "two taps",
     EVENTS(DOWN(100, 100, 0), UP(101, 99, 90), DOWN(1800, 1000, 400), UP(1800, 1000, 480)),
     WANT({LF_GESTURE_TAP, 100, 100}, {LF_GESTURE_TAP, 1800, 1000})},
    {.name = "tap then swipe",
     EVENTS(DOWN(100, 100, 0), UP(100, 100, 90), DOWN(1000, 500, 400), UP(600, 500, 600)),
     WANT({LF_GESTURE_TAP, 100, 100}, {LF_GESTURE_SWIPE_LEFT, 600, 500})},
    {.name = "up and move without down are ignored",
     EVENTS(MOVE(100, 100, 0), UP(100, 100, 10), UP(900, 100, 20))},
    {.name = "a second down starts over",
     EVENTS(DOWN(1500, 500, 0), DOWN(400, 300, 50), UP(400, 300, 100)),
     WANT({LF_GESTURE_TAP, 400, 300})},
    {.name = "clock going backwards still taps",
     EVENTS(DOWN(500, 400, 1000), UP(500, 400, 900)),
     WANT({LF_GESTURE_TAP, 500, 400})},
    /* a small window: minimums in pixels apply (slop 8 px, swipe 60 px) */
    {.name = "small window: minimum swipe distance", .width = 320, .height = 480,
     EVENTS(DOWN(200, 200, 0), UP(140, 200, 100)),
     WANT({LF_GESTURE_SWIPE_LEFT, 140, 200})},
    {.name = "small window: below the minimum swipe", .width = 320, .height = 480,
     EVENTS(DOWN(200, 200, 0), UP(141, 200, 100))},
    {.name = "small window: minimum slop", .width = 320, .height = 480,
     EVENTS(DOWN(200, 200, 0), MOVE(209, 200, 20), UP(200, 200, 100))},
    /* portrait: slop 2% of 1080 = 21, swipe 8% of 1080 = 86 */
    {.name = "portrait: swipe measured on the width", .width = 1080, .height = 1920,
     EVENTS(DOWN(600, 900, 0), UP(514, 900, 150)),
     WANT({LF_GESTURE_SWIPE_LEFT, 514, 900})},
    {.name = "portrait: tap within slop", .width = 1080, .height = 1920,
     EVENTS(DOWN(600, 900, 0), MOVE(621, 879, 30), UP(600, 900, 150)),
     WANT({LF_GESTURE_TAP, 600, 900})},
};

static void sequences(void **state)
{
    (void)state;
    for (size_t c = 0; c < sizeof(cases) / sizeof(cases[0]); c++) {
        const struct gesture_case *tc = &cases[c];
        int w = tc->width ? tc->width : 1920;
        int h = tc->height ? tc->height : 1080;
        struct lf_gesture_recognizer *g = lf_gesture_create(w, h);
        struct lf_gesture got[MAX_EVENTS];
        size_t n_got = 0;
        for (size_t e = 0; e < tc->n_events; e++) {
            struct lf_gesture out = {.kind = LF_GESTURE_TAP, .x = -1, .y = -1};
            bool made = lf_gesture_feed(g, &tc->events[e], &out);
            if (made) {
                assert_int_equal(tc->events[e].action, LF_POINTER_UP);
                got[n_got++] = out;
            } else if (out.kind != LF_GESTURE_NONE) {
                fail_msg("%s: event %zu: no gesture but kind %s", tc->name, e,
                         lf_gesture_kind_name(out.kind));
            }
        }
        if (n_got != tc->n_want)
            fail_msg("%s: %zu gestures, wanted %zu (first: %s)", tc->name, n_got, tc->n_want,
                     n_got ? lf_gesture_kind_name(got[0].kind) : "-");
        for (size_t i = 0; i < n_got; i++) {
            if (got[i].kind != tc->want[i].kind || got[i].x != tc->want[i].x ||
                got[i].y != tc->want[i].y)
                fail_msg("%s: gesture %zu is %s at %d,%d, wanted %s at %d,%d", tc->name, i,
                         lf_gesture_kind_name(got[i].kind), got[i].x, got[i].y,
                         lf_gesture_kind_name(tc->want[i].kind), tc->want[i].x, tc->want[i].y);
        }
        assert_false(lf_gesture_active(g));
        lf_gesture_destroy(g);
    }
}

static void active_while_down(void **state)
{
    (void)state;
    struct lf_gesture_recognizer *g = lf_gesture_create(1920, 1080);
    struct lf_gesture out;
    assert_false(lf_gesture_active(g));
    assert_false(lf_gesture_feed(g, &(struct lf_pointer_event)DOWN(10, 10, 0), &out));
    assert_true(lf_gesture_active(g));
    assert_false(lf_gesture_feed(g, &(struct lf_pointer_event)MOVE(400, 10, 50), &out));
    assert_true(lf_gesture_active(g));
    assert_true(lf_gesture_feed(g, &(struct lf_pointer_event)UP(400, 10, 100), &out));
    assert_int_equal(out.kind, LF_GESTURE_SWIPE_RIGHT);
    assert_false(lf_gesture_active(g));
    lf_gesture_destroy(g);
}

static void resize_changes_thresholds(void **state)
{
    (void)state;
    /* 100 px to the left: a swipe on a 1000 px wide screen (min 80 px),
     * not on a 1920 px one (min 153 px) */
    struct lf_gesture_recognizer *g = lf_gesture_create(1920, 1080);
    struct lf_gesture out;
    assert_false(lf_gesture_feed(g, &(struct lf_pointer_event)DOWN(500, 300, 0), &out));
    assert_false(lf_gesture_feed(g, &(struct lf_pointer_event)UP(400, 300, 100), &out));
    lf_gesture_set_screen(g, 1000, 800);
    assert_false(lf_gesture_feed(g, &(struct lf_pointer_event)DOWN(500, 300, 200), &out));
    assert_true(lf_gesture_feed(g, &(struct lf_pointer_event)UP(400, 300, 300), &out));
    assert_int_equal(out.kind, LF_GESTURE_SWIPE_LEFT);
    /* a resize ends a gesture in progress */
    assert_false(lf_gesture_feed(g, &(struct lf_pointer_event)DOWN(500, 300, 400), &out));
    lf_gesture_set_screen(g, 1920, 1080);
    assert_false(lf_gesture_active(g));
    assert_false(lf_gesture_feed(g, &(struct lf_pointer_event)UP(500, 300, 450), &out));
    lf_gesture_destroy(g);
}

static void degenerate_screen_size(void **state)
{
    (void)state;
    /* a zero or negative size falls back to the pixel minimums */
    struct lf_gesture_recognizer *g = lf_gesture_create(0, -5);
    struct lf_gesture out;
    assert_false(lf_gesture_feed(g, &(struct lf_pointer_event)DOWN(100, 100, 0), &out));
    assert_true(lf_gesture_feed(g, &(struct lf_pointer_event)UP(160, 100, 100), &out));
    assert_int_equal(out.kind, LF_GESTURE_SWIPE_RIGHT);
    lf_gesture_destroy(g);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(sequences),
        cmocka_unit_test(active_while_down),
        cmocka_unit_test(resize_changes_thresholds),
        cmocka_unit_test(degenerate_screen_size),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
