/* The typesetter turns one line of text into pixels, in any script the
 * screens serve.
 *
 * Fonts come from fontconfig: Noto Sans, Arabic script Noto Sans Arabic,
 * and for every other character the installed font fontconfig finds with
 * a glyph for it (Noto families first: Ethiopic, Hebrew, CJK, Armenian,
 * ..., colour emoji scaled to the line). A character no installed font
 * has is logged once, naming the Debian package that would draw it. A line is split into runs of one font and
 * one direction; FriBidi (Unicode bidirectional algorithm) gives the
 * direction levels and the visual order of the runs; SDL_ttf with
 * HarfBuzz shapes each run (joining Arabic letters, ligatures).
 *
 * It also measures text for the layout (lf_typesetter_measure).
 * Owner: create/destroy. Needs TTF_Init() done. Main thread only. */
#ifndef LF_RENDER_TYPESETTER_H
#define LF_RENDER_TYPESETTER_H

#include <SDL.h>
#include <stdbool.h>
#include <stddef.h>

#include "core/log.h"
#include "layout/scene.h"
#include "layout/text_fit.h"

struct lf_typesetter;

/* NULL (logged) when no usable font is installed. */
struct lf_typesetter *lf_typesetter_create(void) LF_MUST_CHECK;
void lf_typesetter_destroy(struct lf_typesetter *ts);

/* The measuring interface for the layout, backed by the real fonts. */
const struct lf_measure *lf_typesetter_measure(struct lf_typesetter *ts);

/* One line, shaped and in visual order, as a new ARGB surface the caller
 * frees; NULL for an empty line or on failure (logged). Its top is the
 * line's top; it may reach below the line height where a script's marks
 * go deeper than Latin descenders. */
SDL_Surface *lf_typesetter_render(struct lf_typesetter *ts, const char *utf8, size_t len,
                                  enum lf_face face, int px, struct lf_rgba color, bool rtl);

/* How many code points of text no installed font can show (they would
 * be drawn as empty boxes). Controls and spaces do not count. */
size_t lf_typesetter_missing_glyphs(struct lf_typesetter *ts, const char *utf8);

#endif
