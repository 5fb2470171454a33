#include "studio/fleet.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <stdarg.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/durable.h"
#include "core/xalloc.h"

#define HASH_BYTES 32
#define HASH_HEX (2 * HASH_BYTES)
#define TOKEN_HEX (2 * LF_FLEET_TOKEN_BYTES)

/* What city IT is told of a screen by e-mail: each finding once when it
 * sets in and once when it is over (FINDING_KINDS below says how). */
enum finding { FINDING_SILENT, FINDING_STALE, FINDING_CLOCK, FINDINGS };

struct told {
    bool alerted; /* an alert went out: one e-mail is owed when it is over */
    time_t since; /* when the problem began, as the alert said it; 0: not known */
};

/* state.json's keys: alerted_KEY, KEY_since (alerted_silent, stale_since, ...) */
static const char *const FINDING_KEY[FINDINGS] = {"silent", "stale", "clock"};

struct screen {
    char name[LF_FLEET_MAX_NAME + 1];
    unsigned char hash[HASH_BYTES];
    time_t added;
    /* what it reported */
    time_t last_seen;           /* 0: never */
    char address[64];
    json_t *heartbeat;          /* the last one, normalised; NULL before the first */
    time_t screenshot_at;       /* 0: none */
    json_t *played;             /* {"2026-12-01": {"item": n}} */
    /* marks */
    bool silent, stale, clock_wrong;
    time_t clock_wrong_since;   /* the studio's time when it was first seen wrong; 0: right */
    struct told told[FINDINGS]; /* what city IT was told, kept in state.json */
};

struct lf_fleet {
    pthread_mutex_t lock;
    char *data_dir;
    long silent_s, stale_s, clock_wrong_s, clock_grace_s;
    long long published_serial;
    time_t published_at;
    struct screen *screens;
    size_t n;
    time_t kiosks_mtime;
};

static const char *str_or_empty(const json_t *v)
{
    const char *s = json_string_value(v);
    return s ? s : "";
}

/* ---- kiosks.json --------------------------------------------------------------------- */

static bool name_ok(const char *name)
{
    size_t len = strlen(name);
    if (len == 0 || len > LF_FLEET_MAX_NAME || name[0] == '.')
        return false;
    for (const char *p = name; *p; p++)
        if (!isalnum((unsigned char)*p) && *p != '.' && *p != '_' && *p != '-')
            return false;
    return true;
}

static void hash_token(const char *token, unsigned char out[HASH_BYTES])
{
    crypto_generichash(out, HASH_BYTES, (const unsigned char *)token, strlen(token), NULL, 0);
}

static char *kiosks_path(const char *data_dir)
{
    return lf_xasprintf("%s/%s", data_dir, LF_FLEET_KIOSKS_FILE);
}

/* {"kiosks": [{"name", "token_blake2b", "added"}]}; a missing file is none. */
static json_t *kiosks_load(const char *data_dir, char *err, size_t err_size)
{
    char *path = kiosks_path(data_dir);
    json_error_t je;
    json_t *doc = NULL;
    FILE *fp = fopen(path, "rb");
    if (!fp && errno == ENOENT) {
        doc = json_pack("{s:[]}", "kiosks");
    } else if (!fp) {
        snprintf(err, err_size, "%s: %s", path, strerror(errno));
    } else {
        doc = json_loadf(fp, JSON_REJECT_DUPLICATES, &je);
        fclose(fp);
        if (!doc || !json_is_array(json_object_get(doc, "kiosks"))) {
            snprintf(err, err_size, "%s:%d:%d: %s", path, doc ? 1 : je.line, doc ? 1 : je.column,
                     doc ? "kiosks: not a list" : je.text);
            json_decref(doc);
            doc = NULL;
        }
    }
    free(path);
    return doc;
}

static bool kiosks_save(const char *data_dir, json_t *doc, char *err, size_t err_size)
{
    if (!lf_make_dirs(data_dir)) {
        snprintf(err, err_size, "%s: cannot create: %s", data_dir, strerror(errno));
        return false;
    }
    char *path = kiosks_path(data_dir);
    char *text = json_dumps(doc, JSON_INDENT(2));
    bool ok = lf_durable_write(path, text, strlen(text), 0600);
    if (!ok)
        snprintf(err, err_size, "%s: cannot write: %s", path, strerror(errno));
    free(text);
    free(path);
    return ok;
}

/* The index of the kiosk called `name` in kiosks.json's list, -1 when
 * there is none. */
static long kiosk_index(const json_t *list, const char *name)
{
    size_t i;
    const json_t *k;
    json_array_foreach(list, i, k) {
        if (strcmp(str_or_empty(json_object_get(k, "name")), name) == 0)
            return (long)i;
    }
    return -1;
}

