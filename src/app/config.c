/* The config table and the INI reader. One row per key (redis config.c
 * style): adding a key means adding a row here, a field in config.h and a
 * documented line in config/litfass.conf. */
#include "app/config.h"

#include "system/power_schedule.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "content/signature.h"
#include "core/small_file.h"
#include "core/xalloc.h"
#include "schedule/schedule.h"

enum config_type {
    CONFIG_INT,
    CONFIG_BOOL,
    CONFIG_STRING,
    CONFIG_ENUM,
};

/* A string key may add a check on the value; returns the problem or NULL. */
typedef const char *(*config_check_fn)(const char *value);

struct config_key {
    const char *section;
    const char *name;
    enum config_type type;
    size_t offset;               /* of the field in struct lf_config */
    size_t size;                 /* CONFIG_STRING: capacity of the char array */
    int min, max;                /* CONFIG_INT */
    int default_int;             /* CONFIG_INT, CONFIG_BOOL, CONFIG_ENUM (index) */
    const char *default_string;  /* CONFIG_STRING */
    const char *const *choices;  /* CONFIG_ENUM: NULL-terminated, index = value */
    config_check_fn check;       /* CONFIG_STRING, optional */
    const char *description;
};

static const char *const log_level_names[] = {"error", "warn", "info", "debug", NULL};
/* the order of enum lf_theme_id (layout/theme.h) */
static const char *const theme_names[] = {"standard", "high-contrast", NULL};
/* the order of enum lf_holidays (system/power_schedule.h) */
static const char *const holiday_names[] = {"none", "nrw", NULL};
/* the order of enum lf_renderer_setting (render/renderer_choice.h) */
static const char *const renderer_names[] = {"auto", "software", "gpu", NULL};

static const char *check_not_empty(const char *value)
{
    return value[0] ? NULL : "must not be empty";
}

/* A BCP 47 tag as far as the kiosk cares: letters, digits and '-'. */
static const char *check_lang_tag(const char *value)
{
    for (const char *p = value; *p; p++) {
        if (!isalnum((unsigned char)*p) && *p != '-')
            return "not a language tag (letters, digits and '-', e.g. \"de\", \"ar\", \"de-x-ls\")";
    }
    if (value[0] == '-')
        return "not a language tag (letters, digits and '-', e.g. \"de\", \"ar\", \"de-x-ls\")";
    return NULL;
}

/* "" (no sync) or an http:// or https:// address. Whether http is
 * allowed is sync.allow_http's business, checked when syncing. */
static const char *check_sync_url(const char *value)
{
    if (!value[0] || strncasecmp(value, "https://", 8) == 0 ||
        strncasecmp(value, "http://", 7) == 0)
        return NULL;
    return "must start with https:// (or be empty: no sync)";
}

_Static_assert(LF_CONFIG_KEY_BASE64 == LF_PUBLIC_KEY_BASE64, "one key's length in the config");

/* "" or public keys as `litfass keygen` prints them. */
static const char *check_trusted_keys(const char *value)
{
    struct lf_keyring ring;
    char err[LF_SIGN_ERROR_BYTES];
    if (lf_keyring_parse(value, &ring, err, sizeof(err)))
        return NULL;
    return "not a list of public keys (each 44 characters of base64 as `litfass keygen` "
           "prints it, separated by spaces, at most 8)";
}

#define FIELD(f) offsetof(struct lf_config, f)
#define STRING_KEY(sec, key, field, def, chk, desc)                                         \
    {.section = sec, .name = key, .type = CONFIG_STRING, .offset = FIELD(field),             \
     .size = sizeof(((struct lf_config *)0)->field), .default_string = def, .check = chk,    \
     .description = desc}
#define INT_KEY(sec, key, field, def, lo, hi, desc)                                          \
    {.section = sec, .name = key, .type = CONFIG_INT, .offset = FIELD(field), .min = lo,      \
     .max = hi, .default_int = def, .description = desc}
