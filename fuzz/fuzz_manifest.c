/* libFuzzer target: the manifest parser (content.json) on arbitrary bytes.
 *
 * lf_bundle_parse() with no bundle folder, so images are not looked up:
 * what is fuzzed is JSON reading, every field's checks and the model it
 * builds. A bundle that comes back must keep the invariants bundle.h
 * states (German in every text, no file name leaving the folder, ...);
 * the target aborts (a finding) when it does not. Seeds:
 * tests/fuzz/manifest/. */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "content/bundle.h"
#include "core/diag.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    lf_log_set_level(LF_LOG_ERROR);
    return 0;
}

/* A ".." part anywhere in a relative path ("a..b.png" is a plain name). */
static bool leaves_folder(const char *path)
{
    if (path[0] == '/')
        return true;
    for (const char *s = path;;) {
        size_t n = strcspn(s, "/");
        if (n == 2 && s[0] == '.' && s[1] == '.')
            return true;
        if (!s[n])
            return false;
        s += n + 1;
    }
}

/* German is present in every text that is present. */
static void check_text(const struct lf_text *t)
{
    if (t->n == 0)
        return;
    if (!lf_text_get(t, LF_FALLBACK_LANG, NULL))
        abort();
    for (size_t i = 0; i < t->n; i++)
        if (!t->tr[i].text || t->tr[i].text[0] == '\0')
            abort();
}

static void check_bundle(const struct lf_bundle *b)
{
    if (b->dir != NULL || b->n_items > LF_MAX_ITEMS || !b->default_lang)
        abort();
    check_text(&b->organisation);
    for (size_t i = 0; i < b->n_files; i++)
        if (!b->files[i].path || leaves_folder(b->files[i].path) ||
            b->files[i].size > LF_MAX_IMAGE_BYTES)
            abort();
    for (size_t i = 0; i < b->n_items; i++) {
        const struct lf_item *it = &b->items[i];
        if (!it->id || strlen(it->id) > LF_MAX_ID_BYTES || !lf_text_present(&it->title))
            abort();
        check_text(&it->title);
        check_text(&it->summary);
        if (it->kind == LF_ITEM_EVENT && it->end <= it->start)
            abort();
        if (it->duration_s < 0 || it->duration_s > LF_MAX_SLIDE_SECONDS)
            abort();
        if (it->image && leaves_folder(it->image))
            abort();
        for (size_t r = 0; r < it->hours.n; r++)
            if (it->hours.ranges[r].from_min >= it->hours.ranges[r].to_min)
                abort();
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct lf_diags *d = lf_diags_create();
    struct lf_bundle *b = lf_bundle_parse((const char *)data, size, LF_MANIFEST_NAME, NULL, d);
    if (b) {
        if (lf_diags_errors(d) != 0)
            abort(); /* a bundle with an error is never handed out */
        check_bundle(b);
        lf_bundle_destroy(b);
    } else if (lf_diags_errors(d) == 0) {
        abort(); /* refused without saying why */
    }
    lf_diags_destroy(d);
    return 0;
}
