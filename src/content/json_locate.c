#include "content/json_locate.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

struct cursor {
    const char *s;
    size_t len;
    size_t i;
};

static bool at(const struct cursor *c, char ch)
{
    return c->i < c->len && c->s[c->i] == ch;
}

static void skip_ws(struct cursor *c)
{
    while (c->i < c->len) {
        char ch = c->s[c->i];
        if (ch != ' ' && ch != '\t' && ch != '\r' && ch != '\n')
            break;
        c->i++;
    }
}

/* At an opening quote; stops after the closing one. */
static bool skip_string(struct cursor *c)
{
    c->i++;
    while (c->i < c->len) {
        char ch = c->s[c->i++];
        if (ch == '\\')
            c->i++;
        else if (ch == '"')
            return c->i <= c->len;
    }
    return false;
}

/* Skips one value of any kind; iterative, so depth costs no stack. */
static bool skip_value(struct cursor *c)
{
    if (c->i >= c->len)
        return false;
    char ch = c->s[c->i];
    if (ch == '"')
        return skip_string(c);
    if (ch == '{' || ch == '[') {
        size_t depth = 0;
        while (c->i < c->len) {
            ch = c->s[c->i];
            if (ch == '"') {
                if (!skip_string(c))
                    return false;
                continue;
            }
            c->i++;
            if (ch == '{' || ch == '[')
                depth++;
            else if ((ch == '}' || ch == ']') && --depth == 0)
                return true;
        }
        return false;
    }
    size_t start = c->i;
    while (c->i < c->len && !memchr(",]} \t\r\n", c->s[c->i], 8))
        c->i++;
    return c->i > start;
}

/* Compares a raw key (with its quotes) to a decoded name. Keys with
 * escapes are rare: jansson decodes those. */
static bool key_equals(const char *raw, size_t raw_len, const char *name, size_t name_len)
{
    if (raw_len < 2)
        return false;
    if (!memchr(raw, '\\', raw_len))
        return raw_len - 2 == name_len && memcmp(raw + 1, name, name_len) == 0;
    json_t *k = json_loadb(raw, raw_len, JSON_DECODE_ANY, NULL);
    bool eq = k && json_is_string(k) && json_string_length(k) == name_len &&
              memcmp(json_string_value(k), name, name_len) == 0;
    json_decref(k);
    return eq;
}

/* Cursor at an object; on success at the value of member `name`, with
 * *key at its key's quote. */
static bool find_member(struct cursor *c, const char *name, size_t name_len, size_t *key)
{
    if (!at(c, '{'))
        return false;
    c->i++;
    for (;;) {
        skip_ws(c);
        if (!at(c, '"'))
            return false;
        size_t k = c->i;
        if (!skip_string(c))
            return false;
        size_t k_end = c->i;
        skip_ws(c);
        if (!at(c, ':'))
            return false;
        c->i++;
        skip_ws(c);
        if (key_equals(c->s + k, k_end - k, name, name_len)) {
            *key = k;
            return true;
        }
        if (!skip_value(c))
            return false;
        skip_ws(c);
        if (!at(c, ','))
            return false;
        c->i++;
    }
}

/* Cursor at an array; on success at element `index`. */
static bool find_element(struct cursor *c, unsigned long index)
{
    if (!at(c, '['))
        return false;
    c->i++;
    for (unsigned long n = 0;; n++) {
        skip_ws(c);
        if (c->i >= c->len || at(c, ']'))
            return false;
        if (n == index)
            return true;
        if (!skip_value(c))
            return false;
        skip_ws(c);
        if (!at(c, ','))
            return false;
        c->i++;
    }
}

bool lf_json_locate(const char *text, size_t len, const char *path,
                    enum lf_json_anchor anchor, struct lf_json_pos *pos)
{
    struct cursor c = {text, len, 0};
    skip_ws(&c);
    size_t value = c.i, key = c.i;
    bool found = true;
    const char *p = path;
    while (*p) {
        if (*p == '.')
            p++;
        size_t k = c.i;
        if (*p == '[') {
            char *end;
            unsigned long index = strtoul(p + 1, &end, 10);
            if (end == p + 1 || *end != ']' || !find_element(&c, index)) {
                found = false;
                break;
            }
            p = end + 1;
            k = c.i;
        } else {
            size_t n = strcspn(p, ".[");
            if (!find_member(&c, p, n, &k)) {
                found = false;
                break;
            }
            p += n;
        }
        value = c.i;
        key = k;
    }
    /* A missing field is pointed at by its object, not the object's key. */
    size_t offset = found && anchor == LF_JSON_AT_KEY ? key : value;
    *pos = lf_json_pos_at(text, len, offset);
    return found;
}

