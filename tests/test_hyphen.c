/* Hyphenation patterns: a patient hyphenator (preview, studio) waits for
 * them; an impatient one (the running kiosk) answers at once while they
 * load in the background, and uses them once they are there and its
 * owner adopts them. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "layout/hyphen.h"
#include "layout/hyphen_compact.h"

static const char word[] = "Integrationszentrum";
static struct lf_hyphenator *shared; /* patient, never released */
static void points_by(struct lf_hyphenator *h, const char *lang, const char *w, char *out,
                      size_t size);

static bool points(struct lf_hyphenator *h, bool *after)
{
    memset(after, 0, sizeof(word));
    return lf_hyphen_points(h, "de", word, strlen(word), after);
}

/* The first test: nothing has asked the shared hyphenator for German yet
 * (its patterns, read here, then serve every later test). */
static void patient_waits_for_the_patterns(void **state)
{
    (void)state;
    assert_int_equal(lf_hyphenator_stats(shared).pattern_bytes, 0);
    bool after[sizeof(word)];
    assert_true(points(shared, after));
    /* "Inte-gra-ti-ons-zen-trum": a point after "Integrations" */
    assert_true(after[strlen("Integrations") - 1]);
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

    /* freed (the kiosk, once every page is laid out): a word in the memo
     * keeps its points; one not in it has none until the patterns, read
     * again in the background, are adopted */
    char known[256], got[256], want[256];
    points_by(h, "de", word, known, sizeof(known));
    assert_true(lf_hyphenator_release(h));
    points_by(h, "de", word, got, sizeof(got));
    assert_string_equal(got, known);
    points_by(h, "de", "Beratungsstellenleitung", got, sizeof(got));
    assert_string_equal(got, "Beratungsstellenleitung");
    assert_int_equal(lf_hyphenator_stats(h).reloads, 1);
    assert_false(lf_hyphenator_release(h)); /* being read: nothing to free */
    assert_true(lf_hyphenator_wait_loaded(h));
    assert_false(lf_hyphenator_release(h)); /* read, not adopted: kept */
    points_by(h, "de", "Beratungsstellenleitung", got, sizeof(got));
    assert_string_equal(got, "Beratungsstellenleitung");
    assert_int_equal(lf_hyphenator_generation(h), generation + 1);
    assert_true(lf_hyphenator_adopt(h));
    assert_int_equal(lf_hyphenator_generation(h), generation + 2);
    points_by(h, "de", "Beratungsstellenleitung", got, sizeof(got));
    points_by(shared, "de", "Beratungsstellenleitung", want, sizeof(want));
    assert_string_equal(got, want);
    assert_non_null(strchr(got, '='));
    points_by(h, "de", word, got, sizeof(got));
    assert_string_equal(got, known);
    assert_int_equal(lf_hyphenator_stats(h).reloads, 1);
    /* a language without patterns stays without, and does not block */
    assert_false(lf_hyphen_points(h, "xx", word, strlen(word), after));
    lf_hyphenator_destroy(h);
}

static void destroy_waits_for_a_background_load(void **state)
{
    (void)state;
    struct lf_hyphenator *h = lf_hyphenator_create(LF_HYPHEN_DIR);
    lf_hyphenator_set_impatient(h, true);
    /* English and Russian: a tenth of German's reading (which the other
     * tests do often enough), still under way when destroy comes at once */
    const char *langs[] = {"en", "ru"};
    lf_hyphenator_preload(h, langs, 2);
    lf_hyphenator_destroy(h); /* must not free what a loader thread still writes */
}

/* The German patterns' own letter strings ("achen", "schl"...) as words,
 * each alone and joined to others (compounds run through the nextlevel
 * chain and the fallback states), some with the signs NOHYPHEN names, and
 * some real words: every state a word can reach is reached. */
#define WORDS_MAX 40000
#define WORD_BYTES 64

