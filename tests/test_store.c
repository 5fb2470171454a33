/* Content store: install and atomic switch, previous kept, leftovers
 * removed at open, the lock, the fallback chain at start, and durable
 * state.json / status.json. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <jansson.h>

#include "core/civil_time.h"
#include "core/durable.h"
#include "core/xalloc.h"
#include "sync/store.h"
#include "support/test_root.h"

#define ID_A "aaaaaaaaaaaaaaaa"
#define ID_B "bbbbbbbbbbbbbbbb"
#define ID_C "cccccccccccccccc"

/* A valid bundle whose organisation is `name`, so each is told apart. */
static void write_bundle(const char *dir, const char *name)
{
    char *manifest = lf_xasprintf("%s/content.json", dir);
    char *text = lf_xasprintf("{\"format\": 1, \"organisation\": \"%s\", \"items\": []}\n", name);
    test_write_text(manifest, text);
    free(text);
    free(manifest);
}

/* Stages a bundle called `name` and installs it as `id`. */
static void install(struct lf_store *s, const char *name, const char *id)
{
    char *staging = NULL;
    char err[LF_STORE_ERROR_BYTES];
    assert_true(lf_store_stage(s, &staging, err, sizeof(err)));
    write_bundle(staging, name);
    char dir[PATH_MAX];
    if (!lf_store_install(s, staging, id, dir, sizeof(dir), err, sizeof(err)))
        fail_msg("install %s failed: %s", id, err);
    assert_non_null(strstr(dir, id));
    assert_int_equal(access(staging, F_OK), -1); /* moved away */
    free(staging);
}

/* The target of cache/name, or "" */
static void link_of(const char *cache, const char *name, char *out, size_t size)
{
    char *path = lf_xasprintf("%s/%s", cache, name);
    ssize_t n = readlink(path, out, size - 1);
    out[n < 0 ? 0 : n] = '\0';
    free(path);
}

/* The names in a folder, sorted, joined with spaces. */
static char *names_in(const char *dir)
{
    struct dirent **list;
    int n = scandir(dir, &list, NULL, alphasort);
    char *out = lf_xstrdup("");
    for (int i = 0; i < n; i++) {
        if (list[i]->d_name[0] != '.') {
            char *next = lf_xasprintf("%s%s%s", out, out[0] ? " " : "", list[i]->d_name);
            free(out);
            out = next;
        }
        free(list[i]);
    }
    if (n >= 0)
        free(list);
    return out;
}