#define BOOL_KEY(sec, key, field, def, desc)                                                 \
    {.section = sec, .name = key, .type = CONFIG_BOOL, .offset = FIELD(field),               \
     .default_int = def, .description = desc}
#define ENUM_KEY(sec, key, field, def, names, desc)                                          \
    {.section = sec, .name = key, .type = CONFIG_ENUM, .offset = FIELD(field),               \
     .default_int = def, .choices = names, .description = desc}

static const struct config_key config_keys[] = {
    STRING_KEY("content", "dir", content_dir, "assets/content", check_not_empty,
               "folder of the content bundle (content.json and its images)"),
    STRING_KEY("display", "language", lang, "", check_lang_tag,
               "carousel language as a BCP 47 tag; empty: the bundle's default"),
    BOOL_KEY("display", "windowed", windowed, false,
             "open a window instead of going full screen (for testing)"),
    INT_KEY("display", "width", width, 1280, LF_MIN_SCREEN_SIDE, LF_MAX_SCREEN_SIDE,
            "window width in pixels when windowed"),
    INT_KEY("display", "height", height, 720, LF_MIN_SCREEN_SIDE, LF_MAX_SCREEN_SIDE,
            "window height in pixels when windowed"),
    STRING_KEY("display", "organisation", organisation, "", NULL,
               "name in the header; empty: the bundle's organisation"),
    ENUM_KEY("display", "theme", theme, 0, theme_names,
             "colours: standard or high-contrast (visitors can switch on screen)"),
    BOOL_KEY("display", "large_text", large_text, false,
             "set all text larger (visitors can switch on screen)"),
    INT_KEY("display", "dpi", dpi, 0, 0, LF_MAX_CONFIG_DPI,
            "the screen's pixels per inch, so buttons are 9 mm to a finger; 0: the display's own "
            "when it reports a believable one, else 96"),
    ENUM_KEY("display", "renderer", renderer, 0, renderer_names,
             "auto: the GPU when its OpenGL driver is hardware, else software; or software, gpu"),
    INT_KEY("carousel", "slide_seconds", slide_seconds, 10, 3, 120,
            "base time a slide stays, in seconds (longer texts get more)"),
    INT_KEY("carousel", "transition_ms", transition_ms, 600, 0, 3000,
            "slide-in between slides in milliseconds; 0: cut"),
    BOOL_KEY("carousel", "rotate_languages", rotate_languages, false,
             "after each round show the next language of the bundle"),
    INT_KEY("carousel", "max_events", max_events, LF_CAROUSEL_MAX_EVENTS, 0, LF_MAX_ITEMS,
            "event slides a round, the nearest first (and the agenda pages naming them); 0: all"),
    BOOL_KEY("touch", "enabled", touch, true,
             "buttons on screen; false for a screen nobody can touch"),
    INT_KEY("touch", "idle_seconds", idle_seconds, 60, 10, 3600,
            "seconds without a touch before the carousel resumes"),
    ENUM_KEY("log", "level", log_level, LF_LOG_INFO, log_level_names,
             "messages on stderr up to this level: error, warn, info or debug"),
    BOOL_KEY("speech", "enabled", speech, true,
             "a read-aloud button on screen (and the reading keys)"),
    INT_KEY("speech", "rate", speech_rate, 150, 80, 450,
            "speaking rate in words a minute"),
    INT_KEY("speech", "slow_rate", speech_slow_rate, 110, 80, 450,
            "rate when a visitor chooses slower speech"),
    INT_KEY("speech", "volume", speech_volume, 100, 0, 200,
            "loudness of the voice in percent (100: the voice's own)"),
    STRING_KEY("speech", "device", speech_device, "", NULL,
               "sound output by SDL's name for it; empty: the system's default"),
    STRING_KEY("sync", "url", sync_url, "", check_sync_url,
               "address of the published content.json; empty: no sync"),
    INT_KEY("sync", "poll_seconds", poll_seconds, 300, 30, 86400,
            "seconds between two looks for new content (+-10% jitter)"),
    STRING_KEY("sync", "cache_dir", cache_dir, "/var/lib/litfass", check_not_empty,
               "folder where downloaded bundles, state and status are kept"),
    STRING_KEY("sync", "ca_file", ca_file, "", NULL,
               "PEM file of CA certificates to trust; empty: the system's"),
    BOOL_KEY("sync", "allow_http", allow_http, false,
             "also allow plain http:// (only on a trusted network)"),
    INT_KEY("sync", "max_asset_bytes", max_asset_bytes, 8 * 1024 * 1024, 1, LF_MAX_IMAGE_BYTES,
            "largest image file downloaded, in bytes"),
    INT_KEY("sync", "connect_timeout_seconds", connect_timeout_s, 10, 1, 300,
            "give up connecting to the server after this many seconds"),
    INT_KEY("sync", "transfer_timeout_seconds", transfer_timeout_s, 300, 1, 3600,
            "give up one download after this many seconds"),
    INT_KEY("sync", "low_speed_bytes", low_speed_bytes, 512, 1, 1048576,
            "a download slower than this many bytes per second ..."),
    INT_KEY("sync", "low_speed_seconds", low_speed_s, 30, 1, 3600,
            "... for this many seconds is given up"),
    INT_KEY("sync", "stale_hours", stale_hours, 48, 1, 8760,
            "content older than this shows when it was last updated"),
    STRING_KEY("sync", "trusted_keys", trusted_keys, "", check_trusted_keys,
               "public keys whose signature a downloaded bundle must carry"),
    STRING_KEY("power", "on_hours", power_on_hours, "", lf_power_check_on_hours,
               "when the screen is on, e.g. \"mo-fr 07:30-18:00; sa 09:00-13:00\"; empty: always"),
    ENUM_KEY("power", "holidays", power_holidays, LF_HOLIDAYS_NONE, holiday_names,
             "public holidays with the screen off all day: none or nrw"),
    STRING_KEY("power", "closed_dates", power_closed_dates, "", lf_power_check_closed_dates,
               "more days off: YYYY-MM-DD or YYYY-MM-DD..YYYY-MM-DD, separated by spaces"),
    INT_KEY("power", "wake_minutes", power_wake_minutes, 10, 1, 240,
            "a touch while the screen is off turns it on for this many minutes"),
    BOOL_KEY("power", "dpms", power_dpms, true,
             "put the monitor to sleep while off (X11 DPMS, DRM connector DPMS)"),
    STRING_KEY("power", "cec_device", power_cec_device, "", NULL,
               "HDMI-CEC device of a TV to put to standby and wake, e.g. /dev/cec0; empty: none"),
    BOOL_KEY("clock", "trust_ntp", clock_trust_ntp, true,
             "believe the system clock when the kernel marks it synchronised (NTP); no: "
             "judge it by the content server's Date and the floors alone"),
    STRING_KEY("monitor", "name", monitor_name, "", NULL,
               "this screen's name in logs, status and the HTTP User-Agent"),
    STRING_KEY("monitor", "metrics_file", monitor_metrics_file, "", NULL,
               "Prometheus textfile for node_exporter, e.g. /var/lib/prometheus/node-exporter/litfass.prom"),
    STRING_KEY("studio", "listen", studio_listen, "127.0.0.1:8470", check_not_empty,
               "address and port the studio serves on (`litfass studio`)"),
    INT_KEY("studio", "session_seconds", studio_session_seconds, 3600, 3, 86400,
            "a studio login ends after this many seconds without a request"),
    BOOL_KEY("studio", "allow_plain_http_remote", studio_allow_plain_remote, false,
             "serve other machines without TLS (only behind a TLS proxy)"),
    STRING_KEY("studio", "tls_cert", studio_tls_cert, "", NULL,
               "PEM certificate (chain) for HTTPS; empty: plain HTTP"),
    STRING_KEY("studio", "tls_key", studio_tls_key, "", NULL,
               "PEM private key of tls_cert (readable by the studio's user only)"),
    STRING_KEY("publish", "key", publish_key, "", NULL,
               "secret key file (`litfass keygen`) the studio signs with"),
    STRING_KEY("publish", "dir", publish_dir, "", NULL,
               "local folder the web server serves to kiosks; empty: none"),
    STRING_KEY("publish", "url", publish_url, "", NULL,
               "remote folder: sftp://host/path/ or https://host/dav/path/; empty: none"),
    STRING_KEY("publish", "user", publish_user, "", NULL, "user name at url"),
    STRING_KEY("publish", "password_file", publish_password_file, "", NULL,
               "file whose first line is the password at url (mode 600)"),
    STRING_KEY("publish", "ssh_key", publish_ssh_key, "", NULL,
               "private key file for sftp://"),
    STRING_KEY("publish", "known_hosts", publish_known_hosts, "", NULL,
               "known_hosts file with the SFTP server's host key"),
    STRING_KEY("publish", "ca_file", publish_ca_file, "", NULL,
               "PEM CA certificates for an https:// url; empty: the system's"),
    INT_KEY("publish", "valid_days", publish_valid_days, 30, 1, LF_MAX_VALID_DAYS,
            "kiosks install a published bundle for this many days"),
    BOOL_KEY("publish", "require_approval", publish_require_approval, false,
             "an editor's changes wait for a publisher's approval"),
    STRING_KEY("monitor", "report_url", monitor_report_url, "", NULL,
               "the studio this kiosk reports to (heartbeat, screenshot); empty: none"),
    STRING_KEY("monitor", "report_token_file", monitor_report_token_file, "", NULL,
               "file holding this kiosk's token (`litfass studio kiosk add NAME`, mode 600)"),
    INT_KEY("monitor", "report_seconds", monitor_report_seconds, 60, 2, 3600,
            "a heartbeat to the studio every this many seconds"),
    INT_KEY("monitor", "screenshot_seconds", monitor_screenshot_seconds, 300, 0, 86400,
            "a small screenshot to the studio at most this often (0: never; at least 60)"),
    BOOL_KEY("monitor", "report_allow_http", monitor_report_allow_http, false,
             "also report to an http:// studio (only on 127.0.0.1 or behind a VPN)"),
    INT_KEY("fleet", "silent_seconds", fleet_silent_seconds, 600, 3, 604800,
            "the studio marks a screen silent after this long without a heartbeat"),
    INT_KEY("fleet", "stale_serial_seconds", fleet_stale_serial_seconds, 3600, 3, 604800,
            "... or still on an older serial this long after a publish"),
    INT_KEY("fleet", "clock_wrong_seconds", fleet_clock_wrong_seconds, 300, 300, 31622400,
            "... or its clock is off by this many seconds or more (or not set)"),
    INT_KEY("fleet", "clock_grace_seconds", fleet_clock_grace_seconds, 300, 0, 86400,
            "... for this long: an e-mail only then (after a boot the clock waits for NTP)"),
    STRING_KEY("fleet", "alert_to", fleet_alert_to, "", NULL,
               "e-mail address told when a screen is marked; empty: nobody"),
    STRING_KEY("fleet", "smtp_url", fleet_smtp_url, "", NULL,
               "mail server, smtp://host:587 (STARTTLS when offered) or smtps://host:465"),
    STRING_KEY("fleet", "smtp_from", fleet_smtp_from, "litfass@localhost", NULL,
               "sender address of alerts"),
    STRING_KEY("fleet", "smtp_user", fleet_smtp_user, "", NULL, "login at smtp_url; empty: none"),
    STRING_KEY("fleet", "smtp_password_file", fleet_smtp_password_file, "", NULL,
               "file whose first line is the password at smtp_url (mode 600)"),
};

