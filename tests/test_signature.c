/* Signed bundles: key files, signing and verifying a manifest's exact
 * bytes, key rotation, the freshness rules (serial, expiry, a wrong
 * clock), `litfass sign`'s stamping, and the store refusing a tampered
 * cache at start. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sodium.h>

#include "content/bundle.h"
#include "content/signature.h"
#include "core/civil_time.h"
#include "core/clock_floor.h"
#include "core/durable.h"
#include "core/xalloc.h"
#include "sync/store.h"
#include "support/test_root.h"

static char root[] = "/tmp/litfass-test-signature-XXXXXX";

static int setup(void **state)
{
    (void)state;
    return lf_civil_time_init() && sodium_init() >= 0 && mkdtemp(root) ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    return lf_remove_tree(root) ? 0 : -1;
}

/* A key pair NAME under root; the secret key loaded into *sk, the
 * public one into *pk. */
static void make_key(const char *name, struct lf_secret_key *sk, struct lf_public_key *pk)
{
    char *base = lf_xasprintf("%s/%s", root, name);
    char *key = lf_xasprintf("%s.key", base), *pub = lf_xasprintf("%s.pub", base);
    char err[LF_SIGN_ERROR_BYTES] = "";
    struct lf_public_key made;
    assert_true(lf_keygen(base, &made, err, sizeof(err)));
    assert_true(lf_secret_key_load(key, sk, err, sizeof(err)));
    assert_true(lf_public_key_load(pub, pk, err, sizeof(err)));
    assert_memory_equal(made.pk, pk->pk, LF_PUBLIC_KEY_BYTES);
    assert_string_equal(sk->id, pk->id);
    free(pub);
    free(key);
    free(base);
}

static const char manifest[] = "{\"format\": 1, \"organisation\": \"KI\", \"items\": []}\n";

