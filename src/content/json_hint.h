/* Plain words for a JSON syntax error in a hand-written content.json:
 * where the mistake most likely is (a missing comma belongs at the end of
 * the line before the one the parser stopped at; a trailing comma is
 * where the comma stands) and what it most likely is: typographic quotes
 * („ “ ” from a word processor), a comment, an unquoted phone number, a
 * trailing comma, single quotes, a field name without quotes, a Tab.
 *
 * Pure C over the manifest's bytes; no allocation; any thread. */
#ifndef LF_CONTENT_JSON_HINT_H
#define LF_CONTENT_JSON_HINT_H

#include <stdbool.h>
#include <stddef.h>

/* `token`: the byte offset where the parser stopped (the start of the
 * token it could not take; len when the text ended). On a recognised
 * mistake writes the plain explanation into msg, the offset it is at into
 * *at, and returns true; false leaves the parser's own words to stand. */
bool lf_json_syntax_hint(const char *text, size_t len, size_t token, char *msg, size_t size,
                         size_t *at);

#endif
