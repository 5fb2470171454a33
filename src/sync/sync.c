/* One sync cycle: see sync.h for the steps. Errors are written once into
 * out->error as "URL: problem" (the URL of the manifest or of the file
 * concerned) and logged once at the end of the cycle. */
#include "sync/sync.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <curl/curl.h>
#include <jansson.h>
#include <sodium.h>

#include "content/bundle.h"
#include "content/signature.h"
#include "core/durable.h"
#include "core/xalloc.h"
#include "sync/clock_witness.h"
#include "sync/curl_loader.h"
#include "sync/fetch.h"

bool lf_sync_global_init(void)
{
    char err[256];
    if (!lf_curl_load(err, sizeof(err))) {
        lf_error("sync: libcurl cannot be opened: %s (Debian package libcurl4)", err);
        return false;
    }
    if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
        lf_error("sync: libcurl cannot start");
        return false;
    }
    if (sodium_init() < 0) {
        lf_error("sync: libsodium cannot start");
        return false;
    }
    return true;
}

void lf_sync_global_cleanup(void)
{
    curl_global_cleanup();
}

void lf_sync_manifest_url(const char *configured, char *out, size_t size)
{
    size_t n = strlen(configured);
    bool folder = n > 0 && configured[n - 1] == '/';
    int w = snprintf(out, size, "%s", configured);
    if (folder && w >= 0 && (size_t)w < size)
        snprintf(out + w, size - (size_t)w, "%s", LF_MANIFEST_NAME);
}

static void fail(struct lf_sync_outcome *o, const char *fmt, ...) LF_PRINTF(2, 3);
static void fail(struct lf_sync_outcome *o, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(o->error, sizeof(o->error), fmt, ap);
    va_end(ap);
    o->result = LF_SYNC_FAILED;
}

/* A fetch that did not bring the file: its error (a 304 to a request
 * that asked for no such thing said as unexpected), its Retry-After and
 * whether it was cancelled, into the outcome. */
static void fetch_failed(struct lf_sync_outcome *o, const char *url,
                         const struct lf_fetch_result *r)
{
    if (r->outcome == LF_FETCH_NOT_MODIFIED)
        fail(o, "%s: unexpected HTTP 304", url);
    else
        fail(o, "%s", r->error);
    o->retry_after_s = r->retry_after_s;
    o->cancelled = r->cancelled;
}

/* The URL of a listed file: the manifest's folder plus the path, with
 * every byte outside [A-Za-z0-9-._~/] percent-encoded. */