bool lf_fleet_add_kiosk(const char *data_dir, const char *name, char *token_out, char *err,
                        size_t err_size)
{
    if (!name_ok(name)) {
        snprintf(err, err_size,
                 "'%s': a kiosk name is 1 to %d letters, digits, '.', '_' or '-' "
                 "(e.g. ki-dortmund-foyer)", name, LF_FLEET_MAX_NAME);
        return false;
    }
    json_t *doc = kiosks_load(data_dir, err, err_size);
    if (!doc)
        return false;
    json_t *list = json_object_get(doc, "kiosks");
    if (kiosk_index(list, name) >= 0) {
        snprintf(err, err_size, "kiosk '%s' exists already (remove it first for a new token)",
                 name);
        json_decref(doc);
        return false;
    }
    if (json_array_size(list) >= LF_FLEET_MAX_KIOSKS) {
        snprintf(err, err_size, "already %d kiosks, the most one studio watches",
                 LF_FLEET_MAX_KIOSKS);
        json_decref(doc);
        return false;
    }
    unsigned char raw[LF_FLEET_TOKEN_BYTES], hash[HASH_BYTES];
    randombytes_buf(raw, sizeof(raw));
    sodium_bin2hex(token_out, TOKEN_HEX + 1, raw, sizeof(raw));
    sodium_memzero(raw, sizeof(raw));
    hash_token(token_out, hash);
    char hex[HASH_HEX + 1];
    sodium_bin2hex(hex, sizeof(hex), hash, sizeof(hash));
    json_array_append_new(list, json_pack("{s:s, s:s, s:I}", "name", name, "token_blake2b", hex,
                                          "added", (json_int_t)time(NULL)));
    bool ok = kiosks_save(data_dir, doc, err, err_size);
    json_decref(doc);
    return ok;
}

bool lf_fleet_remove_kiosk(const char *data_dir, const char *name, char *err, size_t err_size)
{
    json_t *doc = kiosks_load(data_dir, err, err_size);
    if (!doc)
        return false;
    json_t *list = json_object_get(doc, "kiosks");
    long at = kiosk_index(list, name);
    bool found = at >= 0 && json_array_remove(list, (size_t)at) == 0;
    bool ok = found && kiosks_save(data_dir, doc, err, err_size);
    if (!found)
        snprintf(err, err_size, "no kiosk called '%s'", name);
    json_decref(doc);
    return ok;
}

json_t *lf_fleet_list_kiosks(const char *data_dir, char *err, size_t err_size)
{
    json_t *doc = kiosks_load(data_dir, err, err_size);
    if (!doc)
        return NULL;
    json_t *out = json_array(), *k;
    size_t i;
    json_array_foreach(json_object_get(doc, "kiosks"), i, k)
        json_array_append_new(out, json_pack("{s:O, s:O}", "name", json_object_get(k, "name"),
                                             "added", json_object_get(k, "added")));
    json_decref(doc);
    return out;
}

/* ---- the fleet ----------------------------------------------------------------------- */

static struct screen *screen_named(struct lf_fleet *f, const char *name)
{
    for (size_t i = 0; i < f->n; i++)
        if (strcmp(f->screens[i].name, name) == 0)
            return &f->screens[i];
    return NULL;
}

/* kiosks.json changes under `litfass studio kiosk add` while we run:
 * read again when its time stamp moved; what screens reported stays. */
static void reload_kiosks(struct lf_fleet *f)
{
    char *path = kiosks_path(f->data_dir);
    struct stat st;
    time_t mtime = stat(path, &st) == 0 ? st.st_mtim.tv_sec * 1000000000L + st.st_mtim.tv_nsec : 0;
    free(path);
    if (f->screens && mtime == f->kiosks_mtime)
        return;
    char err[LF_FLEET_ERROR_BYTES];
    json_t *doc = kiosks_load(f->data_dir, err, sizeof(err));
    if (!doc) {
        lf_error("studio: %s (keeping the kiosks read before)", err);
        return;
    }
    json_t *list = json_object_get(doc, "kiosks");
    size_t n = json_array_size(list);
    struct screen *next = lf_xcalloc(n + 1, sizeof(*next));
    size_t m = 0;
    for (size_t i = 0; i < n && m < LF_FLEET_MAX_KIOSKS; i++) {
        json_t *k = json_array_get(list, i);
        const char *name = json_string_value(json_object_get(k, "name"));
        const char *hex = json_string_value(json_object_get(k, "token_blake2b"));
        struct screen *s = &next[m];
        size_t bin_len = 0;
        if (!name || !name_ok(name) || !hex ||
            sodium_hex2bin(s->hash, HASH_BYTES, hex, strlen(hex), NULL, &bin_len, NULL) != 0 ||
            bin_len != HASH_BYTES) {
            lf_warn("studio: %s/%s: kiosks[%zu]: no name or token hash; left out", f->data_dir,
                    LF_FLEET_KIOSKS_FILE, i);
            continue;
        }
        snprintf(s->name, sizeof(s->name), "%s", name);
        s->added = (time_t)json_integer_value(json_object_get(k, "added"));
        struct screen *old = screen_named(f, name);
        if (old) { /* keep what it reported */
            unsigned char hash[HASH_BYTES];
            memcpy(hash, s->hash, sizeof(hash));
            *s = *old;
            memcpy(s->hash, hash, sizeof(hash));
            old->heartbeat = old->played = NULL;
        } else {
            s->played = json_object();
        }
        m++;
    }
    for (size_t i = 0; i < f->n; i++) {
        json_decref(f->screens[i].heartbeat);
        json_decref(f->screens[i].played);
    }
    free(f->screens);
    f->screens = next;
    f->n = m;
    f->kiosks_mtime = mtime;
    json_decref(doc);
}

static char *state_path(const struct lf_fleet *f)
{
    return lf_xasprintf("%s/%s/state.json", f->data_dir, LF_FLEET_DIR);
}

