/* Hyphenation patterns arrive while the kiosk runs (issue 9, "never
 * leaves text out"): the kiosk reads them in the background, and until
 * then a word too long for a line is broken by character. Pages laid out
 * before they arrive continue from points computed under those breaks;
 * once they arrive, every page is laid out again under the new breaks, so
 * each text at a page boundary is shown exactly once, never repeated or
 * left out. A program of its own: the process-wide hyphenator must not
 * have read German before the kiosk starts. */
#include "kiosk_driver.h"
#include "layout/hyphen.h"
#include "support/bundle_folder.h"

#define MARKERS 24

/* Words far wider than a line (broken by character without patterns, at
 * syllables with them), each followed by a marker that must be shown
 * exactly once. */
static const char *const long_words[] = {
    "Aufenthaltsgenehmigungsverlängerungsantragsbearbeitungsgebührenordnung"
    "Integrationskursteilnahmeberechtigungsbescheinigungsausstellungsverfahren",
    "Arbeitsmarktzulassungsvoraussetzungsüberprüfungsterminvereinbarung"
    "Sprachförderungsmaßnahmenfinanzierungsgrundsätzeerläuterungsveranstaltung",
    "Integrationskursteilnahmeberechtigungsbescheinigungsausstellungsverfahren"
    "Arbeitsmarktzulassungsvoraussetzungsüberprüfungsterminvereinbarung",
    "Sprachförderungsmaßnahmenfinanzierungsgrundsätzeerläuterungsveranstaltung"
    "Aufenthaltsgenehmigungsverlängerungsantragsbearbeitungsgebührenordnung",
};

static char description[4096];

static int write_long_bundle(void)
{
    description[0] = '\0';
    for (int i = 0; i < MARKERS; i++) {
        size_t used = strlen(description);
        snprintf(description + used, sizeof(description) - used, "%s%s M%03d",
                 i ? " " : "", long_words[i % 4], i);
    }
    static char json[8192];
    snprintf(json, sizeof(json),
             "{\"format\": 1, \"organisation\": \"KI Test\", \"items\": [\n"
             " {\"kind\": \"offer\", \"id\": \"antrag\", \"title\": \"Anträge\",\n"
             "  \"description\": \"%s\"}\n]}\n",
             description);
    return bundle_folder_write(bundle_dir, sizeof(bundle_dir), json);
}

/* The kiosk on the long bundle in German, its hyphenator impatient as
 * lf_kiosk_main makes it; held: the patterns are read but not used until
 * the test lets them arrive. */
static int open_long_bundle(void **state, bool held)
{
    lf_hyphenator_set_impatient(lf_hyphenator_default(), true);
    lf_hyphenator_hold(lf_hyphenator_default(), held);
    if (write_long_bundle() != 0)
        return -1;
    return open_kiosk_on(state, "de", bundle_dir, "2026-11-23T10:00:00+01:00");
}

static int setup_held(void **state)
{
    return open_long_bundle(state, true);
}

struct pages {
    char *all;
    size_t size;
};

static void add_page(struct fixture *f, size_t i, const char *text, void *ctx)
{
    (void)f;
    (void)i;
    struct pages *p = ctx;
    size_t used = strlen(p->all);
    snprintf(p->all + used, p->size - used, "%s\f", text);
}

/* Every page of the carousel once, from the first, into `all` (pages
 * separated by a form feed); the number of pages. */
static size_t read_every_page(struct fixture *f, char *all, size_t size)
{
    size_t count = state_of(f).count;
    assert_true(count >= 3);
    for (size_t i = 0; i <= count && state_of(f).position != 0; i++)
        key(f, SDLK_RIGHT, 0);
    all[0] = '\0';
    return key_through_round(f, add_page, &(struct pages){all, size});
}

/* The description as the pages show it: the lines between each page's
 * title and the buttons under it, a line that ends in a hyphen (a word
 * broken there) joined to the next without it. */
