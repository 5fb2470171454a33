#include "studio/upload.h"

#include <curl/curl.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "content/signature.h"
#include "core/test_setting.h"
#include "core/xalloc.h"

struct remote {
    const struct lf_publish_target *t;
    CURL *c;
    char *base;       /* url, ending in '/' */
    char *base_path;  /* SFTP: the folder's path on the server, ending in '/' */
    bool sftp;
    char password[LF_STUDIO_UPLOAD_PASSWORD_BYTES];
    /* "<path>.tmp" files this upload may have put on the server and not yet renamed into
     * place: removed again when the upload fails (remove_leftovers) */
    struct leftover {
        char *path;
        bool whole; /* uploaded in full (else: the upload that failed, perhaps partly) */
    } *left;
    size_t n_left;
    bool answered;  /* a request of this upload succeeded: the server takes requests */
    const atomic_bool *cancel; /* set by another thread: stop (NULL: never) */
    const struct lf_publish_watch *watch; /* may be NULL */
    bool committing; /* the live pair is being renamed: finished even when cancelled */
    bool cleaning;   /* removing *.tmp files: done even when cancelled (short timeouts) */
    CURLcode last;  /* libcurl's code for the last request */
};

/* Notes that path.tmp may be on the server now (whole: its upload succeeded). */
static void note_tmp(struct remote *r, const char *path, bool whole)
{
    for (size_t i = 0; i < r->n_left; i++) {
        if (strcmp(r->left[i].path, path) == 0) {
            r->left[i].whole = whole;
            return;
        }
    }
    r->left = lf_xrealloc(r->left, (r->n_left + 1) * sizeof(*r->left));
    r->left[r->n_left].path = lf_xstrdup(path);
    r->left[r->n_left++].whole = whole;
}

/* path.tmp was renamed into place: nothing of it is left over. */
static void forget_tmp(struct remote *r, const char *path)
{
    for (size_t i = 0; i < r->n_left; i++) {
        if (strcmp(r->left[i].path, path) == 0) {
            free(r->left[i].path);
            r->left[i] = r->left[--r->n_left];
            return;
        }
    }
}

bool lf_upload_url_ok(const char *url, char *err, size_t err_size)
{
    if (strncasecmp(url, "sftp://", 7) == 0 || strncasecmp(url, "https://", 8) == 0)
        return true;
    if (strncasecmp(url, "http://", 7) != 0) {
        lf_error_text(err, err_size, "%s: publish.url must start with sftp:// or https://", url);
        return false;
    }
    CURLU *u = curl_url();
    char *host = NULL;
    bool ok = curl_url_set(u, CURLUPART_URL, url, 0) == CURLUE_OK &&
              curl_url_get(u, CURLUPART_HOST, &host, 0) == CURLUE_OK &&
              (strcmp(host, "127.0.0.1") == 0 || strcmp(host, "[::1]") == 0 ||
               strcasecmp(host, "localhost") == 0);
    curl_free(host);
    curl_url_cleanup(u);
    if (!ok)
        lf_error_text(err, err_size,
                      "%s: plain http:// would send the password in clear: use https:// "
                      "(http:// only to this machine)",
                      url);
    return ok;
}

static bool read_password(const char *path, char *out, size_t size, char *err, size_t err_size)
{
    out[0] = '\0';
    if (!path || !path[0])
        return true;
    FILE *f = fopen(path, "r");
    if (!f) {
        lf_error_text(err, err_size, "%s: %s", path, strerror(errno));
        return false;
    }
    struct stat st;
    if (fstat(fileno(f), &st) == 0 && (st.st_mode & 077)) {
        fclose(f);
        lf_error_text(err, err_size, "%s: readable by others: chmod 600 it", path);
        return false;
    }
    bool ok = fgets(out, (int)size, f) != NULL;
    fclose(f);
    out[strcspn(out, "\r\n")] = '\0';
    if (!ok)
        lf_error_text(err, err_size, "%s: empty", path);
    return ok;
}

