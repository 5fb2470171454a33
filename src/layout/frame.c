#include "layout/frame.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "core/xalloc.h"
#include "layout/hyphen.h"

#include "layout/phrases.h"

int lf_frame_scaled(const struct frame *f, double base)
{
    return (int)lround(base * f->u);
}

int lf_frame_text_px(const struct frame *f, double base)
{
    int px = (int)lround(base * f->u * f->ts);
    return px < f->min_px ? f->min_px : px;
}

int lf_layout_min_text_px(const struct lf_view *v)
{
    int side = v->width < v->height ? v->width : v->height;
    return (int)ceil(side * LF_MIN_TEXT_FRACTION);
}

int lf_layout_min_touch_px(const struct lf_view *v)
{
    int dpi = v->dpi > 0 ? v->dpi : LF_ASSUMED_DPI;
    int px = (int)ceil(LF_MIN_TOUCH_MM * dpi / 25.4);
    return px < LF_MIN_TOUCH_PX ? LF_MIN_TOUCH_PX : px;
}

/* A height in units, never below a finger's size. */
static int touch_scaled(const struct frame *f, double base)
{
    int px = lf_frame_scaled(f, base), touch = lf_layout_min_touch_px(f->v);
    return px < touch ? touch : px;
}

void lf_frame_init(struct frame *f, struct lf_scene *s, const struct lf_view *v)
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
        .compact = side < LF_COMPACT_SIDE,
    };
    if (s)
        lf_scene_lang(s, v->lang); /* NULL: a frame only measured */
    f->m = *v->measure;
    f->m.lang = v->lang;
    f->m.hyphenator = lf_hyphenator_default();
    /* large text means larger even where text is set small to fit */
    f->min_px = (int)ceil(f->min_px * f->ts);
}

/* Header, footer and their buttons keep their size with large text: they
 * are large already, and every language must stay reachable. */
void lf_frame_init_chrome(struct frame *f, struct lf_scene *s, const struct lf_view *v)
{
    lf_frame_init(f, s, v);
    f->ts = 1.0;
    f->min_px = lf_layout_min_text_px(v);
}

int lf_frame_header_height(const struct frame *f)
{
    return f->landscape ? lf_frame_scaled(f, 100) : lf_frame_scaled(f, 176);
}

/* Languages and toggles: the button width for a language, at px. */
int lf_frame_language_button_width(const struct frame *f, const char *lang, int px, int bh)
{
    /* at least two rows' height wide; where the row is at the touch
     * floor (480x800: 48 px) one and a half, so that a second language
     * fits beside "more languages" */
    (void)bh;
    int least = 2 * lf_frame_scaled(f, LF_STRIP_BUTTON_ROW), touch = lf_layout_min_touch_px(f->v) * 3 / 2;
    int w = lf_text_width(&f->m, LF_FACE_BOLD, px, lf_lang_endonym(lang)) +
            2 * lf_frame_scaled(f, 24);
    if (least < touch)
        least = touch;
    return w < least ? least : w;
}

/* 68 units in both orientations (portrait's 80 made its footer take a
 * quarter of the screen), never below the touch floor
 * (lf_layout_min_touch_px): 68 units are 30 px at 480x800. */
int lf_frame_strip_button_height(const struct frame *f)
{
    return touch_scaled(f, LF_STRIP_BUTTON_ROW);
}

/* A toggle (A+, ◐, 🐢): one and a half of the strip's 68 units, square
 * at the touch floor where that is narrower (at 480x800 72 px wide
 * toggles left "more languages" no room beside them). */
int lf_frame_toggle_width(const struct frame *f)
{
    return touch_scaled(f, LF_STRIP_BUTTON_ROW * 3 / 2);
}

/* A row of the footer's navigation: LF_PORTRAIT_NAV_ROW units (landscape's
 * one row alike), never below the touch floor. */
int lf_frame_nav_row_height(const struct frame *f)
{
    return touch_scaled(f, LF_PORTRAIT_NAV_ROW);
}

