/* `litfass validate`: every problem of a bundle, and what a kiosk would say of its signature. */
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "cli/cli.h"
#include "content/bundle.h"
#include "content/signature.h"
#include "core/diag.h"
#include "content/json_locate.h"
#include "core/limits.h"
#include "layout/phrases.h"
#include "layout/qr_payload.h"
#include "render/font_coverage.h"

static const char validate_usage[] =
    "usage: litfass validate DIR [--key NAME.pub]\n"
    "\n"
    "Checks the content bundle in DIR (content.json and the images it names) and\n"
    "lists every problem as FILE:LINE:COLUMN: field: message. Exit 0 when the\n"
    "bundle is valid (warnings allowed), 1 when it has errors.\n"
    "\n"
    "  --key NAME.pub  also check it as a kiosk trusting this key would: the\n"
    "                  signature (content.json.sig), serial, created, expires\n"
    "  --help          this text\n";

/* Item ids named per language in validate's translation summary. */
#define VALIDATE_LIST_MAX 5

/* key: the --key file whose check failed (NULL: none given, or it passed):
 * then the summary says the bundle is NOT valid and names the key file. */
static void print_summary(const char *dir, const struct lf_bundle *b, size_t warnings,
                          const char *failed_key)
{
    size_t n[4] = {0};
    for (size_t i = 0; i < b->n_items; i++) {
        if ((size_t)b->items[i].kind < 4)
            n[b->items[i].kind]++;
    }
    if (failed_key)
        printf("%s: NOT valid: the check with key %s failed (see above); its content: ", dir,
               failed_key);
    else
        printf("%s: valid, ", dir);
    printf("%zu %s (%zu %s, %zu %s, %zu %s, %zu %s), languages:", b->n_items,
           lf_cli_plural(b->n_items, "item", "items"), n[LF_ITEM_EVENT],
           lf_cli_plural(n[LF_ITEM_EVENT], "event", "events"), n[LF_ITEM_OFFER],
           lf_cli_plural(n[LF_ITEM_OFFER], "offer", "offers"), n[LF_ITEM_CONTACT],
           lf_cli_plural(n[LF_ITEM_CONTACT], "contact", "contacts"), n[LF_ITEM_NOTICE],
           lf_cli_plural(n[LF_ITEM_NOTICE], "notice", "notices"));
    for (size_t i = 0; i < b->n_languages; i++)
        printf(" %s", b->languages[i]);
    printf(", %zu %s\n", warnings, lf_cli_plural(warnings, "warning", "warnings"));
    /* what the editor wrote but a visitor will not see */
    if (b->n_ignored > 0) {
        printf("  NOT SHOWN: %zu %s the format does not know, so the kiosk leaves %s out:",
               b->n_ignored, lf_cli_plural(b->n_ignored, "field", "fields"),
               b->n_ignored == 1 ? "it" : "them");
        for (size_t i = 0; i < b->n_ignored; i++)
            printf("%s %s", i ? "," : "", b->ignored[i]);
        printf("\n");
    }
    /* what a visitor choosing each language sees in German */
    for (size_t l = 0; l < b->n_languages; l++) {
        const char *lang = b->languages[l];
        if (strncasecmp(lang, LF_FALLBACK_LANG, 2) == 0)
            continue; /* German and Leichte Sprache: standard German is the intended rest */
        size_t done = 0, listed = 0;
        for (size_t i = 0; i < b->n_items; i++)
            done += lf_item_translated(&b->items[i], lang);
        if (done == b->n_items) {
            printf("  %s: all %zu items translated\n", lang, b->n_items);
            continue;
        }
        printf("  %s: %zu of %zu items translated; German shows for some text of:", lang, done,
               b->n_items);
        for (size_t i = 0; i < b->n_items; i++) {
            if (lf_item_translated(&b->items[i], lang))
                continue;
            if (listed++ == VALIDATE_LIST_MAX) {
                printf(" ...");
                break;
            }
            printf(" %s", b->items[i].id);
        }
        printf("\n");
    }
}

/* What a kiosk trusting `pub_path` would say about the signed bundle in
 * dir: prints each check; false when a kiosk would refuse it. */
