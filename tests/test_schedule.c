/* Schedule: event recurrence, playlist order and rebuild time, opening
 * hours across DST, reading time. Bundles are built in memory; every
 * instant is written with an explicit UTC offset so the expectations do
 * not depend on the code under test. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "core/civil_time.h"
#include "schedule/schedule.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))
#define NEVER ((time_t)-1)

static int setup(void **state)
{
    (void)state;
    return lf_civil_time_init() ? 0 : -1;
}

/* An instant from a date-time with offset; NULL means (time_t)-1. */
static time_t at(const char *s)
{
    if (!s)
        return NEVER;
    time_t t = 0;
    if (!lf_parse_datetime(s, &t))
        fail_msg("bad date-time in test table: %s", s);
    return t;
}

static struct lf_item event(char *id, const char *start, const char *end,
                            enum lf_recurrence rec)
{
    return (struct lf_item){.kind = LF_ITEM_EVENT, .id = id, .start = at(start),
                            .end = at(end), .recurrence = rec};
}

static struct lf_item notice(char *id, const char *from, const char *until, int priority)
{
    return (struct lf_item){.kind = LF_ITEM_NOTICE, .id = id, .valid_from = at(from),
                            .valid_until = at(until), .priority = priority};
}

static struct lf_item plain(enum lf_item_kind kind, char *id)
{
    return (struct lf_item){.kind = kind, .id = id};
}

/* ---- lf_event_occurrence ---------------------------------------------- */

struct occurrence_case {
    const char *name;
    const char *start, *end;
    enum lf_recurrence rec;
    const char *now;
    const char *want_start, *want_end; /* NULL: no occurrence */
};

static const struct occurrence_case occurrence_cases[] = {
    {"past event hidden", "2026-05-01T18:00+02:00", "2026-05-01T20:00+02:00", LF_RECUR_NONE,
     "2026-05-02T00:00+02:00", NULL, NULL},
    {"ends exactly now", "2026-05-01T18:00+02:00", "2026-05-01T20:00+02:00", LF_RECUR_NONE,
     "2026-05-01T20:00+02:00", NULL, NULL},
    {"running event shown", "2026-05-01T18:00+02:00", "2026-05-01T20:00+02:00", LF_RECUR_NONE,
     "2026-05-01T19:59+02:00", "2026-05-01T18:00+02:00", "2026-05-01T20:00+02:00"},
    {"future event", "2026-05-01T18:00+02:00", "2026-05-01T20:00+02:00", LF_RECUR_NONE,
     "2026-01-01T00:00+01:00", "2026-05-01T18:00+02:00", "2026-05-01T20:00+02:00"},
    {"yearly: next after this year's passed", "2025-05-01T18:00+02:00",
     "2025-05-01T20:00+02:00", LF_RECUR_YEARLY, "2026-06-01T12:00+02:00",
     "2027-05-01T18:00+02:00", "2027-05-01T20:00+02:00"},
    {"yearly: this year's still ahead", "2025-05-01T18:00+02:00", "2025-05-01T20:00+02:00",
     LF_RECUR_YEARLY, "2026-04-30T12:00+02:00", "2026-05-01T18:00+02:00",
     "2026-05-01T20:00+02:00"},
    {"yearly: running occurrence", "2025-05-01T18:00+02:00", "2025-05-01T20:00+02:00",
     LF_RECUR_YEARLY, "2026-05-01T19:00+02:00", "2026-05-01T18:00+02:00",
     "2026-05-01T20:00+02:00"},
    {"yearly: never before the first occurrence", "2027-03-21T18:00+01:00",
     "2027-03-21T20:00+01:00", LF_RECUR_YEARLY, "2026-03-21T19:00+01:00",
     "2027-03-21T18:00+01:00", "2027-03-21T20:00+01:00"},
    /* 29 March 2025 is winter time, 29 March 2026 (after 02:00) summer */
    {"yearly: winter 18:00 stays 18:00 in summer time", "2025-03-29T18:00+01:00",
     "2025-03-29T20:00+01:00", LF_RECUR_YEARLY, "2025-12-01T12:00+01:00",
     "2026-03-29T18:00+02:00", "2026-03-29T20:00+02:00"},
    {"yearly: summer 18:00 stays 18:00 in winter time", "2025-10-25T18:00+02:00",
     "2025-10-25T20:00+02:00", LF_RECUR_YEARLY, "2026-01-01T00:00+01:00",
     "2026-10-25T18:00+01:00", "2026-10-25T20:00+01:00"},
    /* the first one spans the 2025 spring change, next year's does not */
    {"yearly: overnight keeps wall-clock end", "2025-03-29T22:00+01:00",
     "2025-03-30T04:00+02:00", LF_RECUR_YEARLY, "2025-06-01T00:00+02:00",
     "2026-03-29T22:00+02:00", "2026-03-30T04:00+02:00"},
    /* 02:30-03:15 on the night of the 2026 spring change: 02:30 does not
     * exist (taken as 03:30), so the length (45 min) is kept instead */
    {"yearly: start in the skipped spring hour", "2025-03-29T02:30+01:00",
     "2025-03-29T03:15+01:00", LF_RECUR_YEARLY, "2025-06-01T00:00+02:00",
     "2026-03-29T03:30+02:00", "2026-03-29T04:15+02:00"},
    /* 29 February recurs in leap years only (as RFC 5545 and every
     * calendar program: a date that does not exist is no occurrence),
     * never on 28 February or 1 March */
    {"yearly: 29 February not on 28 February", "2024-02-29T10:00+01:00",
     "2024-02-29T12:00+01:00", LF_RECUR_YEARLY, "2025-01-01T00:00+01:00",
     "2028-02-29T10:00+01:00", "2028-02-29T12:00+01:00"},
    {"yearly: 29 February not running on 28 February", "2024-02-29T10:00+01:00",
     "2024-02-29T12:00+01:00", LF_RECUR_YEARLY, "2026-02-28T11:00+01:00",
     "2028-02-29T10:00+01:00", "2028-02-29T12:00+01:00"},
    {"yearly: 29 February not on 1 March", "2024-02-29T10:00+01:00", "2024-02-29T12:00+01:00",
     LF_RECUR_YEARLY, "2027-03-01T10:30+01:00", "2028-02-29T10:00+01:00",
     "2028-02-29T12:00+01:00"},
    {"yearly: 29 February, all day, not on 28 February", "2024-02-29T00:00+01:00",
     "2024-03-01T00:00+01:00", LF_RECUR_YEARLY, "2025-02-28T12:00+01:00",
     "2028-02-29T00:00+01:00", "2028-03-01T00:00+01:00"},
    /* 2100 is no leap year: eight years from 2096 to 2104 */
    {"yearly: 29 February skips 2100", "2024-02-29T10:00+01:00", "2024-02-29T12:00+01:00",
     LF_RECUR_YEARLY, "2096-03-01T00:00+01:00", "2104-02-29T10:00+01:00",
     "2104-02-29T12:00+01:00"},
    {"yearly: 29 February over midnight, running", "2024-02-29T22:00+01:00",
     "2024-03-01T02:00+01:00", LF_RECUR_YEARLY, "2028-03-01T01:00+01:00",
     "2028-02-29T22:00+01:00", "2028-03-01T02:00+01:00"},
    {"yearly: 29 February back in a leap year", "2024-02-29T10:00+01:00",
     "2024-02-29T12:00+01:00", LF_RECUR_YEARLY, "2027-03-01T00:00+01:00",
     "2028-02-29T10:00+01:00", "2028-02-29T12:00+01:00"},
    {"yearly: over new year, running after midnight", "2025-12-31T20:00+01:00",
     "2026-01-01T02:00+01:00", LF_RECUR_YEARLY, "2027-01-01T01:00+01:00",
     "2026-12-31T20:00+01:00", "2027-01-01T02:00+01:00"},
    {"yearly: over new year, next", "2025-12-31T20:00+01:00", "2026-01-01T02:00+01:00",
     LF_RECUR_YEARLY, "2027-01-01T02:00+01:00", "2027-12-31T20:00+01:00",
     "2028-01-01T02:00+01:00"},
};

