#include "render/typesetter.h"

#include <SDL_ttf.h>
#include <fontconfig/fontconfig.h>
#include <fribidi.h>
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"

/* Font families in the order they are asked for a glyph. */
enum { FONT_LATIN, FONT_ARABIC, FONT_SYMBOLS, FONT_FALLBACK, N_FONTS };
static const char *const families[N_FONTS] = {"Noto Sans", "Noto Sans Arabic",
                                              "Noto Sans Symbols 2", "DejaVu Sans"};

#define FONT_CACHE_SIZE 48        /* open (file, size) pairs */
#define MAX_LINE_CODEPOINTS 2048  /* longer lines are cut (never happens: lines are wrapped) */

struct open_font {
    int file;   /* index into files, -1 = free */
    int px;
    unsigned long used;
    TTF_Font *font;
};

struct lf_typesetter {
    char *files[N_FONTS][LF_FACE_COUNT]; /* NULL when the family is missing */
    TTF_Font *probe[N_FONTS][LF_FACE_COUNT]; /* for glyph coverage */
    struct open_font cache[FONT_CACHE_SIZE];
    unsigned long clock;
    struct lf_measure measure;
};

/* The file fontconfig picks for a family and face, only when it is that
 * family (fontconfig always answers with something). */
static char *find_font(const char *family, enum lf_face face)
{
    char *path = NULL;
    FcPattern *pat = FcPatternCreate();
    FcPatternAddString(pat, FC_FAMILY, (const FcChar8 *)family);
    FcPatternAddInteger(pat, FC_WEIGHT, face == LF_FACE_BOLD ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR);
    FcConfigSubstitute(NULL, pat, FcMatchPattern);
    FcDefaultSubstitute(pat);
    FcResult res;
    FcPattern *match = FcFontMatch(NULL, pat, &res);
    FcChar8 *file = NULL, *got = NULL;
    if (match && FcPatternGetString(match, FC_FAMILY, 0, &got) == FcResultMatch &&
        strcmp((const char *)got, family) == 0 &&
        FcPatternGetString(match, FC_FILE, 0, &file) == FcResultMatch)
        path = lf_xstrdup((const char *)file);
    if (match)
        FcPatternDestroy(match);
    FcPatternDestroy(pat);
    return path;
}

static TTF_Font *font_at(struct lf_typesetter *ts, int font, enum lf_face face, int px)
{
    int file = font * LF_FACE_COUNT + (int)face;
    struct open_font *victim = &ts->cache[0];
    ts->clock++;
    for (int i = 0; i < FONT_CACHE_SIZE; i++) {
        struct open_font *o = &ts->cache[i];
        if (o->font && o->file == file && o->px == px) {
            o->used = ts->clock;
            return o->font;
        }
        if (!o->font || (victim->font && o->used < victim->used))
            victim = o;
    }
    if (victim->font)
        TTF_CloseFont(victim->font);
    victim->font = TTF_OpenFont(ts->files[font][face], px);
    if (!victim->font) {
        lf_error("font %s: %s", ts->files[font][face], TTF_GetError());
        return NULL;
    }
    victim->file = file;
    victim->px = px;
    victim->used = ts->clock;
    return victim->font;
}

static bool is_arabic(uint32_t c)
{
    return (c >= 0x0600 && c <= 0x06FF) || (c >= 0x0750 && c <= 0x077F) ||
           (c >= 0x08A0 && c <= 0x08FF) || (c >= 0xFB50 && c <= 0xFDFF) ||
           (c >= 0xFE70 && c <= 0xFEFF);
}

/* Characters that take the font of their neighbours (spaces, punctuation
 * shared by all scripts, joiners). */
