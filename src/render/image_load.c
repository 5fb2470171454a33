/* Pictures loaded upright: see image_load.h. */
#include <SDL_image.h>
#include <setjmp.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h> /* before jpeglib.h, which uses FILE */
#include <stdlib.h>
#include <string.h>
#include <gif_lib.h>
#include <jpeglib.h>
#include <jerror.h>
#include <libexif/exif-data.h>
#include <png.h>
#include <webp/decode.h>
#include <webp/demux.h>

#include "core/limits.h"
#include "core/picture_kind.h"
#include "render/box_shrink.h"
#include "render/image_load.h"

enum format { FORMAT_OTHER, FORMAT_JPEG, FORMAT_PNG, FORMAT_GIF, FORMAT_WEBP };

static enum format format_of(const char *path)
{
    FILE *f = fopen(path, "rb");
    unsigned char head[16] = {0};
    size_t n = f ? fread(head, 1, sizeof(head), f) : 0;
    if (f)
        fclose(f);
    if (n >= 3 && head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF)
        return FORMAT_JPEG;
    if (n >= 8 && memcmp(head, "\x89PNG\r\n\x1a\n", 8) == 0)
        return FORMAT_PNG;
    const char *kind = lf_picture_kind(head, n);
    if (kind && strcmp(kind, "GIF") == 0)
        return FORMAT_GIF;
    if (kind && strcmp(kind, "WebP") == 0)
        return FORMAT_WEBP;
    return FORMAT_OTHER;
}