/* Seconds below LF_PUBLISH_LOW_SPEED_BYTES a second before an upload counts as
 * stalled: LF_PUBLISH_LOW_SPEED_S, or for tests only LITFASS_TEST_PUBLISH_STALL_S
 * (lf_test_setting: 1 .. below LF_PUBLISH_LOW_SPEED_S; unset in any real use). Read
 * at each use, not cached. */
static long stall_seconds(void)
{
    long v = lf_test_setting("LITFASS_TEST_PUBLISH_STALL_S", LF_PUBLISH_LOW_SPEED_S);
    return v ? v : (long)LF_PUBLISH_LOW_SPEED_S;
}

static bool cancelled(const struct remote *r)
{
    return r->cancel && !r->committing && !r->cleaning && atomic_load(r->cancel);
}

/* libcurl's progress call (about once a second even while nothing moves) */
static int on_progress(void *ctx, curl_off_t dltotal, curl_off_t dlnow, curl_off_t ultotal,
                       curl_off_t ulnow)
{
    (void)dltotal;
    (void)dlnow;
    (void)ultotal;
    (void)ulnow;
    return cancelled(ctx) ? 1 : 0;
}

static void common_options(struct remote *r)
{
    CURL *c = r->c;
    curl_easy_reset(c);
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, (long)LF_PUBLISH_CONNECT_TIMEOUT_S);
    curl_easy_setopt(c, CURLOPT_TIMEOUT, (long)LF_PUBLISH_TIMEOUT_S);
    /* a server that takes the connection and then stalls fails the upload ("Operation too
     * slow", the studio's "took too long") instead of holding it for the whole timeout */
    curl_easy_setopt(c, CURLOPT_LOW_SPEED_LIMIT, (long)LF_PUBLISH_LOW_SPEED_BYTES);
    curl_easy_setopt(c, CURLOPT_LOW_SPEED_TIME, stall_seconds());
    /* tests only: an upload slow enough to be stopped in the middle */
    long bps = lf_test_setting("LITFASS_TEST_PUBLISH_SEND_BPS", 1L << 30);
    if (bps > LF_PUBLISH_LOW_SPEED_BYTES)
        curl_easy_setopt(c, CURLOPT_MAX_SEND_SPEED_LARGE, (curl_off_t)bps);
    curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "sftp,https,http");
    curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L);
    if (r->cancel) {
        curl_easy_setopt(c, CURLOPT_NOPROGRESS, 0L);
        curl_easy_setopt(c, CURLOPT_XFERINFOFUNCTION, on_progress);
        curl_easy_setopt(c, CURLOPT_XFERINFODATA, r);
    }
    if (r->t->user && r->t->user[0])
        curl_easy_setopt(c, CURLOPT_USERNAME, r->t->user);
    if (r->password[0])
        curl_easy_setopt(c, CURLOPT_PASSWORD, r->password);
    if (r->sftp) {
        curl_easy_setopt(c, CURLOPT_SSH_AUTH_TYPES, (long)CURLSSH_AUTH_PUBLICKEY);
        curl_easy_setopt(c, CURLOPT_SSH_PRIVATE_KEYFILE, r->t->ssh_key);
        curl_easy_setopt(c, CURLOPT_SSH_KNOWNHOSTS, r->t->known_hosts);
        if (r->password[0])
            curl_easy_setopt(c, CURLOPT_KEYPASSWD, r->password);
        curl_easy_setopt(c, CURLOPT_FTP_CREATE_MISSING_DIRS, (long)CURLFTP_CREATE_DIR_RETRY);
    } else {
        curl_easy_setopt(c, CURLOPT_HTTPAUTH, (long)(CURLAUTH_BASIC | CURLAUTH_DIGEST));
        if (r->t->ca_file && r->t->ca_file[0])
            curl_easy_setopt(c, CURLOPT_CAINFO, r->t->ca_file);
    }
}

