/* Suggestions for unknown field names: a table of synonyms people write
 * (English variants, German words, other formats' names), then an
 * optimal-string-alignment edit distance for typos. */
#include "content/field_hint.h"

#include <ctype.h>
#include <stdbool.h>
#include <string.h>
#include <strings.h>

/* Longest field name compared by edit distance; longer ones get no typo
 * suggestion (no field of the format is that long). */
#define HINT_MAX_NAME 40

/* What people write -> what the format calls it. A name may have several
 * meanings ("from": an event's start, a notice's valid_from, an hours
 * range's from); the first whose target is a known field wins. */
static const struct {
    const char *said, *meant;
} synonyms[] = {
    {"organizer", "organiser"},   {"organisator", "organiser"}, {"veranstalter", "organiser"},
    {"host", "organiser"},        {"location", "place"},        {"location", "address"},
    {"venue", "place"},           {"ort", "place"},             {"ort", "address"},
    {"where", "place"},           {"where", "address"},         {"adresse", "address"},
    {"street", "address"},        {"strasse", "address"},       {"raum", "room"},
    {"name", "title"},            {"titel", "title"},           {"headline", "title"},
    {"heading", "title"},         {"ueberschrift", "title"},    {"überschrift", "title"},
    {"text", "description"},      {"text", "message"},          {"body", "description"},
    {"body", "message"},          {"desc", "description"},      {"details", "description"},
    {"summary", "description"},   {"summary", "message"},       {"beschreibung", "description"},
    {"info", "description"},      {"info", "message"},          {"content", "message"},
    {"nachricht", "message"},     {"website", "url"},           {"web", "url"},
    {"link", "url"},              {"homepage", "url"},          {"internet", "url"},
    {"www", "url"},               {"mail", "email"},            {"e-mail", "email"},
    {"e_mail", "email"},          {"emailaddress", "email"},    {"tel", "phone"},
    {"telephone", "phone"},       {"telefon", "phone"},         {"phone_number", "phone"},
    {"phonenumber", "phone"},     {"mobile", "phone"},          {"date", "start"},
    {"begin", "start"},           {"beginn", "start"},          {"start_time", "start"},
    {"starts", "start"},          {"from", "start"},            {"from", "valid_from"},
    {"from", "from"},             {"end_time", "end"},          {"ende", "end"},
    {"ends", "end"},              {"until", "end"},             {"until", "valid_until"},
    {"to", "end"},                {"to", "valid_until"},        {"bis", "to"},
    {"von", "from"},              {"valid_to", "valid_until"},  {"expires", "valid_until"},
    {"opening_hours", "hours"},   {"openinghours", "hours"},    {"office_hours", "hours"},
    {"times", "hours"},           {"sprechzeiten", "hours"},    {"oeffnungszeiten", "hours"},
    {"öffnungszeiten", "hours"},  {"picture", "image"},         {"img", "image"},
    {"photo", "image"},           {"poster", "image"},          {"bild", "image"},
    {"category", "tags"},         {"categories", "tags"},       {"keywords", "tags"},
    {"tag", "tags"},              {"language", "languages"},    {"sprachen", "languages"},
    {"spoken_languages", "languages"}, {"register", "registration"},
    {"signup", "registration"},   {"anmeldung", "registration"}, {"audiences", "audience"},
    {"target_group", "audience"}, {"zielgruppe", "audience"},   {"traeger", "provider"},
    {"träger", "provider"},       {"organization", "organisation"},
    {"organisationname", "organisation"}, {"lang", "default_language"},
    {"default_lang", "default_language"}, {"type", "kind"},     {"art", "kind"},
    {"weekdays", "days"},         {"tage", "days"},             {"repeat", "recurrence"},
    {"recurring", "recurrence"},  {"wiederholung", "recurrence"}, {"prio", "priority"},
    {"urgent", "priority"},       {"abteilung", "unit"},        {"department", "unit"},
    {"position", "role"},         {"funktion", "role"},         {"notes", "note"},
    {"hinweis", "note"},
    /* fields of another kind of item */
    {"place", "address"},         {"place", "room"},            {"organiser", "provider"},
    {"provider", "organiser"},    {"description", "message"},   {"message", "description"},
    {"start", "valid_from"},      {"end", "valid_until"},       {"valid_from", "start"},
    {"valid_until", "end"},
};

static bool is_known(const char *name, const char *const *known, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(known[i], name) == 0)
            return true;
    return false;
}

/* Optimal string alignment distance, case-insensitive (ASCII). */
static size_t distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    size_t d[HINT_MAX_NAME + 1][HINT_MAX_NAME + 1];
    for (size_t i = 0; i <= la; i++)
        d[i][0] = i;
    for (size_t j = 0; j <= lb; j++)
        d[0][j] = j;
    for (size_t i = 1; i <= la; i++) {
        for (size_t j = 1; j <= lb; j++) {
            int ca = tolower((unsigned char)a[i - 1]), cb = tolower((unsigned char)b[j - 1]);
            size_t best = d[i - 1][j - 1] + (ca != cb);
            if (d[i - 1][j] + 1 < best)
                best = d[i - 1][j] + 1;
            if (d[i][j - 1] + 1 < best)
                best = d[i][j - 1] + 1;
            if (i > 1 && j > 1 && ca == tolower((unsigned char)b[j - 2]) &&
                tolower((unsigned char)a[i - 2]) == cb && d[i - 2][j - 2] + 1 < best)
                best = d[i - 2][j - 2] + 1;
            d[i][j] = best;
        }
    }
    return d[la][lb];
}

const char *lf_field_suggest(const char *unknown, const char *const *known, size_t n)
{
    if (!unknown || !*unknown)
        return NULL;
    for (size_t i = 0; i < sizeof(synonyms) / sizeof(synonyms[0]); i++)
        if (strcasecmp(synonyms[i].said, unknown) == 0 && is_known(synonyms[i].meant, known, n))
            return synonyms[i].meant;
    size_t len = strlen(unknown);
    if (len > HINT_MAX_NAME)
        return NULL;
    /* a typo: one mistake in short names, two from seven letters on */
    size_t allowed = len >= 7 ? 2 : 1;
    const char *best = NULL;
    size_t best_d = allowed + 1;
    for (size_t i = 0; i < n; i++) {
        if (strlen(known[i]) > HINT_MAX_NAME)
            continue;
        size_t dd = distance(unknown, known[i]);
        /* never "suggest" a name for one of one or two letters ("to" for "x") */
        if (dd < best_d && dd < strlen(known[i]) && dd < len) {
            best = known[i];
            best_d = dd;
        }
    }
    return best;
}