static bool starts_like_jpeg(const char *path)
{
    return format_of(path) == FORMAT_JPEG;
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
    /* CMYK or YCCK (a print office's flyer): libjpeg gives CMYK (YCCK
     * converted), made RGB here row by row */
    bool cmyk = cinfo.jpeg_color_space == JCS_CMYK || cinfo.jpeg_color_space == JCS_YCCK;
    if (!cmyk && cinfo.num_components != 1 && cinfo.num_components != 3) {
        SDL_SetError("a JPEG of %d colour components (neither grey, RGB nor CMYK)",
                     cinfo.num_components);
        longjmp(fail.back, 1);
    }
    /* Photoshop writes CMYK JPEGs inverted (0 = full ink) and marks them with
     * its Adobe APP14 segment; so does every program following it
     * (ImageMagick, GIMP): with that marker the values are taken inverted,
     * as browsers do */
    bool inverted = cmyk && cinfo.saw_Adobe_marker;
    cinfo.out_color_space = cmyk ? JCS_CMYK
                                 : SDL_BYTEORDER == SDL_LIL_ENDIAN ? JCS_EXT_BGRA : JCS_EXT_ARGB;
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
        if (!cmyk) {
            jpeg_read_scanlines(&cinfo, &row, 1);
            continue;
        }
        /* 4 bytes of CMYK a pixel, as many as ARGB8888: made RGB in place */
        jpeg_read_scanlines(&cinfo, &row, 1);
        uint32_t *px = (uint32_t *)row;
        for (unsigned x = 0; x < cinfo.output_width; x++) {
            const JSAMPLE *k4 = row + (size_t)x * 4;
            unsigned c = k4[0], m = k4[1], y = k4[2], k = k4[3];
            if (!inverted) {
                c = 255 - c;
                m = 255 - m;
                y = 255 - y;
                k = 255 - k;
            }
            /* now 255 = no ink: what remains of white under each ink */
            uint32_t r = (c * k + 127) / 255, g = (m * k + 127) / 255, b = (y * k + 127) / 255;
            px[x] = 0xFF000000u | r << 16 | g << 8 | b;
        }
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

/* --- PNG: libpng row by row into the box filter --- */

struct png_failure {
    jmp_buf back;
    char msg[160];
};

static void png_fail(png_structp png, png_const_charp msg)
{
    struct png_failure *f = png_get_error_ptr(png);
    snprintf(f->msg, sizeof(f->msg), "%s", msg);
    longjmp(f->back, 1);
}

static void png_note(png_structp png, png_const_charp msg)
{
    (void)png;
    (void)msg; /* warnings (a wrong gamma chunk, an unknown profile) change nothing shown */
}

/* The PNG at path decoded row by row and shrunk while it is read to fit
 * max_w x max_h (0: as it is): the full-size picture never exists in
 * memory, only the target and one row (an interlaced PNG, whose rows come
 * in seven passes, is the exception: decoded whole, within
 * LF_MAX_IMAGE_PIXELS, as before). */
static SDL_Surface *png_load_fit(const char *path, int max_w, int max_h)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        SDL_SetError("cannot open %s", path);
        return NULL;
    }
    struct png_failure fail = {0};
    png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, &fail, png_fail, png_note);
    png_infop info = png ? png_create_info_struct(png) : NULL;
    struct lf_box_shrink *volatile shrinker = NULL;
    uint8_t *volatile rows = NULL;
    SDL_Surface *volatile whole = NULL; /* decoded as it is, until done */
    SDL_Surface *out = NULL;
    if (!png || !info) {
        SDL_SetError("libpng cannot start");
        goto done;
    }
    if (setjmp(fail.back)) {
        if (strcmp(fail.msg, "Read Error") == 0 || strstr(fail.msg, "Not enough image data"))
            SDL_SetError("the PNG data ends early (file cut off)");
        else
            SDL_SetError("%s", fail.msg);
        goto done;
    }
    png_init_io(png, f);
    /* a header claiming more than this is an error before any row is read */
    png_set_user_limits(png, LF_MAX_IMAGE_SIDE, LF_MAX_IMAGE_SIDE);
    png_set_chunk_malloc_max(png, LF_MAX_IMAGE_BYTES);
    png_read_info(png, info);
    png_uint_32 w = png_get_image_width(png, info), h = png_get_image_height(png, info);
    int type = png_get_color_type(png, info), depth = png_get_bit_depth(png, info);
    if ((unsigned long long)w * h > (unsigned long long)LF_MAX_IMAGE_PIXELS) {
        SDL_SetError("%u x %u pixels is more than %d", (unsigned)w, (unsigned)h,
                     LF_MAX_IMAGE_PIXELS);
        goto done;
    }
    /* every kind of PNG made 8-bit B, G, R, A in memory: ARGB8888 */
    if (type == PNG_COLOR_TYPE_PALETTE)
        png_set_palette_to_rgb(png);
    if (type == PNG_COLOR_TYPE_GRAY && depth < 8)
        png_set_expand_gray_1_2_4_to_8(png);
    if (png_get_valid(png, info, PNG_INFO_tRNS))
        png_set_tRNS_to_alpha(png);
    if (depth == 16)
        png_set_strip_16(png);
    if (type == PNG_COLOR_TYPE_GRAY || type == PNG_COLOR_TYPE_GRAY_ALPHA)
        png_set_gray_to_rgb(png);
    bool le = SDL_BYTEORDER == SDL_LIL_ENDIAN;
    png_set_filler(png, 0xFF, le ? PNG_FILLER_AFTER : PNG_FILLER_BEFORE);
    if (le)
        png_set_bgr(png);
    else
        png_set_swap_alpha(png);
    int passes = png_set_interlace_handling(png);
    png_read_update_info(png, info);
    int fw, fh;
    fit_size((int)w, (int)h, max_w, max_h, &fw, &fh);
    if (fw == (int)w && fh == (int)h) {
        /* shown as large as it is (a poster of 800 x 800 on a 1080p
         * screen): the rows decoded straight into the picture, no box
         * filter; as the filter's 1:1 box does, a fully transparent pixel
         * is made 0 (its colour would bleed into its neighbours when the
         * picture is drawn scaled) */
        whole = SDL_CreateRGBSurfaceWithFormat(0, (int)w, (int)h, 32, SDL_PIXELFORMAT_ARGB8888);
        if (!whole)
            goto done;
        for (int p = 0; p < passes; p++)
            for (png_uint_32 y = 0; y < h; y++)
                png_read_row(png, (uint8_t *)whole->pixels + (size_t)whole->pitch * y, NULL);
        for (png_uint_32 y = 0; y < h; y++) {
            uint32_t *px = (uint32_t *)((uint8_t *)whole->pixels + (size_t)whole->pitch * y);
            for (png_uint_32 x = 0; x < w; x++)
                if (px[x] < 0x01000000u)
                    px[x] = 0;
        }
        out = whole;
        whole = NULL;
        goto done;
    }
    shrinker = lf_box_shrink_create((int)w, (int)h, fw, fh);
    if (!shrinker)
        goto done;
    size_t stride = (size_t)w * 4;
    rows = malloc(passes > 1 ? stride * h : stride);
    if (!rows) {
        SDL_OutOfMemory();
        goto done;
    }
    if (passes > 1) {
        for (int p = 0; p < passes; p++)
            for (png_uint_32 y = 0; y < h; y++)
                png_read_row(png, rows + stride * y, NULL);
        for (png_uint_32 y = 0; y < h; y++)
            lf_box_shrink_row(shrinker, (const uint32_t *)(rows + stride * y));
    } else {
        for (png_uint_32 y = 0; y < h; y++) {
            png_read_row(png, rows, NULL);
            lf_box_shrink_row(shrinker, (const uint32_t *)rows);
        }
    }
    out = lf_box_shrink_take(shrinker);