static size_t pattern_words(char (*words)[WORD_BYTES], size_t max)
{
    FILE *f = fopen(LF_HYPHEN_DIR "/hyph_de_DE.dic", "rb");
    assert_non_null(f);
    char line[256], frag[WORD_BYTES];
    size_t n = 0, fragments = 0;
    bool first = true;
    while (fgets(line, sizeof(line), f) && n < max / 2) {
        if (first || line[0] == '%' || line[0] == '#' || (line[0] >= 'A' && line[0] <= 'Z')) {
            first = false; /* the charset, comments, keywords */
            continue;
        }
        size_t k = 0;
        for (const char *c = line; *c && *c != '/' && *c != '\n' && *c != '\r'; c++)
            if ((*c < '0' || *c > '9') && *c != '.' && k + 1 < sizeof(frag))
                frag[k++] = *c;
        frag[k] = '\0';
        if (k == 0)
            continue;
        memcpy(words[n++], frag, k + 1);
        fragments++;
    }
    fclose(f);
    /* compounds of two or three fragments, spread over the whole file */
    for (size_t i = 0; i < fragments && n < max - 16; i += 2) {
        char a[20], b[20], c[20]; /* fragments are shorter: a pattern is a few letters */
        snprintf(a, sizeof(a), "%.19s", words[i]);
        snprintf(b, sizeof(b), "%.19s", words[(i * 7919 + 13) % fragments]);
        snprintf(c, sizeof(c), "%.19s", words[(i * 104729 + 7) % fragments]);
        snprintf(words[n++], WORD_BYTES, "%s%s", a, b);
        if (i % 6 == 0)
            snprintf(words[n++], WORD_BYTES, "%s%s%s", a, b, c);
        if (i % 50 == 0) /* NOHYPHEN "-,'": no point next to these */
            snprintf(words[n++], WORD_BYTES, "%s-%s'%s", a, b, c);
    }
    static const char *const real[] = {
        "integrationszentrum", "beratungsstelle", "schifffahrt", "schiffahrt",
        "aufenthaltserlaubnis", "sprachkurs", "kinderbetreuung", "ausländerbehörde",
        "staatsangehörigkeit", "migrationsberatung", "einbürgerungstest", "öffnungszeiten",
    };
    for (size_t i = 0; i < sizeof(real) / sizeof(real[0]) && n < max; i++)
        snprintf(words[n++], WORD_BYTES, "%s", real[i]);
    return n;
}

struct hyphenation {
    char marks[WORD_BYTES + 5];
    char word[WORD_BYTES * 2];
    char **rep;
    int *pos, *cut;
    int rc;
};

static void hyphenate(HyphenDict *d, const char *w, struct hyphenation *out)
{
    memset(out, 0, sizeof(*out));
    out->rc = hnj_hyphen_hyphenate2(d, w, (int)strlen(w), out->marks, out->word, &out->rep,
                                    &out->pos, &out->cut);
}

static void release(struct hyphenation *h, size_t n)
{
    if (h->rep)
        for (size_t i = 0; i < n; i++)
            free(h->rep[i]);
    free(h->rep);
    free(h->pos);
    free(h->cut);
}

/* A dictionary read once for the whole program (German takes seconds,
 * minutes under qemu): freed at exit by the operating system. */
static HyphenDict *loaded_once(const char *dic)
{
    static struct {
        const char *path;
        HyphenDict *d;
    } seen[4];
    for (size_t i = 0; i < sizeof(seen) / sizeof(seen[0]); i++) {
        if (seen[i].path && strcmp(seen[i].path, dic) == 0)
            return seen[i].d;
        if (!seen[i].path) {
            seen[i].path = dic;
            seen[i].d = hnj_hyphen_load(dic);
            return seen[i].d;
        }
    }
    fail_msg("more dictionaries than loaded_once keeps: %s", dic);
    return NULL;
}

