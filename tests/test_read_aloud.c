/* Reading aloud in the kiosk, headless: SDL's "disk" audio driver plays
 * into a file (so the test hears what a visitor would), the offscreen
 * video driver and a fake clock for the carousel. A tap on "read aloud"
 * and the Space key start and stop reading; while it reads the carousel
 * and the idle timeout wait; when it has read to the end the kiosk goes
 * on; "slower" is reset when the visitor leaves; a language without a
 * voice says so; a kiosk without sound has no button and works as
 * before. */
#include <math.h>
#include <sys/stat.h>

#include "kiosk_driver.h"
#include "layout/slide_layout.h"
#include "speech/voice.h"
#include "support/bundle_folder.h"

static struct fixture *fx;
static char sound[256]; /* what the disk driver played */

/* The sample bundle (or `dir`) with SDL's audio driver `driver`. */
static int open_with(void **state, const char *dir, const char *driver, const char *delay_ms)
{
    snprintf(sound, sizeof(sound), "/tmp/litfass-read-aloud-%d.raw", (int)getpid());
    setenv("SDL_AUDIODRIVER", driver, 1);
    setenv("SDL_DISKAUDIOFILE", sound, 1);
    setenv("SDL_DISKAUDIODELAY", delay_ms, 1);
    int r = open_kiosk_on(state, "", dir, "2026-12-02T10:00:00+01:00");
    fx = *state;
    return r;
}

/* about real time: the disk driver takes 1024 samples every 20 ms */
static int setup(void **state)
{
    return open_with(state, NULL, "disk", "20");
}

static int teardown_sound(void **state)
{
    teardown(state);
    unlink(sound);
    return 0;
}

/* Root mean square of the 16-bit samples the disk driver wrote. */
static double played_rms(long *samples)
{
    FILE *in = fopen(sound, "rb");
    if (!in)
        return 0;
    int16_t buf[4096];
    double sum = 0;
    long n = 0;
    size_t got;
    while ((got = fread(buf, sizeof(buf[0]), 4096, in)) > 0) {
        for (size_t i = 0; i < got; i++)
            sum += (double)buf[i] * buf[i];
        n += (long)got;
    }
    fclose(in);
    *samples = n;
    return n ? sqrt(sum / (double)n) : 0;
}

static void tap_starts_and_stops_reading_and_the_carousel_waits(void **st)
{
    (void)st;
    struct lf_kiosk_state s = state_of(fx);
    assert_int_equal(s.read_button, LF_READ_READY);
    assert_false(s.reading);
    size_t at = s.position;
    tap_target(fx, LF_ACT_READ_ALOUD, 0);
    s = state_of(fx);
    assert_true(s.reading);
    assert_int_equal(s.read_button, LF_READ_READING);
    /* four minutes of the kiosk's time: the page it reads stays */
    pass(fx, 240000);
    s = state_of(fx);
    assert_true(s.reading);
    assert_int_equal(s.position, at);
    assert_string_equal(s.mode, "carousel");
    /* the voice is heard before the visitor stops it: waited for in real time (speech is
     * made on the player's thread; a busy machine only makes it come later) */
    long heard = 0;
    for (int i = 0; i < 1200 && played_rms(&heard) <= 100; i++)
        SDL_Delay(50);
    /* the second tap stops */
    tap_target(fx, LF_ACT_READ_ALOUD, 0);
    s = state_of(fx);
    assert_false(s.reading);
    assert_int_equal(s.read_button, LF_READ_READY);
    /* and the carousel goes on */
    pass(fx, (uint64_t)fx->cfg.slide_seconds * 4000 + 1000);
    assert_true(state_of(fx).position != at);
    long n = 0;
    assert_true(played_rms(&n) > 100); /* a voice, not silence, was played */
    assert_true(n > 0);
}

