#include "layout/slide_layout.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "core/civil_time.h"
#include "layout/phrases.h"
#include "layout/qr_payload.h"
#include "layout/frame.h"

/* ---- blocks: a label over a text, flowing down a column ----------------- */

struct block {
    const char *label;      /* small accent label above, may be NULL */
    const char *text;
    bool ltr;               /* left-to-right whatever the screen: a German stand-in,
                               or data such as an address, phone number, e-mail */
    enum lf_face face;
    double base_px;
    struct lf_rgba color;   /* of the label; the text is ink (or `color` without a label) */
    bool joined;            /* continues the block before without a gap */
    const char *qr;         /* a QR code of this payload, with `text` as its caption */
    int qr_side;            /* its side in pixels: as large as this, */
    int qr_min;             /* ... as small as this where room is short */
    const char *qr_small;   /* NULL, or a shorter payload (a contact's web address
                               for its vCard) where that code has no room */
    int qr_small_side, qr_small_min;
    bool in_german;         /* German standing in for the screen's language */
    bool struck;            /* a line through it: a cancelled event's title */
    int px;                 /* when set: this size in pixels at every scale (the rest
                               of a title the head had no room for) */
    bool data;              /* addresses, phone numbers, e-mail and web addresses: set
                               larger than full size only where each line stays whole */
    bool note;              /* a note on the block before it (the hours'): it goes with
                               that block or after it, never stays where that block left */
    bool about;             /* a contact's description: what a visitor needs least, after
                               the hours where those leave the card */
};

static void strike_through(struct frame *f, const struct lf_wrapped *wr, int x, int y,
                           struct lf_rgba color, bool rtl);

/* Space between and around things (given at 1080), tighter on a small
 * screen (LF_COMPACT_SPACING). */
static int spacing(const struct frame *f, double base)
{
    return lf_frame_scaled(f, f->compact ? base * LF_COMPACT_SPACING : base);
}

/* The largest size of a title (smaller on a small screen). */
static int title_max_px(const struct frame *f)
{
    return lf_frame_text_px(f, f->compact ? BASE_TITLE * LF_COMPACT_TITLE : BASE_TITLE);
}

#define MAX_BLOCKS 24
#define UNBOUNDED (1 << 28) /* a box height for measuring what something needs */

struct column {
    struct block b[MAX_BLOCKS];
    size_t n;
};

static void add_block(struct column *c, struct block b)
{
    if (b.text && b.text[0] && c->n < MAX_BLOCKS)
        c->b[c->n++] = b;
}

static void add_text(struct column *c, const struct frame *f, const char *label,
                     const struct lf_text *t, enum lf_face face, double base,
                     struct lf_rgba color)
{
    bool fb = false;
    const char *s = lf_frame_pick(f, t, &fb);
    add_block(c, (struct block){.label = label, .text = s, .ltr = fb, .face = face,
                                .base_px = base, .color = color,
                                .in_german = fb && strncmp(f->v->lang, "de", 2) != 0});
}

/* Words of the screen's language (formatted dates, hours, lists). */
static void add_plain(struct column *c, const char *label, const char *text, double base,
                      struct lf_rgba color)
{
    add_block(c, (struct block){.label = label, .text = text, .face = LF_FACE_REGULAR,
                                .base_px = base, .color = color});
}

/* Data that reads left to right in every language: addresses, phone
 * numbers, e-mail and web addresses. In a right-to-left paragraph the
 * bidi algorithm would reorder "0251 492-7077" into "492-7077 0251". */
static void add_data(struct column *c, const char *label, const char *text, double base,
                     struct lf_rgba color)
{
    add_block(c, (struct block){.label = label, .text = text, .ltr = true, .data = true,
                                .face = LF_FACE_REGULAR, .base_px = base, .color = color});
}

/* Data lines that belong to the block before (the address under a place). */
static void add_joined_data(struct column *c, const char *text, double base)
{
    add_block(c, (struct block){.text = text, .ltr = true, .data = true,
                                .face = LF_FACE_REGULAR, .base_px = base, .joined = true});
}

/* The item's QR code as a block: the code at the start edge, the caption
 * "scan with your phone" beside it. payload must outlive the column. Its
 * side: LF_QR_MIN_MODULE_BASE pixels a module at least, LF_QR_SIDE_BASE
 * pixels at 1080 when the code is small. */
#define LF_QR_SIDE_BASE 170

/* The side and least side of a code of payload (0: it cannot be encoded). */
static int qr_sides(const struct frame *f, const char *payload, int *min_side)
{
    int modules = payload && payload[0] ? lf_qr_modules(payload) : 0;
    if (modules == 0)
        return 0;
    *min_side = modules * (int)ceil(LF_QR_MIN_MODULE_BASE * f->u);
    /* larger on a portrait screen, which has the height for it */
    int side = lf_frame_scaled(f, LF_QR_SIDE_BASE * (f->landscape ? 1.0 : 1.5));
    return side < *min_side ? *min_side : side;
}

/* small: NULL, or a shorter payload for where the code of payload has no
 * room (it must outlive the column too). */
static void add_qr(struct column *c, const struct frame *f, const char *payload,
                   const char *small)
{
    int min_side = 0, side = qr_sides(f, payload, &min_side);
    if (side == 0)
        return;
    int small_min = 0, small_side = qr_sides(f, small, &small_min);
    add_block(c, (struct block){.text = lf_phrase(f->v->lang, LF_P_SCAN), .face = LF_FACE_BOLD,
                                .base_px = BASE_LABEL * 1.1, .color = f->t->ink_soft,
                                .qr = payload, .qr_side = side, .qr_min = min_side,
                                .qr_small = small_side && small_min < min_side ? small : NULL,
                                .qr_small_side = small_side, .qr_small_min = small_min});
}

/* Whether German stands in for the screen's language anywhere in c. */
static bool column_in_german(const struct column *c)
{
    for (size_t i = 0; i < c->n; i++)
        if (c->b[i].in_german)
            return true;
    return false;
}

static void append_blocks(struct column *to, const struct column *from)
{
    for (size_t i = 0; i < from->n; i++)
        add_block(to, from->b[i]);
}

/* Whether each line of text (data: an address, a web address) fits w whole. */
static bool data_lines_whole(const struct lf_measure *m, enum lf_face face, int px,
                             const char *text, int w)
{
    for (const char *l = text; *l;) {
        size_t len = strcspn(l, "\n");
        if (m->width(m->ctx, face, px, l, len) > w)
            return false;
        l += len + (l[len] == '\n');
    }
    return true;
}

/* A block of a fixed size (the rest of a title) at f->fixed_scale, never
 * smaller than the body text beside it. */
static int fixed_px(const struct frame *f, int px, double scale)
{
    if (f->fixed_scale <= 0 || f->fixed_scale >= 1.0)
        return px;
    int small = (int)(px * f->fixed_scale);
    int body = lf_frame_text_px(f, BASE_BODY * (scale > 1.0 ? scale : 1.0)) + lf_frame_scaled(f, 2);
    if (small < body)
        small = body;
    return small < px ? small : px;
}

static const double scales[] = {1.0, 0.9, 0.8, 0.7};
#define N_SCALES (sizeof(scales) / sizeof(scales[0]))
/* Portrait: the height is there to be used; what fits at full size with
 * room to spare is set at the largest of these that still fits. */
#define PORTRAIT_LARGER 1.3, 1.2, 1.1
#define N_LARGER 3
#define PORTRAIT_MOST 1.3
/* The smallest scale at which a slide's text stays on one page by leaving
 * out the QR code at its end (rather than going on to another page). */
#define LF_ONE_PAGE_SCALE_MIN 0.8
/* On a small screen (LF_COMPACT_SIDE) text reaches the floor sooner: any
 * scale of the list, rather than a second page. */
#define LF_ONE_PAGE_SCALE_MIN_COMPACT 0.7

/* A QR code block b beside the data block above it (top data_top, its
 * widest line data_w) in box: whether the code, at least b->qr_min, and
 * its caption fit in the width the data leaves at the end edge and the
 * height to box's bottom. Sets *wr (the caption, wrapped in the code's
 * column: wr->max_w is that column's width), *side and *h (code and
 * caption). */
static bool qr_beside_data(const struct frame *f, const struct block *b, double scale,
                           struct lf_box box, int data_top, int data_w, struct lf_wrapped *wr,
                           int *side, int *h)
{
    int gap_x = spacing(f, 24), px = lf_frame_text_px(f, b->base_px * scale);
    int room_w = box.w - data_w - 2 * gap_x;
    int room_h = box.y + box.h - data_top;
    int s = scale > 1.0 ? (int)(b->qr_side * scale) : b->qr_side;
    /* the caption's column: as wide as the code, or as its longest word */
    int col_w = 0;
    for (const char *w = b->text; *w;) {
        size_t len = strcspn(w, " ");
        int ww = f->m.width(f->m.ctx, b->face, px, w, len);
        col_w = ww > col_w ? ww : col_w;
        w += len + (w[len] == ' ');
    }
    if (col_w > room_w)
        return false;
    if (s > room_w)
        s = room_w;
    for (;;) {
        int cw = s > col_w ? s : col_w;
        lf_wrap(&f->m, b->face, px, b->text, cw, 3, wr);
        int need = s + gap_x / 2 + lf_wrapped_height(wr);
        if (!wr->rest && need <= room_h) {
            *side = s;
            *h = need;
            return s >= b->qr_min;
        }
        if (wr->rest || s <= b->qr_min)
            return false;
        s -= need - room_h; /* smaller, down to its least size */
        if (s < b->qr_min)
            s = b->qr_min;
    }
}

/* Lays the blocks from `from` on into box at `scale`, adding them to the
 * scene when do_emit. True when everything fit; otherwise *rest says
 * where the next page goes on. *used: the height taken. A block that
 * would leave a single line behind at the bottom goes on whole. */
