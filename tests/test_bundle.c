/* Content bundle: the parsed model of a valid bundle, one exact
 * diagnostic per kind of mistake, limits, and the JSON position locator. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "content/bundle.h"
#include "content/json_locate.h"
#include "core/civil_time.h"
#include "core/xalloc.h"

static int setup(void **state)
{
    (void)state;
    return lf_civil_time_init() ? 0 : -1;
}

static const char *source_dir(void)
{
    const char *s = getenv("LITFASS_SOURCE_DIR");
    return s && s[0] ? s : LITFASS_SOURCE_DIR;
}

static char *fixture(const char *name)
{
    return lf_xasprintf("%s/tests/data/bundles/%s", source_dir(), name);
}

/* Every diagnostic, formatted, one per line (for failure messages). */
static char *all_diags(const struct lf_diags *d)
{
    char *out = lf_xstrdup("");
    for (size_t i = 0; i < lf_diags_count(d); i++) {
        char buf[2048];
        char *next = lf_xasprintf("%s%s\n", out, lf_diag_format(lf_diags_get(d, i), buf,
                                                                  sizeof(buf)));
        free(out);
        out = next;
    }
    return out;
}

/* Asserts that `d` holds exactly one entry, of severity `sev`, reading `want`. */
static void assert_one_diag(const struct lf_diags *d, enum lf_diag_severity sev,
                            const char *want)
{
    char *got = all_diags(d);
    if (lf_diags_count(d) != 1)
        fail_msg("expected one diagnostic \"%s\", got %zu:\n%s", want, lf_diags_count(d), got);
    char buf[2048];
    const struct lf_diag *e = lf_diags_get(d, 0);
    lf_diag_format(e, buf, sizeof(buf));
    if (strcmp(buf, want) != 0)
        fail_msg("expected\n  %s\ngot\n  %s", want, buf);
    assert_int_equal(e->severity, sev);
    free(got);
}

/* Whether `json` is refused with exactly one diagnostic, the error `want`
 * ("content.json:L:C: path: message"; with `from_path`, "path: message",
 * the place not compared); prints what came instead, under `name`. */
static bool refused_with(const char *name, const char *json, const char *want, bool from_path)
{
    struct lf_diags *d = lf_diags_create();
    struct lf_bundle *b = lf_bundle_parse(json, strlen(json), "content.json", NULL, d);
    char *got = all_diags(d);
    const char *colon = from_path ? strstr(got, ": ") : NULL;
    const char *rest = colon ? colon + 2 : got;
    size_t n = strlen(want);
    bool good = !b && lf_diags_count(d) == 1 && lf_diags_errors(d) == 1 &&
                strncmp(rest, want, n) == 0 && strcmp(rest + n, "\n") == 0;
    if (!good)
        print_error("case \"%s\"%s:\nexpected\n  %s\ngot\n  %s", name, b ? " (accepted)" : "",
                    want, got);
    free(got);
    lf_bundle_destroy(b);
    lf_diags_destroy(d);
    return good;
}

/* ---- the valid bundle, field by field ---- */

static void valid_bundle_model(void **state)
{
    (void)state;
    char *dir = fixture("valid");
    struct lf_diags *d = lf_diags_create();
    struct lf_bundle *b = lf_bundle_load(dir, d);
    char *got = all_diags(d);
    if (!b || lf_diags_count(d) != 0)
        fail_msg("valid bundle rejected:\n%s", got);
    free(got);

    assert_string_equal(b->dir, dir);
    assert_string_equal(b->title, "Kommunales Integrationszentrum Münster");
    assert_string_equal(lf_text_get(&b->organisation, "en", NULL),
                        "Municipal Integration Centre Münster");
    assert_string_equal(b->version, "2026-11-23.1");
    assert_true(b->sample);
    assert_string_equal(b->default_lang, "de");
    /* "de" first, then in the order they first appear */
    static const char *const langs[] = {"de", "en", "tr", "ar", "de-x-ls"};
    assert_int_equal(b->n_languages, 5);
    for (size_t i = 0; i < 5; i++)
        assert_string_equal(b->languages[i], langs[i]);
    assert_int_equal(b->n_items, 4);

    const struct lf_item *ev = &b->items[0];
    assert_int_equal(ev->kind, LF_ITEM_EVENT);
    assert_string_equal(ev->id, "iwgr-2027");
    assert_int_equal(ev->title.n, 4);
    assert_string_equal(ev->title.tr[3].lang, "ar");
    assert_string_equal(lf_text_get(&ev->title, "tr", NULL),
                        "Irkçılığa Karşı Uluslararası Haftalar");
    assert_string_equal(lf_text_get(&ev->summary, "de-x-ls", NULL),
                        "Wir feiern zusammen. Es gibt Musik.");
    assert_int_equal(ev->start, 1805648400); /* 2027-03-21T17:00Z */
    assert_int_equal(ev->end, 1805648400 + 7200);
    assert_int_equal(ev->recurrence, LF_RECUR_YEARLY);
    assert_string_equal(lf_text_get(&ev->place, "de", NULL), "Stadtweinhaus");
    assert_string_equal(ev->address, "Prinzipalmarkt 8, 48143 Münster");
    assert_string_equal(lf_text_get(&ev->room, "de", NULL), "Rathausfestsaal");
    /* a plain string is the German text */
    assert_int_equal(ev->organiser.n, 1);
    assert_string_equal(ev->organiser.tr[0].lang, "de");
    assert_string_equal(ev->organiser.tr[0].text, "Kommunales Integrationszentrum");
    assert_true(lf_text_present(&ev->registration));
    assert_int_equal(ev->n_tags, 2);
    assert_string_equal(lf_text_get(&ev->tags[0], "en", NULL), "Weeks against racism");
    assert_string_equal(lf_text_get(&ev->tags[1], "en", NULL), "Kultur");
    assert_string_equal(ev->email, "ki@stadt-muenster.de");
    assert_string_equal(ev->phone, "0251 492-7077");
    assert_string_equal(ev->url, "https://www.stadt-muenster.de/zuwanderung");
    assert_string_equal(ev->image, "images/poster.png");
    assert_int_equal(ev->duration_s, 12);
    assert_false(lf_text_present(&ev->provider));
    assert_int_equal(ev->hours.n, 0);

    const struct lf_item *of = &b->items[1];
    assert_int_equal(of->kind, LF_ITEM_OFFER);
    assert_string_equal(of->id, "wegweiser");
    assert_string_equal(lf_text_get(&of->summary, "de", NULL),
                        "Beratung zu Aufenthalt, Arbeit und Schule.");
    assert_string_equal(lf_text_get(&of->provider, "de", NULL), "Caritas Münster");
    assert_string_equal(lf_text_get(&of->audience, "de", NULL), "Neu Zugewanderte");
    assert_int_equal(of->n_languages, 4);
    assert_string_equal(of->languages[3], "fa");
    assert_int_equal(of->hours.n, 2);
    assert_int_equal(of->hours.ranges[0].weekdays, 0x01 | 0x02 | 0x08); /* mo tu th */
    assert_int_equal(of->hours.ranges[0].from_min, 9 * 60);
    assert_int_equal(of->hours.ranges[0].to_min, 12 * 60);
    assert_int_equal(of->hours.ranges[1].weekdays, 0x04); /* we */
    assert_int_equal(of->hours.ranges[1].from_min, 14 * 60);
    assert_int_equal(of->hours.ranges[1].to_min, 17 * 60 + 30);
    assert_string_equal(lf_text_get(&of->hours.note, "en", NULL), "and by appointment");
    assert_int_equal(of->recurrence, LF_RECUR_NONE);
    assert_null(of->image);

    const struct lf_item *co = &b->items[2];
    assert_int_equal(co->kind, LF_ITEM_CONTACT);
    assert_string_equal(lf_text_get(&co->role, "de", NULL), "Beratung Migrantenorganisationen");
    assert_string_equal(lf_text_get(&co->unit, "de", NULL),
                        "Amt für Migration und Interkulturelles");
    assert_int_equal(co->hours.n, 0);
    assert_string_equal(lf_text_get(&co->hours.note, "de", NULL), "nach Vereinbarung");
    assert_false(lf_text_present(&co->summary));

    const struct lf_item *no = &b->items[3];
    assert_int_equal(no->kind, LF_ITEM_NOTICE);
    assert_string_equal(lf_text_get(&no->summary, "de", NULL),
                        "Vom 24.12. bis 1.1. ist das Büro geschlossen.");
    assert_int_equal(no->valid_from, 1797721200);  /* 2026-12-19T23:00Z */
    assert_int_equal(no->valid_until, 1798844400); /* 2027-01-01T23:00Z */
    assert_int_equal(no->priority, LF_NOTICE_URGENT);

    lf_bundle_destroy(b);
    lf_diags_destroy(d);
    free(dir);
}

/* ---- lf_text_get ---- */