/* The read-aloud button: as wide as its wider label ("🔊 Vorlesen",
 * "■ Stopp"), so it keeps its size while it reads. "No voice" takes this
 * room and that of "slower" (not shown then) and never more: its words
 * where they fit, else the pictogram 🔇 alone (chrome.c), so a long
 * sentence ("Немає голосу для цієї мови") no longer adds a row to the
 * footer. */
int lf_frame_read_button_width(const struct frame *f)
{
    static const char *const marks[2] = {"🔊 ", "■ "};
    static const enum lf_phrase words[2] = {LF_P_READ_ALOUD, LF_P_STOP_READING};
    int px = lf_frame_text_px(f, 30), bh = lf_frame_strip_button_height(f), w = bh * 2;
    for (int i = 0; i < 2; i++) {
        char label[160];
        snprintf(label, sizeof(label), "%s%s", marks[i], lf_phrase(f->v->lang, words[i]));
        int lw = lf_text_width(f->v->measure, LF_FACE_BOLD, px, label) + 2 * lf_frame_scaled(f, 24);
        if (lw > w)
            w = lw;
    }
    /* a long label wraps, where the button is tall enough for two lines
     * (on a narrow screen it is not: the label stays on one line) */
    int cap = f->v->width / 3;
    if (2 * lf_frame_line_height(f, LF_FACE_BOLD, px) + lf_frame_scaled(f, 12) > bh)
        cap = f->v->width - 2 * lf_frame_scaled(f, BASE_MARGIN);
    return w > cap ? cap : w;
}

/* "🐢" (slower speech): a pictogram any visitor knows, as wide as the
 * other toggles. */
int lf_frame_slower_button_width(const struct frame *f)
{
    return lf_frame_toggle_width(f);
}

/* Room the reading controls take in the strip, gaps included. */
static int read_controls_width(const struct frame *f)
{
    if (!f->v->speech)
        return 0;
    int gap = lf_frame_scaled(f, 12);
    return lf_frame_read_button_width(f) + gap + lf_frame_slower_button_width(f) + gap;
}

static int tools_group_width(const struct frame *f)
{
    int tw = lf_frame_toggle_width(f), gap = lf_frame_scaled(f, 12);
    return 2 * tw + gap + read_controls_width(f);
}


/* The width of the reading controls and toggles, one group. */
int lf_frame_strip_tools_width(const struct frame *f)
{
    return tools_group_width(f);
}

/* The arrows' row's room beside ‹ › for the position (or "back") once
 * `used` pixels of it hold buttons. */
static int nav_slot_rest(const struct frame *f, int used)
{
    int row_h = lf_frame_nav_row_height(f), bgap = lf_frame_scaled(f, 16);
    int m = lf_frame_scaled(f, BASE_MARGIN);
    return f->v->width - 2 * m - 2 * row_h - 3 * bgap - used;
}

/* The least width of that slot: LF_NAV_SLOT_MIN, and "back" (in the
 * screen's language) or a position such as "188 / 200" on one line: the
 * row is too low for two. */
static int nav_slot_need(const struct frame *f)
{
    int px = lf_frame_text_px(f, 34), pad = lf_frame_scaled(f, 24);
    int need = lf_frame_scaled(f, LF_NAV_SLOT_MIN);
    int back = lf_text_width(&f->m, LF_FACE_BOLD, px, lf_phrase(f->v->lang, LF_P_BACK)) + 2 * pad;
    int pos = lf_text_width(&f->m, LF_FACE_BOLD, px, "888 / 888") + pad;
    if (back > need)
        need = back;
    return pos > need ? pos : need;
}

/* Portrait: the reading controls and the toggles sit on the row of
 * ‹ › (between them, after the position or "back") when that row has
 * room for them and a slot of LF_NAV_SLOT_MIN for the position or "back";
 * else at the end of the language strip. */
bool lf_frame_tools_in_nav(const struct frame *f)
{
    if (f->landscape || f->v->passive)
        return false;
    return nav_slot_rest(f, tools_group_width(f)) >= nav_slot_need(f);
}

bool lf_frame_reading_in_nav(const struct frame *f)
{
    if (lf_frame_tools_in_nav(f))
        return true;
    if (f->landscape || f->v->passive || !f->v->speech)
        return false;
    return nav_slot_rest(f, read_controls_width(f)) >= nav_slot_need(f);
}

