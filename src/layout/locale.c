/* Locale data from ICU/CLDR (libicu): language names in themselves,
 * dates and times as each language writes them (with the grammatical
 * forms CLDR knows: "28 січня", "15. Januar"), direction and the comma
 * from the script. Our own tables only where CLDR has nothing or too
 * little: see own_names[] and own_patterns[].
 *
 * Every date is Gregorian with Latin digits, in Europe/Berlin: the
 * events happen here, and phone numbers, rooms and prices on the same
 * screen are written in Latin digits too. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unicode/udat.h>
#include <unicode/udateintervalformat.h>
#include <unicode/udatpg.h>
#include <unicode/udisplaycontext.h>
#include <unicode/uchar.h>
#include <unicode/uldnames.h>
#include <unicode/uloc.h>
#include <unicode/ures.h>
#include <unicode/ustring.h>

#include "core/civil_time.h"
#include "core/log.h"
#include "core/xalloc.h"
#include "layout/phrases.h"

#define TIME_ZONE LF_TIME_ZONE
#define LOCALE_BYTES 160
#define FORMAT_CACHE 96   /* open date formatters (languages x styles) */
#define NAME_CACHE 256    /* language names looked up */

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

/* ---- from a tag to an ICU locale ---- */

/* Tags CLDR knows under another name, for locale data. */
static const char *data_alias(const char *lang)
{
    static const struct {
        const char *tag, *as;
    } aliases[] = {
        {"prs", "fa-AF"},    /* Dari: CLDR's Persian of Afghanistan */
        {"kmr", "ku"},       /* Kurmanji */
        {"ku-Arab", "ckb"},  /* Kurmanji in Arabic script: CLDR has no data; Sorani's
                                month and weekday names are the ones used */
        {"kmr-Arab", "ckb"},
        {"en", "en-DE"},     /* English as written in Germany: 24 hours, "15 January" */
    };
    for (size_t i = 0; i < sizeof(aliases) / sizeof(aliases[0]); i++) {
        size_t n = strlen(aliases[i].tag);
        if (strncasecmp(lang, aliases[i].tag, n) == 0 &&
            (lang[n] == '\0' || (lang[n] == '-' && strcmp(aliases[i].tag, "en") != 0)))
            return aliases[i].as;
    }
    return NULL;
}

/* The ICU locale ID of a tag, private-use part dropped ("de-x-ls" ->
 * "de"); "" when ICU cannot read it. */
static void base_locale(const char *lang, char *out, size_t size)
{
    char tag[LOCALE_BYTES];
    const char *as = lang ? data_alias(lang) : NULL;
    snprintf(tag, sizeof(tag), "%s", as ? as : lang ? lang : "");
    char *x = strstr(tag, "-x-");
    if (x)
        *x = '\0';
    UErrorCode st = U_ZERO_ERROR;
    int32_t n = uloc_forLanguageTag(tag, out, (int32_t)size, NULL, &st);
    if (U_FAILURE(st) || n <= 0 || (size_t)n >= size)
        out[0] = '\0';
}

/* Whether CLDR has data of the locale's own (not only the root's). */
static bool has_data(const char *locale)
{
    if (!locale[0])
        return false;
    UErrorCode st = U_ZERO_ERROR;
    UResourceBundle *r = ures_open(NULL, locale, &st);
    bool own = U_SUCCESS(st) && st != U_USING_DEFAULT_WARNING;
    if (r)
        ures_close(r);
    return own;
}

/* The locale for dates: German where CLDR has nothing (Romani). */
static void date_locale(const char *lang, char *out, size_t size)
{
    base_locale(lang, out, size);
    if (!has_data(out))
        snprintf(out, size, "de");
    UErrorCode st = U_ZERO_ERROR;
    uloc_setKeywordValue("calendar", "gregorian", out, (int32_t)size, &st);
    uloc_setKeywordValue("numbers", "latn", out, (int32_t)size, &st);
}

static void script_of(const char *lang, char *script, size_t size)
{
    char base[LOCALE_BYTES], full[LOCALE_BYTES];
    base_locale(lang, base, sizeof(base));
    UErrorCode st = U_ZERO_ERROR;
    uloc_addLikelySubtags(base, full, sizeof(full), &st);
    if (U_FAILURE(st))
        snprintf(full, sizeof(full), "%s", base);
    st = U_ZERO_ERROR;
    int32_t n = uloc_getScript(full, script, (int32_t)size, &st);
    if (U_FAILURE(st) || n < 0 || (size_t)n >= size)
        script[0] = '\0';
}

