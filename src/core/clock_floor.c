#include "core/clock_floor.h"

#include <stdio.h>

#ifndef LF_BUILD_EPOCH
#define LF_BUILD_EPOCH 1796083200 /* 2026-12-01: no build time given */
#endif

time_t lf_build_time(void)
{
    return (time_t)LF_BUILD_EPOCH;
}

time_t lf_clock_floor(time_t created, time_t seen, const char **what)
{
    time_t floor = lf_build_time() - LF_CLOCK_BUILD_SLACK_S;
    *what = "this program's build less a year";
    if (created > floor) {
        floor = created;
        *what = "the content bundle's creation";
    }
    if (seen - LF_CLOCK_BACK_SLACK_S > floor) {
        floor = seen - LF_CLOCK_BACK_SLACK_S;
        *what = "the newest time this kiosk showed, less an hour";
    }
    return floor;
}

static void utc_text(time_t t, char *buf, size_t size)
{
    struct tm tm;
    if (!gmtime_r(&t, &tm) || strftime(buf, size, "%Y-%m-%d %H:%M UTC", &tm) == 0)
        snprintf(buf, size, "%lld s", (long long)t);
}

bool lf_clock_plausible(time_t now, time_t floor, const char *what, char *why, size_t size)
{
    if (now >= floor)
        return true;
    char a[64], b[64];
    utc_text(now, a, sizeof(a));
    utc_text(floor, b, sizeof(b));
    snprintf(why, size, "clock not set: it says %s, before %s (%s): no date or time is shown "
             "until it is set (NTP)", a, what, b);
    return false;
}
