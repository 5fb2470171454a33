/* One defensive GET with libcurl (see fetch.h). Every ceiling is set on
 * the handle (protocols, redirects, timeouts, size) and checked again in
 * the callbacks, so a misbehaving server can cost time up to the
 * timeouts and memory up to max_bytes, never more. */
#include "sync/fetch.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include <curl/curl.h>

#include "core/clock_floor.h"
#include "core/xalloc.h"

struct lf_fetcher {
    CURL *curl;
    struct lf_fetch_options opt;
    char *ca_file;
    char *user_agent;
};

/* State of one transfer, seen by the callbacks. */
struct transfer {
    CURL *curl;
    const struct lf_fetch_request *req;
    const atomic_bool *cancel;
    size_t received;
    char *buf;             /* memory sink */
    size_t cap;
    bool too_big;          /* stopped by the ceiling while receiving */
    bool wrong_status;     /* a body of a response other than 200 */
    char encoding[LF_MAX_HTTP_HEADER_BYTES + 1]; /* a Content-Encoding not asked for, "" = none */
    bool sink_failed;
    char sink_err[LF_FETCH_ERROR_BYTES];
    size_t header_bytes;   /* of the response being received */
    int64_t status_mono_ms; /* when its status line arrived */
    bool headers_too_big;
};

struct lf_fetcher *lf_fetcher_create(const struct lf_fetch_options *opt)
{
    CURL *c = curl_easy_init();
    if (!c) {
        lf_error("sync: cannot create a curl handle");
        return NULL;
    }
    struct lf_fetcher *f = lf_xcalloc(1, sizeof(*f));
    f->curl = c;
    f->opt = *opt;
    f->ca_file = opt->ca_file && opt->ca_file[0] ? lf_xstrdup(opt->ca_file) : NULL;
    f->opt.ca_file = f->ca_file;
    f->user_agent = opt->screen_name && opt->screen_name[0]
                        ? lf_xasprintf("litfass/%s (%s)", LITFASS_VERSION, opt->screen_name)
                        : lf_xstrdup("litfass/" LITFASS_VERSION);
    f->opt.screen_name = NULL;
    return f;
}

void lf_fetcher_destroy(struct lf_fetcher *f)
{
    if (!f)
        return;
    curl_easy_cleanup(f->curl);
    free(f->ca_file);
    free(f->user_agent);
    free(f);
}

/* The value of header `name` of the last response, trimmed, or "". */
static void header_value(CURL *c, const char *name, char *out, size_t size);

/* True when the response came with a Content-Encoding other than identity:
 * litfass asks for none (no Accept-Encoding), so the body would be gzip (or
 * other) bytes instead of the file. `out` receives the encoding's name. */
static bool unasked_encoding(CURL *c, char *out, size_t size)
{
    header_value(c, "Content-Encoding", out, size);
    if (out[0] == '\0' || strcasecmp(out, "identity") == 0) {
        out[0] = '\0';
        return false;
    }
    return true;
}

static size_t on_body(char *data, size_t size, size_t nmemb, void *userdata)
{
    struct transfer *t = userdata;
    size_t n = size * nmemb;
    long status = 0;
    curl_easy_getinfo(t->curl, CURLINFO_RESPONSE_CODE, &status);
    if (status != 200) {
        t->wrong_status = true; /* headers are in; the body is not wanted */
        return 0;
    }
    if (t->received == 0 && unasked_encoding(t->curl, t->encoding, sizeof(t->encoding)))
        return 0; /* compressed bytes are not the file: say so, not "NUL byte" later */
    if (n > t->req->max_bytes - t->received) {
        t->too_big = true;
        return 0;
    }
    t->received += n;
    if (t->req->sink) {
        if (!t->req->sink(t->req->sink_ctx, data, n, t->sink_err)) {
            t->sink_failed = true;
            return 0;
        }
        return n;
    }
    if (t->received + 1 > t->cap) {
        size_t cap = t->cap ? t->cap : 16384;
        while (cap < t->received + 1)
            cap *= 2;
        if (cap > t->req->max_bytes + 1)
            cap = t->req->max_bytes + 1;
        t->buf = lf_xrealloc(t->buf, cap);
        t->cap = cap;
    }
    memcpy(t->buf + t->received - n, data, n);
    return n;
}

/* Counts the response's header bytes: curl's own ceiling is reported as
 * "Out of memory", ours says what happened. A new status line (after a
 * redirect or a 100 Continue) starts a new count. */