static void text_fallback(void **state)
{
    (void)state;
    struct lf_translation tr[] = {
        {"de", "Beratung"}, {"en", "Counselling"}, {"pt-BR", "Aconselhamento"},
        {"de-x-ls", "Hilfe"},
    };
    struct lf_text t = {4, tr};
    static const struct {
        const char *ask, *want;
        bool fallback;
    } cases[] = {
        {"de", "Beratung", false},
        {"en", "Counselling", false},
        {"EN", "Counselling", false},          /* tags are case-insensitive */
        {"en-GB", "Counselling", false},       /* primary language */
        {"pt-BR", "Aconselhamento", false},
        {"pt", "Beratung", true},              /* no general Portuguese */
        {"de-x-ls", "Hilfe", false},
        {"de-AT", "Beratung", true},           /* German only through the fallback */
        {"ar", "Beratung", true},
        {NULL, "Beratung", false},
        {"", "Beratung", false},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        bool fb = !cases[i].fallback;
        const char *s = lf_text_get(&t, cases[i].ask, &fb);
        assert_non_null(s);
        if (strcmp(s, cases[i].want) != 0 || fb != cases[i].fallback)
            fail_msg("lang %s: got \"%s\" fallback %d", cases[i].ask ? cases[i].ask : "NULL",
                     s, fb);
    }
    struct lf_translation only_ls[] = {{"de-x-ls", "Hilfe"}, {"de", "Beratung"}};
    struct lf_text ls = {2, only_ls};
    assert_string_equal(lf_text_get(&ls, "en", NULL), "Beratung");
    struct lf_text absent = {0, NULL};
    bool fb = true;
    assert_null(lf_text_get(&absent, "de", &fb));
    assert_false(fb);
    assert_false(lf_text_present(&absent));
    assert_true(lf_text_present(&t));
    assert_string_equal(lf_item_kind_name(LF_ITEM_NOTICE), "notice");
    assert_string_equal(lf_item_kind_name(LF_ITEM_OFFER), "offer");

    /* an item is translated when every text it has is: here the title is
     * in English and Arabic, a tag only in English */
    struct lf_translation title[] = {{"de", "Fest"}, {"en", "Party"}, {"ar", "حفلة"}};
    struct lf_translation tag[] = {{"de", "Jährlich"}, {"en", "Yearly"}};
    struct lf_item it = {.kind = LF_ITEM_EVENT, .title = {3, title}, .n_tags = 1};
    it.tags[0] = (struct lf_text){2, tag};
    assert_true(lf_item_translated(&it, "en"));
    assert_true(lf_item_translated(&it, "de"));
    assert_false(lf_item_translated(&it, "ar")); /* the tag shows in German */
    assert_false(lf_item_translated(&it, "tr"));
    it.n_tags = 0;
    assert_true(lf_item_translated(&it, "ar"));
}

/* ---- bad manifests: one exact diagnostic each ---- */

#define HEAD "{\"format\": 1, \"organisation\": \"KI\", \"items\": [\n"
#define EVENT_REQ "\"id\": \"e\", \"title\": \"Fest\""
#define TIMES "\"start\": \"2027-03-21T18:00\", \"end\": \"2027-03-21T20:00\""

static const struct bad_case {
    const char *name;
    const char *json;
    const char *want;
} bad_cases[] = {
    {"syntax error", HEAD "  {\"kind\": \"event\" \"id\": \"e\"}\n]}",
     "content.json:2:19: invalid JSON: a comma is missing here, at the end of this field "
     "(before the next field) ('}' expected near '\"id\"')"},
    {"trailing comma", "{\"format\": 1,\n  }",
     "content.json:1:13: invalid JSON: a comma after the last field: remove this comma "
     "(there is no comma before a closing }) (string or '}' expected near '}')"},
    {"empty file", "  \n", "content.json: empty file"},
    {"invalid UTF-8", "{\"format\": 1,\n \"organisation\": \"M\xfcnster\"}",
     "content.json:2:18: organisation: not valid UTF-8 text (save the file as UTF-8): "
     "unable to decode byte 0xfc near '\"M'"},
    /* every text: the field is named even though jansson stops at the byte */
    {"invalid UTF-8 in a translation",
     HEAD "  {\"kind\": \"notice\", \"id\": \"n\", \"title\": \"T\"},\n"
          "  {\"kind\": \"offer\", \"id\": \"o\", \"title\": {\"de\": \"Beratung\", "
          "\"tr\": \"Dan\xc4\xb1\xfe\"}}\n]}",
     "content.json:3:66: items[1].title.tr: not valid UTF-8 text (save the file as UTF-8): "
     "unable to decode byte 0xfe near '\"Dan\xc4\xb1'"},
    {"invalid UTF-8 in a tag",
     HEAD "  {\"kind\": \"event\", " EVENT_REQ ", \"tags\": [\"Kultur\", {\"de\": \"x\", "
          "\"en\": \"\xc3\x28\"}]}\n]}",
     "content.json:2:86: items[0].tags[1].en: not valid UTF-8 text (save the file as UTF-8): "
     "unable to decode byte 0xc3 near '\"'"},
    {"invalid UTF-8 in a key", HEAD "  {\"kind\": \"contact\", \"ti\xfftle\": \"K\"}\n]}",
     "content.json:2:23: items[0]: not valid UTF-8 text (save the file as UTF-8): "
     "unable to decode byte 0xff near '\"ti'"},
    {"duplicate key", "{\"format\": 1, \"format\": 1}",
     "content.json:1:15: invalid JSON: duplicate object key near '\"format\"'"},
    {"too deep", "{\"a\": [[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]}",
     "content.json:1:22: nested deeper than 16 levels"},
    {"not an object", "[1, 2]", "content.json:1:1: expected an object {...} around everything, "
                                "found an array"},
    {"format missing", "{\"organisation\": \"KI\", \"items\": []}",
     "content.json:1:1: format: missing (write \"format\": 1)"},
    {"format 2", "{\"format\": 2, \"organisation\": 7}",
     "content.json:1:12: format: unsupported format 2 (this version of litfass reads format 1)"},
    {"organisation missing", "{\"format\": 1, \"items\": []}",
     "content.json:1:1: organisation: missing (the name of the KI, e.g. {\"de\": \"...\"})"},
    {"items not an array", "{\"format\": 1, \"organisation\": \"KI\", \"items\": {}}",
     "content.json:1:46: items: expected an array of items, found an object"},
    {"sample not boolean", "{\"format\": 1, \"organisation\": \"KI\", \"items\": [],\n"
                           " \"sample\": \"ja\"}",
     "content.json:2:12: sample: expected true or false, found a string"},
    {"wrong type", HEAD "  {\"kind\": \"event\", \"id\": 17, \"title\": \"Fest\", " TIMES "}\n]}",
     "content.json:2:27: items[0].id: expected a string, found a whole number"},
    {"text of wrong type", HEAD "  {\"kind\": \"contact\", \"id\": \"c\", \"title\": [\"x\"]}\n]}",
     "content.json:2:43: items[0].title: expected a text (a string, or an object such as "
     "{\"de\": \"...\", \"en\": \"...\"}), found an array"},
    {"missing required field", HEAD "  {\"kind\": \"event\", " EVENT_REQ
                                    ", \"start\": \"2027-03-21T18:00\"}\n]}",
     "content.json:2:3: items[0].end: missing (an event needs id, title, start and end; only an all-day event, whose "
     "start is a date alone, may leave out end)"},
    {"offer without description", HEAD "  {\"kind\": \"offer\", \"id\": \"o\", \"title\": \"B\"}\n]}",
     "content.json:2:3: items[0].description: missing (an offer needs id, title and description)"},
    {"kind missing", HEAD "  {\"id\": \"x\"}\n]}",
     "content.json:2:3: items[0].kind: missing (event, offer, contact or notice)"},
    {"unknown kind", HEAD "  {\"kind\": \"evnt\", \"id\": \"x\"}\n]}",
     "content.json:2:12: items[0].kind: unknown kind \"evnt\" (event, offer, contact or notice)"},
    {"item not an object", HEAD "  {\"kind\": \"contact\", \"id\": \"c\", \"title\": \"K\"},\n"
                                "  \"Fest\"\n]}",
     "content.json:3:3: items[1]: expected an object, found a string"},
    {"bad date", HEAD "  {\"kind\": \"event\", " EVENT_REQ ",\n"
                      "   \"start\": \"21.03.2027 18:00\", \"end\": \"2027-03-21T20:00\"}\n]}",
     "content.json:3:13: items[0].start: not a date-time (write it like 2027-03-21T18:00, or 2027-03-21 alone for an "
     "all-day event)"},
    /* a day the month does not have: said so, not "write it like ..." */
    {"no such day", HEAD "  {\"kind\": \"event\", " EVENT_REQ ",\n"
                         "   \"start\": \"2027-02-29T18:00\", \"end\": \"2027-03-01T20:00\"}\n]}",
     "content.json:3:13: items[0].start: 2027-02-29 does not exist: that month has 28 days"},
    {"no such day, all day", HEAD "  {\"kind\": \"event\", " EVENT_REQ ",\n"
                                  "   \"start\": \"2027-04-31\"}\n]}",
     "content.json:3:13: items[0].start: 2027-04-31 does not exist: that month has 30 days"},
    {"end before start", HEAD "  {\"kind\": \"event\", " EVENT_REQ ",\n"
                              "   \"start\": \"2027-03-21T18:00\", \"end\": \"2027-03-21T17:00\"}\n]}",
     "content.json:3:40: items[0].end: must be later than start"},
    {"notice ends before it starts",
     HEAD "  {\"kind\": \"notice\", \"id\": \"n\", \"title\": \"Zu\",\n"
          "   \"valid_from\": \"2027-01-02T00:00\", \"valid_until\": \"2027-01-02T00:00\"}\n]}",
     "content.json:3:53: items[0].valid_until: must be later than valid_from"},
    {"priority out of range",
     HEAD "  {\"kind\": \"notice\", \"id\": \"n\", \"title\": \"Zu\", \"priority\": 3,\n"
          "   \"valid_from\": \"2027-01-01T00:00\", \"valid_until\": \"2027-01-02T00:00\"}\n]}",
     "content.json:2:60: items[0].priority: 3 is out of range (0, 1 or 2 = urgent)"},
    {"bad recurrence", HEAD "  {\"kind\": \"event\", " EVENT_REQ ", " TIMES
                            ",\n   \"recurrence\": \"weekly\"}\n]}",
     "content.json:3:18: items[0].recurrence: unknown recurrence \"weekly\" (only \"yearly\")"},
    {"missing de", HEAD "  {\"kind\": \"contact\", \"id\": \"c\",\n"
                        "   \"title\": {\"en\": \"Contact\", \"tr\": \"İletişim\"}}\n]}",
     "content.json:3:13: items[0].title: no German text (\"de\"): German is required as the "
     "fallback"},
    {"bad language tag", HEAD "  {\"kind\": \"contact\", \"id\": \"c\",\n"
                              "   \"title\": {\"de\": \"Kontakt\", \"english\": \"Contact\"}}\n]}",
     "content.json:3:31: items[0].title.english: not a language tag (BCP 47, e.g. \"de\", "
     "\"tr\", \"pt-BR\", \"de-x-ls\")"},
    {"empty text", HEAD "  {\"kind\": \"contact\", \"id\": \"c\", \"title\": {\"de\": \"  \"}}\n]}",
     "content.json:2:50: items[0].title.de: empty"},
    {"duplicate id", HEAD "  {\"kind\": \"contact\", \"id\": \"ki\", \"title\": \"K\"},\n"
                          "  {\"kind\": \"contact\", \"id\": \"ki\", \"title\": \"L\"}\n]}",
     "content.json:3:29: items[1].id: duplicate id \"ki\" (also used by items[0])"},
    {"id charset", HEAD "  {\"kind\": \"contact\", \"id\": \"KI Münster\", \"title\": \"K\"}\n]}",
     "content.json:2:29: items[0].id: \"KI Münster\" is not a valid id: use only a-z, 0-9, "
     "\"-\" and \"_\""},
    {"hours day", HEAD "  {\"kind\": \"contact\", \"id\": \"c\", \"title\": \"K\",\n"
                       "   \"hours\": {\"ranges\": [{\"days\": [\"mo\", \"Di\"], \"from\": \"09:00\","
                       " \"to\": \"12:00\"}]}}\n]}",
     "content.json:3:41: items[0].hours.ranges[0].days[1]: not a day (mo, tu, we, th, fr, sa, su)"},
    {"hours order", HEAD "  {\"kind\": \"contact\", \"id\": \"c\", \"title\": \"K\",\n"
                         "   \"hours\": {\"ranges\": [{\"days\": [\"mo\"], \"from\": \"12:00\","
                         " \"to\": \"09:00\"}]}}\n]}",
     "content.json:3:65: items[0].hours.ranges[0].to: must be later than from"},
    {"hours time", HEAD "  {\"kind\": \"contact\", \"id\": \"c\", \"title\": \"K\",\n"
                        "   \"hours\": {\"ranges\": [{\"days\": [\"mo\"], \"from\": \"9 Uhr\","
                        " \"to\": \"12:00\"}]}}\n]}",
     "content.json:3:50: items[0].hours.ranges[0].from: not a time of day (write it like 09:00)"},
    {"image absolute", HEAD "  {\"kind\": \"contact\", \"id\": \"c\", \"title\": \"K\",\n"
                            "   \"image\": \"/etc/passwd\"}\n]}",
     "content.json:3:13: items[0].image: must be a file inside the bundle folder, not an "
     "absolute path"},
    {"image dotdot", HEAD "  {\"kind\": \"contact\", \"id\": \"c\", \"title\": \"K\",\n"
                          "   \"image\": \"images/../../x.png\"}\n]}",
     "content.json:3:13: items[0].image: must not contain \"..\": images stay inside the bundle "
     "folder"},
    {"image backslash", HEAD "  {\"kind\": \"contact\", \"id\": \"c\", \"title\": \"K\",\n"
                             "   \"image\": \"images\\\\x.png\"}\n]}",
     "content.json:3:13: items[0].image: use \"/\" between folder names, not \"\\\""},
    {"bad url", HEAD "  {\"kind\": \"contact\", \"id\": \"c\", \"title\": \"K\",\n"
                     "   \"url\": \"www.stadt-muenster.de\"}\n]}",
     "content.json:3:11: items[0].url: not a web address (write it with https://)"},
    {"bad email", HEAD "  {\"kind\": \"contact\", \"id\": \"c\", \"title\": \"K\",\n"
                       "   \"email\": \"ki at stadt-muenster.de\"}\n]}",
     "content.json:3:13: items[0].email: not an e-mail address"},
    {"default language unused", "{\"format\": 1, \"organisation\": \"KI\", \"items\": [],\n"
                                " \"default_language\": \"en\"}",
     "content.json:2:22: default_language: no text is in \"en\" (languages used: de)"},
    {"too many tags",
     HEAD "  {\"kind\": \"event\", " EVENT_REQ ", " TIMES ",\n"
          "   \"tags\": [\"a\", \"b\", \"c\", \"d\", \"e\", \"f\", \"g\", \"h\", \"i\"]}\n]}",
     "content.json:3:12: items[0].tags: too many tags (9, at most 8)"},
    {"duration", HEAD "  {\"kind\": \"contact\", \"id\": \"c\", \"title\": \"K\", \"duration\": 1.5}\n]}",
     "content.json:2:60: items[0].duration: expected a whole number, found a number"},
    /* escapes jansson refuses: the field named, in words */
    {"\\u0000 in a text",
     HEAD "  {\"kind\": \"notice\", \"id\": \"n\", \"title\": \"a\\u0000b\"}\n]}",
     "content.json:2:42: items[0].title: invalid JSON: \\u0000 (an invisible NUL character) "
     "inside a text: remove it"},
    {"half a surrogate pair",
     HEAD "  {\"kind\": \"notice\", \"id\": \"n\", \"title\": \"a\\ud83db\"}\n]}",
     "content.json:2:42: items[0].title: invalid JSON: invalid Unicode '\\uD83D': a \\u escape "
     "that is no character (half of a pair such as \\ud83d\\ude00, or the other half "
     "missing): remove it or write the character itself"},
    /* an address that shows as one and leads to another (a QR code, a link) */
    {"zero-width space in a web address",
     HEAD "  {\"kind\": \"contact\", \"id\": \"c\", \"title\": \"K\",\n"
          "   \"url\": \"https://stadt\xe2\x80\x8bmuenster.de/\"}\n]}",
     "content.json:3:11: items[0].url: invisible character U+200B at byte 13: what is shown "
     "would not be where the address leads; remove it"},
    {"no-break space in an e-mail address",
     HEAD "  {\"kind\": \"contact\", \"id\": \"c\", \"title\": \"K\",\n"
          "   \"email\": \"ki@stadt\xc2\xa0muenster.de\"}\n]}",
     "content.json:3:13: items[0].email: invisible character U+00A0 at byte 8: what is shown "
     "would not be where the address leads; remove it"},
    {"right-to-left override in a web address: refused, not also said to be removed",
     HEAD "  {\"kind\": \"contact\", \"id\": \"c\", \"title\": \"K\",\n"
          "   \"url\": \"https://stadt.de/\xe2\x80\xae" "fdp.exe\"}\n]}",
     "content.json:3:11: items[0].url: invisible character U+202E at byte 17: what is shown "
     "would not be where the address leads; remove it"},
};

