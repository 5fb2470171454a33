/* libcurl opened when it is first needed (dlopen), never linked: a
 * process that does no network work (the kiosk's display process, which
 * leaves its syncs and reports to a short-lived child, sync/net_child.h)
 * never maps libcurl and the 16 libraries only it brings (OpenSSL,
 * Kerberos, LDAP, SSH, RTMP, ...: about 3 MB resident, issue 13).
 *
 * The loader defines libcurl's own functions that litfass calls
 * (curl_easy_*, curl_slist_*, curl_url*, curl_getdate, curl_global_*,
 * curl_free), so fetch.c, post.c and studio/upload.c call them as
 * usual; the first call opens LF_CURL_SONAME. lf_sync_global_init()
 * (sync/sync.h) loads it before any thread starts. */
#ifndef LF_SYNC_CURL_LOADER_H
#define LF_SYNC_CURL_LOADER_H

#include <stdbool.h>
#include <stddef.h>

#include "core/log.h"

/* libcurl's ABI name: the same since libcurl 7.16 (Debian's libcurl4) */
#define LF_CURL_SONAME "libcurl.so.4"

/* Opens libcurl and finds its functions (once; later calls only report).
 * False with err filled ("libcurl.so.4: cannot open ...") when it cannot. */
bool lf_curl_load(char *err, size_t err_size) LF_MUST_CHECK;

/* Whether this process has opened libcurl (for tests and the debug log). */
bool lf_curl_loaded(void);

#endif
