/* Health that existing monitoring reads, written by the kiosk's frame
 * loop (never the sync thread: a hung renderer stops the heartbeat):
 *   - its keys of status.json's "screen" part in the state folder ([sync]
 *     cache_dir): name, pid, heartbeat, last frame, display on/off, the
 *     folder, version and serial on screen, the slide (sync/store.h: the
 *     sync adds source, id, since and note to the same part). Replaced
 *     whole every beat, but fsynced only when more than the clocks and
 *     the carousel's position changed, or every LF_MONITOR_SYNC_EVERY_S
 *     (an fsync every 30 s wears an SD card out); the metrics and proof
 *     of play alike;
 *   - [monitor] metrics_file: the Prometheus text format for
 *     node_exporter's textfile collector (written whole, then renamed);
 *   - proof-of-play.json: how often each item was shown per day, for the
 *     last LF_MONITOR_PLAY_DAYS days.
 * `litfass status` reads the same (lf_monitor_health).
 * Main thread only (the frame loop). */
#ifndef LF_MONITOR_MONITOR_H
#define LF_MONITOR_MONITOR_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "core/log.h"

#define LF_MONITOR_HEARTBEAT_S 30      /* status.json and metrics at least this often */
#define LF_MONITOR_SYNC_EVERY_S 900    /* a beat with only the clocks new is fsynced this seldom */
#define LF_MONITOR_STALE_S 120         /* no heartbeat or frame for this long: unhealthy */
#define LF_MONITOR_SYNC_FAIL_S 86400   /* sync failing this long: unhealthy */
#define LF_MONITOR_DISK_FULL_BYTES 65536 /* the state folder's disk with less free: full */
#define LF_MONITOR_PLAY_DAYS 35        /* days of proof of play kept */
#define LF_MONITOR_PLAY_ITEMS 512      /* items counted per day, at most */
#define LF_MONITOR_PLAY_NAME "proof-of-play.json"
#define LF_MONITOR_PLAY_AGENDA "(agenda)" /* pages that list events, not one item */
#define LF_MONITOR_ID_BYTES 127
/* proof-of-play.json or status.json read back: larger is not ours
 * (35 days of 512 items' counts stay far below) */
#define LF_MONITOR_MAX_FILE_BYTES (8 * 1024 * 1024)

/* What the frame loop reports at each heartbeat. Strings may be NULL. */
struct lf_monitor_screen {
    bool display_on;
    time_t last_frame;             /* 0: none yet */
    const char *bundle_dir, *bundle_version, *bundle_id;
    long long bundle_serial;       /* 0: unsigned */
    time_t content_since;          /* installed (sync) or created; 0: unknown */
    const char *mode, *item_id, *lang;
    size_t position, count;
    int width, height;
    const char *content_error;     /* "" or NULL: content fine */
    const char *clock_problem;     /* "" or NULL: the wall clock is plausible; else
                                      "clock not set: ..." or "clock wrong: ...
                                      showing the server's time" (core/clock_floor.h) */
    const char *clock_source;      /* where the time shown comes from: "system", "server",
                                      "server_saved" or "none" (lf_clock_source_name);
                                      NULL: "system" */
    bool state_lock;               /* the kiosk holds the state folder's kiosk.lock
                                      (sync/handover.h): `litfass status` then checks
                                      that the file is there and this process's */
    time_t time_shown;             /* the time the screen shows (the content server's while
                                      the system clock is wrong, sync/clock_witness.h);
                                      0: the system clock's `now`. Ages are counted by it */
};

struct lf_monitor;

/* state_dir: where status.json and proof-of-play.json go; metrics_file ""
 * for none; name the screen's [monitor] name. Never fails. */
struct lf_monitor *lf_monitor_create(const char *state_dir, const char *metrics_file,
                                     const char *name);
/* Writes a last heartbeat with up 0 (a clean stop), then frees. */
void lf_monitor_destroy(struct lf_monitor *m);
/* Frees without that last heartbeat: the state folder is another
 * kiosk's now, whose heartbeat must stay. NULL ok. */
void lf_monitor_leave(struct lf_monitor *m);

/* A carousel slide with item_id (NULL: an agenda page) came on screen at
 * `now` (proof of play). This is the one count of slides shown: the
 * studio's fleet page gets it through lf_monitor_plays_today and the
 * reporter, never from a count of its own. */
void lf_monitor_slide_shown(struct lf_monitor *m, const char *item_id, time_t now);

/* The counts of the Europe/Berlin day of `now` so far ({"item": n}, a new
 * reference; {} before the first slide of the day), its date (YYYY-MM-DD)
 * in `date` (11 bytes). They include the counts of earlier runs of that
 * day (proof-of-play.json). */
json_t *lf_monitor_plays_today(const struct lf_monitor *m, time_t now, char *date);

/* Writes its keys of status.json's "screen", the metrics and proof of play when a
 * heartbeat is due at `now` (or `force`). Failures are logged once. */
void lf_monitor_heartbeat(struct lf_monitor *m, const struct lf_monitor_screen *s, time_t now,
                          bool force);

/* Seconds until the next heartbeat is due. */
int lf_monitor_due_in(const struct lf_monitor *m, time_t now);

/* For `litfass status`: reads state_dir/status.json and says whether the
 * screen is healthy at `now`; a report for a person goes to `out`. */
struct lf_health {
    bool healthy;
    char problems[1024];           /* "; "-separated, "" when healthy */
};
void lf_monitor_health(const char *state_dir, bool sync_configured, time_t now,
                       struct lf_health *out, char *report, size_t report_size);

#endif
