/* The studio's HTTP server: see server.h. The API is documented in
 * docs/studio-api.md; every endpoint is one row of `routes` below. */
#include "studio/server.h"

#include <arpa/inet.h>
#include <dirent.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <errno.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <signal.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "content/bundle.h"
#include "content/json_locate.h"
#include "layout/phrases.h"
#include "core/civil_time.h"
#include "core/durable.h"
#include "core/limits.h"
#include "core/test_setting.h"
#include "core/thread.h"
#include "core/xalloc.h"
#include "studio/audit.h"
#include "studio/draft.h"
#include "studio/fleet.h"
#include "calendar/ics.h"
#include "studio/ics_import.h"
#include "studio/item_preview.h"
#include "studio/publish.h"
#include "studio/publish_worker.h"
#include "studio/sessions.h"
#include "studio/users.h"
#include "studio/web_assets.h"
#include "sync/fetch.h"
#include "sync/post.h"
#include "sync/sync.h"

#define SESSION_COOKIE "litfass_session"
#define CSRF_HEADER "X-CSRF-Token"
#define TOKEN_HEX (LF_STUDIO_TOKEN_BYTES * 2)

/* No inline script or style, nothing from elsewhere; previews are blob: URLs. */
static const char csp[] = "default-src 'none'; script-src 'self'; style-src 'self'; "
                          "img-src 'self' blob: data:; connect-src 'self'; "
                          "font-src 'self'; base-uri 'none'; form-action 'self'; "
                          "frame-ancestors 'none'";

struct throttle {
    char key[LF_STUDIO_MAX_USER_NAME + INET6_ADDRSTRLEN + 4]; /* "u:name" / "a:address" */
    int failures;
    time_t last_failure, blocked_until;
};

struct studio {
    const struct lf_studio_options *opt;
    const struct lf_config *cfg;
    const char *data_dir;
    bool tls;
    struct lf_users *users;
    time_t users_mtime;
    struct lf_draft *draft;
    struct lf_publisher *publisher;
    struct lf_publish_worker *worker; /* delivers one publish at a time on its own thread */
    struct lf_item_preview *preview;
    struct lf_fleet *fleet;
    /* the draft, the publisher, the fleet and the audit log are used by the
     * request thread, by the main thread (calendar subscriptions) and by the
     * publish worker when a delivery ends: one at a time */
    pthread_mutex_t work;
    atomic_int fetching;   /* downloads under way for suspended requests */
    atomic_bool stopping;  /* they end at once */
    struct lf_sessions *sessions;
    struct throttle throttle[LF_STUDIO_THROTTLE_SLOTS];
};

/* One request while it arrives. */
struct request {
    const struct route *route;
    char *args[LF_STUDIO_MAX_ROUTE_ARGS];
    char *body;
    size_t len, cap, limit;
    bool too_large;
    bool answered; /* a response was queued before the body */
    /* a download for the request (ROUTE_FETCH): the handler asks for it
     * (fetch_url), the connection is suspended while a thread of its own
     * downloads, and the handler runs again with the result (fetched), so
     * the studio goes on answering everybody else meanwhile */
    char *fetch_url;
    bool fetch_http;
    atomic_bool fetched;
    struct lf_fetch_result fetch;
    struct MHD_Connection *conn;
    struct studio *s;
};

/* What a handler answers. */
struct reply {
    unsigned status;
    json_t *json;          /* the body, or ... */
    unsigned char *bytes;  /* ... raw bytes (freed), with type */
    size_t len;
    const char *type;
    char cookie[256];
    char extra_name[32], extra_value[64];
};

/* What a handler is given. */
struct call {
    struct studio *s;
    struct MHD_Connection *conn;
    struct request *rq;
    struct lf_session *session; /* NULL for public routes */
    enum lf_role role;
    json_t *body;            /* parsed JSON body (ROUTE_JSON) */
    char address[INET6_ADDRSTRLEN];
};

typedef void (*handler_fn)(struct call *c, struct reply *r);

enum {
    ROUTE_JSON = 1,    /* the body is a JSON object (parsed into call.body) */
    ROUTE_UPLOAD = 2,  /* the body is raw bytes up to LF_STUDIO_MAX_UPLOAD_BYTES */
    ROUTE_NO_CSRF = 4, /* a mutation that needs no CSRF token (login) */
    ROUTE_OPTIONAL_JSON = 8, /* a JSON body may be empty */
    ROUTE_HEARTBEAT = 16,    /* body at most LF_FLEET_MAX_HEARTBEAT_BYTES */
    ROUTE_SCREENSHOT = 32,   /* body at most LF_FLEET_MAX_SCREENSHOT_BYTES */
    ROUTE_FETCH = 64,        /* the handler may ask for a download first (request.fetch_url) */
};

struct route {
    const char *method;
    const char *pattern; /* "{}" matches one path part */
    enum lf_role role;   /* least role; 0 = no login needed */
    unsigned flags;
    handler_fn handler;
};

/* ---- replies ------------------------------------------------------------------------- */

static void reply_json(struct reply *r, unsigned status, json_t *json)
{
    r->status = status;
    json_decref(r->json);
    r->json = json;
}

static void reply_error(struct reply *r, unsigned status, const char *fmt, ...) LF_PRINTF(3, 4);
/* {"error": the English text, "msgid": fmt, "args": its values}: the page
 * shows the message in its language, found by msgid (web/messages.js). */
static void reply_error(struct reply *r, unsigned status, const char *fmt, ...)
{
    char msg[LF_PUBLISH_ERROR_BYTES];
    char args[LF_DIAG_MAX_ARGS][LF_DIAG_ARG_BYTES];
    const char *argv[LF_DIAG_MAX_ARGS];
    bool passed_on = strcmp(fmt, "%s") == 0; /* made elsewhere: no msgid */
    va_list ap;
    va_start(ap, fmt);
    int n = passed_on ? 0 : lf_format_args(fmt, ap, args, LF_DIAG_MAX_ARGS);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    for (int i = 0; i < n; i++)
        argv[i] = args[i];
    json_t *o = json_pack("{s:s}", "error", msg);
    if (!passed_on)
        lf_draft_put_msgid(o, fmt, argv, n);
    reply_json(r, status, o);
}

static enum MHD_Result send_reply(struct studio *s, struct MHD_Connection *conn,
                                  struct reply *r, bool api)
{
    struct MHD_Response *resp;
    if (r->json) {
        char *text = json_dumps(r->json, JSON_COMPACT);
        resp = MHD_create_response_from_buffer(strlen(text), text, MHD_RESPMEM_MUST_FREE);
        MHD_add_response_header(resp, "Content-Type", "application/json; charset=utf-8");
    } else if (r->bytes) {
        resp = MHD_create_response_from_buffer(r->len, r->bytes, MHD_RESPMEM_MUST_FREE);
        r->bytes = NULL;
        MHD_add_response_header(resp, "Content-Type", r->type);
    } else {
        resp = MHD_create_response_from_buffer(r->len, (void *)(r->type ? r->type : ""),
                                               MHD_RESPMEM_PERSISTENT);
    }
    MHD_add_response_header(resp, "Content-Security-Policy", csp);
    MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
    MHD_add_response_header(resp, "X-Frame-Options", "DENY");
    MHD_add_response_header(resp, "Referrer-Policy", "no-referrer");
    MHD_add_response_header(resp, "Cross-Origin-Opener-Policy", "same-origin");
    MHD_add_response_header(resp, "Cross-Origin-Resource-Policy", "same-origin");
    if (s->tls)
        MHD_add_response_header(resp, "Strict-Transport-Security", "max-age=31536000");
    MHD_add_response_header(resp, "Cache-Control", api ? "no-store" : "no-cache");
    if (r->cookie[0])
        MHD_add_response_header(resp, "Set-Cookie", r->cookie);
    if (r->extra_name[0])
        MHD_add_response_header(resp, r->extra_name, r->extra_value);
    enum MHD_Result ret = MHD_queue_response(conn, r->status, resp);
    MHD_destroy_response(resp);
    json_decref(r->json);
    r->json = NULL;
    free(r->bytes);
    return ret;
}

/* ---- users, sessions, throttling ----------------------------------------------------- */

/* users.json may be changed by `litfass studio user ...` while we run */
static void reload_users(struct studio *s)
{
    char *path = lf_xasprintf("%s/%s", s->data_dir, LF_USERS_FILE);
    struct stat st;
    time_t mtime = stat(path, &st) == 0 ? st.st_mtime * 1000000000L + st.st_mtim.tv_nsec : 0;
    free(path);
    if (s->users && mtime == s->users_mtime)
        return;
    char err[LF_USERS_ERROR_BYTES];
    struct lf_users *u = lf_users_load(s->data_dir, err, sizeof(err));
    if (!u) {
        lf_error("studio: %s (keeping the users read before)", err);
        return;
    }
    lf_users_destroy(s->users);
    s->users = u;
    s->users_mtime = mtime;
}

/* The session of the request's cookie, NULL when none or expired. */
static struct lf_session *session_of(struct studio *s, struct MHD_Connection *conn, bool *expired)
{
    const char *token = MHD_lookup_connection_value(conn, MHD_COOKIE_KIND, SESSION_COOKIE);
    *expired = false;
    if (!token || strlen(token) != TOKEN_HEX)
        return NULL;
    return lf_sessions_find(s->sessions, token, time(NULL), expired);
}

static void set_cookie(struct call *c, struct reply *r, const char *token, long max_age)
{
    snprintf(r->cookie, sizeof(r->cookie), "%s=%s; Path=/; HttpOnly; SameSite=Strict; Max-Age=%ld%s",
             SESSION_COOKIE, token, max_age, c->s->tls ? "; Secure" : "");
}

static struct throttle *throttle_slot(struct studio *s, const char *key, bool create)
{
    struct throttle *oldest = &s->throttle[0];
    time_t now = time(NULL);
    for (size_t i = 0; i < LF_STUDIO_THROTTLE_SLOTS; i++) {
        struct throttle *t = &s->throttle[i];
        if (t->key[0] && strcmp(t->key, key) == 0) {
            if (now - t->last_failure > LF_STUDIO_LOGIN_FORGET_S && now >= t->blocked_until)
                memset(t, 0, sizeof(*t));
            else
                return t;
        }
        if (t->last_failure < oldest->last_failure)
            oldest = t;
    }
    if (!create)
        return NULL;
    memset(oldest, 0, sizeof(*oldest));
    snprintf(oldest->key, sizeof(oldest->key), "%s", key);
    return oldest;
}

static long blocked_for(struct studio *s, const char *key)
{
    struct throttle *t = throttle_slot(s, key, false);
    time_t now = time(NULL);
    return t && t->blocked_until > now ? (long)(t->blocked_until - now) : 0;
}

static void note_failure(struct studio *s, const char *key, int free_attempts)
{
    struct throttle *t = throttle_slot(s, key, true);
    time_t now = time(NULL);
    t->failures++;
    t->last_failure = now;
    if (t->failures >= free_attempts) {
        int doublings = t->failures - free_attempts;
        long wait = LF_STUDIO_LOGIN_WAIT_S;
        while (doublings-- > 0 && wait < LF_STUDIO_LOGIN_MAX_WAIT_S)
            wait *= 2;
        if (wait > LF_STUDIO_LOGIN_MAX_WAIT_S)
            wait = LF_STUDIO_LOGIN_MAX_WAIT_S;
        t->blocked_until = now + wait;
    }
}

static void forget_failures(struct studio *s, const char *key)
{
    struct throttle *t = throttle_slot(s, key, false);
    if (t)
        memset(t, 0, sizeof(*t));
}

/* ---- helpers ------------------------------------------------------------------------- */

static const char *query(struct call *c, const char *name)
{
    return MHD_lookup_connection_value(c->conn, MHD_GET_ARGUMENT_KIND, name);
}

static const char *user_of(const struct call *c)
{
    return c->session ? c->session->user : "-";
}

static json_t *item_entry(const struct studio *s, const char *id)
{
    const json_t *item = lf_draft_item(s->draft, id);
    const json_t *meta = lf_draft_item_meta(s->draft, id);
    json_t *e = json_pack("{s:O, s:I}", "item", item, "revision",
                          (json_int_t)lf_draft_revision(s->draft, id));
    const char *keys[] = {"modified_by", "modified_at", "approved_by", "approved_at"};
    for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
        json_t *v = json_object_get(meta, keys[i]);
        if (v)
            json_object_set(e, keys[i], v);
    }
    json_object_set_new(e, "approved",
                        json_boolean(json_integer_value(json_object_get(meta, "approved_revision")) ==
                                     lf_draft_revision(s->draft, id)));
    return e;
}