#define N_KEYS (sizeof(config_keys) / sizeof(config_keys[0]))

static bool is_known_section(const char *name)
{
    for (size_t i = 0; i < N_KEYS; i++) {
        if (strcmp(config_keys[i].section, name) == 0)
            return true;
    }
    return false;
}

static const struct config_key *find_key(const char *section, const char *name)
{
    for (size_t i = 0; i < N_KEYS; i++) {
        if (strcmp(config_keys[i].section, section) == 0 && strcmp(config_keys[i].name, name) == 0)
            return &config_keys[i];
    }
    return NULL;
}

static void set_default(struct lf_config *c, const struct config_key *k)
{
    char *field = (char *)c + k->offset;
    switch (k->type) {
    case CONFIG_INT:
    case CONFIG_ENUM:
        *(int *)(void *)field = k->default_int;
        break;
    case CONFIG_BOOL:
        *(bool *)(void *)field = k->default_int != 0;
        break;
    case CONFIG_STRING:
        snprintf(field, k->size, "%s", k->default_string);
        break;
    }
}

void lf_config_defaults(struct lf_config *c)
{
    memset(c, 0, sizeof(*c));
    for (size_t i = 0; i < N_KEYS; i++)
        set_default(c, &config_keys[i]);
}

static bool parse_int(const char *s, long *out)
{
    if (!s[0] || isspace((unsigned char)s[0]))
        return false;
    errno = 0;
    char *end;
    long v = strtol(s, &end, 10);
    if (errno != 0 || *end != '\0')
        return false;
    *out = v;
    return true;
}