static bool perform(struct remote *r, const char *what, char *err, size_t err_size)
{
    char detail[CURL_ERROR_SIZE] = "";
    if (cancelled(r)) {
        lf_error_text(err, err_size, "%s: " LF_UPLOAD_CANCELLED, what);
        return false;
    }
    curl_easy_setopt(r->c, CURLOPT_ERRORBUFFER, detail);
    CURLcode rc = curl_easy_perform(r->c);
    curl_easy_setopt(r->c, CURLOPT_ERRORBUFFER, NULL);
    r->last = rc;
    if (rc == CURLE_OK)
        r->answered = true;
    if (rc == CURLE_ABORTED_BY_CALLBACK) {
        lf_error_text(err, err_size, "%s: " LF_UPLOAD_CANCELLED, what);
        return false;
    }
    if (rc != CURLE_OK) {
        lf_error_text(err, err_size, "%s: %s", what, detail[0] ? detail : curl_easy_strerror(rc));
        return false;
    }
    if (!r->sftp) {
        long status = 0;
        curl_easy_getinfo(r->c, CURLINFO_RESPONSE_CODE, &status);
        if (status < 200 || status > 299) {
            lf_error_text(err, err_size, "%s: HTTP %ld", what, status);
            return false;
        }
    }
    return true;
}

/* WebDAV: MKCOL each folder of `path` (405 when it exists is fine). */
static void make_collections(struct remote *r, const char *path)
{
    for (const char *slash = strchr(path, '/'); slash; slash = strchr(slash + 1, '/')) {
        char *url = lf_xasprintf("%s%.*s/", r->base, (int)(slash - path), path);
        common_options(r);
        curl_easy_setopt(r->c, CURLOPT_URL, url);
        curl_easy_setopt(r->c, CURLOPT_CUSTOMREQUEST, "MKCOL");
        curl_easy_setopt(r->c, CURLOPT_NOBODY, 1L);
        (void)curl_easy_perform(r->c);
        free(url);
    }
}

static bool commit_one(struct remote *r, const char *path, char *err, size_t err_size);

/* SFTP commands that put path.tmp in the place of path. OpenSSH's rename
 * does not replace: the old file is removed first (a '*' lets that fail
 * when there is none). */
static struct curl_slist *sftp_rename_commands(const struct remote *r, const char *path)
{
    char *rm = lf_xasprintf("*rm \"%s%s\"", r->base_path, path);
    char *mv = lf_xasprintf("rename \"%s%s.tmp\" \"%s%s\"", r->base_path, path, r->base_path,
                            path);
    struct curl_slist *list = curl_slist_append(NULL, rm);
    list = curl_slist_append(list, mv);
    free(rm);
    free(mv);
    return list;
}

