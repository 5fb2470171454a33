/* iCalendar feeds into events: see ics.h. libical parses; ICU's CLDR
 * table names the IANA zone behind a Windows zone name. */
#include <libical/ical.h>
#include <sodium.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unicode/uchar.h>
#include <unicode/ucal.h>
#include <unicode/ucnv.h>
#include <unicode/ustring.h>

#include "calendar/html_text.h"
#include "calendar/ics.h"
#include "content/bundle.h"
#include "core/civil_time.h"
#include "core/xalloc.h"

#define ZONE_NAME_MAX 128

struct lf_ics_feed {
    struct lf_ics_event *events;
    size_t n, cap;
    size_t components;
    size_t skipped;  /* entries left out for a fault of their own */
    size_t filtered; /* events within the horizon the filter did not take */
    size_t left_out; /* events beyond the nearest LF_ICS_MAX_OCCURRENCES */
    bool cut;        /* cutoff holds: what starts after it is not among the nearest */
    time_t cutoff;
};

/* The zone a date-time of the feed is written in. */
struct ics_zone {
    enum { ZONE_FLOATING, ZONE_UTC, ZONE_LIBICAL, ZONE_FIXED } kind;
    icaltimezone *tz;
    int offset; /* ZONE_FIXED: seconds east of UTC ("GMT+0100") */
};

/* An unknown zone name said once: the zone used instead. */
#define ZONES_SAID_MAX 32

/* What one pass over the feed needs at hand. */
struct ics_ctx {
    const char *name;
    struct lf_diags *d;
    icalcomponent *cal;
    time_t now, horizon_end;
    struct lf_ics_feed *feed;
    bool failed;
    bool said_encoding;  /* the warning about a feed not in UTF-8 is given once */
    size_t steps;        /* recurrence steps followed in the whole feed */
    time_t latest_end;   /* the latest end of an event over before now (0: none) */
    time_t next_after;   /* the first start of one after the horizon (0: none) */
    const struct lf_ics_filter *filter; /* NULL: every event */
    char fallback_zone[ZONE_NAME_MAX]; /* X-WR-TIMEZONE, or the kiosk's own zone */
    char zones_said[ZONES_SAID_MAX][ZONE_NAME_MAX];
    size_t n_zones_said;
    /* within one entry: a fault of the entry leaves it out (said once,
     * in event_done()) rather than failing the feed */
    bool in_event, event_bad;
    bool said_controls; /* a control character removed: said once a feed */
    char event_field[32];
    char event_why[256];
};

static void ics_error(struct ics_ctx *c, int line, const char *field, const char *fmt, ...)
    LF_PRINTF(4, 5);
static void ics_error(struct ics_ctx *c, int line, const char *field, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    if (c->in_event) {
        if (!c->event_bad) {
            c->event_bad = true;
            snprintf(c->event_field, sizeof(c->event_field), "%s", field);
            vsnprintf(c->event_why, sizeof(c->event_why), fmt, ap);
        }
        va_end(ap);
        return;
    }
    lf_diags_addv(c->d, LF_DIAG_ERROR, c->name, line, 0, field, fmt, ap);
    va_end(ap);
    c->failed = true;
}

static void ics_warning(struct ics_ctx *c, int line, const char *field, const char *fmt, ...)
    LF_PRINTF(4, 5);
static void ics_warning(struct ics_ctx *c, int line, const char *field, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    lf_diags_addv(c->d, LF_DIAG_WARNING, c->name, line, 0, field, fmt, ap);
    va_end(ap);
}

/* ---- zones ---- */

/* The IANA name CLDR gives for a Windows zone name ("W. Europe Standard
 * Time" -> "Europe/Berlin"); false when it is not one. */
static bool windows_zone_to_iana(const char *win, char *out, size_t size)
{
    UChar uwin[ZONE_NAME_MAX], uout[ZONE_NAME_MAX];
    if (strlen(win) >= ZONE_NAME_MAX)
        return false;
    u_uastrncpy(uwin, win, ZONE_NAME_MAX);
    UErrorCode st = U_ZERO_ERROR;
    int32_t n = ucal_getTimeZoneIDForWindowsID(uwin, -1, NULL, uout, ZONE_NAME_MAX, &st);
    if (U_FAILURE(st) || n <= 0 || n >= ZONE_NAME_MAX || (size_t)n >= size)
        return false;
    uout[n] = 0;
    u_austrncpy(out, uout, (int32_t)size - 1);
    out[size - 1] = '\0';
    return true;
}

/* The zone named by a TZID parameter: an IANA name, a Windows name, a
 * Mozilla-style "/mozilla.org/.../Europe/Berlin" path, or else the
 * feed's own VTIMEZONE of that name. NULL when none of them. */
static icaltimezone *zone_by_tzid(icalcomponent *cal, const char *tzid)
{
    icaltimezone *tz = icaltimezone_get_builtin_timezone(tzid);
    if (tz)
        return tz;
    /* Exchange Online's name for UTC */
    if (strcasecmp(tzid, "tzone://Microsoft/Utc") == 0 && !(cal && icalcomponent_get_timezone(cal, tzid)))
        return icaltimezone_get_utc_timezone();
    /* a name with spaces around it ("Europe/Berlin "), as hand-made feeds write it */
    size_t n = strlen(tzid), lead = strspn(tzid, " \t");
    if (n > 0 && n < ZONE_NAME_MAX && (lead > 0 || tzid[n - 1] == ' ' || tzid[n - 1] == '\t')) {
        char trimmed[ZONE_NAME_MAX];
        snprintf(trimmed, sizeof(trimmed), "%s", tzid + lead);
        size_t k = strlen(trimmed);
        while (k > 0 && (trimmed[k - 1] == ' ' || trimmed[k - 1] == '\t'))
            trimmed[--k] = '\0';
        if (k > 0 && (tz = zone_by_tzid(cal, trimmed)))
            return tz;
    }
    char iana[ZONE_NAME_MAX];
    if (windows_zone_to_iana(tzid, iana, sizeof(iana)) &&
        (tz = icaltimezone_get_builtin_timezone(iana)))
        return tz;
    /* "/mozilla.org/20050126_1/Europe/Berlin", "/softwarestudio.org/...": the last two parts */
    const char *slash = strrchr(tzid, '/');
    if (slash && slash != tzid) {
        const char *p = slash - 1;
        while (p > tzid && *p != '/')
            p--;
        if (*p == '/' && (tz = icaltimezone_get_builtin_timezone(p + 1)))
            return tz;
    }
    return cal ? icalcomponent_get_timezone(cal, tzid) : NULL;
}

/* Abbreviations and display names of the zone of Germany and its
 * neighbours as feeds write them instead of a zone name: MEZ/MESZ
 * (German), CET/CEST, and the names Outlook shows, "(UTC+01:00)
 * Amsterdam, Berlin, Bern, Rom, Stockholm, Wien" (German and English
 * Outlook), recognised by the first city they list. */
static const struct {
    const char *name;
    const char *iana;
} zone_aliases[] = {
    {"MEZ", "Europe/Berlin"},  {"MESZ", "Europe/Berlin"}, {"CET", "Europe/Berlin"},
    {"CEST", "Europe/Berlin"}, {"MET", "Europe/Berlin"},  {"MEST", "Europe/Berlin"},
    {"Mitteleuropäische Zeit", "Europe/Berlin"},
    {"Mitteleuropäische Sommerzeit", "Europe/Berlin"},
    {"Central European Time", "Europe/Berlin"},
    {"Central European Summer Time", "Europe/Berlin"},
    {"WEZ", "Europe/London"},  {"WESZ", "Europe/London"}, {"WET", "Europe/Lisbon"},
    {"WEST", "Europe/Lisbon"}, {"BST", "Europe/London"},  {"OEZ", "Europe/Athens"},
    {"OESZ", "Europe/Athens"}, {"EET", "Europe/Athens"},  {"EEST", "Europe/Athens"},
};

static const struct {
    const char *city;
    const char *iana;
} zone_cities[] = {
    {"Amsterdam", "Europe/Berlin"},     {"Berlin", "Europe/Berlin"},
    {"Belgrad", "Europe/Belgrade"},     {"Belgrade", "Europe/Belgrade"},
    {"Sarajevo", "Europe/Sarajevo"},    {"Brüssel", "Europe/Paris"},
    {"Brussels", "Europe/Paris"},       {"Dublin", "Europe/London"},
    {"Athen", "Europe/Bucharest"},      {"Athens", "Europe/Bucharest"},
    {"Helsinki", "Europe/Kiev"},        {"Kiew", "Europe/Kiev"},
    {"Kyiv", "Europe/Kiev"},            {"Istanbul", "Europe/Istanbul"},
    {"Moskau", "Europe/Moscow"},        {"Moscow", "Europe/Moscow"},
    {"Warschau", "Europe/Warsaw"},      {"Warsaw", "Europe/Warsaw"},
    {"Koordinierte Weltzeit", "UTC"},   {"Coordinated Universal Time", "UTC"},
};

/* "GMT+0100", "UTC+01:00", "GMT-5", "UTC": a fixed offset in seconds
 * east of UTC; false when the name is not one. */
static bool fixed_offset(const char *name, int *offset)
{
    if (strncasecmp(name, "GMT", 3) != 0 && strncasecmp(name, "UTC", 3) != 0)
        return false;
    const char *p = name + 3;
    if (!*p) {
        *offset = 0;
        return true;
    }
    if (*p != '+' && *p != '-')
        return false;
    int sign = *p++ == '-' ? -1 : 1;
    int digits[4], n = 0;
    bool colon = false;
    for (; *p && n < 4; p++) {
        if (*p >= '0' && *p <= '9')
            digits[n++] = *p - '0';
        else if (*p == ':' && !colon && (n == 1 || n == 2))
            colon = true;
        else
            return false;
    }
    if (*p || n == 0)
        return false;
    int h, m = 0;
    if (n <= 2 && !colon) {
        h = n == 1 ? digits[0] : digits[0] * 10 + digits[1];
    } else if (n == 3) {
        h = digits[0];
        m = digits[1] * 10 + digits[2];
    } else if (n == 4) {
        h = digits[0] * 10 + digits[1];
        m = digits[2] * 10 + digits[3];
    } else {
        return false;
    }
    if (h > 14 || m > 59)
        return false;
    *offset = sign * (h * 3600 + m * 60);
    return true;
}

/* The IANA zone behind an abbreviation, an Outlook display name or a
 * Windows name with "Daylight" for "Standard" ("W. Europe Daylight
 * Time"); NULL when none of them. */
static icaltimezone *zone_by_alias(const char *tzid)
{
    for (size_t i = 0; i < sizeof(zone_aliases) / sizeof(zone_aliases[0]); i++) {
        if (strcasecmp(tzid, zone_aliases[i].name) == 0)
            return icaltimezone_get_builtin_timezone(zone_aliases[i].iana);
    }
    const char *daylight = strstr(tzid, " Daylight Time");
    if (daylight && strlen(tzid) < ZONE_NAME_MAX) {
        char win[ZONE_NAME_MAX], iana[ZONE_NAME_MAX];
        snprintf(win, sizeof(win), "%.*s Standard Time%s", (int)(daylight - tzid), tzid,
                 daylight + strlen(" Daylight Time"));
        icaltimezone *tz;
        if (windows_zone_to_iana(win, iana, sizeof(iana)) &&
            (tz = icaltimezone_get_builtin_timezone(iana)))
            return tz;
    }
    /* "(UTC+01:00) Amsterdam, Berlin, Bern, Rom, Stockholm, Wien" */
    if (strncasecmp(tzid, "(UTC", 4) == 0 || strncasecmp(tzid, "(GMT", 4) == 0) {
        const char *close = strchr(tzid, ')');
        if (!close)
            return NULL;
        for (const char *s = close + 1; *s;) {
            s += strspn(s, " ,");
            size_t n = strcspn(s, ",");
            while (n > 0 && s[n - 1] == ' ')
                n--;
            for (size_t i = 0; n && i < sizeof(zone_cities) / sizeof(zone_cities[0]); i++) {
                if (strlen(zone_cities[i].city) != n || strncasecmp(s, zone_cities[i].city, n) != 0)
                    continue;
                icaltimezone *tz = strcmp(zone_cities[i].iana, "UTC") == 0
                                       ? icaltimezone_get_utc_timezone()
                                       : icaltimezone_get_builtin_timezone(zone_cities[i].iana);
                if (tz) /* else the next city of the name */
                    return tz;
            }
            s += strcspn(s, ",");
        }
    }
    return NULL;
}

