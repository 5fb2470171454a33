/* See log_capture.h. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "support/log_capture.h"

void log_capture_begin(struct log_capture *c)
{
    fflush(stderr);
    snprintf(c->path, sizeof(c->path), "/tmp/litfass-log-XXXXXX");
    int fd = mkstemp(c->path);
    assert_true(fd >= 0);
    c->saved_fd = dup(2);
    assert_true(c->saved_fd >= 0);
    assert_true(dup2(fd, 2) >= 0);
    close(fd);
}

char *log_capture_end(struct log_capture *c)
{
    fflush(stderr);
    assert_true(dup2(c->saved_fd, 2) >= 0);
    close(c->saved_fd);
    FILE *f = fopen(c->path, "rb");
    assert_non_null(f);
    static char buf[65536];
    size_t n = fread(buf, 1, sizeof(buf) - 1, f);
    fclose(f);
    unlink(c->path);
    buf[n] = '\0';
    fputs(buf, stderr);
    char *out = strdup(buf);
    assert_non_null(out);
    return out;
}
