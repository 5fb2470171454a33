/* A page drawn once into a texture the size of the screen, so that a
 * transition costs two copies a frame instead of drawing two pages.
 *
 * lf_snapshot_take() draws a scene into the snapshot (a render target);
 * lf_snapshot_draw() copies it to the screen, shifted by dx, opaque. A
 * renderer without render targets (or a target texture that cannot be
 * made) makes lf_snapshot_take() return false: the caller then draws the
 * scene itself, as before.
 *
 * The texture has the renderer's output size when taken; a snapshot of
 * another size is made anew. After SDL_RENDER_TARGETS_RESET or
 * SDL_RENDER_DEVICE_RESET call lf_snapshot_forget(): the texture is made
 * again at the next take.
 *
 * Owner: create/destroy; the renderer and painter must outlive it. Main
 * thread only. */
#ifndef LF_RENDER_SNAPSHOT_H
#define LF_RENDER_SNAPSHOT_H

#include <SDL.h>
#include <stdbool.h>

#include "layout/scene.h"
#include "render/painter.h"

struct lf_snapshot;

struct lf_snapshot *lf_snapshot_create(SDL_Renderer *renderer, struct lf_painter *painter);
void lf_snapshot_destroy(struct lf_snapshot *s);

/* Draws `scene` on black into the snapshot. False when the renderer
 * cannot draw into a texture (the snapshot is then empty). */
bool lf_snapshot_take(struct lf_snapshot *s, const struct lf_scene *scene) LF_MUST_CHECK;

/* Whether it holds a page (taken, not forgotten or emptied since). */
bool lf_snapshot_valid(const struct lf_snapshot *s);

/* Whether it holds a texture (memory) now, valid or not. */
bool lf_snapshot_held(const struct lf_snapshot *s);

/* Copies the snapshot to the current target, shifted by dx pixels. */
void lf_snapshot_draw(struct lf_snapshot *s, int dx);

/* Marks it empty (the page it shows changed). */
void lf_snapshot_empty(struct lf_snapshot *s);

/* Frees the texture (renderer reset, or to give its memory back). */
void lf_snapshot_forget(struct lf_snapshot *s);

#endif
