/* The header (organisation, date, clock) and the footer (where we are,
 * previous/next, categories, languages, accessibility switches). */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "layout/frame.h"
#include "layout/phrases.h"

/* ---- header and footer --------------------------------------------------- */

/* Text that must stay within max_lines (the organisation in the header):
 * shrunk to the minimum size, then cut at a word with "…". buf holds the
 * text actually set. */
static void set_text_capped(const struct frame *f, enum lf_face face, const char *text, int w,
                            int h, int px, size_t max_lines, char *buf, size_t size,
                            struct lf_wrapped *wr)
{
    snprintf(buf, size, "%s", text);
    if (lf_fit(&f->m, face, buf, w, h, px, f->min_px, max_lines, wr))
        return;
    size_t len = strlen(buf);
    while (len > 0) {
        /* drop the last word and try with an ellipsis */
        while (len > 0 && buf[len - 1] != ' ')
            len--;
        while (len > 0 && buf[len - 1] == ' ')
            len--;
        snprintf(buf + len, size - len, "…");
        lf_wrap(&f->m, face, f->min_px, buf, w, max_lines, wr);
        if (wr->rest == 0)
            return;
    }
}

void lf_layout_header(struct lf_scene *s, const struct lf_view *v)
{
    struct frame f;
    lf_frame_init_chrome(&f, s, v);
    size_t first_op = lf_scene_count(s);
    int h = lf_frame_header_height(&f), m = lf_frame_scaled(&f, BASE_MARGIN), gap = lf_frame_scaled(&f, 28);
    lf_scene_rect(s, (struct lf_box){0, 0, v->width, h}, f.t->bar, 0);

    /* clock and date on the right: side by side, or stacked in portrait */
    char clock[16], date[128];
    lf_format_date(v->lang, v->now, LF_DATE_TIME, clock, sizeof(clock));
    lf_format_date(v->lang, v->now, LF_DATE_LONG, date, sizeof(date));
    if (v->clock_unknown) /* never a false date: none until the clock is set */
        clock[0] = date[0] = '\0';
    const struct lf_measure *ms = v->measure;
    int clock_px = lf_frame_text_px(&f, 56), date_px = lf_frame_text_px(&f, 32);
    int cw = lf_text_width(ms, LF_FACE_BOLD, clock_px, clock);
    int dw = lf_text_width(ms, LF_FACE_REGULAR, date_px, date);
    int clh = lf_frame_line_height(&f, LF_FACE_BOLD, clock_px);
    int dlh = lf_frame_line_height(&f, LF_FACE_REGULAR, date_px);
    int right = v->width - m, right_w;
    int chip_px = lf_frame_text_px(&f, BASE_LABEL * 0.9);
    /* a chip before the name: how old the content is when it is stale,
     * else "sample content" when the bundle says it is */
    char updated[160];
    const char *sample = v->bundle->sample ? lf_phrase(v->lang, LF_P_SAMPLE) : NULL;
    if (v->stale_since) {
        char day[96];
        /* content two years old under a clock run ahead (or simply old)
         * says its year: "Stand: 2. Dezember" read as this December */
        double age = difftime(v->now, v->stale_since);
        lf_format_date(v->lang, v->stale_since,
                       v->clock_unknown || age > LF_YEAR_FROM_DAYS * 86400.0
                           ? LF_DATE_DAY_MONTH_YEAR : LF_DATE_DAY_MONTH,
                       day, sizeof(day));
        snprintf(updated, sizeof(updated), lf_phrase(v->lang, LF_P_UPDATED), day);
        sample = updated;
    }
    struct lf_wrapped cw_wr;
    struct lf_box chip_box = {0, 0, 0, 0};
    if (sample)
        chip_box = lf_frame_chip_size(&f, sample, chip_px, v->width - 2 * m, &cw_wr);
    /* a landscape screen nearly square (1080x1080): the long date beside
     * the clock and the chip left the organisation's name no room ("…"
     * alone); the day and month then */
    if (f.landscape && date[0] &&
        v->width - 2 * m - cw - dw - 2 * gap - (sample ? chip_box.w + gap : 0) < v->width / 4) {
        lf_format_date(v->lang, v->now, LF_DATE_DAY_MONTH, date, sizeof(date));
        dw = lf_text_width(ms, LF_FACE_REGULAR, date_px, date);
    }
    if (f.landscape) {
        right_w = cw + gap + dw;
        lf_scene_text(s, (struct lf_box){right - cw, (h - clh) / 2, cw, clh}, clock,
                      strlen(clock), LF_FACE_BOLD, clock_px, f.t->bar_ink, false);
        lf_scene_text(s, (struct lf_box){right - right_w, (h - dlh) / 2, dw, dlh}, date,
                      strlen(date), LF_FACE_REGULAR, date_px, f.t->bar_ink, f.rtl);
    } else {
        right_w = cw > dw ? cw : dw;
        int y = (h - clh - dlh) / 2;
        lf_scene_text(s, (struct lf_box){right - cw, y, cw, clh}, clock, strlen(clock),
                      LF_FACE_BOLD, clock_px, f.t->bar_ink, false);
        lf_scene_text(s, (struct lf_box){right - dw, y + clh, dw, dlh}, date, strlen(date),
                      LF_FACE_REGULAR, date_px, f.t->bar_ink, f.rtl);
    }

    /* the organisation on the left, and "sample content" when the bundle says so */
    const char *org = v->organisation && v->organisation[0]
                          ? v->organisation
                          : lf_text_get(&v->bundle->organisation, v->lang, NULL);
    if (!org)
        org = "";
    int x = m, w = v->width - 2 * m - right_w - gap;
    if (sample)
        chip_box = lf_frame_chip_size(&f, sample, chip_px, w, &cw_wr);
    int org_h = h - lf_frame_scaled(&f, 12);
    if (sample && f.landscape) {
        lf_frame_chip(&f, sample, x, (h - chip_box.h) / 2, chip_px, f.t->accent[0], f.t->on_accent, w);
        x += chip_box.w + gap;
        w -= chip_box.w + gap;
    } else if (sample) {
        org_h -= chip_box.h + lf_frame_scaled(&f, 6);
    }
    char buf[512];
    struct lf_wrapped wr;
    set_text_capped(&f, LF_FACE_BOLD, org, w, org_h, lf_frame_text_px(&f, 40), 2, buf, sizeof(buf), &wr);
    int block = lf_wrapped_height(&wr) + (sample && !f.landscape ? chip_box.h + lf_frame_scaled(&f, 6) : 0);
    int y = (h - block) / 2;
    y += lf_frame_emit(&f, &wr, buf, x, y, LF_FACE_BOLD, f.t->bar_ink, f.rtl);
    if (sample && !f.landscape)
        lf_frame_chip(&f, sample, x, y + lf_frame_scaled(&f, 6), chip_px, f.t->accent[0], f.t->on_accent, w);
    if (f.rtl)
        lf_scene_mirror(s, first_op, lf_scene_target_count(s), 0, v->width);
}

