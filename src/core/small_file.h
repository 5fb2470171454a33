/* Reading a small file whole: the config file, a key or a signature, the
 * bundle's content.json. Only a regular file is read, and it is opened
 * with O_NONBLOCK so that a FIFO (or a device) put in its place is refused
 * at once instead of hanging the kiosk or a command in open(). Nothing is
 * logged: each caller says what went wrong in its own words. Any thread;
 * no state. */
#ifndef LF_CORE_SMALL_FILE_H
#define LF_CORE_SMALL_FILE_H

#include <stddef.h>
#include <sys/stat.h>

enum lf_small_file {
    LF_SMALL_FILE_OK,
    LF_SMALL_FILE_CANNOT_OPEN, /* errno says why (ENOENT: it is missing) */
    LF_SMALL_FILE_NOT_REGULAR, /* a folder, FIFO, socket or device: st_mode says which */
    LF_SMALL_FILE_TOO_LARGE,   /* st_size over max, or (st_size within it) it grew while read */
    LF_SMALL_FILE_CANNOT_READ, /* fstat or read failed: errno says why */
};

/* Reads `path` if it is a regular file of at most `max` bytes: *text its
 * bytes and a NUL (the caller frees it), *len their number. *st is the
 * file's stat once fstat succeeded (zeroed before). */
enum lf_small_file lf_read_small_file(const char *path, size_t max, char **text, size_t *len,
                                      struct stat *st);

#endif
