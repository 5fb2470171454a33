/* The spoken script (speech/script.h): for each item kind in German,
 * Arabic, Turkish and Ukrainian, the dates, times, opening hours and
 * phone numbers come out in words, in the order a listener needs them.
 * The bundle is built in memory; `now` is Wednesday 9 December 2026,
 * 10:00 in Münster. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "content/bundle.h"
#include "core/civil_time.h"
#include "core/xalloc.h"
#include "layout/phrases.h"
#include "speech/number_words.h"
#include "speech/script.h"
#include "speech/spoken_words.h"
#include "speech/voice.h"

static const char manifest[] =
    "{\"format\": 1, \"organisation\": \"KI\", \"items\": [\n"
    " {\"kind\": \"event\", \"id\": \"treffen\",\n"
    "  \"title\": {\"de\": \"Austauschtreffen\", \"ar\": \"لقاء تبادل\", \"tr\": \"Buluşma\",\n"
    "             \"uk\": \"Зустріч\"},\n"
    "  \"description\": {\"de\": \"Vereine lernen sich kennen.\", \"ar\": \"تتعارف الجمعيات.\",\n"
    "                   \"tr\": \"Dernekler tanışıyor.\", \"uk\": \"Обʼєднання знайомляться.\"},\n"
    "  \"start\": \"2026-12-09T17:00\", \"end\": \"2026-12-09T19:00\",\n"
    "  \"place\": {\"de\": \"Stadthaus\", \"tr\": \"Belediye binası\"},\n"
    "  \"address\": \"Klemensstraße 10, 48143 Münster\",\n"
    "  \"phone\": \"0251 492-7077\"},\n"
    " {\"kind\": \"offer\", \"id\": \"beratung\",\n"
    "  \"title\": {\"de\": \"Beratung\", \"ar\": \"استشارة\", \"tr\": \"Danışma\", \"uk\": \"Консультація\"},\n"
    "  \"description\": {\"de\": \"Hilfe bei Anträgen.\", \"ar\": \"مساعدة في الطلبات.\",\n"
    "                  \"tr\": \"Başvurularda yardım.\", \"uk\": \"Допомога з заявами.\"},\n"
    "  \"audience\": {\"de\": \"Familien\", \"ar\": \"العائلات\", \"tr\": \"Aileler\", \"uk\": \"Родини\"},\n"
    "  \"languages\": [\"de\", \"tr\", \"ar\"],\n"
    "  \"hours\": {\"ranges\": [{\"days\": [\"mo\", \"tu\", \"th\"], \"from\": \"09:00\", \"to\": \"12:00\"}]},\n"
    "  \"address\": \"Aegidiimarkt 3, 48143 Münster\",\n"
    "  \"email\": \"info@ki-muenster.de\"},\n"
    " {\"kind\": \"contact\", \"id\": \"kontakt\", \"title\": \"André Gunsthövel\",\n"
    "  \"role\": {\"de\": \"Rassismuskritische Arbeit\", \"ar\": \"مناهضة العنصرية\",\n"
    "            \"tr\": \"Irkçılığa karşı çalışma\", \"uk\": \"Протидія расизму\"},\n"
    "  \"hours\": {\"ranges\": [{\"days\": [\"mo\", \"tu\", \"we\", \"th\", \"fr\"],\n"
    "                          \"from\": \"08:00\", \"to\": \"14:30\"}]},\n"
    "  \"address\": \"Klemensstraße 10, 48143 Münster\",\n"
    "  \"phone\": \"+49 251 492-7085\", \"url\": \"https://www.stadt-muenster.de/zuwanderung\"},\n"
    " {\"kind\": \"notice\", \"id\": \"hinweis\",\n"
    "  \"title\": {\"de\": \"Geschlossen\", \"ar\": \"مغلق\", \"tr\": \"Kapalı\", \"uk\": \"Зачинено\"},\n"
    "  \"message\": {\"de\": \"Am 24. Dezember ist das Büro zu & <leer>.\"},\n"
    "  \"valid_from\": \"2026-12-01T00:00\", \"valid_until\": \"2027-01-02T00:00\"}\n"
    "]}\n";

static struct lf_bundle *bundle;
static time_t now;

static int setup(void **state)
{
    (void)state;
    if (!lf_civil_time_init() || !lf_parse_datetime("2026-12-09T10:00", &now))
        return -1;
    struct lf_diags *d = lf_diags_create();
    bundle = lf_bundle_parse(manifest, strlen(manifest), "content.json", NULL, d);
    if (!bundle)
        lf_diags_print(d, stderr);
    lf_diags_destroy(d);
    return bundle ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    lf_bundle_destroy(bundle);
    return 0;
}

static char *script_for(const char *id, const char *lang)
{
    for (size_t i = 0; i < bundle->n_items; i++) {
        if (strcmp(bundle->items[i].id, id) != 0)
            continue;
        struct lf_slide slide;
        lf_speech_item_slide(&bundle->items[i], now, &slide);
        struct lf_spoken_page page = {.slide = &slide};
        return lf_speech_script(&page, lang, now);
    }
    fail_msg("no item %s", id);
    return NULL;
}

/* script_for, failing the test unless WANT is in it; the caller frees it */
static char *script_with(const char *id, const char *lang, const char *want)
{
    char *s = script_for(id, lang);
    if (!strstr(s, want))
        fail_msg("%s in %s: expected \"%s\" in \"%s\"", id, lang, want, s);
    return s;
}

/* 0 when each of the first N PARTS (up to a NULL) is in S, in this order; else 1, printing
 * the first that is not (ID and LANG: whose script S is) */
static int missing_in_order(const char *id, const char *lang, const char *s,
                            const char *const *parts, size_t n)
{
    const char *from = s;
    for (size_t p = 0; p < n && parts[p]; p++) {
        const char *at = strstr(from, parts[p]);
        if (!at) {
            print_error("%s/%s: expected\n  %s\nafter\n  %.60s...\nin\n  %s\n", id, lang, parts[p],
                        from, s);
            return 1;
        }
        from = at + strlen(parts[p]);
    }
    return 0;
}

struct expect {
    const char *id, *lang;
    const char *parts[8]; /* each must be in the script, in this order */
};

static const struct expect expectations[] = {
    /* German: the issue's example, said as one says it */
    {"treffen", "de",
     {"Austauschtreffen.", "Heute, Mittwoch, neunter Dezember, von siebzehn bis neunzehn Uhr.",
      "Wo: Stadthaus, Klemensstraße 10, vier acht eins vier drei Münster.",
      "Vereine lernen sich kennen.",
      "Telefon: null zwo fünf eins, vier neun zwo, sieben null sieben sieben."}},
    {"beratung", "de",
     {"Beratung.", "Für wen: Familien.", "Sprachen: Deutsch, Türkisch und Arabisch.",
      "Derzeit geschlossen. Öffnet morgen um neun Uhr.",
      "Sprechzeiten: Montag, Dienstag und Donnerstag, von neun bis zwölf Uhr.",
      "E-Mail: info ät ki-muenster Punkt de."}},
    {"kontakt", "de",
     {"André Gunsthövel.", "Rassismuskritische Arbeit.",
      "Jetzt geöffnet, bis vierzehn Uhr dreißig.",
      "Sprechzeiten: Montag bis Freitag, von acht Uhr bis vierzehn Uhr dreißig.",
      "Telefon: plus vier neun, zwo fünf eins, vier neun zwo, sieben null acht fünf.",
      "Im Internet: www Punkt stadt-muenster Punkt de."}},
    {"hinweis", "de",
     {"Hinweis.", "Geschlossen.", "Am vierundzwanzigsten Dezember ist das Büro zu &amp; &lt;leer&gt;."}},

    /* Arabic: ordinal day, hours as ordinals ("the seventeenth hour") */
    {"treffen", "ar",
     {"لقاء تبادل.", "اليوم، الأربعاء، التاسع من ديسمبر، من السَّاعَة الخَامِسَة مَسَاءً حتى "
                     "السَّاعَة السَّابِعَة مَسَاءً.",
      "أين: <voice xml:lang=\"de\">Stadthaus</voice>، <voice xml:lang=\"de\">Klemensstraße 10, "
      "vier acht eins vier drei Münster.</voice>",
      "تتعارف الجمعيات.",
      "الهاتف: صِفْر اِثْنَان خَمْسَة وَاحِد، أَرْبَعَة تِسْعَة اِثْنَان، سَبْعَة صِفْر سَبْعَة "
      "سَبْعَة."}},
    {"beratung", "ar",
     {"استشارة.", "لمن: العائلات.", "اللغات: الألمانية، التركية والعربية.",
      "مغلق الآن. يفتح غدًا السَّاعَة التَّاسِعَة صَبَاحًا.",
      "ساعات الاستشارة: الاثنين، الثلاثاء والخميس، من السَّاعَة التَّاسِعَة صَبَاحًا حتى "
      "السَّاعَة الثَّانِيَةَ عَشْرَة ظُهْرًا."}},
    {"kontakt", "ar",
     {"مناهضة العنصرية.", "مفتوح الآن، حتى السَّاعَة الثَّانِيَة وَالنِّصْف ظُهْرًا.",
      "ساعات الاستشارة: من الاثنين إلى الجمعة، من السَّاعَة الثَّامِنَة صَبَاحًا حتى السَّاعَة "
      "الثَّانِيَة وَالنِّصْف ظُهْرًا.",
      "الهاتف: زائد أَرْبَعَة تِسْعَة، اِثْنَان خَمْسَة وَاحِد، أَرْبَعَة تِسْعَة اِثْنَان، سَبْعَة "
      "صِفْر ثَمَانِيَة خَمْسَة."}},
    {"hinweis", "ar", {"تنبيه.", "مغلق.", "<voice xml:lang=\"de\">Am vierundzwanzigsten Dezember"}},

    /* Turkish: no case endings after numbers ("saat dokuz ile on iki arası") */
    {"treffen", "tr",
     {"Buluşma.", "Bugün, dokuz Aralık Çarşamba, saat on yedi ile on dokuz arası.",
      "Nerede: Belediye binası, <voice xml:lang=\"de\">Klemensstraße 10, vier acht eins vier "
      "drei Münster.</voice>",
      "Telefon: sıfır iki beş bir, dört dokuz iki, yedi sıfır yedi yedi."}},
    {"beratung", "tr",
     {"Danışma.", "Kimler için: Aileler.", "Diller: Almanca, Türkçe ve Arapça.",
      "Şu an kapalı. Yarın açılış saat dokuz.",
      "Görüşme saatleri: Pazartesi, Salı ve Perşembe, saat dokuz ile on iki arası.",
      "E-posta: info et ki-muenster nokta de."}},
    {"kontakt", "tr",
     {"Şu an açık, kapanış saati on dört otuz.",
      "Görüşme saatleri: Pazartesi ile Cuma arası, saat sekiz ile on dört otuz arası.",
      "Telefon: artı dört dokuz, iki beş bir, dört dokuz iki, yedi sıfır sekiz beş."}},
    {"hinweis", "tr", {"Duyuru.", "Kapalı."}},

    /* Ukrainian: ordinals in the case the preposition asks for */
    {"treffen", "uk",
     {"Зустріч.", "Сьогодні, середа, дев'ятого грудня, з сімнадцятої до дев'ятнадцятої години.",
      "Де: <voice xml:lang=\"de\">Stadthaus</voice>",
      "Об'єднання знайомляться.",
      "Телефон: нуль два п'ять один, чотири дев'ять два, сім нуль сім сім."}},
    {"beratung", "uk",
     {"Консультація.", "Для кого: Родини.", "Мови: німецька, турецька і арабська.",
      "Зараз зачинено. Відчиняється завтра о дев'ятій.",
      "Години прийому: понеділок, вівторок і четвер, з дев'ятої до дванадцятої години."}},
    {"kontakt", "uk",
     {"Протидія расизму.", "Зараз відчинено, до чотирнадцятої тридцять.",
      "Години прийому: з понеділка по п'ятницю, з восьмої до чотирнадцятої тридцять.",
      "Телефон: плюс чотири дев'ять, два п'ять один, чотири дев'ять два, сім нуль вісім п'ять.",
      "Вебсайт: <voice xml:lang=\"de\">www</voice> крапка"}},
    {"hinweis", "uk", {"Оголошення.", "Зачинено."}},
};

