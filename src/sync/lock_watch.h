/* Tells the kiosk at once when its state folder's lock file may be gone:
 * the folder or the file deleted or moved (systemd-tmpfiles' cleanup, an
 * admin's rm -rf or mv), or another file moved over it. inotify on the
 * folder, read by a thread of its own (core/thread.h) that sleeps in
 * poll() until the kernel reports such a change, so a kiosk whose screen
 * stands still is not woken every few seconds to look (sync/handover.h's
 * lf_handover_lock_keep still decides whether the lock is the one held).
 *
 * inotify does not see everything: a folder above the state folder moved
 * or deleted, a file system mounted over it, a watch the kernel refused
 * (fs.inotify.max_user_watches reached). The kiosk therefore also looks
 * every LF_KIOSK_LOCK_SAFETY_S, and every LF_KIOSK_LOCK_CHECK_S while no
 * watch is in place (lf_lock_watch_active).
 *
 * Threads: start, rearm, active and stop from the owner's thread; `wake`
 * is called on the watch's thread (it must only hand the news over, e.g.
 * push an SDL event). No SDL. */
#ifndef LF_SYNC_LOCK_WATCH_H
#define LF_SYNC_LOCK_WATCH_H

#include <stdbool.h>

typedef void (*lf_lock_wake)(void *ctx);

struct lf_lock_watch;

/* Watches dir for changes to the file `name` in it and to dir itself;
 * wake(ctx) after each batch of them. NULL when inotify or the thread
 * cannot be had (logged once): the owner then looks by itself. */
struct lf_lock_watch *lf_lock_watch_start(const char *dir, const char *name, lf_lock_wake wake,
                                          void *ctx);

/* Watches dir again, after the owner made it anew (the old watch ended
 * with the deleted folder). False (logged) when it cannot. NULL w ok. */
bool lf_lock_watch_rearm(struct lf_lock_watch *w);

/* Whether the folder is watched now (a deleted folder ends its watch
 * until lf_lock_watch_rearm). */
bool lf_lock_watch_active(struct lf_lock_watch *w);

/* Ends the thread and frees. NULL ok. */
void lf_lock_watch_stop(struct lf_lock_watch *w);

#endif
