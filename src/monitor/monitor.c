#include "monitor/monitor.h"

#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include "core/civil_time.h"
#include "core/durable.h"
#include "core/limits.h"
#include "core/small_file.h"
#include "core/xalloc.h"
#include "sync/handover.h"
#include "sync/store.h"

struct lf_monitor {
    char *state_dir, *metrics_file, *name;
    time_t next_beat;
    unsigned long slides_shown;
    json_t *plays;      /* {"YYYY-MM-DD": {"item": count}} */
    bool plays_dirty;
    bool plays_unsynced; /* proof-of-play.json replaced since its last fsync */
    bool failed_once;   /* a write failed: logged once, not every beat */
    struct lf_monitor_screen last;
    bool have_last;
    char *synced_state; /* the screen part as last fsynced, less its clock fields */
    time_t synced_at;
};

static json_t *iso_or_null(time_t t)
{
    char buf[32];
    return t > 0 ? json_string(lf_store_iso_utc(t, buf, sizeof(buf))) : json_null();
}

/* A JSON file of the state folder, or NULL when it is missing, not a
 * regular file (a FIFO made there must not hang the kiosk or `litfass
 * status` in open()), larger than LF_MONITOR_MAX_FILE_BYTES or broken. */
static json_t *load_state_file(const char *path)
{
    char *text = NULL;
    size_t len = 0;
    struct stat st;
    json_t *root = NULL;
    json_error_t e;
    switch (lf_read_small_file(path, LF_MONITOR_MAX_FILE_BYTES, &text, &len, &st)) {
    case LF_SMALL_FILE_OK:
        root = json_loadb(text, len, 0, &e);
        break;
    case LF_SMALL_FILE_NOT_REGULAR:
    case LF_SMALL_FILE_TOO_LARGE:
        lf_warn("%s: not a regular file of at most %d bytes; ignored", path,
                LF_MONITOR_MAX_FILE_BYTES);
        break;
    case LF_SMALL_FILE_CANNOT_OPEN: /* missing: nothing counted yet */
    case LF_SMALL_FILE_CANNOT_READ:
        break;
    }
    free(text);
    return root;
}

struct lf_monitor *lf_monitor_create(const char *state_dir, const char *metrics_file,
                                     const char *name)
{
    struct lf_monitor *m = lf_xcalloc(1, sizeof(*m));
    m->state_dir = lf_xstrdup(state_dir);
    m->metrics_file = lf_xstrdup(metrics_file ? metrics_file : "");
    m->name = lf_xstrdup(name ? name : "");
    char *path = lf_xasprintf("%s/%s", state_dir, LF_MONITOR_PLAY_NAME);
    m->plays = load_state_file(path);
    if (m->plays && !json_is_object(m->plays)) {
        json_decref(m->plays);
        m->plays = NULL;
    }
    if (!m->plays)
        m->plays = json_object();
    free(path);
    return m;
}

/* Keeps the newest LF_MONITOR_PLAY_DAYS days (ISO dates sort as text). */
static void prune_days(json_t *plays)
{
    while (json_object_size(plays) > LF_MONITOR_PLAY_DAYS) {
        const char *oldest = NULL, *key;
        json_t *v;
        json_object_foreach(plays, key, v) {
            if (!oldest || strcmp(key, oldest) < 0)
                oldest = key;
        }
        char *copy = lf_xstrdup(oldest);
        json_object_del(plays, copy);
        free(copy);
    }
}

void lf_monitor_slide_shown(struct lf_monitor *m, const char *item_id, time_t now)
{
    m->slides_shown++;
    if (!item_id)
        item_id = LF_MONITOR_PLAY_AGENDA;
    struct tm tm;
    lf_local_time(now, &tm);
    char day[16];
    strftime(day, sizeof(day), "%Y-%m-%d", &tm);
    json_t *d = json_object_get(m->plays, day);
    if (!d) {
        d = json_object();
        json_object_set_new(m->plays, day, d);
        prune_days(m->plays);
    }
    json_t *n = json_object_get(d, item_id);
    if (n)
        json_integer_set(n, json_integer_value(n) + 1);
    else if (json_object_size(d) < LF_MONITOR_PLAY_ITEMS)
        json_object_set_new(d, item_id, json_integer(1));
    m->plays_dirty = true;
}