static void install_switches_and_keeps_previous(void **state)
{
    (void)state;
    char *cache = test_dir("install");
    char err[LF_STORE_ERROR_BYTES];
    struct lf_store *s = lf_store_open(cache, err, sizeof(err));
    assert_non_null(s);
    char id[LF_STORE_ID_CHARS + 1];
    assert_false(lf_store_current(s, id, NULL, 0));

    static const struct {
        const char *name, *id;
        const char *current, *previous, *bundles;
    } steps[] = {
        {"A", ID_A, "bundles/" ID_A, "", ID_A},
        {"B", ID_B, "bundles/" ID_B, "bundles/" ID_A, ID_A " " ID_B},
        {"C", ID_C, "bundles/" ID_C, "bundles/" ID_B, ID_B " " ID_C},
        /* going back to the previous content reuses its id */
        {"B", ID_B, "bundles/" ID_B, "bundles/" ID_C, ID_B " " ID_C},
    };
    for (size_t i = 0; i < sizeof(steps) / sizeof(steps[0]); i++) {
        install(s, steps[i].name, steps[i].id);
        char target[PATH_MAX];
        link_of(cache, "current", target, sizeof(target));
        assert_string_equal(target, steps[i].current);
        link_of(cache, "previous", target, sizeof(target));
        assert_string_equal(target, steps[i].previous);
        char *bundles = lf_xasprintf("%s/bundles", cache);
        char *names = names_in(bundles);
        assert_string_equal(names, steps[i].bundles);
        free(names);
        free(bundles);
        /* nothing else lies around: no staging, no temp links */
        names = names_in(cache);
        assert_string_equal(names, steps[i].previous[0] ? "bundles current lock previous"
                                                        : "bundles current lock");
        free(names);
        char dir[PATH_MAX];
        assert_true(lf_store_current(s, id, dir, sizeof(dir)));
        assert_string_equal(id, steps[i].id);
        char *manifest = lf_xasprintf("%s/content.json", dir);
        char *text = test_read_text(manifest, NULL);
        char *want = lf_xasprintf("\"organisation\": \"%s\"", steps[i].name);
        assert_non_null(strstr(text, want));
        free(want);
        free(text);
        free(manifest);
    }

    /* installing what is current again is a repair (issue 11): the fresh
     * copy goes into a second folder, `previous` stays */
    char *staging = NULL;
    char target[PATH_MAX], dir[PATH_MAX];
    assert_true(lf_store_stage(s, &staging, err, sizeof(err)));
    write_bundle(staging, "B");
    assert_true(lf_store_install(s, staging, ID_B, dir, sizeof(dir), err, sizeof(err)));
    free(staging);
    link_of(cache, "current", target, sizeof(target));
    assert_string_equal(target, "bundles/" ID_B "-r");
    link_of(cache, "previous", target, sizeof(target));
    assert_string_equal(target, "bundles/" ID_C);
    char *bundles = lf_xasprintf("%s/bundles", cache);
    char *names = names_in(bundles);
    assert_string_equal(names, ID_B "-r " ID_C); /* the damaged copy is gone: not on screen */
    free(names);
    assert_true(lf_store_current(s, id, NULL, 0));
    assert_string_equal(id, ID_B);
    /* the kiosk shows the repaired copy; a second repair keeps it */
    assert_true(lf_store_set_shown(s, dir));
    assert_true(lf_store_stage(s, &staging, err, sizeof(err)));
    write_bundle(staging, "B");
    assert_true(lf_store_install(s, staging, ID_B, NULL, 0, err, sizeof(err)));
    free(staging);
    link_of(cache, "current", target, sizeof(target));
    assert_string_equal(target, "bundles/" ID_B);
    link_of(cache, "shown", target, sizeof(target));
    assert_string_equal(target, "bundles/" ID_B "-r");
    names = names_in(bundles);
    assert_string_equal(names, ID_B " " ID_B "-r " ID_C);
    free(names);
    /* a third would need the folder on screen: refused, nothing removed */
    assert_true(lf_store_stage(s, &staging, err, sizeof(err)));
    write_bundle(staging, "B");
    assert_false(lf_store_install(s, staging, ID_B, NULL, 0, err, sizeof(err)));
    assert_non_null(strstr(err, "still on screen"));
    assert_int_equal(access(staging, F_OK), -1);
    free(staging);
    names = names_in(bundles);
    assert_string_equal(names, ID_B " " ID_B "-r " ID_C);
    free(names);
    /* the kiosk shows the sample: nothing is pinned any more */
    assert_true(lf_store_set_shown(s, "/usr/share"));
    char *shown = lf_xasprintf("%s/shown", cache);
    assert_int_equal(access(shown, F_OK), -1);
    free(shown);
    free(bundles);
    /* a bad id too */
    assert_true(lf_store_stage(s, &staging, err, sizeof(err)));
    assert_false(lf_store_install(s, staging, "../../etc", NULL, 0, err, sizeof(err)));
    assert_int_equal(access(staging, F_OK), -1);
    free(staging);
    link_of(cache, "current", target, sizeof(target));
    assert_string_equal(target, "bundles/" ID_B);

    lf_store_close(s);
    free(cache);
}

