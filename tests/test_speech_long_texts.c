/* Long texts read aloud (speech/script.h): a text at the content limit
 * (LF_MAX_STRING_BYTES) that grows when said (dates, phone numbers and
 * addresses in words, fourteen ranges of consultation hours) is said to
 * its last word in German, Arabic, Turkish and Ukrainian: the kiosk never
 * leaves text out. Each text repeats one item and ends with a different
 * one; the script must hold the last one's words, and the repeated one's
 * words as often as it was written. `now` is Wednesday 9 December 2026,
 * 10:00 in Münster. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "content/bundle.h"
#include "core/civil_time.h"
#include "core/growing_text.h"
#include "core/limits.h"
#include "core/xalloc.h"
#include "speech/script.h"

static const char *const langs[] = {"de", "ar", "tr", "uk"};
#define N_LANGS (sizeof(langs) / sizeof(langs[0]))

static time_t now;

static int setup(void **state)
{
    (void)state;
    return lf_civil_time_init() && lf_parse_datetime("2026-12-09T10:00", &now) ? 0 : -1;
}

/* `item` written `*n` times with `sep` between, then `last`: as many as
 * fit in `limit` bytes. */
static char *repeated(const char *item, const char *sep, const char *last, size_t limit, int *n)
{
    struct lf_growing_text t;
    lf_growing_text_init(&t, limit, "test text");
    *n = 0;
    while (t.len + strlen(item) + strlen(sep) + strlen(sep) + strlen(last) <= limit) {
        lf_growing_text_adds(&t, item);
        lf_growing_text_adds(&t, sep);
        (*n)++;
    }
    lf_growing_text_adds(&t, last);
    assert_false(t.cut);
    return lf_growing_text_take(&t);
}

static int count(const char *hay, const char *needle)
{
    int c = 0;
    for (const char *p = hay; (p = strstr(p, needle)) != NULL; p += strlen(needle))
        c++;
    return c;
}

/* One item of `json` (its fields, without braces) parsed and read in lang. */
static char *script_of(const char *json, const char *lang)
{
    char *manifest = lf_xasprintf("{\"format\": 1, \"organisation\": \"KI\", \"items\": [{%s}]}",
                                  json);
    struct lf_diags *d = lf_diags_create();
    struct lf_bundle *b = lf_bundle_parse(manifest, strlen(manifest), "content.json", NULL, d);
    if (!b)
        lf_diags_print(d, stderr);
    lf_diags_destroy(d);
    free(manifest);
    assert_non_null(b);
    struct lf_slide slide;
    lf_speech_item_slide(&b->items[0], now, &slide);
    struct lf_spoken_page page = {.slide = &slide};
    char *s = lf_speech_script(&page, lang, now);
    lf_bundle_destroy(b);
    return s;
}

/* A description in every language of langs[] (the same digits) */
static char *described(const char *kind_fields, const char *text)
{
    return lf_xasprintf("%s, \"description\": {\"de\": \"%s\", \"ar\": \"%s\", \"tr\": \"%s\", "
                        "\"uk\": \"%s\"}",
                        kind_fields, text, text, text, text);
}

/* The script writes U+02BC (Ukrainian "пʼять") as the ASCII apostrophe. */
static void apostrophes(char *s)
{
    char *o = s;
    for (const char *p = s; *p;) {
        if (strncmp(p, "ʼ", strlen("ʼ")) == 0) {
            *o++ = '\'';
            p += strlen("ʼ");
        } else {
            *o++ = *p++;
        }
    }
    *o = '\0';
}

/* Checks that `script` says `last` (as lang says it alone) and the
 * repeated item's words n times. */
