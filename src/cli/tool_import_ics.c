/* `litfass import-ics`: events from an iCalendar file or feed into a bundle. */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <jansson.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "calendar/ics.h"
#include "calendar/ics_merge.h"
#include "cli/cli.h"
#include "content/bundle.h"
#include "core/civil_time.h"
#include "core/durable.h"
#include "core/xalloc.h"
#include "sync/fetch.h"
#include "sync/sync.h"

static const char import_ics_usage[] =
    "usage: litfass import-ics FILE|URL --into DIR [--horizon-days N] [--tag TEXT]\n"
    "                          [--category TEXT]... [--match TEXT]... [--lang TAG]\n"
    "                          [--now TIME] [--allow-http] [--dry-run]\n"
    "\n"
    "Reads the events of an iCalendar file (.ics) or feed (an https:// address, as\n"
    "Outlook/Exchange, Nextcloud, Google or a city's event calendar publish them;\n"
    "a webcal:// subscription link is fetched over https://)\n"
    "and writes them as events into the bundle in DIR. Importing again updates\n"
    "them (each calendar event keeps its item id), removes what the calendar no\n"
    "longer has and never overwrites an event that someone changed by hand since\n"
    "the last import: it is kept and what the calendar now says is listed.\n"
    "Weekly and other series are expanded within the horizon (exceptions and moved\n"
    "single dates included); a plain yearly event stays one yearly event; a\n"
    "cancelled event is removed, or marked cancelled when it was announced before.\n"
    "An entry with a fault of its own (no title or UID, a text too long to show\n"
    "whole, a repeat rule that cannot be read or that no date meets) is left out\n"
    "and named; the rest is imported. Nothing is written when\n"
    "the feed as a whole or the resulting bundle has an error.\n"
    "A bundle takes at most %d events from one feed: of a larger feed the ones\n"
    "that start first are imported and the number of later ones left out is said.\n"
    "\n"
    "  --into DIR         the bundle folder to import into (required)\n"
    "  --horizon-days N   import events starting within N days, 1..730 (default 180)\n"
    "  --tag TEXT         add this tag to every imported event, e.g. \"Stadtkalender\"\n"
    "  --category TEXT    import only events of this category (CATEGORIES, case\n"
    "                     aside); may be given up to %d times\n"
    "  --match TEXT       import only events whose title, place or organiser\n"
    "                     contains TEXT (case aside); may be given up to %d times.\n"
    "                     With both, an event that either takes is imported\n"
    "  --lang TAG         language of the calendar's texts (default: the bundle's)\n"
    "  --now TIME         import as at this moment, e.g. 2026-11-23T10:00 (for tests)\n"
    "  --allow-http       also fetch from http:// addresses\n"
    "  --dry-run          say what would change, write nothing\n"
    "  --help             this text\n";

enum { OPT_INTO = 0x100, OPT_HORIZON, OPT_TAG, OPT_DRY_RUN, OPT_CATEGORY, OPT_MATCH };

static void print_note(void *ctx, const char *line, const char *msgid, const char *const *args,
                       int nargs)
{
    (void)ctx;
    (void)msgid;
    (void)args;
    (void)nargs;
    printf("  %s\n", line);
}

