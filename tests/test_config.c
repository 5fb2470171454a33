/* Config: the INI reader, its diagnostics, and the shipped litfass.conf. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "app/config.h"

static char tmp_dir[] = "/tmp/litfass-test-config-XXXXXX";
static char conf_path[sizeof(tmp_dir) + 32];

static int setup(void **state)
{
    (void)state;
    if (!mkdtemp(tmp_dir))
        return -1;
    snprintf(conf_path, sizeof(conf_path), "%s/litfass.conf", tmp_dir);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    unlink(conf_path);
    return rmdir(tmp_dir);
}

static void write_conf(const char *text, size_t len)
{
    FILE *f = fopen(conf_path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(text, 1, len, f), len);
    assert_int_equal(fclose(f), 0);
}

static void assert_same_config(const char *name, const struct lf_config *got,
                               const struct lf_config *want)
{
#define SAME_STR(f)                                                                      \
    if (strcmp(got->f, want->f) != 0)                                                    \
        fail_msg("%s: " #f " is \"%s\", wanted \"%s\"", name, got->f, want->f);
#define SAME_INT(f)                                                                      \
    if (got->f != want->f)                                                               \
        fail_msg("%s: " #f " is %d, wanted %d", name, (int)got->f, (int)want->f);
    SAME_STR(content_dir)
    SAME_STR(lang)
    SAME_INT(slide_seconds)
    SAME_INT(transition_ms)
    SAME_INT(idle_seconds)
    SAME_INT(windowed)
    SAME_INT(width)
    SAME_INT(height)
    SAME_STR(organisation)
    SAME_INT(log_level)
    SAME_INT(clock_trust_ntp)
#undef SAME_STR
#undef SAME_INT
}

static void defaults(void **state)
{
    (void)state;
    struct lf_config c;
    memset(&c, 0x5a, sizeof(c));
    lf_config_defaults(&c);
    assert_string_equal(c.content_dir, "assets/content");
    assert_string_equal(c.lang, "");
    assert_int_equal(c.slide_seconds, 10);
    assert_int_equal(c.transition_ms, 600);
    assert_int_equal(c.idle_seconds, 60);
    assert_int_equal(c.dpi, 0); /* touch sizes at the assumed density */
    assert_false(c.windowed);
    assert_int_equal(c.width, 1280);
    assert_int_equal(c.height, 720);
    assert_string_equal(c.organisation, "");
    assert_int_equal(c.log_level, LF_LOG_INFO);
    assert_true(c.clock_trust_ntp); /* a synchronised clock is believed */
}

/* Expected configs: the defaults changed by these. */
static void want_all_set(struct lf_config *w)
{
    snprintf(w->content_dir, sizeof(w->content_dir), "/srv/litfass/content");
    snprintf(w->lang, sizeof(w->lang), "de-x-ls");
    w->windowed = true;
    w->width = 1080;
    w->height = 1920;
    snprintf(w->organisation, sizeof(w->organisation), "  KI Kreis Borken; Ahaus # 2  ");
    w->slide_seconds = 3;
    w->transition_ms = 0;
    w->idle_seconds = 3600;
    w->log_level = LF_LOG_DEBUG;
}
static void want_windowed(struct lf_config *w) { w->windowed = true; }
static void want_slide_20(struct lf_config *w) { w->slide_seconds = 20; }
static void want_transition_100(struct lf_config *w) { w->transition_ms = 100; }
static void want_level_warn(struct lf_config *w) { w->log_level = LF_LOG_WARN; }
static void want_lang_ar(struct lf_config *w) { snprintf(w->lang, sizeof(w->lang), "ar"); }
static void want_ntp_ignored(struct lf_config *w) { w->clock_trust_ntp = false; }

struct config_case {
    const char *name;
    const char *text;
    bool ok;                   /* what lf_config_load returns */
    size_t errors, warnings;
    const char *first;         /* the first diagnostic ends with this; NULL: none */
    void (*want)(struct lf_config *); /* NULL: defaults */
};

