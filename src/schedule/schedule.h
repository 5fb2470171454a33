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
    time_t start, end;          /* events: this occurrence (recurrence resolved);
                                   notices: valid_from, valid_until;
                                   agenda, offers, contacts: 0, 0 */
};

/* Whether the slide's occurrence fills whole days (an all-day item, or
 * midnight to midnight): shown and said as days, never "00:00". */
bool lf_slide_whole_days(const struct lf_slide *sl);

struct lf_playlist {
    struct lf_slide *slides;
    size_t n;
    /* What a visitor can browse by category (upcoming events, offers,
     * contacts, in carousel order), whatever the carousel plays: while an
     * urgent notice takes over the carousel, the lists stay complete (a
     * notice that says "call us" must not hide the phone number). */
    struct lf_slide *browse;
    size_t n_browse;
    /* The notices valid now, whatever the carousel plays: urgent ones
     * first (highest priority first), then the others, each in manifest
     * order. A visitor who saw one in the carousel finds it again at the
     * top of every list. */
    struct lf_slide *notices;
    size_t n_notices;
    /* The earliest moment after `now` at which the playlist would differ
     * (an event ends, a notice starts or expires); rebuild then.
     * (time_t)-1 when nothing changes. An event starting does not
     * change the playlist (a running event stays on screen until its
     * end). While urgent notices take over, only urgent notices'
     * valid_from / valid_until count. */
    time_t rebuild_at;
};

/* Carousel order at `now`: while any urgent notice is valid, only the
 * urgent notices (highest priority first); out->browse is filled either way. Otherwise: the agenda (when
 * there is an upcoming event), valid notices, upcoming events by start
 * time (past ones hidden, yearly ones at their next occurrence), offers,
 * contacts, each in manifest order; when that leaves nothing, the agenda
 * alone (it says that no events are announced). Ties between events starting at the
 * same moment keep manifest order; the result depends only on `b` and
 * `now`. A notice with valid_until <= valid_from is never shown.
 *
 * `out` is overwritten without being freed: pass a zeroed or cleared
 * playlist. out->slides is allocated (aborts on out of memory, cannot
 * fail); free it with lf_playlist_clear(). b == NULL gives an empty
 * playlist. Any thread; reads the time zone only. */
void lf_playlist_build(const struct lf_bundle *b, time_t now, struct lf_playlist *out);
/* The same with `known` false when no time is known (the system clock not
 * set and no content server's time, core/clock_floor.h): `now` is then
 * only a guess, and no notice is shown (each has a window, and whether
 * "now" is in it cannot be known: a "closed today" of some other day
 * would be false); events, offers and contacts are as at `now`. */
void lf_playlist_build_known(const struct lf_bundle *b, time_t now, bool known,
                             struct lf_playlist *out);
void lf_playlist_clear(struct lf_playlist *p);

/* A round of the carousel shows at most this many event slides, the
 * nearest first (running ones, then by start), and the agenda's pages
 * that name them (app/carousel.h): with hundreds of events in a bundle a
 * passer-by still sees this week's within minutes. Every event stays in
 * the Events list a visitor browses. The default of [carousel] max_events. */
#define LF_CAROUSEL_MAX_EVENTS 12

/* A screen nobody can touch (no Events list to tap) lists the later
 * events on a rotating window of agenda pages: each round shows the
 * agenda's pages naming its nearest events, then this many pages of the
 * later ones, moving on by as many every round and starting again after
 * the last. With 500 events (about 113 agenda pages) a round stays about
 * as short as on a touch screen, and every upcoming event is on the
 * screen within about (pages after the nearest) / this many rounds. */
#define LF_CAROUSEL_AGENDA_WINDOW_PAGES 2

/* Where a round's window of later agenda pages starts: the occurrence it
 * names first, kept by identity so that it survives a rebuild (an event
 * that ended, a new bundle). Unset: at the first entry after the nearest
 * ones. */
struct lf_agenda_mark {
    bool set;
    time_t start;                   /* the occurrence's start */
    char id[LF_MAX_ID_BYTES + 1];   /* its item's id */
};

/* m := agenda[i] (of n entries, lf_upcoming_events order); i >= n unsets
 * it (the window starts over). */
void lf_agenda_mark_at(struct lf_agenda_mark *m, const struct lf_slide *agenda, size_t n,
                       size_t i);

