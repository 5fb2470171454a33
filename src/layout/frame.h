/* Private to src/layout/: the frame every layout call works in (screen
 * size, scale, theme, direction, text floor) and the text placement that
 * slides, header and footer share. Not part of the layout's interface:
 * the app includes slide_layout.h only. */
#ifndef LF_LAYOUT_FRAME_H
#define LF_LAYOUT_FRAME_H

#include <stdbool.h>
#include <stddef.h>

#include "layout/slide_layout.h"
#include "layout/text_fit.h"

/* A list leaves the year out of a date ("5. März"), which a visitor reads
 * as the next 5 March. From this many days away (either way) that would
 * be another year, so the date says its year ("5. März 2028"); so it does
 * when the kiosk's clock is not set. The header's "Stand: ..." alike. */
#define LF_YEAR_FROM_DAYS 300

/* Sizes are given for a 1080-pixel shorter side and scaled from there. */
enum {
    BASE_TITLE = 68,
    BASE_TITLE_MIN = 44,
    BASE_BODY = 38,
    BASE_LABEL = 30,
    BASE_META = 38,
    BASE_MARGIN = 40,
    BASE_GAP = 22,
};

/* Everything one layout call needs, computed once. */
struct frame {
    struct lf_scene *s;
    const struct lf_view *v;
    const struct lf_theme *t;
    struct lf_measure m; /* v->measure, with the screen's language and hyphenation */
    double u;        /* pixels per base unit (shorter side / 1080) */
    double ts;       /* text scale */
    bool landscape;
    bool rtl;
    int min_px;
    bool compact;    /* a small screen (shorter side below LF_COMPACT_SIDE): set denser */
    size_t chars;
    bool must_progress; /* laying out a page's flow: the top of the page takes
                           something, however little room there is */
    bool in_flow;       /* laying out a slide's text flow (not measuring a card) */
    double fixed_scale; /* a title's rest at the top of the flow set this much smaller
                           (0: as fitted) where that keeps the slide on one page */
};

/* Pixels for a size given at a 1080-pixel shorter side; text_px also
 * applies the text scale and never goes below the text floor. */
int lf_frame_scaled(const struct frame *f, double base);
int lf_frame_text_px(const struct frame *f, double base);
/* The frame of one layout call; _chrome for header and footer, which
 * keep their size when a visitor asks for large text. */
void lf_frame_init(struct frame *f, struct lf_scene *s, const struct lf_view *v);
void lf_frame_init_chrome(struct frame *f, struct lf_scene *s, const struct lf_view *v);
/* The bars: header, language strip (one or two rows), footer. */
int lf_frame_header_height(const struct frame *f);
int lf_frame_language_button_width(const struct frame *f, const char *lang, int px, int bh);
int lf_frame_strip_button_height(const struct frame *f);
/* The read-aloud and "slower" buttons (when v->speech). */
int lf_frame_read_button_width(const struct frame *f);
int lf_frame_slower_button_width(const struct frame *f);
#define LF_STRIP_MAX_ROWS 3
/* Portrait: the footer (strip, categories, ‹ position ›) takes at most
 * this share of the screen's height; languages beyond its rows are on
 * the page "more languages" opens. */
#define LF_FOOTER_MAX_FRACTION 0.20
/* Landscape: languages the strip shows at least (where the bundle has
 * them) before it takes a second row. */
#define LF_STRIP_LEAST_LANGUAGES 2
/* The width of "🌐 more languages", its label into label. */
int lf_frame_more_button_width(const struct frame *f, char *label, size_t size);
/* The width of the strip's reading controls and toggles, one group. */
int lf_frame_strip_tools_width(const struct frame *f);
/* The language strip's buttons (in units). */
#define LF_STRIP_BUTTON_ROW 68
/* Portrait: the rows of the categories and of the arrows (in units, as
 * landscape's one row of 76: no smaller to the finger), the space around
 * them, and the least width of the arrows' row's slot for the position
 * or "back" when the tools share that row (more where "back" needs it:
 * the row holds one line). */
