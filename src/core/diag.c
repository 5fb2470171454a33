#include "core/diag.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
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
        for (int k = 0; k < d->entries[i].nargs; k++)
            free(d->entries[i].args[k]);
    }
    free(d->entries);
    free(d);
}

int lf_format_args(const char *fmt, va_list ap, char (*args)[LF_DIAG_ARG_BYTES], int max)
{
    va_list aq;
    va_copy(aq, ap);
    int n = 0;
    for (const char *p = fmt; *p; p++) {
        if (*p != '%')
            continue;
        if (p[1] == '%') {
            p++;
            continue;
        }
        const char *start = p++;
        while (*p && strchr("-+ #0123456789.", *p))
            p++;
        char len[3] = "";
        while (*p && strchr("hlzjt", *p) && strlen(len) < 2) {
            len[strlen(len)] = *p;
            p++;
        }
        if (!*p || *p == 'n' || *p == '*' || (size_t)(p - start) > 16) {
            n = 0;
            break;
        }
        char spec[24];
        snprintf(spec, sizeof(spec), "%.*s", (int)(p - start + 1), start);
        char out[LF_DIAG_ARG_BYTES];
        switch (*p) {
        case 's': {
            const char *v = va_arg(aq, const char *);
            snprintf(out, sizeof(out), "%s", v ? v : "(null)");
            break;
        }
        case 'c':
            snprintf(out, sizeof(out), "%c", (char)va_arg(aq, int));
            break;
        case 'f': case 'g': case 'e':
            snprintf(out, sizeof(out), spec, va_arg(aq, double));
            break;
        case 'p':
            snprintf(out, sizeof(out), "%p", va_arg(aq, void *));
            break;
        default: /* d i u x X o */
            if (strcmp(len, "ll") == 0)
                snprintf(out, sizeof(out), spec, va_arg(aq, long long));
            else if (strcmp(len, "l") == 0)
                snprintf(out, sizeof(out), spec, va_arg(aq, long));
            else if (strcmp(len, "z") == 0)
                snprintf(out, sizeof(out), spec, va_arg(aq, size_t));
            else if (strcmp(len, "j") == 0)
                snprintf(out, sizeof(out), spec, va_arg(aq, intmax_t));
            else if (strcmp(len, "t") == 0)
                snprintf(out, sizeof(out), spec, va_arg(aq, ptrdiff_t));
            else
                snprintf(out, sizeof(out), spec, va_arg(aq, int));
        }
        if (n < max)
            snprintf(args[n], LF_DIAG_ARG_BYTES, "%s", out);
        n++;
    }
    va_end(aq);
    return n < max ? n : max;
}

void lf_diags_addv(struct lf_diags *d, enum lf_diag_severity sev, const char *file, int line,
                   int column, const char *path, const char *fmt, va_list ap)
{
    if (d->count == d->capacity) {
        d->capacity = d->capacity ? d->capacity * 2 : 8;
        d->entries = lf_xrealloc(d->entries, d->capacity * sizeof(*d->entries));
    }
    char args[LF_DIAG_MAX_ARGS][LF_DIAG_ARG_BYTES];
    int nargs = strcmp(fmt, "%s") == 0 ? 0 : lf_format_args(fmt, ap, args, LF_DIAG_MAX_ARGS);
    char msg[1024];
    vsnprintf(msg, sizeof(msg), fmt, ap);
    struct lf_diag *e = &d->entries[d->count++];
    *e = (struct lf_diag){
        .severity = sev,
        .file = lf_xstrdup(file ? file : ""),
        .line = line,
        .column = column,
        .path = lf_xstrdup(path ? path : ""),
        .message = lf_xstrdup(msg),
        .msgid = strcmp(fmt, "%s") == 0 ? NULL : fmt,
        .nargs = nargs,
    };
    for (int k = 0; k < nargs; k++)
        e->args[k] = lf_xstrdup(args[k]);
    if (sev == LF_DIAG_ERROR)
        d->errors++;
}

void lf_diags_add(struct lf_diags *d, enum lf_diag_severity sev, const char *file,
                  int line, int column, const char *path, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    lf_diags_addv(d, sev, file, line, column, path, fmt, ap);
    va_end(ap);
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
