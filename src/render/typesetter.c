#include "render/typesetter.h"

#include <SDL_ttf.h>
#include <fontconfig/fontconfig.h>
#include <ft2build.h>
#include FT_FREETYPE_H
#include <fribidi.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unicode/uchar.h>
#include <unicode/uloc.h>
#include <unicode/uscript.h>

#include "core/limits.h"
#include "core/xalloc.h"
#include "render/font_coverage.h"
#include "render/image_load.h"
#include "render/painter.h"

/* The faces asked first: Noto Sans (Latin, Cyrillic, Greek) and, for
 * Arabic script, Noto Sans Arabic. Every other character goes to the
 * font fontconfig finds for it, Noto families first. */
enum { FONT_LATIN, FONT_ARABIC, N_FIXED };
static const char *const families[N_FIXED] = {"Noto Sans", "Noto Sans Arabic"};

#define MAX_FONTS 48              /* font files in use (fixed + found per character) */
#define FONT_CACHE_SIZE 48        /* open (file, size) pairs */
#define MAX_LINE_CODEPOINTS 2048  /* longer lines are cut (never happens: lines are wrapped) */
#define GLYPH_CACHE 4096          /* (code point, face) -> font answers kept */
#define MAX_LOGGED_MISSING 64     /* code points without a font, each logged once */
#define MAX_FONT_LANGS 32         /* languages asked of fontconfig; more: asked without one */
#define FONT_LANG_BYTES 16        /* "zh-tw", "ur", "ku-arab" */

/* A font file's coverage is fontconfig's character set from its cache
 * (memory-mapped, shared): the same as the file's Unicode cmap, which
 * SDL_ttf asks, for every code point from U+0020 on (checked over all
 * 2449 installed faces); the C0 controls below, which fontconfig leaves
 * out, are read from the cmap once. No TTF_Font is held open for it: one
 * costs SDL_ttf's copy of the face's tables, 2.4 MB for Noto Sans CJK. */
struct font_file {
    char *path;
    int index;            /* face in a collection (.ttc) */
    bool bitmap;          /* fixed sizes only (colour emoji): scaled when drawn */
    FcCharSet *coverage;  /* a reference into fontconfig's cache */
    uint32_t controls;    /* bit c: the cmap maps U+0000 + c (c < 0x20) */
    char *family;         /* the face's family name */
};

struct open_font {
    int file;   /* index into files, -1 = free */
    int px;
    unsigned long used;
    unsigned long page;   /* the page (lf_typesetter_next_page) it was last used for */
    TTF_Font *font;
};

struct glyph_answer {
    uint32_t cp;      /* 0 = empty slot */
    int8_t face;
    int8_t lang;      /* index into langs */
    int16_t font;     /* -1: no font draws it */
};

/* The sizes of the last pictures the layout asked for, by path and mtime. */
#define PICTURE_SIZES 32
struct image_size {
    char *path;
    time_t mtime;
    off_t bytes;
    int w, h;
};

struct lf_typesetter {
    struct font_file files[MAX_FONTS];
    int n_files;
    int fixed[N_FIXED][LF_FACE_COUNT]; /* index into files, -1 when missing */
    char langs[MAX_FONT_LANGS][FONT_LANG_BYTES]; /* [0] = "": no language */
    int n_langs;
    int lang;         /* the language of the text being set now, index into langs */
    struct glyph_answer answers[GLYPH_CACHE];
    size_t n_answers;
    uint32_t logged[MAX_LOGGED_MISSING];
    size_t n_logged;
    struct open_font cache[FONT_CACHE_SIZE];
    unsigned long clock;
    unsigned long page;   /* pages started by lf_typesetter_next_page */
    struct lf_measure measure;
    struct image_size pictures[PICTURE_SIZES]; /* the layout asks on every layout */
    size_t next_picture;
    FT_Library ft;        /* reads a new font file's cmap, then closes it */
};

/* The charmap SDL_ttf (2.20) selects, so that coverage answers as
 * TTF_GlyphIsProvided32 would: UCS-4, else the first Unicode or symbol one. */
static void select_charmap_as_sdl_ttf(FT_Face face)
{
    FT_CharMap found = NULL;
    for (int i = 0; i < face->num_charmaps && !found; i++)
        if (face->charmaps[i]->platform_id == 3 && face->charmaps[i]->encoding_id == 10)
            found = face->charmaps[i];
    for (int i = 0; i < face->num_charmaps && !found; i++) {
        FT_CharMap cm = face->charmaps[i];
        if ((cm->platform_id == 3 && (cm->encoding_id == 1 || cm->encoding_id == 0)) ||
            (cm->platform_id == 2 && cm->encoding_id == 1) || cm->platform_id == 0)
            found = cm;
    }
    if (found)
        (void)FT_Set_Charmap(face, found);
}

/* The file for (path, index) with fontconfig's character set for it;
 * -1 when it cannot be read. */