static void each_kind_in_four_languages(void **state)
{
    (void)state;
    int failures = 0;
    for (size_t i = 0; i < sizeof(expectations) / sizeof(expectations[0]); i++) {
        const struct expect *e = &expectations[i];
        char *s = script_for(e->id, e->lang);
        failures += missing_in_order(e->id, e->lang, s, e->parts, 8);
        /* no digit is left for the synthesiser to guess, but in texts the
         * editor wrote (the notice's "24.", the house number) */
        if (strcmp(e->id, "beratung") == 0 || strcmp(e->id, "kontakt") == 0) {
            /* the house number, read by the German voice as a German reads it */
            static const char *const houses[] = {"Aegidiimarkt 3", "Klemensstraße 10"};
            for (size_t h = 0; h < 2; h++)
                for (char *at = strstr(s, houses[h]); at; at = strstr(at + 1, houses[h]))
                    memset(at + strcspn(at, "0123456789"), 'N',
                           strlen(houses[h]) - strcspn(houses[h], "0123456789"));
            if (strpbrk(s, "0123456789")) {
                print_error("%s/%s: a digit is left in \"%s\"\n", e->id, e->lang, s);
                failures++;
            }
        }
        free(s);
    }
    assert_int_equal(failures, 0);
}

/* Languages with spoken words from the table (speech/spoken_words.c):
 * this bundle has no texts in them, so each page first says, in the
 * visitor's language, that the text is only in German, then the German
 * voice reads it; the kiosk's words, dates, hours and phone numbers are
 * said in the visitor's language, in words. */
static const struct expect more_languages[] = {
    {"treffen", "fr",
     {"Ce texte n'existe qu'en allemand. <voice xml:lang=\"de\">Austauschtreffen.</voice>",
      "mercredi neuf décembre, de dix-sept heures à dix-neuf heures.", "Où: ",
      "Téléphone: zéro deux cinq un, quatre neuf deux, sept zéro sept sept."}},
    {"kontakt", "fr",
     {"Ouvert maintenant, jusqu'à quatorze heures trente.",
      "du lundi au vendredi, de huit heures à quatorze heures trente.",
      "Site internet: www point stadt-muenster point de."}},
    {"treffen", "pl",
     {"Ten tekst jest dostępny tylko po niemiecku.",
      "Dziś, środa, dziewiątego grudnia, od siedemnastej do dziewiętnastej.", "Gdzie: "}},
    {"beratung", "pl",
     {"Języki: niemiecki, turecki i arabski.", "Następne otwarcie: Jutro, o dziewiątej.",
      "poniedziałek, wtorek i czwartek, od dziewiątej do dwunastej.",
      "E-mail: info małpa ki-muenster kropka de."}},
    {"kontakt", "pl",
     {"Teraz otwarte, do czternastej trzydzieści.",
      "od poniedziałku do piątku, od ósmej do czternastej trzydzieści.",
      "Telefon: plus cztery dziewięć, dwa pięć jeden"}},
    {"treffen", "es", {"miércoles, nueve de diciembre, de las diecisiete a las diecinueve."}},
    {"kontakt", "it", {"dal lunedì al venerdì, dalle otto alle quattordici e trenta."}},
    {"kontakt", "nl", {"maandag tot en met vrijdag, van acht uur tot veertien uur dertig."}},
    {"kontakt", "ro",
     {"de luni până vineri, de la ora opt până la ora patrusprezece și treizeci."}},
    {"beratung", "bg", {"от девет часа до дванайсет часа."}},
    {"kontakt", "sr", {"од понедељка до петка, од осам сати до четрнаест и тридесет."}},
    {"treffen", "hr", {"srijeda, devetog prosinca, od sedamnaest sati do devetnaest sati."}},
    {"treffen", "bs", {"srijeda, deveti decembar, od sedamnaest sati do devetnaest sati."}},
    {"treffen", "mk", {"среда, девет декември, од седумнаесет часот до деветнаесет часот."}},
    {"treffen", "sq", {"nga ora shtatëmbëdhjetë deri në ora nëntëmbëdhjetë."}},
    {"kontakt", "el",
     {"Δευτέρα έως Παρασκευή, από τις οκτώ έως τις δεκατέσσερις και τριάντα."}},
    {"treffen", "vi", {"Thứ Tư, chín tháng mười hai, từ mười bảy giờ đến mười chín giờ."}},
    {"kontakt", "hu", {"hétfőtől péntekig, nyolc óra és tizennégy óra harminc között."}},
    {"beratung", "hu",
     {"Legközelebb nyit: Holnap, kilenc órakor.", "kilenc óra és tizenkét óra között."}},
    {"kontakt", "cs", {"Nyní otevřeno, zavírá ve čtrnáct třicet.", "pondělí až pátek"}},
    {"beratung", "sk", {"Opäť otvorené: Zajtra, o deviatej.", "od deviatej do dvanástej."}},
    {"kontakt", "sl", {"od ponedeljka do petka, od osmih do štirinajstih trideset."}},
    {"treffen", "pt", {"quarta-feira, nove de dezembro, das dezessete horas às dezenove horas."}},
    /* ICU cannot spell Kurmanji numbers: the Kurdish voice reads the digits */
    {"kontakt", "ku", {"ji duşem heta în, ji saet 8 heta saet 14 û 30."}},
};

static int check_expectations(const struct expect *list, size_t n)
{
    int failures = 0;
    for (size_t i = 0; i < n; i++) {
        const struct expect *e = &list[i];
        char *s = script_for(e->id, e->lang);
        failures += missing_in_order(e->id, e->lang, s, e->parts, 8);
        free(s);
    }
    return failures;
}

static void more_languages_in_words(void **state)
{
    (void)state;
    assert_int_equal(check_expectations(more_languages,
                                        sizeof(more_languages) / sizeof(more_languages[0])),
                     0);
}

/* The script without the parts the German voice reads. */
static void outside_german(const char *s, char *out, size_t size)
{
    size_t o = 0;
    while (*s && o + 1 < size) {
        const char *open = strstr(s, "<voice xml:lang=\"de\">");
        size_t n = open ? (size_t)(open - s) : strlen(s);
        if (n > size - 1 - o)
            n = size - 1 - o;
        memcpy(out + o, s, n);
        o += n;
        if (!open)
            break;
        const char *close = strstr(open, "</voice>");
        if (!close)
            break;
        s = close + strlen("</voice>");
    }
    out[o] = '\0';
}

