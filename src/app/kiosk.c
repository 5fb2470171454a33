#include "app/kiosk.h"

#include <SDL.h>
#include <malloc.h>
#include <SDL_image.h>
#include <SDL_ttf.h>
#include <math.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <errno.h>
#include <string.h>
#include <time.h>

#include "app/carousel.h"
#include "app/waiting.h"
#include "content/bundle.h"
#include "core/limits.h"
#include "core/xalloc.h"
#include "input/gesture.h"
#include "layout/hyphen.h"
#include "layout/measure_memo.h"
#include "layout/phrases.h"
#include "monitor/reporter.h"
#include "layout/slide_layout.h"
#include "render/painter.h"
#include "render/renderer_choice.h"
#include "render/snapshot.h"
#include "render/window_slide.h"
#include "render/typesetter.h"
#include "speech/player.h"
#include "speech/script.h"
#include "speech/voice.h"
#include "sync/clock_witness.h"
#include "sync/lock_watch.h"
#include "sync/net_child.h"
#include "sync/handover.h"
#include "sync/store.h"
#include "sync/sync.h"
#include "sync/worker.h"
#include "system/display.h"
#include "system/service.h"
#include "system/x11_screen.h"
#include "monitor/monitor.h"
#include <unistd.h>
#include "system/cec.h"
#include "system/drm_power.h"
#include "system/power_schedule.h"
#include "core/civil_time.h"
#include "core/clock_floor.h"
#include <SDL_syswm.h>

#define LF_KIOSK_MMAP_THRESHOLD (256 * 1024) /* bytes; see lf_kiosk_run */
#define FRAMES_PER_SECOND 60 /* during a transition: what a display shows, no more */
#define NEVER UINT64_MAX

enum mode {
    MODE_CAROUSEL, /* plays by itself */
    MODE_LIST,     /* a visitor opened a category */
    MODE_DETAIL,   /* a visitor opened one item */
    MODE_LANGUAGES,/* a visitor opened the page of every language */
};
static const char *const mode_names[] = {"carousel", "list", "detail", "languages"};

struct lf_kiosk {
    const struct lf_config *cfg;   /* the caller's, or &cfg_own after a reload */
    struct lf_config cfg_own;      /* the config a SIGHUP brought */
    SDL_Window *window;
    SDL_Renderer *renderer;
    struct lf_typesetter *ts;
    struct lf_measure_memo *widths; /* the typesetter's widths, remembered */
    struct lf_painter *painter;
    struct lf_gesture_recognizer *gesture;
    struct lf_bundle *bundle;
    struct lf_carousel *carousel;
    struct lf_view view;
    char lang[LF_MAX_LANG_TAG + 1];      /* on screen now */
    char home_lang[LF_MAX_LANG_TAG + 1]; /* the carousel's own (rotates with rotate_languages) */

    struct lf_scene *header, *footer, *page, *incoming;
    /* `page` and `incoming` drawn once into textures: a transition
     * moves these (render/snapshot.h) */
    struct lf_snapshot *page_shot, *incoming_shot;
    /* on SDL's software renderer a transition moves the pages in the
     * window's own memory instead (render/window_slide.h) */
    struct lf_window_slide *slide;
    bool chrome_changed;           /* header or footer laid out since the last frame */
    bool clock_only;               /* ...and only the header's clock (a still page's minute) */
    bool first_presented;
    size_t page_draws;             /* pages drawn (into a snapshot or directly) */
    size_t index;                  /* carousel page shown (or to return to) */
    enum mode mode;
    enum mode before_languages;    /* MODE_LANGUAGES: where a choice returns to */
    enum lf_category category;     /* MODE_LIST */
    struct lf_slide list[LF_MAX_ITEMS];
    size_t n_list;
    struct lf_slide notices[LF_MAX_ITEMS]; /* MODE_LIST: the valid notices at its top */
    size_t n_notices;
    struct lf_slide detail_slide;  /* MODE_DETAIL */
    size_t detail_index;           /* its place in `list`; SIZE_MAX: not in a list (a notice) */
    bool detail_from_list;         /* opened from the list: "Back" returns there */
    struct lf_flow_pos list_from;  /* ... to the list page it was opened from */
    struct lf_page shown;          /* what `page` shows */
    struct lf_flow_pos browse_from;/* list/detail: this page starts here */
    struct lf_flow_pos browse_rest;/* ... and continues here when browse_more */
    bool browse_more;
    bool large_text;               /* a visitor's settings, until idle */
    bool high_contrast;
    bool slow_speech;

    /* reading aloud (src/speech/): NULL without sound or with [speech] off */
    struct lf_speech_player *speech;
    bool speech_to_rest; /* after the first frame: SDL's audio given back until read-aloud */
    bool reading;                  /* the carousel and the idle timeout wait */

    uint64_t slide_until;          /* carousel: next advance, SDL ticks */
    uint64_t idle_until;           /* browsing: back to the carousel */
    bool animating;
    bool drop_page_pictures;       /* the transition ran in the window's memory: see draw() */
    int fonts_closed;              /* by lf_typesetter_next_page since the last trim */
    bool trim;                     /* the heap's free memory goes back after this frame */
    uint64_t anim_start;
    int anim_dir;                  /* +1: the new page comes from the right */
    int anim_frames;               /* frames drawn in this transition */
    uint64_t anim_last, anim_worst;/* for the smoothness figure in the debug log */
    int anim_worst_frame;          /* ...and which frame took that long (1: the first) */
    uint64_t anim_next;            /* ticks of the transition's next frame */
    double anim_cpu;               /* this thread's CPU ms when it started (debug log) */
    time_t minute;                 /* minute shown by the clock */
    time_t changes_at;             /* the schedule changes (lf_carousel_rebuild_at) */
    time_t clock_floor;            /* a moment known to be past (core/clock_floor.h) */
    time_t clock_seen;             /* newest wall time seen on a plausible clock; 0: none */
    char clock_problem[512];       /* "" or why the wall clock is not believed */
    enum lf_clock_source clock_source; /* where the time shown comes from */
    int64_t clock_offset_ms;       /* added to the system clock: the time shown
                                      (LF_CLOCK_SERVER: the server's time; else 0) */
    bool clock_settled;            /* the server's agreement overrules a floor */
    bool clock_server_off;         /* the server's Date is off a synchronised clock */
    struct lf_clock_witness saved_witness; /* the server's time saved on this boot before
                                      the restart (sync/clock_witness.h); date 0: none.
                                      Used until the sync brings one of its own */
    time_t witness_floor;          /* a saved server's time from before this boot: a
                                      floor only; 0: none */
    bool clock_beat;               /* the time shown changed: a heartbeat at once
                                      (status.json says it; a time set back does not
                                      hold the next beat back) */
    bool dirty;
    bool quit;
    const char *state_lock_dir;    /* lf_kiosk_run holds kiosk.lock of this folder; NULL: none */
    bool window_closed;            /* the window manager asked to close (Alt+F4) */
    bool ttf;
    struct lf_diags *diags;
    struct lf_kiosk_clock clock;

    /* sync (src/sync/): the worker reports a new bundle through an SDL
     * user event; it is swapped in at the next slide boundary */
    struct lf_sync_worker *worker;
    Uint32 installed_event;        /* SDL event type, (Uint32)-1 without sync */
    char *pending_dir;             /* a new bundle waiting for the slide boundary */
    time_t installed_at;           /* when the shown bundle was installed; 0: bundled sample */
    /* no content at all yet (first boot): the waiting page (app/waiting.h) */
    bool waiting;
    uint64_t waiting_refresh_at;   /* ticks: look at status.json's last error again */
    time_t waiting_attempt;        /* the attempt the page reports */
    char waiting_error[LF_STORE_ERROR_BYTES];

    /* the service manager (src/system/service.h): READY=1 after the first
     * frame, WATCHDOG=1 from this loop, STATUS= with the slide shown */
    struct lf_service *service;
    bool first_frame_shown;
    bool footer_count_pending;     /* the first frame's footer left out the page count */
    bool audio_to_stop;            /* no sound: SDL's audio, stopped after the first frame */
    char content_source[2 * LF_MAX_PATH_BYTES + 64];
    char renderer_reason[LF_RENDERER_REASON_BYTES]; /* for the start-up line */

    /* X11 (system/x11_screen.h): SDL does not follow RandR changes; the
     * root window's ConfigureNotify (an SDL_SYSWMEVENT) has the screen's
     * size looked at, and every LF_X11_SCREEN_RECHECK_MS as a safety net */
    void *x_display;
    unsigned long x_window;
    uint64_t next_screen_poll;
    int fitted_w, fitted_h;        /* the size last asked for */
    int drm_fd;                    /* kmsdrm: SDL's DRM device, for DPMS; -1 */

    /* [power] (system/power_schedule.h): nothing is drawn while off */
    struct lf_power_schedule *power; /* NULL: always on */
    bool display_on;
    bool schedule_on;              /* what the schedule alone says */
    uint64_t wake_until;           /* a touch woke the screen until then (ticks) */
    uint64_t power_next;           /* ticks of the next change */
    unsigned long frames;          /* frames drawn (lf_kiosk_describe) */

    /* src/monitor/: heartbeat, metrics, proof of play, from this loop */
    struct lf_monitor *monitor;    /* NULL: no writable state folder */
    bool monitoring;               /* lf_kiosk_run: heartbeat on */
    time_t last_frame;
    bool played_any;               /* proof of play: a slide was counted */
    char content_error[2 * LF_MAX_PATH_BYTES + 128]; /* the last content that failed to load */
    /* the studio's fleet page (monitor/reporter.h): heartbeat, screenshot,
     * the monitor's proof of play */
    struct lf_reporter *reporter;
    uint64_t counted_slide_until;  /* a slide counts once per slide_until */
};

static uint64_t system_ticks(void *ctx)
{
    (void)ctx;
    return SDL_GetTicks64();
}

/* The system clock (ctx: the kiosk), plus `litfass run --clock-offset`
 * (cfg->clock_offset_s: a kiosk under a wrong clock without setting the
 * machine's; 0 in service). */
