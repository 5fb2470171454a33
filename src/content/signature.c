/* Ed25519 keys and detached manifest signatures: see signature.h for the
 * file formats. */
#include "content/signature.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sodium.h>

#include "content/bundle.h"
#include "core/clock_floor.h"
#include "core/durable.h"
#include "core/small_file.h"
#include "core/xalloc.h"


static void key_id(const unsigned char *pk, char *id)
{
    sodium_bin2hex(id, LF_KEY_ID_HEX + 1, pk, LF_KEY_ID_HEX / 2);
}

static void to_base64(const unsigned char *bin, size_t n, char *out, size_t size)
{
    sodium_bin2base64(out, size, bin, n, sodium_base64_VARIANT_ORIGINAL);
}

/* Exactly `n` bytes from the base64 text s[0..len). */
static bool from_base64(const char *s, size_t len, unsigned char *bin, size_t n)
{
    size_t got = 0;
    const char *end = NULL;
    if (sodium_base642bin(bin, n, s, len, NULL, &got, &end, sodium_base64_VARIANT_ORIGINAL) != 0)
        return false;
    return got == n && end == s + len;
}

/* ---- the two-line text files ---- */

/* A file's two lines: "TAG ID" and the base64 text. Pointers into text
 * (which is modified: line ends become NUL). */
struct two_lines {
    char *id;
    char *base64;
};

static bool split_lines(char *text, size_t len, const char *file, const char *tag,
                        struct two_lines *out, char *err, size_t err_size)
{
    if (strlen(text) != len) {
        lf_error_text(err, err_size, "%s: not a text file", file);
        return false;
    }
    char *line1 = text, *nl = strchr(text, '\n');
    if (!nl) {
        lf_error_text(err, err_size, "%s: expected two lines (\"%s <key id>\" and base64)", file, tag);
        return false;
    }
    *nl = '\0';
    char *line2 = nl + 1;
    char *nl2 = strchr(line2, '\n');
    if (nl2) {
        *nl2 = '\0';
        if (nl2[1] != '\0') {
            lf_error_text(err, err_size, "%s: line 3: unexpected text after the two lines", file);
            return false;
        }
    }
    for (char *l = line1; l; l = l == line1 ? line2 : NULL) {
        size_t n = strlen(l);
        if (n > 0 && l[n - 1] == '\r')
            l[n - 1] = '\0';
    }
    size_t tl = strlen(tag);
    if (strncmp(line1, tag, tl) != 0 || line1[tl] != ' ') {
        lf_error_text(err, err_size, "%s: line 1: expected \"%s <key id>\" (is this the right file?)",
                file, tag);
        return false;
    }
    char *id = line1 + tl + 1;
    bool hex = strlen(id) == LF_KEY_ID_HEX;
    for (size_t i = 0; hex && i < LF_KEY_ID_HEX; i++)
        hex = (id[i] >= '0' && id[i] <= '9') || (id[i] >= 'a' && id[i] <= 'f');
    if (!hex) {
        lf_error_text(err, err_size, "%s: line 1: the key id must be %d lowercase hex digits", file,
                LF_KEY_ID_HEX);
        return false;
    }
    out->id = id;
    out->base64 = line2;
    return true;
}

/* Reads a small text file whole; *text is NUL-terminated (caller frees). */
static bool read_small(const char *path, size_t max, char **text, size_t *len, struct stat *st,
                       char *err, size_t err_size)
{
    switch (lf_read_small_file(path, max, text, len, st)) {
    case LF_SMALL_FILE_OK:
        return true;
    case LF_SMALL_FILE_CANNOT_OPEN:
    case LF_SMALL_FILE_CANNOT_READ:
        lf_error_text(err, err_size, "%s: %s", path, strerror(errno));
        return false;
    case LF_SMALL_FILE_NOT_REGULAR:
        lf_error_text(err, err_size, "%s: not a regular file", path);
        return false;
    case LF_SMALL_FILE_TOO_LARGE:
        if ((unsigned long long)st->st_size > max)
            lf_error_text(err, err_size,
                          "%s: larger than %zu bytes: not a litfass key or signature", path, max);
        else /* grew while read */
            lf_error_text(err, err_size, "%s: larger than %zu bytes", path, max);
        return false;
    }
    return false;
}

