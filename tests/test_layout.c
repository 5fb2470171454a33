/* Layout: wrapping and fitting text, mirroring, and whole slides in both
 * orientations: every text inside the screen, no two texts overlapping,
 * nothing below the minimum size, long text continued instead of clipped.
 * Text is measured by a fake (fixed advance per code point), so these
 * tests need no fonts and no display. */
#include <ctype.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/carousel.h"
#include "core/civil_time.h"
#include "layout/frame.h"
#include "layout/hyphen.h"
#include "layout/measure_memo.h"
#include "layout/phrases.h"
#include "layout/slide_layout.h"
#include "layout/text_fit.h"
#include "layout/theme.h"
#include "support/fake_measure.h"

static const struct lf_measure fake = FAKE_MEASURE; /* tests/support/fake_measure.h */

static int setup(void **state)
{
    (void)state;
    return lf_civil_time_init() ? 0 : -1;
}

/* ---- text_fit ------------------------------------------------------------ */

static void wrap_breaks_at_spaces(void **state)
{
    (void)state;
    struct lf_wrapped w;
    /* 10 px per code point at px 20 bold? regular: 0.55 * 20 = 11 px */
    lf_wrap(&fake, LF_FACE_REGULAR, 20, "eins zwei drei vier", 11 * 9, 10, &w);
    assert_int_equal(w.n, 2);
    assert_int_equal(w.lines[0].start, 0);
    assert_int_equal(w.lines[0].len, 9); /* "eins zwei" */
    assert_int_equal(w.lines[1].start, 10);
    assert_int_equal(w.lines[1].len, 9); /* "drei vier" */
    assert_int_equal(w.rest, 0);
    for (size_t i = 0; i < w.n; i++)
        assert_true(w.lines[i].width <= 11 * 9);
}

static void wrap_honours_newlines_and_long_words(void **state)
{
    (void)state;
    struct lf_wrapped w;
    lf_wrap(&fake, LF_FACE_REGULAR, 20, "a\nb", 1000, 10, &w);
    assert_int_equal(w.n, 2);
    /* a word wider than the line is split (without patterns: by code
     * point), never overflows, and each break shows a hyphen */
    lf_wrap(&fake, LF_FACE_REGULAR, 20, "Integrationszentrum", 11 * 5, 10, &w);
    assert_int_equal(w.n, 5);
    for (size_t i = 0; i < w.n; i++) {
        assert_true(w.lines[i].width <= 11 * 5);
        assert_true(w.lines[i].hyphen == (i + 1 < w.n));
    }
    /* breaks after a hyphen: "Migrations-leitbild" */
    lf_wrap(&fake, LF_FACE_REGULAR, 20, "Migrations-leitbild", 11 * 12, 10, &w);
    assert_int_equal(w.n, 2);
    assert_int_equal(w.lines[0].len, strlen("Migrations-"));
    /* no break in a phone number at its hyphen (UAX #14 LB25), nor between
     * its groups where the line has an earlier break, nor in an e-mail or
     * web address */
    lf_wrap(&fake, LF_FACE_REGULAR, 20, "Tel. 0251 492-7077", 11 * 15, 10, &w);
    assert_int_equal(w.n, 2);
    assert_int_equal(w.lines[1].start, strlen("Tel. "));
    assert_int_equal(w.lines[1].len, strlen("0251 492-7077"));
    /* a list of numbers: each whole on its line ("+49 251 | 492-7073" was
     * parted); a number wider than a line still breaks between groups */
    const char *phones = "0251 492-7070, 0176 12345678, +49 251 492-7073, 0800 111 0 111";
    lf_wrap(&fake, LF_FACE_REGULAR, 20, phones, 11 * 30, 10, &w);
    static const char *const phone_lines[] = {"0251 492-7070, 0176 12345678,",
                                              "+49 251 492-7073,", "0800 111 0 111"};
    assert_int_equal(w.n, 3);
    for (size_t i = 0; i < w.n; i++) {
        char line[128];
        lf_line_text(phones, &w.lines[i], line, sizeof(line));
        assert_string_equal(line, phone_lines[i]);
    }
    lf_wrap(&fake, LF_FACE_REGULAR, 20, "0800 111 0 111", 11 * 9, 10, &w);
    assert_int_equal(w.n, 2);
    assert_false(w.split_word);
    lf_wrap(&fake, LF_FACE_REGULAR, 20, "an meiber@stadt-muenster.de", 11 * 20, 10, &w);
    assert_int_equal(w.n, 3);
    /* wider than the line: split before its "-", which starts the next line */
    assert_int_equal(w.lines[1].len, strlen("meiber@stadt"));
    assert_false(w.lines[1].hyphen);
    assert_true(w.split_word);
    lf_wrap(&fake, LF_FACE_REGULAR, 20, "https://www.muenster.de/zuwanderung-integration", 11 * 30, 10, &w);
    assert_true(w.split_word);
    lf_wrap(&fake, LF_FACE_REGULAR, 20, "siehe www.stadt-muenster.de", 11 * 22, 10, &w);
    assert_int_equal(w.n, 2);
    assert_int_equal(w.lines[1].len, strlen("www.stadt-muenster.de"));
    /* multi-byte text is never cut inside a code point */
    const char *ar = "مركز الاندماج البلدي";
    lf_wrap(&fake, LF_FACE_REGULAR, 20, ar, 11 * 6, 10, &w);
    for (size_t i = 0; i < w.n; i++)
        assert_true(((unsigned char)ar[w.lines[i].start] & 0xC0) != 0x80);
}

/* Words too long for a line are hyphenated with the language's patterns
 * (libhyphen, hyphen-de); soft hyphens are break points that show a
 * hyphen and are otherwise never drawn; a word is never broken without
 * one; addresses break after their punctuation, unchanged. */
static void wrap_hyphenates(void **state)
{
    (void)state;
    struct lf_measure de = fake;
    de.lang = "de";
    de.hyphenator = lf_hyphenator_default();
    struct lf_wrapped w;
    char line[256];
    /* 14 characters of room: "Integrations-" (a pattern point), not "Integrationsz-" */
    lf_wrap(&de, LF_FACE_REGULAR, 20, "Integrationszentrum", 11 * 14, 10, &w);
    assert_int_equal(w.n, 2);
    lf_line_text("Integrationszentrum", &w.lines[0], line, sizeof(line));
    assert_string_equal(line, "Integrations-");
    assert_true(w.split_word);
    /* the dictionary is per language: the same word without one breaks by character */
    struct lf_measure xx = de;
    xx.lang = "xx";
    lf_wrap(&xx, LF_FACE_REGULAR, 20, "Integrationszentrum", 11 * 14, 10, &w);
    lf_line_text("Integrationszentrum", &w.lines[0], line, sizeof(line));
    assert_string_equal(line, "Integrationsz-");
    /* "...stellenleite / rin" never again: every line that ends inside a word ends in "-" */
    const char *text = "Die Integrationsbeauftragte und Gleichstellungsbeauftragte "
                       "Fachstellenleiterin Migrationssozialberatung";
    for (int width = 11 * 8; width <= 11 * 30; width += 11) {
        lf_wrap(&de, LF_FACE_REGULAR, 20, text, width, 40, &w);
        for (size_t i = 0; i + 1 < w.n; i++) {
            size_t end = w.lines[i].start + w.lines[i].len;
            bool inside = text[end] != ' ' && text[end - 1] != '-';
            if (inside && !w.lines[i].hyphen)
                fail_msg("width %d: line %zu \"%.*s\" ends inside a word without a hyphen",
                         width, i, (int)w.lines[i].len, text + w.lines[i].start);
            assert_true(w.lines[i].width <= width);
        }
    }
    /* a soft hyphen: a break that shows "-"; unbroken, it is not drawn */
    const char *soft = "Beratungs\u00ADstelle";
    lf_wrap(&fake, LF_FACE_REGULAR, 20, soft, 11 * 11, 10, &w);
    assert_int_equal(w.n, 2);
    lf_line_text(soft, &w.lines[0], line, sizeof(line));
    assert_string_equal(line, "Beratungs-");
    lf_wrap(&fake, LF_FACE_REGULAR, 20, soft, 11 * 40, 10, &w);
    assert_int_equal(w.n, 1);
    lf_line_text(soft, &w.lines[0], line, sizeof(line));
    assert_string_equal(line, "Beratungsstelle");
    assert_int_equal(w.lines[0].width, 11 * 15);
    /* an e-mail address breaks after "@" or before "." or "-", with no hyphen added */
    const char *mail = "integrationszentrum@kreis-recklinghausen.de";
    lf_wrap(&de, LF_FACE_REGULAR, 20, mail, 11 * 26, 10, &w);
    assert_int_equal(w.n, 2);
    assert_false(w.lines[0].hyphen);
    lf_line_text(mail, &w.lines[0], line, sizeof(line));
    assert_string_equal(line, "integrationszentrum@kreis");
    /* a long web address broken over many lines: no line of it takes a
     * hyphen, not even after its first break (the rest of it is still an
     * address), and the lines joined are the address */
    const char *url = "https://www.stadt-muenster.de/veranstaltungskalender/veranstaltung/"
                      "infoabend-kita-anmeldung?utm_source=ics&utm_medium=feed&id=1234567890";
    for (int width = 11 * 12; width <= 11 * 40; width += 11 * 7) {
        lf_wrap(&de, LF_FACE_REGULAR, 20, url, width, 40, &w);
        assert_true(w.n > 1);
        char joined[512] = "";
        for (size_t i = 0; i < w.n; i++) {
            assert_false(w.lines[i].hyphen);
            lf_line_text(url, &w.lines[i], line, sizeof(line));
            strncat(joined, line, sizeof(joined) - strlen(joined) - 1);
        }
        assert_string_equal(joined, url);
    }
}

/* Control characters are never drawn (a tab is a space) and bidi
 * overrides and isolates are taken out, so a text never shows reversed. */
/* German gender forms ("Migrant*innenorganisationen", "Lehrer:innen")
 * were no words to the patterns (a sign inside), so a line broke them
 * by letter ("...organisatione-" / "n"); each part is now hyphenated on
 * its own, never at the sign. A Latin word in a language of another
 * script without patterns (Arabic, Ukrainian) is broken as German, not
 * by letter; a Latin-script language without patterns (Turkish) keeps
 * none, and codes with digits stay whole. */
/* The studio's staff read each language's name in German (or English):
 * from CLDR, with our words where CLDR's mislead ("Kurdisch" for
 * Kurmanji beside Sorani), and the tag itself when nobody knows it. */
static void languages_named_in_german_and_english(void **state)
{
    (void)state;
    static const struct {
        const char *tag, *de, *en;
    } rows[] = {
        {"ar", "Arabisch", "Arabic"},
        {"ar-SY", "Arabisch (Syrien)", "Arabic (Syria)"},
        {"AR", "Arabisch", "Arabic"},
        {"fa-AF", "Dari", "Dari"},
        {"prs", "Dari", "Dari"},
        {"fa", "Persisch", "Persian"},
        {"ku-Arab", "Kurdisch (Kurmandschi, arabische Schrift)", "Kurdish (Kurmanji, Arabic script)"},
        {"kmr", "Kurdisch (Kurmandschi)", "Kurdish (Kurmanji)"},
        {"ckb", "Kurdisch (Sorani)", "Kurdish (Sorani)"},
        {"de-x-ls", "Leichte Sprache", "Easy German (Leichte Sprache)"},
        {"tr", "Türkisch", "Turkish"},
        {"uk", "Ukrainisch", "Ukrainian"},
        {"ti", "Tigrinya", "Tigrinya"},
        {"sr-Cyrl", "Serbisch (Kyrillisch)", "Serbian (Cyrillic)"},
        {"zz", "zz", "zz"},
        {"zz-SY", "zz-SY", "zz-SY"},
        {"", "", ""},
    };
    char buf[128];
    for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
        lf_lang_name_in(rows[i].tag, "de", buf, sizeof(buf));
        if (strcmp(buf, rows[i].de) != 0)
            fail_msg("%s in German: '%s', expected '%s'", rows[i].tag, buf, rows[i].de);
        lf_lang_name_in(rows[i].tag, "en", buf, sizeof(buf));
        if (strcmp(buf, rows[i].en) != 0)
            fail_msg("%s in English: '%s', expected '%s'", rows[i].tag, buf, rows[i].en);
    }
    char small[8];
    lf_lang_name_in("ar-SY", "de", small, sizeof(small));
    assert_int_equal(strlen(small), 7); /* cut to the buffer, terminated */
}

static void gender_forms_and_german_names_in_other_scripts(void **state)
{
    (void)state;
    /* the kiosk's own instance: its German patterns are read once for this file */
    struct lf_hyphenator *h = lf_hyphenator_default();
    static const char star[] = "Migrant*innenorganisationen", colon[] = "Lehrer:innenzimmer";
    bool after[64], plain[64];
    assert_true(lf_hyphen_points(h, "de", star, strlen(star), after));
    /* the part after the star is broken where the word alone is */
    const char *part = star + strlen("Migrant*");
    assert_true(lf_hyphen_points(h, "de", part, strlen(part), plain));
    for (size_t i = 0; i < strlen(part); i++)
        assert_true(after[strlen("Migrant*") + i] == plain[i]);
    assert_false(after[strlen("Migrant") - 1]); /* not before the star */
    assert_false(after[strlen("Migrant*") - 1]); /* nor after it */
    assert_false(after[strlen(star) - 2]); /* never "...organisatione-n" */
    assert_true(lf_hyphen_points(h, "de", colon, strlen(colon), after));
    assert_false(after[strlen("Lehrer") - 1]);
    assert_false(after[strlen("Lehrer:") - 1]);
    /* a German name in an Arabic or Ukrainian text */
    static const char name[] = "Integrationszentrum";
    assert_true(lf_hyphen_points(h, "ar", name, strlen(name), after));
    assert_true(after[strlen("Integrations") - 1]);
    assert_true(lf_hyphen_points(h, "uk", name, strlen(name), after));
    /* Arabic words in Arabic have no patterns; Turkish has none either */
    static const char ar[] = "الاستشارات";
    assert_false(lf_hyphen_points(h, "ar", ar, strlen(ar), after));
    assert_false(lf_hyphen_points(h, "tr", name, strlen(name), after));
    static const char code[] = "B2*Kurs2027";
    assert_false(lf_hyphen_points(h, "de", code, strlen(code), after));
}

static void text_is_cleaned_for_drawing(void **state)
{
    (void)state;
    char out[128];
    lf_text_clean("Mo\tFr", 6, out, sizeof(out));
    assert_string_equal(out, "Mo Fr");
    /* Vietnamese keeps both its marks; a pasted "Zalgo" letter keeps four
     * of its 14 diacritics (the rest drew over the lines around it);
     * Tibetan's subjoined letters are letters, not marks, and stay */
    static const struct {
        const char *text, *drawn;
    } cases[] = {
        {"Name: \u202EKIRTAP\u202C und \u2067x\u2069\x01\x7F\u00AD.", "Name: KIRTAP und x."},
        {"Tie\u0302\u0301ng Vie\u0323\u0302t", "Tie\u0302\u0301ng Vie\u0323\u0302t"},
        {"Z\u0351\u0352\u0353\u0354\u0355\u0356\u0357\u0358\u0359\u035a"
         "\u035b\u035c\u035d\u035ealgo",
         "Z\u0351\u0352\u0353\u0354algo"},
        {"\u0e01\u0e49\u0e49\u0e49\u0e49\u0e49\u0e49 \u0e19\u0e49\u0e33",
         "\u0e01\u0e49 \u0e19\u0e49\u0e33"},
        {"\u0f56\u0f66\u0f92\u0fb2\u0f74\u0f56\u0f66",
         "\u0f56\u0f66\u0f92\u0fb2\u0f74\u0f56\u0f66"},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        lf_text_clean(cases[i].text, strlen(cases[i].text), out, sizeof(out));
        assert_string_equal(out, cases[i].drawn);
    }
    /* and the width is measured on what is drawn */
    struct lf_wrapped w;
    lf_wrap(&fake, LF_FACE_REGULAR, 20, "\u202EKIRTAP\u202C", 1000, 1, &w);
    assert_int_equal(w.lines[0].width, 11 * 6);
}

/* Chinese has no spaces: a line may end between any two characters,
 * without a hyphen (every line ended in "-" and, counted as broken words,
 * the text was set at the smallest size), but never before "、" or "：",
 * and an emoji joined by U+200D stays one picture. */
static void chinese_breaks_between_characters(void **state)
{
    (void)state;
    const char *zh = "面向新移民家庭的信息会：学校、幼儿园、职业培训、工作、住房、健康和居留权，"
                     "👨‍👩‍👧‍👦👨‍👩‍👧‍👦👨‍👩‍👧‍👦👨‍👩‍👧‍👦";
    struct lf_wrapped w;
    for (int chars = 8; chars <= 14; chars++) { /* the family: 7 code points */
        lf_wrap(&fake, LF_FACE_REGULAR, 20, zh, 11 * chars, 40, &w);
        assert_false(w.split_word);
        assert_int_equal(w.rest, 0);
        size_t end = 0;
        for (size_t i = 0; i < w.n; i++) {
            const struct lf_line *l = &w.lines[i];
            assert_false(l->hyphen);
            assert_true(l->width <= 11 * chars);
            assert_int_equal(l->start, end); /* nothing left out, nothing twice */
            end = l->start + l->len;
            assert_true(strncmp(zh + l->start, "、", 3) != 0);
            assert_true(strncmp(zh + l->start, "：", 3) != 0);
            assert_true(strncmp(zh + l->start, "\u200D", 3) != 0);
            assert_true(strncmp(zh + end, "\u200D", 3) != 0);
        }
        assert_int_equal(end, strlen(zh));
    }
    /* it fits at the size asked for, not only at the smallest */
    assert_true(lf_fit(&fake, LF_FACE_REGULAR, zh, 11 * 12, 1000, 20, 10, 40, &w));
    assert_int_equal(w.px, 20);
}

static void wrap_reports_rest(void **state)
{
    (void)state;
    struct lf_wrapped w;
    const char *text = "one two three four five six";
    lf_wrap(&fake, LF_FACE_REGULAR, 20, text, 11 * 8, 2, &w);
    assert_int_equal(w.n, 2);
    assert_true(w.rest > 0);
    assert_string_equal(text + w.rest, "four five six");
}

static void fit_shrinks_then_continues(void **state)
{
    (void)state;
    struct lf_wrapped w;
    const char *text = "Beratung für Migrantenorganisationen im Kreis Recklinghausen";
    /* fits at the largest size */
    assert_true(lf_fit(&fake, LF_FACE_REGULAR, text, 2000, 100, 40, 20, 10, &w));
    assert_int_equal(w.px, 40);
    /* needs a smaller size: fits in 2 lines of the box */
    assert_true(lf_fit(&fake, LF_FACE_REGULAR, text, 600, 80, 40, 20, 10, &w));
    assert_true(w.px < 40 && w.px >= 20);
    assert_true(lf_wrapped_height(&w) <= 80);
    for (size_t i = 0; i < w.n; i++)
        assert_true(w.lines[i].width <= 600);
    /* does not fit even at the minimum: the rest is reported, not clipped */
    assert_false(lf_fit(&fake, LF_FACE_REGULAR, text, 200, 30, 40, 20, 10, &w));
    assert_int_equal(w.px, 20);
    assert_int_equal(w.n, 1);
    assert_true(w.rest > 0);
}

/* ---- scene ------------------------------------------------------------- */

static void mirror_flips_boxes_and_targets(void **state)
{
    (void)state;
    struct lf_scene *s = lf_scene_create();
    lf_scene_rect(s, (struct lf_box){10, 5, 100, 20}, (struct lf_rgba){0, 0, 0, 255}, 0);
    lf_scene_target(s, (struct lf_box){0, 0, 50, 50}, LF_ACT_NEXT, 0);
    lf_scene_mirror(s, 0, 0, 0, 1000);
    assert_int_equal(lf_scene_op(s, 0)->box.x, 1000 - 110);
    assert_int_equal(lf_scene_target_at(s, 0)->box.x, 950);
    assert_non_null(lf_scene_hit(s, 960, 10));
    assert_null(lf_scene_hit(s, 10, 10));
    lf_scene_destroy(s);
}

/* ---- whole slides --------------------------------------------------------- */

static struct lf_translation tr_de(const char *text)
{
    struct lf_translation t = {.lang = "de", .text = (char *)text};
    return t;
}

static struct lf_translation event_title[2], offer_title[2], body_tr[1], place_tr[1],
    org_tr[1], notice_tr[1], long_tr[1];
static struct lf_item items[4];
static struct lf_bundle bundle;
static char long_text[4000];

static void build_bundle(void)
{
    event_title[0] = tr_de("Internationaler Tag gegen Rassismus: Lesung und Gespräch");
    snprintf(event_title[1].lang, sizeof(event_title[1].lang), "ar");
    event_title[1].text = "اليوم الدولي لمناهضة العنصرية: قراءة وحوار";
    offer_title[0] = tr_de("Wegweiser – Beratung gegen gewaltbereiten Salafismus");
    snprintf(offer_title[1].lang, sizeof(offer_title[1].lang), "ar");
    offer_title[1].text = "ويغفايزر – استشارة";
    body_tr[0] = tr_de("Vertrauliche Beratung für Angehörige, Fachkräfte und junge Menschen. "
                       "Kostenlos und auf Wunsch anonym.");
    place_tr[0] = tr_de("Stadtweinhaus");
    org_tr[0] = tr_de("Kommunales Integrationszentrum Münster");
    notice_tr[0] = tr_de("Am 24. Dezember geschlossen");
    /* a description far too long for one screen */
    size_t len = 0;
    while (len + 80 < sizeof(long_text))
        len += (size_t)snprintf(long_text + len, sizeof(long_text) - len,
                                "Ein langer Satz über Beratung, Begegnung und Teilhabe. ");
    long_tr[0] = tr_de(long_text);

    memset(items, 0, sizeof(items));
    items[0] = (struct lf_item){.kind = LF_ITEM_EVENT, .id = "iwgr",
                                .title = {2, event_title}, .summary = {1, body_tr},
                                .place = {1, place_tr},
                                .address = "Prinzipalmarkt 8, 48143 Münster",
                                .recurrence = LF_RECUR_YEARLY};
    items[0].start = lf_local_make(2027, 3, 21, 18, 0);
    items[0].end = lf_local_make(2027, 3, 21, 20, 0);
    items[1] = (struct lf_item){.kind = LF_ITEM_OFFER, .id = "wegweiser",
                                .title = {2, offer_title}, .summary = {1, body_tr},
                                .phone = "0251 492-7077", .email = "wegweiser@example.org"};
    items[1].hours.n = 1;
    items[1].hours.ranges[0] = (struct lf_hours_range){0x1F, 9 * 60, 14 * 60};
    items[2] = (struct lf_item){.kind = LF_ITEM_CONTACT, .id = "long",
                                .title = {1, org_tr}, .summary = {1, long_tr},
                                .address = "Klosterstraße 33, 48143 Münster"};
    items[3] = (struct lf_item){.kind = LF_ITEM_NOTICE, .id = "closed",
                                .title = {1, notice_tr}, .summary = {1, body_tr}};
    items[3].valid_from = lf_local_make(2026, 11, 1, 0, 0);
    items[3].valid_until = lf_local_make(2026, 12, 27, 0, 0);

    static char *langs[] = {"de", "ar"};
    bundle = (struct lf_bundle){.dir = ".", .organisation = {1, org_tr},
                                .default_lang = "de", .n_languages = 2, .items = items,
                                .n_items = 4};
    memcpy(bundle.languages, langs, sizeof(langs));
}

/* What the footer may take of a portrait screen: a fifth of its height,
 * or where finger-sized rows need more (480x800: a row of languages and
 * the two rows of categories and arrows, each 48 px, and their gaps),
 * that. */
static int footer_allowance(const struct lf_view *v)
{
    int fifth = v->height / 5, rows = 3 * lf_layout_min_touch_px(v) + 20;
    return fifth > rows ? fifth : rows;
}

/* Every text op inside the screen and the text ops pairwise disjoint. */
static void assert_clean(const struct lf_scene *s, int w, int h, int min_px, const char *what)
{
    struct lf_box screen = {0, 0, w, h};
    for (size_t i = 0; i < lf_scene_count(s); i++) {
        const struct lf_op *a = lf_scene_op(s, i);
        if (!lf_box_inside(a->box, screen))
            fail_msg("%s: op %zu (%s) outside %dx%d at %d,%d %dx%d", what, i,
                     a->text ? a->text : "-", w, h, a->box.x, a->box.y, a->box.w, a->box.h);
        if (a->kind != LF_OP_TEXT)
            continue;
        if (a->px < min_px)
            fail_msg("%s: \"%s\" at %d px, below the minimum %d", what, a->text, a->px, min_px);
        for (size_t j = i + 1; j < lf_scene_count(s); j++) {
            const struct lf_op *b = lf_scene_op(s, j);
            if (b->kind == LF_OP_TEXT && lf_box_overlaps(a->box, b->box))
                fail_msg("%s: \"%s\" overlaps \"%s\"", what, a->text, b->text);
        }
    }
}

static void slides_fit_both_orientations(void **state)
{
    (void)state;
    build_bundle();
    static const int sizes[][2] = {{1920, 1080}, {1080, 1920}, {1280, 720}, {768, 1366}};
    static const char *const langs[] = {"de", "ar"};
    time_t now = lf_local_make(2026, 11, 23, 10, 0);
    for (size_t si = 0; si < sizeof(sizes) / sizeof(sizes[0]); si++) {
        for (size_t li = 0; li < 2; li++) {
            struct lf_view v = fake_view(&bundle, langs[li], now, sizes[si][0], sizes[si][1]);
            int min_px = lf_layout_min_text_px(&v);
            struct lf_carousel *c = lf_carousel_create();
            lf_carousel_build(c, &v, 10);
            /* agenda, notice, event, offer, contact (+ continuation pages) */
            assert_true(lf_carousel_count(c) >= 6);
            bool continued = false;
            for (size_t i = 0; i < lf_carousel_count(c); i++) {
                const struct lf_carousel_page *cp = lf_carousel_page(c, i);
                struct lf_scene *s = lf_scene_create();
                char what[128];
                snprintf(what, sizeof(what), "%dx%d %s page %zu", v.width, v.height,
                         v.lang, i);
                lf_layout_header(s, &v);
                assert_clean(s, v.width, v.height, min_px, what);
                lf_scene_clear(s);
                lf_layout_page(s, &v, &cp->page, NULL);
                assert_clean(s, v.width, v.height, min_px, what);
                assert_true(lf_scene_count(s) > 3);
                lf_scene_clear(s);
                lf_layout_footer(s, &v, &(struct lf_footer){.position = i, .count = lf_carousel_count(c), .active_category = -1});
                assert_clean(s, v.width, v.height, min_px, what);
                /* footer buttons are big enough for a finger */
                assert_true(lf_scene_target_count(s) >= 5 + bundle.n_languages);
                for (size_t t = 0; t < lf_scene_target_count(s); t++) {
                    struct lf_box tb = lf_scene_target_at(s, t)->box;
                    assert_true(tb.h >= lf_layout_min_touch_px(&v));
                    assert_true(tb.w >= lf_layout_min_touch_px(&v));
                }
                lf_scene_destroy(s);
                continued |= cp->page.from.block > 0 || cp->page.from.offset > 0;
                assert_true(cp->duration_ms >= 10000);
            }
            /* the long contact text went on to another page */
            assert_true(continued);
            lf_carousel_destroy(c);
        }
    }
}

