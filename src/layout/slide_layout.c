#include "layout/slide_layout.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "core/civil_time.h"
#include "layout/phrases.h"

/* Sizes are given for a 1080-pixel shorter side and scaled from there. */
enum {
    BASE_TITLE = 68,
    BASE_TITLE_MIN = 44,
    BASE_BODY = 38,
    BASE_LABEL = 30,
    BASE_META = 38,
    BASE_MARGIN = 56,
    BASE_GAP = 22,
};

/* Everything one layout call needs, computed once. */
struct frame {
    struct lf_scene *s;
    const struct lf_view *v;
    const struct lf_theme *t;
    double u;        /* pixels per base unit (shorter side / 1080) */
    double ts;       /* text scale */
    bool landscape;
    bool rtl;
    int min_px;
    size_t chars;
};

static int scaled(const struct frame *f, double base)
{
    return (int)lround(base * f->u);
}

static int text_px(const struct frame *f, double base)
{
    int px = (int)lround(base * f->u * f->ts);
    return px < f->min_px ? f->min_px : px;
}

int lf_layout_min_text_px(const struct lf_view *v)
{
    int side = v->width < v->height ? v->width : v->height;
    return (int)ceil(side * LF_MIN_TEXT_FRACTION);
}

static void frame_init(struct frame *f, struct lf_scene *s, const struct lf_view *v)
{
    int side = v->width < v->height ? v->width : v->height;
    *f = (struct frame){
        .s = s,
        .v = v,
        .t = v->theme,
        .u = side / 1080.0,
        .ts = v->text_scale > 0 ? v->text_scale : 1.0,
        .landscape = v->width >= v->height,
        .rtl = lf_lang_is_rtl(v->lang),
        .min_px = lf_layout_min_text_px(v),
    };
}

static int header_height(const struct frame *f)
{
    return f->landscape ? scaled(f, 112) : scaled(f, 132);
}

static int footer_height(const struct frame *f)
{
    return f->landscape ? scaled(f, 124) : scaled(f, 150);
}

struct lf_box lf_layout_content_box(const struct lf_view *v)
{
    struct frame f;
    frame_init(&f, NULL, v);
    int m = scaled(&f, BASE_MARGIN);
    int top = header_height(&f) + m;
    int bottom = v->height - footer_height(&f) - m;
    return (struct lf_box){m, top, v->width - 2 * m, bottom - top};
}

/* ---- text placement ---------------------------------------------------- */

/* Which text to show for a field, marking German stand-ins. */
static const char *pick(const struct frame *f, const struct lf_text *t, bool *fallback)
{
    bool fb = false;
    const char *s = lf_text_get(t, f->v->lang, &fb);
    if (fallback)
        *fallback = fb;
    return s;
}

static bool text_rtl(const struct frame *f, bool fallback)
{
    return f->rtl && !fallback;
}

/* Emits wrapped lines at (x, y), left-aligned in a column of width w
 * (mirrored later for right-to-left screens). Returns the height. */
static int emit(struct frame *f, const struct lf_wrapped *wr, const char *text, int x, int y,
                enum lf_face face, struct lf_rgba color, bool rtl)
{
    for (size_t i = 0; i < wr->n; i++) {
        const struct lf_line *l = &wr->lines[i];
        struct lf_box b = {x, y + (int)i * wr->line_height, l->width, wr->line_height};
        if (rtl != f->rtl) /* a German line on a right-to-left screen, or the reverse */
            b.x = x; /* keep it at the column start; the mirror moves it */
        lf_scene_text(f->s, b, text + l->start, l->len, face, wr->px, color, rtl);
        f->chars += l->len;
    }
    return lf_wrapped_height(wr);
}

/* One line of text, shrunk to fit w. Returns its height. */
static int one_line(struct frame *f, const char *text, int x, int y, int w, enum lf_face face,
                    int px, struct lf_rgba color, bool rtl)
{
    struct lf_wrapped wr;
    int lh = f->v->measure->line_height(f->v->measure->ctx, face, px);
    lf_fit(f->v->measure, face, text, w, lh, px, f->min_px, 1, &wr);
    if (wr.rest) /* not even the smallest size fits one line: wrap instead */
        lf_fit(f->v->measure, face, text, w, 3 * lh, px, f->min_px, 3, &wr);
    return emit(f, &wr, text, x, y, face, color, rtl);
}

/* A filled chip with one line of text in it; returns its width. */
static int chip(struct frame *f, const char *text, int x, int y, int px, struct lf_rgba fill,
                struct lf_rgba ink, int max_w)
{
    const struct lf_measure *m = f->v->measure;
    int pad = scaled(f, 18);
    int w = lf_text_width(m, LF_FACE_BOLD, px, text);
    if (w > max_w - 2 * pad)
        w = max_w - 2 * pad;
    int lh = m->line_height(m->ctx, LF_FACE_BOLD, px);
    lf_scene_rect(f->s, (struct lf_box){x, y, w + 2 * pad, lh + scaled(f, 10)}, fill,
                  scaled(f, 10));
    struct lf_wrapped wr;
    lf_fit(m, LF_FACE_BOLD, text, w, lh, px, f->min_px, 1, &wr);
    emit(f, &wr, text, x + pad, y + scaled(f, 5), LF_FACE_BOLD, ink, f->rtl);
    return w + 2 * pad;
}

static int chip_height(const struct frame *f, int px)
{
    return f->v->measure->line_height(f->v->measure->ctx, LF_FACE_BOLD, px) + scaled(f, 10);
}

/* ---- blocks: a label over a text, stacked in a column ------------------- */

struct block {
    const char *label;      /* small accent label above, may be NULL */
    const char *text;
    bool fallback;          /* German stand-in for a missing translation */
    enum lf_face face;
    double base_px;
    double min_base_px;
    size_t max_lines;
    struct lf_rgba color;
    bool body;              /* takes the room that is left, may continue */
};

struct column {
    struct block b[12];
    size_t n;
};

