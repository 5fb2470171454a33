#include "core/civil_time.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

bool lf_civil_time_init(void)
{
    if (setenv("TZ", LF_TIME_ZONE, 1) != 0) {
        lf_error("cannot set time zone %s", LF_TIME_ZONE);
        return false;
    }
    tzset();
    /* glibc falls back to UTC silently when the zone file is missing;
     * Berlin is never UTC+0 so a January noon tells them apart. */
    struct tm tm;
    time_t probe = 1704110400; /* 2024-01-01T12:00:00Z */
    localtime_r(&probe, &tm);
    if (tm.tm_hour != 13) {
        lf_error("time zone %s not found: install the tzdata package", LF_TIME_ZONE);
        return false;
    }
    return true;
}

/* Reads exactly n digits. */
static bool digits(const char **p, int n, int *out)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (!isdigit((unsigned char)(*p)[i]))
            return false;
        v = v * 10 + ((*p)[i] - '0');
    }
    *p += n;
    *out = v;
    return true;
}

bool lf_is_leap_year(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int lf_days_in_month(int y, int m)
{
    static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && lf_is_leap_year(y) ? 29 : days[m - 1];
}

static bool valid_ymd(int y, int m, int d)
{
    if (y < LF_CIVIL_FIRST_YEAR || y > LF_CIVIL_LAST_YEAR || m < 1 || m > 12 || d < 1)
        return false;
    return d <= lf_days_in_month(y, m);
}

static bool parse_ymd(const char **p, int *y, int *m, int *d)
{
    const char *s = *p;
    if (!digits(&s, 4, y) || *s++ != '-' || !digits(&s, 2, m) || *s++ != '-' ||
        !digits(&s, 2, d))
        return false;
    if (!valid_ymd(*y, *m, *d))
        return false;
    *p = s;
    return true;
}

bool lf_parse_date(const char *s, int *year, int *month, int *day)
{
    return parse_ymd(&s, year, month, day) && *s == '\0';
}

bool lf_parse_hhmm(const char *s, int *minutes)
{
    int h, m;
    if (!digits(&s, 2, &h) || *s++ != ':' || !digits(&s, 2, &m) || *s != '\0')
        return false;
    if (h > 24 || m > 59 || (h == 24 && m != 0))
        return false;
    *minutes = h * 60 + m;
    return true;
}

/* H. Hinnant's days_from_civil and civil_from_days: eras of 400 years
 * (146097 days), years starting on 1 March so that 29 February is a
 * year's last day; 719468 is the day number of 1970-01-01 from 0000-03-01. */
long lf_days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

void lf_civil_from_days(long z, int *y, int *m, int *d)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*m <= 2));
}

bool lf_parse_datetime(const char *s, time_t *out)
{
    int y, mo, d, h, mi, sec = 0;
    if (!parse_ymd(&s, &y, &mo, &d))
        return false;
    if (*s != 'T' && *s != ' ')
        return false;
    s++;
    if (!digits(&s, 2, &h) || *s++ != ':' || !digits(&s, 2, &mi))
        return false;
    if (*s == ':') {
        s++;
        if (!digits(&s, 2, &sec))
            return false;
    }
    if (h > 23 || mi > 59 || sec > 59)
        return false;
    if (*s == '\0') {
        time_t t = lf_local_make(y, mo, d, h, mi);
        *out = t + sec;
        return true;
    }
    long offset = 0;
    if (*s == 'Z') {
        s++;
    } else if (*s == '+' || *s == '-') {
        int sign = *s++ == '-' ? -1 : 1, oh, om;
        if (!digits(&s, 2, &oh) || *s++ != ':' || !digits(&s, 2, &om) || oh > 14 ||
            om > 59)
            return false;
        offset = sign * (oh * 3600L + om * 60L);
    } else {
        return false;
    }
    if (*s != '\0')
        return false;
    *out = (time_t)(lf_days_from_civil(y, mo, d) * 86400L + h * 3600L + mi * 60L + sec -
                    offset);
    return true;
}

void lf_local_time(time_t t, struct tm *out)
{
    localtime_r(&t, out);
}

time_t lf_local_make(int year, int month, int day, int hour, int minute)
{
    /* First ask mktime with DST unknown; glibc then normalises times in
     * the spring gap forward and picks one meaning for the autumn hour.
     * Pin the autumn case to the first occurrence (summer time). */
    struct tm tm = {
        .tm_year = year - 1900, .tm_mon = month - 1, .tm_mday = day,
        .tm_hour = hour, .tm_min = minute, .tm_isdst = -1,
    };
    time_t t = mktime(&tm);
    struct tm summer = {
        .tm_year = year - 1900, .tm_mon = month - 1, .tm_mday = day,
        .tm_hour = hour, .tm_min = minute, .tm_isdst = 1,
    };
    time_t ts = mktime(&summer);
    struct tm check;
    localtime_r(&ts, &check);
    if (ts != (time_t)-1 && ts < t && check.tm_hour == hour && check.tm_min == minute &&
        check.tm_mday == day)
        return ts;
    return t;
}

int lf_weekday_mon0(const struct tm *tm)
{
    return (tm->tm_wday + 6) % 7;
}