/* ---- keys ---- */

bool lf_public_key_parse(const char *base64, struct lf_public_key *out, char *err,
                         size_t err_size)
{
    if (!from_base64(base64, strlen(base64), out->pk, sizeof(out->pk))) {
        lf_error_text(err, err_size,
                "not a public key: expected %d characters of base64 (as `litfass keygen` "
                "prints it)",
                LF_PUBLIC_KEY_BASE64);
        return false;
    }
    key_id(out->pk, out->id);
    return true;
}

void lf_public_key_base64(const struct lf_public_key *key, char *out, size_t size)
{
    char buf[sodium_base64_ENCODED_LEN(LF_PUBLIC_KEY_BYTES, sodium_base64_VARIANT_ORIGINAL)];
    to_base64(key->pk, sizeof(key->pk), buf, sizeof(buf));
    snprintf(out, size, "%s", buf);
}

bool lf_keyring_parse(const char *text, struct lf_keyring *out, char *err, size_t err_size)
{
    memset(out, 0, sizeof(*out));
    const char *p = text;
    for (;;) {
        p += strspn(p, " \t");
        if (!*p)
            return true;
        size_t n = strcspn(p, " \t");
        if (out->n == LF_MAX_TRUSTED_KEYS) {
            lf_error_text(err, err_size, "more than %d trusted keys", LF_MAX_TRUSTED_KEYS);
            return false;
        }
        char one[LF_PUBLIC_KEY_BASE64 + 1];
        struct lf_public_key *k = &out->keys[out->n];
        if (n != LF_PUBLIC_KEY_BASE64) {
            lf_error_text(err, err_size,
                    "key %zu: not a public key: expected %d characters of base64, found %zu",
                    out->n + 1, LF_PUBLIC_KEY_BASE64, n);
            return false;
        }
        memcpy(one, p, n);
        one[n] = '\0';
        char why[LF_SIGN_ERROR_BYTES];
        if (!lf_public_key_parse(one, k, why, sizeof(why))) {
            lf_error_text(err, err_size, "key %zu: %s", out->n + 1, why);
            return false;
        }
        out->n++;
        p += n;
    }
}

/* A key file's two lines into *l, pointing into *text (*len bytes; the
 * caller frees it, also after a failure); with `secret`, a file others
 * can read is refused before its lines are looked at. */
static bool read_key_file(const char *path, const char *tag, bool secret, char **text,
                          size_t *len, struct two_lines *l, char *err, size_t err_size)
{
    struct stat st;
    if (!read_small(path, LF_MAX_KEY_FILE_BYTES, text, len, &st, err, err_size))
        return false;
    if (secret && (st.st_mode & 077)) {
        lf_error_text(err, err_size,
                "%s: readable by others (mode %04o): a secret key must be the owner's only "
                "(chmod 600 %s, and think about whether it has leaked)",
                path, (unsigned)(st.st_mode & 07777), path);
        return false;
    }
    return split_lines(*text, *len, path, tag, l, err, err_size);
}

/* Whether the key id on line 1 of the key file is the key's own; says so
 * when not. */
static bool id_is_the_keys(const char *path, const struct two_lines *l, const char *id,
                           char *err, size_t err_size)
{
    if (strcmp(id, l->id) == 0)
        return true;
    lf_error_text(err, err_size, "%s: line 1: key id %s does not belong to the key (its id is %s)",
            path, l->id, id);
    return false;
}

bool lf_public_key_load(const char *path, struct lf_public_key *out, char *err, size_t err_size)
{
    char *text = NULL;
    size_t len = 0;
    struct two_lines l;
    bool ok = false;
    if (!read_key_file(path, LF_PUBLIC_KEY_TAG, false, &text, &len, &l, err, err_size))
        goto done;
    char why[LF_SIGN_ERROR_BYTES];
    if (!lf_public_key_parse(l.base64, out, why, sizeof(why))) {
        lf_error_text(err, err_size, "%s: line 2: %s", path, why);
        goto done;
    }
    ok = id_is_the_keys(path, &l, out->id, err, err_size);
done:
    free(text);
    return ok;
}

