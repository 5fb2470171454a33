/* `litfass keygen`: an Ed25519 key pair for signing bundles. */
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "content/signature.h"

static const char keygen_usage[] =
    "usage: litfass keygen --out NAME\n"
    "\n"
    "Makes an Ed25519 key pair for signing bundles: NAME.key, the secret key\n"
    "(readable by you only; keep it off the web server and the kiosks), and\n"
    "NAME.pub, the public key. Prints the line for the kiosks' config\n"
    "([sync] trusted_keys). Never overwrites an existing file.\n"
    "\n"
    "  --out NAME      where to write NAME.key and NAME.pub (required)\n"
    "  --help          this text\n";

int lf_tool_keygen(int argc, char **argv)
{
    static const struct option options[] = {
        {"out", required_argument, NULL, OPT_OUT},
        {"help", no_argument, NULL, OPT_HELP},
        {0},
    };
    const char *out = NULL;
    int c;
    while ((c = getopt_long(argc, argv, ":h", options, NULL)) != -1) {
        switch (c) {
        case OPT_OUT:
            out = optarg;
            break;
        case OPT_HELP:
            fputs(keygen_usage, stdout);
            return EXIT_SUCCESS;
        default:
            return lf_cli_option_error("keygen", c, argv);
        }
    }
    if (optind < argc)
        return lf_cli_usage_error("keygen", "unexpected argument '%s'", argv[optind]);
    if (!out || !out[0])
        return lf_cli_usage_error("keygen", "--out NAME is required (writes NAME.key and NAME.pub)");
    struct lf_public_key pub;
    char err[LF_SIGN_ERROR_BYTES], b64[LF_PUBLIC_KEY_BASE64 + 1];
    if (!lf_keygen(out, &pub, err, sizeof(err))) {
        fprintf(stderr, "litfass keygen: %s\n", err);
        return EXIT_FAILURE;
    }
    lf_public_key_base64(&pub, b64, sizeof(b64));
    printf("wrote %s.key (secret: keep it to yourself) and %s.pub (key id %s)\n", out, out,
           pub.id);
    printf("for the kiosks' config, [sync]:\ntrusted_keys = %s\n", b64);
    return EXIT_SUCCESS;
}
