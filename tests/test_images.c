/* Images that are broken when the kiosk draws them, headless (offscreen
 * software renderer): a PNG whose header claims 50000x50000 pixels is
 * refused from its header without being decoded, a file that is not an
 * image or cannot be decoded is not drawn, an image deleted after the
 * bundle was validated leaves its slide drawn without it; each broken
 * image is reported once, however often its slide comes round, and the
 * rest of the slide is drawn. A good image is drawn (so the checks can
 * fail). */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <SDL.h>
#include <SDL_image.h>
#include <SDL_ttf.h>
#include <fcntl.h>
#include <stdio.h>
#include <jpeglib.h>
#include <gif_lib.h>
#include <png.h>
#include <stdlib.h>
#include <webp/encode.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "app/carousel.h"
#include "content/bundle.h"
#include "core/civil_time.h"
#include "core/limits.h"
#include "layout/slide_layout.h"
#include "render/box_shrink.h"
#include "render/image_load.h"
#include "render/painter.h"
#include "render/typesetter.h"
#include "support/log_capture.h"

/* 1280x720: at 800x480 the sample event's poster gives way to the card
 * with its QR code (slide_layout.c), and the broken-image test needs it */
#define CANVAS_W 1280
#define CANVAS_H 720

struct fixture {
    char dir[256];              /* temporary folder with the image files */
    struct lf_typesetter *ts;
    SDL_Surface *surface;
    SDL_Renderer *renderer;
    struct lf_painter *painter;
};

static const char *source_dir(void)
{
    const char *d = getenv("LITFASS_SOURCE_DIR");
    return d ? d : LITFASS_SOURCE_DIR;
}

/* --- PNG files written byte by byte --- */

static uint32_t crc32_png(const unsigned char *p, size_t n)
{
    uint32_t c = 0xFFFFFFFFu;
    for (size_t i = 0; i < n; i++) {
        c ^= p[i];
        for (int k = 0; k < 8; k++)
            c = (c >> 1) ^ (0xEDB88320u & (0u - (c & 1u)));
    }
    return c ^ 0xFFFFFFFFu;
}

static void put_be32(unsigned char *b, uint32_t v)
{
    b[0] = (unsigned char)(v >> 24);
    b[1] = (unsigned char)(v >> 16);
    b[2] = (unsigned char)(v >> 8);
    b[3] = (unsigned char)v;
}

static void write_chunk(FILE *f, const char *type, const unsigned char *data, uint32_t len)
{
    unsigned char head[8], crc[4];
    unsigned char buf[64];
    assert_true(len + 4 <= sizeof(buf));
    put_be32(head, len);
    memcpy(head + 4, type, 4);
    memcpy(buf, type, 4);
    if (len)
        memcpy(buf + 4, data, len);
    put_be32(crc, crc32_png(buf, len + 4));
    assert_int_equal(fwrite(head, 1, 8, f), 8);
    if (len)
        assert_int_equal(fwrite(data, 1, len, f), len);
    assert_int_equal(fwrite(crc, 1, 4, f), 4);
}

/* A well-formed PNG: signature, IHDR claiming w x h (8-bit RGB), one tiny
 * IDAT (a valid zlib stream of a few bytes, far too short for w x h) and
 * IEND. All CRCs are right, so only the claimed size is wrong. */
static void write_png_claiming(const char *path, uint32_t w, uint32_t h)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite("\x89PNG\r\n\x1a\n", 1, 8, f), 8);
    unsigned char ihdr[13] = {0};
    put_be32(ihdr, w);
    put_be32(ihdr + 4, h);
    ihdr[8] = 8; /* bit depth */
    ihdr[9] = 2; /* truecolour */
    write_chunk(f, "IHDR", ihdr, sizeof(ihdr));
    /* zlib: one stored block holding a single 0 byte */
    static const unsigned char idat[] = {0x78, 0x01, 0x01, 0x01, 0x00, 0xFE, 0xFF, 0x00,
                                         0x00, 0x01, 0x00, 0x01};
    write_chunk(f, "IDAT", idat, sizeof(idat));
    write_chunk(f, "IEND", NULL, 0);
    assert_int_equal(fclose(f), 0);
}

static void write_bytes(const char *path, const void *data, size_t n)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(data, 1, n, f), n);
    assert_int_equal(fclose(f), 0);
}

/* A real 32x32 PNG in one colour. */
static void write_good_png(const char *path, SDL_Color c)
{
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, 32, 32, 32, SDL_PIXELFORMAT_ARGB8888);
    assert_non_null(s);
    SDL_FillRect(s, NULL, SDL_MapRGB(s->format, c.r, c.g, c.b));
    assert_int_equal(IMG_SavePNG(s, path), 0);
    SDL_FreeSurface(s);
}

static void copy_file(const char *from, const char *to)
{
    FILE *in = fopen(from, "rb");
    assert_non_null(in);
    FILE *out = fopen(to, "wb");
    assert_non_null(out);
    char buf[8192];
    size_t n;
    while ((n = fread(buf, 1, sizeof(buf), in)) > 0)
        assert_int_equal(fwrite(buf, 1, n, out), n);
    fclose(in);
    assert_int_equal(fclose(out), 0);
}

/* --- what the painter logs (tests/support/log_capture.h) --- */

static int count_lines_with(const char *log, const char *a, const char *b)
{
    int n = 0;
    for (const char *line = log; *line;) {
        const char *end = strchr(line, '\n');
        size_t len = end ? (size_t)(end - line) : strlen(line);
        char one[1024];
        snprintf(one, sizeof(one), "%.*s", (int)(len < sizeof(one) - 1 ? len : sizeof(one) - 1),
                 line);
        if (strstr(one, a) && (!b || strstr(one, b)))
            n++;
        line += len + (end ? 1 : 0);
    }
    return n;
}


/* --- JPEG files written by libjpeg: a white picture with a red band
 * along its top sixth and a blue one along its bottom sixth, as stored;
 * EXIF orientation 1..8 (0: no EXIF) --- */
static void write_jpeg(const char *path, int w, int h, int orientation, bool progressive)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    struct jpeg_compress_struct c;
    struct jpeg_error_mgr e;
    c.err = jpeg_std_error(&e);
    jpeg_create_compress(&c);
    jpeg_stdio_dest(&c, f);
    c.image_width = (JDIMENSION)w;
    c.image_height = (JDIMENSION)h;
    c.input_components = 3;
    c.in_color_space = JCS_RGB;
    jpeg_set_defaults(&c);
    jpeg_set_quality(&c, 80, TRUE);
    if (progressive)
        jpeg_simple_progression(&c);
    jpeg_start_compress(&c, TRUE);
    if (orientation) {
        /* Exif, a little-endian TIFF header and one IFD entry: 0x0112 SHORT 1 */
        unsigned char exif[] = {'E', 'x', 'i', 'f', 0, 0, 'I', 'I', 42, 0, 8, 0, 0, 0,
                                1, 0, 0x12, 0x01, 3, 0, 1, 0, 0, 0,
                                (unsigned char)orientation, 0, 0, 0, 0, 0, 0, 0};
        jpeg_write_marker(&c, JPEG_APP0 + 1, exif, sizeof(exif));
    }
    unsigned char *row = malloc((size_t)w * 3);
    assert_non_null(row);
    while (c.next_scanline < c.image_height) {
        int y = (int)c.next_scanline;
        unsigned char r = 255, g = 255, b = 255;
        if (y < h / 6)
            g = b = 30;
        else if (y >= h - h / 6)
            r = g = 30;
        for (int x = 0; x < w; x++) {
            row[3 * x] = r;
            row[3 * x + 1] = g;
            row[3 * x + 2] = b;
        }
        JSAMPROW rows[1] = {row};
        jpeg_write_scanlines(&c, rows, 1);
    }
    free(row);
    jpeg_finish_compress(&c);
    jpeg_destroy_compress(&c);
    assert_int_equal(fclose(f), 0);
}