/* Every language of the table: the page starts with "only in German",
 * the labels are its own, no German kiosk word is said in its voice and
 * no digit is left to the synthesiser (but in Kurmanji, which ICU cannot
 * spell and the voice reads). */
static void every_table_language_says_its_own_words(void **state)
{
    (void)state;
    static const char *const german[] = {"Uhr", "geöffnet", "Sprechzeiten", "Montag",
                                         "Dezember", "Heute", "Punkt", " ät "};
    int failures = 0, langs = 0;
    const struct lf_spoken_words *w;
    for (int i = 0; (w = lf_spoken_words_at(i)) != NULL; i++, langs++) {
        static const char *const ids[] = {"treffen", "beratung", "kontakt"};
        for (size_t k = 0; k < 3; k++) {
            char *s = script_for(ids[k], w->tag);
            char own[8192];
            outside_german(s, own, sizeof(own));
            if (strncmp(s, w->only_german, strlen(w->only_german)) != 0 ||
                strncmp(s + strlen(w->only_german), " <voice xml:lang=\"de\">",
                        strlen(" <voice xml:lang=\"de\">")) != 0) {
                print_error("%s/%s: does not start with \"%s\" and the German voice: %s\n",
                            ids[k], w->tag, w->only_german, s);
                failures++;
            }
            for (size_t g = 0; g < sizeof(german) / sizeof(german[0]); g++)
                if (strstr(own, german[g])) {
                    print_error("%s/%s: German \"%s\" in its own voice: %s\n", ids[k], w->tag,
                                german[g], own);
                    failures++;
                }
            if (strcmp(w->tag, "ku") != 0 && strpbrk(own, "0123456789")) {
                print_error("%s/%s: a digit is left: %s\n", ids[k], w->tag, own);
                failures++;
            }
            const char *label = k == 0 ? w->phone : k == 1 ? w->email : w->web;
            char with_colon[128];
            snprintf(with_colon, sizeof(with_colon), "%s: ", label);
            if (!strstr(own, with_colon)) {
                print_error("%s/%s: no \"%s\": %s\n", ids[k], w->tag, with_colon, own);
                failures++;
            }
            /* the event's place is labelled in the language ("Où", "Gdzie") */
            if (k == 0 && !strstr(s, ": <voice xml:lang=\"de\">Stadthaus</voice>")) {
                print_error("%s/%s: the place has no label of its own: %s\n", ids[k], w->tag, s);
                failures++;
            }
            free(s);
        }
    }
    assert_true(langs >= 20);
    assert_int_equal(failures, 0);
}

/* A page read in German for want of a translation says so first, once,
 * in the visitor's language; a translated page does not; German never. */
static void only_in_german_is_said_first(void **state)
{
    (void)state;
    char *s = script_for("hinweis", "tr"); /* the message is only in German */
    const char *cue = strstr(s, "Bu metin yalnızca Almanca.");
    const char *german = strstr(s, "<voice xml:lang=\"de\">Am vierundzwanzigsten Dezember");
    assert_non_null(cue);
    assert_non_null(german);
    assert_true(cue < german);
    assert_null(strstr(cue + 1, "Bu metin yalnızca Almanca."));     /* once */
    assert_true(strstr(s, "Kapalı.") < cue);                        /* after the Turkish title */
    free(s);
    s = script_for("beratung", "tr"); /* all in Turkish */
    assert_null(strstr(s, "yalnızca Almanca"));
    free(s);
    s = script_for("hinweis", "uk");
    assert_non_null(strstr(s, "Цей текст є лише німецькою мовою. <voice xml:lang=\"de\">Am vierundzwanzigsten"));
    free(s);
    s = script_for("hinweis", "de");
    assert_null(strstr(s, "nur auf Deutsch"));
    assert_null(strstr(s, "<voice"));
    free(s);
    /* a language with neither table nor voice grammar: the chip's words */
    s = script_for("treffen", "so");
    assert_non_null(strstr(s, "<voice xml:lang=\"de\">Austauschtreffen.</voice>"));
    free(s);
}

/* A cancelled event: the word for it comes first, before the title and
 * anything that invites to come (and "happening now" is not said). */
static void cancelled_is_said_first(void **state)
{
    (void)state;
    struct lf_item *ev = NULL;
    for (size_t i = 0; i < bundle->n_items; i++)
        if (strcmp(bundle->items[i].id, "treffen") == 0)
            ev = (struct lf_item *)&bundle->items[i];
    assert_non_null(ev);
    ev->cancelled = true;
    char *s = script_for("treffen", "de");
    assert_true(strncmp(s, "Abgesagt. Austauschtreffen.", 27) == 0);
    free(s);
    const char *langs[] = {"ar", "tr", "uk"};
    for (size_t i = 0; i < 3; i++) {
        s = script_for("treffen", langs[i]);
        const char *word = lf_phrase(langs[i], LF_P_CANCELLED);
        assert_true(strncmp(s, word, strlen(word)) == 0);
        free(s);
    }
    /* a title only in German: "Cancelled" first, then why the voice
     * changes (it was said before "Cancelled") */
    s = script_for("treffen", "en");
    static const char en_start[] = "Cancelled. This text is only available in German. <voice";
    if (strncmp(s, en_start, strlen(en_start)) != 0)
        fail_msg("en: %s", s);
    free(s);
    struct lf_slide events[1];
    assert_int_equal(lf_upcoming_events(bundle, now, events, 1), 1);
    struct lf_slide agenda = {.kind = LF_SLIDE_AGENDA};
    struct lf_spoken_page page = {.slide = &agenda, .list = events, .n_list = 1};
    s = lf_speech_script(&page, "de", now);
    assert_string_equal(s, "Nächste Veranstaltungen. Abgesagt. Heute, Mittwoch, neunter Dezember, "
                           "um siebzehn Uhr: Austauschtreffen.");
    free(s);
    ev->cancelled = false;
    s = script_for("treffen", "de");
    assert_null(strstr(s, "Abgesagt"));
    free(s);
}

/* A clock not set: the hours are read, "open"/"closed now" is not said. */
static void no_open_now_without_a_clock(void **state)
{
    (void)state;
    struct lf_slide slide = {0};
    for (size_t i = 0; i < bundle->n_items; i++)
        if (strcmp(bundle->items[i].id, "beratung") == 0)
            lf_speech_item_slide(&bundle->items[i], now, &slide);
    assert_non_null(slide.item);
    struct lf_spoken_page page = {.slide = &slide};
    char *s = lf_speech_script(&page, "de", now); /* a Wednesday: closed, opens Thursday */
    assert_non_null(strstr(s, "Derzeit geschlossen"));
    free(s);
    page.clock_unknown = true;
    s = lf_speech_script(&page, "de", now);
    assert_null(strstr(s, "geöffnet"));
    assert_null(strstr(s, "geschlossen"));
    assert_null(strstr(s, "ffnet")); /* "Öffnet", "öffnet" */
    assert_non_null(strstr(s, "Montag"));
    free(s);
}

static void agenda_and_lists(void **state)
{
    (void)state;
    struct lf_slide events[1];
    size_t n = lf_upcoming_events(bundle, now, events, 1);
    assert_int_equal(n, 1);
    struct lf_slide agenda = {.kind = LF_SLIDE_AGENDA};
    struct lf_spoken_page page = {.slide = &agenda, .list = events, .n_list = n};
    char *s = lf_speech_script(&page, "de", now);
    assert_string_equal(s, "Nächste Veranstaltungen. Heute, Mittwoch, neunter Dezember, um "
                           "siebzehn Uhr: Austauschtreffen.");
    free(s);
    page = (struct lf_spoken_page){.slide = &agenda};
    s = lf_speech_script(&page, "tr", now);
    assert_string_equal(s, "Yaklaşan etkinlikler. Şu anda duyurulmuş bir etkinlik yok.");
    free(s);
    page = (struct lf_spoken_page){.list = events, .n_list = n, .list_title = "Події"};
    s = lf_speech_script(&page, "uk", now);
    assert_string_equal(s, "Події. Сьогодні, середа, дев'ятого грудня, о сімнадцятій: Зустріч.");
    free(s);
    /* a list with a notice at its top reads the notice first, as a notice */
    const struct lf_item *notice = NULL;
    for (size_t i = 0; i < bundle->n_items && !notice; i++)
        if (bundle->items[i].kind == LF_ITEM_NOTICE)
            notice = &bundle->items[i];
    assert_non_null(notice);
    struct lf_slide pinned = {LF_SLIDE_URGENT, notice, notice->valid_from, notice->valid_until};
    page = (struct lf_spoken_page){.list = events, .n_list = n, .list_title = "Veranstaltungen",
                                   .notices = &pinned, .n_notices = 1};
    s = lf_speech_script(&page, "de", now);
    const char *said_notice = strstr(s, "Wichtiger Hinweis: "), *said_event = strstr(s, "Austauschtreffen");
    if (!said_notice || !said_event || said_notice > said_event)
        fail_msg("the notice is not read before the list's entries: %s", s);
    free(s);
}