bool lf_secret_key_load(const char *path, struct lf_secret_key *out, char *err, size_t err_size)
{
    char *text = NULL;
    size_t len = 0;
    struct two_lines l;
    bool ok = false;
    if (!read_key_file(path, LF_SECRET_KEY_TAG, true, &text, &len, &l, err, err_size))
        goto done;
    if (!from_base64(l.base64, strlen(l.base64), out->sk, sizeof(out->sk))) {
        lf_error_text(err, err_size, "%s: line 2: not a secret key: expected %d bytes in base64", path,
                LF_SECRET_KEY_BYTES);
        goto done;
    }
    /* the public half stored in the key must be the one its seed makes */
    unsigned char seed[crypto_sign_SEEDBYTES], pk[crypto_sign_PUBLICKEYBYTES],
        sk[crypto_sign_SECRETKEYBYTES];
    crypto_sign_ed25519_sk_to_seed(seed, out->sk);
    crypto_sign_seed_keypair(pk, sk, seed);
    bool same = sodium_memcmp(sk, out->sk, sizeof(sk)) == 0;
    sodium_memzero(seed, sizeof(seed));
    sodium_memzero(sk, sizeof(sk));
    if (!same) {
        lf_error_text(err, err_size, "%s: line 2: damaged secret key (its two halves do not match)",
                path);
        goto done;
    }
    key_id(pk, out->id);
    ok = id_is_the_keys(path, &l, out->id, err, err_size);
done:
    if (!ok)
        sodium_memzero(out->sk, sizeof(out->sk));
    if (text) {
        sodium_memzero(text, len);
        free(text);
    }
    return ok;
}

/* Writes a new file (O_EXCL) with `mode`, fsynced. */
static bool write_new(const char *path, const char *text, int mode, char *err, size_t err_size)
{
    if (lf_write_new(path, text, strlen(text), mode))
        return true;
    if (errno == EEXIST)
        lf_error_text(err, err_size, "%s: exists already (not overwritten)", path);
    else
        lf_error_text(err, err_size, "%s: cannot write: %s", path, strerror(errno));
    return false;
}

bool lf_keygen(const char *name, struct lf_public_key *pub, char *err, size_t err_size)
{
    bool ok = false;
    char *key_path = lf_xasprintf("%s.key", name);
    char *pub_path = lf_xasprintf("%s.pub", name);
    char *key_text = NULL, *pub_text = NULL;
    unsigned char pk[LF_PUBLIC_KEY_BYTES], sk[LF_SECRET_KEY_BYTES];
    char id[LF_KEY_ID_HEX + 1];
    char sk64[sodium_base64_ENCODED_LEN(LF_SECRET_KEY_BYTES, sodium_base64_VARIANT_ORIGINAL)];
    char pk64[sodium_base64_ENCODED_LEN(LF_PUBLIC_KEY_BYTES, sodium_base64_VARIANT_ORIGINAL)];
    if (sodium_init() < 0) {
        lf_error_text(err, err_size, "libsodium cannot start");
        goto done;
    }
    struct stat st;
    if (lstat(key_path, &st) == 0 || lstat(pub_path, &st) == 0) {
        lf_error_text(err, err_size, "%s: exists already (not overwritten; choose another --out)",
                lstat(key_path, &st) == 0 ? key_path : pub_path);
        goto done;
    }
    crypto_sign_keypair(pk, sk);
    key_id(pk, id);
    to_base64(sk, sizeof(sk), sk64, sizeof(sk64));
    to_base64(pk, sizeof(pk), pk64, sizeof(pk64));
    key_text = lf_xasprintf(LF_SECRET_KEY_TAG " %s\n%s\n", id, sk64);
    pub_text = lf_xasprintf(LF_PUBLIC_KEY_TAG " %s\n%s\n", id, pk64);
    if (!write_new(key_path, key_text, 0600, err, err_size))
        goto done;
    if (!write_new(pub_path, pub_text, 0644, err, err_size)) {
        unlink(key_path);
        goto done;
    }
    if (pub) {
        memcpy(pub->pk, pk, sizeof(pk));
        memcpy(pub->id, id, sizeof(id));
    }
    ok = true;
done:
    sodium_memzero(sk, sizeof(sk));
    sodium_memzero(sk64, sizeof(sk64));
    if (key_text) {
        sodium_memzero(key_text, strlen(key_text));
        free(key_text);
    }
    free(pub_text);
    free(pub_path);
    free(key_path);
    return ok;
}