static bool validate_signed(const char *dir, const char *pub_path, const struct lf_bundle *b)
{
    char err[LF_SIGN_ERROR_BYTES], id[LF_KEY_ID_HEX + 1];
    struct lf_keyring ring = {.n = 1};
    if (!lf_public_key_load(pub_path, &ring.keys[0], err, sizeof(err))) {
        fprintf(stderr, "litfass validate: %s\n", err);
        return false;
    }
    if (!lf_verify_bundle_dir(dir, &ring, id, err, sizeof(err))) {
        fprintf(stderr, "litfass validate: signature: %s\n", err);
        return false;
    }
    printf("signature: good, key %s\n", id);
    if (!b)
        return false;
    char created[32], expires[32];
    if (b->serial)
        printf("serial: %lld\n", b->serial);
    if (b->has_created)
        printf("created: %s\n", lf_sign_format_time(b->created, created, sizeof(created)));
    if (b->has_expires) {
        time_t now = time(NULL);
        long long days = ((long long)b->expires - (long long)now) / 86400;
        printf("expires: %s (%s)\n", lf_sign_format_time(b->expires, expires, sizeof(expires)),
               now >= b->expires ? "expired" : days >= 1 ? "valid" : "valid for less than a day");
    }
    printf("files: %zu listed, each matches its size and SHA-256\n", b->n_files);
    if (!b->files_listed) {
        fprintf(stderr, "litfass validate: no \"files\" list: a kiosk refuses to download it "
                        "(`litfass sign` writes it)\n");
        return false;
    }
    if (!lf_bundle_fresh(b, 0, 0, time(NULL), NULL, err, sizeof(err))) {
        fprintf(stderr, "litfass validate: %s\n", err);
        return false;
    }
    printf("a kiosk with this key installs it when its installed serial is below %lld\n",
           b->serial);
    return true;
}

/* ---- characters no installed font draws ---- */

struct font_check {
    const char *file;   /* content.json, for diagnostics */
    char *text;         /* its bytes, to find positions (NULL: none) */
    size_t len;
    struct lf_diags *diags;
};

/* Warns when some character of `utf8` has no glyph in any installed font:
 * the visitor would see an empty box. Names the first such character,
 * its script and the Debian package that brings a font for it. */
static void check_drawable(const struct font_check *fc, const char *path, const char *what,
                           const char *utf8)
{
    size_t len = strlen(utf8), i = 0, missing = 0;
    uint32_t first = 0;
    while (i < len) {
        uint32_t c = lf_utf8_next(utf8, len, &i);
        if (!lf_font_can_draw(c)) {
            if (!missing)
                first = c;
            missing++;
        }
    }
    if (!missing)
        return;
    struct lf_json_pos pos = {0, 0, 0};
    if (fc->text)
        (void)lf_json_locate(fc->text, fc->len, path, LF_JSON_AT_VALUE, &pos);
    char ch[8] = "";
    size_t n = 0;
    if (first >= 0x20) { /* the character itself, UTF-8 */
        if (first < 0x80) {
            ch[n++] = (char)first;
        } else if (first < 0x800) {
            ch[n++] = (char)(0xC0 | first >> 6);
            ch[n++] = (char)(0x80 | (first & 0x3F));
        } else if (first < 0x10000) {
            ch[n++] = (char)(0xE0 | first >> 12);
            ch[n++] = (char)(0x80 | ((first >> 6) & 0x3F));
            ch[n++] = (char)(0x80 | (first & 0x3F));
        } else {
            ch[n++] = (char)(0xF0 | first >> 18);
            ch[n++] = (char)(0x80 | ((first >> 12) & 0x3F));
            ch[n++] = (char)(0x80 | ((first >> 6) & 0x3F));
            ch[n++] = (char)(0x80 | (first & 0x3F));
        }
    }
    ch[n] = '\0';
    const char *package = lf_font_package_for(first);
    lf_diags_add(fc->diags, LF_DIAG_WARNING, fc->file, pos.line, pos.column, path,
                 "%s: no font installed here draws U+%04X \"%s\" (%s)%s: it shows as an empty "
                 "box; %s%s",
                 what, (unsigned)first, ch, lf_font_script_name(first),
                 missing > 1 ? " and other characters" : "",
                 package ? "install the Debian package " : "it is a private-use or unassigned "
                                                           "character that no font has: remove it",
                 package ? package : "");
}

static void check_text(const struct font_check *fc, const char *path, const char *what,
                       const struct lf_text *t)
{
    for (size_t i = 0; i < t->n; i++) {
        char sub[512];
        snprintf(sub, sizeof(sub), "%s.%s", path, t->tr[i].lang);
        check_drawable(fc, sub, what, t->tr[i].text);
    }
}

