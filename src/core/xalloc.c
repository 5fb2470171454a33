#include "core/xalloc.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void *check(void *p)
{
    if (!p) {
        fputs("litfass: out of memory\n", stderr);
        abort();
    }
    return p;
}

void *lf_xmalloc(size_t size)
{
    return check(malloc(size ? size : 1));
}

void *lf_xcalloc(size_t n, size_t size)
{
    return check(calloc(n ? n : 1, size ? size : 1));
}

void *lf_xrealloc(void *p, size_t size)
{
    return check(realloc(p, size ? size : 1));
}

char *lf_xstrdup(const char *s)
{
    return check(strdup(s));
}

char *lf_xstrndup(const char *s, size_t n)
{
    return check(strndup(s, n));
}

char *lf_xasprintf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *s = lf_xmalloc((size_t)n + 1);
    va_start(ap, fmt);
    vsnprintf(s, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return s;
}