static char *file_url(const char *manifest_url, const char *path)
{
    size_t base = strcspn(manifest_url, "?#");
    while (base > 0 && manifest_url[base - 1] != '/')
        base--;
    size_t cap = base + 3 * strlen(path) + 1, n = base;
    char *out = lf_xmalloc(cap);
    memcpy(out, manifest_url, base);
    static const char hex[] = "0123456789ABCDEF";
    for (const unsigned char *c = (const unsigned char *)path; *c; c++) {
        if ((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') || (*c >= '0' && *c <= '9') ||
            *c == '-' || *c == '.' || *c == '_' || *c == '~' || *c == '/') {
            out[n++] = (char)*c;
        } else {
            out[n++] = '%';
            out[n++] = hex[*c >> 4];
            out[n++] = hex[*c & 15];
        }
    }
    out[n] = '\0';
    return out;
}

/* The signature's address: the manifest's with ".sig" added to its path
 * (content.json -> content.json.sig, next to it). Caller frees. */
static char *signature_url(const char *manifest_url)
{
    size_t base = strcspn(manifest_url, "?#");
    return lf_xasprintf("%.*s.sig%s", (int)base, manifest_url, manifest_url + base);
}

/* Whether a body is a web page (HTML or XML) rather than JSON: its first
 * character other than white space (after a UTF-8 BOM) is "<". */
static bool looks_like_a_page(const char *body, size_t len)
{
    size_t i = len >= LF_UTF8_BOM_BYTES && memcmp(body, LF_UTF8_BOM, LF_UTF8_BOM_BYTES) == 0
                   ? LF_UTF8_BOM_BYTES
                   : 0;
    while (i < len && (body[i] == ' ' || body[i] == '\t' || body[i] == '\r' || body[i] == '\n'))
        i++;
    return i < len && body[i] == '<';
}

/* Fetches the manifest's signature and checks the manifest's bytes with
 * it, before anything in the manifest is looked at. */
static bool verify_manifest(struct lf_fetcher *fetcher, const struct lf_keyring *ring,
                            const char *url, const struct lf_fetch_result *m,
                            struct lf_sync_outcome *o)
{
    bool ok = false;
    char *sig_url = signature_url(url);
    struct lf_fetch_result r = {0};
    struct lf_fetch_request req = {.url = sig_url, .max_bytes = LF_MAX_SIGNATURE_BYTES};
    lf_fetch(fetcher, &req, &r);
    if (r.outcome != LF_FETCH_OK) {
        fetch_failed(o, sig_url, &r);
        if (r.http_status == 404)
            fail(o, "%s: HTTP 404: the bundle is not signed (publish the %s that `litfass sign` "
                    "writes next to it)",
                 sig_url, LF_SIGNATURE_NAME);
        goto done;
    }
    char why[LF_SIGN_ERROR_BYTES], key_id[LF_KEY_ID_HEX + 1];
    if (!lf_verify(ring, m->body, m->len, r.body, r.len, key_id, why, sizeof(why))) {
        fail(o, "%s: %s", url, why);
        goto done;
    }
    lf_debug("sync: %s: signed with trusted key %s", url, key_id);
    o->signature = r.body;
    o->signature_len = r.len;
    r.body = NULL;
    ok = true;
done:
    free(r.body);
    free(sig_url);
    return ok;
}

static void sha256_hex(const void *data, size_t len, char *hex)
{
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, data, (unsigned long long)len);
    sodium_bin2hex(hex, LF_SHA256_HEX + 1, digest, sizeof(digest));
}

/* A download into an open file, hashed on the way. */
struct file_sink {
    int fd;
    crypto_hash_sha256_state hash;
};

static bool sink_to_file(void *ctx, const void *data, size_t n, char *err)
{
    struct file_sink *s = ctx;
    crypto_hash_sha256_update(&s->hash, data, (unsigned long long)n);
    if (lf_write_all(s->fd, data, n))
        return true;
    snprintf(err, LF_FETCH_ERROR_BYTES, "cannot write the download: %s", strerror(errno));
    return false;
}

/* Makes the folders above `rel` inside `dir`. */
static bool make_parents(const char *dir, const char *rel)
{
    const char *slash = strrchr(rel, '/');
    if (!slash)
        return true;
    char *sub = lf_xasprintf("%s/%.*s", dir, (int)(slash - rel), rel);
    bool ok = lf_make_dirs(sub);
    free(sub);
    return ok;
}

/* The installed bundle's list of files (its manifest parsed without
 * checking files: they were checked when it was installed and are
 * checked again when reused). NULL when there is none. */
static struct lf_bundle *installed_manifest(const char *dir)
{
    if (!dir || !dir[0])
        return NULL;
    char *path = lf_xasprintf("%s/%s", dir, LF_MANIFEST_NAME);
    struct lf_bundle *b = NULL;
    FILE *f = fopen(path, "rb");
    if (f) {
        char *buf = lf_xmalloc((size_t)LF_MAX_MANIFEST_BYTES + 1);
        size_t n = fread(buf, 1, (size_t)LF_MAX_MANIFEST_BYTES + 1, f);
        if (n <= LF_MAX_MANIFEST_BYTES) {
            struct lf_diags *d = lf_diags_create();
            b = lf_bundle_parse(buf, n, path, NULL, d);
            lf_diags_destroy(d);
        }
        free(buf);
        fclose(f);
    }
    free(path);
    return b;
}

/* Links (else copies) a file of the installed bundle with the same hash
 * to `dest`, and checks it. False when there is none or it differs. */
