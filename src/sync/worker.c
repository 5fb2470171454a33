/* The sync worker thread: see worker.h. It sleeps on a condition
 * variable with a CLOCK_MONOTONIC deadline, so a stop request wakes it at
 * once and a change of the wall clock does not. */
#define _GNU_SOURCE /* accept4, pipe2 */
#include "sync/worker.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <stdio.h>
#include <sys/socket.h>
#include <unistd.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>

#include "core/test_setting.h"
#include "core/thread.h"
#include "core/xalloc.h"
#include "sync/handover.h"
#include "sync/net_child.h"
#include "sync/sync.h"

/* 2^shift must not overflow the cap computation */
#define BACKOFF_MAX_SHIFT 20

struct lf_sync_worker {
    struct lf_sync_settings cfg;
    bool (*installed)(void *ctx, const char *bundle_dir);
    void *ctx;
    struct lf_thread *looker;  /* run(); its cancel flag is the worker's stop */
    struct lf_thread *control; /* control(), started by run() once it listens */
    pthread_mutex_t lock;
    pthread_cond_t wake;
    atomic_uint failures; /* failed looks in a row (kept here: status.json may be unwritable) */
    int claim_fd;      /* owner.lock, held while the worker lives; -1 until taken */
    int listen_fd;     /* sync.sock; -1 = none */
    bool socket_gone;  /* sync.sock's file there is not ours (the folder deleted and
                          another process took it): not removed at the stop */
    int stop_pipe[2];  /* wakes the control thread at stop */
    /* under lock: */
    bool unadopted;    /* an install reported, not yet on screen */
    bool refused;      /* ... and the kiosk refused it */
    char shown[PATH_MAX];       /* the folder the kiosk shows ("" = none: waiting page) */
    bool shown_changed;         /* status.json's on_screen to be written */
    int clients[LF_HANDOVER_CLIENTS]; /* manual runs waiting for a look */
    size_t n_clients;
    struct lf_clock_witness server_time; /* the newest (date 0: none yet) */
};

/* A uniformly random point of [0, max] for a 32-bit random value.
 * max stays below 2^32 (a day in ms is 2^27), so the product fits. */
static uint64_t scale(uint32_t random, uint64_t max)
{
    return ((uint64_t)random * (max + 1)) >> 32;
}

uint64_t lf_backoff_delay_ms(unsigned failures, long retry_after_s, uint32_t random)
{
    if (failures == 0)
        return 0;
    unsigned shift = failures - 1 > BACKOFF_MAX_SHIFT ? BACKOFF_MAX_SHIFT : failures - 1;
    uint64_t cap = (uint64_t)LF_BACKOFF_BASE_MS << shift;
    if (cap > LF_BACKOFF_CAP_MS)
        cap = LF_BACKOFF_CAP_MS;
    uint64_t delay = scale(random, cap);
    if (delay < LF_BACKOFF_MIN_MS)
        delay = LF_BACKOFF_MIN_MS;
    if (retry_after_s > 0) {
        uint64_t at_least = (uint64_t)(retry_after_s > LF_SYNC_MAX_RETRY_AFTER_S
                                           ? LF_SYNC_MAX_RETRY_AFTER_S
                                           : retry_after_s) * 1000u;
        if (delay < at_least)
            delay = at_least;
    }
    return delay;
}

/* Benchmark-only: LITFASS_BENCH_POLL_MS sets the wait between regular
 * looks below the config's 30 s minimum, so bench/soak.sh can install a
 * new bundle every few seconds. Unset or 0 in any real use. */
static uint64_t bench_poll_ms(void)
{
    static long ms = -1;
    if (ms < 0)
        ms = lf_test_setting("LITFASS_BENCH_POLL_MS", 86400000L);
    return (uint64_t)ms;
}

uint64_t lf_poll_delay_ms(int poll_seconds, uint32_t random)
{
    uint64_t poll = poll_seconds > 0 ? (uint64_t)poll_seconds * 1000u : 0;
    return poll - poll / 10 + scale(random, poll / 5);
}

static uint32_t random32(void)
{
    uint32_t r;
    if (getrandom(&r, sizeof(r), GRND_NONBLOCK) == (ssize_t)sizeof(r))
        return r;
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint32_t)ts.tv_nsec ^ (uint32_t)ts.tv_sec * 2654435761u;
}

