/* Shrinking row by row with a box filter: see box_shrink.h. */
#include "render/box_shrink.h"

#include <stdlib.h>
#include <string.h>

struct lf_box_shrink {
    int src_w, src_h, dst_w, dst_h;
    int y;              /* source rows given */
    int *col;           /* target column of each source column */
    uint64_t *sum;      /* per target pixel of the row being summed: a, r*a, g*a, b*a */
    uint32_t *count;    /* source pixels summed into each */
    SDL_Surface *out;
};

struct lf_box_shrink *lf_box_shrink_create(int src_w, int src_h, int dst_w, int dst_h)
{
    if (src_w < 1 || src_h < 1 || dst_w < 1 || dst_h < 1 || dst_w > src_w || dst_h > src_h) {
        SDL_SetError("cannot shrink %d x %d to %d x %d", src_w, src_h, dst_w, dst_h);
        return NULL;
    }
    struct lf_box_shrink *b = calloc(1, sizeof(*b));
    if (!b) {
        SDL_OutOfMemory();
        return NULL;
    }
    *b = (struct lf_box_shrink){.src_w = src_w, .src_h = src_h, .dst_w = dst_w, .dst_h = dst_h};
    b->col = malloc((size_t)src_w * sizeof(*b->col));
    b->sum = calloc((size_t)dst_w * 4, sizeof(*b->sum));
    b->count = calloc((size_t)dst_w, sizeof(*b->count));
    b->out = SDL_CreateRGBSurfaceWithFormat(0, dst_w, dst_h, 32, SDL_PIXELFORMAT_ARGB8888);
    if (!b->col || !b->sum || !b->count || !b->out) {
        lf_box_shrink_destroy(b);
        SDL_OutOfMemory();
        return NULL;
    }
    for (int x = 0; x < src_w; x++)
        b->col[x] = (int)(((int64_t)x * 2 + 1) * dst_w / ((int64_t)src_w * 2));
    return b;
}

/* The target row of source row y (the one its centre falls into). */
static int target_row(const struct lf_box_shrink *b, int y)
{
    return (int)(((int64_t)y * 2 + 1) * b->dst_h / ((int64_t)b->src_h * 2));
}

/* The summed row written as target row ty, the sums cleared. */
static void emit(struct lf_box_shrink *b, int ty)
{
    uint32_t *out = (uint32_t *)((uint8_t *)b->out->pixels + (size_t)ty * b->out->pitch);
    for (int x = 0; x < b->dst_w; x++) {
        const uint64_t *s = b->sum + (size_t)x * 4;
        uint32_t n = b->count[x];
        uint32_t px = 0;
        if (n && s[0]) {
            uint64_t a = (s[0] + n / 2) / n, half = s[0] / 2;
            uint64_t r = (s[1] + half) / s[0], g = (s[2] + half) / s[0], bl = (s[3] + half) / s[0];
            px = (uint32_t)(a << 24 | r << 16 | g << 8 | bl);
        }
        out[x] = px;
    }
    memset(b->sum, 0, (size_t)b->dst_w * 4 * sizeof(*b->sum));
    memset(b->count, 0, (size_t)b->dst_w * sizeof(*b->count));
}

void lf_box_shrink_row(struct lf_box_shrink *b, const uint32_t *row)
{
    if (b->y >= b->src_h)
        return;
    for (int x = 0; x < b->src_w; x++) {
        uint32_t p = row[x];
        uint64_t a = p >> 24;
        uint64_t *s = b->sum + (size_t)b->col[x] * 4;
        s[0] += a;
        s[1] += a * ((p >> 16) & 0xFF);
        s[2] += a * ((p >> 8) & 0xFF);
        s[3] += a * (p & 0xFF);
        b->count[b->col[x]]++;
    }
    int ty = target_row(b, b->y);
    b->y++;
    if (b->y == b->src_h || target_row(b, b->y) != ty)
        emit(b, ty);
}

int lf_box_shrink_rows(const struct lf_box_shrink *b)
{
    return b->y;
}

SDL_Surface *lf_box_shrink_take(struct lf_box_shrink *b)
{
    if (b->y < b->src_h || !b->out) {
        SDL_SetError("the picture ends after %d of its %d rows", b->y, b->src_h);
        return NULL;
    }
    SDL_Surface *s = b->out;
    b->out = NULL;
    return s;
}

void lf_box_shrink_destroy(struct lf_box_shrink *b)
{
    if (!b)
        return;
    free(b->col);
    free(b->sum);
    free(b->count);
    SDL_FreeSurface(b->out);
    free(b);
}
