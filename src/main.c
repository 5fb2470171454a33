/* The `litfass` command: run the kiosk, preview a bundle to PNG files, or
 * validate a bundle. Only argument handling lives here; the work is done
 * by app/kiosk.h, app/preview.h and content/bundle.h.
 *
 * Exit codes: 0 ok, 1 invalid content or a failure at run time, 2 a usage
 * error (unknown option, bad --size or --now), always with a message that
 * names the problem. */
#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "app/config.h"
#include "app/kiosk.h"
#include "app/preview.h"
#include "layout/theme.h"
#include "content/bundle.h"
#include "content/signature.h"
#include "core/civil_time.h"
#include "core/diag.h"
#include "core/limits.h"
#include "core/log.h"
#include "sync/store.h"
#include "sync/sync.h"

#define EXIT_USAGE 2

#define PREVIEW_DEFAULT_WIDTH  1920
#define PREVIEW_DEFAULT_HEIGHT 1080

static const char main_usage[] =
    "usage: litfass [run] [--config FILE] [--content DIR] [--windowed] [--size WxH] [--lang TAG]\n"
    "       litfass preview DIR --out OUTDIR [--size WxH] [--lang TAG] [--now ISO-8601]\n"
    "                           [--config FILE]\n"
    "       litfass validate DIR [--key NAME.pub]\n"
    "       litfass pack DIR\n"
    "       litfass keygen --out NAME\n"
    "       litfass sign DIR --key NAME.key [--valid-days N] [--serial N]\n"
    "       litfass sync --once [--config FILE] [--url URL] [--cache DIR] [--allow-http]\n"
    "       litfass --help | --version\n"
    "\n"
    "A full-screen information kiosk for the municipal integration centres:\n"
    "it cycles events, counselling offers, contacts and notices from a content\n"
    "bundle (a folder with content.json and its images).\n"
    "\n"
    "commands:\n"
    "  run       show the bundle full screen (the default command)\n"
    "  preview   render every slide of a bundle to PNG files, without a display\n"
    "  validate  check a bundle and list every problem in it\n"
    "  pack      write the \"files\" list (sizes, SHA-256) into a bundle before publishing\n"
    "  keygen    make a key pair for signing bundles\n"
    "  sign      pack and sign a bundle for publishing\n"
    "  sync      fetch the published bundle once and install it (headless)\n"
    "\n"
    "`litfass COMMAND --help` explains each command.\n"
    "Exit codes: 0 ok, 1 invalid content or failure, 2 usage error.\n";

static const char run_usage[] =
    "usage: litfass [run] [--config FILE] [--content DIR] [--windowed] [--size WxH] [--lang TAG]\n"
    "\n"
    "Shows the content bundle full screen until the admin key combination\n"
    "Ctrl+Alt+Shift+Q ends it.\n"
    "\n"
    "  --config FILE   read this config file; without it config/litfass.conf (in the\n"
    "                  current folder) or else /etc/litfass/litfass.conf is read if present\n"
    "  --content DIR   the content bundle folder (config: content.dir)\n"
    "  --windowed      open a window instead of going full screen (display.windowed)\n"
    "  --size WxH      window size, e.g. 1280x720 or 1080x1920 (display.width/height)\n"
    "  --lang TAG      carousel language, e.g. de, en, tr, ar (display.language)\n"
    "  --help          this text\n"
    "\n"
    "Options win over the config file. Config keys:\n";

static const char preview_usage[] =
    "usage: litfass preview DIR --out OUTDIR [--size WxH] [--lang TAG] [--now ISO-8601]\n"
    "                           [--theme standard|high-contrast] [--large-text] [--config FILE]\n"
    "\n"
    "Renders every slide of the bundle in DIR, in carousel order, to PNG files in\n"
    "OUTDIR (01-agenda.png, 02-event-....png, ...) without a display, and lists\n"
    "the files written. For checking a bundle before it goes on the kiosks.\n"
    "\n"
    "  --out OUTDIR    folder for the PNG files (created if missing); required\n"
    "  --size WxH      screen size in pixels, default 1920x1080; 1080x1920 for portrait\n"
    "  --lang TAG      language, e.g. de, en, tr, ar; default: the bundle's\n"
    "  --now TIME      render as at this moment, e.g. 2026-11-23T10:00 (Berlin time)\n"
    "                  or 2026-11-23T10:00:00+01:00; default: now\n"
    "  --theme NAME    colours: standard (default) or high-contrast\n"
    "  --large-text    all text 30 % larger, as with the on-screen switch\n"
    "  --config FILE   config file (as for `litfass run`)\n"
    "  --help          this text\n";

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

