/* A calendar (.ics) imported into the studio's draft (docs/studio-api.md,
 * "Calendar import"): parsed by calendar/ics.h, merged by
 * calendar/ics_merge.h exactly as `litfass import-ics` does, and the
 * result applied to the draft as ordinary changes by the importing user
 * (new items created, changed ones saved with a new revision, events gone
 * from the feed removed), so they wait for approval and publishing like
 * any edit. An item changed by hand in the studio since the last import
 * is kept and listed in "notes"; a feed that cannot be read changes
 * nothing and names its line. The merge state is DATA/ics-import.json. */
#ifndef LF_STUDIO_ICS_IMPORT_H
#define LF_STUDIO_ICS_IMPORT_H

#include <jansson.h>
#include <stddef.h>
#include <time.h>

#include "calendar/ics.h"
#include "studio/draft.h"

#define LF_STUDIO_ICS_STATE_FILE "ics-import.json"
#define LF_STUDIO_ICS_MAX_NOTES 200 /* notes listed in one answer */
#define LF_STUDIO_ICS_SUBSCRIPTIONS_FILE "ics-subscriptions.json"
#define LF_STUDIO_ICS_MAX_SUBSCRIPTIONS 50   /* calendars one studio follows */
#define LF_STUDIO_ICS_MIN_INTERVAL_S 10      /* a subscription is polled at most this often */
#define LF_STUDIO_ICS_MAX_INTERVAL_S 604800  /* ... and at least once a week */
#define LF_STUDIO_ICS_FETCH_TIMEOUT_S 60     /* one download of a calendar */
#define LF_STUDIO_ICS_ONCE_TIMEOUT_S 20      /* a calendar fetched once for an editor (who waits) */
#define LF_STUDIO_MAX_FETCHES 4              /* such downloads under way at once */

/* Returns the answer's JSON; *status the HTTP status (200, 422, 500). */
/* `filter` (NULL: every event) picks the events by category or text
 * (calendar/ics.h); the answer counts "skipped" (entries with faults of
 * their own, each in "warnings"), "filtered" and "left_out" (beyond the
 * bundle's limit, said in "warnings"). */
json_t *lf_studio_import_ics(struct lf_draft *d, const char *data_dir, const char *text,
                             size_t len, const char *source, const char *tag, int horizon_days,
                             const struct lf_ics_filter *filter, const char *user, time_t now,
                             unsigned *status);

#endif
