/* The audit log: who changed, approved and published what, and when.
 * DIR/audit.log, one JSON object per line ({"at", "user", "action",
 * "item", "detail"}), appended and fsynced per entry; never rewritten.
 * A failure to write is logged (the change itself stands). */
#ifndef LF_STUDIO_AUDIT_H
#define LF_STUDIO_AUDIT_H

#include <jansson.h>
#include <stddef.h>

#include "core/log.h"

#define LF_AUDIT_FILE "audit.log"
#define LF_AUDIT_MAX_LIST 1000 /* newest entries GET /api/audit returns */

/* Appends one entry; `item` and `detail` may be NULL. */
void lf_audit(const char *data_dir, const char *user, const char *action, const char *item,
              const char *detail);

/* The newest `max` entries, newest first (caller decrefs). */
json_t *lf_audit_list(const char *data_dir, size_t max);

#endif