static void bad_manifests(void **state)
{
    (void)state;
    size_t failures = 0;
    for (size_t i = 0; i < sizeof(bad_cases) / sizeof(bad_cases[0]); i++)
        failures += !refused_with(bad_cases[i].name, bad_cases[i].json, bad_cases[i].want, false);
    assert_int_equal(failures, 0);
}

/* A manifest built in memory: HEAD, `n` copies of `item` ("%zu" = index), end. */
static char *manifest_of(const char *item, size_t n)
{
    size_t cap = strlen(HEAD) + n * (strlen(item) + 24) + 8, used = 0;
    char *s = lf_xmalloc(cap);
    used += (size_t)snprintf(s, cap, "%s", HEAD);
    for (size_t i = 0; i < n; i++) {
        used += (size_t)snprintf(s + used, cap - used, i ? ",\n" : "");
        used += (size_t)snprintf(s + used, cap - used, item, i);
    }
    snprintf(s + used, cap - used, "\n]}");
    return s;
}

static void limits(void **state)
{
    (void)state;
    struct lf_diags *d = lf_diags_create();
    const char *contact = "  {\"kind\": \"contact\", \"id\": \"c%zu\", \"title\": \"K\"}";

    /* exactly LF_MAX_ITEMS is fine, one more is not */
    char *json = manifest_of(contact, LF_MAX_ITEMS);
    struct lf_bundle *b = lf_bundle_parse(json, strlen(json), "content.json", NULL, d);
    assert_non_null(b);
    assert_int_equal(b->n_items, LF_MAX_ITEMS);
    lf_bundle_destroy(b);
    free(json);
    json = manifest_of(contact, LF_MAX_ITEMS + 1);
    assert_null(lf_bundle_parse(json, strlen(json), "content.json", NULL, d));
    assert_one_diag(d, LF_DIAG_ERROR, "content.json:1:46: items: too many items (501, at most 500)");
    free(json);
    lf_diags_destroy(d);

    /* a string of LF_MAX_STRING_BYTES is fine, one byte more is not */
    for (size_t extra = 0; extra < 2; extra++) {
        d = lf_diags_create();
        size_t n = LF_MAX_STRING_BYTES + extra;
        char *title = lf_xmalloc(n + 1);
        memset(title, 'x', n);
        title[n] = '\0';
        json = lf_xasprintf(HEAD "  {\"kind\": \"contact\", \"id\": \"c\", \"title\": \"%s\"}\n]}",
                            title);
        b = lf_bundle_parse(json, strlen(json), "content.json", NULL, d);
        if (extra == 0) {
            assert_non_null(b);
            assert_int_equal(strlen(b->items[0].title.tr[0].text), LF_MAX_STRING_BYTES);
            assert_int_equal(lf_diags_count(d), 0);
        } else {
            assert_null(b);
            assert_one_diag(d, LF_DIAG_ERROR,
                            "content.json:2:43: items[0].title: too long (4097 bytes, at most 4096)");
        }
        lf_bundle_destroy(b);
        free(json);
        free(title);
        lf_diags_destroy(d);
    }

    /* exactly LF_MAX_JSON_DEPTH levels is fine */
    d = lf_diags_create();
    json = lf_xasprintf(HEAD "  {\"kind\": \"contact\", \"id\": \"c\", \"title\": \"K\", "
                             "\"x\": [[[[[[[[[[[[[]]]]]]]]]]]]]}\n]}");
    b = lf_bundle_parse(json, strlen(json), "content.json", NULL, d);
    assert_non_null(b);
    assert_one_diag(d, LF_DIAG_WARNING, "content.json:2:48: items[0].x: unknown field: it will not be shown");
    lf_bundle_destroy(b);
    free(json);
    lf_diags_destroy(d);

    /* a manifest in memory larger than LF_MAX_MANIFEST_BYTES */
    d = lf_diags_create();
    size_t big = LF_MAX_MANIFEST_BYTES + 1;
    char *spaces = lf_xmalloc(big);
    memset(spaces, ' ', big);
    assert_null(lf_bundle_parse(spaces, big, "content.json", NULL, d));
    assert_one_diag(d, LF_DIAG_ERROR, "content.json: too large (1048577 bytes, at most 1048576)");
    free(spaces);
    lf_diags_destroy(d);

    /* too many translations in one text: 64 are fine, the 65th is named */
    d = lf_diags_create();
    char org[LF_MAX_TRANSLATIONS * 16 + 64] = "\"de\": \"KI\"";
    for (int i = 1; i <= LF_MAX_TRANSLATIONS; i++) {
        size_t used = strlen(org);
        snprintf(org + used, sizeof(org) - used, ", \"x%c%c\": \"1\"", 'a' + i / 26, 'a' + i % 26);
    }
    json = lf_xasprintf("{\"format\": 1, \"items\": [], \"organisation\": {%s}}", org);
    assert_null(lf_bundle_parse(json, strlen(json), "content.json", NULL, d));
    assert_one_diag(d, LF_DIAG_ERROR,
                    "content.json:1:44: organisation: too many languages (65, at most 64)");
    free(json);
    lf_diags_destroy(d);
}

