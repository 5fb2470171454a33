/* The heartbeat in status.json (src/monitor/monitor.h):
 *   - beats that bring only new clocks, a new carousel position and new
 *     proof-of-play counts replace the files every time but do not fsync
 *     them (an SD card wears from an
 *     fsync every 30 s); anything else that changes, or
 *     LF_MONITOR_SYNC_EVERY_S passing, is fsynced at once;
 *   - the frame loop and the sync share one "screen" part: each keeps the
 *     other's keys, and an "on_screen" part of an older version goes;
 *   - a clock set back two years while the kiosk runs: the next beat comes
 *     at once, stamped with the new clock (not two years later);
 *   - the Prometheus content age counts by the time shown (the content
 *     server's while the system clock is wrong), never below 0, and
 *     litfass_clock_wrong says when the system clock is not believed. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <sys/stat.h>
#include <jansson.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core/durable.h"
#include "monitor/monitor.h"
#include "sync/store.h"
#include "support/test_root.h"

#define T0 ((time_t)1795000000) /* 2026-11-18 */

struct fixture {
    char *dir;
    char real[PATH_MAX];
};

/* A state folder of its own for each test, under the program's test_root. */
static int setup(void **state)
{
    static int n;
    char name[32];
    snprintf(name, sizeof(name), "state%d", ++n);
    struct fixture *f = calloc(1, sizeof(*f));
    f->dir = test_dir_made(name);
    if (!realpath(f->dir, f->real))
        return -1;
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    struct fixture *f = *state;
    free(f->dir);
    free(f);
    return 0;
}

/* status.json's "screen" object (caller decrefs the whole file: *root). */
static json_t *screen_part(const char *dir, json_t **root)
{
    char path[PATH_MAX];
    snprintf(path, sizeof(path), "%s/status.json", dir);
    json_error_t e;
    *root = json_load_file(path, 0, &e);
    assert_non_null(*root);
    json_t *sc = json_object_get(*root, LF_STORE_STATUS_SCREEN);
    assert_true(json_is_object(sc));
    return sc;
}

/* Files in dir whose names end in LF_DURABLE_TMP_SUFFIX. */
static int temp_files(const char *dir)
{
    DIR *d = opendir(dir);
    assert_non_null(d);
    int n = 0;
    size_t sl = strlen(LF_DURABLE_TMP_SUFFIX);
    for (struct dirent *e; (e = readdir(d));) {
        size_t l = strlen(e->d_name);
        n += l > sl && strcmp(e->d_name + l - sl, LF_DURABLE_TMP_SUFFIX) == 0;
    }
    closedir(d);
    return n;
}

static struct lf_monitor_screen showing(const struct fixture *f)
{
    return (struct lf_monitor_screen){
        .display_on = true, .last_frame = T0, .bundle_dir = f->dir, .bundle_version = "v1",
        .bundle_serial = 7, .mode = "carousel", .lang = "de", .position = 0, .count = 5,
        .width = 800, .height = 480};
}