static bool reuse_file(const struct lf_bundle *installed, const char *installed_dir,
                       const struct lf_bundle_file *f, const char *dest)
{
    for (size_t i = 0; installed && i < installed->n_files; i++) {
        const struct lf_bundle_file *old = &installed->files[i];
        if (strcmp(old->sha256, f->sha256) != 0 || old->size != f->size)
            continue;
        char *src = lf_xasprintf("%s/%s", installed_dir, old->path);
        struct stat st;
        if (lstat(src, &st) != 0 || !S_ISREG(st.st_mode)) { /* a link put there: not ours */
            free(src);
            return false;
        }
        bool ok = link(src, dest) == 0;
        if (!ok) { /* another file system, or no hard links: copy */
            FILE *in = fopen(src, "rb"), *out = in ? fopen(dest, "wbx") : NULL;
            char buf[65536];
            size_t n;
            ok = in && out;
            while (ok && (n = fread(buf, 1, sizeof(buf), in)) > 0)
                ok = fwrite(buf, 1, n, out) == n;
            ok = ok && !ferror(in);
            if (out && fclose(out) != 0)
                ok = false;
            if (in)
                fclose(in);
        }
        free(src);
        char hex[LF_SHA256_HEX + 1];
        uint64_t size = 0;
        if (ok && lf_file_sha256(dest, hex, &size) && size == f->size &&
            strcmp(hex, f->sha256) == 0)
            return true;
        unlink(dest);
        lf_warn("sync: %s/%s differs from its hash; downloading it again", installed_dir,
                old->path);
        return false;
    }
    return false;
}

