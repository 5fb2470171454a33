/* The kiosk's own words: lookup along a tag's fallbacks, the bundle's
 * overrides, and the checks `validate` runs on them. The words themselves
 * are in phrase_table.c; dates and language names in locale.c. */
#include "layout/phrases.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "content/bundle.h"
#include "core/diag.h"
#include "core/xalloc.h"
#include "layout/phrase_table.h"

/* content.json's names for the phrases. */
static const char *const keys[LF_P_COUNT] = {
    [LF_P_EVENTS] = "events",
    [LF_P_OFFERS] = "offers",
    [LF_P_CONTACTS] = "contacts",
    [LF_P_UPCOMING] = "upcoming",
    [LF_P_WHEN] = "when",
    [LF_P_WHERE] = "where",
    [LF_P_REGISTRATION] = "registration",
    [LF_P_ORGANISER] = "organiser",
    [LF_P_PROVIDER] = "provider",
    [LF_P_AUDIENCE] = "audience",
    [LF_P_LANGUAGES] = "languages",
    [LF_P_HOURS] = "hours",
    [LF_P_CONTACT] = "contact",
    [LF_P_OPEN_UNTIL] = "open_until",
    [LF_P_OPENS_TODAY] = "opens_today",
    [LF_P_OPENS_TOMORROW] = "opens_tomorrow",
    [LF_P_OPENS_ON] = "opens_on",
    [LF_P_CLOSED] = "closed",
    [LF_P_OPEN_NOW] = "open_now",
    [LF_P_RUNNING_NOW] = "running_now",
    [LF_P_TODAY] = "today",
    [LF_P_TOMORROW] = "tomorrow",
    [LF_P_NOTICE] = "notice",
    [LF_P_URGENT] = "urgent",
    [LF_P_SAMPLE] = "sample",
    [LF_P_YEARLY] = "yearly",
    [LF_P_CONTINUED] = "continued",
    [LF_P_IN_GERMAN] = "in_german",
    [LF_P_BACK] = "back",
    [LF_P_TAP_HINT] = "tap_hint",
    [LF_P_SCAN] = "scan",
    [LF_P_UPDATED] = "updated",
    [LF_P_NO_EVENTS] = "no_events",
    [LF_P_NO_OFFERS] = "no_offers",
    [LF_P_NO_CONTACTS] = "no_contacts",
    [LF_P_ALL_DAY] = "all_day",
    [LF_P_UNTIL] = "until",
    [LF_P_CANCELLED] = "cancelled",
    [LF_P_MORE_LANGUAGES] = "more_languages",
    [LF_P_CHOOSE_LANGUAGE] = "choose_language",
    [LF_P_READ_ALOUD] = "read_aloud",
    [LF_P_STOP_READING] = "stop_reading",
    [LF_P_SLOWER] = "slower",
    [LF_P_NO_VOICE] = "no_voice",
    [LF_P_CLOCK] = "clock",
    [LF_P_SPAN] = "span",
};

const char *lf_phrase_key(enum lf_phrase p)
{
    return (int)p >= 0 && p < LF_P_COUNT && keys[p] ? keys[p] : "";
}

bool lf_phrase_from_key(const char *key, enum lf_phrase *p)
{
    for (int i = 0; i < LF_P_COUNT; i++)
        if (keys[i] && strcmp(keys[i], key) == 0) {
            *p = (enum lf_phrase)i;
            return true;
        }
    return false;
}

/* ---- the bundle's overrides ---- */

struct override {
    char *lang;
    enum lf_phrase p;
    char *text;
};
static struct override *overrides;
static size_t n_overrides;

void lf_phrases_use(const struct lf_bundle *b)
{
    for (size_t i = 0; i < n_overrides; i++) {
        free(overrides[i].lang);
        free(overrides[i].text);
    }
    free(overrides);
    overrides = NULL;
    n_overrides = 0;
    if (!b || b->n_phrases == 0)
        return;
    overrides = lf_xcalloc(b->n_phrases, sizeof(*overrides));
    for (size_t i = 0; i < b->n_phrases; i++) {
        const struct lf_bundle_phrase *ph = &b->phrases[i];
        enum lf_phrase p;
        if (!lf_phrase_from_key(ph->key, &p) || !lf_phrase_format_ok(p, ph->text))
            continue; /* validate warns about it; the built-in word stays */
        overrides[n_overrides++] = (struct override){lf_xstrdup(ph->lang), p,
                                                     lf_xstrdup(ph->text)};
    }
}

/* ---- lookup ---- */

/* Tags that name the same words as another: Dari is also written fa-AF;
 * Kurmanji is ku or kmr; Kurmanji in Arabic script is read by Sorani
 * readers' words (both are written in the same Kurdish-Arabic alphabet). */
