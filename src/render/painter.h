/* The painter draws scenes on an SDL renderer.
 *
 * Text lines and images become textures once and are kept in a cache,
 * so drawing a scene that was drawn before makes no TTF_Render* call and
 * decodes no image. lf_painter_sweep() frees what was not drawn since
 * the sweep before (call it when the slide changes).
 *
 * Images are checked before decoding (file size, pixel dimensions from
 * the PNG/JPEG header, core/limits.h); a broken image is reported once
 * and not drawn, the rest of its slide is.
 *
 * Owner: create/destroy; the renderer and typesetter must outlive the
 * painter. Main thread only. */
#ifndef LF_RENDER_PAINTER_H
#define LF_RENDER_PAINTER_H

#include <SDL.h>
#include <stdbool.h>
#include <stddef.h>

#include "layout/scene.h"
#include "render/typesetter.h"

struct lf_painter;

struct lf_painter *lf_painter_create(SDL_Renderer *renderer, struct lf_typesetter *ts);
void lf_painter_destroy(struct lf_painter *p);

/* Draws the scene shifted by dx pixels, with opacity alpha (0..255). */
void lf_painter_draw(struct lf_painter *p, const struct lf_scene *scene, int dx, uint8_t alpha);

/* A whole screen: the renderer cleared to black, the `n` scenes drawn in
 * order (header, page, footer), unshifted and opaque, then presented. */
void lf_painter_draw_screen(struct lf_painter *p, const struct lf_scene *const *scenes, size_t n);

/* The smallest box holding every pixel lf_painter_draw(scene, 0, ...)
 * can touch (text and images by their pictures, which may reach beyond
 * their layout boxes). False when it draws nothing. Makes the pictures
 * it needs, as drawing would. */
bool lf_painter_bounds(struct lf_painter *p, const struct lf_scene *scene,
                       struct lf_box *out) LF_MUST_CHECK;

/* Frees cached textures not drawn since the previous sweep. */
void lf_painter_sweep(struct lf_painter *p);

/* Frees every cached texture but those the `n` scenes draw (NULL ones
 * are skipped): a page standing still in the window's memory needs no
 * pictures of its lines until it is drawn again. */
void lf_painter_keep_only(struct lf_painter *p, const struct lf_scene *const *scenes, size_t n);

/* Frees every cached texture, to be made again when next drawn: after
 * SDL_RENDER_DEVICE_RESET the old ones hold nothing. */
void lf_painter_forget(struct lf_painter *p);

struct lf_painter_stats {
    size_t textures;        /* cached textures alive */
    size_t text_renders;    /* lines typeset since creation */
    size_t image_decodes;   /* images decoded since creation */
};
struct lf_painter_stats lf_painter_stats(const struct lf_painter *p);

/* Reads width and height from a PNG, JPEG, GIF or WebP header without
 * decoding. False when the file is not one of those or is cut short. */
bool lf_image_dimensions(const char *path, int *w, int *h) LF_MUST_CHECK;

#endif