static const char keygen_usage[] =
    "usage: litfass keygen --out NAME\n"
    "\n"
    "Makes an Ed25519 key pair for signing bundles: NAME.key, the secret key\n"
    "(readable by you only; keep it off the web server and the kiosks), and\n"
    "NAME.pub, the public key. Prints the line for the kiosks' config\n"
    "([sync] trusted_keys). Never overwrites an existing file.\n"
    "\n"
    "  --out NAME      where to write NAME.key and NAME.pub (required)\n"
    "  --help          this text\n";

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

static const char pack_usage[] =
    "usage: litfass pack DIR\n"
    "\n"
    "Checks the bundle in DIR like `litfass validate`, then writes into its\n"
    "content.json a \"files\" list: every image the items name, with its size and\n"
    "SHA-256. Kiosks need the list to download only what changed and to check\n"
    "what they got; run it after every change, before publishing the folder.\n"
    "Everything else in content.json stays as it is (re-indented by two spaces).\n"
    "Exit 0 when written, 1 when the bundle has errors (nothing is written).\n"
    "\n"
    "  --help          this text\n";

static const char sync_usage[] =
    "usage: litfass sync --once [--config FILE] [--url URL] [--cache DIR] [--allow-http]\n"
    "\n"
    "Looks once for a new bundle at the configured address (config: sync.url) and\n"
    "installs it into the cache folder (sync.cache_dir), as a running kiosk does\n"
    "every sync.poll_seconds. Only a bundle signed with one of sync.trusted_keys\n"
    "(`litfass sign`), newer than any installed before and not expired is\n"
    "installed. Nothing is changed when anything goes wrong; the result is also\n"
    "written to status.json in the cache folder.\n"
    "Exit 0 when the installed bundle is the published one (installed now, or\n"
    "unchanged), 1 with the reason on stderr otherwise, 2 usage error.\n"
    "\n"
    "  --once          run one sync and exit (required)\n"
    "  --config FILE   config file (as for `litfass run`)\n"
    "  --url URL       address of the published content.json (sync.url)\n"
    "  --cache DIR     cache folder (sync.cache_dir)\n"
    "  --allow-http    also allow http:// (sync.allow_http)\n"
    "  --help          this text\n";

/* Prints "litfass CMD: message" and where to find help; returns EXIT_USAGE. */
static int usage_error(const char *cmd, const char *fmt, ...) LF_PRINTF(2, 3);
static int usage_error(const char *cmd, const char *fmt, ...)
{
    fprintf(stderr, "litfass %s: ", cmd);
    va_list ap;
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\nTry 'litfass %s --help'.\n", cmd);
    return EXIT_USAGE;
}

/* getopt_long's '?' and ':' cases, in our words. */
static int option_error(const char *cmd, int c, char **argv)
{
    const char *opt = argv[optind - 1];
    if (c == ':')
        return usage_error(cmd, "option '%s' needs a value", opt);
    if (strncmp(opt, "--", 2) == 0 || !optopt)
        return usage_error(cmd, "unknown option '%s'", opt);
    return usage_error(cmd, "unknown option '-%c'", optopt);
}

/* "WxH", both sides within LF_MIN_SCREEN_SIDE..LF_MAX_SCREEN_SIDE. */
static bool parse_size(const char *s, int *width, int *height)
{
    char *end;
    if (s[0] < '0' || s[0] > '9')
        return false;
    long w = strtol(s, &end, 10);
    if (*end != 'x' || end[1] < '0' || end[1] > '9')
        return false;
    long h = strtol(end + 1, &end, 10);
    if (*end != '\0')
        return false;
    if (w < LF_MIN_SCREEN_SIDE || w > LF_MAX_SCREEN_SIDE || h < LF_MIN_SCREEN_SIDE ||
        h > LF_MAX_SCREEN_SIDE)
        return false;
    *width = (int)w;
    *height = (int)h;
    return true;
}