bool lf_lang_is_rtl(const char *lang)
{
    if (!lang || !lang[0])
        return false;
    char script[16];
    script_of(lang, script, sizeof(script));
    static const char *const rtl[] = {"Arab", "Hebr", "Thaa", "Syrc", "Nkoo", "Adlm",
                                      "Rohg", "Mand", "Samr", "Aran"};
    for (size_t i = 0; i < sizeof(rtl) / sizeof(rtl[0]); i++)
        if (strcmp(script, rtl[i]) == 0)
            return true;
    return false;
}

const char *lf_list_comma(const char *lang)
{
    if (!lang || !lang[0])
        return ", ";
    char script[16];
    script_of(lang, script, sizeof(script));
    if (strcmp(script, "Arab") == 0 || strcmp(script, "Aran") == 0 ||
        strcmp(script, "Thaa") == 0)
        return "، ";
    if (strcmp(script, "Ethi") == 0)
        return "፣ ";
    if (strcmp(script, "Hans") == 0 || strcmp(script, "Hant") == 0)
        return "，";
    if (strcmp(script, "Jpan") == 0)
        return "、";
    return ", ";
}

/* ---- language names ---- */

/* Names CLDR does not have: a private-use tag, languages CLDR has no
 * locale for, and Kurmanji written in Arabic script. */
static const struct {
    const char *tag, *name;
} own_names[] = {
    {"de-x-ls", "Leichte Sprache"},
    {"prs", "دری"},
    {"ku-Arab", "کورمانجی"},
    {"kmr-Arab", "کورمانجی"},
    {"kmr", "Kurmancî"},
    {"rom", "Romanes"},
    {"az-Arab", "تۆرکجه"}, /* South Azerbaijani as its readers name it; CLDR: "Az (Arab)" */
    {"azb", "تۆرکجه"},
    {"rmn", "Romanes"},
};

struct name_entry {
    char *tag, *name;
    bool known;
};
static struct name_entry names[NAME_CACHE];
static size_t n_names;

static void to_utf8(const UChar *u, int32_t n, char *out, size_t size)
{
    UErrorCode st = U_ZERO_ERROR;
    u_strToUTF8(out, (int32_t)size, NULL, u, n, &st);
    if (U_FAILURE(st) || st == U_STRING_NOT_TERMINATED_WARNING)
        out[0] = '\0';
}

/* The name of `locale` in `in`, first letter capitalised as in a menu
 * ("polski" -> "Polski"). */
static bool display_name(const char *locale, const char *in, char *out, size_t size)
{
    UErrorCode st = U_ZERO_ERROR;
    UDisplayContext ctx[] = {UDISPCTX_CAPITALIZATION_FOR_UI_LIST_OR_MENU,
                             UDISPCTX_DIALECT_NAMES};
    ULocaleDisplayNames *ldn = uldn_openForContext(in, ctx, 2, &st);
    if (U_FAILURE(st))
        return false;
    UChar u[256];
    int32_t n = uldn_localeDisplayName(ldn, locale, u, 256, &st);
    uldn_close(ldn);
    if (U_FAILURE(st) || n <= 0 || n >= 256)
        return false;
    UChar32 c;
    int32_t i = 0;
    U16_NEXT(u, i, n, c);
    UChar32 t = u_totitle(c);
    if (t != c && U16_LENGTH(t) == i) {
        int32_t j = 0;
        UBool err = false;
        U16_APPEND(u, j, n, t, err);
        (void)err;
    }
    to_utf8(u, n, out, size);
    return out[0] != '\0';
}

/* ICU's locale id for a BCP 47 tag, its private use ("-x-ls") left out;
 * false (and "") when ICU cannot read the tag. */
static bool icu_locale(const char *lang, char *locale, int32_t size)
{
    char tag[LOCALE_BYTES];
    snprintf(tag, sizeof(tag), "%s", lang);
    char *x = strstr(tag, "-x-");
    if (x)
        *x = '\0';
    UErrorCode st = U_ZERO_ERROR;
    int32_t n = uloc_forLanguageTag(tag, locale, size, NULL, &st);
    if (U_FAILURE(st) || n <= 0) {
        locale[0] = '\0';
        return false;
    }
    return true;
}

