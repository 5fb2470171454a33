/* Whether the kiosk can be seen, and what is missing when not.
 *
 * Without DISPLAY or WAYLAND_DISPLAY and without access to /dev/dri,
 * SDL silently falls back to its "offscreen" driver: the kiosk would run
 * and log slides nobody sees. `litfass run` refuses such drivers (exit 1,
 * so systemd retries until the display is there); `litfass preview` uses
 * them on purpose.
 * Pure C (no SDL): the caller passes the driver name. Any thread. */
#ifndef LF_SYSTEM_DISPLAY_H
#define LF_SYSTEM_DISPLAY_H

#include <stdbool.h>
#include <stddef.h>

/* Text of a lf_display_explain() answer. */
#define LF_DISPLAY_EXPLAIN_BYTES 1024

/* The folder of the DRM devices that SDL's kmsdrm driver opens. */
#define LF_DRI_DIR "/dev/dri"

/* False for SDL video drivers that show nothing on a screen
 * ("offscreen", "dummy", "evdev" and NULL). */
bool lf_display_driver_visible(const char *driver);

/* Writes into buf what a visible display needs and what of it is missing
 * here: DISPLAY (X11), WAYLAND_DISPLAY (e.g. under cage), or read-write
 * access to dri_dir/card* (kmsdrm; groups video and render), naming the
 * device, its group and the groups this process has. dri_dir is normally
 * LF_DRI_DIR (tests pass another). */
void lf_display_explain(const char *dri_dir, char *buf, size_t size);

/* Where the pixel density for touch sizes came from. */
enum lf_dpi_source {
    LF_DPI_CONFIGURED, /* [display] dpi */
    LF_DPI_REPORTED,   /* the display's own (SDL_GetDisplayDPI), believed */
    LF_DPI_ASSUMED,    /* neither: the layout assumes LF_ASSUMED_DPI */
};

/* The pixels per inch touch targets are sized by: `configured` ([display]
 * dpi) when above 0; else `reported` (the display's horizontal density as
 * SDL read it; 0 or below when SDL could not tell) when within
 * LF_MIN_DISPLAY_DPI..LF_MAX_DISPLAY_DPI, rounded; else 0 (the layout's
 * assumption). *source says which; lf_dpi_source_name() names it for the
 * log. */
int lf_display_choose_dpi(int configured, double reported, enum lf_dpi_source *source);
const char *lf_dpi_source_name(enum lf_dpi_source source);

#endif
