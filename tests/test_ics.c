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

#include "calendar/html_text.h"
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

/* The entry starting at `start`, which the test requires: fails naming it. */
static const struct lf_ics_event *found(const struct lf_ics_feed *f, const char *start)
{
    const struct lf_ics_event *e = starting(f, start);
    if (!e)
        fail_msg("no entry starts at %s", start);
    return e;
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
    const struct lf_ics_event *e = found(f, "2027-03-02T18:00");
    assert_string_equal(e->end, "2027-03-02T19:30");
    assert_string_equal(e->title, "Sprachcafé");
    assert_string_equal(e->place, "Stadtbücherei");
    assert_string_equal(e->address, "Alter Steinweg 11, 48143 Münster");
    assert_non_null(strstr(e->description, "Deutsch üben"));
    assert_false(e->all_day);
    assert_non_null(starting(f, "2027-03-09T18:00"));
    assert_null(starting(f, "2027-03-16T18:00")); /* EXDATE */
    assert_non_null(starting(f, "2027-03-23T18:00"));
    e = found(f, "2027-04-13T18:00");
    assert_int_equal(e->start_at, at("2027-04-13T16:00Z")); /* CEST */
    /* RECURRENCE-ID: 30 March moved to Wednesday 31 March 17:00 */
    assert_null(starting(f, "2027-03-30T18:00"));
    e = found(f, "2027-03-31T17:00");
    assert_string_equal(e->title, "Sprachcafé (im Foyer)");
    /* the cancelled 6 April is marked, UNTIL 16:00Z includes 20 April 18:00 CEST */
    e = found(f, "2027-04-06T18:00");
    assert_true(e->cancelled);
    assert_non_null(starting(f, "2027-04-20T18:00"));
    assert_null(starting(f, "2027-04-27T18:00"));
    /* a Windows zone without its VTIMEZONE block, through CLDR */
    e = found(f, "2027-05-12T17:00");
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
    const struct lf_ics_event *e = found(f, "2027-03-21T18:00");
    assert_true(e->yearly);
    assert_string_equal(e->end, "2027-03-21T20:00");
    assert_int_equal(e->n_tags, 2);
    assert_string_equal(e->tags[0], "Antirassismus");
    assert_string_equal(e->tags[1], "Kultur");
    assert_string_equal(e->organiser, "Kommunales Integrationszentrum");
    assert_string_equal(e->email, "ki@stadt-muenster.de");
    assert_string_equal(e->url, "https://www.stadt-muenster.de/zuwanderung");
    /* all day: dates, the last day inclusive */
    e = found(f, "2027-01-24");
    assert_true(e->all_day);
    assert_string_equal(e->end, "2027-01-24");
    e = found(f, "2027-02-08");
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
        const struct lf_ics_event *e = found(f, expect[i]);
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
    /* an entry without a start is left out, an unknown zone read as
     * Berlin's: both said, the rest imported */
    assert_non_null(f);
    assert_int_equal(lf_diags_errors(d), 0);
    assert_int_equal(lf_diags_count(d), 2);
    assert_int_equal(lf_diags_get(d, 0)->line, 9);
    assert_string_equal(lf_diags_get(d, 0)->path, "DTSTART");
    assert_non_null(strstr(lf_diags_get(d, 0)->message, "\"Ohne Beginn\" (UID x2"));
    assert_non_null(strstr(lf_diags_get(d, 0)->message, "has no start"));
    assert_int_equal(lf_diags_get(d, 1)->line, 14);
    assert_non_null(strstr(lf_diags_get(d, 1)->message, "Mars/Olympus"));
    assert_non_null(strstr(lf_diags_get(d, 1)->message, "Europe/Berlin"));
    assert_int_equal(lf_ics_count(f), 2);
    assert_int_equal(lf_ics_skipped(f), 1);
    assert_non_null(starting(f, "2026-12-20T11:00")); /* 10:00 UTC */
    assert_non_null(starting(f, "2026-12-20T10:00")); /* 10:00 on Mars, read as Berlin */
    lf_ics_feed_destroy(f);
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
    /* too many events: the 400 that start first, the rest said as left
     * out, never an endless loop */
    assert_non_null(f);
    assert_int_equal(lf_ics_count(f), LF_ICS_MAX_OCCURRENCES);
    assert_int_equal(lf_ics_left_out(f), 14340 - LF_ICS_MAX_OCCURRENCES);
    assert_string_equal(lf_ics_get(f, 0)->start, "2026-12-01T11:00");
    assert_string_equal(lf_ics_get(f, LF_ICS_MAX_OCCURRENCES - 1)->start, "2026-12-01T17:39");
    assert_int_equal(lf_diags_errors(d), 0);
    assert_int_equal(lf_diags_count(d), 1);
    assert_non_null(strstr(lf_diags_get(d, 0)->message, "13940 later events"));
    assert_non_null(strstr(lf_diags_get(d, 0)->message, "up to 2026-12-01T17:39"));
    lf_ics_feed_destroy(f);
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


/* ---- feeds as real systems write them, found wanting by hand testing ---- */

#define CAL_HEAD "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n"
#define CAL_TAIL "END:VCALENDAR\r\n"

/* A feed a test writes piece by piece (thousands of events, megabytes of
 * EXDATEs): CAL_HEAD, what is put, CAL_TAIL, then parsed. */
struct feed {
    char *text;
    size_t n, cap;
};

/* Appends to a growing text (aborts the test when it does not fit). */
static void vput(char *text, size_t cap, size_t *n, const char *fmt, va_list ap)
    __attribute__((format(printf, 4, 0)));
static void vput(char *text, size_t cap, size_t *n, const char *fmt, va_list ap)
{
    int w = vsnprintf(text + *n, cap - *n, fmt, ap);
    assert_true(w >= 0 && (size_t)w < cap - *n);
    *n += (size_t)w;
}

static void put(char *text, size_t cap, size_t *n, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static void put(char *text, size_t cap, size_t *n, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vput(text, cap, n, fmt, ap);
    va_end(ap);
}

/* A feed of at most cap bytes, begun with CAL_HEAD. */
static void feed_begin(struct feed *fd, size_t cap)
{
    *fd = (struct feed){.text = malloc(cap), .cap = cap};
    assert_non_null(fd->text);
    put(fd->text, fd->cap, &fd->n, "%s", CAL_HEAD);
}

static void feed_put(struct feed *fd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void feed_put(struct feed *fd, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vput(fd->text, fd->cap, &fd->n, fmt, ap);
    va_end(ap);
}

/* The feed ended with CAL_TAIL and parsed as file `name` at `now` (its
 * text freed); *d the new diagnostics, the caller destroys them. */
static struct lf_ics_feed *feed_parse(struct feed *fd, const char *name, const char *now, int horizon,
                                      struct lf_diags **d)
{
    feed_put(fd, "%s", CAL_TAIL);
    *d = lf_diags_create();
    struct lf_ics_feed *f = lf_ics_parse(fd->text, fd->n, name, at(now), horizon, *d);
    free(fd->text);
    fd->text = NULL;
    return f;
}

/* Parsed as feed_parse, read without an error. */
static struct lf_ics_feed *feed_parse_clean(struct feed *fd, const char *name, const char *now,
                                            int horizon, struct lf_diags **d)
{
    struct lf_ics_feed *f = feed_parse(fd, name, now, horizon, d);
    assert_non_null(f);
    assert_int_equal(lf_diags_errors(*d), 0);
    return f;
}

/* A series every 7 minutes since 2010 (1.27 million steps from DTSTART)
 * starts its steps shortly before now: the feed imports, and the dates are
 * the series' own (DTSTART plus a multiple of 7 minutes: 08:54 ended
 * before 09:00, so 09:01 comes first). Walking from DTSTART ran past
 * LF_ICS_MAX_SERIES_STEPS and failed the whole feed. */
static void a_sub_daily_series_of_years_starts_near_now(void **state)
{
    (void)state;
    const char *text = CAL_HEAD "BEGIN:VEVENT\r\nUID:slot\r\nSUMMARY:Slot\r\n"
                       "DTSTART;TZID=Europe/Berlin:20100101T090000\r\nDURATION:PT5M\r\n"
                       "RRULE:FREQ=MINUTELY;INTERVAL=7\r\nEND:VEVENT\r\n"
                       "BEGIN:VEVENT\r\nUID:hourly\r\nSUMMARY:Stunde\r\n"
                       "DTSTART:20100101T083000Z\r\nDURATION:PT30M\r\n"
                       "RRULE:FREQ=HOURLY;INTERVAL=5\r\nEND:VEVENT\r\n" CAL_TAIL;
    struct lf_diags *d = lf_diags_create();
    struct lf_ics_feed *f = lf_ics_parse(text, strlen(text), "slot.ics", at("2026-12-01T09:00"), 1, d);
    assert_non_null(f);
    assert_int_equal(lf_diags_errors(d), 0);
    assert_null(starting(f, "2026-12-01T08:54"));
    assert_non_null(starting(f, "2026-12-01T09:01"));
    assert_non_null(starting(f, "2026-12-01T09:08"));
    assert_null(starting(f, "2026-12-01T09:02"));
    /* every 5 hours from 08:30 UTC on 1 January 2010: 06:30 UTC on
     * 1 December 2026 is 148,270 hours later, a multiple of 5, so 07:30
     * Berlin ended before 09:00 and 12:30 is the first to come */
    assert_null(starting(f, "2026-12-01T07:30"));
    assert_non_null(starting(f, "2026-12-01T12:30"));
    assert_non_null(starting(f, "2026-12-01T17:30"));
    assert_null(starting(f, "2026-12-01T09:30"));
    lf_ics_feed_destroy(f);
    lf_diags_destroy(d);
}

/* A series with more steps within the horizon than
 * LF_ICS_MAX_SERIES_STEPS (every minute for 80 days): its nearest dates
 * are kept, the rest is said with the date it stops at, and the feed's
 * other events are imported; it used to fail the whole calendar. */
static void a_series_past_its_step_limit_leaves_the_feed_whole(void **state)
{
    (void)state;
    const char *text = CAL_HEAD "BEGIN:VEVENT\r\nUID:m\r\nSUMMARY:Minute\r\n"
                       "DTSTART:20261201T100000Z\r\nDURATION:PT1M\r\n"
                       "RRULE:FREQ=MINUTELY\r\nEND:VEVENT\r\n"
                       "BEGIN:VEVENT\r\nUID:forum\r\nSUMMARY:Forum\r\n"
                       "DTSTART:20261201T090000Z\r\nDTEND:20261201T093000Z\r\nEND:VEVENT\r\n" CAL_TAIL;
    struct lf_diags *d = lf_diags_create();
    struct lf_ics_feed *f = lf_ics_parse(text, strlen(text), "m.ics", at("2026-12-01T09:00Z"), 80, d);
    assert_non_null(f);
    assert_int_equal(lf_diags_errors(d), 0);
    assert_non_null(starting(f, "2026-12-01T10:00"));  /* the forum, 09:00 UTC */
    assert_non_null(starting(f, "2026-12-01T11:00"));  /* the series' first */
    bool said = false;
    for (size_t i = 0; i < lf_diags_count(d); i++) {
        const char *m = lf_diags_get(d, i)->message;
        /* 100,000 minutes after 10:00 UTC on 1 December (the first):
         * 8 February 2027, 20:40 UTC, the first date left out */
        if (strstr(m, "repeats more than 100000 times") && strstr(m, "from 2027-02-08 20:40"))
            said = true;
    }
    assert_true(said);
    lf_ics_feed_destroy(f);
    lf_diags_destroy(d);
}

static struct lf_ics_feed *parse_text(const char *text, const char *now, int horizon,
                                      struct lf_diags *d)
{
    return lf_ics_parse(text, strlen(text), "feed.ics", at(now), horizon, d);
}

static size_t count_titled(const struct lf_ics_feed *f, const char *title)
{
    size_t n = 0;
    for (size_t i = 0; i < lf_ics_count(f); i++)
        n += strcmp(lf_ics_get(f, i)->title, title) == 0;
    return n;
}

/* RDATE (date-times with TZID, several in one line, and periods) adds
 * dates, with or without an RRULE; a date both give is one event */
static void rdate_dates_are_events(void **state)
{
    (void)state;
    const char *text =
        CAL_HEAD
        "BEGIN:VEVENT\r\nUID:r1\r\nSUMMARY:Mit RDATE\r\n"
        "DTSTART;TZID=Europe/Berlin:20270110T100000\r\nDTEND;TZID=Europe/Berlin:20270110T110000\r\n"
        "RDATE;TZID=Europe/Berlin:20270117T100000,20270124T120000\r\n"
        "RDATE;VALUE=PERIOD:20270201T090000Z/PT2H,20270202T090000Z/20270202T093000Z\r\n"
        "EXDATE;TZID=Europe/Berlin:20270117T100000\r\n"
        "END:VEVENT\r\n"
        "BEGIN:VEVENT\r\nUID:r2\r\nSUMMARY:Regel und RDATE\r\n"
        "DTSTART;TZID=Europe/Berlin:20270301T100000\r\nDTEND;TZID=Europe/Berlin:20270301T110000\r\n"
        "RRULE:FREQ=WEEKLY;COUNT=2\r\nRDATE;TZID=Europe/Berlin:20270308T100000,20270310T100000\r\n"
        "END:VEVENT\r\n" CAL_TAIL;
    struct lf_diags *d = lf_diags_create();
    struct lf_ics_feed *f = parse_text(text, "2026-12-01T10:00", 200, d);
    assert_non_null(f);
    assert_int_equal(lf_diags_errors(d), 0);
    assert_non_null(starting(f, "2027-01-10T10:00"));
    assert_null(starting(f, "2027-01-17T10:00")); /* EXDATE takes an RDATE out too */
    const struct lf_ics_event *e = found(f, "2027-01-24T12:00");
    assert_string_equal(e->end, "2027-01-24T13:00");
    e = found(f, "2027-02-01T10:00");
    assert_string_equal(e->end, "2027-02-01T12:00"); /* the period's own length */
    e = found(f, "2027-02-02T10:00");
    assert_string_equal(e->end, "2027-02-02T10:30");
    assert_int_equal(count_titled(f, "Mit RDATE"), 4);
    /* 1 and 8 March from the rule, 8 March again from RDATE: once; 10 March */
    assert_int_equal(count_titled(f, "Regel und RDATE"), 3);
    assert_non_null(starting(f, "2027-03-10T10:00"));
    lf_ics_feed_destroy(f);
    lf_diags_destroy(d);
}

/* an occurrence beyond the horizon moved into it is shown at its new
 * time; RANGE=THISANDFUTURE moves every later occurrence too */
static void overrides_beyond_the_horizon_and_this_and_future(void **state)
{
    (void)state;
    const char *text =
        CAL_HEAD
        "BEGIN:VEVENT\r\nUID:late\r\nSUMMARY:Serie\r\n"
        "DTSTART;TZID=Europe/Berlin:20270301T100000\r\nDTEND;TZID=Europe/Berlin:20270301T110000\r\n"
        "RRULE:FREQ=WEEKLY;COUNT=10\r\nEND:VEVENT\r\n"
        "BEGIN:VEVENT\r\nUID:late\r\nSUMMARY:Vorgezogen\r\n"
        "RECURRENCE-ID;TZID=Europe/Berlin:20270405T100000\r\n"
        "DTSTART;TZID=Europe/Berlin:20270305T100000\r\nDTEND;TZID=Europe/Berlin:20270305T110000\r\n"
        "END:VEVENT\r\n"
        "BEGIN:VEVENT\r\nUID:tf\r\nSUMMARY:Alt\r\n"
        "DTSTART;TZID=Europe/Berlin:20270105T100000\r\nDTEND;TZID=Europe/Berlin:20270105T110000\r\n"
        "RRULE:FREQ=WEEKLY;COUNT=4\r\nEND:VEVENT\r\n"
        "BEGIN:VEVENT\r\nUID:tf\r\nSUMMARY:Neu\r\n"
        "RECURRENCE-ID;RANGE=THISANDFUTURE;TZID=Europe/Berlin:20270112T100000\r\n"
        "DTSTART;TZID=Europe/Berlin:20270112T140000\r\nDTEND;TZID=Europe/Berlin:20270112T153000\r\n"
        "END:VEVENT\r\n" CAL_TAIL;
    struct lf_diags *d = lf_diags_create();
    /* the horizon ends on 11 March: 5 April is beyond it, 5 March within */
    struct lf_ics_feed *f = parse_text(text, "2026-12-01T10:00", 100, d);
    assert_non_null(f);
    const struct lf_ics_event *e = found(f, "2027-03-05T10:00");
    assert_string_equal(e->title, "Vorgezogen");
    assert_int_equal(count_titled(f, "Serie"), 2); /* 1 and 8 March */
    assert_non_null(starting(f, "2027-01-05T10:00"));
    assert_string_equal(starting(f, "2027-01-05T10:00")->title, "Alt");
    for (int day = 12; day <= 26; day += 7) {
        char start[32];
        snprintf(start, sizeof(start), "2027-01-%02dT14:00", day);
        e = found(f, start);
        assert_string_equal(e->title, "Neu");
        assert_int_equal(e->end_at - e->start_at, 5400);
    }
    assert_int_equal(lf_ics_count(f), 7);
    lf_ics_feed_destroy(f);
    lf_diags_destroy(d);
}

/* a feed that lists each date of an event as an entry of its own with
 * one UID keeps every date (said); the same entry twice is one event,
 * the higher SEQUENCE winning */
static void duplicate_uids_lose_no_date(void **state)
{
    (void)state;
    const char *text =
        CAL_HEAD
        "BEGIN:VEVENT\r\nUID:stadt-42\r\nSUMMARY:Stadtführung\r\n"
        "DTSTART;TZID=Europe/Berlin:20270110T100000\r\nDTEND;TZID=Europe/Berlin:20270110T110000\r\nEND:VEVENT\r\n"
        "BEGIN:VEVENT\r\nUID:stadt-42\r\nSUMMARY:Stadtführung\r\n"
        "DTSTART;TZID=Europe/Berlin:20270117T100000\r\nDTEND;TZID=Europe/Berlin:20270117T110000\r\nEND:VEVENT\r\n"
        "BEGIN:VEVENT\r\nUID:twice\r\nSEQUENCE:3\r\nSUMMARY:Neue Fassung\r\n"
        "DTSTART;TZID=Europe/Berlin:20270120T100000\r\nDTEND;TZID=Europe/Berlin:20270120T110000\r\nEND:VEVENT\r\n"
        "BEGIN:VEVENT\r\nUID:twice\r\nSEQUENCE:1\r\nSUMMARY:Alte Fassung\r\n"
        "DTSTART;TZID=Europe/Berlin:20270120T100000\r\nDTEND;TZID=Europe/Berlin:20270120T110000\r\nEND:VEVENT\r\n"
        CAL_TAIL;
    struct lf_diags *d = lf_diags_create();
    struct lf_ics_feed *f = parse_text(text, "2026-12-01T10:00", 200, d);
    assert_non_null(f);
    assert_int_equal(lf_ics_count(f), 3);
    assert_non_null(starting(f, "2027-01-10T10:00"));
    assert_non_null(starting(f, "2027-01-17T10:00"));
    assert_string_not_equal(starting(f, "2027-01-10T10:00")->id, starting(f, "2027-01-17T10:00")->id);
    assert_string_equal(starting(f, "2027-01-20T10:00")->title, "Neue Fassung");
    /* the shared UID said once (not once per date), the duplicate named */
    assert_int_equal(lf_diags_count(d), 3);
    assert_int_equal(lf_diags_errors(d), 0);
    /* merged: every id once, nothing counted as "updated" in one import */
    json_t *content = json_pack("{s:[]}", "items");
    json_t *st = json_object();
    struct lf_ics_report r;
    assert_true(lf_ics_merge(content, st, f, "feed.ics", "de", NULL, &r, NULL, NULL));
    assert_int_equal(r.added, 3);
    assert_int_equal(r.updated, 0);
    assert_int_equal(json_array_size(json_object_get(content, "items")), 3);
    json_decref(content);
    json_decref(st);
    lf_ics_feed_destroy(f);
    lf_diags_destroy(d);
}

/* Windows-1252 bytes (older Windows servers) are read as such, said once;
 * an HTML page is named as one */
static void latin1_feed_and_html_page(void **state)
{
    (void)state;
    const char *text =
        CAL_HEAD
        "BEGIN:VEVENT\r\nUID:l1\r\nSUMMARY:Sprachcaf\xe9 f\xfcr M\xfctter \x84Treff\x93\r\n"
        "LOCATION:B\xfcrgerhaus\\, Stra\xdf" "e 5\\, 48143 M\xfcnster\r\n"
        "DTSTART;TZID=Europe/Berlin:20270110T100000\r\nDTEND;TZID=Europe/Berlin:20270110T110000\r\n"
        "END:VEVENT\r\n"
        "BEGIN:VEVENT\r\nUID:l2\r\nSUMMARY:Gr\xfc\xdf" "e\r\nCATEGORIES:Fr\xfchst\xfc" "ck\r\n"
        "DTSTART;TZID=Europe/Berlin:20270111T100000\r\nDTEND;TZID=Europe/Berlin:20270111T110000\r\n"
        "END:VEVENT\r\n" CAL_TAIL;
    struct lf_diags *d = lf_diags_create();
    struct lf_ics_feed *f = parse_text(text, "2026-12-01T10:00", 200, d);
    assert_non_null(f);
    const struct lf_ics_event *e = found(f, "2027-01-10T10:00");
    assert_string_equal(e->title, "Sprachcafé für Mütter „Treff“");
    assert_string_equal(e->place, "Bürgerhaus");
    assert_string_equal(e->address, "Straße 5, 48143 Münster");
    e = starting(f, "2027-01-11T10:00");
    assert_string_equal(e->title, "Grüße");
    assert_string_equal(e->tags[0], "Frühstück");
    assert_int_equal(lf_diags_count(d), 1);
    assert_int_equal(lf_diags_get(d, 0)->line, 4);
    assert_non_null(strstr(lf_diags_get(d, 0)->message, "Windows-1252"));
    lf_ics_feed_destroy(f);
    lf_diags_destroy(d);

    /* a UTF-8 character split by a fold is UTF-8, not Windows-1252 */
    const char *folded = CAL_HEAD "BEGIN:VEVENT\r\nUID:u\r\nSUMMARY:M\xc3\r\n \xbcnster\r\n"
                         "DTSTART;VALUE=DATE:20270110\r\nEND:VEVENT\r\n" CAL_TAIL;
    d = lf_diags_create();
    f = parse_text(folded, "2026-12-01T10:00", 200, d);
    assert_non_null(f);
    assert_string_equal(lf_ics_get(f, 0)->title, "Münster");
    assert_int_equal(lf_diags_count(d), 0);
    lf_ics_feed_destroy(f);
    lf_diags_destroy(d);

    /* a webcal:// subscription link is fetched over https:// */
    char buf[256];
    assert_string_equal(lf_ics_feed_url("webcal://calendar.google.com/x/basic.ics", buf, sizeof(buf)),
                        "https://calendar.google.com/x/basic.ics");
    assert_string_equal(lf_ics_feed_url("WEBCALS://outlook.office365.com/owa/c.ics", buf, sizeof(buf)),
                        "https://outlook.office365.com/owa/c.ics");
    assert_string_equal(lf_ics_feed_url("https://a.example/c.ics", buf, sizeof(buf)),
                        "https://a.example/c.ics");
    assert_string_equal(lf_ics_feed_url("export.ics", buf, sizeof(buf)), "export.ics");

    const char *html = "\r\n<!DOCTYPE html><html><body><form>Anmelden</form></body></html>\r\n";
    d = lf_diags_create();
    assert_null(parse_text(html, "2026-12-01T10:00", 200, d));
    assert_int_equal(lf_diags_errors(d), 1);
    assert_non_null(strstr(lf_diags_get(d, 0)->message, "HTML"));
    lf_diags_destroy(d);
}

/* a city's whole event calendar, years of past events in it, is read
 * (only what is within the horizon becomes events) */
static void thousands_of_past_events_are_read(void **state)
{
    (void)state;
    size_t n = 8000;
    struct feed fd;
    feed_begin(&fd, n * 160 + 256);
    for (size_t i = 0; i < n; i++)
        feed_put(&fd,
                 "BEGIN:VEVENT\r\nUID:e%zu\r\nSUMMARY:Termin %zu\r\n"
                 "DTSTART:2025%02zu%02zuT100000Z\r\nEND:VEVENT\r\n",
                 i, i, 1 + i % 12, 1 + i % 28);
    feed_put(&fd, "BEGIN:VEVENT\r\nUID:next\r\nSUMMARY:Demnächst\r\n"
                  "DTSTART:20270110T100000Z\r\nEND:VEVENT\r\n");
    struct lf_diags *d;
    struct lf_ics_feed *f = feed_parse_clean(&fd, "city.ics", "2026-12-01T10:00", 200, &d);
    assert_int_equal(lf_ics_components(f), n + 1);
    assert_int_equal(lf_ics_count(f), 1);
    assert_string_equal(lf_ics_get(f, 0)->title, "Demnächst");
    /* none has an end: only the one to be shown is said, not 8000 past ones */
    assert_int_equal(lf_diags_count(d), 1);
    assert_non_null(strstr(lf_diags_get(d, 0)->message, "no end"));
    lf_ics_feed_destroy(f);
    lf_diags_destroy(d);
}

/* Google Calendar and city systems write HTML into DESCRIPTION: the kiosk
 * gets its text (lines, list items, link addresses), never its tags; a
 * plain text with "<" or "&" stays as it is */
static void html_descriptions_become_text(void **state)
{
    (void)state;
    const char *text =
        CAL_HEAD
        "BEGIN:VEVENT\r\nUID:h1\r\nSUMMARY:Jung &amp\\; Alt\r\n"
        "DESCRIPTION:<b>Wichtig:</b> Bitte bringen Sie mit:<br><ul><li>Ausweis</li><li> Melde"
        "bescheinigung</li></ul><br>Anmeldung <a href=\"https://www.stadt.de/kita-anmeldung\">hier"
        "</a> oder unter <a href=\"https://www.stadt.de/kita\">www.stadt.de/kita</a>&nbsp\\;&amp\\; "
        "<a href=\"mailto:kita@stadt.de\">per E-Mail</a><script>alert(1)</script>\r\n"
        "DTSTART;TZID=Europe/Berlin:20270110T100000\r\nDTEND;TZID=Europe/Berlin:20270110T110000\r\n"
        "END:VEVENT\r\n"
        "BEGIN:VEVENT\r\nUID:h2\r\nSUMMARY:Kinder < 6 Jahre & Eltern\r\n"
        "DESCRIPTION:Preis: 3 € <-> 5 €\\, a<b\\, R&D\r\n"
        "DTSTART;TZID=Europe/Berlin:20270111T100000\r\nDTEND;TZID=Europe/Berlin:20270111T110000\r\n"
        "END:VEVENT\r\n"
        "BEGIN:VEVENT\r\nUID:h3\r\nSUMMARY:Absätze\r\n"
        "DESCRIPTION:<p>Erster Absatz</p><p>Zweiter\\nAbsatz</p><div>Ende</div>\r\n"
        "DTSTART;TZID=Europe/Berlin:20270112T100000\r\nDTEND;TZID=Europe/Berlin:20270112T110000\r\n"
        "END:VEVENT\r\n" CAL_TAIL;
    struct lf_diags *d = lf_diags_create();
    struct lf_ics_feed *f = parse_text(text, "2026-12-01T10:00", 200, d);
    assert_non_null(f);
    const struct lf_ics_event *e = starting(f, "2027-01-10T10:00");
    assert_string_equal(e->title, "Jung & Alt");
    assert_string_equal(e->description,
                        "Wichtig: Bitte bringen Sie mit:\n\n"
                        "• Ausweis\n• Meldebescheinigung\n\n"
                        "Anmeldung hier (https://www.stadt.de/kita-anmeldung) oder unter "
                        "www.stadt.de/kita & per E-Mail (kita@stadt.de)");
    e = starting(f, "2027-01-11T10:00");
    assert_string_equal(e->title, "Kinder < 6 Jahre & Eltern");
    assert_string_equal(e->description, "Preis: 3 € <-> 5 €, a<b, R&D");
    e = starting(f, "2027-01-12T10:00");
    assert_string_equal(e->description, "Erster Absatz\n\nZweiter Absatz\n\nEnde");
    lf_ics_feed_destroy(f);
    lf_diags_destroy(d);
    assert_false(lf_looks_like_html("Sprachcafé <3"));
    assert_true(lf_looks_like_html("Zeile<BR>Zeile"));
    assert_true(lf_looks_like_html("&#8222;Zitat&#8220;"));
    char *t = lf_html_to_text("&#8222;Zitat&#8220; &auml;");
    assert_string_equal(t, "„Zitat“ ä");
    free(t);
    /* only entities, no lines of HTML: the text's own lines stay */
    t = lf_html_to_text("Zeile 1\nZeile 2 &amp; <b>mehr</b>\n\nEnde");
    assert_string_equal(t, "Zeile 1\nZeile 2 & mehr\n\nEnde");
    free(t);
}

/* two calendars one after the other in one file (an export of several
 * calendars): both are read, the second with its own VTIMEZONE */
static void calendars_one_after_the_other(void **state)
{
    (void)state;
    const char *text =
        CAL_HEAD
        "BEGIN:VEVENT\r\nUID:a\r\nSUMMARY:Erster Kalender\r\n"
        "DTSTART;TZID=Europe/Berlin:20270110T100000\r\nDTEND;TZID=Europe/Berlin:20270110T110000\r\n"
        "END:VEVENT\r\n" CAL_TAIL CAL_HEAD
        "BEGIN:VTIMEZONE\r\nTZID:Customized Time Zone\r\nBEGIN:STANDARD\r\nDTSTART:16010101T030000\r\n"
        "TZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nRRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10\r\n"
        "END:STANDARD\r\nBEGIN:DAYLIGHT\r\nDTSTART:16010101T020000\r\nTZOFFSETFROM:+0100\r\n"
        "TZOFFSETTO:+0200\r\nRRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3\r\nEND:DAYLIGHT\r\n"
        "END:VTIMEZONE\r\n"
        "BEGIN:VEVENT\r\nUID:b\r\nSUMMARY:Zweiter Kalender\r\n"
        "DTSTART;TZID=Customized Time Zone:20270610T100000\r\n"
        "DTEND;TZID=Customized Time Zone:20270610T110000\r\nEND:VEVENT\r\n" CAL_TAIL;
    struct lf_diags *d = lf_diags_create();
    struct lf_ics_feed *f = parse_text(text, "2026-12-01T10:00", 300, d);
    assert_non_null(f);
    assert_int_equal(lf_diags_errors(d), 0);
    assert_int_equal(lf_ics_count(f), 2);
    assert_string_equal(starting(f, "2027-01-10T10:00")->title, "Erster Kalender");
    const struct lf_ics_event *e = found(f, "2027-06-10T10:00");
    assert_int_equal(e->start_at, at("2027-06-10T08:00Z"));
    assert_int_equal(e->line, 29); /* its BEGIN:VEVENT in the file */
    lf_ics_feed_destroy(f);
    lf_diags_destroy(d);
}

/* 02:30 on the night the clocks go forward does not exist: RFC 5545
 * 3.3.5 reads it with the offset before the gap (03:30 summer time), as
 * calendar applications show it; libical alone gave 01:30 */
static void a_time_in_the_spring_gap(void **state)
{
    (void)state;
    const char *text =
        CAL_HEAD
        "BEGIN:VEVENT\r\nUID:gap\r\nSUMMARY:Nachtschicht\r\n"
        "DTSTART;TZID=Europe/Berlin:20270321T023000\r\nDTEND;TZID=Europe/Berlin:20270321T050000\r\n"
        "RRULE:FREQ=WEEKLY;COUNT=3\r\nEND:VEVENT\r\n"
        "BEGIN:VEVENT\r\nUID:gap2\r\nSUMMARY:Outlook\r\n"
        "DTSTART;TZID=W. Europe Standard Time:20270328T020000\r\n"
        "DTEND;TZID=W. Europe Standard Time:20270328T040000\r\nEND:VEVENT\r\n" CAL_TAIL;
    struct lf_diags *d = lf_diags_create();
    struct lf_ics_feed *f = parse_text(text, "2026-12-01T10:00", 200, d);
    assert_non_null(f);
    assert_non_null(starting(f, "2027-03-21T02:30"));
    const struct lf_ics_event *e = found(f, "2027-03-28T03:30");
    assert_int_equal(e->start_at, at("2027-03-28T01:30Z"));
    assert_null(starting(f, "2027-03-28T01:30"));
    assert_non_null(starting(f, "2027-04-04T02:30"));
    e = found(f, "2027-03-28T03:00");
    assert_string_equal(e->title, "Outlook");
    assert_string_equal(e->end, "2027-03-28T04:00");
    lf_ics_feed_destroy(f);
    /* zone names as some servers write them: Exchange Online's UTC, a
     * name with a space after it */
    const char *names = CAL_HEAD
        "BEGIN:VEVENT\r\nUID:n1\r\nSUMMARY:Exchange\r\n"
        "DTSTART;TZID=tzone://Microsoft/Utc:20270110T100000\r\n"
        "DTEND;TZID=tzone://Microsoft/Utc:20270110T110000\r\nEND:VEVENT\r\n"
        "BEGIN:VEVENT\r\nUID:n2\r\nSUMMARY:Leerzeichen\r\n"
        "DTSTART;TZID=\"Europe/Berlin \":20270111T100000\r\n"
        "DTEND;TZID=\"Europe/Berlin \":20270111T110000\r\nEND:VEVENT\r\n" CAL_TAIL;
    f = parse_text(names, "2026-12-01T10:00", 200, d);
    assert_non_null(f);
    assert_non_null(starting(f, "2027-01-10T11:00"));
    assert_non_null(starting(f, "2027-01-11T10:00"));
    lf_ics_feed_destroy(f);
    lf_diags_destroy(d);
}

/* zone names as city systems and Outlook write them: abbreviations,
 * Outlook's display names (German and English), a daylight-time name, a
 * fixed offset; a name nothing knows is read as the feed's X-WR-TIMEZONE,
 * said once for both its entries */
static void zone_names_outlook_and_cities_write(void **state)
{
    (void)state;
    struct lf_diags *d = lf_diags_create();
    struct lf_ics_feed *f = parse_file("outlook-zones.ics", "2026-12-01T10:00", 180, d);
    assert_non_null(f);
    assert_int_equal(lf_ics_count(f), 9);
    static const char *const expect[][2] = {
        {"Beratung MEZ", "2026-12-07T10:00"},     {"Beratung CET", "2026-12-08T10:00"},
        {"Sommerzeit-Name", "2027-03-30T10:00"},  {"Fester Versatz", "2026-12-09T10:00"},
        {"Outlook deutsch", "2027-03-31T10:00"},  {"Outlook englisch", "2026-12-10T10:00"},
        {"Istanbul", "2026-12-11T08:00"},         {"Unbekannt eins", "2026-12-14T11:00"},
        {"Unbekannt zwei", "2026-12-15T11:00"},
    };
    for (size_t i = 0; i < 9; i++) {
        const struct lf_ics_event *e = found(f, expect[i][1]);
        assert_string_equal(e->title, expect[i][0]);
    }
    assert_int_equal(lf_diags_errors(d), 0);
    assert_int_equal(lf_diags_count(d), 1);
    assert_int_equal(lf_diags_get(d, 0)->line, 48);
    assert_non_null(strstr(lf_diags_get(d, 0)->message, "'Rathauszeit'"));
    assert_non_null(strstr(lf_diags_get(d, 0)->message, "Europe/London"));
    lf_ics_feed_destroy(f);
    lf_diags_destroy(d);

    /* without X-WR-TIMEZONE: the kiosk's zone; "GMT-0530" a fixed offset */
    d = lf_diags_create();
    f = parse_text(CAL_HEAD "BEGIN:VEVENT\r\nUID:a\r\nSUMMARY:A\r\n"
                   "DTSTART;TZID=Ortszeit:20261207T100000\r\nEND:VEVENT\r\n"
                   "BEGIN:VEVENT\r\nUID:b\r\nSUMMARY:B\r\n"
                   "DTSTART;TZID=GMT-0530:20261207T100000\r\nEND:VEVENT\r\n" CAL_TAIL,
                   "2026-12-01T10:00", 30, d);
    assert_non_null(f);
    assert_non_null(starting(f, "2026-12-07T10:00"));
    assert_non_null(starting(f, "2026-12-07T16:30"));
    assert_int_equal(lf_diags_errors(d), 0);
    assert_non_null(strstr(lf_diags_get(d, 0)->message, "read as Europe/Berlin time"));
    lf_ics_feed_destroy(f);
    lf_diags_destroy(d);
}

/* a city feed with faulty entries: each is left out and said (line,
 * SUMMARY, UID, DTSTART, why), never cut; a past faulty one is not said;
 * the rest is imported */
static void faulty_entries_are_left_out(void **state)
{
    (void)state;
    struct lf_diags *d = lf_diags_create();
    struct lf_ics_feed *f = parse_file("city-bad-entries.ics", "2026-12-01T10:00", 180, d);
    assert_non_null(f);
    assert_int_equal(lf_ics_count(f), 2);
    assert_string_equal(starting(f, "2026-12-07T18:00")->title, "Sprachcafé");
    assert_string_equal(starting(f, "2026-12-11T10:00")->title, "Elterncafé");
    assert_int_equal(lf_ics_skipped(f), 3); /* the past one is not counted */
    assert_int_equal(lf_diags_errors(d), 0);
    assert_int_equal(lf_diags_count(d), 3);
    static const struct {
        int line;
        const char *field, *what, *why;
    } said[] = {
        {10, "DESCRIPTION", "\"Lesung mit langer Beschreibung\" (UID long-1, DTSTART 20261208T170000Z)",
         "a text on the kiosk holds at most 4096"},
        {17, "SUMMARY", "(UID nosum-1, DTSTART 20261209T170000Z)", "no title"},
        {22, "UID", "\"Ohne UID\" (UID none, DTSTART 20261210T170000Z)", "no UID"},
    };
    for (size_t i = 0; i < 3; i++) {
        const struct lf_diag *g = lf_diags_get(d, i);
        assert_int_equal(g->line, said[i].line);
        assert_string_equal(g->path, said[i].field);
        assert_non_null(strstr(g->message, said[i].what));
        assert_non_null(strstr(g->message, said[i].why));
    }
    lf_ics_feed_destroy(f);
    lf_diags_destroy(d);

    /* picked by text: only what the filter takes is imported or said */
    struct lf_ics_filter flt = {.matches = {"LESUNG", "elterncafé"}, .n_matches = 2};
    size_t len;
    char *text = slurp("city-bad-entries.ics", &len);
    d = lf_diags_create();
    f = lf_ics_parse_filtered(text, len, "city.ics", at("2026-12-01T10:00"), 180, &flt, d);
    free(text);
    assert_non_null(f);
    assert_int_equal(lf_ics_count(f), 1);
    assert_string_equal(lf_ics_get(f, 0)->title, "Elterncafé");
    assert_int_equal(lf_ics_filtered(f), 1); /* Sprachcafé */
    assert_int_equal(lf_ics_skipped(f), 1);  /* the Lesung, too long */
    assert_int_equal(lf_diags_count(d), 1);
    assert_int_equal(lf_diags_get(d, 0)->line, 10);
    lf_ics_feed_destroy(f);
    lf_diags_destroy(d);
}

/* A feed's own VTIMEZONE that changes every second (FREQ=SECONDLY, or a
 * yearly rule with BYSECOND) since 1601: libical followed it step by step
 * to find an offset and import-ics never ended. Such a zone is left out
 * with a warning naming its line; its event is read as in an unknown
 * zone (Berlin) and imported. A real yearly zone still counts. */
static void a_zone_that_changes_every_second(void **state)
{
    (void)state;
#define ZONE(rule)                                                                          \
    "BEGIN:VTIMEZONE\r\nTZID:Eigene Zone\r\nBEGIN:STANDARD\r\nDTSTART:16010101T030000\r\n"  \
    "TZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nRRULE:" rule "\r\nEND:STANDARD\r\n"          \
    "END:VTIMEZONE\r\n"
#define EVENT                                                                               \
    "BEGIN:VEVENT\r\nUID:z-1\r\nDTSTAMP:20261101T000000Z\r\n"                               \
    "DTSTART;TZID=Eigene Zone:20261210T100000\r\nDTEND;TZID=Eigene Zone:20261210T120000\r\n" \
    "SUMMARY:Treffen\r\nEND:VEVENT\r\n"
    static const char *const feeds[] = {
        CAL_HEAD ZONE("FREQ=SECONDLY") EVENT CAL_TAIL,
        CAL_HEAD ZONE("FREQ=YEARLY;BYMINUTE=0,1,2,3,4,5,6,7,8,9;BYSECOND=0,1,2,3,4,5,6,7,8,9")
            EVENT CAL_TAIL,
    };
    for (size_t i = 0; i < sizeof(feeds) / sizeof(feeds[0]); i++) {
        struct lf_diags *d = lf_diags_create();
        struct lf_ics_feed *f = parse_text(feeds[i], "2026-12-01T10:00", 180, d);
        assert_non_null(f);
        assert_int_equal(lf_ics_count(f), 1);
        assert_int_equal(lf_ics_get(f, 0)->start_at, at("2026-12-10T10:00"));
        assert_int_equal(lf_diags_errors(d), 0);
        const struct lf_diag *g = lf_diags_get(d, 0);
        assert_non_null(g);
        assert_int_equal(g->line, 4);
        assert_string_equal(g->path, "VTIMEZONE");
        assert_non_null(strstr(g->message, "'Eigene Zone' repeats its changes"));
        lf_ics_feed_destroy(f);
        lf_diags_destroy(d);
    }
    /* the real thing: Berlin as a VTIMEZONE of its own, yearly rules */
    static const char berlin[] =
        CAL_HEAD "BEGIN:VTIMEZONE\r\nTZID:Eigene Zone\r\n"
        "BEGIN:DAYLIGHT\r\nDTSTART:19810329T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\n"
        "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\nEND:DAYLIGHT\r\n"
        "BEGIN:STANDARD\r\nDTSTART:19961027T030000\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\n"
        "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n"
        EVENT CAL_TAIL;
    struct lf_diags *d = lf_diags_create();
    struct lf_ics_feed *f = parse_text(berlin, "2026-12-01T10:00", 180, d);
    assert_non_null(f);
    assert_int_equal(lf_ics_count(f), 1);
    assert_int_equal(lf_diags_count(d), 0);
    lf_ics_feed_destroy(f);
    lf_diags_destroy(d);
#undef ZONE
#undef EVENT
}

/* UNTIL before DTSTART: libical gives no date and the event vanished
 * without a word. DTSTART is the first occurrence: shown once, with a
 * warning naming the line; a past one is not worth a word. */
static void a_series_that_ends_before_it_begins(void **state)
{
    (void)state;
    static const char feed[] =
        CAL_HEAD "BEGIN:VEVENT\r\nUID:u-1\r\nDTSTAMP:20261101T000000Z\r\n"
        "DTSTART;TZID=Europe/Berlin:20261210T100000\r\nDTEND;TZID=Europe/Berlin:20261210T120000\r\n"
        "RRULE:FREQ=WEEKLY;UNTIL=20200101T000000Z\r\nSUMMARY:Sprachcafé\r\nEND:VEVENT\r\n"
        "BEGIN:VEVENT\r\nUID:u-2\r\nDTSTAMP:20261101T000000Z\r\n"
        "DTSTART;TZID=Europe/Berlin:20250110T100000\r\nDTEND;TZID=Europe/Berlin:20250110T120000\r\n"
        "RRULE:FREQ=WEEKLY;UNTIL=20200101T000000Z\r\nSUMMARY:Vorbei\r\nEND:VEVENT\r\n" CAL_TAIL;
    struct lf_diags *d = lf_diags_create();
    struct lf_ics_feed *f = parse_text(feed, "2026-12-01T10:00", 180, d);
    assert_non_null(f);
    assert_int_equal(lf_ics_count(f), 1);
    assert_string_equal(lf_ics_get(f, 0)->title, "Sprachcafé");
    assert_int_equal(lf_ics_get(f, 0)->start_at, at("2026-12-10T10:00"));
    assert_int_equal(lf_diags_count(d), 1);
    const struct lf_diag *g = lf_diags_get(d, 0);
    assert_int_equal(g->line, 4);
    assert_string_equal(g->path, "RRULE");
    assert_non_null(strstr(g->message, "the series ends (UNTIL 2020-01-01) before it begins"));
    lf_ics_feed_destroy(f);
    lf_diags_destroy(d);
}

/* Days and times that do not exist: libical moved 2027-02-30 to
 * 2027-03-02, 2026-12-32 to 2027-01-01 and 10:60 to 11:00 without a
 * word, so the kiosk showed dates the calendar never said. Each is left
 * out with a warning naming line and field; 24:00 (end of the day) and
 * the real dates stay. */
static void dates_that_do_not_exist(void **state)
{
    (void)state;
#define EV(uid, start, end)                                                                 \
    "BEGIN:VEVENT\r\nUID:" uid "\r\nDTSTAMP:20261101T000000Z\r\nDTSTART;TZID=Europe/Berlin:" \
    start "\r\nDTEND;TZID=Europe/Berlin:" end "\r\nSUMMARY:T " uid "\r\nEND:VEVENT\r\n"
    static const char feed[] = CAL_HEAD EV("a", "20270230T100000", "20270230T120000")
        EV("b", "20261210T100000", "20261210T240000") EV("c", "20261210T106000", "20261210T120000")
        EV("d", "20261232T100000", "20261232T110000") EV("e", "20261211T100000", "20261211T116100")
        CAL_TAIL;
#undef EV
    struct lf_diags *d = lf_diags_create();
    struct lf_ics_feed *f = parse_text(feed, "2026-12-01T10:00", 400, d);
    assert_non_null(f);
    assert_int_equal(lf_ics_count(f), 1);
    assert_string_equal(lf_ics_get(f, 0)->title, "T b");
    assert_int_equal(lf_ics_get(f, 0)->end_at, at("2026-12-11T00:00"));
    static const struct {
        int line;
        const char *field, *why;
    } said[] = {
        {4, "DTSTART", "2027-02-30 does not exist: that month has 28 days"},
        {18, "DTSTART", "10:60:00 is not a time of day"},
        {25, "DTSTART", "2026-12-32 does not exist: that month has 31 days"},
        {32, "DTEND", "11:61:00 is not a time of day"},
    };
    assert_int_equal(lf_diags_count(d), 4);
    for (size_t i = 0; i < 4; i++) {
        const struct lf_diag *g = lf_diags_get(d, i);
        assert_int_equal(g->line, said[i].line);
        assert_string_equal(g->path, said[i].field);
        if (!strstr(g->message, said[i].why))
            fail_msg("%zu: %s", i, g->message);
    }
    lf_ics_feed_destroy(f);
    lf_diags_destroy(d);
}

/* A VCALENDAR inside another: libical kept it as a child never read and
 * its events vanished without a word. Its entries are read, in the order
 * of the text (warnings keep naming the right lines), said once. */
static void a_calendar_inside_a_calendar(void **state)
{
    (void)state;
#define EV(uid, start)                                                                      \
    "BEGIN:VEVENT\r\nUID:" uid "\r\nDTSTAMP:20261101T000000Z\r\nDTSTART;TZID=Europe/Berlin:" \
    start "\r\nSUMMARY:T " uid "\r\nEND:VEVENT\r\n"
    static const char feed[] = CAL_HEAD EV("a", "20261210T100000") CAL_HEAD
        EV("b", "20261211T100000") CAL_HEAD EV("c", "20261212T100000") CAL_TAIL CAL_TAIL
        EV("d", "20261213T100000") CAL_TAIL;
#undef EV
    struct lf_diags *d = lf_diags_create();
    struct lf_ics_feed *f = parse_text(feed, "2026-12-01T10:00", 180, d);
    assert_non_null(f);
    assert_int_equal(lf_ics_count(f), 4);
    assert_string_equal(starting(f, "2026-12-11T10:00")->title, "T b");
    assert_string_equal(starting(f, "2026-12-12T10:00")->title, "T c");
    assert_int_equal(lf_diags_errors(d), 0);
    const struct lf_diag *g = lf_diags_get(d, 0);
    assert_int_equal(g->line, 10);
    assert_string_equal(g->path, "VCALENDAR");
    assert_non_null(strstr(g->message, "2 calendars inside the calendar"));
    /* then one "no end" per event, each on its own BEGIN:VEVENT line */
    static const int lines[] = {4, 13, 22, 30};
    assert_int_equal(lf_diags_count(d), 5);
    for (size_t i = 0; i < 4; i++)
        assert_int_equal(lf_diags_get(d, i + 1)->line, lines[i]);
    lf_ics_feed_destroy(f);
    lf_diags_destroy(d);
}

/* The feed's limit of recurrence steps in all is said once: every later
 * series stopped at it again and a feed of many daily series printed the
 * same error thousands of times. 12 minutely series of 99 999 steps each
 * (under the limit of one series) pass the feed's limit in the 11th. */
static void the_feeds_step_limit_is_said_once(void **state)
{
    (void)state;
    struct feed fd;
    feed_begin(&fd, 12 * 200 + 200);
    for (int i = 0; i < 12; i++)
        feed_put(&fd,
                 "BEGIN:VEVENT\r\nUID:s%d\r\nSUMMARY:x\r\nDTSTART:20261201T100000Z\r\n"
                 "DTEND:20261201T100030Z\r\nRRULE:FREQ=MINUTELY;COUNT=99999\r\n"
                 "END:VEVENT\r\n", i);
    struct lf_diags *d;
    struct lf_ics_feed *f = feed_parse(&fd, "many.ics", "2026-12-01T09:00Z", 180, &d);
    assert_null(f);
    assert_int_equal(lf_diags_errors(d), 1);
    assert_non_null(strstr(lf_diags_get(d, 0)->message, "repeat more than 1000000 times in all"));
    lf_diags_destroy(d);
}

/* A series of 53 000 five-minute steps with 40 320 EXDATEs (a feed of
 * 2 MB): each step once read and zoned every EXDATE again, some 10^9
 * look-ups, hours of work for one import (and the studio's one thread).
 * Now the EXDATEs are read once and searched; the same dates go: 12 of
 * them by TZID, one in UTC, a whole day by a DATE value; the decoys (at
 * :30 seconds) match none. */
static void exdates_by_the_ten_thousand(void **state)
{
    (void)state;
    enum { DECOYS = 5 * 28 * 288 };
    struct feed fd;
    feed_begin(&fd, 200 + (DECOYS + 20) * 48 + 400);
    feed_put(&fd, "BEGIN:VEVENT\r\nUID:kurs\r\nSUMMARY:Kurs\r\n"
                  "DTSTART;TZID=Europe/Berlin:20260601T100000\r\nDURATION:PT5M\r\n"
                  "RRULE:FREQ=MINUTELY;INTERVAL=5\r\n");
    for (int i = 0; i < DECOYS; i++)
        feed_put(&fd, "EXDATE;TZID=Europe/Berlin:2026%02d%02dT%02d%02d30\r\n", 7 + i / (28 * 288),
                 1 + i / 288 % 28, i % 288 / 12, i % 12 * 5);
    for (int m = 0; m < 60; m += 5)
        feed_put(&fd, "EXDATE;TZID=Europe/Berlin:20261201T10%02d00\r\n", m);
    feed_put(&fd, "EXDATE:20261201T120000Z\r\nEXDATE;VALUE=DATE:20261202\r\nEND:VEVENT\r\n");
    struct lf_diags *d;
    struct lf_ics_feed *f = feed_parse_clean(&fd, "kurs.ics", "2026-12-01T09:00", 1, &d);
    /* 288 steps from 09:00 on 1 December to 09:00 on the 2nd, less 10:00-10:55
     * (12), 13:00 (12:00 UTC) and everything on the 2nd (00:00-08:55: 108) */
    assert_int_equal(count_titled(f, "Kurs"), 288 - 12 - 1 - 108);
    assert_non_null(starting(f, "2026-12-01T09:55"));
    assert_null(starting(f, "2026-12-01T10:00"));
    assert_null(starting(f, "2026-12-01T10:55"));
    assert_non_null(starting(f, "2026-12-01T11:00"));
    assert_null(starting(f, "2026-12-01T13:00"));
    assert_non_null(starting(f, "2026-12-01T23:55"));
    assert_null(starting(f, "2026-12-02T00:00"));
    lf_ics_feed_destroy(f);
    lf_diags_destroy(d);
}

/* 8000 series and 8000 RANGE=THISANDFUTURE overrides of series the feed
 * does not have (a city calendar's export of changed dates): every step of
 * every series once compared the UID of every override, 5 * 10^9 string
 * comparisons (minutes). Now each series looks only at its own overrides;
 * they still act where they belong (the one series that has them). */
static void overrides_of_thousands_of_series(void **state)
{
    (void)state;
    enum { SERIES = 8000 };
    struct feed fd;
    feed_begin(&fd, 2000 + SERIES * 460);
    for (int i = 0; i < SERIES; i++)
        feed_put(&fd,
            "BEGIN:VEVENT\r\nUID:stadtkalender-veranstaltung-%05d\r\nSUMMARY:Alt\r\n"
            "DTSTART;TZID=Europe/Berlin:20260601T100000\r\nDURATION:PT1H\r\n"
            "RRULE:FREQ=DAILY;COUNT=100\r\nEND:VEVENT\r\n",
            i);
    for (int i = 0; i < SERIES; i++)
        feed_put(&fd,
            "BEGIN:VEVENT\r\nUID:stadtkalender-verschoben-%05d\r\nSUMMARY:Weg\r\n"
            "RECURRENCE-ID;RANGE=THISANDFUTURE;TZID=Europe/Berlin:20260601T100000\r\n"
            "DTSTART;TZID=Europe/Berlin:20260601T110000\r\nDURATION:PT1H\r\nEND:VEVENT\r\n",
            i);
    feed_put(&fd,
        "BEGIN:VEVENT\r\nUID:treff\r\nSUMMARY:Treff\r\n"
        "DTSTART;TZID=Europe/Berlin:20261202T170000\r\nDURATION:PT2H\r\n"
        "RRULE:FREQ=WEEKLY;COUNT=4\r\nEND:VEVENT\r\n"
        "BEGIN:VEVENT\r\nUID:treff\r\nSUMMARY:Treff neu\r\n"
        "RECURRENCE-ID;RANGE=THISANDFUTURE;TZID=Europe/Berlin:20261216T170000\r\n"
        "DTSTART;TZID=Europe/Berlin:20261216T180000\r\nDURATION:PT1H\r\nEND:VEVENT\r\n"
        "BEGIN:VEVENT\r\nUID:treff\r\nSUMMARY:Treff einmal\r\n"
        "RECURRENCE-ID;TZID=Europe/Berlin:20261209T170000\r\n"
        "DTSTART;TZID=Europe/Berlin:20261210T170000\r\nDURATION:PT2H\r\nEND:VEVENT\r\n");
    struct lf_diags *d;
    struct lf_ics_feed *f = feed_parse_clean(&fd, "stadt.ics", "2026-12-01T09:00", 60, &d);
    assert_int_equal(lf_ics_count(f), 4); /* the old series ended in September */
    assert_string_equal(starting(f, "2026-12-02T17:00")->title, "Treff");
    assert_string_equal(starting(f, "2026-12-10T17:00")->title, "Treff einmal");
    assert_string_equal(starting(f, "2026-12-16T18:00")->title, "Treff neu");
    assert_string_equal(starting(f, "2026-12-23T18:00")->title, "Treff neu");
    assert_int_equal(starting(f, "2026-12-23T18:00")->end_at -
                         starting(f, "2026-12-23T18:00")->start_at, 3600);
    lf_ics_feed_destroy(f);
    lf_diags_destroy(d);
}

/* The autumn night's repeated hour: an event at the second 02:30 (01:30
 * UTC) is written with its offset, else the bundle would say the first
 * (00:30 UTC), an hour early; the first 02:30 stays as it is. */
static void the_second_half_past_two_in_autumn(void **state)
{
    (void)state;
    const char *text =
        CAL_HEAD
        "BEGIN:VEVENT\r\nUID:second\r\nSUMMARY:Zweite\r\n"
        "DTSTART:20271031T013000Z\r\nDTEND:20271031T020000Z\r\nEND:VEVENT\r\n"
        "BEGIN:VEVENT\r\nUID:first\r\nSUMMARY:Erste\r\n"
        "DTSTART:20271031T003000Z\r\nDTEND:20271031T010000Z\r\nEND:VEVENT\r\n" CAL_TAIL;
    struct lf_diags *d = lf_diags_create();
    struct lf_ics_feed *f = parse_text(text, "2027-10-01T10:00", 60, d);
    assert_non_null(f);
    assert_int_equal(lf_ics_count(f), 2);
    const struct lf_ics_event *second = starting(f, "2027-10-31T02:30+01:00");
    assert_non_null(second);
    assert_string_equal(second->title, "Zweite");
    assert_string_equal(second->end, "2027-10-31T03:00");
    time_t t;
    assert_true(lf_parse_datetime(second->start, &t));
    assert_int_equal(t, second->start_at);
    const struct lf_ics_event *first = starting(f, "2027-10-31T02:30");
    assert_non_null(first);
    assert_string_equal(first->title, "Erste");
    assert_string_equal(first->end, "2027-10-31T02:00+01:00");
    assert_true(lf_parse_datetime(first->end, &t));
    assert_int_equal(t, first->end_at);
    lf_ics_feed_destroy(f);
    lf_diags_destroy(d);
}

/* A wall-clock time in the autumn night's repeated hour, written with a
 * TZID (Outlook, Google, Nextcloud write every time so): RFC 5545 3.3.5
 * says it is the first of the two (summer time, 00:30 UTC), as a floating
 * time and the bundle's own "02:30" are; libical took the second, and an
 * event of 02:30-03:30 became one hour long and an hour late. Also in a
 * weekly series, its EXDATE and with the feed's own VTIMEZONE. */
static void a_time_in_the_autumn_repeated_hour(void **state)
{
    (void)state;
    const char *text =
        CAL_HEAD
        "BEGIN:VTIMEZONE\r\nTZID:Berlin eigen\r\n"
        "BEGIN:DAYLIGHT\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nTZNAME:CEST\r\n"
        "DTSTART:19700329T020000\r\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\nEND:DAYLIGHT\r\n"
        "BEGIN:STANDARD\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nTZNAME:CET\r\n"
        "DTSTART:19701025T030000\r\nRRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\nEND:STANDARD\r\n"
        "END:VTIMEZONE\r\n"
        "BEGIN:VEVENT\r\nUID:nacht\r\nSUMMARY:Nachtwache\r\n"
        "DTSTART;TZID=Europe/Berlin:20271031T023000\r\nDTEND;TZID=Europe/Berlin:20271031T033000\r\n"
        "END:VEVENT\r\n"
        "BEGIN:VEVENT\r\nUID:woche\r\nSUMMARY:Sonntags\r\n"
        "DTSTART;TZID=Europe/Berlin:20271024T021500\r\nDTEND;TZID=Europe/Berlin:20271024T024500\r\n"
        "RRULE:FREQ=WEEKLY;COUNT=3\r\nEXDATE;TZID=Europe/Berlin:20271107T021500\r\n"
        "END:VEVENT\r\n"
        "BEGIN:VEVENT\r\nUID:eigen\r\nSUMMARY:Eigene Zone\r\n"
        "DTSTART;TZID=Berlin eigen:20271031T024500\r\nDTEND;TZID=Berlin eigen:20271031T040000\r\n"
        "END:VEVENT\r\n" CAL_TAIL;
    struct lf_diags *d = lf_diags_create();
    struct lf_ics_feed *f = parse_text(text, "2027-10-01T10:00", 60, d);
    assert_non_null(f);
    assert_int_equal(lf_ics_count(f), 4);
    const struct lf_ics_event *e = found(f, "2027-10-31T02:30");
    assert_string_equal(e->title, "Nachtwache");
    assert_int_equal(e->start_at, at("2027-10-31T00:30Z"));
    assert_int_equal(e->end_at, at("2027-10-31T02:30Z"));
    assert_string_equal(e->end, "2027-10-31T03:30");
    assert_null(starting(f, "2027-10-31T02:30+01:00"));
    e = found(f, "2027-10-31T02:15");
    assert_string_equal(e->title, "Sonntags");
    assert_int_equal(e->start_at, at("2027-10-31T00:15Z"));
    assert_int_equal(e->end_at - e->start_at, 30 * 60);
    assert_non_null(starting(f, "2027-10-24T02:15"));
    assert_null(starting(f, "2027-11-07T02:15")); /* EXDATE */
    e = found(f, "2027-10-31T02:45");
    assert_string_equal(e->title, "Eigene Zone");
    assert_int_equal(e->start_at, at("2027-10-31T00:45Z"));
    lf_ics_feed_destroy(f);
    lf_diags_destroy(d);
}

/* A yearly event that began before 1970 (a city's anniversary): the
 * bundle's dates begin in 1970, and one such entry made the whole import
 * invalid ("items[5].start: not a date-time"). It is imported from its
 * first occurrence in 1970 on, the same wall-clock day and times, in a
 * form the bundle reads; 29 February stays in leap years. */
static void a_yearly_event_since_before_1970(void **state)
{
    (void)state;
    const char *text =
        CAL_HEAD
        "BEGIN:VEVENT\r\nUID:y1960\r\nSUMMARY:Partnerschaft\r\n"
        "DTSTART;TZID=Europe/Berlin:19600315T180000\r\nDTEND;TZID=Europe/Berlin:19600315T200000\r\n"
        "RRULE:FREQ=YEARLY\r\nEND:VEVENT\r\n"
        "BEGIN:VEVENT\r\nUID:y1950\r\nSUMMARY:Gedenktag\r\n"
        "DTSTART;VALUE=DATE:19500320\r\nRRULE:FREQ=YEARLY\r\nEND:VEVENT\r\n"
        "BEGIN:VEVENT\r\nUID:y1955\r\nSUMMARY:Silvester\r\n"
        "DTSTART:19551231T210000Z\r\nDTEND:19560101T010000Z\r\n"
        "RRULE:FREQ=YEARLY\r\nEND:VEVENT\r\n"
        "BEGIN:VEVENT\r\nUID:y1964\r\nSUMMARY:Schalttag\r\n"
        "DTSTART;VALUE=DATE:19640229\r\nRRULE:FREQ=YEARLY\r\nEND:VEVENT\r\n" CAL_TAIL;
    struct lf_diags *d = lf_diags_create();
    struct lf_ics_feed *f = parse_text(text, "2026-12-01T10:00", 500, d);
    assert_non_null(f);
    assert_int_equal(lf_diags_errors(d), 0);
    assert_int_equal(lf_ics_count(f), 4);
    const struct lf_ics_event *e = found(f, "1970-03-15T18:00");
    assert_true(e->yearly);
    assert_string_equal(e->end, "1970-03-15T20:00");
    e = found(f, "1970-03-20");
    assert_true(e->yearly);
    assert_true(e->all_day);
    assert_string_equal(e->end, "1970-03-20");
    e = found(f, "1970-12-31T22:00");
    assert_string_equal(e->end, "1971-01-01T02:00");
    /* what the bundle reads back is what was meant */
    for (size_t i = 0; i < lf_ics_count(f); i++) {
        e = lf_ics_get(f, i);
        time_t t;
        int y, m, dd;
        if (e->all_day) {
            assert_true(lf_parse_date(e->start, &y, &m, &dd));
            assert_true(lf_parse_date(e->end, &y, &m, &dd));
        } else {
            assert_true(lf_parse_datetime(e->start, &t));
            assert_int_equal(t, e->start_at);
            assert_true(lf_parse_datetime(e->end, &t));
            assert_int_equal(t, e->end_at);
        }
    }
    /* a series on 29 February is expanded: 2028, never 28 February 2027 */
    assert_non_null(starting(f, "2028-02-29"));
    assert_null(starting(f, "2027-02-28"));
    assert_null(starting(f, "2027-03-01"));
    lf_ics_feed_destroy(f);
    lf_diags_destroy(d);
}

/* DTEND;VALUE=DATE the same day as DTSTART: not valid RFC 5545, but
 * written so by some servers for a one-day event. It was left out as
 * "ends before it starts" (it does not); it is one day, said. */
static void an_all_day_event_ending_on_its_first_day(void **state)
{
    (void)state;
    const char *text =
        CAL_HEAD
        "BEGIN:VEVENT\r\nUID:eq\r\nSUMMARY:Tag der offenen T\xc3\xbcr\r\n"
        "DTSTART;VALUE=DATE:20270310\r\nDTEND;VALUE=DATE:20270310\r\nEND:VEVENT\r\n"
        "BEGIN:VEVENT\r\nUID:p0d\r\nSUMMARY:Null Tage\r\n"
        "DTSTART;VALUE=DATE:20270312\r\nDURATION:P0D\r\nEND:VEVENT\r\n"
        "BEGIN:VEVENT\r\nUID:back\r\nSUMMARY:R\xc3\xbc""ckw\xc3\xa4rts\r\n"
        "DTSTART;VALUE=DATE:20270315\r\nDTEND;VALUE=DATE:20270314\r\nEND:VEVENT\r\n" CAL_TAIL;
    struct lf_diags *d = lf_diags_create();
    struct lf_ics_feed *f = parse_text(text, "2026-12-01T10:00", 200, d);
    assert_non_null(f);
    assert_int_equal(lf_ics_count(f), 2);
    const struct lf_ics_event *e = found(f, "2027-03-10");
    assert_true(e->all_day);
    assert_string_equal(e->end, "2027-03-10");
    assert_int_equal(e->end_at, at("2027-03-11T00:00"));
    e = found(f, "2027-03-12");
    assert_string_equal(e->end, "2027-03-12");
    assert_int_equal(lf_ics_skipped(f), 1); /* ending the day before it starts */
    assert_int_equal(lf_diags_count(d), 3);
    assert_non_null(strstr(lf_diags_get(d, 0)->message, "shown as one day"));
    lf_ics_feed_destroy(f);
    lf_diags_destroy(d);
}

/* UNTIL written as a date in a series of date-times (Google, older
 * Exchange; RFC 5545 wants a date-time): the series runs through that
 * day, as calendar programs show it; the last date was left out. */
static void until_a_date_includes_that_day(void **state)
{
    (void)state;
    const char *text =
        CAL_HEAD
        "BEGIN:VEVENT\r\nUID:kurs\r\nSUMMARY:Kurs\r\n"
        "DTSTART;TZID=Europe/Berlin:20270301T180000\r\nDTEND;TZID=Europe/Berlin:20270301T200000\r\n"
        "RRULE:FREQ=DAILY;UNTIL=20270303\r\nEND:VEVENT\r\n"
        "BEGIN:VEVENT\r\nUID:utc\r\nSUMMARY:Kurs UTC\r\n"
        "DTSTART:20270401T170000Z\r\nDTEND:20270401T180000Z\r\n"
        "RRULE:FREQ=WEEKLY;UNTIL=20270415\r\nEND:VEVENT\r\n" CAL_TAIL;
    struct lf_diags *d = lf_diags_create();
    struct lf_ics_feed *f = parse_text(text, "2027-01-01T10:00", 200, d);
    assert_non_null(f);
    assert_non_null(starting(f, "2027-03-01T18:00"));
    assert_non_null(starting(f, "2027-03-02T18:00"));
    assert_non_null(starting(f, "2027-03-03T18:00"));
    assert_null(starting(f, "2027-03-04T18:00"));
    assert_non_null(starting(f, "2027-04-01T19:00"));
    assert_non_null(starting(f, "2027-04-15T19:00"));
    assert_null(starting(f, "2027-04-22T19:00"));
    assert_int_equal(lf_ics_count(f), 6);
    lf_ics_feed_destroy(f);
    lf_diags_destroy(d);
}

/* A feed over LF_ICS_MAX_BYTES because of one line (Outlook puts an
 * attachment inside, base64): the error names that line and its
 * property, not just the file. A long line under the limit is read as
 * any other (read piece by piece: each line's end is found once). */
static void a_feed_with_a_line_of_megabytes(void **state)
{
    (void)state;
    size_t cap = LF_ICS_MAX_BYTES + 2 * 1024 * 1024, n = 0;
    char *text = malloc(cap);
    assert_non_null(text);
    put(text, cap, &n, CAL_HEAD "BEGIN:VEVENT\r\nUID:a\r\nSUMMARY:Vorher\r\n"
                       "DTSTART:20270110T100000Z\r\nDTEND:20270110T110000Z\r\nEND:VEVENT\r\n"
                       "BEGIN:VEVENT\r\nUID:b\r\nSUMMARY:Mit Anhang\r\n"
                       "DTSTART:20270111T100000Z\r\nDTEND:20270111T110000Z\r\n"
                       "ATTACH;ENCODING=BASE64;VALUE=BINARY:");
    size_t body = n;
    memset(text + n, 'Q', LF_ICS_MAX_BYTES);
    n += LF_ICS_MAX_BYTES;
    put(text, cap, &n, "\r\nEND:VEVENT\r\n" CAL_TAIL);
    struct lf_diags *d = lf_diags_create();
    assert_null(lf_ics_parse(text, n, "gross.ics", at("2026-12-01T10:00"), 200, d));
    assert_int_equal(lf_diags_errors(d), 1);
    const struct lf_diag *e = lf_diags_get(d, 0);
    assert_string_equal(e->file, "gross.ics");
    assert_int_equal(e->line, 15);
    assert_string_equal(e->path, "ATTACH");
    assert_non_null(strstr(e->message, "this line alone has"));
    lf_diags_destroy(d);

    /* 3 MB of it, and a DESCRIPTION folded over 50 lines after it */
    n = body + 3 * 1024 * 1024;
    put(text, cap, &n, "\r\nDESCRIPTION:");
    for (int i = 0; i < 50; i++)
        put(text, cap, &n, "%s%s", i ? "\r\n " : "",
            "0123456789012345678901234567890123456789012345678901234567890123456789");
    put(text, cap, &n, "\r\nEND:VEVENT\r\n" CAL_TAIL);
    d = lf_diags_create();
    struct lf_ics_feed *f = lf_ics_parse(text, n, "gross.ics", at("2026-12-01T10:00"), 200, d);
    assert_non_null(f);
    assert_int_equal(lf_ics_count(f), 2);
    const struct lf_ics_event *ev = starting(f, "2027-01-11T11:00");
    assert_non_null(ev);
    assert_string_equal(ev->title, "Mit Anhang");
    assert_int_equal(strlen(ev->description), 50 * 70);
    assert_non_null(starting(f, "2027-01-10T11:00"));
    lf_ics_feed_destroy(f);
    lf_diags_destroy(d);
    free(text);
}

/* A repeat rule libical cannot read (BYSETPOS=0, INTERVAL=0) or no date
 * meets (30 February) is a fault of its entry: that entry is left out and
 * named, the rest of the feed is imported (one broken series of a city's
 * calendar stopped the whole import). */
static void a_broken_repeat_rule_leaves_out_its_entry_only(void **state)
{
    (void)state;
    const char *text =
        CAL_HEAD
        "BEGIN:VEVENT\r\nUID:setpos\r\nSUMMARY:Setpos\r\nDTSTART:20261203T100000Z\r\n"
        "DURATION:PT1H\r\nRRULE:FREQ=MONTHLY;BYDAY=MO;BYSETPOS=0\r\nEND:VEVENT\r\n"
        "BEGIN:VEVENT\r\nUID:interval\r\nSUMMARY:Intervall\r\nDTSTART:20261203T100000Z\r\n"
        "DURATION:PT1H\r\nRRULE:FREQ=WEEKLY;INTERVAL=0\r\nEND:VEVENT\r\n"
        "BEGIN:VEVENT\r\nUID:feb30\r\nSUMMARY:Nie\r\nDTSTART:20261203T100000Z\r\n"
        "DURATION:PT1H\r\nRRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30\r\nEND:VEVENT\r\n"
        "BEGIN:VEVENT\r\nUID:good\r\nSUMMARY:Gut\r\nDTSTART:20261210T100000Z\r\n"
        "DURATION:PT1H\r\nEND:VEVENT\r\n" CAL_TAIL;
    struct lf_diags *d = lf_diags_create();
    struct lf_ics_feed *f = parse_text(text, "2026-12-01T10:00", 60, d);
    assert_non_null(f);
    assert_int_equal(lf_diags_errors(d), 0);
    assert_int_equal(lf_diags_count(d), 3);
    const char *uids[] = {"UID setpos", "UID interval", "UID feb30"};
    const int lines[] = {4, 11, 18};
    for (size_t i = 0; i < 3; i++) {
        const struct lf_diag *e = lf_diags_get(d, i);
        assert_int_equal(e->line, lines[i]);
        assert_non_null(strstr(e->message, "left out the event"));
        assert_non_null(strstr(e->message, uids[i]));
        assert_non_null(strstr(e->message, "the rest of the feed is imported"));
    }
    assert_non_null(strstr(lf_diags_get(d, 0)->message, "BYSETPOS=0"));
    assert_non_null(strstr(lf_diags_get(d, 2)->message, "no date meets it"));
    assert_int_equal(lf_ics_count(f), 1);
    assert_int_equal(lf_ics_skipped(f), 3);
    assert_string_equal(lf_ics_get(f, 0)->title, "Gut");
    lf_ics_feed_destroy(f);
    lf_diags_destroy(d);
}

/* The same calendar exported again under another name (a browser saves
 * "Veranstaltungen (1).ics"): an occurrence moved by a RECURRENCE-ID is
 * not left at its old date too; another calendar's events stay. */
static void a_moved_occurrence_leaves_its_old_date_under_another_file_name(void **state)
{
    (void)state;
    const char *series =
        "BEGIN:VEVENT\r\nUID:sprachcafe\r\nSUMMARY:Sprachcafé\r\n"
        "DTSTART;TZID=Europe/Berlin:20261208T180000\r\nDTEND;TZID=Europe/Berlin:20261208T193000\r\n"
        "RRULE:FREQ=WEEKLY;COUNT=3\r\nEND:VEVENT\r\n";
    char v1[1024], v2[2048];
    snprintf(v1, sizeof(v1), "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n%sEND:VCALENDAR\r\n", series);
    snprintf(v2, sizeof(v2),
             "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n%s"
             "BEGIN:VEVENT\r\nUID:sprachcafe\r\nSUMMARY:Sprachcafé (verlegt)\r\n"
             "RECURRENCE-ID;TZID=Europe/Berlin:20261215T180000\r\n"
             "DTSTART;TZID=Europe/Berlin:20261217T170000\r\nDTEND;TZID=Europe/Berlin:20261217T183000\r\n"
             "END:VEVENT\r\nEND:VCALENDAR\r\n", series);
    const char *other = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"
                        "BEGIN:VEVENT\r\nUID:lesung\r\nSUMMARY:Lesung\r\n"
                        "DTSTART:20261210T170000Z\r\nDTEND:20261210T180000Z\r\nEND:VEVENT\r\n"
                        "END:VCALENDAR\r\n";
    time_t now = at("2026-12-01T10:00Z");
    struct lf_diags *d = lf_diags_create();
    json_t *content = json_pack("{s:i,s:s,s:[]}", "format", 1, "organisation", "KI", "items");
    json_t *st = json_object();
    struct lf_ics_report r;
    struct lf_ics_feed *f = lf_ics_parse(other, strlen(other), "bibliothek.ics", now, 100, d);
    assert_non_null(f);
    assert_true(lf_ics_merge(content, st, f, "bibliothek.ics", "de", NULL, &r, NULL, NULL));
    lf_ics_feed_destroy(f);
    f = lf_ics_parse(v1, strlen(v1), "Veranstaltungen.ics", now, 100, d);
    assert_non_null(f);
    assert_true(lf_ics_merge(content, st, f, "Veranstaltungen.ics", "de", NULL, &r, NULL, NULL));
    assert_int_equal(r.added, 3);
    lf_ics_feed_destroy(f);
    f = lf_ics_parse(v2, strlen(v2), "Veranstaltungen (1).ics", now, 100, d);
    assert_non_null(f);
    assert_true(lf_ics_merge(content, st, f, "Veranstaltungen (1).ics", "de", NULL, &r, NULL,
                             NULL));
    assert_int_equal(r.added, 1);
    assert_int_equal(r.removed, 1);
    lf_ics_feed_destroy(f);
    size_t i, at_old = 0, at_new = 0, lesung = 0;
    json_t *it;
    json_array_foreach(json_object_get(content, "items"), i, it) {
        const char *start = json_string_value(json_object_get(it, "start"));
        at_old += strcmp(start, "2026-12-15T18:00") == 0;
        at_new += strcmp(start, "2026-12-17T17:00") == 0;
        lesung += strcmp(start, "2026-12-10T18:00") == 0;
    }
    assert_int_equal(at_old, 0);
    assert_int_equal(at_new, 1);
    assert_int_equal(lesung, 1); /* another calendar's event is not this one's to remove */
    assert_int_equal(json_array_size(json_object_get(content, "items")), 4);
    json_decref(content);
    json_decref(st);
    lf_diags_destroy(d);
}

/* Series without COUNT that began decades ago (daily opening hours since
 * 1970) start their steps shortly before now: 80 of them once passed the
 * feed's LF_ICS_MAX_FEED_STEPS walking every past day, and the city's
 * whole feed was refused. Their dates stay those of the rule (a series
 * every second week since 2001 on its own weeks), and a past occurrence
 * that a RECURRENCE-ID moves to the future is shown once, at its new time. */
static void series_of_decades_start_near_now(void **state)
{
    (void)state;
    struct feed fd;
    feed_begin(&fd, 80 * 220 + 2048);
    for (int i = 0; i < 80; i++)
        feed_put(&fd,
            "BEGIN:VEVENT\r\nUID:offen%d\r\nSUMMARY:Offen %d\r\n"
            "DTSTART;TZID=Europe/Berlin:19700102T080000\r\nDTEND;TZID=Europe/Berlin:19700102T120000\r\n"
            "RRULE:FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR\r\nEND:VEVENT\r\n", i, i);
    feed_put(&fd,
        "BEGIN:VEVENT\r\nUID:kurs\r\nSUMMARY:Kurs\r\n"
        "DTSTART;TZID=Europe/Berlin:20010102T180000\r\nDTEND;TZID=Europe/Berlin:20010102T193000\r\n"
        "RRULE:FREQ=WEEKLY;INTERVAL=2\r\nEND:VEVENT\r\n"
        "BEGIN:VEVENT\r\nUID:kurs\r\nSUMMARY:Kurs nachgeholt\r\n"
        "RECURRENCE-ID;TZID=Europe/Berlin:20261117T180000\r\n"
        "DTSTART;TZID=Europe/Berlin:20261203T170000\r\nDTEND;TZID=Europe/Berlin:20261203T183000\r\n"
        "END:VEVENT\r\n");
    struct lf_diags *d;
    struct lf_ics_feed *f = feed_parse_clean(&fd, "stadt.ics", "2026-12-01T09:00Z", 3, &d);
    size_t opening = 0, course = 0, moved = 0;
    for (size_t i = 0; i < lf_ics_count(f); i++) {
        const struct lf_ics_event *e = lf_ics_get(f, i);
        if (strcmp(e->title, "Kurs") == 0) {
            /* 2001-01-02 was a Tuesday, 1352 weeks before 2026-12-01 */
            assert_string_equal(e->start, "2026-12-01T18:00");
            course++;
        } else if (strcmp(e->title, "Kurs nachgeholt") == 0) {
            assert_string_equal(e->start, "2026-12-03T17:00");
            moved++;
        } else {
            assert_int_equal(strlen(e->start), 16);
            assert_string_equal(e->start + 10, "T08:00");
            opening++;
        }
    }
    /* 2026-12-01 (running at 10:00) to 12-04 08:00 (before the horizon's end) */
    assert_int_equal(opening, 80 * 4);
    assert_int_equal(course, 1);
    assert_int_equal(moved, 1);
    lf_ics_feed_destroy(f);
    lf_diags_destroy(d);
}

/* A feed that gives nothing to show says why (a city's stale export, an
 * old address, a clock wrong, a horizon too short): it said only "0
 * events" and the import then removed every event it had brought. */
static void a_feed_with_nothing_ahead_says_why(void **state)
{
    (void)state;
    const char *past = CAL_HEAD
        "BEGIN:VEVENT\r\nUID:p1\r\nSUMMARY:Alt\r\nDTSTART:20190310T100000Z\r\nDURATION:PT1H\r\nEND:VEVENT\r\n"
        "BEGIN:VEVENT\r\nUID:p2\r\nSUMMARY:Älter\r\nDTSTART;VALUE=DATE:20191230\r\nDTEND;VALUE=DATE:20200101\r\nEND:VEVENT\r\n"
        "BEGIN:VEVENT\r\nUID:p3\r\nSUMMARY:Serie\r\nDTSTART:20180101T100000Z\r\nDURATION:PT1H\r\n"
        "RRULE:FREQ=MONTHLY;UNTIL=20181201T100000Z\r\nEND:VEVENT\r\n" CAL_TAIL;
    struct lf_diags *d = lf_diags_create();
    struct lf_ics_feed *f = lf_ics_parse(past, strlen(past), "alt.ics", at("2026-12-01T09:00Z"), 180, d);
    assert_non_null(f);
    assert_int_equal(lf_ics_count(f), 0);
    assert_int_equal(lf_diags_count(d), 1);
    assert_int_equal(lf_diags_get(d, 0)->severity, LF_DIAG_WARNING);
    assert_non_null(strstr(lf_diags_get(d, 0)->message,
                           "every event of the feed is over: the latest ended on 2019-12-31"));
    lf_ics_feed_destroy(f);
    lf_diags_destroy(d);

    const char *later = CAL_HEAD
        "BEGIN:VEVENT\r\nUID:l1\r\nSUMMARY:Sommerfest\r\nDTSTART;TZID=Europe/Berlin:20270703T150000\r\nDURATION:PT3H\r\nEND:VEVENT\r\n"
        "BEGIN:VEVENT\r\nUID:l2\r\nSUMMARY:Herbst\r\nDTSTART;TZID=Europe/Berlin:20270910T150000\r\nDURATION:PT3H\r\nEND:VEVENT\r\n" CAL_TAIL;
    d = lf_diags_create();
    f = lf_ics_parse(later, strlen(later), "sommer.ics", at("2026-12-01T09:00Z"), 180, d);
    assert_non_null(f);
    assert_int_equal(lf_ics_count(f), 0);
    assert_int_equal(lf_diags_count(d), 1);
    assert_non_null(strstr(lf_diags_get(d, 0)->message,
                           "no event of the feed lies within the next 180 days: the next begins on 2027-07-03"));
    lf_ics_feed_destroy(f);
    lf_diags_destroy(d);

    /* one event ahead: nothing to say */
    d = lf_diags_create();
    f = lf_ics_parse(later, strlen(later), "sommer.ics", at("2026-12-01T09:00Z"), 730, d);
    assert_non_null(f);
    assert_int_equal(lf_ics_count(f), 2);
    assert_int_equal(lf_diags_count(d), 0);
    lf_ics_feed_destroy(f);
    lf_diags_destroy(d);
}

/* An entry libical cannot read names the field, as every other fault
 * does: "e.ics:18: SUMMARY: ... No value for SUMMARY property. Removing
 * entire property" (the field was blank and the text ended in ":"). */
static void a_value_libical_drops_names_its_field(void **state)
{
    (void)state;
    const char *text = CAL_HEAD
        "BEGIN:VEVENT\r\nUID:leer\r\nDTSTART:20261211T100000Z\r\nDTEND:20261211T110000Z\r\nSUMMARY:\r\nEND:VEVENT\r\n"
        "BEGIN:VEVENT\r\nUID:gut\r\nDTSTART:20261212T100000Z\r\nDTEND:20261212T110000Z\r\nSUMMARY:Gut\r\nEND:VEVENT\r\n"
        CAL_TAIL;
    struct lf_diags *d = lf_diags_create();
    struct lf_ics_feed *f = lf_ics_parse(text, strlen(text), "e.ics", at("2026-12-01T09:00Z"), 180, d);
    assert_non_null(f);
    assert_int_equal(lf_ics_count(f), 1);
    assert_int_equal(lf_ics_skipped(f), 1);
    assert_int_equal(lf_diags_count(d), 1);
    const struct lf_diag *g = lf_diags_get(d, 0);
    assert_int_equal(g->line, 4);
    assert_string_equal(g->path, "SUMMARY");
    assert_non_null(strstr(g->message, "No value for SUMMARY property"));
    assert_null(strstr(g->message, "property:"));
    lf_ics_feed_destroy(f);
    lf_diags_destroy(d);
}

/* A series "every Monday" whose DTSTART is a Wednesday: libical left the
 * Wednesday out, which Google Calendar, Apple Calendar and Thunderbird
 * show (DTSTART is the first occurrence); shown, and said, and counted
 * as the first of COUNT. */
static void a_start_off_its_rule_is_shown(void **state)
{
    (void)state;
    const char *text = CAL_HEAD
        "BEGIN:VEVENT\r\nUID:mo\r\nSUMMARY:Montags\r\n"
        "DTSTART;TZID=Europe/Berlin:20261209T100000\r\nDTEND;TZID=Europe/Berlin:20261209T110000\r\n"
        "RRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=2\r\nEND:VEVENT\r\n"
        "BEGIN:VEVENT\r\nUID:di\r\nSUMMARY:Dienstags\r\n"
        "DTSTART;TZID=Europe/Berlin:20261208T100000\r\nDTEND;TZID=Europe/Berlin:20261208T110000\r\n"
        "RRULE:FREQ=WEEKLY;BYDAY=TU;COUNT=2\r\nEND:VEVENT\r\n" CAL_TAIL;
    struct lf_diags *d = lf_diags_create();
    struct lf_ics_feed *f = lf_ics_parse(text, strlen(text), "e.ics", at("2026-12-01T09:00Z"), 180, d);
    assert_non_null(f);
    /* COUNT=2 counts DTSTART as the first (RFC 5545 3.3.10): the Monday
     * series ends on the 14th, not the 21st */
    static const char *const want[] = {"2026-12-09T10:00", "2026-12-14T10:00",
                                       "2026-12-08T10:00", "2026-12-15T10:00"};
    assert_int_equal(lf_ics_count(f), 4);
    for (size_t i = 0; i < 4; i++) {
        bool found = false;
        for (size_t j = 0; j < lf_ics_count(f); j++)
            found = found || strcmp(lf_ics_get(f, j)->start, want[i]) == 0;
        assert_true(found);
    }
    assert_int_equal(lf_diags_count(d), 1);
    assert_string_equal(lf_diags_get(d, 0)->path, "RRULE");
    assert_non_null(strstr(lf_diags_get(d, 0)->message, "DTSTART 2026-12-09 is not a date its repeat rule gives"));
    lf_ics_feed_destroy(f);
    lf_diags_destroy(d);
}

/* An hourly series on the hour whose DTSTART is at half past: DTSTART
 * always counts as the first occurrence (RFC 5545 3.3.10), so COUNT=3
 * gives three in all (10:30, 11:00, 12:00), not libical's three on the
 * hour and DTSTART besides; COUNT=1 gives DTSTART alone. */
static void an_hourly_start_off_its_rule_counts_as_the_first(void **state)
{
    (void)state;
    const char *text = CAL_HEAD
        "BEGIN:VEVENT\r\nUID:h3\r\nSUMMARY:Sprechstunde\r\n"
        "DTSTART;TZID=Europe/Berlin:20261209T103000\r\nDTEND;TZID=Europe/Berlin:20261209T105000\r\n"
        "RRULE:FREQ=HOURLY;BYMINUTE=0;COUNT=3\r\nEND:VEVENT\r\n"
        "BEGIN:VEVENT\r\nUID:h1\r\nSUMMARY:Einmal\r\n"
        "DTSTART;TZID=Europe/Berlin:20261210T103000\r\nDTEND;TZID=Europe/Berlin:20261210T105000\r\n"
        "RRULE:FREQ=HOURLY;BYMINUTE=0;COUNT=1\r\nEND:VEVENT\r\n" CAL_TAIL;
    struct lf_diags *d = lf_diags_create();
    struct lf_ics_feed *f = lf_ics_parse(text, strlen(text), "h.ics", at("2026-12-01T09:00Z"), 180, d);
    assert_non_null(f);
    static const char *const want[] = {"2026-12-09T10:30", "2026-12-09T11:00", "2026-12-09T12:00",
                                       "2026-12-10T10:30"};
    assert_int_equal(lf_ics_count(f), 4);
    for (size_t i = 0; i < 4; i++) {
        bool found = false;
        for (size_t j = 0; j < lf_ics_count(f); j++)
            found = found || strcmp(lf_ics_get(f, j)->start, want[i]) == 0;
        assert_true(found);
    }
    lf_ics_feed_destroy(f);
    lf_diags_destroy(d);
}

/* cancelled occurrences as Google (DTSTART alone, no DTEND), Outlook
 * (RECURRENCE-ID alone, no DTSTART) and Thunderbird (a whole series
 * without DTEND) write them: each occurrence is cancelled without a
 * word, a moved one shown at its new time */
static void cancelled_occurrences_without_an_end_are_quiet(void **state)
{
    (void)state;
    struct lf_diags *d = lf_diags_create();
    struct lf_ics_feed *f = parse_file("google-cancelled.ics", "2027-03-20T10:00", 180, d);
    assert_non_null(f);
    for (size_t i = 0; i < lf_diags_count(d); i++)
        fprintf(stderr, "unexpected: %s: %s\n", lf_diags_get(d, i)->path,
                lf_diags_get(d, i)->message);
    assert_int_equal(lf_diags_count(d), 0);
    assert_int_equal(lf_ics_skipped(f), 0);
    const struct lf_ics_event *e = found(f, "2027-03-23T18:00");
    assert_false(e->cancelled);
    assert_string_equal(e->title, "Sprachcafé, international; offen");
    e = found(f, "2027-03-30T18:00");
    assert_true(e->cancelled);
    assert_string_equal(e->end, "2027-03-30T19:30"); /* the length of its series */
    assert_null(starting(f, "2027-04-06T18:00"));
    e = found(f, "2027-04-06T20:00");
    assert_false(e->cancelled);
    assert_string_equal(e->end, "2027-04-06T21:30");
    /* the Outlook one: its occurrence cancelled, the others kept */
    e = found(f, "2027-04-05T10:00");
    assert_true(e->cancelled);
    assert_string_equal(e->end, "2027-04-05T12:00");
    e = found(f, "2027-03-29T10:00");
    assert_false(e->cancelled);
    assert_non_null(starting(f, "2027-04-12T10:00"));
    /* the cancelled series: every occurrence cancelled */
    e = found(f, "2027-04-08T10:00");
    assert_true(e->cancelled);
    lf_ics_feed_destroy(f);
    lf_diags_destroy(d);
}

/* a city system's entries around the changes of summer time: a start in
 * the hour skipped in spring with an end written before that hour's
 * shifted start keeps its length (it was left out as ending before it
 * starts), one from 02:00 to 03:00 is an hour without a warning, and a
 * DURATION in days ends at the same wall-clock time (days are nominal,
 * RFC 5545 3.3.6), not an hour later or earlier */
static void around_the_summer_time_changes(void **state)
{
    (void)state;
    struct lf_diags *d = lf_diags_create();
    struct lf_ics_feed *f = parse_file("city-dst.ics", "2027-03-20T10:00", 240, d);
    assert_non_null(f);
    for (size_t i = 0; i < lf_diags_count(d); i++)
        fprintf(stderr, "unexpected: %s: %s\n", lf_diags_get(d, i)->path,
                lf_diags_get(d, i)->message);
    assert_int_equal(lf_diags_count(d), 0);
    assert_int_equal(lf_ics_skipped(f), 0);
    const struct lf_ics_event *e = found(f, "2027-03-28T03:30");
    assert_string_equal(e->title, "Sternwarte: die verlorene Stunde");
    assert_string_equal(e->end, "2027-03-28T04:15");
    e = found(f, "2027-03-28T03:00");
    assert_string_equal(e->title, "Lesenacht zur Zeitumstellung");
    assert_string_equal(e->end, "2027-03-28T04:00");
    e = found(f, "2027-03-27T12:00");
    assert_string_equal(e->end, "2027-03-28T14:00");
    e = found(f, "2027-10-30T18:00");
    assert_string_equal(e->end, "2027-10-31T18:00");
    lf_ics_feed_destroy(f);
    lf_diags_destroy(d);
}

/* lines ended by CR alone (an old Mac export script): read, not refused
 * as cut off */
static void lines_ended_by_cr_alone(void **state)
{
    (void)state;
    struct lf_diags *d = lf_diags_create();
    struct lf_ics_feed *f = parse_file("cr-only.ics", "2027-03-20T10:00", 180, d);
    assert_non_null(f);
    assert_int_equal(lf_diags_count(d), 0);
    assert_int_equal(lf_ics_count(f), 1);
    const struct lf_ics_event *e = found(f, "2027-04-01T10:00");
    assert_string_equal(e->title, "Sprechstunde des Bürgermeisters");
    assert_string_equal(e->end, "2027-04-01T11:00");
    lf_ics_feed_destroy(f);
    lf_diags_destroy(d);
}

/* floating times of a feed that names its zone only in X-WR-TIMEZONE (a
 * partner town's calendar in London): that zone's wall clock, as Google
 * and Apple read them, so 18:00 in London is 19:00 in Berlin; UNTIL
 * floating too; a date stays that date */
static void floating_times_in_the_feeds_zone(void **state)
{
    (void)state;
    struct lf_diags *d = lf_diags_create();
    struct lf_ics_feed *f = parse_file("floating-london.ics", "2027-03-20T10:00", 180, d);
    assert_non_null(f);
    assert_int_equal(lf_diags_count(d), 0);
    assert_int_equal(lf_ics_count(f), 3);
    const struct lf_ics_event *e = found(f, "2027-04-06T19:00");
    assert_string_equal(e->end, "2027-04-06T20:30");
    assert_int_equal(e->start_at, at("2027-04-06T17:00Z"));
    assert_non_null(starting(f, "2027-04-13T19:00"));
    assert_null(starting(f, "2027-04-06T18:00"));
    e = found(f, "2027-04-10");
    assert_true(e->all_day);
    lf_ics_feed_destroy(f);
    lf_diags_destroy(d);
}

/* all-day events as Outlook and Exchange 2007/2010 write them: midnight to
 * midnight with X-MICROSOFT-CDO-ALLDAYEVENT:TRUE are days (they showed as
 * "00:00-00:00"), also across a change of summer time and in a series; a
 * timed event from midnight stays timed */
static void outlook_all_day_events_written_as_midnights(void **state)
{
    (void)state;
    struct lf_diags *d = lf_diags_create();
    struct lf_ics_feed *f = parse_file("outlook-allday.ics", "2027-03-20T10:00", 180, d);
    assert_non_null(f);
    assert_int_equal(lf_diags_count(d), 0);
    const struct lf_ics_event *e = found(f, "2027-04-02");
    assert_true(e->all_day);
    assert_string_equal(e->end, "2027-04-02");
    e = found(f, "2027-04-05");
    assert_string_equal(e->end, "2027-04-07");
    e = found(f, "2027-03-26");
    assert_true(e->all_day);
    assert_string_equal(e->end, "2027-03-28");
    e = found(f, "2027-04-19");
    assert_true(e->all_day);
    assert_string_equal(e->end, "2027-04-19");
    assert_non_null(starting(f, "2027-04-12"));
    e = found(f, "2027-04-14T00:00");
    assert_false(e->all_day);
    assert_string_equal(e->end, "2027-04-14T02:00");
    lf_ics_feed_destroy(f);
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
        cmocka_unit_test(a_sub_daily_series_of_years_starts_near_now),
        cmocka_unit_test(a_series_past_its_step_limit_leaves_the_feed_whole),
        cmocka_unit_test(reimport_updates_keeps_hand_edits_and_marks_cancelled),
        cmocka_unit_test(rdate_dates_are_events),
        cmocka_unit_test(overrides_beyond_the_horizon_and_this_and_future),
        cmocka_unit_test(duplicate_uids_lose_no_date),
        cmocka_unit_test(latin1_feed_and_html_page),
        cmocka_unit_test(thousands_of_past_events_are_read),
        cmocka_unit_test(html_descriptions_become_text),
        cmocka_unit_test(calendars_one_after_the_other),
        cmocka_unit_test(a_time_in_the_spring_gap),
        cmocka_unit_test(zone_names_outlook_and_cities_write),
        cmocka_unit_test(faulty_entries_are_left_out),
        cmocka_unit_test(a_zone_that_changes_every_second),
        cmocka_unit_test(a_series_that_ends_before_it_begins),
        cmocka_unit_test(dates_that_do_not_exist),
        cmocka_unit_test(a_calendar_inside_a_calendar),
        cmocka_unit_test(the_feeds_step_limit_is_said_once),
        cmocka_unit_test(exdates_by_the_ten_thousand),
        cmocka_unit_test(overrides_of_thousands_of_series),
        cmocka_unit_test(the_second_half_past_two_in_autumn),
        cmocka_unit_test(a_time_in_the_autumn_repeated_hour),
        cmocka_unit_test(a_yearly_event_since_before_1970),
        cmocka_unit_test(an_all_day_event_ending_on_its_first_day),
        cmocka_unit_test(a_feed_with_a_line_of_megabytes),
        cmocka_unit_test(until_a_date_includes_that_day),
        cmocka_unit_test(a_broken_repeat_rule_leaves_out_its_entry_only),
        cmocka_unit_test(a_moved_occurrence_leaves_its_old_date_under_another_file_name),
        cmocka_unit_test(series_of_decades_start_near_now),
        cmocka_unit_test(a_feed_with_nothing_ahead_says_why),
        cmocka_unit_test(a_value_libical_drops_names_its_field),
        cmocka_unit_test(a_start_off_its_rule_is_shown),
        cmocka_unit_test(an_hourly_start_off_its_rule_counts_as_the_first),
        cmocka_unit_test(cancelled_occurrences_without_an_end_are_quiet),
        cmocka_unit_test(around_the_summer_time_changes),
        cmocka_unit_test(lines_ended_by_cr_alone),
        cmocka_unit_test(floating_times_in_the_feeds_zone),
        cmocka_unit_test(outlook_all_day_events_written_as_midnights),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
