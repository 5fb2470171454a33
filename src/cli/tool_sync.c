/* `litfass sync --once`: one sync cycle, headless, as the kiosk's worker runs it. */
#define _GNU_SOURCE /* initgroups */
#include <errno.h>
#include <getopt.h>
#include <grp.h>
#include <pwd.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli/cli.h"
#include "app/config.h"
#include "core/diag.h"
#include "sync/handover.h"
#include "sync/store.h"
#include "sync/sync.h"

static const char sync_usage[] =
    "usage: litfass sync --once [--config FILE] [--url URL] [--cache DIR] [--allow-http]\n"
    "\n"
    "Looks once for a new bundle at the configured address (config: sync.url) and\n"
    "installs it into the cache folder (sync.cache_dir), as a running kiosk does\n"
    "every sync.poll_seconds. Only a bundle signed with one of sync.trusted_keys\n"
    "(`litfass sign`), newer than any installed before and not expired is\n"
    "installed. The installed copy is checked whole (sizes, SHA-256, signature)\n"
    "first: a damaged one is fetched again. Nothing is changed when anything goes\n"
    "wrong; the result is also written to status.json in the cache folder.\n"
    "When a kiosk is running on the cache folder, it is asked to look now instead\n"
    "(it owns the folder): it checks, installs and shows the new bundle within\n"
    "seconds, and this command prints what it did.\n"
    "As root, it runs as the cache folder's owner (the kiosk's user; for a folder\n"
    "not made yet, the owner of the folder above it), never making files the\n"
    "kiosk cannot use.\n"
    "Exit 0 when the installed bundle is the published one (installed now, or\n"
    "unchanged), 1 with the reason on stderr otherwise, 2 usage error.\n"
    "\n"
    "  --once          run one sync and exit (required)\n"
    "  --config FILE   config file (as for `litfass run`)\n"
    "  --url URL       address of the published content.json (sync.url)\n"
    "  --cache DIR     cache folder (sync.cache_dir)\n"
    "  --allow-http    also allow http:// (sync.allow_http)\n"
    "  --help          this text\n";

/* Root on a cache folder that belongs to the kiosk's user: go on as that
 * user (ownership is never changed). A folder not made yet belongs to
 * whoever owns the nearest folder above it. */
static bool become_cache_owner(const char *cache_dir)
{
    if (geteuid() != 0)
        return true;
    char probe[LF_MAX_PATH_BYTES + 1];
    snprintf(probe, sizeof(probe), "%s", cache_dir);
    struct stat st;
    while (stat(probe, &st) != 0) {
        char *slash = strrchr(probe, '/');
        if (!slash || slash == probe) {
            snprintf(probe, sizeof(probe), "%s", slash == probe ? "/" : ".");
            if (stat(probe, &st) != 0)
                return true;
            break;
        }
        *slash = '\0';
    }
    if (st.st_uid == 0)
        return true; /* root's folder: a kiosk that runs as root */
    struct passwd *pw = getpwuid(st.st_uid);
    gid_t gid = pw ? pw->pw_gid : st.st_gid;
    bool ok = (pw ? initgroups(pw->pw_name, gid) : setgroups(0, NULL)) == 0 &&
              setgid(gid) == 0 && setuid(st.st_uid) == 0 && geteuid() == st.st_uid &&
              getuid() == st.st_uid;
    if (!ok) {
        fprintf(stderr, "litfass sync: the cache folder %s belongs to %s (uid %ld), and as "
                        "root this would make files it cannot use; becoming that user failed "
                        "(%s). Run it as that user: sudo -u %s litfass sync --once\n",
                cache_dir, pw ? pw->pw_name : "another user", (long)st.st_uid,
                strerror(errno), pw ? pw->pw_name : "USER");
        return false;
    }
    printf("running as %s, the owner of %s\n", pw ? pw->pw_name : "its owner", probe);
    return true;
}

static void print_damage(const struct lf_sync_outcome *o)
{
    if (o->damage[0])
        printf("the installed bundle failed its check: %s\n", o->damage);
}

/* A kiosk owns the cache: it looks now, installs and shows. */
static int ask_kiosk(const struct lf_sync_settings *set)
{
    printf("a kiosk is running on %s: asking it to look now\n", set->cache_dir);
    fflush(stdout);
    struct lf_sync_outcome o;
    char on_screen[PATH_MAX], err[LF_STORE_ERROR_BYTES];
    if (!lf_handover_ask(set->cache_dir, &o, on_screen, sizeof(on_screen), err, sizeof(err))) {
        fprintf(stderr, "litfass sync: %s\n", err);
        return EXIT_FAILURE;
    }
    print_damage(&o);
    switch (o.result) {
    case LF_SYNC_INSTALLED:
        printf("the kiosk %s bundle %s into %s\n", o.repaired ? "repaired" : "installed",
               o.installed_id, o.bundle_dir);
        if (on_screen[0])
            printf("the kiosk shows %s now\n", on_screen);
        else
            printf("the kiosk shows it at the next slide once no visitor is browsing\n");
        return EXIT_SUCCESS;
    case LF_SYNC_UP_TO_DATE:
        printf("up to date: bundle %s, checked whole by the kiosk\n", o.installed_id);
        return EXIT_SUCCESS;
    case LF_SYNC_FAILED:
        break;
    }
    fprintf(stderr, "litfass sync: %s\n", o.error);
    return EXIT_FAILURE;
}

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
    if (!become_cache_owner(cfg.cache_dir))
        return EXIT_FAILURE;
    struct lf_sync_settings set;
    lf_config_sync_settings(&cfg, &set);
    struct lf_sync_outcome o;
    enum lf_owner holder;
    char err[LF_STORE_ERROR_BYTES];
    int claim = lf_handover_claim(set.cache_dir, LF_OWNER_MANUAL, &holder, err, sizeof(err));
    if (claim < 0 && holder == LF_OWNER_KIOSK)
        return ask_kiosk(&set);
    if (claim < 0) {
        /* another manual run: not a failure of this kiosk, not recorded */
        fprintf(stderr, "litfass sync: %s; nothing done\n", err);
        return EXIT_FAILURE;
    }
    if (!lf_sync_global_init()) {
        close(claim);
        return EXIT_FAILURE;
    }
    time_t attempt = time(NULL);
    struct lf_sync_request rq = {.full_check = true};
    lf_sync_cycle(&set, &rq, &o);
    if (!o.busy)
        (void)lf_sync_record(&set, &o, attempt, 0, -1);
    lf_sync_global_cleanup();
    close(claim);
    print_damage(&o);
    switch (o.result) {
    case LF_SYNC_INSTALLED:
        printf("%s bundle %s into %s (%zu %s downloaded, %zu reused)\n",
               o.repaired ? "repaired" : "installed", o.installed_id, o.bundle_dir,
               o.downloaded, lf_cli_plural(o.downloaded, "file", "files"), o.reused);
        return EXIT_SUCCESS;
    case LF_SYNC_UP_TO_DATE:
        printf("up to date: bundle %s, checked whole\n", o.installed_id);
        return EXIT_SUCCESS;
    case LF_SYNC_FAILED:
        break;
    }
    fprintf(stderr, "litfass sync: %s\n", o.error);
    return EXIT_FAILURE;
}
