#include "studio/draft.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "content/bundle.h"
#include "core/diag.h"
#include "core/durable.h"
#include "core/limits.h"
#include "core/picture_kind.h"
#include "core/xalloc.h"
#include "render/image_load.h"
#include "render/painter.h"

struct lf_draft {
    char *dir;       /* DIR/draft */
    char *manifest;  /* DIR/draft/content.json */
    char *meta_path; /* DIR/draft-meta.json */
    json_t *doc;     /* the manifest */
    json_t *meta;    /* {"items": {id: {...}}, "bundle": {"revision", "modified_by",
                        "modified_at"}} */
    /* the last image error's format and values (lf_draft_put_error_msgid) */
    const char *err_msgid;
    char err_text[LF_DRAFT_ERROR_BYTES]; /* the message it made */
    int err_nargs;
    char err_args[LF_DIAG_MAX_ARGS][LF_DIAG_ARG_BYTES];
    json_t *err_problems; /* with that error: the fields it is about, as
                             lf_draft_validate names them; NULL: none */
};

/* err as lf_error_text, and the format and values kept for a translation */
static void draft_error(struct lf_draft *d, char *err, size_t err_size, const char *fmt, ...)
    LF_PRINTF(4, 5);
static void draft_error(struct lf_draft *d, char *err, size_t err_size, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    d->err_nargs = lf_format_args(fmt, ap, d->err_args, LF_DIAG_MAX_ARGS);
    vsnprintf(err, err_size, fmt, ap);
    va_end(ap);
    d->err_msgid = fmt;
    snprintf(d->err_text, sizeof(d->err_text), "%s", err);
    json_decref(d->err_problems);
    d->err_problems = NULL;
}

void lf_draft_put_error_msgid(const struct lf_draft *d, json_t *o)
{
    const char *shown = json_string_value(json_object_get(o, "error"));
    if (!d->err_msgid || !shown || strcmp(shown, d->err_text) != 0)
        return; /* that message was made elsewhere */
    const char *args[LF_DIAG_MAX_ARGS];
    for (int i = 0; i < d->err_nargs; i++)
        args[i] = d->err_args[i];
    lf_draft_put_msgid(o, d->err_msgid, args, d->err_nargs);
    if (d->err_problems)
        json_object_set(o, "problems", d->err_problems);
}

static const char empty_manifest[] =
    "{\"format\": 1, \"organisation\": {\"de\": \"Kommunales Integrationszentrum\"}, "
    "\"items\": []}";

static json_t *items_of(const struct lf_draft *d)
{
    return json_object_get(d->doc, "items");
}

static json_t *meta_items(const struct lf_draft *d)
{
    return json_object_get(d->meta, "items");
}