static void rtl_screen_is_mirrored(void **state)
{
    (void)state;
    build_bundle();
    time_t now = lf_local_make(2026, 11, 23, 10, 0);
    struct lf_view v = fake_view(&bundle, NULL, now, 1920, 1080);
    struct lf_slide event = {LF_SLIDE_EVENT, &items[0], items[0].start, items[0].end};
    struct lf_page page = {.kind = LF_PAGE_SLIDE, .slide = &event};
    struct lf_scene *ltr = lf_scene_create(), *rtl = lf_scene_create();
    v.lang = "de";
    lf_layout_page(ltr, &v, &page, NULL);
    v.lang = "ar";
    lf_layout_page(rtl, &v, &page, NULL);
    /* the Arabic title is set right-to-left and hugs the right edge of its column */
    const struct lf_op *title = NULL;
    for (size_t i = 0; i < lf_scene_count(rtl); i++) {
        const struct lf_op *op = lf_scene_op(rtl, i);
        if (op->kind == LF_OP_TEXT && strstr(event_title[1].text, op->text) == event_title[1].text)
            title = op;
    }
    assert_non_null(title);
    assert_true(title->rtl);
    /* the date badge (first rect after the page background) moves from left to right */
    const struct lf_op *badge_ltr = lf_scene_op(ltr, 1), *badge_rtl = lf_scene_op(rtl, 1);
    assert_int_equal(badge_ltr->kind, LF_OP_RECT);
    assert_true(badge_ltr->box.x < 1920 / 4);
    assert_true(badge_rtl->box.x > 1920 * 3 / 4 - badge_rtl->box.w);
    /* a screen without touch: its progress bar (page 1 of 4) fills from
     * the left in German and from the right in Arabic */
    v.passive = true;
    for (int k = 0; k < 2; k++) {
        struct lf_scene *s = k ? rtl : ltr;
        v.lang = k ? "ar" : "de";
        lf_scene_clear(s);
        lf_layout_footer(s, &v, &(struct lf_footer){.position = 0, .count = 4,
                                                  .active_category = -1});
        assert_int_equal(lf_scene_count(s), 2); /* the bar's ground, then the bar */
        const struct lf_op *bar = lf_scene_op(s, 1);
        assert_int_equal(bar->box.w, 1920 / 4);
        assert_int_equal(bar->box.x, k ? 1920 - 1920 / 4 : 0);
    }
    lf_scene_destroy(ltr);
    lf_scene_destroy(rtl);
}

static bool scene_has_text(const struct lf_scene *s, const char *text)
{
    for (size_t i = 0; i < lf_scene_count(s); i++) {
        const struct lf_op *op = lf_scene_op(s, i);
        if (op->kind == LF_OP_TEXT && strcmp(op->text, text) == 0)
            return true;
    }
    return false;
}

static void stale_content_says_when_it_was_updated(void **state)
{
    (void)state;
    build_bundle();
    struct lf_view v = fake_view(&bundle, "de", lf_local_make(2026, 11, 23, 10, 0), 1920, 1080);
    struct lf_scene *s = lf_scene_create();
    lf_layout_header(s, &v);
    assert_false(scene_has_text(s, "Stand: 12. März"));
    v.stale_since = lf_local_make(2026, 3, 12, 9, 0);
    lf_scene_clear(s);
    lf_layout_header(s, &v);
    assert_true(scene_has_text(s, "Stand: 12. März"));
    v.lang = "en";
    lf_scene_clear(s);
    lf_layout_header(s, &v);
    assert_true(scene_has_text(s, "Updated 12 March"));
    /* two years on (a clock run ahead, or a kiosk that never synced
     * again): the year, or "12. März" reads as this March */
    v.lang = "de";
    v.now = lf_local_make(2028, 11, 23, 10, 0);
    lf_scene_clear(s);
    lf_layout_header(s, &v);
    assert_true(scene_has_text(s, "Stand: 12. März 2026"));
    lf_scene_destroy(s);
}

/* A landscape screen nearly square (1080x1080) with the "sample content"
 * chip: the long date beside the clock left the organisation's name no
 * room, and the header showed "…" in its place. Now the name is there
 * (the date is shorter), nothing overlaps, and 16:9 keeps the long date. */
static void a_square_screen_shows_the_organisation(void **state)
{
    (void)state;
    build_bundle();
    bundle.sample = true;
    static const int sizes[][2] = {{1080, 1080}, {1200, 1080}, {1280, 1024}, {1920, 1080}};
    time_t now = lf_local_make(2026, 11, 25, 10, 0); /* a Wednesday: "Mittwoch, ..." */
    for (size_t i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
        struct lf_view v = fake_view(&bundle, "de", now, sizes[i][0], sizes[i][1]);
        struct lf_scene *s = lf_scene_create();
        lf_layout_header(s, &v);
        char what[64];
        snprintf(what, sizeof(what), "header %dx%d", v.width, v.height);
        assert_clean(s, v.width, v.height, lf_layout_min_text_px(&v), what);
        bool named = false;
        for (size_t k = 0; k < lf_scene_count(s); k++) {
            const struct lf_op *op = lf_scene_op(s, k);
            named |= op->kind == LF_OP_TEXT && strncmp(op->text, "Kommunales", 10) == 0;
        }
        if (!named)
            fail_msg("%s: the organisation's name is not in the header", what);
        if (v.width == 1920)
            assert_true(scene_has_text(s, "Mittwoch, 25. November 2026"));
        lf_scene_destroy(s);
    }
    bundle.sample = false;
}

/* The registration text names the e-mail address: it is not repeated
 * under it; the phone number it does not name is. */
static void registration_does_not_repeat_its_address(void **state)
{
    (void)state;
    build_bundle();
    struct lf_translation reg[] = {tr_de("Anmeldung bis 1. März an anmeldung@example.org")};
    struct lf_item ev = items[0];
    ev.registration = (struct lf_text){1, reg};
    ev.email = "anmeldung@example.org";
    ev.phone = "0251 492-7077";
    struct lf_slide sl = {LF_SLIDE_EVENT, &ev, ev.start, ev.end};
    struct lf_page page = {.kind = LF_PAGE_SLIDE, .slide = &sl};
    struct lf_view v = fake_view(&bundle, "de", lf_local_make(2026, 11, 23, 10, 0), 1920, 1080);
    struct lf_scene *s = lf_scene_create();
    lf_layout_page(s, &v, &page, NULL);
    size_t email_lines = 0;
    for (size_t i = 0; i < lf_scene_count(s); i++) {
        const struct lf_op *op = lf_scene_op(s, i);
        if (op->kind == LF_OP_TEXT && strstr(op->text, "anmeldung@example.org"))
            email_lines++;
    }
    assert_int_equal(email_lines, 1);
    assert_true(scene_has_text(s, "0251 492-7077"));
    lf_scene_destroy(s);
}

/* German standing in for a missing translation is said so on the slide
 * (a chip "in German" in the screen's language); not on a German screen. */
static void german_stand_in_is_marked(void **state)
{
    (void)state;
    build_bundle();
    /* the offer's title is in Arabic, its description only in German */
    struct lf_slide sl = {LF_SLIDE_OFFER, &items[1], 0, 0};
    struct lf_page page = {.kind = LF_PAGE_SLIDE, .slide = &sl};
    struct lf_view v = fake_view(&bundle, "ar", lf_local_make(2026, 11, 23, 10, 0), 1920, 1080);
    struct lf_scene *s = lf_scene_create();
    lf_layout_page(s, &v, &page, NULL);
    assert_true(scene_has_text(s, "بالألمانية"));
    v.lang = "de";
    lf_scene_clear(s);
    lf_layout_page(s, &v, &page, NULL);
    assert_false(scene_has_text(s, "Auf Deutsch"));
    lf_scene_destroy(s);
}

/* Chips that do not fit one row beside the date badge wrap onto a second:
 * none of an event's tags is left out. */
static void event_chips_wrap(void **state)
{
    (void)state;
    build_bundle();
    static struct lf_translation tag_tr[3][1];
    tag_tr[0][0] = tr_de("Wochen gegen Rassismus");
    tag_tr[1][0] = tr_de("Migrationsleitbild");
    tag_tr[2][0] = tr_de("Beispieltermin");
    struct lf_item ev = items[0];
    for (size_t i = 0; i < 3; i++)
        ev.tags[i] = (struct lf_text){1, tag_tr[i]};
    ev.n_tags = 3;
    struct lf_slide sl = {LF_SLIDE_EVENT, &ev, ev.start, ev.end};
    struct lf_page page = {.kind = LF_PAGE_SLIDE, .slide = &sl};
    struct lf_view v = fake_view(&bundle, "de", lf_local_make(2026, 11, 23, 10, 0), 1080, 1920);
    struct lf_scene *s = lf_scene_create();
    lf_layout_page(s, &v, &page, NULL);
    assert_true(scene_has_text(s, "Wochen gegen Rassismus"));
    assert_true(scene_has_text(s, "Migrationsleitbild"));
    assert_true(scene_has_text(s, "Beispieltermin"));
    assert_true(scene_has_text(s, "Jedes Jahr"));
    lf_scene_destroy(s);
}

/* The text ops of a scene joined by "|", no-break spaces as spaces. */
static void scene_lines(const struct lf_scene *s, char *out, size_t size)
{
    size_t n = 0;
    out[0] = '\0';
    for (size_t i = 0; i < lf_scene_count(s) && n + 2 < size; i++) {
        const struct lf_op *op = lf_scene_op(s, i);
        if (op->kind != LF_OP_TEXT)
            continue;
        for (const char *c = op->text; *c && n + 2 < size; c++) {
            if ((unsigned char)c[0] == 0xC2 && (unsigned char)c[1] == 0xA0) {
                out[n++] = ' ';
                c++;
            } else {
                out[n++] = *c;
            }
        }
        out[n++] = '|';
        out[n] = '\0';
    }
}

/* A notice's image is drawn, normal and urgent, landscape and portrait,
 * beside or over the text and never on it; an event's phone, e-mail and
 * web address are on the slide as text, not only in its QR code. */
static void notice_image_and_event_contact_shown(void **state)
{
    (void)state;
    build_bundle();
    struct lf_item notice = items[3];
    notice.image = "images/logo.png";
    static const int sizes[][2] = {{1920, 1080}, {1080, 1920}, {800, 480}};
    for (int urgent = 0; urgent < 2; urgent++)
        for (size_t si = 0; si < 3; si++) {
            struct lf_slide sl = {urgent ? LF_SLIDE_URGENT : LF_SLIDE_NOTICE, &notice,
                                  notice.valid_from, notice.valid_until};
            struct lf_page page = {.kind = LF_PAGE_SLIDE, .slide = &sl};
            struct lf_view v =
                fake_view(&bundle, "de", lf_local_make(2026, 11, 23, 10, 0),
                          sizes[si][0], sizes[si][1]);
            struct lf_scene *s = lf_scene_create();
            lf_layout_page(s, &v, &page, NULL);
            const struct lf_op *img = NULL;
            for (size_t i = 0; i < lf_scene_count(s); i++)
                if (lf_scene_op(s, i)->kind == LF_OP_IMAGE)
                    img = lf_scene_op(s, i);
            assert_non_null(img);
            assert_non_null(strstr(img->image, "images/logo.png"));
            assert_true(img->box.w > 50 && img->box.h > 50);
            for (size_t i = 0; i < lf_scene_count(s); i++) {
                const struct lf_op *op = lf_scene_op(s, i);
                if (op->kind == LF_OP_TEXT && lf_box_overlaps(op->box, img->box))
                    fail_msg("%dx%d: \"%s\" on the image", v.width, v.height, op->text);
            }
            lf_scene_destroy(s);
        }
    /* an event without a registration text: phone, e-mail and web address as text */
    struct lf_item ev = items[0];
    ev.phone = "0251 492-7077";
    ev.email = "integration@stadt-muenster.de";
    ev.url = "https://www.muenster.de/integration";
    struct lf_slide sl = {LF_SLIDE_EVENT, &ev, ev.start, ev.end};
    struct lf_page page = {.kind = LF_PAGE_SLIDE, .slide = &sl};
    struct lf_view v = fake_view(&bundle, "de", lf_local_make(2026, 11, 23, 10, 0), 1920, 1080);
    struct lf_scene *s = lf_scene_create();
    lf_layout_page(s, &v, &page, NULL);
    char lines[8192], joined[8192];
    scene_lines(s, lines, sizeof(lines));
    size_t n = 0;
    for (const char *c = lines; *c; c++)
        if (*c != '|')
            joined[n++] = *c; /* an address may be broken over two lines */
    joined[n] = '\0';
    assert_non_null(strstr(joined, "0251 492-7077"));
    assert_non_null(strstr(joined, "integration@stadt-muenster.de"));
    assert_non_null(strstr(joined, "https://www.muenster.de/integration"));
    lf_scene_destroy(s);
}

/* Consultation hours are a table in the order of the week: a weekday
 * given twice is one line with its ranges sorted, overlapping ranges
 * merged, days with the same hours together. */
static void hours_are_sorted_and_merged(void **state)
{
    (void)state;
    build_bundle();
    struct lf_item offer = items[1];
    offer.hours.n = 5;
    offer.hours.ranges[0] = (struct lf_hours_range){0x01, 14 * 60, 16 * 60};        /* Mo 14-16 */
    offer.hours.ranges[1] = (struct lf_hours_range){0x10, 9 * 60, 12 * 60};         /* Fr 9-12 */
    offer.hours.ranges[2] = (struct lf_hours_range){0x01, 9 * 60, 12 * 60};         /* Mo 9-12 */
    offer.hours.ranges[3] = (struct lf_hours_range){0x01, 10 * 60, 11 * 60};        /* Mo 10-11 */
    offer.hours.ranges[4] = (struct lf_hours_range){0x12, 9 * 60, 11 * 60 + 30};   /* Di, Fr 9-11:30 */
    struct lf_slide sl = {LF_SLIDE_OFFER, &offer, 0, 0};
    struct lf_page page = {.kind = LF_PAGE_SLIDE, .slide = &sl};
    struct lf_view v = fake_view(&bundle, "de", lf_local_make(2026, 11, 23, 10, 0), 1920, 1080);
    struct lf_scene *s = lf_scene_create();
    lf_layout_page(s, &v, &page, NULL);
    char lines[8192];
    scene_lines(s, lines, sizeof(lines));
    const char *mo = strstr(lines, "|Mo  09:00 – 12:00, 14:00 – 16:00 Uhr|");
    const char *di = strstr(lines, "|Di  09:00 – 11:30 Uhr|");
    const char *fr = strstr(lines, "|Fr  09:00 – 12:00 Uhr|");
    if (!mo || !di || !fr)
        fail_msg("hours not as a sorted, merged table: %s", lines);
    assert_true(mo < di && di < fr);
    assert_null(strstr(mo + 1, "|Mo "));
    lf_scene_destroy(s);
}

/* With nothing announced the agenda says so, in the screen's language,
 * instead of an empty page. */
/* Every text of a scene, lines joined by spaces; a no-break space (which
 * keeps a day with its month) read as a space. */
static void scene_text(const struct lf_scene *s, char *buf, size_t size)
{
    size_t len = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < lf_scene_count(s); i++) {
        const struct lf_op *op = lf_scene_op(s, i);
        if (op->kind != LF_OP_TEXT)
            continue;
        int n = snprintf(buf + len, size - len, "%s ", op->text);
        if (n < 0 || (size_t)n >= size - len)
            return;
        len += (size_t)n;
    }
    size_t o = 0;
    for (size_t i = 0; buf[i]; i++) {
        if (buf[i] == '\xC2' && buf[i + 1] == '\xA0') {
            buf[o++] = ' ';
            i++;
        } else {
            buf[o++] = buf[i];
        }
    }
    buf[o] = '\0';
}

/* All-day, multi-day and long-running events say when in days, never
 * "00:00"; one that began weeks ago says until when (badge and text). */
static void whole_days_and_running_events(void **state)
{
    (void)state;
    static struct lf_translation t1 = {"de", "Fest"}, t2 = {"de", "Ausstellung"},
                                 t3 = {"de", "Lesenacht"}, t4 = {"de", "Markt"};
    struct lf_item ev[4] = {
        {.kind = LF_ITEM_EVENT, .id = "fest", .title = {1, &t1}, .all_day = true,
         .start = lf_local_make(2026, 12, 12, 0, 0), .end = lf_local_make(2026, 12, 13, 0, 0)},
        {.kind = LF_ITEM_EVENT, .id = "ausstellung", .title = {1, &t2},
         .start = lf_local_make(2026, 11, 1, 10, 0), .end = lf_local_make(2027, 1, 15, 18, 0)},
        /* midnight to midnight, written with times */
        {.kind = LF_ITEM_EVENT, .id = "lesenacht", .title = {1, &t3},
         .start = lf_local_make(2026, 12, 10, 0, 0), .end = lf_local_make(2026, 12, 11, 0, 0)},
        {.kind = LF_ITEM_EVENT, .id = "markt", .title = {1, &t4}, .all_day = true,
         .start = lf_local_make(2026, 12, 18, 0, 0), .end = lf_local_make(2026, 12, 21, 0, 0)},
    };
    struct lf_bundle b = {.items = ev, .n_items = 4};
    struct lf_view v = fake_view(&b, "de", lf_local_make(2026, 12, 2, 12, 0), 1920, 1080);
    static const char *const want[] = {"ganztägig", "bis Freitag, 15. Januar 2027",
                                       "ganztägig", "Freitag, 18. Dezember – Sonntag, 20. Dezember 2026"};
    struct lf_scene *s = lf_scene_create();
    static char text[16384];
    struct lf_slide sl[4];
    for (size_t i = 0; i < 4; i++) {
        sl[i] = (struct lf_slide){LF_SLIDE_EVENT, &ev[i], ev[i].start, ev[i].end};
        struct lf_page page = {.kind = LF_PAGE_SLIDE, .slide = &sl[i]};
        lf_scene_clear(s);
        lf_layout_page(s, &v, &page, NULL);
        scene_text(s, text, sizeof(text));
        if (!strstr(text, want[i]) || strstr(text, "00:00"))
            fail_msg("%s: want \"%s\", never 00:00; got: %s", ev[i].id, want[i], text);
    }
    /* the badge of the running exhibition: its last day, "bis Fr" */
    lf_scene_clear(s);
    struct lf_page page = {.kind = LF_PAGE_SLIDE, .slide = &sl[1]};
    lf_layout_page(s, &v, &page, NULL);
    assert_true(scene_has_text(s, "bis Fr"));
    assert_true(scene_has_text(s, "15"));
    assert_false(scene_has_text(s, "1")); /* not the start, 1 November */
    /* the agenda: the same, compact */
    struct lf_slide agenda = {LF_SLIDE_AGENDA, NULL, 0, 0};
    struct lf_page list = {.kind = LF_PAGE_SLIDE, .slide = &agenda, .list = sl, .n_list = 4};
    lf_scene_clear(s);
    lf_layout_page(s, &v, &list, NULL);
    scene_text(s, text, sizeof(text));
    assert_non_null(strstr(text, "bis 15. Januar"));
    assert_non_null(strstr(text, "12. Dezember, ganztägig"));
    assert_non_null(strstr(text, "18. Dezember – 20. Dezember"));
    assert_null(strstr(text, "00:00"));
    assert_true(scene_has_text(s, "bis"));
    lf_scene_destroy(s);
}

/* The op that draws `text` (a whole line), or NULL. */
static const struct lf_op *op_with_text(const struct lf_scene *s, const char *text)
{
    for (size_t i = 0; i < lf_scene_count(s); i++) {
        const struct lf_op *o = lf_scene_op(s, i);
        if (o->kind == LF_OP_TEXT && o->text && strcmp(o->text, text) == 0)
            return o;
    }
    return NULL;
}

static bool same_rgb(struct lf_rgba a, struct lf_rgba b)
{
    return a.r == b.r && a.g == b.g && a.b == b.b;
}

/* A red rectangle (the urgent colour) around the op's box. */
static bool on_urgent_chip(const struct lf_scene *s, const struct lf_op *text,
                           const struct lf_theme *t)
{
    for (size_t i = 0; i < lf_scene_count(s); i++) {
        const struct lf_op *o = lf_scene_op(s, i);
        if (o->kind == LF_OP_RECT && same_rgb(o->color, t->urgent) &&
            lf_box_inside(text->box, o->box))
            return true;
    }
    return false;
}

/* A cancelled event: "Abgesagt" on a red chip on its page and in the
 * agenda (in German and Arabic), its title struck through in the soft
 * ink; not "Läuft gerade" though it runs. */
static void cancelled_is_unmistakable(void **state)
{
    (void)state;
    static struct lf_translation tt[2] = {{"de", "Sommerfest im Park"}, {"ar", "حفلة صيفية"}};
    struct lf_item ev[2] = {
        {.kind = LF_ITEM_EVENT, .id = "fest", .title = {2, tt}, .cancelled = true,
         .start = lf_local_make(2026, 12, 2, 10, 0), .end = lf_local_make(2026, 12, 2, 18, 0)},
        {.kind = LF_ITEM_EVENT, .id = "markt", .title = {2, tt},
         .start = lf_local_make(2026, 12, 3, 10, 0), .end = lf_local_make(2026, 12, 3, 18, 0)},
    };
    struct lf_bundle b = {.items = ev, .n_items = 2};
    const struct lf_theme *t = lf_theme_get(LF_THEME_STANDARD);
    struct lf_slide sl[2];
    for (size_t i = 0; i < 2; i++)
        sl[i] = (struct lf_slide){LF_SLIDE_EVENT, &ev[i], ev[i].start, ev[i].end};
    const char *langs[] = {"de", "ar"}, *titles[] = {"Sommerfest im Park", "حفلة صيفية"};
    struct lf_scene *s = lf_scene_create();
    for (size_t l = 0; l < 2; l++) {
        struct lf_view v = fake_view(&b, langs[l], lf_local_make(2026, 12, 2, 12, 0), 1920, 1080);
        v.theme = t;
        const char *word = lf_phrase(langs[l], LF_P_CANCELLED);
        struct lf_page page = {.kind = LF_PAGE_SLIDE, .slide = &sl[0]};
        lf_scene_clear(s);
        lf_layout_page(s, &v, &page, NULL);
        const struct lf_op *chip = op_with_text(s, word);
        assert_non_null(chip);
        assert_true(on_urgent_chip(s, chip, t));
        const struct lf_op *title = op_with_text(s, titles[l]);
        assert_non_null(title);
        assert_true(same_rgb(title->color, t->ink_soft));
        assert_false(scene_has_text(s, lf_phrase(langs[l], LF_P_RUNNING_NOW)));
        /* the strike: a thin rect across the title's line */
        bool struck = false;
        for (size_t i = 0; i < lf_scene_count(s); i++) {
            const struct lf_op *o = lf_scene_op(s, i);
            if (o->kind == LF_OP_RECT && o->box.h < title->box.h / 4 &&
                o->box.y > title->box.y && o->box.y < title->box.y + title->box.h &&
                lf_box_overlaps(o->box, title->box))
                struck = true;
        }
        assert_true(struck);
        /* the agenda: a red chip on the cancelled entry only */
        struct lf_slide agenda = {LF_SLIDE_AGENDA, NULL, 0, 0};
        struct lf_page list = {.kind = LF_PAGE_SLIDE, .slide = &agenda, .list = sl, .n_list = 2};
        lf_scene_clear(s);
        lf_layout_page(s, &v, &list, NULL);
        size_t chips = 0;
        for (size_t i = 0; i < lf_scene_count(s); i++) {
            const struct lf_op *o = lf_scene_op(s, i);
            if (o->kind == LF_OP_TEXT && strstr(o->text, word)) {
                chips++;
                assert_true(on_urgent_chip(s, o, t));
            }
        }
        assert_int_equal(chips, 1);
        assert_clean(s, 1920, 1080, 1, "agenda with a cancelled event");
    }
    lf_scene_destroy(s);
}

/* Whether text has a clock time "HH:MM" at i. */
static bool clock_at(const char *text, size_t i)
{
    return isdigit((unsigned char)text[i]) && isdigit((unsigned char)text[i + 1]) &&
           text[i + 2] == ':' && isdigit((unsigned char)text[i + 3]) &&
           isdigit((unsigned char)text[i + 4]);
}

/* Skips spaces, NBSP and thin spaces from i. */
static size_t skip_blank(const char *t, size_t i)
{
    for (;;) {
        if (t[i] == ' ')
            i++;
        else if (strncmp(t + i, "\u00a0", 2) == 0)
            i += 2;
        else if (strncmp(t + i, "\u2009", 3) == 0 || strncmp(t + i, "\u202f", 3) == 0)
            i += 3;
        else
            return i;
    }
}

/* Every clock time in text (a run such as "09:00 – 12:00, 14:00 – 16:00"
 * counts as one) is followed by `suffix` ("Uhr" in German, nothing
 * elsewhere); NULL when so, else the place where it is not. */
