#include "speech/voice.h"

#include <espeak-ng/espeak_ng.h>
#include <espeak-ng/speak_lib.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static bool tried, started;
/* the synthesis' rate once started, else 0: written under `lock`, read
 * without it, so asking never waits for a reading whose sound plays */
static atomic_int sample_rate;

/* the synthesis running now (under lock) */
static lf_voice_sink current_sink;
static void *current_ctx;
static bool current_stopped;

/* The languages eSpeak NG has voices for, read once when it starts
 * (espeak_ListVoices reads every voice file from disk). Guarded by
 * list_lock, never by `lock`: asking which voice a language has must not
 * wait for a synthesis that holds `lock` while its sound plays. */
#define MAX_VOICE_LANGUAGES 512
static pthread_mutex_t list_lock = PTHREAD_MUTEX_INITIALIZER;
static char voice_languages[MAX_VOICE_LANGUAGES][LF_SPEECH_VOICE_NAME];
/* The first language of the voice each of those languages came from
 * ("fr-fr" for "fr", "en-gb" for "en"): the voice is chosen by it, since
 * a voice chosen by a secondary language does not come back after an
 * SSML <voice> part (a French page went on in German after a German name). */
static char voice_primary[MAX_VOICE_LANGUAGES][LF_SPEECH_VOICE_NAME];
/* eSpeak NG's priority of the language for that voice: lower is better
 * ("en" is en-gb's at 2, en-us's at 3, the Caribbean en-029's at 10) */
static unsigned char voice_priority[MAX_VOICE_LANGUAGES];
static size_t n_voice_languages;
static bool list_ready;

static int on_samples(short *wav, int n, espeak_EVENT *events)
{
    (void)events;
    if (!wav || n <= 0 || current_stopped)
        return current_stopped ? 1 : 0;
    if (!current_sink(current_ctx, (const int16_t *)wav, (size_t)n)) {
        current_stopped = true;
        return 1;
    }
    return 0;
}

/* The list of languages with a voice (under `lock`): read from
 * eSpeak NG's voice files without starting its synthesis, so a kiosk
 * that shows a read-aloud button holds none of its data until a visitor
 * presses it. */
static bool listed_tried, listed;

static bool list_locked(void)
{
    if (listed_tried)
        return listed;
    listed_tried = true;
    espeak_ng_InitializePath(NULL); /* where espeak-ng-data is: nothing read yet */
    const espeak_VOICE **voices = espeak_ListVoices(NULL);
    pthread_mutex_lock(&list_lock);
    n_voice_languages = 0;
    for (size_t i = 0; voices && voices[i]; i++) {
        const espeak_VOICE *v = voices[i];
        if (v->identifier && strncmp(v->identifier, "mb/", 3) == 0)
            continue; /* MBROLA voices need data Debian ships apart */
        /* languages: (priority byte, name, NUL) ... then a zero byte */
        const char *primary = v->languages && *v->languages ? v->languages + 1 : "";
        for (const char *p = v->languages; p && *p; p += strlen(p + 1) + 2) {
            if (n_voice_languages < MAX_VOICE_LANGUAGES) {
                voice_priority[n_voice_languages] = (unsigned char)*p;
                snprintf(voice_primary[n_voice_languages], LF_SPEECH_VOICE_NAME, "%s", primary);
                snprintf(voice_languages[n_voice_languages++], LF_SPEECH_VOICE_NAME, "%s", p + 1);
            }
        }
    }
    listed = n_voice_languages > 0;
    list_ready = listed;
    pthread_mutex_unlock(&list_lock);
    if (!listed)
        lf_error("speech: eSpeak NG has no voices (is espeak-ng-data installed?)");
    return listed;
}

/* eSpeak NG's synthesis (its phonemes and a dictionary: about 1 MB),
 * started by the first synthesis. */
static bool init_locked(void)
{
    if (tried)
        return started;
    if (!list_locked())
        return false;
    tried = true;
    int rate = espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 100, NULL,
                                 espeakINITIALIZE_DONT_EXIT);
    if (rate <= 0) {
        lf_error("speech: eSpeak NG did not start (is espeak-ng-data installed?)");
        return false;
    }
    espeak_SetSynthCallback(on_samples);
    started = true;
    atomic_store(&sample_rate, rate);
    return true;
}