static int64_t system_wall_ms(void *ctx)
{
    const struct lf_kiosk *k = ctx;
    struct timespec ts;
    int64_t ms = clock_gettime(CLOCK_REALTIME, &ts) != 0
                     ? (int64_t)time(NULL) * 1000
                     : (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
    return ms + (int64_t)k->cfg->clock_offset_s * 1000;
}

/* The time shown, in milliseconds: the system clock, or the content
 * server's time when the system clock is wrong (judge_clock). */
static int64_t kiosk_wall_ms(const struct lf_kiosk *k)
{
    return k->clock.wall_ms(k->clock.ctx) + k->clock_offset_ms;
}

/* Seconds of the time shown, rounded down (also before 1970). */
static time_t wall_now(const struct lf_kiosk *k)
{
    int64_t ms = kiosk_wall_ms(k);
    return (time_t)(ms >= 0 ? ms / 1000 : -((-ms + 999) / 1000));
}

/* The moment the schedule is made for: the time shown, or while the
 * clock is not set (1970 before NTP, a clock set back a day) the floor,
 * a moment known to be past: an event that ended before it is over and
 * never listed as coming (nor a yearly one at its 1970 date). */
static time_t schedule_now(const struct lf_kiosk *k)
{
    time_t now = wall_now(k);
    return k->view.clock_unknown && now < k->clock_floor ? k->clock_floor : now;
}

/* Ticks at which the time shown reaches `at` (seconds), from now on. */
static uint64_t ticks_at_wall(const struct lf_kiosk *k, time_t at, uint64_t now_ticks)
{
    int64_t wait = (int64_t)at * 1000 - kiosk_wall_ms(k);
    return wait <= 0 ? now_ticks : now_ticks + (uint64_t)wait;
}

/* The size pages are laid out at for a window of w x h pixels: the
 * window's own, unless a side is below LF_MIN_LAYOUT_SIDE (a window
 * shrunk to 1x1 laid out 5,615 pages of a letter or two in 5.5 s): then
 * the window's shape grown until its shorter side is LF_MIN_LAYOUT_SIDE
 * (at most LF_MAX_SCREEN_SIDE a side), which the renderer scales down to
 * the window. */
static void layout_size(int w, int h, int *lw, int *lh)
{
    *lw = w;
    *lh = h;
    if (w >= LF_MIN_LAYOUT_SIDE && h >= LF_MIN_LAYOUT_SIDE)
        return;
    if (w <= 0 || h <= 0) {
        *lw = *lh = LF_MIN_LAYOUT_SIDE;
        return;
    }
    double grow = (double)LF_MIN_LAYOUT_SIDE / (w < h ? w : h);
    *lw = (int)lround(w * grow);
    *lh = (int)lround(h * grow);
    *lw = *lw < LF_MIN_LAYOUT_SIDE ? LF_MIN_LAYOUT_SIDE
          : *lw > LF_MAX_SCREEN_SIDE ? LF_MAX_SCREEN_SIDE : *lw;
    *lh = *lh < LF_MIN_LAYOUT_SIDE ? LF_MIN_LAYOUT_SIDE
          : *lh > LF_MAX_SCREEN_SIDE ? LF_MAX_SCREEN_SIDE : *lh;
}

static void set_view_size(struct lf_kiosk *k)
{
    int w = 0, h = 0, lw, lh;
    SDL_GetRendererOutputSize(k->renderer, &w, &h);
    layout_size(w, h, &lw, &lh);
    bool changed = lw != k->view.width || lh != k->view.height;
    /* a screen smaller than litfass is made for (a 320x240 panel): it is
     * drawn all the same, and the log says why the text is so small */
    if ((w < LF_MIN_SCREEN_SIDE || h < LF_MIN_SCREEN_SIDE) && changed) {
        if (lw != w || lh != h)
            lf_warn("screen %dx%d is smaller than %d pixels a side: laid out at %dx%d and "
                    "scaled down to fit (text may be too small to read)",
                    w, h, LF_MIN_LAYOUT_SIDE, lw, lh);
        else
            lf_warn("screen %dx%d is smaller than litfass is made for (%d pixels a side at "
                    "least): everything is shown, but text may be too small to read",
                    w, h, LF_MIN_SCREEN_SIDE);
    }
    /* the renderer scales what is drawn at lw x lh to the window (and
     * pointer positions back); 0 x 0: no scaling */
    if (lw != w || lh != h)
        SDL_RenderSetLogicalSize(k->renderer, lw, lh);
    else
        SDL_RenderSetLogicalSize(k->renderer, 0, 0);
    k->view.width = lw;
    k->view.height = lh;
}

static bool rtl(const struct lf_kiosk *k)
{
    return lf_lang_is_rtl(k->lang);
}

static enum lf_read_button read_button(const struct lf_kiosk *k)
{
    char voice[LF_SPEECH_VOICE_NAME];
    if (!k->speech)
        return LF_READ_NONE;
    if (!lf_voice_for(k->lang, voice, sizeof(voice)))
        return LF_READ_NO_VOICE;
    return k->reading ? LF_READ_READING : LF_READ_READY;
}

static void layout_footer(struct lf_kiosk *k)
{
    lf_scene_clear(k->footer);
    /* "3 / 17" needs every page laid out: the first frame shows the
     * footer without it (never a guessed number), and the frame after
     * it, once the rest is laid out, with it */
    bool count_known = k->first_presented || lf_carousel_complete(k->carousel);
    k->footer_count_pending = k->mode == MODE_CAROUSEL && !count_known;
    struct lf_footer f = {
        .position = k->index,
        .count = k->mode == MODE_CAROUSEL && count_known ? lf_carousel_count(k->carousel) : 0,
        .active_category = k->mode == MODE_LIST ? (int)k->category : -1,
        .show_back = k->mode != MODE_CAROUSEL,
        .large_text = k->large_text,
        .high_contrast = k->high_contrast,
        .languages_open = k->mode == MODE_LANGUAGES,
        .read = read_button(k),
        .slow_speech = k->slow_speech,
    };
    lf_layout_footer(k->footer, &k->view, &f);
    k->chrome_changed = true;
    k->clock_only = false;
}

/* Which time is shown (core/clock_floor.h): the system clock, the
 * content server's (its Date through the sync, when the system clock
 * disagrees with it) or none. Sets clock_offset_ms, view.clock_unknown
 * and clock_problem; says a change in the log once. True when what is
 * shown changed (another source, or the server's time moved by more
 * than the tolerance). */
static bool judge_clock(struct lf_kiosk *k)
{
    int64_t wall_ms = k->clock.wall_ms(k->clock.ctx);
    time_t wall = (time_t)(wall_ms >= 0 ? wall_ms / 1000 : -((-wall_ms + 999) / 1000));
    const char *what;
    time_t floor = lf_clock_floor(k->bundle && k->bundle->has_created ? k->bundle->created : 0,
                                  k->clock_seen, k->witness_floor, &what);
    struct lf_clock_witness w;
    if (!lf_sync_worker_server_time(k->worker, &w) && k->saved_witness.date > 0)
        w = k->saved_witness; /* this boot's, from before a restart */
    struct lf_clock_verdict v;
    /* the kernel's word counts for the system clock only (not for a
     * test's injected one, nor one off by --clock-offset), and only where
     * [clock] trust_ntp allows it
     * (no: the time daemon's source is not trusted, or this process's
     * clock is not the machine's, as under libfaketime in tests) */
    bool synced = k->clock.wall_ms == system_wall_ms && k->cfg->clock_offset_s == 0 &&
                  k->cfg->clock_trust_ntp && lf_clock_system_synced();
    lf_clock_judge(wall_ms, lf_clock_mono_ms(), floor, what, &w, synced, &v);
    k->clock_floor = floor;
    if (v.source == LF_CLOCK_SYSTEM && (v.settled || wall > k->clock_seen))
        k->clock_seen = wall; /* a floor the server contradicts is forgotten */
    bool moved = (v.source == LF_CLOCK_SERVER || v.source == LF_CLOCK_SERVER_SAVED) &&
                 v.source == k->clock_source &&
                 llabs(v.offset_ms - k->clock_offset_ms) > (int64_t)LF_CLOCK_TOLERANCE_S * 1000;
    bool changed = v.source != k->clock_source || moved;
    if (v.settled && !k->clock_settled && synced)
        lf_info("clock: the system clock is synchronised (NTP): believed, although it is "
                "before %s", what);
    else if (v.settled && !k->clock_settled)
        lf_info("clock: the system clock agrees with the content server %s (within %d s): "
                "believed, although it is before %s", w.host, LF_CLOCK_TOLERANCE_S, what);
    k->clock_settled = v.settled;
    bool server_off = v.server_off_ms != 0;
    if (server_off && !k->clock_server_off)
        lf_warn("clock: the content server %s's Date is %lld s off the system clock, which is "
                "synchronised (NTP): the system clock is kept; the server's clock is wrong",
                w.host, (long long)(v.server_off_ms / 1000));
    k->clock_server_off = server_off;
    if (changed && v.source == LF_CLOCK_SYSTEM)
        lf_info("clock: set now (source: system clock): dates and times are shown again");
    else if (changed)
        lf_warn("%s (source: %s)", v.why, lf_clock_source_name(v.source));
    if (changed) { /* the text of the moment it changed: status.json is not rewritten each minute */
        snprintf(k->clock_problem, sizeof(k->clock_problem), "%s", v.why);
        k->clock_beat = true;
    }
    k->clock_source = v.source;
    k->clock_offset_ms = v.offset_ms;
    k->view.clock_unknown = v.source == LF_CLOCK_NONE;
    return changed;
}

static void layout_header(struct lf_kiosk *k)
{
    judge_clock(k);
    time_t now = wall_now(k);
    k->view.now = schedule_now(k);
    k->minute = now / 60;
    lf_scene_clear(k->header);
    lf_layout_header(k->header, &k->view);
    if (k->view.clock_unknown) {
        lf_debug("clock: the header shows no date or time (source: none)");
    } else {
        char at[32];
        struct tm tm;
        if (!gmtime_r(&now, &tm) || strftime(at, sizeof(at), "%Y-%m-%d %H:%M UTC", &tm) == 0)
            snprintf(at, sizeof(at), "%lld s", (long long)now);
        lf_debug("clock: the header shows the time of %s (source: %s)", at,
                 lf_clock_source_name(k->clock_source));
    }
    k->chrome_changed = true;
}

/* Lays out what the current mode shows into `into`. */
static void layout_current(struct lf_kiosk *k, struct lf_scene *into)
{
    lf_scene_clear(into);
    lf_snapshot_empty(into == k->page ? k->page_shot : k->incoming_shot);
    /* a page of a running transition changed: its frames are drawn in full */
    lf_window_slide_end(k->slide);
    if (into == k->page)
        lf_window_slide_unshown(k->slide);
    bool carousel_page = false;
    switch (k->mode) {
    case MODE_CAROUSEL: {
        const struct lf_carousel_page *cp = lf_carousel_page(k->carousel, k->index);
        if (cp)
            k->shown = cp->page;
        carousel_page = cp != NULL;
        break;
    }
    case MODE_LIST: {
        static const enum lf_phrase titles[LF_CAT_COUNT] = {LF_P_EVENTS, LF_P_OFFERS,
                                                            LF_P_CONTACTS};
        k->shown = (struct lf_page){.kind = LF_PAGE_LIST, .list = k->list, .n_list = k->n_list,
                                    .list_title = lf_phrase(k->lang, titles[k->category]),
                                    .category = k->category, .from = k->browse_from,
                                    .notices = k->notices, .n_notices = k->n_notices};
        break;
    }
    case MODE_DETAIL:
        k->shown = (struct lf_page){.kind = LF_PAGE_SLIDE, .slide = &k->detail_slide,
                                    .from = k->browse_from};
        break;
    case MODE_LANGUAGES:
        k->shown = (struct lf_page){.kind = LF_PAGE_LANGUAGES, .from = k->browse_from};
        break;
    }
    struct lf_page_result r = {0};
    if (carousel_page)
        /* as the build laid it out, when nothing it shows changed since */
        lf_carousel_lay_out(k->carousel, k->index, &k->view, into, &r);
    else if (k->shown.kind != LF_PAGE_SLIDE || k->shown.slide)
        lf_layout_page(into, &k->view, &k->shown, &r);
    k->browse_more = k->mode != MODE_CAROUSEL && r.continues;
    k->browse_rest = r.rest;
    layout_footer(k);
}

static void arm_slide_timer(struct lf_kiosk *k)
{
    const struct lf_carousel_page *cp = lf_carousel_page(k->carousel, k->index);
    k->slide_until = k->clock.ticks(k->clock.ctx) + (uint64_t)(cp ? cp->duration_ms : k->cfg->slide_seconds * 1000);
}

static bool flow_le(struct lf_flow_pos a, struct lf_flow_pos b)
{
    return a.block < b.block || (a.block == b.block && a.offset <= b.offset);
}

/* The carousel page that shows `item` (the agenda for NULL) of `kind`
 * from `from` on: the last of its pages starting at or before `from`.
 * False when the carousel no longer has it. */
static bool find_page(const struct lf_kiosk *k, const struct lf_item *item,
                      enum lf_slide_kind kind, struct lf_flow_pos from, size_t *out)
{
    bool found = false;
    for (size_t i = 0; i < lf_carousel_count(k->carousel); i++) {
        const struct lf_carousel_page *cp = lf_carousel_page(k->carousel, i);
        const struct lf_slide *sl = cp->page.slide;
        if (!sl || sl->item != item || sl->kind != kind)
            continue;
        if (found && !flow_le(cp->page.from, from))
            break;
        *out = i;
        found = true;
    }
    return found;
}

/* k->notices := the notices valid now (copies: they outlive a build). */
static void load_notices(struct lf_kiosk *k)
{
    const struct lf_slide *slides[LF_MAX_ITEMS];
    size_t n = lf_carousel_notices(k->carousel, slides);
    k->n_notices = 0;
    for (size_t i = 0; i < n && i < LF_MAX_ITEMS; i++)
        k->notices[k->n_notices++] = *slides[i];
}

/* The lists a visitor has open follow a new build: the slides they hold
 * are copies, refreshed here (an event that ended leaves the list, a
 * running one keeps its occurrence). */
static void refresh_browsing(struct lf_kiosk *k)
{
    if (k->mode == MODE_CAROUSEL)
        return;
    const struct lf_slide *slides[LF_MAX_ITEMS];
    size_t n = lf_carousel_category(k->carousel, k->category, slides);
    k->n_list = 0;
    for (size_t i = 0; i < n && i < LF_MAX_ITEMS; i++)
        k->list[k->n_list++] = *slides[i];
    load_notices(k);
    if (k->mode == MODE_DETAIL && k->detail_index == SIZE_MAX &&
        (k->detail_slide.kind == LF_SLIDE_NOTICE || k->detail_slide.kind == LF_SLIDE_URGENT)) {
        /* a notice open: it stays while valid, then its list */
        for (size_t i = 0; i < k->n_notices; i++)
            if (k->notices[i].item == k->detail_slide.item) {
                k->detail_slide = k->notices[i];
                return;
            }
        k->mode = k->detail_from_list ? MODE_LIST : MODE_CAROUSEL;
        k->browse_from = (struct lf_flow_pos){0, 0};
        return;
    }
    if (k->mode == MODE_LIST && k->browse_from.block >= k->n_list)
        k->browse_from = (struct lf_flow_pos){0, 0};
    if (k->mode != MODE_DETAIL || k->detail_index == SIZE_MAX)
        return;
    for (size_t i = 0; i < k->n_list; i++) {
        if (k->list[i].item == k->detail_slide.item) {
            k->detail_slide = k->list[i];
            k->detail_index = i;
            return;
        }
    }
    /* it left the list (the event is over): back to the list */
    k->mode = MODE_LIST;
    k->browse_from = (struct lf_flow_pos){0, 0};
}

static void rebuild(struct lf_kiosk *k)
{
    /* what the carousel shows now, to show it again after the build (a
     * visitor who chose large text or a language stays on their item) */
    const struct lf_carousel_page *was = lf_carousel_page(k->carousel, k->index);
    const struct lf_item *item = was && was->page.slide ? was->page.slide->item : NULL;
    enum lf_slide_kind kind = was && was->page.slide ? was->page.slide->kind : LF_SLIDE_AGENDA;
    struct lf_flow_pos from = was ? was->page.from : (struct lf_flow_pos){0, 0};

    judge_clock(k);
    k->view.now = schedule_now(k);
    /* an install stamped by a clock not set (1970) says nothing of the
     * content's age: no "Stand: 1. Januar 1970" once the time is known */
    bool stale = k->installed_at > lf_build_time() - LF_CLOCK_BUILD_SLACK_S &&
                 k->view.now - k->installed_at > (time_t)k->cfg->stale_hours * 3600;
    k->view.stale_since = stale ? k->installed_at : 0;
    lf_carousel_set_max_events(k->carousel, (size_t)k->cfg->max_events);
    lf_carousel_build(k->carousel, &k->view, k->cfg->slide_seconds);
    k->changes_at = lf_carousel_rebuild_at(k->carousel);
    size_t at;
    if (was && find_page(k, item, kind, from, &at))
        k->index = at;
    if (!lf_carousel_page(k->carousel, k->index)) /* lays out only up to it */
        k->index = 0;
    refresh_browsing(k);
    layout_header(k);
    layout_current(k, k->page);
    arm_slide_timer(k);
    k->dirty = true;
}

/* `page` and `incoming` trade places, and so do their snapshots. */
static void swap_pages(struct lf_kiosk *k)
{
    struct lf_scene *t = k->page;
    k->page = k->incoming;
    k->incoming = t;
    struct lf_snapshot *s = k->page_shot;
    k->page_shot = k->incoming_shot;
    k->incoming_shot = s;
    lf_window_slide_unshown(k->slide);
}

/* Draws both pages of a transition into their snapshots before it
 * starts (while the screen still shows the old page), so that each of
 * its frames is two copies. On SDL's software renderer the window's own
 * memory holds the pages instead: the old one is taken from the screen
 * and each frame writes only the page rows that change. */
static bool take_snapshot(struct lf_kiosk *k, struct lf_snapshot *shot, const struct lf_scene *page)
{
    k->page_draws++;
    return lf_snapshot_take(shot, page);
}

/* CPU time of the calling thread, for the debug log's transition figures. */
static double thread_cpu_ms(void)
{
    struct timespec ts;
    if (clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts) != 0)
        return 0;
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static void take_snapshots(struct lf_kiosk *k)
{
    uint64_t t0 = SDL_GetTicks64();
    size_t drawn = k->page_draws;
    if (lf_window_slide_begin(k->slide, k->page, k->incoming, k->header, k->footer,
                              &k->page_draws)) {
        k->chrome_changed = false; /* drawn with the pages */
        k->drop_page_pictures = true;
        lf_debug("transition: in the window's memory, %zu page(s) drawn, ready in %d ms",
                 k->page_draws - drawn, (int)(SDL_GetTicks64() - t0));
        return;
    }
    k->drop_page_pictures = false; /* pictures, not the window, give the old page here */
    bool ok = lf_snapshot_valid(k->page_shot) || take_snapshot(k, k->page_shot, k->page);
    ok = ok && take_snapshot(k, k->incoming_shot, k->incoming);
    lf_debug("transition: pages drawn into textures in %d ms%s", (int)(SDL_GetTicks64() - t0),
             ok ? "" : " (no render targets: drawn every frame)");
}

/* Ends a running transition at once: the incoming page is the page. */
static void finish_transition(struct lf_kiosk *k)
{
    if (!k->animating)
        return;
    k->animating = false;
    swap_pages(k);
    lf_scene_clear(k->incoming);
    lf_snapshot_forget(k->incoming_shot); /* its memory back until the next transition */
    lf_window_slide_end(k->slide);        /* the screen shows a frame between the pages */
    lf_painter_sweep(k->painter);
    k->dirty = true;
}

static void reread(struct lf_kiosk *k);

/* Moves to carousel page `to`, sliding in from the side `dir`. */
static void go_to(struct lf_kiosk *k, size_t to, int dir)
{
    size_t n = lf_carousel_count(k->carousel);
    if (n == 0)
        return;
    /* a transition still running ends where it was going: the new one
     * starts from the page the visitor sees arriving */
    finish_transition(k);
    k->index = to % n;
    /* fonts none of the last LF_FONT_KEEP_PAGES pages shown used (sizes
     * only text fitting tried, a language left) are closed; their memory
     * goes back once the transition is over (draw) */
    k->fonts_closed += lf_typesetter_next_page(k->ts);
    layout_current(k, k->incoming);
    if (k->cfg->transition_ms > 0) {
        k->anim_cpu = thread_cpu_ms();
        take_snapshots(k);
        k->animating = true;
        k->anim_start = k->clock.ticks(k->clock.ctx);
        k->anim_dir = dir;
        k->anim_frames = 0;
        k->anim_last = k->anim_start;
        k->anim_next = k->anim_start;
        k->anim_worst = 0;
        k->anim_worst_frame = 0;
    } else {
        swap_pages(k);
        lf_painter_sweep(k->painter);
    }
    arm_slide_timer(k);
    k->dirty = true;
    reread(k);
}

/* Whether a visitor chose another language, text size or theme. */
static bool settings_changed(const struct lf_kiosk *k)
{
    return strcmp(k->lang, k->home_lang) != 0 || k->large_text != k->cfg->large_text ||
           k->high_contrast != (k->cfg->theme == LF_THEME_HIGH_CONTRAST) || k->slow_speech;
}

/* Whether a visitor left the screen other than it shows by itself. */
static bool visited(const struct lf_kiosk *k)
{
    return k->mode != MODE_CAROUSEL || settings_changed(k);
}

/* Applies language, text size and theme to the view and lays out anew,
 * on the same item (rebuild finds its page again). */
static void apply_settings(struct lf_kiosk *k)
{
    k->view.text_scale = k->large_text ? LF_LARGE_TEXT_SCALE : 1.0;
    k->view.theme = lf_theme_get(k->high_contrast ? LF_THEME_HIGH_CONTRAST : LF_THEME_STANDARD);
    finish_transition(k);
    lf_painter_sweep(k->painter);
    rebuild(k);
}

/* "Back": from an item opened in a list to that list, else to the
 * carousel. The visitor's language, text size and contrast stay: only
 * the idle timeout (go_home) gives the screen back its own. */
/* The page of the open list that holds entry `index` (the list laid out
 * from its start as it is now: language and text size may have changed
 * since it was opened). */
static struct lf_flow_pos list_page_of(struct lf_kiosk *k, size_t index)
{
    static const enum lf_phrase titles[LF_CAT_COUNT] = {LF_P_EVENTS, LF_P_OFFERS,
                                                        LF_P_CONTACTS};
    struct lf_page p = {.kind = LF_PAGE_LIST, .list = k->list, .n_list = k->n_list,
                        .list_title = lf_phrase(k->lang, titles[k->category]),
                        .category = k->category, .notices = k->notices,
                        .n_notices = k->n_notices};
    struct lf_scene *scratch = lf_scene_create();
    for (size_t pages = 0; pages < k->n_list; pages++) {
        struct lf_page_result r = {0};
        lf_scene_clear(scratch);
        lf_layout_page(scratch, &k->view, &p, &r);
        if (!r.continues || r.rest.block > index || r.rest.block <= p.from.block)
            break;
        p.from = (struct lf_flow_pos){r.rest.block, 0};
    }
    lf_scene_destroy(scratch);
    return p.from;
}

static void go_back(struct lf_kiosk *k)
{
    if (k->mode == MODE_DETAIL && k->detail_from_list) {
        /* to the list page of the item shown now (the visitor may have
         * swiped on to other items): they see where they are */
        k->mode = MODE_LIST;
        k->browse_from = k->detail_index != SIZE_MAX ? list_page_of(k, k->detail_index)
                                                     : k->list_from;
    } else {
        k->mode = MODE_CAROUSEL;
    }
    go_to(k, k->index, rtl(k) ? -1 : 1);
}

/* Reading aloud: the page on screen, in the screen's language, written
 * for listening (speech/script.h). While it reads, the carousel and the
 * idle timeout wait; moving to another page reads that one. */
static void start_reading(struct lf_kiosk *k)
{
    struct lf_spoken_page sp = {
        .slide = k->shown.kind == LF_PAGE_SLIDE ? k->shown.slide : NULL,
        .list = k->shown.list,
        .n_list = k->shown.n_list,
        .list_title = k->shown.kind == LF_PAGE_LIST ? k->shown.list_title : NULL,
        .notices = k->shown.kind == LF_PAGE_LIST ? k->shown.notices : NULL,
        .n_notices = k->shown.kind == LF_PAGE_LIST ? k->shown.n_notices : 0,
        .clock_unknown = k->view.clock_unknown,
        .languages = k->bundle ? (const char *const *)k->bundle->languages : NULL,
        .n_languages = k->bundle ? k->bundle->n_languages : 0,
    };
    char *script = lf_speech_script(&sp, k->lang, wall_now(k));
    int rate = k->slow_speech ? k->cfg->speech_slow_rate : k->cfg->speech_rate;
    if (script[0])
        k->reading = lf_speech_player_start(k->speech, k->lang, script, rate,
                                            k->cfg->speech_volume);
    else
        lf_speech_player_stop(k->speech); /* a page without words (the languages) */
    if (!script[0])
        k->reading = false;
    free(script);
    layout_footer(k);
    k->dirty = true;
}

static void stop_reading(struct lf_kiosk *k)
{
    if (!k->reading)
        return;
    lf_speech_player_stop(k->speech);
    k->reading = false;
    layout_footer(k);
    k->dirty = true;
}

/* The read-aloud button or key: read, or stop when reading. */
static void read_aloud(struct lf_kiosk *k)
{
    if (k->reading)
        stop_reading(k);
    else if (read_button(k) == LF_READ_READY)
        start_reading(k);
}

/* The page changed under a visitor who listens: read the new one. */
static void reread(struct lf_kiosk *k)
{
    if (k->reading)
        start_reading(k);
}

static void toggle_slow_speech(struct lf_kiosk *k)
{
    if (!k->speech)
        return;
    k->slow_speech = !k->slow_speech;
    layout_footer(k);
    k->dirty = true;
    reread(k); /* at the new rate from the start of the page */
}

/* Back to the carousel, and to the screen's own settings: the next
 * visitor does not see what the last one chose. */
static void go_home(struct lf_kiosk *k)
{
    stop_reading(k);
    k->mode = MODE_CAROUSEL;
    if (settings_changed(k)) {
        snprintf(k->lang, sizeof(k->lang), "%s", k->home_lang);
        k->large_text = k->cfg->large_text;
        k->high_contrast = k->cfg->theme == LF_THEME_HIGH_CONTRAST;
        k->slow_speech = false;
        apply_settings(k);
    }
    go_to(k, k->index, rtl(k) ? -1 : 1);
}

/* [carousel] rotate_languages: after a round, the next language of the
 * bundle (Leichte Sprache and other private-use variants are left to
 * visitors who choose them). */
static bool next_round(struct lf_kiosk *k)
{
    const struct lf_bundle *b = k->bundle;
    if (!k->cfg->rotate_languages || b->n_languages < 2)
        return false;
    size_t at = 0;
    for (size_t i = 0; i < b->n_languages; i++)
        if (strcmp(b->languages[i], k->home_lang) == 0)
            at = i;
    for (size_t step = 1; step <= b->n_languages; step++) {
        const char *next = b->languages[(at + step) % b->n_languages];
        if (!strstr(next, "-x-")) {
            snprintf(k->home_lang, sizeof(k->home_lang), "%s", next);
            break;
        }
    }
    snprintf(k->lang, sizeof(k->lang), "%s", k->home_lang);
    k->index = 0;
    apply_settings(k);
    k->index = 0; /* a new round starts at its first page */
    return true;
}

static void touched(struct lf_kiosk *k)
{
    k->idle_until = k->clock.ticks(k->clock.ctx) + (uint64_t)k->cfg->idle_seconds * 1000;
}

/* Detail page: the next or previous item of its list, from its first
 * page, round the list's ends. False when there is no other item. */
static bool step_item(struct lf_kiosk *k, int delta)
{
    if (k->detail_index == SIZE_MAX || k->n_list < 2)
        return false;
    size_t n = k->n_list;
    k->detail_index = (k->detail_index + (delta > 0 ? 1 : n - 1)) % n;
    k->detail_slide = k->list[k->detail_index];
    k->browse_from = (struct lf_flow_pos){0, 0};
    return true;
}

static void step(struct lf_kiosk *k, int delta)
{
    size_t n = lf_carousel_count(k->carousel);
    if (n == 0)
        return;
    if (k->mode != MODE_CAROUSEL) {
        /* browsing: page through a long list or item; a detail page goes
         * on to the next item of its list; a list ends in the carousel */
        touched(k);
        if (delta > 0 && k->browse_more)
            k->browse_from = k->browse_rest;
        else if (delta < 0 && (k->browse_from.block || k->browse_from.offset))
            k->browse_from = (struct lf_flow_pos){0, 0};
        else if (k->mode == MODE_DETAIL && k->detail_index != SIZE_MAX) {
            if (!step_item(k, delta))
                return; /* the only item of its list: nothing to go to */
        } else
            k->mode = MODE_CAROUSEL;
        go_to(k, k->index, rtl(k) ? -delta : delta);
        return;
    }
    /* the next round plays the next offers and contacts, and on a screen
     * nobody can touch its agenda names later events (app/carousel.h) */
    bool window_moved = delta > 0 && k->index + 1 == n && lf_carousel_next_round(k->carousel);
    bool rotate = delta > 0 && k->index + 1 == n && k->cfg->rotate_languages && !visited(k);
    if (rotate || window_moved) {
        /* a new round, in the next language (which rebuilds) */
        bool rebuilt = rotate && next_round(k);
        if (!rebuilt && window_moved) {
            finish_transition(k);
            rebuild(k);
        }
        k->index = 0;
        go_to(k, 0, rtl(k) ? -1 : 1);
        return;
    }
    if (n == 1) {
        /* one page (a single urgent notice): it stays, it does not slide
         * out and back in to itself */
        arm_slide_timer(k);
        return;
    }
    go_to(k, (k->index + n + (size_t)(delta > 0 ? 1 : n - 1)) % n, rtl(k) ? -delta : delta);
}

static void open_mode(struct lf_kiosk *k, enum mode m)
{
    k->mode = m;
    k->browse_from = (struct lf_flow_pos){0, 0};
    touched(k);
    go_to(k, k->index, rtl(k) ? -1 : 1);
}

/* k->list := the slides of `cat`. */
static void load_list(struct lf_kiosk *k, enum lf_category cat)
{
    const struct lf_slide *slides[LF_MAX_ITEMS];
    size_t n = lf_carousel_category(k->carousel, cat, slides);
    k->n_list = 0;
    for (size_t i = 0; i < n && i < LF_MAX_ITEMS; i++)
        k->list[k->n_list++] = *slides[i];
    k->category = cat;
    load_notices(k);
}

static void open_category(struct lf_kiosk *k, enum lf_category cat)
{
    load_list(k, cat);
    open_mode(k, MODE_LIST);
}

/* One item in full. Its list (for "next item") is the list it was
 * tapped in, else its category's. */
static void open_detail(struct lf_kiosk *k, const struct lf_slide *slide)
{
    if (!slide || !slide->item)
        return;
    struct lf_slide chosen = *slide; /* `slide` may point into k->list */
    k->detail_from_list = k->mode == MODE_LIST;
    k->list_from = k->browse_from;
    if (k->mode != MODE_LIST)
        load_list(k, lf_slide_category(&chosen));
    k->detail_index = SIZE_MAX;
    if (chosen.kind != LF_SLIDE_NOTICE && chosen.kind != LF_SLIDE_URGENT)
        for (size_t i = 0; i < k->n_list && k->detail_index == SIZE_MAX; i++)
            if (k->list[i].item == chosen.item)
                k->detail_index = i;
    k->detail_slide = chosen;
    open_mode(k, MODE_DETAIL);
}

static void tap(struct lf_kiosk *k, int x, int y)
{
    touched(k);
    /* a tap while pages slide counts on the page arriving, where it will
     * stand: the visitor's finger is never lost */
    finish_transition(k);
    const struct lf_target *t = lf_scene_hit(k->footer, x, y);
    if (!t)
        t = lf_scene_hit(k->page, x, y);
    if (t) {
        switch (t->action) {
        case LF_ACT_PREV:
            step(k, -1);
            return;
        case LF_ACT_NEXT:
            step(k, +1);
            return;
        case LF_ACT_CATEGORY:
            open_category(k, (enum lf_category)t->arg);
            return;
        case LF_ACT_HOME:
            go_back(k);
            return;
        case LF_ACT_ITEM:
            if (t->arg >= 0 && (size_t)t->arg < k->shown.n_list)
                open_detail(k, &k->shown.list[t->arg]);
            return;
        case LF_ACT_NOTICE: /* a notice at the top of a list */
            if (t->arg >= 0 && (size_t)t->arg < k->shown.n_notices)
                open_detail(k, &k->shown.notices[t->arg]);
            return;
        case LF_ACT_LANGUAGE:
            if (t->arg >= 0 && (size_t)t->arg < k->bundle->n_languages) {
                snprintf(k->lang, sizeof(k->lang), "%s", k->bundle->languages[t->arg]);
                if (k->mode == MODE_LANGUAGES) {
                    /* chosen: back to what the visitor was reading */
                    k->mode = k->before_languages;
                    k->browse_from = (struct lf_flow_pos){0, 0};
                }
                apply_settings(k);
                if (k->reading && read_button(k) == LF_READ_NO_VOICE)
                    stop_reading(k); /* never read in another language's voice */
                reread(k);
            }
            return;
        case LF_ACT_MORE_LANGUAGES:
            if (k->mode != MODE_LANGUAGES)
                k->before_languages = k->mode;
            open_mode(k, MODE_LANGUAGES);
            return;
        case LF_ACT_LARGE_TEXT:
            k->large_text = !k->large_text;
            apply_settings(k);
            return;
        case LF_ACT_CONTRAST:
            k->high_contrast = !k->high_contrast;
            apply_settings(k);
            return;
        case LF_ACT_READ_ALOUD:
            read_aloud(k);
            return;
        case LF_ACT_SLOWER:
            toggle_slow_speech(k);
            return;
        case LF_ACT_NONE:
            break;
        }
    }
    /* a tap on a slide of the carousel holds it: the visitor reads */
    if (k->mode == MODE_CAROUSEL && k->shown.slide && k->shown.slide->item)
        open_detail(k, k->shown.slide);
}

static void handle_key(struct lf_kiosk *k, const SDL_KeyboardEvent *key)
{
    SDL_Keymod mod = key->keysym.mod;
    SDL_Keycode sym = key->keysym.sym;
    /* the documented admin combination; Esc and Alt+F4 do nothing */
    if (sym == SDLK_q && (mod & KMOD_CTRL) && (mod & KMOD_ALT) && (mod & KMOD_SHIFT)) {
        k->quit = true;
        return;
    }
    touched(k);
    /* the key map for tactile keypads (README, "Keys"): arrows and the
     * number block move, Enter opens, Space / * / Play reads aloud */
    switch (sym) {
    case SDLK_RIGHT:
    case SDLK_DOWN:
    case SDLK_PAGEDOWN:
    case SDLK_KP_6:
    case SDLK_KP_2:
    case SDLK_AUDIONEXT:
        step(k, rtl(k) && (sym == SDLK_RIGHT || sym == SDLK_KP_6) ? -1 : +1);
        break;
    case SDLK_LEFT:
    case SDLK_UP:
    case SDLK_PAGEUP:
    case SDLK_KP_4:
    case SDLK_KP_8:
    case SDLK_AUDIOPREV:
        step(k, rtl(k) && (sym == SDLK_LEFT || sym == SDLK_KP_4) ? +1 : -1);
        break;
    case SDLK_1:
    case SDLK_2:
    case SDLK_3:
        open_category(k, (enum lf_category)(sym - SDLK_1));
        break;
    case SDLK_HOME:
    case SDLK_BACKSPACE:
    case SDLK_KP_7:
        go_back(k);
        break;
    case SDLK_RETURN:
    case SDLK_KP_ENTER:
    case SDLK_KP_5:
        tap(k, k->view.width / 2, k->view.height / 2);
        break;
    case SDLK_SPACE:
    case SDLK_KP_MULTIPLY:
    case SDLK_AUDIOPLAY:
    case SDLK_AUDIOSTOP:
        read_aloud(k);
        break;
    case SDLK_KP_MINUS:
    case SDLK_MINUS:
        toggle_slow_speech(k);
        break;
    default:
        break;
    }
}

static void pointer(struct lf_kiosk *k, enum lf_pointer_action action, int x, int y)
{
    struct lf_pointer_event ev = {action, x, y, k->clock.ticks(k->clock.ctx)};
    struct lf_gesture g;
    if (!lf_gesture_feed(k->gesture, &ev, &g))
        return;
    switch (g.kind) {
    case LF_GESTURE_TAP:
        tap(k, g.x, g.y);
        break;
    case LF_GESTURE_SWIPE_LEFT: /* content moves left: the next one (right-to-left: previous) */
        touched(k);
        step(k, rtl(k) ? -1 : +1);
        break;
    case LF_GESTURE_SWIPE_RIGHT:
        touched(k);
        step(k, rtl(k) ? +1 : -1);
        break;
    default:
        break;
    }
}

static bool touch_wakes(struct lf_kiosk *k, const SDL_Event *ev);

static void handle_event(struct lf_kiosk *k, const SDL_Event *ev)
{
    if (touch_wakes(k, ev))
        return;
    switch (ev->type) {
    case SDL_KEYDOWN:
        handle_key(k, &ev->key);
        break;
    case SDL_MOUSEBUTTONDOWN:
    case SDL_MOUSEBUTTONUP:
    case SDL_MOUSEMOTION:
        if (ev->type == SDL_MOUSEMOTION && !(ev->motion.state & SDL_BUTTON_LMASK))
            break;
        if (ev->type != SDL_MOUSEMOTION && ev->button.button != SDL_BUTTON_LEFT)
            break;
        if ((ev->type == SDL_MOUSEMOTION ? ev->motion.which : ev->button.which) ==
            SDL_TOUCH_MOUSEID)
            break; /* synthesized from touch: the finger events below count */
        pointer(k,
                ev->type == SDL_MOUSEBUTTONDOWN ? LF_POINTER_DOWN
                : ev->type == SDL_MOUSEBUTTONUP ? LF_POINTER_UP
                                                : LF_POINTER_MOVE,
                ev->type == SDL_MOUSEMOTION ? ev->motion.x : ev->button.x,
                ev->type == SDL_MOUSEMOTION ? ev->motion.y : ev->button.y);
        break;
    case SDL_FINGERDOWN:
    case SDL_FINGERUP:
    case SDL_FINGERMOTION:
        pointer(k,
                ev->type == SDL_FINGERDOWN ? LF_POINTER_DOWN
                : ev->type == SDL_FINGERUP ? LF_POINTER_UP
                                           : LF_POINTER_MOVE,
                (int)(ev->tfinger.x * k->view.width), (int)(ev->tfinger.y * k->view.height));
        break;
    case SDL_SYSWMEVENT:
        /* X11: the screen's size changed (system/x11_screen.h) */
        if (ev->syswm.msg && ev->syswm.msg->subsystem == SDL_SYSWM_X11 &&
            lf_x11_screen_event(&ev->syswm.msg->msg.x11.event))
            k->next_screen_poll = 0;
        break;
    case SDL_DISPLAYEVENT:
        /* a monitor plugged in or out: look at the screen's size now */
        if (ev->display.event == SDL_DISPLAYEVENT_CONNECTED ||
            ev->display.event == SDL_DISPLAYEVENT_DISCONNECTED) {
            lf_info("a display was %s", ev->display.event == SDL_DISPLAYEVENT_CONNECTED
                                            ? "connected" : "disconnected");
            k->next_screen_poll = 0;
        }
        break;
    case SDL_WINDOWEVENT:
        if (ev->window.event == SDL_WINDOWEVENT_SIZE_CHANGED) {
            int was_w = k->view.width, was_h = k->view.height;
            set_view_size(k);
            if (was_w != k->view.width || was_h != k->view.height)
                lf_info("screen %dx%d: laid out anew (was %dx%d)", k->view.width,
                        k->view.height, was_w, was_h);
            lf_gesture_set_screen(k->gesture, k->view.width, k->view.height);
            rebuild(k);
        } else if (ev->window.event == SDL_WINDOWEVENT_EXPOSED) {
            lf_window_slide_expose(k->slide);
            k->dirty = true;
        } else if (ev->window.event == SDL_WINDOWEVENT_CLOSE) {
            k->window_closed = true;
        } else if (ev->window.event == SDL_WINDOWEVENT_FOCUS_LOST && !k->cfg->windowed) {
            SDL_RaiseWindow(k->window);
        }
        break;
    case SDL_RENDER_DEVICE_RESET:
    case SDL_RENDER_TARGETS_RESET:
        /* the graphics driver lost its textures: make them again */
        lf_info("renderer reset: the cached text and images are made again");
        lf_painter_forget(k->painter);
        lf_snapshot_forget(k->page_shot);
        lf_snapshot_forget(k->incoming_shot);
        lf_window_slide_end(k->slide);
        lf_window_slide_unshown(k->slide);
        k->dirty = true;
        break;
    default:
        if (ev->type == k->installed_event && ev->user.data1) {
            free(k->pending_dir); /* a newer one replaces one still waiting */
            k->pending_dir = ev->user.data1;
        }
        break;
    case SDL_QUIT:
        /* a window manager's close (Alt+F4: a window close event came
         * first) ends only a windowed test run; without one it is SIGTERM
         * or SIGINT (systemd stopping the service): a clean stop */
        if (k->cfg->windowed || !k->window_closed)
            k->quit = true;
        k->window_closed = false;
        break;
    }
}

static double ease(double t)
{
    return t < 0.5 ? 4 * t * t * t : 1 - pow(-2 * t + 2, 3) / 2;
}

/* The frame as drawn, to the reporter's thread (which scales and sends it). */
static void take_screenshot(struct lf_kiosk *k)
{
    int w = 0, h = 0;
    if (SDL_GetRendererOutputSize(k->renderer, &w, &h) != 0 || w <= 0 || h <= 0 ||
        (long long)w * h > LF_REPORT_MAX_SCREEN_PIXELS)
        return;
    void *px = lf_xmalloc((size_t)w * (size_t)h * 4);
    if (SDL_RenderReadPixels(k->renderer, NULL, SDL_PIXELFORMAT_ARGB8888, px, w * 4) == 0)
        lf_reporter_screenshot(k->reporter, px, w, h, w * 4);
    else
        lf_debug("screenshot: %s", SDL_GetError());
    free(px);
}

/* How far a running transition has moved the pages (pixels, signed by
 * its direction); counts the frame for the smoothness figure. */
static int transition_offset(struct lf_kiosk *k)
{
    uint64_t now = k->clock.ticks(k->clock.ctx);
    double t = (double)(now - k->anim_start) / k->cfg->transition_ms;
    if (t > 1)
        t = 1;
    if (now - k->anim_last > k->anim_worst) {
        k->anim_worst = now - k->anim_last;
        k->anim_worst_frame = k->anim_frames + 1;
    }
    k->anim_last = now;
    k->anim_frames++;
    /* the next frame at the display's next 1/60 s from the start, never
     * sooner: a frame more than the display shows is work for nothing */
    uint64_t slot = (now - k->anim_start) * FRAMES_PER_SECOND / 1000 + 1;
    k->anim_next = k->anim_start + (slot * 1000 + FRAMES_PER_SECOND - 1) / FRAMES_PER_SECOND;
    return (int)lround(ease(t) * k->view.width) * k->anim_dir;
}

/* A transition's frame in the window's memory (render/window_slide.h):
 * header and footer stay where they are unless they changed. False when
 * it has ended (the frame is then drawn in full). */
static bool draw_in_window(struct lf_kiosk *k, int off)
{
    if (!lf_window_slide_active(k->slide))
        return false;
    if (k->chrome_changed && !lf_window_slide_chrome(k->slide, k->header, k->footer))
        return false;
    int w = k->view.width;
    if (k->animating)
        return lf_window_slide_frame(k->slide, -off, k->anim_dir * w - off);
    /* the frame that ends a transition: the new page in place */
    return lf_window_slide_frame(k->slide, -k->anim_dir * w, 0);
}

/* The frame, not yet presented (lf_kiosk_screenshot reads it back). */
static void draw_frame(struct lf_kiosk *k)
{
    k->frames++;
    if (!k->display_on) {
        lf_window_slide_end(k->slide);
        lf_window_slide_unshown(k->slide);
        SDL_SetRenderDrawColor(k->renderer, 0, 0, 0, 255);
        SDL_RenderClear(k->renderer);
        return; /* [power] off: black */
    }
    int off = k->animating ? transition_offset(k) : 0;
    bool in_window = draw_in_window(k, off);
    k->chrome_changed = false;
    if (in_window)
        return;
    SDL_SetRenderDrawColor(k->renderer, 0, 0, 0, 255);
    SDL_RenderClear(k->renderer);
    if (k->animating) {
        int w = k->view.width;
        if (lf_snapshot_valid(k->page_shot) && lf_snapshot_valid(k->incoming_shot)) {
            lf_snapshot_draw(k->page_shot, -off);
            lf_snapshot_draw(k->incoming_shot, k->anim_dir * w - off);
        } else {
            lf_painter_draw(k->painter, k->page, -off, 255);
            lf_painter_draw(k->painter, k->incoming, k->anim_dir * w - off, 255);
            k->page_draws += 2;
        }
    } else if (lf_snapshot_valid(k->page_shot)) {
        lf_snapshot_draw(k->page_shot, 0); /* the frame that ends a transition */
    } else {
        lf_painter_draw(k->painter, k->page, 0, 255);
        k->page_draws++;
    }
    lf_painter_draw(k->painter, k->header, 0, 255);
    lf_painter_draw(k->painter, k->footer, 0, 255);
}

static void draw(struct lf_kiosk *k)
{
    bool clock_only = k->clock_only && !k->animating && k->display_on;
    k->clock_only = false;
    /* the clock's minute on a still page: the header's rows alone, drawn
     * and sent (render/window_slide.h), on the software renderer */
    bool sent = clock_only && lf_window_slide_header(k->slide, k->header, k->footer);
    if (sent) {
        k->frames++;
        k->chrome_changed = false;
        if (lf_reporter_wants_screenshot(k->reporter))
            take_screenshot(k); /* the window surface holds the whole frame */
    } else {
        draw_frame(k);
        if (lf_reporter_wants_screenshot(k->reporter))
            take_screenshot(k);
    }
    if (sent) {
        /* the header's rows are on screen */
    } else if (lf_window_slide_active(k->slide)) {
        lf_window_slide_present(k->slide); /* only the rows that changed */
    } else {
        SDL_RenderPresent(k->renderer);
    }
    /* a page standing still needs no picture (8 MB at 1080p, 33 MB at
     * 4K): its memory goes back until the next transition draws it, and
     * the rare redraw of a still page (the clock's minute) draws the
     * page's cached lines; the window's memory keeps it for the next
     * transition on the software renderer */
    if (!k->animating) {
        lf_snapshot_forget(k->page_shot);
        lf_window_slide_end(k->slide);
        if (k->display_on)
            lf_window_slide_shown(k->slide, k->header, k->footer);
        /* after a transition in the window's memory the page's line
         * pictures (2-3 MB at 1080p) are not drawn again: the next
         * transition takes the page from the window; only a redraw of the
         * still page (a visitor, a changed footer) makes them again, once */
        if (k->drop_page_pictures) {
            const struct lf_scene *const chrome[] = {k->header, k->footer};
            lf_painter_keep_only(k->painter, chrome, 2);
            k->drop_page_pictures = false;
            k->trim = true;
        }
        if (k->fonts_closed) {
            lf_debug("fonts: %d closed after the transition, %d open", k->fonts_closed,
                     lf_typesetter_open_fonts(k->ts));
            k->fonts_closed = 0;
            k->trim = true;
        }
        if (k->trim) {
            /* the pictures and fonts freed leave holes in the heap (1-2 MB
             * at 1080p): given back until the next transition, not kept */
            malloc_trim(0);
            k->trim = false;
        }
    }
    if (!k->first_presented) {
        /* for bench/first_frame.sh: exec to first present */
        struct timespec ts;
        clock_gettime(CLOCK_REALTIME, &ts);
        lf_debug("first frame presented at %lld.%06ld", (long long)ts.tv_sec, ts.tv_nsec / 1000);
        k->first_presented = true;
    }
}

bool lf_kiosk_screenshot(struct lf_kiosk *k, const char *path)
{
    bool ok = false;
    int w = 0, h = 0;
    SDL_GetRendererOutputSize(k->renderer, &w, &h);
    SDL_Surface *shot = SDL_CreateRGBSurfaceWithFormat(0, w, h, 24, SDL_PIXELFORMAT_RGB24);
    char *tmp = lf_xasprintf("%s.tmp", path);
    draw_frame(k); /* what is on screen, drawn again: the back buffer is not kept */
    if (!shot || SDL_RenderReadPixels(k->renderer, NULL, SDL_PIXELFORMAT_RGB24, shot->pixels,
                                      shot->pitch) != 0) {
        lf_error("screenshot: cannot read the frame back: %s", SDL_GetError());
    } else if (IMG_SavePNG(shot, tmp) != 0 || rename(tmp, path) != 0) {
        lf_error("screenshot: cannot write %s: %s", path, IMG_GetError());
        unlink(tmp);
    } else {
        lf_info("screenshot: %dx%d written to %s", w, h, path);
        ok = true;
    }
    SDL_RenderPresent(k->renderer);
    SDL_FreeSurface(shot);
    free(tmp);
    return ok;
}

/* Loads the bundle the worker installed and shows it from the next slide
 * on. It was validated before it was installed; it is loaded (and so
 * validated) again here, and a bundle that fails keeps the old one. */
/* Where the content comes from: with sync, the newest valid installed
 * bundle whose signature still verifies, else the one before, else the
 * folder in [content] dir. */
static void choose_content(struct lf_kiosk *k, char *dir, size_t size)
{
    const struct lf_config *cfg = k->cfg;
    snprintf(dir, size, "%s", cfg->content_dir);
    k->installed_at = 0;
    if (cfg->sync_url[0] &&
        !lf_store_choose_trusted(cfg->cache_dir, cfg->trusted_keys, cfg->content_dir, dir, size,
                                 &k->installed_at, k->diags))
        snprintf(dir, size, "%s", cfg->content_dir);
}

static void swap_bundle(struct lf_kiosk *k)
{
    char *dir = k->pending_dir;
    k->pending_dir = NULL;
    lf_diags_destroy(k->diags);
    k->diags = lf_diags_create();
    struct lf_bundle *b = lf_bundle_load(dir, k->diags);
    if (!b) {
        lf_diags_print(k->diags, stderr);
        lf_error("%s: new content not shown, the last good content stays", dir);
        snprintf(k->content_error, sizeof(k->content_error), "%s: new content not valid", dir);
        free(dir);
        lf_sync_worker_adopted(k->worker, NULL); /* refused: the next may come */
        return;
    }
    struct lf_bundle *old = k->bundle;
    k->bundle = b;
    k->view.bundle = b;
    lf_phrases_use(b);
    k->waiting = false;
    k->installed_at = wall_now(k);
    /* the visitor's lists point into the old bundle: none is open (the
     * swap waits for the carousel), and the carousel is rebuilt here */
    if (!k->cfg->lang[0] && !k->cfg->rotate_languages)
        snprintf(k->home_lang, sizeof(k->home_lang), "%s", b->default_lang);
    snprintf(k->lang, sizeof(k->lang), "%s", k->home_lang);
    /* the old bundle's words leave the hyphenator's memo once every page
     * of this one is laid out (months of bundles never fill it) */
    lf_hyphenator_new_round(lf_hyphenator_default());
    rebuild(k);
    /* the step that follows starts the new content from its first page */
    k->index = lf_carousel_count(k->carousel) ? lf_carousel_count(k->carousel) - 1 : 0;
    lf_bundle_destroy(old);
    lf_painter_sweep(k->painter);
    /* the old bundle, its pages and the worker's download are freed:
     * give the holes they leave in the heaps (main and the worker's
     * arena) back to the system, so that a kiosk taking a new bundle
     * every few minutes for months stays at the same size */
    malloc_trim(0);
    lf_info("showing new content from %s (version %s)", dir, b->version ? b->version : "-");
    snprintf(k->content_source, sizeof(k->content_source), "%s", dir);
    k->content_error[0] = '\0';
    /* the old folder is off screen: the next may come */
    lf_sync_worker_adopted(k->worker, dir);
    free(dir);
}

/* The waiting page says what the worker last found (status.json). */
static void refresh_waiting(struct lf_kiosk *k)
{
    struct lf_store_status st;
    lf_store_read_status(k->cfg->cache_dir, &st);
    if (st.last_attempt == k->waiting_attempt && strcmp(st.last_error, k->waiting_error) == 0)
        return;
    struct lf_bundle *b = lf_waiting_bundle(k->cfg, st.last_error, st.last_attempt,
                                            wall_now(k));
    if (!b)
        return;
    k->waiting_attempt = st.last_attempt;
    snprintf(k->waiting_error, sizeof(k->waiting_error), "%s", st.last_error);
    lf_info("waiting page: still no content from %s; last error: %s", k->cfg->sync_url,
            st.last_error[0] ? st.last_error : "none");
    struct lf_bundle *old = k->bundle;
    k->bundle = b;
    k->view.bundle = b;
    lf_phrases_use(b);
    lf_hyphenator_new_round(lf_hyphenator_default());
    rebuild(k);
    lf_bundle_destroy(old);
    lf_painter_sweep(k->painter);
    k->dirty = true;
}

/* A running transition's next frame (as the last frame drawn set it),
 * or its end. */
static uint64_t transition_deadline(const struct lf_kiosk *k, uint64_t now)
{
    uint64_t end = k->anim_start + (uint64_t)k->cfg->transition_ms;
    uint64_t at = k->anim_next > now ? k->anim_next : now + 1;
    return at < end ? at : end;
}

/* What happens on time: the clock, the carousel, idle, the end of a
 * transition. Returns the next moment something will happen. */
static uint64_t tick(struct lf_kiosk *k)
{
    uint64_t now = k->clock.ticks(k->clock.ctx);
    bool clock_changed = judge_clock(k);
    time_t wall = wall_now(k), sched = schedule_now(k);
    if (sched >= k->changes_at || sched < k->view.now || clock_changed) {
        /* the schedule changed at this second (a notice starts or ends,
         * hours open or close, an event starts or ends, a new day), or
         * the wall clock was set back: everything on screen anew, now,
         * in every mode (a visitor reading an offer sees it close) */
        finish_transition(k);
        rebuild(k);
    } else if (!k->animating && lf_hyphenator_adopt(lf_hyphenator_default())) {
        /* hyphenation patterns read in the background are used from now
         * on: every page is laid out again under them, at once (a page
         * must never continue from a point computed under the old line
         * breaks, or text at its top would be repeated or left out); the
         * visitor stays on the item */
        rebuild(k);
    } else if (!k->animating && lf_carousel_complete(k->carousel) &&
               lf_hyphenator_release(lf_hyphenator_default())) {
        /* every page is laid out under the patterns: the points of its
         * words are in the hyphenator's memo, the patterns (German: 13 MB)
         * are freed; a word not in it reads them again in the background.
         * What their reading left free in the heaps (the loader thread's
         * arena, the layouts made before) goes back to the system */
        malloc_trim(0);
        lf_debug("hyphenation: patterns freed, %zu words kept",
                 lf_hyphenator_stats(lf_hyphenator_default()).memo_words);
    }
    if (wall / 60 != k->minute) {
        /* nothing else to draw: draw() may send the header's rows alone */
        k->clock_only = !k->dirty && !k->chrome_changed && !k->animating;
        layout_header(k);
        k->dirty = true;
        struct lf_painter_stats ps = lf_painter_stats(k->painter);
        lf_debug("painter: %zu textures, %zu lines typeset, %zu images decoded", ps.textures,
                 ps.text_renders, ps.image_decodes);
    }
    if (k->reading && !lf_speech_player_reading(k->speech)) {
        /* read to the end: the kiosk goes on from here */
        k->reading = false;
        layout_footer(k);
        k->dirty = true;
        arm_slide_timer(k);
        touched(k);
    }
    if (k->animating) {
        if (now >= k->anim_start + (uint64_t)k->cfg->transition_ms) {
            k->animating = false;
            lf_debug("transition: %d frames in %d ms, longest frame %d ms, %.1f ms of CPU "
                     "(main thread, pages drawn and frames); the longest was frame %d",
                     k->anim_frames, (int)(now - k->anim_start), (int)k->anim_worst,
                     thread_cpu_ms() - k->anim_cpu, k->anim_worst_frame);
            swap_pages(k);
            lf_scene_clear(k->incoming);
            lf_snapshot_forget(k->incoming_shot); /* its memory back until the next transition */
            lf_painter_sweep(k->painter);
            k->dirty = true;
        } else if (now >= k->anim_next) {
            k->dirty = true;
        }
    } else if (k->mode == MODE_CAROUSEL && k->waiting && k->pending_dir) {
        swap_bundle(k); /* the first content: no reason to keep the waiting page up */
        step(k, +1);
    } else if (k->reading) {
        /* the carousel and the idle timeout wait while the page is read */
    } else if (k->mode == MODE_CAROUSEL && now >= k->slide_until) {
        if (k->pending_dir && !visited(k))
            swap_bundle(k); /* at a slide boundary, never under a visitor's finger */
        step(k, +1);
    } else if (visited(k) && now >= k->idle_until) {
        go_home(k); /* the next visitor does not see what the last one looked at */
    }
    if (k->waiting && !k->animating && k->mode == MODE_CAROUSEL && !k->pending_dir &&
        now >= k->waiting_refresh_at) {
        refresh_waiting(k);
        k->waiting_refresh_at = now + LF_WAITING_REFRESH_MS;
    }

    if (k->animating)
        return transition_deadline(k, now);
    /* the next clock minute in the header, or the next change in the
     * schedule, to the millisecond */
    uint64_t next = ticks_at_wall(k, (k->minute + 1) * 60, now);
    uint64_t change = ticks_at_wall(k, k->changes_at, now);
    if (change < next)
        next = change;
    if (k->view.clock_unknown && now + LF_CLOCK_RECHECK_MS < next)
        next = now + LF_CLOCK_RECHECK_MS; /* NTP's answer on screen within seconds */
    if (k->reading)
        return next < now + LF_SPEECH_POLL_MS ? next : now + LF_SPEECH_POLL_MS;
    if (k->mode == MODE_CAROUSEL && k->slide_until < next)
        next = k->slide_until;
    if (visited(k) && k->idle_until < next)
        next = k->idle_until;
    if (k->waiting && k->waiting_refresh_at < next)
        next = k->waiting_refresh_at;
    return next;
}

/* The index of SDL's render driver called `name`, -1 if there is none. */
static int render_driver_index(const char *name)
{
    for (int i = 0; i < SDL_GetNumRenderDrivers(); i++) {
        SDL_RendererInfo info;
        if (SDL_GetRenderDriverInfo(i, &info) == 0 && strcmp(info.name, name) == 0)
            return i;
    }
    return -1;
}

/* [display] renderer (render/renderer_choice.h): the GPU's renderer, or
 * SDL's software renderer drawing straight into the window's memory. */
static SDL_Renderer *create_renderer(SDL_Window *window, const struct lf_renderer_choice *c)
{
    SDL_Renderer *r = NULL;
    if (c->gpu) {
        static const char *const gpu_drivers[] = {"opengl", "opengles2"};
        for (size_t i = 0; !r && i < sizeof(gpu_drivers) / sizeof(gpu_drivers[0]); i++) {
            int at = render_driver_index(gpu_drivers[i]);
            if (at >= 0)
                r = SDL_CreateRenderer(window, at,
                                       SDL_RENDERER_ACCELERATED | SDL_RENDERER_PRESENTVSYNC);
        }
    } else {
        int at = render_driver_index("software");
        if (at >= 0)
            r = SDL_CreateRenderer(window, at, SDL_RENDERER_SOFTWARE);
    }
    if (!r) {
        lf_warn("the %s renderer cannot start (%s); trying any", c->gpu ? "gpu" : "software",
                SDL_GetError());
        r = SDL_CreateRenderer(window, -1, 0);
    }
    return r;
}

static bool open_window(struct lf_kiosk *k)
{
    /* before SDL starts: the GL probe runs in a child process */
    struct lf_renderer_choice choice;
    lf_renderer_choose((enum lf_renderer_setting)k->cfg->renderer, &choice);
    SDL_SetHint(SDL_HINT_VIDEO_MINIMIZE_ON_FOCUS_LOSS, "0");
    /* under cage a libdecor-decorated window may never be mapped, and a
     * kiosk has no use for decorations (docs: display-notes) */
    SDL_SetHint("SDL_VIDEO_WAYLAND_ALLOW_LIBDECOR", "0");
    /* SDL turns SIGTERM and SIGINT into SDL_QUIT: the service stops
     * cleanly (lf_kiosk_run's display check has started it already) */
    if (SDL_WasInit(SDL_INIT_VIDEO) == 0 && SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
        char why[LF_DISPLAY_EXPLAIN_BYTES];
        lf_display_explain(LF_DRI_DIR, why, sizeof(why));
        lf_error("cannot start video: %s; %s", SDL_GetError(), why);
        return false;
    }
    /* software on X11: the window's pixels go to the server as they are
     * (shared memory), not through a GL texture that would load Mesa */
    const char *video = SDL_GetCurrentVideoDriver();
    if (!choice.gpu && video && strcmp(video, "x11") == 0)
        SDL_SetHintWithPriority(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0", SDL_HINT_OVERRIDE);
    Uint32 flags = SDL_WINDOW_ALLOW_HIGHDPI;
    int w = k->cfg->width, h = k->cfg->height;
    SDL_DisplayMode mode;
    if (k->cfg->windowed) {
        flags |= SDL_WINDOW_RESIZABLE;
    } else if (video && strcmp(video, "x11") == 0 && !lf_x11_window_manager_running()) {
        /* nobody to make a window full screen: SDL would wait 100 ms for
         * it; a borderless window of the screen's size is the same */
        flags |= SDL_WINDOW_BORDERLESS;
        if (SDL_GetDesktopDisplayMode(0, &mode) == 0) {
            w = mode.w;
            h = mode.h;
        }
    } else {
        flags |= SDL_WINDOW_FULLSCREEN_DESKTOP; /* the display's native resolution */
        /* without a window manager (a kiosk often has none) the window
         * keeps the size it was created with: make that the display's */
        if (SDL_GetDesktopDisplayMode(0, &mode) == 0) {
            w = mode.w;
            h = mode.h;
        }
    }
    k->window = SDL_CreateWindow("litfass", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, w,
                                 h, flags);
    if (!k->window) {
        lf_error("cannot open a window: %s", SDL_GetError());
        return false;
    }
    k->renderer = create_renderer(k->window, &choice);
    if (!k->renderer) {
        lf_error("cannot create a renderer: %s", SDL_GetError());
        return false;
    }
    SDL_DisableScreenSaver();
    if (!k->cfg->windowed)
        SDL_ShowCursor(SDL_DISABLE);
    SDL_SysWMinfo wm;
    SDL_VERSION(&wm.version);
    k->drm_fd = -1;
    if (SDL_GetWindowWMInfo(k->window, &wm) && wm.subsystem == SDL_SYSWM_X11) {
        k->x_display = wm.info.x11.display;
        k->x_window = (unsigned long)wm.info.x11.window;
        if (!k->cfg->windowed) {
            SDL_EventState(SDL_SYSWMEVENT, SDL_ENABLE);
            lf_x11_watch_screen(k->x_display);
        }
    }
#if SDL_VERSION_ATLEAST(2, 0, 15)
    if (wm.subsystem == SDL_SYSWM_KMSDRM)
        k->drm_fd = wm.info.kmsdrm.drm_fd;
#endif
    snprintf(k->renderer_reason, sizeof(k->renderer_reason), "%s", choice.reason);
    return true;
}

/* The pixels per inch touch targets are sized by: [display] dpi, else
 * the display's own when SDL reports a believable one (lf_display_choose_dpi),
 * else 0 (the layout's assumption); logged once, with where it came from. */
static int display_dpi(const struct lf_kiosk *k)
{
    float hdpi = 0.0f;
    int display = k->window ? SDL_GetWindowDisplayIndex(k->window) : -1;
    if (k->cfg->dpi > 0 || display < 0 || SDL_GetDisplayDPI(display, NULL, &hdpi, NULL) != 0)
        hdpi = 0.0f;
    enum lf_dpi_source source;
    int dpi = lf_display_choose_dpi(k->cfg->dpi, hdpi, &source);
    if (source == LF_DPI_ASSUMED && hdpi != 0.0f)
        lf_info("touch sizes: %d dpi assumed (the display reports %.1f, not believed: outside "
                "%d..%d; set [display] dpi)", LF_ASSUMED_DPI, (double)hdpi, LF_MIN_DISPLAY_DPI,
                LF_MAX_DISPLAY_DPI);
    else
        lf_info("touch sizes: %d dpi (%s)", dpi ? dpi : LF_ASSUMED_DPI,
                source == LF_DPI_ASSUMED ? "assumed: the display reports none"
                                         : lf_dpi_source_name(source));
    return dpi;
}

/* Called on the sync worker's thread: hand the folder to the main thread
 * as an SDL event (SDL_PushEvent is thread-safe); never touch the kiosk. */
static bool report_installed(void *ctx, const char *bundle_dir)
{
    const struct lf_kiosk *k = ctx;
    SDL_Event ev;
    SDL_zero(ev);
    ev.type = k->installed_event;
    ev.user.data1 = lf_xstrdup(bundle_dir);
    if (SDL_PushEvent(&ev) == 1)
        return true;
    free(ev.user.data1);
    return false;
}

/* [power] and [monitor] name from the config; false (logged) for a
 * schedule that does not parse (the config's own check prevents it). */
static bool apply_power_config(struct lf_kiosk *k)
{
    lf_log_set_name(k->cfg->monitor_name);
    lf_monitor_destroy(k->monitor);
    k->monitor = NULL;
    /* status.json lives in the state folder; a developer's run without
     * one (no /var/lib/litfass) simply has no heartbeat */
    if (!k->monitoring)
        ; /* a kiosk driven by tests: no files in the state folder */
    else if (access(k->cfg->cache_dir, W_OK) == 0)
        k->monitor = lf_monitor_create(k->cfg->cache_dir, k->cfg->monitor_metrics_file,
                                       k->cfg->monitor_name);
    else
        lf_info("no heartbeat: %s is not writable: %s", k->cfg->cache_dir, strerror(errno));
    char err[LF_POWER_ERROR_BYTES];
    struct lf_power_schedule *p = NULL;
    if (k->cfg->power_on_hours[0] || k->cfg->power_holidays != LF_HOLIDAYS_NONE ||
        k->cfg->power_closed_dates[0]) {
        p = lf_power_schedule_create(k->cfg->power_on_hours,
                                     (enum lf_holidays)k->cfg->power_holidays,
                                     k->cfg->power_closed_dates, err, sizeof(err));
        if (!p) {
            lf_error("[power]: %s; the screen stays on", err);
            return false;
        }
    }
    lf_power_schedule_destroy(k->power);
    k->power = p;
    k->power_next = 0; /* look again now */
    return true;
}

/* The reporter gets the config's [monitor] and [sync] keys it needs, never
 * the config itself (monitor/ comes before app/ in the data flow). */
static struct lf_reporter *start_reporter(const struct lf_config *cfg)
{
    const struct lf_reporter_settings set = {
        .report_url = cfg->monitor_report_url,
        .token_file = cfg->monitor_report_token_file,
        .ca_file = cfg->ca_file,
        .cache_dir = cfg->cache_dir,
        .sync_on = cfg->sync_url[0] != '\0',
        .allow_http = cfg->monitor_report_allow_http,
        .report_seconds = cfg->monitor_report_seconds,
        .screenshot_seconds = cfg->monitor_screenshot_seconds,
    };
    return lf_reporter_start(&set);
}

/* Syncs and reports run in a child (sync/net_child.h) when enabled: then
 * this process never opens libcurl. */
static bool net_ready(void)
{
    return lf_net_child_enabled() || lf_sync_global_init();
}

static void start_sync(struct lf_kiosk *k, const char *dir)
{
    if (!k->cfg->sync_url[0])
        return;
    if (k->installed_event == (Uint32)-1)
        k->installed_event = SDL_RegisterEvents(1);
    struct lf_sync_settings set;
    lf_config_sync_settings(k->cfg, &set);
    if (k->installed_event != (Uint32)-1 && net_ready())
        k->worker = lf_sync_worker_start(&set, dir, report_installed, k);
    if (!k->worker)
        lf_warn("sync is off: the screen keeps showing %s", dir);
}

/* The content server's time saved in the state folder by an earlier run
 * (sync/clock_witness.h): carried on when it is from this boot, a floor
 * only when from before a reboot. A bad file is named in the log. */
static void load_saved_witness(struct lf_kiosk *k, const char *cache_dir)
{
    struct lf_saved_witness s;
    if (!lf_clock_witness_load(cache_dir, false, &s))
        return;
    char at[32];
    struct tm tm;
    if (!gmtime_r(&s.w.date, &tm) || strftime(at, sizeof(at), "%Y-%m-%d %H:%M:%S UTC", &tm) == 0)
        snprintf(at, sizeof(at), "%lld s", (long long)s.w.date);
    if (s.same_boot) {
        k->saved_witness = s.w;
        lf_info("clock: %s/%s: the content server %s said %s on this boot, %lld s ago by the "
                "boot clock: carried on until the sync answers", cache_dir,
                LF_CLOCK_WITNESS_FILE, s.w.host, at,
                (long long)((lf_clock_mono_ms() - s.w.mono_ms) / 1000));
    } else {
        k->witness_floor = s.w.date;
        lf_info("clock: %s/%s: the content server %s said %s before this boot: no time is "
                "derived from it, a clock before it is not believed", cache_dir,
                LF_CLOCK_WITNESS_FILE, s.w.host, at);
    }
}

struct lf_kiosk *lf_kiosk_create(const struct lf_config *cfg)
{
    struct lf_kiosk *k = lf_xcalloc(1, sizeof(*k));
    k->cfg = cfg; /* the caller's until a reload brings a config of its own */
    k->clock = (struct lf_kiosk_clock){system_ticks, system_wall_ms, k};
    /* the newest time the sync saw on this clock before a restart
     * (status.json): a clock behind it is not believed */
    struct lf_store_status seen;
    lf_store_read_status(cfg->cache_dir, &seen);
    k->clock_seen = seen.last_success > seen.installed_at ? seen.last_success : seen.installed_at;
    load_saved_witness(k, cfg->cache_dir);
    k->diags = lf_diags_create();
    k->installed_event = (Uint32)-1;
    char dir[2 * LF_MAX_PATH_BYTES + 64];
    choose_content(k, dir, sizeof(dir));
    k->bundle = lf_bundle_load(dir, k->diags);
    lf_phrases_use(k->bundle);
    lf_diags_print(k->diags, stderr);
    if (!k->bundle && cfg->sync_url[0]) {
        /* a new kiosk: nothing downloaded yet and no sample to show */
        lf_warn("%s: no content to show yet; the waiting page stays until the first bundle "
                "arrives from %s", dir, cfg->sync_url);
        k->waiting = true;
        k->bundle = lf_waiting_bundle(cfg, "", 0, wall_now(k));
        lf_phrases_use(k->bundle);
        dir[0] = '\0'; /* nothing of the store on screen */
    }
    if (!k->bundle) {
        lf_error("%s: no valid content to show", dir);
        goto fail;
    }
    /* eSpeak NG's voices and the sound device before the window: SDL may try
     * every audio driver (100 ms where none works) while the renderer
     * probe's child still runs */
    if (cfg->speech && lf_voice_init())
        k->speech = lf_speech_player_create(cfg->speech_device);
    /* no sound: SDL's audio is stopped after the first frame (it waits
     * up to 100 ms for its ALSA device watcher) */
    k->audio_to_stop = cfg->speech && !k->speech && SDL_WasInit(SDL_INIT_AUDIO);
    k->speech_to_rest = k->speech != NULL;
    if (!open_window(k))
        goto fail;
    if (TTF_Init() != 0) {
        lf_error("SDL_ttf: %s", TTF_GetError());
        goto fail;
    }
    k->ttf = true;
    k->ts = lf_typesetter_create();
    if (!k->ts)
        goto fail;
    /* the footer's strings at every page, the pages' at every build: each
     * width shaped once */
    k->widths = lf_measure_memo_create(lf_typesetter_measure(k->ts));
    k->painter = lf_painter_create(k->renderer, k->ts);
    k->page_shot = lf_snapshot_create(k->renderer, k->painter);
    k->incoming_shot = lf_snapshot_create(k->renderer, k->painter);
    k->slide = lf_window_slide_create(k->renderer, k->painter);
    k->gesture = lf_gesture_create(1, 1);
    k->carousel = lf_carousel_create();
    k->header = lf_scene_create();
    k->footer = lf_scene_create();
    k->page = lf_scene_create();
    k->incoming = lf_scene_create();
    snprintf(k->home_lang, sizeof(k->home_lang), "%s",
             cfg->lang[0] ? cfg->lang : k->bundle->default_lang);
    snprintf(k->lang, sizeof(k->lang), "%s", k->home_lang);
    k->large_text = cfg->large_text;
    k->high_contrast = cfg->theme == LF_THEME_HIGH_CONTRAST;
    k->view = (struct lf_view){
        .bundle = k->bundle,
        .lang = k->lang,
        .theme = lf_theme_get(k->high_contrast ? LF_THEME_HIGH_CONTRAST : LF_THEME_STANDARD),
        .measure = lf_measure_memo_measure(k->widths),
        .text_scale = k->large_text ? LF_LARGE_TEXT_SCALE : 1.0,
        .organisation = cfg->organisation,
        .passive = !cfg->touch,
        .dpi = display_dpi(k),
    };
    k->view.speech = k->speech != NULL;
    set_view_size(k);
    lf_gesture_set_screen(k->gesture, k->view.width, k->view.height);
    rebuild(k);
    snprintf(k->content_source, sizeof(k->content_source), "%s", dir);
    SDL_RendererInfo info;
    if (SDL_GetRendererInfo(k->renderer, &info) != 0)
        info.name = "unknown";
    lf_info("litfass %s: config %s; video driver: %s, renderer: %s (%s), screen %dx%d; content %s "
            "(%s)%s%s: showing its first page", LITFASS_VERSION, cfg->path[0] ? cfg->path : "(defaults)",
            SDL_GetCurrentVideoDriver(), info.name, k->renderer_reason, k->view.width,
            k->view.height, dir,
            k->installed_at ? "installed by sync" : "folder", cfg->sync_url[0] ? ", sync from " : "",
            cfg->sync_url);
    k->service = lf_service_create();
    k->display_on = true;
    k->schedule_on = true;
    (void)apply_power_config(k);
    start_sync(k, dir);
    if (cfg->monitor_report_url[0] && net_ready())
        k->reporter = start_reporter(cfg);
    if (k->reporter && !k->monitor && k->monitoring)
        lf_warn("monitor: %s is not writable: the studio gets heartbeats but no slides shown "
                "(proof of play is counted there)", cfg->cache_dir);
    return k;
fail:
    lf_kiosk_destroy(k);
    return NULL;
}

void lf_kiosk_destroy(struct lf_kiosk *k)
{
    if (!k)
        return;
    lf_sync_worker_stop(k->worker); /* first: it may still post events */
    lf_reporter_stop(k->reporter);
    free(k->pending_dir);
    if (k->installed_event != (Uint32)-1 && k->installed_event != 0) {
        SDL_Event ev; /* folders reported but not yet taken */
        while (SDL_PeepEvents(&ev, 1, SDL_GETEVENT, k->installed_event, k->installed_event) == 1)
            free(ev.user.data1);
    }
    lf_speech_player_destroy(k->speech); /* before SDL_Quit: it closes its device */
    lf_scene_destroy(k->header);
    lf_scene_destroy(k->footer);
    lf_scene_destroy(k->page);
    lf_scene_destroy(k->incoming);
    lf_carousel_destroy(k->carousel);
    lf_gesture_destroy(k->gesture);
    lf_snapshot_destroy(k->page_shot);
    lf_snapshot_destroy(k->incoming_shot);
    lf_window_slide_destroy(k->slide);
    lf_painter_destroy(k->painter);
    lf_measure_memo_destroy(k->widths);
    lf_typesetter_destroy(k->ts);
    if (k->ttf)
        TTF_Quit();
    if (k->renderer)
        SDL_DestroyRenderer(k->renderer);
    if (k->window)
        SDL_DestroyWindow(k->window);
    SDL_Quit();
    lf_bundle_destroy(k->bundle);
    lf_diags_destroy(k->diags);
    lf_service_destroy(k->service);
    lf_power_schedule_destroy(k->power);
    lf_monitor_destroy(k->monitor);
    free(k);
}

bool lf_kiosk_reload(struct lf_kiosk *k, const struct lf_config *cfg)
{
    lf_service_reloading(k->service, true);
    const struct lf_config *old = k->cfg;
    struct lf_config next = cfg ? *cfg : *old;
    if (cfg && (next.windowed != old->windowed || next.width != old->width ||
                next.height != old->height || next.renderer != old->renderer))
        lf_warn("reload: display.windowed, width, height and renderer take effect at the next "
                "start; the rest is applied now");
    /* the worker keeps a copy of the config: a new one for new settings */
    lf_sync_worker_stop(k->worker);
    k->worker = NULL;
    free(k->pending_dir);
    k->pending_dir = NULL;
    k->cfg_own = next;
    k->cfg = &k->cfg_own;
    lf_log_set_level((enum lf_log_level)k->cfg->log_level);

    lf_diags_destroy(k->diags);
    k->diags = lf_diags_create();
    char dir[2 * LF_MAX_PATH_BYTES + 64];
    time_t installed_at = k->installed_at;
    choose_content(k, dir, sizeof(dir));
    struct lf_bundle *b = lf_bundle_load(dir, k->diags);
    lf_diags_print(k->diags, stderr);
    bool ok = b != NULL;
    if (!b) {
        lf_error("reload: %s: no valid content; the content on screen stays", dir);
        snprintf(k->content_error, sizeof(k->content_error), "%s: no valid content", dir);
        k->installed_at = installed_at;
    } else {
        struct lf_bundle *prev = k->bundle;
        k->bundle = b;
        k->view.bundle = b;
        lf_phrases_use(b);
        lf_bundle_destroy(prev);
        k->waiting = false;
        snprintf(k->content_source, sizeof(k->content_source), "%s", dir);
        k->content_error[0] = '\0';
    }
    /* what a visitor chose is dropped with the lists into the old bundle */
    k->mode = MODE_CAROUSEL;
    snprintf(k->home_lang, sizeof(k->home_lang), "%s",
             k->cfg->lang[0] ? k->cfg->lang : k->bundle->default_lang);
    snprintf(k->lang, sizeof(k->lang), "%s", k->home_lang);
    k->large_text = k->cfg->large_text;
    k->high_contrast = k->cfg->theme == LF_THEME_HIGH_CONTRAST;
    k->view.organisation = k->cfg->organisation;
    k->view.passive = !k->cfg->touch;
    k->index = 0;
    k->animating = false;
    lf_hyphenator_new_round(lf_hyphenator_default()); /* the content read again */
    (void)apply_power_config(k);
    apply_settings(k); /* lays out anew; the old frame stays until the new one is drawn */
    start_sync(k, k->content_source); /* the folder on screen, kept by the store */
    lf_reporter_stop(k->reporter);
    k->reporter = NULL;
    if (k->cfg->monitor_report_url[0] && net_ready())
        k->reporter = start_reporter(k->cfg);
    lf_info("reloaded: config %s, content %s (%s): showing %zu pages",
            k->cfg->path[0] ? k->cfg->path : "(defaults)", dir,
            k->installed_at ? "installed by sync" : "folder", lf_carousel_count(k->carousel));
    lf_service_reloading(k->service, false);
    return ok;
}

void lf_kiosk_set_clock(struct lf_kiosk *k, const struct lf_kiosk_clock *clock)
{
    k->clock = *clock;
    k->clock_seen = 0; /* another clock: nothing seen on it yet */
    k->saved_witness = (struct lf_clock_witness){0};
    k->witness_floor = 0;
    k->power_next = 0;
    k->wake_until = 0;
    rebuild(k);
}

void lf_kiosk_handle(struct lf_kiosk *k, const SDL_Event *ev)
{
    handle_event(k, ev);
}

/* What the studio's fleet page shows (monitor/reporter.h): copied, sent
 * by the reporter's thread. */
static void offer_heartbeat(struct lf_kiosk *k, const char *mode, const char *item)
{
    if (!k->reporter)
        return;
    struct lf_heartbeat hb = {
        .serial = k->bundle->serial,
        .slide = (int)k->index + 1,
        .slides = (int)lf_carousel_count(k->carousel),
        .display_on = k->display_on,
        /* never below 0 (the studio refuses that heartbeat): a clock set
         * back within the clock's tolerance is before the install */
        .content_age_s = !k->installed_at               ? -1
                         : wall_now(k) < k->installed_at ? 0
                                                         : (long)(wall_now(k) - k->installed_at),
    };
    snprintf(hb.name, sizeof(hb.name), "%s", k->cfg->monitor_name);
    snprintf(hb.item, sizeof(hb.item), "%s", item ? item : "");
    snprintf(hb.mode, sizeof(hb.mode), "%s", mode);
    snprintf(hb.lang, sizeof(hb.lang), "%s", k->lang);
    /* cut at a character's start: the reporter's JSON takes UTF-8 only */
    size_t cut = strnlen(k->clock_problem, sizeof(hb.clock) - 1);
    while (cut > 0 && k->clock_problem[cut] && ((unsigned char)k->clock_problem[cut] & 0xC0) == 0x80)
        cut--;
    memcpy(hb.clock, k->clock_problem, cut);
    hb.clock[cut] = '\0';
    snprintf(hb.clock_source, sizeof(hb.clock_source), "%s",
             lf_clock_source_name(k->clock_source));
    if (k->clock_source == LF_CLOCK_SERVER || k->clock_source == LF_CLOCK_SERVER_SAVED)
        hb.clock_offset_s = (long long)(k->clock_offset_ms / 1000);
    lf_reporter_offer(k->reporter, &hb);
}

/* What `systemctl status` shows: the slide on screen. */
static void report_status(struct lf_kiosk *k)
{
    const char *const *modes = mode_names;
    const struct lf_slide *sl = k->mode == MODE_DETAIL ? &k->detail_slide : k->shown.slide;
    const char *item = k->shown.kind == LF_PAGE_SLIDE && sl && sl->item ? sl->item->id : NULL;
    char text[LF_SERVICE_STATUS_BYTES + 1];
    snprintf(text, sizeof(text), "%s %zu/%zu%s%s (%s), %dx%d", modes[k->mode], k->index + 1,
             lf_carousel_count(k->carousel), item ? ": " : "", item ? item : "", k->lang,
             k->view.width, k->view.height);
    /* the system clock, as `litfass status` and the textfile's reader
     * compare it with theirs (not the time shown) */
    k->last_frame = (time_t)(k->clock.wall_ms(k->clock.ctx) / 1000);
    /* proof of play, counted once here: the monitor counts (and keeps the
     * counts in proof-of-play.json), the reporter sends its counts */
    if (k->monitor && k->mode == MODE_CAROUSEL && !k->animating &&
        (!k->played_any || k->slide_until != k->counted_slide_until)) {
        k->played_any = true;
        k->counted_slide_until = k->slide_until; /* once per slide shown */
        lf_monitor_slide_shown(k->monitor, item, k->last_frame);
        char date[11];
        json_t *today = lf_monitor_plays_today(k->monitor, k->last_frame, date);
        lf_reporter_plays(k->reporter, date, today);
    }
    offer_heartbeat(k, modes[k->mode], item);
    if (!k->first_frame_shown) {
        k->first_frame_shown = true;
        lf_service_ready(k->service, text);
        lf_info("first frame on screen: %s", text);
    } else {
        lf_service_status(k->service, "%s", text);
    }
}

static uint64_t heartbeat(struct lf_kiosk *k, uint64_t now, bool force);

/* Turns the screen off (black once, then nothing drawn; the monitor to
 * sleep through DPMS, a TV to standby over CEC) or on again. Each step
 * that fails says so and the rest goes on. */
static void set_display(struct lf_kiosk *k, bool on, const char *why, time_t until)
{
    k->display_on = on;
    offer_heartbeat(k, on ? "carousel" : "off", NULL);
    char when[64] = "";
    if (until != (time_t)-1) {
        struct tm tm;
        lf_local_time(until, &tm);
        strftime(when, sizeof(when), " until %a %Y-%m-%d %H:%M:%S", &tm);
    }
    lf_info("display %s (%s)%s", on ? "on" : "off", why, when);
    char err[256];
    if (k->cfg->power_dpms && k->x_display && !lf_x11_dpms(k->x_display, on, err, sizeof(err)))
        lf_warn("DPMS %s: %s", on ? "on" : "off", err);
    if (k->cfg->power_dpms && k->drm_fd >= 0 && !lf_drm_dpms(k->drm_fd, on, err, sizeof(err)))
        lf_warn("DRM DPMS %s: %s", on ? "on" : "off", err);
    if (k->cfg->power_cec_device[0] &&
        !lf_cec_power(k->cfg->power_cec_device, on, err, sizeof(err)))
        lf_warn("HDMI-CEC %s: %s", on ? "wake" : "standby", err);
    if (on) {
        finish_transition(k);
        rebuild(k); /* the time and the content may have moved on */
    } else {
        finish_transition(k);
        lf_window_slide_unshown(k->slide);
        SDL_SetRenderDrawColor(k->renderer, 0, 0, 0, 255);
        SDL_RenderClear(k->renderer);
        SDL_RenderPresent(k->renderer);
        lf_service_status(k->service, "display off (%s)%s", why, when);
    }
}

/* Whether the screen should be on now: the schedule, or a touch that
 * woke it. Returns the ticks of the next change. */
static uint64_t follow_power(struct lf_kiosk *k, uint64_t now)
{
    if (!k->power && k->display_on)
        return NEVER;
    if (now < k->power_next && k->display_on == (k->schedule_on || k->wake_until > now))
        return k->power_next;
    time_t change = -1;
    time_t wall = (time_t)(kiosk_wall_ms(k) / 1000);
    k->schedule_on = !k->power || lf_power_on_at(k->power, wall, &change);
    bool woken = !k->schedule_on && k->wake_until > now;
    k->power_next = change == (time_t)-1 ? NEVER : ticks_at_wall(k, change, now);
    if (woken && k->wake_until < k->power_next)
        k->power_next = k->wake_until;
    bool want = k->schedule_on || woken;
    if (want != k->display_on) {
        set_display(k, want, k->schedule_on ? "schedule" : woken ? "woken by a touch" : "schedule",
                    woken ? (time_t)-1 : change);
        (void)heartbeat(k, now, true);
    }
    return k->power_next;
}

/* A touch or key while the schedule has the screen off: on for
 * [power] wake_minutes after the last one. True when the event only woke
 * the screen (a visitor's first touch on a dark screen does nothing else). */
static bool touch_wakes(struct lf_kiosk *k, const SDL_Event *ev)
{
    if (!k->power || k->schedule_on)
        return false;
    if (ev->type != SDL_FINGERDOWN && ev->type != SDL_MOUSEBUTTONDOWN && ev->type != SDL_KEYDOWN)
        return false;
    uint64_t now = k->clock.ticks(k->clock.ctx);
    k->wake_until = now + (uint64_t)k->cfg->power_wake_minutes * 60000;
    if (k->display_on)
        return false;
    lf_info("a touch wakes the screen for %d minutes", k->cfg->power_wake_minutes);
    k->power_next = 0;
    follow_power(k, now);
    return true;
}

/* Full screen on X11: a new resolution or rotation (RandR) of the screen
 * makes the window that size; SDL's SIZE_CHANGED then lays it out anew. */
static uint64_t follow_screen(struct lf_kiosk *k, uint64_t now)
{
    if (!k->x_display || k->cfg->windowed)
        return NEVER;
    if (now >= k->next_screen_poll) {
        k->next_screen_poll = now + LF_X11_SCREEN_RECHECK_MS;
        int w, h, ww = 0, wh = 0;
        SDL_GetWindowSize(k->window, &ww, &wh);
        if (lf_x11_screen_size(k->x_display, &w, &h) && (w != ww || h != wh) &&
            (w != k->fitted_w || h != k->fitted_h)) {
            lf_info("the screen is now %dx%d (the window %dx%d): fitting the window", w, h, ww,
                    wh);
            k->fitted_w = w;
            k->fitted_h = h;
            lf_x11_fit_window(k->x_display, k->x_window, w, h);
        }
    }
    return k->next_screen_poll;
}

/* The heartbeat into status.json and the metrics (src/monitor/). */
static uint64_t heartbeat(struct lf_kiosk *k, uint64_t now, bool force)
{
    if (!k->monitor)
        return NEVER;
    static const char *const modes[] = {"carousel", "list", "detail"};
    const struct lf_slide *sl = k->mode == MODE_DETAIL ? &k->detail_slide : k->shown.slide;
    struct lf_monitor_screen sc = {
        .display_on = k->display_on,
        .last_frame = k->last_frame,
        .bundle_dir = k->waiting ? NULL : k->content_source,
        .bundle_version = k->waiting ? NULL : k->bundle->version,
        .bundle_serial = k->bundle->serial,
        .content_since = k->installed_at ? k->installed_at
                         : k->bundle->has_created ? k->bundle->created : 0,
        .mode = modes[k->mode],
        .item_id = k->shown.kind == LF_PAGE_SLIDE && sl && sl->item ? sl->item->id : NULL,
        .lang = k->lang,
        .position = k->index,
        .count = lf_carousel_count(k->carousel),
        .width = k->view.width,
        .height = k->view.height,
        .content_error = k->content_error,
        .clock_problem = k->clock_problem,
        .clock_source = lf_clock_source_name(k->clock_source),
        .time_shown = wall_now(k),
        .state_lock = k->state_lock_dir && strcmp(k->state_lock_dir, k->cfg->cache_dir) == 0,
    };
    time_t wall = (time_t)(k->clock.wall_ms(k->clock.ctx) / 1000); /* as last_frame */
    lf_monitor_heartbeat(k->monitor, &sc, wall, force || k->clock_beat);
    k->clock_beat = false;
    return now + (uint64_t)lf_monitor_due_in(k->monitor, wall) * 1000 + 1;
}

uint64_t lf_kiosk_update(struct lf_kiosk *k)
{
    uint64_t power = follow_power(k, k->clock.ticks(k->clock.ctx));
    if (!k->display_on) {
        /* off: nothing is laid out or drawn; wake for the schedule, a touch
         * (an event ends the wait), the heartbeat or the watchdog */
        uint64_t beat = heartbeat(k, k->clock.ticks(k->clock.ctx), false);
        uint64_t pet = lf_service_pet(k->service, k->clock.ticks(k->clock.ctx));
        if (beat < power)
            power = beat;
        return pet < power ? pet : power;
    }
    uint64_t next = tick(k);
    /* tick() gave a transition's frame due now: drawing it sets when the
     * next one is (else the loop woke a millisecond later only to learn
     * that: twice the wake-ups and event pumps per frame) */
    bool frame_due = k->animating && k->dirty;
    uint64_t poll = follow_screen(k, k->clock.ticks(k->clock.ctx));
    if (lf_reporter_wants_screenshot(k->reporter))
        k->dirty = true; /* a screenshot is taken of a frame as it is drawn */
    if (k->dirty) {
        draw(k);
        if (frame_due && k->animating)
            next = transition_deadline(k, k->clock.ticks(k->clock.ctx));
        k->dirty = false;
        report_status(k); /* with the page count: the rest is laid out now */
        if (k->audio_to_stop) {
            k->audio_to_stop = false;
            SDL_QuitSubSystem(SDL_INIT_AUDIO);
        }
        if (k->speech_to_rest) {
            /* read-aloud was checked at start (voices, a sound device)
             * and is pressed rarely: SDL's audio is given back after the
             * first frame and started again at the first press
             * (lf_speech_player_start, which also starts eSpeak NG's
             * synthesis then) */
            k->speech_to_rest = false;
            lf_speech_player_rest(k->speech);
        }
        if (k->footer_count_pending) {
            layout_footer(k);
            k->dirty = true; /* the next turn of the loop, at once */
            next = k->clock.ticks(k->clock.ctx);
        }
    }
    if (power < next)
        next = power;
    if (poll < next)
        next = poll;
    uint64_t beat = heartbeat(k, k->clock.ticks(k->clock.ctx), false);
    if (beat < next)
        next = beat;
    /* the frame loop, not a thread of its own, tells the watchdog it is alive */
    uint64_t pet = lf_service_pet(k->service, k->clock.ticks(k->clock.ctx));
    return pet < next ? pet : next;
}

bool lf_kiosk_quitting(const struct lf_kiosk *k)
{
    return k->quit;
}

void lf_kiosk_describe(const struct lf_kiosk *k, struct lf_kiosk_state *out)
{
    const char *const *modes = mode_names;
    const struct lf_slide *sl = k->mode == MODE_DETAIL ? &k->detail_slide : k->shown.slide;
    *out = (struct lf_kiosk_state){
        .mode = modes[k->mode],
        .position = k->index,
        .count = lf_carousel_count(k->carousel),
        .category = k->mode == MODE_LIST ? (int)k->category : -1,
        .item_id = k->shown.kind == LF_PAGE_SLIDE && sl && sl->item ? sl->item->id : NULL,
        .page_continues = k->browse_more,
        .first_entry = k->browse_from.block,
        .animating = k->animating,
        .lang = k->lang,
        .large_text = k->large_text,
        .high_contrast = k->high_contrast,
        .reading = k->reading,
        .slow_speech = k->slow_speech,
        .read_button = read_button(k),
        .width = k->view.width,
        .height = k->view.height,
        .display_on = k->display_on,
        .frames = k->frames,
        .page_draws = k->page_draws,
        .page_pictures = (int)lf_snapshot_held(k->page_shot) +
                         (int)lf_snapshot_held(k->incoming_shot) +
                         (lf_window_slide_held(k->slide) > 0 ? 2 : 0),
    };
}

bool lf_kiosk_find_target(const struct lf_kiosk *k, enum lf_action action, int arg,
                          int *x, int *y)
{
    /* during a transition: where it will stand (a tap ends the transition) */
    const struct lf_scene *scenes[2] = {k->footer, k->animating ? k->incoming : k->page};
    for (int s = 0; s < 2; s++) {
        for (size_t i = 0; i < lf_scene_target_count(scenes[s]); i++) {
            const struct lf_target *t = lf_scene_target_at(scenes[s], i);
            if (t->action == action && t->arg == arg) {
                *x = t->box.x + t->box.w / 2;
                *y = t->box.y + t->box.h / 2;
                return true;
            }
        }
    }
    return false;
}

/* `litfass run` must be seen: without DISPLAY, WAYLAND_DISPLAY or
 * /dev/dri, SDL would quietly pick a driver that draws into memory. */
static bool display_visible(void)
{
    SDL_SetHint("SDL_VIDEO_WAYLAND_ALLOW_LIBDECOR", "0");
    char why[LF_DISPLAY_EXPLAIN_BYTES];
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
        lf_display_explain(LF_DRI_DIR, why, sizeof(why));
        lf_error("cannot open the display: %s; %s", SDL_GetError(), why);
        return false;
    }
    const char *driver = SDL_GetCurrentVideoDriver();
    bool visible = lf_display_driver_visible(driver);
    if (!visible) {
        lf_display_explain(LF_DRI_DIR, why, sizeof(why));
        lf_error("no visible display: SDL chose its '%s' video driver, which shows nothing on "
                 "a screen; %s", driver ? driver : "(none)", why);
    }
    /* kept open for the window: the renderer probe
     * (render/renderer_choice.h) was forked before, so no child shares
     * this display connection */
    if (!visible)
        SDL_Quit();
    return visible;
}

/* SIGHUP (systemctl reload) becomes an SDL event: a thread of its own
 * waits for the signal, which every other thread has blocked, so nothing
 * runs in a signal handler and the frame loop wakes at once. */
struct hangup_watch {
    pthread_t thread;
    bool running;
    atomic_bool stop;
    Uint32 event;       /* SIGHUP: reload */
                        /* event + 1, SIGUSR1: `litfass screenshot` asks */
};

static void *hangup_thread(void *arg)
{
    struct hangup_watch *w = arg;
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGHUP);
    sigaddset(&set, SIGUSR1);
    for (;;) {
        int sig = 0;
        if (sigwait(&set, &sig) != 0)
            continue;
        if (atomic_load(&w->stop))
            break;
        SDL_Event ev;
        SDL_zero(ev);
        ev.type = sig == SIGUSR1 ? w->event + 1 : w->event;
        SDL_PushEvent(&ev);
    }
    return NULL;
}

