/* See test_setting.h. */
#include "core/test_setting.h"

#include <stdlib.h>

long lf_test_setting(const char *name, long below)
{
    const char *s = getenv(name);
    char *end = NULL;
    long v = s ? strtol(s, &end, 10) : 0;
    return s && end != s && *end == '\0' && v > 0 && v < below ? v : 0;
}
