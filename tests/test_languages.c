/* Every language a KI serves (issue 10).
 *
 * 1. A bundle in 56 languages (tests/data/languages, our own texts) is laid
 *    out and drawn in each of them, landscape and portrait, with the real
 *    fonts: no character may lack a glyph in the fonts chosen (a .notdef
 *    box), the strip names every language in itself (never a raw tag), and
 *    no German kiosk word, month, weekday or "Uhr" shows in a language
 *    that has its own.
 * 2. A bundle with 42 languages in the kiosk (SDL offscreen, fake clock):
 *    every language is reached by touch, from the strip or through the
 *    "more languages" page, in landscape and portrait and on a small
 *    800x480 screen. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <SDL.h>
#include <SDL_ttf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app/carousel.h"
#include "app/config.h"
#include "app/kiosk.h"
#include "content/bundle.h"
#include "core/civil_time.h"
#include "layout/phrases.h"
#include "layout/slide_layout.h"
#include "render/painter.h"
#include "render/typesetter.h"

static const char *source_dir(void)
{
    const char *d = getenv("LITFASS_SOURCE_DIR");
    return d ? d : LITFASS_SOURCE_DIR;
}

/* The languages the issue names, Hebrew and Chinese besides, and the
 * languages with built-in words added since. */
static const char *const issue_langs[] = {
    "de", "de-x-ls", "en", "tr", "ar", "fa", "prs", "ps", "ku", "ckb", "ti", "am", "so", "uk",
    "ru", "pl", "ro", "bg", "sr", "sq", "el", "fr", "es", "it", "vi", "he", "zh",
    "nl", "pt", "hr", "bs", "mk", "hu", "cs", "sk", "sl", "ja", "ko", "zh-Hant", "ur", "hy",
    "ka", "sv", "da", "nb", "fi", "lt", "lv", "et", "az", "uz", "hi", "bn", "pa", "ta", "sw",
    "ml", "ha", "yo",
};
#define N_ISSUE_LANGS (sizeof(issue_langs) / sizeof(issue_langs[0]))

/* ---- 1: every language drawn ---- */

static bool inside(struct lf_box in, struct lf_box out)
{
    return in.x >= out.x && in.y >= out.y && in.x + in.w <= out.x + out.w &&
           in.y + in.h <= out.y + out.h;
}

/* Whether `word` stands in `text` as a whole word. */
static bool has_word(const char *text, const char *word)
{
    size_t n = strlen(word);
    for (const char *p = strstr(text, word); p; p = strstr(p + 1, word)) {
        bool start = p == text || p[-1] == ' ' || p[-1] == ',' || p[-1] == '(';
        char after = p[n];
        bool end = after == '\0' || after == ' ' || after == ',' || after == '.' || after == ')';
        if (start && end)
            return true;
    }
    return false;
}

/* The German words of the kiosk that must not show in `lang`. */
struct german_words {
    const char *whole[LF_P_COUNT + 40]; /* a text op that is exactly this */
    char prefix[LF_P_COUNT][128];       /* a line that begins so ("Öffnet heute um ") */
    size_t n_whole, n_prefix;
    char names[40][128];                /* month and weekday names, "Uhr" */
    size_t n_names;
};

static void german_words_for(const char *lang, struct german_words *g)
{
    memset(g, 0, sizeof(*g));
    for (int p = 0; p < LF_P_COUNT; p++) {
        const char *de = lf_phrase("de", (enum lf_phrase)p);
        if (!lf_phrase_has(lang, (enum lf_phrase)p) ||
            strcmp(lf_phrase(lang, (enum lf_phrase)p), de) == 0)
            continue;
        const char *pct = strchr(de, '%');
        if (!pct)
            g->whole[g->n_whole++] = de;
        else if (pct > de)
            snprintf(g->prefix[g->n_prefix++], sizeof(g->prefix[0]), "%.*s", (int)(pct - de), de);
    }
    /* German month and weekday names that are not also the language's */
    char own[2048] = "";
    for (int i = 0; i < 12 + 7; i++) {
        time_t t = i < 12 ? lf_local_make(2027, i + 1, 15, 12, 0)
                          : lf_local_make(2027, 3, 1 + (i - 12), 12, 0); /* 1 March: a Monday */
        char buf[128];
        for (int st = LF_DATE_LONG; st <= LF_DATE_WEEKDAY_SHORT; st++) {
            lf_format_date(lang, t, (enum lf_date_style)st, buf, sizeof(buf));
            size_t used = strlen(own);
            snprintf(own + used, sizeof(own) - used, " %s", buf);
        }
        lf_format_date("de", t, i < 12 ? LF_DATE_MONTH : LF_DATE_WEEKDAY, buf, sizeof(buf));
        if (!has_word(own, buf))
            snprintf(g->names[g->n_names++], sizeof(g->names[0]), "%s", buf);
    }
    snprintf(g->names[g->n_names++], sizeof(g->names[0]), "Uhr");
}

