/* Private to src/layout/: the built-in words of the kiosk, one table per
 * language (phrase_table.c). A NULL entry falls back along the tag, then
 * to German. */
#ifndef LF_LAYOUT_PHRASE_TABLE_H
#define LF_LAYOUT_PHRASE_TABLE_H

#include <stddef.h>

#include "layout/phrases.h"

#define LF_PHRASE_FALLBACK "de"

struct lf_phrase_table {
    const char *lang; /* BCP 47 tag */
    const char *p[LF_P_COUNT];
};

extern const struct lf_phrase_table lf_phrase_tables[];
extern const size_t lf_n_phrase_tables;

#endif
