/* Numbers written in a content text, said in words (speech/script_text_number.h):
 * euro amounts, ordinals, regnal and Roman numbers, signs, ranges and
 * thousands. */
#include "speech/script_text_number.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "speech/number_words.h"
#include "speech/script_lang.h"
#include "speech/script_text.h"

/* Every phrase is put together with snprintf into a bounded buffer; a
 * text longer than its buffer is cut there on purpose (the bundle's own
 * limits keep real texts far below). GCC cannot see that the words are
 * short and warns for each nesting. */
#pragma GCC diagnostic ignored "-Wformat-truncation"

/* An amount of euros with cents at p ("1.000,50 €" in German, "1,000.50 €"
 * or "€1,000.50" in English; the voices said "Komma fünf null"): its
 * length, where the number starts and where its two cents are; 0. */
size_t lf_script_euro_amount(const char *p, bool german, size_t *num, size_t *cents)
{
    char group = german ? '.' : ',', decimal = german ? ',' : '.';
    size_t k = 0;
    bool prefix = !german && strncmp(p, "€", strlen("€")) == 0;
    if (prefix) {
        k = strlen("€");
        while (p[k] == ' ')
            k++;
    }
    *num = k;
    if (!lf_script_is_digit(p[k]))
        return 0;
    while (lf_script_is_digit(p[k]) || (p[k] == group && lf_script_is_digit(p[k + 1])))
        k++;
    if (!(p[k] == decimal && lf_script_is_digit(p[k + 1]) && lf_script_is_digit(p[k + 2]) && !lf_script_is_digit(p[k + 3])))
        return 0;
    *cents = k + 1;
    if (prefix)
        return k + 3;
    size_t e = k + 3;
    while (p[e] == ' ')
        e++;
    return strncmp(p + e, "€", strlen("€")) == 0 ? e + strlen("€") : 0;
}

/* A word that numbers a thing just before p ("Raum 1.12.", "Kapitel
 * 3.2."): the number after it is no date. */
bool lf_script_numbered_thing_before(const char *in, const char *p)
{
    static const char *const words[] = {"Raum", "Zimmer", "Saal", "Etage", "Ebene", "Haus",
                                        "Gebäude", "Büro", "Nr.", "Nummer", "Fachdienst",
                                        "Abschnitt", "Kapitel", "Version", "Punkt", "§"};
    const char *e = p;
    while (e > in && e[-1] == ' ')
        e--;
    for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++) {
        size_t l = strlen(words[i]);
        if ((size_t)(e - in) >= l && strncmp(e - l, words[i], l) == 0)
            return true;
    }
    return false;
}

/* The word just before p ("der" in "der 3. Etage"), as [*w, p - 1). */
static size_t word_before(const char *in, const char *p, const char **w)
{
    const char *e = p;
    while (e > in && e[-1] == ' ')
        e--;
    const char *b = e;
    while (b > in && (lf_script_latin_letter(b - 1) || (b - in >= 2 && lf_script_latin_letter(b - 2) == 2)))
        b -= lf_script_latin_letter(b - 1) ? 1 : 2;
    *w = b;
    return (size_t)(e - b);
}

static bool word_is(const char *w, size_t n, const char *const *list)
{
    for (; *list; list++)
        if (strlen(*list) == n && strncmp(w, *list, n) == 0)
            return true;
    return false;
}

/* The ICU rules for a German ordinal after the article before p: "am
 * dritten", "im zweiten", "in der dritten", "der dritte"; NULL when no
 * article stands there. */