static size_t on_header(char *data, size_t size, size_t nmemb, void *userdata)
{
    struct transfer *t = userdata;
    size_t n = size * nmemb;
    if (n >= 5 && memcmp(data, "HTTP/", 5) == 0) {
        t->header_bytes = 0;
        t->status_mono_ms = lf_clock_mono_ms();
    }
    t->header_bytes += n;
    if (t->header_bytes > LF_MAX_HTTP_RESPONSE_HEADER_BYTES) {
        t->headers_too_big = true;
        return 0;
    }
    return n;
}

static int on_progress(void *userdata, curl_off_t dltotal, curl_off_t dlnow, curl_off_t ultotal,
                       curl_off_t ulnow)
{
    (void)dltotal;
    (void)dlnow;
    (void)ultotal;
    (void)ulnow;
    struct transfer *t = userdata;
    return t->cancel && atomic_load(t->cancel) ? 1 : 0;
}

/* The value of header `name` of the last response, trimmed, or "" (also
 * when it does not fit: a cut ETag would never match). */
static void header_value(CURL *c, const char *name, char *out, size_t size)
{
    struct curl_header *h = NULL;
    out[0] = '\0';
    if (curl_easy_header(c, name, 0, CURLH_HEADER, -1, &h) != CURLHE_OK || !h || !h->value)
        return;
    const char *v = h->value;
    while (*v == ' ' || *v == '\t')
        v++;
    size_t n = strlen(v);
    while (n > 0 && isspace((unsigned char)v[n - 1]))
        n--;
    if (n >= size)
        return;
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)v[i] < 0x20 || v[i] == 0x7f)
            return;
    memcpy(out, v, n);
    out[n] = '\0';
}

long lf_fetch_parse_retry_after(const char *value, long now)
{
    if (!value || !value[0])
        return 0;
    long s = 0;
    if (isdigit((unsigned char)value[0])) {
        char *end;
        errno = 0;
        long long v = strtoll(value, &end, 10);
        if (*end != '\0')
            return 0;
        s = errno == ERANGE || v > LF_SYNC_MAX_RETRY_AFTER_S ? LF_SYNC_MAX_RETRY_AFTER_S : (long)v;
    } else {
        time_t t = curl_getdate(value, NULL);
        if (t < 0)
            return 0;
        s = t <= now ? 0 : (t - now > LF_SYNC_MAX_RETRY_AFTER_S ? LF_SYNC_MAX_RETRY_AFTER_S
                                                                : (long)(t - now));
    }
    return s < 0 ? 0 : s;
}

/* An HTTP date as seconds since 1970, or -1 when missing or unreadable.
 * curl_getdate reads all three forms of RFC 9110 5.6.7, and also a date
 * without its time ("Wed, 02 Dec 2026": midnight), which is no HTTP date
 * and would hide a day of changes: a time of day is required. */
static long long http_date(const char *value)
{
    if (!value || !value[0] || !strchr(value, ':'))
        return -1;
    time_t t = curl_getdate(value, NULL);
    return t < 0 ? -1 : (long long)t;
}

unsigned lf_fetch_validators_to_send(const char *etag, const char *last_modified,
                                     const char *date)
{
    bool have_lm = last_modified && last_modified[0];
    long long lm = http_date(last_modified), at = http_date(date);
    bool lm_settled = have_lm && lm >= 0 && at >= 0 && at - lm >= LF_FETCH_VALIDATOR_SETTLE_S;
    bool strong = etag && etag[0] && strncmp(etag, "W/", 2) != 0;
    unsigned send = 0;
    if (lm_settled)
        send |= LF_FETCH_SEND_LAST_MODIFIED;
    if (strong && (lm_settled || !have_lm))
        send |= LF_FETCH_SEND_ETAG;
    return send;
}

/* Host and port of `url` into host/port ("" / 0 when unreadable). */
static void url_host(const char *url, char *host, size_t size, long *port)
{
    host[0] = '\0';
    *port = 0;
    CURLU *u = curl_url();
    if (!u)
        return;
    char *h = NULL, *p = NULL;
    if (curl_url_set(u, CURLUPART_URL, url, 0) == CURLUE_OK &&
        curl_url_get(u, CURLUPART_HOST, &h, 0) == CURLUE_OK &&
        curl_url_get(u, CURLUPART_PORT, &p, CURLU_DEFAULT_PORT) == CURLUE_OK && h && p) {
        snprintf(host, size, "%s", h);
        *port = strtol(p, NULL, 10);
    }
    curl_free(h);
    curl_free(p);
    curl_url_cleanup(u);
}