static void shown_description(const char *all, char *out, size_t size)
{
    out[0] = '\0';
    size_t n = 0;
    bool in_body = false, joined = true;
    for (const char *line = all; *line;) {
        size_t len = strcspn(line, "\n\f");
        if (len >= strlen("Anträge") && strncmp(line, "Anträge", strlen("Anträge")) == 0) {
            in_body = true;
        } else if (len == strlen("◐") && strncmp(line, "◐", len) == 0) {
            in_body = false;
        } else if (in_body && len > 0) {
            bool hyphen = line[len - 1] == '-';
            assert_true(n + len + 2 < size);
            if (!joined)
                out[n++] = ' ';
            memcpy(out + n, line, hyphen ? len - 1 : len);
            n += hyphen ? len - 1 : len;
            out[n] = '\0';
            joined = hyphen;
        }
        line += len;
        if (*line)
            line++;
    }
}

static void assert_text_shown_once(const char *all)
{
    /* every letter of the text once, in order: nothing repeated or left
     * out at a page boundary */
    static char shown[1 << 16];
    shown_description(all, shown, sizeof(shown));
    assert_string_equal(shown, description);
    for (int i = 0; i < MARKERS; i++) {
        char marker[8];
        snprintf(marker, sizeof(marker), "M%03d", i);
        int n = 0;
        for (const char *p = strstr(all, marker); p; p = strstr(p + 1, marker))
            n++;
        if (n != 1)
            fail_msg("%s is shown %d times", marker, n);
    }
}

static void patterns_arriving_never_repeat_or_skip_text(void **state)
{
    struct fixture *f = *state;
    struct lf_hyphenator *h = lf_hyphenator_default();
    f->cfg.transition_ms = 0;
    static char before[1 << 20], after[1 << 20];
    unsigned generation = lf_hyphenator_generation(h);

    /* laid out without patterns: a long word broken by character */
    read_every_page(f, before, sizeof(before));
    assert_text_shown_once(before);
    assert_int_equal(lf_hyphenator_generation(h), generation);

    /* the patterns arrive while the visitor is on the second page */
    key(f, SDLK_RIGHT, 0);
    assert_int_equal(state_of(f).position, 1);
    assert_true(lf_hyphenator_wait_loaded(h)); /* German patterns are installed */
    lf_hyphenator_hold(h, false);
    pass(f, 20);
    assert_int_equal(lf_hyphenator_generation(h), generation + 1);
    assert_string_equal(state_of(f).item_id, "antrag"); /* still on the item */

    read_every_page(f, after, sizeof(after));
    assert_text_shown_once(after);
    /* the patterns did change where lines (and so pages) break */
    assert_string_not_equal(before, after);
}


static int setup_loaded(void **state)
{
    return open_long_bundle(state, false);
}

/* Once every page is laid out under the patterns the kiosk frees them
 * (German: 13 MB) and keeps the points of the words it used: laid out
 * again, every page breaks exactly where it did, and no patterns are
 * read again for it. */
static void pages_laid_out_again_without_the_patterns_are_the_same(void **state)
{
    struct fixture *f = *state;
    struct lf_hyphenator *h = lf_hyphenator_default();
    f->cfg.transition_ms = 0;
    static char with[1 << 20], again[1 << 20];
    /* the patterns (read by the test before, or now) adopted */
    (void)lf_hyphenator_wait_loaded(h);
    pass(f, 20);
    read_every_page(f, with, sizeof(with));
    assert_text_shown_once(with);
    assert_non_null(strstr(with, "-\n")); /* words broken at syllables */

    pass(f, 20); /* every page laid out: the kiosk frees the patterns */
    struct lf_hyphen_stats st = lf_hyphenator_stats(h);
    assert_int_equal(st.pattern_bytes, 0);
    assert_true(st.released >= 1);
    assert_true(st.memo_words > 0);
    unsigned reloads = st.reloads, generation = lf_hyphenator_generation(h);

    assert_true(lf_kiosk_reload(f->k, NULL)); /* every page laid out anew */
    pass(f, 20);
    read_every_page(f, again, sizeof(again));
    assert_string_equal(with, again);
    st = lf_hyphenator_stats(h);
    assert_int_equal(st.reloads, reloads);
    assert_int_equal(st.pattern_bytes, 0);
    assert_int_equal(lf_hyphenator_generation(h), generation);
}

/* Bundle r's words: long compounds of its own (piece r first, the
 * others in an order of the bundle's). */
