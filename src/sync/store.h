/* The content store: downloaded bundles in the cache folder, installed so
 * that a power cut at any moment leaves either the old or the new complete
 * bundle (issue 4).
 *
 *   cache_dir/
 *     bundles/<id>/    complete bundles; id = first 16 hex digits of the
 *                      SHA-256 of the bundle's content.json
 *     current          symlink -> bundles/<id>: the installed bundle
 *     previous         symlink -> bundles/<id>: the one before (last known good)
 *     shown            symlink -> bundles/<id>: the folder the kiosk has on
 *                      screen (set by the kiosk's sync worker); never removed
 *   bundles/<id>-r/    a second copy of the same bundle: a repair of a
 *                      damaged <id> (and the other way round)
 *     staging-XXXXXX/  a download in progress
 *     state.json       what is installed, ETag/Last-Modified of its manifest
 *     status.json      last attempt/success/error, for admins
 *     lock             held (flock) while a sync works in the folder
 *
 * A switch makes `current.tmp` point at the new bundle, fsyncs the folder
 * and renames it over `current` (rename is atomic); the old target becomes
 * `previous`, and bundles neither link names are removed. Leftovers of an
 * interrupted install (staging-*, current.tmp & co., unreferenced bundles)
 * are removed when the store is opened. Other temp files (*.<pid>-XXXXXX.tmp
 * of lf_durable_write: proof-of-play.json, status.json written by another
 * thread) may be another writer's write in progress: they are removed once
 * their process has ended (a killed run) or once older than
 * LF_STORE_FOREIGN_TMP_STALE_S.
 *
 * No SDL, no curl. A struct lf_store belongs to one thread; other calls
 * take the folder by name and may be made from any thread. Failures are
 * logged once where they happen; functions that report to a sync's status
 * also fill an error text. */
#ifndef LF_SYNC_STORE_H
#define LF_SYNC_STORE_H

#include <limits.h>
#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "core/diag.h"
#include "core/limits.h"
#include "core/log.h"

#define LF_STORE_ID_CHARS 16      /* hex digits of a bundle id */
#define LF_STORE_ERROR_BYTES 1024 /* an error text for status.json */
#define LF_STORE_STATE_NAME "state.json"
#define LF_STORE_STATUS_NAME "status.json"
/* a temp file in the folder that is not the store's own (another thread's
 * atomic write) counts as left over only when untouched this long */
#define LF_STORE_FOREIGN_TMP_STALE_S (10 * 60)

/* Test-only: environment variable with a pause in milliseconds that the
 * store makes between install steps (see lf_store_pause). */
#define LF_STORE_DELAY_ENV "LITFASS_TEST_INSTALL_DELAY_MS"
/* Test-only: environment variable with a number N; at its Nth pause
 * between install steps the process kills itself with SIGKILL (a power
 * cut at that point, the same on a busy machine as on a quiet one). */
#define LF_STORE_KILL_AT_ENV "LITFASS_TEST_INSTALL_KILL_AT"

struct lf_store;

/* Opens (creating it if missing) `cache_dir`, takes its lock and removes
 * leftovers of an interrupted install. NULL when the folder cannot be
 * made or another sync holds the lock; `err` then says why. The caller
 * closes the store with lf_store_close(). */
struct lf_store *lf_store_open(const char *cache_dir, char *err, size_t err_size) LF_MUST_CHECK;

/* lf_store_open that also says whether it failed only because another
 * sync holds the lock (*busy; not a failure of the store). */
struct lf_store *lf_store_try_open(const char *cache_dir, bool *busy, char *err,
                                   size_t err_size) LF_MUST_CHECK;

/* Releases the lock and frees the store. NULL is fine. */
void lf_store_close(struct lf_store *s);

/* The installed bundle: its id (LF_STORE_ID_CHARS + 1 bytes) and folder
 * (cache_dir/bundles/<id>, may be NULL). False when nothing is installed. */
bool lf_store_current(const struct lf_store *s, char *id, char *dir, size_t dir_size);

/* The id `current` in cache_dir names (without taking the lock), into id
 * (LF_STORE_ID_CHARS + 1 bytes). False when nothing is installed. */
bool lf_store_installed_id(const char *cache_dir, char *id);

