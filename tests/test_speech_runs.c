/* Texts in two writing systems (speech/script_runs.h): the runs a text
 * is split into and the voice each gets, in the script and in what eSpeak
 * NG says. A Ukrainian name in a German sentence was spelled by the
 * German voice ("kyrillisch o, kyrillisch el, ..."). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "content/bundle.h"
#include "core/civil_time.h"
#include "core/xalloc.h"
#include "speech/script.h"
#include "speech/script_runs.h"
#include "speech/voice.h"

struct run_want {
    const char *lang, *text;
};

/* The runs of `text` read in `lang` are exactly `want` (up to a NULL lang). */
static void runs_are(const char *lang, const char *text, const struct run_want *want)
{
    struct lf_speech_run *runs;
    size_t n = lf_speech_runs(lang, text, NULL, &runs);
    size_t k = 0;
    while (want[k].lang)
        k++;
    bool same = n == k;
    for (size_t i = 0; same && i < n; i++)
        same = strcmp(runs[i].lang, want[i].lang) == 0 && strlen(want[i].text) == runs[i].len &&
               strncmp(text + runs[i].start, want[i].text, runs[i].len) == 0;
    if (!same) {
        for (size_t i = 0; i < n; i++)
            print_error("  run %zu: %s%s \"%.*s\"\n", i, runs[i].lang,
                        runs[i].foreign ? " (foreign)" : "", (int)runs[i].len,
                        text + runs[i].start);
        fail_msg("%s \"%s\": %zu runs, want %zu (above: what came out)", lang, text, n, k);
    }
    free(runs);
}

static void a_text_is_split_by_writing_system(void **state)
{
    (void)state;
    runs_are("de", "Beratung bei Frau Олена Коваль",
             (const struct run_want[]){{"de", "Beratung bei Frau "}, {"uk", "Олена Коваль"}, {0}});
    /* a German street in an Arabic sentence, the number in Arabic */
    runs_are("ar", "اجتماع في Klemensstraße 10",
             (const struct run_want[]){{"ar", "اجتماع في "}, {"de", "Klemensstraße"}, {"ar", " 10"},
                                       {0}});
    /* Russian by its letters, Persian by its letters, Ukrainian with an apostrophe */
    runs_are("de", "Frau Эльвира Ким, Herr رضا احمدی und Мар'яна.",
             (const struct run_want[]){{"de", "Frau "}, {"ru", "Эльвира Ким"}, {"de", ", Herr "},
                                       {"fa", "رضا احمدی"}, {"de", " und "}, {"uk", "Мар'яна"},
                                       {"de", "."}, {0}});
    runs_are("tr", "Danışma: Олена Коваль-Шевченко",
             (const struct run_want[]){{"tr", "Danışma: "}, {"uk", "Олена Коваль-Шевченко"}, {0}});
    runs_are("uk", "Консультація в Caritas Münster",
             (const struct run_want[]){{"uk", "Консультація в "}, {"de", "Caritas Münster"}, {0}});
    /* a text in its own writing system is one run; Latin in English too */
    runs_are("en", "Advice with Mrs Müller",
             (const struct run_want[]){{"en", "Advice with Mrs Müller"}, {0}});
    runs_are("uk", "Олена Коваль", (const struct run_want[]){{"uk", "Олена Коваль"}, {0}});
    /* a part already marked for the German voice stays whole */
    runs_are("ar", "\x01Klemensstraße 10\x02 غدا",
             (const struct run_want[]){{"ar", "\x01Klemensstraße 10\x02 غدا"}, {0}});
    struct lf_speech_run *runs;
    assert_int_equal(lf_speech_runs("de", "", NULL, &runs), 0);
    free(runs);
}

/* Russian text gets the Russian voice, Ukrainian the Ukrainian one: by
 * ы э ё, by Russian's hard sign before е ё ю я (Bulgarian's ъ stays
 * Bulgarian), by Ukrainian's apostrophe, by the letters of the whole text
 * for a name in it, and a long text without і ї є ґ as Russian; it was
 * all read by the Ukrainian voice but for ы э ё */
static void russian_and_ukrainian_get_their_voices(void **state)
{
    (void)state;
    runs_are("de", "Aushang: Объявление для подъезда",
             (const struct run_want[]){{"de", "Aushang: "}, {"ru", "Объявление для подъезда"}, {0}});
    runs_are("de", "Frau Мария от България",
             (const struct run_want[]){{"de", "Frau "}, {"bg", "Мария от България"}, {0}});
    runs_are("de", "Frau Ольга Смирнова: консультация на русском языке",
             (const struct run_want[]){{"de", "Frau "}, {"ru", "Ольга Смирнова"}, {"de", ": "},
                                       {"ru", "консультация на русском языке"}, {0}});
    runs_are("de", "Frau Олена Коваль: консультація українською мовою",
             (const struct run_want[]){{"de", "Frau "}, {"uk", "Олена Коваль"}, {"de", ": "},
                                       {"uk", "консультація українською мовою"}, {0}});
    runs_are("en", "Advice: Приходите по вторникам после обеда",
             (const struct run_want[]){{"en", "Advice: "}, {"ru", "Приходите по вторникам после обеда"},
                                       {0}});
    runs_are("de", "Frau Олена Коваль und Мар'яна",
             (const struct run_want[]){{"de", "Frau "}, {"uk", "Олена Коваль"}, {"de", " und "},
                                       {"uk", "Мар'яна"}, {0}});
}