/* Sleeps up to `ms`, until stopped or a manual run asks; true when stopped. */
static bool wait_or_stop(struct lf_sync_worker *w, uint64_t ms)
{
    struct timespec until;
    clock_gettime(CLOCK_MONOTONIC, &until);
    until.tv_sec += (time_t)(ms / 1000);
    until.tv_nsec += (long)(ms % 1000) * 1000000L;
    if (until.tv_nsec >= 1000000000L) {
        until.tv_sec++;
        until.tv_nsec -= 1000000000L;
    }
    pthread_mutex_lock(&w->lock);
    while (!lf_thread_cancelled(w->looker) && w->n_clients == 0) {
        int rc = pthread_cond_timedwait(&w->wake, &w->lock, &until);
        if (rc == ETIMEDOUT)
            break;
    }
    pthread_mutex_unlock(&w->lock);
    return lf_thread_cancelled(w->looker);
}


/* Test-only: LITFASS_TEST_CHECK_MS sets the interval of the full
 * self-check below LF_SYNC_CHECK_INTERVAL_S, so a test can damage files
 * under a running kiosk and see the repair. Unset or 0 in any real use. */
static uint64_t check_interval_ms(void)
{
    static long ms = -1;
    if (ms < 0)
        ms = lf_test_setting("LITFASS_TEST_CHECK_MS", 86400000L);
    return ms ? (uint64_t)ms : (uint64_t)LF_SYNC_CHECK_INTERVAL_S * 1000u;
}

static uint64_t mono_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000u + (uint64_t)ts.tv_nsec / 1000000u;
}

/* The control thread: accepts manual runs on sync.sock and hands them to
 * the worker's next look (which it starts at once). */
static void *control(void *arg)
{
    struct lf_sync_worker *w = arg;
    for (;;) {
        struct pollfd p[2] = {{.fd = w->listen_fd, .events = POLLIN},
                              {.fd = w->stop_pipe[0], .events = POLLIN}};
        if (poll(p, 2, -1) < 0) {
            if (errno == EINTR)
                continue;
            lf_error("sync: control socket: %s", strerror(errno));
            return NULL;
        }
        if (lf_thread_cancelled(w->looker))
            return NULL;
        if (p[1].revents) { /* not stopped: sync.sock was made again, listen there */
            char b;
            if (read(w->stop_pipe[0], &b, 1) != 1)
                return NULL;
            continue;
        }
        int fd = accept4(w->listen_fd, NULL, NULL, SOCK_CLOEXEC);
        if (fd < 0)
            continue;
        /* the request line, briefly: a client that says nothing is dropped */
        char line[LF_HANDOVER_REQUEST_BYTES] = "";
        size_t have = 0;
        while (have < sizeof(line) - 1 && !memchr(line, '\n', have)) {
            struct pollfd c = {.fd = fd, .events = POLLIN};
            ssize_t n = poll(&c, 1, 2000) == 1 ? read(fd, line + have, sizeof(line) - 1 - have)
                                               : -1;
            if (n <= 0)
                break;
            have += (size_t)n;
        }
        if (strncmp(line, "sync\n", 5) != 0) {
            close(fd);
            continue;
        }
        pthread_mutex_lock(&w->lock);
        if (w->n_clients < LF_HANDOVER_CLIENTS) {
            w->clients[w->n_clients++] = fd;
            fd = -1;
            pthread_cond_signal(&w->wake);
        }
        pthread_mutex_unlock(&w->lock);
        if (fd >= 0) {
            (void)lf_handover_reply(fd, "{\"result\": \"failed\", \"error\": \"the kiosk "
                                        "has enough manual runs waiting\"}");
            close(fd);
        }
        lf_info("sync: a manual run asks to look now");
    }
}

/* Waits until the kiosk has taken up (or refused) the bundle last
 * reported, or the worker is stopped; true when stopped. */
static bool wait_adopted(struct lf_sync_worker *w)
{
    pthread_mutex_lock(&w->lock);
    if (w->unadopted && !lf_thread_cancelled(w->looker))
        lf_debug("sync: waiting for the kiosk to show the new content before looking again");
    while (w->unadopted && !lf_thread_cancelled(w->looker))
        pthread_cond_wait(&w->wake, &w->lock);
    pthread_mutex_unlock(&w->lock);
    return lf_thread_cancelled(w->looker);
}

/* Listens on sync.sock (again: the first one's file was deleted with the
 * folder) and starts the control thread once. With the claim held. */