static const char *clock_without(const char *text, const char *suffix)
{
    for (size_t i = 0; text[i]; i++) {
        if (!clock_at(text, i) || (i > 0 && isdigit((unsigned char)text[i - 1])))
            continue;
        size_t j = i + 5;
        for (;;) { /* "– 12:00", ", 14:00" go on the run */
            size_t k = skip_blank(text, j);
            if (strncmp(text + k, "–", 3) == 0 || text[k] == ',' || text[k] == '-')
                k = skip_blank(text, k + (text[k] == ',' || text[k] == '-' ? 1 : 3));
            else if (strncmp(text + k, "،", 2) == 0)
                k = skip_blank(text, k + 2);
            if (k > j && clock_at(text, k)) {
                j = k + 5;
                continue;
            }
            break;
        }
        size_t k = skip_blank(text, j);
        if (suffix[0] ? strncmp(text + k, suffix, strlen(suffix)) != 0
                      : strncmp(text + k, "Uhr", 3) == 0)
            return text + i;
        i = j;
    }
    return NULL;
}

/* Every time on every kind of page is written the way its language
 * writes a time alone (lf_phrase LF_P_CLOCK): "18:00 Uhr" in German on
 * the event's line, the running event's "bis ...", a span over several
 * days, the agenda and the consultation hours; no "Uhr" elsewhere. */
static void times_carry_the_languages_clock(void **state)
{
    (void)state;
    build_bundle();
    static struct lf_translation t1 = {"de", "Abend"}, t2 = {"de", "Ausstellung"},
                                 t3 = {"de", "Seminar"};
    struct lf_item ev[3] = {
        {.kind = LF_ITEM_EVENT, .id = "abend", .title = {1, &t1},
         .start = lf_local_make(2027, 3, 21, 18, 0), .end = lf_local_make(2027, 3, 21, 20, 0)},
        {.kind = LF_ITEM_EVENT, .id = "ausstellung", .title = {1, &t2},
         .start = lf_local_make(2026, 11, 1, 10, 0), .end = lf_local_make(2027, 1, 15, 18, 0)},
        {.kind = LF_ITEM_EVENT, .id = "seminar", .title = {1, &t3},
         .start = lf_local_make(2027, 3, 5, 18, 0), .end = lf_local_make(2027, 3, 7, 13, 0)},
    };
    struct lf_item offer = items[1];
    offer.hours.n = 2;
    offer.hours.ranges[0] = (struct lf_hours_range){0x03, 9 * 60, 12 * 60};
    offer.hours.ranges[1] = (struct lf_hours_range){0x01, 14 * 60, 16 * 60};
    struct lf_slide sl[4] = {{LF_SLIDE_EVENT, &ev[0], ev[0].start, ev[0].end},
                             {LF_SLIDE_EVENT, &ev[1], ev[1].start, ev[1].end},
                             {LF_SLIDE_EVENT, &ev[2], ev[2].start, ev[2].end},
                             {LF_SLIDE_OFFER, &offer, 0, 0}};
    struct lf_slide agenda = {LF_SLIDE_AGENDA, NULL, 0, 0};
    static const char *const langs[] = {"de", "en", "tr", "ar"};
    struct lf_scene *s = lf_scene_create();
    for (size_t l = 0; l < 4; l++) {
        char suffix[32];
        snprintf(suffix, sizeof(suffix), "%s", lf_phrase(langs[l], LF_P_CLOCK));
        char *at = strstr(suffix, "%s");
        assert_non_null(at);
        memmove(suffix, at + 2, strlen(at + 2) + 1);
        const char *want = suffix[0] == ' ' ? suffix + 1 : suffix;
        assert_true(strcmp(langs[l], "de") != 0 || strcmp(want, "Uhr") == 0);
        for (size_t i = 0; i < 5; i++) {
            struct lf_page page = {.kind = LF_PAGE_SLIDE, .slide = i < 4 ? &sl[i] : &agenda,
                                   .list = sl, .n_list = 3};
            for (int o = 0; o < 2; o++) {
                struct lf_view v =
                    fake_view(&bundle, langs[l], lf_local_make(2026, 12, 2, 10, 0),
                              o ? 1080 : 1920, o ? 1920 : 1080);
                lf_scene_clear(s);
                lf_layout_page(s, &v, &page, NULL);
                /* the page's lines joined: a table's line may wrap after a comma */
                static char text[16384];
                scene_text(s, text, sizeof(text));
                size_t clocks = 0;
                for (size_t c = 0; text[c]; c++)
                    clocks += clock_at(text, c);
                const char *bad = clock_without(text, want);
                if (bad)
                    fail_msg("%s, %s page %zu: a time without \"%s\" at \"%.60s\" in: %s",
                             langs[l], o ? "portrait" : "landscape", i, want, bad, text);
                assert_true(clocks > 0); /* every page here shows times */
            }
        }
        /* a span over several days writes both ends the same way */
        char buf[256];
        lf_format_day_span(langs[l], ev[2].start, ev[2].end, LF_SPAN_LONG, false, buf, sizeof(buf));
        char a[128], b[128];
        lf_format_date(langs[l], ev[2].start, LF_DATE_WEEKDAY_DAY_MONTH, a, sizeof(a));
        lf_format_date(langs[l], ev[2].end, LF_DATE_LONG, b, sizeof(b));
        if (!strstr(buf, a) || !strstr(buf, b) || strstr(buf, a) > strstr(buf, b))
            fail_msg("%s: span \"%s\" lacks \"%s\" then \"%s\"", langs[l], buf, a, b);
        char wd[64];
        lf_format_date(langs[l], ev[2].start, LF_DATE_WEEKDAY, wd, sizeof(wd));
        assert_non_null(strstr(a, wd)); /* the first end has its weekday too */
    }
    /* the year on both ends when they differ, once when they do not */
    char buf[256];
    lf_format_day_span("de", lf_local_make(2026, 12, 30, 0, 0), lf_local_make(2027, 1, 2, 0, 0),
                       LF_SPAN_LONG, false, buf, sizeof(buf));
    assert_string_equal(buf, "Mittwoch, 30. Dezember 2026 – Samstag, 2. Januar 2027");
    lf_format_day_span("de", lf_local_make(2027, 2, 8, 0, 0), lf_local_make(2027, 2, 10, 0, 0),
                       LF_SPAN_LONG, false, buf, sizeof(buf));
    assert_string_equal(buf, "Montag, 8. Februar – Mittwoch, 10. Februar 2027");
    lf_format_day_span("de", lf_local_make(2027, 3, 5, 18, 0), lf_local_make(2027, 3, 7, 13, 0),
                       LF_SPAN_LONG, true, buf, sizeof(buf));
    assert_string_equal(buf, "Freitag, 5. März, 18:00 Uhr – Sonntag, 7. März 2027, 13:00 Uhr");
    lf_format_clock("de", lf_local_make(2027, 3, 5, 18, 0), buf, sizeof(buf));
    assert_string_equal(buf, "18:00 Uhr");
    lf_format_clock("en", lf_local_make(2027, 3, 5, 18, 0), buf, sizeof(buf));
    assert_string_equal(buf, "18:00");
    lf_scene_destroy(s);
}

/* An agenda leaves the year out ("So, 5. März"), which reads as the next
 * 5 March; a date 300 days or more away says its year, a span at its end,
 * and so does every date when the kiosk's clock is not set. */
static void agenda_names_the_year_of_far_dates(void **state)
{
    (void)state;
    build_bundle();
    static struct lf_translation t1 = {"de", "Bald"}, t2 = {"de", "Nächstes Jahr"},
                                 t3 = {"de", "Tagung"};
    struct lf_item ev[3] = {
        {.kind = LF_ITEM_EVENT, .id = "bald", .title = {1, &t1},
         .start = lf_local_make(2027, 3, 5, 18, 0), .end = lf_local_make(2027, 3, 5, 20, 0)},
        {.kind = LF_ITEM_EVENT, .id = "spaeter", .title = {1, &t2},
         .start = lf_local_make(2028, 3, 5, 18, 0), .end = lf_local_make(2028, 3, 5, 20, 0)},
        {.kind = LF_ITEM_EVENT, .id = "tagung", .title = {1, &t3},
         .start = lf_local_make(2028, 2, 28, 9, 0), .end = lf_local_make(2028, 3, 1, 13, 0)},
    };
    struct lf_slide sl[3];
    for (size_t i = 0; i < 3; i++)
        sl[i] = (struct lf_slide){LF_SLIDE_EVENT, &ev[i], ev[i].start, ev[i].end};
    struct lf_slide agenda = {LF_SLIDE_AGENDA, NULL, 0, 0};
    struct lf_page page = {.kind = LF_PAGE_SLIDE, .slide = &agenda, .list = sl, .n_list = 3};
    struct lf_scene *s = lf_scene_create();
    static char text[16384];
    struct lf_view v = fake_view(&bundle, "de", lf_local_make(2027, 3, 1, 10, 0), 1920, 1080);
    lf_layout_page(s, &v, &page, NULL);
    scene_text(s, text, sizeof(text));
    assert_non_null(strstr(text, "Fr, 5. März, 18:00")); /* four days away: no year */
    assert_null(strstr(text, "5. März 2027"));
    assert_non_null(strstr(text, "So, 5. März 2028, 18:00"));
    assert_non_null(strstr(text, "28. Februar, 09:00 Uhr – 1. März 2028, 13:00 Uhr"));
    /* the same agenda from 2028-02-20: every date near, no year */
    v = fake_view(&bundle, "de", lf_local_make(2028, 2, 20, 10, 0), 1920, 1080);
    lf_scene_clear(s);
    lf_layout_page(s, &v, &page, NULL);
    scene_text(s, text, sizeof(text));
    assert_null(strstr(text, "2028"));
    assert_non_null(strstr(text, "So, 5. März, 18:00"));
    /* a clock not set: nothing is near */
    v.clock_unknown = true;
    lf_scene_clear(s);
    lf_layout_page(s, &v, &page, NULL);
    scene_text(s, text, sizeof(text));
    assert_non_null(strstr(text, "5. März 2027"));
    /* every language writes the day with its year its own way */
    char buf[128];
    time_t t = lf_local_make(2028, 3, 5, 18, 0);
    static const struct {
        const char *lang, *want;
    } cases[] = {{"de", "5. März 2028"}, {"en", "5 March 2028"}, {"tr", "5 Mart 2028"},
                 {"uk", "5 березня 2028\u202fр."}, {"ar", "5 مارس 2028"}};
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        lf_format_date(cases[i].lang, t, LF_DATE_DAY_MONTH_YEAR, buf, sizeof(buf));
        assert_string_equal(buf, cases[i].want);
    }
    lf_scene_destroy(s);
}

/* The px and box of the first text op that starts with `start`. */
static const struct lf_op *op_starting(const struct lf_scene *s, const char *start)
{
    for (size_t i = 0; i < lf_scene_count(s); i++) {
        const struct lf_op *op = lf_scene_op(s, i);
        if (op->kind == LF_OP_TEXT && strncmp(op->text, start, strlen(start)) == 0)
            return op;
    }
    return NULL;
}

static const struct lf_op *op_of_kind(const struct lf_scene *s, enum lf_op_kind kind)
{
    for (size_t i = 0; i < lf_scene_count(s); i++)
        if (lf_scene_op(s, i)->kind == kind)
            return lf_scene_op(s, i);
    return NULL;
}

/* A portrait screen uses its height: an event with a short text and a
 * poster sets the text larger than landscape does and gives the poster
 * the height left under the text; a contact's text and QR code are
 * larger than in landscape, with the same shorter side. */
static void portrait_uses_its_height(void **state)
{
    (void)state;
    build_bundle();
    struct lf_item ev = items[0];
    ev.image = "poster.png";
    struct lf_item contact = items[1];
    contact.kind = LF_ITEM_CONTACT;
    contact.hours.n = 0;
    contact.url = "https://www.muenster.de";
    struct lf_slide sl[2] = {{LF_SLIDE_EVENT, &ev, ev.start, ev.end},
                             {LF_SLIDE_CONTACT, &contact, 0, 0}};
    struct lf_scene *land = lf_scene_create(), *port = lf_scene_create();
    struct lf_view v = fake_view(&bundle, "de", lf_local_make(2026, 12, 2, 10, 0), 1920, 1080);
    for (size_t i = 0; i < 2; i++) {
        struct lf_page page = {.kind = LF_PAGE_SLIDE, .slide = &sl[i]};
        struct lf_page_result r;
        v.width = 1920;
        v.height = 1080;
        lf_scene_clear(land);
        lf_layout_page(land, &v, &page, &r);
        v.width = 1080;
        v.height = 1920;
        lf_scene_clear(port);
        lf_layout_page(port, &v, &page, &r);
        assert_false(r.continues);
        assert_clean(port, v.width, v.height, lf_layout_min_text_px(&v), "portrait");
        const struct lf_op *a = op_starting(land, "Vertrauliche"), *b = op_starting(port, "Vertrauliche");
        assert_non_null(a);
        assert_non_null(b);
        if (b->px <= a->px)
            fail_msg("item %zu: the text in portrait (%d px) is not larger than in landscape (%d px)",
                     i, b->px, a->px);
        struct lf_box body = lf_layout_content_box(&v);
        if (i == 0) {
            const struct lf_op *img = op_of_kind(port, LF_OP_IMAGE);
            assert_non_null(img);
            assert_true(img->box.y >= b->box.y + b->box.h); /* under the text */
            if (img->box.h < body.h / 5)
                fail_msg("the poster is %d px of a %d px page", img->box.h, body.h);
            assert_true(img->box.y + img->box.h <= body.y + body.h);
            assert_true(img->box.y + img->box.h >= body.y + body.h * 9 / 10); /* down to the end */
        } else {
            const struct lf_op *qa = op_of_kind(land, LF_OP_QR), *qb = op_of_kind(port, LF_OP_QR);
            assert_non_null(qa);
            assert_non_null(qb);
            if (qb->box.w <= qa->box.w)
                fail_msg("the QR code in portrait (%d px) is not larger than in landscape (%d px)",
                         qb->box.w, qa->box.w);
        }
    }
    lf_scene_destroy(land);
    lf_scene_destroy(port);
}

/* The fake's pictures tell their size in their name: "pic-2000x100.png". */
static bool picture_size_from_name(void *ctx, const char *path, int *w, int *h)
{
    (void)ctx;
    const char *dash = strrchr(path, '-');
    return dash && sscanf(dash + 1, "%dx%d", w, h) == 2 && *w > 0 && *h > 0;
}

/* A picture is shown whole in its own proportions at a size one sees,
 * on every slide, screen and language: a 20:1 banner and a 1:20 strip
 * (in a poster's column they were a line 34 px high and a thread), a
 * poster and a photo. Its box keeps the picture's proportion (5 % and
 * rounding), lies in the content box, takes at least a tenth of it or
 * spans nine tenths of its width (a banner) or height (a strip), and no
 * text, QR code or other picture lies on it. A banner or strip is on
 * every page of its slide. */
static void pictures_keep_their_proportions(void **state)
{
    (void)state;
    build_bundle();
    static const int pictures[][2] = {{2000, 100}, {100, 2000}, {600, 800}, {1600, 900},
                                      {300, 100}, {100, 300}};
    static const int sizes[][2] = {{800, 480}, {480, 800}, {1920, 1080}, {1080, 1920},
                                   {3840, 2160}, {2160, 3840}};
    static const char *const langs[] = {"de", "ar"};
    struct lf_measure m = FAKE_MEASURE;
    m.image_size = picture_size_from_name;
    struct lf_scene *s = lf_scene_create();
    for (size_t pi = 0; pi < sizeof(pictures) / sizeof(pictures[0]); pi++) {
        char name[64];
        snprintf(name, sizeof(name), "pic-%dx%d.png", pictures[pi][0], pictures[pi][1]);
        double aspect = (double)pictures[pi][0] / pictures[pi][1];
        bool apart = aspect >= LF_WIDE_PICTURE || aspect * LF_WIDE_PICTURE <= 1.0;
        for (size_t ii = 0; ii < 4; ii++) {
            struct lf_item it = items[ii];
            it.image = name;
            static const enum lf_slide_kind kinds[4] = {LF_SLIDE_EVENT, LF_SLIDE_OFFER,
                                                        LF_SLIDE_CONTACT, LF_SLIDE_NOTICE};
            struct lf_slide sl = {kinds[ii], &it, ii == 3 ? it.valid_from : it.start,
                                  ii == 3 ? it.valid_until : it.end};
            for (size_t si = 0; si < sizeof(sizes) / sizeof(sizes[0]); si++) {
                for (size_t li = 0; li < 2; li++) {
                    struct lf_view v = fake_view(&bundle, langs[li], lf_local_make(2026, 11, 23, 10, 0),
                                                 sizes[si][0], sizes[si][1]);
                    v.measure = &m;
                    struct lf_box body = lf_layout_content_box(&v);
                    struct lf_page page = {.kind = LF_PAGE_SLIDE, .slide = &sl};
                    for (int n_page = 0; n_page < 3; n_page++) {
                        char what[160];
                        snprintf(what, sizeof(what), "%s on %s %dx%d %s page %d", name, it.id,
                                 v.width, v.height, v.lang, n_page + 1);
                        struct lf_page_result r;
                        lf_scene_clear(s);
                        lf_layout_page(s, &v, &page, &r);
                        assert_clean(s, v.width, v.height, lf_layout_min_text_px(&v), what);
                        size_t n_images = 0;
                        for (size_t i = 0; i < lf_scene_count(s); i++) {
                            const struct lf_op *img = lf_scene_op(s, i);
                            if (img->kind != LF_OP_IMAGE)
                                continue;
                            n_images++;
                            struct lf_box b = img->box;
                            double got = (double)b.w / b.h;
                            double slack = 0.05 + 2.0 / (b.w < b.h ? b.w : b.h);
                            if (fabs(got - aspect) > slack * aspect)
                                fail_msg("%s: box %dx%d, the picture %.3f:1", what, b.w, b.h, aspect);
                            if (!lf_box_inside(b, body))
                                fail_msg("%s: the picture outside the content box", what);
                            if (apart) {
                                long area = (long)b.w * b.h, all = (long)body.w * body.h;
                                bool spans = aspect > 1 ? b.w * 10 >= body.w * 9 : b.h * 10 >= body.h * 9;
                                if (area * 10 < all && !spans)
                                    fail_msg("%s: %dx%d, %ld %% of the content box", what, b.w, b.h,
                                             area * 100 / all);
                            }
                            for (size_t j = 0; j < lf_scene_count(s); j++) {
                                const struct lf_op *o = lf_scene_op(s, j);
                                if (j != i && o->kind != LF_OP_RECT && lf_box_overlaps(o->box, b))
                                    fail_msg("%s: \"%s\" lies on the picture", what,
                                             o->text ? o->text : "(a picture or code)");
                            }
                        }
                        if (apart)
                            assert_int_equal(n_images, 1); /* on every page */
                        else
                            assert_true(n_images <= 1);
                        if (!r.continues)
                            break;
                        page.from = r.rest;
                    }
                }
            }
        }
    }
    lf_scene_destroy(s);
}

/* A contact in landscape with a short text and a card that left half its
 * column empty (the right side of the slide blank under it): the card is
 * set larger, its phone number and QR code too, and still fits whole
 * beside the text; an offer's card stays at full size. */
static void landscape_contact_uses_its_column(void **state)
{
    (void)state;
    build_bundle();
    struct lf_item contact = items[1];
    contact.kind = LF_ITEM_CONTACT;
    contact.hours.n = 0;
    contact.url = "https://www.muenster.de";
    struct lf_slide sl[2] = {{LF_SLIDE_CONTACT, &contact, 0, 0}, {LF_SLIDE_OFFER, &items[1], 0, 0}};
    static const int sizes[][2] = {{1920, 1080}, {3840, 2160}, {1280, 720}};
    static const char *const langs[] = {"de", "ar"};
    struct lf_scene *s = lf_scene_create();
    for (size_t si = 0; si < sizeof(sizes) / sizeof(sizes[0]); si++) {
        for (size_t li = 0; li < 2; li++) {
            int phone_px[2] = {0, 0}, qr_w[2] = {0, 0};
            for (size_t i = 0; i < 2; i++) {
                struct lf_view v = fake_view(&bundle, langs[li], lf_local_make(2026, 12, 2, 10, 0),
                                             sizes[si][0], sizes[si][1]);
                struct lf_page page = {.kind = LF_PAGE_SLIDE, .slide = &sl[i]};
                struct lf_page_result r;
                lf_scene_clear(s);
                lf_layout_page(s, &v, &page, &r);
                char what[64];
                snprintf(what, sizeof(what), "%dx%d %s %s", v.width, v.height, v.lang,
                         i ? "offer" : "contact");
                assert_false(r.continues);
                assert_clean(s, v.width, v.height, lf_layout_min_text_px(&v), what);
                const struct lf_op *phone = op_starting(s, "0251 492-7077");
                const struct lf_op *qr = op_of_kind(s, LF_OP_QR);
                assert_non_null(phone);
                assert_non_null(qr);
                assert_true(qr->box.y + qr->box.h <= lf_layout_content_box(&v).y +
                                                          lf_layout_content_box(&v).h);
                phone_px[i] = phone->px;
                qr_w[i] = qr->box.w;
            }
            if (phone_px[0] <= phone_px[1] || qr_w[0] <= qr_w[1])
                fail_msg("%dx%d %s: the contact's card (%d px, code %d) not larger than the "
                         "offer's (%d px, code %d)", sizes[si][0], sizes[si][1], langs[li],
                         phone_px[0], qr_w[0], phone_px[1], qr_w[1]);
        }
    }
    lf_scene_destroy(s);
}

/* Consultation hours too many for the rest of a page go on on the next
 * one under their label again: with 14 ranges and a long description,
 * "Sa 12:00 – 12:30" and "So ..." stood at the top of the next page with
 * nothing saying they were hours (2160x3840). Every page that shows a
 * line of hours shows "Sprechzeiten" ("ساعات الاستشارة"), and every range
 * is shown. */
static bool text_on_page(const struct lf_scene *s, const char *text)
{
    for (size_t i = 0; i < lf_scene_count(s); i++) {
        const struct lf_op *op = lf_scene_op(s, i);
        if (op->kind == LF_OP_TEXT && strcmp(op->text, text) == 0)
            return true;
    }
    return false;
}

static void continued_hours_keep_their_label(void **state)
{
    (void)state;
    build_bundle();
    struct lf_item contact = items[1];
    contact.kind = LF_ITEM_CONTACT;
    contact.hours.n = LF_MAX_HOURS_RANGES;
    for (int r = 0; r < LF_MAX_HOURS_RANGES; r++)
        contact.hours.ranges[r] = (struct lf_hours_range){(uint8_t)(1u << (r % 7)),
                                                          (int16_t)((7 + r) * 60),
                                                          (int16_t)((7 + r) * 60 + 30)};
    static char desc[4096];
    static struct lf_translation desc_tr = {"de", desc};
    contact.summary = (struct lf_text){1, &desc_tr};
    struct lf_slide sl = {LF_SLIDE_CONTACT, &contact, 0, 0};
    static const int sizes[][2] = {{2160, 3840}, {1080, 1920}, {480, 800}, {800, 480},
                                   {1920, 1080}, {3840, 2160}};
    static const char *const langs[] = {"de", "ar"};
    struct lf_scene *s = lf_scene_create();
    int split = 0;
    /* the description ever longer: the hours start ever further down */
    size_t len = 0;
    for (int n = 1; n <= 40; n++) {
        len += (size_t)snprintf(desc + len, sizeof(desc) - len,
                                "Beratung zu Aufenthalt und Arbeit, Satz %d. ", n);
        for (size_t si = 0; si < sizeof(sizes) / sizeof(sizes[0]); si++) {
            for (size_t li = 0; li < 2; li++) {
                struct lf_view v = fake_view(&bundle, langs[li],
                                             lf_local_make(2026, 12, 2, 10, 0), sizes[si][0],
                                             sizes[si][1]);
                const char *label = lf_phrase(v.lang, LF_P_HOURS);
                struct lf_page pg = {.kind = LF_PAGE_SLIDE, .slide = &sl};
                struct lf_page_result r = {.continues = true};
                int pages = 0, with_hours = 0, ranges = 0;
                while (r.continues && pages < 30) {
                    lf_scene_clear(s);
                    lf_layout_page(s, &v, &pg, &r);
                    pages++;
                    char what[80];
                    snprintf(what, sizeof(what), "%d sentences, %dx%d %s page %d", n, v.width,
                             v.height, v.lang, pages);
                    int here = 0; /* lines of hours; each range has its dash */
                    for (size_t i = 0; i < lf_scene_count(s); i++) {
                        const struct lf_op *op = lf_scene_op(s, i);
                        if (op->kind != LF_OP_TEXT || !strstr(op->text, ":30"))
                            continue;
                        here++;
                        for (const char *d = strstr(op->text, "–"); d; d = strstr(d + 1, "–"))
                            ranges++;
                    }
                    if (here && !text_on_page(s, label))
                        fail_msg("%s: %d lines of hours without \"%s\"", what, here, label);
                    with_hours += here > 0;
                    pg.from = r.rest;
                }
                assert_false(r.continues);
                assert_int_equal(ranges, LF_MAX_HOURS_RANGES);
                split += with_hours > 1;
            }
        }
    }
    assert_true(split > 0); /* the hours do go on on a next page, here and there */
    lf_scene_destroy(s);
}

/* A landscape card too full for its column (a note of sixteen extra
 * dates under the hours): what leaves the card is the note, and the
 * address and phone stay on the first page, on the card beside the
 * hours. The card kept only the hours, and address, phone and QR code
 * followed the note on to a page of their own, the card's column empty
 * beside them (800x480: the phone on page 3 of 3). */