/* Cyrillic without letters of its own ("Консультация по средам": no ы э
 * ё ъ, no і ї є ґ) takes the Cyrillic language the content declares (the
 * item's languages, a Russian visitor's German text); it was read by
 * the Ukrainian voice. Letters still decide first. */
static void a_declared_language_decides_for_cyrillic(void **state)
{
    (void)state;
    const char *text = "Beratung: Консультация по средам";
    runs_are("de", text, (const struct run_want[]){{"de", "Beratung: "}, {"uk", "Консультация по средам"}, {0}});
    struct lf_speech_run *runs;
    size_t n = lf_speech_runs("de", text, "ru", &runs);
    assert_int_equal(n, 2);
    assert_string_equal(runs[1].lang, "ru");
    free(runs);
    n = lf_speech_runs("de", "Frau Олена Коваль: консультація", "ru", &runs);
    assert_int_equal(n, 4);
    assert_string_equal(runs[1].lang, "uk"); /* the text's і says Ukrainian */
    free(runs);
    char buf[16];
    assert_string_equal(lf_speech_declared_cyrillic((const char *[]){"de", "ar", "ru-RU", "ru"}, 4, buf, sizeof(buf)), "ru");
    assert_string_equal(lf_speech_declared_cyrillic((const char *[]){"uk", "de"}, 2, buf, sizeof(buf)), "uk");
    assert_null(lf_speech_declared_cyrillic((const char *[]){"ru", "uk"}, 2, buf, sizeof(buf)));
    assert_null(lf_speech_declared_cyrillic((const char *[]){"de", "ar", "tr"}, 3, buf, sizeof(buf)));
}

static const char declared_manifest[] =
    "{\"format\": 1, \"organisation\": \"KI\", \"items\": [\n"
    " {\"kind\": \"offer\", \"id\": \"ru\", \"languages\": [\"de\", \"ru\"],\n"
    "  \"title\": {\"de\": \"Beratung: Консультация по средам\"}, \"description\": \"Mit Termin.\"},\n"
    " {\"kind\": \"offer\", \"id\": \"nothing\",\n"
    "  \"title\": {\"de\": \"Beratung: Консультация по средам\", \"en\": \"Advice\"},\n"
    "  \"description\": \"Mit Termin.\"}]}\n";

static void the_script_reads_cyrillic_in_the_declared_language(void **state)
{
    (void)state;
    time_t now;
    assert_true(lf_civil_time_init() && lf_parse_datetime("2026-12-09T10:00", &now));
    struct lf_diags *d = lf_diags_create();
    struct lf_bundle *b = lf_bundle_parse(declared_manifest, strlen(declared_manifest), "content.json", NULL, d);
    if (!b)
        lf_diags_print(d, stderr);
    lf_diags_destroy(d);
    assert_non_null(b);
    struct lf_slide slide;
    /* the offer says its counsellors speak Russian */
    lf_speech_item_slide(&b->items[0], now, &slide);
    struct lf_spoken_page page = {.slide = &slide};
    char *de = lf_speech_script(&page, "de", now);
    assert_non_null(strstr(de, "Beratung: <voice xml:lang=\"ru\">Консультация по средам.</voice>"));
    free(de);
    /* also for a Ukrainian visitor, to whom the German text is read */
    char *uk = lf_speech_script(&page, "uk", now);
    assert_non_null(strstr(uk, "<voice xml:lang=\"ru\">Консультация по средам</voice>"));
    free(uk);
    /* nothing declared: a Russian visitor's German text is read for them */
    lf_speech_item_slide(&b->items[1], now, &slide);
    char *ru = lf_speech_script(&page, "ru", now);
    assert_non_null(strstr(ru, "<voice xml:lang=\"ru\">Консультация по средам</voice>"));
    free(ru);
    /* and nothing to go by: the guess as before */
    de = lf_speech_script(&page, "de", now);
    assert_non_null(strstr(de, "<voice xml:lang=\"uk\">Консультация по средам.</voice>"));
    free(de);
    lf_bundle_destroy(b);
}

/* Nothing declared by the item: the bundle's languages decide, when
 * one of them is Cyrillic. A bundle in Ukrainian (not Russian) read
 * Ukrainian names in a German text with the Russian voice (28 letters,
 * "long"); one in Russian read a short Russian text with the Ukrainian. */
static const char uk_bundle[] =
    "{\"format\": 1, \"organisation\": \"KI\", \"items\": [\n"
    " {\"kind\": \"offer\", \"id\": \"names\",\n"
    "  \"title\": {\"de\": \"Beratung: Олена Коваль, Олександр Коваленко\"}, \"description\": \"Mit Termin.\"},\n"
    " {\"kind\": \"offer\", \"id\": \"other\", \"title\": {\"de\": \"Sprachcafé\", \"uk\": \"Мовне кафе\"},\n"
    "  \"description\": \"Mit Termin.\"}]}\n";