/* ---- signatures ---- */

void lf_sign(const struct lf_secret_key *key, const void *data, size_t len, char **sig_text)
{
    unsigned char sig[LF_SIGNATURE_BYTES];
    char sig64[sodium_base64_ENCODED_LEN(LF_SIGNATURE_BYTES, sodium_base64_VARIANT_ORIGINAL)];
    crypto_sign_detached(sig, NULL, data, (unsigned long long)len, key->sk);
    to_base64(sig, sizeof(sig), sig64, sizeof(sig64));
    *sig_text = lf_xasprintf(LF_SIGNATURE_TAG " %s\n%s\n", key->id, sig64);
}

bool lf_verify(const struct lf_keyring *ring, const void *data, size_t len, const char *sig,
               size_t sig_len, char *key_id_out, char *err, size_t err_size)
{
    bool ok = false;
    if (sig_len > LF_MAX_SIGNATURE_BYTES) {
        lf_error_text(err, err_size, LF_SIGNATURE_NAME ": larger than %d bytes: not a signature",
                LF_MAX_SIGNATURE_BYTES);
        return false;
    }
    char *text = lf_xmalloc(sig_len + 1);
    memcpy(text, sig, sig_len);
    text[sig_len] = '\0';
    struct two_lines l;
    unsigned char bin[LF_SIGNATURE_BYTES];
    if (!split_lines(text, sig_len, LF_SIGNATURE_NAME, LF_SIGNATURE_TAG, &l, err, err_size))
        goto done;
    if (!from_base64(l.base64, strlen(l.base64), bin, sizeof(bin))) {
        lf_error_text(err, err_size, LF_SIGNATURE_NAME ": line 2: not a base64 signature of %d bytes",
                LF_SIGNATURE_BYTES);
        goto done;
    }
    if (!ring || ring->n == 0) {
        lf_error_text(err, err_size, "no trusted keys to check the signature with");
        goto done;
    }
    /* every trusted key is tried: the id line is a hint, never trusted */
    for (size_t i = 0; i < ring->n && !ok; i++) {
        if (crypto_sign_verify_detached(bin, data, (unsigned long long)len,
                                        ring->keys[i].pk) == 0) {
            ok = true;
            if (key_id_out)
                memcpy(key_id_out, ring->keys[i].id, LF_KEY_ID_HEX + 1);
        }
    }
    if (!ok) {
        bool known = false;
        for (size_t i = 0; i < ring->n; i++)
            known = known || strcmp(ring->keys[i].id, l.id) == 0;
        lf_error_text(err, err_size,
                "signature does not verify with any trusted key (signed with key %s, %s)", l.id,
                known ? "which is trusted: the manifest or the signature was changed after "
                        "signing"
                      : "which is not among the trusted keys");
    }
done:
    free(text);
    return ok;
}

bool lf_verify_bundle_dir(const char *dir, const struct lf_keyring *ring, char *key_id_out,
                          char *err, size_t err_size)
{
    bool ok = false;
    char *manifest = lf_xasprintf("%s/%s", dir, LF_MANIFEST_NAME);
    char *sig_path = lf_xasprintf("%s/%s", dir, LF_SIGNATURE_NAME);
    char *data = NULL, *sig = NULL;
    size_t len = 0, sig_len = 0;
    struct stat st;
    char why[LF_SIGN_ERROR_BYTES];
    if (lstat(sig_path, &st) != 0 && errno == ENOENT) {
        lf_error_text(err, err_size,
                "%s: missing (the bundle is not signed: run `litfass sign` on it)", sig_path);
        goto done;
    }
    if (!read_small(sig_path, LF_MAX_SIGNATURE_BYTES, &sig, &sig_len, &st, err, err_size))
        goto done;
    if (!read_small(manifest, LF_MAX_MANIFEST_BYTES, &data, &len, &st, err, err_size))
        goto done;
    if (!lf_verify(ring, data, len, sig, sig_len, key_id_out, why, sizeof(why))) {
        lf_error_text(err, err_size, "%s: %s", manifest, why);
        goto done;
    }
    ok = true;
done:
    free(sig);
    free(data);
    free(sig_path);
    free(manifest);
    return ok;
}

