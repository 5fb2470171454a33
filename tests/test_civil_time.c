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
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