/* Makes a new empty staging folder; *dir is a new string (caller frees). */
bool lf_store_stage(struct lf_store *s, char **dir, char *err, size_t err_size) LF_MUST_CHECK;

/* Removes a staging folder and everything in it. */
void lf_store_discard(struct lf_store *s, const char *staging_dir);

/* Installs the complete, validated bundle in `staging_dir` as `id`:
 * fsyncs it, moves it to bundles/<id>, switches `current` to it (the old
 * one becomes `previous`) and removes bundles no longer named (nor
 * shown). When `id` is the installed bundle (a repair of a damaged
 * copy), the fresh copy goes to bundles/<id>-r (or back to <id>),
 * `current` switches to it and `previous` stays. On
 * failure the installed bundle is unchanged and the staging folder gone.
 * `bundle_dir` (may be NULL) receives cache_dir/bundles/<id>. */
bool lf_store_install(struct lf_store *s, const char *staging_dir, const char *id,
                      char *bundle_dir, size_t bundle_dir_size, char *err,
                      size_t err_size) LF_MUST_CHECK;

/* The self-check of an installed bundle folder: its content.json is
 * the one installed as `id` (its SHA-256), content.json.sig is there,
 * every listed file is a plain file (no symbolic link) of the listed
 * size; `full` also compares every file's SHA-256 and checks the
 * signature with `trusted_keys` ("" = not). False with what is wrong in
 * err ("DIR/images/a.png: its SHA-256 differs from the manifest's"). */
bool lf_store_check(const char *dir, const char *id, const char *trusted_keys, bool full,
                    char *err, size_t err_size) LF_MUST_CHECK;

/* Records the folder the kiosk shows (NULL or a folder outside the
 * store: none) as the link `shown`, so no install or clean-up removes
 * it. Logged on failure. */
bool lf_store_set_shown(struct lf_store *s, const char *dir) LF_MUST_CHECK;

/* Test-only knobs: sleeps LITFASS_TEST_INSTALL_DELAY_MS milliseconds (read
 * once per process; unset or 0: returns at once); the Nth call with
 * LITFASS_TEST_INSTALL_KILL_AT=N kills the process (SIGKILL). Called
 * between the steps of an install, so that a test can kill the process
 * in each. */
void lf_store_pause(void);

/* The bundle to show at start: the installed one (`current`) if it loads
 * without errors, else `previous`, else the sample folder `sample_dir`
 * (config content.dir). Each candidate is validated with lf_bundle_load;
 * a broken one is logged as a warning and skipped. On success `out_dir`
 * holds the chosen folder and *installed_at (may be NULL) when it was
 * installed (0 for the sample folder). False when none is valid; the
 * sample folder's problems are then in `diags` (may be NULL). Any thread;
 * does not take the lock (reads only). */
bool lf_store_choose(const char *cache_dir, const char *sample_dir, char *out_dir, size_t size,
                     time_t *installed_at, struct lf_diags *diags) LF_MUST_CHECK;

/* lf_store_choose that also checks the signature of `current` and
 * `previous` (content.json against its content.json.sig) with the keys
 * in `trusted_keys` (config [sync] trusted_keys): a bundle whose
 * signature does not verify (a tampered cache) is skipped like a broken
 * one. "" or NULL: signatures are not checked (lf_store_choose). The
 * sample folder is never signature-checked: it ships with the program. */
bool lf_store_choose_trusted(const char *cache_dir, const char *trusted_keys,
                             const char *sample_dir, char *out_dir, size_t size,
                             time_t *installed_at, struct lf_diags *diags) LF_MUST_CHECK;

/* state.json: what was installed from where. */
struct lf_store_state {
    char url[LF_MAX_URL_BYTES + 1];                    /* manifest URL it came from */
    char etag[LF_MAX_HTTP_HEADER_BYTES + 1];           /* "" = none */
    char last_modified[LF_MAX_HTTP_HEADER_BYTES + 1];  /* "" = none */
    char date[LF_MAX_HTTP_HEADER_BYTES + 1];  /* the Date of the answer etag and
                                                 last_modified came with; "" = none
                                                 (lf_fetch_validators_to_send) */
    char installed_id[LF_STORE_ID_CHARS + 1];          /* "" = nothing installed */
    char installed_version[LF_MAX_STRING_BYTES + 1];   /* the bundle's "version"; "" = none */
    time_t installed_at;                               /* 0 = unknown */
    long long highest_serial;  /* highest "serial" ever installed (rollback guard); 0 = none */
    time_t installed_created;  /* "created" of the installed bundle; 0 = unknown */
};

