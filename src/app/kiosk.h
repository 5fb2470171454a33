/* The kiosk: a full-screen window that plays the carousel until the
 * admin key combination (Ctrl+Alt+Shift+Q) ends it.
 *
 * Kiosk behaviour: cursor hidden, screensaver off, stays full screen on
 * focus loss; Esc and Alt+F4 do not end it. Draws only when something
 * changes (transition, clock minute, slide change) and otherwise sleeps
 * in SDL_WaitEventTimeout until the next deadline.
 * Main thread only. */
#ifndef LF_APP_KIOSK_H
#define LF_APP_KIOSK_H

#include <SDL.h>
#include <stdbool.h>
#include <stdint.h>
#include <time.h>

#include "app/config.h"
#include "layout/scene.h"

/* Text size while a visitor has chosen large text. */
#define LF_LARGE_TEXT_SCALE 1.3

/* Reads the config again for SIGHUP, as at the start (file and command-line
 * options): true with `out` filled, false when it has errors (printed). */
typedef bool (*lf_kiosk_config_loader)(struct lf_config *out, void *ctx);

#define LF_KIOSK_LOCK_CHECK_S 5 /* the state folder's kiosk.lock looked at this often
                                   while inotify does not watch it (sync/lock_watch.h) */
#define LF_KIOSK_LOCK_SAFETY_S 300 /* ... and this often while it does: what inotify does not
                                      see (a folder above moved, a mount over it) */

/* Runs until the admin quits or a fatal error; returns the exit code.
 * Refuses (1, logged with what is missing) SDL drivers that show nothing
 * (offscreen, dummy). SIGHUP reloads through `load` (NULL: the content
 * only) without going dark; a broken config keeps the old one.
 * state_lock: the descriptor that holds the state folder's kiosk.lock
 * (sync/handover.h; NULL or -1: none). When inotify reports the folder or
 * the file deleted or moved (sync/lock_watch.h), and every
 * LF_KIOSK_LOCK_SAFETY_S (LF_KIOSK_LOCK_CHECK_S without a watch), the
 * kiosk makes sure the file is still there: deleted (with the folder:
 * tmpfiles, rm -rf) it is made again and locked (*state_lock replaced);
 * when another kiosk took the new file first this one stops with 1,
 * saying why (two kiosks on one folder write each other's heartbeat). */
int lf_kiosk_run(const struct lf_config *cfg, lf_kiosk_config_loader load, void *ctx,
                 int *state_lock);

/* The same kiosk in steps, for the event loop above and for tests that
 * play a visitor: create, feed events, update, look at the state. */
struct lf_kiosk;

/* Loads cfg->content_dir and opens the window. NULL (logged) on failure.
 * cfg must outlive the kiosk. */
struct lf_kiosk *lf_kiosk_create(const struct lf_config *cfg);
void lf_kiosk_destroy(struct lf_kiosk *k);

/* Applies `cfg` (NULL: keeps the config) and loads the content again; the
 * frame on screen stays until the new one is drawn. Content that fails
 * to load keeps what is shown (false, logged). Display size, windowed and
 * renderer wait for the next start. */
bool lf_kiosk_reload(struct lf_kiosk *k, const struct lf_config *cfg);

/* Where time comes from: a monotonic millisecond counter and the wall
 * clock in milliseconds since the epoch (so a deadline such as a notice's
 * valid_from is met at its second, not up to a second late). Default:
 * SDL_GetTicks64 and clock_gettime(CLOCK_REALTIME). */
struct lf_kiosk_clock {
    uint64_t (*ticks)(void *ctx);
    int64_t (*wall_ms)(void *ctx);
    void *ctx;
};
void lf_kiosk_set_clock(struct lf_kiosk *k, const struct lf_kiosk_clock *clock);

/* One SDL event, as lf_kiosk_run's loop hands it over: keys, mouse and
 * touch (turned into taps and swipes), window and display changes, a
 * renderer reset, the sync's "bundle installed" event and SDL_QUIT. */
void lf_kiosk_handle(struct lf_kiosk *k, const SDL_Event *ev);

/* Does what is due (next slide, idle timeout, transition frame, clock,
 * a change in the schedule: a notice starts or ends, hours open or close,
 * an event starts or ends) and draws if anything changed. Returns the
 * ticks of the next deadline: the kiosk sleeps until then. */
uint64_t lf_kiosk_update(struct lf_kiosk *k);

/* True once the kiosk is to end: the admin key combination, or SDL_QUIT
 * (SIGTERM, SIGINT; a window manager's close only in a windowed run). */
bool lf_kiosk_quitting(const struct lf_kiosk *k);

/* Saves the frame on screen as a PNG (written whole, then renamed). The
 * running kiosk does it into [sync] cache_dir/LF_KIOSK_SCREENSHOT_NAME on
 * SIGUSR1 (`litfass screenshot`). False (logged) on failure. */
#define LF_KIOSK_SCREENSHOT_NAME "screenshot.png"
bool lf_kiosk_screenshot(struct lf_kiosk *k, const char *path) LF_MUST_CHECK;

struct lf_kiosk_state {
    const char *mode;      /* "carousel", "list", "detail" or "languages" */
    size_t position, count;/* carousel page and number of pages */
    int category;          /* list: enum lf_category; else -1 */
    const char *item_id;   /* the item on screen, NULL for lists */
    bool page_continues;   /* browsing: "next" shows more of this list or item */
    size_t first_entry;    /* list: index of the first entry on this page */
    bool animating;
    const char *lang;
    bool large_text, high_contrast;
    bool reading, slow_speech;     /* reading aloud; a visitor chose slower speech */
    int read_button;               /* enum lf_read_button (layout/slide_layout.h) */
    int width, height;
    bool display_on;       /* false while [power] has the screen off */
    unsigned long frames;  /* frames drawn so far */
    size_t page_draws;     /* pages drawn since start (a transition moves pictures of them) */
    int page_pictures;     /* pictures of pages held now (screen-sized, or their rows between
                            * header and footer): 2 in a transition, 0 while still */
};
void lf_kiosk_describe(const struct lf_kiosk *k, struct lf_kiosk_state *out);

/* The middle of the touch target for (action, arg) on screen now. */
bool lf_kiosk_find_target(const struct lf_kiosk *k, enum lf_action action, int arg, int *x,
                          int *y);

/* Every line of text on screen now (header, page, footer; the incoming
 * page during a transition), each followed by '\n', into buf (cut at
 * size). For tests that read what a visitor reads. */
void lf_kiosk_screen_text(const struct lf_kiosk *k, char *buf, size_t size);

#endif