static void keys_read_while_browsing_and_idle_waits(void **st)
{
    (void)st;
    tap_target(fx, LF_ACT_CATEGORY, LF_CAT_CONTACTS);
    assert_string_equal(state_of(fx).mode, "list");
    key(fx, SDLK_SPACE, 0);
    assert_true(state_of(fx).reading);
    /* twice the idle time: still the list the visitor listens to */
    pass(fx, (uint64_t)fx->cfg.idle_seconds * 2000);
    assert_string_equal(state_of(fx).mode, "list");
    assert_true(state_of(fx).reading);
    /* a page the visitor opens is read in turn */
    tap_target(fx, LF_ACT_ITEM, 0);
    assert_string_equal(state_of(fx).mode, "detail");
    assert_true(state_of(fx).reading);
    /* and so is the one the keypad's "next" brings */
    key(fx, SDLK_KP_6, 0);
    assert_true(state_of(fx).reading);
    /* '*' on the keypad stops */
    key(fx, SDLK_KP_MULTIPLY, 0);
    assert_false(state_of(fx).reading);
    /* now the idle timeout runs again */
    pass(fx, (uint64_t)fx->cfg.idle_seconds * 1000 + 1000);
    assert_string_equal(state_of(fx).mode, "carousel");
}

/* the disk driver without delay plays as fast as it can */
static int setup_fast(void **state)
{
    return open_with(state, NULL, "disk", "0");
}

static void reading_to_the_end_lets_the_kiosk_go_on(void **st)
{
    (void)st;
    size_t at = state_of(fx).position;
    key(fx, SDLK_SPACE, 0); /* the agenda: short, and played at once */
    /* wait (real time) until the voice has read the page */
    for (int i = 0; i < 600 && state_of(fx).reading; i++) {
        SDL_Delay(50);
        lf_kiosk_update(fx->k);
    }
    struct lf_kiosk_state s = state_of(fx);
    assert_false(s.reading);
    assert_int_equal(s.read_button, LF_READ_READY);
    assert_int_equal(s.position, at); /* the read page gets its full time again */
    pass(fx, (uint64_t)fx->cfg.slide_seconds * 4000 + 1000);
    assert_true(state_of(fx).position != at);
    long n = 0;
    assert_true(played_rms(&n) > 100);
    assert_true(n > 22050); /* more than a second of speech */
}

static void slower_speech_until_the_visitor_leaves(void **st)
{
    (void)st;
    tap_target(fx, LF_ACT_SLOWER, 0);
    assert_true(state_of(fx).slow_speech);
    key(fx, SDLK_KP_MINUS, 0);
    assert_false(state_of(fx).slow_speech);
    key(fx, SDLK_KP_MINUS, 0);
    assert_true(state_of(fx).slow_speech);
    pass(fx, (uint64_t)fx->cfg.idle_seconds * 1000 + 1000);
    assert_false(state_of(fx).slow_speech);
}

static int setup_tigrinya(void **state)
{
    static const char json[] =
        "{\"format\": 1, \"organisation\": \"KI\", \"items\": [\n"
        " {\"kind\": \"offer\", \"id\": \"beratung\",\n"
        "  \"title\": {\"de\": \"Beratung\", \"ti\": \"ምኽሪ\"},\n"
        "  \"description\": {\"de\": \"Hilfe bei Anträgen.\", \"ti\": \"ሓገዝ\"}}\n]}\n";
    if (bundle_folder_write(bundle_dir, sizeof(bundle_dir), json) != 0)
        return -1;
    return open_with(state, bundle_dir, "disk", "20");
}

static int teardown_tigrinya(void **state)
{
    unlink(sound);
    return teardown_bundle(state);
}

