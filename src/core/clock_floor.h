/* Whether the wall clock can be believed. A Raspberry Pi without a
 * real-time clock boots at 1970 (or at its last shutdown, fake-hwclock)
 * until NTP answers: a time before a moment known to be past is not
 * shown as fact. The floor is the newest of: the build time of this
 * program (SOURCE_DATE_EPOCH or configure time) less LF_CLOCK_BUILD_SLACK_S,
 * the content bundle's creation, the newest time this kiosk saw on a
 * plausible clock less LF_CLOCK_BACK_SLACK_S, and the content server's
 * time saved before this boot (sync/clock_witness.h) less
 * LF_CLOCK_TOLERANCE_S. */
#ifndef LF_CORE_CLOCK_FLOOR_H
#define LF_CORE_CLOCK_FLOOR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

/* The build floor lies this far before the build: a preview or a test
 * "as at" some day of the last months stays possible; the bundle's
 * creation and what the kiosk saw give the tight floors. */
#define LF_CLOCK_BUILD_SLACK_S (366L * 86400)
/* A clock set back by more than this behind what the kiosk already saw
 * is suspect (NTP corrects by seconds, not hours). */
#define LF_CLOCK_BACK_SLACK_S 3600
/* While the clock is not plausible, the kiosk looks again this often:
 * NTP's answer is on screen within seconds. */
#define LF_CLOCK_RECHECK_MS 2000

/* When this program was built (seconds since 1970, UTC). */
time_t lf_build_time(void);

/* The floor from what is known: created (0: unknown) is the bundle's
 * creation, seen (0: none) the newest time seen on a plausible clock,
 * witnessed (0: none) the content server's Date saved before this boot
 * (true then, so the time now is not before it; less LF_CLOCK_TOLERANCE_S
 * for a server clock a little ahead). *what names it ("the build of this
 * program", ...). */
time_t lf_clock_floor(time_t created, time_t seen, time_t witnessed, const char **what);

/* True when `now` is not before `floor`. Otherwise false, with why
 * ("clock not set: it says 1970-01-01 00:00 UTC, before ...") in why. */
bool lf_clock_plausible(time_t now, time_t floor, const char *what, char *why, size_t size);

/* ---- the content server's time as a witness ---------------------------
 * Kiosks without a real-time clock often cannot reach NTP while HTTP(S)
 * to the content server works. The sync records the Date header of a
 * successful response (200 or 304) of the very server it is configured
 * with (not of a redirect to another host, not of an error) with the
 * monotonic time it arrived. That is a witness independent of the system
 * clock:
 *   - the system clock within LF_CLOCK_TOLERANCE_S of it: the system
 *     clock is right, whatever the floors say (a floor left by a clock
 *     that was once wrongly in the future, or a bundle made by a studio
 *     whose clock was ahead, no longer makes the kiosk doubt it);
 *   - farther from it: the system clock is wrong, and the kiosk shows
 *     the server's time carried on by the monotonic clock;
 *   - no usable witness: the floors decide, as before.
 * A system clock the kernel marks synchronised (a time daemon such as
 * systemd-timesyncd or chrony keeps it: adjtimex without STA_UNSYNC) is
 * believed whatever the server says: then the server's clock is the
 * wrong one, and the disagreement is only said.
 * A witness is usable when its Date is not before the build floor (a
 * server whose own clock says 1970 proves nothing) and it is at most
 * LF_CLOCK_WITNESS_MAX_AGE_S old on the monotonic clock. */

/* System clock and server differing by more than this: the system clock
 * is wrong. Covers the Date's whole seconds, the network's delay and the
 * monotonic clock's drift over a witness's lifetime. */
#define LF_CLOCK_TOLERANCE_S 300
/* A witness older than this is not used: a crystal off by 50 ppm drifts
 * about 130 s in 30 days, within the tolerance. The sync renews it at
 * every look (every few minutes). */
#define LF_CLOCK_WITNESS_MAX_AGE_S (30L * 86400)
#define LF_CLOCK_HOST_BYTES 256

struct lf_clock_witness {
    time_t date;           /* the server's Date (seconds since 1970, UTC); 0: no witness */
    int64_t mono_ms;       /* lf_clock_mono_ms() when its response arrived */
    char host[LF_CLOCK_HOST_BYTES]; /* the content server's host name, for the log */
    bool saved;            /* read back from the state folder after a restart on the
                              same boot (sync/clock_witness.h), not seen by this process */
};

enum lf_clock_source {
    LF_CLOCK_SYSTEM, /* the system clock, believed (floors, or agreeing with the server) */
    LF_CLOCK_SERVER, /* the system clock is wrong: the content server's Date carried on */
    LF_CLOCK_SERVER_SAVED, /* the same, from a Date saved before a restart on this boot
                              (no sync has answered this process yet) */
    LF_CLOCK_NONE,   /* no time is known: none is shown */
};

struct lf_clock_verdict {
    enum lf_clock_source source;
    int64_t offset_ms;     /* add to the system clock for the time shown (SERVER; else 0) */
    bool settled;          /* SYSTEM although below a floor: the server agrees, or the
                              clock is synchronised */
    int64_t server_off_ms; /* SYSTEM, synchronised, and the server's Date this far
                              from it (beyond the tolerance); else 0 */
    char why[512];         /* "" (SYSTEM) or what the log and status.json say */
};

/* Milliseconds of the monotonic clock since boot (CLOCK_BOOTTIME: also
 * while suspended), the witness's timeline. */
int64_t lf_clock_mono_ms(void);

/* Whether the kernel says a time daemon keeps the system clock
 * synchronised (adjtimex: not TIME_ERROR, no STA_UNSYNC). */
bool lf_clock_system_synced(void);

/* The decision, pure: wall_ms is the system clock, mono_ms the monotonic
 * clock now, floor/what from lf_clock_floor(), w the witness (NULL or
 * date 0: none), synced from lf_clock_system_synced() (false for a clock
 * that is not the system's, as in tests). */
void lf_clock_judge(int64_t wall_ms, int64_t mono_ms, time_t floor, const char *what,
                    const struct lf_clock_witness *w, bool synced, struct lf_clock_verdict *v);

/* "system", "server", "server_saved" or "none" (status.json's "clock_source"). */
const char *lf_clock_source_name(enum lf_clock_source s);

#endif
