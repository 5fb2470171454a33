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

/* The X server tells the kiosk of a new size of the screen: the root
 * window's ConfigureNotify (StructureNotifyMask, core X, no extension),
 * which SDL hands on as an SDL_SYSWMEVENT and which wakes its wait at
 * once. A still page thus costs no wakeup for it. As a safety net (another
 * client of SDL's connection may take the root window's event mask), the
 * frame loop still asks the X server every LF_X11_SCREEN_RECHECK_MS. */
#define LF_X11_SCREEN_RECHECK_MS 10000

/* Asks the X server to report changes of the root window's size on this
 * connection (adds StructureNotifyMask to the root window's mask). */
void lf_x11_watch_screen(void *display);

/* Whether `xevent` (an XEvent*, SDL_SysWMmsg's msg.x11.event) is a change
 * of the root window's geometry, i.e. of the screen's size. */
bool lf_x11_screen_event(const void *xevent);

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
