/* Content bundle: reads content.json with jansson, validates every field
 * against docs/content-format.md and builds the plain model of bundle.h.
 *
 * Validation collects every problem (up to LF_MAX_BUNDLE_DIAGS listed)
 * instead of stopping at the first, so an administrator can fix a file in
 * one go. Positions come from content/json_locate.h, because jansson does
 * not keep them. Everything allocated hangs off the bundle, so one
 * lf_bundle_destroy() cleans up a half-parsed bundle too. */
#include "content/bundle.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include <jansson.h>
#include <pthread.h>
#include <sodium.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/uscript.h>
#include <unicode/ustring.h>

#include "content/field_hint.h"
#include "content/json_hint.h"
#include "content/json_locate.h"
#include "content/signature.h"
#include "core/civil_time.h"
#include "core/durable.h"
#include "core/picture_kind.h"
#include "core/small_file.h"
#include "core/xalloc.h"

/* Room for a field path in a diagnostic, e.g. "items[499].hours.ranges[13].from". */
#define PATH_BYTES 320

struct parse {
    const char *text;  /* the manifest, for positions */
    size_t len;
    const char *file;  /* name in diagnostics */
    const char *dir;   /* NULL: image files are not checked */
    char *dir_real;    /* realpath(dir) */
    struct lf_diags *diags;
    bool ignore_files; /* `litfass pack`: an old "files" list is neither read nor required */
    size_t errors;     /* errors found by this parse, listed or not */
    size_t listed;
    size_t unlisted_errors, unlisted_warnings;
    struct lf_bundle *b;
};

/* ---- diagnostics ---- */

static void vreport(struct parse *p, enum lf_diag_severity sev, const char *path,
                    enum lf_json_anchor anchor, const char *fmt, va_list ap)
{
    if (sev == LF_DIAG_ERROR)
        p->errors++;
    if (p->listed >= LF_MAX_BUNDLE_DIAGS) {
        if (sev == LF_DIAG_ERROR)
            p->unlisted_errors++;
        else
            p->unlisted_warnings++;
        return;
    }
    p->listed++;
    struct lf_json_pos pos;
    /* A path that is not found entirely (a missing field) is reported
     * at the object that lacks it: that is the answer we want. */
    (void)lf_json_locate(p->text, p->len, path, anchor, &pos);
    lf_diags_addv(p->diags, sev, p->file, pos.line, pos.column, path, fmt, ap);
}

static void error(struct parse *p, const char *path, const char *fmt, ...) LF_PRINTF(3, 4);
static void error(struct parse *p, const char *path, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vreport(p, LF_DIAG_ERROR, path, LF_JSON_AT_VALUE, fmt, ap);
    va_end(ap);
}

static void error_at_key(struct parse *p, const char *path, const char *fmt, ...)
    LF_PRINTF(3, 4);
static void error_at_key(struct parse *p, const char *path, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vreport(p, LF_DIAG_ERROR, path, LF_JSON_AT_KEY, fmt, ap);
    va_end(ap);
}

static void warning(struct parse *p, const char *path, const char *fmt, ...) LF_PRINTF(3, 4);
static void warning(struct parse *p, const char *path, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vreport(p, LF_DIAG_WARNING, path, LF_JSON_AT_VALUE, fmt, ap);
    va_end(ap);
}

/* A field the format does not know (or not for this kind): a warning that
 * says it will not be shown and which field was probably meant, and an
 * entry in the bundle's list of what is not shown (validate's summary).
 * `known`: the names valid where it stands. `why` may be NULL. */
static void warn_unknown(struct parse *p, const char *path, const char *name,
                         const char *const *known, size_t n_known, const char *why)
{
    const char *meant = lf_field_suggest(name, known, n_known);
    struct lf_json_pos pos;
    (void)lf_json_locate(p->text, p->len, path, LF_JSON_AT_KEY, &pos);
    if (p->listed < LF_MAX_BUNDLE_DIAGS) {
        p->listed++;
        /* one format per case: the studio translates each */
        if (!why && meant)
            lf_diags_add(p->diags, LF_DIAG_WARNING, p->file, pos.line, pos.column, path,
                         "unknown field: it will not be shown; did you mean \"%s\"?", meant);
        else if (!why)
            lf_diags_add(p->diags, LF_DIAG_WARNING, p->file, pos.line, pos.column, path,
                         "unknown field: it will not be shown");
        else if (meant)
            lf_diags_add(p->diags, LF_DIAG_WARNING, p->file, pos.line, pos.column, path,
                         "%s: it will not be shown; did you mean \"%s\"?", why, meant);
        else
            lf_diags_add(p->diags, LF_DIAG_WARNING, p->file, pos.line, pos.column, path,
                         "%s: it will not be shown", why);
    } else {
        p->unlisted_warnings++;
    }
    struct lf_bundle *b = p->b;
    if (b->n_ignored < LF_MAX_BUNDLE_DIAGS) {
        b->ignored = lf_xrealloc(b->ignored, (b->n_ignored + 1) * sizeof(*b->ignored));
        b->ignored[b->n_ignored++] =
            meant ? lf_xasprintf("%s (%s?)", path, meant) : lf_xstrdup(path);
    }
}

/* A problem with the whole file, at no position. */
static void file_error(struct lf_diags *d, const char *file, const char *fmt, ...)
    LF_PRINTF(3, 4);
static void file_error(struct lf_diags *d, const char *file, const char *fmt, ...)
{
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    lf_diags_add(d, LF_DIAG_ERROR, file, 0, 0, "", "%s", msg);
}

/* A path cut short (only by an absurdly long key) ends in "...". */
static void mark_cut(char *out, int n)
{
    if (n < 0 || n >= PATH_BYTES)
        memcpy(out + PATH_BYTES - 4, "...", 4);
}

static void sub_path(char *out, const char *path, const char *key)
{
    mark_cut(out, snprintf(out, PATH_BYTES, "%s%s%s", path, path[0] ? "." : "", key));
}

static void index_path(char *out, const char *path, size_t i)
{
    mark_cut(out, snprintf(out, PATH_BYTES, "%s[%zu]", path, i));
}

static const char *type_name(const json_t *v)
{
    switch (json_typeof(v)) {
    case JSON_OBJECT: return "an object";
    case JSON_ARRAY: return "an array";
    case JSON_STRING: return "a string";
    case JSON_INTEGER: return "a whole number";
    case JSON_REAL: return "a number";
    case JSON_TRUE:
    case JSON_FALSE: return "true/false";
    case JSON_NULL: return "null";
    }
    return "something else";
}

/* ---- scalar values ---- */

static bool is_blank_len(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\n' && s[i] != '\r')
            return false;
    return true;
}

static bool is_blank(const char *s)
{
    return is_blank_len(s, strlen(s));
}

/* The code point of the UTF-8 sequence at s (valid UTF-8: jansson has
 * checked it); *n receives its length. */
static unsigned utf8_at(const unsigned char *s, size_t *n)
{
    if (s[0] < 0x80) {
        *n = 1;
        return s[0];
    }
    if ((s[0] & 0xE0) == 0xC0) {
        *n = 2;
        return (unsigned)(s[0] & 0x1F) << 6 | (s[1] & 0x3F);
    }
    if ((s[0] & 0xF0) == 0xE0) {
        *n = 3;
        return (unsigned)(s[0] & 0x0F) << 12 | (unsigned)(s[1] & 0x3F) << 6 | (s[2] & 0x3F);
    }
    *n = 4;
    return (unsigned)(s[0] & 0x07) << 18 | (unsigned)(s[1] & 0x3F) << 12 |
           (unsigned)(s[2] & 0x3F) << 6 | (s[3] & 0x3F);
}

/* Direction controls that can show a text other than it is written
 * ("KIRTAP" as "PATRIK"): embeddings and overrides U+202A-U+202E,
 * isolates U+2066-U+2069. The bidi algorithm orders mixed text by
 * itself; these are removed (neutralised) with a warning. */
static bool bidi_control(unsigned cp)
{
    return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

/* Code points that show nothing: white space (U+00A0, U+2000-U+200A,
 * U+3000 ...), default-ignorables (soft hyphen, zero-width space and
 * joiners, word joiner, BOM, variation selectors, Hangul fillers, tags)
 * and the direction controls, which are removed. */
static bool invisible(unsigned cp)
{
    return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0x85 || cp == 0xA0 ||
           cp == 0xAD || cp == 0x034F || cp == 0x061C || cp == 0x115F || cp == 0x1160 ||
           cp == 0x1680 || cp == 0x17B4 || cp == 0x17B5 || (cp >= 0x180B && cp <= 0x180F) ||
           (cp >= 0x2000 && cp <= 0x200F) || (cp >= 0x2028 && cp <= 0x202F) ||
           (cp >= 0x205F && cp <= 0x206F) || cp == 0x2800 || cp == 0x3000 || cp == 0x3164 ||
           (cp >= 0xFE00 && cp <= 0xFE0F) || cp == 0xFEFF || cp == 0xFFA0 ||
           (cp >= 0x1BCA0 && cp <= 0x1BCA3) || (cp >= 0xE0000 && cp <= 0xE0FFF);
}

/* The first code point of s when s holds nothing that shows, else 0. */
static unsigned only_invisible(const char *s)
{
    unsigned first = 0;
    for (size_t i = 0, n; s[i]; i += n) {
        unsigned cp = utf8_at((const unsigned char *)s + i, &n);
        if (!invisible(cp))
            return 0;
        if (!first && cp > 0x7F)
            first = cp;
    }
    return first;
}

static const char *bidi_name(unsigned cp)
{
    static const char *const names[] = {
        "LEFT-TO-RIGHT EMBEDDING", "RIGHT-TO-LEFT EMBEDDING", "POP DIRECTIONAL FORMATTING",
        "LEFT-TO-RIGHT OVERRIDE",  "RIGHT-TO-LEFT OVERRIDE",  "LEFT-TO-RIGHT ISOLATE",
        "RIGHT-TO-LEFT ISOLATE",   "FIRST STRONG ISOLATE",    "POP DIRECTIONAL ISOLATE"};
    return cp <= 0x202E ? names[cp - 0x202A] : names[5 + cp - 0x2066];
}

/* Control characters in a text: a Tab becomes a space and a carriage
 * return goes (warnings), direction controls go (warning), any other
 * control character is an error (it would show as an empty box). A line
 * break (\n) is allowed. False on an error. */
static bool check_controls(struct parse *p, const char *s, const char *path)
{
    bool ok = true, tab = false, cr = false;
    unsigned bidi = 0;
    for (size_t i = 0, n; s[i]; i += n) {
        unsigned cp = utf8_at((const unsigned char *)s + i, &n);
        if (cp == '\n')
            continue;
        if (cp == '\t') {
            tab = true;
        } else if (cp == '\r') {
            cr = true;
        } else if (bidi_control(cp)) {
            if (!bidi)
                bidi = cp;
        } else if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F)) {
            if (ok)
                error(p, path, "control character U+%04X at byte %zu: not allowed in a text "
                               "(it shows as an empty box); remove it", cp, i);
            ok = false;
        }
    }
    if (tab)
        warning(p, path, "a Tab character: shown as a space (write a space, or \\n for a line "
                         "break)");
    if (cr)
        warning(p, path, "a carriage return (\\r): removed (a line break is \\n)");
    if (bidi)
        warning(p, path, "invisible direction control U+%04X (%s) removed: it can show a "
                         "text reversed or out of order", bidi, bidi_name(bidi));
    return ok;
}

/* ---- invisible characters pasted with a text ----
 *
 * The zero-width space U+200B, the word joiner U+2060 and the byte order
 * mark U+FEFF show nothing (the kiosk draws them as nothing), so a text
 * copied from a web page, a PDF or a joined file can carry them unseen:
 * two words then look glued together ("Diessind") or one is split for
 * line breaks, reading aloud and search. They are kept (the text is shown
 * as written) and said in a warning where they are almost certainly such
 * left-overs:
 *   - U+FEFF always: inside a text it is only a file's start mark (as the
 *     no-break it once also was, U+2060 took its place in 2002);
 *   - U+200B and U+2060 unless a neighbour is written without spaces
 *     between words (Thai, Lao, Khmer, Myanmar, Tibetan, Tai Tham, New Tai
 *     Lue, Balinese, Javanese, Chinese, Japanese: there they mark where a
 *     line may break, or may not), and then only at the text's start or
 *     end, next to white space or another of them, or between two letters
 *     or digits (inside a word, or in the place of a space). Next to a
 *     punctuation mark or a symbol ("www.stadt.de/<ZWSP>termine",
 *     "<WJ>-") it may have been put there on purpose and is left alone.
 * The joiners U+200C (ZWNJ: the Persian and Kurdish half space, Indic
 * conjuncts) and U+200D (ZWJ: emoji sequences, Indic forms) are part of
 * the writing and never warned of. */
