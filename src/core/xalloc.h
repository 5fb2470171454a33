/* Allocation that cannot fail: out of memory on a kiosk is not
 * recoverable, so these abort with a message instead of returning NULL. */
#ifndef LF_CORE_XALLOC_H
#define LF_CORE_XALLOC_H

#include <stddef.h>

void *lf_xmalloc(size_t size);
void *lf_xcalloc(size_t n, size_t size);
void *lf_xrealloc(void *p, size_t size);
char *lf_xstrdup(const char *s);
char *lf_xstrndup(const char *s, size_t n);
/* printf into a new string. */
char *lf_xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
