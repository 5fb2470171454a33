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

#include "app/config.h"

/* Runs until the admin quits or a fatal error; returns the exit code. */
int lf_kiosk_run(const struct lf_config *cfg);

#endif
