#include "monitor/reporter.h"

#include <SDL.h>
#include <SDL_image.h>
#include <errno.h>
#include <jansson.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core/log.h"
#include "core/thread.h"
#include "core/xalloc.h"
#include "sync/net_child.h"
#include "sync/post.h"
#include "sync/store.h"

#define SCREENSHOT_MAX_BYTES (256 * 1024) /* the studio's LF_FLEET_MAX_SCREENSHOT_BYTES */

struct lf_reporter {
    struct lf_thread *thread;        /* its cancel flag, set by lf_reporter_stop, ends a
                                        running POST */
    pthread_mutex_t lock;
    pthread_cond_t wake;
    bool stop;
    /* settings */
    char heartbeat_url[LF_MAX_URL_BYTES + 32];
    char screenshot_url[LF_MAX_URL_BYTES + 32];
    char token[LF_REPORT_MAX_TOKEN_BYTES + 1];
    char ca_file[LF_MAX_PATH_BYTES + 1];
    char cache_dir[LF_MAX_PATH_BYTES + 1];
    bool sync_on, allow_http;
    int every_s, shot_every_s;
    /* from the kiosk, under lock */
    struct lf_heartbeat hb;
    bool have_hb;
    char played_date[11];
    json_t *played;                  /* {"id": n} of played_date */
    _Atomic bool shot_due;
    unsigned char *shot;             /* ARGB8888 pixels, width*4 a row */
    int shot_w, shot_h;
    struct timespec started; /* CLOCK_MONOTONIC: uptime never below zero when the clock is set back */
};

static void *reporter_thread(void *arg);

static bool read_token(const char *path, char *out, size_t size)
{
    FILE *fp = fopen(path, "r");
    if (!fp) {
        lf_error("monitor: report_token_file %s: %s", path, strerror(errno));
        return false;
    }
    bool got = fgets(out, (int)size, fp) != NULL;
    fclose(fp);
    out[got ? strcspn(out, " \t\r\n") : 0] = '\0';
    if (!out[0]) {
        lf_error("monitor: report_token_file %s:1: no token (`litfass studio kiosk add NAME` "
                 "prints one)", path);
        return false;
    }
    return true;
}

struct lf_reporter *lf_reporter_start(const struct lf_reporter_settings *set)
{
    if (!set->report_url[0])
        return NULL;
    struct lf_reporter *r = lf_xcalloc(1, sizeof(*r));
    if (!set->token_file[0]) {
        lf_error("monitor: report_url is set but report_token_file is not: not reporting");
        free(r);
        return NULL;
    }
    if (!read_token(set->token_file, r->token, sizeof(r->token))) {
        free(r);
        return NULL;
    }
    const char *base = set->report_url;
    const char *slash = base[strlen(base) - 1] == '/' ? "" : "/";
    snprintf(r->heartbeat_url, sizeof(r->heartbeat_url), "%s%sapi/fleet/heartbeat", base, slash);
    snprintf(r->screenshot_url, sizeof(r->screenshot_url), "%s%sapi/fleet/screenshot", base, slash);
    snprintf(r->ca_file, sizeof(r->ca_file), "%s", set->ca_file);
    snprintf(r->cache_dir, sizeof(r->cache_dir), "%s", set->cache_dir);
    r->sync_on = set->sync_on;
    r->allow_http = set->allow_http;
    r->every_s = set->report_seconds;
    r->shot_every_s = set->screenshot_seconds;
    if (r->shot_every_s > 0 && r->shot_every_s < LF_REPORT_SCREENSHOT_MIN_S)
        r->shot_every_s = LF_REPORT_SCREENSHOT_MIN_S;
    r->played = json_object();
    clock_gettime(CLOCK_MONOTONIC, &r->started);
    r->hb.content_age_s = -1;
    pthread_mutex_init(&r->lock, NULL);
    pthread_condattr_t ca;
    pthread_condattr_init(&ca);
    pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
    pthread_cond_init(&r->wake, &ca);
    pthread_condattr_destroy(&ca);
    r->thread = lf_thread_create();
    char err[128];
    if (!lf_thread_start(r->thread, reporter_thread, r, err, sizeof(err))) {
        lf_error("monitor: no thread for the reporter (%s): not reporting", err);
        lf_thread_destroy(r->thread);
        pthread_mutex_destroy(&r->lock);
        pthread_cond_destroy(&r->wake);
        json_decref(r->played);
        free(r);
        return NULL;
    }
    lf_info("monitor: reporting to %s every %d s", base, r->every_s);
    return r;
}

void lf_reporter_offer(struct lf_reporter *r, const struct lf_heartbeat *hb)
{
    if (!r)
        return;
    pthread_mutex_lock(&r->lock);
    r->hb = *hb;
    r->have_hb = true;
    pthread_mutex_unlock(&r->lock);
}