static const struct config_case cases[] = {
    {"empty file", "", true, 0, 0, NULL, NULL},
    {"comments only", "# hello\n; there\n\n   # indented\n", true, 0, 0, NULL, NULL},
    {"every key set",
     "[content]\ndir = /srv/litfass/content\n"
     "[display]\nlanguage = de-x-ls\nwindowed = yes\nwidth = 1080\nheight = 1920\n"
     "organisation = \"  KI Kreis Borken; Ahaus # 2  \"\n"
     "[carousel]\nslide_seconds = 3\ntransition_ms = 0\n"
     "[touch]\nidle_seconds = 3600\n[log]\nlevel = debug\n",
     true, 0, 0, NULL, want_all_set},
    {"spaces, tabs, CRLF and a byte order mark",
     "\xEF\xBB\xBF[ carousel ]\r\n\tslide_seconds\t=\t20  \r\n", true, 0, 0, NULL,
     want_slide_20},
    {"no newline at the end", "[carousel]\nslide_seconds=20", true, 0, 0, NULL, want_slide_20},
    {"bool: Yes", "[display]\nwindowed = Yes\n", true, 0, 0, NULL, want_windowed},
    {"bool: on", "[display]\nwindowed = on\n", true, 0, 0, NULL, want_windowed},
    {"bool: TRUE", "[display]\nwindowed = TRUE\n", true, 0, 0, NULL, want_windowed},
    {"bool: 1", "[display]\nwindowed = 1\n", true, 0, 0, NULL, want_windowed},
    {"bool: no after yes", "[display]\nwindowed = 1\nwindowed = no\n", true, 0, 1,
     "litfass.conf:3:1: display.windowed: set more than once; the last value counts", NULL},
    {"bool: off", "[display]\nwindowed = off\n", true, 0, 0, NULL, NULL},
    {"the kernel's NTP state not trusted", "[clock]\ntrust_ntp = no\n", true, 0, 0, NULL,
     want_ntp_ignored},
    {"enum is case-insensitive", "[log]\nlevel = WARN\n", true, 0, 0, NULL, want_level_warn},
    {"quoted empty string", "[display]\nlanguage = \"\"\n", true, 0, 0, NULL, NULL},
    {"section may come back", "[display]\nlanguage = ar\n[carousel]\n[display]\n", true, 0, 0,
     NULL, want_lang_ar},

    {"unknown section: warning, keys ignored", "[network]\nurl = http://x\n[log]\nlevel = warn\n",
     true, 0, 1, "litfass.conf:1:2: network: unknown section; its keys are ignored",
     want_level_warn},
    {"unknown key: warning", "[carousel]\n  speed = 3\n", true, 0, 1,
     "litfass.conf:2:3: carousel.speed: unknown key; ignored", NULL},

    {"below the range", "[carousel]\nslide_seconds = 2\n", false, 1, 0,
     "litfass.conf:2:17: carousel.slide_seconds: must be between 3 and 120", NULL},
    {"above the range", "[carousel]\nslide_seconds = 121\n", false, 1, 0,
     "litfass.conf:2:17: carousel.slide_seconds: must be between 3 and 120", NULL},
    {"window too small", "[display]\nwidth = 319\n", false, 1, 0,
     "litfass.conf:2:9: display.width: must be between 320 and 8192", NULL},
    {"unit after the number", "[touch]\nidle_seconds = 60s\n", false, 1, 0,
     "litfass.conf:2:16: touch.idle_seconds: not a whole number: \"60s\"", NULL},
    {"comment after the value", "[touch]\nidle_seconds = 60 # one minute\n", false, 1, 0,
     "touch.idle_seconds: not a whole number: \"60 # one minute\"", NULL},
    {"empty number", "[touch]\nidle_seconds =\n", false, 1, 0,
     "litfass.conf:2:15: touch.idle_seconds: not a whole number: \"\"", NULL},
    {"number too big for long", "[touch]\nidle_seconds = 99999999999999999999999\n", false, 1, 0,
     "touch.idle_seconds: not a whole number: \"99999999999999999999999\"", NULL},
    {"number beyond int", "[touch]\nidle_seconds = 4294967356\n", false, 1, 0,
     "touch.idle_seconds: must be between 10 and 3600", NULL},
    {"quoted number with a space", "[touch]\nidle_seconds = \" 60\"\n", false, 1, 0,
     "touch.idle_seconds: not a whole number: \" 60\"", NULL},
    {"bad bool", "[display]\nwindowed = maybe\n", false, 1, 0,
     "litfass.conf:2:12: display.windowed: must be yes/no, true/false, on/off or 1/0, not "
     "\"maybe\"",
     NULL},
    {"bad enum", "[log]\nlevel = verbose\n", false, 1, 0,
     "litfass.conf:2:9: log.level: must be one of error, warn, info, debug, not \"verbose\"",
     NULL},
    {"bad language tag", "[display]\nlanguage = de_DE\n", false, 1, 0,
     "display.language: not a language tag (letters, digits and '-', e.g. \"de\", \"ar\", "
     "\"de-x-ls\")",
     NULL},
    {"empty content dir", "[content]\ndir = \"\"\n", false, 1, 0,
     "litfass.conf:2:7: content.dir: must not be empty", NULL},
    {"organisation too long",
     "[display]\norganisation = "
     "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
     "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
     "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n",
     false, 1, 0, "litfass.conf:2:16: display.organisation: longer than 255 bytes", NULL},
    {"control character in a string", "[display]\norganisation = a\tb\n", false, 1, 0,
     "display.organisation: contains a control character", NULL},
    {"unclosed quote", "[display]\nlanguage = \"ar\n", false, 1, 0,
     "litfass.conf:2:12: display.language: a quoted value needs its closing '\"'", NULL},
    {"key before any section", "slide_seconds = 5\n", false, 1, 0,
     "litfass.conf:1:1: slide_seconds: key outside a section; put it under e.g. [carousel]",
     NULL},
    {"broken section line", "[carousel\nslide_seconds = 20\n", false, 1, 0,
     "litfass.conf:1:1: a section line looks like \"[carousel]\"", NULL},
    {"line without '='", "[carousel]\n  slide_seconds 20\n", false, 1, 0,
     "litfass.conf:2:3: expected \"key = value\"", NULL},
    {"'=' without a key", "[carousel]\n = 20\n", false, 1, 0,
     "litfass.conf:2:2: a key name is missing before '='", NULL},
    {"a bad key keeps its default, the others are read",
     "[carousel]\nslide_seconds = 1\ntransition_ms = 100\n", false, 1, 0,
     "carousel.slide_seconds: must be between 3 and 120", want_transition_100},
    {"every error is listed",
     "[carousel]\nslide_seconds = 1\ntransition_ms = -1\n[log]\nlevel = loud\n[x]\n", false, 3,
     1, "litfass.conf:2:17: carousel.slide_seconds: must be between 3 and 120", NULL},
    {"a bad value does not undo a good one", "[carousel]\nslide_seconds = 20\nslide_seconds = 0\n",
     false, 1, 1, "carousel.slide_seconds: set more than once; the last value counts",
     want_slide_20},
};

