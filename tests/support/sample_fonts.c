/* See sample_fonts.h. */
#include "support/sample_fonts.h"

#include <SDL_ttf.h>
#include <stdio.h>
#include <stdlib.h>

#include "content/bundle.h"
#include "core/civil_time.h"
#include "core/diag.h"
#include "layout/theme.h"
#include "render/typesetter.h"

static const char *source_dir(void)
{
    const char *d = getenv("LITFASS_SOURCE_DIR");
    return d ? d : LITFASS_SOURCE_DIR;
}

int sample_fonts_open(struct lf_typesetter **ts, struct lf_bundle **bundle)
{
    if (!lf_civil_time_init() || TTF_Init() != 0)
        return -1;
    char dir[4096];
    snprintf(dir, sizeof(dir), "%s/assets/content", source_dir());
    struct lf_diags *d = lf_diags_create();
    *bundle = lf_bundle_load(dir, d);
    lf_diags_print(d, stderr);
    lf_diags_destroy(d);
    *ts = lf_typesetter_create();
    return *bundle && *ts ? 0 : -1;
}

void sample_fonts_close(struct lf_typesetter *ts, struct lf_bundle *bundle)
{
    lf_typesetter_destroy(ts);
    lf_bundle_destroy(bundle);
    TTF_Quit();
}

int sample_fonts_setup(void **state)
{
    static struct sample_fonts f;
    *state = &f;
    return sample_fonts_open(&f.ts, &f.bundle);
}

int sample_fonts_teardown(void **state)
{
    struct sample_fonts *f = *state;
    sample_fonts_close(f->ts, f->bundle);
    return 0;
}

struct lf_view sample_view(const struct lf_bundle *bundle, struct lf_typesetter *ts,
                           const char *lang, int w, int h)
{
    return (struct lf_view){.bundle = bundle, .lang = lang,
                            .now = lf_local_make(2026, 11, 23, 10, 0),
                            .theme = lf_theme_get(LF_THEME_STANDARD),
                            .measure = lf_typesetter_measure(ts), .width = w, .height = h,
                            .text_scale = 1.0};
}