static void dates_and_times_in_words(void **state)
{
    (void)state;
    time_t t;
    char buf[256];
    assert_true(lf_parse_datetime("2027-03-21T18:00", &t));
    lf_speech_say_date("de", t, now, buf, sizeof(buf));
    assert_string_equal(buf, "Sonntag, einundzwanzigster März zweitausendsiebenundzwanzig");
    lf_speech_say_date("uk", t, now, buf, sizeof(buf));
    /* the year an ordinal in the genitive: the voice read "2027 року" as
     * "дві тисячі двадцять сім року" */
    assert_string_equal(buf, "неділя, двадцять першого березня дві тисячі двадцять сьомого року");
    lf_speech_say_date("ru", t, now, buf, sizeof(buf));
    assert_string_equal(buf, "воскресенье, двадцать первого марта две тысячи двадцать седьмого года");
    lf_speech_say_date("ar", t, now, buf, sizeof(buf));
    assert_string_equal(buf, "الأحد، الحادي والعشرون من مارس 2027");
    lf_speech_say_date("tr", t, now, buf, sizeof(buf));
    assert_string_equal(buf, "yirmi bir Mart 2027 Pazar");
    lf_speech_say_date("en", t, now, buf, sizeof(buf));
    assert_string_equal(buf, "Sunday, the twenty-first of March twenty twenty-seven");
    /* English hours without "a.m.", which the voice reads as a sentence end */
    struct lf_slide ev;
    lf_speech_item_slide(&bundle->items[0], now, &ev);
    struct lf_spoken_page pg = {.slide = &ev};
    char *en = lf_speech_script(&pg, "en", now);
    assert_non_null(strstr(en, "Today, Wednesday, the ninth of December, from five in the "
                               "afternoon to seven in the evening."));
    free(en);

    /* Ukrainian ordinals: 3 is soft, 23 compound, 31 */
    assert_true(lf_spell_uk_ordinal(3, LF_UK_NEUTER_GENITIVE, buf, sizeof(buf)));
    assert_string_equal(buf, "третього");
    assert_true(lf_spell_uk_ordinal(23, LF_UK_FEMININE_LOCATIVE, buf, sizeof(buf)));
    assert_string_equal(buf, "двадцять третій");
    assert_true(lf_spell_uk_ordinal(31, LF_UK_NEUTER_GENITIVE, buf, sizeof(buf)));
    assert_string_equal(buf, "тридцять першого");
    assert_false(lf_spell_uk_ordinal(32, LF_UK_NEUTER_GENITIVE, buf, sizeof(buf)));

    /* a language ICU cannot spell gets digits, never English words */
    assert_false(lf_spell_number("ti", NULL, 7, buf, sizeof(buf)));
    char *said = lf_speech_say_phone("ti", "0251 49");
    assert_string_equal(said, "0 2 5 1፣ 4 9"); /* with the Ethiopic comma */
    free(said);
}

/* An offer's and a contact's address, shown on their card, is said too
 * (it was left out: only an event's place was read), before the phone
 * number as on the card, the German voice reading it in other languages */
static void offers_and_contacts_say_their_address(void **state)
{
    (void)state;
    static const struct {
        const char *id, *lang, *where, *after;
    } cases[] = {
        {"beratung", "de", "Kontakt: Aegidiimarkt 3, vier acht eins vier drei Münster.", "E-Mail"},
        {"kontakt", "de", "Kontakt: Klemensstraße 10, vier acht eins vier drei Münster.", "Telefon"},
        {"kontakt", "tr", "<voice xml:lang=\"de\">Klemensstraße 10, vier acht eins vier drei "
                          "Münster.</voice>", "Telefon"},
        {"beratung", "ar", "<voice xml:lang=\"de\">Aegidiimarkt 3, vier acht eins vier drei "
                           "Münster.</voice>", "info"},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        char *s = script_with(cases[i].id, cases[i].lang, cases[i].where);
        const char *at = strstr(s, cases[i].where), *then = strstr(s, cases[i].after);
        if (!then || then < at)
            fail_msg("%s/%s: the address is not said before \"%s\": %s", cases[i].id,
                     cases[i].lang, cases[i].after, s);
        free(s);
    }
}

/* The label said over an offer's and a contact's address is the one their
 * card shows over it ("Kontakt", layout/slide_layout.c), in every language
 * with a voice; "Wo" was said under "Kontakt". An event without a
 * registration shows its phone number under "Kontakt" too. */
static void the_address_is_said_under_the_label_on_screen(void **state)
{
    (void)state;
    static const char *const langs[] = {"de", "en", "tr", "ar", "fa", "uk", "ru", "fr", "es", "pl"};
    for (size_t i = 0; i < sizeof(langs) / sizeof(langs[0]); i++) {
        const char *shown = lf_phrase(langs[i], LF_P_CONTACT), *where = lf_phrase(langs[i], LF_P_WHERE);
        char want[256];
        snprintf(want, sizeof(want), "%s: ", shown);
        const char *ids[] = {"beratung", "kontakt"};
        for (size_t k = 0; k < 2; k++) {
            char *s = script_with(ids[k], langs[i], want);
            char not_shown[256];
            snprintf(not_shown, sizeof(not_shown), "%s: ", where);
            if (strstr(s, not_shown))
                fail_msg("%s/%s says \"%s\", its card shows \"%s\": %s", ids[k], langs[i],
                         not_shown, shown, s);
            free(s);
        }
        char label[256];
        snprintf(label, sizeof(label), "%s.", shown);
        free(script_with("treffen", langs[i], label));
    }
}

static void phone_numbers_in_text_and_addresses(void **state)
{
    (void)state;
    /* long groups are said in threes, the rest at the end */
    char *said = lf_speech_say_phone("de", "02361/5333808");
    assert_string_equal(said, "null zwo drei, sechs eins, fünf drei drei, drei acht null acht");
    free(said);
    said = lf_speech_say_phone("de", "+49 251");
    assert_string_equal(said, "plus vier neun, zwo fünf eins");
    free(said);
    said = lf_speech_say_address("de", "Aegidiimarkt 3, 48143 Münster");
    assert_string_equal(said, "Aegidiimarkt 3, vier acht eins vier drei Münster");
    free(said);
    said = lf_speech_say_address("de", "Postfach 123456");
    assert_string_equal(said, "Postfach 123456");
    free(said);
}

/* What editors write in a text is said as one says it: abbreviations,
 * ranges, clock times, German dates and euros in words, phone numbers in
 * their groups, e-mail and web addresses without "https" or "@"; Latin
 * words in an Arabic text read by the German voice (not English rules);
 * whole-day events as days, never "null Uhr"; an emoji alone is kept. */
static const char hostile[] =
    "{\"format\": 1, \"organisation\": \"KI\", \"items\": [\n"
    " {\"kind\": \"notice\", \"id\": \"text\",\n"
    "  \"title\": {\"de\": \"Treffen\", \"en\": \"Meeting\",\n"
    "             \"ar\": \"اجتماع في Kommunales Integrationszentrum غدا\"},\n"
    "  \"message\": {\"de\": \"Preis: 1.000,50 € z.B. für alle. Mo–Fr 9-12 Uhr, Raum 2-1, "
    "Tel. +49 (0) 251 / 492-70 77, info@ki-muenster.de, https://www.ki-muenster.de/termine. "
    "Vom 24.12. bis 1.1., am 21. März um 9:30 Uhr, Prozess 2023–2024. "
    "Mo, Mi und Fr. 8-10 Uhr bei Fr. Meiber. Durchwahl 53-3808, im Raum 1.12.\",\n"
    "              \"en\": \"e.g. Mon–Fri 9–12, mail info@ki-muenster.de. €1,000.50 or 20.00 €.\"},\n"
    "  \"valid_from\": \"2026-12-01T00:00\", \"valid_until\": \"2027-01-02T00:00\"},\n"
    " {\"kind\": \"notice\", \"id\": \"datum\", \"title\": {\"de\": \"Zu\",\n"
    "  \"uk\": \"Зачинено з 24 грудня до 1 січня\", \"ru\": \"Закрыто с 24 декабря до 1 января\"},\n"
    "  \"valid_from\": \"2026-12-01T00:00\", \"valid_until\": \"2027-01-02T00:00\"},\n"
    " {\"kind\": \"notice\", \"id\": \"emoji\", \"title\": \"🎉\", \"message\": \"👍\",\n"
    "  \"valid_from\": \"2026-12-01T00:00\", \"valid_until\": \"2027-01-02T00:00\"},\n"
    " {\"kind\": \"event\", \"id\": \"tag\", \"title\": {\"de\": \"Aktionstag\", \"en\": \"Action day\"},\n"
    "  \"start\": \"2026-12-10\"},\n"
    " {\"kind\": \"event\", \"id\": \"tage\", \"title\": \"Tage\",\n"
    "  \"start\": \"2026-12-30\", \"end\": \"2027-01-02\"},\n"
    " {\"kind\": \"offer\", \"id\": \"leicht\", \"title\": {\"de\": \"Beratung\", \"de-x-ls\": \"Hilfe\"},\n"
    "  \"description\": {\"de\": \"Rat.\", \"de-x-ls\": \"Wir helfen.\"},\n"
    "  \"provider\": \"KI\", \"hours\": {\"ranges\": [{\"days\": [\"we\"], \"from\": \"09:00\", \"to\": \"14:00\"}]}},\n"
    " {\"kind\": \"event\", \"id\": \"ort\", \"title\": \"Ort\", \"start\": \"2026-12-10T10:00\",\n"
    "  \"end\": \"2026-12-10T12:00\", \"address\": \"Domplatz 1-3, 48143 Münster\"},\n"
    " {\"kind\": \"offer\", \"id\": \"adres\", \"title\": {\"de\": \"Rat\", \"tr\": \"Danışma\"},\n"
    "  \"description\": {\"de\": \"Rat.\", \"tr\": \"Atatürk Cad. No:5, Gül Sk. No: 12, Sok. 3, Kültür Mah. "
    "ve Mh. 2; Bulv. 1, Blv. 2, Apt. 4, Tel. 0251 492-7077, Tel: 0251 492-7078. Kitap, defter vb. "
    "getirin; harç, ücret vs. yok, Ali vd. gelir. örn. kimlik, Örn. pasaport; bkz. bilgi, Bkz. form. "
    "Dr. Yılmaz, Prof. Kaya, Doç. Demir, Uzm. Er, Av. Öz, Yıldız Ltd. Şti. ve Ay A.Ş. "
    "Pazartesi saat 9-12 arası, Salı 14:00–16:30, Çarşamba saat 10.30, Perşembe saat 8.15-9.45, "
    "Cuma 09:00. Sayfa 3-5, yıl 2023-2024.\"},\n"
    "  \"provider\": \"KI\", \"url\": \"https://user@www.ki-muenster.de:8443/termine/2026/dezember?lang=tr#top\"},\n"
    " {\"kind\": \"notice\", \"id\": \"lang\", \"title\": \"Adresse\",\n"
    "  \"message\": {\"de\": \"Alles unter @URL@ und info@ki-muenster.de, auch www.ki-muenster.de/a/b.\",\n"
    "              \"en\": \"See http://ki-muenster.de/x or mailto:info@ki-muenster.de.\"},\n"
    "  \"valid_from\": \"2026-12-01T00:00\", \"valid_until\": \"2027-01-02T00:00\"}\n"
    "]}\n";