/* A button: a bordered box with a label, and its touch target. */
static void button(struct frame *f, struct lf_box b, const char *label, int px, bool active,
                   struct lf_rgba accent, enum lf_action action, int arg)
{
    int border = lf_frame_scaled(f, 3);
    lf_scene_rect(f->s, b, f->t->bar_ink, lf_frame_scaled(f, 14));
    lf_scene_rect(f->s, (struct lf_box){b.x + border, b.y + border, b.w - 2 * border,
                                        b.h - 2 * border},
                  active ? accent : f->t->bar, lf_frame_scaled(f, 12));
    struct lf_wrapped wr;
    lf_frame_set_text(f, LF_FACE_BOLD, label, b.w - lf_frame_scaled(f, 24), b.h - lf_frame_scaled(f, 12), px, 2, &wr);
    int ty = b.y + (b.h - lf_wrapped_height(&wr)) / 2;
    for (size_t l = 0; l < wr.n; l++) {
        const struct lf_line *ln = &wr.lines[l];
        lf_frame_line_op(f, (struct lf_box){b.x + (b.w - ln->width) / 2,
                                            ty + (int)l * wr.line_height, ln->width,
                                            wr.line_height},
                         label, ln, LF_FACE_BOLD, wr.px,
                         active ? f->t->on_accent : f->t->bar_ink, f->rtl);
    }
    lf_scene_target(f->s, b, action, arg);
}

