/* A compact copy of libhyphen's patterns. hnj_hyphen_load builds its
 * state machine with hundreds of thousands of small, grown-by-realloc
 * blocks (German: ~280,000 states, 10 MB in use but ~40 MB resident,
 * scattered so that freeing some returns nothing to the system). The
 * copy holds the same states, transitions and strings in ONE mapping of
 * exactly the size they need, so the loader's copy can be freed and its
 * heap given back (malloc_trim). libhyphen's own functions
 * (hnj_hyphen_hyphenate2/3) read the copy as they read the original.
 *
 * Owner: the caller of lf_hyphen_dict_compact frees the copy with
 * lf_hyphen_dict_compact_free, never with hnj_hyphen_free. Pure C. */
#ifndef LF_LAYOUT_HYPHEN_COMPACT_H
#define LF_LAYOUT_HYPHEN_COMPACT_H

#include <hyphen.h>
#include <stddef.h>

/* A deep copy of d (and its nextlevel chain) in one mapping; NULL (and
 * logged) when the memory cannot be had. d is left as it was. */
HyphenDict *lf_hyphen_dict_compact(const HyphenDict *d);
void lf_hyphen_dict_compact_free(HyphenDict *compact);
/* Bytes the copy maps (for benchmarks and tests). */
size_t lf_hyphen_dict_compact_size(const HyphenDict *compact);

/* Reads the patterns at path and returns them compacted: the loader's
 * copy is freed and the heap it used trimmed. NULL when unreadable. */
HyphenDict *lf_hyphen_dict_load_compact(const char *path);

#endif
