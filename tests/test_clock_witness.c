/* The clock decision (core/clock_floor.h) with injected times: the system
 * clock, the monotonic clock and the content server's Date. No SDL, no
 * network. */
#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include "core/clock_floor.h"
#include "core/durable.h"
#include "support/log_capture.h"
#include "sync/clock_witness.h"

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
    return lf_clock_floor(created, seen, 0, what);
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


/* ---- the witness kept across a restart (sync/clock_witness.h) ---- */

static char *temp_dir(void)
{
    char *d = strdup("/tmp/lf_clock_witness_XXXXXX");
    assert_non_null(mkdtemp(d));
    return d;
}

static void remove_dir(char *d)
{
    assert_true(lf_remove_tree(d));
    free(d);
}

static void write_text(const char *dir, const char *text)
{
    char path[512];
    snprintf(path, sizeof(path), "%s/" LF_CLOCK_WITNESS_FILE, dir);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static char *read_text(const char *dir)
{
    char path[512];
    snprintf(path, sizeof(path), "%s/" LF_CLOCK_WITNESS_FILE, dir);
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    static char buf[8192];
    size_t n = fread(buf, 1, sizeof(buf) - 1, f);
    fclose(f);
    buf[n] = '\0';
    return strdup(buf);
}

/* Saved and read back on this boot the witness carries on exactly; read
 * as of another boot it is a floor only. */
static void saved_witness_round_trip(void **state)
{
    (void)state;
    char boot[LF_BOOT_ID_BYTES];
    if (!lf_boot_id(boot))
        skip(); /* no /proc: nothing to tie a witness to */
    char *dir = temp_dir();
    time_t t = real_now();
    int64_t mono = lf_clock_mono_ms();
    struct lf_clock_witness w = witness(t, mono);
    lf_clock_witness_keep(dir, &w);
    char *first = read_text(dir);
    assert_non_null(strstr(first, "\"boot_id\": \""));
    assert_non_null(strstr(first, boot));
    assert_non_null(strstr(first, "\"host\": \"ki.example\""));

    struct lf_saved_witness s;
    assert_true(lf_clock_witness_read(dir, boot, mono + 5000, false, &s));
    assert_true(s.same_boot);
    assert_true(s.w.saved);
    assert_int_equal(s.w.date, t);
    assert_int_equal(s.w.mono_ms, mono);
    assert_string_equal(s.w.host, "ki.example");
    /* a 1970 clock 5 s later: the saved Date plus 5 s, named as saved */
    const char *what;
    time_t fl = floor_of(0, 0, &what);
    struct lf_clock_verdict v;
    lf_clock_judge(0, mono + 5000, fl, what, &s.w, false, &v);
    assert_int_equal(v.source, LF_CLOCK_SERVER_SAVED);
    assert_string_equal(lf_clock_source_name(v.source), "server_saved");
    assert_int_equal(v.offset_ms, (int64_t)t * 1000 + 500 + 5000);
    assert_non_null(strstr(v.why, "saved before a restart on this boot"));
    /* a right clock agrees with it: the system clock */
    lf_clock_judge((int64_t)t * 1000 + 5000, mono + 5000, fl, what, &s.w, false, &v);
    assert_int_equal(v.source, LF_CLOCK_SYSTEM);

    /* another boot: a floor only, never carried on */
    assert_true(lf_clock_witness_read(dir, "00000000-0000-0000-0000-000000000000", 1000, false,
                                      &s));
    assert_false(s.same_boot);
    assert_int_equal(s.w.date, t);
    /* an unknown boot is never the same boot */
    assert_true(lf_clock_witness_read(dir, "", mono + 5000, false, &s));
    assert_false(s.same_boot);

    /* the next look a minute on agrees: the file is not written again */
    struct lf_clock_witness next = witness(t + 60, mono + 60000);
    lf_clock_witness_keep(dir, &next);
    char *second = read_text(dir);
    assert_string_equal(first, second);
    /* a server time that does not carry on from the saved one: saved */
    struct lf_clock_witness jump = witness(t + 7200, mono + 60000);
    lf_clock_witness_keep(dir, &jump);
    assert_true(lf_clock_witness_read(dir, boot, mono + 61000, false, &s));
    assert_int_equal(s.w.date, t + 7200);
    /* older than LF_CLOCK_WITNESS_SAVE_S on the boot clock: saved again */
    struct lf_clock_witness later = witness(t + 7200 + LF_CLOCK_WITNESS_SAVE_S,
                                            mono + 60000 + LF_CLOCK_WITNESS_SAVE_S * 1000LL);
    lf_clock_witness_keep(dir, &later);
    assert_true(lf_clock_witness_read(dir, boot, later.mono_ms, false, &s));
    assert_int_equal(s.w.date, later.date);
    /* another server: saved */
    struct lf_clock_witness other = later;
    snprintf(other.host, sizeof(other.host), "%s", "mirror.example");
    lf_clock_witness_keep(dir, &other);
    assert_true(lf_clock_witness_read(dir, boot, later.mono_ms, false, &s));
    assert_string_equal(s.w.host, "mirror.example");
    free(first);
    free(second);
    remove_dir(dir);
}

/* A witness from before this boot is a floor: the time now is not before
 * it (less the tolerance); nothing is carried on. */
static void saved_witness_from_another_boot_is_a_floor(void **state)
{
    (void)state;
    time_t t = real_now();
    const char *what;
    time_t fl = lf_clock_floor(0, 0, t, &what);
    assert_int_equal(fl, t - LF_CLOCK_TOLERANCE_S);
    assert_non_null(strstr(what, "saved before this boot"));
    struct lf_clock_verdict v;
    /* a clock a day behind the saved time: not believed, no time shown */
    lf_clock_judge((int64_t)(t - DAY) * 1000, 5000, fl, what, NULL, false, &v);
    assert_int_equal(v.source, LF_CLOCK_NONE);
    assert_int_equal(v.offset_ms, 0);
    assert_non_null(strstr(v.why, "saved before this boot"));
    /* a clock after it: believed */
    lf_clock_judge((int64_t)(t + 3600) * 1000, 5000, fl, what, NULL, false, &v);
    assert_int_equal(v.source, LF_CLOCK_SYSTEM);
    /* a floor lower than the others changes nothing */
    time_t created = t + DAY;
    assert_int_equal(lf_clock_floor(created, 0, t, &what), created);
    assert_non_null(strstr(what, "creation"));
}

/* Bad files: ignored, never a time; the log names the file and the field. */
static void bad_saved_witness_files(void **state)
{
    (void)state;
    static const struct {
        const char *text; /* NULL: a folder named clock.json */
        const char *said;
    } cases[] = {
        {"{\"server_date\": ", "clock.json: line 1"},
        {"[1, 2]", "not a JSON object"},
        {"{\"host\": \"a\", \"boot_id\": \"b\", \"boottime_ms\": 5}", "field \"server_date\""},
        {"{\"server_date\": \"yesterday\", \"host\": \"a\", \"boot_id\": \"b\", "
         "\"boottime_ms\": 5}", "field \"server_date\": \"yesterday\" is not a UTC time"},
        {"{\"server_date\": \"1970-01-01T00:00:05Z\", \"host\": \"a\", \"boot_id\": \"b\", "
         "\"boottime_ms\": 5}", "field \"server_date\": 1970-01-01T00:00:05Z is before"},
        {"{\"server_date\": \"2990-01-01T00:00:00Z\", \"host\": \"a\", \"boot_id\": \"b\", "
         "\"boottime_ms\": 5}", "field \"server_date\": 2990-01-01T00:00:00Z is in the far future"},
        {"{\"server_date\": \"@DATE@\", \"host\": \"a\", \"boot_id\": \"b\", "
         "\"boottime_ms\": \"5\"}", "field \"boottime_ms\""},
        {"{\"server_date\": \"@DATE@\", \"host\": \"a\", \"boot_id\": \"b\", "
         "\"boottime_ms\": -5}", "field \"boottime_ms\""},
        {"{\"server_date\": \"@DATE@\", \"host\": \"a\", \"boottime_ms\": 5}", "field \"boot_id\""},
        {"{\"server_date\": \"@DATE@\", \"host\": 7, \"boot_id\": \"b\", \"boottime_ms\": 5}",
         "field \"host\""},
        /* the same boot, but a boot time later than the boot clock now */
        {"{\"server_date\": \"@DATE@\", \"host\": \"a\", \"boot_id\": \"this-boot\", "
         "\"boottime_ms\": 99999999}", "field \"boottime_ms\": 99999999 ms is later than this "
         "boot's clock now (1000 ms)"},
        {NULL, "clock.json: not a file"},
    };
    char date[32];
    time_t t = real_now();
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(date, sizeof(date), "%Y-%m-%dT%H:%M:%SZ", &tm);
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        char *dir = temp_dir();
        if (cases[i].text) {
            char text[512];
            const char *at = strstr(cases[i].text, "@DATE@");
            if (at)
                snprintf(text, sizeof(text), "%.*s%s%s", (int)(at - cases[i].text),
                         cases[i].text, date, at + 6);
            else
                snprintf(text, sizeof(text), "%s", cases[i].text);
            write_text(dir, text);
        } else {
            char path[512];
            snprintf(path, sizeof(path), "%s/" LF_CLOCK_WITNESS_FILE, dir);
            assert_int_equal(mkdir(path, 0755), 0);
        }
        struct log_capture c;
        struct lf_saved_witness s;
        log_capture_begin(&c);
        bool ok = lf_clock_witness_read(dir, "this-boot", 1000, false, &s);
        char *log = log_capture_end(&c);
        if (ok || !strstr(log, cases[i].said) || !strstr(log, dir))
            fail_msg("case %zu: read %d, log: %s", i, ok, log);
        assert_int_equal(s.w.date, 0);
        assert_non_null(strstr(log, "ignored (no time is taken from it)"));
        free(log);
        /* quiet: nothing logged */
        log_capture_begin(&c);
        assert_false(lf_clock_witness_read(dir, "this-boot", 1000, true, &s));
        log = log_capture_end(&c);
        assert_string_equal(log, "");
        free(log);
        /* the sync's next witness replaces a bad file */
        char boot[LF_BOOT_ID_BYTES];
        if (lf_boot_id(boot)) {
            struct lf_clock_witness w = witness(t, lf_clock_mono_ms());
            lf_clock_witness_keep(dir, &w);
            assert_true(lf_clock_witness_read(dir, boot, lf_clock_mono_ms(), false, &s));
            assert_int_equal(s.w.date, t);
        }
        remove_dir(dir);
    }
    /* no file: false, quietly */
    char *dir = temp_dir();
    struct log_capture c;
    struct lf_saved_witness s;
    log_capture_begin(&c);
    assert_false(lf_clock_witness_read(dir, "this-boot", 1000, false, &s));
    char *log = log_capture_end(&c);
    assert_string_equal(log, "");
    free(log);
    remove_dir(dir);
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
        cmocka_unit_test(saved_witness_round_trip),
        cmocka_unit_test(saved_witness_from_another_boot_is_a_floor),
        cmocka_unit_test(bad_saved_witness_files),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
