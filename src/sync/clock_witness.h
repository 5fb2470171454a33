/* The content server's time kept across a restart: the sync's witness
 * (core/clock_floor.h) saved in the state folder as clock.json, with what
 * lets it be carried on honestly: the kernel's boot id and CLOCK_BOOTTIME
 * when the Date arrived.
 *   - read on the same boot: the witness carries on exactly (its Date plus
 *     the boot clock's time since), as if this process had seen it;
 *   - read after a reboot: the boot clock started again, so no time can be
 *     derived from it; it is only a floor (the time now is not before it).
 * A file that is unreadable, not JSON, lacks a field, has a field of the
 * wrong kind or a value that cannot be (a boot time later than this boot's
 * clock now, a Date before this program's build less a year or absurdly
 * far ahead) is ignored with one log line naming the file and the field.
 *
 * Written durably (core/durable.h) by the sync when a witness is new: the
 * first of a boot, another server, one that does not carry on from the
 * saved one (within LF_CLOCK_TOLERANCE_S), or the saved one older than
 * LF_CLOCK_WITNESS_SAVE_S; not at every look (an SD card wears out).
 * Any thread; no state is shared. */
#ifndef LF_SYNC_CLOCK_WITNESS_H
#define LF_SYNC_CLOCK_WITNESS_H

#include <stdbool.h>
#include <stdint.h>

#include "core/clock_floor.h"
#include "core/log.h"

#define LF_CLOCK_WITNESS_FILE "clock.json"
/* On one boot the saved witness is renewed at most this often while the
 * server's time carries on from it: after a restart the witness is at most
 * this old, and carrying it on by the boot clock is exact. */
#define LF_CLOCK_WITNESS_SAVE_S 3600
/* clock.json is a few lines; anything larger is not ours. */
#define LF_CLOCK_WITNESS_MAX_BYTES 4096
/* A saved Date this far after this program's build is not believed (a
 * kiosk is not run for a century without an update). */
#define LF_CLOCK_WITNESS_MAX_AHEAD_S (100LL * 366 * 86400)
/* /proc/sys/kernel/random/boot_id: a UUID, 36 characters. */
#define LF_BOOT_ID_BYTES 37

struct lf_saved_witness {
    struct lf_clock_witness w; /* date, host; mono_ms: CLOCK_BOOTTIME at the Date
                                  (lf_clock_mono_ms's timeline); saved true */
    bool same_boot;            /* saved on this boot: w carries on; else a floor only */
};

/* This boot's id from /proc/sys/kernel/random/boot_id (trimmed); false
 * (and "" in out) when it cannot be read. */
bool lf_boot_id(char out[LF_BOOT_ID_BYTES]);

/* Reads cache_dir/clock.json against the given boot (boot_id "" : unknown,
 * never the same boot) and boot clock now (mono_now_ms). False when there
 * is none (quietly) or it is bad (logged once as a warning with the file
 * and the field, when `quiet` is false). */
bool lf_clock_witness_read(const char *cache_dir, const char *boot_id, int64_t mono_now_ms,
                           bool quiet, struct lf_saved_witness *out) LF_MUST_CHECK;

/* lf_clock_witness_read for this boot and boot clock now. */
bool lf_clock_witness_load(const char *cache_dir, bool quiet,
                           struct lf_saved_witness *out) LF_MUST_CHECK;

/* Saves w (a witness of this process: mono_ms on lf_clock_mono_ms's
 * timeline) when it is new as described above. A failure is logged and
 * costs only the witness after a restart. */
void lf_clock_witness_keep(const char *cache_dir, const struct lf_clock_witness *w);

#endif