static void add_block(struct column *c, struct block b)
{
    if (b.text && b.text[0] && c->n < sizeof(c->b) / sizeof(c->b[0]))
        c->b[c->n++] = b;
}

static void add_text(struct column *c, const struct frame *f, const char *label,
                     const struct lf_text *t, enum lf_face face, double base, size_t lines,
                     struct lf_rgba color, bool body)
{
    bool fb = false;
    const char *s = pick(f, t, &fb);
    add_block(c, (struct block){label, s, fb, face, base, base * 0.7, lines, color, body});
}

/* A small accent-coloured label over a value ("WANN", "SPRECHZEITEN"). */
static void emit_label(struct frame *f, const char *label, int x, int y, int w, int px,
                       struct lf_rgba color)
{
    one_line(f, label, x, y, w, LF_FACE_BOLD, px, color, f->rtl);
}

/* Height of the label line of a block, with the gap below it. */
static int label_height(const struct frame *f, int px)
{
    return f->v->measure->line_height(f->v->measure->ctx, LF_FACE_BOLD, px);
}

/* Lays out the column in box. Non-body blocks first get their size at
 * `scale`; the body gets what is left. With emit false nothing is added
 * to the scene. Returns the height used, or -1 when the fixed blocks
 * do not fit at this scale. body_from/body_rest handle continuation. */
static int column_pass(struct frame *f, const struct column *c, struct lf_box box,
                       double scale, bool do_emit, size_t body_from, size_t *body_rest)
{
    const struct lf_measure *m = f->v->measure;
    int gap = scaled(f, BASE_GAP);
    int label_px = text_px(f, BASE_LABEL * (scale < 1 ? fmax(scale, 0.85) : 1));
    int y = box.y, bottom = box.y + box.h;
    int fixed = 0;
    for (size_t i = 0; i < c->n; i++) {
        const struct block *b = &c->b[i];
        if (b->body)
            continue;
        int px = text_px(f, b->base_px * scale);
        struct lf_wrapped wr;
        lf_wrap(m, b->face, px, b->text, box.w, b->max_lines, &wr);
        if (wr.rest)
            return -1;
        fixed += lf_wrapped_height(&wr) + gap + (b->label ? label_height(f, label_px) : 0);
    }
    if (fixed > box.h)
        return -1;
    int body_room = box.h - fixed;
    for (size_t i = 0; i < c->n; i++) {
        const struct block *b = &c->b[i];
        const char *text = b->text;
        int lh_label = b->label ? label_height(f, label_px) : 0;
        struct lf_wrapped wr;
        int px = text_px(f, b->base_px * scale);
        if (b->body) {
            text += body_from < strlen(text) ? body_from : 0;
            int room = body_room - lh_label - gap;
            int min_px = text_px(f, b->min_base_px);
            if (room < m->line_height(m->ctx, b->face, min_px)) {
                /* no room at all here: the whole body goes to the next page */
                if (body_rest)
                    *body_rest = (size_t)(text - b->text);
                continue;
            }
            lf_fit(m, b->face, text, box.w, room, px, min_px, LF_MAX_WRAP_LINES, &wr);
            if (wr.rest && body_rest)
                *body_rest = (size_t)(text - b->text) + wr.rest;
        } else {
            lf_wrap(m, b->face, px, text, box.w, b->max_lines, &wr);
        }
        if (do_emit) {
            if (b->label)
                emit_label(f, b->label, box.x, y, box.w, label_px, b->color);
            emit(f, &wr, text, box.x, y + lh_label, b->face, b->label ? f->t->ink : b->color,
                 text_rtl(f, b->fallback));
        }
        y += lh_label + lf_wrapped_height(&wr) + gap;
        if (y > bottom + gap)
            return -1;
    }
    return y - box.y;
}

/* Lays out a column, shrinking everything until the fixed blocks fit;
 * the body continues on the next page when it must. Returns the height. */
static int column(struct frame *f, const struct column *c, struct lf_box box, size_t body_from,
                  size_t *body_rest)
{
    double scale = 1.0;
    for (int i = 0; i < 8; i++, scale *= 0.9) {
        if (column_pass(f, c, box, scale, false, body_from, NULL) >= 0)
            break;
    }
    size_t rest = 0;
    int h = column_pass(f, c, box, scale, true, body_from, &rest);
    if (body_rest)
        *body_rest = rest;
    return h;
}

/* ---- pieces shared by several slides ---------------------------------- */

/* The date badge of an event: weekday, big day number, month. */
static void date_badge(struct frame *f, struct lf_box b, time_t when, struct lf_rgba fill)
{
    const struct lf_measure *m = f->v->measure;
    char wd[64], day[8], month[64];
    lf_format_date(f->v->lang, when, LF_DATE_WEEKDAY_SHORT, wd, sizeof(wd));
    struct tm tm;
    lf_local_time(when, &tm);
    snprintf(day, sizeof(day), "%d", tm.tm_mday);
    lf_format_date(f->v->lang, when, LF_DATE_MONTH, month, sizeof(month));

    lf_scene_rect(f->s, b, fill, scaled(f, 18));
    int pad = b.w / 10;
    int small = text_px(f, b.h * 0.13 / f->u);
    int big = (int)(b.h * 0.42);
    int lh_small = m->line_height(m->ctx, LF_FACE_BOLD, small);
    int lh_big = m->line_height(m->ctx, LF_FACE_BOLD, big);
    int total = 2 * lh_small + lh_big;
    int y = b.y + (b.h - total) / 2;
    const char *lines[3] = {wd, day, month};
    int sizes[3] = {small, big, small};
    for (int i = 0; i < 3; i++) {
        struct lf_wrapped wr;
        int lh = m->line_height(m->ctx, LF_FACE_BOLD, sizes[i]);
        lf_fit(m, LF_FACE_BOLD, lines[i], b.w - 2 * pad, lh, sizes[i], f->min_px, 1, &wr);
        if (wr.n == 1) {
            struct lf_box tb = {b.x + (b.w - wr.lines[0].width) / 2, y, wr.lines[0].width, lh};
            lf_scene_text(f->s, tb, lines[i], strlen(lines[i]), LF_FACE_BOLD, wr.px,
                          f->t->on_accent, f->rtl);
        }
        y += lh;
    }
}