static bool parse_bool(const char *s, bool *out)
{
    static const char *const yes[] = {"yes", "true", "on", "1"};
    static const char *const no[] = {"no", "false", "off", "0"};
    for (size_t i = 0; i < sizeof(yes) / sizeof(yes[0]); i++) {
        if (strcasecmp(s, yes[i]) == 0) {
            *out = true;
            return true;
        }
        if (strcasecmp(s, no[i]) == 0) {
            *out = false;
            return true;
        }
    }
    return false;
}

/* Where one line sits, for diagnostics. */
struct config_place {
    struct lf_diags *diags;
    const char *file;
    int line;
};

/* Stores `value` into the field of `k`. On a bad value adds an error at
 * `column` and leaves the field as it was. */
static bool apply_value(struct lf_config *c, const struct config_key *k, const char *value,
                        const struct config_place *at, int column)
{
    char path[128];
    snprintf(path, sizeof(path), "%s.%s", k->section, k->name);
    char *field = (char *)c + k->offset;

    switch (k->type) {
    case CONFIG_INT: {
        long v;
        if (!parse_int(value, &v)) {
            lf_diags_add(at->diags, LF_DIAG_ERROR, at->file, at->line, column, path,
                         "not a whole number: \"%s\"", value);
            return false;
        }
        if (v < k->min || v > k->max) {
            lf_diags_add(at->diags, LF_DIAG_ERROR, at->file, at->line, column, path,
                         "must be between %d and %d", k->min, k->max);
            return false;
        }
        *(int *)(void *)field = (int)v;
        return true;
    }
    case CONFIG_BOOL: {
        bool v;
        if (!parse_bool(value, &v)) {
            lf_diags_add(at->diags, LF_DIAG_ERROR, at->file, at->line, column, path,
                         "must be yes/no, true/false, on/off or 1/0, not \"%s\"", value);
            return false;
        }
        *(bool *)(void *)field = v;
        return true;
    }
    case CONFIG_ENUM:
        for (int i = 0; k->choices[i]; i++) {
            if (strcasecmp(value, k->choices[i]) == 0) {
                *(int *)(void *)field = i;
                return true;
            }
        }
        {
            char list[256] = "";
            size_t used = 0;
            for (int i = 0; k->choices[i] && used < sizeof(list); i++) {
                int n = snprintf(list + used, sizeof(list) - used, "%s%s", i ? ", " : "",
                                 k->choices[i]);
                if (n < 0)
                    break;
                used += (size_t)n;
            }
            lf_diags_add(at->diags, LF_DIAG_ERROR, at->file, at->line, column, path,
                         "must be one of %s, not \"%s\"", list, value);
        }
        return false;
    case CONFIG_STRING: {
        size_t len = strlen(value);
        if (len >= k->size) {
            lf_diags_add(at->diags, LF_DIAG_ERROR, at->file, at->line, column, path,
                         "longer than %zu bytes", k->size - 1);
            return false;
        }
        for (size_t i = 0; i < len; i++) {
            if ((unsigned char)value[i] < 0x20 || value[i] == 0x7f) {
                lf_diags_add(at->diags, LF_DIAG_ERROR, at->file, at->line, column, path,
                             "contains a control character");
                return false;
            }
        }
        const char *problem = k->check ? k->check(value) : NULL;
        if (problem) {
            lf_diags_add(at->diags, LF_DIAG_ERROR, at->file, at->line, column, path, "%s",
                         problem);
            return false;
        }
        memcpy(field, value, len + 1);
        return true;
    }
    }
    return false;
}