static void open_removes_leftovers_and_locks(void **state)
{
    (void)state;
    char *cache = test_dir("leftovers");
    char err[LF_STORE_ERROR_BYTES];
    struct lf_store *s = lf_store_open(cache, err, sizeof(err));
    assert_non_null(s);
    install(s, "A", ID_A);
    install(s, "B", ID_B);

    /* a second opener (another process, or the kiosk's worker) is refused */
    err[0] = '\0';
    assert_null(lf_store_open(cache, err, sizeof(err)));
    assert_non_null(strstr(err, "in use by another litfass sync"));
    lf_store_close(s);

    /* what an interrupted install leaves: a half download, temp links,
     * a temp status file, a bundle moved in but never switched to */
    static const char *const dirs[] = {"staging-x1Y2z3", "staging-x1Y2z3/images",
                                       "bundles/dddddddddddddddd", "bundles/junk"};
    for (size_t i = 0; i < sizeof(dirs) / sizeof(dirs[0]); i++) {
        char *p = lf_xasprintf("%s/%s", cache, dirs[i]);
        assert_int_equal(mkdir(p, 0755), 0);
        free(p);
    }
    static const char *const files[] = {"staging-x1Y2z3/images/a.png",
                                        "bundles/dddddddddddddddd/content.json",
                                        "status.json.Ab12Cd.tmp"};
    for (size_t i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
        char *p = lf_xasprintf("%s/%s", cache, files[i]);
        test_write_text(p, "x");
        free(p);
    }
    char *tmp_link = lf_xasprintf("%s/current.tmp", cache);
    assert_int_equal(symlink("bundles/dddddddddddddddd", tmp_link), 0);
    free(tmp_link);
    /* another writer's temp file: one untouched for longer than the named
     * limit is a leftover; a fresh one (the monitor's proof-of-play.json
     * being written on another thread right now) must survive */
    char *old_tmp = lf_xasprintf("%s/status.json.Ab12Cd.tmp", cache);
    struct timespec old_times[2] = {
        {.tv_sec = time(NULL) - LF_STORE_FOREIGN_TMP_STALE_S - 60, .tv_nsec = 0},
        {.tv_sec = time(NULL) - LF_STORE_FOREIGN_TMP_STALE_S - 60, .tv_nsec = 0}};
    assert_int_equal(utimensat(AT_FDCWD, old_tmp, old_times, 0), 0);
    free(old_tmp);
    char *fresh_tmp = lf_xasprintf("%s/proof-of-play.json.Qw34Er.tmp", cache);
    test_write_text(fresh_tmp, "{\"half\": ");
    /* almost stale, but not quite: still someone's write */
    struct timespec near_times[2] = {
        {.tv_sec = time(NULL) - LF_STORE_FOREIGN_TMP_STALE_S + 60, .tv_nsec = 0},
        {.tv_sec = time(NULL) - LF_STORE_FOREIGN_TMP_STALE_S + 60, .tv_nsec = 0}};
    char *near_tmp = lf_xasprintf("%s/state.json.Zx56Cv.tmp", cache);
    test_write_text(near_tmp, "x");
    assert_int_equal(utimensat(AT_FDCWD, near_tmp, near_times, 0), 0);
    free(near_tmp);

    /* a fresh temp file of a process that has ended (a killed sync run):
     * a leftover at once; a fresh one of a running process stays */
    pid_t child = fork();
    assert_true(child >= 0);
    if (child == 0)
        _exit(0);
    assert_int_equal(waitpid(child, NULL, 0), child);
    char *dead_name = lf_xasprintf("status.json.%ld-Kx12Ab.tmp", (long)child);
    assert_true(lf_durable_tmp_orphaned(dead_name));
    char *dead_tmp = lf_xasprintf("%s/%s", cache, dead_name);
    test_write_text(dead_tmp, "{\"half\": ");
    free(dead_tmp);
    free(dead_name);
    char *alive_name = lf_xasprintf("status.json.%ld-Lm34Cd.tmp", (long)getppid());
    assert_false(lf_durable_tmp_orphaned(alive_name));
    char *alive_tmp = lf_xasprintf("%s/%s", cache, alive_name);
    test_write_text(alive_tmp, "{\"half\": ");
    assert_false(lf_durable_tmp_orphaned("status.json.Ab12Cd.tmp"));
    assert_false(lf_durable_tmp_orphaned("status.json"));

    s = lf_store_open(cache, err, sizeof(err));
    assert_non_null(s);
    char *names = names_in(cache);
    char *expected = lf_xasprintf("bundles current lock previous proof-of-play.json.Qw34Er.tmp "
                                  "state.json.Zx56Cv.tmp %s", alive_name);
    assert_string_equal(names, expected);
    free(expected);
    assert_int_equal(unlink(alive_tmp), 0);
    free(alive_tmp);
    free(alive_name);
    free(names);
    /* the other writer finishes its write: the file is whole, not gone */
    char *pop = lf_xasprintf("%s/proof-of-play.json", cache);
    assert_int_equal(rename(fresh_tmp, pop), 0);
    free(pop);
    free(fresh_tmp);
    char *bundles = lf_xasprintf("%s/bundles", cache);
    names = names_in(bundles);
    assert_string_equal(names, ID_A " " ID_B);
    free(names);
    free(bundles);
    lf_store_close(s);
    free(cache);
}