static bool column_pass(struct frame *f, const struct column *c, struct lf_box box, double scale,
                        bool do_emit, struct lf_flow_pos from, struct lf_flow_pos *rest,
                        int *used)
{
    struct lf_measure mb = f->m;
    const struct lf_measure *m = &mb;
    int gap = spacing(f, BASE_GAP);
    int label_px = lf_frame_text_px(f, BASE_LABEL * fmax(scale, 0.85));
    int y = box.y, bottom = box.y + box.h;
    bool all = true;
    /* the block of data just laid out on this page (an address, phone,
     * web address): its top, bottom and widest line; top -1 when none */
    int data_top = -1, data_bottom = 0, data_w = 0;
    for (size_t i = from.block; i < c->n; i++) {
        const struct block *b = &c->b[i];
        mb.lang = b->in_german ? "de" : f->m.lang; /* hyphenated as the language it is in */
        if (b->joined && i > from.block)
            y -= gap; /* directly under the block before */
        if (b->qr) {
            /* the code, its caption beside it (under it in a narrow column),
             * as large as the room allows between qr_min and qr_side; never
             * split. Where it has no room under what comes before, beside
             * the address and numbers above it; where the code of a whole
             * vCard has no room, that of the web address alone. */
            int gap_x = spacing(f, 24), px = lf_frame_text_px(f, b->base_px * scale);
            struct block small = *b;
            if (b->qr_small) {
                small.qr = b->qr_small;
                small.qr_side = b->qr_small_side;
                small.qr_min = b->qr_small_min;
            }
            bool placed = false;
            int side = 0, h = 0;
            struct lf_wrapped wr;
            for (int v = 0; v < (b->qr_small ? 2 : 1) && !placed; v++) {
                const struct block *q = v ? &small : b;
                /* larger with the text where the page has the room (portrait) */
                side = scale > 1.0 ? (int)(q->qr_side * scale) : q->qr_side;
                if (side > bottom - y)
                    side = bottom - y;
                if (side > box.w)
                    side = box.w;
                int beside_w = box.w - side - gap_x;
                bool beside = beside_w >= lf_frame_scaled(f, 200);
                lf_wrap(m, q->face, px, q->text, beside ? beside_w : box.w, 3, &wr);
                if (!beside) {
                    int most = scale > 1.0 ? (int)(q->qr_side * scale) : q->qr_side;
                    side = bottom - y - gap_x / 2 - lf_wrapped_height(&wr);
                    if (side > most)
                        side = most;
                    if (side > box.w)
                        side = box.w;
                }
                h = beside ? (side > lf_wrapped_height(&wr) ? side : lf_wrapped_height(&wr))
                           : side + gap_x / 2 + lf_wrapped_height(&wr);
                if (!(side < q->qr_min || y + h > bottom || wr.rest)) {
                    placed = true;
                    if (do_emit) {
                        lf_scene_qr(f->s, (struct lf_box){box.x, y, side, side}, q->qr);
                        if (beside)
                            lf_frame_emit(f, &wr, q->text, box.x + side + gap_x,
                                          y + (side - lf_wrapped_height(&wr)) / 2, q->face,
                                          q->color, f->rtl);
                        else
                            lf_frame_emit(f, &wr, q->text, box.x, y + side + gap_x / 2, q->face,
                                          q->color, f->rtl);
                    }
                    y += h + gap;
                } else if (data_top >= 0 && f->in_flow &&
                           qr_beside_data(f, q, scale, box, data_top, data_w, &wr, &side, &h)) {
                    /* the text's flow (not a card: a card makes room
                     * for its code by its text set smaller): the code
                     * beside the address, phone and web address, in the
                     * width their lines leave at the end edge, its caption
                     * under it */
                    placed = true;
                    int code_x = box.x + box.w - wr.max_w;
                    if (do_emit) {
                        lf_scene_qr(f->s, (struct lf_box){code_x, data_top, side, side}, q->qr);
                        lf_frame_emit(f, &wr, q->text, code_x, data_top + side + gap_x / 2,
                                      q->face, q->color, f->rtl);
                    }
                    int end = data_top + h > data_bottom ? data_top + h : data_bottom;
                    y = end + gap;
                }
            }
            data_top = -1;
            if (placed)
                continue;
            if (y == box.y && f->must_progress) {
                /* not even a page of its own holds the code: it is left out
                 * (what it carries is on the slide as text) and the flow
                 * moves on */
                continue;
            }
            if (f->in_flow && i + 1 == c->n && y > box.y) {
                /* the code last, and no room left for it: never a page
                 * holding only a QR code (what it carries is on the
                 * slide as text) */
                continue;
            }
            *rest = (struct lf_flow_pos){i, 0};
            all = false;
            break;
        }
        size_t off = i == from.block ? from.offset : 0;
        if (off > strlen(b->text))
            off = strlen(b->text);
        const char *text = b->text + off;
        /* the label over its text, again over the part that goes on on a
         * next page (hours "Sa ..., So ..." at the top of a page said
         * nothing of being hours) */
        int lh_label = b->label ? lf_frame_line_height(f, LF_FACE_BOLD, label_px) : 0;
        int px = b->px ? fixed_px(f, b->px, scale) : lf_frame_text_px(f, b->base_px * scale);
        int lh = lf_frame_line_height(f, b->face, px);
        int room = bottom - y - lh_label;
        size_t lines = room > 0 ? (size_t)(room / lh) : 0;
        if (lines == 0 && y == box.y && f->must_progress)
            lines = 1; /* the top of a page: the flow must move on, whatever the room */
        if (scale > 1.0 && b->data && !data_lines_whole(m, b->face, px, text, box.w)) {
            /* larger than full size breaks an address or a phone number: not this size */
            *rest = (struct lf_flow_pos){i, off};
            all = false;
            break;
        }
        /* wrapped from off in the whole text: the rest of a web address
         * begun on the page before is still one (no hyphen put into it) */
        struct lf_wrapped wr;
        if (lines > 0)
            lf_wrap_from(m, b->face, px, b->text, off, box.w, lines, &wr);
        /* the page never ends inside an address, e-mail, web address or
         * phone number: its lines go on together (a block of data only
         * between its lines); only the top of a page that must move the
         * flow on takes what fits */
        bool goes_on_whole = false;
        while (lines > 0 && wr.rest && !(y == box.y && f->must_progress) &&
               lf_cut_parts_data(b->text, wr.rest, b->data)) {
            if (wr.n <= 1) {
                goes_on_whole = true;
                break;
            }
            lf_wrap_from(m, b->face, px, b->text, off, box.w, wr.n - 1, &wr);
        }
        if (lines == 0 || goes_on_whole || (wr.rest && wr.n < 2 && y > box.y)) {
            *rest = (struct lf_flow_pos){i, off};
            all = false;
            break;
        }
        if (do_emit) {
            if (lh_label)
                lf_frame_one_line(f, b->label, box.x, y, box.w, LF_FACE_BOLD, label_px, b->color,
                                  f->rtl);
            struct lf_rgba ink = b->label || b->joined ? f->t->ink : b->color;
            if (b->struck)
                strike_through(f, &wr, box.x, y + lh_label, ink,
                               b->data ? f->rtl : lf_frame_text_rtl(f, b->text, b->ltr));
            if (b->data) /* an address, a number: placed as the screen reads */
                lf_frame_emit(f, &wr, b->text, box.x, y + lh_label, b->face, ink,
                              f->rtl && !b->ltr);
            else
                lf_frame_emit_paragraph(f, &wr, b->text, box.x, y + lh_label, b->face, ink,
                                        lf_frame_text_rtl(f, b->text, b->ltr));
        }
        if (b->data && !wr.rest) {
            if (!(b->joined && data_top >= 0))
                data_top = y, data_w = 0;
            if (lh_label) {
                int lw = m->width(m->ctx, LF_FACE_BOLD, label_px, b->label, strlen(b->label));
                data_w = lw > data_w ? lw : data_w;
            }
            for (size_t k = 0; k < wr.n; k++)
                data_w = wr.lines[k].width > data_w ? wr.lines[k].width : data_w;
            data_bottom = y + lh_label + lf_wrapped_height(&wr);
        } else {
            data_top = -1;
        }
        y += lh_label + lf_wrapped_height(&wr) + gap;
        if (wr.rest) {
            *rest = (struct lf_flow_pos){i, wr.rest};
            all = false;
            break;
        }
    }
    if (used)
        *used = y > box.y ? y - box.y - gap : 0;
    return all;
}

/* The height the column takes in a box w x max_h at a scale (a QR code
 * shrinks towards its smallest size where room is short). */
static int column_height_in(struct frame *f, const struct column *c, int w, int max_h,
                            double scale)
{
    struct lf_flow_pos rest;
    int used = 0;
    column_pass(f, c, (struct lf_box){0, 0, w, max_h}, scale, false, (struct lf_flow_pos){0, 0},
                &rest, &used);
    return used;
}

/* The height the whole column needs at a scale, with room to spare. */
static int column_height(struct frame *f, const struct column *c, int w, double scale)
{
    return column_height_in(f, c, w, UNBOUNDED, scale);
}

/* The largest scale at which the column fits whole into box; -1 if none. */
static int column_scale(struct frame *f, const struct column *c, struct lf_box box)
{
    struct lf_flow_pos rest;
    for (size_t k = 0; k < N_SCALES; k++)
        if (column_pass(f, c, box, scales[k], false, (struct lf_flow_pos){0, 0}, &rest, NULL))
            return (int)k;
    return -1;
}

/* Lays out the column from `from` at the largest scale at which the rest
 * fits; when it does not fit even at the smallest, at full size, and
 * what is left goes on the next page. Returns the height used. */
static int column(struct frame *f, const struct column *c, struct lf_box box,
                  struct lf_flow_pos from, bool *continues, struct lf_flow_pos *rest)
{
    struct lf_flow_pos ignored;
    size_t k = 0;
    /* the scale at which all of it fits as it is (no QR code left out) */
    bool in_flow = f->in_flow;
    f->in_flow = false;
    while (k < N_SCALES && !column_pass(f, c, box, scales[k], false, from, &ignored, NULL))
        k++;
    /* it does not fit, and the page starts with a title set large: a
     * smaller title may keep the slide on one page (rather than a page
     * that holds one line of it) */
    static const double title_smaller[] = {0.85, 0.7};
    for (size_t i = 0; k == N_SCALES && from.block < c->n && c->b[from.block].px &&
                       from.offset == 0 && i < 2; i++) {
        f->fixed_scale = title_smaller[i];
        for (k = 0; k < N_SCALES; k++)
            if (column_pass(f, c, box, scales[k], false, from, &ignored, NULL))
                break;
        if (k == N_SCALES) {
            k = N_SCALES;
            f->fixed_scale = 0;
        }
    }
    /* all its text fits at 80 % or more with only the QR code at its end
     * left out (what the code carries is on the slide as text): one page,
     * rather than a page going on for a few lines and the code */
    if (k == N_SCALES && in_flow) {
        f->in_flow = true;
        double least = f->compact ? LF_ONE_PAGE_SCALE_MIN_COMPACT : LF_ONE_PAGE_SCALE_MIN;
        for (k = 0; k < N_SCALES && scales[k] >= least; k++)
            if (column_pass(f, c, box, scales[k], false, from, &ignored, NULL))
                break;
        if (k < N_SCALES && scales[k] < least)
            k = N_SCALES;
        f->in_flow = false;
    }
    if (k == N_SCALES)
        k = 0; /* it continues on another page anyway: keep it large */
    double scale = scales[k];
    /* a portrait screen is tall: text that fits with room to spare is set
     * larger, to be read from further away; never a continuation (its
     * first page was not enlarged: it did not fit) */
    static const double larger[] = {PORTRAIT_LARGER};
    for (size_t i = 0; in_flow && !f->landscape && !f->must_progress && k == 0 && i < N_LARGER;
         i++)
        if (column_pass(f, c, box, larger[i], false, from, &ignored, NULL)) {
            scale = larger[i];
            break;
        }
    f->in_flow = in_flow;
    int used = 0;
    bool all = column_pass(f, c, box, scale, true, from, rest ? rest : &ignored, &used);
    f->fixed_scale = 0;
    if (continues)
        *continues = !all;
    return used;
}

static bool is_continuation(const struct lf_page *p)
{
    return p->from.block > 0 || p->from.offset > 0;
}

/* A slide's flow positions outside this file count the column's blocks
 * from 1: {0, 0} is the slide's first page, {1, 0} a continuation that
 * starts with the column's first block (the first page had room for the
 * head only). So every continuation differs from the first page, and a
 * page always moves the flow on. */
static struct lf_flow_pos flow_start(const struct lf_page *p)
{
    return p->from.block ? (struct lf_flow_pos){p->from.block - 1, p->from.offset}
                         : (struct lf_flow_pos){0, 0};
}

/* The main column of a slide in box from where the page starts; sets
 * r->continues and r->rest. Returns the height used. */
static int flow(struct frame *f, const struct column *c, struct lf_box box,
                const struct lf_page *p, struct lf_page_result *r)
{
    if (box.h < 0)
        box.h = 0;
    f->must_progress = is_continuation(p); /* the first page may hold the head alone */
    f->in_flow = true;
    int used = column(f, c, box, flow_start(p), &r->continues, &r->rest);
    f->must_progress = false;
    f->in_flow = false;
    if (r->continues)
        r->rest.block++;
    return used;
}

/* A card (panel) of the given height behind what is drawn next. */
static int card_padding(const struct frame *f)
{
    return spacing(f, 32);
}

/* ---- pieces shared by several slides ---------------------------------- */

/* ---- when an event is ---------------------------------------------------- */

/* The last day an occurrence touches (its end is not included). */
static time_t last_moment(const struct lf_slide *sl)
{
    return sl->end > sl->start ? sl->end - 1 : sl->start;
}

/* Running now and begun on an earlier day: the badge and the time say
 * until when, not a start weeks ago. */
static bool runs_since_before_today(const struct frame *f, const struct lf_slide *sl)
{
    time_t now = f->v->now;
    if (f->v->clock_unknown || !(sl->start <= now && now < sl->end))
        return false;
    struct tm n;
    lf_local_time(now, &n);
    return sl->start < lf_local_make(n.tm_year + 1900, n.tm_mon + 1, n.tm_mday, 0, 0);
}

static bool same_local_day(time_t a, time_t b)
{
    struct tm x, y;
    lf_local_time(a, &x);
    lf_local_time(b, &y);
    return x.tm_year == y.tm_year && x.tm_yday == y.tm_yday;
}


static bool list_date_needs_year(const struct frame *f, time_t t)
{
    if (f->v->clock_unknown)
        return true;
    double away = difftime(t, f->v->now);
    return away > LF_YEAR_FROM_DAYS * 86400.0 || away < -LF_YEAR_FROM_DAYS * 86400.0;
}

/* A list's day: "21. März", or with its year when far away */
static enum lf_date_style list_day_style(const struct frame *f, time_t t)
{
    return list_date_needs_year(f, t) ? LF_DATE_DAY_MONTH_YEAR : LF_DATE_DAY_MONTH;
}

/* A list's span of days, the year at its end when either end is far away */
static enum lf_span_form list_span_form(const struct frame *f, time_t from, time_t to)
{
    return list_date_needs_year(f, from) || list_date_needs_year(f, to) ? LF_SPAN_SHORT_YEAR
                                                                        : LF_SPAN_SHORT;
}

/* When an event is, for its slide (long: with weekday and year) or a list
 * entry (compact), both ends of a span written the same way:
 *   "Samstag, 21. März 2027  ·  18:00 – 20:00 Uhr", "Samstag, 21. März 2027  ·  ganztägig",
 *   "Freitag, 5. März, 18:00 Uhr – Sonntag, 7. März 2027, 13:00 Uhr" (compact: "5. März,
 *   18:00 Uhr – 7. März, 13:00 Uhr"), "Montag, 15. März – Sonntag, 28. März 2027",
 *   running since an earlier day: "bis Sonntag, 28. März 2027  ·  20:00 Uhr", "bis 28. März". */
