/* One HTTP(S) download with libcurl's easy interface, defensive: https
 * only (http only when allowed), the same for redirects (at most
 * LF_SYNC_MAX_REDIRECTS; from an https:// address only to https://), TLS verification always on, connect timeout,
 * low-speed abort, overall timeout, a size ceiling enforced before (from
 * Content-Length) and while receiving, conditional GET, Retry-After.
 *
 * A struct lf_fetcher keeps one curl handle (so connections are reused
 * between the manifest and its files) and belongs to one thread: the sync
 * worker's, or main's for `litfass sync --once`. lf_sync_global_init()
 * (sync/sync.h) must have run before the first lf_fetcher_create().
 *
 * Every download goes through here (the studio's uploads are in
 * studio/upload.c; sync/post.c sends: POST, SMTP). */
#ifndef LF_SYNC_FETCH_H
#define LF_SYNC_FETCH_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "core/limits.h"
#include "core/log.h"

#define LF_FETCH_ERROR_BYTES 1024

struct lf_fetch_options {
    bool allow_http;          /* also http:// addresses, and redirects from one to
                                 http://; an https:// address is only ever followed
                                 to https:// */
    const char *ca_file;      /* NULL or "": the system's CAs */
    long connect_timeout_s;
    long transfer_timeout_s;  /* whole request */
    long low_speed_bytes;     /* abort when slower than this per second ... */
    long low_speed_s;         /* ... for this long */
    const atomic_bool *cancel; /* may be NULL; set: the transfer stops soon */
    const char *screen_name;  /* [monitor] name in the User-Agent
                                 ("litfass/0.1.0 (foyer-1)"); NULL or "": none */
};

/* Receives the body in pieces; false aborts the transfer (its error text
 * goes to `err`, LF_FETCH_ERROR_BYTES). */
typedef bool (*lf_fetch_sink)(void *ctx, const void *data, size_t n, char *err);

struct lf_fetch_request {
    const char *url;
    const char *if_none_match;      /* ETag, or NULL/"" */
    const char *if_modified_since;  /* Last-Modified as sent, or NULL/"" */
    size_t max_bytes;               /* body ceiling */
    lf_fetch_sink sink;             /* NULL: the body is kept in memory (result.body) */
    void *sink_ctx;
};

enum lf_fetch_outcome {
    LF_FETCH_OK,            /* 200, body delivered */
    LF_FETCH_NOT_MODIFIED,  /* 304 to a conditional request (to any other: FAILED) */
    LF_FETCH_FAILED,        /* anything else; error says what */
};

/* What kind of failure, for a person's words (the studio's page says what
 * happened and what to do by it; `error` keeps the technical text). */
enum lf_fetch_failure {
    LF_FETCH_FAIL_NONE,        /* not failed */
    LF_FETCH_FAIL_ADDRESS,     /* only https:// (or http://) addresses are fetched */
    LF_FETCH_FAIL_DNS,         /* the host name was not found */
    LF_FETCH_FAIL_CONNECT,     /* no connection: refused, or no route */
    LF_FETCH_FAIL_TIMEOUT,     /* no answer in time, or too slow */
    LF_FETCH_FAIL_CERTIFICATE, /* the server's certificate is not trusted (or not its name's) */
    LF_FETCH_FAIL_TLS,         /* no secure connection otherwise (handshake: no TLS there, ...) */
    LF_FETCH_FAIL_HTTP,        /* the server answered with another status (http_status) */
    LF_FETCH_FAIL_TOO_LARGE,   /* larger than the request's ceiling (body or header) */
    LF_FETCH_FAIL_REDIRECT,    /* too many redirects, or one to a scheme not allowed */
    LF_FETCH_FAIL_CUT,         /* the connection broke off during the answer */
    LF_FETCH_FAIL_COMPRESSED,  /* a Content-Encoding (gzip, ...) that was not asked for */
    LF_FETCH_FAIL_NOT_HTTP,    /* the answer is no HTTP (no status line: another service) */
    LF_FETCH_FAIL_STOPPED,     /* cancelled: litfass is shutting down */
    LF_FETCH_FAIL_OTHER,       /* anything else (the sink refused, ...) */
};