static const char ru_bundle[] =
    "{\"format\": 1, \"organisation\": \"KI\", \"items\": [\n"
    " {\"kind\": \"offer\", \"id\": \"short\",\n"
    "  \"title\": {\"de\": \"Beratung: Консультация по средам\"}, \"description\": \"Mit Termin.\"},\n"
    " {\"kind\": \"offer\", \"id\": \"other\", \"title\": {\"de\": \"Sprachcafé\", \"ru\": \"Языковое кафе\"},\n"
    "  \"description\": \"Mit Termin.\"}]}\n";

static char *bundle_script(const char *json, bool with_languages)
{
    time_t now;
    assert_true(lf_civil_time_init() && lf_parse_datetime("2026-12-09T10:00", &now));
    struct lf_diags *d = lf_diags_create();
    struct lf_bundle *b = lf_bundle_parse(json, strlen(json), "content.json", NULL, d);
    if (!b)
        lf_diags_print(d, stderr);
    lf_diags_destroy(d);
    assert_non_null(b);
    struct lf_slide slide;
    lf_speech_item_slide(&b->items[0], now, &slide);
    struct lf_spoken_page page = {.slide = &slide};
    if (with_languages) {
        page.languages = (const char *const *)b->languages;
        page.n_languages = b->n_languages;
    }
    char *s = lf_speech_script(&page, "de", now);
    lf_bundle_destroy(b);
    return s;
}

static void the_bundles_languages_decide_for_cyrillic(void **state)
{
    (void)state;
    char *s = bundle_script(uk_bundle, true);
    if (!strstr(s, "<voice xml:lang=\"uk\">Олена Коваль</voice>, <voice xml:lang=\"uk\">Олександр Коваленко"))
        fail_msg("a bundle in Ukrainian: %s", s);
    free(s);
    s = bundle_script(ru_bundle, true);
    if (!strstr(s, "<voice xml:lang=\"ru\">Консультация по средам"))
        fail_msg("a bundle in Russian: %s", s);
    free(s);
    /* without the bundle's languages: the guess by length as before */
    s = bundle_script(uk_bundle, false);
    assert_non_null(strstr(s, "<voice xml:lang=\"ru\">Олена Коваль</voice>"));
    free(s);
}

static const char manifest[] =
    "{\"format\": 1, \"organisation\": \"KI\", \"items\": [\n"
    " {\"kind\": \"offer\", \"id\": \"beratung\",\n"
    "  \"title\": {\"de\": \"Beratung bei Frau Олена Коваль\",\n"
    "             \"ar\": \"استشارة في Klemensstraße\"},\n"
    "  \"description\": {\"de\": \"Mit Termin.\", \"ar\": \"بموعد.\"}}]}\n";

static void the_script_gives_each_run_its_voice(void **state)
{
    (void)state;
    time_t now;
    assert_true(lf_civil_time_init() && lf_parse_datetime("2026-12-09T10:00", &now));
    struct lf_diags *d = lf_diags_create();
    struct lf_bundle *b = lf_bundle_parse(manifest, strlen(manifest), "content.json", NULL, d);
    if (!b)
        lf_diags_print(d, stderr);
    lf_diags_destroy(d);
    assert_non_null(b);
    struct lf_slide slide;
    lf_speech_item_slide(&b->items[0], now, &slide);
    struct lf_spoken_page page = {.slide = &slide};
    char *de = lf_speech_script(&page, "de", now);
    assert_string_equal(de, "Beratung bei Frau <voice xml:lang=\"uk\">Олена Коваль.</voice> Mit Termin.");
    char *ar = lf_speech_script(&page, "ar", now);
    assert_string_equal(ar, "استشارة في <voice xml:lang=\"de\">Klemensstraße.</voice> بموعد.");
    /* what is heard: the name read by the Ukrainian voice, not spelled
     * by the German one ("ky:R'IlIS_:(en)'o:(de)" before) */
    if (lf_voice_init()) {
        char *ph = lf_voice_phonemes("de", de);
        if (!strstr(ph, "k'oval") || strstr(ph, "ky:R'IlIS") || !strstr(ph, "b@R'AtUN"))
            fail_msg("said as %s", ph);
        free(ph);
        ph = lf_voice_phonemes("ar", ar);
        if (!strstr(ph, "kl'e:m@nsStr") || strstr(ph, "(en)"))
            fail_msg("said as %s", ph);
        free(ph);
        lf_voice_shutdown();
    } else {
        fail_msg("eSpeak NG did not start");
    }
    free(ar);
    free(de);
    lf_bundle_destroy(b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_text_is_split_by_writing_system),
        cmocka_unit_test(russian_and_ukrainian_get_their_voices),
        cmocka_unit_test(the_script_gives_each_run_its_voice),
        cmocka_unit_test(a_declared_language_decides_for_cyrillic),
        cmocka_unit_test(the_script_reads_cyrillic_in_the_declared_language),
        cmocka_unit_test(the_bundles_languages_decide_for_cyrillic),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
