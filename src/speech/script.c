/* The spoken script (speech/script.h). Each language with spoken grammar
 * here has its own way of saying a date, a time and a range of hours;
 * the sentences are written out below, language by language, so a
 * translator reads them as sentences. */
#include "speech/script.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/uloc.h>
#include <unicode/ustring.h>

#include "core/civil_time.h"
#include "core/growing_text.h"
#include "core/limits.h"
#include "core/xalloc.h"
#include "layout/phrases.h"
#include "speech/spoken_words.h"
#include "speech/script_clock.h"
#include "speech/script_contact.h"
#include "speech/script_date.h"
#include "speech/script_lang.h"
#include "speech/script_runs.h"
#include "speech/script_text.h"

/* Short words (a weekday's name, a clock time) go into small buffers;
 * everything that holds content grows (core/growing_text.h). GCC cannot
 * see that the words are short and warns for each nesting. */
#pragma GCC diagnostic ignored "-Wformat-truncation"

/* ---- growing text -------------------------------------------------------- */

struct script {
    struct lf_growing_text t;
};

static void put(struct script *sc, const char *text)
{
    lf_growing_text_adds(&sc->t, text);
}

/* A growing text for a part of the script. */
static void part_init(struct lf_growing_text *t, const char *what)
{
    lf_growing_text_init(t, LF_MAX_SCRIPT_BYTES, what);
}

/* Ends with a full stop, question or exclamation mark (any script)? */
static bool ends_sentence(const char *t, size_t n)
{
    static const char *const marks[] = {".", "!", "?", "؟", "…", "。", "।", "።"};
    for (size_t i = 0; i < sizeof(marks) / sizeof(marks[0]); i++) {
        size_t m = strlen(marks[i]);
        if (n >= m && memcmp(t + n - m, marks[i], m) == 0)
            return true;
    }
    return false;
}

/* One sentence: the text with white space made single, a full stop added
 * when it has none, a space before the next; &, < and > escaped for SSML
 * (the script is read with espeakSSML), other control characters dropped. */
static void sentence(struct script *sc, const char *fmt, ...) LF_PRINTF(2, 3);
static void sentence(struct script *sc, const char *fmt, ...)
{
    struct lf_growing_text formatted;
    part_init(&formatted, "speech sentence");
    va_list ap;
    va_start(ap, fmt);
    lf_growing_text_vprintf(&formatted, fmt, ap);
    va_end(ap);
    const char *raw = lf_growing_text_str(&formatted);
    char *text = lf_xmalloc(formatted.len + 1);
    size_t o = 0;
    bool space = false;
    for (const char *p = raw; *p; p++) {
        if (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r' ||
            ((unsigned char)*p < 0x20 && *p != GERMAN_OPEN[0] && *p != GERMAN_CLOSE[0] &&
             *p != VOICE_OPEN[0])) {
            space = o > 0;
            continue;
        }
        if (space)
            text[o++] = ' ';
        space = false;
        text[o++] = *p;
    }
    /* a label with nothing after it ("Wo: ") loses its colon too */
    while (o > 0 && (text[o - 1] == ':' || text[o - 1] == ',' || text[o - 1] == ' '))
        o--;
    text[o] = '\0';
    lf_growing_text_free(&formatted);
    if (o == 0) {
        free(text);
        return;
    }
    /* the full stop goes inside the German voice's part, if it ends one */
    size_t end = o;
    if (end > 0 && text[end - 1] == GERMAN_CLOSE[0])
        end--;
    bool stop = !ends_sentence(text, end);
    if (sc->t.len)
        put(sc, " ");
    char piece[8] = "";
    for (size_t i = 0; i < o; i++) {
        if (i == end && stop)
            put(sc, ".");
        switch (text[i]) {
        case '&': put(sc, "&amp;"); break;
        case '<': put(sc, "&lt;"); break;
        case '>': put(sc, "&gt;"); break;
        case '\x01': put(sc, "<voice xml:lang=\"de\">"); break;
        case '\x02': put(sc, "</voice>"); break;
        case '\x03': { /* VOICE_OPEN tag VOICE_OPEN */
            const char *tag_end = memchr(text + i + 1, VOICE_OPEN[0], o - i - 1);
            if (!tag_end)
                break;
            put(sc, "<voice xml:lang=\"");
            for (const char *t = text + i + 1; t < tag_end; t++)
                if ((*t >= 'a' && *t <= 'z') || *t == '-') {
                    piece[0] = *t;
                    piece[1] = '\0';
                    put(sc, piece);
                }
            put(sc, "\">");
            i = (size_t)(tag_end - text);
            break;
        }
        default:
            /* U+02BC (Ukrainian "пʼять") makes the voice spell the word:
             * the ASCII apostrophe reads as the separation it marks */
            if ((unsigned char)text[i] == 0xCA && i + 1 < o && (unsigned char)text[i + 1] == 0xBC) {
                put(sc, "'");
                i++;
                break;
            }
            piece[0] = text[i];
            piece[1] = '\0';
            put(sc, piece);
        }
    }
    if (end == o && stop)
        put(sc, ".");
    free(text);
}