/* The items of the newest published version by id (caller decrefs), {} if none. */
static json_t *published_items(const struct studio *s, long long *serial)
{
    json_t *versions = lf_publisher_versions(s->publisher);
    json_t *out = json_object();
    *serial = 0;
    size_t i;
    json_t *v;
    json_array_foreach(versions, i, v) {
        if (json_array_size(json_object_get(v, "delivered")) == 0)
            continue; /* signed but never delivered */
        *serial = json_integer_value(json_object_get(v, "serial"));
        break;
    }
    json_decref(versions);
    char *text = *serial ? lf_publisher_version_manifest(s->publisher, *serial) : NULL;
    json_error_t je;
    json_t *doc = text ? json_loads(text, 0, &je) : NULL;
    free(text);
    json_array_foreach(json_object_get(doc, "items"), i, v) {
        const char *id = json_string_value(json_object_get(v, "id"));
        if (id)
            json_object_set(out, id, v);
    }
    json_decref(doc);
    return out;
}

/* ---- handlers: session --------------------------------------------------------------- */

static void h_login(struct call *c, struct reply *r)
{
    struct studio *s = c->s;
    const char *user = json_string_value(json_object_get(c->body, "user"));
    const char *password = json_string_value(json_object_get(c->body, "password"));
    if (!user || !password) {
        reply_error(r, 400, "user and password are required");
        return;
    }
    char ukey[sizeof(((struct throttle *)0)->key)], akey[sizeof(ukey)];
    snprintf(ukey, sizeof(ukey), "u:%.*s", LF_STUDIO_MAX_USER_NAME, user);
    snprintf(akey, sizeof(akey), "a:%s", c->address);
    long wait = blocked_for(s, ukey);
    long wait_a = blocked_for(s, akey);
    if (wait_a > wait)
        wait = wait_a;
    if (wait > 0) {
        snprintf(r->extra_name, sizeof(r->extra_name), "Retry-After");
        snprintf(r->extra_value, sizeof(r->extra_value), "%ld", wait);
        reply_json(r, 429,
                   json_pack("{s:s, s:s, s:[], s:I}", "error",
                             "too many wrong passwords: wait before trying again", "msgid",
                             "too many wrong passwords: wait before trying again", "args",
                             "retry_after", (json_int_t)wait));
        lf_audit(s->data_dir, user, "login-throttled", NULL, c->address);
        return;
    }
    reload_users(s);
    enum lf_role role = 0;
    if (!s->users || !lf_users_check(s->users, user, password, &role)) {
        note_failure(s, ukey, LF_STUDIO_LOGIN_FREE_ATTEMPTS);
        note_failure(s, akey, LF_STUDIO_LOGIN_FREE_ATTEMPTS_ADDRESS);
        lf_audit(s->data_dir, user, "login-failed", NULL, c->address);
        reply_error(r, 401, "user name or password is wrong");
        return;
    }
    forget_failures(s, ukey);
    forget_failures(s, akey);
    unsigned char stamp[LF_USER_STAMP_BYTES] = {0};
    if (!lf_users_stamp(s->users, user, stamp))
        memset(stamp, 0, sizeof(stamp));
    char token[TOKEN_HEX + 1];
    struct lf_session *se = lf_sessions_new(s->sessions, user, stamp, time(NULL), token);
    set_cookie(c, r, token, (long)LF_STUDIO_SESSION_MAX_S);
    sodium_memzero(token, sizeof(token));
    lf_audit(s->data_dir, user, "login", NULL, c->address);
    reply_json(r, 200,
               json_pack("{s:s, s:s, s:s, s:i, s:b}", "user", user, "role", lf_role_name(role),
                         "csrf", se->csrf, "session_seconds", s->cfg->studio_session_seconds,
                         "require_approval", s->cfg->publish_require_approval));
}

static void h_logout(struct call *c, struct reply *r)
{
    lf_sessions_end(c->s->sessions, c->session);
    c->session = NULL;
    set_cookie(c, r, "", 0);
    reply_json(r, 200, json_pack("{s:b}", "ok", true));
}

static void h_session(struct call *c, struct reply *r)
{
    reply_json(r, 200,
               json_pack("{s:s, s:s, s:s, s:i, s:b, s:b, s:b}", "user", c->session->user, "role",
                         lf_role_name(c->role), "csrf", c->session->csrf, "session_seconds",
                         c->s->cfg->studio_session_seconds, "require_approval",
                         c->s->cfg->publish_require_approval, "can_publish",
                         c->s->cfg->publish_key[0] != '\0', "tls", c->s->tls));
}

/* The bundle's top-level fields the studio sets, from the draft DOC. */
static json_t *settings_of(const json_t *doc)
{
    json_t *bundle = json_object();
    const char *keys[] = {"organisation", "default_language", "version"};
    for (size_t k = 0; k < 3; k++) {
        json_t *v = json_object_get(doc, keys[k]);
        if (v)
            json_object_set(bundle, keys[k], v);
    }
    return bundle;
}

/* ---- handlers: items ----------------------------------------------------------------- */

static void h_items(struct call *c, struct reply *r)
{
    struct studio *s = c->s;
    const json_t *doc = lf_draft_doc(s->draft);
    json_t *list = json_array();
    size_t i;
    json_t *it;
    json_array_foreach(json_object_get(doc, "items"), i, it) {
        const char *id = json_string_value(json_object_get(it, "id"));
        if (id)
            json_array_append_new(list, item_entry(s, id));
    }
    json_t *bundle = settings_of(doc);
    reply_json(r, 200,
               json_pack("{s:o, s:o, s:O}", "items", list, "bundle", bundle, "bundle_meta",
                         lf_draft_bundle_meta(s->draft)));
}

static void after_save(struct call *c, const char *id)
{
    /* a publisher's own change needs no second look */
    if (c->role >= LF_ROLE_PUBLISHER) {
        char err[LF_DRAFT_ERROR_BYTES];
        if (lf_draft_approve(c->s->draft, id, user_of(c), err, sizeof(err)) != LF_DRAFT_OK)
            lf_error("studio: %s", err);
    }
}

static void draft_failure(struct reply *r, enum lf_draft_result res, const char *err,
                          const struct lf_draft *d)
{
    switch (res) {
    case LF_DRAFT_NOT_FOUND:
        reply_error(r, 404, "no such item");
        break;
    case LF_DRAFT_EXISTS:
    case LF_DRAFT_CONFLICT:
        reply_error(r, 409, "%s", err);
        break;
    case LF_DRAFT_IO:
        reply_error(r, 500, "%s", err);
        break;
    default:
        reply_error(r, 400, "%s", err);
        break;
    }
    lf_draft_put_error_msgid(d, r->json);
}

static void h_item_create(struct call *c, struct reply *r)
{
    json_t *item = json_object_get(c->body, "item");
    if (!item)
        item = c->body; /* the item itself is accepted too */
    char err[LF_DRAFT_ERROR_BYTES] = "";
    const char *id = NULL;
    enum lf_draft_result res =
        lf_draft_create(c->s->draft, json_deep_copy(item), user_of(c), &id, err, sizeof(err));
    if (res != LF_DRAFT_OK) {
        draft_failure(r, res, err, c->s->draft);
        return;
    }
    after_save(c, id);
    lf_audit(c->s->data_dir, user_of(c), "create", id, NULL);
    reply_json(r, 201, item_entry(c->s, id));
}

static void h_item_get(struct call *c, struct reply *r)
{
    if (!lf_draft_item(c->s->draft, c->rq->args[0])) {
        reply_error(r, 404, "no item '%s'", c->rq->args[0]);
        return;
    }
    reply_json(r, 200, item_entry(c->s, c->rq->args[0]));
}

static void h_item_put(struct call *c, struct reply *r)
{
    const char *id = c->rq->args[0];
    json_t *item = json_object_get(c->body, "item");
    json_t *rev = json_object_get(c->body, "revision");
    if (!json_is_object(item) || !json_is_integer(rev)) {
        reply_error(r, 400, "send {\"item\": {...}, \"revision\": N} (the revision you edited)");
        return;
    }
    char err[LF_DRAFT_ERROR_BYTES] = "";
    enum lf_draft_result res = lf_draft_replace(c->s->draft, id, json_deep_copy(item),
                                                json_integer_value(rev), user_of(c), err,
                                                sizeof(err));
    if (res == LF_DRAFT_CONFLICT) {
        /* both versions, so the user can merge by hand: never a silent overwrite */
        reply_json(r, 409,
                   json_pack("{s:s, s:O, s:o}", "error", err, "yours", item, "theirs",
                             item_entry(c->s, id)));
        return;
    }
    if (res != LF_DRAFT_OK) {
        draft_failure(r, res, err, c->s->draft);
        return;
    }
    after_save(c, id);
    lf_audit(c->s->data_dir, user_of(c), "change", id, NULL);
    reply_json(r, 200, item_entry(c->s, id));
}

static void h_item_delete(struct call *c, struct reply *r)
{
    const char *id = c->rq->args[0];
    const char *rev = query(c, "revision");
    long long revision = rev ? strtoll(rev, NULL, 10) : lf_draft_revision(c->s->draft, id);
    char err[LF_DRAFT_ERROR_BYTES] = "";
    enum lf_draft_result res = lf_draft_delete(c->s->draft, id, revision, user_of(c),
                                               c->role >= LF_ROLE_PUBLISHER, err, sizeof(err));
    if (res != LF_DRAFT_OK) {
        draft_failure(r, res, err, c->s->draft);
        return;
    }
    lf_audit(c->s->data_dir, user_of(c), "delete", id, NULL);
    reply_json(r, 200, json_pack("{s:b}", "ok", true));
}

static void h_order(struct call *c, struct reply *r)
{
    char err[LF_DRAFT_ERROR_BYTES] = "";
    enum lf_draft_result res =
        lf_draft_reorder(c->s->draft, json_object_get(c->body, "ids"), err, sizeof(err));
    if (res != LF_DRAFT_OK) {
        draft_failure(r, res, err, c->s->draft);
        return;
    }
    lf_audit(c->s->data_dir, user_of(c), "order", NULL, NULL);
    reply_json(r, 200, json_pack("{s:b}", "ok", true));
}

/* The settings (the bundle's top-level fields the studio sets) with their
 * revision, who saved them last and when. */
static json_t *bundle_entry(const struct studio *s)
{
    const json_t *doc = lf_draft_doc(s->draft);
    json_t *bundle = settings_of(doc);
    json_t *out = json_deep_copy(lf_draft_bundle_meta(s->draft));
    json_object_set_new(out, "bundle", bundle);
    return out;
}

/* The settings' ETag: the revision, so If-Match can name the one edited. */
static void set_bundle_etag(const struct studio *s, struct reply *r)
{
    snprintf(r->extra_name, sizeof(r->extra_name), "ETag");
    snprintf(r->extra_value, sizeof(r->extra_value), "\"settings-%lld\"",
             lf_draft_bundle_revision(s->draft));
}

static void h_bundle_get(struct call *c, struct reply *r)
{
    set_bundle_etag(c->s, r);
    reply_json(r, 200, bundle_entry(c->s));
}

/* The revision a save was edited from: "revision" in the body, or the
 * ETag in If-Match; -1 when neither names one. */
static long long bundle_base(struct call *c)
{
    json_t *rev = json_object_get(c->body, "revision");
    if (json_is_integer(rev))
        return json_integer_value(rev);
    const char *m = MHD_lookup_connection_value(c->conn, MHD_HEADER_KIND, "If-Match");
    if (!m)
        return -1;
    if (strncmp(m, "W/", 2) == 0)
        m += 2;
    const char *prefix = "\"settings-";
    if (strncmp(m, prefix, strlen(prefix)) != 0)
        return -1;
    char *end;
    long long n = strtoll(m + strlen(prefix), &end, 10);
    return (end[0] == '"' && end[1] == '\0' && n > 0) ? n : -1;
}

static void h_bundle_put(struct call *c, struct reply *r)
{
    struct studio *s = c->s;
    long long base = bundle_base(c);
    if (base < 0) {
        reply_error(r, 428,
                    "send the settings' revision you edited: {\"revision\": N, ...} or "
                    "If-Match: \"settings-N\" (GET /api/bundle)");
        return;
    }
    json_t *fields = json_copy(c->body);
    json_object_del(fields, "revision");
    char err[LF_DRAFT_ERROR_BYTES] = "";
    enum lf_draft_result res =
        lf_draft_set_bundle(s->draft, fields, base, user_of(c), err, sizeof(err));
    if (res == LF_DRAFT_CONFLICT) {
        /* both, so the page can say what the other person changed: never a silent overwrite */
        set_bundle_etag(s, r);
        reply_json(r, 409,
                   json_pack("{s:s, s:o, s:o}", "error", err, "yours", fields, "theirs",
                             bundle_entry(s)));
        lf_draft_put_error_msgid(s->draft, r->json);
        return;
    }
    json_decref(fields);
    if (res != LF_DRAFT_OK) {
        draft_failure(r, res, err, s->draft);
        return;
    }
    lf_audit(s->data_dir, user_of(c), "bundle", NULL, NULL);
    set_bundle_etag(s, r);
    json_t *out = bundle_entry(s);
    json_object_set_new(out, "ok", json_true());
    reply_json(r, 200, out);
}

/* ---- handlers: languages ------------------------------------------------------------ */

/* The languages the studio offers to add, most asked for in a German
 * integration centre first (de itself always). */
