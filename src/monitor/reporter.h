/* The kiosk's reporter: a thread that sends the kiosk's heartbeat, now and
 * then a small screenshot, and its slides shown per item and day (proof
 * of play) to the studio in [monitor] report_url (studio/fleet.h,
 * docs/studio-api.md "Fleet"), with the kiosk's own token.
 *
 * The frame loop never waits on the network: it hands over a plain
 * struct (lf_reporter_offer) and, when lf_reporter_wants_screenshot()
 * says so, the screen's pixels; both are copied under a mutex held for a
 * copy only. Scaling, PNG encoding and the POSTs (sync/post.h) happen on
 * the reporter's thread; a studio that is down costs a logged line per
 * failure, at most every report_seconds. */
#ifndef LF_MONITOR_REPORTER_H
#define LF_MONITOR_REPORTER_H

#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>
#include <time.h>

#include "core/limits.h"

#define LF_REPORT_SCREENSHOT_MIN_S 60     /* never more often (the studio refuses: 429) */
#define LF_REPORT_SCREENSHOT_WIDTH 480    /* pixels across the screenshot (height in proportion) */
#define LF_REPORT_MAX_SCREEN_PIXELS (8192 * 8192) /* screens larger are not photographed */
#define LF_REPORT_MAX_PLAYED_ITEMS 200    /* items counted per day (more: not counted) */
#define LF_REPORT_TEXT_BYTES 300          /* texts in a heartbeat */
#define LF_REPORT_MAX_TOKEN_BYTES 128     /* the token file's first line */

/* What the kiosk fills in its frame loop. */
struct lf_heartbeat {
    char name[LF_REPORT_TEXT_BYTES];      /* [monitor] name; "": the host name */
    long long serial;                     /* bundle serial on screen, 0: unsigned/sample */
    char item[LF_REPORT_TEXT_BYTES];      /* id of the item on screen, "" for none */
    char mode[16];                        /* carousel, list, detail, languages */
    char lang[LF_MAX_LANG_TAG + 1];
    int slide, slides;                    /* 1-based position in the carousel, count */
    bool display_on;                      /* false while [power] has the screen off */
    long content_age_s;                   /* since the shown bundle was installed, by the time
                                             shown; never below 0; -1: sample */
    char clock[LF_REPORT_TEXT_BYTES];     /* "" while the system clock is believed, else why
                                             not (core/clock_floor.h) */
    char clock_source[16];                /* system, server, server_saved, none; "": system */
    long long clock_offset_s;             /* while the server's time is shown (server,
                                             server_saved): it minus the system clock, so
                                             > 0 is a system clock behind; else 0 */
};

struct lf_reporter;

/* What the reporter needs of the config's [monitor] and [sync] keys (the
 * app fills it in: the reporter never reads the config itself). */
struct lf_reporter_settings {
    const char *report_url;        /* [monitor] report_url, "" = off */
    const char *token_file;        /* [monitor] report_token_file */
    const char *ca_file;           /* [sync] ca_file, "" = the system's CAs */
    const char *cache_dir;         /* [sync] cache_dir (the state folder) */
    bool sync_on;                  /* [sync] url is set */
    bool allow_http;               /* [monitor] report_allow_http */
    int report_seconds;            /* [monitor] report_seconds */
    int screenshot_seconds;        /* [monitor] screenshot_seconds, 0 = none */
};

/* Starts the thread with a copy of the settings. NULL when report_url is
 * empty (nothing to do) or it cannot start (logged: the token file is
 * missing or unreadable). Call from the main thread after
 * lf_sync_global_init(). */
struct lf_reporter *lf_reporter_start(const struct lf_reporter_settings *set);

/* The state now: copied, sent with the next heartbeat. Any thread. NULL ok. */
void lf_reporter_offer(struct lf_reporter *r, const struct lf_heartbeat *hb);

/* Proof of play: the kiosk's counts of slides shown on `date`
 * (YYYY-MM-DD) so far, {"item": n}, as the monitor counted them
 * (lf_monitor_plays_today: the one count, kept across restarts); sent
 * with the next heartbeat, where they replace that day's counts. The
 * reference to `items` is taken. NULL r ok. */
void lf_reporter_plays(struct lf_reporter *r, const char *date, json_t *items);

/* Whether a screenshot is due; the kiosk then reads its screen. */
bool lf_reporter_wants_screenshot(const struct lf_reporter *r);

/* The screen's pixels (ARGB8888, `pitch` bytes a row): copied. */
void lf_reporter_screenshot(struct lf_reporter *r, const void *pixels, int width, int height,
                            int pitch);

/* Stops the thread (a running POST is aborted at once), frees. NULL ok. */
void lf_reporter_stop(struct lf_reporter *r);

#endif
