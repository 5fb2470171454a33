/* What kind of picture a file is when it is not a PNG or JPEG, from its
 * first bytes: so "not a PNG or JPEG" can say what it is instead (an
 * iPhone's HEIC photo, an animated GIF, a WebP from a web page, an SVG
 * logo, a PDF flyer) and the one who chose it knows what to save it as. */
#ifndef LF_CORE_PICTURE_KIND_H
#define LF_CORE_PICTURE_KIND_H

#include <stdbool.h>
#include <stddef.h>

/* Bytes of the file's start lf_picture_kind looks at (an SVG may begin
 * with an XML declaration and comments before "<svg"). */
#define LF_PICTURE_KIND_HEAD 256

/* "GIF", "WebP", "HEIC", "AVIF", "SVG", "PDF", "TIFF", "BMP" or "ICO" for
 * the first n bytes of a file; NULL when none of these (or a PNG or JPEG). */
const char *lf_picture_kind(const unsigned char *head, size_t n);

/* Bytes of a GIF's or WebP's start lf_picture_size needs. */
#define LF_PICTURE_SIZE_HEAD 30

/* The pixel size a GIF (its logical screen) or a WebP (its canvas: VP8X,
 * or the VP8/VP8L bitstream's header) says it has, from its first n
 * bytes, without decoding. False when it is neither, or its header is
 * cut off or damaged; *w, *h may be 0 (a GIF header may say so: refused
 * by the caller). */
bool lf_picture_size(const unsigned char *head, size_t n, unsigned *w, unsigned *h);

#endif