const char *lf_script_german_article_ordinal(const char *in, const char *p)
{
    static const char *const weak_n[] = {"dem", "den", "des", "am", "im", "zum", "zur", "vom",
                                         "beim", "Am", "Im", "Zum", "Zur", "Vom", "Beim", NULL};
    static const char *const weak_e[] = {"der", "die", "das", "Der", "Die", "Das", "ins", NULL};
    static const char *const prepositions[] = {
        "in", "an", "auf", "bei", "mit", "nach", "von", "zu", "aus", "vor", "hinter", "über",
        "unter", "neben", "zwischen", "In", "An", "Auf", "Bei", "Mit", "Nach", "Von", "Aus", NULL};
    const char *w;
    size_t n = word_before(in, p, &w);
    if (!n)
        return NULL;
    if (word_is(w, n, weak_n))
        return "%spellout-ordinal-n";
    if (!word_is(w, n, weak_e))
        return NULL;
    /* "in der dritten Etage" (dative) but "der dritte Stock" */
    const char *w2;
    size_t n2 = word_before(in, w, &w2);
    return n2 && w[0] == 'd' && w[2] == 'r' && word_is(w2, n2, prepositions) ? "%spellout-ordinal-n"
                                                                            : "%spellout-ordinal";
}

/* A German ordinal before a noun with no article: its ending by the
 * noun's gender as far as its last part tells it ("drittes Fachforum",
 * "erster Stock", "vierte Expertenrunde"). */
static const char *german_bare_ordinal(const char *noun)
{
    static const char *const neuter[] = {"um", "chen", "lein", "ment", "treffen", "geschoss",
                                         "jahr", "mal", "kapitel", "haus", "gebäude", "zimmer",
                                         "büro", "semester", "quartal", "modul", "programm",
                                         "projekt", "seminar", "festival", "konzert", "fest",
                                         "gespräch", "OG", "EG", "UG", NULL};
    static const char *const masculine[] = {"stock", "platz", "tag", "preis", "teil", "termin",
                                            "kurs", "abend", "abschnitt", "schritt", "lauf",
                                            "rang", "durchgang", "workshop", "wettbewerb", NULL};
    char low[64]; /* "Stock" ends like "Eckstock" */
    size_t n = 0;
    while (noun[n] && lf_script_latin_letter(noun + n) && n + 2 < sizeof(low))
        n += lf_script_latin_letter(noun + n);
    memcpy(low, noun, n);
    low[n] = '\0';
    if (low[0] >= 'A' && low[0] <= 'Z' && !(n == 2 && low[1] >= 'A' && low[1] <= 'Z'))
        low[0] = (char)(low[0] - 'A' + 'a');
    noun = low;
    for (int g = 0; g < 2; g++)
        for (const char *const *e = g ? masculine : neuter; *e; e++) {
            size_t l = strlen(*e);
            if (n >= l && strncmp(noun + n - l, *e, l) == 0)
                return g ? "%spellout-ordinal-r" : "%spellout-ordinal-s";
        }
    return "%spellout-ordinal";
}

/* An ordinal before a noun in a German text ("3. Etage", "im 2. Stock",
 * "4. Expertenrunde"; the voice said "drei" and a full stop): the ICU
 * rules for it, else NULL. A number ending a sentence ("Kinder bis 12.
 * Anmeldung") stays: an ordinal is taken where an article stands before
 * it or a sentence or clause begins. *len: digits and ". ". */
const char *lf_script_german_ordinal(const char *in, const char *p, long *value, size_t *len)
{
    size_t n = 0;
    long v = 0;
    while (lf_script_is_digit(p[n]) && n < 3)
        v = v * 10 + (p[n++] - '0');
    if (!n || v < 1 || lf_script_is_digit(p[n]) || p[n] != '.' || p[n + 1] != ' ' || !lf_script_capital_at(p + n + 2) ||
        lf_script_numbered_thing_before(in, p))
        return NULL;
    *value = v;
    *len = n + 2;
    const char *rules = lf_script_german_article_ordinal(in, p);
    if (rules)
        return rules;
    const char *e = p;
    while (e > in && e[-1] == ' ')
        e--;
    if (e == in || strchr(",;:(.!?\n", e[-1]) || (e - in >= 3 && strncmp(e - 3, "–", 3) == 0))
        return german_bare_ordinal(p + n + 2);
    return NULL;
}

/* A word for a phone extension just before p ("Durchwahl -12"). */
bool lf_script_extension_before(const char *in, const char *p)
{
    static const char *const words[] = {"Durchwahl", "Durchwahl:", "Apparat", "App.", "DW",
                                        "Nebenstelle"};
    return lf_script_one_of_words_before(in, p, words, sizeof(words) / sizeof(words[0]));
}

