/* `litfass speak`: what the kiosk would say for an item, as a WAV file,
 * so an editor can listen before publishing (and tests can check it). */
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli/cli.h"
#include "app/config.h"
#include "content/bundle.h"
#include "core/civil_time.h"
#include "core/xalloc.h"
#include "speech/script.h"
#include "speech/voice.h"
#include "speech/wav.h"

static const char speak_usage[] =
    "usage: litfass speak DIR --item ID [--lang TAG] --out FILE.wav [--now ISO-8601]\n"
    "                         [--rate WPM] [--config FILE]\n"
    "       litfass speak DIR --item ID [--lang TAG] --script [--now ISO-8601]\n"
    "\n"
    "Writes what the kiosk reads aloud for the item ID of the bundle in DIR, in\n"
    "the language TAG, as a WAV file (mono, 16 bit), with the voice, rate and\n"
    "volume of the kiosk ([speech] in the config). With --script it prints the\n"
    "text that would be read instead, one sentence a line.\n"
    "\n"
    "  --item ID       the item's \"id\" in content.json; required\n"
    "  --lang TAG      language, e.g. de, tr, ar, uk, de-x-ls; default: the bundle's\n"
    "  --out FILE.wav  where to write the sound (replaced whole, never half-written)\n"
    "  --script        print the spoken text instead of writing sound\n"
    "  --now TIME      speak as at this moment (\"open now\", the next occurrence),\n"
    "                  e.g. 2026-12-09T10:00 (Berlin time); default: now\n"
    "  --rate WPM      words a minute, 80..450; default: [speech] rate\n"
    "  --config FILE   config file (as for `litfass run`)\n"
    "  --help          this text\n"
    "\n"
    "Exit 1 when the item is not in the bundle, the bundle is not valid, or the\n"
    "language has no voice (eSpeak NG's list: `espeak-ng --voices`).\n";

struct collected {
    int16_t *s;
    size_t n, cap;
    bool too_long;
};

static bool collect(void *ctx, const int16_t *samples, size_t n)
{
    struct collected *c = ctx;
    if (c->n + n > LF_MAX_WAV_SAMPLES) {
        c->too_long = true;
        return false;
    }
    if (c->n + n > c->cap) {
        while (c->n + n > c->cap)
            c->cap = c->cap ? c->cap * 2 : 1 << 16;
        c->s = lf_xrealloc(c->s, c->cap * sizeof(*c->s));
    }
    memcpy(c->s + c->n, samples, n * sizeof(*samples));
    c->n += n;
    return true;
}