static void a_full_card_keeps_the_address_beside_the_hours(void **state)
{
    (void)state;
    build_bundle();
    struct lf_item contact = items[1];
    contact.kind = LF_ITEM_CONTACT;
    contact.address = "Kurt-Schumacher-Allee 1, 45657 Recklinghausen";
    contact.url = "https://www.kreis-re.de/beratung/migration/kontakt";
    contact.hours.n = 2;
    contact.hours.ranges[1] = (struct lf_hours_range){0x04, 15 * 60, 17 * 60 + 30};
    static char note[2048];
    size_t len = 0;
    for (int n = 1; n <= 16; n++)
        len += (size_t)snprintf(note + len, sizeof(note) - len,
                                "%sZusatztermin %d: jeden %d. Samstag im Monat 10:00–12:00 Uhr",
                                n > 1 ? "\n" : "", n, n);
    static struct lf_translation note_tr = {"de", note};
    contact.hours.note = (struct lf_text){1, &note_tr};
    struct lf_slide sl = {LF_SLIDE_CONTACT, &contact, 0, 0};
    static const int sizes[][2] = {{800, 480}, {1024, 600}, {1280, 720}};
    static const char *const langs[] = {"de", "ar"};
    struct lf_scene *s = lf_scene_create();
    for (size_t si = 0; si < sizeof(sizes) / sizeof(sizes[0]); si++) {
        for (size_t li = 0; li < 2; li++) {
            struct lf_view v = fake_view(&bundle, langs[li], lf_local_make(2026, 12, 2, 10, 0),
                                         sizes[si][0], sizes[si][1]);
            struct lf_page pg = {.kind = LF_PAGE_SLIDE, .slide = &sl};
            struct lf_page_result r;
            lf_scene_clear(s);
            lf_layout_page(s, &v, &pg, &r);
            char what[64];
            snprintf(what, sizeof(what), "%dx%d %s", v.width, v.height, v.lang);
            assert_clean(s, v.width, v.height, lf_layout_min_text_px(&v), what);
            const struct lf_op *phone = op_starting(s, "0251 492-7077");
            /* the hours' label on the card (the note that left it is under
             * the label too, in the text's column) */
            const struct lf_op *hours = NULL;
            bool rtl_screen = strcmp(v.lang, "ar") == 0;
            for (size_t i = 0; i < lf_scene_count(s); i++) {
                const struct lf_op *op = lf_scene_op(s, i);
                if (op->kind == LF_OP_TEXT && strcmp(op->text, lf_phrase(v.lang, LF_P_HOURS)) == 0 &&
                    (!hours || (rtl_screen ? op->box.x < hours->box.x : op->box.x > hours->box.x)))
                    hours = op;
            }
            if (!phone || !hours)
                fail_msg("%s: the first page has %s%s", what, phone ? "" : "no phone ",
                         hours ? "" : "no hours");
            /* the phone on the card, in the hours' column */
            bool rtl = strcmp(v.lang, "ar") == 0;
            int mid = v.width / 2;
            if (rtl ? phone->box.x + phone->box.w > mid || hours->box.x + hours->box.w > mid
                    : phone->box.x < mid || hours->box.x < mid)
                fail_msg("%s: phone at x %d, hours at x %d: not both on the card", what,
                         phone->box.x, hours->box.x);
        }
    }
    lf_scene_destroy(s);
}

/* A contact as the sample has them: a role, a long unit, a sentence,
 * two ranges of hours, address, phone, e-mail and web address. */
static struct lf_item reachable_contact(void)
{
    static struct lf_translation role[2], unit[2], desc[2];
    role[0] = tr_de("Migrant*innenorganisationen");
    snprintf(role[1].lang, sizeof(role[1].lang), "ar");
    role[1].text = "منظمات المهاجرين";
    unit[0] = tr_de("Kreis Recklinghausen, Fachdienst 57.3 – Kommunales Integrationszentrum "
                    "und Projekte");
    snprintf(unit[1].lang, sizeof(unit[1].lang), "ar");
    unit[1].text = "دائرة ريكلينغهاوزن، القسم 57.3 – مركز الاندماج البلدي والمشاريع";
    desc[0] = tr_de("Beratung und Unterstützung für Migrant*innenorganisationen im Kreis "
                    "Recklinghausen.");
    snprintf(desc[1].lang, sizeof(desc[1].lang), "ar");
    desc[1].text = "استشارات ودعم لمنظمات المهاجرين في دائرة ريكلينغهاوزن.";
    struct lf_item c = {.kind = LF_ITEM_CONTACT, .id = "kreis-re", .title = {1, org_tr},
                        .role = {2, role}, .unit = {2, unit}, .summary = {2, desc},
                        .address = "Kurt-Schumacher-Allee 1, 45657 Recklinghausen",
                        .phone = "02361 53-3808", .email = "z.soezuedogru@kreis-re.de",
                        .url = "https://www.kreis-re.de/beratung/migration"};
    c.hours.n = 2;
    c.hours.ranges[0] = (struct lf_hours_range){0x03, 9 * 60, 14 * 60};
    c.hours.ranges[1] = (struct lf_hours_range){0x04, 9 * 60, 14 * 60 + 30};
    return c;
}

/* Every page of a slide from its first: whether the phone is on the
 * first, on which page the QR code is (0: none), each page clean and the
 * code over no text. */
static int pages_of(struct lf_scene *s, const struct lf_view *v, const struct lf_slide *sl,
                    bool *phone_first, int *code_page)
{
    struct lf_page pg = {.kind = LF_PAGE_SLIDE, .slide = sl};
    struct lf_page_result r = {.continues = true};
    int pages = 0;
    *phone_first = false;
    *code_page = 0;
    while (r.continues && pages < 10) {
        lf_scene_clear(s);
        lf_layout_page(s, v, &pg, &r);
        pages++;
        char what[64];
        snprintf(what, sizeof(what), "%dx%d %s page %d", v->width, v->height, v->lang, pages);
        assert_clean(s, v->width, v->height, lf_layout_min_text_px(v), what);
        if (pages == 1)
            *phone_first = op_starting(s, "02361 53-3808") != NULL;
        const struct lf_op *qr = op_of_kind(s, LF_OP_QR);
        if (qr && !*code_page) {
            *code_page = pages;
            for (size_t i = 0; i < lf_scene_count(s); i++) {
                const struct lf_op *t = lf_scene_op(s, i);
                if (t->kind == LF_OP_TEXT && lf_box_overlaps(t->box, qr->box))
                    fail_msg("%s: the QR code lies over \"%s\"", what, t->text);
            }
        }
        pg.from = r.rest;
    }
    assert_false(r.continues);
    return pages;
}

/* Near-square screens (1080x1080, 1280x1024, 1024x1024): a contact's
 * first page says how to reach them, and the QR code is on a page. The
 * card kept the hours and the address, phone and code went on to a
 * second page (1080x1080), or the code was left out (1280x1024): the
 * vCard's code had no room where its web address's has. */
static void a_square_screen_keeps_how_to_reach_a_contact(void **state)
{
    (void)state;
    build_bundle();
    struct lf_item contact = reachable_contact();
    struct lf_slide sl = {LF_SLIDE_CONTACT, &contact, 0, 0};
    /* the third: the slide on one page may leave its code out (what it
     * carries is on the slide as text; 1080x1080) */
    static const int sizes[][3] = {{1080, 1080, 1}, {1280, 1024, 0}, {1024, 1024, 0},
                                   {1920, 1080, 0}};
    static const char *const langs[] = {"de", "ar"};
    struct lf_scene *s = lf_scene_create();
    for (size_t si = 0; si < sizeof(sizes) / sizeof(sizes[0]); si++) {
        for (size_t li = 0; li < 2; li++) {
            struct lf_view v = fake_view(&bundle, langs[li], lf_local_make(2026, 12, 3, 10, 0),
                                         sizes[si][0], sizes[si][1]);
            bool phone_first;
            int code_page;
            int pages = pages_of(s, &v, &sl, &phone_first, &code_page);
            if (!phone_first || (!code_page && !(sizes[si][2] && pages == 1)))
                fail_msg("%dx%d %s: %d pages, phone %son the first, QR code %s", v.width,
                         v.height, v.lang, pages, phone_first ? "" : "not ",
                         code_page ? "shown" : "missing");
        }
    }
    lf_scene_destroy(s);
}

/* The sample's longest contact (role, a long unit, a sentence, two
 * ranges of hours, address, phone, e-mail, web address) on a 1080x1080
 * screen: one page, with its hours, the phone and the address on it, no
 * text below the floor. The card at 40 % of the width had no room for the
 * hours under the address (the e-mail broken, the address on three
 * lines), and the hours went on to a second page after the description. */
static void a_square_screen_shows_a_contact_on_one_page(void **state)
{
    (void)state;
    build_bundle();
    struct lf_item contact = reachable_contact();
    struct lf_slide sl = {LF_SLIDE_CONTACT, &contact, 0, 0};
    static const char *const langs[] = {"de", "ar"};
    struct lf_scene *s = lf_scene_create();
    for (size_t li = 0; li < 2; li++) {
        struct lf_view v = fake_view(&bundle, langs[li], lf_local_make(2026, 12, 3, 10, 0),
                                     1080, 1080);
        struct lf_page pg = {.kind = LF_PAGE_SLIDE, .slide = &sl};
        struct lf_page_result r;
        lf_scene_clear(s);
        lf_layout_page(s, &v, &pg, &r);
        char what[64];
        snprintf(what, sizeof(what), "1080x1080 %s", v.lang);
        assert_clean(s, v.width, v.height, lf_layout_min_text_px(&v), what);
        bool hours = false;
        for (size_t i = 0; i < lf_scene_count(s); i++) {
            const struct lf_op *op = lf_scene_op(s, i);
            hours |= op->kind == LF_OP_TEXT && strstr(op->text, "14:30") != NULL;
        }
        if (r.continues || !hours || !op_starting(s, "02361 53-3808") ||
            !op_starting(s, "Kurt-Schumacher-Allee"))
            fail_msg("%s: %s, hours %s, phone %s, address %s", what,
                     r.continues ? "two pages" : "one page", hours ? "shown" : "missing",
                     op_starting(s, "02361 53-3808") ? "shown" : "missing",
                     op_starting(s, "Kurt-Schumacher-Allee") ? "shown" : "missing");
    }
    lf_scene_destroy(s);
}

/* A contact's hours matter more than their note: wherever the page
 * ends, the note is on no page before the last line of the hours, and
 * never on the first page while a line of hours is on a later one. With
 * six to fourteen ranges, a note and a description, 800x480 kept the
 * note on the card and moved the hours after the description to the
 * next page. */
static void the_hours_note_never_goes_before_the_hours(void **state)
{
    (void)state;
    build_bundle();
    struct lf_item contact = reachable_contact();
    static struct lf_translation note_tr[2];
    note_tr[0] = tr_de("In den Schulferien nur dienstags. Termine außerhalb der Sprechzeiten "
                       "nach telefonischer Vereinbarung.");
    snprintf(note_tr[1].lang, sizeof(note_tr[1].lang), "ar");
    note_tr[1].text = "خلال العطل المدرسية أيام الثلاثاء فقط. مواعيد خارج ساعات الاستشارة "
                      "بالاتفاق الهاتفي.";
    contact.hours.note = (struct lf_text){2, note_tr};
    /* the description of none to four sentences */
    static char desc[1024];
    static struct lf_translation desc_tr[1];
    desc_tr[0] = tr_de(desc);
    contact.summary = (struct lf_text){1, desc_tr};
    struct lf_slide sl = {LF_SLIDE_CONTACT, &contact, 0, 0};
    static const int sizes[][2] = {{800, 480}, {480, 800}, {1024, 600}, {1080, 1080},
                                   {1920, 1080}, {1080, 1920}, {3840, 2160}};
    static const char *const langs[] = {"de", "ar"};
    struct lf_scene *s = lf_scene_create();
    for (int d = 0; d <= 4; d++)
    for (int n = 2; n <= LF_MAX_HOURS_RANGES; n++) {
        size_t len = 0;
        desc[0] = '\0';
        for (int k = 0; k < d; k++)
            len += (size_t)snprintf(desc + len, sizeof(desc) - len,
                                    "Beratung und Unterstützung für Vereine, Satz %d. ", k + 1);
        /* n ranges over the week, each a line of its own: "… :45" ends each */
        contact.hours.n = (size_t)n;
        for (int k = 0; k < n; k++)
            contact.hours.ranges[k] = (struct lf_hours_range){
                (uint8_t)(1u << (k % 7)), (int16_t)((8 + k / 7 * 5) * 60),
                (int16_t)((10 + k / 7 * 5) * 60 + 45)};
        for (size_t si = 0; si < sizeof(sizes) / sizeof(sizes[0]); si++) {
            for (size_t li = 0; li < 2; li++) {
                struct lf_view v = fake_view(&bundle, langs[li],
                                             lf_local_make(2026, 12, 3, 10, 0), sizes[si][0],
                                             sizes[si][1]);
                const char *note_start = li ? "خلال" : "In den Schulferien";
                struct lf_page pg = {.kind = LF_PAGE_SLIDE, .slide = &sl};
                struct lf_page_result r = {.continues = true};
                int pages = 0, note_page = 0, last_hours_page = 0;
                while (r.continues && pages < 10) {
                    lf_scene_clear(s);
                    lf_layout_page(s, &v, &pg, &r);
                    pages++;
                    char what[80];
                    snprintf(what, sizeof(what), "%d ranges, %d sentences, %dx%d %s page %d", n,
                             d, v.width, v.height, v.lang, pages);
                    assert_clean(s, v.width, v.height, lf_layout_min_text_px(&v), what);
                    for (size_t i = 0; i < lf_scene_count(s); i++) {
                        const struct lf_op *op = lf_scene_op(s, i);
                        if (op->kind != LF_OP_TEXT)
                            continue;
                        if (strstr(op->text, ":45"))
                            last_hours_page = pages;
                        if (!note_page && strstr(op->text, note_start))
                            note_page = pages;
                        if (!strstr(op->text, note_start))
                            continue;
                        /* the note under its hours, or under their label:
                         * not on the card under "open now" with the hours
                         * in the other column */
                        const struct lf_op *above = NULL;
                        for (size_t j = 0; j < lf_scene_count(s); j++) {
                            const struct lf_op *o = lf_scene_op(s, j);
                            if (o->kind == LF_OP_TEXT && o != op &&
                                o->box.y + o->box.h <= op->box.y &&
                                o->box.x < op->box.x + op->box.w &&
                                op->box.x < o->box.x + o->box.w &&
                                (!above || o->box.y > above->box.y))
                                above = o;
                        }
                        if (!above || !(strstr(above->text, ":45") ||
                                        strcmp(above->text, lf_phrase(v.lang, LF_P_HOURS)) == 0))
                            fail_msg("%s: the note under \"%s\", not under the hours", what,
                                     above ? above->text : "nothing");
                    }
                    pg.from = r.rest;
                }
                assert_false(r.continues);
                if (!note_page || !last_hours_page || note_page < last_hours_page)
                    fail_msg("%d ranges, %d sentences, %dx%d %s: the note on page %d, hours "
                             "up to page %d of %d", n, d, v.width, v.height, v.lang, note_page,
                             last_hours_page, pages);
            }
        }
    }
    lf_scene_destroy(s);
}

/* In the text's flow a contact's QR code with no room left under the
 * address and phone stands beside them, in the width their lines leave
 * at the end edge, its caption under it (qr_beside_data), rather than
 * going on to a page of its own or being left out. Portrait, the
 * description ever longer: on some page the code is beside the phone,
 * over no text, inside the content box. */
static void a_code_stands_beside_the_address(void **state)
{
    (void)state;
    build_bundle();
    struct lf_item contact = reachable_contact();
    /* short lines of data: room beside them */
    contact.address = "Klosterstraße 33";
    contact.email = NULL;
    contact.url = "https://kreis-re.de";
    static char desc[2048];
    static struct lf_translation desc_tr[1];
    desc_tr[0] = tr_de(desc);
    contact.summary = (struct lf_text){1, desc_tr};
    struct lf_slide sl = {LF_SLIDE_CONTACT, &contact, 0, 0};
    static const int sizes[][2] = {{480, 800}, {1080, 1920}};
    static const char *const langs[] = {"de", "ar"};
    struct lf_scene *s = lf_scene_create();
    int beside = 0;
    size_t len = 0;
    for (int n = 1; n <= 90; n++) {
        len += (size_t)snprintf(desc + len, sizeof(desc) - len, "Beratung, Satz %d. ", n);
        for (size_t si = 0; si < sizeof(sizes) / sizeof(sizes[0]); si++) {
            for (size_t li = 0; li < 2; li++) {
                struct lf_view v = fake_view(&bundle, langs[li],
                                             lf_local_make(2026, 12, 3, 10, 0), sizes[si][0],
                                             sizes[si][1]);
                struct lf_page pg = {.kind = LF_PAGE_SLIDE, .slide = &sl};
                struct lf_page_result r = {.continues = true};
                int pages = 0;
                struct lf_box content = lf_layout_content_box(&v);
                while (r.continues && pages < 10) {
                    lf_scene_clear(s);
                    lf_layout_page(s, &v, &pg, &r);
                    pages++;
                    char what[80];
                    snprintf(what, sizeof(what), "%d sentences, %dx%d %s page %d", n, v.width,
                             v.height, v.lang, pages);
                    assert_clean(s, v.width, v.height, lf_layout_min_text_px(&v), what);
                    const struct lf_op *qr = op_of_kind(s, LF_OP_QR);
                    const struct lf_op *phone = op_starting(s, "02361 53-3808");
                    if (qr) {
                        if (!lf_box_inside(qr->box, content))
                            fail_msg("%s: the code outside the content box", what);
                        for (size_t i = 0; i < lf_scene_count(s); i++) {
                            const struct lf_op *t = lf_scene_op(s, i);
                            if (t->kind == LF_OP_TEXT && lf_box_overlaps(t->box, qr->box))
                                fail_msg("%s: the code lies over \"%s\"", what, t->text);
                        }
                    }
                    /* beside them: the code's top at the top of the block
                     * of address and phone (in a card's column beside the
                     * text it stands at the top of the hours) */
                    const struct lf_op *label = op_with_text(s, lf_phrase(v.lang, LF_P_CONTACT));
                    if (qr && phone && label && qr->box.y == label->box.y &&
                        !lf_box_overlaps(qr->box, phone->box))
                        beside++;
                    pg.from = r.rest;
                }
                assert_false(r.continues);
            }
        }
    }
    if (beside == 0)
        fail_msg("the code never stood beside the phone");
    lf_scene_destroy(s);
}

/* A contact with fourteen ranges of hours (1920x1080, 1280x1024, 4K;
 * Arabic and German): the card full of hours, the vCard's code (many
 * modules; more with an Arabic role and unit) had no room under the
 * address and was left out, or went on to a second page with the phone.
 * The first page has the phone and a code: the vCard's where it has
 * room, else the web address's. */
static void many_hours_keep_the_contacts_code(void **state)
{
    (void)state;
    build_bundle();
    struct lf_item contact = reachable_contact();
    contact.hours.n = LF_MAX_HOURS_RANGES;
    for (int r = 0; r < LF_MAX_HOURS_RANGES; r++)
        contact.hours.ranges[r] = (struct lf_hours_range){
            (uint8_t)(1u << (r / 2)), (int16_t)(r % 2 ? 13 * 60 + 30 + 15 * (r / 2) : 7 * 60 + 15 * (r / 2)),
            (int16_t)(r % 2 ? 16 * 60 + 15 * (r / 2) : 11 * 60 + 15 * (r / 2))};
    struct lf_slide sl = {LF_SLIDE_CONTACT, &contact, 0, 0};
    static const int sizes[][2] = {{1920, 1080}, {1280, 1024}, {3840, 2160}};
    static const char *const langs[] = {"ar", "de"};
    struct lf_scene *s = lf_scene_create();
    for (size_t si = 0; si < sizeof(sizes) / sizeof(sizes[0]); si++) {
        for (size_t li = 0; li < 2; li++) {
            struct lf_view v = fake_view(&bundle, langs[li], lf_local_make(2026, 12, 3, 10, 0),
                                         sizes[si][0], sizes[si][1]);
            bool phone_first;
            int code_page;
            int pages = pages_of(s, &v, &sl, &phone_first, &code_page);
            if (!phone_first || code_page != 1)
                fail_msg("%dx%d %s: %d pages, phone %son the first, QR code on page %d", v.width,
                         v.height, v.lang, pages, phone_first ? "" : "not ", code_page);
        }
    }
    lf_scene_destroy(s);
}

/* A title of one word far too long for an agenda entry's three lines
 * is cut with "…" at the end of its last line shown: once cut, the
 * hyphenated word broke elsewhere, the "…" went on to a fourth line not
 * shown and the entry ended "…abzei-", cut without a sign (800x480). */
static void a_cut_title_ends_with_an_ellipsis(void **state)
{
    (void)state;
    build_bundle();
    static char title[512];
    size_t len = 0;
    while (len < 300)
        len += (size_t)snprintf(title + len, sizeof(title) - len, "%s",
                                "Donaudampfschifffahrtsgesellschaftskapitänsmützenabzeichen");
    static struct lf_translation t = {"de", title};
    struct lf_item ev = {.kind = LF_ITEM_EVENT, .id = "lang", .title = {1, &t},
                         .start = lf_local_make(2026, 12, 9, 17, 0),
                         .end = lf_local_make(2026, 12, 9, 19, 0)};
    struct lf_slide sl = {LF_SLIDE_EVENT, &ev, ev.start, ev.end};
    struct lf_slide agenda = {LF_SLIDE_AGENDA, NULL, 0, 0};
    struct lf_page page = {.kind = LF_PAGE_SLIDE, .slide = &agenda, .list = &sl, .n_list = 1};
    static const int sizes[][2] = {{800, 480}, {480, 800}, {1920, 1080}};
    struct lf_scene *s = lf_scene_create();
    for (size_t si = 0; si < sizeof(sizes) / sizeof(sizes[0]); si++) {
        struct lf_view v = fake_view(&bundle, "de", lf_local_make(2026, 12, 3, 10, 0),
                                     sizes[si][0], sizes[si][1]);
        lf_scene_clear(s);
        lf_layout_page(s, &v, &page, NULL);
        /* the title's last line shown: the last line holding its letters */
        const struct lf_op *last = NULL;
        for (size_t i = 0; i < lf_scene_count(s); i++) {
            const struct lf_op *op = lf_scene_op(s, i);
            if (op->kind == LF_OP_TEXT && op->text && op->face == LF_FACE_BOLD &&
                (strstr(op->text, "abzei") || strstr(op->text, "Donau") ||
                 strstr(op->text, "schaft")))
                last = op;
        }
        assert_non_null(last);
        size_t n = strlen(last->text);
        if (n < 3 || strcmp(last->text + n - 3, "…") != 0)
            fail_msg("%dx%d: the title's last line \"%s\" does not end with \"…\"", v.width,
                     v.height, last->text);
    }
    lf_scene_destroy(s);
}

/* The sample bundle offered in seven languages (the footer tests) */
static struct lf_bundle seven_language_bundle(void)
{
    build_bundle();
    struct lf_bundle b7 = bundle;
    static char *langs[] = {"de", "en", "tr", "ar", "fa", "uk", "de-x-ls"};
    b7.n_languages = sizeof(langs) / sizeof(langs[0]);
    memcpy(b7.languages, langs, sizeof(langs));
    return b7;
}

/* The portrait footer (languages, categories, ‹ position ›, the reading
 * controls and toggles) of a bundle in seven languages with read-aloud
 * takes at most a fifth of the screen's height: at 480x800 it took 27 %
 * in five rows (the toggles on a row of their own). Nothing in it gets
 * smaller for that: text at the floor or above, every button a finger's
 * size (48 px at 480x800, where it then takes three such rows and
 * "more languages" opens the languages beyond the first row), every
 * language on a button from 720 px wide, nothing overlapping. */
static void portrait_footer_is_compact(void **state)
{
    (void)state;
    struct lf_bundle b7 = seven_language_bundle();
    static const int sizes[][2] = {{480, 800}, {600, 1024}, {720, 1280}, {1080, 1920}, {2160, 3840}};
    static const char *const screen_langs[] = {"de", "ar"};
    struct lf_scene *s = lf_scene_create();
    for (size_t si = 0; si < sizeof(sizes) / sizeof(sizes[0]); si++) {
        for (size_t li = 0; li < 2; li++) {
            struct lf_view v = {.bundle = &b7, .lang = screen_langs[li],
                                .now = lf_local_make(2026, 12, 2, 10, 0),
                                .theme = lf_theme_get(LF_THEME_HIGH_CONTRAST), .measure = &fake,
                                .width = sizes[si][0], .height = sizes[si][1],
                                .text_scale = 1.3, .speech = true};
            char what[64];
            snprintf(what, sizeof(what), "%dx%d %s footer", v.width, v.height, v.lang);
            for (int browsing = 0; browsing < 2; browsing++) {
                lf_scene_clear(s);
                lf_layout_footer(s, &v, &(struct lf_footer){.position = 11, .count = 33,
                                                          .active_category = browsing ? 1 : -1,
                                                          .show_back = browsing,
                                                          .read = LF_READ_READY});
                assert_clean(s, v.width, v.height, lf_layout_min_text_px(&v), what);
                int top = lf_scene_op(s, 0)->box.y;
                if (v.height - top > footer_allowance(&v))
                    fail_msg("%s: %d px of %d (%d %%)", what, v.height - top, v.height,
                             (v.height - top) * 100 / v.height);
                struct lf_box body = lf_layout_content_box(&v);
                assert_true(body.y + body.h <= top);
                int n_lang = 0, more = 0;
                for (size_t t = 0; t < lf_scene_target_count(s); t++) {
                    const struct lf_target *a = lf_scene_target_at(s, t);
                    if (a->box.h < lf_layout_min_touch_px(&v) || a->box.w < lf_layout_min_touch_px(&v))
                        fail_msg("%s: target %zu is %dx%d", what, t, a->box.w, a->box.h);
                    assert_true(a->box.y >= top);
                    n_lang += a->action == LF_ACT_LANGUAGE;
                    more += a->action == LF_ACT_MORE_LANGUAGES;
                    for (size_t u = t + 1; u < lf_scene_target_count(s); u++)
                        assert_false(lf_box_overlaps(a->box, lf_scene_target_at(s, u)->box));
                }
                /* every language on a button; where a small screen's rows
                 * of finger-sized buttons do not hold them (480x800,
                 * 600x1024), the rest one tap away */
                if (v.width >= 720)
                    assert_int_equal(n_lang, (int)b7.n_languages);
                else
                    assert_true(n_lang == (int)b7.n_languages || (n_lang >= 1 && more == 1));
            }
        }
    }
    lf_scene_destroy(s);
}

/* A bundle in twelve languages on a portrait screen: the strip took three
 * rows and the footer 23.5 % of 480x800. It stays within a fifth: the
 * languages that fit in its rows, always the one on screen, each on its
 * own button named in itself, and "more languages" for the rest. Every
 * button a finger's size, nothing overlapping, text at the floor. */