static void listen_again(struct lf_sync_worker *w)
{
    int fd = lf_handover_listen(w->cfg.cache_dir);
    if (fd < 0)
        return;
    w->socket_gone = false;
    if (lf_thread_started(w->control)) {
        /* the control thread polls listen_fd: the new socket takes its
         * number, and a byte (not a stop) makes it poll again */
        if (dup2(fd, w->listen_fd) < 0 || write(w->stop_pipe[1], "r", 1) != 1)
            lf_warn("sync: manual runs cannot hand over (%s)", strerror(errno));
        close(fd);
        return;
    }
    if (w->listen_fd >= 0)
        close(w->listen_fd);
    w->listen_fd = fd;
    if (w->stop_pipe[0] < 0 && pipe2(w->stop_pipe, O_CLOEXEC) != 0)
        return;
    char err[128];
    if (!lf_thread_start(w->control, control, w, err, sizeof(err)))
        lf_warn("sync: manual runs cannot hand over (%s)", err);
}

/* Takes the store's claim, waiting while another process (a manual run)
 * has it; true when stopped first. A cache folder that cannot be used at
 * all (not writable, say) is not waited for: the looks go on without the
 * claim, fail with the reason in status.json and back off, and the claim
 * is tried again before each look. */
static bool take_claim(struct lf_sync_worker *w)
{
    bool logged = false;
    for (;;) {
        char err[LF_STORE_ERROR_BYTES];
        enum lf_owner holder;
        w->claim_fd = lf_handover_claim(w->cfg.cache_dir, LF_OWNER_KIOSK, &holder, err,
                                        sizeof(err));
        if (w->claim_fd >= 0)
            break;
        if (holder == LF_OWNER_NONE) {
            if (!logged)
                lf_warn("sync: %s", err);
            return false;
        }
        if (!logged)
            lf_warn("sync: %s; waiting for it", err);
        logged = true;
        if (wait_or_stop(w, 1000))
            return true;
    }
    listen_again(w);
    return false;
}

/* The store's claim (owner.lock) and sync.sock are still there, or made
 * again: an admin's rm -rf or tmpfiles' cleanup of the cache folder left
 * the claim on a file nobody sees, and `litfass sync --once` would have
 * taken a new one and installed beside this worker. Before each look.
 * True when stopped while waiting for a manual run that took it first. */
static bool keep_claim(struct lf_sync_worker *w)
{
    if (w->claim_fd < 0)
        return false;
    char err[LF_STORE_ERROR_BYTES];
    char *mark = lf_xasprintf("kiosk %ld\n", (long)getpid());
    enum lf_lock_kept k = lf_handover_lock_keep(w->cfg.cache_dir, LF_SYNC_OWNER_NAME, mark,
                                                &w->claim_fd, err, sizeof(err));
    free(mark);
    switch (k) {
    case LF_LOCK_KEPT:
        return false;
    case LF_LOCK_RENEWED:
        lf_warn("sync: %s/" LF_SYNC_OWNER_NAME " was deleted (the cache folder removed?): "
                "made again and claimed", w->cfg.cache_dir);
        listen_again(w);
        return false;
    case LF_LOCK_TAKEN:
        lf_warn("sync: %s; waiting for it before looking again", err);
        break;
    case LF_LOCK_LOST:
        lf_warn("sync: the claim of the cache folder is lost: %s", err);
        break;
    }
    w->socket_gone = true;
    close(w->claim_fd);
    w->claim_fd = -1;
    return take_claim(w);
}

/* Test-only: LITFASS_TEST_BACKOFF_MS stands for LF_BACKOFF_BASE_MS, every
 * wait after a failure shrunk alike, so a test sees several failures in a
 * row within seconds. Unset or 0 in any real use. Read at each failure, not
 * cached: a test process starts several workers and sets it for one. */
static uint64_t scaled_backoff(uint64_t delay)
{
    long ms = lf_test_setting("LITFASS_TEST_BACKOFF_MS", (long)LF_BACKOFF_BASE_MS);
    return ms ? delay * (uint64_t)ms / LF_BACKOFF_BASE_MS : delay;
}

