/* A picture made smaller while it is being decoded: rows of the full-size
 * picture go in one after another, top to bottom, and only the target
 * picture plus one row of sums is held, never the full-size picture (a
 * 4096 x 4096 PNG for a 1920 x 1080 screen: 8 MB instead of 64 MB).
 *
 * Box filter: each source pixel counts in exactly one target pixel (the
 * one its centre falls into), every target pixel is the mean of its box,
 * weighted by alpha so a transparent pixel's colour does not bleed into
 * its neighbours. Never enlarges (target <= source each side).
 *
 * One thread at a time per shrink; lf_box_shrink_take hands the surface
 * to the caller (SDL_FreeSurface), lf_box_shrink_destroy frees the rest. */
#ifndef LF_RENDER_BOX_SHRINK_H
#define LF_RENDER_BOX_SHRINK_H

#include <SDL.h>
#include <stdint.h>

struct lf_box_shrink;

/* For a src_w x src_h picture made dst_w x dst_h (1 <= dst <= src each
 * side). NULL when memory is short or a size is out of range
 * (SDL_GetError). */
struct lf_box_shrink *lf_box_shrink_create(int src_w, int src_h, int dst_w, int dst_h);

/* The next source row, src_w pixels of ARGB8888 (as SDL_PIXELFORMAT_ARGB8888
 * holds them: one uint32_t each, alpha in the top byte). Rows beyond
 * src_h are ignored. */
void lf_box_shrink_row(struct lf_box_shrink *b, const uint32_t *row);

/* Source rows given so far. */
int lf_box_shrink_rows(const struct lf_box_shrink *b);

/* The target picture (ARGB8888) once all src_h rows were given, else
 * NULL; the caller frees it. Once only. */
SDL_Surface *lf_box_shrink_take(struct lf_box_shrink *b);

void lf_box_shrink_destroy(struct lf_box_shrink *b);

#endif