static void many_languages_keep_the_portrait_footer_compact(void **state)
{
    (void)state;
    build_bundle();
    struct lf_bundle b12 = bundle;
    static char *langs[] = {"de", "en", "tr", "ar", "fa", "uk", "ru", "ti", "am", "ku", "ckb", "zh"};
    b12.n_languages = sizeof(langs) / sizeof(langs[0]);
    memcpy(b12.languages, langs, sizeof(langs));
    static const int sizes[][2] = {{480, 800}, {600, 1024}, {1080, 1920}, {2160, 3840}};
    static const char *const screen_langs[] = {"de", "ar", "zh", "ckb"};
    struct lf_scene *s = lf_scene_create();
    for (size_t si = 0; si < sizeof(sizes) / sizeof(sizes[0]); si++) {
        for (size_t li = 0; li < sizeof(screen_langs) / sizeof(screen_langs[0]); li++) {
            struct lf_view v = fake_view(&b12, screen_langs[li], lf_local_make(2026, 12, 2, 10, 0),
                                         sizes[si][0], sizes[si][1]);
            v.speech = true;
            char what[64];
            snprintf(what, sizeof(what), "%dx%d %s, 12 languages", v.width, v.height, v.lang);
            lf_scene_clear(s);
            lf_layout_footer(s, &v, &(struct lf_footer){.position = 3, .count = 17,
                                                      .active_category = -1,
                                                      .read = LF_READ_READY});
            assert_clean(s, v.width, v.height, lf_layout_min_text_px(&v), what);
            int top = lf_scene_op(s, 0)->box.y;
            if (v.height - top > footer_allowance(&v))
                fail_msg("%s: the footer is %d px of %d (%d %%)", what, v.height - top, v.height,
                         (v.height - top) * 100 / v.height);
            struct lf_box body = lf_layout_content_box(&v);
            assert_true(body.y + body.h <= top);
            int n_lang = 0, more = 0;
            bool on_screen = false;
            for (size_t t = 0; t < lf_scene_target_count(s); t++) {
                const struct lf_target *a = lf_scene_target_at(s, t);
                if (a->box.h < lf_layout_min_touch_px(&v) ||
                    a->box.w < lf_layout_min_touch_px(&v))
                    fail_msg("%s: target %zu is %dx%d", what, t, a->box.w, a->box.h);
                for (size_t u = t + 1; u < lf_scene_target_count(s); u++)
                    assert_false(lf_box_overlaps(a->box, lf_scene_target_at(s, u)->box));
                more += a->action == LF_ACT_MORE_LANGUAGES;
                if (a->action != LF_ACT_LANGUAGE)
                    continue;
                n_lang++;
                const char *tag = b12.languages[a->arg];
                on_screen |= strcmp(tag, v.lang) == 0;
                /* its button says its name in its own script */
                bool named = false;
                for (size_t i = 0; i < lf_scene_count(s); i++) {
                    const struct lf_op *o = lf_scene_op(s, i);
                    named |= o->kind == LF_OP_TEXT && lf_box_inside(o->box, a->box) &&
                             strcmp(o->text, lf_lang_endonym(tag)) == 0;
                }
                if (!named)
                    fail_msg("%s: the button of %s does not say \"%s\"", what, tag,
                             lf_lang_endonym(tag));
            }
            assert_true(on_screen);
            /* two at least; below 720 px a long name and a long "more
             * languages" (Sorani) leave a row of 48 px buttons room for
             * the one on screen only */
            if (n_lang < (v.width >= 720 ? 2 : 1))
                fail_msg("%s: %d language(s) in the strip", what, n_lang);
            /* the rest one tap away */
            assert_int_equal(more, n_lang < (int)b12.n_languages ? 1 : 0);
        }
    }
    lf_scene_destroy(s);
}

/* The footer in every language of the phrase table, with the read-aloud
 * button in each of its states ("no voice" too), portrait and landscape
 * from 480x800 to 3840x2160: at most a fifth of the screen's height (in
 * Ukrainian at 480x800 "Немає голосу для цієї мови" widened the reading
 * controls off the row of ‹ › and the footer took 23 %), every text at
 * the floor or above and inside its button, nothing overlapping. */
static void footer_is_compact_in_every_language(void **state)
{
    (void)state;
    struct lf_bundle b7 = seven_language_bundle();
    static const int sizes[][2] = {{480, 800}, {600, 1024}, {1080, 1920}, {2160, 3840},
                                   {800, 480}, {1920, 1080}, {3840, 2160}};
    static const enum lf_read_button reads[] = {LF_READ_READY, LF_READ_READING, LF_READ_NO_VOICE};
    const char *const *tags;
    size_t n_tags = lf_phrase_languages(&tags);
    assert_true(n_tags > 50);
    struct lf_scene *s = lf_scene_create();
    int worst = 0;
    char worst_what[96] = "";
    for (size_t ti = 0; ti < n_tags; ti++) {
        for (size_t si = 0; si < sizeof(sizes) / sizeof(sizes[0]); si++) {
            for (size_t ri = 0; ri < sizeof(reads) / sizeof(reads[0]); ri++) {
                struct lf_view v = fake_view(&b7, tags[ti], lf_local_make(2026, 12, 2, 10, 0),
                                             sizes[si][0], sizes[si][1]);
                v.speech = true;
                char what[96];
                snprintf(what, sizeof(what), "%dx%d %s read %d", v.width, v.height, v.lang,
                         (int)reads[ri]);
                lf_scene_clear(s);
                lf_layout_footer(s, &v, &(struct lf_footer){.position = 11, .count = 33,
                                                          .active_category = -1,
                                                          .read = reads[ri]});
                assert_clean(s, v.width, v.height, lf_layout_min_text_px(&v), what);
                int top = lf_scene_op(s, 0)->box.y, share = (v.height - top) * 1000 / v.height;
                if (share > worst) {
                    worst = share;
                    snprintf(worst_what, sizeof(worst_what), "%s", what);
                }
                if (v.height - top > footer_allowance(&v))
                    fail_msg("%s: the footer is %d px of %d (%d %%)", what, v.height - top,
                             v.height, (v.height - top) * 100 / v.height);
                /* a button's words inside the button */
                for (size_t i = 0; i < lf_scene_count(s); i++) {
                    const struct lf_op *o = lf_scene_op(s, i);
                    if (o->kind != LF_OP_TEXT || !strcmp(o->text, "‹") || !strcmp(o->text, "›"))
                        continue; /* the arrows' glyphs sit optically, not in the box */
                    for (size_t t = 0; t < lf_scene_target_count(s); t++) {
                        struct lf_box b = lf_scene_target_at(s, t)->box;
                        if (lf_box_overlaps(o->box, b) && !lf_box_inside(o->box, b))
                            fail_msg("%s: \"%s\" runs out of its button", what, o->text);
                    }
                }
            }
        }
    }
    print_message("the largest footer: %d.%d %% (%s)\n", worst / 10, worst % 10, worst_what);
    lf_scene_destroy(s);
}

/* A landscape screen nearly square, with a bundle in seven languages and
 * read-aloud: the strip shows at least two languages beside "more
 * languages" (at 1080x1080 it showed none, the button alone, at
 * 1280x1024 one), on a second row where one row lacks the room (at
 * 1280x1024 that depends on the language's words); a wide screen keeps
 * its one row. Nothing overlaps, the content ends above. */
static void landscape_strip_shows_languages(void **state)
{
    (void)state;
    struct lf_bundle b7 = seven_language_bundle();
    static const struct {
        int w, h, rows;
    } screens[] = {{1080, 1080, 2}, {1200, 1080, 2}, {1280, 1024, 0}, {1024, 768, 1},
                   {800, 480, 1}, {1920, 1080, 1}, {3840, 2160, 1}};
    static const char *const screen_langs[] = {"de", "ar", "tr", "uk"};
    struct lf_scene *s = lf_scene_create();
    for (size_t si = 0; si < sizeof(screens) / sizeof(screens[0]); si++) {
        for (size_t li = 0; li < sizeof(screen_langs) / sizeof(screen_langs[0]); li++) {
            struct lf_view v = fake_view(&b7, screen_langs[li], lf_local_make(2026, 12, 2, 10, 0),
                                         screens[si].w, screens[si].h);
            v.speech = true;
            char what[64];
            snprintf(what, sizeof(what), "%dx%d %s", v.width, v.height, v.lang);
            lf_scene_clear(s);
            lf_layout_footer(s, &v, &(struct lf_footer){.position = 0, .count = 30,
                                                      .active_category = -1,
                                                      .read = LF_READ_READY});
            assert_clean(s, v.width, v.height, lf_layout_min_text_px(&v), what);
            int top = lf_scene_op(s, 0)->box.y, n_lang = 0;
            struct lf_box body = lf_layout_content_box(&v);
            assert_true(body.y + body.h <= top);
            int rows_y[4], rows = 0;
            for (size_t t = 0; t < lf_scene_target_count(s); t++) {
                const struct lf_target *a = lf_scene_target_at(s, t);
                n_lang += a->action == LF_ACT_LANGUAGE;
                for (size_t u = t + 1; u < lf_scene_target_count(s); u++)
                    assert_false(lf_box_overlaps(a->box, lf_scene_target_at(s, u)->box));
                if (a->action != LF_ACT_LANGUAGE && a->action != LF_ACT_MORE_LANGUAGES)
                    continue;
                bool seen = false;
                for (int r = 0; r < rows; r++)
                    seen |= rows_y[r] == a->box.y;
                if (!seen && rows < 4)
                    rows_y[rows++] = a->box.y;
            }
            if (n_lang < LF_STRIP_LEAST_LANGUAGES)
                fail_msg("%s: %d languages in the strip", what, n_lang);
            if (screens[si].rows ? rows != screens[si].rows : rows > 2)
                fail_msg("%s: the strip has %d rows of languages", what, rows);
        }
    }
    lf_scene_destroy(s);
}

/* The row of ‹ › in every language of the phrase table, on the screens
 * a foyer has (5:4 and square too: at 1280x1024 "Veranstaltungen" was
 * hyphenated onto two lines and cut at the button's bottom, at 1080x1080
 * "Veranstal-tungen", in Arabic "الاستشارا-ت"), browsing and not: each
 * section button and "back" holds its whole label on one line, unbroken
 * and inside the button, at the floor or above. */
static void footer_labels_whole_on_one_line(void **state)
{
    (void)state;
    build_bundle();
    static const int sizes[][2] = {{1280, 1024}, {1080, 1080}, {1024, 768}, {800, 480},
                                   {1920, 1080}, {480, 800}, {600, 1024}};
    static const enum lf_phrase cats[LF_CAT_COUNT] = {LF_P_EVENTS, LF_P_OFFERS, LF_P_CONTACTS};
    const char *const *tags;
    size_t n_tags = lf_phrase_languages(&tags);
    assert_true(n_tags > 50);
    struct lf_scene *s = lf_scene_create();
    for (size_t ti = 0; ti < n_tags; ti++) {
        for (size_t si = 0; si < sizeof(sizes) / sizeof(sizes[0]); si++) {
            for (int back = 0; back < 2; back++) {
                struct lf_view v = fake_view(&bundle, tags[ti], lf_local_make(2026, 12, 2, 10, 0),
                                             sizes[si][0], sizes[si][1]);
                char what[96];
                snprintf(what, sizeof(what), "%dx%d %s%s", v.width, v.height, v.lang,
                         back ? " browsing" : "");
                lf_scene_clear(s);
                lf_layout_footer(s, &v, &(struct lf_footer){.position = 11, .count = 33,
                                                          .active_category = -1,
                                                          .show_back = back});
                assert_clean(s, v.width, v.height, lf_layout_min_text_px(&v), what);
                int seen = 0;
                for (size_t t = 0; t < lf_scene_target_count(s); t++) {
                    const struct lf_target *tg = lf_scene_target_at(s, t);
                    if (tg->action != LF_ACT_CATEGORY && tg->action != LF_ACT_HOME)
                        continue;
                    const char *label = lf_phrase(v.lang, tg->action == LF_ACT_HOME
                                                              ? LF_P_BACK
                                                              : cats[tg->arg]);
                    int lines = 0;
                    for (size_t i = 0; i < lf_scene_count(s); i++) {
                        const struct lf_op *o = lf_scene_op(s, i);
                        if (o->kind != LF_OP_TEXT || !lf_box_overlaps(o->box, tg->box))
                            continue;
                        lines++;
                        if (!lf_box_inside(o->box, tg->box))
                            fail_msg("%s: \"%s\" runs out of its button", what, o->text);
                        if (strcmp(o->text, label) != 0)
                            fail_msg("%s: the button \"%s\" says \"%s\"", what, label, o->text);
                    }
                    if (lines != 1)
                        fail_msg("%s: \"%s\" is on %d lines", what, label, lines);
                    seen++;
                }
                assert_int_equal(seen, LF_CAT_COUNT + back);
            }
        }
    }
    lf_scene_destroy(s);
}

/* A word broken at a line's end keeps its hyphen at its own end: a
 * German word in an Arabic title showed the hyphen at the line's left
 * end, before the word ("-Donaudampfschiff..."), as the typesetter
 * gives a trailing hyphen the line's direction. It now carries the
 * word's direction mark; a German line on a German screen none. */
static void hyphen_stays_with_its_word(void **state)
{
    (void)state;
    build_bundle();
    struct lf_translation title[2] = {
        tr_de("Donaudampfschifffahrtsgesellschaftskapitänswitwenrentenauszahlungsstelle"),
        {.lang = "ar", .text = "عنوان Donaudampfschifffahrtsgesellschaftskapitänswitwenrentenauszahlungsstelle"}};
    struct lf_item ev = items[0];
    ev.title = (struct lf_text){2, title};
    struct lf_slide sl = {LF_SLIDE_EVENT, &ev, ev.start, ev.end};
    struct lf_page page = {.kind = LF_PAGE_SLIDE, .slide = &sl};
    static const char *const langs[] = {"ar", "de"};
    for (size_t li = 0; li < 2; li++) {
        struct lf_view v = {.bundle = &bundle, .lang = langs[li],
                            .now = lf_local_make(2026, 11, 23, 10, 0),
                            .theme = lf_theme_get(LF_THEME_STANDARD), .measure = &fake,
                            .width = 800, .height = 480, .text_scale = 1.0};
        struct lf_scene *s = lf_scene_create();
        lf_layout_page(s, &v, &page, NULL);
        size_t broken = 0;
        for (size_t i = 0; i < lf_scene_count(s); i++) {
            const struct lf_op *op = lf_scene_op(s, i);
            if (op->kind != LF_OP_TEXT || !strstr(op->text, "Donau"))
                continue;
            size_t n = strlen(op->text);
            if (li == 0) {
                /* the first line: "عنوان" and the start of the German word */
                assert_true(n > 4 && strcmp(op->text + n - 4, "-\u200E") == 0);
                broken++;
            } else if (op->text[n - 1] == '-') {
                broken++;
            }
        }
        assert_int_equal(broken, 1);
        lf_scene_destroy(s);
    }
}

/* A slide whose title, set large at the top of its text, would push its
 * last line onto a page of its own is set with a smaller title (never
 * smaller than its text) and stays on one page. */
static void a_large_title_gives_way_to_one_page(void **state)
{
    (void)state;
    build_bundle();
    static struct lf_translation title = {"de", "Ausstellung: Gesichter der Migration"},
                                 body = {"de", "Porträts von Menschen, die nach Münster gekommen sind."},
                                 place = {"de", "Stadtbücherei"};
    struct lf_item ev = {.kind = LF_ITEM_EVENT, .id = "ausstellung", .title = {1, &title},
                         .summary = {1, &body}, .place = {1, &place}, .image = "poster.png",
                         .start = lf_local_make(2026, 11, 10, 10, 0),
                         .end = lf_local_make(2026, 12, 20, 18, 0)};
    struct lf_slide sl = {LF_SLIDE_EVENT, &ev, ev.start, ev.end};
    struct lf_page page = {.kind = LF_PAGE_SLIDE, .slide = &sl};
    struct lf_scene *s = lf_scene_create();
    size_t one_page = 0, cases = 0;
    static const int sizes[][2] = {{3840, 2160}, {1920, 1080}, {1366, 768}, {1280, 800}};
    for (size_t i = 0; i < 4; i++)
        for (int large = 0; large < 2; large++) {
            struct lf_view v =
                fake_view(&bundle, "de", lf_local_make(2026, 12, 2, 13, 0),
                          sizes[i][0], sizes[i][1]);
            v.text_scale = large ? 1.3 : 1.0; /* A+ */
            struct lf_page_result r;
            lf_scene_clear(s);
            lf_layout_page(s, &v, &page, &r);
            assert_clean(s, v.width, v.height, lf_layout_min_text_px(&v), "one page");
            const struct lf_op *t = op_starting(s, "Ausstellung"), *b = op_starting(s, "Porträts");
            if (!r.continues) {
                one_page++;
                assert_non_null(b);
                assert_non_null(t);
                assert_true(t->px > b->px); /* the title still larger than the text */
            }
            cases++;
            if (r.continues)
                print_message("%dx%d text x%.1f continues\n", v.width, v.height, v.text_scale);
        }
    if (one_page != cases)
        fail_msg("%zu of %zu screens continue a short event on a second page", cases - one_page,
                 cases);
    lf_scene_destroy(s);
}

static void empty_agenda_says_nothing_is_announced(void **state)
{
    (void)state;
    struct lf_bundle none = {0};
    struct lf_slide agenda = {LF_SLIDE_AGENDA, NULL, 0, 0};
    struct lf_page page = {.kind = LF_PAGE_SLIDE, .slide = &agenda, .n_list = 0};
    struct lf_view v = fake_view(&none, "de", lf_local_make(2026, 11, 23, 10, 0), 1080, 1920);
    struct lf_scene *s = lf_scene_create();
    lf_layout_page(s, &v, &page, NULL);
    assert_true(scene_has_text(s, "Zurzeit sind keine Veranstaltungen angekündigt."));
    v.lang = "ar";
    lf_scene_clear(s);
    lf_layout_page(s, &v, &page, NULL);
    assert_true(scene_has_text(s, "لا توجد فعاليات معلنة حاليًا."));
    lf_scene_destroy(s);
}

/* Whether w, lang's word for p, is German left in: the German text itself
 * (unless it is only placeholders and punctuation, or the word is the same
 * in both languages: below), or German's "Uhr". */
static bool german_word_left(const char *lang, enum lf_phrase p, const char *w)
{
    static const struct {
        const char *lang;
        enum lf_phrase p;
    } same_word[] = {
        /* "Kontakt", "Kontakte" (Albanian plural), "Morgen" (Dutch): the
         * language's own word too */
        {"pl", LF_P_CONTACT}, {"hr", LF_P_CONTACT}, {"bs", LF_P_CONTACT},
        {"cs", LF_P_CONTACT}, {"sk", LF_P_CONTACT}, {"sl", LF_P_CONTACT},
        {"sr-Latn", LF_P_CONTACT}, {"sq", LF_P_CONTACTS}, {"nl", LF_P_TOMORROW},
        {"sv", LF_P_CONTACT}, {"da", LF_P_CONTACT}, {"nb", LF_P_CONTACT},
        {"et", LF_P_CONTACT}, {"sv", LF_P_STOP_READING}, {"nb", LF_P_STOP_READING},
    };
    const char *de = lf_phrase("de", p);
    for (const char *c = w; *c; c++)
        if (c[0] == 'U' && c[1] == 'h' && c[2] == 'r' && (c == w || c[-1] == ' ') &&
            (c[3] == '\0' || c[3] == ' ' || c[3] == '.'))
            return true;
    if (strcmp(w, de) != 0)
        return false;
    bool letters = false;
    for (const char *c = w; *c; c++)
        if (*c == '%') {
            c += c[1] == 's' ? 1 : 3; /* "%s" or "%1$s" */
        } else if ((unsigned char)*c >= 0x80 || (*c >= 'A' && *c <= 'Z') ||
                   (*c >= 'a' && *c <= 'z')) {
            letters |= (unsigned char)*c != 0xE2; /* the dash "–" (E2 80 93) is no word */
            if ((unsigned char)*c == 0xE2)
                c += 2;
        }
    if (!letters)
        return false;
    for (size_t i = 0; i < sizeof(same_word) / sizeof(same_word[0]); i++)
        if (strcmp(same_word[i].lang, lang) == 0 && same_word[i].p == p)
            return false;
    return true;
}

static void phrases_and_dates_per_language(void **state)
{
    (void)state;
    time_t t = lf_local_make(2027, 3, 21, 18, 0); /* a Sunday */
    static const struct {
        const char *lang;
        enum lf_date_style style;
        const char *want;
    } cases[] = {
        {"de", LF_DATE_LONG, "Sonntag, 21. März 2027"},
        {"en", LF_DATE_LONG, "Sunday, 21 March 2027"},
        {"tr", LF_DATE_LONG, "21 Mart 2027 Pazar"},
        {"ar", LF_DATE_LONG, "الأحد، 21 مارس 2027"},
        {"uk", LF_DATE_LONG, "неділя, 21 березня 2027\u202fр."},
        {"uk", LF_DATE_DAY_MONTH, "21 березня"}, /* genitive after the day */
        {"uk", LF_DATE_MONTH, "березень"},       /* nominative alone (badge) */
        {"pl", LF_DATE_DAY_MONTH, "21 marca"},
        {"ti", LF_DATE_DAY_MONTH, "21 መጋቢት"},
        {"prs", LF_DATE_MONTH, "مارچ"},          /* Dari month names, not Iranian */
        {"fa", LF_DATE_MONTH, "مارس"},
        {"fa", LF_DATE_DAY_MONTH, "21 مارس"},   /* Gregorian, Latin digits */
        {"ru", LF_DATE_DAY_MONTH, "21 марта"},
        {"de", LF_DATE_DAY_MONTH, "21. März"},
        {"de", LF_DATE_TIME, "18:00"},
        {"xx", LF_DATE_WEEKDAY, "Sonntag"}, /* unknown language: German */
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        char buf[128];
        lf_format_date(cases[i].lang, t, cases[i].style, buf, sizeof(buf));
        assert_string_equal(buf, cases[i].want);
    }
    char buf[128];
    lf_format_time_range("de", t, t + 7200, buf, sizeof(buf));
    assert_string_equal(buf, "18:00–20:00 Uhr");
    lf_format_time_range("en", t, t + 86400, buf, sizeof(buf));
    assert_string_equal(buf, "21 March, 18:00 – 22 March, 18:00");
    lf_format_time_range("de", t, t + 86400, buf, sizeof(buf));
    assert_string_equal(buf, "21. März, 18:00 Uhr – 22. März, 18:00 Uhr");
    lf_format_time_range("de", t + 4 * 3600, t + 6 * 3600, buf, sizeof(buf));
    assert_string_equal(buf, "22:00–00:00 Uhr"); /* ends at midnight: still its day */
    assert_true(lf_lang_is_rtl("ar"));
    assert_true(lf_lang_is_rtl("fa-IR"));
    assert_false(lf_lang_is_rtl("de-x-ls"));
    assert_string_equal(lf_list_comma("ar"), "، ");
    assert_string_equal(lf_list_comma("fa-IR"), "، ");
    assert_string_equal(lf_list_comma("de"), ", ");
    assert_string_equal(lf_list_comma("he"), ", "); /* right to left, but the Latin comma */
    assert_string_equal(lf_lang_endonym("tr"), "Türkçe");
    assert_string_equal(lf_phrase("en-GB", LF_P_EVENTS), "Events");
    /* every phrase exists in every built-in language, with the German
     * text's placeholders, and has a key that leads back to it */
    const char *const *langs;
    size_t n_langs = lf_phrase_languages(&langs);
    assert_true(n_langs >= 58);
    for (size_t l = 0; l < n_langs; l++)
        for (int p = 0; p < LF_P_COUNT; p++) {
            const char *w = lf_phrase(langs[l], (enum lf_phrase)p);
            /* Romani has only the words shared by its dialects (phrase_table.c) */
            if (strcmp(langs[l], "rom") == 0 && !lf_phrase_has("rom", (enum lf_phrase)p))
                continue;
            if (!lf_phrase_has(langs[l], (enum lf_phrase)p) || !lf_phrase_format_ok(p, w) ||
                !w[0])
                fail_msg("%s: phrase %s missing, empty or wrong placeholders: \"%s\"",
                         langs[l], lf_phrase_key((enum lf_phrase)p), w);
            if (strncmp(langs[l], "de", 2) != 0 &&
                german_word_left(langs[l], (enum lf_phrase)p, w))
                fail_msg("%s: phrase %s is still the German \"%s\"", langs[l],
                         lf_phrase_key((enum lf_phrase)p), w);
            enum lf_phrase back;
            assert_true(lf_phrase_from_key(lf_phrase_key((enum lf_phrase)p), &back));
            assert_int_equal(back, p);
        }
    assert_string_equal(lf_phrase("rom", LF_P_WHERE), "Kaj");
    assert_false(lf_phrase_has("rom", LF_P_TODAY)); /* German stands in, validate says so */
    assert_string_equal(lf_phrase("no", LF_P_WHERE), "Hvor"); /* Norwegian: Bokmål */
    assert_string_equal(lf_phrase("no-NO", LF_P_TODAY), "I dag");
    assert_string_equal(lf_list_comma("ja"), "、");
    /* never words in a script the tag does not ask for */
    assert_string_equal(lf_phrase("pa", LF_P_WHERE), "ਕਿੱਥੇ");
    assert_string_equal(lf_phrase("pa-Arab", LF_P_WHERE), lf_phrase("ur", LF_P_WHERE));
    assert_string_equal(lf_phrase("pa-PK", LF_P_WHERE), lf_phrase("ur", LF_P_WHERE));
    assert_string_equal(lf_phrase("az-Arab", LF_P_WHERE), lf_phrase("fa", LF_P_WHERE));
    assert_string_equal(lf_phrase("az-Latn", LF_P_WHERE), "Harada");
    assert_string_equal(lf_phrase("uz", LF_P_WHERE), "Qayerda");
    assert_string_equal(lf_phrase("uz-Latn-UZ", LF_P_WHERE), "Qayerda");
    assert_string_equal(lf_phrase("uz-Cyrl", LF_P_WHERE), "Қаерда");
    assert_string_equal(lf_phrase("nn", LF_P_WHERE), "Hvor");
    assert_string_equal(lf_phrase("rmy", LF_P_WHERE), "Kaj");
    assert_string_equal(lf_lang_endonym("az-Arab"), "تۆرکجه");
    /* the check can fail: German left in, "Uhr"; not on placeholders alone */
    assert_true(german_word_left("nl", LF_P_WHERE, "Wo"));
    assert_true(german_word_left("ja", LF_P_CLOCK, "%s Uhr"));
    assert_false(german_word_left("ja", LF_P_SPAN, "%1$s – %2$s"));
    assert_false(german_word_left("cs", LF_P_CONTACT, "Kontakt"));
    /* every language with words of its own has its dates from ICU, not
     * German's: month, weekday and the long date differ ("März",
     * "Sonntag"); only Romani, which CLDR lacks, is written the German way */
    for (size_t l = 0; l < n_langs; l++) {
        if (strncmp(langs[l], "de", 2) == 0 || strcmp(langs[l], "rom") == 0)
            continue;
        /* "bis Fr" on a badge: the phrase has a word of its own around the day */
        char until[64];
        snprintf(until, sizeof(until), lf_phrase(langs[l], LF_P_UNTIL), "");
        if (strlen(until) < 2)
            fail_msg("%s: \"until\" without a word: \"%s\"", langs[l], until);
        static const enum lf_date_style styles[] = {
            LF_DATE_LONG, LF_DATE_MONTH, LF_DATE_MONTH_SHORT, LF_DATE_DAY_MONTH,
            LF_DATE_WEEKDAY, LF_DATE_WEEKDAY_SHORT, LF_DATE_WEEKDAY_DAY_MONTH,
            LF_DATE_DAY_MONTH_YEAR};
        for (size_t i = 0; i < sizeof(styles) / sizeof(styles[0]); i++) {
            char own[128], de[128];
            lf_format_date(langs[l], t, styles[i], own, sizeof(own));
            lf_format_date("de", t, styles[i], de, sizeof(de));
            if (!own[0] || strcmp(own, de) == 0)
                fail_msg("%s: date style %d is German's \"%s\"", langs[l], (int)styles[i],
                         own);
        }
    }
    /* Chinese: traditional characters for Taiwan, Hong Kong and Macao and
     * for zh-Hant with any region; simplified otherwise */
    static const char *const hant[] = {"zh-Hant", "zh-TW", "zh-HK", "zh-MO", "zh-Hant-TW",
                                       "zh-Hant-HK", "zh-TW-x-ki"};
    for (size_t i = 0; i < sizeof(hant) / sizeof(hant[0]); i++) {
        assert_string_equal(lf_phrase(hant[i], LF_P_WHERE), "地點");
        assert_string_equal(lf_phrase(hant[i], LF_P_LANGUAGES), "語言");
    }
    static const char *const hans[] = {"zh", "zh-Hans", "zh-CN", "zh-Hans-TW", "zh-SG"};
    for (size_t i = 0; i < sizeof(hans) / sizeof(hans[0]); i++)
        assert_string_equal(lf_phrase(hans[i], LF_P_WHERE), "地点");
    char zh_date[128];
    lf_format_date("zh-TW", t, LF_DATE_WEEKDAY_SHORT, zh_date, sizeof(zh_date));
    assert_string_equal(zh_date, "週日"); /* ICU's traditional weekday too */
    /* right to left by script, also with a region or a script subtag */
    static const char *const rtl[] = {"ar", "fa", "prs", "fa-AF", "ps", "ckb", "ku-Arab", "ur",
                                      "he", "yi", "dv", "ar-SY"};
    for (size_t i = 0; i < sizeof(rtl) / sizeof(rtl[0]); i++)
        if (!lf_lang_is_rtl(rtl[i]))
            fail_msg("%s is written right to left", rtl[i]);
    static const char *const ltr[] = {"ku", "kmr", "ti", "am", "tr", "sr-Cyrl", "zh-Hans",
                                      "rom", "de-x-ls", "az-Latn"};
    for (size_t i = 0; i < sizeof(ltr) / sizeof(ltr[0]); i++)
        if (lf_lang_is_rtl(ltr[i]))
            fail_msg("%s is written left to right", ltr[i]);
    /* names in the language itself, never a raw tag */
    static const struct {
        const char *tag, *name;
    } names[] = {
        {"sr-Cyrl", "Српски (ћирилица)"}, {"zh-Hans", "简体中文"}, {"ti", "ትግርኛ"},
        {"am", "አማርኛ"}, {"he", "עברית"}, {"vi", "Tiếng Việt"}, {"pl", "Polski"},
        {"fa-AF", "دری"}, {"prs", "دری"}, {"de-x-ls", "Leichte Sprache"}, {"uk", "Українська"},
        {"ckb", "کوردیی ناوەندی"}, {"ku", "Kurdî"}, {"rom", "Romanes"},
        {"zh-Hant", "繁體中文"}, {"ja", "日本語"}, {"ko", "한국어"}, {"hy", "Հայերեն"},
        {"ka", "ქართული"}, {"ur", "اردو"}, {"nl", "Nederlands"}, {"mk", "Македонски"},
        {"hu", "Magyar"}, {"cs", "Čeština"}, {"bs", "Bosanski"}, {"hr", "Hrvatski"},
        {"hi", "हिन्दी"}, {"bn", "বাংলা"}, {"pa", "ਪੰਜਾਬੀ"}, {"ta", "தமிழ்"}, {"sw", "Kiswahili"},
        {"fi", "Suomi"}, {"sv", "Svenska"}, {"lt", "Lietuvių"}, {"nb", "Norsk bokmål"},
        {"zh-Hant-TW", "繁體中文（台灣）"}, {"pa-Guru", "ਪੰਜਾਬੀ (ਗੁਰਮੁਖੀ)"},
        {"uz-Cyrl", "Ўзбекча (Кирил)"}, {"ur-PK", "اردو (پاکستان)"},
    };
    for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
        assert_string_equal(lf_lang_endonym(names[i].tag), names[i].name);
    assert_true(strstr(lf_lang_endonym("ti-ER"), "ትግርኛ") != NULL);
    assert_true(lf_lang_known("ku-Arab"));
    assert_false(lf_lang_known("qqq"));
    /* a tag falls back along its subtags, then to German */
    assert_string_equal(lf_phrase("sr-Latn-RS", LF_P_WHERE), "Gde");
    assert_string_equal(lf_phrase("sr-Cyrl", LF_P_WHERE), "Где");
    assert_string_equal(lf_phrase("fa-AF", LF_P_OFFERS), lf_phrase("prs", LF_P_OFFERS));
    assert_string_equal(lf_phrase("qqq", LF_P_WHERE), "Wo");
    assert_false(lf_phrase_has("qqq", LF_P_WHERE));
    assert_string_equal(lf_phrase("de-x-ls", LF_P_WHERE), "Wo?");
}