json_t *lf_monitor_plays_today(const struct lf_monitor *m, time_t now, char *date)
{
    struct tm tm;
    lf_local_time(now, &tm);
    strftime(date, 11, "%Y-%m-%d", &tm);
    json_t *d = json_object_get(m->plays, date);
    return d ? json_deep_copy(d) : json_object();
}

static void failed(struct lf_monitor *m, const char *what)
{
    if (!m->failed_once)
        lf_warn("monitor: cannot write %s (logged once)", what);
    m->failed_once = true;
}

/* A label value in the Prometheus text format: \ " and newline escaped. */
static void label(FILE *f, const char *s)
{
    for (; *s; s++) {
        if (*s == '\\' || *s == '"')
            fputc('\\', f);
        if (*s == '\n')
            fputs("\\n", f);
        else
            fputc(*s, f);
    }
}

/* Seconds since the content on screen came, by the time shown (the
 * content server's while the system clock is wrong), never below 0: a
 * clock set back after the install made the age negative. 0 when unknown. */
static long long content_age_s(const struct lf_monitor_screen *s, time_t now)
{
    time_t at = s->time_shown ? s->time_shown : now;
    return s->content_since > 0 && at > s->content_since ? (long long)(at - s->content_since) : 0;
}

/* Whether the system clock is not believed (set back, years ahead, not set). */
static bool clock_wrong(const struct lf_monitor_screen *s)
{
    return (s->clock_problem && s->clock_problem[0]) ||
           (s->clock_source && strcmp(s->clock_source, "system") != 0);
}

static void write_metrics(struct lf_monitor *m, const struct lf_monitor_screen *s, time_t now,
                          bool up, bool sync)
{
    if (!m->metrics_file[0])
        return;
    struct lf_store_status st;
    lf_store_read_status(m->state_dir, &st);
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    if (!f)
        return;
    char labels[256];
    FILE *lf = fmemopen(labels, sizeof(labels), "w");
    if (lf) {
        fputs("{screen=\"", lf);
        label(lf, m->name);
        fputs("\"}", lf);
        fclose(lf);
        labels[sizeof(labels) - 1] = '\0';
    } else {
        snprintf(labels, sizeof(labels), "{screen=\"\"}");
    }
    struct {
        const char *name, *type, *help;
        double value;
    } rows[] = {
        {"litfass_up", "gauge", "1 while the kiosk's frame loop runs, 0 after a clean stop",
         up ? 1 : 0},
        {"litfass_heartbeat_timestamp_seconds", "gauge", "when the frame loop last wrote this",
         (double)now},
        {"litfass_last_frame_timestamp_seconds", "gauge", "when a frame was last drawn",
         (double)s->last_frame},
        {"litfass_bundle_serial", "gauge", "serial of the signed bundle on screen (0: unsigned)",
         (double)s->bundle_serial},
        {"litfass_content_age_seconds", "gauge",
         "seconds since the content on screen was installed or created, by the time shown "
         "(never below 0; 0: unknown)",
         (double)content_age_s(s, now)},
        {"litfass_clock_wrong", "gauge",
         "1 while the system clock is not believed (set back, ahead, not set; status.json's "
         "screen.clock says why): the timestamps here are then the wrong clock's",
         clock_wrong(s) ? 1 : 0},
        {"litfass_sync_failures", "gauge", "sync attempts failed in a row",
         (double)st.consecutive_failures},
        {"litfass_sync_last_success_timestamp_seconds", "gauge", "last successful sync (0: never)",
         (double)st.last_success},
        {"litfass_display_on", "gauge", "1 while the screen is on ([power])",
         s->display_on ? 1 : 0},
        {"litfass_slides_shown_total", "counter", "carousel slides shown since the start",
         (double)m->slides_shown},
    };
    for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++)
        fprintf(f, "# HELP %s %s\n# TYPE %s %s\n%s%s %.0f\n", rows[i].name, rows[i].help,
                rows[i].name, rows[i].type, rows[i].name, labels, rows[i].value);
    fclose(f);
    /* node_exporter reads *.prom files: a whole file at once, renamed in;
     * fsynced when status.json was */
    if (!(sync ? lf_durable_write(m->metrics_file, text, len, 0644)
               : lf_replace_file(m->metrics_file, text, len, 0644)))
        failed(m, m->metrics_file);
    free(text);
}

/* The heartbeat's fields that change with every beat while all is well:
 * the clocks and the carousel's position (not worth an fsync each). */
static const char *const ticking_keys[] = {"heartbeat", "last_frame", "mode", "slide",
                                           "item", "lang", "slides_shown"};

