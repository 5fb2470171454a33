#include "layout/scene.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"

struct lf_scene {
    struct lf_op *ops;
    size_t n, cap;
    struct lf_target *targets;
    size_t n_targets, cap_targets;
    char lang[LF_MAX_LANG_TAG + 1];
};

struct lf_scene *lf_scene_create(void)
{
    return lf_xcalloc(1, sizeof(struct lf_scene));
}

void lf_scene_clear(struct lf_scene *s)
{
    for (size_t i = 0; i < s->n; i++) {
        free(s->ops[i].text);
        free(s->ops[i].image);
    }
    s->n = 0;
    s->n_targets = 0;
}

void lf_scene_destroy(struct lf_scene *s)
{
    if (!s)
        return;
    lf_scene_clear(s);
    free(s->ops);
    free(s->targets);
    free(s);
}

void lf_scene_copy(struct lf_scene *dst, const struct lf_scene *src)
{
    lf_scene_clear(dst);
    if (dst->cap < src->n) {
        dst->cap = src->n;
        dst->ops = lf_xrealloc(dst->ops, dst->cap * sizeof(*dst->ops));
    }
    for (size_t i = 0; i < src->n; i++) {
        dst->ops[i] = src->ops[i];
        dst->ops[i].text = src->ops[i].text ? lf_xstrdup(src->ops[i].text) : NULL;
        dst->ops[i].image = src->ops[i].image ? lf_xstrdup(src->ops[i].image) : NULL;
    }
    dst->n = src->n;
    if (dst->cap_targets < src->n_targets) {
        dst->cap_targets = src->n_targets;
        dst->targets = lf_xrealloc(dst->targets, dst->cap_targets * sizeof(*dst->targets));
    }
    if (src->n_targets)
        memcpy(dst->targets, src->targets, src->n_targets * sizeof(*src->targets));
    dst->n_targets = src->n_targets;
    memcpy(dst->lang, src->lang, sizeof(dst->lang));
}

size_t lf_scene_bytes(const struct lf_scene *s)
{
    size_t bytes = sizeof(*s) + s->cap * sizeof(*s->ops) + s->cap_targets * sizeof(*s->targets);
    for (size_t i = 0; i < s->n; i++)
        bytes += (s->ops[i].text ? strlen(s->ops[i].text) + 1 : 0) +
                 (s->ops[i].image ? strlen(s->ops[i].image) + 1 : 0);
    return bytes;
}

static struct lf_op *push(struct lf_scene *s)
{
    if (s->n == s->cap) {
        s->cap = s->cap ? s->cap * 2 : 64;
        s->ops = lf_xrealloc(s->ops, s->cap * sizeof(*s->ops));
    }
    struct lf_op *op = &s->ops[s->n++];
    memset(op, 0, sizeof(*op));
    return op;
}

void lf_scene_rect(struct lf_scene *s, struct lf_box box, struct lf_rgba color, int radius)
{
    struct lf_op *op = push(s);
    op->kind = LF_OP_RECT;
    op->box = box;
    op->color = color;
    op->radius = radius;
}

void lf_scene_text(struct lf_scene *s, struct lf_box box, const char *utf8, size_t len,
                   enum lf_face face, int px, struct lf_rgba color, bool rtl)
{
    struct lf_op *op = push(s);
    op->kind = LF_OP_TEXT;
    op->box = box;
    op->color = color;
    op->text = lf_xstrndup(utf8, len);
    op->face = face;
    op->px = px;
    op->rtl = rtl;
    memcpy(op->lang, s->lang, sizeof(op->lang));
}

void lf_scene_lang(struct lf_scene *s, const char *tag)
{
    snprintf(s->lang, sizeof(s->lang), "%s", tag ? tag : "");
}

void lf_scene_image(struct lf_scene *s, struct lf_box box, const char *path)
{
    struct lf_op *op = push(s);
    op->kind = LF_OP_IMAGE;
    op->box = box;
    op->image = lf_xstrdup(path);
}

void lf_scene_qr(struct lf_scene *s, struct lf_box box, const char *payload)
{
    struct lf_op *op = push(s);
    op->kind = LF_OP_QR;
    op->box = box;
    op->text = lf_xstrdup(payload);
}

void lf_scene_target(struct lf_scene *s, struct lf_box box, enum lf_action action, int arg)
{
    if (s->n_targets == s->cap_targets) {
        s->cap_targets = s->cap_targets ? s->cap_targets * 2 : 16;
        s->targets = lf_xrealloc(s->targets, s->cap_targets * sizeof(*s->targets));
    }
    s->targets[s->n_targets++] = (struct lf_target){box, action, arg};
}

size_t lf_scene_count(const struct lf_scene *s)
{
    return s->n;
}

const struct lf_op *lf_scene_op(const struct lf_scene *s, size_t i)
{
    return i < s->n ? &s->ops[i] : NULL;
}

size_t lf_scene_target_count(const struct lf_scene *s)
{
    return s->n_targets;
}

const struct lf_target *lf_scene_target_at(const struct lf_scene *s, size_t i)
{
    return i < s->n_targets ? &s->targets[i] : NULL;
}

const struct lf_target *lf_scene_hit(const struct lf_scene *s, int x, int y)
{
    for (size_t i = s->n_targets; i-- > 0;) {
        struct lf_box b = s->targets[i].box;
        if (x >= b.x && x < b.x + b.w && y >= b.y && y < b.y + b.h)
            return &s->targets[i];
    }
    return NULL;
}

void lf_scene_mirror(struct lf_scene *s, size_t from_op, size_t from_target, int x0,
                     int width)
{
    for (size_t i = from_op; i < s->n; i++)
        s->ops[i].box.x = 2 * x0 + width - s->ops[i].box.x - s->ops[i].box.w;
    for (size_t i = from_target; i < s->n_targets; i++)
        s->targets[i].box.x = 2 * x0 + width - s->targets[i].box.x - s->targets[i].box.w;
}

bool lf_box_overlaps(struct lf_box a, struct lf_box b)
{
    return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

bool lf_box_inside(struct lf_box inner, struct lf_box outer)
{
    return inner.x >= outer.x && inner.y >= outer.y &&
           inner.x + inner.w <= outer.x + outer.w && inner.y + inner.h <= outer.y + outer.h;
}
