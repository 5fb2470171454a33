/* Phone numbers, postal and online addresses as they are said
 * (lf_speech_say_phone and lf_speech_say_address in speech/script.h;
 * speech/script_contact.h). */
#include "speech/script.h"
#include "speech/script_contact.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "speech/number_words.h"
#include "speech/spoken_words.h"
#include "speech/script_lang.h"

/* Every phrase is put together with snprintf into a bounded buffer; a
 * text longer than its buffer is cut there on purpose (the bundle's own
 * limits keep real texts far below). GCC cannot see that the words are
 * short and warns for each nesting. */
#pragma GCC diagnostic ignored "-Wformat-truncation"

/* ---- phone numbers and addresses ---------------------------------------- */

/* Digit groups as written ("0251 492-7077" -> three groups); a group of
 * more than four digits is said in threes with the rest at the end. A
 * leading "+" is said ("plus"). Groups are separated by commas: a pause. */
void lf_speech_say_phone(const char *lang, const char *phone, char *buf, size_t size)
{
    size_t o = 0;
    buf[0] = '\0';
    const char *comma = lf_list_comma(lang);
    const char *p = phone;
    while (*p == ' ')
        p++;
    if (*p == '+') {
        static const char *const plus[] = {"plus", "plus", "artı", "زائد", "به‌علاوه", "плюс",
                                           "плюс", "+"};
        const struct lf_spoken_words *w = lf_script_table_words(lang);
        o += (size_t)snprintf(buf, size, "%s ", w ? w->plus : plus[lf_script_spoken_lang(lang)]);
        p++;
    }
    while (*p && o + 1 < size) {
        if (*p < '0' || *p > '9') {
            p++;
            continue;
        }
        size_t n = 0;
        while (p[n] >= '0' && p[n] <= '9')
            n++;
        size_t at = 0;
        while (at < n) {
            size_t chunk = n - at <= 4 ? n - at : 3;
            char words[512];
            lf_spell_digits(lang, p + at, chunk, words, sizeof(words));
            int w = snprintf(buf + o, size - o, "%s%s", o && buf[o - 1] != ' ' ? comma : "",
                             words);
            if (w < 0 || (size_t)w >= size - o)
                return;
            o += (size_t)w;
            at += chunk;
        }
        p += n;
    }
}

/* A postal code (five digits) is said digit by digit; the rest as written. */
void lf_speech_say_address(const char *lang, const char *address, char *buf, size_t size)
{
    size_t o = 0;
    buf[0] = '\0';
    for (const char *p = address; *p && o + 1 < size;) {
        size_t n = 0;
        while (p[n] >= '0' && p[n] <= '9')
            n++;
        bool alone = (p == address || !(p[-1] >= '0' && p[-1] <= '9'));
        if (n == 5 && alone) {
            char words[512];
            lf_spell_digits(lang, p, n, words, sizeof(words));
            int w = snprintf(buf + o, size - o, "%s", words);
            if (w < 0 || (size_t)w >= size - o)
                return;
            o += (size_t)w;
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
                int w = snprintf(buf + o, size - o, "%.*s bis %.*s", (int)n, p, (int)(k - 1),
                                 p + n + 1);
                if (w < 0 || (size_t)w >= size - o)
                    return;
                o += (size_t)w;
                p += n + k;
                continue;
            }
        }
        size_t step = n ? n : 1;
        if (o + step + 1 > size)
            return;
        memcpy(buf + o, p, step);
        o += step;
        buf[o] = '\0';
        p += step;
    }
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
void lf_script_say_address_online(const char *lang, const char *addr, char *buf, size_t size)
{
    static const char *const at[] = {"ät", "at", "et", "آت", "اَت", "равлик", "собака", "@"};
    static const char *const dot[] = {"Punkt", "dot", "nokta", "نقطة", "نقطه", "крапка", "точка",
                                      "."};
    static const char *const slash[] = {"Schrägstrich", "slash", "eğik çizgi", "شرطة مائلة",
                                        "اسلش", "скісна риска", "слэш", "/"};
    enum spoken L = lf_script_spoken_lang(lang);
    const struct lf_spoken_words *tw = lf_script_table_words(lang);
    size_t said;
    const char *p = spoken_address_part(addr, &said);
    const char *end = p + said;
    /* voices for other scripts read Latin letters as English: the names
     * in a German address are read by the German voice */
    bool latin_apart = L == L_AR || L == L_FA || L == L_UK || L == L_RU ||
                       (tw && !lf_script_latin_script(lang));
    bool in_name = false;
    size_t o = 0;
    buf[0] = '\0';
    for (; p < end && o + 8 < size; p++) {
        bool separator = *p == '@' || *p == '.' || *p == '/';
        if (latin_apart && separator == in_name) {
            buf[o++] = in_name ? GERMAN_CLOSE[0] : GERMAN_OPEN[0];
            buf[o] = '\0';
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
        int w = word ? snprintf(buf + o, size - o, " %s ", word)
                     : snprintf(buf + o, size - o, "%c", *p);
        if (w < 0 || (size_t)w >= size - o)
            return;
        o += (size_t)w;
    }
    if (in_name && o + 1 < size) {
        buf[o++] = GERMAN_CLOSE[0];
        buf[o] = '\0';
    }
}
