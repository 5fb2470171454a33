#include "render/painter.h"

#include <SDL_image.h>
#include <qrencode.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/limits.h"
#include "core/picture_kind.h"
#include "core/xalloc.h"
#include "layout/qr_payload.h"
#include "render/image_load.h"

#define CIRCLE_TEXTURE_SIDE 128 /* corner mask, scaled down per corner */
/* Broken images (path and file identity) and QR codes that do not fit,
 * remembered so each is reported once per process however often its
 * slide comes round (its cache entry is swept and made again), and a
 * broken image is not decoded again until the file changes. More than
 * this many: the oldest is forgotten and may be reported again. */
#define REPORTED_BROKEN_MAX 256
/* An opaque plain rectangle is filled only where no opaque rectangle
 * drawn after it in the same scene covers it (a page's background under
 * its cards: 4 MB less written per 1080p page with a big card); what is
 * left of it is kept as at most this many rectangles, beyond which a
 * cover is not cut out (the rectangle is then filled there too, and
 * covered, as before) */
#define UNCOVERED_PIECES_MAX 32

struct entry {
    uint64_t hash;
    char *key;              /* text or image path */
    int px;
    enum lf_face face;
    struct lf_rgba color;
    bool rtl;
    char lang[LF_MAX_LANG_TAG + 1]; /* TEXT: the glyph forms differ by language */
    enum lf_op_kind kind;   /* TEXT, IMAGE or QR */
    SDL_Texture *texture;   /* NULL: failed, do not retry */
    int w, h;
    unsigned epoch;
};

struct lf_painter {
    SDL_Renderer *r;
    struct lf_typesetter *ts;
    SDL_Texture *circle;
    bool software;          /* SDL's software renderer: textures are surfaces */
    /* software renderer: the circle as a surface, and its four quarters
     * stretched to a radius (2r x 2r), as SDL would stretch them at every
     * corner drawn (at most LF_PAINTER_CORNER_RADII, the oldest replaced) */
    SDL_Surface *circle_px;
    struct corners {
        int radius;         /* 0: none */
        SDL_Texture *t;
    } corners[LF_PAINTER_CORNER_RADII];
    int corners_next;
    struct entry *entries;
    size_t n, cap;
    unsigned epoch;
    struct lf_painter_stats stats;
};

static uint64_t fnv1a(const char *s, uint64_t h)
{
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ULL;
    return h;
}

static SDL_Surface *circle_surface(void)
{
    const int n = CIRCLE_TEXTURE_SIDE;
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, n, n, 32, SDL_PIXELFORMAT_ARGB8888);
    if (!s)
        return NULL;
    double c = n / 2.0;
    for (int y = 0; y < n; y++) {
        Uint32 *row = (Uint32 *)((Uint8 *)s->pixels + y * s->pitch);
        for (int x = 0; x < n; x++) {
            double dx = x + 0.5 - c, dy = y + 0.5 - c;
            double d = c - SDL_sqrt(dx * dx + dy * dy); /* distance inside the edge */
            double a = d >= 1 ? 1 : d <= 0 ? 0 : d;
            row[x] = ((Uint32)(a * 255) << 24) | 0xFFFFFF;
        }
    }
    return s;
}

static SDL_Texture *make_circle(SDL_Renderer *r)
{
    SDL_Surface *s = circle_surface();
    if (!s)
        return NULL;
    SDL_Texture *t = SDL_CreateTextureFromSurface(r, s);
    SDL_FreeSurface(s);
    if (t) {
        SDL_SetTextureBlendMode(t, SDL_BLENDMODE_BLEND);
        SDL_SetTextureScaleMode(t, SDL_ScaleModeLinear);
    }
    return t;
}

struct lf_painter *lf_painter_create(SDL_Renderer *renderer, struct lf_typesetter *ts)
{
    struct lf_painter *p = lf_xcalloc(1, sizeof(*p));
    p->r = renderer;
    p->ts = ts;
    p->circle = make_circle(renderer);
    p->epoch = 1;
    SDL_RendererInfo info;
    p->software = SDL_GetRendererInfo(renderer, &info) == 0 &&
                  (info.flags & SDL_RENDERER_SOFTWARE) != 0;
    return p;
}