static struct name_entry lookup_name(const char *lang)
{
    for (size_t i = 0; i < sizeof(own_names) / sizeof(own_names[0]); i++)
        if (strcasecmp(lang, own_names[i].tag) == 0)
            return (struct name_entry){NULL, lf_xstrdup(own_names[i].name), true};
    char locale[LOCALE_BYTES];
    icu_locale(lang, locale, sizeof(locale));
    char lang_only[16] = "", name[512];
    UErrorCode st = U_ZERO_ERROR;
    uloc_getLanguage(locale, lang_only, sizeof(lang_only), &st);
    if (has_data(lang_only) && display_name(locale, locale, name, sizeof(name)))
        return (struct name_entry){NULL, lf_xstrdup(name), true};
    /* CLDR has no data in the language itself: its German name, when
     * CLDR knows the language at all, is better than a bare tag */
    if (locale[0] && display_name(locale, "de", name, sizeof(name)) &&
        strncasecmp(name, lang_only, strlen(lang_only)) != 0)
        return (struct name_entry){NULL, lf_xstrdup(name), true};
    return (struct name_entry){NULL, lf_xstrdup(lang), false};
}

static const struct name_entry *name_of(const char *lang)
{
    for (size_t i = 0; i < n_names; i++)
        if (strcmp(names[i].tag, lang) == 0)
            return &names[i];
    if (n_names == NAME_CACHE) {
        /* full (many bundles with ever new tags): the names handed out
         * must stay valid, so the oldest are kept and this one is not */
        static struct name_entry spare;
        free(spare.tag);
        free(spare.name);
        spare = lookup_name(lang);
        spare.tag = lf_xstrdup(lang);
        return &spare;
    }
    struct name_entry e = lookup_name(lang);
    e.tag = lf_xstrdup(lang);
    names[n_names] = e;
    return &names[n_names++];
}

const char *lf_lang_endonym(const char *lang)
{
    if (!lang)
        return "";
    pthread_mutex_lock(&lock);
    const char *name = name_of(lang)->name;
    pthread_mutex_unlock(&lock);
    return name;
}

bool lf_lang_known(const char *lang)
{
    if (!lang)
        return false;
    pthread_mutex_lock(&lock);
    bool known = name_of(lang)->known;
    pthread_mutex_unlock(&lock);
    return known;
}

/* Names in German and English where CLDR's read badly to the staff:
 * "Kurdisch" alone for Kurmanji beside "Zentralkurdisch" for Sorani,
 * "(Arabisch)" for the script, which reads as a second language. */
static const struct {
    const char *tag, *de, *en;
} own_names_in[] = {
    {"de-x-ls", "Leichte Sprache", "Easy German (Leichte Sprache)"},
    {"kmr", "Kurdisch (Kurmandschi)", "Kurdish (Kurmanji)"},
    {"ku", "Kurdisch (Kurmandschi)", "Kurdish (Kurmanji)"},
    {"ku-Arab", "Kurdisch (Kurmandschi, arabische Schrift)", "Kurdish (Kurmanji, Arabic script)"},
    {"kmr-Arab", "Kurdisch (Kurmandschi, arabische Schrift)", "Kurdish (Kurmanji, Arabic script)"},
    {"ckb", "Kurdisch (Sorani)", "Kurdish (Sorani)"},
    {"az-Arab", "Südaserbaidschanisch", "South Azerbaijani"},
    {"azb", "Südaserbaidschanisch", "South Azerbaijani"},
};

void lf_lang_name_in(const char *lang, const char *in, char *buf, size_t size)
{
    if (!size)
        return;
    snprintf(buf, size, "%s", lang ? lang : "");
    if (!lang || !lang[0])
        return;
    bool english = in && strncasecmp(in, "en", 2) == 0 && (in[2] == '\0' || in[2] == '-');
    for (size_t i = 0; i < sizeof(own_names_in) / sizeof(own_names_in[0]); i++)
        if (strcasecmp(lang, own_names_in[i].tag) == 0) {
            snprintf(buf, size, "%s", english ? own_names_in[i].en : own_names_in[i].de);
            return;
        }
    char locale[LOCALE_BYTES], lang_only[16] = "", name[512];
    if (!icu_locale(lang, locale, sizeof(locale)))
        return;
    UErrorCode st = U_ZERO_ERROR;
    uloc_getLanguage(locale, lang_only, sizeof(lang_only), &st);
    if (!display_name(locale, english ? "en" : "de", name, sizeof(name)))
        return;
    /* ICU gives the code back for a language it does not know ("zz", "Zz (Syrien)") */
    size_t ln = strlen(lang_only);
    if (!ln || (strncasecmp(name, lang_only, ln) == 0 &&
                (name[ln] == '\0' || name[ln] == ' ' || name[ln] == '_')))
        return;
    snprintf(buf, size, "%s", name);
}