#define LF_PORTRAIT_NAV_ROW 76
#define LF_PORTRAIT_NAV_PAD 10
#define LF_NAV_SLOT_MIN 150
int lf_frame_nav_row_height(const struct frame *f);
int lf_frame_toggle_width(const struct frame *f);
bool lf_frame_tools_in_nav(const struct frame *f);
/* Portrait where the whole group does not fit there: the reading
 * controls alone on the row of ‹ › (a narrow screen: one row less in the
 * strip), the toggles at the end of the strip. True too when all are. */
bool lf_frame_reading_in_nav(const struct frame *f);
/* What of the group sits at the end of the strip: its width (0: none). */
int lf_frame_strip_group_width(const struct frame *f);
int lf_frame_strip_rows(const struct frame *f);
int lf_frame_strip_height(const struct frame *f);
int lf_frame_footer_height(const struct frame *f);
/* Text placement: the text of a field in the screen's language (German
 * stand-ins flagged), lines emitted as scene ops, text set into a box
 * smaller down to the floor and never clipped, chips. */
const char *lf_frame_pick(const struct frame *f, const struct lf_text *t, bool *fallback);
/* A paragraph's direction: its language's (the screen's; left to right
 * for a German stand-in, fallback) where its text has a letter of that
 * direction, else its first strong letter's (frame.c). */
bool lf_frame_text_rtl(const struct frame *f, const char *text, bool fallback);
int lf_frame_line_height(const struct frame *f, enum lf_face face, int px);
/* One wrapped line as a text op: cleaned, with its hyphen. */
void lf_frame_line_op(struct frame *f, struct lf_box box, const char *text,
    const struct lf_line *l, enum lf_face face, int px, struct lf_rgba color, bool rtl);
int lf_frame_emit(struct frame *f, const struct lf_wrapped *wr, const char *text, int x, int y,
    enum lf_face face, struct lf_rgba color, bool rtl);
/* A paragraph in the direction of its text: where that is not the
 * screen's, aligned to the other edge of its column (frame.c). */
int lf_frame_emit_paragraph(struct frame *f, const struct lf_wrapped *wr, const char *text,
    int x, int y, enum lf_face face, struct lf_rgba color, bool rtl);
void lf_frame_set_text(const struct frame *f, enum lf_face face, const char *text, int w, int h,
    int px, size_t max_lines, struct lf_wrapped *wr);
/* Text set into at most max_lines lines of w at px, smaller down to the
 * floor; what still does not fit is cut at the end of the last line with
 * "…". Only for text that is shown whole elsewhere (a list entry, the
 * heading of a continuation page). The text shown is copied into buf
 * (size >= 8), which wr indexes. */
void lf_frame_set_text_cut(const struct frame *f, enum lf_face face, const char *text, int w,
    int px, size_t max_lines, char *buf, size_t size, struct lf_wrapped *wr);
/* Binds what must stay on one line with no-break spaces, in place:
 * "18:00 – 20:00" and the "Uhr" after a time ("bis 14:00 Uhr"). */
void lf_frame_bind_times(char *buf, size_t size);
/* A number and the word beside it in a date or time ("28. März",
 * "March 28", "18:00 Uhr", "6:00 PM") joined by no-break spaces, so a
 * line never breaks between a day and its month or a time and its word. */
void lf_frame_bind_dates(char *buf, size_t size);
int lf_frame_one_line(struct frame *f, const char *text, int x, int y, int w, enum lf_face face,
    int px, struct lf_rgba color, bool rtl);
struct lf_box lf_frame_chip_size(const struct frame *f, const char *text, int px, int max_w,
    struct lf_wrapped *wr);
struct lf_box lf_frame_chip(struct frame *f, const char *text, int x, int y, int px,
    struct lf_rgba fill, struct lf_rgba ink, int max_w);

/* A finger-sized button with a label and its touch target (chrome.c). */
void lf_frame_button(struct frame *f, struct lf_box b, const char *label, int px, bool active,
    struct lf_rgba accent, enum lf_action action, int arg);
/* The page of every language (language_page.c): from.block is the first
 * language shown; r says where the next page goes on when not all fit. */
void lf_frame_language_page(struct frame *f, struct lf_box area, struct lf_flow_pos from,
    struct lf_page_result *r);

#endif
