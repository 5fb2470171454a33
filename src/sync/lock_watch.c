/* The state folder's lock watched through inotify: see lock_watch.h. */
#include "sync/lock_watch.h"

#include <errno.h>
#include <poll.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/inotify.h>
#include <unistd.h>

#include "core/log.h"
#include "core/thread.h"
#include "core/xalloc.h"

/* what can take the lock file away: it deleted or moved away, another
 * moved over it, the folder itself deleted or moved */
#define WATCHED (IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR)

struct lf_lock_watch {
    char *dir, *name;
    lf_lock_wake wake;
    void *ctx;
    int inotify;           /* the kernel's queue of changes */
    int stop;              /* eventfd: written by lf_lock_watch_stop */
    atomic_int wd;         /* the folder's watch; -1: none (deleted, or refused) */
    struct lf_thread *thread;
};

/* Whether one event concerns the lock: the folder itself, its watch
 * ended, the queue overflowed, or the file by its name. */
static bool concerns_lock(const struct lf_lock_watch *w, const struct inotify_event *e)
{
    if (e->mask & (IN_Q_OVERFLOW | IN_IGNORED | IN_DELETE_SELF | IN_MOVE_SELF))
        return true;
    return e->len > 0 && strcmp(e->name, w->name) == 0;
}

static void *watch_thread(void *arg)
{
    struct lf_lock_watch *w = arg;
    /* aligned for struct inotify_event, room for a batch of them */
    char buf[4096] __attribute__((aligned(__alignof__(struct inotify_event))));
    for (;;) {
        struct pollfd p[2] = {{.fd = w->inotify, .events = POLLIN}, {.fd = w->stop, .events = POLLIN}};
        if (poll(p, 2, -1) < 0) {
            if (errno == EINTR)
                continue;
            lf_warn("state folder watch: %s: the kiosk looks by itself", strerror(errno));
            atomic_store(&w->wd, -1);
            break;
        }
        if (p[1].revents)
            break;
        ssize_t n = read(w->inotify, buf, sizeof(buf));
        if (n <= 0)
            continue;
        bool wake = false;
        for (char *at = buf; at < buf + n;) {
            const struct inotify_event *e = (const struct inotify_event *)at;
            if ((e->mask & IN_IGNORED) && e->wd == atomic_load(&w->wd))
                atomic_store(&w->wd, -1); /* the folder is gone: rearmed when made again */
            wake = wake || concerns_lock(w, e);
            at += sizeof(*e) + e->len;
        }
        if (wake)
            w->wake(w->ctx);
    }
    return NULL;
}

struct lf_lock_watch *lf_lock_watch_start(const char *dir, const char *name, lf_lock_wake wake,
                                          void *ctx)
{
    struct lf_lock_watch *w = lf_xcalloc(1, sizeof(*w));
    w->dir = lf_xstrdup(dir);
    w->name = lf_xstrdup(name);
    w->wake = wake;
    w->ctx = ctx;
    w->stop = -1;
    atomic_init(&w->wd, -1);
    w->inotify = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (w->inotify < 0) {
        lf_warn("state folder watch: no inotify (%s): the kiosk looks at %s/%s every few "
                "seconds instead", strerror(errno), dir, name);
        goto fail;
    }
    w->stop = eventfd(0, EFD_CLOEXEC);
    if (w->stop < 0) {
        lf_warn("state folder watch: no eventfd (%s): the kiosk looks by itself", strerror(errno));
        goto fail;
    }
    if (!lf_lock_watch_rearm(w))
        goto fail;
    w->thread = lf_thread_create();
    char err[128];
    if (!lf_thread_start(w->thread, watch_thread, w, err, sizeof(err))) {
        lf_warn("state folder watch: %s: the kiosk looks by itself", err);
        goto fail;
    }
    return w;
fail:
    lf_lock_watch_stop(w);
    return NULL;
}

bool lf_lock_watch_rearm(struct lf_lock_watch *w)
{
    if (!w)
        return false;
    int wd = inotify_add_watch(w->inotify, w->dir, WATCHED);
    if (wd < 0) {
        lf_warn("state folder watch: %s: %s (the kiosk looks at it every few seconds instead)",
                w->dir, strerror(errno));
        atomic_store(&w->wd, -1);
        return false;
    }
    atomic_store(&w->wd, wd);
    return true;
}

bool lf_lock_watch_active(struct lf_lock_watch *w)
{
    return w && atomic_load(&w->wd) >= 0;
}

void lf_lock_watch_stop(struct lf_lock_watch *w)
{
    if (!w)
        return;
    if (w->thread) {
        uint64_t one = 1;
        if (write(w->stop, &one, sizeof(one)) != (ssize_t)sizeof(one))
            lf_warn("state folder watch: cannot end its thread: %s", strerror(errno));
        lf_thread_destroy(w->thread); /* joins */
    }
    if (w->inotify >= 0)
        close(w->inotify);
    if (w->stop >= 0)
        close(w->stop);
    free(w->dir);
    free(w->name);
    free(w);
}