/* All-day and multi-day events: a date alone is a whole day (local
 * midnight to the midnight after the last day, across DST); end may be
 * left out for one day; the byte order mark of Windows editors is
 * skipped; the fields a visitor will not see are listed. */
static void all_day_events_and_hand_editing(void **state)
{
    (void)state;
    struct lf_diags *d = lf_diags_create();
    const char *json = "\xEF\xBB\xBF" HEAD
        "  {\"kind\": \"event\", \"id\": \"fest\", \"title\": \"Fest\", \"start\": \"2027-03-21\"},\n"
        "  {\"kind\": \"event\", \"id\": \"woche\", \"title\": \"Woche\", \"start\": \"2027-03-22\",\n"
        "   \"end\": \"2027-03-28\", \"organizer\": \"KI\"}\n]}";
    struct lf_bundle *b = lf_bundle_parse(json, strlen(json), "content.json", NULL, d);
    assert_non_null(b);
    time_t t;
    assert_true(b->items[0].all_day);
    assert_true(lf_parse_datetime("2027-03-21T00:00+01:00", &t));
    assert_int_equal(b->items[0].start, t);
    assert_true(lf_parse_datetime("2027-03-22T00:00+01:00", &t));
    assert_int_equal(b->items[0].end, t);
    /* the last day, 28 March 2027, is the day summer time begins */
    assert_true(b->items[1].all_day);
    assert_true(lf_parse_datetime("2027-03-29T00:00+02:00", &t));
    assert_int_equal(b->items[1].end, t);
    assert_int_equal(b->n_ignored, 1);
    assert_string_equal(b->ignored[0], "items[1].organizer (organiser?)");
    lf_bundle_destroy(b);
    lf_diags_destroy(d);
}

/* Unknown fields warn; the bundle still loads. Many of them are capped. */
static void unknown_fields_warn(void **state)
{
    (void)state;
    struct lf_diags *d = lf_diags_create();
    const char *json = HEAD "  {\"kind\": \"event\", " EVENT_REQ ", " TIMES ",\n"
                            "   \"titel\": \"Tippfehler\"}\n]}";
    struct lf_bundle *b = lf_bundle_parse(json, strlen(json), "content.json", NULL, d);
    assert_non_null(b);
    assert_one_diag(d, LF_DIAG_WARNING, "content.json:3:4: items[0].titel: unknown field: it will not be shown; "
                    "did you mean \"title\"?");
    lf_bundle_destroy(b);
    lf_diags_destroy(d);

    /* a field of another kind */
    d = lf_diags_create();
    json = HEAD "  {\"kind\": \"event\", " EVENT_REQ ", " TIMES ", \"priority\": 2}\n]}";
    b = lf_bundle_parse(json, strlen(json), "content.json", NULL, d);
    assert_non_null(b);
    assert_one_diag(d, LF_DIAG_WARNING,
                    "content.json:2:105: items[0].priority: an event has no field \"priority\": "
                    "it will not be shown");
    assert_int_equal(b->items[0].priority, 0);
    lf_bundle_destroy(b);
    lf_diags_destroy(d);

    /* past LF_MAX_BUNDLE_DIAGS the rest are only counted */
    d = lf_diags_create();
    char *many = manifest_of("  {\"kind\": \"contact\", \"id\": \"c%zu\", \"title\": \"K\", \"x\": 1}",
                             LF_MAX_BUNDLE_DIAGS + 50);
    b = lf_bundle_parse(many, strlen(many), "content.json", NULL, d);
    assert_non_null(b);
    assert_int_equal(lf_diags_count(d), LF_MAX_BUNDLE_DIAGS + 1);
    assert_int_equal(lf_diags_errors(d), 0);
    char buf[512];
    assert_string_equal(lf_diag_format(lf_diags_get(d, LF_MAX_BUNDLE_DIAGS), buf, sizeof(buf)),
                        "content.json: 50 more problems not listed (0 errors, 50 warnings)");
    lf_bundle_destroy(b);
    free(many);
    lf_diags_destroy(d);
}

/* Several errors are all listed, and the bundle is refused. */
static void collects_all_errors(void **state)
{
    (void)state;
    struct lf_diags *d = lf_diags_create();
    const char *json = HEAD "  {\"kind\": \"event\", \"id\": \"A\", \"title\": {\"en\": \"x\"},\n"
                            "   \"start\": \"morgen\", \"end\": \"2027-03-21T20:00\"},\n"
                            "  {\"kind\": \"notice\", \"id\": \"n\", \"title\": \"Zu\"}\n]}";
    assert_null(lf_bundle_parse(json, strlen(json), "content.json", NULL, d));
    char *got = all_diags(d);
    assert_string_equal(got,
        "content.json:2:27: items[0].id: \"A\" is not a valid id: use only a-z, 0-9, \"-\" and \"_\"\n"
        "content.json:2:41: items[0].title: no German text (\"de\"): German is required as the fallback\n"
        "content.json:3:13: items[0].start: not a date-time (write it like 2027-03-21T18:00, or 2027-03-21 alone for an "
     "all-day event)\n"
        "content.json:4:3: items[1].valid_from: missing (a notice needs id, title, valid_from and valid_until)\n"
        "content.json:4:3: items[1].valid_until: missing (a notice needs id, title, valid_from and valid_until)\n");
    free(got);
    lf_diags_destroy(d);
}

/* ---- bundles on disk: images and file limits ---- */

static void image_fixtures(void **state)
{
    (void)state;
    static const struct {
        const char *dir, *want;
    } cases[] = {
        {"image-escapes", "content.json:7:15: items[0].image: must not contain \"..\": images "
                          "stay inside the bundle folder"},
        {"image-symlink", "content.json:7:15: items[0].image: images/poster.png leads outside "
                          "the bundle folder (symbolic link?)"},
        {"image-missing", "content.json:7:15: items[0].image: file not found: images/plakat.png"},
        {"image-not-image", "content.json:7:15: items[0].image: images/notes.png is not a PNG, "
                            "JPEG, GIF or WebP image"},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        char *dir = fixture(cases[i].dir);
        char *want = lf_xasprintf("%s/%s", dir, cases[i].want);
        struct lf_diags *d = lf_diags_create();
        assert_null(lf_bundle_load(dir, d));
        assert_one_diag(d, LF_DIAG_ERROR, want);
        lf_diags_destroy(d);
        free(want);
        free(dir);
    }
    /* print colours (a flyer from a print office): made RGB when decoded, so valid */
    char *cmyk = fixture("image-cmyk");
    struct lf_diags *cd = lf_diags_create();
    struct lf_bundle *cb = lf_bundle_load(cmyk, cd);
    if (!cb || lf_diags_count(cd) != 0)
        fail_msg("a CMYK JPEG refused:\n%s", all_diags(cd));
    lf_bundle_destroy(cb);
    lf_diags_destroy(cd);
    free(cmyk);
    /* in memory without a folder, only the name is checked */
    char *path = lf_xasprintf("%s/tests/data/bundles/image-missing/content.json", source_dir());
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    char text[1024];
    size_t n = fread(text, 1, sizeof(text), f);
    fclose(f);
    struct lf_diags *d = lf_diags_create();
    struct lf_bundle *b = lf_bundle_parse(text, n, "content.json", NULL, d);
    assert_non_null(b);
    assert_null(b->dir);
    assert_string_equal(b->items[0].image, "images/plakat.png");
    lf_bundle_destroy(b);
    lf_diags_destroy(d);
    free(path);
}