static void check_scene(struct lf_typesetter *ts, const struct lf_scene *s, const char *lang,
                        const struct lf_bundle *b, const struct german_words *g,
                        const char *where, size_t *texts, size_t *strip_buttons)
{
    bool german = strncmp(lang, "de", 2) == 0;
    for (size_t i = 0; i < lf_scene_count(s); i++) {
        const struct lf_op *op = lf_scene_op(s, i);
        if (op->kind != LF_OP_TEXT)
            continue;
        (*texts)++;
        size_t missing = lf_typesetter_missing_glyphs(ts, op->text);
        if (missing)
            fail_msg("%s [%s]: %zu characters without a glyph in \"%s\"", where, lang, missing,
                     op->text);
        /* text on a button stays within it (an Ethiopic "no voice" wrapped
         * into two lines ran out of its button) */
        for (size_t t = 0; t < lf_scene_target_count(s); t++) {
            const struct lf_box tb = lf_scene_target_at(s, t)->box;
            bool overlaps = op->box.x < tb.x + tb.w && tb.x < op->box.x + op->box.w &&
                            op->box.y < tb.y + tb.h && tb.y < op->box.y + op->box.h;
            /* one sign ("‹", "◐") is centred in its own box */
            size_t signs = 0;
            for (const unsigned char *c = (const unsigned char *)op->text; *c; c++)
                signs += (*c & 0xC0) != 0x80;
            bool one_sign = signs == 1;
            if (overlaps && !one_sign && !inside(op->box, tb))
                fail_msg("%s [%s]: \"%s\" (%d,%d %dx%d) runs out of its button (%d,%d %dx%d)", where, lang, op->text, op->box.x, op->box.y, op->box.w, op->box.h, tb.x, tb.y, tb.w, tb.h);
        }
        /* a language button: the language's name in itself, never its tag */
        const struct lf_target *lang_button = NULL;
        for (size_t t = 0; t < lf_scene_target_count(s); t++) {
            const struct lf_target *tg = lf_scene_target_at(s, t);
            if (tg->action == LF_ACT_LANGUAGE && inside(op->box, tg->box))
                lang_button = tg;
        }
        /* the kiosk's words on its buttons are not broken inside a word
         * ("Խորհրդատվությու-ն"): a shorter word is needed then */
        for (size_t t = 0; t < lf_scene_target_count(s); t++) {
            const struct lf_target *tg = lf_scene_target_at(s, t);
            bool chrome_button = tg->action == LF_ACT_CATEGORY || tg->action == LF_ACT_HOME ||
                                 tg->action == LF_ACT_MORE_LANGUAGES ||
                                 tg->action == LF_ACT_READ_ALOUD;
            size_t n = strlen(op->text);
            if (chrome_button && inside(op->box, tg->box) && n > 1 && op->text[n - 1] == '-')
                fail_msg("%s [%s]: a button's word is broken: \"%s\"", where, lang, op->text);
        }
        if (lang_button) {
            const char *tag = b->languages[lang_button->arg];
            (*strip_buttons)++;
            if (strcmp(op->text, lf_lang_endonym(tag)) != 0 || !lf_lang_known(tag) ||
                strcasecmp(op->text, tag) == 0)
                fail_msg("%s [%s]: the button of %s reads \"%s\"", where, lang, tag, op->text);
            continue; /* "Deutsch" on its button is right in every language */
        }
        if (german)
            continue;
        for (size_t w = 0; w < g->n_whole; w++)
            if (strcmp(op->text, g->whole[w]) == 0)
                fail_msg("%s [%s]: German kiosk word \"%s\"", where, lang, op->text);
        for (size_t w = 0; w < g->n_prefix; w++)
            if (strncmp(op->text, g->prefix[w], strlen(g->prefix[w])) == 0)
                fail_msg("%s [%s]: German kiosk words in \"%s\"", where, lang, op->text);
        for (size_t w = 0; w < g->n_names; w++)
            if (has_word(op->text, g->names[w]))
                fail_msg("%s [%s]: German \"%s\" in \"%s\"", where, lang, g->names[w], op->text);
    }
}

