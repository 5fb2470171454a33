/* The draft: the working bundle that studio users edit, in DIR/draft/
 * (content.json and images/), plus what the studio knows about each item
 * in DIR/draft-meta.json (revision, who changed it last and when, which
 * revision a publisher approved).
 *
 * Items are kept as the JSON objects of docs/content-format.md, so every
 * field of the format can be edited and nothing is lost between the
 * studio and a hand-written bundle. A draft may be invalid while work is
 * in progress; lf_draft_validate() runs the very checks of `litfass
 * validate` (content/bundle.h) and names the item and field of each
 * problem. Every change raises the item's revision: a save that names an
 * older revision than the current one is refused (two people at once).
 *
 * Owner: open/close. Not thread-safe: the studio serves one request at a
 * time. Functions fill an error text and return false or NULL. */
#ifndef LF_STUDIO_DRAFT_H
#define LF_STUDIO_DRAFT_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "core/log.h"

#define LF_DRAFT_DIR "draft"
#define LF_DRAFT_META "draft-meta.json"
#define LF_DRAFT_IMAGES "images"
#define LF_DRAFT_ERROR_BYTES 512
/* an uploaded image's file name: a-z A-Z 0-9 . _ -, no leading dot */
#define LF_STUDIO_MAX_IMAGE_NAME 100

struct lf_draft;

/* Opens DIR/draft, creating an empty bundle (organisation "Kommunales
 * Integrationszentrum", no items) when there is none. */
struct lf_draft *lf_draft_open(const char *data_dir, char *err, size_t err_size) LF_MUST_CHECK;
void lf_draft_close(struct lf_draft *d);

/* The bundle folder (DIR/draft). */
const char *lf_draft_dir(const struct lf_draft *d);

/* The whole manifest (borrowed; do not change it except through the
 * functions below) and its "items" array. */
const json_t *lf_draft_doc(const struct lf_draft *d);

/* The item with this id and its meta ({"revision", "modified_by",
 * "modified_at", "approved_revision"}), borrowed; NULL when none. */
const json_t *lf_draft_item(const struct lf_draft *d, const char *id);
const json_t *lf_draft_item_meta(const struct lf_draft *d, const char *id);
long long lf_draft_revision(const struct lf_draft *d, const char *id);

/* True when `id` may name an item (a-z 0-9 - _, 1..LF_MAX_ID_BYTES). */
bool lf_draft_id_valid(const char *id);

enum lf_draft_result {
    LF_DRAFT_OK,
    LF_DRAFT_BAD,       /* not an item object: err says why */
    LF_DRAFT_NOT_FOUND,
    LF_DRAFT_EXISTS,    /* create: the id is taken */
    LF_DRAFT_CONFLICT,  /* someone saved a newer revision meanwhile */
    LF_DRAFT_IO,        /* could not write: err says why */
};

/* Adds `item` (taken over: the draft owns it afterwards whatever the
 * result) at the end; without an "id" one is made from the German
 * title. *id_out (may be NULL) receives the id (borrowed). */
enum lf_draft_result lf_draft_create(struct lf_draft *d, json_t *item, const char *user,
                                     const char **id_out, char *err, size_t err_size);

/* Replaces the item `id` with `item` (taken over) when its revision is
 * still `revision`. The id inside `item` must be `id` (renaming is
 * copy-as-new plus delete). */
enum lf_draft_result lf_draft_replace(struct lf_draft *d, const char *id, json_t *item,
                                      long long revision, const char *user, char *err,
                                      size_t err_size);

/* Removes the item when its revision is still `revision`. The meta keeps
 * who removed it; unless `approved` (a publisher's own removal) the
 * removal waits for lf_draft_approve like a change (four eyes). */
enum lf_draft_result lf_draft_delete(struct lf_draft *d, const char *id, long long revision,
                                     const char *user, bool approved, char *err,
                                     size_t err_size);

/* Whether the removal of `id` (no longer in the draft) still waits for
 * approval: false when it was approved or never needed it. */
bool lf_draft_removal_waits(const struct lf_draft *d, const char *id);

/* Puts the items in the order of `ids` (every id exactly once). */
enum lf_draft_result lf_draft_reorder(struct lf_draft *d, const json_t *ids, char *err,
                                      size_t err_size);

/* The settings' meta ({"revision", "modified_by", "modified_at"},
 * borrowed; revision 1 and no one before the first save) and its revision. */
const json_t *lf_draft_bundle_meta(const struct lf_draft *d);
long long lf_draft_bundle_revision(const struct lf_draft *d);

/* Sets top-level fields ("organisation", "default_language", "version")
 * from `fields` when the settings' revision is still `revision` (else
 * LF_DRAFT_CONFLICT: someone saved them meanwhile); other keys are
 * refused. A save raises the revision and keeps `user` and the time. */
enum lf_draft_result lf_draft_set_bundle(struct lf_draft *d, const json_t *fields,
                                         long long revision, const char *user, char *err,
                                         size_t err_size);

/* Marks the current revision of the item (or its removal) as approved by `user`. */
enum lf_draft_result lf_draft_approve(struct lf_draft *d, const char *id, const char *user,
                                      char *err, size_t err_size);

/* The manifest text (caller frees): the draft, with the item of the same
 * id replaced by (or, when new, added as) `replacement` (may be NULL),
 * and only that item when `only` is set. */
char *lf_draft_manifest(const struct lf_draft *d, const json_t *replacement, bool only);

/* The checks of `litfass validate` over the manifest text as
 * lf_draft_manifest(d, replacement, false) makes it. Returns
 *   {"valid": bool, "errors": n, "warnings": n,
 *    "problems": [{"severity": "error"|"warning", "item": id|null,
 *                  "index": n|null, "field": "title.ar", "message": "...",
 *                  "text": "content.json:41:12: items[3].start: ..."}],
 *    "languages": [{"lang", "translated", "items", "missing": [ids]}]}
 * ("languages" only for a valid bundle). Caller decrefs. */
json_t *lf_draft_validate(const struct lf_draft *d, const json_t *replacement);

/* Stores an uploaded image as DIR/draft/images/NAME after checking the
 * name (no folders, no leading dot, .png/.jpg/.jpeg/.gif/.webp), the size
 * (at most LF_MAX_IMAGE_BYTES) and the pixel dimensions read from the PNG,
 * JPEG, GIF or WebP header before anything is decoded (LF_MAX_IMAGE_PIXELS,
 * LF_MAX_PHOTO_PIXELS for a JPEG, LF_MAX_IMAGE_SIDE), then decoding it
 * once, small (render/image_load.h). The file is stored as uploaded (a
 * GIF stays a GIF: the kiosk shows its first frame). *w, *h receive the
 * size. Durable; an existing file of that name is replaced. */
bool lf_draft_store_image(struct lf_draft *d, const char *name, const void *data, size_t len,
                          int *w, int *h, char *err, size_t err_size) LF_MUST_CHECK;

/* True when `name` is acceptable as an uploaded image's file name. */
bool lf_draft_image_name_valid(const char *name);

/* Adds "msgid" (the English format of a message, e.g. "too long (%zu
 * bytes, at most %d)") and "args" (its values as text) to a JSON object:
 * the page translates by msgid (its catalogue in web/messages.js), the
 * "message" stays the command line's English. Nothing when msgid is NULL. */
void lf_draft_put_msgid(json_t *o, const char *msgid, const char *const *args, int nargs);

/* The same for the draft's last error, when o's "error" is its message
 * (the answer to a failed lf_draft_* call). */
void lf_draft_put_error_msgid(const struct lf_draft *d, json_t *o);

#endif