/* --- GIF, WebP, PNG and CMYK JPEG files made with the libraries --- */

/* Cuts the file at path to keep_percent of its bytes (100: whole). */
static void cut_to(const char *path, int keep_percent)
{
    if (keep_percent >= 100)
        return;
    struct stat st;
    assert_int_equal(stat(path, &st), 0);
    assert_int_equal(truncate(path, st.st_size * keep_percent / 100), 0);
}

/* A GIF of w x h: its first frame green on the left half, blue on the
 * right, the top eighth transparent; `animated`: a second frame all red
 * (never shown). Written interlaced when asked (rows in GIF's order). */
static void write_gif(const char *path, int w, int h, bool interlaced, bool animated,
                      int keep_percent)
{
    int err = 0;
    GifFileType *g = EGifOpenFileName(path, false, &err);
    assert_non_null(g);
    GifColorType colours[4] = {{0, 0, 0}, {0, 200, 0}, {0, 0, 255}, {255, 0, 0}};
    ColorMapObject *map = GifMakeMapObject(4, colours);
    assert_non_null(map);
    assert_int_equal(EGifPutScreenDesc(g, w, h, 2, 0, map), GIF_OK);
    GraphicsControlBlock gcb = {.DisposalMode = DISPOSAL_UNSPECIFIED, .DelayTime = 50,
                                .TransparentColor = 0};
    GifByteType ext[4];
    EGifGCBToExtension(&gcb, ext);
    assert_int_equal(EGifPutExtension(g, GRAPHICS_EXT_FUNC_CODE, 4, ext), GIF_OK);
    assert_int_equal(EGifPutImageDesc(g, 0, 0, w, h, interlaced, NULL), GIF_OK);
    GifPixelType *line = malloc((size_t)w);
    assert_non_null(line);
    static const int start[4] = {0, 4, 2, 1}, step[4] = {8, 8, 4, 2};
    for (int p = 0; p < (interlaced ? 4 : 1); p++) {
        for (int y = interlaced ? start[p] : 0; y < h; y += interlaced ? step[p] : 1) {
            for (int x = 0; x < w; x++)
                line[x] = y < h / 8 ? 0 : x < w / 2 ? 1 : 2;
            assert_int_equal(EGifPutLine(g, line, w), GIF_OK);
        }
    }
    if (animated) {
        assert_int_equal(EGifPutExtension(g, GRAPHICS_EXT_FUNC_CODE, 4, ext), GIF_OK);
        assert_int_equal(EGifPutImageDesc(g, 0, 0, w, h, false, NULL), GIF_OK);
        memset(line, 3, (size_t)w);
        for (int y = 0; y < h; y++)
            assert_int_equal(EGifPutLine(g, line, w), GIF_OK);
    }
    free(line);
    GifFreeMapObject(map);
    assert_int_equal(EGifCloseFile(g, &err), GIF_OK);
    cut_to(path, keep_percent);
}

/* A WebP of w x h: red above, blue below the middle, opaque. */
static void write_webp(const char *path, int w, int h, bool lossless, int keep_percent)
{
    uint8_t *rgba = malloc((size_t)w * h * 4);
    assert_non_null(rgba);
    for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++) {
            uint8_t *p = rgba + ((size_t)y * w + x) * 4;
            p[0] = y < h / 2 ? 230 : 10;
            p[1] = 10;
            p[2] = y < h / 2 ? 10 : 230;
            p[3] = 255;
        }
    uint8_t *out = NULL;
    size_t n = lossless ? WebPEncodeLosslessRGBA(rgba, w, h, w * 4, &out)
                        : WebPEncodeRGBA(rgba, w, h, w * 4, 90, &out);
    assert_true(n > 0);
    write_bytes(path, out, n);
    WebPFree(out);
    free(rgba);
    cut_to(path, keep_percent);
}

/* --- an animated WebP, put together by hand (RFC 9649: VP8X, ANIM, ANMF) --- */

static void put24(uint8_t *p, unsigned v)
{
    p[0] = (uint8_t)v;
    p[1] = (uint8_t)(v >> 8);
    p[2] = (uint8_t)(v >> 16);
}

static void put32(uint8_t *p, unsigned v)
{
    put24(p, v);
    p[3] = (uint8_t)(v >> 24);
}

struct anim_frame {
    int x, y, w, h;       /* on the canvas; x and y even */
    uint8_t top[3], bottom[3]; /* the frame's upper and lower half */
};

/* An animated WebP of a cw x ch canvas and n lossless frames (libwebp
 * encodes each; its VP8L chunk goes into an ANMF chunk). */
static void write_anim_webp(const char *path, int cw, int ch, const struct anim_frame *fr, int n)
{
    size_t cap = 64, len = 0;
    uint8_t *buf = malloc(cap);
    assert_non_null(buf);
    uint8_t head[12 + 18 + 14] = "RIFF\0\0\0\0WEBPVP8X";
    put32(head + 16, 10);
    head[20] = 0x12; /* animation, alpha */
    put24(head + 24, (unsigned)cw - 1);
    put24(head + 27, (unsigned)ch - 1);
    memcpy(head + 30, "ANIM", 4);
    put32(head + 34, 6);
    memset(head + 38, 0, 6); /* background transparent, loop forever */
    memcpy(buf, head, sizeof(head));
    len = sizeof(head);
    for (int i = 0; i < n; i++) {
        const struct anim_frame *f = &fr[i];
        uint8_t *rgba = malloc((size_t)f->w * f->h * 4);
        assert_non_null(rgba);
        for (int y = 0; y < f->h; y++)
            for (int x = 0; x < f->w; x++) {
                uint8_t *px = rgba + ((size_t)y * f->w + x) * 4;
                memcpy(px, y < f->h / 2 ? f->top : f->bottom, 3);
                px[3] = 255;
            }
        uint8_t *enc = NULL;
        size_t m = WebPEncodeLosslessRGBA(rgba, f->w, f->h, f->w * 4, &enc);
        free(rgba);
        assert_true(m > 20 && memcmp(enc + 12, "VP8L", 4) == 0);
        size_t chunk = m - 12; /* the VP8L chunk, its header and padding */
        size_t payload = 16 + chunk;
        while (len + 8 + payload + 1 > cap) {
            cap *= 2;
            buf = realloc(buf, cap);
            assert_non_null(buf);
        }
        uint8_t *a = buf + len;
        memcpy(a, "ANMF", 4);
        put32(a + 4, (unsigned)payload);
        put24(a + 8, (unsigned)f->x / 2);
        put24(a + 11, (unsigned)f->y / 2);
        put24(a + 14, (unsigned)f->w - 1);
        put24(a + 17, (unsigned)f->h - 1);
        put24(a + 20, 100); /* ms */
        a[23] = 0x02;       /* no blending, nothing disposed */
        memcpy(a + 24, enc + 12, chunk);
        len += 8 + payload;
        WebPFree(enc);
    }
    put32(buf + 4, (unsigned)len - 8);
    write_bytes(path, buf, len);
    free(buf);
}

