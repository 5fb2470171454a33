/* Rendering on real pixels, headless (offscreen software renderer, the
 * real fonts): slides are drawn, not blank, in the theme's colours; text
 * is typeset once and then comes from the cache; every language of the
 * sample bundle has a glyph for every character; right-to-left text is
 * drawn from the right. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <SDL.h>
#include <SDL_ttf.h>
#include <fontconfig/fontconfig.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/carousel.h"
#include "content/bundle.h"
#include "core/civil_time.h"
#include "layout/phrases.h"
#include "layout/slide_layout.h"
#include "render/painter.h"
#include "render/snapshot.h"
#include "core/limits.h"
#include "render/typesetter.h"
#include "support/sample_fonts.h"

struct fixture {
    SDL_Surface *surface;
    SDL_Renderer *renderer;
    struct lf_typesetter *ts;
    struct lf_painter *painter;
    struct lf_bundle *bundle;
};

static int setup(void **state)
{
    static struct fixture f;
    *state = &f;
    return sample_fonts_open(&f.ts, &f.bundle);
}

static int teardown(void **state)
{
    struct fixture *f = *state;
    sample_fonts_close(f->ts, f->bundle);
    return 0;
}

/* SDL_ttf's own font for a fontconfig name ("Noto Sans Arabic",
 * "Noto Sans:weight=200"), to compare our drawing with. */
static TTF_Font *open_font_named(const char *name, int px)
{
    FcPattern *pat = FcNameParse((const FcChar8 *)name);
    FcConfigSubstitute(NULL, pat, FcMatchPattern);
    FcDefaultSubstitute(pat);
    FcResult res;
    FcPattern *match = FcFontMatch(NULL, pat, &res);
    FcChar8 *file = NULL;
    assert_non_null(match);
    assert_int_equal(FcPatternGetString(match, FC_FILE, 0, &file), FcResultMatch);
    TTF_Font *font = TTF_OpenFont((const char *)file, px);
    assert_non_null(font);
    FcPatternDestroy(match);
    FcPatternDestroy(pat);
    return font;
}

static void open_canvas(struct fixture *f, int w, int h)
{
    f->surface = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    assert_non_null(f->surface);
    f->renderer = SDL_CreateSoftwareRenderer(f->surface);
    assert_non_null(f->renderer);
    f->painter = lf_painter_create(f->renderer, f->ts);
}

static void close_canvas(struct fixture *f)
{
    lf_painter_destroy(f->painter);
    SDL_DestroyRenderer(f->renderer);
    SDL_FreeSurface(f->surface);
}

static uint32_t pixel(const SDL_Surface *s, int x, int y)
{
    return ((const uint32_t *)((const uint8_t *)s->pixels + y * s->pitch))[x] & 0xFFFFFF;
}

static uint32_t rgb(struct lf_rgba c)
{
    return (uint32_t)c.r << 16 | (uint32_t)c.g << 8 | c.b;
}

/* Share of pixels in a box that are not `bg`. */
static double ink_share(const SDL_Surface *s, SDL_Rect r, uint32_t bg)
{
    long ink = 0;
    for (int y = r.y; y < r.y + r.h; y++)
        for (int x = r.x; x < r.x + r.w; x++)
            ink += pixel(s, x, y) != bg;
    return (double)ink / ((double)r.w * r.h);
}

static void draw_all(struct fixture *f, struct lf_scene *const *scenes, size_t n)
{
    lf_painter_draw_screen(f->painter, (const struct lf_scene *const *)scenes, n);
}

static void slides_are_drawn_in_both_orientations(void **state)
{
    struct fixture *f = *state;
    static const int sizes[][2] = {{1920, 1080}, {1080, 1920}};
    const struct lf_theme *theme = lf_theme_get(LF_THEME_STANDARD);
    for (size_t si = 0; si < 2; si++) {
        int w = sizes[si][0], h = sizes[si][1];
        open_canvas(f, w, h);
        struct lf_view v = sample_view(f->bundle, f->ts, "de", w, h);
        struct lf_carousel *c = lf_carousel_create();
        lf_carousel_build(c, &v, 10);
        assert_true(lf_carousel_count(c) >= 5);
        struct lf_scene *scenes[3] = {lf_scene_create(), lf_scene_create(), lf_scene_create()};
        lf_layout_header(scenes[0], &v);
        for (size_t i = 0; i < lf_carousel_count(c); i++) {
            lf_scene_clear(scenes[1]);
            lf_scene_clear(scenes[2]);
            lf_layout_page(scenes[1], &v, &lf_carousel_page(c, i)->page, NULL);
            lf_layout_footer(scenes[2], &v, &(struct lf_footer){.position = i, .count = lf_carousel_count(c), .active_category = -1});
            draw_all(f, scenes, 3);
            /* the header bar is in the bar colour, with text on it */
            assert_int_equal(pixel(f->surface, 2, 2), rgb(theme->bar));
            struct lf_box content = lf_layout_content_box(&v);
            SDL_Rect cr = {content.x, content.y, content.w, content.h};
            /* the background is whichever surface dominates: page, card, notice */
            struct lf_rgba bgs[] = {theme->page, theme->card, theme->notice, theme->urgent};
            double share = 1.0;
            for (size_t b = 0; b < sizeof(bgs) / sizeof(bgs[0]); b++) {
                double sh = ink_share(f->surface, cr, rgb(bgs[b]));
                if (sh < share)
                    share = sh;
            }
            /* a slide is neither empty nor a solid block */
            if (share < 0.02 || share > 0.95)
                fail_msg("%dx%d page %zu: %.1f%% of the content area is drawn", w, h, i,
                         share * 100);
            assert_true(ink_share(f->surface, (SDL_Rect){0, 0, w, h / 20},
                                  rgb(theme->bar)) > 0.005);
        }
        /* drawing the same page again typesets nothing: all from the cache */
        size_t before = lf_painter_stats(f->painter).text_renders;
        draw_all(f, scenes, 3);
        draw_all(f, scenes, 3);
        assert_int_equal(lf_painter_stats(f->painter).text_renders, before);
        assert_true(before > 0);
        /* the sweep frees textures of pages no longer shown */
        size_t alive = lf_painter_stats(f->painter).textures;
        lf_painter_sweep(f->painter);
        lf_painter_sweep(f->painter);
        lf_painter_sweep(f->painter);
        assert_true(lf_painter_stats(f->painter).textures < alive);
        for (int i = 0; i < 3; i++)
            lf_scene_destroy(scenes[i]);
        lf_carousel_destroy(c);
        close_canvas(f);
    }
}

