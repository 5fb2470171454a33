#include "studio/publish.h"

#include <dirent.h>
#include <errno.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "content/bundle.h"
#include "content/signature.h"
#include "core/durable.h"
#include "core/limits.h"
#include "core/xalloc.h"
#include "studio/upload.h"

struct lf_publisher {
    char *versions;  /* DIR/versions */
    char *leftovers; /* DIR/publish-leftovers.json */
    struct lf_publish_target t;
    char *key_file, *dir, *url, *user, *password_file, *ssh_key, *known_hosts, *ca_file;
};

static char *dup_or_empty(const char *s)
{
    return lf_xstrdup(s ? s : "");
}

struct lf_publisher *lf_publisher_create(const char *data_dir,
                                         const struct lf_publish_target *target, char *err,
                                         size_t err_size)
{
    struct lf_publisher *p = lf_xcalloc(1, sizeof(*p));
    p->versions = lf_xasprintf("%s/%s", data_dir, LF_VERSIONS_DIR);
    p->leftovers = lf_xasprintf("%s/%s", data_dir, LF_PUBLISH_LEFTOVERS_NAME);
    p->t = *target;
    p->t.key_file = p->key_file = dup_or_empty(target->key_file);
    p->t.dir = p->dir = dup_or_empty(target->dir);
    p->t.url = p->url = dup_or_empty(target->url);
    p->t.user = p->user = dup_or_empty(target->user);
    p->t.password_file = p->password_file = dup_or_empty(target->password_file);
    p->t.ssh_key = p->ssh_key = dup_or_empty(target->ssh_key);
    p->t.known_hosts = p->known_hosts = dup_or_empty(target->known_hosts);
    p->t.ca_file = p->ca_file = dup_or_empty(target->ca_file);
    if (p->t.valid_days <= 0)
        p->t.valid_days = 30;
    if (!lf_make_dirs(p->versions)) {
        lf_error_text(err, err_size, "%s: cannot create: %s", p->versions, strerror(errno));
        goto fail;
    }
    if (p->key_file[0]) {
        struct lf_secret_key key;
        char why[LF_SIGN_ERROR_BYTES];
        bool ok = lf_secret_key_load(p->key_file, &key, why, sizeof(why));
        memset(&key, 0, sizeof(key));
        if (!ok) {
            lf_error_text(err, err_size, "publish.key: %s", why);
            goto fail;
        }
    }
    if (p->url[0] && !lf_upload_url_ok(p->url, err, err_size))
        goto fail;
    return p;
fail:
    lf_publisher_destroy(p);
    return NULL;
}

void lf_publisher_destroy(struct lf_publisher *p)
{
    if (!p)
        return;
    free(p->versions);
    free(p->leftovers);
    free(p->key_file);
    free(p->dir);
    free(p->url);
    free(p->user);
    free(p->password_file);
    free(p->ssh_key);
    free(p->known_hosts);
    free(p->ca_file);
    free(p);
}

/* Serials of DIR/versions/<n>.json, highest first. */
static size_t list_serials(const struct lf_publisher *p, long long **out)
{
    size_t n = 0, cap = 0;
    long long *v = NULL;
    DIR *dir = opendir(p->versions);
    struct dirent *e;
    while (dir && (e = readdir(dir)) && n < LF_STUDIO_MAX_VERSIONS) {
        char *end;
        long long s = strtoll(e->d_name, &end, 10);
        if (s <= 0 || strcmp(end, ".json") != 0)
            continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 16;
            v = lf_xrealloc(v, cap * sizeof(*v));
        }
        v[n++] = s;
    }
    if (dir)
        closedir(dir);
    for (size_t i = 1; i < n; i++) { /* few versions: insertion sort */
        long long x = v[i];
        size_t j = i;
        while (j > 0 && v[j - 1] < x) {
            v[j] = v[j - 1];
            j--;
        }
        v[j] = x;
    }
    *out = v;
    return n;
}

