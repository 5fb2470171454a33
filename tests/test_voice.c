/* Voices (speech/voice.h): what eSpeak NG says, read as its phonemes
 * (synthesised with the script's SSML voice changes, so this is what a
 * visitor hears). A German part (<voice xml:lang="de">) is read by the
 * German voice, and the visitor's voice comes back after it, also for
 * languages eSpeak NG files under a regional voice (fr: fr-fr, en:
 * en-gb; French went on in German after a German name before). The
 * "only in German" cue of a page is said by the visitor's voice, the
 * German text by the German one. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "speech/voice.h"

static int setup(void **state)
{
    (void)state;
    return lf_voice_init() ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    lf_voice_shutdown();
    return 0;
}

/* phonemes of text in lang contain `want` and not `never` */
static void says(const char *lang, const char *text, const char *want, const char *never)
{
    char *ph = lf_voice_phonemes(lang, text);
    if (!strstr(ph, want) || (never && strstr(ph, never)))
        fail_msg("%s: \"%s\" is said as\n  %s\nexpected \"%s\"%s%s", lang, text, ph, want,
                 never ? ", never " : "", never ? never : "");
    free(ph);
}

static void the_voice_comes_back_after_a_german_part(void **state)
{
    (void)state;
    /* "cinq trois" in French (s'E~k trw'a), not in German (k'Ink tr'o:Is) */
    says("fr", "Bonjour. <voice xml:lang=\"de\">Hallo.</voice> cinq trois.", "trw'a", "tr'o:Is");
    says("fr", "Bonjour. <voice xml:lang=\"de\">Hallo.</voice> cinq trois.", "h'alo:", NULL);
    /* "5" in English (f'aIv), not German "fünf" */
    says("en", "Hello. <voice xml:lang=\"de\">Hallo.</voice> 5.", "f'aIv", "f'ynf");
    says("pl", "Dzień dobry. <voice xml:lang=\"de\">Hallo.</voice> pięć.", "p;'En^ts;", NULL);
    says("el", "Γεια. <voice xml:lang=\"de\">Hallo.</voice> πέντε.", "p'ede", NULL);
}

static void the_cue_in_the_visitors_voice_the_text_in_german(void **state)
{
    (void)state;
    const char *tr = "Bu metin yalnızca Almanca. <voice xml:lang=\"de\">Am 24. Dezember "
                     "geschlossen.</voice> Kapalı.";
    says("tr", tr, "bU met'In", NULL);        /* the cue: Turkish */
    says("tr", tr, "de:ts'E2mb3", "dez&mb"); /* "Dezember": German, not Turkish */
    says("tr", tr, "kapaL'@", NULL);          /* and Turkish again */
}

/* Ukrainian written with its apostrophe U+02BC (the kiosk's own "о
 * девʼятій" too) is read as words: the voice spelled "пʼятниця" letter by
 * letter and named the sign in English */
static void the_ukrainian_apostrophe_is_read(void **state)
{
    (void)state;
    says("uk", "пʼятниця, о девʼятій", "pjatn'itsja", "(en)");
    says("uk", "пʼятниця, о девʼятій", "div'jatij", NULL);
}

static void voices_for_the_languages(void **state)
{
    (void)state;
    char v[LF_SPEECH_VOICE_NAME];
    static const char *const with[] = {"de", "de-x-ls", "en", "tr", "ar", "fa", "prs", "uk",
                                       "ru", "pl", "ro", "bg", "sr", "sq", "el", "fr", "ku",
                                       "es", "it", "vi", "nl", "hr", "bs", "mk", "hu", "cs",
                                       "sk", "sl", "pt"};
    for (size_t i = 0; i < sizeof(with) / sizeof(with[0]); i++)
        if (!lf_voice_for(with[i], v, sizeof(v)))
            fail_msg("no voice for %s", with[i]);
    /* the voice eSpeak NG ranks first for the language, and the
     * language's own: English is not read with the Caribbean voice
     * (en-029, first in the list), Persian not with Arabic, Ukrainian not
     * with Russian, Dari with Persian */
    static const struct {
        const char *lang, *voice;
    } chosen[] = {{"en", "en-gb"}, {"de", "de"}, {"de-x-ls", "de"}, {"fa", "fa"},
                  {"prs", "fa"}, {"ar", "ar"}, {"uk", "uk"}, {"ru", "ru"}, {"tr", "tr"},
                  {"pl", "pl"}, {"ku", "ku"}, {"kmr", "ku"}, {"ku-Latn", "ku"}};
    for (size_t i = 0; i < sizeof(chosen) / sizeof(chosen[0]); i++) {
        assert_true(lf_voice_for(chosen[i].lang, v, sizeof(v)));
        if (strcmp(v, chosen[i].voice) != 0)
            fail_msg("%s is read by %s, not %s", chosen[i].lang, v, chosen[i].voice);
    }
    static const char *const without[] = {"ti", "ps", "ckb", "so", "ku-Arab", "kmr-Arab"};
    for (size_t i = 0; i < sizeof(without) / sizeof(without[0]); i++)
        assert_false(lf_voice_for(without[i], v, sizeof(v)));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_voice_comes_back_after_a_german_part),
        cmocka_unit_test(the_cue_in_the_visitors_voice_the_text_in_german),
        cmocka_unit_test(voices_for_the_languages),
        cmocka_unit_test(the_ukrainian_apostrophe_is_read),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
