#include "system/power_schedule.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "content/bundle.h"
#include "core/civil_time.h"
#include "core/xalloc.h"
#include "schedule/schedule.h"

#define LOOKAHEAD_STEPS 1200 /* changes looked at: 400 days of several a day */
#define SECONDS_PER_DAY 86400

struct closed_range {
    long first, last; /* day numbers (days since 1970-01-01, civil) */
};

struct lf_power_schedule {
    bool always;                 /* on_hours "" */
    struct lf_opening_hours hours;
    enum lf_holidays holidays;
    struct closed_range closed[LF_POWER_MAX_CLOSED];
    size_t n_closed;
};

void lf_easter_sunday(int year, int *month, int *day)
{
    /* the anonymous Gregorian algorithm (Meeus/Jones/Butcher) */
    int a = year % 19, b = year / 100, c = year % 100;
    int d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
    int h = (19 * a + b - d - g + 15) % 30;
    int i = c / 4, k = c % 4;
    int l = (32 + 2 * e + 2 * i - h - k) % 7;
    int m = (a + 11 * h + 22 * l) / 451;
    *month = (h + l - 7 * m + 114) / 31;
    *day = (h + l - 7 * m + 114) % 31 + 1;
}

bool lf_holiday_nrw(int year, int month, int day)
{
    static const int fixed[][2] = {{1, 1}, {5, 1}, {10, 3}, {11, 1}, {12, 25}, {12, 26}};
    for (size_t i = 0; i < sizeof(fixed) / sizeof(fixed[0]); i++)
        if (fixed[i][0] == month && fixed[i][1] == day)
            return true;
    int em, ed;
    lf_easter_sunday(year, &em, &ed);
    long easter = lf_days_from_civil(year, em, ed), today = lf_days_from_civil(year, month, day);
    /* Good Friday, Easter Monday, Ascension, Whit Monday, Corpus Christi */
    static const int offsets[] = {-2, 1, 39, 50, 60};
    for (size_t i = 0; i < sizeof(offsets) / sizeof(offsets[0]); i++)
        if (today == easter + offsets[i])
            return true;
    return false;
}

static int day_index(const char *s)
{
    static const char *const names[] = {"mo", "tu", "we", "th", "fr", "sa", "su"};
    for (int i = 0; i < 7; i++)
        if (strncmp(s, names[i], 2) == 0)
            return i;
    return -1;
}

/* One group "mo-fr,sa 07:30-12:00,13:00-18:00" into h. */
static bool parse_group(const char *g, struct lf_opening_hours *h, char *err, size_t n)
{
    while (*g == ' ')
        g++;
    uint8_t days = 0;
    const char *p = g;
    for (;;) {
        int a = day_index(p);
        if (a < 0 || isalpha((unsigned char)p[2])) {
            snprintf(err, n, "'%s': a day name (mo tu we th fr sa su) expected at '%.8s'", g, p);
            return false;
        }
        p += 2;
        int b = a;
        if (*p == '-') {
            b = day_index(p + 1);
            if (b < 0 || isalpha((unsigned char)p[3])) {
                snprintf(err, n, "'%s': a day name expected after '-' at '%.8s'", g, p + 1);
                return false;
            }
            p += 3;
        }
        for (int d = a;; d = (d + 1) % 7) { /* sa-mo wraps round the week */
            days |= (uint8_t)(1u << d);
            if (d == b)
                break;
        }
        if (*p != ',')
            break;
        p++;
    }
    if (*p != ' ') {
        snprintf(err, n, "'%s': a space and times HH:MM-HH:MM expected after the days", g);
        return false;
    }
    while (*p == ' ')
        p++;
    for (;;) {
        char from[6], to[6];
        int a, b;
        if (strlen(p) < 11 || p[5] != '-') {
            snprintf(err, n, "'%s': times as HH:MM-HH:MM expected at '%s'", g, p);
            return false;
        }
        memcpy(from, p, 5);
        from[5] = '\0';
        memcpy(to, p + 6, 5);
        to[5] = '\0';
        if (!lf_parse_hhmm(from, &a) || !lf_parse_hhmm(to, &b) || a >= b) {
            snprintf(err, n, "'%s': '%.11s' is not a time range (HH:MM-HH:MM, from before to)", g,
                     p);
            return false;
        }
        if (h->n >= LF_MAX_HOURS_RANGES) {
            snprintf(err, n, "more than %d time ranges", LF_MAX_HOURS_RANGES);
            return false;
        }
        h->ranges[h->n++] = (struct lf_hours_range){days, (int16_t)a, (int16_t)b};
        p += 11;
        while (*p == ' ')
            p++;
        if (*p == '\0')
            return true;
        if (*p != ',') {
            snprintf(err, n, "'%s': unexpected '%s'", g, p);
            return false;
        }
        p++;
        while (*p == ' ')
            p++;
    }
}

static bool parse_on_hours(const char *text, struct lf_opening_hours *h, char *err, size_t n)
{
    memset(h, 0, sizeof(*h));
    char buf[512];
    if (strlen(text) >= sizeof(buf)) {
        snprintf(err, n, "longer than %zu characters", sizeof(buf) - 1);
        return false;
    }
    const char *p = text;
    while (*p) {
        const char *end = strchr(p, ';');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        memcpy(buf, p, len);
        buf[len] = '\0';
        while (len > 0 && buf[len - 1] == ' ')
            buf[--len] = '\0';
        for (char *c = buf; *c; c++)
            *c = (char)tolower((unsigned char)*c);
        if (buf[strspn(buf, " ")] != '\0' && !parse_group(buf, h, err, n))
            return false;
        p = end ? end + 1 : p + len;
    }
    if (h->n == 0) {
        snprintf(err, n, "no times given (write e.g. \"mo-fr 07:30-18:00\", or leave it empty "
                         "for always on)");
        return false;
    }
    return true;
}

