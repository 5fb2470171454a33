/* iCalendar feeds into events: see ics.h. libical parses; ICU's CLDR
 * table names the IANA zone behind a Windows zone name. */
#include <libical/ical.h>
#include <sodium.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unicode/ucal.h>
#include <unicode/ustring.h>

#include "calendar/ics.h"
#include "core/civil_time.h"
#include "core/xalloc.h"

#define ZONE_NAME_MAX 128

struct lf_ics_feed {
    struct lf_ics_event *events;
    size_t n, cap;
    size_t components;
};

/* The zone a date-time of the feed is written in. */
struct ics_zone {
    enum { ZONE_FLOATING, ZONE_UTC, ZONE_LIBICAL } kind;
    icaltimezone *tz;
};

/* What one pass over the feed needs at hand. */
struct ics_ctx {
    const char *name;
    struct lf_diags *d;
    icalcomponent *cal;
    time_t now, horizon_end;
    struct lf_ics_feed *feed;
    bool failed;
};

static void ics_error(struct ics_ctx *c, int line, const char *field, const char *fmt, ...)
    LF_PRINTF(4, 5);
static void ics_error(struct ics_ctx *c, int line, const char *field, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
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

/* The zone of a date-time property; false (reported) for an unknown TZID. */
static bool property_zone(struct ics_ctx *c, icalproperty *p, struct icaltimetype tt, int line,
                          const char *field, struct ics_zone *z)
{
    z->tz = NULL;
    if (icaltime_is_utc(tt)) {
        z->kind = ZONE_UTC;
        return true;
    }
    icalparameter *param = icalproperty_get_first_parameter(p, ICAL_TZID_PARAMETER);
    const char *tzid = param ? icalparameter_get_tzid(param) : NULL;
    if (!tzid || !tzid[0] || tt.is_date) {
        z->kind = ZONE_FLOATING; /* floating: the kiosk's own wall clock */
        return true;
    }
    z->tz = zone_by_tzid(c->cal, tzid);
    if (!z->tz) {
        ics_error(c, line, field,
                  "unknown time zone '%s': neither an IANA name (Europe/Berlin), a Windows "
                  "name (W. Europe Standard Time) nor a VTIMEZONE of the feed",
                  tzid);
        return false;
    }
    z->kind = ZONE_LIBICAL;
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
    return icaltime_as_timet_with_zone(tt, z->tz);
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

static bool text_fits(struct ics_ctx *c, const char *s, int line, const char *field)
{
    if (strlen(s) <= LF_MAX_STRING_BYTES)
        return true;
    ics_error(c, line, field, "%zu bytes: a text on the kiosk holds at most %d", strlen(s),
              LF_MAX_STRING_BYTES);
    return false;
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
    char *t = dup_trimmed(tag);
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
    e->uid = dup_trimmed(icalcomponent_get_uid(v));
    e->title = dup_trimmed(icalcomponent_get_summary(v));
    e->description = dup_trimmed(icalcomponent_get_description(v));
    const char *loc = icalcomponent_get_location(v);
    split_location(loc ? loc : "", &e->place, &e->address);
    icalproperty *p = icalcomponent_get_first_property(v, ICAL_URL_PROPERTY);
    e->url = dup_trimmed(p ? icalproperty_get_url(p) : NULL);
    e->organiser = lf_xstrdup("");
    e->email = lf_xstrdup("");
    p = icalcomponent_get_first_property(v, ICAL_ORGANIZER_PROPERTY);
    if (p) {
        icalparameter *cn = icalproperty_get_first_parameter(p, ICAL_CN_PARAMETER);
        if (cn) {
            free(e->organiser);
            e->organiser = dup_trimmed(icalparameter_get_cn(cn));
        }
        const char *who = icalproperty_get_organizer(p);
        if (who && strncasecmp(who, "mailto:", 7) == 0 && strchr(who + 7, '@')) {
            free(e->email);
            e->email = dup_trimmed(who + 7);
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
    else
        snprintf(out, size, "%04d-%02d-%02dT%02d:%02d", tm.tm_year + 1900, tm.tm_mon + 1,
                 tm.tm_mday, tm.tm_hour, tm.tm_min);
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

/* Adds an occurrence [start, end) of `tmpl` (all day: dates, end exclusive). */
static void add_occurrence(struct ics_ctx *c, const struct lf_ics_event *tmpl, time_t start,
                           time_t end, bool all_day, bool expanded, bool yearly)
{
    struct lf_ics_feed *f = c->feed;
    if (!yearly && (end <= c->now || start >= c->horizon_end))
        return;
    if (f->n == LF_ICS_MAX_OCCURRENCES) {
        if (!c->failed)
            ics_error(c, tmpl->line, "RRULE",
                      "more than %d events within the horizon: shorten --horizon-days",
                      LF_ICS_MAX_OCCURRENCES);
        return;
    }
    if (f->n == f->cap) {
        f->cap = f->cap ? 2 * f->cap : 16;
        f->events = lf_xrealloc(f->events, f->cap * sizeof(*f->events));
    }
    struct lf_ics_event *e = &f->events[f->n++];
    memset(e, 0, sizeof(*e));
    event_copy_texts(e, tmpl);
    e->line = tmpl->line;
    e->cancelled = tmpl->cancelled;
    e->all_day = all_day;
    e->yearly = yearly;
    e->start_at = start;
    e->end_at = end;
    format_wall(start, all_day, e->start, sizeof(e->start));
    /* all day: DTEND is the day after the last one */
    format_wall(all_day ? end - 12 * 3600 : end, all_day, e->end, sizeof(e->end));
    char occ[64];
    struct tm tm;
    lf_local_time(start, &tm);
    if (all_day)
        snprintf(occ, sizeof(occ), "%04d%02d%02d", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
    else
        snprintf(occ, sizeof(occ), "%04d%02d%02d%02d%02d", tm.tm_year + 1900, tm.tm_mon + 1,
                 tm.tm_mday, tm.tm_hour, tm.tm_min);
    make_id(tmpl->uid, expanded ? occ : NULL, e->id, sizeof(e->id));
}

/* Start, end and zone of one VEVENT; false (reported) when unusable. */
struct ics_when {
    struct icaltimetype start;
    struct ics_zone zone;
    time_t start_at, end_at;
    bool all_day;
};

static bool read_when(struct ics_ctx *c, icalcomponent *v, int line, struct ics_when *w)
{
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
    if (!property_zone(c, ps, w->start, line, "DTSTART", &w->zone))
        return false;
    w->all_day = w->start.is_date;
    w->start_at = zone_instant(w->start, &w->zone);
    icalproperty *pe = icalcomponent_get_first_property(v, ICAL_DTEND_PROPERTY);
    icalproperty *pd = icalcomponent_get_first_property(v, ICAL_DURATION_PROPERTY);
    if (pe) {
        struct icaltimetype end = icalproperty_get_dtend(pe);
        struct ics_zone ez;
        if (!property_zone(c, pe, end, line, "DTEND", &ez))
            return false;
        if (end.is_date != w->start.is_date) {
            ics_error(c, line, "DTEND", "DTSTART and DTEND must both be dates or both date-times");
            return false;
        }
        w->end_at = zone_instant(end, &ez);
    } else if (pd) {
        struct icaldurationtype dur = icalproperty_get_duration(pd);
        w->end_at = w->start_at + icaldurationtype_as_int(dur);
        if (w->all_day) /* whole days, whatever DST does in between */
            w->end_at = lf_local_make(w->start.year, w->start.month,
                                      w->start.day + (int)(icaldurationtype_as_int(dur) / 86400), 0, 0);
    } else if (w->all_day) {
        w->end_at = lf_local_make(w->start.year, w->start.month, w->start.day + 1, 0, 0);
    } else {
        ics_warning(c, line, "DTEND", "no end (DTEND or DURATION): shown as one hour long");
        w->end_at = w->start_at + 3600;
    }
    if (w->end_at <= w->start_at) {
        if (w->end_at == w->start_at && !w->all_day) {
            ics_warning(c, line, "DTEND", "ends when it starts: shown as one hour long");
            w->end_at = w->start_at + 3600;
        } else {
            ics_error(c, line, "DTEND", "ends before it starts");
            return false;
        }
    }
    return true;
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
 * changed (or cancelled) apart from their series. */
struct override {
    icalcomponent *v;
    int line;
    const char *uid;
    time_t recurrence_at;
};

static bool is_excluded(struct ics_ctx *c, icalcomponent *v, time_t at, int line)
{
    for (icalproperty *p = icalcomponent_get_first_property(v, ICAL_EXDATE_PROPERTY); p;
         p = icalcomponent_get_next_property(v, ICAL_EXDATE_PROPERTY)) {
        struct icaltimetype ex = icalproperty_get_exdate(p);
        struct ics_zone z;
        if (!property_zone(c, p, ex, line, "EXDATE", &z))
            continue;
        if (zone_instant(ex, &z) == at)
            return true;
        if (ex.is_date) { /* a date excludes the occurrence on that day */
            struct tm tm;
            lf_local_time(at, &tm);
            if (tm.tm_year + 1900 == ex.year && tm.tm_mon + 1 == ex.month && tm.tm_mday == ex.day)
                return true;
        }
    }
    return false;
}

static const struct override *find_override(const struct override *ov, size_t n, const char *uid,
                                            time_t at)
{
    for (size_t i = 0; i < n; i++) {
        if (ov[i].recurrence_at == at && strcmp(ov[i].uid, uid) == 0)
            return &ov[i];
    }
    return NULL;
}

static void add_from_component(struct ics_ctx *c, icalcomponent *v, int line, bool expanded,
                               const struct ics_when *w)
{
    struct lf_ics_event tmpl;
    memset(&tmpl, 0, sizeof(tmpl));
    tmpl.line = line;
    if (read_texts(c, v, line, &tmpl))
        add_occurrence(c, &tmpl, w->start_at, w->end_at, w->all_day, expanded, false);
    event_free(&tmpl);
}

static void expand_series(struct ics_ctx *c, icalcomponent *v, int line,
                          const struct lf_ics_event *tmpl, const struct ics_when *w,
                          struct icalrecurrencetype rule, const struct override *ov, size_t n_ov)
{
    time_t length = w->end_at - w->start_at;
    /* UNTIL is usually UTC while the series runs in its own wall-clock
     * time: compare like with like */
    if (!icaltime_is_null_time(rule.until) && icaltime_is_utc(rule.until) && !w->start.is_date) {
        icaltimezone *local = w->zone.kind == ZONE_LIBICAL ? w->zone.tz
                              : w->zone.kind == ZONE_UTC  ? icaltimezone_get_utc_timezone()
                                                          : icaltimezone_get_builtin_timezone(LF_TIME_ZONE);
        if (local) {
            rule.until = icaltime_convert_to_zone(rule.until, local);
            rule.until.zone = NULL;
        }
    }
    icalrecur_iterator *it = icalrecur_iterator_new(rule, w->start);
    if (!it) {
        ics_error(c, line, "RRULE", "a repeat rule libical cannot follow");
        return;
    }
    size_t steps = 0;
    for (struct icaltimetype t = icalrecur_iterator_next(it); !icaltime_is_null_time(t);
         t = icalrecur_iterator_next(it)) {
        if (++steps > LF_ICS_MAX_SERIES_STEPS) {
            ics_error(c, line, "RRULE", "the series repeats more than %d times before the end of "
                      "the horizon: split it into shorter series", LF_ICS_MAX_SERIES_STEPS);
            break;
        }
        time_t at = zone_instant(t, &w->zone);
        if (at >= c->horizon_end)
            break;
        if (is_excluded(c, v, at, line))
            continue;
        const struct override *o = find_override(ov, n_ov, tmpl->uid, at);
        if (o) {
            struct ics_when ow;
            if (read_when(c, o->v, o->line, &ow))
                add_from_component(c, o->v, o->line, true, &ow);
            continue;
        }
        time_t end = length;
        if (w->all_day) { /* whole days, whatever DST does in between */
            struct icaltimetype e = t;
            icaltime_adjust(&e, (int)((length + 43200) / 86400), 0, 0, 0);
            end = zone_instant(e, &w->zone) - at;
        }
        add_occurrence(c, tmpl, at, at + end, w->all_day, true, false);
        if (c->failed)
            break;
    }
    icalrecur_iterator_free(it);
}

static void read_event(struct ics_ctx *c, icalcomponent *v, int line, const struct override *ov,
                       size_t n_ov)
{
    struct ics_when w;
    if (!read_when(c, v, line, &w))
        return;
    struct lf_ics_event tmpl;
    memset(&tmpl, 0, sizeof(tmpl));
    tmpl.line = line;
    if (!read_texts(c, v, line, &tmpl)) {
        event_free(&tmpl);
        return;
    }
    if (!tmpl.uid[0]) {
        ics_error(c, line, "UID", "the event has no UID: without it a new import could not "
                                  "find the event again");
        event_free(&tmpl);
        return;
    }
    icalproperty *pr = icalcomponent_get_first_property(v, ICAL_RRULE_PROPERTY);
    bool has_exdate = icalcomponent_get_first_property(v, ICAL_EXDATE_PROPERTY) != NULL;
    if (!pr) {
        add_occurrence(c, &tmpl, w.start_at, w.end_at, w.all_day, false, false);
    } else {
        struct icalrecurrencetype rule = icalproperty_get_rrule(pr);
        if (rule.freq == ICAL_NO_RECURRENCE) {
            ics_error(c, line, "RRULE", "not a repeat rule libical understands");
        } else if (plain_yearly(&rule, w.start) && !has_exdate && n_ov == 0) {
            add_occurrence(c, &tmpl, w.start_at, w.end_at, w.all_day, false, true);
        } else {
            expand_series(c, v, line, &tmpl, &w, rule, ov, n_ov);
        }
    }
    event_free(&tmpl);
}

/* Line numbers of every "BEGIN:VEVENT" in the raw text, in order. */
static int *vevent_lines(const char *text, size_t len, size_t *n)
{
    size_t cap = 16;
    int *lines = lf_xmalloc(cap * sizeof(int));
    *n = 0;
    int line = 1;
    for (size_t i = 0; i < len; i++) {
        bool at_start = i == 0 || text[i - 1] == '\n';
        if (at_start && len - i >= 12 && strncasecmp(text + i, "BEGIN:VEVENT", 12) == 0) {
            if (*n == cap)
                lines = lf_xrealloc(lines, (cap *= 2) * sizeof(int));
            lines[(*n)++] = line;
        }
        if (text[i] == '\n')
            line++;
    }
    return lines;
}

static void report_parse_errors(struct ics_ctx *c, icalcomponent *comp, int line)
{
    for (icalproperty *p = icalcomponent_get_first_property(comp, ICAL_XLICERROR_PROPERTY); p;
         p = icalcomponent_get_next_property(comp, ICAL_XLICERROR_PROPERTY))
        ics_error(c, line, "", "%s", icalproperty_get_xlicerror(p));
}

struct lf_ics_feed *lf_ics_parse(const char *text, size_t len, const char *name, time_t now,
                                 int horizon_days, struct lf_diags *d)
{
    struct ics_ctx c = {.name = name, .d = d, .now = now};
    if (len > LF_ICS_MAX_BYTES) {
        ics_error(&c, 0, "", "%zu bytes: a calendar feed may have at most %d", len,
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
    size_t n_lines = 0;
    int *lines = vevent_lines(copy, len - skip, &n_lines);

    icalerror_set_errors_are_fatal(0);
    icalcomponent *root = strstr(copy, "BEGIN:VCALENDAR") ? icalparser_parse_string(copy) : NULL;
    free(copy);
    if (!root || icalcomponent_isa(root) != ICAL_VCALENDAR_COMPONENT) {
        ics_error(&c, 1, "", "not an iCalendar feed: it must begin with BEGIN:VCALENDAR and "
                             "end with END:VCALENDAR");
        if (root)
            icalcomponent_free(root);
        free(lines);
        return NULL;
    }
    c.cal = root;
    c.feed = lf_xcalloc(1, sizeof(*c.feed));
    report_parse_errors(&c, root, 1);

    /* first pass: count, check, collect the overrides of single occurrences */
    size_t n_ov = 0, k = 0;
    struct override *ov = NULL;
    for (icalcomponent *v = icalcomponent_get_first_component(root, ICAL_VEVENT_COMPONENT); v;
         v = icalcomponent_get_next_component(root, ICAL_VEVENT_COMPONENT), k++) {
        int line = k < n_lines ? lines[k] : 0;
        if (k == LF_ICS_MAX_COMPONENTS) {
            ics_error(&c, line, "", "more than %d events in one feed", LF_ICS_MAX_COMPONENTS);
            break;
        }
        report_parse_errors(&c, v, line);
        icalproperty *rid = icalcomponent_get_first_property(v, ICAL_RECURRENCEID_PROPERTY);
        if (!rid)
            continue;
        struct icaltimetype t = icalproperty_get_recurrenceid(rid);
        struct ics_zone z;
        if (!property_zone(&c, rid, t, line, "RECURRENCE-ID", &z))
            continue;
        ov = lf_xrealloc(ov, (n_ov + 1) * sizeof(*ov));
        ov[n_ov++] = (struct override){v, line, icalcomponent_get_uid(v) ? icalcomponent_get_uid(v) : "",
                                       zone_instant(t, &z)};
    }
    c.feed->components = k;
    /* second pass: the series and single events */
    k = 0;
    for (icalcomponent *v = icalcomponent_get_first_component(root, ICAL_VEVENT_COMPONENT);
         v && k < LF_ICS_MAX_COMPONENTS;
         v = icalcomponent_get_next_component(root, ICAL_VEVENT_COMPONENT), k++) {
        if (icalcomponent_get_first_property(v, ICAL_RECURRENCEID_PROPERTY))
            continue;
        read_event(&c, v, k < n_lines ? lines[k] : 0, ov, n_ov);
    }
    /* an override whose series is not in the feed stands alone */
    for (size_t i = 0; i < n_ov && !c.failed; i++) {
        bool has_master = false;
        for (icalcomponent *v = icalcomponent_get_first_component(root, ICAL_VEVENT_COMPONENT); v;
             v = icalcomponent_get_next_component(root, ICAL_VEVENT_COMPONENT)) {
            const char *uid = icalcomponent_get_uid(v);
            if (!icalcomponent_get_first_property(v, ICAL_RECURRENCEID_PROPERTY) && uid &&
                strcmp(uid, ov[i].uid) == 0)
                has_master = true;
        }
        struct ics_when w;
        if (!has_master && read_when(&c, ov[i].v, ov[i].line, &w))
            add_from_component(&c, ov[i].v, ov[i].line, true, &w);
    }
    free(ov);
    free(lines);
    icalcomponent_free(root);
    if (c.failed) {
        lf_ics_feed_destroy(c.feed);
        return NULL;
    }
    return c.feed;
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