/* content.json's "phrases" corrects and adds words; broken ones are
 * ignored (the built-in word stays) and validate says why. */
static void bundle_phrases_override(void **state)
{
    (void)state;
    const char *json =
        "{\"format\": 1, \"organisation\": {\"de\": \"KI\", \"yi\": \"KI\"}, \"items\": [],\n"
        " \"phrases\": {\"tr\": {\"where\": \"Yer\", \"open_until\": \"Açık, %s saatine kadar\"},\n"
        "   \"yi\": {\"where\": \"וווּ\"},\n"
        "   \"en\": {\"opens_on\": \"%2$s on %1$s\", \"open_until\": \"until %d\",\n"
        "          \"wehre\": \"x\"}}}";
    struct lf_diags *d = lf_diags_create();
    struct lf_bundle *b = lf_bundle_parse(json, strlen(json), "content.json", NULL, d);
    assert_non_null(b);
    assert_int_equal(b->n_phrases, 6);
    lf_phrases_use(b);
    assert_string_equal(lf_phrase("tr", LF_P_WHERE), "Yer");
    assert_string_equal(lf_phrase("tr-DE", LF_P_OPEN_UNTIL), "Açık, %s saatine kadar");
    assert_string_equal(lf_phrase("yi", LF_P_WHERE), "וווּ"); /* a language added (Yiddish) */
    assert_true(lf_phrase_has("yi", LF_P_WHERE));
    assert_false(lf_phrase_has("yi", LF_P_WHEN));
    assert_string_equal(lf_phrase("en", LF_P_OPENS_ON), "%2$s on %1$s"); /* order may change */
    assert_string_equal(lf_phrase("en", LF_P_OPEN_UNTIL), "Open now, until %s"); /* %d ignored */
    lf_phrases_check(b, d);
    bool bad_format = false, bad_key = false, yi_missing = false;
    for (size_t i = 0; i < lf_diags_count(d); i++) {
        const struct lf_diag *e = lf_diags_get(d, i);
        assert_int_equal(e->severity, LF_DIAG_WARNING);
        bad_format |= strcmp(e->path, "phrases.en.open_until") == 0 && e->line == 4;
        bad_key |= strcmp(e->path, "phrases.en.wehre") == 0 && strstr(e->message, "where");
        yi_missing |= strcmp(e->path, "phrases.yi") == 0 && strstr(e->message, "when") &&
                      !strstr(e->message, "where,");
        assert_true(strcmp(e->path, "phrases.de") != 0);
    }
    assert_true(bad_format);
    assert_true(bad_key);
    assert_true(yi_missing);
    lf_phrases_use(NULL);
    assert_string_equal(lf_phrase("tr", LF_P_WHERE), "Nerede");
    lf_bundle_destroy(b);
    lf_diags_destroy(d);
}

static void themes_have_aaa_contrast(void **state)
{
    (void)state;
    for (int id = 0; id < LF_THEME_COUNT; id++) {
        const struct lf_theme *t = lf_theme_get((enum lf_theme_id)id);
        struct {
            struct lf_rgba fg, bg;
            const char *what;
        } pairs[] = {
            {t->ink, t->page, "ink on page"},
            {t->ink, t->card, "ink on card"},
            {t->ink_soft, t->page, "soft ink on page"},
            {t->ink_soft, t->card, "soft ink on card"},
            {t->bar_ink, t->bar, "bar ink on bar"},
            {t->on_accent, t->accent[0], "on accent 0"},
            {t->on_accent, t->accent[1], "on accent 1"},
            {t->on_accent, t->accent[2], "on accent 2"},
            {t->accent[0], t->page, "accent 0 on page"},
            {t->accent[1], t->page, "accent 1 on page"},
            {t->accent[2], t->page, "accent 2 on page"},
            {t->accent[0], t->card, "accent 0 on card"},
            {t->accent[1], t->card, "accent 1 on card"},
            {t->accent[2], t->card, "accent 2 on card"},
            {t->on_accent, t->open, "on open"},
            {t->on_accent, t->closed, "on closed"},
            {t->ink, t->notice, "ink on notice"},
            {t->on_accent, t->urgent, "on urgent"},
            {t->button_ink, t->button, "footer button"},
            {t->page, t->ink_soft, "page on soft ink (German marker)"},
        };
        for (size_t i = 0; i < sizeof(pairs) / sizeof(pairs[0]); i++) {
            double r = lf_contrast_ratio(pairs[i].fg, pairs[i].bg);
            if (r < 7.0)
                fail_msg("theme %s: %s has contrast %.2f:1, below 7:1", t->name, pairs[i].what,
                         r);
        }
    }
    /* the formula itself: black on white is 21:1 */
    assert_true(lf_contrast_ratio((struct lf_rgba){0, 0, 0, 255},
                                  (struct lf_rgba){255, 255, 255, 255}) > 20.99);
}

/* A paragraph keeps its direction on every line (UAX #9: its first
 * strong letter): a German description whose second line starts with a
 * Persian phrase is still set left to right, so the line gets U+200E in
 * front (the typesetter sees one line at a time); a Persian paragraph
 * whose line starts with a Latin word gets U+200F; one-direction lines
 * get nothing. */
static void lines_keep_their_paragraphs_direction(void **state)
{
    (void)state;
    build_bundle();
    struct lf_translation desc[] = {
        tr_de("Deutschkurs für Frauen دوره زبان آلمانی برای زنان in der Stadtbücherei\n"
              "دوره زبان آلمانی Deutschkurs für Frauen برای زنان")};
    struct lf_item ev = items[0];
    ev.summary = (struct lf_text){1, desc};
    struct lf_slide sl = {LF_SLIDE_EVENT, &ev, ev.start, ev.end};
    struct lf_page page = {.kind = LF_PAGE_SLIDE, .slide = &sl};
    size_t lrm = 0, rlm = 0, lines = 0;
    for (int width = 480; width <= 1920; width += 360) {
        struct lf_view v =
            fake_view(&bundle, "de", lf_local_make(2026, 11, 23, 10, 0), width, 1080);
        struct lf_scene *s = lf_scene_create();
        lf_layout_page(s, &v, &page, NULL);
        for (size_t i = 0; i < lf_scene_count(s); i++) {
            const struct lf_op *op = lf_scene_op(s, i);
            if (op->kind != LF_OP_TEXT)
                continue;
            bool persian_first = strncmp(op->text, "دوره", strlen("دوره")) == 0 ||
                                 strncmp(op->text, "زبان", strlen("زبان")) == 0 ||
                                 strncmp(op->text, "آلمانی", strlen("آلمانی")) == 0 ||
                                 strncmp(op->text, "برای", strlen("برای")) == 0 ||
                                 strncmp(op->text, "زنان", strlen("زنان")) == 0;
            /* a line of the German paragraph may not start with a Persian word bare
             * (a line that the Persian paragraph also holds, such as its last
             * word "زنان" alone, may be of that one) */
            const char *nl = strchr(desc[0].text, '\n');
            if (persian_first && strstr(desc[0].text, op->text) &&
                strstr(desc[0].text, op->text) < nl && !strstr(nl, op->text))
                fail_msg("width %d: \"%s\" would be set right to left", width, op->text);
            lrm += strncmp(op->text, "\u200E", 3) == 0;
            rlm += strncmp(op->text, "\u200F", 3) == 0;
            lines += strstr(op->text, "Frauen") != NULL;
        }
        lf_scene_destroy(s);
    }
    assert_true(lines > 0);
    assert_true(lrm > 0); /* some width breaks the German paragraph before the Persian */
    assert_true(rlm > 0); /* and the Persian paragraph before "Deutschkurs" */
}

/* A date line never breaks between a day and its month nor between a time
 * and its word, in any language's order (issue 9: "Sonntag, 28. / März 2027") */
static void dates_keep_day_and_month_together(void **state)
{
    (void)state;
    static const struct {
        const char *in, *out;
    } cases[] = {
        {"Sonntag, 28. März 2027, 13:00 Uhr",
         "Sonntag, 28.\u00a0März\u00a02027, 13:00\u00a0Uhr"},
        {"Montag, 15. März – Sonntag, 28. März 2027",
         "Montag, 15.\u00a0März – Sonntag, 28.\u00a0März\u00a02027"},
        {"Sunday, March 28, 2027, 6:00 PM", "Sunday, March\u00a028, 2027, 6:00\u00a0PM"},
        {"28 Mart 2027 Pazar", "28\u00a0Mart\u00a02027\u00a0Pazar"},
        {"الأحد، 28 مارس 2027", "الأحد، 28\u00a0مارس\u00a02027"},
        {"یکشنبه ۲۸ مارس", "یکشنبه\u00a0۲۸\u00a0مارس"},
        {"18:00 – 20:00", "18:00 – 20:00"}, /* nothing to join: unchanged */
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        char buf[256];
        snprintf(buf, sizeof(buf), "%s", cases[i].in);
        lf_frame_bind_dates(buf, sizeof(buf));
        assert_string_equal(buf, cases[i].out);
    }
    /* and the wrap honours it: at every width, no line ends with the day */
    for (int chars = 8; chars <= 40; chars++) {
        char buf[256];
        snprintf(buf, sizeof(buf), "%s", "Montag, 15. März – Sonntag, 28. März 2027");
        lf_frame_bind_dates(buf, sizeof(buf));
        struct lf_wrapped w;
        lf_wrap(&fake, LF_FACE_REGULAR, 20, buf, 11 * chars, 10, &w);
        for (size_t l = 0; l + 1 < w.n; l++) {
            const char *end = buf + w.lines[l].start + w.lines[l].len;
            assert_false(end - buf >= 3 && strncmp(end - 3, "15.", 3) == 0);
            assert_false(end - buf >= 3 && strncmp(end - 3, "28.", 3) == 0);
        }
    }
    /* no room for the wider space: left as it is, never cut */
    char small[] = "28. März";
    lf_frame_bind_dates(small, sizeof(small));
    assert_string_equal(small, "28. März");
}

/* A short item is never split for the sake of larger type: an event that
 * fits one page at full size or at 90 / 80 % (the sample's
 * "Austauschtreffen") is one page in both orientations, its organiser
 * included; and a slide that must go on is not set larger on its
 * continuation than on its first page (issue 9). */
static void short_items_are_never_split(void **state)
{
    (void)state;
    build_bundle();
    static struct lf_translation title = {"de", "Austauschtreffen der Migrant*innenorganisationen"},
                                 place = {"de", "Kreisverwaltung Recklinghausen"},
                                 body = {"de", "Beispieltermin. Vereine und Gruppen von Migrant*innen "
                                               "im Kreis lernen sich kennen, tauschen Erfahrungen aus "
                                               "und hören Neues zu Projekten und Fördermitteln."},
                                 reg = {"de", "Bitte anmelden bei Z. Sözüdogru, Tel. 02361 53-3808"},
                                 org = {"de", "Kommunales Integrationszentrum Kreis Recklinghausen"},
                                 tag = {"de", "Migrant*innenorganisationen"};
    struct lf_item ev = {.kind = LF_ITEM_EVENT, .id = "mo", .title = {1, &title},
                         .summary = {1, &body}, .place = {1, &place},
                         .address = "Kurt-Schumacher-Allee 1, 45657 Recklinghausen",
                         .registration = {1, &reg}, .organiser = {1, &org},
                         .email = "z.soezuedogru@kreis-re.de", .url = "https://www.kreis-re.de"};
    ev.tags[0] = (struct lf_text){1, &tag};
    ev.n_tags = 1;
    ev.start = lf_local_make(2026, 12, 9, 17, 0);
    ev.end = lf_local_make(2026, 12, 9, 19, 0);
    struct lf_slide sl = {LF_SLIDE_EVENT, &ev, ev.start, ev.end};
    struct lf_page page = {.kind = LF_PAGE_SLIDE, .slide = &sl};
    static const int sizes[][2] = {{1080, 1920}, {768, 1366}, {2160, 3840}, {1920, 1080},
                                   {1366, 768}, {3840, 2160}};
    struct lf_scene *s = lf_scene_create();
    for (size_t i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
        struct lf_view v =
            fake_view(&bundle, "de", lf_local_make(2026, 12, 2, 10, 0), sizes[i][0], sizes[i][1]);
        struct lf_page_result r;
        lf_scene_clear(s);
        lf_layout_page(s, &v, &page, &r);
        if (r.continues)
            fail_msg("%dx%d: a short event goes on to a second page", v.width, v.height);
        static char text[16384];
        scene_text(s, text, sizeof(text));
        if (!strstr(text, "Kommunales") || !strstr(text, "Sözüdogru"))
            fail_msg("%dx%d: organiser or registration missing: %s", v.width, v.height, text);
        assert_clean(s, v.width, v.height, lf_layout_min_text_px(&v), "short event");
    }
    /* too long for one page, by a little or by much: a continuation is set
     * no larger than the first page */
    static char desc[4096];
    static struct lf_translation desc_tr = {"de", desc};
    struct lf_item long_ev = ev;
    long_ev.summary = (struct lf_text){1, &desc_tr};
    struct lf_slide lsl = {LF_SLIDE_EVENT, &long_ev, ev.start, ev.end};
    struct lf_view v = fake_view(&bundle, "de", lf_local_make(2026, 12, 2, 10, 0), 1080, 1920);
    size_t len = 0;
    int split = 0;
    for (int n = 1; n <= 40; n++) {
        len += (size_t)snprintf(desc + len, sizeof(desc) - len, "Ein Satz über Begegnung %d. ", n);
        struct lf_page pg = {.kind = LF_PAGE_SLIDE, .slide = &lsl};
        struct lf_page_result r;
        lf_scene_clear(s);
        lf_layout_page(s, &v, &pg, &r);
        const struct lf_op *a = op_starting(s, "Ein Satz");
        assert_non_null(a);
        int first_px = a->px, pages = 1;
        split += r.continues;
        while (r.continues && pages < 30) {
            pg.from = r.rest;
            lf_scene_clear(s);
            lf_layout_page(s, &v, &pg, &r);
            pages++;
            for (size_t k = 0; k < lf_scene_count(s); k++) {
                const struct lf_op *op = lf_scene_op(s, k);
                if (op->kind == LF_OP_TEXT && op->px > first_px &&
                    (strstr(op->text, "Kommunales") || strstr(op->text, "Satz")))
                    fail_msg("%d sentences, page %d: text at %d px, the first page's at %d px", n,
                             pages, op->px, first_px);
            }
        }
        assert_false(r.continues);
    }
    assert_true(split > 0); /* the long ones do go on */
    lf_scene_destroy(s);
}

/* A page never ends inside a web address, an e-mail address or a phone
 * number (a visitor copies it whole from one page): on portrait screens
 * (2160x3840, 1080x1920) a long description with a phone number and a web
 * address too long for one line in it, placed ever further down until
 * they pass the end of the first page, and the same address as the
 * event's web address under it, is continued so that every page shows
 * all of each or none of it, and nothing is lost. */
#define SPLIT_URL_HEAD "https://www."
#define SPLIT_URL_TAIL "vereine"
static void an_address_is_never_split_across_pages(void **state)
{
    (void)state;
    build_bundle();
    static char desc[8192];
    static struct lf_translation title = {"de", "Familiencafé im Stadtteil"},
                                 desc_tr = {"de", desc};
    static char url[] = SPLIT_URL_HEAD "integrationszentrum-beispielstadt.de/beratung/"
                        "anmeldung/termine-fuer-familien-und-" SPLIT_URL_TAIL;
    struct lf_item ev = {.kind = LF_ITEM_EVENT, .id = "cafe", .title = {1, &title},
                         .summary = {1, &desc_tr}, .url = url,
                         .start = lf_local_make(2026, 12, 9, 17, 0),
                         .end = lf_local_make(2026, 12, 9, 19, 0)};
    struct lf_slide sl = {LF_SLIDE_EVENT, &ev, ev.start, ev.end};
    static const int sizes[][2] = {{2160, 3840}, {1080, 1920}};
    struct lf_scene *s = lf_scene_create();
    static char text[32768];
    size_t wrapped = 0, continued = 0;
    for (size_t si = 0; si < 2; si++) {
        struct lf_view v =
            fake_view(&bundle, "de", lf_local_make(2026, 12, 2, 10, 0), sizes[si][0], sizes[si][1]);
        for (int n = 0; n <= 60; n++) {
            /* the address and a phone number after n sentences, more text after them:
             * as n grows they pass the end of the first page */
            size_t len = 0;
            for (int k = 1; k <= n; k++)
                len += (size_t)snprintf(desc + len, sizeof(desc) - len,
                                        "Ein Satz über Begegnung %d. ", k);
            len += (size_t)snprintf(desc + len, sizeof(desc) - len,
                                    "Anmeldung: Tel. 0251 492-7077 oder %s bis Freitag. ", url);
            for (int k = 1; k <= 45; k++)
                len += (size_t)snprintf(desc + len, sizeof(desc) - len,
                                        "Noch ein Satz über Teilhabe %d. ", k);
            struct lf_page pg = {.kind = LF_PAGE_SLIDE, .slide = &sl};
            struct lf_page_result r = {.continues = true};
            int pages = 0, heads = 0, tails = 0;
            for (; r.continues && pages < 20; pages++) {
                lf_scene_clear(s);
                lf_layout_page(s, &v, &pg, &r);
                pg.from = r.rest;
                scene_text(s, text, sizeof(text));
                /* each occurrence whole on this page: as many starts as ends */
                int h = 0, t = 0;
                for (const char *p = text; (p = strstr(p, SPLIT_URL_HEAD)); p++)
                    h++;
                for (const char *p = text; (p = strstr(p, SPLIT_URL_TAIL)); p++)
                    t++;
                if (h != t)
                    fail_msg("%dx%d, %d sentences, page %d: a web address split across pages "
                             "(%d starts, %d ends): %s", v.width, v.height, n, pages + 1, h, t,
                             text);
                if ((strstr(text, "0251") != NULL) != (strstr(text, "492-7077") != NULL))
                    fail_msg("%dx%d, %d sentences, page %d: a phone number split across pages: "
                             "%s", v.width, v.height, n, pages + 1, text);
                heads += h;
                tails += t;
                for (size_t k = 0; k < lf_scene_count(s); k++) {
                    const struct lf_op *op = lf_scene_op(s, k);
                    if (op->kind == LF_OP_TEXT && strstr(op->text, SPLIT_URL_HEAD) &&
                        !strstr(op->text, SPLIT_URL_TAIL))
                        wrapped++; /* the address is wider than a line here */
                }
                assert_clean(s, v.width, v.height, lf_layout_min_text_px(&v), "address");
            }
            assert_false(r.continues);
            continued += pages > 1;
            /* nothing lost: the address in the text and as the web address */
            assert_int_equal(heads, 2);
            assert_int_equal(tails, 2);
        }
    }
    assert_true(wrapped > 0);   /* the case that matters was laid out */
    assert_true(continued > 0); /* and went on to other pages */
    lf_scene_destroy(s);
}

/* A web address longer than a whole page (a tracking link, a small
 * screen): the page that must move on breaks it, and its rest on the next
 * pages was laid out as a text of its own, no longer seen as an address:
 * each of its lines got a hyphen ("aaaa-"), changing the address. Now
 * every line of it on every page is the address unchanged, and joined
 * they are the address. */
static void an_address_longer_than_a_page_takes_no_hyphen(void **state)
{
    (void)state;
    build_bundle();
    static char url[3001];
    size_t len = (size_t)snprintf(url, sizeof(url), "https://example.org/");
    while (len < sizeof(url) - 1)
        url[len++] = 'a';
    url[len] = '\0';
    static struct lf_translation title = {"de", "Termin"};
    struct lf_item ev = {.kind = LF_ITEM_EVENT, .id = "lang", .title = {1, &title}, .url = url,
                         .start = lf_local_make(2026, 12, 9, 17, 0),
                         .end = lf_local_make(2026, 12, 9, 19, 0)};
    struct lf_slide sl = {LF_SLIDE_EVENT, &ev, ev.start, ev.end};
    struct lf_view v = fake_view(&bundle, "de", lf_local_make(2026, 12, 2, 10, 0), 800, 480);
    struct lf_scene *s = lf_scene_create();
    struct lf_page pg = {.kind = LF_PAGE_SLIDE, .slide = &sl};
    struct lf_page_result r = {.continues = true};
    static char joined[sizeof(url) + 1024];
    joined[0] = '\0';
    int pages = 0;
    for (; r.continues && pages < 40; pages++) {
        lf_scene_clear(s);
        lf_layout_page(s, &v, &pg, &r);
        pg.from = r.rest;
        for (size_t k = 0; k < lf_scene_count(s); k++) {
            const struct lf_op *op = lf_scene_op(s, k);
            if (op->kind != LF_OP_TEXT ||
                (strncmp(op->text, "https://", 8) != 0 && strncmp(op->text, "aaaa", 4) != 0))
                continue;
            if (strchr(op->text, '-'))
                fail_msg("page %d: a line of the web address with a hyphen: \"%s\"", pages + 1,
                         op->text);
            strncat(joined, op->text, sizeof(joined) - strlen(joined) - 1);
        }
    }
    assert_false(r.continues);
    assert_true(pages > 2); /* longer than a page: the case that matters */
    assert_string_equal(joined, url);
    lf_scene_destroy(s);
}

