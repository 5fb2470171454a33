/* One sync cycle (issue 4): look for a new bundle at the configured URL
 * and install it, or change nothing.
 *
 *   1. GET the manifest, conditionally (If-None-Match / If-Modified-Since
 *      of the installed one): a 304 writes nothing at all;
 *   1b. GET content.json.sig next to it and
 *      verify the manifest's bytes with a trusted key before anything in
 *      it is parsed; after parsing, demand a serial above the highest
 *      ever installed (state.json) and that it has not expired (unless
 *      the clock is before the installed bundle's creation: plainly
 *      wrong); the signature is installed with the bundle;
 *   2. parse and validate it whole (lf_bundle_parse) before anything is
 *      downloaded; a synced manifest must have a "files" list;
 *   3. into a staging folder: files whose SHA-256 the installed bundle
 *      has are linked (or copied) from it, the others downloaded, each
 *      checked against its listed size and SHA-256;
 *   4. lf_bundle_load the staging folder (full validation, images too);
 *   5. install it through the store (atomic switch, power-safe).
 * Any failure removes the staging folder and leaves the installed bundle
 * as it was. status.json records every attempt (lf_sync_record).
 *
 * No SDL. The cycle runs on the thread that calls it (the worker's, or
 * main's for `litfass sync --once`) and blocks for the downloads. */
#ifndef LF_SYNC_SYNC_H
#define LF_SYNC_SYNC_H

#include <limits.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <time.h>

#include "app/config.h"
#include "sync/store.h"

/* curl_global_init and sodium_init: call once from main, before any
 * thread starts. False (logged) when either library cannot start. */
bool lf_sync_global_init(void) LF_MUST_CHECK;
void lf_sync_global_cleanup(void);

enum lf_sync_result {
    LF_SYNC_INSTALLED,   /* a new bundle is installed: bundle_dir */
    LF_SYNC_UP_TO_DATE,  /* 304, or the same manifest again */
    LF_SYNC_FAILED,      /* error says why; nothing changed */
};

struct lf_sync_outcome {
    enum lf_sync_result result;
    char bundle_dir[PATH_MAX];           /* INSTALLED (and UP_TO_DATE): the installed folder */
    char installed_id[LF_STORE_ID_CHARS + 1];
    char error[LF_STORE_ERROR_BYTES];    /* FAILED: "URL: problem" */
    long retry_after_s;                  /* FAILED with 429/503 and Retry-After */
    bool cancelled;                      /* FAILED because `cancel` was set */
    size_t downloaded, reused;           /* files fetched / linked from the installed bundle */
    char *signature;                     /* during the cycle only: the verified content.json.sig */
    size_t signature_len;
};

/* Runs one cycle with cfg's [sync] settings. `cancel` (may be NULL) stops
 * a running transfer soon after it is set. Never writes status.json. */
void lf_sync_cycle(const struct lf_config *cfg, const atomic_bool *cancel,
                   struct lf_sync_outcome *out);

/* Writes status.json for a cycle that started at `attempt`; next_attempt
 * 0 = none planned (null). Returns the consecutive failures now counted
 * (0 after a success). A failed write is logged. */
int lf_sync_record(const struct lf_config *cfg, const struct lf_sync_outcome *o, time_t attempt,
                   time_t next_attempt);

/* The manifest's URL for the configured one: an address ending in "/"
 * means its content.json. Into out (LF_MAX_URL_BYTES + 1 bytes). */
void lf_sync_manifest_url(const char *configured, char *out, size_t size);

#endif