static void forget_corners(struct lf_painter *p)
{
    for (int i = 0; i < LF_PAINTER_CORNER_RADII; i++) {
        if (p->corners[i].t)
            SDL_DestroyTexture(p->corners[i].t);
        p->corners[i] = (struct corners){0, NULL};
    }
    p->corners_next = 0;
}

/* The circle's quarters (top left, top right, bottom left, bottom
 * right) each stretched to rad x rad, side by side as SDL's software
 * renderer stretches the circle texture for a corner of that radius:
 * SDL_SoftStretchLinear into a picture of the corner's size, drawn
 * with the colour and blending of the texture (SDL_PrivateLowerBlitScaled);
 * NULL when it cannot be made (the corner is then stretched as drawn). */
static SDL_Texture *corners_of(struct lf_painter *p, int rad)
{
    for (int i = 0; i < LF_PAINTER_CORNER_RADII; i++)
        if (p->corners[i].radius == rad)
            return p->corners[i].t;
    if (!p->circle_px)
        p->circle_px = circle_surface();
    if (!p->circle_px)
        return NULL;
    const int half = CIRCLE_TEXTURE_SIDE / 2;
    SDL_Surface *all = SDL_CreateRGBSurfaceWithFormat(0, 2 * rad, 2 * rad, 32,
                                                      SDL_PIXELFORMAT_ARGB8888);
    SDL_Surface *one = SDL_CreateRGBSurfaceWithFormat(0, rad, rad, 32, SDL_PIXELFORMAT_ARGB8888);
    bool ok = all && one;
    for (int q = 0; ok && q < 4; q++) {
        SDL_Rect src = {q % 2 * half, q / 2 * half, half, half};
        SDL_Rect at = {q % 2 * rad, q / 2 * rad, rad, rad};
        ok = SDL_SoftStretchLinear(p->circle_px, &src, one, NULL) == 0 &&
             SDL_SetSurfaceBlendMode(one, SDL_BLENDMODE_NONE) == 0 &&
             SDL_BlitSurface(one, NULL, all, &at) == 0;
    }
    SDL_Texture *t = ok ? SDL_CreateTextureFromSurface(p->r, all) : NULL;
    SDL_FreeSurface(one);
    SDL_FreeSurface(all);
    if (!t)
        return NULL;
    SDL_SetTextureBlendMode(t, SDL_BLENDMODE_BLEND);
    struct corners *c = &p->corners[p->corners_next];
    p->corners_next = (p->corners_next + 1) % LF_PAINTER_CORNER_RADII;
    if (c->t)
        SDL_DestroyTexture(c->t);
    *c = (struct corners){rad, t};
    return t;
}

static void free_entry(struct entry *e)
{
    if (e->texture)
        SDL_DestroyTexture(e->texture);
    free(e->key);
}

static void free_entries(struct lf_painter *p)
{
    for (size_t i = 0; i < p->n; i++)
        free_entry(&p->entries[i]);
    p->n = 0;
}

void lf_painter_destroy(struct lf_painter *p)
{
    if (!p)
        return;
    free_entries(p);
    forget_corners(p);
    SDL_FreeSurface(p->circle_px);
    if (p->circle)
        SDL_DestroyTexture(p->circle);
    free(p->entries);
    free(p);
}

/* Frees the pictures not used since the current epoch began. */
static void free_unused(struct lf_painter *p)
{
    size_t k = 0;
    for (size_t i = 0; i < p->n; i++) {
        if (p->entries[i].epoch < p->epoch)
            free_entry(&p->entries[i]);
        else
            p->entries[k++] = p->entries[i];
    }
    p->n = k;
}

void lf_painter_sweep(struct lf_painter *p)
{
    free_unused(p);
    p->epoch++;
}

void lf_painter_forget(struct lf_painter *p)
{
    free_entries(p);
    forget_corners(p);
    if (p->circle)
        SDL_DestroyTexture(p->circle);
    p->circle = make_circle(p->r);
}

struct lf_painter_stats lf_painter_stats(const struct lf_painter *p)
{
    struct lf_painter_stats s = p->stats;
    s.textures = 0;
    for (size_t i = 0; i < p->n; i++)
        s.textures += p->entries[i].texture != NULL;
    return s;
}

/* What was reported already, as 64-bit hashes. Main thread only, like
 * the painter. */
static struct {
    uint64_t hash[REPORTED_BROKEN_MAX];
    size_t n, next;
} reported;

