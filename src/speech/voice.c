#include "speech/voice.h"

#include <espeak-ng/espeak_ng.h>
#include <espeak-ng/speak_lib.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/limits.h"
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
/* The voice file each came from, as eSpeak NG names it ("gmq/nb"): its
 * dictionary is named there or by its first language */
static char voice_file[MAX_VOICE_LANGUAGES][LF_SPEECH_VOICE_NAME];
static size_t n_voice_languages;
static bool list_ready;
/* eSpeak NG's data folder ("/usr/lib/x86_64-linux-gnu/espeak-ng-data"),
 * as it found it when the voices were listed; under list_lock */
static char data_dir[4096];
/* Which dictionaries name emoji, as found (lf_voice_emoji_names), under
 * list_lock; forgotten by lf_voice_shutdown */
#define MAX_EMOJI_ANSWERS 64
static struct {
    char dict[LF_SPEECH_VOICE_NAME];
    bool named;
} emoji_answers[MAX_EMOJI_ANSWERS];
static size_t n_emoji_answers;

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
    const char *home = NULL;
    espeak_Info(&home);
    const espeak_VOICE **voices = espeak_ListVoices(NULL);
    pthread_mutex_lock(&list_lock);
    snprintf(data_dir, sizeof(data_dir), "%s", home ? home : "");
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
                snprintf(voice_file[n_voice_languages], LF_SPEECH_VOICE_NAME, "%s",
                         v->identifier ? v->identifier : "");
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
    n_emoji_answers = 0;
    data_dir[0] = '\0';
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
static bool find_voice_file(const char *want, char *voice, size_t size, char *file, size_t file_size)
{
    pthread_mutex_lock(&list_lock);
    const char *regional = NULL, *exact = NULL, *regional_file = NULL, *exact_file = NULL;
    unsigned best_exact = 256, best_regional = 256;
    size_t wl = strlen(want);
    for (size_t i = 0; i < n_voice_languages; i++) {
        const char *name = voice_languages[i];
        const char *v = voice_primary[i][0] ? voice_primary[i] : name;
        if (strcmp(name, want) == 0 && voice_priority[i] < best_exact) {
            exact = v;
            exact_file = voice_file[i];
            best_exact = voice_priority[i];
        } else if (strncmp(name, want, wl) == 0 && name[wl] == '-' &&
                   voice_priority[i] < best_regional) {
            regional = v;
            regional_file = voice_file[i];
            best_regional = voice_priority[i];
        }
    }
    const char *got = exact ? exact : regional;
    if (got) {
        snprintf(voice, size, "%s", got);
        if (file && file_size) { /* (GCC took snprintf's "%s" for a 20 kB copy) */
            const char *from = exact ? exact_file : regional_file;
            size_t l = strnlen(from, file_size - 1);
            memcpy(file, from, l);
            file[l] = '\0';
        }
    }
    pthread_mutex_unlock(&list_lock);
    return got != NULL;
}

static bool find_voice(const char *want, char *voice, size_t size)
{
    return find_voice_file(want, voice, size, NULL, 0);
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

/* The dictionary of voice file `file` in the data folder `dir`: its
 * "dictionary" line ("gmq/nb": "no"), else its first language up to a
 * '-' ("en-gb": "en"), as eSpeak NG picks it. */
static void dictionary_of(const char *dir, const char *file, const char *primary, char *out,
                          size_t size)
{
    snprintf(out, size, "%.*s", (int)strcspn(primary, "-"), primary);
    char path[4200], line[256], name[LF_SPEECH_VOICE_NAME];
    snprintf(path, sizeof(path), "%s/lang/%s", dir, file);
    FILE *f = file[0] && !strstr(file, "..") ? fopen(path, "r") : NULL;
    if (!f)
        return;
    for (int i = 0; i < 200 && fgets(line, sizeof(line), f); i++)
        if (sscanf(line, "dictionary %39s", name) == 1) {
            snprintf(out, size, "%s", name);
            break;
        }
    fclose(f);
}

/* Does buf (n bytes) hold the m bytes of mark? */
static bool holds(const char *buf, size_t n, const char *mark, size_t m)
{
    for (const char *p = buf; m && n >= m && (p = memchr(p, mark[0], n - m + 1 - (size_t)(p - buf)));
         p++)
        if (memcmp(p, mark, m) == 0)
            return true;
    return false;
}

/* Whether the file at path holds every one of the byte strings `marks`
 * (short, NULL-ended), read in pieces up to LF_MAX_ESPEAK_DICT_BYTES. */
static bool file_holds(const char *path, const char *const *marks)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return false;
    enum { PIECE = 64 * 1024, KEEP = 8 };
    char *buf = lf_xmalloc(PIECE + KEEP);
    bool seen[4] = {false};
    size_t n_marks = 0, kept = 0, total = 0, got;
    while (marks[n_marks] && n_marks < 4)
        n_marks++;
    while (total < LF_MAX_ESPEAK_DICT_BYTES && (got = fread(buf + kept, 1, PIECE, f)) > 0) {
        total += got;
        for (size_t i = 0; i < n_marks; i++)
            seen[i] = seen[i] || holds(buf, kept + got, marks[i], strlen(marks[i]));
        /* a mark cut between two pieces: the last bytes go first in the next */
        size_t have = kept + got;
        kept = have < KEEP ? have : KEEP;
        memmove(buf, buf + have - kept, kept);
    }
    fclose(f);
    free(buf);
    bool all = n_marks > 0;
    for (size_t i = 0; i < n_marks; i++)
        all = all && seen[i];
    return all;
}