static bool ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

static size_t count_severity(const struct lf_diags *d, enum lf_diag_severity sev)
{
    size_t n = 0;
    for (size_t i = 0; i < lf_diags_count(d); i++)
        n += lf_diags_get(d, i)->severity == sev;
    return n;
}

static void files(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        const struct config_case *tc = &cases[i];
        write_conf(tc->text, strlen(tc->text));
        struct lf_config got, want;
        lf_config_defaults(&got);
        lf_config_defaults(&want);
        if (tc->want)
            tc->want(&want);
        struct lf_diags *d = lf_diags_create();
        bool ok = lf_config_load(&got, conf_path, d);
        if (ok != tc->ok || lf_diags_errors(d) != tc->errors ||
            count_severity(d, LF_DIAG_WARNING) != tc->warnings) {
            lf_diags_print(d, stderr);
            fail_msg("%s: returned %d with %zu errors, %zu warnings; wanted %d, %zu, %zu",
                     tc->name, ok, lf_diags_errors(d), count_severity(d, LF_DIAG_WARNING),
                     tc->ok, tc->errors, tc->warnings);
        }
        if (tc->first) {
            char buf[1024];
            const char *line = lf_diag_format(lf_diags_get(d, 0), buf, sizeof(buf));
            if (!ends_with(line, tc->first))
                fail_msg("%s: first diagnostic is\n  %s\nwanted it to end with\n  %s", tc->name,
                         line, tc->first);
            assert_true(strncmp(line, conf_path, strlen(conf_path)) == 0);
        }
        assert_same_config(tc->name, &got, &want);
        lf_diags_destroy(d);
    }
}

