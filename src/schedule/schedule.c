/* Schedule: which slides are on screen at `now`, event recurrence and
 * consultation hours, all in Europe/Berlin wall-clock time.
 *
 * Wall-clock reasoning works on civil dates (days since 1970-01-01) and
 * turns a date and time of day into an instant only through
 * lf_local_make(), so a DST change never shifts "09:00" or "18:00". */
#include "schedule/schedule.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/civil_time.h"
#include "core/xalloc.h"

#define NO_TIME ((time_t)-1)

/* Years from one occurrence of a yearly event to the next at most: 29
 * February recurs in leap years only, and 2100 is none. */
#define YEARLY_MAX_GAP 8

/* Days the opening-hours search looks ahead (today plus this many). */
#define HOURS_SEARCH_DAYS 8

/* ---- civil dates ------------------------------------------------------ */

struct civil_date {
    int year, month, day;
};

static long days_from_civil(struct civil_date c)
{
    return lf_days_from_civil(c.year, c.month, c.day);
}

static struct civil_date civil_from_days(long z)
{
    struct civil_date c;
    lf_civil_from_days(z, &c.year, &c.month, &c.day);
    return c;
}

/* Monday = 0 ... Sunday = 6; 1970-01-01 was a Thursday. */
static int weekday_mon0_of_days(long z)
{
    long w = (z + 3) % 7;
    return (int)(w < 0 ? w + 7 : w);
}

/* The instant of `minutes` after local midnight of day `z` (1440 = the
 * next midnight). */
static time_t local_instant(long z, int minutes)
{
    if (minutes >= 1440) {
        z += minutes / 1440;
        minutes %= 1440;
    }
    struct civil_date c = civil_from_days(z);
    return lf_local_make(c.year, c.month, c.day, minutes / 60, minutes % 60);
}

static long local_days(time_t t, struct tm *tm_out)
{
    struct tm tm;
    lf_local_time(t, &tm);
    if (tm_out)
        *tm_out = tm;
    return days_from_civil((struct civil_date){tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday});
}

/* ---- events ----------------------------------------------------------- */

/* Occurrence of a yearly event in `year`: same wall-clock date and time
 * as the first one, the same number of calendar days and the same end
 * time of day. False when `year` has no such date (29 February in a
 * common year): that year has no occurrence (RFC 5545 3.3.10, as every
 * calendar program), never one on 28 February or 1 March. */
static bool yearly_occurrence(const struct tm *first_start, long span_days,
                              const struct tm *first_end, time_t first_duration, int year,
                              time_t *start, time_t *end)
{
    int month = first_start->tm_mon + 1;
    int day = first_start->tm_mday;
    if (day > lf_days_in_month(year, month))
        return false;
    struct civil_date sd = {year, month, day};
    *start = lf_local_make(year, month, day, first_start->tm_hour, first_start->tm_min) +
             first_start->tm_sec;
    struct civil_date ed = civil_from_days(days_from_civil(sd) + span_days);
    *end = lf_local_make(ed.year, ed.month, ed.day, first_end->tm_hour, first_end->tm_min) +
           first_end->tm_sec;
    /* A DST change inside a short event (e.g. 01:30-03:30 on the night of
     * the change) could turn the wall-clock span upside down. */
    if (*end <= *start)
        *end = *start + first_duration;
    return true;
}

bool lf_event_occurrence(const struct lf_item *event, time_t now, time_t *start, time_t *end)
{
    if (!event || event->kind != LF_ITEM_EVENT || event->end <= event->start)
        return false;
    if (now < event->end) {
        /* the first given occurrence is running or still ahead */
        *start = event->start;
        *end = event->end;
        return true;
    }
    if (event->recurrence != LF_RECUR_YEARLY)
        return false;

    struct tm fs, fe, nt;
    long start_day = local_days(event->start, &fs);
    long span_days = local_days(event->end, &fe) - start_day;
    local_days(now, &nt);
    int first_year = fs.tm_year + 1900;
    int now_year = nt.tm_year + 1900;
    /* An occurrence that started up to span_days/365 + 1 years before now
     * may still be running; one starting within YEARLY_MAX_GAP years is
     * ahead of now (29 February: the next leap year, 2096 -> 2104). */
    int from = now_year - (int)(span_days / 365) - 1;
    if (from <= first_year)
        from = first_year + 1;
    for (int y = from; y <= now_year + YEARLY_MAX_GAP && y <= 9999; y++) {
        time_t s, e;
        if (!yearly_occurrence(&fs, span_days, &fe, event->end - event->start, y, &s, &e))
            continue;
        if (now < e) {
            *start = s;
            *end = e;
            return true;
        }
    }
    return false;
}