/* Whether this beat's write goes to the disk at once (fsync): when
 * anything but the ticking fields changed since the last one that did,
 * or LF_MONITOR_SYNC_EVERY_S passed. Otherwise it only replaces the file
 * (a reader sees it at once; the disk gets it with the next writeback). */
static bool sync_due(struct lf_monitor *m, const json_t *screen, time_t now)
{
    json_t *state = json_deep_copy(screen);
    for (size_t i = 0; i < sizeof(ticking_keys) / sizeof(ticking_keys[0]); i++)
        json_object_del(state, ticking_keys[i]);
    char *text = json_dumps(state, JSON_SORT_KEYS | JSON_COMPACT);
    json_decref(state);
    bool due = !text || !m->synced_state || strcmp(text, m->synced_state) != 0 ||
               now - m->synced_at >= LF_MONITOR_SYNC_EVERY_S || now < m->synced_at;
    if (due) {
        free(m->synced_state);
        m->synced_state = text;
        m->synced_at = now;
    } else {
        free(text);
    }
    return due;
}

/* The frame loop's keys of status.json's "screen" (sync/store.h); true
 * when the write was fsynced. */
static bool write_screen(struct lf_monitor *m, const struct lf_monitor_screen *s, time_t now,
                         bool up)
{
    json_t *o = json_object();
    json_object_set_new(o, "name", json_string(m->name));
    json_object_set_new(o, "pid", json_integer((json_int_t)getpid()));
    json_object_set_new(o, "up", json_boolean(up));
    json_object_set_new(o, "heartbeat", iso_or_null(now));
    json_object_set_new(o, "last_frame", iso_or_null(s->last_frame));
    json_object_set_new(o, "display_on", json_boolean(s->display_on));
    /* shared with the sync's keys: left as they are when not known here
     * (the waiting page; the last beat at a stop) */
    char real[PATH_MAX];
    if (s->bundle_dir)
        json_object_set_new(o, "folder",
                            json_string(realpath(s->bundle_dir, real) ? real : s->bundle_dir));
    if (s->bundle_version)
        json_object_set_new(o, "version", json_string(s->bundle_version));
    json_object_set_new(o, "serial", json_integer(s->bundle_serial));
    json_object_set_new(o, "mode", s->mode ? json_string(s->mode) : json_null());
    json_object_set_new(o, "slide", json_integer((json_int_t)s->position + 1));
    json_object_set_new(o, "slides", json_integer((json_int_t)s->count));
    json_object_set_new(o, "item", s->item_id ? json_string(s->item_id) : json_null());
    json_object_set_new(o, "lang", s->lang ? json_string(s->lang) : json_null());
    json_object_set_new(o, "width", json_integer(s->width));
    json_object_set_new(o, "height", json_integer(s->height));
    json_object_set_new(o, "slides_shown", json_integer((json_int_t)m->slides_shown));
    json_object_set_new(o, "content_error", json_string(s->content_error ? s->content_error : ""));
    json_object_set_new(o, "clock", json_string(s->clock_problem ? s->clock_problem : ""));
    json_object_set_new(o, "state_lock", json_boolean(s->state_lock));
    json_object_set_new(o, "clock_source", json_string(s->clock_source ? s->clock_source
                                                                       : "system"));
    bool sync = sync_due(m, o, now);
    if (!lf_store_status_merge(m->state_dir, LF_STORE_STATUS_SCREEN, o, sync))
        failed(m, "status.json");
    return sync;
}

static void beat(struct lf_monitor *m, const struct lf_monitor_screen *s, time_t now, bool up)
{
    bool synced = write_screen(m, s, now, up);
    write_metrics(m, s, now, up, synced);
    /* new counts come with nearly every beat: fsynced with status.json (a
     * power cut loses at most LF_MONITOR_SYNC_EVERY_S of counting) */
    if (m->plays_dirty || (synced && m->plays_unsynced)) {
        char *path = lf_xasprintf("%s/%s", m->state_dir, LF_MONITOR_PLAY_NAME);
        char *text = json_dumps(m->plays, JSON_INDENT(1) | JSON_SORT_KEYS);
        if (!text || !(synced ? lf_durable_write(path, text, strlen(text), 0644)
                              : lf_replace_file(path, text, strlen(text), 0644)))
            failed(m, path);
        free(text);
        free(path);
        m->plays_dirty = false;
        m->plays_unsynced = !synced;
    }
    m->next_beat = now + LF_MONITOR_HEARTBEAT_S;
}

