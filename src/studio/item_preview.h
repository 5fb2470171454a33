/* One item drawn as a kiosk draws it, to PNG bytes, for the studio's
 * live preview: the real layout (layout/slide_layout.h) and renderer
 * (render/painter.h) on an offscreen software surface, no display.
 *
 * Owner: create/destroy. The typesetter (fonts) is made once and kept,
 * so a preview costs the layout and the drawing only. Not thread-safe:
 * one render at a time (the studio serves one request at a time). */
#ifndef LF_STUDIO_ITEM_PREVIEW_H
#define LF_STUDIO_ITEM_PREVIEW_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "content/bundle.h"
#include "core/log.h"

/* Largest preview drawn: a 4K screen. */
#define LF_STUDIO_MAX_PREVIEW_PIXELS (3840 * 2160)
/* Pages counted for one item (the carousel continues a slide at most
 * LF_MAX_CONTINUATIONS times; more is reported as "more"). */
#define LF_STUDIO_MAX_PREVIEW_PAGES 8

struct lf_item_preview;

struct lf_item_preview *lf_item_preview_create(void) LF_MUST_CHECK;
void lf_item_preview_destroy(struct lf_item_preview *p);

struct lf_preview_request {
    const struct lf_bundle *bundle;
    const char *item_id;
    int width, height;
    const char *lang;      /* NULL: the bundle's default */
    int page;              /* 1-based page of the item's slide */
    time_t now;            /* 0: now, moved to where the item is shown */
};

/* Renders page `page` of the item's slide. *png (caller frees) and
 * *png_len receive the image, *pages the number of pages the slide
 * takes on this screen. False with err for an unknown item, a page past
 * the last, or a size out of range. */
bool lf_item_preview_render(struct lf_item_preview *p, const struct lf_preview_request *rq,
                            unsigned char **png, size_t *png_len, int *pages, char *err,
                            size_t err_size) LF_MUST_CHECK;

#endif
