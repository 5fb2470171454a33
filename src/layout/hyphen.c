#include "layout/hyphen.h"

#include <dirent.h>
#include <stdbool.h>
#include <hyphen.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ucnv.h>
#include <unicode/uloc.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include "core/log.h"
#include "core/thread.h"
#include "core/xalloc.h"
#include "layout/hyphen_compact.h"

struct hyphen_lang {
    char primary[16];   /* "de", "en", "sr" */
    HyphenDict *dict;   /* NULL: looked for, none there (or released) */
    HyphenDict *pending; /* impatient: read, not used until lf_hyphenator_adopt */
    bool loading;       /* a thread reads its patterns (the lock is not held meanwhile) */
    bool released;      /* had patterns, freed by lf_hyphenator_release: read again
                         * when a word not in the memo needs them */
};

/* The memo: the points of every word worked out by the patterns, by
 * language and word (lower case, as the patterns see it): a layout
 * measures the same words many times (each size it tries), and once
 * every word a kiosk shows is in it the patterns can be freed. */
struct memo_entry {
    uint32_t hash;
    unsigned round; /* the round (lf_hyphenator_new_round) it was last asked for in */
    uint16_t lang;  /* index into langs */
    uint16_t len;   /* bytes of the word */
    unsigned char data[]; /* the word, then a bit a byte: a point after it */
};

struct lf_hyphenator {
    char dir[512];
    pthread_mutex_t lock;
    pthread_cond_t loaded;  /* broadcast when a language's loading ends */
    bool impatient;         /* never wait for patterns: load them in the background */
    unsigned generation;    /* bumped when patterns read in the background are adopted */
    bool held;              /* test hook: lf_hyphenator_adopt adopts nothing */
    struct hyphen_lang langs[LF_MAX_HYPHEN_LANGS];
    size_t n;
    struct memo_entry **memo; /* open addressing, memo_cap slots (a power of two) */
    size_t memo_cap, memo_n, memo_limit;
    bool memo_full;         /* a word of round full_round was not kept: the patterns stay */
    unsigned round;         /* bumped by lf_hyphenator_new_round (the kiosk: a new bundle) */
    unsigned full_round, swept_round;
    unsigned reloads;       /* released patterns read again */
};

struct lf_hyphenator *lf_hyphenator_create(const char *dir)
{
    struct lf_hyphenator *h = lf_xcalloc(1, sizeof(*h));
    snprintf(h->dir, sizeof(h->dir), "%s", dir);
    pthread_mutex_init(&h->lock, NULL);
    pthread_cond_init(&h->loaded, NULL);
    h->memo_limit = LF_MAX_HYPHEN_MEMO;
    return h;
}

void lf_hyphenator_destroy(struct lf_hyphenator *h)
{
    if (!h)
        return;
    pthread_mutex_lock(&h->lock); /* a background load ends first */
    for (size_t i = 0; i < h->n; i++)
        while (h->langs[i].loading)
            pthread_cond_wait(&h->loaded, &h->lock);
    pthread_mutex_unlock(&h->lock);
    pthread_cond_destroy(&h->loaded);
    for (size_t i = 0; i < h->n; i++) {
        if (h->langs[i].dict)
            lf_hyphen_dict_compact_free(h->langs[i].dict);
        if (h->langs[i].pending)
            lf_hyphen_dict_compact_free(h->langs[i].pending);
    }
    for (size_t i = 0; i < h->memo_cap; i++)
        free(h->memo[i]);
    free(h->memo);
    pthread_mutex_destroy(&h->lock);
    free(h);
}

static struct lf_hyphenator *default_hyphenator;
static pthread_once_t default_once = PTHREAD_ONCE_INIT;

static void make_default(void)
{
    default_hyphenator = lf_hyphenator_create(LF_HYPHEN_DIR);
}

struct lf_hyphenator *lf_hyphenator_default(void)
{
    pthread_once(&default_once, make_default);
    return default_hyphenator;
}

static size_t lang_slot_locked(struct lf_hyphenator *h, const char *lang);