/* The zone of a date-time property; false (reported) for an unknown TZID. */
static bool property_zone(struct ics_ctx *c, icalproperty *p, struct icaltimetype tt, int line,
                          const char *field, struct ics_zone *z)
{
    z->tz = NULL;
    z->offset = 0;
    if (icaltime_is_utc(tt)) {
        z->kind = ZONE_UTC;
        return true;
    }
    icalparameter *param = icalproperty_get_first_parameter(p, ICAL_TZID_PARAMETER);
    const char *tzid = param ? icalparameter_get_tzid(param) : NULL;
    if (!tzid || !tzid[0] || tt.is_date) {
        /* floating: the wall clock of the feed's X-WR-TIMEZONE, as Google
         * and Apple read it (a city abroad's feed with "X-WR-TIMEZONE:
         * Europe/London" and DTSTART:...T180000 means 18:00 in London),
         * or else the kiosk's own */
        z->kind = ZONE_FLOATING;
        if (!tt.is_date && strcmp(c->fallback_zone, LF_TIME_ZONE) != 0 &&
            (z->tz = zone_by_tzid(c->cal, c->fallback_zone)))
            z->kind = ZONE_LIBICAL;
        return true;
    }
    z->kind = ZONE_LIBICAL;
    z->tz = zone_by_tzid(c->cal, tzid);
    if (!z->tz)
        z->tz = zone_by_alias(tzid);
    if (z->tz)
        return true;
    if (fixed_offset(tzid, &z->offset)) {
        z->kind = ZONE_FIXED;
        return true;
    }
    /* a name nothing knows: the feed's own X-WR-TIMEZONE, or else the
     * kiosk's zone, said once per name (not a failed feed) */
    z->tz = zone_by_tzid(c->cal, c->fallback_zone);
    if (!z->tz)
        z->tz = icaltimezone_get_builtin_timezone(LF_TIME_ZONE);
    if (!z->tz) {
        ics_error(c, line, field, "unknown time zone '%s'", tzid);
        return false;
    }
    for (size_t i = 0; i < c->n_zones_said; i++) {
        if (strcmp(c->zones_said[i], tzid) == 0)
            return true;
    }
    if (c->n_zones_said < ZONES_SAID_MAX)
        snprintf(c->zones_said[c->n_zones_said++], ZONE_NAME_MAX, "%s", tzid);
    else if (c->n_zones_said == ZONES_SAID_MAX)
        return true;
    ics_warning(c, line, field,
                "unknown time zone '%s' (neither an IANA name, a Windows name nor a VTIMEZONE of "
                "the feed): its times are read as %s time; check them in the preview",
                tzid, c->fallback_zone);
    return true;
}

/* The instant of wall-clock time `tt` in zone z (a date: its midnight in Berlin). */
static time_t zone_instant(struct icaltimetype tt, const struct ics_zone *z)
{
    if (tt.is_date || z->kind == ZONE_FLOATING)
        return lf_local_make(tt.year, tt.month, tt.day, tt.is_date ? 0 : tt.hour,
                             tt.is_date ? 0 : tt.minute) +
               (tt.is_date ? 0 : tt.second);
    if (z->kind == ZONE_UTC)
        return icaltime_as_timet_with_zone(tt, icaltimezone_get_utc_timezone());
    if (z->kind == ZONE_FIXED)
        return icaltime_as_timet_with_zone(tt, icaltimezone_get_utc_timezone()) - z->offset;
    time_t t = icaltime_as_timet_with_zone(tt, z->tz);
    struct icaltimetype back = icaltime_from_timet_with_zone(t, 0, z->tz);
    struct icaltimetype before = icaltime_from_timet_with_zone(t - 6 * 3600, 0, NULL);
    struct icaltimetype after = icaltime_from_timet_with_zone(t + 6 * 3600, 0, NULL);
    int is_dst = 0;
    int off_before = icaltimezone_get_utc_offset_of_utc_time(z->tz, &before, &is_dst);
    int off_after = icaltimezone_get_utc_offset_of_utc_time(z->tz, &after, &is_dst);
    if (back.hour != tt.hour || back.minute != tt.minute) {
        /* a wall-clock time the change to summer time skips (02:30 on the
         * last Sunday of March) is read with the offset before the gap, as
         * RFC 5545 3.3.5 says (03:30 summer time); libical takes the one after */
        if (off_after > off_before)
            t += off_after - off_before;
    } else if (off_before > off_after) {
        /* one the change back to winter time repeats (02:30 on the last
         * Sunday of October) is the first of the two (RFC 5545 3.3.5:
         * summer time), as lf_local_make() reads the bundle's own times;
         * libical takes the second, an hour later */
        time_t first = t - (off_before - off_after);
        struct icaltimetype f = icaltime_from_timet_with_zone(first, 0, z->tz);
        if (f.year == tt.year && f.month == tt.month && f.day == tt.day && f.hour == tt.hour &&
            f.minute == tt.minute && f.second == tt.second)
            t = first;
    }
    return t;
}

/* ---- text ---- */

