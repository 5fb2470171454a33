/* What a QR code on a slide carries, so a visitor takes the item home on
 * the phone: a vCard 3.0 for contacts (name, unit, role, phone, e-mail,
 * web, address), the web address for events and offers, else a mailto:
 * or tel: link. Pure C. */
#ifndef LF_LAYOUT_QR_PAYLOAD_H
#define LF_LAYOUT_QR_PAYLOAD_H

#include <stdbool.h>
#include <stddef.h>

#include "content/bundle.h"

/* Longest payload put into a code; more would need too many modules to
 * scan from a screen. */
#define LF_MAX_QR_PAYLOAD 600

/* Writes the payload for `it` (texts in lang) into buf. False when the
 * item has nothing to take home or the payload would be too long. */
bool lf_qr_payload(const struct lf_item *it, const char *lang, char *buf, size_t size);

/* Modules across the code for payload (quiet zone included), 0 when it
 * cannot be encoded. Uses libqrencode, as the painter does. */
int lf_qr_modules(const char *payload);

/* Quiet zone around a code, in modules (ISO/IEC 18004 asks for 4). */
#define LF_QR_QUIET_ZONE 4
/* Smallest module in pixels at a 1080-pixel shorter side: 3 pixels are
 * 1.5 mm on a 43" screen, 0.8 mm on a 24" one; phones read that from
 * arm's length. */
#define LF_QR_MIN_MODULE_BASE 3
/* Error correction (a QRecLevel of <qrencode.h>, for the layout and the
 * painter alike): level L, 7 %. A code on a screen is never scratched or
 * torn, and fewer modules make each module larger: a contact's vCard
 * needs 57 modules at L where M needs 69. */
#define LF_QR_EC_LEVEL QR_ECLEVEL_L

#endif