static void write_bytes(const char *path, const void *data, size_t n, off_t size)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, data, n), (ssize_t)n);
    if (size > (off_t)n)
        assert_int_equal(ftruncate(fd, size), 0); /* sparse: costs no disk */
    close(fd);
}

static void write_file(const char *path, const char *text, off_t size)
{
    write_bytes(path, text, strlen(text), size);
}

/* A PNG signature and IHDR chunk for w x h (enough for the size check). */
#define PNG_HEAD(w3, w2, w1, w0, h3, h2, h1, h0)                                            \
    "\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR" w3 w2 w1 w0 h3 h2 h1 h0 "\x08\x02\0\0\0"

/* The end of a picture: a PNG's IEND chunk, a JPEG's EOI marker. */
#define PNG_END "\0\0\0\0IEND\xae\x42\x60\x82"
#define JPEG_END "\xff\xd9"

/* A JPEG: SOI, an APP0 segment, then a baseline frame header h x w. */
#define JPEG_HEAD(h1, h0, w1, w0)                                                           \
    "\xff\xd8\xff\xe0\0\x10JFIF\0\x01\x01\0\0\x01\0\x01\0\0"                               \
    "\xff\xc0\0\x11\x08" h1 h0 w1 w0 "\x03\x01\x22\0\x02\x11\x01\x03\x11\x01"

static void file_and_image_limits(void **state)
{
    (void)state;
    char tmpl[] = "/tmp/litfass-bundle-XXXXXX";
    char *dir = mkdtemp(tmpl);
    assert_non_null(dir);
    char *manifest = lf_xasprintf("%s/content.json", dir);
    char *image = lf_xasprintf("%s/big.png", dir);

    /* the manifest: refused on its size before it is read */
    write_file(manifest, "{", LF_MAX_MANIFEST_BYTES + 1);
    struct lf_diags *d = lf_diags_create();
    assert_null(lf_bundle_load(dir, d));
    char *want = lf_xasprintf("%s: too large (1048577 bytes, at most 1048576)", manifest);
    assert_one_diag(d, LF_DIAG_ERROR, want);
    free(want);
    lf_diags_destroy(d);

    /* images: bytes, pixels, headers */
    write_file(manifest, "{\"format\": 1, \"organisation\": \"KI\", \"items\": [\n"
                         "  {\"kind\": \"contact\", \"id\": \"c\", \"title\": \"K\", \"image\": \"big.png\"}]}",
               0);
    static const char png_4096[] =
        PNG_HEAD("\0", "\0", "\x10", "\0", "\0", "\0", "\x10", "\0") PNG_END;
    /* cut off while uploading: the header is there, the end is not */
    static const char png_cut[] = PNG_HEAD("\0", "\0", "\x10", "\0", "\0", "\0", "\x10", "\0")
        "\0\0\x20\0IDAT\x78\x9c";
    static const char png_4097[] = PNG_HEAD("\0", "\0", "\x10", "\x01", "\0", "\0", "\x10", "\0");
    static const char png_wide[] = PNG_HEAD("\0", "\0", "\x20", "\x01", "\0", "\0", "\0", "\x01");
    /* shapes no slide shows: a line of 1 x 8192, and just over and at the aspect limit */
    static const char png_line[] =
        PNG_HEAD("\0", "\0", "\0", "\x01", "\0", "\0", "\x20", "\0") PNG_END;
    static const char png_banner[] =
        PNG_HEAD("\0", "\0", "\x0f", "\xb4", "\0", "\0", "\0", "\xc8") PNG_END; /* 4020 x 200 */
    static const char png_banner_ok[] =
        PNG_HEAD("\0", "\0", "\x0f", "\xa0", "\0", "\0", "\0", "\xc8") PNG_END; /* 4000 x 200 */
    static const char png_zero[] = PNG_HEAD("\0", "\0", "\0", "\0", "\0", "\0", "\0", "\x01");
    static const char jpeg_ok[] = JPEG_HEAD("\x0c", "\0", "\x10", "\0") JPEG_END; /* 4096 x 3072 */
    static const char jpeg_short[] = JPEG_HEAD("\x0c", "\0", "\x10", "\0") "\xff\xda\0\x08";
    /* an EXIF thumbnail's end marker before the frame does not count */
    static const char jpeg_thumb_end[] = "\xff\xd8\xff\xe1\0\x06\xff\xd9\0\0"
        "\xff\xc0\0\x11\x08\x01\0\x01\0\x03\x01\x22\0\x02\x11\x01\x03\x11\x01\xff\xda";
    /* a JPEG is decoded already scaled: a 24-megapixel camera's photo is fine */
    static const char jpeg_photo[] = JPEG_HEAD("\x0f", "\xa0", "\x17", "\x70") JPEG_END; /* 6000 x 4000 */
    static const char jpeg_big[] = JPEG_HEAD("\x10", "\0", "\x18", "\x01"); /* 6145 x 4096 */
    static const char jpeg_cut[] = "\xff\xd8\xff\xe0\0\x10JFIF";
    static const struct {
        const char *bytes;
        size_t n;
        off_t size;
        const char *want; /* NULL: accepted */
    } images[] = {
        {png_4096, sizeof(png_4096) - 1, LF_MAX_IMAGE_BYTES, NULL},
        {png_4096, sizeof(png_4096) - 1, LF_MAX_IMAGE_BYTES + 1,
         "image too large (8388609 bytes, at most 8388608)"},
        {png_4097, sizeof(png_4097) - 1, 0,
         "big.png is 4097 x 4096 pixels (a PNG has at most 16777216 pixels, e.g. 4096 x 4096, and 8192 a side)"},
        {png_wide, sizeof(png_wide) - 1, 0,
         "big.png is 8193 x 1 pixels (a PNG has at most 16777216 pixels, e.g. 4096 x 4096, and 8192 a side)"},
        {png_line, sizeof(png_line) - 1, 0,
         "big.png is 1 x 8192 pixels, more than 20 times as high as wide: on a slide it shrinks to "
         "a thin line no one sees; crop it to a less extreme shape"},
        {png_banner, sizeof(png_banner) - 1, 0,
         "big.png is 4020 x 200 pixels, more than 20 times as wide as high: on a slide it shrinks to "
         "a thin line no one sees; crop it to a less extreme shape"},
        {png_banner_ok, sizeof(png_banner_ok) - 1, 0, NULL},
        {png_zero, sizeof(png_zero) - 1, 0, "big.png: cannot read the picture size (damaged file?)"},
        {"\x89PNG\r\n\x1a\n", 8, 0, "big.png: cannot read the picture size (damaged file?)"},
        {jpeg_ok, sizeof(jpeg_ok) - 1, 0, NULL},
        {jpeg_photo, sizeof(jpeg_photo) - 1, 0, NULL},
        {jpeg_big, sizeof(jpeg_big) - 1, 0,
         "big.png is 6145 x 4096 pixels (a JPEG has at most 25165824 pixels, e.g. 6144 x 4096, "
         "and 8192 a side)"},
        {jpeg_cut, sizeof(jpeg_cut) - 1, 0, "big.png: cannot read the picture size (damaged file?)"},
        {png_cut, sizeof(png_cut) - 1, 0,
         "big.png is cut off: the picture ends before its last part (39 bytes; damaged, or not "
         "copied or uploaded whole): copy it again from the original"},
        {jpeg_short, sizeof(jpeg_short) - 1, 0,
         "big.png is cut off: the picture ends before its last part (43 bytes; damaged, or not "
         "copied or uploaded whole): copy it again from the original"},
        {jpeg_thumb_end, sizeof(jpeg_thumb_end) - 1, 0,
         "big.png is cut off: the picture ends before its last part (31 bytes; damaged, or not "
         "copied or uploaded whole): copy it again from the original"},
        /* what it is instead, so one knows what to save it as */
        /* a GIF (its first frame is shown) and a still WebP are fine */
        {"GIF89a\x01\0\x01\0\0\0\0;", 14, 0, NULL},
        {"RIFF\x16\0\0\0WEBPVP8X\x0a\0\0\0\0\0\0\0\x63\0\0\x31\0\0", 30, 0, NULL},
        /* hostile ones: each says what is wrong */
        {"GIF89a\xff\xff\xff\xff\0\0\0;", 14, 0,
         "big.png is 65535 x 65535 pixels (a GIF has at most 16777216 pixels, e.g. 4096 x 4096, "
         "and 8192 a side)"},
        {"GIF89a\0\0\x01\0\0\0\0;", 14, 0, "big.png: its GIF header says 0 x 1 pixels"},
        {"GIF89a\x01\0\x01\0\0\0\0,\0\0", 15, 0,
         "big.png is cut off: the picture ends before its last part (15 bytes; damaged, or not "
         "copied or uploaded whole): copy it again from the original"},
        {"GIF89a\x01", 7, 0,
         "big.png: its GIF header is cut off or damaged (width and height cannot be read)"},
        {"RIFF\xff\0\0\0WEBPVP8X\x0a\0\0\0\0\0\0\0\x63\0\0\x31\0\0", 30, 0,
         "big.png is cut off: its WebP header says 263 bytes, the file has 30 (damaged, or not "
         "copied or uploaded whole): copy it again from the original"},
        {"\0\0\0\x18" "ftypheic\0\0\0\0mif1heic", 24, 0, /* an iPhone's photo */
         "big.png is in HEIC format, not a PNG, JPEG, GIF or WebP image: save it as JPEG (a "
         "photo) or PNG (a logo, a flyer) and name that file here"},
        {"<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>", 63, 0,
         "big.png is in SVG format, not a PNG, JPEG, GIF or WebP image: save it as JPEG (a "
         "photo) or PNG (a logo, a flyer) and name that file here"},
        {"RIFF\0\0\0\0WEBPVP8 ", 16, 0,
         "big.png: its WebP header is cut off or damaged (width and height cannot be read)"},
        {"hallo", 5, 0, "big.png is not a PNG, JPEG, GIF or WebP image"},
    };
    for (size_t i = 0; i < sizeof(images) / sizeof(images[0]); i++) {
        write_bytes(image, images[i].bytes, images[i].n, images[i].size);
        d = lf_diags_create();
        struct lf_bundle *b = lf_bundle_load(dir, d);
        if (!images[i].want) {
            if (!b || lf_diags_count(d) != 0)
                fail_msg("image %zu refused:\n%s", i, all_diags(d));
        } else {
            assert_null(b);
            want = lf_xasprintf("%s:2:57: items[0].image: %s", manifest, images[i].want);
            assert_one_diag(d, LF_DIAG_ERROR, want);
            free(want);
        }
        lf_bundle_destroy(b);
        lf_diags_destroy(d);
    }

    /* no manifest at all */
    unlink(manifest);
    d = lf_diags_create();
    assert_null(lf_bundle_load(dir, d));
    want = lf_xasprintf("%s: not found: a bundle folder needs a content.json", manifest);
    assert_one_diag(d, LF_DIAG_ERROR, want);
    free(want);
    lf_diags_destroy(d);

    unlink(image);
    rmdir(dir);
    free(image);
    free(manifest);
}


