/* The page of every language: each language of the bundle named in
 * itself on a button big enough to tap, in the bundle's order, the one on
 * screen highlighted. The strip shows what fits; this page shows all (on
 * further pages when a small screen cannot hold them at a finger's size). */
#include <stdio.h>
#include <string.h>

#include "layout/frame.h"
#include "layout/phrases.h"

#define LANGUAGE_PAGE_MAX_COLUMNS 6

void lf_frame_language_page(struct frame *f, struct lf_box area, struct lf_flow_pos from,
                            struct lf_page_result *r)
{
    const struct lf_view *v = f->v;
    const struct lf_bundle *b = v->bundle;
    size_t first = from.block < b->n_languages ? from.block : 0;
    char title[256];
    snprintf(title, sizeof(title), "🌐 %s", lf_phrase(v->lang, LF_P_CHOOSE_LANGUAGE));
    int th = lf_frame_one_line(f, title, area.x, area.y, area.w, LF_FACE_BOLD,
                               lf_frame_text_px(f, BASE_TITLE_MIN), f->t->ink, f->rtl);
    int gap = lf_frame_scaled(f, 18), pad = lf_frame_scaled(f, 24);
    int top = area.y + th + lf_frame_scaled(f, BASE_GAP);
    int room_h = area.y + area.h - top;
    int bh_min = lf_layout_min_touch_px(v);
    int bh_pref = lf_frame_strip_button_height(f) * 5 / 4;
    if (bh_pref < bh_min)
        bh_pref = bh_min;
    int px = lf_frame_text_px(f, 34);
    int widest = 0;
    for (size_t i = first; i < b->n_languages; i++) {
        int w = lf_text_width(v->measure, LF_FACE_BOLD, px, lf_lang_endonym(b->languages[i]));
        if (w > widest)
            widest = w;
    }
    /* the fewest columns that hold them all at a finger's height with
     * every name at full size; else names set smaller (down to the text
     * floor) in more columns; else as many columns as names fit and
     * further pages */
    size_t n = b->n_languages - first;
    int widest_min = widest * f->min_px / (px > 0 ? px : 1);
    int cols = 0, fallback = 1;
    for (int pass = 0; pass < 2 && !cols; pass++) {
        int need = (pass == 0 ? widest : widest_min) + 2 * pad;
        for (int c = 1; c <= LANGUAGE_PAGE_MAX_COLUMNS; c++) {
            int bw = (area.w - (c - 1) * gap) / c;
            int rows = (int)((n + (size_t)c - 1) / (size_t)c);
            if (need > bw)
                break;
            if (pass == 1)
                fallback = c;
            if (rows * (bh_min + gap) - gap <= room_h) {
                cols = c;
                break;
            }
        }
    }
    if (!cols)
        cols = fallback;
    int bw = (area.w - (cols - 1) * gap) / cols;
    int rows = (int)((n + (size_t)cols - 1) / (size_t)cols);
    int bh = rows > 0 ? (room_h - (rows - 1) * gap) / rows : bh_pref;
    if (bh > bh_pref)
        bh = bh_pref;
    if (bh < bh_min)
        bh = bh_min;
    rows = (room_h + gap) / (bh + gap);
    if (rows < 1)
        rows = 1;
    size_t per_page = (size_t)rows * (size_t)cols;
    for (size_t i = 0; i < n && i < per_page; i++) {
        size_t li = first + i;
        int c = (int)(i % (size_t)cols), row = (int)(i / (size_t)cols);
        struct lf_box box = {area.x + c * (bw + gap), top + row * (bh + gap), bw, bh};
        lf_scene_lang(f->s, b->languages[li]);
        lf_frame_button(f, box, lf_lang_endonym(b->languages[li]), px,
                        strcmp(b->languages[li], v->lang) == 0, f->t->accent[2],
                        LF_ACT_LANGUAGE, (int)li);
    }
    lf_scene_lang(f->s, v->lang);
    if (n > per_page) {
        r->continues = true;
        r->rest = (struct lf_flow_pos){first + per_page, 0};
    }
}