static void save_state(struct lf_fleet *f)
{
    json_t *screens = json_object();
    for (size_t i = 0; i < f->n; i++) {
        struct screen *s = &f->screens[i];
        bool told = false;
        for (int k = 0; k < FINDINGS; k++)
            told |= s->told[k].alerted;
        if (!s->last_seen && !told) /* never heard from, nothing told: nothing to keep */
            continue;
        json_t *o = json_pack("{s:I, s:s, s:O?, s:I, s:O}", "last_seen",
                              (json_int_t)s->last_seen, "address", s->address, "heartbeat",
                              s->heartbeat, "screenshot_at", (json_int_t)s->screenshot_at,
                              "played", s->played);
        for (int k = 0; k < FINDINGS; k++) {
            char key[32];
            snprintf(key, sizeof(key), "alerted_%s", FINDING_KEY[k]);
            json_object_set_new(o, key, json_boolean(s->told[k].alerted));
            snprintf(key, sizeof(key), "%s_since", FINDING_KEY[k]);
            json_object_set_new(o, key, json_integer((json_int_t)s->told[k].since));
        }
        json_object_set_new(screens, s->name, o);
    }
    json_t *doc = json_pack("{s:I, s:I, s:o}", "published_serial",
                            (json_int_t)f->published_serial, "published_at",
                            (json_int_t)f->published_at, "screens", screens);
    char *text = json_dumps(doc, JSON_COMPACT);
    char *path = state_path(f);
    if (!lf_durable_write(path, text, strlen(text), 0600))
        lf_warn("studio: %s: cannot write: %s", path, strerror(errno));
    free(path);
    free(text);
    json_decref(doc);
}

static void load_state(struct lf_fleet *f)
{
    char *path = state_path(f);
    json_error_t je;
    json_t *doc = json_load_file(path, 0, &je);
    if (!doc) {
        if (errno != ENOENT && je.line > 0)
            lf_warn("studio: %s:%d:%d: %s (the fleet starts afresh)", path, je.line, je.column,
                    je.text);
        free(path);
        return;
    }
    f->published_serial = json_integer_value(json_object_get(doc, "published_serial"));
    f->published_at = (time_t)json_integer_value(json_object_get(doc, "published_at"));
    const char *name;
    json_t *v;
    json_object_foreach(json_object_get(doc, "screens"), name, v) {
        struct screen *s = screen_named(f, name);
        if (!s)
            continue;
        s->last_seen = (time_t)json_integer_value(json_object_get(v, "last_seen"));
        snprintf(s->address, sizeof(s->address), "%s",
                 str_or_empty(json_object_get(v, "address")));
        json_t *hb = json_object_get(v, "heartbeat");
        s->heartbeat = json_is_object(hb) ? json_incref(hb) : NULL;
        s->screenshot_at = (time_t)json_integer_value(json_object_get(v, "screenshot_at"));
        json_t *played = json_object_get(v, "played");
        if (json_is_object(played)) {
            json_decref(s->played);
            s->played = json_incref(played);
        }
        for (int k = 0; k < FINDINGS; k++) {
            char key[32];
            snprintf(key, sizeof(key), "alerted_%s", FINDING_KEY[k]);
            s->told[k].alerted = json_is_true(json_object_get(v, key));
            snprintf(key, sizeof(key), "%s_since", FINDING_KEY[k]);
            s->told[k].since = (time_t)json_integer_value(json_object_get(v, key));
        }
        /* a state.json from before *_since: a screen told silent has not
         * reported since its last heartbeat (else it was told it is back) */
        struct told *silent = &s->told[FINDING_SILENT];
        if (silent->alerted && !silent->since)
            silent->since = s->last_seen ? s->last_seen : s->added;
        if (s->told[FINDING_STALE].alerted && !s->told[FINDING_STALE].since)
            s->told[FINDING_STALE].since = f->published_at;
    }
    json_decref(doc);
    free(path);
}

struct lf_fleet *lf_fleet_open(const char *data_dir, long silent_seconds,
                               long stale_serial_seconds, long clock_wrong_seconds,
                               long clock_grace_seconds, char *err, size_t err_size)
{
    json_t *doc = kiosks_load(data_dir, err, err_size);
    if (!doc)
        return NULL;
    json_decref(doc);
    struct lf_fleet *f = lf_xcalloc(1, sizeof(*f));
    pthread_mutex_init(&f->lock, NULL);
    f->data_dir = lf_xstrdup(data_dir);
    f->silent_s = silent_seconds;
    f->stale_s = stale_serial_seconds;
    f->clock_wrong_s = clock_wrong_seconds;
    f->clock_grace_s = clock_grace_seconds;
    char *dir = lf_xasprintf("%s/%s", data_dir, LF_FLEET_DIR);
    if (!lf_make_dirs(dir))
        lf_warn("studio: %s: cannot create: %s", dir, strerror(errno));
    free(dir);
    reload_kiosks(f);
    load_state(f);
    return f;
}

void lf_fleet_close(struct lf_fleet *f)
{
    if (!f)
        return;
    for (size_t i = 0; i < f->n; i++) {
        json_decref(f->screens[i].heartbeat);
        json_decref(f->screens[i].played);
    }
    free(f->screens);
    free(f->data_dir);
    pthread_mutex_destroy(&f->lock);
    free(f);
}

void lf_fleet_published(struct lf_fleet *f, long long serial, time_t at)
{
    pthread_mutex_lock(&f->lock);
    if (serial > f->published_serial) {
        f->published_serial = serial;
        f->published_at = at;
        /* a screen told of as behind stays so until it shows the newest */
        save_state(f);
    }
    pthread_mutex_unlock(&f->lock);
}

/* The screen whose token this is; NULL when none. Called locked. */
static struct screen *screen_of_token(struct lf_fleet *f, const char *token)
{
    if (!token || strlen(token) != TOKEN_HEX)
        return NULL;
    reload_kiosks(f);
    unsigned char hash[HASH_BYTES];
    hash_token(token, hash);
    struct screen *found = NULL;
    for (size_t i = 0; i < f->n; i++) /* every one compared: no timing on where it is */
        if (sodium_memcmp(f->screens[i].hash, hash, HASH_BYTES) == 0)
            found = &f->screens[i];
    return found;
}

