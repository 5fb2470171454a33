/* Settings for tests and benchmarks only: environment variables
 * (LITFASS_TEST_*, LITFASS_BENCH_*) that shorten a wait or an interval, so
 * that a test sees within seconds what takes minutes or hours on a kiosk. Unset in every real use; a value that
 * is not a whole number in range counts as unset. Any thread; no state. */
#ifndef LF_CORE_TEST_SETTING_H
#define LF_CORE_TEST_SETTING_H

/* The whole number in environment variable `name` when it is one from 1 to
 * below - 1; otherwise (unset, empty, not a number, out of range) 0. Read
 * at each call. */
long lf_test_setting(const char *name, long below);

#endif
