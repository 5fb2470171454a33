/* The kiosk's configuration: config/litfass.conf (or /etc/litfass/litfass.conf).
 *
 * INI style: `[section]`, `key = value`, comments start with `#` or `;`
 * (whole lines only, so a value may contain them). Every key is one row in
 * a table in config.c with its type, range, default and a one-line
 * description; config/litfass.conf documents the same keys next to their
 * defaults (redis.conf style).
 *
 * Errors an administrator must fix go to struct lf_diags as
 * "litfass.conf:12:17: carousel.slide_seconds: must be between 3 and 120".
 * A key with a bad value keeps its previous value (the default after
 * lf_config_defaults()); unknown sections and keys are warnings.
 *
 * Plain data, no allocation: the struct owns nothing. Pure C (no SDL).
 * Any thread, one at a time. */
#ifndef LF_APP_CONFIG_H
#define LF_APP_CONFIG_H

#include <stdbool.h>
#include <stdio.h>

#include "core/diag.h"
#include "core/limits.h"
#include "core/log.h"
#include "sync/sync.h"

/* Where `litfass` looks when no --config is given, in this order. */
#define LF_CONFIG_LOCAL_PATH  "config/litfass.conf"
#define LF_CONFIG_SYSTEM_PATH "/etc/litfass/litfass.conf"

#define LF_CONFIG_ORGANISATION_BYTES 255
#define LF_CONFIG_ON_HOURS_BYTES 511
#define LF_CONFIG_CLOSED_DATES_BYTES 1535
#define LF_CONFIG_DEVICE_BYTES 255
#define LF_CONFIG_KEY_BASE64 44 /* one public key in [sync] trusted_keys */
#define LF_CONFIG_LISTEN_BYTES 64 /* [studio] listen: "[address]:port" */

struct lf_config {
    char content_dir[LF_MAX_PATH_BYTES + 1]; /* [content] dir; default "assets/content" */
    char lang[LF_MAX_LANG_TAG + 1];          /* [display] language; "" = the bundle's default */
    int slide_seconds;                       /* [carousel] slide_seconds; 10, 3..120 */
    int transition_ms;                       /* [carousel] transition_ms; 600, 0..3000 */
    int idle_seconds;                        /* [touch] idle_seconds, back to the carousel; 60, 10..3600 */
    bool windowed;                           /* [display] windowed; false = full screen */
    int width, height;                       /* [display] width/height when windowed; 1280x720,
                                                LF_MIN_SCREEN_SIDE..LF_MAX_SCREEN_SIDE */
    char organisation[LF_CONFIG_ORGANISATION_BYTES + 1]; /* [display] organisation; "" = the bundle's */
    int log_level;                           /* [log] level; enum lf_log_level, default LF_LOG_INFO */
    int theme;                               /* [display] theme; enum lf_theme_id, standard */
    bool large_text;                         /* [display] large_text; false */
    int dpi;                                 /* [display] dpi; 0: assumed (touch sizes) */
    int renderer;                            /* [display] renderer; enum lf_renderer_setting, auto */
    bool rotate_languages;                   /* [carousel] rotate_languages; false */
    int max_events;                          /* [carousel] max_events: event slides a round,
                                                nearest first; LF_CAROUSEL_MAX_EVENTS, 0 = all */
    bool touch;                              /* [touch] enabled; true = buttons on screen */

    /* [speech] (src/speech/): reading aloud */
    bool speech;                             /* enabled; true = the read-aloud button */
    int speech_rate;                         /* rate, words a minute; 150, 80..450 */
    int speech_slow_rate;                    /* slow_rate: a visitor's "slower"; 110, 80..450 */
    int speech_volume;                       /* volume, percent; 100, 0..200 */
    char speech_device[LF_CONFIG_DEVICE_BYTES + 1]; /* device: SDL audio device; "" = default */