/* Makes patterns read in the background the ones in use; the lock is held. */
static bool adopt_locked(struct lf_hyphenator *h)
{
    bool changed = false;
    for (size_t i = 0; i < h->n; i++) {
        if (!h->langs[i].pending)
            continue;
        h->langs[i].dict = h->langs[i].pending;
        h->langs[i].pending = NULL;
        h->langs[i].released = false;
        changed = true;
    }
    if (changed)
        h->generation++;
    return changed;
}

void lf_hyphenator_set_impatient(struct lf_hyphenator *h, bool impatient)
{
    pthread_mutex_lock(&h->lock);
    h->impatient = impatient;
    if (!impatient)
        (void)adopt_locked(h);
    pthread_mutex_unlock(&h->lock);
}

void lf_hyphenator_hold(struct lf_hyphenator *h, bool hold)
{
    pthread_mutex_lock(&h->lock);
    h->held = hold;
    pthread_mutex_unlock(&h->lock);
}

bool lf_hyphenator_adopt(struct lf_hyphenator *h)
{
    pthread_mutex_lock(&h->lock);
    bool changed = !h->held && adopt_locked(h);
    pthread_mutex_unlock(&h->lock);
    return changed;
}

unsigned lf_hyphenator_generation(struct lf_hyphenator *h)
{
    pthread_mutex_lock(&h->lock);
    unsigned g = h->generation;
    pthread_mutex_unlock(&h->lock);
    return g;
}

bool lf_hyphenator_wait_loaded(struct lf_hyphenator *h)
{
    pthread_mutex_lock(&h->lock);
    for (size_t i = 0; i < h->n; i++)
        while (h->langs[i].loading)
            pthread_cond_wait(&h->loaded, &h->lock);
    bool any = false;
    for (size_t i = 0; i < h->n; i++)
        any = any || h->langs[i].pending;
    pthread_mutex_unlock(&h->lock);
    return any;
}

void lf_hyphenator_preload(struct lf_hyphenator *h, const char *const *langs, size_t n)
{
    pthread_mutex_lock(&h->lock);
    for (size_t i = 0; i < n; i++)
        (void)lang_slot_locked(h, langs[i]);
    pthread_mutex_unlock(&h->lock);
}

/* Puts e into the memo's table (memo_cap > 0, room for it). */
static void memo_put(struct lf_hyphenator *h, struct memo_entry *e);

/* Drops the words not asked for in this round, once a round; the table
 * shrinks to what is left. The lock is held. */
static void memo_sweep(struct lf_hyphenator *h)
{
    if (h->swept_round == h->round)
        return;
    h->swept_round = h->round;
    size_t kept = 0;
    for (size_t i = 0; i < h->memo_cap; i++) {
        if (!h->memo[i])
            continue;
        if (h->memo[i]->round == h->round) {
            kept++;
        } else {
            free(h->memo[i]);
            h->memo[i] = NULL;
        }
    }
    if (kept == h->memo_n)
        return;
    size_t cap = 64;
    while ((kept + 1) * 4 > cap * 3)
        cap *= 2;
    struct memo_entry **old = h->memo;
    size_t old_cap = h->memo_cap;
    h->memo = lf_xcalloc(cap, sizeof(*h->memo));
    h->memo_cap = cap;
    for (size_t i = 0; i < old_cap; i++)
        if (old[i])
            memo_put(h, old[i]);
    free(old);
    lf_debug("hyphenation: %zu words of earlier content dropped from the memo, %zu kept",
             h->memo_n - kept, kept);
    h->memo_n = kept;
}

void lf_hyphenator_new_round(struct lf_hyphenator *h)
{
    pthread_mutex_lock(&h->lock);
    h->round++;
    pthread_mutex_unlock(&h->lock);
}

bool lf_hyphenator_release(struct lf_hyphenator *h)
{
    pthread_mutex_lock(&h->lock);
    /* every word in use was asked for in this round: the others go */
    memo_sweep(h);
    /* patterns still arriving, or a word of this round the memo could not
     * keep: the patterns stay (freed now, they would be read again at once) */
    bool busy = h->memo_full && h->full_round == h->round;
    for (size_t i = 0; i < h->n; i++)
        busy = busy || h->langs[i].loading || h->langs[i].pending;
    bool freed = false;
    for (size_t i = 0; !busy && i < h->n; i++) {
        if (!h->langs[i].dict)
            continue;
        lf_hyphen_dict_compact_free(h->langs[i].dict);
        h->langs[i].dict = NULL;
        h->langs[i].released = true;
        freed = true;
    }
    pthread_mutex_unlock(&h->lock);
    return freed;
}