static void format_when(const struct frame *f, time_t start, time_t end, char *buf,
                        size_t size)
{
    char date[128], range[128];
    lf_format_date(f->v->lang, start, LF_DATE_LONG, date, sizeof(date));
    lf_format_time_range(f->v->lang, start, end, range, sizeof(range));
    snprintf(buf, size, "%s\n%s", date, range);
}

/* "Mo – Fr", "Mo, Mi, Do" */
static void format_days(const char *lang, uint8_t days, char *buf, size_t size)
{
    /* 2024-01-01 was a Monday: name the weekdays through real dates */
    time_t monday = lf_local_make(2024, 1, 1, 12, 0);
    size_t len = 0;
    buf[0] = '\0';
    for (int d = 0; d < 7; d++) {
        if (!(days & (1u << d)))
            continue;
        int e = d;
        while (e + 1 < 7 && (days & (1u << (e + 1))))
            e++;
        char a[64], b[64];
        lf_format_date(lang, monday + d * 86400, LF_DATE_WEEKDAY_SHORT, a, sizeof(a));
        lf_format_date(lang, monday + e * 86400, LF_DATE_WEEKDAY_SHORT, b, sizeof(b));
        int n;
        if (e - d >= 2)
            n = snprintf(buf + len, size - len, "%s%s – %s", len ? ", " : "", a, b);
        else if (e == d + 1)
            n = snprintf(buf + len, size - len, "%s%s, %s", len ? ", " : "", a, b);
        else
            n = snprintf(buf + len, size - len, "%s%s", len ? ", " : "", a);
        if (n < 0 || (size_t)n >= size - len)
            return;
        len += (size_t)n;
        d = e;
    }
}

/* All ranges, one per line: "Mo – Fr  09:00 – 12:00". */
static void format_hours(const char *lang, const struct lf_opening_hours *h, char *buf,
                         size_t size)
{
    size_t len = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < h->n && len < size; i++) {
        const struct lf_hours_range *r = &h->ranges[i];
        char days[160];
        format_days(lang, r->weekdays, days, sizeof(days));
        int n = snprintf(buf + len, size - len, "%s%s  %02d:%02d – %02d:%02d", i ? "\n" : "",
                         days, r->from_min / 60, r->from_min % 60, r->to_min / 60,
                         r->to_min % 60);
        if (n < 0)
            return;
        len += (size_t)n;
    }
}

/* "Jetzt geöffnet, bis 14:00 Uhr" / "Öffnet Montag um 09:00 Uhr". False
 * when there are no hours. */
static bool open_status_text(const struct frame *f, const struct lf_opening_hours *h,
                             char *buf, size_t size, bool *open)
{
    struct lf_open_status st = lf_opening_status(h, f->v->now);
    const char *lang = f->v->lang;
    char t[16], wd[64];
    *open = st.state == LF_HOURS_OPEN;
    switch (st.state) {
    case LF_HOURS_NONE:
        return false;
    case LF_HOURS_OPEN:
        if (st.change_at == (time_t)-1) { /* open around the clock */
            snprintf(buf, size, "%s", lf_phrase(lang, LF_P_OPEN_NOW));
            return true;
        }
        lf_format_date(lang, st.change_at, LF_DATE_TIME, t, sizeof(t));
        if (strcmp(t, "00:00") == 0)
            snprintf(t, sizeof(t), "24:00");
        snprintf(buf, size, lf_phrase(lang, LF_P_OPEN_UNTIL), t);
        return true;
    case LF_HOURS_CLOSED:
        break;
    }
    if (st.change_at == (time_t)-1) {
        snprintf(buf, size, "%s", lf_phrase(lang, LF_P_CLOSED));
        return true;
    }
    struct tm now_tm, at_tm;
    lf_local_time(f->v->now, &now_tm);
    lf_local_time(st.change_at, &at_tm);
    lf_format_date(lang, st.change_at, LF_DATE_TIME, t, sizeof(t));
    time_t tomorrow_noon =
        lf_local_make(now_tm.tm_year + 1900, now_tm.tm_mon + 1, now_tm.tm_mday, 12, 0) + 86400;
    struct tm tm_tomorrow;
    lf_local_time(tomorrow_noon, &tm_tomorrow);
    if (at_tm.tm_yday == now_tm.tm_yday && at_tm.tm_year == now_tm.tm_year) {
        snprintf(buf, size, lf_phrase(lang, LF_P_OPENS_TODAY), t);
    } else if (at_tm.tm_yday == tm_tomorrow.tm_yday && at_tm.tm_year == tm_tomorrow.tm_year) {
        snprintf(buf, size, lf_phrase(lang, LF_P_OPENS_TOMORROW), t);
    } else {
        lf_format_date(lang, st.change_at, LF_DATE_WEEKDAY, wd, sizeof(wd));
        snprintf(buf, size, lf_phrase(lang, LF_P_OPENS_ON), wd, t);
    }
    return true;
}

/* Joins the item's contact lines: address, room, phone, e-mail, web. */
static void format_contact(const struct frame *f, const struct lf_item *it, char *buf,
                           size_t size)
{
    const char *parts[6];
    size_t n = 0;
    const char *room = pick(f, &it->room, NULL);
    if (it->address)
        parts[n++] = it->address;
    if (room)
        parts[n++] = room;
    if (it->phone)
        parts[n++] = it->phone;
    if (it->email)
        parts[n++] = it->email;
    if (it->url)
        parts[n++] = it->url;
    size_t len = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < n && len < size; i++) {
        int k = snprintf(buf + len, size - len, "%s%s", i ? "\n" : "", parts[i]);
        if (k < 0)
            return;
        len += (size_t)k;
    }
}

