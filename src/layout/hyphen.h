/* Hyphenation: where a word may be broken at a line end, per language,
 * from the LibreOffice/TeX hyphenation patterns Debian ships
 * (hyphen-de, hyphen-en-us, ...; /usr/share/hyphen/hyph_<lang>*.dic)
 * read by libhyphen. A language without a dictionary has no points
 * (the wrapper then breaks a too-long word by character, with a hyphen).
 *
 * Every word's points, once worked out by the patterns, are kept (the
 * memo: language and word -> points, at most LF_MAX_HYPHEN_MEMO words),
 * so that an owner who has laid out all its text can free the patterns
 * (lf_hyphenator_release; German: 13.4 MB) and still break the same
 * words at the same points; a word not in the memo reads them again.
 *
 * Owner: lf_hyphenator_create / lf_hyphenator_destroy; dictionaries are
 * loaded when a language is first asked for. lf_hyphenator_default() is
 * one process-wide instance on LF_HYPHEN_DIR, never destroyed. Thread-safe
 * (a mutex guards loading; patterns are read-only once loaded). Pure C:
 * no SDL. */
#ifndef LF_LAYOUT_HYPHEN_H
#define LF_LAYOUT_HYPHEN_H

#include <stdbool.h>
#include <stddef.h>

#define LF_HYPHEN_DIR "/usr/share/hyphen"
/* Longest word (bytes of UTF-8) given to the patterns; longer ones are
 * broken by character. */
#define LF_MAX_HYPHEN_WORD 256
/* Words whose points one hyphenator keeps (a kiosk asks only for words
 * wider than a line: a few hundred); words of earlier rounds (bundles)
 * make room; past it, a word is worked out from the patterns each time
 * and the patterns are not released in that round. Each takes about 50
 * bytes beside the word. */
#define LF_MAX_HYPHEN_MEMO 16384
/* Languages whose dictionaries one hyphenator keeps. */
#define LF_MAX_HYPHEN_LANGS 64
/* Letters kept together at a word's start and end. */
#define LF_HYPHEN_LEFT_MIN 2
#define LF_HYPHEN_RIGHT_MIN 3
/* The patterns for a Latin word in a language of another script that
 * has none (Arabic, Ukrainian, Tigrinya...): on these kiosks such a word
 * is most often a German name. */
#define LF_HYPHEN_LATIN_IN_OTHER_SCRIPT "de"

struct lf_hyphenator;

struct lf_hyphenator *lf_hyphenator_create(const char *dir);
void lf_hyphenator_destroy(struct lf_hyphenator *h);
struct lf_hyphenator *lf_hyphenator_default(void);

/* Impatient (the kiosk): a language's patterns are read in a thread of
 * their own and, until they are, its words have no points (a too-long
 * word is broken by character, with a hyphen), so no frame waits for
 * libhyphen (German takes seconds of CPU to read). Patient (the default:
 * preview, studio, tests): the first use waits, so output is the same
 * every run. */
void lf_hyphenator_set_impatient(struct lf_hyphenator *h, bool impatient);

/* Impatient: patterns read in the background are not used until the
 * owner adopts them, at a moment of its choosing (the kiosk: between two
 * frames, then it lays out again everything laid out before, so no page
 * continues from a point computed under other hyphenation). True when
 * some were adopted; the generation then is one more. */
bool lf_hyphenator_adopt(struct lf_hyphenator *h);
/* Counts the adoptions: layouts made under different generations may
 * break lines differently. */
unsigned lf_hyphenator_generation(struct lf_hyphenator *h);
/* Waits until no language is being read; true when some patterns wait
 * for lf_hyphenator_adopt (for tests). */
bool lf_hyphenator_wait_loaded(struct lf_hyphenator *h);
/* Test hook: while held, lf_hyphenator_adopt adopts nothing (patterns
 * "arrive" when the test lets go). */
void lf_hyphenator_hold(struct lf_hyphenator *h, bool hold);

/* Starts reading the patterns of these languages (impatient: in the
 * background; patient: now). */
void lf_hyphenator_preload(struct lf_hyphenator *h, const char *const *langs, size_t n);

/* A new round: the owner lays out other text from now on (the kiosk: a
 * new bundle). Words of the memo not asked for since are dropped at the
 * next lf_hyphenator_release, or when the memo is full and a new word
 * needs room; so weeks of bundles never fill it with old words. */
void lf_hyphenator_new_round(struct lf_hyphenator *h);

/* Frees the patterns of every language, keeping the memo: asked only
 * for words already in the memo, the hyphenator answers as before, and
 * the first word not in it reads its language's patterns again
 * (impatient: in the background, so that word has no points until the
 * owner adopts them, as at the first load; patient: at once). Does
 * nothing while patterns are being read or wait to be adopted, or when
 * the memo could not keep a word of this round (the patterns would be
 * read again at once). First drops the words not asked for in this round
 * (lf_hyphenator_new_round). True when some patterns were freed. The
 * kiosk calls it once every page is laid out under adopted patterns. */
bool lf_hyphenator_release(struct lf_hyphenator *h);

struct lf_hyphen_stats {
    size_t memo_words;    /* words in the memo */
    bool memo_full;       /* a word of this round was not kept: patterns stay */
    size_t pattern_bytes; /* patterns held (in use or waiting to be adopted) */
    size_t released;      /* languages whose patterns are freed */
    unsigned reloads;     /* times released patterns were read again */
};
struct lf_hyphen_stats lf_hyphenator_stats(struct lf_hyphenator *h);
/* Test hook: the memo keeps at most `entries` words (<= LF_MAX_HYPHEN_MEMO). */
void lf_hyphenator_memo_limit(struct lf_hyphenator *h, size_t entries);

/* For word[0..len) (UTF-8) in BCP 47 language lang: after[i] is set true
 * when the word may be broken after byte i (a hyphen is then added).
 * Only letters are looked at; punctuation around a word is skipped; the
 * parts of a word between gender signs ("Migrant*innen", "Lehrer:innen")
 * are hyphenated each on its own.
 * False (after all false) when lang has no dictionary or the word is too
 * long. after must hold len bytes. */
bool lf_hyphen_points(struct lf_hyphenator *h, const char *lang, const char *word, size_t len,
                      bool *after);

#endif
