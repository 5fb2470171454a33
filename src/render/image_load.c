/* Pictures loaded upright: see image_load.h. */
#include <SDL_image.h>
#include <libexif/exif-data.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "render/image_load.h"

int lf_image_orientation(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return 1;
    unsigned char head[2];
    bool jpeg = fread(head, 1, 2, f) == 2 && head[0] == 0xFF && head[1] == 0xD8;
    fclose(f);
    if (!jpeg)
        return 1;
    ExifData *ed = exif_data_new_from_file(path);
    if (!ed)
        return 1;
    int o = 1;
    ExifEntry *e = exif_content_get_entry(ed->ifd[EXIF_IFD_0], EXIF_TAG_ORIENTATION);
    if (e && e->format == EXIF_FORMAT_SHORT && e->components >= 1 && e->data && e->size >= 2)
        o = exif_get_short(e->data, exif_data_get_byte_order(ed));
    exif_data_unref(ed);
    return o >= 1 && o <= 8 ? o : 1;
}

SDL_Surface *lf_surface_oriented(SDL_Surface *s, int orientation)
{
    SDL_Surface *src = SDL_ConvertSurfaceFormat(s, SDL_PIXELFORMAT_ARGB8888, 0);
    if (!src || orientation <= 1 || orientation > 8)
        return src;
    int w = src->w, h = src->h;
    bool swap = orientation >= 5; /* turned by a quarter: width and height change places */
    SDL_Surface *dst = SDL_CreateRGBSurfaceWithFormat(0, swap ? h : w, swap ? w : h, 32,
                                                      SDL_PIXELFORMAT_ARGB8888);
    if (!dst) {
        SDL_FreeSurface(src);
        return NULL;
    }
    for (int y = 0; y < dst->h; y++) {
        uint32_t *out = (uint32_t *)((uint8_t *)dst->pixels + (size_t)y * dst->pitch);
        for (int x = 0; x < dst->w; x++) {
            int sx, sy;
            switch (orientation) {
            case 2: sx = w - 1 - x; sy = y; break;             /* mirrored */
            case 3: sx = w - 1 - x; sy = h - 1 - y; break;     /* upside down */
            case 4: sx = x; sy = h - 1 - y; break;             /* mirrored upside down */
            case 5: sx = y; sy = x; break;                     /* mirrored, a quarter left */
            case 6: sx = y; sy = h - 1 - x; break;             /* a quarter right */
            case 7: sx = w - 1 - y; sy = h - 1 - x; break;     /* mirrored, a quarter right */
            default: sx = w - 1 - y; sy = x; break;            /* 8: a quarter left */
            }
            out[x] = ((const uint32_t *)((const uint8_t *)src->pixels +
                                         (size_t)sy * src->pitch))[sx];
        }
    }
    SDL_FreeSurface(src);
    return dst;
}

SDL_Surface *lf_image_load(const char *path)
{
    SDL_Surface *s = IMG_Load(path);
    if (!s)
        return NULL;
    int o = lf_image_orientation(path);
    if (o == 1)
        return s;
    SDL_Surface *turned = lf_surface_oriented(s, o);
    SDL_FreeSurface(s);
    return turned;
}