static void format_languages(const struct lf_item *it, char *buf, size_t size)
{
    size_t len = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < it->n_languages && len < size; i++) {
        int k = snprintf(buf + len, size - len, "%s%s", i ? "  ·  " : "",
                         lf_lang_endonym(it->languages[i]));
        if (k < 0)
            return;
        len += (size_t)k;
    }
}

/* Chips in a row (tags, "every year", "happening now"); returns the height. */
static int chip_row(struct frame *f, const char *const *labels, size_t n, int x, int y, int w,
                    struct lf_rgba fill)
{
    if (n == 0)
        return 0;
    int px = text_px(f, BASE_LABEL);
    int cx = x, gap = scaled(f, 14);
    int row_h = chip_height(f, px);
    for (size_t i = 0; i < n; i++) {
        int cw = lf_text_width(f->v->measure, LF_FACE_BOLD, px, labels[i]) + 2 * scaled(f, 18);
        if (cx > x && cx + cw > x + w)
            break; /* one row only: the first chips are the important ones */
        cx += chip(f, labels[i], cx, y, px, fill, f->t->on_accent, x + w - cx) + gap;
    }
    return row_h + scaled(f, BASE_GAP);
}

static int title_block(struct frame *f, const char *title, bool fallback, struct lf_box box,
                       int max_h, double base)
{
    struct lf_wrapped wr;
    lf_fit(f->v->measure, LF_FACE_BOLD, title, box.w, max_h, text_px(f, base),
           text_px(f, BASE_TITLE_MIN * 0.75), 4, &wr);
    return emit(f, &wr, title, box.x, box.y, LF_FACE_BOLD, f->t->ink, text_rtl(f, fallback)) +
           scaled(f, BASE_GAP);
}

/* The "auf Deutsch" marker when the title is a German stand-in. */
static int fallback_marker(struct frame *f, bool fallback, int x, int y, int w)
{
    if (!fallback || strncmp(f->v->lang, "de", 2) == 0)
        return 0;
    int px = text_px(f, BASE_LABEL * 0.9);
    chip(f, lf_phrase(f->v->lang, LF_P_IN_GERMAN), x, y, px, f->t->ink_soft, f->t->page, w);
    return chip_height(f, px) + scaled(f, 10);
}

/* An item's image, its file found in the bundle folder. */
static void image_op(struct frame *f, struct lf_box box, const struct lf_item *it)
{
    char path[2 * LF_MAX_PATH_BYTES + 2];
    snprintf(path, sizeof(path), "%s/%s", f->v->bundle->dir ? f->v->bundle->dir : ".",
             it->image);
    lf_scene_image(f->s, box, path);
}

/* ---- the slides --------------------------------------------------------- */

static void event_page(struct frame *f, struct lf_box area, const struct lf_page *p,
                       struct lf_page_result *r)
{
    const struct lf_slide *sl = p->slide;
    const struct lf_item *it = sl->item;
    struct lf_rgba accent = f->t->accent[LF_CAT_EVENTS];
    int gap = scaled(f, 40);
    bool fb = false;
    const char *title = pick(f, &it->title, &fb);

    struct lf_box badge, text = area, image = {0, 0, 0, 0};
    bool has_image = it->image && p->body_from == 0;
    if (f->landscape) {
        badge = (struct lf_box){area.x, area.y, scaled(f, 250), scaled(f, 290)};
        text.x = badge.x + badge.w + gap;
        text.w = area.x + area.w - text.x;
        if (has_image) {
            int iw = area.w * 3 / 10;
            if (iw > area.h)
                iw = area.h;
            image = (struct lf_box){area.x + area.w - iw, area.y, iw, iw};
            text.w -= iw + gap;
        }
    } else {
        badge = (struct lf_box){area.x, area.y, scaled(f, 230), scaled(f, 270)};
    }
    date_badge(f, badge, sl->start, accent);

    /* chips: happening now, yearly, tags */
    const char *chips[LF_MAX_TAGS + 2];
    size_t nc = 0;
    if (sl->start <= f->v->now)
        chips[nc++] = lf_phrase(f->v->lang, LF_P_RUNNING_NOW);
    for (size_t i = 0; i < it->n_tags && nc < LF_MAX_TAGS + 1; i++)
        chips[nc++] = pick(f, &it->tags[i], NULL);
    if (it->recurrence == LF_RECUR_YEARLY)
        chips[nc++] = lf_phrase(f->v->lang, LF_P_YEARLY);

    int y;
    if (f->landscape) {
        y = text.y;
        y += chip_row(f, chips, nc, text.x, y, text.w, accent);
        y += fallback_marker(f, fb, text.x, y, text.w);
        y += title_block(f, title, fb, (struct lf_box){text.x, y, text.w, 0}, area.h / 3,
                         BASE_TITLE);
    } else {
        /* portrait: chips and title beside the badge, the rest below */
        struct lf_box head = {badge.x + badge.w + gap, area.y, 0, badge.h};
        head.w = area.x + area.w - head.x;
        y = head.y;
        y += chip_row(f, chips, nc, head.x, y, head.w, accent);
        y += fallback_marker(f, fb, head.x, y, head.w);
        int th = title_block(f, title, fb, (struct lf_box){head.x, y, head.w, 0},
                             head.y + area.h / 4 - y, BASE_TITLE);
        y += th;
        if (y < badge.y + badge.h + gap)
            y = badge.y + badge.h + gap;
        if (has_image) {
            int ih = area.h * 28 / 100;
            image = (struct lf_box){area.x, y, area.w, ih};
            y += ih + gap;
        }
        text.y = y;
    }
    if (has_image)
        image_op(f, image, it);

    const char *lang = f->v->lang;
    char when[256], where[1024] = "";
    format_when(f, sl->start, sl->end, when, sizeof(when));
    const char *place = pick(f, &it->place, NULL), *room = pick(f, &it->room, NULL);
    snprintf(where, sizeof(where), "%s%s%s%s%s", place ? place : "",
             place && room ? ", " : "", room ? room : "",
             (place || room) && it->address ? "\n" : "", it->address ? it->address : "");

