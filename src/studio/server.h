/* litfass studio: the HTTP server of the browser editor.
 *
 * libmicrohttpd serves the static page (studio/web/, embedded in the
 * program) and the JSON API (docs/studio-api.md) from one thread, so the
 * draft, the sessions and the in-process preview renderer are used by one
 * request at a time. A request that needs a download first (a calendar
 * fetched once) is suspended while a thread of its own downloads (nothing
 * else shared), then handled like the others. Publishing is signed on that thread and
 * delivered by studio/publish_worker.h on a thread of its own (one at a time): the
 * request answers 202 at once and GET /api/publish tells how it goes, so a slow web
 * server holds up nobody. Routes are rows of one table in server.c (method,
 * path pattern, least role, handler): adding an endpoint is adding a row.
 *
 * Security: Argon2id passwords (studio/users.h); random session cookies
 * (HttpOnly, SameSite=Strict, Secure under TLS; kept hashed across a
 * restart, studio/sessions.h) that end after
 * session_seconds without a request and after LF_STUDIO_SESSION_MAX_S in
 * any case; the header X-CSRF-Token on every request that changes
 * something; logins throttled per user name and per address; a
 * Content-Security-Policy without inline script; every request bounded
 * (the limits below); no path from a request reaches the file system
 * except an image name checked character by character.
 *
 * lf_studio_serve() runs until SIGINT or SIGTERM. */
#ifndef LF_STUDIO_SERVER_H
#define LF_STUDIO_SERVER_H

#include <stdbool.h>

#include "app/config.h"

/* requests */
#define LF_STUDIO_MAX_BODY_BYTES (LF_MAX_MANIFEST_BYTES + 64 * 1024) /* a JSON request */
#define LF_STUDIO_MAX_UPLOAD_BYTES LF_MAX_IMAGE_BYTES                /* an image upload */
#define LF_STUDIO_MAX_CONNECTIONS 64          /* open at once */
#define LF_STUDIO_MAX_PER_ADDRESS 16          /* open at once from one address */
#define LF_STUDIO_CONNECTION_TIMEOUT_S 60     /* idle connection closed */
#define LF_STUDIO_CONNECTION_MEMORY (64 * 1024) /* request line and headers */
#define LF_STUDIO_MAX_ROUTE_ARGS 2            /* {} parts in one route */
/* sessions */
#define LF_STUDIO_MAX_SESSIONS 256            /* logged in at once (oldest goes) */
#define LF_STUDIO_SESSION_MAX_S (12 * 3600)   /* a login ends after this however used */
#define LF_STUDIO_TOKEN_BYTES 32              /* random bytes of a session or CSRF token */
/* login throttling, per user name and per client address */
#define LF_STUDIO_LOGIN_FREE_ATTEMPTS 5       /* failures for one user name before a wait */
/* failures from one address before a wait: more, since one address may be
 * a whole office behind NAT or the nginx in front of the studio */
#define LF_STUDIO_LOGIN_FREE_ATTEMPTS_ADDRESS 20
#define LF_STUDIO_LOGIN_WAIT_S 30             /* first wait; doubles with each failure */
#define LF_STUDIO_LOGIN_MAX_WAIT_S 900        /* longest wait */
#define LF_STUDIO_LOGIN_FORGET_S 3600         /* failures older than this are forgotten */
#define LF_STUDIO_THROTTLE_SLOTS 1024         /* names and addresses remembered */
#define LF_STUDIO_MAX_PEM_BYTES (64 * 1024)  /* tls_cert, tls_key files */
#define LF_STUDIO_FLEET_CHECK_S 5             /* screens looked at for marks and alerts */

struct lf_studio_options {
    const char *data_dir;
    const struct lf_config *cfg; /* [studio] and [publish] */
    bool allow_plain_remote;     /* --allow-plain-http-remote (or the config key) */
};

/* Returns the process exit code. Prints "litfass studio: serving on
 * http://ADDRESS:PORT/" on stdout once it accepts connections (port 0 in
 * listen: a free port, the one printed). */
int lf_studio_serve(const struct lf_studio_options *opt);

#endif
