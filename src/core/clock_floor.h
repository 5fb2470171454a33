/* Whether the wall clock can be believed. A Raspberry Pi without a
 * real-time clock boots at 1970 (or at its last shutdown, fake-hwclock)
 * until NTP answers: a time before a moment known to be past is not
 * shown as fact. The floor is the newest of: the build time of this
 * program (SOURCE_DATE_EPOCH or configure time) less LF_CLOCK_BUILD_SLACK_S,
 * the content bundle's creation, and the newest time this kiosk saw on a
 * plausible clock less LF_CLOCK_BACK_SLACK_S. */
#ifndef LF_CORE_CLOCK_FLOOR_H
#define LF_CORE_CLOCK_FLOOR_H

#include <stdbool.h>
#include <stddef.h>
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
 * creation, seen (0: none) the newest time seen on a plausible clock.
 * *what names it ("the build of this program", ...). */
time_t lf_clock_floor(time_t created, time_t seen, const char **what);

/* True when `now` is not before `floor`. Otherwise false, with why
 * ("clock not set: it says 1970-01-01 00:00 UTC, before ...") in why. */
bool lf_clock_plausible(time_t now, time_t floor, const char *what, char *why, size_t size);

#endif