/* ---- the parts of an item ----------------------------------------------- */

#define TEXT_SLOTS 4

struct speaker {
    struct script sc;
    const char *lang;
    time_t now;
    bool clock_unknown;
    enum spoken L;
    char *slots[TEXT_SLOTS];
    int next_slot;
    bool german_said; /* "This text is only in German" said on this page */
    const struct lf_item *item; /* whose texts are being read, or NULL */
    const char *const *bundle_languages; /* lf_spoken_page.languages */
    size_t n_bundle_languages;
};

/* Said in the visitor's language before the first text the page reads
 * in German for want of a translation (the screen's "in German" chip):
 * the listener knows why the voice changes. */
static const char *only_german(const char *lang)
{
    static const char *const said[] = {
        NULL,                                         /* de */
        "This text is only available in German.",     /* en */
        "Bu metin yalnızca Almanca.",                 /* tr */
        "هذا النص متوفر باللغة الألمانية فقط.",       /* ar */
        "این متن فقط به زبان آلمانی است.",             /* fa */
        "Цей текст є лише німецькою мовою.",          /* uk */
        "Этот текст есть только на немецком языке.",  /* ru */
    };
    enum spoken L = lf_script_spoken_lang(lang);
    if (L != L_OTHER)
        return said[L];
    const struct lf_spoken_words *w = lf_spoken_words(lang);
    if (w)
        return w->only_german;
    /* the chip's words ("in German") where the language has them */
    return lf_phrase_has(lang, LF_P_IN_GERMAN) ? lf_phrase(lang, LF_P_IN_GERMAN) : NULL;
}

/* The Cyrillic language the content declares for text t of the item
 * being read, for Cyrillic words without letters of their own
 * (speech/script_runs.h; a short Russian text went to the Ukrainian
 * voice): the one Cyrillic language among the text's translations and
 * the offer's languages; else, for German standing in for a visitor's
 * Cyrillic language, the visitor's; else the one among the bundle's
 * languages (a bundle in Ukrainian but not Russian: Ukrainian names in
 * a German text went to the Russian voice for their length). NULL: none
 * or several. */
static const char *declared_cyrillic(const struct speaker *sp, const struct lf_text *t, bool german,
                                     char *buf, size_t size)
{
    const char *tags[LF_MAX_TRANSLATIONS + LF_MAX_SPOKEN_LANGUAGES];
    size_t n = 0;
    for (size_t i = 0; i < t->n && n < LF_MAX_TRANSLATIONS; i++)
        tags[n++] = t->tr[i].lang;
    for (size_t i = 0; sp->item && i < sp->item->n_languages && i < LF_MAX_SPOKEN_LANGUAGES; i++)
        tags[n++] = sp->item->languages[i];
    const char *declared = lf_speech_declared_cyrillic(tags, n, buf, size);
    if (!declared && german)
        declared = lf_speech_declared_cyrillic(&sp->lang, 1, buf, size);
    if (!declared && sp->bundle_languages)
        declared = lf_speech_declared_cyrillic(sp->bundle_languages, sp->n_bundle_languages, buf, size);
    return declared;
}

/* A content text in the visitor's language, ready to be read: German
 * standing in for a missing translation is read by the German voice,
 * phone numbers in it are said in groups. Valid until TEXT_SLOTS more
 * calls; NULL when the field is absent. */