    struct column c = {.n = 0};
    add_block(&c, (struct block){lf_phrase(lang, LF_P_WHEN), when, false, LF_FACE_REGULAR,
                                 BASE_META, BASE_META * 0.8, 3, accent, false});
    add_block(&c, (struct block){lf_phrase(lang, LF_P_WHERE), where, false, LF_FACE_REGULAR,
                                 BASE_META, BASE_META * 0.8, 4, accent, false});
    add_text(&c, f, NULL, &it->summary, LF_FACE_REGULAR, BASE_BODY, 0, f->t->ink_soft, true);
    char reg[1024];
    const char *how = pick(f, &it->registration, NULL);
    if (how) {
        snprintf(reg, sizeof(reg), "%s%s%s%s%s", how, it->email ? "\n" : "",
                 it->email ? it->email : "", it->phone ? "\n" : "", it->phone ? it->phone : "");
        add_block(&c, (struct block){lf_phrase(lang, LF_P_REGISTRATION), reg, false,
                                     LF_FACE_REGULAR, BASE_META, BASE_META * 0.8, 5, accent,
                                     false});
    }
    const char *org = pick(f, &it->organiser, NULL);
    if (org)
        add_block(&c, (struct block){lf_phrase(lang, LF_P_ORGANISER), org, false,
                                     LF_FACE_REGULAR, BASE_META, BASE_META * 0.8, 2, accent,
                                     false});
    struct lf_box col = {text.x, y, text.w, area.y + area.h - y};
    column(f, &c, col, p->body_from, &r->body_rest);
}

/* Offers and contacts: the main text on one side, a card with hours and
 * how to reach them on the other (below in portrait). */
static void service_page(struct frame *f, struct lf_box area, const struct lf_page *p,
                         struct lf_page_result *r)
{
    const struct lf_item *it = p->slide->item;
    const char *lang = f->v->lang;
    enum lf_category cat = it->kind == LF_ITEM_OFFER ? LF_CAT_OFFERS : LF_CAT_CONTACTS;
    struct lf_rgba accent = f->t->accent[cat];
    int gap = scaled(f, 44);
    bool fb = false;
    const char *title = pick(f, &it->title, &fb);

    char hours[1024] = "", status[256] = "", contact[1024], langs[512];
    bool open = false, has_status = open_status_text(f, &it->hours, status, sizeof(status), &open);
    format_hours(lang, &it->hours, hours, sizeof(hours));
    format_contact(f, it, contact, sizeof(contact));
    format_languages(it, langs, sizeof(langs));

    /* the card: status pill, hours, contact */
    struct column card = {.n = 0};
    add_block(&card, (struct block){lf_phrase(lang, LF_P_HOURS), hours, false, LF_FACE_REGULAR,
                                    BASE_META, BASE_META * 0.8, LF_MAX_HOURS_RANGES, accent,
                                    false});
    add_text(&card, f, NULL, &it->hours.note, LF_FACE_REGULAR, BASE_META * 0.9, 3,
             f->t->ink_soft, false);
    add_block(&card, (struct block){lf_phrase(lang, LF_P_CONTACT), contact, false,
                                    LF_FACE_REGULAR, BASE_META, BASE_META * 0.75, 6, accent,
                                    false});
    bool has_card = card.n > 0 || has_status;

    struct lf_box main = area, cardbox = {0, 0, 0, 0};
    if (has_card && p->body_from == 0) {
        if (f->landscape) {
            cardbox = (struct lf_box){area.x + area.w * 60 / 100 + gap / 2, area.y,
                                      area.w * 40 / 100 - gap / 2, area.h};
            main.w = area.w * 60 / 100 - gap / 2;
        } else {
            cardbox = (struct lf_box){area.x, area.y + area.h * 55 / 100 + gap / 2, area.w,
                                      area.h * 45 / 100 - gap / 2};
            main.h = area.h * 55 / 100 - gap / 2;
        }
    }

    int y = main.y;
    const char *kind_label = lf_phrase(lang, cat == LF_CAT_OFFERS ? LF_P_OFFERS : LF_P_CONTACTS);
    y += chip_row(f, &kind_label, 1, main.x, y, main.w, accent);
    y += fallback_marker(f, fb, main.x, y, main.w);
    if (it->image && p->body_from == 0) {
        int is = scaled(f, 150);
        image_op(f, (struct lf_box){main.x + main.w - is, main.y, is, is}, it);
    }
    y += title_block(f, title, fb, (struct lf_box){main.x, y, main.w, 0}, main.h / 3,
                     BASE_TITLE);

    struct column c = {.n = 0};
    if (it->kind == LF_ITEM_OFFER) {
        add_text(&c, f, NULL, &it->provider, LF_FACE_BOLD, BASE_META, 2, f->t->ink_soft, false);
        add_text(&c, f, NULL, &it->summary, LF_FACE_REGULAR, BASE_BODY, 0, f->t->ink, true);
        add_text(&c, f, lf_phrase(lang, LF_P_AUDIENCE), &it->audience, LF_FACE_REGULAR,
                 BASE_META, 3, accent, false);
        add_block(&c, (struct block){lf_phrase(lang, LF_P_LANGUAGES), langs, false,
                                     LF_FACE_REGULAR, BASE_META, BASE_META * 0.8, 2, accent,
                                     false});
    } else {
        add_text(&c, f, NULL, &it->role, LF_FACE_BOLD, BASE_META, 2, f->t->ink_soft, false);
        add_text(&c, f, NULL, &it->unit, LF_FACE_REGULAR, BASE_META, 2, f->t->ink_soft, false);
        add_text(&c, f, NULL, &it->summary, LF_FACE_REGULAR, BASE_BODY, 0, f->t->ink, true);
    }
    column(f, &c, (struct lf_box){main.x, y, main.w, main.y + main.h - y}, p->body_from,
           &r->body_rest);

