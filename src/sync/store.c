/* The content store in the cache folder: see store.h for the layout and
 * the order of an install. Every step that makes a name appear or change
 * is followed by an fsync of the folder that holds the name. */
#include "sync/store.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <jansson.h>

#include "content/bundle.h"
#include "content/signature.h"
#include "core/civil_time.h"
#include "core/durable.h"
#include "core/xalloc.h"

#define BUNDLES "bundles"
#define CURRENT "current"
#define PREVIOUS "previous"
#define LOCK_NAME "lock"
#define STAGING_PREFIX "staging-"
/* state.json / status.json are small; anything bigger is not ours */
#define STATE_MAX_BYTES (64 * 1024)
/* ceiling of the test-only install delay */
#define DELAY_MAX_MS 60000

/* For a step whose failure is logged and changes nothing further on
 * (a clean-up): GCC does not let a (void) cast drop LF_MUST_CHECK. */
static void logged_only(bool ok)
{
    (void)ok;
}

struct lf_store {
    char *dir;
    int lock_fd;
};


/* ---- the test-only delay ---- */

static long delay_ms;
static pthread_once_t delay_once = PTHREAD_ONCE_INIT;

static void read_delay(void)
{
    const char *s = getenv(LF_STORE_DELAY_ENV);
    if (!s || !s[0])
        return;
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno == 0 && *end == '\0' && v > 0)
        delay_ms = v > DELAY_MAX_MS ? DELAY_MAX_MS : v;
}

void lf_store_pause(void)
{
    pthread_once(&delay_once, read_delay);
    if (delay_ms <= 0)
        return;
    struct timespec ts = {.tv_sec = delay_ms / 1000, .tv_nsec = (delay_ms % 1000) * 1000000L};
    while (nanosleep(&ts, &ts) != 0 && errno == EINTR) {
    }
}

/* ---- ids and links ---- */

static bool is_id(const char *s)
{
    size_t n = 0;
    for (; s[n]; n++)
        if (!((s[n] >= '0' && s[n] <= '9') || (s[n] >= 'a' && s[n] <= 'f')))
            return false;
    return n == LF_STORE_ID_CHARS;
}

/* The id a link (current/previous) in `dir` names, into id[17]; false
 * when the link is missing or does not point at bundles/<id>. */
static bool link_id(const char *dir, const char *name, char *id)
{
    char *path = lf_xasprintf("%s/%s", dir, name);
    char target[PATH_MAX];
    ssize_t n = readlink(path, target, sizeof(target) - 1);
    free(path);
    id[0] = '\0';
    if (n < 0)
        return false;
    target[n] = '\0';
    const char *prefix = BUNDLES "/";
    if (strncmp(target, prefix, strlen(prefix)) != 0 || !is_id(target + strlen(prefix)))
        return false;
    memcpy(id, target + strlen(prefix), LF_STORE_ID_CHARS + 1);
    return true;
}

/* Points `name` in the store at bundles/<id>: a link "name.tmp", fsync of
 * the folder, rename over `name`, fsync of the folder. */
static bool switch_link(struct lf_store *s, const char *name, const char *id, char *err,
                        size_t err_size)
{
    bool ok = false;
    char *tmp = lf_xasprintf("%s/%s" LF_DURABLE_TMP_SUFFIX, s->dir, name);
    char *path = lf_xasprintf("%s/%s", s->dir, name);
    char *target = lf_xasprintf(BUNDLES "/%s", id);
    unlink(tmp);
    if (symlink(target, tmp) != 0) {
        lf_error("%s: cannot make the link: %s", tmp, strerror(errno));
        lf_error_text(err, err_size, "%s: cannot make the link: %s", tmp, strerror(errno));
        goto done;
    }
    lf_store_pause();
    if (!lf_fsync_path(s->dir)) {
        lf_error_text(err, err_size, "%s: fsync failed", s->dir);
        goto done;
    }
    lf_store_pause();
    if (rename(tmp, path) != 0) {
        lf_error("%s: cannot switch: %s", path, strerror(errno));
        lf_error_text(err, err_size, "%s: cannot switch: %s", path, strerror(errno));
        goto done;
    }
    if (!lf_fsync_path(s->dir)) {
        lf_error_text(err, err_size, "%s: fsync failed", s->dir);
        goto done;
    }
    lf_store_pause();
    ok = true;
done:
    if (!ok)
        unlink(tmp);
    free(target);
    free(path);
    free(tmp);
    return ok;
}

