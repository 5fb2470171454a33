#include "system/x11_screen.h"

#include <X11/Xlib.h>
#include <X11/extensions/dpms.h>
#include <stdio.h>

bool lf_x11_screen_size(void *display, int *width, int *height)
{
    Display *dpy = display;
    if (!dpy)
        return false;
    Window root;
    int x, y;
    unsigned int w, h, border, depth;
    if (!XGetGeometry(dpy, DefaultRootWindow(dpy), &root, &x, &y, &w, &h, &border, &depth))
        return false;
    *width = (int)w;
    *height = (int)h;
    return true;
}

void lf_x11_fit_window(void *display, unsigned long window, int width, int height)
{
    Display *dpy = display;
    if (!dpy || width <= 0 || height <= 0)
        return;
    XMoveResizeWindow(dpy, (Window)window, 0, 0, (unsigned int)width, (unsigned int)height);
    XFlush(dpy);
}

bool lf_x11_dpms(void *display, bool on, char *err, size_t err_size)
{
    Display *dpy = display;
    int ev, er;
    if (!dpy || !DPMSQueryExtension(dpy, &ev, &er) || !DPMSCapable(dpy)) {
        snprintf(err, err_size, "the X server has no DPMS extension");
        return false;
    }
    if (on) {
        DPMSForceLevel(dpy, DPMSModeOn);
    } else {
        DPMSEnable(dpy); /* forcing a level needs DPMS enabled */
        DPMSForceLevel(dpy, DPMSModeOff);
    }
    XFlush(dpy);
    return true;
}