    if (cardbox.w == 0)
        return;
    lf_scene_rect(f->s, cardbox, f->t->card, scaled(f, 20));
    int pad = scaled(f, 36);
    struct lf_box inner = {cardbox.x + pad, cardbox.y + pad, cardbox.w - 2 * pad,
                           cardbox.h - 2 * pad};
    int cy = inner.y;
    if (has_status) {
        int px = text_px(f, BASE_META);
        struct lf_wrapped wr;
        lf_fit(f->v->measure, LF_FACE_BOLD, status, inner.w - 2 * scaled(f, 20),
               3 * f->v->measure->line_height(f->v->measure->ctx, LF_FACE_BOLD, px), px,
               f->min_px, 3, &wr);
        int h = lf_wrapped_height(&wr) + 2 * scaled(f, 14);
        lf_scene_rect(f->s, (struct lf_box){inner.x, cy, inner.w, h},
                      open ? f->t->open : f->t->closed, scaled(f, 14));
        emit(f, &wr, status, inner.x + scaled(f, 20), cy + scaled(f, 14), LF_FACE_BOLD,
             f->t->on_accent, f->rtl);
        cy += h + scaled(f, BASE_GAP);
    }
    column(f, &card, (struct lf_box){inner.x, cy, inner.w, inner.y + inner.h - cy}, 0, NULL);
}

static void notice_page(struct frame *f, struct lf_box area, const struct lf_page *p,
                        struct lf_page_result *r)
{
    const struct lf_item *it = p->slide->item;
    bool urgent = p->slide->kind == LF_SLIDE_URGENT;
    bool fb = false;
    const char *title = pick(f, &it->title, &fb);
    struct lf_rgba ink = urgent ? f->t->on_accent : f->t->ink;
    int pad = scaled(f, urgent ? 72 : 64);
    struct lf_box card = area;
    if (!urgent && f->landscape) {
        card.x += area.w / 10;
        card.w -= area.w / 5;
    }
    lf_scene_rect(f->s, card, urgent ? f->t->urgent : f->t->notice, scaled(f, 24));
    struct lf_box in = {card.x + pad, card.y + pad, card.w - 2 * pad, card.h - 2 * pad};
    int y = in.y;
    y += one_line(f, lf_phrase(f->v->lang, urgent ? LF_P_URGENT : LF_P_NOTICE), in.x, y, in.w,
                  LF_FACE_BOLD, text_px(f, BASE_LABEL * 1.3), ink, f->rtl) +
         scaled(f, BASE_GAP);
    y += fallback_marker(f, fb, in.x, y, in.w);
    struct lf_wrapped wr;
    lf_fit(f->v->measure, LF_FACE_BOLD, title, in.w, in.h / 3, text_px(f, BASE_TITLE * 1.25),
           text_px(f, BASE_TITLE_MIN * 0.75), 4, &wr);
    y += emit(f, &wr, title, in.x, y, LF_FACE_BOLD, ink, text_rtl(f, fb)) + scaled(f, 30);
    struct column c = {.n = 0};
    add_text(&c, f, NULL, &it->summary, LF_FACE_REGULAR, BASE_BODY * 1.3, 0, ink, true);
    column(f, &c, (struct lf_box){in.x, y, in.w, in.y + in.h - y}, p->body_from, &r->body_rest);
}

/* A list to tap: the agenda of upcoming events, or all items of a category. */
static void list_page(struct frame *f, struct lf_box area, const struct lf_page *p)
{
    const struct lf_measure *m = f->v->measure;
    struct lf_rgba accent = f->t->accent[p->category];
    int y = area.y;
    y += one_line(f, p->list_title, area.x, y, area.w, LF_FACE_BOLD, text_px(f, BASE_TITLE),
                  f->t->ink, f->rtl) +
         scaled(f, 28);
    size_t rows_max = f->landscape ? 5 : 8;
    size_t rows = p->n_list < rows_max ? p->n_list : rows_max;
    if (rows == 0)
        return;
    int gap = scaled(f, 18);
    int row_h = (area.y + area.h - y - (int)(rows - 1) * gap) / (int)rows;
    int max_row = scaled(f, 170);
    if (row_h > max_row)
        row_h = max_row;
    for (size_t i = 0; i < rows; i++) {
        const struct lf_slide *sl = &p->list[i];
        const struct lf_item *it = sl->item;
        struct lf_box row = {area.x, y, area.w, row_h};
        lf_scene_rect(f->s, row, f->t->card, scaled(f, 16));
        lf_scene_target(f->s, row, LF_ACT_ITEM, (int)i);
        int pad = scaled(f, 16);
        int tx = row.x + pad * 2;
        if (it->kind == LF_ITEM_EVENT) {
            int bs = row_h - 2 * pad;
            date_badge(f, (struct lf_box){row.x + pad, row.y + pad, bs * 9 / 10, bs}, sl->start,
                       accent);
            tx = row.x + pad + bs * 9 / 10 + scaled(f, 28);
        } else {
            lf_scene_rect(f->s, (struct lf_box){row.x, row.y, scaled(f, 12), row_h}, accent, 0);
        }
        int tw = row.x + row.w - pad * 2 - tx;
        bool fb = false;
        const char *title = pick(f, &it->title, &fb);
        char meta[512] = "";
        if (it->kind == LF_ITEM_EVENT) {
            char d[128], tr[128];
            lf_format_date(f->v->lang, sl->start, LF_DATE_DAY_MONTH, d, sizeof(d));
            lf_format_time_range(f->v->lang, sl->start, sl->end, tr, sizeof(tr));
            const char *place = pick(f, &it->place, NULL);
            snprintf(meta, sizeof(meta), "%s, %s%s%s", d, tr, place ? "  ·  " : "",
                     place ? place : "");
        } else {
            const char *sub = pick(f, it->kind == LF_ITEM_OFFER ? &it->provider : &it->role, NULL);
            snprintf(meta, sizeof(meta), "%s", sub ? sub : "");
        }
        int title_px = text_px(f, BASE_META * 1.1), meta_px = text_px(f, BASE_META * 0.85);
        int lh_t = m->line_height(m->ctx, LF_FACE_BOLD, title_px);
        int lh_m = meta[0] ? m->line_height(m->ctx, LF_FACE_REGULAR, meta_px) : 0;
        int ty = row.y + (row_h - lh_t - lh_m) / 2;
        if (ty < row.y)
            ty = row.y;
        struct lf_wrapped wr;
        lf_fit(m, LF_FACE_BOLD, title, tw, lh_t, title_px, f->min_px, 1, &wr);
        if (wr.rest) /* too long for one line even small: two lines at the floor */
            lf_fit(m, LF_FACE_BOLD, title, tw, row_h - lh_m - pad, title_px, f->min_px, 2, &wr);
        ty += emit(f, &wr, title, tx, ty, LF_FACE_BOLD, f->t->ink, text_rtl(f, fb));
        if (meta[0] && ty + lh_m <= row.y + row.h) {
            lf_fit(m, LF_FACE_REGULAR, meta, tw, lh_m, meta_px, f->min_px, 1, &wr);
            emit(f, &wr, meta, tx, ty, LF_FACE_REGULAR, f->t->ink_soft, f->rtl);
        }
        y += row_h + gap;
    }
}

