/* Talking to the service manager (systemd, `Type=notify`) through
 * libsystemd's sd_notify: READY=1 once the first frame is on screen,
 * WATCHDOG=1 from the frame loop, STATUS= with what is shown, and
 * RELOADING=1 around a SIGHUP reload.
 *
 * Outside systemd (no NOTIFY_SOCKET) every call does nothing and costs
 * nothing. The watchdog is petted only by the frame loop: a renderer that
 * hangs stops the pets and systemd restarts the service (WatchdogSec=).
 * A still screen still pets: the loop wakes by the time of the next pet
 * that lf_service_pet returns.
 * Main thread only. */
#ifndef LF_SYSTEM_SERVICE_H
#define LF_SYSTEM_SERVICE_H

#include <stdbool.h>
#include <stdint.h>

#include "core/log.h"

/* Longest STATUS= text sent (systemd shows it in `systemctl status`). */
#define LF_SERVICE_STATUS_BYTES 255

struct lf_service;

/* Reads NOTIFY_SOCKET and WATCHDOG_USEC (sd_watchdog_enabled). Never fails. */
struct lf_service *lf_service_create(void);
void lf_service_destroy(struct lf_service *s);

/* Sends WATCHDOG=1 when a pet is due at `now_ms` (monotonic); returns the
 * ms of the next pet (UINT64_MAX without a watchdog). */
uint64_t lf_service_pet(struct lf_service *s, uint64_t now_ms);

/* READY=1 with a status, once; later calls only update the status. With
 * LITFASS_NOTIFY_MAINPID=1 in the environment (litfass-cage.service) also
 * MAINPID=<this process>. */
void lf_service_ready(struct lf_service *s, const char *status);

/* STATUS=text, sent only when it differs from the last one. */
void lf_service_status(struct lf_service *s, const char *fmt, ...) LF_PRINTF(2, 3);

/* RELOADING=1 before a reload, READY=1 after it. */
void lf_service_reloading(struct lf_service *s, bool reloading);

/* STOPPING=1 on the way out. */
void lf_service_stopping(struct lf_service *s);

#endif
