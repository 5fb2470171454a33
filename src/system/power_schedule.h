/* When the screen is on: [power] on_hours, holidays and closed_dates.
 *
 *   on_hours     = "mo-fr 07:30-18:00; sa 09:00-13:00"
 *                  the syntax of consultation hours: day names mo tu we th
 *                  fr sa su, ranges (mo-fr) and lists (mo,we), then one or
 *                  more times HH:MM-HH:MM separated by commas; groups
 *                  separated by ';'. "" = always on.
 *   holidays     = nrw   the public holidays of North Rhine-Westphalia
 *                  (New Year, Good Friday, Easter Monday, 1 May, Ascension,
 *                  Whit Monday, Corpus Christi, 3 October, All Saints,
 *                  25 and 26 December; the Easter-based ones computed);
 *                  "" = none. Off all day.
 *   closed_dates = "2026-12-24 2026-12-31..2027-01-01"  off all day.
 * Times are wall-clock Europe/Berlin (core/civil_time.h), so 07:30 stays
 * 07:30 across DST changes.
 * Pure C (no SDL): unit-tested without a display. Any thread. */
#ifndef LF_SYSTEM_POWER_SCHEDULE_H
#define LF_SYSTEM_POWER_SCHEDULE_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "core/log.h"

#define LF_POWER_MAX_CLOSED 64        /* dates or ranges in closed_dates */
#define LF_POWER_MAX_RANGE_DAYS 366   /* longest closed range */
#define LF_POWER_ERROR_BYTES 160

enum lf_holidays {
    LF_HOLIDAYS_NONE = 0,
    LF_HOLIDAYS_NRW = 1,
};

struct lf_power_schedule;

/* Parses the three settings. NULL, with what is wrong in err (the text
 * names the part, e.g. "'mo-fx': unknown day 'fx'"), on a syntax error. */
struct lf_power_schedule *lf_power_schedule_create(const char *on_hours, enum lf_holidays holidays,
                                                   const char *closed_dates, char *err,
                                                   size_t err_size);
void lf_power_schedule_destroy(struct lf_power_schedule *s);

/* Whether the screen is on at `now`; *change_at (may be NULL) the next
 * instant it turns the other way, or -1 when never within 400 days. */
bool lf_power_on_at(const struct lf_power_schedule *s, time_t now, time_t *change_at);

/* Whether a date is a public holiday of NRW. month 1..12. */
bool lf_holiday_nrw(int year, int month, int day);

/* Easter Sunday of a Gregorian year (month 3 or 4). */
void lf_easter_sunday(int year, int *month, int *day);

/* Only the syntax check, for the config table: NULL when fine, else a
 * message (static storage of this thread, valid until the next call). */
const char *lf_power_check_on_hours(const char *on_hours);
const char *lf_power_check_closed_dates(const char *closed_dates);

#endif
