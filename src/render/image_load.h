/* Pictures of a bundle loaded upright.
 *
 * Phones and cameras store a photo as the sensor saw it and write in its
 * EXIF data how it is to be turned (Orientation 1..8); every photo viewer
 * turns it, and so does the kiosk: a poster photographed upright is
 * shown upright, never on its side. libexif reads the tag; SDL_image
 * decodes.
 *
 * Main thread (or any one thread at a time); the caller frees the
 * surface with SDL_FreeSurface. */
#ifndef LF_RENDER_IMAGE_LOAD_H
#define LF_RENDER_IMAGE_LOAD_H

#include <SDL.h>

/* The EXIF orientation of the JPEG at path: 1 (as stored) when it has
 * none or is no JPEG, else 2..8. */
int lf_image_orientation(const char *path);

/* The picture turned as `orientation` (EXIF 1..8) says: a new surface,
 * or NULL (SDL_GetError) when memory is short. 1 gives a copy. */
SDL_Surface *lf_surface_oriented(SDL_Surface *s, int orientation);

/* The picture at path, decoded and upright; NULL (IMG_GetError/SDL_GetError). */
SDL_Surface *lf_image_load(const char *path);

#endif
