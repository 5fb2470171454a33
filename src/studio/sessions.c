/* Login sessions kept across a restart: see sessions.h. */
#include "studio/sessions.h"

#include <errno.h>
#include <jansson.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/durable.h"
#include "core/xalloc.h"

struct lf_sessions {
    char *path;
    long idle_s;
    struct lf_session list[LF_STUDIO_MAX_SESSIONS];
};

static const char csrf_context[] = "litfass studio csrf";

static bool alive(const struct lf_sessions *s, const struct lf_session *se, time_t now)
{
    return se->used && now - se->last_seen <= s->idle_s && now - se->created <= LF_STUDIO_SESSION_MAX_S &&
           se->created <= now + 60 /* a clock set back a lot: log in again */;
}

static void hash_token(const unsigned char *raw, unsigned char *out)
{
    crypto_generichash(out, 32, raw, LF_STUDIO_TOKEN_BYTES, NULL, 0);
}

static void derive_csrf(const unsigned char *raw, char *out)
{
    unsigned char mac[LF_STUDIO_TOKEN_BYTES];
    crypto_generichash(mac, sizeof(mac), (const unsigned char *)csrf_context,
                       sizeof(csrf_context) - 1, raw, LF_STUDIO_TOKEN_BYTES);
    sodium_bin2hex(out, LF_SESSION_TOKEN_HEX + 1, mac, sizeof(mac));
    sodium_memzero(mac, sizeof(mac));
}

static void save(struct lf_sessions *s)
{
    time_t now = time(NULL);
    json_t *list = json_array();
    for (size_t i = 0; i < LF_STUDIO_MAX_SESSIONS; i++) {
        struct lf_session *se = &s->list[i];
        if (!alive(s, se, now))
            continue;
        char hash[65], stamp[LF_USER_STAMP_BYTES * 2 + 1];
        sodium_bin2hex(hash, sizeof(hash), se->token_hash, sizeof(se->token_hash));
        sodium_bin2hex(stamp, sizeof(stamp), se->stamp, sizeof(se->stamp));
        json_array_append_new(list, json_pack("{s:s, s:s, s:s, s:I, s:I}", "token_hash", hash,
                                              "user", se->user, "password_stamp", stamp,
                                              "created", (json_int_t)se->created, "last_seen",
                                              (json_int_t)se->last_seen));
        se->saved_seen = se->last_seen;
    }
    json_t *doc = json_pack("{s:i, s:o}", "version", 1, "sessions", list);
    char *text = json_dumps(doc, JSON_INDENT(1));
    json_decref(doc);
    if (!text || !lf_durable_write(s->path, text, strlen(text), 0600))
        lf_error("studio: %s: cannot write (logins end with a restart)", s->path);
    /* an older file may have been made with other bits */
    else if (chmod(s->path, 0600) != 0)
        lf_warn("studio: %s: cannot make it private: %s", s->path, strerror(errno));
    free(text);
}

static bool hex_to(const char *hex, unsigned char *out, size_t len)
{
    size_t got = 0;
    return hex && strlen(hex) == len * 2 &&
           sodium_hex2bin(out, len, hex, len * 2, NULL, &got, NULL) == 0 && got == len;
}