int lf_frame_strip_group_width(const struct frame *f)
{
    if (lf_frame_tools_in_nav(f))
        return 0;
    if (lf_frame_reading_in_nav(f))
        return tools_group_width(f) - read_controls_width(f);
    return tools_group_width(f);
}

/* "🌐 more languages": the button to the page of every language. */
int lf_frame_more_button_width(const struct frame *f, char *label, size_t size)
{
    snprintf(label, size, "🌐 %s", lf_phrase(f->v->lang, LF_P_MORE_LANGUAGES));
    return lf_text_width(&f->m, LF_FACE_BOLD, lf_frame_text_px(f, 30), label) +
           2 * lf_frame_scaled(f, 24);
}

/* How many languages one landscape row holds in order beside "more
 * languages" (all of them when they fit without it) and the group. */
static size_t landscape_row_languages(const struct frame *f)
{
    int bh = lf_frame_strip_button_height(f), gap = lf_frame_scaled(f, 12), px = lf_frame_text_px(f, 30);
    int m = lf_frame_scaled(f, BASE_MARGIN), group = lf_frame_strip_group_width(f);
    int room = f->v->width - 2 * m - (group ? group + gap : 0);
    size_t n = f->v->bundle->n_languages;
    int all = -gap;
    for (size_t i = 0; i < n; i++)
        all += lf_frame_language_button_width(f, f->v->bundle->languages[i], px, bh) + gap;
    if (all <= room)
        return n;
    char more[160];
    int x = lf_frame_more_button_width(f, more, sizeof(more));
    size_t k = 0;
    while (k < n) {
        x += gap + lf_frame_language_button_width(f, f->v->bundle->languages[k], px, bh);
        if (x > room)
            break;
        k++;
    }
    return k;
}

/* Rows the language strip has: in landscape one (languages that do not
 * fit are on the "more languages" page), two where one row would show
 * fewer than LF_STRIP_LEAST_LANGUAGES beside "more languages" and the
 * controls (a square or 5:4 screen: 1080x1080 showed none, 1280x1024
 * one); in portrait as many as the
 * languages need, placed as chrome.c places them, row after row at the
 * full width, then the reading controls and the toggles as one group at
 * the end of the last row (or on one of their own), at most LF_STRIP_MAX_ROWS. */
int lf_frame_strip_rows(const struct frame *f)
{
    if (f->landscape) {
        size_t n = f->v->bundle->n_languages;
        size_t want = n < LF_STRIP_LEAST_LANGUAGES ? n : LF_STRIP_LEAST_LANGUAGES;
        return landscape_row_languages(f) < want ? 2 : 1;
    }
    int bh = lf_frame_strip_button_height(f), gap = lf_frame_scaled(f, 12), px = lf_frame_text_px(f, 30);
    int m = lf_frame_scaled(f, BASE_MARGIN);
    int x_end = f->v->width - m;
    int x = m, rows = 1;
    for (size_t i = 0; i < f->v->bundle->n_languages; i++) {
        int w = lf_frame_language_button_width(f, f->v->bundle->languages[i], px, bh);
        if (x + w > x_end && x > m) {
            rows++;
            x = m;
        }
        x += w + gap;
    }
    int group = lf_frame_strip_group_width(f);
    if (group && x + group > x_end && x > m)
        rows++; /* the controls on a row of their own */
    /* the footer stays within LF_FOOTER_MAX_FRACTION of the height: the
     * rows beyond that go, and "🌐 more languages" opens the rest (11
     * languages at 480x800 took three rows, the footer 23.5 %) */
    int fit = (int)(f->v->height * LF_FOOTER_MAX_FRACTION) - lf_frame_scaled(f, 4) -
              (2 * lf_frame_nav_row_height(f) + 3 * lf_frame_scaled(f, LF_PORTRAIT_NAV_PAD));
    int most = fit / (bh + gap);
    if (most < 1)
        most = 1;
    if (most > LF_STRIP_MAX_ROWS)
        most = LF_STRIP_MAX_ROWS;
    return rows > most ? most : rows;
}