/* An event with its resolved occurrence and manifest position. */
struct upcoming {
    const struct lf_item *item;
    time_t start, end;
    size_t index;
};

static int upcoming_cmp(const void *a, const void *b)
{
    const struct upcoming *x = a, *y = b;
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    return x->index < y->index ? -1 : x->index > y->index;
}

/* Every event not over at `now`, sorted by occurrence start, ties in
 * manifest order. Returns a new array (caller frees) and its length. */
static struct upcoming *collect_upcoming(const struct lf_bundle *b, time_t now, size_t *n_out)
{
    struct upcoming *u = lf_xmalloc((b->n_items + 1) * sizeof(*u));
    size_t n = 0;
    for (size_t i = 0; i < b->n_items; i++) {
        const struct lf_item *it = &b->items[i];
        time_t s, e;
        if (it->kind == LF_ITEM_EVENT && lf_event_occurrence(it, now, &s, &e))
            u[n++] = (struct upcoming){it, s, e, i};
    }
    qsort(u, n, sizeof(*u), upcoming_cmp);
    *n_out = n;
    return u;
}

size_t lf_upcoming_events(const struct lf_bundle *b, time_t now, struct lf_slide *out,
                          size_t max)
{
    if (!b || max == 0)
        return 0;
    size_t n;
    struct upcoming *u = collect_upcoming(b, now, &n);
    if (n > max)
        n = max;
    for (size_t i = 0; i < n; i++)
        out[i] = (struct lf_slide){LF_SLIDE_EVENT, u[i].item, u[i].start, u[i].end};
    free(u);
    return n;
}

void lf_agenda_mark_at(struct lf_agenda_mark *m, const struct lf_slide *agenda, size_t n,
                       size_t i)
{
    if (i >= n || !agenda[i].item) {
        *m = (struct lf_agenda_mark){0};
        return;
    }
    m->set = true;
    m->start = agenda[i].start;
    snprintf(m->id, sizeof(m->id), "%s", agenda[i].item->id ? agenda[i].item->id : "");
}

size_t lf_agenda_mark_find(const struct lf_agenda_mark *m, const struct lf_slide *agenda,
                           size_t n, size_t from)
{
    if (!m->set)
        return from;
    size_t first_tie = n;
    for (size_t i = from; i < n; i++) {
        if (agenda[i].start > m->start)
            return first_tie < n ? first_tie : i;
        if (agenda[i].start == m->start) {
            const char *id = agenda[i].item && agenda[i].item->id ? agenda[i].item->id : "";
            if (strcmp(id, m->id) == 0)
                return i;
            if (first_tie == n)
                first_tie = i;
        }
    }
    return first_tie;
}

/* ---- playlist --------------------------------------------------------- */

/* `known` false: no time is known (core/clock_floor.h), so no notice
 * (each has its window) is known to be valid. */
static bool notice_valid(const struct lf_item *it, time_t now, bool known)
{
    return known && it->valid_from <= now && now < it->valid_until;
}

static bool notice_urgent(const struct lf_item *it)
{
    return it->priority >= LF_NOTICE_URGENT;
}

/* Keeps the earliest candidate after `now` in *at. */
static void consider(time_t *at, time_t candidate, time_t now)
{
    if (candidate > now && (*at == NO_TIME || candidate < *at))
        *at = candidate;
}

static struct lf_slide notice_slide(const struct lf_item *it, enum lf_slide_kind kind)
{
    return (struct lf_slide){kind, it, it->valid_from, it->valid_until};
}

/* Urgent notices valid now, highest priority first, ties in manifest
 * order. Returns how many were added. */
