/* `litfass sign`: pack, stamp and sign a bundle for publishing. */
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli/cli.h"
#include "content/bundle.h"
#include "content/signature.h"
#include "core/civil_time.h"
#include "core/diag.h"
#include "core/limits.h"
#include "core/small_file.h"
#include "core/xalloc.h"

static const char sign_usage[] =
    "usage: litfass sign DIR --key NAME.key [--valid-days N] [--serial N] [--now TIME]\n"
    "\n"
    "Packs the bundle in DIR (as `litfass pack`), writes into content.json a serial\n"
    "number (one higher than before), the time of signing (created) and an expiry\n"
    "time (expires), and then the signature of content.json into\n"
    "content.json.sig. Publish both files with the images. Kiosks refuse a bundle\n"
    "that is not signed by a trusted key, is older than what they have, or expired.\n"
    "\n"
    "  --key NAME.key  the secret key (from `litfass keygen`); required\n"
    "  --valid-days N  days until it expires, 1..3650 (default 30); sign again\n"
    "                  before then, even when nothing changed\n"
    "  --serial N      this serial instead of the next one (higher than the bundle's)\n"
    "  --now TIME      sign as at this moment, e.g. 2026-11-23T10:00Z (for tests)\n"
    "  --help          this text\n";

#define SIGN_DEFAULT_VALID_DAYS 30

/* Every picture decodes (lf_cli_check_images), checked before anything is
 * written: a damaged one is never signed, and an old signature beside it
 * is removed (it would be published with pictures it did not sign). True
 * also when the bundle has other errors: lf_bundle_sign lists those. */
static bool pictures_decode(const char *dir, struct lf_diags *d, char *err, size_t size)
{
    struct lf_diags *quiet = lf_diags_create();
    char *file = lf_xasprintf("%s/%s", dir, LF_MANIFEST_NAME);
    char *text = NULL;
    size_t len = 0;
    struct stat st;
    /* a manifest that cannot be read (a FIFO too: never waited on) is
     * lf_bundle_sign's to report */
    struct lf_bundle *b =
        lf_read_small_file(file, LF_MAX_MANIFEST_BYTES, &text, &len, &st) == LF_SMALL_FILE_OK
            ? lf_bundle_parse(text, len, file, dir, quiet)
            : NULL;
    bool ok = !b || lf_cli_check_images(dir, b, d);
    if (!ok)
        snprintf(err, size, "%s: not signed: a picture cannot be decoded%s", dir,
                 lf_signature_remove_old(dir) ? " (its old " LF_SIGNATURE_NAME " is removed: it "
                                                "no longer belongs to the bundle)"
                                              : "");
    lf_bundle_destroy(b);
    free(text);
    free(file);
    lf_diags_destroy(quiet);
    return ok;
}

int lf_tool_sign(int argc, char **argv)
{
    static const struct option options[] = {
        {"key", required_argument, NULL, OPT_KEY},
        {"valid-days", required_argument, NULL, OPT_VALID_DAYS},
        {"serial", required_argument, NULL, OPT_SERIAL},
        {"now", required_argument, NULL, OPT_NOW},
        {"help", no_argument, NULL, OPT_HELP},
        {0},
    };
    const char *key_path = NULL;
    time_t now = time(NULL);
    bool now_given = false;
    long long days = SIGN_DEFAULT_VALID_DAYS, serial = 0;
    int c;
    while ((c = getopt_long(argc, argv, ":h", options, NULL)) != -1) {
        switch (c) {
        case OPT_KEY:
            key_path = optarg;
            break;
        case OPT_VALID_DAYS:
            if (!lf_cli_parse_count(optarg, 1, LF_MAX_VALID_DAYS, &days))
                return lf_cli_usage_error("sign", "bad --valid-days '%s': a number of days, 1..%d",
                                   optarg, LF_MAX_VALID_DAYS);
            break;
        case OPT_SERIAL:
            if (!lf_cli_parse_count(optarg, 1, LF_MAX_BUNDLE_SERIAL, &serial))
                return lf_cli_usage_error("sign", "bad --serial '%s': a whole number, 1..%lld", optarg,
                                   LF_MAX_BUNDLE_SERIAL);
            break;
        case OPT_NOW:
            now_given = true;
            if (!lf_parse_datetime(optarg, &now))
                return lf_cli_usage_error("sign", "bad --now '%s': expected a date and time such as "
                                           "2026-11-23T10:00Z", optarg);
            break;
        case OPT_HELP:
            fputs(sign_usage, stdout);
            return EXIT_SUCCESS;
        default:
            return lf_cli_option_error("sign", c, argv);
        }
    }
    if (optind >= argc)
        return lf_cli_usage_error("sign", "which bundle? name its folder: litfass sign DIR --key NAME.key");
    if (argc - optind > 1)
        return lf_cli_usage_error("sign", "unexpected argument '%s'", argv[optind + 1]);
    if (!key_path)
        return lf_cli_usage_error("sign", "--key NAME.key is required (make one with `litfass keygen`)");
    const char *dir = argv[optind];
    char err[LF_SIGN_ERROR_BYTES] = "";
    if (!now_given && !lf_sign_clock_plausible(now, err, sizeof(err))) {
        fprintf(stderr, "litfass sign: %s: not signed: %s\n", dir, err);
        return EXIT_FAILURE;
    }
    struct lf_secret_key key;
    if (!lf_secret_key_load(key_path, &key, err, sizeof(err))) {
        fprintf(stderr, "litfass sign: %s\n", err);
        return EXIT_FAILURE;
    }
    struct lf_diags *d = lf_diags_create();
    struct lf_bundle_stamp stamp;
    bool ok = pictures_decode(dir, d, err, sizeof(err)) &&
              lf_bundle_sign(dir, &key, (int)days, serial, now, d, &stamp, err, sizeof(err));
    lf_cli_print_diags(d);
    lf_diags_destroy(d);
    if (!ok) {
        fprintf(stderr, "litfass sign: %s\n", err);
        return EXIT_FAILURE;
    }
    char expires[32];
    printf("%s: signed with key %s: serial %lld, expires %s; publish content.json, %s and the "
           "images\n",
           dir, key.id, stamp.serial, lf_sign_format_time(stamp.expires, expires, sizeof(expires)),
           LF_SIGNATURE_NAME);
    return EXIT_SUCCESS;
}
