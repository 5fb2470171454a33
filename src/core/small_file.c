/* See small_file.h. */
#include "core/small_file.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/xalloc.h"

enum lf_small_file lf_read_small_file(const char *path, size_t max, char **text, size_t *len,
                                      struct stat *st)
{
    memset(st, 0, sizeof(*st));
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0)
        return LF_SMALL_FILE_CANNOT_OPEN;
    enum lf_small_file result = LF_SMALL_FILE_CANNOT_READ;
    char *buf = NULL;
    if (fstat(fd, st) != 0)
        goto done;
    if (!S_ISREG(st->st_mode)) {
        result = LF_SMALL_FILE_NOT_REGULAR;
        goto done;
    }
    if (st->st_size < 0 || (unsigned long long)st->st_size > max) {
        result = LF_SMALL_FILE_TOO_LARGE;
        goto done;
    }
    /* one byte more than allowed: a file that grows while read is caught */
    buf = lf_xmalloc(max + 1);
    size_t n = 0;
    while (n <= max) {
        ssize_t r = read(fd, buf + n, max + 1 - n);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0)
            goto done;
        if (r == 0)
            break;
        n += (size_t)r;
    }
    if (n > max) {
        result = LF_SMALL_FILE_TOO_LARGE;
        goto done;
    }
    buf[n] = '\0';
    *text = buf;
    *len = n;
    buf = NULL;
    result = LF_SMALL_FILE_OK;
done:
    free(buf);
    int e = errno;
    close(fd);
    errno = e;
    return result;
}