/* A PNG of w x h by libpng, RGBA: the top fifth transparent, below it red
 * on the left half and blue on the right; 16 bits a channel and Adam7
 * interlaced when asked. */
static void write_png_rgba(const char *path, int w, int h, bool bits16, bool interlaced)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, NULL, NULL, NULL);
    png_infop info = png_create_info_struct(png);
    assert_non_null(info);
    png_init_io(png, f);
    png_set_IHDR(png, info, (png_uint_32)w, (png_uint_32)h, bits16 ? 16 : 8,
                 PNG_COLOR_TYPE_RGBA, interlaced ? PNG_INTERLACE_ADAM7 : PNG_INTERLACE_NONE,
                 PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    png_write_info(png, info);
    int bytes = bits16 ? 2 : 1;
    png_bytep rows = malloc((size_t)w * h * 4 * bytes);
    png_bytepp ptrs = malloc((size_t)h * sizeof(*ptrs));
    assert_non_null(rows);
    assert_non_null(ptrs);
    for (int y = 0; y < h; y++) {
        ptrs[y] = rows + (size_t)y * w * 4 * bytes;
        for (int x = 0; x < w; x++) {
            unsigned char c[4] = {0, 0, 0, 0};
            if (y >= h / 5) {
                c[0] = x < w / 2 ? 255 : 0;
                c[2] = x < w / 2 ? 0 : 255;
                c[3] = 255;
            }
            for (int k = 0; k < 4; k++)
                for (int b = 0; b < bytes; b++)
                    ptrs[y][((size_t)x * 4 + k) * bytes + b] = c[k];
        }
    }
    png_write_image(png, ptrs);
    png_write_end(png, NULL);
    png_destroy_write_struct(&png, &info);
    free(rows);
    free(ptrs);
    assert_int_equal(fclose(f), 0);
}

/* A CMYK JPEG of w x h by libjpeg: red bands (magenta and yellow ink) in
 * its top third, green (cyan and yellow) in the middle, blue (cyan and
 * magenta) below. `adobe`: with the Adobe marker and stored inverted, as
 * Photoshop does; else without the marker, 255 = full ink. `ycck`: stored
 * as YCCK (what ImageMagick writes). */
static void write_cmyk_jpeg(const char *path, int w, int h, bool adobe, bool ycck)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    struct jpeg_compress_struct c;
    struct jpeg_error_mgr e;
    c.err = jpeg_std_error(&e);
    jpeg_create_compress(&c);
    jpeg_stdio_dest(&c, f);
    c.image_width = (JDIMENSION)w;
    c.image_height = (JDIMENSION)h;
    c.input_components = 4;
    c.in_color_space = JCS_CMYK;
    jpeg_set_defaults(&c);
    jpeg_set_colorspace(&c, ycck ? JCS_YCCK : JCS_CMYK);
    c.write_Adobe_marker = adobe;
    jpeg_set_quality(&c, 90, TRUE);
    jpeg_start_compress(&c, TRUE);
    unsigned char *row = malloc((size_t)w * 4);
    assert_non_null(row);
    while (c.next_scanline < c.image_height) {
        int y = (int)c.next_scanline;
        unsigned char ink[4] = {0, 255, 255, 0}; /* red */
        if (y >= h / 3 && y < 2 * h / 3)
            ink[0] = 255, ink[1] = 0; /* green */
        else if (y >= 2 * h / 3)
            ink[0] = 255, ink[2] = 0; /* blue */
        for (int x = 0; x < w; x++)
            for (int k = 0; k < 4; k++)
                row[4 * x + k] = adobe ? (unsigned char)(255 - ink[k]) : ink[k];
        JSAMPROW rows[1] = {row};
        jpeg_write_scanlines(&c, rows, 1);
    }
    free(row);
    jpeg_finish_compress(&c);
    jpeg_destroy_compress(&c);
    assert_int_equal(fclose(f), 0);
}

/* --- canvas --- */

static int setup(void **state)
{
    static struct fixture f;
    if (!lf_civil_time_init() || TTF_Init() != 0)
        return -1;
    snprintf(f.dir, sizeof(f.dir), "/tmp/litfass-images-XXXXXX");
    if (!mkdtemp(f.dir))
        return -1;
    f.ts = lf_typesetter_create();
    if (!f.ts)
        return -1;
    f.surface = SDL_CreateRGBSurfaceWithFormat(0, CANVAS_W, CANVAS_H, 32,
                                               SDL_PIXELFORMAT_ARGB8888);
    f.renderer = f.surface ? SDL_CreateSoftwareRenderer(f.surface) : NULL;
    if (!f.renderer)
        return -1;
    f.painter = lf_painter_create(f.renderer, f.ts);
    *state = &f;
    return 0;
}

static int teardown(void **state)
{
    struct fixture *f = *state;
    lf_painter_destroy(f->painter);
    SDL_DestroyRenderer(f->renderer);
    SDL_FreeSurface(f->surface);
    lf_typesetter_destroy(f->ts);
    char cmd[300];
    snprintf(cmd, sizeof(cmd), "rm -rf '%s'", f->dir);
    if (system(cmd) != 0)
        fprintf(stderr, "could not remove %s\n", f->dir);
    TTF_Quit();
    return 0;
}

static uint32_t pixel(const SDL_Surface *s, int x, int y)
{
    return ((const uint32_t *)((const uint8_t *)s->pixels + y * s->pitch))[x] & 0xFFFFFF;
}

/* Pixels in a box of colour `c` (0xRRGGBB). */
static long count_colour(const SDL_Surface *s, struct lf_box b, uint32_t c)
{
    long n = 0;
    for (int y = b.y; y < b.y + b.h; y++)
        for (int x = b.x; x < b.x + b.w; x++)
            n += pixel(s, x, y) == c;
    return n;
}

#define BACKGROUND 0xF0F0F0u
#define IMAGE_COLOUR 0x2060C0u

static const struct lf_box image_box = {20, 20, 200, 200};
static const struct lf_box text_box = {260, 40, 360, 60};

/* One slide: a background, an image and a line of text beside it. */
static void draw_slide(struct fixture *f, const char *image_path)
{
    struct lf_scene *s = lf_scene_create();
    lf_scene_rect(s, (struct lf_box){0, 0, CANVAS_W, CANVAS_H},
                  (struct lf_rgba){0xF0, 0xF0, 0xF0, 255}, 0);
    lf_scene_image(s, image_box, image_path);
    const char *line = "Sprechstunde Montag 9 Uhr";
    lf_scene_text(s, text_box, line, strlen(line), LF_FACE_BOLD, 32,
                  (struct lf_rgba){0, 0, 0, 255}, false);
    SDL_SetRenderDrawColor(f->renderer, 0, 0, 0, 255);
    SDL_RenderClear(f->renderer);
    lf_painter_draw(f->painter, s, 0, 255);
    SDL_RenderPresent(f->renderer);
    lf_scene_destroy(s);
}

/* Draws the slide on `rounds` slide changes, with enough sweeps in
 * between that the cache entry of the image is freed and made again. */