/* The "serial" of a manifest file, 0 when it has none or is unreadable. */
static long long manifest_serial(const char *path)
{
    json_error_t je;
    json_t *doc = json_load_file(path, 0, &je);
    long long s = json_integer_value(json_object_get(doc, "serial"));
    json_decref(doc);
    return s;
}

static bool copy_file(const char *from, const char *to, char *err, size_t err_size)
{
    FILE *f = fopen(from, "rb");
    struct stat st;
    if (!f || fstat(fileno(f), &st) != 0 || !S_ISREG(st.st_mode) ||
        st.st_size > LF_MAX_IMAGE_BYTES) {
        lf_error_text(err, err_size, "%s: cannot read: %s", from,
                      f ? "not a file of at most 8 MiB" : strerror(errno));
        if (f)
            fclose(f);
        return false;
    }
    char *buf = lf_xmalloc((size_t)st.st_size + 1);
    bool ok = fread(buf, 1, (size_t)st.st_size, f) == (size_t)st.st_size;
    fclose(f);
    char *parent = lf_xstrdup(to);
    char *slash = strrchr(parent, '/');
    if (slash)
        *slash = '\0';
    ok = ok && lf_make_dirs(parent) && lf_durable_write(to, buf, (size_t)st.st_size, 0644);
    if (!ok)
        lf_error_text(err, err_size, "%s: cannot write: %s", to, strerror(errno));
    free(parent);
    free(buf);
    return ok;
}

/* The local web folder: images first, then the signature, the manifest
 * last, each renamed into place whole. */
static bool deliver_dir(const char *version_dir, const struct lf_bundle *b, const char *target,
                        const struct lf_publish_watch *watch, char *err, size_t err_size)
{
    if (!lf_make_dirs(target)) {
        lf_error_text(err, err_size, "publish.dir %s: cannot create: %s", target,
                      strerror(errno));
        return false;
    }
    for (size_t i = 0; i < b->n_files; i++) {
        char *from = lf_xasprintf("%s/%s", version_dir, b->files[i].path);
        char *to = lf_xasprintf("%s/%s", target, b->files[i].path);
        char hex[LF_SHA256_HEX + 1];
        uint64_t size;
        bool same = lf_file_sha256(to, hex, &size) && size == b->files[i].size &&
                    strcmp(hex, b->files[i].sha256) == 0;
        bool ok = same || copy_file(from, to, err, err_size);
        free(from);
        free(to);
        if (!ok)
            return false;
    }
    /* the signature and the manifest are written whole beside the live ones first, then
     * renamed into place one right after the other: a write that fails (a full disk)
     * leaves the live pair as it was, never a new signature beside the old manifest */
    static const char *const last[] = {LF_SIGNATURE_NAME, LF_MANIFEST_NAME};
    char *tmp[2] = {NULL, NULL};
    bool ok = true;
    for (size_t i = 0; i < 2 && ok; i++) {
        char *from = lf_xasprintf("%s/%s", version_dir, last[i]);
        tmp[i] = lf_xasprintf("%s/%s.publish%s", target, last[i], LF_DURABLE_TMP_SUFFIX);
        ok = copy_file(from, tmp[i], err, err_size);
        free(from);
    }
    if (ok && watch && watch->step)
        watch->step(watch->ctx, "dir", LF_PUBLISH_REPLACING);
    for (size_t i = 0; i < 2 && ok; i++) {
        char *to = lf_xasprintf("%s/%s", target, last[i]);
        if (rename(tmp[i], to) != 0) {
            lf_error_text(err, err_size, "%s: cannot write: %s", to, strerror(errno));
            ok = false;
        }
        free(to);
    }
    if (ok && !lf_fsync_path(target)) {
        lf_error_text(err, err_size, "%s: cannot write: %s", target, strerror(errno));
        ok = false;
    }
    if (ok && watch && watch->step)
        watch->step(watch->ctx, "dir", LF_PUBLISH_REPLACED);
    for (size_t i = 0; i < 2; i++) {
        if (tmp[i])
            (void)unlink(tmp[i]);
        free(tmp[i]);
    }
    return ok;
}