static int bad_size(const char *cmd, const char *arg)
{
    return usage_error(cmd, "bad --size '%s': expected WIDTHxHEIGHT in pixels, each %d..%d",
                       arg, LF_MIN_SCREEN_SIDE, LF_MAX_SCREEN_SIDE);
}

static bool lang_tag_ok(const char *s)
{
    size_t n = strlen(s);
    if (n == 0 || n > LF_MAX_LANG_TAG || s[0] == '-')
        return false;
    for (size_t i = 0; i < n; i++) {
        char ch = s[i];
        if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
              ch == '-'))
            return false;
    }
    return true;
}

static int bad_lang(const char *cmd, const char *arg)
{
    return usage_error(cmd, "bad --lang '%s': expected a language tag such as de, en, tr, ar",
                       arg);
}

static void print_diags(const struct lf_diags *d)
{
    if (lf_diags_count(d) > 0)
        lf_diags_print(d, stderr);
}

/* The config: `path` if given (must exist), else the first of the usual
 * places that exists, else the defaults. Prints every diagnostic. */
static bool load_config(struct lf_config *cfg, const char *path)
{
    lf_config_defaults(cfg);
    if (!path) {
        if (access(LF_CONFIG_LOCAL_PATH, F_OK) == 0)
            path = LF_CONFIG_LOCAL_PATH;
        else if (access(LF_CONFIG_SYSTEM_PATH, F_OK) == 0)
            path = LF_CONFIG_SYSTEM_PATH;
        else
            return true;
    }
    struct lf_diags *d = lf_diags_create();
    bool ok = lf_config_load(cfg, path, d);
    print_diags(d);
    if (!ok)
        fprintf(stderr, "litfass: %s: %zu error%s in the config file\n", path,
                lf_diags_errors(d), lf_diags_errors(d) == 1 ? "" : "s");
    lf_diags_destroy(d);
    if (ok)
        lf_log_set_level((enum lf_log_level)cfg->log_level);
    return ok;
}

enum {
    OPT_ALLOW_HTTP = 'a',
    OPT_CACHE = 'C',
    OPT_ONCE = '1',
    OPT_URL = 'u',
    OPT_CONFIG = 'c',
    OPT_CONTENT = 'd',
    OPT_HELP = 'h',
    OPT_LANG = 'l',
    OPT_NOW = 'n',
    OPT_OUT = 'o',
    OPT_SIZE = 's',
    OPT_WINDOWED = 'w',
    OPT_THEME = 't',
    OPT_LARGE_TEXT = 'L',
    OPT_KEY = 'k',
    OPT_VALID_DAYS = 'V',
    OPT_SERIAL = 'S',
};

#define SIGN_DEFAULT_VALID_DAYS 30

static int cmd_run(int argc, char **argv)
{
    static const struct option options[] = {
        {"config", required_argument, NULL, OPT_CONFIG},
        {"content", required_argument, NULL, OPT_CONTENT},
        {"windowed", no_argument, NULL, OPT_WINDOWED},
        {"size", required_argument, NULL, OPT_SIZE},
        {"lang", required_argument, NULL, OPT_LANG},
        {"help", no_argument, NULL, OPT_HELP},
        {0},
    };
    const char *config_path = NULL, *content = NULL, *lang = NULL;
    bool windowed = false, sized = false;
    int width = 0, height = 0;
    int c;
    while ((c = getopt_long(argc, argv, ":h", options, NULL)) != -1) {
        switch (c) {
        case OPT_CONFIG:
            config_path = optarg;
            break;
        case OPT_CONTENT:
            content = optarg;
            break;
        case OPT_WINDOWED:
            windowed = true;
            break;
        case OPT_SIZE:
            if (!parse_size(optarg, &width, &height))
                return bad_size("run", optarg);
            sized = true;
            break;
        case OPT_LANG:
            if (!lang_tag_ok(optarg))
                return bad_lang("run", optarg);
            lang = optarg;
            break;
        case OPT_HELP:
            fputs(run_usage, stdout);
            lf_config_print_keys(stdout);
            return EXIT_SUCCESS;
        default:
            return option_error("run", c, argv);
        }
    }
    if (optind < argc)
        return usage_error("run", "unexpected argument '%s'", argv[optind]);

    struct lf_config cfg;
    if (!load_config(&cfg, config_path))
        return EXIT_FAILURE;

    /* options win over the file, through the same checks */
    struct lf_diags *d = lf_diags_create();
    bool ok = true;
    if (content)
        ok = lf_config_set(&cfg, "content.dir", content, "--content", d) && ok;
    if (lang)
        ok = lf_config_set(&cfg, "display.language", lang, "--lang", d) && ok;
    if (windowed)
        cfg.windowed = true;
    if (sized) {
        cfg.width = width;
        cfg.height = height;
    }
    print_diags(d);
    lf_diags_destroy(d);
    if (!ok)
        return usage_error("run", "bad option value");
    return lf_kiosk_run(&cfg);
}

