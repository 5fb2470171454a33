#include "sync/post.h"

#include <curl/curl.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "core/xalloc.h"

struct answer {
    char *buf;
    size_t len, cap;
};

static size_t on_answer(char *data, size_t size, size_t n, void *ctx)
{
    struct answer *a = ctx;
    size_t bytes = size * n;
    size_t room = a->cap - a->len;
    size_t take = bytes < room ? bytes : room;
    memcpy(a->buf + a->len, data, take);
    a->len += take;
    return bytes; /* the rest is dropped, not an error */
}

static int on_progress(void *ctx, curl_off_t dt, curl_off_t dn, curl_off_t ut, curl_off_t un)
{
    (void)dt, (void)dn, (void)ut, (void)un;
    const atomic_bool *cancel = ctx;
    return cancel && atomic_load(cancel) ? 1 : 0;
}

bool lf_post(const struct lf_post_request *req, struct lf_post_result *r)
{
    memset(r, 0, sizeof(*r));
    bool http = strncasecmp(req->url, "http://", 7) == 0;
    if (!(strncasecmp(req->url, "https://", 8) == 0 || (req->allow_http && http))) {
        snprintf(r->error, sizeof(r->error), "%s: only https:// addresses are allowed%s",
                 req->url, req->allow_http ? " (or http://)" : "");
        return false;
    }
    CURL *c = curl_easy_init();
    if (!c) {
        snprintf(r->error, sizeof(r->error), "%s: curl cannot make a handle", req->url);
        return false;
    }
    char errbuf[CURL_ERROR_SIZE] = "";
    struct answer a = {.buf = r->answer, .cap = LF_POST_MAX_ANSWER_BYTES};
    struct curl_slist *headers = NULL;
    char *h = lf_xasprintf("Content-Type: %s", req->content_type);
    headers = curl_slist_append(headers, h);
    free(h);
    if (req->bearer && req->bearer[0]) {
        h = lf_xasprintf("Authorization: Bearer %s", req->bearer);
        headers = curl_slist_append(headers, h);
        free(h);
    }
    headers = curl_slist_append(headers, "Expect:");
    const char *protocols = req->allow_http ? "http,https" : "https";
    curl_easy_setopt(c, CURLOPT_URL, req->url);
    curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, protocols);
    curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L); /* a POST is not sent elsewhere */
    curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST, 2L);
    if (req->ca_file && req->ca_file[0])
        curl_easy_setopt(c, CURLOPT_CAINFO, req->ca_file);
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, (long)LF_POST_CONNECT_TIMEOUT_S);
    curl_easy_setopt(c, CURLOPT_TIMEOUT, (long)LF_POST_TIMEOUT_S);
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(c, CURLOPT_USERAGENT, "litfass/" LITFASS_VERSION);
    curl_easy_setopt(c, CURLOPT_ERRORBUFFER, errbuf);
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(c, CURLOPT_POSTFIELDS, req->body);
    curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)req->len);
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_answer);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, &a);
    if (req->cancel) {
        curl_easy_setopt(c, CURLOPT_XFERINFOFUNCTION, on_progress);
        curl_easy_setopt(c, CURLOPT_XFERINFODATA, (void *)req->cancel);
        curl_easy_setopt(c, CURLOPT_NOPROGRESS, 0L);
    }
    CURLcode rc = curl_easy_perform(c);
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &r->http_status);
    r->answer[a.len] = '\0';
    curl_slist_free_all(headers);
    curl_easy_cleanup(c);
    if (rc != CURLE_OK) {
        snprintf(r->error, sizeof(r->error), "%s: %s", req->url,
                 errbuf[0] ? errbuf : curl_easy_strerror(rc));
        return false;
    }
    if (r->http_status < 200 || r->http_status > 299) {
        snprintf(r->error, sizeof(r->error), "%s: HTTP %ld %.300s", req->url, r->http_status,
                 r->answer);
        return false;
    }
    return true;
}

struct mail_source {
    const char *data;
    size_t len, pos;
};

static size_t on_read(char *out, size_t size, size_t n, void *ctx)
{
    struct mail_source *m = ctx;
    size_t room = size * n, left = m->len - m->pos;
    size_t take = left < room ? left : room;
    memcpy(out, m->data + m->pos, take);
    m->pos += take;
    return take;
}

/* A header's text as RFC 2047 encoded-words when it is not plain ASCII
 * ("=?UTF-8?B?...?=", each at most 75 characters, folded onto lines of
 * their own): a header of 8-bit bytes ("auffällig") is not RFC 5322, and
 * mail servers and clients without SMTPUTF8 show it garbled or refuse it.
 * Words end between UTF-8 characters, never inside one. */