static const char *const offered_langs[] = {"de", "de-x-ls", "en", "tr", "ar", "fa", "prs",
                                            "ps", "kmr", "ti", "uk", "ru", "pl", "ro",
                                            "bg", "fr"};
#define N_OFFERED (sizeof(offered_langs) / sizeof(offered_langs[0]))

/* One language as the page shows it, from the kiosk's own locale data
 * (layout/locale.c): its name in German and English, its name in itself as
 * the kiosk's language bar writes it, and its direction. */
static json_t *language_entry(const char *tag)
{
    char de[256], en[256];
    lf_lang_name_in(tag, "de", de, sizeof(de));
    lf_lang_name_in(tag, "en", en, sizeof(en));
    bool known = lf_lang_known(tag);
    return json_pack("{s:s, s:{s:s, s:s}, s:s, s:s, s:b}", "tag", tag, "name", "de", de, "en",
                     en, "autonym", lf_lang_endonym(tag), "dir",
                     lf_lang_is_rtl(tag) ? "rtl" : "ltr", "known", known || strcmp(de, tag) != 0);
}

static bool tag_shape(const char *t, size_t n)
{
    if (n == 0 || n > LF_MAX_LANG_TAG)
        return false;
    for (size_t i = 0; i < n; i++)
        if (!((t[i] >= 'a' && t[i] <= 'z') || (t[i] >= 'A' && t[i] <= 'Z') ||
              (t[i] >= '0' && t[i] <= '9') || t[i] == '-'))
            return false;
    return true;
}

/* GET /api/languages[?tags=ar-SY,fa-AF]: the offered languages and those named. */
static void h_languages(struct call *c, struct reply *r)
{
    json_t *list = json_array(), *offered = json_array();
    for (size_t i = 0; i < N_OFFERED; i++) {
        json_array_append_new(list, language_entry(offered_langs[i]));
        json_array_append_new(offered, json_string(offered_langs[i]));
    }
    const char *tags = query(c, "tags");
    size_t count = 0;
    for (const char *p = tags; p && *p;) {
        size_t n = strcspn(p, ",");
        if (n) {
            if (!tag_shape(p, n) || ++count > LF_STUDIO_MAX_LANGUAGE_QUERY) {
                json_decref(list);
                json_decref(offered);
                if (count > LF_STUDIO_MAX_LANGUAGE_QUERY)
                    reply_error(r, 400, "tags: at most %d languages at once",
                                LF_STUDIO_MAX_LANGUAGE_QUERY);
                else
                    reply_error(r, 400, "tags: \"%.*s\" is not a language tag (like ar-SY)",
                                (int)(n > 40 ? 40 : n), p);
                return;
            }
            char tag[LF_MAX_LANG_TAG + 1];
            snprintf(tag, sizeof(tag), "%.*s", (int)n, p);
            bool seen = false;
            size_t i;
            json_t *e;
            json_array_foreach(list, i, e) {
                seen |= strcmp(json_string_value(json_object_get(e, "tag")), tag) == 0;
            }
            if (!seen)
                json_array_append_new(list, language_entry(tag));
        }
        p += n + (p[n] == ',');
    }
    reply_json(r, 200, json_pack("{s:o, s:o}", "languages", list, "offered", offered));
}

static void h_validate(struct call *c, struct reply *r)
{
    json_t *item = c->body ? json_object_get(c->body, "item") : NULL;
    if (item && !json_is_object(item)) {
        reply_error(r, 400, "item: an object");
        return;
    }
    reply_json(r, 200, lf_draft_validate(c->s->draft, item));
}

/* ---- handlers: preview --------------------------------------------------------------- */

static bool parse_size(const char *s, int *w, int *h)
{
    if (!s)
        return true;
    char *end;
    long a = strtol(s, &end, 10);
    if (*end != 'x')
        return false;
    long b = strtol(end + 1, &end, 10);
    if (*end || a <= 0 || b <= 0 || a > LF_MAX_SCREEN_SIDE || b > LF_MAX_SCREEN_SIDE)
        return false;
    *w = (int)a;
    *h = (int)b;
    return true;
}

static void preview(struct call *c, struct reply *r, const json_t *item)
{
    struct studio *s = c->s;
    const char *id = json_string_value(json_object_get(item, "id"));
    int w = 1920, h = 1080;
    long long page = 1;
    const char *lang = query(c, "lang");
    const char *page_s = query(c, "page");
    if (!id) {
        reply_error(r, 400, "item: needs an id");
        return;
    }
    if (!parse_size(query(c, "size"), &w, &h)) {
        reply_error(r, 400, "size: write it as WIDTHxHEIGHT, e.g. 1920x1080");
        return;
    }
    char *end = NULL;
    if (page_s && ((page = strtoll(page_s, &end, 10)) < 1 || *end ||
                   page > LF_STUDIO_MAX_PREVIEW_PAGES)) {
        reply_error(r, 400, "page: a number from 1 to %d", LF_STUDIO_MAX_PREVIEW_PAGES);
        return;
    }
    if (lang && (strlen(lang) > LF_MAX_LANG_TAG || strspn(lang, "abcdefghijklmnopqrstuvwxyz"
                                                               "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-") !=
                                                       strlen(lang))) {
        reply_error(r, 400, "lang: not a language tag");
        return;
    }
    /* the bundle as kiosks would get it, with only this item in it: a
     * problem in another item does not stop this preview */
    char *text = lf_draft_manifest(s->draft, item, true);
    struct lf_diags *diags = lf_diags_create();
    struct lf_bundle *b =
        lf_bundle_parse(text, strlen(text), LF_MANIFEST_NAME, lf_draft_dir(s->draft), diags);
    free(text);
    if (!b) {
        json_t *v = lf_draft_validate(s->draft, item);
        json_object_set_new(v, "error", json_string("the item has errors: fix them to see it"));
        reply_json(r, 422, v);
        lf_diags_destroy(diags);
        return;
    }
    struct lf_preview_request pr = {
        .bundle = b, .item_id = id, .width = w, .height = h, .lang = lang, .page = (int)page};
    unsigned char *png = NULL;
    size_t len = 0;
    int pages = 0;
    char err[LF_PUBLISH_ERROR_BYTES];
    if (!s->preview) {
        reply_error(r, 503, "the preview renderer did not start (fonts?)");
    } else if (lf_item_preview_render(s->preview, &pr, &png, &len, &pages, err, sizeof(err))) {
        r->status = 200;
        r->bytes = png;
        r->len = len;
        r->type = "image/png";
        snprintf(r->extra_name, sizeof(r->extra_name), "X-Litfass-Pages");
        snprintf(r->extra_value, sizeof(r->extra_value), "%d", pages);
    } else {
        reply_error(r, 400, "%s", err);
    }
    lf_bundle_destroy(b);
    lf_diags_destroy(diags);
}

static void h_preview_saved(struct call *c, struct reply *r)
{
    char id[LF_MAX_ID_BYTES + 8];
    snprintf(id, sizeof(id), "%s", c->rq->args[0]);
    size_t n = strlen(id);
    if (n > 4 && strcmp(id + n - 4, ".png") == 0)
        id[n - 4] = '\0';
    const json_t *item = lf_draft_id_valid(id) ? lf_draft_item(c->s->draft, id) : NULL;
    if (!item) {
        reply_error(r, 404, "no item '%s'", id);
        return;
    }
    preview(c, r, item);
}

static void h_preview_unsaved(struct call *c, struct reply *r)
{
    json_t *item = json_object_get(c->body, "item");
    if (!json_is_object(item)) {
        reply_error(r, 400, "send {\"item\": {...}}");
        return;
    }
    preview(c, r, item);
}

/* ---- handlers: images ---------------------------------------------------------------- */

static void h_image_put(struct call *c, struct reply *r)
{
    const char *name = c->rq->args[0];
    char err[LF_DRAFT_ERROR_BYTES];
    int w = 0, h = 0;
    if (!lf_draft_store_image(c->s->draft, name, c->rq->body, c->rq->len, &w, &h, err,
                              sizeof(err))) {
        reply_error(r, lf_draft_image_name_valid(name) ? 422 : 400, "%s", err);
        lf_draft_put_error_msgid(c->s->draft, r->json);
        return;
    }
    char path[LF_STUDIO_MAX_IMAGE_NAME + 16];
    snprintf(path, sizeof(path), "%s/%s", LF_DRAFT_IMAGES, name);
    lf_audit(c->s->data_dir, user_of(c), "image", NULL, path);
    reply_json(r, 201, json_pack("{s:s, s:i, s:i, s:I}", "path", path, "width", w, "height", h,
                                 "bytes", (json_int_t)c->rq->len));
}

static void h_image_get(struct call *c, struct reply *r)
{
    const char *name = c->rq->args[0];
    if (!lf_draft_image_name_valid(name)) {
        reply_error(r, 400, "not an image name");
        return;
    }
    char *path = lf_xasprintf("%s/%s/%s", lf_draft_dir(c->s->draft), LF_DRAFT_IMAGES, name);
    FILE *f = fopen(path, "rb");
    free(path);
    struct stat st;
    if (!f || fstat(fileno(f), &st) != 0 || !S_ISREG(st.st_mode) ||
        st.st_size > LF_MAX_IMAGE_BYTES) {
        if (f)
            fclose(f);
        reply_error(r, 404, "no image '%s'", name);
        return;
    }
    r->bytes = lf_xmalloc((size_t)st.st_size + 1);
    r->len = fread(r->bytes, 1, (size_t)st.st_size, f);
    fclose(f);
    const char *dot = strrchr(name, '.');
    r->type = !dot                             ? "image/jpeg"
              : strcasecmp(dot, ".png") == 0  ? "image/png"
              : strcasecmp(dot, ".gif") == 0  ? "image/gif"
              : strcasecmp(dot, ".webp") == 0 ? "image/webp"
                                              : "image/jpeg";
    r->status = 200;
}

static void h_images(struct call *c, struct reply *r)
{
    char *dir = lf_xasprintf("%s/%s", lf_draft_dir(c->s->draft), LF_DRAFT_IMAGES);
    json_t *list = json_array();
    DIR *d = opendir(dir);
    struct dirent *e;
    while (d && (e = readdir(d)) && json_array_size(list) < LF_MAX_BUNDLE_FILES) {
        if (lf_draft_image_name_valid(e->d_name))
            json_array_append_new(list, json_sprintf("%s/%s", LF_DRAFT_IMAGES, e->d_name));
    }
    if (d)
        closedir(d);
    free(dir);
    reply_json(r, 200, json_pack("{s:o}", "images", list));
}

/* ---- handlers: approval, publishing, versions, audit --------------------------------- */

/* One language of a text field: {"de": ..., "ar": ...}, or a plain string
 * (German). NULL when the text has none. */
static json_t *text_in(json_t *text, const char *lang)
{
    if (json_is_object(text))
        return json_object_get(text, lang);
    return json_is_string(text) && strcmp(lang, LF_FALLBACK_LANG) == 0 ? text : NULL;
}

/* A text in several languages: an object of strings only. Consultation hours
 * ({"ranges": [...], "note": {...}}) are an object too, but their keys are no
 * languages: the publisher read "Sprechzeiten (ranges)" and a range's "to" as
 * Tongan. */
static bool is_text(json_t *v)
{
    const char *k;
    json_t *x;
    if (!json_is_object(v))
        return false;
    json_object_foreach(v, k, x) {
        if (!json_is_string(x))
            return false;
    }
    return true;
}

/* Items whose draft differs from the newest published version, with what
 * changed field by field (each language of a text on its own). */
static json_t *changes(struct studio *s)
{
    long long serial;
    json_t *old = published_items(s, &serial);
    json_t *list = json_array();
    size_t i;
    json_t *it;
    json_array_foreach(json_object_get(lf_draft_doc(s->draft), "items"), i, it) {
        const char *id = json_string_value(json_object_get(it, "id"));
        if (!id)
            continue;
        json_t *before = json_object_get(old, id);
        if (before && json_equal(before, it)) {
            json_object_del(old, id);
            continue;
        }
        json_t *fields = json_array();
        json_t *keys = json_object();
        const char *k;
        json_t *v;
        json_object_foreach(it, k, v) json_object_set_new(keys, k, json_true());
        json_object_foreach(before, k, v) json_object_set_new(keys, k, json_true());
        json_object_foreach(keys, k, v) {
            json_t *a = json_object_get(before, k), *b = json_object_get(it, k);
            if (a && b && json_equal(a, b))
                continue;
            if ((is_text(a) || is_text(b)) && !(json_is_object(a) && !is_text(a)) &&
                !(json_is_object(b) && !is_text(b))) {
                /* a text: each language */
                json_t *langs = json_object();
                const char *l;
                json_t *t;
                json_object_foreach(is_text(a) ? a : NULL, l, t)
                    json_object_set_new(langs, l, json_true());
                json_object_foreach(is_text(b) ? b : NULL, l, t)
                    json_object_set_new(langs, l, json_true());
                json_object_foreach(langs, l, t) {
                    json_t *x = text_in(a, l), *y = text_in(b, l);
                    if (x && y && json_equal(x, y))
                        continue;
                    json_array_append_new(fields, json_pack("{s:s, s:s, s:O?, s:O?}", "field", k,
                                                            "lang", l, "before", x, "after", y));
                }
                json_decref(langs);
            } else {
                json_array_append_new(fields, json_pack("{s:s, s:O?, s:O?}", "field", k, "before",
                                                        a, "after", b));
            }
        }
        json_decref(keys);
        json_t *e = item_entry(s, id);
        json_object_set_new(e, "status", json_string(before ? "changed" : "added"));
        json_object_set_new(e, "fields", fields);
        json_array_append_new(list, e);
        json_object_del(old, id);
    }
    const char *k;
    json_t *v;
    json_object_foreach(old, k, v) {
        const json_t *m = lf_draft_item_meta(s->draft, k);
        json_t *e = json_pack("{s:O, s:s, s:b}", "item", v, "status", "removed", "approved",
                              !lf_draft_removal_waits(s->draft, k));
        if (json_object_get(m, "deleted_by")) {
            json_object_set(e, "modified_by", json_object_get(m, "deleted_by"));
            json_object_set(e, "modified_at", json_object_get(m, "deleted_at"));
        }
        json_array_append_new(list, e);
    }
    json_decref(old);
    return json_pack("{s:I, s:o}", "published_serial", (json_int_t)serial, "changes", list);
}