/* Every item with a web address, e-mail or phone number carries a QR code
 * (a contact a vCard): one whose link or vCard is longer than a code a
 * phone reads from the screen (LF_MAX_QR_PAYLOAD) lost its code with no
 * word said. Warns naming the field that makes it long. */
static void check_qr_codes(const struct font_check *fc, const struct lf_bundle *b)
{
    for (size_t i = 0; i < b->n_items; i++) {
        const struct lf_item *it = &b->items[i];
        bool contact = it->kind == LF_ITEM_CONTACT;
        if (it->kind == LF_ITEM_NOTICE ||
            !(it->url || it->email || it->phone || (contact && it->address)))
            continue;
        const char *lang = NULL;
        char payload[LF_MAX_QR_PAYLOAD + 1];
        for (size_t l = 0; l <= b->n_languages && !lang; l++) {
            const char *tag = l < b->n_languages ? b->languages[l] : b->default_lang;
            if (!lf_qr_payload(it, tag, payload, sizeof(payload)))
                lang = tag;
        }
        if (!lang)
            continue;
        const char *field = it->url ? "url" : it->email ? "email" : "phone";
        char path[256];
        if (contact) /* the vCard: every field of the contact counts */
            snprintf(path, sizeof(path), "items[%zu]", i);
        else
            snprintf(path, sizeof(path), "items[%zu].%s", i, field);
        struct lf_json_pos pos = {0, 0, 0};
        if (fc->text)
            (void)lf_json_locate(fc->text, fc->len, path, LF_JSON_AT_VALUE, &pos);
        if (contact)
            lf_diags_add(fc->diags, LF_DIAG_WARNING, fc->file, pos.line, pos.column, path,
                         "the contact's QR code (a vCard of its name, unit, role, phone, e-mail, "
                         "web address and address, in %s) would be longer than %d bytes: the "
                         "slide shows none; shorten the longest of these fields",
                         lang, LF_MAX_QR_PAYLOAD);
        else if (!it->url && !it->email && !strpbrk(it->phone, "0123456789"))
            lf_diags_add(fc->diags, LF_DIAG_WARNING, fc->file, pos.line, pos.column, path,
                         "no number in it: the slide shows it as text only, without a QR code "
                         "to dial it");
        else
            lf_diags_add(fc->diags, LF_DIAG_WARNING, fc->file, pos.line, pos.column, path,
                         "longer than a QR code a phone reads from the screen (%d bytes at most): "
                         "the slide shows it as text only, without a code; use a shorter %s",
                         LF_MAX_QR_PAYLOAD, it->url ? "link" : it->email ? "address" : "number");
    }
}

