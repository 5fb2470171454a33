/* The monitor asleep or awake under SDL's kmsdrm driver: the "DPMS"
 * property of every connected connector of the DRM device SDL uses
 * (libdrm). `fd` is the DRM file descriptor from SDL_GetWindowWMInfo.
 * Main thread. */
#ifndef LF_SYSTEM_DRM_POWER_H
#define LF_SYSTEM_DRM_POWER_H

#include <stdbool.h>
#include <stddef.h>

bool lf_drm_dpms(int fd, bool on, char *err, size_t err_size);

#endif
