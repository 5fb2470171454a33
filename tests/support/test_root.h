/* A temporary folder for the files of one cmocka test program: made by
 * the group setup (which also loads the time zone data: lf_civil_time_init),
 * removed with everything in it by the group teardown:
 *     cmocka_run_group_tests(tests, test_root_setup, test_root_teardown);
 * Main thread only. */
#ifndef LF_TEST_TEST_ROOT_H
#define LF_TEST_TEST_ROOT_H

#include <stddef.h>

/* The folder, "/tmp/litfass-test-XXXXXX" until the setup made it. */
extern char test_root[];

int test_root_setup(void **state);
int test_root_teardown(void **state);

/* root/name, emptied (a folder of an earlier test there is removed) and
 * not made; the caller frees it. */
char *test_dir(const char *name);

/* test_dir, made (and its parents). */
char *test_dir_made(const char *name);

/* Writes `text` to path whole (the test fails when it cannot). */
void test_write_text(const char *path, const char *text);

/* The file's first 64 KiB as text (NUL-terminated; caller frees), its
 * length in *len when len is not NULL; NULL when it cannot be opened. */
char *test_read_text(const char *path, size_t *len);

#endif