static void event_occurrences(void **state)
{
    (void)state;
    for (size_t i = 0; i < COUNT(occurrence_cases); i++) {
        const struct occurrence_case *c = &occurrence_cases[i];
        struct lf_item e = event("e", c->start, c->end, c->rec);
        time_t s = 0, en = 0;
        bool ok = lf_event_occurrence(&e, at(c->now), &s, &en);
        if (ok != (c->want_start != NULL))
            fail_msg("%s: occurrence %s", c->name, ok ? "found" : "missing");
        if (!ok)
            continue;
        if (s != at(c->want_start) || en != at(c->want_end))
            fail_msg("%s: got %lld..%lld, want %lld..%lld", c->name, (long long)s,
                     (long long)en, (long long)at(c->want_start), (long long)at(c->want_end));
    }
}

static void occurrence_keeps_local_time(void **state)
{
    (void)state;
    /* every year for two decades: 18:00-20:00 local on 21 March */
    struct lf_item e = event("iwgr", "2027-03-21T18:00+01:00", "2027-03-21T20:00+01:00",
                             LF_RECUR_YEARLY);
    time_t now = at("2027-03-22T00:00+01:00");
    for (int year = 2028; year < 2048; year++) {
        time_t s, en;
        assert_true(lf_event_occurrence(&e, now, &s, &en));
        struct tm ts, te;
        lf_local_time(s, &ts);
        lf_local_time(en, &te);
        assert_int_equal(ts.tm_year + 1900, year);
        assert_int_equal(ts.tm_mon + 1, 3);
        assert_int_equal(ts.tm_mday, 21);
        assert_int_equal(ts.tm_hour, 18);
        assert_int_equal(ts.tm_min, 0);
        assert_int_equal(te.tm_mday, 21);
        assert_int_equal(te.tm_hour, 20);
        now = en;
    }
}

/* ---- lf_playlist_build ------------------------------------------------ */

struct want_slide {
    enum lf_slide_kind kind;
    const char *id; /* NULL for the agenda */
};

static void check_playlist(const char *name, const struct lf_bundle *b,
                           const struct lf_playlist *p, const struct want_slide *want,
                           size_t n_want, time_t want_rebuild)
{
    if (p->n != n_want)
        fail_msg("%s: %zu slides, want %zu", name, p->n, n_want);
    for (size_t i = 0; i < n_want; i++) {
        const struct lf_slide *s = &p->slides[i];
        if (s->kind != want[i].kind)
            fail_msg("%s: slide %zu kind %d, want %d", name, i, s->kind, want[i].kind);
        if (!want[i].id) {
            assert_null(s->item);
            continue;
        }
        if (!s->item || strcmp(s->item->id, want[i].id) != 0)
            fail_msg("%s: slide %zu is %s, want %s", name, i, s->item ? s->item->id : "NULL",
                     want[i].id);
        /* slides point into the bundle */
        assert_true(s->item >= b->items && s->item < b->items + b->n_items);
    }
    if (p->rebuild_at != want_rebuild)
        fail_msg("%s: rebuild_at %lld, want %lld", name, (long long)p->rebuild_at,
                 (long long)want_rebuild);
}

static void playlist_order(void **state)
{
    (void)state;
    struct lf_item items[] = {
        plain(LF_ITEM_CONTACT, "c1"),
        plain(LF_ITEM_OFFER, "o1"),
        event("e-late", "2026-07-01T18:00+02:00", "2026-07-01T20:00+02:00", LF_RECUR_NONE),
        notice("n-now", "2026-05-01T00:00+02:00", "2026-06-30T00:00+02:00", 1),
        event("e-early", "2026-06-10T18:00+02:00", "2026-06-10T21:00+02:00", LF_RECUR_NONE),
        notice("n-old", "2026-04-01T00:00+02:00", "2026-05-01T00:00+02:00", 0),
        plain(LF_ITEM_OFFER, "o2"),
        event("e-past", "2026-05-01T18:00+02:00", "2026-05-01T20:00+02:00", LF_RECUR_NONE),
        notice("n-soon", "2026-06-20T00:00+02:00", "2026-06-25T00:00+02:00", 0),
        plain(LF_ITEM_CONTACT, "c2"),
        event("e-tie", "2026-06-10T18:00+02:00", "2026-06-10T19:00+02:00", LF_RECUR_NONE),
        event("e-running", "2026-06-01T10:00+02:00", "2026-06-12T16:00+02:00", LF_RECUR_NONE),
    };
    struct lf_bundle b = {.items = items, .n_items = COUNT(items)};

    static const struct want_slide want[] = {
        {LF_SLIDE_AGENDA, NULL},      {LF_SLIDE_NOTICE, "n-now"},  {LF_SLIDE_EVENT, "e-running"},
        {LF_SLIDE_EVENT, "e-early"},  {LF_SLIDE_EVENT, "e-tie"},   {LF_SLIDE_EVENT, "e-late"},
        {LF_SLIDE_OFFER, "o1"},       {LF_SLIDE_OFFER, "o2"},      {LF_SLIDE_CONTACT, "c1"},
        {LF_SLIDE_CONTACT, "c2"},
    };
    struct lf_playlist p = {0};
    lf_playlist_build(&b, at("2026-06-05T12:00+02:00"), &p);
    /* next change: e-tie ends 19:00 on 10 June */
    check_playlist("order", &b, &p, want, COUNT(want), at("2026-06-10T19:00+02:00"));
    assert_int_equal(p.slides[2].start, items[11].start);
    assert_int_equal(p.slides[3].end, items[4].end);

    /* deterministic: a second build is identical */
    struct lf_playlist q = {0};
    lf_playlist_build(&b, at("2026-06-05T12:00+02:00"), &q);
    assert_int_equal(q.n, p.n);
    for (size_t i = 0; i < p.n; i++) {
        assert_int_equal(q.slides[i].kind, p.slides[i].kind);
        assert_ptr_equal(q.slides[i].item, p.slides[i].item);
        assert_int_equal(q.slides[i].start, p.slides[i].start);
        assert_int_equal(q.slides[i].end, p.slides[i].end);
    }
    lf_playlist_clear(&q);

    lf_playlist_clear(&p);
    assert_null(p.slides);
    assert_int_equal(p.n, 0);
}