done:
    png_destroy_read_struct(png ? &png : NULL, info ? &info : NULL, NULL);
    SDL_FreeSurface(whole);
    free(rows);
    lf_box_shrink_destroy(shrinker);
    fclose(f);
    return out;
}

/* --- GIF: giflib, the first frame --- */

/* The first frame of the GIF at path (a kiosk does not animate) on the
 * GIF's screen (its logical size; outside the frame transparent), shrunk
 * row by row to fit max_w x max_h. The frame's colour indexes are held
 * (a byte a pixel, within LF_MAX_IMAGE_PIXELS), never the full-size RGB
 * picture; the frames after the first are not read. */
static SDL_Surface *gif_load_fit(const char *path, int max_w, int max_h)
{
    int code = 0;
    GifFileType *gif = DGifOpenFileName(path, &code);
    if (!gif) {
        SDL_SetError("not a readable GIF: %s", GifErrorString(code));
        return NULL;
    }
    struct lf_box_shrink *shrinker = NULL;
    uint8_t *index = NULL;
    uint32_t *row = NULL;
    SDL_Surface *out = NULL;
    int transparent = NO_TRANSPARENT_COLOR;
    int sw = gif->SWidth, sh = gif->SHeight;
    if (sw < 1 || sh < 1 || (long long)sw * sh > LF_MAX_IMAGE_PIXELS) {
        SDL_SetError("its screen size (header) %d x %d is outside 1 .. %d pixels", sw, sh,
                     LF_MAX_IMAGE_PIXELS);
        goto done;
    }
    for (;;) {
        GifRecordType type;
        if (DGifGetRecordType(gif, &type) == GIF_ERROR)
            goto gif_error;
        if (type == TERMINATE_RECORD_TYPE) {
            SDL_SetError("it holds no picture (zero frames)");
            goto done;
        }
        if (type == EXTENSION_RECORD_TYPE) {
            int ext_code;
            GifByteType *ext;
            if (DGifGetExtension(gif, &ext_code, &ext) == GIF_ERROR)
                goto gif_error;
            if (ext_code == GRAPHICS_EXT_FUNC_CODE && ext) {
                GraphicsControlBlock gcb;
                if (DGifExtensionToGCB(ext[0], ext + 1, &gcb) == GIF_OK)
                    transparent = gcb.TransparentColor;
            }
            while (ext)
                if (DGifGetExtensionNext(gif, &ext) == GIF_ERROR)
                    goto gif_error;
            continue;
        }
        if (type != IMAGE_DESC_RECORD_TYPE)
            continue;
        if (DGifGetImageDesc(gif) == GIF_ERROR)
            goto gif_error;
        break;
    }
    const GifImageDesc *d = &gif->Image;
    const ColorMapObject *map = d->ColorMap ? d->ColorMap : gif->SColorMap;
    if (!map) {
        SDL_SetError("its first frame has no colour table");
        goto done;
    }
    if (d->Width < 1 || d->Height < 1 || (long long)d->Width * d->Height > LF_MAX_IMAGE_PIXELS) {
        SDL_SetError("its first frame's size %d x %d is outside 1 .. %d pixels", d->Width,
                     d->Height, LF_MAX_IMAGE_PIXELS);
        goto done;
    }
    index = malloc((size_t)d->Width * d->Height);
    row = malloc((size_t)sw * sizeof(*row));
    int fw, fh;
    fit_size(sw, sh, max_w, max_h, &fw, &fh);
    shrinker = lf_box_shrink_create(sw, sh, fw, fh);
    if (!index || !row || !shrinker) {
        SDL_OutOfMemory();
        goto done;
    }
    if (d->Interlace) { /* rows in four passes: 0, 4, 2, 1 apart 8, 8, 4, 2 */
        static const int start[4] = {0, 4, 2, 1}, step[4] = {8, 8, 4, 2};
        for (int p = 0; p < 4; p++)
            for (int y = start[p]; y < d->Height; y += step[p])
                if (DGifGetLine(gif, index + (size_t)y * d->Width, d->Width) == GIF_ERROR)
                    goto gif_error;
    } else {
        for (int y = 0; y < d->Height; y++)
            if (DGifGetLine(gif, index + (size_t)y * d->Width, d->Width) == GIF_ERROR)
                goto gif_error;
    }
    for (int y = 0; y < sh; y++) {
        memset(row, 0, (size_t)sw * sizeof(*row));
        int fy = y - d->Top;
        if (fy >= 0 && fy < d->Height) {
            const uint8_t *in = index + (size_t)fy * d->Width;
            for (int fx = 0; fx < d->Width; fx++) {
                int x = d->Left + fx;
                if (x < 0 || x >= sw || in[fx] == transparent || in[fx] >= map->ColorCount)
                    continue;
                const GifColorType *c = &map->Colors[in[fx]];
                row[x] = 0xFF000000u | (uint32_t)c->Red << 16 | (uint32_t)c->Green << 8 |
                         c->Blue;
            }
        }
        lf_box_shrink_row(shrinker, row);
    }
    out = lf_box_shrink_take(shrinker);
    goto done;
gif_error:
    if (gif->Error == D_GIF_ERR_READ_FAILED)
        SDL_SetError("the GIF data ends early (file cut off)");
    else if (gif->Error == D_GIF_ERR_EOF_TOO_SOON) /* a block ends before the picture does */
        SDL_SetError("the GIF data ends early (file cut off, or damaged)");
    else
        SDL_SetError("%s", GifErrorString(gif->Error));
done:
    lf_box_shrink_destroy(shrinker);
    free(index);
    free(row);
    DGifCloseFile(gif, &code);
    return out;
}

