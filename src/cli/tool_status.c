/* `litfass status`: is this screen healthy? For a person and for scripts
 * (exit status), from status.json in the state folder (src/monitor/). */
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "app/config.h"
#include "cli/cli.h"
#include "monitor/monitor.h"

static const char status_usage[] =
    "usage: litfass status [--config FILE]\n"
    "\n"
    "Says what the running kiosk shows and whether it is healthy, from the\n"
    "heartbeat its frame loop writes every 30 s into status.json in the state\n"
    "folder ([sync] cache_dir). Exit 0 when healthy, 1 when not: no heartbeat\n"
    "or no frame for 2 minutes (hung, or its process gone), a heartbeat dated\n"
    "after this computer's clock (a clock set back), the kiosk stopped,\n"
    "content damaged, the state folder read-only or its disk full (less than\n"
    "64 kB free), or sync failing for more than a day (how long and since\n"
    "when).\n"
    "\n"
    "  --config FILE   config file (as for `litfass run`)\n"
    "  --help          this text\n";

int lf_tool_status(int argc, char **argv)
{
    static const struct option options[] = {
        {"config", required_argument, NULL, OPT_CONFIG},
        {"help", no_argument, NULL, OPT_HELP},
        {0},
    };
    const char *config_path = NULL;
    int c;
    while ((c = getopt_long(argc, argv, ":h", options, NULL)) != -1) {
        switch (c) {
        case OPT_CONFIG:
            config_path = optarg;
            break;
        case OPT_HELP:
            fputs(status_usage, stdout);
            return EXIT_SUCCESS;
        default:
            return lf_cli_option_error("status", c, argv);
        }
    }
    if (optind < argc)
        return lf_cli_usage_error("status", "unexpected argument '%s'", argv[optind]);
    struct lf_config cfg;
    if (!lf_cli_load_config(&cfg, config_path))
        return EXIT_FAILURE;
    struct lf_health h;
    char report[4096];
    lf_monitor_health(cfg.cache_dir, cfg.sync_url[0] != '\0', time(NULL), &h, report,
                      sizeof(report));
    fputs(report, stdout);
    return h.healthy ? EXIT_SUCCESS : EXIT_FAILURE;
}
