/* `litfass run`: the kiosk on screen (the default command). */
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "app/config.h"
#include "app/kiosk.h"
#include "core/diag.h"

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

int lf_tool_run(int argc, char **argv)
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
            if (!lf_cli_parse_size(optarg, &width, &height))
                return lf_cli_bad_size("run", optarg);
            sized = true;
            break;
        case OPT_LANG:
            if (!lf_cli_lang_tag_ok(optarg))
                return lf_cli_bad_lang("run", optarg);
            lang = optarg;
            break;
        case OPT_HELP:
            fputs(run_usage, stdout);
            lf_config_print_keys(stdout);
            return EXIT_SUCCESS;
        default:
            return lf_cli_option_error("run", c, argv);
        }
    }
    if (optind < argc)
        return lf_cli_usage_error("run", "unexpected argument '%s'", argv[optind]);

    struct lf_config cfg;
    if (!lf_cli_load_config(&cfg, config_path))
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
    lf_cli_print_diags(d);
    lf_diags_destroy(d);
    if (!ok)
        return lf_cli_usage_error("run", "bad option value");
    return lf_kiosk_run(&cfg);
}