/* No time known (the clock not set, no server's time): no notice is shown,
 * not even an urgent one in whose window the guessed `now` lies (it might
 * be another day's "closed today"), and none takes the carousel over;
 * events, offers and contacts stay. With the time known the same bundle
 * is taken over by the urgent notice. */
static void notices_hidden_without_known_time(void **state)
{
    (void)state;
    struct lf_item items[] = {
        plain(LF_ITEM_OFFER, "o1"),
        notice("n-now", "2026-05-01T00:00+02:00", "2026-06-30T00:00+02:00", 0),
        notice("u-now", "2026-06-05T00:00+02:00", "2026-06-06T00:00+02:00", LF_NOTICE_URGENT),
        event("e1", "2026-06-10T18:00+02:00", "2026-06-10T21:00+02:00", LF_RECUR_NONE),
        plain(LF_ITEM_CONTACT, "c1"),
    };
    struct lf_bundle b = {.items = items, .n_items = COUNT(items)};
    time_t now = at("2026-06-05T12:00+02:00");

    struct lf_playlist p = {0};
    lf_playlist_build_known(&b, now, false, &p);
    static const struct want_slide unknown[] = {
        {LF_SLIDE_AGENDA, NULL}, {LF_SLIDE_EVENT, "e1"}, {LF_SLIDE_OFFER, "o1"},
        {LF_SLIDE_CONTACT, "c1"},
    };
    check_playlist("time unknown", &b, &p, unknown, COUNT(unknown), p.rebuild_at);
    assert_int_equal(p.n_notices, 0);
    assert_int_equal(p.n_browse, 3);
    lf_playlist_clear(&p);

    lf_playlist_build_known(&b, now, true, &p);
    static const struct want_slide known[] = {{LF_SLIDE_URGENT, "u-now"}};
    check_playlist("time known", &b, &p, known, COUNT(known), at("2026-06-06T00:00+02:00"));
    assert_int_equal(p.n_notices, 2);
    assert_int_equal(p.n_browse, 3);
    lf_playlist_clear(&p);
}

/* One bundle, many moments: urgent takeover only within its window,
 * rebuild_at at every boundary. */
struct urgent_case {
    const char *name;
    const char *now;
    struct want_slide want[6];
    size_t n_want;
    const char *rebuild_at;
};

static const struct urgent_case urgent_cases[] = {
    {"before everything", "2026-11-01T12:00+01:00",
     {{LF_SLIDE_AGENDA, NULL}, {LF_SLIDE_EVENT, "fest"}, {LF_SLIDE_OFFER, "o1"}}, 3,
     "2026-12-01T00:00+01:00"},
    {"normal notice valid", "2026-12-01T00:00+01:00",
     {{LF_SLIDE_AGENDA, NULL}, {LF_SLIDE_NOTICE, "normal"}, {LF_SLIDE_EVENT, "fest"},
      {LF_SLIDE_OFFER, "o1"}},
     4, "2026-12-10T08:00+01:00"},
    {"storm takes over", "2026-12-10T08:00+01:00", {{LF_SLIDE_URGENT, "storm"}}, 1,
     "2026-12-10T20:00+01:00"},
    {"storm still on, one second before its end", "2026-12-10T19:59:59+01:00",
     {{LF_SLIDE_URGENT, "storm"}}, 1, "2026-12-10T20:00+01:00"},
    {"storm over: back to normal", "2026-12-10T20:00+01:00",
     {{LF_SLIDE_AGENDA, NULL}, {LF_SLIDE_NOTICE, "normal"}, {LF_SLIDE_EVENT, "fest"},
      {LF_SLIDE_OFFER, "o1"}},
     4, "2026-12-15T22:00+01:00"},
    {"running yearly event: rebuild at its end", "2026-12-15T18:00+01:00",
     {{LF_SLIDE_AGENDA, NULL}, {LF_SLIDE_NOTICE, "normal"}, {LF_SLIDE_EVENT, "fest"},
      {LF_SLIDE_OFFER, "o1"}},
     4, "2026-12-15T22:00+01:00"},
    {"second urgent notice", "2026-12-24T00:00+01:00", {{LF_SLIDE_URGENT, "closed"}}, 1,
     "2026-12-24T12:00+01:00"},
    {"two urgent notices overlap, manifest order", "2026-12-24T12:00+01:00",
     {{LF_SLIDE_URGENT, "ice"}, {LF_SLIDE_URGENT, "closed"}}, 2, "2026-12-24T13:00+01:00"},
    {"after all notices: next year's event", "2027-01-02T00:00+01:00",
     {{LF_SLIDE_AGENDA, NULL}, {LF_SLIDE_EVENT, "fest"}, {LF_SLIDE_OFFER, "o1"}}, 3,
     "2027-12-15T22:00+01:00"},
};

static void urgent_notices_and_rebuild(void **state)
{
    (void)state;
    struct lf_item items[] = {
        plain(LF_ITEM_OFFER, "o1"),
        notice("normal", "2026-12-01T00:00+01:00", "2026-12-31T00:00+01:00", 0),
        notice("storm", "2026-12-10T08:00+01:00", "2026-12-10T20:00+01:00", 2),
        notice("ice", "2026-12-24T12:00+01:00", "2026-12-24T13:00+01:00", 2),
        event("fest", "2025-12-15T18:00+01:00", "2025-12-15T22:00+01:00", LF_RECUR_YEARLY),
        notice("closed", "2026-12-24T00:00+01:00", "2027-01-02T00:00+01:00", 2),
    };
    struct lf_bundle b = {.items = items, .n_items = COUNT(items)};

    for (size_t i = 0; i < COUNT(urgent_cases); i++) {
        struct lf_playlist p = {0};
        lf_playlist_build(&b, at(urgent_cases[i].now), &p);
        check_playlist(urgent_cases[i].name, &b, &p, urgent_cases[i].want,
                       urgent_cases[i].n_want, at(urgent_cases[i].rebuild_at));
        lf_playlist_clear(&p);
    }
}