static void hangup_start(struct hangup_watch *w)
{
    w->event = SDL_RegisterEvents(2);
    atomic_store(&w->stop, false);
    if (w->event == (Uint32)-1 || pthread_create(&w->thread, NULL, hangup_thread, w) != 0)
        lf_warn("SIGHUP will not reload: no thread for it");
    else
        w->running = true;
}

static void hangup_stop(struct hangup_watch *w)
{
    if (!w->running)
        return;
    atomic_store(&w->stop, true);
    pthread_kill(w->thread, SIGHUP);
    pthread_join(w->thread, NULL);
    w->running = false;
}

/* `litfass screenshot` sent SIGUSR1: the frame goes to the state folder. */
static void screenshot_request(struct lf_kiosk *k)
{
    char *path = lf_xasprintf("%s/%s", k->cfg->cache_dir, LF_KIOSK_SCREENSHOT_NAME);
    if (!lf_kiosk_screenshot(k, path))
        lf_warn("screenshot: none taken (logged above)");
    free(path);
}

static void reload(struct lf_kiosk *k, lf_kiosk_config_loader load, void *ctx)
{
    lf_info("SIGHUP: reading the config and the content again");
    struct lf_config *next = lf_xcalloc(1, sizeof(*next));
    if (!load || load(next, ctx)) {
        (void)lf_kiosk_reload(k, load ? next : NULL);
    } else {
        lf_error("reload: the config has errors (listed above); the old config stays, the "
                 "content is read again");
        (void)lf_kiosk_reload(k, NULL);
    }
    free(next);
}