static char *version_meta_path(const struct lf_publisher *p, long long serial)
{
    return lf_xasprintf("%s/%lld.json", p->versions, serial);
}

/* Which [publish] url a version went to, kept in its record without the address itself
 * (versions are listed to editors): a BLAKE2b hash of it, in hex. */
#define URL_ID_BYTES 16
#define URL_ID_HEX (2 * URL_ID_BYTES)
static const char *url_id(const char *url, char hex[URL_ID_HEX + 1])
{
    unsigned char h[URL_ID_BYTES];
    crypto_generichash(h, sizeof(h), (const unsigned char *)url, strlen(url), NULL, 0);
    sodium_bin2hex(hex, URL_ID_HEX + 1, h, sizeof(h));
    return hex;
}

static bool names_target(const json_t *list, const char *name)
{
    size_t i;
    json_t *v;
    json_array_foreach(list, i, v) {
        if (json_is_string(v) && strcmp(json_string_value(v), name) == 0)
            return true;
    }
    return false;
}

bool lf_publisher_live_everywhere(const struct lf_publisher *p, long long serial)
{
    char *path = version_meta_path(p, serial);
    json_error_t je;
    json_t *meta = json_load_file(path, 0, &je);
    free(path);
    const json_t *delivered = json_object_get(meta, "delivered");
    bool live = json_is_object(meta) && (p->dir[0] || p->url[0]) &&
                !json_object_get(meta, "error") && !json_object_get(meta, "interrupted");
    if (live && p->url[0]) {
        char id[URL_ID_HEX + 1];
        const char *went = json_string_value(json_object_get(meta, "url_id"));
        live = names_target(delivered, "url") && went && strcmp(went, url_id(p->url, id)) == 0;
    }
    if (live && p->dir[0]) {
        /* the folder: its live pair is this version's, and every file it lists is there */
        char *manifest = lf_xasprintf("%s/%s", p->dir, LF_MANIFEST_NAME);
        char *sig = lf_xasprintf("%s/%s", p->dir, LF_SIGNATURE_NAME);
        struct stat st;
        live = names_target(delivered, "dir") && manifest_serial(manifest) == serial &&
               stat(sig, &st) == 0 && S_ISREG(st.st_mode);
        json_t *doc = live ? json_load_file(manifest, 0, &je) : NULL;
        size_t i;
        json_t *f;
        json_array_foreach(json_object_get(doc, "files"), i, f) {
            const char *name = json_string_value(json_object_get(f, "path"));
            char *full = name ? lf_xasprintf("%s/%s", p->dir, name) : NULL;
            live = live && full && stat(full, &st) == 0 && S_ISREG(st.st_mode) &&
                   (json_int_t)st.st_size == json_integer_value(json_object_get(f, "size"));
            free(full);
        }
        json_decref(doc);
        free(manifest);
        free(sig);
    }
    json_decref(meta);
    return live;
}

struct lf_publish_job {
    long long serial;
    char *final_dir, *meta_path;
    struct lf_bundle *signed_b;
    json_t *meta;
};

void lf_publish_job_destroy(struct lf_publish_job *j)
{
    if (!j)
        return;
    free(j->final_dir);
    free(j->meta_path);
    lf_bundle_destroy(j->signed_b);
    json_decref(j->meta);
    free(j);
}

long long lf_publish_job_serial(const struct lf_publish_job *j)
{
    return j->serial;
}

