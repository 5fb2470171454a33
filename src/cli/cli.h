/* The command line: one file per command (tool_<name>.c, as curl's
 * tool_*.c), each exporting lf_tool_<name>(argc, argv) with argv[0] the
 * command's name; main.c holds the table of commands. What they share is
 * here: one wording for usage errors, one way to read option values and the
 * config file.
 *
 * Exit codes of every command: 0 ok, 1 invalid content or a failure at run
 * time, LF_EXIT_USAGE (2) a usage error, always with a message that names
 * the problem. Only the main thread calls these. */
#ifndef LF_CLI_H
#define LF_CLI_H

#include <stdbool.h>
#include <stddef.h>

#include "app/config.h"
#include "core/diag.h"
#include "core/log.h"
#include "sync/net_child.h"

#define LF_EXIT_USAGE 2

/* Long options' values, shared so a letter means the same in every command. */
enum {
    OPT_ALLOW_HTTP = 'a',
    OPT_CACHE = 'C',
    OPT_ONCE = '1',
    OPT_URL = 'u',
    OPT_CONFIG = 'c',
    OPT_CONTENT = 'd',
    OPT_HELP = 'h',
    OPT_LANG = 'l',
    OPT_NOW = 'n',
    OPT_OUT = 'o',
    OPT_SIZE = 's',
    OPT_WINDOWED = 'w',
    OPT_THEME = 't',
    OPT_LARGE_TEXT = 'L',
    OPT_KEY = 'k',
    OPT_VALID_DAYS = 'V',
    OPT_SERIAL = 'S',
    OPT_ITEM = 'i',
    OPT_SCRIPT = 'x',
    OPT_RATE = 'r',
    OPT_ROUND = 'R',
    OPT_CLOCK_OFFSET = 'O',
};

/* One command: its name, what `litfass --help` says of it in one line, and
 * the function that runs it. */
struct lf_cli_command {
    const char *name;
    const char *summary;
    int (*run)(int argc, char **argv);
};

/* The commands, in the order `litfass --help` lists them. */
int lf_tool_run(int argc, char **argv);
int lf_tool_preview(int argc, char **argv);
int lf_tool_validate(int argc, char **argv);
int lf_tool_pack(int argc, char **argv);
int lf_tool_keygen(int argc, char **argv);
int lf_tool_sign(int argc, char **argv);
int lf_tool_sync(int argc, char **argv);
int lf_tool_import_ics(int argc, char **argv);
int lf_tool_studio(int argc, char **argv);
int lf_tool_status(int argc, char **argv);
int lf_tool_screenshot(int argc, char **argv);
int lf_tool_speak(int argc, char **argv);
/* LF_NET_CHILD_COMMAND (sync/net_child.h): the kiosk's sync or report, not for people */
int lf_tool_net_child(int argc, char **argv);

/* Prints "litfass CMD: message" and where to find help; returns LF_EXIT_USAGE. */
int lf_cli_usage_error(const char *cmd, const char *fmt, ...) LF_PRINTF(2, 3);
/* getopt_long's '?' and ':' cases, in our words; returns LF_EXIT_USAGE. */
int lf_cli_option_error(const char *cmd, int c, char **argv);
/* "WxH", both sides within LF_MIN_SCREEN_SIDE..LF_MAX_SCREEN_SIDE. */
bool lf_cli_parse_size(const char *s, int *width, int *height);
int lf_cli_bad_size(const char *cmd, const char *arg);
bool lf_cli_lang_tag_ok(const char *s);
int lf_cli_bad_lang(const char *cmd, const char *arg);
/* A whole number min..max from an option's text. */
bool lf_cli_parse_count(const char *s, long long min, long long max, long long *out);
void lf_cli_print_diags(const struct lf_diags *d);
/* The config: `path` if given (must exist), else the first of the usual
 * places that exists, else the defaults. Prints every diagnostic. */
bool lf_cli_load_config(struct lf_config *cfg, const char *path);
const char *lf_cli_plural(size_t n, const char *one, const char *many);

struct lf_bundle;
struct lf_diags;
/* Decodes every picture of bundle `b` (loaded from `dir`) as the kiosk
 * will: a file whose header and end the bundle's checks accept but whose
 * picture data is damaged (the kiosk would show its slide without it) is
 * an error at the item's "image" field. False when one is. `validate` and
 * `sign` run it; the sync, which cannot decode, installs such a bundle and
 * the kiosk says it in the log. */
bool lf_cli_check_images(const char *dir, const struct lf_bundle *b, struct lf_diags *d);

#endif