void lf_monitor_heartbeat(struct lf_monitor *m, const struct lf_monitor_screen *s, time_t now,
                          bool force)
{
    m->last = *s;
    m->have_last = true;
    /* a clock set back (by hours or years) leaves next_beat far ahead:
     * the beat comes now, not when the clock reaches it again */
    if (force || now >= m->next_beat || m->next_beat - now > LF_MONITOR_HEARTBEAT_S)
        beat(m, s, now, true);
}

int lf_monitor_due_in(const struct lf_monitor *m, time_t now)
{
    if (m->next_beat - now > LF_MONITOR_HEARTBEAT_S)
        return 0; /* the clock was set back: due now */
    return m->next_beat > now ? (int)(m->next_beat - now) : 0;
}

void lf_monitor_leave(struct lf_monitor *m)
{
    if (m)
        m->have_last = false;
    lf_monitor_destroy(m);
}

void lf_monitor_destroy(struct lf_monitor *m)
{
    if (!m)
        return;
    if (m->have_last) {
        /* the strings of `last` may be gone: only the plain fields stay */
        struct lf_monitor_screen s = {
            .display_on = m->last.display_on, .last_frame = m->last.last_frame,
            .bundle_serial = m->last.bundle_serial, .content_since = m->last.content_since,
            .position = m->last.position, .count = m->last.count, .width = m->last.width,
            .height = m->last.height};
        beat(m, &s, time(NULL), false);
    }
    json_decref(m->plays);
    free(m->synced_state);
    free(m->state_dir);
    free(m->metrics_file);
    free(m->name);
    free(m);
}

static time_t json_time_of(json_t *o, const char *key)
{
    const char *s = json_string_value(json_object_get(o, key));
    time_t t;
    return s && lf_parse_datetime(s, &t) ? t : 0;
}

static void problem(struct lf_health *h, const char *fmt, ...) LF_PRINTF(2, 3);
static void problem(struct lf_health *h, const char *fmt, ...)
{
    size_t len = strlen(h->problems);
    if (len && len + 2 < sizeof(h->problems)) {
        memcpy(h->problems + len, "; ", 3);
        len += 2;
    }
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(h->problems + len, sizeof(h->problems) - len, fmt, ap);
    va_end(ap);
    h->healthy = false;
}

/* A span of seconds for a person: "45 s", "12 min", "5 h", "10 days". */
static const char *span_text(long long s, char *buf, size_t size)
{
    if (s < 120)
        snprintf(buf, size, "%lld s", s);
    else if (s < 2 * 3600)
        snprintf(buf, size, "%lld min", s / 60);
    else if (s < 2 * 86400)
        snprintf(buf, size, "%lld h", s / 3600);
    else
        snprintf(buf, size, "%lld days", s / 86400);
    return buf;
}

/* How long before `now` the moment t was, never a negative age: " (12 min
 * ago)", or for a moment after now " (5 h after this computer's clock)";
 * "" for 0 (never). */
static const char *ago_text(time_t now, time_t t, char *buf, size_t size)
{
    char span[32];
    if (!t)
        buf[0] = '\0';
    else if (now >= t)
        snprintf(buf, size, " (%s ago)", span_text((long long)(now - t), span, sizeof(span)));
    else
        snprintf(buf, size, " (%s after this computer's clock)",
                 span_text((long long)(t - now), span, sizeof(span)));
    return buf;
}

/* Whether process `pid` still runs as litfass: true when it exists (also
 * when another user's) and its name, where readable, is litfass. */
static bool kiosk_process_runs(long long pid)
{
    if (pid <= 0 || pid > INT_MAX || (kill((pid_t)pid, 0) != 0 && errno != EPERM))
        return false;
    char path[64], comm[32] = "";
    snprintf(path, sizeof(path), "/proc/%lld/comm", pid);
    FILE *f = fopen(path, "r");
    if (!f)
        return true; /* no /proc: it exists, which is all that is known */
    bool named = fgets(comm, sizeof(comm), f) != NULL;
    fclose(f);
    return !named || strncmp(comm, "litfass", 7) == 0;
}

/* The state folder's file system: read-only or full means the kiosk can
 * write neither its heartbeat nor a new bundle, whatever status.json,
 * written before, still says. */