static const char *alias_of(const char *lang)
{
    static const struct {
        const char *tag, *as;
    } aliases[] = {
        {"fa-AF", "prs"}, {"kmr", "ku"}, {"kmr-Latn", "ku"}, {"ku-Latn", "ku"},
        {"ku-Arab", "ckb"}, {"kmr-Arab", "ckb"}, {"sr-Cyrl", "sr"}, {"ckb-Arab", "ckb"},
        {"ti-ER", "ti"}, {"ti-ET", "ti"},
        /* Chinese of Taiwan, Hong Kong and Macao is written in traditional
         * characters: never the simplified "zh" */
        {"zh-TW", "zh-Hant"}, {"zh-HK", "zh-Hant"}, {"zh-MO", "zh-Hant"},
        {"no", "nb"}, {"nn", "nb"}, /* Norwegian: Bokmål's words, which Nynorsk readers read */
        /* a script the built-in words are not in: the words of the language
         * its readers were schooled in, never letters they may not read:
         * Punjabi in Shahmukhi (Pakistan) reads Urdu's, not Gurmukhi;
         * Azerbaijani in Arabic script (Iran) reads Persian's */
        {"pa-Arab", "ur"}, {"pa-PK", "ur"}, {"pnb", "ur"}, {"az-Arab", "fa"}, {"az-IR", "fa"},
        {"azb", "fa"},
        /* Vlax and Balkan Romani: the words the Romani table has are theirs */
        {"rmy", "rom"}, {"rmn", "rom"},
    };
    for (size_t i = 0; i < sizeof(aliases) / sizeof(aliases[0]); i++) {
        size_t n = strlen(aliases[i].tag);
        if (strncasecmp(lang, aliases[i].tag, n) == 0 && (lang[n] == '\0' || lang[n] == '-'))
            return aliases[i].as;
    }
    return NULL;
}

static const struct lf_phrase_table *builtin(const char *tag, size_t n)
{
    for (size_t i = 0; i < lf_n_phrase_tables; i++)
        if (strlen(lf_phrase_tables[i].lang) == n &&
            strncasecmp(lf_phrase_tables[i].lang, tag, n) == 0)
            return &lf_phrase_tables[i];
    return NULL;
}

static const char *override(const char *tag, size_t n, enum lf_phrase p)
{
    /* the last entry wins, as a later line in a file would */
    for (size_t i = n_overrides; i-- > 0;)
        if (overrides[i].p == p && strlen(overrides[i].lang) == n &&
            strncasecmp(overrides[i].lang, tag, n) == 0)
            return overrides[i].text;
    return NULL;
}

/* The words for tag[0..n) or its shorter forms ("sr-Latn-RS", "sr-Latn",
 * "sr"); NULL when none of them has p. */
static const char *along(const char *tag, size_t n, enum lf_phrase p)
{
    while (n >= 2) {
        const char *o = override(tag, n, p);
        if (o)
            return o;
        const struct lf_phrase_table *t = builtin(tag, n);
        if (t && t->p[p])
            return t->p[p];
        /* drop the last subtag; a private-use part goes as a whole ("-x-ls") */
        size_t cut = n;
        while (cut > 0 && tag[cut - 1] != '-')
            cut--;
        if (cut < 2)
            break;
        n = cut - 1;
        if (n >= 2 && tag[n - 2] == '-' && (tag[n - 1] == 'x' || tag[n - 1] == 'X'))
            n -= 2;
    }
    return NULL;
}

static const char *own_words(const char *lang, enum lf_phrase p)
{
    if (!lang || !lang[0])
        return NULL;
    /* the tag as written, then the tag it stands for ("fa-AF": Dari, not
     * Iranian Persian; "ku-Arab": Arabic script, not Latin), then shorter */
    size_t n = strlen(lang);
    const char *w = override(lang, n, p);
    const struct lf_phrase_table *t = builtin(lang, n);
    if (!w && t)
        w = t->p[p];
    const char *as = alias_of(lang);
    if (!w && as)
        w = along(as, strlen(as), p);
    return w ? w : along(lang, n, p);
}

const char *lf_phrase(const char *lang, enum lf_phrase p)
{
    if ((int)p < 0 || p >= LF_P_COUNT)
        return "";
    const char *w = own_words(lang, p);
    if (!w)
        w = along(LF_PHRASE_FALLBACK, strlen(LF_PHRASE_FALLBACK), p);
    return w ? w : "";
}

bool lf_phrase_has(const char *lang, enum lf_phrase p)
{
    return (int)p >= 0 && p < LF_P_COUNT && own_words(lang, p) != NULL;
}

size_t lf_phrase_languages(const char *const **tags)
{
    static const char *list[128];
    static size_t n;
    if (n == 0)
        for (size_t i = 0; i < lf_n_phrase_tables && n < sizeof(list) / sizeof(list[0]); i++)
            list[n++] = lf_phrase_tables[i].lang;
    *tags = list;
    return n;
}