static void texts_are_said_as_one_says_them(void **state)
{
    (void)state;
    /* Persian dates are Gregorian, as on the screen: 9 December is
     * "نهم دسامبر", not the ninth of Azar (ICU's default calendar for fa) */
    char *fa = script_with("treffen", "fa", "چهارشنبه، نهم دسامبر");
    assert_null(strstr(fa, "آذر"));
    free(fa);

    /* Dari (prs, a tag ICU lacks) and Kurmanji tagged kmr: weekdays,
     * months, numbers and language names in their words, not English
     * ("Wednesday، 9م December", "Monday و Tuesday", "Deutsch") */
    free(script_with("treffen", "prs", "چهارشنبه، نهم دسمبر، از ساعت هفده تا ساعت نوزده."));
    fa = script_with("beratung", "prs", "دوشنبه، سه‌شنبه و پنجشنبه، از ساعت نه تا ساعت دوازده");
    if (!strstr(fa, "آلمانی"))
        fail_msg("prs: %s", fa);
    for (const char *c = fa; *c; c++)
        if ((*c >= 'A' && *c <= 'Z') || (*c >= 'a' && *c <= 'z'))
            if (!strstr(fa, "<voice") || c < strstr(fa, "<voice"))
                fail_msg("prs: a Latin letter outside the German voice: %s", fa);
    free(fa);
    fa = script_with("beratung", "kmr", "duşem");
    assert_null(strstr(fa, "Monday"));
    free(fa);

    /* a web address of 300 characters in the text */
    char url[400] = "https://www.stadt-muenster.de/zuwanderung/";
    size_t ul = strlen(url);
    for (; ul < 300; ul++)
        url[ul] = (char)('a' + ul % 26);
    url[ul] = '\0';
    char *text = lf_xstrdup(hostile);
    char *mark = strstr(text, "@URL@");
    assert_non_null(mark);
    char *withurl = lf_xasprintf("%.*s%s%s", (int)(mark - text), text, url, mark + 5);
    free(text);
    struct lf_diags *d = lf_diags_create();
    struct lf_bundle *b = lf_bundle_parse(withurl, strlen(withurl), "content.json", NULL, d);
    free(withurl);
    if (!b)
        lf_diags_print(d, stderr);
    lf_diags_destroy(d);
    assert_non_null(b);
    struct lf_bundle *saved = bundle;
    bundle = b;

    char *s = script_for("text", "de");
    static const char *const de[] = {
        "Preis: 1.000 Euro 50 zum Beispiel für alle.",
        "Montag bis Freitag 9 bis 12 Uhr, Raum 2-1, ",
        "Telefon plus vier neun, null, zwo fünf eins, vier neun zwo, sieben null, sieben sieben, ",
        "info ät ki-muenster Punkt de, www Punkt ki-muenster Punkt de. ",
        "Vom vierundzwanzigsten Dezember bis ersten Januar, am einundzwanzigsten März um neun "
        "Uhr dreißig, Prozess 2023 bis 2024.",
        "Montag, Mittwoch und Freitag 8 bis 10 Uhr bei Fr. Meiber. Durchwahl 53-3808, im Raum "
        "1.12."};
    assert_int_equal(missing_in_order("text", "de", s, de, sizeof(de) / sizeof(de[0])), 0);
    assert_null(strstr(s, "https"));
    assert_null(strstr(s, "@"));
    assert_null(strstr(s, "Tel."));
    free(s);

    free(script_with("text", "en",
                     "for example Monday to Friday from nine in the morning to noon, mail info at ki-muenster dot de. "
                     "1,000 euros 50 or 20 euros."));

    /* Latin words in Arabic: the German voice, the Arabic around them */
    free(script_with("text", "ar",
                     "اجتماع في <voice xml:lang=\"de\">Kommunales Integrationszentrum</voice> غدا."));

    /* a day and month in a Ukrainian or Russian text: the ordinal in the
     * genitive, as the kiosk's own dates ("з двадцять чотири грудня" before) */
    free(script_with("datum", "uk", "Зачинено з двадцять четвертого грудня до першого січня."));
    free(script_with("datum", "ru", "Закрыто с двадцать четвертого декабря до первого января."));

    /* an emoji alone is not left out */
    s = script_for("emoji", "de");
    assert_non_null(strstr(s, "🎉"));
    assert_non_null(strstr(s, "👍"));
    free(s);

    /* whole days: one day "ganztägig", several from the first to the last */
    s = script_with("tag", "de", "Morgen, Donnerstag, zehnter Dezember, ganztägig.");
    assert_null(strstr(s, "null Uhr"));
    free(s);
    s = script_with("tag", "en", "Tomorrow, Thursday, the tenth of December, all day.");
    assert_null(strstr(s, "midnight"));
    free(s);
    s = script_with("tage", "de",
                    "Von Mittwoch, dreißigster Dezember, bis Samstag, zweiter Januar "
                    "zweitausendsiebenundzwanzig.");
    assert_null(strstr(s, "null Uhr"));
    assert_null(strstr(s, "dritter Januar"));
    free(s);

    /* Leichte Sprache: its question labels and "Jetzt offen." go on
     * without "?:" or ".," */
    s = script_with("leicht", "de-x-ls", "Hilfe. Wir helfen. Wer bietet das an? KI.");
    if (!strstr(s, "Jetzt offen, bis vierzehn Uhr."))
        fail_msg("de-x-ls: %s", s);
    assert_null(strstr(s, "?:"));
    assert_null(strstr(s, ".,"));
    free(s);

    /* house numbers from ... to */
    free(script_with("ort", "de", "Domplatz 1 bis 3, vier acht eins vier drei Münster."));

    /* web addresses by their host alone (a path of 300 characters was
     * read out letter by letter); e-mail addresses whole */
    s = script_with("lang", "de",
                    "Alles unter www Punkt stadt-muenster Punkt de und info ät ki-muenster Punkt "
                    "de, auch www Punkt ki-muenster Punkt de.");
    assert_null(strstr(s, "zuwanderung"));
    assert_null(strstr(s, "Schrägstrich"));
    assert_true(strlen(s) < 300);
    free(s);
    free(script_with("lang", "en", "See ki-muenster dot de or info at ki-muenster dot de."));
    /* user, port, path, query and fragment are not said */
    s = script_with("adres", "tr", "www nokta ki-muenster nokta de.");
    assert_null(strstr(s, "user"));
    assert_null(strstr(s, "8443"));
    assert_null(strstr(s, "termine"));

    /* Turkish abbreviations and clock times as one says them */
    static const char *const tr[] = {
        "Atatürk Caddesi numara 5, Gül Sokağı numara 12, Sokağı 3, Kültür Mahallesi ve "
        "Mahallesi 2; Bulvarı 1, Bulvarı 2, Apartmanı 4, ",
        "Telefon sıfır iki beş bir, dört dokuz iki, yedi sıfır yedi yedi, Telefon: sıfır iki beş "
        "bir, dört dokuz iki, yedi sıfır yedi sekiz.",
        "Kitap, defter ve benzeri getirin; harç, ücret vesaire yok, Ali ve diğerleri gelir.",
        "örneğin kimlik, Örneğin pasaport; bakınız bilgi, Bakınız form.",
        "Doktor Yılmaz, Profesör Kaya, Doçent Demir, Uzman Er, Avukat Öz, Yıldız Limited "
        "Şirketi ve Ay Anonim Şirketi.",
        "Pazartesi saat dokuz ile on iki arası, Salı saat on dört ile on altı otuz arası, "
        "Çarşamba saat on otuz, Perşembe saat sekiz on beş ile dokuz kırk beş arası, Cuma saat "
        "dokuz.",
        "Sayfa 3 ila 5, yıl 2023 ila 2024."}; /* not clock times; the dash "ila" */
    assert_int_equal(missing_in_order("adres", "tr", s, tr, sizeof(tr) / sizeof(tr[0])), 0);
    static const char *const unsaid[] = {"Cad.", "Sk.", "Mah.", "No:", "vb.", "örn.", "bkz.",
                                         "Dr.", "Prof.", "arası arası", "9-12", "14:00"};
    for (size_t i = 0; i < sizeof(unsaid) / sizeof(unsaid[0]); i++)
        if (strstr(s, unsaid[i]))
            fail_msg("\"%s\" read as written: %s", unsaid[i], s);
    free(s);
    /* the German text of the same item keeps its German reading */
    s = script_for("adres", "de");
    assert_null(strstr(s, "Caddesi"));
    free(s);

    bundle = saved;
    lf_bundle_destroy(b);
}

