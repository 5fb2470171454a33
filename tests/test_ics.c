/* iCalendar import: feeds shaped like Outlook/Exchange, Google, Nextcloud
 * and Thunderbird exports (tests/data/ics/) become the right events in
 * Berlin wall-clock time, and a new import updates without duplicating or
 * overwriting what was changed by hand. */
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
#include "core/civil_time.h"

static const char *source_dir(void)
{
    const char *s = getenv("LITFASS_SOURCE_DIR");
    return s && s[0] ? s : LITFASS_SOURCE_DIR;
}

static char *slurp(const char *name, size_t *len)
{
    char path[1024];
    snprintf(path, sizeof(path), "%s/tests/data/ics/%s", source_dir(), name);
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    char *buf = malloc(LF_ICS_MAX_BYTES + 1);
    *len = fread(buf, 1, LF_ICS_MAX_BYTES, f);
    buf[*len] = '\0';
    fclose(f);
    return buf;
}

static time_t at(const char *s)
{
    time_t t = 0;
    assert_true(lf_parse_datetime(s, &t));
    return t;
}

static struct lf_ics_feed *parse_file(const char *name, const char *now, int horizon,
                                      struct lf_diags *d)
{
    size_t len;
    char *text = slurp(name, &len);
    struct lf_ics_feed *f = lf_ics_parse(text, len, name, at(now), horizon, d);
    free(text);
    return f;
}

/* The event starting at `start` (Berlin wall clock), or NULL. */
static const struct lf_ics_event *starting(const struct lf_ics_feed *f, const char *start)
{
    for (size_t i = 0; i < lf_ics_count(f); i++) {
        if (strcmp(lf_ics_get(f, i)->start, start) == 0)
            return lf_ics_get(f, i);
    }
    return NULL;
}

static int setup(void **state)
{
    (void)state;
    return lf_civil_time_init() ? 0 : -1;
}

static void outlook_series_across_dst_with_exceptions(void **state)
{
    (void)state;
    struct lf_diags *d = lf_diags_create();
    struct lf_ics_feed *f = parse_file("outlook.ics", "2026-12-01T10:00", 200, d);
    assert_non_null(f);
    assert_int_equal(lf_diags_errors(d), 0);
    assert_int_equal(lf_ics_components(f), 4);
    /* Tuesdays 18:00 in "W. Europe Standard Time", before and after the
     * change to summer time on 28 March 2027: always 18:00 on the wall */
    const struct lf_ics_event *e = starting(f, "2027-03-02T18:00");
    assert_non_null(e);
    assert_string_equal(e->end, "2027-03-02T19:30");
    assert_string_equal(e->title, "Sprachcafé");
    assert_string_equal(e->place, "Stadtbücherei");
    assert_string_equal(e->address, "Alter Steinweg 11, 48143 Münster");
    assert_non_null(strstr(e->description, "Deutsch üben"));
    assert_false(e->all_day);
    assert_non_null(starting(f, "2027-03-09T18:00"));
    assert_null(starting(f, "2027-03-16T18:00")); /* EXDATE */
    assert_non_null(starting(f, "2027-03-23T18:00"));
    e = starting(f, "2027-04-13T18:00");
    assert_non_null(e);
    assert_int_equal(e->start_at, at("2027-04-13T16:00Z")); /* CEST */
    /* RECURRENCE-ID: 30 March moved to Wednesday 31 March 17:00 */
    assert_null(starting(f, "2027-03-30T18:00"));
    e = starting(f, "2027-03-31T17:00");
    assert_non_null(e);
    assert_string_equal(e->title, "Sprachcafé (im Foyer)");
    /* the cancelled 6 April is marked, UNTIL 16:00Z includes 20 April 18:00 CEST */
    e = starting(f, "2027-04-06T18:00");
    assert_non_null(e);
    assert_true(e->cancelled);
    assert_non_null(starting(f, "2027-04-20T18:00"));
    assert_null(starting(f, "2027-04-27T18:00"));
    /* a Windows zone without its VTIMEZONE block, through CLDR */
    e = starting(f, "2027-05-12T17:00");
    assert_non_null(e);
    assert_string_equal(e->title, "Forum Integration");
    /* ids: the same UID gives the same id; occurrences differ */
    const struct lf_ics_event *a = starting(f, "2027-03-02T18:00");
    const struct lf_ics_event *b = starting(f, "2027-03-09T18:00");
    assert_string_not_equal(a->id, b->id);
    assert_memory_equal(a->id, b->id, strlen(LF_ICS_ID_PREFIX) + 12);
    lf_ics_feed_destroy(f);
    lf_diags_destroy(d);
}