/* The row(s) of languages and accessibility toggles above the footer. */
int lf_frame_strip_height(const struct frame *f)
{
    if (f->v->passive)
        return 0;
    return lf_frame_strip_rows(f) * (lf_frame_strip_button_height(f) + lf_frame_scaled(f, 12)) + lf_frame_scaled(f, 4);
}

int lf_frame_footer_height(const struct frame *f)
{
    if (f->v->passive)
        return lf_frame_scaled(f, 16); /* only the progress line */
    /* landscape: one row and 20 units above and below it */
    int row = lf_frame_nav_row_height(f);
    return lf_frame_strip_height(f) +
           (f->landscape ? row + 2 * lf_frame_scaled(f, 20)
                         : 2 * row + 3 * lf_frame_scaled(f, LF_PORTRAIT_NAV_PAD));
}

struct lf_box lf_layout_content_box(const struct lf_view *v)
{
    struct frame f;
    lf_frame_init(&f, NULL, v);
    int m = lf_frame_scaled(&f, BASE_MARGIN);
    int top = lf_frame_header_height(&f) + m;
    int bottom = v->height - lf_frame_footer_height(&f) - m;
    return (struct lf_box){m, top, v->width - 2 * m, bottom - top};
}

/* ---- text placement ---------------------------------------------------- */

/* Which text to show for a field, marking German stand-ins. */
const char *lf_frame_pick(const struct frame *f, const struct lf_text *t, bool *fallback)
{
    bool fb = false;
    const char *s = lf_text_get(t, f->v->lang, &fb);
    if (fallback)
        *fallback = fb;
    return s;
}

/* A paragraph's direction from its own text: that of its language (the
 * screen's, or left to right for a German stand-in) where the text has a
 * letter of that direction, else that of its first letter of a strong
 * direction (FriBidi's rule for a paragraph: an Arabic "translation" that
 * is only a Latin name reads left to right). By the first letter alone
 * the sample's Arabic "Wegweiser – استشارات ..." was set left to right,
 * its words in the wrong order; with none (digits) the language's. */
bool lf_frame_text_rtl(const struct frame *f, const char *text, bool fallback)
{
    bool lang_rtl = f->rtl && !fallback, has_own = false;
    int first = 0; /* 1 left to right, 2 right to left */
    int32_t i = 0, n = text ? (int32_t)strlen(text) : 0;
    while (i < n && !has_own) {
        UChar32 c;
        U8_NEXT(text, i, n, c);
        if (c < 0)
            continue;
        UCharDirection d = u_charDirection(c);
        int dir = d == U_LEFT_TO_RIGHT                                  ? 1
                  : d == U_RIGHT_TO_LEFT || d == U_RIGHT_TO_LEFT_ARABIC ? 2
                                                                        : 0;
        if (dir && !first)
            first = dir;
        has_own = dir == (lang_rtl ? 2 : 1);
    }
    return has_own || !first ? lang_rtl : first == 2;
}

int lf_frame_line_height(const struct frame *f, enum lf_face face, int px)
{
    return f->m.line_height(f->m.ctx, face, px);
}

/* A paragraph of content: as lf_frame_emit, and where its direction (rtl,
 * lf_frame_text_rtl) is not the screen's, each line starts at the other
 * edge of its column (wr->max_w wide), the side its reading starts: German
 * on an Arabic screen flush left, as it reads, with the page's chrome
 * still mirrored. */
int lf_frame_emit_paragraph(struct frame *f, const struct lf_wrapped *wr, const char *text,
                            int x, int y, enum lf_face face, struct lf_rgba color, bool rtl)
{
    /* one line stays on the screen's side, under its label or beside its
     * date ("Deutsch" under اللغات sat alone at the far left); only lines
     * that wrap, whose ragged edge must be where they end, turn */
    if (rtl == f->rtl || wr->n <= 1)
        return lf_frame_emit(f, wr, text, x, y, face, color, rtl);
    for (size_t i = 0; i < wr->n; i++) {
        const struct lf_line *l = &wr->lines[i];
        int lx = x + (wr->max_w > l->width ? wr->max_w - l->width : 0);
        struct lf_box b = {lx, y + (int)i * wr->line_height, l->width, wr->line_height};
        lf_frame_line_op(f, b, text, l, face, wr->px, color, rtl);
        f->chars += l->len;
    }
    return lf_wrapped_height(wr);
}