int lf_tool_speak(int argc, char **argv)
{
    static const struct option options[] = {
        {"item", required_argument, NULL, OPT_ITEM},
        {"lang", required_argument, NULL, OPT_LANG},
        {"out", required_argument, NULL, OPT_OUT},
        {"script", no_argument, NULL, OPT_SCRIPT},
        {"now", required_argument, NULL, OPT_NOW},
        {"rate", required_argument, NULL, OPT_RATE},
        {"config", required_argument, NULL, OPT_CONFIG},
        {"help", no_argument, NULL, OPT_HELP},
        {0},
    };
    const char *item_id = NULL, *lang = NULL, *out = NULL, *config_path = NULL;
    bool script_only = false;
    long long rate = 0;
    time_t now = time(NULL);
    int c;
    while ((c = getopt_long(argc, argv, ":h", options, NULL)) != -1) {
        switch (c) {
        case OPT_ITEM:
            item_id = optarg;
            break;
        case OPT_LANG:
            if (!lf_cli_lang_tag_ok(optarg))
                return lf_cli_bad_lang("speak", optarg);
            lang = optarg;
            break;
        case OPT_OUT:
            out = optarg;
            break;
        case OPT_SCRIPT:
            script_only = true;
            break;
        case OPT_NOW:
            if (!lf_parse_datetime(optarg, &now))
                return lf_cli_usage_error("speak",
                                          "bad --now '%s': expected a date and time such as "
                                          "2026-12-09T10:00 (Berlin time)",
                                          optarg);
            break;
        case OPT_RATE:
            if (!lf_cli_parse_count(optarg, LF_SPEECH_RATE_MIN, LF_SPEECH_RATE_MAX, &rate))
                return lf_cli_usage_error("speak", "bad --rate '%s': words a minute, %d..%d",
                                          optarg, LF_SPEECH_RATE_MIN, LF_SPEECH_RATE_MAX);
            break;
        case OPT_CONFIG:
            config_path = optarg;
            break;
        case OPT_HELP:
            fputs(speak_usage, stdout);
            return EXIT_SUCCESS;
        default:
            return lf_cli_option_error("speak", c, argv);
        }
    }
    if (optind >= argc)
        return lf_cli_usage_error("speak", "which bundle? name its folder: litfass speak DIR "
                                           "--item ID --out FILE.wav");
    if (argc - optind > 1)
        return lf_cli_usage_error("speak", "unexpected argument '%s'", argv[optind + 1]);
    if (!item_id)
        return lf_cli_usage_error("speak", "--item ID is required (an item's \"id\" in content.json)");
    if (!out && !script_only)
        return lf_cli_usage_error("speak", "--out FILE.wav is required (or --script)");
    const char *dir = argv[optind];

    struct lf_config cfg;
    if (!lf_cli_load_config(&cfg, config_path))
        return EXIT_FAILURE;
    struct lf_diags *diags = lf_diags_create();
    struct lf_bundle *b = lf_bundle_load(dir, diags);
    lf_cli_print_diags(diags);
    lf_diags_destroy(diags);
    if (!b) {
        fprintf(stderr, "litfass speak: %s: not a valid bundle (see above)\n", dir);
        return EXIT_FAILURE;
    }
    int status = EXIT_FAILURE;
    char *script = NULL;
    struct collected sound = {0};
    const struct lf_item *it = NULL;
    for (size_t i = 0; i < b->n_items; i++)
        if (strcmp(b->items[i].id, item_id) == 0)
            it = &b->items[i];
    if (!it) {
        fprintf(stderr, "litfass speak: %s/%s: no item with \"id\": \"%s\"\n", dir,
                LF_MANIFEST_NAME, item_id);
        goto done;
    }
    if (!lang)
        lang = cfg.lang[0] ? cfg.lang : b->default_lang;
    struct lf_slide slide;
    lf_speech_item_slide(it, now, &slide);
    struct lf_spoken_page page = {.slide = &slide,
                                  .languages = (const char *const *)b->languages,
                                  .n_languages = b->n_languages};
    script = lf_speech_script(&page, lang, now);
    if (script_only) {
        /* one sentence a line, for reading and for diff */
        for (const char *p = script; *p; p++) {
            putchar(*p);
            if ((*p == '.' || *p == '?' || *p == '!') && p[1] == ' ') {
                putchar('\n');
                p++;
            }
        }
        putchar('\n');
        status = EXIT_SUCCESS;
        goto done;
    }
    char voice[LF_SPEECH_VOICE_NAME];
    if (!lf_voice_for(lang, voice, sizeof(voice))) {
        fprintf(stderr, "litfass speak: no voice for the language \"%s\" (eSpeak NG has none; "
                        "the kiosk's button says so)\n", lang);
        goto done;
    }
    if (!lf_voice_speak(lang, script, rate ? (int)rate : cfg.speech_rate, cfg.speech_volume,
                        collect, &sound))
        goto done;
    if (sound.too_long) {
        fprintf(stderr, "litfass speak: %s: longer than a WAV file here may hold\n", out);
        goto done;
    }
    if (!lf_wav_write(out, sound.s, sound.n, lf_voice_sample_rate()))
        goto done;
    printf("%s: %.1f s, voice %s, %zu characters read\n", out,
           (double)sound.n / lf_voice_sample_rate(), voice, strlen(script));
    status = EXIT_SUCCESS;
done:
    lf_voice_shutdown();
    free(sound.s);
    free(script);
    lf_bundle_destroy(b);
    return status;
}
