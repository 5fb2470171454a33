/* Recognises the usual mistakes of hand-written JSON around the place
 * where jansson stopped; see json_hint.h. */
#include "content/json_hint.h"

#include <stdio.h>
#include <string.h>

static bool space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Offset of the last non-space byte before `at`, or (size_t)-1. */
static size_t before(const char *t, size_t at)
{
    while (at > 0) {
        at--;
        if (!space(t[at]))
            return at;
    }
    return (size_t)-1;
}

static bool starts(const char *t, size_t len, size_t at, const char *s)
{
    size_t n = strlen(s);
    return at + n <= len && memcmp(t + at, s, n) == 0;
}

/* Typographic quotation marks that editors and word processors write
 * instead of the straight " (UTF-8). */
static const char *const curly[] = {"\xE2\x80\x9E" /* „ */, "\xE2\x80\x9C" /* “ */,
                                    "\xE2\x80\x9D" /* ” */, "\xE2\x80\x9A" /* ‚ */,
                                    "\xE2\x80\x98" /* ‘ */, "\xE2\x80\x99" /* ’ */,
                                    "\xC2\xAB" /* « */,     "\xC2\xBB" /* » */};

static bool curly_at(const char *t, size_t len, size_t at)
{
    for (size_t i = 0; i < sizeof(curly) / sizeof(curly[0]); i++)
        if (starts(t, len, at, curly[i]))
            return true;
    return false;
}

/* The end of a value: a closing quote, bracket, digit or the last letter
 * of true/false/null. */
static bool value_end(char c)
{
    return c == '"' || c == '}' || c == ']' || (c >= '0' && c <= '9') || c == 'e' || c == 'l';
}

static bool letter(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

/* A phone number written as a bare number: digits with spaces, "-", "/",
 * "(", ")", a leading "+" or a leading 0, up to the end of the line or a
 * comma. */
static bool bare_phone(const char *t, size_t len, size_t at)
{
    if (at >= len || !((t[at] >= '0' && t[at] <= '9') || t[at] == '+'))
        return false;
    bool sep = t[at] == '+' || t[at] == '0';
    size_t digits = 0;
    for (size_t i = at; i < len && t[i] != '\n' && t[i] != ',' && t[i] != '}'; i++) {
        char c = t[i];
        if (c >= '0' && c <= '9')
            digits++;
        else if (c == ' ' || c == '-' || c == '/' || c == '(' || c == ')' || c == '+')
            sep = true;
        else if (c != '\r' && c != '\t')
            return false;
    }
    return sep && digits >= 3;
}

bool lf_json_syntax_hint(const char *t, size_t len, size_t token, char *msg, size_t size,
                         size_t *at)
{
    if (token > len)
        token = len;
    size_t prev = before(t, token);
    char p = prev == (size_t)-1 ? '\0' : t[prev];
    char c = token < len ? t[token] : '\0';

    if (curly_at(t, len, token) || (c == '"' && prev != (size_t)-1 && curly_at(t, len, prev))) {
        snprintf(msg, size, "typographic quotes („ “ ” ‘ ’ « ») are not JSON quotes: write "
                            "straight double quotes \"...\" (a word processor or the editor's "
                            "\"smart quotes\" put them in)");
        *at = token;
        return true;
    }
    if (c == '/' && token + 1 < len && (t[token + 1] == '/' || t[token + 1] == '*')) {
        snprintf(msg, size, "a comment: JSON has no comments, remove it (a note for the "
                            "screen belongs in a field)");
        *at = token;
        return true;
    }
    if (c == '#') {
        snprintf(msg, size, "a comment (#): JSON has no comments, remove it");
        *at = token;
        return true;
    }
    if (c == '\'') {
        snprintf(msg, size, "single quotes: texts and field names are written in double "
                            "quotes \"...\"");
        *at = token;
        return true;
    }
    if (p == ':' && bare_phone(t, len, token)) {
        snprintf(msg, size, "a phone number (or another number with spaces, dashes or a "
                            "leading 0) must be written as a text in quotes, e.g. "
                            "\"0251 492-7077\"");
        *at = token;
        return true;
    }
    if (p == ',' && (c == '}' || c == ']')) {
        snprintf(msg, size, "a comma after the last %s: remove this comma (there is no comma "
                            "before a closing %c)",
                 c == '}' ? "field" : "entry", c);
        *at = prev;
        return true;
    }
    if (p == ',' && c == '\0') {
        snprintf(msg, size, "the file ends after a comma: something is missing after it, or a "
                            "closing } or ]");
        *at = prev;
        return true;
    }
    if (c == '\0') {
        snprintf(msg, size, "the file ends too early: a closing } or ] or a closing quote \" "
                            "is missing (every { needs its }, every [ its ])");
        *at = prev == (size_t)-1 ? 0 : prev;
        return true;
    }
    if ((c == '"' || c == '{' || c == '[' || (c >= '0' && c <= '9') || c == '-' || c == 't' ||
         c == 'f' || c == 'n') &&
        prev != (size_t)-1 && value_end(p) && p != ':' ) {
        /* two values in a row: the comma between them is missing, at the
         * end of the earlier one (usually the line before) */
        snprintf(msg, size, "a comma is missing here, at the end of this %s (before the next "
                            "%s)",
                 p == '}' ? "item" : "field", c == '{' ? "item" : "field");
        *at = prev + 1;
        return true;
    }
    if (letter(c) && (p == '{' || p == ',')) {
        snprintf(msg, size, "a field name without quotes: write it in double quotes, e.g. "
                            "\"title\": ...");
        *at = token;
        return true;
    }
    if (letter(c) && (p == ':' || p == '[')) {
        snprintf(msg, size, "a text without quotes: write texts in double quotes, e.g. "
                            "\"Sprachcafé\" (only numbers, true, false and null go without)");
        *at = token;
        return true;
    }
    if ((c == '=' || c == ';') && p == '"') {
        snprintf(msg, size, "a field name and its value are separated by a colon: \"title\": "
                            "\"...\"");
        *at = token;
        return true;
    }
    return false;
}