static bool is_name_char(char ch)
{
    return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
           ch == '_' || ch == '-';
}

/* Parser state across lines. */
struct config_reader {
    struct lf_config *config;
    struct config_place at;
    char section[64];
    bool in_section;          /* a [section] line was seen */
    bool section_known;       /* ... and it is one of ours */
    bool seen[N_KEYS];        /* key set already (for the "set twice" warning) */
    bool ok;
};

static void error_at(struct config_reader *r, int column, const char *path, const char *msg)
{
    lf_diags_add(r->at.diags, LF_DIAG_ERROR, r->at.file, r->at.line, column, path, "%s", msg);
    r->ok = false;
}

/* `line` is NUL-terminated, without its line break, and writable. */
static void read_line(struct config_reader *r, char *line)
{
    char *p = line;
    while (*p == ' ' || *p == '\t')
        p++;
    if (*p == '\0' || *p == '#' || *p == ';')
        return;
    char *end = p + strlen(p);
    while (end > p && (end[-1] == ' ' || end[-1] == '\t'))
        *--end = '\0';

    if (*p == '[') {
        char *close = strchr(p, ']');
        if (!close || close[1] != '\0') {
            error_at(r, (int)(p - line) + 1, "", "a section line looks like \"[carousel]\"");
            r->in_section = true;
            r->section_known = false;
            r->section[0] = '\0';
            return;
        }
        char *name = p + 1;
        while (*name == ' ' || *name == '\t')
            name++;
        char *name_end = close;
        while (name_end > name && (name_end[-1] == ' ' || name_end[-1] == '\t'))
            name_end--;
        *name_end = '\0';
        r->in_section = true;
        snprintf(r->section, sizeof(r->section), "%.63s", name);
        r->section_known = is_known_section(name);
        if (!r->section_known) {
            lf_diags_add(r->at.diags, LF_DIAG_WARNING, r->at.file, r->at.line,
                         (int)(name - line) + 1, name,
                         "unknown section; its keys are ignored");
        }
        return;
    }

    char *eq = strchr(p, '=');
    if (!eq) {
        error_at(r, (int)(p - line) + 1, "", "expected \"key = value\"");
        return;
    }
    char *key_end = eq;
    while (key_end > p && (key_end[-1] == ' ' || key_end[-1] == '\t'))
        key_end--;
    *key_end = '\0';
    char *value = eq + 1;
    while (*value == ' ' || *value == '\t')
        value++;
    int key_column = (int)(p - line) + 1;
    int value_column = (int)(value - line) + 1;

    for (const char *k = p; *k; k++) {
        if (!is_name_char(*k)) {
            error_at(r, key_column, "", "expected \"key = value\"");
            return;
        }
    }
    if (p[0] == '\0') {
        error_at(r, key_column, "", "a key name is missing before '='");
        return;
    }
    if (!r->in_section) {
        error_at(r, key_column, p, "key outside a section; put it under e.g. [carousel]");
        return;
    }
    if (!r->section_known)
        return; /* already warned about the section */

    char path[160];
    snprintf(path, sizeof(path), "%.63s.%.80s", r->section, p);
    const struct config_key *k = find_key(r->section, p);
    if (!k) {
        lf_diags_add(r->at.diags, LF_DIAG_WARNING, r->at.file, r->at.line, key_column, path,
                     "unknown key; ignored");
        return;
    }

    /* A value in double quotes keeps its spaces and may be empty. */
    size_t vlen = strlen(value);
    if (vlen >= 1 && value[0] == '"') {
        if (vlen < 2 || value[vlen - 1] != '"') {
            error_at(r, value_column, path, "a quoted value needs its closing '\"'");
            return;
        }
        value[vlen - 1] = '\0';
        value++;
        if (strchr(value, '"')) {
            error_at(r, value_column, path, "a quoted value cannot contain '\"'");
            return;
        }
    }

    size_t index = (size_t)(k - config_keys);
    if (r->seen[index]) {
        lf_diags_add(r->at.diags, LF_DIAG_WARNING, r->at.file, r->at.line, key_column, path,
                     "set more than once; the last value counts");
    }
    r->seen[index] = true;
    if (!apply_value(r->config, k, value, &r->at, value_column))
        r->ok = false;
}

