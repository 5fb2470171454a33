/* Diagnostics: the list of errors and warnings found in a file that an
 * administrator wrote (content bundle, config). Each names the file, the
 * line and column, and the field path, in the form
 *     content.json:41:12: items[3].start: not a date-time
 * so that `litfass validate` can list every problem at once.
 *
 * Owner: whoever calls lf_diags_create() calls lf_diags_destroy().
 * Not thread-safe: one list per parse. */
#ifndef LF_CORE_DIAG_H
#define LF_CORE_DIAG_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "core/log.h"

#define LF_DIAG_MAX_ARGS 4      /* values of one message kept for a translation */
#define LF_DIAG_ARG_BYTES 256   /* each, at most */

enum lf_diag_severity {
    LF_DIAG_ERROR,
    LF_DIAG_WARNING,
};

struct lf_diag {
    enum lf_diag_severity severity;
    char *file;    /* as given by the caller, e.g. "assets/content/content.json" */
    int line;      /* 1-based; 0 when the problem is not at one place */
    int column;    /* 1-based; 0 when unknown */
    char *path;    /* field path, e.g. "items[3].start"; "" for the whole file */
    char *message;
    /* the message's id for a translation (the studio's page shows it in
     * German): the English format it was made from, e.g. "too long (%zu
     * bytes, at most %d)", and its values as text; NULL when the message
     * was made elsewhere (passed on as "%s") */
    const char *msgid;
    char *args[LF_DIAG_MAX_ARGS];
    int nargs;
};

struct lf_diags;

struct lf_diags *lf_diags_create(void);
void lf_diags_destroy(struct lf_diags *d);

/* Adds one entry. Strings are copied. Never fails (out of memory aborts). */
void lf_diags_add(struct lf_diags *d, enum lf_diag_severity sev, const char *file,
                  int line, int column, const char *path, const char *fmt, ...)
    LF_PRINTF(7, 8);

/* The same with a va_list: msgid is fmt (a string that lives as long as
 * the program, i.e. a literal) and the values are kept as text. */
void lf_diags_addv(struct lf_diags *d, enum lf_diag_severity sev, const char *file, int line,
                   int column, const char *path, const char *fmt, va_list ap) LF_PRINTF(7, 0);

/* The values a printf format takes from `ap`, each formatted alone as
 * text into args (at most `max`, each LF_DIAG_ARG_BYTES); returns how
 * many. Formats with %n or %* give 0. For message catalogues keyed by
 * the English format (the studio's page). */
int lf_format_args(const char *fmt, va_list ap, char (*args)[LF_DIAG_ARG_BYTES], int max);

size_t lf_diags_count(const struct lf_diags *d);
size_t lf_diags_errors(const struct lf_diags *d);
const struct lf_diag *lf_diags_get(const struct lf_diags *d, size_t i);

/* Formats entry i as "file:line:col: path: message" (line/col and path
 * omitted when unknown) into buf. Returns buf. */
const char *lf_diag_format(const struct lf_diag *e, char *buf, size_t size);

/* Writes every entry, one per line, "error: " / "warning: " prefixed. */
void lf_diags_print(const struct lf_diags *d, FILE *out);

#endif
