/* A text that grows as it is written (core/growing_text.h). */
#include "core/growing_text.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"

void lf_growing_text_init(struct lf_growing_text *t, size_t max, const char *what)
{
    *t = (struct lf_growing_text){.max = max, .what = what};
}

void lf_growing_text_free(struct lf_growing_text *t)
{
    free(t->s);
    t->s = NULL;
    t->len = t->cap = 0;
}

char *lf_growing_text_take(struct lf_growing_text *t)
{
    char *s = t->s ? t->s : lf_xstrdup("");
    t->s = NULL;
    t->len = t->cap = 0;
    return s;
}

const char *lf_growing_text_str(const struct lf_growing_text *t)
{
    return t->s ? t->s : "";
}

void lf_growing_text_add(struct lf_growing_text *t, const char *s, size_t n)
{
    if (n > t->max - t->len) {
        if (!t->cut)
            lf_warn("%s longer than %zu bytes: the rest is not said", t->what ? t->what : "text",
                    t->max);
        t->cut = true;
        n = t->max - t->len;
        /* a UTF-8 sequence is never split */
        while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
            n--;
    }
    if (t->len + n + 1 > t->cap) {
        size_t cap = t->cap ? t->cap : 256;
        while (t->len + n + 1 > cap)
            cap *= 2;
        t->s = lf_xrealloc(t->s, cap);
        t->cap = cap;
    }
    memcpy(t->s + t->len, s, n);
    t->len += n;
    t->s[t->len] = '\0';
}

void lf_growing_text_adds(struct lf_growing_text *t, const char *s)
{
    lf_growing_text_add(t, s, strlen(s));
}

void lf_growing_text_vprintf(struct lf_growing_text *t, const char *fmt, va_list ap)
{
    va_list again;
    va_copy(again, ap);
    char small[256];
    int n = vsnprintf(small, sizeof(small), fmt, ap);
    if (n >= 0 && (size_t)n < sizeof(small)) {
        lf_growing_text_add(t, small, (size_t)n);
    } else if (n >= 0) {
        char *big = lf_xmalloc((size_t)n + 1);
        vsnprintf(big, (size_t)n + 1, fmt, again);
        lf_growing_text_add(t, big, (size_t)n);
        free(big);
    }
    va_end(again);
}

void lf_growing_text_printf(struct lf_growing_text *t, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    lf_growing_text_vprintf(t, fmt, ap);
    va_end(ap);
}

char lf_growing_text_last(const struct lf_growing_text *t)
{
    return t->len ? t->s[t->len - 1] : '\0';
}

void lf_growing_text_shorten(struct lf_growing_text *t, size_t len)
{
    if (len < t->len) {
        t->len = len;
        t->s[len] = '\0';
    }
}