static int cmd_preview(int argc, char **argv)
{
    static const struct option options[] = {
        {"out", required_argument, NULL, OPT_OUT},
        {"size", required_argument, NULL, OPT_SIZE},
        {"lang", required_argument, NULL, OPT_LANG},
        {"now", required_argument, NULL, OPT_NOW},
        {"config", required_argument, NULL, OPT_CONFIG},
        {"theme", required_argument, NULL, OPT_THEME},
        {"large-text", no_argument, NULL, OPT_LARGE_TEXT},
        {"help", no_argument, NULL, OPT_HELP},
        {0},
    };
    const char *theme = NULL;
    bool large_text = false;
    struct lf_preview_options opt = {
        .width = PREVIEW_DEFAULT_WIDTH,
        .height = PREVIEW_DEFAULT_HEIGHT,
        .now = time(NULL),
    };
    const char *config_path = NULL;
    int c;
    while ((c = getopt_long(argc, argv, ":h", options, NULL)) != -1) {
        switch (c) {
        case OPT_OUT:
            opt.out_dir = optarg;
            break;
        case OPT_SIZE:
            if (!parse_size(optarg, &opt.width, &opt.height))
                return bad_size("preview", optarg);
            break;
        case OPT_LANG:
            if (!lang_tag_ok(optarg))
                return bad_lang("preview", optarg);
            opt.lang = optarg;
            break;
        case OPT_NOW:
            if (!lf_parse_datetime(optarg, &opt.now))
                return usage_error("preview",
                                   "bad --now '%s': expected a date and time such as "
                                   "2026-11-23T10:00 (Berlin time) or 2026-11-23T10:00:00+01:00",
                                   optarg);
            break;
        case OPT_CONFIG:
            config_path = optarg;
            break;
        case OPT_THEME:
            if (strcmp(optarg, "standard") != 0 && strcmp(optarg, "high-contrast") != 0)
                return usage_error("preview", "bad --theme '%s': standard or high-contrast",
                                   optarg);
            theme = optarg;
            break;
        case OPT_LARGE_TEXT:
            large_text = true;
            break;
        case OPT_HELP:
            fputs(preview_usage, stdout);
            return EXIT_SUCCESS;
        default:
            return option_error("preview", c, argv);
        }
    }
    if (optind >= argc)
        return usage_error("preview", "which bundle? name its folder: litfass preview DIR --out OUTDIR");
    if (argc - optind > 1)
        return usage_error("preview", "unexpected argument '%s'", argv[optind + 1]);
    opt.content_dir = argv[optind];
    if (!opt.out_dir)
        return usage_error("preview", "--out OUTDIR is required");

    struct lf_config cfg;
    if (!load_config(&cfg, config_path))
        return EXIT_FAILURE;
    snprintf(cfg.content_dir, sizeof(cfg.content_dir), "%s", opt.content_dir);
    if (opt.lang)
        snprintf(cfg.lang, sizeof(cfg.lang), "%s", opt.lang);
    else if (cfg.lang[0])
        opt.lang = cfg.lang;
    if (theme)
        cfg.theme = strcmp(theme, "high-contrast") == 0 ? LF_THEME_HIGH_CONTRAST : LF_THEME_STANDARD;
    if (large_text)
        cfg.large_text = true;
    return lf_preview_run(&cfg, &opt);
}

/* Item ids named per language in validate's translation summary. */
#define VALIDATE_LIST_MAX 5

static const char *plural(size_t n, const char *one, const char *many)
{
    return n == 1 ? one : many;
}