static bool written_without_spaces(UChar32 c)
{
    UErrorCode err = U_ZERO_ERROR;
    UScriptCode script = uscript_getScript(c, &err);
    if (U_FAILURE(err))
        return false;
    switch (script) {
    case USCRIPT_THAI: case USCRIPT_LAO: case USCRIPT_KHMER: case USCRIPT_MYANMAR:
    case USCRIPT_TIBETAN: case USCRIPT_LANNA: case USCRIPT_NEW_TAI_LUE: case USCRIPT_TAI_LE:
    case USCRIPT_TAI_VIET: case USCRIPT_BALINESE: case USCRIPT_JAVANESE: case USCRIPT_HAN:
    case USCRIPT_HIRAGANA: case USCRIPT_KATAKANA:
        return true;
    default:
        return false;
    }
}

static bool pasted_invisible(UChar32 c)
{
    return c == 0x200B || c == 0x2060 || c == 0xFEFF;
}

/* Whether U+200B or U+2060 between `before` and `after` (0: the text's
 * start or end) is a left-over (see above). */
static bool stray_break_control(UChar32 before, UChar32 after)
{
    if ((before && written_without_spaces(before)) || (after && written_without_spaces(after)))
        return false;
    if (!before || !after)
        return true;
    if (u_isUWhiteSpace(before) || u_isUWhiteSpace(after) || pasted_invisible(before) ||
        pasted_invisible(after))
        return true;
    int8_t kind = u_charType(before);
    bool mark = kind == U_NON_SPACING_MARK || kind == U_COMBINING_SPACING_MARK;
    return (u_isalnum(before) || mark) && u_isalnum(after);
}

/* Warns of the first U+200B, U+2060 and U+FEFF in `text` (the `lang`
 * translation at `path`) that are left-overs, each naming its place:
 * the character's number in the text, counted from 1. */
static void warn_pasted_invisibles(struct parse *p, const char *text, const char *path,
                                   const char *lang)
{
    bool zwsp = false, wj = false, bom = false;
    UChar32 before = 0;
    size_t chars = 0, n;
    for (size_t i = 0; text[i]; i += n, chars++) {
        UChar32 c = (UChar32)utf8_at((const unsigned char *)text + i, &n);
        if (!pasted_invisible(c)) {
            before = c;
            continue;
        }
        size_t m = 0;
        UChar32 after = text[i + n] ? (UChar32)utf8_at((const unsigned char *)text + i + n, &m) : 0;
        if (c == 0xFEFF && !bom) {
            bom = true;
            warning(p, path, "invisible byte order mark (U+FEFF) at character %zu of the \"%s\" "
                             "text: a file's start mark, left over from pasting or joining "
                             "files; remove it", chars + 1, lang);
        } else if (c == 0x200B && !zwsp && stray_break_control(before, after)) {
            zwsp = true;
            warning(p, path, "invisible zero-width space (U+200B) at character %zu of the \"%s\" "
                             "text: probably pasted with it; it glues two words together or "
                             "splits one where nothing is seen; remove it, or write a space "
                             "(the Persian and Kurdish half space is U+200C)", chars + 1, lang);
        } else if (c == 0x2060 && !wj && stray_break_control(before, after)) {
            wj = true;
            warning(p, path, "invisible word joiner (U+2060) at character %zu of the \"%s\" "
                             "text: probably pasted with it, it does nothing there; remove it",
                    chars + 1, lang);
        }
        before = c;
    }
}

/* A copy of a checked string with what check_controls neutralises
 * neutralised: Tab -> space, no carriage returns, no direction controls. */
static char *dup_clean(const char *s)
{
    char *out = lf_xstrdup(s);
    size_t w = 0;
    for (size_t i = 0, n; s[i]; i += n) {
        unsigned cp = utf8_at((const unsigned char *)s + i, &n);
        if (cp == '\r' || bidi_control(cp))
            continue;
        if (cp == '\t') {
            out[w++] = ' ';
            continue;
        }
        memcpy(out + w, s + i, n);
        w += n;
    }
    out[w] = '\0';
    return out;
}

/* An array of at most `max` entries, its size in *n; otherwise an error
 * saying what it should hold ("expected an array of <of>, found ...") or
 * that it has too many ("too many <many> (n, at most max)"). */
static bool check_array(struct parse *p, const json_t *v, const char *path, const char *of,
                        const char *many, int max, size_t *n)
{
    if (!json_is_array(v)) {
        error(p, path, "expected an array of %s, found %s", of, type_name(v));
        return false;
    }
    *n = json_array_size(v);
    if (*n > (size_t)max) {
        error(p, path, "too many %s (%zu, at most %d)", many, *n, max);
        return false;
    }
    return true;
}

/* A non-empty string within LF_MAX_STRING_BYTES. jansson has checked
 * UTF-8 and rejected NUL already. */
static bool check_string(struct parse *p, const json_t *v, const char *path)
{
    if (!json_is_string(v)) {
        error(p, path, "expected a string, found %s", type_name(v));
        return false;
    }
    size_t n = json_string_length(v);
    if (n > LF_MAX_STRING_BYTES) {
        error(p, path, "too long (%zu bytes, at most %d)", n, LF_MAX_STRING_BYTES);
        return false;
    }
    if (is_blank(json_string_value(v))) {
        error(p, path, "empty");
        return false;
    }
    unsigned cp = only_invisible(json_string_value(v));
    if (cp) {
        error(p, path, "only invisible characters (such as U+%04X): nothing would be shown; "
                       "write the text or leave the field out", cp);
        return false;
    }
    return check_controls(p, json_string_value(v), path);
}

static bool parse_string(struct parse *p, const json_t *v, const char *path, char **out)
{
    if (!check_string(p, v, path))
        return false;
    *out = dup_clean(json_string_value(v));
    return true;
}

static bool is_alpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool is_alnum(char c)
{
    return is_alpha(c) || (c >= '0' && c <= '9');
}

/* The shape of a BCP 47 tag: a 2-3 letter language, then subtags of 1-8
 * letters or digits joined by hyphens ("de", "pt-BR", "de-x-ls"). */
static bool lang_tag_ok(const char *s)
{
    size_t n = strlen(s);
    if (n == 0 || n > LF_MAX_LANG_TAG)
        return false;
    size_t i = 0;
    while (is_alpha(s[i]))
        i++;
    if (i < 2 || i > 3)
        return false;
    while (s[i]) {
        if (s[i++] != '-')
            return false;
        size_t start = i;
        while (is_alnum(s[i]))
            i++;
        if (i - start < 1 || i - start > 8)
            return false;
    }
    return true;
}

#define LANG_TAG_HINT "BCP 47, e.g. \"de\", \"tr\", \"pt-BR\", \"de-x-ls\""

/* A wall-clock time (written without a zone) that the night of a DST
 * change skips or repeats: said, so that an editor's "02:30" does not
 * appear as 03:30 (or as the summer-time one of two) without a word. */
static void warn_clock_change(struct parse *p, const char *text, time_t t, const char *path)
{
    if (strlen(text) < 16 || strpbrk(text + 11, "Zz+-"))
        return; /* a zone or an offset fixes the moment */
    int hh = (text[11] - '0') * 10 + (text[12] - '0');
    int mm = (text[14] - '0') * 10 + (text[15] - '0');
    struct tm tm, later;
    lf_local_time(t, &tm);
    if (tm.tm_hour != hh || tm.tm_min != mm) {
        warning(p, path,
                "%.16s does not exist in %s: the clocks go forward an hour that night, so the "
                "kiosk shows %02d:%02d; write the time the clocks will show",
                text, LF_TIME_ZONE, tm.tm_hour, tm.tm_min);
        return;
    }
    lf_local_time(t + 3600, &later);
    if (later.tm_hour == hh && later.tm_min == mm && later.tm_mday == tm.tm_mday)
        warning(p, path,
                "%.16s happens twice in %s: the clocks go back an hour that night; the kiosk "
                "takes the first (summer time, %.16s+02:00), write %.16s+01:00 for the second",
                text, LF_TIME_ZONE, text, text);
}

static bool parse_datetime(struct parse *p, const json_t *v, const char *path, time_t *out)
{
    if (!check_string(p, v, path))
        return false;
    int y, m, d;
    if (lf_parse_date(json_string_value(v), &y, &m, &d)) {
        error(p, path, "a date without a time: write the moment, e.g. %sT00:00",
              json_string_value(v));
        return false;
    }
    if (!lf_parse_datetime(json_string_value(v), out)) {
        error(p, path, "not a date-time (write it like 2027-03-21T18:00)");
        return false;
    }
    warn_clock_change(p, json_string_value(v), *out, path);
    return true;
}

/* Local midnight at the start of the day after y-m-d. */
static time_t midnight_after(int y, int m, int d)
{
    struct tm tm;
    lf_local_time(lf_local_make(y, m, d, 12, 0) + 86400, &tm);
    return lf_local_make(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, 0, 0);
}

/* Says so when the text starts with a date of a day the month does not
 * have ("2027-02-30" would have been 2 March); false when it does not. */
static bool no_such_day(struct parse *p, const char *text, const char *path)
{
    char date[11];
    if (strlen(text) < 10 || (text[10] != '\0' && text[10] != 'T'))
        return false;
    memcpy(date, text, 10);
    date[10] = '\0';
    for (int i = 0; i < 10; i++) {
        if ((i == 4 || i == 7) ? date[i] != '-' : (date[i] < '0' || date[i] > '9'))
            return false;
    }
    int y = (date[0] - '0') * 1000 + (date[1] - '0') * 100 + (date[2] - '0') * 10 + (date[3] - '0');
    int m = (date[5] - '0') * 10 + (date[6] - '0'), d = (date[8] - '0') * 10 + (date[9] - '0');
    if (m < 1 || m > 12 || d < 1 || d > 31 || d <= lf_days_in_month(y, m))
        return false;
    error(p, path, "%s does not exist: that month has %d days", date, lf_days_in_month(y, m));
    return true;
}

/* An event's start or end: a date-time, or a date alone (an all-day
 * event): the start is that day's local midnight, an end the midnight
 * after it (the last day is included). */
static bool parse_event_time(struct parse *p, const json_t *v, const char *path, bool is_end,
                             time_t *out, bool *date_only)
{
    if (!check_string(p, v, path))
        return false;
    int y, m, d;
    if (lf_parse_date(json_string_value(v), &y, &m, &d)) {
        if (no_such_day(p, json_string_value(v), path))
            return false;
        if (y < 1970 || y > 9999 || m < 1 || m > 12 || d < 1 || d > 31) {
            error(p, path, "not a date (write it like 2027-03-21)");
            return false;
        }
        *date_only = true;
        *out = is_end ? midnight_after(y, m, d) : lf_local_make(y, m, d, 0, 0);
        return true;
    }
    *date_only = false;
    if (!lf_parse_datetime(json_string_value(v), out)) {
        if (!no_such_day(p, json_string_value(v), path))
            error(p, path, "not a date-time (write it like 2027-03-21T18:00, or 2027-03-21 "
                           "alone for an all-day event)");
        return false;
    }
    if (no_such_day(p, json_string_value(v), path))
        return false;
    warn_clock_change(p, json_string_value(v), *out, path);
    return true;
}

static bool parse_int(struct parse *p, const json_t *v, const char *path, long long min,
                      long long max, const char *range_hint, int *out)
{
    if (!json_is_integer(v)) {
        error(p, path, "expected a whole number, found %s", type_name(v));
        return false;
    }
    long long n = json_integer_value(v);
    if (n < min || n > max) {
        error(p, path, "%lld is out of range (%s)", n, range_hint);
        return false;
    }
    *out = (int)n;
    return true;
}

/* ---- texts and languages ---- */

