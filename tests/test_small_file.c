/* Reading a small file whole (core/small_file.h): a regular file of at
 * most max bytes is read with a NUL after it; a missing file, a folder, a
 * FIFO (at once, never waiting for a writer) and a file over max are each
 * told apart, so that the config, key and manifest readers can say which. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/small_file.h"
#include "support/test_root.h"

static void reads_a_regular_file_whole(void **state)
{
    (void)state;
    char *dir = test_dir_made("whole");
    char path[512];
    snprintf(path, sizeof(path), "%s/five", dir);
    test_write_text(path, "fünf");
    char *text = NULL;
    size_t len = 0;
    struct stat st;
    /* exactly max bytes is allowed, one less is too large */
    assert_int_equal(lf_read_small_file(path, 5, &text, &len, &st), LF_SMALL_FILE_OK);
    assert_int_equal(len, 5);
    assert_string_equal(text, "fünf");
    assert_int_equal(st.st_size, 5);
    free(text);
    text = NULL;
    assert_int_equal(lf_read_small_file(path, 4, &text, &len, &st), LF_SMALL_FILE_TOO_LARGE);
    assert_null(text);
    assert_int_equal(st.st_size, 5);
    /* an empty file is a file */
    snprintf(path, sizeof(path), "%s/empty", dir);
    test_write_text(path, "");
    assert_int_equal(lf_read_small_file(path, 5, &text, &len, &st), LF_SMALL_FILE_OK);
    assert_int_equal(len, 0);
    assert_string_equal(text, "");
    free(text);
    free(dir);
}

static void refuses_what_is_not_a_small_regular_file(void **state)
{
    (void)state;
    char *dir = test_dir_made("not");
    char path[512];
    char *text = NULL;
    size_t len = 0;
    struct stat st;
    snprintf(path, sizeof(path), "%s/missing", dir);
    assert_int_equal(lf_read_small_file(path, 100, &text, &len, &st), LF_SMALL_FILE_CANNOT_OPEN);
    assert_int_equal(errno, ENOENT);
    assert_int_equal(lf_read_small_file(dir, 100, &text, &len, &st), LF_SMALL_FILE_NOT_REGULAR);
    assert_true(S_ISDIR(st.st_mode));
    /* a FIFO nobody writes to: refused at once (open() without O_NONBLOCK
     * would wait for a writer, and this test would hang) */
    snprintf(path, sizeof(path), "%s/fifo", dir);
    assert_int_equal(mkfifo(path, 0600), 0);
    assert_int_equal(lf_read_small_file(path, 100, &text, &len, &st), LF_SMALL_FILE_NOT_REGULAR);
    assert_true(S_ISFIFO(st.st_mode));
    assert_null(text);
    free(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(reads_a_regular_file_whole),
        cmocka_unit_test(refuses_what_is_not_a_small_regular_file),
    };
    return cmocka_run_group_tests(tests, test_root_setup, test_root_teardown);
}