struct lf_publish_job *lf_publish_prepare(struct lf_publisher *p, const char *manifest,
                                          const char *images_dir, const char *user,
                                          const char *note, long long again_from, char *err,
                                          size_t err_size)
{
    bool ok = false;
    struct lf_diags *diags = lf_diags_create();
    struct lf_bundle *draft = NULL;
    long long *serials = NULL;
    char *staging = lf_xasprintf("%s/.staging%s", p->versions, LF_DURABLE_TMP_SUFFIX);
    struct lf_publish_job *j = lf_xcalloc(1, sizeof(*j));

    if (!p->key_file[0]) {
        lf_error_text(err, err_size,
                      "no signing key: set [publish] key = FILE in the studio's config "
                      "(`litfass keygen` makes one)");
        goto done;
    }
    if (!p->dir[0] && !p->url[0]) {
        lf_error_text(err, err_size, "nowhere to publish: set [publish] dir or url");
        goto done;
    }
    draft = lf_bundle_parse(manifest, strlen(manifest), LF_MANIFEST_NAME, images_dir, diags);
    if (!draft) {
        char line[1024];
        lf_error_text(err, err_size, "the bundle has %zu error%s; first: %s",
                      lf_diags_errors(diags), lf_diags_errors(diags) == 1 ? "" : "s",
                      lf_diags_count(diags) ? lf_diag_format(lf_diags_get(diags, 0), line,
                                                             sizeof(line))
                                            : "?");
        goto done;
    }
    /* the next serial: above every version kept here and above what the
     * web folder holds now (a bundle signed by hand before the studio) */
    size_t n = list_serials(p, &serials);
    long long serial = n ? serials[0] : 0;
    if (p->dir[0]) {
        char *live = lf_xasprintf("%s/%s", p->dir, LF_MANIFEST_NAME);
        long long s = manifest_serial(live);
        free(live);
        if (s > serial)
            serial = s;
    }
    if (draft->serial > serial)
        serial = draft->serial;
    serial++;
    j->serial = serial;

    /* the version folder: the manifest and the images it names */
    if (!lf_remove_tree(staging) || !lf_make_dirs(staging)) {
        lf_error_text(err, err_size, "%s: %s", staging, strerror(errno));
        goto done;
    }
    char *mpath = lf_xasprintf("%s/%s", staging, LF_MANIFEST_NAME);
    bool wrote = lf_durable_write(mpath, manifest, strlen(manifest), 0644);
    free(mpath);
    if (!wrote) {
        lf_error_text(err, err_size, "%s: cannot write: %s", staging, strerror(errno));
        goto done;
    }
    for (size_t i = 0; i < draft->n_items; i++) {
        const char *image = draft->items[i].image;
        if (!image)
            continue;
        char *from = lf_xasprintf("%s/%s", images_dir, image);
        char *to = lf_xasprintf("%s/%s", staging, image);
        bool copied = copy_file(from, to, err, err_size);
        free(from);
        free(to);
        if (!copied)
            goto done;
    }
    struct lf_secret_key key;
    char why[LF_SIGN_ERROR_BYTES];
    time_t now = time(NULL);
    if (!lf_sign_clock_plausible(now, why, sizeof(why))) {
        lf_error_text(err, err_size, "not signed: %s", why);
        goto done;
    }
    if (!lf_secret_key_load(p->key_file, &key, why, sizeof(why))) {
        lf_error_text(err, err_size, "publish.key: %s", why);
        goto done;
    }
    struct lf_bundle_stamp stamp;
    lf_diags_destroy(diags);
    diags = lf_diags_create();
    bool signed_ok = lf_bundle_sign(staging, &key, p->t.valid_days, serial, now, diags,
                                    &stamp, why, sizeof(why));
    memset(&key, 0, sizeof(key));
    if (!signed_ok) {
        char line[1024];
        lf_error_text(err, err_size, "signing failed: %s",
                      lf_diags_count(diags)
                          ? lf_diag_format(lf_diags_get(diags, 0), line, sizeof(line))
                          : why);
        goto done;
    }
    j->final_dir = lf_xasprintf("%s/%lld", p->versions, serial);
    if (!lf_fsync_tree(staging) || !lf_remove_tree(j->final_dir) ||
        rename(staging, j->final_dir) != 0 || !lf_fsync_parent(j->final_dir)) {
        lf_error_text(err, err_size, "%s: cannot keep the version: %s", j->final_dir,
                      strerror(errno));
        goto done;
    }
    lf_diags_destroy(diags);
    diags = lf_diags_create();
    j->signed_b = lf_bundle_load(j->final_dir, diags);
    if (!j->signed_b) {
        lf_error_text(err, err_size, "%s: the signed version does not load", j->final_dir);
        goto done;
    }

    char created[32], expires[32];
    lf_sign_format_time(stamp.created, created, sizeof(created));
    lf_sign_format_time(stamp.expires, expires, sizeof(expires));
    j->meta = json_pack("{s:I, s:s, s:s, s:s, s:I, s:s?, s:o, s:[]}", "serial",
                        (json_int_t)serial, "created", created, "expires", expires, "by", user,
                        "items", (json_int_t)j->signed_b->n_items, "note", note, "again_from",
                        again_from ? json_integer(again_from) : json_null(), "delivered");
    /* the record is written before delivery: a failed (or cut off) delivery
     * is listed too, and publishing again takes the next serial */
    j->meta_path = version_meta_path(p, serial);
    char *text = json_dumps(j->meta, JSON_INDENT(2));
    bool kept = lf_durable_write(j->meta_path, text, strlen(text), 0644);
    free(text);
    if (!kept) {
        lf_error_text(err, err_size, "%s: cannot write: %s", j->meta_path, strerror(errno));
        goto done;
    }
    ok = true;
done:
    if (!ok && !lf_remove_tree(staging))
        lf_warn("studio: %s: left behind", staging);
    lf_bundle_destroy(draft);
    lf_diags_destroy(diags);
    free(serials);
    free(staging);
    if (!ok) {
        lf_publish_job_destroy(j);
        j = NULL;
    }
    return j;
}

