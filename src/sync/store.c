/* The content store in the cache folder: see store.h for the layout and
 * the order of an install. Every step that makes a name appear or change
 * is followed by an fsync of the folder that holds the name. */
#include "sync/store.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdarg.h>
#include <stddef.h>
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
#define SHOWN "shown"
/* a second folder for the same bundle, made when the installed copy is
 * repaired while the damaged one may still be on screen */
#define REPAIR_SUFFIX "-r"
#define LOCK_NAME "lock"
#define STAGING_PREFIX "staging-"
/* state.json / status.json are small; anything bigger is not ours */
#define STATE_MAX_BYTES (64 * 1024)
/* ceiling of the test-only install delay */
#define DELAY_MAX_MS 60000
/* ceiling of the test-only kill point (an install has a few dozen steps) */
#define KILL_AT_MAX 100000

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
static long kill_at;                /* 0: never */
static atomic_long pauses;          /* calls of lf_store_pause so far */
static pthread_once_t delay_once = PTHREAD_ONCE_INIT;

/* A positive whole number from the environment variable name, at most
 * max; 0 when unset or anything else. */
static long env_count(const char *name, long max)
{
    const char *s = getenv(name);
    if (!s || !s[0])
        return 0;
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno != 0 || *end != '\0' || v <= 0)
        return 0;
    return v > max ? max : v;
}

static void read_delay(void)
{
    delay_ms = env_count(LF_STORE_DELAY_ENV, DELAY_MAX_MS);
    kill_at = env_count(LF_STORE_KILL_AT_ENV, KILL_AT_MAX);
}

