#include "system/display.h"

#include <dirent.h>
#include <errno.h>
#include <grp.h>
#include <math.h>
#include <stdio.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/limits.h"

#define MAX_GROUPS 64

int lf_display_choose_dpi(int configured, double reported, enum lf_dpi_source *source)
{
    if (configured > 0) {
        *source = LF_DPI_CONFIGURED;
        return configured;
    }
    /* NaN fails both comparisons */
    if (reported >= LF_MIN_DISPLAY_DPI && reported <= LF_MAX_DISPLAY_DPI) {
        *source = LF_DPI_REPORTED;
        return (int)lround(reported);
    }
    *source = LF_DPI_ASSUMED;
    return 0;
}

const char *lf_dpi_source_name(enum lf_dpi_source source)
{
    switch (source) {
    case LF_DPI_CONFIGURED:
        return "[display] dpi";
    case LF_DPI_REPORTED:
        return "reported by the display";
    case LF_DPI_ASSUMED:
        break;
    }
    return "assumed";
}

bool lf_display_driver_visible(const char *driver)
{
    if (!driver)
        return false;
    return strcmp(driver, "offscreen") != 0 && strcmp(driver, "dummy") != 0 &&
           strcmp(driver, "evdev") != 0;
}

/* Appends to buf (always terminated, silently cut at size). */
static void add(char *buf, size_t size, size_t *len, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static void add(char *buf, size_t size, size_t *len, const char *fmt, ...)
{
    if (*len + 1 >= size)
        return;
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf + *len, size - *len, fmt, ap);
    va_end(ap);
    if (n > 0)
        *len = *len + (size_t)n < size ? *len + (size_t)n : size - 1;
}

static void group_name(gid_t gid, char *out, size_t size)
{
    struct group *g = getgrgid(gid);
    if (g)
        snprintf(out, size, "%s", g->gr_name);
    else
        snprintf(out, size, "%u", (unsigned)gid);
}

/* The groups this process is in, as "video, render" (names). */
static void my_groups(char *out, size_t size)
{
    gid_t groups[MAX_GROUPS];
    int n = getgroups(MAX_GROUPS, groups);
    size_t len = 0;
    out[0] = '\0';
    char name[64];
    group_name(getegid(), name, sizeof(name));
    add(out, size, &len, "%s", name);
    for (int i = 0; i < n; i++) {
        if (groups[i] == getegid())
            continue;
        group_name(groups[i], name, sizeof(name));
        add(out, size, &len, ", %s", name);
    }
}

void lf_display_explain(const char *dri_dir, char *buf, size_t size)
{
    size_t len = 0;
    if (size == 0)
        return;
    buf[0] = '\0';
    const char *display = getenv("DISPLAY");
    const char *wayland = getenv("WAYLAND_DISPLAY");
    add(buf, size, &len, "a visible display needs one of: DISPLAY (X11; %s), "
        "WAYLAND_DISPLAY (e.g. under cage; %s), or read-write access to %s/card* "
        "(console through KMS/DRM, SDL_VIDEODRIVER=kmsdrm; the user must be in groups video "
        "and render): ",
        display && *display ? "set, but SDL could not use it" : "not set",
        wayland && *wayland ? "set, but SDL could not use it" : "not set", dri_dir);
    DIR *d = opendir(dri_dir);
    if (!d) {
        add(buf, size, &len, "%s: %s", dri_dir, strerror(errno));
        return;
    }
    bool any = false;
    struct dirent *e;
    char groups[256];
    my_groups(groups, sizeof(groups));
    while ((e = readdir(d)) != NULL) {
        if (strncmp(e->d_name, "card", 4) != 0)
            continue;
        char path[LF_MAX_PATH_BYTES + 1];
        if (snprintf(path, sizeof(path), "%s/%s", dri_dir, e->d_name) >= (int)sizeof(path))
            continue;
        struct stat st;
        if (stat(path, &st) != 0)
            continue;
        char owner[64];
        group_name(st.st_gid, owner, sizeof(owner));
        if (access(path, R_OK | W_OK) == 0)
            add(buf, size, &len, "%s%s is accessible (group %s), but SDL could not use it "
                "(another program may hold the display, or SDL_VIDEODRIVER is not kmsdrm)",
                any ? "; " : "", path, owner);
        else
            add(buf, size, &len, "%s%s: %s (the device belongs to group %s; this process is "
                "in groups %s)", any ? "; " : "", path, strerror(errno), owner, groups);
        any = true;
    }
    closedir(d);
    if (!any)
        add(buf, size, &len, "%s has no card* device (no KMS graphics driver loaded)", dri_dir);
}