/* ---- the "files" list (sync) ---- */

#define SHA_A "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"
#define FILES_HEAD "{\"format\": 1, \"organisation\": \"KI\", \"items\": [\n" \
                   "  {\"kind\": \"contact\", \"id\": \"c\", \"title\": \"K\", \"image\": \"images/a.png\"}],\n"
#define ENTRY(path, size, sha) "{\"path\": " path ", \"size\": " size ", \"sha256\": " sha "}"
#define A_OK ENTRY("\"images/a.png\"", "4", "\"" SHA_A "\"")

static const struct files_case {
    const char *name;
    const char *json;
    const char *want; /* the one error, "path: message"; NULL: accepted */
} files_cases[] = {
    {"valid", FILES_HEAD " \"files\": [" A_OK "]}", NULL},
    {"not listed", FILES_HEAD " \"files\": []}",
     "items[0].image: images/a.png is not in the \"files\" list (run `litfass pack` on the folder)"},
    {"not an array", FILES_HEAD " \"files\": {}}", "files: expected an array of files, found an object"},
    {"entry not an object", FILES_HEAD " \"files\": [" A_OK ", 3]}",
     "files[1]: expected an object such as {\"path\": \"images/logo.png\", \"size\": 1234, "
     "\"sha256\": \"...\"}, found a whole number"},
    {"upper-case hash", FILES_HEAD " \"files\": [" A_OK ", "
                        ENTRY("\"b.png\"", "1", "\"9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A08\"") "]}",
     "files[1].sha256: expected 64 lowercase hex digits (the file's SHA-256)"},
    {"short hash", FILES_HEAD " \"files\": [" A_OK ", " ENTRY("\"b.png\"", "1", "\"abc\"") "]}",
     "files[1].sha256: expected 64 lowercase hex digits (the file's SHA-256)"},
    {"size too big", FILES_HEAD " \"files\": [" A_OK ", " ENTRY("\"b.png\"", "8388609", "\"" SHA_A "\"") "]}",
     "files[1].size: 8388609 is out of range (0 to 8388608 bytes)"},
    {"size negative", FILES_HEAD " \"files\": [" A_OK ", " ENTRY("\"b.png\"", "-1", "\"" SHA_A "\"") "]}",
     "files[1].size: -1 is out of range (0 to 8388608 bytes)"},
    {"size not a number", FILES_HEAD " \"files\": [" A_OK ", " ENTRY("\"b.png\"", "\"4\"", "\"" SHA_A "\"") "]}",
     "files[1].size: expected a whole number of bytes, found a string"},
    {"dotdot", FILES_HEAD " \"files\": [" A_OK ", " ENTRY("\"images/../../x\"", "1", "\"" SHA_A "\"") "]}",
     "files[1].path: must not contain \"..\": files stay inside the bundle folder"},
    {"absolute", FILES_HEAD " \"files\": [" A_OK ", " ENTRY("\"/etc/passwd\"", "1", "\"" SHA_A "\"") "]}",
     "files[1].path: must be a file inside the bundle folder, not an absolute path"},
    {"empty part", FILES_HEAD " \"files\": [" A_OK ", " ENTRY("\"images//b.png\"", "1", "\"" SHA_A "\"") "]}",
     "files[1].path: has an empty or \".\" part (write it like images/logo.png)"},
    {"dot part", FILES_HEAD " \"files\": [" A_OK ", " ENTRY("\"./b.png\"", "1", "\"" SHA_A "\"") "]}",
     "files[1].path: has an empty or \".\" part (write it like images/logo.png)"},
    {"the manifest", FILES_HEAD " \"files\": [" A_OK ", " ENTRY("\"content.json\"", "1", "\"" SHA_A "\"") "]}",
     "files[1].path: the manifest does not list itself"},
    {"control character", FILES_HEAD " \"files\": [" A_OK ", " ENTRY("\"b\\n.png\"", "1", "\"" SHA_A "\"") "]}",
     "files[1].path: contains a control character (U+000A at byte 1): not allowed in a file name"},
    {"listed twice", FILES_HEAD " \"files\": [" A_OK ", " A_OK "]}",
     "files[1].path: images/a.png is listed twice (also files[0])"},
    {"missing sha256", FILES_HEAD " \"files\": [" A_OK ", {\"path\": \"b.png\", \"size\": 1}]}",
     "files[1].sha256: missing (a file needs path, size and sha256; `litfass pack` writes them)"},
};

static void files_list(void **state)
{
    (void)state;
    size_t failures = 0;
    for (size_t i = 0; i < sizeof(files_cases) / sizeof(files_cases[0]); i++) {
        const struct files_case *c = &files_cases[i];
        if (c->want) {
            failures += !refused_with(c->name, c->json, c->want, true);
            continue;
        }
        struct lf_diags *d = lf_diags_create();
        struct lf_bundle *b = lf_bundle_parse(c->json, strlen(c->json), "content.json", NULL, d);
        if (!b || lf_diags_count(d) != 0 || !b->files_listed || b->n_files != 1 ||
            strcmp(b->files[0].path, "images/a.png") != 0 || b->files[0].size != 4 ||
            strcmp(b->files[0].sha256, SHA_A) != 0) {
            char *got = all_diags(d);
            print_error("case \"%s\": expected accepted with its file, got\n  %s", c->name, got);
            free(got);
            failures++;
        }
        lf_bundle_destroy(b);
        lf_diags_destroy(d);
    }
    assert_int_equal(failures, 0);
    /* without the list nothing changes (it is optional for a local bundle) */
    static const char no_list[] = FILES_HEAD "\"sample\": true}";
    struct lf_bundle *b = lf_bundle_parse(no_list, strlen(no_list), "content.json", NULL, NULL);
    assert_non_null(b);
    assert_false(b->files_listed);
    assert_int_equal(b->n_files, 0);
    lf_bundle_destroy(b);
}

static void copy_file(const char *from, const char *to)
{
    FILE *in = fopen(from, "rb"), *out = fopen(to, "wb");
    assert_non_null(in);
    assert_non_null(out);
    char buf[65536];
    size_t n;
    while ((n = fread(buf, 1, sizeof(buf), in)) > 0)
        assert_int_equal(fwrite(buf, 1, n, out), n);
    fclose(in);
    assert_int_equal(fclose(out), 0);
}

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    char *buf = lf_xcalloc(1, LF_MAX_MANIFEST_BYTES + 1);
    size_t n = fread(buf, 1, LF_MAX_MANIFEST_BYTES, f);
    buf[n] = '\0';
    fclose(f);
    return buf;
}

/* `litfass pack` on a copy of the valid fixture: lists the image with its
 * real size and hash, keeps everything else, and the folder then loads
 * with the list checked; a changed image is caught; a broken bundle is
 * not packed and its manifest not touched. */
