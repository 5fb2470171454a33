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

#endif
