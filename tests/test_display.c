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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(invisible_drivers),
        cmocka_unit_test(explains_what_is_missing),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
