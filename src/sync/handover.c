/* The store's one owner and the manual run's hand-over: see handover.h. */
#define _GNU_SOURCE /* O_PATH, MSG_NOSIGNAL */
#include "sync/handover.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#include <jansson.h>

#include "core/durable.h"
#include "core/xalloc.h"

/* Opens `path` (made if missing) and takes its flock without waiting.
 * Taken: the descriptor, with `mark` written into the file (only a hint
 * for the next one: who holds it). Held by another process: -1, *held
 * true and the file's text (that one's mark) in who. Else -1, err says
 * why. A file of another user is locked read-only: a lock needs no
 * writing. */
static int lock_file(const char *path, const char *mark, bool *held, char *who, size_t who_size,
                     char *err, size_t err_size)
{
    *held = false;
    who[0] = '\0';
    int fd = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0644);
    if (fd < 0 && errno == EACCES)
        fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) {
        lf_error_text(err, err_size, "%s: %s", path, strerror(errno));
        return -1;
    }
    if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
        int e = errno;
        ssize_t n = pread(fd, who, who_size - 1, 0);
        who[n > 0 ? n : 0] = '\0';
        *held = e == EWOULDBLOCK;
        if (!*held)
            lf_error_text(err, err_size, "%s: %s", path, strerror(e));
        close(fd);
        return -1;
    }
    if (ftruncate(fd, 0) != 0 || pwrite(fd, mark, strlen(mark), 0) < 0)
        lf_debug("%s: %s", path, strerror(errno));
    return fd;
}

int lf_handover_claim(const char *cache_dir, enum lf_owner role, enum lf_owner *holder,
                      char *err, size_t err_size)
{
    *holder = LF_OWNER_NONE;
    if (!lf_make_dirs(cache_dir)) {
        lf_error_text(err, err_size, "cache folder %s: cannot create it (see the log)", cache_dir);
        return -1;
    }
    char *path = lf_xasprintf("%s/" LF_SYNC_OWNER_NAME, cache_dir);
    char *mark = lf_xasprintf("%s %ld\n", role == LF_OWNER_MANUAL ? "sync" : "kiosk",
                              (long)getpid());
    char who[64];
    bool held;
    int fd = lock_file(path, mark, &held, who, sizeof(who), err, err_size);
    if (held) {
        long pid = strtol(who + strcspn(who, " "), NULL, 10);
        *holder = strncmp(who, "sync", 4) == 0 ? LF_OWNER_MANUAL : LF_OWNER_KIOSK;
        lf_error_text(err, err_size, "cache folder %s is in use by %s (pid %ld)", cache_dir,
                      *holder == LF_OWNER_MANUAL ? "another `litfass sync --once`"
                                                 : "a running kiosk",
                      pid);
    }
    free(mark);
    free(path);
    return fd;
}

int lf_handover_kiosk_lock(const char *cache_dir, bool create, bool *busy, char *err,
                           size_t err_size)
{
    *busy = false;
    struct stat st;
    if (stat(cache_dir, &st) != 0 && !(create && errno == ENOENT && lf_make_dirs(cache_dir))) {
        lf_error_text(err, err_size, "%s: %s", cache_dir, strerror(errno));
        return -1;
    }
    char *path = lf_xasprintf("%s/" LF_KIOSK_LOCK_NAME, cache_dir);
    char *mark = lf_xasprintf("%ld\n", (long)getpid());
    char who[32];
    int fd = lock_file(path, mark, busy, who, sizeof(who), err, err_size);
    if (*busy)
        lf_error_text(err, err_size,
                      "another kiosk (pid %ld) is running on the state folder %s ([sync] "
                      "cache_dir): one kiosk per folder; stop that one first (systemctl stop "
                      "litfass) or give this one a cache_dir of its own",
                      strtol(who, NULL, 10), cache_dir);
    free(mark);
    free(path);
    return fd;
}

enum lf_lock_kept lf_handover_lock_keep(const char *cache_dir, const char *name,
                                        const char *mark, int *fd, char *err, size_t err_size)
{
    char *path = lf_xasprintf("%s/%s", cache_dir, name);
    struct stat held, there;
    enum lf_lock_kept r = LF_LOCK_KEPT;
    if (*fd >= 0 && fstat(*fd, &held) == 0 && lstat(path, &there) == 0 &&
        held.st_dev == there.st_dev && held.st_ino == there.st_ino)
        goto done;
    char who[64];
    bool busy = false;
    int nfd = -1;
    if (!lf_make_dirs(cache_dir))
        lf_error_text(err, err_size, "%s: cannot make the folder again (see the log)", cache_dir);
    else
        nfd = lock_file(path, mark, &busy, who, sizeof(who), err, err_size);
    if (nfd >= 0) {
        if (*fd >= 0)
            close(*fd);
        *fd = nfd;
        r = LF_LOCK_RENEWED;
    } else if (busy) {
        who[strcspn(who, "\n")] = '\0';
        lf_error_text(err, err_size, "%s was deleted and made again by another process (it "
                      "says: %s)", path, who[0] ? who : "nothing");
        r = LF_LOCK_TAKEN;
    } else {
        r = LF_LOCK_LOST;
    }
done:
    free(path);
    return r;
}

