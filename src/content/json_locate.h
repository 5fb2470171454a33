/* Positions in JSON text, for diagnostics.
 *
 * jansson gives values but not where they were written. These functions
 * scan the raw manifest text again to find the line and column of the
 * value (or of its key) at a field path such as "items[3].start", so a
 * diagnostic can say "content.json:41:12: items[3].start: ...".
 *
 * Path syntax: member names separated by ".", array indexes in brackets;
 * "" is the whole document. A name runs up to the next "." or "[", so a
 * key that itself contains those characters cannot be named exactly (the
 * nearest enclosing value is found instead).
 *
 * Lines and columns are 1-based; a column counts Unicode code points (as
 * an editor shows them), a tab counts as one.
 *
 * Pure functions: no allocation that outlives a call, never read past
 * `len`, safe on any bytes (on invalid JSON the answer is merely vague).
 * Any thread. */
#ifndef LF_CONTENT_JSON_LOCATE_H
#define LF_CONTENT_JSON_LOCATE_H

#include <stdbool.h>
#include <stddef.h>

struct lf_json_pos {
    size_t offset; /* byte offset into the text */
    int line;
    int column;
};

enum lf_json_anchor {
    LF_JSON_AT_VALUE, /* first character of the value */
    LF_JSON_AT_KEY,   /* opening quote of its key (array elements: the value) */
};

/* Finds `path` in `text`. True when the whole path exists; otherwise false
 * and *pos names the deepest enclosing value that does exist (for a
 * missing field: the object that lacks it). */
bool lf_json_locate(const char *text, size_t len, const char *path,
                    enum lf_json_anchor anchor, struct lf_json_pos *pos);

/* True when no object or array nests deeper than `max_depth` (the
 * outermost one is level 1). Otherwise false and *pos is the bracket that
 * opens the first level too deep. Brackets inside strings do not count. */
bool lf_json_depth_within(const char *text, size_t len, int max_depth,
                          struct lf_json_pos *pos);

/* The field path of the innermost value (or key) that the byte at
 * `offset` belongs to, e.g. "items[2].title.en", written into `path`
 * (truncated to `size`; bytes of a key other than printable ASCII become
 * "?"). Needs only the text before `offset` to be JSON-shaped, so it
 * names the field where jansson stopped (invalid UTF-8 in a string).
 * False, with "" in `path`, when the offset is outside any object. */
bool lf_json_path_at(const char *text, size_t len, size_t offset, char *path, size_t size);

/* Line and column of a byte offset (clamped to len). */
struct lf_json_pos lf_json_pos_at(const char *text, size_t len, size_t offset);

#endif
