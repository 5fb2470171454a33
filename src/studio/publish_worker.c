#include "studio/publish_worker.h"

#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/civil_time.h"
#include "core/xalloc.h"

struct lf_publish_worker {
    struct lf_publisher *p;
    pthread_mutex_t *work; /* the studio's: held by `done` and by whoever starts */
    lf_publish_done_fn done;
    void *ctx;
    atomic_bool cancel; /* the studio stops: the upload ends early */
    /* the job: `lock` guards these (taken after `work`, never the other way round) */
    pthread_mutex_t lock;
    pthread_cond_t ended;
    bool running;
    bool joinable; /* a thread was started and not joined yet */
    pthread_t thread;
    json_t *state; /* NULL before the first */
    long long next_id;
    /* what the thread delivers */
    struct lf_publish_job *job;
    char *user;
    long long again_from;
};

static json_t *iso_utc(time_t t)
{
    struct tm tm;
    char buf[32];
    gmtime_r(&t, &tm);
    strftime(buf, sizeof(buf), "%Y-%m-%dT%H:%M:%SZ", &tm);
    return json_string(buf);
}

struct lf_publish_worker *lf_publish_worker_create(struct lf_publisher *p, pthread_mutex_t *work,
                                                   lf_publish_done_fn done, void *ctx)
{
    struct lf_publish_worker *w = lf_xcalloc(1, sizeof(*w));
    w->p = p;
    w->work = work;
    w->done = done;
    w->ctx = ctx;
    atomic_init(&w->cancel, false);
    pthread_mutex_init(&w->lock, NULL);
    pthread_cond_init(&w->ended, NULL);
    w->next_id = 1;
    return w;
}

static void *worker_thread(void *arg)
{
    struct lf_publish_worker *w = arg;
    json_t *version = NULL;
    char err[LF_PUBLISH_ERROR_BYTES] = "";
    /* the slow part, without the studio's lock: everybody else goes on working */
    bool ok = lf_publish_deliver(w->p, w->job, &w->cancel, &version, err, sizeof(err));
    long long serial = lf_publish_job_serial(w->job);
    pthread_mutex_lock(w->work);
    w->done(w->ctx, w->user, serial, w->again_from, ok ? version : NULL, ok ? NULL : err);
    pthread_mutex_lock(&w->lock);
    json_object_set_new(w->state, "state", json_string(ok ? "done" : "failed"));
    json_object_set_new(w->state, "finished", iso_utc(time(NULL)));
    if (ok)
        json_object_set(w->state, "version", version);
    else
        json_object_set_new(w->state, "error", json_string(err));
    lf_publish_job_destroy(w->job);
    w->job = NULL;
    free(w->user);
    w->user = NULL;
    w->running = false;
    pthread_cond_broadcast(&w->ended);
    pthread_mutex_unlock(&w->lock);
    /* nothing of `work` after this: a request holding it may join this thread */
    pthread_mutex_unlock(w->work);
    json_decref(version);
    return NULL;
}

json_t *lf_publish_worker_start(struct lf_publish_worker *w, struct lf_publish_job *job,
                                const char *user, long long again_from, json_t **running)
{
    *running = NULL;
    pthread_mutex_lock(&w->lock);
    if (w->running) {
        *running = json_deep_copy(w->state);
        pthread_mutex_unlock(&w->lock);
        lf_publish_job_destroy(job);
        return NULL;
    }
    if (w->joinable) { /* the last one has ended (its state says so): gone at once */
        pthread_join(w->thread, NULL);
        w->joinable = false;
    }
    time_t now = time(NULL);
    struct tm local;
    lf_local_time(now, &local);
    char since[8];
    snprintf(since, sizeof(since), "%02d:%02d", local.tm_hour, local.tm_min);
    json_decref(w->state);
    w->state = json_pack("{s:I, s:s, s:s, s:o, s:s, s:I}", "id", (json_int_t)w->next_id++,
                         "state", "running", "by", user, "started", iso_utc(now), "since",
                         since, "serial", (json_int_t)lf_publish_job_serial(job));
    if (again_from)
        json_object_set_new(w->state, "again_from", json_integer(again_from));
    w->job = job;
    w->user = lf_xstrdup(user);
    w->again_from = again_from;
    w->running = true;
    int rc = pthread_create(&w->thread, NULL, worker_thread, w);
    if (rc != 0) {
        lf_error("studio: cannot start publishing: %s", strerror(rc));
        w->running = false;
        w->job = NULL;
        free(w->user);
        w->user = NULL;
        json_object_set_new(w->state, "state", json_string("failed"));
        json_object_set_new(w->state, "error", json_string("cannot start publishing"));
        pthread_mutex_unlock(&w->lock);
        lf_publish_job_destroy(job);
        return NULL;
    }
    w->joinable = true;
    json_t *out = json_deep_copy(w->state);
    pthread_mutex_unlock(&w->lock);
    return out;
}

bool lf_publish_worker_busy(struct lf_publish_worker *w)
{
    pthread_mutex_lock(&w->lock);
    bool busy = w->running;
    pthread_mutex_unlock(&w->lock);
    return busy;
}

json_t *lf_publish_worker_state(struct lf_publish_worker *w)
{
    pthread_mutex_lock(&w->lock);
    json_t *out = w->state ? json_deep_copy(w->state) : json_null();
    pthread_mutex_unlock(&w->lock);
    return out;
}

bool lf_publish_worker_wait(struct lf_publish_worker *w, bool (*give_up)(void *), void *arg)
{
    pthread_mutex_lock(&w->lock);
    while (w->running) {
        if (give_up && give_up(arg)) {
            pthread_mutex_unlock(&w->lock);
            return false;
        }
        struct timespec until;
        clock_gettime(CLOCK_REALTIME, &until);
        until.tv_sec += 1;
        pthread_cond_timedwait(&w->ended, &w->lock, &until);
    }
    pthread_mutex_unlock(&w->lock);
    return true;
}

void lf_publish_worker_destroy(struct lf_publish_worker *w)
{
    if (!w)
        return;
    atomic_store(&w->cancel, true);
    pthread_mutex_lock(&w->lock);
    bool joinable = w->joinable;
    w->joinable = false;
    pthread_mutex_unlock(&w->lock);
    if (joinable)
        pthread_join(w->thread, NULL); /* its upload ends within about a second */
    json_decref(w->state);
    pthread_mutex_destroy(&w->lock);
    pthread_cond_destroy(&w->ended);
    free(w);
}