/* The state folder's kiosk.lock (see lf_kiosk_run): still the file this
 * kiosk holds, or made again (and watched again). False when another kiosk
 * took it (logged). */
/* On the lock watch's thread: the main loop looks at the lock. */
static void push_lock_event(void *ctx)
{
    SDL_Event ev;
    SDL_zero(ev);
    ev.type = *(const Uint32 *)ctx;
    SDL_PushEvent(&ev);
}

static bool keep_state_lock(const char *dir, int *fd, bool *lost_logged,
                            struct lf_lock_watch *watch)
{
    char err[1024];
    char mark[32];
    snprintf(mark, sizeof(mark), "%ld\n", (long)getpid());
    switch (lf_handover_lock_keep(dir, LF_KIOSK_LOCK_NAME, mark, fd, err, sizeof(err))) {
    case LF_LOCK_KEPT:
        if (watch && !lf_lock_watch_active(watch))
            (void)lf_lock_watch_rearm(watch); /* made again by the sync worker first */
        break;
    case LF_LOCK_RENEWED:
        *lost_logged = false;
        (void)lf_lock_watch_rearm(watch); /* the old watch ended with the folder */
        lf_warn("the state folder %s or its " LF_KIOSK_LOCK_NAME " was deleted while the "
                "kiosk ran (tmpfiles, rm -rf?): made again and locked, so no second kiosk "
                "starts on it", dir);
        break;
    case LF_LOCK_TAKEN:
        lf_error("%s: another kiosk runs on the state folder %s now (one kiosk per folder: "
                 "both would write status.json's heartbeat); this one stops", err, dir);
        return false;
    case LF_LOCK_LOST:
        if (!*lost_logged)
            lf_error("the state folder's lock is gone and cannot be made again: %s (a second "
                     "kiosk could start on %s; `litfass status` says so)", err, dir);
        *lost_logged = true;
        break;
    }
    return true;
}

