#include "core/diag.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"

struct lf_diags {
    struct lf_diag *entries;
    size_t count, capacity;
    size_t errors;
};

struct lf_diags *lf_diags_create(void)
{
    return lf_xcalloc(1, sizeof(struct lf_diags));
}

void lf_diags_destroy(struct lf_diags *d)
{
    if (!d)
        return;
    for (size_t i = 0; i < d->count; i++) {
        free(d->entries[i].file);
        free(d->entries[i].path);
        free(d->entries[i].message);
    }
    free(d->entries);
    free(d);
}

void lf_diags_add(struct lf_diags *d, enum lf_diag_severity sev, const char *file,
                  int line, int column, const char *path, const char *fmt, ...)
{
    if (d->count == d->capacity) {
        d->capacity = d->capacity ? d->capacity * 2 : 8;
        d->entries = lf_xrealloc(d->entries, d->capacity * sizeof(*d->entries));
    }
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    d->entries[d->count++] = (struct lf_diag){
        .severity = sev,
        .file = lf_xstrdup(file ? file : ""),
        .line = line,
        .column = column,
        .path = lf_xstrdup(path ? path : ""),
        .message = lf_xstrdup(msg),
    };
    if (sev == LF_DIAG_ERROR)
        d->errors++;
}

size_t lf_diags_count(const struct lf_diags *d)
{
    return d->count;
}

size_t lf_diags_errors(const struct lf_diags *d)
{
    return d->errors;
}

const struct lf_diag *lf_diags_get(const struct lf_diags *d, size_t i)
{
    return i < d->count ? &d->entries[i] : NULL;
}

const char *lf_diag_format(const struct lf_diag *e, char *buf, size_t size)
{
    char where[64] = "";
    if (e->line > 0 && e->column > 0)
        snprintf(where, sizeof(where), ":%d:%d", e->line, e->column);
    else if (e->line > 0)
        snprintf(where, sizeof(where), ":%d", e->line);
    snprintf(buf, size, "%s%s: %s%s%s", e->file, where, e->path,
             e->path[0] ? ": " : "", e->message);
    return buf;
}

void lf_diags_print(const struct lf_diags *d, FILE *out)
{
    char buf[2048];
    for (size_t i = 0; i < d->count; i++) {
        const struct lf_diag *e = &d->entries[i];
        fprintf(out, "%s: %s\n", e->severity == LF_DIAG_ERROR ? "error" : "warning",
                lf_diag_format(e, buf, sizeof(buf)));
    }
}