/* The test bundle with `n` events instead of its items, `hours` apart
 * from 3 December 10:00 on (written latest first: the carousel orders
 * them by start), every third with the second of `n_titles` titles, and
 * an offer after them (many[n]). */
static struct lf_bundle many_events(struct lf_item *many, char (*ids)[16], size_t n,
                                    struct lf_translation *titles, size_t n_titles, int hours)
{
    for (size_t i = 0; i < n; i++) {
        snprintf(ids[i], sizeof(ids[i]), "e-%03u", (unsigned)(i % 1000));
        time_t start = lf_local_make(2026, 12, 3, 10, 0) + (time_t)(n - i) * hours * 3600;
        many[i] = (struct lf_item){.kind = LF_ITEM_EVENT, .id = ids[i],
                                   .title = {1, &titles[n_titles > 1 && i % 3 == 0]},
                                   .summary = {1, body_tr}, .place = {1, place_tr},
                                   .start = start, .end = start + 7200};
    }
    many[n] = items[1]; /* an offer */
    struct lf_bundle b = bundle;
    b.items = many;
    b.n_items = n + 1;
    return b;
}

/* A bundle with many events: a round of the carousel plays the agenda's
 * pages up to the LF_CAROUSEL_MAX_EVENTS nearest events and a slide for
 * each of those, while the Events list keeps all of them; a screen nobody
 * can touch shows those pages and a window of later ones; max_events 0
 * plays every event and every agenda page. */
/* ---- the carousel's pages kept as laid out --------------------------------- */

/* The fake measure, counting how often a width is asked for. */
static int counted_width(void *ctx, enum lf_face face, int px, const char *s, size_t len)
{
    (*(size_t *)ctx)++;
    return fake_measure_width(NULL, face, px, s, len);
}

static bool same_text(const char *a, const char *b)
{
    return a == b || (a && b && strcmp(a, b) == 0);
}

/* Whether two scenes show the same: every op and target alike. */
static bool same_scene(const struct lf_scene *a, const struct lf_scene *b)
{
    if (lf_scene_count(a) != lf_scene_count(b) ||
        lf_scene_target_count(a) != lf_scene_target_count(b))
        return false;
    for (size_t i = 0; i < lf_scene_count(a); i++) {
        const struct lf_op *x = lf_scene_op(a, i), *y = lf_scene_op(b, i);
        if (x->kind != y->kind || memcmp(&x->box, &y->box, sizeof(x->box)) != 0 ||
            memcmp(&x->color, &y->color, sizeof(x->color)) != 0 || x->radius != y->radius ||
            !same_text(x->text, y->text) || x->face != y->face || x->px != y->px ||
            x->rtl != y->rtl || strcmp(x->lang, y->lang) != 0 || !same_text(x->image, y->image))
            return false;
    }
    for (size_t i = 0; i < lf_scene_target_count(a); i++)
        if (memcmp(lf_scene_target_at(a, i), lf_scene_target_at(b, i), sizeof(struct lf_target)))
            return false;
    return true;
}

/* Page i of c laid out for v through the carousel is what lf_layout_page
 * lays out for v; true when the carousel copied a kept page. */
static bool lays_out_as_fresh(struct lf_carousel *c, size_t i, const struct lf_view *v)
{
    struct lf_scene *kept = lf_scene_create(), *fresh = lf_scene_create();
    size_t was = lf_carousel_reused(c);
    struct lf_page_result rk, rf = {0};
    assert_true(lf_carousel_lay_out(c, i, v, kept, &rk));
    lf_layout_page(fresh, v, &lf_carousel_page(c, i)->page, &rf);
    assert_true(same_scene(kept, fresh));
    assert_int_equal(rk.continues, rf.continues);
    assert_int_equal(rk.rest.block, rf.rest.block);
    assert_int_equal(rk.rest.offset, rf.rest.offset);
    assert_int_equal(rk.chars, rf.chars);
    lf_scene_destroy(kept);
    lf_scene_destroy(fresh);
    return lf_carousel_reused(c) == was + 1;
}

/* Whether any text op of page i of c (laid out for v) holds `text`. */
static bool page_shows(struct lf_carousel *c, size_t i, const struct lf_view *v,
                       const char *text)
{
    struct lf_scene *s = lf_scene_create();
    struct lf_page_result r;
    lf_carousel_lay_out(c, i, v, s, &r);
    bool found = false;
    for (size_t k = 0; k < lf_scene_count(s); k++)
        found |= lf_scene_op(s, k)->text && strstr(lf_scene_op(s, k)->text, text);
    lf_scene_destroy(s);
    return found;
}

/* A page shown again in the same build, nothing on it changed: the page
 * the build laid out is copied (no text measured), and it is the page
 * laid out anew. */
static void carousel_reuses_its_pages(void **state)
{
    (void)state;
    build_bundle();
    size_t widths = 0;
    const struct lf_measure counting = {.ctx = &widths, .width = counted_width,
                                        .line_height = fake_measure_line_height};
    time_t now = lf_local_make(2026, 11, 23, 10, 0);
    static const char *const langs[] = {"de", "ar"};
    for (size_t l = 0; l < 2; l++) {
        struct lf_view v = fake_view(&bundle, langs[l], now, 1920, 1080);
        v.measure = &counting;
        struct lf_carousel *c = lf_carousel_create();
        lf_carousel_build(c, &v, 10);
        size_t n = lf_carousel_count(c);
        assert_true(n >= 6);
        widths = 0;
        struct lf_scene *s = lf_scene_create();
        struct lf_page_result r;
        for (size_t i = 0; i < n; i++)
            assert_true(lf_carousel_lay_out(c, i, &v, s, &r));
        assert_int_equal(widths, 0);                  /* nothing laid out again */
        assert_int_equal(lf_carousel_reused(c), n);
        assert_false(lf_carousel_lay_out(c, n, &v, s, &r)); /* past the last page */
        assert_int_equal(lf_scene_count(s), 0);
        lf_scene_destroy(s);
        /* later the same day, before anything on them changes */
        v.now = now + 3600;
        assert_true(v.now < lf_carousel_rebuild_at(c));
        for (size_t i = 0; i < n; i++)
            assert_true(lays_out_as_fresh(c, i, &v));
        lf_carousel_destroy(c);
    }
}

/* Whatever a page shows changed since the build (language, screen size,
 * text size, theme, the clock, the time past the next change, the
 * content): the page is laid out anew, never the kept one shown. */
static void carousel_lays_out_anew_what_changed(void **state)
{
    (void)state;
    build_bundle();
    time_t now = lf_local_make(2026, 11, 23, 10, 0);
    struct lf_view v = fake_view(&bundle, "de", now, 1920, 1080);
    struct lf_carousel *c = lf_carousel_create();
    lf_carousel_build(c, &v, 10);
    size_t n = lf_carousel_count(c);
    for (size_t i = 0; i < n; i++) {
        struct lf_view w = v;
        w.lang = "ar"; /* a visitor's language, before the rebuild */
        assert_false(lays_out_as_fresh(c, i, &w));
        w = v;
        w.width = 1280, w.height = 720; /* the screen resized */
        assert_false(lays_out_as_fresh(c, i, &w));
        w = v;
        w.text_scale = 1.5; /* large text */
        assert_false(lays_out_as_fresh(c, i, &w));
        w = v;
        w.theme = lf_theme_get(LF_THEME_HIGH_CONTRAST);
        assert_false(lays_out_as_fresh(c, i, &w));
        w = v;
        w.clock_unknown = true; /* the clock found wrong: no "open now" */
        assert_false(lays_out_as_fresh(c, i, &w));
        w = v;
        w.now = lf_carousel_rebuild_at(c); /* midnight, hours opening, an event ending */
        assert_false(lays_out_as_fresh(c, i, &w));
        w.now = now - 60; /* the clock set back */
        assert_false(lays_out_as_fresh(c, i, &w));
        w = v;
        w.passive = true;
        assert_false(lays_out_as_fresh(c, i, &w));
        assert_true(lays_out_as_fresh(c, i, &v)); /* and the build's own view: kept */
    }
    /* a new bundle: the pages of its build, not the old ones */
    static struct lf_translation renamed[1];
    renamed[0] = tr_de("Wegweiser – neu im Rathaus");
    static struct lf_item changed[4];
    memcpy(changed, items, sizeof(changed));
    changed[1].title = (struct lf_text){1, renamed};
    struct lf_bundle b2 = bundle;
    b2.items = changed;
    struct lf_view v2 = v;
    v2.bundle = &b2;
    for (size_t i = 0; i < lf_carousel_count(c); i++)
        assert_false(lays_out_as_fresh(c, i, &v2)); /* not the build's bundle */
    lf_carousel_build(c, &v2, 10);
    bool new_title = false, old_title = false;
    for (size_t i = 0; i < lf_carousel_count(c); i++) {
        assert_true(lays_out_as_fresh(c, i, &v2));
        new_title |= page_shows(c, i, &v2, "neu im Rathaus");
        old_title |= page_shows(c, i, &v2, "gewaltbereiten");
    }
    assert_true(new_title);
    assert_false(old_title);
    /* the next day (built at midnight): its own pages, "today" moved on */
    struct lf_view next_day = v2;
    next_day.now = now + 86400;
    lf_carousel_build(c, &next_day, 10);
    for (size_t i = 0; i < lf_carousel_count(c); i++)
        assert_true(lays_out_as_fresh(c, i, &next_day));
    lf_carousel_destroy(c);
}

/* How each field of the view is changed below: one function per field of
 * LF_VIEW_FIELDS, so a field added to struct lf_view does not compile here
 * until this test changes it too. */
static struct lf_bundle other_bundle;
static struct lf_measure other_measure;
static void change_bundle(struct lf_view *w, struct lf_carousel *c)
{
    (void)c;
    other_bundle = *w->bundle; /* the same content, another bundle (a new install) */
    w->bundle = &other_bundle;
}
static void change_lang(struct lf_view *w, struct lf_carousel *c)
{
    (void)c;
    w->lang = "ar";
}
static void change_now(struct lf_view *w, struct lf_carousel *c)
{
    w->now = lf_carousel_rebuild_at(c);
}
static void change_theme(struct lf_view *w, struct lf_carousel *c)
{
    (void)c;
    w->theme = lf_theme_get(LF_THEME_HIGH_CONTRAST);
}
static void change_measure(struct lf_view *w, struct lf_carousel *c)
{
    (void)c;
    other_measure = *w->measure; /* the same widths, another measure (fonts loaded anew) */
    w->measure = &other_measure;
}
static void change_width(struct lf_view *w, struct lf_carousel *c)
{
    (void)c;
    w->width = 1280;
}
static void change_height(struct lf_view *w, struct lf_carousel *c)
{
    (void)c;
    w->height = 720;
}
static void change_text_scale(struct lf_view *w, struct lf_carousel *c)
{
    (void)c;
    w->text_scale = 1.5;
}
static void change_organisation(struct lf_view *w, struct lf_carousel *c)
{
    (void)c;
    w->organisation = w->organisation ? NULL : "Kommunales Integrationszentrum Hamm";
}
static void change_passive(struct lf_view *w, struct lf_carousel *c)
{
    (void)c;
    w->passive = !w->passive;
}
static void change_speech(struct lf_view *w, struct lf_carousel *c)
{
    (void)c;
    w->speech = !w->speech;
}
static void change_stale_since(struct lf_view *w, struct lf_carousel *c)
{
    (void)c;
    w->stale_since = w->now - 40 * 86400;
}
static void change_clock_unknown(struct lf_view *w, struct lf_carousel *c)
{
    (void)c;
    w->clock_unknown = !w->clock_unknown;
}
static void change_dpi(struct lf_view *w, struct lf_carousel *c)
{
    (void)c;
    w->dpi = 300;
}

/* Every field of the view: a page kept from the build is not shown for a
 * view that differs in it (laid out anew, as lf_layout_page lays it out);
 * the build's own view gets the kept page. */
static void carousel_lays_out_anew_for_every_view_field(void **state)
{
    (void)state;
    static const struct {
        const char *name;
        void (*change)(struct lf_view *w, struct lf_carousel *c);
    } fields[] = {
#define VIEW_FIELD_CHANGE(how, type, name) {#name, change_##name},
        LF_VIEW_FIELDS(VIEW_FIELD_CHANGE)
#undef VIEW_FIELD_CHANGE
    };
    build_bundle();
    time_t now = lf_local_make(2026, 11, 23, 10, 0);
    struct lf_view v = fake_view(&bundle, "de", now, 1920, 1080);
    v.organisation = "Stadt Hamm";
    struct lf_carousel *c = lf_carousel_create();
    lf_carousel_build(c, &v, 10);
    size_t n = lf_carousel_count(c);
    assert_true(n > 0);
    for (size_t f = 0; f < sizeof(fields) / sizeof(fields[0]); f++) {
        for (size_t i = 0; i < n; i++) {
            struct lf_view w = v;
            fields[f].change(&w, c);
            if (lays_out_as_fresh(c, i, &w))
                fail_msg("page %zu: a view with another %s got the build's page", i,
                         fields[f].name);
        }
    }
    /* a copy of the organisation's text is the same organisation */
    char org[32];
    snprintf(org, sizeof(org), "%s", v.organisation);
    struct lf_view same = v;
    same.organisation = org;
    for (size_t i = 0; i < n; i++) {
        assert_true(lays_out_as_fresh(c, i, &v));
        assert_true(lays_out_as_fresh(c, i, &same));
    }
    lf_carousel_destroy(c);
}

/* ---- widths remembered (layout/measure_memo.h) ------------------------------ */

/* A measure whose widths depend on face, size and text, counting calls. */
struct counted {
    size_t widths, heights, images;
};

static int counted_measure_width(void *ctx, enum lf_face face, int px, const char *s, size_t len)
{
    ((struct counted *)ctx)->widths++;
    return fake_measure_width(NULL, face, px, s, len) + (face == LF_FACE_BOLD ? 1 : 0);
}

static int counted_line_height(void *ctx, enum lf_face face, int px)
{
    ((struct counted *)ctx)->heights++;
    return fake_measure_line_height(NULL, face, px);
}

static bool counted_image_size(void *ctx, const char *path, int *w, int *h)
{
    ((struct counted *)ctx)->images++;
    *w = (int)strlen(path), *h = 7;
    return true;
}

/* The same (face, size, text) is measured once; any other is measured;
 * every answer is the inner measure's. */
static void measure_memo_asks_once(void **state)
{
    (void)state;
    struct counted n = {0};
    const struct lf_measure inner = {.ctx = &n, .width = counted_measure_width,
                                     .line_height = counted_line_height,
                                     .image_size = counted_image_size};
    struct lf_measure_memo *memo = lf_measure_memo_create(&inner);
    const struct lf_measure *m = lf_measure_memo_measure(memo);
    const char *t = "Weitere Sprachen";
    int w = m->width(m->ctx, LF_FACE_REGULAR, 24, t, strlen(t));
    assert_int_equal(w, fake_measure_width(NULL, LF_FACE_REGULAR, 24, t, strlen(t)));
    for (int i = 0; i < 5; i++)
        assert_int_equal(m->width(m->ctx, LF_FACE_REGULAR, 24, t, strlen(t)), w);
    assert_int_equal(n.widths, 1);
    /* another face, size, length or text: measured */
    assert_int_equal(m->width(m->ctx, LF_FACE_BOLD, 24, t, strlen(t)),
                     counted_measure_width(&(struct counted){0}, LF_FACE_BOLD, 24, t, strlen(t)));
    assert_int_equal(m->width(m->ctx, LF_FACE_REGULAR, 25, t, strlen(t)),
                     fake_measure_width(NULL, LF_FACE_REGULAR, 25, t, strlen(t)));
    assert_int_equal(m->width(m->ctx, LF_FACE_REGULAR, 24, t, 7),
                     fake_measure_width(NULL, LF_FACE_REGULAR, 24, t, 7));
    assert_int_equal(m->width(m->ctx, LF_FACE_REGULAR, 24, "Weitere Sprachen!", 17),
                     fake_measure_width(NULL, LF_FACE_REGULAR, 24, "Weitere Sprachen!", 17));
    assert_int_equal(n.widths, 5);
    struct lf_measure_memo_stats st = lf_measure_memo_stats(memo);
    assert_int_equal(st.hits, 5);
    assert_int_equal(st.misses, 5);
    assert_int_equal(st.widths, 5);
    /* line heights and image sizes are the inner measure's, every time */
    assert_int_equal(m->line_height(m->ctx, LF_FACE_REGULAR, 20), 26);
    assert_int_equal(m->line_height(m->ctx, LF_FACE_REGULAR, 20), 26);
    assert_int_equal(n.heights, 2);
    int iw, ih;
    assert_true(m->image_size(m->ctx, "poster.png", &iw, &ih));
    assert_int_equal(iw, 10);
    assert_int_equal(n.images, 1);
    lf_measure_memo_destroy(memo);
}

/* Past LF_MEASURE_MEMO_WIDTHS texts it forgets and starts again: every
 * answer still the inner measure's; a text too long to keep is measured
 * each time. */
static void measure_memo_forgets_when_full(void **state)
{
    (void)state;
    struct counted n = {0};
    const struct lf_measure inner = {.ctx = &n, .width = counted_measure_width,
                                     .line_height = counted_line_height};
    struct lf_measure_memo *memo = lf_measure_memo_create(&inner);
    const struct lf_measure *m = lf_measure_memo_measure(memo);
    assert_null(m->image_size);
    char t[32];
    for (int i = 0; i < 3 * LF_MEASURE_MEMO_WIDTHS; i++) {
        int len = snprintf(t, sizeof(t), "Wort %d", i);
        assert_int_equal(m->width(m->ctx, LF_FACE_REGULAR, 20, t, (size_t)len),
                         fake_measure_width(NULL, LF_FACE_REGULAR, 20, t, (size_t)len));
    }
    struct lf_measure_memo_stats st = lf_measure_memo_stats(memo);
    assert_true(st.forgets >= 2);
    assert_true(st.widths <= LF_MEASURE_MEMO_WIDTHS);
    assert_int_equal(st.misses, 3 * LF_MEASURE_MEMO_WIDTHS);
    /* the last one is remembered */
    size_t before = n.widths;
    int len = snprintf(t, sizeof(t), "Wort %d", 3 * LF_MEASURE_MEMO_WIDTHS - 1);
    m->width(m->ctx, LF_FACE_REGULAR, 20, t, (size_t)len);
    assert_int_equal(n.widths, before);
    /* a text longer than it keeps: measured each time, right */
    static char long_one[LF_MEASURE_MEMO_TEXT_BYTES / 8];
    memset(long_one, 'a', sizeof(long_one));
    for (int i = 0; i < 2; i++)
        assert_int_equal(m->width(m->ctx, LF_FACE_REGULAR, 20, long_one, sizeof(long_one)),
                         fake_measure_width(NULL, LF_FACE_REGULAR, 20, long_one,
                                            sizeof(long_one)));
    assert_int_equal(n.widths, before + 2);
    lf_measure_memo_destroy(memo);
}

/* A page laid out with the memo is the page laid out without it. */
static void measure_memo_lays_out_the_same(void **state)
{
    (void)state;
    build_bundle();
    struct counted n = {0};
    const struct lf_measure inner = {.ctx = &n, .width = counted_measure_width,
                                     .line_height = counted_line_height};
    struct lf_measure_memo *memo = lf_measure_memo_create(&inner);
    time_t now = lf_local_make(2026, 11, 23, 10, 0);
    struct counted np = {0};
    const struct lf_measure unmemoed = {.ctx = &np, .width = counted_measure_width,
                                        .line_height = counted_line_height};
    struct lf_view plain = fake_view(&bundle, "de", now, 1920, 1080);
    plain.measure = &unmemoed;
    struct lf_view memoed = plain;
    memoed.measure = lf_measure_memo_measure(memo);
    struct lf_carousel *c = lf_carousel_create();
    lf_carousel_build(c, &plain, 10);
    struct lf_scene *a = lf_scene_create(), *b = lf_scene_create();
    size_t first_round = 0;
    for (int round = 0; round < 2; round++) {
        if (round == 1)
            first_round = n.widths;
        for (size_t i = 0; i < lf_carousel_count(c); i++) {
            const struct lf_page *p = &lf_carousel_page(c, i)->page;
            lf_scene_clear(a);
            lf_scene_clear(b);
            lf_layout_page(a, &plain, p, NULL);
            lf_layout_page(b, &memoed, p, NULL);
            assert_true(same_scene(a, b));
            struct lf_footer ft = {.position = i, .count = lf_carousel_count(c),
                                   .active_category = -1};
            lf_scene_clear(a);
            lf_scene_clear(b);
            lf_layout_footer(a, &plain, &ft);
            lf_layout_footer(b, &memoed, &ft);
            assert_true(same_scene(a, b));
        }
    }
    /* the second round asked the inner measure nothing new */
    assert_true(first_round > 0);
    assert_int_equal(n.widths, first_round);
    lf_scene_destroy(a);
    lf_scene_destroy(b);
    lf_carousel_destroy(c);
    lf_measure_memo_destroy(memo);
}

static void carousel_round_is_capped(void **state)
{
    (void)state;
    build_bundle();
    enum { EVENTS = 60 };
    static struct lf_item many[EVENTS + 1];
    static char ids[EVENTS][16];
    static struct lf_translation title = {"de", "Sprachcafé im Stadtteilzentrum"};
    struct lf_bundle b = many_events(many, ids, EVENTS, &title, 1, 24);
    size_t capped_agenda = 0;
    for (int mode = 0; mode < 3; mode++) { /* capped; passive; no cap */
        struct lf_view v = fake_view(&b, "de", lf_local_make(2026, 12, 2, 10, 0), 1920, 1080);
        v.passive = mode == 1;
        struct lf_carousel *c = lf_carousel_create();
        if (mode == 2)
            lf_carousel_set_max_events(c, 0);
        lf_carousel_build(c, &v, 10);
        size_t events = 0, agenda = 0, later = 0, offers = 0, last_from = 0;
        const struct lf_page *last_agenda = NULL;
        time_t prev = 0;
        for (size_t i = 0; i < lf_carousel_count(c); i++) {
            const struct lf_page *p = &lf_carousel_page(c, i)->page;
            if (p->slide && p->slide->kind == LF_SLIDE_AGENDA) {
                agenda++;
                later += p->from.block >= LF_CAROUSEL_MAX_EVENTS;
                last_agenda = p;
                last_from = p->from.block;
                assert_int_equal(p->n_list, EVENTS); /* the agenda's list holds every event */
            } else if (p->slide && p->slide->kind == LF_SLIDE_EVENT) {
                events++;
                assert_true(p->slide->start > prev); /* the nearest first */
                prev = p->slide->start;
            } else if (p->slide && p->slide->kind == LF_SLIDE_OFFER) {
                offers++;
            }
        }
        assert_int_equal(offers, 1);
        assert_true(agenda >= 2); /* 60 events do not fit one page */
        /* where the round's agenda ends */
        struct lf_scene *s = lf_scene_create();
        struct lf_page_result r;
        lf_layout_page(s, &v, last_agenda, &r);
        lf_scene_destroy(s);
        if (mode == 0) {
            assert_int_equal(events, LF_CAROUSEL_MAX_EVENTS);
            /* its pages name the round's events, and stop there */
            assert_true(r.continues);
            assert_true(r.rest.block >= LF_CAROUSEL_MAX_EVENTS);
            assert_true(last_from < LF_CAROUSEL_MAX_EVENTS);
            capped_agenda = agenda;
        } else if (mode == 1) {
            assert_int_equal(events, LF_CAROUSEL_MAX_EVENTS);
            /* the same pages, then a window of later ones (the first
             * round: the pages right after them) */
            assert_true(later >= 1);
            assert_true(later <= LF_CAROUSEL_AGENDA_WINDOW_PAGES);
            assert_true(!r.continues || later == LF_CAROUSEL_AGENDA_WINDOW_PAGES);
            assert_true(agenda <= capped_agenda + LF_CAROUSEL_AGENDA_WINDOW_PAGES);
        } else {
            assert_int_equal(events, EVENTS);
            assert_false(r.continues); /* every event on the agenda's pages */
        }
        /* every event reachable by touch */
        const struct lf_slide *list[LF_MAX_ITEMS];
        assert_int_equal(lf_carousel_category(c, LF_CAT_EVENTS, list), EVENTS);
        lf_carousel_destroy(c);
    }
}

/* 300 offers: a round of the carousel plays LF_CAROUSEL_MAX_SERVICES of
 * them (it took about an hour with all, and events came rarely), each
 * round the next ones, so that every offer is on the screen within
 * ceil(300 / cap) rounds; the Offers list a visitor browses holds all
 * 300 in every round, and a round stays as short as one with cap offers. */