static void every_language_has_its_glyphs(void **state)
{
    struct fixture *f = *state;
    const struct lf_bundle *b = f->bundle;
    size_t texts = 0;
    for (size_t i = 0; i < b->n_items; i++) {
        const struct lf_item *it = &b->items[i];
        const struct lf_text *fields[] = {&it->title, &it->summary, &it->place, &it->room,
                                          &it->organiser, &it->registration, &it->provider,
                                          &it->audience, &it->role, &it->unit};
        for (size_t k = 0; k < sizeof(fields) / sizeof(fields[0]); k++) {
            for (size_t t = 0; t < fields[k]->n; t++) {
                const struct lf_translation *tr = &fields[k]->tr[t];
                size_t missing = lf_typesetter_missing_glyphs(f->ts, tr->text);
                if (missing)
                    fail_msg("%s [%s]: %zu characters without a glyph in \"%s\"", it->id,
                             tr->lang, missing, tr->text);
                texts++;
            }
        }
    }
    assert_true(texts > 50);
    /* the kiosk's own words in every language it speaks: labels, weekday
     * and month names, the names of the languages */
    static const char *const langs[] = {"de", "en", "tr", "ar", "fa", "uk", "ru"};
    for (size_t l = 0; l < sizeof(langs) / sizeof(langs[0]); l++) {
        for (int p = 0; p < LF_P_COUNT; p++) {
            const char *w = lf_phrase(langs[l], (enum lf_phrase)p);
            if (lf_typesetter_missing_glyphs(f->ts, w))
                fail_msg("[%s] phrase %d \"%s\" has characters without a glyph", langs[l], p, w);
        }
        for (int d = 0; d < 7 * 12; d++) {
            time_t t = lf_local_make(2027, 1 + d % 12, 1 + d % 7, 12, 0);
            for (int style = LF_DATE_LONG; style <= LF_DATE_TIME; style++) {
                char buf[128];
                lf_format_date(langs[l], t, (enum lf_date_style)style, buf, sizeof(buf));
                if (lf_typesetter_missing_glyphs(f->ts, buf))
                    fail_msg("[%s] date \"%s\" has characters without a glyph", langs[l], buf);
            }
        }
        assert_int_equal(lf_typesetter_missing_glyphs(f->ts, lf_lang_endonym(langs[l])), 0);
    }
    assert_int_equal(lf_typesetter_missing_glyphs(f->ts, "A+ ◐ ‹ › · – …"), 0);
    /* and the check can fail: a private-use character has no glyph */
    assert_int_equal(lf_typesetter_missing_glyphs(f->ts, "abc\xEE\x80\x80"), 1);
}

static void arabic_is_shaped_and_right_to_left(void **state)
{
    struct fixture *f = *state;
    struct lf_rgba ink = {0, 0, 0, 255};
    /* joined Arabic is narrower than its letters set apart */
    const struct lf_measure *m = lf_typesetter_measure(f->ts);
    int joined = m->width(m->ctx, LF_FACE_REGULAR, 40, "مرحبا", strlen("مرحبا"));
    int apart = m->width(m->ctx, LF_FACE_REGULAR, 40, "م ر ح ب ا", strlen("م ر ح ب ا")) -
                4 * m->width(m->ctx, LF_FACE_REGULAR, 40, " ", 1);
    assert_true(joined > 0);
    assert_true(joined < apart);
    /* mixed line: the Latin street name stays a readable run; in an RTL
     * paragraph the Arabic word comes first from the right */
    const char *line = "العنوان: Prinzipalmarkt 8";
    SDL_Surface *s = lf_typesetter_render(f->ts, line, strlen(line), LF_FACE_REGULAR, 40, ink,
                                          true);
    assert_non_null(s);
    const char *word = "العنوان:";
    int ar_w = m->width(m->ctx, LF_FACE_REGULAR, 40, word, strlen(word));
    /* the rightmost ar_w pixels hold the Arabic word: ink there */
    SDL_Surface *conv = SDL_ConvertSurfaceFormat(s, SDL_PIXELFORMAT_ARGB8888, 0);
    long right = 0, left_gap = 0;
    for (int y = 0; y < conv->h; y++)
        for (int x = 0; x < conv->w; x++) {
            uint32_t a = ((uint32_t *)((uint8_t *)conv->pixels + y * conv->pitch))[x] >> 24;
            if (a > 128 && x >= conv->w - ar_w)
                right++;
            if (a > 128 && x < conv->w - ar_w)
                left_gap++;
        }
    assert_true(right > 50);
    assert_true(left_gap > 50);
    SDL_FreeSurface(conv);
    SDL_FreeSurface(s);
}

/* Ink per column of the first `w` columns of a text surface. */
static void column_ink(SDL_Surface *s, int w, long *cols)
{
    SDL_Surface *c = SDL_ConvertSurfaceFormat(s, SDL_PIXELFORMAT_ARGB8888, 0);
    for (int x = 0; x < w; x++) {
        cols[x] = 0;
        for (int y = 0; x < c->w && y < c->h; y++)
            cols[x] += ((uint32_t *)((uint8_t *)c->pixels + y * c->pitch))[x] >> 24;
    }
    SDL_FreeSurface(c);
}

static long column_difference(const long *a, const long *b, int w)
{
    long d = 0;
    for (int x = 0; x < w; x++)
        d += labs(a[x] - b[x]);
    return d;
}

/* A phone number in Arabic or Farsi text reads left to right as written:
 * "الهاتف: 0251 492-7077" once showed "7077-492 0251", a false number.
 * The number's ink at the left of the RTL line matches the number set on
 * its own, not its groups reversed. */
static void phone_numbers_keep_their_order_in_rtl(void **state)
{
    struct fixture *f = *state;
    struct lf_rgba ink = {0, 0, 0, 255};
    static const struct {
        const char *line, *number, *reversed;
    } cases[] = {
        {"الهاتف: 0251 492-7077", "0251 492-7077", "7077-492 0251"},
        {"الهاتف: 0251/492-7077", "0251/492-7077", "7077-0251/492"},
        {"تلفن: +49 251 492-7077", "+49 251 492-7077", "7077-492 251 49+"},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        SDL_Surface *line = lf_typesetter_render(f->ts, cases[i].line, strlen(cases[i].line),
                                                 LF_FACE_REGULAR, 40, ink, true);
        SDL_Surface *right = lf_typesetter_render(f->ts, cases[i].number,
                                                  strlen(cases[i].number), LF_FACE_REGULAR, 40,
                                                  ink, false);
        SDL_Surface *wrong = lf_typesetter_render(f->ts, cases[i].reversed,
                                                  strlen(cases[i].reversed), LF_FACE_REGULAR,
                                                  40, ink, false);
        assert_non_null(line);
        assert_non_null(right);
        assert_non_null(wrong);
        int w = right->w < wrong->w ? right->w : wrong->w;
        assert_true(w > 100 && w < line->w && w <= 1024);
        long a[1024], b[1024], c[1024];
        column_ink(line, w, a);
        column_ink(right, w, b);
        column_ink(wrong, w, c);
        long to_right = column_difference(a, b, w), to_wrong = column_difference(a, c, w);
        if (to_right * 4 >= to_wrong)
            fprintf(stderr, "\"%s\": number differs %ld from as written, %ld from reversed\n",
                    cases[i].line, to_right, to_wrong);
        assert_true(to_right * 4 < to_wrong);
        SDL_FreeSurface(line);
        SDL_FreeSurface(right);
        SDL_FreeSurface(wrong);
    }
}