/* The first entry of agenda[from..n) at or after the mark: the marked
 * occurrence itself, else the first starting at or after its start (so
 * no event is passed over when the marked one ended or left the
 * bundle). `from` when the mark is unset, n when every entry from `from`
 * on starts before it (then the window starts over at `from`). */
size_t lf_agenda_mark_find(const struct lf_agenda_mark *m, const struct lf_slide *agenda,
                           size_t n, size_t from);

/* Keeps the first `max` event slides of the carousel order in p->slides
 * (they are the nearest: the playlist orders events by start) and drops
 * the later ones; agenda, notices, offers and contacts stay in their
 * order, p->browse and p->notices stay complete. max == 0: no limit.
 * Returns how many event slides were dropped. */
size_t lf_playlist_limit_events(struct lf_playlist *p, size_t max);

/* A round of the carousel shows at most this many offers, and as many
 * contacts: with 300 offers a round took about an hour and a passer-by
 * saw the next event rarely. The slides rotate: each round shows the
 * next ones (after the last, the first again), so every offer and
 * contact is on the screen within ceil(n / LF_CAROUSEL_MAX_SERVICES)
 * rounds, and each stays in its list a visitor browses. */
#define LF_CAROUSEL_MAX_SERVICES 8

/* Keeps at most `max` slides of `kind` (LF_SLIDE_OFFER or
 * LF_SLIDE_CONTACT) in p->slides: those from the `first`th of that kind
 * on (taken modulo their count), in carousel order, wrapping round to
 * the first; they stand where the first slide of that kind stood. The
 * other slides, p->browse and p->notices stay as they were. max == 0: no
 * limit. Returns how many slides of `kind` there were before, so the
 * caller can move `first` on by `max` for the next round. */
size_t lf_playlist_rotate_kind(struct lf_playlist *p, enum lf_slide_kind kind, size_t max,
                               size_t first);

/* The earliest moment after `now` at which anything a visitor reads
 * would differ: a notice starts or expires, an event starts ("happening
 * now") or ends, consultation hours open or close, or the local date
 * changes (words such as "today", "tomorrow"). Always a later moment than
 * `now` (the next local midnight at the latest); b == NULL gives the next
 * midnight. The kiosk sleeps until then: no polling. */
time_t lf_next_change(const struct lf_bundle *b, time_t now);

/* Local midnight starting the day after the one `now` falls on. */
time_t lf_next_midnight(time_t now);

/* The occurrence of an event that has not ended at `now` (the running
 * one, else the next). False when the event is over for good, or when
 * `event` is not an event.
 *
 * Yearly events recur on the same Europe/Berlin wall-clock date and time
 * every year from the first given occurrence on (never before it); the
 * end keeps its wall-clock time and its distance in calendar days, so an
 * 18:00-20:00 event is 18:00-20:00 local in summer and winter time.
 * An event on 29 February recurs in leap years only: a common year has
 * no occurrence (RFC 5545 3.3.10), never one on 28 February. */
bool lf_event_occurrence(const struct lf_item *event, time_t now, time_t *start,
                         time_t *end);

/* Upcoming (or running) events sorted by occurrence start (ties in
 * manifest order), at most `max`, written to out[0..] as LF_SLIDE_EVENT
 * slides. Returns how many were written. */
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

/* Ranges that touch or overlap count as one opening (09:00-12:00 and
 * 12:00-14:00: open until 14:00; a range to 24:00 runs on into one from
 * 00:00 the next day). Times are Europe/Berlin wall-clock on each date,
 * so "09:00" stays 09:00 local across DST changes.
 *   h->n == 0                          -> LF_HOURS_NONE,   change_at = -1
 *   ranges given, but on no weekday    -> LF_HOURS_CLOSED, change_at = -1
 *   open without a break for 8 days    -> LF_HOURS_OPEN,   change_at = -1
 *     (around the clock)
 * Otherwise change_at is the closing time (open) or the next opening
 * (closed), searched up to 8 days ahead. */
struct lf_open_status lf_opening_status(const struct lf_opening_hours *h, time_t now);

/* Time a visitor needs to read a slide with `chars` characters of text:
 * base_s plus about one second per 15 characters, capped at 4 * base_s.
 * Every started 15 characters count a second; base_s <= 0 gives 0. */
int lf_reading_time_s(size_t chars, int base_s);

#endif
