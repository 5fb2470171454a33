/* libcurl opened on first use (see curl_loader.h). Each function below
 * has libcurl's own name and signature and calls libcurl's through a
 * pointer found by dlsym; before libcurl could be opened they fail as
 * libcurl itself fails (CURLE_FAILED_INIT, NULL). */
#define CURL_DISABLE_TYPECHECK /* the functions themselves, not gcc's checking macros */
#include "sync/curl_loader.h"

/* curl_url_get's handle became const in later libcurls: its declaration
 * is set aside, the definition below fits both (the same ABI) */
#define curl_url_get lf_curl_url_get_as_declared
#include <curl/curl.h>
#undef curl_url_get
#include <dlfcn.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>

static struct {
    CURLcode (*global_init)(long);
    void (*global_cleanup)(void);
    CURL *(*easy_init)(void);
    void (*easy_cleanup)(CURL *);
    void (*easy_reset)(CURL *);
    CURLcode (*easy_setopt)(CURL *, CURLoption, ...);
    CURLcode (*easy_getinfo)(CURL *, CURLINFO, ...);
    CURLcode (*easy_perform)(CURL *);
    const char *(*easy_strerror)(CURLcode);
    CURLHcode (*easy_header)(CURL *, const char *, size_t, unsigned int, int,
                             struct curl_header **);
    void (*free)(void *);
    time_t (*getdate)(const char *, const time_t *);
    struct curl_slist *(*slist_append)(struct curl_slist *, const char *);
    void (*slist_free_all)(struct curl_slist *);
    CURLU *(*url)(void);
    void (*url_cleanup)(CURLU *);
    CURLUcode (*url_get)(CURLU *, CURLUPart, char **, unsigned int);
    CURLUcode (*url_set)(CURLU *, CURLUPart, const char *, unsigned int);
} api;

static pthread_once_t once = PTHREAD_ONCE_INIT;
static bool loaded;
static char load_error[256];

#define FIND(field, name)                                                                      \
    do {                                                                                       \
        *(void **)&api.field = dlsym(lib, name);                                               \
        if (!api.field) {                                                                      \
            snprintf(load_error, sizeof(load_error), "%s: no %s", LF_CURL_SONAME, name);      \
            return;                                                                            \
        }                                                                                      \
    } while (0)

static void load(void)
{
    void *lib = dlopen(LF_CURL_SONAME, RTLD_NOW | RTLD_LOCAL);
    if (!lib) {
        const char *why = dlerror();
        snprintf(load_error, sizeof(load_error), "%s", why ? why : LF_CURL_SONAME ": cannot open");
        return;
    }
    FIND(global_init, "curl_global_init");
    FIND(global_cleanup, "curl_global_cleanup");
    FIND(easy_init, "curl_easy_init");
    FIND(easy_cleanup, "curl_easy_cleanup");
    FIND(easy_reset, "curl_easy_reset");
    FIND(easy_setopt, "curl_easy_setopt");
    FIND(easy_getinfo, "curl_easy_getinfo");
    FIND(easy_perform, "curl_easy_perform");
    FIND(easy_strerror, "curl_easy_strerror");
    FIND(easy_header, "curl_easy_header");
    FIND(free, "curl_free");
    FIND(getdate, "curl_getdate");
    FIND(slist_append, "curl_slist_append");
    FIND(slist_free_all, "curl_slist_free_all");
    FIND(url, "curl_url");
    FIND(url_cleanup, "curl_url_cleanup");
    FIND(url_get, "curl_url_get");
    FIND(url_set, "curl_url_set");
    loaded = true; /* the library stays open: libcurl's OpenSSL pins itself anyway */
}

static bool ready(void)
{
    pthread_once(&once, load);
    return loaded;
}

bool lf_curl_load(char *err, size_t err_size)
{
    if (ready()) {
        lf_debug("sync: %s loaded", LF_CURL_SONAME);
        return true;
    }
    lf_error_text(err, err_size, "%s", load_error);
    return false;
}