static void keygen_files_and_permissions(void **state)
{
    (void)state;
    struct lf_secret_key sk;
    struct lf_public_key pk;
    make_key("perm", &sk, &pk);
    char *key = lf_xasprintf("%s/perm.key", root), *pub = lf_xasprintf("%s/perm.pub", root);
    struct stat st;
    assert_int_equal(stat(key, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0600); /* the owner's only */
    assert_int_equal(stat(pub, &st), 0);
    assert_int_equal(st.st_mode & 0600, 0600);
    assert_int_equal(st.st_mode & 0022, 0); /* nobody else may change it */

    /* the key id is the first 8 bytes of the public key in hex */
    char hex[17];
    sodium_bin2hex(hex, sizeof(hex), pk.pk, 8);
    assert_string_equal(pk.id, hex);
    char b64[LF_PUBLIC_KEY_BASE64 + 1];
    lf_public_key_base64(&pk, b64, sizeof(b64));
    assert_int_equal(strlen(b64), LF_PUBLIC_KEY_BASE64);
    struct lf_public_key again;
    char err[LF_SIGN_ERROR_BYTES] = "";
    assert_true(lf_public_key_parse(b64, &again, err, sizeof(err)));
    assert_memory_equal(again.pk, pk.pk, LF_PUBLIC_KEY_BYTES);

    /* never over an existing file */
    char *base = lf_xasprintf("%s/perm", root);
    size_t before_len;
    char *before = test_read_text(key, &before_len);
    assert_false(lf_keygen(base, NULL, err, sizeof(err)));
    assert_non_null(strstr(err, "exists already"));
    size_t after_len;
    char *after = test_read_text(key, &after_len);
    assert_int_equal(before_len, after_len);
    assert_memory_equal(before, after, before_len);

    /* a secret key others may read is refused */
    assert_int_equal(chmod(key, 0640), 0);
    assert_false(lf_secret_key_load(key, &sk, err, sizeof(err)));
    assert_non_null(strstr(err, "readable by others (mode 0640)"));
    free(before);
    free(after);
    free(base);
    free(pub);
    free(key);
}

static void sign_and_verify(void **state)
{
    (void)state;
    struct lf_secret_key sk, sk_old, sk_other;
    struct lf_public_key pk, pk_old, pk_other;
    make_key("sign", &sk, &pk);
    make_key("old", &sk_old, &pk_old);
    make_key("other", &sk_other, &pk_other);
    char *sig = NULL, *sig_old = NULL, *sig_other = NULL;
    size_t len = strlen(manifest);
    lf_sign(&sk, manifest, len, &sig);
    lf_sign(&sk_old, manifest, len, &sig_old);
    lf_sign(&sk_other, manifest, len, &sig_other);

    struct lf_keyring ring = {.n = 1, .keys = {pk}};
    struct lf_keyring rotation = {.n = 2, .keys = {pk_old, pk}};
    char *tampered = lf_xstrdup(manifest);
    tampered[20] ^= 1; /* one flipped bit in the manifest */
    char *bad_sig = lf_xstrdup(sig);
    char *line2 = strchr(bad_sig, '\n') + 1;
    line2[5] = line2[5] == 'A' ? 'B' : 'A'; /* one changed byte in the signature */

    static const char no_trust[] = "signature does not verify with any trusted key";
    const struct {
        const char *name;
        const struct lf_keyring *ring;
        const char *data;
        const char *sig;
        bool ok;
        const char *err; /* part of the error */
    } cases[] = {
        {"round trip", &ring, manifest, sig, true, NULL},
        {"flipped byte in the manifest", &ring, tampered, sig, false, no_trust},
        {"flipped byte in the signature", &ring, manifest, bad_sig, false, no_trust},
        {"wrong key", &ring, manifest, sig_other, false, "which is not among the trusted keys"},
        {"rotation: the new key", &rotation, manifest, sig, true, NULL},
        {"rotation: the old key", &rotation, manifest, sig_old, true, NULL},
        {"rotation: neither", &rotation, manifest, sig_other, false, no_trust},
        {"no trusted keys", &(struct lf_keyring){0}, manifest, sig, false, "no trusted keys"},
        {"empty signature file", &ring, manifest, "", false, "expected two lines"},
        {"not a signature file", &ring, manifest, "litfass-public-key 0011223344556677\nAAAA\n",
         false, "line 1: expected \"litfass-signature <key id>\""},
        {"short signature", &ring, manifest, "litfass-signature 0011223344556677\nAAAA\n", false,
         "line 2: not a base64 signature of 64 bytes"},
        {"bad key id", &ring, manifest, "litfass-signature XYZ\nAAAA\n", false,
         "line 1: the key id must be 16 lowercase hex digits"},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        char err[LF_SIGN_ERROR_BYTES] = "", id[LF_KEY_ID_HEX + 1] = "";
        bool ok = lf_verify(cases[i].ring, cases[i].data, strlen(cases[i].data), cases[i].sig,
                            strlen(cases[i].sig), id, err, sizeof(err));
        if (ok != cases[i].ok || (cases[i].err && !strstr(err, cases[i].err)))
            fail_msg("%s: ok=%d err=\"%s\"", cases[i].name, ok, err);
    }
    /* the id of the key that verified is reported */
    char err[LF_SIGN_ERROR_BYTES], id[LF_KEY_ID_HEX + 1];
    assert_true(lf_verify(&rotation, manifest, len, sig_old, strlen(sig_old), id, err,
                          sizeof(err)));
    assert_string_equal(id, pk_old.id);
    free(bad_sig);
    free(tampered);
    free(sig_other);
    free(sig_old);
    free(sig);
}

static void malformed_key_files(void **state)
{
    (void)state;
    struct lf_secret_key sk;
    struct lf_public_key pk;
    make_key("good", &sk, &pk);
    char b64[LF_PUBLIC_KEY_BASE64 + 1];
    lf_public_key_base64(&pk, b64, sizeof(b64));
    char *pub_text = lf_xasprintf("litfass-public-key %s\n%s\n", pk.id, b64);
    char *wrong_id = lf_xasprintf("litfass-public-key 0000000000000000\n%s\n", b64);
    const struct {
        const char *text;
        bool secret;
        const char *err;
    } cases[] = {
        {pub_text, false, NULL},
        {"", false, "expected two lines"},
        {"hello\n", false, "line 1: expected \"litfass-public-key <key id>\""},
        {"litfass-secret-key 0011223344556677\nAAAA\n", false,
         "line 1: expected \"litfass-public-key <key id>\""},
        {"litfass-public-key 0011223344556677\nnot base64!\n", false, "line 2: not a public key"},
        {wrong_id, false, "key id 0000000000000000 does not belong to the key"},
        {"litfass-secret-key 0011223344556677\nAAAA\n", true, "line 2: not a secret key"},
        {pub_text, true, "line 1: expected \"litfass-secret-key <key id>\""},
    };
    char *path = lf_xasprintf("%s/case.key", root);
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        unlink(path);
        int fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0600);
        assert_true(fd >= 0);
        assert_int_equal(write(fd, cases[i].text, strlen(cases[i].text)),
                         (ssize_t)strlen(cases[i].text));
        close(fd);
        char err[LF_SIGN_ERROR_BYTES] = "";
        struct lf_secret_key s;
        struct lf_public_key p;
        bool ok = cases[i].secret ? lf_secret_key_load(path, &s, err, sizeof(err))
                                  : lf_public_key_load(path, &p, err, sizeof(err));
        if (ok != !cases[i].err || (cases[i].err && !strstr(err, cases[i].err)))
            fail_msg("case %zu: ok=%d err=\"%s\"", i, ok, err);
    }
    /* a missing file names itself */
    char err[LF_SIGN_ERROR_BYTES] = "";
    assert_false(lf_public_key_load("/nonexistent/x.pub", &pk, err, sizeof(err)));
    assert_non_null(strstr(err, "/nonexistent/x.pub: No such file"));

    /* trusted_keys lists */
    struct lf_keyring ring;
    char *two = lf_xasprintf("  %s %s ", b64, b64);
    assert_true(lf_keyring_parse(two, &ring, err, sizeof(err)));
    assert_int_equal(ring.n, 2);
    assert_true(lf_keyring_parse("", &ring, err, sizeof(err)));
    assert_int_equal(ring.n, 0);
    assert_false(lf_keyring_parse("abc", &ring, err, sizeof(err)));
    assert_non_null(strstr(err, "key 1: not a public key"));
    free(two);
    free(path);
    free(wrong_id);
    free(pub_text);
}