bool lf_voice_init(void)
{
    pthread_mutex_lock(&lock);
    bool ok = list_locked();
    pthread_mutex_unlock(&lock);
    return ok;
}

bool lf_voice_start(void)
{
    pthread_mutex_lock(&lock);
    bool ok = init_locked();
    pthread_mutex_unlock(&lock);
    return ok;
}

void lf_voice_shutdown(void)
{
    pthread_mutex_lock(&lock);
    if (started)
        espeak_Terminate();
    started = false;
    atomic_store(&sample_rate, 0);
    tried = false;
    listed_tried = listed = false;
    pthread_mutex_lock(&list_lock);
    list_ready = false;
    n_voice_languages = 0;
    pthread_mutex_unlock(&list_lock);
    pthread_mutex_unlock(&lock);
}

int lf_voice_sample_rate(void)
{
    return atomic_load(&sample_rate);
}

/* The language eSpeak NG should look for: the primary subtag, with the
 * few tags it knows under another name. */
static void wanted_language(const char *lang, char *out, size_t size)
{
    static const struct {
        const char *tag, *espeak;
    } alias[] = {
        {"prs", "fa"},  /* Dari is written as Persian */
        {"kmr", "ku"},  /* Kurmanji: eSpeak NG's "ku" */
        {"nb", "nb"}, {"no", "nb"},
        {"zh", "cmn"},
    };
    size_t n = lang ? strcspn(lang, "-_") : 0;
    if (n >= size)
        n = size - 1;
    memcpy(out, lang ? lang : "", n);
    out[n] = '\0';
    for (size_t i = 0; i < sizeof(alias) / sizeof(alias[0]); i++)
        if (strcmp(out, alias[i].tag) == 0)
            snprintf(out, size, "%s", alias[i].espeak);
    /* Kurdish in Arabic script: eSpeak NG's ku reads Latin Kurmanji and
     * names each Arabic letter in English ("Arabic sin"); it is Sorani's
     * alphabet, which has no voice */
    if (strcmp(out, "ku") == 0 && lang && strstr(lang, "-Arab"))
        snprintf(out, size, "ckb");
}

/* The voice for language `want`: an exact match ("de"), else a regional
 * one ("en" -> "en-gb" when there were no "en"); among several, the one
 * eSpeak NG ranks first for the language (as espeak_SetVoiceByProperties
 * does), not the first in the list: "en" is en-gb, not Caribbean en-029. */
static bool find_voice(const char *want, char *voice, size_t size)
{
    pthread_mutex_lock(&list_lock);
    const char *regional = NULL, *exact = NULL;
    unsigned best_exact = 256, best_regional = 256;
    size_t wl = strlen(want);
    for (size_t i = 0; i < n_voice_languages; i++) {
        const char *name = voice_languages[i];
        const char *v = voice_primary[i][0] ? voice_primary[i] : name;
        if (strcmp(name, want) == 0 && voice_priority[i] < best_exact) {
            exact = v;
            best_exact = voice_priority[i];
        } else if (strncmp(name, want, wl) == 0 && name[wl] == '-' &&
                   voice_priority[i] < best_regional) {
            regional = v;
            best_regional = voice_priority[i];
        }
    }
    const char *got = exact ? exact : regional;
    if (got)
        snprintf(voice, size, "%s", got);
    pthread_mutex_unlock(&list_lock);
    return got != NULL;
}

static bool voices_listed(void)
{
    pthread_mutex_lock(&list_lock);
    bool ready = list_ready;
    pthread_mutex_unlock(&list_lock);
    return ready;
}

bool lf_voice_for(const char *lang, char *voice, size_t size)
{
    char want[16];
    wanted_language(lang, want, sizeof(want));
    if (!want[0])
        return false;
    if (!voices_listed()) {
        /* not listed yet: nothing is being read, `lock` is free soon */
        pthread_mutex_lock(&lock);
        bool ok = list_locked();
        pthread_mutex_unlock(&lock);
        if (!ok)
            return false;
    }
    return find_voice(want, voice, size);
}

