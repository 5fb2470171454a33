/* Phone numbers, postal and online addresses said as one says them
 * (speech/script_contact.c), written into a growing text. Any thread. */
#ifndef LF_SPEECH_SCRIPT_CONTACT_H
#define LF_SPEECH_SCRIPT_CONTACT_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

struct lf_growing_text;

/* Each appends to out what is said for the `len` bytes at `written`
 * (an online address, a phone number) or for a postal address. */
void lf_script_say_address_online(const char *lang, const char *written, size_t len,
                                  struct lf_growing_text *out);
void lf_script_say_phone(const char *lang, const char *phone, size_t len,
                         struct lf_growing_text *out);
void lf_script_say_address(const char *lang, const char *address, struct lf_growing_text *out);

#endif