static void now_iso(char *buf, size_t size)
{
    time_t now = time(NULL);
    struct tm tm;
    gmtime_r(&now, &tm);
    strftime(buf, size, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

static bool save(struct lf_draft *d, char *err, size_t err_size)
{
    char *text = json_dumps(d->doc, JSON_INDENT(2));
    char *meta = json_dumps(d->meta, JSON_INDENT(2));
    bool ok = text && meta && strlen(text) <= LF_MAX_MANIFEST_BYTES;
    if (!ok)
        draft_error(d, err, err_size, "the draft would be larger than %d bytes",
                      LF_MAX_MANIFEST_BYTES);
    else if (!lf_durable_write(d->manifest, text, strlen(text), 0644) ||
             !lf_durable_write(d->meta_path, meta, strlen(meta), 0644)) {
        draft_error(d, err, err_size, "%s: cannot write: %s", d->dir, strerror(errno));
        ok = false;
    }
    free(text);
    free(meta);
    return ok;
}

struct lf_draft *lf_draft_open(const char *data_dir, char *err, size_t err_size)
{
    struct lf_draft *d = lf_xcalloc(1, sizeof(*d));
    d->dir = lf_xasprintf("%s/%s", data_dir, LF_DRAFT_DIR);
    d->manifest = lf_xasprintf("%s/%s", d->dir, LF_MANIFEST_NAME);
    d->meta_path = lf_xasprintf("%s/%s", data_dir, LF_DRAFT_META);
    char *images = lf_xasprintf("%s/%s", d->dir, LF_DRAFT_IMAGES);
    bool made = lf_make_dirs(images);
    free(images);
    if (!made) {
        lf_error_text(err, err_size, "%s: cannot create: %s", d->dir, strerror(errno));
        goto fail;
    }
    json_error_t je;
    if (access(d->manifest, F_OK) != 0) {
        d->doc = json_loads(empty_manifest, 0, &je);
    } else {
        d->doc = json_load_file(d->manifest, JSON_REJECT_DUPLICATES, &je);
        if (!d->doc) {
            lf_error_text(err, err_size, "%s:%d:%d: %s", d->manifest, je.line, je.column,
                          je.text);
            goto fail;
        }
    }
    if (!json_is_object(d->doc) || !json_is_array(items_of(d))) {
        lf_error_text(err, err_size, "%s: not a bundle (no \"items\" list)", d->manifest);
        goto fail;
    }
    d->meta = access(d->meta_path, F_OK) == 0 ? json_load_file(d->meta_path, 0, &je) : NULL;
    if (!json_is_object(d->meta) || !json_is_object(json_object_get(d->meta, "items"))) {
        json_decref(d->meta);
        d->meta = json_pack("{s:{}}", "items");
    }
    /* the settings (top-level fields) have a revision of their own, like an item */
    if (!json_is_integer(json_object_get(json_object_get(d->meta, "bundle"), "revision")))
        json_object_set_new(d->meta, "bundle", json_pack("{s:I}", "revision", (json_int_t)1));
    /* every item has meta; items whose id is not unique or valid keep
     * working as far as possible (a hand-written draft) */
    size_t i;
    json_t *it;
    json_array_foreach(items_of(d), i, it) {
        const char *id = json_string_value(json_object_get(it, "id"));
        if (id && !json_object_get(meta_items(d), id))
            json_object_set_new(meta_items(d), id, json_pack("{s:I}", "revision", (json_int_t)1));
    }
    if (access(d->manifest, F_OK) != 0 && !save(d, err, err_size))
        goto fail;
    return d;
fail:
    lf_draft_close(d);
    return NULL;
}

void lf_draft_close(struct lf_draft *d)
{
    if (!d)
        return;
    json_decref(d->doc);
    json_decref(d->meta);
    json_decref(d->err_problems);
    free(d->dir);
    free(d->manifest);
    free(d->meta_path);
    free(d);
}

const char *lf_draft_dir(const struct lf_draft *d)
{
    return d->dir;
}

const json_t *lf_draft_doc(const struct lf_draft *d)
{
    return d->doc;
}

static json_t *find(const struct lf_draft *d, const char *id, size_t *index)
{
    size_t i;
    json_t *it;
    json_array_foreach(items_of(d), i, it) {
        const char *v = json_string_value(json_object_get(it, "id"));
        if (v && strcmp(v, id) == 0) {
            if (index)
                *index = i;
            return it;
        }
    }
    return NULL;
}

const json_t *lf_draft_item(const struct lf_draft *d, const char *id)
{
    return find(d, id, NULL);
}

const json_t *lf_draft_item_meta(const struct lf_draft *d, const char *id)
{
    return json_object_get(meta_items(d), id);
}

long long lf_draft_revision(const struct lf_draft *d, const char *id)
{
    return json_integer_value(json_object_get(lf_draft_item_meta(d, id), "revision"));
}

bool lf_draft_id_valid(const char *id)
{
    size_t n = id ? strlen(id) : 0;
    if (n == 0 || n > LF_MAX_ID_BYTES)
        return false;
    for (size_t i = 0; i < n; i++) {
        char c = id[i];
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'))
            return false;
    }
    return true;
}

static const char *const kinds[] = {"event", "offer", "contact", "notice", NULL};

/* The shape the studio needs to keep an item apart from the others; all
 * else is for lf_draft_validate to say. */
static bool item_shape(const json_t *item, char *err, size_t err_size)
{
    if (!json_is_object(item)) {
        lf_error_text(err, err_size, "an item is a JSON object");
        return false;
    }
    const char *kind = json_string_value(json_object_get(item, "kind"));
    bool known = false;
    for (size_t i = 0; kind && kinds[i]; i++)
        known |= strcmp(kind, kinds[i]) == 0;
    if (!known) {
        lf_error_text(err, err_size, "kind: must be event, offer, contact or notice");
        return false;
    }
    return true;
}

static void touch_meta(struct lf_draft *d, const char *id, const char *user)
{
    json_t *m = json_object_get(meta_items(d), id);
    if (!m) {
        m = json_object();
        json_object_set_new(meta_items(d), id, m);
    }
    char at[32];
    now_iso(at, sizeof(at));
    json_object_set_new(m, "revision",
                        json_integer(json_integer_value(json_object_get(m, "revision")) + 1));
    json_object_set_new(m, "modified_by", json_string(user));
    json_object_set_new(m, "modified_at", json_string(at));
}

/* "Sprachcafé am Montag" -> "sprachcafe-am-montag" (ASCII letters and
 * digits, umlauts transcribed, the rest as '-'), unique in the draft. */
static void make_id(const struct lf_draft *d, const json_t *item, char *out, size_t size)
{
    const json_t *title = json_object_get(item, "title");
    const char *t = json_is_string(title) ? json_string_value(title)
                                          : json_string_value(json_object_get(title, "de"));
    const char *kind = json_string_value(json_object_get(item, "kind"));
    char base[LF_MAX_ID_BYTES - 8] = "";
    size_t n = 0;
    static const struct {
        const char *utf8, *ascii;
    } umlauts[] = {{"ä", "ae"}, {"ö", "oe"}, {"ü", "ue"}, {"ß", "ss"},
                   {"Ä", "ae"}, {"Ö", "oe"}, {"Ü", "ue"}, {"é", "e"}};
    for (const char *p = t ? t : ""; *p && n + 3 < sizeof(base);) {
        bool done = false;
        for (size_t u = 0; u < sizeof(umlauts) / sizeof(umlauts[0]) && !done; u++) {
            size_t l = strlen(umlauts[u].utf8);
            if (strncmp(p, umlauts[u].utf8, l) == 0) {
                n += (size_t)snprintf(base + n, sizeof(base) - n, "%s", umlauts[u].ascii);
                p += l;
                done = true;
            }
        }
        if (done)
            continue;
        char c = *p++;
        if (c >= 'A' && c <= 'Z')
            c = (char)(c - 'A' + 'a');
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
            base[n++] = c;
        else if (n > 0 && base[n - 1] != '-')
            base[n++] = '-';
        base[n] = '\0';
    }
    while (n > 0 && base[n - 1] == '-')
        base[--n] = '\0';
    if (n == 0)
        snprintf(base, sizeof(base), "%s", kind ? kind : "item");
    snprintf(out, size, "%s", base);
    for (int k = 2; find(d, out, NULL) && k < 100000; k++)
        snprintf(out, size, "%s-%d", base, k);
}

/* A text `litfass validate` calls as good as missing: missing, empty,
 * only invisible characters, or without its German text. */
static bool blank_text_msgid(const char *msgid)
{
    static const char *const starts[] = {"empty", "only invisible characters", "missing (",
                                         "no German text"};
    for (size_t i = 0; msgid && i < sizeof(starts) / sizeof(starts[0]); i++)
        if (strncmp(msgid, starts[i], strlen(starts[i])) == 0 &&
            (i != 0 || msgid[5] == '\0'))
            return true;
    return false;
}

/* A required text of `item` (id `id`) that is blank after trimming
 * (lf_item_text_required: an item without a title showed as "event"):
 * refused with err, and the fields for lf_draft_put_error_msgid. Other
 * problems stay for lf_draft_validate: a draft may be unfinished. */
static bool blank_required(struct lf_draft *d, const json_t *item, const char *id, char *err,
                           size_t err_size)
{
    const char *kind = json_string_value(json_object_get(item, "kind"));
    json_t *v = lf_draft_validate(d, item);
    json_t *found = json_array();
    size_t i;
    json_t *p;
    char first[64] = "";
    json_array_foreach(json_object_get(v, "problems"), i, p) {
        const char *field = json_string_value(json_object_get(p, "field"));
        const char *item_id = json_string_value(json_object_get(p, "item"));
        if (!field || !item_id || strcmp(item_id, id) != 0 ||
            strcmp(json_string_value(json_object_get(p, "severity")), "error") != 0 ||
            !blank_text_msgid(json_string_value(json_object_get(p, "msgid"))))
            continue;
        char root[64];
        snprintf(root, sizeof(root), "%.*s", (int)strcspn(field, ".["), field);
        if (!lf_item_text_required(kind, root))
            continue;
        if (!first[0])
            snprintf(first, sizeof(first), "%s", root);
        json_array_append(found, p);
    }
    json_decref(v);
    if (!first[0]) {
        json_decref(found);
        return false;
    }
    draft_error(d, err, err_size,
                "%s: required, but blank (no text, or only spaces or invisible characters): "
                "not saved", first);
    d->err_problems = found;
    return true;
}

enum lf_draft_result lf_draft_create(struct lf_draft *d, json_t *item, const char *user,
                                     const char **id_out, char *err, size_t err_size)
{
    enum lf_draft_result r = LF_DRAFT_BAD;
    if (!item_shape(item, err, err_size))
        goto done;
    if (json_array_size(items_of(d)) >= LF_MAX_ITEMS) {
        draft_error(d, err, err_size, "a bundle holds at most %d items", LF_MAX_ITEMS);
        goto done;
    }
    const char *id = json_string_value(json_object_get(item, "id"));
    if (!id || !id[0]) {
        char made[LF_MAX_ID_BYTES + 1];
        make_id(d, item, made, sizeof(made));
        json_object_set_new(item, "id", json_string(made));
        id = json_string_value(json_object_get(item, "id"));
    }
    if (!lf_draft_id_valid(id)) {
        draft_error(d, err, err_size,
                      "id: use lowercase a-z, digits, '-' and '_' (at most %d characters)",
                      LF_MAX_ID_BYTES);
        goto done;
    }
    if (find(d, id, NULL)) {
        draft_error(d, err, err_size, "id: \"%s\" is already used by another item", id);
        r = LF_DRAFT_EXISTS;
        goto done;
    }
    if (blank_required(d, item, id, err, err_size))
        goto done;
    json_array_append(items_of(d), item);
    /* a new item starts a new history, even where an old one had this id */
    json_object_del(meta_items(d), id);
    touch_meta(d, id, user);
    if (!save(d, err, err_size)) {
        json_array_remove(items_of(d), json_array_size(items_of(d)) - 1);
        json_object_del(meta_items(d), id);
        r = LF_DRAFT_IO;
        goto done;
    }
    if (id_out)
        *id_out = json_string_value(json_object_get(find(d, id, NULL), "id"));
    r = LF_DRAFT_OK;
done:
    json_decref(item);
    return r;
}

enum lf_draft_result lf_draft_replace(struct lf_draft *d, const char *id, json_t *item,
                                      long long revision, const char *user, char *err,
                                      size_t err_size)
{
    enum lf_draft_result r = LF_DRAFT_BAD;
    size_t index;
    if (!find(d, id, &index)) {
        r = LF_DRAFT_NOT_FOUND;
        goto done;
    }
    if (!item_shape(item, err, err_size))
        goto done;
    const char *inner = json_string_value(json_object_get(item, "id"));
    if (!inner || strcmp(inner, id) != 0) {
        draft_error(d, err, err_size, "id: an item keeps its id (use \"copy as new\" to rename)");
        goto done;
    }
    if (revision != lf_draft_revision(d, id)) {
        draft_error(d, err, err_size, "%s was changed by %s at %s (revision %lld, yours %lld)", id,
                      json_string_value(json_object_get(lf_draft_item_meta(d, id), "modified_by")),
                      json_string_value(json_object_get(lf_draft_item_meta(d, id), "modified_at")),
                      lf_draft_revision(d, id), revision);
        r = LF_DRAFT_CONFLICT;
        goto done;
    }
    if (blank_required(d, item, id, err, err_size))
        goto done;
    json_t *old = json_incref(json_array_get(items_of(d), index));
    json_t *old_meta = json_deep_copy(lf_draft_item_meta(d, id));
    json_array_set(items_of(d), index, item);
    touch_meta(d, id, user);
    if (!save(d, err, err_size)) {
        json_array_set(items_of(d), index, old);
        json_object_set(meta_items(d), id, old_meta);
        r = LF_DRAFT_IO;
    } else {
        r = LF_DRAFT_OK;
    }
    json_decref(old);
    json_decref(old_meta);
done:
    json_decref(item);
    return r;
}

enum lf_draft_result lf_draft_delete(struct lf_draft *d, const char *id, long long revision,
                                     const char *user, bool approved, char *err,
                                     size_t err_size)
{
    size_t index;
    if (!find(d, id, &index))
        return LF_DRAFT_NOT_FOUND;
    if (revision != lf_draft_revision(d, id)) {
        draft_error(d, err, err_size, "%s was changed meanwhile (revision %lld, yours %lld)", id,
                      lf_draft_revision(d, id), revision);
        return LF_DRAFT_CONFLICT;
    }
    json_t *old = json_incref(json_array_get(items_of(d), index));
    json_t *m = json_object_get(meta_items(d), id);
    json_t *old_meta = json_deep_copy(m);
    char at[32];
    now_iso(at, sizeof(at));
    json_array_remove(items_of(d), index);
    /* the meta stays, saying who removed it (a new item of this id starts afresh) */
    if (m) {
        json_object_set_new(m, "deleted_by", json_string(user));
        json_object_set_new(m, "deleted_at", json_string(at));
        json_object_set_new(m, "deletion_approved", json_boolean(approved));
    }
    if (!save(d, err, err_size)) {
        json_array_insert(items_of(d), index, old);
        if (m)
            json_object_set(meta_items(d), id, old_meta);
        json_decref(old);
        json_decref(old_meta);
        return LF_DRAFT_IO;
    }
    json_decref(old);
    json_decref(old_meta);
    return LF_DRAFT_OK;
}

bool lf_draft_removal_waits(const struct lf_draft *d, const char *id)
{
    const json_t *m = json_object_get(meta_items(d), id);
    return m && !find(d, id, NULL) && json_object_get(m, "deleted_by") &&
           !json_is_true(json_object_get(m, "deletion_approved"));
}

enum lf_draft_result lf_draft_reorder(struct lf_draft *d, const json_t *ids, char *err,
                                      size_t err_size)
{
    json_t *items = items_of(d);
    if (!json_is_array(ids) || json_array_size(ids) != json_array_size(items)) {
        draft_error(d, err, err_size, "ids: name every item exactly once");
        return LF_DRAFT_BAD;
    }
    json_t *sorted = json_array();
    size_t i;
    json_t *v;
    json_array_foreach(ids, i, v) {
        const char *id = json_string_value(v);
        json_t *it = id ? find(d, id, NULL) : NULL;
        bool twice = false;
        size_t k;
        json_t *s;
        json_array_foreach(sorted, k, s) twice |= s == it;
        if (!it || twice) {
            draft_error(d, err, err_size, "ids[%zu]: %s", i, it ? "named twice" : "no such item");
            json_decref(sorted);
            return LF_DRAFT_BAD;
        }
        json_array_append(sorted, it);
    }
    json_t *old = json_incref(items);
    json_object_set_new(d->doc, "items", sorted);
    if (!save(d, err, err_size)) {
        json_object_set(d->doc, "items", old);
        json_decref(old);
        return LF_DRAFT_IO;
    }
    json_decref(old);
    return LF_DRAFT_OK;
}

const json_t *lf_draft_bundle_meta(const struct lf_draft *d)
{
    return json_object_get(d->meta, "bundle");
}

long long lf_draft_bundle_revision(const struct lf_draft *d)
{
    return json_integer_value(json_object_get(lf_draft_bundle_meta(d), "revision"));
}

enum lf_draft_result lf_draft_set_bundle(struct lf_draft *d, const json_t *fields,
                                         long long revision, const char *user, char *err,
                                         size_t err_size)
{
    static const char *const allowed[] = {"organisation", "default_language", "version", NULL};
    if (!json_is_object(fields)) {
        draft_error(d, err, err_size, "expected an object of bundle fields");
        return LF_DRAFT_BAD;
    }
    const char *key;
    json_t *v;
    json_object_foreach((json_t *)fields, key, v) {
        bool ok = false;
        for (size_t i = 0; allowed[i]; i++)
            ok |= strcmp(key, allowed[i]) == 0;
        if (!ok) {
            draft_error(d, err, err_size,
                          "%s: not a field the studio sets (organisation, default_language, "
                          "version)",
                          key);
            return LF_DRAFT_BAD;
        }
    }
    json_t *bm = json_object_get(d->meta, "bundle");
    if (revision != lf_draft_bundle_revision(d)) {
        const char *by = json_string_value(json_object_get(bm, "modified_by"));
        const char *at = json_string_value(json_object_get(bm, "modified_at"));
        draft_error(d, err, err_size,
                      "the settings were changed by %s at %s (revision %lld, yours %lld)",
                      by ? by : "?", at ? at : "?", lf_draft_bundle_revision(d), revision);
        return LF_DRAFT_CONFLICT;
    }
    json_t *old = json_deep_copy(d->doc);
    json_t *old_meta = json_deep_copy(bm);
    json_object_foreach((json_t *)fields, key, v) {
        if (json_is_null(v))
            json_object_del(d->doc, key);
        else
            json_object_set(d->doc, key, v);
    }
    char at[32];
    now_iso(at, sizeof(at));
    json_object_set_new(bm, "revision", json_integer(revision + 1));
    json_object_set_new(bm, "modified_by", json_string(user));
    json_object_set_new(bm, "modified_at", json_string(at));
    if (!save(d, err, err_size)) {
        json_decref(d->doc);
        d->doc = old;
        json_object_set_new(d->meta, "bundle", old_meta);
        return LF_DRAFT_IO;
    }
    json_decref(old);
    json_decref(old_meta);
    return LF_DRAFT_OK;
}

enum lf_draft_result lf_draft_approve(struct lf_draft *d, const char *id, const char *user,
                                      char *err, size_t err_size)
{
    json_t *m = json_object_get(meta_items(d), id);
    if (!m)
        return LF_DRAFT_NOT_FOUND;
    char at[32];
    now_iso(at, sizeof(at));
    if (!find(d, id, NULL)) {
        if (!json_object_get(m, "deleted_by"))
            return LF_DRAFT_NOT_FOUND;
        json_object_set_new(m, "deletion_approved", json_true());
    }
    json_object_set(m, "approved_revision", json_object_get(m, "revision"));
    json_object_set_new(m, "approved_by", json_string(user));
    json_object_set_new(m, "approved_at", json_string(at));
    return save(d, err, err_size) ? LF_DRAFT_OK : LF_DRAFT_IO;
}

char *lf_draft_manifest(const struct lf_draft *d, const json_t *replacement, bool only)
{
    json_t *copy = json_copy(d->doc); /* shallow: items array shared until replaced */
    const char *rid = replacement ? json_string_value(json_object_get(replacement, "id")) : NULL;
    json_t *items = json_array();
    bool placed = false;
    size_t i;
    json_t *it;
    json_array_foreach(items_of(d), i, it) {
        const char *id = json_string_value(json_object_get(it, "id"));
        if (rid && id && strcmp(id, rid) == 0) {
            json_array_append(items, (json_t *)replacement);
            placed = true;
        } else if (!only) {
            json_array_append(items, it);
        }
    }
    if (replacement && !placed)
        json_array_append(items, (json_t *)replacement);
    json_object_set_new(copy, "items", items);
    /* the draft is packed and signed only when published: an old files
     * list or signature stamp would only be out of date here */
    json_object_del(copy, "files");
    char *text = json_dumps(copy, JSON_INDENT(2));
    json_decref(copy);
    return text;
}

/* "items[3].title.ar" -> 3 and "title.ar"; -1 and the whole path for
 * top-level fields. */
static long split_path(const char *path, const char **field)
{
    *field = path;
    if (strncmp(path, "items[", 6) != 0)
        return -1;
    char *end;
    long index = strtol(path + 6, &end, 10);
    if (*end != ']')
        return -1;
    *field = end[1] == '.' ? end + 2 : end + 1;
    return index;
}

json_t *lf_draft_validate(const struct lf_draft *d, const json_t *replacement)
{
    char *text = lf_draft_manifest(d, replacement, false);
    json_t *order = json_array(); /* ids in manifest order, as lf_draft_manifest made them */
    json_error_t je;
    json_t *parsed = json_loads(text, 0, &je);
    size_t i;
    json_t *it;
    json_array_foreach(json_object_get(parsed, "items"), i, it)
        json_array_append(order, json_object_get(it, "id"));
    json_decref(parsed);

    struct lf_diags *diags = lf_diags_create();
    struct lf_bundle *b = lf_bundle_parse(text, strlen(text), LF_MANIFEST_NAME, d->dir, diags);
    json_t *problems = json_array();
    for (size_t k = 0; k < lf_diags_count(diags); k++) {
        const struct lf_diag *e = lf_diags_get(diags, k);
        const char *field;
        long index = split_path(e->path, &field);
        char line[1024];
        json_t *id = index >= 0 ? json_array_get(order, (size_t)index) : NULL;
        json_array_append_new(
            problems,
            json_pack("{s:s, s:O, s:o, s:s, s:s, s:s}", "severity",
                      e->severity == LF_DIAG_ERROR ? "error" : "warning", "item",
                      id ? id : json_null(), "index",
                      index >= 0 ? json_integer(index) : json_null(), "field", field, "message",
                      e->message, "text", lf_diag_format(e, line, sizeof(line))));
        lf_draft_put_msgid(json_array_get(problems, json_array_size(problems) - 1), e->msgid,
                           (const char *const *)e->args, e->nargs);
    }
    size_t errors = lf_diags_errors(diags);
    json_t *out = json_pack("{s:b, s:I, s:I, s:o}", "valid", b != NULL, "errors",
                            (json_int_t)errors, "warnings",
                            (json_int_t)(lf_diags_count(diags) - errors), "problems", problems);
    if (b) {
        json_t *langs = json_array();
        for (size_t l = 0; l < b->n_languages; l++) {
            json_t *missing = json_array();
            size_t done = 0;
            for (size_t k = 0; k < b->n_items; k++) {
                if (lf_item_translated(&b->items[k], b->languages[l]))
                    done++;
                else
                    json_array_append_new(missing, json_string(b->items[k].id));
            }
            json_array_append_new(langs, json_pack("{s:s, s:I, s:I, s:o}", "lang",
                                                   b->languages[l], "translated",
                                                   (json_int_t)done, "items",
                                                   (json_int_t)b->n_items, "missing", missing));
        }
        json_object_set_new(out, "languages", langs);
    }
    lf_bundle_destroy(b);
    lf_diags_destroy(diags);
    json_decref(order);
    free(text);
    return out;
}

bool lf_draft_image_name_valid(const char *name)
{
    size_t n = name ? strlen(name) : 0;
    if (n == 0 || n > LF_STUDIO_MAX_IMAGE_NAME || name[0] == '.')
        return false;
    for (size_t i = 0; i < n; i++) {
        char c = name[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '.' || c == '_' || c == '-'))
            return false;
    }
    const char *dot = strrchr(name, '.');
    return dot && (strcasecmp(dot, ".png") == 0 || strcasecmp(dot, ".jpg") == 0 ||
                   strcasecmp(dot, ".jpeg") == 0 || strcasecmp(dot, ".gif") == 0 ||
                   strcasecmp(dot, ".webp") == 0);
}

bool lf_draft_store_image(struct lf_draft *d, const char *name, const void *data, size_t len,
                          int *w, int *h, char *err, size_t err_size)
{
    d->err_msgid = NULL;
    d->err_nargs = 0;
    if (!lf_draft_image_name_valid(name)) {
        draft_error(d, err, err_size,
                      "not an image file name: use letters, digits, '.', '_', '-' and the "
                      "ending .png, .jpg, .jpeg, .gif or .webp (at most %d characters, no "
                      "folders)",
                      LF_STUDIO_MAX_IMAGE_NAME);
        return false;
    }
    if (len > LF_MAX_IMAGE_BYTES) {
        draft_error(d, err, err_size, "%s: larger than %d bytes", name, LF_MAX_IMAGE_BYTES);
        return false;
    }
    char *tmp = lf_xasprintf("%s/%s/.upload%s", d->dir, LF_DRAFT_IMAGES, LF_DURABLE_TMP_SUFFIX);
    char *path = lf_xasprintf("%s/%s/%s", d->dir, LF_DRAFT_IMAGES, name);
    bool ok = false;
    unlink(tmp);
    if (!lf_write_new(tmp, data, len, 0644)) {
        draft_error(d, err, err_size, "%s: cannot write: %s", name, strerror(errno));
        goto done;
    }
    /* the header only: a picture of 50000 x 50000 pixels is refused before
     * anything would decode it */
    if (!lf_image_dimensions(tmp, w, h)) {
        const char *kind = lf_picture_kind(data, len < LF_PICTURE_KIND_HEAD ? len
                                                                            : LF_PICTURE_KIND_HEAD);
        if (kind)
            draft_error(d, err, err_size, "%s: in %s format, not a PNG, JPEG, GIF or WebP image: "
                        "save it as JPEG (a photo) or PNG (a logo, a flyer) and upload that",
                        name, kind);
        else
            draft_error(d, err, err_size, "%s: not a PNG, JPEG, GIF or WebP image", name);
        goto done;
    }
    if (*w <= 0 || *h <= 0 || *w > LF_MAX_IMAGE_SIDE || *h > LF_MAX_IMAGE_SIDE ||
        (long long)*w * *h > lf_image_max_pixels(tmp)) {
        draft_error(d, err, err_size,
                      "%s: %d x %d pixels, more than %lld pixels or a side over %d (a JPEG of "
                      "6144 x 4096 or a PNG, GIF or WebP of 4096 x 4096 is fine)",
                      name, *w, *h, lf_image_max_pixels(tmp), LF_MAX_IMAGE_SIDE);
        goto done;
    }
    if ((long long)(*w > *h ? *w : *h) > (long long)(*w > *h ? *h : *w) * LF_MAX_IMAGE_ASPECT) {
        /* what validate refuses too (content/bundle.c): a line no one sees on a slide */
        draft_error(d, err, err_size,
                    "%s: %d x %d pixels, more than %d times as %s: on a slide it shrinks to a "
                    "thin line no one sees; crop it to a less extreme shape",
                    name, *w, *h, LF_MAX_IMAGE_ASPECT, *w > *h ? "wide as high" : "high as wide");
        goto done;
    }
    /* decoded once, small (a JPEG at libjpeg's 1/8 still reads all its data):
     * a file cut off while uploading from a phone, a GIF or an animated
     * WebP without frames is refused now, not when the entry is saved or published;
     * what is stored is the file as uploaded, which the kiosk reads as it is */
    SDL_Surface *pic = lf_image_load_fit(tmp, 64, 64);
    if (!pic) {
        draft_error(d, err, err_size, "%s cannot be decoded: %s", name, SDL_GetError());
        goto done;
    }
    SDL_FreeSurface(pic);
    if (rename(tmp, path) != 0 || !lf_fsync_parent(path)) {
        draft_error(d, err, err_size, "%s: cannot store: %s", name, strerror(errno));
        goto done;
    }
    ok = true;
done:
    if (!ok)
        unlink(tmp);
    free(tmp);
    free(path);
    return ok;
}

void lf_draft_put_msgid(json_t *o, const char *msgid, const char *const *args, int nargs)
{
    if (!o || !msgid)
        return;
    json_t *list = json_array();
    for (int i = 0; i < nargs; i++)
        json_array_append_new(list, json_string(args[i]));
    json_object_set_new(o, "msgid", json_string(msgid));
    json_object_set_new(o, "args", list);
}