static void compact_patterns_hyphenate_as_libhyphens_own(void **state)
{
    (void)state;
    HyphenDict *original = loaded_once(LF_HYPHEN_DIR "/hyph_de_DE.dic");
    assert_non_null(original);
    HyphenDict *compact = lf_hyphen_dict_compact(original);
    assert_non_null(compact);
    assert_ptr_not_equal(compact, original);
    assert_ptr_not_equal(compact->states, original->states);
    assert_int_equal(compact->num_states, original->num_states);
    assert_non_null(compact->nextlevel);
    /* German: ~280,000 states; the copy is one mapping of about 13 MB
     * (libhyphen's own: ~40 MB resident) */
    assert_true(lf_hyphen_dict_compact_size(compact) < 16u * 1024 * 1024);

    char(*words)[WORD_BYTES] = calloc(WORDS_MAX, WORD_BYTES);
    assert_non_null(words);
    size_t n = pattern_words(words, WORDS_MAX);
    assert_true(n > 5000);
    size_t points = 0, replaced = 0;
    for (size_t i = 0; i < n; i++) {
        struct hyphenation a, b;
        size_t len = strlen(words[i]);
        hyphenate(original, words[i], &a);
        hyphenate(compact, words[i], &b);
        assert_int_equal(a.rc, b.rc);
        if (memcmp(a.marks, b.marks, len) != 0 || strcmp(a.word, b.word) != 0)
            fail_msg("\"%s\": %.*s (%s) by libhyphen's patterns, %.*s (%s) by the copy",
                     words[i], (int)len, a.marks, a.word, (int)len, b.marks, b.word);
        assert_int_equal(a.rep != NULL, b.rep != NULL);
        for (size_t k = 0; a.rep && k < len; k++) {
            assert_int_equal(a.rep[k] != NULL, b.rep[k] != NULL);
            if (a.rep[k]) {
                assert_string_equal(a.rep[k], b.rep[k]);
                assert_int_equal(a.pos[k], b.pos[k]);
                assert_int_equal(a.cut[k], b.cut[k]);
                replaced++;
            }
        }
        for (size_t k = 0; k < len; k++)
            points += a.marks[k] & 1;
        release(&a, len);
        release(&b, len);
    }
    /* the comparison compared something (Debian's German patterns have no
     * replacements, "replaced" stays 0 for them) */
    assert_true(points > (size_t)n);
    (void)replaced;
    free(words);
    lf_hyphen_dict_compact_free(compact);
}

/* The points of word (UTF-8) in lang as "aus=län=der" (a '=' after each
 * byte with a point), into out. */

static void show_points(const char *lang, const char *w, char *out, size_t size)
{
    struct lf_hyphenator *h = shared;
    size_t len = strlen(w), k = 0;
    bool after[128];
    assert_true(len < sizeof(after));
    (void)lf_hyphen_points(h, lang, w, len, after);
    for (size_t i = 0; i < len && k + 2 < size; i++) {
        out[k++] = w[i];
        if (after[i])
            out[k++] = '=';
    }
    out[k] = '\0';
}

/* The points libhyphen gives the word spelt in the dictionary's own
 * single-byte charset (sb: one byte a letter; w: the same word in UTF-8),
 * shown as show_points shows them. */
static void charset_points(const char *dic, const char *sb, const char *w, char *out, size_t size)
{
    HyphenDict *d = loaded_once(dic);
    assert_non_null(d);
    assert_false(d->utf8);
    size_t n = strlen(sb), k = 0;
    char marks[128] = {0};
    char **rep = NULL;
    int *pos = NULL, *cut = NULL;
    assert_int_equal(hnj_hyphen_hyphenate3(d, sb, (int)n, marks, NULL, &rep, &pos, &cut,
                                           LF_HYPHEN_LEFT_MIN, LF_HYPHEN_RIGHT_MIN,
                                           LF_HYPHEN_LEFT_MIN, LF_HYPHEN_RIGHT_MIN),
                     0);
    assert_null(rep);
    free(pos);
    free(cut);
    const unsigned char *u = (const unsigned char *)w;
    for (size_t j = 0, i = 0; j < n; j++) { /* character j of sb is the one at w + i */
        do
            out[k++] = w[i++];
        while ((u[i] & 0xC0) == 0x80);
        if (marks[j] & 1)
            out[k++] = '=';
        assert_true(k + 5 < size);
    }
    out[k] = '\0';
}

