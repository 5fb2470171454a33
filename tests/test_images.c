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
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "app/carousel.h"
#include "content/bundle.h"
#include "core/civil_time.h"
#include "core/limits.h"
#include "layout/slide_layout.h"
#include "render/image_load.h"
#include "render/painter.h"
#include "render/typesetter.h"
#include "support/log_capture.h"

#define CANVAS_W 640
#define CANVAS_H 360

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
    {"text file named .png", "text.png", "text", "not a PNG or JPEG image", false},
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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_good_image_is_drawn),
        cmocka_unit_test(a_broken_image_is_reported_once_and_its_slide_drawn),
        cmocka_unit_test(an_image_broken_after_validation_leaves_its_slide),
        cmocka_unit_test(a_photo_is_shown_upright),
        cmocka_unit_test(a_large_photo_is_kept_at_screen_size),
        cmocka_unit_test(a_jpeg_cut_off_or_too_costly_is_not_shown),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