const char *lf_sign_format_time(time_t t, char *buf, size_t size)
{
    struct tm tm;
    if (!gmtime_r(&t, &tm) || strftime(buf, size, "%Y-%m-%dT%H:%MZ", &tm) == 0)
        snprintf(buf, size, "?");
    return buf;
}

/* ---- what a kiosk demands besides the signature ---- */

bool lf_bundle_fresh(const struct lf_bundle *b, long long highest_serial,
                     time_t installed_created, time_t now, bool *clock_wrong, char *err,
                     size_t err_size)
{
    char when[32];
    if (clock_wrong)
        *clock_wrong = false;
    if (b->serial == 0 || !b->has_created || !b->has_expires) {
        lf_error_text(err, err_size,
                "no \"%s\" (a signed bundle needs serial, created and expires: `litfass sign` "
                "writes them)",
                b->serial == 0 ? "serial" : !b->has_created ? "created" : "expires");
        return false;
    }
    if (b->serial <= highest_serial) {
        lf_error_text(err, err_size, "serial %lld is not newer than the installed %lld (rollback refused)",
                b->serial, highest_serial);
        return false;
    }
    if (now >= b->expires) {
        if (installed_created > 0 && now < installed_created) {
            /* a kiosk without a real-time clock after a boot: its time is
             * before what it already has; expiry means nothing then */
            if (clock_wrong)
                *clock_wrong = true;
        } else {
            lf_error_text(err, err_size, "expired on %s (sign it again: `litfass sign`)",
                    lf_sign_format_time(b->expires, when, sizeof(when)));
            return false;
        }
    }
    return true;
}

/* Reads dir's content.json whole (at most LF_MAX_MANIFEST_BYTES). */
static bool read_manifest_bytes(const char *dir, char **data, size_t *len, char *err,
                                size_t err_size)
{
    char *path = lf_xasprintf("%s/%s", dir, LF_MANIFEST_NAME);
    struct stat st;
    bool ok = read_small(path, LF_MAX_MANIFEST_BYTES, data, len, &st, err, err_size);
    free(path);
    return ok;
}

bool lf_signature_remove_old(const char *dir)
{
    char *old_sig = lf_xasprintf("%s/%s", dir, LF_SIGNATURE_NAME);
    /* only a signature (or a link, which goes alone): a file of that name
     * that is something else (a picture misnamed) is the KI's, not ours */
    bool ours = false;
    struct stat st;
    if (lstat(old_sig, &st) == 0 && S_ISLNK(st.st_mode)) {
        ours = true;
    } else {
        int fd = open(old_sig, O_RDONLY | O_NONBLOCK | O_NOFOLLOW | O_CLOEXEC);
        char head[sizeof(LF_SIGNATURE_TAG)];
        if (fd >= 0 && fstat(fd, &st) == 0 && S_ISREG(st.st_mode))
            ours = read(fd, head, sizeof(head)) == (ssize_t)sizeof(head) &&
                   memcmp(head, LF_SIGNATURE_TAG " ", sizeof(head)) == 0;
        if (fd >= 0)
            close(fd);
    }
    bool removed = ours && unlink(old_sig) == 0;
    free(old_sig);
    return removed;
}