static void german_umlauts_hyphenate_as_their_latin1_spelling(void **state)
{
    (void)state;
    static const struct {
        const char *utf8, *latin1;
    } words[] = {
        {"ausländerbehörde", "ausl\xe4nderbeh\xf6rde"},
        {"Prüfungsanmeldung", "pr\xfc" "fungsanmeldung"},
        {"Größenordnung", "gr\xf6\xdf" "enordnung"},
        {"Öffnungszeiten", "\xf6" "ffnungszeiten"},
    };
    for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++) {
        char got[256], want[256];
        show_points("de", words[i].utf8, got, sizeof(got));
        charset_points(LF_HYPHEN_DIR "/hyph_de_DE.dic", words[i].latin1, words[i].utf8, want,
                       sizeof(want));
        if (strcmp(got, want) != 0)
            fail_msg("%s: %s, but its Latin-1 spelling: %s", words[i].utf8, got, want);
        assert_non_null(strchr(got, '='));
    }
    char got[256];
    show_points("de", "ausländerbehörde", got, sizeof(got));
    /* the umlauts were read as two unknown bytes: "...=behör=de" (and
     * no point before "de": LF_HYPHEN_RIGHT_MIN) */
    assert_string_equal(got, "aus=län=der=be=hörde");
    show_points("de", "Größenordnung", got, sizeof(got));
    assert_non_null(strstr(got, "ßen"));
}

static void russian_hyphenates_in_koi8r(void **state)
{
    (void)state;
    char got[256], want[256];
    /* "информация" in KOI8-R */
    charset_points(LF_HYPHEN_DIR "/hyph_ru_RU.dic", "\xc9\xce\xc6\xcf\xd2\xcd\xc1\xc3\xc9\xd1",
                   "информация", want, sizeof(want));
    show_points("ru", "информация", got, sizeof(got));
    assert_string_equal(got, want);
    /* what Debian's Russian patterns give it */
    assert_string_equal(got, "информа=ция");
    show_points("ru", "Информация", got, sizeof(got));
    assert_string_equal(got, "Информа=ция");
}

static void a_letter_outside_the_charset_gives_no_points(void **state)
{
    (void)state;
    char got[256];
    /* "ř" is not in ISO8859-1, Ukrainian "і" not in KOI8-R */
    show_points("de", "Dvořákstraßenbahnhof", got, sizeof(got));
    assert_string_equal(got, "Dvořákstraßenbahnhof");
    show_points("ru", "інформація", got, sizeof(got));
    assert_string_equal(got, "інформація");
    /* the same word without it has points */
    show_points("de", "Dvorakstraßenbahnhof", got, sizeof(got));
    assert_non_null(strchr(got, '='));
}


/* Words for the memo: German (umlauts, gender signs), a German name in
 * an Arabic text, Russian; each as "word=s" with its points. */
static const struct {
    const char *lang, *word;
} memo_words[] = {
    {"de", "Integrationszentrum"},     {"de", "Ausländerbehörde"},
    {"de", "Migrant*innenberatung"},   {"de", "Lehrer:innenfortbildung"},
    {"de", "Staatsangehörigkeit"},     {"de", "«Öffnungszeiten»"},
    {"ar", "Integrationskursträger"},  {"ru", "информация"},
    {"de-AT", "Sprachförderung"},      {"de", "Aufenthaltserlaubnis."},
};
#define MEMO_WORDS (sizeof(memo_words) / sizeof(memo_words[0]))