/* Whether the last response came from the host and port of `asked`. */
static bool same_host(CURL *c, const char *asked, char *host, size_t size)
{
    char *eff = NULL;
    long asked_port, got_port;
    url_host(asked, host, size, &asked_port);
    if (curl_easy_getinfo(c, CURLINFO_EFFECTIVE_URL, &eff) != CURLE_OK || !eff || !host[0])
        return false;
    char got[256];
    url_host(eff, got, sizeof(got), &got_port);
    return strcasecmp(got, host) == 0 && got_port == asked_port;
}

/* Whether libcurl found no HTTP answer: no status line (libcurl calls
 * that HTTP/0.9 and refuses it), or a status line it cannot read. */
static bool answer_not_http(CURLcode rc, const char *errbuf)
{
    return rc == CURLE_WEIRD_SERVER_REPLY ||
           (rc == CURLE_UNSUPPORTED_PROTOCOL && strstr(errbuf, "HTTP/0.9") != NULL);
}

static bool is_https(const char *url)
{
    return strncasecmp(url, "https://", 8) == 0;
}

static bool scheme_ok(const char *url, bool allow_http)
{
    return is_https(url) ||
           (allow_http && strncasecmp(url, "http://", 7) == 0);
}

const char *lf_fetch_failure_name(enum lf_fetch_failure failure)
{
    static const char *const names[] = {
        [LF_FETCH_FAIL_NONE] = "",           [LF_FETCH_FAIL_ADDRESS] = "address",
        [LF_FETCH_FAIL_DNS] = "dns",         [LF_FETCH_FAIL_CONNECT] = "connect",
        [LF_FETCH_FAIL_TIMEOUT] = "timeout", [LF_FETCH_FAIL_TLS] = "tls",
        [LF_FETCH_FAIL_CERTIFICATE] = "certificate",
        [LF_FETCH_FAIL_HTTP] = "http",       [LF_FETCH_FAIL_TOO_LARGE] = "too-large",
        [LF_FETCH_FAIL_REDIRECT] = "redirect", [LF_FETCH_FAIL_CUT] = "cut",
        [LF_FETCH_FAIL_COMPRESSED] = "compressed", [LF_FETCH_FAIL_NOT_HTTP] = "not-http",
        [LF_FETCH_FAIL_STOPPED] = "stopped", [LF_FETCH_FAIL_OTHER] = "other",
    };
    return (unsigned)failure < sizeof(names) / sizeof(names[0]) ? names[failure] : "other";
}

/* The kind of a libcurl failure. */
static enum lf_fetch_failure curl_failure(CURLcode rc)
{
    switch (rc) {
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
        return LF_FETCH_FAIL_DNS;
    case CURLE_COULDNT_CONNECT:
        return LF_FETCH_FAIL_CONNECT;
    case CURLE_OPERATION_TIMEDOUT:
        return LF_FETCH_FAIL_TIMEOUT;
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_ISSUER_ERROR:
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
    case CURLE_SSL_INVALIDCERTSTATUS:
        return LF_FETCH_FAIL_CERTIFICATE;
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CIPHER:
    case CURLE_SSL_CRL_BADFILE:
    case CURLE_SSL_SHUTDOWN_FAILED:
    case CURLE_SSL_ENGINE_NOTFOUND:
    case CURLE_SSL_ENGINE_SETFAILED:
    case CURLE_SSL_ENGINE_INITFAILED:
    case CURLE_USE_SSL_FAILED:
        return LF_FETCH_FAIL_TLS;
    case CURLE_TOO_MANY_REDIRECTS:
    case CURLE_UNSUPPORTED_PROTOCOL:
        return LF_FETCH_FAIL_REDIRECT;
    case CURLE_WEIRD_SERVER_REPLY:
        return LF_FETCH_FAIL_NOT_HTTP;
    case CURLE_GOT_NOTHING:
    case CURLE_RECV_ERROR:
    case CURLE_SEND_ERROR:
    case CURLE_PARTIAL_FILE:
        return LF_FETCH_FAIL_CUT;
    default:
        return LF_FETCH_FAIL_OTHER;
    }
}