static void no_agenda_without_events(void **state)
{
    (void)state;
    struct lf_item items[] = {
        event("old", "2026-01-10T18:00+01:00", "2026-01-10T20:00+01:00", LF_RECUR_NONE),
        plain(LF_ITEM_OFFER, "o1"),
        notice("broken", "2026-03-01T00:00+01:00", "2026-02-01T00:00+01:00", 2),
    };
    struct lf_bundle b = {.items = items, .n_items = COUNT(items)};
    static const struct want_slide want[] = {{LF_SLIDE_OFFER, "o1"}};
    struct lf_playlist p = {0};
    lf_playlist_build(&b, at("2026-02-15T12:00+01:00"), &p);
    check_playlist("no agenda", &b, &p, want, COUNT(want), NEVER);
    lf_playlist_clear(&p);

    /* nothing to show at all: the agenda alone (it says no events are
     * announced), never an empty carousel */
    static const struct want_slide agenda_only[] = {{LF_SLIDE_AGENDA, NULL}};
    struct lf_bundle empty = {0};
    lf_playlist_build(&empty, at("2026-02-15T12:00+01:00"), &p);
    check_playlist("empty bundle", &empty, &p, agenda_only, 1, NEVER);
    lf_playlist_clear(&p);
    struct lf_item past[] = {
        event("old", "2026-01-10T18:00+01:00", "2026-01-10T20:00+01:00", LF_RECUR_NONE),
    };
    struct lf_bundle only_past = {.items = past, .n_items = COUNT(past)};
    lf_playlist_build(&only_past, at("2026-02-15T12:00+01:00"), &p);
    check_playlist("only past events", &only_past, &p, agenda_only, 1, NEVER);
    lf_playlist_clear(&p);
}

static void upcoming_sorted_and_capped(void **state)
{
    (void)state;
    struct lf_item items[] = {
        event("c", "2026-09-01T10:00+02:00", "2026-09-01T12:00+02:00", LF_RECUR_NONE),
        event("past", "2026-01-01T10:00+01:00", "2026-01-01T12:00+01:00", LF_RECUR_NONE),
        plain(LF_ITEM_OFFER, "o"),
        event("a", "2026-07-01T10:00+02:00", "2026-07-01T12:00+02:00", LF_RECUR_NONE),
        event("yearly", "2020-08-01T10:00+02:00", "2020-08-01T12:00+02:00", LF_RECUR_YEARLY),
        event("a2", "2026-07-01T10:00+02:00", "2026-07-01T11:00+02:00", LF_RECUR_NONE),
    };
    struct lf_bundle b = {.items = items, .n_items = COUNT(items)};
    static const char *const order[] = {"a", "a2", "yearly", "c"};
    struct lf_slide out[8];
    time_t now = at("2026-06-01T00:00+02:00");
    assert_int_equal(lf_upcoming_events(&b, now, out, COUNT(out)), 4);
    for (size_t i = 0; i < COUNT(order); i++) {
        assert_int_equal(out[i].kind, LF_SLIDE_EVENT);
        assert_string_equal(out[i].item->id, order[i]);
    }
    assert_int_equal(out[2].start, at("2026-08-01T10:00+02:00"));
    assert_int_equal(lf_upcoming_events(&b, now, out, 2), 2);
    assert_string_equal(out[1].item->id, "a2");
    assert_int_equal(lf_upcoming_events(&b, now, out, 0), 0);
}

/* A bundle of 500 items, most of them events over a year (written in
 * the manifest latest first): a round of the carousel plays the agenda,
 * the notice, the LF_CAROUSEL_MAX_EVENTS nearest events (the running one
 * first, then by start) and every offer and contact; the lists a visitor
 * browses keep every upcoming event. */
