/* Which SDL renderer draws the kiosk: `[display] renderer`.
 *
 * `gpu` is SDL's OpenGL / OpenGL ES renderer, `software` SDL's software
 * renderer writing straight into the window's framebuffer (on X11 without
 * any GL underneath: SDL_HINT_FRAMEBUFFER_ACCELERATION = 0). `auto` asks
 * the GL driver its name in a short-lived child process (so the parent
 * never loads Mesa when it will not use it) and takes the GPU only when
 * the driver is hardware: on Mesa's software rasterisers (llvmpipe,
 * softpipe, swrast) or without any GL the software renderer is both
 * cheaper and faster.
 *
 * lf_gl_is_software() is pure (no SDL); lf_renderer_choose() forks, and
 * must be called before SDL_Init in the calling process and before any
 * other thread starts. Main thread only. */
#ifndef LF_RENDER_RENDERER_CHOICE_H
#define LF_RENDER_RENDERER_CHOICE_H

#include <stdbool.h>
#include <stddef.h>

#include "core/log.h"

/* the order of the names in config.c */
enum lf_renderer_setting {
    LF_RENDERER_AUTO,
    LF_RENDERER_SOFTWARE,
    LF_RENDERER_GPU,
};

#define LF_RENDERER_REASON_BYTES 256
/* The probe (child process) must answer within this; a driver that hangs
 * counts as no GL. */
#define LF_GL_PROBE_TIMEOUT_MS 3000

struct lf_renderer_choice {
    bool gpu;                                /* true: SDL's OpenGL (ES) renderer */
    char gl_renderer[128];                   /* GL_RENDERER of the probe, "" if none */
    char reason[LF_RENDERER_REASON_BYTES];   /* for the log: why this one */
};

/* Whether a GL_RENDERER string names a software rasteriser. */
bool lf_gl_is_software(const char *gl_renderer);

/* Decides from the setting, the video driver SDL will use (NULL: not
 * known) and the probe's GL_RENDERER ("" : no GL context could be made).
 * Pure: lf_renderer_choose() calls it with what it found. */
void lf_renderer_decide(enum lf_renderer_setting setting, const char *video_driver,
                        const char *gl_renderer, struct lf_renderer_choice *out);

/* The probe's answer is kept in the state folder and used instead of a
 * probe while nothing it depends on has changed (the key: the
 * environment for SDL and Mesa, the dynamic linker's cache and the
 * folders of the GL drivers, the GPUs and their kernel drivers):
 * starting Mesa in the probe costs 100 ms and more. */
#define LF_GL_PROBE_FILE "gl-probe"
/* rewritten whenever shared libraries are installed, upgraded or removed */
#define LF_GL_PROBE_LIBRARIES "/etc/ld.so.cache"
/* Mesa's DRI drivers and the GLVND vendor files: a driver package that
 * adds, replaces or removes one changes its folder */
#define LF_GL_PROBE_DRIVER_GLOBS \
    "/usr/lib/*/dri", "/usr/lib/dri", "/usr/share/glvnd/egl_vendor.d", \
        "/usr/share/glvnd/glx_vendor.d"
#define LF_GL_PROBE_DRM_DIR "/sys/class/drm"
#define LF_GL_PROBE_MAX_DRM 32       /* DRM entries that go into the key */
#define LF_GL_PROBE_KEY_BYTES 2048

/* Starts the probe in a child process and returns at once, so that it
 * runs while the caller loads content; lf_renderer_choose() collects
 * its answer. With state_dir (NULL: none) an answer kept there for the
 * same key is used and no probe runs; a new answer is kept there. Call
 * it before SDL opens the display in this process. */
void lf_renderer_probe_start(const char *state_dir);

/* Probes (for `auto`; once a process, the answer is kept) and decides.
 * Never fails: without an answer it chooses software. Call it first
 * before SDL opens the display (the child must not inherit a display
 * connection). */
void lf_renderer_choose(enum lf_renderer_setting setting, struct lf_renderer_choice *out);

#endif