/* A stable word for the kind ("dns", "connect", ...; "" for NONE), as the
 * studio's API gives it ("reason"). */
const char *lf_fetch_failure_name(enum lf_fetch_failure failure);

struct lf_fetch_result {
    enum lf_fetch_outcome outcome;
    enum lf_fetch_failure failure;     /* FAILED: what kind; else NONE */
    long http_status;                  /* 0 when no response */
    char *body;                        /* sink NULL and OK: the body, NUL-terminated; free() */
    size_t len;                        /* bytes received */
    char etag[LF_MAX_HTTP_HEADER_BYTES + 1];
    char last_modified[LF_MAX_HTTP_HEADER_BYTES + 1];
    char date[LF_MAX_HTTP_HEADER_BYTES + 1];     /* the Date header as sent, "" = none */
    long retry_after_s;                /* 429/503 with Retry-After, else 0 */
    time_t server_date;                /* the response's Date, 0 = none */
    int64_t date_mono_ms;              /* lf_clock_mono_ms() when that response's status
                                          line arrived */
    bool same_host;                    /* the response came from the host (and port) of
                                          req->url, not from one a redirect led to */
    char host[256];                    /* req->url's host ("" when unreadable) */
    bool cancelled;
    char error[LF_FETCH_ERROR_BYTES];  /* "URL: problem", e.g.
                                          "https://x/content.json: HTTP 503 (retry after 120 s)" */
};

struct lf_fetcher;

/* NULL (logged) when curl cannot make a handle. */
struct lf_fetcher *lf_fetcher_create(const struct lf_fetch_options *opt) LF_MUST_CHECK;
void lf_fetcher_destroy(struct lf_fetcher *f);

/* Runs one GET. The result is always filled; outcome says how it went.
 * The caller frees result->body. */
void lf_fetch(struct lf_fetcher *f, const struct lf_fetch_request *req,
              struct lf_fetch_result *result);

/* An answer's validators may be sent back (If-None-Match,
 * If-Modified-Since) only when its Last-Modified lies at least this many
 * seconds before its Date (RFC 9110 8.8.2.2): HTTP dates count whole
 * seconds, and nginx's ETag is the file's mtime in whole seconds and its
 * size, so a second publish within that second, of the same size, would
 * get the same validators and a 304 for content that changed. */
#define LF_FETCH_VALIDATOR_SETTLE_S 1

/* Which validators of an answer (its ETag, Last-Modified and Date
 * headers as sent; NULL or "" = none) may be sent back in the next
 * conditional request for the same address:
 *   - Last-Modified when it and Date are both readable HTTP dates and
 *     Last-Modified is at least LF_FETCH_VALIDATOR_SETTLE_S before Date;
 *   - a strong ETag when Last-Modified may be sent, or when there is no
 *     Last-Modified at all (the server makes its ETag from something that
 *     is not a timestamp it shows). A strong ETag beside a Last-Modified
 *     too close to Date (or unreadable, or without a readable Date) is
 *     not trusted: nginx's is made from that mtime;
 *   - a weak ETag (W/"...") never: the server may keep it across a change
 *     it deems insignificant, and every byte of a signed manifest counts.
 * Nothing sent means the manifest is downloaded whole and compared by its
 * SHA-256: correct, only a few kilobytes more. */
enum {
    LF_FETCH_SEND_ETAG = 1,          /* If-None-Match: the ETag */
    LF_FETCH_SEND_LAST_MODIFIED = 2, /* If-Modified-Since: the Last-Modified */
};
unsigned lf_fetch_validators_to_send(const char *etag, const char *last_modified,
                                     const char *date);

/* Retry-After: delay-seconds or an HTTP-date, relative to `now`; 0 when
 * absent or unreadable; at most LF_SYNC_MAX_RETRY_AFTER_S. */
long lf_fetch_parse_retry_after(const char *value, long now);

#endif