static int add_file(struct lf_typesetter *ts, const char *path, int index, bool bitmap,
                    FcCharSet *coverage)
{
    for (int i = 0; i < ts->n_files; i++)
        if (ts->files[i].index == index && strcmp(ts->files[i].path, path) == 0)
            return i;
    if (ts->n_files == MAX_FONTS || !coverage)
        return -1;
    /* FreeType maps the file and reads only what is asked here: no copy
     * of its tables stays (SDL_ttf's own reading copies them) */
    FT_Face face;
    if (!ts->ft || FT_New_Face(ts->ft, path, index, &face) != 0) {
        lf_warn("font %s: FreeType cannot read it", path);
        return -1;
    }
    select_charmap_as_sdl_ttf(face);
    uint32_t controls = 0;
    for (uint32_t c = 0; c < 0x20; c++)
        if (FT_Get_Char_Index(face, c))
            controls |= 1u << c;
    /* a font of fixed sizes (colour emoji) is as tall at any size asked:
     * fontconfig calls such fonts scalable too */
    bitmap = bitmap || !FT_IS_SCALABLE(face);
    char *family = lf_xstrdup(face->family_name ? face->family_name : "");
    FT_Done_Face(face);
    ts->files[ts->n_files] = (struct font_file){lf_xstrdup(path), index, bitmap,
                                                FcCharSetCopy(coverage), controls, family};
    return ts->n_files++;
}

/* Whether the file's cmap maps c (what TTF_GlyphIsProvided32 asks). */
static bool file_has(const struct font_file *f, uint32_t c)
{
    return c < 0x20 ? ((f->controls >> c) & 1u) != 0 : FcCharSetHasChar(f->coverage, c) != FcFalse;
}

/* The file fontconfig picks for a family and face, only when it is that
 * family (fontconfig always answers with something). */
static int find_family(struct lf_typesetter *ts, const char *family, enum lf_face face)
{
    int found = -1;
    FcPattern *pat = FcPatternCreate();
    FcPatternAddString(pat, FC_FAMILY, (const FcChar8 *)family);
    FcPatternAddInteger(pat, FC_WEIGHT, face == LF_FACE_BOLD ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR);
    FcConfigSubstitute(NULL, pat, FcMatchPattern);
    FcDefaultSubstitute(pat);
    FcResult res;
    FcPattern *match = FcFontMatch(NULL, pat, &res);
    FcChar8 *file = NULL, *got = NULL;
    FcCharSet *have = NULL;
    int index = 0;
    if (match && FcPatternGetString(match, FC_FAMILY, 0, &got) == FcResultMatch &&
        strcmp((const char *)got, family) == 0 &&
        FcPatternGetString(match, FC_FILE, 0, &file) == FcResultMatch &&
        FcPatternGetCharSet(match, FC_CHARSET, 0, &have) == FcResultMatch) {
        (void)FcPatternGetInteger(match, FC_INDEX, 0, &index);
        found = add_file(ts, (const char *)file, index, false, have);
    }
    if (match)
        FcPatternDestroy(match);
    FcPatternDestroy(pat);
    return found;
}

/* The language most written in c's script ("ta" for Tamil letters),
 * from CLDR's likely subtags; false for Latin, common and inherited
 * characters (and when ICU does not know). */
static bool script_language(uint32_t c, char *buf, size_t size)
{
    UErrorCode st = U_ZERO_ERROR;
    UScriptCode s = uscript_getScript((UChar32)c, &st);
    if (U_FAILURE(st) || s == USCRIPT_COMMON || s == USCRIPT_INHERITED ||
        s == USCRIPT_UNKNOWN || s == USCRIPT_LATIN)
        return false;
    const char *name = uscript_getShortName(s);
    if (!name)
        return false;
    char und[16], full[ULOC_FULLNAME_CAPACITY];
    snprintf(und, sizeof(und), "und_%s", name);
    uloc_addLikelySubtags(und, full, (int32_t)sizeof(full), &st);
    if (U_FAILURE(st))
        return false;
    int32_t n = uloc_getLanguage(full, buf, (int32_t)size, &st);
    return U_SUCCESS(st) && n > 0 && strcmp(buf, "und") != 0;
}

/* Whether c belongs to no script (a symbol, punctuation) and the text
 * being set is not in Chinese, Japanese or Korean. */
static bool symbol_outside_cjk(const struct lf_typesetter *ts, uint32_t c)
{
    UErrorCode st = U_ZERO_ERROR;
    if (uscript_getScript((UChar32)c, &st) != USCRIPT_COMMON || U_FAILURE(st))
        return false;
    const char *lang = ts->langs[ts->lang];
    static const char *const cjk[] = {"zh", "ja", "ko"};
    for (size_t i = 0; i < sizeof(cjk) / sizeof(cjk[0]); i++)
        if (strncmp(lang, cjk[i], 2) == 0 && (lang[2] == '\0' || lang[2] == '-' || lang[2] == '_'))
            return false;
    return true;
}

/* Asks fontconfig for a font with a glyph for c, closest to Noto Sans in
 * the face's weight: Noto families first, then any. -1 when none has. */
