#include "layout/qr_payload.h"

#include <qrencode.h>
#include <stdio.h>
#include <string.h>

/* Appends s escaped for a vCard value (RFC 6350 3.4: \ , ; newline). */
static void vcard_escaped(char *buf, size_t size, size_t *len, const char *s)
{
    for (; *s && *len + 3 < size; s++) {
        if (*s == '\\' || *s == ',' || *s == ';') {
            buf[(*len)++] = '\\';
            buf[(*len)++] = *s;
        } else if (*s == '\n') {
            buf[(*len)++] = '\\';
            buf[(*len)++] = 'n';
        } else {
            buf[(*len)++] = *s;
        }
    }
    buf[*len] = '\0';
}

static void vcard_line(char *buf, size_t size, size_t *len, const char *key, const char *value)
{
    if (!value || !value[0] || *len >= size)
        return;
    int n = snprintf(buf + *len, size - *len, "%s:", key);
    if (n < 0 || (size_t)n >= size - *len) {
        *len = size;
        return;
    }
    *len += (size_t)n;
    vcard_escaped(buf, size, len, value);
    if (*len + 2 < size) {
        buf[(*len)++] = '\r';
        buf[(*len)++] = '\n';
        buf[*len] = '\0';
    } else {
        *len = size;
    }
}

/* "tel:" with the first number of `phone`, in the characters a dialler
 * keeps. What follows the number ("oder 0251 53009-0", "(Mo-Fr 9-12
 * Uhr)", ", Fax ...") is not part of it: its digits were appended, and
 * the code dialled no one. "+49 (0)251 ..." is +49251...: the trunk 0 in
 * brackets is dialled only from inside the country. False when there is
 * no number or it does not fit. */
static bool tel_uri(const char *phone, char *buf, size_t size, size_t *from, size_t *to,
                    bool *trunk)
{
    size_t n = (size_t)snprintf(buf, size, "tel:"), digits = 0;
    *from = *to = 0;
    *trunk = false;
    for (const char *p = phone; *p; p++) {
        char c = *p;
        bool digit = c >= '0' && c <= '9';
        if (digit || (c == '+' && digits == 0 && n == 4)) {
            if (n + 1 >= size)
                return false;
            if (n == 4) /* the number as written starts here, or at its "(" */
                *from = (size_t)(p - phone) - (p > phone && p[-1] == '(');
            buf[n++] = c;
            digits += digit;
            *to = (size_t)(p - phone) + 1;
        } else if (digits > 0 && c == '(' && buf[4] == '+' && p[1] == '0' && p[2] == ')') {
            p += 2; /* "+49 (0)251" */
            *trunk = true;
        } else if (digits > 0 && c == '(' && !(p[1] >= '0' && p[1] <= '9')) {
            break; /* "(Mo-Fr ...)" after the number */
        } else if (digits > 0 && !strchr(" -/().", c)) {
            break; /* a letter, a comma: the number has ended */
        }
    }
    buf[n] = '\0';
    return digits > 0;
}

/* "mailto:" as RFC 6068 writes it: an address with non-ASCII characters
 * (an IDN domain "stadt-münster.de", a UTF-8 local part) has them as
 * percent-encoded UTF-8 (section 2: "%C3%BC", which a phone's mail
 * program turns back into the address or its A-label), as it has every
 * other character outside unreserved, "@" and the sub-delimiters an
 * addr-spec may hold. False when it does not fit. */
static bool mailto_uri(const char *email, char *buf, size_t size)
{
    static const char keep[] = "-._~!$'()*+,;=@";
    static const char hex[] = "0123456789ABCDEF";
    size_t n = (size_t)snprintf(buf, size, "mailto:");
    for (const unsigned char *c = (const unsigned char *)email; *c; c++) {
        bool plain = (*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') ||
                     (*c >= '0' && *c <= '9') || (*c < 0x80 && strchr(keep, *c));
        if (n + (plain ? 1 : 3) >= size)
            return false;
        if (plain) {
            buf[n++] = (char)*c;
        } else {
            buf[n++] = '%';
            buf[n++] = hex[*c >> 4];
            buf[n++] = hex[*c & 15];
        }
    }
    buf[n] = '\0';
    return true;
}

bool lf_qr_payload(const struct lf_item *it, const char *lang, char *buf, size_t size)
{
    if (size > LF_MAX_QR_PAYLOAD + 1)
        size = LF_MAX_QR_PAYLOAD + 1;
    buf[0] = '\0';
    if (it->kind == LF_ITEM_CONTACT) {
        if (!it->phone && !it->email && !it->url && !it->address)
            return false;
        size_t len = 0;
        vcard_line(buf, size, &len, "BEGIN", "VCARD");
        vcard_line(buf, size, &len, "VERSION", "3.0");
        /* the name as written; N is required by vCard 3.0 and left unsplit */
        const char *name = lf_text_get(&it->title, LF_FALLBACK_LANG, NULL);
        vcard_line(buf, size, &len, "FN", name);
        vcard_line(buf, size, &len, "N", name);
        vcard_line(buf, size, &len, "ORG", lf_text_get(&it->unit, lang, NULL));
        vcard_line(buf, size, &len, "TITLE", lf_text_get(&it->role, lang, NULL));
        /* the first number, as written ("0251 492-7077", not the note after
         * it: a phone dialled its digits too), or as dialled when it has
         * a trunk "(0)" */
        char tel[LF_MAX_QR_PAYLOAD + 1], written[LF_MAX_QR_PAYLOAD + 1] = "";
        size_t from, to;
        bool trunk;
        if (it->phone && tel_uri(it->phone, tel, sizeof(tel), &from, &to, &trunk))
            snprintf(written, sizeof(written), "%.*s", (int)(trunk ? strlen(tel) - 4 : to - from),
                     trunk ? tel + 4 : it->phone + from);
        vcard_line(buf, size, &len, "TEL", written);
        vcard_line(buf, size, &len, "EMAIL", it->email);
        vcard_line(buf, size, &len, "URL", it->url);
        if (it->address) {
            /* ADR: post office box; extended; street, locality... as one street line */
            char adr[512];
            size_t alen = 0;
            adr[0] = '\0';
            vcard_escaped(adr, sizeof(adr), &alen, it->address);
            if (len < size) {
                int n = snprintf(buf + len, size - len, "ADR:;;%s\r\n", adr);
                len = n < 0 || (size_t)n >= size - len ? size : len + (size_t)n;
            }
        }
        vcard_line(buf, size, &len, "END", "VCARD");
        return len < size;
    }
    if (it->kind == LF_ITEM_NOTICE)
        return false;
    int n;
    if (it->url)
        n = snprintf(buf, size, "%s", it->url);
    else if (it->email)
        return mailto_uri(it->email, buf, size);
    else if (it->phone)
        return tel_uri(it->phone, buf, size, &(size_t){0}, &(size_t){0}, &(bool){false});
    else
        return false;
    return n > 0 && (size_t)n < size;
}

int lf_qr_modules(const char *payload)
{
    QRcode *qr = QRcode_encodeString(payload, 0, LF_QR_EC_LEVEL, QR_MODE_8, 1);
    if (!qr)
        return 0;
    int n = qr->width + 2 * LF_QR_QUIET_ZONE;
    QRcode_free(qr);
    return n;
}
