/* An online address said as one says it (speech/script_contact.c); phone
 * numbers and postal addresses are speech/script.h's. Any thread. */
#ifndef LF_SPEECH_SCRIPT_CONTACT_H
#define LF_SPEECH_SCRIPT_CONTACT_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

void lf_script_say_address_online(const char *lang, const char *addr, char *buf, size_t size);

#endif