/* Notes a language used by a text; the bundle lists them all, "de" first. */
static bool add_language(struct parse *p, const char *tag, const char *path)
{
    struct lf_bundle *b = p->b;
    for (size_t i = 0; i < b->n_languages; i++)
        if (strcasecmp(b->languages[i], tag) == 0)
            return true;
    if (b->n_languages == LF_MAX_TRANSLATIONS) {
        error_at_key(p, path, "\"%s\" would be language %d of the bundle: at most %d languages "
                              "in all texts together", tag, LF_MAX_TRANSLATIONS + 1,
                     LF_MAX_TRANSLATIONS);
        return false;
    }
    b->languages[b->n_languages++] = lf_xstrdup(tag);
    return true;
}

static bool parse_text(struct parse *p, const json_t *v, const char *path, struct lf_text *out)
{
    if (json_is_string(v)) {
        if (!check_string(p, v, path))
            return false;
        warn_pasted_invisibles(p, json_string_value(v), path, LF_FALLBACK_LANG);
        out->tr = lf_xcalloc(1, sizeof(*out->tr));
        out->n = 1;
        snprintf(out->tr[0].lang, sizeof(out->tr[0].lang), "%s", LF_FALLBACK_LANG);
        out->tr[0].text = dup_clean(json_string_value(v));
        return true;
    }
    if (!json_is_object(v)) {
        error(p, path, "expected a text (a string, or an object such as {\"de\": \"...\", "
                       "\"en\": \"...\"}), found %s",
              type_name(v));
        return false;
    }
    size_t n = json_object_size(v);
    if (n > LF_MAX_TRANSLATIONS) {
        error(p, path, "too many languages (%zu, at most %d)", n, LF_MAX_TRANSLATIONS);
        return false;
    }
    out->tr = lf_xcalloc(n ? n : 1, sizeof(*out->tr));
    bool ok = true, german = false;
    const char *tag;
    json_t *s;
    json_object_foreach((json_t *)v, tag, s) {
        char sub[PATH_BYTES];
        sub_path(sub, path, tag);
        if (!lang_tag_ok(tag)) {
            error_at_key(p, sub, "not a language tag (" LANG_TAG_HINT ")");
            ok = false;
            continue;
        }
        bool twice = false;
        for (size_t i = 0; i < out->n; i++)
            twice = twice || strcasecmp(out->tr[i].lang, tag) == 0;
        if (twice) {
            error_at_key(p, sub, "language given twice");
            ok = false;
            continue;
        }
        if (!check_string(p, s, sub) || !add_language(p, tag, sub)) {
            ok = false;
            continue;
        }
        warn_pasted_invisibles(p, json_string_value(s), sub, tag);
        struct lf_translation *t = &out->tr[out->n++];
        snprintf(t->lang, sizeof(t->lang), "%s", tag);
        t->text = dup_clean(json_string_value(s));
        german = german || strcasecmp(tag, LF_FALLBACK_LANG) == 0;
    }
    if (ok && !german) {
        error(p, path, "no German text (\"de\"): German is required as the fallback");
        ok = false;
    }
    return ok;
}

/* ---- item fields ---- */

#define K_EVENT (1u << LF_ITEM_EVENT)
#define K_OFFER (1u << LF_ITEM_OFFER)
#define K_CONTACT (1u << LF_ITEM_CONTACT)
#define K_NOTICE (1u << LF_ITEM_NOTICE)
#define K_ALL (K_EVENT | K_OFFER | K_CONTACT | K_NOTICE)
#define K_EOC (K_EVENT | K_OFFER | K_CONTACT)

enum field_type {
    FT_ID,
    FT_TEXT,
    FT_STRING,
    FT_EMAIL,
    FT_URL,
    FT_DATETIME,
    FT_EVENT_TIME, /* parsed in parse_item: a date-time or a date alone */
    FT_IMAGE,
    FT_DURATION,
    FT_RECURRENCE,
    FT_TAGS,
    FT_SPOKEN,
    FT_HOURS,
    FT_PRIORITY,
    FT_BOOL,
};

struct field_spec {
    const char *name;
    enum field_type type;
    size_t offset;     /* into struct lf_item */
    unsigned kinds;    /* K_* where the field exists */
    unsigned required; /* K_* where it must be given */
};

#define AT(member) offsetof(struct lf_item, member)

/* Every field an item may have ("kind" is read first, separately). */
static const struct field_spec item_fields[] = {
    {"id", FT_ID, AT(id), K_ALL, K_ALL},
    {"title", FT_TEXT, AT(title), K_ALL, K_ALL},
    {"description", FT_TEXT, AT(summary), K_EOC, K_OFFER},
    {"message", FT_TEXT, AT(summary), K_NOTICE, 0},
    {"image", FT_IMAGE, AT(image), K_ALL, 0},
    {"duration", FT_DURATION, AT(duration_s), K_ALL, 0},
    {"start", FT_EVENT_TIME, AT(start), K_EVENT, K_EVENT},
    {"end", FT_EVENT_TIME, AT(end), K_EVENT, 0}, /* required unless start is a date */
    {"recurrence", FT_RECURRENCE, AT(recurrence), K_EVENT, 0},
    {"cancelled", FT_BOOL, AT(cancelled), K_EVENT, 0},
    {"place", FT_TEXT, AT(place), K_EVENT, 0},
    {"address", FT_STRING, AT(address), K_EOC, 0},
    {"room", FT_TEXT, AT(room), K_EOC, 0},
    {"organiser", FT_TEXT, AT(organiser), K_EVENT, 0},
    {"registration", FT_TEXT, AT(registration), K_EVENT, 0},
    {"tags", FT_TAGS, 0, K_EVENT, 0},
    {"provider", FT_TEXT, AT(provider), K_OFFER, 0},
    {"audience", FT_TEXT, AT(audience), K_OFFER, 0},
    {"languages", FT_SPOKEN, 0, K_OFFER, 0},
    {"role", FT_TEXT, AT(role), K_CONTACT, 0},
    {"unit", FT_TEXT, AT(unit), K_CONTACT, 0},
    {"phone", FT_STRING, AT(phone), K_EOC, 0},
    {"email", FT_EMAIL, AT(email), K_EOC, 0},
    {"url", FT_URL, AT(url), K_EOC, 0},
    {"hours", FT_HOURS, AT(hours), K_OFFER | K_CONTACT, 0},
    {"valid_from", FT_DATETIME, AT(valid_from), K_NOTICE, K_NOTICE},
    {"valid_until", FT_DATETIME, AT(valid_until), K_NOTICE, K_NOTICE},
    {"priority", FT_PRIORITY, AT(priority), K_NOTICE, 0},
};

#define N_ITEM_FIELDS (sizeof(item_fields) / sizeof(item_fields[0]))
_Static_assert(N_ITEM_FIELDS <= 32, "seen/good masks are 32 bits");

static const char *const kind_needs[] = {
    [LF_ITEM_EVENT] = "an event needs id, title, start and end; only an all-day event, whose "
                      "start is a date alone, may leave out end",
    [LF_ITEM_OFFER] = "an offer needs id, title and description",
    [LF_ITEM_CONTACT] = "a contact needs id and title",
    [LF_ITEM_NOTICE] = "a notice needs id, title, valid_from and valid_until",
};

static int field_index(const char *name)
{
    for (size_t i = 0; i < N_ITEM_FIELDS; i++)
        if (strcmp(item_fields[i].name, name) == 0)
            return (int)i;
    return -1;
}