static const char *text(struct speaker *sp, const struct lf_text *t)
{
    bool fallback = false;
    const char *s = lf_text_get(t, sp->lang, &fallback);
    if (!s)
        return NULL;
    char **slot = &sp->slots[sp->next_slot];
    sp->next_slot = (sp->next_slot + 1) % TEXT_SLOTS;
    bool german = fallback && sp->L != L_DE;
    if (german && !sp->german_said) {
        sp->german_said = true;
        const char *cue = only_german(sp->lang);
        if (cue)
            sentence(&sp->sc, "%s", cue);
    }
    struct lf_growing_text said;
    part_init(&said, "spoken text");
    lf_script_say_text(german ? "de" : sp->lang, s, &said);
    struct lf_growing_text out;
    part_init(&out, "spoken text");
    if (german)
        lf_growing_text_adds(&out, GERMAN_OPEN);
    /* words in another writing system go to their own language's voice
     * (speech/script_runs.h): Latin ones in an Arabic text to the German
     * voice, a Ukrainian name in a German text to the Ukrainian one */
    char cyrillic[16];
    lf_script_mark_runs(german ? "de" : sp->lang, lf_growing_text_str(&said),
                        declared_cyrillic(sp, t, german, cyrillic, sizeof(cyrillic)), &out);
    if (german)
        lf_growing_text_adds(&out, GERMAN_CLOSE);
    lf_growing_text_free(&said);
    free(*slot);
    *slot = lf_growing_text_take(&out);
    return *slot;
}

/* "Label: text." (the label only in languages with spoken grammar) */
static void labelled(struct speaker *sp, enum lf_phrase label, const char *value)
{
    if (!value || !value[0])
        return;
    /* the label in the visitor's language, never German standing in */
    const char *l = lf_script_said(sp->lang, label);
    size_t n = strlen(l);
    if (!l[0])
        sentence(&sp->sc, "%s", value);
    else if (l[n - 1] == '?' || (n >= 2 && strcmp(l + n - 2, "؟") == 0))
        sentence(&sp->sc, "%s %s", l, value); /* a question as label: "Für wen? Familien." */
    else
        sentence(&sp->sc, "%s: %s", l, value);
}

static void say_contact_details(struct speaker *sp, const struct lf_item *it)
{
    static const char *const phone_w[] = {"Telefon", "Phone", "Telefon", "الهاتف", "تلفن",
                                          "Телефон", "Телефон", ""};
    static const char *const mail_w[] = {"E-Mail", "E-mail", "E-posta", "البريد الإلكتروني",
                                         "ایمیل", "Електронна пошта", "Электронная почта", ""};
    static const char *const web_w[] = {"Im Internet", "On the web", "İnternet adresi",
                                        "الموقع الإلكتروني", "وب‌سایت", "Вебсайт", "Сайт", ""};
    const struct lf_spoken_words *w = lf_script_table_words(sp->lang);
    const char *colon = sp->L == L_OTHER && !w ? "" : ": ";
    struct lf_growing_text said;
    if (it->phone) {
        part_init(&said, "spoken phone number");
        lf_script_say_phone(sp->lang, it->phone, strlen(it->phone), &said);
        sentence(&sp->sc, "%s%s%s", w ? w->phone : phone_w[sp->L], colon,
                 lf_growing_text_str(&said));
        lf_growing_text_free(&said);
    }
    if (it->email) {
        part_init(&said, "spoken e-mail address");
        lf_script_say_address_online(sp->lang, it->email, strlen(it->email), &said);
        sentence(&sp->sc, "%s%s%s", w ? w->email : mail_w[sp->L], colon,
                 lf_growing_text_str(&said));
        lf_growing_text_free(&said);
    }
    if (it->url) {
        part_init(&said, "spoken web address");
        lf_script_say_address_online(sp->lang, it->url, strlen(it->url), &said);
        sentence(&sp->sc, "%s%s%s", w ? w->web : web_w[sp->L], colon, lf_growing_text_str(&said));
        lf_growing_text_free(&said);
    }
}