void lf_hyphenator_memo_limit(struct lf_hyphenator *h, size_t entries)
{
    pthread_mutex_lock(&h->lock);
    h->memo_limit = entries < LF_MAX_HYPHEN_MEMO ? entries : LF_MAX_HYPHEN_MEMO;
    pthread_mutex_unlock(&h->lock);
}

struct lf_hyphen_stats lf_hyphenator_stats(struct lf_hyphenator *h)
{
    struct lf_hyphen_stats st = {0};
    pthread_mutex_lock(&h->lock);
    st.memo_words = h->memo_n;
    st.memo_full = h->memo_full && h->full_round == h->round;
    st.reloads = h->reloads;
    for (size_t i = 0; i < h->n; i++) {
        st.pattern_bytes += lf_hyphen_dict_compact_size(h->langs[i].dict);
        st.pattern_bytes += lf_hyphen_dict_compact_size(h->langs[i].pending);
        st.released += h->langs[i].released;
    }
    pthread_mutex_unlock(&h->lock);
    return st;
}

/* The dictionary file for a primary language subtag: hyph_<ll>.dic, else
 * the first hyph_<ll>_<REGION>.dic in name order (en_GB before en_US). */
static HyphenDict *load_dict(const char *dir, const char *primary)
{
    char path[1024];
    snprintf(path, sizeof(path), "%s/hyph_%s.dic", dir, primary);
    HyphenDict *d = lf_hyphen_dict_load_compact(path);
    if (d)
        return d;
    DIR *dp = opendir(dir);
    if (!dp)
        return NULL;
    char prefix[32], best[256] = "";
    snprintf(prefix, sizeof(prefix), "hyph_%s_", primary);
    struct dirent *e;
    while ((e = readdir(dp)) != NULL) {
        size_t n = strlen(e->d_name);
        if (strncmp(e->d_name, prefix, strlen(prefix)) == 0 && n > 4 &&
            strcmp(e->d_name + n - 4, ".dic") == 0 && n < sizeof(best) &&
            (!best[0] || strcmp(e->d_name, best) < 0))
            snprintf(best, sizeof(best), "%s", e->d_name);
    }
    closedir(dp);
    if (!best[0])
        return NULL;
    snprintf(path, sizeof(path), "%s/%s", dir, best);
    d = lf_hyphen_dict_load_compact(path);
    if (!d)
        lf_warn("hyphenation: %s: cannot be read", path);
    return d;
}

struct background_load {
    struct lf_hyphenator *h;
    size_t index;
};

/* Reads the patterns of langs[index] and says so; the lock is not held
 * while reading (German takes seconds of CPU in libhyphen). */
static void load_entry(struct lf_hyphenator *h, size_t index)
{
    pthread_mutex_lock(&h->lock);
    char primary[sizeof(h->langs[index].primary)];
    memcpy(primary, h->langs[index].primary, sizeof(primary));
    pthread_mutex_unlock(&h->lock);
    HyphenDict *d = load_dict(h->dir, primary);
    pthread_mutex_lock(&h->lock);
    /* impatient: text may already be laid out without these patterns;
     * they are used from the moment the owner adopts them (between two
     * frames), never in the middle of a layout */
    if (h->impatient && d) {
        h->langs[index].pending = d;
    } else {
        h->langs[index].dict = d;
        /* patient, or the file is gone since: as a language without patterns */
        h->langs[index].released = false;
    }
    h->langs[index].loading = false;
    pthread_cond_broadcast(&h->loaded);
    pthread_mutex_unlock(&h->lock);
}

static void *background_main(void *arg)
{
    struct background_load *bl = arg;
    load_entry(bl->h, bl->index);
    free(bl);
    return NULL;
}

