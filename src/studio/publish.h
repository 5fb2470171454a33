/* Publishing: the draft becomes a signed, numbered version, kept in
 * DIR/versions/<serial>/ (with DIR/versions/<serial>.json saying who
 * published it, when and from what), and is delivered to the web server
 * that kiosks pull from:
 *
 *   - a local folder ([publish] dir): every file is written to a temp
 *     name, fsynced and renamed into place, images first, then
 *     content.json.sig, then content.json. A kiosk that looks in between
 *     sees a manifest whose signature or files do not match, refuses
 *     that look and takes the bundle at the next one: it never installs
 *     half a bundle (sync/ checks signature, sizes and SHA-256).
 *   - a remote target ([publish] url) over SFTP (sftp://) or WebDAV
 *     (https://, http:// only on loopback), through libcurl, in the same
 *     order, each file uploaded under a temp name and renamed (SFTP
 *     rename, WebDAV MOVE).
 *
 * "Publish this version again" signs a copy of an old version with a new
 * serial, so kiosks accept it as newer (rollback without replay).
 *
 * Publishing is two steps, so that the slow one can run on a thread of its
 * own (studio/publish_worker.h): lf_publish_prepare signs the version and
 * keeps it in DIR/versions (fast, local; reads the draft's images), and
 * lf_publish_deliver puts it in the web folder and uploads it (slow: a
 * remote server may take minutes; reads only the kept version folder and
 * the target, so the draft may change meanwhile).
 *
 * Owner: create/destroy. Not thread-safe: one call at a time, except that
 * lf_publish_deliver of a prepared job may run while another thread calls
 * lf_publisher_versions, lf_publisher_version_manifest and
 * lf_publisher_live_everywhere (every record is written whole under a temp
 * name and renamed). Errors into err. */
#ifndef LF_STUDIO_PUBLISH_H
#define LF_STUDIO_PUBLISH_H

#include <jansson.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "core/log.h"

#define LF_VERSIONS_DIR "versions"
#define LF_PUBLISH_ERROR_BYTES 2048
#define LF_STUDIO_MAX_VERSIONS 100000       /* serials looked at in DIR/versions */
#define LF_PUBLISH_TIMEOUT_S 300            /* one remote upload, whole transfer */
#define LF_PUBLISH_CONNECT_TIMEOUT_S 20
#define LF_PUBLISH_LOW_SPEED_BYTES 1024      /* a server slower than this (bytes/s) ...      */
#define LF_PUBLISH_LOW_SPEED_S 30           /* ... for this long has stalled: the upload fails */
#define LF_PUBLISH_CLEANUP_TIMEOUT_S 10     /* removing one *.tmp left by a failed upload */
#define LF_PUBLISH_STOP_CLEANUP_TIMEOUT_S 3 /* ... by one cancelled as the studio stops */
#define LF_PUBLISH_LEFTOVERS_NAME "publish-leftovers.json" /* in DIR: versions whose upload
                                                               may have left *.tmp files */

struct lf_publish_target {
    const char *key_file;      /* [publish] key: the secret signing key (mode 0600) */
    const char *dir;           /* [publish] dir, "" = none */
    const char *url;           /* [publish] url, "" = none: sftp://host/path/ or https://host/path/ */
    const char *user;          /* [publish] user */
    const char *password_file; /* [publish] password_file: first line is the password */
    const char *ssh_key;       /* [publish] ssh_key: private key file for SFTP */
    const char *known_hosts;   /* [publish] known_hosts: SFTP host keys */
    const char *ca_file;       /* [publish] ca_file: for https */
    int valid_days;            /* [publish] valid_days */
};

/* What a delivery says while it runs, so that a record of it kept on disk
 * (publish_worker.h) can say after a crash whether the live content changed. */
enum lf_publish_step {
    LF_PUBLISH_REPLACING, /* the live pair of `target` is about to be renamed into place */
    LF_PUBLISH_REPLACED,  /* ... and was */
};

struct lf_publish_watch {
    /* may be NULL; set by another thread (the studio stops): a remote upload ends early */
    const atomic_bool *cancel;
    /* may be NULL; called on the delivering thread; `target` is "dir" or "url" */
    void (*step)(void *ctx, const char *target, enum lf_publish_step step);
    void *ctx;
};

struct lf_publisher;

