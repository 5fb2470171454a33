#include "speech/wav.h"

#include <stdlib.h>
#include <string.h>

#include "core/durable.h"
#include "core/xalloc.h"

static void le32(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)v;
    p[1] = (uint8_t)(v >> 8);
    p[2] = (uint8_t)(v >> 16);
    p[3] = (uint8_t)(v >> 24);
}

static void le16(uint8_t *p, uint16_t v)
{
    p[0] = (uint8_t)v;
    p[1] = (uint8_t)(v >> 8);
}

bool lf_wav_write(const char *path, const int16_t *samples, size_t n, int rate)
{
    if (n > LF_MAX_WAV_SAMPLES || rate <= 0) {
        lf_error("%s: %zu samples at %d Hz is more than a WAV file here may hold", path, n, rate);
        return false;
    }
    size_t data = n * 2, total = 44 + data;
    uint8_t *buf = lf_xmalloc(total);
    memcpy(buf, "RIFF", 4);
    le32(buf + 4, (uint32_t)(total - 8));
    memcpy(buf + 8, "WAVEfmt ", 8);
    le32(buf + 16, 16);                 /* fmt chunk size */
    le16(buf + 20, 1);                  /* PCM */
    le16(buf + 22, 1);                  /* mono */
    le32(buf + 24, (uint32_t)rate);
    le32(buf + 28, (uint32_t)rate * 2); /* bytes a second */
    le16(buf + 32, 2);                  /* bytes a frame */
    le16(buf + 34, 16);                 /* bits a sample */
    memcpy(buf + 36, "data", 4);
    le32(buf + 40, (uint32_t)data);
    for (size_t i = 0; i < n; i++)
        le16(buf + 44 + 2 * i, (uint16_t)samples[i]);
    bool ok = lf_durable_write(path, buf, total, 0644);
    free(buf);
    return ok;
}
