/* libFuzzer target: the config reader (litfass.conf) on arbitrary bytes.
 *
 * lf_config_load() reads a file, so each input is written to one temporary
 * file (created once, rewritten per input). Whatever the input, every
 * numeric key stays in its documented range and every string is
 * terminated; the target aborts (a finding) when not. Seeds:
 * tests/fuzz/config/. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app/config.h"
#include "core/diag.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

static char config_path[64];
static int config_fd = -1;

static void remove_config_file(void)
{
    if (config_fd >= 0)
        unlink(config_path);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    lf_log_set_level(LF_LOG_ERROR);
    const char *tmp = getenv("TMPDIR");
    snprintf(config_path, sizeof(config_path), "%s/litfass-fuzz-XXXXXX.conf",
             tmp && strlen(tmp) < 32 ? tmp : "/tmp");
    config_fd = mkstemps(config_path, 5);
    if (config_fd < 0) {
        perror("fuzz_config: temporary file");
        abort();
    }
    atexit(remove_config_file);
    return 0;
}

static void check_range(int v, int lo, int hi)
{
    if (v < lo || v > hi)
        abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (ftruncate(config_fd, 0) != 0 ||
        (size > 0 && pwrite(config_fd, data, size, 0) != (ssize_t)size))
        abort();
    struct lf_config c;
    lf_config_defaults(&c);
    struct lf_diags *d = lf_diags_create();
    bool ok = lf_config_load(&c, config_path, d);
    if (!ok && lf_diags_errors(d) == 0)
        abort(); /* refused without saying why */
    check_range(c.slide_seconds, 3, 120);
    check_range(c.transition_ms, 0, 3000);
    check_range(c.idle_seconds, 10, 3600);
    check_range(c.width, LF_MIN_SCREEN_SIDE, LF_MAX_SCREEN_SIDE);
    check_range(c.height, LF_MIN_SCREEN_SIDE, LF_MAX_SCREEN_SIDE);
    check_range(c.poll_seconds, 30, 86400);
    check_range(c.max_asset_bytes, 1, LF_MAX_IMAGE_BYTES);
    if (memchr(c.content_dir, '\0', sizeof(c.content_dir)) == NULL ||
        memchr(c.lang, '\0', sizeof(c.lang)) == NULL ||
        memchr(c.organisation, '\0', sizeof(c.organisation)) == NULL ||
        memchr(c.sync_url, '\0', sizeof(c.sync_url)) == NULL)
        abort();
    lf_diags_destroy(d);
    return 0;
}