static void a_language_without_a_voice_says_so(void **st)
{
    (void)st;
    assert_int_equal(state_of(fx).read_button, LF_READ_READY); /* German */
    tap_target(fx, LF_ACT_LANGUAGE, 1);                        /* ትግርኛ */
    assert_string_equal(state_of(fx).lang, "ti");
    assert_int_equal(state_of(fx).read_button, LF_READ_NO_VOICE);
    /* the button says so in the visitor's language, not in German */
    assert_true(screen_says(fx, "🔇 ነዚ ቋንቋ ድምጺ")); /* two lines in the button */
    assert_true(screen_says(fx, "የለን"));
    assert_false(screen_says(fx, "Vorlesen nicht möglich"));
    tap_target(fx, LF_ACT_READ_ALOUD, 0);
    assert_false(state_of(fx).reading); /* never in another language's voice */
    key(fx, SDLK_SPACE, 0);
    assert_false(state_of(fx).reading);
}

static int setup_dummy(void **state)
{
    lf_voice_shutdown(); /* as in a new process: the tests before read aloud */
    return open_with(state, NULL, "dummy", "20");
}

/* Read-aloud is checked at start (eSpeak NG's voices, a sound device),
 * SDL's audio is given back after the first frame and eSpeak NG's
 * synthesis is not started (a kiosk reads aloud rarely); the first press
 * starts both and reads (SDL's dummy driver), and so does the next. */
static void the_first_press_starts_the_sound_given_back(void **st)
{
    (void)st;
    pass(fx, 100);
    struct lf_kiosk_state s = state_of(fx);
    assert_int_equal(s.read_button, LF_READ_READY);
    assert_int_equal(SDL_WasInit(SDL_INIT_AUDIO), 0);
    assert_int_equal(lf_voice_sample_rate(), 0); /* eSpeak NG not started */
    tap_target(fx, LF_ACT_READ_ALOUD, 0);
    s = state_of(fx);
    assert_true(s.reading);
    assert_int_equal(s.read_button, LF_READ_READING);
    assert_true(SDL_WasInit(SDL_INIT_AUDIO) != 0);
    assert_string_equal(SDL_GetCurrentAudioDriver(), "dummy");
    assert_true(lf_voice_sample_rate() > 0); /* started by the press */
    tap_target(fx, LF_ACT_READ_ALOUD, 0);
    assert_false(state_of(fx).reading);
    /* and a second press reads again */
    tap_target(fx, LF_ACT_READ_ALOUD, 0);
    assert_true(state_of(fx).reading);
    tap_target(fx, LF_ACT_READ_ALOUD, 0);
    assert_false(state_of(fx).reading);
}

static int setup_no_sound(void **state)
{
    return open_with(state, NULL, "no-such-driver", "20");
}

static void without_sound_the_kiosk_works_as_before(void **st)
{
    (void)st;
    int x, y;
    assert_int_equal(state_of(fx).read_button, LF_READ_NONE);
    assert_false(lf_kiosk_find_target(fx->k, LF_ACT_READ_ALOUD, 0, &x, &y));
    key(fx, SDLK_SPACE, 0);
    assert_false(state_of(fx).reading);
    size_t at = state_of(fx).position;
    pass(fx, (uint64_t)fx->cfg.slide_seconds * 4000 + 1000);
    assert_true(state_of(fx).position != at);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(tap_starts_and_stops_reading_and_the_carousel_waits, setup,
                                        teardown_sound),
        cmocka_unit_test_setup_teardown(keys_read_while_browsing_and_idle_waits, setup, teardown_sound),
        cmocka_unit_test_setup_teardown(reading_to_the_end_lets_the_kiosk_go_on, setup_fast,
                                        teardown_sound),
        cmocka_unit_test_setup_teardown(slower_speech_until_the_visitor_leaves, setup, teardown_sound),
        cmocka_unit_test_setup_teardown(a_language_without_a_voice_says_so, setup_tigrinya,
                                        teardown_tigrinya),
        cmocka_unit_test_setup_teardown(the_first_press_starts_the_sound_given_back, setup_dummy,
                                        teardown_sound),
        cmocka_unit_test_setup_teardown(without_sound_the_kiosk_works_as_before, setup_no_sound,
                                        teardown_sound),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
