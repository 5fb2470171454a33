#include "render/font_coverage.h"

#include <fontconfig/fontconfig.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>

bool lf_font_invisible(uint32_t c)
{
    return c < 0x20 || c == ' ' || c == 0x7F || (c >= 0x80 && c < 0xA0) || c == 0x00AD ||
           (c >= 0x200B && c <= 0x200F) || (c >= 0x2028 && c <= 0x202E) ||
           (c >= 0x2060 && c <= 0x2069) || (c >= 0xFE00 && c <= 0xFE0F) || c == 0xFEFF ||
           (c >= 0xE0000 && c <= 0xE007F) || (c >= 0xE0100 && c <= 0xE01EF);
}

/* Every character any installed font has, gathered once. */
static FcCharSet *installed;

bool lf_font_can_draw(uint32_t c)
{
    if (lf_font_invisible(c))
        return true;
    if (!installed) {
        if (!FcInit())
            return false;
        installed = FcCharSetCreate();
        FcPattern *pat = FcPatternCreate();
        FcObjectSet *os = FcObjectSetBuild(FC_CHARSET, (char *)0);
        FcFontSet *fs = FcFontList(NULL, pat, os);
        for (int i = 0; fs && i < fs->nfont; i++) {
            FcCharSet *cs = NULL;
            if (FcPatternGetCharSet(fs->fonts[i], FC_CHARSET, 0, &cs) == FcResultMatch)
                FcCharSetMerge(installed, cs, NULL);
        }
        if (fs)
            FcFontSetDestroy(fs);
        FcObjectSetDestroy(os);
        FcPatternDestroy(pat);
    }
    return FcCharSetHasChar(installed, c);
}

static bool is_emoji(uint32_t c)
{
    return (c >= 0x1F000 && c <= 0x1FAFF) || (c >= 0x2600 && c <= 0x27BF) ||
           (c >= 0x2B00 && c <= 0x2BFF && u_hasBinaryProperty((UChar32)c, UCHAR_EMOJI));
}

const char *lf_font_package_for(uint32_t c)
{
    if (is_emoji(c))
        return "fonts-noto-color-emoji";
    UErrorCode st = U_ZERO_ERROR;
    UScriptCode s = uscript_getScript((UChar32)c, &st);
    switch (s) {
    case USCRIPT_HAN:
    case USCRIPT_HIRAGANA:
    case USCRIPT_KATAKANA:
    case USCRIPT_HANGUL:
    case USCRIPT_BOPOMOFO:
        return "fonts-noto-cjk";
    case USCRIPT_LATIN:
    case USCRIPT_CYRILLIC:
    case USCRIPT_GREEK:
    case USCRIPT_ARABIC:
    case USCRIPT_HEBREW:
    case USCRIPT_ETHIOPIC:
    case USCRIPT_ARMENIAN:
    case USCRIPT_GEORGIAN:
    case USCRIPT_DEVANAGARI:
    case USCRIPT_BENGALI:
    case USCRIPT_GURMUKHI:
    case USCRIPT_GUJARATI:
    case USCRIPT_TAMIL:
    case USCRIPT_TELUGU:
    case USCRIPT_KANNADA:
    case USCRIPT_MALAYALAM:
    case USCRIPT_SINHALA:
    case USCRIPT_THAI:
    case USCRIPT_LAO:
    case USCRIPT_KHMER:
    case USCRIPT_MYANMAR:
    case USCRIPT_TIBETAN:
    case USCRIPT_THAANA:
    case USCRIPT_SYRIAC:
    case USCRIPT_COMMON:
    case USCRIPT_INHERITED:
        return "fonts-noto-core";
    case USCRIPT_UNKNOWN:
        return NULL; /* private use or unassigned: no font package has it */
    default:
        return "fonts-noto-extra";
    }
}

const char *lf_font_script_name(uint32_t c)
{
    if (is_emoji(c))
        return "emoji";
    UErrorCode st = U_ZERO_ERROR;
    UScriptCode s = uscript_getScript((UChar32)c, &st);
    const char *name = U_SUCCESS(st) ? uscript_getName(s) : NULL;
    return name ? name : "unknown script";
}

uint32_t lf_utf8_next(const char *s, size_t len, size_t *i)
{
    unsigned char c = (unsigned char)s[*i];
    size_t l = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    if (*i + l > len || (c >= 0x80 && c < 0xC0)) {
        (*i)++;
        return 0xFFFD;
    }
    uint32_t v = l == 1 ? c : l == 2 ? c & 0x1F : l == 3 ? c & 0x0F : c & 0x07;
    for (size_t k = 1; k < l; k++)
        v = (v << 6) | ((unsigned char)s[*i + k] & 0x3F);
    *i += l;
    return v;
}
