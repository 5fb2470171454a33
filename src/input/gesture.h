/* Gesture recognition: turns one pointer's down/move/up events into what
 * a visitor meant: a TAP somewhere, or a horizontal SWIPE.
 *
 * Touch and mouse are the same here: the caller feeds finger or mouse
 * button events alike, in pixels of the screen, with a monotonic time in
 * milliseconds (SDL_GetTicks64, never the wall clock). Only one pointer is
 * followed: a new DOWN while one is down starts over from there.
 *
 * Directions are physical: SWIPE_LEFT means the finger moved to the left.
 * Mapping that to next/previous slide (mirrored for right-to-left
 * languages) is the caller's business.
 *
 * Owner: lf_gesture_create() returns a recognizer that the caller frees
 * with lf_gesture_destroy(). Pure C, no SDL; one thread at a time. */
#ifndef LF_INPUT_GESTURE_H
#define LF_INPUT_GESTURE_H

#include <stdbool.h>
#include <stdint.h>

/* A tap: the pointer stays within the slop, and is lifted within
 * LF_TAP_MAX_MS. Slop: LF_TAP_SLOP_PERMILLE of the shorter screen side,
 * at least LF_TAP_SLOP_MIN_PX. */
#define LF_TAP_SLOP_PERMILLE 20
#define LF_TAP_SLOP_MIN_PX   8
#define LF_TAP_MAX_MS        1000

/* A swipe: between down and up the pointer travels horizontally at least
 * LF_SWIPE_MIN_PERMILLE of the screen width (and at least
 * LF_SWIPE_MIN_PX), at most LF_SWIPE_MAX_SLOPE_PERCENT of that vertically
 * (mostly horizontal), all within LF_SWIPE_MAX_MS. A slower drag is the
 * visitor reading with a finger, not a swipe. */
#define LF_SWIPE_MIN_PERMILLE       80
#define LF_SWIPE_MIN_PX             60
#define LF_SWIPE_MAX_SLOPE_PERCENT  50
#define LF_SWIPE_MAX_MS             800

enum lf_pointer_action {
    LF_POINTER_DOWN,
    LF_POINTER_MOVE,
    LF_POINTER_UP,
    LF_POINTER_CANCEL, /* the system took the pointer away (window lost focus ...) */
};

struct lf_pointer_event {
    enum lf_pointer_action action;
    int x, y;          /* pixels, origin top left */
    uint64_t time_ms;  /* monotonic */
};

enum lf_gesture_kind {
    LF_GESTURE_NONE,
    LF_GESTURE_TAP,
    LF_GESTURE_SWIPE_LEFT,
    LF_GESTURE_SWIPE_RIGHT,
};

struct lf_gesture {
    enum lf_gesture_kind kind;
    int x, y; /* TAP: where the pointer went down; swipes: where it went up */
};

struct lf_gesture_recognizer;

/* The screen size sets the thresholds; sides below 1 count as 1.
 * Never fails (out of memory aborts). */
struct lf_gesture_recognizer *lf_gesture_create(int screen_width, int screen_height);
void lf_gesture_destroy(struct lf_gesture_recognizer *g);

/* After a window resize or rotation. Ends a gesture in progress. */
void lf_gesture_set_screen(struct lf_gesture_recognizer *g, int screen_width, int screen_height);

/* Feeds one event. Returns true and fills *out when the event completes a
 * gesture (only ever on LF_POINTER_UP); otherwise false and *out is
 * {LF_GESTURE_NONE}. MOVE or UP without a DOWN before are ignored. */
bool lf_gesture_feed(struct lf_gesture_recognizer *g, const struct lf_pointer_event *ev,
                     struct lf_gesture *out);

/* True while a pointer is down (the caller may hold the carousel). */
bool lf_gesture_active(const struct lf_gesture_recognizer *g);

const char *lf_gesture_kind_name(enum lf_gesture_kind kind);

#endif
