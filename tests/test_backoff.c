/* Sync timing: exponential backoff with full jitter and its cap,
 * Retry-After as a minimum, poll interval jitter bounds, Retry-After
 * parsing, a worker stopped in a hung transfer, and one that backs off. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#include "app/config.h"
#include "core/durable.h"
#include "sync/fetch.h"
#include "sync/sync.h"
#include "sync/worker.h"

#define R_MIN 0u
#define R_MID 0x80000000u
#define R_MAX UINT32_MAX

static void backoff_table(void **state)
{
    (void)state;
    static const struct {
        unsigned failures;
        long retry_after_s;
        uint32_t random;
        uint64_t want_ms;
    } cases[] = {
        {0, 0, R_MAX, 0},               /* no failure, no wait */
        {1, 0, R_MAX, 30000},           /* first: up to 30 s */
        {1, 0, R_MID, 15000},           /* full jitter: anywhere in the range */
        {1, 0, R_MIN, 1000},            /* but never sooner than 1 s */
        {2, 0, R_MAX, 60000},           /* doubling */
        {3, 0, R_MAX, 120000},
        {8, 0, R_MAX, 3600000},         /* 30 s * 2^7 = 64 min: capped at 1 h */
        {8, 0, R_MID, 1800000},
        {1000, 0, R_MAX, 3600000},      /* no overflow however many */
        {1, 120, R_MIN, 120000},        /* Retry-After is a minimum ... */
        {1, 120, R_MAX, 120000},
        {3, 20, R_MAX, 120000},         /* ... not a maximum */
        {1, 7200, R_MAX, 7200000},      /* longer than the cap: honoured */
        {1, 10L * 24 * 3600, R_MAX, 24u * 3600 * 1000}, /* absurd: cut to a day */
        {1, -5, R_MIN, 1000},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        uint64_t got = lf_backoff_delay_ms(cases[i].failures, cases[i].retry_after_s,
                                           cases[i].random);
        if (got != cases[i].want_ms)
            fail_msg("case %zu: failures %u, retry-after %ld: %llu ms, wanted %llu", i,
                     cases[i].failures, cases[i].retry_after_s, (unsigned long long)got,
                     (unsigned long long)cases[i].want_ms);
    }
}

/* Over many random values every delay stays inside its range, and the
 * range is used (not a constant). */
static void backoff_bounds(void **state)
{
    (void)state;
    srand(4);
    for (unsigned failures = 1; failures <= 10; failures++) {
        uint64_t cap = (uint64_t)LF_BACKOFF_BASE_MS << (failures - 1);
        if (cap > LF_BACKOFF_CAP_MS)
            cap = LF_BACKOFF_CAP_MS;
        uint64_t lo = UINT64_MAX, hi = 0;
        for (int k = 0; k < 2000; k++) {
            uint32_t r = (uint32_t)rand() << 16 ^ (uint32_t)rand();
            uint64_t d = lf_backoff_delay_ms(failures, 0, r);
            assert_true(d >= LF_BACKOFF_MIN_MS && d <= cap);
            lo = d < lo ? d : lo;
            hi = d > hi ? d : hi;
        }
        assert_true(lo < cap / 10 + LF_BACKOFF_MIN_MS);
        assert_true(hi > cap - cap / 10);
    }
}

static void poll_jitter(void **state)
{
    (void)state;
    assert_int_equal(lf_poll_delay_ms(300, R_MIN), 270000);
    assert_int_equal(lf_poll_delay_ms(300, R_MAX), 330000);
    assert_int_equal(lf_poll_delay_ms(300, R_MID), 300000);
    assert_int_equal(lf_poll_delay_ms(86400, R_MAX), 95040000);
    srand(7);
    for (int k = 0; k < 5000; k++) {
        uint32_t r = (uint32_t)rand() << 16 ^ (uint32_t)rand();
        uint64_t d = lf_poll_delay_ms(30, r);
        assert_true(d >= 27000 && d <= 33000);
    }
}

