/* The power schedule ([power] on_hours, holidays, closed_dates): Easter
 * and the NRW holidays, turning off and on at the right second across a
 * weekend, DST weeks, holidays and midnight, and errors that say what is
 * wrong. Times are Europe/Berlin. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "core/civil_time.h"
#include "system/power_schedule.h"

static int setup(void **state)
{
    (void)state;
    return lf_civil_time_init() ? 0 : -1;
}

#define AT(y, mo, d, h, mi) lf_local_make(y, mo, d, h, mi)

static struct lf_power_schedule *make(const char *hours, enum lf_holidays hol, const char *closed)
{
    char err[LF_POWER_ERROR_BYTES] = "";
    struct lf_power_schedule *s = lf_power_schedule_create(hours, hol, closed, err, sizeof(err));
    if (!s)
        fail_msg("schedule '%s' / '%s' refused: %s", hours, closed, err);
    return s;
}

static void easter_sundays(void **state)
{
    (void)state;
    static const int cases[][3] = {{2024, 3, 31}, {2025, 4, 20}, {2026, 4, 5}, {2027, 3, 28},
                                   {2038, 4, 25}, {2285, 3, 22}, {2000, 4, 23}};
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        int m, d;
        lf_easter_sunday(cases[i][0], &m, &d);
        assert_int_equal(m, cases[i][1]);
        assert_int_equal(d, cases[i][2]);
    }
}

static void nrw_holidays(void **state)
{
    (void)state;
    static const int yes[][3] = {
        {2026, 1, 1},  {2026, 4, 3},  {2026, 4, 6},   {2026, 5, 1},   {2026, 5, 14},
        {2026, 5, 25}, {2026, 6, 4},  {2026, 10, 3},  {2026, 11, 1},  {2026, 12, 25},
        {2026, 12, 26}, {2027, 3, 26}, {2027, 3, 29}, {2027, 5, 6},   {2027, 5, 17},
        {2027, 5, 27},
    };
    static const int no[][3] = {
        {2026, 4, 5},  /* Easter Sunday: a Sunday, not a holiday by law */
        {2026, 4, 2},  {2026, 12, 24}, {2026, 12, 31}, {2026, 11, 11}, {2026, 10, 31},
        {2026, 8, 15}, /* Assumption: Bavaria and Saarland, not NRW */
        {2026, 1, 6},  /* Epiphany: not NRW */
    };
    for (size_t i = 0; i < sizeof(yes) / sizeof(yes[0]); i++)
        assert_true(lf_holiday_nrw(yes[i][0], yes[i][1], yes[i][2]));
    for (size_t i = 0; i < sizeof(no) / sizeof(no[0]); i++)
        assert_false(lf_holiday_nrw(no[i][0], no[i][1], no[i][2]));
}

struct step {
    time_t at;
    bool on;
    time_t change_at;
};

static void check_steps(const struct lf_power_schedule *s, const struct step *steps, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        time_t change;
        bool on = lf_power_on_at(s, steps[i].at, &change);
        if (on != steps[i].on || change != steps[i].change_at)
            fail_msg("step %zu: on %d change %lld, wanted on %d change %lld", i, on,
                     (long long)change, steps[i].on, (long long)steps[i].change_at);
    }
}

static void working_week(void **state)
{
    (void)state;
    struct lf_power_schedule *s = make("mo-fr 07:30-18:00; sa 09:00-13:00", LF_HOLIDAYS_NONE, "");
    const struct step steps[] = {
        /* Wednesday 2 December 2026 */
        {AT(2026, 12, 2, 10, 0), true, AT(2026, 12, 2, 18, 0)},
        {AT(2026, 12, 2, 18, 0) - 1, true, AT(2026, 12, 2, 18, 0)}, /* the last second on */
        {AT(2026, 12, 2, 18, 0), false, AT(2026, 12, 3, 7, 30)},     /* off at 18:00:00 */
        {AT(2026, 12, 3, 7, 30) - 1, false, AT(2026, 12, 3, 7, 30)},
        {AT(2026, 12, 3, 7, 30), true, AT(2026, 12, 3, 18, 0)},
        /* Friday evening: Saturday morning; Saturday noon: Monday */
        {AT(2026, 12, 4, 18, 30), false, AT(2026, 12, 5, 9, 0)},
        {AT(2026, 12, 5, 13, 0), false, AT(2026, 12, 7, 7, 30)},
        {AT(2026, 12, 6, 12, 0), false, AT(2026, 12, 7, 7, 30)},
    };
    check_steps(s, steps, sizeof(steps) / sizeof(steps[0]));
    lf_power_schedule_destroy(s);
}

static void dst_weeks(void **state)
{
    (void)state;
    struct lf_power_schedule *s = make("mo-su 07:30-18:00", LF_HOLIDAYS_NONE, "");
    /* spring: Sunday 29 March 2026 has 23 hours; autumn: 25 October 25 */
    const struct step steps[] = {
        {AT(2026, 3, 28, 20, 0), false, AT(2026, 3, 29, 7, 30)},
        {AT(2026, 3, 29, 7, 30), true, AT(2026, 3, 29, 18, 0)},
        {AT(2026, 10, 24, 20, 0), false, AT(2026, 10, 25, 7, 30)},
        {AT(2026, 10, 25, 7, 30), true, AT(2026, 10, 25, 18, 0)},
    };
    check_steps(s, steps, sizeof(steps) / sizeof(steps[0]));
    /* 07:30 stays 07:30 wall-clock: 23 and 25 hours between the openings */
    assert_int_equal(AT(2026, 3, 29, 7, 30) - AT(2026, 3, 28, 7, 30), 23 * 3600);
    assert_int_equal(AT(2026, 10, 25, 7, 30) - AT(2026, 10, 24, 7, 30), 25 * 3600);
    lf_power_schedule_destroy(s);
}