/* A hyphen ending a wrapped line stays with its word: in Arabic text
 * "لقاء مع Frau Schneider-" (the name "Schneider-Özdemir" goes on on the
 * next line) was drawn "-Frau Schneider", the hyphen at the far end of
 * the Latin words; a German word broken in a right-to-left line too. And
 * an Arabic word ending a line of a left-to-right paragraph keeps its
 * hyphen at its own end, the left. */
static void a_line_end_hyphen_stays_with_its_word(void **state)
{
    struct fixture *f = *state;
    struct lf_rgba ink = {0, 0, 0, 255};
    static const struct {
        const char *line, *visual, *wrong;
        bool rtl, at_left;
    } cases[] = {
        {"لقاء مع Frau Schneider-", "Frau Schneider-", "-Frau Schneider", true, true},
        {"تفضلوا إلى Informations\u2010", "Informations\u2010", "\u2010Informations", true, true},
        /* a web address broken after its '?' keeps it at its end */
        {"سجّل الآن على https://example.org/anmeldung?", "https://example.org/anmeldung?",
         "?https://example.org/anmeldung", true, true},
        /* set on its own right to left, the Arabic word and its hyphen
         * are in the order a reader expects: the hyphen at the left */
        {"Treffen in مونستر-", "مونستر-", "-مونستر", false, false},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        SDL_Surface *line = lf_typesetter_render(f->ts, cases[i].line, strlen(cases[i].line),
                                                 LF_FACE_REGULAR, 40, ink, cases[i].rtl);
        bool own = !cases[i].at_left; /* the Arabic word set right to left */
        SDL_Surface *right = lf_typesetter_render(f->ts, cases[i].visual,
                                                  strlen(cases[i].visual), LF_FACE_REGULAR, 40,
                                                  ink, own);
        SDL_Surface *wrong = lf_typesetter_render(f->ts, cases[i].wrong, strlen(cases[i].wrong),
                                                  LF_FACE_REGULAR, 40, ink, own);
        assert_non_null(line);
        assert_non_null(right);
        assert_non_null(wrong);
        int w = right->w < wrong->w ? right->w : wrong->w;
        assert_true(w > 40 && w < line->w && w <= 1024);
        long a[1024], b[1024], c[1024];
        if (cases[i].at_left) {
            column_ink(line, w, a);
        } else { /* the line's last w columns */
            SDL_Rect src = {line->w - w, 0, w, line->h};
            SDL_Surface *tail = SDL_CreateRGBSurfaceWithFormat(0, w, line->h, 32,
                                                               SDL_PIXELFORMAT_ARGB8888);
            SDL_SetSurfaceBlendMode(line, SDL_BLENDMODE_NONE);
            SDL_BlitSurface(line, &src, tail, NULL);
            column_ink(tail, w, a);
            SDL_FreeSurface(tail);
        }
        column_ink(right, w, b);
        column_ink(wrong, w, c);
        long to_right = column_difference(a, b, w), to_wrong = column_difference(a, c, w);
        if (to_right * 3 >= to_wrong)
            fail_msg("\"%s\": differs %ld from \"%s\", %ld from \"%s\"", cases[i].line, to_right,
                     cases[i].visual, to_wrong, cases[i].wrong);
        SDL_FreeSurface(line);
        SDL_FreeSurface(right);
        SDL_FreeSurface(wrong);
    }
}

/* The footer's "1 / 32" on a right-to-left screen reads from the right,
 * as the bar fills and "next" points: the page's number at the right
 * ("32 / 1" to the eye); it was set left to right, so an Arabic or Farsi
 * reader read "page 32 of 1". Compared with the visual order set left to
 * right, in the real fonts, on a landscape and a portrait screen; a
 * left-to-right screen keeps "1 / 32". */
static void page_position_reads_from_the_right(void **state)
{
    struct fixture *f = *state;
    static const struct {
        const char *lang;
        int w, h;
        const char *visual, *mirror;
    } cases[] = {{"ar", 1920, 1080, "32 / 1", "1 / 32"}, {"fa", 1080, 1920, "32 / 1", "1 / 32"},
                 {"de", 1920, 1080, "1 / 32", "32 / 1"}};
    struct lf_rgba ink = {0, 0, 0, 255};
    struct lf_scene *s = lf_scene_create();
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        struct lf_view v = sample_view(f->bundle, f->ts, cases[i].lang, cases[i].w, cases[i].h);
        lf_scene_clear(s);
        lf_layout_footer(s, &v, &(struct lf_footer){.position = 0, .count = 32,
                                                  .active_category = -1});
        const struct lf_op *pos = NULL;
        for (size_t k = 0; k < lf_scene_count(s); k++) {
            const struct lf_op *o = lf_scene_op(s, k);
            if (o->kind == LF_OP_TEXT && strcmp(o->text, "1 / 32") == 0)
                pos = o;
        }
        assert_non_null(pos);
        SDL_Surface *shown = lf_typesetter_render(f->ts, pos->text, strlen(pos->text),
                                                  LF_FACE_BOLD, 40, ink, pos->rtl);
        SDL_Surface *right = lf_typesetter_render(f->ts, cases[i].visual,
                                                  strlen(cases[i].visual), LF_FACE_BOLD, 40, ink,
                                                  false);
        SDL_Surface *wrong = lf_typesetter_render(f->ts, cases[i].mirror,
                                                  strlen(cases[i].mirror), LF_FACE_BOLD, 40, ink,
                                                  false);
        assert_non_null(shown);
        assert_non_null(right);
        assert_non_null(wrong);
        int w = shown->w < right->w ? shown->w : right->w;
        assert_true(w > 40 && w <= 1024);
        long a[1024], b[1024], c[1024];
        column_ink(shown, w, a);
        column_ink(right, w, b);
        column_ink(wrong, w, c);
        long to_right = column_difference(a, b, w), to_wrong = column_difference(a, c, w);
        if (to_right * 4 >= to_wrong)
            fail_msg("%s %dx%d: \"1 / 32\" differs %ld from \"%s\", %ld from \"%s\"",
                     cases[i].lang, cases[i].w, cases[i].h, to_right, cases[i].visual, to_wrong,
                     cases[i].mirror);
        SDL_FreeSurface(shown);
        SDL_FreeSurface(right);
        SDL_FreeSurface(wrong);
    }
    lf_scene_destroy(s);
}

/* Rows from the first to the last with ink in them. */
static int ink_height(SDL_Surface *s)
{
    SDL_Surface *c = SDL_ConvertSurfaceFormat(s, SDL_PIXELFORMAT_ARGB8888, 0);
    int first = -1, last = -1;
    for (int y = 0; y < c->h; y++)
        for (int x = 0; x < c->w; x++)
            if (((uint32_t *)((uint8_t *)c->pixels + y * c->pitch))[x] >> 24) {
                if (first < 0)
                    first = y;
                last = y;
                break;
            }
    SDL_FreeSurface(c);
    return first < 0 ? 0 : last - first + 1;
}

