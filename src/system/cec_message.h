/* HDMI-CEC messages the kiosk sends to a TV, built apart from the device
 * (unit-tested in tests/test_cec.c; sent by system/cec.c through the
 * kernel's CEC interface, /dev/cecN). CEC 1.4/2.0 frames: a header byte
 * (initiator << 4 | destination), an opcode, operands.
 * Pure C. Any thread. */
#ifndef LF_SYSTEM_CEC_MESSAGE_H
#define LF_SYSTEM_CEC_MESSAGE_H

#include <stddef.h>
#include <stdint.h>

#define LF_CEC_MAX_MESSAGE 16       /* bytes in one CEC frame */
#define LF_CEC_ADDR_TV 0x0
#define LF_CEC_ADDR_BROADCAST 0xf
#define LF_CEC_OP_IMAGE_VIEW_ON 0x04
#define LF_CEC_OP_STANDBY 0x36
#define LF_CEC_OP_ACTIVE_SOURCE 0x82

/* Each writes one frame into out (LF_CEC_MAX_MESSAGE bytes) and returns
 * its length; `from` is the kiosk's logical address 0..14. */
size_t lf_cec_standby(uint8_t from, uint8_t *out);      /* to the TV: go to standby */
size_t lf_cec_image_view_on(uint8_t from, uint8_t *out); /* to the TV: wake up and show */
/* broadcast: "the picture is mine" at this physical address (e.g. 1.0.0.0
 * = 0x1000), so the TV switches to the kiosk's input */
size_t lf_cec_active_source(uint8_t from, uint16_t physical_address, uint8_t *out);

#endif