/* Emits wrapped lines at (x, y), left-aligned in their column (the
 * mirror moves them for right-to-left screens). Returns the height. */
int lf_frame_emit(struct frame *f, const struct lf_wrapped *wr, const char *text, int x, int y,
                enum lf_face face, struct lf_rgba color, bool rtl)
{
    for (size_t i = 0; i < wr->n; i++) {
        const struct lf_line *l = &wr->lines[i];
        struct lf_box b = {x, y + (int)i * wr->line_height, l->width, wr->line_height};
        lf_frame_line_op(f, b, text, l, face, wr->px, color, rtl);
        f->chars += l->len;
    }
    return lf_wrapped_height(wr);
}

/* 'L' or 'R' for the first (or with last, the last) strongly directed
 * letter in s[from, to), 0 when none. */
static char strong_letter(const char *s, size_t from, size_t to, bool last)
{
    char found = 0;
    for (int32_t i = (int32_t)from; i < (int32_t)to;) {
        UChar32 c;
        U8_NEXT(s, i, (int32_t)to, c);
        if (c < 0)
            continue;
        UCharDirection d = u_charDirection(c);
        if (d == U_LEFT_TO_RIGHT)
            found = 'L';
        else if (d == U_RIGHT_TO_LEFT || d == U_RIGHT_TO_LEFT_ARABIC)
            found = 'R';
        if (found && !last)
            break;
    }
    return found;
}

static char first_strong(const char *s, size_t from, size_t to)
{
    return strong_letter(s, from, to, false);
}

/* The direction of a paragraph is its first strong letter's (UAX #9 P2),
 * for each of its lines: the typesetter gets one line at a time and
 * would take the line's own first letter, so a German title whose second
 * line starts with a Persian word came out in right-to-left order. A line
 * that would start otherwise gets the paragraph's mark (U+200E / U+200F,
 * invisible) in front. */
static const char *paragraph_mark(const char *text, const struct lf_line *l, bool rtl,
                                  char *base)
{
    size_t start = l->start;
    while (start > 0 && text[start - 1] != '\n')
        start--;
    size_t end = l->start + l->len;
    char para = first_strong(text, start, end);
    char line = first_strong(text, l->start, end);
    /* the direction the typesetter takes for the line (its first strong
     * letter, the mark's when there is one, else the screen's) */
    *base = line ? (para ? para : line) : rtl ? 'R' : 'L';
    if (!para || !line || para == line)
        return "";
    return para == 'L' ? "\u200E" : "\u200F";
}

void lf_frame_line_op(struct frame *f, struct lf_box box, const char *text,
                      const struct lf_line *l, enum lf_face face, int px, struct lf_rgba color,
                      bool rtl)
{
    char small[1024], base;
    const char *mark = paragraph_mark(text, l, rtl, &base);
    size_t m = strlen(mark);
    char *buf = l->len + m + 5 <= sizeof(small) ? small : lf_xmalloc(l->len + m + 5);
    memcpy(buf, mark, m);
    size_t n = m + lf_line_text(text, l, buf + m, l->len + 2);
    /* a hyphen stays at the end of its word: a German word broken in an
     * Arabic line showed it at the line's far end, before the word */
    char word = l->hyphen ? strong_letter(text, l->start, l->start + l->len, true) : 0;
    if (word && word != base) {
        memcpy(buf + n, word == 'L' ? "\u200E" : "\u200F", 3);
        n += 3;
    }
    lf_scene_text(f->s, box, buf, n, face, px, color, rtl);
    if (buf != small)
        free(buf);
}

/* Sets text into w x h at px, smaller down to the minimum size, in at most
 * max_lines lines. Never clips: when even that does not fit, it is
 * wrapped at the minimum size into as many lines as it needs, and the
 * caller sees the larger height. */