static void pack_and_check_files(void **state)
{
    (void)state;
    char tmpl[] = "/tmp/litfass-pack-XXXXXX";
    char *dir = mkdtemp(tmpl);
    assert_non_null(dir);
    char *src = fixture("valid");
    char *images = lf_xasprintf("%s/images", dir);
    assert_int_equal(mkdir(images, 0755), 0);
    char *from = lf_xasprintf("%s/content.json", src), *manifest = lf_xasprintf("%s/content.json", dir);
    char *img_from = lf_xasprintf("%s/images/poster.png", src);
    char *image = lf_xasprintf("%s/images/poster.png", dir);
    copy_file(from, manifest);
    copy_file(img_from, image);

    char hex[LF_SHA256_HEX + 1];
    uint64_t size = 0;
    assert_true(lf_file_sha256(image, hex, &size));
    struct lf_diags *d = lf_diags_create();
    size_t n = 0;
    assert_true(lf_bundle_pack(dir, d, &n));
    assert_int_equal(n, 1);
    assert_int_equal(lf_diags_errors(d), 0);
    lf_diags_destroy(d);

    d = lf_diags_create();
    struct lf_bundle *b = lf_bundle_load(dir, d);
    assert_non_null(b);
    assert_true(b->files_listed);
    assert_int_equal(b->n_files, 1);
    assert_string_equal(b->files[0].path, "images/poster.png");
    assert_int_equal(b->files[0].size, size);
    assert_string_equal(b->files[0].sha256, hex);
    assert_string_equal(b->version, "2026-11-23.1");
    assert_true(b->sample);
    lf_bundle_destroy(b);
    lf_diags_destroy(d);
    /* the other keys stay in their order; "files" comes last */
    char *text = slurp(manifest);
    char *p_format = strstr(text, "\"format\""), *p_items = strstr(text, "\"items\""),
         *p_files = strstr(text, "\"files\"");
    assert_true(p_format && p_items && p_files && p_format < p_items && p_items < p_files);
    assert_non_null(strstr(text, "Münster")); /* UTF-8 kept, not \u-escaped */
    /* packing again changes nothing */
    d = lf_diags_create();
    assert_true(lf_bundle_pack(dir, d, &n));
    lf_diags_destroy(d);
    char *again = slurp(manifest);
    assert_string_equal(again, text);

    /* the image changes after packing: the size or the hash no longer match */
    FILE *f = fopen(image, "r+b");
    assert_non_null(f);
    /* a byte in the middle (the last is the IEND chunk's CRC: the picture
     * would be cut off) */
    fseek(f, 0, SEEK_END);
    long middle = ftell(f) / 2;
    fseek(f, middle, SEEK_SET);
    int last = fgetc(f);
    fseek(f, middle, SEEK_SET);
    fputc(last ^ 0xff, f);
    fclose(f);
    d = lf_diags_create();
    assert_null(lf_bundle_load(dir, d));
    char *got = all_diags(d);
    if (!strstr(got, "files[0]: images/poster.png: SHA-256 differs from the list (changed after "
                     "`litfass pack`?)"))
        fail_msg("hash change not caught:\n%s", got);
    free(got);
    lf_diags_destroy(d);
    f = fopen(image, "ab");
    fputc(0, f);
    fclose(f);
    d = lf_diags_create();
    assert_null(lf_bundle_load(dir, d));
    got = all_diags(d);
    char *want = lf_xasprintf("files[0]: images/poster.png has %llu bytes, the list says %llu",
                              (unsigned long long)size + 1, (unsigned long long)size);
    if (!strstr(got, want))
        fail_msg("size change not caught:\n%s", got);
    free(want);
    free(got);
    lf_diags_destroy(d);
    /* pack again (over the stale list): loads again */
    d = lf_diags_create();
    assert_true(lf_bundle_pack(dir, d, &n));
    lf_diags_destroy(d);
    d = lf_diags_create();
    b = lf_bundle_load(dir, d);
    assert_non_null(b);
    lf_bundle_destroy(b);
    lf_diags_destroy(d);

    /* a broken bundle: not packed, manifest untouched */
    unlink(image);
    char *before = slurp(manifest);
    d = lf_diags_create();
    assert_false(lf_bundle_pack(dir, d, &n));
    assert_true(lf_diags_errors(d) >= 1);
    lf_diags_destroy(d);
    char *after = slurp(manifest);
    assert_string_equal(before, after);

    unlink(manifest);
    rmdir(images);
    rmdir(dir);
    free(after);
    free(before);
    free(again);
    free(text);
    free(image);
    free(img_from);
    free(manifest);
    free(from);
    free(images);
    free(src);
}

/* ---- json_locate ---- */

static const char locate_doc[] =
    "{\n"
    "  \"format\": 1,\n"
    "  \"organisation\": {\"de\": \"Münster\", \"en\": \"Muenster\"},\n"
    "  \"items\": [\n"
    "    {\"kind\": \"event\", \"tags\": [\"a]\", {\"de\": \"b}\"}], \"id\": \"x\"},\n"
    "    {\"k\\u00fcrz\": \"esc\", \"id\": \"y\",\n"
    "\t\"nested\": {\"a\": [1, [2, 3], {\"b\": null}]}}\n"
    "  ]\n"
    "}\n";

static void locate_paths(void **state)
{
    (void)state;
    static const struct {
        const char *path;
        enum lf_json_anchor anchor;
        bool found;
        int line, column;
    } cases[] = {
        {"", LF_JSON_AT_VALUE, true, 1, 1},
        {"format", LF_JSON_AT_VALUE, true, 2, 13},
        {"format", LF_JSON_AT_KEY, true, 2, 3},
        {"organisation.en", LF_JSON_AT_VALUE, true, 3, 43}, /* after "ü": columns count characters */
        {"organisation.en", LF_JSON_AT_KEY, true, 3, 37},
        {"items", LF_JSON_AT_VALUE, true, 4, 12},
        {"items[0]", LF_JSON_AT_VALUE, true, 5, 5},
        {"items[0]", LF_JSON_AT_KEY, true, 5, 5},
        {"items[0].id", LF_JSON_AT_VALUE, true, 5, 59}, /* brackets inside strings skipped */
        {"items[0].tags[1].de", LF_JSON_AT_VALUE, true, 5, 45},
        {"items[1].kürz", LF_JSON_AT_KEY, true, 6, 6},  /* escaped key */
        {"items[1].id", LF_JSON_AT_VALUE, true, 6, 32},
        {"items[1].nested.a[2].b", LF_JSON_AT_VALUE, true, 7, 36}, /* tab is one column */
        {"items[1].nested.a[1][1]", LF_JSON_AT_VALUE, true, 7, 26},
        /* missing: the deepest enclosing value */
        {"items[0].start", LF_JSON_AT_VALUE, false, 5, 5},
        {"items[0].start", LF_JSON_AT_KEY, false, 5, 5},
        {"items[2].id", LF_JSON_AT_VALUE, false, 4, 12},
        {"format.x", LF_JSON_AT_VALUE, false, 2, 13},
        {"organisation[0]", LF_JSON_AT_VALUE, false, 3, 19},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        struct lf_json_pos pos;
        bool found = lf_json_locate(locate_doc, strlen(locate_doc), cases[i].path,
                                    cases[i].anchor, &pos);
        if (found != cases[i].found || pos.line != cases[i].line ||
            pos.column != cases[i].column)
            fail_msg("%s (%s): got %s %d:%d, expected %s %d:%d", cases[i].path,
                     cases[i].anchor == LF_JSON_AT_KEY ? "key" : "value",
                     found ? "found" : "missing", pos.line, pos.column,
                     cases[i].found ? "found" : "missing", cases[i].line, cases[i].column);
    }
}

static void locate_depth_and_garbage(void **state)
{
    (void)state;
    struct lf_json_pos pos;
    const char *ok = "{\"a\": [[\"[[[[\"]]}";
    assert_true(lf_json_depth_within(ok, strlen(ok), 3, &pos));
    assert_false(lf_json_depth_within(ok, strlen(ok), 2, &pos));
    assert_int_equal(pos.line, 1);
    assert_int_equal(pos.column, 8);
    const char *deep = "[\n [\n  [\n   {}]]]";
    assert_false(lf_json_depth_within(deep, strlen(deep), 3, &pos));
    assert_int_equal(pos.line, 4);
    assert_int_equal(pos.column, 4);
    assert_int_equal(pos.offset, 12);
    /* unterminated or cut text: never reads past len, reports what it has */
    static const char *const garbage[] = {"", "{", "{\"a", "{\"a\": [1, ", "\"\\", "[[[", "}}]]"};
    for (size_t i = 0; i < sizeof(garbage) / sizeof(garbage[0]); i++) {
        size_t n = strlen(garbage[i]);
        char *copy = lf_xmalloc(n ? n : 1); /* no terminator: ASan catches overreads */
        memcpy(copy, garbage[i], n);
        (void)lf_json_locate(copy, n, "a[1].b", LF_JSON_AT_KEY, &pos);
        assert_true(pos.offset <= n);
        assert_true(lf_json_depth_within(copy, n, 3, &pos));
        free(copy);
    }
    pos = lf_json_pos_at("ab\ncd", 5, 99);
    assert_int_equal(pos.offset, 5);
    assert_int_equal(pos.line, 2);
    assert_int_equal(pos.column, 3);
}

/* Times of the two DST nights in Europe/Berlin written without a zone: the
 * skipped spring hour and the repeated autumn hour are said (warnings, the
 * bundle stays valid), with what the kiosk shows; an offset settles it. */
static void times_the_clock_change_skips_or_repeats(void **state)
{
    (void)state;
    const char *json =
        HEAD "{\"kind\": \"event\", \"id\": \"spring\", \"title\": \"Nacht\",\n"
        " \"start\": \"2027-03-28T02:30\", \"end\": \"2027-03-28T04:00\"},\n"
        "{\"kind\": \"event\", \"id\": \"autumn\", \"title\": \"Herbst\",\n"
        " \"start\": \"2027-10-31T02:30+01:00\", \"end\": \"2027-10-31T03:30\"},\n"
        "{\"kind\": \"notice\", \"id\": \"n\", \"title\": \"Zu\",\n"
        " \"valid_from\": \"2027-10-31T02:15\", \"valid_until\": \"2027-11-01T00:00\"}\n"
        "]}";
    struct lf_diags *d = lf_diags_create();
    struct lf_bundle *b = lf_bundle_parse(json, strlen(json), "content.json", NULL, d);
    char *got = all_diags(d);
    if (!b || lf_diags_count(d) != 2 || lf_diags_errors(d) != 0)
        fail_msg("expected two warnings, got:\n%s", got);
    assert_non_null(strstr(got, "content.json:3:11: items[0].start: 2027-03-28T02:30 does not "
                                "exist in Europe/Berlin: the clocks go forward an hour that "
                                "night, so the kiosk shows 03:30"));
    assert_non_null(strstr(got, "items[2].valid_from: 2027-10-31T02:15 happens twice in "
                                "Europe/Berlin: the clocks go back an hour that night; the kiosk "
                                "takes the first (summer time, 2027-10-31T02:15+02:00), write "
                                "2027-10-31T02:15+01:00 for the second"));
    /* 02:30 at +01:00 is the second 02:30: 01:30 UTC */
    assert_int_equal(b->items[1].start, 1824946200);
    assert_int_equal(b->items[0].start, 1806197400); /* 01:30 UTC = 03:30 summer time */
    free(got);
    lf_bundle_destroy(b);
    lf_diags_destroy(d);
}

