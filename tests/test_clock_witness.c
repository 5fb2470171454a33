/* The clock decision (core/clock_floor.h) with injected times: the system
 * clock, the monotonic clock and the content server's Date. No SDL, no
 * network. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "core/clock_floor.h"

#define DAY 86400LL
/* a moment well after this program's build floor */
static time_t real_now(void)
{
    return lf_build_time() + 30 * DAY;
}

static struct lf_clock_witness witness(time_t date, int64_t mono_ms)
{
    struct lf_clock_witness w = {.date = date, .mono_ms = mono_ms};
    snprintf(w.host, sizeof(w.host), "%s", "ki.example");
    return w;
}

static time_t floor_of(time_t created, time_t seen, const char **what)
{
    return lf_clock_floor(created, seen, what);
}

/* No witness: the floors decide, as before. */
static void without_witness_the_floors_decide(void **state)
{
    (void)state;
    const char *what;
    time_t fl = floor_of(0, 0, &what);
    struct lf_clock_verdict v;
    lf_clock_judge(0, 5000, fl, what, NULL, false, &v); /* 1970 */
    assert_int_equal(v.source, LF_CLOCK_NONE);
    assert_int_equal(v.offset_ms, 0);
    assert_non_null(strstr(v.why, "clock not set: it says 1970-01-01 00:00 UTC"));
    assert_string_equal(lf_clock_source_name(v.source), "none");

    struct lf_clock_witness none = {0};
    lf_clock_judge((int64_t)real_now() * 1000, 5000, fl, what, &none, false, &v);
    assert_int_equal(v.source, LF_CLOCK_SYSTEM);
    assert_string_equal(v.why, "");
    assert_false(v.settled);
    assert_string_equal(lf_clock_source_name(v.source), "system");
}

/* A 1970 clock and the server's Date of a minute ago: the server's time,
 * carried on by the monotonic clock, is shown. */
static void unset_clock_takes_the_servers_time(void **state)
{
    (void)state;
    const char *what;
    time_t fl = floor_of(0, 0, &what);
    time_t t = real_now();
    struct lf_clock_witness w = witness(t, 1000);
    struct lf_clock_verdict v;
    lf_clock_judge(0, 61000, fl, what, &w, false, &v);
    assert_int_equal(v.source, LF_CLOCK_SERVER);
    assert_string_equal(lf_clock_source_name(v.source), "server");
    /* 0 + offset = the Date's second (its middle) + 60 s */
    assert_int_equal(v.offset_ms, (int64_t)t * 1000 + 500 + 60000);
    assert_non_null(strstr(v.why, "clock wrong: the system clock says 1970-01-01 00:00 UTC"));
    assert_non_null(strstr(v.why, "ki.example"));
    assert_non_null(strstr(v.why, "showing the server's time"));

    /* a clock a week behind but above every floor: still wrong by the server */
    lf_clock_judge((int64_t)(t - 7 * DAY) * 1000, 1000, fl, what, &w, false, &v);
    assert_int_equal(v.source, LF_CLOCK_SERVER);
    assert_int_equal(v.offset_ms, 7 * DAY * 1000 + 500);
}

/* A clock two days ahead is plausible by every floor; the server says it
 * is wrong. */
static void future_clock_is_wrong_by_the_server(void **state)
{
    (void)state;
    const char *what;
    time_t fl = floor_of(0, 0, &what);
    time_t t = real_now();
    struct lf_clock_witness w = witness(t, 0);
    struct lf_clock_verdict v;
    lf_clock_judge((int64_t)(t + 2 * DAY) * 1000, 0, fl, what, &w, false, &v);
    assert_int_equal(v.source, LF_CLOCK_SERVER);
    assert_int_equal(v.offset_ms, -2 * DAY * 1000 + 500);
}

/* The tolerance: up to LF_CLOCK_TOLERANCE_S apart the system clock is
 * believed (and not shifted), beyond it the server's time is shown. */
static void tolerance_edge(void **state)
{
    (void)state;
    const char *what;
    time_t fl = floor_of(0, 0, &what);
    time_t t = real_now();
    struct lf_clock_witness w = witness(t, 0);
    int64_t server_ms = (int64_t)t * 1000 + 500;
    int64_t tol = (int64_t)LF_CLOCK_TOLERANCE_S * 1000;
    struct lf_clock_verdict v;
    int64_t inside[] = {0, tol, -tol, tol - 1, 1 - tol};
    for (size_t i = 0; i < sizeof(inside) / sizeof(inside[0]); i++) {
        lf_clock_judge(server_ms + inside[i], 0, fl, what, &w, false, &v);
        assert_int_equal(v.source, LF_CLOCK_SYSTEM);
        assert_int_equal(v.offset_ms, 0);
    }
    int64_t outside[] = {tol + 1, -tol - 1};
    for (size_t i = 0; i < sizeof(outside) / sizeof(outside[0]); i++) {
        lf_clock_judge(server_ms + outside[i], 0, fl, what, &w, false, &v);
        assert_int_equal(v.source, LF_CLOCK_SERVER);
        assert_int_equal(v.offset_ms, -outside[i]);
    }
}

/* A floor left by a clock that was once wrongly in the future (the newest
 * time seen, a bundle made by a studio whose clock was ahead): the right
 * clock is below it. Alone it is doubted; with the server agreeing it is
 * believed, and the verdict says the floor was overruled. */