/* ---- cleaning ---- */

static bool has_suffix(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

/* Removes staging folders, temp files and bundles that neither current
 * nor previous names. `staging_too` false keeps staging folders (after an
 * install, when we hold the lock, there are none of others anyway). */
static void remove_leftovers(struct lf_store *s)
{
    char cur[LF_STORE_ID_CHARS + 1], prev[LF_STORE_ID_CHARS + 1];
    (void)link_id(s->dir, CURRENT, cur);
    (void)link_id(s->dir, PREVIOUS, prev);
    bool removed = false;

    DIR *d = opendir(s->dir);
    if (d) {
        struct dirent *e;
        while ((e = readdir(d)) != NULL) {
            if (strncmp(e->d_name, STAGING_PREFIX, strlen(STAGING_PREFIX)) != 0 &&
                !has_suffix(e->d_name, LF_DURABLE_TMP_SUFFIX))
                continue;
            char *path = lf_xasprintf("%s/%s", s->dir, e->d_name);
            lf_info("sync: removing %s (left over from an interrupted install)", path);
            removed = lf_remove_tree(path) || removed;
            free(path);
        }
        closedir(d);
    }
    char *bundles = lf_xasprintf("%s/" BUNDLES, s->dir);
    d = opendir(bundles);
    if (d) {
        struct dirent *e;
        while ((e = readdir(d)) != NULL) {
            if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
                continue;
            if (strcmp(e->d_name, cur) == 0 || strcmp(e->d_name, prev) == 0)
                continue;
            char *path = lf_xasprintf("%s/%s", bundles, e->d_name);
            lf_debug("sync: removing %s (no longer current or previous)", path);
            removed = lf_remove_tree(path) || removed;
            free(path);
        }
        closedir(d);
    }
    if (removed) {
        logged_only(lf_fsync_path(bundles));
        logged_only(lf_fsync_path(s->dir));
    }
    free(bundles);
}

/* ---- open / close ---- */

struct lf_store *lf_store_open(const char *cache_dir, char *err, size_t err_size)
{
    struct lf_store *s = NULL;
    char *bundles = lf_xasprintf("%s/" BUNDLES, cache_dir);
    char *lock = lf_xasprintf("%s/" LOCK_NAME, cache_dir);
    int fd = -1;
    if (!lf_make_dirs(bundles)) {
        lf_error_text(err, err_size, "cache folder %s: cannot create it (see the log)", cache_dir);
        goto done;
    }
    fd = open(lock, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0) {
        lf_error("%s: %s", lock, strerror(errno));
        lf_error_text(err, err_size, "cache folder %s: cannot open %s: %s", cache_dir, LOCK_NAME,
                strerror(errno));
        goto done;
    }
    if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
        int e = errno;
        lf_warn("%s: %s", lock, strerror(e));
        lf_error_text(err, err_size, "cache folder %s: %s", cache_dir,
                e == EWOULDBLOCK ? "in use by another litfass sync" : strerror(e));
        goto done;
    }
    s = lf_xcalloc(1, sizeof(*s));
    s->dir = lf_xstrdup(cache_dir);
    s->lock_fd = fd;
    fd = -1;
    remove_leftovers(s);
done:
    if (fd >= 0)
        close(fd);
    free(lock);
    free(bundles);
    return s;
}

void lf_store_close(struct lf_store *s)
{
    if (!s)
        return;
    close(s->lock_fd); /* releases the flock */
    free(s->dir);
    free(s);
}