void lf_fetch(struct lf_fetcher *f, const struct lf_fetch_request *req,
              struct lf_fetch_result *r)
{
    memset(r, 0, sizeof(*r));
    r->outcome = LF_FETCH_FAILED;
    const char *url = req->url;
    if (!scheme_ok(url, f->opt.allow_http)) {
        snprintf(r->error, sizeof(r->error),
                 "%s: only https:// addresses are allowed%s", url,
                 f->opt.allow_http ? " (or http://)" : " (sync.allow_http = yes allows http://)");
        r->failure = LF_FETCH_FAIL_ADDRESS;
        return;
    }
    CURL *c = f->curl;
    curl_easy_reset(c); /* keeps open connections */
    struct transfer t = {.curl = c, .req = req, .cancel = f->opt.cancel};
    char errbuf[CURL_ERROR_SIZE] = "";
    struct curl_slist *headers = NULL;
    const char *protocols = f->opt.allow_http ? "http,https" : "https";
    /* a redirect never lowers the protection: an https:// address is only
     * followed to https:// (allow_http is for addresses that are http://
     * themselves, e.g. a server in the house network, not for a downgrade
     * that anyone on the way could make, issue: https -> http) */
    bool secure = is_https(url);
    const char *redirect_protocols = secure ? "https" : protocols;

