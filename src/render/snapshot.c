#include "render/snapshot.h"

#include <stdlib.h>

#include "core/log.h"
#include "core/xalloc.h"

struct lf_snapshot {
    SDL_Renderer *r;
    struct lf_painter *painter;
    SDL_Texture *texture;
    int w, h;
    bool valid;
    bool unsupported_reported;
};

struct lf_snapshot *lf_snapshot_create(SDL_Renderer *renderer, struct lf_painter *painter)
{
    struct lf_snapshot *s = lf_xcalloc(1, sizeof(*s));
    s->r = renderer;
    s->painter = painter;
    return s;
}

void lf_snapshot_forget(struct lf_snapshot *s)
{
    if (s->texture)
        SDL_DestroyTexture(s->texture);
    s->texture = NULL;
    s->valid = false;
}

void lf_snapshot_destroy(struct lf_snapshot *s)
{
    if (!s)
        return;
    lf_snapshot_forget(s);
    free(s);
}

void lf_snapshot_empty(struct lf_snapshot *s)
{
    s->valid = false;
}

bool lf_snapshot_held(const struct lf_snapshot *s)
{
    return s->texture != NULL;
}

bool lf_snapshot_valid(const struct lf_snapshot *s)
{
    return s->valid;
}

/* The texture format that copies to the screen without conversion: the
 * window's own where the renderer has it (SDL's software renderer then
 * copies rows with memcpy), else ARGB8888. */
static Uint32 screen_format(SDL_Renderer *r)
{
    SDL_Window *win = SDL_RenderGetWindow(r);
    Uint32 want = win ? SDL_GetWindowPixelFormat(win) : SDL_PIXELFORMAT_UNKNOWN;
    SDL_RendererInfo info;
    if (want != SDL_PIXELFORMAT_UNKNOWN && SDL_GetRendererInfo(r, &info) == 0) {
        for (Uint32 i = 0; i < info.num_texture_formats; i++)
            if (info.texture_formats[i] == want)
                return want;
    }
    return SDL_PIXELFORMAT_ARGB8888;
}

bool lf_snapshot_take(struct lf_snapshot *s, const struct lf_scene *scene)
{
    s->valid = false;
    if (!SDL_RenderTargetSupported(s->r))
        return false;
    int w = 0, h = 0, lw = 0, lh = 0;
    SDL_GetRendererOutputSize(s->r, &w, &h);
    /* while the renderer scales (a window below LF_MIN_LAYOUT_SIDE) a
     * screen-sized picture would be the window's few pixels: pages are
     * drawn every frame then */
    SDL_RenderGetLogicalSize(s->r, &lw, &lh);
    if (w <= 0 || h <= 0 || lw != 0 || lh != 0)
        return false;
    if (s->texture && (s->w != w || s->h != h))
        lf_snapshot_forget(s);
    if (!s->texture) {
        s->texture = SDL_CreateTexture(s->r, screen_format(s->r), SDL_TEXTUREACCESS_TARGET, w, h);
        if (!s->texture) {
            if (!s->unsupported_reported)
                lf_warn("no %dx%d page texture (%s): pages are drawn every frame", w, h,
                        SDL_GetError());
            s->unsupported_reported = true;
            return false;
        }
        SDL_SetTextureBlendMode(s->texture, SDL_BLENDMODE_NONE);
        Uint32 format = 0;
        SDL_QueryTexture(s->texture, &format, NULL, NULL, NULL);
        SDL_Window *win = SDL_RenderGetWindow(s->r);
        lf_debug("page picture %dx%d in %s (window: %s)", w, h, SDL_GetPixelFormatName(format),
                 win ? SDL_GetPixelFormatName(SDL_GetWindowPixelFormat(win)) : "none");
        s->w = w;
        s->h = h;
    }
    SDL_Texture *before = SDL_GetRenderTarget(s->r);
    if (SDL_SetRenderTarget(s->r, s->texture) != 0) {
        lf_snapshot_forget(s);
        return false;
    }
    SDL_SetRenderDrawColor(s->r, 0, 0, 0, 255);
    SDL_SetRenderDrawBlendMode(s->r, SDL_BLENDMODE_NONE);
    SDL_RenderClear(s->r);
    lf_painter_draw(s->painter, scene, 0, 255);
    bool ok = SDL_SetRenderTarget(s->r, before) == 0;
    s->valid = ok;
    return ok;
}

void lf_snapshot_draw(struct lf_snapshot *s, int dx)
{
    if (!s->valid || dx >= s->w || dx <= -s->w)
        return;
    /* only the part on screen: the software renderer copies what it is given */
    SDL_Rect src = {dx < 0 ? -dx : 0, 0, s->w - (dx < 0 ? -dx : dx), s->h};
    SDL_Rect dst = {dx < 0 ? 0 : dx, 0, src.w, s->h};
    SDL_RenderCopy(s->r, s->texture, &src, &dst);
}