/* The feed's bytes from a file or an http(s) address; NULL (said) on failure. */
static char *read_feed(const char *source, bool allow_http, size_t *len)
{
    if (strncmp(source, "https://", 8) == 0 || strncmp(source, "http://", 7) == 0) {
        if (!lf_sync_global_init())
            return NULL;
        struct lf_fetch_options fo = {.allow_http = allow_http,
                                      .connect_timeout_s = 15,
                                      .transfer_timeout_s = 120,
                                      .low_speed_bytes = 100,
                                      .low_speed_s = 30};
        struct lf_fetcher *f = lf_fetcher_create(&fo);
        if (!f)
            return NULL;
        struct lf_fetch_request req = {.url = source, .max_bytes = LF_ICS_MAX_BYTES};
        struct lf_fetch_result res;
        lf_fetch(f, &req, &res);
        lf_fetcher_destroy(f);
        if (res.outcome != LF_FETCH_OK) {
            fprintf(stderr, "litfass import-ics: %s\n", res.error);
            free(res.body);
            return NULL;
        }
        *len = res.len;
        return res.body;
    }
    FILE *fp = fopen(source, "rb");
    if (!fp) {
        fprintf(stderr, "litfass import-ics: %s: %s\n", source, strerror(errno));
        return NULL;
    }
    char *buf = malloc(LF_ICS_MAX_BYTES + 1);
    size_t n = buf ? fread(buf, 1, LF_ICS_MAX_BYTES + 1, fp) : 0;
    bool bad = !buf || ferror(fp);
    fclose(fp);
    if (bad) {
        fprintf(stderr, "litfass import-ics: %s: cannot read it\n", source);
        free(buf);
        return NULL;
    }
    if (n > LF_ICS_MAX_BYTES) {
        int line;
        char field[80];
        size_t long_line = lf_ics_where_over(buf, n, LF_ICS_MAX_BYTES, &line, field, sizeof(field));
        fprintf(stderr,
                "litfass import-ics: %s:%d: %s: larger than %d bytes, the limit for a feed "
                "(LF_ICS_MAX_BYTES), from this line on",
                source, line, field[0] ? field : "(line)", LF_ICS_MAX_BYTES);
        bool goes_on = !memchr(buf + LF_ICS_MAX_BYTES, '\n', n - LF_ICS_MAX_BYTES);
        if (long_line > LF_ICS_LONG_LINE_BYTES)
            fprintf(stderr, ": this line alone has %s%zu bytes (a picture or attachment inside "
                            "the calendar?)",
                    goes_on ? "more than " : "", long_line);
        fputc('\n', stderr);
        free(buf);
        return NULL;
    }
    buf[n] = '\0';
    *len = n;
    return buf;
}

/* Whether `source` is an address (http, https) rather than a file. */
static bool is_address(const char *source)
{
    return strstr(source, "://") != NULL;
}

/* The calendar's key in the import state: an address as given (webcal://
 * already made https://), a file by its canonical path (realpath: "./a.ics",
 * "a.ics", "../bundle/a.ics" and a symbolic link to it are one calendar, as
 * a person means them). Falls back to the name as typed when the file
 * cannot be resolved (it was read a moment ago). Returns a malloc'd text. */
static char *calendar_key(const char *source)
{
    if (is_address(source))
        return lf_xstrdup(source);
    char *real = realpath(source, NULL);
    return real ? real : lf_xstrdup(source);
}

/* Records of an earlier import that named this file another way (relative,
 * through a link: before calendars were keyed by their canonical path) are
 * taken over under `key`, so what the calendar no longer has is removed
 * from them too. */
static void adopt_spellings(json_t *state, const char *key)
{
    if (is_address(key))
        return;
    json_t *known = json_object_get(state, "items");
    const char *id;
    json_t *rec;
    json_object_foreach(known, id, rec) {
        const char *src = json_string_value(json_object_get(rec, "source"));
        if (!src || strcmp(src, key) == 0 || is_address(src))
            continue;
        char *real = realpath(src, NULL);
        if (real && strcmp(real, key) == 0)
            json_object_set_new(rec, "source", json_string(key));
        free(real);
    }
}

static json_t *load_json(const char *path, bool missing_ok)
{
    json_error_t err;
    /* O_NONBLOCK and a regular file only: a FIFO as the bundle's
     * content.json hung the import in open() */
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0 && missing_ok && errno == ENOENT)
        return json_object();
    if (fd < 0) {
        fprintf(stderr, "litfass import-ics: %s: %s\n", path, strerror(errno));
        return NULL;
    }
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        fprintf(stderr, "litfass import-ics: %s: not a regular file\n", path);
        close(fd);
        return NULL;
    }
    json_t *j = json_loadfd(fd, JSON_REJECT_DUPLICATES, &err);
    close(fd);
    if (j)
        return j;
    fprintf(stderr, "litfass import-ics: %s:%d:%d: %s\n", path, err.line, err.column, err.text);
    return NULL;
}