static void said_whole(const char *script, const char *lang, const char *item, int n,
                       const char *last)
{
    char *item_said = lf_speech_say_text(lang, item);
    char *last_said = lf_speech_say_text(lang, last);
    apostrophes(item_said);
    apostrophes(last_said);
    /* the words as said alone: without the text's own punctuation */
    size_t l = strlen(last_said);
    while (l > 0 && strchr(".,", last_said[l - 1]))
        last_said[--l] = '\0';
    if (!strstr(script, last_said))
        fail_msg("%s: the last item \"%s\" (\"%s\") is not in the script (%zu bytes), which "
                 "ends \"%s\"",
                 lang, last, last_said, strlen(script),
                 script + (strlen(script) > 300 ? strlen(script) - 300 : 0));
    int c = count(script, item_said);
    if (c != n)
        fail_msg("%s: \"%s\" (\"%s\") said %d times, written %d times", lang, item, item_said, c,
                 n);
    free(item_said);
    free(last_said);
}

static void a_text_full_of_dates_is_said_to_the_end(void **state)
{
    (void)state;
    int n;
    char *text = repeated("12.03.2026", ", ", "31.12.2099", LF_MAX_STRING_BYTES, &n);
    assert_true(n > 300);
    char *json = described("\"kind\": \"offer\", \"id\": \"termine\", \"title\": \"Termine\"", text);
    for (size_t i = 0; i < N_LANGS; i++) {
        char *s = script_of(json, langs[i]);
        if (strlen(s) <= LF_MAX_STRING_BYTES) /* said in words: longer */
            fail_msg("%s: %zu bytes said: %.300s", langs[i], strlen(s), s);
        said_whole(s, langs[i], "12.03.2026", n, "31.12.2099");
        if (strcmp(langs[i], "de") == 0)
            assert_non_null(strstr(s, "einunddreißigster Dezember zweitausendneunundneunzig."));
        if (strcmp(langs[i], "tr") == 0)
            assert_non_null(strstr(s, "31 Aralık 2099."));
        free(s);
    }
    free(json);
    free(text);
}

static void a_text_full_of_phone_numbers_is_said_to_the_end(void **state)
{
    (void)state;
    int n;
    char *text = repeated("0251 492-7077", ", ", "0987 654-3210", LF_MAX_STRING_BYTES, &n);
    assert_true(n > 250);
    char *json = described("\"kind\": \"offer\", \"id\": \"nummern\", \"title\": \"Nummern\"", text);
    for (size_t i = 0; i < N_LANGS; i++) {
        char *s = script_of(json, langs[i]);
        assert_true(strlen(s) > 3 * LF_MAX_STRING_BYTES); /* every digit a word */
        said_whole(s, langs[i], "0251 492-7077", n, "0987 654-3210");
        if (strcmp(langs[i], "de") == 0)
            assert_non_null(strstr(s, "null neun acht sieben, sechs fünf vier, drei zwo eins null."));
        free(s);
    }
    free(json);
    free(text);
}

/* A contact with every field long: a name of 500 characters, a phone
 * field of digits at the limit, an e-mail address of many dots, an
 * address full of postal codes, fourteen ranges of hours on scattered
 * weekdays. */
