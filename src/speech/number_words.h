/* Numbers written as words, the way a language says them, so that the
 * speech synthesiser never has to guess how to read a digit ("9." is
 * "neunter" in a German date, "17:30" is not "seventeen colon thirty").
 *
 * Spelled by ICU's rule-based number format (unum, UNUM_SPELLOUT) with a
 * named rule set; Ukrainian ordinals, which ICU 72 lacks, from a table
 * here. Pure C, no SDL. Any thread (each call opens its own formatter). */
#ifndef LF_SPEECH_NUMBER_WORDS_H
#define LF_SPEECH_NUMBER_WORDS_H

#include <stdbool.h>
#include <stddef.h>

#include "core/log.h"

/* Words of n in lang (primary subtag), with ICU's rule set `ruleset`
 * (e.g. "%spellout-ordinal-r" for German "neunter", NULL: the default
 * rule set). Soft hyphens are dropped and runs of spaces made one.
 * False when ICU has no spelling rules for that language or no such rule
 * set: the caller writes the digits. */
bool lf_spell_number(const char *lang, const char *ruleset, long n, char *buf, size_t size)
    LF_MUST_CHECK;

/* Ukrainian ordinals 1..31 in the forms dates and times need. */
enum lf_uk_form {
    LF_UK_NEUTER_GENITIVE,    /* "дев'ятого" (грудня): a day of the month */
    LF_UK_FEMININE_GENITIVE,  /* "дев'ятої" (години): until, from */
    LF_UK_FEMININE_LOCATIVE,  /* "дев'ятій": at (о ... годині) */
};
bool lf_spell_uk_ordinal(int n, enum lf_uk_form form, char *buf, size_t size) LF_MUST_CHECK;

/* The digits of `text` one by one as words in lang ("0251" -> "null zwo
 * fünf eins" in German), other characters dropped. Languages without a
 * table here get the digits separated by spaces. */
void lf_spell_digits(const char *lang, const char *digits, size_t n, char *buf, size_t size);

#endif