bool lf_curl_loaded(void)
{
    return loaded; /* written once, inside pthread_once */
}

CURLcode curl_global_init(long flags)
{
    return ready() ? api.global_init(flags) : CURLE_FAILED_INIT;
}

void curl_global_cleanup(void)
{
    if (loaded)
        api.global_cleanup();
}

CURL *curl_easy_init(void)
{
    return ready() ? api.easy_init() : NULL;
}

void curl_easy_cleanup(CURL *c)
{
    if (c && loaded)
        api.easy_cleanup(c);
}

void curl_easy_reset(CURL *c)
{
    if (c && loaded)
        api.easy_reset(c);
}

/* The one argument is a long, an object pointer, a function pointer or a
 * curl_off_t, as libcurl tells them apart: by the option's number. */
CURLcode curl_easy_setopt(CURL *c, CURLoption option, ...)
{
    if (!c || !loaded)
        return CURLE_FAILED_INIT;
    va_list ap;
    va_start(ap, option);
    CURLcode r;
    if (option < CURLOPTTYPE_OBJECTPOINT)
        r = api.easy_setopt(c, option, va_arg(ap, long));
    else if (option < CURLOPTTYPE_FUNCTIONPOINT)
        r = api.easy_setopt(c, option, va_arg(ap, void *));
    else if (option < CURLOPTTYPE_OFF_T)
        r = api.easy_setopt(c, option, va_arg(ap, void (*)(void)));
    else if (option < CURLOPTTYPE_BLOB)
        r = api.easy_setopt(c, option, va_arg(ap, curl_off_t));
    else
        r = api.easy_setopt(c, option, va_arg(ap, void *));
    va_end(ap);
    return r;
}

/* Every CURLINFO_* answer goes into a pointer. */
CURLcode curl_easy_getinfo(CURL *c, CURLINFO info, ...)
{
    if (!c || !loaded)
        return CURLE_FAILED_INIT;
    va_list ap;
    va_start(ap, info);
    CURLcode r = api.easy_getinfo(c, info, va_arg(ap, void *));
    va_end(ap);
    return r;
}

CURLcode curl_easy_perform(CURL *c)
{
    return c && loaded ? api.easy_perform(c) : CURLE_FAILED_INIT;
}

const char *curl_easy_strerror(CURLcode code)
{
    return loaded ? api.easy_strerror(code) : "libcurl is not loaded";
}

CURLHcode curl_easy_header(CURL *c, const char *name, size_t index, unsigned int origin,
                           int request, struct curl_header **hout)
{
    return c && loaded ? api.easy_header(c, name, index, origin, request, hout)
                       : CURLHE_BAD_ARGUMENT;
}

void curl_free(void *p)
{
    if (p && loaded)
        api.free(p);
}

time_t curl_getdate(const char *text, const time_t *unused)
{
    return ready() ? api.getdate(text, unused) : -1;
}

struct curl_slist *curl_slist_append(struct curl_slist *list, const char *text)
{
    return ready() ? api.slist_append(list, text) : NULL;
}

void curl_slist_free_all(struct curl_slist *list)
{
    if (list && loaded)
        api.slist_free_all(list);
}

CURLU *curl_url(void)
{
    return ready() ? api.url() : NULL;
}

void curl_url_cleanup(CURLU *u)
{
    if (u && loaded)
        api.url_cleanup(u);
}

CURLUcode curl_url_get(CURLU *u, CURLUPart what, char **part, unsigned int flags);
CURLUcode curl_url_get(CURLU *u, CURLUPart what, char **part, unsigned int flags)
{
    return u && loaded ? api.url_get(u, what, part, flags) : CURLUE_BAD_HANDLE;
}

CURLUcode curl_url_set(CURLU *u, CURLUPart what, const char *part, unsigned int flags)
{
    return u && loaded ? api.url_set(u, what, part, flags) : CURLUE_BAD_HANDLE;
}
