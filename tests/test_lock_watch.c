/* The state folder's lock watched through inotify (src/sync/lock_watch.h):
 *   - the lock file deleted, moved away or replaced by another moved over
 *     it wakes the owner; another file of the folder changing does not;
 *   - the folder deleted wakes it and ends the watch (not active) until
 *     it is rearmed on the folder made again, which then wakes it again;
 *   - a folder that is not there gives no watch (the kiosk looks by itself).
 * Each wait is for the wake itself (a pipe the callback writes to), never
 * a measured time. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <fcntl.h>
#include <poll.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sync/lock_watch.h"

#define WAIT_MS 30000 /* a wake that never comes fails the test here, not in ctest's timeout */

struct wakes {
    int pipe[2];
    atomic_int n;
};

static void woken(void *ctx)
{
    struct wakes *w = ctx;
    atomic_fetch_add(&w->n, 1);
    char c = 'w';
    assert_int_equal(write(w->pipe[1], &c, 1), 1);
}

/* Waits for the next wake; false when none came within WAIT_MS. */
static bool next_wake(struct wakes *w)
{
    struct pollfd p = {.fd = w->pipe[0], .events = POLLIN};
    if (poll(&p, 1, WAIT_MS) != 1)
        return false;
    char c;
    return read(w->pipe[0], &c, 1) == 1;
}

/* Reads what wakes are already in the pipe. */
static void drain(struct wakes *w)
{
    struct pollfd p = {.fd = w->pipe[0], .events = POLLIN};
    char c;
    while (poll(&p, 1, 0) == 1 && read(w->pipe[0], &c, 1) == 1)
        ;
}

static void touch(const char *dir, const char *name)
{
    char path[512];
    snprintf(path, sizeof(path), "%s/%s", dir, name);
    int fd = open(path, O_CREAT | O_WRONLY | O_CLOEXEC, 0600);
    assert_true(fd >= 0);
    close(fd);
}

static void path_of(char *out, size_t size, const char *dir, const char *name)
{
    snprintf(out, size, "%s/%s", dir, name);
}

static void the_lock_file_going_wakes_the_owner(void **state)
{
    (void)state;
    char dir[] = "/tmp/litfass-lockwatch-XXXXXX";
    assert_non_null(mkdtemp(dir));
    touch(dir, "kiosk.lock");
    touch(dir, "status.json");
    struct wakes w = {.n = 0};
    assert_int_equal(pipe(w.pipe), 0);
    struct lf_lock_watch *lw = lf_lock_watch_start(dir, "kiosk.lock", woken, &w);
    assert_non_null(lw);
    assert_true(lf_lock_watch_active(lw));
    char a[600], b[600];

    /* another file of the folder replaced and deleted: before the lock's
     * deletion, so in its batch or in one before it, which woke nobody */
    touch(dir, "status.json.tmp");
    path_of(a, sizeof(a), dir, "status.json.tmp");
    path_of(b, sizeof(b), dir, "status.json");
    assert_int_equal(rename(a, b), 0);
    assert_int_equal(unlink(b), 0);
    path_of(a, sizeof(a), dir, "kiosk.lock");
    assert_int_equal(unlink(a), 0);
    assert_true(next_wake(&w));
    assert_int_equal(atomic_load(&w.n), 1);

    /* another file moved over the lock */
    touch(dir, "other");
    path_of(b, sizeof(b), dir, "other");
    assert_int_equal(rename(b, a), 0);
    assert_true(next_wake(&w));
    /* the lock moved away */
    path_of(b, sizeof(b), dir, "kiosk.lock.old");
    assert_int_equal(rename(a, b), 0);
    assert_true(next_wake(&w));
    assert_int_equal(unlink(b), 0);

    /* the folder deleted: woken, the watch ended */
    assert_int_equal(rmdir(dir), 0);
    assert_true(next_wake(&w));
    for (int i = 0; i < 1000 && lf_lock_watch_active(lw); i++)
        usleep(1000); /* the thread reads the watch's end in the same batch or right after */
    assert_false(lf_lock_watch_active(lw));
    drain(&w);
    /* made again and rearmed: watched again */
    assert_int_equal(mkdir(dir, 0700), 0);
    touch(dir, "kiosk.lock");
    assert_true(lf_lock_watch_rearm(lw));
    assert_true(lf_lock_watch_active(lw));
    assert_int_equal(unlink(a), 0);
    assert_true(next_wake(&w));

    lf_lock_watch_stop(lw);
    assert_int_equal(rmdir(dir), 0);
    close(w.pipe[0]);
    close(w.pipe[1]);
}

static void a_missing_folder_gives_no_watch(void **state)
{
    (void)state;
    struct wakes w = {.n = 0};
    assert_null(lf_lock_watch_start("/nonexistent/litfass-state", "kiosk.lock", woken, &w));
    assert_false(lf_lock_watch_active(NULL));
    lf_lock_watch_stop(NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_lock_file_going_wakes_the_owner),
        cmocka_unit_test(a_missing_folder_gives_no_watch),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