/* ---- dates and times ---- */

/* Patterns where CLDR's generated ones read badly (its data for these
 * languages has no full date pattern of its own); ICU pattern syntax. */
static const struct {
    const char *locale;
    enum lf_date_style style;
    const char *pattern;
} own_patterns[] = {
    {"ku", LF_DATE_LONG, "EEEE, d MMMM y"},
    {"ku", LF_DATE_DAY_MONTH, "d MMMM"},
    {"ku", LF_DATE_WEEKDAY_DAY_MONTH, "EEEE, d MMMM"},
    {"ku", LF_DATE_DAY_MONTH_YEAR, "d MMMM y"},
    {"ckb", LF_DATE_LONG, "EEEE، dی MMMMی y"},
    {"ckb", LF_DATE_DAY_MONTH, "dی MMMM"},
    {"ckb", LF_DATE_WEEKDAY_DAY_MONTH, "EEEE، dی MMMMی"},
    {"ckb", LF_DATE_DAY_MONTH_YEAR, "dی MMMMی y"},
    {"am", LF_DATE_LONG, "EEEE፣ d MMMM y"},
    {"am", LF_DATE_WEEKDAY_DAY_MONTH, "EEEE፣ d MMMM"},
    {"fa_AF", LF_DATE_DAY_MONTH, "d MMMM"},
    {"fa_AF", LF_DATE_WEEKDAY_DAY_MONTH, "EEEE d MMMM"},
    {"fa_AF", LF_DATE_DAY_MONTH_YEAR, "d MMMM y"},
    {"ps", LF_DATE_DAY_MONTH, "d MMMM"},
    {"ps", LF_DATE_WEEKDAY_DAY_MONTH, "EEEE d MMMM"},
    {"ps", LF_DATE_DAY_MONTH_YEAR, "d MMMM y"},
};

struct formatter {
    char locale[LOCALE_BYTES];
    int style;             /* enum lf_date_style, or -1/-2 for the interval formats */
    UDateFormat *date;
    UDateIntervalFormat *interval;
};
static struct formatter formatters[FORMAT_CACHE];
static size_t n_formatters;

static void close_formatters(void)
{
    for (size_t i = 0; i < n_formatters; i++) {
        if (formatters[i].date)
            udat_close(formatters[i].date);
        if (formatters[i].interval)
            udtitvfmt_close(formatters[i].interval);
    }
    n_formatters = 0;
}

static struct formatter *formatter_slot(const char *locale, int style)
{
    for (size_t i = 0; i < n_formatters; i++)
        if (formatters[i].style == style && strcmp(formatters[i].locale, locale) == 0)
            return &formatters[i];
    if (n_formatters == FORMAT_CACHE)
        close_formatters();
    struct formatter *f = &formatters[n_formatters++];
    memset(f, 0, sizeof(*f));
    snprintf(f->locale, sizeof(f->locale), "%s", locale);
    f->style = style;
    return f;
}

