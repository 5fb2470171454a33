/* Voices: turning a spoken script into sound with eSpeak NG
 * (libespeak-ng, offline, from Debian), one voice per language.
 *
 * Which languages have a voice: eSpeak NG's own list (espeak_ListVoices),
 * matched on the tag's primary language: "de-x-ls" (Leichte Sprache) is
 * read by the German voice, "prs" (Dari, written as Persian) by the
 * Persian one, "kmr" by Kurdish (Kurmanji). A language without a voice is
 * never read by another one.
 *
 * eSpeak NG keeps global state: the functions here take a process-wide
 * lock, so any thread may call them, one synthesis at a time. No SDL. */
#ifndef LF_SPEECH_VOICE_H
#define LF_SPEECH_VOICE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/log.h"

/* Speech rate in words a minute and volume in percent, the ranges of
 * the [speech] keys (app/config.h). */
#define LF_SPEECH_RATE_MIN 80
#define LF_SPEECH_RATE_MAX 450
#define LF_SPEECH_VOLUME_MAX 200
#define LF_SPEECH_VOICE_NAME 40  /* eSpeak NG language names ("de", "en-gb-x-rp") */

/* Lists eSpeak NG's voices once per process (later calls return the
 * first answer), without starting its synthesis: that starts at the
 * first lf_voice_start or lf_voice_speak (its phonemes and a dictionary,
 * about 1 MB, are read then). False, logged once, when it has no voices
 * (its data is missing). */
bool lf_voice_init(void) LF_MUST_CHECK;

/* Starts eSpeak NG's synthesis (once; later calls return the first
 * answer). False, logged, when it cannot start. */
bool lf_voice_start(void) LF_MUST_CHECK;

/* The rate every eSpeak NG voice speaks at, samples per second: a sound
 * device is checked with it before eSpeak NG's synthesis starts. */
#define LF_VOICE_RATE_HZ 22050

/* Ends eSpeak NG (frees its memory); lf_voice_init may start it again. */
void lf_voice_shutdown(void);

/* The eSpeak NG voice that reads `lang`, into `voice`; false when there
 * is none (or eSpeak NG could not start). */
bool lf_voice_for(const char *lang, char *voice, size_t size) LF_MUST_CHECK;

/* Whether eSpeak NG's voice for `lang` names emoji in its own language,
 * read from the installed data: eSpeak NG compiles its emoji lists
 * (dictsource/<lang>_emoji, from CLDR) into the voice's dictionary
 * (<data>/<dict>_dict; the dictionary named in the voice file, "no" for
 * nb, else its language, "cmn" for zh). Debian's espeak-ng-data 1.51 has
 * them for about 70 languages, not for uk, ku, be, he, kk, uz, th, ...
 * NONE also when lang has no voice; UNKNOWN when eSpeak NG's data folder
 * is not found (the caller falls back on a list of its own). The answer
 * for each dictionary is kept until lf_voice_shutdown. Any thread; never
 * waits for a reading under way. */
enum lf_voice_emoji {
    LF_VOICE_EMOJI_UNKNOWN = -1,
    LF_VOICE_EMOJI_NONE = 0,
    LF_VOICE_EMOJI_NAMED = 1,
};
enum lf_voice_emoji lf_voice_emoji_names(const char *lang);

/* Samples per second of what lf_voice_speak delivers (mono, signed
 * 16 bit); 0 before its synthesis started (lf_voice_start). Never waits
 * for a reading under way. */
int lf_voice_sample_rate(void);

/* Receives the sound as it is made; returns false to stop. */
typedef bool (*lf_voice_sink)(void *ctx, const int16_t *samples, size_t n);

/* Reads UTF-8 `text` (SSML: &amp; &lt; &gt; escaped, <voice xml:lang> for
 * parts in another language) in `lang` at `rate` words a minute and `volume`
 * percent, handing the samples to `sink` in pieces until the end (or
 * until sink says stop). False (logged) when lang has no voice or eSpeak
 * NG fails; a stop asked for by the sink is not a failure. */
bool lf_voice_speak(const char *lang, const char *text, int rate, int volume,
                    lf_voice_sink sink, void *ctx) LF_MUST_CHECK;

/* The phonemes eSpeak NG says for `text` (SSML, as lf_voice_speak reads
 * it, <voice> changes included; its ASCII notation, as `espeak-ng -x`
 * prints), for tests and for listening with the eyes. Never NULL; the
 * caller frees it. */
char *lf_voice_phonemes(const char *lang, const char *text);

#endif
