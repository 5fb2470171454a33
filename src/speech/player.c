#include "speech/player.h"

#include <SDL.h>
#include <stdlib.h>
#include <string.h>

#include "core/thread.h"
#include "core/xalloc.h"
#include "speech/voice.h"

struct lf_speech_player {
    char *device;          /* NULL: the default output */
    SDL_AudioDeviceID dev; /* 0: closed */
    bool audio_up;         /* SDL's audio subsystem started by the player */
    int rate_hz;
    struct lf_thread *thread; /* the voice of one reading; NULL at rest. Its cancel
                                 flag: the main thread asks the voice to stop */
    SDL_atomic_t made;     /* the voice has made all of the script */
    char *lang, *script;
    int rate, volume;
};

static SDL_AudioDeviceID open_device(const struct lf_speech_player *p, int rate_hz)
{
    SDL_AudioSpec want, have;
    SDL_zero(want);
    want.freq = rate_hz;
    want.format = AUDIO_S16SYS;
    want.channels = 1;
    want.samples = 1024;
    want.callback = NULL; /* SDL_QueueAudio */
    /* SDL converts to whatever the device plays */
    return SDL_OpenAudioDevice(p->device, 0, &want, &have, 0);
}

struct lf_speech_player *lf_speech_player_create(const char *device)
{
    if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0) {
        lf_warn("speech: no sound (%s): the kiosk does not read aloud", SDL_GetError());
        return NULL;
    }
    struct lf_speech_player *p = lf_xcalloc(1, sizeof(*p));
    p->device = device && device[0] ? lf_xstrdup(device) : NULL;
    /* eSpeak NG's synthesis starts at the first reading: its rate */
    p->rate_hz = lf_voice_sample_rate() > 0 ? lf_voice_sample_rate() : LF_VOICE_RATE_HZ;
    SDL_AudioDeviceID dev = open_device(p, p->rate_hz);
    if (!dev) {
        lf_warn("speech: cannot open the sound device %s%s%s (%s): the kiosk does not read aloud",
                p->device ? "\"" : "", p->device ? p->device : "(default)",
                p->device ? "\"" : "", SDL_GetError());
        free(p->device);
        free(p);
        return NULL; /* SDL's audio stays started: the caller stops it (header) */
    }
    SDL_CloseAudioDevice(dev);
    p->audio_up = true;
    lf_info("speech: reading aloud through %s (SDL audio driver %s)",
            p->device ? p->device : "the default sound output", SDL_GetCurrentAudioDriver());
    return p;
}

/* On the voice's thread: queue what was made, never more than
 * LF_SPEECH_QUEUE_MS ahead of what is heard. */
static bool queue_sound(void *ctx, const int16_t *samples, size_t n)
{
    struct lf_speech_player *p = ctx;
    Uint32 ahead = (Uint32)((Uint64)p->rate_hz * 2 * LF_SPEECH_QUEUE_MS / 1000);
    while (SDL_GetQueuedAudioSize(p->dev) > ahead) {
        if (lf_thread_cancelled(p->thread))
            return false;
        SDL_Delay(20);
    }
    if (lf_thread_cancelled(p->thread))
        return false;
    if (SDL_QueueAudio(p->dev, samples, (Uint32)(n * sizeof(*samples))) != 0) {
        lf_warn("speech: %s", SDL_GetError());
        return false;
    }
    return true;
}

static void *voice_thread(void *ctx)
{
    struct lf_speech_player *p = ctx;
    if (!lf_voice_speak(p->lang, p->script, p->rate, p->volume, queue_sound, p))
        lf_warn("speech: reading in \"%s\" failed", p->lang);
    SDL_AtomicSet(&p->made, 1);
    return NULL;
}

void lf_speech_player_stop(struct lf_speech_player *p)
{
    if (!p)
        return;
    lf_thread_destroy(p->thread); /* asks the voice to stop and waits for it */
    p->thread = NULL;
    if (p->dev) {
        SDL_ClearQueuedAudio(p->dev);
        SDL_CloseAudioDevice(p->dev);
    }
    p->dev = 0;
    free(p->lang);
    free(p->script);
    p->lang = p->script = NULL;
}

bool lf_speech_player_start(struct lf_speech_player *p, const char *lang, const char *script,
                            int rate, int volume)
{
    lf_speech_player_stop(p);
    char voice[LF_SPEECH_VOICE_NAME];
    if (!lf_voice_for(lang, voice, sizeof(voice))) {
        lf_warn("speech: no voice for \"%s\"", lang);
        return false;
    }
    /* eSpeak NG's synthesis, at the first reading (speech/voice.h) */
    if (!lf_voice_start()) {
        lf_warn("speech: eSpeak NG cannot read");
        return false;
    }
    p->rate_hz = lf_voice_sample_rate();
    if (!p->audio_up) {
        /* given back at rest (lf_speech_player_rest): started again */
        if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0) {
            lf_warn("speech: no sound: %s", SDL_GetError());
            return false;
        }
        p->audio_up = true;
    }
    p->dev = open_device(p, p->rate_hz);
    if (!p->dev) {
        lf_warn("speech: cannot open the sound device: %s", SDL_GetError());
        return false;
    }
    p->lang = lf_xstrdup(lang);
    p->script = lf_xstrdup(script);
    p->rate = rate;
    p->volume = volume;
    SDL_AtomicSet(&p->made, 0);
    p->thread = lf_thread_create(); /* a new one: a cancel flag, once set, stays set */
    char err[128];
    if (!lf_thread_start(p->thread, voice_thread, p, err, sizeof(err))) {
        lf_warn("speech: cannot start the voice: %s", err);
        lf_speech_player_stop(p);
        return false;
    }
    SDL_PauseAudioDevice(p->dev, 0);
    lf_debug("speech: reading %zu characters in %s (voice %s, %d words a minute)", strlen(script),
             lang, voice, rate);
    return true;
}

bool lf_speech_player_reading(struct lf_speech_player *p)
{
    if (!p || !p->dev)
        return false;
    if (!SDL_AtomicGet(&p->made) || SDL_GetQueuedAudioSize(p->dev) > 0)
        return true;
    lf_speech_player_stop(p); /* all made and all heard */
    return false;
}

void lf_speech_player_rest(struct lf_speech_player *p)
{
    if (!p || p->dev || !p->audio_up)
        return;
    SDL_QuitSubSystem(SDL_INIT_AUDIO);
    p->audio_up = false;
}

void lf_speech_player_destroy(struct lf_speech_player *p)
{
    if (!p)
        return;
    lf_speech_player_stop(p);
    bool audio_up = p->audio_up;
    free(p->device);
    free(p);
    if (audio_up)
        SDL_QuitSubSystem(SDL_INIT_AUDIO);
}