static void choose_falls_back(void **state)
{
    (void)state;
    char *cache = test_dir("choose");
    char *sample = lf_xasprintf("%s/sample", test_root);
    assert_true(lf_make_dirs(sample));
    write_bundle(sample, "Sample");
    char err[LF_STORE_ERROR_BYTES];
    char out[PATH_MAX];
    time_t at = -1;

    /* nothing installed (the cache folder does not even exist): the sample */
    assert_true(lf_store_choose(cache, sample, out, sizeof(out), &at, NULL));
    assert_string_equal(out, sample);
    assert_int_equal(at, 0);

    struct lf_store *s = lf_store_open(cache, err, sizeof(err));
    assert_non_null(s);
    install(s, "A", ID_A);
    install(s, "B", ID_B);
    lf_store_close(s);
    struct lf_store_state st = {.installed_at = 1800000000};
    snprintf(st.installed_id, sizeof(st.installed_id), "%s", ID_B);
    assert_true(lf_store_write_state(cache, &st));

    /* the current one, with its install time from state.json */
    char *real_b = lf_xasprintf("%s/bundles/%s", cache, ID_B);
    char *want_b = realpath(real_b, NULL);
    assert_true(lf_store_choose(cache, sample, out, sizeof(out), &at, NULL));
    assert_string_equal(out, want_b);
    assert_int_equal(at, 1800000000);

    /* current damaged: the previous one */
    char *manifest_b = lf_xasprintf("%s/content.json", real_b);
    test_write_text(manifest_b, "{\"format\": 1, \"organisation\": ");
    char *real_a = lf_xasprintf("%s/bundles/%s", cache, ID_A);
    char *want_a = realpath(real_a, NULL);
    assert_true(lf_store_choose(cache, sample, out, sizeof(out), &at, NULL));
    assert_string_equal(out, want_a);
    assert_true(at > 0); /* from the manifest's time, not B's state */
    assert_int_not_equal(at, 1800000000);

    /* both damaged (previous gone entirely): the sample */
    assert_true(lf_remove_tree(real_a));
    assert_true(lf_store_choose(cache, sample, out, sizeof(out), &at, NULL));
    assert_string_equal(out, sample);

    /* the sample damaged too: nothing, and the sample's problem is listed */
    char *manifest_s = lf_xasprintf("%s/content.json", sample);
    test_write_text(manifest_s, "[]");
    struct lf_diags *d = lf_diags_create();
    assert_false(lf_store_choose(cache, sample, out, sizeof(out), &at, d));
    assert_int_equal(lf_diags_errors(d), 1);
    assert_non_null(strstr(lf_diags_get(d, 0)->file, "sample/content.json"));
    lf_diags_destroy(d);

    free(manifest_s);
    free(manifest_b);
    free(want_a);
    free(real_a);
    free(want_b);
    free(real_b);
    free(sample);
    free(cache);
}