void lf_reporter_plays(struct lf_reporter *r, const char *date, json_t *items)
{
    if (!r || !date || !json_is_object(items)) {
        json_decref(items);
        return;
    }
    while (json_object_size(items) > LF_REPORT_MAX_PLAYED_ITEMS) { /* the studio's bound */
        const char *key = json_object_iter_key(json_object_iter(items));
        char *copy = lf_xstrdup(key);
        json_object_del(items, copy);
        free(copy);
    }
    pthread_mutex_lock(&r->lock);
    json_decref(r->played);
    r->played = items;
    snprintf(r->played_date, sizeof(r->played_date), "%s", date);
    pthread_mutex_unlock(&r->lock);
}

bool lf_reporter_wants_screenshot(const struct lf_reporter *r)
{
    return r && r->shot_due;
}

void lf_reporter_screenshot(struct lf_reporter *r, const void *pixels, int width, int height,
                            int pitch)
{
    if (!r || width <= 0 || height <= 0 || (long long)width * height > LF_REPORT_MAX_SCREEN_PIXELS)
        return;
    unsigned char *copy = lf_xmalloc((size_t)width * (size_t)height * 4);
    for (int y = 0; y < height; y++)
        memcpy(copy + (size_t)y * (size_t)width * 4, (const unsigned char *)pixels + (size_t)y * (size_t)pitch,
               (size_t)width * 4);
    pthread_mutex_lock(&r->lock);
    free(r->shot);
    r->shot = copy;
    r->shot_w = width;
    r->shot_h = height;
    r->shot_due = false;
    pthread_cond_signal(&r->wake);
    pthread_mutex_unlock(&r->lock);
}

/* Box-filtered down to LF_REPORT_SCREENSHOT_WIDTH across, PNG in memory. */
static unsigned char *encode_png(const unsigned char *px, int w, int h, size_t *len)
{
    int tw = w < LF_REPORT_SCREENSHOT_WIDTH ? w : LF_REPORT_SCREENSHOT_WIDTH;
    int th = (int)((long long)h * tw / w);
    if (th < 1)
        th = 1;
    SDL_Surface *out = SDL_CreateRGBSurfaceWithFormat(0, tw, th, 32, SDL_PIXELFORMAT_ARGB8888);
    if (!out)
        return NULL;
    for (int y = 0; y < th; y++) {
        int y0 = (int)((long long)y * h / th), y1 = (int)((long long)(y + 1) * h / th);
        if (y1 <= y0)
            y1 = y0 + 1;
        Uint32 *row = (Uint32 *)(void *)((unsigned char *)out->pixels + (size_t)y * (size_t)out->pitch);
        for (int x = 0; x < tw; x++) {
            int x0 = (int)((long long)x * w / tw), x1 = (int)((long long)(x + 1) * w / tw);
            if (x1 <= x0)
                x1 = x0 + 1;
            unsigned long sr = 0, sg = 0, sb = 0, n = 0;
            for (int yy = y0; yy < y1; yy++) {
                const unsigned char *p = px + ((size_t)yy * (size_t)w + (size_t)x0) * 4;
                for (int xx = x0; xx < x1; xx++, p += 4, n++) {
                    Uint32 v;
                    memcpy(&v, p, 4);
                    sr += (v >> 16) & 0xff;
                    sg += (v >> 8) & 0xff;
                    sb += v & 0xff;
                }
            }
            row[x] = 0xff000000u | (Uint32)(sr / n) << 16 | (Uint32)(sg / n) << 8 | (Uint32)(sb / n);
        }
    }
    size_t cap = (size_t)tw * (size_t)th * 4 + 65536;
    unsigned char *buf = lf_xmalloc(cap);
    SDL_RWops *rw = SDL_RWFromMem(buf, (int)cap);
    bool ok = rw && IMG_SavePNG_RW(out, rw, 0) == 0;
    *len = ok ? (size_t)SDL_RWtell(rw) : 0;
    if (rw)
        SDL_RWclose(rw);
    SDL_FreeSurface(out);
    if (!ok || *len > SCREENSHOT_MAX_BYTES) {
        lf_warn("monitor: screenshot not made (%s)", ok ? "larger than the studio takes" : IMG_GetError());
        free(buf);
        return NULL;
    }
    return buf;
}

/* Seconds since the start by the monotonic clock: the wall clock set back
 * (years, or minutes by NTP) made uptime_s negative, and the studio
 * refuses a heartbeat with uptime_s below 0 (fleet.c): a live kiosk would
 * have looked silent. */
static long long uptime_s(const struct lf_reporter *r)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (long long)(now.tv_sec - r->started.tv_sec);
}

