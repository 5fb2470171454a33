/* See measure_memo.h. An open-addressed table of widths whose texts sit
 * in one buffer; emptied whole when either is full. */
#include "layout/measure_memo.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/limits.h"
#include "core/xalloc.h"

/* twice the widths kept: a probe ends at an empty slot soon */
#define SLOTS (2 * LF_MEASURE_MEMO_WIDTHS)

struct slot {
    uint32_t hash;   /* 0: empty */
    uint32_t at;     /* the text's offset in texts */
    uint16_t len;
    uint8_t face;
    int16_t px;
    int32_t width;
};

struct lf_measure_memo {
    struct lf_measure outer;
    const struct lf_measure *inner;
    struct slot *slots;  /* SLOTS */
    char *texts;         /* LF_MEASURE_MEMO_TEXT_BYTES */
    size_t used;         /* bytes of texts in use */
    struct lf_measure_memo_stats stats;
};

static uint32_t hash_of(int face, int px, const char *s, size_t len)
{
    uint32_t h = 2166136261u; /* FNV-1a */
    for (size_t i = 0; i < len; i++)
        h = (h ^ (unsigned char)s[i]) * 16777619u;
    h = (h ^ (uint32_t)face) * 16777619u;
    h = (h ^ (uint32_t)px) * 16777619u;
    return h ? h : 1;
}

static void forget(struct lf_measure_memo *m)
{
    memset(m->slots, 0, SLOTS * sizeof(*m->slots));
    m->used = 0;
    m->stats.widths = 0;
}

static int memo_width(void *ctx, enum lf_face face, int px, const char *utf8, size_t len)
{
    struct lf_measure_memo *m = ctx;
    const struct lf_measure *in = m->inner;
    if (len > LF_MEASURE_MEMO_TEXT_BYTES / 16 || len > UINT16_MAX || px < 0 || px > INT16_MAX) {
        m->stats.misses++;
        return in->width(in->ctx, face, px, utf8, len);
    }
    uint32_t h = hash_of((int)face, px, utf8, len);
    size_t i = h & (SLOTS - 1);
    for (; m->slots[i].hash; i = (i + 1) & (SLOTS - 1)) {
        const struct slot *s = &m->slots[i];
        if (s->hash == h && s->len == len && s->face == (uint8_t)face && s->px == px &&
            memcmp(m->texts + s->at, utf8, len) == 0) {
            m->stats.hits++;
            return s->width;
        }
    }
    m->stats.misses++;
    int w = in->width(in->ctx, face, px, utf8, len);
    if (m->stats.widths >= LF_MEASURE_MEMO_WIDTHS || m->used + len > LF_MEASURE_MEMO_TEXT_BYTES) {
        forget(m);
        m->stats.forgets++;
        i = h & (SLOTS - 1);
    }
    memcpy(m->texts + m->used, utf8, len);
    m->slots[i] = (struct slot){h, (uint32_t)m->used, (uint16_t)len, (uint8_t)face,
                                (int16_t)px, w};
    m->used += len;
    m->stats.widths++;
    return w;
}

static int memo_line_height(void *ctx, enum lf_face face, int px)
{
    const struct lf_measure *in = ((struct lf_measure_memo *)ctx)->inner;
    return in->line_height(in->ctx, face, px);
}

static bool memo_image_size(void *ctx, const char *path, int *w, int *h)
{
    const struct lf_measure *in = ((struct lf_measure_memo *)ctx)->inner;
    return in->image_size(in->ctx, path, w, h);
}

struct lf_measure_memo *lf_measure_memo_create(const struct lf_measure *inner)
{
    struct lf_measure_memo *m = lf_xcalloc(1, sizeof(*m));
    m->inner = inner;
    m->slots = lf_xcalloc(SLOTS, sizeof(*m->slots));
    m->texts = lf_xmalloc(LF_MEASURE_MEMO_TEXT_BYTES);
    m->outer = (struct lf_measure){.ctx = m, .width = memo_width,
                                   .line_height = memo_line_height,
                                   .lang = inner->lang, .hyphenator = inner->hyphenator,
                                   .image_size = inner->image_size ? memo_image_size : NULL};
    return m;
}

void lf_measure_memo_destroy(struct lf_measure_memo *m)
{
    if (!m)
        return;
    free(m->slots);
    free(m->texts);
    free(m);
}

const struct lf_measure *lf_measure_memo_measure(struct lf_measure_memo *m)
{
    return &m->outer;
}

struct lf_measure_memo_stats lf_measure_memo_stats(const struct lf_measure_memo *m)
{
    return m->stats;
}
