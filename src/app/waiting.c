/* The waiting page: see waiting.h. */
#include "app/waiting.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <jansson.h>

#include "core/xalloc.h"

/* Host names are at most 255 bytes (HOST_NAME_MAX on Linux is 64). */
#define WAITING_HOST_BYTES 256

static json_t *two(const char *de, const char *en)
{
    json_t *t = json_object();
    json_object_set_new(t, "de", json_string(de));
    json_object_set_new(t, "en", json_string(en));
    return t;
}

struct lf_bundle *lf_waiting_bundle(const struct lf_config *cfg, const char *last_error,
                                    time_t last_attempt, time_t now)
{
    char host[WAITING_HOST_BYTES] = "";
    if (gethostname(host, sizeof(host) - 1) != 0 || !host[0])
        snprintf(host, sizeof(host), "litfass");
    char when[32] = "", wann[32] = "";
    struct tm tm;
    if (last_attempt > 0 && localtime_r(&last_attempt, &tm)) {
        strftime(when, sizeof(when), "%Y-%m-%d %H:%M", &tm);
        strftime(wann, sizeof(wann), "%d.%m.%Y, %H:%M Uhr", &tm);
    }
    const char *err = last_error && last_error[0] ? last_error : NULL;
    char *de, *en;
    if (err) {
        de = lf_xasprintf("Bildschirm: %s\nEr lädt seine Inhalte von %s und versucht es weiter.\n"
                          "Letzter Versuch (%s): %s",
                          host, cfg->sync_url, wann[0] ? wann : "-", err);
        en = lf_xasprintf("Screen: %s\nIt loads its content from %s and keeps trying.\n"
                          "Last try (%s): %s",
                          host, cfg->sync_url, when[0] ? when : "-", err);
    } else {
        de = lf_xasprintf("Bildschirm: %s\nEr lädt seine Inhalte von %s.%s", host, cfg->sync_url,
                          when[0] ? "" : " Der erste Versuch beginnt gleich.");
        en = lf_xasprintf("Screen: %s\nIt loads its content from %s.%s", host, cfg->sync_url,
                          when[0] ? "" : " The first try starts in a moment.");
    }
    /* valid around now, whatever the clock says */
    char from[32], until[32];
    time_t a = now - 86400, b = now + 366 * 86400;
    struct tm ta, tb;
    localtime_r(&a, &ta);
    localtime_r(&b, &tb);
    strftime(from, sizeof(from), "%Y-%m-%dT00:00", &ta);
    strftime(until, sizeof(until), "%Y-%m-%dT00:00", &tb);

    json_t *item = json_object();
    json_object_set_new(item, "kind", json_string("notice"));
    json_object_set_new(item, "id", json_string("waiting-for-content"));
    json_object_set_new(item, "priority", json_integer(1));
    json_object_set_new(item, "title", two("Dieser Bildschirm wartet auf seine Inhalte",
                                           "This screen is waiting for its content"));
    json_object_set_new(item, "message", two(de, en));
    json_object_set_new(item, "valid_from", json_string(from));
    json_object_set_new(item, "valid_until", json_string(until));
    json_t *root = json_object();
    json_object_set_new(root, "format", json_integer(1));
    json_object_set_new(root, "version", json_string("waiting"));
    json_object_set_new(root, "organisation",
                        cfg->organisation[0] ? json_string(cfg->organisation)
                                             : two("litfass", "litfass"));
    json_object_set_new(root, "default_language", json_string("de"));
    json_t *items = json_array();
    json_array_append_new(items, item);
    json_object_set_new(root, "items", items);
    char *text = json_dumps(root, JSON_COMPACT);
    json_decref(root);
    free(de);
    free(en);
    struct lf_diags *d = lf_diags_create();
    struct lf_bundle *bundle = text ? lf_bundle_parse(text, strlen(text), "waiting page", NULL, d)
                                    : NULL;
    if (!bundle)
        lf_diags_print(d, stderr);
    lf_diags_destroy(d);
    free(text);
    return bundle;
}