/* Reads the whole file into a new buffer (caller frees), at most
 * LF_MAX_CONFIG_BYTES. On failure adds the error to diags. A FIFO given as
 * the config file must not hang the kiosk in open(): it, a folder or a
 * device is refused as not a file. */
static bool read_file(const char *path, struct lf_diags *diags, char **out, size_t *out_len)
{
    struct stat st;
    switch (lf_read_small_file(path, LF_MAX_CONFIG_BYTES, out, out_len, &st)) {
    case LF_SMALL_FILE_OK:
        return true;
    case LF_SMALL_FILE_CANNOT_OPEN:
        lf_diags_add(diags, LF_DIAG_ERROR, path, 0, 0, "", "cannot open the config file: %s",
                     strerror(errno));
        return false;
    case LF_SMALL_FILE_CANNOT_READ:
        lf_diags_add(diags, LF_DIAG_ERROR, path, 0, 0, "", "cannot read the config file: %s",
                     strerror(errno));
        return false;
    case LF_SMALL_FILE_NOT_REGULAR:
        lf_diags_add(diags, LF_DIAG_ERROR, path, 0, 0, "", "the config file is not a file (%s)",
                     S_ISDIR(st.st_mode) ? "a folder" : "a pipe, socket or device");
        return false;
    case LF_SMALL_FILE_TOO_LARGE:
        lf_diags_add(diags, LF_DIAG_ERROR, path, 0, 0, "", "config file larger than %d bytes",
                     LF_MAX_CONFIG_BYTES);
        return false;
    }
    return false;
}

