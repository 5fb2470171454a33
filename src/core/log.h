/* One levelled logger for the whole program.
 *
 * Error convention (used everywhere in src/):
 *   - a call that can fail returns bool: true on success, false on failure,
 *     and is declared LF_MUST_CHECK so the compiler makes callers look;
 *   - the message is logged once, by the function that knows the context
 *     (file name, field, errno); callers only propagate the false;
 *   - cleanup happens through one `done:` label per function.
 * Content errors that an administrator must fix are not logged but
 * collected as diagnostics (core/diag.h) so they can all be listed. */
#ifndef LF_CORE_LOG_H
#define LF_CORE_LOG_H

#include <stdbool.h>
#include <stddef.h>

#define LF_MUST_CHECK __attribute__((warn_unused_result))
#define LF_PRINTF(fmt, args) __attribute__((format(printf, fmt, args)))

enum lf_log_level {
    LF_LOG_ERROR = 0,
    LF_LOG_WARN = 1,
    LF_LOG_INFO = 2,
    LF_LOG_DEBUG = 3,
};

/* Messages above `level` are dropped. Default: LF_LOG_INFO.
 * Set once at start-up, before other threads exist. */
void lf_log_set_level(enum lf_log_level level);
enum lf_log_level lf_log_level(void);

/* The screen's name ([monitor] name) in every line: "litfass[foyer-1]: ".
 * At most LF_LOG_NAME_BYTES; "" for none. */
#define LF_LOG_NAME_BYTES 63
void lf_log_set_name(const char *name);
const char *lf_log_name(void); /* "" for none */

/* Whether stderr is the journal stream systemd gave us (JOURNAL_STREAM). */
bool lf_log_to_journal(void);

/* Thread-safe: one line per call, to stderr, prefixed with the level.
 * To the journal each line starts with its syslog priority ("<3>" error,
 * "<4>" warning, "<6>" info, "<7>" debug) and no time (the journal keeps
 * it); anywhere else with the local time to the millisecond and zone. */
void lf_log(enum lf_log_level level, const char *fmt, ...) LF_PRINTF(2, 3);

/* Writes an error message into a caller's buffer (err may be NULL): for
 * functions whose caller decides where the message goes (status.json,
 * stderr, a diagnostic). */
void lf_error_text(char *err, size_t size, const char *fmt, ...) LF_PRINTF(3, 4);

#define lf_error(...) lf_log(LF_LOG_ERROR, __VA_ARGS__)
#define lf_warn(...) lf_log(LF_LOG_WARN, __VA_ARGS__)
#define lf_info(...) lf_log(LF_LOG_INFO, __VA_ARGS__)
#define lf_debug(...) lf_log(LF_LOG_DEBUG, __VA_ARGS__)

#endif