static void ticking_beats_are_not_fsynced(void **state)
{
    struct fixture *f = *state;
    struct lf_monitor *m = lf_monitor_create(f->dir, "", "foyer");
    struct lf_monitor_screen s = showing(f);

    unsigned long before = lf_durable_syncs();
    lf_monitor_heartbeat(m, &s, T0, true);
    assert_true(lf_durable_syncs() > before); /* the first beat goes to the disk */

    /* ten minutes of beats, each with a new frame time and slide */
    before = lf_durable_syncs();
    time_t now = T0;
    for (int i = 1; i <= 20; i++) {
        now = T0 + 30 * i;
        s.last_frame = now - 1;
        s.position = (size_t)i % s.count;
        s.item_id = i % 2 ? "beratung" : NULL;
        lf_monitor_slide_shown(m, s.item_id, now); /* proof of play counts each */
        lf_monitor_heartbeat(m, &s, now, true);
        assert_true(now - T0 < LF_MONITOR_SYNC_EVERY_S);
    }
    assert_int_equal(lf_durable_syncs() - before, 0);

    /* ... and yet every beat replaced the file: the last one is there */
    json_t *root;
    json_t *sc = screen_part(f->dir, &root);
    char iso[32];
    assert_string_equal(json_string_value(json_object_get(sc, "heartbeat")),
                        lf_store_iso_utc(now, iso, sizeof(iso)));
    assert_int_equal(json_integer_value(json_object_get(sc, "slide")), 20 % 5 + 1);
    assert_string_equal(json_string_value(json_object_get(sc, "folder")), f->real);
    json_decref(root);
    assert_int_equal(temp_files(f->dir), 0);
    /* proof of play was replaced too: the counts of all 20 slides are in it */
    char path[PATH_MAX];
    snprintf(path, sizeof(path), "%s/" LF_MONITOR_PLAY_NAME, f->dir);
    json_error_t e;
    json_t *plays = json_load_file(path, 0, &e);
    assert_non_null(plays);
    json_int_t counted = 0;
    const char *day;
    json_t *items;
    json_object_foreach(plays, day, items) {
        const char *item;
        json_t *n;
        json_object_foreach(items, item, n) {
            counted += json_integer_value(n);
        }
    }
    assert_int_equal(counted, 20);
    json_decref(plays);

    /* the display going off is news: fsynced at once */
    before = lf_durable_syncs();
    s.display_on = false;
    lf_monitor_heartbeat(m, &s, now + 30, true);
    assert_true(lf_durable_syncs() > before);

    /* unchanged again: nothing until LF_MONITOR_SYNC_EVERY_S has passed */
    time_t synced = now + 30;
    before = lf_durable_syncs();
    lf_monitor_heartbeat(m, &s, synced + 30, true);
    lf_monitor_heartbeat(m, &s, synced + LF_MONITOR_SYNC_EVERY_S - 1, true);
    assert_int_equal(lf_durable_syncs() - before, 0);
    lf_monitor_heartbeat(m, &s, synced + LF_MONITOR_SYNC_EVERY_S, true);
    assert_true(lf_durable_syncs() > before);

    /* a new bundle on screen is news too */
    before = lf_durable_syncs();
    s.bundle_version = "v2";
    s.bundle_serial = 8;
    lf_monitor_heartbeat(m, &s, synced + LF_MONITOR_SYNC_EVERY_S + 30, true);
    assert_true(lf_durable_syncs() > before);

    /* the last beat at a stop says up: false, durably */
    before = lf_durable_syncs();
    lf_monitor_destroy(m);
    assert_true(lf_durable_syncs() > before);
    sc = screen_part(f->dir, &root);
    assert_true(json_is_false(json_object_get(sc, "up")));
    /* the stop's beat knows no folder: the one on screen stays named */
    assert_string_equal(json_string_value(json_object_get(sc, "folder")), f->real);
    json_decref(root);
}