static bool parse_id(struct parse *p, const json_t *v, const char *path, size_t index,
                     char **out)
{
    if (!check_string(p, v, path))
        return false;
    const char *id = json_string_value(v);
    size_t n = json_string_length(v);
    if (n > LF_MAX_ID_BYTES) {
        error(p, path, "too long (%zu bytes, at most %d)", n, LF_MAX_ID_BYTES);
        return false;
    }
    for (const char *c = id; *c; c++) {
        if (!((*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9') || *c == '-' ||
              *c == '_')) {
            error(p, path, "\"%s\" is not a valid id: use only a-z, 0-9, \"-\" and \"_\"", id);
            return false;
        }
    }
    for (size_t i = 0; i < index; i++) {
        const char *other = p->b->items[i].id;
        if (other && strcmp(other, id) == 0) {
            error(p, path, "duplicate id \"%s\" (also used by items[%zu])", id, i);
            return false;
        }
    }
    *out = lf_xstrdup(id);
    return true;
}

/* The first character of s after ASCII that shows nothing or turns the
 * text around (invisible(): U+00A0, zero-width spaces and joiners,
 * direction controls ...), 0 when none; *at: its byte offset. */
static unsigned first_hidden(const char *s, size_t *at)
{
    for (size_t i = 0, n; s[i]; i += n) {
        unsigned cp = utf8_at((const unsigned char *)s + i, &n);
        if (cp > 0x7F && invisible(cp)) {
            *at = i;
            return cp;
        }
    }
    return 0;
}

static bool email_shape(const char *s)
{
    const char *at = strchr(s, '@');
    return at && at > s && !strchr(at + 1, '@') && strchr(at + 1, '.') &&
           strcspn(s, " \t\r\n") == strlen(s) && at[strlen(at) - 1] != '.';
}

static bool url_shape(const char *s)
{
    size_t scheme = strncasecmp(s, "https://", 8) == 0  ? 8
                    : strncasecmp(s, "http://", 7) == 0 ? 7
                                                        : 0;
    return scheme != 0 && s[scheme] != '\0' && strcspn(s, " \t\r\n") == strlen(s);
}

#define HIDDEN_IN_ADDRESS "an invisible character inside the address: what is shown would not " \
                          "be where it leads"

const char *lf_bundle_email_fault(const char *s)
{
    size_t at;
    return !email_shape(s) ? "not an e-mail address"
           : first_hidden(s, &at) ? HIDDEN_IN_ADDRESS
                                  : NULL;
}

const char *lf_bundle_url_fault(const char *s)
{
    size_t at;
    return !url_shape(s) ? "not a web address (write it with https://)"
           : first_hidden(s, &at) ? HIDDEN_IN_ADDRESS
                                  : NULL;
}

/* An address with a zero-width space or a direction control shows (and
 * reads aloud) as one address and leads, as a link or QR code, to another. */
static bool address_visible(struct parse *p, const char *s, const char *path)
{
    size_t at;
    unsigned cp = first_hidden(s, &at);
    if (!cp)
        return true;
    error(p, path, "invisible character U+%04X at byte %zu: what is shown would not be where "
                   "the address leads; remove it", cp, at);
    return false;
}

static bool parse_email(struct parse *p, const json_t *v, const char *path, char **out)
{
    /* hidden characters first: an address is refused for them, not
     * cleaned (check_string's "direction control removed" would say
     * otherwise) */
    if (json_is_string(v) && !address_visible(p, json_string_value(v), path))
        return false;
    if (!check_string(p, v, path))
        return false;
    const char *s = json_string_value(v);
    if (!email_shape(s)) {
        error(p, path, "not an e-mail address");
        return false;
    }
    *out = lf_xstrdup(s);
    return true;
}

static bool parse_url(struct parse *p, const json_t *v, const char *path, char **out)
{
    /* hidden characters first: an address is refused for them, not
     * cleaned (check_string's "direction control removed" would say
     * otherwise) */
    if (json_is_string(v) && !address_visible(p, json_string_value(v), path))
        return false;
    if (!check_string(p, v, path))
        return false;
    const char *s = json_string_value(v);
    if (!url_shape(s)) {
        error(p, path, "not a web address (write it with https://)");
        return false;
    }
    *out = lf_xstrdup(s);
    return true;
}

bool lf_bundle_text_shows_nothing(const char *s)
{
    return is_blank(s) || only_invisible(s) != 0;
}

#define LF_STR_(x) #x
#define LF_STR(x) LF_STR_(x)

size_t lf_path_depth(const char *path)
{
    size_t n = 0;
    for (const char *c = path; *c; c++)
        n += *c == '/';
    return n;
}

static bool has_dotdot(const char *s)
{
    for (;;) {
        size_t n = strcspn(s, "/");
        if (n == 2 && s[0] == '.' && s[1] == '.')
            return true;
        if (!s[n])
            return false;
        s += n + 1;
    }
}

static bool inside_dir(const char *real, const char *dir_real)
{
    size_t n = strlen(dir_real);
    while (n > 0 && dir_real[n - 1] == '/')
        n--;
    return strncmp(real, dir_real, n) == 0 && real[n] == '/';
}

/* Segments read before a JPEG's frame header; real files have a dozen. */
#define JPEG_MAX_SEGMENTS 1024

static unsigned be16(const unsigned char *b)
{
    return (unsigned)b[0] << 8 | b[1];
}

/* Width and height from a PNG's IHDR or a JPEG's frame (SOFn) header,
 * without decoding, and a JPEG's number of colour components (4: CMYK).
 * False when the header cannot be found. */
static bool image_dimensions(int fd, bool png, off_t size, unsigned *w, unsigned *h,
                             unsigned *components, off_t *after)
{
    unsigned char b[24];
    if (png) {
        if (pread(fd, b, 24, 0) != 24 || memcmp(b + 12, "IHDR", 4) != 0)
            return false;
        *w = be16(b + 16) << 16 | be16(b + 18);
        *h = be16(b + 20) << 16 | be16(b + 22);
        *after = 8;
        return true;
    }
    off_t off = 2; /* after SOI */
    for (int n = 0; n < JPEG_MAX_SEGMENTS && off + 4 <= size; n++) {
        if (pread(fd, b, 4, off) != 4 || b[0] != 0xff)
            return false;
        unsigned marker = b[1];
        if (marker == 0xff) { /* fill byte */
            off++;
            continue;
        }
        if (marker == 0x01 || (marker >= 0xd0 && marker <= 0xd8)) { /* no length */
            off += 2;
            continue;
        }
        if (marker == 0xd9 || marker == 0xda) /* end, or scan data before any frame */
            return false;
        unsigned len = be16(b + 2);
        if (len < 2)
            return false;
        if (marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 &&
            marker != 0xcc) {
            if (pread(fd, b, 6, off + 4) != 6)
                return false;
            *h = be16(b + 1);
            *w = be16(b + 3);
            *components = b[5];
            *after = off + 2 + (off_t)len;
            return true;
        }
        off += 2 + (off_t)len;
    }
    return false;
}

/* Whether the picture is whole: a PNG's IEND chunk (type and CRC, the
 * same in every PNG), or a JPEG's end of image marker FF D9 after the
 * frame header (entropy-coded data never holds one; an EXIF thumbnail's
 * comes before the frame; data some cameras append after it is allowed),
 * found between `from` (where image_dimensions stopped) and the end. A
 * file cut off while copying or uploading would be drawn half grey, or
 * not at all. */
static bool image_complete(int fd, bool png, off_t size, off_t from)
{
    if (from < 0) { /* a GIF: its last byte the trailer ';' (0x3B) */
        unsigned char last;
        return size > 0 && pread(fd, &last, 1, size - 1) == 1 && last == 0x3B;
    }
    static const unsigned char iend[] = {'I', 'E', 'N', 'D', 0xae, 0x42, 0x60, 0x82};
    static const unsigned char eoi[] = {0xff, 0xd9};
    const unsigned char *needle = png ? iend : eoi;
    size_t n = png ? sizeof(iend) : sizeof(eoi), matched = 0;
    unsigned char b[65536];
    /* nearly always the file's last bytes: no need to read it whole */
    if (size - from >= (off_t)n && pread(fd, b, n, size - (off_t)n) == (ssize_t)n &&
        memcmp(b, needle, n) == 0)
        return true;
    for (off_t off = from; off < size;) {
        ssize_t got = pread(fd, b, sizeof(b), off);
        if (got <= 0)
            return false;
        for (ssize_t i = 0; i < got; i++) {
            if (b[i] != needle[matched])
                matched = b[i] == needle[0];
            else
                matched++;
            if (matched == n)
                return true;
        }
        off += got;
    }
    return false;
}

/* The file an image names: inside the folder even after following
 * symbolic links, a regular file of at most LF_MAX_IMAGE_BYTES that
 * starts like a PNG, a JPEG, a GIF or a WebP, within LF_MAX_IMAGE_PIXELS
 * (LF_MAX_PHOTO_PIXELS for a JPEG)/_SIDE/_ASPECT, and whole. */
static bool check_image_file(struct parse *p, const char *name, const char *path)
{
    bool ok = false;
    int fd = -1;
    char *full = lf_xasprintf("%s/%s", p->dir, name);
    char *real = realpath(full, NULL);
    if (!real) {
        if (errno == ENOENT || errno == ENOTDIR)
            error(p, path, "file not found: %s", name);
        else
            error(p, path, "cannot open %s: %s", name, strerror(errno));
        goto done;
    }
    if (!p->dir_real || !inside_dir(real, p->dir_real)) {
        error(p, path, "%s leads outside the bundle folder (symbolic link?)", name);
        goto done;
    }
    /* O_NONBLOCK: a FIFO named like an image must not hang the kiosk in
     * open(); it is refused below as not a file */
    fd = open(real, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0) {
        error(p, path, "cannot open %s: %s", name, strerror(errno));
        goto done;
    }
    if (!S_ISREG(st.st_mode)) {
        error(p, path, "%s is not a file", name);
        goto done;
    }
    if (st.st_size > LF_MAX_IMAGE_BYTES) {
        error(p, path, "image too large (%lld bytes, at most %d)", (long long)st.st_size,
              LF_MAX_IMAGE_BYTES);
        goto done;
    }
    unsigned char head[LF_PICTURE_KIND_HEAD];
    ssize_t got = read(fd, head, sizeof(head));
    static const unsigned char png[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    static const unsigned char jpeg[3] = {0xff, 0xd8, 0xff};
    bool is_png = got >= 8 && memcmp(head, png, 8) == 0;
    bool is_jpeg = got >= 3 && memcmp(head, jpeg, 3) == 0;
    const char *kind = !is_png && !is_jpeg && got > 0 ? lf_picture_kind(head, (size_t)got) : NULL;
    /* GIF (its first frame is shown) and still WebP: pictures from phones and web pages */
    bool is_gif = kind && strcmp(kind, "GIF") == 0, is_webp = kind && strcmp(kind, "WebP") == 0;
    if (!is_png && !is_jpeg && !is_gif && !is_webp) {
        if (kind)
            error(p, path, "%s is in %s format, not a PNG, JPEG, GIF or WebP image: save it as "
                  "JPEG (a photo) or PNG (a logo, a flyer) and name that file here", name, kind);
        else
            error(p, path, "%s is not a PNG, JPEG, GIF or WebP image", name);
        goto done;
    }
    unsigned w = 0, h = 0, components = 3;
    off_t after = 0;
    if (is_gif || is_webp) {
        if (!lf_picture_size(head, (size_t)got, &w, &h)) {
            error(p, path, "%s: its %s header is cut off or damaged (width and height cannot be "
                  "read)", name, kind);
            goto done;
        }
        if (w == 0 || h == 0) {
            error(p, path, "%s: its %s header says %u x %u pixels", name, kind, w, h);
            goto done;
        }
        after = is_gif ? -1 : 0;
    } else if (!image_dimensions(fd, is_png, st.st_size, &w, &h, &components, &after) ||
               w == 0 || h == 0) {
        error(p, path, "%s: cannot read the picture size (damaged file?)", name);
        goto done;
    }
    if (w > LF_MAX_IMAGE_SIDE || h > LF_MAX_IMAGE_SIDE ||
        (unsigned long long)w * h > (is_jpeg ? LF_MAX_PHOTO_PIXELS : LF_MAX_IMAGE_PIXELS)) {
        if (is_jpeg)
            error(p, path, "%s is %u x %u pixels (a JPEG has at most %d pixels, e.g. 6144 x "
                  "4096, and %d a side)", name, w, h, LF_MAX_PHOTO_PIXELS, LF_MAX_IMAGE_SIDE);
        else
            error(p, path, "%s is %u x %u pixels (a %s has at most %d pixels, e.g. 4096 x "
                  "4096, and %d a side)", name, w, h, is_png ? "PNG" : kind,
                  LF_MAX_IMAGE_PIXELS, LF_MAX_IMAGE_SIDE);
        goto done;
    }
    unsigned long_side = w > h ? w : h, short_side = w > h ? h : w;
    if ((unsigned long long)long_side > (unsigned long long)short_side * LF_MAX_IMAGE_ASPECT) {
        error(p, path, "%s is %u x %u pixels, more than %d times as %s: on a slide it shrinks to "
              "a thin line no one sees; crop it to a less extreme shape", name, w, h,
              LF_MAX_IMAGE_ASPECT, w > h ? "wide as high" : "high as wide");
        goto done;
    }
    (void)components; /* a CMYK JPEG is made RGB when it is decoded (render/image_load.c) */
    if (is_webp) {
        /* the RIFF container says how long it is */
        uint32_t riff = (uint32_t)head[4] | (uint32_t)head[5] << 8 | (uint32_t)head[6] << 16 |
                        (uint32_t)head[7] << 24;
        if ((off_t)riff + 8 > st.st_size) {
            error(p, path, "%s is cut off: its WebP header says %llu bytes, the file has %lld "
                  "(damaged, or not copied or uploaded whole): copy it again from the original",
                  name, (unsigned long long)riff + 8, (long long)st.st_size);
            goto done;
        }
    } else if (!image_complete(fd, is_png, st.st_size, after)) {
        error(p, path, "%s is cut off: the picture ends before its last part (%lld bytes; "
              "damaged, or not copied or uploaded whole): copy it again from the original",
              name, (long long)st.st_size);
        goto done;
    }
    ok = true;
done:
    if (fd >= 0)
        close(fd);
    free(real);
    free(full);
    return ok;
}

/* Whether the UTF-8 name s is in Unicode's composed form (NFC). "café"
 * typed on one machine and "cafe" + U+0301 written by another look the
 * same and name two files; only the composed form is accepted, so two
 * names that look alike are always one file. */
static bool composed(const char *s, size_t len)
{
    bool ascii = true;
    for (size_t i = 0; i < len && ascii; i++)
        ascii = (unsigned char)s[i] < 0x80;
    if (ascii)
        return true;
    UErrorCode e = U_ZERO_ERROR;
    const UNormalizer2 *nfc = unorm2_getNFCInstance(&e);
    UChar buf[LF_MAX_PATH_BYTES + 1];
    int32_t n = 0;
    u_strFromUTF8(buf, LF_MAX_PATH_BYTES + 1, &n, s, (int32_t)len, &e);
    if (U_FAILURE(e))
        return false;
    UBool yes = unorm2_isNormalized(nfc, buf, n, &e);
    return U_SUCCESS(e) && yes;
}

/* A file name in the bundle (an item's image, a "files" entry) becomes a
 * file name in a kiosk's download folder, so it is one plain relative
 * name: not too long, no absolute path, no backslash, no empty, "." or
 * ".." parts, no control characters (C0, DEL, C1, line and paragraph
 * separators, direction marks and controls that show it reversed),
 * composed Unicode (NFC), at most LF_MAX_PATH_DEPTH folders deep. False
 * when fine; else the problem is reported at `path` and true returned. */
static bool path_problem(struct parse *p, const char *path, const char *s, bool image)
{
    size_t len = strlen(s);
    if (len > LF_MAX_PATH_BYTES) {
        error(p, path, "file name too long (%zu bytes, at most %d)", len, LF_MAX_PATH_BYTES);
        return true;
    }
    if (s[0] == '/') {
        error(p, path, "must be a file inside the bundle folder, not an absolute path");
        return true;
    }
    if (strchr(s, '\\')) {
        error(p, path, "use \"/\" between folder names, not \"\\\"");
        return true;
    }
    if (has_dotdot(s)) {
        if (image)
            error(p, path, "must not contain \"..\": images stay inside the bundle folder");
        else
            error(p, path, "must not contain \"..\": files stay inside the bundle folder");
        return true;
    }
    for (size_t i = 0, n; s[i]; i += n) {
        unsigned cp = utf8_at((const unsigned char *)s + i, &n);
        if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0x2028 || cp == 0x2029 ||
            cp == 0x200E || cp == 0x200F || cp == 0x061C || bidi_control(cp)) {
            error(p, path, "contains a control character (U+%04X at byte %zu): not allowed in "
                  "a file name", cp, i);
            return true;
        }
    }
    for (const char *seg = s;;) {
        size_t n = strcspn(seg, "/");
        if (n == 0 || (n == 1 && seg[0] == '.')) {
            error(p, path, "has an empty or \".\" part (write it like images/logo.png)");
            return true;
        }
        if (!seg[n])
            break;
        seg += n + 1;
    }
    if (!composed(s, len)) {
        error(p, path, "%s is not in composed Unicode (NFC): an accent is a character of its "
              "own, so the name looks like another file's; type the file name again", s);
        return true;
    }
    if (lf_path_depth(s) > LF_MAX_PATH_DEPTH) {
        error(p, path, "%s is nested in %zu folders (at most %d)", s, lf_path_depth(s),
              LF_MAX_PATH_DEPTH);
        return true;
    }
    /* `litfass sign` writes the signature there: a picture of that name
     * would be overwritten, and a kiosk could never install the bundle */
    if (strcmp(s, LF_SIGNATURE_NAME) == 0 || (image && strcmp(s, LF_MANIFEST_NAME) == 0)) {
        error(p, path, "%s is the name of the bundle's own manifest or signature: give the "
              "file another name", s);
        return true;
    }
    return false;
}

static bool parse_image(struct parse *p, const json_t *v, const char *path, char **out)
{
    if (!check_string(p, v, path))
        return false;
    const char *s = json_string_value(v);
    size_t n = json_string_length(v);
    if (n > LF_MAX_PATH_BYTES) {
        error(p, path, "file name too long (%zu bytes, at most %d)", n, LF_MAX_PATH_BYTES);
        return false;
    }
    if (path_problem(p, path, s, true))
        return false;
    if (p->dir && !check_image_file(p, s, path))
        return false;
    *out = lf_xstrdup(s);
    return true;
}

static bool parse_recurrence(struct parse *p, const json_t *v, const char *path,
                             enum lf_recurrence *out)
{
    if (!check_string(p, v, path))
        return false;
    if (strcmp(json_string_value(v), "yearly") != 0) {
        error(p, path, "unknown recurrence \"%s\" (only \"yearly\")", json_string_value(v));
        return false;
    }
    *out = LF_RECUR_YEARLY;
    return true;
}

static bool parse_tags(struct parse *p, const json_t *v, const char *path, struct lf_item *it)
{
    size_t n;
    if (!check_array(p, v, path, "texts", "tags", LF_MAX_TAGS, &n))
        return false;
    bool ok = true;
    for (size_t i = 0; i < n; i++) {
        char sub[PATH_BYTES];
        index_path(sub, path, i);
        ok = parse_text(p, json_array_get(v, i), sub, &it->tags[i]) && ok;
    }
    it->n_tags = n;
    return ok;
}

static bool parse_spoken(struct parse *p, const json_t *v, const char *path, struct lf_item *it)
{
    size_t n;
    if (!check_array(p, v, path, "language tags", "languages", LF_MAX_SPOKEN_LANGUAGES, &n))
        return false;
    bool ok = true;
    for (size_t i = 0; i < n; i++) {
        char sub[PATH_BYTES];
        index_path(sub, path, i);
        const json_t *s = json_array_get(v, i);
        if (!check_string(p, s, sub)) {
            ok = false;
        } else if (!lang_tag_ok(json_string_value(s))) {
            error(p, sub, "not a language tag (" LANG_TAG_HINT ")");
            ok = false;
        } else {
            it->languages[it->n_languages++] = lf_xstrdup(json_string_value(s));
        }
    }
    return ok;
}

static bool parse_time_of_day(struct parse *p, const json_t *v, const char *path, int *out)
{
    if (!check_string(p, v, path))
        return false;
    if (!lf_parse_hhmm(json_string_value(v), out)) {
        error(p, path, "not a time of day (write it like 09:00)");
        return false;
    }
    return true;
}

static bool parse_days(struct parse *p, const json_t *v, const char *path, uint8_t *out)
{
    static const char *const names[7] = {"mo", "tu", "we", "th", "fr", "sa", "su"};
    if (!json_is_array(v)) {
        error(p, path, "expected an array of days such as [\"mo\", \"tu\"], found %s",
              type_name(v));
        return false;
    }
    if (json_array_size(v) == 0) {
        error(p, path, "no days given");
        return false;
    }
    if (json_array_size(v) > 7) {
        error(p, path, "more than 7 days");
        return false;
    }
    bool ok = true;
    for (size_t i = 0; i < json_array_size(v); i++) {
        char sub[PATH_BYTES];
        index_path(sub, path, i);
        const json_t *d = json_array_get(v, i);
        int day = -1;
        for (int k = 0; k < 7 && json_is_string(d); k++)
            if (strcmp(json_string_value(d), names[k]) == 0)
                day = k;
        if (day < 0) {
            error(p, sub, "not a day (mo, tu, we, th, fr, sa, su)");
            ok = false;
        } else {
            *out |= (uint8_t)(1u << day);
        }
    }
    return ok;
}

static bool parse_range(struct parse *p, const json_t *v, const char *path,
                        struct lf_hours_range *r)
{
    if (!json_is_object(v)) {
        error(p, path, "expected an object such as {\"days\": [\"mo\"], \"from\": \"09:00\", "
                       "\"to\": \"12:00\"}, found %s",
              type_name(v));
        return false;
    }
    bool ok = true, have_from = false, have_to = false;
    int from = 0, to = 0;
    const char *key;
    json_t *val;
    json_object_foreach((json_t *)v, key, val) {
        char sub[PATH_BYTES];
        sub_path(sub, path, key);
        if (strcmp(key, "days") == 0) {
            ok = parse_days(p, val, sub, &r->weekdays) && ok;
        } else if (strcmp(key, "from") == 0) {
            have_from = parse_time_of_day(p, val, sub, &from);
            ok = have_from && ok;
        } else if (strcmp(key, "to") == 0) {
            have_to = parse_time_of_day(p, val, sub, &to);
            ok = have_to && ok;
        } else {
            static const char *const known[] = {"days", "from", "to"};
            warn_unknown(p, sub, key, known, 3, NULL);
        }
    }
    static const char *const needed[] = {"days", "from", "to"};
    for (size_t i = 0; i < 3; i++) {
        char sub[PATH_BYTES];
        sub_path(sub, path, needed[i]);
        if (!json_object_get(v, needed[i])) {
            error(p, sub, "missing (a range needs days, from and to)");
            ok = false;
        }
    }
    if (have_from && have_to && to <= from) {
        char sub[PATH_BYTES];
        sub_path(sub, path, "to");
        error(p, sub, "must be later than from");
        ok = false;
    }
    r->from_min = (int16_t)from;
    r->to_min = (int16_t)to;
    return ok;
}

static bool parse_hours(struct parse *p, const json_t *v, const char *path,
                        struct lf_opening_hours *h)
{
    if (!json_is_object(v)) {
        error(p, path, "expected an object with \"ranges\" and/or \"note\", found %s",
              type_name(v));
        return false;
    }
    bool ok = true;
    const char *key;
    json_t *val;
    json_object_foreach((json_t *)v, key, val) {
        char sub[PATH_BYTES];
        sub_path(sub, path, key);
        if (strcmp(key, "note") == 0) {
            ok = parse_text(p, val, sub, &h->note) && ok;
        } else if (strcmp(key, "ranges") == 0) {
            size_t n;
            if (!check_array(p, val, sub, "ranges", "ranges", LF_MAX_HOURS_RANGES, &n)) {
                ok = false;
                continue;
            }
            for (size_t i = 0; i < n; i++) {
                char rsub[PATH_BYTES];
                index_path(rsub, sub, i);
                ok = parse_range(p, json_array_get(val, i), rsub, &h->ranges[i]) && ok;
            }
            h->n = n;
        } else {
            static const char *const known[] = {"ranges", "note"};
            warn_unknown(p, sub, key, known, 2, NULL);
        }
    }
    if (!json_object_get(v, "ranges") && !json_object_get(v, "note")) {
        error(p, path, "empty: give \"ranges\", a \"note\" or both");
        ok = false;
    }
    return ok;
}

static bool parse_field(struct parse *p, const struct field_spec *f, const json_t *v,
                        const char *path, size_t index, struct lf_item *it)
{
    void *at = (char *)it + f->offset;
    switch (f->type) {
    case FT_ID: return parse_id(p, v, path, index, at);
    case FT_TEXT: return parse_text(p, v, path, at);
    case FT_STRING: return parse_string(p, v, path, at);
    case FT_EMAIL: return parse_email(p, v, path, at);
    case FT_URL: return parse_url(p, v, path, at);
    case FT_DATETIME: return parse_datetime(p, v, path, at);
    case FT_EVENT_TIME: return false; /* parse_item reads them */
    case FT_IMAGE: return parse_image(p, v, path, at);
    case FT_DURATION:
        return parse_int(p, v, path, 0, LF_MAX_SLIDE_SECONDS, "0 to 300 seconds", at);
    case FT_RECURRENCE: return parse_recurrence(p, v, path, at);
    case FT_TAGS: return parse_tags(p, v, path, it);
    case FT_SPOKEN: return parse_spoken(p, v, path, it);
    case FT_HOURS: return parse_hours(p, v, path, at);
    case FT_PRIORITY:
        return parse_int(p, v, path, 0, LF_NOTICE_URGENT, "0, 1 or 2 = urgent", at);
    case FT_BOOL:
        if (!json_is_boolean(v)) {
            error(p, path, "write true or false (without quotes)");
            return false;
        }
        *(bool *)at = json_is_true(v);
        return true;
    }
    return false;
}
_Static_assert(LF_MAX_SLIDE_SECONDS == 300, "update the duration range text");

static bool parse_kind(struct parse *p, const json_t *item, const char *path,
                       enum lf_item_kind *out)
{
    char sub[PATH_BYTES];
    sub_path(sub, path, "kind");
    const json_t *v = json_object_get(item, "kind");
    if (!v) {
        error(p, sub, "missing (event, offer, contact or notice)");
        return false;
    }
    if (!json_is_string(v)) {
        error(p, sub, "expected a string, found %s", type_name(v));
        return false;
    }
    for (int k = LF_ITEM_EVENT; k <= LF_ITEM_NOTICE; k++) {
        if (strcmp(json_string_value(v), lf_item_kind_name(k)) == 0) {
            *out = k;
            return true;
        }
    }
    error(p, sub, "unknown kind \"%s\" (event, offer, contact or notice)",
          json_string_value(v));
    return false;
}

static void parse_item(struct parse *p, const json_t *v, size_t index)
{
    struct lf_item *it = &p->b->items[index];
    char path[PATH_BYTES];
    index_path(path, "items", index);
    if (!json_is_object(v)) {
        error(p, path, "expected an object, found %s", type_name(v));
        return;
    }
    if (!parse_kind(p, v, path, &it->kind))
        return;
    unsigned kind_bit = 1u << it->kind;
    uint32_t seen = 0, good = 0;
    bool date_only[2] = {false, false}; /* start, end */
    const char *known[N_ITEM_FIELDS + 1];
    size_t n_known = 0;
    known[n_known++] = "kind";
    for (size_t f = 0; f < N_ITEM_FIELDS; f++)
        if (item_fields[f].kinds & kind_bit)
            known[n_known++] = item_fields[f].name;
    const char *key;
    json_t *val;
    json_object_foreach((json_t *)v, key, val) {
        if (strcmp(key, "kind") == 0)
            continue;
        char sub[PATH_BYTES];
        sub_path(sub, path, key);
        int f = field_index(key);
        if (f < 0) {
            warn_unknown(p, sub, key, known, n_known, NULL);
            continue;
        }
        if (!(item_fields[f].kinds & kind_bit)) {
            char why[128];
            snprintf(why, sizeof(why), "%s %s has no field \"%s\"",
                     it->kind == LF_ITEM_EVENT || it->kind == LF_ITEM_OFFER ? "an" : "a",
                     lf_item_kind_name(it->kind), key);
            warn_unknown(p, sub, key, known, n_known, why);
            continue;
        }
        seen |= 1u << f;
        bool parsed;
        if (item_fields[f].type == FT_EVENT_TIME) {
            bool is_end = strcmp(key, "end") == 0;
            parsed = parse_event_time(p, val, sub, is_end, is_end ? &it->end : &it->start,
                                      &date_only[is_end]);
        } else {
            parsed = parse_field(p, &item_fields[f], val, sub, index, it);
        }
        if (parsed)
            good |= 1u << f;
    }
    if (it->kind == LF_ITEM_EVENT) {
        uint32_t start_bit = 1u << field_index("start"), end_bit = 1u << field_index("end");
        char sub[PATH_BYTES];
        sub_path(sub, path, "end");
        if ((good & start_bit) && date_only[0]) {
            it->all_day = true;
            if (!(seen & end_bit)) { /* one whole day */
                struct tm tm;
                lf_local_time(it->start, &tm);
                it->end = midnight_after(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
                good |= end_bit;
            } else if ((good & end_bit) && !date_only[1]) {
                error(p, sub, "start is a date alone (an all-day event): write end as a date "
                              "too, e.g. \"2027-03-23\" for the last day, or give both a time");
                good &= ~end_bit;
            } else if ((good & end_bit) && it->end <= it->start) {
                error(p, sub, "the last day is before the first (start)");
                good &= ~end_bit;
            }
        } else if ((good & start_bit) && (good & end_bit) && date_only[1]) {
            error(p, sub, "a date alone, but start has a time: give end a time too (e.g. "
                          "\"%sT20:00\"), or write start as a date alone for an all-day event",
                  json_string_value(json_object_get(v, "end")));
            good &= ~end_bit;
        } else if ((good & start_bit) && !(seen & end_bit)) {
            error(p, sub, "missing (%s)", kind_needs[it->kind]);
        }
    }
    for (size_t f = 0; f < N_ITEM_FIELDS; f++) {
        if ((item_fields[f].required & kind_bit) && !(seen & (1u << f))) {
            char sub[PATH_BYTES];
            sub_path(sub, path, item_fields[f].name);
            error(p, sub, "missing (%s)", kind_needs[it->kind]);
        }
    }
    /* Order checks between fields that both parsed. */
    uint32_t span = (1u << field_index("start")) | (1u << field_index("end"));
    if (it->kind == LF_ITEM_EVENT && !it->all_day && (good & span) == span &&
        it->end <= it->start) {
        char sub[PATH_BYTES];
        sub_path(sub, path, "end");
        error(p, sub, "must be later than start");
    }
    uint32_t valid = (1u << field_index("valid_from")) | (1u << field_index("valid_until"));
    if (it->kind == LF_ITEM_NOTICE && (good & valid) == valid &&
        it->valid_until <= it->valid_from) {
        char sub[PATH_BYTES];
        sub_path(sub, path, "valid_until");
        error(p, sub, "must be later than valid_from");
    }
}

/* ---- the "files" list ---- */

static pthread_once_t sodium_once = PTHREAD_ONCE_INIT;

static void start_sodium(void)
{
    if (sodium_init() < 0)
        lf_error("libsodium cannot start");
}

bool lf_file_sha256(const char *path, char *hex, uint64_t *size)
{
    pthread_once(&sodium_once, start_sodium);
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0)
        return false;
    bool ok = false;
    struct stat st;
    if (fstat(fd, &st) != 0)
        goto done;
    if (!S_ISREG(st.st_mode)) {
        errno = EISDIR;
        goto done;
    }
    crypto_hash_sha256_state h;
    crypto_hash_sha256_init(&h);
    unsigned char buf[65536];
    uint64_t total = 0;
    for (;;) {
        ssize_t n = read(fd, buf, sizeof(buf));
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            goto done;
        if (n == 0)
            break;
        crypto_hash_sha256_update(&h, buf, (unsigned long long)n);
        total += (uint64_t)n;
    }
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256_final(&h, digest);
    sodium_bin2hex(hex, LF_SHA256_HEX + 1, digest, sizeof(digest));
    if (size)
        *size = total;
    ok = true;
done:
    close(fd);
    return ok;
}

static bool is_sha256_hex(const char *s)
{
    size_t n = 0;
    for (; s[n]; n++)
        if (!((s[n] >= '0' && s[n] <= '9') || (s[n] >= 'a' && s[n] <= 'f')))
            return false;
    return n == LF_SHA256_HEX;
}

/* A listed file in the folder: inside it, its size and hash as listed. */
static void check_listed_file(struct parse *p, const struct lf_bundle_file *f, const char *path)
{
    char *full = lf_xasprintf("%s/%s", p->dir, f->path);
    char *real = realpath(full, NULL);
    char hex[LF_SHA256_HEX + 1];
    uint64_t size = 0;
    if (!real) {
        error(p, path, "file not found: %s", f->path);
    } else if (!p->dir_real || !inside_dir(real, p->dir_real)) {
        error(p, path, "%s leads outside the bundle folder (symbolic link?)", f->path);
    } else if (!lf_file_sha256(real, hex, &size)) {
        error(p, path, "cannot read %s: %s", f->path, strerror(errno));
    } else if (size != f->size) {
        error(p, path, "%s has %llu bytes, the list says %llu (changed after `litfass pack`?)",
              f->path, (unsigned long long)size, (unsigned long long)f->size);
    } else if (strcmp(hex, f->sha256) != 0) {
        error(p, path, "%s: SHA-256 differs from the list (changed after `litfass pack`?)",
              f->path);
    }
    free(real);
    free(full);
}

static void parse_file_entry(struct parse *p, const json_t *v, const char *path,
                             struct lf_bundle_file *f, size_t index)
{
    if (!json_is_object(v)) {
        error(p, path, "expected an object such as {\"path\": \"images/logo.png\", \"size\": "
                       "1234, \"sha256\": \"...\"}, found %s",
              type_name(v));
        return;
    }
    bool ok = true;
    const char *key;
    json_t *val;
    json_object_foreach((json_t *)v, key, val) {
        char sub[PATH_BYTES];
        sub_path(sub, path, key);
        if (strcmp(key, "path") == 0) {
            if (!check_string(p, val, sub)) {
                ok = false;
                continue;
            }
            const char *s = json_string_value(val);
            if (path_problem(p, sub, s, false)) {
                ok = false;
            } else if (strcmp(s, LF_MANIFEST_NAME) == 0) {
                error(p, sub, "the manifest does not list itself");
                ok = false;
            } else {
                for (size_t i = 0; i < index; i++) {
                    if (p->b->files[i].path && strcmp(p->b->files[i].path, s) == 0) {
                        error(p, sub, "%s is listed twice (also files[%zu])", s, i);
                        ok = false;
                    }
                }
                if (ok)
                    f->path = lf_xstrdup(s);
            }
        } else if (strcmp(key, "size") == 0) {
            if (!json_is_integer(val)) {
                error(p, sub, "expected a whole number of bytes, found %s", type_name(val));
                ok = false;
            } else if (json_integer_value(val) < 0 ||
                       json_integer_value(val) > LF_MAX_IMAGE_BYTES) {
                error(p, sub, "%lld is out of range (0 to %d bytes)", json_integer_value(val),
                      LF_MAX_IMAGE_BYTES);
                ok = false;
            } else {
                f->size = (uint64_t)json_integer_value(val);
            }
        } else if (strcmp(key, "sha256") == 0) {
            if (!json_is_string(val) || !is_sha256_hex(json_string_value(val))) {
                error(p, sub, "expected 64 lowercase hex digits (the file's SHA-256)");
                ok = false;
            } else {
                memcpy(f->sha256, json_string_value(val), LF_SHA256_HEX + 1);
            }
        } else {
            static const char *const known[] = {"path", "size", "sha256"};
            warn_unknown(p, sub, key, known, 3, NULL);
        }
    }
    static const char *const needed[] = {"path", "size", "sha256"};
    for (size_t i = 0; i < 3; i++) {
        if (!json_object_get(v, needed[i])) {
            char sub[PATH_BYTES];
            sub_path(sub, path, needed[i]);
            error(p, sub, "missing (a file needs path, size and sha256; `litfass pack` "
                          "writes them)");
            ok = false;
        }
    }
    if (ok && p->dir)
        check_listed_file(p, f, path);
}

static void parse_files(struct parse *p, const json_t *v)
{
    size_t n;
    if (!check_array(p, v, "files", "files", "files", LF_MAX_BUNDLE_FILES, &n))
        return;
    p->b->files_listed = true;
    p->b->files = lf_xcalloc(n ? n : 1, sizeof(struct lf_bundle_file));
    p->b->n_files = n;
    for (size_t i = 0; i < n; i++) {
        char path[PATH_BYTES];
        index_path(path, "files", i);
        parse_file_entry(p, json_array_get(v, i), path, &p->b->files[i], i);
    }
}

/* With a "files" list, every image an item names must be in it. */
static void check_images_listed(struct parse *p)
{
    struct lf_bundle *b = p->b;
    for (size_t i = 0; i < b->n_items; i++) {
        const char *image = b->items[i].image;
        if (!image)
            continue;
        bool listed = false;
        for (size_t k = 0; k < b->n_files && !listed; k++)
            listed = b->files[k].path && strcmp(b->files[k].path, image) == 0;
        if (!listed) {
            char path[PATH_BYTES], sub[PATH_BYTES];
            index_path(path, "items", i);
            sub_path(sub, path, "image");
            error(p, sub, "%s is not in the \"files\" list (run `litfass pack` on the folder)",
                  image);
        }
    }
}

/* ---- the manifest ---- */

static void parse_items(struct parse *p, const json_t *v)
{
    size_t n;
    if (!check_array(p, v, "items", "items", "items", LF_MAX_ITEMS, &n))
        return;
    p->b->items = lf_xcalloc(n ? n : 1, sizeof(struct lf_item));
    p->b->n_items = n;
    for (size_t i = 0; i < n; i++)
        parse_item(p, json_array_get(v, i), i);
}

/* "phrases": {"ti": {"where": "ኣበይ", ...}, ...}: the kiosk's own words,
 * corrected or added per language. Keys and placeholders are checked by
 * the layout (lf_phrases_check), which knows the words; here the shape. */
static void parse_phrases(struct parse *p, const json_t *v)
{
    if (!json_is_object(v)) {
        error(p, "phrases", "expected an object such as {\"tr\": {\"where\": \"Nerede\"}}, "
                            "found %s", type_name(v));
        return;
    }
    size_t total = 0;
    const char *tag;
    json_t *words;
    json_object_foreach((json_t *)v, tag, words) {
        if (json_is_object(words))
            total += json_object_size(words);
    }
    if (total > LF_MAX_PHRASES) {
        error(p, "phrases", "too many phrases (%zu, at most %d)", total, LF_MAX_PHRASES);
        return;
    }
    struct lf_bundle *b = p->b;
    b->phrases = lf_xcalloc(total ? total : 1, sizeof(*b->phrases));
    json_object_foreach((json_t *)v, tag, words) {
        char sub[PATH_BYTES];
        sub_path(sub, "phrases", tag);
        if (!lang_tag_ok(tag)) {
            error_at_key(p, sub, "not a language tag (" LANG_TAG_HINT ")");
            continue;
        }
        if (!json_is_object(words)) {
            error(p, sub, "expected an object of words such as {\"where\": \"Nerede\"}, "
                          "found %s", type_name(words));
            continue;
        }
        const char *key;
        json_t *text;
        json_object_foreach(words, key, text) {
            char kp[PATH_BYTES];
            sub_path(kp, sub, key);
            if (strlen(key) > LF_MAX_PHRASE_KEY) {
                error_at_key(p, kp, "not a phrase key (at most %d bytes)", LF_MAX_PHRASE_KEY);
                continue;
            }
            if (!check_string(p, text, kp))
                continue;
            if (json_string_length(text) > LF_MAX_PHRASE_BYTES) {
                error(p, kp, "too long for a phrase (%zu bytes, at most %d)",
                      json_string_length(text), LF_MAX_PHRASE_BYTES);
                continue;
            }
            struct lf_bundle_phrase *ph = &b->phrases[b->n_phrases++];
            snprintf(ph->lang, sizeof(ph->lang), "%s", tag);
            ph->key = lf_xstrdup(key);
            ph->text = dup_clean(json_string_value(text));
            struct lf_json_pos pos;
            (void)lf_json_locate(p->text, p->len, kp, LF_JSON_AT_VALUE, &pos);
            ph->line = pos.line;
            ph->column = pos.column;
        }
    }
}

static bool parse_format(struct parse *p, const json_t *root)
{
    const json_t *f = json_object_get(root, "format");
    if (!f) {
        error(p, "format", "missing (write \"format\": 1)");
        return true; /* the rest may still be checked */
    }
    if (!json_is_integer(f)) {
        error(p, "format", "expected the number 1, found %s", type_name(f));
        return false;
    }
    if (json_integer_value(f) != 1) {
        error(p, "format", "unsupported format %lld (this version of litfass reads format 1)",
              json_integer_value(f));
        return false;
    }
    return true;
}

static void parse_root(struct parse *p, const json_t *root)
{
    struct lf_bundle *b = p->b;
    if (!json_is_object(root)) {
        error(p, "", "expected an object {...} around everything, found %s", type_name(root));
        return;
    }
    if (!parse_format(p, root))
        return;
    const json_t *default_lang = NULL;
    const char *key;
    json_t *val;
    json_object_foreach((json_t *)root, key, val) {
        if (strcmp(key, "format") == 0) {
            continue;
        } else if (strcmp(key, "sample") == 0) {
            if (json_is_boolean(val))
                b->sample = json_is_true(val);
            else
                error(p, key, "expected true or false, found %s", type_name(val));
        } else if (strcmp(key, "version") == 0) {
            (void)parse_string(p, val, key, &b->version);
        } else if (strcmp(key, "serial") == 0) {
            if (!json_is_integer(val))
                error(p, key, "expected a whole number, found %s", type_name(val));
            else if (json_integer_value(val) < 1 || json_integer_value(val) > LF_MAX_BUNDLE_SERIAL)
                error(p, key, "%lld is out of range (1..%lld)", (long long)json_integer_value(val),
                      LF_MAX_BUNDLE_SERIAL);
            else
                b->serial = (long long)json_integer_value(val);
        } else if (strcmp(key, "created") == 0) {
            b->has_created = parse_datetime(p, val, key, &b->created);
        } else if (strcmp(key, "expires") == 0) {
            b->has_expires = parse_datetime(p, val, key, &b->expires);
        } else if (strcmp(key, "organisation") == 0) {
            (void)parse_text(p, val, key, &b->organisation);
        } else if (strcmp(key, "default_language") == 0) {
            if (!check_string(p, val, key))
                continue;
            if (!lang_tag_ok(json_string_value(val)))
                error(p, key, "not a language tag (" LANG_TAG_HINT ")");
            else
                default_lang = val;
        } else if (strcmp(key, "items") == 0) {
            parse_items(p, val);
        } else if (strcmp(key, "phrases") == 0) {
            parse_phrases(p, val);
        } else if (strcmp(key, "files") == 0) {
            if (!p->ignore_files)
                parse_files(p, val);
        } else {
            static const char *const known[] = {"format",  "organisation",     "items",
                                                "version", "default_language", "sample",
                                                "files",   "serial",           "created",
                                                "expires", "phrases"};
            warn_unknown(p, key, key, known, sizeof(known) / sizeof(known[0]), NULL);
        }
    }
    if (!json_object_get(root, "organisation"))
        error(p, "organisation", "missing (the name of the KI, e.g. {\"de\": \"...\"})");
    if (!json_object_get(root, "items"))
        error(p, "items", "missing (the list of events, offers, contacts and notices)");
    if (b->files_listed)
        check_images_listed(p);
    if (b->has_created && b->has_expires && b->expires <= b->created)
        error(p, "expires", "must be later than created");
    if (lf_text_present(&b->organisation))
        b->title = lf_xstrdup(lf_text_get(&b->organisation, LF_FALLBACK_LANG, NULL));

    const char *want = default_lang ? json_string_value(default_lang) : LF_FALLBACK_LANG;
    for (size_t i = 0; i < b->n_languages && !b->default_lang; i++)
        if (strcasecmp(b->languages[i], want) == 0)
            b->default_lang = lf_xstrdup(b->languages[i]);
    if (!b->default_lang) {
        char list[LF_MAX_TRANSLATIONS * (LF_MAX_LANG_TAG + 2) + 1] = "";
        for (size_t i = 0; i < b->n_languages; i++) {
            size_t used = strlen(list);
            snprintf(list + used, sizeof(list) - used, "%s%s", i ? ", " : "", b->languages[i]);
        }
        error(p, "default_language", "no text is in \"%s\" (languages used: %s)", want, list);
    }
}

/* jansson's message names the token it stopped at ("... near 'x'"); its
 * column is the token's end, so point at the token's start instead. */
static void syntax_error(struct parse *p, const json_error_t *e)
{
    int line = e->line, column = e->column;
    size_t token = (size_t)e->position;
    const char *near = strstr(e->text, "near '");
    if (near && e->position > 0) {
        const char *tok = near + 6;
        size_t n = strlen(tok);
        if (n > 0 && tok[n - 1] == '\'')
            n--;
        size_t end = (size_t)e->position;
        if (n > 0 && end >= n && end <= p->len && memcmp(p->text + end - n, tok, n) == 0) {
            token = end - n;
            struct lf_json_pos pos = lf_json_pos_at(p->text, p->len, token);
            line = pos.line;
            column = pos.column;
        }
    }
    if (column <= 0)
        column = 0;
    char hint[512];
    size_t at;
    const char *cc = strstr(e->text, "control character");
    if (cc) {
        unsigned byte = 0;
        struct lf_json_pos pos = lf_json_pos_at(p->text, p->len, token);
        char field[PATH_BYTES];
        if (!lf_json_path_at(p->text, p->len, token, field, sizeof(field)))
            field[0] = '\0';
        if (sscanf(cc, "control character 0x%x", &byte) == 1 && byte != '\t' && byte != '\n' &&
            byte != '\r')
            /* a NUL or another invisible byte (a damaged file, text pasted
             * from a program that keeps them): it was called a Tab */
            lf_diags_add(p->diags, LF_DIAG_ERROR, p->file, pos.line, pos.column, field,
                         "invalid JSON: an invisible control character (byte 0x%02X) inside a "
                         "text: remove it (%s)", byte, e->text);
        else /* a Tab or line break typed inside a text */
            lf_diags_add(p->diags, LF_DIAG_ERROR, p->file, pos.line, pos.column, field,
                         "invalid JSON: a Tab or line break typed inside a text: write a space "
                         "instead of a Tab, \\n for a line break (%s)", e->text);
        return;
    }
    if (json_error_code(e) != json_error_invalid_utf8 &&
        !(json_error_code(e) == json_error_premature_end_of_input && is_blank_len(p->text, p->len)) &&
        lf_json_syntax_hint(p->text, p->len, token, hint, sizeof(hint), &at)) {
        struct lf_json_pos pos = lf_json_pos_at(p->text, p->len, at);
        lf_diags_add(p->diags, LF_DIAG_ERROR, p->file, pos.line, pos.column, "",
                     "invalid JSON: %s (%s)", hint, e->text);
        return;
    }
    switch (json_error_code(e)) {
    case json_error_invalid_utf8: {
        /* name the field whose text it is, as for every other error */
        char field[PATH_BYTES];
        if (!lf_json_path_at(p->text, p->len, token, field, sizeof(field)))
            field[0] = '\0';
        lf_diags_add(p->diags, LF_DIAG_ERROR, p->file, line, column, field,
                     "not valid UTF-8 text (save the file as UTF-8): %s", e->text);
        break;
    }
    case json_error_null_character: {
        /* "\u0000" written inside a text: name its field, in words */
        char field[PATH_BYTES];
        if (!lf_json_path_at(p->text, p->len, token, field, sizeof(field)))
            field[0] = '\0';
        lf_diags_add(p->diags, LF_DIAG_ERROR, p->file, line, column, field,
                     "invalid JSON: \\u0000 (an invisible NUL character) inside a text: "
                     "remove it");
        break;
    }
    case json_error_invalid_syntax:
        if (strncmp(e->text, "invalid Unicode", 15) == 0) {
            /* a \u escape that is no character: half of a surrogate pair */
            char field[PATH_BYTES];
            if (!lf_json_path_at(p->text, p->len, token, field, sizeof(field)))
                field[0] = '\0';
            char what[sizeof(e->text)];
            snprintf(what, sizeof(what), "%s", e->text);
            char *cut = strstr(what, " near '");
            if (cut)
                *cut = '\0';
            lf_diags_add(p->diags, LF_DIAG_ERROR, p->file, line, column, field,
                         "invalid JSON: %s: a \\u escape that is no character (half of a "
                         "pair such as \\ud83d\\ude00, or the other half missing): remove it "
                         "or write the character itself", what);
            break;
        }
        lf_diags_add(p->diags, LF_DIAG_ERROR, p->file, line, column, "", "invalid JSON: %s",
                     e->text);
        break;
    case json_error_premature_end_of_input:
        if (is_blank_len(p->text, p->len)) {
            lf_diags_add(p->diags, LF_DIAG_ERROR, p->file, 0, 0, "", "empty file");
            break;
        }
        /* fallthrough */
    default:
        lf_diags_add(p->diags, LF_DIAG_ERROR, p->file, line, column, "", "invalid JSON: %s",
                     e->text);
        break;
    }
}

static void finish_diags(struct parse *p)
{
    size_t n = p->unlisted_errors + p->unlisted_warnings;
    if (n == 0)
        return;
    lf_diags_add(p->diags, p->unlisted_errors ? LF_DIAG_ERROR : LF_DIAG_WARNING, p->file, 0, 0,
                 "", "%zu more problems not listed (%zu errors, %zu warnings)", n,
                 p->unlisted_errors, p->unlisted_warnings);
}

static struct lf_bundle *parse_manifest(const char *json, size_t len, const char *file_name,
                                        const char *dir, bool ignore_files,
                                        struct lf_diags *diags)
{
    struct lf_diags *own = diags ? NULL : lf_diags_create();
    /* a UTF-8 byte order mark, which Windows editors write, is not text */
    if (len >= LF_UTF8_BOM_BYTES && memcmp(json, LF_UTF8_BOM, LF_UTF8_BOM_BYTES) == 0) {
        json += LF_UTF8_BOM_BYTES;
        len -= LF_UTF8_BOM_BYTES;
    }
    struct parse p = {
        .text = json,
        .len = len,
        .file = file_name ? file_name : LF_MANIFEST_NAME,
        .dir = dir,
        .diags = diags ? diags : own,
        .ignore_files = ignore_files,
    };
    struct lf_bundle *out = NULL;
    json_t *root = NULL;
    if (len > LF_MAX_MANIFEST_BYTES) {
        file_error(p.diags, p.file, "too large (%zu bytes, at most %d)", len,
                   LF_MAX_MANIFEST_BYTES);
        goto done;
    }
    struct lf_json_pos pos;
    if (!lf_json_depth_within(json, len, LF_MAX_JSON_DEPTH, &pos)) {
        lf_diags_add(p.diags, LF_DIAG_ERROR, p.file, pos.line, pos.column, "",
                     "nested deeper than %d levels", LF_MAX_JSON_DEPTH);
        goto done;
    }
    json_error_t jerr;
    root = json_loadb(json, len, JSON_REJECT_DUPLICATES, &jerr);
    if (!root) {
        syntax_error(&p, &jerr);
        goto done;
    }
    if (dir) {
        p.dir_real = realpath(dir, NULL);
        if (!p.dir_real) {
            file_error(p.diags, p.file, "bundle folder %s: %s", dir, strerror(errno));
            goto done;
        }
    }
    p.b = lf_xcalloc(1, sizeof(*p.b));
    p.b->dir = dir ? lf_xstrdup(dir) : NULL;
    p.b->languages[p.b->n_languages++] = lf_xstrdup(LF_FALLBACK_LANG);
    parse_root(&p, root);
    finish_diags(&p);
    if (p.errors == 0) {
        out = p.b;
        p.b = NULL;
    }
done:
    lf_bundle_destroy(p.b);
    json_decref(root);
    free(p.dir_real);
    lf_diags_destroy(own);
    return out;
}

struct lf_bundle *lf_bundle_parse(const char *json, size_t len, const char *file_name,
                                  const char *dir, struct lf_diags *diags)
{
    return parse_manifest(json, len, file_name, dir, false, diags);
}

/* Reads the manifest: a regular file of at most LF_MAX_MANIFEST_BYTES
 * (checked before reading, and again while reading in case it grows); a
 * FIFO as content.json is refused, never waited on. */
static bool read_manifest(const char *file, struct lf_diags *diags, char **text, size_t *len)
{
    struct stat st;
    switch (lf_read_small_file(file, LF_MAX_MANIFEST_BYTES, text, len, &st)) {
    case LF_SMALL_FILE_OK:
        return true;
    case LF_SMALL_FILE_CANNOT_OPEN:
        if (errno == ENOENT)
            file_error(diags, file, "not found: a bundle folder needs a %s", LF_MANIFEST_NAME);
        else
            file_error(diags, file, "cannot open: %s", strerror(errno));
        return false;
    case LF_SMALL_FILE_CANNOT_READ:
        file_error(diags, file, "cannot read: %s", strerror(errno));
        return false;
    case LF_SMALL_FILE_NOT_REGULAR:
        file_error(diags, file, "not a regular file");
        return false;
    case LF_SMALL_FILE_TOO_LARGE:
        if (st.st_size > LF_MAX_MANIFEST_BYTES)
            file_error(diags, file, "too large (%lld bytes, at most %d)", (long long)st.st_size,
                       LF_MAX_MANIFEST_BYTES);
        else /* grew while read */
            file_error(diags, file, "too large (more than %d bytes)", LF_MAX_MANIFEST_BYTES);
        return false;
    }
    return false;
}

struct lf_bundle *lf_bundle_load(const char *dir, struct lf_diags *diags)
{
    struct lf_diags *own = diags ? NULL : lf_diags_create();
    struct lf_bundle *b = NULL;
    char *text = NULL;
    size_t len = 0;
    size_t n = strlen(dir);
    char *file = lf_xasprintf("%s%s%s", dir, n > 0 && dir[n - 1] == '/' ? "" : "/",
                              LF_MANIFEST_NAME);
    if (!read_manifest(file, diags ? diags : own, &text, &len))
        goto done;
    b = lf_bundle_parse(text, len, file, dir, diags ? diags : own);
done:
    free(text);
    free(file);
    lf_diags_destroy(own);
    return b;
}

static char *manifest_path(const char *dir)
{
    size_t n = strlen(dir);
    return lf_xasprintf("%s%s%s", dir, n > 0 && dir[n - 1] == '/' ? "" : "/", LF_MANIFEST_NAME);
}

static json_t *stamp_time(time_t t)
{
    struct tm tm;
    char buf[32];
    if (!gmtime_r(&t, &tm) || strftime(buf, sizeof(buf), "%Y-%m-%dT%H:%M:%SZ", &tm) == 0)
        return NULL;
    return json_string(buf);
}

bool lf_bundle_file_writable(const char *dir, const char *name, char *why, size_t size)
{
    char *path = lf_xasprintf("%s/%s", dir, name);
    struct stat st;
    bool ok = true;
    if (lstat(path, &st) == 0 && S_ISLNK(st.st_mode)) {
        char *dir_real = realpath(dir, NULL);
        char *real = realpath(path, NULL);
        ok = dir_real && real && inside_dir(real, dir_real);
        if (!ok && real) {
            snprintf(why, size, "is a symbolic link to %s, outside the bundle folder", real);
        } else if (!ok) {
            char target[LF_MAX_PATH_BYTES + 1];
            ssize_t n = readlink(path, target, sizeof(target) - 1);
            target[n > 0 ? n : 0] = '\0';
            snprintf(why, size, "is a symbolic link to %s, which does not lead to a file "
                     "inside the bundle folder", target);
        }
        free(real);
        free(dir_real);
    }
    free(path);
    return ok;
}

bool lf_bundle_pack(const char *dir, struct lf_diags *diags, size_t *n_files)
{
    return lf_bundle_pack_stamped(dir, NULL, diags, n_files);
}

bool lf_bundle_pack_stamped(const char *dir, const struct lf_bundle_stamp *stamp,
                            struct lf_diags *diags, size_t *n_files)
{
    bool ok = false;
    char *file = manifest_path(dir);
    char *text = NULL, *out = NULL;
    size_t len = 0;
    json_t *root = NULL;
    struct lf_bundle *b = NULL, *check = NULL;
    char why[LF_MAX_PATH_BYTES + 160];
    if (!lf_bundle_file_writable(dir, LF_MANIFEST_NAME, why, sizeof(why))) {
        file_error(diags, file, "%s: not written (copy the file into the folder)", why);
        goto done;
    }
    if (!read_manifest(file, diags, &text, &len))
        goto done;
    b = parse_manifest(text, len, file, dir, true, diags);
    if (!b)
        goto done;
    json_error_t jerr;
    size_t bom = len >= LF_UTF8_BOM_BYTES && memcmp(text, LF_UTF8_BOM, LF_UTF8_BOM_BYTES) == 0
                     ? LF_UTF8_BOM_BYTES
                     : 0;
    root = json_loadb(text + bom, len - bom, JSON_REJECT_DUPLICATES, &jerr);
    if (!root) { /* parsed a moment ago: only if the file changed meanwhile */
        file_error(diags, file, "changed while being packed; try again");
        goto done;
    }
    json_t *files = json_array();
    size_t n = 0;
    for (size_t i = 0; i < b->n_items; i++) {
        const char *image = b->items[i].image;
        bool seen = false;
        for (size_t k = 0; k < i && !seen; k++)
            seen = b->items[k].image && strcmp(b->items[k].image, image ? image : "") == 0;
        if (!image || seen)
            continue;
        char *full = lf_xasprintf("%s/%s", dir, image);
        char hex[LF_SHA256_HEX + 1];
        uint64_t size = 0;
        bool hashed = lf_file_sha256(full, hex, &size);
        if (!hashed)
            file_error(diags, file, "cannot read %s: %s", full, strerror(errno));
        free(full);
        if (!hashed) {
            json_decref(files);
            goto done;
        }
        json_t *entry = json_object();
        json_object_set_new(entry, "path", json_string(image));
        json_object_set_new(entry, "size", json_integer((json_int_t)size));
        json_object_set_new(entry, "sha256", json_string(hex));
        json_array_append_new(files, entry);
        n++;
    }
    /* an existing list is replaced where it stands; a new one goes last */
    json_object_set_new(root, "files", files);
    if (stamp) {
        json_t *created = stamp_time(stamp->created), *expires = stamp_time(stamp->expires);
        if (!created || !expires || stamp->serial < 1 || stamp->serial > LF_MAX_BUNDLE_SERIAL ||
            stamp->expires <= stamp->created) {
            json_decref(created);
            json_decref(expires);
            file_error(diags, file, "serial, created or expires out of range");
            goto done;
        }
        json_object_set_new(root, "serial", json_integer((json_int_t)stamp->serial));
        json_object_set_new(root, "created", created);
        json_object_set_new(root, "expires", expires);
    }
    out = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
    if (!out) {
        file_error(diags, file, "cannot serialise the manifest");
        goto done;
    }
    char *with_newline = lf_xasprintf("%s\n", out);
    struct stat st;
    int mode = stat(file, &st) == 0 ? (int)(st.st_mode & 07777) : 0644;
    /* a content.json that is a symbolic link to a file inside the folder:
     * the file it points to is replaced, the link stays (one out of the
     * folder was refused above) */
    char *target = realpath(file, NULL);
    bool written = lf_durable_write(target ? target : file, with_newline, strlen(with_newline),
                                    mode);
    free(target);
    free(with_newline);
    if (!written) {
        file_error(diags, file, "cannot write: %s", strerror(errno));
        goto done;
    }
    /* what a kiosk will check, checked once here */
    check = lf_bundle_load(dir, diags);
    if (!check)
        goto done;
    if (n_files)
        *n_files = n;
    ok = true;
done:
    lf_bundle_destroy(check);
    lf_bundle_destroy(b);
    json_decref(root);
    free(out);
    free(text);
    free(file);
    return ok;
}

/* ---- the model ---- */

static void text_free(struct lf_text *t)
{
    for (size_t i = 0; i < t->n; i++)
        free(t->tr[i].text);
    free(t->tr);
}

static void item_free(struct lf_item *it)
{
    free(it->id);
    text_free(&it->title);
    text_free(&it->summary);
    free(it->image);
    text_free(&it->place);
    free(it->address);
    text_free(&it->room);
    text_free(&it->organiser);
    text_free(&it->registration);
    /* all slots: a failed parse may fill some beyond n_tags */
    for (size_t i = 0; i < LF_MAX_TAGS; i++)
        text_free(&it->tags[i]);
    text_free(&it->provider);
    text_free(&it->audience);
    for (size_t i = 0; i < it->n_languages; i++)
        free(it->languages[i]);
    text_free(&it->role);
    text_free(&it->unit);
    free(it->phone);
    free(it->email);
    free(it->url);
    text_free(&it->hours.note);
}

void lf_bundle_destroy(struct lf_bundle *b)
{
    if (!b)
        return;
    for (size_t i = 0; i < b->n_items; i++)
        item_free(&b->items[i]);
    free(b->items);
    for (size_t i = 0; i < b->n_ignored; i++)
        free(b->ignored[i]);
    free(b->ignored);
    for (size_t i = 0; i < b->n_phrases; i++) {
        free(b->phrases[i].key);
        free(b->phrases[i].text);
    }
    free(b->phrases);
    for (size_t i = 0; i < b->n_languages; i++)
        free(b->languages[i]);
    text_free(&b->organisation);
    free(b->dir);
    free(b->title);
    free(b->version);
    free(b->default_lang);
    for (size_t i = 0; i < b->n_files; i++)
        free(b->files[i].path);
    free(b->files);
    free(b);
}

static const char *find_lang(const struct lf_text *t, const char *lang, size_t n)
{
    for (size_t i = 0; i < t->n; i++)
        if (strlen(t->tr[i].lang) == n && strncasecmp(t->tr[i].lang, lang, n) == 0)
            return t->tr[i].text;
    return NULL;
}

/* True when t is absent or has its own text for lang. */
static bool text_in(const struct lf_text *t, const char *lang)
{
    bool fallback = false;
    return t->n == 0 || (lf_text_get(t, lang, &fallback) && !fallback);
}

bool lf_item_translated(const struct lf_item *it, const char *lang)
{
    const struct lf_text *texts[] = {&it->title,    &it->summary,  &it->place,
                                     &it->room,     &it->organiser, &it->registration,
                                     &it->provider, &it->audience, &it->role,
                                     &it->unit,     &it->hours.note};
    for (size_t i = 0; i < sizeof(texts) / sizeof(texts[0]); i++)
        if (!text_in(texts[i], lang))
            return false;
    for (size_t i = 0; i < it->n_tags; i++)
        if (!text_in(&it->tags[i], lang))
            return false;
    return true;
}

const char *lf_text_get(const struct lf_text *t, const char *lang, bool *is_fallback)
{
    if (is_fallback)
        *is_fallback = false;
    if (!t || t->n == 0)
        return NULL;
    if (!lang || !lang[0])
        lang = LF_FALLBACK_LANG;
    const char *s = find_lang(t, lang, strlen(lang));
    if (s)
        return s;
    /* "en-GB" also takes "en"; any German variant takes "de" only as the
     * fallback below, so the caller learns that it is one. */
    size_t primary = strcspn(lang, "-");
    if (lang[primary] && strncasecmp(lang, LF_FALLBACK_LANG, primary) != 0) {
        s = find_lang(t, lang, primary);
        if (s)
            return s;
    }
    if (is_fallback)
        *is_fallback = true;
    s = find_lang(t, LF_FALLBACK_LANG, strlen(LF_FALLBACK_LANG));
    return s ? s : t->tr[0].text;
}

bool lf_text_present(const struct lf_text *t)
{
    return t && t->n > 0;
}

const char *lf_item_kind_name(enum lf_item_kind kind)
{
    switch (kind) {
    case LF_ITEM_EVENT: return "event";
    case LF_ITEM_OFFER: return "offer";
    case LF_ITEM_CONTACT: return "contact";
    case LF_ITEM_NOTICE: return "notice";
    }
    return "unknown";
}

bool lf_item_text_required(const char *kind, const char *field)
{
    for (int k = LF_ITEM_EVENT; k <= LF_ITEM_NOTICE; k++) {
        if (!kind || strcmp(kind, lf_item_kind_name((enum lf_item_kind)k)) != 0)
            continue;
        for (size_t f = 0; f < N_ITEM_FIELDS; f++)
            if (strcmp(item_fields[f].name, field) == 0)
                return item_fields[f].type == FT_TEXT && (item_fields[f].required & (1u << k));
    }
    return false;
}
