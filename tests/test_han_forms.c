/* The language of a text picks its glyph forms (issue 10): a Han
 * character is drawn as its readers write it. Chinese in simplified
 * script (zh, zh-Hans, zh-CN) takes Noto Sans CJK SC, traditional
 * (zh-Hant, zh-TW) TC, Hong Kong HK, Japanese JP, Korean KR; the pixels
 * of U+76F4 直 differ between zh-Hans and ja. The scene carries the
 * language from the layout to the painter: a Chinese screen's text ops
 * are in zh-Hans, the strip names each language in its own.
 *
 * Needs fonts-noto-cjk (scripts/debian-packages.txt). Where it is not
 * installed the test is skipped with a message, except in CI (CI=true),
 * where the package list installs it and its absence is a failure. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <SDL.h>
#include <SDL_ttf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "layout/scene.h"
#include "render/typesetter.h"

#define ZHI 0x76F4 /* 直: its inner strokes differ between Chinese and Japanese */

static int setup(void **state)
{
    if (TTF_Init() != 0)
        return -1;
    struct lf_typesetter *ts = lf_typesetter_create();
    if (!ts)
        return -1;
    *state = ts;
    return 0;
}

static int teardown(void **state)
{
    lf_typesetter_destroy(*state);
    TTF_Quit();
    return 0;
}

/* Skips (or fails in CI) when the CJK fonts are missing. */
static void need_cjk(struct lf_typesetter *ts)
{
    char fam[128];
    if (lf_typesetter_family_for(ts, LF_FACE_REGULAR, ZHI, "zh-Hans", fam, sizeof(fam)) &&
        strstr(fam, "CJK"))
        return;
    const char *ci = getenv("CI");
    if (ci && strcmp(ci, "true") == 0)
        fail_msg("Noto Sans CJK is not installed although CI installs fonts-noto-cjk");
    print_message("SKIPPED: Noto Sans CJK is not installed (apt-get install fonts-noto-cjk)\n");
    skip();
}

static void test_font_language_of_tags(void **state)
{
    (void)state;
    static const struct {
        const char *tag, *fc;
    } cases[] = {
        {"zh", "zh-cn"},      {"zh-Hans", "zh-cn"}, {"zh-CN", "zh-cn"},
        {"zh-Hans-DE", "zh-cn"}, {"zh-Hant", "zh-tw"}, {"zh-TW", "zh-tw"},
        {"zh-hant-tw", "zh-tw"}, {"zh-HK", "zh-hk"}, {"zh-Hant-HK", "zh-hk"},
        {"yue", "zh-hk"},     {"ja", "ja"},         {"ko", "ko"},
        {"ur", "ur"},         {"ku-Arab", "ku"},    {"de-x-ls", "de"},
        {"", ""},             {NULL, ""},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        char fc[16];
        lf_font_language(cases[i].tag, fc, sizeof(fc));
        if (strcmp(fc, cases[i].fc) != 0)
            fail_msg("%s: fontconfig language \"%s\", expected \"%s\"",
                     cases[i].tag ? cases[i].tag : "(null)", fc, cases[i].fc);
    }
}

static void test_han_face_by_language(void **state)
{
    struct lf_typesetter *ts = *state;
    need_cjk(ts);
    static const struct {
        const char *tag, *family;
    } cases[] = {
        {"zh", "Noto Sans CJK SC"},      {"zh-Hans", "Noto Sans CJK SC"},
        {"zh-CN", "Noto Sans CJK SC"},   {"zh-Hant", "Noto Sans CJK TC"},
        {"zh-TW", "Noto Sans CJK TC"},   {"zh-HK", "Noto Sans CJK HK"},
        {"ja", "Noto Sans CJK JP"},      {"ko", "Noto Sans CJK KR"},
    };
    for (int face = 0; face < LF_FACE_COUNT; face++)
        for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
            char fam[128];
            assert_true(lf_typesetter_family_for(ts, (enum lf_face)face, ZHI, cases[i].tag, fam,
                                                 sizeof(fam)));
            if (strcmp(fam, cases[i].family) != 0)
                fail_msg("直 in %s (%s): %s, expected %s", cases[i].tag,
                         face ? "bold" : "regular", fam, cases[i].family);
        }
    /* answers are cached per language: asking again in another order gives the same */
    char a[128], b[128];
    assert_true(lf_typesetter_family_for(ts, LF_FACE_REGULAR, ZHI, "ja", a, sizeof(a)));
    assert_true(lf_typesetter_family_for(ts, LF_FACE_REGULAR, ZHI, "zh-Hans", b, sizeof(b)));
    assert_string_equal(a, "Noto Sans CJK JP");
    assert_string_equal(b, "Noto Sans CJK SC");
    /* Latin letters keep Noto Sans in any language */
    assert_true(lf_typesetter_family_for(ts, LF_FACE_REGULAR, 'A', "zh-Hans", a, sizeof(a)));
    assert_string_equal(a, "Noto Sans");
}