/* What an editor writes -> what the voice is given (lf_speech_say_text).
 * Each row failed before its fix: the voice read "3. Etage" as "drei"
 * and a full stop, "Dr." as "De Er", "e. V." as "e", a stop, "fau",
 * "Z. Sözüdogru" with a stop after the initial, "9.00-12.00 Uhr" as
 * "neun Punkt null null", "22-2 Uhr" as "zweiundzwanzig Strich zwei",
 * "Sa/So" as "za", "Durchwahl -12" as "minus zwölf". */
struct said_row {
    const char *lang, *written, *said;
};
static const struct said_row said_rows[] = {
    /* ordinals before a noun, in the form the article asks for */
    {"de", "3. Fachforum Migrationsleitbild", "drittes Fachforum Migrationsleitbild"},
    {"de", "4. Expertenrunde", "vierte Expertenrunde"},
    {"de", "Raum 12, 3. Etage, 1. Stock, 2. OG", "Raum 12, dritte Etage, erster Stock, zweites Obergeschoss"},
    {"de", "Treffen im 2. Stock, in der 3. Etage", "Treffen im zweiten Stock, in der dritten Etage"},
    {"de", "Der 1. Mai ist frei; die 2. Runde.", "Der erste Mai ist frei; die zweite Runde."},
    {"de", "am 25./26.12. zu", "am fünfundzwanzigsten und sechsundzwanzigsten Dezember zu"},
    {"de", "Ab Montag, 4. Januar 2027, sind wir da.",
     "Ab Montag, vierten Januar zweitausendsiebenundzwanzig, sind wir da."},
    {"tr", "3. Göç ve Uyum Forumu. 2. kat", "üçüncü Göç ve Uyum Forumu. ikinci kat"},
    {"tr", "Her yıl 21 Mart'ta, 12. sınıflar", "Her yıl 21 Mart'ta, on ikinci sınıflar"},
    /* a number that ends a sentence stays a number */
    {"de", "Kinder bis 12. Anmeldung nötig.", "Kinder bis 12. Anmeldung nötig."},
    {"de", "Raum 3. Etage", "Raum 3. Etage"},
    /* abbreviations */
    {"de", "Dr. Meier und Prof. Kaya, vgl. S. 4", "Doktor Meier und Professor Kaya, vergleiche Seite 4"},
    {"de", "Förderverein e. V., Kulturverein e.V. Danach", "Förderverein eingetragener Verein, Kulturverein eingetragener Verein. Danach"},
    {"de", "im EG, OGS bleibt", "im Erdgeschoss, OGS bleibt"},
    {"en", "Dr. Smith, ext. 12", "Doctor Smith, extension 12"},
    {"de", "tgl. 10-12 Uhr, i. d. R. frei, z. Hd. Frau Kaya, Tel.-Nr. folgt",
     "täglich 10 bis 12 Uhr, in der Regel frei, zu Händen Frau Kaya, Telefonnummer folgt"},
    {"de", "5 km, 2 kg, 0,5 l, 30 min, 20 m², 3 h, 2km", "5 Kilometer, 2 Kilogramm, 0,5 Liter, dreißig Minuten, 20 Quadratmeter, drei Stunden, 2 Kilometer"},
    {"de", "3 m hoch, 3 Mal, ab 18 J. frei", "3 Meter hoch, 3 Mal, ab 18 Jahre frei"},
    /* initials of a name are no full stop */
    {"de", "Bitte anmelden bei Z. Sözüdogru, Telefon", "Bitte anmelden bei Z Sözüdogru, Telefon"},
    {"de", "J.-H. Winkel", "J-H Winkel"},
    /* clock times */
    {"de", "Mo.-Do. 9.00-12.00 Uhr", "Montag bis Donnerstag neun Uhr bis zwölf Uhr"},
    {"de", "Nachtcafé 22-2 Uhr", "Nachtcafé 22 bis 2 Uhr"},
    {"de", "Sa/So 10–14 Uhr", "Samstag und Sonntag 10 bis 14 Uhr"},
    /* a German date the month does not have is no date ("31.02.2027" was
     * said "einunddreißigster Februar"): the digits as written */
    {"de", "Datum: 31.02.2027, 30.4.2027, 29.02.2027", "Datum: 31.02.2027, dreißigster April zweitausendsiebenundzwanzig, 29.02.2027"},
    {"en", "Open February 30, 2027 and 31 April, not 30 April", "Open February 30, 2027 and 31 April, not the thirtieth of April"},
    /* emoji in Arabic and Persian: the voices' names of a joined emoji
     * and of a flag held punctuation said as words ("family, man, comma,
     * woman, comma, girl", "flag colon Germany"): one emoji after another,
     * a flag by ICU's name of its country; ZWNJ in Persian words kept */
    {"ar", "عائلة 👨‍👩‍👧 هنا 🇩🇪 👍", "عائلة 👨 👩 👧 هنا علم ألمانيا 👍"},
    {"fa", "خانواده 👨‍👩‍👧 🇩🇪 👩‍⚕️ می‌خواهم", "خانواده 👨 👩 👧 پرچم آلمان 👩 ⚕ می‌خواهم"},
    /* two flags side by side were run together ("علم أوكرانياعلم ألمانيا");
     * in other languages a flag is its country's name (the German,
     * English, Turkish, Ukrainian and Russian voices said nothing) */
    {"ar", "🇺🇦🇩🇪", "علم أوكرانيا علم ألمانيا"},
    {"de", "Wir🇺🇦🇩🇪 grüßen 🇹🇷.", "Wir Ukraine Deutschland grüßen Türkei."},
    {"ru", "Привет 🇺🇦", "Привет Украина"},
    {"tr", "Merhaba 🇩🇪", "Merhaba Almanya"},
    /* an emoji's variation selector and skin tone go: with them the
     * voices found no name ("☎️" silent in German, "✉️" said "envelope"
     * in French, "👍🏽" "mittlere"); a voice that names no emoji (uk, ku)
     * is given none, nor their joiners and keycaps, the flag's country
     * stays */
    {"de", "Fest 🎉 📅 ☎️ ✉️ 🕒 ♿ 👍🏽!", "Fest 🎉 📅 ☎ ✉ 🕒 ♿ 👍!"},
    {"fr", "Fête 🎉 ✉️ ☎️", "Fête 🎉 ✉ ☎"},
    {"uk", "Свято🎉📅☎️✉️🕒♿👍🏽👩‍⚕️ 1️⃣ 🇺🇦", "Свято 1 Україна"},
    {"ku", "Şahî 🎉 ✉️!", "Şahî  !"},
    /* Persian and Greek am/pm marks as the words they stand for (the
     * Greek voice spelled "pi mi", the Persian one dropped the "تا" after
     * "ق.ظ"); "ق.ظاهر" is no mark; a Greek mark's dot before a capital
     * still ends the sentence */
    {"fa", "ساعت 9 ق.ظ تا 5 ب.ظ. ق.ظاهر", "ساعت 9 قبل از ظهر تا 5 بعد از ظهر. ق.ظاهر"},
    {"el", "στις 9 π.μ. έως 5 μ.μ. Μετά, 9:30 π.μ.",
     "στις 9 προ μεσημβρίας έως 5 μετά μεσημβρίας. Μετά, εννέα και τριάντα προ μεσημβρίας"},
    /* weekdays and hours written short, in German or English forms, in
     * the other languages: the voices said "Mon Fri nine five", "Mo Fr
     * 9 17 Uhr"; office hours "9-5" end in the afternoon */
    {"en", "Mon-Fri 9-5. Mo-Fr 9-17 Uhr",
     "Monday to Friday from nine in the morning to five in the afternoon. Monday to Friday from "
     "nine in the morning to five in the afternoon"},
    {"fr", "Mo-Fr 9-17 Uhr, Sa 10-12", "du lundi au vendredi de neuf heures à dix-sept heures, samedi de dix heures à douze heures"},
    {"tr", "Mon-Fri 9-5", "Pazartesi ile Cuma arası saat dokuz ile on yedi arası"},
    {"ru", "Mo–Fr 9:00–12:30", "с понедельника по пятницу с девяти до двенадцати тридцати"},
    {"uk", "Mo-Fr 9-17 Uhr", "з понеділка по пʼятницю з девʼятої до сімнадцятої години"},
    {"pl", "Mo-Fr 9-17", "od poniedziałku do piątku od dziewiątej do siedemnastej"},
    {"el", "Mo-Fr 9-17 Uhr", "Δευτέρα έως Παρασκευή από τις εννέα έως τις δεκαεπτά"},
    {"fa", "Mo-Fr 9-17 Uhr", "دوشنبه تا جمعه از ساعت نه تا ساعت هفده"},
    /* English dates: the voice said "twenty nine feb" */
    {"en", "Closed on 29 Feb. Open 1st March 2027.",
     "Closed on the twenty-ninth of February. Open the first of March twenty twenty-seven."},
    {"en", "Feb 29, 2028 and Sept. 3.", "February the twenty-ninth, twenty twenty-eight and September the third."},
    {"en", "Jan 2027, May 3 people, Room 3 May", "January twenty twenty-seven, May 3 people, Room 3 May"},
    /* "St." is a street after a name, a saint before one: the voice said
     * "Queen saint", "High saint 5", "Park R D" */
    {"en", "St. Paul's Church, 12 Queen St. Then High St 5, Park Rd. 3, 5th Ave.",
     "Saint Paul's Church, 12 Queen Street. Then High Street 5, Park Road 3, 5th Avenue."},
    /* am and pm: the voice said "nine A M, five P M", "nine thirty in the
     * morningam", and "12:00 noon" "noon noon" */
    {"en", "Open 9am-5pm, 9:30 a.m. Then 9-11am, 11-1pm.",
     "Open nine in the morning to five in the afternoon, nine thirty in the morning. Then nine "
     "in the morning to eleven in the morning, eleven in the morning to one in the afternoon."},
    {"en", "From 12:00 noon to 12:00 midnight; page 3 am Ende", "From noon to midnight; page 3 am Ende"},
    /* "12 noon" was "twelve noon"; a street's "St." with no name after it
     * was "saint" ("Paul saint are near"), also after a saint's "St." */
    {"en", "Open 12 noon to 2pm, till 12 midnight. 12 people", "Open noon to two in the afternoon, till midnight. 12 people"},
    {"en", "St. Louis and St. Paul St. are near. Main St. is closed, at St. Mary",
     "Saint Louis and Saint Paul Street are near. Main Street is closed, at Saint Mary"},
    /* a date in digits in an English text (the voice said "twenty nine
     * point zero two point two zero two eight"); one that does not exist
     * stays as written */
    {"en", "Tuesday 29.02.2028, not 29.02.2027", "Tuesday the twenty-ninth of February twenty twenty-eight, not 29.02.2027"},
    /* clock times in running text, in words and in the case the written
     * preposition asks for: the voices read "17:00" as "seventeen colon
     * zero zero" (Persian: "hifdah do-noqte sefr sefr"), Greek "17.00"
     * as "seventeen full stop zero zero"; a room number stays */
    {"ar", "الاجتماع الساعة 17:00 في القاعة، 9:00–12:00",
     "الاجتماع الساعة الخَامِسَة مَسَاءً في القاعة، من السَّاعَة التَّاسِعَة صَبَاحًا حتى السَّاعَة "
     "الثَّانِيَةَ عَشْرَة ظُهْرًا"},
    {"fa", "جلسه ساعت ۱۷:۰۰ و از 9:00 تا 12:30",
     "جلسه ساعت هفده و از ساعت نه تا ساعت دوازده و سی دقیقه"},
    {"el", "Αίθουσα 3.12, στις 17.00, έως τις 12:30",
     "Αίθουσα 3.12, στις δεκαεπτά, έως τις δώδεκα και τριάντα"},
    {"uk", "о 17:00, з 9:00 до 12:00", "о сімнадцятій, з девʼятої години до дванадцятої години"},
    {"ru", "в 17:00, с 9:00 до 12:00", "в семнадцать часов, с девяти часов до двенадцати часов"},
    {"pl", "o 17:00, 9:00–12:00", "o siedemnastej, od dziewiątej do dwunastej"},
    /* a ruler's number, in the case around it: the voice said "Karl fau",
     * "Ludwig römisch vierzehnte" */
    {"de", "Karl V. war Kaiser, unter Kaiser Karl V. und Papst Benedikt XVI.; für Ludwig XIV., "
           "Elisabeth II. starb, die Krone Karls V., Teil V",
     "Karl der Fünfte war Kaiser, unter Kaiser Karl dem Fünften und Papst Benedikt der "
     "Sechzehnte; für Ludwig den Vierzehnten, Elisabeth die Zweite starb, die Krone Karls des "
     "Fünften, Teil fünf"},
    {"de", "Das war Teil V. Danach Band II und Kapitel XII.",
     "Das war Teil fünf. Danach Band zwei und Kapitel zwölf."},
    /* the euro and per cent signs where the voice left them out ("5 €"
     * was "pięć", "пʼять", "پنج"; Arabic "50%" "خمسون") or said them in
     * English (Ukrainian), in the plural the number asks for */
    {"pl", "5 €, 2,50 €, €", "5 euro, 2,50 euro, €"},
    {"uk", "5 €, 50 %, 1 %, 3%, 2,5 %", "5 євро, 50 відсотків, 1 відсоток, 3 відсотки, 2,5 відсотка"},
    {"ru", "Взнос 5 €", "Взнос 5 евро"},
    {"fa", "ورودی ۵ €", "ورودی ۵ یورو"},
    {"ar", "خصم 50% و٥٠٪", "خصم 50 فِي الْمِائَة و٥٠ فِي الْمِائَة"},
    {"sl", "1 €, 2 €, 3 €, 5 €", "1 evro, 2 evra, 3 evri, 5 evrov"},
    /* a range of numbers: the Greek voice read the hyphen as "minus"
     * ("nine minus twelve"), all three dropped an en dash */
    {"el", "Σελίδες 9-12, ηλικίες 6–10, εσωτ. 53-3808, 1,5-2,5",
     "Σελίδες 9 έως 12, ηλικίες 6 έως 10, εσωτ. 53 3808, 1,5 έως 2,5"},
    {"ar", "الصفحات 9-12 و ٩–١٢", "الصفحات 9 إلى 12 و ٩ إلى ١٢"},
    {"fa", "صفحه ۹–۱۲ و 2023-2024", "صفحه ۹ تا ۱۲ و 2023 تا 2024"},
    /* the Turkish, Polish, Ukrainian and Russian voices dropped the dash
     * ("on on iki", "dziesięć dwanaście"): Turkish "ila"; Polish,
     * Ukrainian and Russian whole numbers in words after "od/від/от ...
     * do/до" in the genitive; decimals and "53-3808" as written */
    {"tr", "10-12 kişi, 53-3808, 1,5-2", "10 ila 12 kişi, 53-3808, 1,5 ila 2"},
    {"pl", "10-12 osób, 1–3, 53-3808", "od dziesięciu do dwunastu osób, od jednego do trzech, 53-3808"},
    {"uk", "10-12 осіб, 45–100, 1,5-2", "від десяти до дванадцяти осіб, від сорока пʼяти до ста, 1,5-2"},
    {"ru", "10-12 человек, 1–3, 53-3808", "от десяти до двенадцати человек, от одного до трех, 53-3808"},
    /* thousands written with spaces are one number (the voices read "1
     * 000 000" as "one zero zero zero zero zero zero"); a million and more
     * in Ukrainian and Russian in ICU's words (their voices said "один
     * тисяча тисяча" for 1000000) */
    {"ru", "1 000 000 и 2000000 человек, 12 500 €, 3 4567", "один миллион и два миллиона человек, 12500 евро, 3 4567"},
    {"uk", "1 000 000 гривень", "один мільйон гривень"},
    {"pl", "12 345,5 i 1 000 000", "12345,5 i 1000000"},
    /* a date in digits with the month's name (the voices read "29.02.2028"
     * as "twenty-nine point zero two point ..."); a date that does not
     * exist stays as written */
    {"tr", "29.02.2028 tarihinde, 29.02.2027", "29 Şubat 2028 tarihinde, 29.02.2027"},
    {"ru", "с 1.12.2026", "с первого декабря 2026"},
    {"uk", "до 29.02.2028", "до двадцять девʼятого лютого 2028"},
    {"ar", "يوم 1.12.2026", "يوم 1 ديسمبر 2026"},
    /* a clock time up to 11:59 written without am/pm (or م/ص) may be
     * morning or evening: no part of the day is said ("5:00" was "five in
     * the morning", "الساعة 5:00 م" "الخامسة صباحًا م") */
    {"en", "Open 9:00–5:00, at 5:30, at 17:00, 9:05", "Open nine o'clock to five o'clock, at five thirty, at five in the afternoon, nine oh five"},
    {"ar", "الساعة 5:00 مساءً والساعة 9:30ص، الساعة 5:00",
     "الساعة الخَامِسَة مَسَاءً والساعة التَّاسِعَة وَالنِّصْف صَبَاحًا، الساعة الخَامِسَة"},
    {"en", "Room No. 5, no. 12; I said no. Then", "Room Number 5, number 12; I said no. Then"},
    /* an extension is no negative number */
    {"de", "Durchwahl -12", "Durchwahl eins zwo"},
    /* weekdays and numbers joined by a dash in the language's own words:
     * the voices dropped the dash ("lundi vendredi neuf douze"); the
     * numbers after them are hours, said as clock times (they were said
     * as numbers, "9 à 12"), also after CLDR's short names ("lun.-ven.",
     * "Lu–Ve", "Пн–Пт", "Pzt–Cum"), French "9h-12h", a second range after
     * "and", one day with its hours, in Arabic with or without hamza */
    {"fr", "lundi–vendredi 9–12", "du lundi au vendredi de neuf heures à douze heures"},
    {"es", "lunes - viernes, 10-12 h", "de lunes a viernes, de las diez a las doce"},
    {"it", "lunedì–venerdì, 9-13", "dal lunedì al venerdì, dalle nove alle tredici"},
    {"ku", "duşem–în 9-12", "ji duşem heta în ji saet 9 heta saet 12"},
    {"fr", "lun.-ven. 9h-12h30 et 14-17, samedi 10–12. Lu–Ve 9–12",
     "du lundi au vendredi de neuf heures à douze heures trente et de quatorze heures à dix-sept "
     "heures, samedi de dix heures à douze heures. du lundi au vendredi de neuf heures à douze heures"},
    {"es", "lun-vie 9-14", "de lunes a viernes de las nueve a las catorce"},
    {"ar", "الإثنين–الجمعة 9–12",
     "من الاثنين إلى الجمعة من السَّاعَة التَّاسِعَة صَبَاحًا حتى السَّاعَة الثَّانِيَةَ عَشْرَة ظُهْرًا"},
    {"fa", "دوشنبه–جمعه 9–12", "دوشنبه تا جمعه از ساعت نه تا ساعت دوازده"},
    {"uk", "Пн–Пт 9–12", "з понеділка по пʼятницю з девʼятої до дванадцятої години"},
    {"ru", "Пн–Пт 9–12", "с понедельника по пятницу с девяти до двенадцати часов"},
    {"tr", "Pzt–Cum 9–12", "Pazartesi ile Cuma arası saat dokuz ile on iki arası"},
    /* clock times with "h" as French pages write them (the French voice
     * said "neuf ache trente", the German one "9 Stunden 30"), a range
     * after its "de" ("de de neuf heures"), dotted ranges ("09.00-17.00"
     * in Turkish, "9.00–12.00" in Russian, "14.30 - 17 Uhr" on the Münster
     * pages); a duration, a price and a lone dotted number stay */
    {"fr", "Du lundi au vendredi de 9 h 30 – 12 h", "Du lundi au vendredi de neuf heures trente à douze heures"},
    {"fr", "Ouvert de 9 h 30 à 12 h 00.", "Ouvert de neuf heures trente à douze heures."},
    {"fr", "9h30-12h et 14h-17h, durée 1 h 30 min", "de neuf heures trente à douze heures et de quatorze heures à dix-sept heures, durée une heure trente minutes"},
    {"fr", "lundi 9 h 30 - 12 h, ouvert de 9:30–12:00", "lundi de neuf heures trente à douze heures, ouvert de neuf heures trente à douze heures"},
    {"de", "Zeit: 23. Mai 2023, 14.30 - 17 Uhr", "Zeit: dreiundzwanzigster Mai zweitausenddreiundzwanzig, vierzehn Uhr dreißig bis siebzehn Uhr"},
    {"de", "Mo-Fr 9 h 30 – 12 h, 3 h", "Montag bis Freitag neun Uhr dreißig bis zwölf Uhr, drei Stunden"},
    {"tr", "09.00-17.00, fiyat 2.50", "saat dokuz ile on yedi arası, fiyat 2.50"},
    {"ru", "с 9:00–12:00, 9.00–12.00, до 2.50", "с девяти до двенадцати часов, с девяти до двенадцати часов, до 2.50"},
    {"es", "9.00-14.00 h, 2.50-3.50 €", "de las nueve a las catorce, 2.50 a 3.50 €"},
    /* durations: hours and minutes with their units in words (the voices
     * spelled "h", "hr", "dk": "un ache trente min", "one H R", "de ke";
     * German said "eins Stunden"); hours with minutes but no minute unit,
     * a French hour alone up to 24 and a range stay clock times ("saat 15"
     * of "1 saat 15 dk" was said as a clock time) */
    {"fr", "durée 1 h 30 min, pause 45 min, visite 2 h, 48 h, 1h30min, de 9 h 30 à 12 h. Pause 5 min. Fin",
     "durée une heure trente minutes, pause quarante-cinq minutes, visite deux heures, "
     "quarante-huit heures, une heure trente minutes, de neuf heures trente à douze heures. Pause "
     "cinq minutes. Fin"},
    {"de", "Dauer 1 Std. 30 Min., Film 90 Min. Pause, 1 h, 2,5 h, 9 h 30 – 12 h",
     "Dauer eine Stunde dreißig Minuten, Film neunzig Minuten Pause, eine Stunde, 2,5 Stunden, neun "
     "Uhr dreißig bis zwölf Uhr"},
    {"en", "Takes 1 hr 30 min, then 45 min, 2 hrs, 1 min",
     "Takes one hour thirty minutes, then forty-five minutes, two hours, one minute"},
    {"tr", "Süre 1 saat 30 dk, mola 45 dk, 2 saat, 1 saat 15 dk; saat 9-12",
     "Süre bir saat otuz dakika, mola kırk beş dakika, iki saat, bir saat on beş dakika; saat dokuz "
     "ile on iki arası"},
    /* an Arabic hour without minutes, after "الساعة" or before a part of
     * the day, as the feminine ordinal (the voice said the cardinal
     * "tis'a"); "صباحاً" with its tanween after the alef is a part of the
     * day (it was said twice, "صَبَاحًاً"); a room and metres stay */
    {"ar", "الساعة 9 صباحاً والساعة ٩، الساعة 9:00 صباحاً، من 9 صباحًا إلى 5 مساءً، القاعة 3، 5 م. ينتهي الساعة ١٢.",
     "الساعة التَّاسِعَة صَبَاحًا والساعة التَّاسِعَة، الساعة التَّاسِعَة صَبَاحًا، من السَّاعَة "
     "التَّاسِعَة صَبَاحًا إلى السَّاعَة الخَامِسَة مَسَاءً، القاعة 3، 5 م. ينتهي الساعة الثَّانِيَةَ عَشْرَة ظُهْرًا."},
    /* a weekday and a number that is no hour stay */
    {"fr", "Le lundi 5 personnes, lundi 30-40", "Le lundi 5 personnes, lundi 30 à 40"},
    {"fr", "Lundi-vendredi, bureau 53-3808", "du lundi au vendredi, bureau 53-3808"},
};