static void retry_after_values(void **state)
{
    (void)state;
    long now = 1795000000; /* 2026-11-18T11:06:40Z */
    assert_int_equal(lf_fetch_parse_retry_after("120", now), 120);
    assert_int_equal(lf_fetch_parse_retry_after("0", now), 0);
    assert_int_equal(lf_fetch_parse_retry_after("", now), 0);
    assert_int_equal(lf_fetch_parse_retry_after(NULL, now), 0);
    assert_int_equal(lf_fetch_parse_retry_after("12x", now), 0);
    assert_int_equal(lf_fetch_parse_retry_after("99999999999999999999", now),
                     LF_SYNC_MAX_RETRY_AFTER_S);
    assert_int_equal(lf_fetch_parse_retry_after("Wed, 18 Nov 2026 11:08:40 GMT", now), 120);
    assert_int_equal(lf_fetch_parse_retry_after("Wed, 18 Nov 2026 10:00:00 GMT", now), 0);
    assert_int_equal(lf_fetch_parse_retry_after("soon", now), 0);
}

/* A worker whose transfer hangs (a server on 127.0.0.1 that takes the
 * connection and never answers, with timeouts of an hour) is stopped in
 * the middle of it: stop aborts the transfer and returns (the server sees
 * the connection closed), and nothing is reported installed. Waits are
 * for conditions, with generous limits far below the hour the transfer
 * would otherwise hang. */
static int installed_calls;
static bool on_installed(void *ctx, const char *dir)
{
    (void)ctx;
    (void)dir;
    installed_calls++;
    return true;
}

struct stopper {
    struct lf_sync_worker *w;
    pthread_mutex_t lock;
    pthread_cond_t done_cond;
    bool done;
};

static void *stop_worker(void *arg)
{
    struct stopper *s = arg;
    lf_sync_worker_stop(s->w);
    pthread_mutex_lock(&s->lock);
    s->done = true;
    pthread_cond_signal(&s->done_cond);
    pthread_mutex_unlock(&s->lock);
    return NULL;
}

#define STOP_WAIT_S 60 /* generous: the hung transfer would last an hour */

static void worker_stops_promptly(void **state)
{
    (void)state;
    assert_true(lf_sync_global_init());
    char cache[] = "/tmp/litfass-test-worker-XXXXXX";
    assert_non_null(mkdtemp(cache));

    /* the server that never answers */
    int srv = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    assert_true(srv >= 0);
    struct sockaddr_in addr = {.sin_family = AF_INET, .sin_port = 0};
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    assert_int_equal(bind(srv, (struct sockaddr *)&addr, sizeof(addr)), 0);
    assert_int_equal(listen(srv, 4), 0);
    socklen_t len = sizeof(addr);
    assert_int_equal(getsockname(srv, (struct sockaddr *)&addr, &len), 0);

    struct lf_config cfg;
    lf_config_defaults(&cfg);
    snprintf(cfg.sync_url, sizeof(cfg.sync_url), "http://127.0.0.1:%u/content.json",
             (unsigned)ntohs(addr.sin_port));
    snprintf(cfg.cache_dir, sizeof(cfg.cache_dir), "%s", cache);
    cfg.allow_http = true;
    cfg.poll_seconds = 30;
    cfg.connect_timeout_s = 300;
    cfg.transfer_timeout_s = 3600;
    cfg.low_speed_s = 3600;

    struct lf_sync_settings set, none;
    lf_config_sync_settings(&cfg, &set);
    none = set;
    none.url[0] = '\0';
    assert_null(lf_sync_worker_start(&none, NULL, on_installed, NULL));

    struct lf_sync_worker *w = lf_sync_worker_start(&set, NULL, on_installed, NULL);
    assert_non_null(w);
    /* the worker's request has reached the server: the transfer now hangs */
    struct pollfd pfd = {.fd = srv, .events = POLLIN};
    assert_int_equal(poll(&pfd, 1, STOP_WAIT_S * 1000), 1);
    int conn = accept(srv, NULL, NULL);
    assert_true(conn >= 0);
    /* ... and its whole request has come: the server now says nothing */
    struct timeval rcv = {.tv_sec = STOP_WAIT_S};
    assert_int_equal(setsockopt(conn, SOL_SOCKET, SO_RCVTIMEO, &rcv, sizeof(rcv)), 0);
    char request[8192];
    size_t got = 0;
    while (got + 1 < sizeof(request)) {
        ssize_t n = read(conn, request + got, sizeof(request) - 1 - got);
        if (n <= 0)
            break;
        got += (size_t)n;
        request[got] = '\0';
        if (strstr(request, "\r\n\r\n"))
            break;
    }
    request[got] = '\0';
    if (!strstr(request, "GET /content.json ") || !strstr(request, "\r\n\r\n"))
        fail_msg("the worker's request did not come whole: \"%s\"", request);

    struct stopper s = {.w = w, .done = false};
    pthread_mutex_init(&s.lock, NULL);
    pthread_cond_init(&s.done_cond, NULL);
    pthread_t tid;
    assert_int_equal(pthread_create(&tid, NULL, stop_worker, &s), 0);
    struct timespec until;
    clock_gettime(CLOCK_REALTIME, &until);
    until.tv_sec += STOP_WAIT_S;
    pthread_mutex_lock(&s.lock);
    while (!s.done && pthread_cond_timedwait(&s.done_cond, &s.lock, &until) == 0) {
    }
    bool stopped = s.done;
    pthread_mutex_unlock(&s.lock);
    if (!stopped)
        fail_msg("lf_sync_worker_stop did not return within %d s of a hung transfer",
                 STOP_WAIT_S);
    assert_int_equal(pthread_join(tid, NULL), 0);

    /* the transfer was aborted: the server reads the end of the stream (not
     * the read timeout, nor more bytes) */
    char buf[64];
    assert_int_equal(read(conn, buf, sizeof(buf)), 0);
    close(conn);
    close(srv);
    pthread_cond_destroy(&s.done_cond);
    pthread_mutex_destroy(&s.lock);
    assert_int_equal(installed_calls, 0);
    assert_true(lf_remove_tree(cache));
    lf_sync_global_cleanup();
}