void lf_store_pause(void)
{
    pthread_once(&delay_once, read_delay);
    if (kill_at > 0 && atomic_fetch_add(&pauses, 1) + 1 == kill_at)
        raise(SIGKILL);
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

/* A folder name in bundles/: "<id>" or "<id>-r" (see REPAIR_SUFFIX). */
#define FOLDER_NAME_BYTES (LF_STORE_ID_CHARS + sizeof(REPAIR_SUFFIX))

static bool is_folder_name(const char *s)
{
    char id[LF_STORE_ID_CHARS + 1];
    if (strlen(s) < LF_STORE_ID_CHARS)
        return false;
    memcpy(id, s, LF_STORE_ID_CHARS);
    id[LF_STORE_ID_CHARS] = '\0';
    return is_id(id) &&
           (s[LF_STORE_ID_CHARS] == '\0' || strcmp(s + LF_STORE_ID_CHARS, REPAIR_SUFFIX) == 0);
}

/* The folder a link (current/previous/shown) in `dir` names, into
 * folder[FOLDER_NAME_BYTES], and its bundle id into id[17] (may be NULL);
 * false when the link is missing or does not point at bundles/<name>. */
static bool link_folder(const char *dir, const char *name, char *folder, char *id)
{
    char *path = lf_xasprintf("%s/%s", dir, name);
    char target[PATH_MAX];
    ssize_t n = readlink(path, target, sizeof(target) - 1);
    free(path);
    folder[0] = '\0';
    if (id)
        id[0] = '\0';
    if (n < 0)
        return false;
    target[n] = '\0';
    const char *prefix = BUNDLES "/";
    if (strncmp(target, prefix, strlen(prefix)) != 0 || !is_folder_name(target + strlen(prefix)))
        return false;
    /* is_folder_name() has checked the length: FOLDER_NAME_BYTES fits it */
    size_t len = strnlen(target + strlen(prefix), FOLDER_NAME_BYTES - 1);
    memcpy(folder, target + strlen(prefix), len);
    folder[len] = '\0';
    if (id)
        snprintf(id, LF_STORE_ID_CHARS + 1, "%.*s", LF_STORE_ID_CHARS, folder);
    return true;
}

static bool link_id(const char *dir, const char *name, char *id)
{
    char folder[FOLDER_NAME_BYTES];
    return link_folder(dir, name, folder, id);
}

/* fsync of the store's folder; says so in err when it fails. */
static bool sync_store_dir(const struct lf_store *s, char *err, size_t err_size)
{
    if (lf_fsync_path(s->dir))
        return true;
    lf_error_text(err, err_size, "%s: fsync failed", s->dir);
    return false;
}

/* Points `name` in the store at bundles/<id>: a link "name.tmp", fsync of
 * the folder, rename over `name`, fsync of the folder. */
static bool switch_link(struct lf_store *s, const char *name, const char *folder, char *err,
                        size_t err_size)
{
    bool ok = false;
    char *tmp = lf_xasprintf("%s/%s" LF_DURABLE_TMP_SUFFIX, s->dir, name);
    char *path = lf_xasprintf("%s/%s", s->dir, name);
    char *target = lf_xasprintf(BUNDLES "/%s", folder);
    unlink(tmp);
    if (symlink(target, tmp) != 0) {
        lf_error("%s: cannot make the link: %s", tmp, strerror(errno));
        lf_error_text(err, err_size, "%s: cannot make the link: %s", tmp, strerror(errno));
        goto done;
    }
    lf_store_pause();
    if (!sync_store_dir(s, err, err_size))
        goto done;
    lf_store_pause();
    if (rename(tmp, path) != 0) {
        lf_error("%s: cannot switch: %s", path, strerror(errno));
        lf_error_text(err, err_size, "%s: cannot switch: %s", path, strerror(errno));
        goto done;
    }
    if (!sync_store_dir(s, err, err_size))
        goto done;
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

/* Names only the store makes, and only while it holds the lock: a staging
 * folder or the temp link of a switch (`current.tmp`). Holding the lock,
 * any such name is a leftover of an interrupted install. */
static bool is_own_leftover(const char *name)
{
    if (strncmp(name, STAGING_PREFIX, strlen(STAGING_PREFIX)) == 0)
        return true;
    static const char *const links[] = {CURRENT, PREVIOUS, SHOWN};
    for (size_t i = 0; i < sizeof(links) / sizeof(links[0]); i++) {
        size_t n = strlen(links[i]);
        if (strncmp(name, links[i], n) == 0 && strcmp(name + n, LF_DURABLE_TMP_SUFFIX) == 0)
            return true;
    }
    return false;
}

/* Removes staging folders, temp files and bundles that neither current
 * nor previous names. `staging_too` false keeps staging folders (after an
 * install, when we hold the lock, there are none of others anyway). */
static void remove_leftovers(struct lf_store *s)
{
    char cur[FOLDER_NAME_BYTES], prev[FOLDER_NAME_BYTES], shown[FOLDER_NAME_BYTES];
    bool removed = false;
    /* a link made a folder or a file by hand blocks every switch: ours, so it goes */
    static const char *const links[] = {CURRENT, PREVIOUS, SHOWN};
    for (size_t i = 0; i < 3; i++) {
        char *path = lf_xasprintf("%s/%s", s->dir, links[i]);
        struct stat st;
        if (lstat(path, &st) == 0 && !S_ISLNK(st.st_mode)) {
            lf_warn("sync: %s is not a link into bundles/; removing it", path);
            removed = lf_remove_tree(path) || removed;
        }
        free(path);
    }
    (void)link_folder(s->dir, CURRENT, cur, NULL);
    (void)link_folder(s->dir, PREVIOUS, prev, NULL);
    (void)link_folder(s->dir, SHOWN, shown, NULL);

    DIR *d = opendir(s->dir);
    if (d) {
        struct dirent *e;
        time_t now = time(NULL);
        while ((e = readdir(d)) != NULL) {
            bool own = is_own_leftover(e->d_name);
            if (!own && !has_suffix(e->d_name, LF_DURABLE_TMP_SUFFIX))
                continue;
            char *path = lf_xasprintf("%s/%s", s->dir, e->d_name);
            struct stat st;
            /* Another writer's temp file (the monitor's proof-of-play.json,
             * a status written from the kiosk's thread) may be half written
             * right now: only one whose process has ended (a killed run)
             * or that nobody has touched for a long time is a leftover. */
            if (!own && !lf_durable_tmp_orphaned(e->d_name) &&
                (lstat(path, &st) != 0 || now - st.st_mtime < LF_STORE_FOREIGN_TMP_STALE_S)) {
                free(path);
                continue;
            }
            lf_info("sync: removing %s (left over from an interrupted %s)", path,
                    own ? "install" : "write");
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
            if (strcmp(e->d_name, cur) == 0 || strcmp(e->d_name, prev) == 0 ||
                strcmp(e->d_name, shown) == 0)
                continue; /* named, or on the kiosk's screen */
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
    return lf_store_try_open(cache_dir, NULL, err, err_size);
}

struct lf_store *lf_store_try_open(const char *cache_dir, bool *busy, char *err, size_t err_size)
{
    if (busy)
        *busy = false;
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
        if (busy)
            *busy = e == EWOULDBLOCK;
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
    char folder[FOLDER_NAME_BYTES];
    if (!link_folder(s->dir, CURRENT, folder, id))
        return false;
    char *path = lf_xasprintf("%s/" BUNDLES "/%s", s->dir, folder);
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
    char *target = NULL;
    char cur[FOLDER_NAME_BYTES], cur_id[LF_STORE_ID_CHARS + 1], shown[FOLDER_NAME_BYTES];
    char folder[FOLDER_NAME_BYTES];
    bool have_cur = link_folder(s->dir, CURRENT, cur, cur_id);
    (void)link_folder(s->dir, SHOWN, shown, NULL);
    bool repair = have_cur && strcmp(cur_id, id) == 0;
    if (!is_id(id)) {
        lf_error_text(err, err_size, "not a bundle id: %s", id);
        goto done;
    }
    /* A repair (the installed copy of this bundle is damaged) goes into
     * the other folder name, so the damaged one can stay on screen until
     * the kiosk has switched; `previous` stays what it was. */
    snprintf(folder, sizeof(folder), "%s", id);
    if (repair && strcmp(cur, id) == 0)
        snprintf(folder, sizeof(folder), "%s" REPAIR_SUFFIX, id);
    if (strcmp(folder, shown) == 0) {
        lf_error_text(err, err_size, "bundle %s: its folder %s is still on screen; trying again once "
                      "the kiosk has switched", id, folder);
        goto done;
    }
    target = lf_xasprintf("%s/%s", bundles, folder);
    lf_store_pause();
    if (!lf_fsync_tree(staging_dir)) {
        lf_error_text(err, err_size, "%s: cannot write the download to disk (see the log)",
                      staging_dir);
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
    if (have_cur && !repair && !switch_link(s, PREVIOUS, cur, err, err_size))
        goto done;
    if (!switch_link(s, CURRENT, folder, err, err_size))
        goto done;
    ok = true;
    if (bundle_dir)
        snprintf(bundle_dir, bundle_dir_size, "%s", target);
    remove_leftovers(s);
done:
    if (!ok) {
        lf_store_discard(s, staging_dir);
        /* a half-made target that no link names */
        char now[FOLDER_NAME_BYTES], prev[FOLDER_NAME_BYTES];
        (void)link_folder(s->dir, CURRENT, now, NULL);
        (void)link_folder(s->dir, PREVIOUS, prev, NULL);
        if (target && strcmp(now, folder) != 0 && strcmp(prev, folder) != 0 &&
            strcmp(shown, folder) != 0)
            logged_only(lf_remove_tree(target));
    }
    free(target);
    free(bundles);
    return ok;
}

bool lf_store_set_shown(struct lf_store *s, const char *dir)
{
    char *link = lf_xasprintf("%s/" SHOWN, s->dir);
    char folder[FOLDER_NAME_BYTES] = "", old[FOLDER_NAME_BYTES];
    bool ok = true;
    if (dir && dir[0]) {
        /* only a folder of this store is named: cache_dir/bundles/<name> */
        char *mine = NULL, *real = realpath(dir, NULL);
        const char *base = strrchr(dir, '/');
        base = base ? base + 1 : dir;
        if (is_folder_name(base)) {
            char *p = lf_xasprintf("%s/" BUNDLES "/%s", s->dir, base);
            mine = realpath(p, NULL);
            free(p);
        }
        if (real && mine && strcmp(real, mine) == 0)
            snprintf(folder, sizeof(folder), "%s", base);
        free(mine);
        free(real);
    }
    (void)link_folder(s->dir, SHOWN, old, NULL);
    if (strcmp(old, folder) == 0)
        goto done;
    if (!folder[0]) {
        if (unlink(link) != 0 && errno != ENOENT) {
            lf_warn("%s: cannot remove: %s", link, strerror(errno));
            ok = false;
        } else if (old[0]) {
            remove_leftovers(s);
        }
        goto done;
    }
    char err[LF_STORE_ERROR_BYTES];
    ok = switch_link(s, SHOWN, folder, err, sizeof(err));
    if (ok && old[0])
        remove_leftovers(s); /* the folder shown before may be named by nothing now */
done:
    free(link);
    return ok;
}

/* ---- the self-check ---- */

/* `rel` inside `dir` is a regular file reached without any symbolic
 * link; its size into *size. Else an error text. */
static bool plain_file(const char *dir, const char *dir_real, const char *rel, uint64_t *size,
                       char *err, size_t err_size)
{
    char *path = lf_xasprintf("%s/%s", dir, rel);
    char *want = lf_xasprintf("%s/%s", dir_real, rel);
    char *real = realpath(path, NULL);
    struct stat st;
    bool ok = false;
    if (lstat(path, &st) != 0 || !real)
        lf_error_text(err, err_size, "%s: missing", path);
    else if (S_ISLNK(st.st_mode) || strcmp(real, want) != 0)
        lf_error_text(err, err_size, "%s: a symbolic link, not the downloaded file", path);
    else if (!S_ISREG(st.st_mode))
        lf_error_text(err, err_size, "%s: not a file", path);
    else {
        *size = (uint64_t)st.st_size;
        ok = true;
    }
    free(real);
    free(want);
    free(path);
    return ok;
}

bool lf_store_check(const char *dir, const char *id, const char *trusted_keys, bool full,
                    char *err, size_t err_size)
{
    bool ok = false;
    struct lf_bundle *b = NULL;
    struct lf_diags *d = lf_diags_create();
    char *dir_real = realpath(dir, NULL);
    char *manifest = lf_xasprintf("%s/" LF_MANIFEST_NAME, dir);
    char hex[LF_SHA256_HEX + 1];
    uint64_t size = 0;
    if (!dir_real) {
        lf_error_text(err, err_size, "%s: missing", dir);
        goto done;
    }
    if (!plain_file(dir, dir_real, LF_MANIFEST_NAME, &size, err, err_size) ||
        !plain_file(dir, dir_real, LF_SIGNATURE_NAME, &size, err, err_size))
        goto done;
    if (!lf_file_sha256(manifest, hex, &size) || strncmp(hex, id, LF_STORE_ID_CHARS) != 0) {
        lf_error_text(err, err_size, "%s: not the manifest that was installed (its SHA-256 "
                      "does not start with %s)", manifest, id);
        goto done;
    }
    char *text = NULL;
    FILE *f = size <= LF_MAX_MANIFEST_BYTES ? fopen(manifest, "rb") : NULL;
    if (f) {
        text = lf_xmalloc((size_t)size + 1);
        if (fread(text, 1, (size_t)size, f) != (size_t)size) {
            free(text);
            text = NULL;
        }
        fclose(f);
    }
    if (text)
        b = lf_bundle_parse(text, (size_t)size, manifest, NULL, d);
    free(text);
    if (!b || !b->files_listed) {
        lf_error_text(err, err_size, "%s: cannot be read back", manifest);
        goto done;
    }
    for (size_t i = 0; i < b->n_files; i++) {
        const struct lf_bundle_file *file = &b->files[i];
        uint64_t have = 0;
        if (!plain_file(dir, dir_real, file->path, &have, err, err_size))
            goto done;
        if (have != file->size) {
            lf_error_text(err, err_size, "%s/%s: %llu bytes, the manifest lists %llu", dir,
                          file->path, (unsigned long long)have, (unsigned long long)file->size);
            goto done;
        }
        if (!full)
            continue;
        char *path = lf_xasprintf("%s/%s", dir, file->path);
        bool same = lf_file_sha256(path, hex, &have) && strcmp(hex, file->sha256) == 0;
        free(path);
        if (!same) {
            lf_error_text(err, err_size, "%s/%s: its SHA-256 differs from the manifest's", dir,
                          file->path);
            goto done;
        }
    }
    if (full && trusted_keys && trusted_keys[0]) {
        struct lf_keyring ring;
        char why[LF_SIGN_ERROR_BYTES];
        if (lf_keyring_parse(trusted_keys, &ring, why, sizeof(why)) &&
            !lf_verify_bundle_dir(dir, &ring, NULL, why, sizeof(why))) {
            lf_error_text(err, err_size, "%s: %s", dir, why);
            goto done;
        }
    }
    ok = true;
done:
    lf_bundle_destroy(b);
    lf_diags_destroy(d);
    free(manifest);
    free(dir_real);
    return ok;
}

/* ---- choosing the bundle at start ---- */

/* Loads the bundle a link names; true and its folder when it is valid. */
static bool try_link(const char *cache_dir, const struct lf_keyring *ring, const char *name,
                     long long min_serial, char *out_dir, size_t size, char *id)
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
    long long serial = b->serial;
    lf_bundle_destroy(b);
    if (serial < min_serial) {
        /* signed, but older than what this kiosk had: copied in by hand */
        lf_warn("sync: the %s bundle %s has serial %lld, older than the highest ever installed "
                "(%lld): not used (a rollback); the self-check fetches the right one again",
                name, real, serial, min_serial);
        goto done;
    }
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
    struct lf_store_state state;
    if (use_cache)
        lf_store_read_state(cache_dir, &state);
    for (size_t i = 0; use_cache && i < 2; i++) {
        /* `current` must be the newest ever installed; `previous` is older by design */
        if (!try_link(cache_dir, &ring, links[i], i == 0 ? state.highest_serial : 0, out_dir,
                      size, id))
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

/* A state.json or status.json that is not a file (a folder made by
 * hand, say) would block every later write: it is ours, so it goes. */
static void clear_non_file(const char *path)
{
    struct stat st;
    if (lstat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
        lf_warn("%s: not a file; removing it so it can be written again", path);
        logged_only(lf_remove_tree(path));
    }
}

/* When the disk is full a new file cannot be made, but status.json must
 * still stop saying that all is well: its text goes over the old file's
 * own blocks (not atomic, so only for this report, never for state.json). */
static bool overwrite_in_place(const char *path, const char *text, size_t n)
{
    int fd = open(path, O_WRONLY | O_NOFOLLOW | O_CLOEXEC);
    struct stat st;
    bool ok = fd >= 0 && fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
              (off_t)n <= (off_t)st.st_blocks * 512 && pwrite(fd, text, n, 0) == (ssize_t)n &&
              ftruncate(fd, (off_t)n) == 0 && fsync(fd) == 0;
    if (fd >= 0)
        close(fd);
    if (ok)
        lf_warn("%s: written in place (no room for a new file)", path);
    return ok;
}

/* `sync` false: replaced atomically but not fsynced (lf_replace_file). */
static bool write_json(const char *cache_dir, const char *name, json_t *root, bool in_place_ok,
                       bool sync)
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
    clear_non_file(path);
    ok = sync ? lf_durable_write(path, line, n + 1, 0644) : lf_replace_file(path, line, n + 1, 0644);
    if (!ok && in_place_ok)
        ok = overwrite_in_place(path, line, n + 1);
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

/* The keys of state.json, status.json and status.json's "screen", one
 * row each, in the order they are written: where in the struct each
 * lives and how it is written and read. */
enum key_kind {
    KEY_TEXT,    /* char[]; "" is written as null */
    KEY_URL,     /* char[]; always written as a string */
    KEY_NAME,    /* const char *; written only, as a string */
    KEY_TIME,    /* time_t; ISO 8601 UTC, 0 is written as null */
    KEY_SERIAL,  /* long long, read when 1 .. LF_MAX_BUNDLE_SERIAL */
    KEY_COUNT,   /* int, read when 0 .. INT_MAX - 1 */
};

struct key_row {
    const char *key;
    enum key_kind kind;
    size_t offset, size; /* size: of a char[] */
};

#define KEY(type, kind, field) {#field, kind, offsetof(type, field), sizeof(((type *)0)->field)}

static const struct key_row state_keys[] = {
    KEY(struct lf_store_state, KEY_URL, url),
    KEY(struct lf_store_state, KEY_TEXT, etag),
    KEY(struct lf_store_state, KEY_TEXT, last_modified),
    KEY(struct lf_store_state, KEY_TEXT, date),
    KEY(struct lf_store_state, KEY_TEXT, installed_id),
    KEY(struct lf_store_state, KEY_TEXT, installed_version),
    KEY(struct lf_store_state, KEY_TIME, installed_at),
    KEY(struct lf_store_state, KEY_SERIAL, highest_serial),
    KEY(struct lf_store_state, KEY_TIME, installed_created),
    {NULL, KEY_TEXT, 0, 0},
};

static const struct key_row status_keys[] = {
    KEY(struct lf_store_status, KEY_TIME, last_attempt),
    KEY(struct lf_store_status, KEY_TIME, last_success),
    KEY(struct lf_store_status, KEY_TEXT, installed_id),
    KEY(struct lf_store_status, KEY_TEXT, installed_version),
    KEY(struct lf_store_status, KEY_TIME, installed_at),
    KEY(struct lf_store_status, KEY_TEXT, last_error),
    KEY(struct lf_store_status, KEY_COUNT, consecutive_failures),
    KEY(struct lf_store_status, KEY_TIME, failing_since),
    KEY(struct lf_store_status, KEY_TIME, next_attempt),
    KEY(struct lf_store_status, KEY_URL, url),
    {NULL, KEY_TEXT, 0, 0},
};

static const struct key_row screen_keys[] = {
    KEY(struct lf_store_screen, KEY_NAME, source),
    KEY(struct lf_store_screen, KEY_TEXT, id),
    KEY(struct lf_store_screen, KEY_TEXT, version),
    KEY(struct lf_store_screen, KEY_TEXT, folder),
    KEY(struct lf_store_screen, KEY_TIME, since),
    KEY(struct lf_store_screen, KEY_TEXT, note),
    {NULL, KEY_TEXT, 0, 0},
};

/* The struct at `from` as an object with the rows' keys. */
static json_t *keys_to_json(const struct key_row *rows, const void *from)
{
    json_t *root = json_object();
    for (const struct key_row *r = rows; r->key; r++) {
        const char *field = (const char *)from + r->offset;
        json_t *v = NULL;
        switch (r->kind) {
        case KEY_TEXT:
            v = json_text(field);
            break;
        case KEY_URL:
            v = json_string(field);
            break;
        case KEY_NAME:
            v = json_string(*(const char *const *)(const void *)field);
            break;
        case KEY_TIME:
            v = json_time(*(const time_t *)(const void *)field);
            break;
        case KEY_SERIAL:
            v = json_integer((json_int_t)*(const long long *)(const void *)field);
            break;
        case KEY_COUNT:
            v = json_integer(*(const int *)(const void *)field);
            break;
        }
        json_object_set_new(root, r->key, v);
    }
    return root;
}

/* The rows' keys of the file `name` in the cache folder into the struct
 * at `to` of `size` bytes, zeroed first: a file missing or unreadable, a
 * key missing, of another type or out of range leaves its field empty. */
static void read_keys(const char *cache_dir, const char *name, const struct key_row *rows,
                      void *to, size_t size)
{
    memset(to, 0, size);
    json_t *root = read_json(cache_dir, name);
    if (!root)
        return;
    for (const struct key_row *r = rows; r->key; r++) {
        char *field = (char *)to + r->offset;
        const json_t *v = json_object_get(root, r->key);
        time_t t;
        switch (r->kind) {
        case KEY_TEXT:
        case KEY_URL:
            if (json_is_string(v) && json_string_length(v) < r->size)
                memcpy(field, json_string_value(v), json_string_length(v) + 1);
            break;
        case KEY_NAME:
            break;
        case KEY_TIME:
            if (json_is_string(v) && lf_parse_datetime(json_string_value(v), &t))
                *(time_t *)(void *)field = t;
            break;
        case KEY_SERIAL:
            if (json_is_integer(v) && json_integer_value(v) > 0 &&
                json_integer_value(v) <= LF_MAX_BUNDLE_SERIAL)
                *(long long *)(void *)field = (long long)json_integer_value(v);
            break;
        case KEY_COUNT:
            if (json_is_integer(v) && json_integer_value(v) >= 0 && json_integer_value(v) < INT_MAX)
                *(int *)(void *)field = (int)json_integer_value(v);
            break;
        }
    }
    json_decref(root);
}

void lf_store_read_state(const char *cache_dir, struct lf_store_state *out)
{
    read_keys(cache_dir, LF_STORE_STATE_NAME, state_keys, out, sizeof(*out));
    if (!is_id(out->installed_id))
        out->installed_id[0] = '\0';
}

bool lf_store_write_state(const char *cache_dir, const struct lf_store_state *st)
{
    return write_json(cache_dir, LF_STORE_STATE_NAME, keys_to_json(state_keys, st), false, true);
}

void lf_store_read_status(const char *cache_dir, struct lf_store_status *out)
{
    read_keys(cache_dir, LF_STORE_STATUS_NAME, status_keys, out, sizeof(*out));
}

/* Every write of status.json goes through here: the keys in `changes`
 * replace those in the file, all others stay (the sync's, "on_screen",
 * the frame loop's "screen" part from src/monitor/, whatever else reports
 * there). One writer at a time in this process; other processes do not
 * write while a kiosk owns the cache (sync/handover.h). */
static pthread_mutex_t status_lock = PTHREAD_MUTEX_INITIALIZER;

/* The file with `changes` applied: its keys replace those at the top
 * (part NULL) or inside the object `part` (made if missing); taken over. */
static bool status_update(const char *cache_dir, const char *part, json_t *changes, bool sync)
{
    pthread_mutex_lock(&status_lock);
    json_t *root = read_json(cache_dir, LF_STORE_STATUS_NAME);
    if (!root)
        root = json_object();
    if (part) {
        json_t *obj = json_object_get(root, part);
        if (!json_is_object(obj)) {
            obj = json_object();
            json_object_set_new(root, part, obj);
        }
        json_object_update(obj, changes);
        if (strcmp(part, LF_STORE_STATUS_SCREEN) == 0)
            json_object_del(root, "on_screen"); /* its name before it joined "screen" */
    } else {
        json_object_update(root, changes);
    }
    json_decref(changes);
    bool ok = lf_make_dirs(cache_dir) && write_json(cache_dir, LF_STORE_STATUS_NAME, root, true, sync);
    pthread_mutex_unlock(&status_lock);
    return ok;
}

bool lf_store_status_put(const char *cache_dir, json_t *changes)
{
    return status_update(cache_dir, NULL, changes, true);
}

bool lf_store_status_merge(const char *cache_dir, const char *part, json_t *fields, bool sync)
{
    return status_update(cache_dir, part, fields, sync);
}

bool lf_store_write_status(const char *cache_dir, const struct lf_store_status *st)
{
    return lf_store_status_put(cache_dir, keys_to_json(status_keys, st));
}

bool lf_store_write_screen(const char *cache_dir, const struct lf_store_screen *sc)
{
    return lf_store_status_merge(cache_dir, LF_STORE_STATUS_SCREEN, keys_to_json(screen_keys, sc),
                                 true);
}
