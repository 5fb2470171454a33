/* Network work in a short-lived child (see net_child.h). */
#define _GNU_SOURCE /* posix_spawn_file_actions_addclosefrom_np */
#include "sync/net_child.h"

#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "core/limits.h"
#include "core/xalloc.h"

extern char **environ;

#define MAGIC 0x6c666e31u /* "lfn1" */
#define POLL_MS 100       /* how often a waiting parent looks at the cancel flag */

enum kind { KIND_CYCLE = 1, KIND_POST = 2 };

struct header {
    uint32_t magic, kind;
    int log_level;
    char log_name[LF_LOG_NAME_BYTES + 1];
    pid_t parent;
};

struct cycle_request {
    struct lf_sync_settings cfg;
    bool full_check, has_shown;
    char shown_dir[PATH_MAX];
};

struct post_request {
    char url[LF_MAX_URL_BYTES + 1];
    char ca_file[PATH_MAX];
    char bearer[LF_MAX_URL_BYTES + 1];
    char content_type[128];
    bool allow_http, has_ca, has_bearer;
    size_t len; /* the body's bytes follow */
};

struct post_answer {
    bool ok;
    struct lf_post_result result;
};

static char program[PATH_MAX];

void lf_net_child_enable(const char *path)
{
    snprintf(program, sizeof(program), "%s", path);
}

bool lf_net_child_enabled(void)
{
    return program[0] != '\0';
}

static bool send_all(int fd, const void *data, size_t len)
{
    const char *p = data;
    while (len > 0) {
        ssize_t n = send(fd, p, len, MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        p += n;
        len -= (size_t)n;
    }
    return true;
}

static bool read_all(int fd, void *data, size_t len)
{
    char *p = data;
    while (len > 0) {
        ssize_t n = read(fd, p, len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        p += n;
        len -= (size_t)n;
    }
    return true;
}

static uint64_t mono_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (uint64_t)t.tv_sec * 1000u + (uint64_t)t.tv_nsec / 1000000u;
}

/* Starts `program net-child` with one end of a socket as its stdin and
 * stdout; returns its pid (the other end in *fd) or -1 with err filled. */
static pid_t start_child(int *fd, char *err, size_t err_size)
{
    int sv[2];
    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) != 0) {
        lf_error_text(err, err_size, "network child: socket: %s", strerror(errno));
        return -1;
    }
    posix_spawn_file_actions_t fa;
    posix_spawnattr_t at;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_adddup2(&fa, sv[1], STDIN_FILENO);
    posix_spawn_file_actions_adddup2(&fa, sv[1], STDOUT_FILENO);
#if defined(__GLIBC__) && (__GLIBC__ > 2 || __GLIBC_MINOR__ >= 34)
    posix_spawn_file_actions_addclosefrom_np(&fa, STDERR_FILENO + 1);
#endif
    posix_spawnattr_init(&at);
    /* the kiosk's threads block the signals its signal thread waits for:
     * the child starts with none blocked and their default actions */
    sigset_t none, defaults;
    sigemptyset(&none);
    sigemptyset(&defaults);
    sigaddset(&defaults, SIGTERM);
    sigaddset(&defaults, SIGINT);
    sigaddset(&defaults, SIGHUP);
    sigaddset(&defaults, SIGUSR1);
    posix_spawnattr_setsigmask(&at, &none);
    posix_spawnattr_setsigdefault(&at, &defaults);
    posix_spawnattr_setflags(&at, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
    char *argv[] = {program, (char *)LF_NET_CHILD_COMMAND, NULL};
    pid_t pid;
    int e = posix_spawn(&pid, program, &fa, &at, argv, environ);
    posix_spawn_file_actions_destroy(&fa);
    posix_spawnattr_destroy(&at);
    close(sv[1]);
    if (e != 0) {
        close(sv[0]);
        lf_error_text(err, err_size, "network child: cannot start %s: %s", program, strerror(e));
        return -1;
    }
    *fd = sv[0];
    return pid;
}

/* Sends the request (header, fixed part, body), then waits for the
 * answer of `size` bytes, stopping the child when *cancel is set.
 * Returns whether the whole answer came; *cancelled when it was asked to
 * stop; err filled otherwise. Reaps the child. */