static void check_state_folder(const char *state_dir, struct lf_health *h, FILE *out)
{
    struct statvfs fs;
    if (statvfs(state_dir, &fs) != 0) {
        int e = errno;
        if (out)
            fprintf(out, "state:     %s: %s\n", state_dir, strerror(e));
        problem(h, "the state folder %s: %s", state_dir, strerror(e));
        return;
    }
    unsigned long long free_bytes = (unsigned long long)fs.f_bavail * fs.f_frsize;
    bool ro = (fs.f_flag & ST_RDONLY) != 0;
    if (out)
        fprintf(out, "state:     %s, %llu kB free%s\n", state_dir, free_bytes / 1024,
                ro ? ", read-only" : "");
    if (ro)
        problem(h, "the state folder %s is on a read-only file system: the kiosk can save "
                   "neither its heartbeat nor new content", state_dir);
    else if (free_bytes < LF_MONITOR_DISK_FULL_BYTES)
        problem(h, "the disk of the state folder %s is full (%llu bytes free): new content "
                   "cannot be installed", state_dir, free_bytes);
}

void lf_monitor_health(const char *state_dir, bool sync_configured, time_t now,
                       struct lf_health *h, char *report, size_t size)
{
    memset(h, 0, sizeof(*h));
    h->healthy = true;
    char *path = lf_xasprintf("%s/%s", state_dir, LF_STORE_STATUS_NAME);
    json_t *root = load_state_file(path);
    FILE *out = fmemopen(report, size, "w");
    json_t *sc = root ? json_object_get(root, LF_STORE_STATUS_SCREEN) : NULL;
    char ago[96], span[32];
    if (!sc) {
        problem(h, "%s has no heartbeat of a kiosk: is it running?", path);
    } else {
        time_t beat = json_time_of(sc, "heartbeat"), frame = json_time_of(sc, "last_frame");
        bool on = json_is_true(json_object_get(sc, "display_on"));
        const char *name = json_string_value(json_object_get(sc, "name"));
        long long pid = (long long)json_integer_value(json_object_get(sc, "pid"));
        if (out) {
            fprintf(out, "screen:    %s (pid %lld)\n", name && *name ? name : "(no name)", pid);
            fprintf(out, "heartbeat: %s%s\n",
                    json_string_value(json_object_get(sc, "heartbeat")) ?: "never",
                    ago_text(now, beat, ago, sizeof(ago)));
            fprintf(out, "frame:     %s%s, display %s\n",
                    json_string_value(json_object_get(sc, "last_frame")) ?: "never",
                    ago_text(now, frame, ago, sizeof(ago)), on ? "on" : "off (power schedule)");
            const char *ver = json_string_value(json_object_get(sc, "version"));
            const char *item = json_string_value(json_object_get(sc, "item"));
            const char *source = json_string_value(json_object_get(sc, "source"));
            fprintf(out, "showing:   %s%s%s%s, version %s, serial %lld; slide %lld of %lld%s%s\n",
                    json_string_value(json_object_get(sc, "folder")) ?: "?",
                    source ? " (" : "", source ? source : "", source ? ")" : "", ver ? ver : "-",
                    (long long)json_integer_value(json_object_get(sc, "serial")),
                    (long long)json_integer_value(json_object_get(sc, "slide")),
                    (long long)json_integer_value(json_object_get(sc, "slides")),
                    item ? ": " : "", item ? item : "");
        }
        /* a time after this computer's clock: the clock was set back since
         * (or the writer's was ahead); a running kiosk writes a new beat
         * within LF_MONITOR_HEARTBEAT_S of a jump, so one still ahead by
         * more than LF_MONITOR_STALE_S says nothing about it */
        if (!json_is_true(json_object_get(sc, "up")))
            problem(h, "the kiosk stopped (its last heartbeat says so)");
        else if (beat && beat - now > LF_MONITOR_STALE_S)
            problem(h, "the heartbeat is dated %s after this computer's clock (a clock was set "
                       "back): it does not tell whether the kiosk runs",
                    span_text((long long)(beat - now), span, sizeof(span)));
        else if (!beat || now - beat > LF_MONITOR_STALE_S) {
            char *beat_for = lf_xasprintf("no heartbeat for %lld s", beat ? (long long)(now - beat) : -1LL);
            if (kiosk_process_runs(pid))
                problem(h, "%s, though its process %lld still runs (its frame loop hangs, or "
                           "it cannot write %s)", beat_for, pid, path);
            else
                problem(h, "%s (no litfass process %lld: the kiosk died)", beat_for, pid);
            free(beat_for);
        }
        /* a live kiosk holds kiosk.lock: deleted with the folder (tmpfiles,
         * rm -rf) and not made again, a second kiosk could start on it */
        if (json_is_true(json_object_get(sc, "up")) &&
            json_is_true(json_object_get(sc, "state_lock")) && beat &&
            now - beat <= LF_MONITOR_STALE_S && beat - now <= LF_MONITOR_STALE_S) {
            long holder = lf_handover_lock_holder(state_dir, LF_KIOSK_LOCK_NAME);
            if (holder == -1)
                problem(h, "%s/" LF_KIOSK_LOCK_NAME " is missing although a kiosk runs (the "
                           "folder deleted under it?): a second kiosk could start on this "
                           "folder", state_dir);
            else if (holder == 0)
                problem(h, "%s/" LF_KIOSK_LOCK_NAME " is held by no process although a kiosk "
                           "runs: a second kiosk could start on this folder", state_dir);
            else if (holder > 0 && holder != pid)
                problem(h, "%s/" LF_KIOSK_LOCK_NAME " is held by process %ld, the heartbeat "
                           "is process %lld's: two kiosks on one state folder?", state_dir,
                        holder, pid);
        }
        if (on && frame && frame - now > LF_MONITOR_STALE_S)
            problem(h, "the last frame is dated %s after this computer's clock",
                    span_text((long long)(frame - now), span, sizeof(span)));
        else if (on && (!frame || now - frame > LF_MONITOR_STALE_S))
            problem(h, "no frame drawn for %lld s", frame ? (long long)(now - frame) : -1LL);
        const char *csrc = json_string_value(json_object_get(sc, "clock_source"));
        const char *clk = json_string_value(json_object_get(sc, "clock"));
        if (out && csrc)
            fprintf(out, "clock:     %s%s%s\n",
                    strcmp(csrc, "server") == 0 ? "the content server's time (the system clock "
                                                  "is wrong)"
                    : strcmp(csrc, "server_saved") == 0
                        ? "the content server's time saved before a restart on this boot "
                          "(the system clock is wrong; no sync has answered yet)"
                    : strcmp(csrc, "none") == 0 ? "none shown (the system clock is not set)"
                                                : "the system clock",
                    clk && *clk ? ": " : "", clk && *clk ? clk : "");
        const char *ce = json_string_value(json_object_get(sc, "content_error"));
        if (ce && *ce)
            problem(h, "content damaged: %s", ce);
    }
    check_state_folder(state_dir, h, out);
    if (sync_configured) {
        json_t *r = root;
        time_t ok_at = r ? json_time_of(r, "last_success") : 0;
        time_t tried = r ? json_time_of(r, "last_attempt") : 0;
        time_t since = r ? json_time_of(r, "failing_since") : 0;
        long long fails = r ? (long long)json_integer_value(json_object_get(r, "consecutive_failures")) : 0;
        const char *err = r ? json_string_value(json_object_get(r, "last_error")) : NULL;
        const char *ok_text = r ? json_string_value(json_object_get(r, "last_success")) : NULL;
        const char *tried_text = r ? json_string_value(json_object_get(r, "last_attempt")) : NULL;
        char ago2[96];
        if (out)
            fprintf(out, "sync:      last success %s%s, last attempt %s%s, %lld failure%s in a row%s%s\n",
                    ok_text ? ok_text : "never", ago_text(now, ok_at, ago, sizeof(ago)),
                    tried_text ? tried_text : "never", ago_text(now, tried, ago2, sizeof(ago2)),
                    fails, fails == 1 ? "" : "s", err ? ": " : "", err ? err : "");
        /* failing since the first failure of this run; a status.json from
         * before failing_since: since the last success */
        time_t from = since ? since : ok_at;
        if (fails > 0 && from && now - from > LF_MONITOR_SYNC_FAIL_S) {
            char when[32];
            snprintf(when, sizeof(when), "%s",
                     since ? json_string_value(json_object_get(r, "failing_since"))
                           : ok_text);
            problem(h, "sync failing for %s (since %s, %lld failures in a row%s): %s",
                    span_text((long long)(now - from), span, sizeof(span)), when, fails,
                    ok_at ? "" : ", never succeeded", err ? err : "see status.json");
        }
    }
    if (out) {
        fprintf(out, "health:    %s%s\n", h->healthy ? "ok" : "NOT OK: ", h->problems);
        fclose(out);
    }
    json_decref(root);
    free(path);
}
