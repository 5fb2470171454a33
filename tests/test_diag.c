/* Messages keyed by id (core/diag.h): each diagnostic keeps the English
 * format it was made from and its values as text, so the studio's page can
 * show it in German (web/messages.js) while the command line keeps its
 * English; lf_format_args takes each value by its conversion. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "content/bundle.h"
#include "core/diag.h"

static int args_of(char (*out)[LF_DIAG_ARG_BYTES], int max, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = lf_format_args(fmt, ap, out, max);
    va_end(ap);
    return n;
}

static void format_args_by_conversion(void **state)
{
    (void)state;
    char a[LF_DIAG_MAX_ARGS][LF_DIAG_ARG_BYTES];
    int n = args_of(a, LF_DIAG_MAX_ARGS, "%s is %u x %u pixels (at most %d), 100%% %zu %lld %04X",
                    "bild.png", 5000u, 4000u, -7, (size_t)12, 123456789012LL, 0x202e);
    assert_int_equal(n, LF_DIAG_MAX_ARGS); /* the first four are kept */
    assert_string_equal(a[0], "bild.png");
    assert_string_equal(a[1], "5000");
    assert_string_equal(a[2], "4000");
    assert_string_equal(a[3], "-7");
    n = args_of(a, 2, "%zu bytes, %lld, U+%04X", (size_t)12, 123456789012LL, 0x202e);
    assert_int_equal(n, 2);
    assert_string_equal(a[0], "12");
    assert_string_equal(a[1], "123456789012");
    n = args_of(a, LF_DIAG_MAX_ARGS, "U+%04X (%s) at %llu", 0x202e, "RLO", 18446744073709551615ULL);
    assert_int_equal(n, 3);
    assert_string_equal(a[0], "202E");
    assert_string_equal(a[1], "RLO");
    assert_string_equal(a[2], "18446744073709551615");
    assert_int_equal(args_of(a, LF_DIAG_MAX_ARGS, "no values, 100%% sure"), 0);
    assert_int_equal(args_of(a, LF_DIAG_MAX_ARGS, "%*d", 3, 4), 0); /* not taken apart */
}

static void diags_keep_msgid_and_values(void **state)
{
    (void)state;
    struct lf_diags *d = lf_diags_create();
    lf_diags_add(d, LF_DIAG_ERROR, "content.json", 3, 4, "items[0].title",
                 "too long (%zu bytes, at most %d)", (size_t)900, 600);
    lf_diags_add(d, LF_DIAG_WARNING, "content.json", 0, 0, "", "%s", "made elsewhere");
    const struct lf_diag *e = lf_diags_get(d, 0);
    assert_string_equal(e->message, "too long (900 bytes, at most 600)");
    assert_string_equal(e->msgid, "too long (%zu bytes, at most %d)");
    assert_int_equal(e->nargs, 2);
    assert_string_equal(e->args[0], "900");
    assert_string_equal(e->args[1], "600");
    e = lf_diags_get(d, 1);
    assert_string_equal(e->message, "made elsewhere");
    assert_null(e->msgid); /* passed on as "%s": nothing to translate by */
    assert_int_equal(e->nargs, 0);
    lf_diags_destroy(d);
}

/* What the studio shows at a field comes from the bundle's own check. */
static void bundle_check_gives_msgids(void **state)
{
    (void)state;
    const char *json =
        "{\"format\": 1, \"organisation\": {\"de\": \"KI\"}, \"items\": ["
        "{\"kind\": \"event\", \"id\": \"a\", \"title\": {\"de\": \"Fest\"},"
        " \"start\": \"2027-03-22T18:00\", \"end\": \"2027-03-01T20:00\", \"email\": \"kein-at\"},"
        "{\"kind\": \"offer\", \"id\": \"b\", \"title\": {\"de\": \"Beratung\"}, \"descripton\": {\"de\": \"x\"}}]}";
    struct lf_diags *d = lf_diags_create();
    struct lf_bundle *b = lf_bundle_parse(json, strlen(json), "content.json", NULL, d);
    assert_null(b);
    bool later = false, email = false, unknown = false, missing = false;
    for (size_t i = 0; i < lf_diags_count(d); i++) {
        const struct lf_diag *e = lf_diags_get(d, i);
        assert_non_null(e->msgid); /* every message of the check can be translated */
        later |= strcmp(e->path, "items[0].end") == 0 &&
                 strcmp(e->msgid, "must be later than start") == 0;
        email |= strcmp(e->path, "items[0].email") == 0 &&
                 strcmp(e->msgid, "not an e-mail address") == 0;
        unknown |= strcmp(e->path, "items[1].descripton") == 0 &&
                   strcmp(e->msgid, "unknown field: it will not be shown; did you mean \"%s\"?") == 0 &&
                   e->nargs == 1 && strcmp(e->args[0], "description") == 0;
        missing |= strcmp(e->path, "items[1].description") == 0 &&
                   strcmp(e->msgid, "missing (%s)") == 0;
    }
    assert_true(later);
    assert_true(email);
    assert_true(unknown);
    assert_true(missing);
    lf_diags_destroy(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(format_args_by_conversion),
        cmocka_unit_test(diags_keep_msgid_and_values),
        cmocka_unit_test(bundle_check_gives_msgids),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
