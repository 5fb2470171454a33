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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(patient_waits_for_the_patterns),
        cmocka_unit_test(impatient_answers_at_once_then_uses_them),
        cmocka_unit_test(destroy_waits_for_a_background_load),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