/* A manifest without what signing adds (serial, stamp, files list): what was put into it. */
static json_t *manifest_content(const char *text)
{
    json_error_t je;
    json_t *doc = text ? json_loads(text, 0, &je) : NULL;
    if (!json_is_object(doc)) {
        json_decref(doc);
        return NULL;
    }
    json_object_del(doc, "serial");
    json_object_del(doc, "created");
    json_object_del(doc, "expires");
    json_object_del(doc, "files");
    return doc;
}

/* True when a publish now would only repeat the newest version: no attempt came after it, it
 * went to every target configured now without error or interruption and the folder still
 * holds it (lf_publisher_live_everywhere), more than half of its validity is left (kiosks
 * refuse an expired version: a publish renews it), and the draft (the items in their order,
 * the settings, each picture byte for byte) is what it holds. False whenever unsure.
 * (Whether a remote server still has it the studio cannot know: publishing a version again
 * stays possible on the page.) */
static bool nothing_to_publish(struct studio *s)
{
    json_t *versions = lf_publisher_versions(s->publisher);
    json_t *newest = json_array_get(versions, 0);
    const char *created_text = json_string_value(json_object_get(newest, "created"));
    const char *expires_text = json_string_value(json_object_get(newest, "expires"));
    long long serial = json_integer_value(json_object_get(newest, "serial"));
    time_t created, expires, now = time(NULL);
    bool current = newest && serial > 0 && lf_publisher_live_everywhere(s->publisher, serial) &&
                   created_text && expires_text && lf_parse_datetime(created_text, &created) &&
                   lf_parse_datetime(expires_text, &expires) && expires > now &&
                   expires - now > (expires - created) / 2;
    json_decref(versions);
    if (!current)
        return false;
    char *text = lf_publisher_version_manifest(s->publisher, serial);
    json_error_t je;
    json_t *published = text ? json_loads(text, 0, &je) : NULL;
    json_t *was = manifest_content(text);
    free(text);
    char *draft_text = lf_draft_manifest(s->draft, NULL, false);
    json_t *now_doc = manifest_content(draft_text);
    free(draft_text);
    bool same = was && now_doc && json_equal(was, now_doc);
    /* the pictures: an upload under the same name changes no item */
    size_t i;
    json_t *it;
    json_array_foreach(json_object_get(now_doc, "items"), i, it) {
        const char *image = json_string_value(json_object_get(it, "image"));
        if (!same || !image)
            continue;
        const char *sha = NULL;
        size_t k;
        json_t *f;
        json_array_foreach(json_object_get(published, "files"), k, f) {
            const char *path = json_string_value(json_object_get(f, "path"));
            if (path && strcmp(path, image) == 0)
                sha = json_string_value(json_object_get(f, "sha256"));
        }
        char *full = lf_xasprintf("%s/%s", lf_draft_dir(s->draft), image);
        char hex[LF_SHA256_HEX + 1];
        uint64_t size = 0;
        same = sha && lf_file_sha256(full, hex, &size) && strcmp(hex, sha) == 0;
        free(full);
    }
    json_decref(published);
    json_decref(was);
    json_decref(now_doc);
    return same;
}

static void h_changes(struct call *c, struct reply *r)
{
    json_t *out = changes(c->s);
    json_object_set_new(out, "nothing_to_publish", json_boolean(nothing_to_publish(c->s)));
    reply_json(r, 200, out);
}

static void h_approve(struct call *c, struct reply *r)
{
    json_t *ids = json_object_get(c->body, "ids");
    if (!json_is_array(ids)) {
        reply_error(r, 400, "send {\"ids\": [...]} of the items you looked at");
        return;
    }
    size_t i;
    json_t *v;
    json_array_foreach(ids, i, v) {
        const char *id = json_string_value(v);
        char err[LF_DRAFT_ERROR_BYTES] = "";
        enum lf_draft_result res = id ? lf_draft_approve(c->s->draft, id, user_of(c), err, sizeof(err))
                                      : LF_DRAFT_BAD;
        if (res != LF_DRAFT_OK) {
            draft_failure(r, res, err[0] ? err : "ids: names of items", c->s->draft);
            return;
        }
        lf_audit(c->s->data_dir, user_of(c), "approve", id, NULL);
    }
    reply_json(r, 200, json_pack("{s:b}", "ok", true));
}

/* 409 when a publish is under way: who started it and since when, and its state
 * (the page follows it). */
static void busy_answer(struct reply *r, json_t *running)
{
    reply_error(r, 409, "a publish is under way: started by %s at %s",
                json_string_value(json_object_get(running, "by")),
                json_string_value(json_object_get(running, "since")));
    json_object_set_new(r->json, "job", running);
}

static bool busy_reply(struct studio *s, struct reply *r)
{
    if (!lf_publish_worker_busy(s->worker))
        return false;
    busy_answer(r, lf_publish_worker_state(s->worker));
    return true;
}

/* Hands a prepared version to the worker: 202 and the job's state at once; the
 * page asks GET /api/publish until it has ended. */
static void start_publish(struct studio *s, struct reply *r, struct lf_publish_job *job,
                          const char *user, long long again_from, const char *err)
{
    if (!job) {
        lf_audit(s->data_dir, user, "publish-failed", NULL, err);
        reply_error(r, strncmp(err, "no version", 10) == 0 ? 404 : 502, "%s", err);
        return;
    }
    json_t *running = NULL;
    json_t *state = lf_publish_worker_start(s->worker, job, user, again_from, &running);
    if (state)
        reply_json(r, 202, json_pack("{s:o}", "job", state));
    else if (running)
        busy_answer(r, running);
    else
        reply_error(r, 503, "cannot start publishing: try again in a minute");
}

/* The worker's thread, `work` held: a delivery ended. */
static void publish_done(void *ctx, const char *user, long long serial, long long again_from,
                         const json_t *version, const char *error)
{
    struct studio *s = ctx;
    if (!version) {
        lf_audit(s->data_dir, user, "publish-failed", NULL, error);
        lf_warn("studio: publishing by %s: %s", user, error);
        return;
    }
    char detail[96];
    if (again_from)
        snprintf(detail, sizeof(detail), "serial %lld (again: version %lld)", serial, again_from);
    else
        snprintf(detail, sizeof(detail), "serial %lld", serial);
    lf_audit(s->data_dir, user, "publish", NULL, detail);
    lf_fleet_published(s->fleet, serial, time(NULL));
    lf_info("studio: version %lld published by %s", serial, user);
}

/* GET /api/publish: the publish under way or the last one ended ({"job": null} before). */
static void h_publish_state(struct call *c, struct reply *r)
{
    reply_json(r, 200, json_pack("{s:o}", "job", lf_publish_worker_state(c->s->worker)));
}

static void h_publish(struct call *c, struct reply *r)
{
    struct studio *s = c->s;
    if (busy_reply(s, r)) /* a second click, or a colleague's: the one under way is named */
        return;
    json_t *v = lf_draft_validate(s->draft, NULL);
    if (!json_is_true(json_object_get(v, "valid"))) {
        json_object_set_new(v, "error",
                            json_string("the bundle has errors: fix them before publishing"));
        reply_json(r, 422, v);
        return;
    }
    json_decref(v);
    if (s->cfg->publish_require_approval) {
        json_t *ch = changes(s);
        json_t *waiting = json_array();
        size_t i;
        json_t *e;
        json_array_foreach(json_object_get(ch, "changes"), i, e) {
            if (!json_is_true(json_object_get(e, "approved")))
                json_array_append(waiting, json_object_get(json_object_get(e, "item"), "id"));
        }
        json_decref(ch);
        if (json_array_size(waiting)) {
            reply_json(r, 409,
                       json_pack("{s:s, s:o}", "error",
                                 "changes wait for a publisher's approval (four eyes)", "waiting",
                                 waiting));
            return;
        }
        json_decref(waiting);
    }
    const char *note = c->body ? json_string_value(json_object_get(c->body, "note")) : NULL;
    char *manifest = lf_draft_manifest(s->draft, NULL, false);
    char err[LF_PUBLISH_ERROR_BYTES];
    struct lf_publish_job *job = lf_publish_prepare(s->publisher, manifest, lf_draft_dir(s->draft),
                                                    user_of(c), note, 0, err, sizeof(err));
    free(manifest);
    start_publish(s, r, job, user_of(c), 0, err);
}

static void h_versions(struct call *c, struct reply *r)
{
    reply_json(r, 200, json_pack("{s:o}", "versions", lf_publisher_versions(c->s->publisher)));
}

static void h_republish(struct call *c, struct reply *r)
{
    char *end;
    long long serial = strtoll(c->rq->args[0], &end, 10);
    if (*end || serial <= 0) {
        reply_error(r, 404, "no version '%s'", c->rq->args[0]);
        return;
    }
    if (busy_reply(c->s, r))
        return;
    char err[LF_PUBLISH_ERROR_BYTES];
    struct lf_publish_job *job =
        lf_publish_again_prepare(c->s->publisher, serial, user_of(c), err, sizeof(err));
    if (!job && strncmp(err, "no version", 10) == 0) {
        reply_error(r, 404, "%s", err);
        return;
    }
    start_publish(c->s, r, job, user_of(c), serial, err);
}

static void h_version_get(struct call *c, struct reply *r)
{
    char *end;
    long long serial = strtoll(c->rq->args[0], &end, 10);
    char *text = *end ? NULL : lf_publisher_version_manifest(c->s->publisher, serial);
    json_error_t je;
    json_t *doc = text ? json_loads(text, 0, &je) : NULL;
    free(text);
    if (!doc) {
        reply_error(r, 404, "no version '%s'", c->rq->args[0]);
        return;
    }
    reply_json(r, 200, json_pack("{s:o}", "bundle", doc));
}

static void h_audit(struct call *c, struct reply *r)
{
    reply_json(r, 200, json_pack("{s:o}", "entries", lf_audit_list(c->s->data_dir, LF_AUDIT_MAX_LIST)));
}

static void h_users(struct call *c, struct reply *r)
{
    reload_users(c->s);
    json_t *list = json_array();
    for (size_t i = 0; c->s->users && i < lf_users_count(c->s->users); i++) {
        enum lf_role role;
        const char *name = lf_users_name(c->s->users, i, &role);
        json_array_append_new(list, json_pack("{s:s, s:s}", "name", name, "role", lf_role_name(role)));
    }
    reply_json(r, 200, json_pack("{s:o}", "users", list));
}

/* ---- calendar import (studio/ics_import.h) ------------------------------------------ */

/* The audit log's line of an import by a user (the page words it: auditDetail). */
static void audit_import(struct call *c, const char *source, const json_t *out)
{
    char detail[256];
    snprintf(detail, sizeof(detail), "%.100s: %lld added, %lld updated, %lld removed, %lld kept",
             source, (long long)json_integer_value(json_object_get(out, "added")),
             (long long)json_integer_value(json_object_get(out, "updated")),
             (long long)json_integer_value(json_object_get(out, "removed")),
             (long long)json_integer_value(json_object_get(out, "kept_edited")));
    lf_audit(c->s->data_dir, user_of(c), "import-ics", NULL, detail);
}

/* The filter of an import from {"categories": [...], "matches": [...]}
 * (pointers into j); false (answered 400) when malformed. */
