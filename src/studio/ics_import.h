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

#include "studio/draft.h"

#define LF_STUDIO_ICS_STATE_FILE "ics-import.json"
#define LF_STUDIO_ICS_MAX_NOTES 200 /* notes listed in one answer */

/* Returns the answer's JSON; *status the HTTP status (200, 422, 500). */
json_t *lf_studio_import_ics(struct lf_draft *d, const char *data_dir, const char *text,
                             size_t len, const char *source, const char *tag, int horizon_days,
                             const char *user, time_t now, unsigned *status);

#endif