static bool download_file(struct lf_fetcher *fetcher, const struct lf_sync_settings *cfg,
                          const char *manifest_url, const struct lf_bundle_file *f,
                          const char *dest, struct lf_sync_outcome *o)
{
    bool ok = false;
    char *url = file_url(manifest_url, f->path);
    struct lf_fetch_result r = {0};
    struct file_sink sink = {.fd = -1};
    if (f->size > (uint64_t)cfg->max_asset_bytes) {
        fail(o, "%s: listed with %llu bytes, more than sync.max_asset_bytes (%d)", url,
             (unsigned long long)f->size, cfg->max_asset_bytes);
        goto done;
    }
    sink.fd = open(dest, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (sink.fd < 0) {
        fail(o, "%s: cannot create %s: %s", url, dest, strerror(errno));
        goto done;
    }
    crypto_hash_sha256_init(&sink.hash);
    struct lf_fetch_request req = {
        .url = url,
        .max_bytes = (size_t)f->size, /* the list says how much; more is wrong */
        .sink = sink_to_file,
        .sink_ctx = &sink,
    };
    lf_fetch(fetcher, &req, &r);
    if (r.outcome != LF_FETCH_OK) {
        fetch_failed(o, url, &r);
        goto done;
    }
    if (r.len != f->size) {
        fail(o, "%s: got %zu bytes, the manifest lists %llu", url, r.len,
             (unsigned long long)f->size);
        goto done;
    }
    unsigned char digest[crypto_hash_sha256_BYTES];
    char hex[LF_SHA256_HEX + 1];
    crypto_hash_sha256_final(&sink.hash, digest);
    sodium_bin2hex(hex, sizeof(hex), digest, sizeof(digest));
    if (strcmp(hex, f->sha256) != 0) {
        fail(o, "%s: SHA-256 %s does not match the manifest (%s)", url, hex, f->sha256);
        goto done;
    }
    if (fsync(sink.fd) != 0) {
        fail(o, "%s: cannot sync %s to disk: %s", url, dest, strerror(errno));
        goto done;
    }
    ok = true;
done:
    if (sink.fd >= 0 && close(sink.fd) != 0 && ok) {
        fail(o, "%s: cannot write %s: %s", url, dest, strerror(errno));
        ok = false;
    }
    free(url);
    return ok;
}

/* "URL: not a valid bundle: <first problem> (and N more)" */
static void fail_diags(struct lf_sync_outcome *o, const char *url, const char *what,
                       const struct lf_diags *d)
{
    char first[LF_STORE_ERROR_BYTES / 2] = "";
    for (size_t i = 0; i < lf_diags_count(d); i++) {
        const struct lf_diag *e = lf_diags_get(d, i);
        if (e->severity == LF_DIAG_ERROR) {
            lf_diag_format(e, first, sizeof(first));
            break;
        }
    }
    size_t n = lf_diags_errors(d);
    if (n > 1)
        fail(o, "%s: %s: %s (and %zu more errors)", url, what, first, n - 1);
    else
        fail(o, "%s: %s: %s", url, what, first);
}


/* Downloads and installs the bundle whose manifest is `body`. */
static void install_bundle(struct lf_store *store, struct lf_fetcher *fetcher,
                           const struct lf_sync_settings *cfg, const char *url,
                           const struct lf_fetch_result *m, const char *id,
                           const char *installed_dir, const struct lf_store_state *old_state,
                           bool same_bundle, struct lf_sync_outcome *o)
{
    char *staging = NULL;
    struct lf_diags *d = lf_diags_create();
    struct lf_bundle *b = NULL, *installed = NULL, *check = NULL;
    struct lf_keyring ring;
    char why[LF_SIGN_ERROR_BYTES];
    if (!lf_keyring_parse(cfg->trusted_keys, &ring, why, sizeof(why))) {
        fail(o, "sync.trusted_keys: %s", why);
        goto done;
    }
    if (ring.n == 0) { /* the config check refuses this; never install unchecked */
        fail(o, "%s: not installed: no [sync] trusted_keys to check its signature with", url);
        goto done;
    }
    if (!verify_manifest(fetcher, &ring, url, m, o))
        goto done;
    installed = installed_manifest(installed_dir);
    b = lf_bundle_parse(m->body, m->len, url, NULL, d);
    if (!b) {
        fail_diags(o, url, "not a valid bundle", d);
        goto done;
    }
    if (!b->files_listed) {
        fail(o, "%s: the manifest has no \"files\" list (run `litfass pack` on the bundle "
                "before publishing it)", url);
        goto done;
    }
    /* the highest serial ever installed: state.json's, and what the
     * installed bundle says (should state.json have been lost) */
    long long highest = old_state->highest_serial;
    if (installed && installed->serial > highest)
        highest = installed->serial;
    bool clock_wrong = false;
    time_t now = time(NULL);
    /* evidence that the clock is wrong: it is before the installed
     * bundle was made -- but a "created" that was already in the future
     * when it was installed proves nothing (else one such bundle would
     * switch expiry off for good): then the moment it was installed */
    time_t created = installed && installed->has_created ? installed->created : 0;
    if (created > 0 && old_state->installed_at > 0 && created > old_state->installed_at)
        created = old_state->installed_at;
    /* the very manifest that was installed and checked before (a repair,
     * or a copy that was removed): its own serial is no rollback */
    long long floor = same_bundle && b->serial == highest ? highest - 1 : highest;
    if (!lf_bundle_fresh(b, floor, created, now, &clock_wrong, why, sizeof(why))) {
        if (b->has_expires && now >= b->expires && m->server_date > 0 &&
            now - m->server_date > LF_SYNC_CLOCK_SKEW_S) {
            char t1[32], t2[32];
            fail(o, "%s: %s -- but this kiosk's clock says %s and the server's %s: set the "
                    "clock right (NTP) rather than signing it again", url, why,
                 lf_sign_format_time(now, t1, sizeof(t1)),
                 lf_sign_format_time(m->server_date, t2, sizeof(t2)));
        } else if (b->has_expires && now >= b->expires) {
            fail(o, "%s: %s, by this kiosk's clock (now %s; if that is wrong, set the clock)",
                 url, why, lf_sign_format_time(now, (char[32]){0}, 32));
        } else {
            fail(o, "%s: %s", url, why);
        }
        goto done;
    }
    if (clock_wrong) {
        char t1[32], t2[32];
        lf_warn("sync: the clock says %s, before the installed bundle was made (%s): it is "
                "wrong, so %s is not refused as expired",
                lf_sign_format_time(now, t1, sizeof(t1)),
                lf_sign_format_time(created, t2, sizeof(t2)), url);
    }
    char err[LF_STORE_ERROR_BYTES];
    if (!lf_store_stage(store, &staging, err, sizeof(err))) {
        fail(o, "%s", err);
        goto done;
    }
    for (size_t i = 0; i < b->n_files; i++) {
        const struct lf_bundle_file *f = &b->files[i];
        char *dest = lf_xasprintf("%s/%s", staging, f->path);
        bool ok = make_parents(staging, f->path);
        if (!ok) {
            fail(o, "%s: cannot create the folder for %s (see the log)", url, f->path);
        } else if (reuse_file(installed, installed_dir, f, dest)) {
            o->reused++;
        } else {
            ok = download_file(fetcher, cfg, url, f, dest, o);
            o->downloaded += ok;
        }
        free(dest);
        if (!ok)
            goto done;
        lf_store_pause();
    }
    char *manifest = lf_xasprintf("%s/%s", staging, LF_MANIFEST_NAME);
    bool written = lf_write_new(manifest, m->body, m->len, 0644);
    free(manifest);
    if (!written) {
        fail(o, "%s: cannot write it to %s: %s", url, staging, strerror(errno));
        goto done;
    }
    if (o->signature) { /* kept, so the kiosk checks it again at every start */
        char *sig_path = lf_xasprintf("%s/%s", staging, LF_SIGNATURE_NAME);
        written = lf_write_new(sig_path, o->signature, o->signature_len, 0644);
        free(sig_path);
        if (!written) {
            fail(o, "%s: cannot write %s to %s: %s", url, LF_SIGNATURE_NAME, staging,
                 strerror(errno));
            goto done;
        }
    }
    lf_store_pause();
    lf_diags_destroy(d);
    d = lf_diags_create();
    check = lf_bundle_load(staging, d);
    if (!check) {
        fail_diags(o, url, "the downloaded bundle is not valid", d);
        goto done;
    }
    if (!lf_store_install(store, staging, id, o->bundle_dir, sizeof(o->bundle_dir), err,
                          sizeof(err))) {
        fail(o, "%s", err);
        free(staging);
        staging = NULL; /* the store removed it */
        goto done;
    }
    free(staging);
    staging = NULL;
    snprintf(o->installed_id, sizeof(o->installed_id), "%s", id);
    o->result = LF_SYNC_INSTALLED;

    struct lf_store_state st = {.installed_at = time(NULL)};
    snprintf(st.url, sizeof(st.url), "%s", url);
    snprintf(st.etag, sizeof(st.etag), "%s", m->etag);
    snprintf(st.last_modified, sizeof(st.last_modified), "%s", m->last_modified);
    snprintf(st.date, sizeof(st.date), "%s", m->date);
    snprintf(st.installed_id, sizeof(st.installed_id), "%s", id);
    snprintf(st.installed_version, sizeof(st.installed_version), "%s",
             b->version ? b->version : "");
    st.highest_serial = b->serial > highest ? b->serial : highest;
    st.installed_created = b->has_created ? b->created : 0;
    if (!lf_store_write_state(cfg->cache_dir, &st))
        lf_warn("sync: state.json not written; the next look downloads the manifest again");
    lf_info("sync: installed bundle %s%s%s from %s (%zu files downloaded, %zu reused)", id,
            b->version ? ", version " : "", b->version ? b->version : "", url, o->downloaded,
            o->reused);
done:
    if (staging) {
        lf_store_discard(store, staging);
        free(staging);
    }
    lf_bundle_destroy(check);
    lf_bundle_destroy(installed);
    lf_bundle_destroy(b);
    lf_diags_destroy(d);
}

void lf_sync_cycle(const struct lf_sync_settings *cfg, const struct lf_sync_request *rq,
                   struct lf_sync_outcome *o)
{
    memset(o, 0, sizeof(*o));
    o->result = LF_SYNC_FAILED;
    char url[LF_MAX_URL_BYTES + 1]; /* a cut address fails to fetch, clearly named */
    lf_sync_manifest_url(cfg->url, url, sizeof(url));
    struct lf_store *store = NULL;
    struct lf_fetcher *fetcher = NULL;
    struct lf_fetch_result m = {0};
    char err[LF_STORE_ERROR_BYTES];
    if (!url[0]) {
        fail(o, "no sync URL (set [sync] url in the config file)");
        goto done;
    }
    store = lf_store_try_open(cfg->cache_dir, &o->busy, err, sizeof(err));
    if (!store) {
        fail(o, "%s", err);
        goto done;
    }
    if (rq->shown_dir && !lf_store_set_shown(store, rq->shown_dir)) {
        fail(o, "%s: cannot record the folder on screen (see the log); nothing installed",
             cfg->cache_dir);
        goto done;
    }
    struct lf_store_state st;
    lf_store_read_state(cfg->cache_dir, &st);
    char cur_id[LF_STORE_ID_CHARS + 1] = "", cur_dir[PATH_MAX] = "";
    bool have_cur = lf_store_current(store, cur_id, cur_dir, sizeof(cur_dir));
    /* the self-check: up to date means the installed copy is whole */
    if (have_cur && !lf_store_check(cur_dir, cur_id, cfg->trusted_keys, rq->full_check,
                                    o->damage, sizeof(o->damage))) {
        lf_warn("sync: the installed bundle %s failed its check (%s); fetching it again", cur_id,
                o->damage);
    }
    bool damaged = o->damage[0] != '\0';
    /* ask conditionally only for what is really installed, from this URL */
    bool conditional = have_cur && !damaged && strcmp(st.url, url) == 0 &&
                       strcmp(st.installed_id, cur_id) == 0;

    struct lf_fetch_options opt = {
        .allow_http = cfg->allow_http,
        .ca_file = cfg->ca_file,
        .connect_timeout_s = cfg->connect_timeout_s,
        .transfer_timeout_s = cfg->transfer_timeout_s,
        .low_speed_bytes = cfg->low_speed_bytes,
        .low_speed_s = cfg->low_speed_s,
        .cancel = rq->cancel,
        .screen_name = cfg->screen_name,
    };
    fetcher = lf_fetcher_create(&opt);
    if (!fetcher) {
        fail(o, "%s: cannot start a download (see the log)", url);
        goto done;
    }
    /* only validators that cannot hide a change made within the second
     * they were given (fetch.h, lf_fetch_validators_to_send) */
    unsigned send = conditional ? lf_fetch_validators_to_send(st.etag, st.last_modified, st.date)
                                : 0;
    if (conditional && !send && (st.etag[0] || st.last_modified[0]))
        lf_debug("sync: %s: the last answer's validators are not trusted (Last-Modified less "
                 "than %d s before its Date, missing or weak): asking for the whole manifest",
                 url, LF_FETCH_VALIDATOR_SETTLE_S);
    struct lf_fetch_request req = {
        .url = url,
        .if_none_match = send & LF_FETCH_SEND_ETAG ? st.etag : NULL,
        .if_modified_since = send & LF_FETCH_SEND_LAST_MODIFIED ? st.last_modified : NULL,
        .max_bytes = LF_MAX_MANIFEST_BYTES,
    };
    lf_fetch(fetcher, &req, &m);
    /* a web page for the manifest: a wrong address, or a hotspot's login
     * page answering in the server's name (its Date is no witness) */
    bool page = m.outcome == LF_FETCH_OK && looks_like_a_page(m.body, m.len);
    if (m.outcome != LF_FETCH_FAILED && !page && m.same_host && m.server_date > 0) {
        /* a witness of the time (core/clock_floor.h): only a success of
         * the server this kiosk was configured with */
        o->server_time.date = m.server_date;
        o->server_time.mono_ms = m.date_mono_ms;
        snprintf(o->server_time.host, sizeof(o->server_time.host), "%s", m.host);
        /* kept across a restart (sync/clock_witness.h); a failure is logged */
        lf_clock_witness_keep(cfg->cache_dir, &o->server_time);
    }
    if (m.outcome == LF_FETCH_FAILED) {
        fetch_failed(o, url, &m);
        goto done;
    }
    if (page) {
        fail(o, "%s: the server answered with a web page (HTML), not the bundle's %s: a wrong "
                "address, or the login page of a hotspot or proxy that wants a login before "
                "it lets the kiosk out",
             url, LF_MANIFEST_NAME);
        goto done;
    }
    if (m.outcome == LF_FETCH_NOT_MODIFIED) { /* only ever to a conditional request */
        o->result = LF_SYNC_UP_TO_DATE; /* nothing written */
        snprintf(o->installed_id, sizeof(o->installed_id), "%s", cur_id);
        snprintf(o->bundle_dir, sizeof(o->bundle_dir), "%s", cur_dir);
        lf_debug("sync: %s not modified", url);
        goto done;
    }
    char hex[LF_SHA256_HEX + 1], id[LF_STORE_ID_CHARS + 1];
    sha256_hex(m.body, m.len, hex);
    snprintf(id, sizeof(id), "%.*s", LF_STORE_ID_CHARS, hex);
    if (have_cur && !damaged && strcmp(id, cur_id) == 0) {
        /* the same manifest (a server without ETags): nothing to install */
        o->result = LF_SYNC_UP_TO_DATE;
        snprintf(o->installed_id, sizeof(o->installed_id), "%s", cur_id);
        snprintf(o->bundle_dir, sizeof(o->bundle_dir), "%s", cur_dir);
        /* written when the validators change or become fit to send (their
         * Date alone changes with every answer: not written for that) */
        if (strcmp(st.url, url) != 0 || strcmp(st.etag, m.etag) != 0 ||
            strcmp(st.last_modified, m.last_modified) != 0 ||
            lf_fetch_validators_to_send(st.etag, st.last_modified, st.date) !=
                lf_fetch_validators_to_send(m.etag, m.last_modified, m.date) ||
            strcmp(st.installed_id, cur_id) != 0) {
            snprintf(st.url, sizeof(st.url), "%s", url);
            snprintf(st.etag, sizeof(st.etag), "%s", m.etag);
            snprintf(st.last_modified, sizeof(st.last_modified), "%s", m.last_modified);
            snprintf(st.date, sizeof(st.date), "%s", m.date);
            if (strcmp(st.installed_id, cur_id) != 0) {
                snprintf(st.installed_id, sizeof(st.installed_id), "%s", cur_id);
                st.installed_version[0] = '\0';
                st.installed_at = 0;
            }
            if (!lf_store_write_state(cfg->cache_dir, &st))
                lf_warn("sync: state.json not written");
        }
        goto done;
    }
    bool same_bundle = strcmp(id, st.installed_id) == 0 || (have_cur && strcmp(id, cur_id) == 0);
    install_bundle(store, fetcher, cfg, url, &m, id, have_cur ? cur_dir : NULL, &st, same_bundle,
                   o);
    if (o->result == LF_SYNC_INSTALLED && damaged && strcmp(id, cur_id) == 0) {
        o->repaired = true;
        lf_info("sync: the damaged bundle %s is repaired: %s", id, o->bundle_dir);
    }
done:
    if (o->result == LF_SYNC_FAILED && o->damage[0]) {
        char why[LF_STORE_ERROR_BYTES];
        snprintf(why, sizeof(why), "%s", o->error);
        fail(o, "the installed bundle failed its check (%.400s) and is not repaired: %.500s",
             o->damage, why);
    }
    free(o->signature);
    o->signature = NULL;
    if (o->result == LF_SYNC_FAILED)
        lf_warn("sync: %s", o->error);
    free(m.body);
    lf_fetcher_destroy(fetcher);
    lf_store_close(store);
}

int lf_sync_record(const struct lf_sync_settings *cfg, const struct lf_sync_outcome *o,
                   time_t attempt, time_t next_attempt, int failures)
{
    struct lf_store_status s;
    lf_store_read_status(cfg->cache_dir, &s);
    struct lf_store_state st;
    lf_store_read_state(cfg->cache_dir, &st);
    s.last_attempt = attempt;
    if (o->result == LF_SYNC_FAILED) {
        snprintf(s.last_error, sizeof(s.last_error), "%s", o->error[0] ? o->error : "failed");
        /* how long the sync has been failing, for `litfass status`: from
         * the first failure after a success (or ever); a status.json from
         * before this key starts the count now */
        if (s.consecutive_failures == 0 || s.failing_since == 0)
            s.failing_since = attempt;
        s.consecutive_failures = failures >= 0 ? failures : s.consecutive_failures + 1;
    } else {
        s.last_error[0] = '\0';
        s.consecutive_failures = 0;
        s.failing_since = 0;
        s.last_success = attempt;
    }
    /* what `current` names; version and time when state.json knows them */
    if (!lf_store_installed_id(cfg->cache_dir, s.installed_id))
        s.installed_id[0] = '\0';
    bool known = s.installed_id[0] && strcmp(s.installed_id, st.installed_id) == 0;
    snprintf(s.installed_version, sizeof(s.installed_version), "%s",
             known ? st.installed_version : "");
    s.installed_at = known ? st.installed_at : 0;
    s.next_attempt = next_attempt;
    snprintf(s.url, sizeof(s.url), "%s", cfg->url);
    if (!lf_store_write_status(cfg->cache_dir, &s))
        lf_warn("sync: status.json not written");
    /* the self-check: what it found and whether it was mended */
    json_t *check = json_object();
    char when[32];
    json_object_set_new(check, "at", json_string(lf_store_iso_utc(attempt, when, sizeof(when))));
    json_object_set_new(check, "intact", json_boolean(!o->damage[0]));
    json_object_set_new(check, "damage", o->damage[0] ? json_string(o->damage) : json_null());
    json_object_set_new(check, "repaired", json_boolean(o->repaired));
    json_t *root = json_object();
    json_object_set_new(root, "self_check", check);
    if (!lf_store_status_put(cfg->cache_dir, root))
        lf_warn("sync: status.json not written");
    return s.consecutive_failures;
}

void lf_sync_record_screen(const struct lf_sync_settings *cfg, const char *shown_dir,
                           time_t since, const char *note)
{
    struct lf_store_screen sc = {.source = "sample", .since = since};
    char real_cur[PATH_MAX] = "", real_prev[PATH_MAX] = "";
    char *cur = lf_xasprintf("%s/current", cfg->cache_dir);
    char *prev = lf_xasprintf("%s/previous", cfg->cache_dir);
    if (!realpath(cur, real_cur))
        real_cur[0] = '\0';
    if (!realpath(prev, real_prev))
        real_prev[0] = '\0';
    free(cur);
    free(prev);
    char real[PATH_MAX] = "";
    if (!shown_dir || !shown_dir[0]) {
        sc.source = "waiting";
    } else {
        if (!realpath(shown_dir, real))
            snprintf(real, sizeof(real), "%s", shown_dir);
        snprintf(sc.folder, sizeof(sc.folder), "%s", real);
        if (real_cur[0] && strcmp(real, real_cur) == 0)
            sc.source = "installed";
        else if (real_prev[0] && strcmp(real, real_prev) == 0)
            sc.source = "previous";
        struct lf_bundle *b = installed_manifest(real);
        if (b && b->version)
            snprintf(sc.version, sizeof(sc.version), "%s", b->version);
        lf_bundle_destroy(b);
        if (strcmp(sc.source, "sample") != 0) {
            const char *base = strrchr(real, '/');
            snprintf(sc.id, sizeof(sc.id), "%.*s", LF_STORE_ID_CHARS, base ? base + 1 : real);
        }
    }
    snprintf(sc.note, sizeof(sc.note), "%s", note ? note : "");
    if (!sc.note[0] && real_cur[0] && strcmp(sc.source, "installed") != 0) {
        char cur_id[LF_STORE_ID_CHARS + 1] = "", why[LF_STORE_ERROR_BYTES];
        const char *base = strrchr(real_cur, '/');
        snprintf(cur_id, sizeof(cur_id), "%.*s", LF_STORE_ID_CHARS, base ? base + 1 : "");
        if (!lf_store_check(real_cur, cur_id, cfg->trusted_keys, true, why, sizeof(why)))
            snprintf(sc.note, sizeof(sc.note), "the installed bundle %s is not shown: %.900s",
                     cur_id, why);
        else
            snprintf(sc.note, sizeof(sc.note), "the installed bundle %s is not shown yet "
                     "(see the log)", cur_id);
    }
    if (!lf_store_write_screen(cfg->cache_dir, &sc))
        lf_warn("sync: status.json not written");
}