/* "Jetzt geöffnet, bis vierzehn Uhr." or when it opens next. */
static void say_open_status(struct speaker *sp, const struct lf_opening_hours *h)
{
    struct lf_open_status st = lf_opening_status(h, sp->now);
    if (st.state == LF_HOURS_NONE)
        return;
    const char *lang = sp->lang;
    if (st.change_at == (time_t)-1) {
        sentence(&sp->sc, "%s", lf_script_said(lang, st.state == LF_HOURS_OPEN ? LF_P_OPEN_NOW
                                                                           : LF_P_CLOSED));
        return;
    }
    struct tm tm;
    lf_local_time(st.change_at, &tm);
    char t[256];
    if (st.state == LF_HOURS_OPEN) {
        lf_script_say_until(lang, tm.tm_hour == 0 && tm.tm_min == 0 ? 24 : tm.tm_hour, tm.tm_min, t,
                  sizeof(t));
        /* "Jetzt offen." (Leichte Sprache) goes on with ", bis ...": no stop */
        char open_now[LF_MAX_PHRASE_BYTES + 1];
        snprintf(open_now, sizeof(open_now), "%s", lf_script_said(lang, LF_P_OPEN_NOW));
        size_t n = strlen(open_now);
        if (n > 0 && open_now[n - 1] == '.')
            open_now[n - 1] = '\0';
        sentence(&sp->sc, "%s%s%s", open_now, open_now[0] ? lf_list_comma(lang) : "", t);
        return;
    }
    lf_script_say_at(lang, tm.tm_hour, tm.tm_min, t, sizeof(t));
    const char *dw = lf_script_day_word(lang, st.change_at, sp->now);
    bool today = dw && dw == lf_script_said(lang, LF_P_TODAY);
    int wd = lf_weekday_mon0(&tm);
    char wname[64];
    lf_script_weekday_name(lang, wd, wname, sizeof(wname));
    sentence(&sp->sc, "%s", lf_script_said(lang, LF_P_CLOSED));
    switch (sp->L) {
    case L_DE:
        if (dw)
            sentence(&sp->sc, "Öffnet %s %s", today ? "heute" : "morgen", t);
        else
            sentence(&sp->sc, "Öffnet am %s %s", wname, t);
        return;
    case L_EN:
        if (dw)
            sentence(&sp->sc, "Opens %s %s", today ? "today" : "tomorrow", t);
        else
            sentence(&sp->sc, "Opens on %s %s", wname, t);
        return;
    case L_TR:
        sentence(&sp->sc, "%s açılış %s", dw ? (today ? "Bugün" : "Yarın") : wname, t);
        return;
    case L_AR:
        if (dw)
            sentence(&sp->sc, "يفتح %s %s", today ? "اليوم" : "غدًا", t);
        else
            sentence(&sp->sc, "يفتح يوم %s %s", wname, t);
        return;
    case L_FA:
        sentence(&sp->sc, "%s %s باز می‌شود", dw ? (today ? "امروز" : "فردا") : wname, t);
        return;
    case L_UK:
        if (dw)
            sentence(&sp->sc, "Відчиняється %s %s", today ? "сьогодні" : "завтра", t);
        else
            sentence(&sp->sc, "Відчиняється %s %s %s", wd == 6 ? "в" : "у", lf_script_uk_weekday_acc[wd], t);
        return;
    case L_RU:
        if (dw)
            sentence(&sp->sc, "Откроется %s %s", today ? "сегодня" : "завтра", t);
        else
            sentence(&sp->sc, "Откроется %s %s %s", wd == 1 ? "во" : "в", lf_script_ru_weekday_acc[wd], t);
        return;
    case L_OTHER:
        if (lf_script_table_words(lang))
            sentence(&sp->sc, lf_script_table_words(lang)->opens, dw ? dw : wname, t);
        else
            sentence(&sp->sc, "%s %s", dw ? dw : wname, t);
        return;
    }
}

