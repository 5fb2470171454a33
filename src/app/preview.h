/* Preview: renders every slide of a bundle, in carousel order, to PNG
 * files (OUT/01-agenda.png, OUT/02-event-iwgr.png, ...), headless: an
 * offscreen software renderer, no display needed. For administrators to
 * see a bundle without a kiosk, and for the render tests. */
#ifndef LF_APP_PREVIEW_H
#define LF_APP_PREVIEW_H

#include <time.h>

#include "app/config.h"

struct lf_preview_options {
    const char *content_dir;
    const char *out_dir;
    int width, height;  /* default 1920x1080 */
    const char *lang;   /* NULL = bundle default */
    time_t now;         /* moment to render at */
    int round;          /* which round of the carousel, 1.. (0 = 1): on a screen
                           without touch the agenda's later pages move on each round */
};

/* --round at most this (500 events take about 60 rounds to go round) */
#define LF_PREVIEW_MAX_ROUND 1000

/* Returns the process exit code: 0 when every slide was written. */
int lf_preview_run(const struct lf_config *cfg, const struct lf_preview_options *opt);

#endif
