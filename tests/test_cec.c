/* HDMI-CEC frames the kiosk sends, built apart from the device: the
 * header (initiator, destination), opcode and operands byte for byte as
 * the CEC specification (1.4 / 2.0) lays them out. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "system/cec_message.h"

static void frames_byte_for_byte(void **state)
{
    (void)state;
    uint8_t f[LF_CEC_MAX_MESSAGE];
    /* a playback device (logical address 4) tells the TV (0) to sleep: 40:36 */
    assert_int_equal(lf_cec_standby(4, f), 2);
    assert_int_equal(f[0], 0x40);
    assert_int_equal(f[1], 0x36);
    /* ... to wake: Image View On, 40:04 */
    assert_int_equal(lf_cec_image_view_on(4, f), 2);
    assert_int_equal(f[0], 0x40);
    assert_int_equal(f[1], 0x04);
    /* Active Source at physical address 1.0.0.0, broadcast: 4f:82:10:00 */
    assert_int_equal(lf_cec_active_source(4, 0x1000, f), 4);
    static const uint8_t want[] = {0x4f, 0x82, 0x10, 0x00};
    assert_memory_equal(f, want, sizeof(want));
    /* another address and input 2.1.0.0 from playback device 2 (8): 8f:82:21:00 */
    assert_int_equal(lf_cec_active_source(8, 0x2100, f), 4);
    static const uint8_t want2[] = {0x8f, 0x82, 0x21, 0x00};
    assert_memory_equal(f, want2, sizeof(want2));
    /* only the low nibble of an address counts */
    lf_cec_standby(0x1b, f);
    assert_int_equal(f[0], 0xb0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {cmocka_unit_test(frames_byte_for_byte)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
