/* `litfass sync --once`: one sync cycle, headless, as the kiosk's worker runs it. */
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli/cli.h"
#include "app/config.h"
#include "core/diag.h"
#include "sync/store.h"
#include "sync/sync.h"

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

int lf_tool_sync(int argc, char **argv)
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
            return lf_cli_option_error("sync", c, argv);
        }
    }
    if (optind < argc)
        return lf_cli_usage_error("sync", "unexpected argument '%s'", argv[optind]);
    if (!once)
        return lf_cli_usage_error("sync", "--once is required (a running kiosk syncs by itself)");

    struct lf_config cfg;
    if (!lf_cli_load_config(&cfg, config_path))
        return EXIT_FAILURE;
    struct lf_diags *d = lf_diags_create();
    bool ok = true;
    if (url)
        ok = lf_config_set(&cfg, "sync.url", url, "--url", d) && ok;
    if (cache)
        ok = lf_config_set(&cfg, "sync.cache_dir", cache, "--cache", d) && ok;
    if (allow_http)
        cfg.allow_http = true;
    lf_cli_print_diags(d);
    lf_diags_destroy(d);
    if (!ok)
        return lf_cli_usage_error("sync", "bad option value");
    if (!cfg.sync_url[0]) {
        fprintf(stderr, "litfass sync: no address to sync from: set [sync] url in the config "
                        "file or give --url\n");
        return EXIT_FAILURE;
    }
    d = lf_diags_create();
    ok = lf_config_check(&cfg, config_path ? config_path : "config", d);
    lf_cli_print_diags(d);
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
               o.bundle_dir, o.downloaded, lf_cli_plural(o.downloaded, "file", "files"), o.reused);
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