static int find_for_char(struct lf_typesetter *ts, enum lf_face face, uint32_t c,
                         bool emoji_asked)
{
    int found = -1;
    FcPattern *pat = FcPatternCreate();
    FcPatternAddString(pat, FC_FAMILY, (const FcChar8 *)"Noto Sans");
    /* a symbol of no script that Noto Sans lacks (the footer's ◐, "■ Stopp")
     * from Noto Sans Symbols2 or Symbols: by weight alone fontconfig ranked
     * Noto Sans CJK Bold first, whose face SDL_ttf copies into 2.7 MB of
     * heap for the one glyph (Symbols2: 0.12 MB). Text in Chinese,
     * Japanese or Korean keeps its own font's forms of them. */
    if (symbol_outside_cjk(ts, c)) {
        FcPatternAddString(pat, FC_FAMILY, (const FcChar8 *)"Noto Sans Symbols2");
        FcPatternAddString(pat, FC_FAMILY, (const FcChar8 *)"Noto Sans Symbols");
    }
    /* the text's language ranks fonts of one coverage: the Chinese,
     * Japanese and Korean faces of Noto Sans CJK all draw U+76F4 直, each
     * in its own forms */
    if (ts->langs[ts->lang][0])
        FcPatternAddString(pat, FC_LANG, (const FcChar8 *)ts->langs[ts->lang]);
    /* then the language the character's script is written in most (CLDR's
     * likely subtags: Taml -> ta): of the fonts that have a Tamil letter,
     * Noto Sans Tamil (which has the virama and vowel signs too) before
     * Noto Sans Grantha (which has some Tamil letters, not their marks) */
    char script_lang[ULOC_FULLNAME_CAPACITY];
    if (script_language(c, script_lang, sizeof(script_lang)))
        FcPatternAddString(pat, FC_LANG, (const FcChar8 *)script_lang);
    FcPatternAddInteger(pat, FC_WEIGHT, face == LF_FACE_BOLD ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR);
    FcPatternAddInteger(pat, FC_WIDTH, FC_WIDTH_NORMAL);
    FcCharSet *cs = FcCharSetCreate();
    FcCharSetAddChar(cs, c);
    FcPatternAddCharSet(pat, FC_CHARSET, cs);
    FcConfigSubstitute(NULL, pat, FcMatchPattern);
    FcDefaultSubstitute(pat);
    FcResult res;
    FcFontSet *fs = FcFontSort(NULL, pat, FcFalse, NULL, &res);
    /* characters shown as emoji by default (☕ 🌐) prefer a colour font */
    bool emoji = emoji_asked || u_hasBinaryProperty((UChar32)c, UCHAR_EMOJI_PRESENTATION);
    for (int pass = emoji ? -1 : 0; pass < 2 && found < 0 && fs; pass++) {
        for (int i = 0; i < fs->nfont && found < 0; i++) {
            FcPattern *f = fs->fonts[i];
            FcCharSet *have = NULL;
            FcChar8 *file = NULL, *family = NULL;
            FcBool scalable = FcTrue, color = FcFalse;
            int index = 0;
            if (FcPatternGetCharSet(f, FC_CHARSET, 0, &have) != FcResultMatch ||
                !FcCharSetHasChar(have, c) ||
                FcPatternGetString(f, FC_FILE, 0, &file) != FcResultMatch)
                continue;
            (void)FcPatternGetString(f, FC_FAMILY, 0, &family);
            (void)FcPatternGetBool(f, FC_SCALABLE, 0, &scalable);
            (void)FcPatternGetBool(f, FC_COLOR, 0, &color);
            (void)FcPatternGetInteger(f, FC_INDEX, 0, &index);
            if (!scalable && !color)
                continue; /* pixel fonts: one size, and ugly scaled */
            bool noto = family && strncmp((const char *)family, "Noto", 4) == 0;
            if ((pass == -1 && !color) || (pass == 0 && !noto))
                continue;
            int at = add_file(ts, (const char *)file, index, !scalable, have);
            if (at >= 0 && file_has(&ts->files[at], c))
                found = at;
        }
    }
    if (fs)
        FcFontSetDestroy(fs);
    FcCharSetDestroy(cs);
    FcPatternDestroy(pat);
    return found;
}

static TTF_Font *font_at(struct lf_typesetter *ts, int file, int px)
{
    struct open_font *victim = &ts->cache[0];
    ts->clock++;
    for (int i = 0; i < FONT_CACHE_SIZE; i++) {
        struct open_font *o = &ts->cache[i];
        if (o->font && o->file == file && o->px == px) {
            o->used = ts->clock;
            o->page = ts->page;
            return o->font;
        }
        if (!o->font || (victim->font && o->used < victim->used))
            victim = o;
    }
    if (victim->font)
        TTF_CloseFont(victim->font);
    const struct font_file *ff = &ts->files[file];
    victim->font = TTF_OpenFontIndex(ff->path, px, ff->index);
    if (!victim->font) {
        lf_error("font %s: %s", ff->path, TTF_GetError());
        return NULL;
    }
    victim->file = file;
    victim->px = px;
    victim->used = ts->clock;
    victim->page = ts->page;
    return victim->font;
}

static bool is_arabic(uint32_t c)
{
    return (c >= 0x0600 && c <= 0x06FF) || (c >= 0x0750 && c <= 0x077F) ||
           (c >= 0x08A0 && c <= 0x08FF) || (c >= 0xFB50 && c <= 0xFDFF) ||
           (c >= 0xFE70 && c <= 0xFEFF);
}

/* Characters that take the font of their neighbours (spaces, punctuation
 * shared by all scripts, joiners, variation selectors, emoji modifiers). */
