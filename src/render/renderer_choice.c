#include "render/renderer_choice.h"

#include <SDL.h>
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <dirent.h>
#include <glob.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "core/durable.h"
#include "core/xalloc.h"

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


static long long mono_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void copy_text(char *dst, size_t size, const char *src)
{
    size_t n = strnlen(src, size - 1);
    memcpy(dst, src, n);
    dst[n] = '\0';
}

/* The probe under way (lf_renderer_probe_start), main thread only. */
static struct {
    pid_t pid;
    int fd;
    long long deadline;
} running = {0, -1, 0};

/* The answer kept in the state folder (LF_GL_PROBE_FILE), main thread only. */
static struct {
    char path[4096];
    char key[LF_GL_PROBE_KEY_BYTES];
    bool kept;              /* the file's answer is for this key: no probe */
    char driver[64], gl[128];
} cache;

static size_t add_key(char *key, size_t len, const char *fmt, const char *a, const char *b)
{
    if (len >= LF_GL_PROBE_KEY_BYTES - 1)
        return len;
    int n = snprintf(key + len, LF_GL_PROBE_KEY_BYTES - len, fmt, a, b);
    if (n < 0)
        return len;
    len += (size_t)n;
    return len < LF_GL_PROBE_KEY_BYTES ? len : LF_GL_PROBE_KEY_BYTES - 1;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* " PATH=mtime/size": a file or folder that changes when it is rewritten. */
static size_t add_stamp(char *key, size_t len, const char *path, const struct stat *st)
{
    char stamp[96];
    snprintf(stamp, sizeof(stamp), "%lld.%09ld/%lld", (long long)st->st_mtim.tv_sec,
             st->st_mtim.tv_nsec, (long long)st->st_size);
    return add_key(key, len, " %s=%s", path, stamp);
}

/* What decides the probe's answer, as one line: the environment that
 * steers SDL and Mesa, the installed libraries and GL drivers (the
 * dynamic linker's cache and the drivers' folders change with every
 * install, upgrade or removal) and the GPUs with their kernel drivers.
 * False when it cannot be known (no linker cache): then always probe. */
static bool probe_key(char *key)
{
    static const char *const vars[] = {
        "DISPLAY", "WAYLAND_DISPLAY", "SDL_VIDEODRIVER", "SDL_VIDEO_GL_DRIVER",
        "SDL_VIDEO_X11_FORCE_EGL", "LIBGL_ALWAYS_SOFTWARE", "GALLIUM_DRIVER",
        "MESA_LOADER_DRIVER_OVERRIDE", "__GLX_VENDOR_LIBRARY_NAME",
        "__EGL_VENDOR_LIBRARY_FILENAMES", "LD_LIBRARY_PATH",
    };
    struct stat st;
    if (stat(LF_GL_PROBE_LIBRARIES, &st) != 0)
        return false;
    size_t len = add_key(key, 0, "%s%s", "gl-probe 2", "");
    for (size_t i = 0; i < sizeof(vars) / sizeof(vars[0]); i++) {
        const char *v = getenv(vars[i]);
        len = add_key(key, len, " %s=%s", vars[i], v ? v : "-");
    }
    len = add_stamp(key, len, LF_GL_PROBE_LIBRARIES, &st);
    static const char *const drivers[] = {LF_GL_PROBE_DRIVER_GLOBS};
    for (size_t i = 0; i < sizeof(drivers) / sizeof(drivers[0]); i++) {
        glob_t g;
        if (glob(drivers[i], GLOB_NOSORT, NULL, &g) != 0)
            continue; /* none of these here: nothing to watch */
        qsort(g.gl_pathv, g.gl_pathc, sizeof(g.gl_pathv[0]), by_name);
        for (size_t j = 0; j < g.gl_pathc; j++)
            if (stat(g.gl_pathv[j], &st) == 0)
                len = add_stamp(key, len, g.gl_pathv[j], &st);
        globfree(&g);
    }
    DIR *d = opendir(LF_GL_PROBE_DRM_DIR);
    if (d) {
        char *names[LF_GL_PROBE_MAX_DRM];
        size_t n = 0;
        struct dirent *e;
        while ((e = readdir(d)) && n < LF_GL_PROBE_MAX_DRM)
            if (e->d_name[0] != '.')
                names[n++] = lf_xstrdup(e->d_name);
        closedir(d);
        qsort(names, n, sizeof(names[0]), by_name);
        for (size_t i = 0; i < n; i++) {
            char link[512], target[512] = "-";
            snprintf(link, sizeof(link), "%s/%s/device/driver", LF_GL_PROBE_DRM_DIR,
                     names[i]);
            ssize_t t = readlink(link, target, sizeof(target) - 1);
            if (t > 0)
                target[t] = '\0';
            const char *base = strrchr(target, '/');
            len = add_key(key, len, " %s=%s", names[i], base ? base + 1 : target);
            free(names[i]);
        }
    }
    for (char *p = key; *p; p++)
        if (*p == '\n' || *p == '\r')
            *p = ' ';
    return true;
}

/* Reads the kept answer: "key\ndriver\nGL_RENDERER\n". */
static void read_kept_answer(void)
{
    FILE *f = fopen(cache.path, "r");
    if (!f)
        return;
    static char line[LF_GL_PROBE_KEY_BYTES + 2];
    bool same = false;
    if (fgets(line, sizeof(line), f)) {
        line[strcspn(line, "\n")] = '\0';
        same = strcmp(line, cache.key) == 0;
    }
    char driver[sizeof(cache.driver) + 2], gl[sizeof(cache.gl) + 2];
    if (same && fgets(driver, sizeof(driver), f) && fgets(gl, sizeof(gl), f)) {
        driver[strcspn(driver, "\n")] = '\0';
        gl[strcspn(gl, "\n")] = '\0';
        if (driver[0] && gl[0]) {
            copy_text(cache.driver, sizeof(cache.driver), driver);
            copy_text(cache.gl, sizeof(cache.gl), gl);
            cache.kept = true;
        }
    }
    fclose(f);
}

static void keep_answer(const char *driver, const char *gl)
{
    if (!cache.path[0] || !cache.key[0] || !driver[0] || !gl[0])
        return;
    static char text[LF_GL_PROBE_KEY_BYTES + 256];
    int n = snprintf(text, sizeof(text), "%s\n%s\n%s\n", cache.key, driver, gl);
    if (n <= 0 || (size_t)n >= sizeof(text))
        return;
    /* a developer's run without a state folder (no /var/lib/litfass) keeps
     * nothing and says so only at debug level, as the heartbeat does */
    char dir[sizeof(cache.path)];
    snprintf(dir, sizeof(dir), "%s", cache.path);
    char *slash = strrchr(dir, '/');
    if (slash)
        *slash = '\0';
    if (slash && dir[0] && access(dir, W_OK) != 0) {
        lf_debug("GL probe: its answer is not kept (%s: %s)", dir, strerror(errno));
        return;
    }
    /* lost in a power cut at worst: then the next start asks again */
    if (!lf_replace_file(cache.path, text, (size_t)n, 0644))
        lf_debug("GL probe: its answer is not kept (%s not writable)", cache.path);
}

void lf_renderer_probe_start(const char *state_dir)
{
    if (running.pid > 0 || cache.kept || no_display_driver(getenv("SDL_VIDEODRIVER")))
        return;
    if (state_dir && state_dir[0] && !cache.path[0] && probe_key(cache.key)) {
        snprintf(cache.path, sizeof(cache.path), "%s/%s", state_dir, LF_GL_PROBE_FILE);
        read_kept_answer();
        if (cache.kept)
            return;
    }
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
    if (cache.kept) {
        copy_text(driver, driver_size, cache.driver);
        copy_text(gl, gl_size, cache.gl);
        return;
    }
    lf_renderer_probe_start(NULL);
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
    keep_answer(driver, gl);
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
    if (cache.kept) {
        size_t n = strlen(out->reason);
        snprintf(out->reason + n, sizeof(out->reason) - n,
                 "; asked at an earlier start, nothing has changed since");
    }
}