static bool text_field(const json_t *body, const char *key, json_t *out, char *err,
                       size_t err_size)
{
    json_t *v = json_object_get(body, key);
    if (!v || json_is_null(v))
        return true;
    const char *s = json_string_value(v);
    if (!s) {
        snprintf(err, err_size, "heartbeat: %s: not a text", key);
        return false;
    }
    char cut[LF_FLEET_MAX_TEXT + 1];
    size_t len = strlen(s);
    if (len > LF_FLEET_MAX_TEXT) {
        len = LF_FLEET_MAX_TEXT;
        while (len > 0 && ((unsigned char)s[len] & 0xC0) == 0x80)
            len--; /* not in the middle of a character */
    }
    memcpy(cut, s, len);
    cut[len] = '\0';
    json_object_set_new(out, key, json_string(cut));
    return true;
}

static bool int_field(const json_t *body, const char *key, json_int_t lo, json_int_t hi,
                      json_t *out, char *err, size_t err_size)
{
    json_t *v = json_object_get(body, key);
    if (!v || json_is_null(v))
        return true;
    if (!json_is_integer(v) || json_integer_value(v) < lo || json_integer_value(v) > hi) {
        snprintf(err, err_size, "heartbeat: %s: not a whole number from %lld to %lld", key,
                 (long long)lo, (long long)hi);
        return false;
    }
    json_object_set(out, key, v);
    return true;
}

static bool date_ok(const char *d)
{
    return d && strlen(d) == 10 && isdigit((unsigned char)d[0]) && d[4] == '-' && d[7] == '-';
}

/* {"date": "2026-12-02", "items": {"id": n}}: the kiosk's counts of that
 * day so far replace the ones known; only the newest days are kept. */
static bool take_played(struct screen *s, const json_t *body, char *err, size_t err_size)
{
    json_t *p = json_object_get(body, "played");
    if (!p || json_is_null(p))
        return true;
    const char *date = json_string_value(json_object_get(p, "date"));
    json_t *items = json_object_get(p, "items");
    if (!date_ok(date) || !json_is_object(items) ||
        json_object_size(items) > LF_FLEET_MAX_PLAYED_ITEMS) {
        snprintf(err, err_size, "heartbeat: played: needs \"date\" (YYYY-MM-DD) and \"items\" "
                 "(at most %d, item id: count)", LF_FLEET_MAX_PLAYED_ITEMS);
        return false;
    }
    json_t *day = json_object();
    const char *id;
    json_t *n;
    json_object_foreach(items, id, n) {
        if (!json_is_integer(n) || json_integer_value(n) < 0 || strlen(id) > LF_FLEET_MAX_TEXT) {
            json_decref(day);
            snprintf(err, err_size, "heartbeat: played.items.%.80s: not a count", id);
            return false;
        }
        json_object_set(day, id, n);
    }
    json_object_set_new(s->played, date, day);
    while (json_object_size(s->played) > LF_FLEET_PLAY_DAYS) {
        const char *oldest = NULL, *k;
        json_t *v;
        json_object_foreach(s->played, k, v)
            if (!oldest || strcmp(k, oldest) < 0)
                oldest = k;
        json_object_del(s->played, oldest);
    }
    return true;
}

unsigned lf_fleet_heartbeat(struct lf_fleet *f, const char *token, const json_t *body,
                            const char *address, time_t now, char *err, size_t err_size)
{
    unsigned status = 200;
    pthread_mutex_lock(&f->lock);
    struct screen *s = screen_of_token(f, token);
    json_t *hb = json_object();
    if (!s) {
        snprintf(err, err_size, "unknown kiosk token (add the kiosk with `litfass studio kiosk "
                 "add NAME` and put its token into [monitor] report_token_file)");
        status = 401;
    } else if (s->last_seen && now - s->last_seen < LF_FLEET_MIN_HEARTBEAT_S && now >= s->last_seen) {
        snprintf(err, err_size, "heartbeats at most every %d s", LF_FLEET_MIN_HEARTBEAT_S);
        status = 429;
    } else if (!text_field(body, "item", hb, err, err_size) ||
               !text_field(body, "mode", hb, err, err_size) ||
               !text_field(body, "lang", hb, err, err_size) ||
               !text_field(body, "sync_error", hb, err, err_size) ||
               !text_field(body, "version", hb, err, err_size) ||
               !text_field(body, "name", hb, err, err_size) ||
               !text_field(body, "clock", hb, err, err_size) ||
               !text_field(body, "clock_source", hb, err, err_size) ||
               !int_field(body, "serial", 0, (json_int_t)1 << 53, hb, err, err_size) ||
               !int_field(body, "slide", 0, 1000000, hb, err, err_size) ||
               !int_field(body, "slides", 0, 1000000, hb, err, err_size) ||
               !int_field(body, "content_age_s", -1, (json_int_t)1 << 40, hb, err, err_size) ||
               !int_field(body, "uptime_s", 0, (json_int_t)1 << 40, hb, err, err_size) ||
               !int_field(body, "clock_offset_s", -((json_int_t)1 << 40), (json_int_t)1 << 40,
                          hb, err, err_size)) {
        status = 400;
    } else {
        json_t *display = json_object_get(body, "display_on");
        if (display && !json_is_boolean(display)) {
            snprintf(err, err_size, "heartbeat: display_on: not true or false");
            status = 400;
        } else if (!take_played(s, body, err, err_size)) {
            status = 400;
        } else {
            json_object_set_new(hb, "display_on", json_boolean(!display || json_is_true(display)));
            json_decref(s->heartbeat);
            s->heartbeat = json_incref(hb);
            s->last_seen = now;
            snprintf(s->address, sizeof(s->address), "%s", address);
            if (s->silent) { /* the e-mail that it is back: lf_fleet_check() */
                lf_info("studio: screen %s reports again", s->name);
                s->silent = false;
            }
            save_state(f);
        }
    }
    json_decref(hb);
    pthread_mutex_unlock(&f->lock);
    return status;
}

