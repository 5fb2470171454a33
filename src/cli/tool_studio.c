/* `litfass studio`: the browser editor for KI staff (src/studio/), and
 * `litfass studio user ...` to manage who may log in. */
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>

#include "cli/cli.h"
#include "studio/fleet.h"
#include "studio/server.h"
#include "studio/users.h"

static const char studio_usage[] =
    "usage: litfass studio --data DIR [--listen ADDRESS:PORT] [--config FILE]\n"
    "                      [--tls-cert FILE --tls-key FILE] [--allow-plain-http-remote]\n"
    "       litfass studio user add NAME --role editor|publisher|admin --data DIR\n"
    "       litfass studio user passwd NAME --data DIR\n"
    "       litfass studio user remove NAME --data DIR\n"
    "       litfass studio user list --data DIR\n"
    "       litfass studio kiosk add|remove NAME --data DIR\n"
    "       litfass studio kiosk list --data DIR\n"
    "\n"
    "Serves the studio: KI staff write, translate, preview and publish the\n"
    "kiosks' content in a web browser (open the address it prints).\n"
    "DIR holds the draft, the published versions, the users and the audit log.\n"
    "\n"
    "  --data DIR              the studio's folder (required; made if missing, mode 700)\n"
    "  --listen ADDRESS:PORT   where to serve (studio.listen, default 127.0.0.1:8470;\n"
    "                          port 0: any free port)\n"
    "  --config FILE           config with [studio] and [publish] (see config/litfass.conf)\n"
    "  --tls-cert FILE         HTTPS: certificate (chain) in PEM (studio.tls_cert)\n"
    "  --tls-key FILE          HTTPS: its private key, mode 600 (studio.tls_key)\n"
    "  --allow-plain-http-remote  serve another address than 127.0.0.1 without TLS\n"
    "                          (only behind a proxy that does TLS)\n"
    "  --role ROLE             user add: editor (changes the draft), publisher (also\n"
    "                          approves and publishes) or admin (also sees users)\n"
    "  --help                  this text\n"
    "\n"
    "kiosk add prints the kiosk's token once (the studio keeps only its hash):\n"
    "put it into the file named by [monitor] report_token_file on that kiosk.\n"
    "\n"
    "Passwords (at least 10 characters) are asked for twice at a terminal, or\n"
    "read as one line from standard input: echo \"$PW\" | litfass studio user add ...\n";

enum {
    OPT_DATA = 'D',
    OPT_LISTEN = 'N',
    OPT_TLS_CERT = 'T',
    OPT_TLS_KEY = 'K',
    OPT_ALLOW_PLAIN = 'P',
    OPT_ROLE = 'R',
};

/* One line from stdin, or typed twice without echo at a terminal. */
static bool read_password(const char *name, char *out, size_t size)
{
    bool tty = isatty(STDIN_FILENO);
    char again[LF_STUDIO_MAX_PASSWORD + 2];
    struct termios old, quiet;
    for (int round = 0; round < (tty ? 2 : 1); round++) {
        char *buf = round == 0 ? out : again;
        size_t cap = round == 0 ? size : sizeof(again);
        if (tty) {
            fprintf(stderr, round == 0 ? "password for %s: " : "the same again: ", name);
            tcgetattr(STDIN_FILENO, &old);
            quiet = old;
            quiet.c_lflag &= ~(tcflag_t)ECHO;
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
        }
        bool got = fgets(buf, (int)cap, stdin) != NULL;
        if (tty) {
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
            fputc('\n', stderr);
        }
        if (!got) {
            fprintf(stderr, "litfass studio: no password given\n");
            return false;
        }
        buf[strcspn(buf, "\r\n")] = '\0';
    }
    if (tty && strcmp(out, again) != 0) {
        fprintf(stderr, "litfass studio: the two passwords differ; nothing changed\n");
        return false;
    }
    memset(again, 0, sizeof(again));
    return true;
}