static void show_rounds(struct fixture *f, const char *path, int rounds)
{
    for (int r = 0; r < rounds; r++) {
        draw_slide(f, path);
        for (int k = 0; k < 3; k++)
            lf_painter_sweep(f->painter);
    }
}

static void a_good_image_is_drawn(void **state)
{
    struct fixture *f = *state;
    char path[300];
    snprintf(path, sizeof(path), "%s/good.png", f->dir);
    write_good_png(path, (SDL_Color){0x20, 0x60, 0xC0, 255});
    size_t decodes = lf_painter_stats(f->painter).image_decodes;
    draw_slide(f, path);
    assert_int_equal(lf_painter_stats(f->painter).image_decodes, decodes + 1);
    /* scaled to fit 200x200: nearly all of the box is the image */
    assert_true(count_colour(f->surface, image_box, IMAGE_COLOUR) > 150L * 150);
    assert_true(count_colour(f->surface, text_box, BACKGROUND) < (long)text_box.w * text_box.h);
}

static const struct broken_case {
    const char *name;
    const char *file;       /* written in the temporary folder */
    const char *kind;       /* how it is made */
    const char *log;        /* what the warning says */
    bool decoded;           /* the painter tried to decode it */
} broken_cases[] = {
    {"PNG claiming 50000x50000", "huge.png", "huge", "50000x50000 pixels is more than allowed",
     false},
    {"PNG claiming 9000x10", "wide.png", "wide", "9000x10 pixels is more than allowed", false},
    {"text file named .png", "text.png", "text", "not a PNG, JPEG, GIF or WebP image", false},
    {"GIF claiming 65535x65535", "huge.gif", "huge-gif", "65535x65535 pixels is more than allowed",
     false},
    {"WebP claiming 16384x16384", "huge.webp", "huge-webp",
     "16384x16384 pixels is more than allowed", false},
    {"GIF without frames", "empty.gif", "empty-gif", "it holds no picture (zero frames)", true},
    {"GIF cut off", "cut.gif", "cut-gif", "the GIF data ends early (file cut off", true},
    {"WebP cut off", "cut.webp", "cut-webp", "the WebP data ends early (file cut off)", true},
    {"PNG with a broken body", "cut.png", "cut", "cannot be decoded", true},
    {"missing file", "gone.png", "none", "missing or larger than", false},
};

static void a_broken_image_is_reported_once_and_its_slide_drawn(void **state)
{
    struct fixture *f = *state;
    for (size_t i = 0; i < sizeof(broken_cases) / sizeof(broken_cases[0]); i++) {
        const struct broken_case *bc = &broken_cases[i];
        char path[300];
        snprintf(path, sizeof(path), "%s/%s", f->dir, bc->file);
        if (strcmp(bc->kind, "huge") == 0)
            write_png_claiming(path, 50000, 50000);
        else if (strcmp(bc->kind, "wide") == 0)
            write_png_claiming(path, 9000, 10);
        else if (strcmp(bc->kind, "cut") == 0)
            write_png_claiming(path, 16, 16);
        else if (strcmp(bc->kind, "text") == 0)
            write_bytes(path, "hello, not an image\n", 20);
        else if (strcmp(bc->kind, "huge-gif") == 0)
            write_bytes(path, "GIF89a\xff\xff\xff\xff\0\0\0;", 14);
        else if (strcmp(bc->kind, "huge-webp") == 0) /* VP8X: canvas 16384 x 16384 */
            write_bytes(path, "RIFF\x16\0\0\0WEBPVP8X\x0a\0\0\0\0\0\0\0\xff\x3f\0\xff\x3f\0", 30);
        else if (strcmp(bc->kind, "empty-gif") == 0) /* 8 x 8, a colour table, no image */
            write_bytes(path, "GIF89a\x08\0\x08\0\x80\0\0\0\0\0\xff\xff\xff;", 20);
        else if (strcmp(bc->kind, "cut-gif") == 0)
            write_gif(path, 64, 48, false, false, 40);
        else if (strcmp(bc->kind, "cut-webp") == 0)
            write_webp(path, 64, 48, false, 60);
        size_t decodes = lf_painter_stats(f->painter).image_decodes;
        struct log_capture cap;
        log_capture_begin(&cap);
        show_rounds(f, path, 4);
        char *log = log_capture_end(&cap);
        /* one warning naming the file and the reason, however many rounds */
        int warnings = count_lines_with(log, path, bc->log);
        if (warnings != 1)
            fail_msg("%s: %d warnings for %s in:\n%s", bc->name, warnings, path, log);
        free(log);
        /* a size refused from the header is never decoded; a file that
         * failed to decode is not decoded again while it is unchanged */
        size_t tried = lf_painter_stats(f->painter).image_decodes - decodes;
        if (tried != (bc->decoded ? 1u : 0u))
            fail_msg("%s: %zu decodes", bc->name, tried);
        /* the image box shows the background, the text is drawn */
        assert_int_equal(count_colour(f->surface, image_box, BACKGROUND),
                         (long)image_box.w * image_box.h);
        long text_bg = count_colour(f->surface, text_box, BACKGROUND);
        if (text_bg > (long)text_box.w * text_box.h * 95 / 100)
            fail_msg("%s: the text beside the image is not drawn", bc->name);
    }
}

/* A bundle that passed validation; then its image disappears (or is
 * replaced by one claiming 50000x50000 pixels) before its slide is
 * shown. Every page is still drawn, the image is reported once. */