/* After these words a German day is in the dative ("am vierten"), also
 * with a weekday between ("ab Montag, vierten Januar"). */
bool lf_script_german_dative_before(const char *in, const char *p)
{
    static const char *const weekdays[] = {"Montag, ", "Dienstag, ", "Mittwoch, ",
                                           "Donnerstag, ", "Freitag, ", "Samstag, ",
                                           "Sonntag, ", "Sonnabend, "};
    for (size_t i = 0; i < sizeof(weekdays) / sizeof(weekdays[0]); i++) {
        size_t l = strlen(weekdays[i]);
        if ((size_t)(p - in) >= l && strncmp(p - l, weekdays[i], l) == 0 && lf_script_word_start(in, p - l)) {
            p -= l;
            break;
        }
    }
    static const char *const words[] = {"am ", "vom ", "zum ", "bis ", "ab ", "seit ", "dem ",
                                        "den ", "Am ", "Vom ", "Bis ", "Ab ", "Seit "};
    for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++) {
        size_t l = strlen(words[i]);
        if ((size_t)(p - in) >= l && strncmp(p - l, words[i], l) == 0 &&
            lf_script_word_start(in, p - l))
            return true;
    }
    return false;
}

/* The word before p is a capitalised name ("Queen" in "Queen St."), with
 * one space between, and not only capitalised as a sentence's first. */
static bool en_name_before(const char *in, const char *p)
{
    if (p - in < 2 || p[-1] != ' ' || p[-2] == ' ')
        return false;
    const char *w;
    size_t n = word_before(in, p, &w);
    if (n == 2 && w > in && lf_script_is_digit(w[-1]))
        return true; /* "5th Ave." */
    if (!n || !lf_script_capital_at(w))
        return false;
    const char *e = w;
    while (e > in && e[-1] == ' ')
        e--;
    /* "St. Paul St.": the dot of a saint's "St." ends no sentence */
    if (e - in >= 3 && strncmp(e - 3, "St.", 3) == 0 && lf_script_word_start(in, e - 3))
        return true;
    return !(e == in || strchr(".!?\n:", e[-1]));
}

/* A capitalised word just before p, one space between, even a sentence's
 * first ("Main St. is closed"). */
static bool en_capital_before(const char *in, const char *p)
{
    if (p - in < 2 || p[-1] != ' ' || p[-2] == ' ')
        return false;
    const char *w;
    return word_before(in, p, &w) > 0 && lf_script_capital_at(w);
}

/* "St." in an English text: "Street" after a name ("Queen St.", "Main
 * St. 5"), "Saint" before one ("St. Paul's"); "Rd." and "Ave." after a
 * name. The voice said "Queen saint", "High saint 5", "R D", "ah-vay".
 * Its length at p, or 0 (left as written). */
size_t lf_script_english_street_or_saint(const char *in, const char *p, struct lf_growing_text *out)
{
    static const struct {
        const char *written, *street;
    } words[] = {{"St", "Street"}, {"Rd", "Road"}, {"Ave", "Avenue"}};
    for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++) {
        size_t l = strlen(words[i].written);
        if (strncmp(p, words[i].written, l) != 0 || lf_script_latin_letter(p + l) || lf_script_is_digit(p[l]))
            continue;
        size_t n = l + (p[l] == '.');
        bool name_after = p[n] == ' ' && lf_script_capital_at(p + n + 1);
        if (en_name_before(in, p)) {
            lf_script_emits(out, words[i].street);
            /* "Queen St. Then": the dot is the full stop too */
            if (p[l] == '.' && (p[n] == '\0' || p[n] == '\n' || name_after))
                lf_script_emits(out, ".");
            return n;
        }
        if (i == 0 && name_after) {
            lf_script_emits(out, "Saint");
            return n;
        }
        /* no name after it, a name before it: a street ("Main St. is
         * closed"; the voice said "Paul saint are near") */
        if (p[l] == '.' && !name_after && en_capital_before(in, p)) {
            lf_script_emits(out, words[i].street);
            if (p[n] == '\0' || p[n] == '\n')
                lf_script_emits(out, ".");
            return n;
        }
    }
    return 0;
}

