/* The kiosk keeps to the schedule to the second, headless with a fake
 * clock: an urgent notice appears and leaves at its second, consultation
 * hours close on a page a visitor reads, a running event leaves its list
 * when it ends; the kiosk sleeps until then. While an urgent notice has the
 * carousel the lists stay complete, the notice at their top, and an empty
 * list says what is empty. */
#include "kiosk_driver.h"

#include "core/clock_floor.h"
#include "support/bundle_folder.h"

/* Monday 23 November 2026 (the fixture starts at 10:00:01 local): the
 * offer is open 08:00-10:01, the urgent notice is valid from 10:00:30 to
 * 10:02:00, the event runs 09:00-10:03. */
static const char *const deadline_bundle =
    "{\"format\": 1, \"organisation\": \"KI Test\", \"items\": [\n"
    " {\"kind\": \"notice\", \"id\": \"storm\", \"title\": \"Heute nur telefonisch\",\n"
    "  \"message\": \"Beratung am Telefon: 0251 492-7077\", \"priority\": 2,\n"
    "  \"valid_from\": \"2026-11-23T10:00:30\", \"valid_until\": \"2026-11-23T10:02:00\"},\n"
    " {\"kind\": \"event\", \"id\": \"cafe\", \"title\": \"Sprachcafé\",\n"
    "  \"start\": \"2026-11-23T09:00\", \"end\": \"2026-11-23T10:03\"},\n"
    " {\"kind\": \"offer\", \"id\": \"beratung\", \"title\": \"Wegweiser\",\n"
    "  \"description\": \"Beratung zu Aufenthalt und Arbeit.\",\n"
    "  \"hours\": {\"ranges\": [{\"days\": [\"mo\"], \"from\": \"08:00\", \"to\": \"10:01\"}]}},\n"
    " {\"kind\": \"offer\", \"id\": \"pflege\", \"title\": \"Pflegeberatung\",\n"
    "  \"description\": \"Beratung zu Pflege im Alter.\"},\n"
    " {\"kind\": \"contact\", \"id\": \"ki\", \"title\": \"Kommunales Integrationszentrum\",\n"
    "  \"phone\": \"0251 492-7077\"}\n"
    "]}\n";

/* The same without offers and contacts: their lists are empty. */
static const char *const events_only_bundle =
    "{\"format\": 1, \"organisation\": \"KI Test\", \"items\": [\n"
    " {\"kind\": \"event\", \"id\": \"cafe\", \"title\": \"Sprachcafé\",\n"
    "  \"start\": \"2026-12-23T09:00\", \"end\": \"2026-12-23T10:03\"}\n"
    "]}\n";

/* A kiosk on `json` (made a bundle folder) whose wall clock starts at `start`. */
static int open_bundle_at(void **state, const char *json, const char *start)
{
    if (bundle_folder_write(bundle_dir, sizeof(bundle_dir), json) != 0)
        return -1;
    return open_kiosk_on(state, "", bundle_dir, start);
}

static int setup_deadlines(void **state)
{
    return open_bundle_at(state, deadline_bundle, "2026-11-23T10:00:00+01:00");
}

static int setup_events_only(void **state)
{
    return open_bundle_at(state, events_only_bundle, "2026-11-23T10:00:00+01:00");
}

/* Taps the list of `cat` open: it shows `says` and not `not_says` (each
 * checked when not NULL). */
static void open_list(struct fixture *f, enum lf_category cat, const char *says,
                      const char *not_says)
{
    tap_target(f, LF_ACT_CATEGORY, cat);
    if (says)
        assert_true(screen_says(f, says));
    if (not_says)
        assert_false(screen_says(f, not_says));
}

/* None of the NULL-ended `texts` is on the screen; fails naming the first
 * that is. */
static void screen_says_none(struct fixture *f, const char *const *texts)
{
    for (; *texts; texts++)
        if (screen_says(f, *texts))
            fail_msg("the screen says \"%s\"", *texts);
}