static bool filter_from(json_t *j, struct lf_ics_filter *f, struct reply *r)
{
    memset(f, 0, sizeof(*f));
    static const char *const keys[] = {"categories", "matches"};
    for (int k = 0; k < 2; k++) {
        json_t *list = json_object_get(j, keys[k]), *v;
        size_t i;
        if (!list || json_is_null(list))
            continue;
        if (!json_is_array(list) || json_array_size(list) > LF_ICS_MAX_FILTERS) {
            reply_error(r, 400, "%s: a list of at most %d texts", keys[k], LF_ICS_MAX_FILTERS);
            return false;
        }
        json_array_foreach(list, i, v) {
            const char *t = json_string_value(v);
            if (!t || !t[0] || strlen(t) > LF_MAX_STRING_BYTES) {
                reply_error(r, 400, "%s: texts of 1 to %d bytes", keys[k], LF_MAX_STRING_BYTES);
                return false;
            }
            if (k == 0)
                f->categories[f->n_categories++] = t;
            else
                f->matches[f->n_matches++] = t;
        }
    }
    return true;
}

/* A list of texts from "a, b, c" (a query parameter), trimmed, empty ones left out. */
static json_t *comma_list(const char *s)
{
    json_t *list = json_array();
    while (s && *s) {
        size_t n = strcspn(s, ",");
        size_t a = 0, b = n;
        while (a < b && (s[a] == ' ' || s[a] == '\t'))
            a++;
        while (b > a && (s[b - 1] == ' ' || s[b - 1] == '\t'))
            b--;
        if (b > a)
            json_array_append_new(list, json_stringn(s + a, b - a));
        s += n + (s[n] == ',');
    }
    return list;
}

static void h_import_ics(struct call *c, struct reply *r)
{
    const char *name = query(c, "name");
    const char *tag = query(c, "tag");
    const char *days = query(c, "horizon_days");
    long horizon = LF_ICS_DEFAULT_HORIZON_DAYS;
    if (days) {
        char *end;
        horizon = strtol(days, &end, 10);
        if (*end || horizon < 1 || horizon > LF_ICS_MAX_HORIZON_DAYS) {
            reply_error(r, 400, "horizon_days: a number of days from 1 to %d",
                        LF_ICS_MAX_HORIZON_DAYS);
            return;
        }
    }
    if (tag && (strlen(tag) > LF_MAX_STRING_BYTES || !tag[0]))
        tag = NULL;
    char source[128];
    snprintf(source, sizeof(source), "%.100s", name && name[0] ? name : "calendar.ics");
    json_t *fj = json_pack("{s:o, s:o}", "categories", comma_list(query(c, "category")),
                           "matches", comma_list(query(c, "match")));
    struct lf_ics_filter filter;
    if (!filter_from(fj, &filter, r)) {
        json_decref(fj);
        return;
    }
    unsigned status = 500;
    json_t *out = lf_studio_import_ics(c->s->draft, c->s->data_dir, c->rq->body ? c->rq->body : "",
                                       c->rq->len, source, tag, (int)horizon, &filter, user_of(c),
                                       time(NULL), &status);
    json_decref(fj);
    if (status == 200)
        audit_import(c, source, out);
    reply_json(r, status, out);
}

/* ---- calendar subscriptions: a calendar URL polled at an interval ----------------------- */

static char *subs_path(const struct studio *s)
{
    return lf_xasprintf("%s/%s", s->data_dir, LF_STUDIO_ICS_SUBSCRIPTIONS_FILE);
}

static json_t *subs_load(const struct studio *s)
{
    char *path = subs_path(s);
    json_error_t je;
    json_t *doc = json_load_file(path, 0, &je);
    free(path);
    if (!json_is_array(json_object_get(doc, "subscriptions"))) {
        json_decref(doc);
        doc = json_pack("{s:[]}", "subscriptions");
    }
    return doc;
}

static void subs_save(const struct studio *s, json_t *doc)
{
    char *path = subs_path(s);
    char *text = json_dumps(doc, JSON_INDENT(2));
    if (!lf_durable_write(path, text, strlen(text), 0600))
        lf_error("studio: %s: cannot write: %s", path, strerror(errno));
    free(text);
    free(path);
}

static json_t *sub_named(json_t *doc, const char *name)
{
    size_t i;
    json_t *e;
    json_array_foreach(json_object_get(doc, "subscriptions"), i, e)
        if (strcmp(json_string_value(json_object_get(e, "name")) ? json_string_value(json_object_get(e, "name")) : "", name) == 0)
            return e;
    return NULL;
}

static json_t *iso_now(void)
{
    char at[32];
    time_t now = time(NULL);
    struct tm tm;
    gmtime_r(&now, &tm);
    strftime(at, sizeof(at), "%Y-%m-%dT%H:%M:%SZ", &tm);
    return json_string(at);
}

/* Downloads a calendar into res (body at most LF_ICS_MAX_BYTES, the limit
 * of every calendar import); the caller frees res->body. */
static void fetch_calendar(const char *url, bool allow_http, long timeout_s,
                           struct lf_fetch_result *res, const atomic_bool *cancel)
{
    struct lf_fetch_options fo = {
        .allow_http = allow_http,
        .connect_timeout_s = 10,
        .transfer_timeout_s = timeout_s,
        .low_speed_bytes = 1,
        .low_speed_s = timeout_s < 30 ? timeout_s : 30,
        .cancel = cancel,
    };
    memset(res, 0, sizeof(*res));
    struct lf_fetcher *f = lf_fetcher_create(&fo);
    if (!f) {
        res->outcome = LF_FETCH_FAILED;
        res->failure = LF_FETCH_FAIL_OTHER;
        snprintf(res->error, sizeof(res->error), "curl cannot make a handle");
        return;
    }
    struct lf_fetch_request rq = {.url = url, .max_bytes = LF_ICS_MAX_BYTES};
    lf_fetch(f, &rq, res);
    lf_fetcher_destroy(f);
}

/* The calendar address of a request or subscription: http(s), bounded. */
static bool calendar_url_ok(const char *url)
{
    return url && (strncmp(url, "https://", 8) == 0 || strncmp(url, "http://", 7) == 0) &&
           strlen(url) <= LF_MAX_URL_BYTES && !strpbrk(url, " \t\r\n");
}

/* POST /api/import/ics-url {"url", "tag"?, "horizon_days"?, "allow_http"?}:
 * the studio fetches the calendar once and imports it as an upload. The
 * request thread waits for the download (LF_STUDIO_ICS_ONCE_TIMEOUT_S at
 * most). */
static void h_import_ics_url(struct call *c, struct reply *r)
{
    char feed_url[LF_MAX_URL_BYTES + 16];
    const char *url = json_string_value(json_object_get(c->body, "url"));
    if (url) /* webcal:// links are fetched over https:// */
        url = lf_ics_feed_url(url, feed_url, sizeof(feed_url));
    json_t *tagv = json_object_get(c->body, "tag");
    json_t *days = json_object_get(c->body, "horizon_days");
    bool allow_http = json_is_true(json_object_get(c->body, "allow_http"));
    if (!calendar_url_ok(url)) {
        reply_json(r, 400, json_pack("{s:s, s:s, s:s}", "error",
                                     "url: an https:// address of the calendar (.ics)", "code",
                                     "ics-url", "field", "url"));
        return;
    }
    if (strncmp(url, "http://", 7) == 0 && !allow_http) {
        reply_json(r, 400, json_pack("{s:s, s:s, s:s}", "error",
                                     "url: http:// is not encrypted: allow it with allow_http",
                                     "code", "ics-url-http", "field", "url"));
        return;
    }
    json_int_t horizon = days ? json_integer_value(days) : LF_ICS_DEFAULT_HORIZON_DAYS;
    if (days && (!json_is_integer(days) || horizon < 1 || horizon > LF_ICS_MAX_HORIZON_DAYS)) {
        reply_json(r, 400, json_pack("{s:s, s:s, s:i}", "error",
                                     "horizon_days: a number of days from 1 to the limit", "code",
                                     "ics-horizon", "max", LF_ICS_MAX_HORIZON_DAYS));
        return;
    }
    const char *tag = json_string_value(tagv);
    if (tag && (strlen(tag) > LF_MAX_STRING_BYTES || !tag[0]))
        tag = NULL;
    struct lf_ics_filter filter;
    if (!filter_from(c->body, &filter, r))
        return;
    if (!atomic_load(&c->rq->fetched)) {
        /* first the download, on a thread of its own (on_request) */
        c->rq->fetch_url = lf_xstrdup(url);
        c->rq->fetch_http = allow_http;
        return;
    }
    struct lf_fetch_result res = c->rq->fetch;
    memset(&c->rq->fetch, 0, sizeof(c->rq->fetch)); /* the body is ours now */
    if (res.outcome != LF_FETCH_OK) {
        reply_json(r, 502, json_pack("{s:s, s:s, s:s, s:i, s:s}", "error", res.error, "code",
                                     "ics-fetch", "reason", lf_fetch_failure_name(res.failure),
                                     "http_status", (int)res.http_status, "source", url));
        free(res.body);
        return;
    }
    unsigned status = 500;
    json_t *out = lf_studio_import_ics(c->s->draft, c->s->data_dir, res.body, res.len, url, tag,
                                       (int)horizon, &filter, user_of(c), time(NULL), &status);
    free(res.body);
    if (status == 200)
        audit_import(c, url, out);
    reply_json(r, status, out);
}

/* Whether SIGINT or SIGTERM waits (the main thread blocks them and takes them in
 * its loop): a wait for a publish ends then. */
static bool stop_pending(void *unused)
{
    (void)unused;
    sigset_t pending;
    sigpending(&pending);
    return sigismember(&pending, SIGINT) == 1 || sigismember(&pending, SIGTERM) == 1;
}

/* Main thread, without s->work: a subscription that publishes by itself publishes the
 * draft (a valid one only) through the worker, after a publish under way has ended,
 * and waits for it to record the outcome in `sub`. */
static void sub_publish(struct studio *s, json_t *sub, const char *user)
{
    json_t *state = NULL;
    for (;;) {
        if (!lf_publish_worker_wait(s->worker, stop_pending, NULL))
            return; /* stopping: the draft keeps the import, a publisher publishes it */
        pthread_mutex_lock(&s->work);
        if (lf_publish_worker_busy(s->worker)) { /* an editor was quicker */
            pthread_mutex_unlock(&s->work);
            continue;
        }
        json_t *v = lf_draft_validate(s->draft, NULL);
        bool valid = json_is_true(json_object_get(v, "valid"));
        json_decref(v);
        if (!valid) {
            pthread_mutex_unlock(&s->work);
            json_object_set_new(sub, "last_error",
                                json_string("imported, but not published: the draft has errors"));
            json_object_set_new(sub, "last_error_msg",
                                json_pack("{s:s, s:s, s:[]}", "error",
                                          "imported, but not published: the draft has errors",
                                          "msgid",
                                          "imported, but not published: the draft has errors",
                                          "args"));
            return;
        }
        char err[LF_PUBLISH_ERROR_BYTES];
        char *manifest = lf_draft_manifest(s->draft, NULL, false);
        struct lf_publish_job *job = lf_publish_prepare(
            s->publisher, manifest, lf_draft_dir(s->draft), user, "calendar subscription", 0,
            err, sizeof(err));
        free(manifest);
        json_t *running = NULL;
        if (!job) {
            lf_audit(s->data_dir, user, "publish-failed", NULL, err);
            pthread_mutex_unlock(&s->work);
            json_object_set_new(sub, "last_error", json_string(err));
            return;
        }
        state = lf_publish_worker_start(s->worker, job, user, 0, &running);
        pthread_mutex_unlock(&s->work);
        json_decref(running);
        if (state)
            break;
        if (!running) {
            json_object_set_new(sub, "last_error", json_string("cannot start publishing"));
            return;
        }
    }
    json_int_t id = json_integer_value(json_object_get(state, "id"));
    json_decref(state);
    if (!lf_publish_worker_wait(s->worker, stop_pending, NULL))
        return;
    state = lf_publish_worker_state(s->worker);
    if (json_integer_value(json_object_get(state, "id")) == id) {
        const char *error = json_string_value(json_object_get(state, "error"));
        if (error)
            json_object_set_new(sub, "last_error", json_string(error));
        else
            json_object_set_new(sub, "last_published", json_integer(json_integer_value(
                                                           json_object_get(state, "serial"))));
    }
    json_decref(state);
}

/* Downloads and imports one subscription; records the outcome in `sub`.
 * Called without s->work held (the download takes time); takes it for the
 * draft. */