static void check_fonts(const char *dir, const struct lf_bundle *b, struct lf_diags *d)
{
    char file[4096];
    size_t dl = strlen(dir);
    snprintf(file, sizeof(file), "%s%scontent.json", dir, dl && dir[dl - 1] == '/' ? "" : "/");
    struct font_check fc = {file, NULL, 0, d};
    FILE *f = fopen(file, "rb");
    if (f) {
        fc.text = malloc(LF_MAX_MANIFEST_BYTES + 1);
        if (fc.text)
            fc.len = fread(fc.text, 1, LF_MAX_MANIFEST_BYTES, f);
        fclose(f);
    }
    check_text(&fc, "organisation", "the organisation", &b->organisation);
    for (size_t i = 0; i < b->n_items; i++) {
        const struct lf_item *it = &b->items[i];
        char what[160], path[256];
        snprintf(what, sizeof(what), "item \"%s\"", it->id);
        const struct {
            const char *name;
            const struct lf_text *t;
        } fields[] = {
            {"title", &it->title},
            {it->kind == LF_ITEM_NOTICE ? "message" : "description", &it->summary},
            {"place", &it->place}, {"room", &it->room}, {"organiser", &it->organiser},
            {"registration", &it->registration}, {"provider", &it->provider},
            {"audience", &it->audience}, {"role", &it->role}, {"unit", &it->unit},
            {"hours.note", &it->hours.note},
        };
        for (size_t k = 0; k < sizeof(fields) / sizeof(fields[0]); k++) {
            snprintf(path, sizeof(path), "items[%zu].%s", i, fields[k].name);
            check_text(&fc, path, what, fields[k].t);
        }
        for (size_t k = 0; k < it->n_tags; k++) {
            snprintf(path, sizeof(path), "items[%zu].tags[%zu]", i, k);
            check_text(&fc, path, what, &it->tags[k]);
        }
        if (it->address) {
            snprintf(path, sizeof(path), "items[%zu].address", i);
            check_drawable(&fc, path, what, it->address);
        }
    }
    check_qr_codes(&fc, b);
    for (size_t i = 0; i < b->n_phrases; i++) {
        char path[256];
        snprintf(path, sizeof(path), "phrases.%s.%s", b->phrases[i].lang, b->phrases[i].key);
        check_drawable(&fc, path, "the kiosk's word", b->phrases[i].text);
    }
    /* the names on the language buttons, and the words and dates the
     * kiosk writes in each language */
    for (size_t l = 0; l < b->n_languages; l++) {
        const char *lang = b->languages[l];
        char what[160];
        snprintf(what, sizeof(what), "the %s button and words (%s)", lang, lf_lang_endonym(lang));
        char all[8192];
        size_t used = (size_t)snprintf(all, sizeof(all), "%s", lf_lang_endonym(lang));
        for (int p = 0; p < LF_P_COUNT && used < sizeof(all); p++)
            used += (size_t)snprintf(all + used, sizeof(all) - used, " %s",
                                     lf_phrase(lang, (enum lf_phrase)p));
        char date[128];
        lf_format_date(lang, time(NULL), LF_DATE_LONG, date, sizeof(date));
        if (used < sizeof(all))
            snprintf(all + used, sizeof(all) - used, " %s", date);
        char path[64];
        snprintf(path, sizeof(path), "phrases.%s", lang);
        /* a tag CLDR has no name for ("hak", "und", "qaa") is shown bare
         * on its language button: visitors would not find their language */
        if (!lf_lang_known(lang))
            lf_diags_add(d, LF_DIAG_WARNING, file, 0, 0, path,
                         "no name is known for the language '%s' (CLDR has none): its button "
                         "shows the bare tag; check that the tag is the one meant",
                         lang);
        struct font_check nowhere = {file, NULL, 0, d};
        check_drawable(&nowhere, path, what, all);
    }
    free(fc.text);
}

int lf_tool_validate(int argc, char **argv)
{
    static const struct option options[] = {
        {"key", required_argument, NULL, OPT_KEY},
        {"help", no_argument, NULL, OPT_HELP},
        {0},
    };
    const char *key = NULL;
    int c;
    while ((c = getopt_long(argc, argv, ":h", options, NULL)) != -1) {
        switch (c) {
        case OPT_KEY:
            key = optarg;
            break;
        case OPT_HELP:
            fputs(validate_usage, stdout);
            return EXIT_SUCCESS;
        default:
            return lf_cli_option_error("validate", c, argv);
        }
    }
    if (optind >= argc)
        return lf_cli_usage_error("validate", "which bundle? name its folder: litfass validate DIR");
    if (argc - optind > 1)
        return lf_cli_usage_error("validate", "unexpected argument '%s'", argv[optind + 1]);
    const char *dir = argv[optind];

    struct lf_diags *d = lf_diags_create();
    struct lf_bundle *b = lf_bundle_load(dir, d);
    if (b) {
        lf_phrases_check(b, d); /* the kiosk's own words: overrides, and what is missing */
        check_fonts(dir, b, d); /* never a silent box */
        if (!lf_cli_check_images(dir, b, d)) { /* never a slide without its picture */
            lf_bundle_destroy(b);
            b = NULL;
        }
    }
    lf_cli_print_diags(d);
    size_t errors = lf_diags_errors(d);
    size_t warnings = lf_diags_count(d) - errors;
    int status = EXIT_SUCCESS;
    /* the key check first, so the summary line never says valid after it failed */
    bool key_ok = !key || validate_signed(dir, key, b);
    if (!key_ok)
        status = EXIT_FAILURE;
    if (b) {
        print_summary(dir, b, warnings, key_ok ? NULL : key);
    } else {
        fprintf(stderr, "litfass validate: %s: not valid, %zu %s, %zu %s\n", dir, errors,
                lf_cli_plural(errors, "error", "errors"), warnings, lf_cli_plural(warnings, "warning", "warnings"));
        status = EXIT_FAILURE;
    }
    lf_bundle_destroy(b);
    lf_diags_destroy(d);
    return status;
}
