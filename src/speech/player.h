/* The kiosk's voice: reads a spoken script aloud through SDL audio while
 * the screen goes on. eSpeak NG makes the sound on a thread of its own
 * and queues it on an SDL audio device (SDL_QueueAudio), at most
 * LF_SPEECH_QUEUE_MS ahead of what is heard; the device is open only
 * while reading, so a still screen costs nothing.
 *
 * A kiosk without a sound device: lf_speech_player_create() returns NULL
 * (logged once) and the kiosk shows no read-aloud button.
 *
 * Owner: create/destroy. Main thread only (the thread inside is the
 * player's own). */
#ifndef LF_SPEECH_PLAYER_H
#define LF_SPEECH_PLAYER_H

#include <stdbool.h>

#include "core/log.h"

/* Sound made ahead of what is heard, at most (memory stays small, and a
 * stop is heard at once because the queue is cleared). */
#define LF_SPEECH_QUEUE_MS 4000

struct lf_speech_player;

/* Starts SDL's audio and checks that `device` (SDL's name, "" or NULL:
 * the default output) can be opened. NULL when there is no sound; SDL's
 * audio is then left started for the caller to stop when it suits
 * (SDL_QuitSubSystem(SDL_INIT_AUDIO)): stopping SDL's ALSA driver waits
 * up to 100 ms for its device watcher. */
struct lf_speech_player *lf_speech_player_create(const char *device);
void lf_speech_player_destroy(struct lf_speech_player *p);

/* Reads `script` (speech/script.h) in `lang`, stopping whatever was
 * being read. False (logged) when the device cannot be opened or lang
 * has no voice. */
bool lf_speech_player_start(struct lf_speech_player *p, const char *lang, const char *script,
                            int rate, int volume) LF_MUST_CHECK;

/* Gives SDL's audio back (its driver's thread, connection and buffers)
 * while nothing is read: the next lf_speech_player_start starts it
 * again. Stopping SDL's ALSA driver waits up to 100 ms for its device
 * watcher: call it where a frame is not due. Nothing when reading. */
void lf_speech_player_rest(struct lf_speech_player *p);

/* Stops at once: nothing more is heard. */
void lf_speech_player_stop(struct lf_speech_player *p);

/* Whether it is still reading; when it has finished, closes the device
 * and returns false. Call it now and then (the kiosk: every
 * LF_SPEECH_POLL_MS while reading). */
bool lf_speech_player_reading(struct lf_speech_player *p);
#define LF_SPEECH_POLL_MS 100

#endif