static void sub_run(struct studio *s, json_t *sub)
{
    const char *url = json_string_value(json_object_get(sub, "url"));
    const char *name = json_string_value(json_object_get(sub, "name"));
    const char *tag = json_string_value(json_object_get(sub, "tag"));
    json_object_set_new(sub, "last_attempt", iso_now());
    json_object_set_new(sub, "next_at", json_integer((json_int_t)time(NULL) +
                                                     json_integer_value(json_object_get(sub, "interval_seconds"))));
    struct lf_fetch_result res;
    fetch_calendar(url, json_is_true(json_object_get(sub, "allow_http")),
                   LF_STUDIO_ICS_FETCH_TIMEOUT_S, &res, &s->stopping);
    if (res.outcome != LF_FETCH_OK) {
        json_object_set_new(sub, "last_error", json_string(res.error));
        /* what the page says in its language (web/messages.js) */
        json_object_set_new(sub, "last_error_msg",
                            json_pack("{s:s, s:s, s:i, s:s}", "code", "ics-fetch", "reason",
                                      lf_fetch_failure_name(res.failure), "http_status",
                                      (int)res.http_status, "error", res.error));
        lf_warn("studio: calendar %s: %s (the last good import stays)", name, res.error);
        free(res.body);
        return;
    }
    char user[LF_STUDIO_MAX_USER_NAME + 16];
    snprintf(user, sizeof(user), "calendar:%.24s", name);
    unsigned status = 500;
    bool publish = false;
    pthread_mutex_lock(&s->work);
    struct lf_ics_filter filter;
    struct reply unused = {0};
    if (!filter_from(sub, &filter, &unused)) /* checked when subscribed */
        memset(&filter, 0, sizeof(filter));
    json_decref(unused.json);
    json_t *out = lf_studio_import_ics(s->draft, s->data_dir, res.body, res.len, url, tag,
                                       LF_ICS_DEFAULT_HORIZON_DAYS, &filter, user, time(NULL),
                                       &status);
    free(res.body);
    if (status != 200) {
        json_object_set(sub, "last_error", json_object_get(out, "error"));
        json_t *first = json_array_get(json_object_get(out, "problems"), 0);
        json_object_set_new(sub, "last_error_msg",
                            first ? json_deep_copy(first)
                                  : json_pack("{s:O}", "error", json_object_get(out, "error")));
        lf_warn("studio: calendar %s: %s", name, json_string_value(json_object_get(out, "error")));
    } else {
        json_object_set_new(sub, "last_error", json_null());
        json_object_set_new(sub, "last_error_msg", json_null());
        json_object_set_new(sub, "last_success", iso_now());
        json_object_set(sub, "last_report", out);
        char detail[256];
        snprintf(detail, sizeof(detail), "%.100s: %lld added, %lld updated, %lld removed", url,
                 (long long)json_integer_value(json_object_get(out, "added")),
                 (long long)json_integer_value(json_object_get(out, "updated")),
                 (long long)json_integer_value(json_object_get(out, "removed")));
        lf_audit(s->data_dir, user, "import-ics", NULL, detail);
        publish = json_is_true(json_object_get(sub, "publish")) &&
                  json_array_size(json_object_get(out, "changed")) > 0;
    }
    pthread_mutex_unlock(&s->work);
    json_decref(out);
    if (publish)
        sub_publish(s, sub, user);
}

/* Main thread: every due subscription, one after the other. */
static void subs_poll(struct studio *s)
{
    pthread_mutex_lock(&s->work);
    json_t *doc = subs_load(s);
    pthread_mutex_unlock(&s->work);
    size_t i;
    json_t *sub;
    bool ran = false;
    json_array_foreach(json_object_get(doc, "subscriptions"), i, sub) {
        if (json_integer_value(json_object_get(sub, "next_at")) > (json_int_t)time(NULL))
            continue;
        sub_run(s, sub);
        ran = true;
    }
    if (ran) { /* merged into what is on disk now (the API may have changed it meanwhile) */
        pthread_mutex_lock(&s->work);
        json_t *now = subs_load(s);
        json_array_foreach(json_object_get(doc, "subscriptions"), i, sub) {
            json_t *cur = sub_named(now, json_string_value(json_object_get(sub, "name")));
            if (cur && json_equal(json_object_get(cur, "url"), json_object_get(sub, "url")))
                json_object_update(cur, sub);
        }
        subs_save(s, now);
        json_decref(now);
        pthread_mutex_unlock(&s->work);
    }
    json_decref(doc);
}

static void h_subs(struct call *c, struct reply *r)
{
    reply_json(r, 200, subs_load(c->s));
}

static void h_sub_add(struct call *c, struct reply *r)
{
    const char *name = json_string_value(json_object_get(c->body, "name"));
    char feed_url[LF_MAX_URL_BYTES + 16];
    const char *url = json_string_value(json_object_get(c->body, "url"));
    if (url) /* webcal:// links are fetched over https:// */
        url = lf_ics_feed_url(url, feed_url, sizeof(feed_url));
    json_t *tag = json_object_get(c->body, "tag");
    json_t *iv = json_object_get(c->body, "interval_seconds");
    json_int_t interval = iv ? json_integer_value(iv) : 3600;
    if (!name || !lf_draft_id_valid(name)) {
        reply_error(r, 400, "name: letters a-z, digits and '-' (e.g. stadtkalender)");
        return;
    }
    if (!calendar_url_ok(url)) {
        reply_error(r, 400, "url: an https:// address of the calendar (.ics)");
        return;
    }
    if ((iv && !json_is_integer(iv)) || interval < LF_STUDIO_ICS_MIN_INTERVAL_S ||
        interval > LF_STUDIO_ICS_MAX_INTERVAL_S) {
        reply_error(r, 400, "interval_seconds: from %d to %d", LF_STUDIO_ICS_MIN_INTERVAL_S,
                    LF_STUDIO_ICS_MAX_INTERVAL_S);
        return;
    }
    if (tag && !json_is_string(tag)) {
        reply_error(r, 400, "tag: a text");
        return;
    }
    struct lf_ics_filter filter;
    if (!filter_from(c->body, &filter, r))
        return;
    json_t *doc = subs_load(c->s);
    if (sub_named(doc, name)) {
        json_decref(doc);
        reply_error(r, 409, "a subscription '%s' exists already", name);
        return;
    }
    if (json_array_size(json_object_get(doc, "subscriptions")) >= LF_STUDIO_ICS_MAX_SUBSCRIPTIONS) {
        json_decref(doc);
        reply_error(r, 409, "at most %d subscriptions", LF_STUDIO_ICS_MAX_SUBSCRIPTIONS);
        return;
    }
    bool publish = json_is_true(json_object_get(c->body, "publish"));
    if (publish && c->role < LF_ROLE_PUBLISHER) {
        json_decref(doc);
        reply_error(r, 403, "only a publisher may let a calendar publish by itself");
        return;
    }
    json_t *sub = json_pack("{s:s, s:s, s:O?, s:I, s:b, s:b, s:s, s:I}", "name", name, "url", url,
                            "tag", tag, "interval_seconds", interval, "publish", publish,
                            "allow_http", json_is_true(json_object_get(c->body, "allow_http")),
                            "by", user_of(c), "next_at", (json_int_t)0);
    static const char *const fkeys[] = {"categories", "matches"};
    for (int k = 0; k < 2; k++) {
        json_t *list = json_object_get(c->body, fkeys[k]);
        if (json_array_size(list))
            json_object_set(sub, fkeys[k], list);
    }
    json_array_append(json_object_get(doc, "subscriptions"), sub);
    subs_save(c->s, doc);
    lf_audit(c->s->data_dir, user_of(c), "subscribe", NULL, url);
    reply_json(r, 201, sub);
    json_decref(doc);
}

static void h_sub_delete(struct call *c, struct reply *r)
{
    json_t *doc = subs_load(c->s);
    json_t *list = json_object_get(doc, "subscriptions");
    size_t i;
    json_t *e;
    json_array_foreach(list, i, e) {
        const char *n = json_string_value(json_object_get(e, "name"));
        if (n && strcmp(n, c->rq->args[0]) == 0) {
            json_array_remove(list, i);
            subs_save(c->s, doc);
            json_decref(doc);
            reply_json(r, 200, json_pack("{s:b}", "ok", true));
            return;
        }
    }
    json_decref(doc);
    reply_error(r, 404, "no subscription '%s'", c->rq->args[0]);
}

/* ---- the fleet (studio/fleet.h) ------------------------------------------------------ */

/* The kiosk's token from "Authorization: Bearer TOKEN", NULL if none. */
static const char *bearer(struct call *c)
{
    const char *a = MHD_lookup_connection_value(c->conn, MHD_HEADER_KIND, "Authorization");
    if (!a || strncasecmp(a, "Bearer ", 7) != 0)
        return NULL;
    return a + 7;
}

static void fleet_reply(struct reply *r, unsigned status, const char *err)
{
    if (status == 200)
        reply_json(r, 200, json_pack("{s:b}", "ok", true));
    else
        reply_error(r, status, "%s", err);
    if (status == 401)
        snprintf(r->extra_name, sizeof(r->extra_name), "WWW-Authenticate");
    if (status == 401)
        snprintf(r->extra_value, sizeof(r->extra_value), "Bearer realm=\"litfass kiosks\"");
}

static void h_fleet_heartbeat(struct call *c, struct reply *r)
{
    char err[LF_FLEET_ERROR_BYTES] = "";
    unsigned st = lf_fleet_heartbeat(c->s->fleet, bearer(c), c->body, c->address, time(NULL),
                                     err, sizeof(err));
    if (st == 401)
        lf_warn("studio: heartbeat from %s refused: %s", c->address, err);
    fleet_reply(r, st, err);
}

static void h_fleet_screenshot(struct call *c, struct reply *r)
{
    char err[LF_FLEET_ERROR_BYTES] = "";
    unsigned st = lf_fleet_screenshot(c->s->fleet, bearer(c), c->rq->body ? c->rq->body : "",
                                      c->rq->len, time(NULL), err, sizeof(err));
    if (st == 401)
        lf_warn("studio: screenshot from %s refused: %s", c->address, err);
    fleet_reply(r, st, err);
}

static void h_fleet(struct call *c, struct reply *r)
{
    reply_json(r, 200, lf_fleet_json(c->s->fleet, time(NULL)));
}

static void h_fleet_screenshot_get(struct call *c, struct reply *r)
{
    size_t len = 0;
    unsigned char *png = lf_fleet_screenshot_of(c->s->fleet, c->rq->args[0], &len);
    if (!png) {
        reply_error(r, 404, "no screenshot of '%s'", c->rq->args[0]);
        return;
    }
    r->status = 200;
    r->bytes = png;
    r->len = len;
    r->type = "image/png";
}

static void h_metrics(struct call *c, struct reply *r)
{
    char *text = lf_fleet_metrics(c->s->fleet, time(NULL));
    r->status = 200;
    r->bytes = (unsigned char *)text;
    r->len = strlen(text);
    r->type = "text/plain; version=0.0.4; charset=utf-8";
}

/* ---- the routing table --------------------------------------------------------------- */

static const struct route routes[] = {
    {"POST", "/api/login", 0, ROUTE_JSON | ROUTE_NO_CSRF, h_login},
    {"POST", "/api/logout", LF_ROLE_EDITOR, ROUTE_OPTIONAL_JSON, h_logout},
    {"GET", "/api/session", LF_ROLE_EDITOR, 0, h_session},
    {"GET", "/api/items", LF_ROLE_EDITOR, 0, h_items},
    {"POST", "/api/items", LF_ROLE_EDITOR, ROUTE_JSON, h_item_create},
    {"GET", "/api/items/{}", LF_ROLE_EDITOR, 0, h_item_get},
    {"PUT", "/api/items/{}", LF_ROLE_EDITOR, ROUTE_JSON, h_item_put},
    {"DELETE", "/api/items/{}", LF_ROLE_EDITOR, 0, h_item_delete},
    {"POST", "/api/order", LF_ROLE_EDITOR, ROUTE_JSON, h_order},
    {"GET", "/api/bundle", LF_ROLE_EDITOR, 0, h_bundle_get},
    {"GET", "/api/languages", LF_ROLE_EDITOR, 0, h_languages},
    {"PUT", "/api/bundle", LF_ROLE_EDITOR, ROUTE_JSON, h_bundle_put},
    {"POST", "/api/validate", LF_ROLE_EDITOR, ROUTE_OPTIONAL_JSON, h_validate},
    {"GET", "/api/preview/{}", LF_ROLE_EDITOR, 0, h_preview_saved},
    {"POST", "/api/preview", LF_ROLE_EDITOR, ROUTE_JSON, h_preview_unsaved},
    {"GET", "/api/images", LF_ROLE_EDITOR, 0, h_images},
    {"GET", "/api/images/{}", LF_ROLE_EDITOR, 0, h_image_get},
    {"PUT", "/api/images/{}", LF_ROLE_EDITOR, ROUTE_UPLOAD, h_image_put},
    {"GET", "/api/changes", LF_ROLE_EDITOR, 0, h_changes},
    {"POST", "/api/approve", LF_ROLE_PUBLISHER, ROUTE_JSON, h_approve},
    {"POST", "/api/publish", LF_ROLE_PUBLISHER, ROUTE_OPTIONAL_JSON, h_publish},
    {"GET", "/api/publish", LF_ROLE_EDITOR, 0, h_publish_state},
    {"GET", "/api/versions", LF_ROLE_EDITOR, 0, h_versions},
    {"GET", "/api/versions/{}", LF_ROLE_EDITOR, 0, h_version_get},
    {"POST", "/api/versions/{}/publish", LF_ROLE_PUBLISHER, ROUTE_OPTIONAL_JSON, h_republish},
    {"GET", "/api/audit", LF_ROLE_PUBLISHER, 0, h_audit},
    {"GET", "/api/users", LF_ROLE_ADMIN, 0, h_users},
    {"POST", "/api/import/ics", LF_ROLE_EDITOR, ROUTE_UPLOAD, h_import_ics},
    {"POST", "/api/import/ics-url", LF_ROLE_EDITOR, ROUTE_JSON | ROUTE_FETCH, h_import_ics_url},
    {"GET", "/api/import/subscriptions", LF_ROLE_EDITOR, 0, h_subs},
    {"POST", "/api/import/subscriptions", LF_ROLE_EDITOR, ROUTE_JSON, h_sub_add},
    {"DELETE", "/api/import/subscriptions/{}", LF_ROLE_EDITOR, 0, h_sub_delete},
    /* kiosks: their own token (Authorization: Bearer), no session */
    {"POST", "/api/fleet/heartbeat", 0, ROUTE_JSON | ROUTE_HEARTBEAT, h_fleet_heartbeat},
    {"POST", "/api/fleet/screenshot", 0, ROUTE_UPLOAD | ROUTE_SCREENSHOT, h_fleet_screenshot},
    {"GET", "/api/fleet", LF_ROLE_EDITOR, 0, h_fleet},
    {"GET", "/api/fleet/{}/screenshot.png", LF_ROLE_EDITOR, 0, h_fleet_screenshot_get},
    {"GET", "/metrics", 0, 0, h_metrics},
};
#define N_ROUTES (sizeof(routes) / sizeof(routes[0]))