static void *run(void *arg)
{
    struct lf_sync_worker *w = arg;
    if (take_claim(w))
        return NULL;
    uint64_t first = scale(random32(), (uint64_t)w->cfg.poll_seconds * 100u);
    if (first > LF_SYNC_FIRST_MAX_MS)
        first = LF_SYNC_FIRST_MAX_MS;
    /* the failures in a row, kept here too: a cache where status.json
     * cannot be written must still back off */
    struct lf_store_status before;
    lf_store_read_status(w->cfg.cache_dir, &before);
    unsigned failures = (unsigned)before.consecutive_failures;
    uint64_t last_full = 0;
    bool full_done = false;
    bool stopped = wait_or_stop(w, first);
    while (!stopped) {
        if (w->claim_fd < 0 && (stopped = take_claim(w)))
            break;
        if ((stopped = keep_claim(w)))
            break;
        char shown[PATH_MAX];
        int serving[LF_HANDOVER_CLIENTS];
        size_t n_serving;
        bool write_screen;
        pthread_mutex_lock(&w->lock);
        snprintf(shown, sizeof(shown), "%s", w->shown);
        n_serving = w->n_clients;
        memcpy(serving, w->clients, sizeof(serving));
        w->n_clients = 0;
        write_screen = w->shown_changed;
        w->shown_changed = false;
        pthread_mutex_unlock(&w->lock);
        if (write_screen)
            lf_sync_record_screen(&w->cfg, shown, time(NULL), NULL);

        time_t attempt = time(NULL);
        struct lf_sync_outcome *o = lf_xmalloc(sizeof(*o));
        struct lf_sync_request rq = {
            .cancel = lf_thread_cancel_flag(w->looker),
            .full_check = !full_done || n_serving > 0 ||
                          mono_ms() - last_full >= check_interval_ms(),
            .shown_dir = shown,
        };
        lf_net_child_sync_cycle(&w->cfg, &rq, o);
        if (o->server_time.date > 0) {
            pthread_mutex_lock(&w->lock);
            w->server_time = o->server_time;
            pthread_mutex_unlock(&w->lock);
        }
        if (rq.full_check) {
            full_done = true;
            last_full = mono_ms();
        }
        if (lf_thread_cancelled(w->looker)) {
            for (size_t i = 0; i < n_serving; i++)
                close(serving[i]);
            free(o);
            break;
        }
        uint64_t delay;
        if (o->busy) {
            delay = LF_BACKOFF_MIN_MS * 5; /* not a failure: look again soon */
        } else {
            failures = o->result == LF_SYNC_FAILED ? failures + 1 : 0;
            delay = failures ? scaled_backoff(lf_backoff_delay_ms(failures, o->retry_after_s,
                                                                   random32()))
                             : lf_poll_delay_ms(w->cfg.poll_seconds, random32());
            if (!failures && bench_poll_ms())
                delay = bench_poll_ms();
            (void)lf_sync_record(&w->cfg, o, attempt, time(NULL) + (time_t)(delay / 1000),
                                 (int)failures);
            atomic_store(&w->failures, failures);
            if (failures)
                lf_info("sync: next try in %llu s (%u failures in a row)",
                        (unsigned long long)(delay / 1000), failures);
        }
        /* report what is installed whenever the kiosk shows something
         * else: a new install, a repair, or one it was not told of */
        bool report = o->result == LF_SYNC_INSTALLED;
        if (o->result == LF_SYNC_UP_TO_DATE && o->bundle_dir[0]) {
            char a[PATH_MAX], b[PATH_MAX];
            report = !realpath(o->bundle_dir, a) || !realpath(shown, b) || strcmp(a, b) != 0;
            pthread_mutex_lock(&w->lock);
            report = report && !w->refused;
            pthread_mutex_unlock(&w->lock);
        }
        char *answer = lf_handover_outcome_json(o);
        for (size_t i = 0; i < n_serving; i++)
            if (!lf_handover_reply(serving[i], answer) || o->result != LF_SYNC_INSTALLED) {
                close(serving[i]);
                serving[i] = -1;
            }
        free(answer);
        if (report && w->installed) {
            pthread_mutex_lock(&w->lock);
            w->unadopted = true;
            w->refused = false;
            pthread_mutex_unlock(&w->lock);
            if (!w->installed(w->ctx, o->bundle_dir))
                lf_sync_worker_adopted(w, NULL); /* not taken: nothing to wait for */
            stopped = wait_adopted(w);
        }
        /* status.json says what is on screen before anyone is told */
        pthread_mutex_lock(&w->lock);
        write_screen = w->shown_changed;
        w->shown_changed = false;
        snprintf(shown, sizeof(shown), "%s", w->shown);
        pthread_mutex_unlock(&w->lock);
        if (write_screen)
            lf_sync_record_screen(&w->cfg, shown, time(NULL), NULL);
        /* the manual runs that asked: what is on screen now */
        pthread_mutex_lock(&w->lock);
        char *line = w->refused ? lf_xstrdup("{\"refused\": true}")
                                : lf_xasprintf("{\"on_screen\": \"%s\"}", w->shown);
        pthread_mutex_unlock(&w->lock);
        for (size_t i = 0; i < n_serving; i++) {
            if (serving[i] < 0)
                continue;
            (void)lf_handover_reply(serving[i], line);
            close(serving[i]);
        }
        free(line);
        free(o);
        /* the claim looked at every LF_SYNC_CLAIM_CHECK_MS meanwhile: a
         * manual run must not find the folder's owner.lock gone for long */
        uint64_t until = mono_ms() + delay;
        while (!stopped) {
            uint64_t at = mono_ms();
            if (at >= until)
                break;
            uint64_t step = until - at < LF_SYNC_CLAIM_CHECK_MS ? until - at
                                                                 : LF_SYNC_CLAIM_CHECK_MS;
            stopped = wait_or_stop(w, step);
            pthread_mutex_lock(&w->lock);
            bool asked = w->n_clients > 0;
            pthread_mutex_unlock(&w->lock);
            if (asked)
                break;
            if (!stopped)
                stopped = keep_claim(w);
        }
    }
    return NULL;
}

