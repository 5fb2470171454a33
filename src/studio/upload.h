/* Uploading a signed bundle folder to a remote web server's folder over
 * SFTP or WebDAV with libcurl (used by studio/publish.c).
 *
 * The files named by the bundle's "files" list go first, then
 * content.json.sig, then content.json, each to "<name>.tmp" and then
 * renamed over the old file (SFTP rename, WebDAV MOVE with Overwrite),
 * so a kiosk never downloads a file that is still being written. When the
 * upload fails, the "<name>.tmp" files it put up and did not rename are
 * removed again (WebDAV DELETE, SFTP rm; best effort, each within
 * LF_PUBLISH_CLEANUP_TIMEOUT_S, or LF_PUBLISH_STOP_CLEANUP_TIMEOUT_S when
 * it was cancelled, logged; a server that stopped answering is not asked
 * again).
 *
 * SFTP needs a private key ([publish] ssh_key) and the server's host key
 * in a known_hosts file ([publish] known_hosts): an unknown or changed
 * host key is refused. WebDAV takes https:// (certificates checked) or
 * http:// to this machine only (127.0.0.1, ::1, localhost), so a
 * password never travels in clear. Any one thread; no shared state besides
 * curl_global_init (lf_sync_global_init). */
#ifndef LF_STUDIO_UPLOAD_H
#define LF_STUDIO_UPLOAD_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>

#include "content/bundle.h"
#include "core/log.h"
#include "studio/publish.h"

#define LF_STUDIO_UPLOAD_PASSWORD_BYTES 256 /* first line of publish.password_file */
#define LF_UPLOAD_CANCELLED "cancelled: the studio is stopping"

/* `watch` (may be NULL, publish.h): when another thread sets its `cancel`,
 * the upload stops at its next progress call (about once a second) and
 * fails with "cancelled: the studio is stopping", leaving the live pair on
 * the server as it was; the *.tmp files it put up are removed as after any
 * failure, if the server still answers. Once the renames of
 * content.json.sig and content.json began they are finished (each bounded
 * by the stall limit), so the live pair is never left half replaced by a
 * stop; `step` hears "url" LF_PUBLISH_REPLACING before them and
 * LF_PUBLISH_REPLACED after. On failure *left_tmp (may be NULL) says
 * whether a *.tmp file may still be on the server (one not confirmed
 * removed, or one whose upload was cut off: the server may still finish
 * writing it). */
bool lf_upload_bundle(const struct lf_publish_target *t, const char *bundle_dir,
                      const struct lf_bundle *b, const struct lf_publish_watch *watch,
                      bool *left_tmp, char *err, size_t err_size) LF_MUST_CHECK;

/* Removes "<path>.tmp" of each of the `n` `paths` from the target (WebDAV
 * DELETE, SFTP rm), the files an earlier upload cut off by a stop or a
 * crash may have left; each within LF_PUBLISH_CLEANUP_TIMEOUT_S, a server
 * that stops answering is not asked again. True when each is gone (removed,
 * or not there); logged. */
bool lf_upload_remove_tmp(const struct lf_publish_target *t, const char *const *paths, size_t n,
                          const atomic_bool *cancel, char *err, size_t err_size) LF_MUST_CHECK;

/* Whether `url` is a target the studio accepts: sftp://, https://, or
 * http:// to a loopback host. On false, err says why. */
bool lf_upload_url_ok(const char *url, char *err, size_t err_size) LF_MUST_CHECK;

#endif
