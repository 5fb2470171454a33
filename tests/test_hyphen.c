/* Hyphenation patterns: a patient hyphenator (preview, studio) waits for
 * them; an impatient one (the running kiosk) answers at once while they
 * load in the background, and uses them once they are there and its
 * owner adopts them. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "layout/hyphen.h"

static const char word[] = "Integrationszentrum";

static bool points(struct lf_hyphenator *h, bool *after)
{
    memset(after, 0, sizeof(word));
    return lf_hyphen_points(h, "de", word, strlen(word), after);
}

static void patient_waits_for_the_patterns(void **state)
{
    (void)state;
    struct lf_hyphenator *h = lf_hyphenator_create(LF_HYPHEN_DIR);
    bool after[sizeof(word)];
    assert_true(points(h, after));
    /* "Inte-gra-ti-ons-zen-trum": a point after "Integrations" */
    assert_true(after[strlen("Integrations") - 1]);
    lf_hyphenator_destroy(h);
}

static void impatient_answers_at_once_then_uses_them(void **state)
{
    (void)state;
    struct lf_hyphenator *h = lf_hyphenator_create(LF_HYPHEN_DIR);
    lf_hyphenator_set_impatient(h, true);
    bool after[sizeof(word)];
    /* the patterns take seconds to read: the first answer cannot have them */
    assert_false(points(h, after));
    for (size_t i = 0; i < sizeof(word); i++)
        assert_false(after[i]);
    /* they are read in the background, but used only once adopted (the
     * kiosk adopts them between frames and lays out every page again) */
    unsigned generation = lf_hyphenator_generation(h);
    assert_true(lf_hyphenator_wait_loaded(h));
    assert_false(points(h, after));
    assert_int_equal(lf_hyphenator_generation(h), generation);
    /* held (the tests' hook): not even then */
    lf_hyphenator_hold(h, true);
    assert_false(lf_hyphenator_adopt(h));
    assert_false(points(h, after));
    lf_hyphenator_hold(h, false);
    assert_true(lf_hyphenator_adopt(h));
    assert_int_equal(lf_hyphenator_generation(h), generation + 1);
    assert_true(points(h, after));
    assert_true(after[strlen("Integrations") - 1]);
    /* nothing new: nothing to lay out again */
    assert_false(lf_hyphenator_adopt(h));
    assert_int_equal(lf_hyphenator_generation(h), generation + 1);
    /* a language without patterns stays without, and does not block */
    assert_false(lf_hyphen_points(h, "xx", word, strlen(word), after));
    lf_hyphenator_destroy(h);
}

static void destroy_waits_for_a_background_load(void **state)
{
    (void)state;
    struct lf_hyphenator *h = lf_hyphenator_create(LF_HYPHEN_DIR);
    lf_hyphenator_set_impatient(h, true);
    const char *langs[] = {"de", "en"};
    lf_hyphenator_preload(h, langs, 2);
    lf_hyphenator_destroy(h); /* must not free what a loader thread still writes */
}

/* German gender forms ("Migrant*innenorganisationen", "Lehrer:innen")
 * were no words to the patterns (a sign inside), so a line broke them
 * by letter ("...organisatione-" / "n"); each part is now hyphenated on
 * its own, never at the sign. A Latin word in a language of another
 * script without patterns (Arabic, Ukrainian) is broken as German, not
 * by letter; a Latin-script language without patterns (Turkish) keeps
 * none, and codes with digits stay whole. */
static void gender_forms_and_german_names_in_other_scripts(void **state)
{
    (void)state;
    struct lf_hyphenator *h = lf_hyphenator_create(LF_HYPHEN_DIR);
    static const char star[] = "Migrant*innenorganisationen", colon[] = "Lehrer:innenzimmer";
    bool after[64], plain[64];
    assert_true(lf_hyphen_points(h, "de", star, strlen(star), after));
    /* the part after the star is broken where the word alone is */
    const char *part = star + strlen("Migrant*");
    assert_true(lf_hyphen_points(h, "de", part, strlen(part), plain));
    for (size_t i = 0; i < strlen(part); i++)
        assert_true(after[strlen("Migrant*") + i] == plain[i]);
    assert_false(after[strlen("Migrant") - 1]); /* not before the star */
    assert_false(after[strlen("Migrant*") - 1]); /* nor after it */
    assert_false(after[strlen(star) - 2]); /* never "...organisatione-n" */
    assert_true(lf_hyphen_points(h, "de", colon, strlen(colon), after));
    assert_false(after[strlen("Lehrer") - 1]);
    assert_false(after[strlen("Lehrer:") - 1]);
    /* a German name in an Arabic or Ukrainian text */
    static const char name[] = "Integrationszentrum";
    assert_true(lf_hyphen_points(h, "ar", name, strlen(name), after));
    assert_true(after[strlen("Integrations") - 1]);
    assert_true(lf_hyphen_points(h, "uk", name, strlen(name), after));
    /* Arabic words in Arabic have no patterns; Turkish has none either */
    static const char ar[] = "الاستشارات";
    assert_false(lf_hyphen_points(h, "ar", ar, strlen(ar), after));
    assert_false(lf_hyphen_points(h, "tr", name, strlen(name), after));
    static const char code[] = "B2*Kurs2027";
    assert_false(lf_hyphen_points(h, "de", code, strlen(code), after));
    lf_hyphenator_destroy(h);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(patient_waits_for_the_patterns),
        cmocka_unit_test(gender_forms_and_german_names_in_other_scripts),
        cmocka_unit_test(impatient_answers_at_once_then_uses_them),
        cmocka_unit_test(destroy_waits_for_a_background_load),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
