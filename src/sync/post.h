/* Sending with libcurl (the other half of sync/fetch.h, which receives):
 * one POST of a small body (a kiosk's heartbeat and screenshot to the
 * studio, sync/ being the one folder that includes curl) and one e-mail
 * over SMTP (the studio's fleet alerts).
 *
 * Both block for at most their timeouts: call them from a worker thread
 * (monitor/reporter.h) or from a thread that serves nobody (the studio's
 * main thread). lf_sync_global_init() (sync/sync.h) must have run. */
#ifndef LF_SYNC_POST_H
#define LF_SYNC_POST_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>

#include "core/log.h"

#define LF_POST_ERROR_BYTES 512
#define LF_POST_CONNECT_TIMEOUT_S 10  /* connecting to the studio or mail server */
#define LF_POST_TIMEOUT_S 30          /* a whole POST or e-mail */
#define LF_POST_MAX_ANSWER_BYTES 4096 /* what is kept of the answer (the rest is dropped) */
#define LF_MAIL_MAX_BYTES (64 * 1024) /* an e-mail's text */

struct lf_post_request {
    const char *url;           /* https://, or http:// when allow_http */
    bool allow_http;
    const char *ca_file;       /* NULL or "": the system's CAs */
    const char *bearer;        /* Authorization: Bearer ..., or NULL */
    const char *content_type;  /* "application/json", "image/png" */
    const void *body;
    size_t len;
    const atomic_bool *cancel; /* may be NULL; set: the POST stops at once */
};

struct lf_post_result {
    long http_status;                   /* 0 when no answer */
    char answer[LF_POST_MAX_ANSWER_BYTES + 1]; /* the answer's start, NUL-terminated */
    char error[LF_POST_ERROR_BYTES];    /* "" when 2xx, else "URL: problem" */
};

/* true for a 2xx answer; result always filled. */
bool lf_post(const struct lf_post_request *req, struct lf_post_result *result) LF_MUST_CHECK;

struct lf_mail {
    const char *smtp_url;      /* smtp://host:port or smtps://host:port */
    const char *user;          /* "" or NULL: no login */
    const char *password;
    const char *from;          /* an address */
    const char *to;            /* one address */
    const char *subject;       /* UTF-8, one line */
    const char *text;          /* UTF-8 body, lines ended by \n */
};

/* Sends one e-mail (STARTTLS used when the server offers it). false with
 * err filled ("smtp://host: problem"). */
bool lf_mail_send(const struct lf_mail *mail, char *err, size_t err_size) LF_MUST_CHECK;

#endif