/* DIR/publish-leftovers.json: [{"serial", "url"}], the versions whose upload to url may
 * have left *.tmp files there (from its start until it ended cleanly). */
static json_t *leftovers_load(const struct lf_publisher *p)
{
    json_t *list = json_load_file(p->leftovers, 0, NULL);
    if (!json_is_array(list)) {
        json_decref(list);
        list = json_array();
    }
    return list;
}

static void leftovers_save(const struct lf_publisher *p, json_t *list)
{
    char *text = json_dumps(list, JSON_INDENT(2));
    if (!lf_durable_write(p->leftovers, text, strlen(text), 0600))
        lf_warn("studio: %s: cannot write: %s", p->leftovers, strerror(errno));
    free(text);
}

/* Removes the *.tmp files that the uploads listed in the leftovers may have left on url (an
 * upload cut off by a stop or a crash), and their entries once that is sure. Entries of
 * another url (the config changed) are dropped: that server is no longer the studio's. */
static void remove_stale_tmp(struct lf_publisher *p, json_t *list, const atomic_bool *cancel)
{
    for (size_t i = json_array_size(list); i-- > 0;) {
        json_t *e = json_array_get(list, i);
        long long serial = json_integer_value(json_object_get(e, "serial"));
        const char *url = json_string_value(json_object_get(e, "url"));
        char *manifest = url && strcmp(url, p->url) == 0
                             ? lf_publisher_version_manifest(p, serial)
                             : NULL;
        json_t *doc = manifest ? json_loads(manifest, 0, NULL) : NULL;
        free(manifest);
        bool gone = true;
        if (doc) {
            json_t *files = json_object_get(doc, "files");
            size_t n = json_array_size(files);
            const char **paths = lf_xcalloc(n + 2, sizeof(*paths));
            size_t k = 0;
            for (size_t f = 0; f < n; f++) {
                const char *path = json_string_value(json_object_get(json_array_get(files, f), "path"));
                if (path)
                    paths[k++] = path;
            }
            paths[k++] = LF_SIGNATURE_NAME;
            paths[k++] = LF_MANIFEST_NAME;
            char err[LF_PUBLISH_ERROR_BYTES];
            gone = lf_upload_remove_tmp(&p->t, paths, k, cancel, err, sizeof(err));
            if (!gone)
                lf_warn("studio: version %lld: %s", serial, err);
            free(paths);
            json_decref(doc);
        }
        if (gone)
            json_array_remove(list, i);
    }
}