void lf_frame_button(struct frame *f, struct lf_box b, const char *label, int px, bool active,
                     struct lf_rgba accent, enum lf_action action, int arg)
{
    button(f, b, label, px, active, accent, action, arg);
}

/* The ‹ › buttons; in a right-to-left screen "next" points left. */
static void arrow(struct frame *f, struct lf_box b, bool next)
{
    const char *glyph = next != f->rtl ? "›" : "‹";
    int px = lf_frame_text_px(f, 64);
    lf_scene_rect(f->s, b, f->t->button, lf_frame_scaled(f, 14));
    int aw = lf_text_width(&f->m, LF_FACE_BOLD, px, glyph);
    int lh = lf_frame_line_height(f, LF_FACE_BOLD, px);
    /* the guillemet sits at x-height: lift it to the optical middle */
    lf_scene_text(f->s, (struct lf_box){b.x + (b.w - aw) / 2, b.y + (b.h - lh) / 2 - lh / 10, aw, lh},
                  glyph, strlen(glyph), LF_FACE_BOLD, px, f->t->button_ink, false);
    lf_scene_target(f->s, b, next ? LF_ACT_NEXT : LF_ACT_PREV, 0);
}

/* The strip's language buttons: which languages, and where. */
struct strip_place {
    const struct frame *f;
    int top, bh, gap, m;
    int tools_w; /* the reading controls and toggles: one group, after the languages */
    int rows;
    int tools_y; /* set by strip_fit: the row the group is on */
};

/* Places buttons of the given widths row after row; the boxes go to out
 * (may be NULL). False when they do not all fit in the strip's rows. */
static bool strip_fit(struct strip_place *sp, const int *widths, size_t n, struct lf_box *out)
{
    int x = sp->m, y = sp->top + sp->gap, row = 0, x_end = sp->f->v->width - sp->m;
    for (size_t i = 0; i < n; i++) {
        if (x + widths[i] > x_end) {
            if (++row >= sp->rows)
                return false;
            x = sp->m;
            y += sp->bh + sp->gap;
            if (x + widths[i] > x_end)
                return false;
        }
        if (out)
            out[i] = (struct lf_box){x, y, widths[i], sp->bh};
        x += widths[i] + sp->gap;
    }
    /* the controls at the end of the last row, or of a row of their own */
    if (x + sp->tools_w > x_end && x > sp->m) {
        if (++row >= sp->rows)
            return false;
        y += sp->bh + sp->gap;
    }
    sp->tools_y = y;
    return true;
}

/* "🔊 Vorlesen" (while reading "■ Stopp"), and "🐢" for slower speech
 * (a toggle like A+ and ◐); where the language has no voice the button says so instead.
 * Their widths are the frame's (lf_frame_read_button_width), which
 * leaves room for them when it counts the strip's rows. */
