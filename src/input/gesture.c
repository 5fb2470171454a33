#include "input/gesture.h"

#include <stdlib.h>

#include "core/xalloc.h"

struct lf_gesture_recognizer {
    int width, height;
    int tap_slop;        /* pixels */
    int swipe_min;       /* pixels */

    bool down;
    bool left_slop;      /* moved beyond the tap slop since DOWN: no tap any more */
    int x0, y0;          /* where the pointer went down */
    uint64_t t0;
};

static void set_screen(struct lf_gesture_recognizer *g, int width, int height)
{
    g->width = width < 1 ? 1 : width;
    g->height = height < 1 ? 1 : height;
    int shorter = g->width < g->height ? g->width : g->height;
    int slop = (int)((long long)shorter * LF_TAP_SLOP_PERMILLE / 1000);
    g->tap_slop = slop < LF_TAP_SLOP_MIN_PX ? LF_TAP_SLOP_MIN_PX : slop;
    int swipe = (int)((long long)g->width * LF_SWIPE_MIN_PERMILLE / 1000);
    g->swipe_min = swipe < LF_SWIPE_MIN_PX ? LF_SWIPE_MIN_PX : swipe;
    g->down = false;
}

struct lf_gesture_recognizer *lf_gesture_create(int screen_width, int screen_height)
{
    struct lf_gesture_recognizer *g = lf_xcalloc(1, sizeof(*g));
    set_screen(g, screen_width, screen_height);
    return g;
}

void lf_gesture_destroy(struct lf_gesture_recognizer *g)
{
    free(g);
}

void lf_gesture_set_screen(struct lf_gesture_recognizer *g, int screen_width, int screen_height)
{
    set_screen(g, screen_width, screen_height);
}

bool lf_gesture_active(const struct lf_gesture_recognizer *g)
{
    return g->down;
}

/* |a - b| without overflow for any two ints. */
static long long distance(int a, int b)
{
    long long d = (long long)a - (long long)b;
    return d < 0 ? -d : d;
}

static bool within_slop(const struct lf_gesture_recognizer *g, int x, int y)
{
    return distance(x, g->x0) <= g->tap_slop && distance(y, g->y0) <= g->tap_slop;
}

static enum lf_gesture_kind classify_release(const struct lf_gesture_recognizer *g, int x,
                                             int y, uint64_t t)
{
    /* a clock that went backwards counts as no time at all */
    uint64_t held = t >= g->t0 ? t - g->t0 : 0;
    if (!g->left_slop && within_slop(g, x, y))
        return held <= LF_TAP_MAX_MS ? LF_GESTURE_TAP : LF_GESTURE_NONE;

    long long dx = (long long)x - g->x0;
    long long adx = dx < 0 ? -dx : dx;
    long long ady = distance(y, g->y0);
    if (held > LF_SWIPE_MAX_MS || adx < g->swipe_min)
        return LF_GESTURE_NONE;
    if (ady * 100 > adx * LF_SWIPE_MAX_SLOPE_PERCENT)
        return LF_GESTURE_NONE;
    return dx < 0 ? LF_GESTURE_SWIPE_LEFT : LF_GESTURE_SWIPE_RIGHT;
}

bool lf_gesture_feed(struct lf_gesture_recognizer *g, const struct lf_pointer_event *ev,
                     struct lf_gesture *out)
{
    *out = (struct lf_gesture){.kind = LF_GESTURE_NONE};
    switch (ev->action) {
    case LF_POINTER_DOWN:
        g->down = true;
        g->left_slop = false;
        g->x0 = ev->x;
        g->y0 = ev->y;
        g->t0 = ev->time_ms;
        return false;
    case LF_POINTER_MOVE:
        if (g->down && !within_slop(g, ev->x, ev->y))
            g->left_slop = true;
        return false;
    case LF_POINTER_CANCEL:
        g->down = false;
        return false;
    case LF_POINTER_UP: {
        if (!g->down)
            return false;
        g->down = false;
        enum lf_gesture_kind kind = classify_release(g, ev->x, ev->y, ev->time_ms);
        if (kind == LF_GESTURE_NONE)
            return false;
        out->kind = kind;
        out->x = kind == LF_GESTURE_TAP ? g->x0 : ev->x;
        out->y = kind == LF_GESTURE_TAP ? g->y0 : ev->y;
        return true;
    }
    }
    return false;
}

const char *lf_gesture_kind_name(enum lf_gesture_kind kind)
{
    switch (kind) {
    case LF_GESTURE_NONE:
        return "none";
    case LF_GESTURE_TAP:
        return "tap";
    case LF_GESTURE_SWIPE_LEFT:
        return "swipe-left";
    case LF_GESTURE_SWIPE_RIGHT:
        return "swipe-right";
    }
    return "?";
}