/* Invisible characters pasted with a text: a byte order mark, a stray
 * zero-width space or word joiner is warned of, naming the field, the
 * language and the character's number; the bundle stays valid and the
 * text is kept as written. Joiners that belong to the writing (ZWNJ,
 * ZWJ) and U+200B/U+2060 in scripts without spaces, or next to
 * punctuation, are accepted silently. */
static const struct pasted_case {
    const char *name;
    const char *title; /* the JSON value of items[0].title */
    const char *want;  /* the one warning, "" = none */
} pasted_cases[] = {
    {"zero-width space in the place of a space", "\"Dies\xe2\x80\x8bsind Beispiele\"",
     "content.json:2:43: items[0].title: invisible zero-width space (U+200B) at character 5 "
     "of the \"de\" text: probably pasted with it; it glues two words together or splits one "
     "where nothing is seen; remove it, or write a space (the Persian and Kurdish half space "
     "is U+200C)"},
    {"zero-width space at the end, German in an object",
     "{\"de\": \"Anmeldung\xe2\x80\x8b\", \"en\": \"Registration\"}",
     "content.json:2:50: items[0].title.de: invisible zero-width space (U+200B) at character "
     "10 of the \"de\" text: probably pasted with it; it glues two words together or splits "
     "one where nothing is seen; remove it, or write a space (the Persian and Kurdish half "
     "space is U+200C)"},
    {"zero-width space after a space", "\"Sprach \xe2\x80\x8b" "caf\xc3\xa9\"",
     "content.json:2:43: items[0].title: invisible zero-width space (U+200B) at character 8 "
     "of the \"de\" text: probably pasted with it; it glues two words together or splits one "
     "where nothing is seen; remove it, or write a space (the Persian and Kurdish half space "
     "is U+200C)"},
    {"zero-width space in Persian, in the place of the half space",
     "{\"de\": \"Kurs\", \"fa\": \"\xd9\x85\xdb\x8c\xe2\x80\x8b\xd8\xae\xd9\x88\xd8\xa7\xd9\x87\xd9\x85\"}",
     "content.json:2:64: items[0].title.fa: invisible zero-width space (U+200B) at character 3 "
     "of the \"fa\" text: probably pasted with it; it glues two words together or splits one "
     "where nothing is seen; remove it, or write a space (the Persian and Kurdish half space "
     "is U+200C)"},
    {"word joiner inside a word", "{\"de\": \"Bei\xe2\x81\xa0spiel\"}",
     "content.json:2:50: items[0].title.de: invisible word joiner (U+2060) at character 4 of "
     "the \"de\" text: probably pasted with it, it does nothing there; remove it"},
    {"byte order mark inside a text", "\"Beratung \xef\xbb\xbf" "f\xc3\xbcr alle\"",
     "content.json:2:43: items[0].title: invisible byte order mark (U+FEFF) at character 10 "
     "of the \"de\" text: a file's start mark, left over from pasting or joining files; "
     "remove it"},
    {"byte order mark at the start of a Turkish text",
     "{\"de\": \"Beratung\", \"tr\": \"\xef\xbb\xbf" "Dan\xc4\xb1\xc5\x9fmanl\xc4\xb1k\"}",
     "content.json:2:68: items[0].title.tr: invisible byte order mark (U+FEFF) at character 1 "
     "of the \"tr\" text: a file's start mark, left over from pasting or joining files; "
     "remove it"},
    /* accepted silently */
    {"Persian half space (ZWNJ)",
     "{\"de\": \"Kurs\", \"fa\": \"\xd9\x85\xdb\x8c\xe2\x80\x8c\xd8\xae\xd9\x88\xd8\xa7\xd9\x87\xd9\x85\"}",
     ""},
    {"Kurdish (Sorani) half space", "{\"de\": \"Kurs\", \"ckb\": \"\xd8\xa8\xdb\x95\xe2\x80\x8c\xda\xa9\xd9\x88\xd8\xb1\xd8\xaf\"}", ""},
    {"Hindi with ZWJ and ZWNJ",
     "{\"de\": \"Kurs\", \"hi\": \"\xe0\xa4\x95\xe0\xa5\x8d\xe2\x80\x8d\xe0\xa4\xb7 \xe0\xa4\x95\xe0\xa5\x8d\xe2\x80\x8c\xe0\xa4\xb7\"}",
     ""},
    {"emoji with ZWJ", "\"Technik \xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x92\xbb f\xc3\xbcr Frauen\"", ""},
    {"Thai with zero-width spaces between words",
     "{\"de\": \"Kurs\", \"th\": \"\xe0\xb8\xa0\xe0\xb8\xb2\xe0\xb8\xa9\xe0\xb8\xb2\xe2\x80\x8b\xe0\xb9\x84\xe0\xb8\x97\xe0\xb8\xa2\"}",
     ""},
    {"Khmer with a zero-width space",
     "{\"de\": \"Kurs\", \"km\": \"\xe1\x9e\x97\xe1\x9e\xb6\xe1\x9e\x9f\xe1\x9e\xb6\xe2\x80\x8b\xe1\x9e\x81\xe1\x9f\x92\xe1\x9e\x98\xe1\x9f\x82\xe1\x9e\x9a\"}",
     ""},
    {"Myanmar with a zero-width space",
     "{\"de\": \"Kurs\", \"my\": \"\xe1\x80\x99\xe1\x80\xbc\xe1\x80\x94\xe1\x80\xba\xe2\x80\x8b\xe1\x80\x99\xe1\x80\xac\"}",
     ""},
    {"Tibetan with a zero-width space",
     "{\"de\": \"Kurs\", \"bo\": \"\xe0\xbd\x96\xe0\xbd\xbc\xe0\xbd\x91\xe0\xbc\x8b\xe2\x80\x8b\xe0\xbd\xa6\xe0\xbe\x90\xe0\xbd\x91\"}",
     ""},
    {"Lao with a zero-width space",
     "{\"de\": \"Kurs\", \"lo\": \"\xe0\xba\x9e\xe0\xba\xb2\xe0\xba\xaa\xe0\xba\xb2\xe2\x80\x8b\xe0\xba\xa5\xe0\xba\xb2\xe0\xba\xa7\"}",
     ""},
    {"a break opportunity after a slash", "\"Termine: stadt.de/\xe2\x80\x8btermine\"", ""},
    {"word joiners keeping a dash to its numbers", "\"Seiten 10\xe2\x81\xa0\xe2\x80\x93\xe2\x81\xa0" "20\"", ""},
};

static void pasted_invisibles_warn(void **state)
{
    (void)state;
    size_t failures = 0;
    for (size_t i = 0; i < sizeof(pasted_cases) / sizeof(pasted_cases[0]); i++) {
        const struct pasted_case *c = &pasted_cases[i];
        char *json = lf_xasprintf(HEAD "  {\"kind\": \"contact\", \"id\": \"c\", \"title\": %s}\n]}",
                                  c->title);
        struct lf_diags *d = lf_diags_create();
        struct lf_bundle *b = lf_bundle_parse(json, strlen(json), "content.json", NULL, d);
        char *got = all_diags(d);
        size_t n = strlen(c->want);
        bool good = b && lf_diags_errors(d) == 0 &&
                    (n ? lf_diags_count(d) == 1 && strncmp(got, c->want, n) == 0 &&
                             strcmp(got + n, "\n") == 0 &&
                             lf_diags_get(d, 0)->severity == LF_DIAG_WARNING
                       : lf_diags_count(d) == 0);
        /* the text is shown as written: nothing is removed */
        if (good && c->title[0] == '"') {
            size_t len = strlen(c->title) - 2;
            const char *shown = b->items[0].title.tr[0].text;
            good = strlen(shown) == len && strncmp(shown, c->title + 1, len) == 0;
        }
        if (!good) {
            print_error("case \"%s\"%s:\nexpected\n  %s\ngot\n  %s\n", c->name,
                        b ? "" : " (refused)", n ? c->want : "(nothing)", got);
            failures++;
        }
        free(got);
        free(json);
        lf_bundle_destroy(b);
        lf_diags_destroy(d);
    }
    assert_int_equal(failures, 0);
}

/* Which texts an item must have (the studio refuses to save them blank). */
static void required_texts(void **state)
{
    (void)state;
    assert_true(lf_item_text_required("event", "title"));
    assert_true(lf_item_text_required("notice", "title"));
    assert_true(lf_item_text_required("contact", "title"));
    assert_true(lf_item_text_required("offer", "title"));
    assert_true(lf_item_text_required("offer", "description"));
    assert_false(lf_item_text_required("event", "description"));
    assert_false(lf_item_text_required("event", "place"));
    assert_false(lf_item_text_required("notice", "message"));
    assert_false(lf_item_text_required("offer", "phone"));  /* not a text */
    assert_false(lf_item_text_required("event", "start")); /* required, not a text */
    assert_false(lf_item_text_required("poster", "title"));
    assert_false(lf_item_text_required(NULL, "title"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(valid_bundle_model),
        cmocka_unit_test(all_day_events_and_hand_editing),
        cmocka_unit_test(text_fallback),
        cmocka_unit_test(bad_manifests),
        cmocka_unit_test(limits),
        cmocka_unit_test(unknown_fields_warn),
        cmocka_unit_test(collects_all_errors),
        cmocka_unit_test(image_fixtures),
        cmocka_unit_test(file_and_image_limits),
        cmocka_unit_test(files_list),
        cmocka_unit_test(pack_and_check_files),
        cmocka_unit_test(locate_paths),
        cmocka_unit_test(locate_depth_and_garbage),
        cmocka_unit_test(times_the_clock_change_skips_or_repeats),
        cmocka_unit_test(required_texts),
        cmocka_unit_test(pasted_invisibles_warn),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