static void an_image_broken_after_validation_leaves_its_slide(void **state)
{
    struct fixture *f = *state;
    char bdir[300], images[320], from[4096], to[400];
    snprintf(bdir, sizeof(bdir), "%s/bundle", f->dir);
    snprintf(images, sizeof(images), "%s/images", bdir);
    assert_int_equal(mkdir(bdir, 0755), 0);
    assert_int_equal(mkdir(images, 0755), 0);
    snprintf(from, sizeof(from), "%s/tests/data/bundles/valid/content.json", source_dir());
    snprintf(to, sizeof(to), "%s/content.json", bdir);
    copy_file(from, to);
    snprintf(from, sizeof(from), "%s/tests/data/bundles/valid/images/poster.png", source_dir());
    snprintf(to, sizeof(to), "%s/poster.png", images);
    copy_file(from, to);

    struct lf_diags *d = lf_diags_create();
    struct lf_bundle *b = lf_bundle_load(bdir, d);
    lf_diags_print(d, stderr);
    lf_diags_destroy(d);
    assert_non_null(b);

    static const char *const breakage[] = {"deleted", "replaced by a 50000x50000 PNG"};
    static const char *const reason[] = {"missing", "50000x50000 pixels"};
    for (int round = 0; round < 2; round++) {
        if (round == 0) {
            assert_int_equal(unlink(to), 0);
        } else {
            /* the same path, broken another way: a new file, so it is
             * reported (once) with its own reason, and not decoded */
            write_png_claiming(to, 50000, 50000);
        }
        const struct lf_theme *theme = lf_theme_get(LF_THEME_STANDARD);
        struct lf_view v = {.bundle = b, .lang = "de", .now = lf_local_make(2026, 11, 23, 10, 0),
                            .theme = theme, .measure = lf_typesetter_measure(f->ts),
                            .width = CANVAS_W, .height = CANVAS_H, .text_scale = 1.0};
        struct lf_carousel *c = lf_carousel_create();
        lf_carousel_build(c, &v, 10);
        assert_true(lf_carousel_count(c) >= 3);
        struct lf_scene *s = lf_scene_create();
        size_t decodes = lf_painter_stats(f->painter).image_decodes;
        size_t image_ops = 0;
        struct log_capture cap;
        log_capture_begin(&cap);
        for (int pass = 0; pass < 3; pass++) {
            for (size_t i = 0; i < lf_carousel_count(c); i++) {
                lf_scene_clear(s);
                lf_layout_page(s, &v, &lf_carousel_page(c, i)->page, NULL);
                for (size_t k = 0; k < lf_scene_count(s); k++) {
                    const struct lf_op *op = lf_scene_op(s, k);
                    image_ops += op->kind == LF_OP_IMAGE && strcmp(op->image, to) == 0;
                }
                SDL_SetRenderDrawColor(f->renderer, 0, 0, 0, 255);
                SDL_RenderClear(f->renderer);
                lf_painter_draw(f->painter, s, 0, 255);
                SDL_RenderPresent(f->renderer);
                /* the page is drawn: the content box is not left black */
                struct lf_box cb = lf_layout_content_box(&v);
                long black = count_colour(f->surface, cb, 0x000000);
                if (black > (long)cb.w * cb.h / 2)
                    fail_msg("%s: page %zu not drawn", breakage[round], i);
                lf_painter_sweep(f->painter);
            }
            for (int k = 0; k < 3; k++)
                lf_painter_sweep(f->painter);
        }
        char *log = log_capture_end(&cap);
        assert_true(image_ops >= 3); /* the poster is on a page, every pass */
        assert_int_equal(lf_painter_stats(f->painter).image_decodes, decodes);
        int warnings = count_lines_with(log, to, "shown without it");
        if (warnings != 1 || count_lines_with(log, to, reason[round]) != 1)
            fail_msg("%s: %d warnings in:\n%s", breakage[round], warnings, log);
        /* a QR code that does not fit is said once too */
        if (count_lines_with(log, "QR code of 37 modules", "44 pixels") > 1)
            fail_msg("%s: a QR warning repeated in:\n%s", breakage[round], log);
        free(log);
        lf_scene_destroy(s);
        lf_carousel_destroy(c);
    }
    lf_bundle_destroy(b);

    /* and validation itself refuses the 50000x50000 PNG */
    d = lf_diags_create();
    b = lf_bundle_load(bdir, d);
    assert_null(b);
    assert_true(lf_diags_errors(d) >= 1);
    lf_diags_destroy(d);
}

static uint32_t pixel_at(SDL_Surface *s, int x, int y)
{
    return ((const uint32_t *)((const uint8_t *)s->pixels + (size_t)y * s->pitch))[x] & 0xFFFFFF;
}

/* A phone photo stored on its side with an EXIF orientation is shown
 * upright (it was drawn as stored: posters on their side); every one of
 * the eight orientations turns the picture as EXIF says. */
static void a_photo_is_shown_upright(void **state)
{
    (void)state;
    /* stored 40 x 20 with a red band along its top edge */
    static const struct {
        const char *file;
        int orientation;
        int red_x; /* where the band is once upright: a column near it */
    } photos[] = {{"exif-orientation-6.jpg", 6, 18}, {"exif-orientation-8.jpg", 8, 1}};
    for (size_t i = 0; i < 2; i++) {
        char path[1024];
        snprintf(path, sizeof(path), "%s/tests/data/images/%s", source_dir(), photos[i].file);
        assert_int_equal(lf_image_orientation(path), photos[i].orientation);
        SDL_Surface *s = lf_image_load(path);
        assert_non_null(s);
        assert_int_equal(s->w, 20);
        assert_int_equal(s->h, 40);
        SDL_Surface *rgb = SDL_ConvertSurfaceFormat(s, SDL_PIXELFORMAT_ARGB8888, 0);
        uint32_t band = pixel_at(rgb, photos[i].red_x, 20), other = pixel_at(rgb, 19 - photos[i].red_x, 20);
        if (!((band >> 16) > 200 && ((band >> 8) & 0xFF) < 60) || (other & 0xFF) < 200)
            fail_msg("%s: band %06x, far side %06x", photos[i].file, band, other);
        SDL_FreeSurface(rgb);
        SDL_FreeSurface(s);
    }
    /* a PNG has no orientation */
    char png[1024];
    snprintf(png, sizeof(png), "%s/tests/data/bundles/valid/images/poster.png", source_dir());
    assert_int_equal(lf_image_orientation(png), 1);

    /* the eight orientations on a 3 x 2 picture: where its corner pixel
     * (0,0) and the pixel (2,0) end up */
    SDL_Surface *src = SDL_CreateRGBSurfaceWithFormat(0, 3, 2, 32, SDL_PIXELFORMAT_ARGB8888);
    assert_non_null(src);
    for (int y = 0; y < 2; y++)
        for (int x = 0; x < 3; x++)
            ((uint32_t *)((uint8_t *)src->pixels + (size_t)y * src->pitch))[x] =
                0xFF000000u | (uint32_t)(y * 3 + x + 1);
    static const struct {
        int w, h, x0, y0, x2, y2;
    } expect[9] = {
        {0},
        {3, 2, 0, 0, 2, 0}, /* 1: as stored */
        {3, 2, 2, 0, 0, 0}, /* 2: mirrored */
        {3, 2, 2, 1, 0, 1}, /* 3: upside down */
        {3, 2, 0, 1, 2, 1}, /* 4: mirrored upside down */
        {2, 3, 0, 0, 0, 2}, /* 5: transposed */
        {2, 3, 1, 0, 1, 2}, /* 6: a quarter right */
        {2, 3, 1, 2, 1, 0}, /* 7: transversed */
        {2, 3, 0, 2, 0, 0}, /* 8: a quarter left */
    };
    for (int o = 1; o <= 8; o++) {
        SDL_Surface *t = lf_surface_oriented(src, o);
        assert_non_null(t);
        if (t->w != expect[o].w || t->h != expect[o].h ||
            pixel_at(t, expect[o].x0, expect[o].y0) != 1 || pixel_at(t, expect[o].x2, expect[o].y2) != 3)
            fail_msg("orientation %d: %dx%d, (0,0) went elsewhere", o, t->w, t->h);
        SDL_FreeSurface(t);
    }
    SDL_FreeSurface(src);
}


/* What colour a pixel is: 'r'ed band, 'b'lue band, 'w'hite or '?' */
static char colour_at(const SDL_Surface *s, int x, int y)
{
    uint32_t c = pixel(s, x, y);
    int r = (int)(c >> 16), g = (int)(c >> 8 & 0xFF), b = (int)(c & 0xFF);
    if (r > 200 && g < 80 && b < 80)
        return 'r';
    if (b > 200 && r < 80 && g < 80)
        return 'b';
    if (r > 200 && g > 200 && b > 200)
        return 'w';
    return '?';
}

/* A 6000 x 4000 camera photo (24 megapixels: it was refused by the PNG's
 * pixel limit, and a 12-megapixel one was kept whole, 48 MB, however
 * small the screen) is decoded already scaled to the screen: 1620 x 1080
 * for 1920 x 1080, turned as its EXIF says; the slide shows it. */
