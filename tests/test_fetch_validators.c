/* Which validators of an answer the next conditional request may send
 * back (sync/fetch.h, lf_fetch_validators_to_send): Last-Modified only
 * when it lies at least LF_FETCH_VALIDATOR_SETTLE_S before the answer's
 * Date, a strong ETag only beside such a Last-Modified or with none at
 * all, a weak ETag never; missing and unreadable dates send nothing. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>

#include "sync/fetch.h"

#define NONE 0u
#define ETAG LF_FETCH_SEND_ETAG
#define LM LF_FETCH_SEND_LAST_MODIFIED
#define BOTH (LF_FETCH_SEND_ETAG | LF_FETCH_SEND_LAST_MODIFIED)

/* nginx's ETag: "<mtime in hex>-<size in hex>" */
#define NGINX_ETAG "\"692ef2b0-1a2\""
#define DATE "Wed, 02 Dec 2026 13:00:00 GMT"

struct validator_case {
    const char *etag, *last_modified, *date;
    unsigned want;
    const char *why;
};

static void check_cases(const struct validator_case *cases, size_t n)
{
    int failed = 0;
    for (size_t i = 0; i < n; i++) {
        const struct validator_case *c = &cases[i];
        unsigned got = lf_fetch_validators_to_send(c->etag, c->last_modified, c->date);
        if (got != c->want) {
            print_error("case %zu (%s): ETag %s, Last-Modified %s, Date %s: got %u, want %u\n", i,
                        c->why, c->etag ? c->etag : "NULL",
                        c->last_modified ? c->last_modified : "NULL",
                        c->date ? c->date : "NULL", got, c->want);
            failed++;
        }
    }
    assert_int_equal(failed, 0);
}

static void settle_time(void **state)
{
    (void)state;
    assert_int_equal(LF_FETCH_VALIDATOR_SETTLE_S, 1);
    static const struct validator_case cases[] = {
        {NGINX_ETAG, DATE, DATE, NONE, "modified in the second of the answer"},
        {NGINX_ETAG, "Wed, 02 Dec 2026 12:59:59 GMT", DATE, BOTH, "one second before"},
        {NGINX_ETAG, "Wed, 02 Dec 2026 12:59:58 GMT", DATE, BOTH, "two seconds before"},
        {NGINX_ETAG, "Tue, 01 Dec 2026 13:00:00 GMT", DATE, BOTH, "a day before"},
        {NGINX_ETAG, "Wed, 02 Dec 2026 13:00:01 GMT", DATE, NONE, "a second after the Date"},
        {NGINX_ETAG, "Wed, 02 Dec 2026 14:00:00 GMT", DATE, NONE, "an hour in the future"},
        {"", DATE, DATE, NONE, "Last-Modified alone, same second"},
        {NULL, "Wed, 02 Dec 2026 12:59:59 GMT", DATE, LM, "Last-Modified alone, settled"},
        /* the zone counts: 13:59:59 +0100 is 12:59:59 GMT */
        {NGINX_ETAG, "Wed, 02 Dec 2026 13:59:59 +0100", DATE, BOTH, "a zone offset, settled"},
        {NGINX_ETAG, "Wed, 02 Dec 2026 14:00:00 +0100", DATE, NONE, "a zone offset, same second"},
        /* the two obsolete forms a recipient must read (RFC 9110 5.6.7) */
        {NGINX_ETAG, "Wednesday, 02-Dec-26 12:59:59 GMT", DATE, BOTH, "RFC 850, settled"},
        {NGINX_ETAG, "Wed Dec  2 13:00:00 2026", DATE, NONE, "asctime, same second"},
        {NGINX_ETAG, "Wed Dec  2 12:59:59 2026", "Wednesday, 02-Dec-26 13:00:00 GMT", BOTH,
         "asctime against an RFC 850 Date"},
    };
    check_cases(cases, sizeof(cases) / sizeof(cases[0]));
}

static void strong_and_weak(void **state)
{
    (void)state;
    static const struct validator_case cases[] = {
        {"W/\"692ef2b0-1a2\"", "Wed, 02 Dec 2026 12:00:00 GMT", DATE, LM,
         "weak ETag, settled Last-Modified: the date only"},
        {"W/\"692ef2b0-1a2\"", DATE, DATE, NONE, "weak ETag, same second"},
        {"W/\"x\"", NULL, DATE, NONE, "weak ETag alone"},
        {"W/\"x\"", "", "", NONE, "weak ETag alone, no Date"},
        /* a strong ETag without any Last-Modified: not made from a time the
         * server shows (a content hash, a revision) */
        {"\"sha-5f1c\"", NULL, DATE, ETAG, "strong ETag alone"},
        {"\"sha-5f1c\"", "", NULL, ETAG, "strong ETag alone, no Date"},
        {"\"sha-5f1c\"", "", "garbage", ETAG, "strong ETag alone, unreadable Date"},
        {"\"w/lowercase\"", NULL, NULL, ETAG, "a strong ETag whose text starts with w/"},
        {NULL, NULL, NULL, NONE, "nothing"},
        {"", "", DATE, NONE, "empty headers"},
    };
    check_cases(cases, sizeof(cases) / sizeof(cases[0]));
}

static void missing_and_garbage_dates(void **state)
{
    (void)state;
    static const struct validator_case cases[] = {
        {NGINX_ETAG, "Wed, 02 Dec 2026 12:00:00 GMT", NULL, NONE, "no Date"},
        {NGINX_ETAG, "Wed, 02 Dec 2026 12:00:00 GMT", "", NONE, "empty Date"},
        {NULL, "Wed, 02 Dec 2026 12:00:00 GMT", NULL, NONE, "Last-Modified alone, no Date"},
        {NGINX_ETAG, "Wed, 02 Dec 2026 12:00:00 GMT", "yesterday", NONE, "Date a word"},
        {NGINX_ETAG, "Wed, 02 Dec 2026 12:00:00 GMT", "2026-12-02T13:00:00Z", NONE,
         "Date in ISO 8601"},
        {NGINX_ETAG, "Wed, 02 Dec 2026 12:00:00 GMT", "Wed, 32 Dec 2026 13:00:00 GMT", NONE,
         "Date on the 32nd"},
        {NGINX_ETAG, "Wed, 02 Dec 2026 12:00:00 GMT", "1796216400", NONE, "Date in seconds"},
        {NGINX_ETAG, "garbage", DATE, NONE, "Last-Modified unreadable"},
        {NGINX_ETAG, "Wed, 02 Dec 2026 25:00:00 GMT", DATE, NONE, "Last-Modified at 25 o'clock"},
        {NULL, "0", DATE, NONE, "Last-Modified 0"},
        /* curl_getdate reads a date without its time as midnight: that would
         * hide a whole day's changes */
        {NGINX_ETAG, "Wed, 02 Dec 2026", DATE, NONE, "Last-Modified without a time"},
        {NGINX_ETAG, "Tue, 01 Dec 2026 12:00:00 GMT", "Wed, 02 Dec 2026", NONE,
         "Date without a time"},
        {NGINX_ETAG, "\"692ef2b0-1a2\"", "\"692ef2b0-1a2\"", NONE, "ETags for dates"},
    };
    check_cases(cases, sizeof(cases) / sizeof(cases[0]));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(settle_time),
        cmocka_unit_test(strong_and_weak),
        cmocka_unit_test(missing_and_garbage_dates),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
