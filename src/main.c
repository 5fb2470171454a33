/* The `litfass` command: finds the command in the table below and hands it
 * the rest of the command line. Each command lives in src/cli/tool_<name>.c;
 * adding one is a file there and a row here.
 *
 * Exit codes: 0 ok, 1 invalid content or a failure at run time, 2 a usage
 * error (unknown option, bad --size or --now), always with a message that
 * names the problem. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/civil_time.h"

static const struct lf_cli_command commands[] = {
    {"run", "show the bundle full screen (the default command)", lf_tool_run},
    {"preview", "render every slide of a bundle to PNG files, without a display", lf_tool_preview},
    {"validate", "check a bundle and list every problem in it", lf_tool_validate},
    {"pack", "write the \"files\" list (sizes, SHA-256) into a bundle before publishing",
     lf_tool_pack},
    {"keygen", "make a key pair for signing bundles", lf_tool_keygen},
    {"sign", "pack and sign a bundle for publishing", lf_tool_sign},
    {"sync", "fetch the published bundle once and install it (headless)", lf_tool_sync},
    {"import-ics", "import events from an iCalendar file or feed into a bundle", lf_tool_import_ics},
    {"studio", "serve the browser editor where KI staff write and publish content",
     lf_tool_studio},
    {"status", "is the running kiosk healthy? (exit 1 when not)", lf_tool_status},
    {"screenshot", "save what the running kiosk shows as a PNG", lf_tool_screenshot},
    {"speak", "write what the kiosk reads aloud for an item to a WAV file", lf_tool_speak},
};
#define N_COMMANDS (sizeof(commands) / sizeof(commands[0]))

static void print_main_usage(void)
{
    fputs("usage: litfass [COMMAND] [OPTIONS]\n"
          "       litfass --help | --version\n"
          "\n"
          "A full-screen information kiosk for the municipal integration centres:\n"
          "it cycles events, counselling offers, contacts and notices from a content\n"
          "bundle (a folder with content.json and its images).\n"
          "\n"
          "commands:\n",
          stdout);
    for (size_t i = 0; i < N_COMMANDS; i++)
        printf("  %-12s%s\n", commands[i].name, commands[i].summary);
    fputs("\n"
          "`litfass COMMAND --help` explains each command and lists all its options.\n"
          "Exit codes: 0 ok, 1 invalid content or failure, 2 usage error.\n",
          stdout);
}

int main(int argc, char **argv)
{
    if (!lf_civil_time_init())
        return EXIT_FAILURE; /* logged: the time zone is missing */
    opterr = 0;              /* our own messages, naming the command */

    const char *first = argc > 1 ? argv[1] : NULL;
    if (first && (strcmp(first, "--help") == 0 || strcmp(first, "-h") == 0 ||
                  strcmp(first, "help") == 0)) {
        print_main_usage();
        return EXIT_SUCCESS;
    }
    if (first && strcmp(first, "--version") == 0) {
        printf("litfass %s\n", LITFASS_VERSION);
        return EXIT_SUCCESS;
    }
    if (first && strcmp(first, LF_NET_CHILD_COMMAND) == 0)
        return lf_tool_net_child(argc - 1, argv + 1); /* hidden: the kiosk starts it */
    if (!first || first[0] == '-')
        return lf_tool_run(argc, argv); /* `run` is the default command */
    /* after the command, argv[0] is the command, so getopt starts past it */
    for (size_t i = 0; i < N_COMMANDS; i++) {
        if (strcmp(first, commands[i].name) == 0)
            return commands[i].run(argc - 1, argv + 1);
    }
    fprintf(stderr, "litfass: unknown command '%s' (commands:", first);
    for (size_t i = 0; i < N_COMMANDS; i++)
        fprintf(stderr, "%s %s", i ? "," : "", commands[i].name);
    fprintf(stderr, ")\nTry 'litfass --help'.\n");
    return LF_EXIT_USAGE;
}
