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
#include <dirent.h>
#include <espeak-ng/speak_lib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "speech/script_lang.h"
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

/* Which voices name emoji (lf_voice_emoji_names) is read from eSpeak
 * NG's installed data, not a list written here: each voice's dictionary
 * holds the emoji list or not ("no" for nb, "cmn" for zh, Dari read as
 * Persian). A data folder whose Ukrainian dictionary has the list and
 * which has no French one answers so; without the data (no phontab) the
 * script falls back on its own list. */
static void emoji_names_come_from_the_installed_data(void **state)
{
    (void)state;
    static const struct {
        const char *lang;
        enum lf_voice_emoji want;
    } real[] = {{"de", LF_VOICE_EMOJI_NAMED}, {"fr", LF_VOICE_EMOJI_NAMED}, {"en", LF_VOICE_EMOJI_NAMED},
                {"zh", LF_VOICE_EMOJI_NAMED}, {"prs", LF_VOICE_EMOJI_NAMED}, {"tr", LF_VOICE_EMOJI_NAMED},
                {"ar", LF_VOICE_EMOJI_NAMED}, {"ru", LF_VOICE_EMOJI_NAMED}, {"uk", LF_VOICE_EMOJI_NONE},
                {"ku", LF_VOICE_EMOJI_NONE},  {"he", LF_VOICE_EMOJI_NONE},  {"nb", LF_VOICE_EMOJI_NONE},
                {"ti", LF_VOICE_EMOJI_NONE}};
    for (size_t i = 0; i < sizeof(real) / sizeof(real[0]); i++)
        if (lf_voice_emoji_names(real[i].lang) != real[i].want)
            fail_msg("%s: emoji named %d, want %d", real[i].lang, (int)lf_voice_emoji_names(real[i].lang),
                     (int)real[i].want);
    /* a data folder of our own: the installed one's files, a Ukrainian
     * dictionary with an emoji list, no French dictionary */
    const char *home = NULL;
    espeak_Info(&home);
    assert_non_null(home);
    char installed[4096], top[] = "/tmp/test_voice_XXXXXX", data[256], path[4400];
    snprintf(installed, sizeof(installed), "%s", home);
    assert_non_null(mkdtemp(top));
    snprintf(data, sizeof(data), "%s/espeak-ng-data", top);
    assert_int_equal(mkdir(data, 0700), 0);
    DIR *d = opendir(installed);
    assert_non_null(d);
    for (struct dirent *e; (e = readdir(d)) != NULL;) {
        if (e->d_name[0] == '.' || strcmp(e->d_name, "uk_dict") == 0 || strcmp(e->d_name, "fr_dict") == 0)
            continue;
        char from[4400];
        snprintf(from, sizeof(from), "%s/%s", installed, e->d_name);
        snprintf(path, sizeof(path), "%s/%s", data, e->d_name);
        assert_int_equal(symlink(from, path), 0);
    }
    closedir(d);
    snprintf(path, sizeof(path), "%s/uk_dict", data);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fputs("\x07\x04\xF0\x9F\x98\x80 ... \xE2\x9C\x89", f);
    fclose(f);
    assert_int_equal(setenv("ESPEAK_DATA_PATH", top, 1), 0);
    lf_voice_shutdown();
    assert_true(lf_voice_init());
    assert_int_equal(lf_voice_emoji_names("uk"), LF_VOICE_EMOJI_NAMED);
    assert_int_equal(lf_voice_emoji_names("fr"), LF_VOICE_EMOJI_NONE);
    assert_int_equal(lf_voice_emoji_names("de"), LF_VOICE_EMOJI_NAMED);
    assert_true(lf_script_voice_names_emoji("uk"));
    assert_false(lf_script_voice_names_emoji("fr"));
    /* the data not found: the script's own list (uk no, fr yes) */
    snprintf(path, sizeof(path), "%s/phontab", data);
    assert_int_equal(unlink(path), 0);
    lf_voice_shutdown();
    assert_int_equal(lf_voice_emoji_names("uk"), LF_VOICE_EMOJI_UNKNOWN);
    assert_false(lf_script_voice_names_emoji("uk"));
    assert_true(lf_script_voice_names_emoji("fr"));
    /* back to the installed data for the other tests */
    unsetenv("ESPEAK_DATA_PATH");
    lf_voice_shutdown();
    assert_true(lf_voice_init());
    assert_int_equal(lf_voice_emoji_names("uk"), LF_VOICE_EMOJI_NONE);
    d = opendir(data);
    assert_non_null(d);
    for (struct dirent *e; (e = readdir(d)) != NULL;) {
        if (e->d_name[0] == '.')
            continue;
        snprintf(path, sizeof(path), "%s/%s", data, e->d_name);
        unlink(path);
    }
    closedir(d);
    rmdir(data);
    rmdir(top);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_voice_comes_back_after_a_german_part),
        cmocka_unit_test(the_cue_in_the_visitors_voice_the_text_in_german),
        cmocka_unit_test(voices_for_the_languages),
        cmocka_unit_test(the_ukrainian_apostrophe_is_read),
        cmocka_unit_test(emoji_names_come_from_the_installed_data),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