static void holidays_and_closed_dates(void **state)
{
    (void)state;
    struct lf_power_schedule *s =
        make("mo-fr 07:30-18:00; sa 09:00-13:00", LF_HOLIDAYS_NRW, "2026-12-24 2026-12-31..2027-01-02");
    const struct step steps[] = {
        /* Wed 23rd evening: 24th closed, 25th/26th holidays, 27th Sunday -> Monday 28th */
        {AT(2026, 12, 23, 18, 0), false, AT(2026, 12, 28, 7, 30)},
        {AT(2026, 12, 24, 10, 0), false, AT(2026, 12, 28, 7, 30)},
        /* Wed 30th: then closed to Saturday 2 January; Monday 4 January */
        {AT(2026, 12, 30, 17, 0), true, AT(2026, 12, 30, 18, 0)},
        {AT(2026, 12, 30, 18, 0), false, AT(2027, 1, 4, 7, 30)},
        /* Easter 2027: Maundy Thursday on, Good Friday and Easter Monday off */
        {AT(2027, 3, 25, 12, 0), true, AT(2027, 3, 25, 18, 0)},
        {AT(2027, 3, 25, 18, 0), false, AT(2027, 3, 27, 9, 0)},
        {AT(2027, 3, 27, 13, 0), false, AT(2027, 3, 30, 7, 30)},
    };
    check_steps(s, steps, sizeof(steps) / sizeof(steps[0]));
    lf_power_schedule_destroy(s);
}

static void midnight(void **state)
{
    (void)state;
    /* on around the clock, but not on a closed date: off at 00:00:00 */
    struct lf_power_schedule *s = make("mo-su 00:00-24:00", LF_HOLIDAYS_NONE, "2026-12-10");
    const struct step steps[] = {
        {AT(2026, 12, 9, 23, 59), true, AT(2026, 12, 10, 0, 0)},
        {AT(2026, 12, 10, 0, 0) - 1, true, AT(2026, 12, 10, 0, 0)},
        {AT(2026, 12, 10, 0, 0), false, AT(2026, 12, 11, 0, 0)},
    };
    check_steps(s, steps, sizeof(steps) / sizeof(steps[0]));
    lf_power_schedule_destroy(s);
    /* a range to 24:00 runs on into 00:00 the next day (sa-su wraps) */
    s = make("fr 20:00-24:00; sa-su 00:00-02:00", LF_HOLIDAYS_NONE, "");
    time_t change;
    assert_true(lf_power_on_at(s, AT(2026, 12, 4, 23, 0), &change));
    assert_int_equal(change, AT(2026, 12, 5, 2, 0));
    lf_power_schedule_destroy(s);
    /* empty: always on, never a change */
    s = make("", LF_HOLIDAYS_NONE, "");
    assert_true(lf_power_on_at(s, AT(2026, 12, 24, 3, 0), &change));
    assert_int_equal(change, -1);
    lf_power_schedule_destroy(s);
    /* always on, but NRW holidays off */
    s = make("", LF_HOLIDAYS_NRW, "");
    assert_true(lf_power_on_at(s, AT(2026, 12, 24, 3, 0), &change));
    assert_int_equal(change, AT(2026, 12, 25, 0, 0));
    assert_false(lf_power_on_at(s, AT(2026, 12, 25, 3, 0), &change));
    assert_int_equal(change, AT(2026, 12, 27, 0, 0));
    lf_power_schedule_destroy(s);
}

static void errors_say_what(void **state)
{
    (void)state;
    static const struct {
        const char *hours, *closed, *says;
    } bad[] = {
        {"mo-fx 07:00-08:00", "", "day name"},
        {"monday 07:00-08:00", "", "day name"},
        {"mo-fr 18:00-07:00", "", "not a time range"},
        {"mo-fr 7:30-18:00", "", "HH:MM-HH:MM"},
        {"mo-fr", "", "times HH:MM-HH:MM"},
        {"mo-fr 07:30-18:00 sa", "", "unexpected"},
        {"", "2026-13-01", "'2026-13-01': not a date"},
        {"", "2026-12-24..2026-12-01", "runs forward"},
        {"", "tomorrow", "not a date"},
    };
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        char err[LF_POWER_ERROR_BYTES] = "";
        struct lf_power_schedule *s =
            lf_power_schedule_create(bad[i].hours, LF_HOLIDAYS_NONE, bad[i].closed, err, sizeof(err));
        if (s || !strstr(err, bad[i].says))
            fail_msg("case %zu ('%s' / '%s'): got '%s', wanted '%s'", i, bad[i].hours,
                     bad[i].closed, err, bad[i].says);
    }
    assert_null(lf_power_check_on_hours("mo-fr 07:30-18:00; sa 09:00-13:00"));
    assert_non_null(lf_power_check_on_hours("mo-fr 07:30"));
    assert_null(lf_power_check_closed_dates("2026-12-24, 2026-12-31..2027-01-01"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(easter_sundays),
        cmocka_unit_test(nrw_holidays),
        cmocka_unit_test(working_week),
        cmocka_unit_test(dst_weeks),
        cmocka_unit_test(holidays_and_closed_dates),
        cmocka_unit_test(midnight),
        cmocka_unit_test(errors_say_what),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