static void notice_comes_and_goes_at_its_second(void **state)
{
    struct fixture *f = *state;
    f->cfg.slide_seconds = 120; /* no slide change near the deadlines */
    assert_false(is_item(f, "storm"));
    /* asleep until the notice's second, not a minute tick or a poll */
    uint64_t next = lf_kiosk_update(f->k);
    assert_true(next <= ms_at(f, "2026-11-23T10:00:30+01:00"));
    pass_until(f, ms_at(f, "2026-11-23T10:00:30+01:00") - 1);
    assert_false(is_item(f, "storm"));
    pass(f, 1);
    assert_true(is_item(f, "storm"));
    assert_int_equal(state_of(f).count, 1);
    /* gone at valid_until, to the millisecond */
    pass_until(f, ms_at(f, "2026-11-23T10:02:00+01:00") - 1);
    assert_true(is_item(f, "storm"));
    pass(f, 1);
    assert_false(is_item(f, "storm"));
    assert_true(state_of(f).count > 1);
}

static void single_urgent_slide_stays_still(void **state)
{
    struct fixture *f = *state;
    pass_until(f, ms_at(f, "2026-11-23T10:00:31+01:00"));
    assert_true(is_item(f, "storm"));
    assert_int_equal(state_of(f).count, 1);
    /* a minute of it: never a transition (out and back in to itself) */
    uint64_t end = f->clock.ms + 60000;
    while (f->clock.ms < end) {
        uint64_t next = lf_kiosk_update(f->k);
        assert_false(state_of(f).animating);
        assert_true(is_item(f, "storm"));
        f->clock.ms = next > f->clock.ms && next < end ? next : end;
        if (f->clock.ms >= ms_at(f, "2026-11-23T10:01:59+01:00"))
            break;
    }
}

static void lists_stay_complete_during_an_urgent_notice(void **state)
{
    struct fixture *f = *state;
    pass_until(f, ms_at(f, "2026-11-23T10:00:40+01:00"));
    assert_true(is_item(f, "storm"));
    int x, y;
    /* every category still lists its items, with nothing saying it is empty */
    open_list(f, LF_CAT_EVENTS, "Sprachcafé", "keine Veranstaltungen");
    assert_string_equal(state_of(f).mode, "list");
    assert_true(lf_kiosk_find_target(f->k, LF_ACT_ITEM, 0, &x, &y));
    open_list(f, LF_CAT_OFFERS, "Wegweiser", NULL);
    assert_true(lf_kiosk_find_target(f->k, LF_ACT_ITEM, 1, &x, &y));
    assert_true(screen_says(f, "Pflegeberatung"));
    tap_target(f, LF_ACT_CATEGORY, LF_CAT_CONTACTS);
    assert_true(lf_kiosk_find_target(f->k, LF_ACT_ITEM, 0, &x, &y));
    /* the phone number the notice points to can be found */
    tap_target(f, LF_ACT_ITEM, 0);
    assert_string_equal(state_of(f).mode, "detail");
    assert_true(is_item(f, "ki"));
    assert_true(screen_says(f, "0251 492-7077"));
    /* back: the notice again */
    tap_target(f, LF_ACT_HOME, 0);
    tap_target(f, LF_ACT_HOME, 0);
    assert_string_equal(state_of(f).mode, "carousel");
    assert_true(is_item(f, "storm"));
}

/* A notice seen in the carousel can be found again: at the top of every
 * list while it is valid (marked as a notice), a tap opens it, Back
 * returns to the list; it leaves the lists at its valid_until. */
