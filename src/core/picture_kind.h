/* What kind of picture a file is when it is not a PNG or JPEG, from its
 * first bytes: so "not a PNG or JPEG" can say what it is instead (an
 * iPhone's HEIC photo, an animated GIF, a WebP from a web page, an SVG
 * logo, a PDF flyer) and the one who chose it knows what to save it as. */
#ifndef LF_CORE_PICTURE_KIND_H
#define LF_CORE_PICTURE_KIND_H

#include <stddef.h>

/* Bytes of the file's start lf_picture_kind looks at (an SVG may begin
 * with an XML declaration and comments before "<svg"). */
#define LF_PICTURE_KIND_HEAD 256

/* "GIF", "WebP", "HEIC", "AVIF", "SVG", "PDF", "TIFF", "BMP" or "ICO" for
 * the first n bytes of a file; NULL when none of these (or a PNG or JPEG). */
const char *lf_picture_kind(const unsigned char *head, size_t n);

#endif