bool lf_config_load(struct lf_config *c, const char *path, struct lf_diags *diags)
{
    char *text = NULL;
    size_t len = 0;
    snprintf(c->path, sizeof(c->path), "%s", path);
    if (!read_file(path, diags, &text, &len))
        return false;

    struct config_reader r = {
        .config = c,
        .at = {.diags = diags, .file = path, .line = 0},
        .ok = true,
    };
    char line[LF_MAX_CONFIG_LINE + 1];
    size_t pos = 0;
    /* a UTF-8 byte order mark some editors write */
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
        pos = 3;
    while (pos < len) {
        r.at.line++;
        const char *start = text + pos;
        const char *nl = memchr(start, '\n', len - pos);
        size_t n = nl ? (size_t)(nl - start) : len - pos;
        pos += n + (nl ? 1 : 0);
        if (n > 0 && start[n - 1] == '\r')
            n--;
        if (n > LF_MAX_CONFIG_LINE) {
            char msg[64];
            snprintf(msg, sizeof(msg), "line longer than %d bytes", LF_MAX_CONFIG_LINE);
            error_at(&r, 0, "", msg);
            continue;
        }
        if (memchr(start, '\0', n)) {
            error_at(&r, 0, "", "contains a NUL byte (not a text file?)");
            continue;
        }
        memcpy(line, start, n);
        line[n] = '\0';
        read_line(&r, line);
    }
    free(text);
    if (!lf_config_check(c, path, diags))
        r.ok = false;
    return r.ok;
}

