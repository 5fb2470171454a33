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
#include "layout/phrases.h"

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

static void print_summary(const char *dir, const struct lf_bundle *b, size_t warnings)
{
    size_t n[4] = {0};
    for (size_t i = 0; i < b->n_items; i++) {
        if ((size_t)b->items[i].kind < 4)
            n[b->items[i].kind]++;
    }
    printf("%s: valid, %zu %s (%zu %s, %zu %s, %zu %s, %zu %s), languages:", dir, b->n_items,
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
    if (b)
        lf_phrases_check(b, d); /* the kiosk's own words: overrides, and what is missing */
    lf_cli_print_diags(d);
    size_t errors = lf_diags_errors(d);
    size_t warnings = lf_diags_count(d) - errors;
    int status = EXIT_SUCCESS;
    if (b) {
        print_summary(dir, b, warnings);
    } else {
        fprintf(stderr, "litfass validate: %s: not valid, %zu %s, %zu %s\n", dir, errors,
                lf_cli_plural(errors, "error", "errors"), warnings, lf_cli_plural(warnings, "warning", "warnings"));
        status = EXIT_FAILURE;
    }
    if (key && !validate_signed(dir, key, b))
        status = EXIT_FAILURE;
    lf_bundle_destroy(b);
    lf_diags_destroy(d);
    return status;
}
