#include "app/preview.h"

#include <SDL.h>
#include <SDL_image.h>
#include <SDL_ttf.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "app/carousel.h"
#include "app/kiosk.h"
#include "content/bundle.h"
#include "core/clock_floor.h"
#include "core/durable.h"
#include "layout/measure_memo.h"
#include "layout/phrases.h"
#include "layout/slide_layout.h"
#include "render/painter.h"
#include "render/typesetter.h"
#include "speech/voice.h"

/* "07-event-iwgr-2027.png"; continuation pages get "-2", "-3". The
 * number has as many digits as the page count needs (at least two), so
 * the files sort in carousel order: "099-..." before "100-...". */
static void page_file_name(const struct lf_carousel_page *cp, size_t index, size_t count,
                           int part, char *buf, size_t size)
{
    int digits = 2;
    for (size_t n = count; n >= 100; n /= 10)
        digits++;
    const struct lf_slide *sl = cp->page.slide;
    const char *kind = sl->kind == LF_SLIDE_AGENDA ? "agenda"
                       : sl->kind == LF_SLIDE_URGENT ? "urgent"
                                                      : lf_item_kind_name(sl->item->kind);
    char suffix[16] = "";
    if (part > 1)
        snprintf(suffix, sizeof(suffix), "-%d", part);
    int n = snprintf(buf, size, "%0*zu-%s%s%s%s.png", digits, index + 1, kind, sl->item ? "-" : "",
             sl->item ? sl->item->id : "", suffix);
    if (n < 0 || (size_t)n >= size)
        buf[size - 1] = '\0'; /* cut short: still a name, never reached with 256 bytes */
}

