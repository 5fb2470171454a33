#include "system/cec.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/cec.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "system/cec_message.h"

static bool transmit(int fd, const uint8_t *frame, size_t len, char *err, size_t n)
{
    struct cec_msg msg;
    memset(&msg, 0, sizeof(msg));
    msg.len = (__u32)len;
    memcpy(msg.msg, frame, len);
    msg.timeout = LF_CEC_TIMEOUT_MS;
    if (ioctl(fd, CEC_TRANSMIT, &msg) != 0) {
        snprintf(err, n, "CEC_TRANSMIT of opcode 0x%02x: %s", frame[1], strerror(errno));
        return false;
    }
    if (!(msg.tx_status & CEC_TX_STATUS_OK)) {
        snprintf(err, n, "opcode 0x%02x not acknowledged by the TV (tx status 0x%02x)", frame[1],
                 msg.tx_status);
        return false;
    }
    return true;
}

bool lf_cec_power(const char *device, bool on, char *err, size_t n)
{
    int fd = open(device, O_RDWR | O_CLOEXEC);
    if (fd < 0) {
        snprintf(err, n, "%s: %s", device, strerror(errno));
        return false;
    }
    bool ok = false;
    struct cec_log_addrs la;
    memset(&la, 0, sizeof(la));
    __u16 phys = CEC_PHYS_ADDR_INVALID;
    if (ioctl(fd, CEC_ADAP_G_LOG_ADDRS, &la) != 0 || ioctl(fd, CEC_ADAP_G_PHYS_ADDR, &phys) != 0) {
        snprintf(err, n, "%s: %s", device, strerror(errno));
        goto done;
    }
    if (la.num_log_addrs == 0 || la.log_addr[0] == CEC_LOG_ADDR_INVALID) {
        snprintf(err, n, "%s has no logical address (run e.g. `cec-ctl -d %s --playback` once "
                 "at boot)", device, device);
        goto done;
    }
    uint8_t from = la.log_addr[0], frame[LF_CEC_MAX_MESSAGE];
    char what[160];
    if (on) {
        ok = transmit(fd, frame, lf_cec_image_view_on(from, frame), err, n);
        /* the input switch is a courtesy: the TV is on even if it fails */
        if (ok && phys != CEC_PHYS_ADDR_INVALID &&
            !transmit(fd, frame, lf_cec_active_source(from, phys, frame), what, sizeof(what)))
            snprintf(err, n, "%s", what);
    } else {
        ok = transmit(fd, frame, lf_cec_standby(from, frame), err, n);
    }
done:
    close(fd);
    return ok;
}