static bool reported_before(uint64_t h)
{
    for (size_t i = 0; i < reported.n; i++)
        if (reported.hash[i] == h)
            return true;
    return false;
}

static void remember_reported(uint64_t h)
{
    reported.hash[reported.next] = h;
    reported.next = (reported.next + 1) % REPORTED_BROKEN_MAX;
    if (reported.n < REPORTED_BROKEN_MAX)
        reported.n++;
}

static uint64_t mix(uint64_t h, uint64_t v)
{
    for (int i = 0; i < 8; i++, v >>= 8)
        h = (h ^ (v & 0xFF)) * 1099511628211ULL;
    return h;
}

/* A file as the painter last saw it: its path, and unless it is missing
 * which file it is and when it was written; replacing it makes a new
 * identity (reported and tried again). */
static uint64_t image_identity(const char *path, const struct stat *st)
{
    uint64_t h = fnv1a(path, 1469598103934665603ULL);
    if (!st)
        return mix(h, 0);
    h = mix(h, (uint64_t)st->st_dev);
    h = mix(h, (uint64_t)st->st_ino);
    h = mix(h, (uint64_t)st->st_size);
    h = mix(h, (uint64_t)st->st_mtim.tv_sec);
    return mix(h, (uint64_t)st->st_mtim.tv_nsec);
}

static void report_broken_image(uint64_t identity, const char *path, const char *why)
{
    remember_reported(identity);
    lf_warn("%s: %s; its slide is shown without it", path, why);
}

/* A QR code as a surface: dark modules on white, LF_QR_QUIET_ZONE modules
 * of white around, each module a whole number of pixels (crisp edges are
 * what a phone camera reads best), as large as fits side x side. */
#define QR_QUIET_ZONE LF_QR_QUIET_ZONE

static SDL_Surface *qr_surface(const char *payload, int side)
{
    QRcode *qr = QRcode_encodeString(payload, 0, LF_QR_EC_LEVEL, QR_MODE_8, 1);
    if (!qr) {
        lf_warn("QR code for \"%.40s...\": cannot encode", payload);
        return NULL;
    }
    int modules = qr->width + 2 * QR_QUIET_ZONE;
    int px = side / modules;
    SDL_Surface *s = NULL;
    if (px < 2) {
        uint64_t h = mix(fnv1a(payload, 14695981039346656037ULL), (uint64_t)side);
        if (!reported_before(h)) {
            remember_reported(h);
            lf_warn("QR code of %d modules does not fit %d pixels; not shown", modules, side);
        }
    } else {
        s = SDL_CreateRGBSurfaceWithFormat(0, modules * px, modules * px, 32,
                                           SDL_PIXELFORMAT_ARGB8888);
    }
    if (s) {
        SDL_FillRect(s, NULL, SDL_MapRGB(s->format, 255, 255, 255));
        Uint32 dark = SDL_MapRGB(s->format, 0, 0, 0);
        for (int y = 0; y < qr->width; y++)
            for (int x = 0; x < qr->width; x++)
                if (qr->data[y * qr->width + x] & 1) {
                    SDL_Rect r = {(x + QR_QUIET_ZONE) * px, (y + QR_QUIET_ZONE) * px, px, px};
                    SDL_FillRect(s, &r, dark);
                }
    }
    QRcode_free(qr);
    return s;
}

static uint64_t op_hash(const struct lf_op *op)
{
    const char *key = op->kind == LF_OP_IMAGE ? op->image : op->text;
    uint64_t h = fnv1a(key, 1469598103934665603ULL);
    h = (h ^ (uint64_t)(op->kind == LF_OP_QR ? op->box.w : op->px)) * 1099511628211ULL;
    h = (h ^ ((uint64_t)op->face << 1 | op->rtl | (uint64_t)op->kind << 2)) * 1099511628211ULL;
    return (h ^ ((uint64_t)op->color.r << 24 | op->color.g << 16 | op->color.b << 8 |
                 op->color.a)) * 1099511628211ULL;
}

/* The cached picture of op (hash h), NULL when there is none. */
static struct entry *find(struct lf_painter *p, const struct lf_op *op, uint64_t h)
{
    bool image = op->kind == LF_OP_IMAGE;
    const char *key = image ? op->image : op->text;
    for (size_t i = 0; i < p->n; i++) {
        struct entry *e = &p->entries[i];
        if (e->hash == h && e->kind == op->kind && strcmp(e->key, key) == 0 &&
            (image || (op->kind == LF_OP_QR && e->px == op->box.w) ||
             (op->kind == LF_OP_TEXT && e->px == op->px && e->face == op->face &&
              e->rtl == op->rtl && strcmp(e->lang, op->lang) == 0 &&
              memcmp(&e->color, &op->color, sizeof(e->color)) == 0)))
            return e;
    }
    return NULL;
}

