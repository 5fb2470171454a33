/* One owner of the store (issue 11). While a kiosk runs, its sync worker
 * owns the cache folder: it holds an flock on cache_dir/owner.lock for
 * its whole life and listens on the Unix socket cache_dir/sync.sock.
 * `litfass sync --once` first tries to take owner.lock itself: when it
 * gets it, no kiosk runs and it syncs on its own (holding the lock, so a
 * kiosk that starts meanwhile waits). When a kiosk holds it, the manual
 * run hands over: it asks the kiosk through the socket to look now (with
 * the full self-check), waits for the kiosk's answer and, when something
 * was installed, for the kiosk to show it. Only the kiosk's own worker
 * then installs, so nothing removes a folder on its screen and the
 * screen shows the new bundle within seconds.
 *
 * The socket's file permissions decide who may ask (the cache's owner;
 * root). One request line ("sync\n"), answered by JSON lines:
 *   {"result": "installed"|"up_to_date"|"failed", "id", "dir", "error",
 *    "damage", "repaired"}
 *   and after "installed": {"on_screen": DIR} or {"refused": true}
 *   when the kiosk has shown (or refused) it.
 * No SDL, no curl. */
#ifndef LF_SYNC_HANDOVER_H
#define LF_SYNC_HANDOVER_H

#include <stdbool.h>
#include <stddef.h>

#include "core/log.h"
#include "sync/sync.h"

#define LF_SYNC_SOCKET_NAME "sync.sock"
#define LF_SYNC_OWNER_NAME "owner.lock"
#define LF_KIOSK_LOCK_NAME "kiosk.lock"
#define LF_HANDOVER_CLIENTS 4            /* manual runs waiting at once; more are turned away */
#define LF_HANDOVER_REQUEST_BYTES 64     /* a request line */
#define LF_HANDOVER_CONNECT_WAIT_MS 5000 /* a kiosk that owns the store but does not listen yet */
#define LF_HANDOVER_CYCLE_WAIT_S 900     /* a manual run waits this long for the kiosk's look */
#define LF_HANDOVER_SHOW_WAIT_S 60       /* ... and this long for it to show what it installed */

/* Who holds the claim. */
enum lf_owner { LF_OWNER_NONE, LF_OWNER_KIOSK, LF_OWNER_MANUAL };

/* Takes cache_dir/owner.lock (creating the folder and file if missing)
 * without waiting, for `role` (KIOSK or MANUAL; written into the file
 * with the pid, for the next one to read). The open, locked descriptor,
 * or -1: *holder says who holds it (NONE: err says what failed). */
int lf_handover_claim(const char *cache_dir, enum lf_owner role, enum lf_owner *holder,
                      char *err, size_t err_size) LF_MUST_CHECK;

/* One kiosk per state folder: `litfass run` holds an flock on
 * cache_dir/kiosk.lock for its whole life, since the heartbeat, the
 * store's claim and the socket there are one kiosk's. A second kiosk on
 * the same folder (a second service, a run by hand beside the unit) is
 * refused at start, before it opens a window: otherwise both would write
 * status.json and its worker would wait for the store behind the first.
 * `create`: make the folder when missing (a kiosk that syncs does so
 * anyway). Returns the open descriptor (keep it open; O_CLOEXEC), or -1:
 * *busy true when another kiosk holds it (err names its pid and what to
 * do), false when the folder cannot be used at all (missing, not
 * writable: nothing of this kiosk is written there either; err says why). */
int lf_handover_kiosk_lock(const char *cache_dir, bool create, bool *busy, char *err,
                           size_t err_size) LF_MUST_CHECK;

/* What lf_handover_lock_keep found. */
enum lf_lock_kept {
    LF_LOCK_KEPT,    /* the file at the path is still the one locked */
    LF_LOCK_RENEWED, /* it was gone or replaced (the folder deleted: tmpfiles, rm -rf); it
                        is made again and locked, *fd is the new descriptor */
    LF_LOCK_TAKEN,   /* ... and another process locked the new file first (err names it) */
    LF_LOCK_LOST,    /* ... and it cannot be made again (err says why) */
};

/* A lock taken above (kiosk.lock, owner.lock) is only worth anything while
 * its file stays at its name: deleted with its folder, the flock holds an
 * inode nobody can find, and a second kiosk or manual run would make a new
 * file and take it. Call now and then with the descriptor *fd that holds
 * cache_dir/name: when the file there is another one or none, the folder
 * and the file are made again and locked, with `mark` written into it.
 * On TAKEN and LOST *fd stays as it was. Any thread; not two at once for
 * one *fd. */
enum lf_lock_kept lf_handover_lock_keep(const char *cache_dir, const char *name,
                                        const char *mark, int *fd, char *err,
                                        size_t err_size) LF_MUST_CHECK;

/* Who holds the flock of cache_dir/name now, from /proc/locks (it reads
 * without locking: `litfass status` must not take a starting kiosk's
 * lock for a moment): the pid, 0 when nobody, -1 when the file is
 * missing, -2 when it cannot be told (no /proc/locks). */
long lf_handover_lock_holder(const char *cache_dir, const char *name);

/* A listening socket at cache_dir/sync.sock (a stale one is replaced),
 * mode 0600; -1 (logged) on failure. Call with the claim held. */
int lf_handover_listen(const char *cache_dir) LF_MUST_CHECK;

/* Sends one JSON line to a waiting manual run; false when it has gone. */
bool lf_handover_reply(int fd, const char *json_line);

/* The first answer line for an outcome: into a new string (caller frees). */
char *lf_handover_outcome_json(const struct lf_sync_outcome *o);

/* Manual side: asks the kiosk that holds the claim to look now. Fills
 * `o` from the kiosk's answer and on_screen (PATH_MAX bytes) with the
 * folder the kiosk shows afterwards ("" when it did not say within
 * LF_HANDOVER_SHOW_WAIT_S). False (err says why) when the kiosk could not
 * be asked or did not answer in time. */
bool lf_handover_ask(const char *cache_dir, struct lf_sync_outcome *o, char *on_screen,
                     size_t on_screen_size, char *err, size_t err_size) LF_MUST_CHECK;

#endif
