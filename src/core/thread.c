/* A thread for one job at a time: see thread.h. */
#include "core/thread.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"

struct lf_thread {
    pthread_t id;
    bool started; /* joinable: started and not joined (the owner's alone) */
    atomic_bool cancel;
};

struct lf_thread *lf_thread_create(void)
{
    struct lf_thread *t = lf_xcalloc(1, sizeof(*t));
    atomic_init(&t->cancel, false);
    return t;
}

bool lf_thread_start(struct lf_thread *t, lf_thread_job job, void *arg, char *err,
                     size_t err_size)
{
    lf_thread_join(t);
    int rc = pthread_create(&t->id, NULL, job, arg);
    if (rc != 0) {
        lf_error_text(err, err_size, "no thread: %s", strerror(rc));
        return false;
    }
    t->started = true;
    return true;
}

bool lf_thread_started(const struct lf_thread *t)
{
    return t->started;
}

void lf_thread_join(struct lf_thread *t)
{
    if (!t->started)
        return;
    pthread_join(t->id, NULL);
    t->started = false;
}

void lf_thread_cancel(struct lf_thread *t)
{
    atomic_store(&t->cancel, true);
}

bool lf_thread_cancelled(const struct lf_thread *t)
{
    return atomic_load(&t->cancel);
}

atomic_bool *lf_thread_cancel_flag(struct lf_thread *t)
{
    return &t->cancel;
}

void lf_thread_destroy(struct lf_thread *t)
{
    if (!t)
        return;
    lf_thread_cancel(t);
    lf_thread_join(t);
    free(t);
}

bool lf_thread_detached(lf_thread_job job, void *arg, char *err, size_t err_size)
{
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    pthread_t id;
    int rc = pthread_create(&id, &attr, job, arg);
    pthread_attr_destroy(&attr);
    if (rc != 0) {
        lf_error_text(err, err_size, "no thread: %s", strerror(rc));
        return false;
    }
    return true;
}