static char *header_text(const char *text)
{
    size_t len = strlen(text);
    bool ascii = true;
    for (size_t i = 0; i < len; i++)
        if ((unsigned char)text[i] >= 0x80)
            ascii = false;
    if (ascii)
        return lf_xstrdup(text);
    enum { WORD_BYTES = 45 }; /* 60 base64 characters + 12 around them: 72 <= 75 */
    size_t cap = len * 4 + 128; /* a word of >= 42 bytes is 75 characters, the last one 19 */
    char *out = lf_xmalloc(cap);
    size_t o = 0;
    for (size_t i = 0; i < len;) {
        size_t most = len - i < WORD_BYTES ? len - i : WORD_BYTES, n = most;
        while (n < len - i && n > most - 3 && ((unsigned char)text[i + n] & 0xC0) == 0x80)
            n--; /* back to the start of the character cut in two (at most 3 bytes) */
        char b64[sodium_base64_ENCODED_LEN(WORD_BYTES, sodium_base64_VARIANT_ORIGINAL)];
        sodium_bin2base64(b64, sizeof(b64), (const unsigned char *)text + i, n,
                          sodium_base64_VARIANT_ORIGINAL);
        o += (size_t)snprintf(out + o, cap - o, "%s=?UTF-8?B?%s?=", i ? "\r\n " : "", b64);
        i += n;
    }
    return out;
}

/* The message in RFC 5322 form, CRLF line ends, a dot at a line's start
 * left to curl (it doubles it). */
static char *compose(const struct lf_mail *mail)
{
    char date[64];
    time_t now = time(NULL);
    struct tm tm;
    gmtime_r(&now, &tm);
    strftime(date, sizeof(date), "%a, %d %b %Y %H:%M:%S +0000", &tm);
    char *subject = header_text(mail->subject);
    size_t cap = strlen(mail->text) * 2 + strlen(subject) + 1024;
    char *out = lf_xmalloc(cap);
    int n = snprintf(out, cap,
                     "Date: %s\r\nFrom: %s\r\nTo: %s\r\nSubject: %s\r\nMIME-Version: 1.0\r\n"
                     "Content-Type: text/plain; charset=utf-8\r\n"
                     "Content-Transfer-Encoding: 8bit\r\n\r\n",
                     date, mail->from, mail->to, subject);
    free(subject);
    size_t len = n > 0 ? (size_t)n : 0;
    for (const char *p = mail->text; *p && len + 3 < cap; p++) {
        if (*p == '\n')
            out[len++] = '\r';
        out[len++] = *p;
    }
    out[len] = '\0';
    return out;
}

bool lf_mail_send(const struct lf_mail *mail, char *err, size_t err_size)
{
    if (strlen(mail->text) > LF_MAIL_MAX_BYTES || strpbrk(mail->subject, "\r\n") ||
        strpbrk(mail->to, "\r\n<>") || strpbrk(mail->from, "\r\n<>")) {
        snprintf(err, err_size, "%s: the e-mail is too long or has a line break in a header",
                 mail->smtp_url);
        return false;
    }
    CURL *c = curl_easy_init();
    if (!c) {
        snprintf(err, err_size, "%s: curl cannot make a handle", mail->smtp_url);
        return false;
    }
    char *msg = compose(mail);
    struct mail_source src = {.data = msg, .len = strlen(msg)};
    char errbuf[CURL_ERROR_SIZE] = "";
    char *from = lf_xasprintf("<%s>", mail->from);
    char *to = lf_xasprintf("<%s>", mail->to);
    struct curl_slist *rcpt = curl_slist_append(NULL, to);
    curl_easy_setopt(c, CURLOPT_URL, mail->smtp_url);
    curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
    curl_easy_setopt(c, CURLOPT_USE_SSL, (long)CURLUSESSL_TRY);
    if (mail->user && mail->user[0]) {
        curl_easy_setopt(c, CURLOPT_USERNAME, mail->user);
        curl_easy_setopt(c, CURLOPT_PASSWORD, mail->password ? mail->password : "");
    }
    curl_easy_setopt(c, CURLOPT_MAIL_FROM, from);
    curl_easy_setopt(c, CURLOPT_MAIL_RCPT, rcpt);
    curl_easy_setopt(c, CURLOPT_READFUNCTION, on_read);
    curl_easy_setopt(c, CURLOPT_READDATA, &src);
    curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, (long)LF_POST_CONNECT_TIMEOUT_S);
    curl_easy_setopt(c, CURLOPT_TIMEOUT, (long)LF_POST_TIMEOUT_S);
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(c, CURLOPT_ERRORBUFFER, errbuf);
    CURLcode rc = curl_easy_perform(c);
    curl_slist_free_all(rcpt);
    curl_easy_cleanup(c);
    free(from);
    free(to);
    free(msg);
    if (rc != CURLE_OK) {
        snprintf(err, err_size, "%s: %s", mail->smtp_url,
                 errbuf[0] ? errbuf : curl_easy_strerror(rc));
        return false;
    }
    return true;
}