/* Uploads dir/path to the target as path.tmp and, when `commit`, renames it to path. */
static bool upload_one(struct remote *r, const char *dir, const char *path, bool commit,
                       char *err, size_t err_size)
{
    char *local = lf_xasprintf("%s/%s", dir, path);
    char *tmp_url = lf_xasprintf("%s%s.tmp", r->base, path);
    char *final_url = lf_xasprintf("%s%s", r->base, path);
    struct curl_slist *list = NULL;
    bool ok = false;
    FILE *f = fopen(local, "rb");
    struct stat st;
    if (!f || fstat(fileno(f), &st) != 0) {
        lf_error_text(err, err_size, "%s: %s", local, strerror(errno));
        goto done;
    }
    if (!r->sftp)
        make_collections(r, path);
    common_options(r);
    curl_easy_setopt(r->c, CURLOPT_URL, tmp_url);
    curl_easy_setopt(r->c, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(r->c, CURLOPT_READDATA, f);
    curl_easy_setopt(r->c, CURLOPT_INFILESIZE_LARGE, (curl_off_t)st.st_size);
    if (r->sftp && commit) {
        list = sftp_rename_commands(r, path);
        curl_easy_setopt(r->c, CURLOPT_POSTQUOTE, list);
    }
    note_tmp(r, path, false);
    if (!perform(r, final_url, err, err_size))
        goto done;
    note_tmp(r, path, true);
    /* SFTP: the rename came with the upload (POSTQUOTE) */
    ok = (r->sftp && commit) || !commit || commit_one(r, path, err, err_size);
    if (ok && commit)
        forget_tmp(r, path);
done:
    if (f)
        fclose(f);
    curl_slist_free_all(list);
    free(local);
    free(tmp_url);
    free(final_url);
    return ok;
}

/* Renames path.tmp, uploaded before, to path on the target (WebDAV MOVE with
 * Overwrite; SFTP: rm and rename, as OpenSSH's rename does not replace). */
static bool commit_one(struct remote *r, const char *path, char *err, size_t err_size)
{
    struct curl_slist *list = NULL;
    char *tmp_url = lf_xasprintf("%s%s.tmp", r->base, path);
    char *final_url = lf_xasprintf("%s%s", r->base, path);
    common_options(r);
    curl_easy_setopt(r->c, CURLOPT_NOBODY, 1L);
    if (r->sftp) {
        list = sftp_rename_commands(r, path);
        curl_easy_setopt(r->c, CURLOPT_URL, r->base);
        curl_easy_setopt(r->c, CURLOPT_QUOTE, list);
    } else {
        char *dest = lf_xasprintf("Destination: %s", final_url);
        list = curl_slist_append(list, dest);
        list = curl_slist_append(list, "Overwrite: T");
        free(dest);
        curl_easy_setopt(r->c, CURLOPT_URL, tmp_url);
        curl_easy_setopt(r->c, CURLOPT_CUSTOMREQUEST, "MOVE");
        curl_easy_setopt(r->c, CURLOPT_HTTPHEADER, list);
    }
    bool ok = perform(r, final_url, err, err_size);
    if (ok)
        forget_tmp(r, path);
    curl_slist_free_all(list);
    free(tmp_url);
    free(final_url);
    return ok;
}

/* After a failed upload (`stale` false), or before one for the files an earlier one may have
 * left (`stale`): removes the "<path>.tmp" files of r->left from the server (WebDAV DELETE,
 * SFTP rm), best effort, each within LF_PUBLISH_CLEANUP_TIMEOUT_S (when the studio is
 * stopping LF_PUBLISH_STOP_CLEANUP_TIMEOUT_S); logs what it removed and what stays. A server
 * that no longer answers is not asked again. True when none of them can still be there: each
 * removed, or said not to be there when it was whole or stale (the upload of a file cut off
 * in the middle may still be written by the server after it said so). */
static bool remove_leftovers(struct remote *r, bool stale)
{
    size_t removed = 0;
    bool clean = true;
    bool stopping = r->cancel && atomic_load(r->cancel);
    long timeout = stopping ? LF_PUBLISH_STOP_CLEANUP_TIMEOUT_S : LF_PUBLISH_CLEANUP_TIMEOUT_S;
    /* a server that never took a request (no connection, or silent from the start) holds
     * nothing of this upload: not asked again (it would only make the editor wait longer) */
    bool reachable = r->answered || (r->last != CURLE_COULDNT_CONNECT &&
                                     r->last != CURLE_OPERATION_TIMEDOUT);
    if (!reachable && !r->answered && !stale)
        return r->last == CURLE_COULDNT_CONNECT; /* else a silent server may have kept some */
    r->cleaning = true;
    for (size_t i = 0; i < r->n_left; i++) {
        const struct leftover *l = &r->left[i];
        char *tmp_url = lf_xasprintf("%s%s.tmp", r->base, l->path);
        char detail[CURL_ERROR_SIZE] = "";
        struct curl_slist *list = NULL;
        bool gone = false, sure = false;
        if (reachable) {
            common_options(r);
            curl_easy_setopt(r->c, CURLOPT_CONNECTTIMEOUT, timeout);
            curl_easy_setopt(r->c, CURLOPT_TIMEOUT, timeout);
            curl_easy_setopt(r->c, CURLOPT_NOBODY, 1L);
            curl_easy_setopt(r->c, CURLOPT_ERRORBUFFER, detail);
            if (r->sftp) {
                /* a partly uploaded or stale file may not be there at all: its rm may fail ('*') */
                char *rm = lf_xasprintf("%srm \"%s%s.tmp\"", l->whole ? "" : "*", r->base_path,
                                        l->path);
                list = curl_slist_append(NULL, rm);
                free(rm);
                curl_easy_setopt(r->c, CURLOPT_URL, r->base);
                curl_easy_setopt(r->c, CURLOPT_QUOTE, list);
            } else {
                curl_easy_setopt(r->c, CURLOPT_URL, tmp_url);
                curl_easy_setopt(r->c, CURLOPT_CUSTOMREQUEST, "DELETE");
            }
            CURLcode rc = curl_easy_perform(r->c);
            long status = 0;
            curl_easy_getinfo(r->c, CURLINFO_RESPONSE_CODE, &status);
            curl_easy_setopt(r->c, CURLOPT_ERRORBUFFER, NULL);
            bool removed_now = rc == CURLE_OK && (r->sftp || (status >= 200 && status <= 299));
            bool absent = rc == CURLE_OK && !r->sftp && (status == 404 || status == 410);
            /* WebDAV: 404 is gone too; a partly uploaded file that cannot be removed was
             * most likely never written */
            gone = removed_now || absent || (rc == CURLE_OK && !l->whole);
            /* sure it cannot come back: an SFTP '*rm' or a DELETE's 404 of a file cut off
             * in the middle is not (the server may still be writing it); an earlier
             * publish's file is asked for once the server answers (one that refuses DELETE
             * would refuse it every time) */
            sure = (removed_now && (l->whole || !r->sftp)) || (absent && l->whole) ||
                   (stale && rc == CURLE_OK);
            if (rc != CURLE_OK && rc != CURLE_QUOTE_ERROR)
                reachable = false; /* unreachable or stalled: not asked again */
            if (!detail[0])
                snprintf(detail, sizeof(detail), "%s",
                         rc != CURLE_OK ? curl_easy_strerror(rc) : "refused");
            if (rc == CURLE_OK && !r->sftp && !gone)
                snprintf(detail, sizeof(detail), "DELETE answered HTTP %ld", status);
        } else {
            snprintf(detail, sizeof(detail), "the server did not answer the removal before");
        }
        clean = clean && sure;
        if (gone && (l->whole || stale))
            removed++;
        else if (!gone)
            lf_warn("studio: %s %s stays on the server: %s",
                    stale ? "an unfinished file of an earlier publish:" : "publishing failed and",
                    tmp_url, detail);
        curl_slist_free_all(list);
        free(tmp_url);
    }
    r->cleaning = false;
    if (removed)
        lf_info("studio: %s: removed %zu unfinished file%s (*.tmp) from %s",
                stale ? "before publishing" : stopping ? "publishing was cancelled"
                                                       : "publishing failed",
                removed, removed == 1 ? "" : "s", r->base);
    return clean;
}

/* Opens the target for requests: its password read, its SFTP path found, libcurl ready. */
static bool remote_open(struct remote *r, const struct lf_publish_target *t,
                        const atomic_bool *cancel, char *err, size_t err_size)
{
    *r = (struct remote){.t = t, .sftp = strncasecmp(t->url, "sftp://", 7) == 0, .cancel = cancel};
    if (!lf_upload_url_ok(t->url, err, err_size))
        return false;
    size_t n = strlen(t->url);
    r->base = lf_xasprintf("%s%s", t->url, n && t->url[n - 1] == '/' ? "" : "/");
    if (r->sftp && (!t->ssh_key || !t->ssh_key[0] || !t->known_hosts || !t->known_hosts[0])) {
        lf_error_text(err, err_size,
                      "%s: SFTP needs publish.ssh_key and publish.known_hosts (the server's "
                      "host key is always checked)",
                      t->url);
        return false;
    }
    if (!read_password(t->password_file, r->password, sizeof(r->password), err, err_size))
        return false;
    if (r->sftp) {
        CURLU *u = curl_url();
        char *path = NULL;
        if (curl_url_set(u, CURLUPART_URL, r->base, 0) == CURLUE_OK &&
            curl_url_get(u, CURLUPART_PATH, &path, CURLU_URLDECODE) == CURLUE_OK)
            r->base_path = lf_xstrdup(path);
        curl_free(path);
        curl_url_cleanup(u);
        if (!r->base_path) {
            lf_error_text(err, err_size, "%s: not a URL", t->url);
            return false;
        }
    }
    r->c = curl_easy_init();
    if (!r->c) {
        lf_error_text(err, err_size, "libcurl cannot start");
        return false;
    }
    return true;
}

static void remote_close(struct remote *r)
{
    for (size_t i = 0; i < r->n_left; i++)
        free(r->left[i].path);
    free(r->left);
    if (r->c)
        curl_easy_cleanup(r->c);
    memset(r->password, 0, sizeof(r->password));
    free(r->base);
    free(r->base_path);
}

bool lf_upload_remove_tmp(const struct lf_publish_target *t, const char *const *paths, size_t n,
                          const atomic_bool *cancel, char *err, size_t err_size)
{
    struct remote r;
    bool ok = remote_open(&r, t, cancel, err, err_size);
    if (ok) {
        for (size_t i = 0; i < n; i++)
            note_tmp(&r, paths[i], false);
        r.answered = true; /* not known yet: asked */
        ok = remove_leftovers(&r, true);
        if (!ok)
            lf_error_text(err, err_size, "%s: unfinished files (*.tmp) of an earlier publish "
                          "may stay", r.base);
    }
    remote_close(&r);
    return ok;
}

bool lf_upload_bundle(const struct lf_publish_target *t, const char *bundle_dir,
                      const struct lf_bundle *b, const struct lf_publish_watch *watch,
                      bool *left_tmp, char *err, size_t err_size)
{
    if (left_tmp)
        *left_tmp = false;
    struct remote r;
    bool ok = false;
    if (!remote_open(&r, t, watch ? watch->cancel : NULL, err, err_size))
        goto done;
    r.watch = watch;
    for (size_t i = 0; i < b->n_files; i++) {
        if (!upload_one(&r, bundle_dir, b->files[i].path, true, err, err_size))
            goto done;
    }
    /* the signature and the manifest go up whole beside the live ones first and are then
     * put in place one right after the other: an upload that fails (a full disk, a broken
     * connection) leaves the live pair as it was, and kiosks never see a new signature
     * next to the old manifest for longer than between two renames */
    if (!upload_one(&r, bundle_dir, LF_SIGNATURE_NAME, false, err, err_size) ||
        !upload_one(&r, bundle_dir, LF_MANIFEST_NAME, false, err, err_size))
        goto done;
    /* a stop from here on waits for the two renames: never a new signature beside the
     * old manifest because the studio was stopped between them */
    r.committing = true;
    if (watch && watch->step)
        watch->step(watch->ctx, "url", LF_PUBLISH_REPLACING);
    if (!commit_one(&r, LF_SIGNATURE_NAME, err, err_size) ||
        !commit_one(&r, LF_MANIFEST_NAME, err, err_size))
        goto done;
    if (watch && watch->step)
        watch->step(watch->ctx, "url", LF_PUBLISH_REPLACED);
    ok = true;
done:
    if (!ok && r.n_left) {
        r.committing = false;
        bool clean = remove_leftovers(&r, false);
        if (left_tmp)
            *left_tmp = !clean;
    }
    remote_close(&r);
    return ok;
}
