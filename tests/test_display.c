/* What `litfass run` says when no display can be seen (system/display.h):
 * the invisible SDL drivers, and an explanation that names DISPLAY,
 * WAYLAND_DISPLAY, the DRM folder and its devices. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/limits.h"
#include "system/display.h"

static void invisible_drivers(void **state)
{
    (void)state;
    assert_false(lf_display_driver_visible("offscreen"));
    assert_false(lf_display_driver_visible("dummy"));
    assert_false(lf_display_driver_visible("evdev"));
    assert_false(lf_display_driver_visible(NULL));
    assert_true(lf_display_driver_visible("x11"));
    assert_true(lf_display_driver_visible("wayland"));
    assert_true(lf_display_driver_visible("KMSDRM"));
}

static void explains_what_is_missing(void **state)
{
    (void)state;
    char buf[LF_DISPLAY_EXPLAIN_BYTES];
    unsetenv("DISPLAY");
    setenv("WAYLAND_DISPLAY", "wayland-9", 1);
    lf_display_explain("/nonexistent/dri", buf, sizeof(buf));
    assert_non_null(strstr(buf, "DISPLAY (X11; not set)"));
    assert_non_null(strstr(buf, "WAYLAND_DISPLAY (e.g. under cage; set, but SDL could not use it)"));
    assert_non_null(strstr(buf, "groups video and render"));
    assert_non_null(strstr(buf, "/nonexistent/dri: No such file or directory"));

    /* a folder without card* devices: no KMS driver */
    char dir[] = "/tmp/litfass-test-dri-XXXXXX";
    assert_non_null(mkdtemp(dir));
    lf_display_explain(dir, buf, sizeof(buf));
    assert_non_null(strstr(buf, "has no card* device (no KMS graphics driver loaded)"));
    /* with a device: its path and group are named */
    char card[64];
    snprintf(card, sizeof(card), "%s/card0", dir);
    FILE *f = fopen(card, "w");
    assert_non_null(f);
    fclose(f);
    lf_display_explain(dir, buf, sizeof(buf));
    assert_non_null(strstr(buf, card));
    assert_non_null(strstr(buf, "group"));
    unlink(card);
    rmdir(dir);
    /* a small buffer is cut, never overrun */
    char small[16];
    lf_display_explain("/nonexistent/dri", small, sizeof(small));
    assert_int_equal(strlen(small), sizeof(small) - 1);
}

/* Touch sizes: [display] dpi wins; else the display's own density when
 * believable; nonsense (0, 1, a size of 1 mm read as 1000+ dpi, NaN) is
 * not believed and the layout's assumption stays. */
static void dpi_configured_then_reported_then_assumed(void **state)
{
    (void)state;
    static const struct {
        int configured;
        double reported;
        int dpi;
        enum lf_dpi_source source;
    } cases[] = {
        {150, 96.0, 150, LF_DPI_CONFIGURED}, /* the config wins over the display */
        {150, 0.0, 150, LF_DPI_CONFIGURED},
        {0, 141.2, 141, LF_DPI_REPORTED},    /* a 15.6" 1920x1080 panel */
        {0, 26.0, 26, LF_DPI_REPORTED},      /* an 85" 1080p screen */
        {0, LF_MIN_DISPLAY_DPI, LF_MIN_DISPLAY_DPI, LF_DPI_REPORTED},
        {0, LF_MAX_DISPLAY_DPI, LF_MAX_DISPLAY_DPI, LF_DPI_REPORTED},
        {0, 0.0, 0, LF_DPI_ASSUMED},         /* SDL could not tell */
        {0, -1.0, 0, LF_DPI_ASSUMED},
        {0, 1.0, 0, LF_DPI_ASSUMED},
        {0, LF_MIN_DISPLAY_DPI - 0.5, 0, LF_DPI_ASSUMED},
        {0, LF_MAX_DISPLAY_DPI + 0.5, 0, LF_DPI_ASSUMED},
        {0, 1000.0, 0, LF_DPI_ASSUMED},
        {0, 25400.0, 0, LF_DPI_ASSUMED},     /* EDID's width of 1 mm */
        {0, 0.0 / 0.0, 0, LF_DPI_ASSUMED},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        enum lf_dpi_source source = (enum lf_dpi_source)-1;
        int dpi = lf_display_choose_dpi(cases[i].configured, cases[i].reported, &source);
        if (dpi != cases[i].dpi || source != cases[i].source)
            fail_msg("case %zu (configured %d, reported %g): %d dpi from %s, expected %d from %s",
                     i, cases[i].configured, cases[i].reported, dpi, lf_dpi_source_name(source),
                     cases[i].dpi, lf_dpi_source_name(cases[i].source));
    }
    assert_string_equal(lf_dpi_source_name(LF_DPI_CONFIGURED), "[display] dpi");
    assert_string_equal(lf_dpi_source_name(LF_DPI_ASSUMED), "assumed");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(invisible_drivers),
        cmocka_unit_test(explains_what_is_missing),
        cmocka_unit_test(dpi_configured_then_reported_then_assumed),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