static void written_and_said(void **state)
{
    (void)state;
    int wrong = 0;
    for (size_t i = 0; i < sizeof(said_rows) / sizeof(said_rows[0]); i++) {
        char *out = lf_speech_say_text(said_rows[i].lang, said_rows[i].written);
        if (strcmp(out, said_rows[i].said) != 0 && ++wrong)
            print_error("%s \"%s\": said \"%s\", want \"%s\"\n", said_rows[i].lang,
                     said_rows[i].written, out, said_rows[i].said);
        free(out);
    }
    assert_int_equal(wrong, 0);
}

/* What the voices say for emoji in a text (the script read by eSpeak NG,
 * as phonemes): the word in the text's language, else nothing, never
 * English. */
static void emoji_are_named_in_the_texts_language(void **state)
{
    (void)state;
    static const struct {
        const char *lang, *written, *want, *never;
    } rows[] = {
        {"de", "Info ☎️ Ende", "t,e:le:f'o:n", NULL},           /* "Telefon"; was silent */
        {"de", "Info ✉️ Ende", "br'i:fUmSl,A:k", NULL},         /* "Briefumschlag" */
        {"de", "Info 👍🏽 Ende", "d'aUm@n h'o:x", NULL},          /* "Daumen hoch"; was "mittlere" */
        {"de", "Info 🎉 📅 🕒 ♿ Ende", "kOnf'Eti:b,Omb@ kal'End3 dr'aI _!'u:r zymb'o:l r'OlStu:l", NULL},
        {"fr", "Info ✉️ fin", "A~vl'Op", "(en)"},               /* "enveloppe", not "envelope" */
        {"tr", "Bilgi ✉️ son", "z'aRf", "(en)"},                 /* "zarf" */
        {"ru", "Инфо ✉️ конец", "kVnv;'ert", "(en)"},           /* "конверт" */
        {"uk", "Інфо ✉️ 🎉 ☎️ кінець", "k'in", "(en)"},           /* nothing, not "envelope" */
    };
    assert_true(lf_voice_init());
    for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
        char *said = lf_speech_say_text(rows[i].lang, rows[i].written);
        char *ph = lf_voice_phonemes(rows[i].lang, said);
        if (!strstr(ph, rows[i].want) || (rows[i].never && strstr(ph, rows[i].never)))
            fail_msg("%s \"%s\" (\"%s\") is said as\n  %s\nwant \"%s\"", rows[i].lang,
                     rows[i].written, said, ph, rows[i].want);
        free(ph);
        free(said);
    }
    lf_voice_shutdown();
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(each_kind_in_four_languages),
        cmocka_unit_test(emoji_are_named_in_the_texts_language),
        cmocka_unit_test(more_languages_in_words),
        cmocka_unit_test(every_table_language_says_its_own_words),
        cmocka_unit_test(only_in_german_is_said_first),
        cmocka_unit_test(cancelled_is_said_first),
        cmocka_unit_test(no_open_now_without_a_clock),
        cmocka_unit_test(agenda_and_lists),
        cmocka_unit_test(dates_and_times_in_words),
        cmocka_unit_test(phone_numbers_in_text_and_addresses),
        cmocka_unit_test(offers_and_contacts_say_their_address),
        cmocka_unit_test(the_address_is_said_under_the_label_on_screen),
        cmocka_unit_test(texts_are_said_as_one_says_them),
        cmocka_unit_test(written_and_said),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
