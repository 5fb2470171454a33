/* Text measured without fonts, for the layout tests: every code point is
 * 0.55 em wide (0.6 in bold), a line 1.3 em high. A test takes it as
 *     static const struct lf_measure fake = FAKE_MEASURE;
 * Any thread; no state. */
#ifndef LF_TEST_FAKE_MEASURE_H
#define LF_TEST_FAKE_MEASURE_H

#include <stddef.h>

#include "layout/slide_layout.h"
#include "layout/text_fit.h"

int fake_measure_width(void *ctx, enum lf_face face, int px, const char *s, size_t len);
int fake_measure_line_height(void *ctx, enum lf_face face, int px);

#define FAKE_MEASURE {.width = fake_measure_width, .line_height = fake_measure_line_height}

/* The view most layout tests start from: `b` in `lang` at `now` on a
 * w x h screen, the standard theme, normal text size, measured by the
 * fake. A test changes the fields it is about on the copy. */
struct lf_view fake_view(const struct lf_bundle *b, const char *lang, time_t now, int w, int h);

#endif