static void a_large_photo_is_kept_at_screen_size(void **state)
{
    struct fixture *f = *state;
    char path[300];
    snprintf(path, sizeof(path), "%s/camera.jpg", f->dir);
    write_jpeg(path, 6000, 4000, 0, false);
    assert_int_equal(lf_image_max_pixels(path), LF_MAX_PHOTO_PIXELS);
    SDL_Surface *s = lf_image_load_fit(path, 1920, 1080);
    assert_non_null(s);
    assert_int_equal(s->w, 1620);
    assert_int_equal(s->h, 1080);
    if (colour_at(s, 810, 20) != 'r' || colour_at(s, 810, 540) != 'w' ||
        colour_at(s, 810, 1060) != 'b')
        fail_msg("6000 x 4000 at 1620 x 1080: top %c, middle %c, bottom %c", colour_at(s, 810, 20),
                 colour_at(s, 810, 540), colour_at(s, 810, 1060));
    SDL_FreeSurface(s);
    /* at 800 x 480: 720 x 480, from libjpeg's 1/8 scale (750 x 500) */
    s = lf_image_load_fit(path, 800, 480);
    assert_non_null(s);
    assert_int_equal(s->w, 720);
    assert_int_equal(s->h, 480);
    SDL_FreeSurface(s);

    /* the same photo taken upright: stored on its side, EXIF 6 */
    write_jpeg(path, 6000, 4000, 6, false);
    s = lf_image_load_fit(path, 1920, 1080);
    assert_non_null(s);
    assert_int_equal(s->w, 720);
    assert_int_equal(s->h, 1080);
    /* turned a quarter right: the stored top (red) is now the right side */
    if (colour_at(s, 710, 540) != 'r' || colour_at(s, 360, 540) != 'w' ||
        colour_at(s, 10, 540) != 'b')
        fail_msg("turned: right %c, middle %c, left %c", colour_at(s, 710, 540),
                 colour_at(s, 360, 540), colour_at(s, 10, 540));
    SDL_FreeSurface(s);

    /* on the slide: validated, drawn in its box */
    write_jpeg(path, 6000, 4000, 0, false);
    draw_slide(f, path);
    /* 200 x 133 in the 200 x 200 box, centred: rows 53 .. 186 */
    if (colour_at(f->surface, 120, 60) != 'r' || colour_at(f->surface, 120, 120) != 'w' ||
        colour_at(f->surface, 120, 180) != 'b')
        fail_msg("on the slide: top %c, middle %c, bottom %c", colour_at(f->surface, 120, 60),
                 colour_at(f->surface, 120, 120), colour_at(f->surface, 120, 180));
    lf_painter_sweep(f->painter);
    lf_painter_sweep(f->painter);
    lf_painter_sweep(f->painter);
}

/* A JPEG whose data ends early (replaced by a cut-off copy after it was
 * validated) is not shown: libjpeg would fill the rest grey, half a
 * picture. A progressive JPEG whose header claims 6000 x 4000 pixels in
 * full colour needs 144 MB of coefficients before its first pixel: it is
 * refused at LF_MAX_IMAGE_DECODE_BYTES, saying so, nothing allocated. */
static void a_jpeg_cut_off_or_too_costly_is_not_shown(void **state)
{
    struct fixture *f = *state;
    char path[300];
    snprintf(path, sizeof(path), "%s/cut.jpg", f->dir);
    write_jpeg(path, 400, 300, 0, false);
    struct stat st;
    assert_int_equal(stat(path, &st), 0);
    assert_int_equal(truncate(path, st.st_size / 2), 0);
    assert_null(lf_image_load(path));
    assert_non_null(strstr(SDL_GetError(), "ends early"));

    /* progressive, 4:4:4, its frame header made to say 6000 x 4000 */
    snprintf(path, sizeof(path), "%s/claims.jpg", f->dir);
    FILE *out = fopen(path, "wb");
    assert_non_null(out);
    struct jpeg_compress_struct c;
    struct jpeg_error_mgr e;
    c.err = jpeg_std_error(&e);
    jpeg_create_compress(&c);
    jpeg_stdio_dest(&c, out);
    c.image_width = 16;
    c.image_height = 16;
    c.input_components = 3;
    c.in_color_space = JCS_RGB;
    jpeg_set_defaults(&c);
    for (int i = 0; i < 3; i++)
        c.comp_info[i].h_samp_factor = c.comp_info[i].v_samp_factor = 1;
    jpeg_simple_progression(&c);
    jpeg_start_compress(&c, TRUE);
    unsigned char row[16 * 3];
    memset(row, 200, sizeof(row));
    while (c.next_scanline < 16) {
        JSAMPROW rows[1] = {row};
        jpeg_write_scanlines(&c, rows, 1);
    }
    jpeg_finish_compress(&c);
    jpeg_destroy_compress(&c);
    assert_int_equal(fclose(out), 0);
    unsigned char buf[4096];
    FILE *in = fopen(path, "r+b");
    assert_non_null(in);
    size_t n = fread(buf, 1, sizeof(buf), in);
    size_t sof = 0;
    for (size_t i = 2; i + 9 < n && !sof; i++)
        if (buf[i] == 0xFF && buf[i + 1] == 0xC2)
            sof = i;
    assert_true(sof > 0);
    unsigned char size[4] = {4000 >> 8, 4000 & 0xFF, 6000 >> 8, 6000 & 0xFF};
    assert_int_equal(fseek(in, (long)sof + 5, SEEK_SET), 0);
    assert_int_equal(fwrite(size, 1, 4, in), 4);
    assert_int_equal(fclose(in), 0);
    assert_null(lf_image_load_fit(path, 1920, 1080));
    if (!strstr(SDL_GetError(), "more than 96 MB"))
        fail_msg("said: %s", SDL_GetError());
}

/* The pixel at x, y with its alpha (ARGB8888). */
static uint32_t argb_at(const SDL_Surface *s, int x, int y)
{
    return ((const uint32_t *)((const uint8_t *)s->pixels + y * s->pitch))[x];
}

/* Whether the pixel at x, y is opaque and near r, g, b (lossy formats). */
static bool near(const SDL_Surface *s, int x, int y, int r, int g, int b)
{
    uint32_t c = argb_at(s, x, y);
    int cr = (int)(c >> 16 & 0xFF), cg = (int)(c >> 8 & 0xFF), cb = (int)(c & 0xFF);
    return (c >> 24) == 0xFF && abs(cr - r) < 40 && abs(cg - g) < 40 && abs(cb - b) < 40;
}

/* A PNG is decoded by libpng row by row and shrunk while it is read (box
 * filter): 1000 x 600 for 200 x 200 is 200 x 120, its colours where they
 * were, its transparent top transparent; the same for a 16-bit interlaced
 * one. The filter weighs by alpha: a transparent pixel's colour does not
 * bleed into its opaque neighbour. A PNG cut off is refused, saying so. */
