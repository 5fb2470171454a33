/* Touch targets measured with the real fonts on the sample bundle: every
 * one a finger's size on every screen (slide_layout.h, LF_MIN_TOUCH_PX).
 * Headless: no window, only the typesetter's measures. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <SDL.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/carousel.h"
#include "content/bundle.h"
#include "core/civil_time.h"
#include "layout/slide_layout.h"
#include "render/typesetter.h"
#include "support/sample_fonts.h"

/* Every touch target of every sample page (header, each carousel page with
 * its continuations, the agenda's entries, the footer in the carousel and
 * while browsing, with the reading controls, the page of every language)
 * is at least lf_layout_min_touch_px wide and high, from 800x480 to 4K,
 * with the real fonts: at 480x800 the strip's buttons were 30 px and the
 * arrows 34 px. A configured density makes them larger (9 mm at 200 dpi:
 * 71 px; checked at 1920x1080 in German).
 * LITFASS_TEST_SMALL_MATRIX=1 (scripts/arm64.sh, under qemu-user, where
 * the full matrix takes minutes): each screen size in one language (de,
 * ar, ti in turn; German at 1920x1080 with both densities), 6 of the 16
 * layouts; the full matrix runs natively in both builds of
 * scripts/test.sh. */
static void every_touch_target_is_finger_sized(void **state)
{
    const struct sample_fonts *f = *state;
    static const int sizes[][2] = {{480, 800}, {800, 480}, {1024, 600}, {1920, 1080},
                                   {3840, 2160}};
    static const char *const langs[] = {"de", "ar", "ti"};
    static const int dpis[] = {0, 200};
    const char *small_env = getenv("LITFASS_TEST_SMALL_MATRIX");
    bool small = small_env && strcmp(small_env, "1") == 0;
    size_t layouts = 0;
    struct lf_scene *s = lf_scene_create();
    for (size_t si = 0; si < sizeof(sizes) / sizeof(sizes[0]); si++)
        for (size_t li = 0; li < sizeof(langs) / sizeof(langs[0]); li++)
            for (size_t di = 0; di < (sizes[si][0] == 1920 && li == 0 ? 2u : 1u); di++) {
                if (small && li != si % (sizeof(langs) / sizeof(langs[0])))
                    continue;
                layouts++;
                struct lf_view v =
                    sample_view(f->bundle, f->ts, langs[li], sizes[si][0], sizes[si][1]);
                v.speech = true;
                v.dpi = dpis[di];
                int least = lf_layout_min_touch_px(&v);
                assert_int_equal(least, di ? 71 : 48);
                struct lf_carousel *c = lf_carousel_create();
                lf_carousel_build(c, &v, 10);
                size_t n = lf_carousel_count(c), targets = 0;
                for (size_t i = 0; i <= n + 1; i++) {
                    lf_scene_clear(s);
                    char what[96];
                    snprintf(what, sizeof(what), "%dx%d %s dpi %d page %zu", v.width,
                             v.height, v.lang, v.dpi, i);
                    if (i < n) {
                        lf_layout_page(s, &v, &lf_carousel_page(c, i)->page, NULL);
                    } else if (i == n) {
                        /* every language, page after page */
                        struct lf_page lp = {.kind = LF_PAGE_LANGUAGES};
                        for (int pages = 0; pages < 20; pages++) {
                            struct lf_page_result r = {0};
                            lf_layout_page(s, &v, &lp, &r);
                            if (!r.continues)
                                break;
                            lp.from = r.rest;
                        }
                    } else {
                        lf_layout_header(s, &v);
                    }
                    for (int browsing = 0; browsing < 2; browsing++)
                        lf_layout_footer(s, &v, &(struct lf_footer){
                                                    .position = i % (n ? n : 1), .count = n,
                                                    .active_category = browsing ? 1 : -1,
                                                    .show_back = browsing,
                                                    .read = LF_READ_READY});
                    for (size_t t = 0; t < lf_scene_target_count(s); t++) {
                        const struct lf_target *a = lf_scene_target_at(s, t);
                        if (a->box.w < least || a->box.h < least)
                            fail_msg("%s: target %zu (action %d) is %dx%d, below %d px", what,
                                     t, (int)a->action, a->box.w, a->box.h, least);
                        targets++;
                    }
                }
                /* the footer's buttons and the agenda's entries were there */
                assert_true(targets > 20 * (n + 2) / 2);
                lf_carousel_destroy(c);
            }
    lf_scene_destroy(s);
    assert_int_equal(layouts, small ? 6 : 16);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_touch_target_is_finger_sized),
    };
    return cmocka_run_group_tests(tests, sample_fonts_setup, sample_fonts_teardown);
}
