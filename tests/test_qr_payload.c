/* What the QR codes carry: a vCard for contacts (escaped per RFC 6350),
 * the web address for events and offers, else mailto: or tel:. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "layout/qr_payload.h"

static struct lf_translation de(const char *text)
{
    struct lf_translation t = {.lang = "de", .text = (char *)text};
    return t;
}

static void contact_is_a_vcard(void **state)
{
    (void)state;
    struct lf_translation name = de("Alesja Meiber"), unit = de("KI Münster; Team 2"),
                          role = de("Anmeldung, Migrationsleitbild");
    struct lf_item it = {.kind = LF_ITEM_CONTACT, .title = {1, &name}, .unit = {1, &unit},
                         .role = {1, &role}, .phone = "0251 492-7077",
                         .email = "meiber@stadt-muenster.de",
                         .address = "Klosterstraße 33, 48143 Münster"};
    char buf[LF_MAX_QR_PAYLOAD + 1];
    assert_true(lf_qr_payload(&it, "de", buf, sizeof(buf)));
    assert_string_equal(buf, "BEGIN:VCARD\r\n"
                             "VERSION:3.0\r\n"
                             "FN:Alesja Meiber\r\n"
                             "N:Alesja Meiber\r\n"
                             "ORG:KI Münster\\; Team 2\r\n"
                             "TITLE:Anmeldung\\, Migrationsleitbild\r\n"
                             "TEL:0251 492-7077\r\n"
                             "EMAIL:meiber@stadt-muenster.de\r\n"
                             "ADR:;;Klosterstraße 33\\, 48143 Münster\r\n"
                             "END:VCARD\r\n");
    /* its TEL is the first number as written, without the note after it
     * (a phone dialled the note's digits too); with a trunk "(0)", as dialled */
    static const char *const phones[][2] = {
        {"0251 492-7077 (Mo-Fr 9-12 Uhr)", "TEL:0251 492-7077\r\n"},
        {"Tel. (0251) 492-7077, Fax 492-7900", "TEL:(0251) 492-7077\r\n"},
        {"+49 (0)251 492-7077", "TEL:+492514927077\r\n"},
        {"+49 251 492-7077", "TEL:+49 251 492-7077\r\n"},
    };
    for (size_t i = 0; i < sizeof(phones) / sizeof(phones[0]); i++) {
        it.phone = (char *)phones[i][0];
        assert_true(lf_qr_payload(&it, "de", buf, sizeof(buf)));
        if (!strstr(buf, phones[i][1]))
            fail_msg("%s: no %s in %s", phones[i][0], phones[i][1], buf);
    }
    it.phone = "nach Vereinbarung";
    assert_true(lf_qr_payload(&it, "de", buf, sizeof(buf)));
    assert_null(strstr(buf, "TEL"));
    /* a contact with nothing to take home has no code */
    struct lf_item bare = {.kind = LF_ITEM_CONTACT, .title = {1, &name}};
    assert_false(lf_qr_payload(&bare, "de", buf, sizeof(buf)));
}

static void links_for_events_and_offers(void **state)
{
    (void)state;
    struct lf_translation t = de("Wegweiser");
    static const struct {
        enum lf_item_kind kind;
        const char *url, *email, *phone;
        bool ok;
        const char *want;
    } cases[] = {
        {LF_ITEM_OFFER, "https://www.wegweiser.nrw.de", "a@b.de", "0251 1", true,
         "https://www.wegweiser.nrw.de"},
        {LF_ITEM_EVENT, NULL, "meiber@stadt-muenster.de", "0251 1", true,
         "mailto:meiber@stadt-muenster.de"},
        /* RFC 6068: an IDN domain (and any non-ASCII) as percent-encoded UTF-8 */
        {LF_ITEM_EVENT, NULL, "info@stadt-münster.de", NULL, true,
         "mailto:info@stadt-m%C3%BCnster.de"},
        {LF_ITEM_OFFER, NULL, "jürgen.öz@köln.de", NULL, true,
         "mailto:j%C3%BCrgen.%C3%B6z@k%C3%B6ln.de"},
        {LF_ITEM_OFFER, NULL, "a%b c@x.de", NULL, true, "mailto:a%25b%20c@x.de"},
        {LF_ITEM_EVENT, NULL, NULL, "02 51/4 92-70 77", true, "tel:02514927077"},
        {LF_ITEM_OFFER, NULL, NULL, "+49 (251) 492-7077", true, "tel:+492514927077"},
        /* the first number alone: the digits of what follows it made a
         * number that dials no one */
        {LF_ITEM_OFFER, NULL, NULL, "+49 (0)251 492-7077", true, "tel:+492514927077"},
        {LF_ITEM_OFFER, NULL, NULL, "+49(0)251 492-7077", true, "tel:+492514927077"},
        {LF_ITEM_EVENT, NULL, NULL, "0251 492-7077 oder 0251 53009-0", true, "tel:02514927077"},
        {LF_ITEM_EVENT, NULL, NULL, "0251 492-7077 (Mo-Fr 9-12 Uhr)", true, "tel:02514927077"},
        {LF_ITEM_EVENT, NULL, NULL, "Tel. (0251) 492-7077, Fax 492-7900", true, "tel:02514927077"},
        {LF_ITEM_EVENT, NULL, NULL, "nach Vereinbarung", false, ""},
        {LF_ITEM_OFFER, NULL, NULL, NULL, false, ""},
        {LF_ITEM_NOTICE, "https://x.de", NULL, NULL, false, ""},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        struct lf_item it = {.kind = cases[i].kind, .title = {1, &t}, .url = (char *)cases[i].url,
                             .email = (char *)cases[i].email, .phone = (char *)cases[i].phone};
        char buf[LF_MAX_QR_PAYLOAD + 1];
        assert_int_equal(lf_qr_payload(&it, "de", buf, sizeof(buf)), cases[i].ok);
        if (cases[i].ok)
            assert_string_equal(buf, cases[i].want);
    }
}

static void too_long_is_refused_and_modules_counted(void **state)
{
    (void)state;
    char url[LF_MAX_QR_PAYLOAD + 100];
    memset(url, 'a', sizeof(url) - 1);
    url[sizeof(url) - 1] = '\0';
    memcpy(url, "https://", 8);
    struct lf_translation t = de("x");
    struct lf_item it = {.kind = LF_ITEM_OFFER, .title = {1, &t}, .url = url};
    char buf[LF_MAX_QR_PAYLOAD + 1];
    assert_false(lf_qr_payload(&it, "de", buf, sizeof(buf)));
    /* a short link is a version-2 code: 25 modules plus the quiet zone */
    assert_int_equal(lf_qr_modules("https://www.kreis-re.de"), 25 + 2 * LF_QR_QUIET_ZONE);
    assert_true(lf_qr_modules("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:A long name to need more\r\n") >
                lf_qr_modules("https://x.de"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(contact_is_a_vcard),
        cmocka_unit_test(links_for_events_and_offers),
        cmocka_unit_test(too_long_is_refused_and_modules_counted),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
