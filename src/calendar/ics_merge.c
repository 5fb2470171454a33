/* Imported calendar events merged into content.json: see ics_merge.h. */
#include <sodium.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calendar/ics_merge.h"
#include "core/xalloc.h"

#define HASH_HEX (2 * crypto_hash_sha256_BYTES + 1)

static void item_hash(const json_t *item, char hex[HASH_HEX])
{
    char *dump = json_dumps(item, JSON_COMPACT | JSON_SORT_KEYS);
    unsigned char h[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(h, (const unsigned char *)(dump ? dump : ""), dump ? strlen(dump) : 0);
    free(dump);
    sodium_bin2hex(hex, HASH_HEX, h, sizeof(h));
}

static void set_text(json_t *item, const char *key, const char *lang, const char *value)
{
    if (value && value[0])
        json_object_set_new(item, key, json_pack("{s:s}", lang, value));
}

static void set_string(json_t *item, const char *key, const char *value)
{
    if (value && value[0])
        json_object_set_new(item, key, json_string(value));
}

/* The bundle item for one imported event. */
static json_t *event_item(const struct lf_ics_event *e, const char *lang, const char *tag,
                          bool cancelled)
{
    json_t *it = json_object();
    json_object_set_new(it, "kind", json_string("event"));
    json_object_set_new(it, "id", json_string(e->id));
    set_text(it, "title", lang, e->title);
    set_text(it, "description", lang, e->description);
    json_object_set_new(it, "start", json_string(e->start));
    json_object_set_new(it, "end", json_string(e->end));
    if (e->yearly)
        json_object_set_new(it, "recurrence", json_string("yearly"));
    set_string(it, "place", e->place);
    set_string(it, "address", e->address);
    set_string(it, "organiser", e->organiser);
    set_string(it, "email", e->email);
    set_string(it, "url", e->url);
    json_t *tags = json_array();
    for (size_t i = 0; i < e->n_tags; i++)
        json_array_append_new(tags, json_pack("{s:s}", lang, e->tags[i]));
    if (tag && tag[0] && json_array_size(tags) < LF_MAX_TAGS)
        json_array_append_new(tags, json_pack("{s:s}", lang, tag));
    if (json_array_size(tags))
        json_object_set_new(it, "tags", tags);
    else
        json_decref(tags);
    if (cancelled)
        json_object_set_new(it, "cancelled", json_true());
    return it;
}

static json_t *find_item(json_t *items, const char *id, size_t *index)
{
    size_t i;
    json_t *it;
    json_array_foreach(items, i, it) {
        const char *iid = json_string_value(json_object_get(it, "id"));
        if (iid && strcmp(iid, id) == 0) {
            if (index)
                *index = i;
            return it;
        }
    }
    return NULL;
}

static void notef(lf_ics_note note, void *ctx, const char *fmt, ...) LF_PRINTF(3, 4);
static void notef(lf_ics_note note, void *ctx, const char *fmt, ...)
{
    if (!note)
        return;
    char line[1024];
    char args[LF_DIAG_MAX_ARGS][LF_DIAG_ARG_BYTES];
    const char *argv[LF_DIAG_MAX_ARGS];
    va_list ap;
    va_start(ap, fmt);
    int n = lf_format_args(fmt, ap, args, LF_DIAG_MAX_ARGS);
    vsnprintf(line, sizeof(line), fmt, ap);
    va_end(ap);
    for (int i = 0; i < n; i++)
        argv[i] = args[i];
    note(ctx, line, fmt, argv, n);
}

static const char *title_of(const json_t *item, const char *lang)
{
    const json_t *t = json_object_get(item, "title");
    if (json_is_string(t))
        return json_string_value(t);
    const char *s = json_string_value(json_object_get(t, lang));
    return s ? s : "";
}

/* What differs between the item as edited and as the calendar has it now. */
static void note_difference(lf_ics_note note, void *ctx, const json_t *edited, const json_t *fresh,
                            const char *lang)
{
    const char *id = json_string_value(json_object_get(fresh, "id"));
    notef(note, ctx, "kept %s (\"%s\"): changed by hand since the last import; the calendar "
                     "now says:", id, title_of(edited, lang));
    const char *key;
    json_t *v;
    json_object_foreach((json_t *)fresh, key, v) {
        if (json_equal(v, json_object_get(edited, key)))
            continue;
        char *dump = json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY);
        notef(note, ctx, "    %s: %s", key, dump ? dump : "?");
        free(dump);
    }
    json_object_foreach((json_t *)edited, key, v) {
        if (!json_object_get(fresh, key))
            notef(note, ctx, "    %s: (not in the calendar)", key);
    }
}

/* The series an imported item's id belongs to: "ics-<hash of UID>" (the
 * id without its "-<occurrence>"); false when the id is no imported one. */