long lf_handover_lock_holder(const char *cache_dir, const char *name)
{
    char *path = lf_xasprintf("%s/%s", cache_dir, name);
    struct stat st;
    int found = lstat(path, &st);
    free(path);
    if (found != 0)
        return -1;
    FILE *f = fopen("/proc/locks", "re");
    if (!f)
        return -2;
    /* "1: FLOCK  ADVISORY  WRITE 1234 08:02:56789 0 EOF"; a waiter's line
     * has "->" after the number */
    char line[256];
    long holder = 0;
    while (holder == 0 && fgets(line, sizeof(line), f)) {
        char kind[16], mode[16], rw[16];
        long pid;
        unsigned maj, min;
        unsigned long long ino;
        if (sscanf(line, "%*d: %15s %15s %15s %ld %x:%x:%llu", kind, mode, rw, &pid, &maj, &min,
                   &ino) == 7 &&
            strcmp(kind, "FLOCK") == 0 && ino == (unsigned long long)st.st_ino &&
            maj == major(st.st_dev) && min == minor(st.st_dev))
            holder = pid;
    }
    fclose(f);
    return holder;
}

/* The socket's address; a folder name too long for sun_path is reached
 * through /proc/self/fd/N of the folder (*dir_fd, closed by the caller). */
static bool socket_address(const char *cache_dir, struct sockaddr_un *a, int *dir_fd)
{
    memset(a, 0, sizeof(*a));
    a->sun_family = AF_UNIX;
    *dir_fd = -1;
    int n = snprintf(a->sun_path, sizeof(a->sun_path), "%s/" LF_SYNC_SOCKET_NAME, cache_dir);
    if (n > 0 && (size_t)n < sizeof(a->sun_path))
        return true;
    *dir_fd = open(cache_dir, O_PATH | O_DIRECTORY | O_CLOEXEC);
    if (*dir_fd < 0)
        return false;
    snprintf(a->sun_path, sizeof(a->sun_path), "/proc/self/fd/%d/" LF_SYNC_SOCKET_NAME, *dir_fd);
    return true;
}

int lf_handover_listen(const char *cache_dir)
{
    struct sockaddr_un a;
    int dir_fd;
    if (!socket_address(cache_dir, &a, &dir_fd)) {
        lf_error("%s: cannot open the cache folder: %s", cache_dir, strerror(errno));
        return -1;
    }
    int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    bool ok = fd >= 0;
    if (ok) {
        unlink(a.sun_path); /* a kiosk that was killed left it; we hold the claim */
        mode_t old = umask(0177);
        ok = bind(fd, (struct sockaddr *)&a, sizeof(a)) == 0;
        umask(old);
        ok = ok && listen(fd, LF_HANDOVER_CLIENTS) == 0;
    }
    if (!ok) {
        lf_error("%s/" LF_SYNC_SOCKET_NAME ": cannot listen: %s", cache_dir, strerror(errno));
        if (fd >= 0)
            close(fd);
        fd = -1;
    }
    if (dir_fd >= 0)
        close(dir_fd);
    return fd;
}

bool lf_handover_reply(int fd, const char *json_line)
{
    char *line = lf_xasprintf("%s\n", json_line); /* one piece: the reader wants whole lines */
    size_t n = strlen(line);
    const char *p = line;
    while (n > 0) {
        ssize_t w = send(fd, p, n, MSG_NOSIGNAL);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            break;
        p += w;
        n -= (size_t)w;
    }
    free(line);
    return n == 0;
}

char *lf_handover_outcome_json(const struct lf_sync_outcome *o)
{
    static const char *const names[] = {"installed", "up_to_date", "failed"};
    json_t *j = json_object();
    json_object_set_new(j, "result", json_string(names[o->result]));
    json_object_set_new(j, "id", json_string(o->installed_id));
    json_object_set_new(j, "dir", json_string(o->bundle_dir));
    json_object_set_new(j, "error", json_string(o->error));
    json_object_set_new(j, "damage", json_string(o->damage));
    json_object_set_new(j, "repaired", json_boolean(o->repaired));
    char *text = json_dumps(j, JSON_COMPACT);
    json_decref(j);
    return text ? text : lf_xstrdup("{\"result\": \"failed\"}");
}