bool lf_store_current(const struct lf_store *s, char *id, char *dir, size_t dir_size)
{
    if (!link_id(s->dir, CURRENT, id))
        return false;
    char *path = lf_xasprintf("%s/" BUNDLES "/%s", s->dir, id);
    struct stat st;
    bool ok = lstat(path, &st) == 0 && S_ISDIR(st.st_mode);
    if (ok && dir)
        snprintf(dir, dir_size, "%s", path);
    if (!ok)
        id[0] = '\0';
    free(path);
    return ok;
}

bool lf_store_installed_id(const char *cache_dir, char *id)
{
    return link_id(cache_dir, CURRENT, id);
}

/* ---- staging and install ---- */

bool lf_store_stage(struct lf_store *s, char **dir, char *err, size_t err_size)
{
    char *tmpl = lf_xasprintf("%s/" STAGING_PREFIX "XXXXXX", s->dir);
    if (!mkdtemp(tmpl)) {
        lf_error("%s: cannot create a staging folder: %s", s->dir, strerror(errno));
        lf_error_text(err, err_size, "cache folder %s: cannot create a staging folder: %s", s->dir,
                strerror(errno));
        free(tmpl);
        return false;
    }
    /* mkdtemp makes it private; an installed bundle is readable by all */
    if (chmod(tmpl, 0755) != 0)
        lf_warn("%s: chmod: %s", tmpl, strerror(errno));
    *dir = tmpl;
    return true;
}

void lf_store_discard(struct lf_store *s, const char *staging_dir)
{
    (void)s;
    if (staging_dir && lf_remove_tree(staging_dir))
        logged_only(lf_fsync_parent(staging_dir));
}

bool lf_store_install(struct lf_store *s, const char *staging_dir, const char *id,
                      char *bundle_dir, size_t bundle_dir_size, char *err, size_t err_size)
{
    bool ok = false;
    char *bundles = lf_xasprintf("%s/" BUNDLES, s->dir);
    char *target = lf_xasprintf("%s/%s", bundles, id);
    char cur[LF_STORE_ID_CHARS + 1];
    bool have_cur = link_id(s->dir, CURRENT, cur);
    if (!is_id(id)) {
        lf_error_text(err, err_size, "not a bundle id: %s", id);
        goto done;
    }
    if (have_cur && strcmp(cur, id) == 0) {
        lf_error_text(err, err_size, "bundle %s is installed already", id);
        goto done;
    }
    lf_store_pause();
    if (!lf_fsync_tree(staging_dir)) {
        lf_error_text(err, err_size, "%s: cannot sync the download to disk (see the log)", staging_dir);
        goto done;
    }
    lf_store_pause();
    /* The same bundle kept as `previous` (going back to it): replace it
     * with the fresh, verified copy. */
    if (!lf_remove_tree(target)) {
        lf_error_text(err, err_size, "%s: cannot replace (see the log)", target);
        goto done;
    }
    if (rename(staging_dir, target) != 0) {
        lf_error("%s -> %s: %s", staging_dir, target, strerror(errno));
        lf_error_text(err, err_size, "cannot move the download to %s: %s", target, strerror(errno));
        goto done;
    }
    if (!lf_fsync_path(bundles) || !lf_fsync_path(s->dir)) {
        lf_error_text(err, err_size, "%s: fsync failed (see the log)", s->dir);
        goto done;
    }
    lf_store_pause();
    if (have_cur && !switch_link(s, PREVIOUS, cur, err, err_size))
        goto done;
    if (!switch_link(s, CURRENT, id, err, err_size))
        goto done;
    ok = true;
    if (bundle_dir)
        snprintf(bundle_dir, bundle_dir_size, "%s", target);
    remove_leftovers(s);
done:
    if (!ok) {
        lf_store_discard(s, staging_dir);
        /* a half-made target that no link names */
        char now[LF_STORE_ID_CHARS + 1], prev[LF_STORE_ID_CHARS + 1];
        (void)link_id(s->dir, CURRENT, now);
        (void)link_id(s->dir, PREVIOUS, prev);
        if (is_id(id) && strcmp(now, id) != 0 && strcmp(prev, id) != 0)
            logged_only(lf_remove_tree(target));
    }
    free(target);
    free(bundles);
    return ok;
}

