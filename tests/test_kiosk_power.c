/* [power] in the running kiosk (headless, fake clock): drawing stops at
 * the second the schedule says off and starts again at the second it says
 * on; while off nothing is drawn and the loop sleeps until the next change;
 * a touch wakes the screen for wake_minutes. */
#include "kiosk_driver.h"
#include "system/power_schedule.h"

#define WAKE_MINUTES 2

static int setup_evening(void **state)
{
    /* Wednesday 2 December 2026, two seconds before closing time (the
     * driver's clock starts one second after `start`) */
    if (open_kiosk_on(state, "", NULL, "2026-12-02T17:59:58+01:00") != 0)
        return -1;
    struct fixture *f = *state;
    snprintf(f->cfg.power_on_hours, sizeof(f->cfg.power_on_hours), "mo-fr 07:30-18:00");
    f->cfg.power_holidays = LF_HOLIDAYS_NRW;
    f->cfg.power_wake_minutes = WAKE_MINUTES;
    f->cfg.power_dpms = true; /* offscreen: no X11, no DRM; nothing to switch */
    lf_kiosk_reload(f->k, &f->cfg);
    lf_kiosk_update(f->k);
    return 0;
}

static void off_and_on_at_the_right_second(void **state)
{
    struct fixture *f = *state;
    struct lf_kiosk_state s = state_of(f);
    assert_true(s.display_on); /* 17:59:59 */
    pass(f, 900);              /* 17:59:59.9 */
    assert_true(state_of(f).display_on);
    pass(f, 200); /* 18:00:00.1 */
    s = state_of(f);
    assert_false(s.display_on);
    unsigned long frames = s.frames;

    /* off: the loop sleeps until 07:30 tomorrow (13.5 h), nothing drawn */
    uint64_t now = f->clock.ms;
    uint64_t next = lf_kiosk_update(f->k);
    assert_true(next >= now + 13u * 3600000u + 1799000u);
    assert_true(next <= now + 13u * 3600000u + 1800000u);
    int wakeups = 0;
    uint64_t end = f->clock.ms + 3600000; /* an hour passes */
    while (f->clock.ms < end) {
        next = lf_kiosk_update(f->k);
        f->clock.ms = next < end ? next : end;
        wakeups++;
    }
    assert_true(wakeups <= 2);
    assert_int_equal(state_of(f).frames, frames);
    assert_false(state_of(f).display_on);

    /* Thursday 07:29:59.5 still off, 07:30:00 on and drawing */
    f->clock.ms += (uint64_t)(12 * 3600 + 1799) * 1000 + 400;
    lf_kiosk_update(f->k);
    assert_false(state_of(f).display_on);
    pass(f, 600);
    s = state_of(f);
    assert_true(s.display_on);
    assert_true(s.frames > frames);
    assert_string_equal(s.mode, "carousel");
}

static void a_touch_wakes_it(void **state)
{
    struct fixture *f = *state;
    pass(f, 2000); /* 18:00:01: off */
    assert_false(state_of(f).display_on);
    unsigned long frames = state_of(f).frames;
    pass(f, 3600000); /* 19:00 */
    tap(f, 640, 360);
    lf_kiosk_update(f->k);
    struct lf_kiosk_state s = state_of(f);
    assert_true(s.display_on);
    assert_true(s.frames > frames);
    /* the touch only woke the screen: the carousel is shown, not an item */
    assert_string_equal(s.mode, "carousel");
    /* it stays on for wake_minutes after the last touch ... */
    pass(f, WAKE_MINUTES * 60000 - 1000);
    assert_true(state_of(f).display_on);
    tap(f, 640, 360); /* a visitor still reading: another touch */
    pass(f, WAKE_MINUTES * 60000 - 1000);
    assert_true(state_of(f).display_on);
    /* ... then goes dark again */
    pass(f, 2000);
    assert_false(state_of(f).display_on);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(off_and_on_at_the_right_second, setup_evening, teardown),
        cmocka_unit_test_setup_teardown(a_touch_wakes_it, setup_evening, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
