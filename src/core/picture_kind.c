/* The kind of a picture from its first bytes: see picture_kind.h. */
#include "core/picture_kind.h"

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

static bool starts(const unsigned char *b, size_t n, const char *s, size_t at)
{
    size_t len = strlen(s);
    return n >= at + len && memcmp(b + at, s, len) == 0;
}

const char *lf_picture_kind(const unsigned char *b, size_t n)
{
    if (starts(b, n, "GIF87a", 0) || starts(b, n, "GIF89a", 0))
        return "GIF";
    if (starts(b, n, "RIFF", 0) && starts(b, n, "WEBP", 8))
        return "WebP";
    if (starts(b, n, "ftyp", 4)) { /* ISO media: HEIF/HEIC (iPhone), AVIF */
        if (starts(b, n, "avif", 8) || starts(b, n, "avis", 8))
            return "AVIF";
        if (starts(b, n, "hei", 8) || starts(b, n, "mif1", 8) || starts(b, n, "msf1", 8))
            return "HEIC";
    }
    if (starts(b, n, "%PDF-", 0))
        return "PDF";
    if (starts(b, n, "II*", 0) || starts(b, n, "MM\0*", 0))
        return "TIFF";
    if (starts(b, n, "BM", 0) && n >= 14)
        return "BMP";
    if (n >= 4 && b[0] == 0 && b[1] == 0 && b[2] == 1 && b[3] == 0)
        return "ICO";
    /* SVG: XML text with an <svg element near its start */
    size_t i = 0;
    if (starts(b, n, "\xEF\xBB\xBF", 0))
        i = 3;
    while (i < n && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r' || b[i] == '\n'))
        i++;
    if (i < n && b[i] == '<')
        for (size_t k = i; k + 4 <= n; k++)
            if (memcmp(b + k, "<svg", 4) == 0)
                return "SVG";
    return NULL;
}

static unsigned le16(const unsigned char *b)
{
    return (unsigned)b[0] | (unsigned)b[1] << 8;
}

static unsigned le24(const unsigned char *b)
{
    return le16(b) | (unsigned)b[2] << 16;
}

bool lf_picture_size(const unsigned char *b, size_t n, unsigned *w, unsigned *h)
{
    if (starts(b, n, "GIF87a", 0) || starts(b, n, "GIF89a", 0)) {
        if (n < 10)
            return false;
        *w = le16(b + 6);
        *h = le16(b + 8);
        return true;
    }
    if (!starts(b, n, "RIFF", 0) || !starts(b, n, "WEBP", 8) || n < LF_PICTURE_SIZE_HEAD)
        return false;
    if (starts(b, n, "VP8X", 12)) { /* extended: the canvas, 24 bits each, minus one */
        *w = le24(b + 24) + 1;
        *h = le24(b + 27) + 1;
        return true;
    }
    if (starts(b, n, "VP8L", 12)) { /* lossless: signature 0x2f, then 14 + 14 bits minus one */
        if (b[20] != 0x2f)
            return false;
        uint32_t bits = (uint32_t)b[21] | (uint32_t)b[22] << 8 | (uint32_t)b[23] << 16 |
                        (uint32_t)b[24] << 24;
        *w = (bits & 0x3FFF) + 1;
        *h = ((bits >> 14) & 0x3FFF) + 1;
        return true;
    }
    if (starts(b, n, "VP8 ", 12)) { /* lossy: a key frame's start code, then 14 bits each */
        if (b[23] != 0x9d || b[24] != 0x01 || b[25] != 0x2a)
            return false;
        *w = le16(b + 26) & 0x3FFF;
        *h = le16(b + 28) & 0x3FFF;
        return true;
    }
    return false;
}
