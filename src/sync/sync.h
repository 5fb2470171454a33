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

#include "content/signature.h"
#include "core/clock_floor.h"
#include "core/limits.h"
#include "sync/store.h"

/* What sync needs to know, filled by whoever runs it (the app from its
 * config file: lf_config_sync_settings); sync never reads the config. */
struct lf_sync_settings {
    char url[LF_MAX_URL_BYTES + 1];        /* the published content.json (or its folder/) */
    char cache_dir[LF_MAX_PATH_BYTES + 1]; /* the store */
    char ca_file[LF_MAX_PATH_BYTES + 1];   /* "" = the system's CAs */
    bool allow_http;
    int poll_seconds;                      /* between regular looks */
    int max_asset_bytes;                   /* one listed file */
    int connect_timeout_s, transfer_timeout_s, low_speed_bytes, low_speed_s;
    /* space-separated base64 Ed25519 public keys; a bundle must be signed by one */
    char trusted_keys[LF_MAX_TRUSTED_KEYS * (LF_PUBLIC_KEY_BASE64 + 1) + 1];
    char screen_name[LF_LOG_NAME_BYTES + 1]; /* [monitor] name, for the User-Agent */
};

/* curl_global_init and sodium_init: call once from main, before any
 * thread starts. False (logged) when either library cannot start. */
bool lf_sync_global_init(void) LF_MUST_CHECK;
void lf_sync_global_cleanup(void);

enum lf_sync_result {
    LF_SYNC_INSTALLED,   /* a new bundle (or a repaired copy) is installed: bundle_dir */
    LF_SYNC_UP_TO_DATE,  /* 304, or the same manifest again, and the installed copy intact */
    LF_SYNC_FAILED,      /* error says why; nothing changed */
};

/* How the self-check looks at the installed bundle before each cycle
 * (lf_store_check): sizes only, or every file's SHA-256 too. The worker
 * does the full check at start and every LF_SYNC_CHECK_INTERVAL_S. */
#define LF_SYNC_CHECK_INTERVAL_S (6 * 3600)
/* The kiosk's clock and the server's Date differing by more than this:
 * an "expired" message names the clock. */
#define LF_SYNC_CLOCK_SKEW_S 600

struct lf_sync_request {
    const atomic_bool *cancel; /* may be NULL; set: a running transfer stops soon */
    bool full_check;           /* SHA-256 of every installed file, not only sizes */
    const char *shown_dir;     /* the folder the kiosk shows (kept, never removed);
                                  NULL: no kiosk (a manual run) */
};

struct lf_sync_outcome {
    enum lf_sync_result result;
    char bundle_dir[PATH_MAX];           /* INSTALLED (and UP_TO_DATE): the installed folder */
    char installed_id[LF_STORE_ID_CHARS + 1];
    char error[LF_STORE_ERROR_BYTES];    /* FAILED: "URL: problem" */
    long retry_after_s;                  /* FAILED with 429/503 and Retry-After */
    bool cancelled;                      /* FAILED because `cancel` was set */
    bool busy;                           /* FAILED only because another sync holds the
                                            store: not a failure of this kiosk */
    bool repaired;                       /* INSTALLED: a fresh copy of a damaged install */
    char damage[LF_STORE_ERROR_BYTES];   /* what the self-check found; "" = intact */
    size_t downloaded, reused;           /* files fetched / linked from the installed bundle */
    /* the manifest's response was a success (200 or 304) from the
     * configured server's own host: its Date and when it arrived (date
     * 0: none, e.g. an error, a redirect to another host, no Date) */
    struct lf_clock_witness server_time;
    char *signature;                     /* during the cycle only: the verified content.json.sig */
    size_t signature_len;
};

/* Runs one cycle with cfg's settings: first the self-check of the
 * installed bundle (a damaged copy is fetched again, unconditionally,
 * even with the same serial), then the look for a new one. Never writes
 * status.json. */
void lf_sync_cycle(const struct lf_sync_settings *cfg, const struct lf_sync_request *rq,
                   struct lf_sync_outcome *out);

/* Writes status.json for a cycle that started at `attempt`; next_attempt
 * 0 = none planned (null); `failures` is the count of failures in a row
 * the caller keeps (-1: the file's count plus one). Also the "self_check"
 * object (at, intact, damage, repaired). Returns the consecutive
 * failures now counted (0 after a success). A failed write is logged. */
int lf_sync_record(const struct lf_sync_settings *cfg, const struct lf_sync_outcome *o,
                   time_t attempt, time_t next_attempt, int failures);

/* Writes status.json's "on_screen" for the folder the kiosk shows
 * (NULL: only the waiting page): source "installed" (it is `current`),
 * "previous", "sample" or "waiting", id, version, folder, since, and a
 * note saying why the installed bundle is not the one shown ("" = none). */
void lf_sync_record_screen(const struct lf_sync_settings *cfg, const char *shown_dir,
                           time_t since, const char *note);

/* The manifest's URL for the configured one: an address ending in "/"
 * means its content.json. Into out (LF_MAX_URL_BYTES + 1 bytes). */
void lf_sync_manifest_url(const char *configured, char *out, size_t size);

#endif