static void every_language_is_drawn_in_its_own_words(void **state)
{
    (void)state;
    assert_true(lf_civil_time_init());
    assert_int_equal(TTF_Init(), 0);
    char dir[4096];
    snprintf(dir, sizeof(dir), "%s/tests/data/languages", source_dir());
    struct lf_diags *d = lf_diags_create();
    struct lf_bundle *b = lf_bundle_load(dir, d);
    lf_diags_print(d, stderr);
    lf_diags_destroy(d);
    assert_non_null(b);
    assert_int_equal(b->n_languages, N_ISSUE_LANGS);
    lf_phrases_use(b);
    struct lf_typesetter *ts = lf_typesetter_create();
    assert_non_null(ts);
    static const int sizes[][2] = {{1920, 1080}, {1080, 1920}};
    size_t texts = 0, strip_buttons = 0, pages = 0;
    for (size_t si = 0; si < 2; si++) {
        int w = sizes[si][0], h = sizes[si][1];
        SDL_Surface *surface = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
        SDL_Renderer *renderer = SDL_CreateSoftwareRenderer(surface);
        assert_non_null(renderer);
        struct lf_painter *painter = lf_painter_create(renderer, ts);
        for (size_t l = 0; l < N_ISSUE_LANGS; l++) {
            const char *lang = issue_langs[l];
            struct german_words g;
            german_words_for(lang, &g);
            struct lf_view v = {.bundle = b, .lang = lang,
                                .now = lf_local_make(2027, 1, 20, 10, 0),
                                .theme = lf_theme_get(LF_THEME_STANDARD),
                                .measure = lf_typesetter_measure(ts), .width = w, .height = h,
                                .text_scale = 1.0};
            struct lf_carousel *c = lf_carousel_create();
            lf_carousel_build(c, &v, 10);
            assert_true(lf_carousel_count(c) >= 4); /* agenda, event, offer, contact */
            struct lf_scene *scenes[3] = {lf_scene_create(), lf_scene_create(),
                                          lf_scene_create()};
            lf_layout_header(scenes[0], &v);
            for (size_t i = 0; i <= lf_carousel_count(c); i++) {
                lf_scene_clear(scenes[1]);
                lf_scene_clear(scenes[2]);
                /* every page of the carousel, then the page of every language */
                struct lf_page lp = {.kind = LF_PAGE_LANGUAGES};
                const struct lf_page *page =
                    i < lf_carousel_count(c) ? &lf_carousel_page(c, i)->page : &lp;
                lf_layout_page(scenes[1], &v, page, NULL);
                lf_layout_footer(scenes[2], &v, &(struct lf_footer){.position = i,
                                 .count = lf_carousel_count(c), .active_category = -1});
                char where[64];
                snprintf(where, sizeof(where), "%dx%d page %zu", w, h, i);
                for (int s = 0; s < 3; s++)
                    check_scene(ts, scenes[s], lang, b, &g, where, &texts, &strip_buttons);
                SDL_SetRenderDrawColor(renderer, 0, 0, 0, 255);
                SDL_RenderClear(renderer);
                for (int s = 0; s < 3; s++)
                    lf_painter_draw(painter, scenes[s], 0, 255);
                pages++;
            }
            lf_painter_sweep(painter);
            for (int s = 0; s < 3; s++)
                lf_scene_destroy(scenes[s]);
            lf_carousel_destroy(c);
        }
        lf_painter_destroy(painter);
        SDL_DestroyRenderer(renderer);
        SDL_FreeSurface(surface);
    }
    assert_true(pages >= 2 * N_ISSUE_LANGS * 5);
    assert_true(texts > 2000);
    /* the page of every language alone names each of them once per page */
    assert_true(strip_buttons >= 2 * N_ISSUE_LANGS * N_ISSUE_LANGS);
    /* the header and the footer (with "back") also on small and common
     * screens, where the buttons are narrowest */
    static const int small[][2] = {{800, 480}, {480, 800}, {1366, 768}, {768, 1366}};
    for (size_t si = 0; si < sizeof(small) / sizeof(small[0]); si++)
        for (size_t l = 0; l < N_ISSUE_LANGS; l++) {
            struct german_words gw;
            german_words_for(issue_langs[l], &gw);
            struct lf_view v = {.bundle = b, .lang = issue_langs[l],
                                .now = lf_local_make(2027, 1, 20, 10, 0),
                                .theme = lf_theme_get(LF_THEME_STANDARD),
                                .measure = lf_typesetter_measure(ts), .width = small[si][0],
                                .height = small[si][1], .text_scale = 1.0};
            struct lf_scene *sc = lf_scene_create();
            char where[64];
            snprintf(where, sizeof(where), "%dx%d chrome", small[si][0], small[si][1]);
            for (int back = 0; back < 2; back++)
                for (int read = LF_READ_NONE; read <= LF_READ_NO_VOICE; read++) {
                    v.speech = read != LF_READ_NONE;
                    lf_scene_clear(sc);
                    lf_layout_header(sc, &v);
                    lf_layout_footer(sc, &v, &(struct lf_footer){.position = 0, .count = 5,
                                     .active_category = -1, .show_back = back,
                                     .read = (enum lf_read_button)read});
                    check_scene(ts, sc, issue_langs[l], b, &gw, where, &texts, &strip_buttons);
                }
            lf_scene_destroy(sc);
        }
    /* and the checks can fail: a German word, a private-use character */
    struct german_words g;
    german_words_for("pl", &g);
    bool found = false;
    for (size_t w = 0; w < g.n_whole; w++)
        found |= strcmp(g.whole[w], "Sprechzeiten") == 0;
    assert_true(found);
    assert_true(has_word("21 Januar 2027", g.names[0]));
    assert_int_equal(lf_typesetter_missing_glyphs(ts, "\xEE\x80\x80"), 1);
    lf_typesetter_destroy(ts);
    lf_phrases_use(NULL);
    lf_bundle_destroy(b);
    TTF_Quit();
}

