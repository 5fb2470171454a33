/* A thread for one job at a time and the flag that asks the job to stop:
 * the pthread boilerplate (create, join or detach, a cancel flag the job
 * reads) written once. Used by the sync worker and its control thread,
 * the studio's publish worker, the studio's calendar download, the
 * hyphenation patterns read in the background, the kiosk's reporter to
 * the fleet page, the voice that reads aloud and the state folder's
 * watch.
 *
 * Threads: create, start, join and destroy come from the owner, one call
 * at a time (a job may start another lf_thread whose owner then joins it);
 * lf_thread_cancel, lf_thread_cancelled and the flag from any thread.
 * libc only. */
#ifndef LF_CORE_THREAD_H
#define LF_CORE_THREAD_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>

#include "core/log.h"

typedef void *(*lf_thread_job)(void *arg);

struct lf_thread;

/* Nothing started yet, the cancel flag clear. Never fails (aborts on OOM). */
struct lf_thread *lf_thread_create(void);

/* Runs job(arg) on a new thread. A job started before and not joined yet
 * is joined first (it has ended or is about to). False when no thread
 * could be made: err says why, the job did not run. */
bool lf_thread_start(struct lf_thread *t, lf_thread_job job, void *arg, char *err,
                     size_t err_size) LF_MUST_CHECK;

/* Whether a job was started and is not joined yet (it may have ended). */
bool lf_thread_started(const struct lf_thread *t);

/* Waits until the job started last has ended; at once when none is. */
void lf_thread_join(struct lf_thread *t);

/* Asks the job to stop: the flag, once set, stays set (the owner is
 * going away). The job looks at it; nothing is interrupted. */
void lf_thread_cancel(struct lf_thread *t);
bool lf_thread_cancelled(const struct lf_thread *t);

/* The flag itself, for calls that take one (sync's and the upload's
 * `cancel`); it lives as long as t. */
atomic_bool *lf_thread_cancel_flag(struct lf_thread *t);

/* Cancels and joins a started job, then frees. NULL ok. */
void lf_thread_destroy(struct lf_thread *t);

/* job(arg) on a thread of its own that nobody joins (detached): the job
 * frees what it was given. False when no thread could be made: err says
 * why, the job did not run and arg is still the caller's. */
bool lf_thread_detached(lf_thread_job job, void *arg, char *err, size_t err_size) LF_MUST_CHECK;

#endif