static void one_screen_part_for_sync_and_heartbeat(void **state)
{
    struct fixture *f = *state;
    /* a status.json of an older version, with its separate "on_screen" */
    char path[PATH_MAX];
    snprintf(path, sizeof(path), "%s/status.json", f->dir);
    test_write_text(path,
                    "{\"installed_id\": \"0123456789abcdef\", \"on_screen\": {\"source\": \"sample\"}}\n");

    struct lf_store_screen sync = {.source = "installed", .since = T0};
    snprintf(sync.id, sizeof(sync.id), "0123456789abcdef");
    snprintf(sync.version, sizeof(sync.version), "v1");
    snprintf(sync.folder, sizeof(sync.folder), "%s", f->real);
    assert_true(lf_store_write_screen(f->dir, &sync));

    struct lf_monitor *m = lf_monitor_create(f->dir, "", "foyer");
    struct lf_monitor_screen s = showing(f);
    lf_monitor_heartbeat(m, &s, T0 + 60, true);

    json_t *root;
    json_t *sc = screen_part(f->dir, &root);
    assert_null(json_object_get(root, "on_screen"));
    assert_string_equal(json_string_value(json_object_get(root, "installed_id")),
                        "0123456789abcdef");
    /* the sync's keys stayed beside the heartbeat's */
    assert_string_equal(json_string_value(json_object_get(sc, "source")), "installed");
    assert_string_equal(json_string_value(json_object_get(sc, "id")), "0123456789abcdef");
    assert_non_null(json_string_value(json_object_get(sc, "since")));
    assert_string_equal(json_string_value(json_object_get(sc, "name")), "foyer");
    assert_int_equal(json_integer_value(json_object_get(sc, "serial")), 7);
    assert_non_null(json_string_value(json_object_get(sc, "heartbeat")));
    json_decref(root);

    /* and the heartbeat's stay when the sync writes again */
    sync.source = "previous";
    snprintf(sync.note, sizeof(sync.note), "the installed bundle is damaged");
    assert_true(lf_store_write_screen(f->dir, &sync));
    sc = screen_part(f->dir, &root);
    assert_string_equal(json_string_value(json_object_get(sc, "source")), "previous");
    assert_string_equal(json_string_value(json_object_get(sc, "note")),
                        "the installed bundle is damaged");
    assert_string_equal(json_string_value(json_object_get(sc, "name")), "foyer");
    assert_true(json_is_true(json_object_get(sc, "up")));
    json_decref(root);

    /* `litfass status` reads the one part */
    struct lf_health h;
    char report[2048];
    lf_monitor_health(f->dir, false, T0 + 70, &h, report, sizeof(report));
    assert_true(h.healthy);
    assert_non_null(strstr(report, "(previous), version v1, serial 7"));
    assert_non_null(strstr(report, f->real));
    lf_monitor_destroy(m);
}

/* A FIFO as status.json or proof-of-play.json: json_load_file() waited in
 * open() for a writer, so `litfass status` and the kiosk's start hung.
 * Now each is ignored as not a file: the kiosk starts and beats (its
 * heartbeat replaces the FIFO), status says there is no heartbeat. */
static void a_fifo_in_the_state_folder(void **state)
{
    struct fixture *f = *state;
    char status[PATH_MAX], plays[PATH_MAX];
    snprintf(status, sizeof(status), "%s/status.json", f->dir);
    snprintf(plays, sizeof(plays), "%s/%s", f->dir, LF_MONITOR_PLAY_NAME);
    assert_int_equal(mkfifo(status, 0600), 0);
    assert_int_equal(mkfifo(plays, 0600), 0);

    struct lf_health h;
    char report[2048];
    lf_monitor_health(f->dir, false, T0, &h, report, sizeof(report));
    assert_false(h.healthy);
    assert_non_null(strstr(h.problems, "has no heartbeat of a kiosk"));

    struct lf_monitor *m = lf_monitor_create(f->dir, "", "foyer");
    struct lf_monitor_screen s = showing(f);
    lf_monitor_heartbeat(m, &s, T0 + 60, true);
    lf_monitor_destroy(m);
    struct stat st;
    assert_int_equal(stat(status, &st), 0);
    assert_true(S_ISREG(st.st_mode));
    json_t *root;
    json_t *sc = screen_part(f->dir, &root);
    assert_non_null(sc);
    json_decref(root);
}

/* The clock set back by two years between two beats (an RTC battery, an
 * admin's date command, NTP after a clock that ran ahead): the heartbeat
 * is due at once and written with the clock as it is now; waiting for the
 * old next_beat would leave status.json's heartbeat two years ahead, and
 * `litfass status` would find none for two years. Forward again: at once
 * as well (the plain case). */