static void freshness_rules(void **state)
{
    (void)state;
    time_t created, expires, now;
    assert_true(lf_parse_datetime("2026-11-01T00:00Z", &created));
    assert_true(lf_parse_datetime("2027-01-01T00:00Z", &expires));
    assert_true(lf_parse_datetime("2026-11-23T10:00Z", &now));
    struct lf_bundle b = {.serial = 9, .has_created = true, .has_expires = true,
                          .created = created, .expires = expires};
    struct lf_bundle unstamped = {0};
    const struct {
        const struct lf_bundle *b;
        long long highest;
        time_t installed_created, now;
        bool ok, clock_wrong;
        const char *err;
    } cases[] = {
        {&b, 0, 0, now, true, false, NULL},
        {&b, 8, 0, now, true, false, NULL},
        {&b, 9, 0, now, false, false, "serial 9 is not newer than the installed 9 (rollback refused)"},
        {&b, 12, 0, now, false, false, "serial 9 is not newer than the installed 12 (rollback refused)"},
        {&b, 0, 0, expires, false, false, "expired on 2027-01-01T00:00Z"},
        {&b, 0, 0, expires + 86400, false, false, "expired on 2027-01-01T00:00Z"},
        /* the clock is before the installed bundle's creation: plainly wrong */
        {&b, 0, expires + 2 * 86400, expires + 86400, true, true, NULL},
        /* after the installed bundle's creation: expiry holds */
        {&b, 0, created, expires + 86400, false, false, "expired on"},
        {&unstamped, 0, 0, now, false, false, "no \"serial\""},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        char err[LF_SIGN_ERROR_BYTES] = "";
        bool wrong = false;
        bool ok = lf_bundle_fresh(cases[i].b, cases[i].highest, cases[i].installed_created,
                                  cases[i].now, &wrong, err, sizeof(err));
        if (ok != cases[i].ok || wrong != cases[i].clock_wrong ||
            (cases[i].err && !strstr(err, cases[i].err)))
            fail_msg("case %zu: ok=%d clock_wrong=%d err=\"%s\"", i, ok, wrong, err);
    }
}

/* A minimal valid bundle folder. */
static char *make_bundle(const char *name)
{
    char *dir = lf_xasprintf("%s/%s", root, name);
    assert_true(lf_remove_tree(dir));
    assert_true(lf_make_dirs(dir));
    char *m = lf_xasprintf("%s/content.json", dir);
    test_write_text(m, manifest);
    free(m);
    return dir;
}