static bool start_background(struct lf_hyphenator *h, size_t index)
{
    struct background_load *bl = lf_xmalloc(sizeof(*bl));
    *bl = (struct background_load){h, index};
    bool ok = lf_thread_detached(background_main, bl, NULL, 0); /* else read now */
    if (!ok)
        free(bl);
    return ok;
}

/* Starts reading langs[i]'s patterns: impatient, in a thread of its
 * own; patient, now (the lock is let go meanwhile). The lock is held. */
static void request_load_locked(struct lf_hyphenator *h, size_t i)
{
    h->langs[i].loading = true;
    if (h->impatient && start_background(h, i))
        return;
    pthread_mutex_unlock(&h->lock);
    load_entry(h, i);
    pthread_mutex_lock(&h->lock);
}

/* The slot of lang's primary subtag; the first time, made and its
 * patterns asked for. SIZE_MAX when lang is no language or there is no
 * room. The lock is held (patient: let go while the patterns are read). */
static size_t lang_slot_locked(struct lf_hyphenator *h, const char *lang)
{
    char primary[16];
    size_t n = strcspn(lang, "-_");
    if (n == 0 || n >= sizeof(primary))
        return SIZE_MAX;
    for (size_t i = 0; i < n; i++) {
        char c = lang[i];
        primary[i] = c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
    }
    primary[n] = '\0';
    size_t i = 0;
    for (; i < h->n; i++)
        if (strcmp(h->langs[i].primary, primary) == 0)
            break;
    if (i == h->n) {
        if (h->n == LF_MAX_HYPHEN_LANGS)
            return SIZE_MAX;
        memset(&h->langs[i], 0, sizeof(h->langs[i]));
        snprintf(h->langs[i].primary, sizeof(h->langs[i].primary), "%s", primary);
        h->n++;
        request_load_locked(h, i);
    }
    while (h->langs[i].loading && !h->impatient)
        pthread_cond_wait(&h->loaded, &h->lock);
    return i;
}

/* Whether the code point at s is a letter for hyphenation: ASCII letters
 * and anything beyond ASCII except the punctuation a text puts around
 * words (quotes, dashes, the ellipsis: U+2010..U+206F, U+00AB, U+00BB). */
static bool letter_at(const unsigned char *s)
{
    if (s[0] < 0x80)
        return (s[0] >= 'a' && s[0] <= 'z') || (s[0] >= 'A' && s[0] <= 'Z');
    if (s[0] == 0xC2 && (s[1] == 0xAB || s[1] == 0xBB || s[1] == 0xAD || s[1] == 0xA0))
        return false;
    if (s[0] == 0xE2 && (s[1] == 0x80 || s[1] == 0x81))
        return false;
    return true;
}

static size_t cp_len(unsigned char c)
{
    return c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
}

/* Lower case for the patterns, same byte length: ASCII, Latin-1 letters,
 * Greek and Cyrillic capitals. */
static void lower(char *s, size_t n)
{
    unsigned char *u = (unsigned char *)s;
    for (size_t i = 0; i < n; i++) {
        if (u[i] >= 'A' && u[i] <= 'Z') {
            u[i] = (unsigned char)(u[i] + 32);
        } else if (i + 1 < n && u[i] == 0xC3 && u[i + 1] >= 0x80 && u[i + 1] <= 0x9E &&
                   u[i + 1] != 0x97) {
            u[i + 1] = (unsigned char)(u[i + 1] + 32);
            i++;
        } else if (i + 1 < n && u[i] == 0xD0 && u[i + 1] >= 0x90 && u[i + 1] <= 0x9F) {
            u[i + 1] = (unsigned char)(u[i + 1] + 32); /* А..П -> а..п */
            i++;
        } else if (i + 1 < n && u[i] == 0xD0 && u[i + 1] >= 0xA0 && u[i + 1] <= 0xAF) {
            u[i] = 0xD1; /* Р..Я -> р..я */
            u[i + 1] = (unsigned char)(u[i + 1] - 32);
            i++;
        } else if (i + 1 < n && u[i] == 0xCE && u[i + 1] >= 0x91 && u[i + 1] <= 0x9F) {
            u[i + 1] = (unsigned char)(u[i + 1] + 32); /* Α..Ο -> α..ο */
            i++;
        } else if (u[i] >= 0x80) {
            i += cp_len(u[i]) - 1;
        }
    }
}