static size_t add_urgent(const struct lf_bundle *b, time_t now, bool known,
                         struct lf_playlist *out)
{
    int top = -1;
    for (size_t i = 0; i < b->n_items; i++) {
        const struct lf_item *it = &b->items[i];
        if (it->kind == LF_ITEM_NOTICE && notice_urgent(it) && notice_valid(it, now, known) &&
            it->priority > top)
            top = it->priority;
    }
    size_t added = 0;
    for (int p = top; p >= LF_NOTICE_URGENT; p--) {
        for (size_t i = 0; i < b->n_items; i++) {
            const struct lf_item *it = &b->items[i];
            if (it->kind == LF_ITEM_NOTICE && it->priority == p && notice_valid(it, now, known)) {
                out->slides[out->n++] = notice_slide(it, LF_SLIDE_URGENT);
                added++;
            }
        }
    }
    return added;
}

static void add_kind(const struct lf_bundle *b, enum lf_item_kind kind,
                     enum lf_slide_kind slide_kind, struct lf_playlist *out)
{
    for (size_t i = 0; i < b->n_items; i++) {
        const struct lf_item *it = &b->items[i];
        if (it->kind == kind)
            out->slides[out->n++] = (struct lf_slide){slide_kind, it, 0, 0};
    }
}

/* Upcoming events, offers and contacts: the lists a visitor browses. */
static void fill_browse(const struct lf_bundle *b, time_t now, struct lf_playlist *out)
{
    size_t n_up;
    struct upcoming *up = collect_upcoming(b, now, &n_up);
    for (size_t i = 0; i < n_up; i++)
        out->browse[out->n_browse++] =
            (struct lf_slide){LF_SLIDE_EVENT, up[i].item, up[i].start, up[i].end};
    free(up);
    for (size_t i = 0; i < b->n_items; i++)
        if (b->items[i].kind == LF_ITEM_OFFER)
            out->browse[out->n_browse++] = (struct lf_slide){LF_SLIDE_OFFER, &b->items[i], 0, 0};
    for (size_t i = 0; i < b->n_items; i++)
        if (b->items[i].kind == LF_ITEM_CONTACT)
            out->browse[out->n_browse++] =
                (struct lf_slide){LF_SLIDE_CONTACT, &b->items[i], 0, 0};
}

/* The notices valid now for the lists: urgent ones first, as the
 * carousel orders them, then the others in manifest order. */
static void fill_notices(const struct lf_bundle *b, time_t now, bool known,
                         struct lf_playlist *out)
{
    struct lf_playlist urgent = {.slides = out->notices, .n = 0};
    add_urgent(b, now, known, &urgent);
    out->n_notices = urgent.n;
    for (size_t i = 0; i < b->n_items; i++) {
        const struct lf_item *it = &b->items[i];
        if (it->kind == LF_ITEM_NOTICE && !notice_urgent(it) && notice_valid(it, now, known))
            out->notices[out->n_notices++] = notice_slide(it, LF_SLIDE_NOTICE);
    }
}

void lf_playlist_build(const struct lf_bundle *b, time_t now, struct lf_playlist *out)
{
    lf_playlist_build_known(b, now, true, out);
}

void lf_playlist_build_known(const struct lf_bundle *b, time_t now, bool known,
                             struct lf_playlist *out)
{
    out->slides = NULL;
    out->n = 0;
    out->browse = NULL;
    out->n_browse = 0;
    out->notices = NULL;
    out->n_notices = 0;
    out->rebuild_at = NO_TIME;
    if (!b)
        return;
    /* at most one slide per item plus the agenda */
    out->slides = lf_xmalloc((b->n_items + 1) * sizeof(*out->slides));
    out->browse = lf_xmalloc((b->n_items + 1) * sizeof(*out->browse));
    fill_browse(b, now, out);
    out->notices = lf_xmalloc((b->n_items + 1) * sizeof(*out->notices));
    fill_notices(b, now, known, out);

    if (add_urgent(b, now, known, out) > 0) {
        /* Only urgent notices are on screen: the playlist changes when one
         * of them expires or another urgent one becomes valid. */
        for (size_t i = 0; i < b->n_items; i++) {
            const struct lf_item *it = &b->items[i];
            if (it->kind != LF_ITEM_NOTICE || !notice_urgent(it) ||
                it->valid_until <= it->valid_from)
                continue;
            consider(&out->rebuild_at, it->valid_from, now);
            consider(&out->rebuild_at, it->valid_until, now);
        }
        return;
    }