/* A signer whose clock was never set (1970, a Raspberry Pi without
 * network) would stamp bundles that every kiosk refuses as expired:
 * `sign` and the studio refuse, naming the clock; a clock set is fine. */
static void sign_refuses_a_clock_not_set(void **state)
{
    (void)state;
    char err[LF_SIGN_ERROR_BYTES] = "";
    assert_false(lf_sign_clock_plausible(0, err, sizeof(err)));
    assert_non_null(strstr(err, "this computer's clock says 1970-01-01T00:00Z, before this program's build less a year"));
    assert_non_null(strstr(err, "set the clock"));
    err[0] = '\0';
    assert_false(lf_sign_clock_plausible(lf_build_time() - LF_CLOCK_BUILD_SLACK_S - 86400, err,
                                         sizeof(err)));
    assert_true(err[0] != '\0');
    assert_true(lf_sign_clock_plausible(time(NULL), err, sizeof(err)));
    assert_true(lf_sign_clock_plausible(lf_build_time(), err, sizeof(err)));
}

static void sign_stamps_the_bundle(void **state)
{
    (void)state;
    struct lf_secret_key sk;
    struct lf_public_key pk;
    make_key("stamp", &sk, &pk);
    struct lf_keyring ring = {.n = 1, .keys = {pk}};
    char *dir = make_bundle("stamped");
    time_t now;
    assert_true(lf_parse_datetime("2026-11-23T10:00Z", &now));
    char err[LF_SIGN_ERROR_BYTES] = "";
    struct lf_diags *d = lf_diags_create();
    struct lf_bundle_stamp st;
    assert_true(lf_bundle_sign(dir, &sk, 30, 0, now, d, &st, err, sizeof(err)));
    assert_int_equal(st.serial, 1);
    assert_true(lf_verify_bundle_dir(dir, &ring, NULL, err, sizeof(err)));
    struct lf_bundle *b = lf_bundle_load(dir, d);
    assert_non_null(b);
    assert_int_equal(b->serial, 1);
    assert_true(b->has_created && b->has_expires);
    assert_int_equal(b->created, now);
    assert_int_equal(b->expires, now + 30 * 86400);
    assert_true(b->files_listed);
    lf_bundle_destroy(b);

    /* the next signature has the next serial; an explicit one must grow */
    assert_true(lf_bundle_sign(dir, &sk, 1, 0, now + 60, d, &st, err, sizeof(err)));
    assert_int_equal(st.serial, 2);
    assert_false(lf_bundle_sign(dir, &sk, 1, 2, now + 60, d, &st, err, sizeof(err)));
    assert_non_null(strstr(err, "--serial 2 is not higher than the bundle's serial 2"));
    assert_true(lf_bundle_sign(dir, &sk, 1, 40, now + 60, d, &st, err, sizeof(err)));
    assert_int_equal(st.serial, 40);
    assert_int_equal(lf_diags_errors(d), 0);

    /* unsigned: the signature file is missing */
    char *sig = lf_xasprintf("%s/%s", dir, LF_SIGNATURE_NAME);
    assert_int_equal(unlink(sig), 0);
    assert_false(lf_verify_bundle_dir(dir, &ring, NULL, err, sizeof(err)));
    assert_non_null(strstr(err, "content.json.sig: missing (the bundle is not signed"));
    free(sig);
    lf_diags_destroy(d);
    free(dir);
}

static void manifest_fields(void **state)
{
    (void)state;
    const struct {
        const char *json;
        const char *err; /* NULL: valid */
    } cases[] = {
        {"{\"format\": 1, \"organisation\": \"KI\", \"items\": [], \"serial\": 7, "
         "\"created\": \"2026-11-23T10:00Z\", \"expires\": \"2026-12-23T10:00Z\"}",
         NULL},
        {"{\"format\": 1, \"organisation\": \"KI\", \"items\": [], \"serial\": 0}",
         "serial: 0 is out of range"},
        {"{\"format\": 1, \"organisation\": \"KI\", \"items\": [], \"serial\": \"7\"}",
         "serial: expected a whole number"},
        {"{\"format\": 1, \"organisation\": \"KI\", \"items\": [], \"created\": \"soon\"}",
         "created: not a date-time"},
        {"{\"format\": 1, \"organisation\": \"KI\", \"items\": [], "
         "\"created\": \"2026-11-23T10:00Z\", \"expires\": \"2026-11-23T10:00Z\"}",
         "expires: must be later than created"},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        struct lf_diags *d = lf_diags_create();
        struct lf_bundle *b = lf_bundle_parse(cases[i].json, strlen(cases[i].json),
                                              "content.json", NULL, d);
        char first[512] = "";
        if (lf_diags_count(d) > 0)
            lf_diag_format(lf_diags_get(d, 0), first, sizeof(first));
        if ((b != NULL) != !cases[i].err || (cases[i].err && !strstr(first, cases[i].err)))
            fail_msg("case %zu: bundle=%p first=\"%s\"", i, (void *)b, first);
        if (b && i == 0)
            assert_int_equal(b->serial, 7);
        lf_bundle_destroy(b);
        lf_diags_destroy(d);
    }
}