/* A sign that parts a German word for gender ("Migrant*innen",
 * "Lehrer:innen", "Kolleg_innen") at u[i], between two letters. */
static bool gender_sign(const unsigned char *u, size_t i, size_t a, size_t b)
{
    return (u[i] == '*' || u[i] == ':' || u[i] == '_') && i > a && i + 1 < b &&
           letter_at(u + i - 1) && letter_at(u + i + 1);
}

/* Whether word[0..n) is written in Latin letters. */
static bool latin_word(const char *word, size_t n)
{
    for (int32_t i = 0; i < (int32_t)n;) {
        UChar32 c;
        U8_NEXT(word, i, (int32_t)n, c);
        UErrorCode err = U_ZERO_ERROR;
        UScriptCode sc = c < 0 ? USCRIPT_INVALID_CODE : uscript_getScript(c, &err);
        if (sc != USCRIPT_LATIN && sc != USCRIPT_COMMON && sc != USCRIPT_INHERITED)
            return false;
    }
    return true;
}

/* Whether lang is written in another script than Latin (ICU's likely
 * script: "ar" Arab, "uk" Cyrl, "ti" Ethi, "zh" Hans). */
static bool non_latin_lang(const char *lang)
{
    char full[64], script[16];
    UErrorCode err = U_ZERO_ERROR;
    uloc_addLikelySubtags(lang, full, sizeof(full), &err);
    if (U_FAILURE(err))
        return false;
    int32_t n = uloc_getScript(full, script, sizeof(script), &err);
    return U_SUCCESS(err) && n > 0 && strcmp(script, "Latn") != 0;
}

/* The word w[0..n) (UTF-8) in d's own charset when that is a single-byte
 * one (German ISO8859-1, Russian KOI8-R, Greek ISO8859-7...): one byte a
 * character into out (NUL-terminated), and last[j] the offset in w of the
 * last byte of character j. False when the charset is unknown or a
 * character is not in it (the word then has no points: never wrong ones). */
static bool to_dict_charset(const HyphenDict *d, const char *w, size_t n, char *out,
                            size_t *out_n, size_t *last)
{
    *out_n = 0;
    out[0] = '\0';
    UErrorCode err = U_ZERO_ERROR;
    UConverter *cv = ucnv_open(d->cset, &err);
    if (U_FAILURE(err))
        return false;
    ucnv_setFromUCallBack(cv, UCNV_FROM_U_CALLBACK_STOP, NULL, NULL, NULL, &err);
    bool ok = U_SUCCESS(err);
    size_t k = 0;
    for (int32_t i = 0; ok && i < (int32_t)n;) {
        UChar32 c;
        U8_NEXT(w, i, (int32_t)n, c);
        UChar u16[2];
        int32_t u16_len = 0;
        char byte[8];
        ok = c > 0;
        if (ok) {
            U16_APPEND_UNSAFE(u16, u16_len, c);
            err = U_ZERO_ERROR;
            int32_t got = ucnv_fromUChars(cv, byte, (int32_t)sizeof(byte), u16, u16_len, &err);
            ok = U_SUCCESS(err) && got == 1 && byte[0] != '\0';
        }
        if (ok) {
            out[k] = byte[0];
            last[k] = (size_t)i - 1;
            k++;
        }
    }
    ucnv_close(cv);
    out[k] = '\0';
    *out_n = k;
    return ok;
}

/* The marks libhyphen gives w[0..n) (lower case, UTF-8) by d: bit 0 of
 * marks[i] set for a point after byte i. */