static void print_summary(const char *dir, const struct lf_bundle *b, size_t warnings)
{
    size_t n[4] = {0};
    for (size_t i = 0; i < b->n_items; i++) {
        if ((size_t)b->items[i].kind < 4)
            n[b->items[i].kind]++;
    }
    printf("%s: valid, %zu %s (%zu %s, %zu %s, %zu %s, %zu %s), languages:", dir, b->n_items,
           plural(b->n_items, "item", "items"), n[LF_ITEM_EVENT],
           plural(n[LF_ITEM_EVENT], "event", "events"), n[LF_ITEM_OFFER],
           plural(n[LF_ITEM_OFFER], "offer", "offers"), n[LF_ITEM_CONTACT],
           plural(n[LF_ITEM_CONTACT], "contact", "contacts"), n[LF_ITEM_NOTICE],
           plural(n[LF_ITEM_NOTICE], "notice", "notices"));
    for (size_t i = 0; i < b->n_languages; i++)
        printf(" %s", b->languages[i]);
    printf(", %zu %s\n", warnings, plural(warnings, "warning", "warnings"));
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

static int cmd_validate(int argc, char **argv)
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
            return option_error("validate", c, argv);
        }
    }
    if (optind >= argc)
        return usage_error("validate", "which bundle? name its folder: litfass validate DIR");
    if (argc - optind > 1)
        return usage_error("validate", "unexpected argument '%s'", argv[optind + 1]);
    const char *dir = argv[optind];

    struct lf_diags *d = lf_diags_create();
    struct lf_bundle *b = lf_bundle_load(dir, d);
    print_diags(d);
    size_t errors = lf_diags_errors(d);
    size_t warnings = lf_diags_count(d) - errors;
    int status = EXIT_SUCCESS;
    if (b) {
        print_summary(dir, b, warnings);
    } else {
        fprintf(stderr, "litfass validate: %s: not valid, %zu %s, %zu %s\n", dir, errors,
                plural(errors, "error", "errors"), warnings, plural(warnings, "warning", "warnings"));
        status = EXIT_FAILURE;
    }
    if (key && !validate_signed(dir, key, b))
        status = EXIT_FAILURE;
    lf_bundle_destroy(b);
    lf_diags_destroy(d);
    return status;
}

static int cmd_keygen(int argc, char **argv)
{
    static const struct option options[] = {
        {"out", required_argument, NULL, OPT_OUT},
        {"help", no_argument, NULL, OPT_HELP},
        {0},
    };
    const char *out = NULL;
    int c;
    while ((c = getopt_long(argc, argv, ":h", options, NULL)) != -1) {
        switch (c) {
        case OPT_OUT:
            out = optarg;
            break;
        case OPT_HELP:
            fputs(keygen_usage, stdout);
            return EXIT_SUCCESS;
        default:
            return option_error("keygen", c, argv);
        }
    }
    if (optind < argc)
        return usage_error("keygen", "unexpected argument '%s'", argv[optind]);
    if (!out || !out[0])
        return usage_error("keygen", "--out NAME is required (writes NAME.key and NAME.pub)");
    struct lf_public_key pub;
    char err[LF_SIGN_ERROR_BYTES], b64[LF_PUBLIC_KEY_BASE64 + 1];
    if (!lf_keygen(out, &pub, err, sizeof(err))) {
        fprintf(stderr, "litfass keygen: %s\n", err);
        return EXIT_FAILURE;
    }
    lf_public_key_base64(&pub, b64, sizeof(b64));
    printf("wrote %s.key (secret: keep it to yourself) and %s.pub (key id %s)\n", out, out,
           pub.id);
    printf("for the kiosks' config, [sync]:\ntrusted_keys = %s\n", b64);
    return EXIT_SUCCESS;
}

/* A whole number min..max from an option's text. */
static bool parse_count(const char *s, long long min, long long max, long long *out)
{
    if (s[0] < '0' || s[0] > '9')
        return false;
    char *end;
    errno = 0;
    long long v = strtoll(s, &end, 10);
    if (errno != 0 || *end != '\0' || v < min || v > max)
        return false;
    *out = v;
    return true;
}