enum lf_voice_emoji lf_voice_emoji_names(const char *lang)
{
    char want[16], voice[LF_SPEECH_VOICE_NAME], file[LF_SPEECH_VOICE_NAME], dict[LF_SPEECH_VOICE_NAME];
    wanted_language(lang, want, sizeof(want));
    if (!want[0])
        return LF_VOICE_EMOJI_NONE;
    if (!voices_listed()) {
        /* not listed yet: nothing is being read, `lock` is free soon */
        pthread_mutex_lock(&lock);
        bool ok = list_locked();
        pthread_mutex_unlock(&lock);
        if (!ok)
            return LF_VOICE_EMOJI_UNKNOWN; /* no data found */
    }
    if (!find_voice_file(want, voice, sizeof(voice), file, sizeof(file)))
        return LF_VOICE_EMOJI_NONE; /* no voice: nothing is read */
    char dir[sizeof(data_dir)], path[sizeof(data_dir) + 64];
    pthread_mutex_lock(&list_lock);
    snprintf(dir, sizeof(dir), "%s", data_dir);
    pthread_mutex_unlock(&list_lock);
    snprintf(path, sizeof(path), "%s/phontab", dir);
    if (!dir[0] || access(path, R_OK) != 0)
        return LF_VOICE_EMOJI_UNKNOWN;
    dictionary_of(dir, file, voice, dict, sizeof(dict));
    pthread_mutex_lock(&list_lock);
    for (size_t i = 0; i < n_emoji_answers; i++)
        if (strcmp(emoji_answers[i].dict, dict) == 0) {
            bool named = emoji_answers[i].named;
            pthread_mutex_unlock(&list_lock);
            return named ? LF_VOICE_EMOJI_NAMED : LF_VOICE_EMOJI_NONE;
        }
    pthread_mutex_unlock(&list_lock);
    /* eSpeak NG compiles its emoji list (dictsource/<lang>_emoji, CLDR's
     * names) into <dict>_dict, each emoji as its UTF-8 bytes: a
     * dictionary with the grinning face and the envelope has the list */
    static const char *const marks[] = {"\xF0\x9F\x98\x80" /* U+1F600 */, "\xE2\x9C\x89" /* U+2709 */, NULL};
    snprintf(path, sizeof(path), "%s/%s_dict", dir, dict);
    bool named = file_holds(path, marks);
    pthread_mutex_lock(&list_lock);
    bool known = false;
    for (size_t i = 0; i < n_emoji_answers; i++)
        known = known || strcmp(emoji_answers[i].dict, dict) == 0;
    if (!known && n_emoji_answers < MAX_EMOJI_ANSWERS) {
        snprintf(emoji_answers[n_emoji_answers].dict, LF_SPEECH_VOICE_NAME, "%s", dict);
        emoji_answers[n_emoji_answers++].named = named;
    }
    pthread_mutex_unlock(&list_lock);
    return named ? LF_VOICE_EMOJI_NAMED : LF_VOICE_EMOJI_NONE;
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