static void event_when_text(const struct frame *f, const struct lf_slide *sl, bool compact,
                            char *buf, size_t size)
{
    const char *lang = f->v->lang;
    char a[128], range[160];
    bool days = lf_slide_whole_days(sl);
    time_t last = last_moment(sl);
    enum lf_date_style day_style = compact ? list_day_style(f, last) : LF_DATE_LONG;
    enum lf_span_form span = compact ? list_span_form(f, sl->start, last) : LF_SPAN_LONG;
    if (runs_since_before_today(f, sl)) {
        char until[192], t[32];
        lf_format_date(lang, last, day_style, a, sizeof(a));
        if (days) {
            snprintf(until, sizeof(until), "%s", a);
        } else {
            /* one moment as the language writes a time ("18:00 Uhr") */
            lf_format_clock(lang, sl->end, t, sizeof(t));
            snprintf(until, sizeof(until), "%s%s%s", a, compact ? lf_list_comma(lang) : "  ·  ",
                     t);
        }
        snprintf(buf, size, lf_phrase(lang, LF_P_UNTIL), until);
        lf_frame_bind_times(buf, size);
        return;
    }
    if (days) {
        if (same_local_day(sl->start, last)) {
            lf_format_date(lang, sl->start, day_style, a, sizeof(a));
            snprintf(buf, size, "%s%s%s", a, compact ? lf_list_comma(lang) : "  ·  ",
                     lf_phrase(lang, LF_P_ALL_DAY));
        } else {
            lf_format_day_span(lang, sl->start, last, span, false, buf, size);
        }
        return;
    }
    lf_format_time_range(lang, sl->start, sl->end, range, sizeof(range));
    lf_frame_bind_times(range, sizeof(range));
    if (same_local_day(sl->start, last)) {
        lf_format_date(lang, sl->start, day_style, a, sizeof(a));
        snprintf(buf, size, "%s%s%s", a, compact ? lf_list_comma(lang) : "  ·  ", range);
    } else { /* several days: both ends with their day and time */
        lf_format_day_span(lang, sl->start, sl->end, span, true, buf, size);
        lf_frame_bind_times(buf, size);
    }
}

/* ... with a day and its month, a time and its word kept on one line */
static void event_when(const struct frame *f, const struct lf_slide *sl, bool compact,
                       char *buf, size_t size)
{
    event_when_text(f, sl, compact, buf, size);
    lf_frame_bind_dates(buf, size);
}

/* The date badge of an event: weekday, big day number, month; compact
 * (lists): day number and short month. `until`: an event running since an
 * earlier day shows its last day, headed "bis Fr" ("until Fri"). Text
 * sizes follow the badge. */
static void date_badge(struct frame *f, struct lf_box b, time_t when, struct lf_rgba fill,
                       bool compact, bool until)
{
    char wd[64], day[8], month[64];
    lf_format_date(f->v->lang, when, LF_DATE_WEEKDAY_SHORT, wd, sizeof(wd));
    if (until) {
        /* "bis Fr"; in the small badge "bis" alone (the entry's text names
         * the day): the phrase without its day, spaces and colon tidied */
        char w[64];
        snprintf(w, sizeof(w), "%s", compact ? "" : wd);
        snprintf(wd, sizeof(wd), lf_phrase(f->v->lang, LF_P_UNTIL), w);
        size_t o = 0;
        for (size_t i = 0; wd[i]; i++)
            if (!(wd[i] == ' ' && (o == 0 || wd[o - 1] == ' ')))
                wd[o++] = wd[i];
        while (o > 0 && (wd[o - 1] == ' ' || wd[o - 1] == ':'))
            o--;
        wd[o] = '\0';
    }
    struct tm tm;
    lf_local_time(when, &tm);
    snprintf(day, sizeof(day), "%d", tm.tm_mday);
    lf_format_date(f->v->lang, when, compact ? LF_DATE_MONTH_SHORT : LF_DATE_MONTH, month,
                   sizeof(month));

    lf_scene_rect(f->s, b, fill, lf_frame_scaled(f, compact ? 12 : 18));
    const char *lines[3] = {wd, day, month};
    /* a small "until" badge is LIST_UNTIL_PERCENT taller, for its third line */
    int small = (int)(b.h * (compact ? (until ? 0.16 : 0.22) : 0.13));
    int sizes[3] = {small, (int)(b.h * (compact ? (until ? 0.34 : 0.46) : 0.40)), small};
    int first = compact && !until ? 1 : 0;
    struct lf_wrapped wr[3];
    int total = 0;
    for (;;) {
        total = 0;
        for (int i = first; i < 3; i++) {
            lf_frame_set_text(f, LF_FACE_BOLD, lines[i], b.w - b.w / 8,
                              lf_frame_line_height(f, LF_FACE_BOLD, sizes[i]), sizes[i], 1, &wr[i]);
            total += lf_wrapped_height(&wr[i]);
        }
        /* a script with tall lines (Arabic month names under the day):
         * the day number gives way, the lines stay inside the badge */
        if (total <= b.h - b.h / 12 || sizes[1] <= small)
            break;
        sizes[1] = sizes[1] * 9 / 10;
    }
    int y = b.y + (b.h - total) / 2;
    for (int i = first; i < 3; i++) {
        for (size_t l = 0; l < wr[i].n; l++) {
            const struct lf_line *ln = &wr[i].lines[l];
            struct lf_box tb = {b.x + (b.w - ln->width) / 2, y, ln->width, wr[i].line_height};
            lf_frame_line_op(f, tb, lines[i], ln, LF_FACE_BOLD, wr[i].px, f->t->on_accent, f->rtl);
            y += wr[i].line_height;
        }
    }
}

/* The fill of the "Abgesagt" chip: the urgent red, or where that is the
 * events' own colour (high contrast: both yellow) the "closed" colour. */
static struct lf_rgba cancelled_fill(const struct frame *f)
{
    struct lf_rgba u = f->t->urgent, a = f->t->accent[LF_CAT_EVENTS];
    return u.r == a.r && u.g == a.g && u.b == a.b ? f->t->closed : u;
}

/* Chips (tags, "every year", "happening now") in rows, at most `limit`
 * of them, as many as fit into max_h; *shown says how many. Returns the
 * height taken, gap included (0 without chips). */
static int chip_row(struct frame *f, const char *const *labels, size_t n, int x, int y, int w,
                    struct lf_rgba fill, bool first_alarm, int max_h, size_t *shown)
{
    *shown = 0;
    if (n == 0)
        return 0;
    int px = lf_frame_text_px(f, BASE_LABEL);
    int cx = x, cy = y, gap = lf_frame_scaled(f, 14), row_h = 0;
    for (size_t i = 0; i < n; i++) {
        struct lf_wrapped wr;
        struct lf_box size = lf_frame_chip_size(f, labels[i], px, x + w - cx, &wr);
        if (cx > x && (cx + size.w > x + w || wr.n > 1)) {
            cx = x;
            cy += row_h + gap;
            row_h = 0;
            size = lf_frame_chip_size(f, labels[i], px, w, &wr);
        }
        if (cy + size.h > y + max_h)
            break;
        /* "Abgesagt": in the alarm colour of urgent notices, not the accent */
        struct lf_box b = lf_frame_chip(f, labels[i], cx, cy, px,
                                        i == 0 && first_alarm ? cancelled_fill(f) : fill,
                                        f->t->on_accent, x + w - cx);
        cx += b.w + gap;
        if (b.h > row_h)
            row_h = b.h;
        *shown = i + 1;
    }
    if (*shown == 0)
        return 0;
    return cy - y + row_h + spacing(f, BASE_GAP);
}

/* A line through each line of wrapped text (a cancelled event's title),
 * thin enough that the words stay readable. */
/* rtl: the text's direction (lf_frame_emit_paragraph places its lines) */
static void strike_through(struct frame *f, const struct lf_wrapped *wr, int x, int y,
                           struct lf_rgba color, bool rtl)
{
    int thick = wr->px / 14 > 2 ? wr->px / 14 : 2;
    for (size_t i = 0; i < wr->n; i++)
        lf_scene_rect(f->s, (struct lf_box){x + (rtl != f->rtl && wr->max_w > wr->lines[i].width
                                                     ? wr->max_w - wr->lines[i].width : 0),
                                            y + (int)i * wr->line_height + wr->line_height * 11 / 20 - thick / 2,
                                            wr->lines[i].width, thick}, color, 0);
}

/* The "auf Deutsch" marker when a title is a German stand-in. */
static int fallback_marker(struct frame *f, bool fallback, int x, int y, int w)
{
    if (!fallback || strncmp(f->v->lang, "de", 2) == 0)
        return 0;
    struct lf_box b = lf_frame_chip(f, lf_phrase(f->v->lang, LF_P_IN_GERMAN), x, y,
                           lf_frame_text_px(f, BASE_LABEL * 0.9), f->t->ink_soft, f->t->page, w);
    return b.h + lf_frame_scaled(f, 10);
}

static void image_path(const struct frame *f, const struct lf_item *it, char *path, size_t size)
{
    snprintf(path, size, "%s/%s", f->v->bundle->dir ? f->v->bundle->dir : ".", it->image);
}

/* The picture's width / height as it is shown; a poster's 3:4 when the
 * measure cannot tell. */
static double image_aspect(const struct frame *f, const struct lf_item *it)
{
    char path[2 * LF_MAX_PATH_BYTES + 2];
    int w = 0, h = 0;
    image_path(f, it, path, sizeof(path));
    if (f->m.image_size && f->m.image_size(f->m.ctx, path, &w, &h) && w > 0 && h > 0)
        return (double)w / h;
    return 0.75;
}

/* The largest box of the proportion `aspect` inside `box`, centred. */
static struct lf_box fit_aspect(struct lf_box box, double aspect)
{
    int w = box.w, h = (int)lround(box.w / aspect);
    if (h > box.h) {
        h = box.h;
        w = (int)lround(box.h * aspect);
    }
    if (w < 1)
        w = 1;
    if (h < 1)
        h = 1;
    return (struct lf_box){box.x + (box.w - w) / 2, box.y + (box.h - h) / 2, w, h};
}

/* An item's image, its file found in the bundle folder: in its own
 * proportions, as large as fits `box`, centred in it. */
static void image_op(struct frame *f, struct lf_box box, const struct lf_item *it)
{
    char path[2 * LF_MAX_PATH_BYTES + 2];
    image_path(f, it, path, sizeof(path));
    lf_scene_image(f->s, fit_aspect(box, image_aspect(f, it)), path);
}

/* Whether the item's picture is a banner or a strip of its own
 * (LF_WIDE_PICTURE) rather than in the slide's design. */
static bool picture_apart(const struct frame *f, const struct lf_item *it)
{
    if (!it || !it->image)
        return false;
    double a = image_aspect(f, it);
    return a >= LF_WIDE_PICTURE || a * LF_WIDE_PICTURE <= 1.0;
}

/* The content box less a banner or strip picture (picture_apart), which
 * goes to *picture when not NULL (w 0: none): every page of the slide
 * lays out its text in the same box. */
static struct lf_box slide_box(const struct frame *f, const struct lf_item *it,
                               struct lf_box *picture)
{
    struct lf_box box = lf_layout_content_box(f->v), pic = {0, 0, 0, 0};
    if (picture_apart(f, it)) {
        double a = image_aspect(f, it);
        int gap = spacing(f, BASE_GAP * 1.5);
        if (a >= LF_WIDE_PICTURE) {
            /* a banner across the foot of the slide */
            int h = (int)lround(box.w / a), most = (int)(box.h * LF_BANNER_MAX_HEIGHT);
            pic = (struct lf_box){box.x, box.y + box.h - (h < most ? h : most), box.w,
                                  h < most ? h : most};
            box.h -= pic.h + gap;
        } else {
            /* a strip at the end edge, from the top */
            int w = (int)lround(box.h * a), most = (int)(box.w * LF_STRIP_MAX_WIDTH);
            pic = (struct lf_box){box.x + box.w - (w < most ? w : most), box.y,
                                  w < most ? w : most, box.h};
            box.w -= pic.w + gap;
        }
        pic = fit_aspect(pic, a);
        if (a < 1.0)
            pic.y = box.y; /* the strip from the top */
    }
    if (picture)
        *picture = pic;
    return box;
}

/* ---- formatting ---------------------------------------------------------- */

/* "Mo – Fr", "Mo, Mi, Do" */
static void format_days(const char *lang, uint8_t days, char *buf, size_t size)
{
    /* 2024-01-01 was a Monday: name the weekdays through real dates */
    time_t monday = lf_local_make(2024, 1, 1, 12, 0);
    const char *sep = lf_list_comma(lang);
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
            n = snprintf(buf + len, size - len, "%s%s – %s", len ? sep : "", a, b);
        else if (e == d + 1)
            n = snprintf(buf + len, size - len, "%s%s%s%s", len ? sep : "", a, sep, b);
        else
            n = snprintf(buf + len, size - len, "%s%s", len ? sep : "", a);
        if (n < 0 || (size_t)n >= size - len)
            return;
        len += (size_t)n;
        d = e;
    }
}

/* The hours as a table a visitor reads in the order of the week: each
 * day's ranges sorted and overlapping ones merged, days with the same
 * ranges on one line ("Mo – Fr  09:00 – 12:00, 14:00 – 16:00"), lines in
 * the order of their first day. The same weekday never shows twice. */
struct day_hours {
    size_t n;
    int16_t from[LF_MAX_HOURS_RANGES], to[LF_MAX_HOURS_RANGES];
};

