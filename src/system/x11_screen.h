/* The X11 screen under the kiosk's window, where SDL does not follow it:
 * SDL 2.26 reports neither a RandR change of resolution or rotation of
 * the screen nor resizes a full-screen window when no window manager runs
 * (a kiosk usually has none), so the frame loop asks the X server
 * (lf_x11_screen_size) and fits the window itself. Also display power
 * management (DPMS) for the power schedule.
 * `display` is the Xlib Display* and `window` the Window that
 * SDL_GetWindowWMInfo gives; plain types here keep Xlib out of callers.
 * Main thread only (the thread that owns the SDL window). */
#ifndef LF_SYSTEM_X11_SCREEN_H
#define LF_SYSTEM_X11_SCREEN_H

#include <stdbool.h>
#include <stddef.h>

/* How often the frame loop looks at the X screen's size, in ms: a change
 * of resolution or rotation is laid out anew within a second. */
#define LF_X11_SCREEN_POLL_MS 400

/* The root window's size now (after RandR changes). False when unknown. */
bool lf_x11_screen_size(void *display, int *width, int *height);

/* Moves the window to 0,0 and makes it width x height. */
void lf_x11_fit_window(void *display, unsigned long window, int width, int height);

/* Whether a window manager runs on the X display $DISPLAY (one client
 * holds the root window's SubstructureRedirect, which every window
 * manager takes), asked over a connection of its own. Without one, SDL
 * 2.26 waits 100 ms for a full-screen window to be moved by nobody;
 * a borderless window of the screen's size is the same picture. */
bool lf_x11_window_manager_running(void);

/* Switches the monitor off (DPMS off) or on through the DPMS extension.
 * False, with the reason in err, when the server has no DPMS. */
bool lf_x11_dpms(void *display, bool on, char *err, size_t err_size);

#endif