static bool is_common(uint32_t c)
{
    return c < 0x80 ? !((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) :
           (c == 0x200C || c == 0x200D || c == 0x00A0 || c == 0x060C || c == 0x061F ||
            c == 0x2009 || c == 0x202F || c == 0x2013 || (c >= 0xFE00 && c <= 0xFE0F) ||
            (c >= 0x1F3FB && c <= 0x1F3FF) || (c >= 0xE0020 && c <= 0xE007F));
}

static bool is_mark(uint32_t c)
{
    int8_t t = u_charType((UChar32)c);
    return t == U_NON_SPACING_MARK || t == U_COMBINING_SPACING_MARK || t == U_ENCLOSING_MARK;
}

static bool provides(const struct lf_typesetter *ts, int file, uint32_t c)
{
    return file >= 0 && file_has(&ts->files[file], c);
}

/* Logs a character no installed font draws, once per character. */
static void log_missing(struct lf_typesetter *ts, uint32_t c)
{
    for (size_t i = 0; i < ts->n_logged; i++)
        if (ts->logged[i] == c)
            return;
    if (ts->n_logged == MAX_LOGGED_MISSING)
        return;
    ts->logged[ts->n_logged++] = c;
    const char *package = lf_font_package_for(c);
    lf_warn("no installed font draws U+%04X (%s): it shows as an empty box; %s%s%s",
            (unsigned)c, lf_font_script_name(c),
            package ? "install the Debian package " : "a private-use or unassigned character",
            package ? package : "",
            ts->n_logged == MAX_LOGGED_MISSING ? " (further such characters are not logged)"
                                               : "");
}

/* What holds an emoji sequence together: the zero-width joiner of 👨‍👩‍👧
 * and 🏳️‍🌈, variation selectors, skin tones, the tags of 🏴 flags and the
 * keycap mark. Kept in the colour font's run, or HarfBuzz never sees the
 * sequence whole and draws its parts side by side. */
static bool binds_emoji(uint32_t c)
{
    return c == 0x200D || (c >= 0xFE00 && c <= 0xFE0F) || (c >= 0x1F3FB && c <= 0x1F3FF) ||
           (c >= 0xE0020 && c <= 0xE007F) || c == 0x20E3;
}

#define EMOJI_ASKED 0x40000000u /* glyph cache key: c followed by U+FE0F */

/* The font for code point c; prefer `hint` when it has the glyph. With
 * `emoji_asked` (c is followed by U+FE0F: ❤️, ☎️) a colour font first. */
static int font_for(struct lf_typesetter *ts, enum lf_face face, uint32_t c, int hint,
                    bool emoji_asked)
{
    if (hint >= 0 && ts->files[hint].bitmap && binds_emoji(c))
        return hint; /* even where its cmap lacks U+FE0F: HarfBuzz takes it as a selector */
    if (hint >= 0 && is_common(c) && !ts->files[hint].bitmap && provides(ts, hint, c))
        return hint;
    /* a combining mark (Tamil virama and vowel signs, Devanagari matras,
     * Hebrew points, U+0301) stays in its letter's font where that font
     * has it: in another font's run HarfBuzz shapes it alone, on a
     * dotted circle */
    if (hint >= 0 && is_mark(c) && provides(ts, hint, c))
        return hint;
    if (!emoji_asked && is_arabic(c) && provides(ts, ts->fixed[FONT_ARABIC][face], c))
        return ts->fixed[FONT_ARABIC][face];
    if (!emoji_asked && provides(ts, ts->fixed[FONT_LATIN][face], c))
        return ts->fixed[FONT_LATIN][face];
    uint32_t key = emoji_asked ? c | EMOJI_ASKED : c;
    size_t h = (key * 2654435761u + (uint32_t)face + (uint32_t)ts->lang * 7919u) % GLYPH_CACHE;
    for (size_t k = 0; k < GLYPH_CACHE; k++) {
        struct glyph_answer *a = &ts->answers[(h + k) % GLYPH_CACHE];
        if (a->cp == 0)
            break;
        if (a->cp == key && a->face == (int8_t)face && a->lang == (int8_t)ts->lang)
            return a->font;
    }
    int f = find_for_char(ts, face, c, emoji_asked);
    if (f < 0 && !lf_font_invisible(c))
        log_missing(ts, c);
    if (ts->n_answers >= GLYPH_CACHE * 3 / 4) {
        memset(ts->answers, 0, sizeof(ts->answers));
        ts->n_answers = 0;
    }
    for (size_t k = 0; k < GLYPH_CACHE; k++) {
        struct glyph_answer *a = &ts->answers[(h + k) % GLYPH_CACHE];
        if (a->cp == 0) {
            *a = (struct glyph_answer){key, (int8_t)face, (int8_t)ts->lang, (int16_t)f};
            ts->n_answers++;
            break;
        }
    }
    return f;
}

/* The script HarfBuzz shapes a run as (ISO 15924), from its first
 * letter: Ethiopic, Hebrew, Han ... each get their own rules. */
static const char *script_of(uint32_t first)
{
    if (!first)
        return "Latn";
    UErrorCode st = U_ZERO_ERROR;
    UScriptCode s = uscript_getScript((UChar32)first, &st);
    if (U_FAILURE(st) || s == USCRIPT_COMMON || s == USCRIPT_INHERITED || s == USCRIPT_UNKNOWN)
        return "Latn";
    const char *name = uscript_getShortName(s);
    return name && strlen(name) == 4 ? name : "Latn";
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

/* Phone numbers keep their digit order in right-to-left text. By the
 * bidi algorithm spaces, slashes and brackets between digit groups take
 * the paragraph's direction, so in Arabic "0251 492-7077" would be drawn
 * "7077-492 0251": a false number. A run of one kind of digits (European
 * or Arabic-Indic) with single separators " -/.()" between its groups, a
 * leading '+' or '(' and at least PHONE_MIN_DIGITS digits in two or more
 * groups is made one number run: its separators get the digits' type.
 * Times "17:00–19:00" and dates "12.03.2027" are left alone (':' and '–'
 * are not separators here; '.' between digits is a number's anyway). */
enum { PHONE_MIN_DIGITS = 5 };

static bool phone_separator(uint32_t c)
{
    return c == ' ' || c == '-' || c == '/' || c == '.' || c == '(' || c == ')';
}

static void keep_phone_numbers(const uint32_t *cp, FriBidiCharType *types,
                               FriBidiBracketType *brackets, size_t n)
{
    size_t i = 0;
    while (i < n) {
        FriBidiCharType digit = types[i];
        if (digit != FRIBIDI_TYPE_EN && digit != FRIBIDI_TYPE_AN) {
            i++;
            continue;
        }
        size_t start = i; /* a leading '+' or '(' belongs to the number */
        if (start > 0 && (cp[start - 1] == '+' || cp[start - 1] == '('))
            start--;
        if (start > 0 && cp[start] == '(' && cp[start - 1] == '+')
            start--;
        size_t end = i, digits = 0, groups = 0; /* end: after the last digit */
        size_t j = i;
        while (j < n) {
            if (types[j] == digit) {
                groups++;
                while (j < n && types[j] == digit) {
                    digits++;
                    j++;
                }
                end = j;
                continue;
            }
            /* between two groups: at most two separators, one a space */
            size_t k = j, spaces = 0;
            while (k < n && k - j < 3 && phone_separator(cp[k]))
                spaces += cp[k++] == ' ';
            if (k == j || k - j > 2 || spaces > 1 || k >= n || types[k] != digit)
                break;
            j = k;
        }
        /* brackets go with it only in pairs: "(0251 492-7077)" whole */
        int depth = 0;
        bool paired = true;
        for (size_t k = start; k < end; k++) {
            depth += cp[k] == '(' ? 1 : cp[k] == ')' ? -1 : 0;
            paired = paired && depth >= 0;
        }
        if (paired && depth == 1 && end < n && cp[end] == ')') {
            end++;
            depth = 0;
        }
        paired = paired && depth == 0;
        if (groups >= 2 && digits >= PHONE_MIN_DIGITS)
            for (size_t k = start; k < end; k++)
                if (types[k] != digit && (paired || (cp[k] != '(' && cp[k] != ')'))) {
                    types[k] = digit;
                    brackets[k] = FRIBIDI_NO_BRACKET;
                }
        i = end > i ? end : i + 1;
    }
}

/* A web or e-mail address broken at the end of a line ("https://
 * example.org/anmeldung?" of "...?lang=ar" going on on the next) keeps
 * the signs it ends with at its end: the line alone gave them the
 * paragraph's direction, and in Arabic text the '?' was drawn before the
 * "https". The line's last word is an address when it has "://", "www."
 * or '@'; its last signs take the type of the letter or digit before. */
static void keep_address_end(const uint32_t *cp, FriBidiCharType *types, size_t n)
{
    size_t word = n;
    while (word > 0 && cp[word - 1] != ' ')
        word--;
    bool address = false;
    for (size_t i = word; i < n && !address; i++)
        address = cp[i] == '@' || (cp[i] == ':' && i + 2 < n && cp[i + 1] == '/' &&
                                   cp[i + 2] == '/') ||
                  (i + 3 < n && cp[i] == 'w' && cp[i + 1] == 'w' && cp[i + 2] == 'w' &&
                   cp[i + 3] == '.');
    if (!address)
        return;
    size_t end = n;
    while (end > word && !FRIBIDI_IS_STRONG(types[end - 1]) && types[end - 1] != FRIBIDI_TYPE_EN)
        end--;
    if (end == n || end == word || types[end - 1] == FRIBIDI_TYPE_RTL ||
        types[end - 1] == FRIBIDI_TYPE_AL)
        return;
    for (size_t i = end; i < n; i++)
        types[i] = FRIBIDI_TYPE_LTR;
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
    keep_phone_numbers(cp, types, brackets, n);
    /* A hyphen ending a wrapped line stood between two letters of one word
     * ("Schneider-Özdemir", "Informations-abend"); the line alone would
     * give it the paragraph's direction, and in Arabic text "Frau
     * Schneider-" was drawn "-Frau Schneider". It keeps its word's. */
    if (n >= 2 && (cp[n - 1] == '-' || cp[n - 1] == 0x2010) &&
        (types[n - 2] == FRIBIDI_TYPE_LTR || types[n - 2] == FRIBIDI_TYPE_RTL ||
         types[n - 2] == FRIBIDI_TYPE_AL))
        types[n - 1] = types[n - 2];
    keep_address_end(cp, types, n);
    FriBidiParType dir = rtl ? FRIBIDI_PAR_WRTL : FRIBIDI_PAR_WLTR;
    if (!fribidi_get_par_embedding_levels_ex(types, brackets, (FriBidiStrIndex)n, &dir, levels))
        memset(levels, rtl ? 1 : 0, n * sizeof(levels[0]));

    int cur = -1;
    for (size_t i = 0; i < n; i++) {
        bool emoji_asked = i + 1 < n && cp[i + 1] == 0xFE0F && !is_common(cp[i]);
        int f = font_for(ts, face, cp[i], cur, emoji_asked);
        if (f < 0)
            f = cur >= 0 ? cur : ts->fixed[FONT_LATIN][face]; /* a box; logged once */
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

/* Colour emoji come in fixed sizes: opened at their own size, then
 * scaled to the line (run_scale). */
static int bitmap_px(const struct lf_typesetter *ts, int file, int px)
{
    return ts->files[file].bitmap ? 109 : px;
}

/* How much a run's rendering must be scaled: 1 but for bitmap fonts,
 * whose glyphs are brought to the height of the line's capitals. */
static double run_scale(struct lf_typesetter *ts, const struct run *r, enum lf_face face, int px)
{
    if (!ts->files[r->font].bitmap)
        return 1.0;
    TTF_Font *bm = font_at(ts, r->font, bitmap_px(ts, r->font, px));
    TTF_Font *base = font_at(ts, ts->fixed[FONT_LATIN][face], px);
    if (!bm || !base || TTF_FontHeight(bm) <= 0)
        return 1.0;
    return (double)TTF_FontHeight(base) / TTF_FontHeight(bm);
}

static TTF_Font *run_font(struct lf_typesetter *ts, const struct run *r, enum lf_face face,
                          int px)
{
    TTF_Font *font = font_at(ts, r->font, bitmap_px(ts, r->font, px));
    if (!font)
        return NULL;
    TTF_SetFontDirection(font, (r->level & 1) ? TTF_DIRECTION_RTL : TTF_DIRECTION_LTR);
    TTF_SetFontScriptName(font, script_of(r->first));
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
            total += (int)(w * run_scale(ts, r, face, px) + 0.5);
    }
    return total;
}

static int measure_line_height(void *ctx, enum lf_face face, int px)
{
    struct lf_typesetter *ts = ctx;
    TTF_Font *font = font_at(ts, ts->fixed[FONT_LATIN][face], px);
    return font ? TTF_FontLineSkip(font) : px * 4 / 3;
}

/* The layout's image_size: from the file's header (PNG or JPEG), turned as
 * its EXIF orientation says, as the painter shows it. */
static bool measure_image_size(void *ctx, const char *path, int *w, int *h)
{
    struct lf_typesetter *ts = ctx;
    struct stat st;
    if (stat(path, &st) != 0 || !S_ISREG(st.st_mode))
        return false; /* never opens a FIFO */
    for (size_t i = 0; i < PICTURE_SIZES; i++) {
        struct image_size *e = &ts->pictures[i];
        if (e->path && strcmp(e->path, path) == 0 && e->mtime == st.st_mtime &&
            e->bytes == st.st_size) {
            *w = e->w;
            *h = e->h;
            return true;
        }
    }
    int pw = 0, ph = 0;
    if (!lf_image_dimensions(path, &pw, &ph) || pw <= 0 || ph <= 0)
        return false;
    if (lf_image_orientation(path) >= 5) { /* turned a quarter: width and height swap */
        int t = pw;
        pw = ph;
        ph = t;
    }
    struct image_size *e = &ts->pictures[ts->next_picture++ % PICTURE_SIZES];
    free(e->path);
    *e = (struct image_size){lf_xstrdup(path), st.st_mtime, st.st_size, pw, ph};
    *w = pw;
    *h = ph;
    return true;
}

struct lf_typesetter *lf_typesetter_create(void)
{
    if (!FcInit()) {
        lf_error("fontconfig could not be initialised");
        return NULL;
    }
    struct lf_typesetter *ts = lf_xcalloc(1, sizeof(*ts));
    if (FT_Init_FreeType(&ts->ft) != 0) {
        lf_error("FreeType could not be initialised");
        ts->ft = NULL;
    }
    for (int f = 0; f < N_FIXED; f++) {
        for (int face = 0; face < LF_FACE_COUNT; face++) {
            ts->fixed[f][face] = find_family(ts, families[f], (enum lf_face)face);
            if (ts->fixed[f][face] < 0 && face == LF_FACE_BOLD)
                ts->fixed[f][face] = ts->fixed[f][LF_FACE_REGULAR];
        }
    }
    if (ts->fixed[FONT_LATIN][LF_FACE_REGULAR] < 0) {
        lf_error("font \"%s\" not found: install the fonts-noto-core package", families[0]);
        lf_typesetter_destroy(ts);
        return NULL;
    }
    ts->n_langs = 1; /* langs[0] = "": no language */
    ts->measure = (struct lf_measure){.ctx = ts, .width = measure_width,
                                      .line_height = measure_line_height,
                                      .image_size = measure_image_size};
    return ts;
}

int lf_typesetter_next_page(struct lf_typesetter *ts)
{
    ts->page++;
    int closed = 0;
    for (int i = 0; i < FONT_CACHE_SIZE; i++) {
        struct open_font *o = &ts->cache[i];
        if (o->font && ts->page - o->page > LF_FONT_KEEP_PAGES) {
            TTF_CloseFont(o->font);
            o->font = NULL;
            closed++;
        }
    }
    return closed;
}

int lf_typesetter_open_fonts(const struct lf_typesetter *ts)
{
    int n = 0;
    for (int i = 0; i < FONT_CACHE_SIZE; i++)
        n += ts->cache[i].font != NULL;
    return n;
}

void lf_typesetter_destroy(struct lf_typesetter *ts)
{
    if (!ts)
        return;
    for (size_t i = 0; i < PICTURE_SIZES; i++)
        free(ts->pictures[i].path);
    for (int i = 0; i < FONT_CACHE_SIZE; i++)
        if (ts->cache[i].font)
            TTF_CloseFont(ts->cache[i].font);
    for (int f = 0; f < ts->n_files; f++) {
        FcCharSetDestroy(ts->files[f].coverage);
        free(ts->files[f].family);
        free(ts->files[f].path);
    }
    if (ts->ft)
        FT_Done_FreeType(ts->ft);
    free(ts);
}

const struct lf_measure *lf_typesetter_measure(struct lf_typesetter *ts)
{
    return &ts->measure;
}

/* A bitmap run brought to the line's size (colour emoji come at 109 px). */
static SDL_Surface *scaled(SDL_Surface *part, double scale)
{
    int w = (int)(part->w * scale + 0.5), h = (int)(part->h * scale + 0.5);
    if (w < 1 || h < 1)
        return part;
    SDL_Surface *out = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    if (!out)
        return part;
    SDL_SetSurfaceBlendMode(part, SDL_BLENDMODE_NONE);
    if (SDL_BlitScaled(part, NULL, out, NULL) != 0) {
        SDL_FreeSurface(out);
        return part;
    }
    SDL_FreeSurface(part);
    return out;
}

void lf_font_language(const char *tag, char *buf, size_t size)
{
    buf[0] = '\0';
    if (!tag || !tag[0])
        return;
    /* subtags: language, then a script of 4 letters, a region of 2 or 3 */
    char lang[9] = "", script[5] = "", region[4] = "";
    const char *p = tag;
    for (int i = 0; *p; i++) {
        size_t n = strcspn(p, "-_");
        char sub[9] = "";
        for (size_t k = 0; k < n && k < sizeof(sub) - 1; k++)
            sub[k] = (char)((p[k] >= 'A' && p[k] <= 'Z') ? p[k] - 'A' + 'a' : p[k]);
        if (i == 0)
            memcpy(lang, sub, sizeof(lang));
        else if (n == 4 && !script[0])
            memcpy(script, sub, sizeof(script));
        else if ((n == 2 || n == 3) && !region[0])
            memcpy(region, sub, sizeof(region));
        else if (n == 1)
            break; /* private use ("de-x-ls") and extensions */
        p += n;
        if (*p)
            p++;
    }
    if (strcmp(lang, "zh") == 0 || strcmp(lang, "yue") == 0) {
        bool hk = strcmp(region, "hk") == 0 || strcmp(region, "mo") == 0 ||
                  (strcmp(lang, "yue") == 0 && !region[0]);
        bool trad = strcmp(script, "hant") == 0 || strcmp(region, "tw") == 0 || hk;
        snprintf(buf, size, "%s", !trad ? "zh-cn" : hk ? "zh-hk" : "zh-tw");
        return;
    }
    snprintf(buf, size, "%s", lang);
}

/* Makes `tag` the language of the text set from now on. */
static void use_lang(struct lf_typesetter *ts, const char *tag)
{
    char fl[FONT_LANG_BYTES];
    lf_font_language(tag, fl, sizeof(fl));
    for (int i = 0; i < ts->n_langs; i++)
        if (strcmp(ts->langs[i], fl) == 0) {
            ts->lang = i;
            return;
        }
    if (ts->n_langs == MAX_FONT_LANGS) {
        ts->lang = 0;
        return;
    }
    memcpy(ts->langs[ts->n_langs], fl, sizeof(fl));
    ts->lang = ts->n_langs++;
}

bool lf_typesetter_family_for(struct lf_typesetter *ts, enum lf_face face, uint32_t c,
                              const char *lang, char *buf, size_t size)
{
    use_lang(ts, lang);
    int f = font_for(ts, face, c, -1, false);
    ts->lang = 0;
    const char *family = f >= 0 ? ts->files[f].family : NULL;
    if (!family || !family[0])
        return false;
    snprintf(buf, size, "%s", family);
    return true;
}

SDL_Surface *lf_typesetter_render(struct lf_typesetter *ts, const char *utf8, size_t len,
                                  enum lf_face face, int px, struct lf_rgba color, bool rtl)
{
    return lf_typesetter_render_lang(ts, utf8, len, face, px, color, rtl, NULL);
}

/* A line as the pictures of its runs (one font each) and where each
 * goes in the line's picture of w x h. */
struct line_parts {
    size_t n;
    SDL_Surface *part[256];
    SDL_Rect at[256];
    int w, h;
    SDL_Color color;
};

static void free_parts(struct line_parts *lp)
{
    for (size_t i = 0; i < lp->n; i++)
        SDL_FreeSurface(lp->part[i]);
    lp->n = 0;
}

/* False when nothing is drawn (no run, or no font for any). */
static bool typeset_parts(struct lf_typesetter *ts, const char *utf8, size_t len,
                          enum lf_face face, int px, struct lf_rgba color, bool rtl,
                          const char *lang, struct line_parts *lp)
{
    struct line line;
    use_lang(ts, lang);
    split(ts, utf8, len, face, rtl, true, &line);
    ts->lang = 0;
    lp->n = 0;
    if (line.n == 0)
        return false;
    int width = 0, height = measure_line_height(ts, face, px);
    SDL_Color c = {color.r, color.g, color.b, color.a};
    lp->color = c;
    char buf[4096];
    TTF_Font *base = font_at(ts, ts->fixed[FONT_LATIN][face], px);
    int base_ascent = base ? TTF_FontAscent(base) : px;
    int ascents[256];
    lp->n = line.n;
    for (size_t i = 0; i < line.n; i++) {
        const struct run *r = &line.runs[i];
        lp->part[i] = NULL;
        TTF_Font *font = run_font(ts, r, face, px);
        if (!font)
            continue;
        lp->part[i] = TTF_RenderUTF8_Blended(font, run_text(utf8, r, buf, sizeof(buf)), c);
        ascents[i] = TTF_FontAscent(font);
        double k = run_scale(ts, r, face, px);
        if (lp->part[i] && k != 1.0) {
            lp->part[i] = scaled(lp->part[i], k);
            ascents[i] = (int)(ascents[i] * k + 0.5);
        }
        if (lp->part[i]) {
            width += lp->part[i]->w;
            /* as tall as every run draws: the dots under an Arabic final
             * yeh reach below the Latin font's line */
            int bottom = px / 16 + base_ascent - ascents[i] + lp->part[i]->h;
            if (bottom > height)
                height = bottom;
        }
    }
    int x = 0, top = px / 16; /* as in the height above */
    for (size_t i = 0; i < line.n; i++) {
        if (!lp->part[i])
            continue;
        /* align baselines: runs may come from fonts with other ascents */
        lp->at[i] = (SDL_Rect){x, top + base_ascent - ascents[i], lp->part[i]->w,
                               lp->part[i]->h};
        x += lp->part[i]->w;
    }
    lp->w = width;
    lp->h = height;
    if (width > 0)
        return true;
    free_parts(lp);
    return false;
}

/* The runs copied into out (lp->w x lp->h, ARGB8888), the rest of it
 * the text's colour, transparent; frees the runs. Every pixel of out
 * is written once: the runs side by side span the width, above and
 * below each run is filled. */
static void compose(struct line_parts *lp, SDL_Surface *out)
{
    Uint32 clear = SDL_MapRGBA(out->format, lp->color.r, lp->color.g, lp->color.b, 0);
    for (size_t i = 0; i < lp->n; i++) {
        if (!lp->part[i])
            continue;
        SDL_Rect d = lp->at[i];
        SDL_Rect above = {d.x, 0, d.w, d.y}, below = {d.x, d.y + d.h, d.w, lp->h - (d.y + d.h)};
        if (above.h > 0)
            SDL_FillRect(out, &above, clear);
        if (below.h > 0)
            SDL_FillRect(out, &below, clear);
        SDL_SetSurfaceBlendMode(lp->part[i], SDL_BLENDMODE_NONE);
        SDL_BlitSurface(lp->part[i], NULL, out, &d);
    }
    free_parts(lp);
}

SDL_Surface *lf_typesetter_render_lang(struct lf_typesetter *ts, const char *utf8, size_t len,
                                       enum lf_face face, int px, struct lf_rgba color, bool rtl,
                                       const char *lang)
{
    static struct line_parts lp; /* main thread only, as the fonts */
    if (!typeset_parts(ts, utf8, len, face, px, color, rtl, lang, &lp))
        return NULL;
    SDL_Surface *out = SDL_CreateRGBSurfaceWithFormat(0, lp.w, lp.h, 32,
                                                      SDL_PIXELFORMAT_ARGB8888);
    if (!out) {
        lf_error("text surface %dx%d: %s", lp.w, lp.h, SDL_GetError());
        free_parts(&lp);
        return NULL;
    }
    compose(&lp, out);
    return out;
}

SDL_Texture *lf_typesetter_render_texture(struct lf_typesetter *ts, SDL_Renderer *r,
                                          const char *utf8, size_t len, enum lf_face face,
                                          int px, struct lf_rgba color, bool rtl,
                                          const char *lang, int *w, int *h)
{
    static struct line_parts lp;
    if (!typeset_parts(ts, utf8, len, face, px, color, rtl, lang, &lp))
        return NULL;
    SDL_Texture *t = SDL_CreateTexture(r, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_STREAMING,
                                       lp.w, lp.h);
    void *pixels = NULL;
    int pitch = 0;
    SDL_Surface *out = NULL;
    if (t && SDL_LockTexture(t, NULL, &pixels, &pitch) == 0) {
        out = SDL_CreateRGBSurfaceWithFormatFrom(pixels, lp.w, lp.h, 32, pitch,
                                                 SDL_PIXELFORMAT_ARGB8888);
        if (out)
            compose(&lp, out);
        SDL_FreeSurface(out);
        SDL_UnlockTexture(t);
    }
    if (!out) {
        lf_error("text texture %dx%d: %s", lp.w, lp.h, SDL_GetError());
        free_parts(&lp);
        if (t)
            SDL_DestroyTexture(t);
        return NULL;
    }
    *w = lp.w;
    *h = lp.h;
    return t;
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
            if (lf_font_invisible(c))
                continue;
            for (int face = 0; face < LF_FACE_COUNT; face++)
                if (font_for(ts, (enum lf_face)face, c, -1, false) < 0) {
                    missing++;
                    break;
                }
        }
        utf8 += off[n];
        len -= off[n];
    }
    return missing;
}