/* A Roman number at p ("V", "XIV"; 1..39, written as usual): its value,
 * with *len; 0. */
static int roman(const char *p, size_t *len)
{
    static const char *const ones[] = {"", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"};
    size_t n = 0;
    int v = 0;
    while (p[n] == 'X' && v < 30) {
        v += 10;
        n++;
    }
    for (int i = 9; i >= 1; i--) {
        size_t l = strlen(ones[i]);
        if (strncmp(p + n, ones[i], l) == 0) {
            v += i;
            n += l;
            break;
        }
    }
    if (!v || lf_script_latin_letter(p + n) || lf_script_is_digit(p[n]))
        return 0;
    *len = n;
    return v;
}

/* A ruler's number after the name in a German text ("Karl V.", "Papst
 * Benedikt XVI.", "unter Ludwig XIV.", "Elisabeth II."): "der Fünfte",
 * "dem Vierzehnten", "die Zweite" (the voice said "Karl fau", "Ludwig
 * römisch vierzehnte"); only after the names of rulers and popes. After
 * a part ("Teil V", "Band II.") the number as counted: "Teil fünf". Its
 * length at p, or 0. */
size_t lf_script_german_regnal(const char *in, const char *p, struct lf_growing_text *out)
{
    static const char *const names[] = {
        "Karl", "Ludwig", "Heinrich", "Friedrich", "Wilhelm", "Otto", "Konrad", "Rudolf",
        "Albrecht", "Maximilian", "Leopold", "Joseph", "Josef", "Franz", "Ferdinand", "Philipp",
        "Georg", "Johann", "Johannes", "Benedikt", "Pius", "Leo", "Gregor", "Clemens", "Paul",
        "Innozenz", "Urban", "Sixtus", "Bonifatius", "Alexander", "Nikolaus", "Peter", "Iwan",
        "Ludwigs", "Karls", "Heinrichs", "Friedrichs", "Wilhelms", "Ottos", "Konrads", "Georgs",
        "Philipps", "Benedikts", "Gregors", "Eduard", "Richard", "Gustav", "Christian",
        "Elisabeth", "Maria", "Katharina", "Viktoria", "Christina", "Margarete", "Isabella",
        "Johanna", NULL};
    static const char *const feminine[] = {"Elisabeth", "Maria", "Katharina", "Viktoria",
                                           "Christina", "Margarete", "Isabella", "Johanna",
                                           NULL};
    static const char *const dative[] = {"von", "mit", "bei", "nach", "zu", "aus", "seit",
                                         "unter", "vom", "zum", "zur", "Von", "Mit", "Bei",
                                         "Nach", "Unter", "Seit", NULL};
    static const char *const accusative[] = {"für", "gegen", "durch", "ohne", "um", "Für",
                                             "Gegen", "Durch", "Ohne", NULL};
    static const char *const titles[] = {"Kaiser", "Kaiserin", "König", "Königin", "Papst",
                                         "Zar", "Zarin", "Herzog", "Fürst", "Kurfürst", "Graf",
                                         "Kaisers", "Königs", "Papstes", NULL};
    /* a numbered part: "Teil V" is "Teil fünf" (the voice said "Teil fau") */
    static const char *const parts[] = {"Teil", "Band", "Kapitel", "Akt", "Abschnitt", "Buch",
                                        "Folge", "Staffel", "Stufe", "Phase", NULL};
    size_t rl;
    int v = roman(p, &rl);
    if (!v || p - in < 2 || p[-1] != ' ')
        return 0;
    const char *name;
    size_t nl = word_before(in, p, &name);
    if (nl && word_is(name, nl, parts)) {
        char said[64];
        lf_script_number("de", "%spellout-numbering", v, said, sizeof(said));
        lf_script_emits(out, said);
        if (p[rl] == '.') /* after a part's number a full stop ends the sentence */
            lf_script_emits(out, ".");
        return rl + (p[rl] == '.');
    }
    if (!nl || !word_is(name, nl, names))
        return 0;
    bool fem = word_is(name, nl, feminine), genitive = name[nl - 1] == 's' && nl > 4 &&
                                                       !word_is(name, nl, (const char *const[]){
                                                           "Pius", "Johannes", "Nikolaus",
                                                           "Clemens", "Sixtus", "Bonifatius",
                                                           NULL});
    const char *w = name, *prev;
    size_t pl;
    while ((pl = word_before(in, w, &prev)) > 0 && word_is(prev, pl, titles))
        w = prev; /* "unter Kaiser Karl V." */
    bool dat = pl && word_is(prev, pl, dative), acc = pl && word_is(prev, pl, accusative);
    const char *article = genitive ? (fem ? "der" : "des")
                          : dat    ? (fem ? "der" : "dem")
                          : acc    ? (fem ? "die" : "den")
                                   : (fem ? "die" : "der");
    bool n_form = genitive || dat || (acc && !fem);
    char ord[128];
    lf_script_number("de", n_form ? "%spellout-ordinal-n" : "%spellout-ordinal", v, ord, sizeof(ord));
    if (ord[0] >= 'a' && ord[0] <= 'z')
        ord[0] = (char)(ord[0] - 'a' + 'A');
    lf_script_emits(out, article);
    lf_script_emits(out, " ");
    lf_script_emits(out, ord);
    size_t n = rl + (p[rl] == '.');
    if (p[rl] == '.' && (p[n] == '\0' || p[n] == '\n'))
        lf_script_emits(out, "."); /* the text's last word */
    return n;
}

/* The sign of euros or per cent at p in a text of a language whose voice
 * leaves it out or says it in English ("5 €" was "pięć", "пʼять", "پنج";
 * Arabic "50%" "خمسون"; Ukrainian "per cent" in the English voice): the
 * word, in the plural form the number before asks for, else NULL. *len:
 * the sign's bytes. */
const char *lf_script_sign_word(const char *lang, const char *in, const char *p, size_t *len)
{
    bool euro = strncmp(p, "€", strlen("€")) == 0;
    bool percent = *p == '%' || strncmp(p, "٪", strlen("٪")) == 0;
    if (!euro && !percent)
        return NULL;
    *len = euro ? strlen("€") : *p == '%' ? 1 : strlen("٪");
    /* the number before it (a space between or not): its last value for
     * the plural, fraction when it has a decimal part */
    const char *e = p;
    while (e > in && e[-1] == ' ')
        e--;
    long v = 0, place = 1;
    bool fraction = false, digits = false;
    const char *q = e;
    for (; q > in; q--) {
        size_t l;
        int d = lf_script_any_digit(q - 1, &l);
        if (d < 0 && q - in >= 2)
            d = lf_script_any_digit(q - 2, &l) >= 0 && l == 2 ? lf_script_any_digit(q - 2, &l) : -1;
        if (d >= 0) {
            if (place < 1000000000L)
                v += d * place, place *= 10;
            digits = true;
            q -= l - 1;
            continue;
        }
        if ((q[-1] == ',' || q[-1] == '.') && !fraction && q - in >= 2 && lf_script_is_digit(q[-2]) &&
            place <= 100) {
            fraction = true; /* "2,5 %": what came was the decimals */
            v = 0, place = 1;
            continue;
        }
        break;
    }
    if (!digits)
        return NULL; /* "€ 5", "%" alone: as written */
    long n10 = v % 10, n100 = v % 100;
    int slavic = fraction ? 3 : n10 == 1 && n100 != 11 ? 0 : n10 >= 2 && n10 <= 4 && (n100 < 12 || n100 > 14) ? 1 : 2;
    size_t tl = strcspn(lang, "-_");
    static const struct {
        const char *tag, *euro, *percent[4]; /* percent: one, few, many, fraction */
    } words[] = {
        {"fa", "یورو", {NULL, NULL, NULL, NULL}},
        {"prs", "یورو", {NULL, NULL, NULL, NULL}},
        {"ar", NULL, {"فِي الْمِائَة", "فِي الْمِائَة", "فِي الْمِائَة", "فِي الْمِائَة"}},
        {"uk", "євро", {"відсоток", "відсотки", "відсотків", "відсотка"}},
        {"ru", "евро", {NULL, NULL, NULL, NULL}},
        {"pl", "euro", {NULL, NULL, NULL, NULL}},
        {"bg", "евро", {NULL, NULL, NULL, NULL}},
        {"ku", "euro", {NULL, NULL, NULL, NULL}},
        {"kmr", "euro", {NULL, NULL, NULL, NULL}},
        {"vi", "euro", {NULL, NULL, NULL, NULL}},
        {"nl", "euro", {NULL, NULL, NULL, NULL}},
    };
    for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++)
        if (strlen(words[i].tag) == tl && strncmp(lang, words[i].tag, tl) == 0)
            return euro ? words[i].euro : words[i].percent[slavic];
    if (euro && tl == 2 && strncmp(lang, "sl", 2) == 0) /* 1 evro, 2 evra, 3 evri, 5 evrov */
        return fraction ? "evra" : n100 == 1 ? "evro" : n100 == 2 ? "evra" : n100 == 3 || n100 == 4 ? "evri" : "evrov";
    return NULL;
}

