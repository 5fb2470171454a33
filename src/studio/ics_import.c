#include "studio/ics_import.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calendar/ics.h"
#include "calendar/ics_merge.h"
#include "core/diag.h"
#include "core/durable.h"
#include "core/xalloc.h"

/* notes: [{"text", "msgid", "args"}] (the page translates by msgid) */
static void add_note(void *ctx, const char *line, const char *msgid, const char *const *args,
                     int nargs)
{
    json_t *notes = ctx;
    if (json_array_size(notes) >= LF_STUDIO_ICS_MAX_NOTES)
        return;
    json_t *o = json_pack("{s:s}", "text", line);
    lf_draft_put_msgid(o, msgid, args, nargs);
    json_array_append_new(notes, o);
}

static json_t *problems_of(const struct lf_diags *d)
{
    json_t *list = json_array();
    for (size_t i = 0; i < lf_diags_count(d) && i < LF_STUDIO_ICS_MAX_NOTES; i++) {
        const struct lf_diag *g = lf_diags_get(d, i);
        char *text = lf_xasprintf("%s:%d:%d: %s%s%s", g->file ? g->file : "", g->line, g->column,
                                  g->path && g->path[0] ? g->path : "",
                                  g->path && g->path[0] ? ": " : "", g->message);
        json_array_append_new(list, json_pack("{s:s, s:i, s:s, s:s}", "severity",
                                              g->severity == LF_DIAG_ERROR ? "error" : "warning",
                                              "line", g->line, "message", g->message, "text", text));
        lf_draft_put_msgid(json_array_get(list, json_array_size(list) - 1), g->msgid,
                           (const char *const *)g->args, g->nargs);
        free(text);
    }
    return list;
}

static bool is_imported(const char *id)
{
    return strncmp(id, LF_ICS_ID_PREFIX, strlen(LF_ICS_ID_PREFIX)) == 0;
}

json_t *lf_studio_import_ics(struct lf_draft *d, const char *data_dir, const char *text,
                             size_t len, const char *source, const char *tag, int horizon_days,
                             const struct lf_ics_filter *filter, const char *user, time_t now,
                             unsigned *status)
{
    struct lf_diags *diags = lf_diags_create();
    struct lf_ics_feed *feed =
        lf_ics_parse_filtered(text, len, source, now, horizon_days, filter, diags);
    if (!feed) {
        *status = 422;
        json_t *out = json_pack("{s:s, s:o}", "error", "", "problems", problems_of(diags));
        const struct lf_diag *first = lf_diags_count(diags) ? lf_diags_get(diags, 0) : NULL;
        char *msg = first ? lf_xasprintf("%s:%d: %s: the calendar was not imported, the draft "
                                         "is unchanged", source, first->line, first->message)
                          : lf_xasprintf("%s: not a calendar; the draft is unchanged", source);
        json_object_set_new(out, "error", json_string(msg));
        free(msg);
        lf_diags_destroy(diags);
        return out;
    }
    char *state_path = lf_xasprintf("%s/%s", data_dir, LF_STUDIO_ICS_STATE_FILE);
    json_error_t je;
    json_t *state = json_load_file(state_path, 0, &je);
    if (!json_is_object(state)) {
        json_decref(state);
        state = json_object();
    }
    json_t *doc = json_deep_copy(lf_draft_doc(d));
    const char *lang = json_string_value(json_object_get(doc, "default_language"));
    json_t *notes = json_array();
    struct lf_ics_report r;
    json_t *out = NULL;
    if (!lf_ics_merge(doc, state, feed, source, lang ? lang : "de", tag, &r, add_note, notes)) {
        *status = 500;
        out = json_pack("{s:s}", "error", "the draft has no list of items");
        goto done;
    }
    /* the merged items become draft changes by `user` */
    json_t *changed = json_array(), *item;
    char err[512];
    size_t i;
    json_t *after = json_object_get(doc, "items");
    json_array_foreach(after, i, item) {
        const char *id = json_string_value(json_object_get(item, "id"));
        if (!id)
            continue;
        const json_t *before = lf_draft_item(d, id);
        enum lf_draft_result res = LF_DRAFT_OK;
        if (!before) {
            res = lf_draft_create(d, json_deep_copy(item), user, NULL, err, sizeof(err));
        } else if (!json_equal((json_t *)before, item)) {
            res = lf_draft_replace(d, id, json_deep_copy(item), lf_draft_revision(d, id), user, err,
                                   sizeof(err));
        } else {
            continue;
        }
        if (res != LF_DRAFT_OK) {
            char *line = lf_xasprintf("%s: not saved: %s", id, err);
            const char *args[] = {id, err};
            add_note(notes, line, "%s: not saved: %s", args, 2);
            free(line);
        } else {
            json_array_append_new(changed, json_string(id));
        }
    }
    /* imported events the feed no longer has */
    json_t *gone = json_array();
    json_array_foreach(json_object_get(lf_draft_doc(d), "items"), i, item) {
        const char *id = json_string_value(json_object_get(item, "id"));
        bool kept = false;
        size_t k;
        json_t *a;
        json_array_foreach(after, k, a)
            kept = kept || (id && json_equal(json_object_get(a, "id"), json_object_get(item, "id")));
        if (id && is_imported(id) && !kept)
            json_array_append_new(gone, json_string(id));
    }
    json_array_foreach(gone, i, item) {
        const char *id = json_string_value(item);
        if (lf_draft_delete(d, id, lf_draft_revision(d, id), user, false, err, sizeof(err)) ==
            LF_DRAFT_OK)
            json_array_append(changed, item);
    }
    json_decref(gone);
    char *state_text = json_dumps(state, JSON_INDENT(2));
    if (!lf_durable_write(state_path, state_text, strlen(state_text), 0600)) {
        char *line = lf_xasprintf("%s: cannot write: %s (the next import may take hand edits "
                                  "for new ones)", state_path, strerror(errno));
        const char *args[] = {state_path, strerror(errno)};
        add_note(notes, line, "%s: cannot write: %s (the next import may take hand edits for new ones)",
                 args, 2);
        free(line);
    }
    free(state_text);
    *status = 200;
    out = json_pack("{s:s, s:I, s:I, s:I, s:I, s:I, s:I, s:I, s:I, s:I, s:O, s:o, s:o}",
                    "source", source, "entries", (json_int_t)lf_ics_components(feed), "events",
                    (json_int_t)lf_ics_count(feed), "added", (json_int_t)r.added, "updated",
                    (json_int_t)r.updated, "unchanged", (json_int_t)r.unchanged, "removed",
                    (json_int_t)r.removed, "cancelled", (json_int_t)r.cancelled, "kept_edited",
                    (json_int_t)r.kept_edited, "kept_deleted", (json_int_t)r.kept_deleted, "notes",
                    notes, "changed", changed, "warnings", problems_of(diags));
    json_object_set_new(out, "skipped", json_integer((json_int_t)lf_ics_skipped(feed)));
    json_object_set_new(out, "filtered", json_integer((json_int_t)lf_ics_filtered(feed)));
    json_object_set_new(out, "left_out", json_integer((json_int_t)lf_ics_left_out(feed)));
done:
    json_decref(notes);
    json_decref(doc);
    json_decref(state);
    free(state_path);
    lf_ics_feed_destroy(feed);
    lf_diags_destroy(diags);
    return out;
}
