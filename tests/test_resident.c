/* Giving back clean file pages (core/resident.h): a read-only file
 * mapping leaves the RSS and reads the same bytes after; a page written in
 * a private mapping (copied on write, also after it is made read-only, as
 * the loader does for relocated data) and anonymous memory keep what was
 * written. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "core/resident.h"

enum { PAGES = 16 };

/* The Rss of the mapping that starts at `at`, in kB; -1 when none does. */
static long rss_of(const void *at)
{
    FILE *f = fopen("/proc/self/smaps", "r");
    assert_non_null(f);
    char line[4096];
    bool in = false;
    long rss = -1;
    while (fgets(line, sizeof(line), f)) {
        unsigned long start, end;
        char perms[8];
        if (sscanf(line, "%lx-%lx %7s", &start, &end, perms) == 3)
            in = start == (unsigned long)at;
        else if (in && strncmp(line, "Rss:", 4) == 0) {
            rss = strtol(line + 4, NULL, 10);
            break;
        }
    }
    fclose(f);
    return rss;
}

static int temp_file(size_t len)
{
    /* in the working folder (the build's): tmpfs pages always count as dirty */
    char path[] = "litfass-resident-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    unlink(path);
    unsigned char *buf = malloc(len);
    assert_non_null(buf);
    for (size_t i = 0; i < len; i++)
        buf[i] = (unsigned char)(i * 7 + i / 4096);
    assert_int_equal(write(fd, buf, len), (ssize_t)len);
    free(buf);
    assert_int_equal(fsync(fd), 0); /* written back: clean pages, as a library's */
    return fd;
}

static void read_only_pages_leave_and_read_the_same(void **state)
{
    (void)state;
    size_t page = (size_t)sysconf(_SC_PAGESIZE), len = PAGES * page;
    int fd = temp_file(len);
    const unsigned char *m = mmap(NULL, len, PROT_READ, MAP_PRIVATE, fd, 0);
    assert_true(m != MAP_FAILED);
    for (size_t i = 0; i < len; i += page)
        (void)*(const volatile unsigned char *)&m[i];
    assert_int_equal(rss_of(m), (long)(len / 1024));
    assert_true(lf_resident_drop_clean() >= len / 1024);
    assert_int_equal(rss_of(m), 0);
    for (size_t i = 0; i < len; i++)
        if (m[i] != (unsigned char)(i * 7 + i / 4096))
            fail_msg("byte %zu reads %u after the pages were given back", i, m[i]);
    assert_int_equal(rss_of(m), (long)(len / 1024));
    munmap((void *)m, len);
    close(fd);
}

static void written_pages_stay(void **state)
{
    (void)state;
    size_t page = (size_t)sysconf(_SC_PAGESIZE), len = PAGES * page;
    int fd = temp_file(len);
    /* writable private mapping, one page written */
    unsigned char *w = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
    assert_true(w != MAP_FAILED);
    for (size_t i = 0; i < len; i += page)
        (void)*(volatile unsigned char *)&w[i];
    w[3 * page + 5] = 0xAB;
    /* written, then made read-only (RELRO) */
    unsigned char *r = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
    assert_true(r != MAP_FAILED);
    r[page + 1] = 0xCD;
    assert_int_equal(mprotect(r, len, PROT_READ), 0);
    /* anonymous memory */
    unsigned char *a = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    assert_true(a != MAP_FAILED);
    memset(a, 0x5A, len);
    long w_rss = rss_of(w), r_rss = rss_of(r);

    (void)lf_resident_drop_clean();
    assert_int_equal(w[3 * page + 5], 0xAB);
    assert_int_equal(r[page + 1], 0xCD);
    for (size_t i = 0; i < len; i++)
        if (a[i] != 0x5A)
            fail_msg("anonymous byte %zu reads %u after the clean pages were given back", i, a[i]);
    assert_int_equal(rss_of(w), w_rss);
    assert_int_equal(rss_of(r), r_rss);
    munmap(w, len);
    munmap(r, len);
    munmap(a, len);
    close(fd);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(read_only_pages_leave_and_read_the_same),
        cmocka_unit_test(written_pages_stay),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