static void google_utc_yearly_all_day_multi_day(void **state)
{
    (void)state;
    struct lf_diags *d = lf_diags_create();
    struct lf_ics_feed *f = parse_file("google.ics", "2026-12-01T10:00", 200, d);
    assert_non_null(f);
    /* 17:00Z in March is 18:00 in Berlin; a plain yearly rule stays yearly */
    const struct lf_ics_event *e = starting(f, "2027-03-21T18:00");
    assert_non_null(e);
    assert_true(e->yearly);
    assert_string_equal(e->end, "2027-03-21T20:00");
    assert_int_equal(e->n_tags, 2);
    assert_string_equal(e->tags[0], "Antirassismus");
    assert_string_equal(e->tags[1], "Kultur");
    assert_string_equal(e->organiser, "Kommunales Integrationszentrum");
    assert_string_equal(e->email, "ki@stadt-muenster.de");
    assert_string_equal(e->url, "https://www.stadt-muenster.de/zuwanderung");
    /* all day: dates, the last day inclusive */
    e = starting(f, "2027-01-24");
    assert_non_null(e);
    assert_true(e->all_day);
    assert_string_equal(e->end, "2027-01-24");
    e = starting(f, "2027-02-08");
    assert_non_null(e);
    assert_string_equal(e->end, "2027-02-10");
    /* over before now: left out */
    assert_null(starting(f, "2026-11-03T18:00"));
    lf_ics_feed_destroy(f);
    lf_diags_destroy(d);
}

static void nextcloud_duration_monthly_floating_and_mozilla_zone(void **state)
{
    (void)state;
    struct lf_diags *d = lf_diags_create();
    struct lf_ics_feed *f = parse_file("nextcloud.ics", "2026-12-01T10:00", 200, d);
    assert_non_null(f);
    /* second Thursday of the month, COUNT=4, DURATION PT2H30M */
    const char *expect[] = {"2026-12-10T10:00", "2027-01-14T10:00", "2027-02-11T10:00",
                            "2027-03-11T10:00"};
    for (size_t i = 0; i < 4; i++) {
        const struct lf_ics_event *e = starting(f, expect[i]);
        assert_non_null(e);
        assert_int_equal(e->end_at - e->start_at, 9000);
    }
    assert_null(starting(f, "2027-04-08T10:00"));
    /* a floating time is the kiosk's wall clock */
    assert_non_null(starting(f, "2026-12-15T15:00"));
    lf_ics_feed_destroy(f);
    f = parse_file("thunderbird.ics", "2026-12-01T10:00", 200, d);
    assert_non_null(f);
    assert_non_null(starting(f, "2026-12-21T14:30"));
    lf_ics_feed_destroy(f);
    lf_diags_destroy(d);
}

static void horizon_limits_what_is_imported(void **state)
{
    (void)state;
    struct lf_diags *d = lf_diags_create();
    struct lf_ics_feed *f = parse_file("nextcloud.ics", "2026-12-01T10:00", 30, d);
    assert_non_null(f);
    assert_non_null(starting(f, "2026-12-10T10:00"));
    assert_null(starting(f, "2027-01-14T10:00"));
    lf_ics_feed_destroy(f);
    lf_diags_destroy(d);
}

