/* The content bundle: what a KI publishes and the kiosk shows.
 *
 * A bundle is a folder with a manifest, content.json, and the image files
 * it names (format: docs/content-format.md). lf_bundle_load() reads and
 * validates the whole folder before anything is returned: a bundle with
 * any error is never handed out, so the screen never shows half a bundle.
 *
 * The model is plain data, read-only after loading. Invariants are written
 * next to the fields. Every text a visitor reads is an lf_text: the same
 * text in several languages, German ("de") always present.
 *
 * Owner: lf_bundle_load() returns a bundle that the caller frees with
 * lf_bundle_destroy(). Pure C: no SDL, no curl. Any thread, one at a time. */
#ifndef LF_CONTENT_BUNDLE_H
#define LF_CONTENT_BUNDLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "core/diag.h"
#include "core/limits.h"
#include "core/log.h"

#define LF_MANIFEST_NAME "content.json"
#define LF_FALLBACK_LANG "de"

/* Slide time an item may ask for ("duration"), in seconds. */
#define LF_MAX_SLIDE_SECONDS 300
/* Diagnostics listed per manifest; any beyond are counted in one last
 * entry (keeps `litfass validate` fast and readable on a broken file). */
#define LF_MAX_BUNDLE_DIAGS 200

/* The byte order mark Windows editors put before UTF-8 text: skipped. */
#define LF_UTF8_BOM "\xEF\xBB\xBF"
#define LF_UTF8_BOM_BYTES 3

struct lf_translation {
    char lang[LF_MAX_LANG_TAG + 1]; /* BCP 47 tag as written, e.g. "de", "ar", "de-x-ls" */
    char *text;                     /* valid UTF-8, non-empty */
};

/* A text in several languages. n == 0 means the field was absent.
 * When n > 0, one translation has lang "de". */
struct lf_text {
    size_t n;
    struct lf_translation *tr;
};

/* The text for `lang`, else German. NULL when the field is absent.
 * *is_fallback (may be NULL) is set when German stands in for `lang`.
 * A tag matches its primary language too ("de-x-ls" falls back to "de"
 * only through the German rule; "en-GB" asks for "en-GB" then "en"). */
const char *lf_text_get(const struct lf_text *t, const char *lang, bool *is_fallback);
bool lf_text_present(const struct lf_text *t);

/* One range of consultation hours: on the weekdays in `weekdays`
 * (bit 0 = Monday ... bit 6 = Sunday), from `from_min` to `to_min`
 * minutes after midnight, wall-clock time Europe/Berlin.
 * 0 <= from_min < to_min <= 1440. */
struct lf_hours_range {
    uint8_t weekdays;
    int16_t from_min;
    int16_t to_min;
};

struct lf_opening_hours {
    size_t n;                                          /* 0: none given */
    struct lf_hours_range ranges[LF_MAX_HOURS_RANGES];
    struct lf_text note;                               /* e.g. "and by appointment" */
};

enum lf_item_kind {
    LF_ITEM_EVENT,
    LF_ITEM_OFFER,
    LF_ITEM_CONTACT,
    LF_ITEM_NOTICE,
};

enum lf_recurrence {
    LF_RECUR_NONE,
    LF_RECUR_YEARLY, /* same wall-clock date and time every year */
};

/* One item. Which fields apply depends on the kind (see the comments);
 * an absent text has n == 0, an absent string is NULL. */
struct lf_item {
    enum lf_item_kind kind;
    char *id;               /* unique in the bundle, [a-z0-9-_], <= LF_MAX_ID_BYTES */

    /* all kinds */
    struct lf_text title;   /* event title / offer name / contact name / notice headline; required */
    struct lf_text summary; /* event description / what the offer is / contact: about / notice message */
    char *image;            /* file name relative to the bundle folder, or NULL; file exists */
    int duration_s;         /* slide time override in seconds, 0 = automatic */