/* The footer's ◐ and "■ Stopp" in a language not written in Han: from
 * Noto Sans Symbols2, not Noto Sans CJK (whose face costs 2.7 MB of heap
 * for the one glyph); in Japanese, Chinese or Korean text from the CJK
 * font, as before. */
static void test_symbols_outside_cjk_text_not_from_cjk(void **state)
{
    struct lf_typesetter *ts = *state;
    need_cjk(ts);
    static const uint32_t signs[] = {0x25D0 /* ◐ */, 0x25A0 /* ■ */};
    static const char *const langs[] = {"de", "ar", "uk", ""};
    for (int face = 0; face < LF_FACE_COUNT; face++)
        for (size_t i = 0; i < sizeof(signs) / sizeof(signs[0]); i++) {
            char fam[128];
            for (size_t l = 0; l < sizeof(langs) / sizeof(langs[0]); l++) {
                assert_true(lf_typesetter_family_for(ts, (enum lf_face)face, signs[i], langs[l],
                                                     fam, sizeof(fam)));
                if (strcmp(fam, "Noto Sans Symbols2") != 0)
                    fail_msg("U+%04X in \"%s\" (%s): %s, expected Noto Sans Symbols2",
                             (unsigned)signs[i], langs[l], face ? "bold" : "regular", fam);
            }
            assert_true(lf_typesetter_family_for(ts, (enum lf_face)face, signs[i], "ja", fam,
                                                 sizeof(fam)));
            if (!strstr(fam, "CJK"))
                fail_msg("U+%04X in ja: %s, expected Noto Sans CJK", (unsigned)signs[i], fam);
        }
}

/* Pixels of one line as a string of coverage values, to compare. */
static bool same_pixels(SDL_Surface *a, SDL_Surface *b)
{
    if (a->w != b->w || a->h != b->h)
        return false;
    for (int y = 0; y < a->h; y++)
        if (memcmp((uint8_t *)a->pixels + y * a->pitch, (uint8_t *)b->pixels + y * b->pitch,
                   (size_t)a->w * 4) != 0)
            return false;
    return true;
}

static void test_han_pixels_differ(void **state)
{
    struct lf_typesetter *ts = *state;
    need_cjk(ts);
    struct lf_rgba ink = {0, 0, 0, 255};
    const char *zhi = "\xE7\x9B\xB4"; /* 直 */
    SDL_Surface *zh = lf_typesetter_render_lang(ts, zhi, 3, LF_FACE_REGULAR, 96, ink, false,
                                                "zh-Hans");
    SDL_Surface *zh2 = lf_typesetter_render_lang(ts, zhi, 3, LF_FACE_REGULAR, 96, ink, false,
                                                 "zh-CN");
    SDL_Surface *ja = lf_typesetter_render_lang(ts, zhi, 3, LF_FACE_REGULAR, 96, ink, false,
                                                "ja");
    assert_non_null(zh);
    assert_non_null(zh2);
    assert_non_null(ja);
    assert_true(same_pixels(zh, zh2));  /* one language, two tags: one drawing */
    assert_false(same_pixels(zh, ja));  /* the Japanese form is another drawing */
    SDL_FreeSurface(zh);
    SDL_FreeSurface(zh2);
    SDL_FreeSurface(ja);
}

/* The scene carries the language set for the text ops that follow. */
static void test_scene_carries_language(void **state)
{
    (void)state;
    struct lf_scene *s = lf_scene_create();
    struct lf_rgba ink = {0, 0, 0, 255};
    struct lf_box box = {0, 0, 100, 40};
    lf_scene_text(s, box, "a", 1, LF_FACE_REGULAR, 20, ink, false);
    lf_scene_lang(s, "zh-Hant");
    lf_scene_text(s, box, "b", 1, LF_FACE_REGULAR, 20, ink, false);
    lf_scene_lang(s, NULL);
    lf_scene_text(s, box, "c", 1, LF_FACE_REGULAR, 20, ink, false);
    assert_int_equal(lf_scene_count(s), 3);
    assert_string_equal(lf_scene_op(s, 0)->lang, "");
    assert_string_equal(lf_scene_op(s, 1)->lang, "zh-Hant");
    assert_string_equal(lf_scene_op(s, 2)->lang, "");
    lf_scene_destroy(s);
}

int main(void)
{
    SDL_SetHint(SDL_HINT_VIDEODRIVER, "offscreen");
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_font_language_of_tags),
        cmocka_unit_test(test_scene_carries_language),
        cmocka_unit_test(test_han_face_by_language),
        cmocka_unit_test(test_han_pixels_differ),
        cmocka_unit_test(test_symbols_outside_cjk_text_not_from_cjk),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