void lf_painter_keep_only(struct lf_painter *p, const struct lf_scene *const *scenes, size_t n)
{
    p->epoch++;
    for (size_t s = 0; s < n; s++)
        for (size_t i = 0; scenes[s] && i < lf_scene_count(scenes[s]); i++) {
            const struct lf_op *op = lf_scene_op(scenes[s], i);
            struct entry *e = op->kind == LF_OP_RECT ? NULL : find(p, op, op_hash(op));
            if (e)
                e->epoch = p->epoch;
        }
    free_unused(p);
}

static struct entry *lookup(struct lf_painter *p, const struct lf_op *op)
{
    bool image = op->kind == LF_OP_IMAGE;
    const char *key = image ? op->image : op->text;
    uint64_t h = op_hash(op);
    struct entry *found = find(p, op, h);
    if (found) {
        found->epoch = p->epoch;
        return found;
    }
    if (p->n == p->cap) {
        p->cap = p->cap ? p->cap * 2 : 128;
        p->entries = lf_xrealloc(p->entries, p->cap * sizeof(*p->entries));
    }
    struct entry *e = &p->entries[p->n++];
    *e = (struct entry){.hash = h, .key = lf_xstrdup(key),
                        .px = op->kind == LF_OP_QR ? op->box.w : op->px, .face = op->face,
                        .color = op->color, .rtl = op->rtl, .kind = op->kind,
                        .epoch = p->epoch};
    memcpy(e->lang, op->lang, sizeof(e->lang));
    SDL_Surface *s = NULL;
    if (op->kind == LF_OP_QR) {
        s = qr_surface(key, op->box.w < op->box.h ? op->box.w : op->box.h);
    } else if (image) {
        int w, h2;
        struct stat st;
        bool exists = stat(key, &st) == 0;
        uint64_t id = image_identity(key, exists ? &st : NULL);
        char why[160];
        if (reported_before(id)) {
            lf_debug("%s: broken, reported before; not shown", key);
        } else if (!exists || st.st_size > LF_MAX_IMAGE_BYTES) {
            snprintf(why, sizeof(why), "missing or larger than %d bytes", LF_MAX_IMAGE_BYTES);
            report_broken_image(id, key, why);
        } else if (!lf_image_dimensions(key, &w, &h2)) {
            report_broken_image(id, key, "not a PNG, JPEG, GIF or WebP image");
        } else if (w > LF_MAX_IMAGE_SIDE || h2 > LF_MAX_IMAGE_SIDE ||
                   (long long)w * h2 > lf_image_max_pixels(key)) {
            /* refused from the header alone: nothing allocated for it */
            snprintf(why, sizeof(why),
                     "%dx%d pixels is more than allowed (%lld pixels, %d a side)", w, h2,
                     lf_image_max_pixels(key), LF_MAX_IMAGE_SIDE);
            report_broken_image(id, key, why);
        } else {
            /* upright, as its EXIF orientation says, and no larger than the
             * screen: a photo of 6000 x 4000 is kept at what it is shown at */
            int sw = 0, sh = 0;
            SDL_RenderGetLogicalSize(p->r, &sw, &sh);
            if (sw <= 0 || sh <= 0)
                (void)SDL_GetRendererOutputSize(p->r, &sw, &sh);
            s = lf_image_load_fit(key, sw, sh);
            p->stats.image_decodes++;
            if (!s) {
                snprintf(why, sizeof(why), "cannot be decoded: %s", SDL_GetError());
                report_broken_image(id, key, why);
            }
        }
    } else if (p->software) {
        /* composed in the texture's surface: no picture of the line to
         * copy into it */
        e->texture = lf_typesetter_render_texture(p->ts, p->r, op->text, strlen(op->text),
                                                  op->face, op->px, op->color, op->rtl,
                                                  op->lang, &e->w, &e->h);
        if (e->texture)
            SDL_SetTextureBlendMode(e->texture, SDL_BLENDMODE_BLEND);
        p->stats.text_renders++;
    } else {
        s = lf_typesetter_render_lang(p->ts, op->text, strlen(op->text), op->face, op->px,
                                      op->color, op->rtl, op->lang);
        p->stats.text_renders++;
    }
    if (s) {
        e->texture = SDL_CreateTextureFromSurface(p->r, s);
        e->w = s->w;
        e->h = s->h;
        if (e->texture) {
            SDL_SetTextureBlendMode(e->texture, SDL_BLENDMODE_BLEND);
            if (image)
                SDL_SetTextureScaleMode(e->texture, SDL_ScaleModeBest);
        } else if (image) {
            struct stat st;
            char why[160];
            snprintf(why, sizeof(why), "no texture for it: %s", SDL_GetError());
            report_broken_image(image_identity(key, stat(key, &st) == 0 ? &st : NULL), key, why);
        }
        SDL_FreeSurface(s);
    }
    return e;
}

