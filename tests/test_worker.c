/* The sync worker against a real web server on 127.0.0.1 (Python's
 * http.server, started and stopped here): it installs a signed bundle,
 * reports it, and installs nothing more until the kiosk has taken the
 * report up (lf_sync_worker_adopted), so the folder on screen is never
 * the one a newer install removes. Signing uses the built program
 * (LITFASS_BIN), as an administrator would. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <pthread.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "app/config.h"
#include "core/durable.h"
#include "sync/sync.h"
#include "sync/worker.h"

extern char **environ;

#define WAIT_STEP_MS 50
#define INSTALL_WAIT_MS 20000 /* the first look comes within 10 % of poll_seconds */

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static int reports;
static char first_dir[4096];

static bool on_installed(void *ctx, const char *dir)
{
    (void)ctx;
    pthread_mutex_lock(&lock);
    if (reports++ == 0)
        snprintf(first_dir, sizeof(first_dir), "%s", dir);
    pthread_mutex_unlock(&lock);
    return true;
}

static int report_count(void)
{
    pthread_mutex_lock(&lock);
    int n = reports;
    pthread_mutex_unlock(&lock);
    return n;
}

static void sleep_ms(long ms)
{
    struct timespec t = {ms / 1000, (ms % 1000) * 1000000L};
    nanosleep(&t, NULL);
}

/* Waits up to ms for `want` reports; the count at the end. */
static int wait_reports(int want, long ms)
{
    for (long t = 0; t < ms && report_count() < want; t += WAIT_STEP_MS)
        sleep_ms(WAIT_STEP_MS);
    return report_count();
}

static int run(const char *cmd)
{
    int rc = system(cmd);
    if (rc != 0)
        fprintf(stderr, "failed (%d): %s\n", rc, cmd);
    return rc;
}

static int free_port(void)
{
    int s = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = 0};
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof(a);
    assert_int_equal(bind(s, (struct sockaddr *)&a, sizeof(a)), 0);
    assert_int_equal(getsockname(s, (struct sockaddr *)&a, &len), 0);
    close(s);
    return ntohs(a.sin_port);
}

static bool port_open(int port)
{
    int s = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port)};
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    bool ok = connect(s, (struct sockaddr *)&a, sizeof(a)) == 0;
    close(s);
    return ok;
}

/* Publishes version `v` of the sample content, signed, in www. */
static void publish(const char *bin, const char *root, int v)
{
    char cmd[8192];
    snprintf(cmd, sizeof(cmd),
             "sed -i 's/\"version\": *\"[^\"]*\"/\"version\": \"worker-%d\"/' '%s/www/content.json' "
             "&& '%s' sign '%s/www' --key '%s/ki.key' >/dev/null",
             v, root, bin, root, root);
    assert_int_equal(run(cmd), 0);
}

static void waits_until_the_kiosk_took_up_the_install(void **state)
{
    (void)state;
    const char *bin = getenv("LITFASS_BIN"), *src = getenv("LITFASS_SOURCE_DIR");
    assert_non_null(bin);
    assert_non_null(src);
    char root[] = "/tmp/litfass-test-worker-XXXXXX";
    assert_non_null(mkdtemp(root));
    char cmd[8192];
    snprintf(cmd, sizeof(cmd), "cp -r '%s/assets/content' '%s/www' && '%s' keygen --out '%s/ki' >'%s/keygen.out'",
             src, root, bin, root, root);
    assert_int_equal(run(cmd), 0);
    publish(bin, root, 1);

    /* the web server */
    int port = free_port();
    char port_s[16], www[4200];
    snprintf(port_s, sizeof(port_s), "%d", port);
    snprintf(www, sizeof(www), "%s/www", root);
    char *argv[] = {"python3", "-m", "http.server", port_s, "--bind", "127.0.0.1",
                    "--directory", www, NULL};
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
    pid_t server;
    assert_int_equal(posix_spawnp(&server, "python3", &fa, NULL, argv, environ), 0);
    posix_spawn_file_actions_destroy(&fa);
    for (int i = 0; i < 100 && !port_open(port); i++)
        sleep_ms(WAIT_STEP_MS);
    assert_true(port_open(port));

    /* a kiosk's config: that server, the KI's key, quick polls */
    struct lf_config cfg;
    lf_config_defaults(&cfg);
    snprintf(cfg.sync_url, sizeof(cfg.sync_url), "http://127.0.0.1:%d/content.json", port);
    cfg.allow_http = true;
    cfg.poll_seconds = 30;
    snprintf(cfg.cache_dir, sizeof(cfg.cache_dir), "%s/cache", root);
    char path[4200], line[512];
    snprintf(path, sizeof(path), "%s/keygen.out", root);
    FILE *f = fopen(path, "r");
    assert_non_null(f);
    while (fgets(line, sizeof(line), f))
        if (sscanf(line, "trusted_keys = %200s", cfg.trusted_keys) == 1)
            break;
    fclose(f);
    assert_true(cfg.trusted_keys[0] != '\0');
    setenv("LITFASS_BENCH_POLL_MS", "100", 1);

    assert_true(lf_sync_global_init());
    struct lf_sync_settings set;
    lf_config_sync_settings(&cfg, &set);
    struct lf_sync_worker *w = lf_sync_worker_start(&set, NULL, on_installed, NULL);
    assert_non_null(w);
    assert_int_equal(wait_reports(1, INSTALL_WAIT_MS), 1);

    /* two newer versions while the first is not on screen yet: 20 polls
     * pass, nothing is installed, the reported folder stays */
    publish(bin, root, 2);
    sleep_ms(1000);
    publish(bin, root, 3);
    sleep_ms(1000);
    assert_int_equal(report_count(), 1);
    struct stat st;
    assert_int_equal(stat(first_dir, &st), 0);

    /* taken up: the newest comes */
    lf_sync_worker_adopted(w, first_dir);
    assert_int_equal(wait_reports(2, INSTALL_WAIT_MS), 2);
    lf_sync_worker_stop(w);
    lf_sync_global_cleanup();
    snprintf(path, sizeof(path), "%s/cache/status.json", root);
    f = fopen(path, "r");
    assert_non_null(f);
    char status[8192];
    size_t n = fread(status, 1, sizeof(status) - 1, f);
    status[n] = '\0';
    fclose(f);
    assert_non_null(strstr(status, "worker-3"));

    kill(server, SIGTERM);
    waitpid(server, NULL, 0);
    assert_true(lf_remove_tree(root));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(waits_until_the_kiosk_took_up_the_install),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