static bool exchange(enum kind kind, const void *req, size_t req_size, const void *body,
                     size_t body_len, void *answer, size_t size, const atomic_bool *cancel,
                     bool *cancelled, char *err, size_t err_size)
{
    *cancelled = false;
    int fd;
    pid_t pid = start_child(&fd, err, err_size);
    if (pid < 0)
        return false;
    struct header h = {.magic = MAGIC, .kind = (uint32_t)kind, .log_level = (int)lf_log_level(),
                       .parent = getpid()};
    snprintf(h.log_name, sizeof(h.log_name), "%s", lf_log_name());
    bool sent = send_all(fd, &h, sizeof(h)) && send_all(fd, req, req_size) &&
                (body_len == 0 || send_all(fd, body, body_len));
    shutdown(fd, SHUT_WR);
    size_t got = 0;
    uint64_t term_at = 0;
    bool killed = false;
    while (sent && got < size) {
        if (cancel && atomic_load(cancel) && !term_at) {
            kill(pid, SIGTERM); /* the child cancels its transfer and answers */
            term_at = mono_ms();
            *cancelled = true;
        }
        if (term_at && !killed && mono_ms() - term_at > LF_NET_CHILD_STOP_GRACE_MS) {
            kill(pid, SIGKILL);
            killed = true;
        }
        struct pollfd p = {.fd = fd, .events = POLLIN};
        int r = poll(&p, 1, POLL_MS);
        if (r < 0 && errno != EINTR)
            break;
        if (r <= 0)
            continue;
        ssize_t n = read(fd, (char *)answer + got, size - got);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        got += (size_t)n;
    }
    if (!sent && cancel && atomic_load(cancel))
        *cancelled = true;
    if (got < size && !killed)
        kill(pid, SIGTERM); /* a request it could not take, or a half answer */
    close(fd);
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    if (got == size)
        return true;
    if (WIFSIGNALED(status))
        lf_error_text(err, err_size, "network child: ended by signal %d", WTERMSIG(status));
    else
        lf_error_text(err, err_size, "network child: ended without an answer (exit %d)",
                      WIFEXITED(status) ? WEXITSTATUS(status) : -1);
    return false;
}

void lf_net_child_sync_cycle(const struct lf_sync_settings *cfg, const struct lf_sync_request *rq,
                             struct lf_sync_outcome *out)
{
    if (!lf_net_child_enabled()) {
        lf_sync_cycle(cfg, rq, out);
        return;
    }
    struct cycle_request *c = lf_xcalloc(1, sizeof(*c));
    c->cfg = *cfg;
    c->full_check = rq->full_check;
    c->has_shown = rq->shown_dir != NULL;
    snprintf(c->shown_dir, sizeof(c->shown_dir), "%s", rq->shown_dir ? rq->shown_dir : "");
    bool cancelled;
    char err[LF_STORE_ERROR_BYTES];
    bool ok = exchange(KIND_CYCLE, c, sizeof(*c), NULL, 0, out, sizeof(*out), rq->cancel,
                       &cancelled, err, sizeof(err));
    free(c);
    out->signature = NULL; /* the child's, gone with it */
    out->signature_len = 0;
    if (ok)
        return;
    memset(out, 0, sizeof(*out));
    out->result = LF_SYNC_FAILED;
    out->cancelled = cancelled;
    snprintf(out->error, sizeof(out->error), "%s", cancelled ? "cancelled" : err);
}

bool lf_net_child_post(const struct lf_post_request *req, struct lf_post_result *result)
{
    if (!lf_net_child_enabled())
        return lf_post(req, result);
    memset(result, 0, sizeof(*result));
    struct post_request *p = lf_xcalloc(1, sizeof(*p));
    int n1 = snprintf(p->url, sizeof(p->url), "%s", req->url);
    int n2 = snprintf(p->ca_file, sizeof(p->ca_file), "%s", req->ca_file ? req->ca_file : "");
    int n3 = snprintf(p->bearer, sizeof(p->bearer), "%s", req->bearer ? req->bearer : "");
    int n4 = snprintf(p->content_type, sizeof(p->content_type), "%s",
                      req->content_type ? req->content_type : "");
    p->allow_http = req->allow_http;
    p->has_ca = req->ca_file != NULL;
    p->has_bearer = req->bearer != NULL;
    p->len = req->len;
    if ((size_t)n1 >= sizeof(p->url) || (size_t)n2 >= sizeof(p->ca_file) ||
        (size_t)n3 >= sizeof(p->bearer) || (size_t)n4 >= sizeof(p->content_type)) {
        snprintf(result->error, sizeof(result->error), "%.200s: too long for the network child",
                 req->url);
        free(p);
        return false;
    }
    struct post_answer *a = lf_xcalloc(1, sizeof(*a));
    bool cancelled;
    char err[256];
    bool ok = exchange(KIND_POST, p, sizeof(*p), req->body, req->len, a, sizeof(*a), req->cancel,
                       &cancelled, err, sizeof(err));
    free(p);
    if (ok) {
        *result = a->result;
        ok = a->ok;
    } else {
        snprintf(result->error, sizeof(result->error), "%.200s: %s", req->url,
                 cancelled ? "cancelled" : err);
    }
    free(a);
    return ok;
}