static char *dup_trimmed(const char *s)
{
    if (!s)
        return lf_xstrdup("");
    while (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')
        s++;
    size_t n = strlen(s);
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r' || s[n - 1] == '\n'))
        n--;
    char *out = lf_xmalloc(n + 1);
    memcpy(out, s, n);
    out[n] = '\0';
    return out;
}

static bool is_utf8(const char *s)
{
    UErrorCode st = U_ZERO_ERROR;
    u_strFromUTF8(NULL, 0, NULL, s, -1, &st);
    return st == U_BUFFER_OVERFLOW_ERROR || st == U_STRING_NOT_TERMINATED_WARNING ||
           U_SUCCESS(st);
}

/* A text of the feed as UTF-8. Feeds from older Windows servers and city
 * event systems come in Windows-1252 (Latin-1 with quotes and the euro
 * sign) while iCalendar says UTF-8: such a text is read as Windows-1252,
 * as the calendar applications of those systems show it, and said once.
 * Checked after unfolding, since a fold may split a UTF-8 sequence. */
static char *text_value(struct ics_ctx *c, const char *s, int line, const char *field)
{
    char *t = dup_trimmed(s);
    if (is_utf8(t))
        return t;
    size_t n = strlen(t);
    size_t cap = 3 * n + 1; /* every Windows-1252 byte is at most 3 bytes of UTF-8 */
    char *out = lf_xmalloc(cap);
    UErrorCode st = U_ZERO_ERROR;
    int32_t len = ucnv_convert("UTF-8", "windows-1252", out, (int32_t)cap, t, (int32_t)n, &st);
    if (U_FAILURE(st) || len < 0 || (size_t)len >= cap) {
        /* no converter: every byte that is not ASCII becomes U+FFFD */
        size_t k = 0;
        for (size_t i = 0; i < n; i++) {
            if ((unsigned char)t[i] < 0x80) {
                out[k++] = t[i];
            } else {
                memcpy(out + k, "\xEF\xBF\xBD", 3);
                k += 3;
            }
        }
        len = (int32_t)k;
    }
    out[len] = '\0';
    if (!c->said_encoding) {
        c->said_encoding = true;
        ics_warning(c, line, field,
                    "the feed is not UTF-8 text, as iCalendar requires: read as Windows-1252 "
                    "(Latin-1), which gives \"%s\"; check its umlauts in the preview",
                    out);
    }
    free(t);
    return out;
}

/* s (taken over) as plain text: the HTML some calendars write into an
 * event's texts is read, never shown as tags. */
static char *plain_text(char *s)
{
    if (!lf_looks_like_html(s))
        return s;
    char *t = lf_html_to_text(s);
    free(s);
    return t;
}

static bool text_fits(struct ics_ctx *c, const char *s, int line, const char *field)
{
    if (strlen(s) <= LF_MAX_STRING_BYTES)
        return true;
    ics_error(c, line, field, "%zu bytes: a text on the kiosk holds at most %d", strlen(s),
              LF_MAX_STRING_BYTES);
    return false;
}

static char *warning_label(const char *s, size_t max);

/* s (taken over, UTF-8) as the bundle takes a text: control characters
 * a feed may carry (a stray BEL or DEL from an old database, U+0085) are
 * removed and said once a feed, a Tab becomes a space, a line break
 * stays; a text that would show nothing (only spaces, zero-width
 * characters or direction controls) becomes "", as if the feed had none. */
static char *shown_text(struct ics_ctx *c, char *s, int line, const char *field)
{
    size_t w = 0;
    unsigned removed = 0;
    for (size_t i = 0; s[i];) {
        unsigned char b = (unsigned char)s[i];
        unsigned cp = b < 0x80 ? b : 0x100; /* 0x100: a byte of a longer character */
        size_t n = 1;
        if (b == 0xC2 && (unsigned char)s[i + 1] >= 0x80 && (unsigned char)s[i + 1] <= 0x9F) {
            cp = (unsigned char)s[i + 1]; /* C1: U+0080..U+009F */
            n = 2;
        }
        if (cp == '\t') {
            s[w++] = ' ';
        } else if ((cp < 0x20 && cp != '\n') || (cp >= 0x7F && cp <= 0x9F)) {
            if (!removed)
                removed = cp;
        } else {
            memmove(s + w, s + i, n);
            w += n;
        }
        i += n;
    }
    s[w] = '\0';
    if (removed && !c->said_controls) {
        c->said_controls = true;
        ics_warning(c, line, field, "control character U+%04X removed (it would show as an "
                                    "empty box); the feed may hold more, removed as well",
                    removed);
    }
    if (s[0] && lf_bundle_text_shows_nothing(s))
        s[0] = '\0';
    return s;
}

/* An address of the feed (URL, the ORGANIZER's mailto:) as the bundle
 * takes it: a web address without its scheme ("www.stadt.de") gets
 * https://; one the bundle would refuse is left out of the event, said. */
static char *feed_address(struct ics_ctx *c, char *s, bool web, int line, const char *field)
{
    if (!s[0])
        return s;
    if (web && strncasecmp(s, "www.", 4) == 0) {
        char *t = lf_xasprintf("https://%s", s);
        free(s);
        s = t;
    }
    const char *why = web ? lf_bundle_url_fault(s) : lf_bundle_email_fault(s);
    if (!why)
        return s;
    char *label = warning_label(s, 80);
    ics_warning(c, line, field, "'%s' left out of the event: %s", label, why);
    free(label);
    s[0] = '\0';
    return s;
}

/* LOCATION "Stadtweinhaus, Prinzipalmarkt 8, 48143 Münster": the venue
 * before the first comma, the address after it when that names a number
 * (a street number or postcode); otherwise all of it is the venue. */
static void split_location(const char *loc, char **place, char **address)
{
    const char *comma = strchr(loc, ',');
    if (comma && strpbrk(comma, "0123456789")) {
        char *p = lf_xmalloc((size_t)(comma - loc) + 1);
        memcpy(p, loc, (size_t)(comma - loc));
        p[comma - loc] = '\0';
        *place = dup_trimmed(p);
        free(p);
        *address = dup_trimmed(comma + 1);
        if ((*place)[0])
            return;
        free(*place);
        free(*address);
    }
    *place = dup_trimmed(loc);
    *address = lf_xstrdup("");
}

/* A text of the feed as a warning names it: UTF-8, at most `max` bytes
 * and "..." (cut at a character's start); "?" when not UTF-8. */
static char *warning_label(const char *s, size_t max)
{
    char *t = dup_trimmed(s);
    if (!is_utf8(t)) {
        free(t);
        return lf_xstrdup("?");
    }
    if (strlen(t) > max) {
        size_t cut = max;
        while (cut > 0 && ((unsigned char)t[cut] & 0xC0) == 0x80)
            cut--;
        /* "..." may be longer than what it replaces: a buffer of its own */
        char *label = lf_xmalloc(cut + 4);
        memcpy(label, t, cut);
        memcpy(label + cut, "...", 4);
        free(t);
        return label;
    }
    return t;
}

/* The faults of one entry from here on leave that entry out. */
static void event_begin(struct ics_ctx *c)
{
    c->in_event = true;
    c->event_bad = false;
}

/* After event_begin(): false when the entry had a fault, then left out
 * with one warning naming its line, SUMMARY, UID and DTSTART and why
 * (`said`: whether an entry that ends before now is said at all). The
 * rest of the feed is imported; the entry is never shown cut. */
/* Says that the entry `v` is left out for a fault of its own. */
static void say_left_out(struct ics_ctx *c, icalcomponent *v, int line, const char *field,
                         const char *why)
{
    c->feed->skipped++;
    char *title = warning_label(icalcomponent_get_summary(v), 60);
    char *uid = warning_label(icalcomponent_get_uid(v), 80);
    icalproperty *ps = icalcomponent_get_first_property(v, ICAL_DTSTART_PROPERTY);
    const char *start = ps ? icalproperty_get_value_as_string(ps) : NULL;
    ics_warning(c, line, field,
                "left out the event \"%s\" (UID %s, DTSTART %s): %s; the rest of the feed is "
                "imported",
                title, uid[0] ? uid : "none", start && is_utf8(start) ? start : "none", why);
    free(title);
    free(uid);
}

static bool event_done(struct ics_ctx *c, icalcomponent *v, int line, bool said)
{
    c->in_event = false;
    if (!c->event_bad)
        return true;
    c->event_bad = false;
    if (!said) /* over before now: never shown, not worth a word */
        return false;
    say_left_out(c, v, line, c->event_field, c->event_why);
    return false;
}

/* ---- events ---- */

static void event_free(struct lf_ics_event *e)
{
    free(e->uid);
    free(e->title);
    free(e->description);
    free(e->place);
    free(e->address);
    free(e->url);
    free(e->organiser);
    free(e->email);
    for (size_t i = 0; i < e->n_tags; i++)
        free(e->tags[i]);
    free(e->tags);
}

static void event_copy_texts(struct lf_ics_event *dst, const struct lf_ics_event *src)
{
    dst->uid = lf_xstrdup(src->uid);
    dst->title = lf_xstrdup(src->title);
    dst->description = lf_xstrdup(src->description);
    dst->place = lf_xstrdup(src->place);
    dst->address = lf_xstrdup(src->address);
    dst->url = lf_xstrdup(src->url);
    dst->organiser = lf_xstrdup(src->organiser);
    dst->email = lf_xstrdup(src->email);
    dst->n_tags = src->n_tags;
    dst->tags = src->n_tags ? lf_xcalloc(src->n_tags, sizeof(char *)) : NULL;
    for (size_t i = 0; i < src->n_tags; i++)
        dst->tags[i] = lf_xstrdup(src->tags[i]);
}

static void add_tag(struct ics_ctx *c, struct lf_ics_event *e, const char *tag, int line)
{
    char *t = shown_text(c, text_value(c, tag, line, "CATEGORIES"), line, "CATEGORIES");
    if (!t[0]) {
        free(t);
        return;
    }
    for (size_t i = 0; i < e->n_tags; i++) {
        if (strcmp(e->tags[i], t) == 0) {
            free(t);
            return;
        }
    }
    if (e->n_tags == LF_MAX_TAGS) {
        ics_warning(c, line, "CATEGORIES", "more than %d categories: '%s' is left out", LF_MAX_TAGS,
                    t);
        free(t);
        return;
    }
    e->tags = lf_xrealloc(e->tags, (e->n_tags + 1) * sizeof(char *));
    e->tags[e->n_tags++] = t;
}

/* Texts of a VEVENT (SUMMARY, DESCRIPTION, LOCATION, URL, CATEGORIES,
 * ORGANIZER, STATUS) into e; false (reported) when one cannot be used. */
static bool read_texts(struct ics_ctx *c, icalcomponent *v, int line, struct lf_ics_event *e)
{
    e->uid = dup_trimmed(icalcomponent_get_uid(v)); /* only hashed: any bytes will do */
    e->title = shown_text(
        c, plain_text(text_value(c, icalcomponent_get_summary(v), line, "SUMMARY")), line,
        "SUMMARY");
    e->description = shown_text(
        c, plain_text(text_value(c, icalcomponent_get_description(v), line, "DESCRIPTION")),
        line, "DESCRIPTION");
    if (!e->description[0]) { /* Outlook's HTML description alone (X-ALT-DESC) */
        for (icalproperty *x = icalcomponent_get_first_property(v, ICAL_X_PROPERTY); x;
             x = icalcomponent_get_next_property(v, ICAL_X_PROPERTY)) {
            const char *xn = icalproperty_get_x_name(x), *xv = icalproperty_get_x(x);
            if (xn && xv && strcasecmp(xn, "X-ALT-DESC") == 0) {
                free(e->description);
                char *html = text_value(c, xv, line, "X-ALT-DESC");
                e->description = shown_text(c, lf_html_to_text(html), line, "X-ALT-DESC");
                free(html);
                break;
            }
        }
    }
    char *loc = plain_text(text_value(c, icalcomponent_get_location(v), line, "LOCATION"));
    split_location(loc, &e->place, &e->address);
    free(loc);
    e->place = shown_text(c, e->place, line, "LOCATION");
    e->address = shown_text(c, e->address, line, "LOCATION");
    icalproperty *p = icalcomponent_get_first_property(v, ICAL_URL_PROPERTY);
    e->url = feed_address(c, text_value(c, p ? icalproperty_get_url(p) : NULL, line, "URL"), true,
                          line, "URL");
    e->organiser = lf_xstrdup("");
    e->email = lf_xstrdup("");
    p = icalcomponent_get_first_property(v, ICAL_ORGANIZER_PROPERTY);
    if (p) {
        icalparameter *cn = icalproperty_get_first_parameter(p, ICAL_CN_PARAMETER);
        if (cn) {
            free(e->organiser);
            e->organiser = shown_text(c, text_value(c, icalparameter_get_cn(cn), line, "ORGANIZER"),
                                      line, "ORGANIZER");
        }
        const char *who = icalproperty_get_organizer(p);
        if (who && strncasecmp(who, "mailto:", 7) == 0 && strchr(who + 7, '@')) {
            free(e->email);
            e->email = feed_address(c, text_value(c, who + 7, line, "ORGANIZER"), false, line,
                                    "ORGANIZER");
        }
    }
    for (p = icalcomponent_get_first_property(v, ICAL_CATEGORIES_PROPERTY); p;
         p = icalcomponent_get_next_property(v, ICAL_CATEGORIES_PROPERTY)) {
        const char *cats = icalproperty_get_categories(p);
        if (!cats)
            continue;
        for (const char *s = cats; *s;) {
            size_t n = strcspn(s, ",");
            char *tag = lf_xstrndup(s, n);
            add_tag(c, e, tag, line);
            free(tag);
            s += n + (s[n] == ',');
        }
    }
    e->cancelled = icalcomponent_get_status(v) == ICAL_STATUS_CANCELLED;
    bool ok = true;
    if (!e->title[0] && !e->cancelled) {
        ics_error(c, line, "SUMMARY", "the event has no title (SUMMARY)");
        ok = false;
    }
    ok = text_fits(c, e->title, line, "SUMMARY") && ok;
    ok = text_fits(c, e->description, line, "DESCRIPTION") && ok;
    ok = text_fits(c, e->place, line, "LOCATION") && ok;
    ok = text_fits(c, e->address, line, "LOCATION") && ok;
    ok = text_fits(c, e->url, line, "URL") && ok;
    ok = text_fits(c, e->organiser, line, "ORGANIZER") && ok;
    return ok;
}

static void format_wall(time_t t, bool date_only, char *out, size_t size)
{
    struct tm tm;
    lf_local_time(t, &tm);
    if (date_only)
        snprintf(out, size, "%04d-%02d-%02d", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
    else if (lf_local_make(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
                           tm.tm_min) + tm.tm_sec == t)
        snprintf(out, size, "%04d-%02d-%02dT%02d:%02d", tm.tm_year + 1900, tm.tm_mon + 1,
                 tm.tm_mday, tm.tm_hour, tm.tm_min);
    else /* the second of the autumn night's two 02:30s: without its offset the
          * bundle would mean the first, an hour earlier */
        snprintf(out, size, "%04d-%02d-%02dT%02d:%02d%c%02d:%02d", tm.tm_year + 1900,
                 tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_gmtoff < 0 ? '-' : '+',
                 (int)(labs(tm.tm_gmtoff) / 3600 % 24), (int)(labs(tm.tm_gmtoff) % 3600 / 60));
}

/* s in ICU's case folding ("Straße" and "STRASSE" alike); never NULL. */
static UChar *folded(const char *s)
{
    UErrorCode st = U_ZERO_ERROR;
    int32_t n = 0;
    u_strFromUTF8(NULL, 0, &n, s, -1, &st);
    UChar *u = lf_xcalloc((size_t)n + 1, sizeof(UChar));
    st = U_ZERO_ERROR;
    u_strFromUTF8(u, n + 1, NULL, s, -1, &st);
    if (U_FAILURE(st))
        u[0] = 0;
    st = U_ZERO_ERROR;
    int32_t m = u_strFoldCase(NULL, 0, u, -1, U_FOLD_CASE_DEFAULT, &st);
    UChar *f = lf_xcalloc((size_t)m + 1, sizeof(UChar));
    st = U_ZERO_ERROR;
    u_strFoldCase(f, m + 1, u, -1, U_FOLD_CASE_DEFAULT, &st);
    if (U_FAILURE(st))
        f[0] = 0;
    free(u);
    return f;
}

static bool folded_contains(const char *hay, const char *needle, bool whole)
{
    UChar *h = folded(hay), *n = folded(needle);
    bool yes = whole ? u_strcmp(h, n) == 0 : (n[0] && u_strstr(h, n) != NULL);
    free(h);
    free(n);
    return yes;
}

/* Whether the filter takes the event: one of its categories is one of
 * the filter's (case aside), or its SUMMARY, LOCATION or ORGANIZER holds
 * one of the filter's texts. No filter takes every event. */
static bool filter_takes(const struct lf_ics_filter *flt, const struct lf_ics_event *e)
{
    if (!flt || (flt->n_categories == 0 && flt->n_matches == 0))
        return true;
    for (size_t i = 0; i < flt->n_categories; i++) {
        for (size_t k = 0; k < e->n_tags; k++) {
            if (folded_contains(e->tags[k], flt->categories[i], true))
                return true;
        }
    }
    for (size_t i = 0; i < flt->n_matches; i++) {
        const char *fields[] = {e->title, e->place, e->address, e->organiser};
        for (size_t k = 0; k < sizeof(fields) / sizeof(fields[0]); k++) {
            if (folded_contains(fields[k], flt->matches[i], false))
                return true;
        }
    }
    return false;
}

static int compare_starts(const void *a, const void *b)
{
    const struct lf_ics_event *x = a, *y = b;
    if (x->start_at != y->start_at)
        return x->start_at < y->start_at ? -1 : 1;
    return x->line < y->line ? -1 : x->line > y->line;
}

/* Keeps the LF_ICS_MAX_OCCURRENCES events that start first (all of them
 * sorted by start); the later ones are counted as left out. */
static void keep_nearest(struct lf_ics_feed *f)
{
    qsort(f->events, f->n, sizeof(*f->events), compare_starts);
    if (f->n <= LF_ICS_MAX_OCCURRENCES)
        return;
    for (size_t i = LF_ICS_MAX_OCCURRENCES; i < f->n; i++)
        event_free(&f->events[i]);
    f->left_out += f->n - LF_ICS_MAX_OCCURRENCES;
    f->n = LF_ICS_MAX_OCCURRENCES;
    f->cut = true;
    f->cutoff = f->events[f->n - 1].start_at;
}

static void make_id(const char *uid, const char *occurrence, char *out, size_t size)
{
    unsigned char h[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(h, (const unsigned char *)uid, strlen(uid));
    char hex[13];
    for (int i = 0; i < 6; i++)
        snprintf(hex + 2 * i, 3, "%02x", h[i]);
    if (occurrence)
        snprintf(out, size, "%s%s-%.14s", LF_ICS_ID_PREFIX, hex, occurrence);
    else
        snprintf(out, size, "%s%s", LF_ICS_ID_PREFIX, hex);
}

/* Adds an occurrence [start, end) of `tmpl` (all day: dates, end exclusive).
 * Two entries of the feed that give the same event (UID and start) are
 * one event: the one with the higher SEQUENCE, or else the later one. */
static void add_occurrence(struct ics_ctx *c, const struct lf_ics_event *tmpl, time_t start,
                           time_t end, bool all_day, bool expanded, bool yearly)
{
    struct lf_ics_feed *f = c->feed;
    if (!yearly && (end <= c->now || start >= c->horizon_end)) {
        /* what the feed has besides, for a feed that gives nothing */
        if (end <= c->now && end > c->latest_end && filter_takes(c->filter, tmpl))
            c->latest_end = end;
        else if (start >= c->horizon_end && (!c->next_after || start < c->next_after) &&
                 filter_takes(c->filter, tmpl))
            c->next_after = start;
        return;
    }
    if (!filter_takes(c->filter, tmpl)) {
        f->filtered++;
        return;
    }
    if (f->cut && start > f->cutoff) { /* not among the nearest */
        f->left_out++;
        return;
    }
    char occ[64], id[sizeof(f->events[0].id)];
    struct tm tm;
    lf_local_time(start, &tm);
    if (all_day)
        snprintf(occ, sizeof(occ), "%04d%02d%02d", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
    else
        snprintf(occ, sizeof(occ), "%04d%02d%02d%02d%02d", tm.tm_year + 1900, tm.tm_mon + 1,
                 tm.tm_mday, tm.tm_hour, tm.tm_min);
    make_id(tmpl->uid, expanded ? occ : NULL, id, sizeof(id));
    struct lf_ics_event *e = NULL;
    for (size_t i = 0; i < f->n && !e; i++) {
        if (strcmp(f->events[i].id, id) != 0)
            continue;
        if (f->events[i].line == tmpl->line) /* an RDATE that the RRULE gives too */
            return;
        bool newer = tmpl->sequence >= f->events[i].sequence;
        if (!newer) {
            ics_warning(c, tmpl->line, "UID",
                        "the same event (UID and start %s) as the entry at line %d, which has "
                        "the higher SEQUENCE and is kept", occ, f->events[i].line);
            return;
        }
        ics_warning(c, tmpl->line, "UID",
                    "the same event (UID and start %s) as the entry at line %d: this one is kept "
                    "(its SEQUENCE is not lower and it comes later)", occ, f->events[i].line);
        e = &f->events[i];
        event_free(e);
    }
    if (!e) {
        if (f->n == LF_ICS_MAX_COLLECTED) {
            keep_nearest(f);
            if (start > f->cutoff) {
                f->left_out++;
                return;
            }
        }
        if (f->n == f->cap) {
            f->cap = f->cap ? 2 * f->cap : 16;
            f->events = lf_xrealloc(f->events, f->cap * sizeof(*f->events));
        }
        e = &f->events[f->n++];
    }
    memset(e, 0, sizeof(*e));
    event_copy_texts(e, tmpl);
    memcpy(e->id, id, sizeof(e->id));
    e->line = tmpl->line;
    e->sequence = tmpl->sequence;
    e->cancelled = tmpl->cancelled;
    e->all_day = all_day;
    e->yearly = yearly;
    e->start_at = start;
    e->end_at = end;
    format_wall(start, all_day, e->start, sizeof(e->start));
    /* all day: DTEND is the day after the last one */
    format_wall(all_day ? end - 12 * 3600 : end, all_day, e->end, sizeof(e->end));
}

/* Start, end and zone of one VEVENT; false (reported) when unusable. */
struct ics_when {
    struct icaltimetype start;
    struct ics_zone zone;
    time_t start_at, end_at;
    bool all_day;
};

/* Whether an event can be on a kiosk at all: a series, or a single one
 * not over and within the horizon. A warning about one that cannot is
 * noise: a city's feed holds years of past events. */
static bool shown_at_all(const struct ics_ctx *c, icalcomponent *v, const struct ics_when *w)
{
    if (icalcomponent_get_first_property(v, ICAL_RRULE_PROPERTY) ||
        icalcomponent_get_first_property(v, ICAL_RDATE_PROPERTY))
        return true;
    return w->end_at > c->now && w->start_at < c->horizon_end;
}

/* Whether t is a day and time that exist: libical moves 2027-02-30 to
 * 2027-03-02 and 10:60 to 11:00 without a word, and the kiosk would show
 * a date the calendar never said. 24:00:00 (the end of a day, ISO 8601)
 * and a leap second stay allowed. False with the error said. */
static bool real_time(struct ics_ctx *c, int line, const char *field, struct icaltimetype t)
{
    if (t.month < 1 || t.month > 12 || t.day < 1) {
        ics_error(c, line, field, "%04d-%02d-%02d is not a date", t.year, t.month, t.day);
        return false;
    }
    int days = icaltime_days_in_month(t.month, t.year);
    if (t.day > days) {
        ics_error(c, line, field, "%04d-%02d-%02d does not exist: that month has %d days",
                  t.year, t.month, t.day, days);
        return false;
    }
    if (!t.is_date && (t.hour > 24 || t.minute > 59 || t.second > 60 ||
                       (t.hour == 24 && (t.minute || t.second)))) {
        ics_error(c, line, field, "%02d:%02d:%02d is not a time of day", t.hour, t.minute,
                  t.second);
        return false;
    }
    return true;
}

/* Outlook and Exchange 2007/2010 write an all-day event as midnight to
 * midnight with X-MICROSOFT-CDO-ALLDAYEVENT:TRUE (Windows Live: X-
 * MICROSOFT-MSNCALENDAR-ALLDAYEVENT): the kiosk showed "00:00-00:00";
 * such an event is all day, its days those written. */
static void outlook_all_day(icalcomponent *v, struct ics_when *w)
{
    if (w->all_day || w->start.hour || w->start.minute || w->start.second)
        return;
    bool flagged = false;
    for (icalproperty *x = icalcomponent_get_first_property(v, ICAL_X_PROPERTY); x && !flagged;
         x = icalcomponent_get_next_property(v, ICAL_X_PROPERTY)) {
        const char *xn = icalproperty_get_x_name(x), *xv = icalproperty_get_x(x);
        flagged = xn && xv && strcasecmp(xv, "TRUE") == 0 &&
                  (strcasecmp(xn, "X-MICROSOFT-CDO-ALLDAYEVENT") == 0 ||
                   strcasecmp(xn, "X-MICROSOFT-MSNCALENDAR-ALLDAYEVENT") == 0);
    }
    if (!flagged)
        return;
    /* whole days to midnight again (23 or 25 hours across a change of
     * summer time) */
    time_t span = w->end_at - w->start_at;
    int days = (int)((span + 12 * 3600) / 86400);
    if (days < 1 || labs((long)(span - (time_t)days * 86400)) > 3600 ||
        (span - (time_t)days * 86400) % 3600 != 0)
        return;
    w->all_day = true;
    w->start_at = lf_local_make(w->start.year, w->start.month, w->start.day, 0, 0);
    w->end_at = lf_local_make(w->start.year, w->start.month, w->start.day + days, 0, 0);
}

static bool read_when(struct ics_ctx *c, icalcomponent *v, int line, struct ics_when *w)
{
    /* a cancelled entry is never shown: how long it would have been is
     * not worth a word (Google and Outlook write a cancelled occurrence
     * with DTSTART alone) */
    bool cancelled = icalcomponent_get_status(v) == ICAL_STATUS_CANCELLED;
    icalproperty *ps = icalcomponent_get_first_property(v, ICAL_DTSTART_PROPERTY);
    if (!ps) {
        ics_error(c, line, "DTSTART", "the event has no start (DTSTART)");
        return false;
    }
    w->start = icalproperty_get_dtstart(ps);
    if (icaltime_is_null_time(w->start) || !icaltime_is_valid_time(w->start)) {
        ics_error(c, line, "DTSTART", "not a date or date-time");
        return false;
    }
    if (!real_time(c, line, "DTSTART", w->start))
        return false;
    if (!property_zone(c, ps, w->start, line, "DTSTART", &w->zone))
        return false;
    w->all_day = w->start.is_date;
    w->start_at = zone_instant(w->start, &w->zone);
    icalproperty *pe = icalcomponent_get_first_property(v, ICAL_DTEND_PROPERTY);
    icalproperty *pd = icalcomponent_get_first_property(v, ICAL_DURATION_PROPERTY);
    if (pe) {
        struct icaltimetype end = icalproperty_get_dtend(pe);
        struct ics_zone ez;
        if (!real_time(c, line, "DTEND", end))
            return false;
        if (!property_zone(c, pe, end, line, "DTEND", &ez))
            return false;
        if (end.is_date != w->start.is_date) {
            ics_error(c, line, "DTEND", "DTSTART and DTEND must both be dates or both date-times");
            return false;
        }
        w->end_at = zone_instant(end, &ez);
        /* DTSTART in the hour the change to summer time skips (02:30 on the
         * last Sunday of March) is read as 03:30; an end written before
         * that (03:15) made the event "end before it starts" and it was
         * left out, though the feed's own wall-clock times are in order
         * (a generator that adds 45 minutes to 02:30 writes so): it keeps
         * that length */
        if (w->end_at <= w->start_at && !w->all_day && ez.kind == w->zone.kind &&
            ez.tz == w->zone.tz && ez.offset == w->zone.offset) {
            struct icaltimetype s0 = w->start, e0 = end;
            s0.zone = e0.zone = NULL;
            time_t wall = icaltime_as_timet(e0) - icaltime_as_timet(s0);
            if (wall > 0)
                w->end_at = w->start_at + wall;
        }
    } else if (pd) {
        struct icaldurationtype dur = icalproperty_get_duration(pd);
        w->end_at = w->start_at + icaldurationtype_as_int(dur);
        if (w->all_day) { /* whole days, whatever DST does in between */
            w->end_at = lf_local_make(w->start.year, w->start.month,
                                      w->start.day + (int)(icaldurationtype_as_int(dur) / 86400), 0, 0);
        } else if (!dur.is_neg && (dur.days || dur.weeks)) {
            /* days and weeks are nominal (RFC 5545 3.3.6): DURATION:P1D
             * from 12:00 on the Saturday before the change to summer time
             * ends at 12:00 on Sunday, not 13:00 */
            struct icaltimetype e = w->start;
            icaltime_adjust(&e, (int)(dur.days + 7 * dur.weeks), 0, 0, 0);
            w->end_at = zone_instant(e, &w->zone) +
                        (time_t)dur.hours * 3600 + (time_t)dur.minutes * 60 + dur.seconds;
        }
    } else if (w->all_day) {
        w->end_at = lf_local_make(w->start.year, w->start.month, w->start.day + 1, 0, 0);
    } else {
        w->end_at = w->start_at + 3600;
        if (!cancelled && shown_at_all(c, v, w))
            ics_warning(c, line, "DTEND", "no end (DTEND or DURATION): shown as one hour long");
    }
    if (w->end_at <= w->start_at) {
        if (w->end_at == w->start_at && !w->all_day) {
            w->end_at = w->start_at + 3600;
            if (!cancelled && shown_at_all(c, v, w))
                ics_warning(c, line, "DTEND", "ends when it starts: shown as one hour long");
        } else if (w->end_at == w->start_at) {
            /* DTEND;VALUE=DATE the same day as DTSTART (or DURATION:P0D):
             * some servers write a one-day event so */
            w->end_at = lf_local_make(w->start.year, w->start.month, w->start.day + 1, 0, 0);
            if (!cancelled && shown_at_all(c, v, w))
                ics_warning(c, line, "DTEND", "ends on the day it starts: shown as one day");
        } else {
            ics_error(c, line, "DTEND", "ends before it starts");
            return false;
        }
    }
    outlook_all_day(v, w);
    return true;
}

/* read_when() of an entry that changes one occurrence (RECURRENCE-ID):
 * a fault leaves out that entry alone. One that cancels its occurrence
 * needs no usable time of its own (Google and Outlook write it with
 * DTSTART alone, some servers with none): it cancels the occurrence at
 * `recurrence_at`, as long as the series' first (`series`; NULL: an
 * hour), without a word. */
static bool override_when(struct ics_ctx *c, icalcomponent *v, int line, time_t recurrence_at,
                          const struct ics_when *series, struct ics_when *w)
{
    event_begin(c);
    bool ok = read_when(c, v, line, w) && !c->event_bad;
    bool cancelled = icalcomponent_get_status(v) == ICAL_STATUS_CANCELLED;
    if (ok && cancelled && series && w->all_day == series->all_day &&
        !icalcomponent_get_first_property(v, ICAL_DTEND_PROPERTY) &&
        !icalcomponent_get_first_property(v, ICAL_DURATION_PROPERTY)) {
        /* DTSTART alone: the occurrence keeps its length, so one shown
         * before is marked cancelled as it was, 18:00-19:30, not 18:00-19:00 */
        w->end_at = w->start_at + (series->end_at - series->start_at);
    }
    if (!ok && cancelled) {
        c->in_event = false;
        c->event_bad = false;
        memset(w, 0, sizeof(*w));
        w->start_at = recurrence_at;
        w->end_at = recurrence_at + (series ? series->end_at - series->start_at : 3600);
        w->all_day = series && series->all_day;
        return true;
    }
    return event_done(c, v, line, true);
}

/* A plain yearly event that began before 1970 (a city's anniversary
 * "since 1960"): the bundle's dates begin in 1970 (core/civil_time.h), and
 * one such entry made the whole import invalid. It starts at its first
 * occurrence from 1970 on instead, the same wall-clock date and times and
 * as many days long, which shows the same occurrences. */
static void yearly_not_before_1970(time_t *start, time_t *end)
{
    struct tm s, e;
    lf_local_time(*start, &s);
    if (s.tm_year + 1900 >= LF_CIVIL_FIRST_YEAR)
        return;
    lf_local_time(*end, &e);
    long span = lf_days_from_civil(e.tm_year + 1900, e.tm_mon + 1, e.tm_mday) -
                lf_days_from_civil(s.tm_year + 1900, s.tm_mon + 1, s.tm_mday);
    int year = LF_CIVIL_FIRST_YEAR;
    while (s.tm_mday > lf_days_in_month(year, s.tm_mon + 1)) /* 29 February */
        year++;
    int y, m, d;
    lf_civil_from_days(lf_days_from_civil(year, s.tm_mon + 1, s.tm_mday) + span, &y, &m, &d);
    time_t ns = lf_local_make(year, s.tm_mon + 1, s.tm_mday, s.tm_hour, s.tm_min) + s.tm_sec;
    time_t ne = lf_local_make(y, m, d, e.tm_hour, e.tm_min) + e.tm_sec;
    if (ne <= ns) /* a DST change inside a short event */
        ne = ns + (*end - *start);
    *start = ns;
    *end = ne;
}

/* A rule the bundle's "yearly" says exactly: every year on the start's day. */
static bool plain_yearly(const struct icalrecurrencetype *r, struct icaltimetype start)
{
    if (r->freq != ICAL_YEARLY_RECURRENCE || r->interval != 1 || r->count != 0 ||
        !icaltime_is_null_time(r->until))
        return false;
    if (r->by_day[0] != ICAL_RECURRENCE_ARRAY_MAX || r->by_year_day[0] != ICAL_RECURRENCE_ARRAY_MAX ||
        r->by_week_no[0] != ICAL_RECURRENCE_ARRAY_MAX || r->by_set_pos[0] != ICAL_RECURRENCE_ARRAY_MAX)
        return false;
    if (r->by_month[0] != ICAL_RECURRENCE_ARRAY_MAX &&
        (r->by_month[0] != start.month || r->by_month[1] != ICAL_RECURRENCE_ARRAY_MAX))
        return false;
    if (r->by_month_day[0] != ICAL_RECURRENCE_ARRAY_MAX &&
        (r->by_month_day[0] != start.day || r->by_month_day[1] != ICAL_RECURRENCE_ARRAY_MAX))
        return false;
    return !(start.month == 2 && start.day == 29);
}

/* The VEVENTs of the same UID with a RECURRENCE-ID: single occurrences
 * changed (or cancelled) apart from their series. `used` once an
 * occurrence of the series took it; one left unused (its occurrence lies
 * beyond the horizon, or matches none) stands alone, so an occurrence
 * moved from beyond the horizon into it is not lost. RANGE=THISANDFUTURE
 * (Apple Calendar, Lightning) changes its occurrence and every later one. */
struct override {
    icalcomponent *v;
    int line;
    const char *uid;
    time_t recurrence_at;
    bool this_and_future;
    bool used;
};

/* A series' EXDATEs, read once and sorted, so each step of the series is
 * a binary search: a feed of 80000 EXDATEs on a series of 90000 steps
 * once took hours (every step read and zoned every EXDATE again). */
struct exclusions {
    time_t *at;   /* the instants of date-times */
    size_t n_at;
    long *days;   /* the dates, as y * 10000 + m * 100 + d */
    size_t n_days;
};

/* What expanding one series needs besides the feed. */
struct series {
    icalcomponent *v;
    int line;
    const struct lf_ics_event *tmpl;
    const struct ics_when *w;
    struct override *const *ov; /* the overrides of this UID, by recurrence_at then feed order */
    size_t n_ov;
    struct override *const *taf; /* those of them with RANGE=THISANDFUTURE */
    size_t n_taf;
    const struct exclusions *ex;
};

static int compare_times(const void *a, const void *b)
{
    time_t x = *(const time_t *)a, y = *(const time_t *)b;
    return x < y ? -1 : x > y;
}

static int compare_longs(const void *a, const void *b)
{
    long x = *(const long *)a, y = *(const long *)b;
    return x < y ? -1 : x > y;
}

/* Reads the EXDATEs of `v` (an unknown zone is reported once, here). */
static void exclusions_read(struct ics_ctx *c, icalcomponent *v, int line, struct exclusions *x)
{
    memset(x, 0, sizeof(*x));
    size_t cap_at = 0, cap_days = 0;
    for (icalproperty *p = icalcomponent_get_first_property(v, ICAL_EXDATE_PROPERTY); p;
         p = icalcomponent_get_next_property(v, ICAL_EXDATE_PROPERTY)) {
        struct icaltimetype ex = icalproperty_get_exdate(p);
        struct ics_zone z;
        if (!property_zone(c, p, ex, line, "EXDATE", &z))
            continue;
        if (x->n_at == cap_at) {
            cap_at = cap_at ? 2 * cap_at : 16;
            x->at = lf_xrealloc(x->at, cap_at * sizeof(*x->at));
        }
        x->at[x->n_at++] = zone_instant(ex, &z);
        if (ex.is_date) { /* a date excludes the occurrence on that day */
            if (x->n_days == cap_days) {
                cap_days = cap_days ? 2 * cap_days : 16;
                x->days = lf_xrealloc(x->days, cap_days * sizeof(*x->days));
            }
            x->days[x->n_days++] = (long)ex.year * 10000 + ex.month * 100 + ex.day;
        }
    }
    if (x->n_at)
        qsort(x->at, x->n_at, sizeof(*x->at), compare_times);
    if (x->n_days)
        qsort(x->days, x->n_days, sizeof(*x->days), compare_longs);
}

static void exclusions_free(struct exclusions *x)
{
    free(x->at);
    free(x->days);
    memset(x, 0, sizeof(*x));
}

static bool is_excluded(const struct exclusions *x, time_t at)
{
    if (!x || (x->n_at == 0 && x->n_days == 0))
        return false;
    if (x->n_at && bsearch(&at, x->at, x->n_at, sizeof(*x->at), compare_times))
        return true;
    if (x->n_days) {
        struct tm tm;
        lf_local_time(at, &tm);
        long day = (long)(tm.tm_year + 1900) * 10000 + (tm.tm_mon + 1) * 100 + tm.tm_mday;
        if (bsearch(&day, x->days, x->n_days, sizeof(*x->days), compare_longs))
            return true;
    }
    return false;
}

/* The first of `ov[0..n)` (sorted by recurrence_at, then feed order)
 * whose recurrence_at is not below `at`, by binary search. */
static size_t first_not_before(struct override *const *ov, size_t n, time_t at)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (ov[mid]->recurrence_at < at)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* The override of this series' occurrence at `at` (`ov`: the series' own,
 * sorted by recurrence_at, then feed order: the first in the feed wins). */
static struct override *find_override(struct override *const *ov, size_t n, time_t at)
{
    size_t i = first_not_before(ov, n, at);
    return i < n && ov[i]->recurrence_at == at ? ov[i] : NULL;
}

/* The latest RANGE=THISANDFUTURE override of `uid` at or before `at`. */
static struct override *find_range_override(struct override *const *taf, size_t n, time_t at)
{
    /* `taf`: the series' RANGE=THISANDFUTURE overrides alone, sorted as
     * above; the last at or before `at`, the first in the feed of equals */
    size_t i = first_not_before(taf, n, at);
    if (i < n && taf[i]->recurrence_at == at)
        return taf[i];
    if (i == 0)
        return NULL;
    i = first_not_before(taf, n, taf[i - 1]->recurrence_at);
    return taf[i];
}

/* The event at `line` as a template for its occurrences: its texts, UID
 * and SEQUENCE (a fault in them, or no UID, said for event_done()). */
static void event_template(struct ics_ctx *c, icalcomponent *v, int line,
                           struct lf_ics_event *tmpl)
{
    memset(tmpl, 0, sizeof(*tmpl));
    tmpl->line = line;
    tmpl->sequence = icalcomponent_get_sequence(v);
    event_begin(c);
    (void)read_texts(c, v, line, tmpl);
    if (!tmpl->uid[0])
        ics_error(c, line, "UID", "the event has no UID: without it a new import could not "
                                  "find the event again");
}

/* The override's texts at [start, end). */
static void add_from_component(struct ics_ctx *c, icalcomponent *v, int line, bool expanded,
                               time_t start, time_t end, bool all_day)
{
    struct lf_ics_event tmpl;
    event_template(c, v, line, &tmpl);
    if (event_done(c, v, line, end > c->now && filter_takes(c->filter, &tmpl)))
        add_occurrence(c, &tmpl, start, end, all_day, expanded, false);
    event_free(&tmpl);
}

/* One occurrence of a series at `at` (`t` its wall-clock time in its own
 * zone; `given_end` > 0: the end an RDATE period gives). */
static void series_occurrence(struct ics_ctx *c, const struct series *s, struct icaltimetype t,
                              time_t at, time_t given_end)
{
    const struct ics_when *w = s->w;
    if (is_excluded(s->ex, at))
        return;
    struct override *o = find_override(s->ov, s->n_ov, at);
    if (o) {
        o->used = true;
        struct ics_when ow;
        if (override_when(c, o->v, o->line, at, w, &ow))
            add_from_component(c, o->v, o->line, true, ow.start_at, ow.end_at, ow.all_day);
        return;
    }
    o = find_range_override(s->taf, s->n_taf, at);
    if (o) { /* moved by as much as its first one, with its texts and length */
        struct ics_when ow;
        if (override_when(c, o->v, o->line, o->recurrence_at, w, &ow))
            add_from_component(c, o->v, o->line, true, at + (ow.start_at - o->recurrence_at),
                               at + (ow.start_at - o->recurrence_at) + (ow.end_at - ow.start_at),
                               ow.all_day);
        return;
    }
    time_t end = given_end > at ? given_end : at + (w->end_at - w->start_at);
    if (w->all_day && given_end <= at) { /* whole days, whatever DST does in between */
        struct icaltimetype e = t;
        e.is_date = 1;
        icaltime_adjust(&e, (int)((w->end_at - w->start_at + 43200) / 86400), 0, 0, 0);
        end = lf_local_make(e.year, e.month, e.day, 0, 0);
    }
    add_occurrence(c, s->tmpl, at, end, w->all_day, true, false);
}

/* A series without COUNT that began long ago (a daily opening hour since
 * 1990, a weekly course since 2005) starts its steps shortly before now:
 * its occurrences that ended are not shown anyway, and walking each one
 * since DTSTART counted towards LF_ICS_MAX_SERIES_STEPS and
 * LF_ICS_MAX_FEED_STEPS, so fifty daily series since 1970 made a city's
 * whole feed fail. A RECURRENCE-ID of a skipped occurrence that moves it
 * to now or later stands alone, as one beyond the horizon does. Not for
 * COUNT (it counts from DTSTART) nor HOURLY and finer: libical 3.0's
 * icalrecur_iterator_set_start() misplaces those with an INTERVAL. */
static void skip_the_past(struct ics_ctx *c, const struct series *s,
                          struct icalrecurrencetype rule, icalrecur_iterator *it)
{
    const struct ics_when *w = s->w;
    if (rule.count != 0 || rule.freq < ICAL_DAILY_RECURRENCE ||
        rule.freq > ICAL_YEARLY_RECURRENCE)
        return;
    /* two days' margin: the series' zone and Berlin differ by less */
    time_t from_at = c->now - (w->end_at - w->start_at) - 2 * 86400;
    if (from_at <= w->start_at + 2 * 86400)
        return;
    struct tm tm;
    lf_local_time(from_at, &tm);
    struct icaltimetype from = w->start;
    from.year = tm.tm_year + 1900;
    from.month = tm.tm_mon + 1;
    from.day = tm.tm_mday;
    if (!from.is_date) {
        from.hour = tm.tm_hour;
        from.minute = tm.tm_min;
        from.second = tm.tm_sec;
    }
    (void)icalrecur_iterator_set_start(it, from); /* refused: from DTSTART, as before */
}

/* A series repeating hourly or more often, without COUNT or BY parts, that
 * began long ago (a room booked every hour since 2010) starts its steps
 * shortly before now: each step is DTSTART plus INTERVAL units, so the
 * step before now is found by arithmetic on the wall-clock fields, as
 * libical steps them (libical's own icalrecur_iterator_set_start()
 * misplaces these with an INTERVAL, so skip_the_past leaves them). Walking
 * every step since DTSTART ran past LF_ICS_MAX_SERIES_STEPS and made the
 * whole feed fail. */
static struct icaltimetype sub_daily_begin(const struct ics_ctx *c, const struct series *s,
                                           struct icalrecurrencetype rule)
{
    const struct ics_when *w = s->w;
    long unit = rule.freq == ICAL_SECONDLY_RECURRENCE   ? 1
                : rule.freq == ICAL_MINUTELY_RECURRENCE ? 60
                : rule.freq == ICAL_HOURLY_RECURRENCE   ? 3600
                                                        : 0;
    if (unit == 0 || rule.count != 0 || w->start.is_date ||
        rule.by_second[0] != ICAL_RECURRENCE_ARRAY_MAX ||
        rule.by_minute[0] != ICAL_RECURRENCE_ARRAY_MAX ||
        rule.by_hour[0] != ICAL_RECURRENCE_ARRAY_MAX || rule.by_day[0] != ICAL_RECURRENCE_ARRAY_MAX ||
        rule.by_month_day[0] != ICAL_RECURRENCE_ARRAY_MAX ||
        rule.by_year_day[0] != ICAL_RECURRENCE_ARRAY_MAX ||
        rule.by_week_no[0] != ICAL_RECURRENCE_ARRAY_MAX ||
        rule.by_month[0] != ICAL_RECURRENCE_ARRAY_MAX ||
        rule.by_set_pos[0] != ICAL_RECURRENCE_ARRAY_MAX)
        return w->start;
    /* two days' margin: wall-clock fields and instants differ by the
     * zone's changes, by hours at most */
    time_t from_at = c->now - (w->end_at - w->start_at) - 2 * 86400;
    long long step = (long long)unit * (rule.interval > 0 ? rule.interval : 1);
    if (from_at <= w->start_at + step)
        return w->start;
    long long skip = (long long)(from_at - w->start_at) / step * step; /* seconds */
    struct icaltimetype begin = w->start;
    icaltime_adjust(&begin, (int)(skip / 86400), 0, 0, (int)(skip % 86400));
    return begin;
}

/* The occurrences an RRULE gives, up to the horizon. */
static void expand_rule(struct ics_ctx *c, const struct series *s, struct icalrecurrencetype rule)
{
    const struct ics_when *w = s->w;
    /* UNTIL is usually UTC while the series runs in its own wall-clock
     * time: compare like with like */
    if (!icaltime_is_null_time(rule.until) && icaltime_is_utc(rule.until) && !w->start.is_date &&
        w->zone.kind == ZONE_FIXED) {
        icaltime_adjust(&rule.until, 0, 0, 0, w->zone.offset);
        rule.until.zone = NULL;
    } else if (!icaltime_is_null_time(rule.until) && icaltime_is_utc(rule.until) && !w->start.is_date) {
        icaltimezone *local = w->zone.kind == ZONE_LIBICAL ? w->zone.tz
                              : w->zone.kind == ZONE_UTC  ? icaltimezone_get_utc_timezone()
                                                          : icaltimezone_get_builtin_timezone(LF_TIME_ZONE);
        if (local) {
            rule.until = icaltime_convert_to_zone(rule.until, local);
            rule.until.zone = NULL;
        }
    }
    /* UNTIL a date in a series of date-times (not valid RFC 5545, but
     * written so by Google and older Exchange): the series runs through
     * that day, as calendar programs show it; libical read it as its
     * midnight and left out the last date */
    if (!icaltime_is_null_time(rule.until) && rule.until.is_date && !w->start.is_date) {
        rule.until.is_date = 0;
        rule.until.hour = 23;
        rule.until.minute = 59;
        rule.until.second = 59;
        rule.until.zone = NULL;
    }
    /* UNTIL before DTSTART: libical gives no date at all and the event
     * vanished without a word; DTSTART always counts as the first
     * occurrence (RFC 5545 3.8.5.3), so it is shown once, and said */
    if (!icaltime_is_null_time(rule.until) && icaltime_compare(rule.until, w->start) < 0) {
        if (w->end_at > c->now && w->start_at < c->horizon_end) /* past ones: no noise */
            ics_warning(c, s->line, "RRULE",
                        "the series ends (UNTIL %04d-%02d-%02d) before it begins (DTSTART "
                        "%04d-%02d-%02d): shown once, on its DTSTART; check the end of the "
                        "series in the calendar",
                        rule.until.year, rule.until.month, rule.until.day, w->start.year,
                        w->start.month, w->start.day);
        series_occurrence(c, s, w->start, w->start_at, 0);
        return;
    }
    /* DTSTART on a day its rule does not give (a series "every Monday"
     * starting on a Wednesday, one every hour on the hour starting at
     * 10:30): libical leaves it out, while DTSTART is the first
     * occurrence (RFC 5545 3.8.5.3) and Google Calendar, Apple Calendar
     * and Thunderbird show it: shown too, and said. DTSTART "always counts
     * as the first occurrence" of COUNT (RFC 5545 3.3.10), so the rule
     * gives COUNT - 1 more (libical counted only its own: COUNT + 1 in
     * all) */
    icalrecur_iterator *peek = icalrecur_iterator_new(rule, w->start);
    struct icaltimetype first = peek ? icalrecur_iterator_next(peek) : icaltime_null_time();
    if (peek)
        icalrecur_iterator_free(peek);
    if (!icaltime_is_null_time(first) && icaltime_compare(first, w->start) != 0) {
        if (w->end_at > c->now && w->start_at < c->horizon_end)
            ics_warning(c, s->line, "RRULE",
                        "DTSTART %04d-%02d-%02d is not a date its repeat rule gives: shown as "
                        "well, as calendar programs show it; check the series in the calendar",
                        w->start.year, w->start.month, w->start.day);
        series_occurrence(c, s, w->start, w->start_at, 0);
        if (rule.count == 1 || c->failed)
            return; /* DTSTART was the one occurrence (COUNT 0 would be endless) */
        if (rule.count > 1)
            rule.count--;
    }
    icalrecur_iterator *it = icalrecur_iterator_new(rule, sub_daily_begin(c, s, rule));
    if (!it) { /* a fault of this entry (a rule no date can meet): the rest is imported */
        say_left_out(c, s->v, s->line, "RRULE",
                     "a repeat rule libical cannot follow (no date meets it)");
        return;
    }
    skip_the_past(c, s, rule, it);
    size_t steps = 0;
    for (struct icaltimetype t = icalrecur_iterator_next(it); !icaltime_is_null_time(t);
         t = icalrecur_iterator_next(it)) {
        if (++steps > LF_ICS_MAX_SERIES_STEPS) {
            /* the steps so far are the nearest ones: they stay, the
             * rest of the series is said, and the rest of the feed is
             * imported (an error here failed a city's whole calendar) */
            char from[32];
            snprintf(from, sizeof(from), "%04d-%02d-%02d %02d:%02d", t.year, t.month, t.day,
                     t.hour, t.minute);
            ics_warning(c, s->line, "RRULE",
                        "the series repeats more than %d times before the end of the horizon: "
                        "its dates from %s on are left out; split it into shorter series",
                        LF_ICS_MAX_SERIES_STEPS, from);
            break;
        }
        if (++c->steps > LF_ICS_MAX_FEED_STEPS) {
            /* said once: each later series of the feed stops here too
             * (a feed of 29000 daily series printed 23000 such errors) */
            if (c->steps == LF_ICS_MAX_FEED_STEPS + 1)
                ics_error(c, s->line, "RRULE", "the feed's series repeat more than %d times in "
                          "all before the end of the horizon: split the feed",
                          LF_ICS_MAX_FEED_STEPS);
            break;
        }
        time_t at = zone_instant(t, &w->zone);
        if (at >= c->horizon_end)
            break;
        series_occurrence(c, s, t, at, 0);
        if (c->failed)
            break;
    }
    icalrecur_iterator_free(it);
}

/* The extra dates of RDATE (date-times, dates or periods), with or
 * without an RRULE: Apple Calendar and city event systems list an event's
 * further dates this way. */
static void expand_rdates(struct ics_ctx *c, const struct series *s)
{
    /* collected first: a component has one property cursor, and EXDATE
     * is looked up on the same component for each date */
    size_t n = 0;
    icalproperty **props = NULL;
    for (icalproperty *p = icalcomponent_get_first_property(s->v, ICAL_RDATE_PROPERTY); p;
         p = icalcomponent_get_next_property(s->v, ICAL_RDATE_PROPERTY)) {
        props = lf_xrealloc(props, (n + 1) * sizeof(*props));
        props[n++] = p;
    }
    for (size_t i = 0; i < n && !c->failed; i++) {
        icalproperty *p = props[i];
        struct icaldatetimeperiodtype dp = icalproperty_get_rdate(p);
        bool period = icaltime_is_null_time(dp.time);
        struct icaltimetype t = period ? dp.period.start : dp.time;
        if (icaltime_is_null_time(t) || !icaltime_is_valid_time(t)) {
            ics_warning(c, s->line, "RDATE", "not a date, date-time or period: left out");
            continue;
        }
        struct ics_zone z;
        if (!property_zone(c, p, t, s->line, "RDATE", &z))
            continue;
        time_t at = zone_instant(t, &z), end = 0;
        if (period) {
            if (!icaltime_is_null_time(dp.period.end))
                end = zone_instant(dp.period.end, &z);
            else
                end = at + icaldurationtype_as_int(dp.period.duration);
        }
        if (!period && t.is_date != s->w->start.is_date) {
            if (t.is_date)
                ics_warning(c, s->line, "RDATE", "a date in a series of date-times: left out");
            else
                ics_warning(c, s->line, "RDATE", "a date-time in a series of dates: left out");
            continue;
        }
        series_occurrence(c, s, t, at, end);
    }
    free(props);
}

static void report_parse_errors(struct ics_ctx *c, icalcomponent *comp, int line);

/* `ov` (n): this UID's overrides, sorted by recurrence_at then feed order. */
static void read_event(struct ics_ctx *c, icalcomponent *v, int line, struct override *const *ov,
                       size_t n_ov, size_t uid_entries, bool say_shared)
{
    struct ics_when w;
    event_begin(c);
    report_parse_errors(c, v, line); /* a value libical could not read (an RRULE it dropped) */
    (void)read_when(c, v, line, &w); /* false only with a fault, said by event_done() */
    if (!event_done(c, v, line, true))
        return;
    struct lf_ics_event tmpl;
    event_template(c, v, line, &tmpl);
    icalproperty *pr = icalcomponent_get_first_property(v, ICAL_RRULE_PROPERTY);
    struct icalrecurrencetype rule;
    if (pr) {
        rule = icalproperty_get_rrule(pr);
        if (rule.freq == ICAL_NO_RECURRENCE)
            ics_error(c, line, "RRULE", "not a repeat rule libical understands");
    }
    /* a faulty entry the filter would not take anyway is not worth a word */
    if (!event_done(c, v, line, shown_at_all(c, v, &w) && filter_takes(c->filter, &tmpl))) {
        event_free(&tmpl);
        return;
    }
    if (say_shared)
        ics_warning(c, line, "UID",
                    "%zu entries of the feed share the UID '%s' without a RECURRENCE-ID: each "
                    "is shown as an event of its own",
                    uid_entries, tmpl.uid);
    bool has_exdate = icalcomponent_get_first_property(v, ICAL_EXDATE_PROPERTY) != NULL;
    bool has_rdate = icalcomponent_get_first_property(v, ICAL_RDATE_PROPERTY) != NULL;
    bool has_override = n_ov > 0;
    struct override **taf = NULL;
    size_t n_taf = 0;
    for (size_t i = 0; i < n_ov; i++) {
        if (ov[i]->this_and_future) {
            taf = lf_xrealloc(taf, (n_taf + 1) * sizeof(*taf));
            taf[n_taf++] = ov[i];
        }
    }
    struct exclusions ex = {0};
    if (has_exdate && (pr || has_rdate || has_override || uid_entries > 1))
        exclusions_read(c, v, line, &ex); /* only where occurrences are looked up */
    struct series s = {v, line, &tmpl, &w, ov, n_ov, taf, n_taf, &ex};
    if (pr) {
        if (plain_yearly(&rule, w.start) && !has_exdate && !has_rdate && !has_override) {
            time_t start = w.start_at, end = w.end_at;
            yearly_not_before_1970(&start, &end);
            add_occurrence(c, &tmpl, start, end, w.all_day, false, true);
        } else {
            expand_rule(c, &s, rule);
            if (!c->failed)
                expand_rdates(c, &s);
        }
    } else if (has_rdate || has_override || uid_entries > 1) {
        /* DTSTART is the first occurrence (RFC 5545 3.8.5.2) */
        series_occurrence(c, &s, w.start, w.start_at, 0);
        if (!c->failed)
            expand_rdates(c, &s);
    } else {
        add_occurrence(c, &tmpl, w.start_at, w.end_at, w.all_day, false, false);
    }
    exclusions_free(&ex);
    free(taf);
    event_free(&tmpl);
}

/* Overrides by UID, then recurrence_at, then feed order. */
static int compare_overrides(const void *a, const void *b)
{
    const struct override *x = *(struct override *const *)a, *y = *(struct override *const *)b;
    int u = strcmp(x->uid, y->uid);
    if (u)
        return u;
    if (x->recurrence_at != y->recurrence_at)
        return x->recurrence_at < y->recurrence_at ? -1 : 1;
    return x < y ? -1 : x > y; /* one array: the address is the feed order */
}

/* The overrides of `uid` in `by_uid` (sorted by compare_overrides): *first, count. */
static size_t overrides_of(struct override *const *by_uid, size_t n, const char *uid,
                           size_t *first)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (strcmp(by_uid[mid]->uid, uid) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    size_t end = lo;
    while (end < n && strcmp(by_uid[end]->uid, uid) == 0)
        end++;
    *first = lo;
    return end - lo;
}

/* A series' component by UID, the first in the feed. */
struct master_ref {
    const char *uid;
    icalcomponent *v;
    size_t pos;
    int line;
};

static int compare_masters(const void *a, const void *b)
{
    const struct master_ref *x = a, *y = b;
    int u = strcmp(x->uid, y->uid);
    return u ? u : (x->pos < y->pos ? -1 : x->pos > y->pos);
}

static int compare_strings(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* How often `key` is in the sorted list, and where its first copy is
 * (*first); two binary searches, so a feed of one UID 30000 times over
 * costs no more than any other. */
static size_t count_sorted(const char **list, size_t n, const char *key, size_t *first)
{
    size_t lo = 0, hi = n;
    while (lo < hi) { /* the first not below key */
        size_t mid = lo + (hi - lo) / 2;
        if (strcmp(list[mid], key) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    *first = lo;
    hi = n;
    size_t end = lo;
    while (end < hi) { /* the first above key */
        size_t mid = end + (hi - end) / 2;
        if (strcmp(list[mid], key) <= 0)
            end = mid + 1;
        else
            hi = mid;
    }
    return end - lo;
}

/* Line numbers of every `begin` line ("BEGIN:VEVENT") in the raw text, in order. */
static int *begin_lines(const char *text, size_t len, const char *begin, size_t *n)
{
    size_t bl = strlen(begin);
    size_t cap = 16;
    int *lines = lf_xmalloc(cap * sizeof(int));
    *n = 0;
    int line = 1;
    for (size_t i = 0; i < len; i++) {
        bool at_start = i == 0 || text[i - 1] == '\n';
        if (at_start && len - i >= bl && strncasecmp(text + i, begin, bl) == 0) {
            if (*n == cap)
                lines = lf_xrealloc(lines, (cap *= 2) * sizeof(int));
            lines[(*n)++] = line;
        }
        if (text[i] == '\n')
            line++;
    }
    return lines;
}

/* A feed's own VTIMEZONE whose changes repeat other than yearly (a real
 * zone changes at most twice a year, on days of the year: BYMONTH,
 * BYDAY, never BYHOUR, BYMINUTE, BYSECOND) is left out, with a warning: libical
 * would follow an RRULE:FREQ=SECONDLY from 1601 to today step by step
 * (billions of steps: import-ics hung) to find an offset. Its times are
 * then read as an unknown zone's. */
static void drop_unreal_zones(struct ics_ctx *c, icalcomponent *cal, const int *lines,
                              size_t n_lines)
{
    size_t k = 0;
    icalcomponent *z = icalcomponent_get_first_component(cal, ICAL_VTIMEZONE_COMPONENT);
    while (z) {
        icalcomponent *next = icalcomponent_get_next_component(cal, ICAL_VTIMEZONE_COMPONENT);
        icalrecurrencetype_frequency freq = ICAL_YEARLY_RECURRENCE;
        for (icalcomponent *part = icalcomponent_get_first_component(z, ICAL_ANY_COMPONENT);
             part && freq == ICAL_YEARLY_RECURRENCE;
             part = icalcomponent_get_next_component(z, ICAL_ANY_COMPONENT))
            for (icalproperty *p = icalcomponent_get_first_property(part, ICAL_RRULE_PROPERTY);
                 p; p = icalcomponent_get_next_property(part, ICAL_RRULE_PROPERTY)) {
                struct icalrecurrencetype r = icalproperty_get_rrule(p);
                /* BYHOUR, BYMINUTE or BYSECOND make a yearly rule one
                 * that changes every second too */
                if (r.freq != ICAL_YEARLY_RECURRENCE ||
                    r.by_hour[0] != ICAL_RECURRENCE_ARRAY_MAX ||
                    r.by_minute[0] != ICAL_RECURRENCE_ARRAY_MAX ||
                    r.by_second[0] != ICAL_RECURRENCE_ARRAY_MAX) {
                    freq = r.freq == ICAL_YEARLY_RECURRENCE ? ICAL_SECONDLY_RECURRENCE : r.freq;
                    break;
                }
            }
        if (freq != ICAL_YEARLY_RECURRENCE) {
            icalproperty *id = icalcomponent_get_first_property(z, ICAL_TZID_PROPERTY);
            const char *tzid = id ? icalproperty_get_tzid(id) : NULL;
            const char *fname = icalrecur_freq_to_string(freq);
            ics_warning(c, k < n_lines ? lines[k] : 0, "VTIMEZONE",
                        "the time zone '%s' repeats its changes FREQ=%s, where a real time "
                        "zone changes at most yearly: left out, its times are read as an "
                        "unknown zone's", tzid ? tzid : "", fname ? fname : "?");
            icalcomponent_remove_component(cal, z);
            icalcomponent_free(z);
        }
        z = next;
        k++;
    }
}

/* The property a libical parse error is about ("No value for SUMMARY
 * property. Removing entire property:", "Can't parse as RECUR value in
 * RRULE property. ..."): its name into field, "" when it names none. */
static void parse_error_field(const char *msg, char *field, size_t size)
{
    field[0] = '\0';
    const char *end = strstr(msg, " property");
    if (!end || size == 0)
        return;
    const char *start = end;
    while (start > msg && start[-1] != ' ')
        start--;
    size_t n = (size_t)(end - start);
    if (n == 0 || n >= size)
        return;
    for (size_t i = 0; i < n; i++) {
        char ch = start[i];
        if (!((ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '-'))
            return;
    }
    memcpy(field, start, n);
    field[n] = '\0';
}

/* libical's errors name the field they are about ("SUMMARY"), not left
 * blank, and end without its dangling ": " where it gives no value. */
static void report_parse_errors(struct ics_ctx *c, icalcomponent *comp, int line)
{
    for (icalproperty *p = icalcomponent_get_first_property(comp, ICAL_XLICERROR_PROPERTY); p;
         p = icalcomponent_get_next_property(comp, ICAL_XLICERROR_PROPERTY)) {
        const char *msg = icalproperty_get_xlicerror(p);
        if (!msg)
            continue;
        char field[32];
        parse_error_field(msg, field, sizeof(field));
        size_t n = strlen(msg);
        while (n > 0 && (msg[n - 1] == ' ' || msg[n - 1] == ':'))
            n--;
        ics_error(c, line, field, "%.*s", (int)n, msg);
    }
}

const char *lf_ics_feed_url(const char *url, char *out, size_t size)
{
    size_t skip = strncasecmp(url, "webcals://", 10) == 0 ? 10
                  : strncasecmp(url, "webcal://", 9) == 0 ? 9
                                                          : 0;
    if (!skip || strlen(url) - skip + 9 > size)
        return url;
    snprintf(out, size, "https://%s", url + skip);
    return out;
}

/* Several calendars one after the other in one file (exports of more
 * than one calendar, feeds joined by a proxy): libical gives them under
 * one root; their entries go into one calendar, in order. */
static icalcomponent *merge_calendars(icalcomponent *root)
{
    icalcomponent *merged = icalcomponent_new(ICAL_VCALENDAR_COMPONENT);
    for (icalcomponent *cal = icalcomponent_get_first_component(root, ICAL_VCALENDAR_COMPONENT);
         cal; cal = icalcomponent_get_next_component(root, ICAL_VCALENDAR_COMPONENT)) {
        icalcomponent *sub;
        while ((sub = icalcomponent_get_first_component(cal, ICAL_ANY_COMPONENT))) {
            icalcomponent_remove_component(cal, sub);
            icalcomponent_add_component(merged, sub);
        }
    }
    icalcomponent_free(root);
    return merged;
}

/* A VCALENDAR inside another (feeds pasted into one by hand or by a
 * proxy): libical keeps it as a child whose entries were never read, so
 * its events vanished without a word. Its entries join the calendar,
 * said once. */
/* The line of the first BEGIN:VCALENDAR inside another one (0: none). */
static int nested_calendar_line(const char *text, size_t len)
{
    int line = 1, depth = 0;
    for (size_t i = 0; i < len; i++) {
        if (i == 0 || text[i - 1] == '\n') {
            if (len - i >= 15 && strncasecmp(text + i, "BEGIN:VCALENDAR", 15) == 0 && depth++ > 0)
                return line;
            if (len - i >= 13 && strncasecmp(text + i, "END:VCALENDAR", 13) == 0 && depth > 0)
                depth--;
        }
        if (text[i] == '\n')
            line++;
    }
    return 0;
}

/* Adds comp to cal, or, for a VCALENDAR, its entries in their order
 * (counted in *n). */
static void add_flat(icalcomponent *cal, icalcomponent *comp, size_t *n)
{
    if (icalcomponent_isa(comp) != ICAL_VCALENDAR_COMPONENT) {
        icalcomponent_add_component(cal, comp);
        return;
    }
    (*n)++;
    icalcomponent *sub;
    while ((sub = icalcomponent_get_first_component(comp, ICAL_ANY_COMPONENT))) {
        icalcomponent_remove_component(comp, sub);
        add_flat(cal, sub, n);
    }
    icalcomponent_free(comp);
}

static void hoist_nested_calendars(struct ics_ctx *c, icalcomponent *cal, int line)
{
    if (!icalcomponent_get_first_component(cal, ICAL_VCALENDAR_COMPONENT))
        return;
    /* every entry taken out and put back in the order of the text, so the
     * k-th VEVENT is still the one on the k-th BEGIN:VEVENT line */
    size_t n_all = 0, cap = 64, n = 0;
    icalcomponent **all = lf_xmalloc(cap * sizeof(*all));
    icalcomponent *sub;
    while ((sub = icalcomponent_get_first_component(cal, ICAL_ANY_COMPONENT))) {
        icalcomponent_remove_component(cal, sub);
        if (n_all == cap)
            all = lf_xrealloc(all, (cap *= 2) * sizeof(*all));
        all[n_all++] = sub;
    }
    for (size_t i = 0; i < n_all; i++)
        add_flat(cal, all[i], &n);
    free(all);
    ics_warning(c, line, "VCALENDAR",
                "%zu calendar%s inside the calendar (BEGIN:VCALENDAR before END:VCALENDAR): "
                "%s entries are read as the feed's own; check the feed",
                n, n == 1 ? "" : "s", n == 1 ? "its" : "their");
}

/* libical's own reader for a string (icalparser_parse_string) looks for
 * the end of the line again at each of its 80-byte pieces: a feed with one
 * 3 MB line (an Outlook attachment inline, base64) took 13 s to read, a
 * whole 4 MiB one far longer on a kiosk's CPU. This one finds each line's
 * end once. */
struct line_source {
    const char *pos, *end;
    const char *nl; /* the next '\n' at or after pos, or end; NULL: not looked for */
};

static char *next_piece(char *out, size_t size, void *data)
{
    struct line_source *src = data;
    if (src->pos >= src->end || size < 2)
        return NULL;
    if (!src->nl || src->nl < src->pos) {
        src->nl = memchr(src->pos, '\n', (size_t)(src->end - src->pos));
        if (!src->nl)
            src->nl = src->end;
    }
    size_t n = (size_t)((src->nl < src->end ? src->nl + 1 : src->end) - src->pos);
    if (n > size - 1)
        n = size - 1;
    memcpy(out, src->pos, n);
    out[n] = '\0';
    src->pos += n;
    return out;
}

/* icalparser_parse_string(text) (`text` NUL-terminated, len bytes). */
static icalcomponent *parse_calendar(const char *text, size_t len)
{
    struct line_source src = {text, text + len, NULL};
    icalparser *parser = icalparser_new();
    if (!parser)
        return NULL;
    icalparser_set_gen_data(parser, &src);
    icalerrorstate es = icalerror_get_error_state(ICAL_MALFORMEDDATA_ERROR);
    icalerror_set_error_state(ICAL_MALFORMEDDATA_ERROR, ICAL_ERROR_NONFATAL);
    icalcomponent *root = icalparser_parse(parser, next_piece);
    icalerror_set_error_state(ICAL_MALFORMEDDATA_ERROR, es);
    icalparser_free(parser);
    return root;
}

/* A feed cut off (a download or copy that stopped early): it begins with
 * BEGIN:VCALENDAR and no line ends it. The line where it stops (the
 * last that holds anything) into *line and that content line's property
 * name into field (size bytes); false when the feed is not cut off so. */
static bool cut_off_at(const char *text, size_t len, int *line, char *field, size_t size)
{
    const char *p = text, *end = text + len;
    while (p < end && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n'))
        p++;
    if ((size_t)(end - p) < 15 || strncasecmp(p, "BEGIN:VCALENDAR", 15) != 0)
        return false;
    int n = 1, last = 0;
    const char *last_start = NULL, *content_start = NULL;
    for (const char *l = text; l < end;) {
        const char *nl = memchr(l, '\n', (size_t)(end - l));
        const char *le = nl ? nl : end;
        const char *t = le;
        while (t > l && (t[-1] == '\r' || t[-1] == ' ' || t[-1] == '\t'))
            t--;
        if (t > l) {
            if (l[0] != ' ' && l[0] != '\t')
                content_start = l; /* not a folded continuation */
            if ((size_t)(t - l) == 13 && strncasecmp(l, "END:VCALENDAR", 13) == 0)
                return false;
            last = n;
            last_start = content_start;
        }
        if (!nl)
            break;
        l = nl + 1;
        n++;
    }
    size_t k = 0; /* the name: up to ':', ';' or the line's end, within the bytes (no NUL after) */
    while (last_start && last_start + k < end && !strchr(":;\r\n", last_start[k]))
        k++;
    snprintf(field, size, "%.*s", (int)(k < size ? k : size - 1), last_start ? last_start : "");
    *line = last ? last : 1;
    return true;
}

struct lf_ics_feed *lf_ics_parse(const char *text, size_t len, const char *name, time_t now,
                                 int horizon_days, struct lf_diags *d)
{
    return lf_ics_parse_filtered(text, len, name, now, horizon_days, NULL, d);
}

struct lf_ics_feed *lf_ics_parse_filtered(const char *text, size_t len, const char *name,
                                          time_t now, int horizon_days,
                                          const struct lf_ics_filter *filter, struct lf_diags *d)
{
    struct ics_ctx c = {.name = name, .d = d, .now = now, .filter = filter};
    if (len > LF_ICS_MAX_BYTES) {
        int line;
        char field[80];
        size_t long_line = lf_ics_where_over(text, len, LF_ICS_MAX_BYTES, &line, field,
                                             sizeof(field));
        if (long_line > LF_ICS_LONG_LINE_BYTES)
            ics_error(&c, line, field, "%zu bytes: a calendar feed may have at most %d; this "
                      "line alone has %zu (a picture or attachment inside the calendar?)",
                      len, LF_ICS_MAX_BYTES, long_line);
        else
            ics_error(&c, line, field, "%zu bytes: a calendar feed may have at most %d", len,
                      LF_ICS_MAX_BYTES);
        return NULL;
    }
    if (memchr(text, '\0', len)) {
        ics_error(&c, 0, "", "not a text file (it holds a NUL byte)");
        return NULL;
    }
    if (horizon_days < 1 || horizon_days > LF_ICS_MAX_HORIZON_DAYS)
        horizon_days = LF_ICS_DEFAULT_HORIZON_DAYS;
    c.horizon_end = now + (time_t)horizon_days * 86400;
    size_t skip = (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) ? 3 : 0; /* a BOM */
    char *copy = lf_xmalloc(len - skip + 1);
    memcpy(copy, text + skip, len - skip);
    copy[len - skip] = '\0';
    /* lines ended by CR alone (classic Mac OS, some old export scripts):
     * libical saw one line, and the feed was refused as cut off */
    if (!memchr(copy, '\n', len - skip)) {
        for (char *r = memchr(copy, '\r', len - skip); r; r = strchr(r + 1, '\r'))
            *r = '\n';
    }
    size_t n_lines = 0;
    int *lines = begin_lines(copy, len - skip, "BEGIN:VEVENT", &n_lines);
    size_t n_zone_lines = 0;
    int *zone_lines = begin_lines(copy, len - skip, "BEGIN:VTIMEZONE", &n_zone_lines);

    icalerror_set_errors_are_fatal(0);
    icalcomponent *root = strstr(copy, "BEGIN:VCALENDAR") ? parse_calendar(copy, len - skip)
                                                           : NULL;
    int nested_line = nested_calendar_line(copy, len - skip);
    free(copy);
    if (root && icalcomponent_isa(root) == ICAL_XROOT_COMPONENT)
        root = merge_calendars(root);
    if (!root || icalcomponent_isa(root) != ICAL_VCALENDAR_COMPONENT) {
        const char *p = text + skip;
        while (p < text + len && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n'))
            p++;
        int cut_line;
        char cut_field[64];
        if (cut_off_at(text + skip, len - skip, &cut_line, cut_field, sizeof(cut_field)))
            ics_error(&c, cut_line, cut_field, "the feed stops here, without END:VCALENDAR: "
                                               "the file or its download was cut off; nothing "
                                               "of it is imported");
        else if (p < text + len && *p == '<')
            ics_error(&c, 1, "", "a web page (HTML), not an iCalendar feed: perhaps a login or "
                                 "error page; use the calendar's iCalendar (.ics) address, which "
                                 "calendars offer under 'publish' or 'subscribe'");
        else
            ics_error(&c, 1, "", "not an iCalendar feed: it must begin with BEGIN:VCALENDAR and "
                                 "end with END:VCALENDAR");
        if (root)
            icalcomponent_free(root);
        free(lines);
        free(zone_lines);
        return NULL;
    }
    hoist_nested_calendars(&c, root, nested_line);
    drop_unreal_zones(&c, root, zone_lines, n_zone_lines);
    free(zone_lines);
    c.cal = root;
    c.feed = lf_xcalloc(1, sizeof(*c.feed));
    snprintf(c.fallback_zone, sizeof(c.fallback_zone), "%s", LF_TIME_ZONE);
    for (icalproperty *p = icalcomponent_get_first_property(root, ICAL_X_PROPERTY); p;
         p = icalcomponent_get_next_property(root, ICAL_X_PROPERTY)) {
        const char *xn = icalproperty_get_x_name(p), *xv = icalproperty_get_x(p);
        if (xn && xv && strcasecmp(xn, "X-WR-TIMEZONE") == 0 && zone_by_tzid(root, xv)) {
            snprintf(c.fallback_zone, sizeof(c.fallback_zone), "%s", xv);
            break;
        }
    }
    report_parse_errors(&c, root, 1);

    /* first pass: count, check, collect the overrides of single occurrences */
    size_t n_ov = 0, k = 0;
    struct override *ov = NULL;
    for (icalcomponent *v = icalcomponent_get_first_component(root, ICAL_VEVENT_COMPONENT); v;
         v = icalcomponent_get_next_component(root, ICAL_VEVENT_COMPONENT), k++) {
        int line = k < n_lines ? lines[k] : 0;
        if (k == LF_ICS_MAX_COMPONENTS) {
            ics_error(&c, line, "VEVENT", "more than %d events in one feed", LF_ICS_MAX_COMPONENTS);
            break;
        }
        icalproperty *rid = icalcomponent_get_first_property(v, ICAL_RECURRENCEID_PROPERTY);
        if (!rid) /* its parse errors are its own fault: said by read_event */
            continue;
        report_parse_errors(&c, v, line);
        struct icaltimetype t = icalproperty_get_recurrenceid(rid);
        struct ics_zone z;
        if (!property_zone(&c, rid, t, line, "RECURRENCE-ID", &z))
            continue;
        icalparameter *range = icalproperty_get_first_parameter(rid, ICAL_RANGE_PARAMETER);
        ov = lf_xrealloc(ov, (n_ov + 1) * sizeof(*ov));
        ov[n_ov++] = (struct override){
            .v = v,
            .line = line,
            .uid = icalcomponent_get_uid(v) ? icalcomponent_get_uid(v) : "",
            .recurrence_at = zone_instant(t, &z),
            .this_and_future = range && icalparameter_get_range(range) == ICAL_RANGE_THISANDFUTURE,
        };
    }
    c.feed->components = k;
    struct override **by_uid = lf_xcalloc(n_ov + 1, sizeof(*by_uid));
    for (size_t i = 0; i < n_ov; i++)
        by_uid[i] = &ov[i];
    qsort(by_uid, n_ov, sizeof(*by_uid), compare_overrides);
    /* how many entries without RECURRENCE-ID each UID has (more than one: a
     * feed that lists each date of an event as its own entry) */
    size_t n_masters = 0;
    const char **master_uids = lf_xcalloc(k + 1, sizeof(char *));
    struct master_ref *masters = lf_xcalloc(k + 1, sizeof(*masters));
    for (icalcomponent *v = icalcomponent_get_first_component(root, ICAL_VEVENT_COMPONENT);
         v && n_masters < k; v = icalcomponent_get_next_component(root, ICAL_VEVENT_COMPONENT)) {
        if (!icalcomponent_get_first_property(v, ICAL_RECURRENCEID_PROPERTY)) {
            masters[n_masters] = (struct master_ref){
                .uid = icalcomponent_get_uid(v) ? icalcomponent_get_uid(v) : "",
                .v = v,
                .pos = n_masters,
            };
            master_uids[n_masters] = masters[n_masters].uid;
            n_masters++;
        }
    }
    qsort(master_uids, n_masters, sizeof(char *), compare_strings);
    qsort(masters, n_masters, sizeof(*masters), compare_masters);
    bool *uid_said = lf_xcalloc(n_masters + 1, sizeof(bool));
    /* second pass: the series and single events */
    k = 0;
    for (icalcomponent *v = icalcomponent_get_first_component(root, ICAL_VEVENT_COMPONENT);
         v && k < LF_ICS_MAX_COMPONENTS;
         v = icalcomponent_get_next_component(root, ICAL_VEVENT_COMPONENT), k++) {
        if (icalcomponent_get_first_property(v, ICAL_RECURRENCEID_PROPERTY))
            continue;
        const char *uid = icalcomponent_get_uid(v) ? icalcomponent_get_uid(v) : "";
        size_t first = 0, entries = count_sorted(master_uids, n_masters, uid, &first);
        /* a shared UID is said once, at its first entry */
        bool say_shared = entries > 1 && first < n_masters && !uid_said[first];
        if (say_shared)
            uid_said[first] = true;
        size_t ov_first = 0, ov_n = overrides_of(by_uid, n_ov, uid, &ov_first);
        read_event(&c, v, k < n_lines ? lines[k] : 0, by_uid + ov_first, ov_n, entries,
                   say_shared);
    }
    /* an override no occurrence of its series took stands alone: its series
     * is not in the feed, or its occurrence lies beyond the horizon (moved
     * into it), unless its series left that occurrence out (EXDATE) */
    icalcomponent *ex_master = NULL; /* whose EXDATEs `ex` holds */
    struct exclusions ex = {0};
    for (size_t i = 0; i < n_ov && !c.failed; i++) {
        if (ov[i].used)
            continue;
        icalcomponent *master = NULL;
        struct master_ref key = {.uid = ov[i].uid, .pos = 0};
        size_t lo = 0, hi = n_masters;
        while (lo < hi) { /* the first entry of the UID: the first in the feed */
            size_t mid = lo + (hi - lo) / 2;
            if (compare_masters(&masters[mid], &key) < 0)
                lo = mid + 1;
            else
                hi = mid;
        }
        if (lo < n_masters && strcmp(masters[lo].uid, ov[i].uid) == 0 &&
            icalcomponent_get_uid(masters[lo].v))
            master = masters[lo].v;
        if (master && master != ex_master) {
            exclusions_free(&ex);
            exclusions_read(&c, master, ov[i].line, &ex);
            ex_master = master;
        }
        if (master && is_excluded(&ex, ov[i].recurrence_at))
            continue;
        struct ics_when w;
        if (override_when(&c, ov[i].v, ov[i].line, ov[i].recurrence_at, NULL, &w))
            add_from_component(&c, ov[i].v, ov[i].line, true, w.start_at, w.end_at, w.all_day);
    }
    exclusions_free(&ex);
    free(masters);
    free(by_uid);
    free(master_uids);
    free(uid_said);
    free(ov);
    free(lines);
    icalcomponent_free(root);
    if (c.failed) {
        lf_ics_feed_destroy(c.feed);
        return NULL;
    }
    struct lf_ics_feed *f = c.feed;
    /* a feed that gives nothing to show says why: a city's stale export,
     * an old address, a wrong clock, a horizon too short */
    if (f->n == 0 && f->filtered == 0 && (c.next_after || c.latest_end)) {
        char when[40];
        if (c.next_after) {
            format_wall(c.next_after, true, when, sizeof(when));
            ics_warning(&c, 0, "", "no event of the feed lies within the next %d days: the "
                        "next begins on %s (a longer horizon imports it)", horizon_days, when);
        } else {
            format_wall(c.latest_end - 1, true, when, sizeof(when));
            ics_warning(&c, 0, "", "every event of the feed is over: the latest ended on %s; "
                        "is it the calendar's current address, and is the clock right?", when);
        }
    }
    if (f->left_out || f->n > LF_ICS_MAX_OCCURRENCES) {
        keep_nearest(f);
        char last[40] = "";
        if (f->n)
            snprintf(last, sizeof(last), "%s", f->events[f->n - 1].start);
        ics_warning(&c, 0, "",
                    "%zu later events within the horizon are left out: a bundle holds at most %d "
                    "events from one feed, so only the %d that start first are imported (up to "
                    "%s); pick the events to import by category or text, or shorten the horizon",
                    f->left_out, LF_ICS_MAX_OCCURRENCES, LF_ICS_MAX_OCCURRENCES, last);
    }
    return f;
}

void lf_ics_feed_destroy(struct lf_ics_feed *f)
{
    if (!f)
        return;
    for (size_t i = 0; i < f->n; i++)
        event_free(&f->events[i]);
    free(f->events);
    free(f);
}

size_t lf_ics_where_over(const char *text, size_t len, size_t limit, int *line, char *field,
                         size_t size)
{
    if (size)
        field[0] = '\0';
    *line = 1;
    if (limit >= len)
        limit = len ? len - 1 : 0;
    /* the content line holding byte `limit`: back over folded lines
     * (those starting with a space or tab) to its first */
    size_t start = 0;
    int start_line = 1;
    for (size_t i = 0; i < limit; i++) {
        if (text[i] != '\n')
            continue;
        (*line)++;
        if (i + 1 < len && text[i + 1] != ' ' && text[i + 1] != '\t') {
            start = i + 1;
            start_line = *line;
        }
    }
    *line = start_line;
    size_t n = 0;
    while (start + n < len && n + 1 < size && text[start + n] != ';' &&
           text[start + n] != ':' && text[start + n] != '\r' && text[start + n] != '\n' &&
           (unsigned char)text[start + n] > ' ' && n < 64)
        n++;
    if (size) {
        memcpy(field, text + start, n);
        field[n] = '\0';
    }
    const char *nl = memchr(text + limit, '\n', len - limit);
    return (size_t)((nl ? nl : text + len) - (text + start));
}

size_t lf_ics_count(const struct lf_ics_feed *f)
{
    return f->n;
}

const struct lf_ics_event *lf_ics_get(const struct lf_ics_feed *f, size_t i)
{
    return i < f->n ? &f->events[i] : NULL;
}

size_t lf_ics_components(const struct lf_ics_feed *f)
{
    return f->components;
}

size_t lf_ics_skipped(const struct lf_ics_feed *f)
{
    return f->skipped;
}

size_t lf_ics_filtered(const struct lf_ics_feed *f)
{
    return f->filtered;
}

size_t lf_ics_left_out(const struct lf_ics_feed *f)
{
    return f->left_out;
}