/* ---- 2: 42 languages, each reached by touch ---- */

static const char *const many_langs[] = {
    "de", "de-x-ls", "en", "tr", "ar", "fa", "prs", "ps", "ku", "ckb", "ti", "am", "so", "uk",
    "ru", "pl", "ro", "bg", "sr", "sq", "el", "fr", "es", "it", "vi", "he", "zh", "hy", "ka",
    "ta", "hi", "bn", "ur", "ja", "ko", "th", "lt", "hu", "cs", "hr", "mk", "az",
};
#define N_MANY (sizeof(many_langs) / sizeof(many_langs[0]))

struct fake_clock {
    uint64_t ms;
    time_t wall0;
};

static uint64_t fake_ticks(void *ctx)
{
    return ((struct fake_clock *)ctx)->ms;
}

static time_t fake_wall(void *ctx)
{
    struct fake_clock *c = ctx;
    return c->wall0 + (time_t)(c->ms / 1000);
}

static void pass(struct lf_kiosk *k, struct fake_clock *clock, uint64_t ms)
{
    uint64_t end = clock->ms + ms;
    while (clock->ms < end) {
        uint64_t next = lf_kiosk_update(k);
        clock->ms = next > clock->ms && next < end ? next : end;
    }
    lf_kiosk_update(k);
}

static void tap_at(struct lf_kiosk *k, struct fake_clock *clock, int x, int y)
{
    SDL_Event ev;
    memset(&ev, 0, sizeof(ev));
    ev.type = SDL_MOUSEBUTTONDOWN;
    ev.button.button = SDL_BUTTON_LEFT;
    ev.button.x = x;
    ev.button.y = y;
    lf_kiosk_handle(k, &ev);
    clock->ms += 80;
    ev.type = SDL_MOUSEBUTTONUP;
    lf_kiosk_handle(k, &ev);
    pass(k, clock, 700);
}