/* Issue 11: a cache folder that cannot be used at all (here: a path under
 * a plain file, so status.json cannot be written either) still backs off
 * further with each failure -- the count is the worker's own, not
 * status.json's. With LITFASS_TEST_BACKOFF_MS=100 the waits are 1/300 of
 * the real ones, so several failures come within seconds. */
static void unusable_cache_backs_off(void **state)
{
    (void)state;
    assert_true(lf_sync_global_init());
    char dir[] = "/tmp/litfass-test-backoff-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char file[sizeof(dir) + 16];
    snprintf(file, sizeof(file), "%s/file", dir);
    FILE *f = fopen(file, "w");
    assert_non_null(f);
    fclose(f);
    struct lf_config cfg;
    lf_config_defaults(&cfg);
    snprintf(cfg.sync_url, sizeof(cfg.sync_url), "http://127.0.0.1:9/content.json");
    snprintf(cfg.cache_dir, sizeof(cfg.cache_dir), "%s/cache", file);
    cfg.poll_seconds = 30;
    cfg.allow_http = true;
    struct lf_sync_settings set;
    lf_config_sync_settings(&cfg, &set);
    setenv("LITFASS_TEST_BACKOFF_MS", "100", 1);
    struct lf_sync_worker *w = lf_sync_worker_start(&set, NULL, on_installed, NULL);
    assert_non_null(w);
    unsigned seen = 0;
    for (int i = 0; i < 600 && seen < 4; i++) { /* a condition, waited for up to 60 s */
        struct timespec pause = {.tv_sec = 0, .tv_nsec = 100 * 1000000L};
        nanosleep(&pause, NULL);
        seen = lf_sync_worker_failures(w);
    }
    lf_sync_worker_stop(w);
    assert_true(seen >= 4); /* stuck at 1 when the count came from status.json */
    assert_true(lf_remove_tree(dir));
    lf_sync_global_cleanup();
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(backoff_table),
        cmocka_unit_test(backoff_bounds),
        cmocka_unit_test(poll_jitter),
        cmocka_unit_test(retry_after_values),
        cmocka_unit_test(worker_stops_promptly),
        cmocka_unit_test(unusable_cache_backs_off),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