/* Matches `url` against `pattern`; "{}" takes one non-empty part (no '/').
 * The parts go to args (allocated). */
static bool route_match(const char *pattern, const char *url, char **args)
{
    size_t n = 0;
    const char *p = pattern, *u = url;
    while (*p) {
        if (p[0] == '{' && p[1] == '}') {
            size_t len = strcspn(u, "/");
            if (len == 0 || n >= LF_STUDIO_MAX_ROUTE_ARGS)
                goto fail;
            args[n++] = lf_xstrndup(u, len);
            u += len;
            p += 2;
        } else if (*p++ != *u++) {
            goto fail;
        }
    }
    if (*u == '\0')
        return true;
fail:
    for (size_t i = 0; i < n; i++) {
        free(args[i]);
        args[i] = NULL;
    }
    return false;
}

/* ---- the request cycle --------------------------------------------------------------- */

static void client_address(struct MHD_Connection *conn, char *out, size_t size)
{
    const union MHD_ConnectionInfo *ci =
        MHD_get_connection_info(conn, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    snprintf(out, size, "?");
    if (!ci || !ci->client_addr)
        return;
    if (ci->client_addr->sa_family == AF_INET)
        inet_ntop(AF_INET, &((const struct sockaddr_in *)(const void *)ci->client_addr)->sin_addr,
                  out, (socklen_t)size);
    else if (ci->client_addr->sa_family == AF_INET6)
        inet_ntop(AF_INET6,
                  &((const struct sockaddr_in6 *)(const void *)ci->client_addr)->sin6_addr, out,
                  (socklen_t)size);
}

static enum MHD_Result serve_static(struct studio *s, struct MHD_Connection *conn,
                                    const char *method, const char *url)
{
    struct reply r = {.status = 404};
    if (strcmp(method, "GET") != 0 && strcmp(method, "HEAD") != 0) {
        reply_error(&r, 405, "method not allowed");
        return send_reply(s, conn, &r, true);
    }
    const char *path = strcmp(url, "/") == 0 ? "/index.html" : url;
    for (size_t i = 0; i < lf_web_n_assets; i++) {
        if (strcmp(lf_web_assets[i].path, path) == 0) {
            struct MHD_Response *resp = MHD_create_response_from_buffer(
                lf_web_assets[i].len, (void *)lf_web_assets[i].data, MHD_RESPMEM_PERSISTENT);
            MHD_add_response_header(resp, "Content-Type", lf_web_assets[i].type);
            MHD_add_response_header(resp, "Content-Security-Policy", csp);
            MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
            MHD_add_response_header(resp, "X-Frame-Options", "DENY");
            MHD_add_response_header(resp, "Referrer-Policy", "no-referrer");
            MHD_add_response_header(resp, "Cache-Control", "no-cache");
            enum MHD_Result ret = MHD_queue_response(conn, 200, resp);
            MHD_destroy_response(resp);
            return ret;
        }
    }
    reply_error(&r, 404, "not found");
    return send_reply(s, conn, &r, false);
}

/* the JSON API and the Prometheus text; everything else is the page */
static bool is_api(const char *url)
{
    return strncmp(url, "/api/", 5) == 0 || strcmp(url, "/metrics") == 0;
}

/* ---- downloads for suspended requests (ROUTE_FETCH) -------------------------------- */

/* Seconds an editor waits for a calendar fetched once: LF_STUDIO_ICS_ONCE_TIMEOUT_S, or
 * for tests only LITFASS_TEST_ICS_ONCE_TIMEOUT_S (lf_test_setting: 1 .. below that; unset in
 * any real use).
 * Read at each use, not cached. */
static long once_timeout_s(void)
{
    long n = lf_test_setting("LITFASS_TEST_ICS_ONCE_TIMEOUT_S", LF_STUDIO_ICS_ONCE_TIMEOUT_S);
    return n ? n : (long)LF_STUDIO_ICS_ONCE_TIMEOUT_S;
}

static void *fetch_thread(void *arg)
{
    struct request *rq = arg;
    struct studio *s = rq->s;
    struct MHD_Connection *conn = rq->conn;
    fetch_calendar(rq->fetch_url, rq->fetch_http, once_timeout_s(), &rq->fetch, &s->stopping);
    atomic_store(&rq->fetched, true);
    /* rq may be gone once the connection runs again: nothing of it after this */
    MHD_resume_connection(conn);
    atomic_fetch_sub(&s->fetching, 1);
    return NULL;
}

static bool start_fetch(struct studio *s, struct MHD_Connection *conn, struct request *rq)
{
    if (atomic_fetch_add(&s->fetching, 1) >= LF_STUDIO_MAX_FETCHES || atomic_load(&s->stopping)) {
        atomic_fetch_sub(&s->fetching, 1);
        return false;
    }
    rq->conn = conn;
    rq->s = s;
    MHD_suspend_connection(conn);
    char err[128];
    if (!lf_thread_detached(fetch_thread, rq, err, sizeof(err))) {
        MHD_resume_connection(conn);
        atomic_fetch_sub(&s->fetching, 1);
        lf_error("studio: cannot start a download: %s", err);
        return false;
    }
    return true;
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *conn, const char *url,
                                  const char *method, const char *version,
                                  const char *upload_data, size_t *upload_data_size,
                                  void **con_cls)
{
    struct studio *s = cls;
    struct request *rq = *con_cls;
    if (!rq) {
        rq = lf_xcalloc(1, sizeof(*rq));
        *con_cls = rq;
        if (!is_api(url))
            return MHD_YES; /* static files: no body is read */
        for (size_t i = 0; i < N_ROUTES && !rq->route; i++) {
            if (strcmp(routes[i].method, method) == 0 && route_match(routes[i].pattern, url, rq->args))
                rq->route = &routes[i];
        }
        rq->limit = rq->route && (rq->route->flags & ROUTE_UPLOAD) ? LF_STUDIO_MAX_UPLOAD_BYTES
                                                                   : LF_STUDIO_MAX_BODY_BYTES;
        if (rq->route && (rq->route->flags & ROUTE_HEARTBEAT))
            rq->limit = LF_FLEET_MAX_HEARTBEAT_BYTES;
        if (rq->route && (rq->route->flags & ROUTE_SCREENSHOT))
            rq->limit = LF_FLEET_MAX_SCREENSHOT_BYTES;
        const char *cl = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "Content-Length");
        if (cl && strtoull(cl, NULL, 10) > rq->limit) {
            /* refused before a byte of the body is read */
            struct reply r = {0};
            reply_error(&r, 413, "the request is larger than %zu bytes", rq->limit);
            rq->answered = true;
            return send_reply(s, conn, &r, true);
        }
        return MHD_YES;
    }
    if (*upload_data_size) {
        if (!rq->too_large && !rq->answered) {
            if (rq->len + *upload_data_size > rq->limit) {
                /* the rest is read and dropped; 413 when it has all arrived
                 * (libmicrohttpd takes no answer in the middle of a body) */
                rq->too_large = true;
                free(rq->body);
                rq->body = NULL;
            } else {
                if (rq->len + *upload_data_size + 1 > rq->cap) {
                    rq->cap = (rq->len + *upload_data_size + 1) * 2;
                    if (rq->cap > rq->limit + 1)
                        rq->cap = rq->limit + 1;
                    rq->body = lf_xrealloc(rq->body, rq->cap);
                }
                memcpy(rq->body + rq->len, upload_data, *upload_data_size);
                rq->len += *upload_data_size;
                rq->body[rq->len] = '\0';
            }
        }
        *upload_data_size = 0;
        return MHD_YES;
    }
    if (rq->answered)
        return MHD_YES;
    if (!is_api(url))
        return serve_static(s, conn, method, url);

    struct reply r = {0};
    struct call c = {.s = s, .conn = conn, .rq = rq};
    client_address(conn, c.address, sizeof(c.address));
    const struct route *route = rq->route;
    if (!route) {
        bool path_known = false;
        char *args[LF_STUDIO_MAX_ROUTE_ARGS] = {0};
        for (size_t i = 0; i < N_ROUTES && !path_known; i++) {
            path_known = route_match(routes[i].pattern, url, args);
            for (size_t k = 0; k < LF_STUDIO_MAX_ROUTE_ARGS; k++) {
                free(args[k]);
                args[k] = NULL;
            }
        }
        if (path_known)
            reply_error(&r, 405, "%s is not allowed on %s", method, url);
        else
            reply_error(&r, 404, "no such API endpoint: %s", url);
        return send_reply(s, conn, &r, true);
    }
    if (rq->too_large) {
        reply_error(&r, 413, "the request is larger than %zu bytes", rq->limit);
        return send_reply(s, conn, &r, true);
    }
    if (route->role) {
        bool expired;
        c.session = session_of(s, conn, &expired);
        if (!c.session) {
            reply_error(&r, 401, expired ? "your session has expired: please log in again"
                                         : "please log in");
            return send_reply(s, conn, &r, true);
        }
        reload_users(s);
        c.role = s->users ? lf_users_role(s->users, c.session->user) : 0;
        unsigned char stamp[LF_USER_STAMP_BYTES];
        if (!c.role || !lf_users_stamp(s->users, c.session->user, stamp) ||
            sodium_memcmp(stamp, c.session->stamp, sizeof(stamp)) != 0) {
            /* removed, or a new password: sessions of before end */
            lf_sessions_end(s->sessions, c.session);
            c.session = NULL;
            reply_error(&r, 401, c.role ? "your session has expired: the password was changed"
                                        : "this user no longer exists");
            return send_reply(s, conn, &r, true);
        }
        bool mutation = strcmp(method, "GET") != 0 && strcmp(method, "HEAD") != 0;
        const char *token = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, CSRF_HEADER);
        if (mutation && !(route->flags & ROUTE_NO_CSRF) &&
            (!token || strlen(token) != TOKEN_HEX ||
             sodium_memcmp(token, c.session->csrf, TOKEN_HEX) != 0)) {
            reply_error(&r, 403, "missing or wrong " CSRF_HEADER " header");
            return send_reply(s, conn, &r, true);
        }
        if (c.role < route->role) {
            reply_error(&r, 403, "a %s may not do this (it needs a %s)", lf_role_name(c.role),
                        lf_role_name(route->role));
            return send_reply(s, conn, &r, true);
        }
    }
    if (route->flags & (ROUTE_JSON | ROUTE_OPTIONAL_JSON)) {
        if (rq->len == 0 && (route->flags & ROUTE_OPTIONAL_JSON)) {
            c.body = NULL;
        } else {
            const char *type = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "Content-Type");
            struct lf_json_pos pos;
            json_error_t je;
            if (!type || strncasecmp(type, "application/json", 16) != 0) {
                reply_error(&r, 415, "send the body as Content-Type: application/json");
                return send_reply(s, conn, &r, true);
            }
            if (!lf_json_depth_within(rq->body ? rq->body : "", rq->len, LF_MAX_JSON_DEPTH, &pos)) {
                reply_error(&r, 400, "body: nested deeper than %d levels (line %d)",
                            LF_MAX_JSON_DEPTH, pos.line);
                return send_reply(s, conn, &r, true);
            }
            c.body = json_loadb(rq->body ? rq->body : "", rq->len, JSON_REJECT_DUPLICATES, &je);
            if (!json_is_object(c.body)) {
                json_decref(c.body);
                reply_error(&r, 400, "body: not a JSON object (%d:%d: %s)", je.line, je.column,
                            je.text);
                return send_reply(s, conn, &r, true);
            }
        }
    }
    pthread_mutex_lock(&s->work);
    route->handler(&c, &r);
    pthread_mutex_unlock(&s->work);
    json_decref(c.body);
    if (!r.status && rq->fetch_url && (route->flags & ROUTE_FETCH) && !atomic_load(&rq->fetched)) {
        if (start_fetch(s, conn, rq))
            return MHD_YES; /* suspended until the download ends: the handler runs again */
        reply_error(&r, 503, "too many downloads at once: try again in a minute");
    }
    if (!r.status)
        reply_error(&r, 500, "no answer");
    return send_reply(s, conn, &r, true);
}