/* A line is set as tall as its font draws it: the dots under a final
 * Arabic yeh reach further below the baseline than Latin letters do, and
 * were once cut off ("في" read as "فى"). Compared with SDL_ttf's own
 * rendering of the same run in the same font. */
static void no_ink_is_cut_off(void **state)
{
    struct fixture *f = *state;
    struct lf_rgba ink = {0, 0, 0, 255};
    static const struct {
        const char *family, *script, *text;
        bool rtl;
    } lines[] = {
        {"Noto Sans Arabic", "Arab", "في البلدي", true},
        {"Noto Sans Arabic", "Arab", "مشاوره در کمک‌های اجتماعی", true},
        {"Noto Sans", "Latn", "İğüşçöĞ gyp ÄÖÜ", false},
        {"Noto Sans", "Cyrl", "Українська Йй щ", false},
    };
    for (size_t i = 0; i < sizeof(lines) / sizeof(lines[0]); i++) {
        TTF_Font *font = open_font_named(lines[i].family, 40);
        TTF_SetFontDirection(font, lines[i].rtl ? TTF_DIRECTION_RTL : TTF_DIRECTION_LTR);
        TTF_SetFontScriptName(font, lines[i].script);
        SDL_Surface *ref = TTF_RenderUTF8_Blended(font, lines[i].text, (SDL_Color){0, 0, 0, 255});
        SDL_Surface *ours = lf_typesetter_render(f->ts, lines[i].text, strlen(lines[i].text),
                                                 LF_FACE_REGULAR, 40, ink, lines[i].rtl);
        assert_non_null(ref);
        assert_non_null(ours);
        int want = ink_height(ref), got = ink_height(ours);
        if (got < want)
            fprintf(stderr, "\"%s\": %d rows of ink, the font draws %d\n", lines[i].text, got,
                    want);
        assert_true(want > 20);
        assert_true(got >= want);
        SDL_FreeSurface(ref);
        SDL_FreeSurface(ours);
        TTF_CloseFont(font);
    }
}

/* The item pages of a carousel round for `v` (at least 10): none runs
 * onto a second page, nothing on one is below the text floor. */
static void items_fit_one_page(const struct lf_view *v)
{
    struct lf_carousel *c = lf_carousel_create();
    lf_carousel_build(c, v, 10);
    struct lf_scene *s = lf_scene_create();
    size_t items = 0;
    for (size_t i = 0; i < lf_carousel_count(c); i++) {
        const struct lf_page *p = &lf_carousel_page(c, i)->page;
        if (p->kind != LF_PAGE_SLIDE || !p->slide || !p->slide->item)
            continue;
        items++;
        if (p->from.block || p->from.offset)
            fail_msg("%dx%d %s: item \"%s\" runs onto a second page", v->width, v->height,
                     v->lang, p->slide->item->id);
        lf_scene_clear(s);
        lf_layout_page(s, v, p, NULL);
        for (size_t k = 0; k < lf_scene_count(s); k++) {
            const struct lf_op *op = lf_scene_op(s, k);
            if (op->kind == LF_OP_TEXT && op->px < lf_layout_min_text_px(v))
                fail_msg("%dx%d %s: \"%s\" at %d px, below the floor %d", v->width, v->height,
                         v->lang, op->text, op->px, lf_layout_min_text_px(v));
        }
    }
    assert_true(items >= 10);
    lf_scene_destroy(s);
    lf_carousel_destroy(c);
}

/* The sample content is what a city sees first: on a landscape screen
 * every item fits on one page in every language of the bundle, with the
 * real fonts (a continuation page is for content longer than a screen). */
static void sample_items_fit_one_landscape_page(void **state)
{
    struct fixture *f = *state;
    for (size_t li = 0; li < f->bundle->n_languages; li++) {
        struct lf_view v = sample_view(f->bundle, f->ts, f->bundle->languages[li], 1920, 1080);
        items_fit_one_page(&v);
    }
    assert_true(f->bundle->n_languages >= 7);
}

/* On the small screens of a counter or a corridor (800x480 landscape,
 * 480x800 portrait, a 1280x800 tablet) a typical item of the sample still fits one page, in
 * German and in Arabic, with the real fonts: the layout is set denser
 * there (LF_COMPACT_SIDE), never below the text floor. */
static void sample_items_fit_one_small_page(void **state)
{
    struct fixture *f = *state;
    static const int sizes[][2] = {{800, 480}, {480, 800}, {1280, 800}};
    static const char *const langs[] = {"de", "ar"};
    for (size_t si = 0; si < 3; si++)
        for (size_t li = 0; li < 2; li++) {
            struct lf_view v = sample_view(f->bundle, f->ts, langs[li], sizes[si][0], sizes[si][1]);
            items_fit_one_page(&v);
        }
}

/* After the graphics driver lost its textures (SDL_RENDER_DEVICE_RESET)
 * the painter makes them again: the same picture, typeset anew. */
static void painter_remakes_textures_after_a_reset(void **state)
{
    struct fixture *f = *state;
    const int w = 1920, h = 1080;
    open_canvas(f, w, h);
    struct lf_view v = sample_view(f->bundle, f->ts, "ar", w, h);
    struct lf_carousel *c = lf_carousel_create();
    lf_carousel_build(c, &v, 10);
    struct lf_scene *scenes[3] = {lf_scene_create(), lf_scene_create(), lf_scene_create()};
    lf_layout_header(scenes[0], &v);
    lf_layout_page(scenes[1], &v, &lf_carousel_page(c, 3)->page, NULL);
    lf_layout_footer(scenes[2], &v, &(struct lf_footer){.position = 3, .count = lf_carousel_count(c), .active_category = -1});
    draw_all(f, scenes, 3);
    size_t bytes = (size_t)f->surface->pitch * (size_t)h;
    uint8_t *before = malloc(bytes);
    assert_non_null(before);
    memcpy(before, f->surface->pixels, bytes);
    struct lf_painter_stats s0 = lf_painter_stats(f->painter);
    assert_true(s0.textures > 10);

    lf_painter_forget(f->painter);
    assert_int_equal(lf_painter_stats(f->painter).textures, 0);
    draw_all(f, scenes, 3);
    struct lf_painter_stats s1 = lf_painter_stats(f->painter);
    assert_int_equal(s1.textures, s0.textures);
    assert_true(s1.text_renders > s0.text_renders);
    assert_memory_equal(before, f->surface->pixels, bytes);

    free(before);
    for (int i = 0; i < 3; i++)
        lf_scene_destroy(scenes[i]);
    lf_carousel_destroy(c);
    close_canvas(f);
}

/* lf_painter_keep_only: the pictures of header and footer stay (drawing
 * them again typesets nothing), the page's go; the page drawn again
 * typesets its lines anew and gives the same pixels. */
