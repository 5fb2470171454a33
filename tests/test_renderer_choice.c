/* [display] renderer: which GL drivers count as software, and what auto,
 * software and gpu decide (render/renderer_choice.h, no display). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>
#include <cmocka.h>

#include "render/renderer_choice.h"

static void software_rasterisers_are_recognised(void **state)
{
    (void)state;
    static const char *const soft[] = {
        "llvmpipe (LLVM 15.0.6, 256 bits)", "softpipe", "Software Rasterizer",
        "Mesa DRI swrast", "SwiftShader Device (Subzero)", "LLVMPIPE (LLVM 11)", NULL};
    static const char *const hard[] = {
        "V3D 4.2", "V3D 7.1", "VC4 V3D 2.1", "Mali-G52 (Panfrost)",
        "Mesa Intel(R) UHD Graphics 620 (KBL GT2)", "AMD Radeon RX 580 (polaris10, LLVM 15.0.6, DRM 3.49, 6.1.0)",
        NULL};
    for (int i = 0; soft[i]; i++)
        assert_true(lf_gl_is_software(soft[i]));
    for (int i = 0; hard[i]; i++)
        assert_false(lf_gl_is_software(hard[i]));
    assert_true(lf_gl_is_software(NULL));
}

static void auto_decides_by_the_driver(void **state)
{
    (void)state;
    struct lf_renderer_choice c;
    lf_renderer_decide(LF_RENDERER_AUTO, "x11", "llvmpipe (LLVM 15.0.6, 256 bits)", &c);
    assert_false(c.gpu);
    assert_non_null(strstr(c.reason, "llvmpipe"));
    assert_non_null(strstr(c.reason, "software rasteriser"));

    lf_renderer_decide(LF_RENDERER_AUTO, "kmsdrm", "V3D 4.2", &c);
    assert_true(c.gpu);
    assert_non_null(strstr(c.reason, "\"V3D 4.2\" is hardware"));

    lf_renderer_decide(LF_RENDERER_AUTO, "x11", "", &c);
    assert_false(c.gpu);
    assert_non_null(strstr(c.reason, "no OpenGL driver"));

    lf_renderer_decide(LF_RENDERER_AUTO, "offscreen", "", &c);
    assert_false(c.gpu);
    assert_non_null(strstr(c.reason, "offscreen"));
}

static void a_setting_wins_over_the_driver(void **state)
{
    (void)state;
    struct lf_renderer_choice c;
    lf_renderer_decide(LF_RENDERER_GPU, "x11", "llvmpipe (LLVM 15.0.6, 256 bits)", &c);
    assert_true(c.gpu);
    assert_non_null(strstr(c.reason, "renderer = gpu"));
    lf_renderer_decide(LF_RENDERER_SOFTWARE, "kmsdrm", "V3D 4.2", &c);
    assert_false(c.gpu);
    assert_non_null(strstr(c.reason, "renderer = software"));
}

static void choose_without_a_display_is_software(void **state)
{
    (void)state;
    /* the test environment sets SDL_VIDEODRIVER=offscreen: nothing to probe */
    struct lf_renderer_choice c;
    lf_renderer_choose(LF_RENDERER_AUTO, &c);
    assert_false(c.gpu);
    assert_string_equal(c.gl_renderer, "");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(software_rasterisers_are_recognised),
        cmocka_unit_test(auto_decides_by_the_driver),
        cmocka_unit_test(a_setting_wins_over_the_driver),
        cmocka_unit_test(choose_without_a_display_is_software),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
