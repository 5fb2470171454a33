/* One job at a time on a thread of its own (src/core/thread.h):
 *   - a started job runs and is joined; lf_thread_started says so until then;
 *   - the cancel flag, set by the owner, is seen by the job through
 *     lf_thread_cancelled and through the flag handed to other calls, and
 *     lf_thread_destroy sets it before it joins (a job that waits for it ends);
 *   - a second start joins the first job before it runs the next;
 *   - a detached job runs without anybody joining it. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdbool.h>

#include "core/thread.h"

struct job {
    struct lf_thread *t;
    atomic_int runs;
    atomic_bool saw_cancel;
    pthread_mutex_t lock;
    pthread_cond_t done;
    bool finished;
};

static void *count(void *arg)
{
    struct job *j = arg;
    atomic_fetch_add(&j->runs, 1);
    return NULL;
}

/* Waits for the owner's cancel, as the sync worker and the upload do. */
static void *until_cancelled(void *arg)
{
    struct job *j = arg;
    atomic_bool *flag = lf_thread_cancel_flag(j->t);
    while (!atomic_load(flag))
        sched_yield();
    atomic_store(&j->saw_cancel, lf_thread_cancelled(j->t));
    atomic_fetch_add(&j->runs, 1);
    return NULL;
}

static void *signal_done(void *arg)
{
    struct job *j = arg;
    pthread_mutex_lock(&j->lock);
    atomic_fetch_add(&j->runs, 1);
    j->finished = true;
    pthread_cond_signal(&j->done);
    pthread_mutex_unlock(&j->lock);
    return NULL;
}

static void start_and_join(void **state)
{
    (void)state;
    struct job j = {.t = lf_thread_create()};
    assert_false(lf_thread_started(j.t));
    lf_thread_join(j.t); /* none started: at once */
    assert_true(lf_thread_start(j.t, count, &j, NULL, 0));
    assert_true(lf_thread_started(j.t));
    lf_thread_join(j.t);
    assert_false(lf_thread_started(j.t));
    assert_int_equal(atomic_load(&j.runs), 1);
    /* started again without a join between: the first is joined first */
    assert_true(lf_thread_start(j.t, count, &j, NULL, 0));
    assert_true(lf_thread_start(j.t, count, &j, NULL, 0));
    lf_thread_join(j.t);
    assert_int_equal(atomic_load(&j.runs), 3);
    assert_false(lf_thread_cancelled(j.t));
    lf_thread_destroy(j.t);
    lf_thread_destroy(NULL);
}

static void destroy_cancels_then_joins(void **state)
{
    (void)state;
    struct job j = {.t = lf_thread_create()};
    assert_true(lf_thread_start(j.t, until_cancelled, &j, NULL, 0));
    lf_thread_cancel(j.t);
    lf_thread_join(j.t);
    assert_true(atomic_load(&j.saw_cancel));
    assert_true(lf_thread_cancelled(j.t)); /* stays set */
    /* destroy alone: sets the flag and waits for the job that waits for it */
    struct job k = {.t = lf_thread_create()};
    assert_true(lf_thread_start(k.t, until_cancelled, &k, NULL, 0));
    lf_thread_destroy(k.t);
    assert_int_equal(atomic_load(&k.runs), 1);
    assert_true(atomic_load(&k.saw_cancel));
    lf_thread_destroy(j.t);
}

static void detached_job_runs(void **state)
{
    (void)state;
    struct job j = {.finished = false};
    pthread_mutex_init(&j.lock, NULL);
    pthread_cond_init(&j.done, NULL);
    assert_true(lf_thread_detached(signal_done, &j, NULL, 0));
    pthread_mutex_lock(&j.lock);
    while (!j.finished)
        pthread_cond_wait(&j.done, &j.lock);
    pthread_mutex_unlock(&j.lock);
    assert_int_equal(atomic_load(&j.runs), 1);
    pthread_cond_destroy(&j.done);
    pthread_mutex_destroy(&j.lock);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(start_and_join),
        cmocka_unit_test(destroy_cancels_then_joins),
        cmocka_unit_test(detached_job_runs),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