static int read_aloud_buttons(struct frame *f, int y, int bh, int x_end, const struct lf_footer *ft)
{
    const char *lang = f->v->lang;
    int px = lf_frame_text_px(f, 30), gap = lf_frame_scaled(f, 12);
    if (ft->read == LF_READ_NONE || !f->v->speech)
        return x_end;
    int sw = lf_frame_slower_button_width(f), rw = lf_frame_read_button_width(f);
    if (ft->read != LF_READ_NO_VOICE)
        button(f, (struct lf_box){x_end - sw, y, sw, bh}, "🐢", lf_frame_text_px(f, 36),
               ft->slow_speech, f->t->accent[0], LF_ACT_SLOWER, 0);
    x_end -= sw + gap;
    char label[160];
    bool reading = ft->read == LF_READ_READING;
    snprintf(label, sizeof(label), "%s %s",
             ft->read == LF_READ_NO_VOICE ? "🔇" : reading ? "■" : "🔊",
             lf_phrase(lang, ft->read == LF_READ_NO_VOICE ? LF_P_NO_VOICE
                             : reading                    ? LF_P_STOP_READING
                                                          : LF_P_READ_ALOUD));
    /* without a voice there is no "slower": its words take that room too;
     * where they do not fit at the text floor, the pictogram says it */
    struct lf_box box = {x_end - rw, y, rw, bh};
    if (ft->read == LF_READ_NO_VOICE) {
        box.w += sw + gap;
        struct lf_wrapped wr;
        if (!lf_fit(&f->m, LF_FACE_BOLD, label, box.w - lf_frame_scaled(f, 24),
                    box.h - lf_frame_scaled(f, 12), px, f->min_px, 2, &wr) ||
            wr.split_word)
            snprintf(label, sizeof(label), "🔇");
    }
    button(f, box, label, px, reading, f->t->accent[0], LF_ACT_READ_ALOUD, 0);
    return x_end - rw - gap;
}

/* The reading controls (unless they are on the row of ‹ ›), then the
 * toggles for large text and high contrast, ending at x_end; returns
 * where they begin. */
static int tools(struct frame *f, int y, int h, int x_end, bool reading, const struct lf_footer *ft)
{
    int tw = lf_frame_toggle_width(f), gap = lf_frame_scaled(f, 12);
    static const char *const toggle_labels[2] = {"A+", "◐"};
    static const enum lf_action toggle_actions[2] = {LF_ACT_LARGE_TEXT, LF_ACT_CONTRAST};
    bool toggle_on[2] = {ft->large_text, ft->high_contrast};
    for (int i = 1; i >= 0; i--) {
        x_end -= tw;
        button(f, (struct lf_box){x_end, y, tw, h}, toggle_labels[i], lf_frame_text_px(f, 36),
               toggle_on[i], f->t->accent[0], toggle_actions[i], 0);
        x_end -= gap;
    }
    return reading ? read_aloud_buttons(f, y, h, x_end, ft) + gap : x_end + gap;
}

/* The languages of the bundle, each named in itself, and the toggles
 * for large text and high contrast: finger-sized buttons in one row (two
 * in portrait when needed: the toggles then sit at the end of the first).
 * When not all languages fit, the strip shows those that do (always the
 * one on screen) and a button to the page of every language. */