/* ---- placeholders ---- */

/* The printf conversions of s: how many plain "%s", and a bit per
 * positional "%N$s". False on anything else. */
static bool conversions(const char *s, int *plain, unsigned *positional, int *positional_n)
{
    *plain = 0;
    *positional = 0;
    *positional_n = 0;
    for (const char *c = s; (c = strchr(c, '%')) != NULL;) {
        c++;
        if (*c == '%') {
            c++;
        } else if (*c == 's') {
            (*plain)++;
            c++;
        } else if (*c >= '1' && *c <= '9' && c[1] == '$' && c[2] == 's') {
            unsigned bit = 1u << (*c - '1');
            if (*positional & bit)
                return false; /* twice: allowed by printf, but never meant */
            *positional |= bit;
            (*positional_n)++;
            c += 3;
        } else {
            return false;
        }
    }
    return !(*plain && *positional_n); /* mixing is undefined in printf */
}

static int arguments(enum lf_phrase p)
{
    const struct lf_phrase_table *de = builtin(LF_PHRASE_FALLBACK, strlen(LF_PHRASE_FALLBACK));
    int plain, n;
    unsigned pos;
    if (!de || !de->p[p] || !conversions(de->p[p], &plain, &pos, &n))
        return 0;
    return plain + n;
}

bool lf_phrase_format_ok(enum lf_phrase p, const char *text)
{
    if ((int)p < 0 || p >= LF_P_COUNT || !text)
        return false;
    int plain, n;
    unsigned pos;
    if (!conversions(text, &plain, &pos, &n))
        return false;
    int want = arguments(p);
    if (n > 0)
        return n == want && pos == (1u << want) - 1;
    return plain == want;
}

/* ---- validate ---- */

void lf_phrases_check(const struct lf_bundle *b, struct lf_diags *diags)
{
    lf_phrases_use(b); /* what is missing counts the bundle's own words too */
    char file[4096];
    size_t dl = b->dir ? strlen(b->dir) : 0;
    snprintf(file, sizeof(file), "%s%scontent.json", b->dir ? b->dir : "",
             dl > 0 && b->dir[dl - 1] != '/' ? "/" : "");
    for (size_t i = 0; i < b->n_phrases; i++) {
        const struct lf_bundle_phrase *ph = &b->phrases[i];
        char path[LF_MAX_LANG_TAG + LF_MAX_PHRASE_KEY + 16];
        snprintf(path, sizeof(path), "phrases.%s.%s", ph->lang, ph->key);
        enum lf_phrase p;
        if (!lf_phrase_from_key(ph->key, &p)) {
            char known[1024] = "";
            size_t used = 0;
            for (int k = 0; k < LF_P_COUNT && used < sizeof(known); k++)
                used += (size_t)snprintf(known + used, sizeof(known) - used, "%s%s",
                                         k ? ", " : "", keys[k]);
            lf_diags_add(diags, LF_DIAG_WARNING, file, ph->line, ph->column, path,
                         "not one of the kiosk's words, ignored (known: %s)", known);
            continue;
        }
        if (!lf_phrase_format_ok(p, ph->text)) {
            int want = arguments(p);
            const char *how = want == 0 ? "no %-placeholder (write %% for a percent sign)"
                              : want == 1 ? "%s exactly once, where the value goes"
                              : p == LF_P_SPAN ? "%1$s (the first day) and %2$s (the last day) once each"
                                          : "%1$s (the weekday) and %2$s (the time) once each";
            lf_diags_add(diags, LF_DIAG_WARNING, file, ph->line, ph->column, path,
                         "must contain %s; the built-in word is shown instead", how);
        }
    }
    for (size_t l = 0; l < b->n_languages; l++) {
        const char *lang = b->languages[l];
        char missing[2048] = "";
        size_t used = 0, n = 0;
        for (int k = 0; k < LF_P_COUNT; k++) {
            if (lf_phrase_has(lang, (enum lf_phrase)k))
                continue;
            n++;
            if (used < sizeof(missing))
                used += (size_t)snprintf(missing + used, sizeof(missing) - used, "%s%s",
                                         n > 1 ? ", " : "", keys[k]);
        }
        if (n == 0)
            continue;
        char path[LF_MAX_LANG_TAG + 16];
        snprintf(path, sizeof(path), "phrases.%s", lang);
        lf_diags_add(diags, LF_DIAG_WARNING, file, 0, 0, path,
                     "%zu of the kiosk's %d words have no %s text and show in German: %s "
                     "(add them under \"phrases\": {\"%s\": {...}})",
                     n, (int)LF_P_COUNT, lang, missing, lang);
    }
}
