#include "render/renderer_choice.h"

#include <SDL.h>
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define GL_RENDERER_ENUM 0x1F01 /* GL_RENDERER, without including GL headers */

bool lf_gl_is_software(const char *gl_renderer)
{
    /* Mesa's rasterisers on the CPU, and the other CPU implementations a
     * kiosk may meet; they name themselves in GL_RENDERER */
    static const char *const software[] = {"llvmpipe", "softpipe", "swrast",
                                           "software rasterizer", "swiftshader", "lavapipe"};
    if (!gl_renderer)
        return true;
    for (size_t i = 0; i < sizeof(software) / sizeof(software[0]); i++) {
        size_t n = strlen(software[i]);
        for (const char *p = gl_renderer; *p; p++)
            if (strncasecmp(p, software[i], n) == 0)
                return true;
    }
    return false;
}

static bool no_display_driver(const char *driver)
{
    return driver && (strcmp(driver, "offscreen") == 0 || strcmp(driver, "dummy") == 0);
}

void lf_renderer_decide(enum lf_renderer_setting setting, const char *video_driver,
                        const char *gl_renderer, struct lf_renderer_choice *out)
{
    *out = (struct lf_renderer_choice){0};
    snprintf(out->gl_renderer, sizeof(out->gl_renderer), "%s", gl_renderer ? gl_renderer : "");
    switch (setting) {
    case LF_RENDERER_SOFTWARE:
        snprintf(out->reason, sizeof(out->reason), "[display] renderer = software");
        return;
    case LF_RENDERER_GPU:
        out->gpu = true;
        snprintf(out->reason, sizeof(out->reason), "[display] renderer = gpu");
        return;
    case LF_RENDERER_AUTO:
        break;
    }
    if (no_display_driver(video_driver)) {
        snprintf(out->reason, sizeof(out->reason),
                 "auto: the %s video driver has no display and no GPU", video_driver);
    } else if (!gl_renderer || !gl_renderer[0]) {
        snprintf(out->reason, sizeof(out->reason), "auto: no OpenGL driver answered");
    } else if (lf_gl_is_software(gl_renderer)) {
        snprintf(out->reason, sizeof(out->reason),
                 "auto: the OpenGL driver \"%.100s\" is a software rasteriser, SDL's "
                 "software renderer is cheaper",
                 gl_renderer);
    } else {
        out->gpu = true;
        snprintf(out->reason, sizeof(out->reason),
                 "auto: the OpenGL driver \"%.100s\" is hardware", gl_renderer);
    }
}

/* In the child: open the video driver and a GL context on a hidden 1x1
 * window, write "driver\nGL_RENDERER\n" to fd and leave. */
static void probe_child(int fd)
{
    char out[256];
    int n = 0;
    if (SDL_Init(SDL_INIT_VIDEO) == 0) {
        const char *driver = SDL_GetCurrentVideoDriver();
        const char *name = "";
        SDL_Window *w = NULL;
        if (!no_display_driver(driver))
            w = SDL_CreateWindow("litfass GL probe", 0, 0, 1, 1,
                                 SDL_WINDOW_OPENGL | SDL_WINDOW_HIDDEN);
        SDL_GLContext ctx = w ? SDL_GL_CreateContext(w) : NULL;
        if (ctx) {
            typedef const unsigned char *(*get_string_fn)(unsigned int);
            get_string_fn get_string = (get_string_fn)SDL_GL_GetProcAddress("glGetString");
            const unsigned char *s = get_string ? get_string(GL_RENDERER_ENUM) : NULL;
            if (s)
                name = (const char *)s;
        }
        n = snprintf(out, sizeof(out), "%s\n%s\n", driver ? driver : "", name);
    }
    if (n > 0) {
        size_t len = (size_t)n < sizeof(out) ? (size_t)n : sizeof(out) - 1;
        ssize_t wr = write(fd, out, len);
        (void)wr;
    }
    _exit(0); /* no atexit handlers, no SDL_Quit: the driver's state dies with us */
}

static void copy_text(char *dst, size_t size, const char *src)
{
    size_t n = strnlen(src, size - 1);
    memcpy(dst, src, n);
    dst[n] = '\0';
}

static long long mono_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* The probe under way (lf_renderer_probe_start), main thread only. */
static struct {
    pid_t pid;
    int fd;
    long long deadline;
} running = {0, -1, 0};

void lf_renderer_probe_start(void)
{
    if (running.pid > 0 || no_display_driver(getenv("SDL_VIDEODRIVER")))
        return;
    int fds[2];
    if (pipe(fds) != 0) {
        lf_warn("GL probe: pipe: %s", strerror(errno));
        return;
    }
    fflush(NULL);
    pid_t pid = fork();
    if (pid < 0) {
        lf_warn("GL probe: fork: %s", strerror(errno));
        close(fds[0]);
        close(fds[1]);
        return;
    }
    if (pid == 0) {
        close(fds[0]);
        probe_child(fds[1]);
    }
    close(fds[1]);
    running.pid = pid;
    running.fd = fds[0];
    running.deadline = mono_ms() + LF_GL_PROBE_TIMEOUT_MS;
}

/* Collects the answer of the probe under way (starting one if none is);
 * fills driver and gl ("" each when there is no answer). */
static void probe(char *driver, size_t driver_size, char *gl, size_t gl_size)
{
    driver[0] = gl[0] = '\0';
    lf_renderer_probe_start();
    if (running.pid <= 0)
        return;
    char buf[256];
    size_t got = 0;
    for (;;) {
        long long left = running.deadline - mono_ms();
        if (left <= 0) {
            lf_warn("GL probe: no answer within %d ms", LF_GL_PROBE_TIMEOUT_MS);
            break;
        }
        struct pollfd pfd = {running.fd, POLLIN, 0};
        int r = poll(&pfd, 1, (int)left);
        if (r <= 0)
            continue; /* interrupted, or the deadline: looked at above */
        ssize_t n = read(running.fd, buf + got, sizeof(buf) - 1 - got);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break; /* the child is done */
        got += (size_t)n;
        if (got == sizeof(buf) - 1)
            break;
    }
    close(running.fd);
    kill(running.pid, SIGKILL); /* gone already, or hung in a driver */
    while (waitpid(running.pid, NULL, 0) < 0 && errno == EINTR)
        ;
    running.pid = 0;
    running.fd = -1;
    buf[got] = '\0';
    char *nl = strchr(buf, '\n');
    if (!nl)
        return;
    *nl = '\0';
    copy_text(driver, driver_size, buf);
    char *name = nl + 1;
    name[strcspn(name, "\n")] = '\0';
    copy_text(gl, gl_size, name);
}

void lf_renderer_choose(enum lf_renderer_setting setting, struct lf_renderer_choice *out)
{
    /* the GL driver does not change while the kiosk runs: probed once a
     * process (lf_kiosk_run probes before anything opens the display) */
    static bool probed;
    static char driver[64], gl[128];
    const char *forced = getenv("SDL_VIDEODRIVER");
    if (setting != LF_RENDERER_AUTO) {
        lf_renderer_decide(setting, NULL, probed ? gl : "", out);
        return;
    }
    if (no_display_driver(forced)) {
        lf_renderer_decide(setting, forced, "", out); /* nothing to probe */
        return;
    }
    if (!probed)
        probe(driver, sizeof(driver), gl, sizeof(gl));
    probed = true;
    lf_renderer_decide(setting, driver[0] ? driver : NULL, gl, out);
}