bool lf_sign_clock_plausible(time_t now, char *err, size_t err_size)
{
    const char *what = "";
    time_t floor = lf_clock_floor(0, 0, 0, &what);
    if (now >= floor)
        return true;
    char a[32], b[32];
    lf_error_text(err, err_size,
                  "this computer's clock says %s, before %s (%s): a bundle signed now would be "
                  "expired on every screen; set the clock and sign again",
                  lf_sign_format_time(now, a, sizeof(a)), what,
                  lf_sign_format_time(floor, b, sizeof(b)));
    return false;
}

bool lf_bundle_sign(const char *dir, const struct lf_secret_key *key, int valid_days,
                    long long serial, time_t now, struct lf_diags *diags,
                    struct lf_bundle_stamp *stamp_out, char *err, size_t err_size)
{
    bool ok = false;
    char *data = NULL, *sig = NULL, *sig_path = NULL;
    size_t len = 0;
    if (valid_days < 1 || valid_days > LF_MAX_VALID_DAYS) {
        lf_error_text(err, err_size, "--valid-days %d: must be 1..%d", valid_days, LF_MAX_VALID_DAYS);
        return false;
    }
    /* both files are written: neither may lead out of the folder, checked
     * before either is */
    static const char *const written[] = {LF_MANIFEST_NAME, LF_SIGNATURE_NAME};
    for (size_t i = 0; i < 2; i++) {
        char why[LF_MAX_PATH_BYTES + 160];
        if (!lf_bundle_file_writable(dir, written[i], why, sizeof(why))) {
            lf_error_text(err, err_size, "%s/%s %s: not signed (copy the file into the folder)",
                          dir, written[i], why);
            return false;
        }
    }
    if (!read_manifest_bytes(dir, &data, &len, err, err_size))
        goto done;
    /* the serial it has now (a broken manifest is reported by the pack) */
    long long previous = 0;
    struct lf_diags *quiet = lf_diags_create();
    struct lf_bundle *old = lf_bundle_parse(data, len, LF_MANIFEST_NAME, NULL, quiet);
    if (old)
        previous = old->serial;
    lf_bundle_destroy(old);
    lf_diags_destroy(quiet);
    free(data);
    data = NULL;
    if (serial == 0) {
        if (previous >= LF_MAX_BUNDLE_SERIAL) {
            lf_error_text(err, err_size, "serial %lld cannot grow any further", previous);
            goto done;
        }
        serial = previous + 1;
    } else if (serial < 1 || serial > LF_MAX_BUNDLE_SERIAL) {
        lf_error_text(err, err_size, "--serial %lld: must be 1..%lld", serial, LF_MAX_BUNDLE_SERIAL);
        goto done;
    } else if (serial <= previous) {
        lf_error_text(err, err_size,
                "--serial %lld is not higher than the bundle's serial %lld: kiosks that have "
                "%lld would refuse it",
                serial, previous, previous);
        goto done;
    }
    struct lf_bundle_stamp stamp = {
        .serial = serial,
        .created = now,
        .expires = now + (time_t)valid_days * 86400,
    };
    if (!lf_bundle_pack_stamped(dir, &stamp, diags, NULL)) {
        /* an old signature beside a manifest that is not the one it signed
         * (or that has errors) must not be published with it */
        lf_error_text(err, err_size, "%s: not signed: the bundle has errors%s", dir,
                      lf_signature_remove_old(dir) ? " (its old " LF_SIGNATURE_NAME " is removed: it no longer "
                                "belongs to content.json)"
                              : "");
        goto done;
    }
    if (!read_manifest_bytes(dir, &data, &len, err, err_size))
        goto done;
    lf_sign(key, data, len, &sig);
    sig_path = lf_xasprintf("%s/%s", dir, LF_SIGNATURE_NAME);
    /* a link inside the folder stays a link (one out of it was refused) */
    char *sig_target = realpath(sig_path, NULL);
    if (sig_target) {
        free(sig_path);
        sig_path = sig_target;
    }
    if (!lf_durable_write(sig_path, sig, strlen(sig), 0644)) {
        lf_error_text(err, err_size, "%s: cannot write: %s", sig_path, strerror(errno));
        goto done;
    }
    if (stamp_out)
        *stamp_out = stamp;
    ok = true;
done:
    free(sig_path);
    free(sig);
    free(data);
    return ok;
}