static int user_command(int argc, char **argv, const char *data, const char *role_name)
{
    /* argv: "user", VERB, [NAME] */
    if (argc < 2)
        return lf_cli_usage_error("studio", "user: add, passwd, remove or list?");
    const char *verb = argv[1];
    const char *name = argc > 2 ? argv[2] : NULL;
    bool list = strcmp(verb, "list") == 0;
    if (!list && strcmp(verb, "add") != 0 && strcmp(verb, "passwd") != 0 &&
        strcmp(verb, "remove") != 0)
        return lf_cli_usage_error("studio", "user %s: unknown (add, passwd, remove, list)", verb);
    if (!list && !name)
        return lf_cli_usage_error("studio", "user %s: which user? name them", verb);
    if (argc > (list ? 2 : 3))
        return lf_cli_usage_error("studio", "unexpected argument '%s'", argv[list ? 2 : 3]);
    if (!data)
        return lf_cli_usage_error("studio", "--data DIR is required (the studio's folder)");
    enum lf_role role = 0;
    if (strcmp(verb, "add") == 0) {
        if (!role_name)
            return lf_cli_usage_error("studio", "user add: --role editor|publisher|admin is required");
        role = lf_role_parse(role_name);
        if (!role)
            return lf_cli_usage_error("studio", "--role: '%s' is not editor, publisher or admin",
                                      role_name);
    } else if (role_name) {
        return lf_cli_usage_error("studio", "--role goes with user add only");
    }
    char err[LF_USERS_ERROR_BYTES];
    if (access(data, F_OK) != 0 && mkdir(data, 0700) != 0) {
        fprintf(stderr, "litfass studio: %s: cannot create\n", data);
        return EXIT_FAILURE;
    }
    struct lf_users *u = lf_users_load(data, err, sizeof(err));
    if (!u) {
        fprintf(stderr, "litfass studio: %s\n", err);
        return EXIT_FAILURE;
    }
    int rc = EXIT_FAILURE;
    char password[LF_STUDIO_MAX_PASSWORD + 2] = "";
    bool ok = false;
    if (list) {
        for (size_t i = 0; i < lf_users_count(u); i++) {
            enum lf_role r;
            const char *n = lf_users_name(u, i, &r);
            printf("%s\t%s\n", n, lf_role_name(r));
        }
        rc = EXIT_SUCCESS;
        goto done;
    }
    if (strcmp(verb, "remove") == 0) {
        ok = lf_users_remove(u, name, err, sizeof(err));
    } else {
        if (!lf_user_name_valid(name)) {
            fprintf(stderr,
                    "litfass studio: '%s' is not a user name (1 to %d of a-z, 0-9, '.', '_', '-')\n",
                    name, LF_STUDIO_MAX_USER_NAME);
            goto done;
        }
        if (!read_password(name, password, sizeof(password)))
            goto done;
        ok = strcmp(verb, "add") == 0
                 ? lf_users_add(u, name, role, password, err, sizeof(err))
                 : lf_users_set_password(u, name, password, err, sizeof(err));
    }
    if (!ok || !lf_users_save(u, err, sizeof(err))) {
        fprintf(stderr, "litfass studio: %s\n", err);
        goto done;
    }
    if (strcmp(verb, "add") == 0)
        printf("added %s as %s\n", name, lf_role_name(role));
    else if (strcmp(verb, "passwd") == 0)
        printf("changed the password of %s (sessions opened with the old one end)\n", name);
    else
        printf("removed %s\n", name);
    rc = EXIT_SUCCESS;
done:
    memset(password, 0, sizeof(password));
    lf_users_destroy(u);
    return rc;
}

