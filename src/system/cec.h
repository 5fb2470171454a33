/* A TV put to standby and woken over HDMI-CEC through the kernel's CEC
 * interface (/dev/cecN, linux/cec.h). The kiosk does not claim a logical
 * address itself (that needs CAP_NET_ADMIN, which the service does not
 * have): the system does, once, e.g. `cec-ctl -d /dev/cec0 --playback`
 * (README: "Install on a kiosk"). Each call opens the device, sends with
 * a timeout of LF_CEC_TIMEOUT_MS per frame, and closes it again.
 * Main thread. */
#ifndef LF_SYSTEM_CEC_H
#define LF_SYSTEM_CEC_H

#include <stdbool.h>
#include <stddef.h>

#define LF_CEC_TIMEOUT_MS 1000

/* on: Image View On and Active Source; off: Standby. False with the
 * reason in err (no device, no logical address, the TV did not answer). */
bool lf_cec_power(const char *device, bool on, char *err, size_t err_size);

#endif
