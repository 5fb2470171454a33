/* HTML in calendar texts into plain text: see html_text.h. */
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "calendar/html_text.h"
#include "core/xalloc.h"

/* Tags whose presence makes a text HTML (lower case). */
static const char *const markup_tags[] = {
    "a",  "b",  "i",  "u",     "p",    "br", "div",    "span", "ul",    "ol",   "li",
    "em", "h1", "h2", "h3",    "h4",   "h5", "h6",     "hr",   "table", "tr",   "td",
    "th", "s",  "strong", "font", "html", "body", "small", "sub", "sup", "blockquote",
};

static const char *const markup_entities[] = {"&nbsp;", "&amp;", "&lt;", "&gt;", "&quot;",
                                              "&#39;", "&apos;", "&auml;", "&ouml;", "&uuml;",
                                              "&szlig;", "&ndash;", "&euro;"};

static bool is_tag_at(const char *s)
{
    /* s points after "<" or "</" */
    for (size_t i = 0; i < sizeof(markup_tags) / sizeof(markup_tags[0]); i++) {
        size_t n = strlen(markup_tags[i]);
        if (strncasecmp(s, markup_tags[i], n) == 0 &&
            (s[n] == '>' || s[n] == ' ' || s[n] == '/' || s[n] == '\t' || s[n] == '\n'))
            return true;
    }
    return false;
}

bool lf_looks_like_html(const char *text)
{
    for (const char *p = strchr(text, '<'); p; p = strchr(p + 1, '<')) {
        const char *t = p + 1 + (p[1] == '/');
        if (is_tag_at(t))
            return true;
    }
    for (const char *p = strchr(text, '&'); p; p = strchr(p + 1, '&')) {
        for (size_t i = 0; i < sizeof(markup_entities) / sizeof(markup_entities[0]); i++) {
            if (strncasecmp(p, markup_entities[i], strlen(markup_entities[i])) == 0)
                return true;
        }
        if (p[1] == '#' && p[2] >= '0' && p[2] <= '9' && strchr(p, ';') &&
            strspn(p + 2, "0123456789") == (size_t)(strchr(p, ';') - p - 2))
            return true;
    }
    return false;
}

/* A growing text with HTML's white space rule: runs of space become one
 * space, lines are asked for and never more than one empty line. */
struct text_out {
    char *s;
    size_t n, cap;
    int newlines_wanted; /* before the next word: 1 line break, 2 an empty line */
};

static void put(struct text_out *o, const char *s, size_t n)
{
    if (o->n + n + 1 > o->cap) {
        o->cap = (o->n + n + 1) * 2;
        o->s = lf_xrealloc(o->s, o->cap);
    }
    memcpy(o->s + o->n, s, n);
    o->n += n;
    o->s[o->n] = '\0';
}

static void want_lines(struct text_out *o, int n)
{
    if (n > o->newlines_wanted)
        o->newlines_wanted = n;
}

static void put_words(struct text_out *o, const char *s)
{
    bool space = false;
    for (const unsigned char *p = (const unsigned char *)s; *p;) {
        /* ASCII white space and U+00A0 (&nbsp;) alike */
        if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f') {
            space = true;
            p++;
            continue;
        }
        if (p[0] == 0xC2 && p[1] == 0xA0) {
            space = true;
            p += 2;
            continue;
        }
        if (o->n > 0 && o->newlines_wanted > 0) {
            put(o, "\n\n", (size_t)o->newlines_wanted);
        } else if (space && o->n > 0 && o->s[o->n - 1] != '\n' && o->s[o->n - 1] != ' ') {
            put(o, " ", 1);
        }
        o->newlines_wanted = 0;
        space = false;
        const unsigned char *w = p;
        while (*p && !(*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f') &&
               !(p[0] == 0xC2 && p[1] == 0xA0))
            p++;
        put(o, (const char *)w, (size_t)(p - w));
    }
    if (space && o->n > 0 && o->newlines_wanted == 0 && o->s[o->n - 1] != ' ' &&
        o->s[o->n - 1] != '\n')
        put(o, " ", 1);
}

/* s as it is, after the lines asked for */
static void put_raw(struct text_out *o, const char *s)
{
    if (o->n > 0 && o->newlines_wanted > 0)
        put(o, "\n\n", (size_t)o->newlines_wanted);
    o->newlines_wanted = 0;
    put(o, s, strlen(s));
}

static bool name_is(const xmlNode *n, const char *name)
{
    return n->name && strcasecmp((const char *)n->name, name) == 0;
}

static bool is_block(const xmlNode *n)
{
    static const char *const blocks[] = {"p",  "div", "ul", "ol", "table", "h1", "h2", "h3",
                                         "h4", "h5",  "h6", "blockquote", "hr", "pre", "section"};
    for (size_t i = 0; i < sizeof(blocks) / sizeof(blocks[0]); i++) {
        if (name_is(n, blocks[i]))
            return true;
    }
    return false;
}

/* The text of n's subtree, for comparing a link's text with its address. */
static void gather(const xmlNode *n, struct text_out *o)
{
    for (const xmlNode *c = n->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE && c->content)
            put_words(o, (const char *)c->content);
        else if (c->type == XML_ELEMENT_NODE)
            gather(c, o);
    }
}

