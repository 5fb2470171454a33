#include "system/cec_message.h"

static uint8_t header(uint8_t from, uint8_t to)
{
    return (uint8_t)(((from & 0xf) << 4) | (to & 0xf));
}

size_t lf_cec_standby(uint8_t from, uint8_t *out)
{
    out[0] = header(from, LF_CEC_ADDR_TV);
    out[1] = LF_CEC_OP_STANDBY;
    return 2;
}

size_t lf_cec_image_view_on(uint8_t from, uint8_t *out)
{
    out[0] = header(from, LF_CEC_ADDR_TV);
    out[1] = LF_CEC_OP_IMAGE_VIEW_ON;
    return 2;
}

size_t lf_cec_active_source(uint8_t from, uint16_t physical_address, uint8_t *out)
{
    out[0] = header(from, LF_CEC_ADDR_BROADCAST);
    out[1] = LF_CEC_OP_ACTIVE_SOURCE;
    out[2] = (uint8_t)(physical_address >> 8);
    out[3] = (uint8_t)(physical_address & 0xff);
    return 4;
}