static void notices_are_found_in_every_list(void **state)
{
    struct fixture *f = *state;
    int x, y;
    f->cfg.idle_seconds = 600;
    tap_target(f, LF_ACT_CATEGORY, LF_CAT_OFFERS);
    assert_false(lf_kiosk_find_target(f->k, LF_ACT_NOTICE, 0, &x, &y)); /* not yet valid */
    tap_target(f, LF_ACT_HOME, 0);
    pass_until(f, ms_at(f, "2026-11-23T10:00:40+01:00"));
    assert_true(is_item(f, "storm"));
    static const enum lf_category cats[] = {LF_CAT_EVENTS, LF_CAT_OFFERS, LF_CAT_CONTACTS};
    for (size_t i = 0; i < 3; i++) {
        tap_target(f, LF_ACT_CATEGORY, cats[i]);
        assert_string_equal(state_of(f).mode, "list");
        assert_true(lf_kiosk_find_target(f->k, LF_ACT_NOTICE, 0, &x, &y));
        assert_true(screen_says(f, "Heute nur telefonisch\n"));
        assert_true(screen_says(f, "Wichtiger Hinweis  ·  Beratung am Telefon"));
        /* the list's own entries are still there, from index 0 */
        assert_true(lf_kiosk_find_target(f->k, LF_ACT_ITEM, 0, &x, &y));
        if (getenv("LITFASS_SHOTS")) {
            char path[512];
            snprintf(path, sizeof(path), "%s/list-notice-%zu.png", getenv("LITFASS_SHOTS"), i);
            assert_true(lf_kiosk_screenshot(f->k, path));
        }
    }
    /* in the contacts list: the notice opens, Back returns to the list */
    tap_target(f, LF_ACT_NOTICE, 0);
    assert_string_equal(state_of(f).mode, "detail");
    assert_true(is_item(f, "storm"));
    assert_true(screen_says(f, "0251 492-7077"));
    tap_target(f, LF_ACT_HOME, 0);
    assert_string_equal(state_of(f).mode, "list");
    assert_int_equal(state_of(f).category, LF_CAT_CONTACTS);
    /* at valid_until it leaves the list the visitor reads */
    pass_until(f, ms_at(f, "2026-11-23T10:02:00+01:00"));
    assert_string_equal(state_of(f).mode, "list");
    assert_false(lf_kiosk_find_target(f->k, LF_ACT_NOTICE, 0, &x, &y));
    assert_false(screen_says(f, "Heute nur telefonisch"));
    assert_true(lf_kiosk_find_target(f->k, LF_ACT_ITEM, 0, &x, &y));
}

static void empty_lists_say_what_is_empty(void **state)
{
    struct fixture *f = *state;
    open_list(f, LF_CAT_OFFERS, "keine Beratungsangebote", "Veranstaltungen angekündigt");
    open_list(f, LF_CAT_CONTACTS, "keine Kontakte", "Veranstaltungen angekündigt");
    open_list(f, LF_CAT_EVENTS, "Sprachcafé", NULL);
}

static void hours_close_at_their_second(void **state)
{
    struct fixture *f = *state;
    f->cfg.idle_seconds = 600; /* the visitor keeps reading */
    tap_target(f, LF_ACT_CATEGORY, LF_CAT_OFFERS);
    tap_target(f, LF_ACT_ITEM, 0);
    assert_true(is_item(f, "beratung"));
    assert_true(screen_says(f, "bis 10:01"));
    pass_until(f, ms_at(f, "2026-11-23T10:01:00+01:00") - 1);
    assert_true(screen_says(f, "bis 10:01"));
    /* at 10:01:00 it is closed, the visitor sees it without touching */
    pass(f, 1);
    assert_string_equal(state_of(f).mode, "detail");
    assert_true(is_item(f, "beratung"));
    assert_false(screen_says(f, "bis 10:01"));
    assert_true(screen_says(f, "Öffnet"));
    /* the event running until 10:03 leaves the events list at 10:03:00 */
    open_list(f, LF_CAT_EVENTS, "Sprachcafé", NULL);
    pass_until(f, ms_at(f, "2026-11-23T10:03:00+01:00"));
    assert_false(screen_says(f, "Sprachcafé"));
    assert_true(screen_says(f, "keine Veranstaltungen"));
}
/* A Raspberry Pi without a real-time clock before NTP: the wall clock
 * says 1 January 1970. The header shows no date and no time, the offer
 * says neither "open" nor "opens", the events are listed all the same;
 * once the clock is set, within seconds and without a restart, the
 * header has the date and the offer says until when it is open. */
static int setup_clock_not_set(void **state)
{
    return open_bundle_at(state, deadline_bundle, "1970-01-01T00:00:00+01:00");
}

