/* Imported calendar events merged into a bundle's content.json.
 *
 * Items made from a feed have ids "ics-<hash of UID>[-<occurrence>]", so a
 * new import of the same feed updates them instead of adding copies. The
 * import state (what each imported item looked like when it was written,
 * as a SHA-256 of its JSON) tells an item that someone changed by hand
 * since the last import: such an item is kept as it is and the difference
 * reported, never overwritten silently. Likewise an imported item that
 * someone deleted is not brought back. What a feed had before and no
 * longer has is removed: the items imported from the same `source`, and
 * every occurrence of a series (UID) the feed has, whatever name it came
 * under before (a calendar saved again as "Veranstaltungen (1).ics").
 *
 * Works on jansson values only (no files): the caller reads and writes
 * content.json and the state. Single thread. */
#ifndef LF_CALENDAR_ICS_MERGE_H
#define LF_CALENDAR_ICS_MERGE_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

#include "calendar/ics.h"

/* The import state kept beside content.json. */
#define LF_ICS_STATE_NAME ".litfass-import.json"
#define LF_ICS_STATE_FORMAT 1

struct lf_ics_report {
    size_t added, updated, unchanged, removed;
    size_t cancelled;        /* announced before, now marked cancelled */
    size_t kept_edited;      /* changed by hand: kept, difference noted */
    size_t kept_deleted;     /* deleted by hand: not brought back */
};

/* One line for the person importing ("kept ics-...: changed by hand ..."),
 * with the English format it was made from (msgid) and its values as text
 * (args), for a translation (the studio's page). */
typedef void (*lf_ics_note)(void *ctx, const char *line, const char *msgid,
                            const char *const *args, int nargs);

/* Merges `feed` (from `source`, a file name or URL) into `content` (the
 * root object of content.json) and `state` (the root object of the import
 * state; an empty object the first time). `lang` is the language of the
 * calendar's texts, `tag` a tag added to every event (NULL: none).
 * False when content has no "items" list (nothing is changed then). */
bool lf_ics_merge(json_t *content, json_t *state, const struct lf_ics_feed *feed,
                  const char *source, const char *lang, const char *tag,
                  struct lf_ics_report *report, lf_ics_note note, void *note_ctx) LF_MUST_CHECK;

#endif
