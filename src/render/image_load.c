/* Pictures loaded upright: see image_load.h. */
#include <SDL_image.h>
#include <setjmp.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h> /* before jpeglib.h, which uses FILE */
#include <string.h>
#include <jpeglib.h>
#include <jerror.h>
#include <libexif/exif-data.h>

#include "core/limits.h"
#include "render/image_load.h"

static bool starts_like_jpeg(const char *path)
{
    FILE *f = fopen(path, "rb");
    unsigned char head[3] = {0};
    bool jpeg = f && fread(head, 1, 3, f) == 3 && head[0] == 0xFF && head[1] == 0xD8 &&
                head[2] == 0xFF;
    if (f)
        fclose(f);
    return jpeg;
}

long long lf_image_max_pixels(const char *path)
{
    return starts_like_jpeg(path) ? LF_MAX_PHOTO_PIXELS : LF_MAX_IMAGE_PIXELS;
}

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

/* libjpeg's errors end the decode (longjmp back); its warnings are
 * quiet, except that the data ends early: libjpeg would fill the rest
 * grey, and half a picture is never shown. */
struct jpeg_failure {
    struct jpeg_error_mgr mgr;
    jmp_buf back;
    bool cut_off;
};

static void jpeg_fail(j_common_ptr c)
{
    char msg[JMSG_LENGTH_MAX];
    c->err->format_message(c, msg);
    if (c->err->msg_code == JERR_NO_BACKING_STORE)
        SDL_SetError("decoding it would take more than %d MB (a progressive JPEG this large): "
                     "save it as a baseline (not progressive) JPEG, or smaller",
                     LF_MAX_IMAGE_DECODE_BYTES / (1024 * 1024));
    else
        SDL_SetError("%s", msg);
    longjmp(((struct jpeg_failure *)c->err)->back, 1);
}

static void jpeg_note(j_common_ptr c, int level)
{
    if (level < 0 && c->err->msg_code == JWRN_JPEG_EOF)
        ((struct jpeg_failure *)c->err)->cut_off = true;
}

/* The size (at most max_w x max_h, proportions kept, never larger than
 * w x h) a picture of w x h is shown at; max 0: as it is. */
static void fit_size(int w, int h, int max_w, int max_h, int *fw, int *fh)
{
    *fw = w;
    *fh = h;
    if (max_w <= 0 || max_h <= 0 || (w <= max_w && h <= max_h))
        return;
    if ((long long)w * max_h > (long long)h * max_w) { /* wider than the box: width decides */
        *fw = max_w;
        *fh = (int)(((long long)h * max_w + w / 2) / w);
    } else {
        *fh = max_h;
        *fw = (int)(((long long)w * max_h + h / 2) / h);
    }
    if (*fw < 1)
        *fw = 1;
    if (*fh < 1)
        *fh = 1;
}

/* A JPEG decoded by libjpeg at the smallest of its scales 1/8 .. 8/8
 * (DCT scaling: the full-size picture never exists in memory) that is
 * at least `need_w` x `need_h` (as stored, before turning); ARGB8888. */