static void say_hours(struct speaker *sp, const struct lf_opening_hours *h)
{
    if (h->n == 0)
        return;
    if (!sp->clock_unknown)
        say_open_status(sp, h);
    struct lf_growing_text all;
    part_init(&all, "spoken consultation hours");
    for (size_t i = 0; i < h->n; i++) {
        const struct lf_hours_range *r = &h->ranges[i];
        char days[512], range[512];
        lf_script_say_days(sp->lang, r->weekdays, days, sizeof(days));
        lf_script_say_range(sp->lang, r->from_min / 60, r->from_min % 60, r->to_min / 60, r->to_min % 60,
                  range, sizeof(range));
        /* Greek reads ";" as a question mark */
        const char *semicolon = sp->L == L_AR || sp->L == L_FA ? "؛ "
                                : strncmp(sp->lang, "el", 2) == 0 ? ", " : "; ";
        lf_growing_text_printf(&all, "%s%s%s%s", i ? semicolon : "", days,
                               lf_list_comma(sp->lang), range);
    }
    labelled(sp, LF_P_HOURS, lf_growing_text_str(&all));
    lf_growing_text_free(&all);
    const char *note = text(sp, &h->note);
    if (note)
        sentence(&sp->sc, "%s", note);
}

/* The languages an offer is given in, named in the visitor's language
 * (ICU's display names): "Deutsch, Türkisch und Arabisch". */
static void say_languages(struct speaker *sp, const struct lf_item *it)
{
    static const char *const and_w[] = {" und ", " and ", " ve ", " و", " و ", " і ", " и ", ", "};
    if (it->n_languages == 0)
        return;
    struct lf_growing_text all;
    part_init(&all, "spoken languages");
    for (size_t i = 0; i < it->n_languages; i++) {
        char name[256];
        UErrorCode st = U_ZERO_ERROR;
        UChar u[128];
        char base[LF_MAX_LANG_TAG + 8];
        int32_t n = uloc_getDisplayLanguage(it->languages[i],
                                            lf_script_icu_locale(sp->lang, base, sizeof(base)), u, 128, &st);
        if (U_FAILURE(st) || n <= 0 || n >= 128 || st == U_USING_DEFAULT_WARNING)
            snprintf(name, sizeof(name), "%s", lf_lang_endonym(it->languages[i]));
        else
            u_strToUTF8(name, sizeof(name), NULL, u, n, &st);
        if (U_FAILURE(st))
            snprintf(name, sizeof(name), "%s", lf_lang_endonym(it->languages[i]));
        const struct lf_spoken_words *tw = lf_script_table_words(sp->lang);
        const char *sep = i == 0 ? "" : i + 1 == it->n_languages ? (tw ? tw->and_word : and_w[sp->L])
                                                               : lf_list_comma(sp->lang);
        lf_growing_text_printf(&all, "%s%s", sep, name);
    }
    labelled(sp, LF_P_LANGUAGES, lf_growing_text_str(&all));
    lf_growing_text_free(&all);
}

/* "Wo: Stadthaus, Raum 104, Klemensstraße 10, vier acht ... Münster."
 * (place, room and address as an event's slide shows them, under "Wo");
 * an offer's and a contact's card shows address and room under "Kontakt"
 * (layout/slide_layout.c, format_contact), and its place not at all:
 * "Kontakt: Klemensstraße 10, ..., Raum 104." The label said is the one on
 * screen; "Wo" was said under "Kontakt". */
static void say_where(struct speaker *sp, const struct lf_item *it)
{
    bool card = it->kind == LF_ITEM_OFFER || it->kind == LF_ITEM_CONTACT;
    struct lf_growing_text where;
    part_init(&where, "spoken place");
    const char *parts[2] = {card ? NULL : text(sp, &it->place), card ? NULL : text(sp, &it->room)};
    for (int i = 0; i < 2; i++) {
        if (!parts[i])
            continue;
        lf_growing_text_printf(&where, "%s%s", where.len ? lf_list_comma(sp->lang) : "", parts[i]);
    }
    if (it->address) {
        /* a German address: the German voice reads it, whatever the language */
        bool german = sp->L != L_DE;
        lf_growing_text_printf(&where, "%s%s", where.len ? lf_list_comma(sp->lang) : "",
                               german ? GERMAN_OPEN : "");
        lf_script_say_address(german ? "de" : sp->lang, it->address, &where);
        lf_growing_text_adds(&where, german ? GERMAN_CLOSE : "");
    }
    const char *room = card ? text(sp, &it->room) : NULL;
    if (room)
        lf_growing_text_printf(&where, "%s%s", where.len ? lf_list_comma(sp->lang) : "", room);
    if (card && !where.len && (it->phone || it->email || it->url))
        sentence(&sp->sc, "%s", lf_script_said(sp->lang, LF_P_CONTACT)); /* the label over them */
    labelled(sp, card ? LF_P_CONTACT : LF_P_WHERE, lf_growing_text_str(&where));
    lf_growing_text_free(&where);
}

