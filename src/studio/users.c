#include "studio/users.h"

#include <errno.h>
#include <jansson.h>
#include <sodium.h>
#include <string.h>
#include <sys/stat.h>

#include "core/durable.h"
#include "core/xalloc.h"

struct lf_user {
    char name[LF_STUDIO_MAX_USER_NAME + 1];
    enum lf_role role;
    char hash[crypto_pwhash_STRBYTES];
};

struct lf_users {
    char *path;
    struct lf_user *users;
    size_t n;
};

/* Argon2id cost: libsodium's "interactive" level (64 MiB, ~0.1 s here),
 * made for logins on a server. */
#define USERS_OPSLIMIT crypto_pwhash_OPSLIMIT_INTERACTIVE
#define USERS_MEMLIMIT crypto_pwhash_MEMLIMIT_INTERACTIVE

static const char *const role_names[] = {NULL, "editor", "publisher", "admin"};

const char *lf_role_name(enum lf_role role)
{
    return role >= LF_ROLE_EDITOR && role <= LF_ROLE_ADMIN ? role_names[role] : "none";
}

enum lf_role lf_role_parse(const char *name)
{
    for (int r = LF_ROLE_EDITOR; r <= LF_ROLE_ADMIN; r++) {
        if (name && strcmp(name, role_names[r]) == 0)
            return (enum lf_role)r;
    }
    return 0;
}

bool lf_user_name_valid(const char *name)
{
    size_t n = name ? strlen(name) : 0;
    if (n == 0 || n > LF_STUDIO_MAX_USER_NAME)
        return false;
    for (size_t i = 0; i < n; i++) {
        char c = name[i];
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
              c == '-'))
            return false;
    }
    return true;
}

static struct lf_user *find(const struct lf_users *u, const char *name)
{
    for (size_t i = 0; i < u->n; i++) {
        if (strcmp(u->users[i].name, name) == 0)
            return &u->users[i];
    }
    return NULL;
}

struct lf_users *lf_users_load(const char *data_dir, char *err, size_t err_size)
{
    if (sodium_init() < 0) {
        lf_error_text(err, err_size, "libsodium cannot start");
        return NULL;
    }
    struct lf_users *u = lf_xcalloc(1, sizeof(*u));
    u->path = lf_xasprintf("%s/%s", data_dir, LF_USERS_FILE);
    struct stat st;
    if (stat(u->path, &st) != 0) {
        if (errno == ENOENT)
            return u;
        lf_error_text(err, err_size, "%s: %s", u->path, strerror(errno));
        goto fail;
    }
    if (st.st_size > LF_STUDIO_MAX_USERS_BYTES) {
        lf_error_text(err, err_size, "%s: larger than %d bytes", u->path,
                      LF_STUDIO_MAX_USERS_BYTES);
        goto fail;
    }
    if (st.st_mode & 077) {
        lf_error_text(err, err_size,
                      "%s: readable by others (mode %03o): chmod 600 it, it holds password hashes",
                      u->path, (unsigned)(st.st_mode & 0777));
        goto fail;
    }
    json_error_t je;
    json_t *doc = json_load_file(u->path, JSON_REJECT_DUPLICATES, &je);
    if (!doc) {
        lf_error_text(err, err_size, "%s:%d:%d: %s", u->path, je.line, je.column, je.text);
        goto fail;
    }
    json_t *list = json_object_get(doc, "users");
    if (!json_is_array(list) || json_array_size(list) > LF_STUDIO_MAX_USERS) {
        lf_error_text(err, err_size, "%s: users: not a list of at most %d users", u->path,
                      LF_STUDIO_MAX_USERS);
        json_decref(doc);
        goto fail;
    }
    u->users = lf_xcalloc(json_array_size(list) + 1, sizeof(*u->users));
    size_t i;
    json_t *e;
    json_array_foreach(list, i, e) {
        const char *name = json_string_value(json_object_get(e, "name"));
        const char *hash = json_string_value(json_object_get(e, "hash"));
        enum lf_role role = lf_role_parse(json_string_value(json_object_get(e, "role")));
        if (!lf_user_name_valid(name) || !role || !hash ||
            strlen(hash) >= crypto_pwhash_STRBYTES || find(u, name)) {
            lf_error_text(err, err_size, "%s: users[%zu]: needs a unique name, a role and a hash",
                          u->path, i);
            json_decref(doc);
            goto fail;
        }
        struct lf_user *usr = &u->users[u->n++];
        snprintf(usr->name, sizeof(usr->name), "%s", name);
        snprintf(usr->hash, sizeof(usr->hash), "%s", hash);
        usr->role = role;
    }
    json_decref(doc);
    return u;
fail:
    lf_users_destroy(u);
    return NULL;
}

void lf_users_destroy(struct lf_users *u)
{
    if (!u)
        return;
    sodium_memzero(u->users, u->n * sizeof(*u->users));
    free(u->users);
    free(u->path);
    free(u);
}

