/* Durable writes and folder trees: see durable.h. The tree walks use
 * openat/fdopendir so a symbolic link inside a tree is never followed and
 * the depth is bounded by the file system, not by path length. */
#include "core/durable.h"

#include <dirent.h>
#include <errno.h>
#include <stdatomic.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/xalloc.h"

#include "core/limits.h"

/* Folders nested deeper than this are not walked: the bundle's own limit
 * (what validate and sign accept, the store can sync and remove), and
 * one more so a tree that breaks it can still be removed. */
#define TREE_MAX_DEPTH (LF_MAX_PATH_DEPTH + 1)
/* Removing goes deeper: whatever is found in a folder of ours (a tree
 * copied in by hand) must be removable; this bound only keeps the
 * recursion's stack and open folders finite. */
#define REMOVE_MAX_DEPTH 256

/* Every fsync of this file goes through here, counted (lf_durable_syncs). */
static atomic_ulong syncs;

static int counted_fsync(int fd)
{
    atomic_fetch_add(&syncs, 1);
    return fsync(fd);
}

unsigned long lf_durable_syncs(void)
{
    return atomic_load(&syncs);
}

bool lf_write_all(int fd, const void *data, size_t len)
{
    const char *p = data;
    while (len > 0) {
        ssize_t n = write(fd, p, len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return false;
        p += n;
        len -= (size_t)n;
    }
    return true;
}

bool lf_write_new(const char *path, const void *data, size_t len, int mode)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
    if (fd < 0)
        return false;
    bool ok = fchmod(fd, (mode_t)mode) == 0 && lf_write_all(fd, data, len) && counted_fsync(fd) == 0;
    int e = errno;
    if (close(fd) != 0 && ok) {
        ok = false;
        e = errno;
    }
    if (!ok) {
        unlink(path);
        errno = e;
    }
    return ok;
}

bool lf_fsync_path(const char *path)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        lf_error("%s: cannot open to sync: %s", path, strerror(errno));
        return false;
    }
    bool ok = counted_fsync(fd) == 0;
    if (!ok)
        lf_error("%s: fsync: %s", path, strerror(errno));
    close(fd);
    return ok;
}

bool lf_fsync_parent(const char *path)
{
    char *dir = lf_xstrdup(path);
    char *slash = strrchr(dir, '/');
    if (!slash)
        snprintf(dir, strlen(path) + 1, ".");
    else if (slash == dir)
        slash[1] = '\0';
    else
        *slash = '\0';
    bool ok = lf_fsync_path(dir);
    free(dir);
    return ok;
}

bool lf_durable_tmp_orphaned(const char *name)
{
    size_t n = strlen(name), m = strlen(LF_DURABLE_TMP_SUFFIX);
    /* "<name>.<pid>-XXXXXX.tmp" */
    if (n < m + 9 || strcmp(name + n - m, LF_DURABLE_TMP_SUFFIX) != 0)
        return false;
    const char *dash = name + n - m - 7;
    if (*dash != '-')
        return false;
    const char *digits = dash;
    while (digits > name && digits[-1] >= '0' && digits[-1] <= '9')
        digits--;
    if (digits == dash || digits == name || digits[-1] != '.' || dash - digits > 9)
        return false;
    long pid = strtol(digits, NULL, 10);
    if (pid <= 0 || pid == (long)getpid())
        return false;
    return kill((pid_t)pid, 0) != 0 && errno == ESRCH;
}

/* The temp file, rename and (when `sync`) the two fsyncs of
 * lf_durable_write and lf_replace_file. */
static bool replace(const char *path, const void *data, size_t len, int mode, bool sync)
{
    bool ok = false;
    /* the writer's pid in the name: a killed writer's file can be told
     * from one being written now (lf_durable_tmp_orphaned) */
    char *tmp = lf_xasprintf("%s.%ld-XXXXXX" LF_DURABLE_TMP_SUFFIX, path, (long)getpid());
    int fd = mkstemps(tmp, (int)strlen(LF_DURABLE_TMP_SUFFIX));
    if (fd < 0) {
        lf_error("%s: cannot create a temp file: %s", path, strerror(errno));
        goto done;
    }
    if (fchmod(fd, (mode_t)mode) != 0 || !lf_write_all(fd, data, len) ||
        (sync && counted_fsync(fd) != 0)) {
        lf_error("%s: cannot write: %s", tmp, strerror(errno));
        goto done;
    }
    if (close(fd) != 0) {
        fd = -1;
        lf_error("%s: cannot write: %s", tmp, strerror(errno));
        goto done;
    }
    fd = -1;
    if (rename(tmp, path) != 0) {
        lf_error("%s: cannot replace: %s", path, strerror(errno));
        goto done;
    }
    ok = !sync || lf_fsync_parent(path);
done:
    if (fd >= 0)
        close(fd);
    if (!ok)
        unlink(tmp);
    free(tmp);
    return ok;
}

bool lf_durable_write(const char *path, const void *data, size_t len, int mode)
{
    return replace(path, data, len, mode, true);
}

