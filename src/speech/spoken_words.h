/* The words read around the content in languages without spoken grammar
 * of their own in script.c (which has de, en, tr, ar, fa, uk, ru): for
 * each, how a clock time, a range of hours, a date and a run of
 * weekdays are said, the labels only speech needs ("Telefon", "E-Mail",
 * "Punkt"), and the sentence that says a text is only in German.
 *
 * Numbers come from ICU's spell-out rules (the rule set named here);
 * weekday and month names and the order of a date from CLDR. Hand
 * tables only where ICU 72 has no rules: Polish, Czech and Slovak
 * ordinals in their case forms, Hungarian day numbers with their
 * suffix, weekday forms after a preposition.
 *
 * Pure data, no SDL. Any thread. */
#ifndef LF_SPEECH_SPOKEN_WORDS_H
#define LF_SPEECH_SPOKEN_WORDS_H

#include "layout/phrases.h"

enum lf_plural { LF_PLURAL_ONE, LF_PLURAL_FEW, LF_PLURAL_MANY, LF_PLURAL_OTHER, LF_PLURAL_N };

/* Every pattern holds "%s" placeholders only, as many as said. */
struct lf_spoken_words {
    const char *tag;                 /* primary language subtag ("fr") */
    /* numbers */
    const char *hour_rules;          /* ICU rule set for hours and minutes; NULL: digits */
    const char *const *hour_words;   /* [0..24] instead (Polish ordinals), or NULL */
    const char *hour_noun[LF_PLURAL_N]; /* after the hour, by CLDR plural ("sat", "sata",
                                      * "sati"); NULL: none */
    const char *day_rules;           /* ICU rule set for the day of a date */
    const char *const *day_words;    /* [1..31] instead, or NULL */
    const char *first_day;           /* the 1st when the rule set's is not said ("premier") */
    /* clock times: hour (with its noun), minutes */
    const char *clock_h;             /* "%s heures": the hour */
    const char *clock_hm;            /* "%s heures %s": hour, minutes */
    const char *range;               /* "de %s à %s": two clock times */
    const char *at;                  /* "à %s" */
    const char *until;               /* "jusqu'à %s" */
    const char *opens;               /* "Prochaine ouverture : %s, %s": day, at-phrase */
    const char *span;                /* "Du %s, %s, au %s, %s": day, at, day, at */
    const char *fixups[8];           /* pairs (from, to) applied to at and until phrases
                                      * (Czech "v devět" but "ve čtrnáct") */
    /* weekdays */
    const char *day_span;            /* "du %s au %s": first and last weekday */
    const char *const *span_from;    /* [7] weekday forms for the first (Monday = 0) */
    const char *const *span_to;      /* [7] for the last; NULL: CLDR's names */
    const char *and_word;            /* " et " before the last of a list */
    /* contact details */
    const char *phone, *email, *web;
    const char *plus, *at_sign, *dot, *slash;
    /* said before a text read in German for want of a translation */
    const char *only_german;
    /* the kiosk's words that speech says ("Wo", "Jetzt geöffnet"), for
     * languages the phrase table (layout/phrase_table.c) does not have */
    const char *phrase[LF_P_COUNT];
};

/* The words for lang (its primary subtag), or NULL when there are none. */
const struct lf_spoken_words *lf_spoken_words(const char *lang);

/* The languages in the table, for tests. */
const struct lf_spoken_words *lf_spoken_words_at(int i);

#endif