int lf_kiosk_run(const struct lf_config *cfg, lf_kiosk_config_loader load, void *ctx,
                 int *state_lock)
{
    /* blocked before any thread exists (SDL's, the sync worker): only
     * the hangup thread takes SIGHUP */
    sigset_t hup;
    sigemptyset(&hup);
    sigaddset(&hup, SIGHUP);
    sigaddset(&hup, SIGUSR1);
    pthread_sigmask(SIG_BLOCK, &hup, NULL);
    /* [display] renderer = auto asks the GL driver in a child process,
     * started before SDL opens the display in this one; it answers while
     * the content is loaded (lf_kiosk_create collects it) */
    if (cfg->renderer == LF_RENDERER_AUTO)
        lf_renderer_probe_start(cfg->cache_dir);
    /* big buffers (a page picture is 8 MB at 1080p, 33 MB at 4K; decoded
     * images) always come from mmap and go back to the system when freed:
     * glibc's sliding threshold would otherwise move them into the heap,
     * where freed ones keep the memory of a kiosk that runs for months */
    mallopt(M_MMAP_THRESHOLD, LF_KIOSK_MMAP_THRESHOLD);
    /* the kiosk takes no typed text: Xlib's input method, which SDL opens
     * with the display, need not read the locale's Compose table (about
     * 5,000 key sequences, 0.6 MB of heap for the kiosk's lifetime). An
     * XCOMPOSEFILE the admin set is kept */
    setenv("XCOMPOSEFILE", "/dev/null", 0);
    if (!display_visible())
        return 1;
    /* hyphenation patterns load in the background: the first frame never
     * waits seconds for libhyphen (a word too long for a line is broken
     * by character, with a hyphen, until they are there) */
    lf_hyphenator_set_impatient(lf_hyphenator_default(), true);
    struct lf_kiosk *k = lf_kiosk_create(cfg);
    if (!k)
        return 1;
    /* the display may have gone between the check and now (an X server
     * that resets when its last client leaves): SDL would then fall back
     * to its offscreen driver and the kiosk would run unseen */
    const char *driver = SDL_GetCurrentVideoDriver();
    if (!lf_display_driver_visible(driver)) {
        lf_error("the display went away while the kiosk started (SDL fell back to its '%s' "
                 "driver, which shows nothing); exiting so that it is started again",
                 driver ? driver : "(none)");
        lf_kiosk_destroy(k);
        return 1;
    }
    struct hangup_watch hw = {0};
    hangup_start(&hw);
    /* the lock file looked at when inotify says the folder changed
     * (sync/lock_watch.h), else every LF_KIOSK_LOCK_CHECK_S */
    Uint32 lock_event = SDL_RegisterEvents(1);
    struct lf_lock_watch *watch =
        state_lock && *state_lock >= 0 && lock_event != (Uint32)-1
            ? lf_lock_watch_start(cfg->cache_dir, LF_KIOSK_LOCK_NAME, push_lock_event, &lock_event)
            : NULL;
    k->monitoring = true;
    (void)apply_power_config(k); /* now with the heartbeat */
    /* the lock stays on the folder of the start (tool_run.c), whatever a
     * SIGHUP's config says */
    char *lock_dir = lf_xstrdup(cfg->cache_dir);
    bool lock_lost_logged = false;
    uint64_t next_lock_check = 0;
    int rc = 0;
    k->state_lock_dir = state_lock && *state_lock >= 0 ? lock_dir : NULL;
    while (!k->quit) {
        uint64_t next = lf_kiosk_update(k);
        uint64_t now = k->clock.ticks(k->clock.ctx);
        if (state_lock && *state_lock >= 0 && now >= next_lock_check) {
            if (!keep_state_lock(lock_dir, state_lock, &lock_lost_logged, watch)) {
                /* no last heartbeat "stopped" over the other kiosk's */
                lf_monitor_leave(k->monitor);
                k->monitor = NULL;
                rc = 1;
                break;
            }
            next_lock_check = now + (uint64_t)(lf_lock_watch_active(watch) ? LF_KIOSK_LOCK_SAFETY_S
                                                                           : LF_KIOSK_LOCK_CHECK_S) *
                                        1000;
        }
        if (state_lock && *state_lock >= 0 && next > next_lock_check)
            next = next_lock_check;
        int wait = next > now ? (int)(next - now) : 0;
        SDL_Event ev;
        /* sleep until an event or the next deadline: a still slide costs nothing */
        if (SDL_WaitEventTimeout(&ev, wait > 0 ? wait : 1)) {
            do {
                if (watch && ev.type == lock_event)
                    next_lock_check = 0; /* looked at before the next wait */
                else if (hw.running && ev.type == hw.event)
                    reload(k, load, ctx);
                else if (hw.running && ev.type == hw.event + 1)
                    screenshot_request(k);
                else
                    handle_event(k, &ev);
            } while (SDL_PollEvent(&ev));
        }
    }
    k->state_lock_dir = NULL;
    free(lock_dir);
    lf_lock_watch_stop(watch);
    hangup_stop(&hw);
    lf_service_stopping(k->service);
    lf_kiosk_destroy(k);
    return rc;
}

void lf_kiosk_screen_text(const struct lf_kiosk *k, char *buf, size_t size)
{
    if (size == 0)
        return;
    buf[0] = '\0';
    size_t len = 0;
    const struct lf_scene *scenes[3] = {k->header, k->animating ? k->incoming : k->page,
                                        k->footer};
    for (int s = 0; s < 3; s++) {
        for (size_t i = 0; i < lf_scene_count(scenes[s]); i++) {
            const struct lf_op *op = lf_scene_op(scenes[s], i);
            if (op->kind != LF_OP_TEXT || !op->text)
                continue;
            int n = snprintf(buf + len, size - len, "%s\n", op->text);
            if (n < 0 || (size_t)n >= size - len)
                return;
            len += (size_t)n;
        }
    }
}
