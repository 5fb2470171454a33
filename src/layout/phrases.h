/* The kiosk's own words (labels, "open now", "scan with your phone", the
 * category names) in the languages the screens serve, and the locale data
 * around them: language names, dates and times, direction and commas.
 * Content texts come from the bundle; these are the words around them.
 *
 * Words: built-in tables (src/layout/phrase_table.c: de, de-x-ls, en, tr,
 * ar, fa, prs, ps, ku, ckb, ti, am, so, uk, ru, pl, ro, bg, sr, sr-Latn,
 * sq, el, fr, es, it, vi, he, zh, zh-Hant, nl, pt, hr, bs, mk, hu, cs, sk,
 * sl, ja, ko, ur, hy, ka, sv, da, nb, fi, lt, lv, et, az, uz, uz-Cyrl, hi, bn, pa,
 * ta, sw, ml, ha, yo; a few words of Romani), which a bundle's "phrases" section corrects
 * or extends (lf_phrases_use). A tag falls back along its subtags
 * (sr-Cyrl-RS, sr-Cyrl, sr), then to German; zh-TW, zh-HK and zh-MO are
 * zh-Hant (traditional characters), never the simplified zh.
 *
 * Locale data (names, dates, direction) comes from ICU/CLDR (libicu),
 * Gregorian calendar and Latin digits like everything else on the screen;
 * our own table only where CLDR has nothing (Leichte Sprache, Dari as
 * "prs", Kurmanji in Arabic script, Romani).
 *
 * Main thread only (the phrase overrides and ICU formatter caches are
 * process-wide; a mutex guards the caches). */
#ifndef LF_LAYOUT_PHRASES_H
#define LF_LAYOUT_PHRASES_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

enum lf_phrase {
    LF_P_EVENTS,
    LF_P_OFFERS,
    LF_P_CONTACTS,
    LF_P_UPCOMING,
    LF_P_WHEN,
    LF_P_WHERE,
    LF_P_REGISTRATION,
    LF_P_ORGANISER,
    LF_P_PROVIDER,
    LF_P_AUDIENCE,
    LF_P_LANGUAGES,
    LF_P_HOURS,
    LF_P_CONTACT,
    LF_P_OPEN_UNTIL,     /* "%s": closing time */
    LF_P_OPENS_TODAY,    /* "%s": time */
    LF_P_OPENS_TOMORROW, /* "%s": time */
    LF_P_OPENS_ON,       /* "%1$s" weekday, "%2$s" time */
    LF_P_CLOSED,
    LF_P_OPEN_NOW,
    LF_P_RUNNING_NOW,
    LF_P_TODAY,
    LF_P_TOMORROW,
    LF_P_NOTICE,
    LF_P_URGENT,
    LF_P_SAMPLE,
    LF_P_YEARLY,
    LF_P_CONTINUED,
    LF_P_IN_GERMAN,      /* marks a German text shown for want of a translation */
    LF_P_BACK,
    LF_P_TAP_HINT,
    LF_P_SCAN,
    LF_P_UPDATED,        /* "%s": the date the content was last updated */
    LF_P_NO_EVENTS,      /* the agenda when nothing is announced */
    LF_P_MORE_LANGUAGES, /* the strip's button to the page of every language */
    LF_P_CHOOSE_LANGUAGE,/* the title of that page */
    LF_P_NO_OFFERS,      /* the counselling list when it is empty */
    LF_P_NO_CONTACTS,    /* the contacts list when it is empty */
    LF_P_ALL_DAY,        /* an event without times: "ganztägig" */
    LF_P_UNTIL,          /* "%s": the end of an event that runs now ("bis 28. März") */
    LF_P_CANCELLED,      /* an event that does not take place: "Abgesagt" */
    LF_P_READ_ALOUD,     /* the strip's button that reads the page aloud */
    LF_P_STOP_READING,   /* the same button while it reads */
    LF_P_SLOWER,         /* the toggle for slower speech */
    LF_P_NO_VOICE,       /* the button when the language has no voice */
    LF_P_CLOCK,          /* "%s": a clock time as the language writes it alone ("18:00 Uhr") */
    LF_P_SPAN,           /* "%1$s", "%2$s": from one day to another ("8. Februar – 10. Februar") */
    /* New phrases: add the enum here, its key in phrases.c (keys[]) and
     * the words in phrase_table.c (German at least). */
    LF_P_COUNT,
};

/* The phrase in lang: the bundle's override, else the built-in words,
 * along the tag's fallbacks, else German. Never NULL. The string stays
 * valid until the next lf_phrases_use(). */
const char *lf_phrase(const char *lang, enum lf_phrase p);

/* The key of a phrase in content.json's "phrases" section ("where"),
 * and back (false for an unknown key). */
const char *lf_phrase_key(enum lf_phrase p);
bool lf_phrase_from_key(const char *key, enum lf_phrase *p);

