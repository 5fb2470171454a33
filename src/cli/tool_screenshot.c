/* `litfass screenshot --out FILE.png`: what the running kiosk shows. */
#include <errno.h>
#include <getopt.h>
#include <jansson.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "app/config.h"
#include "app/kiosk.h"
#include "cli/cli.h"
#include "core/durable.h"
#include "core/xalloc.h"
#include "sync/store.h"

#define SCREENSHOT_WAIT_MS 10000
#define SCREENSHOT_MAX_BYTES (64L * 1024 * 1024)

static const char screenshot_usage[] =
    "usage: litfass screenshot --out FILE.png [--config FILE]\n"
    "\n"
    "Saves what the running kiosk shows as a PNG. The kiosk (its process id\n"
    "from status.json in the state folder) is asked with SIGUSR1; it draws\n"
    "the frame on screen again into the state folder, from where it is copied.\n"
    "Needs the right to signal the kiosk (root, or its user litfass).\n"
    "\n"
    "  --out FILE.png  where to save it (required)\n"
    "  --config FILE   config file (as for `litfass run`)\n"
    "  --help          this text\n";

static long long kiosk_pid(const char *cache_dir)
{
    char *path = lf_xasprintf("%s/%s", cache_dir, LF_STORE_STATUS_NAME);
    json_error_t e;
    json_t *root = json_load_file(path, 0, &e);
    free(path);
    long long pid = 0;
    json_t *sc = root ? json_object_get(root, LF_STORE_STATUS_SCREEN) : NULL;
    if (sc && json_is_true(json_object_get(sc, "up")))
        pid = json_integer_value(json_object_get(sc, "pid"));
    json_decref(root);
    return pid;
}

int lf_tool_screenshot(int argc, char **argv)
{
    static const struct option options[] = {
        {"out", required_argument, NULL, OPT_OUT},
        {"config", required_argument, NULL, OPT_CONFIG},
        {"help", no_argument, NULL, OPT_HELP},
        {0},
    };
    const char *config_path = NULL, *out = NULL;
    int c;
    while ((c = getopt_long(argc, argv, ":h", options, NULL)) != -1) {
        switch (c) {
        case OPT_OUT:
            out = optarg;
            break;
        case OPT_CONFIG:
            config_path = optarg;
            break;
        case OPT_HELP:
            fputs(screenshot_usage, stdout);
            return EXIT_SUCCESS;
        default:
            return lf_cli_option_error("screenshot", c, argv);
        }
    }
    if (optind < argc)
        return lf_cli_usage_error("screenshot", "unexpected argument '%s'", argv[optind]);
    if (!out || !out[0])
        return lf_cli_usage_error("screenshot", "--out FILE.png is required");
    struct lf_config cfg;
    if (!lf_cli_load_config(&cfg, config_path))
        return EXIT_FAILURE;
    long long pid = kiosk_pid(cfg.cache_dir);
    if (pid <= 1) {
        fprintf(stderr, "litfass screenshot: no running kiosk in %s/%s\n", cfg.cache_dir,
                LF_STORE_STATUS_NAME);
        return EXIT_FAILURE;
    }
    char *shot = lf_xasprintf("%s/%s", cfg.cache_dir, LF_KIOSK_SCREENSHOT_NAME);
    struct stat before;
    time_t since = stat(shot, &before) == 0 ? before.st_mtime : 0;
    long since_ns = since ? before.st_mtim.tv_nsec : 0;
    int rc = EXIT_FAILURE;
    if (kill((pid_t)pid, SIGUSR1) != 0) {
        fprintf(stderr, "litfass screenshot: cannot ask the kiosk (pid %lld): %s\n", pid,
                strerror(errno));
        goto done;
    }
    for (int waited = 0; waited < SCREENSHOT_WAIT_MS; waited += 50) {
        struct stat st;
        if (stat(shot, &st) == 0 &&
            (st.st_mtime > since || (st.st_mtime == since && st.st_mtim.tv_nsec != since_ns))) {
            FILE *in = fopen(shot, "rb");
            char *data = lf_xcalloc(1, (size_t)(st.st_size > 0 ? st.st_size : 1));
            bool ok = in && st.st_size < SCREENSHOT_MAX_BYTES &&
                      fread(data, 1, (size_t)st.st_size, in) == (size_t)st.st_size &&
                      lf_durable_write(out, data, (size_t)st.st_size, 0644);
            if (in)
                fclose(in);
            free(data);
            if (ok) {
                printf("%s\n", out);
                rc = EXIT_SUCCESS;
            } else {
                fprintf(stderr, "litfass screenshot: cannot copy %s to %s\n", shot, out);
            }
            goto done;
        }
        struct timespec ts = {0, 50 * 1000000L};
        nanosleep(&ts, NULL);
    }
    fprintf(stderr, "litfass screenshot: the kiosk (pid %lld) did not answer within %d s\n", pid,
            SCREENSHOT_WAIT_MS / 1000);
done:
    free(shot);
    return rc;
}
