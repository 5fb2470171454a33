/* Pictures of a bundle loaded upright.
 *
 * Phones and cameras store a photo as the sensor saw it and write in its
 * EXIF data how it is to be turned (Orientation 1..8); every photo viewer
 * turns it, and so does the kiosk: a poster photographed upright is
 * shown upright, never on its side. libexif reads the tag; libjpeg
 * decodes JPEGs (scaled while decoding; CMYK and YCCK made RGB, Adobe's
 * inverted CMYK understood), libpng PNGs and giflib a GIF's first frame
 * (row by row, shrunk while read: box_shrink.h), libwebp a WebP (scaled
 * while decoding; of an animated one the first frame, found by libwebp's
 * demux API); SDL_image anything else. A file cut off or a GIF or an
 * animated WebP without frames gives NULL, SDL_GetError saying what is
 * wrong.
 *
 * Main thread (or any one thread at a time); the caller frees the
 * surface with SDL_FreeSurface. */
#ifndef LF_RENDER_IMAGE_LOAD_H
#define LF_RENDER_IMAGE_LOAD_H

#include <SDL.h>

/* The most pixels a picture of this kind may have: LF_MAX_PHOTO_PIXELS
 * for a JPEG (decoded already scaled), else LF_MAX_IMAGE_PIXELS (PNG,
 * GIF, WebP). */
long long lf_image_max_pixels(const char *path);

/* The EXIF orientation of the JPEG at path: 1 (as stored) when it has
 * none or is no JPEG, else 2..8. */
int lf_image_orientation(const char *path);

/* The picture turned as `orientation` (EXIF 1..8) says: a new surface,
 * or NULL (SDL_GetError) when memory is short. 1 gives a copy. */
SDL_Surface *lf_surface_oriented(SDL_Surface *s, int orientation);

/* The picture at path, decoded and upright, ARGB8888; NULL
 * (SDL_GetError). */
SDL_Surface *lf_image_load(const char *path);

/* The same, no larger than max_w x max_h (proportions kept; never made
 * larger; 0 x 0: as it is). A JPEG is decoded by libjpeg already
 * scaled (1/8 .. 8/8, DCT scaling), so a 6000 x 4000 photo for a 1080p
 * screen never exists full size in memory; what remains larger is
 * halved (the mean of 2 x 2 pixels) and stretched the last step. A JPEG
 * whose data ends early is refused (never shown half grey); decoding one
 * takes at most LF_MAX_IMAGE_DECODE_BYTES of libjpeg's buffers. */
SDL_Surface *lf_image_load_fit(const char *path, int max_w, int max_h);

#endif