void lf_frame_set_text(const struct frame *f, enum lf_face face, const char *text, int w, int h,
                     int px, size_t max_lines, struct lf_wrapped *wr)
{
    if (px < f->min_px)
        px = f->min_px;
    if (!lf_fit(&f->m, face, text, w, h, px, f->min_px, max_lines, wr))
        lf_wrap(&f->m, face, f->min_px, text, w, LF_MAX_WRAP_LINES, wr);
}

void lf_frame_set_text_cut(const struct frame *f, enum lf_face face, const char *text, int w,
                           int px, size_t max_lines, char *buf, size_t size, struct lf_wrapped *wr)
{
    const struct lf_measure *m = &f->m;
    if (px < f->min_px)
        px = f->min_px;
    snprintf(buf, size, "%s", text);
    int lh = lf_frame_line_height(f, face, px);
    if (lf_fit(m, face, buf, w, (int)max_lines * lh, px, f->min_px, max_lines, wr) &&
        !wr->split_word)
        return;
    lf_wrap(m, face, f->min_px, buf, w, max_lines, wr);
    if (!wr->rest || wr->n == 0)
        return;
    /* keep the lines before the last, and of the last as much as fits with "…" */
    /* wr is wrapped again below: the last line's start kept apart */
    const size_t start = wr->lines[wr->n - 1].start;
    static const char ellipsis[] = "\u2026";
    size_t end = start + wr->lines[wr->n - 1].len;
    for (;;) {
        if (end > size - sizeof(ellipsis))
            end = size - sizeof(ellipsis);
        while (end > start && ((unsigned char)buf[end] & 0xC0) == 0x80)
            end--; /* never inside a code point */
        while (end > start && buf[end - 1] == ' ')
            end--;
        memcpy(buf + end, ellipsis, sizeof(ellipsis));
        /* the text wrapped again with its "…" must still end within
         * max_lines: a word broken at a hyphen may break elsewhere once
         * cut, and the "…" went on to a line not shown (an agenda title of
         * one 300-letter word ended "…abzei-", cut without a sign) */
        if (end == start)
            break;
        if (m->width(m->ctx, face, f->min_px, buf + start, strlen(buf + start)) <= w) {
            lf_wrap(m, face, f->min_px, buf, w, max_lines, wr);
            if (!wr->rest)
                break;
        }
        end--;
    }
    lf_wrap(m, face, f->min_px, buf, w, max_lines, wr);
}

/* Replaces the space at buf[i] by U+00A0 (two bytes) when there is room. */
static bool nbsp_at(char *buf, size_t size, size_t i)
{
    size_t len = strlen(buf);
    if (len + 2 > size)
        return false;
    memmove(buf + i + 2, buf + i + 1, len - i); /* with the terminator */
    buf[i] = '\xC2';
    buf[i + 1] = '\xA0';
    return true;
}

static bool is_digit_at(const char *buf, size_t i)
{
    return buf[i] >= '0' && buf[i] <= '9';
}

/* The code point at p (the texts are valid UTF-8: the bundle checks it). */
static unsigned cp_at(const char *p)
{
    const unsigned char *u = (const unsigned char *)p;
    if (u[0] < 0x80)
        return u[0];
    if ((u[0] & 0xE0) == 0xC0 && u[1])
        return ((u[0] & 0x1Fu) << 6) | (u[1] & 0x3Fu);
    if ((u[0] & 0xF0) == 0xE0 && u[1] && u[2])
        return ((u[0] & 0x0Fu) << 12) | ((u[1] & 0x3Fu) << 6) | (u[2] & 0x3Fu);
    if ((u[0] & 0xF8) == 0xF0 && u[1] && u[2] && u[3])
        return ((u[0] & 0x07u) << 18) | ((u[1] & 0x3Fu) << 12) | ((u[2] & 0x3Fu) << 6) |
               (u[3] & 0x3Fu);
    return 0xFFFD;
}

/* The code point that ends just before buf[i] (0 at the start); *at: where it begins. */
static unsigned cp_before(const char *buf, size_t i, size_t *at)
{
    size_t k = i;
    while (k > 0 && ((unsigned char)buf[k - 1] & 0xC0) == 0x80)
        k--;
    if (k == 0)
        return *at = 0, 0u;
    k--;
    *at = k;
    return cp_at(buf + k);
}