static void a_clock_not_set_is_not_shown(void **state)
{
    struct fixture *f = *state;
    f->cfg.idle_seconds = 600;
    screen_says_none(f, (const char *const[]){"1970", "Donnerstag", "00:00", NULL});
    open_list(f, LF_CAT_EVENTS, "Sprachcafé", "Läuft gerade");
    open_list(f, LF_CAT_OFFERS, NULL, NULL);
    tap_target(f, LF_ACT_ITEM, 0);
    assert_true(is_item(f, "beratung"));
    screen_says_none(f, (const char *const[]){"geöffnet", "Öffnet", "Geschlossen", NULL});
    /* NTP answers: the wall clock jumps to 10:00:05 on 23 November */
    time_t set;
    assert_true(lf_parse_datetime("2026-11-23T10:00:05+01:00", &set));
    f->clock.wall0 = set - (time_t)(f->clock.ms / 1000);
    pass(f, LF_CLOCK_RECHECK_MS + 1000);
    assert_true(is_item(f, "beratung"));
    assert_true(screen_says(f, "23. November 2026"));
    assert_true(screen_says(f, "bis 10:01"));
}

/* Yesterday's event and tomorrow's, seen on Monday 23 November at noon. */
static const char *const yesterday_bundle =
    "{\"format\": 1, \"organisation\": \"KI Test\", \"items\": [\n"
    " {\"kind\": \"event\", \"id\": \"gestern\", \"title\": \"Erzählcafé\",\n"
    "  \"start\": \"2026-11-22T14:00\", \"end\": \"2026-11-22T16:00\"},\n"
    " {\"kind\": \"event\", \"id\": \"morgen\", \"title\": \"Nähcafé\",\n"
    "  \"start\": \"2026-11-24T14:00\", \"end\": \"2026-11-24T16:00\"}\n"
    "]}\n";

static int setup_yesterday(void **state)
{
    return open_bundle_at(state, yesterday_bundle, "2026-11-23T12:00:00+01:00");
}

/* The clock is set back a day (a wrong NTP answer, a dead RTC battery
 * restored from an image): the time is no longer shown, and the schedule
 * stays at the last moment known to be past. Yesterday's event, which the
 * kiosk saw end, came back as "Nächste Veranstaltungen" (the schedule ran
 * on the clock it no longer believed). */
static void a_clock_set_back_brings_no_past_event_back(void **state)
{
    struct fixture *f = *state;
    f->cfg.idle_seconds = 600;
    open_list(f, LF_CAT_EVENTS, "Nähcafé", "Erzählcafé");
    f->clock.wall0 -= 86400;
    pass(f, LF_CLOCK_RECHECK_MS + 1000);
    screen_says_none(f, (const char *const[]){"Erzählcafé", "Sonntag", "12:00", NULL});
    open_list(f, LF_CAT_EVENTS, "Nähcafé", "Erzählcafé");
    tap_target(f, LF_ACT_HOME, 0);
    for (int i = 0; i < 4; i++) {
        screen_says_none(f, (const char *const[]){"Erzählcafé", NULL});
        key(f, SDLK_RIGHT, 0);
    }
}

/* The two digits at p as a number, -1 when they are none. */
static int two_digits(const char *p)
{
    if (p[0] < '0' || p[0] > '9' || p[1] < '0' || p[1] > '9')
        return -1;
    return (p[0] - '0') * 10 + (p[1] - '0');
}

/* A screen nobody can touch with 60 events: each round's agenda names the
 * 12 nearest (the same pages every round) and two pages of later events,
 * further on each round; the footer's count is the pages the round
 * plays; within a few rounds every event was named on the screen. */
enum { NO_TOUCH_EVENTS = 60 };

static int setup_no_touch(void **state)
{
    static char json[NO_TOUCH_EVENTS * 160 + 256];
    size_t len = (size_t)snprintf(json, sizeof(json),
                                  "{\"format\": 1, \"organisation\": \"KI Test\", \"items\": [\n");
    for (int i = 0; i < NO_TOUCH_EVENTS; i++)
        len += (size_t)snprintf(json + len, sizeof(json) - len,
                                " {\"kind\": \"event\", \"id\": \"t%02d\", \"title\": \"Termin %02d\",\n"
                                "  \"start\": \"2026-12-%02dT%02d:00\", \"end\": \"2026-12-%02dT%02d:30\"},\n",
                                i, i, 1 + i / 2, 10 + 4 * (i % 2), 1 + i / 2, 10 + 4 * (i % 2));
    snprintf(json + len, sizeof(json) - len,
             " {\"kind\": \"offer\", \"id\": \"beratung\", \"title\": \"Wegweiser\",\n  \"description\": \"Beratung zu Aufenthalt und Arbeit.\"}\n]}\n");
    if (bundle_folder_write(bundle_dir, sizeof(bundle_dir), json) != 0)
        return -1;
    return open_kiosk_touch(state, "", bundle_dir, "2026-11-23T10:00:00+01:00", false);
}

