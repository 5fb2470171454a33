/* See test_root.h. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>

#include "core/civil_time.h"
#include "core/durable.h"
#include "core/xalloc.h"
#include "support/test_root.h"

#define TEST_READ_MAX 65536 /* test_read_text reads this much at the most */

char test_root[] = "/tmp/litfass-test-XXXXXX";

int test_root_setup(void **state)
{
    (void)state;
    return lf_civil_time_init() && mkdtemp(test_root) ? 0 : -1;
}

int test_root_teardown(void **state)
{
    (void)state;
    return lf_remove_tree(test_root) ? 0 : -1;
}

char *test_dir(const char *name)
{
    char *dir = lf_xasprintf("%s/%s", test_root, name);
    assert_true(lf_remove_tree(dir));
    return dir;
}

char *test_dir_made(const char *name)
{
    char *dir = test_dir(name);
    assert_true(lf_make_dirs(dir));
    return dir;
}

void test_write_text(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    assert_int_equal(fclose(f), 0);
}

char *test_read_text(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *buf = lf_xcalloc(1, TEST_READ_MAX);
    size_t n = fread(buf, 1, TEST_READ_MAX - 1, f);
    fclose(f);
    if (len)
        *len = n;
    return buf;
}
