/* iCalendar feeds (RFC 5545) turned into the bundle's events.
 *
 * Parsing is libical's; this module decides what a kiosk makes of each
 * VEVENT: wall-clock times in Europe/Berlin whatever zone the feed wrote
 * (IANA names, the Windows names Outlook and Exchange write, resolved
 * through ICU's CLDR table, the feed's own VTIMEZONE blocks, UTC, floating
 * times taken as the feed's X-WR-TIMEZONE or else Berlin time), all-day
 * and multi-day events (DATE values, or Outlook's midnight to midnight
 * with X-MICROSOFT-CDO-ALLDAYEVENT), DURATION, RRULE (a plain yearly rule becomes the bundle's "yearly"
 * recurrence; any other series is expanded within the horizon, RDATE,
 * EXDATE and RECURRENCE-ID overrides honoured, RANGE=THISANDFUTURE too) and
 * STATUS:CANCELLED. A zone name nothing knows (after the abbreviations
 * MEZ/CET, Outlook's display names "(UTC+01:00) Amsterdam, Berlin, ..."
 * and fixed offsets "GMT+0100") is read as the feed's X-WR-TIMEZONE or
 * else the kiosk's zone, said once. An entry with a fault of its own is
 * left out, said, and the rest imported. Entries sharing a UID without RECURRENCE-ID (city
 * systems list each date so) each stay an event; texts not in UTF-8 are
 * read as Windows-1252, said once. Whatever an entry's texts hold, the
 * event is one the bundle takes: control characters removed (said once), a
 * text of only invisible characters taken as none, a URL or ORGANIZER
 * address the bundle would refuse left out of the event and said
 * ("www.stadt.de" gets https://). An HTML description alone (Outlook's
 * X-ALT-DESC) is read as text. A feed cut off (no END:VCALENDAR) is
 * refused whole, named by the line where it stops.
 *
 * Pure: no SDL, no curl, no files. lf_ics_parse() owns what it returns;
 * lf_ics_feed_destroy() frees it. One thread per feed. */
#ifndef LF_CALENDAR_ICS_H
#define LF_CALENDAR_ICS_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "core/diag.h"
#include "core/limits.h"
#include "core/log.h"

/* limits on a feed: core/limits.h (LF_ICS_MAX_BYTES ...) */
#define LF_ICS_DEFAULT_HORIZON_DAYS 180
#define LF_ICS_ID_PREFIX            "ics-"

/* One event as the bundle will hold it. Strings are UTF-8, never NULL
 * ("" when the feed had none). */
struct lf_ics_event {
    char id[LF_MAX_ID_BYTES + 1]; /* "ics-" + hash of UID [+ "-" start of the occurrence] */
    char *uid;
    int line;                     /* line of its BEGIN:VEVENT in the feed */
    int sequence;                 /* its SEQUENCE (revision) in the feed */
    char *title, *description, *place, *address, *url, *organiser, *email;
    char **tags;
    size_t n_tags;
    bool all_day;    /* start/end are dates; end is the last day (inclusive) */
    char start[40];  /* "YYYY-MM-DDTHH:MM" or, all day, "YYYY-MM-DD" (Berlin) */
    char end[40];
    time_t start_at, end_at; /* instants (all day: start of the first / end of the last day) */
    bool yearly;
    bool cancelled;
};

struct lf_ics_feed;

/* The address to fetch for a calendar address as people copy it: the
 * webcal:// and webcals:// links that Outlook, Google and Apple give for
 * subscribing become https://; anything else is returned as it is (url
 * itself, or out when it was rewritten; out holds `size` bytes). */
const char *lf_ics_feed_url(const char *url, char *out, size_t size);

/* Parses `len` bytes of iCalendar text. Events that ended before `now` or
 * start after now + horizon_days are left out. Problems go to `d` named by
 * `name` and the feed's line; NULL when the feed as a whole is unusable
 * (then nothing of it may be used). */
struct lf_ics_feed *lf_ics_parse(const char *text, size_t len, const char *name, time_t now,
                                 int horizon_days, struct lf_diags *d) LF_MUST_CHECK;

/* Which events of a feed to import (a city's whole event calendar holds
 * far more than a KI's): an event is taken when one of its CATEGORIES is
 * one of `categories`, or its SUMMARY, LOCATION or ORGANIZER contains one
 * of `matches` (both case-insensitive, ICU case folding). Empty: every
 * event. */
struct lf_ics_filter {
    const char *categories[LF_ICS_MAX_FILTERS];
    size_t n_categories;
    const char *matches[LF_ICS_MAX_FILTERS];
    size_t n_matches;
};

/* lf_ics_parse() with a filter (NULL: none). When more than
 * LF_ICS_MAX_OCCURRENCES events remain, the ones that start first are
 * kept and how many later ones were left out is said as a warning
 * (lf_ics_left_out()). */
struct lf_ics_feed *lf_ics_parse_filtered(const char *text, size_t len, const char *name,
                                          time_t now, int horizon_days,
                                          const struct lf_ics_filter *filter,
                                          struct lf_diags *d) LF_MUST_CHECK;
void lf_ics_feed_destroy(struct lf_ics_feed *f);

/* Where a feed passes `limit` bytes (`len` > limit bytes of it given):
 * the line holding byte `limit` (1-based, the first of a folded content
 * line) and that content line's property name ("DESCRIPTION", "ATTACH")
 * into field (size bytes, "" when none); returns how many bytes of that
 * line lie in text[0..len) (at least: it may go on beyond). A feed over
 * the limit is most often one line: a picture or attachment inside it. */
size_t lf_ics_where_over(const char *text, size_t len, size_t limit, int *line, char *field,
                         size_t size);

size_t lf_ics_count(const struct lf_ics_feed *f);
const struct lf_ics_event *lf_ics_get(const struct lf_ics_feed *f, size_t i);
/* How many VEVENTs the feed had (before the horizon and expansion). */
size_t lf_ics_components(const struct lf_ics_feed *f);
/* How many entries were left out for a fault of their own (no SUMMARY or
 * UID, a text over the limit, no usable start...): each is said as a
 * warning naming its line, SUMMARY, UID and DTSTART; the rest of the feed
 * is imported. */
size_t lf_ics_skipped(const struct lf_ics_feed *f);
/* Events within the horizon the filter did not take. */
size_t lf_ics_filtered(const struct lf_ics_feed *f);
/* Events within the horizon left out beyond the LF_ICS_MAX_OCCURRENCES
 * that start first. */
size_t lf_ics_left_out(const struct lf_ics_feed *f);

#endif