static void server_settles_a_future_floor(void **state)
{
    (void)state;
    time_t t = real_now();
    const char *what;
    time_t fl = floor_of(0, t + 3 * DAY, &what); /* seen 3 days "ahead" */
    assert_true(fl > t);
    struct lf_clock_verdict v;
    lf_clock_judge((int64_t)t * 1000, 0, fl, what, NULL, false, &v);
    assert_int_equal(v.source, LF_CLOCK_NONE);

    struct lf_clock_witness w = witness(t - 2, 0);
    lf_clock_judge((int64_t)t * 1000, 0, fl, what, &w, false, &v);
    assert_int_equal(v.source, LF_CLOCK_SYSTEM);
    assert_true(v.settled);
    assert_int_equal(v.offset_ms, 0);
    assert_string_equal(v.why, "");

    /* a bundle "created" in the future */
    fl = floor_of(t + 10 * DAY, 0, &what);
    lf_clock_judge((int64_t)t * 1000, 0, fl, what, &w, false, &v);
    assert_int_equal(v.source, LF_CLOCK_SYSTEM);
    assert_true(v.settled);
}

/* Witnesses that prove nothing are not used: a server whose own clock is
 * not set, one older than LF_CLOCK_WITNESS_MAX_AGE_S, one from "after"
 * the monotonic now. */
static void useless_witnesses_are_ignored(void **state)
{
    (void)state;
    const char *what;
    time_t fl = floor_of(0, 0, &what);
    time_t t = real_now();
    struct lf_clock_verdict v;

    struct lf_clock_witness w = witness(86400, 0); /* the server says 1970-01-02 */
    lf_clock_judge(0, 1000, fl, what, &w, false, &v);
    assert_int_equal(v.source, LF_CLOCK_NONE);
    w = witness(fl - 1, 0); /* just before the build floor */
    lf_clock_judge(0, 1000, fl, what, &w, false, &v);
    assert_int_equal(v.source, LF_CLOCK_NONE);

    int64_t max_ms = (int64_t)LF_CLOCK_WITNESS_MAX_AGE_S * 1000;
    w = witness(t, 0);
    lf_clock_judge(0, max_ms, fl, what, &w, false, &v);
    assert_int_equal(v.source, LF_CLOCK_SERVER);
    lf_clock_judge(0, max_ms + 1000, fl, what, &w, false, &v);
    assert_int_equal(v.source, LF_CLOCK_NONE);

    w = witness(t, 5000);
    lf_clock_judge(0, 4000, fl, what, &w, false, &v);
    assert_int_equal(v.source, LF_CLOCK_NONE);
    /* and a plausible clock far from a useless witness stays the system's */
    lf_clock_judge((int64_t)t * 1000, 4000, fl, what, &w, false, &v);
    assert_int_equal(v.source, LF_CLOCK_SYSTEM);
}

/* A system clock the kernel marks synchronised (NTP) is believed: a
 * server whose Date is two days off is the wrong one (the verdict says by
 * how much), and a future floor does not make the kiosk doubt it, with or
 * without a witness. Not synchronised, the same server wins. */
static void synchronised_clock_is_believed(void **state)
{
    (void)state;
    const char *what;
    time_t t = real_now();
    time_t fl = floor_of(0, 0, &what);
    struct lf_clock_witness w = witness(t - 2 * DAY, 0);
    struct lf_clock_verdict v;
    lf_clock_judge((int64_t)t * 1000, 0, fl, what, &w, true, &v);
    assert_int_equal(v.source, LF_CLOCK_SYSTEM);
    assert_int_equal(v.offset_ms, 0);
    assert_int_equal(v.server_off_ms, -2 * DAY * 1000 + 500);
    assert_string_equal(v.why, "");
    lf_clock_judge((int64_t)t * 1000, 0, fl, what, &w, false, &v);
    assert_int_equal(v.source, LF_CLOCK_SERVER);
    assert_int_equal(v.server_off_ms, 0);

    /* agreeing: nothing to say */
    w = witness(t, 0);
    lf_clock_judge((int64_t)t * 1000, 0, fl, what, &w, true, &v);
    assert_int_equal(v.source, LF_CLOCK_SYSTEM);
    assert_int_equal(v.server_off_ms, 0);

    fl = floor_of(0, t + 3 * DAY, &what);
    lf_clock_judge((int64_t)t * 1000, 0, fl, what, NULL, true, &v);
    assert_int_equal(v.source, LF_CLOCK_SYSTEM);
    assert_true(v.settled);
    lf_clock_judge((int64_t)t * 1000, 0, fl, what, NULL, false, &v);
    assert_int_equal(v.source, LF_CLOCK_NONE);
    (void)lf_clock_system_synced(); /* the machine's own answer: either is right */
}

/* The monotonic clock used for the witness moves forward. */
static void mono_moves_forward(void **state)
{
    (void)state;
    int64_t a = lf_clock_mono_ms();
    int64_t b = lf_clock_mono_ms();
    assert_true(a > 0);
    assert_true(b >= a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(without_witness_the_floors_decide),
        cmocka_unit_test(unset_clock_takes_the_servers_time),
        cmocka_unit_test(future_clock_is_wrong_by_the_server),
        cmocka_unit_test(tolerance_edge),
        cmocka_unit_test(server_settles_a_future_floor),
        cmocka_unit_test(useless_witnesses_are_ignored),
        cmocka_unit_test(synchronised_clock_is_believed),
        cmocka_unit_test(mono_moves_forward),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