static void load(struct lf_sessions *s)
{
    struct stat st;
    if (stat(s->path, &st) != 0)
        return; /* none yet */
    if (st.st_size > LF_SESSIONS_MAX_FILE_BYTES) {
        lf_warn("studio: %s: larger than %d bytes, ignored (everybody logs in again)", s->path,
                LF_SESSIONS_MAX_FILE_BYTES);
        return;
    }
    json_error_t je;
    json_t *doc = json_load_file(s->path, 0, &je);
    json_t *list = json_object_get(doc, "sessions");
    if (!json_is_array(list)) {
        lf_warn("studio: %s:%d: %s (ignored: everybody logs in again)", s->path, je.line,
                doc ? "no \"sessions\" list" : je.text);
        json_decref(doc);
        return;
    }
    time_t now = time(NULL);
    size_t i, n = 0;
    json_t *e;
    json_array_foreach(list, i, e) {
        if (n >= LF_STUDIO_MAX_SESSIONS)
            break;
        struct lf_session *se = &s->list[n];
        const char *user = json_string_value(json_object_get(e, "user"));
        if (!user || strlen(user) > LF_STUDIO_MAX_USER_NAME ||
            !hex_to(json_string_value(json_object_get(e, "token_hash")), se->token_hash,
                    sizeof(se->token_hash)) ||
            !hex_to(json_string_value(json_object_get(e, "password_stamp")), se->stamp,
                    sizeof(se->stamp))) {
            memset(se, 0, sizeof(*se));
            continue;
        }
        snprintf(se->user, sizeof(se->user), "%s", user);
        se->created = (time_t)json_integer_value(json_object_get(e, "created"));
        se->last_seen = se->saved_seen = (time_t)json_integer_value(json_object_get(e, "last_seen"));
        se->used = true;
        if (alive(s, se, now))
            n++;
        else
            memset(se, 0, sizeof(*se));
    }
    json_decref(doc);
}

struct lf_sessions *lf_sessions_open(const char *data_dir, long idle_s)
{
    struct lf_sessions *s = lf_xcalloc(1, sizeof(*s));
    s->path = lf_xasprintf("%s/%s", data_dir, LF_SESSIONS_FILE);
    s->idle_s = idle_s;
    load(s);
    return s;
}

void lf_sessions_close(struct lf_sessions *s)
{
    if (!s)
        return;
    sodium_memzero(s->list, sizeof(s->list));
    free(s->path);
    free(s);
}

struct lf_session *lf_sessions_new(struct lf_sessions *s, const char *user,
                                   const unsigned char *stamp, time_t now, char *token)
{
    struct lf_session *slot = &s->list[0];
    for (size_t i = 0; i < LF_STUDIO_MAX_SESSIONS; i++) {
        struct lf_session *se = &s->list[i];
        if (!alive(s, se, now)) {
            slot = se;
            break;
        }
        if (se->last_seen < slot->last_seen)
            slot = se;
    }
    memset(slot, 0, sizeof(*slot));
    unsigned char raw[LF_STUDIO_TOKEN_BYTES];
    randombytes_buf(raw, sizeof(raw));
    sodium_bin2hex(token, LF_SESSION_TOKEN_HEX + 1, raw, sizeof(raw));
    hash_token(raw, slot->token_hash);
    derive_csrf(raw, slot->csrf);
    sodium_memzero(raw, sizeof(raw));
    snprintf(slot->user, sizeof(slot->user), "%s", user);
    memcpy(slot->stamp, stamp, sizeof(slot->stamp));
    slot->created = slot->last_seen = now;
    slot->used = true;
    save(s);
    return slot;
}

struct lf_session *lf_sessions_find(struct lf_sessions *s, const char *token, time_t now,
                                    bool *expired)
{
    *expired = false;
    unsigned char raw[LF_STUDIO_TOKEN_BYTES], hash[32];
    if (!hex_to(token, raw, sizeof(raw)))
        return NULL;
    hash_token(raw, hash);
    struct lf_session *found = NULL;
    for (size_t i = 0; i < LF_STUDIO_MAX_SESSIONS; i++) {
        struct lf_session *se = &s->list[i];
        if (se->used && sodium_memcmp(se->token_hash, hash, sizeof(hash)) == 0)
            found = se;
    }
    if (found && !alive(s, found, now)) {
        lf_sessions_end(s, found);
        *expired = true;
        found = NULL;
    } else if (found) {
        derive_csrf(raw, found->csrf);
        found->last_seen = now;
        if (now - found->saved_seen >= LF_SESSIONS_SAVE_S)
            save(s);
    }
    sodium_memzero(raw, sizeof(raw));
    return found;
}

void lf_sessions_end(struct lf_sessions *s, struct lf_session *se)
{
    sodium_memzero(se, sizeof(*se));
    save(s);
}
