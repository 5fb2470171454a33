#include "core/clock_floor.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/timex.h>

#ifndef LF_BUILD_EPOCH
#define LF_BUILD_EPOCH 1796083200 /* 2026-12-01: no build time given */
#endif

time_t lf_build_time(void)
{
    return (time_t)LF_BUILD_EPOCH;
}

time_t lf_clock_floor(time_t created, time_t seen, time_t witnessed, const char **what)
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
    if (witnessed > 0 && witnessed - LF_CLOCK_TOLERANCE_S > floor) {
        floor = witnessed - LF_CLOCK_TOLERANCE_S;
        *what = "the content server's time saved before this boot, less 5 minutes";
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
    snprintf(why, size, "clock not set: it says %s, before %s (%s): no date, time or notice "
             "is shown until it is set (NTP) or the content server's time is known", a, what, b);
    return false;
}

int64_t lf_clock_mono_ms(void)
{
    struct timespec ts;
#ifdef CLOCK_BOOTTIME
    if (clock_gettime(CLOCK_BOOTTIME, &ts) == 0)
        return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
#endif
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

const char *lf_clock_source_name(enum lf_clock_source s)
{
    switch (s) {
    case LF_CLOCK_SYSTEM:
        return "system";
    case LF_CLOCK_SERVER:
        return "server";
    case LF_CLOCK_SERVER_SAVED:
        return "server_saved";
    case LF_CLOCK_NONE:
        break;
    }
    return "none";
}

/* Seconds since 1970 for milliseconds, rounded down (also before 1970). */
static time_t ms_to_s(int64_t ms)
{
    return (time_t)(ms >= 0 ? ms / 1000 : -((-ms + 999) / 1000));
}

bool lf_clock_system_synced(void)
{
    struct timex tx = {0};
    int state = adjtimex(&tx);
    return state != -1 && state != TIME_ERROR && !(tx.status & STA_UNSYNC);
}

void lf_clock_judge(int64_t wall_ms, int64_t mono_ms, time_t floor, const char *what,
                    const struct lf_clock_witness *w, bool synced, struct lf_clock_verdict *v)
{
    v->source = LF_CLOCK_SYSTEM;
    v->offset_ms = 0;
    v->settled = false;
    v->server_off_ms = 0;
    v->why[0] = '\0';
    time_t wall = ms_to_s(wall_ms);
    bool usable = w && w->date > 0 && w->date >= lf_build_time() - LF_CLOCK_BUILD_SLACK_S &&
                  mono_ms >= w->mono_ms &&
                  (mono_ms - w->mono_ms) / 1000 <= LF_CLOCK_WITNESS_MAX_AGE_S;
    if (!usable && synced) {
        v->settled = wall < floor; /* a time daemon vouches for it: the floor was wrong */
        return;
    }
    if (!usable) {
        if (!lf_clock_plausible(wall, floor, what, v->why, sizeof(v->why)))
            v->source = LF_CLOCK_NONE;
        return;
    }
    /* the Date is cut to the second: the middle of that second */
    int64_t server_ms = (int64_t)w->date * 1000 + 500 + (mono_ms - w->mono_ms);
    int64_t diff = wall_ms - server_ms;
    if (llabs(diff) <= (int64_t)LF_CLOCK_TOLERANCE_S * 1000 || synced) {
        v->settled = wall < floor; /* the floor was wrong, not the clock */
        if (llabs(diff) > (int64_t)LF_CLOCK_TOLERANCE_S * 1000)
            v->server_off_ms = -diff; /* the server's clock is the wrong one */
        return;
    }
    v->source = w->saved ? LF_CLOCK_SERVER_SAVED : LF_CLOCK_SERVER;
    v->offset_ms = -diff;
    char a[64], b[64];
    utc_text(wall, a, sizeof(a));
    utc_text(ms_to_s(server_ms), b, sizeof(b));
    snprintf(v->why, sizeof(v->why),
             "clock wrong: the system clock says %s, the content server %.100s says %s (its Date "
             "header %lld s ago, %scarried on by the monotonic clock): showing the server's time",
             a, w->host[0] ? w->host : "(unnamed)", b,
             (long long)((mono_ms - w->mono_ms) / 1000),
             w->saved ? "saved before a restart on this boot, " : "");
}