    curl_easy_setopt(c, CURLOPT_URL, url);
    curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, protocols);
    curl_easy_setopt(c, CURLOPT_REDIR_PROTOCOLS_STR, redirect_protocols);
    curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 1L);
    curl_easy_setopt(c, CURLOPT_MAXREDIRS, (long)LF_SYNC_MAX_REDIRECTS);
    curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST, 2L);
    if (f->opt.ca_file)
        curl_easy_setopt(c, CURLOPT_CAINFO, f->opt.ca_file);
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, f->opt.connect_timeout_s);
    curl_easy_setopt(c, CURLOPT_TIMEOUT, f->opt.transfer_timeout_s);
    curl_easy_setopt(c, CURLOPT_LOW_SPEED_LIMIT, f->opt.low_speed_bytes);
    curl_easy_setopt(c, CURLOPT_LOW_SPEED_TIME, f->opt.low_speed_s);
    curl_easy_setopt(c, CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)req->max_bytes);
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(c, CURLOPT_USERAGENT, f->user_agent);
    curl_easy_setopt(c, CURLOPT_ERRORBUFFER, errbuf);
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, &t);
    curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(c, CURLOPT_HEADERDATA, &t);
    curl_easy_setopt(c, CURLOPT_XFERINFOFUNCTION, on_progress);
    curl_easy_setopt(c, CURLOPT_XFERINFODATA, &t);
    curl_easy_setopt(c, CURLOPT_NOPROGRESS, 0L);
    if (req->if_none_match && req->if_none_match[0]) {
        char *h = lf_xasprintf("If-None-Match: %s", req->if_none_match);
        headers = curl_slist_append(headers, h);
        free(h);
    }
    if (req->if_modified_since && req->if_modified_since[0]) {
        char *h = lf_xasprintf("If-Modified-Since: %s", req->if_modified_since);
        headers = curl_slist_append(headers, h);
        free(h);
    }
    if (headers)
        curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers);

    CURLcode rc = curl_easy_perform(c);
    bool not_http = answer_not_http(rc, errbuf);
    long new_connections = 0;
    if (not_http && t.received == 0 && !t.headers_too_big &&
        curl_easy_getinfo(c, CURLINFO_NUM_CONNECTS, &new_connections) == CURLE_OK &&
        new_connections == 0) {
        /* on a kept-alive connection: the server may have left bytes of its
         * last answer there (a body longer than its Content-Length), which
         * then stand before this answer. Asked again on a new connection,
         * the answer is this request's own. */
        lf_debug("sync: %s: no HTTP answer on a reused connection (%s); asking on a new one",
                 url, errbuf);
        curl_easy_setopt(c, CURLOPT_FRESH_CONNECT, 1L);
        t.header_bytes = 0;
        errbuf[0] = '\0';
        rc = curl_easy_perform(c);
        not_http = answer_not_http(rc, errbuf);
    }
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &r->http_status);
    r->len = t.received;
    header_value(c, "ETag", r->etag, sizeof(r->etag));
    header_value(c, "Last-Modified", r->last_modified, sizeof(r->last_modified));
    header_value(c, "Date", r->date, sizeof(r->date));
    time_t server_date = r->date[0] ? curl_getdate(r->date, NULL) : -1;
    r->server_date = server_date > 0 ? server_date : 0;
    r->date_mono_ms = t.status_mono_ms;
    r->same_host = same_host(c, url, r->host, sizeof(r->host));
    bool conditional = (req->if_none_match && req->if_none_match[0]) ||
                       (req->if_modified_since && req->if_modified_since[0]);
    if (r->http_status == 429 || r->http_status == 503) {
        char value[LF_MAX_HTTP_HEADER_BYTES + 1];
        header_value(c, "Retry-After", value, sizeof(value));
        r->retry_after_s = lf_fetch_parse_retry_after(value, (long)time(NULL));
    }

    r->failure = LF_FETCH_FAIL_OTHER; /* until it is known to be NONE or another */
    if (t.cancel && atomic_load(t.cancel)) {
        r->cancelled = true;
        r->failure = LF_FETCH_FAIL_STOPPED;
        snprintf(r->error, sizeof(r->error), "%s: stopped (litfass is shutting down)", url);
    } else if (t.headers_too_big) {
        snprintf(r->error, sizeof(r->error),
                 "%s: the response's header is larger than %d bytes, not read", url,
                 LF_MAX_HTTP_RESPONSE_HEADER_BYTES);
        r->failure = LF_FETCH_FAIL_TOO_LARGE;
    } else if (t.too_big) {
        snprintf(r->error, sizeof(r->error),
                 "%s: larger than %zu bytes, stopped while receiving", url, req->max_bytes);
        r->failure = LF_FETCH_FAIL_TOO_LARGE;
    } else if (rc == CURLE_FILESIZE_EXCEEDED) {
        snprintf(r->error, sizeof(r->error),
                 "%s: larger than %zu bytes (by its Content-Length), not downloaded", url,
                 req->max_bytes);
        r->failure = LF_FETCH_FAIL_TOO_LARGE;
    } else if (t.encoding[0]) {
        snprintf(r->error, sizeof(r->error),
                 "%s: the server sent compressed data (Content-Encoding: %.100s) that was not "
                 "asked for: switch its compression off for this folder (nginx: gzip off)",
                 url, t.encoding);
        r->failure = LF_FETCH_FAIL_COMPRESSED;
    } else if (t.sink_failed) {
        snprintf(r->error, sizeof(r->error), "%s: %.400s", url, t.sink_err);
    } else if (t.wrong_status || (rc == CURLE_OK && r->http_status != 200 &&
                                  r->http_status != 304)) {
        if (r->retry_after_s > 0)
            snprintf(r->error, sizeof(r->error), "%s: HTTP %ld (retry after %ld s)", url,
                     r->http_status, r->retry_after_s);
        else
            snprintf(r->error, sizeof(r->error), "%s: HTTP %ld", url, r->http_status);
        r->failure = LF_FETCH_FAIL_HTTP;
    } else if (rc != CURLE_OK) {
        const char *why = errbuf[0] ? errbuf : curl_easy_strerror(rc);
        if (not_http) {
            snprintf(r->error, sizeof(r->error),
                     "%s: the answer is not HTTP (%s): is a web server at this address and "
                     "port?", url, why);
            r->failure = LF_FETCH_FAIL_NOT_HTTP;
        } else if (rc == CURLE_UNSUPPORTED_PROTOCOL && secure && f->opt.allow_http)
            snprintf(r->error, sizeof(r->error),
                     "%s: %s: an https:// address is only followed to https://, never "
                     "redirected to plain http:// (sync.allow_http = yes allows http:// only "
                     "for an address that is http:// itself)", url, why);
        else if (rc == CURLE_UNSUPPORTED_PROTOCOL)
            snprintf(r->error, sizeof(r->error), "%s: %s (only %s is allowed, also for redirects)",
                     url, why, f->opt.allow_http ? "http/https" : "https");
        else
            snprintf(r->error, sizeof(r->error), "%s: %s", url, why);
        if (!not_http)
            r->failure = curl_failure(rc);
    } else if (r->http_status == 304 && !conditional) {
        snprintf(r->error, sizeof(r->error),
                 "%s: HTTP 304 (not modified) to a request that was not conditional", url);
        r->failure = LF_FETCH_FAIL_HTTP;
    } else if (r->http_status == 304) {
        r->outcome = LF_FETCH_NOT_MODIFIED;
        r->failure = LF_FETCH_FAIL_NONE;
    } else {
        r->outcome = LF_FETCH_OK;
        r->failure = LF_FETCH_FAIL_NONE;
        if (!req->sink) {
            r->body = t.buf ? t.buf : lf_xmalloc(1);
            r->body[t.received] = '\0';
            t.buf = NULL;
        }
    }
    if (r->outcome == LF_FETCH_FAILED)
        r->body = NULL;
    free(t.buf);
    curl_slist_free_all(headers);
}
