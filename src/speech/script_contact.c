/* Phone numbers, postal and online addresses as they are said
 * (lf_speech_say_phone and lf_speech_say_address in speech/script.h;
 * speech/script_contact.h). */
#include "speech/script.h"
#include "speech/script_contact.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/growing_text.h"
#include "core/limits.h"
#include "core/xalloc.h"
#include "speech/number_words.h"
#include "speech/spoken_words.h"
#include "speech/script_lang.h"


/* ---- phone numbers and addresses ---------------------------------------- */

/* Digit groups as written ("0251 492-7077" -> three groups); a group of
 * more than four digits is said in threes with the rest at the end. A
 * leading "+" is said ("plus"). Groups are separated by commas: a pause. */
void lf_script_say_phone(const char *lang, const char *phone, size_t len,
                         struct lf_growing_text *out)
{
    const char *comma = lf_list_comma(lang);
    const char *p = phone, *end = phone + len;
    bool first = true;
    while (p < end && *p == ' ')
        p++;
    if (p < end && *p == '+') {
        static const char *const plus[] = {"plus", "plus", "artı", "زائد", "به‌علاوه", "плюс",
                                           "плюс", "+"};
        const struct lf_spoken_words *w = lf_script_table_words(lang);
        lf_growing_text_printf(out, "%s ", w ? w->plus : plus[lf_script_spoken_lang(lang)]);
        first = false;
        p++;
    }
    while (p < end) {
        if (*p < '0' || *p > '9') {
            p++;
            continue;
        }
        size_t n = 0;
        while (p + n < end && p[n] >= '0' && p[n] <= '9')
            n++;
        size_t at = 0;
        while (at < n) {
            size_t chunk = n - at <= 4 ? n - at : 3;
            char words[512]; /* four digits' words */
            lf_spell_digits(lang, p + at, chunk, words, sizeof(words));
            if (!first && lf_growing_text_last(out) != ' ')
                lf_growing_text_adds(out, comma);
            lf_growing_text_adds(out, words);
            first = false;
            at += chunk;
        }
        p += n;
    }
}

char *lf_speech_say_phone(const char *lang, const char *phone)
{
    struct lf_growing_text out;
    lf_growing_text_init(&out, LF_MAX_SCRIPT_BYTES, "spoken phone number");
    lf_script_say_phone(lang, phone, strlen(phone), &out);
    return lf_growing_text_take(&out);
}

/* A postal code (five digits) is said digit by digit; the rest as written. */
void lf_script_say_address(const char *lang, const char *address, struct lf_growing_text *out)
{
    for (const char *p = address; *p;) {
        size_t n = 0;
        while (p[n] >= '0' && p[n] <= '9')
            n++;
        bool alone = (p == address || !(p[-1] >= '0' && p[-1] <= '9'));
        if (n == 5 && alone) {
            char words[512]; /* five digits' words */
            lf_spell_digits(lang, p, n, words, sizeof(words));
            lf_growing_text_adds(out, words);
            p += n;
            continue;
        }
        /* house numbers from ... to ("Domplatz 1-3"): "1 bis 3" in German */
        if (n && n <= 4 && alone && p[n] == '-' && p[n + 1] >= '1' && p[n + 1] <= '9' &&
            lf_script_spoken_lang(lang) == L_DE) {
            size_t k = 1;
            while (p[n + k] >= '0' && p[n + k] <= '9')
                k++;
            if (k - 1 <= 4 && strtol(p, NULL, 10) < strtol(p + n + 1, NULL, 10)) {
                lf_growing_text_printf(out, "%.*s bis %.*s", (int)n, p, (int)(k - 1), p + n + 1);
                p += n + k;
                continue;
            }
        }
        size_t step = n ? n : 1;
        lf_growing_text_add(out, p, step);
        p += step;
    }
}

char *lf_speech_say_address(const char *lang, const char *address)
{
    struct lf_growing_text out;
    lf_growing_text_init(&out, LF_MAX_SCRIPT_BYTES, "spoken address");
    lf_script_say_address(lang, address, &out);
    return lf_growing_text_take(&out);
}

/* The part of a web address that is said: its host, without "https://",
 * a user name, the port, the path, the query and the fragment. A
 * listener remembers "www Punkt stadt-muenster Punkt de" and finds the
 * rest there (or through the QR code); a path of 300 characters read out
 * letter by letter helps nobody. An e-mail address (no "http(s)://",
 * an "@" before any "/") is kept whole. *len receives the length said. */
static const char *spoken_address_part(const char *addr, size_t *len)
{
    const char *p = addr;
    bool web = false;
    if (strncmp(p, "https://", 8) == 0) {
        p += 8;
        web = true;
    } else if (strncmp(p, "http://", 7) == 0) {
        p += 7;
        web = true;
    } else if (strncmp(p, "mailto:", 7) == 0) {
        p += 7;
    }
    size_t end = strcspn(p, "/?#");
    const char *at = memchr(p, '@', end);
    if (!web && at) { /* an e-mail address */
        *len = strlen(p);
        return p;
    }
    if (at) /* "https://user@host/": the user is not said */
        p = at + 1;
    end = strcspn(p, "/?#");
    /* a port (":8443") is not said; an IPv6 literal ("[::1]") stays whole */
    const char *colon = *p == '[' ? NULL : memchr(p, ':', end);
    *len = colon ? (size_t)(colon - p) : end;
    return p;
}

/* "info ät ki-muenster Punkt de", "www Punkt stadt-muenster Punkt de"
 * (a web address by its host alone: spoken_address_part). */
void lf_script_say_address_online(const char *lang, const char *written, size_t len,
                                  struct lf_growing_text *out)
{
    static const char *const at[] = {"ät", "at", "et", "آت", "اَت", "равлик", "собака", "@"};
    static const char *const dot[] = {"Punkt", "dot", "nokta", "نقطة", "نقطه", "крапка", "точка",
                                      "."};
    static const char *const slash[] = {"Schrägstrich", "slash", "eğik çizgi", "شرطة مائلة",
                                        "اسلش", "скісна риска", "слэш", "/"};
    enum spoken L = lf_script_spoken_lang(lang);
    const struct lf_spoken_words *tw = lf_script_table_words(lang);
    char *addr = lf_xstrndup(written, len);
    size_t said;
    const char *p = spoken_address_part(addr, &said);
    const char *end = p + said;
    /* voices for other scripts read Latin letters as English: the names
     * in a German address are read by the German voice */
    bool latin_apart = L == L_AR || L == L_FA || L == L_UK || L == L_RU ||
                       (tw && !lf_script_latin_script(lang));
    bool in_name = false;
    for (; p < end; p++) {
        bool separator = *p == '@' || *p == '.' || *p == '/';
        if (latin_apart && separator == in_name) {
            lf_growing_text_adds(out, in_name ? GERMAN_CLOSE : GERMAN_OPEN);
            in_name = !in_name;
        }
        const char *word = NULL;
        if (*p == '@')
            word = tw ? tw->at_sign : at[L];
        else if (*p == '.')
            word = tw ? tw->dot : dot[L];
        else if (*p == '/' && p + 1 < end)
            word = tw ? tw->slash : slash[L];
        else if (*p == '/')
            continue; /* a trailing slash is not said */
        if (word)
            lf_growing_text_printf(out, " %s ", word);
        else
            lf_growing_text_add(out, p, 1);
    }
    if (in_name)
        lf_growing_text_adds(out, GERMAN_CLOSE);
    free(addr);
}