/* Checks the key file now (readable by its owner only, a valid secret
 * key): a studio with a bad key does not start. */
struct lf_publisher *lf_publisher_create(const char *data_dir,
                                         const struct lf_publish_target *target, char *err,
                                         size_t err_size) LF_MUST_CHECK;
void lf_publisher_destroy(struct lf_publisher *p);

/* Signs the bundle whose manifest text is `manifest` (images taken from
 * `images_dir`, the draft folder) as the next version and delivers it.
 * `problems` (may be NULL) receives the validation problems (JSON array
 * as lf_draft_validate's) when the bundle is not valid. `note` may be
 * NULL. *out (caller decrefs) describes the version as
 * lf_publisher_versions lists it. */
bool lf_publish(struct lf_publisher *p, const char *manifest, const char *images_dir,
                const char *user, const char *note, long long again_from, json_t **out,
                char *err, size_t err_size) LF_MUST_CHECK;

/* A version signed and kept in DIR/versions, its record written (listed
 * with "delivered": [] until delivered), not yet delivered. */
struct lf_publish_job;

/* lf_publish's first step: signs `manifest` as the next version and keeps
 * it. NULL (err set) when nothing was signed. */
struct lf_publish_job *lf_publish_prepare(struct lf_publisher *p, const char *manifest,
                                          const char *images_dir, const char *user,
                                          const char *note, long long again_from, char *err,
                                          size_t err_size) LF_MUST_CHECK;
/* The same for "publish version `serial` again". */
struct lf_publish_job *lf_publish_again_prepare(struct lf_publisher *p, long long serial,
                                                const char *user, char *err,
                                                size_t err_size) LF_MUST_CHECK;
long long lf_publish_job_serial(const struct lf_publish_job *j);
/* The second step: delivers the kept version to [publish] dir and url and
 * records the outcome. `watch` (may be NULL): its `cancel` set by another
 * thread ends a remote upload early (the studio stops); the live pair on
 * the server is then left as it was, or, once its renames began, finished
 * (upload.h); its `step` hears when each target's live pair is replaced.
 * Before a remote upload the *.tmp files that earlier uploads cut off by a
 * stop or a crash may have left on the server are removed (their versions
 * are listed in DIR/publish-leftovers.json from the start of their upload
 * until it ended cleanly or its files were removed).
 * On failure err begins "version N was signed but not delivered: ". */
bool lf_publish_deliver(struct lf_publisher *p, struct lf_publish_job *j,
                        const struct lf_publish_watch *watch, json_t **out, char *err,
                        size_t err_size) LF_MUST_CHECK;
void lf_publish_job_destroy(struct lf_publish_job *j);

/* After a delivery that a stop or a crash cut off (publish_worker.h), the
 * record of version `serial` says so: "interrupted": `live` ("unchanged",
 * "changed" or "unknown", what the screens' content is since), and the
 * targets whose live pair `targets` ({"dir"|"url": "replacing"|"replaced"},
 * the job's steps) says was replaced are added to "delivered" (kiosks fetch
 * the version from there, and the list of changes compares the draft with
 * it); "everywhere" and *everywhere: every target configured had its live
 * pair replaced (the version is out).
 * false (logged) when the record could not be read or written. */
bool lf_publisher_mark_interrupted(struct lf_publisher *p, long long serial,
                                   const json_t *targets, const char *live, bool *everywhere);
/* Publishes version `serial` again as a new serial (both steps at once). */
bool lf_publish_again(struct lf_publisher *p, long long serial, const char *user,
                      json_t **out, char *err, size_t err_size) LF_MUST_CHECK;

/* Every version, newest first: [{"serial", "created", "expires", "by",
 * "items", "note", "again_from", "delivered": ["dir", "url"]}]. */
json_t *lf_publisher_versions(const struct lf_publisher *p);

/* Whether version `serial` went, as its record says, to every target configured now (the
 * same url, no error, not cut off) and the folder `dir` still holds it (its content.json
 * and signature, every file it lists). The remote server is not asked: a server that lost
 * the files is not noticed here. */
bool lf_publisher_live_everywhere(const struct lf_publisher *p, long long serial);

/* The manifest text of version `serial` (caller frees), NULL if none. */
char *lf_publisher_version_manifest(const struct lf_publisher *p, long long serial);

#endif