    /* event */
    time_t start, end;      /* first occurrence; end > start */
    bool all_day;           /* start and end were dates alone: start is local midnight of
                               the first day, end the midnight after the last day */
    enum lf_recurrence recurrence;
    bool cancelled;        /* "cancelled": announced, but it does not take place */
    struct lf_text place;   /* venue name, e.g. "Volkshochschule" */
    char *address;          /* postal address, e.g. "Aegidiimarkt 3, 48143 Münster" */
    struct lf_text room;    /* e.g. "VHS Raum 104" */
    struct lf_text organiser;
    struct lf_text registration; /* how to register; absent = no registration needed */
    struct lf_text tags[LF_MAX_TAGS];
    size_t n_tags;

    /* offer (and contact: role/unit) */
    struct lf_text provider;  /* offer: who runs it */
    struct lf_text audience;  /* offer: for whom */
    char *languages[LF_MAX_SPOKEN_LANGUAGES]; /* offer: BCP 47 tags spoken by counsellors */
    size_t n_languages;

    /* contact */
    struct lf_text role;      /* e.g. "Beratung Migrantenorganisationen" */
    struct lf_text unit;      /* e.g. "Kommunales Integrationszentrum" */

    /* offer and contact (event: url/phone/email for registration) */
    char *phone;              /* as written, e.g. "0251 492-7077" */
    char *email;
    char *url;
    struct lf_opening_hours hours;

    /* notice */
    time_t valid_from, valid_until; /* shown while valid_from <= now < valid_until */
    int priority;             /* 0 normal .. 2; LF_NOTICE_URGENT takes over the screen */
};

/* Whether every text a visitor reads of `it` has its own translation in
 * `lang` (no German standing in). German itself always has. */
bool lf_item_translated(const struct lf_item *it, const char *lang);

#define LF_NOTICE_URGENT 2

/* SHA-256 written as lowercase hex digits. */
#define LF_SHA256_HEX 64

/* One file of the bundle as its optional "files" list names it, so a
 * kiosk downloads only what changed and checks what it got. */
struct lf_bundle_file {
    char *path;                       /* relative, no "..", "." or empty parts, not content.json */
    uint64_t size;                    /* bytes, <= LF_MAX_IMAGE_BYTES */
    char sha256[LF_SHA256_HEX + 1];   /* 64 lowercase hex digits */
};

/* One entry of content.json's "phrases" section: the kiosk's own word
 * `key` ("where", "open_now", ...) in `lang`, correcting or adding to the
 * built-in words (layout/phrases.h checks keys and placeholders). */
struct lf_bundle_phrase {
    char lang[LF_MAX_LANG_TAG + 1]; /* BCP 47 tag as written */
    char *key;
    char *text;
    int line, column;               /* of the text in content.json */
};

struct lf_bundle {
    char *dir;                  /* the folder it was loaded from; NULL when parsed
                                   from memory without a folder */
    char *title;                /* organisation shown in the header (German) */
    struct lf_text organisation;/* organisation name, translated */
    char *version;              /* free-form publisher version, may be NULL */
    bool sample;                /* the bundle says it is sample data */
    char *default_lang;         /* carousel language, "de" unless the bundle says otherwise */
    char *languages[LF_MAX_TRANSLATIONS]; /* every language any text has, "de" first */
    size_t n_languages;
    struct lf_bundle_phrase *phrases; /* "phrases", in manifest order */
    size_t n_phrases;
    struct lf_item *items;      /* in manifest order */
    size_t n_items;
    char **ignored;             /* fields not shown because the format does not know them,
                                   as paths with the likely meant name: "items[3].organizer
                                   (organiser?)"; at most LF_MAX_BUNDLE_DIAGS */
    size_t n_ignored;
    bool files_listed;          /* the manifest has a "files" list (required for sync);
                                   then every item's image is in it, and when loaded
                                   from a folder every file matches its size and hash */
    struct lf_bundle_file *files; /* in manifest order, paths unique */
    size_t n_files;
    /* signed bundles (issue 5; written by `litfass sign`, optional otherwise) */
    long long serial;           /* "serial", 1..LF_MAX_BUNDLE_SERIAL, only grows; 0 = absent */
    bool has_created, has_expires;
    time_t created, expires;    /* "created" / "expires"; expires > created when both */
};

