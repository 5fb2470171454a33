/* iCalendar feeds nobody here has seen: whatever texts and addresses a
 * feed's entries hold, what the import makes of them is a bundle the
 * kiosk takes (lf_bundle_parse), each unusable part of an entry said with
 * the feed's line and field, and the rest of the feed imported. Before,
 * one entry's stray control character or "URL:www.stadt.de" refused the
 * whole import, named by lines of a content.json no one could open. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calendar/ics.h"
#include "calendar/ics_merge.h"
#include "content/bundle.h"
#include "core/civil_time.h"

static int setup(void **state)
{
    (void)state;
    return lf_civil_time_init() ? 0 : -1;
}

static time_t at(const char *s)
{
    time_t t = 0;
    assert_true(lf_parse_datetime(s, &t));
    return t;
}

/* One VEVENT on 7 January 2027, 10:00 Berlin, with SUMMARY and more lines. */
#define EVENT(uid, summary, more)                                                          \
    "BEGIN:VEVENT\r\nUID:" uid "\r\nDTSTAMP:20261201T000000Z\r\n"                          \
    "DTSTART;TZID=Europe/Berlin:20270107T100000\r\n"                                       \
    "DTEND;TZID=Europe/Berlin:20270107T110000\r\nSUMMARY:" summary "\r\n" more "END:VEVENT\r\n"

/* the line of each BEGIN:VEVENT in its comment */
static const char hostile_texts[] =
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Stadt//Veranstaltungen//DE\r\n"
    EVENT("bell", "Sprach\x07" "caf\xc3\xa9", "DESCRIPTION:a\x01" "b\tc\r\n")        /* 4 */
    EVENT("c1", "Elterncaf\xc3\xa9\xc2\x85", "LOCATION:\xe2\x80\x8b\r\n")          /* 12 */
    EVENT("www", "Forum", "URL:www.stadt-muenster.de/forum\r\n")                      /* 20 */
    EVENT("ftp", "Lesung", "URL:ftp://stadt.example/x\r\n")                           /* 28 */
    EVENT("zwsp", "Fest", "URL:https://stadt\xe2\x80\x8bmuenster.de/\r\n")            /* 36 */
    EVENT("rlo", "Markt", "URL:https://stadt\xe2\x80\xae" "ed.retsneum/\r\n")         /* 44 */
    EVENT("mail", "Beratung", "ORGANIZER;CN=\"KI\x02\":mailto:ki@localhost\r\n")      /* 52 */
    EVENT("tags", "Kurs", "CATEGORIES:\xe2\x80\x8b,Kultur\x1f\r\n")                   /* 60 */
    EVENT("blank", "\xe2\x80\x8b\xe2\x80\x8d", "")                                    /* 68 */
    EVENT("fine", "Sprachcaf\xc3\xa9 international", "URL:https://stadt.example/\r\n"
                                                     "ORGANIZER:mailto:ki@stadt.example\r\n")
    "END:VCALENDAR\r\n";

static const struct lf_ics_event *by_title(const struct lf_ics_feed *f, const char *title)
{
    for (size_t i = 0; i < lf_ics_count(f); i++)
        if (strcmp(lf_ics_get(f, i)->title, title) == 0)
            return lf_ics_get(f, i);
    return NULL;
}

/* What was said about the entry at `line`, its `field`; NULL: nothing. */
static const struct lf_diag *said(const struct lf_diags *d, int line, const char *field)
{
    for (size_t i = 0; i < lf_diags_count(d); i++) {
        const struct lf_diag *e = lf_diags_get(d, i);
        if (e->line == line && strcmp(e->path, field) == 0)
            return e;
    }
    return NULL;
}

static char *sample_content(void)
{
    const char *src = getenv("LITFASS_SOURCE_DIR");
    char path[1024];
    snprintf(path, sizeof(path), "%s/tests/data/bundles/valid/content.json",
             src && src[0] ? src : LITFASS_SOURCE_DIR);
    FILE *fp = fopen(path, "rb");
    assert_non_null(fp);
    static char buf[1 << 16];
    size_t n = fread(buf, 1, sizeof(buf) - 1, fp);
    fclose(fp);
    buf[n] = '\0';
    return buf;
}