static bool cp_is_digit(unsigned c)
{
    return (c >= '0' && c <= '9') || (c >= 0x660 && c <= 0x669) || (c >= 0x6F0 && c <= 0x6F9);
}

/* A letter of a word (a month or a weekday, "Uhr", "PM"): ASCII letters and
 * what lies above Latin-1's symbols, without the punctuation blocks. */
static bool cp_is_letter(unsigned c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
        return true;
    if (c < 0xC0 || c == 0xD7 || c == 0xF7 || c == 0x60C || c == 0x61B || c == 0x61F)
        return false;
    return !(c >= 0x2000 && c <= 0x2BFF) && !(c >= 0x3000 && c <= 0x303F);
}

void lf_frame_bind_dates(char *buf, size_t size)
{
    for (size_t i = 1; buf[i]; i++) {
        if (buf[i] != ' ')
            continue;
        size_t at;
        unsigned before = cp_before(buf, i, &at);
        if (before == '.' && at > 0) /* "28." */
            before = cp_before(buf, at, &at);
        unsigned after = cp_at(buf + i + 1);
        if ((cp_is_digit(before) && cp_is_letter(after)) ||
            (cp_is_letter(before) && cp_is_digit(after)))
            if (nbsp_at(buf, size, i))
                i++;
    }
}

void lf_frame_bind_times(char *buf, size_t size)
{
    static const char dash[] = " \u2013 "; /* " – " */
    for (size_t i = 1; buf[i]; i++) {
        if (buf[i] != ' ')
            continue;
        size_t dl = sizeof(dash) - 1;
        if (strncmp(buf + i, dash, dl) == 0 && is_digit_at(buf, i - 1) &&
            is_digit_at(buf, i + dl)) {
            /* " – " becomes NBSP "–" NBSP: the second space is now at i + 5 */
            if (nbsp_at(buf, size, i) && nbsp_at(buf, size, i + 5))
                i += 6;
        } else if (strncmp(buf + i, " Uhr", 4) == 0 && is_digit_at(buf, i - 1) &&
                   (buf[i + 4] == '\0' || buf[i + 4] == '\n' || buf[i + 4] == ' ' || buf[i + 4] == ',' ||
                    buf[i + 4] == '.')) {
            nbsp_at(buf, size, i);
        }
    }
}

/* A line of text, shrunk to fit w (wrapped when it must). Returns the height. */
int lf_frame_one_line(struct frame *f, const char *text, int x, int y, int w, enum lf_face face,
                    int px, struct lf_rgba color, bool rtl)
{
    struct lf_wrapped wr;
    lf_frame_set_text(f, face, text, w, lf_frame_line_height(f, face, px), px, 1, &wr);
    return lf_frame_emit(f, &wr, text, x, y, face, color, rtl);
}

/* The size of a chip holding text at px, at most max_w wide. */
struct lf_box lf_frame_chip_size(const struct frame *f, const char *text, int px, int max_w,
                               struct lf_wrapped *wr)
{
    int pad = lf_frame_scaled(f, 18);
    lf_frame_set_text(f, LF_FACE_BOLD, text, max_w - 2 * pad, lf_frame_line_height(f, LF_FACE_BOLD, px), px, 1,
             wr);
    int w = 0;
    for (size_t i = 0; i < wr->n; i++)
        if (wr->lines[i].width > w)
            w = wr->lines[i].width;
    return (struct lf_box){0, 0, w + 2 * pad, lf_wrapped_height(wr) + lf_frame_scaled(f, 10)};
}

/* A filled chip with text in it; returns its size. */
struct lf_box lf_frame_chip(struct frame *f, const char *text, int x, int y, int px,
                          struct lf_rgba fill, struct lf_rgba ink, int max_w)
{
    struct lf_wrapped wr;
    struct lf_box b = lf_frame_chip_size(f, text, px, max_w, &wr);
    b.x = x;
    b.y = y;
    lf_scene_rect(f->s, b, fill, lf_frame_scaled(f, 10));
    lf_frame_emit(f, &wr, text, x + lf_frame_scaled(f, 18), y + lf_frame_scaled(f, 5), LF_FACE_BOLD, ink, f->rtl);
    return b;
}