static void say_event(struct speaker *sp, const struct lf_slide *sl)
{
    const struct lf_item *it = sl->item;
    char buf[2048];
    if (sl->start <= sp->now && sp->now < sl->end && !it->cancelled && !sp->clock_unknown)
        sentence(&sp->sc, "%s", lf_script_said(sp->lang, LF_P_RUNNING_NOW));
    lf_script_say_when(sp->lang, sl->start, sl->end, lf_slide_whole_days(sl), sp->now, buf, sizeof(buf));
    sentence(&sp->sc, "%s", buf);
    if (it->recurrence == LF_RECUR_YEARLY)
        sentence(&sp->sc, "%s", lf_script_said(sp->lang, LF_P_YEARLY));
    say_where(sp, it);
}


static void say_item(struct speaker *sp, const struct lf_slide *sl)
{
    const struct lf_item *it = sl->item;
    sp->item = it;
    /* the title is taken (and "only in German" said for it) after the
     * words that come before it: "Hinweis.", "Abgesagt." */
    const char *title;
    switch (sl->kind) {
    case LF_SLIDE_NOTICE:
    case LF_SLIDE_URGENT:
        sentence(&sp->sc, "%s", lf_script_said(sp->lang, sl->kind == LF_SLIDE_URGENT ? LF_P_URGENT
                                                                               : LF_P_NOTICE));
        title = text(sp, &it->title);
        sentence(&sp->sc, "%s", title);
        sentence(&sp->sc, "%s", text(sp, &it->summary) ? text(sp, &it->summary) : "");
        return;
    case LF_SLIDE_EVENT:
        /* a cancelled event: said first, before anything invites to come */
        if (it->cancelled)
            sentence(&sp->sc, "%s", lf_script_said(sp->lang, LF_P_CANCELLED));
        title = text(sp, &it->title);
        sentence(&sp->sc, "%s", title);
        say_event(sp, sl);
        sentence(&sp->sc, "%s", text(sp, &it->summary) ? text(sp, &it->summary) : "");
        labelled(sp, LF_P_ORGANISER, text(sp, &it->organiser));
        labelled(sp, LF_P_REGISTRATION, text(sp, &it->registration));
        /* without a registration the card shows them under "Kontakt" */
        if (!text(sp, &it->registration) && (it->phone || it->email || it->url))
            sentence(&sp->sc, "%s", lf_script_said(sp->lang, LF_P_CONTACT));
        say_contact_details(sp, it);
        return;
    case LF_SLIDE_OFFER:
        title = text(sp, &it->title);
        sentence(&sp->sc, "%s", title);
        sentence(&sp->sc, "%s", text(sp, &it->summary) ? text(sp, &it->summary) : "");
        labelled(sp, LF_P_PROVIDER, text(sp, &it->provider));
        labelled(sp, LF_P_AUDIENCE, text(sp, &it->audience));
        say_languages(sp, it);
        say_hours(sp, &it->hours);
        say_where(sp, it); /* the card's address was left unsaid */
        say_contact_details(sp, it);
        return;
    case LF_SLIDE_CONTACT:
        title = text(sp, &it->title);
        sentence(&sp->sc, "%s", title);
        sentence(&sp->sc, "%s", text(sp, &it->role) ? text(sp, &it->role) : "");
        sentence(&sp->sc, "%s", text(sp, &it->unit) ? text(sp, &it->unit) : "");
        sentence(&sp->sc, "%s", text(sp, &it->summary) ? text(sp, &it->summary) : "");
        say_hours(sp, &it->hours);
        say_where(sp, it);
        say_contact_details(sp, it);
        return;
    case LF_SLIDE_AGENDA:
        return;
    }
}