static void painter_keeps_only_the_scenes_asked(void **state)
{
    struct fixture *f = *state;
    const int w = 1920, h = 1080;
    open_canvas(f, w, h);
    struct lf_view v = sample_view(f->bundle, f->ts, "de", w, h);
    struct lf_carousel *c = lf_carousel_create();
    lf_carousel_build(c, &v, 10);
    struct lf_scene *scenes[3] = {lf_scene_create(), lf_scene_create(), lf_scene_create()};
    lf_layout_header(scenes[0], &v);
    lf_layout_page(scenes[1], &v, &lf_carousel_page(c, 2)->page, NULL);
    lf_layout_footer(scenes[2], &v, &(struct lf_footer){.position = 2, .count = lf_carousel_count(c), .active_category = -1});
    draw_all(f, scenes, 3);
    size_t bytes = (size_t)f->surface->pitch * (size_t)h;
    uint8_t *before = malloc(bytes);
    assert_non_null(before);
    memcpy(before, f->surface->pixels, bytes);
    struct lf_painter_stats s0 = lf_painter_stats(f->painter);

    const struct lf_scene *const chrome[] = {scenes[0], NULL, scenes[2]};
    lf_painter_keep_only(f->painter, chrome, 3);
    struct lf_painter_stats s1 = lf_painter_stats(f->painter);
    assert_true(s1.textures > 0);
    assert_true(s1.textures < s0.textures);
    lf_painter_draw(f->painter, scenes[0], 0, 255);
    lf_painter_draw(f->painter, scenes[2], 0, 255);
    assert_int_equal(lf_painter_stats(f->painter).text_renders, s1.text_renders);
    assert_int_equal(lf_painter_stats(f->painter).textures, s1.textures);

    draw_all(f, scenes, 3);
    struct lf_painter_stats s2 = lf_painter_stats(f->painter);
    assert_int_equal(s2.textures, s0.textures);
    assert_true(s2.text_renders > s1.text_renders);
    assert_memory_equal(before, f->surface->pixels, bytes);
    /* kept pictures survive the next sweep as drawn ones do */
    lf_painter_keep_only(f->painter, chrome, 3);
    draw_all(f, scenes, 3);
    lf_painter_sweep(f->painter);
    assert_int_equal(lf_painter_stats(f->painter).textures, s0.textures);

    free(before);
    for (int i = 0; i < 3; i++)
        lf_scene_destroy(scenes[i]);
    lf_carousel_destroy(c);
    close_canvas(f);
}

/* Text on a small coloured shape (a date badge, a chip) stays inside it in
 * every language of the sample, with the real fonts: Arabic and Farsi
 * month names are longer than the badge the design started from. */
static void badge_text_stays_inside(void **state)
{
    struct fixture *f = *state;
    static const int sizes[][2] = {{1920, 1080}, {1080, 1920}};
    size_t checked = 0;
    for (size_t si = 0; si < 2; si++)
        for (size_t li = 0; li < f->bundle->n_languages; li++) {
            struct lf_view v =
                sample_view(f->bundle, f->ts, f->bundle->languages[li], sizes[si][0], sizes[si][1]);
            struct lf_carousel *c = lf_carousel_create();
            lf_carousel_build(c, &v, 10);
            struct lf_scene *s = lf_scene_create();
            for (size_t i = 0; i < lf_carousel_count(c); i++) {
                const struct lf_page *page = &lf_carousel_page(c, i)->page;
                lf_scene_clear(s);
                lf_layout_page(s, &v, page, NULL);
                /* an agenda's badges name each event's month whole, on one line */
                size_t first = page->from.block;
                for (size_t e = first; page->list && e < page->n_list && e < first + 4; e++) {
                    char month[64];
                    lf_format_date(v.lang, page->list[e].start, LF_DATE_MONTH_SHORT, month,
                                   sizeof(month));
                    bool found = false;
                    for (size_t t = 0; t < lf_scene_count(s) && !found; t++) {
                        const struct lf_op *op = lf_scene_op(s, t);
                        found = op->kind == LF_OP_TEXT && strcmp(op->text, month) == 0;
                    }
                    if (!found)
                        fail_msg("%dx%d %s page %zu: the badge does not say \"%s\" whole",
                                 v.width, v.height, v.lang, i, month);
                }
                for (size_t r = 0; r < lf_scene_count(s); r++) {
                    const struct lf_op *rect = lf_scene_op(s, r);
                    if (rect->kind != LF_OP_RECT || rect->box.w > v.width / 5)
                        continue;
                    for (size_t t = 0; t < lf_scene_count(s); t++) {
                        const struct lf_op *text = lf_scene_op(s, t);
                        if (text->kind != LF_OP_TEXT)
                            continue;
                        int cx = text->box.x + text->box.w / 2, cy = text->box.y + text->box.h / 2;
                        if (cx < rect->box.x || cx >= rect->box.x + rect->box.w ||
                            cy < rect->box.y || cy >= rect->box.y + rect->box.h)
                            continue;
                        checked++;
                        if (text->box.x < rect->box.x ||
                            text->box.x + text->box.w > rect->box.x + rect->box.w)
                            fail_msg("%dx%d %s page %zu: \"%s\" (%d px wide) sticks out of its "
                                     "%d px shape", v.width, v.height, v.lang, i, text->text,
                                     text->box.w, rect->box.w);
                    }
                }
            }
            lf_scene_destroy(s);
            lf_carousel_destroy(c);
        }
    assert_true(checked > 100);
}

/* A page drawn once into a snapshot and copied to the screen is the page
 * drawn directly, pixel for pixel; shifted (a transition's frame) it is
 * the same pixels moved, and drawing it again typesets nothing. */
static void snapshot_is_the_page_moved(void **state)
{
    struct fixture *f = *state;
    const int w = 800, h = 480, dx = -237;
    open_canvas(f, w, h);
    struct lf_view v = sample_view(f->bundle, f->ts, "ar", w, h);
    struct lf_carousel *c = lf_carousel_create();
    lf_carousel_build(c, &v, 10);
    struct lf_scene *page = lf_scene_create();
    lf_layout_page(page, &v, &lf_carousel_page(c, 1)->page, NULL);
    draw_all(f, &page, 1);
    size_t bytes = (size_t)f->surface->pitch * h;
    uint8_t *direct = malloc(bytes);
    assert_non_null(direct);
    memcpy(direct, f->surface->pixels, bytes);

    struct lf_snapshot *shot = lf_snapshot_create(f->renderer, f->painter);
    assert_false(lf_snapshot_valid(shot));
    assert_true(lf_snapshot_take(shot, page));
    assert_true(lf_snapshot_valid(shot));
    size_t typeset = lf_painter_stats(f->painter).text_renders;
    SDL_SetRenderDrawColor(f->renderer, 0, 0, 0, 255);
    SDL_RenderClear(f->renderer);
    lf_snapshot_draw(shot, 0);
    SDL_RenderPresent(f->renderer);
    assert_memory_equal(f->surface->pixels, direct, bytes);

    SDL_SetRenderDrawColor(f->renderer, 0, 0, 0, 255);
    SDL_RenderClear(f->renderer);
    lf_snapshot_draw(shot, dx);
    SDL_RenderPresent(f->renderer);
    int wrong = 0;
    for (int y = 0; y < h; y += 3)
        for (int x = 0; x < w; x++) {
            uint32_t want = x - dx < w
                                ? ((const uint32_t *)(direct + (size_t)y * f->surface->pitch))[x - dx] & 0xFFFFFF
                                : 0; /* uncovered: black */
            wrong += pixel(f->surface, x, y) != want;
        }
    assert_int_equal(wrong, 0);
    assert_int_equal(lf_painter_stats(f->painter).text_renders, typeset);

    lf_snapshot_empty(shot);
    assert_false(lf_snapshot_valid(shot));
    lf_snapshot_destroy(shot);
    free(direct);
    lf_scene_destroy(page);
    lf_carousel_destroy(c);
    close_canvas(f);
}

