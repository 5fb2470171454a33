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

void lf_x11_watch_screen(void *display)
{
    Display *dpy = display;
    if (!dpy)
        return;
    XWindowAttributes attr;
    long mask = 0;
    if (XGetWindowAttributes(dpy, DefaultRootWindow(dpy), &attr))
        mask = attr.your_event_mask; /* what SDL selected there stays */
    XSelectInput(dpy, DefaultRootWindow(dpy), mask | StructureNotifyMask);
    XFlush(dpy);
}

bool lf_x11_screen_event(const void *xevent)
{
    const XEvent *e = xevent;
    return e && e->type == ConfigureNotify &&
           e->xconfigure.window == DefaultRootWindow(e->xconfigure.display);
}

void lf_x11_fit_window(void *display, unsigned long window, int width, int height)
{
    Display *dpy = display;
    if (!dpy || width <= 0 || height <= 0)
        return;
    XMoveResizeWindow(dpy, (Window)window, 0, 0, (unsigned int)width, (unsigned int)height);
    XFlush(dpy);
}

static bool redirect_refused;

static int note_refusal(Display *dpy, XErrorEvent *e)
{
    (void)dpy;
    if (e->error_code == BadAccess)
        redirect_refused = true;
    return 0;
}

bool lf_x11_window_manager_running(void)
{
    Display *dpy = XOpenDisplay(NULL);
    if (!dpy)
        return true; /* unknown: as if one ran (full screen through it) */
    redirect_refused = false;
    XSync(dpy, False);
    int (*before)(Display *, XErrorEvent *) = XSetErrorHandler(note_refusal);
    /* refused (BadAccess) when another client, the window manager, has it;
     * ours ends with the connection */
    XSelectInput(dpy, DefaultRootWindow(dpy), SubstructureRedirectMask);
    XSync(dpy, False);
    XSetErrorHandler(before);
    bool running = redirect_refused;
    XCloseDisplay(dpy);
    return running;
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
