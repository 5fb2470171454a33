/* The waiting page (issue 11): what a kiosk with a sync URL shows while
 * it has no content at all -- no downloaded bundle and no sample folder,
 * as on its first boot. One notice that names the screen (its host name),
 * the address it loads from and the last error, in German and English,
 * made as a bundle in memory so the carousel shows it like any other and
 * the first real bundle replaces it at a slide boundary.
 * Pure (no SDL); any thread. */
#ifndef LF_APP_WAITING_H
#define LF_APP_WAITING_H

#include <time.h>

#include "app/config.h"
#include "content/bundle.h"

/* How often the kiosk re-reads status.json for the last error while it waits. */
#define LF_WAITING_REFRESH_MS 5000

/* The waiting bundle; last_error "" = none yet, last_attempt 0 = not yet
 * tried. NULL only if the generated manifest were invalid (logged). */
struct lf_bundle *lf_waiting_bundle(const struct lf_config *cfg, const char *last_error,
                                    time_t last_attempt, time_t now);

#endif