/* ---- choosing the bundle at start ---- */

/* Loads the bundle a link names; true and its folder when it is valid. */
static bool try_link(const char *cache_dir, const struct lf_keyring *ring, const char *name,
                     char *out_dir, size_t size, char *id)
{
    bool ok = false;
    char *link = lf_xasprintf("%s/%s", cache_dir, name);
    char *real = NULL;
    struct lf_diags *d = lf_diags_create();
    if (!link_id(cache_dir, name, id))
        goto done;
    real = realpath(link, NULL);
    if (!real) {
        lf_warn("sync: %s: %s", link, strerror(errno));
        goto done;
    }
    char why[LF_SIGN_ERROR_BYTES];
    if (ring && ring->n > 0 && !lf_verify_bundle_dir(real, ring, NULL, why, sizeof(why))) {
        lf_warn("sync: the %s bundle %s is not trusted, not used: %s", name, real, why);
        goto done;
    }
    struct lf_bundle *b = lf_bundle_load(real, d);
    if (!b) {
        char buf[2048] = "";
        if (lf_diags_count(d) > 0)
            lf_diag_format(lf_diags_get(d, 0), buf, sizeof(buf));
        lf_warn("sync: the %s bundle %s is damaged, not used: %s", name, real, buf);
        goto done;
    }
    lf_bundle_destroy(b);
    if (strlen(real) >= size) {
        lf_warn("sync: %s: path too long", real);
        goto done;
    }
    snprintf(out_dir, size, "%s", real);
    ok = true;
done:
    lf_diags_destroy(d);
    free(real);
    free(link);
    return ok;
}

static time_t manifest_mtime(const char *dir)
{
    char *path = lf_xasprintf("%s/%s", dir, LF_MANIFEST_NAME);
    struct stat st;
    time_t t = stat(path, &st) == 0 ? st.st_mtime : 0;
    free(path);
    return t;
}

bool lf_store_choose(const char *cache_dir, const char *sample_dir, char *out_dir, size_t size,
                     time_t *installed_at, struct lf_diags *diags)
{
    return lf_store_choose_trusted(cache_dir, NULL, sample_dir, out_dir, size, installed_at,
                                   diags);
}

bool lf_store_choose_trusted(const char *cache_dir, const char *trusted_keys,
                             const char *sample_dir, char *out_dir, size_t size,
                             time_t *installed_at, struct lf_diags *diags)
{
    static const char *const links[] = {CURRENT, PREVIOUS};
    char id[LF_STORE_ID_CHARS + 1];
    struct lf_keyring ring = {0};
    char why[LF_SIGN_ERROR_BYTES];
    bool use_cache = cache_dir && cache_dir[0];
    if (use_cache && trusted_keys && !lf_keyring_parse(trusted_keys, &ring, why, sizeof(why))) {
        /* the config check refuses this; never trust the cache with a bad key list */
        lf_warn("sync: trusted_keys: %s; downloaded bundles not used", why);
        use_cache = false;
    }
    for (size_t i = 0; use_cache && i < 2; i++) {
        if (!try_link(cache_dir, &ring, links[i], out_dir, size, id))
            continue;
        if (installed_at) {
            struct lf_store_state st;
            lf_store_read_state(cache_dir, &st);
            *installed_at = strcmp(st.installed_id, id) == 0 && st.installed_at > 0
                                ? st.installed_at
                                : manifest_mtime(out_dir);
        }
        if (i > 0)
            lf_warn("sync: showing the previous bundle %s", out_dir);
        return true;
    }
    struct lf_bundle *b = lf_bundle_load(sample_dir, diags);
    if (!b)
        return false;
    lf_bundle_destroy(b);
    if (strlen(sample_dir) >= size)
        return false;
    snprintf(out_dir, size, "%s", sample_dir);
    if (installed_at)
        *installed_at = 0;
    return true;
}