bool lf_config_check(const struct lf_config *c, const char *origin, struct lf_diags *diags)
{
    if (c->sync_url[0] && !c->trusted_keys[0]) {
        lf_diags_add(diags, LF_DIAG_ERROR, origin, 0, 0, "sync.trusted_keys",
                     "required when sync.url is set: the public key(s) a downloaded bundle "
                     "must be signed with (`litfass keygen` prints one; README: Signing "
                     "content)");
        return false;
    }
    return true;
}

bool lf_config_set(struct lf_config *c, const char *key, const char *value, const char *origin,
                   struct lf_diags *diags)
{
    const struct config_place at = {.diags = diags, .file = origin, .line = 0};
    for (size_t i = 0; i < N_KEYS; i++) {
        const struct config_key *k = &config_keys[i];
        size_t n = strlen(k->section);
        if (strncmp(key, k->section, n) == 0 && key[n] == '.' && strcmp(key + n + 1, k->name) == 0)
            return apply_value(c, k, value, &at, 0);
    }
    lf_diags_add(diags, LF_DIAG_ERROR, origin, 0, 0, key, "no such config key");
    return false;
}

static const char *type_name(const struct config_key *k)
{
    switch (k->type) {
    case CONFIG_INT:
        return "integer";
    case CONFIG_BOOL:
        return "yes/no";
    case CONFIG_STRING:
        return "text";
    case CONFIG_ENUM:
        return "one of";
    }
    return "?";
}

void lf_config_print_keys(FILE *out)
{
    for (size_t i = 0; i < N_KEYS; i++) {
        const struct config_key *k = &config_keys[i];
        char def[LF_MAX_PATH_BYTES + 8];
        char range[64] = "";
        switch (k->type) {
        case CONFIG_INT:
            snprintf(def, sizeof(def), "%d", k->default_int);
            snprintf(range, sizeof(range), " %d..%d", k->min, k->max);
            break;
        case CONFIG_BOOL:
            snprintf(def, sizeof(def), "%s", k->default_int ? "yes" : "no");
            break;
        case CONFIG_ENUM:
            snprintf(def, sizeof(def), "%s", k->choices[k->default_int]);
            for (size_t used = 0, j = 0; k->choices[j] && used < sizeof(range); j++) {
                int n = snprintf(range + used, sizeof(range) - used, "%s%s", j ? "|" : " ",
                                 k->choices[j]);
                if (n < 0)
                    break;
                used += (size_t)n;
            }
            break;
        case CONFIG_STRING:
            snprintf(def, sizeof(def), "\"%s\"", k->default_string);
            break;
        }
        char key[128];
        snprintf(key, sizeof(key), "%s.%s", k->section, k->name);
        char setting[LF_MAX_PATH_BYTES + 160];
        snprintf(setting, sizeof(setting), "%s = %s", key, def);
        fprintf(out, "  %-36s (%s%s)\n      %s\n", setting, type_name(k), range, k->description);
    }
}

void lf_config_sync_settings(const struct lf_config *c, struct lf_sync_settings *out)
{
    memset(out, 0, sizeof(*out));
    snprintf(out->url, sizeof(out->url), "%s", c->sync_url);
    snprintf(out->cache_dir, sizeof(out->cache_dir), "%s", c->cache_dir);
    snprintf(out->ca_file, sizeof(out->ca_file), "%s", c->ca_file);
    snprintf(out->trusted_keys, sizeof(out->trusted_keys), "%s", c->trusted_keys);
    snprintf(out->screen_name, sizeof(out->screen_name), "%s", c->monitor_name);
    out->allow_http = c->allow_http;
    out->poll_seconds = c->poll_seconds;
    out->max_asset_bytes = c->max_asset_bytes;
    out->connect_timeout_s = c->connect_timeout_s;
    out->transfer_timeout_s = c->transfer_timeout_s;
    out->low_speed_bytes = c->low_speed_bytes;
    out->low_speed_s = c->low_speed_s;
}
