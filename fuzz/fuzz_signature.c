/* libFuzzer target: signature checking, as a kiosk does it before it
 * trusts a downloaded bundle.
 *
 * An input is a content.json.sig text, a NUL byte, and the manifest bytes
 * it claims to sign (no NUL: the whole input is the signature text over a
 * fixed manifest). The kiosk's keyring holds one key made from a fixed
 * seed (FUZZ_KEY_SEED below); the seeds in tests/fuzz/signature/ were
 * signed with it by lf_sign(), so mutations start from signatures that
 * verify (keyring.txt is a trusted_keys line of that key, twice).
 * Checked: lf_verify (a true names the trusted key, a false says why);
 * when it verifies, lf_bundle_parse and lf_bundle_fresh on the manifest;
 * and the signature text read as a keyring line (lf_keyring_parse). */
#include <sodium.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "content/bundle.h"
#include "content/signature.h"
#include "core/diag.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

/* The fuzzing key: 32 seed bytes, never a real key. */
#define FUZZ_KEY_SEED "litfass fuzzing key, not secret."

static const char fixed_manifest[] =
    "{\"format\": 1, \"organisation\": \"KI\", \"serial\": 3,\n"
    " \"created\": \"2026-11-23T09:00:00Z\", \"expires\": \"2027-11-23T09:00:00Z\",\n"
    " \"items\": [{\"kind\": \"contact\", \"id\": \"c\", \"title\": \"K\"}]}\n";

static struct lf_keyring ring;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    lf_log_set_level(LF_LOG_ERROR);
    unsigned char pk[crypto_sign_PUBLICKEYBYTES], sk[crypto_sign_SECRETKEYBYTES];
    if (sodium_init() < 0 ||
        crypto_sign_seed_keypair(pk, sk, (const unsigned char *)FUZZ_KEY_SEED) != 0)
        abort();
    struct lf_public_key key;
    memcpy(key.pk, pk, sizeof(key.pk));
    char b64[LF_PUBLIC_KEY_BASE64 + 1];
    lf_public_key_base64(&key, b64, sizeof(b64));
    char err[LF_SIGN_ERROR_BYTES];
    if (!lf_keyring_parse(b64, &ring, err, sizeof(err)) || ring.n != 1)
        abort();
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *sig = (const char *)data;
    const uint8_t *nul = memchr(data, 0, size);
    size_t sig_len = nul ? (size_t)(nul - data) : size;
    const char *manifest = nul ? (const char *)nul + 1 : fixed_manifest;
    size_t manifest_len = nul ? size - sig_len - 1 : strlen(fixed_manifest);

    char key_id[LF_KEY_ID_HEX + 1] = "";
    char err[LF_SIGN_ERROR_BYTES] = "";
    bool ok = lf_verify(&ring, manifest, manifest_len, sig, sig_len, key_id, err, sizeof(err));
    if (ok && strcmp(key_id, ring.keys[0].id) != 0)
        abort(); /* verified, but not by the trusted key */
    if (!ok && err[0] == '\0')
        abort(); /* refused without saying why */
    if (ok) {
        struct lf_diags *d = lf_diags_create();
        struct lf_bundle *b = lf_bundle_parse(manifest, manifest_len, LF_MANIFEST_NAME, NULL, d);
        if (b) {
            bool wrong = false;
            char why[LF_SIGN_ERROR_BYTES] = "";
            time_t now = b->has_created ? b->created + 60 : 1795424400;
            if (!lf_bundle_fresh(b, 2, 0, now, &wrong, why, sizeof(why)) && why[0] == '\0')
                abort();
            lf_bundle_destroy(b);
        }
        lf_diags_destroy(d);
    }

    /* the same bytes as the trusted_keys line of a config */
    char *text = malloc(sig_len + 1);
    if (!text)
        abort();
    memcpy(text, sig, sig_len);
    text[sig_len] = '\0';
    struct lf_keyring parsed;
    char why[LF_SIGN_ERROR_BYTES] = "";
    if (lf_keyring_parse(text, &parsed, why, sizeof(why))) {
        if (parsed.n > LF_MAX_TRUSTED_KEYS)
            abort();
    } else if (why[0] == '\0') {
        abort();
    }
    free(text);
    return 0;
}