static void pattern_marks(HyphenDict *d, const char *w, size_t n, char *marks)
{
    char **rep = NULL;
    int *pos = NULL, *cut = NULL;
    memset(marks, 0, n + 5);
    /* a dictionary in a single-byte charset gets the word in it; its
     * points are put back after each character's last UTF-8 byte */
    char sb[LF_MAX_HYPHEN_WORD + 1], sb_marks[LF_MAX_HYPHEN_WORD + 5];
    size_t last[LF_MAX_HYPHEN_WORD], m = n;
    bool single_byte = !d->utf8;
    bool readable = !single_byte || to_dict_charset(d, w, n, sb, &m, last);
    int rc = -1;
    if (readable) {
        memset(sb_marks, 0, sizeof(sb_marks));
        rc = hnj_hyphen_hyphenate3(d, single_byte ? sb : w, (int)m,
                                   single_byte ? sb_marks : marks, NULL, &rep, &pos, &cut,
                                   LF_HYPHEN_LEFT_MIN, LF_HYPHEN_RIGHT_MIN, LF_HYPHEN_LEFT_MIN,
                                   LF_HYPHEN_RIGHT_MIN);
    }
    for (size_t i = 0; i < m; i++) {
        /* a point with a spelling change (old "Schiff-fahrt") is not used */
        char *mark = single_byte ? &sb_marks[i] : &marks[i];
        if (rc != 0 || (rep && rep[i]))
            *mark = 0;
        if (single_byte)
            marks[last[i]] = *mark;
    }
    if (rep) {
        for (size_t i = 0; i < m; i++)
            free(rep[i]);
        free(rep);
    }
    free(pos);
    free(cut);
}

static uint32_t memo_hash(size_t lang, const char *w, size_t n)
{
    uint32_t hash = 2166136261u ^ (uint32_t)lang; /* FNV-1a */
    for (size_t i = 0; i < n; i++)
        hash = (hash ^ (unsigned char)w[i]) * 16777619u;
    return hash;
}

/* The memo's slot for (lang, w[0..n)): where it is, or the empty one it
 * goes into. memo_cap > 0; the lock is held. */
static size_t memo_slot(const struct lf_hyphenator *h, uint32_t hash, size_t lang, const char *w,
                        size_t n)
{
    size_t i = hash & (h->memo_cap - 1);
    for (const struct memo_entry *e; (e = h->memo[i]) != NULL; i = (i + 1) & (h->memo_cap - 1))
        if (e->hash == hash && e->lang == lang && e->len == n && memcmp(e->data, w, n) == 0)
            break;
    return i;
}

static void memo_put(struct lf_hyphenator *h, struct memo_entry *e)
{
    h->memo[memo_slot(h, e->hash, e->lang, (const char *)e->data, e->len)] = e;
}

/* Whether the memo has (lang, w[0..n)); its marks (bit 0) into marks.
 * The word is marked as asked for in this round. */
static bool memo_find(struct lf_hyphenator *h, uint32_t hash, size_t lang, const char *w,
                      size_t n, char *marks)
{
    if (!h->memo_cap)
        return false;
    struct memo_entry *e = h->memo[memo_slot(h, hash, lang, w, n)];
    if (!e)
        return false;
    e->round = h->round;
    for (size_t i = 0; i < n; i++)
        marks[i] = (char)((e->data[n + i / 8] >> (i % 8)) & 1);
    return true;
}

/* Keeps the marks of (lang, w[0..n)); when the memo holds its limit the
 * words of earlier rounds make room, and when all are of this round the
 * word is not kept (the patterns are then not released in this round). */
static void memo_add(struct lf_hyphenator *h, uint32_t hash, size_t lang, const char *w, size_t n,
                     const char *marks)
{
    if (h->memo_n >= h->memo_limit)
        memo_sweep(h);
    if (h->memo_n >= h->memo_limit) {
        h->memo_full = true;
        h->full_round = h->round;
        return;
    }
    if ((h->memo_n + 1) * 4 > h->memo_cap * 3) { /* at most 3/4 full */
        size_t cap = h->memo_cap ? h->memo_cap * 2 : 64;
        struct memo_entry **old = h->memo;
        size_t old_cap = h->memo_cap;
        h->memo = lf_xcalloc(cap, sizeof(*h->memo));
        h->memo_cap = cap;
        for (size_t i = 0; i < old_cap; i++) {
            if (old[i])
                memo_put(h, old[i]);
        }
        free(old);
    }
    size_t slot = memo_slot(h, hash, lang, w, n);
    if (h->memo[slot])
        return;
    struct memo_entry *e = lf_xcalloc(1, sizeof(*e) + n + (n + 7) / 8);
    e->hash = hash;
    e->round = h->round;
    e->lang = (uint16_t)lang;
    e->len = (uint16_t)n;
    memcpy(e->data, w, n);
    for (size_t i = 0; i < n; i++)
        if (marks[i] & 1)
            e->data[n + i / 8] |= (unsigned char)(1u << (i % 8));
    h->memo[slot] = e;
    h->memo_n++;
}

