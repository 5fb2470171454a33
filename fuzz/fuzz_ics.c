/* libFuzzer target: the iCalendar import (calendar/ics.c) on arbitrary
 * bytes, as a city's feed or an upload in the studio may send them.
 *
 * Whatever the input, the parse ends (bounded by the feed's limits), a
 * feed that is accepted holds at most LF_ICS_MAX_OCCURRENCES events, each
 * with a title that is valid UTF-8 (as content.json needs), a start and
 * an end that do not come before it, and an id of the bundle's form; the
 * target aborts (a finding) when not. Seeds: tests/fuzz/ics/. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/ustring.h>

#include "calendar/ics.h"
#include "core/civil_time.h"
#include "core/diag.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    lf_log_set_level(LF_LOG_ERROR);
    if (!lf_civil_time_init())
        abort();
    return 0;
}

static void check_utf8(const char *s, const char *what)
{
    UErrorCode st = U_ZERO_ERROR;
    u_strFromUTF8(NULL, 0, NULL, s, -1, &st);
    if (st != U_BUFFER_OVERFLOW_ERROR && st != U_STRING_NOT_TERMINATED_WARNING && U_FAILURE(st)) {
        fprintf(stderr, "fuzz_ics: %s is not UTF-8\n", what);
        abort();
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct lf_diags *d = lf_diags_create();
    /* 1 December 2026, 10:00 UTC: a fixed moment, so a finding repeats */
    struct lf_ics_feed *f = lf_ics_parse((const char *)data, size, "fuzz.ics", 1796119200, 180, d);
    if (f) {
        if (lf_ics_count(f) > LF_ICS_MAX_OCCURRENCES)
            abort();
        for (size_t i = 0; i < lf_ics_count(f); i++) {
            const struct lf_ics_event *e = lf_ics_get(f, i);
            if (!e || !e->title || !e->description || !e->place || !e->url)
                abort();
            check_utf8(e->title, "a title");
            check_utf8(e->description, "a description");
            check_utf8(e->place, "a place");
            if (e->end_at < e->start_at || strncmp(e->id, LF_ICS_ID_PREFIX, 4) != 0 ||
                strlen(e->start) < 10 || strlen(e->end) < 10) {
                fprintf(stderr, "fuzz_ics: event %zu: %s .. %s (%s)\n", i, e->start, e->end, e->id);
                abort();
            }
        }
        lf_ics_feed_destroy(f);
    }
    lf_diags_destroy(d);
    return 0;
}