/* A Ukrainian cardinal up to a hundred in the genitive ("від десяти до
 * дванадцяти"): ICU 72 has no Ukrainian case rule sets, so each word of
 * its nominative is turned ("пʼять" -> "пʼяти", "сорок" -> "сорока",
 * "два" -> "двох"). False above a hundred. */
static bool uk_cardinal_genitive(long n, char *buf, size_t size)
{
    static const struct {
        const char *nom, *gen;
    } whole[] = {{"нуль", "нуля"},     {"один", "одного"},     {"два", "двох"},
                 {"три", "трьох"},     {"чотири", "чотирьох"}, {"сорок", "сорока"},
                 {"девʼяносто", "девʼяноста"}, {"сто", "ста"}};
    char nom[256];
    if (n < 0 || n > 100 || !lf_spell_number("uk", "%spellout-cardinal-masculine", n, nom, sizeof(nom)))
        return false;
    size_t o = 0;
    buf[0] = '\0';
    for (char *w = nom; *w;) {
        size_t l = strcspn(w, " ");
        const char *g = NULL;
        for (size_t i = 0; i < sizeof(whole) / sizeof(whole[0]) && !g; i++)
            if (strlen(whole[i].nom) == l && strncmp(w, whole[i].nom, l) == 0)
                g = whole[i].gen;
        char word[64];
        if (g)
            snprintf(word, sizeof(word), "%s", g);
        else if (l >= 2 && l < sizeof(word) && strncmp(w + l - 2, "ь", 2) == 0)
            snprintf(word, sizeof(word), "%.*sи", (int)(l - 2), w); /* пʼять, двадцять */
        else if (l >= 2 && l < sizeof(word) && strncmp(w + l - 2, "т", 2) == 0)
            snprintf(word, sizeof(word), "%.*sи", (int)l, w); /* пʼятдесят */
        else
            return false;
        o += (size_t)snprintf(buf + o, o < size ? size - o : 0, "%s%s", o ? " " : "", word);
        w += l;
        while (*w == ' ')
            w++;
    }
    return o < size;
}