static void a_png_is_shrunk_while_it_is_read(void **state)
{
    struct fixture *f = *state;
    char path[300];
    snprintf(path, sizeof(path), "%s/poster.png", f->dir);
    for (int variant = 0; variant < 2; variant++) {
        write_png_rgba(path, 1000, 600, variant == 1, variant == 1);
        SDL_Surface *s = lf_image_load_fit(path, 200, 200);
        assert_non_null(s);
        assert_int_equal(s->w, 200);
        assert_int_equal(s->h, 120);
        if (!near(s, 50, 80, 255, 0, 0) || !near(s, 150, 80, 0, 0, 255) ||
            argb_at(s, 100, 10) >> 24 != 0 || argb_at(s, 100, 23) >> 24 != 0)
            fail_msg("variant %d: %08x %08x %08x %08x", variant, argb_at(s, 50, 80),
                     argb_at(s, 150, 80), argb_at(s, 100, 10), argb_at(s, 100, 23));
        SDL_FreeSurface(s);
        s = lf_image_load(path); /* whole: the same rows, one to one */
        assert_non_null(s);
        assert_int_equal(s->w, 1000);
        assert_int_equal(s->h, 600);
        assert_true(near(s, 10, 599, 255, 0, 0) && near(s, 999, 120, 0, 0, 255));
        assert_int_equal(argb_at(s, 0, 119) >> 24, 0);
        SDL_FreeSurface(s);
    }

    /* the box filter itself: 4 x 2 to 2 x 1 */
    struct lf_box_shrink *b = lf_box_shrink_create(4, 2, 2, 1);
    assert_non_null(b);
    const uint32_t top[4] = {0xFFFF0000, 0xFF0000FF, 0x0000FF00, 0xFFFF0000};
    const uint32_t bottom[4] = {0xFFFF0000, 0xFF0000FF, 0x0000FF00, 0xFFFF0000};
    lf_box_shrink_row(b, top);
    assert_null(lf_box_shrink_take(b)); /* not all rows yet */
    lf_box_shrink_row(b, bottom);
    SDL_Surface *s = lf_box_shrink_take(b);
    assert_non_null(s);
    /* red and blue: their mean; transparent green beside red: half-transparent red */
    assert_int_equal(argb_at(s, 0, 0), 0xFF800080);
    assert_int_equal(argb_at(s, 1, 0), 0x80FF0000);
    SDL_FreeSurface(s);
    lf_box_shrink_destroy(b);

    write_png_rgba(path, 400, 300, false, false);
    cut_to(path, 50);
    assert_null(lf_image_load_fit(path, 200, 200));
    if (!strstr(SDL_GetError(), "PNG data ends early"))
        fail_msg("said: %s", SDL_GetError());
}

/* A PNG that fits the screen as it is (the sample's 800 x 800 posters on
 * 1080p) is decoded straight into its picture, without the box filter,
 * and is the picture the filter's 1:1 box made: every pixel as stored,
 * a fully transparent one made 0 (its colour would bleed when drawn
 * scaled), half-transparent ones kept; interlaced too. */
static void a_png_that_fits_is_what_the_filter_made(void **state)
{
    struct fixture *f = *state;
    char path[300];
    snprintf(path, sizeof(path), "%s/fits.png", f->dir);
    const int w = 37, h = 23;
    uint32_t *argb = malloc((size_t)w * h * sizeof(*argb));
    png_bytep rgba = malloc((size_t)w * h * 4);
    png_bytepp rows = malloc((size_t)h * sizeof(*rows));
    assert_non_null(argb);
    assert_non_null(rgba);
    assert_non_null(rows);
    uint32_t seed = 12345;
    for (int i = 0; i < w * h; i++) {
        seed = seed * 1103515245u + 12345u;
        uint32_t a = (seed >> 24) % 3 == 0 ? 0 : (seed >> 24) % 3 == 1 ? 255 : seed >> 24;
        argb[i] = a << 24 | (seed & 0xFFFFFF);
        rgba[i * 4] = (png_byte)(seed >> 16);
        rgba[i * 4 + 1] = (png_byte)(seed >> 8);
        rgba[i * 4 + 2] = (png_byte)seed;
        rgba[i * 4 + 3] = (png_byte)a;
    }
    for (int y = 0; y < h; y++)
        rows[y] = rgba + (size_t)y * w * 4;
    struct lf_box_shrink *b = lf_box_shrink_create(w, h, w, h);
    assert_non_null(b);
    for (int y = 0; y < h; y++)
        lf_box_shrink_row(b, argb + (size_t)y * w);
    SDL_Surface *want = lf_box_shrink_take(b);
    assert_non_null(want);
    lf_box_shrink_destroy(b);
    for (int interlaced = 0; interlaced < 2; interlaced++) {
        FILE *out = fopen(path, "wb");
        assert_non_null(out);
        png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, NULL, NULL, NULL);
        png_infop info = png_create_info_struct(png);
        png_init_io(png, out);
        png_set_IHDR(png, info, (png_uint_32)w, (png_uint_32)h, 8, PNG_COLOR_TYPE_RGBA,
                     interlaced ? PNG_INTERLACE_ADAM7 : PNG_INTERLACE_NONE,
                     PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
        png_write_info(png, info);
        png_write_image(png, rows);
        png_write_end(png, NULL);
        png_destroy_write_struct(&png, &info);
        assert_int_equal(fclose(out), 0);
        SDL_Surface *s = lf_image_load_fit(path, 1920, 1080);
        assert_non_null(s);
        assert_int_equal(s->w, w);
        assert_int_equal(s->h, h);
        int wrong = 0, cleared = 0;
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++) {
                wrong += argb_at(s, x, y) != argb_at(want, x, y);
                cleared += argb[y * w + x] >> 24 == 0 && argb_at(s, x, y) == 0;
            }
        if (wrong || cleared == 0)
            fail_msg("interlaced %d: %d pixels differ from the filter's, %d transparent cleared",
                     interlaced, wrong, cleared);
        SDL_FreeSurface(s);
    }
    SDL_FreeSurface(want);
    free(argb);
    free(rgba);
    free(rows);
}

/* A print office's flyer in CMYK is shown in its colours: ImageMagick's
 * (convert -colorspace CMYK: YCCK, Adobe marker, stored inverted), a plain
 * CMYK one with the Adobe marker (inverted, as Photoshop writes it) and
 * one without the marker (not inverted): red stays red, green green, blue
 * blue; on the slide as well. */
static void a_cmyk_jpeg_shows_its_colours(void **state)
{
    struct fixture *f = *state;
    char path[300];
    for (int variant = 0; variant < 4; variant++) {
        if (variant == 0)
            snprintf(path, sizeof(path), "%s/tests/data/images/cmyk-flyer.jpg", source_dir());
        else
            snprintf(path, sizeof(path), "%s/flyer%d.jpg", f->dir, variant);
        if (variant > 0)
            write_cmyk_jpeg(path, 48, 36, variant != 2, variant == 3);
        SDL_Surface *s = lf_image_load(path);
        if (!s)
            fail_msg("variant %d refused: %s", variant, SDL_GetError());
        assert_int_equal(s->w, 48);
        assert_int_equal(s->h, 36);
        int green = variant == 0 ? 192 : 255; /* the fixture's #00c000 */
        if (!near(s, 24, 5, 255, 0, 0) || !near(s, 24, 18, 0, green, 0) ||
            !near(s, 24, 30, 0, 0, 255))
            fail_msg("variant %d: top %08x, middle %08x, bottom %08x", variant,
                     argb_at(s, 24, 5), argb_at(s, 24, 18), argb_at(s, 24, 30));
        SDL_FreeSurface(s);
    }
    snprintf(path, sizeof(path), "%s/tests/data/images/cmyk-flyer.jpg", source_dir());
    draw_slide(f, path);
    /* 48 x 36 made 200 x 150 in the 200 x 200 box, centred: rows 45 .. 195 */
    if (!near(f->surface, 120, 60, 255, 0, 0) || !near(f->surface, 120, 120, 0, 200, 0) ||
        !near(f->surface, 120, 180, 0, 0, 255))
        fail_msg("on the slide: %08x %08x %08x", argb_at(f->surface, 120, 60),
                 argb_at(f->surface, 120, 120), argb_at(f->surface, 120, 180));
    lf_painter_sweep(f->painter);
    lf_painter_sweep(f->painter);
    lf_painter_sweep(f->painter);
}