/* "https://www.stadt.de/kita/" said by "www.stadt.de/kita": the same address. */
static bool says_address(const char *text, const char *href)
{
    const char *h = href;
    if (strncasecmp(h, "mailto:", 7) == 0)
        h += 7;
    else if (strncasecmp(h, "https://", 8) == 0)
        h += 8;
    else if (strncasecmp(h, "http://", 7) == 0)
        h += 7;
    size_t n = strlen(h);
    while (n > 0 && h[n - 1] == '/')
        n--;
    if (n == 0)
        return true;
    char *core = lf_xstrndup(h, n);
    bool found = strstr(text, core) != NULL;
    if (!found && strncasecmp(core, "www.", 4) == 0)
        found = strstr(text, core + 4) != NULL;
    free(core);
    return found;
}

static void walk(const xmlNode *n, struct text_out *o, int depth)
{
    for (const xmlNode *c = n; c; c = c->next) {
        if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
            if (c->content)
                put_words(o, (const char *)c->content);
            continue;
        }
        if (c->type != XML_ELEMENT_NODE || depth > 64)
            continue;
        if (name_is(c, "script") || name_is(c, "style") || name_is(c, "head"))
            continue;
        if (name_is(c, "br")) {
            if (o->n > 0) {
                if (o->newlines_wanted == 0)
                    o->newlines_wanted = 1;
                else if (o->newlines_wanted == 1)
                    o->newlines_wanted = 2;
            }
            continue;
        }
        bool block = is_block(c);
        if (block)
            want_lines(o, name_is(c, "p") || name_is(c, "ul") || name_is(c, "ol") ? 2 : 1);
        if (name_is(c, "li") || name_is(c, "tr")) {
            want_lines(o, 1);
            if (name_is(c, "li"))
                put_raw(o, "• ");
        }
        walk(c->children, o, depth + 1);
        if (name_is(c, "a")) {
            xmlChar *href = xmlGetProp(c, (const xmlChar *)"href");
            if (href && (strncasecmp((const char *)href, "http", 4) == 0 ||
                         strncasecmp((const char *)href, "mailto:", 7) == 0)) {
                struct text_out t = {0};
                gather(c, &t);
                if (!says_address(t.s ? t.s : "", (const char *)href)) {
                    const char *shown = (const char *)href;
                    if (strncasecmp(shown, "mailto:", 7) == 0)
                        shown += 7;
                    put_raw(o, o->n > 0 && o->s[o->n - 1] == ' ' ? "(" : " (");
                    put(o, shown, strlen(shown));
                    put(o, ")", 1);
                }
                free(t.s);
            }
            xmlFree(href);
        }
        if (block)
            want_lines(o, name_is(c, "p") || name_is(c, "ul") || name_is(c, "ol") ? 2 : 1);
        if (name_is(c, "td") || name_is(c, "th"))
            put_words(o, " ");
    }
}

char *lf_html_to_text(const char *html)
{
    struct text_out o = {0};
    /* inside a <div>: text at the top would get an implied <p> of its
     * own. A text that marks no line of its own (only &amp; or <b>) keeps
     * its line breaks: they are <br> then */
    bool has_lines = false;
    for (const char *p = strchr(html, '<'); p && !has_lines; p = strchr(p + 1, '<')) {
        const char *t = p + 1 + (p[1] == '/');
        has_lines = strncasecmp(t, "br", 2) == 0 || strncasecmp(t, "p>", 2) == 0 ||
                    strncasecmp(t, "p ", 2) == 0 || strncasecmp(t, "div", 3) == 0 ||
                    strncasecmp(t, "li", 2) == 0 || strncasecmp(t, "tr", 2) == 0 ||
                    (t[0] == 'h' && t[1] >= '1' && t[1] <= '6');
    }
    size_t len = strlen(html), newlines = 0;
    for (const char *p = html; *p; p++)
        newlines += *p == '\n';
    char *wrapped = lf_xmalloc(len + (has_lines ? 0 : 3 * newlines) + 12);
    size_t k = 0;
    memcpy(wrapped, "<div>", 5);
    k = 5;
    for (const char *p = html; *p; p++) {
        if (*p == '\n' && !has_lines) {
            memcpy(wrapped + k, "<br>", 4);
            k += 4;
        } else {
            wrapped[k++] = *p;
        }
    }
    memcpy(wrapped + k, "</div>", 7);
    k += 6;
    htmlDocPtr doc = htmlReadMemory(wrapped, (int)k, NULL, "UTF-8",
                                    HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
                                        HTML_PARSE_NOIMPLIED);
    free(wrapped);
    if (doc) {
        walk(doc->children, &o, 0);
        xmlFreeDoc(doc);
    }
    if (!o.s)
        return lf_xstrdup("");
    /* no space at the end of a line */
    k = 0;
    for (size_t i = 0; i < o.n; i++) {
        if (o.s[i] == ' ' && (i + 1 == o.n || o.s[i + 1] == '\n'))
            continue;
        o.s[k++] = o.s[i];
    }
    while (k > 0 && (o.s[k - 1] == '\n' || o.s[k - 1] == ' '))
        k--;
    o.s[k] = '\0';
    return o.s;
}