static void a_clock_set_back_beats_at_once(void **state)
{
    struct fixture *f = *state;
    struct lf_monitor *m = lf_monitor_create(f->dir, "", "foyer");
    struct lf_monitor_screen s = showing(f);
    const time_t ahead = T0 + 2 * 366 * 86400;
    s.last_frame = ahead;
    lf_monitor_heartbeat(m, &s, ahead, true);
    assert_int_equal(lf_monitor_due_in(m, ahead), LF_MONITOR_HEARTBEAT_S);
    /* back to T0: due now, and the beat (not forced) writes T0 */
    assert_int_equal(lf_monitor_due_in(m, T0), 0);
    s.last_frame = T0;
    lf_monitor_heartbeat(m, &s, T0, false);
    json_t *root;
    json_t *sc = screen_part(f->dir, &root);
    assert_string_equal(json_string_value(json_object_get(sc, "heartbeat")),
                        "2026-11-18T11:06:40Z");
    json_decref(root);
    assert_int_equal(lf_monitor_due_in(m, T0), LF_MONITOR_HEARTBEAT_S);
    /* and ahead again */
    lf_monitor_heartbeat(m, &s, ahead + 1, false);
    sc = screen_part(f->dir, &root);
    assert_string_equal(json_string_value(json_object_get(sc, "heartbeat")),
                        "2028-11-19T11:06:41Z");
    json_decref(root);
    lf_monitor_destroy(m);
}

/* The value of metric `name` in the textfile at path; -1e18 when missing. */
static double metric(const char *path, const char *name)
{
    FILE *fp = fopen(path, "r");
    assert_non_null(fp);
    char line[512];
    double v = -1e18;
    size_t n = strlen(name);
    while (fgets(line, sizeof(line), fp))
        if (strncmp(line, name, n) == 0 && line[n] == '{')
            v = strtod(strchr(line, '}') + 1, NULL);
    fclose(fp);
    return v;
}

/* Installed at T0, then the system clock set back two years: the age was
 * now - installed, two years below 0. With the server's time shown (the
 * clock witness) the age is counted by it; without it, 0 and the clock is
 * named wrong. A clock right again: the age by it, clock_wrong 0. */
static void content_age_never_below_zero(void **state)
{
    struct fixture *f = *state;
    char prom[PATH_MAX];
    snprintf(prom, sizeof(prom), "%s/litfass.prom", f->dir);
    struct lf_monitor *m = lf_monitor_create(f->dir, prom, "foyer");
    struct lf_monitor_screen s = showing(f);
    s.content_since = T0;
    const time_t back = T0 - 2 * 365 * 86400;
    s.last_frame = back;
    s.clock_problem = "clock wrong: the system clock says 2024-11-18, the content server "
                      "127.0.0.1 says 2026-11-18 ...: showing the server's time";
    s.clock_source = "server";
    s.time_shown = T0 + 600; /* the server's time: ten minutes after the install */
    lf_monitor_heartbeat(m, &s, back, true);
    assert_true(metric(prom, "litfass_content_age_seconds") == 600);
    assert_true(metric(prom, "litfass_clock_wrong") == 1);
    /* no server's time to count by: not known, 0, never -63072000 */
    s.time_shown = 0;
    s.clock_source = "none";
    s.clock_problem = "clock not set: it says 2024-11-18 ...";
    lf_monitor_heartbeat(m, &s, back + 1, true);
    assert_true(metric(prom, "litfass_content_age_seconds") == 0);
    assert_true(metric(prom, "litfass_clock_wrong") == 1);
    /* the clock right again */
    s.clock_source = "system";
    s.clock_problem = "";
    s.last_frame = T0 + 3600;
    lf_monitor_heartbeat(m, &s, T0 + 3600, true);
    assert_true(metric(prom, "litfass_content_age_seconds") == 3600);
    assert_true(metric(prom, "litfass_clock_wrong") == 0);
    lf_monitor_destroy(m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(ticking_beats_are_not_fsynced, setup, teardown),
        cmocka_unit_test_setup_teardown(one_screen_part_for_sync_and_heartbeat, setup, teardown),
        cmocka_unit_test_setup_teardown(a_fifo_in_the_state_folder, setup, teardown),
        cmocka_unit_test_setup_teardown(a_clock_set_back_beats_at_once, setup, teardown),
        cmocka_unit_test_setup_teardown(content_age_never_below_zero, setup, teardown),
    };
    return cmocka_run_group_tests(tests, test_root_setup, test_root_teardown);
}