static void broken_feed_names_every_line(void **state)
{
    (void)state;
    struct lf_diags *d = lf_diags_create();
    struct lf_ics_feed *f = parse_file("broken.ics", "2026-12-01T10:00", 200, d);
    assert_null(f);
    assert_int_equal(lf_diags_errors(d), 2);
    assert_int_equal(lf_diags_get(d, 0)->line, 9);
    assert_string_equal(lf_diags_get(d, 0)->path, "DTSTART");
    assert_int_equal(lf_diags_get(d, 1)->line, 14);
    assert_non_null(strstr(lf_diags_get(d, 1)->message, "Mars/Olympus"));
    lf_diags_destroy(d);

    static const char *const not_calendars[] = {"", "hello", "BEGIN:VCARD\r\nEND:VCARD\r\n"};
    for (size_t i = 0; i < 3; i++) {
        d = lf_diags_create();
        assert_null(lf_ics_parse(not_calendars[i], strlen(not_calendars[i]), "x.ics", 0, 10, d));
        assert_true(lf_diags_errors(d) > 0);
        lf_diags_destroy(d);
    }
}

static void every_minute_rule_stays_bounded(void **state)
{
    (void)state;
    const char *text = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:m\r\nSUMMARY:x\r\n"
                       "DTSTART:20261201T100000Z\r\nDTEND:20261201T100030Z\r\n"
                       "RRULE:FREQ=MINUTELY\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    struct lf_diags *d = lf_diags_create();
    struct lf_ics_feed *f = lf_ics_parse(text, strlen(text), "m.ics", at("2026-12-01T09:00Z"), 10, d);
    /* too many events: refused with a reason, never an endless loop */
    assert_null(f);
    assert_true(lf_diags_errors(d) > 0);
    assert_non_null(strstr(lf_diags_get(d, 0)->message, "horizon"));
    lf_diags_destroy(d);
}

/* ---- merging into content.json ---- */

/* Counts notes; each comes with the English format it was made from and
 * its values (the studio's page translates by them). */
static void count_note(void *ctx, const char *line, const char *msgid, const char *const *args,
                       int nargs)
{
    assert_non_null(msgid);
    assert_true(nargs >= 1);
    assert_non_null(strstr(line, args[0]));
    (*(int *)ctx)++;
}

static json_t *item_by_id(json_t *content, const char *id)
{
    size_t i;
    json_t *it;
    json_array_foreach(json_object_get(content, "items"), i, it) {
        if (strcmp(json_string_value(json_object_get(it, "id")), id) == 0)
            return it;
    }
    return NULL;
}