static void long_contact_fields_are_said_whole(void **state)
{
    (void)state;
    int n_name, n_phone, n_mail, n_addr;
    char *name = repeated("Anna", "-", "Zoe", 500, &n_name);
    char *phone = repeated("0251 4927077", " / ", "0987 6543210", LF_MAX_STRING_BYTES, &n_phone);
    char *mail = repeated("ki", ".", "ende@muenster.de", LF_MAX_STRING_BYTES, &n_mail);
    char *addr = repeated("48143", " ", "59999 Ende", LF_MAX_STRING_BYTES, &n_addr);
    struct lf_growing_text hours;
    lf_growing_text_init(&hours, LF_MAX_SCRIPT_BYTES, "test hours");
    for (int i = 0; i < LF_MAX_HOURS_RANGES; i++)
        lf_growing_text_printf(&hours, "%s{\"days\": [\"mo\", \"we\", \"fr\", \"su\"], "
                               "\"from\": \"%02d:00\", \"to\": \"%02d:30\"}",
                               i ? ", " : "", 7 + i / 2, 7 + i / 2);
    char *json = lf_xasprintf("\"kind\": \"contact\", \"id\": \"lang\", \"title\": \"%s\", "
                              "\"phone\": \"%s\", \"email\": \"%s\", "
                              "\"hours\": {\"ranges\": [%s]}",
                              name, phone, mail, lf_growing_text_str(&hours));
    for (size_t i = 0; i < N_LANGS; i++) {
        char *s = script_of(json, langs[i]);
        if (!strstr(s, name))
            fail_msg("%s: the name of %zu bytes is not said whole", langs[i], strlen(name));
        /* the phone field: every group said, the last one too */
        char *group = lf_speech_say_phone(langs[i], "4927077");
        char *last = lf_speech_say_phone(langs[i], "6543210");
        apostrophes(group);
        apostrophes(last);
        if (count(s, group) != n_phone || !strstr(s, last))
            fail_msg("%s: phone groups said %d times of %d, last %s", langs[i], count(s, group),
                     n_phone, strstr(s, last) ? "said" : "missing");
        free(group);
        free(last);
        /* the e-mail address: every "ki", the last part too */
        assert_true(count(s, "ki") >= n_mail);
        assert_non_null(strstr(s, "ende"));
        assert_non_null(strstr(s, "muenster"));
        free(s);
    }
    /* in German the fourteenth range of hours */
    char *s = script_of(json, "de");
    assert_int_equal(count(s, "Montag, Mittwoch, Freitag und Sonntag"), LF_MAX_HOURS_RANGES);
    assert_non_null(strstr(s, "von dreizehn Uhr bis dreizehn Uhr dreißig."));
    free(s);
    free(json);
    /* an event's address (said by the German voice in every language):
     * the postal codes digit by digit, the last one too */
    json = lf_xasprintf("\"kind\": \"event\", \"id\": \"ort\", \"title\": \"Fest\", "
                        "\"start\": \"2026-12-19T17:00\", \"end\": \"2026-12-19T19:00\", "
                        "\"address\": \"%s\"",
                        addr);
    for (size_t i = 0; i < N_LANGS; i++) {
        s = script_of(json, langs[i]);
        if (count(s, "vier acht eins vier drei") != n_addr ||
            !strstr(s, "fünf neun neun neun neun Ende"))
            fail_msg("%s: postal codes said %d times of %d; ends \"%s\"", langs[i],
                     count(s, "vier acht eins vier drei"), n_addr,
                     s + (strlen(s) > 200 ? strlen(s) - 200 : 0));
        free(s);
    }
    free(json);
    lf_growing_text_free(&hours);
    free(addr);
    free(mail);
    free(phone);
    free(name);
}

/* The one ceiling left: reached, the text keeps what fits, never half a
 * letter, and says it was cut. */
static void the_ceiling_is_said_and_splits_no_letter(void **state)
{
    (void)state;
    struct lf_growing_text t;
    lf_growing_text_init(&t, 5, "test text");
    lf_growing_text_adds(&t, "abc");
    assert_false(t.cut);
    lf_growing_text_adds(&t, "dä"); /* "d" fits, "ä" (two bytes) would be split */
    assert_true(t.cut);
    assert_string_equal(lf_growing_text_str(&t), "abcd");
    lf_growing_text_printf(&t, "%s", "x");
    assert_string_equal(lf_growing_text_str(&t), "abcdx");
    char *s = lf_growing_text_take(&t);
    assert_string_equal(s, "abcdx");
    free(s);
    /* growing past its first allocation, through printf too */
    lf_growing_text_init(&t, LF_MAX_SCRIPT_BYTES, "test text");
    for (int i = 0; i < 1000; i++)
        lf_growing_text_printf(&t, "%0300d", i);
    assert_int_equal(t.len, 300000);
    assert_false(t.cut);
    assert_int_equal(strncmp(t.s + 299700, "000", 3), 0);
    assert_int_equal(strcmp(t.s + 300000 - 3, "999"), 0);
    lf_growing_text_free(&t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_text_full_of_dates_is_said_to_the_end),
        cmocka_unit_test(a_text_full_of_phone_numbers_is_said_to_the_end),
        cmocka_unit_test(long_contact_fields_are_said_whole),
        cmocka_unit_test(the_ceiling_is_said_and_splits_no_letter),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
