/* The studio's fleet: every kiosk that reports to it (docs/studio-api.md,
 * "Fleet").
 *
 * A kiosk is added with `litfass studio kiosk add NAME`, which prints a
 * random token once; DATA/kiosks.json keeps only its BLAKE2b hash. The
 * kiosk's reporter (monitor/reporter.h) POSTs its heartbeat and now and
 * then a small PNG screenshot with that token. The fleet keeps each
 * screen's last heartbeat, its newest screenshot (DATA/fleet/NAME.png)
 * and its slides shown per item and day (proof of play, the last
 * LF_FLEET_PLAY_DAYS days), all in DATA/fleet/state.json so a restart
 * of the studio forgets nothing.
 *
 * A screen is marked when nothing came from it for silent_seconds, when
 * it still shows an older serial stale_serial_seconds after a publish, or
 * when its last heartbeat says its clock is wrong: not set, or off by
 * clock_wrong_seconds or more (the kiosk's clock_source and
 * clock_offset_s); lf_fleet_check() returns the text of an alert e-mail
 * when a screen became marked (once per marking; a wrong clock once it
 * stayed wrong clock_grace_seconds), and when a finding it told of is over
 * (once: the screen reports again, shows the published serial, its clock
 * is right), saying since when and what the screen shows now. What was
 * told and since when is in state.json too: a restart tells nothing twice
 * and forgets no such e-mail owed.
 *
 * Thread-safe: the server's thread ingests and lists, the main thread
 * checks. */
#ifndef LF_STUDIO_FLEET_H
#define LF_STUDIO_FLEET_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "core/log.h"

#define LF_FLEET_KIOSKS_FILE "kiosks.json"
#define LF_FLEET_DIR "fleet"                     /* DATA/fleet/: screenshots, state.json */
#define LF_FLEET_MAX_KIOSKS 1000                 /* screens one studio watches */
#define LF_FLEET_MAX_NAME 64                     /* bytes of a screen name: A-Z a-z 0-9 . _ - */
#define LF_FLEET_TOKEN_BYTES 32                  /* random bytes of a kiosk token (64 hex) */
#define LF_FLEET_MAX_HEARTBEAT_BYTES (16 * 1024) /* one heartbeat's JSON */
#define LF_FLEET_MAX_TEXT 300                    /* bytes kept of a text field (an error) */
#define LF_FLEET_MAX_PLAYED_ITEMS 200            /* items counted in one heartbeat */
#define LF_FLEET_PLAY_DAYS 7                     /* days of proof of play kept */
#define LF_FLEET_MIN_HEARTBEAT_S 1               /* heartbeats closer together: 429 */
#define LF_FLEET_MAX_SCREENSHOT_BYTES (256 * 1024) /* one screenshot PNG */
#define LF_FLEET_MAX_SCREENSHOT_SIDE 1024        /* pixels, either side */
#define LF_FLEET_MIN_SCREENSHOT_S 60             /* screenshots closer together: 429 */
#define LF_FLEET_ERROR_BYTES 512

struct lf_fleet;

/* Reads DATA/kiosks.json and DATA/fleet/state.json (a damaged state is
 * logged and started afresh). NULL with err when kiosks.json is damaged. */
struct lf_fleet *lf_fleet_open(const char *data_dir, long silent_seconds,
                               long stale_serial_seconds, long clock_wrong_seconds,
                               long clock_grace_seconds, char *err,
                               size_t err_size) LF_MUST_CHECK;
void lf_fleet_close(struct lf_fleet *f);

/* `litfass studio kiosk add`: a new kiosk, its token (2*TOKEN_BYTES hex +
 * NUL) into token_out. false with err when the name is bad or taken. */
bool lf_fleet_add_kiosk(const char *data_dir, const char *name, char *token_out,
                        char *err, size_t err_size) LF_MUST_CHECK;
/* `litfass studio kiosk remove` */
bool lf_fleet_remove_kiosk(const char *data_dir, const char *name, char *err,
                           size_t err_size) LF_MUST_CHECK;
/* `litfass studio kiosk list`: [{"name", "added"}] */
json_t *lf_fleet_list_kiosks(const char *data_dir, char *err, size_t err_size);

/* The serial published last and when (the studio's publish). */
void lf_fleet_published(struct lf_fleet *f, long long serial, time_t at);

/* A heartbeat with the kiosk's bearer token. Returns the HTTP status:
 * 200, 400 (err says which field), 401 (unknown token), 429 (too soon). */
unsigned lf_fleet_heartbeat(struct lf_fleet *f, const char *token, const json_t *body,
                            const char *address, time_t now, char *err, size_t err_size);

/* A screenshot (PNG bytes): 200, 401, 413, 415/422 (no PNG, too many
 * pixels), 429. */
unsigned lf_fleet_screenshot(struct lf_fleet *f, const char *token, const void *png,
                             size_t len, time_t now, char *err, size_t err_size);

/* The newest screenshot of screen `name` (caller frees), NULL if none. */
unsigned char *lf_fleet_screenshot_of(struct lf_fleet *f, const char *name, size_t *len);

/* GET /api/fleet: {"published_serial", "published_at", "silent_seconds",
 * "stale_serial_seconds", "screens": [...]} (docs/studio-api.md). */
json_t *lf_fleet_json(struct lf_fleet *f, time_t now);

/* GET /metrics: Prometheus text (caller frees). */
char *lf_fleet_metrics(struct lf_fleet *f, time_t now);

/* Marks screens; when one became marked since the last check, or a
 * finding told of is over, returns the e-mail's subject and text (caller
 * frees both), else false. */
bool lf_fleet_check(struct lf_fleet *f, time_t now, char **subject, char **text);

#endif
