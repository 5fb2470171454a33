#include "layout/hyphen_compact.h"

#include <malloc.h>
#include <stdalign.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "core/log.h"
#include "core/xalloc.h"

/* The mapping: this head, the dictionaries of the nextlevel chain, then
 * every level's states, every transition, every distinct string. */
struct compact_map {
    size_t size;   /* bytes mapped */
    size_t levels;
    HyphenDict dicts[];
};

/* Distinct strings (match and repl repeat a lot: "01", "2"...): each is
 * stored once; a table from a string to its offset in the string area. */
struct string_table {
    const char **keys;
    size_t *offsets;
    size_t cap;   /* a power of two */
    size_t bytes; /* of the distinct strings, with their NULs */
};

static uint32_t string_hash(const char *s)
{
    uint32_t hash = 2166136261u; /* FNV-1a */
    for (; *s; s++)
        hash = (hash ^ (unsigned char)*s) * 16777619u;
    return hash;
}

/* The slot of s: where it is, or the empty slot it goes into. */
static size_t string_slot(const struct string_table *t, const char *s)
{
    size_t i = string_hash(s) & (t->cap - 1);
    while (t->keys[i] && strcmp(t->keys[i], s) != 0)
        i = (i + 1) & (t->cap - 1);
    return i;
}

static void string_add(struct string_table *t, const char *s)
{
    if (!s)
        return;
    size_t i = string_slot(t, s);
    if (t->keys[i])
        return;
    t->keys[i] = s;
    t->offsets[i] = t->bytes;
    t->bytes += strlen(s) + 1;
}

/* nohyphen: nohyphenl + 1 strings, one after another, each with its NUL. */
static size_t nohyphen_bytes(const HyphenDict *d)
{
    if (!d->nohyphen)
        return 0;
    size_t n = 0;
    for (int i = 0; i <= d->nohyphenl; i++)
        n += strlen(d->nohyphen + n) + 1;
    return n;
}

static size_t align_up(size_t n, size_t a)
{
    return (n + a - 1) / a * a;
}

HyphenDict *lf_hyphen_dict_compact(const HyphenDict *d)
{
    if (!d)
        return NULL;
    size_t levels = 0, states = 0, trans = 0, strings = 0, nohyphen = 0;
    for (const HyphenDict *l = d; l; l = l->nextlevel) {
        levels++;
        states += (size_t)(l->num_states > 0 ? l->num_states : 0);
        nohyphen += nohyphen_bytes(l);
        for (int i = 0; i < l->num_states; i++) {
            trans += (size_t)(l->states[i].num_trans > 0 ? l->states[i].num_trans : 0);
            strings += (l->states[i].match != NULL) + (l->states[i].repl != NULL);
        }
    }
    struct string_table t = {.cap = 16};
    while (t.cap < strings * 2)
        t.cap *= 2;
    t.keys = lf_xcalloc(t.cap, sizeof(*t.keys));
    t.offsets = lf_xcalloc(t.cap, sizeof(*t.offsets));
    for (const HyphenDict *l = d; l; l = l->nextlevel)
        for (int i = 0; i < l->num_states; i++) {
            string_add(&t, l->states[i].match);
            string_add(&t, l->states[i].repl);
        }

    size_t at_states = align_up(sizeof(struct compact_map) + levels * sizeof(HyphenDict),
                                alignof(HyphenState));
    size_t at_trans = align_up(at_states + states * sizeof(HyphenState), alignof(HyphenTrans));
    size_t at_strings = at_trans + trans * sizeof(HyphenTrans);
    size_t size = at_strings + t.bytes + nohyphen;
    void *base = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (base == MAP_FAILED) {
        lf_warn("hyphenation: no memory for %zu bytes of patterns", size);
        free(t.keys);
        free(t.offsets);
        return NULL;
    }
    struct compact_map *map = base;
    map->size = size;
    map->levels = levels;
    HyphenState *state = (HyphenState *)((char *)base + at_states);
    HyphenTrans *tr = (HyphenTrans *)((char *)base + at_trans);
    char *str = (char *)base + at_strings;
    char *nh = str + t.bytes;
    for (size_t i = 0; i < t.cap; i++)
        if (t.keys[i])
            memcpy(str + t.offsets[i], t.keys[i], strlen(t.keys[i]) + 1);

    size_t k = 0;
    for (const HyphenDict *l = d; l; l = l->nextlevel, k++) {
        HyphenDict *c = &map->dicts[k];
        *c = *l;
        c->nextlevel = k + 1 < levels ? &map->dicts[k + 1] : NULL;
        c->states = l->num_states > 0 ? state : NULL;
        if (l->nohyphen) {
            size_t n = nohyphen_bytes(l);
            memcpy(nh, l->nohyphen, n);
            c->nohyphen = nh;
            nh += n;
        }
        for (int i = 0; i < l->num_states; i++, state++) {
            const HyphenState *s = &l->states[i];
            *state = *s;
            state->match = s->match ? str + t.offsets[string_slot(&t, s->match)] : NULL;
            state->repl = s->repl ? str + t.offsets[string_slot(&t, s->repl)] : NULL;
            if (s->num_trans > 0) {
                memcpy(tr, s->trans, (size_t)s->num_trans * sizeof(*tr));
                state->trans = tr;
                tr += s->num_trans;
            } else {
                state->trans = NULL;
            }
        }
    }
    free(t.keys);
    free(t.offsets);
    return map->dicts;
}

static struct compact_map *map_of(const HyphenDict *compact)
{
    return (struct compact_map *)((char *)compact - offsetof(struct compact_map, dicts));
}

void lf_hyphen_dict_compact_free(HyphenDict *compact)
{
    if (!compact)
        return;
    struct compact_map *map = map_of(compact);
    munmap(map, map->size);
}

size_t lf_hyphen_dict_compact_size(const HyphenDict *compact)
{
    return compact ? map_of(compact)->size : 0;
}

HyphenDict *lf_hyphen_dict_load_compact(const char *path)
{
    HyphenDict *loaded = hnj_hyphen_load(path);
    if (!loaded)
        return NULL;
    HyphenDict *compact = lf_hyphen_dict_compact(loaded);
    hnj_hyphen_free(loaded);
    /* the loader's blocks are scattered over the heap (of this thread's
     * arena): freed, most of their pages stay resident until trimmed */
    malloc_trim(0);
    return compact;
}