/* Reads cache_dir/state.json. A missing or unreadable file gives an empty
 * state (a broken one is logged): never fatal, the next sync rewrites it. */
void lf_store_read_state(const char *cache_dir, struct lf_store_state *out);

/* Writes cache_dir/state.json durably. */
bool lf_store_write_state(const char *cache_dir, const struct lf_store_state *st) LF_MUST_CHECK;

/* status.json, for admins. Times are written as ISO 8601 UTC
 * ("2026-11-23T09:00:00Z"); 0 is written as null, as is an empty string. */
struct lf_store_status {
    time_t last_attempt, last_success;
    char installed_id[LF_STORE_ID_CHARS + 1];
    char installed_version[LF_MAX_STRING_BYTES + 1];
    time_t installed_at;
    char last_error[LF_STORE_ERROR_BYTES]; /* "" = the last attempt succeeded */
    int consecutive_failures;
    time_t failing_since; /* the first failure of this run of them; 0 when the last succeeded */
    time_t next_attempt;
    char url[LF_MAX_URL_BYTES + 1];
};

/* Reads cache_dir/status.json; missing or broken gives an empty status. */
void lf_store_read_status(const char *cache_dir, struct lf_store_status *out);

/* Writes the sync's keys of cache_dir/status.json: last_attempt,
 * last_success, installed_id, installed_version, installed_at,
 * last_error, consecutive_failures, failing_since, next_attempt, url
 * (others are kept).
 * Durable; when the disk is full, written over the old file in place. */
bool lf_store_write_status(const char *cache_dir, const struct lf_store_status *st) LF_MUST_CHECK;

/* status.json's "screen" object: what the kiosk shows, in one place,
 * from two writers that each set only their own keys (the other's stay):
 *   - the sync (lf_store_write_screen, when the folder on screen changes):
 *     source, id, version, folder, since, note;
 *   - the frame loop's heartbeat (src/monitor/): name, pid, up, heartbeat,
 *     last_frame, display_on, version, folder, serial, mode, slide,
 *     slides, item, lang, width, height, slides_shown, content_error.
 * version and folder come from both and mean the same (the folder is the
 * real path). README "Check a kiosk" documents every key. */
#define LF_STORE_STATUS_SCREEN "screen"

/* Sets the keys of `fields` (a jansson object; the reference is taken)
 * inside status.json's object `part` (made if missing), keeping the
 * part's other keys and everything else in the file. `sync` false: the
 * file is replaced atomically but not fsynced (lf_replace_file), for the
 * heartbeat that comes every 30 s; true: durable as every other write. */
struct json_t;
bool lf_store_status_merge(const char *cache_dir, const char *part, struct json_t *fields,
                           bool sync) LF_MUST_CHECK;
/* What the kiosk shows, next to what is installed: the sync's keys of
 * status.json's "screen" (source, id, version, folder, since, note). */
struct lf_store_screen {
    const char *source;                       /* "installed", "previous", "sample", "waiting" */
    char id[LF_STORE_ID_CHARS + 1];           /* "" = not a downloaded bundle */
    char version[LF_MAX_STRING_BYTES + 1];    /* the bundle's "version"; "" = none */
    char folder[PATH_MAX];                    /* "" = nothing on screen but the waiting page */
    time_t since;
    char note[LF_STORE_ERROR_BYTES];          /* why not the installed one; "" = none */
};

/* Writes the sync's keys of status.json's "screen" (keeps every other
 * key; a leftover "on_screen" object of an older version goes). Durable. */
bool lf_store_write_screen(const char *cache_dir, const struct lf_store_screen *sc) LF_MUST_CHECK;

/* The one writer of status.json: the keys of the object `changes`
 * (taken over: this frees it) replace those in the file, all others stay.
 * For other parts of the program that report there (their own keys). */
struct json_t;
bool lf_store_status_put(const char *cache_dir, struct json_t *changes) LF_MUST_CHECK;

/* "2026-11-23T09:00:00Z" into buf (at least 21 bytes). */
const char *lf_store_iso_utc(time_t t, char *buf, size_t size);

#endif
