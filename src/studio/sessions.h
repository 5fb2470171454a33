/* The studio's login sessions, kept across a restart (a package upgrade
 * restarts the studio; editors stay logged in).
 *
 * The browser holds the session token (a cookie); the studio keeps only
 * its BLAKE2b hash, the user, the fingerprint of the password the session
 * was opened with (studio/users.h: a new password or a removed user ends
 * it) and the times, in DATA/sessions.json (mode 0600, written durably).
 * The CSRF token is derived from the session token (a keyed BLAKE2b), so
 * the file holds nothing a request could be made with.
 *
 * A session ends after `idle_s` without a request, LF_STUDIO_SESSION_MAX_S
 * after the login in any case, at logout, and when its user is removed or
 * gets a new password. The last request time is written at most every
 * LF_SESSIONS_SAVE_S, so after a restart a session may count as up to
 * that much older. One thread at a time (the studio's request thread). */
#ifndef LF_STUDIO_SESSIONS_H
#define LF_STUDIO_SESSIONS_H

#include <stdbool.h>
#include <time.h>

#include "core/log.h"
#include "studio/server.h"
#include "studio/users.h"

#define LF_SESSIONS_FILE "sessions.json"
#define LF_SESSIONS_SAVE_S 60                              /* last_seen written at most this often */
#define LF_SESSIONS_MAX_FILE_BYTES (LF_STUDIO_MAX_SESSIONS * 1024) /* sessions.json read at most */
#define LF_SESSION_TOKEN_HEX (LF_STUDIO_TOKEN_BYTES * 2)

struct lf_session {
    unsigned char token_hash[32];
    char csrf[LF_SESSION_TOKEN_HEX + 1]; /* derived from the token; not stored */
    char user[LF_STUDIO_MAX_USER_NAME + 1];
    unsigned char stamp[LF_USER_STAMP_BYTES]; /* of the password it was opened with */
    time_t created, last_seen, saved_seen;
    bool used;
};

struct lf_sessions;

/* Reads DATA/sessions.json (a missing file: no sessions; an unreadable
 * one is logged and ignored: everybody logs in again). */
struct lf_sessions *lf_sessions_open(const char *data_dir, long idle_s);
void lf_sessions_close(struct lf_sessions *s);

/* A new session of `user`; its token (hex, the cookie's value) goes to
 * `token` (LF_SESSION_TOKEN_HEX + 1 bytes). The oldest goes when all
 * LF_STUDIO_MAX_SESSIONS are in use. Saved at once. */
struct lf_session *lf_sessions_new(struct lf_sessions *s, const char *user,
                                   const unsigned char *stamp, time_t now, char *token);

/* The live session of a cookie's token (its last request now), NULL if
 * none; *expired when it was there but has run out (it is ended). */
struct lf_session *lf_sessions_find(struct lf_sessions *s, const char *token, time_t now,
                                    bool *expired);

/* Ends one session (logout, removed user, new password). Saved at once. */
void lf_sessions_end(struct lf_sessions *s, struct lf_session *se);

#endif
