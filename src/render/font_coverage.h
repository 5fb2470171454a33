/* Which installed font can draw a character, and which Debian package
 * would bring one: fontconfig only (no SDL), so `validate` can ask too.
 *
 * Thread: any, one at a time (fontconfig's default configuration). */
#ifndef LF_RENDER_FONT_COVERAGE_H
#define LF_RENDER_FONT_COVERAGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Whether some installed font has a glyph for code point c. Controls,
 * spaces, joiners and variation selectors count as drawable. */
bool lf_font_can_draw(uint32_t c);

/* The Debian package whose fonts draw c ("fonts-noto-core",
 * "fonts-noto-cjk", "fonts-noto-color-emoji", ...); NULL for a
 * private-use or unassigned character, which no package draws. */
const char *lf_font_package_for(uint32_t c);

/* The Unicode script of c in words, for messages ("Ethiopic", "Han"). */
const char *lf_font_script_name(uint32_t c);

/* Characters that need no glyph of their own (controls, spaces, joiners,
 * direction marks, variation selectors, emoji tags). */
bool lf_font_invisible(uint32_t c);

/* Decodes one UTF-8 code point at s[*i] (len bytes in all), advancing *i;
 * a broken sequence gives U+FFFD and one byte. */
uint32_t lf_utf8_next(const char *s, size_t len, size_t *i);

#endif