static int cmd_sign(int argc, char **argv)
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
    long long days = SIGN_DEFAULT_VALID_DAYS, serial = 0;
    int c;
    while ((c = getopt_long(argc, argv, ":h", options, NULL)) != -1) {
        switch (c) {
        case OPT_KEY:
            key_path = optarg;
            break;
        case OPT_VALID_DAYS:
            if (!parse_count(optarg, 1, LF_MAX_VALID_DAYS, &days))
                return usage_error("sign", "bad --valid-days '%s': a number of days, 1..%d",
                                   optarg, LF_MAX_VALID_DAYS);
            break;
        case OPT_SERIAL:
            if (!parse_count(optarg, 1, LF_MAX_BUNDLE_SERIAL, &serial))
                return usage_error("sign", "bad --serial '%s': a whole number, 1..%lld", optarg,
                                   LF_MAX_BUNDLE_SERIAL);
            break;
        case OPT_NOW:
            if (!lf_parse_datetime(optarg, &now))
                return usage_error("sign", "bad --now '%s': expected a date and time such as "
                                           "2026-11-23T10:00Z", optarg);
            break;
        case OPT_HELP:
            fputs(sign_usage, stdout);
            return EXIT_SUCCESS;
        default:
            return option_error("sign", c, argv);
        }
    }
    if (optind >= argc)
        return usage_error("sign", "which bundle? name its folder: litfass sign DIR --key NAME.key");
    if (argc - optind > 1)
        return usage_error("sign", "unexpected argument '%s'", argv[optind + 1]);
    if (!key_path)
        return usage_error("sign", "--key NAME.key is required (make one with `litfass keygen`)");
    const char *dir = argv[optind];
    char err[LF_SIGN_ERROR_BYTES] = "";
    struct lf_secret_key key;
    if (!lf_secret_key_load(key_path, &key, err, sizeof(err))) {
        fprintf(stderr, "litfass sign: %s\n", err);
        return EXIT_FAILURE;
    }
    struct lf_diags *d = lf_diags_create();
    struct lf_bundle_stamp stamp;
    bool ok = lf_bundle_sign(dir, &key, (int)days, serial, now, d, &stamp, err,
                             sizeof(err));
    print_diags(d);
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

static int cmd_pack(int argc, char **argv)
{
    static const struct option options[] = {
        {"help", no_argument, NULL, OPT_HELP},
        {0},
    };
    int c;
    while ((c = getopt_long(argc, argv, ":h", options, NULL)) != -1) {
        switch (c) {
        case OPT_HELP:
            fputs(pack_usage, stdout);
            return EXIT_SUCCESS;
        default:
            return option_error("pack", c, argv);
        }
    }
    if (optind >= argc)
        return usage_error("pack", "which bundle? name its folder: litfass pack DIR");
    if (argc - optind > 1)
        return usage_error("pack", "unexpected argument '%s'", argv[optind + 1]);
    const char *dir = argv[optind];
    struct lf_diags *d = lf_diags_create();
    size_t n = 0;
    bool ok = lf_bundle_pack(dir, d, &n);
    print_diags(d);
    if (ok)
        printf("%s: %zu %s listed in %s\n", dir, n, plural(n, "file", "files"), LF_MANIFEST_NAME);
    else
        fprintf(stderr, "litfass pack: %s: not packed, %zu %s\n", dir, lf_diags_errors(d),
                plural(lf_diags_errors(d), "error", "errors"));
    lf_diags_destroy(d);
    return ok ? EXIT_SUCCESS : EXIT_FAILURE;
}