static void language_strip(struct frame *f, int top, const struct lf_footer *ft)
{
    const struct lf_view *v = f->v;
    const struct lf_bundle *b = v->bundle;
    int m = lf_frame_scaled(f, BASE_MARGIN), gap = lf_frame_scaled(f, 12);
    int bh = lf_frame_strip_button_height(f), px = lf_frame_text_px(f, 30);
    lf_scene_rect(f->s, (struct lf_box){0, top, v->width, lf_frame_strip_height(f)}, f->t->bar, 0);
    int y = top + gap;
    int x_end = v->width - m;
    struct strip_place sp = {f, top, bh, gap, m,
                             lf_frame_strip_group_width(f),
                             lf_frame_strip_rows(f), y};
    size_t n = b->n_languages, shown[LF_MAX_TRANSLATIONS];
    int lw[LF_MAX_TRANSLATIONS], widths[LF_MAX_TRANSLATIONS + 1] = {0}; /* gcc for arm64 warns otherwise */
    struct lf_box boxes[LF_MAX_TRANSLATIONS + 1];
    size_t active = n;
    for (size_t i = 0; i < n; i++) {
        shown[i] = i;
        lw[i] = lf_frame_language_button_width(f, b->languages[i], px, bh);
        widths[i] = lw[i];
        if (strcmp(b->languages[i], v->lang) == 0)
            active = i;
    }
    char more[160];
    int more_w = lf_frame_more_button_width(f, more, sizeof(more));
    size_t k = n;
    bool with_more = !strip_fit(&sp, widths, n, NULL);
    if (with_more) {
        /* as many as fit in order, with room for the button at the end */
        for (k = 0; k < n; k++) {
            widths[k] = lw[k];
            widths[k + 1] = more_w;
            if (!strip_fit(&sp, widths, k + 2, NULL))
                break;
        }
        /* the language on screen is always among them: it takes the place
         * of the last ones when it came later */
        if (active < n && active >= k) {
            for (; k > 0; k--) {
                widths[k - 1] = lw[active];
                widths[k] = more_w;
                if (strip_fit(&sp, widths, k + 1, NULL))
                    break;
                widths[k - 1] = lw[shown[k - 1]];
            }
            if (k > 0)
                shown[k - 1] = active;
        }
        for (size_t i = 0; i < k; i++)
            widths[i] = lw[shown[i]];
        widths[k] = more_w;
        if (!strip_fit(&sp, widths, k + 1, boxes)) {
            /* not even one language fits beside the button: the button alone */
            k = 0;
            int room = x_end - m - sp.tools_w - gap;
            widths[0] = more_w < room ? more_w : room;
            if (widths[0] < lf_layout_min_touch_px(v))
                widths[0] = lf_layout_min_touch_px(v);
            boxes[0] = (struct lf_box){m, y, widths[0], bh};
            sp.tools_y = y;
        }
    } else {
        (void)strip_fit(&sp, widths, n, boxes);
    }
    /* the reading controls and the toggles: one group at the end of the
     * row after the languages (in portrait, where there is room, they
     * are on the row of ‹ › instead) */
    if (!lf_frame_tools_in_nav(f))
        tools(f, sp.tools_y, bh, v->width - m, !lf_frame_reading_in_nav(f), ft);
    for (size_t i = 0; i < k; i++) {
        const char *lang = b->languages[shown[i]];
        lf_scene_lang(f->s, lang); /* "中文" in zh-Hant's own glyph forms */
        button(f, boxes[i], lf_lang_endonym(lang), px, strcmp(lang, v->lang) == 0,
               f->t->accent[2], LF_ACT_LANGUAGE, (int)shown[i]);
    }
    lf_scene_lang(f->s, v->lang);
    if (with_more)
        button(f, boxes[k], more, px, ft->languages_open, f->t->accent[2],
               LF_ACT_MORE_LANGUAGES, 0);
}

/* The widths the landscape row's slots need at px: a button its label on
 * one line with air either side (at least the button's own padding); the position ("3 / 17") just its text.
 * Returns their sum. */
static int nav_widths(const struct frame *f, const char *const *labels, bool show_back, int px,
                      int air, int *widths)
{
    int sum = 0;
    for (int i = 0; i <= LF_CAT_COUNT; i++) {
        bool button_slot = i < LF_CAT_COUNT || show_back;
        widths[i] = labels[i][0] ? lf_text_width(f->v->measure, LF_FACE_BOLD, px, labels[i]) : 0;
        widths[i] += button_slot ? air : 0;
        sum += widths[i];
    }
    return sum;
}