static void state_and_status_round_trip(void **state)
{
    (void)state;
    char *cache = test_dir("state");
    assert_true(lf_make_dirs(cache));

    /* missing files: empty, not an error */
    struct lf_store_state st;
    lf_store_read_state(cache, &st);
    assert_string_equal(st.installed_id, "");
    assert_int_equal(st.installed_at, 0);

    struct lf_store_state w = {.installed_at = 1795000000};
    snprintf(w.url, sizeof(w.url), "https://example.org/ki/content.json");
    snprintf(w.etag, sizeof(w.etag), "\"5f3a-1b\"");
    snprintf(w.last_modified, sizeof(w.last_modified), "Mon, 23 Nov 2026 09:00:00 GMT");
    snprintf(w.installed_id, sizeof(w.installed_id), "0123456789abcdef");
    snprintf(w.installed_version, sizeof(w.installed_version), "2026-11-23.1");
    assert_true(lf_store_write_state(cache, &w));
    lf_store_read_state(cache, &st);
    assert_string_equal(st.url, w.url);
    assert_string_equal(st.etag, w.etag);
    assert_string_equal(st.last_modified, w.last_modified);
    assert_string_equal(st.installed_id, w.installed_id);
    assert_string_equal(st.installed_version, w.installed_version);
    assert_int_equal(st.installed_at, w.installed_at);

    struct lf_store_status ws = {
        .last_attempt = 1795000100,
        .consecutive_failures = 3,
        .failing_since = 1795000000,
        .next_attempt = 1795000220,
    };
    snprintf(ws.last_error, sizeof(ws.last_error),
             "https://example.org/ki/content.json: HTTP 503 (retry after 120 s)");
    snprintf(ws.url, sizeof(ws.url), "https://example.org/ki/content.json");
    assert_true(lf_store_write_status(cache, &ws));

    /* exactly the documented keys, in order, nulls for what is unknown */
    char *path = lf_xasprintf("%s/status.json", cache);
    json_error_t e;
    json_t *j = json_load_file(path, 0, &e);
    assert_non_null(j);
    static const char *const keys[] = {"last_attempt", "last_success", "installed_id",
                                       "installed_version", "installed_at", "last_error",
                                       "consecutive_failures", "failing_since",
                                       "next_attempt", "url"};
    assert_int_equal(json_object_size(j), 10);
    for (size_t i = 0; i < 10; i++)
        assert_non_null(json_object_get(j, keys[i]));
    assert_string_equal(json_string_value(json_object_get(j, "last_attempt")),
                        "2026-11-18T11:08:20Z");
    assert_true(json_is_null(json_object_get(j, "last_success")));
    assert_true(json_is_null(json_object_get(j, "installed_id")));
    assert_int_equal(json_integer_value(json_object_get(j, "consecutive_failures")), 3);
    assert_string_equal(json_string_value(json_object_get(j, "last_error")), ws.last_error);
    json_decref(j);

    struct lf_store_status rs;
    lf_store_read_status(cache, &rs);
    assert_int_equal(rs.last_attempt, ws.last_attempt);
    assert_int_equal(rs.last_success, 0);
    assert_int_equal(rs.next_attempt, ws.next_attempt);
    assert_int_equal(rs.consecutive_failures, 3);
    assert_int_equal(rs.failing_since, ws.failing_since);
    assert_string_equal(rs.last_error, ws.last_error);
    assert_string_equal(rs.url, ws.url);

    /* no temp file stays behind; a second write replaces the first */
    ws.last_error[0] = '\0';
    ws.consecutive_failures = 0;
    assert_true(lf_store_write_status(cache, &ws));
    lf_store_read_status(cache, &rs);
    assert_string_equal(rs.last_error, "");
    char *names = names_in(cache);
    assert_string_equal(names, "state.json status.json");
    free(names);

    /* a broken file reads as empty */
    test_write_text(path, "{\"last_attempt\": ");
    lf_store_read_status(cache, &rs);
    assert_int_equal(rs.last_attempt, 0);
    free(path);
    free(cache);
}

static void durable_write_replaces_whole_file(void **state)
{
    (void)state;
    char *dir = test_dir("durable");
    char *path = lf_xasprintf("%s/sub/file.txt", dir);
    /* a missing folder: refused, nothing created */
    assert_false(lf_durable_write(path, "abc", 3, 0644));
    char *sub = lf_xasprintf("%s/sub", dir);
    assert_true(lf_make_dirs(sub));
    assert_true(lf_durable_write(path, "first version", 13, 0600));
    assert_true(lf_durable_write(path, "second", 6, 0644));
    char *text = test_read_text(path, NULL);
    assert_string_equal(text, "second");
    struct stat st;
    assert_int_equal(stat(path, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0644);
    char *names = names_in(sub);
    assert_string_equal(names, "file.txt");
    /* remove_tree does not follow links out of the tree */
    char *outside = lf_xasprintf("%s/outside.txt", dir);
    test_write_text(outside, "keep");
    char *link = lf_xasprintf("%s/link", sub);
    assert_int_equal(symlink(outside, link), 0);
    assert_true(lf_fsync_tree(sub));
    assert_true(lf_remove_tree(sub));
    assert_int_equal(access(sub, F_OK), -1);
    assert_int_equal(access(outside, F_OK), 0);
    assert_true(lf_remove_tree(sub)); /* missing is fine */
    free(link);
    free(outside);
    free(names);
    free(text);
    free(sub);
    free(path);
    free(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(install_switches_and_keeps_previous),
        cmocka_unit_test(open_removes_leftovers_and_locks),
        cmocka_unit_test(choose_falls_back),
        cmocka_unit_test(state_and_status_round_trip),
        cmocka_unit_test(durable_write_replaces_whole_file),
    };
    return cmocka_run_group_tests(tests, test_root_setup, test_root_teardown);
}
