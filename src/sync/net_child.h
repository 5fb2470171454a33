/* The kiosk's network work in a short-lived child process (issue 13): a
 * sync cycle (sync/sync.h: fetch, verify, install into the store) and a
 * report to the studio (sync/post.h) run in a child, the same program
 * started again with the hidden command LF_NET_CHILD_COMMAND, which opens
 * libcurl (sync/curl_loader.h) and exits when done. The display process
 * never maps libcurl and the libraries it brings; it reads what the child
 * installed from the store as before (the install is atomic there).
 *
 * The request goes to the child's stdin, the answer comes back on its
 * stdout (one Unix socket, plain structs: parent and child are the same
 * program), its log lines go to the parent's stderr. A cancel flag set
 * while the child works asks it to stop (SIGTERM: a transfer is aborted
 * as in-process); the child ends itself when its parent is gone.
 *
 * Until lf_net_child_enable() the functions run the work in this
 * process (the unit tests, which are other programs). */
#ifndef LF_SYNC_NET_CHILD_H
#define LF_SYNC_NET_CHILD_H

#include <stdbool.h>

#include "sync/post.h"
#include "sync/sync.h"

#define LF_NET_CHILD_COMMAND "net-child" /* hidden: not in `litfass --help` */
#define LF_NET_CHILD_STOP_GRACE_MS 5000  /* after SIGTERM, then SIGKILL */

/* From now on sync cycles and posts run in a child started as `program
 * net-child` (program: "/proc/self/exe" for this very program). Call
 * once from the main thread before any worker starts. */
void lf_net_child_enable(const char *program);

/* Whether network work runs in a child: then the caller needs no
 * lf_sync_global_init() (only sodium, for verifying on load). */
bool lf_net_child_enabled(void);

/* lf_sync_cycle, in a child when enabled. A child that cannot start or
 * dies gives LF_SYNC_FAILED with the reason. */
void lf_net_child_sync_cycle(const struct lf_sync_settings *cfg, const struct lf_sync_request *rq,
                             struct lf_sync_outcome *out);

/* lf_post, in a child when enabled. */
bool lf_net_child_post(const struct lf_post_request *req, struct lf_post_result *result)
    LF_MUST_CHECK;

/* The child's side: reads one request from stdin, runs it, writes the
 * answer to stdout. Returns the exit code (0: answered). */
int lf_net_child_serve(void);

#endif