struct agenda_seen {
    bool *named;
    char *first;
    size_t size;
};

static void note_agenda_page(struct fixture *f, size_t i, const char *text, void *ctx)
{
    struct agenda_seen *seen = ctx;
    if (state_of(f).item_id) /* not an agenda page */
        return;
    if (i == 0) /* from its first entry on: the header's clock moves */
        snprintf(seen->first, seen->size, "%s",
                 strstr(text, "Termin ") ? strstr(text, "Termin ") : "");
    for (const char *p = text; (p = strstr(p, "Termin ")) != NULL; p += 7) {
        int e = two_digits(p + 7);
        if (e >= 0 && e < NO_TOUCH_EVENTS)
            seen->named[e] = true;
    }
}

/* Plays one round with the arrow key; marks the events its agenda
 * names in named[], the first agenda page's entries in first. Returns the
 * round's page count (the footer's, which stays the round's). */
static size_t play_no_touch_round(struct fixture *f, bool *named, char *first, size_t size)
{
    return key_through_round(f, note_agenda_page, &(struct agenda_seen){named, first, size});
}

static void no_touch_agenda_goes_round(void **state)
{
    struct fixture *f = *state;
    f->cfg.transition_ms = 0;
    static char first1[65536], first[65536];
    bool named1[NO_TOUCH_EVENTS] = {0}, named[NO_TOUCH_EVENTS] = {0};
    size_t n = play_no_touch_round(f, named1, first1, sizeof(first1));
    assert_true(n < NO_TOUCH_EVENTS); /* not a page for every event */
    size_t in_round1 = 0;
    for (int e = 0; e < NO_TOUCH_EVENTS; e++)
        in_round1 += named1[e];
    for (int e = 0; e < 12; e++)
        assert_true(named1[e]); /* the nearest */
    assert_true(in_round1 < NO_TOUCH_EVENTS);
    memcpy(named, named1, sizeof(named));
    int rounds = 1;
    bool all = false;
    while (!all && rounds < 30) {
        bool this_round[NO_TOUCH_EVENTS] = {0};
        assert_int_equal(play_no_touch_round(f, this_round, first, sizeof(first)), n);
        rounds++;
        assert_string_equal(first, first1); /* the nearest events' page: the same */
        size_t new_events = 0;
        all = true;
        for (int e = 0; e < NO_TOUCH_EVENTS; e++) {
            if (e < 12)
                assert_true(this_round[e]);
            new_events += this_round[e] && !named[e];
            named[e] |= this_round[e];
            all &= named[e];
        }
        if (!all)
            assert_true(new_events > 0); /* each round names events not seen yet */
    }
    assert_true(all);
    assert_true(rounds > 1);
    assert_true(first1[0] != '\0');
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(notice_comes_and_goes_at_its_second, setup_deadlines,
                                        teardown_bundle),
        cmocka_unit_test_setup_teardown(single_urgent_slide_stays_still, setup_deadlines,
                                        teardown_bundle),
        cmocka_unit_test_setup_teardown(lists_stay_complete_during_an_urgent_notice,
                                        setup_deadlines, teardown_bundle),
        cmocka_unit_test_setup_teardown(notices_are_found_in_every_list, setup_deadlines,
                                        teardown_bundle),
        cmocka_unit_test_setup_teardown(hours_close_at_their_second, setup_deadlines,
                                        teardown_bundle),
        cmocka_unit_test_setup_teardown(a_clock_not_set_is_not_shown, setup_clock_not_set,
                                        teardown_bundle),
        cmocka_unit_test_setup_teardown(a_clock_set_back_brings_no_past_event_back,
                                        setup_yesterday, teardown_bundle),
        cmocka_unit_test_setup_teardown(empty_lists_say_what_is_empty, setup_events_only,
                                        teardown_bundle),
        cmocka_unit_test_setup_teardown(no_touch_agenda_goes_round, setup_no_touch,
                                        teardown_bundle),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