bool lf_json_depth_within(const char *text, size_t len, int max_depth,
                          struct lf_json_pos *pos)
{
    struct cursor c = {text, len, 0};
    int depth = 0;
    while (c.i < c.len) {
        char ch = c.s[c.i];
        if (ch == '"') {
            if (!skip_string(&c))
                break;
            continue;
        }
        if (ch == '{' || ch == '[') {
            if (++depth > max_depth) {
                *pos = lf_json_pos_at(text, len, c.i);
                return false;
            }
        } else if ((ch == '}' || ch == ']') && depth > 0) {
            depth--;
        }
        c.i++;
    }
    return true;
}

struct lf_json_pos lf_json_pos_at(const char *text, size_t len, size_t offset)
{
    struct lf_json_pos pos = {offset < len ? offset : len, 1, 1};
    for (size_t i = 0; i < pos.offset; i++) {
        unsigned char ch = (unsigned char)text[i];
        if (ch == '\n') {
            pos.line++;
            pos.column = 1;
        } else if ((ch & 0xC0) != 0x80) {
            pos.column++;
        }
    }
    return pos;
}

/* Nesting that lf_json_path_at follows; a manifest deeper than this is
 * refused anyway (LF_MAX_JSON_DEPTH), the path is then cut there. */
#define PATH_AT_MAX_DEPTH 32

struct path_frame {
    bool array;
    unsigned long index;   /* array: element number */
    bool expect_key;       /* object: the next string is a key */
    size_t key, key_len;   /* object: raw key of the current member */
    bool has_key;
};

static void append_key(char *path, size_t size, const char *raw, size_t n, bool dot)
{
    size_t used = strlen(path);
    if (dot && used + 1 < size)
        path[used++] = '.';
    for (size_t i = 0; i < n && used + 1 < size; i++) {
        unsigned char ch = (unsigned char)raw[i];
        path[used++] = ch >= 0x20 && ch < 0x7F ? (char)ch : '?';
    }
    path[used] = '\0';
}

bool lf_json_path_at(const char *text, size_t len, size_t offset, char *path, size_t size)
{
    if (size == 0)
        return false;
    path[0] = '\0';
    struct path_frame frames[PATH_AT_MAX_DEPTH];
    size_t depth = 0, too_deep = 0;
    struct cursor c = {.s = text, .len = len, .i = 0};
    if (offset > len)
        offset = len;
    while (c.i < offset) {
        char ch = text[c.i];
        struct path_frame *top = depth > 0 && too_deep == 0 ? &frames[depth - 1] : NULL;
        if (ch == '"') {
            size_t start = c.i;
            bool closed = skip_string(&c);
            if (!closed || c.i > offset)
                break; /* the offset is inside this string */
            if (top && !top->array && top->expect_key) {
                top->key = start + 1;
                top->key_len = c.i - start - 2;
                top->has_key = true;
                top->expect_key = false;
            }
            continue;
        }
        c.i++;
        if (ch == '{' || ch == '[') {
            if (too_deep > 0 || depth == PATH_AT_MAX_DEPTH) {
                too_deep++;
                continue;
            }
            frames[depth++] = (struct path_frame){.array = ch == '[', .expect_key = ch == '{'};
        } else if (ch == '}' || ch == ']') {
            if (too_deep > 0)
                too_deep--;
            else if (depth > 0)
                depth--;
        } else if (ch == ',' && top) {
            if (top->array) {
                top->index++;
            } else {
                top->expect_key = true;
                top->has_key = false;
            }
        }
    }
    for (size_t d = 0; d < depth; d++) {
        const struct path_frame *f = &frames[d];
        if (f->array) {
            size_t used = strlen(path);
            snprintf(path + used, size - used, "[%lu]", f->index);
        } else if (f->has_key) {
            append_key(path, size, text + f->key, f->key_len, path[0] != '\0');
        } else {
            break;
        }
    }
    return path[0] != '\0';
}