static void format_hours(const char *lang, const struct lf_opening_hours *h, char *buf,
                         size_t size)
{
    struct day_hours days[7] = {{0}};
    for (int d = 0; d < 7; d++) {
        struct day_hours *dh = &days[d];
        for (size_t i = 0; i < h->n; i++) {
            const struct lf_hours_range *r = &h->ranges[i];
            if (!(r->weekdays & (1u << d)))
                continue;
            /* insert sorted by start, merging with what it overlaps or touches */
            int16_t from = r->from_min, to = r->to_min;
            size_t k = 0;
            while (k < dh->n) {
                if (dh->to[k] >= from && dh->from[k] <= to) {
                    if (dh->from[k] < from)
                        from = dh->from[k];
                    if (dh->to[k] > to)
                        to = dh->to[k];
                    memmove(&dh->from[k], &dh->from[k + 1], (dh->n - k - 1) * sizeof(int16_t));
                    memmove(&dh->to[k], &dh->to[k + 1], (dh->n - k - 1) * sizeof(int16_t));
                    dh->n--;
                    continue;
                }
                k++;
            }
            for (k = 0; k < dh->n && dh->from[k] < from; k++)
                ;
            memmove(&dh->from[k + 1], &dh->from[k], (dh->n - k) * sizeof(int16_t));
            memmove(&dh->to[k + 1], &dh->to[k], (dh->n - k) * sizeof(int16_t));
            dh->from[k] = from;
            dh->to[k] = to;
            dh->n++;
        }
    }
    size_t len = 0;
    bool done[7] = {false};
    buf[0] = '\0';
    const char *comma = lf_list_comma(lang);
    for (int d = 0; d < 7; d++) {
        if (done[d] || days[d].n == 0)
            continue;
        uint8_t mask = 0;
        for (int e = d; e < 7; e++)
            if (!done[e] && days[e].n == days[d].n &&
                memcmp(days[e].from, days[d].from, days[d].n * sizeof(int16_t)) == 0 &&
                memcmp(days[e].to, days[d].to, days[d].n * sizeof(int16_t)) == 0) {
                mask |= (uint8_t)(1u << e);
                done[e] = true;
            }
        char names[160];
        format_days(lang, mask, names, sizeof(names));
        /* the day's ranges, then the language's clock ("… 16:00 Uhr") */
        char ranges[LF_MAX_HOURS_RANGES * 24] = "";
        size_t rl = 0;
        for (size_t k = 0; k < days[d].n; k++) {
            const struct day_hours *dh = &days[d];
            int m = snprintf(ranges + rl, sizeof(ranges) - rl, "%s%02d:%02d – %02d:%02d",
                             k ? comma : "", dh->from[k] / 60, dh->from[k] % 60, dh->to[k] / 60,
                             dh->to[k] % 60);
            if (m < 0 || (size_t)m >= sizeof(ranges) - rl)
                break;
            rl += (size_t)m;
        }
        char clock[sizeof(ranges) + 64];
        snprintf(clock, sizeof(clock), lf_phrase(lang, LF_P_CLOCK), ranges);
        int n = snprintf(buf + len, size - len, "%s%s  %s", len ? "\n" : "", names, clock);
        if (n < 0 || (size_t)n >= size - len)
            return;
        len += (size_t)n;
    }
}

/* "Jetzt geöffnet, bis 14:00 Uhr" / "Öffnet Montag um 09:00 Uhr". False
 * when there are no hours. */