/* A range of whole numbers with the language's own frame: Russian "от
 * десяти до двенадцати", Polish "od dziesięciu do dwunastu", Ukrainian
 * "від десяти до дванадцяти" (the genitive after both prepositions; the
 * voices said "десять двенадцать", the dash dropped). Where a number has
 * no words here, the digits in the same frame. */
static void framed_range(const char *lang, long a, long b, char *buf, size_t size)
{
    size_t tl = strcspn(lang, "-_");
    char wa[256], wb[256];
    const char *from = "", *to = " ";
    bool words = false;
    if (tl == 2 && strncmp(lang, "ru", 2) == 0) {
        from = "от ";
        to = " до ";
        words = lf_spell_number(lang, "%spellout-cardinal-masculine-genitive", a, wa, sizeof(wa)) &&
                lf_spell_number(lang, "%spellout-cardinal-masculine-genitive", b, wb, sizeof(wb));
    } else if (tl == 2 && strncmp(lang, "pl", 2) == 0) {
        from = "od ";
        to = " do ";
        words = lf_spell_number(lang, "%spellout-cardinal-masculine-genitive", a, wa, sizeof(wa)) &&
                lf_spell_number(lang, "%spellout-cardinal-masculine-genitive", b, wb, sizeof(wb));
    } else if (tl == 2 && strncmp(lang, "uk", 2) == 0) {
        from = "від ";
        to = " до ";
        words = uk_cardinal_genitive(a, wa, sizeof(wa)) && uk_cardinal_genitive(b, wb, sizeof(wb));
    }
    if (!words) {
        snprintf(wa, sizeof(wa), "%ld", a);
        snprintf(wb, sizeof(wb), "%ld", b);
    }
    snprintf(buf, size, "%s%s%s%s", from, wa, to, wb);
}

