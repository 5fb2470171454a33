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

/* As lf_typesetter_render, for text in `lang` (a BCP 47 tag; NULL or "":
 * unknown): fontconfig is asked for fonts of that language (FC_LANG), so
 * a Han character takes the forms its readers expect: Simplified Chinese
 * (zh, zh-Hans, zh-CN) from Noto Sans CJK SC, Traditional (zh-Hant,
 * zh-TW) TC, Hong Kong HK, Japanese JP, Korean KR. */
SDL_Surface *lf_typesetter_render_lang(struct lf_typesetter *ts, const char *utf8, size_t len,
                                       enum lf_face face, int px, struct lf_rgba color, bool rtl,
                                       const char *lang);

/* As lf_typesetter_render_lang, the line made a streaming texture of r
 * (w x h, the same pixels), composed in the texture's own memory: for a
 * software renderer, whose streaming texture is a surface it blits from,
 * one picture and one copy less per line. NULL when nothing is drawn. */
SDL_Texture *lf_typesetter_render_texture(struct lf_typesetter *ts, SDL_Renderer *r,
                                          const char *utf8, size_t len, enum lf_face face,
                                          int px, struct lf_rgba color, bool rtl,
                                          const char *lang, int *w, int *h);

/* The family of the font that draws code point c in `lang` (as
 * lf_typesetter_render_lang chooses it), into buf; false when no
 * installed font draws it. For tests and diagnostics. */
bool lf_typesetter_family_for(struct lf_typesetter *ts, enum lf_face face, uint32_t c,
                              const char *lang, char *buf, size_t size) LF_MUST_CHECK;

/* The fontconfig language ("zh-cn", "zh-tw", "zh-hk", "ja", "ur") for a
 * BCP 47 tag, into buf ("" for NULL or ""). */
void lf_font_language(const char *tag, char *buf, size_t size);

/* Open fonts (a face at a size: SDL_ttf's and HarfBuzz's copies of its
 * tables, 0.1-2.7 MB each) are kept for the next line in that face and
 * size. A kiosk lays out pages trying every size text fitting needs, and
 * a language's pages need fonts of their own, but it shows one page at a
 * time: lf_typesetter_next_page starts the next page shown and closes
 * every font not used to lay out or draw any of the last
 * LF_FONT_KEEP_PAGES pages (core/limits.h), returning how many it closed.
 * A closed font opens again when a line asks for it: the same pixels. */
int lf_typesetter_next_page(struct lf_typesetter *ts);
/* How many fonts are open now (for tests and the debug log). */
int lf_typesetter_open_fonts(const struct lf_typesetter *ts);

/* How many code points of text no installed font can show (they would
 * be drawn as empty boxes). Controls and spaces do not count. */
size_t lf_typesetter_missing_glyphs(struct lf_typesetter *ts, const char *utf8);

#endif