/* The points of word in lang by h, as show_points shows them. */
static void points_by(struct lf_hyphenator *h, const char *lang, const char *w, char *out,
                      size_t size)
{
    struct lf_hyphenator *was = shared;
    shared = h;
    show_points(lang, w, out, size);
    shared = was;
}

/* One hyphenator's memo, patterns freed and read again (German takes
 * seconds to read, minutes under qemu: one hyphenator for all of it). */
static void memo_gives_the_points_of_the_patterns(void **state)
{
    (void)state;
    struct lf_hyphenator *h = lf_hyphenator_create(LF_HYPHEN_DIR);
    char want[MEMO_WORDS][256], got[256], other[256];
    for (size_t i = 0; i < MEMO_WORDS; i++) {
        points_by(h, memo_words[i].lang, memo_words[i].word, want[i], sizeof(want[i]));
        /* the same as a hyphenator that never frees its patterns */
        points_by(shared, memo_words[i].lang, memo_words[i].word, got, sizeof(got));
        assert_string_equal(want[i], got);
    }
    assert_non_null(strchr(want[0], '='));
    struct lf_hyphen_stats st = lf_hyphenator_stats(h);
    assert_true(st.pattern_bytes > 0);
    assert_true(st.memo_words >= MEMO_WORDS); /* a word parted by a gender sign: two */
    assert_true(lf_hyphenator_release(h));
    assert_false(lf_hyphenator_release(h)); /* nothing left to free */
    st = lf_hyphenator_stats(h);
    assert_int_equal(st.pattern_bytes, 0);
    assert_int_equal(st.released, 2); /* de, ru */
    /* without patterns, from the memo: the same points, nothing read again */
    for (size_t i = 0; i < MEMO_WORDS; i++) {
        points_by(h, memo_words[i].lang, memo_words[i].word, got, sizeof(got));
        assert_string_equal(want[i], got);
    }
    /* in another case the same word: the same points (the memo keeps it
     * as the patterns see it, lower case) */
    points_by(h, "de", "INTEGRATIONSZENTRUM", got, sizeof(got));
    assert_int_equal(strlen(got), strlen(want[0]));
    for (size_t i = 0; got[i]; i++)
        assert_int_equal(got[i] == '=', want[0][i] == '=');
    st = lf_hyphenator_stats(h);
    assert_int_equal(st.pattern_bytes, 0);
    assert_int_equal(st.reloads, 0);

    /* a word not in the memo: patient, the patterns are read again at once */
    points_by(h, "de", "Beratungsstellenleitung", got, sizeof(got));
    points_by(shared, "de", "Beratungsstellenleitung", other, sizeof(other));
    assert_string_equal(got, other);
    assert_non_null(strchr(got, '='));
    st = lf_hyphenator_stats(h);
    assert_int_equal(st.reloads, 1);
    assert_true(st.pattern_bytes > 0);
    assert_int_equal(st.released, 1); /* ru: not needed */

    /* the memo keeps at most its limit; words past it come from the
     * patterns, which are then never freed (they would be read again) */
    lf_hyphenator_memo_limit(h, st.memo_words + 2);
    static const char *const more[] = {"Kinderbetreuung", "Sprachkursanmeldung",
                                       "Wohnungssuche", "Familienzusammenführung",
                                       "Anerkennungsberatung"};
    for (size_t i = 0; i < sizeof(more) / sizeof(more[0]); i++) {
        points_by(h, "de", more[i], got, sizeof(got));
        points_by(shared, "de", more[i], other, sizeof(other));
        assert_string_equal(got, other);
        assert_non_null(strchr(got, '='));
    }
    size_t kept = st.memo_words + 2;
    st = lf_hyphenator_stats(h);
    assert_int_equal(st.memo_words, kept);
    assert_true(st.memo_full);
    assert_false(lf_hyphenator_release(h));
    assert_true(lf_hyphenator_stats(h).pattern_bytes > 0);
    lf_hyphenator_destroy(h);
}