static void missing_file(void **state)
{
    (void)state;
    struct lf_config c;
    lf_config_defaults(&c);
    struct lf_diags *d = lf_diags_create();
    assert_false(lf_config_load(&c, "/nonexistent/litfass.conf", d));
    assert_int_equal(lf_diags_errors(d), 1);
    const struct lf_diag *e = lf_diags_get(d, 0);
    assert_string_equal(e->file, "/nonexistent/litfass.conf");
    assert_non_null(strstr(e->message, "cannot open"));
    lf_diags_destroy(d);
}

/* A FIFO given as the config file: fopen() waited for a writer and the
 * kiosk never started; a folder was "cannot read: Is a directory". Both
 * are refused at once as not a file. */
static void not_a_file(void **state)
{
    (void)state;
    char path[sizeof(tmp_dir) + 32];
    snprintf(path, sizeof(path), "%s/fifo.conf", tmp_dir);
    assert_int_equal(mkfifo(path, 0600), 0);
    struct lf_config c;
    lf_config_defaults(&c);
    struct lf_diags *d = lf_diags_create();
    assert_false(lf_config_load(&c, path, d));
    assert_int_equal(lf_diags_errors(d), 1);
    assert_string_equal(lf_diags_get(d, 0)->message,
                        "the config file is not a file (a pipe, socket or device)");
    lf_diags_destroy(d);
    unlink(path);

    d = lf_diags_create();
    assert_false(lf_config_load(&c, tmp_dir, d));
    assert_int_equal(lf_diags_errors(d), 1);
    assert_string_equal(lf_diags_get(d, 0)->file, tmp_dir);
    assert_string_equal(lf_diags_get(d, 0)->message, "the config file is not a file (a folder)");
    lf_diags_destroy(d);
}

static void long_line_is_an_error(void **state)
{
    (void)state;
    /* line 2 is a comment one byte too long; line 3 still counts */
    size_t len = 11 + LF_MAX_CONFIG_LINE + 1 + 18;
    char *text = malloc(len + 1);
    assert_non_null(text);
    memcpy(text, "[carousel]\n", 11);
    memset(text + 11, '#', LF_MAX_CONFIG_LINE + 1);
    memcpy(text + 11 + LF_MAX_CONFIG_LINE + 1, "\nslide_seconds=20\n", 18);
    write_conf(text, len);
    struct lf_config c;
    lf_config_defaults(&c);
    struct lf_diags *d = lf_diags_create();
    assert_false(lf_config_load(&c, conf_path, d));
    assert_int_equal(lf_diags_count(d), 1);
    assert_int_equal(lf_diags_get(d, 0)->line, 2);
    assert_non_null(strstr(lf_diags_get(d, 0)->message, "line longer than"));
    assert_int_equal(c.slide_seconds, 20);
    lf_diags_destroy(d);

    /* exactly LF_MAX_CONFIG_LINE is fine */
    text[11 + LF_MAX_CONFIG_LINE] = '\n';
    write_conf(text, len);
    d = lf_diags_create();
    assert_true(lf_config_load(&c, conf_path, d));
    assert_int_equal(lf_diags_count(d), 0);
    lf_diags_destroy(d);
    free(text);
}