/* A range of numbers in a text of a language other than German and
 * English ("9-12", "٩–١٢"): the dash said as the language's "to" (the
 * Greek voice read a hyphen as "minus", "nine minus twelve"; the Arabic,
 * Persian, Turkish, French, Spanish, Italian, Kurdish, Polish, Ukrainian
 * and Russian voices dropped it,
 * "nine twelve"): Greek "έως", Arabic "إلى", Persian "تا", Turkish "ila",
 * French "à", Spanish and Italian "a", Kurmanji "heta";
 * Polish, Ukrainian and Russian whole numbers in words, "od ... do",
 * "від ... до", "от ... до" (framed_range). Only numbers alike, the first
 * the smaller ("53-3808" stays; in Greek without the hyphen, which it
 * read "minus"). Its length at p, or 0. */
size_t lf_script_other_number_range(const char *lang, const char *p, struct lf_growing_text *out)
{
    size_t tl = strcspn(lang, "-_");
    const char *to = tl == 2 && strncmp(lang, "el", 2) == 0   ? " έως "
                     : tl == 2 && strncmp(lang, "ar", 2) == 0 ? " إلى "
                     : (tl == 2 && strncmp(lang, "fa", 2) == 0) || (tl == 3 && strncmp(lang, "prs", 3) == 0)
                         ? " تا "
                     : tl == 2 && strncmp(lang, "tr", 2) == 0 ? " ila "
                     : tl == 2 && strncmp(lang, "fr", 2) == 0 ? " à "
                     : tl == 2 && (strncmp(lang, "es", 2) == 0 || strncmp(lang, "it", 2) == 0)
                         ? " a "
                     : (tl == 2 && strncmp(lang, "ku", 2) == 0) || (tl == 3 && strncmp(lang, "kmr", 3) == 0)
                         ? " heta "
                     : tl == 2 && (strncmp(lang, "pl", 2) == 0 || strncmp(lang, "uk", 2) == 0 ||
                                   strncmp(lang, "ru", 2) == 0)
                         ? "" /* framed_range */
                         : NULL;
    if (!to)
        return 0;
    long v[2] = {0, 0};
    size_t n[2] = {0, 0}, k[2] = {0, 0}, l, dl = 0;
    bool en_dash;
    const char *q = p;
    for (int i = 0; i < 2; i++) {
        int d;
        while (k[i] < 6 && (d = lf_script_any_digit(q + n[i], &l)) >= 0) {
            v[i] = v[i] * 10 + d;
            n[i] += l;
            k[i]++;
        }
        if (k[i] && (q[n[i]] == '.' || q[n[i]] == ',') && lf_script_any_digit(q + n[i] + 1, &l) >= 0) {
            n[i]++; /* "1,5": the decimals */
            for (int j = 0; j < 6 && lf_script_any_digit(q + n[i], &l) >= 0; j++)
                n[i] += l;
        }
        if (!k[i] || lf_script_any_digit(q + n[i], &l) >= 0 || q[n[i]] == ':' || lf_script_latin_letter(q + n[i]) ||
            ((q[n[i]] == '.' || q[n[i]] == ',') && lf_script_any_digit(q + n[i] + 1, &l) >= 0))
            return 0; /* a time, "1.000.000", "12a" */
        if (i == 0) {
            if (!(dl = lf_script_range_dash(p + n[0], &en_dash)))
                return 0;
            q = p + n[0] + dl;
        }
    }
    bool range = v[0] < v[1] && k[0] + 1 >= k[1] && k[1] + 1 >= k[0];
    if (!range && (en_dash || strcmp(to, " έως ") != 0))
        return 0;
    if (!*to && range && n[0] == k[0] && n[1] == k[1]) {
        char said[600];
        framed_range(lang, v[0], v[1], said, sizeof(said));
        lf_script_emits(out, said);
        return n[0] + dl + n[1];
    }
    if (!*to)
        return 0; /* decimals or digits of another script: as written */
    lf_script_emit(out, p, n[0]);
    /* Greek "53-3808", "12-9": no minus, the groups as written */
    lf_script_emits(out, range ? to : " ");
    lf_script_emit(out, q, n[1]);
    return n[0] + dl + n[1];
}