static void texts_and_addresses_the_bundle_would_refuse(void **state)
{
    (void)state;
    struct lf_diags *d = lf_diags_create();
    struct lf_ics_feed *f = lf_ics_parse(hostile_texts, strlen(hostile_texts), "stadt.ics",
                                         at("2026-12-01T10:00"), 180, d);
    assert_non_null(f);
    assert_int_equal(lf_diags_errors(d), 0);

    /* control characters go, a Tab is a space, the words stay */
    const struct lf_ics_event *e = by_title(f, "Sprachcafé");
    assert_non_null(e);
    assert_string_equal(e->description, "ab c");
    const struct lf_diag *w = said(d, 4, "SUMMARY");
    assert_non_null(w);
    assert_non_null(strstr(w->message, "control character U+0007 removed"));
    e = by_title(f, "Elterncafé"); /* U+0085 (NEXT LINE) gone; a zero-width place is none */
    assert_non_null(e);
    assert_string_equal(e->place, "");

    /* addresses: "www." gets https://; one the bundle refuses is left out, said */
    e = by_title(f, "Forum");
    assert_non_null(e);
    assert_string_equal(e->url, "https://www.stadt-muenster.de/forum");
    assert_null(said(d, 20, "URL"));
    static const struct {
        const char *title;
        int line;
        const char *field, *why;
    } dropped[] = {
        {"Lesung", 28, "URL", "not a web address"},
        {"Fest", 36, "URL", "an invisible character inside the address"},
        {"Markt", 44, "URL", "an invisible character inside the address"},
        {"Beratung", 52, "ORGANIZER", "not an e-mail address"},
    };
    for (size_t i = 0; i < sizeof(dropped) / sizeof(dropped[0]); i++) {
        e = by_title(f, dropped[i].title);
        assert_non_null(e);
        assert_string_equal(e->url, "");
        assert_string_equal(e->email, "");
        w = said(d, dropped[i].line, dropped[i].field);
        if (!w || !strstr(w->message, "left out of the event") ||
            !strstr(w->message, dropped[i].why))
            fail_msg("%s: line %d %s: %s", dropped[i].title, dropped[i].line, dropped[i].field,
                     w ? w->message : "nothing said");
    }
    assert_string_equal(by_title(f, "Beratung")->organiser, "KI");
    e = by_title(f, "Kurs");
    assert_non_null(e);
    assert_int_equal(e->n_tags, 1);
    assert_string_equal(e->tags[0], "Kultur");

    /* a title of zero-width characters is no title: that entry is left out */
    assert_int_equal(lf_ics_skipped(f), 1);
    w = said(d, 68, "SUMMARY");
    assert_non_null(w);
    assert_non_null(strstr(w->message, "no title"));
    e = by_title(f, "Sprachcafé international");
    assert_non_null(e);
    assert_string_equal(e->url, "https://stadt.example/");
    assert_string_equal(e->email, "ki@stadt.example");
    assert_int_equal(lf_ics_count(f), 9);

    /* and the bundle with them is one the kiosk takes */
    json_error_t jerr;
    json_t *content = json_loads(sample_content(), 0, &jerr);
    assert_non_null(content);
    json_t *st = json_object();
    struct lf_ics_report r = {0};
    assert_true(lf_ics_merge(content, st, f, "stadt.ics", "de", NULL, &r, NULL, NULL));
    assert_int_equal(r.added, 9);
    char *out = json_dumps(content, JSON_INDENT(2));
    struct lf_diags *vd = lf_diags_create();
    struct lf_bundle *b = lf_bundle_parse(out, strlen(out), "content.json", NULL, vd);
    if (!b) {
        lf_diags_print(vd, stderr);
        fail_msg("the bundle with the imported events is refused");
    }
    lf_bundle_destroy(b);
    lf_diags_destroy(vd);
    free(out);
    json_decref(st);
    json_decref(content);
    lf_ics_feed_destroy(f);
    lf_diags_destroy(d);
}

/* Outlook can write an event's description as HTML alone (X-ALT-DESC,
 * folded, commas escaped): its text is the description, no tags, no
 * script. With a DESCRIPTION beside it, the DESCRIPTION is taken. */