static void carousel_round_keeps_the_nearest_events(void **state)
{
    (void)state;
    enum { N = 500, OFFERS = 12, CONTACTS = 6, PAST = 10 };
    static struct lf_item items[N];
    static char ids[N][24];
    size_t n = 0;
    time_t now = at("2026-11-23T10:00+01:00");
    for (size_t i = 0; i < OFFERS; i++) {
        snprintf(ids[n], sizeof(ids[n]), "offer-%zu", i);
        items[n] = plain(LF_ITEM_OFFER, ids[n]);
        n++;
    }
    snprintf(ids[n], sizeof(ids[n]), "hinweis");
    items[n] = notice(ids[n], "2026-11-01T00:00+01:00", "2026-12-31T00:00+01:00", 0);
    n++;
    /* running since October, until January: the nearest of all */
    snprintf(ids[n], sizeof(ids[n]), "ausstellung");
    items[n] = event(ids[n], "2026-10-01T10:00+02:00", "2027-01-31T18:00+01:00", LF_RECUR_NONE);
    n++;
    size_t events = N - OFFERS - 1 - 1 - CONTACTS - PAST;
    for (size_t i = 0; i < events; i++) {
        /* latest first: day (events - i) / 2 after now, two a day */
        time_t start = now + (time_t)((events - i) * 43200);
        snprintf(ids[n], sizeof(ids[n]), "termin-%03zu", events - i);
        items[n] = (struct lf_item){.kind = LF_ITEM_EVENT, .id = ids[n], .start = start,
                                    .end = start + 7200};
        n++;
    }
    for (size_t i = 0; i < PAST; i++) {
        snprintf(ids[n], sizeof(ids[n]), "vorbei-%zu", i);
        items[n] = (struct lf_item){.kind = LF_ITEM_EVENT, .id = ids[n],
                                    .start = now - (time_t)(i + 1) * 86400,
                                    .end = now - (time_t)(i + 1) * 86400 + 3600};
        n++;
    }
    for (size_t i = 0; i < CONTACTS; i++) {
        snprintf(ids[n], sizeof(ids[n]), "kontakt-%zu", i);
        items[n] = plain(LF_ITEM_CONTACT, ids[n]);
        n++;
    }
    assert_int_equal(n, N);
    struct lf_bundle b = {.items = items, .n_items = n};

    struct lf_playlist p = {0};
    lf_playlist_build(&b, now, &p);
    size_t all = p.n;
    assert_int_equal(lf_playlist_limit_events(&p, 0), 0); /* 0: no limit */
    assert_int_equal(p.n, all);
    assert_int_equal(lf_playlist_limit_events(&p, LF_CAROUSEL_MAX_EVENTS),
                     events + 1 - LF_CAROUSEL_MAX_EVENTS);
    assert_int_equal(p.n, 1 + 1 + LF_CAROUSEL_MAX_EVENTS + OFFERS + CONTACTS);
    size_t k = 0;
    assert_int_equal(p.slides[k++].kind, LF_SLIDE_AGENDA);
    assert_int_equal(p.slides[k].kind, LF_SLIDE_NOTICE);
    assert_string_equal(p.slides[k++].item->id, "hinweis");
    /* the nearest events, in order: the running one, then by start */
    assert_string_equal(p.slides[k].item->id, "ausstellung");
    for (size_t i = 1; i < LF_CAROUSEL_MAX_EVENTS; i++) {
        char want[24];
        snprintf(want, sizeof(want), "termin-%03zu", i);
        assert_int_equal(p.slides[k + i].kind, LF_SLIDE_EVENT);
        assert_string_equal(p.slides[k + i].item->id, want);
        assert_true(p.slides[k + i].start > p.slides[k + i - 1].start);
    }
    k += LF_CAROUSEL_MAX_EVENTS;
    for (size_t i = 0; i < OFFERS; i++)
        assert_int_equal(p.slides[k++].kind, LF_SLIDE_OFFER);
    for (size_t i = 0; i < CONTACTS; i++)
        assert_int_equal(p.slides[k++].kind, LF_SLIDE_CONTACT);
    /* every upcoming event stays reachable: the browse lists hold all */
    size_t browse_events = 0;
    for (size_t i = 0; i < p.n_browse; i++)
        browse_events += p.browse[i].kind == LF_SLIDE_EVENT;
    assert_int_equal(browse_events, events + 1);
    assert_int_equal(p.n_browse, events + 1 + OFFERS + CONTACTS);
    /* and the agenda lists them all */
    static struct lf_slide up[LF_MAX_ITEMS];
    assert_int_equal(lf_upcoming_events(&b, now, up, LF_MAX_ITEMS), events + 1);
    /* a limit above the count changes nothing */
    lf_playlist_clear(&p);
    lf_playlist_build(&b, now, &p);
    assert_int_equal(lf_playlist_limit_events(&p, N), 0);
    assert_int_equal(p.n, all);
    lf_playlist_clear(&p);
}

/* 300 offers and 20 contacts: a round plays LF_CAROUSEL_MAX_SERVICES of
 * each, where the offers stood, in manifest order from the round's
 * first; moving `first` on by the cap each round shows every one within
 * ceil(n / cap) rounds, none left out, none twice before all were shown;
 * events and notices stay. With no more than the cap, all play. */
static void services_rotate_per_round(void **state)
{
    (void)state;
    enum { OFFERS = 300, CONTACTS = 20, N = OFFERS + CONTACTS + 2 };
    static struct lf_item items[N];
    static char ids[N][24];
    time_t now = lf_local_make(2026, 12, 2, 10, 0);
    size_t n = 0;
    items[n++] = (struct lf_item){.kind = LF_ITEM_EVENT, .id = "termin",
                                  .start = now + 3600, .end = now + 7200};
    for (size_t i = 0; i < OFFERS; i++) {
        snprintf(ids[n], sizeof(ids[n]), "angebot-%03zu", i);
        items[n] = plain(LF_ITEM_OFFER, ids[n]);
        n++;
    }
    items[n++] = (struct lf_item){.kind = LF_ITEM_NOTICE, .id = "hinweis",
                                  .valid_from = now - 60, .valid_until = now + 86400};
    for (size_t i = 0; i < CONTACTS; i++) {
        snprintf(ids[n], sizeof(ids[n]), "kontakt-%02zu", i);
        items[n] = plain(LF_ITEM_CONTACT, ids[n]);
        n++;
    }
    assert_int_equal(n, N);
    struct lf_bundle b = {.items = items, .n_items = n};
    const size_t cap = LF_CAROUSEL_MAX_SERVICES;
    static const enum lf_slide_kind kinds[2] = {LF_SLIDE_OFFER, LF_SLIDE_CONTACT};
    static const size_t totals[2] = {OFFERS, CONTACTS};
    static int shown[2][OFFERS];
    memset(shown, 0, sizeof(shown));
    size_t first[2] = {0, 0};
    size_t rounds = (OFFERS + cap - 1) / cap;
    for (size_t round = 0; round < rounds; round++) {
        struct lf_playlist p = {0};
        lf_playlist_build(&b, now, &p);
        size_t n_browse = p.n_browse;
        for (int k = 0; k < 2; k++)
            assert_int_equal(lf_playlist_rotate_kind(&p, kinds[k], cap, first[k]), totals[k]);
        /* agenda, notice, event, then the round's offers, then its contacts */
        assert_int_equal(p.n, 3 + 2 * cap);
        assert_int_equal(p.slides[0].kind, LF_SLIDE_AGENDA);
        assert_int_equal(p.slides[1].kind, LF_SLIDE_NOTICE);
        assert_int_equal(p.slides[2].kind, LF_SLIDE_EVENT);
        assert_int_equal(p.n_browse, n_browse); /* the lists keep every one */
        assert_int_equal(n_browse, 1 + OFFERS + CONTACTS);
        for (int k = 0; k < 2; k++) {
            for (size_t j = 0; j < cap; j++) {
                const struct lf_slide *sl = &p.slides[3 + (size_t)k * cap + j];
                assert_int_equal(sl->kind, kinds[k]);
                size_t idx = (size_t)(sl->item - items) - (k == 0 ? 1 : 2 + OFFERS);
                assert_int_equal(idx, (first[k] + j) % totals[k]); /* in order, wrapping */
                shown[k][idx]++;
            }
            first[k] = (first[k] + cap) % totals[k];
        }
        lf_playlist_clear(&p);
        /* every offer once before any comes again */
        if (round + 1 < rounds)
            for (size_t i = 0; i < OFFERS; i++)
                assert_true(shown[0][i] <= 1);
    }
    for (int k = 0; k < 2; k++)
        for (size_t i = 0; i < totals[k]; i++)
            if (shown[k][i] == 0)
                fail_msg("%s %zu never shown in %zu rounds", k ? "contact" : "offer", i, rounds);
    /* no more than the cap: all of them, in order; 0: no limit */
    struct lf_playlist p = {0};
    lf_playlist_build(&b, now, &p);
    size_t all = p.n;
    assert_int_equal(lf_playlist_rotate_kind(&p, LF_SLIDE_OFFER, 0, 5), OFFERS);
    assert_int_equal(lf_playlist_rotate_kind(&p, LF_SLIDE_CONTACT, CONTACTS, 5), CONTACTS);
    assert_int_equal(p.n, all);
    assert_string_equal(p.slides[3 + OFFERS].item->id, "kontakt-00");
    lf_playlist_clear(&p);
}

