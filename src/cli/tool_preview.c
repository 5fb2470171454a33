/* `litfass preview`: every slide of a bundle to PNG files, without a display. */
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli/cli.h"
#include "app/config.h"
#include "app/preview.h"
#include "core/civil_time.h"
#include "layout/theme.h"

#define PREVIEW_DEFAULT_WIDTH  1920
#define PREVIEW_DEFAULT_HEIGHT 1080

static const char preview_usage[] =
    "usage: litfass preview DIR --out OUTDIR [--size WxH] [--lang TAG] [--now ISO-8601]\n"
    "                           [--theme standard|high-contrast] [--large-text] [--round N]\n"
    "                           [--config FILE]\n"
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
    "  --round N       the carousel's Nth round (default 1): on a screen without\n"
    "                  touch ([touch] enabled = false) each round's agenda shows\n"
    "                  the nearest events and a few pages of later ones, further on\n"
    "                  each round\n"
    "  --config FILE   config file (as for `litfass run`)\n"
    "  --help          this text\n";

int lf_tool_preview(int argc, char **argv)
{
    static const struct option options[] = {
        {"out", required_argument, NULL, OPT_OUT},
        {"size", required_argument, NULL, OPT_SIZE},
        {"lang", required_argument, NULL, OPT_LANG},
        {"now", required_argument, NULL, OPT_NOW},
        {"config", required_argument, NULL, OPT_CONFIG},
        {"theme", required_argument, NULL, OPT_THEME},
        {"large-text", no_argument, NULL, OPT_LARGE_TEXT},
        {"round", required_argument, NULL, OPT_ROUND},
        {"help", no_argument, NULL, OPT_HELP},
        {0},
    };
    const char *theme = NULL;
    bool large_text = false;
    struct lf_preview_options opt = {
        .width = PREVIEW_DEFAULT_WIDTH,
        .height = PREVIEW_DEFAULT_HEIGHT,
        .now = time(NULL),
        .round = 1,
    };
    const char *config_path = NULL;
    int c;
    while ((c = getopt_long(argc, argv, ":h", options, NULL)) != -1) {
        switch (c) {
        case OPT_OUT:
            opt.out_dir = optarg;
            break;
        case OPT_SIZE:
            if (!lf_cli_parse_size(optarg, &opt.width, &opt.height))
                return lf_cli_bad_size("preview", optarg);
            break;
        case OPT_LANG:
            if (!lf_cli_lang_tag_ok(optarg))
                return lf_cli_bad_lang("preview", optarg);
            opt.lang = optarg;
            break;
        case OPT_NOW:
            if (!lf_parse_datetime(optarg, &opt.now))
                return lf_cli_usage_error("preview",
                                   "bad --now '%s': expected a date and time such as "
                                   "2026-11-23T10:00 (Berlin time) or 2026-11-23T10:00:00+01:00",
                                   optarg);
            break;
        case OPT_CONFIG:
            config_path = optarg;
            break;
        case OPT_THEME:
            if (strcmp(optarg, "standard") != 0 && strcmp(optarg, "high-contrast") != 0)
                return lf_cli_usage_error("preview", "bad --theme '%s': standard or high-contrast",
                                   optarg);
            theme = optarg;
            break;
        case OPT_LARGE_TEXT:
            large_text = true;
            break;
        case OPT_ROUND: {
            long long round;
            if (!lf_cli_parse_count(optarg, 1, LF_PREVIEW_MAX_ROUND, &round))
                return lf_cli_usage_error("preview", "bad --round '%s': a round 1..%d", optarg,
                                          LF_PREVIEW_MAX_ROUND);
            opt.round = (int)round;
            break;
        }
        case OPT_HELP:
            fputs(preview_usage, stdout);
            return EXIT_SUCCESS;
        default:
            return lf_cli_option_error("preview", c, argv);
        }
    }
    if (optind >= argc)
        return lf_cli_usage_error("preview", "which bundle? name its folder: litfass preview DIR --out OUTDIR");
    if (argc - optind > 1)
        return lf_cli_usage_error("preview", "unexpected argument '%s'", argv[optind + 1]);
    opt.content_dir = argv[optind];
    if (!opt.out_dir)
        return lf_cli_usage_error("preview", "--out OUTDIR is required");

    struct lf_config cfg;
    if (!lf_cli_load_config(&cfg, config_path))
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
