/* Settings for tests and benchmarks only (core/test_setting.h): a whole
 * number from 1 to below - 1 in the variable is taken; anything else, unset
 * above all, is 0, so a kiosk keeps its real waits. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>

#include "core/test_setting.h"

#define NAME "LITFASS_TEST_SETTING_UNDER_TEST"

static long with(const char *value, long below)
{
    assert_int_equal(setenv(NAME, value, 1), 0);
    long v = lf_test_setting(NAME, below);
    unsetenv(NAME);
    return v;
}

static void a_whole_number_in_range_is_taken(void **state)
{
    (void)state;
    assert_int_equal(with("1500", 86400000L), 1500);
    assert_int_equal(with("1", 2), 1);
    assert_int_equal(with("29999", 30000), 29999);
}

static void anything_else_is_unset(void **state)
{
    (void)state;
    unsetenv(NAME);
    assert_int_equal(lf_test_setting(NAME, 30000), 0);
    assert_int_equal(with("", 30000), 0);
    assert_int_equal(with("0", 30000), 0);
    assert_int_equal(with("-5", 30000), 0);
    assert_int_equal(with("30000", 30000), 0); /* not below */
    assert_int_equal(with("12s", 30000), 0);
    assert_int_equal(with(" 12x", 30000), 0);
    assert_int_equal(with("99999999999999999999999", 30000), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_whole_number_in_range_is_taken),
        cmocka_unit_test(anything_else_is_unset),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
