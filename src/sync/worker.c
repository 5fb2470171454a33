/* The sync worker thread: see worker.h. It sleeps on a condition
 * variable with a CLOCK_MONOTONIC deadline, so a stop request wakes it at
 * once and a change of the wall clock does not. */
#include "sync/worker.h"

#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>

#include "core/xalloc.h"
#include "sync/sync.h"

/* 2^shift must not overflow the cap computation */
#define BACKOFF_MAX_SHIFT 20

struct lf_sync_worker {
    struct lf_config cfg;
    bool (*installed)(void *ctx, const char *bundle_dir);
    void *ctx;
    pthread_t thread;
    pthread_mutex_t lock;
    pthread_cond_t wake;
    atomic_bool stop;
    bool unadopted;    /* under lock: an install reported, not yet on screen */
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
    if (ms < 0) {
        const char *s = getenv("LITFASS_BENCH_POLL_MS");
        char *end = NULL;
        long v = s ? strtol(s, &end, 10) : 0;
        ms = s && end != s && *end == '\0' && v > 0 && v < 86400000L ? v : 0;
    }
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

/* Sleeps up to `ms` or until stopped; true when stopped. */
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
    while (!atomic_load(&w->stop)) {
        int rc = pthread_cond_timedwait(&w->wake, &w->lock, &until);
        if (rc == ETIMEDOUT)
            break;
    }
    pthread_mutex_unlock(&w->lock);
    return atomic_load(&w->stop);
}

/* Waits until the kiosk has taken up the bundle last reported, or the
 * worker is stopped; true when stopped. */
static bool wait_adopted(struct lf_sync_worker *w)
{
    pthread_mutex_lock(&w->lock);
    if (w->unadopted && !atomic_load(&w->stop))
        lf_debug("sync: waiting for the kiosk to show the new content before looking again");
    while (w->unadopted && !atomic_load(&w->stop))
        pthread_cond_wait(&w->wake, &w->lock);
    pthread_mutex_unlock(&w->lock);
    return atomic_load(&w->stop);
}

static void *run(void *arg)
{
    struct lf_sync_worker *w = arg;
    uint64_t first = scale(random32(), (uint64_t)w->cfg.poll_seconds * 100u);
    if (first > LF_SYNC_FIRST_MAX_MS)
        first = LF_SYNC_FIRST_MAX_MS;
    if (wait_or_stop(w, first))
        return NULL;
    for (;;) {
        time_t attempt = time(NULL);
        struct lf_sync_outcome *o = lf_xmalloc(sizeof(*o));
        lf_sync_cycle(&w->cfg, &w->stop, o);
        if (atomic_load(&w->stop)) {
            free(o);
            break;
        }
        /* the count as status.json keeps it: backoff survives a restart */
        struct lf_store_status before;
        lf_store_read_status(w->cfg.cache_dir, &before);
        unsigned failures = o->result == LF_SYNC_FAILED
                                ? (unsigned)before.consecutive_failures + 1
                                : 0;
        uint64_t delay = failures ? lf_backoff_delay_ms(failures, o->retry_after_s, random32())
                                  : lf_poll_delay_ms(w->cfg.poll_seconds, random32());
        if (!failures && bench_poll_ms())
            delay = bench_poll_ms();
        (void)lf_sync_record(&w->cfg, o, attempt, time(NULL) + (time_t)(delay / 1000));
        if (failures)
            lf_info("sync: next try in %llu s (%u failures in a row)",
                    (unsigned long long)(delay / 1000), failures);
        if (o->result == LF_SYNC_INSTALLED && w->installed) {
            pthread_mutex_lock(&w->lock);
            w->unadopted = true;
            pthread_mutex_unlock(&w->lock);
            if (!w->installed(w->ctx, o->bundle_dir))
                lf_sync_worker_adopted(w); /* not taken: nothing to wait for */
        }
        free(o);
        if (wait_or_stop(w, delay) || wait_adopted(w))
            break;
    }
    return NULL;
}

struct lf_sync_worker *lf_sync_worker_start(const struct lf_config *cfg,
                                            bool (*installed)(void *ctx, const char *bundle_dir),
                                            void *ctx)
{
    if (!cfg->sync_url[0]) {
        lf_error("sync: no sync.url configured; the worker does not start");
        return NULL;
    }
    struct lf_sync_worker *w = lf_xcalloc(1, sizeof(*w));
    w->cfg = *cfg;
    w->installed = installed;
    w->ctx = ctx;
    atomic_init(&w->stop, false);
    pthread_condattr_t attr;
    pthread_condattr_init(&attr);
    pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
    pthread_mutex_init(&w->lock, NULL);
    pthread_cond_init(&w->wake, &attr);
    pthread_condattr_destroy(&attr);
    int rc = pthread_create(&w->thread, NULL, run, w);
    if (rc != 0) {
        lf_error("sync: cannot start the worker thread: %s", strerror(rc));
        pthread_cond_destroy(&w->wake);
        pthread_mutex_destroy(&w->lock);
        free(w);
        return NULL;
    }
    lf_info("sync: looking for new content at %s every %d s", cfg->sync_url, cfg->poll_seconds);
    return w;
}

void lf_sync_worker_adopted(struct lf_sync_worker *w)
{
    if (!w)
        return;
    pthread_mutex_lock(&w->lock);
    w->unadopted = false;
    pthread_cond_signal(&w->wake);
    pthread_mutex_unlock(&w->lock);
}

void lf_sync_worker_stop(struct lf_sync_worker *w)
{
    if (!w)
        return;
    pthread_mutex_lock(&w->lock);
    atomic_store(&w->stop, true);
    pthread_cond_signal(&w->wake);
    pthread_mutex_unlock(&w->lock);
    pthread_join(w->thread, NULL);
    pthread_cond_destroy(&w->wake);
    pthread_mutex_destroy(&w->lock);
    free(w);
}
