/* `litfass pack`: the "files" list (sizes, SHA-256) written into a bundle. */
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "content/bundle.h"
#include "content/signature.h"
#include "core/diag.h"

static const char pack_usage[] =
    "usage: litfass pack DIR\n"
    "\n"
    "Checks the bundle in DIR like `litfass validate`, then writes into its\n"
    "content.json a \"files\" list: every image the items name, with its size and\n"
    "SHA-256. Kiosks need the list to download only what changed and to check\n"
    "what they got; run it after every change, before publishing the folder.\n"
    "Everything else in content.json stays as it is (re-indented by two spaces).\n"
    "Exit 0 when written, 1 when the bundle has errors (nothing is written).\n"
    "\n"
    "  --help          this text\n";

int lf_tool_pack(int argc, char **argv)
{
    static const struct option options[] = {
        {"help", no_argument, NULL, OPT_HELP},
        {0},
    };
    int c;
    while ((c = getopt_long(argc, argv, ":h", options, NULL)) != -1) {
        switch (c) {
        case OPT_HELP:
            fputs(pack_usage, stdout);
            return EXIT_SUCCESS;
        default:
            return lf_cli_option_error("pack", c, argv);
        }
    }
    if (optind >= argc)
        return lf_cli_usage_error("pack", "which bundle? name its folder: litfass pack DIR");
    if (argc - optind > 1)
        return lf_cli_usage_error("pack", "unexpected argument '%s'", argv[optind + 1]);
    const char *dir = argv[optind];
    struct lf_diags *d = lf_diags_create();
    size_t n = 0;
    bool ok = lf_bundle_pack(dir, d, &n);
    lf_cli_print_diags(d);
    if (ok)
        printf("%s: %zu %s listed in %s\n", dir, n, lf_cli_plural(n, "file", "files"), LF_MANIFEST_NAME);
    else
        fprintf(stderr, "litfass pack: %s: not packed, %zu %s\n", dir, lf_diags_errors(d),
                lf_cli_plural(lf_diags_errors(d), "error", "errors"));
    lf_diags_destroy(d);
    return ok ? EXIT_SUCCESS : EXIT_FAILURE;
}