/* Draws scene op by op, each alone in a scene of its own (nothing is
 * covered by anything after it in its scene), on black. */
static void draw_op_by_op(struct fixture *f, const struct lf_scene *scene, int dx)
{
    SDL_SetRenderDrawColor(f->renderer, 0, 0, 0, 255);
    SDL_RenderClear(f->renderer);
    struct lf_scene *one = lf_scene_create();
    for (size_t i = 0; i < lf_scene_count(scene); i++) {
        const struct lf_op *op = lf_scene_op(scene, i);
        lf_scene_clear(one);
        if (op->kind == LF_OP_RECT) {
            lf_scene_rect(one, op->box, op->color, op->radius);
        } else if (op->kind == LF_OP_TEXT) {
            lf_scene_lang(one, op->lang);
            lf_scene_text(one, op->box, op->text, strlen(op->text), op->face, op->px, op->color,
                          op->rtl);
        } else if (op->kind == LF_OP_IMAGE) {
            lf_scene_image(one, op->box, op->image);
        } else {
            lf_scene_qr(one, op->box, op->text);
        }
        lf_painter_draw(f->painter, one, dx, 255);
    }
    SDL_RenderPresent(f->renderer);
    lf_scene_destroy(one);
}

/* The scene drawn whole at dx equals it drawn op by op. */
static void assert_drawn_as_op_by_op(struct fixture *f, const struct lf_scene *scene, int dx,
                                     uint8_t *want)
{
    size_t bytes = (size_t)f->surface->pitch * f->surface->h;
    draw_op_by_op(f, scene, dx);
    memcpy(want, f->surface->pixels, bytes);
    SDL_SetRenderDrawColor(f->renderer, 0, 0, 0, 255);
    SDL_RenderClear(f->renderer);
    lf_painter_draw(f->painter, scene, dx, 255);
    SDL_RenderPresent(f->renderer);
    assert_memory_equal(f->surface->pixels, want, bytes);
}

/* An opaque plain rectangle is filled only where no opaque rectangle
 * after it in its scene covers it (a page's background under its cards):
 * what is on screen is what drawing every op over the one before shows.
 * The sample pages (de, ar, a card page moved half out of sight), and a
 * background under more covers than are cut out, rounded covers (their
 * corners show what is under them), translucent rectangles (cover
 * nothing) and an opaque plain rectangle on a rounded card. */
static void covered_fills_look_the_same(void **state)
{
    struct fixture *f = *state;
    const int w = 800, h = 480;
    open_canvas(f, w, h);
    uint8_t *want = malloc((size_t)f->surface->pitch * h);
    assert_non_null(want);

    struct lf_scene *s = lf_scene_create();
    lf_scene_rect(s, (struct lf_box){0, 0, w, h}, (struct lf_rgba){240, 236, 228, 255}, 0);
    for (int i = 0; i < 48; i++)
        lf_scene_rect(s, (struct lf_box){10 + (i % 12) * 64, 20 + (i / 12) * 64, 50, 40 + i % 3},
                      (struct lf_rgba){(uint8_t)(i * 5), 90, 160, 255}, i % 4 == 0 ? 12 : 0);
    lf_scene_rect(s, (struct lf_box){100, 290, 500, 160}, (struct lf_rgba){20, 60, 120, 255}, 24);
    lf_scene_rect(s, (struct lf_box){120, 310, 200, 60}, (struct lf_rgba){255, 255, 255, 255}, 0);
    lf_scene_rect(s, (struct lf_box){300, 200, 300, 200}, (struct lf_rgba){255, 0, 0, 128}, 0);
    lf_scene_rect(s, (struct lf_box){650, -10, 160, 500}, (struct lf_rgba){0, 0, 0, 255}, 1);
    lf_scene_rect(s, (struct lf_box){0, 440, w, 40}, (struct lf_rgba){10, 10, 10, 255}, 0);
    assert_drawn_as_op_by_op(f, s, 0, want);
    assert_drawn_as_op_by_op(f, s, -333, want);
    assert_drawn_as_op_by_op(f, s, 517, want);

    const char *langs[] = {"de", "ar"};
    for (int l = 0; l < 2; l++) {
        struct lf_view v = sample_view(f->bundle, f->ts, langs[l], w, h);
        struct lf_carousel *c = lf_carousel_create();
        lf_carousel_build(c, &v, 10);
        for (size_t i = 0; i < lf_carousel_count(c); i++) {
            lf_scene_clear(s);
            lf_layout_page(s, &v, &lf_carousel_page(c, i)->page, NULL);
            assert_drawn_as_op_by_op(f, s, 0, want);
            if (i == 1)
                assert_drawn_as_op_by_op(f, s, -w / 2, want);
        }
        lf_carousel_destroy(c);
    }
    lf_scene_destroy(s);
    free(want);
    close_canvas(f);
}

/* A rounded rectangle as the painter drew it before it kept its corners:
 * the circle (white, its alpha the coverage of a 128 px disc) stretched by
 * SDL into each corner at every card (the reference for the kept ones). */
static void stretched_rounded(SDL_Renderer *r, SDL_Rect b, int rad, struct lf_rgba c)
{
    const int n = 128;
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, n, n, 32, SDL_PIXELFORMAT_ARGB8888);
    assert_non_null(s);
    double ctr = n / 2.0;
    for (int y = 0; y < n; y++) {
        Uint32 *row = (Uint32 *)((Uint8 *)s->pixels + y * s->pitch);
        for (int x = 0; x < n; x++) {
            double dx = x + 0.5 - ctr, dy = y + 0.5 - ctr;
            double d = ctr - SDL_sqrt(dx * dx + dy * dy);
            double a = d >= 1 ? 1 : d <= 0 ? 0 : d;
            row[x] = ((Uint32)(a * 255) << 24) | 0xFFFFFF;
        }
    }
    SDL_Texture *t = SDL_CreateTextureFromSurface(r, s);
    SDL_FreeSurface(s);
    assert_non_null(t);
    SDL_SetTextureBlendMode(t, SDL_BLENDMODE_BLEND);
    SDL_SetTextureScaleMode(t, SDL_ScaleModeLinear);
    SDL_SetRenderDrawColor(r, c.r, c.g, c.b, c.a);
    SDL_SetRenderDrawBlendMode(r, c.a == 255 ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
    SDL_Rect parts[3] = {{b.x + rad, b.y, b.w - 2 * rad, b.h},
                         {b.x, b.y + rad, rad, b.h - 2 * rad},
                         {b.x + b.w - rad, b.y + rad, rad, b.h - 2 * rad}};
    SDL_RenderFillRects(r, parts, 3);
    SDL_SetTextureColorMod(t, c.r, c.g, c.b);
    SDL_SetTextureAlphaMod(t, c.a);
    const int half = n / 2;
    for (int i = 0; i < 4; i++) {
        SDL_Rect src = {i % 2 * half, i / 2 * half, half, half};
        SDL_Rect dst = {i % 2 ? b.x + b.w - rad : b.x, i / 2 ? b.y + b.h - rad : b.y, rad, rad};
        SDL_RenderCopy(r, t, &src, &dst);
    }
    SDL_DestroyTexture(t);
}