/* A space between digit groups ("1 000 000", "12 500", also no-break,
 * narrow no-break and thin spaces): its length at p, else 0. */
static size_t group_space(const char *p)
{
    if (*p == ' ')
        return 1;
    if ((unsigned char)p[0] == 0xC2 && (unsigned char)p[1] == 0xA0)
        return 2; /* U+00A0 */
    if ((unsigned char)p[0] == 0xE2 && (unsigned char)p[1] == 0x80 &&
        ((unsigned char)p[2] == 0xAF || (unsigned char)p[2] == 0x89))
        return 3; /* U+202F, U+2009 */
    return 0;
}

/* A number written in groups of thousands with spaces ("1 000 000", as
 * Ukrainian, Russian, Polish, French and Persian texts write it) is said
 * as one number: the voices read "one zero zero zero zero zero zero".
 * Its length at p (the digits emitted without the spaces), or 0. */
size_t lf_script_spaced_thousands(const char *lang, const char *p, struct lf_growing_text *out)
{
    size_t n = 0, l;
    int head = 0;
    while (head < 4 && lf_script_any_digit(p + n, &l) >= 0) {
        n += l;
        head++;
    }
    enum spoken L = lf_script_spoken_lang(lang);
    bool uk_ru = L == L_UK || L == L_RU;
    if (!head || (head > 3 && !uk_ru))
        return 0;
    size_t end = n, groups = 0;
    for (; head <= 3;) {
        size_t sp = group_space(p + end), k = end + sp;
        int d = 0;
        while (sp && d < 4 && lf_script_any_digit(p + k, &l) >= 0) {
            k += l;
            d++;
        }
        if (!sp || d != 3 || lf_script_latin_letter(p + k) || (p[k] == ':' && lf_script_any_digit(p + k + 1, &l) >= 0))
            break;
        end = k;
        groups++;
    }
    /* a whole number of a million or more in Ukrainian or Russian: ICU's
     * words (their voices said "один тисяча тисяча" for 1000000) */
    if (!groups && uk_ru) {
        while (lf_script_any_digit(p + end, &l) >= 0 && end < 24)
            end += l, groups++;
        if (head + (int)groups < 7 || p[0] == '0')
            return 0;
    }
    if (!groups)
        return 0;
    bool decimals = (p[end] == ',' || p[end] == '.') && lf_script_any_digit(p + end + 1, &l) >= 0;
    if (uk_ru && !decimals && !lf_script_latin_letter(p + end)) {
        long v = 0;
        for (size_t i = 0; i < end && v < 100000000000L;) {
            int d = lf_script_any_digit(p + i, &l);
            if (d >= 0)
                v = v * 10 + d, i += l;
            else
                i += group_space(p + i) ? group_space(p + i) : 1;
        }
        char words[512];
        if (v >= 1000000 && lf_spell_number(lang, "%spellout-cardinal-masculine", v, words, sizeof(words))) {
            lf_script_emits(out, words);
            return end;
        }
    }
    for (size_t i = 0; i < end;) {
        size_t sp = group_space(p + i);
        if (sp) {
            i += sp;
            continue;
        }
        lf_script_emit(out, p + i, 1);
        i++;
    }
    return end;
}