static char *write_many_bundle(void)
{
    char tmpl[] = "/tmp/litfass-languages-XXXXXX";
    char *dir = mkdtemp(tmpl);
    assert_non_null(dir);
    char org[8192] = "", title[8192] = "";
    for (size_t i = 0; i < N_MANY; i++) {
        size_t a = strlen(org), t = strlen(title);
        snprintf(org + a, sizeof(org) - a, "%s\"%s\": \"KI %zu\"", i ? ", " : "", many_langs[i], i);
        snprintf(title + t, sizeof(title) - t, "%s\"%s\": \"%s\"", i ? ", " : "", many_langs[i],
                 lf_lang_endonym(many_langs[i]));
    }
    char path[4096];
    snprintf(path, sizeof(path), "%s/content.json", dir);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fprintf(f,
            "{\"format\": 1, \"organisation\": {%s},\n"
            " \"items\": [{\"kind\": \"offer\", \"id\": \"o\", \"title\": {%s},\n"
            "   \"description\": {%s}}]}\n",
            org, title, org);
    assert_int_equal(fclose(f), 0);
    return strdup(dir);
}

static void forty_languages_all_reached_by_touch(void **state)
{
    (void)state;
    assert_true(lf_civil_time_init());
    char *dir = write_many_bundle();
    static const int sizes[][2] = {{1280, 720}, {720, 1280}, {800, 480}};
    for (size_t si = 0; si < sizeof(sizes) / sizeof(sizes[0]); si++) {
        struct lf_config cfg;
        lf_config_defaults(&cfg);
        snprintf(cfg.content_dir, sizeof(cfg.content_dir), "%s", dir);
        cfg.windowed = true;
        cfg.width = sizes[si][0];
        cfg.height = sizes[si][1];
        cfg.idle_seconds = 600;
        cfg.transition_ms = 0; /* no frames in between: only where the taps lead matters */
        struct lf_kiosk *k = lf_kiosk_create(&cfg);
        assert_non_null(k);
        struct fake_clock clock = {1000, lf_local_make(2027, 1, 20, 10, 0)};
        lf_kiosk_set_clock(k, &(struct lf_kiosk_clock){fake_ticks, fake_wall, &clock});
        lf_kiosk_update(k);
        struct lf_kiosk_state st;
        lf_kiosk_describe(k, &st);
        /* not all 42 fit the strip: it offers the page of every language */
        int x, y;
        assert_true(lf_kiosk_find_target(k, LF_ACT_MORE_LANGUAGES, 0, &x, &y));
        size_t from_strip = 0, from_page = 0;
        for (size_t i = 0; i < N_MANY; i++) {
            /* the strip, when the language is on it */
            if (lf_kiosk_find_target(k, LF_ACT_LANGUAGE, (int)i, &x, &y)) {
                tap_at(k, &clock, x, y);
                from_strip++;
            } else {
                assert_true(lf_kiosk_find_target(k, LF_ACT_MORE_LANGUAGES, 0, &x, &y));
                tap_at(k, &clock, x, y);
                lf_kiosk_describe(k, &st);
                assert_string_equal(st.mode, "languages");
                /* on a small screen the page goes on: "next" */
                for (int turns = 0; !lf_kiosk_find_target(k, LF_ACT_LANGUAGE, (int)i, &x, &y);
                     turns++) {
                    lf_kiosk_describe(k, &st);
                    if (!st.page_continues || turns > 10)
                        fail_msg("%dx%d: %s is on no page of languages", cfg.width,
                                 cfg.height, many_langs[i]);
                    int nx, ny;
                    assert_true(lf_kiosk_find_target(k, LF_ACT_NEXT, 0, &nx, &ny));
                    tap_at(k, &clock, nx, ny);
                }
                tap_at(k, &clock, x, y);
                from_page++;
            }
            lf_kiosk_describe(k, &st);
            if (strcmp(st.lang, many_langs[i]) != 0)
                fail_msg("%dx%d: a tap on %s gave %s", cfg.width, cfg.height, many_langs[i],
                         st.lang);
            assert_string_not_equal(st.mode, "languages"); /* chosen: the page closes */
            /* the language on screen stays on the strip */
            assert_true(lf_kiosk_find_target(k, LF_ACT_LANGUAGE, (int)i, &x, &y));
        }
        assert_true(from_strip >= 3);
        assert_true(from_page >= 10);
        lf_kiosk_destroy(k);
    }
    char path[4200];
    snprintf(path, sizeof(path), "%s/content.json", dir);
    unlink(path);
    rmdir(dir);
    free(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_language_is_drawn_in_its_own_words),
        cmocka_unit_test(forty_languages_all_reached_by_touch),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