    /* [sync] (src/sync/): pulling bundles from a web server */
    char sync_url[LF_MAX_URL_BYTES + 1];     /* url; "" = no sync; http(s)://.../content.json */
    int poll_seconds;                        /* poll_seconds; 300, 30..86400 */
    char cache_dir[LF_MAX_PATH_BYTES + 1];   /* cache_dir; "/var/lib/litfass" */
    char ca_file[LF_MAX_PATH_BYTES + 1];     /* ca_file; "" = the system's CAs */
    bool allow_http;                         /* allow_http; false = https only */
    int max_asset_bytes;                     /* max_asset_bytes; 8 MiB, 1..LF_MAX_IMAGE_BYTES */
    int connect_timeout_s;                   /* connect_timeout_seconds; 10, 1..300 */
    int transfer_timeout_s;                  /* transfer_timeout_seconds; 300, 1..3600 */
    int low_speed_bytes;                     /* low_speed_bytes (per second); 512, 1..1048576 */
    int low_speed_s;                         /* low_speed_seconds; 30, 1..3600 */
    int stale_hours;                         /* stale_hours; 48, 1..8760 */
    /* trusted_keys: space-separated base64 Ed25519 public keys (content/signature.h),
       at most LF_MAX_TRUSTED_KEYS; a synced bundle must be signed by one of them */
    char trusted_keys[LF_MAX_TRUSTED_KEYS * (LF_CONFIG_KEY_BASE64 + 1) + 1];

    /* [studio] (src/studio/): the browser editor, `litfass studio` */
    char studio_listen[LF_CONFIG_LISTEN_BYTES + 1]; /* listen; "127.0.0.1:8470" */
    int studio_session_seconds;              /* session_seconds, idle logout; 3600, 3..86400 */
    bool studio_allow_plain_remote;          /* allow_plain_http_remote; false */
    char studio_tls_cert[LF_MAX_PATH_BYTES + 1]; /* tls_cert; "" = no TLS */
    char studio_tls_key[LF_MAX_PATH_BYTES + 1];  /* tls_key */
    /* [publish]: where the studio signs and delivers bundles */
    char publish_key[LF_MAX_PATH_BYTES + 1];     /* key: secret signing key file */
    char publish_dir[LF_MAX_PATH_BYTES + 1];     /* dir: local web folder, "" = none */
    char publish_url[LF_MAX_URL_BYTES + 1];      /* url: sftp:// or https:// folder, "" = none */
    char publish_user[LF_CONFIG_ORGANISATION_BYTES + 1]; /* user for url */
    char publish_password_file[LF_MAX_PATH_BYTES + 1];  /* password_file for url */
    char publish_ssh_key[LF_MAX_PATH_BYTES + 1];        /* ssh_key for sftp:// */
    char publish_known_hosts[LF_MAX_PATH_BYTES + 1];    /* known_hosts for sftp:// */
    char publish_ca_file[LF_MAX_PATH_BYTES + 1];        /* ca_file for https:// */
    int publish_valid_days;                  /* valid_days; 30, 1..LF_MAX_VALID_DAYS */
    bool publish_require_approval;           /* require_approval; false */
    /* [power] (src/system/power_schedule.h): the screen off outside opening hours */
    char power_on_hours[LF_CONFIG_ON_HOURS_BYTES + 1];      /* on_hours; "" = always on */
    int power_holidays;                      /* holidays; enum lf_holidays, none */
    char power_closed_dates[LF_CONFIG_CLOSED_DATES_BYTES + 1]; /* closed_dates; "" */
    int power_wake_minutes;                  /* wake_minutes; 10, 1..240 */
    bool power_dpms;                         /* dpms; true */
    char power_cec_device[LF_MAX_PATH_BYTES + 1]; /* cec_device; "" = no CEC */
    /* [clock] (core/clock_floor.h): which time the kiosk shows */
    bool clock_trust_ntp;                    /* trust_ntp; true: a clock the kernel marks
                                                synchronised is believed as it is */
    /* [monitor] */
    char monitor_name[LF_LOG_NAME_BYTES + 1]; /* name; "" */
    char monitor_metrics_file[LF_MAX_PATH_BYTES + 1]; /* metrics_file; "" = none */