/* The points of the letters u[a..b) (no signs inside) in langs[lang],
 * into after: from the memo, else from the patterns (then kept in the
 * memo). Patterns released: read again (impatient: in the background,
 * the word has no points until they are adopted). The lock is held. */
static bool run_points_locked(struct lf_hyphenator *h, size_t lang, const unsigned char *u,
                              size_t a, size_t b, bool *after)
{
    if (b - a < LF_HYPHEN_LEFT_MIN + LF_HYPHEN_RIGHT_MIN)
        return false;
    char w[LF_MAX_HYPHEN_WORD + 1], marks[LF_MAX_HYPHEN_WORD + 5];
    size_t n = b - a;
    memcpy(w, u + a, n);
    w[n] = '\0';
    lower(w, n);
    uint32_t hash = memo_hash(lang, w, n);
    if (!memo_find(h, hash, lang, w, n, marks)) {
        struct hyphen_lang *l = &h->langs[lang];
        if (l->released && !l->loading && !l->pending) {
            h->reloads++;
            lf_debug("hyphenation: the '%s' patterns are read again (a word not in the memo)",
                     l->primary);
            request_load_locked(h, lang); /* patient: read by now */
        }
        if (l->loading || !l->dict)
            return false;
        pattern_marks(l->dict, w, n, marks);
        memo_add(h, hash, lang, w, n, marks);
    }
    bool any = false;
    for (size_t i = 0; i + 1 < n; i++) {
        if ((marks[i] & 1) && (u[a + i + 1] & 0xC0) != 0x80) {
            after[a + i] = true;
            any = true;
        }
    }
    return any;
}

bool lf_hyphen_points(struct lf_hyphenator *h, const char *lang, const char *word, size_t len,
                      bool *after)
{
    memset(after, 0, len);
    if (!h || !lang)
        return false;
    const unsigned char *u = (const unsigned char *)word;
    /* the letters: from the first letter to the last */
    size_t a = 0, b = len;
    while (a < len && !letter_at(u + a))
        a += cp_len(u[a]);
    while (b > a) {
        size_t k = b - 1;
        while (k > a && (u[k] & 0xC0) == 0x80)
            k--;
        if (letter_at(u + k))
            break;
        b = k;
    }
    if (b <= a || b - a > LF_MAX_HYPHEN_WORD)
        return false;
    for (size_t i = a; i < b; i += cp_len(u[i]))
        if (!letter_at(u + i) && !gender_sign(u, i, a, b))
            return false; /* digits or signs inside: a code, not a word */
    /* a Latin word in a text of another script is most often a German
     * name (of a street, an office): broken as German, not by letter (the
     * language's own patterns know none of its letters) */
    const char *as = latin_word(word + a, b - a) && non_latin_lang(lang)
                         ? LF_HYPHEN_LATIN_IN_OTHER_SCRIPT
                         : lang;
    pthread_mutex_lock(&h->lock);
    size_t slot = lang_slot_locked(h, as);
    /* a language without patterns: none (a released one's words may be
     * in the memo) */
    bool none = slot == SIZE_MAX || (!h->langs[slot].dict && !h->langs[slot].released);
    /* each part between gender signs on its own */
    bool any = false;
    for (size_t p = a; !none && p < b;) {
        size_t q = p;
        while (q < b && !gender_sign(u, q, a, b))
            q += cp_len(u[q]);
        any |= run_points_locked(h, slot, u, p, q, after);
        p = q + 1;
    }
    pthread_mutex_unlock(&h->lock);
    return any;
}