/* ---- state.json and status.json ---- */

const char *lf_store_iso_utc(time_t t, char *buf, size_t size)
{
    struct tm tm;
    if (!gmtime_r(&t, &tm) || strftime(buf, size, "%Y-%m-%dT%H:%M:%SZ", &tm) == 0)
        snprintf(buf, size, "1970-01-01T00:00:00Z");
    return buf;
}

static json_t *json_time(time_t t)
{
    char buf[32];
    return t > 0 ? json_string(lf_store_iso_utc(t, buf, sizeof(buf))) : json_null();
}

static json_t *json_text(const char *s)
{
    return s[0] ? json_string(s) : json_null();
}

static bool write_json(const char *cache_dir, const char *name, json_t *root)
{
    bool ok = false;
    char *path = lf_xasprintf("%s/%s", cache_dir, name);
    char *text = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
    if (!text) {
        lf_error("%s: cannot serialise", path);
        goto done;
    }
    size_t n = strlen(text);
    char *line = lf_xasprintf("%s\n", text);
    ok = lf_durable_write(path, line, n + 1, 0644);
    free(line);
done:
    free(text);
    free(path);
    json_decref(root);
    return ok;
}

/* The object in cache_dir/name, or NULL (missing: quietly; broken: logged). */
static json_t *read_json(const char *cache_dir, const char *name)
{
    char *path = lf_xasprintf("%s/%s", cache_dir, name);
    json_error_t e;
    json_t *root = NULL;
    struct stat st;
    if (stat(path, &st) != 0 || !S_ISREG(st.st_mode)) {
        goto done;
    }
    if (st.st_size > STATE_MAX_BYTES) {
        lf_warn("%s: larger than %d bytes, ignored", path, STATE_MAX_BYTES);
        goto done;
    }
    root = json_load_file(path, 0, &e);
    if (!root)
        lf_warn("%s:%d: %s; ignored", path, e.line, e.text);
    else if (!json_is_object(root)) {
        lf_warn("%s: not an object; ignored", path);
        json_decref(root);
        root = NULL;
    }
done:
    free(path);
    return root;
}

static void get_text(const json_t *root, const char *key, char *out, size_t size)
{
    const json_t *v = json_object_get(root, key);
    out[0] = '\0';
    if (json_is_string(v) && json_string_length(v) < size)
        memcpy(out, json_string_value(v), json_string_length(v) + 1);
}

static time_t get_time(const json_t *root, const char *key)
{
    const json_t *v = json_object_get(root, key);
    time_t t;
    if (json_is_string(v) && lf_parse_datetime(json_string_value(v), &t))
        return t;
    return 0;
}

void lf_store_read_state(const char *cache_dir, struct lf_store_state *out)
{
    memset(out, 0, sizeof(*out));
    json_t *root = read_json(cache_dir, LF_STORE_STATE_NAME);
    if (!root)
        return;
    get_text(root, "url", out->url, sizeof(out->url));
    get_text(root, "etag", out->etag, sizeof(out->etag));
    get_text(root, "last_modified", out->last_modified, sizeof(out->last_modified));
    get_text(root, "installed_id", out->installed_id, sizeof(out->installed_id));
    if (!is_id(out->installed_id))
        out->installed_id[0] = '\0';
    get_text(root, "installed_version", out->installed_version, sizeof(out->installed_version));
    out->installed_at = get_time(root, "installed_at");
    const json_t *serial = json_object_get(root, "highest_serial");
    if (json_is_integer(serial) && json_integer_value(serial) > 0 &&
        json_integer_value(serial) <= LF_MAX_BUNDLE_SERIAL)
        out->highest_serial = (long long)json_integer_value(serial);
    out->installed_created = get_time(root, "installed_created");
    json_decref(root);
}