static void reimport_updates_keeps_hand_edits_and_marks_cancelled(void **state)
{
    (void)state;
    const char *v1 =
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"
        "BEGIN:VEVENT\r\nUID:a\r\nSUMMARY:Alpha\r\nDTSTART:20270110T100000Z\r\nDTEND:20270110T110000Z\r\nEND:VEVENT\r\n"
        "BEGIN:VEVENT\r\nUID:b\r\nSUMMARY:Beta\r\nDTSTART:20270111T100000Z\r\nDTEND:20270111T110000Z\r\nEND:VEVENT\r\n"
        "BEGIN:VEVENT\r\nUID:c\r\nSUMMARY:Gamma\r\nDTSTART:20270112T100000Z\r\nDTEND:20270112T110000Z\r\nEND:VEVENT\r\n"
        "BEGIN:VEVENT\r\nUID:d\r\nSUMMARY:Delta\r\nDTSTART:20270113T100000Z\r\nDTEND:20270113T110000Z\r\nEND:VEVENT\r\n"
        "END:VCALENDAR\r\n";
    /* a: title changed in the calendar; b: cancelled; c: gone; d: unchanged */
    const char *v2 =
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"
        "BEGIN:VEVENT\r\nUID:a\r\nSUMMARY:Alpha neu\r\nDTSTART:20270110T100000Z\r\nDTEND:20270110T110000Z\r\nEND:VEVENT\r\n"
        "BEGIN:VEVENT\r\nUID:b\r\nSUMMARY:Beta\r\nSTATUS:CANCELLED\r\nDTSTART:20270111T100000Z\r\nDTEND:20270111T110000Z\r\nEND:VEVENT\r\n"
        "BEGIN:VEVENT\r\nUID:d\r\nSUMMARY:Delta\r\nDTSTART:20270113T100000Z\r\nDTEND:20270113T110000Z\r\nEND:VEVENT\r\n"
        "END:VCALENDAR\r\n";
    time_t now = at("2026-12-01T10:00Z");
    struct lf_diags *d = lf_diags_create();
    json_t *content = json_pack("{s:i,s:s,s:[{s:s,s:s,s:s}]}", "format", 1, "organisation", "KI",
                                "items", "kind", "contact", "id", "ki", "title", "KI");
    json_t *st = json_object();
    struct lf_ics_report r;
    int notes = 0;
    struct lf_ics_feed *f = lf_ics_parse(v1, strlen(v1), "cal.ics", now, 100, d);
    assert_non_null(f);
    assert_true(lf_ics_merge(content, st, f, "cal.ics", "de", "Stadtkalender", &r, count_note, &notes));
    assert_int_equal(r.added, 4);
    assert_int_equal(json_array_size(json_object_get(content, "items")), 5);
    /* the same feed again: nothing changes, nothing is duplicated */
    assert_true(lf_ics_merge(content, st, f, "cal.ics", "de", "Stadtkalender", &r, count_note, &notes));
    assert_int_equal(r.added, 0);
    assert_int_equal(r.unchanged, 4);
    assert_int_equal(json_array_size(json_object_get(content, "items")), 5);
    char id_a[LF_MAX_ID_BYTES + 1], id_c[LF_MAX_ID_BYTES + 1], id_d[LF_MAX_ID_BYTES + 1];
    snprintf(id_a, sizeof(id_a), "%s", lf_ics_get(f, 0)->id);
    snprintf(id_c, sizeof(id_c), "%s", lf_ics_get(f, 2)->id);
    snprintf(id_d, sizeof(id_d), "%s", lf_ics_get(f, 3)->id);
    json_t *tags = json_object_get(item_by_id(content, id_a), "tags");
    assert_string_equal(json_string_value(json_object_get(json_array_get(tags, 0), "de")),
                        "Stadtkalender");
    lf_ics_feed_destroy(f);

    /* an editor fixes d's title by hand */
    json_object_set_new(item_by_id(content, id_d), "title", json_pack("{s:s}", "de", "Delta (Saal 2)"));
    f = lf_ics_parse(v2, strlen(v2), "cal.ics", now, 100, d);
    assert_non_null(f);
    notes = 0;
    assert_true(lf_ics_merge(content, st, f, "cal.ics", "de", "Stadtkalender", &r, count_note, &notes));
    assert_int_equal(r.updated, 1);
    assert_int_equal(r.cancelled, 1);
    assert_int_equal(r.removed, 1);
    assert_int_equal(r.kept_edited, 1);
    assert_true(notes >= 2); /* the kept edit and the cancellation are said */
    assert_string_equal(json_string_value(json_object_get(json_object_get(item_by_id(content, id_a), "title"), "de")),
                        "Alpha neu");
    assert_null(item_by_id(content, id_c));
    assert_string_equal(json_string_value(json_object_get(json_object_get(item_by_id(content, id_d), "title"), "de")),
                        "Delta (Saal 2)");
    json_t *b = item_by_id(content, lf_ics_get(f, 1)->id);
    assert_non_null(b);
    assert_true(json_is_true(json_object_get(b, "cancelled")));
    /* a hand-made item is never touched */
    assert_non_null(item_by_id(content, "ki"));

    /* an editor deletes a; the next import does not bring it back */
    size_t idx = 0, i;
    json_t *it;
    json_array_foreach(json_object_get(content, "items"), i, it) {
        if (strcmp(json_string_value(json_object_get(it, "id")), id_a) == 0)
            idx = i;
    }
    json_array_remove(json_object_get(content, "items"), idx);
    assert_true(lf_ics_merge(content, st, f, "cal.ics", "de", NULL, &r, NULL, NULL));
    assert_int_equal(r.kept_deleted, 1);
    assert_null(item_by_id(content, id_a));
    lf_ics_feed_destroy(f);
    json_decref(content);
    json_decref(st);
    lf_diags_destroy(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(outlook_series_across_dst_with_exceptions),
        cmocka_unit_test(google_utc_yearly_all_day_multi_day),
        cmocka_unit_test(nextcloud_duration_monthly_floating_and_mozilla_zone),
        cmocka_unit_test(horizon_limits_what_is_imported),
        cmocka_unit_test(broken_feed_names_every_line),
        cmocka_unit_test(every_minute_rule_stays_bounded),
        cmocka_unit_test(reimport_updates_keeps_hand_edits_and_marks_cancelled),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