static void on_completed(void *cls, struct MHD_Connection *conn, void **con_cls,
                         enum MHD_RequestTerminationCode toe)
{
    struct request *rq = *con_cls;
    if (!rq)
        return;
    for (size_t i = 0; i < LF_STUDIO_MAX_ROUTE_ARGS; i++)
        free(rq->args[i]);
    free(rq->body);
    free(rq->fetch_url);
    free(rq->fetch.body);
    free(rq);
    *con_cls = NULL;
}

/* ---- start and stop ------------------------------------------------------------------ */

static bool parse_listen(const char *text, struct sockaddr_storage *ss, socklen_t *len,
                         bool *loopback)
{
    char host[LF_CONFIG_LISTEN_BYTES + 1];
    const char *colon = strrchr(text, ':');
    if (!colon || colon == text)
        return false;
    size_t hl = (size_t)(colon - text);
    if (hl >= sizeof(host))
        return false;
    memcpy(host, text, hl);
    host[hl] = '\0';
    char *end;
    long port = strtol(colon + 1, &end, 10);
    if (*end || port < 0 || port > 65535 || colon[1] == '\0')
        return false;
    memset(ss, 0, sizeof(*ss));
    if (host[0] == '[' && hl > 2 && host[hl - 1] == ']') {
        host[hl - 1] = '\0';
        struct sockaddr_in6 *a = (struct sockaddr_in6 *)ss;
        if (inet_pton(AF_INET6, host + 1, &a->sin6_addr) != 1)
            return false;
        a->sin6_family = AF_INET6;
        a->sin6_port = htons((uint16_t)port);
        *len = sizeof(*a);
        *loopback = IN6_IS_ADDR_LOOPBACK(&a->sin6_addr);
        return true;
    }
    struct sockaddr_in *a = (struct sockaddr_in *)ss;
    if (strcmp(host, "localhost") == 0)
        snprintf(host, sizeof(host), "127.0.0.1");
    if (inet_pton(AF_INET, host, &a->sin_addr) != 1)
        return false;
    a->sin_family = AF_INET;
    a->sin_port = htons((uint16_t)port);
    *len = sizeof(*a);
    *loopback = (ntohl(a->sin_addr.s_addr) >> 24) == 127;
    return true;
}

static char *read_pem(const char *path, const char *what, bool private_key)
{
    FILE *f = fopen(path, "rb");
    struct stat st;
    if (!f || fstat(fileno(f), &st) != 0) {
        lf_error("studio: %s %s: %s", what, path, strerror(errno));
        if (f)
            fclose(f);
        return NULL;
    }
    if (private_key && (st.st_mode & 077)) {
        lf_error("studio: %s %s: readable by others (mode %03o): chmod 600 it", what, path,
                 (unsigned)(st.st_mode & 0777));
        fclose(f);
        return NULL;
    }
    if (st.st_size > LF_STUDIO_MAX_PEM_BYTES) {
        lf_error("studio: %s %s: larger than %d bytes", what, path, LF_STUDIO_MAX_PEM_BYTES);
        fclose(f);
        return NULL;
    }
    char *buf = lf_xmalloc((size_t)st.st_size + 1);
    size_t n = fread(buf, 1, (size_t)st.st_size, f);
    buf[n] = '\0';
    fclose(f);
    return buf;
}

/* An e-mail to [fleet] alert_to when a screen became marked (or a
 * finding told of is over). */
static void fleet_alert(struct studio *s)
{
    char *subject = NULL, *text = NULL;
    if (!lf_fleet_check(s->fleet, time(NULL), &subject, &text))
        return;
    const struct lf_config *cfg = s->cfg;
    lf_warn("studio: %s", subject);
    if (cfg->fleet_alert_to[0] && cfg->fleet_smtp_url[0]) {
        char password[LF_STUDIO_MAX_PASSWORD + 2] = "";
        if (cfg->fleet_smtp_password_file[0]) {
            FILE *fp = fopen(cfg->fleet_smtp_password_file, "r");
            if (!fp || !fgets(password, sizeof(password), fp))
                lf_error("studio: fleet.smtp_password_file %s: cannot read it",
                         cfg->fleet_smtp_password_file);
            if (fp)
                fclose(fp);
            password[strcspn(password, "\r\n")] = '\0';
        }
        struct lf_mail mail = {.smtp_url = cfg->fleet_smtp_url, .user = cfg->fleet_smtp_user,
                               .password = password, .from = cfg->fleet_smtp_from,
                               .to = cfg->fleet_alert_to, .subject = subject, .text = text};
        char err[LF_POST_ERROR_BYTES];
        if (lf_mail_send(&mail, err, sizeof(err)))
            lf_info("studio: alert sent to %s", cfg->fleet_alert_to);
        else
            lf_error("studio: the alert to %s was not sent: %s", cfg->fleet_alert_to, err);
        sodium_memzero(password, sizeof(password));
    }
    free(subject);
    free(text);
}

int lf_studio_serve(const struct lf_studio_options *opt)
{
    int rc = EXIT_FAILURE;
    const struct lf_config *cfg = opt->cfg;
    struct studio *s = lf_xcalloc(1, sizeof(*s));
    struct MHD_Daemon *d = NULL;
    char *cert = NULL, *key = NULL;
    char err[LF_PUBLISH_ERROR_BYTES];
    s->opt = opt;
    s->cfg = cfg;
    s->data_dir = opt->data_dir;
    pthread_mutex_init(&s->work, NULL);

    struct sockaddr_storage ss;
    socklen_t sslen;
    bool loopback;
    if (!parse_listen(cfg->studio_listen, &ss, &sslen, &loopback)) {
        lf_error("studio: listen: '%s' is not ADDRESS:PORT (e.g. 127.0.0.1:8470 or [::1]:8470)",
                 cfg->studio_listen);
        goto done;
    }
    s->tls = cfg->studio_tls_cert[0] != '\0';
    if (s->tls != (cfg->studio_tls_key[0] != '\0')) {
        lf_error("studio: TLS needs both studio.tls_cert and studio.tls_key");
        goto done;
    }
    if (!loopback && !s->tls && !opt->allow_plain_remote && !cfg->studio_allow_plain_remote) {
        lf_error("studio: %s is reachable from other machines, and without TLS passwords "
                 "would travel in clear: give --tls-cert and --tls-key, or put nginx with TLS "
                 "in front (README) and allow it with studio.allow_plain_http_remote",
                 cfg->studio_listen);
        goto done;
    }
    if (s->tls && (!(cert = read_pem(cfg->studio_tls_cert, "tls_cert", false)) ||
                   !(key = read_pem(cfg->studio_tls_key, "tls_key", true))))
        goto done;
    if (!lf_make_dirs(opt->data_dir)) {
        lf_error("studio: %s: cannot create: %s", opt->data_dir, strerror(errno));
        goto done;
    }
    if (chmod(opt->data_dir, 0700) != 0)
        lf_warn("studio: %s: cannot make it private: %s", opt->data_dir, strerror(errno));
    if (!lf_sync_global_init())
        goto done;
    reload_users(s);
    if (!s->users)
        goto done;
    if (lf_users_count(s->users) == 0)
        lf_warn("studio: no users yet: `litfass studio user add NAME --role admin --data %s`",
                opt->data_dir);
    s->sessions = lf_sessions_open(opt->data_dir, cfg->studio_session_seconds);
    s->draft = lf_draft_open(opt->data_dir, err, sizeof(err));
    if (!s->draft) {
        lf_error("studio: %s", err);
        goto done;
    }
    struct lf_publish_target target = {
        .key_file = cfg->publish_key,
        .dir = cfg->publish_dir,
        .url = cfg->publish_url,
        .user = cfg->publish_user,
        .password_file = cfg->publish_password_file,
        .ssh_key = cfg->publish_ssh_key,
        .known_hosts = cfg->publish_known_hosts,
        .ca_file = cfg->publish_ca_file,
        .valid_days = cfg->publish_valid_days,
    };
    s->publisher = lf_publisher_create(opt->data_dir, &target, err, sizeof(err));
    if (!s->publisher) {
        lf_error("studio: %s", err);
        goto done;
    }
    char *job_file = lf_xasprintf("%s/%s", opt->data_dir, LF_PUBLISH_JOB_FILE);
    s->worker = lf_publish_worker_create(s->publisher, &s->work, publish_done, s, job_file);
    free(job_file);
    s->fleet = lf_fleet_open(opt->data_dir, cfg->fleet_silent_seconds,
                             cfg->fleet_stale_serial_seconds,
                             cfg->fleet_clock_wrong_seconds, cfg->fleet_clock_grace_seconds,
                             err, sizeof(err));
    if (!s->fleet) {
        lf_error("studio: %s", err);
        goto done;
    }
    {
        json_t *versions = lf_publisher_versions(s->publisher);
        json_t *newest = json_object_get(json_array_get(versions, 0), "serial");
        if (json_is_integer(newest)) /* known since now, unless state.json knew it before */
            lf_fleet_published(s->fleet, (long long)json_integer_value(newest), time(NULL));
        json_decref(versions);
    }
    s->preview = lf_item_preview_create();
    if (!s->preview)
        lf_warn("studio: previews are off (the renderer did not start)");

    /* the main thread only waits for the signal to stop */
    sigset_t stop;
    sigemptyset(&stop);
    sigaddset(&stop, SIGINT);
    sigaddset(&stop, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop, NULL);
    signal(SIGPIPE, SIG_IGN);

    unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_AUTO | MHD_USE_ERROR_LOG |
                     MHD_ALLOW_SUSPEND_RESUME;
    if (s->tls)
        flags |= MHD_USE_TLS;
    if (ss.ss_family == AF_INET6)
        flags |= MHD_USE_IPv6;
    d = MHD_start_daemon(
        flags, 0, NULL, NULL, on_request, s, MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&ss,
        MHD_OPTION_NOTIFY_COMPLETED, on_completed, s, MHD_OPTION_CONNECTION_LIMIT,
        (unsigned)LF_STUDIO_MAX_CONNECTIONS, MHD_OPTION_PER_IP_CONNECTION_LIMIT,
        (unsigned)LF_STUDIO_MAX_PER_ADDRESS, MHD_OPTION_CONNECTION_TIMEOUT,
        (unsigned)LF_STUDIO_CONNECTION_TIMEOUT_S, MHD_OPTION_CONNECTION_MEMORY_LIMIT,
        (size_t)LF_STUDIO_CONNECTION_MEMORY, s->tls ? MHD_OPTION_HTTPS_MEM_CERT : MHD_OPTION_END,
        cert, MHD_OPTION_HTTPS_MEM_KEY, key, MHD_OPTION_END);
    if (!d) {
        lf_error("studio: cannot serve on %s: %s", cfg->studio_listen, strerror(errno));
        goto done;
    }
    const union MHD_DaemonInfo *info = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
    char host[LF_CONFIG_LISTEN_BYTES + 1];
    snprintf(host, sizeof(host), "%.*s", (int)(strrchr(cfg->studio_listen, ':') - cfg->studio_listen),
             cfg->studio_listen);
    printf("litfass studio: serving on %s://%s:%u/\n", s->tls ? "https" : "http", host,
           info ? info->port : 0);
    fflush(stdout);
    lf_info("studio: data in %s", opt->data_dir);
    int sig = 0;
    for (;;) { /* between signals: the fleet's marks and alerts */
        struct timespec wait = {.tv_sec = LF_STUDIO_FLEET_CHECK_S};
        sig = sigtimedwait(&stop, NULL, &wait);
        if (sig > 0)
            break;
        fleet_alert(s);
        subs_poll(s);
    }
    lf_info("studio: stopping (signal %d)", sig);
    rc = EXIT_SUCCESS;
done:
    /* downloads for suspended requests end at once (cancelled) and resume
     * their connections: the daemon stops only without suspended ones */
    atomic_store(&s->stopping, true);
    for (int i = 0; i < 600 && atomic_load(&s->fetching) > 0; i++)
        usleep(50 * 1000);
    if (d)
        MHD_stop_daemon(d);
    /* a publish under way: its upload is cancelled (the live pair on the server stays
     * whole, upload.h), its outcome recorded, its thread joined */
    if (s->worker && lf_publish_worker_busy(s->worker))
        lf_info("studio: stopping: the publish under way is cancelled");
    lf_publish_worker_destroy(s->worker);
    if (key) {
        sodium_memzero(key, strlen(key));
        free(key);
    }
    free(cert);
    lf_item_preview_destroy(s->preview);
    lf_fleet_close(s->fleet);
    lf_publisher_destroy(s->publisher);
    lf_draft_close(s->draft);
    lf_users_destroy(s->users);
    lf_sessions_close(s->sessions);
    pthread_mutex_destroy(&s->work);
    free(s);
    return rc;
}