/* ---- lf_opening_status ------------------------------------------------ */

#define MON 0x01
#define TUE 0x02
#define WED 0x04
#define THU 0x08
#define FRI 0x10
#define SAT 0x20
#define SUN 0x40
#define WORKDAYS (MON | TUE | WED | THU | FRI)

struct hours_def {
    size_t n;
    struct lf_hours_range r[4];
};

static const struct hours_def H_WEEK = {2, {{WORKDAYS, 540, 720}, {WORKDAYS, 720, 840}}};
static const struct hours_def H_OVERLAP = {
    3, {{WORKDAYS, 540, 780}, {WORKDAYS, 600, 660}, {WORKDAYS, 720, 840}}};
static const struct hours_def H_MIDNIGHT = {2, {{FRI, 1080, 1440}, {SAT, 0, 120}}};
static const struct hours_def H_WEEK_WRAP = {2, {{SUN, 1320, 1440}, {MON, 0, 60}}};
static const struct hours_def H_WEDNESDAY = {1, {{WED, 540, 600}}};
static const struct hours_def H_SUNDAY = {1, {{SUN, 600, 960}}};
static const struct hours_def H_NIGHT = {2, {{SAT, 1320, 1440}, {SUN, 0, 240}}};
static const struct hours_def H_GAP = {1, {{SUN, 120, 180}}};
static const struct hours_def H_NO_DAY = {1, {{0, 540, 600}}};
static const struct hours_def H_ALWAYS = {1, {{0x7f, 0, 1440}}};
static const struct hours_def H_NONE = {0, {{0, 0, 0}}};

struct hours_case {
    const char *name;
    const struct hours_def *hours;
    const char *now;
    enum lf_open_state want;
    const char *change_at; /* NULL: (time_t)-1 */
    int local_hour;        /* of change_at, -1 when none */
};

static const struct hours_case hours_cases[] = {
    /* a normal June week: Wednesday 10, Friday 12, Sunday 14 */
    {"open now until 14:00", &H_WEEK, "2026-06-10T10:00+02:00", LF_HOURS_OPEN,
     "2026-06-10T14:00+02:00", 14},
    {"adjacent ranges merged at the seam", &H_WEEK, "2026-06-10T12:00+02:00", LF_HOURS_OPEN,
     "2026-06-10T14:00+02:00", 14},
    {"overlapping ranges merged", &H_OVERLAP, "2026-06-10T10:30+02:00", LF_HOURS_OPEN,
     "2026-06-10T14:00+02:00", 14},
    {"before opening", &H_WEEK, "2026-06-10T08:00+02:00", LF_HOURS_CLOSED,
     "2026-06-10T09:00+02:00", 9},
    {"closing time is closed", &H_WEEK, "2026-06-10T14:00+02:00", LF_HOURS_CLOSED,
     "2026-06-11T09:00+02:00", 9},
    {"Friday evening -> Monday 09:00", &H_WEEK, "2026-06-12T18:00+02:00", LF_HOURS_CLOSED,
     "2026-06-15T09:00+02:00", 9},
    {"Sunday -> Monday 09:00", &H_WEEK, "2026-06-14T12:00+02:00", LF_HOURS_CLOSED,
     "2026-06-15T09:00+02:00", 9},
    {"24:00 runs into 00:00 next day", &H_MIDNIGHT, "2026-06-12T23:00+02:00", LF_HOURS_OPEN,
     "2026-06-13T02:00+02:00", 2},
    {"after midnight", &H_MIDNIGHT, "2026-06-13T01:00+02:00", LF_HOURS_OPEN,
     "2026-06-13T02:00+02:00", 2},
    {"Sunday night into Monday (week wrap)", &H_WEEK_WRAP, "2026-06-14T23:00+02:00",
     LF_HOURS_OPEN, "2026-06-15T01:00+02:00", 1},
    {"next opening across the week wrap", &H_WEEK_WRAP, "2026-06-09T12:00+02:00",
     LF_HOURS_CLOSED, "2026-06-14T22:00+02:00", 22},
    {"once a week, just missed", &H_WEDNESDAY, "2026-06-10T10:30+02:00", LF_HOURS_CLOSED,
     "2026-06-17T09:00+02:00", 9},
    {"ranges on no weekday", &H_NO_DAY, "2026-06-10T09:30+02:00", LF_HOURS_CLOSED, NULL, -1},
    {"around the clock", &H_ALWAYS, "2026-06-10T09:30+02:00", LF_HOURS_OPEN, NULL, -1},
    {"no hours", &H_NONE, "2026-06-10T09:30+02:00", LF_HOURS_NONE, NULL, -1},
    /* spring forward: Sunday 29 March 2026, 02:00 CET -> 03:00 CEST */
    {"spring: Friday -> Monday 09:00 CEST", &H_WEEK, "2026-03-27T18:00+01:00", LF_HOURS_CLOSED,
     "2026-03-30T09:00+02:00", 9},
    {"spring: Sunday night before the change", &H_WEEK, "2026-03-29T01:30+01:00",
     LF_HOURS_CLOSED, "2026-03-30T09:00+02:00", 9},
    {"spring: Monday 08:30", &H_WEEK, "2026-03-30T08:30+02:00", LF_HOURS_CLOSED,
     "2026-03-30T09:00+02:00", 9},
    {"spring: Monday open at 09:00 local", &H_WEEK, "2026-03-30T09:00+02:00", LF_HOURS_OPEN,
     "2026-03-30T14:00+02:00", 14},
    {"spring: Sunday hours on the day", &H_SUNDAY, "2026-03-28T12:00+01:00", LF_HOURS_CLOSED,
     "2026-03-29T10:00+02:00", 10},
    {"spring: open Sunday until 16:00", &H_SUNDAY, "2026-03-29T12:00+02:00", LF_HOURS_OPEN,
     "2026-03-29T16:00+02:00", 16},
    {"spring: night through the change", &H_NIGHT, "2026-03-28T23:00+01:00", LF_HOURS_OPEN,
     "2026-03-29T04:00+02:00", 4},
    {"spring: hour that does not exist", &H_GAP, "2026-03-28T12:00+01:00", LF_HOURS_CLOSED,
     "2026-04-05T02:00+02:00", 2},
    /* fall back: Sunday 25 October 2026, 03:00 CEST -> 02:00 CET */
    {"autumn: Friday -> Monday 09:00 CET", &H_WEEK, "2026-10-23T18:00+02:00", LF_HOURS_CLOSED,
     "2026-10-26T09:00+01:00", 9},
    {"autumn: Sunday hours on the day", &H_SUNDAY, "2026-10-24T12:00+02:00", LF_HOURS_CLOSED,
     "2026-10-25T10:00+01:00", 10},
    {"autumn: Monday 08:30 CET is closed", &H_WEEK, "2026-10-26T08:30+01:00", LF_HOURS_CLOSED,
     "2026-10-26T09:00+01:00", 9},
    {"autumn: Monday open at 09:00 local", &H_WEEK, "2026-10-26T09:00+01:00", LF_HOURS_OPEN,
     "2026-10-26T14:00+01:00", 14},
    {"autumn: night through the change", &H_NIGHT, "2026-10-24T23:00+02:00", LF_HOURS_OPEN,
     "2026-10-25T04:00+01:00", 4},
};