static void an_html_description_alone(void **state)
{
    (void)state;
    static const char feed[] =
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Microsoft Corporation//Outlook 16.0//EN\r\n"
        EVENT("alt", "Elterncaf\xc3\xa9",
              "X-ALT-DESC;FMTTYPE=text/html:<html><head><style>p{color:red}</style></head><b\r\n"
              " ody><p>Kaffee\\, Kuchen und <b>Beratung</b></p><script>alert(1)</script></bod\r\n"
              " y></html>\r\n")
        EVENT("both", "Sprachcaf\xc3\xa9", "DESCRIPTION:Deutsch \xc3\xbc" "ben\r\n"
                                           "X-ALT-DESC;FMTTYPE=text/html:<p>anders</p>\r\n")
        "END:VCALENDAR\r\n";
    struct lf_diags *d = lf_diags_create();
    struct lf_ics_feed *f =
        lf_ics_parse(feed, strlen(feed), "outlook.ics", at("2026-12-01T10:00"), 180, d);
    assert_non_null(f);
    assert_int_equal(lf_diags_count(d), 0);
    const struct lf_ics_event *e = by_title(f, "Elterncafé");
    assert_non_null(e);
    assert_string_equal(e->description, "Kaffee, Kuchen und Beratung");
    e = by_title(f, "Sprachcafé");
    assert_non_null(e);
    assert_string_equal(e->description, "Deutsch üben");
    lf_ics_feed_destroy(f);
    lf_diags_destroy(d);
}

/* A feed whose download or copy stopped early is refused whole (an
 * import would remove the events of its missing part), named by where it
 * stops: not "line 1: not an iCalendar feed". */
static void a_feed_cut_off_says_where_it_stops(void **state)
{
    (void)state;
    static const struct {
        const char *text;
        int line;
        const char *field;
    } cuts[] = {
        {"BEGIN:VCALENDAR\r\nVERSION:2.0\r\n" EVENT("a", "Fest", ""), 9, "END"},
        {"\xEF\xBB\xBF" "BEGIN:VCALENDAR\nVERSION:2.0\n" EVENT("a", "Fest", "")
         "BEGIN:VEVENT\nUID:b\nDESCRIPTION:Musik und Lesung im Rathausfestsaal, danach\n"
         "  ein Empfang mit", 13, "DESCRIPTION"},
        {"BEGIN:VCALENDAR\r\n", 1, "BEGIN"},
        /* cut inside a property's name, no line end: the name ends where the bytes do */
        {"BEGIN:VCALENDAR\r\nVERSION:2.0\r\n" EVENT("a", "Fest", "") "BEGIN:VEVENT\r\nSEQUEN", 11,
         "SEQUEN"},
    };
    for (size_t i = 0; i < sizeof(cuts) / sizeof(cuts[0]); i++) {
        /* the bytes as a download holds them: no NUL after the last (ASan sees a read past) */
        size_t len = strlen(cuts[i].text);
        char *bytes = malloc(len);
        assert_non_null(bytes);
        memcpy(bytes, cuts[i].text, len);
        struct lf_diags *d = lf_diags_create();
        struct lf_ics_feed *f = lf_ics_parse(bytes, len, "cut.ics", at("2026-12-01T10:00"), 180, d);
        free(bytes);
        assert_null(f);
        const struct lf_diag *e = lf_diags_count(d) == 1 ? lf_diags_get(d, 0) : NULL;
        if (!e || e->line != cuts[i].line || strcmp(e->path, cuts[i].field) != 0 ||
            !strstr(e->message, "without END:VCALENDAR"))
            fail_msg("cut %zu: wanted line %d %s, got %s%d %s: %s", i, cuts[i].line,
                     cuts[i].field, e ? "" : "(not one diagnostic) ", e ? e->line : 0,
                     e ? e->path : "", e ? e->message : "");
        lf_diags_destroy(d);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(texts_and_addresses_the_bundle_would_refuse),
        cmocka_unit_test(an_html_description_alone),
        cmocka_unit_test(a_feed_cut_off_says_where_it_stops),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