    size_t n_up;
    struct upcoming *up = collect_upcoming(b, now, &n_up);
    if (n_up > 0)
        out->slides[out->n++] = (struct lf_slide){LF_SLIDE_AGENDA, NULL, 0, 0};
    for (size_t i = 0; i < b->n_items; i++) {
        const struct lf_item *it = &b->items[i];
        if (it->kind != LF_ITEM_NOTICE || it->valid_until <= it->valid_from)
            continue;
        if (notice_valid(it, now, known))
            out->slides[out->n++] = notice_slide(it, LF_SLIDE_NOTICE);
        consider(&out->rebuild_at, it->valid_from, now);
        consider(&out->rebuild_at, it->valid_until, now);
    }
    for (size_t i = 0; i < n_up; i++) {
        out->slides[out->n++] =
            (struct lf_slide){LF_SLIDE_EVENT, up[i].item, up[i].start, up[i].end};
        /* when this occurrence ends the event disappears or moves on to
         * next year's date */
        consider(&out->rebuild_at, up[i].end, now);
    }
    free(up);
    add_kind(b, LF_ITEM_OFFER, LF_SLIDE_OFFER, out);
    add_kind(b, LF_ITEM_CONTACT, LF_SLIDE_CONTACT, out);
    /* nothing to show (every event past, no offers or contacts): the
     * agenda says that no events are announced; never an empty screen */
    if (out->n == 0)
        out->slides[out->n++] = (struct lf_slide){LF_SLIDE_AGENDA, NULL, 0, 0};
}

size_t lf_playlist_limit_events(struct lf_playlist *p, size_t max)
{
    if (!p || max == 0)
        return 0;
    size_t kept = 0, events = 0;
    for (size_t i = 0; i < p->n; i++) {
        if (p->slides[i].kind == LF_SLIDE_EVENT && events++ >= max)
            continue;
        p->slides[kept++] = p->slides[i];
    }
    size_t dropped = p->n - kept;
    p->n = kept;
    return dropped;
}

size_t lf_playlist_rotate_kind(struct lf_playlist *p, enum lf_slide_kind kind, size_t max,
                               size_t first)
{
    if (!p)
        return 0;
    size_t total = 0, at = p->n;
    for (size_t i = 0; i < p->n; i++)
        if (p->slides[i].kind == kind && total++ == 0)
            at = i;
    if (max == 0 || total <= max)
        return total;
    first %= total;
    struct lf_slide *kept = lf_xcalloc(p->n, sizeof(*kept));
    size_t n = 0;
    for (size_t i = 0; i < p->n; i++) {
        if (i == at) {
            /* the round's share: the `first`th of the kind and on, wrapping */
            for (size_t j = 0; j < max; j++) {
                size_t want = (first + j) % total, seen = 0;
                for (size_t k = at; k < p->n; k++) {
                    if (p->slides[k].kind != kind)
                        continue;
                    if (seen++ == want) {
                        kept[n++] = p->slides[k];
                        break;
                    }
                }
            }
        }
        if (p->slides[i].kind != kind)
            kept[n++] = p->slides[i];
    }
    free(p->slides);
    p->slides = kept;
    p->n = n;
    return total;
}

void lf_playlist_clear(struct lf_playlist *p)
{
    if (!p)
        return;
    free(p->slides);
    free(p->browse);
    free(p->notices);
    p->slides = NULL;
    p->n = 0;
    p->browse = NULL;
    p->notices = NULL;
    p->n_notices = 0;
    p->n_browse = 0;
    p->rebuild_at = NO_TIME;
}

/* ---- opening hours ---------------------------------------------------- */

struct span {
    time_t from, to;
};

static int span_cmp(const void *a, const void *b)
{
    const struct span *x = a, *y = b;
    if (x->from != y->from)
        return x->from < y->from ? -1 : 1;
    return x->to < y->to ? -1 : x->to > y->to;
}

struct lf_open_status lf_opening_status(const struct lf_opening_hours *h, time_t now)
{
    struct lf_open_status st = {LF_HOURS_NONE, NO_TIME};
    if (!h || h->n == 0)
        return st;
    st.state = LF_HOURS_CLOSED;