/* Uploads the job's version to url: first the earlier uploads' leftovers, and this one
 * listed among them until it ended without leaving any. */
static bool deliver_url(struct lf_publisher *p, struct lf_publish_job *j,
                        const struct lf_publish_watch *watch, char *err, size_t err_size)
{
    json_t *list = leftovers_load(p);
    size_t before = json_array_size(list);
    if (before)
        remove_stale_tmp(p, list, watch ? watch->cancel : NULL);
    json_array_append_new(list, json_pack("{s:I, s:s}", "serial", (json_int_t)j->serial, "url",
                                          p->url));
    leftovers_save(p, list);
    bool left = false;
    bool ok = lf_upload_bundle(&p->t, j->final_dir, j->signed_b, watch, &left, err, err_size);
    if (ok || !left) {
        json_array_remove(list, json_array_size(list) - 1);
        leftovers_save(p, list);
    }
    json_decref(list);
    return ok;
}

bool lf_publish_deliver(struct lf_publisher *p, struct lf_publish_job *j,
                        const struct lf_publish_watch *watch, json_t **out, char *err,
                        size_t err_size)
{
    *out = NULL;
    json_t *delivered = json_object_get(j->meta, "delivered");
    bool delivered_all = true;
    char derr[LF_PUBLISH_ERROR_BYTES] = "";
    if (p->dir[0]) {
        if (deliver_dir(j->final_dir, j->signed_b, p->dir, watch, derr, sizeof(derr)))
            json_array_append_new(delivered, json_string("dir"));
        else
            delivered_all = false;
    }
    if (p->url[0] && delivered_all) {
        if (deliver_url(p, j, watch, derr, sizeof(derr))) {
            json_array_append_new(delivered, json_string("url"));
            char id[URL_ID_HEX + 1];
            json_object_set_new(j->meta, "url_id", json_string(url_id(p->url, id)));
        } else {
            delivered_all = false;
        }
    }
    if (!delivered_all)
        json_object_set_new(j->meta, "error", json_string(derr));
    char *text = json_dumps(j->meta, JSON_INDENT(2));
    bool kept = lf_durable_write(j->meta_path, text, strlen(text), 0644);
    free(text);
    if (!delivered_all) {
        lf_error_text(err, err_size, "version %lld was signed but not delivered: %s", j->serial,
                      derr);
        return false;
    }
    if (!kept) {
        lf_error_text(err, err_size, "%s: cannot write: %s", j->meta_path, strerror(errno));
        return false;
    }
    *out = json_incref(j->meta);
    return true;
}

bool lf_publish(struct lf_publisher *p, const char *manifest, const char *images_dir,
                const char *user, const char *note, long long again_from, json_t **out,
                char *err, size_t err_size)
{
    *out = NULL;
    struct lf_publish_job *j =
        lf_publish_prepare(p, manifest, images_dir, user, note, again_from, err, err_size);
    bool ok = j && lf_publish_deliver(p, j, NULL, out, err, err_size);
    lf_publish_job_destroy(j);
    return ok;
}

char *lf_publisher_version_manifest(const struct lf_publisher *p, long long serial)
{
    char *path = lf_xasprintf("%s/%lld/%s", p->versions, serial, LF_MANIFEST_NAME);
    FILE *f = fopen(path, "rb");
    free(path);
    if (!f)
        return NULL;
    char *buf = lf_xmalloc(LF_MAX_MANIFEST_BYTES + 1);
    size_t n = fread(buf, 1, LF_MAX_MANIFEST_BYTES, f);
    fclose(f);
    buf[n] = '\0';
    return buf;
}

