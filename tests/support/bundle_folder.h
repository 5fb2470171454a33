/* A bundle of a kiosk test's own: a new folder "/tmp/litfass-kiosk-XXXXXX"
 * with `content_json` as its content.json, for tests/test_kiosk*.c (the
 * kiosk driver's teardown_bundle removes it). Main thread only. */
#ifndef LF_TEST_BUNDLE_FOLDER_H
#define LF_TEST_BUNDLE_FOLDER_H

#include <stddef.h>

/* Makes the folder, its name into dir (at least 27 bytes), and writes the
 * file; 0, or -1 when either fails (as a cmocka setup returns). */
int bundle_folder_write(char *dir, size_t size, const char *content_json);

#endif