    /* Every range on every day from today to HOURS_SEARCH_DAYS ahead, as
     * instants; a range containing now starts today at the latest. */
    enum { MAX_SPANS = (HOURS_SEARCH_DAYS + 1) * LF_MAX_HOURS_RANGES };
    struct span spans[MAX_SPANS];
    size_t n = 0;
    long today = local_days(now, NULL);
    size_t n_ranges = h->n < LF_MAX_HOURS_RANGES ? h->n : LF_MAX_HOURS_RANGES;
    for (long z = today; z <= today + HOURS_SEARCH_DAYS; z++) {
        int wd = weekday_mon0_of_days(z);
        for (size_t i = 0; i < n_ranges; i++) {
            const struct lf_hours_range *r = &h->ranges[i];
            if (!(r->weekdays & (1u << wd)) || r->from_min < 0 || r->to_min > 1440 ||
                r->from_min >= r->to_min)
                continue;
            struct span s = {local_instant(z, r->from_min), local_instant(z, r->to_min)};
            /* a range inside the skipped spring hour has no time at all */
            if (s.from < s.to)
                spans[n++] = s;
        }
    }
    if (n == 0)
        return st; /* closed all week: change_at stays NO_TIME */
    qsort(spans, n, sizeof(spans[0]), span_cmp);

    /* Merge touching and overlapping ranges (12:00-14:00 after
     * 09:00-12:00, 00:00 after 24:00 of the day before). */
    size_t m = 0;
    for (size_t i = 1; i < n; i++) {
        if (spans[i].from <= spans[m].to) {
            if (spans[i].to > spans[m].to)
                spans[m].to = spans[i].to;
        } else {
            spans[++m] = spans[i];
        }
    }
    m++;

    time_t horizon = local_instant(today + HOURS_SEARCH_DAYS + 1, 0);
    for (size_t i = 0; i < m; i++) {
        if (spans[i].from <= now && now < spans[i].to) {
            st.state = LF_HOURS_OPEN;
            /* open without a break to the end of the search: around the clock */
            st.change_at = spans[i].to >= horizon ? NO_TIME : spans[i].to;
            return st;
        }
        if (spans[i].from > now) {
            st.change_at = spans[i].from;
            return st;
        }
    }
    return st;
}

/* ---- what changes when ------------------------------------------------ */

time_t lf_next_midnight(time_t now)
{
    return local_instant(local_days(now, NULL) + 1, 0);
}

time_t lf_next_change(const struct lf_bundle *b, time_t now)
{
    time_t at = lf_next_midnight(now);
    if (at <= now) /* cannot happen with a sane zone; never a deadline in the past */
        at = now + 1;
    for (size_t i = 0; b && i < b->n_items; i++) {
        const struct lf_item *it = &b->items[i];
        time_t s, e;
        switch (it->kind) {
        case LF_ITEM_NOTICE:
            if (it->valid_until > it->valid_from) {
                consider(&at, it->valid_from, now);
                consider(&at, it->valid_until, now);
            }
            break;
        case LF_ITEM_EVENT:
            if (lf_event_occurrence(it, now, &s, &e)) {
                consider(&at, s, now);
                consider(&at, e, now);
            }
            break;
        case LF_ITEM_OFFER:
        case LF_ITEM_CONTACT: {
            struct lf_open_status st = lf_opening_status(&it->hours, now);
            consider(&at, st.change_at, now);
            break;
        }
        }
    }
    return at;
}

/* ---- reading time ----------------------------------------------------- */

#define READING_CHARS_PER_SECOND 15

int lf_reading_time_s(size_t chars, int base_s)
{
    if (base_s <= 0)
        return 0;
    long long cap = 4LL * base_s;
    /* rounded up: every started 15 characters earn a second */
    size_t secs = chars / READING_CHARS_PER_SECOND + (chars % READING_CHARS_PER_SECOND != 0);
    long long extra = secs < (size_t)cap ? (long long)secs : cap;
    long long t = base_s + extra;
    if (t > cap)
        t = cap;
    return t > INT32_MAX ? INT32_MAX : (int)t;
}

bool lf_slide_whole_days(const struct lf_slide *sl)
{
    if (sl->item && sl->item->all_day)
        return true;
    struct tm a, b;
    lf_local_time(sl->start, &a);
    lf_local_time(sl->end, &b);
    return sl->end > sl->start && a.tm_hour == 0 && a.tm_min == 0 && a.tm_sec == 0 &&
           b.tm_hour == 0 && b.tm_min == 0 && b.tm_sec == 0;
}