static void large_file_is_an_error(void **state)
{
    (void)state;
    size_t len = LF_MAX_CONFIG_BYTES + 1;
    char *text = malloc(len);
    assert_non_null(text);
    for (size_t i = 0; i < len; i++)
        text[i] = (i % 64 == 63) ? '\n' : '#';
    write_conf(text, len);
    struct lf_config c;
    lf_config_defaults(&c);
    struct lf_diags *d = lf_diags_create();
    assert_false(lf_config_load(&c, conf_path, d));
    assert_int_equal(lf_diags_errors(d), 1);
    assert_non_null(strstr(lf_diags_get(d, 0)->message, "larger than"));
    lf_diags_destroy(d);

    /* one byte less is read */
    write_conf(text, len - 1);
    d = lf_diags_create();
    assert_true(lf_config_load(&c, conf_path, d));
    lf_diags_destroy(d);
    free(text);
}

static void nul_byte_is_an_error(void **state)
{
    (void)state;
    static const char text[] = "[log]\nlevel = info\0debug\n";
    write_conf(text, sizeof(text) - 1);
    struct lf_config c;
    lf_config_defaults(&c);
    struct lf_diags *d = lf_diags_create();
    assert_false(lf_config_load(&c, conf_path, d));
    assert_int_equal(lf_diags_get(d, 0)->line, 2);
    lf_diags_destroy(d);
}

/* The command line sets keys through lf_config_set, with the file's checks. */
static void set_one_key(void **state)
{
    (void)state;
    static const struct {
        const char *key, *value;
        bool ok;
        const char *diag; /* NULL when ok */
    } rows[] = {
        {"display.language", "ar", true, NULL},
        {"display.language", "de DE", false,
         "--opt: display.language: not a language tag (letters, digits and '-', e.g. \"de\", "
         "\"ar\", \"de-x-ls\")"},
        {"display.width", "1080", true, NULL},
        {"display.width", "100", false, "--opt: display.width: must be between 320 and 8192"},
        {"display.windowed", "on", true, NULL},
        {"content.dir", "/srv/bundle", true, NULL},
        {"content.dir", "", false, "--opt: content.dir: must not be empty"},
        {"log.level", "error", true, NULL},
        {"display", "ar", false, "--opt: display: no such config key"},
        {"display.", "ar", false, "--opt: display.: no such config key"},
        {"nosuch.language", "ar", false, "--opt: nosuch.language: no such config key"},
        {"display.languagex", "ar", false, "--opt: display.languagex: no such config key"},
    };
    struct lf_config c, want;
    lf_config_defaults(&c);
    lf_config_defaults(&want);
    for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
        struct lf_diags *d = lf_diags_create();
        bool ok = lf_config_set(&c, rows[i].key, rows[i].value, "--opt", d);
        if (ok != rows[i].ok)
            fail_msg("%s = %s: returned %d", rows[i].key, rows[i].value, ok);
        if (rows[i].diag) {
            char buf[512];
            assert_int_equal(lf_diags_errors(d), 1);
            assert_string_equal(lf_diag_format(lf_diags_get(d, 0), buf, sizeof(buf)),
                                rows[i].diag);
        } else {
            assert_int_equal(lf_diags_count(d), 0);
        }
        lf_diags_destroy(d);
    }
    /* only the good values arrived */
    snprintf(want.lang, sizeof(want.lang), "ar");
    want.width = 1080;
    want.windowed = true;
    snprintf(want.content_dir, sizeof(want.content_dir), "/srv/bundle");
    want.log_level = LF_LOG_ERROR;
    assert_same_config("set", &c, &want);
}