static char *heartbeat_json(struct lf_reporter *r)
{
    char host[LF_REPORT_TEXT_BYTES] = "";
    gethostname(host, sizeof(host) - 1);
    char sync_error[LF_REPORT_TEXT_BYTES] = "";
    if (r->sync_on) {
        struct lf_store_status st;
        lf_store_read_status(r->cache_dir, &st);
        snprintf(sync_error, sizeof(sync_error), "%.299s", st.last_error);
    }
    pthread_mutex_lock(&r->lock);
    struct lf_heartbeat hb = r->hb;
    json_t *played = json_deep_copy(r->played);
    char date[11];
    snprintf(date, sizeof(date), "%s", r->played_date);
    pthread_mutex_unlock(&r->lock);
    if (hb.name[0])
        snprintf(host, sizeof(host), "%s", hb.name);
    json_t *doc = json_pack("{s:s, s:s, s:I, s:s, s:s, s:s, s:i, s:i, s:b, s:I, s:s, s:I}",
                            "name", host, "version", LITFASS_VERSION, "serial",
                            (json_int_t)hb.serial, "item", hb.item, "mode", hb.mode, "lang",
                            hb.lang, "slide", hb.slide, "slides", hb.slides, "display_on",
                            hb.display_on, "content_age_s", (json_int_t)hb.content_age_s,
                            "sync_error", sync_error, "uptime_s", (json_int_t)uptime_s(r));
    /* the fleet page's word on the kiosk's clock: its times and ages are
     * then counted by the content server's time or not known */
    json_object_set_new(doc, "clock", json_string(hb.clock));
    json_object_set_new(doc, "clock_source", json_string(hb.clock_source[0] ? hb.clock_source
                                                                            : "system"));
    /* how far off: the fleet page says "2 years behind" (only while the
     * server's time is shown; otherwise nothing is known to measure by) */
    if (strncmp(hb.clock_source, "server", 6) == 0)
        json_object_set_new(doc, "clock_offset_s", json_integer((json_int_t)hb.clock_offset_s));
    if (date[0])
        json_object_set_new(doc, "played", json_pack("{s:s, s:o}", "date", date, "items", played));
    else
        json_decref(played);
    char *text = json_dumps(doc, JSON_COMPACT);
    json_decref(doc);
    return text;
}

static void post(struct lf_reporter *r, const char *url, const char *type, const void *body,
                 size_t len, bool *failing)
{
    struct lf_post_request req = {.url = url, .allow_http = r->allow_http, .ca_file = r->ca_file,
                                  .bearer = r->token, .content_type = type, .body = body,
                                  .len = len, .cancel = lf_thread_cancel_flag(r->thread)};
    struct lf_post_result res;
    if (lf_net_child_post(&req, &res)) {
        if (*failing)
            lf_info("monitor: the studio takes reports again");
        *failing = false;
    } else if (!*failing || res.http_status == 401) {
        lf_warn("monitor: report not taken: %s", res.error);
        *failing = true;
    }
}

static void *reporter_thread(void *arg)
{
    struct lf_reporter *r = arg;
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    time_t next_beat = now.tv_sec + 1, next_shot = now.tv_sec + 2;
    bool failing = false;
    pthread_mutex_lock(&r->lock);
    while (!r->stop) {
        clock_gettime(CLOCK_MONOTONIC, &now);
        if (r->shot) { /* pixels from the kiosk: encode and send */
            unsigned char *px = r->shot;
            int w = r->shot_w, h = r->shot_h;
            r->shot = NULL;
            pthread_mutex_unlock(&r->lock);
            size_t len = 0;
            unsigned char *png = encode_png(px, w, h, &len);
            free(px);
            if (png)
                post(r, r->screenshot_url, "image/png", png, len, &failing);
            free(png);
            pthread_mutex_lock(&r->lock);
            continue;
        }
        if (now.tv_sec >= next_beat && r->have_hb) {
            pthread_mutex_unlock(&r->lock);
            char *text = heartbeat_json(r);
            post(r, r->heartbeat_url, "application/json", text, strlen(text), &failing);
            free(text);
            next_beat = now.tv_sec + r->every_s;
            pthread_mutex_lock(&r->lock);
            continue;
        }
        if (r->shot_every_s > 0 && now.tv_sec >= next_shot && !r->shot_due) {
            r->shot_due = true; /* the frame loop reads its screen at the next frame */
            next_shot = now.tv_sec + r->shot_every_s;
        }
        struct timespec until = {.tv_sec = next_beat < next_shot ? next_beat : next_shot};
        if (until.tv_sec <= now.tv_sec)
            until.tv_sec = now.tv_sec + 1;
        pthread_cond_timedwait(&r->wake, &r->lock, &until);
    }
    pthread_mutex_unlock(&r->lock);
    return NULL;
}

void lf_reporter_stop(struct lf_reporter *r)
{
    if (!r)
        return;
    lf_thread_cancel(r->thread);
    pthread_mutex_lock(&r->lock);
    r->stop = true;
    pthread_cond_signal(&r->wake);
    pthread_mutex_unlock(&r->lock);
    lf_thread_destroy(r->thread); /* joins */
    pthread_mutex_destroy(&r->lock);
    pthread_cond_destroy(&r->wake);
    json_decref(r->played);
    free(r->shot);
    free(r);
}
