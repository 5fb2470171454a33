/* WAV files: what `litfass speak` writes so an editor can listen before
 * publishing. PCM, mono, signed 16 bit little-endian. Pure C. */
#ifndef LF_SPEECH_WAV_H
#define LF_SPEECH_WAV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/log.h"

/* Longest sound written: one hour at 22050 samples a second. */
#define LF_MAX_WAV_SAMPLES ((size_t)22050 * 3600)

/* Writes `n` samples at `rate` samples a second to `path` durably (temp
 * file, fsync, rename): an old file is replaced only by a whole new one.
 * False, logged with the path, on failure or when n > LF_MAX_WAV_SAMPLES. */
bool lf_wav_write(const char *path, const int16_t *samples, size_t n, int rate) LF_MUST_CHECK;

#endif
