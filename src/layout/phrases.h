/* The kiosk's own words (labels, weekday and month names, date and time
 * formats) in the languages the screens serve. Content texts come from
 * the bundle; these are the words around them.
 * Languages: de (fallback), en, tr, ar, fa, uk, ru. Pure C, no state. */
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
    LF_P_COUNT,
};

/* The phrase in lang (primary subtag is used), German when lang is unknown. */
const char *lf_phrase(const char *lang, enum lf_phrase p);

/* Whether lang is written right to left (ar, fa, he, ur, ckb, ...). */
bool lf_lang_is_rtl(const char *lang);

/* The comma and space between the parts of a list or a date: "، " in
 * languages written in Arabic script, else ", ". */
const char *lf_list_comma(const char *lang);

/* The language's name in itself ("Deutsch", "Türkçe", "العربية"), or the
 * tag itself when unknown. */
const char *lf_lang_endonym(const char *lang);

/* Wall-clock formatting in Europe/Berlin, the way lang writes it. */
enum lf_date_style {
    LF_DATE_LONG,      /* "Samstag, 21. März 2027" */
    LF_DATE_WEEKDAY,   /* "Samstag" */
    LF_DATE_DAY_MONTH, /* "21. März" */
    LF_DATE_MONTH,     /* "März" (badge) */
    LF_DATE_MONTH_SHORT, /* "Mär" (small badge) */
    LF_DATE_WEEKDAY_SHORT, /* "Sa" (badge) */
    LF_DATE_TIME,      /* "18:00" */
};
void lf_format_date(const char *lang, time_t t, enum lf_date_style style, char *buf,
                    size_t size);

/* "18:00 – 20:00 Uhr" (same day) or "21. März 18:00 – 22. März 12:00". */
void lf_format_time_range(const char *lang, time_t start, time_t end, char *buf,
                          size_t size);

#endif
