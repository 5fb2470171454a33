/* A text that grows as it is written: for output whose length follows
 * its input (a spoken script, where "12.03.2026" becomes "zwölfter März
 * zweitausendsechsundzwanzig", five times as long) and must never be cut
 * without a word.
 *
 * Like curl's dynbuf: a plain struct on the caller's stack, touched only
 * through these calls. Every text has a ceiling (`max` bytes, a named
 * limit from core/limits.h); writing past it keeps what was written,
 * sets `cut` and logs a warning once per text naming `what`. Memory:
 * lf_growing_text_take hands the string over, lf_growing_text_free
 * frees it. Allocation aborts on out of memory (core/xalloc.h). One
 * thread per text. */
#ifndef LF_CORE_GROWING_TEXT_H
#define LF_CORE_GROWING_TEXT_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

#include "core/log.h"

struct lf_growing_text {
    char *s;          /* NUL-terminated once anything was written; NULL before */
    size_t len, cap;
    size_t max;       /* bytes at most, without the NUL */
    const char *what; /* named in the warning ("speech script") */
    bool cut;         /* something was not written: the ceiling was reached */
};

void lf_growing_text_init(struct lf_growing_text *t, size_t max, const char *what);
void lf_growing_text_free(struct lf_growing_text *t);
/* The text (never NULL, "" when empty); the caller frees it and t is empty. */
char *lf_growing_text_take(struct lf_growing_text *t);
/* The text so far, valid until the next write; "" when empty. */
const char *lf_growing_text_str(const struct lf_growing_text *t);

/* Appends n bytes of s (a whole UTF-8 sequence is never split at the
 * ceiling). */
void lf_growing_text_add(struct lf_growing_text *t, const char *s, size_t n);
void lf_growing_text_adds(struct lf_growing_text *t, const char *s);
void lf_growing_text_printf(struct lf_growing_text *t, const char *fmt, ...) LF_PRINTF(2, 3);
void lf_growing_text_vprintf(struct lf_growing_text *t, const char *fmt, va_list ap)
    LF_PRINTF(2, 0);
/* The last byte written, or '\0'. */
char lf_growing_text_last(const struct lf_growing_text *t);
/* Drops bytes from the end down to len (len <= t->len). */
void lf_growing_text_shorten(struct lf_growing_text *t, size_t len);

#endif
