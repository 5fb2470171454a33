/* The sample bundle (assets/content) with the real fonts, for the tests
 * that typeset or draw it (test_render, test_touch): the time zone data,
 * SDL_ttf, the bundle and a typesetter, loaded by a cmocka group setup
 *     cmocka_run_group_tests(tests, sample_fonts_setup, sample_fonts_teardown);
 * (the state is a struct sample_fonts), or by a test's own group setup
 * that keeps them in a larger fixture (sample_fonts_open and _close).
 * Main thread only. */
#ifndef LF_TEST_SAMPLE_FONTS_H
#define LF_TEST_SAMPLE_FONTS_H

#include "layout/slide_layout.h"

struct lf_typesetter;

struct sample_fonts {
    struct lf_typesetter *ts;
    struct lf_bundle *bundle;
};

/* cmocka group setup and teardown: *state is a static struct sample_fonts
 * (the setup fails when anything could not be loaded). */
int sample_fonts_setup(void **state);
int sample_fonts_teardown(void **state);

/* 0 with *ts and *bundle made (the bundle's diagnostics printed to
 * stderr); -1 when anything could not be loaded. */
int sample_fonts_open(struct lf_typesetter **ts, struct lf_bundle **bundle);

/* Frees what sample_fonts_open made and quits SDL_ttf. */
void sample_fonts_close(struct lf_typesetter *ts, struct lf_bundle *bundle);

/* The sample bundle in `lang` on a w x h screen with the real fonts, on
 * Monday 23 November 2026 at 10:00, the standard theme, normal text size. */
struct lf_view sample_view(const struct lf_bundle *bundle, struct lf_typesetter *ts,
                           const char *lang, int w, int h);

#endif