void lf_layout_footer(struct lf_scene *s, const struct lf_view *v, const struct lf_footer *ft)
{
    struct frame f;
    lf_frame_init_chrome(&f, s, v);
    size_t first_op = lf_scene_count(s), first_target = lf_scene_target_count(s);
    int h = lf_frame_footer_height(&f), top = v->height - h, m = lf_frame_scaled(&f, BASE_MARGIN);
    int bgap = lf_frame_scaled(&f, 16);
    /* portrait: two rows of LF_PORTRAIT_NAV_ROW (landscape's one row is 76) */
    int vpad = lf_frame_scaled(&f, f.landscape ? 20 : LF_PORTRAIT_NAV_PAD);
    lf_scene_rect(s, (struct lf_box){0, top, v->width, h}, f.t->bar, 0);
    if (v->passive) {
        if (ft->count > 0)
            lf_scene_rect(s, (struct lf_box){0, top, v->width * (int)(ft->position + 1) /
                                                         (int)ft->count, h / 2},
                          f.t->bar_ink, 0);
        if (f.rtl) /* the bar fills from the right, as the text reads */
            lf_scene_mirror(s, first_op, first_target, 0, v->width);
        return;
    }
    language_strip(&f, top, ft);
    top += lf_frame_strip_height(&f);
    h -= lf_frame_strip_height(&f);

    /* where we are: segments along the top edge, and "3 / 17", which a
     * right-to-left screen reads from the right as it fills the bar and
     * points "next" to the left: the page's number at the right, "17 / 3"
     * to the eye (the bidi algorithm's order in a right-to-left line) */
    char pos[32] = "";
    int px = lf_frame_text_px(&f, 34);
    if (ft->count > 0) {
        snprintf(pos, sizeof(pos), "%zu / %zu", ft->position + 1, ft->count);
        int seg_w = v->width / (int)ft->count;
        lf_scene_rect(s, (struct lf_box){0, v->height - lf_frame_footer_height(&f),
                                         seg_w * (int)(ft->position + 1), lf_frame_scaled(&f, 8)},
                      f.t->bar_ink, 0);
    }
    int pw = pos[0] ? lf_text_width(v->measure, LF_FACE_BOLD, px, pos) : 0;
    int plh = lf_frame_line_height(&f, LF_FACE_BOLD, px);

    static const enum lf_phrase cats[LF_CAT_COUNT] = {LF_P_EVENTS, LF_P_OFFERS, LF_P_CONTACTS};
    /* the same slots in every mode: the last holds "back" while browsing
     * and the position in the carousel, so no button moves under the
     * finger when a list opens */
    int n_btn = LF_CAT_COUNT + 1;
    int row_h, arrow_w;
    int x = m, y = top + vpad;
    if (f.landscape) {
        /* one row: ‹ › | categories | back or position. Each slot is as
         * wide as its label on one line (never hyphenated, never cut):
         * where the labels do not fit, the arrows go square, then the text
         * steps down towards the floor (a square screen in German); at the
         * floor the buttons keep only their padding and the arrows narrow
         * to the smallest touch target */
        row_h = h - 2 * vpad;
        const char *labels[LF_CAT_COUNT + 1];
        for (int i = 0; i < LF_CAT_COUNT; i++)
            labels[i] = lf_phrase(v->lang, cats[i]);
        labels[LF_CAT_COUNT] = ft->show_back ? lf_phrase(v->lang, LF_P_BACK) : pos;
        int widths[LF_CAT_COUNT + 1], npx = px, avail = 0, sum = 0;
        int air = 2 * lf_frame_scaled(&f, 24);
        int touch = lf_layout_min_touch_px(v), lead = bgap;
        arrow_w = row_h * 13 / 10;
        for (;;) {
            avail = v->width - 2 * m - 2 * (arrow_w + bgap) - lead - (n_btn - 1) * bgap;
            sum = nav_widths(&f, labels, ft->show_back, npx, air, widths);
            if (sum <= avail)
                break;
            if (arrow_w > row_h) {
                arrow_w = row_h;
                continue;
            }
            if (npx > f.min_px) {
                npx--;
                arrow_w = row_h * 13 / 10;
                continue;
            }
            if (air > lf_frame_scaled(&f, 24) + 2) {
                air = lf_frame_scaled(&f, 24) + 2;
                arrow_w = touch > row_h ? row_h : touch;
                lead = 0;
                continue;
            }
            break; /* wider than the row even so: each keeps its width */
        }
        /* the room left over: equal slots where that holds every label
         * (the usual wide screen), else shared out evenly */
        int equal = avail / n_btn, widest = 0;
        for (int i = 0; i < n_btn; i++)
            widest = widths[i] > widest ? widths[i] : widest;
        for (int i = 0; i < n_btn; i++)
            widths[i] = widest <= equal ? equal
                        : sum < avail ? widths[i] + (avail - sum) / n_btn
                                      : widths[i];
        pw = pos[0] ? lf_text_width(v->measure, LF_FACE_BOLD, npx, pos) : 0;
        plh = lf_frame_line_height(&f, LF_FACE_BOLD, npx);
        arrow(&f, (struct lf_box){x, y, arrow_w, row_h}, false);
        arrow(&f, (struct lf_box){x + arrow_w + bgap, y, arrow_w, row_h}, true);
        x += 2 * (arrow_w + bgap) + lead;
        for (int i = 0; i < n_btn; i++) {
            bool back = i == LF_CAT_COUNT;
            int bw = widths[i];
            if (back && !ft->show_back) {
                if (pw)
                    lf_scene_text(s, (struct lf_box){x + (bw - pw) / 2, top + (h - plh) / 2, pw,
                                                     plh},
                                  pos, strlen(pos), LF_FACE_BOLD, npx, f.t->bar_ink, f.rtl);
                break;
            }
            button(&f, (struct lf_box){x, y, bw, row_h}, labels[i], npx,
                   !back && ft->active_category == i, back ? f.t->bar : f.t->accent[i],
                   back ? LF_ACT_HOME : LF_ACT_CATEGORY, back ? 0 : i);
            x += bw + bgap;
        }
    } else {
        /* two rows: the categories; then ‹ position (or back) › */
        row_h = (h - 3 * vpad) / 2;
        int bw = (v->width - 2 * m - (LF_CAT_COUNT - 1) * bgap) / LF_CAT_COUNT;
        for (int i = 0; i < LF_CAT_COUNT; i++) {
            button(&f, (struct lf_box){x, y, bw, row_h}, lf_phrase(v->lang, cats[i]), px,
                   ft->active_category == i, f.t->accent[i], LF_ACT_CATEGORY, i);
            x += bw + bgap;
        }
        y += row_h + vpad;
        bool with_tools = lf_frame_tools_in_nav(&f), with_reading = lf_frame_reading_in_nav(&f);
        arrow_w = with_reading ? row_h : bw;
        arrow(&f, (struct lf_box){m, y, arrow_w, row_h}, false);
        arrow(&f, (struct lf_box){v->width - m - arrow_w, y, arrow_w, row_h}, true);
        int mid_x = m + arrow_w + bgap, mid_w = v->width - 2 * (m + arrow_w + bgap);
        if (with_tools) {
            /* ‹ position (or back) | reading controls, A+, ◐ › */
            int tools_x = v->width - m - arrow_w - bgap - lf_frame_strip_tools_width(&f);
            tools(&f, y, row_h, v->width - m - arrow_w - bgap, true, ft);
            mid_w = tools_x - bgap - mid_x;
        } else if (with_reading) {
            /* ‹ position (or back) | reading controls › (a narrow screen) */
            int gap = lf_frame_scaled(&f, 12);
            mid_w = read_aloud_buttons(&f, y, row_h, v->width - m - arrow_w - bgap, ft) + gap -
                    bgap - mid_x;
        }
        if (ft->show_back)
            button(&f, (struct lf_box){mid_x, y, mid_w, row_h}, lf_phrase(v->lang, LF_P_BACK),
                   px, false, f.t->bar, LF_ACT_HOME, 0);
        else if (pw)
            lf_scene_text(s, (struct lf_box){mid_x + (mid_w - pw) / 2, y + (row_h - plh) / 2, pw,
                                             plh},
                          pos, strlen(pos), LF_FACE_BOLD, px, f.t->bar_ink, f.rtl);
    }
    if (f.rtl)
        lf_scene_mirror(s, first_op, first_target, 0, v->width);
}
