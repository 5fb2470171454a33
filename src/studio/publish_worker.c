#include "studio/publish_worker.h"

#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <errno.h>

#include "core/civil_time.h"
#include "core/durable.h"
#include "core/thread.h"
#include "core/xalloc.h"
#include "studio/upload.h"

struct lf_publish_worker {
    struct lf_publisher *p;
    pthread_mutex_t *work; /* the studio's: held by `done` and by whoever starts */
    lf_publish_done_fn done;
    void *ctx;
    char *state_path;   /* where the job's state is kept across a restart, NULL: nowhere */
    struct lf_thread *thread; /* delivers; its cancel flag: the studio stops, the upload
                                 ends early */
    /* the job: `lock` guards these (taken after `work`, never the other way round) */
    pthread_mutex_t lock;
    pthread_cond_t ended;
    bool running;
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

/* With `lock` held: the state written whole to state_path (a crash leaves the old or the new). */
static void keep_state(struct lf_publish_worker *w)
{
    if (!w->state_path || !w->state)
        return;
    char *text = json_dumps(w->state, JSON_INDENT(2));
    if (!lf_durable_write(w->state_path, text, strlen(text), 0600))
        lf_warn("studio: %s: cannot write: %s", w->state_path, strerror(errno));
    free(text);
}

/* An ended job's "live": what its steps say of the screens' content. */
static const char *live_of(const json_t *state)
{
    const char *live = "unchanged";
    const char *target;
    json_t *step;
    json_object_foreach(json_object_get(state, "targets"), target, step) {
        if (strcmp(json_string_value(step) ? json_string_value(step) : "", "replacing") == 0)
            return "unknown";
        live = "changed";
    }
    return live;
}

/* A job the state file says was running: the studio stopped (a crash, a kill, a power cut)
 * before it ended; or one the studio's stop cancelled. The version's record says so too
 * (the versions list gives the reason, a target already replaced counts as delivered). */
static void interrupted(struct lf_publish_worker *w)
{
    json_t *state = w->state;
    const char *live = live_of(state);
    json_object_set_new(state, "state", json_string("interrupted"));
    json_object_set_new(state, "live", json_string(live));
    bool everywhere = false;
    json_t *serial = json_object_get(state, "serial");
    if (json_is_integer(serial))
        (void)lf_publisher_mark_interrupted(w->p, json_integer_value(serial),
                                            json_object_get(state, "targets"), live, &everywhere);
    json_object_set_new(state, "everywhere", json_boolean(everywhere));
}

struct lf_publish_worker *lf_publish_worker_create(struct lf_publisher *p, pthread_mutex_t *work,
                                                   lf_publish_done_fn done, void *ctx,
                                                   const char *state_path)
{
    struct lf_publish_worker *w = lf_xcalloc(1, sizeof(*w));
    w->p = p;
    w->work = work;
    w->done = done;
    w->ctx = ctx;
    w->thread = lf_thread_create();
    pthread_mutex_init(&w->lock, NULL);
    pthread_cond_init(&w->ended, NULL);
    w->next_id = 1;
    if (state_path) {
        w->state_path = lf_xstrdup(state_path);
        json_error_t je;
        json_t *kept = access(state_path, F_OK) == 0 ? json_load_file(state_path, 0, &je) : NULL;
        if (kept && json_is_object(kept) && json_is_integer(json_object_get(kept, "id")) &&
            json_is_string(json_object_get(kept, "state"))) {
            w->state = kept;
            w->next_id = json_integer_value(json_object_get(kept, "id")) + 1;
            if (strcmp(json_string_value(json_object_get(kept, "state")), "running") == 0) {
                interrupted(w);
                lf_warn("studio: the publish of version %lld was interrupted by a restart; "
                        "the live content: %s",
                        (long long)json_integer_value(json_object_get(kept, "serial")),
                        json_string_value(json_object_get(kept, "live")));
                keep_state(w);
            }
        } else if (access(state_path, F_OK) == 0) {
            lf_warn("studio: %s: not a publish's state (%s): ignored", state_path,
                    kept ? "not an object with id and state" : je.text);
            json_decref(kept);
        }
    }
    return w;
}

/* The delivery's steps (on the worker's thread): kept at once, so that a crash in the middle
 * is told truthfully after the restart. */
static void on_step(void *ctx, const char *target, enum lf_publish_step step)
{
    struct lf_publish_worker *w = ctx;
    pthread_mutex_lock(&w->lock);
    json_t *targets = json_object_get(w->state, "targets");
    if (!targets) {
        targets = json_object();
        json_object_set_new(w->state, "targets", targets);
    }
    json_object_set_new(targets, target,
                        json_string(step == LF_PUBLISH_REPLACING ? "replacing" : "replaced"));
    keep_state(w);
    pthread_mutex_unlock(&w->lock);
}

static void *worker_thread(void *arg)
{
    struct lf_publish_worker *w = arg;
    json_t *version = NULL;
    char err[LF_PUBLISH_ERROR_BYTES] = "";
    /* the slow part, without the studio's lock: everybody else goes on working */
    struct lf_publish_watch watch = {.cancel = lf_thread_cancel_flag(w->thread),
                                     .step = on_step, .ctx = w};
    bool ok = lf_publish_deliver(w->p, w->job, &watch, &version, err, sizeof(err));
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
    if (!ok && lf_thread_cancelled(w->thread) && strstr(err, LF_UPLOAD_CANCELLED))
        interrupted(w); /* the studio stops: told as such after its restart */
    keep_state(w);
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
    /* the last one has ended (its state says so): lf_thread_start joins it at once */
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
    keep_state(w);
    w->job = job;
    w->user = lf_xstrdup(user);
    w->again_from = again_from;
    w->running = true;
    char why[128];
    if (!lf_thread_start(w->thread, worker_thread, w, why, sizeof(why))) {
        lf_error("studio: cannot start publishing: %s", why);
        w->running = false;
        w->job = NULL;
        free(w->user);
        w->user = NULL;
        json_object_set_new(w->state, "state", json_string("failed"));
        json_object_set_new(w->state, "error", json_string("cannot start publishing"));
        keep_state(w);
        pthread_mutex_unlock(&w->lock);
        lf_publish_job_destroy(job);
        return NULL;
    }
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
    lf_thread_destroy(w->thread); /* cancelled: its upload ends within about a second */
    json_decref(w->state);
    free(w->state_path);
    pthread_mutex_destroy(&w->lock);
    pthread_cond_destroy(&w->ended);
    free(w);
}