/* The keys lf_config_print_keys lists: its first column, "section.key". */
static size_t printed_keys(char keys[][64], size_t max)
{
    char *buf = NULL;
    size_t size = 0;
    FILE *f = open_memstream(&buf, &size);
    assert_non_null(f);
    lf_config_print_keys(f);
    assert_int_equal(fclose(f), 0);
    size_t n = 0;
    /* "  section.key = default  (type)" then the description, indented more */
    for (char *line = buf; line && *line && n < max;) {
        char *nl = strchr(line, '\n');
        if (nl)
            *nl = '\0';
        if (strncmp(line, "   ", 3) != 0) {
            assert_int_equal(sscanf(line, " %63s", keys[n]), 1);
            assert_non_null(strchr(keys[n], '.'));
            n++;
        }
        line = nl ? nl + 1 : NULL;
    }
    free(buf);
    return n;
}

/* config/litfass.conf as shipped loads without a word and changes nothing;
 * with every "# key = value" line uncommented it still loads without a
 * word (each documented key exists, once) into the defaults (each
 * documented default is the real one), and those lines cover every key. */
static void shipped_file_documents_every_key(void **state)
{
    (void)state;
    const char *shipped = LITFASS_SOURCE_DIR "/config/litfass.conf";
    struct lf_config c, want;
    lf_config_defaults(&want);
    lf_config_defaults(&c);
    struct lf_diags *d = lf_diags_create();
    assert_true(lf_config_load(&c, shipped, d));
    assert_int_equal(lf_diags_count(d), 0);
    assert_same_config("shipped", &c, &want);
    lf_diags_destroy(d);

    FILE *in = fopen(shipped, "r");
    assert_non_null(in);
    char *out_buf = NULL;
    size_t out_size = 0;
    FILE *out = open_memstream(&out_buf, &out_size);
    assert_non_null(out);
    char line[LF_MAX_CONFIG_LINE + 2];
    size_t documented = 0;
    while (fgets(line, sizeof(line), in)) {
        char key[64];
        char eq;
        /* "# key = value": a documented key next to its default */
        if (sscanf(line, "# %63[a-z_] %c", key, &eq) == 2 && eq == '=') {
            fputs(line + 2, out);
            documented++;
        } else {
            fputs(line, out);
        }
    }
    fclose(in);
    assert_int_equal(fclose(out), 0);
    write_conf(out_buf, out_size);
    free(out_buf);

    lf_config_defaults(&c);
    d = lf_diags_create();
    bool ok = lf_config_load(&c, conf_path, d);
    lf_diags_print(d, stderr);
    assert_true(ok);
    assert_int_equal(lf_diags_count(d), 0);
    assert_same_config("uncommented", &c, &want);
    lf_diags_destroy(d);

    char keys[128][64];
    size_t n_keys = printed_keys(keys, 128);
    assert_true(n_keys >= 10 && n_keys < 128);
    assert_int_equal(documented, n_keys);
}

static void print_keys_shows_ranges_and_defaults(void **state)
{
    (void)state;
    char *buf = NULL;
    size_t size = 0;
    FILE *f = open_memstream(&buf, &size);
    assert_non_null(f);
    lf_config_print_keys(f);
    assert_int_equal(fclose(f), 0);
    assert_non_null(strstr(buf, "  carousel.slide_seconds = 10 "));
    assert_non_null(strstr(buf, "(integer 3..120)\n      base time a slide stays"));
    assert_non_null(strstr(buf, "  content.dir = \"assets/content\" "));
    assert_non_null(strstr(buf, "  display.windowed = no "));
    assert_non_null(strstr(buf, "  log.level = info "));
    free(buf);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(defaults),
        cmocka_unit_test(files),
        cmocka_unit_test(missing_file),
        cmocka_unit_test(not_a_file),
        cmocka_unit_test(long_line_is_an_error),
        cmocka_unit_test(large_file_is_an_error),
        cmocka_unit_test(nul_byte_is_an_error),
        cmocka_unit_test(set_one_key),
        cmocka_unit_test(shipped_file_documents_every_key),
        cmocka_unit_test(print_keys_shows_ranges_and_defaults),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
