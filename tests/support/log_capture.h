/* What the program logs (stderr) while a call runs, for the tests that
 * assert on the log: stderr goes into a temporary file from
 * log_capture_begin to log_capture_end, which returns it (the caller
 * frees it) and echoes it to the real stderr, so that a failing test
 * still shows it. At most 64 KiB are returned. Main thread only. */
#ifndef LF_TEST_LOG_CAPTURE_H
#define LF_TEST_LOG_CAPTURE_H

struct log_capture {
    int saved_fd;
    char path[64];
};

void log_capture_begin(struct log_capture *c);
char *log_capture_end(struct log_capture *c);

#endif