enum lf_category lf_slide_category(const struct lf_slide *slide)
{
    switch (slide->kind) {
    case LF_SLIDE_OFFER:
        return LF_CAT_OFFERS;
    case LF_SLIDE_CONTACT:
        return LF_CAT_CONTACTS;
    default:
        return LF_CAT_EVENTS;
    }
}

void lf_layout_page(struct lf_scene *s, const struct lf_view *v, const struct lf_page *p,
                    struct lf_page_result *r)
{
    struct frame f;
    frame_init(&f, s, v);
    struct lf_page_result dummy;
    if (!r)
        r = &dummy;
    *r = (struct lf_page_result){0, 0};
    size_t first_op = lf_scene_count(s), first_target = lf_scene_target_count(s);
    struct lf_box area = lf_layout_content_box(v);
    lf_scene_rect(s, (struct lf_box){0, header_height(&f), v->width,
                                     v->height - header_height(&f) - footer_height(&f)},
                  f.t->page, 0);
    if (p->kind == LF_PAGE_LIST || (p->slide && p->slide->kind == LF_SLIDE_AGENDA)) {
        struct lf_page lp = *p;
        if (!lp.list_title)
            lp.list_title = lf_phrase(v->lang, LF_P_UPCOMING);
        list_page(&f, area, &lp);
    } else {
        if (p->body_from > 0) {
            /* continued: a small heading says what this is the rest of */
            char head[512];
            const char *title = pick(&f, &p->slide->item->title, NULL);
            snprintf(head, sizeof(head), "%s (%s)", title, lf_phrase(v->lang, LF_P_CONTINUED));
            int h = one_line(&f, head, area.x, area.y, area.w, LF_FACE_BOLD,
                             text_px(&f, BASE_META), f.t->ink_soft, f.rtl) +
                    scaled(&f, BASE_GAP);
            area.y += h;
            area.h -= h;
        }
        switch (p->slide->kind) {
        case LF_SLIDE_EVENT:
            event_page(&f, area, p, r);
            break;
        case LF_SLIDE_OFFER:
        case LF_SLIDE_CONTACT:
            service_page(&f, area, p, r);
            break;
        case LF_SLIDE_NOTICE:
        case LF_SLIDE_URGENT:
            notice_page(&f, area, p, r);
            break;
        case LF_SLIDE_AGENDA:
            break;
        }
    }
    if (f.rtl)
        lf_scene_mirror(s, first_op, first_target, 0, v->width);
    r->chars = f.chars;
}

void lf_layout_header(struct lf_scene *s, const struct lf_view *v)
{
    struct frame f;
    frame_init(&f, s, v);
    size_t first_op = lf_scene_count(s);
    int h = header_height(&f), m = scaled(&f, BASE_MARGIN);
    lf_scene_rect(s, (struct lf_box){0, 0, v->width, h}, f.t->bar, 0);

    char clock[16], date[128];
    lf_format_date(v->lang, v->now, LF_DATE_TIME, clock, sizeof(clock));
    lf_format_date(v->lang, v->now, f.landscape ? LF_DATE_LONG : LF_DATE_DAY_MONTH, date,
                   sizeof(date));
    const struct lf_measure *ms = v->measure;
    int clock_px = text_px(&f, 56), date_px = text_px(&f, 34);
    int cw = lf_text_width(ms, LF_FACE_BOLD, clock_px, clock);
    int dw = lf_text_width(ms, LF_FACE_REGULAR, date_px, date);
    int clh = ms->line_height(ms->ctx, LF_FACE_BOLD, clock_px);
    int dlh = ms->line_height(ms->ctx, LF_FACE_REGULAR, date_px);
    int right = v->width - m;
    int gap = scaled(&f, 28);
    lf_scene_text(s, (struct lf_box){right - cw, (h - clh) / 2, cw, clh}, clock, strlen(clock),
                  LF_FACE_BOLD, clock_px, f.t->bar_ink, false);
    int date_x = right - cw - gap - dw;
    lf_scene_text(s, (struct lf_box){date_x, (h - dlh) / 2, dw, dlh}, date, strlen(date),
                  LF_FACE_REGULAR, date_px, f.t->bar_ink, f.rtl);

    const char *org = v->organisation && v->organisation[0]
                          ? v->organisation
                          : lf_text_get(&v->bundle->organisation, v->lang, NULL);
    int org_w = date_x - gap - m;
    int y = 0;
    if (v->bundle->sample) {
        /* "Beispielinhalte": the bundle says it is sample data, so does the screen */
        const char *label = lf_phrase(v->lang, LF_P_SAMPLE);
        int px = text_px(&f, BASE_LABEL * 0.9);
        int w = chip(&f, label, m, (h - chip_height(&f, px)) / 2, px, f.t->accent[0],
                     f.t->on_accent, org_w / 3);
        m += w + gap;
        org_w -= w + gap;
    }
    int org_px = text_px(&f, 40);
    struct lf_wrapped wr;
    int lh = ms->line_height(ms->ctx, LF_FACE_BOLD, org_px);
    lf_fit(ms, LF_FACE_BOLD, org ? org : "", org_w, h - scaled(&f, 8), org_px, f.min_px, 2, &wr);
    y = (h - lf_wrapped_height(&wr)) / 2;
    (void)lh;
    emit(&f, &wr, org ? org : "", m, y, LF_FACE_BOLD, f.t->bar_ink, f.rtl);
    if (f.rtl)
        lf_scene_mirror(s, first_op, lf_scene_target_count(s), 0, v->width);
}