/* A list entry: an event with its day and time, anything else its title. */
static void say_entry(struct speaker *sp, const struct lf_slide *sl)
{
    sp->item = sl->item;
    const char *title = sl->item ? text(sp, &sl->item->title) : NULL;
    if (!title)
        return;
    if (sl->kind == LF_SLIDE_EVENT) {
        char date[LF_SPEECH_DATE_BYTES], at[LF_MAX_PHRASE_BYTES + 1];
        struct tm tm;
        lf_local_time(sl->start, &tm);
        lf_speech_say_date(sp->lang, sl->start, sp->now, date, sizeof(date));
        const char *dw = sp->L == L_OTHER && !lf_script_table_words(sp->lang)
                             ? NULL
                             : lf_script_day_word(sp->lang, sl->start, sp->now);
        if (lf_slide_whole_days(sl))
            snprintf(at, sizeof(at), "%s", lf_script_said(sp->lang, LF_P_ALL_DAY));
        else
            lf_script_say_at(sp->lang, tm.tm_hour, tm.tm_min, at, sizeof(at));
        if (sl->item->cancelled)
            sentence(&sp->sc, "%s", lf_script_said(sp->lang, LF_P_CANCELLED));
        sentence(&sp->sc, "%s%s%s%s%s: %s", dw ? dw : "", dw ? lf_list_comma(sp->lang) : "",
                 date, lf_list_comma(sp->lang), at, title);
        return;
    }
    sentence(&sp->sc, "%s", title);
}

char *lf_speech_script(const struct lf_spoken_page *p, const char *lang, time_t now)
{
    struct speaker sp = {.lang = lang, .now = now, .clock_unknown = p->clock_unknown,
                         .L = lf_script_spoken_lang(lang), .bundle_languages = p->languages,
                         .n_bundle_languages = p->n_languages};
    lf_growing_text_init(&sp.sc.t, LF_MAX_SCRIPT_BYTES, "speech script");
    if (p->slide && p->slide->kind == LF_SLIDE_AGENDA) {
        sentence(&sp.sc, "%s", lf_script_said(lang, LF_P_UPCOMING));
        if (p->n_list == 0)
            sentence(&sp.sc, "%s", lf_script_said(lang, LF_P_NO_EVENTS));
        for (size_t i = 0; i < p->n_list; i++)
            say_entry(&sp, &p->list[i]);
    } else if (p->slide && p->slide->item) {
        say_item(&sp, p->slide);
    } else if (p->list_title || p->n_list) {
        if (p->list_title)
            sentence(&sp.sc, "%s", p->list_title);
        for (size_t i = 0; i < p->n_notices; i++) {
            /* the notices at the top of the list: "Wichtiger Hinweis: Heute geschlossen" */
            sp.item = p->notices[i].item;
            const char *title = p->notices[i].item ? text(&sp, &p->notices[i].item->title) : NULL;
            if (title)
                sentence(&sp.sc, "%s: %s",
                         lf_script_said(lang, p->notices[i].kind == LF_SLIDE_URGENT ? LF_P_URGENT
                                                                           : LF_P_NOTICE),
                         title);
        }
        for (size_t i = 0; i < p->n_list; i++)
            say_entry(&sp, &p->list[i]);
    }
    for (int i = 0; i < TEXT_SLOTS; i++)
        free(sp.slots[i]);
    return lf_growing_text_take(&sp.sc.t);
}

void lf_speech_item_slide(const struct lf_item *it, time_t now, struct lf_slide *out)
{
    *out = (struct lf_slide){.item = it};
    switch (it->kind) {
    case LF_ITEM_EVENT:
        out->kind = LF_SLIDE_EVENT;
        if (!lf_event_occurrence(it, now, &out->start, &out->end)) {
            out->start = it->start;
            out->end = it->end;
        }
        break;
    case LF_ITEM_OFFER:
        out->kind = LF_SLIDE_OFFER;
        break;
    case LF_ITEM_CONTACT:
        out->kind = LF_SLIDE_CONTACT;
        break;
    case LF_ITEM_NOTICE:
        out->kind = it->priority >= LF_NOTICE_URGENT ? LF_SLIDE_URGENT : LF_SLIDE_NOTICE;
        out->start = it->valid_from;
        out->end = it->valid_until;
        break;
    }
}
