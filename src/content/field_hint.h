/* "Did you mean organiser?": the field a hand-written content.json most
 * likely meant by a name the format does not know: a typo, the American
 * spelling, a German or common synonym ("location", "ort", "website").
 *
 * Pure C, no allocation; any thread. */
#ifndef LF_CONTENT_FIELD_HINT_H
#define LF_CONTENT_FIELD_HINT_H

#include <stddef.h>

/* The name among known[0..n-1] that `unknown` most likely stands for, or
 * NULL when none is close. Synonyms come first (only when the synonym's
 * field is among `known`), then names at most a couple of typing mistakes
 * away (case ignored; swapped neighbours count as one). */
const char *lf_field_suggest(const char *unknown, const char *const *known, size_t n);

#endif