bool lf_users_save(const struct lf_users *u, char *err, size_t err_size)
{
    json_t *list = json_array();
    for (size_t i = 0; i < u->n; i++) {
        json_array_append_new(list, json_pack("{s:s, s:s, s:s}", "name", u->users[i].name, "role",
                                              lf_role_name(u->users[i].role), "hash",
                                              u->users[i].hash));
    }
    json_t *doc = json_pack("{s:o}", "users", list);
    char *text = json_dumps(doc, JSON_INDENT(2));
    json_decref(doc);
    bool ok = lf_durable_write(u->path, text, strlen(text), 0600);
    /* an older file keeps its mode through rename only when we set it */
    if (ok && chmod(u->path, 0600) != 0)
        ok = false;
    free(text);
    if (!ok)
        lf_error_text(err, err_size, "%s: cannot write: %s", u->path, strerror(errno));
    return ok;
}

size_t lf_users_count(const struct lf_users *u)
{
    return u->n;
}

static bool hash_password(const char *password, char *hash, char *err, size_t err_size)
{
    size_t len = strlen(password);
    size_t chars = 0;
    for (size_t i = 0; i < len; i++)
        chars += ((unsigned char)password[i] & 0xC0) != 0x80;
    if (chars < LF_STUDIO_MIN_PASSWORD) {
        lf_error_text(err, err_size, "the password needs at least %d characters",
                      LF_STUDIO_MIN_PASSWORD);
        return false;
    }
    if (len > LF_STUDIO_MAX_PASSWORD) {
        lf_error_text(err, err_size, "the password is longer than %d bytes",
                      LF_STUDIO_MAX_PASSWORD);
        return false;
    }
    if (crypto_pwhash_str(hash, password, len, USERS_OPSLIMIT, USERS_MEMLIMIT) != 0) {
        lf_error_text(err, err_size, "out of memory while hashing the password");
        return false;
    }
    return true;
}

bool lf_users_add(struct lf_users *u, const char *name, enum lf_role role, const char *password,
                  char *err, size_t err_size)
{
    if (!lf_user_name_valid(name)) {
        lf_error_text(err, err_size,
                      "'%s' is not a user name (1 to %d of a-z, 0-9, '.', '_', '-')", name,
                      LF_STUDIO_MAX_USER_NAME);
        return false;
    }
    if (find(u, name)) {
        lf_error_text(err, err_size, "user '%s' exists already (`user passwd` changes the password)",
                      name);
        return false;
    }
    if (u->n >= LF_STUDIO_MAX_USERS) {
        lf_error_text(err, err_size, "already %d users", LF_STUDIO_MAX_USERS);
        return false;
    }
    if (!lf_role_name(role) || !role) {
        lf_error_text(err, err_size, "unknown role");
        return false;
    }
    struct lf_user nu = {.role = role};
    snprintf(nu.name, sizeof(nu.name), "%s", name);
    if (!hash_password(password, nu.hash, err, err_size))
        return false;
    u->users = lf_xrealloc(u->users, (u->n + 1) * sizeof(*u->users));
    u->users[u->n++] = nu;
    return true;
}

bool lf_users_set_password(struct lf_users *u, const char *name, const char *password,
                           char *err, size_t err_size)
{
    struct lf_user *usr = find(u, name);
    if (!usr) {
        lf_error_text(err, err_size, "no user '%s'", name);
        return false;
    }
    char hash[crypto_pwhash_STRBYTES];
    if (!hash_password(password, hash, err, err_size))
        return false;
    memcpy(usr->hash, hash, sizeof(hash));
    return true;
}

bool lf_users_remove(struct lf_users *u, const char *name, char *err, size_t err_size)
{
    struct lf_user *usr = find(u, name);
    if (!usr) {
        lf_error_text(err, err_size, "no user '%s'", name);
        return false;
    }
    size_t i = (size_t)(usr - u->users);
    memmove(&u->users[i], &u->users[i + 1], (u->n - i - 1) * sizeof(*u->users));
    u->n--;
    return true;
}

bool lf_users_check(const struct lf_users *u, const char *name, const char *password,
                    enum lf_role *role)
{
    /* A hash of nothing in particular, checked for an unknown name so that
     * the answer takes as long as for a known one. */
    static char dummy[crypto_pwhash_STRBYTES];
    if (!dummy[0] && crypto_pwhash_str(dummy, "litfass", 7, USERS_OPSLIMIT, USERS_MEMLIMIT) != 0)
        return false;
    const struct lf_user *usr = name ? find(u, name) : NULL;
    size_t len = password ? strlen(password) : 0;
    if (len > LF_STUDIO_MAX_PASSWORD)
        return false;
    bool ok = crypto_pwhash_str_verify(usr ? usr->hash : dummy, password ? password : "", len) == 0;
    if (!ok || !usr)
        return false;
    *role = usr->role;
    return true;
}

enum lf_role lf_users_role(const struct lf_users *u, const char *name)
{
    const struct lf_user *usr = find(u, name);
    return usr ? usr->role : 0;
}

bool lf_users_stamp(const struct lf_users *u, const char *name, unsigned char *stamp)
{
    const struct lf_user *usr = find(u, name);
    if (!usr)
        return false;
    crypto_generichash(stamp, LF_USER_STAMP_BYTES, (const unsigned char *)usr->hash,
                       strlen(usr->hash), NULL, 0);
    return true;
}

const char *lf_users_name(const struct lf_users *u, size_t i, enum lf_role *role)
{
    if (i >= u->n)
        return NULL;
    if (role)
        *role = u->users[i].role;
    return u->users[i].name;
}
