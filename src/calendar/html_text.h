/* HTML in a calendar's texts turned into the plain text a kiosk shows.
 *
 * Google Calendar and many city event systems write an event's
 * DESCRIPTION as HTML ("<b>Wichtig:</b> Bitte mitbringen:<br><ul><li>
 * Ausweis</li></ul> ... <a href=...>hier</a>&nbsp;"); shown as it is, a
 * visitor would read the tags. libxml2's HTML parser reads it (as a
 * browser would: unclosed tags, entities); lines and list items become
 * lines, a link whose text does not say its address keeps the address
 * after it, scripts and styles are left out.
 *
 * Pure: no SDL, no curl, no files. Any thread. */
#ifndef LF_CALENDAR_HTML_TEXT_H
#define LF_CALENDAR_HTML_TEXT_H

#include <stdbool.h>

/* True when `text` holds HTML markup (a known tag such as <br>, <p>, <a
 * ...>, </b>, or an entity such as &nbsp; &amp; &#39;), not merely a "<"
 * or "&" of plain text ("Kinder < 6 Jahre", "Jung & Alt"). */
bool lf_looks_like_html(const char *text);

/* The plain text of the HTML fragment `html` (UTF-8), trimmed; the
 * caller frees it. Never NULL. */
char *lf_html_to_text(const char *html);

#endif