static UDateFormat *open_date(const char *locale, enum lf_date_style style)
{
    static const char *const skeletons[] = {
        [LF_DATE_LONG] = "yMMMMEEEEd", [LF_DATE_WEEKDAY] = NULL,
        [LF_DATE_DAY_MONTH] = "MMMMd", [LF_DATE_MONTH] = NULL,
        [LF_DATE_MONTH_SHORT] = NULL, [LF_DATE_WEEKDAY_SHORT] = NULL,
        [LF_DATE_TIME] = "Hm", [LF_DATE_WEEKDAY_DAY_MONTH] = "MMMMEEEEd",
        [LF_DATE_DAY_MONTH_YEAR] = "yMMMMd",
    };
    static const char *const patterns[] = {
        [LF_DATE_WEEKDAY] = "EEEE", [LF_DATE_MONTH] = "LLLL",
        [LF_DATE_MONTH_SHORT] = "LLL", [LF_DATE_WEEKDAY_SHORT] = "ccc",
        [LF_DATE_TIME] = NULL, [LF_DATE_WEEKDAY_DAY_MONTH] = NULL,
        [LF_DATE_DAY_MONTH_YEAR] = NULL,
    };
    UErrorCode st = U_ZERO_ERROR;
    UChar pattern[128], tz[32];
    int32_t n = -1;
    u_uastrcpy(tz, TIME_ZONE);
    char base[LOCALE_BYTES];
    uloc_getBaseName(locale, base, sizeof(base), &st);
    st = U_ZERO_ERROR;
    for (size_t i = 0; i < sizeof(own_patterns) / sizeof(own_patterns[0]) && n < 0; i++)
        if (own_patterns[i].style == style && strcmp(own_patterns[i].locale, base) == 0)
            n = u_strlen(u_strFromUTF8(pattern, 128, NULL, own_patterns[i].pattern, -1, &st));
    if (n < 0 && skeletons[style]) {
        UChar skeleton[32];
        u_uastrcpy(skeleton, skeletons[style]);
        UDateTimePatternGenerator *g = udatpg_open(locale, &st);
        n = udatpg_getBestPattern(g, skeleton, -1, pattern, 128, &st);
        udatpg_close(g);
    } else if (n < 0) {
        u_uastrcpy(pattern, patterns[style]);
        n = u_strlen(pattern);
    }
    UDateFormat *df = NULL;
    if (U_SUCCESS(st))
        df = udat_open(UDAT_PATTERN, UDAT_PATTERN, locale, tz, -1, pattern, n, &st);
    if (U_FAILURE(st)) {
        lf_error("date format for %s: %s", locale, u_errorName(st));
        if (df)
            udat_close(df);
        return NULL;
    }
    return df;
}

static UDateIntervalFormat *open_interval(const char *locale, const char *skeleton_ascii)
{
    UErrorCode st = U_ZERO_ERROR;
    UChar skeleton[32], tz[32];
    u_uastrcpy(skeleton, skeleton_ascii);
    u_uastrcpy(tz, TIME_ZONE);
    UDateIntervalFormat *f = udtitvfmt_open(locale, skeleton, -1, tz, -1, &st);
    if (U_FAILURE(st)) {
        lf_error("time range format for %s: %s", locale, u_errorName(st));
        return NULL;
    }
    return f;
}

/* Formats, or leaves buf empty on failure (logged); the lock is held. */
static void format_locked(const char *locale, time_t t, enum lf_date_style style, char *buf,
                          size_t size)
{
    struct formatter *f = formatter_slot(locale, (int)style);
    if (!f->date)
        f->date = open_date(locale, style);
    buf[0] = '\0';
    if (!f->date)
        return;
    UChar out[256];
    UErrorCode st = U_ZERO_ERROR;
    int32_t n = udat_format(f->date, (UDate)t * 1000.0, out, 256, NULL, &st);
    if (U_SUCCESS(st) && n < 256)
        to_utf8(out, n, buf, size);
}

void lf_format_date(const char *lang, time_t t, enum lf_date_style style, char *buf,
                    size_t size)
{
    if (size == 0)
        return;
    if ((int)style < 0 || style > LF_DATE_DAY_MONTH_YEAR) {
        buf[0] = '\0';
        return;
    }
    char locale[LOCALE_BYTES];
    pthread_mutex_lock(&lock);
    date_locale(lang, locale, sizeof(locale));
    format_locked(locale, t, style, buf, size);
    pthread_mutex_unlock(&lock);
    if (!buf[0] && style == LF_DATE_TIME) {
        /* never an empty clock */
        struct tm tm;
        lf_local_time(t, &tm);
        snprintf(buf, size, "%02d:%02d", tm.tm_hour, tm.tm_min);
    }
}

/* Replaces the last occurrence of `from` in buf by `to`. */
static void replace_last(char *buf, size_t size, const char *from, const char *to)
{
    char *at = NULL;
    for (char *p = strstr(buf, from); p; p = strstr(p + 1, from))
        at = p;
    if (!at)
        return;
    size_t fl = strlen(from), tl = strlen(to), rest = strlen(at + fl);
    if ((size_t)(at - buf) + tl + rest + 1 > size)
        return;
    memmove(at + tl, at + fl, rest + 1);
    memcpy(at, to, tl);
}