static SDL_Surface *jpeg_load_scaled(const char *path, int need_w, int need_h)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        SDL_SetError("cannot open %s", path);
        return NULL;
    }
    struct jpeg_decompress_struct cinfo;
    struct jpeg_failure fail = {0};
    SDL_Surface *volatile s = NULL;
    cinfo.err = jpeg_std_error(&fail.mgr);
    fail.mgr.error_exit = jpeg_fail;
    fail.mgr.emit_message = jpeg_note;
    jpeg_create_decompress(&cinfo);
    if (setjmp(fail.back)) {
        jpeg_destroy_decompress(&cinfo);
        fclose(f);
        if (s)
            SDL_FreeSurface(s);
        return NULL;
    }
    /* a progressive JPEG keeps all its coefficients while decoding */
    cinfo.mem->max_memory_to_use = LF_MAX_IMAGE_DECODE_BYTES;
    jpeg_stdio_src(&cinfo, f);
    jpeg_read_header(&cinfo, TRUE);
    if (cinfo.num_components != 1 && cinfo.num_components != 3) {
        /* CMYK: validate refuses it (colours for print) */
        SDL_SetError("a CMYK JPEG (colours for print, %d components) is not shown: save it as "
                     "an RGB (sRGB) JPEG or as PNG", cinfo.num_components);
        longjmp(fail.back, 1);
    }
    cinfo.out_color_space = SDL_BYTEORDER == SDL_LIL_ENDIAN ? JCS_EXT_BGRA : JCS_EXT_ARGB;
    cinfo.scale_denom = 8;
    for (unsigned num = 1; num <= 8; num++) {
        cinfo.scale_num = num;
        jpeg_calc_output_dimensions(&cinfo);
        if ((int)cinfo.output_width >= need_w && (int)cinfo.output_height >= need_h)
            break;
    }
    jpeg_start_decompress(&cinfo);
    s = SDL_CreateRGBSurfaceWithFormat(0, (int)cinfo.output_width, (int)cinfo.output_height, 32,
                                       SDL_PIXELFORMAT_ARGB8888);
    if (!s)
        longjmp(fail.back, 1);
    while (cinfo.output_scanline < cinfo.output_height) {
        JSAMPROW row = (JSAMPROW)((Uint8 *)s->pixels + (size_t)cinfo.output_scanline * s->pitch);
        jpeg_read_scanlines(&cinfo, &row, 1);
    }
    if (fail.cut_off) {
        SDL_SetError("the JPEG data ends early (file cut off)");
        longjmp(fail.back, 1);
    }
    jpeg_finish_decompress(&cinfo);
    jpeg_destroy_decompress(&cinfo);
    fclose(f);
    return s;
}

/* s made w x h: halved (a bilinear halving is the mean of 2 x 2 pixels)
 * while that stays at least as large, then stretched the last step;
 * frees s. */
static SDL_Surface *shrink(SDL_Surface *s, int w, int h)
{
    while (s && (s->w != w || s->h != h)) {
        int nw = s->w / 2 >= w ? s->w / 2 : w, nh = s->h / 2 >= h ? s->h / 2 : h;
        SDL_Surface *n = SDL_CreateRGBSurfaceWithFormat(0, nw, nh, 32, s->format->format);
        if (!n || SDL_SoftStretchLinear(s, NULL, n, NULL) != 0) {
            SDL_FreeSurface(n);
            SDL_FreeSurface(s);
            return NULL;
        }
        SDL_FreeSurface(s);
        s = n;
    }
    return s;
}

SDL_Surface *lf_image_load_fit(const char *path, int max_w, int max_h)
{
    int o = lf_image_orientation(path);
    bool swap = o >= 5; /* turned by a quarter: width and height change places */
    SDL_Surface *s = NULL;
    int w = 0, h = 0;
    if (starts_like_jpeg(path)) {
        /* the size wanted, as stored: read the header once more for it */
        struct jpeg_decompress_struct cinfo;
        struct jpeg_failure fail = {0};
        cinfo.err = jpeg_std_error(&fail.mgr);
        fail.mgr.error_exit = jpeg_fail;
        fail.mgr.emit_message = jpeg_note;
        FILE *volatile hf = fopen(path, "rb");
        if (!hf)
            return NULL;
        jpeg_create_decompress(&cinfo);
        if (setjmp(fail.back)) {
            jpeg_destroy_decompress(&cinfo);
            fclose(hf);
            return NULL;
        }
        jpeg_stdio_src(&cinfo, hf);
        jpeg_read_header(&cinfo, TRUE);
        w = (int)cinfo.image_width;
        h = (int)cinfo.image_height;
        jpeg_destroy_decompress(&cinfo);
        fclose(hf);
        int fw, fh; /* shown upright */
        fit_size(swap ? h : w, swap ? w : h, max_w, max_h, &fw, &fh);
        s = jpeg_load_scaled(path, swap ? fh : fw, swap ? fw : fh);
    } else {
        s = IMG_Load(path);
    }
    if (!s)
        return NULL;
    if (o > 1 || s->format->format != SDL_PIXELFORMAT_ARGB8888) {
        SDL_Surface *turned = lf_surface_oriented(s, o);
        SDL_FreeSurface(s);
        s = turned;
        if (!s)
            return NULL;
    }
    int fw, fh;
    fit_size(s->w, s->h, max_w, max_h, &fw, &fh);
    return shrink(s, fw, fh);
}

SDL_Surface *lf_image_load(const char *path)
{
    return lf_image_load_fit(path, 0, 0);
}
