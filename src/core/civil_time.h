/* Civil (wall-clock) time for the kiosk.
 *
 * Instants are time_t (seconds since the epoch, UTC). Everything a visitor
 * reads (dates, clock, consultation hours) is wall-clock time in the
 * kiosk's zone, Europe/Berlin, including its DST changes. The zone comes
 * from the system's tzdata; lf_civil_time_init() selects it for the whole
 * process (call once at start, before threads). */
#ifndef LF_CORE_CIVIL_TIME_H
#define LF_CORE_CIVIL_TIME_H

#include <stdbool.h>
#include <time.h>

#include "core/log.h"

#define LF_TIME_ZONE "Europe/Berlin"

/* The years a date in content (and so an imported event) may have. */
#define LF_CIVIL_FIRST_YEAR 1970
#define LF_CIVIL_LAST_YEAR  9999

/* Selects LF_TIME_ZONE. False (and logged) when tzdata lacks it. */
bool lf_civil_time_init(void) LF_MUST_CHECK;

/* Parses ISO 8601 "YYYY-MM-DDTHH:MM[:SS]" followed by "Z" or "+HH:MM" /
 * "-HH:MM"; without a zone suffix the time is wall-clock time in
 * LF_TIME_ZONE. A space may stand for the "T". */
bool lf_parse_datetime(const char *s, time_t *out) LF_MUST_CHECK;

/* "YYYY-MM-DD" */
bool lf_parse_date(const char *s, int *year, int *month, int *day) LF_MUST_CHECK;

/* "HH:MM", 00:00..24:00, into minutes after midnight. */
bool lf_parse_hhmm(const char *s, int *minutes) LF_MUST_CHECK;

/* Broken-down wall-clock time in LF_TIME_ZONE (tm_wday 0 = Sunday). */
void lf_local_time(time_t t, struct tm *out);

/* The instant of a wall-clock time in LF_TIME_ZONE. month 1..12. A time
 * that does not exist (skipped by the spring DST change) is taken one
 * hour later; an ambiguous one (autumn) is its first occurrence. */
time_t lf_local_make(int year, int month, int day, int hour, int minute);

/* The civil (proleptic Gregorian) calendar, month 1..12: whether a year
 * is a leap year, the days of a month, the day number of a date (days
 * since 1970-01-01, negative before) and the date of a day number. */
bool lf_is_leap_year(int year);
int lf_days_in_month(int year, int month);
long lf_days_from_civil(int year, int month, int day);
void lf_civil_from_days(long days, int *year, int *month, int *day);

/* Days since Monday 0..6 (Monday = 0, Sunday = 6) of a struct tm. */
int lf_weekday_mon0(const struct tm *tm);

#endif