/* Word n of a made-up Russian text: four syllables, each from its own
 * digit of n (4096 words, all different). */
static void russian_word(size_t n, char *out, size_t size)
{
    static const char *const syllables[] = {"ра", "бо", "та", "ни", "ку", "ле", "мо", "зи"};
    out[0] = '\0';
    for (int i = 0; i < 4; i++, n /= 8) {
        size_t used = strlen(out);
        snprintf(out + used, size - used, "%s", syllables[n % 8]);
    }
}

#define ROUND_WORDS 20
#define ROUNDS 8

/* A kiosk taking bundle after bundle, each with words of its own: the
 * words of earlier bundles (rounds) leave the memo, at the release or
 * when a new word needs room, so it never fills and the patterns are
 * freed after every bundle; the current bundle's words stay (asked for
 * again, no patterns are read). */
static void earlier_rounds_leave_the_memo(void **state)
{
    (void)state;
    struct lf_hyphenator *h = lf_hyphenator_create(LF_HYPHEN_DIR);
    lf_hyphenator_memo_limit(h, 2 * ROUND_WORDS);
    char w[64], want[ROUND_WORDS][256], got[256];
    for (size_t r = 0; r < ROUNDS; r++) {
        lf_hyphenator_new_round(h);
        for (size_t i = 0; i < ROUND_WORDS; i++) {
            russian_word(r * ROUND_WORDS + i, w, sizeof(w));
            points_by(h, "ru", w, want[i], sizeof(want[i]));
            points_by(shared, "ru", w, got, sizeof(got));
            assert_string_equal(want[i], got);
        }
        struct lf_hyphen_stats st = lf_hyphenator_stats(h);
        assert_false(st.memo_full);
        assert_true(st.memo_words <= 2 * ROUND_WORDS);
        assert_true(st.pattern_bytes > 0);
        if (r % 2 == 1 && r + 1 < ROUNDS)
            continue; /* not released: the next round's words make room */
        assert_true(lf_hyphenator_release(h));
        st = lf_hyphenator_stats(h);
        assert_int_equal(st.pattern_bytes, 0);
        assert_int_equal(st.memo_words, ROUND_WORDS); /* this round's alone */
        unsigned reloads = st.reloads;
        for (size_t i = 0; i < ROUND_WORDS; i++) {
            russian_word(r * ROUND_WORDS + i, w, sizeof(w));
            points_by(h, "ru", w, got, sizeof(got));
            assert_string_equal(want[i], got);
        }
        st = lf_hyphenator_stats(h);
        assert_int_equal(st.reloads, reloads);
        assert_int_equal(st.pattern_bytes, 0);
    }
    assert_non_null(strchr(want[0], '='));
    /* an earlier round's word is gone: the patterns are read again */
    unsigned reloads = lf_hyphenator_stats(h).reloads;
    russian_word(0, w, sizeof(w));
    points_by(h, "ru", w, got, sizeof(got));
    assert_int_equal(lf_hyphenator_stats(h).reloads, reloads + 1);
    lf_hyphenator_destroy(h);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(patient_waits_for_the_patterns),
        cmocka_unit_test(impatient_answers_at_once_then_uses_them),
        cmocka_unit_test(destroy_waits_for_a_background_load),
        cmocka_unit_test(compact_patterns_hyphenate_as_libhyphens_own),
        cmocka_unit_test(german_umlauts_hyphenate_as_their_latin1_spelling),
        cmocka_unit_test(russian_hyphenates_in_koi8r),
        cmocka_unit_test(a_letter_outside_the_charset_gives_no_points),
        cmocka_unit_test(memo_gives_the_points_of_the_patterns),
        cmocka_unit_test(earlier_rounds_leave_the_memo),
    };
    shared = lf_hyphenator_create(LF_HYPHEN_DIR);
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    lf_hyphenator_destroy(shared);
    return failed;
}
