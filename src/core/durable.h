/* Durable files: what is on disk after a power cut is either the old or
 * the new version of a file, never a mix (redis rdbSave style: write a
 * temp file in the same folder, fsync it, rename it over the old one,
 * fsync the folder).
 *
 * Every function logs its own failure (with the path and errno) and
 * returns false. Any thread; the functions share no state. */
#ifndef LF_CORE_DURABLE_H
#define LF_CORE_DURABLE_H

#include <stdbool.h>
#include <stddef.h>

#include "core/log.h"

/* Suffix of every temp file and link made on the way to a durable
 * rename; a file with this suffix is a leftover once its writer is gone. */
#define LF_DURABLE_TMP_SUFFIX ".tmp"

/* Replaces `path` with `len` bytes of `data`, durably: a temp file
 * "<path>.<pid>-XXXXXX.tmp" in the same folder, fsync, rename, fsync the
 * folder.
 * On failure the old file is untouched and the temp file removed.
 * `mode` as for open(2), e.g. 0644. */
bool lf_durable_write(const char *path, const void *data, size_t len, int mode) LF_MUST_CHECK;

/* As lf_durable_write without its two fsyncs: a reader still only ever
 * sees the whole old or the whole new file (the rename), but after a power
 * cut the disk may hold the old version (or, on some file systems, an
 * empty file). For files rewritten every few seconds whose last version
 * matters little after a reboot (the heartbeat): every fsync is a write
 * to the medium, and an SD card wears out from them. */
bool lf_replace_file(const char *path, const void *data, size_t len, int mode) LF_MUST_CHECK;

/* True when `name` (a file name, no folder) is the temp file of a
 * lf_durable_write or lf_replace_file whose process has ended: a leftover
 * of a killed writer, safe to remove. False for anything else, also for
 * one of a process still running (its write may be under way). */
bool lf_durable_tmp_orphaned(const char *name);

/* How many fsyncs this process has made through this module (files and
 * folders): for tests and benchmarks that count writes to the medium. */
unsigned long lf_durable_syncs(void);

/* Writes all `len` bytes of `data` to fd (retrying short writes and
 * EINTR); false with errno set on an error. */
bool lf_write_all(int fd, const void *data, size_t len) LF_MUST_CHECK;

/* Creates `path`, which must not exist yet (EEXIST otherwise), with
 * exactly `mode` whatever the umask, writes `data`, fsyncs and closes it.
 * On failure nothing is left at `path` and errno says why. */
bool lf_write_new(const char *path, const void *data, size_t len, int mode) LF_MUST_CHECK;

/* fsync(2) of a file or a folder by name. */
bool lf_fsync_path(const char *path) LF_MUST_CHECK;

/* fsync of the folder that holds `path` (after a rename or unlink in it). */
bool lf_fsync_parent(const char *path) LF_MUST_CHECK;

/* Creates `path` and any missing parents (mode 0755); true when it exists
 * as a folder afterwards. New folders are not fsynced. */
bool lf_make_dirs(const char *path) LF_MUST_CHECK;

/* Removes `path` and, when it is a folder, everything in it, without
 * following symbolic links (a link is removed, never its target).
 * A missing path is success. */
bool lf_remove_tree(const char *path) LF_MUST_CHECK;

/* fsyncs every file and folder under `path` (folders after their
 * contents), not following symbolic links. */
bool lf_fsync_tree(const char *path) LF_MUST_CHECK;

#endif