bool lf_store_write_state(const char *cache_dir, const struct lf_store_state *st)
{
    json_t *root = json_object();
    json_object_set_new(root, "url", json_string(st->url));
    json_object_set_new(root, "etag", json_text(st->etag));
    json_object_set_new(root, "last_modified", json_text(st->last_modified));
    json_object_set_new(root, "installed_id", json_text(st->installed_id));
    json_object_set_new(root, "installed_version", json_text(st->installed_version));
    json_object_set_new(root, "installed_at", json_time(st->installed_at));
    json_object_set_new(root, "highest_serial", json_integer((json_int_t)st->highest_serial));
    json_object_set_new(root, "installed_created", json_time(st->installed_created));
    return write_json(cache_dir, LF_STORE_STATE_NAME, root);
}

void lf_store_read_status(const char *cache_dir, struct lf_store_status *out)
{
    memset(out, 0, sizeof(*out));
    json_t *root = read_json(cache_dir, LF_STORE_STATUS_NAME);
    if (!root)
        return;
    out->last_attempt = get_time(root, "last_attempt");
    out->last_success = get_time(root, "last_success");
    get_text(root, "installed_id", out->installed_id, sizeof(out->installed_id));
    get_text(root, "installed_version", out->installed_version, sizeof(out->installed_version));
    out->installed_at = get_time(root, "installed_at");
    get_text(root, "last_error", out->last_error, sizeof(out->last_error));
    const json_t *n = json_object_get(root, "consecutive_failures");
    if (json_is_integer(n) && json_integer_value(n) >= 0 && json_integer_value(n) < INT_MAX)
        out->consecutive_failures = (int)json_integer_value(n);
    out->next_attempt = get_time(root, "next_attempt");
    get_text(root, "url", out->url, sizeof(out->url));
    json_decref(root);
}

/* status.json has two writers: the sync (its keys) and the kiosk's frame
 * loop ("screen", src/monitor/). Each keeps the other's part; within one
 * process they take turns. */
static bool write_status_locked(const char *cache_dir, const struct lf_store_status *st,
                                json_t *screen);
static pthread_mutex_t status_lock = PTHREAD_MUTEX_INITIALIZER;

bool lf_store_write_status_part(const char *cache_dir, const char *key, struct json_t *part)
{
    pthread_mutex_lock(&status_lock);
    json_t *root = read_json(cache_dir, LF_STORE_STATUS_NAME);
    if (!root)
        root = json_object();
    json_object_set_new(root, key, part);
    bool ok = write_json(cache_dir, LF_STORE_STATUS_NAME, root);
    pthread_mutex_unlock(&status_lock);
    return ok;
}

bool lf_store_write_status(const char *cache_dir, const struct lf_store_status *st)
{
    pthread_mutex_lock(&status_lock);
    json_t *old = read_json(cache_dir, LF_STORE_STATUS_NAME);
    json_t *screen = old ? json_object_get(old, LF_STORE_STATUS_SCREEN) : NULL;
    if (screen)
        json_incref(screen);
    json_decref(old);
    bool ok = write_status_locked(cache_dir, st, screen);
    pthread_mutex_unlock(&status_lock);
    return ok;
}

static bool write_status_locked(const char *cache_dir, const struct lf_store_status *st,
                                json_t *screen)
{
    json_t *root = json_object();
    json_object_set_new(root, "last_attempt", json_time(st->last_attempt));
    json_object_set_new(root, "last_success", json_time(st->last_success));
    json_object_set_new(root, "installed_id", json_text(st->installed_id));
    json_object_set_new(root, "installed_version", json_text(st->installed_version));
    json_object_set_new(root, "installed_at", json_time(st->installed_at));
    json_object_set_new(root, "last_error", json_text(st->last_error));
    json_object_set_new(root, "consecutive_failures", json_integer(st->consecutive_failures));
    json_object_set_new(root, "next_attempt", json_time(st->next_attempt));
    json_object_set_new(root, "url", json_string(st->url));
    if (screen)
        json_object_set_new(root, LF_STORE_STATUS_SCREEN, screen);
    return write_json(cache_dir, LF_STORE_STATUS_NAME, root);
}