/* The corner radius fill_rounded draws box b with (<= 1: a plain rectangle). */
static int fill_radius(const struct lf_painter *p, SDL_Rect b, int radius)
{
    int rad = radius;
    if (rad * 2 > b.w)
        rad = b.w / 2;
    if (rad * 2 > b.h)
        rad = b.h / 2;
    return p->circle ? rad : 0;
}

/* Where fill_rounded(b, radius) with an opaque colour sets every pixel
 * to that colour, whatever was there: the rectangle, or a rounded one's
 * cross without its corners (drawn blended). Returns how many of out[2]. */
static int solid_parts(const struct lf_painter *p, SDL_Rect b, int radius, SDL_Rect out[2])
{
    int rad = fill_radius(p, b, radius);
    if (rad <= 1) {
        out[0] = b;
        return 1;
    }
    out[0] = (SDL_Rect){b.x + rad, b.y, b.w - 2 * rad, b.h};
    out[1] = (SDL_Rect){b.x, b.y + rad, b.w, b.h - 2 * rad};
    return 2;
}

/* Cuts `cover` out of the n rectangles in pieces (room for
 * UNCOVERED_PIECES_MAX); false, and pieces unchanged, when what is left
 * would not fit. */
static bool cut_out(SDL_Rect *pieces, int *n, SDL_Rect cover)
{
    SDL_Rect out[UNCOVERED_PIECES_MAX];
    int m = 0;
    for (int i = 0; i < *n; i++) {
        SDL_Rect a = pieces[i], c;
        if (!SDL_IntersectRect(&a, &cover, &c)) {
            if (m == UNCOVERED_PIECES_MAX)
                return false;
            out[m++] = a;
            continue;
        }
        /* above, below, left and right of the covered part */
        SDL_Rect left[4] = {
            {a.x, a.y, a.w, c.y - a.y},
            {a.x, c.y + c.h, a.w, a.y + a.h - (c.y + c.h)},
            {a.x, c.y, c.x - a.x, c.h},
            {c.x + c.w, c.y, a.x + a.w - (c.x + c.w), c.h},
        };
        for (int k = 0; k < 4; k++) {
            if (left[k].w <= 0 || left[k].h <= 0)
                continue;
            if (m == UNCOVERED_PIECES_MAX)
                return false;
            out[m++] = left[k];
        }
    }
    memcpy(pieces, out, (size_t)m * sizeof(*out));
    *n = m;
    return true;
}

/* An opaque plain rectangle (op `at` of scene, box b) filled where no
 * opaque rectangle drawn after it covers it: those set every pixel they
 * cover, whatever was under them. */
static void fill_uncovered(struct lf_painter *p, const struct lf_scene *scene, size_t at,
                           SDL_Rect b, int dx)
{
    SDL_Rect pieces[UNCOVERED_PIECES_MAX] = {b};
    int n = b.w > 0 && b.h > 0 ? 1 : 0;
    for (size_t j = at + 1; j < lf_scene_count(scene) && n > 0; j++) {
        const struct lf_op *op = lf_scene_op(scene, j);
        if (op->kind != LF_OP_RECT || op->color.a != 255)
            continue;
        SDL_Rect parts[2];
        int k = solid_parts(p, (SDL_Rect){op->box.x + dx, op->box.y, op->box.w, op->box.h},
                            op->radius, parts);
        for (int i = 0; i < k; i++)
            (void)cut_out(pieces, &n, parts[i]);
    }
    if (n > 0)
        SDL_RenderFillRects(p->r, pieces, n);
}