/* Rounded corners, kept drawn at their radius by the software renderer's
 * painter, look exactly as stretching the circle at every card did: for
 * more radii than are kept (each comes back after being dropped), opaque
 * and translucent, and cards reaching out of the picture. */
static void kept_corners_look_as_stretched(void **state)
{
    struct fixture *f = *state;
    const int w = 400, h = 300;
    open_canvas(f, w, h);
    size_t bytes = (size_t)f->surface->pitch * h;
    uint8_t *want = malloc(bytes);
    assert_non_null(want);
    struct lf_scene *s = lf_scene_create();
    for (int round = 0; round < 2; round++)
        for (int rad = 2; rad <= 70; rad += 4) {
            struct lf_rgba bg = {240, 236, 228, 255};
            struct lf_rgba c = {(uint8_t)(rad * 3), 90, (uint8_t)(200 - rad), 255};
            struct lf_rgba glass = {20, 60, 120, (uint8_t)(100 + rad)};
            SDL_Rect cards[3] = {{10, 10, 2 * rad + 30, 2 * rad + 20},
                                 {w - rad - 10, 100, 2 * rad + 20, 2 * rad + 10},
                                 {150, h - rad, 2 * rad + 10, 2 * rad + 40}};
            SDL_SetRenderDrawColor(f->renderer, bg.r, bg.g, bg.b, 255);
            SDL_RenderClear(f->renderer);
            for (int i = 0; i < 3; i++)
                stretched_rounded(f->renderer, cards[i], rad, i == 1 ? glass : c);
            SDL_RenderPresent(f->renderer);
            memcpy(want, f->surface->pixels, bytes);

            lf_scene_clear(s);
            lf_scene_rect(s, (struct lf_box){0, 0, w, h}, bg, 0);
            for (int i = 0; i < 3; i++)
                lf_scene_rect(s, (struct lf_box){cards[i].x, cards[i].y, cards[i].w, cards[i].h},
                              i == 1 ? glass : c, rad);
            SDL_SetRenderDrawColor(f->renderer, 0, 0, 0, 255);
            SDL_RenderClear(f->renderer);
            lf_painter_draw(f->painter, s, 0, 255);
            SDL_RenderPresent(f->renderer);
            if (memcmp(f->surface->pixels, want, bytes) != 0)
                fail_msg("round %d, radius %d: the corners differ from the stretched circle's",
                         round, rad);
        }
    lf_scene_destroy(s);
    free(want);
    close_canvas(f);
}

/* An emoji sequence is one picture: 👨‍👩‍👧‍👦, 🏳️‍🌈 and ❤️‍🔥 are joined by
 * U+200D (and U+FE0F), skin tones stay on their hand; they were drawn as
 * their parts side by side when the joiners fell into another font's run.
 * A text-style ❤ followed by U+FE0F is the red emoji. */
static void emoji_sequences_are_one_picture(void **state)
{
    struct fixture *f = *state;
    const struct lf_measure *m = lf_typesetter_measure(f->ts);
#define W(s) m->width(m->ctx, LF_FACE_REGULAR, 40, (s), strlen(s))
    int one = W("\U0001F308"); /* 🌈 */
    assert_true(one > 0);
    static const char *const sequences[] = {
        "\U0001F468\u200D\U0001F469\u200D\U0001F467\u200D\U0001F466", /* family */
        "\U0001F3F3\uFE0F\u200D\U0001F308",                           /* rainbow flag */
        "\u2764\uFE0F\u200D\U0001F525",                               /* heart on fire */
        "\U0001F44B\U0001F3FD",                                       /* waving hand, skin tone */
        "\U0001F9D1\U0001F3FE\u200D\U0001F91D\u200D\U0001F9D1\U0001F3FB", /* people holding hands */
    };
    for (size_t i = 0; i < sizeof(sequences) / sizeof(sequences[0]); i++) {
        int w = W(sequences[i]);
        if (w > one * 3 / 2)
            fail_msg("sequence %zu is %d px wide, one emoji %d: drawn as its parts", i, w, one);
    }
#undef W
    /* ❤️: red pixels, not the black outline of the text font */
    struct lf_rgba ink = {0, 0, 0, 255};
    SDL_Surface *s = lf_typesetter_render(f->ts, "\u2764\uFE0F", strlen("\u2764\uFE0F"),
                                          LF_FACE_REGULAR, 40, ink, false);
    assert_non_null(s);
    SDL_Surface *conv = SDL_ConvertSurfaceFormat(s, SDL_PIXELFORMAT_ARGB8888, 0);
    long red = 0;
    for (int y = 0; y < conv->h; y++)
        for (int x = 0; x < conv->w; x++) {
            uint32_t p = ((uint32_t *)((uint8_t *)conv->pixels + y * conv->pitch))[x];
            red += (p >> 24) > 128 && ((p >> 16) & 0xFF) > 180 && ((p >> 8) & 0xFF) < 90;
        }
    assert_true(red > 50);
    SDL_FreeSurface(conv);
    SDL_FreeSurface(s);
}

/* A combining mark stays in its letter's font: in the regular face the
 * Tamil virama and vowel signs (U+0BCD, U+0BC1, U+0BC7) were given
 * another Tamil font than their letters, so HarfBuzz shaped them alone,
 * each on a dotted circle ("ஒருங்கிணைப◌்ப◌ு"). The line must be as wide as
 * the letters' own font shapes it whole, in both faces. */