struct lf_publish_job *lf_publish_again_prepare(struct lf_publisher *p, long long serial,
                                                const char *user, char *err, size_t err_size)
{
    char *manifest = lf_publisher_version_manifest(p, serial);
    if (!manifest) {
        lf_error_text(err, err_size, "no version %lld", serial);
        return NULL;
    }
    /* the old stamp and files list go; lf_publish_prepare signs it anew */
    json_error_t je;
    json_t *doc = json_loads(manifest, 0, &je);
    free(manifest);
    if (!doc) {
        lf_error_text(err, err_size, "version %lld: %s", serial, je.text);
        return NULL;
    }
    json_object_del(doc, "serial");
    json_object_del(doc, "created");
    json_object_del(doc, "expires");
    json_object_del(doc, "files");
    char *text = json_dumps(doc, JSON_INDENT(2));
    json_decref(doc);
    char *dir = lf_xasprintf("%s/%lld", p->versions, serial);
    char note[64];
    snprintf(note, sizeof(note), "again: version %lld", serial);
    struct lf_publish_job *j = lf_publish_prepare(p, text, dir, user, note, serial, err, err_size);
    free(dir);
    free(text);
    return j;
}

bool lf_publish_again(struct lf_publisher *p, long long serial, const char *user, json_t **out,
                      char *err, size_t err_size)
{
    *out = NULL;
    struct lf_publish_job *j = lf_publish_again_prepare(p, serial, user, err, err_size);
    bool ok = j && lf_publish_deliver(p, j, NULL, out, err, err_size);
    lf_publish_job_destroy(j);
    return ok;
}

bool lf_publisher_mark_interrupted(struct lf_publisher *p, long long serial,
                                   const json_t *targets, const char *live, bool *everywhere)
{
    /* the targets configured, in the order they are delivered to */
    const char *configured[2];
    size_t n_configured = 0;
    if (p->dir[0])
        configured[n_configured++] = "dir";
    if (p->url[0])
        configured[n_configured++] = "url";
    *everywhere = n_configured > 0;
    for (size_t i = 0; i < n_configured; i++) {
        const char *step = json_string_value(json_object_get(targets, configured[i]));
        *everywhere = *everywhere && step && strcmp(step, "replaced") == 0;
    }
    char *path = version_meta_path(p, serial);
    json_error_t je;
    json_t *meta = json_load_file(path, 0, &je);
    bool ok = json_is_object(meta);
    if (ok) {
        json_t *delivered = json_object_get(meta, "delivered");
        if (!json_is_array(delivered)) {
            delivered = json_array();
            json_object_set_new(meta, "delivered", delivered);
        }
        for (size_t i = 0; i < n_configured; i++) {
            const char *step = json_string_value(json_object_get(targets, configured[i]));
            bool listed = false;
            size_t k;
            json_t *d;
            json_array_foreach(delivered, k, d)
                listed = listed || strcmp(json_string_value(d) ? json_string_value(d) : "",
                                          configured[i]) == 0;
            if (step && strcmp(step, "replaced") == 0 && !listed)
                json_array_append_new(delivered, json_string(configured[i]));
        }
        json_object_set_new(meta, "interrupted", json_string(live));
        json_object_set_new(meta, "everywhere", json_boolean(*everywhere));
        char *text = json_dumps(meta, JSON_INDENT(2));
        ok = lf_durable_write(path, text, strlen(text), 0644);
        free(text);
        if (!ok)
            lf_warn("studio: %s: cannot write: %s", path, strerror(errno));
    } else {
        lf_warn("studio: %s: no record of the interrupted version (%s)", path, je.text);
    }
    json_decref(meta);
    free(path);
    return ok;
}

json_t *lf_publisher_versions(const struct lf_publisher *p)
{
    long long *serials;
    size_t n = list_serials(p, &serials);
    json_t *list = json_array();
    for (size_t i = 0; i < n; i++) {
        char *path = version_meta_path(p, serials[i]);
        json_error_t je;
        json_t *meta = json_load_file(path, 0, &je);
        free(path);
        if (json_is_object(meta))
            json_array_append_new(list, meta);
        else
            json_decref(meta);
    }
    free(serials);
    return list;
}
