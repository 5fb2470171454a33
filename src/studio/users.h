/* The studio's users: who may log in, with which role.
 *
 * Kept in DIR/users.json (mode 0600, written durably), one entry per
 * user: name, role and the password as an Argon2id hash string from
 * libsodium's crypto_pwhash_str (salt and cost parameters inside it).
 * No password is ever stored or logged in clear.
 *
 * Roles grow: an editor changes the draft; a publisher also approves and
 * publishes; an admin also manages users.
 *
 * Owner: lf_users_load() returns a list the caller frees with
 * lf_users_destroy(). Functions fill an error text and return false; they
 * do not log. One thread at a time per list. */
#ifndef LF_STUDIO_USERS_H
#define LF_STUDIO_USERS_H

#include <stdbool.h>
#include <stddef.h>

#include "core/log.h"

#define LF_USERS_FILE "users.json"
#define LF_STUDIO_MAX_USERS 200          /* entries in users.json */
#define LF_STUDIO_MAX_USER_NAME 32       /* bytes of a user name: a-z 0-9 . _ - */
#define LF_STUDIO_MIN_PASSWORD 10        /* characters a password needs at least */
#define LF_STUDIO_MAX_PASSWORD 256       /* bytes of a password */
#define LF_STUDIO_MAX_USERS_BYTES (1024 * 1024) /* size of users.json */
#define LF_USERS_ERROR_BYTES 256

enum lf_role {
    LF_ROLE_EDITOR = 1,
    LF_ROLE_PUBLISHER = 2,
    LF_ROLE_ADMIN = 3,
};

struct lf_users;

/* Reads DIR/users.json; a missing file is an empty list. */
struct lf_users *lf_users_load(const char *data_dir, char *err, size_t err_size) LF_MUST_CHECK;
void lf_users_destroy(struct lf_users *u);

/* Writes the list back to DIR/users.json (durably, mode 0600). */
bool lf_users_save(const struct lf_users *u, char *err, size_t err_size) LF_MUST_CHECK;

size_t lf_users_count(const struct lf_users *u);

/* True when `name` is a valid user name (a-z, 0-9, '.', '_', '-', 1..32 bytes). */
bool lf_user_name_valid(const char *name);

/* "editor" / "publisher" / "admin" and back (0 for an unknown name). */
const char *lf_role_name(enum lf_role role);
enum lf_role lf_role_parse(const char *name);

/* Adds a user (refused when the name exists) or sets the password of an
 * existing one (`add` false: refused when it does not exist). The
 * password must have at least LF_STUDIO_MIN_PASSWORD characters. */
bool lf_users_add(struct lf_users *u, const char *name, enum lf_role role, const char *password,
                  char *err, size_t err_size) LF_MUST_CHECK;
bool lf_users_set_password(struct lf_users *u, const char *name, const char *password,
                           char *err, size_t err_size) LF_MUST_CHECK;
bool lf_users_remove(struct lf_users *u, const char *name, char *err, size_t err_size)
    LF_MUST_CHECK;

/* Checks a password. True and *role set when it is right. Takes the same
 * time (one Argon2id hash) for an unknown user, so an attacker cannot
 * tell names from the answer's timing. */
bool lf_users_check(const struct lf_users *u, const char *name, const char *password,
                    enum lf_role *role);

/* The role of a user, 0 when there is none (removed meanwhile). */
enum lf_role lf_users_role(const struct lf_users *u, const char *name);

/* A fingerprint of the user's stored password hash (LF_USER_STAMP_BYTES):
 * it changes with every new password, so sessions opened with the old
 * one can be ended. False when there is no such user. */
#define LF_USER_STAMP_BYTES 16
bool lf_users_stamp(const struct lf_users *u, const char *name, unsigned char *stamp);

/* The i-th user's name and role (for listing). */
const char *lf_users_name(const struct lf_users *u, size_t i, enum lf_role *role);

#endif