/* Loads and validates `dir`/content.json and the files it names. Every
 * problem is added to `diags` (file:line:column, field path); unknown
 * fields are warnings. Returns NULL when there is any error. */
struct lf_bundle *lf_bundle_load(const char *dir, struct lf_diags *diags) LF_MUST_CHECK;

/* Same, from manifest bytes in memory; `file_name` is used in diagnostics,
 * `dir` to check image files (NULL: images are not checked). */
struct lf_bundle *lf_bundle_parse(const char *json, size_t len, const char *file_name,
                                  const char *dir, struct lf_diags *diags) LF_MUST_CHECK;

void lf_bundle_destroy(struct lf_bundle *b);

/* `litfass pack`: validates the bundle in `dir` (ignoring any old "files"
 * list) and writes into its content.json a "files" list of every file the
 * items name, with size and SHA-256; everything else is kept in its order
 * (re-serialised with two-space indentation). Written durably. Problems
 * go to `diags`; false leaves content.json as it was. *n_files (may be
 * NULL) receives the number of files listed. */
bool lf_bundle_pack(const char *dir, struct lf_diags *diags, size_t *n_files) LF_MUST_CHECK;

/* What `litfass sign` writes into the manifest besides the files list. */
struct lf_bundle_stamp {
    long long serial;  /* 1..LF_MAX_BUNDLE_SERIAL */
    time_t created, expires;
};

/* lf_bundle_pack that also sets "serial", "created" and "expires" (UTC,
 * "2026-11-23T09:00:00Z") from `stamp`, in the same durable write. */
bool lf_bundle_pack_stamped(const char *dir, const struct lf_bundle_stamp *stamp,
                            struct lf_diags *diags, size_t *n_files) LF_MUST_CHECK;

/* Whether DIR/NAME may be written by pack or sign: not a symbolic link,
 * or one that leads to a file inside DIR. A link out of the folder (a
 * folder received from someone else: content.json -> ~/.ssh/authorized_keys)
 * would have the signer's rights replace that file; then false, and
 * `why` says "is a symbolic link to /x/y, outside the bundle folder". */
bool lf_bundle_file_writable(const char *dir, const char *name, char *why, size_t size)
    LF_MUST_CHECK;

/* SHA-256 of a regular file as lowercase hex (hex: LF_SHA256_HEX + 1
 * bytes) and its size. False with errno set when it cannot be read. */
/* Folders above a file named by a bundle-relative path ("images/a.png": 1);
 * at most LF_MAX_PATH_DEPTH is accepted anywhere. */
size_t lf_path_depth(const char *path);

/* What the bundle's "url" and "email" take, for those who make items
 * (the calendar import): NULL when s is one, else why not (a static
 * English text). An address holding a zero-width space or a direction
 * control is none: it would show as one address and lead to another. */
const char *lf_bundle_url_fault(const char *s);
const char *lf_bundle_email_fault(const char *s);
/* Whether a text would show nothing: only spaces and invisible characters
 * (the bundle refuses such a text). */
bool lf_bundle_text_shows_nothing(const char *s);

bool lf_file_sha256(const char *path, char *hex, uint64_t *size) LF_MUST_CHECK;

const char *lf_item_kind_name(enum lf_item_kind kind);

/* True when `field` (a JSON key, "title") is a text an item of kind
 * `kind` ("event", the JSON name) must have: a text that is blank (only
 * white space or invisible characters) is then as good as missing. */
bool lf_item_text_required(const char *kind, const char *field);

#endif