static bool parse_closed(const char *text, struct lf_power_schedule *s, char *err, size_t n)
{
    s->n_closed = 0;
    const char *p = text;
    while (*p) {
        while (*p == ' ' || *p == ',')
            p++;
        if (!*p)
            break;
        size_t len = strcspn(p, " ,");
        char word[32];
        if (len >= sizeof(word)) {
            snprintf(err, n, "'%.40s': not a date (YYYY-MM-DD) or range (YYYY-MM-DD..YYYY-MM-DD)",
                     p);
            return false;
        }
        memcpy(word, p, len);
        word[len] = '\0';
        p += len;
        char *dots = strstr(word, "..");
        int y1, m1, d1, y2, m2, d2;
        if (dots)
            *dots = '\0';
        bool ok = lf_parse_date(word, &y1, &m1, &d1);
        y2 = y1, m2 = m1, d2 = d1;
        if (ok && dots)
            ok = lf_parse_date(dots + 2, &y2, &m2, &d2);
        if (!ok) {
            if (dots)
                *dots = '.';
            snprintf(err, n, "'%s': not a date (YYYY-MM-DD) or range (YYYY-MM-DD..YYYY-MM-DD)",
                     word);
            return false;
        }
        long first = lf_days_from_civil(y1, m1, d1), last = lf_days_from_civil(y2, m2, d2);
        if (last < first || last - first >= LF_POWER_MAX_RANGE_DAYS) {
            snprintf(err, n, "'%s..': a range runs forward and at most %d days", word,
                     LF_POWER_MAX_RANGE_DAYS);
            return false;
        }
        if (s->n_closed >= LF_POWER_MAX_CLOSED) {
            snprintf(err, n, "more than %d closed dates or ranges", LF_POWER_MAX_CLOSED);
            return false;
        }
        s->closed[s->n_closed++] = (struct closed_range){first, last};
    }
    return true;
}

struct lf_power_schedule *lf_power_schedule_create(const char *on_hours, enum lf_holidays holidays,
                                                   const char *closed_dates, char *err,
                                                   size_t err_size)
{
    struct lf_power_schedule *s = lf_xcalloc(1, sizeof(*s));
    s->holidays = holidays;
    s->always = on_hours[on_hours[0] ? strspn(on_hours, " ") : 0] == '\0';
    if ((!s->always && !parse_on_hours(on_hours, &s->hours, err, err_size)) ||
        !parse_closed(closed_dates, s, err, err_size)) {
        free(s);
        return NULL;
    }
    return s;
}

void lf_power_schedule_destroy(struct lf_power_schedule *s)
{
    free(s);
}

static bool closed_day(const struct lf_power_schedule *s, const struct tm *tm)
{
    int y = tm->tm_year + 1900, m = tm->tm_mon + 1, d = tm->tm_mday;
    if (s->holidays == LF_HOLIDAYS_NRW && lf_holiday_nrw(y, m, d))
        return true;
    long day = lf_days_from_civil(y, m, d);
    for (size_t i = 0; i < s->n_closed; i++)
        if (day >= s->closed[i].first && day <= s->closed[i].last)
            return true;
    return false;
}

/* The state at t and the next instant at which any input to it changes
 * (a range edge or local midnight). */
static bool state_at(const struct lf_power_schedule *s, time_t t, time_t *next)
{
    struct tm tm;
    lf_local_time(t, &tm);
    int y, m, d;
    lf_civil_from_days(lf_days_from_civil(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday) + 1, &y,
                       &m, &d);
    time_t midnight = lf_local_make(y, m, d, 0, 0);
    *next = midnight;
    if (closed_day(s, &tm))
        return false;
    if (s->always)
        return true;
    struct lf_open_status st = lf_opening_status(&s->hours, t);
    if (st.change_at != (time_t)-1 && st.change_at < *next)
        *next = st.change_at;
    return st.state == LF_HOURS_OPEN;
}

bool lf_power_on_at(const struct lf_power_schedule *s, time_t now, time_t *change_at)
{
    time_t next;
    bool on = state_at(s, now, &next);
    if (change_at)
        *change_at = -1;
    if (s->always && s->n_closed == 0 && s->holidays == LF_HOLIDAYS_NONE)
        return true;
    time_t t = next;
    for (int i = 0; i < LOOKAHEAD_STEPS && t - now < 400L * SECONDS_PER_DAY; i++) {
        if (state_at(s, t, &next) != on) {
            if (change_at)
                *change_at = t;
            break;
        }
        if (next <= t)
            break;
        t = next;
    }
    return on;
}

static _Thread_local char check_message[LF_POWER_ERROR_BYTES];

const char *lf_power_check_on_hours(const char *on_hours)
{
    struct lf_opening_hours h;
    if (on_hours[strspn(on_hours, " ")] == '\0' ||
        parse_on_hours(on_hours, &h, check_message, sizeof(check_message)))
        return NULL;
    return check_message;
}

const char *lf_power_check_closed_dates(const char *closed_dates)
{
    struct lf_power_schedule *s = lf_xcalloc(1, sizeof(*s));
    bool ok = parse_closed(closed_dates, s, check_message, sizeof(check_message));
    free(s);
    return ok ? NULL : check_message;
}
