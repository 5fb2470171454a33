/* Civil time: ISO 8601 parsing and Europe/Berlin wall-clock time across DST. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "core/civil_time.h"

static int setup(void **state)
{
    (void)state;
    return lf_civil_time_init() ? 0 : -1;
}

static void parses_offsets_and_local_time(void **state)
{
    (void)state;
    time_t t;
    assert_true(lf_parse_datetime("2027-03-21T18:00:00+01:00", &t));
    assert_int_equal(t, 1805648400);
    assert_true(lf_parse_datetime("2027-03-21T17:00Z", &t));
    assert_int_equal(t, 1805648400);
    /* no suffix: Berlin wall-clock time (CET in March before the change) */
    assert_true(lf_parse_datetime("2027-03-21T18:00", &t));
    assert_int_equal(t, 1805648400);
    /* summer time: +02:00 */
    assert_true(lf_parse_datetime("2027-07-01 12:00", &t));
    assert_int_equal(t, 1814436000);
}

static void rejects_bad_date_times(void **state)
{
    (void)state;
    static const char *const bad[] = {
        "", "2027-02-29T10:00", "2027-13-01T10:00", "2027-01-01", "2027-01-01T25:00",
        "2027-01-01T10:00+1", "2027-01-01T10:00X", "21.03.2027 18:00", "2027-1-1T10:00",
    };
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        time_t t;
        assert_false(lf_parse_datetime(bad[i], &t));
    }
}

static void hhmm(void **state)
{
    (void)state;
    int m;
    assert_true(lf_parse_hhmm("09:30", &m));
    assert_int_equal(m, 570);
    assert_true(lf_parse_hhmm("24:00", &m));
    assert_int_equal(m, 1440);
    assert_false(lf_parse_hhmm("24:01", &m));
    assert_false(lf_parse_hhmm("9:30", &m));
}

/* Day numbers (days since 1970-01-01) and back, which the schedule, the
 * power schedule and the date parser share: known days, leap days, and
 * every day of 1900-2100 there and back. */
static void day_numbers(void **state)
{
    (void)state;
    static const struct {
        int y, m, d;
        long days;
    } known[] = {
        {1970, 1, 1, 0},       {1969, 12, 31, -1},   {2000, 2, 29, 11016},
        {2000, 3, 1, 11017},   {2026, 11, 23, 20780}, {2100, 3, 1, 47541},
        {1900, 2, 28, -25509},
    };
    for (size_t i = 0; i < sizeof(known) / sizeof(known[0]); i++) {
        assert_int_equal(lf_days_from_civil(known[i].y, known[i].m, known[i].d), known[i].days);
        int y, m, d;
        lf_civil_from_days(known[i].days, &y, &m, &d);
        assert_true(y == known[i].y && m == known[i].m && d == known[i].d);
    }
    long day = lf_days_from_civil(1900, 1, 1);
    for (int y = 1900; y <= 2100; y++)
        for (int m = 1; m <= 12; m++)
            for (int d = 1; d <= lf_days_in_month(y, m); d++, day++) {
                assert_int_equal(lf_days_from_civil(y, m, d), day);
                int yy, mm, dd;
                lf_civil_from_days(day, &yy, &mm, &dd);
                assert_true(yy == y && mm == m && dd == d);
            }
    assert_true(lf_is_leap_year(2000) && lf_is_leap_year(2028));
    assert_false(lf_is_leap_year(1900) || lf_is_leap_year(2100) || lf_is_leap_year(2027));
    assert_int_equal(lf_days_in_month(2028, 2), 29);
    assert_int_equal(lf_days_in_month(2100, 2), 28);
    assert_int_equal(lf_days_in_month(2027, 4), 30);
}

static void local_make_across_dst(void **state)
{
    (void)state;
    /* 2027-03-28 02:30 does not exist in Berlin: taken as 03:30 CEST */
    time_t gap = lf_local_make(2027, 3, 28, 2, 30);
    struct tm tm;
    lf_local_time(gap, &tm);
    assert_int_equal(tm.tm_hour, 3);
    assert_int_equal(tm.tm_min, 30);
    /* 2027-10-31 02:30 happens twice: the first one (CEST, 00:30Z) */
    time_t twice = lf_local_make(2027, 10, 31, 2, 30);
    assert_int_equal(twice, 1824942600);
    /* noon either side of the change is 25 hours apart in autumn */
    assert_int_equal(lf_local_make(2027, 10, 31, 12, 0) - lf_local_make(2027, 10, 30, 12, 0),
                     25 * 3600);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(parses_offsets_and_local_time),
        cmocka_unit_test(rejects_bad_date_times),
        cmocka_unit_test(hhmm),
        cmocka_unit_test(local_make_across_dst),
        cmocka_unit_test(day_numbers),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