struct lf_sync_worker *lf_sync_worker_start(const struct lf_sync_settings *cfg,
                                            const char *shown_dir,
                                            bool (*installed)(void *ctx, const char *bundle_dir),
                                            void *ctx)
{
    if (!cfg->url[0]) {
        lf_error("sync: no sync.url configured; the worker does not start");
        return NULL;
    }
    struct lf_sync_worker *w = lf_xcalloc(1, sizeof(*w));
    w->cfg = *cfg;
    w->installed = installed;
    w->ctx = ctx;
    w->claim_fd = w->listen_fd = w->stop_pipe[0] = w->stop_pipe[1] = -1;
    snprintf(w->shown, sizeof(w->shown), "%s", shown_dir ? shown_dir : "");
    w->shown_changed = true;
    w->looker = lf_thread_create();
    w->control = lf_thread_create();
    atomic_init(&w->failures, 0u);
    pthread_condattr_t attr;
    pthread_condattr_init(&attr);
    pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
    pthread_mutex_init(&w->lock, NULL);
    pthread_cond_init(&w->wake, &attr);
    pthread_condattr_destroy(&attr);
    char err[128];
    if (!lf_thread_start(w->looker, run, w, err, sizeof(err))) {
        lf_error("sync: cannot start the worker thread: %s", err);
        lf_thread_destroy(w->looker);
        lf_thread_destroy(w->control);
        pthread_cond_destroy(&w->wake);
        pthread_mutex_destroy(&w->lock);
        free(w);
        return NULL;
    }
    lf_info("sync: looking for new content at %s every %d s", cfg->url, cfg->poll_seconds);
    return w;
}

unsigned lf_sync_worker_failures(struct lf_sync_worker *w)
{
    return w ? atomic_load(&w->failures) : 0;
}

bool lf_sync_worker_server_time(struct lf_sync_worker *w, struct lf_clock_witness *out)
{
    memset(out, 0, sizeof(*out));
    if (!w)
        return false;
    pthread_mutex_lock(&w->lock);
    *out = w->server_time;
    pthread_mutex_unlock(&w->lock);
    return out->date > 0;
}

void lf_sync_worker_adopted(struct lf_sync_worker *w, const char *shown_dir)
{
    if (!w)
        return;
    pthread_mutex_lock(&w->lock);
    w->unadopted = false;
    w->refused = !shown_dir;
    if (shown_dir) {
        snprintf(w->shown, sizeof(w->shown), "%s", shown_dir);
        w->shown_changed = true;
    }
    pthread_cond_signal(&w->wake);
    pthread_mutex_unlock(&w->lock);
}

void lf_sync_worker_stop(struct lf_sync_worker *w)
{
    if (!w)
        return;
    pthread_mutex_lock(&w->lock);
    lf_thread_cancel(w->looker);
    pthread_cond_signal(&w->wake);
    pthread_mutex_unlock(&w->lock);
    if (w->stop_pipe[1] >= 0 && write(w->stop_pipe[1], "x", 1) != 1)
        lf_warn("sync: cannot wake the control thread");
    lf_thread_join(w->looker);
    lf_thread_join(w->control);
    for (size_t i = 0; i < w->n_clients; i++)
        close(w->clients[i]);
    for (int i = 0; i < 2; i++)
        if (w->stop_pipe[i] >= 0)
            close(w->stop_pipe[i]);
    if (w->listen_fd >= 0 && !w->socket_gone) {
        char *sock = lf_xasprintf("%s/" LF_SYNC_SOCKET_NAME, w->cfg.cache_dir);
        unlink(sock); /* still ours: the claim is held until the close below */
        free(sock);
        close(w->listen_fd);
    }
    if (w->claim_fd >= 0)
        close(w->claim_fd);
    lf_thread_destroy(w->looker);
    lf_thread_destroy(w->control);
    pthread_cond_destroy(&w->wake);
    pthread_mutex_destroy(&w->lock);
    free(w);
}