/* At start, an installed bundle whose signature no longer verifies (a
 * tampered cache) is skipped: previous, then the sample folder. */
static void store_choose_checks_signatures(void **state)
{
    (void)state;
    struct lf_secret_key sk;
    struct lf_public_key pk;
    make_key("store", &sk, &pk);
    char b64[LF_PUBLIC_KEY_BASE64 + 1];
    lf_public_key_base64(&pk, b64, sizeof(b64));
    char *cache = lf_xasprintf("%s/cache", root);
    char *sample = make_bundle("sample");
    char err[LF_STORE_ERROR_BYTES] = "";
    struct lf_store *s = lf_store_open(cache, err, sizeof(err));
    assert_non_null(s);
    const char *ids[] = {"aaaaaaaaaaaaaaaa", "bbbbbbbbbbbbbbbb"};
    for (size_t i = 0; i < 2; i++) {
        char *staging = NULL;
        assert_true(lf_store_stage(s, &staging, err, sizeof(err)));
        char *m = lf_xasprintf("%s/content.json", staging);
        test_write_text(m, manifest);
        free(m);
        char serr[LF_SIGN_ERROR_BYTES];
        struct lf_diags *d = lf_diags_create();
        assert_true(lf_bundle_sign(staging, &sk, 30, 0, time(NULL), d, NULL, serr, sizeof(serr)));
        lf_diags_destroy(d);
        assert_true(lf_store_install(s, staging, ids[i], NULL, 0, err, sizeof(err)));
        free(staging);
    }
    lf_store_close(s);
    char out[PATH_MAX];
    char *cur = lf_xasprintf("%s/bundles/%s", cache, ids[1]);
    char *prev = lf_xasprintf("%s/bundles/%s", cache, ids[0]);
    assert_true(lf_store_choose_trusted(cache, b64, sample, out, sizeof(out), NULL, NULL));
    assert_string_equal(out, cur);

    /* tamper with the current one: one byte of its manifest */
    char *m = lf_xasprintf("%s/content.json", cur);
    char *text = test_read_text(m, NULL);
    char *ki = strstr(text, "\"KI\"");
    assert_non_null(ki);
    ki[1] = 'X';
    test_write_text(m, text);
    assert_true(lf_store_choose_trusted(cache, b64, sample, out, sizeof(out), NULL, NULL));
    assert_string_equal(out, prev);
    /* without keys the tampered (but valid) one is still taken */
    assert_true(lf_store_choose(cache, sample, out, sizeof(out), NULL, NULL));
    assert_string_equal(out, cur);

    /* the previous one loses its signature: the sample folder */
    char *sig = lf_xasprintf("%s/%s", prev, LF_SIGNATURE_NAME);
    assert_int_equal(unlink(sig), 0);
    assert_true(lf_store_choose_trusted(cache, b64, sample, out, sizeof(out), NULL, NULL));
    assert_string_equal(out, sample);
    free(sig);
    free(text);
    free(m);
    free(prev);
    free(cur);
    free(sample);
    free(cache);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(keygen_files_and_permissions),
        cmocka_unit_test(sign_and_verify),
        cmocka_unit_test(malformed_key_files),
        cmocka_unit_test(freshness_rules),
        cmocka_unit_test(sign_refuses_a_clock_not_set),
        cmocka_unit_test(sign_stamps_the_bundle),
        cmocka_unit_test(manifest_fields),
        cmocka_unit_test(store_choose_checks_signatures),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
