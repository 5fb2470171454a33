/* `litfass run`: the kiosk on screen (the default command). */
#include <errno.h>
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "app/config.h"
#include "app/kiosk.h"
#include "core/diag.h"
#include "sync/handover.h"
#include "sync/net_child.h"

static const char run_usage[] =
    "usage: litfass [run] [--config FILE] [--content DIR] [--windowed] [--size WxH] [--lang TAG]\n"
    "                     [--clock-offset SECONDS]\n"
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
    "  --clock-offset SECONDS\n"
    "                  run as if the system clock were this many seconds off (negative:\n"
    "                  behind; -63072000 is two years behind), the machine's clock\n"
    "                  untouched: to try how a screen and the studio's fleet page handle a\n"
    "                  wrong clock. Never on a screen in service\n"
    "  --help          this text\n"
    "\n"
    "Options win over the config file. Config keys:\n";

struct run_options {
    const char *config_path, *content, *lang;
    bool windowed, sized;
    int width, height;
    long long clock_offset_s;
    char found_path[LF_MAX_PATH_BYTES + 1];
};

/* The config file with the command line's options over it: at the start,
 * and again for SIGHUP (lf_kiosk_config_loader). */
static bool run_config(struct lf_config *cfg, void *ctx)
{
    const struct run_options *ro = ctx;
    if (!lf_cli_load_config(cfg, ro->config_path))
        return false;
    /* options win over the file, through the same checks */
    struct lf_diags *d = lf_diags_create();
    bool ok = true;
    if (ro->content)
        ok = lf_config_set(cfg, "content.dir", ro->content, "--content", d) && ok;
    if (ro->lang)
        ok = lf_config_set(cfg, "display.language", ro->lang, "--lang", d) && ok;
    if (ro->windowed)
        cfg->windowed = true;
    if (ro->sized) {
        cfg->width = ro->width;
        cfg->height = ro->height;
    }
    cfg->clock_offset_s = ro->clock_offset_s;
    lf_cli_print_diags(d);
    lf_diags_destroy(d);
    if (!ok)
        lf_cli_usage_error("run", "bad option value");
    return ok;
}

/* --clock-offset: a whole number of seconds, maybe with a sign, within
 * LF_MAX_CLOCK_OFFSET_S either way. */
static bool parse_offset(const char *s, long long *out)
{
    const char *digits = s[0] == '-' || s[0] == '+' ? s + 1 : s;
    if (digits[0] < '0' || digits[0] > '9')
        return false;
    char *end;
    errno = 0;
    long long v = strtoll(s, &end, 10);
    if (errno != 0 || *end != '\0' || v < -LF_MAX_CLOCK_OFFSET_S || v > LF_MAX_CLOCK_OFFSET_S)
        return false;
    *out = v;
    return true;
}

int lf_tool_run(int argc, char **argv)
{
    static const struct option options[] = {
        {"config", required_argument, NULL, OPT_CONFIG},
        {"content", required_argument, NULL, OPT_CONTENT},
        {"windowed", no_argument, NULL, OPT_WINDOWED},
        {"size", required_argument, NULL, OPT_SIZE},
        {"lang", required_argument, NULL, OPT_LANG},
        {"clock-offset", required_argument, NULL, OPT_CLOCK_OFFSET},
        {"help", no_argument, NULL, OPT_HELP},
        {0},
    };
    const char *config_path = NULL, *content = NULL, *lang = NULL;
    bool windowed = false, sized = false;
    int width = 0, height = 0;
    long long clock_offset_s = 0;
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
        case OPT_CLOCK_OFFSET:
            if (!parse_offset(optarg, &clock_offset_s))
                return lf_cli_usage_error("run", "--clock-offset '%s': not a whole number of "
                                          "seconds from %lld to %lld", optarg,
                                          -LF_MAX_CLOCK_OFFSET_S, LF_MAX_CLOCK_OFFSET_S);
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
    if (clock_offset_s)
        lf_warn("--clock-offset %lld: running as if the system clock were %lld s %s (the "
                "machine's clock is not changed)", clock_offset_s,
                clock_offset_s < 0 ? -clock_offset_s : clock_offset_s,
                clock_offset_s < 0 ? "behind" : "ahead");

    struct run_options ro = {config_path, content,        lang,           windowed,
                             sized,       width,          height,         clock_offset_s,
                             ""};
    struct lf_config cfg;
    if (!run_config(&cfg, &ro))
        return EXIT_FAILURE;
    /* SIGHUP reads the same file again, even when it was found, not named */
    snprintf(ro.found_path, sizeof(ro.found_path), "%s", cfg.path);
    if (!ro.config_path && ro.found_path[0])
        ro.config_path = ro.found_path;
    /* one kiosk per state folder, refused before a window opens; the lock
     * stays on the folder of the start (a SIGHUP that names another one
     * moves the kiosk's files, not the lock) */
    bool busy;
    char err[1024];
    int lock = lf_handover_kiosk_lock(cfg.cache_dir, cfg.sync_url[0] != '\0', &busy, err,
                                      sizeof(err));
    if (lock < 0 && busy) {
        lf_error("%s", err);
        return EXIT_FAILURE;
    }
    if (lock < 0)
        lf_debug("no kiosk lock: %s", err);
    /* syncs and reports run in a child that exits after (issue 13: this
     * process, the one on screen, never maps libcurl) */
    lf_net_child_enable("/proc/self/exe");
    int rc = lf_kiosk_run(&cfg, run_config, &ro, &lock);
    if (lock >= 0)
        close(lock);
    return rc;
}