/* width and height from a PNG's IHDR, false when it is none */
static bool png_size(const unsigned char *p, size_t len, unsigned *w, unsigned *h)
{
    static const unsigned char sig[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    if (len < 24 || memcmp(p, sig, 8) != 0 || memcmp(p + 12, "IHDR", 4) != 0)
        return false;
    *w = (unsigned)p[16] << 24 | (unsigned)p[17] << 16 | (unsigned)p[18] << 8 | p[19];
    *h = (unsigned)p[20] << 24 | (unsigned)p[21] << 16 | (unsigned)p[22] << 8 | p[23];
    return true;
}

static char *screenshot_path(const struct lf_fleet *f, const char *name)
{
    return lf_xasprintf("%s/%s/%s.png", f->data_dir, LF_FLEET_DIR, name);
}

unsigned lf_fleet_screenshot(struct lf_fleet *f, const char *token, const void *png,
                             size_t len, time_t now, char *err, size_t err_size)
{
    unsigned status = 200, w = 0, h = 0;
    pthread_mutex_lock(&f->lock);
    struct screen *s = screen_of_token(f, token);
    if (!s) {
        snprintf(err, err_size, "unknown kiosk token");
        status = 401;
    } else if (len > LF_FLEET_MAX_SCREENSHOT_BYTES) {
        snprintf(err, err_size, "a screenshot is at most %d bytes", LF_FLEET_MAX_SCREENSHOT_BYTES);
        status = 413;
    } else if (!png_size(png, len, &w, &h)) {
        snprintf(err, err_size, "a screenshot is a PNG");
        status = 415;
    } else if (w == 0 || h == 0 || w > LF_FLEET_MAX_SCREENSHOT_SIDE ||
               h > LF_FLEET_MAX_SCREENSHOT_SIDE) {
        snprintf(err, err_size, "a screenshot is %ux%u pixels, at most %dx%d are taken", w, h,
                 LF_FLEET_MAX_SCREENSHOT_SIDE, LF_FLEET_MAX_SCREENSHOT_SIDE);
        status = 422;
    } else if (s->screenshot_at && now - s->screenshot_at < LF_FLEET_MIN_SCREENSHOT_S &&
               now >= s->screenshot_at) {
        snprintf(err, err_size, "screenshots at most every %d s", LF_FLEET_MIN_SCREENSHOT_S);
        status = 429;
    } else {
        char *path = screenshot_path(f, s->name);
        if (lf_durable_write(path, png, len, 0600)) {
            s->screenshot_at = now;
            save_state(f);
        } else {
            snprintf(err, err_size, "cannot store the screenshot: %s", strerror(errno));
            status = 500;
        }
        free(path);
    }
    pthread_mutex_unlock(&f->lock);
    return status;
}

unsigned char *lf_fleet_screenshot_of(struct lf_fleet *f, const char *name, size_t *len)
{
    pthread_mutex_lock(&f->lock);
    struct screen *s = screen_named(f, name);
    unsigned char *data = NULL;
    if (s && s->screenshot_at) {
        char *path = screenshot_path(f, s->name);
        FILE *fp = fopen(path, "rb");
        if (fp) {
            data = lf_xmalloc(LF_FLEET_MAX_SCREENSHOT_BYTES + 1);
            *len = fread(data, 1, LF_FLEET_MAX_SCREENSHOT_BYTES + 1, fp);
            fclose(fp);
            if (*len == 0 || *len > LF_FLEET_MAX_SCREENSHOT_BYTES) {
                free(data);
                data = NULL;
            }
        }
        free(path);
    }
    pthread_mutex_unlock(&f->lock);
    return data;
}

static long long hb_int(const struct screen *s, const char *key, long long none)
{
    json_t *v = s->heartbeat ? json_object_get(s->heartbeat, key) : NULL;
    return json_is_integer(v) ? (long long)json_integer_value(v) : none;
}

static const char *hb_text(const struct screen *s, const char *key)
{
    const char *v = s->heartbeat ? json_string_value(json_object_get(s->heartbeat, key)) : NULL;
    return v ? v : "";
}

/* The time the screen shows by its last heartbeat's clock_source: its
 * system clock (also "" from a kiosk that does not say), the content
 * server's, or none. */
static bool shows_system_time(const struct screen *s)
{
    const char *source = hb_text(s, "clock_source");
    return !source[0] || strcmp(source, "system") == 0;
}

/* Whether the screen's clock is wrong by its last heartbeat: not set (no
 * time shown), or the content server's time shown and the system clock
 * off by clock_wrong_s or more (a kiosk that says nothing of how far:
 * wrong, as it found). */
static bool clock_wrong(const struct lf_fleet *f, const struct screen *s)
{
    if (shows_system_time(s))
        return false;
    if (strcmp(hb_text(s, "clock_source"), "none") == 0)
        return true;
    long long off = hb_int(s, "clock_offset_s", LLONG_MIN);
    return off == LLONG_MIN || off >= f->clock_wrong_s || off <= -f->clock_wrong_s;
}

/* Called locked: sets the marks. */
static void mark(struct lf_fleet *f, struct screen *s, time_t now)
{
    s->clock_wrong = clock_wrong(f, s);
    if (!s->clock_wrong)
        s->clock_wrong_since = 0;
    else if (!s->clock_wrong_since || now < s->clock_wrong_since) /* or the studio's set back */
        s->clock_wrong_since = now;
    s->silent = !s->last_seen ? now - s->added > f->silent_s : now - s->last_seen > f->silent_s;
    long long serial = hb_int(s, "serial", 0);
    s->stale = f->published_serial > 0 && s->last_seen && serial < f->published_serial &&
               now - f->published_at > f->stale_s;
}

static json_t *week_played(const struct screen *s)
{
    json_t *sum = json_object();
    const char *date, *id;
    json_t *day, *n;
    json_object_foreach(s->played, date, day) {
        json_object_foreach(day, id, n) {
            json_int_t have = json_integer_value(json_object_get(sum, id));
            json_object_set_new(sum, id, json_integer(have + json_integer_value(n)));
        }
    }
    return sum;
}

static void iso_time(time_t t, char *out, size_t size)
{
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(out, size, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

json_t *lf_fleet_json(struct lf_fleet *f, time_t now)
{
    pthread_mutex_lock(&f->lock);
    reload_kiosks(f);
    json_t *list = json_array();
    for (size_t i = 0; i < f->n; i++) {
        struct screen *s = &f->screens[i];
        mark(f, s, now);
        char seen[32] = "", shot[32] = "";
        if (s->last_seen)
            iso_time(s->last_seen, seen, sizeof(seen));
        if (s->screenshot_at)
            iso_time(s->screenshot_at, shot, sizeof(shot));
        json_t *e = json_pack("{s:s, s:s?, s:o?, s:s, s:O?, s:o, s:b, s:b, s:b, s:s?, s:o}",
                              "name", s->name, "last_seen", seen[0] ? seen : NULL,
                              "silent_for_s", s->last_seen ? json_integer(now - s->last_seen) : NULL,
                              "address", s->address, "heartbeat", s->heartbeat,
                              "played_week", week_played(s), "silent", s->silent, "stale",
                              s->stale, "clock_wrong", s->clock_wrong, "screenshot_at",
                              shot[0] ? shot : NULL, "played_days", json_deep_copy(s->played));
        json_array_append_new(list, e);
    }
    char at[32] = "";
    if (f->published_at)
        iso_time(f->published_at, at, sizeof(at));
    json_t *out = json_pack("{s:I, s:s?, s:I, s:I, s:I, s:o}", "published_serial",
                            (json_int_t)f->published_serial, "published_at", at[0] ? at : NULL,
                            "silent_seconds", (json_int_t)f->silent_s, "stale_serial_seconds",
                            (json_int_t)f->stale_s, "clock_wrong_seconds",
                            (json_int_t)f->clock_wrong_s, "screens", list);
    pthread_mutex_unlock(&f->lock);
    return out;
}

struct text {
    char *buf;
    size_t len, cap;
};

static void add(struct text *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void add(struct text *t, const char *fmt, ...)
{
    va_list ap;
    for (;;) {
        va_start(ap, fmt);
        int n = vsnprintf(t->buf + t->len, t->cap - t->len, fmt, ap);
        va_end(ap);
        if (n >= 0 && (size_t)n < t->cap - t->len) {
            t->len += (size_t)n;
            return;
        }
        t->cap = t->cap * 2 + (n > 0 ? (size_t)n : 0) + 256;
        t->buf = lf_xrealloc(t->buf, t->cap);
    }
}

char *lf_fleet_metrics(struct lf_fleet *f, time_t now)
{
    static const struct {
        const char *name, *help;
    } series[] = {
        {"litfass_screen_up", "1 when the screen reported within silent_seconds"},
        {"litfass_screen_last_seen_seconds", "seconds since the screen's last heartbeat (-1: never)"},
        {"litfass_screen_serial", "bundle serial on the screen"},
        {"litfass_screen_serial_behind", "1 when the screen shows an older serial than published after stale_serial_seconds"},
        {"litfass_screen_display_on", "1 when the display is on"},
        {"litfass_screen_content_age_seconds", "seconds since the shown bundle was installed"},
        {"litfass_screen_sync_error", "1 when the screen's last sync failed"},
        {"litfass_screen_slides_week", "slides shown in the last 7 days"},
        {"litfass_screen_clock_wrong", "1 when the screen's clock is not set or off by clock_wrong_seconds or more"},
        {"litfass_screen_clock_offset_seconds", "while the screen shows the content server's time: it minus the screen's system clock (> 0: the clock is behind); else 0"},
    };
    struct text t = {.buf = lf_xmalloc(1024), .cap = 1024};
    t.buf[0] = '\0';
    pthread_mutex_lock(&f->lock);
    reload_kiosks(f);
    add(&t, "# HELP litfass_published_serial serial of the newest published version\n"
            "# TYPE litfass_published_serial gauge\nlitfass_published_serial %lld\n",
        f->published_serial);
    for (size_t k = 0; k < sizeof(series) / sizeof(series[0]); k++) {
        add(&t, "# HELP %s %s\n# TYPE %s gauge\n", series[k].name, series[k].help, series[k].name);
        for (size_t i = 0; i < f->n; i++) {
            struct screen *s = &f->screens[i];
            mark(f, s, now);
            long long v = 0;
            switch (k) {
            case 0: v = !s->silent; break;
            case 1: v = s->last_seen ? (long long)(now - s->last_seen) : -1; break;
            case 2: v = hb_int(s, "serial", 0); break;
            case 3: v = s->stale; break;
            case 4: v = s->heartbeat && json_is_true(json_object_get(s->heartbeat, "display_on")); break;
            case 5: v = hb_int(s, "content_age_s", -1); break;
            case 6: v = hb_text(s, "sync_error")[0] != '\0'; break;
            case 8: v = s->clock_wrong; break;
            case 9: v = shows_system_time(s) ? 0 : hb_int(s, "clock_offset_s", 0); break;
            default: {
                json_t *w = week_played(s), *n;
                const char *id;
                json_object_foreach(w, id, n) v += json_integer_value(n);
                json_decref(w);
            }
            }
            /* names are A-Z a-z 0-9 . _ -: nothing to escape in a label */
            add(&t, "%s{screen=\"%s\"} %lld\n", series[k].name, s->name, v);
        }
    }
    pthread_mutex_unlock(&f->lock);
    return t.buf;
}

/* How far a clock is off, or how long a problem lasted, in words as the
 * fleet page says it (fleet.js, fleetClockDistance): "2 Jahre" /
 * "2 years", "5 Monate", "3 Tage", "4 Std." / "4 h". */
static void distance_words(long long off, char *de, char *en, size_t size)
{
    double s = off < 0 ? -(double)off : (double)off;
    const double year = 365.25 * 86400, month = year / 12;
    static const struct {
        const char *de1, *en1, *de, *en;
    } unit[] = {{"1 Jahr", "1 year", "%.0f Jahre", "%.0f years"},
                {"1 Monat", "1 month", "%.0f Monate", "%.0f months"},
                {"1 Tag", "1 day", "%.0f Tage", "%.0f days"},
                {"1 Std.", "1 h", "%.0f Std.", "%.0f h"},
                {"1 Min.", "1 min", "%.0f Min.", "%.0f min"}};
    double n;
    size_t u;
    if (s >= year - month / 2)
        u = 0, n = s / year;
    else if (s >= 45 * 86400)
        u = 1, n = s / month;
    else if (s >= 36 * 3600)
        u = 2, n = s / 86400;
    else if (s >= 3600)
        u = 3, n = s / 3600;
    else
        u = 4, n = s / 60;
    n = (double)(long long)(n + 0.5);
    if (n == 0) { /* (a problem over within a minute) */
        snprintf(de, size, "unter 1 Min.");
        snprintf(en, size, "under 1 min");
    } else if (n == 1) {
        snprintf(de, size, "%s", unit[u].de1);
        snprintf(en, size, "%s", unit[u].en1);
    } else {
        snprintf(de, size, unit[u].de, n);
        snprintf(en, size, unit[u].en, n);
    }
}

/* ---- what city IT is told: one alert per finding, one e-mail when it is over ---------- */

static void alert_silent(struct text *t, const struct lf_fleet *f, const struct screen *s)
{
    (void)f;
    char seen[32] = "nie / never";
    if (s->last_seen)
        iso_time(s->last_seen, seen, sizeof(seen));
    add(t, "- %s: meldet sich nicht mehr / silent (zuletzt / last seen: %s)\n", s->name, seen);
}

static void alert_stale(struct text *t, const struct lf_fleet *f, const struct screen *s)
{
    long long serial = hb_int(s, "serial", 0);
    add(t, "- %s: zeigt noch Version %lld statt %lld / still shows serial %lld, not %lld\n",
        s->name, serial, f->published_serial, serial, f->published_serial);
}

static void alert_clock(struct text *t, const struct lf_fleet *f, const struct screen *s)
{
    (void)f;
    long long off = hb_int(s, "clock_offset_s", LLONG_MIN);
    if (strcmp(hb_text(s, "clock_source"), "none") == 0) {
        add(t, "- %s: Uhr falsch: nicht gestellt, der Bildschirm zeigt keine Uhrzeit / "
               "clock wrong: not set, the screen shows no time\n", s->name);
    } else if (off == LLONG_MIN || off == 0) {
        add(t, "- %s: Uhr falsch, der Bildschirm zeigt die Zeit des Inhalte-Servers / "
               "clock wrong, the screen shows the content server's time\n", s->name);
    } else {
        char de[32], en[32];
        distance_words(off, de, en, sizeof(de));
        add(t, "- %s: Uhr falsch: %s %s, der Bildschirm zeigt die Zeit des Inhalte-Servers / "
               "clock wrong: %s %s, the screen shows the content server's time\n",
            s->name, de, off > 0 ? "zurück" : "vor", en, off > 0 ? "behind" : "ahead");
    }
}

static bool silent_due(const struct lf_fleet *f, const struct screen *s, time_t now)
{
    (void)f, (void)now;
    return s->silent;
}

static bool stale_due(const struct lf_fleet *f, const struct screen *s, time_t now)
{
    (void)f, (void)now;
    return s->stale;
}

/* a clock wrong for a moment (not set after a boot until NTP answers) is
 * not told of */
static bool clock_due(const struct lf_fleet *f, const struct screen *s, time_t now)
{
    return s->clock_wrong && now - s->clock_wrong_since >= f->clock_grace_s;
}

static time_t silent_began(const struct lf_fleet *f, const struct screen *s)
{
    (void)f;
    return s->last_seen ? s->last_seen : s->added;
}

static time_t stale_began(const struct lf_fleet *f, const struct screen *s)
{
    (void)s;
    return f->published_at; /* the version it does not show went out */
}

static time_t clock_began(const struct lf_fleet *f, const struct screen *s)
{
    (void)f;
    return s->clock_wrong_since;
}

/* Over once a heartbeat came after the one before the silence (not when
 * the studio itself was stopped meanwhile and counts afresh). */
static bool silent_over(const struct lf_fleet *f, const struct screen *s, time_t since)
{
    (void)f;
    return !s->silent && s->last_seen > since;
}

/* Over once it shows the newest version: a publish meanwhile that it
 * does not follow either keeps it told of, not over. */
static bool stale_over(const struct lf_fleet *f, const struct screen *s, time_t since)
{
    (void)since;
    return s->last_seen && hb_int(s, "serial", 0) >= f->published_serial;
}

static bool clock_over(const struct lf_fleet *f, const struct screen *s, time_t since)
{
    (void)f, (void)since;
    return !s->clock_wrong;
}

static const struct finding_kind {
    bool (*due)(const struct lf_fleet *f, const struct screen *s, time_t now);
    time_t (*began)(const struct lf_fleet *f, const struct screen *s);
    void (*alert)(struct text *t, const struct lf_fleet *f, const struct screen *s);
    bool (*over)(const struct lf_fleet *f, const struct screen *s, time_t since);
    const char *over_words, *since_words; /* "German / English" */
} FINDING_KINDS[FINDINGS] = {
    [FINDING_SILENT] = {silent_due, silent_began, alert_silent, silent_over,
                        "meldet sich wieder / reports again",
                        "still seit / silent since"},
    [FINDING_STALE] = {stale_due, stale_began, alert_stale, stale_over,
                       "zeigt wieder die aktuelle Version / shows the current serial again",
                       "veraltet seit / behind since"},
    [FINDING_CLOCK] = {clock_due, clock_began, alert_clock, clock_over,
                       "Uhr wieder richtig / clock right again", "falsch seit / wrong since"},
};

/* Text from a kiosk in an e-mail: no line breaks or other controls. */
static void add_plain(struct text *t, const char *from_kiosk)
{
    for (const char *p = from_kiosk; *p; p++)
        add(t, "%c", (unsigned char)*p < 0x20 || *p == 0x7f ? '?' : *p);
}

/* "zeigt jetzt / now shows: ..." of a screen back in order, by its last
 * heartbeat. */
static void add_shows_now(struct text *t, const struct lf_fleet *f, const struct screen *s)
{
    add(t, "  zeigt jetzt / now shows: ");
    if (!s->heartbeat) {
        add(t, "nichts gemeldet / nothing reported\n");
        return;
    }
    if (json_is_false(json_object_get(s->heartbeat, "display_on")))
        add(t, "Bildschirm aus (Ruhezeit) / display off (scheduled), ");
    const char *item = hb_text(s, "item");
    if (!item[0] || strcmp(item, "(agenda)") == 0)
        add(t, "Terminübersicht / agenda");
    else
        add_plain(t, item);
    long long slide = hb_int(s, "slide", 0), slides = hb_int(s, "slides", 0);
    if (slides > 0)
        add(t, ", Folie %lld von %lld / slide %lld of %lld", slide, slides, slide, slides);
    long long serial = hb_int(s, "serial", 0);
    if (serial > 0)
        add(t, "; Version %lld / serial %lld", serial, serial);
    else
        add(t, "; Beispielinhalt, ohne Signatur / sample content, unsigned");
    if (f->published_serial > serial)
        add(t, " (veröffentlicht ist %lld / published is %lld)", f->published_serial,
            f->published_serial);
    add(t, "\n");
}

static void add_over(struct text *t, const struct lf_fleet *f, const struct screen *s,
                     const struct finding_kind *kind, time_t since, time_t now)
{
    add(t, "- %s: %s\n", s->name, kind->over_words);
    if (since > 0) {
        char at[32], de[32], en[32];
        iso_time(since, at, sizeof(at));
        distance_words(now > since ? (long long)(now - since) : 0, de, en, sizeof(de));
        add(t, "  %s %s (%s / %s)\n", kind->since_words, at, de, en);
    }
    add_shows_now(t, f, s);
}

bool lf_fleet_check(struct lf_fleet *f, time_t now, char **subject, char **text)
{
    struct text t = {.buf = lf_xmalloc(512), .cap = 512};
    t.buf[0] = '\0';
    int found = 0, over = 0;
    pthread_mutex_lock(&f->lock);
    reload_kiosks(f);
    for (size_t i = 0; i < f->n; i++) {
        struct screen *s = &f->screens[i];
        mark(f, s, now);
        for (int k = 0; k < FINDINGS; k++) {
            const struct finding_kind *kind = &FINDING_KINDS[k];
            struct told *told = &s->told[k];
            if (!told->alerted && kind->due(f, s, now)) {
                told->alerted = true;
                told->since = kind->began(f, s);
                found++;
                kind->alert(&t, f, s);
            } else if (told->alerted && kind->over(f, s, told->since)) {
                add_over(&t, f, s, kind, told->since, now);
                *told = (struct told){0};
                over++;
            }
        }
    }
    if (found + over)
        save_state(f);
    pthread_mutex_unlock(&f->lock);
    if (!(found + over)) {
        free(t.buf);
        return false;
    }
    *subject = found ? lf_xasprintf("litfass: %d Bildschirm(e) auffällig / %d screen(s) need "
                                    "attention", found, found)
                     : lf_xasprintf("litfass: %d Auffälligkeit(en) behoben / %d finding(s) "
                                    "resolved", over, over);
    *text = lf_xasprintf("Die Bildschirmübersicht im litfass studio zeigt:\n"
                         "The fleet page of the litfass studio shows:\n\n%s\n"
                         "(Diese Nachricht kommt einmal je Auffälligkeit, und einmal, wenn "
                         "sie behoben ist. / This message comes once per finding, and once "
                         "when it is resolved.)\n",
                         t.buf);
    free(t.buf);
    return true;
}