bool lf_replace_file(const char *path, const void *data, size_t len, int mode)
{
    return replace(path, data, len, mode, false);
}

bool lf_make_dirs(const char *path)
{
    char *p = lf_xstrdup(path);
    bool ok = true;
    for (char *s = p + 1; ok; s++) {
        if (*s != '/' && *s != '\0')
            continue;
        char c = *s;
        *s = '\0';
        if (mkdir(p, 0755) != 0 && errno != EEXIST) {
            lf_error("%s: cannot create the folder: %s", p, strerror(errno));
            ok = false;
        }
        *s = c;
        if (c == '\0')
            break;
    }
    struct stat st;
    if (ok && (stat(path, &st) != 0 || !S_ISDIR(st.st_mode))) {
        lf_error("%s: not a folder", path);
        ok = false;
    }
    free(p);
    return ok;
}

/* Empties the folder open as `fd` (which this closes), recursively. */
static bool remove_contents(int fd, const char *path, int depth)
{
    DIR *d = fdopendir(fd);
    if (!d) {
        lf_error("%s: cannot read the folder: %s", path, strerror(errno));
        close(fd);
        return false;
    }
    bool ok = true;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        struct stat st;
        if (fstatat(dirfd(d), e->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0)
            continue; /* gone meanwhile */
        if (S_ISDIR(st.st_mode)) {
            if (depth >= REMOVE_MAX_DEPTH) {
                lf_error("%s: folders nested too deep to remove", path);
                ok = false;
                continue;
            }
            int sub = openat(dirfd(d), e->d_name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
            char *sub_path = lf_xasprintf("%s/%s", path, e->d_name);
            if (sub < 0) {
                lf_error("%s: cannot open: %s", sub_path, strerror(errno));
                ok = false;
            } else if (remove_contents(sub, sub_path, depth + 1) &&
                       unlinkat(dirfd(d), e->d_name, AT_REMOVEDIR) != 0) {
                lf_error("%s: cannot remove: %s", sub_path, strerror(errno));
                ok = false;
            }
            free(sub_path);
        } else if (unlinkat(dirfd(d), e->d_name, 0) != 0 && errno != ENOENT) {
            lf_error("%s/%s: cannot remove: %s", path, e->d_name, strerror(errno));
            ok = false;
        }
    }
    closedir(d);
    return ok;
}

bool lf_remove_tree(const char *path)
{
    struct stat st;
    if (lstat(path, &st) != 0) {
        if (errno == ENOENT)
            return true;
        lf_error("%s: %s", path, strerror(errno));
        return false;
    }
    if (!S_ISDIR(st.st_mode)) {
        if (unlink(path) != 0 && errno != ENOENT) {
            lf_error("%s: cannot remove: %s", path, strerror(errno));
            return false;
        }
        return true;
    }
    int fd = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) {
        lf_error("%s: cannot open: %s", path, strerror(errno));
        return false;
    }
    if (!remove_contents(fd, path, 0))
        return false;
    if (rmdir(path) != 0 && errno != ENOENT) {
        lf_error("%s: cannot remove: %s", path, strerror(errno));
        return false;
    }
    return true;
}

/* fsyncs everything in the folder open as `fd`, then the folder; closes fd. */
static bool sync_contents(int fd, const char *path, int depth)
{
    int self = dup(fd);
    DIR *d = fdopendir(fd);
    if (!d || self < 0) {
        lf_error("%s: cannot read the folder: %s", path, strerror(errno));
        if (d)
            closedir(d);
        else
            close(fd);
        if (self >= 0)
            close(self);
        return false;
    }
    bool ok = true;
    struct dirent *e;
    while (ok && (e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        struct stat st;
        if (fstatat(dirfd(d), e->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0 || S_ISLNK(st.st_mode))
            continue;
        char *sub_path = lf_xasprintf("%s/%s", path, e->d_name);
        int sub = openat(dirfd(d), e->d_name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
        if (sub < 0) {
            lf_error("%s: cannot open to sync: %s", sub_path, strerror(errno));
            ok = false;
        } else if (S_ISDIR(st.st_mode)) {
            if (depth >= TREE_MAX_DEPTH) {
                lf_error("%s: folders nested deeper than %d", sub_path, LF_MAX_PATH_DEPTH);
                close(sub);
                ok = false;
            } else {
                ok = sync_contents(sub, sub_path, depth + 1);
            }
        } else {
            if (counted_fsync(sub) != 0) {
                lf_error("%s: fsync: %s", sub_path, strerror(errno));
                ok = false;
            }
            close(sub);
        }
        free(sub_path);
    }
    closedir(d);
    if (ok && counted_fsync(self) != 0) {
        lf_error("%s: fsync: %s", path, strerror(errno));
        ok = false;
    }
    close(self);
    return ok;
}

bool lf_fsync_tree(const char *path)
{
    int fd = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) {
        lf_error("%s: cannot open to sync: %s", path, strerror(errno));
        return false;
    }
    return sync_contents(fd, path, 0);
}
