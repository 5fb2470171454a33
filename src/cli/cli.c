/* What every command of the command line shares: usage errors in one
 * wording, option values checked the same way, the config file found and
 * read the same way. */
#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "content/bundle.h"
#include "content/json_locate.h"
#include "core/diag.h"
#include "core/limits.h"
#include "core/xalloc.h"
#include "render/image_load.h"

/* Prints "litfass CMD: message" and where to find help; returns LF_EXIT_USAGE. */
int lf_cli_usage_error(const char *cmd, const char *fmt, ...)
{
    fprintf(stderr, "litfass %s: ", cmd);
    va_list ap;
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\nTry 'litfass %s --help'.\n", cmd);
    return LF_EXIT_USAGE;
}

/* getopt_long's '?' and ':' cases, in our words. */
int lf_cli_option_error(const char *cmd, int c, char **argv)
{
    const char *opt = argv[optind - 1];
    if (c == ':')
        return lf_cli_usage_error(cmd, "option '%s' needs a value", opt);
    if (strncmp(opt, "--", 2) == 0 || !optopt)
        return lf_cli_usage_error(cmd, "unknown option '%s'", opt);
    return lf_cli_usage_error(cmd, "unknown option '-%c'", optopt);
}

/* "WxH", both sides within LF_MIN_SCREEN_SIDE..LF_MAX_SCREEN_SIDE. */
bool lf_cli_parse_size(const char *s, int *width, int *height)
{
    char *end;
    if (s[0] < '0' || s[0] > '9')
        return false;
    long w = strtol(s, &end, 10);
    if (*end != 'x' || end[1] < '0' || end[1] > '9')
        return false;
    long h = strtol(end + 1, &end, 10);
    if (*end != '\0')
        return false;
    if (w < LF_MIN_SCREEN_SIDE || w > LF_MAX_SCREEN_SIDE || h < LF_MIN_SCREEN_SIDE ||
        h > LF_MAX_SCREEN_SIDE)
        return false;
    *width = (int)w;
    *height = (int)h;
    return true;
}

int lf_cli_bad_size(const char *cmd, const char *arg)
{
    return lf_cli_usage_error(cmd, "bad --size '%s': expected WIDTHxHEIGHT in pixels, each %d..%d",
                       arg, LF_MIN_SCREEN_SIDE, LF_MAX_SCREEN_SIDE);
}

bool lf_cli_lang_tag_ok(const char *s)
{
    size_t n = strlen(s);
    if (n == 0 || n > LF_MAX_LANG_TAG || s[0] == '-')
        return false;
    for (size_t i = 0; i < n; i++) {
        char ch = s[i];
        if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
              ch == '-'))
            return false;
    }
    return true;
}

int lf_cli_bad_lang(const char *cmd, const char *arg)
{
    return lf_cli_usage_error(cmd, "bad --lang '%s': expected a language tag such as de, en, tr, ar",
                       arg);
}

void lf_cli_print_diags(const struct lf_diags *d)
{
    if (lf_diags_count(d) > 0)
        lf_diags_print(d, stderr);
}

/* The config: `path` if given (must exist), else the first of the usual
 * places that exists, else the defaults. Prints every diagnostic. */
bool lf_cli_load_config(struct lf_config *cfg, const char *path)
{
    lf_config_defaults(cfg);
    if (!path) {
        if (access(LF_CONFIG_LOCAL_PATH, F_OK) == 0)
            path = LF_CONFIG_LOCAL_PATH;
        else if (access(LF_CONFIG_SYSTEM_PATH, F_OK) == 0)
            path = LF_CONFIG_SYSTEM_PATH;
        else
            return true;
    }
    struct lf_diags *d = lf_diags_create();
    bool ok = lf_config_load(cfg, path, d);
    lf_cli_print_diags(d);
    if (!ok)
        fprintf(stderr, "litfass: %s: %zu error%s in the config file\n", path,
                lf_diags_errors(d), lf_diags_errors(d) == 1 ? "" : "s");
    lf_diags_destroy(d);
    if (ok)
        lf_log_set_level((enum lf_log_level)cfg->log_level);
    return ok;
}

/* A whole number min..max from an option's text. */
bool lf_cli_parse_count(const char *s, long long min, long long max, long long *out)
{
    if (s[0] < '0' || s[0] > '9')
        return false;
    char *end;
    errno = 0;
    long long v = strtoll(s, &end, 10);
    if (errno != 0 || *end != '\0' || v < min || v > max)
        return false;
    *out = v;
    return true;
}

const char *lf_cli_plural(size_t n, const char *one, const char *many)
{
    return n == 1 ? one : many;
}

bool lf_cli_check_images(const char *dir, const struct lf_bundle *b, struct lf_diags *d)
{
    size_t dl = strlen(dir);
    const char *sep = dl && dir[dl - 1] == '/' ? "" : "/";
    char *file = lf_xasprintf("%s%s%s", dir, sep, LF_MANIFEST_NAME);
    char *text = NULL;
    size_t len = 0;
    FILE *f = fopen(file, "rb");
    if (f) {
        text = lf_xmalloc((size_t)LF_MAX_MANIFEST_BYTES + 1);
        len = fread(text, 1, LF_MAX_MANIFEST_BYTES, f);
        fclose(f);
    }
    bool ok = true;
    for (size_t i = 0; b && i < b->n_items; i++) {
        const char *image = b->items[i].image;
        bool seen = false; /* one picture named by several items is decoded once */
        for (size_t j = 0; image && j < i && !seen; j++)
            seen = b->items[j].image && strcmp(b->items[j].image, image) == 0;
        if (!image || seen)
            continue;
        char *path = lf_xasprintf("%s%s%s", dir, sep, image);
        SDL_Surface *pic = lf_image_load(path);
        if (pic) {
            SDL_FreeSurface(pic);
        } else {
            char field[64];
            snprintf(field, sizeof(field), "items[%zu].image", i);
            struct lf_json_pos pos = {0, 0, 0};
            if (text)
                (void)lf_json_locate(text, len, field, LF_JSON_AT_VALUE, &pos);
            lf_diags_add(d, LF_DIAG_ERROR, file, pos.line, pos.column, field,
                         "%s cannot be decoded (%.200s): its picture data is damaged, and the "
                         "kiosk would show the slide without it; save the picture again as PNG "
                         "or JPEG",
                         image, SDL_GetError());
            ok = false;
        }
        free(path);
    }
    free(text);
    free(file);
    return ok;
}