/* --- WebP: libwebp, scaled by its decoder --- */

/* The WebP at path, decoded by libwebp already scaled to fit max_w x max_h
 * (its rescaler works row by row on a lossy picture; a lossless one is held
 * whole while decoding, within LF_MAX_IMAGE_PIXELS). Of an animated WebP
 * the first frame, as of a GIF (a kiosk does not animate; libwebp's demux
 * API finds it, the frames after it are not decoded): drawn at its place
 * on the picture's canvas, the rest of the canvas transparent. */
static SDL_Surface *webp_load_fit(const char *path, int max_w, int max_h)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        SDL_SetError("cannot open %s", path);
        return NULL;
    }
    SDL_Surface *out = NULL;
    uint8_t *data = NULL;
    long size = -1;
    if (fseek(f, 0, SEEK_END) == 0)
        size = ftell(f);
    if (size < 0 || size > LF_MAX_IMAGE_BYTES || fseek(f, 0, SEEK_SET) != 0) {
        SDL_SetError("larger than %d bytes, or not readable", LF_MAX_IMAGE_BYTES);
        goto done;
    }
    data = malloc(size ? (size_t)size : 1);
    if (!data || fread(data, 1, (size_t)size, f) != (size_t)size) {
        SDL_SetError("cannot read it");
        goto done;
    }
    WebPDecoderConfig config;
    if (!WebPInitDecoderConfig(&config)) {
        SDL_SetError("libwebp cannot start");
        goto done;
    }
    VP8StatusCode st = WebPGetFeatures(data, (size_t)size, &config.input);
    if (st != VP8_STATUS_OK) {
        SDL_SetError(st == VP8_STATUS_NOT_ENOUGH_DATA ? "the WebP data ends early (file cut off)"
                                                      : "its WebP header is damaged (status %d)",
                     (int)st);
        goto done;
    }
    int w = config.input.width, h = config.input.height;
    /* what is decoded: the whole file, or an animation's first frame at
     * (fx, fy), fw0 x fh0 pixels of the w x h canvas */
    const uint8_t *frame = data;
    size_t frame_size = (size_t)size;
    int fx = 0, fy = 0, fw0 = w, fh0 = h;
    if (config.input.has_animation) {
        WebPData whole = {data, (size_t)size};
        WebPDemuxer *demux = WebPDemux(&whole);
        WebPIterator it;
        if (!demux || !WebPDemuxGetFrame(demux, 1, &it)) {
            SDL_SetError("an animated WebP without a readable first frame (file cut off or "
                         "damaged)");
            WebPDemuxDelete(demux);
            goto done;
        }
        w = (int)WebPDemuxGetI(demux, WEBP_FF_CANVAS_WIDTH);
        h = (int)WebPDemuxGetI(demux, WEBP_FF_CANVAS_HEIGHT);
        frame = it.fragment.bytes; /* inside data: stays valid after the demuxer */
        frame_size = it.fragment.size;
        fx = it.x_offset;
        fy = it.y_offset;
        fw0 = it.width;
        fh0 = it.height;
        WebPDemuxReleaseIterator(&it);
        WebPDemuxDelete(demux);
    }
    if (w < 1 || h < 1 || (long long)w * h > LF_MAX_IMAGE_PIXELS) {
        SDL_SetError("%d x %d pixels is outside 1 .. %d", w, h, LF_MAX_IMAGE_PIXELS);
        goto done;
    }
    if (fw0 < 1 || fh0 < 1 || fx < 0 || fy < 0 || fx + fw0 > w || fy + fh0 > h) {
        SDL_SetError("its first frame (%d x %d at %d, %d) lies outside its %d x %d canvas", fw0,
                     fh0, fx, fy, w, h);
        goto done;
    }
    int fw, fh;
    fit_size(w, h, max_w, max_h, &fw, &fh);
    /* zeroed: transparent where an animation's first frame does not reach */
    out = SDL_CreateRGBSurfaceWithFormat(0, fw, fh, 32, SDL_PIXELFORMAT_ARGB8888);
    if (!out)
        goto done;
    /* the frame's place and size on the scaled canvas */
    int x0 = (int)((long long)fx * fw / w), y0 = (int)((long long)fy * fh / h);
    int x1 = (int)(((long long)(fx + fw0) * fw + w - 1) / w);
    int y1 = (int)(((long long)(fy + fh0) * fh + h - 1) / h);
    x1 = x1 > fw ? fw : x1 <= x0 ? x0 + 1 : x1;
    y1 = y1 > fh ? fh : y1 <= y0 ? y0 + 1 : y1;
    if (x1 - x0 != fw0 || y1 - y0 != fh0) {
        config.options.use_scaling = 1;
        config.options.scaled_width = x1 - x0;
        config.options.scaled_height = y1 - y0;
    }
    config.output.colorspace = SDL_BYTEORDER == SDL_LIL_ENDIAN ? MODE_BGRA : MODE_ARGB;
    config.output.is_external_memory = 1;
    config.output.u.RGBA.rgba = (uint8_t *)out->pixels + (size_t)y0 * out->pitch + (size_t)x0 * 4;
    config.output.u.RGBA.stride = out->pitch;
    config.output.u.RGBA.size = (size_t)out->pitch * (size_t)(y1 - y0 - 1) + (size_t)(x1 - x0) * 4;
    st = WebPDecode(frame, frame_size, &config);
    WebPFreeDecBuffer(&config.output);
    if (st != VP8_STATUS_OK) {
        SDL_SetError(st == VP8_STATUS_NOT_ENOUGH_DATA ? "the WebP data ends early (file cut off)"
                                                      : "its WebP data is damaged (status %d)",
                     (int)st);
        SDL_FreeSurface(out);
        out = NULL;
    }
done:
    free(data);
    fclose(f);
    return out;
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
        switch (format_of(path)) {
        case FORMAT_PNG: s = png_load_fit(path, max_w, max_h); break;
        case FORMAT_GIF: s = gif_load_fit(path, max_w, max_h); break;
        case FORMAT_WEBP: s = webp_load_fit(path, max_w, max_h); break;
        default: s = IMG_Load(path); break;
        }
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
