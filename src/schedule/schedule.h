/* Schedule: what is on screen at a given moment.
 *
 * Pure functions over the bundle model and a `now` (time_t). No SDL, no
 * clock reads: callers pass the time, so tests can pin it. All wall-clock
 * reasoning is Europe/Berlin (core/civil_time.h), correct across DST.
 *
 * Owner: lf_playlist_build() fills a caller-owned lf_playlist, which
 * lf_playlist_clear() empties. Slides point into the bundle: the bundle
 * must outlive the playlist. */
#ifndef LF_SCHEDULE_SCHEDULE_H
#define LF_SCHEDULE_SCHEDULE_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "content/bundle.h"

enum lf_slide_kind {
    LF_SLIDE_AGENDA,  /* overview of upcoming events; item == NULL */
    LF_SLIDE_EVENT,
    LF_SLIDE_OFFER,
    LF_SLIDE_CONTACT,
    LF_SLIDE_NOTICE,  /* a notice that is valid now, normal priority */
    LF_SLIDE_URGENT,  /* an urgent notice: takes over the screen while valid */
};

struct lf_slide {
    enum lf_slide_kind kind;
    const struct lf_item *item; /* NULL for LF_SLIDE_AGENDA */
    time_t start, end;          /* events: this occurrence (recurrence resolved) */
};

#define LF_AGENDA_MAX_EVENTS 6  /* events listed on the overview slide */

struct lf_playlist {
    struct lf_slide *slides;
    size_t n;
    /* The earliest moment after `now` at which the playlist would differ
     * (an event ends, a notice starts or expires); rebuild then.
     * (time_t)-1 when nothing changes. */
    time_t rebuild_at;
};

/* Carousel order at `now`: while any urgent notice is valid, only the
 * urgent notices (highest priority first). Otherwise: the agenda (when
 * there is an upcoming event), valid notices, upcoming events by start
 * time (past ones hidden, yearly ones at their next occurrence), offers,
 * contacts, each in manifest order. */
void lf_playlist_build(const struct lf_bundle *b, time_t now, struct lf_playlist *out);
void lf_playlist_clear(struct lf_playlist *p);

/* The occurrence of an event that has not ended at `now` (the running
 * one, else the next). False when the event is over for good. */
bool lf_event_occurrence(const struct lf_item *event, time_t now, time_t *start,
                         time_t *end);

/* Upcoming (or running) events sorted by start, at most `max`. */
size_t lf_upcoming_events(const struct lf_bundle *b, time_t now, struct lf_slide *out,
                          size_t max);

/* Consultation hours at `now`. */
enum lf_open_state {
    LF_HOURS_NONE,   /* no hours given */
    LF_HOURS_OPEN,   /* open now; change_at = when it closes */
    LF_HOURS_CLOSED, /* closed now; change_at = when it next opens */
};

struct lf_open_status {
    enum lf_open_state state;
    time_t change_at;
};

struct lf_open_status lf_opening_status(const struct lf_opening_hours *h, time_t now);

/* Time a visitor needs to read a slide with `chars` characters of text:
 * base_s plus about one second per 15 characters, capped at 4 * base_s. */
int lf_reading_time_s(size_t chars, int base_s);

#endif
