/* The sync worker: a thread that runs sync cycles (sync/sync.h) so the
 * kiosk's frame loop never waits on the network.
 *
 * Timing (all on the monotonic clock): the first look soon after start
 * (a random 0..10% of the poll interval, at most LF_SYNC_FIRST_MAX_MS, so
 * kiosks switched on together do not ask together); then every
 * poll_seconds +-10% (lf_poll_delay_ms); after a failure exponential
 * backoff with full jitter, at least the server's Retry-After
 * (lf_backoff_delay_ms). status.json records every attempt and the next.
 *
 * A new bundle is reported through `installed(ctx, bundle_dir)`, called on
 * the worker's thread; it returns whether the report was taken (the kiosk
 * turns it into an SDL user event and swaps at a slide boundary);
 * bundle_dir is valid during the call only. After a report taken, the
 * worker installs nothing more until lf_sync_worker_adopted(): the store
 * keeps two bundles, so a third install while the first is still on
 * screen (a visitor browsing holds the swap back) would remove the folder
 * its images are read from.
 * lf_sync_global_init() must have run before lf_sync_worker_start(). */
#ifndef LF_SYNC_WORKER_H
#define LF_SYNC_WORKER_H

#include <stdbool.h>
#include <stdint.h>

#include "sync/sync.h"

#define LF_BACKOFF_BASE_MS 30000u            /* first wait after a failure: up to 30 s */
#define LF_BACKOFF_CAP_MS (3600u * 1000u)    /* doubling stops at 1 hour */
#define LF_BACKOFF_MIN_MS 1000u              /* never retry sooner than this */
#define LF_SYNC_FIRST_MAX_MS 10000u          /* ceiling of the delay before the first look */
#define LF_SYNC_CLAIM_CHECK_MS 5000u         /* owner.lock looked at this often between looks */

/* The wait after `failures` (>= 1) failures in a row, in milliseconds:
 * a uniformly random point in [0, min(CAP, BASE * 2^(failures-1))] chosen
 * by `random` (any 32-bit value: 0 is the start of the range, UINT32_MAX
 * its end), at least LF_BACKOFF_MIN_MS, and at least retry_after_s
 * seconds (cut to LF_SYNC_MAX_RETRY_AFTER_S). 0 failures: 0. Pure. */
uint64_t lf_backoff_delay_ms(unsigned failures, long retry_after_s, uint32_t random);

/* The wait between two regular looks: poll_seconds +-10%, chosen by
 * `random` as above. Pure. */
uint64_t lf_poll_delay_ms(int poll_seconds, uint32_t random);

struct lf_sync_worker;

/* Starts the thread with a copy of cfg; `shown_dir` is the folder the
 * kiosk shows at start (NULL or "": only its waiting page). The thread
 * first takes the store's claim (sync/handover.h: waiting while a manual
 * run has it), listens for manual runs, then looks. It does a full
 * self-check (SHA-256) at start, for each manual run and every
 * LF_SYNC_CHECK_INTERVAL_S, sizes only otherwise; what is installed but
 * not on screen (a repair, or content it was not told of) is reported
 * like a new install. NULL (logged) when cfg has no sync URL or the
 * thread cannot start. Call from the main thread. */
struct lf_sync_worker *lf_sync_worker_start(const struct lf_sync_settings *cfg,
                                            const char *shown_dir,
                                            bool (*installed)(void *ctx, const char *bundle_dir),
                                            void *ctx);

/* The kiosk shows `shown_dir` now (the bundle last reported), or has
 * refused it (NULL): the worker may look for the next. Any thread. NULL
 * worker is fine. */
void lf_sync_worker_adopted(struct lf_sync_worker *w, const char *shown_dir);

/* Failed looks in a row, as the worker counts them (it backs off by this
 * count even when status.json cannot be written). Any thread. */
unsigned lf_sync_worker_failures(struct lf_sync_worker *w);

/* The content server's time as last seen (core/clock_floor.h): the Date
 * of the newest successful response of the configured server's host and
 * the monotonic time it arrived. False (out zeroed) when there is none
 * yet. Any thread. NULL worker is fine. */
bool lf_sync_worker_server_time(struct lf_sync_worker *w, struct lf_clock_witness *out);

/* Stops the thread (a running transfer is aborted within a fraction of
 * a second), joins it and frees the worker. NULL is fine. After it
 * returns, `installed` is not called any more. */
void lf_sync_worker_stop(struct lf_sync_worker *w);

#endif