static int cmd_sync(int argc, char **argv)
{
    static const struct option options[] = {
        {"once", no_argument, NULL, OPT_ONCE},
        {"config", required_argument, NULL, OPT_CONFIG},
        {"url", required_argument, NULL, OPT_URL},
        {"cache", required_argument, NULL, OPT_CACHE},
        {"allow-http", no_argument, NULL, OPT_ALLOW_HTTP},
        {"help", no_argument, NULL, OPT_HELP},
        {0},
    };
    const char *config_path = NULL, *url = NULL, *cache = NULL;
    bool once = false, allow_http = false;
    int c;
    while ((c = getopt_long(argc, argv, ":h", options, NULL)) != -1) {
        switch (c) {
        case OPT_ONCE:
            once = true;
            break;
        case OPT_CONFIG:
            config_path = optarg;
            break;
        case OPT_URL:
            url = optarg;
            break;
        case OPT_CACHE:
            cache = optarg;
            break;
        case OPT_ALLOW_HTTP:
            allow_http = true;
            break;
        case OPT_HELP:
            fputs(sync_usage, stdout);
            return EXIT_SUCCESS;
        default:
            return option_error("sync", c, argv);
        }
    }
    if (optind < argc)
        return usage_error("sync", "unexpected argument '%s'", argv[optind]);
    if (!once)
        return usage_error("sync", "--once is required (a running kiosk syncs by itself)");

    struct lf_config cfg;
    if (!load_config(&cfg, config_path))
        return EXIT_FAILURE;
    struct lf_diags *d = lf_diags_create();
    bool ok = true;
    if (url)
        ok = lf_config_set(&cfg, "sync.url", url, "--url", d) && ok;
    if (cache)
        ok = lf_config_set(&cfg, "sync.cache_dir", cache, "--cache", d) && ok;
    if (allow_http)
        cfg.allow_http = true;
    print_diags(d);
    lf_diags_destroy(d);
    if (!ok)
        return usage_error("sync", "bad option value");
    if (!cfg.sync_url[0]) {
        fprintf(stderr, "litfass sync: no address to sync from: set [sync] url in the config "
                        "file or give --url\n");
        return EXIT_FAILURE;
    }
    d = lf_diags_create();
    ok = lf_config_check(&cfg, config_path ? config_path : "config", d);
    print_diags(d);
    lf_diags_destroy(d);
    if (!ok)
        return EXIT_FAILURE;
    if (!lf_sync_global_init())
        return EXIT_FAILURE;
    struct lf_sync_outcome o;
    time_t attempt = time(NULL);
    lf_sync_cycle(&cfg, NULL, &o);
    (void)lf_sync_record(&cfg, &o, attempt, 0);
    lf_sync_global_cleanup();
    switch (o.result) {
    case LF_SYNC_INSTALLED:
        printf("installed bundle %s into %s (%zu %s downloaded, %zu reused)\n", o.installed_id,
               o.bundle_dir, o.downloaded, plural(o.downloaded, "file", "files"), o.reused);
        return EXIT_SUCCESS;
    case LF_SYNC_UP_TO_DATE:
        printf("up to date: bundle %s\n", o.installed_id);
        return EXIT_SUCCESS;
    case LF_SYNC_FAILED:
        break;
    }
    fprintf(stderr, "litfass sync: %s\n", o.error);
    return EXIT_FAILURE;
}

int main(int argc, char **argv)
{
    if (!lf_civil_time_init())
        return EXIT_FAILURE; /* logged: the time zone is missing */
    opterr = 0; /* our own messages, naming the command */

    const char *first = argc > 1 ? argv[1] : NULL;
    if (first && (strcmp(first, "--help") == 0 || strcmp(first, "-h") == 0)) {
        fputs(main_usage, stdout);
        return EXIT_SUCCESS;
    }
    if (first && strcmp(first, "--version") == 0) {
        printf("litfass %s\n", LITFASS_VERSION);
        return EXIT_SUCCESS;
    }
    /* after the command, argv[0] is the command, so getopt starts past it */
    if (first && strcmp(first, "run") == 0)
        return cmd_run(argc - 1, argv + 1);
    if (first && strcmp(first, "preview") == 0)
        return cmd_preview(argc - 1, argv + 1);
    if (first && strcmp(first, "validate") == 0)
        return cmd_validate(argc - 1, argv + 1);
    if (first && strcmp(first, "pack") == 0)
        return cmd_pack(argc - 1, argv + 1);
    if (first && strcmp(first, "sync") == 0)
        return cmd_sync(argc - 1, argv + 1);
    if (first && strcmp(first, "keygen") == 0)
        return cmd_keygen(argc - 1, argv + 1);
    if (first && strcmp(first, "sign") == 0)
        return cmd_sign(argc - 1, argv + 1);
    if (first && first[0] != '-') {
        fprintf(stderr,
                "litfass: unknown command '%s' (commands: run, preview, validate, pack, keygen, sign, sync)\n"
                "Try 'litfass --help'.\n",
                first);
        return EXIT_USAGE;
    }
    return cmd_run(argc, argv); /* `run` is the default command */
}