static void opening_status(void **state)
{
    (void)state;
    for (size_t i = 0; i < COUNT(hours_cases); i++) {
        const struct hours_case *c = &hours_cases[i];
        struct lf_opening_hours h = {.n = c->hours->n};
        memcpy(h.ranges, c->hours->r, sizeof(c->hours->r));
        struct lf_open_status st = lf_opening_status(&h, at(c->now));
        if (st.state != c->want)
            fail_msg("%s: state %d, want %d", c->name, st.state, c->want);
        if (st.change_at != at(c->change_at))
            fail_msg("%s: change_at %lld, want %lld", c->name, (long long)st.change_at,
                     (long long)at(c->change_at));
        if (c->local_hour >= 0) {
            struct tm tm;
            lf_local_time(st.change_at, &tm);
            if (tm.tm_hour != c->local_hour || tm.tm_min != 0)
                fail_msg("%s: changes at %02d:%02d local, want %02d:00", c->name, tm.tm_hour,
                         tm.tm_min, c->local_hour);
        }
    }
    struct lf_open_status none = lf_opening_status(NULL, at("2026-06-10T09:30+02:00"));
    assert_int_equal(none.state, LF_HOURS_NONE);
}

/* ---- lf_next_change --------------------------------------------------- */

static struct lf_item with_hours(enum lf_item_kind kind, char *id, const struct hours_def *h)
{
    struct lf_item it = plain(kind, id);
    it.hours.n = h->n;
    memcpy(it.hours.ranges, h->r, sizeof(h->r));
    return it;
}

/* Every moment something a visitor reads changes, to the second: notice
 * start and end, event start and end, hours opening and closing, local
 * midnight (today/tomorrow), across DST changes. */
static void next_change(void **state)
{
    (void)state;
    struct lf_item items[] = {
        with_hours(LF_ITEM_OFFER, "week", &H_WEEK),
        with_hours(LF_ITEM_CONTACT, "night", &H_NIGHT),
        notice("storm", "2026-06-10T10:00:30+02:00", "2026-06-10T10:20:15+02:00", 2),
        event("talk", "2026-06-10T10:40+02:00", "2026-06-10T11:30+02:00", LF_RECUR_NONE),
        event("fair", "2026-06-01T10:00+02:00", "2026-06-30T18:00+02:00", LF_RECUR_NONE),
        notice("broken", "2026-06-10T11:00+02:00", "2026-06-10T10:00+02:00", 0),
    };
    struct lf_bundle b = {.items = items, .n_items = COUNT(items)};
    static const struct {
        const char *name, *now, *want;
    } cases[] = {
        {"urgent notice at its second", "2026-06-10T09:59:00+02:00", "2026-06-10T10:00:30+02:00"},
        {"one second before it", "2026-06-10T10:00:29+02:00", "2026-06-10T10:00:30+02:00"},
        {"notice ends at its second", "2026-06-10T10:00:30+02:00", "2026-06-10T10:20:15+02:00"},
        {"event starts (happening now)", "2026-06-10T10:20:15+02:00", "2026-06-10T10:40:00+02:00"},
        {"event ends", "2026-06-10T10:40:00+02:00", "2026-06-10T11:30:00+02:00"},
        {"hours close (merged 09-14)", "2026-06-10T11:30:00+02:00", "2026-06-10T14:00:00+02:00"},
        {"nothing until midnight", "2026-06-10T14:00:00+02:00", "2026-06-11T00:00:00+02:00"},
        {"midnight to opening", "2026-06-11T00:00:00+02:00", "2026-06-11T09:00:00+02:00"},
        {"event running weeks: ends", "2026-06-30T14:00:00+02:00", "2026-06-30T18:00:00+02:00"},
        /* Saturday 22:00 - Sunday 04:00 open, across the spring change */
        {"spring: opens Saturday 22:00", "2026-03-28T18:00:00+01:00", "2026-03-28T22:00:00+01:00"},
        {"spring: midnight inside an opening", "2026-03-28T23:00:00+01:00",
         "2026-03-29T00:00:00+01:00"},
        {"spring: closes 04:00 summer time", "2026-03-29T00:00:00+01:00",
         "2026-03-29T04:00:00+02:00"},
        {"spring: the day after the change has 23 hours", "2026-03-29T04:00:00+02:00",
         "2026-03-30T00:00:00+02:00"},
        /* autumn: Sunday 25 October has 25 hours */
        {"autumn: closes 04:00 winter time", "2026-10-25T01:00:00+02:00",
         "2026-10-25T04:00:00+01:00"},
        {"autumn: midnight after a 25-hour day", "2026-10-25T04:00:00+01:00",
         "2026-10-26T00:00:00+01:00"},
    };
    for (size_t i = 0; i < COUNT(cases); i++) {
        time_t got = lf_next_change(&b, at(cases[i].now));
        if (got != at(cases[i].want))
            fail_msg("%s: next change %lld, want %lld (%s)", cases[i].name, (long long)got,
                     (long long)at(cases[i].want), cases[i].want);
    }
    /* no bundle: the next midnight; never now or earlier */
    assert_int_equal(lf_next_change(NULL, at("2026-06-10T23:59:59+02:00")),
                     at("2026-06-11T00:00+02:00"));
    assert_int_equal(lf_next_midnight(at("2026-06-11T00:00+02:00")), at("2026-06-12T00:00+02:00"));
}

/* While an urgent notice has the carousel, the lists visitors browse stay
 * complete (events running or ahead, offers, contacts). */
