#include "sync/clock_witness.h"

#include <errno.h>
#include <stdarg.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <jansson.h>

#include "core/civil_time.h"
#include "core/durable.h"
#include "core/xalloc.h"

#define BOOT_ID_PATH "/proc/sys/kernel/random/boot_id"

bool lf_boot_id(char out[LF_BOOT_ID_BYTES])
{
    out[0] = '\0';
    int fd = open(BOOT_ID_PATH, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    char buf[64];
    ssize_t n = read(fd, buf, sizeof(buf) - 1);
    close(fd);
    if (n <= 0)
        return false;
    buf[n] = '\0';
    size_t len = strcspn(buf, "\r\n \t");
    if (len == 0 || len >= LF_BOOT_ID_BYTES)
        return false;
    memcpy(out, buf, len);
    out[len] = '\0';
    return true;
}

/* Logged once per read unless quiet; always false, for `return bad(...)`. */
static bool LF_PRINTF(3, 4) bad(bool quiet, const char *path, const char *fmt, ...)
{
    if (quiet)
        return false;
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    lf_warn("%s: %s; ignored (no time is taken from it)", path, msg);
    return false;
}

static bool read_file_json(const char *path, bool quiet, json_t **root)
{
    *root = NULL;
    struct stat st;
    if (lstat(path, &st) != 0)
        return errno == ENOENT ? false : bad(quiet, path, "cannot be read: %s", strerror(errno));
    if (!S_ISREG(st.st_mode))
        return bad(quiet, path, "not a file");
    if (st.st_size > LF_CLOCK_WITNESS_MAX_BYTES)
        return bad(quiet, path, "larger than %d bytes", LF_CLOCK_WITNESS_MAX_BYTES);
    json_error_t e;
    *root = json_load_file(path, JSON_REJECT_DUPLICATES, &e);
    if (!*root)
        return bad(quiet, path, "line %d: %s", e.line, e.text);
    if (!json_is_object(*root)) {
        json_decref(*root);
        *root = NULL;
        return bad(quiet, path, "not a JSON object");
    }
    return true;
}

bool lf_clock_witness_read(const char *cache_dir, const char *boot_id, int64_t mono_now_ms,
                           bool quiet, struct lf_saved_witness *out)
{
    memset(out, 0, sizeof(*out));
    char *path = lf_xasprintf("%s/" LF_CLOCK_WITNESS_FILE, cache_dir);
    json_t *root;
    bool ok = read_file_json(path, quiet, &root);
    if (!ok)
        goto done;
    ok = false;
    const char *date_s = json_string_value(json_object_get(root, "server_date"));
    json_t *boottime = json_object_get(root, "boottime_ms");
    const char *boot = json_string_value(json_object_get(root, "boot_id"));
    const char *host = json_string_value(json_object_get(root, "host"));
    time_t date;
    time_t build_floor = lf_build_time() - LF_CLOCK_BUILD_SLACK_S;
    if (!date_s) {
        bad(quiet, path, "field \"server_date\" is missing or not a string");
    } else if (!lf_parse_datetime(date_s, &date) || date_s[strlen(date_s) - 1] != 'Z') {
        bad(quiet, path, "field \"server_date\": \"%.64s\" is not a UTC time "
            "(\"2026-12-02T07:50:00Z\")", date_s);
    } else if (date < build_floor) {
        bad(quiet, path, "field \"server_date\": %.64s is before this program's build less a "
            "year", date_s);
    } else if ((long long)date - (long long)lf_build_time() > LF_CLOCK_WITNESS_MAX_AHEAD_S) {
        bad(quiet, path, "field \"server_date\": %.64s is in the far future", date_s);
    } else if (!json_is_integer(boottime) || json_integer_value(boottime) < 0) {
        bad(quiet, path, "field \"boottime_ms\" is missing or not a whole number of "
            "milliseconds (0 or more)");
    } else if (!boot || !boot[0] || strlen(boot) >= LF_BOOT_ID_BYTES) {
        bad(quiet, path, "field \"boot_id\" is missing or not a boot id (%s)", BOOT_ID_PATH);
    } else if (!host || strlen(host) >= LF_CLOCK_HOST_BYTES) {
        bad(quiet, path, "field \"host\" is missing, not a string or longer than %d bytes",
            LF_CLOCK_HOST_BYTES - 1);
    } else {
        bool same = boot_id[0] && strcmp(boot, boot_id) == 0;
        int64_t at = (int64_t)json_integer_value(boottime);
        if (same && at > mono_now_ms) {
            bad(quiet, path, "field \"boottime_ms\": %lld ms is later than this boot's clock "
                "now (%lld ms): it cannot be from this boot", (long long)at,
                (long long)mono_now_ms);
        } else {
            out->w.date = date;
            out->w.mono_ms = at;
            out->w.saved = true;
            snprintf(out->w.host, sizeof(out->w.host), "%s", host);
            out->same_boot = same;
            ok = true;
        }
    }
    json_decref(root);
done:
    free(path);
    return ok;
}

bool lf_clock_witness_load(const char *cache_dir, bool quiet, struct lf_saved_witness *out)
{
    char boot[LF_BOOT_ID_BYTES];
    (void)lf_boot_id(boot);
    return lf_clock_witness_read(cache_dir, boot, lf_clock_mono_ms(), quiet, out);
}

/* True when the saved witness s carries on to w: the same boot and host,
 * younger than LF_CLOCK_WITNESS_SAVE_S, and both Dates agreeing. */
static bool carries_on(const struct lf_saved_witness *s, const struct lf_clock_witness *w)
{
    if (!s->same_boot || strcmp(s->w.host, w->host) != 0 || w->mono_ms < s->w.mono_ms ||
        w->mono_ms - s->w.mono_ms >= (int64_t)LF_CLOCK_WITNESS_SAVE_S * 1000)
        return false;
    int64_t carried = (int64_t)s->w.date * 1000 + (w->mono_ms - s->w.mono_ms);
    return llabs(carried - (int64_t)w->date * 1000) <= (int64_t)LF_CLOCK_TOLERANCE_S * 1000;
}

void lf_clock_witness_keep(const char *cache_dir, const struct lf_clock_witness *w)
{
    if (!cache_dir[0] || w->date <= 0)
        return;
    char boot[LF_BOOT_ID_BYTES];
    if (!lf_boot_id(boot)) {
        lf_debug("clock: %s unreadable: the server's time is not saved", BOOT_ID_PATH);
        return;
    }
    struct lf_saved_witness s;
    if (lf_clock_witness_read(cache_dir, boot, lf_clock_mono_ms(), true, &s) && carries_on(&s, w))
        return;
    char date[32];
    struct tm tm;
    if (!gmtime_r(&w->date, &tm) || strftime(date, sizeof(date), "%Y-%m-%dT%H:%M:%SZ", &tm) == 0)
        return;
    json_t *root = json_object();
    json_object_set_new(root, "server_date", json_string(date));
    json_object_set_new(root, "host", json_string(w->host));
    json_object_set_new(root, "boot_id", json_string(boot));
    json_object_set_new(root, "boottime_ms", json_integer((json_int_t)w->mono_ms));
    char *text = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
    json_decref(root);
    if (!text)
        return;
    char *line = lf_xasprintf("%s\n", text);
    free(text);
    char *path = lf_xasprintf("%s/" LF_CLOCK_WITNESS_FILE, cache_dir);
    struct stat st;
    if (lstat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
        lf_warn("%s: not a file; removing it so the server's time can be saved", path);
        if (!lf_remove_tree(path)) {
            free(path);
            free(line);
            return;
        }
    }
    if (lf_durable_write(path, line, strlen(line), 0644))
        lf_debug("clock: saved the content server %s's time %s in %s", w->host, date, path);
    free(path);
    free(line);
}