static bool open_status_text(const struct frame *f, const struct lf_opening_hours *h,
                             char *buf, size_t size, bool *open)
{
    if (f->v->clock_unknown) /* open or closed: not said by a clock not set */
        return false;
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
    const char *room = lf_frame_pick(f, &it->room, NULL);
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

/* ---- the slides --------------------------------------------------------- */

/* The head of an item slide: chips, the German-stand-in marker, the
 * title, and for events the date line. It takes at most max_h; chips and
 * the part of the title it has no room for continue at the top of the
 * slide's text (head_fit decides that once, head_rest adds the blocks). */
struct head {
    const char *chips[LF_MAX_TAGS + 4];
    size_t n_chips;
    const char *title;
    bool fallback;
    struct lf_rgba accent;
    const char *when;       /* events: date and time under the title */
    bool cancelled;         /* the first chip says so in red, the title struck through */
    /* set by head_fit */
    bool fitted;
    size_t chips_shown;     /* the first chips_shown chips are in the head */
    size_t title_shown;     /* bytes of the title in the head */
    int title_px;           /* its size */
    char chips_rest[(LF_MAX_TAGS + 4) * (LF_MAX_STRING_BYTES + 8)]; /* "a  ·  b" */
};

/* Wraps into at most max_lines lines; when text is left over and the
 * last line ends inside a word, that line goes with the rest (a title
 * continued below something else is never cut inside a word). */
static void wrap_whole_words(const struct frame *f, enum lf_face face, int px, const char *text,
                             int w, size_t max_lines, struct lf_wrapped *wr)
{
    lf_wrap(&f->m, face, px, text, w, max_lines, wr);
    while (wr->rest) {
        char before = text[wr->rest - 1];
        if (before == ' ' || before == '\n' || before == '-')
            return;
        if (wr->n <= 1) { /* one word, too long for the room: all of it goes on */
            wr->n = 0;
            wr->rest = 0;
            wr->split_word = true;
            return;
        }
        lf_wrap(&f->m, face, px, text, w, wr->n - 1, wr);
    }
}

/* The smallest size of a title: never smaller than the text under it
 * (in portrait, which sets text that fits larger, than its largest size). */
static int title_min_px(const struct frame *f, int when_px)
{
    int px = lf_frame_text_px(f, BASE_TITLE_MIN * 0.75);
    int body = lf_frame_text_px(f, BASE_BODY * (f->landscape ? 1.0 : PORTRAIT_MOST)) +
               lf_frame_scaled(f, 2);
    if (px < body)
        px = body;
    if (px < when_px + lf_frame_scaled(f, 4))
        px = when_px + lf_frame_scaled(f, 4);
    return px;
}

static int head_block(struct frame *f, struct head *h, int x, int y, int w, int max_h)
{
    int y0 = y, gap = spacing(f, BASE_GAP);
    int when_h = 0, when_px = 0;
    struct lf_wrapped wr;
    if (h->when) {
        int px = lf_frame_text_px(f, BASE_META * 0.9);
        lf_frame_set_text(f, LF_FACE_BOLD, h->when, w, 2 * lf_frame_line_height(f, LF_FACE_BOLD, px), px, 2, &wr);
        when_h = lf_wrapped_height(&wr) + gap;
        when_px = wr.px;
    }
    int title_min = title_min_px(f, when_px);
    int lh_min = lf_frame_line_height(f, LF_FACE_BOLD, title_min);
    int marker_h = 0;
    if (h->fallback && strncmp(f->v->lang, "de", 2) != 0) {
        struct lf_wrapped mw;
        marker_h = lf_frame_chip_size(f, lf_phrase(f->v->lang, LF_P_IN_GERMAN),
                                      lf_frame_text_px(f, BASE_LABEL * 0.9), w, &mw).h +
                   lf_frame_scaled(f, 10);
    }
    size_t shown;
    int chips_room = h->fitted ? UNBOUNDED : max_h - when_h - marker_h - lh_min - gap;
    y += chip_row(f, h->chips, h->fitted ? h->chips_shown : h->n_chips, x, y, w, h->accent,
                  h->cancelled, chips_room, &shown);
    if (!h->fitted)
        h->chips_shown = shown;
    y += fallback_marker(f, h->fallback, x, y, w);

    static char title[LF_MAX_STRING_BYTES + 1];
    size_t tlen = strlen(h->title);
    if (h->fitted && h->title_shown < tlen)
        tlen = h->title_shown;
    snprintf(title, sizeof(title), "%.*s", (int)tlen, h->title);
    int room = y0 + max_h - y - when_h;
    struct lf_wrapped tw;
    if (h->fitted) {
        if (!lf_fit(&f->m, LF_FACE_BOLD, title, w, room > lh_min ? room : lh_min,
                    title_max_px(f), title_min, LF_MAX_WRAP_LINES, &tw))
            lf_wrap(&f->m, LF_FACE_BOLD, title_min, title, w, LF_MAX_WRAP_LINES, &tw);
    } else if (lf_fit(&f->m, LF_FACE_BOLD, title, w, room,
                      title_max_px(f), title_min, 4, &tw)) {
        h->title_shown = tlen;
    } else {
        /* at the smallest size, as many lines as there is room for */
        size_t lines = room > lh_min ? (size_t)(room / lh_min) : 1;
        wrap_whole_words(f, LF_FACE_BOLD, title_min, title, w, lines, &tw);
        h->title_shown = tw.rest ? tw.rest : tw.n ? tlen : 0;
    }
    if (!h->fitted)
        h->title_px = tw.px;
    if (h->cancelled)
        strike_through(f, &tw, x, y, f->t->ink_soft, lf_frame_text_rtl(f, title, h->fallback));
    y += lf_frame_emit_paragraph(f, &tw, title, x, y, LF_FACE_BOLD,
                                 h->cancelled ? f->t->ink_soft : f->t->ink,
                                 lf_frame_text_rtl(f, title, h->fallback)) + gap;
    if (h->when)
        y += lf_frame_emit(f, &wr, h->when, x, y, LF_FACE_BOLD, h->accent, f->rtl) + gap;
    return y - y0;
}

/* Measures a head by laying it out into a throwaway scene. */
static int head_height(struct frame *f, struct head *h, int w, int max_h)
{
    struct lf_scene *real = f->s;
    size_t chars = f->chars;
    f->s = lf_scene_create();
    int height = head_block(f, h, 0, 0, w, max_h);
    lf_scene_destroy(f->s);
    f->s = real;
    f->chars = chars;
    return height;
}

/* Decides once, for the narrowest the head can be, which chips and how
 * much of the title the head holds; every page of the slide then builds
 * the same flow. */
static void head_fit(struct frame *f, struct head *h, int w, int max_h, int flow_w, int flow_h)
{
    h->fitted = false;
    head_height(f, h, w, max_h);
    h->fitted = true;
    size_t len = strlen(h->title);
    if (h->title_shown >= len)
        return;
    /* a title the head has no room for goes whole to the top of the text,
     * as wide as the text and as large as fits there: it reads in one piece */
    struct lf_wrapped wr;
    int title_min = title_min_px(f, 0);
    h->title_shown = 0;
    h->title_px = lf_fit(&f->m, LF_FACE_BOLD, h->title, flow_w, flow_h, title_max_px(f),
                         title_min, LF_MAX_WRAP_LINES, &wr) && !wr.split_word
                      ? wr.px
                      : title_min;
}

/* What the head had no room for, as the first blocks of the text: the
 * rest of the title at the head's title size, the chips left over. */
static void head_rest(const struct frame *f, struct head *h, struct column *c)
{
    struct column rest = {.n = 0};
    if (h->title_shown < strlen(h->title))
        add_block(&rest, (struct block){.text = h->title + h->title_shown, .face = LF_FACE_BOLD,
                                        .ltr = h->fallback,
                                        .color = h->cancelled ? f->t->ink_soft : f->t->ink,
                                        .struck = h->cancelled, .px = h->title_px});
    size_t len = 0;
    h->chips_rest[0] = '\0';
    for (size_t i = h->chips_shown; i < h->n_chips; i++) {
        int k = snprintf(h->chips_rest + len, sizeof(h->chips_rest) - len, "%s%s",
                         len ? "  ·  " : "", h->chips[i]);
        if (k < 0 || (size_t)k >= sizeof(h->chips_rest) - len)
            break;
        len += (size_t)k;
    }
    add_block(&rest, (struct block){.text = h->chips_rest, .face = LF_FACE_BOLD,
                                    .base_px = BASE_LABEL, .color = h->accent});
    append_blocks(&rest, c);
    *c = rest;
}

/* Texts an event slide formats itself, alive while it is laid out. */
struct event_texts {
    char when[512];
    char where[2 * LF_MAX_STRING_BYTES + 8];
    char reach[3 * LF_MAX_STRING_BYTES];
    char qr[LF_MAX_QR_PAYLOAD + 1];
};

/* The event's blocks: when and where lead the main column; registration
 * and organiser go on the side card in landscape. */
static void event_blocks(struct frame *f, const struct lf_slide *sl, struct event_texts *t,
                         struct column *main, struct column *card)
{
    const struct lf_item *it = sl->item;
    const char *lang = f->v->lang;
    struct lf_rgba accent = f->t->accent[LF_CAT_EVENTS];
    event_when(f, sl, false, t->when, sizeof(t->when));
    const char *place = lf_frame_pick(f, &it->place, NULL), *room = lf_frame_pick(f, &it->room, NULL);
    snprintf(t->where, sizeof(t->where), "%s%s%s", place ? place : "", place && room ? ", " : "",
             room ? room : "");
    /* phone, e-mail and web address as text (not only in the QR code:
     * visitors without a smartphone read them), under the registration
     * text unless it names them */
    const char *reg = lf_frame_pick(f, &it->registration, NULL);
    const char *email = it->email && !(reg && strstr(reg, it->email)) ? it->email : NULL;
    const char *phone = it->phone && !(reg && strstr(reg, it->phone)) ? it->phone : NULL;
    const char *url = it->url && !(reg && strstr(reg, it->url)) ? it->url : NULL;
    snprintf(t->reach, sizeof(t->reach), "%s%s%s%s%s", phone ? phone : "",
             phone && (email || url) ? "\n" : "", email ? email : "", email && url ? "\n" : "",
             url ? url : "");
    *main = (struct column){.n = 0};
    *card = (struct column){.n = 0};
    /* when: under the title, beside the date badge (event_page) */
    add_plain(main, lf_phrase(lang, LF_P_WHERE), t->where, BASE_META, accent);
    if (t->where[0])
        add_joined_data(main, it->address, BASE_META);
    else
        add_data(main, lf_phrase(lang, LF_P_WHERE), it->address, BASE_META, accent);
    add_text(main, f, NULL, &it->summary, LF_FACE_REGULAR, BASE_BODY, f->t->ink_soft);
    if (lf_text_present(&it->registration)) {
        add_text(card, f, lf_phrase(lang, LF_P_REGISTRATION), &it->registration,
                 LF_FACE_REGULAR, BASE_META, accent);
        add_joined_data(card, t->reach, BASE_META);
    } else {
        add_data(card, lf_phrase(lang, LF_P_CONTACT), t->reach, BASE_META, accent);
    }
    add_text(card, f, lf_phrase(lang, LF_P_ORGANISER), &it->organiser, LF_FACE_REGULAR,
             BASE_META, accent);
    if (!lf_qr_payload(it, lang, t->qr, sizeof(t->qr)))
        t->qr[0] = '\0';
    add_qr(card, f, t->qr, NULL);
}

static void event_head(struct frame *f, const struct lf_slide *sl, const char *when,
                       struct head *h)
{
    const struct lf_item *it = sl->item;
    *h = (struct head){.accent = f->t->accent[LF_CAT_EVENTS], .when = when};
    h->title = lf_frame_pick(f, &it->title, &h->fallback);
    h->cancelled = it->cancelled;
    if (it->cancelled)
        h->chips[h->n_chips++] = lf_phrase(f->v->lang, LF_P_CANCELLED);
    else if (sl->start <= f->v->now && !f->v->clock_unknown)
        h->chips[h->n_chips++] = lf_phrase(f->v->lang, LF_P_RUNNING_NOW);
    for (size_t i = 0; i < it->n_tags; i++)
        h->chips[h->n_chips++] = lf_frame_pick(f, &it->tags[i], NULL);
    if (it->recurrence == LF_RECUR_YEARLY)
        h->chips[h->n_chips++] = lf_phrase(f->v->lang, LF_P_YEARLY);
}

static struct lf_box event_badge_box(const struct frame *f, struct lf_box left)
{
    return (struct lf_box){left.x, left.y, lf_frame_scaled(f, f->landscape ? 240 : 230),
                           lf_frame_scaled(f, f->landscape ? 280 : 270)};
}

/* The head (badge, chips, title, when) at the top of `left`; returns the
 * y where the main column begins. Emits it only when do_emit. */
static int event_top(struct frame *f, struct head *h, struct lf_box left, int max_h,
                     bool do_emit)
{
    int gap = spacing(f, 40);
    struct lf_box badge = event_badge_box(f, left);
    int hx = badge.x + badge.w + gap, hw = left.x + left.w - hx;
    int y = left.y + (do_emit ? head_block(f, h, hx, left.y, hw, max_h)
                              : head_height(f, h, hw, max_h));
    if (y < badge.y + badge.h + gap)
        y = badge.y + badge.h + gap;
    return y;
}

static void event_page(struct frame *f, struct lf_box area, const struct lf_page *p,
                       struct lf_page_result *r)
{
    const struct lf_slide *sl = p->slide;
    const struct lf_item *it = sl->item;
    struct lf_rgba accent = f->t->accent[LF_CAT_EVENTS];
    int gap = spacing(f, 40), pad = card_padding(f);
    struct event_texts texts;
    struct column main, card;
    event_blocks(f, sl, &texts, &main, &card);
    struct head h;
    event_head(f, sl, texts.when, &h);
    if (!h.fallback && (column_in_german(&main) || column_in_german(&card)))
        h.chips[h.n_chips++] = lf_phrase(f->v->lang, LF_P_IN_GERMAN);
    bool has_image = it->image != NULL && !picture_apart(f, it);
    struct lf_box full = slide_box(f, it, NULL);
    int right_w = full.w * 36 / 100;
    int head_max = f->landscape ? full.h * 48 / 100 : full.h / 4;
    /* the head beside the badge, as narrow as it can be; what it has no
     * room for leads the text */
    head_fit(f, &h, full.w - (f->landscape ? right_w + gap : 0) -
                        event_badge_box(f, full).w - lf_frame_scaled(f, 40), head_max,
             full.w - (f->landscape ? right_w + gap : 0), full.h / 3);
    head_rest(f, &h, &main);

    /* landscape: a right column with the poster over a card; the card
     * only when it fits whole, else its blocks follow the main text. The
     * QR code leaves the card first; when the main text then no longer
     * fits on one page at 90 % size or more, the poster gives way to the
     * card with the code (the code is information, the poster decoration).
     * Decided on the whole content box, so every page of the slide
     * (continuations have a heading) builds the same flow. */
    int card_h = 0, card_k = -1;
    struct column qr_only = {.n = 0};
    if (f->landscape && card.n) {
        int room = full.h - 2 * pad - (has_image ? lf_frame_scaled(f, 220) + gap : 0);
        struct lf_box in = {0, 0, right_w - 2 * pad, room};
        card_k = column_scale(f, &card, in);
        if (card_k < 0 && card.b[card.n - 1].qr && card.n > 1) {
            /* without its QR code the card may fit: the code then follows the text */
            struct block qr = card.b[--card.n];
            card_k = column_scale(f, &card, in);
            struct column with_qr = main;
            add_block(&with_qr, qr);
            struct lf_box left = full;
            left.w = full.w - right_w - gap;
            int top = event_top(f, &h, left, head_max, false);
            struct lf_box col = {left.x, top, left.w, full.y + full.h - top};
            int with_qr_k = column_scale(f, &with_qr, col);
            if (has_image && (with_qr_k < 0 || with_qr_k > 1)) {
                card.b[card.n++] = qr;
                in.h = full.h - 2 * pad;
                int k = column_scale(f, &card, in);
                if (k >= 0) {
                    has_image = false;
                    card_k = k;
                } else {
                    card.n--;
                }
            }
            if (!card.b[card.n - 1].qr)
                qr_only.b[qr_only.n++] = qr;
        }
        if (card_k >= 0)
            card_h = column_height_in(f, &card, right_w - 2 * pad, in.h, scales[card_k]) + 2 * pad;
    }
    if (card_k < 0)
        append_blocks(&main, &card);
    append_blocks(&main, &qr_only);
    bool right_col = f->landscape && (card_k >= 0 || has_image);

    if (is_continuation(p)) {
        flow(f, &main, area, p, r);
        return;
    }

    struct lf_box left = area;
    if (right_col)
        left.w = area.w - right_w - gap;
    bool until = runs_since_before_today(f, sl);
    /* a cancelled event's date in grey: no invitation in the event colour */
    date_badge(f, event_badge_box(f, left), until ? last_moment(sl) : sl->start,
               sl->item->cancelled ? f->t->ink_soft : accent, false, until);
    int y = event_top(f, &h, left, head_max, true);
    struct lf_box col = {left.x, y, left.w, area.y + area.h - y};

    if (right_col) {
        int rx = area.x + area.w - right_w, ry = area.y;
        if (has_image) {
            int ih = area.h - (card_k >= 0 ? card_h + gap : 0);
            if (ih > right_w * 4 / 3)
                ih = right_w * 4 / 3; /* a poster's proportions at most */
            int fitted = (int)lround(right_w / image_aspect(f, it));
            if (ih > fitted)
                ih = fitted; /* a wider picture: the card comes up under it */
            image_op(f, (struct lf_box){rx, ry, right_w, ih}, it);
            ry += ih + gap;
        }
        if (card_k >= 0) {
            lf_scene_rect(f->s, (struct lf_box){rx, ry, right_w, card_h}, f->t->card,
                          lf_frame_scaled(f, 20));
            column(f, &card, (struct lf_box){rx + pad, ry + pad, right_w - 2 * pad, card_h - 2 * pad},
                   (struct lf_flow_pos){0, 0}, NULL, NULL);
        }

    } else if (has_image) {
        /* portrait: the poster under the text. The text first gets
         * the largest size at which it fits beside a poster of a good
         * size; the poster then takes the rest of the height, up to
         * nearly half the page (less when the text needs the room) */
        int ih = area.h / 5, most = area.h * 45 / 100;
        int fitted = (int)lround(col.w / image_aspect(f, it)); /* as wide as the text */
        if (most > fitted)
            most = fitted;
        if (ih > most)
            ih = most;
        static const double sizes[] = {PORTRAIT_LARGER};
        int need = column_height(f, &main, col.w, 1.0);
        for (size_t i = 0; i < N_LARGER; i++) {
            int text_h = column_height(f, &main, col.w, sizes[i]);
            if (col.h - ih - gap >= text_h) {
                need = text_h;
                break;
            }
        }
        if (col.h - gap - need > ih)
            ih = col.h - gap - need < most ? col.h - gap - need : most;
        if (col.h - ih - gap < need)
            ih = col.h - gap - need;
        int least = lf_frame_scaled(f, 180);
        if (ih >= (least < most ? least : most)) {
            /* under the text (the title first, then what and where), in
             * all the height the text leaves, up to nearly half the page */
            struct lf_box text = col;
            text.h -= ih + gap;
            int iy = text.y + flow(f, &main, text, p, r) + gap;
            int room = area.y + area.h - iy;
            image_op(f, (struct lf_box){col.x, iy, col.w, room < most ? room : most}, it);
            return;
        }
    }
    flow(f, &main, col, p, r);
}

/* Texts an offer or contact slide formats itself. */
struct service_texts {
    char hours[4096];
    char contact[5 * LF_MAX_STRING_BYTES + 8];
    char langs[1024];
    char status[256];
    bool open;
    bool has_status;
    char qr[LF_MAX_QR_PAYLOAD + 1];
};

static void service_blocks(struct frame *f, const struct lf_item *it, struct service_texts *t,
                           struct column *main, struct column *card)
{
    const char *lang = f->v->lang;
    enum lf_category cat = it->kind == LF_ITEM_OFFER ? LF_CAT_OFFERS : LF_CAT_CONTACTS;
    struct lf_rgba accent = f->t->accent[cat];
    format_hours(lang, &it->hours, t->hours, sizeof(t->hours));
    format_contact(f, it, t->contact, sizeof(t->contact));
    format_languages(it, t->langs, sizeof(t->langs));
    t->has_status = open_status_text(f, &it->hours, t->status, sizeof(t->status), &t->open);
    lf_frame_bind_times(t->hours, sizeof(t->hours));
    lf_frame_bind_times(t->status, sizeof(t->status));
    *main = (struct column){.n = 0};
    *card = (struct column){.n = 0};
    if (it->kind == LF_ITEM_OFFER) {
        add_text(main, f, NULL, &it->provider, LF_FACE_BOLD, BASE_META, f->t->ink_soft);
        add_text(main, f, NULL, &it->summary, LF_FACE_REGULAR, BASE_BODY, f->t->ink);
        add_text(main, f, lf_phrase(lang, LF_P_AUDIENCE), &it->audience, LF_FACE_REGULAR,
                 BASE_META, accent);
        add_plain(main, lf_phrase(lang, LF_P_LANGUAGES), t->langs, BASE_META, accent);
    } else {
        add_text(main, f, NULL, &it->role, LF_FACE_BOLD, BASE_META, f->t->ink_soft);
        add_text(main, f, NULL, &it->unit, LF_FACE_REGULAR, BASE_META, f->t->ink_soft);
        add_text(main, f, NULL, &it->summary, LF_FACE_REGULAR, BASE_BODY, f->t->ink);
        if (main->n && main->b[main->n - 1].text == lf_frame_pick(f, &it->summary, NULL))
            main->b[main->n - 1].about = true;
    }
    add_plain(card, lf_phrase(lang, LF_P_HOURS), t->hours, BASE_META, accent);
    size_t hours_at = card->n;
    add_text(card, f, NULL, &it->hours.note, LF_FACE_REGULAR, BASE_META * 0.9, f->t->ink_soft);
    if (card->n > hours_at && hours_at > 0)
        card->b[hours_at].note = true;
    add_data(card, lf_phrase(lang, LF_P_CONTACT), t->contact, BASE_META, accent);
    if (!lf_qr_payload(it, lang, t->qr, sizeof(t->qr)))
        t->qr[0] = '\0';
    /* a contact's vCard where it has room, else its web address */
    add_qr(card, f, t->qr, it->kind == LF_ITEM_CONTACT ? it->url : NULL);
}

/* A contact's card in landscape may be as wide as this percentage of the
 * content box (else 40 %). */
#define LF_CONTACT_CARD_MAX_PCT 50

/* The "open now, until 14:00" pill; returns its height (0: no hours).
 * With do_emit false only measured. */
static int status_pill(struct frame *f, const struct service_texts *t, int x, int y, int w,
                       bool do_emit)
{
    if (!t->has_status)
        return 0;
    int px = lf_frame_text_px(f, BASE_META), pad = spacing(f, 16);
    struct lf_wrapped wr;
    lf_frame_set_text(f, LF_FACE_BOLD, t->status, w - 2 * pad, 2 * lf_frame_line_height(f, LF_FACE_BOLD, px), px,
             2, &wr);
    int h = lf_wrapped_height(&wr) + 2 * pad;
    if (do_emit) {
        lf_scene_rect(f->s, (struct lf_box){x, y, w, h}, t->open ? f->t->open : f->t->closed,
                      lf_frame_scaled(f, 14));
        lf_frame_emit(f, &wr, t->status, x + pad, y + pad, LF_FACE_BOLD, f->t->on_accent, f->rtl);
    }
    return h;
}

/* The blocks of an offer's or contact's card in box at a scale, emitted
 * when do_emit. In portrait a QR code at the end stands beside the text,
 * at the end edge with its caption under it, so the card is only as tall
 * as the taller of the two. The height used, -1 when it does not fit. */
static int card_body(struct frame *f, const struct column *card, struct lf_box box, double scale,
                     bool do_emit)
{
    struct lf_flow_pos rest, zero = {0, 0};
    int used = 0;
    const struct block *last = card->n ? &card->b[card->n - 1] : NULL;
    if (f->landscape || !last || !last->qr || card->n < 2)
        return column_pass(f, card, box, scale, do_emit, zero, &rest, &used) ? used : -1;
    /* the code's column: as wide as the code, and as its caption's longest word */
    int code_w = last->qr_side > last->qr_min ? last->qr_side : last->qr_min;
    if (scale > 1.0)
        code_w = (int)(code_w * scale); /* the code grows with the text */
    int px = lf_frame_text_px(f, last->base_px);
    const char *w = last->text;
    while (*w) {
        size_t len = strcspn(w, " ");
        int ww = f->m.width(f->m.ctx, last->face, px, w, len);
        if (ww > code_w)
            code_w = ww;
        w += len + (w[len] == ' ');
    }
    int gap_x = spacing(f, 32);
    struct column text = *card, code = {.n = 1};
    text.n--;
    code.b[0] = *last;
    int text_h = 0, code_h = 0;
    if (box.w - code_w - gap_x < box.w / 2)
        return column_pass(f, card, box, scale, do_emit, zero, &rest, &used) ? used : -1;
    if (!column_pass(f, &text, (struct lf_box){box.x, box.y, box.w - code_w - gap_x, box.h},
                     scale, do_emit, zero, &rest, &text_h) ||
        !column_pass(f, &code, (struct lf_box){box.x + box.w - code_w, box.y, code_w, box.h},
                     scale, do_emit, zero, &rest, &code_h))
        return -1;
    return text_h > code_h ? text_h : code_h;
}

/* Offers and contacts: the text, and a card with "open now", the hours
 * and how to reach them; beside it in landscape, below it in portrait. */
static void service_page(struct frame *f, struct lf_box area, const struct lf_page *p,
                         struct lf_page_result *r)
{
    const struct lf_item *it = p->slide->item;
    enum lf_category cat = it->kind == LF_ITEM_OFFER ? LF_CAT_OFFERS : LF_CAT_CONTACTS;
    int gap = spacing(f, 44), pad = card_padding(f);
    struct service_texts texts;
    struct column main, card;
    service_blocks(f, it, &texts, &main, &card);

    struct head h = {.accent = f->t->accent[cat], .n_chips = 1};
    h.chips[0] = lf_phrase(f->v->lang, cat == LF_CAT_OFFERS ? LF_P_OFFERS : LF_P_CONTACTS);
    h.title = lf_frame_pick(f, &it->title, &h.fallback);
    if (!h.fallback && (column_in_german(&main) || column_in_german(&card)))
        h.chips[h.n_chips++] = lf_phrase(f->v->lang, LF_P_IN_GERMAN);
    int image_side = it->image && !picture_apart(f, it) ? lf_frame_scaled(f, 150) : 0;

    /* where the card goes and at which scale, decided the same way on
     * every page of the slide */
    struct lf_box main_box = area, card_box = area;
    int head_h = 0, card_k = -1, main_k = -1;
    double svc_scale = 0; /* portrait: text and card larger than full size (else 0) */
    bool qr_moved = false;
    /* decided on the whole content box: every page builds the same flow */
    const struct lf_box page_area = area;
    area = slide_box(f, it, NULL);
    main_box = area;
    card_box = area;
    /* landscape: the card 40 % of the width; a contact's wider (up to
     * half) where only then its hours and how to reach them fit on it
     * (near-square screens: at 1080x1080 the hours went to a second page) */
    int card_pct = 40, pill_gap = gap;
    if (f->landscape && cat == LF_CAT_CONTACTS && card.n) {
        struct column sans = card;
        if (sans.b[sans.n - 1].qr)
            sans.n--;
        for (int pct = 40; sans.n && pct <= LF_CONTACT_CARD_MAX_PCT; pct += 5) {
            int in_w = area.w * pct / 100 - 2 * pad;
            int pill = status_pill(f, &texts, 0, 0, in_w, false);
            /* a widened card: its text closer under the pill */
            int pg = pct > 40 ? spacing(f, BASE_GAP) : gap;
            if (column_scale(f, &sans, (struct lf_box){0, 0, in_w,
                                                       area.h - 2 * pad - pill - pg}) >= 0) {
                card_pct = pct;
                pill_gap = pg;
                break;
            }
        }
    }
    head_fit(f, &h, area.w - (f->landscape ? area.w * card_pct / 100 + gap : 0) - image_side,
             f->landscape ? area.h / 3 : area.h / 4,
             area.w - (f->landscape ? area.w * card_pct / 100 + gap : 0), area.h / 3);
    head_rest(f, &h, &main);
    for (int attempt = 0; attempt < 2; attempt++) {
        card_k = main_k = -1;
        svc_scale = 0;
        if (f->landscape) {
            int right_w = area.w * card_pct / 100;
            main_box.w = area.w - right_w - gap;
            card_box = (struct lf_box){area.x + area.w - right_w, area.y, right_w, area.h};
            int pill = status_pill(f, &texts, 0, 0, right_w - 2 * pad, false);
            if (card.n)
                card_k = column_scale(f, &card, (struct lf_box){0, 0, right_w - 2 * pad,
                                                                area.h - 2 * pad - pill - pill_gap});
            if (card.n == 0 && !texts.has_status)
                main_box.w = area.w; /* nothing for a card: the text takes the width */
            head_h = head_height(f, &h, main_box.w - image_side, area.h / 3);
        } else {
            head_h = head_height(f, &h, area.w - image_side, area.h / 4);
            if (image_side && head_h < image_side + spacing(f, BASE_GAP))
                head_h = image_side + spacing(f, BASE_GAP); /* the text starts under the image */
            int pill = status_pill(f, &texts, 0, 0, area.w - 2 * pad, false);
            /* the height is there to be used: text, card and code larger
             * when all of it still fits */
            static const double larger[] = {PORTRAIT_LARGER};
            for (size_t k = 0; k < N_LARGER && card_k < 0 && card.n; k++) {
                int room = area.h - head_h - column_height(f, &main, area.w, larger[k]) - gap -
                           2 * pad - pill - gap;
                if (room > 0 && card_body(f, &card, (struct lf_box){0, 0, area.w - 2 * pad, room},
                                          larger[k], false) >= 0) {
                    card_k = main_k = 0;
                    svc_scale = larger[k];
                }
            }
            for (size_t k = 0; k < N_SCALES && card_k < 0 && card.n; k++) {
                /* what is left under the text for the card's blocks (its
                 * QR code may shrink into it) */
                int room = area.h - head_h - column_height(f, &main, area.w, scales[k]) - gap -
                           2 * pad - pill - gap;
                if (room > 0 && card_body(f, &card, (struct lf_box){0, 0, area.w - 2 * pad, room},
                                          scales[k], false) >= 0)
                    card_k = main_k = (int)k;
            }
        }
        if (card_k >= 0 || card.n < 2 || !card.b[card.n - 1].qr)
            break;
        /* without its QR code the card may fit: the code then follows the text */
        main.b[main.n++] = card.b[--card.n];
        qr_moved = true;
    }
    /* landscape, the text too long for its column at full size and room
     * on the card: "for whom" and "languages" move over to the top of the
     * card (which must then still be at full size, unless the text did
     * not fit at all) */
    if (f->landscape && card_k >= 0 && !qr_moved) {
        int top = head_h > image_side ? head_h : image_side + spacing(f, BASE_GAP);
        struct lf_box col = {0, 0, main_box.w, area.h - top};
        struct lf_box in = {0, 0, card_box.w - 2 * pad,
                            area.h - 2 * pad - status_pill(f, &texts, 0, 0, card_box.w - 2 * pad,
                                                           false) - pill_gap};
        int text_k;
        while (main.n > 1 && main.b[main.n - 1].label && card.n < MAX_BLOCKS &&
               (text_k = column_scale(f, &main, col)) != 0) {
            struct column moved = {.n = 0};
            moved.b[moved.n++] = main.b[main.n - 1];
            append_blocks(&moved, &card);
            int k = column_scale(f, &moved, in);
            if (k < 0 || (text_k > 0 && k > 0))
                break;
            card = moved;
            card_k = k;
            main.n--;
        }
    }
    if (f->landscape && card_k < 0 && card.n + (qr_moved ? 1 : 0) > 1) {
        /* the card too full (a long table of hours, a long note): it
         * keeps what fits and the rest follows the text. Which blocks it
         * keeps is chosen so that the text column still fits on the page
         * where it can (a long note leaves first, then the address: the
         * hours and the QR code beside the address, rather than the card
         * holding the hours alone and the address and code going on to a
         * page of their own with the width unused); among those that fit
         * alike the card keeps the hours, then the code, then how to
         * reach them. The QR code stays last wherever it goes. */
        int right_w = area.w * card_pct / 100;
        struct lf_box in = {0, 0, right_w - 2 * pad,
                            area.h - 2 * pad -
                                status_pill(f, &texts, 0, 0, right_w - 2 * pad, false) - pill_gap};
        int top = head_h > image_side ? head_h : image_side + spacing(f, BASE_GAP);
        struct lf_box col = {0, 0, main_box.w, area.h - top};
        struct column full = card, text = main;
        if (qr_moved) {
            add_block(&full, main.b[main.n - 1]);
            text.n--;
        }
        int best_score = -1;
        struct column best_card = {.n = 0}, best_main = {.n = 0};
        int best_k = -1;
        bool best_qr_out = false;
        for (unsigned keep = 1; full.n <= 8 && keep < (1u << full.n); keep++) {
            struct column kept = {.n = 0}, out = {.n = 0}, moved = {.n = 0};
            const struct block *qr = NULL;
            int weight_fits = 0, weight_goes_on = 0;
            bool orphan = false, has_note = false;
            struct block note = {0};
            for (size_t i = 0; i < full.n; i++)
                if (full.b[i].note && (keep & (1u << i)) && i > 0 && !(keep & (1u << (i - 1))))
                    orphan = true; /* the hours' note on the card, the hours gone */
            if (orphan)
                continue;
            for (size_t i = 0; i < full.n; i++) {
                const struct block *b = &full.b[i];
                if (keep & (1u << i)) {
                    add_block(&kept, *b);
                    /* a contact's card keeps how to reach them above all */
                    int data_w = cat == LF_CAT_CONTACTS ? 16 : 0;
                    weight_fits += b->qr ? 4 : b->data ? (data_w ? data_w : 2) : b->label ? 8 : 1;
                    weight_goes_on += b->qr ? 2 : b->data ? (data_w ? data_w : 4) : b->label ? 8 : 1;
                } else if (b->qr) {
                    qr = b;
                } else if (b->note && i > 0 && (keep & (1u << (i - 1)))) {
                    /* the hours stay, their note goes: after the rest,
                     * under the hours' label (it says what it is about) */
                    note = *b;
                    note.label = full.b[i - 1].label;
                    note.color = full.b[i - 1].color;
                    has_note = true;
                } else {
                    add_block(&moved, *b);
                }
            }
            /* a contact's hours leaving the card come before its
             * description: where the page ends, the description goes on
             * to the next rather than the hours */
            size_t at = 0;
            while (at < text.n && !(cat == LF_CAT_CONTACTS && text.b[at].about))
                at++;
            for (size_t i = 0; i < at; i++)
                add_block(&out, text.b[i]);
            append_blocks(&out, &moved);
            for (size_t i = at; i < text.n; i++)
                add_block(&out, text.b[i]);
            if (has_note)
                add_block(&out, note);
            if (qr)
                add_block(&out, *qr);
            if (1000 + 8 * weight_fits + (int)N_SCALES <= best_score)
                continue; /* cannot win: spare the measuring */
            int k = column_scale(f, &kept, in);
            if (k < 0)
                continue;
            /* the text column whole on this page: the code beside the
             * address; else the address stays on this page before the code */
            int score = column_scale(f, &out, col) >= 0 ? 1000 + 8 * weight_fits
                                                         : 8 * weight_goes_on;
            score += (int)N_SCALES - k; /* the card larger */
            if (score > best_score) {
                best_score = score;
                best_card = kept;
                best_main = out;
                best_k = k;
                best_qr_out = qr != NULL;
            }
        }
        if (best_k >= 0) {
            card = best_card;
            main = best_main;
            card_k = best_k;
            qr_moved = best_qr_out;
        }
    }
    /* landscape, a contact (a name, a few lines, how to reach them) whose
     * card leaves its column half empty: the card larger, hours, phone
     * and QR code alike, up to what the column holds */
    if (f->landscape && cat == LF_CAT_CONTACTS && card_k == 0 && !qr_moved) {
        int pill = status_pill(f, &texts, 0, 0, card_box.w - 2 * pad, false);
        struct lf_box in = {0, 0, card_box.w - 2 * pad,
                            area.h - 2 * pad - pill - (pill ? pill_gap : 0)};
        static const double larger[] = {PORTRAIT_LARGER};
        for (size_t k = 0; k < N_LARGER && svc_scale == 0; k++)
            if (card_body(f, &card, in, larger[k], false) >= 0)
                svc_scale = larger[k];
    }
    if (card_k < 0) {
        /* all of it in one flow, the QR code last */
        struct block qr = main.b[main.n - 1];
        if (qr_moved)
            main.n--;
        append_blocks(&main, &card);
        if (qr_moved)
            add_block(&main, qr);
    }

    if (is_continuation(p)) {
        flow(f, &main, page_area, p, r);
        return;
    }

    int y = main_box.y;
    if (image_side)
        image_op(f, (struct lf_box){main_box.x + main_box.w - image_side, y, image_side,
                                    image_side}, it);
    y += head_block(f, &h, main_box.x, y, main_box.w - image_side,
                    f->landscape ? area.h / 3 : area.h / 4);
    if (y < main_box.y + image_side + spacing(f, BASE_GAP))
        y = main_box.y + image_side + spacing(f, BASE_GAP);

    if (f->landscape) {
        flow(f, &main, (struct lf_box){main_box.x, y, main_box.w, area.y + area.h - y}, p, r);
    } else if (card_k >= 0) {
        int mh = column_height(f, &main, area.w, svc_scale > 0 ? svc_scale : scales[main_k]);
        flow(f, &main, (struct lf_box){area.x, y, area.w, mh}, p, r);
        card_box.y = y + mh + gap;
        card_box.h = area.y + area.h - card_box.y;
    } else {
        /* portrait, too much for one page: the hours pill, then all text */
        int ph = status_pill(f, &texts, area.x, y, area.w, true);
        if (ph)
            y += ph + gap;
        flow(f, &main, (struct lf_box){area.x, y, area.w, area.y + area.h - y}, p, r);
        return;
    }

    if (card_k < 0 && !texts.has_status)
        return;
    /* the card, as tall as what it holds */
    int in_w = card_box.w - 2 * pad;
    int pill = status_pill(f, &texts, 0, 0, in_w, false);
    struct lf_box body_box = {card_box.x + pad, 0, in_w,
                              card_box.h - 2 * pad - pill - (pill ? pill_gap : 0)};
    double card_scale = card_k < 0 ? 1.0 : svc_scale > 0 ? svc_scale : scales[card_k];
    int body = card_k >= 0 ? card_body(f, &card, body_box, card_scale, false) : 0;
    if (body < 0)
        body = 0;
    int ch = 2 * pad + pill + (pill && body ? pill_gap : 0) + body;
    lf_scene_rect(f->s, (struct lf_box){card_box.x, card_box.y, card_box.w, ch}, f->t->card,
                  lf_frame_scaled(f, 20));
    int cy = card_box.y + pad;
    status_pill(f, &texts, card_box.x + pad, cy, in_w, true);
    cy += pill + (pill ? pill_gap : 0);
    body_box.y = cy;
    body_box.h = body;
    if (card_k >= 0)
        card_body(f, &card, body_box, card_scale, true);
}

/* The card of a notice in `area`, and the box inside its padding. */
static struct lf_box notice_card(const struct frame *f, struct lf_box area, bool urgent,
                                 struct lf_box *in)
{
    int pad = lf_frame_scaled(f, urgent ? 72 : 64);
    struct lf_box card = area;
    if (!urgent && f->landscape) {
        card.x += area.w / 10;
        card.w -= area.w / 5;
    }
    *in = (struct lf_box){card.x + pad, card.y + pad, card.w - 2 * pad, card.h - 2 * pad};
    return card;
}

static void notice_page(struct frame *f, struct lf_box area, const struct lf_page *p,
                        struct lf_page_result *r)
{
    const struct lf_item *it = p->slide->item;
    bool urgent = p->slide->kind == LF_SLIDE_URGENT;
    bool fb = false;
    const char *title = lf_frame_pick(f, &it->title, &fb);
    struct lf_rgba ink = urgent ? f->t->on_accent : f->t->ink;
    struct lf_box in, card = notice_card(f, area, urgent, &in);
    lf_scene_rect(f->s, card, urgent ? f->t->urgent : f->t->notice, lf_frame_scaled(f, 24));

    /* decided on the whole content box, the same on every page: the
     * kicker, the marker, the title in at most a third of the card (the
     * rest of a longer one leads the message), the image */
    struct lf_box full_in;
    notice_card(f, slide_box(f, it, NULL), urgent, &full_in);
    int kicker_px = lf_frame_text_px(f, BASE_LABEL * 1.3);
    int kicker_h = lf_frame_line_height(f, LF_FACE_BOLD, kicker_px) + lf_frame_scaled(f, BASE_GAP);
    int title_min = lf_frame_text_px(f, BASE_BODY * 1.3) + lf_frame_scaled(f, 2);
    struct lf_wrapped wr;
    size_t shown = strlen(title);
    int title_room = full_in.h / 3;
    /* the picture: beside the text in landscape, above it in portrait */
    int gap = lf_frame_scaled(f, BASE_GAP * 1.5);
    bool with_image = it->image && !picture_apart(f, it);
    int image_w = with_image && f->landscape ? full_in.w * 30 / 100 : 0;
    int image_h = with_image && !f->landscape ? full_in.h * 30 / 100 : 0;
    if (image_h && image_h > full_in.w / image_aspect(f, it))
        image_h = (int)(full_in.w / image_aspect(f, it)); /* a wide one: less height */
    int text_w = full_in.w - (image_w ? image_w + gap : 0);
    int title_max = lf_frame_text_px(f, BASE_TITLE * 1.25);
    /* the largest title that leaves the message room on this page */
    {
        struct column msg = {.n = 0};
        add_text(&msg, f, NULL, &it->summary, LF_FACE_REGULAR, BASE_BODY * 1.3, ink);
        int fixed = kicker_h + (fb && strncmp(f->v->lang, "de", 2) != 0
                                    ? lf_frame_line_height(f, LF_FACE_BOLD, lf_frame_text_px(f, BASE_LABEL)) + lf_frame_scaled(f, 20)
                                    : 0) +
                    lf_frame_scaled(f, 30) + (image_h ? image_h + lf_frame_scaled(f, 30) : 0);
        for (int px = title_max; px > title_min; px -= px / 12 > 1 ? px / 12 : 1) {
            lf_wrap(&f->m, LF_FACE_BOLD, px, title, text_w, 6, &wr);
            int th = lf_wrapped_height(&wr);
            if (wr.rest || wr.split_word || th > title_room)
                continue;
            if (column_scale(f, &msg, (struct lf_box){0, 0, text_w, full_in.h - fixed - th}) >= 0) {
                title_max = px;
                break;
            }
        }
    }
    if (!lf_fit(&f->m, LF_FACE_BOLD, title, text_w, title_room, title_max, title_min, 6,
                &wr) || wr.split_word) {
        int lh = lf_frame_line_height(f, LF_FACE_BOLD, title_min);
        wrap_whole_words(f, LF_FACE_BOLD, title_min, title, text_w,
                         title_room > lh ? (size_t)(title_room / lh) : 1, &wr);
        if (wr.rest || wr.n == 0)
            shown = wr.rest;
    }
    struct column c = {.n = 0};
    if (shown < strlen(title))
        add_block(&c, (struct block){.text = title + shown, .face = LF_FACE_BOLD, .ltr = fb,
                                     .color = ink, .px = wr.px});
    add_text(&c, f, NULL, &it->summary, LF_FACE_REGULAR, BASE_BODY * 1.3, ink);
    struct lf_box text_box = in;
    if (image_w) {
        text_box.w -= image_w + gap;
        image_op(f, (struct lf_box){in.x + in.w - image_w, in.y, image_w, in.h}, it);
    }
    if (is_continuation(p)) {
        flow(f, &c, text_box, p, r);
        return;
    }
    int y = in.y;
    y += lf_frame_one_line(f, lf_phrase(f->v->lang, urgent ? LF_P_URGENT : LF_P_NOTICE), in.x, y,
                           text_box.w, LF_FACE_BOLD, kicker_px, ink, f->rtl) +
         lf_frame_scaled(f, BASE_GAP);
    y += fallback_marker(f, fb, in.x, y, text_box.w);
    char head[LF_MAX_STRING_BYTES + 1];
    snprintf(head, sizeof(head), "%.*s", (int)shown, title);
    if (shown < strlen(title) || !lf_fit(&f->m, LF_FACE_BOLD, head, text_box.w,
                                         title_room, wr.px, wr.px, LF_MAX_WRAP_LINES, &wr))
        lf_wrap(&f->m, LF_FACE_BOLD, wr.px, head, text_box.w, LF_MAX_WRAP_LINES, &wr);
    y += lf_frame_emit_paragraph(f, &wr, head, in.x, y, LF_FACE_BOLD, ink,
                                 lf_frame_text_rtl(f, head, fb)) +
         lf_frame_scaled(f, 30);
    if (image_h && !f->landscape) {
        /* smaller when the title took more room, leaving three lines of text */
        int ih = in.y + in.h - y - lf_frame_scaled(f, 30) -
                 lf_frame_line_height(f, LF_FACE_REGULAR, f->min_px) * 3;
        if (ih > image_h)
            ih = image_h;
        if (ih > 0) {
            image_op(f, (struct lf_box){in.x, y, in.w, ih}, it);
            y += ih + lf_frame_scaled(f, 30);
        }
    }
    flow(f, &c, (struct lf_box){in.x, y, text_box.w, in.y + in.h - y}, p, r);
}

/* One entry of a list: its texts wrapped for a column width. */
struct list_entry {
    const struct lf_slide *slide;
    const char *title;
    bool fallback;
    char meta[LF_MAX_STRING_BYTES + 512];
    char title_buf[LF_MAX_STRING_BYTES + 8];
    struct lf_wrapped title_wr, meta_wr;
    int badge_w;    /* of the date badge, events only */
    int chip_h;     /* a cancelled event's "Abgesagt" chip above its title, gap included */
    int height;     /* of the card */
};

/* An agenda entry's date badge: wide enough for the longest short month
 * name of the screen's language ("سپتامبر", "ديسمبر") at the size the
 * badge sets it (date_badge, compact), never narrower than the design. */
#define LIST_BADGE_H 124
#define LIST_UNTIL_PERCENT 135 /* the badge of an event running since an earlier day */
#define LIST_BADGE_W 112

static int list_badge_width(const struct frame *f)
{
    int px = (int)(lf_frame_scaled(f, LIST_BADGE_H) * 0.22);
    if (px < f->min_px)
        px = f->min_px;
    int widest = 0;
    for (int m = 1; m <= 12; m++) {
        char name[64];
        lf_format_date(f->v->lang, lf_local_make(2027, m, 15, 12, 0), LF_DATE_MONTH_SHORT, name,
                       sizeof(name));
        int w = lf_text_width(&f->m, LF_FACE_BOLD, px, name);
        if (w > widest)
            widest = w;
    }
    int w = lf_frame_scaled(f, LIST_BADGE_W), need = widest * 8 / 7 + 2;
    return need > w ? need : w;
}

static void list_entry_measure(struct frame *f, const struct lf_slide *sl, int w, int badge_w,
                               struct list_entry *e)
{
    const struct lf_item *it = sl->item;
    bool event = it->kind == LF_ITEM_EVENT;
    int pad = lf_frame_scaled(f, 16), badge_h = lf_frame_scaled(f, LIST_BADGE_H);
    if (event && runs_since_before_today(f, sl))
        badge_h = badge_h * LIST_UNTIL_PERCENT / 100;
    e->badge_w = event ? badge_w : 0;
    int tw = w - (event ? pad + badge_w + lf_frame_scaled(f, 28) : lf_frame_scaled(f, 44)) - 2 * pad;
    int title_px = lf_frame_text_px(f, BASE_META * 1.1), meta_px = lf_frame_text_px(f, BASE_META * 0.85);
    e->slide = sl;
    e->title = lf_frame_pick(f, &it->title, &e->fallback);
    e->meta[0] = '\0';
    if (event) {
        char when[256];
        bool running = runs_since_before_today(f, sl);
        if (!running && !lf_slide_whole_days(sl) && same_local_day(sl->start, last_moment(sl))) {
            /* "Sa, 21. März, 18:00 – 20:00 Uhr" */
            char d[128];
            const char *comma = lf_list_comma(f->v->lang);
            lf_format_date(f->v->lang, sl->start, LF_DATE_WEEKDAY_SHORT, d, sizeof(d));
            size_t n = strlen(d);
            snprintf(d + n, sizeof(d) - n, "%s", comma);
            n = strlen(d);
            lf_format_date(f->v->lang, sl->start, list_day_style(f, sl->start), d + n,
                           sizeof(d) - n);
            char tr[128];
            lf_format_time_range(f->v->lang, sl->start, sl->end, tr, sizeof(tr));
            lf_frame_bind_times(tr, sizeof(tr));
            snprintf(when, sizeof(when), "%s%s%s", d, comma, tr);
        } else {
            event_when(f, sl, true, when, sizeof(when));
        }
        const char *place = lf_frame_pick(f, &it->place, NULL);
        snprintf(e->meta, sizeof(e->meta), "%s%s%s", when, place ? "  ·  " : "", place ? place : "");
    } else if (it->kind == LF_ITEM_NOTICE) {
        /* "Wichtiger Hinweis  ·  Beratung am Telefon: ..." (cut: a tap shows all) */
        const char *msg = lf_frame_pick(f, &it->summary, NULL);
        snprintf(e->meta, sizeof(e->meta), "%s%s%s",
                 lf_phrase(f->v->lang, sl->kind == LF_SLIDE_URGENT ? LF_P_URGENT : LF_P_NOTICE),
                 msg ? "  ·  " : "", msg ? msg : "");
    } else {
        const char *sub = lf_frame_pick(f, it->kind == LF_ITEM_OFFER ? &it->provider : &it->role, NULL);
        snprintf(e->meta, sizeof(e->meta), "%s", sub ? sub : "");
    }
    /* an entry points to the item's own slide, which shows all of it: a
     * title or place too long for three lines is cut here with "…" */
    lf_frame_set_text_cut(f, LF_FACE_BOLD, e->title, tw, title_px, 3, e->title_buf,
                          sizeof(e->title_buf), &e->title_wr);
    e->title = e->title_buf;
    e->meta_wr.n = 0;
    e->meta_wr.line_height = 0;
    if (e->meta[0]) {
        char meta[sizeof(e->meta)];
        memcpy(meta, e->meta, sizeof(meta));
        lf_frame_set_text_cut(f, LF_FACE_REGULAR, meta, tw, meta_px, 3, e->meta, sizeof(e->meta),
                              &e->meta_wr);
    }
    e->chip_h = 0;
    if (event && it->cancelled) {
        struct lf_wrapped cw;
        e->chip_h = lf_frame_chip_size(f, lf_phrase(f->v->lang, LF_P_CANCELLED),
                                       lf_frame_text_px(f, BASE_LABEL * 0.9), tw, &cw).h +
                    lf_frame_scaled(f, 8);
    }
    int text_h = e->chip_h + lf_wrapped_height(&e->title_wr) + lf_wrapped_height(&e->meta_wr);
    e->height = (event && badge_h > text_h ? badge_h : text_h) + 2 * pad;
    if (e->height < lf_layout_min_touch_px(f->v)) /* the entry is a touch target */
        e->height = lf_layout_min_touch_px(f->v);
}

static void list_entry_emit(struct frame *f, struct list_entry *e, struct lf_box row,
                            struct lf_rgba accent, int index)
{
    bool event = e->slide->item->kind == LF_ITEM_EVENT;
    bool notice = e->slide->item->kind == LF_ITEM_NOTICE;
    bool urgent = e->slide->kind == LF_SLIDE_URGENT;
    int pad = lf_frame_scaled(f, 16), badge_h = lf_frame_scaled(f, LIST_BADGE_H),
        badge_w = e->badge_w;
    /* a notice: on the colours of its own page, marked "Hinweis" */
    struct lf_rgba fill = notice ? (urgent ? f->t->urgent : f->t->notice) : f->t->card;
    struct lf_rgba ink = urgent ? f->t->on_accent : f->t->ink;
    struct lf_rgba ink_soft = urgent ? f->t->on_accent : notice ? f->t->ink : f->t->ink_soft;
    if (notice)
        accent = urgent ? f->t->on_accent : f->t->ink_soft;
    lf_scene_rect(f->s, row, fill, lf_frame_scaled(f, 16));
    lf_scene_target(f->s, row, notice ? LF_ACT_NOTICE : LF_ACT_ITEM, index);
    int tx = row.x + (event ? pad + badge_w + lf_frame_scaled(f, 28) : lf_frame_scaled(f, 44));
    if (event)
    {
        bool until = runs_since_before_today(f, e->slide);
        if (until)
            badge_h = badge_h * LIST_UNTIL_PERCENT / 100;
        date_badge(f, (struct lf_box){row.x + pad, row.y + (row.h - badge_h) / 2, badge_w,
                                      badge_h},
                   until ? last_moment(e->slide) : e->slide->start,
                   e->slide->item->cancelled ? f->t->ink_soft : accent, true, until);
    }
    else if (!notice) /* a notice's whole card has its colour */
        lf_scene_rect(f->s, (struct lf_box){row.x, row.y, lf_frame_scaled(f, 12), row.h}, accent, 0);
    int text_h = e->chip_h + lf_wrapped_height(&e->title_wr) + lf_wrapped_height(&e->meta_wr);
    int ty = row.y + (row.h - text_h) / 2;
    bool cancelled = event && e->slide->item->cancelled;
    if (cancelled) {
        int tw = row.x + row.w - tx - 2 * pad;
        lf_frame_chip(f, lf_phrase(f->v->lang, LF_P_CANCELLED), tx, ty,
                      lf_frame_text_px(f, BASE_LABEL * 0.9), cancelled_fill(f), f->t->on_accent, tw);
        ty += e->chip_h;
        strike_through(f, &e->title_wr, tx, ty, ink_soft,
                       lf_frame_text_rtl(f, e->title, e->fallback));
    }
    ty += lf_frame_emit_paragraph(f, &e->title_wr, e->title, tx, ty, LF_FACE_BOLD,
                                  cancelled ? ink_soft : ink,
                                  lf_frame_text_rtl(f, e->title, e->fallback));
    lf_frame_emit(f, &e->meta_wr, e->meta, tx, ty, LF_FACE_REGULAR, ink_soft, f->rtl);
}

/* The notices valid now at the top of a list's first page, one across
 * the width each, as many as leave a third of the page for the list's
 * own entries (more stay in the carousel). Returns the y under them. */
static int list_notices(struct frame *f, const struct lf_page *p, struct lf_box area, int y)
{
    int gap = lf_frame_scaled(f, 18), limit = area.y + area.h * 2 / 3;
    for (size_t i = 0; i < p->n_notices; i++) {
        struct list_entry e;
        list_entry_measure(f, &p->notices[i], area.w, 0, &e);
        if (y + e.height > limit)
            break;
        list_entry_emit(f, &e, (struct lf_box){area.x, y, area.w, e.height},
                        f->t->accent[p->category], (int)i);
        y += e.height + gap;
    }
    return y;
}

/* The entries from p->from.block on in rows of `cols` from y down;
 * emitted when do_emit, else only counted. Returns how many fit (at
 * least one); sets r->continues and r->rest when some do not. In two
 * columns, where a pair no longer fits at the bottom, the next entry
 * takes the whole width (shorter: its title wraps less) when that fits:
 * the page is filled before the next one begins. */
static size_t list_rows(struct frame *f, const struct lf_page *p, struct lf_box area, int y,
                        size_t cols, bool do_emit, struct lf_page_result *r)
{
    struct lf_rgba accent = f->t->accent[p->category];
    int gap = lf_frame_scaled(f, 18), badge_w = list_badge_width(f);
    size_t placed = 0;
    for (size_t i = p->from.block; i < p->n_list;) {
        struct list_entry e[2];
        int row_h = 0;
        size_t n = 0, c = cols;
        for (;;) {
            int col_w = (area.w - (int)(c - 1) * gap) / (int)c;
            row_h = 0;
            for (n = 0; n < c && i + n < p->n_list; n++) {
                list_entry_measure(f, &p->list[i + n], col_w, badge_w, &e[n]);
                if (e[n].height > row_h)
                    row_h = e[n].height;
            }
            if (y + row_h <= area.y + area.h || c == 1)
                break;
            c = 1; /* the pair does not fit: one entry across the width? */
        }
        if (y + row_h > area.y + area.h && i > p->from.block) {
            r->continues = true;
            r->rest = (struct lf_flow_pos){i, 0};
            return placed;
        }
        int col_w = (area.w - (int)(c - 1) * gap) / (int)c;
        for (size_t k = 0; do_emit && k < n; k++)
            list_entry_emit(f, &e[k],
                            (struct lf_box){area.x + (int)k * (col_w + gap), y, col_w, row_h},
                            accent, (int)(i + k));
        placed += n;
        i += n;
        y += row_h + gap;
    }
    return placed;
}

/* A list to tap: the agenda of upcoming events, or a category; two
 * columns in landscape. Entries are as tall as their text; those that do
 * not fit continue on the next page (from.block is the first entry). */
static void list_page(struct frame *f, struct lf_box area, const struct lf_page *p,
                      struct lf_page_result *r)
{
    int y = area.y;
    char heading[256];
    bool cont = is_continuation(p);
    snprintf(heading, sizeof(heading), "%s%s%s%s", p->list_title, cont ? " (" : "",
             cont ? lf_phrase(f->v->lang, LF_P_CONTINUED) : "", cont ? ")" : "");
    y += lf_frame_one_line(f, heading, area.x, y, area.w, LF_FACE_BOLD, lf_frame_text_px(f, BASE_TITLE), f->t->ink,
                  f->rtl) +
         lf_frame_scaled(f, 28);
    if (!cont)
        y = list_notices(f, p, area, y);
    if (p->n_list == 0) {
        /* nothing announced: say so (true for this list), never an empty page */
        static const enum lf_phrase empty[LF_CAT_COUNT] = {LF_P_NO_EVENTS, LF_P_NO_OFFERS,
                                                           LF_P_NO_CONTACTS};
        struct lf_wrapped wr;
        const char *none = lf_phrase(f->v->lang, empty[p->category]);
        int px = lf_frame_text_px(f, BASE_BODY);
        lf_wrap(&f->m, LF_FACE_REGULAR, px, none, area.w, 4, &wr);
        lf_frame_emit(f, &wr, none, area.x, y, LF_FACE_REGULAR, f->t->ink_soft, f->rtl);
        return;
    }
    /* two columns in landscape, unless one column holds more entries on
     * this page (large text: a long title takes three lines in half the
     * width, a row then fills a third of the page). A page is filled
     * before the next begins: when the entries' text set a little
     * smaller (never below the floor) lets more of them onto this page,
     * they are set so, rather than leaving a row's height empty. */
    static const double entry_scales[] = {1.0, 0.92, 0.85};
    double ts = f->ts, best_scale = 1.0;
    size_t cols = 1, best = 0;
    for (size_t k = 0; k < sizeof(entry_scales) / sizeof(entry_scales[0]); k++) {
        f->ts = ts * entry_scales[k];
        for (size_t c = f->landscape ? 2 : 1; c >= 1; c--) {
            struct lf_page_result probe = {0};
            size_t n = list_rows(f, p, area, y, c, false, &probe);
            if (n > best) {
                best = n;
                cols = c;
                best_scale = entry_scales[k];
            }
        }
        if (k == 0 && best == p->n_list - p->from.block)
            break; /* all the rest fits at full size */
    }
    f->ts = ts * best_scale;
    *r = (struct lf_page_result){false, {0, 0}, 0};
    list_rows(f, p, area, y, cols, true, r);
    f->ts = ts;
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
    lf_frame_init(&f, s, v);
    struct lf_page_result dummy;
    if (!r)
        r = &dummy;
    *r = (struct lf_page_result){false, {0, 0}, 0};
    size_t first_op = lf_scene_count(s), first_target = lf_scene_target_count(s);
    struct lf_box area = lf_layout_content_box(v);
    lf_scene_rect(s, (struct lf_box){0, lf_frame_header_height(&f), v->width,
                                     v->height - lf_frame_header_height(&f) - lf_frame_footer_height(&f)},
                  f.t->page, 0);
    if (p->kind == LF_PAGE_LANGUAGES) {
        lf_frame_language_page(&f, area, p->from, r);
    } else if (p->kind == LF_PAGE_LIST || (p->slide && p->slide->kind == LF_SLIDE_AGENDA)) {
        struct lf_page lp = *p;
        if (!lp.list_title)
            lp.list_title = lf_phrase(v->lang, LF_P_UPCOMING);
        list_page(&f, area, &lp, r);
    } else {
        /* a banner or strip picture, on every page of the slide */
        struct lf_box picture;
        area = slide_box(&f, p->slide->item, &picture);
        if (picture.w)
            image_op(&f, picture, p->slide->item);
        if (is_continuation(p)) {
            /* continued: a small heading says what this is the rest of,
             * whole: on two lines and smaller where it is long, down to
             * the text floor in as many lines as it takes (a title cut
             * with "…" left the visitor guessing which offer this is) */
            bool fb;
            const char *title = lf_frame_pick(&f, &p->slide->item->title, &fb);
            char head[LF_MAX_STRING_BYTES + 256];
            snprintf(head, sizeof(head), "%s (%s)", title ? title : "",
                     lf_phrase(v->lang, LF_P_CONTINUED));
            int px = lf_frame_text_px(&f, BASE_META);
            struct lf_wrapped wr;
            lf_frame_set_text(&f, LF_FACE_BOLD, head, area.w,
                              2 * lf_frame_line_height(&f, LF_FACE_BOLD, px), px, 2, &wr);
            if (wr.rest || lf_wrapped_height(&wr) > area.h / 2) {
                /* a title of thousands of characters would leave its
                 * page no room: cut at half the page (its first page and
                 * the list show it whole) */
                char cut[LF_MAX_STRING_BYTES + 256];
                size_t lines = (size_t)(area.h / 2 / (wr.line_height > 0 ? wr.line_height : 1));
                lf_frame_set_text_cut(&f, LF_FACE_BOLD, head, area.w, f.min_px,
                                      lines ? lines : 1, cut, sizeof(cut), &wr);
                memcpy(head, cut, sizeof(head));
            }
            int h = lf_frame_emit_paragraph(&f, &wr, head, area.x, area.y, LF_FACE_BOLD,
                                            f.t->ink_soft, lf_frame_text_rtl(&f, title, fb)) +
                    spacing(&f, BASE_GAP);
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