static void write_bundle_of_round(size_t r)
{
    static const char *const pieces[] = {
        "Beratungs", "stellen", "antrags", "schul", "kinder", "wohnungs",
        "arbeits", "sprach", "kurs", "amts", "familien", "vereins",
    };
    static const char *const first[] = {"Beratungs", "Stellen", "Antrags", "Schul",
                                        "Kinder", "Wohnungs"};
    description[0] = '\0';
    for (size_t i = 0; i < MARKERS; i++) {
        size_t used = strlen(description);
        snprintf(description + used, sizeof(description) - used, "%s%s", i ? " " : "",
                 first[r % 6]);
        for (size_t j = 0; j < 15; j++) {
            used = strlen(description);
            snprintf(description + used, sizeof(description) - used, "%s",
                     pieces[(i * 5 + j * 7 + j * j * (r + 1)) % 12]);
        }
        used = strlen(description);
        snprintf(description + used, sizeof(description) - used, "ordnung M%03zu", i);
    }
    static char json[8192];
    snprintf(json, sizeof(json),
             "{\"format\": 1, \"organisation\": \"KI Test\", \"items\": [\n"
             " {\"kind\": \"offer\", \"id\": \"antrag\", \"title\": \"Anträge\",\n"
             "  \"description\": \"%s\"}\n]}\n",
             description);
    char path[128];
    snprintf(path, sizeof(path), "%s/content.json", bundle_dir);
    FILE *fp = fopen(path, "w");
    assert_non_null(fp);
    fputs(json, fp);
    assert_int_equal(fclose(fp), 0);
}

/* Every page of a new bundle laid out under the patterns, then freed. */
static void show_bundle(struct fixture *f, char *all, size_t size)
{
    assert_true(lf_kiosk_reload(f->k, NULL));
    (void)lf_hyphenator_wait_loaded(lf_hyphenator_default());
    pass(f, 20); /* patterns read again for the new words: adopted */
    read_every_page(f, all, size);
    pass(f, 20); /* every page laid out: freed */
}

/* Weeks of bundles, each with words of its own: the words of earlier
 * bundles leave the memo, so it never fills and the patterns are freed
 * after every bundle; the current bundle's words stay (laid out again,
 * no patterns are read). */
static void bundles_in_a_row_never_fill_the_memo(void **state)
{
    struct fixture *f = *state;
    struct lf_hyphenator *h = lf_hyphenator_default();
    f->cfg.transition_ms = 0;
    static char all[1 << 20], again[1 << 20];
    write_bundle_of_round(0);
    show_bundle(f, all, sizeof(all));
    struct lf_hyphen_stats st = lf_hyphenator_stats(h);
    assert_int_equal(st.pattern_bytes, 0);
    /* room for two bundles' words: a third fills a memo that keeps old ones */
    size_t words = st.memo_words;
    assert_true(words >= MARKERS / 2); /* twelve words, each twice */
    lf_hyphenator_memo_limit(h, 2 * words + 4);
    for (size_t r = 1; r < 5; r++) {
        write_bundle_of_round(r);
        unsigned reloads = lf_hyphenator_stats(h).reloads;
        show_bundle(f, all, sizeof(all));
        assert_text_shown_once(all);
        assert_non_null(strstr(all, "-\n")); /* broken at syllables */
        st = lf_hyphenator_stats(h);
        assert_int_equal(st.reloads, reloads + 1); /* new words: read again */
        assert_false(st.memo_full);
        assert_true(st.memo_words <= 2 * words + 4);
        assert_int_equal(st.pattern_bytes, 0);
    }
    /* the same bundle again: its words are all in the memo */
    unsigned reloads = st.reloads;
    show_bundle(f, again, sizeof(again));
    assert_string_equal(all, again);
    st = lf_hyphenator_stats(h);
    assert_int_equal(st.reloads, reloads);
    assert_int_equal(st.pattern_bytes, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(patterns_arriving_never_repeat_or_skip_text, setup_held,
                                        teardown_bundle),
        cmocka_unit_test_setup_teardown(pages_laid_out_again_without_the_patterns_are_the_same,
                                        setup_loaded, teardown_bundle),
        cmocka_unit_test_setup_teardown(bundles_in_a_row_never_fill_the_memo, setup_loaded,
                                        teardown_bundle),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
