/* A scene is what one screen region shows, as a flat display list of
 * boxes: filled rectangles, single lines of text and images, plus the
 * touch targets on it. Layout code builds scenes (pure C, testable
 * without a display); the renderer only draws them.
 *
 * Text ops hold one already-wrapped line in logical order; the renderer
 * applies the bidirectional algorithm and shaping when it draws it.
 *
 * Owner: lf_scene_create / lf_scene_destroy; lf_scene_clear empties for
 * reuse. Strings are copied into the scene. Any thread, one at a time. */
#ifndef LF_LAYOUT_SCENE_H
#define LF_LAYOUT_SCENE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/limits.h"
#include "core/log.h"

enum lf_face {
    LF_FACE_REGULAR,
    LF_FACE_BOLD,
    LF_FACE_COUNT,
};

struct lf_rgba {
    uint8_t r, g, b, a;
};

struct lf_box {
    int x, y, w, h;
};

enum lf_op_kind {
    LF_OP_RECT,
    LF_OP_TEXT,
    LF_OP_IMAGE,
    LF_OP_QR,       /* a QR code of `text`, dark on light, quiet zone inside the box */
};

struct lf_op {
    enum lf_op_kind kind;
    struct lf_box box;      /* where it is drawn, screen pixels */
    struct lf_rgba color;   /* fill (RECT) or ink (TEXT) */
    int radius;             /* RECT: corner radius */
    char *text;             /* TEXT: one line, UTF-8, logical order */
    enum lf_face face;      /* TEXT */
    int px;                 /* TEXT: font size in pixels */
    bool rtl;               /* TEXT: paragraph direction right-to-left */
    char lang[LF_MAX_LANG_TAG + 1]; /* TEXT: BCP 47 tag of the text's language ("" unknown):
                                     * picks the glyph forms (Han in zh-Hans, zh-Hant, ja, ko) */
    char *image;            /* IMAGE: file path */
};

/* What a tap on a target does; the app interprets these. */
enum lf_action {
    LF_ACT_NONE,
    LF_ACT_CATEGORY,   /* arg: enum lf_category */
    LF_ACT_ITEM,       /* arg: index into the current list */
    LF_ACT_PREV,
    LF_ACT_NEXT,
    LF_ACT_HOME,       /* back to the carousel */
    LF_ACT_LANGUAGE,   /* arg: index into the bundle's languages */
    LF_ACT_LARGE_TEXT, /* toggle */
    LF_ACT_CONTRAST,   /* toggle the high-contrast theme */
    LF_ACT_MORE_LANGUAGES, /* open the page of every language */
    LF_ACT_READ_ALOUD, /* read the page aloud; again: stop */
    LF_ACT_SLOWER,     /* toggle slower speech */
    LF_ACT_NOTICE,     /* arg: index into the list page's notices */
};

struct lf_target {
    struct lf_box box;
    enum lf_action action;
    int arg;
};

struct lf_scene;

struct lf_scene *lf_scene_create(void);
void lf_scene_destroy(struct lf_scene *s);
void lf_scene_clear(struct lf_scene *s);
/* dst := src: its ops (strings copied), targets and language. */
void lf_scene_copy(struct lf_scene *dst, const struct lf_scene *src);
/* The heap the scene holds, in bytes (ops, targets, strings). */
size_t lf_scene_bytes(const struct lf_scene *s);

void lf_scene_rect(struct lf_scene *s, struct lf_box box, struct lf_rgba color, int radius);
void lf_scene_text(struct lf_scene *s, struct lf_box box, const char *utf8, size_t len,
                   enum lf_face face, int px, struct lf_rgba color, bool rtl);
/* The language of the text ops added from now on (copied; NULL or "":
 * unknown). lf_frame_init sets the screen's language; a language's own
 * name in the strip is set in that language. */
void lf_scene_lang(struct lf_scene *s, const char *tag);
void lf_scene_image(struct lf_scene *s, struct lf_box box, const char *path);
void lf_scene_qr(struct lf_scene *s, struct lf_box box, const char *payload);
void lf_scene_target(struct lf_scene *s, struct lf_box box, enum lf_action action, int arg);

size_t lf_scene_count(const struct lf_scene *s);
const struct lf_op *lf_scene_op(const struct lf_scene *s, size_t i);
size_t lf_scene_target_count(const struct lf_scene *s);
const struct lf_target *lf_scene_target_at(const struct lf_scene *s, size_t i);
/* The target under (x, y), topmost (last added) first; NULL if none. */
const struct lf_target *lf_scene_hit(const struct lf_scene *s, int x, int y);

/* Mirrors every op and target horizontally inside [x0, x0 + width):
 * used to lay out right-to-left languages. */
void lf_scene_mirror(struct lf_scene *s, size_t from_op, size_t from_target, int x0,
                     int width);

bool lf_box_overlaps(struct lf_box a, struct lf_box b);
bool lf_box_inside(struct lf_box inner, struct lf_box outer);

#endif