int lf_preview_run(const struct lf_config *cfg, const struct lf_preview_options *opt)
{
    int rc = 1;
    struct lf_diags *diags = lf_diags_create();
    struct lf_bundle *bundle = NULL;
    SDL_Surface *surface = NULL;
    SDL_Renderer *renderer = NULL;
    struct lf_typesetter *ts = NULL;
    struct lf_measure_memo *widths = NULL;
    struct lf_painter *painter = NULL;
    struct lf_carousel *carousel = NULL;
    struct lf_scene *header = lf_scene_create(), *page = lf_scene_create(),
                    *footer = lf_scene_create();
    const struct lf_scene *const screen[] = {header, page, footer};
    bool ttf = false;

    bundle = lf_bundle_load(opt->content_dir, diags);
    lf_phrases_use(bundle);
    lf_diags_print(diags, stderr);
    if (!bundle) {
        fprintf(stderr, "litfass: %s: not a valid content bundle, nothing rendered\n",
                opt->content_dir);
        goto done;
    }
    if (!lf_make_dirs(opt->out_dir)) {
        fprintf(stderr, "litfass: %s: cannot create folder: %s\n", opt->out_dir,
                strerror(errno));
        goto done;
    }
    if (TTF_Init() != 0) {
        fprintf(stderr, "litfass: SDL_ttf: %s\n", TTF_GetError());
        goto done;
    }
    ttf = true;
    surface = SDL_CreateRGBSurfaceWithFormat(0, opt->width, opt->height, 32,
                                             SDL_PIXELFORMAT_ARGB8888);
    renderer = surface ? SDL_CreateSoftwareRenderer(surface) : NULL;
    if (!renderer) {
        fprintf(stderr, "litfass: offscreen renderer %dx%d: %s\n", opt->width, opt->height,
                SDL_GetError());
        goto done;
    }
    ts = lf_typesetter_create();
    if (!ts)
        goto done;
    painter = lf_painter_create(renderer, ts);
    widths = lf_measure_memo_create(lf_typesetter_measure(ts)); /* as the kiosk measures */

    const char *lang = opt->lang && opt->lang[0] ? opt->lang
                       : cfg->lang[0]             ? cfg->lang
                                                  : bundle->default_lang;
    struct lf_view view = {
        .bundle = bundle,
        .lang = lang,
        .now = opt->now,
        .theme = lf_theme_get((enum lf_theme_id)cfg->theme),
        .measure = lf_measure_memo_measure(widths),
        .width = opt->width,
        .height = opt->height,
        .text_scale = cfg->large_text ? LF_LARGE_TEXT_SCALE : 1.0,
        .organisation = cfg->organisation,
        .passive = !cfg->touch,
        .dpi = cfg->dpi,
        .speech = cfg->speech, /* the reading controls, as a kiosk with sound has them */
    };
    /* a time before what is known to be past (--now 1970-01-01T00:00, as
     * a Raspberry Pi before NTP): shown as the kiosk shows it, without
     * date and time or claims made from them */
    const char *what;
    char why[256];
    time_t floor = lf_clock_floor(bundle->has_created ? bundle->created : 0, 0, 0, &what);
    if (!lf_clock_plausible(opt->now, floor, what, why, sizeof(why))) {
        view.clock_unknown = true;
        view.now = floor; /* what ended before it is over: not listed as coming */
        fprintf(stderr, "litfass preview: %s\n", why);
    }
    carousel = lf_carousel_create();
    lf_carousel_set_max_events(carousel, (size_t)cfg->max_events);
    lf_carousel_build(carousel, &view, cfg->slide_seconds);
    /* round N, as the kiosk plays it after N - 1 rounds */
    for (int r = 1; r < opt->round; r++)
        if (lf_carousel_next_round(carousel))
            lf_carousel_build(carousel, &view, cfg->slide_seconds);
    size_t n = lf_carousel_count(carousel);
    lf_layout_header(header, &view);
    int part = 1;
    /* the read-aloud button as a kiosk with sound shows it */
    char voice[LF_SPEECH_VOICE_NAME];
    enum lf_read_button read = !cfg->speech                                ? LF_READ_NONE
                               : lf_voice_for(view.lang, voice, sizeof(voice)) ? LF_READ_READY
                                                                               : LF_READ_NO_VOICE;
    for (size_t i = 0; i < n; i++) {
        const struct lf_carousel_page *cp = lf_carousel_page(carousel, i);
        part = cp->page.from.block || cp->page.from.offset ? part + 1 : 1;
        struct lf_page_result r;
        lf_scene_clear(footer);
        lf_carousel_lay_out(carousel, i, &view, page, &r); /* as the build laid it out */
        lf_layout_footer(footer, &view,
                         &(struct lf_footer){.position = i, .count = n, .active_category = -1,
                                             .large_text = cfg->large_text,
                                             .high_contrast = cfg->theme == LF_THEME_HIGH_CONTRAST,
                                             .read = read});
        lf_painter_draw_screen(painter, screen, 3);
        char name[256], path[4096];
        page_file_name(cp, i, n, part, name, sizeof(name));
        snprintf(path, sizeof(path), "%s/%s", opt->out_dir, name);
        if (IMG_SavePNG(surface, path) != 0) {
            fprintf(stderr, "litfass: %s: %s\n", path, IMG_GetError());
            goto done;
        }
        printf("%s\n", path);
        lf_painter_sweep(painter);
    }
    /* how long the round plays, for whoever plans a bundle */
    long round_ms = 0;
    for (size_t i = 0; i < n; i++)
        round_ms += lf_carousel_page(carousel, i)->duration_ms;
    fprintf(stderr, "litfass preview: round %d: %zu pages, %ld min %ld s\n",
            opt->round > 1 ? opt->round : 1, n, round_ms / 60000, round_ms / 1000 % 60);
    /* when the strip cannot hold every language: its page of all of them */
    bool more = false;
    for (size_t t = 0; t < lf_scene_target_count(footer); t++)
        more |= lf_scene_target_at(footer, t)->action == LF_ACT_MORE_LANGUAGES;
    struct lf_page lp = {.kind = LF_PAGE_LANGUAGES};
    for (int part_no = 1; more && part_no <= LF_MAX_TRANSLATIONS; part_no++) {
        struct lf_page_result r = {0};
        lf_scene_clear(page);
        lf_scene_clear(footer);
        lf_layout_page(page, &view, &lp, &r);
        lf_layout_footer(footer, &view,
                         &(struct lf_footer){.active_category = -1, .show_back = true,
                                             .languages_open = true,
                                             .large_text = cfg->large_text,
                                             .high_contrast = cfg->theme == LF_THEME_HIGH_CONTRAST});
        lf_painter_draw_screen(painter, screen, 3);
        char path[4096];
        if (part_no == 1)
            snprintf(path, sizeof(path), "%s/%02zu-languages.png", opt->out_dir, n + 1);
        else
            snprintf(path, sizeof(path), "%s/%02zu-languages-%d.png", opt->out_dir, n + 1, part_no);
        if (IMG_SavePNG(surface, path) != 0) {
            fprintf(stderr, "litfass: %s: %s\n", path, IMG_GetError());
            goto done;
        }
        printf("%s\n", path);
        lf_painter_sweep(painter);
        if (!r.continues)
            break;
        lp.from = r.rest;
    }
    rc = 0;
done:
    lf_phrases_use(NULL);
    lf_carousel_destroy(carousel);
    lf_scene_destroy(header);
    lf_scene_destroy(page);
    lf_scene_destroy(footer);
    lf_painter_destroy(painter);
    lf_measure_memo_destroy(widths);
    lf_typesetter_destroy(ts);
    if (renderer)
        SDL_DestroyRenderer(renderer);
    SDL_FreeSurface(surface);
    if (ttf)
        TTF_Quit();
    lf_bundle_destroy(bundle);
    lf_diags_destroy(diags);
    return rc;
}