static void carousel_offers_rotate(void **state)
{
    (void)state;
    build_bundle();
    enum { OFFERS = 300 };
    static struct lf_item many[OFFERS + 1];
    static char ids[OFFERS][16];
    for (size_t i = 0; i < OFFERS; i++) {
        snprintf(ids[i], sizeof(ids[i]), "o-%03zu", i);
        many[i] = items[1];
        many[i].id = ids[i];
    }
    many[OFFERS] = items[0]; /* an event */
    struct lf_bundle b = bundle;
    b.items = many;
    b.n_items = OFFERS + 1;
    struct lf_view v = fake_view(&b, "de", lf_local_make(2026, 12, 2, 10, 0), 1920, 1080);
    struct lf_carousel *c = lf_carousel_create();
    static int seen[OFFERS];
    const size_t cap = LF_CAROUSEL_MAX_SERVICES, rounds = (OFFERS + cap - 1) / cap;
    for (size_t round = 0; round < rounds; round++) {
        lf_carousel_build(c, &v, 10);
        size_t offers = 0, events = 0;
        for (size_t i = 0; i < lf_carousel_count(c); i++) {
            const struct lf_page *p = &lf_carousel_page(c, i)->page;
            if (p->from.block || p->from.offset || !p->slide)
                continue; /* a slide's continuation */
            if (p->slide->kind == LF_SLIDE_OFFER) {
                offers++;
                seen[p->slide->item - many]++;
            }
            events += p->slide->kind == LF_SLIDE_EVENT;
        }
        assert_int_equal(offers, cap);
        assert_int_equal(events, 1); /* the event in every round */
        const struct lf_slide *list[LF_MAX_ITEMS];
        assert_int_equal(lf_carousel_category(c, LF_CAT_OFFERS, list), OFFERS);
        assert_true(lf_carousel_next_round(c)); /* the next round differs */
    }
    for (size_t i = 0; i < OFFERS; i++)
        if (seen[i] == 0)
            fail_msg("offer %zu not shown in %zu rounds", i, rounds);
    lf_carousel_destroy(c);
}

/* One round of a carousel: its pages, time, event slides, and which
 * events its agenda's pages name (seen[i] for many[i]). */
struct round_stats {
    size_t pages, agenda, window, events, first_window_entry;
    long ms, agenda_ms_max;
};

static struct round_stats play_round(struct lf_carousel *c, const struct lf_view *v,
                                     const struct lf_item *many, bool *seen)
{
    struct round_stats st = {0};
    st.pages = lf_carousel_count(c);
    st.first_window_entry = SIZE_MAX;
    struct lf_scene *s = lf_scene_create();
    for (size_t i = 0; i < st.pages; i++) {
        const struct lf_carousel_page *cp = lf_carousel_page(c, i);
        st.ms += cp->duration_ms;
        const struct lf_page *p = &cp->page;
        if (p->slide && p->slide->kind == LF_SLIDE_EVENT)
            st.events++;
        if (!p->slide || p->slide->kind != LF_SLIDE_AGENDA)
            continue;
        /* the pages naming the nearest events start before the
         * LF_CAROUSEL_MAX_EVENTS-th, the window's after it */
        if (p->from.block >= LF_CAROUSEL_MAX_EVENTS && st.first_window_entry == SIZE_MAX)
            st.first_window_entry = p->from.block;
        if (p->from.block >= LF_CAROUSEL_MAX_EVENTS)
            st.window++;
        st.agenda++;
        if (cp->duration_ms > st.agenda_ms_max)
            st.agenda_ms_max = cp->duration_ms;
        struct lf_page_result r;
        lf_scene_clear(s);
        lf_layout_page(s, v, p, &r);
        size_t end = r.continues ? r.rest.block : p->n_list;
        assert_true(end > p->from.block); /* every page names some event */
        for (size_t e = p->from.block; e < end; e++)
            seen[p->list[e].item - many] = true;
    }
    lf_scene_destroy(s);
    return st;
}

/* A screen nobody can touch, 500 events: each round's agenda plays the
 * pages naming the LF_CAROUSEL_MAX_EVENTS nearest (the same as a touch
 * screen's) and LF_CAROUSEL_AGENDA_WINDOW_PAGES pages of later events;
 * the window moves on every round and starts over after the last event,
 * so within (later pages / window pages) rounds every upcoming event was
 * on the screen, and no round is longer than a touch screen's by more
 * than the window's pages (113 agenda pages before: 75 minutes). */
static void agenda_window_goes_round(void **state)
{
    (void)state;
    build_bundle();
    enum { EVENTS = 500 };
    static struct lf_item many[EVENTS + 1];
    static char ids[EVENTS][16];
    static struct lf_translation titles[2] = {
        {"de", "Sprachcafé"},
        {"de", "Elterncafé mit Kinderbetreuung und Beratung zu Kita, Schule und Ausbildung "
               "im Stadtteilzentrum Kinderhaus"}};
    /* entries of one and of two lines */
    struct lf_bundle b = many_events(many, ids, EVENTS, titles, 2, 6);
    struct lf_view v = fake_view(&b, "de", lf_local_make(2026, 12, 2, 10, 0), 1920, 1080);
    static bool seen[EVENTS + 1];

    /* a touch screen's round, and every agenda page there is */
    struct lf_carousel *c = lf_carousel_create();
    lf_carousel_build(c, &v, 10);
    struct round_stats touch = play_round(c, &v, many, seen);
    assert_false(lf_carousel_next_round(c)); /* a touch screen has no window */
    lf_carousel_set_max_events(c, 0);
    v.passive = true;
    lf_carousel_build(c, &v, 10);
    struct round_stats all = play_round(c, &v, many, seen);
    assert_int_equal(all.events, EVENTS);
    assert_true(all.agenda > 50); /* far more pages than a round can hold */
    assert_false(lf_carousel_next_round(c)); /* every page: no window */

    lf_carousel_set_max_events(c, LF_CAROUSEL_MAX_EVENTS);
    /* the later pages: all but those naming the nearest events */
    size_t later = 0;
    for (size_t i = 0; i < all.pages; i++) {
        const struct lf_page *p = &lf_carousel_page(c, i)->page;
        later += p->slide->kind == LF_SLIDE_AGENDA && p->from.block >= LF_CAROUSEL_MAX_EVENTS;
    }
    size_t bound = (later + LF_CAROUSEL_AGENDA_WINDOW_PAGES - 1) / LF_CAROUSEL_AGENDA_WINDOW_PAGES + 1;
    size_t rounds = 0, covered_at = 0, started_over = 0;
    size_t head_end = SIZE_MAX, prev_start = 0;
    memset(seen, 0, sizeof(seen));
    for (rounds = 1; rounds <= 2 * bound; rounds++) {
        lf_carousel_build(c, &v, 10);
        struct round_stats st = play_round(c, &v, many, seen);
        /* the nearest events as on a touch screen, then the window */
        assert_int_equal(st.events, LF_CAROUSEL_MAX_EVENTS);
        assert_true(st.window >= 1);
        assert_true(st.window <= LF_CAROUSEL_AGENDA_WINDOW_PAGES);
        assert_true(st.agenda <= touch.agenda + LF_CAROUSEL_AGENDA_WINDOW_PAGES);
        assert_true(st.pages <= touch.pages + LF_CAROUSEL_AGENDA_WINDOW_PAGES);
        assert_true(st.ms <= touch.ms + LF_CAROUSEL_AGENDA_WINDOW_PAGES * st.agenda_ms_max);
        assert_true(st.ms < 3 * touch.ms / 2);
        /* the window: right after the nearest in the first round, then
         * further on each round until it starts over */
        if (rounds == 1)
            head_end = st.first_window_entry;
        else if (st.first_window_entry == head_end)
            started_over++;
        else
            assert_true(st.first_window_entry > prev_start);
        assert_true(st.first_window_entry >= LF_CAROUSEL_MAX_EVENTS);
        prev_start = st.first_window_entry;
        bool every = true;
        for (size_t i = 0; i < EVENTS; i++)
            every &= seen[i];
        if (every && !covered_at)
            covered_at = rounds;
        if (started_over == 2)
            break;
        assert_true(lf_carousel_next_round(c));
    }
    /* every event named on the screen within the bound, and the window
     * went round and started over (twice: it does so every time) */
    assert_true(covered_at > 0);
    assert_true(covered_at <= bound);
    assert_int_equal(started_over, 2);
    lf_carousel_destroy(c);
}

/* Text ops of s joined, without what a line break adds or moves: spaces,
 * hyphens, no-break spaces and the direction marks of each line. */
static void joined_text(const struct lf_scene *s, char *out, size_t size)
{
    size_t o = 0;
    for (size_t i = 0; i < lf_scene_count(s); i++) {
        const struct lf_op *op = lf_scene_op(s, i);
        if (op->kind != LF_OP_TEXT)
            continue;
        const unsigned char *t = (const unsigned char *)op->text;
        for (size_t k = 0; t[k] && o + 1 < size; k++) {
            if (t[k] == ' ' || t[k] == '-')
                continue;
            if (t[k] == 0xC2 && t[k + 1] == 0xA0) {
                k++;
                continue;
            }
            if (t[k] == 0xE2 && ((t[k + 1] == 0x80 && (t[k + 2] == 0x8E || t[k + 2] == 0x8F)) ||
                                 (t[k + 1] == 0x81 && t[k + 2] >= 0xA6 && t[k + 2] <= 0xA9))) {
                k += 2;
                continue;
            }
            out[o++] = (char)t[k];
        }
    }
    out[o] = '\0';
}

static void strip_spaces(const char *in, char *out)
{
    for (; *in; in++)
        if (*in != ' ' && *in != '-')
            *out++ = *in;
    *out = '\0';
}

/* The heading of a continuation page ("<title> (Fortsetzung)") was one
 * line, a long title cut there with "…": the visitor on the second page
 * of a contact could not tell whose it was. A 300-character title, in
 * German and in Arabic, stands whole on every continuation page, on two
 * lines or smaller or, at the text floor, on as many as it takes, and
 * no page shows "…". */
static void running_title_is_never_cut(void **state)
{
    (void)state;
    build_bundle();
    static char de_title[400], ar_title[800];
    size_t n = 0;
    while (n < 300)
        n += (size_t)snprintf(de_title + n, sizeof(de_title) - n, "%sBeratungsstelle für Familien",
                              n ? " " : "");
    n = 0;
    size_t chars = 0;
    while (chars < 300) {
        n += (size_t)snprintf(ar_title + n, sizeof(ar_title) - n, "%sمركز استشارات العائلات",
                              chars ? " " : "");
        chars += 22;
    }
    struct lf_translation titles[2] = {tr_de(de_title), {.lang = "ar", .text = ar_title}};
    struct lf_item item = {.kind = LF_ITEM_CONTACT, .id = "long-title", .title = {2, titles},
                           .summary = {1, long_tr}, .address = "Klosterstraße 33, 48143 Münster"};
    struct lf_bundle b = bundle;
    b.items = &item;
    b.n_items = 1;
    struct lf_slide slide = {.kind = LF_SLIDE_CONTACT, .item = &item};
    static const int sizes[][2] = {{800, 480}, {480, 800}, {1920, 1080}, {3840, 2160}};
    static const char *const langs[] = {"de", "ar"};
    struct lf_scene *s = lf_scene_create();
    static char all[64 * 1024];
    char want[800];
    for (size_t si = 0; si < 4; si++)
        for (size_t li = 0; li < 2; li++) {
            struct lf_view v = fake_view(&b, langs[li], lf_local_make(2026, 11, 23, 10, 0),
                                         sizes[si][0], sizes[si][1]);
            strip_spaces(li ? ar_title : de_title, want);
            struct lf_page p = {.kind = LF_PAGE_SLIDE, .slide = &slide};
            int continuations = 0;
            for (int pages = 0; pages < 40; pages++) {
                struct lf_page_result r = {0};
                lf_scene_clear(s);
                lf_layout_page(s, &v, &p, &r);
                char what[64];
                snprintf(what, sizeof(what), "%dx%d %s page %d", v.width, v.height, v.lang, pages);
                assert_clean(s, v.width, v.height, lf_layout_min_text_px(&v), what);
                joined_text(s, all, sizeof(all));
                if (strstr(all, "…"))
                    fail_msg("%s: a text is cut with \"…\"", what);
                if (pages > 0) {
                    continuations++;
                    if (!strstr(all, want))
                        fail_msg("%s: the running title is not whole", what);
                }
                if (!r.continues)
                    break;
                p.from = r.rest;
            }
            assert_true(continuations > 0);
        }
    lf_scene_destroy(s);
}

/* The German stand-in for a text not translated into Arabic was set flush
 * right on an Arabic screen, its lines ragged on the left where it starts
 * reading. A paragraph takes its direction from its own text (its
 * language's where it has a letter of it, else its first strong letter)
 * and starts at that side of its column: German flush left, Arabic flush
 * right (also a title beginning with a Latin name), while the page's
 * chrome (header, footer) stays mirrored for the Arabic screen. */
static void paragraph_follows_its_own_direction(void **state)
{
    (void)state;
    build_bundle();
    /* an Arabic title that begins with a Latin name is still Arabic */
    struct lf_translation ar_title = {.lang = "ar", .text = "Wegweiser – استشارة للعائلات في مونستر"};
    struct lf_translation titles[2] = {tr_de("Beratung für Familien"), ar_title};
    struct lf_translation ar_sum = {.lang = "ar",
        .text = "استشارة سرية للأقارب والمتخصصين والشباب. مجانية ومجهولة الهوية عند الطلب. "
                "استشارة سرية للأقارب والمتخصصين والشباب. مجانية ومجهولة الهوية عند الطلب."};
    static const char *const german = "Vertrauliche Beratung für Angehörige, Fachkräfte und "
        "junge Menschen. Kostenlos und auf Wunsch anonym. Termine nach Absprache, auch abends "
        "und am Samstag. Bitte bringen Sie Ihre Unterlagen mit.";
    struct lf_translation de_sum = tr_de(german);
    struct lf_item item = {.kind = LF_ITEM_OFFER, .id = "fb", .title = {2, titles},
                           .summary = {1, &de_sum}};
    struct lf_bundle b = bundle;
    b.items = &item;
    b.n_items = 1;
    struct lf_slide slide = {.kind = LF_SLIDE_OFFER, .item = &item};
    static const int sizes[][2] = {{1920, 1080}, {800, 480}, {1080, 1920}};
    struct lf_scene *s = lf_scene_create();
    for (int translated = 0; translated < 2; translated++)
        for (size_t si = 0; si < 3; si++) {
            struct translation_case {
                const char *start; bool rtl;
            } want = translated ? (struct translation_case){"استشارة سرية", true}
                                : (struct translation_case){"Vertrauliche", false};
            struct lf_translation sums[2] = {de_sum, ar_sum};
            item.summary = (struct lf_text){translated ? 2 : 1, sums};
            struct lf_view v = fake_view(&b, "ar", lf_local_make(2026, 11, 23, 10, 0),
                                         sizes[si][0], sizes[si][1]);
            lf_scene_clear(s);
            lf_layout_page(s, &v, &(struct lf_page){.kind = LF_PAGE_SLIDE, .slide = &slide},
                           NULL);
            /* the summary's lines: from the one that starts it to the last
             * in the same direction and size */
            size_t first = lf_scene_count(s);
            for (size_t i = 0; i < lf_scene_count(s); i++) {
                const struct lf_op *op = lf_scene_op(s, i);
                if (op->kind == LF_OP_TEXT && strstr(op->text, want.start)) {
                    first = i;
                    break;
                }
            }
            assert_true(first < lf_scene_count(s));
            int px = lf_scene_op(s, first)->px, lines = 0;
            int left = lf_scene_op(s, first)->box.x;
            int right = left + lf_scene_op(s, first)->box.w;
            bool same_left = true, same_right = true;
            for (size_t i = first; i < lf_scene_count(s); i++) {
                const struct lf_op *op = lf_scene_op(s, i);
                if (op->kind != LF_OP_TEXT || op->px != px || op->rtl != want.rtl)
                    break;
                lines++;
                same_left &= op->box.x == left;
                same_right &= op->box.x + op->box.w == right;
            }
            char what[64];
            snprintf(what, sizeof(what), "%dx%d %s summary", v.width, v.height,
                     translated ? "Arabic" : "German");
            if (lines < 2)
                fail_msg("%s: %d line(s)", what, lines);
            assert_true(lf_scene_op(s, first)->rtl == want.rtl);
            /* flush at the side it starts reading, ragged at the other */
            if (want.rtl ? !same_right || same_left : !same_left || same_right)
                fail_msg("%s: lines not flush %s", what, want.rtl ? "right" : "left");
            /* the screen's chrome is still Arabic: the title right to left */
            bool title_rtl = false;
            for (size_t i = 0; i < lf_scene_count(s); i++) {
                const struct lf_op *op = lf_scene_op(s, i);
                if (op->kind == LF_OP_TEXT && strstr(op->text, "Wegweiser"))
                    title_rtl = op->rtl;
            }
            assert_true(title_rtl);
        }
    /* one line of German under Arabic ("Deutsch" under اللغات) stays on
     * the screen's side of its column, where its title starts: alone at
     * the far left it looked lost */
    struct lf_translation short_de = tr_de("Kostenlos.");
    item.summary = (struct lf_text){1, &short_de};
    for (size_t si = 0; si < 3; si++) {
        struct lf_view v = fake_view(&b, "ar", lf_local_make(2026, 11, 23, 10, 0), sizes[si][0],
                                     sizes[si][1]);
        lf_scene_clear(s);
        lf_layout_page(s, &v, &(struct lf_page){.kind = LF_PAGE_SLIDE, .slide = &slide}, NULL);
        const struct lf_op *line = NULL, *title = NULL;
        for (size_t i = 0; i < lf_scene_count(s); i++) {
            const struct lf_op *op = lf_scene_op(s, i);
            if (op->kind == LF_OP_TEXT && strstr(op->text, "Kostenlos."))
                line = op;
            if (op->kind == LF_OP_TEXT && strstr(op->text, "Wegweiser") && !title)
                title = op;
        }
        assert_non_null(line);
        assert_non_null(title);
        assert_false(line->rtl);
        if (line->box.x + line->box.w != title->box.x + title->box.w)
            fail_msg("%dx%d: the one German line ends at %d, its column at %d", v.width,
                     v.height, line->box.x + line->box.w, title->box.x + title->box.w);
    }
    lf_scene_destroy(s);
}

/* Ethiopic marks no hyphen where a word is broken across lines (a Latin
 * "-" ended Tigrinya lines); text divided by the Ethiopic wordspace "፡"
 * instead of spaces breaks after it, never inside a word; a line never
 * begins with a mark that belongs to the letter before it. */
static void ethiopic_words_break_without_a_latin_hyphen(void **state)
{
    (void)state;
    struct lf_measure m = fake;
    m.lang = "ti";
    char word[512] = "", line[256];
    for (int i = 0; i < 16; i++)
        strcat(word, "ምክርን"); /* one long word, no space */
    struct lf_wrapped wr;
    lf_wrap(&m, LF_FACE_REGULAR, 20, word, 200, LF_MAX_WRAP_LINES, &wr);
    assert_true(wr.n > 2);
    assert_true(wr.split_word);
    for (size_t i = 0; i < wr.n; i++) {
        assert_false(wr.lines[i].hyphen);
        lf_line_text(word, &wr.lines[i], line, sizeof(line));
        assert_int_not_equal(line[strlen(line) - 1], '-');
    }
    /* a soft hyphen in Ethiopic: a break without a mark */
    const char *shy = "ምክርን\u00ADምክርን\u00ADምክርን\u00ADምክርን";
    lf_wrap(&m, LF_FACE_REGULAR, 20, shy, 150, LF_MAX_WRAP_LINES, &wr);
    assert_true(wr.n > 1);
    for (size_t i = 0; i < wr.n; i++)
        assert_false(wr.lines[i].hyphen);
    /* words divided by "፡": each line ends after one, whole words only */
    const char *divided = "ሰላም፡ከመይ፡ኣለኹም፡ኣብ፡ማእከል፡ምትእኽኻብ፡ምክሪ፡ንስድራቤታት፡ኣሎ፡ነጻ";
    lf_wrap(&m, LF_FACE_REGULAR, 20, divided, 160, LF_MAX_WRAP_LINES, &wr);
    assert_true(wr.n > 2);
    assert_false(wr.split_word);
    for (size_t i = 0; i + 1 < wr.n; i++) {
        lf_line_text(divided, &wr.lines[i], line, sizeof(line));
        size_t len = strlen(line);
        assert_true(len >= 3 && strcmp(line + len - 3, "፡") == 0);
    }
    /* German keeps its hyphen */
    m.lang = "de";
    lf_wrap(&m, LF_FACE_REGULAR, 20, "Donaudampfschifffahrtsgesellschaftskapitänsmütze", 200,
            LF_MAX_WRAP_LINES, &wr);
    assert_true(wr.n > 1 && wr.lines[0].hyphen);
    /* a combining mark stays with its letter: "é" as e + U+0301 */
    char marks[256] = "";
    for (int i = 0; i < 30; i++)
        strcat(marks, "e\u0301");
    lf_wrap(&m, LF_FACE_REGULAR, 20, marks, 90, LF_MAX_WRAP_LINES, &wr);
    assert_true(wr.n > 1);
    for (size_t i = 0; i < wr.n; i++)
        assert_false((unsigned char)marks[wr.lines[i].start] == 0xCC &&
                     (unsigned char)marks[wr.lines[i].start + 1] == 0x81);
}

/* The benchmark against Chromium (LITFASS_BENCH_PAGE_SECONDS): every
 * page, agenda pages too (whose time is otherwise their reading time, up
 * to four times slide_seconds), stays the same time, as the web page's
 * slides do; unset, the agenda keeps its reading time. */
static void bench_page_seconds_evens_every_page(void **state)
{
    (void)state;
    build_bundle();
    enum { EVENTS = 40 };
    static struct lf_item many[EVENTS + 1];
    static char ids[EVENTS][16];
    static struct lf_translation titles[1] = {{"de", "Sprachcafé im Stadtteilzentrum"}};
    struct lf_bundle b = many_events(many, ids, EVENTS, titles, 1, 6);
    struct lf_view v = fake_view(&b, "de", lf_local_make(2026, 12, 2, 10, 0), 1920, 1080);
    static bool seen[EVENTS + 1];
    struct lf_carousel *c = lf_carousel_create();
    unsetenv("LITFASS_BENCH_PAGE_SECONDS");
    lf_carousel_build(c, &v, 8);
    struct round_stats st = play_round(c, &v, many, seen);
    assert_true(st.agenda > 0);
    assert_true(st.agenda_ms_max > 8000); /* reading time */
    setenv("LITFASS_BENCH_PAGE_SECONDS", "8", 1);
    lf_carousel_build(c, &v, 8);
    size_t n = lf_carousel_count(c);
    assert_true(n > st.agenda);
    for (size_t i = 0; i < n; i++)
        assert_int_equal(lf_carousel_page(c, i)->duration_ms, 8000);
    unsetenv("LITFASS_BENCH_PAGE_SECONDS");
    lf_carousel_destroy(c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(languages_named_in_german_and_english),
        cmocka_unit_test(wrap_breaks_at_spaces),
        cmocka_unit_test(wrap_honours_newlines_and_long_words),
        cmocka_unit_test(wrap_reports_rest),
        cmocka_unit_test(wrap_hyphenates),
        cmocka_unit_test(text_is_cleaned_for_drawing),
        cmocka_unit_test(fit_shrinks_then_continues),
        cmocka_unit_test(an_address_is_never_split_across_pages),
        cmocka_unit_test(an_address_longer_than_a_page_takes_no_hyphen),
        cmocka_unit_test(a_square_screen_shows_the_organisation),
        cmocka_unit_test(carousel_round_is_capped),
        cmocka_unit_test(agenda_window_goes_round),
        cmocka_unit_test(bench_page_seconds_evens_every_page),
        cmocka_unit_test(mirror_flips_boxes_and_targets),
        cmocka_unit_test(slides_fit_both_orientations),
        cmocka_unit_test(rtl_screen_is_mirrored),
        cmocka_unit_test(phrases_and_dates_per_language),
        cmocka_unit_test(stale_content_says_when_it_was_updated),
        cmocka_unit_test(empty_agenda_says_nothing_is_announced),
        cmocka_unit_test(whole_days_and_running_events),
        cmocka_unit_test(cancelled_is_unmistakable),
        cmocka_unit_test(times_carry_the_languages_clock),
        cmocka_unit_test(agenda_names_the_year_of_far_dates),
        cmocka_unit_test(portrait_uses_its_height),
        cmocka_unit_test(a_large_title_gives_way_to_one_page),
        cmocka_unit_test(event_chips_wrap),
        cmocka_unit_test(hours_are_sorted_and_merged),
        cmocka_unit_test(notice_image_and_event_contact_shown),
        cmocka_unit_test(german_stand_in_is_marked),
        cmocka_unit_test(registration_does_not_repeat_its_address),
        cmocka_unit_test(lines_keep_their_paragraphs_direction),
        cmocka_unit_test(dates_keep_day_and_month_together),
        cmocka_unit_test(short_items_are_never_split),
        cmocka_unit_test(themes_have_aaa_contrast),
        cmocka_unit_test(bundle_phrases_override),
        cmocka_unit_test(portrait_footer_is_compact),
        cmocka_unit_test(many_languages_keep_the_portrait_footer_compact),
        cmocka_unit_test(carousel_offers_rotate),
        cmocka_unit_test(pictures_keep_their_proportions),
        cmocka_unit_test(footer_is_compact_in_every_language),
        cmocka_unit_test(footer_labels_whole_on_one_line),
        cmocka_unit_test(landscape_strip_shows_languages),
        cmocka_unit_test(landscape_contact_uses_its_column),
        cmocka_unit_test(continued_hours_keep_their_label),
        cmocka_unit_test(a_full_card_keeps_the_address_beside_the_hours),
        cmocka_unit_test(a_square_screen_keeps_how_to_reach_a_contact),
        cmocka_unit_test(a_square_screen_shows_a_contact_on_one_page),
        cmocka_unit_test(the_hours_note_never_goes_before_the_hours),
        cmocka_unit_test(a_code_stands_beside_the_address),
        cmocka_unit_test(many_hours_keep_the_contacts_code),
        cmocka_unit_test(a_cut_title_ends_with_an_ellipsis),
        cmocka_unit_test(running_title_is_never_cut),
        cmocka_unit_test(paragraph_follows_its_own_direction),
        cmocka_unit_test(ethiopic_words_break_without_a_latin_hyphen),
        cmocka_unit_test(gender_forms_and_german_names_in_other_scripts),
        cmocka_unit_test(chinese_breaks_between_characters),
        cmocka_unit_test(hyphen_stays_with_its_word),
        cmocka_unit_test(carousel_reuses_its_pages),
        cmocka_unit_test(carousel_lays_out_anew_what_changed),
        cmocka_unit_test(carousel_lays_out_anew_for_every_view_field),
        cmocka_unit_test(measure_memo_asks_once),
        cmocka_unit_test(measure_memo_forgets_when_full),
        cmocka_unit_test(measure_memo_lays_out_the_same),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
