/* Signed bundles (issue 5): Ed25519 keys (libsodium) and the detached
 * signature of a bundle's manifest.
 *
 * The signature covers the exact bytes of content.json; it lies next to
 * it in content.json.sig. Every file is text, one item per line:
 *
 *   NAME.pub          litfass-public-key <key id>
 *                     <public key, base64 (44 characters)>
 *   NAME.key          litfass-secret-key <key id>
 *                     <secret key, base64 (88 characters)>
 *   content.json.sig  litfass-signature <key id>
 *                     <signature of content.json, base64 (88 characters)>
 *
 * The key id is the first 8 bytes of the public key in hex (16 digits);
 * it only says which key signed, it is never trusted by itself. The line
 * for a kiosk's config ([sync] trusted_keys) is the base64 public key.
 *
 * A manifest is checked before anything in it is parsed: a kiosk trusts
 * the bytes only when they verify with one of its trusted keys.
 *
 * Pure C: libsodium only (no SDL, no curl). Functions fill an error text
 * (LF_SIGN_ERROR_BYTES) and return false; they do not log. Any thread;
 * no shared state (sodium_init is called where randomness is needed). */
#ifndef LF_CONTENT_SIGNATURE_H
#define LF_CONTENT_SIGNATURE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "content/bundle.h"
#include "core/diag.h"
#include "core/limits.h"
#include "core/log.h"

#define LF_SIGNATURE_NAME "content.json.sig"
#define LF_PUBLIC_KEY_BYTES 32
#define LF_SECRET_KEY_BYTES 64 /* libsodium's: seed followed by the public key */
#define LF_SIGNATURE_BYTES 64
#define LF_KEY_ID_HEX 16       /* hex digits of a key id */
#define LF_PUBLIC_KEY_BASE64 44 /* characters of a public key in base64 */
#define LF_SIGN_ERROR_BYTES 512

#define LF_PUBLIC_KEY_TAG "litfass-public-key"
#define LF_SECRET_KEY_TAG "litfass-secret-key"
#define LF_SIGNATURE_TAG "litfass-signature"

struct lf_public_key {
    unsigned char pk[LF_PUBLIC_KEY_BYTES];
    char id[LF_KEY_ID_HEX + 1];
};

struct lf_secret_key {
    unsigned char sk[LF_SECRET_KEY_BYTES];
    char id[LF_KEY_ID_HEX + 1]; /* of its public key */
};

/* The keys a kiosk trusts; n == 0: none configured. */
struct lf_keyring {
    size_t n;
    struct lf_public_key keys[LF_MAX_TRUSTED_KEYS];
};

/* Makes a new key pair and writes NAME.key (created with mode 0600 and
 * O_EXCL: never readable by others, never over an existing file) and
 * NAME.pub (0644). Refuses when either file exists. `pub` (may be NULL)
 * receives the new public key. */
bool lf_keygen(const char *name, struct lf_public_key *pub, char *err, size_t err_size)
    LF_MUST_CHECK;

/* Reads NAME.key. Refuses a file that group or others may read, a broken
 * file, or a secret key whose public half does not match its id. */
bool lf_secret_key_load(const char *path, struct lf_secret_key *out, char *err, size_t err_size)
    LF_MUST_CHECK;

/* Reads NAME.pub. */
bool lf_public_key_load(const char *path, struct lf_public_key *out, char *err, size_t err_size)
    LF_MUST_CHECK;

/* One public key from its base64 text (LF_PUBLIC_KEY_BASE64 characters). */
bool lf_public_key_parse(const char *base64, struct lf_public_key *out, char *err,
                         size_t err_size) LF_MUST_CHECK;

/* The base64 text of a public key into out (LF_PUBLIC_KEY_BASE64 + 1 bytes). */
void lf_public_key_base64(const struct lf_public_key *key, char *out, size_t size);

/* Space-separated base64 public keys (config [sync] trusted_keys). ""
 * gives an empty ring. False for a bad key or more than
 * LF_MAX_TRUSTED_KEYS. */
bool lf_keyring_parse(const char *text, struct lf_keyring *out, char *err, size_t err_size)
    LF_MUST_CHECK;

/* Signs `len` bytes; *sig_text (caller frees) is the whole content of a
 * content.json.sig file. Never fails. */
void lf_sign(const struct lf_secret_key *key, const void *data, size_t len, char **sig_text);

/* Checks the signature file text `sig` (sig_len bytes) over `data`
 * against every key of `ring`. True when one verifies; `key_id` (may be
 * NULL, LF_KEY_ID_HEX + 1 bytes) then names it. Errors, prefixed by
 * nothing (the caller adds the file or URL):
 *   "signature does not verify with any trusted key"
 *   "content.json.sig: line 2: not a base64 signature of 64 bytes" ... */
bool lf_verify(const struct lf_keyring *ring, const void *data, size_t len, const char *sig,
               size_t sig_len, char *key_id, char *err, size_t err_size) LF_MUST_CHECK;

/* lf_verify for the bundle folder `dir`: its content.json against its
 * content.json.sig. A missing signature file is "content.json.sig:
 * missing (the bundle is not signed: `litfass sign`)". */
bool lf_verify_bundle_dir(const char *dir, const struct lf_keyring *ring, char *key_id, char *err,
                          size_t err_size) LF_MUST_CHECK;

/* What a kiosk demands of a signed bundle's manifest besides the
 * signature: "serial", "created" and "expires" present; serial higher
 * than `highest_serial` (the highest ever installed; 0 = none); not
 * expired at `now` -- unless the clock is plainly wrong (`now` before
 * `installed_created`, the creation time of the installed bundle, 0 =
 * none): then expiry is not enforced and *clock_wrong (may be NULL) is
 * set. Errors such as "serial 7 is not newer than the installed 9
 * (rollback refused)" or "expired on 2027-01-01T00:00Z". Pure. */
bool lf_bundle_fresh(const struct lf_bundle *b, long long highest_serial,
                     time_t installed_created, time_t now, bool *clock_wrong, char *err,
                     size_t err_size) LF_MUST_CHECK;

/* Removes DIR/content.json.sig, an old signature that no longer belongs
 * to the bundle beside it (it must not be published with it); true when
 * there was one. Only a file that begins like a signature (or a symbolic
 * link, removed alone): anything else of that name is left. */
bool lf_signature_remove_old(const char *dir);

/* `litfass sign`: packs the bundle in `dir` (lf_bundle_pack_stamped) with
 * serial `serial` (0: the manifest's serial + 1, at least 1; a given one
 * must be higher than the manifest's), created = now, expires = now +
 * valid_days, then writes DIR/content.json.sig durably. Problems with
 * the bundle go to `diags`, others to err. *stamp_out (may be NULL)
 * receives what was written. */
bool lf_bundle_sign(const char *dir, const struct lf_secret_key *key, int valid_days,
                    long long serial, time_t now, struct lf_diags *diags,
                    struct lf_bundle_stamp *stamp_out,
                    char *err, size_t err_size) LF_MUST_CHECK;

/* Whether `now`, the signer's own clock, can be a bundle's creation: a
 * computer whose clock was never set (1970, or before this program was
 * built, less LF_CLOCK_BUILD_SLACK_S) would sign a bundle that every
 * kiosk refuses as expired. False with why in err. (`sign --now` and
 * tests choose their moment and do not ask.) */
bool lf_sign_clock_plausible(time_t now, char *err, size_t err_size) LF_MUST_CHECK;

/* "2027-01-01T00:00Z" (UTC, minutes) into buf (at least 18 bytes). */
const char *lf_sign_format_time(time_t t, char *buf, size_t size);

#endif