static bool series_of(const char *id, char *out, size_t size)
{
    size_t prefix = strlen(LF_ICS_ID_PREFIX);
    if (strncmp(id, LF_ICS_ID_PREFIX, prefix) != 0)
        return false;
    size_t n = prefix + strcspn(id + prefix, "-");
    if (n == prefix || n >= size)
        return false;
    memcpy(out, id, n);
    out[n] = '\0';
    return true;
}

bool lf_ics_merge(json_t *content, json_t *state, const struct lf_ics_feed *feed,
                  const char *source, const char *lang, const char *tag,
                  struct lf_ics_report *r, lf_ics_note note, void *note_ctx)
{
    memset(r, 0, sizeof(*r));
    json_t *items = json_object_get(content, "items");
    if (!json_is_array(items))
        return false;
    json_object_set_new(state, "format", json_integer(LF_ICS_STATE_FORMAT));
    json_t *known = json_object_get(state, "items");
    if (!json_is_object(known)) {
        known = json_object();
        json_object_set_new(state, "items", known);
    }
    json_t *seen = json_object(); /* ids of this import */
    json_t *series = json_object(); /* the series (UIDs) of this import */
    for (size_t i = 0; i < lf_ics_count(feed); i++) {
        const struct lf_ics_event *e = lf_ics_get(feed, i);
        json_object_set_new(seen, e->id, json_true());
        char sid[LF_MAX_ID_BYTES + 1];
        if (series_of(e->id, sid, sizeof(sid)))
            json_object_set_new(series, sid, json_true());
        size_t index = 0;
        json_t *old = find_item(items, e->id, &index);
        json_t *rec = json_object_get(known, e->id);
        const char *old_hash = json_string_value(json_object_get(rec, "hash"));
        char hash[HASH_HEX] = "";
        if (old)
            item_hash(old, hash);
        bool edited = old && old_hash && strcmp(hash, old_hash) != 0;
        bool hand_made = old && !old_hash; /* same id, never imported: not ours */
        if (e->cancelled && !old) {
            continue; /* cancelled before it was ever shown: nothing to say */
        }
        json_t *fresh = event_item(e, lang, tag, e->cancelled);
        if (!old && rec) {
            r->kept_deleted++;
            notef(note, note_ctx, "left out %s (\"%s\"): deleted by hand after an earlier import",
                  e->id, e->title);
            json_decref(fresh);
            continue;
        }
        if (edited || hand_made) {
            r->kept_edited++;
            note_difference(note, note_ctx, old, fresh, lang);
            json_decref(fresh);
            continue;
        }
        char fresh_hash[HASH_HEX];
        item_hash(fresh, fresh_hash);
        if (old && strcmp(hash, fresh_hash) == 0) {
            r->unchanged++;
            json_decref(fresh);
        } else if (old) {
            if (e->cancelled && !json_is_true(json_object_get(old, "cancelled"))) {
                r->cancelled++;
                notef(note, note_ctx, "cancelled %s (\"%s\"): shown as cancelled", e->id, e->title);
            } else {
                r->updated++;
            }
            json_array_set_new(items, index, fresh);
        } else {
            r->added++;
            json_array_append_new(items, fresh);
        }
        json_object_set_new(known, e->id,
                            json_pack("{s:s,s:s}", "hash", fresh_hash, "source", source));
    }
    /* what this feed had before and no longer has: gone from the calendar.
     * An occurrence of a series this feed has is this feed's whatever the
     * source it was imported from: the same calendar exported again under
     * another name ("Veranstaltungen (1).ics", a path written otherwise)
     * left an occurrence moved by a RECURRENCE-ID, or taken out, on the
     * screen at its old date beside the new one */
    const char *id;
    json_t *rec, *tmp;
    json_object_foreach_safe(known, tmp, id, rec) {
        const char *src = json_string_value(json_object_get(rec, "source"));
        char sid[LF_MAX_ID_BYTES + 1];
        bool ours = (src && strcmp(src, source) == 0) ||
                    (series_of(id, sid, sizeof(sid)) && json_object_get(series, sid));
        if (!ours || json_object_get(seen, id))
            continue;
        size_t index = 0;
        json_t *old = find_item(items, id, &index);
        if (old) {
            char hash[HASH_HEX];
            item_hash(old, hash);
            const char *old_hash = json_string_value(json_object_get(rec, "hash"));
            if (old_hash && strcmp(hash, old_hash) != 0) {
                r->kept_edited++;
                notef(note, note_ctx, "kept %s (\"%s\"): no longer in the calendar, but changed "
                                      "by hand since the last import", id, title_of(old, lang));
                continue;
            }
            json_array_remove(items, index);
            r->removed++;
        }
        json_object_del(known, id);
    }
    json_decref(seen);
    json_decref(series);
    return true;
}