static bool select_voice_locked(const char *lang, const char *what)
{
    char want[16], voice[LF_SPEECH_VOICE_NAME];
    wanted_language(lang, want, sizeof(want));
    if (!init_locked() || !find_voice(want, voice, sizeof(voice))) {
        lf_warn("speech: no voice for \"%s\" (%s)", lang ? lang : "", what);
        return false;
    }
    espeak_VOICE spec;
    memset(&spec, 0, sizeof(spec));
    spec.languages = voice;
    if (espeak_SetVoiceByProperties(&spec) != EE_OK) {
        lf_warn("speech: eSpeak NG refused the voice \"%s\"", voice);
        return false;
    }
    return true;
}

/* The text as eSpeak NG reads it right: the apostrophe Ukrainian writes
 * (U+02BC, "пʼятниця", "девʼятій", the kiosk's own hours too) becomes
 * U+2019. eSpeak NG 1.51 spelled a word with U+02BC letter by letter and
 * named the sign in English ("p e, adjective, ja t e ..."). The caller
 * frees it. */
static char *readable(const char *text)
{
    size_t n = 0, len = strlen(text);
    for (const char *c = text; (c = strstr(c, "\xCA\xBC")) != NULL; c += 2)
        n++;
    char *out = lf_xmalloc(len + n + 1), *o = out;
    for (const char *c = text; *c;) {
        if (c[0] == '\xCA' && c[1] == '\xBC') {
            memcpy(o, "\xE2\x80\x99", 3);
            o += 3;
            c += 2;
        } else {
            *o++ = *c++;
        }
    }
    *o = '\0';
    return out;
}

bool lf_voice_speak(const char *lang, const char *text, int rate, int volume,
                    lf_voice_sink sink, void *ctx)
{
    pthread_mutex_lock(&lock);
    bool ok = select_voice_locked(lang, "reading aloud");
    if (ok) {
        espeak_SetParameter(espeakRATE, rate, 0);
        espeak_SetParameter(espeakVOLUME, volume, 0);
        current_sink = sink;
        current_ctx = ctx;
        current_stopped = false;
        char *said = readable(text);
        espeak_ERROR e = espeak_Synth(said, strlen(said) + 1, 0, POS_CHARACTER, 0,
                                      espeakCHARS_UTF8 | espeakSSML | espeakENDPAUSE, NULL, NULL);
        free(said);
        if (e != EE_OK && !current_stopped) {
            lf_error("speech: eSpeak NG failed to read (error %d)", (int)e);
            ok = false;
        }
        current_sink = NULL;
        current_ctx = NULL;
    }
    pthread_mutex_unlock(&lock);
    return ok;
}

static bool discard(void *ctx, const int16_t *samples, size_t n)
{
    (void)ctx;
    (void)samples;
    (void)n;
    return true;
}

char *lf_voice_phonemes(const char *lang, const char *text)
{
    pthread_mutex_lock(&lock);
    char *out = NULL;
    size_t len = 0;
    if (select_voice_locked(lang, "phonemes")) {
        /* what is said, as it is said: synthesised with the SSML voice
         * changes, the phonemes traced into memory, the sound dropped */
        FILE *mem = open_memstream(&out, &len);
        if (mem) {
            espeak_SetPhonemeTrace(espeakPHONEMES_SHOW, mem);
            current_sink = discard;
            current_ctx = NULL;
            current_stopped = false;
            char *said = readable(text);
            espeak_ERROR e = espeak_Synth(said, strlen(said) + 1, 0, POS_CHARACTER, 0,
                                          espeakCHARS_UTF8 | espeakSSML, NULL, NULL);
            free(said);
            if (e != EE_OK)
                lf_warn("speech: eSpeak NG failed to read (error %d)", (int)e);
            espeak_SetPhonemeTrace(0, NULL);
            current_sink = NULL;
            fclose(mem);
        }
    }
    pthread_mutex_unlock(&lock);
    if (out) {
        for (char *c = out; *c; c++)
            if (*c == '\n')
                *c = ' ';
        return out;
    }
    return lf_xstrdup("");
}