static void lists_during_urgent(void **state)
{
    (void)state;
    struct lf_item items[] = {
        plain(LF_ITEM_CONTACT, "c1"),
        notice("storm", "2026-12-10T08:00+01:00", "2026-12-10T20:00+01:00", 2),
        plain(LF_ITEM_OFFER, "o1"),
        event("past", "2026-12-01T08:00+01:00", "2026-12-01T20:00+01:00", LF_RECUR_NONE),
        event("fest", "2026-12-15T18:00+01:00", "2026-12-15T22:00+01:00", LF_RECUR_NONE),
        event("now", "2026-12-10T09:00+01:00", "2026-12-10T12:00+01:00", LF_RECUR_NONE),
    };
    struct lf_bundle b = {.items = items, .n_items = COUNT(items)};
    static const char *const want[] = {"now", "fest", "o1", "c1"};
    static const enum lf_slide_kind kinds[] = {LF_SLIDE_EVENT, LF_SLIDE_EVENT, LF_SLIDE_OFFER,
                                               LF_SLIDE_CONTACT};
    const char *moments[] = {"2026-12-10T10:00+01:00", "2026-12-10T07:00+01:00"};
    for (size_t m = 0; m < COUNT(moments); m++) {
        struct lf_playlist p = {0};
        lf_playlist_build(&b, at(moments[m]), &p);
        if (m == 0) {
            assert_int_equal(p.n, 1);
            assert_int_equal(p.slides[0].kind, LF_SLIDE_URGENT);
        } else {
            assert_true(p.n > 1);
        }
        assert_int_equal(p.n_browse, COUNT(want));
        for (size_t i = 0; i < COUNT(want); i++) {
            assert_string_equal(p.browse[i].item->id, want[i]);
            assert_int_equal(p.browse[i].kind, kinds[i]);
        }
        assert_int_equal(p.browse[0].start, items[5].start);
        lf_playlist_clear(&p);
        assert_null(p.browse);
        assert_int_equal(p.n_browse, 0);
    }
}

/* ---- lf_reading_time_s ------------------------------------------------ */

static void reading_time(void **state)
{
    (void)state;
    static const struct {
        size_t chars;
        int base_s, want;
    } cases[] = {
        {0, 8, 8},     {1, 8, 9},      {15, 8, 9},         {16, 8, 10},
        {150, 8, 18},  {360, 8, 32},   {10000, 8, 32},     {SIZE_MAX, 8, 32},
        {100, 0, 0},   {30, 5, 7},
    };
    for (size_t i = 0; i < COUNT(cases); i++) {
        int got = lf_reading_time_s(cases[i].chars, cases[i].base_s);
        if (got != cases[i].want)
            fail_msg("reading time(%zu, %d) = %d, want %d", cases[i].chars, cases[i].base_s,
                     got, cases[i].want);
    }
}

/* The place of a screen-without-touch's window of later agenda pages:
 * kept by the occurrence it names, so that an event ending (the agenda
 * moves up), one leaving the bundle or ties at one start pass no event
 * over; unset or past the last event it starts over. */
static void agenda_mark_keeps_its_place(void **state)
{
    (void)state;
    enum { N = 10 };
    static struct lf_item items[N];
    static char ids[N][8];
    struct lf_slide agenda[N];
    time_t t0 = at("2026-12-01T10:00+01:00");
    for (size_t i = 0; i < N; i++) {
        snprintf(ids[i], sizeof(ids[i]), "e%zu", i);
        /* e4, e5 and e6 start at the same moment (manifest order) */
        time_t start = t0 + (time_t)(i < 5 ? i : i > 6 ? i - 2 : 4) * 86400;
        items[i] = (struct lf_item){.kind = LF_ITEM_EVENT, .id = ids[i], .start = start,
                                    .end = start + 3600};
        agenda[i] = (struct lf_slide){LF_SLIDE_EVENT, &items[i], start, start + 3600};
    }
    struct lf_agenda_mark m = {0};
    assert_int_equal(lf_agenda_mark_find(&m, agenda, N, 3), 3); /* unset: from */
    lf_agenda_mark_at(&m, agenda, N, 7);
    assert_true(m.set);
    assert_string_equal(m.id, "e7");
    assert_int_equal(lf_agenda_mark_find(&m, agenda, N, 3), 7);
    /* e0 and e1 ended: the agenda moved up two, the mark still names e7 */
    assert_int_equal(lf_agenda_mark_find(&m, agenda + 2, N - 2, 1), 5);
    assert_ptr_equal(agenda[2 + 5].item, &items[7]);
    /* e7 left the bundle: the next one after it, e8 */
    struct lf_slide gone[N - 1];
    memcpy(gone, agenda, 7 * sizeof(*gone));
    memcpy(gone + 7, agenda + 8, 2 * sizeof(*gone));
    assert_int_equal(lf_agenda_mark_find(&m, gone, N - 1, 3), 7);
    assert_ptr_equal(gone[7].item, &items[8]);
    /* ties: the marked one of three starting together, not the first */
    lf_agenda_mark_at(&m, agenda, N, 5);
    assert_int_equal(lf_agenda_mark_find(&m, agenda, N, 3), 5);
    /* the marked tie gone: its first companion (shown again, none passed over) */
    struct lf_slide no5[N - 1];
    memcpy(no5, agenda, 5 * sizeof(*no5));
    memcpy(no5 + 5, agenda + 6, 4 * sizeof(*no5));
    assert_int_equal(lf_agenda_mark_find(&m, no5, N - 1, 3), 4);
    /* the marked one ended, and all after it: the window starts over */
    lf_agenda_mark_at(&m, agenda, N, 9);
    assert_int_equal(lf_agenda_mark_find(&m, agenda, N - 1, 3), N - 1);
    /* past the last: unset */
    lf_agenda_mark_at(&m, agenda, N, N);
    assert_false(m.set);
    assert_int_equal(lf_agenda_mark_find(&m, agenda, N, 4), 4);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(event_occurrences),
        cmocka_unit_test(occurrence_keeps_local_time),
        cmocka_unit_test(playlist_order),
        cmocka_unit_test(urgent_notices_and_rebuild),
        cmocka_unit_test(notices_hidden_without_known_time),
        cmocka_unit_test(no_agenda_without_events),
        cmocka_unit_test(upcoming_sorted_and_capped),
        cmocka_unit_test(carousel_round_keeps_the_nearest_events),
        cmocka_unit_test(agenda_mark_keeps_its_place),
        cmocka_unit_test(opening_status),
        cmocka_unit_test(reading_time),
        cmocka_unit_test(next_change),
        cmocka_unit_test(lists_during_urgent),
        cmocka_unit_test(services_rotate_per_round),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