static bool is_common(uint32_t c)
{
    return c < 0x80 ? !((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) :
           (c == 0x200C || c == 0x200D || c == 0x00A0 || c == 0x060C || c == 0x061F);
}

/* The font for code point c; prefer `hint` when it has the glyph. */
static int font_for(struct lf_typesetter *ts, enum lf_face face, uint32_t c, int hint)
{
    if (hint >= 0 && ts->probe[hint][face] && is_common(c) &&
        TTF_GlyphIsProvided32(ts->probe[hint][face], c))
        return hint;
    if (is_arabic(c) && ts->probe[FONT_ARABIC][face] &&
        TTF_GlyphIsProvided32(ts->probe[FONT_ARABIC][face], c))
        return FONT_ARABIC;
    for (int f = 0; f < N_FONTS; f++)
        if (ts->probe[f][face] && TTF_GlyphIsProvided32(ts->probe[f][face], c))
            return f;
    return -1;
}

static const char *script_of(int font, uint32_t first)
{
    if (font == FONT_ARABIC)
        return "Arab";
    if (first >= 0x0400 && first <= 0x04FF)
        return "Cyrl";
    if (first >= 0x0370 && first <= 0x03FF)
        return "Grek";
    return "Latn";
}

/* A line split into runs of one font and one bidi level. */
struct run {
    size_t start, len;     /* byte range */
    int font;
    FriBidiLevel level;
    uint32_t first;        /* first strong code point, for the script */
};

struct line {
    struct run runs[256];
    size_t n;
};

static size_t decode(const char *s, size_t len, uint32_t *cp, size_t *off, size_t max)
{
    size_t n = 0, i = 0;
    while (i < len && n < max) {
        unsigned char c = (unsigned char)s[i];
        size_t l = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
        if (i + l > len)
            break;
        uint32_t v = l == 1 ? c : l == 2 ? c & 0x1F : l == 3 ? c & 0x0F : c & 0x07;
        for (size_t k = 1; k < l; k++)
            v = (v << 6) | ((unsigned char)s[i + k] & 0x3F);
        off[n] = i;
        cp[n++] = v;
        i += l;
    }
    off[n] = i;
    return n;
}

/* Splits the line into runs; with `visual` the runs come in display
 * order (bidi levels reordered), else in logical order. */
static void split(struct lf_typesetter *ts, const char *s, size_t len, enum lf_face face,
                  bool rtl, bool visual, struct line *out)
{
    static uint32_t cp[MAX_LINE_CODEPOINTS];
    static size_t off[MAX_LINE_CODEPOINTS + 1];
    static FriBidiCharType types[MAX_LINE_CODEPOINTS];
    static FriBidiBracketType brackets[MAX_LINE_CODEPOINTS];
    static FriBidiLevel levels[MAX_LINE_CODEPOINTS];
    size_t n = decode(s, len, cp, off, MAX_LINE_CODEPOINTS);
    out->n = 0;
    if (n == 0)
        return;
    fribidi_get_bidi_types(cp, (FriBidiStrIndex)n, types);
    fribidi_get_bracket_types(cp, (FriBidiStrIndex)n, types, brackets);
    FriBidiParType dir = rtl ? FRIBIDI_PAR_WRTL : FRIBIDI_PAR_WLTR;
    if (!fribidi_get_par_embedding_levels_ex(types, brackets, (FriBidiStrIndex)n, &dir, levels))
        memset(levels, rtl ? 1 : 0, n * sizeof(levels[0]));

    int cur = -1;
    for (size_t i = 0; i < n; i++) {
        int f = font_for(ts, face, cp[i], cur);
        if (f < 0)
            f = cur >= 0 ? cur : FONT_LATIN; /* drawn as a box; counted by missing_glyphs */
        struct run *r = out->n ? &out->runs[out->n - 1] : NULL;
        if (r && r->font == f && r->level == levels[i]) {
            r->len = off[i + 1] - r->start;
            if (!r->first && !is_common(cp[i]))
                r->first = cp[i];
        } else if (out->n < sizeof(out->runs) / sizeof(out->runs[0])) {
            out->runs[out->n++] = (struct run){off[i], off[i + 1] - off[i], f, levels[i],
                                               is_common(cp[i]) ? 0 : cp[i]};
        } else {
            r->len = off[i + 1] - r->start; /* out of runs: glue the rest on */
        }
        cur = f;
    }
    if (!visual)
        return;
    /* rule L2: from the highest level down to the lowest odd one, reverse
     * every sequence of runs at that level or higher */
    int hi = 0, lo_odd = 256; /* FriBidiLevel is a signed char: compare as int */
    for (size_t i = 0; i < out->n; i++) {
        if (out->runs[i].level > hi)
            hi = out->runs[i].level;
        if ((out->runs[i].level & 1) && out->runs[i].level < lo_odd)
            lo_odd = out->runs[i].level;
    }
    for (int lev = hi; lev >= lo_odd && lev > 0; lev--) {
        for (size_t i = 0; i < out->n;) {
            if (out->runs[i].level < lev) {
                i++;
                continue;
            }
            size_t j = i;
            while (j < out->n && out->runs[j].level >= lev)
                j++;
            for (size_t a = i, b = j - 1; a < b; a++, b--) {
                struct run t = out->runs[a];
                out->runs[a] = out->runs[b];
                out->runs[b] = t;
            }
            i = j;
        }
    }
}

static TTF_Font *run_font(struct lf_typesetter *ts, const struct run *r, enum lf_face face,
                          int px)
{
    TTF_Font *font = font_at(ts, r->font, face, px);
    if (!font)
        return NULL;
    TTF_SetFontDirection(font, (r->level & 1) ? TTF_DIRECTION_RTL : TTF_DIRECTION_LTR);
    TTF_SetFontScriptName(font, script_of(r->font, r->first));
    return font;
}

/* The run's text as a C string for SDL_ttf (runs are short: lines are
 * wrapped; a longer one is cut at the buffer). */
static const char *run_text(const char *utf8, const struct run *r, char *buf, size_t size)
{
    size_t l = r->len < size - 1 ? r->len : size - 1;
    memcpy(buf, utf8 + r->start, l);
    buf[l] = '\0';
    return buf;
}

static int measure_width(void *ctx, enum lf_face face, int px, const char *utf8, size_t len)
{
    struct lf_typesetter *ts = ctx;
    struct line line;
    split(ts, utf8, len, face, false, false, &line);
    int total = 0;
    char buf[4096];
    for (size_t i = 0; i < line.n; i++) {
        const struct run *r = &line.runs[i];
        TTF_Font *font = run_font(ts, r, face, px);
        int w = 0, h = 0;
        if (font && TTF_SizeUTF8(font, run_text(utf8, r, buf, sizeof(buf)), &w, &h) == 0)
            total += w;
    }
    return total;
}

static int measure_line_height(void *ctx, enum lf_face face, int px)
{
    struct lf_typesetter *ts = ctx;
    TTF_Font *font = font_at(ts, FONT_LATIN, face, px);
    return font ? TTF_FontLineSkip(font) : px * 4 / 3;
}

struct lf_typesetter *lf_typesetter_create(void)
{
    if (!FcInit()) {
        lf_error("fontconfig could not be initialised");
        return NULL;
    }
    struct lf_typesetter *ts = lf_xcalloc(1, sizeof(*ts));
    for (int f = 0; f < N_FONTS; f++) {
        for (int face = 0; face < LF_FACE_COUNT; face++) {
            ts->files[f][face] = find_font(families[f], (enum lf_face)face);
            if (!ts->files[f][face] && face == LF_FACE_BOLD && ts->files[f][LF_FACE_REGULAR])
                ts->files[f][face] = lf_xstrdup(ts->files[f][LF_FACE_REGULAR]);
            if (ts->files[f][face])
                ts->probe[f][face] = TTF_OpenFont(ts->files[f][face], 16);
        }
    }
    if (!ts->probe[FONT_LATIN][LF_FACE_REGULAR]) {
        lf_error("font \"%s\" not found: install the fonts-noto-core package", families[0]);
        lf_typesetter_destroy(ts);
        return NULL;
    }
    ts->measure = (struct lf_measure){.ctx = ts, .width = measure_width, .line_height = measure_line_height};
    return ts;
}

void lf_typesetter_destroy(struct lf_typesetter *ts)
{
    if (!ts)
        return;
    for (int i = 0; i < FONT_CACHE_SIZE; i++)
        if (ts->cache[i].font)
            TTF_CloseFont(ts->cache[i].font);
    for (int f = 0; f < N_FONTS; f++)
        for (int face = 0; face < LF_FACE_COUNT; face++) {
            if (ts->probe[f][face])
                TTF_CloseFont(ts->probe[f][face]);
            free(ts->files[f][face]);
        }
    free(ts);
}

const struct lf_measure *lf_typesetter_measure(struct lf_typesetter *ts)
{
    return &ts->measure;
}

SDL_Surface *lf_typesetter_render(struct lf_typesetter *ts, const char *utf8, size_t len,
                                  enum lf_face face, int px, struct lf_rgba color, bool rtl)
{
    struct line line;
    split(ts, utf8, len, face, rtl, true, &line);
    if (line.n == 0)
        return NULL;
    SDL_Surface *parts[256] = {NULL};
    int width = 0, height = measure_line_height(ts, face, px);
    SDL_Color c = {color.r, color.g, color.b, color.a};
    char buf[4096];
    TTF_Font *base = font_at(ts, FONT_LATIN, face, px);
    int base_ascent = base ? TTF_FontAscent(base) : px;
    int ascents[256];
    for (size_t i = 0; i < line.n; i++) {
        const struct run *r = &line.runs[i];
        TTF_Font *font = run_font(ts, r, face, px);
        if (!font)
            continue;
        parts[i] = TTF_RenderUTF8_Blended(font, run_text(utf8, r, buf, sizeof(buf)), c);
        ascents[i] = TTF_FontAscent(font);
        if (parts[i]) {
            width += parts[i]->w;
            /* as tall as every run draws: the dots under an Arabic final
             * yeh reach below the Latin font's line */
            int bottom = px / 16 + base_ascent - ascents[i] + parts[i]->h;
            if (bottom > height)
                height = bottom;
        }
    }
    SDL_Surface *out = NULL;
    if (width > 0)
        out = SDL_CreateRGBSurfaceWithFormat(0, width, height, 32, SDL_PIXELFORMAT_ARGB8888);
    if (out) {
        SDL_FillRect(out, NULL, SDL_MapRGBA(out->format, c.r, c.g, c.b, 0));
        int x = 0, top = px / 16; /* as in the height above */
        for (size_t i = 0; i < line.n; i++) {
            if (!parts[i])
                continue;
            /* align baselines: runs may come from fonts with other ascents */
            SDL_Rect dst = {x, top + base_ascent - ascents[i], parts[i]->w, parts[i]->h};
            SDL_SetSurfaceBlendMode(parts[i], SDL_BLENDMODE_NONE);
            SDL_BlitSurface(parts[i], NULL, out, &dst);
            x += parts[i]->w;
        }
    } else if (width > 0) {
        lf_error("text surface %dx%d: %s", width, height, SDL_GetError());
    }
    for (size_t i = 0; i < line.n; i++)
        SDL_FreeSurface(parts[i]);
    return out;
}

size_t lf_typesetter_missing_glyphs(struct lf_typesetter *ts, const char *utf8)
{
    static uint32_t cp[MAX_LINE_CODEPOINTS];
    static size_t off[MAX_LINE_CODEPOINTS + 1];
    size_t missing = 0, len = strlen(utf8);
    while (len > 0) {
        size_t n = decode(utf8, len, cp, off, MAX_LINE_CODEPOINTS);
        if (n == 0)
            break;
        for (size_t i = 0; i < n; i++) {
            uint32_t c = cp[i];
            if (c < 0x20 || c == ' ' || c == 0x200C || c == 0x200D || c == 0x200E ||
                c == 0x200F)
                continue;
            if (font_for(ts, LF_FACE_REGULAR, c, -1) < 0)
                missing++;
        }
        utf8 += off[n];
        len -= off[n];
    }
    return missing;
}