/* ---- the child's side ---- */

static atomic_bool stop_asked;

static void on_term(int sig)
{
    (void)sig;
    atomic_store(&stop_asked, true);
}

static int serve_cycle(void)
{
    struct cycle_request *c = lf_xcalloc(1, sizeof(*c));
    if (!read_all(STDIN_FILENO, c, sizeof(*c))) {
        lf_error("network child: the sync request came incomplete");
        free(c);
        return EXIT_FAILURE;
    }
    struct lf_sync_request rq = {.cancel = &stop_asked, .full_check = c->full_check,
                                 .shown_dir = c->has_shown ? c->shown_dir : NULL};
    struct lf_sync_outcome *o = lf_xcalloc(1, sizeof(*o));
    lf_sync_cycle(&c->cfg, &rq, o);
    o->signature = NULL;
    o->signature_len = 0;
    bool ok = send_all(STDOUT_FILENO, o, sizeof(*o));
    free(o);
    free(c);
    return ok ? EXIT_SUCCESS : EXIT_FAILURE;
}

static int serve_post(void)
{
    struct post_request *p = lf_xcalloc(1, sizeof(*p));
    if (!read_all(STDIN_FILENO, p, sizeof(*p)) || p->len > LF_NET_CHILD_MAX_BODY_BYTES) {
        lf_error("network child: the post request came incomplete or too large");
        free(p);
        return EXIT_FAILURE;
    }
    char *body = lf_xmalloc(p->len + 1);
    if (!read_all(STDIN_FILENO, body, p->len)) {
        lf_error("network child: the post's body came incomplete");
        free(body);
        free(p);
        return EXIT_FAILURE;
    }
    struct lf_post_request req = {.url = p->url, .allow_http = p->allow_http,
                                  .ca_file = p->has_ca ? p->ca_file : NULL,
                                  .bearer = p->has_bearer ? p->bearer : NULL,
                                  .content_type = p->content_type, .body = body, .len = p->len,
                                  .cancel = &stop_asked};
    struct post_answer *a = lf_xcalloc(1, sizeof(*a));
    a->ok = lf_post(&req, &a->result);
    bool ok = send_all(STDOUT_FILENO, a, sizeof(*a));
    free(a);
    free(body);
    free(p);
    return ok ? EXIT_SUCCESS : EXIT_FAILURE;
}

int lf_net_child_serve(void)
{
    struct sigaction sa = {.sa_handler = on_term};
    sigemptyset(&sa.sa_mask);
    sigaction(SIGTERM, &sa, NULL);
    signal(SIGPIPE, SIG_IGN);
    prctl(PR_SET_PDEATHSIG, SIGTERM); /* a kiosk gone: stop */
    struct header h;
    if (!read_all(STDIN_FILENO, &h, sizeof(h)) || h.magic != MAGIC) {
        fprintf(stderr, "litfass: %s is started by the kiosk only\n", LF_NET_CHILD_COMMAND);
        return EXIT_FAILURE;
    }
    if (getppid() != h.parent)
        return EXIT_FAILURE; /* the kiosk ended before the death signal was set */
    lf_log_set_level((enum lf_log_level)h.log_level);
    lf_log_set_name(h.log_name);
    if (!lf_sync_global_init())
        return EXIT_FAILURE; /* logged */
    int rc = h.kind == KIND_CYCLE  ? serve_cycle()
             : h.kind == KIND_POST ? serve_post()
                                   : EXIT_FAILURE;
    lf_sync_global_cleanup();
    return rc;
}