    /* [monitor] reporting to a studio (src/monitor/reporter.h) */
    char monitor_report_url[LF_MAX_URL_BYTES + 1];        /* report_url: the studio's base address, "" = off */
    char monitor_report_token_file[LF_MAX_PATH_BYTES + 1]; /* report_token_file: the kiosk's token */
    int monitor_report_seconds;              /* report_seconds; 60, 2..3600 */
    int monitor_screenshot_seconds;          /* screenshot_seconds; 300, 60..86400, 0 = none */
    bool monitor_report_allow_http;          /* report_allow_http; false */
    /* [fleet]: the studio watches its kiosks (src/studio/fleet.h) */
    int fleet_silent_seconds;                /* silent_seconds; 600, 3..604800 */
    int fleet_stale_serial_seconds;          /* stale_serial_seconds; 3600, 3..604800 */
    int fleet_clock_wrong_seconds;           /* clock_wrong_seconds; 300, 300..31622400 */
    int fleet_clock_grace_seconds;           /* clock_grace_seconds; 300, 0..86400 */
    char fleet_alert_to[LF_CONFIG_ORGANISATION_BYTES + 1]; /* alert_to: e-mail address, "" = none */
    char fleet_smtp_url[LF_MAX_URL_BYTES + 1];           /* smtp_url: smtp(s)://host:port */
    char fleet_smtp_from[LF_CONFIG_ORGANISATION_BYTES + 1]; /* smtp_from */
    char fleet_smtp_user[LF_CONFIG_ORGANISATION_BYTES + 1]; /* smtp_user, "" = no login */
    char fleet_smtp_password_file[LF_MAX_PATH_BYTES + 1];   /* smtp_password_file */
    /* not a key: `litfass run --clock-offset SECONDS` (0 without it): the kiosk
       runs as if the system clock were this far off (app/kiosk.c adds it to the
       system clock); the machine's clock is untouched */
    long long clock_offset_s;
    /* not a key: the file lf_config_load() read last ("" = defaults only),
       for the start-up log and SIGHUP's reload */
    char path[LF_MAX_PATH_BYTES + 1];
};

/* Fills every field with its default from the table. Never fails. */
void lf_config_defaults(struct lf_config *c);

/* Reads `path` over the current values of `c` (call lf_config_defaults()
 * first). Every problem goes to `diags` with `path` as the file name.
 * Returns false when there was any error (missing or unreadable file,
 * file larger than LF_MAX_CONFIG_BYTES, line longer than
 * LF_MAX_CONFIG_LINE, syntax error, bad value); the keys that were read
 * correctly are still set. Warnings alone return true. */
bool lf_config_load(struct lf_config *c, const char *path, struct lf_diags *diags) LF_MUST_CHECK;

/* Sets one key, named "section.key" (e.g. "display.language"), from its
 * text, with the same checks as a line of the file: the command line goes
 * through here too. `origin` stands for the file name in diagnostics
 * (e.g. "--lang"). False, with an error in `diags` and the field
 * unchanged, for an unknown key or a bad value. */
bool lf_config_set(struct lf_config *c, const char *key, const char *value, const char *origin,
                   struct lf_diags *diags) LF_MUST_CHECK;

/* Checks that go across keys: a sync URL needs trusted_keys (downloaded
 * bundles are always signed). Errors go to `diags` with `origin` as the
 * file name; lf_config_load() runs it at the end, and whoever sets keys
 * afterwards (command-line options) runs it again. */
bool lf_config_check(const struct lf_config *c, const char *origin, struct lf_diags *diags)
    LF_MUST_CHECK;

/* The [sync] keys as the sync module takes them (sync/sync.h). */
void lf_config_sync_settings(const struct lf_config *c, struct lf_sync_settings *out);

/* Writes the documented table (section.key, type, range, default,
 * description), for --help and the docs. */
void lf_config_print_keys(FILE *out);

#endif