static void marks_stay_with_their_letter(void **state)
{
    struct fixture *f = *state;
    const struct lf_measure *m = lf_typesetter_measure(f->ts);
    static const struct {
        const char *script, *text;
    } lines[] = {
        {"Taml", "ஒருங்கிணைப்பு மையம் வரவேற்கிறது"},
        {"Deva", "नमस्ते एकीकरण केंद्र"},
        {"Beng", "স্বাগতম সমন্বয় কেন্দ্র"},
        {"Mlym", "സ്വാഗതം സംയോജന കേന്ദ്രം"},
        {"Telu", "స్వాగతం సమన్వయ కేంద్రం"},
        {"Knda", "ಸ್ವಾಗತ ಏಕೀಕರಣ ಕೇಂದ್ರ"},
        {"Gujr", "સ્વાગત એકીકરણ કેન્દ્ર"},
        {"Guru", "ਜੀ ਆਇਆਂ ਨੂੰ ਕੇਂਦਰ"},
        {"Orya", "ସ୍ୱାଗତ ସମନ୍ୱୟ କେନ୍ଦ୍ର"},
        {"Sinh", "ආයුබෝවන් ඒකාබද්ධ මධ්‍යස්ථානය"},
        {"Thai", "ศูนย์บูรณาการเทศบาลยินดีต้อนรับ"},
        {"Khmr", "សូមស្វាគមន៍មជ្ឈមណ្ឌល"},
        {"Mymr", "ကြိုဆိုပါသည် ပေါင်းစည်းရေးစင်တာ"},
        {"Tibt", "བཀྲ་ཤིས་བདེ་ལེགས།"},
        {"Hebr", "שָׁלוֹם עֲלֵיכֶם בְּמֶרְכַּז"},
        {"Ethi", "ሰላም ንኹሉ ዓዲ ትግራይ"},
        {"Armn", "Բարի գալուստ կենտրոն"},
        {"Geor", "კეთილი იყოს თქვენი მობრძანება"},
        {"Laoo", "ຍິນດີຕ້ອນຮັບສູ່ສູນ"},
    };
    for (int face = LF_FACE_REGULAR; face <= LF_FACE_BOLD; face++)
        for (size_t i = 0; i < sizeof(lines) / sizeof(lines[0]); i++) {
            uint32_t first = 0;
            const unsigned char *u = (const unsigned char *)lines[i].text;
            first = u[0] < 0xE0 ? ((uint32_t)(u[0] & 0x1F) << 6) | (u[1] & 0x3F)
                                : ((uint32_t)(u[0] & 0x0F) << 12) | ((uint32_t)(u[1] & 0x3F) << 6) |
                                      (u[2] & 0x3F);
            char family[128];
            assert_true(lf_typesetter_family_for(f->ts, (enum lf_face)face, first, NULL, family,
                                                 sizeof(family)));
            char name[160];
            snprintf(name, sizeof(name), "%s:weight=%d", family,
                     face == LF_FACE_BOLD ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR);
            TTF_Font *font = open_font_named(name, 40);
            TTF_SetFontScriptName(font, lines[i].script);
            int want = 0, h = 0;
            assert_int_equal(TTF_SizeUTF8(font, lines[i].text, &want, &h), 0);
            int got = m->width(m->ctx, (enum lf_face)face, 40, lines[i].text,
                               strlen(lines[i].text));
            if (got > want + want / 20)
                fail_msg("%s (%s, face %d): %d px wide, %s shapes it %d px: marks drawn alone",
                         lines[i].text, lines[i].script, face, got, family, want);
            TTF_CloseFont(font);
        }
}

/* A font is kept while any of the last LF_FONT_KEEP_PAGES pages used it
 * (a language a visitor read a few pages ago, a size every page uses), is
 * closed once none did, and opens again when a line asks for it: the
 * same pixels as before it was closed. */
static void fonts_follow_the_last_pages(void **state)
{
    (void)state;
    struct lf_typesetter *ts = lf_typesetter_create();
    assert_non_null(ts);
    struct lf_rgba ink = {0x1b, 0x1b, 0x1b, 255};
    const char *arabic = "\u0645\u0631\u062d\u0628\u0627 \u0628\u0643\u0645";
    const char *latin = "Sprachcaf\u00e9";
    SDL_Surface *before = lf_typesetter_render_lang(ts, arabic, strlen(arabic), LF_FACE_REGULAR,
                                                    31, ink, true, "ar");
    assert_non_null(before);
    int with_arabic = lf_typesetter_open_fonts(ts);
    assert_true(with_arabic >= 2); /* Noto Sans Arabic, and Noto Sans for the line's height */
    /* pages in another language and size: the Arabic fonts stay open for
     * LF_FONT_KEEP_PAGES of them (at least 3: a language changes back) */
    assert_true(LF_FONT_KEEP_PAGES >= 3);
    for (int page = 1; page <= LF_FONT_KEEP_PAGES; page++) {
        assert_int_equal(lf_typesetter_next_page(ts), 0);
        SDL_Surface *s = lf_typesetter_render(ts, latin, strlen(latin), LF_FACE_BOLD, 23, ink,
                                              false);
        assert_non_null(s);
        SDL_FreeSurface(s);
        assert_int_equal(lf_typesetter_open_fonts(ts), with_arabic + 1);
    }
    /* one page more: the fonts only the Arabic line used are closed, the
     * one the last pages used stays */
    assert_int_equal(lf_typesetter_next_page(ts), with_arabic);
    assert_int_equal(lf_typesetter_open_fonts(ts), 1);
    SDL_Surface *again = lf_typesetter_render_lang(ts, arabic, strlen(arabic), LF_FACE_REGULAR,
                                                   31, ink, true, "ar");
    assert_non_null(again);
    assert_int_equal(lf_typesetter_open_fonts(ts), with_arabic + 1);
    assert_int_equal(again->w, before->w);
    assert_int_equal(again->h, before->h);
    assert_int_equal(again->format->format, before->format->format);
    for (int y = 0; y < before->h; y++)
        assert_memory_equal((const char *)again->pixels + (size_t)y * (size_t)again->pitch,
                            (const char *)before->pixels + (size_t)y * (size_t)before->pitch,
                            (size_t)before->w * before->format->BytesPerPixel);
    SDL_FreeSurface(again);
    SDL_FreeSurface(before);
    lf_typesetter_destroy(ts);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(slides_are_drawn_in_both_orientations),
        cmocka_unit_test(every_language_has_its_glyphs),
        cmocka_unit_test(arabic_is_shaped_and_right_to_left),
        cmocka_unit_test(phone_numbers_keep_their_order_in_rtl),
        cmocka_unit_test(a_line_end_hyphen_stays_with_its_word),
        cmocka_unit_test(page_position_reads_from_the_right),
        cmocka_unit_test(emoji_sequences_are_one_picture),
        cmocka_unit_test(marks_stay_with_their_letter),
        cmocka_unit_test(fonts_follow_the_last_pages),
        cmocka_unit_test(no_ink_is_cut_off),
        cmocka_unit_test(painter_remakes_textures_after_a_reset),
        cmocka_unit_test(painter_keeps_only_the_scenes_asked),
        cmocka_unit_test(sample_items_fit_one_landscape_page),
        cmocka_unit_test(sample_items_fit_one_small_page),
        cmocka_unit_test(badge_text_stays_inside),
        cmocka_unit_test(snapshot_is_the_page_moved),
        cmocka_unit_test(covered_fills_look_the_same),
        cmocka_unit_test(kept_corners_look_as_stretched),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