/* Whether lang has its own words for p (built in or from the bundle),
 * i.e. German does not stand in. German itself always has. */
bool lf_phrase_has(const char *lang, enum lf_phrase p);

/* Whether text is usable as phrase p: the same printf conversions as the
 * German built-in ("%s", or "%1$s" and "%2$s" in any order), nothing
 * else ("%%" allowed). Bundle overrides that are not are ignored. */
bool lf_phrase_format_ok(enum lf_phrase p, const char *text);

/* The languages with built-in words, as tags ("de", "de-x-ls", ...). */
size_t lf_phrase_languages(const char *const **tags);

struct lf_bundle;
struct lf_diags;
/* Takes the bundle's "phrases" section as overrides (copied; NULL: none).
 * Called whenever the screen takes up a bundle. */
void lf_phrases_use(const struct lf_bundle *b);
/* validate: warnings for unknown keys and unusable placeholders in the
 * bundle's "phrases"; and, per bundle language, a warning naming the
 * kiosk's words still missing (German stands in for them). Takes up the
 * bundle's phrases (lf_phrases_use) to count them. */
void lf_phrases_check(const struct lf_bundle *b, struct lf_diags *diags);

/* Whether lang is written right to left, decided by its script (given,
 * or the likely one from CLDR): ar, fa, prs, ps, ckb, ku-Arab, ur, he,
 * yi, dv, ... */
bool lf_lang_is_rtl(const char *lang);

/* The comma and space between the parts of a list or a date: "، " in
 * languages written in Arabic script, "፣ " in Ethiopic, "，" in Chinese,
 * "、" in Japanese, else ", ". */
const char *lf_list_comma(const char *lang);

/* The language's name in itself ("Deutsch", "Türkçe", "العربية", "Српски
 * (ћирилица)"), first letter capitalised as in a menu; the tag itself only
 * when neither CLDR nor our table knows it (lf_lang_known). The string
 * lives as long as the program. */
const char *lf_lang_endonym(const char *lang);
bool lf_lang_known(const char *lang);

/* The language's name in the language `in` ("de", else English): "Arabisch
 * (Syrien)", "Dari", "Leichte Sprache"; "Arabic (Syria)" in English. Into
 * buf (cut to size); the tag itself when CLDR does not know the language.
 * For the studio's staff, who write in German; any thread. */
void lf_lang_name_in(const char *lang, const char *in, char *buf, size_t size);

/* Wall-clock formatting in Europe/Berlin, the way lang writes it. */
enum lf_date_style {
    LF_DATE_LONG,      /* "Samstag, 21. März 2027" */
    LF_DATE_WEEKDAY,   /* "Samstag" */
    LF_DATE_DAY_MONTH, /* "21. März" */
    LF_DATE_MONTH,     /* "März" (badge) */
    LF_DATE_MONTH_SHORT, /* "Mär" (small badge) */
    LF_DATE_WEEKDAY_SHORT, /* "Sa" (badge) */
    LF_DATE_TIME,      /* "18:00" */
    LF_DATE_WEEKDAY_DAY_MONTH, /* "Montag, 8. Februar" (a span's first day) */
    LF_DATE_DAY_MONTH_YEAR,    /* "21. März 2028" (a list's date a year or more away) */
};
void lf_format_date(const char *lang, time_t t, enum lf_date_style style, char *buf,
                    size_t size);

/* "18:00–20:00 Uhr" (same day, CLDR's interval format) or, over several
 * days, "21. März, 18:00 Uhr – 22. März, 12:00 Uhr" (each end written the
 * same way: the day, the list comma, the clock phrase). An event ending
 * at midnight stays on its day. */
void lf_format_time_range(const char *lang, time_t start, time_t end, char *buf,
                          size_t size);

/* One clock time as the language writes it alone: "18:00 Uhr", "18:00". */
void lf_format_clock(const char *lang, time_t t, char *buf, size_t size);

/* How a span over several days writes its days. */
enum lf_span_form {
    LF_SPAN_SHORT,      /* "8. Februar – 10. Februar" (lists) */
    LF_SPAN_LONG,       /* "Montag, 8. Februar – Mittwoch, 10. Februar 2027" */
    LF_SPAN_SHORT_YEAR, /* "8. Februar – 10. Februar 2028" (lists, a year or more away) */
};

/* From one moment to another on different days, both ends written the
 * same way (LF_P_SPAN); where the form has a year, it stands once at the
 * end, on both ends when they differ. with_time adds each end's clock
 * ("Freitag, 5. März, 18:00 Uhr – Sonntag, 7. März 2027, 13:00 Uhr"). */
void lf_format_day_span(const char *lang, time_t from, time_t to, enum lf_span_form form,
                        bool with_time, char *buf, size_t size);

#endif