/* `litfass studio kiosk add|remove|list`: the screens that report to the studio */
static int kiosk_command(int argc, char **argv, const char *data)
{
    if (argc < 2)
        return lf_cli_usage_error("studio", "kiosk: add, remove or list?");
    const char *verb = argv[1];
    bool list = strcmp(verb, "list") == 0;
    if (!list && strcmp(verb, "add") != 0 && strcmp(verb, "remove") != 0)
        return lf_cli_usage_error("studio", "kiosk %s: unknown (add, remove, list)", verb);
    if (!list && argc < 3)
        return lf_cli_usage_error("studio", "kiosk %s: which kiosk? name it", verb);
    if (argc > (list ? 2 : 3))
        return lf_cli_usage_error("studio", "unexpected argument '%s'", argv[list ? 2 : 3]);
    if (!data)
        return lf_cli_usage_error("studio", "--data DIR is required (the studio's folder)");
    char err[LF_FLEET_ERROR_BYTES];
    if (list) {
        json_t *kiosks = lf_fleet_list_kiosks(data, err, sizeof(err));
        if (!kiosks) {
            fprintf(stderr, "litfass studio: %s\n", err);
            return EXIT_FAILURE;
        }
        size_t i;
        json_t *k;
        json_array_foreach(kiosks, i, k) printf("%s\n", json_string_value(json_object_get(k, "name")));
        json_decref(kiosks);
        return EXIT_SUCCESS;
    }
    if (strcmp(verb, "remove") == 0) {
        if (!lf_fleet_remove_kiosk(data, argv[2], err, sizeof(err))) {
            fprintf(stderr, "litfass studio: %s\n", err);
            return EXIT_FAILURE;
        }
        printf("removed kiosk %s (its token is refused from now on)\n", argv[2]);
        return EXIT_SUCCESS;
    }
    char token[2 * LF_FLEET_TOKEN_BYTES + 1];
    if (!lf_fleet_add_kiosk(data, argv[2], token, err, sizeof(err))) {
        fprintf(stderr, "litfass studio: %s\n", err);
        return EXIT_FAILURE;
    }
    /* the token alone on stdout (for scripts), the advice on stderr */
    printf("%s\n", token);
    fprintf(stderr, "added kiosk %s: put the token above into the file [monitor] "
            "report_token_file names on it (mode 600); it is not shown again\n", argv[2]);
    return EXIT_SUCCESS;
}

int lf_tool_studio(int argc, char **argv)
{
    static const struct option options[] = {
        {"data", required_argument, NULL, OPT_DATA},
        {"listen", required_argument, NULL, OPT_LISTEN},
        {"config", required_argument, NULL, OPT_CONFIG},
        {"tls-cert", required_argument, NULL, OPT_TLS_CERT},
        {"tls-key", required_argument, NULL, OPT_TLS_KEY},
        {"allow-plain-http-remote", no_argument, NULL, OPT_ALLOW_PLAIN},
        {"role", required_argument, NULL, OPT_ROLE},
        {"help", no_argument, NULL, OPT_HELP},
        {0},
    };
    const char *data = NULL, *listen = NULL, *config = NULL, *cert = NULL, *key = NULL,
               *role = NULL;
    bool allow_plain = false;
    int c;
    while ((c = getopt_long(argc, argv, ":h", options, NULL)) != -1) {
        switch (c) {
        case OPT_DATA:
            data = optarg;
            break;
        case OPT_LISTEN:
            listen = optarg;
            break;
        case OPT_CONFIG:
            config = optarg;
            break;
        case OPT_TLS_CERT:
            cert = optarg;
            break;
        case OPT_TLS_KEY:
            key = optarg;
            break;
        case OPT_ALLOW_PLAIN:
            allow_plain = true;
            break;
        case OPT_ROLE:
            role = optarg;
            break;
        case OPT_HELP:
            fputs(studio_usage, stdout);
            return EXIT_SUCCESS;
        default:
            return lf_cli_option_error("studio", c, argv);
        }
    }
    if (optind < argc && strcmp(argv[optind], "user") == 0)
        return user_command(argc - optind, argv + optind, data, role);
    if (optind < argc && strcmp(argv[optind], "kiosk") == 0)
        return kiosk_command(argc - optind, argv + optind, data);
    if (optind < argc)
        return lf_cli_usage_error("studio", "unexpected argument '%s'", argv[optind]);
    if (role)
        return lf_cli_usage_error("studio", "--role goes with user add only");
    if (!data)
        return lf_cli_usage_error("studio", "--data DIR is required (the studio's folder)");
    struct lf_config cfg;
    if (!lf_cli_load_config(&cfg, config))
        return EXIT_FAILURE;
    struct lf_diags *d = lf_diags_create();
    bool ok = (!listen || lf_config_set(&cfg, "studio.listen", listen, "--listen", d)) &&
              (!cert || lf_config_set(&cfg, "studio.tls_cert", cert, "--tls-cert", d)) &&
              (!key || lf_config_set(&cfg, "studio.tls_key", key, "--tls-key", d));
    lf_cli_print_diags(d);
    lf_diags_destroy(d);
    if (!ok)
        return LF_EXIT_USAGE;
    struct lf_studio_options opt = {
        .data_dir = data, .cfg = &cfg, .allow_plain_remote = allow_plain};
    return lf_studio_serve(&opt);
}