void lf_format_clock(const char *lang, time_t t, char *buf, size_t size)
{
    if (size == 0)
        return;
    char clock[32];
    lf_format_date(lang, t, LF_DATE_TIME, clock, sizeof(clock));
    snprintf(buf, size, lf_phrase(lang, LF_P_CLOCK), clock);
}

/* One end of a span: the day, and with a time the list comma and the clock. */
static void span_end(const char *lang, time_t t, enum lf_date_style style, bool with_time,
                     char *buf, size_t size)
{
    char day[128], clock[64];
    lf_format_date(lang, t, style, day, sizeof(day));
    if (!with_time) {
        snprintf(buf, size, "%s", day);
        return;
    }
    lf_format_clock(lang, t, clock, sizeof(clock));
    snprintf(buf, size, "%s%s%s", day, lf_list_comma(lang), clock);
}

void lf_format_day_span(const char *lang, time_t from, time_t to, enum lf_span_form form,
                        bool with_time, char *buf, size_t size)
{
    if (size == 0)
        return;
    struct tm a, b;
    lf_local_time(from, &a);
    lf_local_time(to, &b);
    enum lf_date_style first = LF_DATE_DAY_MONTH, last = LF_DATE_DAY_MONTH;
    /* the year once, at the end; on both ends when they differ */
    if (form == LF_SPAN_LONG) {
        first = a.tm_year == b.tm_year ? LF_DATE_WEEKDAY_DAY_MONTH : LF_DATE_LONG;
        last = LF_DATE_LONG;
    } else if (form == LF_SPAN_SHORT_YEAR) {
        first = a.tm_year == b.tm_year ? LF_DATE_DAY_MONTH : LF_DATE_DAY_MONTH_YEAR;
        last = LF_DATE_DAY_MONTH_YEAR;
    }
    char x[192], y[192];
    span_end(lang, from, first, with_time, x, sizeof(x));
    span_end(lang, to, last, with_time, y, sizeof(y));
    snprintf(buf, size, lf_phrase(lang, LF_P_SPAN), x, y);
}

void lf_format_time_range(const char *lang, time_t start, time_t end, char *buf, size_t size)
{
    if (size == 0)
        return;
    struct tm a, b;
    lf_local_time(start, &a);
    lf_local_time(end, &b);
    bool same_day = a.tm_year == b.tm_year && a.tm_yday == b.tm_yday;
    /* an event ending at midnight still belongs to its day: formatted
     * as ending 23:59 that day, then the time put right */
    bool ends_midnight = !same_day && end > start && end - start < 86400 && b.tm_hour == 0 &&
                         b.tm_min == 0;
    if (!same_day && !ends_midnight) {
        /* several days: both ends written the same way */
        lf_format_day_span(lang, start, end, LF_SPAN_SHORT, true, buf, size);
        return;
    }
    time_t to = ends_midnight ? end - 60 : end;
    if (to < start)
        to = start;
    char locale[LOCALE_BYTES];
    buf[0] = '\0';
    pthread_mutex_lock(&lock);
    date_locale(lang, locale, sizeof(locale));
    struct formatter *f = formatter_slot(locale, -1);
    if (!f->interval)
        f->interval = open_interval(locale, "Hm");
    if (f->interval) {
        UChar out[256];
        UErrorCode st = U_ZERO_ERROR;
        int32_t n = udtitvfmt_format(f->interval, (UDate)start * 1000.0, (UDate)to * 1000.0,
                                     out, 256, NULL, &st);
        if (U_SUCCESS(st) && n < 256)
            to_utf8(out, n, buf, size);
    }
    char t_false[32] = "", t_true[32] = "";
    if (ends_midnight && buf[0]) {
        format_locked(locale, to, LF_DATE_TIME, t_false, sizeof(t_false));
        format_locked(locale, end, LF_DATE_TIME, t_true, sizeof(t_true));
    }
    pthread_mutex_unlock(&lock);
    if (t_false[0] && t_true[0])
        replace_last(buf, size, t_false, t_true);
    if (!buf[0]) {
        char t1[32], t2[32], both[80];
        lf_format_date(lang, start, LF_DATE_TIME, t1, sizeof(t1));
        lf_format_date(lang, end, LF_DATE_TIME, t2, sizeof(t2));
        snprintf(both, sizeof(both), "%s – %s", t1, t2);
        snprintf(buf, size, lf_phrase(lang, LF_P_CLOCK), both);
    }
}
