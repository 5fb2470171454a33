/* Publishing on a thread of its own, so that a slow or hanging web server
 * (a remote upload may take minutes: publish.h's timeouts) never holds up
 * the studio's other requests: editing, previews, the fleet page, kiosks'
 * reports.
 *
 * One publish at a time. The caller prepares the version (signs and keeps
 * it: lf_publish_prepare, fast, with the studio's `work` lock held, as the
 * draft is read) and hands it to lf_publish_worker_start, which delivers it
 * (lf_publish_deliver) on the worker's thread without that lock. When the
 * delivery ends the thread takes `work` and calls `done` (the studio writes
 * the audit log and tells the fleet), and only then marks the job finished:
 * whoever holds `work` sees the audit log, the versions and the job's state
 * agree.
 *
 * The job's state is JSON (GET /api/publish, docs/studio-api.md):
 * {"id", "state": "running" | "done" | "failed" | "interrupted", "by",
 * "started" (ISO 8601 UTC), "since" ("HH:MM", Europe/Berlin), "serial",
 * "again_from"?, "finished"?, "version"? (done: as lf_publisher_versions
 * lists it), "error"? (failed), "targets"? ({"dir"|"url": "replacing" |
 * "replaced"}: whose live pair the delivery began or finished replacing),
 * "live"? (interrupted: "unchanged" | "changed" | "unknown", what the
 * screens' content is since), "everywhere"? (interrupted: every target
 * configured had its live pair replaced: the version is out)}. "interrupted" is a job that the studio's
 * stop cancelled, or one it found running in the state file when it
 * started (a crash, a kill, a power cut).
 *
 * The state is kept in `state_path` (written whole, lf_durable_write, at
 * the start, at each step and at the end of a job), so a restarted studio
 * says what became of the last publish.
 *
 * lf_publish_worker_destroy, called without `work` held, cancels an upload
 * under way (upload.h: the live pair on the server stays whole) and joins
 * the thread. */
#ifndef LF_STUDIO_PUBLISH_WORKER_H
#define LF_STUDIO_PUBLISH_WORKER_H

#include <jansson.h>
#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>

#include "core/log.h"
#include "studio/publish.h"

#define LF_PUBLISH_JOB_FILE "publish-job.json" /* the studio's: DATA/publish-job.json */

/* Called on the worker's thread with `work` held when a delivery ended:
 * `version` on success, else `error` (lf_publish_deliver's text). */
typedef void (*lf_publish_done_fn)(void *ctx, const char *user, long long serial,
                                   long long again_from, const json_t *version,
                                   const char *error);

struct lf_publish_worker;

/* `state_path` (may be NULL: kept in memory only): read now (a job found
 * running there becomes "interrupted") and written at every change. */
struct lf_publish_worker *lf_publish_worker_create(struct lf_publisher *p, pthread_mutex_t *work,
                                                   lf_publish_done_fn done, void *ctx,
                                                   const char *state_path);
void lf_publish_worker_destroy(struct lf_publish_worker *w);

/* With `work` held. Starts delivering `job` (taken over in every case) by
 * `user` on the worker's thread and returns its state (caller decrefs).
 * When a publish is under way already it starts nothing, destroys `job`
 * (its version stays listed, undelivered) and returns NULL with *running
 * (caller decrefs) the state of the one under way. Also NULL with *running
 * NULL when no thread can be started (logged). */
json_t *lf_publish_worker_start(struct lf_publish_worker *w, struct lf_publish_job *job,
                                const char *user, long long again_from, json_t **running);

/* Whether a publish is under way (any thread). */
bool lf_publish_worker_busy(struct lf_publish_worker *w);

/* The state of the publish under way or of the last one ended, also before
 * the studio's restart (caller decrefs); JSON null before the first. */
json_t *lf_publish_worker_state(struct lf_publish_worker *w);

/* Without `work` held: waits until no publish is under way, polling
 * `give_up` (may be NULL) about once a second; false when it gave up. */
bool lf_publish_worker_wait(struct lf_publish_worker *w, bool (*give_up)(void *), void *arg);

#endif