static void fill_rounded(struct lf_painter *p, SDL_Rect b, int radius, struct lf_rgba c)
{
    SDL_SetRenderDrawColor(p->r, c.r, c.g, c.b, c.a);
    SDL_SetRenderDrawBlendMode(p->r, c.a == 255 ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
    int rad = fill_radius(p, b, radius);
    if (rad <= 1) {
        SDL_RenderFillRect(p->r, &b);
        return;
    }
    SDL_Rect parts[3] = {
        {b.x + rad, b.y, b.w - 2 * rad, b.h},
        {b.x, b.y + rad, rad, b.h - 2 * rad},
        {b.x + b.w - rad, b.y + rad, rad, b.h - 2 * rad},
    };
    SDL_RenderFillRects(p->r, parts, 3);
    float sx = 0, sy = 0;
    SDL_RenderGetScale(p->r, &sx, &sy);
    SDL_Texture *kept = NULL;
    if (p->software && sx == 1.0f && sy == 1.0f && rad <= CIRCLE_TEXTURE_SIDE / 2)
        kept = corners_of(p, rad);
    if (kept) {
        /* the same pixels as stretching the circle below, without the
         * stretch and its picture at every corner */
        SDL_SetTextureColorMod(kept, c.r, c.g, c.b);
        SDL_SetTextureAlphaMod(kept, c.a);
        SDL_Rect dst[4] = {{b.x, b.y, rad, rad}, {b.x + b.w - rad, b.y, rad, rad},
                           {b.x, b.y + b.h - rad, rad, rad},
                           {b.x + b.w - rad, b.y + b.h - rad, rad, rad}};
        for (int i = 0; i < 4; i++) {
            SDL_Rect src = {i % 2 * rad, i / 2 * rad, rad, rad};
            SDL_RenderCopy(p->r, kept, &src, &dst[i]);
        }
        return;
    }
    SDL_SetTextureColorMod(p->circle, c.r, c.g, c.b);
    SDL_SetTextureAlphaMod(p->circle, c.a);
    const int half = CIRCLE_TEXTURE_SIDE / 2;
    SDL_Rect src[4] = {{0, 0, half, half}, {half, 0, half, half}, {0, half, half, half},
                       {half, half, half, half}};
    SDL_Rect dst[4] = {{b.x, b.y, rad, rad}, {b.x + b.w - rad, b.y, rad, rad},
                       {b.x, b.y + b.h - rad, rad, rad},
                       {b.x + b.w - rad, b.y + b.h - rad, rad, rad}};
    for (int i = 0; i < 4; i++)
        SDL_RenderCopy(p->r, p->circle, &src[i], &dst[i]);
}

/* Where op lands when drawn shifted by dx: its box for a rectangle, its
 * picture's rectangle for text, images and QR codes (*e: the picture;
 * NULL when it has none and nothing is drawn). */
static void op_place(struct lf_painter *p, const struct lf_op *op, int dx, SDL_Rect *dst,
                     struct entry **e)
{
    SDL_Rect b = {op->box.x + dx, op->box.y, op->box.w, op->box.h};
    *dst = b;
    *e = NULL;
    if (op->kind == LF_OP_RECT)
        return;
    struct entry *en = lookup(p, op);
    if (!en->texture)
        return;
    *e = en;
    *dst = (SDL_Rect){b.x, b.y, en->w, en->h};
    if (op->kind == LF_OP_QR) {
        dst->x = b.x + (b.w - en->w) / 2;
        dst->y = b.y + (b.h - en->h) / 2;
    } else if (op->kind == LF_OP_IMAGE) {
        /* fit inside the box, keep the aspect ratio, centre */
        double sx = (double)b.w / en->w, sy = (double)b.h / en->h;
        double sc = sx < sy ? sx : sy;
        dst->w = (int)(en->w * sc);
        dst->h = (int)(en->h * sc);
        dst->x = b.x + (b.w - dst->w) / 2;
        dst->y = b.y + (b.h - dst->h) / 2;
    }
}

void lf_painter_draw_screen(struct lf_painter *p, const struct lf_scene *const *scenes, size_t n)
{
    SDL_SetRenderDrawColor(p->r, 0, 0, 0, 255);
    SDL_RenderClear(p->r);
    for (size_t i = 0; i < n; i++)
        lf_painter_draw(p, scenes[i], 0, 255);
    SDL_RenderPresent(p->r);
}

void lf_painter_draw(struct lf_painter *p, const struct lf_scene *scene, int dx, uint8_t alpha)
{
    int sw = 0, sh = 0;
    /* the width drawn at: the logical one while the renderer scales */
    SDL_RenderGetLogicalSize(p->r, &sw, &sh);
    if (sw <= 0)
        SDL_GetRendererOutputSize(p->r, &sw, &sh);
    for (size_t i = 0; i < lf_scene_count(scene); i++) {
        const struct lf_op *op = lf_scene_op(scene, i);
        if (op->box.x + dx >= sw || op->box.x + dx + op->box.w <= 0)
            continue; /* off screen during a transition */
        SDL_Rect dst;
        struct entry *e;
        op_place(p, op, dx, &dst, &e);
        if (op->kind == LF_OP_RECT) {
            struct lf_rgba c = op->color;
            c.a = (uint8_t)(c.a * alpha / 255);
            if (c.a == 255 && fill_radius(p, dst, op->radius) <= 1) {
                SDL_SetRenderDrawColor(p->r, c.r, c.g, c.b, c.a);
                SDL_SetRenderDrawBlendMode(p->r, SDL_BLENDMODE_NONE);
                fill_uncovered(p, scene, i, dst, dx);
            } else {
                fill_rounded(p, dst, op->radius, c);
            }
        } else if (e) {
            SDL_SetTextureAlphaMod(e->texture, alpha);
            SDL_RenderCopy(p->r, e->texture, NULL, &dst);
        }
    }
}

bool lf_painter_bounds(struct lf_painter *p, const struct lf_scene *scene, struct lf_box *out)
{
    bool any = false;
    SDL_Rect all = {0, 0, 0, 0};
    for (size_t i = 0; i < lf_scene_count(scene); i++) {
        SDL_Rect dst;
        struct entry *e;
        op_place(p, lf_scene_op(scene, i), 0, &dst, &e);
        if (dst.w <= 0 || dst.h <= 0 || (lf_scene_op(scene, i)->kind != LF_OP_RECT && !e))
            continue;
        if (any)
            SDL_UnionRect(&all, &dst, &all);
        else
            all = dst;
        any = true;
    }
    *out = (struct lf_box){all.x, all.y, all.w, all.h};
    return any;
}

static uint32_t be32(const unsigned char *b)
{
    return (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 | (uint32_t)b[2] << 8 | b[3];
}

bool lf_image_dimensions(const char *path, int *w, int *h)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return false;
    unsigned char b[32];
    unsigned gw, gh;
    bool ok = false;
    size_t n = fread(b, 1, sizeof(b), f);
    if (n >= 24 && memcmp(b, "\x89PNG\r\n\x1a\n", 8) == 0 && memcmp(b + 12, "IHDR", 4) == 0) {
        uint32_t pw = be32(b + 16), ph = be32(b + 20);
        if (pw > 0 && ph > 0 && pw <= 0x7FFFFFFF && ph <= 0x7FFFFFFF) {
            *w = (int)pw;
            *h = (int)ph;
            ok = true;
        }
    } else if (lf_picture_size(b, n, &gw, &gh)) { /* GIF, WebP */
        *w = (int)gw;
        *h = (int)gh;
        ok = gw > 0 && gh > 0;
    } else if (n >= 4 && b[0] == 0xFF && b[1] == 0xD8) {
        /* walk the JPEG segments to the first start-of-frame */
        if (fseek(f, 2, SEEK_SET) != 0)
            goto done;
        for (int guard = 0; guard < 1000; guard++) {
            unsigned char seg[9];
            if (fread(seg, 1, 4, f) != 4 || seg[0] != 0xFF)
                break;
            unsigned marker = seg[1], len = (unsigned)seg[2] << 8 | seg[3];
            if (len < 2)
                break;
            if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 &&
                marker != 0xCC) {
                if (fread(seg, 1, 5, f) != 5)
                    break;
                *h = seg[1] << 8 | seg[2];
                *w = seg[3] << 8 | seg[4];
                ok = *w > 0 && *h > 0;
                break;
            }
            if (fseek(f, (long)len - 2, SEEK_CUR) != 0)
                break;
        }
    }
done:
    fclose(f);
    return ok;
}