void lf_layout_footer(struct lf_scene *s, const struct lf_view *v, const struct lf_footer *ft)
{
    struct frame f;
    frame_init(&f, s, v);
    size_t first_op = lf_scene_count(s), first_target = lf_scene_target_count(s);
    const struct lf_measure *ms = v->measure;
    int h = footer_height(&f), top = v->height - h, m = scaled(&f, BASE_MARGIN);
    lf_scene_rect(s, (struct lf_box){0, top, v->width, h}, f.t->bar, 0);

    /* position: thin progress segments along the top edge, "3 / 17" */
    int bw = 0;
    if (ft->count > 0) {
        char pos[32];
        snprintf(pos, sizeof(pos), "%zu / %zu", ft->position + 1, ft->count);
        int px = text_px(&f, 34);
        bw = lf_text_width(ms, LF_FACE_BOLD, px, pos);
        int lh = ms->line_height(ms->ctx, LF_FACE_BOLD, px);
        lf_scene_text(s, (struct lf_box){v->width - m - bw, top + (h - lh) / 2, bw, lh}, pos,
                      strlen(pos), LF_FACE_BOLD, px, f.t->bar_ink, false);
        int seg_h = scaled(&f, 8);
        int seg_w = v->width / (int)ft->count;
        lf_scene_rect(s, (struct lf_box){0, top, seg_w * (int)(ft->position + 1), seg_h},
                      f.t->bar_ink, 0);
    }

    /* buttons: previous, next, then the categories (and back when browsing) */
    int btn_h = h - 2 * scaled(&f, 20);
    int by = top + (h - btn_h) / 2;
    int bgap = scaled(&f, 16);
    int x = m;
    int arrow_w = btn_h * 13 / 10;
    int arrow_px = text_px(&f, 64);
    const char *prev = f.rtl ? "›" : "‹", *next = f.rtl ? "‹" : "›";
    const char *arrows[2] = {prev, next};
    enum lf_action acts[2] = {LF_ACT_PREV, LF_ACT_NEXT};
    for (int i = 0; i < 2; i++) {
        struct lf_box b = {x, by, arrow_w, btn_h};
        lf_scene_rect(s, b, f.t->button, scaled(&f, 14));
        int aw = lf_text_width(ms, LF_FACE_BOLD, arrow_px, arrows[i]);
        int alh = ms->line_height(ms->ctx, LF_FACE_BOLD, arrow_px);
        lf_scene_text(s, (struct lf_box){b.x + (b.w - aw) / 2, b.y + (b.h - alh) / 2, aw, alh},
                      arrows[i], strlen(arrows[i]), LF_FACE_BOLD, arrow_px, f.t->button_ink, false);
        lf_scene_target(s, b, acts[i], 0);
        x += arrow_w + bgap;
    }
    x += bgap;

    static const enum lf_phrase cats[LF_CAT_COUNT] = {LF_P_EVENTS, LF_P_OFFERS, LF_P_CONTACTS};
    int n_btn = LF_CAT_COUNT + (ft->show_back ? 1 : 0);
    int avail = v->width - m - (bw ? bw + scaled(&f, 40) : 0) - x;
    int cat_w = (avail - (n_btn - 1) * bgap) / n_btn;
    int px = text_px(&f, 34);
    for (int i = 0; i < n_btn; i++) {
        bool back = i == LF_CAT_COUNT;
        const char *label = back ? lf_phrase(v->lang, LF_P_BACK) : lf_phrase(v->lang, cats[i]);
        bool active = !back && ft->active_category == i;
        struct lf_box b = {x, by, cat_w, btn_h};
        struct lf_rgba fill = active ? f.t->accent[i] : f.t->bar;
        struct lf_rgba ink = active ? f.t->on_accent : f.t->bar_ink;
        lf_scene_rect(s, b, f.t->bar_ink, scaled(&f, 14));
        int border = scaled(&f, 3);
        lf_scene_rect(s, (struct lf_box){b.x + border, b.y + border, b.w - 2 * border,
                                         b.h - 2 * border},
                      fill, scaled(&f, 12));
        struct lf_wrapped wr;
        lf_fit(ms, LF_FACE_BOLD, label, b.w - scaled(&f, 24), b.h - scaled(&f, 12), px, f.min_px,
               2, &wr);
        int ty = b.y + (b.h - lf_wrapped_height(&wr)) / 2;
        for (size_t l = 0; l < wr.n; l++) {
            const struct lf_line *ln = &wr.lines[l];
            lf_scene_text(s, (struct lf_box){b.x + (b.w - ln->width) / 2,
                                             ty + (int)l * wr.line_height, ln->width,
                                             wr.line_height},
                          label + ln->start, ln->len, LF_FACE_BOLD, wr.px, ink, f.rtl);
        }
        lf_scene_target(s, b, back ? LF_ACT_HOME : LF_ACT_CATEGORY, back ? 0 : i);
        x += cat_w + bgap;
    }
    if (f.rtl)
        lf_scene_mirror(s, first_op, first_target, 0, v->width);
}