/* An animated GIF shows its first frame (a kiosk does not animate; the
 * second, red, never), its transparent part transparent, shrunk to fit;
 * an interlaced one the same. */
static void a_gif_shows_its_first_frame(void **state)
{
    struct fixture *f = *state;
    char path[300];
    snprintf(path, sizeof(path), "%s/phone.gif", f->dir);
    for (int interlaced = 0; interlaced < 2; interlaced++) {
        write_gif(path, 640, 480, interlaced, true, 100);
        SDL_Surface *s = lf_image_load_fit(path, 64, 64);
        if (!s)
            fail_msg("refused: %s", SDL_GetError());
        assert_int_equal(s->w, 64);
        assert_int_equal(s->h, 48);
        if (!near(s, 10, 30, 0, 200, 0) || !near(s, 50, 30, 0, 0, 255) ||
            argb_at(s, 30, 2) >> 24 != 0)
            fail_msg("interlaced %d: %08x %08x %08x", interlaced, argb_at(s, 10, 30),
                     argb_at(s, 50, 30), argb_at(s, 30, 2));
        SDL_FreeSurface(s);
    }
    draw_slide(f, path);
    /* 200 x 150 in the 200 x 200 box: rows 45 .. 195, green left, blue right */
    if (!near(f->surface, 60, 150, 0, 200, 0) || !near(f->surface, 180, 150, 0, 0, 255))
        fail_msg("on the slide: %08x %08x", argb_at(f->surface, 60, 150),
                 argb_at(f->surface, 180, 150));
    lf_painter_sweep(f->painter);
    lf_painter_sweep(f->painter);
    lf_painter_sweep(f->painter);
}

/* A still WebP, lossy or lossless, is decoded by libwebp already scaled
 * (400 x 300 for 200 x 200: 200 x 150), its colours where they were; an
 * animated one shows its first frame, like a GIF (libwebp's demux API),
 * at its place on the canvas; one without frames is refused saying so. */
static void a_still_webp_and_an_animated_ones_first_frame_are_shown(void **state)
{
    struct fixture *f = *state;
    char path[300];
    snprintf(path, sizeof(path), "%s/web.webp", f->dir);
    for (int lossless = 0; lossless < 2; lossless++) {
        write_webp(path, 400, 300, lossless, 100);
        SDL_Surface *s = lf_image_load_fit(path, 200, 200);
        if (!s)
            fail_msg("refused: %s", SDL_GetError());
        assert_int_equal(s->w, 200);
        assert_int_equal(s->h, 150);
        if (!near(s, 100, 30, 230, 10, 10) || !near(s, 100, 120, 10, 10, 230))
            fail_msg("lossless %d: %08x %08x", lossless, argb_at(s, 100, 30),
                     argb_at(s, 100, 120));
        SDL_FreeSurface(s);
    }
    draw_slide(f, path);
    if (!near(f->surface, 120, 60, 230, 10, 10) || !near(f->surface, 120, 180, 10, 10, 230))
        fail_msg("on the slide: %08x %08x", argb_at(f->surface, 120, 60),
                 argb_at(f->surface, 120, 180));
    lf_painter_sweep(f->painter);
    lf_painter_sweep(f->painter);
    lf_painter_sweep(f->painter);
    /* animated: red over blue, then all green; the first frame is shown */
    snprintf(path, sizeof(path), "%s/anim.webp", f->dir);
    const struct anim_frame two[] = {
        {0, 0, 400, 300, {230, 10, 10}, {10, 10, 230}},
        {0, 0, 400, 300, {10, 200, 10}, {10, 200, 10}},
    };
    write_anim_webp(path, 400, 300, two, 2);
    SDL_Surface *s = lf_image_load_fit(path, 200, 200);
    if (!s)
        fail_msg("an animated WebP refused: %s", SDL_GetError());
    assert_int_equal(s->w, 200);
    assert_int_equal(s->h, 150);
    if (!near(s, 100, 30, 230, 10, 10) || !near(s, 100, 120, 10, 10, 230))
        fail_msg("animated: %08x %08x", argb_at(s, 100, 30), argb_at(s, 100, 120));
    SDL_FreeSurface(s);
    draw_slide(f, path);
    if (!near(f->surface, 120, 60, 230, 10, 10) || !near(f->surface, 120, 180, 10, 10, 230))
        fail_msg("animated, on the slide: %08x %08x", argb_at(f->surface, 120, 60),
                 argb_at(f->surface, 120, 180));
    lf_painter_sweep(f->painter);
    lf_painter_sweep(f->painter);
    lf_painter_sweep(f->painter);
    /* a first frame on the lower right quarter of its canvas: there, the
     * rest transparent */
    const struct anim_frame corner[] = {{200, 150, 200, 150, {230, 10, 10}, {10, 10, 230}}};
    write_anim_webp(path, 400, 300, corner, 1);
    s = lf_image_load_fit(path, 200, 200);
    if (!s)
        fail_msg("a first frame smaller than its canvas refused: %s", SDL_GetError());
    assert_int_equal(s->w, 200);
    assert_int_equal(s->h, 150);
    if (!near(s, 150, 90, 230, 10, 10) || !near(s, 150, 135, 10, 10, 230) ||
        (argb_at(s, 40, 40) >> 24) != 0)
        fail_msg("corner frame: %08x %08x %08x", argb_at(s, 150, 90), argb_at(s, 150, 135),
                 argb_at(s, 40, 40));
    SDL_FreeSurface(s);
    /* VP8X with its animation flag, an ANIM chunk and no frame */
    write_bytes(path, "RIFF\x24\0\0\0WEBPVP8X\x0a\0\0\0\x02\0\0\0\x63\0\0\x63\0\0"
                      "ANIM\x06\0\0\0\0\0\0\0\0\0", 44);
    assert_null(lf_image_load_fit(path, 200, 200));
    if (!strstr(SDL_GetError(), "an animated WebP without a readable first frame"))
        fail_msg("said: %s", SDL_GetError());
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_good_image_is_drawn),
        cmocka_unit_test(a_broken_image_is_reported_once_and_its_slide_drawn),
        cmocka_unit_test(an_image_broken_after_validation_leaves_its_slide),
        cmocka_unit_test(a_photo_is_shown_upright),
        cmocka_unit_test(a_large_photo_is_kept_at_screen_size),
        cmocka_unit_test(a_jpeg_cut_off_or_too_costly_is_not_shown),
        cmocka_unit_test(a_png_is_shrunk_while_it_is_read),
        cmocka_unit_test(a_png_that_fits_is_what_the_filter_made),
        cmocka_unit_test(a_cmyk_jpeg_shows_its_colours),
        cmocka_unit_test(a_gif_shows_its_first_frame),
        cmocka_unit_test(a_still_webp_and_an_animated_ones_first_frame_are_shown),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
