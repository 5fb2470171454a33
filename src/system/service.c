#include "system/service.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <systemd/sd-daemon.h>
#include <unistd.h>

#include "core/xalloc.h"

struct lf_service {
    bool ready;
    uint64_t period_ms; /* 0: no watchdog */
    uint64_t next_pet;
    char status[LF_SERVICE_STATUS_BYTES + 1];
};

struct lf_service *lf_service_create(void)
{
    struct lf_service *s = lf_xcalloc(1, sizeof(*s));
    uint64_t usec = 0;
    /* > 0: WATCHDOG_USEC is set (and WATCHDOG_PID, if set, is us) */
    if (sd_watchdog_enabled(0, &usec) > 0 && usec > 0) {
        s->period_ms = usec / 3000;
        if (s->period_ms == 0)
            s->period_ms = 1;
        lf_info("watchdog: systemd expects a sign of life every %llu ms; the frame loop "
                "sends one every %llu ms",
                (unsigned long long)(usec / 1000), (unsigned long long)s->period_ms);
    }
    return s;
}

void lf_service_destroy(struct lf_service *s)
{
    free(s);
}

uint64_t lf_service_pet(struct lf_service *s, uint64_t now_ms)
{
    if (s->period_ms == 0)
        return UINT64_MAX;
    if (now_ms >= s->next_pet) {
        sd_notify(0, "WATCHDOG=1");
        s->next_pet = now_ms + s->period_ms;
    }
    return s->next_pet;
}

static void send_status(struct lf_service *s, const char *prefix)
{
    char msg[LF_SERVICE_STATUS_BYTES + 64];
    snprintf(msg, sizeof(msg), "%sSTATUS=%s", prefix, s->status);
    sd_notify(0, msg);
}

void lf_service_ready(struct lf_service *s, const char *status)
{
    snprintf(s->status, sizeof(s->status), "%s", status);
    char prefix[64] = "";
    /* under cage (litfass-cage.service) the kiosk is cage's child: it names
     * itself the main process so that reload and watchdog concern it */
    const char *mainpid = getenv("LITFASS_NOTIFY_MAINPID");
    if (!s->ready && mainpid && strcmp(mainpid, "1") == 0)
        snprintf(prefix, sizeof(prefix), "MAINPID=%ld\nREADY=1\n", (long)getpid());
    else if (!s->ready)
        snprintf(prefix, sizeof(prefix), "READY=1\n");
    send_status(s, prefix);
    s->ready = true;
}

void lf_service_status(struct lf_service *s, const char *fmt, ...)
{
    char text[LF_SERVICE_STATUS_BYTES + 1];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(text, sizeof(text), fmt, ap);
    va_end(ap);
    if (strcmp(text, s->status) == 0)
        return;
    memcpy(s->status, text, sizeof(text));
    send_status(s, "");
}

void lf_service_reloading(struct lf_service *s, bool reloading)
{
    sd_notify(0, reloading ? "RELOADING=1" : "READY=1");
}

void lf_service_stopping(struct lf_service *s)
{
    sd_notify(0, "STOPPING=1");
}