static bool write_json(const char *path, json_t *j)
{
    char *text = json_dumps(j, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
    if (!text)
        return false;
    size_t n = strlen(text);
    char *withnl = malloc(n + 2);
    bool ok = false;
    if (withnl) {
        memcpy(withnl, text, n);
        withnl[n] = '\n';
        ok = lf_durable_write(path, withnl, n + 1, 0644);
    }
    free(withnl);
    free(text);
    return ok;
}

int lf_tool_import_ics(int argc, char **argv)
{
    static const struct option options[] = {
        {"into", required_argument, NULL, OPT_INTO},
        {"horizon-days", required_argument, NULL, OPT_HORIZON},
        {"tag", required_argument, NULL, OPT_TAG},
        {"category", required_argument, NULL, OPT_CATEGORY},
        {"match", required_argument, NULL, OPT_MATCH},
        {"lang", required_argument, NULL, OPT_LANG},
        {"now", required_argument, NULL, OPT_NOW},
        {"allow-http", no_argument, NULL, OPT_ALLOW_HTTP},
        {"dry-run", no_argument, NULL, OPT_DRY_RUN},
        {"help", no_argument, NULL, OPT_HELP},
        {0},
    };
    const char *into = NULL, *tag = NULL, *lang = NULL;
    long long horizon = LF_ICS_DEFAULT_HORIZON_DAYS;
    time_t now = time(NULL);
    bool allow_http = false, dry_run = false;
    struct lf_ics_filter filter = {0};
    int c;
    while ((c = getopt_long(argc, argv, ":h", options, NULL)) != -1) {
        switch (c) {
        case OPT_INTO:
            into = optarg;
            break;
        case OPT_HORIZON:
            if (!lf_cli_parse_count(optarg, 1, LF_ICS_MAX_HORIZON_DAYS, &horizon))
                return lf_cli_usage_error("import-ics", "bad --horizon-days '%s': 1..%d", optarg,
                                          LF_ICS_MAX_HORIZON_DAYS);
            break;
        case OPT_TAG:
            if (!optarg[0] || strlen(optarg) > LF_MAX_STRING_BYTES)
                return lf_cli_usage_error("import-ics", "bad --tag: a text of 1..%d bytes",
                                          LF_MAX_STRING_BYTES);
            tag = optarg;
            break;
        case OPT_CATEGORY:
        case OPT_MATCH: {
            const char *opt = c == OPT_CATEGORY ? "--category" : "--match";
            size_t *n = c == OPT_CATEGORY ? &filter.n_categories : &filter.n_matches;
            if (!optarg[0] || strlen(optarg) > LF_MAX_STRING_BYTES)
                return lf_cli_usage_error("import-ics", "bad %s: a text of 1..%d bytes", opt,
                                          LF_MAX_STRING_BYTES);
            if (*n == LF_ICS_MAX_FILTERS)
                return lf_cli_usage_error("import-ics", "%s given more than %d times", opt,
                                          LF_ICS_MAX_FILTERS);
            if (c == OPT_CATEGORY)
                filter.categories[(*n)++] = optarg;
            else
                filter.matches[(*n)++] = optarg;
            break;
        }
        case OPT_LANG:
            if (!lf_cli_lang_tag_ok(optarg))
                return lf_cli_bad_lang("import-ics", optarg);
            lang = optarg;
            break;
        case OPT_NOW:
            if (!lf_parse_datetime(optarg, &now))
                return lf_cli_usage_error("import-ics", "bad --now '%s': expected a date and time "
                                                        "such as 2026-11-23T10:00", optarg);
            break;
        case OPT_ALLOW_HTTP:
            allow_http = true;
            break;
        case OPT_DRY_RUN:
            dry_run = true;
            break;
        case OPT_HELP:
            printf(import_ics_usage, LF_ICS_MAX_OCCURRENCES, LF_ICS_MAX_FILTERS,
                   LF_ICS_MAX_FILTERS);
            return EXIT_SUCCESS;
        default:
            return lf_cli_option_error("import-ics", c, argv);
        }
    }
    if (optind >= argc)
        return lf_cli_usage_error("import-ics", "which calendar? name a .ics file or an address");
    if (argc - optind > 1)
        return lf_cli_usage_error("import-ics", "unexpected argument '%s'", argv[optind + 1]);
    if (!into)
        return lf_cli_usage_error("import-ics", "--into DIR is required (the bundle folder)");
    char feed_url[LF_MAX_URL_BYTES + 16];
    const char *source = lf_ics_feed_url(argv[optind], feed_url, sizeof(feed_url));
    if (strncmp(source, "http://", 7) == 0 && !allow_http) {
        fprintf(stderr, "litfass import-ics: %s: http:// is not encrypted; only https:// "
                        "addresses unless --allow-http\n", source);
        return EXIT_FAILURE;
    }

    char content_path[4096], state_path[4096];
    snprintf(content_path, sizeof(content_path), "%s/%s", into, LF_MANIFEST_NAME);
    snprintf(state_path, sizeof(state_path), "%s/%s", into, LF_ICS_STATE_NAME);
    json_t *content = load_json(content_path, false);
    if (!content)
        return EXIT_FAILURE;
    json_t *state = load_json(state_path, true);
    if (!state) {
        json_decref(content);
        return EXIT_FAILURE;
    }
    if (!lang) {
        lang = json_string_value(json_object_get(content, "default_language"));
        if (!lang)
            lang = LF_FALLBACK_LANG;
    }

    int status = EXIT_FAILURE;
    char *key = NULL;
    size_t len = 0;
    char *text = read_feed(source, allow_http, &len);
    struct lf_diags *d = lf_diags_create();
    struct lf_ics_feed *feed = text ? lf_ics_parse_filtered(text, len, source, now, (int)horizon, &filter, d) : NULL;
    free(text);
    lf_cli_print_diags(d);
    if (!feed) {
        if (text || lf_diags_errors(d))
            fprintf(stderr, "litfass import-ics: %s: not imported, %zu %s; %s is unchanged\n",
                    source, lf_diags_errors(d), lf_cli_plural(lf_diags_errors(d), "error", "errors"),
                    content_path);
        goto done;
    }
    struct lf_ics_report r;
    printf("%s: %zu calendar %s, %zu %s within the next %lld days (series expanded)\n", source,
           lf_ics_components(feed), lf_cli_plural(lf_ics_components(feed), "entry", "entries"),
           lf_ics_count(feed), lf_cli_plural(lf_ics_count(feed), "event", "events"), horizon);
    if (filter.n_categories || filter.n_matches)
        printf("%zu %s within the horizon not taken by --category/--match\n",
               lf_ics_filtered(feed), lf_cli_plural(lf_ics_filtered(feed), "event", "events"));
    if (lf_ics_left_out(feed))
        printf("only the %zu events that start first are imported: %zu later %s left out "
               "(a bundle holds at most %d from one feed)\n",
               lf_ics_count(feed), lf_ics_left_out(feed),
               lf_cli_plural(lf_ics_left_out(feed), "event", "events"), LF_ICS_MAX_OCCURRENCES);
    if (lf_ics_skipped(feed))
        printf("%zu calendar %s left out for faults of their own (see the warnings: line, "
               "SUMMARY, UID, DTSTART and why); the rest is imported\n",
               lf_ics_skipped(feed), lf_cli_plural(lf_ics_skipped(feed), "entry", "entries"));
    key = calendar_key(source);
    adopt_spellings(state, key);
    if (!lf_ics_merge(content, state, feed, key, lang, tag, &r, print_note, NULL)) {
        fprintf(stderr, "litfass import-ics: %s: no \"items\" list to import into\n", content_path);
        goto done;
    }
    /* the bundle as it would be, checked as `litfass validate` does */
    char *out = json_dumps(content, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
    struct lf_diags *vd = lf_diags_create();
    struct lf_bundle *b = out ? lf_bundle_parse(out, strlen(out), content_path, into, vd) : NULL;
    free(out);
    if (!b) {
        lf_cli_print_diags(vd);
        fprintf(stderr, "litfass import-ics: the bundle would not be valid with these events; "
                        "%s is unchanged\n", content_path);
        lf_diags_destroy(vd);
        goto done;
    }
    lf_bundle_destroy(b);
    lf_diags_destroy(vd);
    printf("%s%zu added, %zu updated, %zu unchanged, %zu removed, %zu marked cancelled, "
           "%zu kept as changed by hand, %zu left deleted\n",
           dry_run ? "would be: " : "", r.added, r.updated, r.unchanged, r.removed, r.cancelled,
           r.kept_edited, r.kept_deleted);
    if (dry_run) {
        status = EXIT_SUCCESS;
        goto done;
    }
    if (!write_json(content_path, content) || !write_json(state_path, state)) {
        fprintf(stderr, "litfass import-ics: could not write %s\n", content_path);
        goto done;
    }
    printf("wrote %s; run `litfass sign` (or publish in the studio) to send it to the kiosks\n",
           content_path);
    status = EXIT_SUCCESS;
done:
    free(key);
    lf_ics_feed_destroy(feed);
    lf_diags_destroy(d);
    json_decref(content);
    json_decref(state);
    return status;
}