static long long now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* One line from fd within `ms` into a new JSON object, or NULL. */
static json_t *read_line(int fd, char *buf, size_t cap, size_t *have, long long ms)
{
    long long until = now_ms() + ms;
    for (;;) {
        char *nl = memchr(buf, '\n', *have);
        if (nl) {
            *nl = '\0';
            json_t *j = json_loads(buf, 0, NULL);
            size_t used = (size_t)(nl - buf) + 1;
            memmove(buf, nl + 1, *have - used);
            *have -= used;
            return json_is_object(j) ? j : (json_decref(j), NULL);
        }
        long long left = until - now_ms();
        if (left <= 0 || *have + 1 >= cap)
            return NULL;
        struct pollfd p = {.fd = fd, .events = POLLIN};
        int rc = poll(&p, 1, left > 1000 ? 1000 : (int)left);
        if (rc < 0 && errno != EINTR)
            return NULL;
        if (rc <= 0)
            continue;
        ssize_t n = read(fd, buf + *have, cap - 1 - *have);
        if (n <= 0)
            return NULL;
        *have += (size_t)n;
    }
}

static void copy_text(const json_t *j, const char *key, char *out, size_t size)
{
    const char *v = json_string_value(json_object_get(j, key));
    snprintf(out, size, "%s", v ? v : "");
}

bool lf_handover_ask(const char *cache_dir, struct lf_sync_outcome *o, char *on_screen,
                     size_t on_screen_size, char *err, size_t err_size)
{
    memset(o, 0, sizeof(*o));
    o->result = LF_SYNC_FAILED;
    on_screen[0] = '\0';
    struct sockaddr_un a;
    int dir_fd, fd = -1;
    bool ok = false;
    char buf[2 * LF_STORE_ERROR_BYTES + 2 * PATH_MAX];
    size_t have = 0;
    json_t *j = NULL;
    if (!socket_address(cache_dir, &a, &dir_fd)) {
        lf_error_text(err, err_size, "%s: cannot open the cache folder: %s", cache_dir,
                      strerror(errno));
        return false;
    }
    /* a kiosk that has just started may not listen yet */
    long long until = now_ms() + LF_HANDOVER_CONNECT_WAIT_MS;
    for (;;) {
        fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
        if (fd >= 0 && connect(fd, (struct sockaddr *)&a, sizeof(a)) == 0)
            break;
        int e = errno;
        if (fd >= 0)
            close(fd);
        fd = -1;
        if (now_ms() >= until) {
            lf_error_text(err, err_size,
                          "%s/" LF_SYNC_SOCKET_NAME ": the running kiosk does not answer (%s)",
                          cache_dir, strerror(e));
            goto done;
        }
        struct timespec pause = {.tv_sec = 0, .tv_nsec = 100 * 1000000L};
        nanosleep(&pause, NULL);
    }
    if (!lf_handover_reply(fd, "sync")) {
        lf_error_text(err, err_size, "the running kiosk hung up: %s", strerror(errno));
        goto done;
    }
    j = read_line(fd, buf, sizeof(buf), &have, (long long)LF_HANDOVER_CYCLE_WAIT_S * 1000);
    if (!j) {
        lf_error_text(err, err_size, "the running kiosk did not answer within %d s; it keeps "
                      "looking by itself", LF_HANDOVER_CYCLE_WAIT_S);
        goto done;
    }
    const char *result = json_string_value(json_object_get(j, "result"));
    o->result = result && strcmp(result, "installed") == 0    ? LF_SYNC_INSTALLED
                : result && strcmp(result, "up_to_date") == 0 ? LF_SYNC_UP_TO_DATE
                                                              : LF_SYNC_FAILED;
    copy_text(j, "id", o->installed_id, sizeof(o->installed_id));
    copy_text(j, "dir", o->bundle_dir, sizeof(o->bundle_dir));
    copy_text(j, "error", o->error, sizeof(o->error));
    copy_text(j, "damage", o->damage, sizeof(o->damage));
    o->repaired = json_is_true(json_object_get(j, "repaired"));
    json_decref(j);
    ok = true;
    if (o->result != LF_SYNC_INSTALLED)
        goto done;
    j = read_line(fd, buf, sizeof(buf), &have, (long long)LF_HANDOVER_SHOW_WAIT_S * 1000);
    if (j)
        copy_text(j, "on_screen", on_screen, on_screen_size);
    json_decref(j);
done:
    if (fd >= 0)
        close(fd);
    if (dir_fd >= 0)
        close(dir_fd);
    return ok;
}
