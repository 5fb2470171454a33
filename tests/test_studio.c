/* The studio's modules without the HTTP server: users (Argon2id hashes,
 * file mode, roles), the draft (ids, revisions and conflicts, order,
 * validation mapped to item and field, uploaded images checked before
 * decoding), and publishing into a folder (serials, versions, publishing
 * again). The server itself is tested through HTTP in cli_studio_api. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <jansson.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>
#include <webp/encode.h>

#include "content/signature.h"
#include "core/civil_time.h"
#include "core/durable.h"
#include "core/xalloc.h"
#include "studio/draft.h"
#include "studio/publish.h"
#include "studio/publish_worker.h"
#include "studio/users.h"
#include "support/test_root.h"

static void users_hash_check_and_keep(void **state)
{
    (void)state;
    char *dir = test_dir_made("users");
    char err[LF_USERS_ERROR_BYTES];
    struct lf_users *u = lf_users_load(dir, err, sizeof(err));
    assert_non_null(u);
    assert_int_equal(lf_users_count(u), 0);
    assert_true(lf_users_add(u, "anna", LF_ROLE_PUBLISHER, "Mohnblume-2026", err, sizeof(err)));
    assert_false(lf_users_add(u, "anna", LF_ROLE_EDITOR, "Mohnblume-2026", err, sizeof(err)));
    assert_non_null(strstr(err, "exists already"));
    assert_false(lf_users_add(u, "bob", LF_ROLE_EDITOR, "kurz", err, sizeof(err)));
    assert_non_null(strstr(err, "at least 10"));
    /* ten characters, not ten bytes: umlauts count once */
    assert_false(lf_users_add(u, "bob", LF_ROLE_EDITOR, "äöüäöüäöü", err, sizeof(err)));
    assert_false(lf_users_add(u, "../bob", LF_ROLE_EDITOR, "Mohnblume-2026", err, sizeof(err)));
    assert_false(lf_users_add(u, "Bob", LF_ROLE_EDITOR, "Mohnblume-2026", err, sizeof(err)));
    assert_true(lf_users_add(u, "ed", LF_ROLE_EDITOR, "Sonnenblume-99", err, sizeof(err)));
    assert_true(lf_users_save(u, err, sizeof(err)));
    lf_users_destroy(u);

    char *path = lf_xasprintf("%s/%s", dir, LF_USERS_FILE);
    struct stat st;
    assert_int_equal(stat(path, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0600);
    json_error_t je;
    json_t *doc = json_load_file(path, 0, &je);
    const char *hash = json_string_value(json_object_get(json_array_get(json_object_get(doc, "users"), 0), "hash"));
    assert_non_null(hash);
    assert_int_equal(strncmp(hash, "$argon2id$", 10), 0);
    json_decref(doc);

    u = lf_users_load(dir, err, sizeof(err));
    assert_non_null(u);
    enum lf_role role = 0;
    assert_true(lf_users_check(u, "anna", "Mohnblume-2026", &role));
    assert_int_equal(role, LF_ROLE_PUBLISHER);
    assert_false(lf_users_check(u, "anna", "Mohnblume-2027", &role));
    assert_false(lf_users_check(u, "nobody", "Mohnblume-2026", &role));
    assert_true(lf_users_set_password(u, "ed", "Kornblume-12345", err, sizeof(err)));
    assert_false(lf_users_check(u, "ed", "Sonnenblume-99", &role));
    assert_true(lf_users_check(u, "ed", "Kornblume-12345", &role));
    assert_int_equal(role, LF_ROLE_EDITOR);
    assert_true(lf_users_remove(u, "ed", err, sizeof(err)));
    assert_int_equal(lf_users_role(u, "ed"), 0);
    assert_false(lf_users_remove(u, "ed", err, sizeof(err)));
    lf_users_destroy(u);

    /* a users file others can read is refused, not used */
    assert_int_equal(chmod(path, 0644), 0);
    u = lf_users_load(dir, err, sizeof(err));
    assert_null(u);
    assert_non_null(strstr(err, "readable by others"));
    assert_int_equal(lf_role_parse("publisher"), LF_ROLE_PUBLISHER);
    assert_int_equal(lf_role_parse("boss"), 0);
    free(path);
    free(dir);
}

static json_t *item(const char *text)
{
    json_error_t je;
    json_t *j = json_loads(text, 0, &je);
    assert_non_null(j);
    return j;
}

static void draft_ids_revisions_and_conflicts(void **state)
{
    (void)state;
    char *dir = test_dir_made("draft");
    char err[LF_DRAFT_ERROR_BYTES];
    struct lf_draft *d = lf_draft_open(dir, err, sizeof(err));
    assert_non_null(d);
    char *manifest = lf_xasprintf("%s/draft/content.json", dir);
    assert_int_equal(access(manifest, F_OK), 0);

    const char *id = NULL;
    assert_int_equal(lf_draft_create(d, item("{\"kind\": \"event\", \"title\": {\"de\": \"Sprachcafé "
                                             "Münster\"}}"),
                                     "ed", &id, err, sizeof(err)),
                     LF_DRAFT_OK);
    assert_string_equal(id, "sprachcafe-muenster");
    assert_int_equal(lf_draft_create(d, item("{\"kind\": \"event\", \"title\": \"Sprachcafé Münster\"}"),
                                     "ed", &id, err, sizeof(err)),
                     LF_DRAFT_OK);
    assert_string_equal(id, "sprachcafe-muenster-2");
    assert_int_equal(lf_draft_create(d, item("{\"kind\": \"poster\", \"title\": \"x\"}"), "ed", NULL,
                                     err, sizeof(err)),
                     LF_DRAFT_BAD);
    assert_int_equal(lf_draft_create(d, item("{\"kind\": \"event\", \"id\": \"Böse/../x\"}"), "ed",
                                     NULL, err, sizeof(err)),
                     LF_DRAFT_BAD);
    assert_int_equal(lf_draft_create(d, item("{\"kind\": \"offer\", \"id\": \"sprachcafe-muenster\"}"),
                                     "ed", NULL, err, sizeof(err)),
                     LF_DRAFT_EXISTS);
    assert_int_equal(lf_draft_revision(d, "sprachcafe-muenster"), 1);

    /* the revision a user started from decides */
    assert_int_equal(lf_draft_replace(d, "sprachcafe-muenster",
                                      item("{\"kind\": \"event\", \"id\": \"sprachcafe-muenster\", "
                                           "\"title\": \"A\"}"),
                                      1, "ed", err, sizeof(err)),
                     LF_DRAFT_OK);
    assert_int_equal(lf_draft_revision(d, "sprachcafe-muenster"), 2);
    assert_int_equal(lf_draft_replace(d, "sprachcafe-muenster",
                                      item("{\"kind\": \"event\", \"id\": \"sprachcafe-muenster\", "
                                           "\"title\": \"B\"}"),
                                      1, "anna", err, sizeof(err)),
                     LF_DRAFT_CONFLICT);
    assert_non_null(strstr(err, "changed by ed"));
    assert_string_equal(json_string_value(json_object_get(lf_draft_item(d, "sprachcafe-muenster"), "title")),
                        "A");
    assert_int_equal(lf_draft_replace(d, "sprachcafe-muenster",
                                      item("{\"kind\": \"event\", \"id\": \"anders\", \"title\": \"B\"}"),
                                      2, "anna", err, sizeof(err)),
                     LF_DRAFT_BAD);
    assert_int_equal(lf_draft_delete(d, "sprachcafe-muenster-2", 7, "ed", false, err, sizeof(err)),
                     LF_DRAFT_CONFLICT);

    /* order: every id once */
    json_t *ids = json_pack("[s, s]", "sprachcafe-muenster-2", "sprachcafe-muenster");
    assert_int_equal(lf_draft_reorder(d, ids, err, sizeof(err)), LF_DRAFT_OK);
    json_decref(ids);
    ids = json_pack("[s, s]", "sprachcafe-muenster", "sprachcafe-muenster");
    assert_int_equal(lf_draft_reorder(d, ids, err, sizeof(err)), LF_DRAFT_BAD);
    json_decref(ids);
    assert_string_equal(json_string_value(json_object_get(
                            json_array_get(json_object_get(lf_draft_doc(d), "items"), 0), "id")),
                        "sprachcafe-muenster-2");
    lf_draft_close(d);

    /* what was saved is there after reopening, revisions included */
    d = lf_draft_open(dir, err, sizeof(err));
    assert_non_null(d);
    assert_int_equal(lf_draft_revision(d, "sprachcafe-muenster"), 2);
    assert_int_equal(lf_draft_delete(d, "sprachcafe-muenster-2", 1, "ed", false, err, sizeof(err)),
                     LF_DRAFT_OK);
    assert_null(lf_draft_item(d, "sprachcafe-muenster-2"));
    /* an editor's removal waits for approval like a change */
    assert_true(lf_draft_removal_waits(d, "sprachcafe-muenster-2"));
    assert_int_equal(lf_draft_approve(d, "sprachcafe-muenster-2", "anna", err, sizeof(err)), LF_DRAFT_OK);
    assert_false(lf_draft_removal_waits(d, "sprachcafe-muenster-2"));
    assert_int_equal(lf_draft_approve(d, "gibt-es-nicht", "anna", err, sizeof(err)), LF_DRAFT_NOT_FOUND);
    lf_draft_close(d);
    free(manifest);
    free(dir);
}

static const json_t *problem(const json_t *v, const char *id, const char *field)
{
    size_t i;
    const json_t *p;
    json_array_foreach(json_object_get(v, "problems"), i, p) {
        const char *pid = json_string_value(json_object_get(p, "item"));
        if (pid && strcmp(pid, id) == 0 &&
            strcmp(json_string_value(json_object_get(p, "field")), field) == 0)
            return p;
    }
    return NULL;
}

static void draft_validation_names_item_and_field(void **state)
{
    (void)state;
    char *dir = test_dir_made("validate");
    char err[LF_DRAFT_ERROR_BYTES];
    struct lf_draft *d = lf_draft_open(dir, err, sizeof(err));
    assert_non_null(d);
    assert_int_equal(lf_draft_create(d, item("{\"kind\": \"offer\", \"id\": \"wegweiser\", \"title\": "
                                             "{\"de\": \"Wegweiser\", \"ar\": \"المرشد\"}, "
                                             "\"description\": \"Beratung\"}"),
                                     "ed", NULL, err, sizeof(err)),
                     LF_DRAFT_OK);
    json_t *v = lf_draft_validate(d, NULL);
    assert_true(json_is_true(json_object_get(v, "valid")));
    /* Arabic: the title is translated, the description is not */
    const json_t *ar = json_array_get(json_object_get(v, "languages"), 1);
    assert_string_equal(json_string_value(json_object_get(ar, "lang")), "ar");
    assert_int_equal(json_integer_value(json_object_get(ar, "translated")), 0);
    json_decref(v);

    /* an unsaved item with errors, checked in place of the saved one */
    json_t *bad = item("{\"kind\": \"offer\", \"id\": \"wegweiser\", \"title\": {\"ar\": \"المرشد\"}, "
                       "\"url\": \"www.example.org\", \"hours\": {\"ranges\": [{\"days\": [\"mo\"], "
                       "\"from\": \"12:00\", \"to\": \"09:00\"}]}}");
    v = lf_draft_validate(d, bad);
    assert_false(json_is_true(json_object_get(v, "valid")));
    assert_non_null(problem(v, "wegweiser", "url"));
    assert_non_null(problem(v, "wegweiser", "title"));
    assert_non_null(problem(v, "wegweiser", "description"));
    const json_t *p = problem(v, "wegweiser", "hours.ranges[0].to");
    if (!p)
        p = problem(v, "wegweiser", "hours.ranges[0]");
    assert_non_null(p);
    assert_non_null(strstr(json_string_value(json_object_get(p, "text")), "content.json:"));
    json_decref(v);
    json_decref(bad);
    /* the draft itself was not changed by checking */
    assert_string_equal(json_string_value(json_object_get(lf_draft_item(d, "wegweiser"), "description")),
                        "Beratung");

    /* the preview's manifest: only the item asked for */
    json_t *other = item("{\"kind\": \"contact\", \"id\": \"ki\", \"title\": \"KI\"}");
    char *text = lf_draft_manifest(d, other, true);
    assert_non_null(strstr(text, "\"ki\""));
    assert_null(strstr(text, "wegweiser"));
    free(text);
    json_decref(other);
    lf_draft_close(d);
    free(dir);
}

static void draft_images_checked_before_decoding(void **state)
{
    (void)state;
    char *dir = test_dir_made("images");
    char err[LF_DRAFT_ERROR_BYTES];
    struct lf_draft *d = lf_draft_open(dir, err, sizeof(err));
    assert_non_null(d);
    static const char *const bad_names[] = {"../x.png", "a/b.png", ".hidden.png", "x.sh", "x",
                                            "..", "a\\b.png", "ö.png", ""};
    for (size_t i = 0; i < sizeof(bad_names) / sizeof(bad_names[0]); i++)
        assert_false(lf_draft_image_name_valid(bad_names[i]));
    assert_true(lf_draft_image_name_valid("Plakat_2027-03.JPG"));
    assert_true(lf_draft_image_name_valid("handy.gif"));
    assert_true(lf_draft_image_name_valid("webseite.WEBP"));

    /* a PNG header claiming 50000 x 50000 pixels */
    unsigned char png[64] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13,
                             'I', 'H', 'D', 'R', 0, 0, 0xc3, 0x50, 0, 0, 0xc3, 0x50, 8, 6};
    int w = 0, h = 0;
    assert_false(lf_draft_store_image(d, "riesig.png", png, sizeof(png), &w, &h, err, sizeof(err)));
    assert_non_null(strstr(err, "50000 x 50000"));
    /* 1 x 8192: within the pixel limits, but a line no one sees on a slide */
    png[18] = 0, png[19] = 1, png[22] = 0x20, png[23] = 0;
    assert_false(lf_draft_store_image(d, "strich.png", png, sizeof(png), &w, &h, err, sizeof(err)));
    if (!strstr(err, "1 x 8192 pixels, more than 20 times as high as wide"))
        fail_msg("a 1 x 8192 picture should be refused for its shape, got: %s", err);
    assert_false(lf_draft_store_image(d, "text.png", "hallo", 5, &w, &h, err, sizeof(err)));
    assert_string_equal(err, "text.png: not a PNG, JPEG, GIF or WebP image");
    /* an iPhone's HEIC photo renamed .jpg: what it is, and what to do */
    assert_false(lf_draft_store_image(d, "foto.jpg", "\0\0\0\x18" "ftypheic\0\0\0\0mif1heic", 24,
                                      &w, &h, err, sizeof(err)));
    assert_string_equal(err, "foto.jpg: in HEIC format, not a PNG, JPEG, GIF or WebP image: save "
                             "it as JPEG (a photo) or PNG (a logo, a flyer) and upload that");
    assert_false(lf_draft_store_image(d, "../evil.png", png, sizeof(png), &w, &h, err, sizeof(err)));
    /* a phone photo cut off while uploading: refused at once (it was
     * stored, and the entry showed the error only later) */
    static unsigned char jpg[4096];
    char *photo = lf_xasprintf("%s/tests/data/images/exif-orientation-6.jpg", LITFASS_SOURCE_DIR);
    FILE *pf = fopen(photo, "rb");
    assert_non_null(pf);
    size_t jn = fread(jpg, 1, sizeof(jpg), pf);
    fclose(pf);
    assert_true(lf_draft_store_image(d, "ganz.jpg", jpg, jn, &w, &h, err, sizeof(err)));
    assert_false(lf_draft_store_image(d, "halb.jpg", jpg, jn - 8, &w, &h, err, sizeof(err)));
    if (!strstr(err, "halb.jpg cannot be decoded: the JPEG data ends early"))
        fail_msg("a cut-off photo: %s", err);
    free(photo);
    photo = lf_xasprintf("%s/tests/data/bundles/image-cmyk/images/plakat.jpg", LITFASS_SOURCE_DIR);
    pf = fopen(photo, "rb");
    assert_non_null(pf);
    jn = fread(jpg, 1, sizeof(jpg), pf);
    fclose(pf);
    /* a CMYK flyer from a print office: shown in its colours, so stored */
    if (!lf_draft_store_image(d, "flyer.jpg", jpg, jn, &w, &h, err, sizeof(err)))
        fail_msg("a CMYK flyer: %s", err);
    free(photo);
    /* from a phone or a web page: a GIF (one red pixel) and a still WebP, stored as they
     * came (the kiosk reads them as they are) */
    static const unsigned char gif[] = {
        'G', 'I', 'F', '8', '9', 'a', 1, 0, 1, 0, 0x80, 0, 0, 0xff, 0, 0, 0, 0, 0,
        0x2c, 0, 0, 0, 0, 1, 0, 1, 0, 0, 2, 2, 0x44, 1, 0, 0x3b};
    if (!lf_draft_store_image(d, "handy.gif", gif, sizeof(gif), &w, &h, err, sizeof(err)))
        fail_msg("a GIF: %s", err);
    assert_int_equal(w, 1);
    assert_int_equal(h, 1);
    uint8_t rgba[64 * 48 * 4];
    memset(rgba, 200, sizeof(rgba));
    uint8_t *webp = NULL;
    size_t webp_n = WebPEncodeRGBA(rgba, 64, 48, 64 * 4, 80, &webp);
    assert_true(webp_n > 0);
    if (!lf_draft_store_image(d, "seite.webp", webp, webp_n, &w, &h, err, sizeof(err)))
        fail_msg("a WebP: %s", err);
    assert_int_equal(w, 64);
    assert_int_equal(h, 48);
    char *stored = lf_xasprintf("%s/draft/images/seite.webp", dir);
    FILE *sf = fopen(stored, "rb");
    assert_non_null(sf);
    unsigned char head[12];
    assert_int_equal(fread(head, 1, sizeof(head), sf), sizeof(head));
    fclose(sf);
    assert_memory_equal(head + 8, "WEBP", 4); /* as uploaded, not converted */
    free(stored);
    /* cut off, and a GIF without a frame: refused at once, naming the file and why */
    assert_false(lf_draft_store_image(d, "halb.webp", webp, webp_n / 2, &w, &h, err,
                                      sizeof(err)));
    if (!strstr(err, "halb.webp cannot be decoded: the WebP data ends early"))
        fail_msg("a cut-off WebP: %s", err);
    WebPFree(webp);
    static const unsigned char empty_gif[] = {'G', 'I', 'F', '8', '9', 'a', 8, 0, 8, 0, 0x80,
                                              0, 0, 0, 0, 0, 0xff, 0xff, 0xff, 0x3b};
    assert_false(lf_draft_store_image(d, "leer.gif", empty_gif, sizeof(empty_gif), &w, &h, err,
                                      sizeof(err)));
    if (!strstr(err, "leer.gif cannot be decoded: it holds no picture (zero frames)"))
        fail_msg("a GIF without frames: %s", err);
    /* a GIF whose header claims 65535 x 65535: refused before decoding */
    static const unsigned char huge_gif[] = {'G', 'I', 'F', '8', '9', 'a', 0xff, 0xff, 0xff,
                                             0xff, 0, 0, 0, 0x3b};
    assert_false(lf_draft_store_image(d, "riesig.gif", huge_gif, sizeof(huge_gif), &w, &h, err,
                                      sizeof(err)));
    if (!strstr(err, "riesig.gif: 65535 x 65535 pixels"))
        fail_msg("a GIF claiming 65535 x 65535: %s", err);
    static const char *const kept[] = {"ganz.jpg", "flyer.jpg", "handy.gif", "seite.webp"};
    for (size_t i = 0; i < sizeof(kept) / sizeof(kept[0]); i++) {
        char *whole = lf_xasprintf("%s/draft/images/%s", dir, kept[i]);
        assert_int_equal(unlink(whole), 0);
        free(whole);
    }
    char *images = lf_xasprintf("%s/draft/images", dir);
    char *cmd = lf_xasprintf("test -z \"$(ls -A '%s')\"", images);
    assert_int_equal(system(cmd), 0); /* nothing left behind, no temp file either */

    /* a real picture */
    char *src = lf_xasprintf("%s/assets/content/images/logo-litfass.png", LITFASS_SOURCE_DIR);
    FILE *f = fopen(src, "rb");
    assert_non_null(f);
    static unsigned char buf[256 * 1024];
    size_t n = fread(buf, 1, sizeof(buf), f);
    fclose(f);
    assert_true(lf_draft_store_image(d, "logo.png", buf, n, &w, &h, err, sizeof(err)));
    assert_int_equal(w, 512);
    assert_int_equal(h, 512);
    lf_draft_close(d);
    free(src);
    free(cmd);
    free(images);
    free(dir);
}

/* A folder of the test's own with a signing key made by lf_keygen (ki.key,
 * ki.pub) and a publish target signing with it: the web folder www in it,
 * or the WebDAV address url when one is given. */
struct publish_setup {
    char *dir, *name, *key, *www;
    struct lf_publish_target target;
};

static void publish_setup_make(struct publish_setup *s, const char *folder, const char *url)
{
    char err[LF_PUBLISH_ERROR_BYTES];
    s->dir = test_dir_made(folder);
    s->name = lf_xasprintf("%s/ki", s->dir);
    assert_true(lf_keygen(s->name, NULL, err, sizeof(err)));
    s->key = lf_xasprintf("%s.key", s->name);
    s->www = lf_xasprintf("%s/www", s->dir);
    s->target = (struct lf_publish_target){
        .key_file = s->key, .dir = url ? "" : s->www, .url = url, .valid_days = 30};
}

static void publish_setup_free(struct publish_setup *s)
{
    free(s->www);
    free(s->key);
    free(s->name);
    free(s->dir);
}

static void publish_numbers_versions_and_again(void **state)
{
    (void)state;
    struct publish_setup ps;
    publish_setup_make(&ps, "publish", NULL);
    char *dir = ps.dir, *key = ps.key, *www = ps.www;
    char err[LF_PUBLISH_ERROR_BYTES];
    struct lf_publisher *p = lf_publisher_create(dir, &ps.target, err, sizeof(err));
    assert_non_null(p);

    const char *manifest = "{\"format\": 1, \"organisation\": \"KI\", \"items\": [{\"kind\": "
                           "\"contact\", \"id\": \"ki\", \"title\": \"KI Münster\"}]}";
    json_t *v = NULL;
    assert_true(lf_publish(p, manifest, dir, "anna", "erste", 0, &v, err, sizeof(err)));
    assert_int_equal(json_integer_value(json_object_get(v, "serial")), 1);
    json_decref(v);
    char *live = lf_xasprintf("%s/content.json.sig", www);
    assert_int_equal(access(live, F_OK), 0);

    /* a broken bundle is not published and takes no serial */
    assert_false(lf_publish(p, "{\"format\": 1, \"items\": []}", dir, "anna", NULL, 0, &v, err,
                            sizeof(err)));
    assert_non_null(strstr(err, "organisation"));
    assert_null(v);

    assert_true(lf_publish_again(p, 1, "anna", &v, err, sizeof(err)));
    assert_int_equal(json_integer_value(json_object_get(v, "serial")), 2);
    assert_int_equal(json_integer_value(json_object_get(v, "again_from")), 1);
    json_decref(v);
    assert_false(lf_publish_again(p, 9, "anna", &v, err, sizeof(err)));

    json_t *list = lf_publisher_versions(p);
    assert_int_equal(json_array_size(list), 2);
    assert_int_equal(json_integer_value(json_object_get(json_array_get(list, 0), "serial")), 2);
    assert_string_equal(json_string_value(json_object_get(json_array_get(list, 1), "note")), "erste");
    json_decref(list);
    lf_publisher_destroy(p);

    /* a key others can read: the publisher does not start */
    assert_int_equal(chmod(key, 0640), 0);
    assert_null(lf_publisher_create(dir, &ps.target, err, sizeof(err)));
    assert_non_null(strstr(err, "readable"));
    free(live);
    publish_setup_free(&ps);
}

static void quiet_done(void *ctx, const char *user, long long serial, long long again_from,
                       const json_t *version, const char *error)
{
    (void)ctx, (void)user, (void)serial, (void)again_from, (void)version, (void)error;
}

static json_t *worker_state_after_restart(struct lf_publisher *p, pthread_mutex_t *work,
                                          const char *path)
{
    struct lf_publish_worker *w = lf_publish_worker_create(p, work, quiet_done, NULL, path);
    json_t *st = lf_publish_worker_state(w);
    lf_publish_worker_destroy(w);
    return st;
}

static void write_text(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

/* publish_worker.h: the job's state is kept in its file, so a restarted studio tells the
 * last publish: done (with its version), or, when the file still said running (a crash),
 * interrupted, with what the screens' content is since (its delivery's steps). */
static void publish_worker_state_survives_a_restart(void **state)
{
    (void)state;
    char *dir = test_dir_made("worker-kept");
    char *name = lf_xasprintf("%s/ki", dir);
    char err[LF_PUBLISH_ERROR_BYTES];
    assert_true(lf_keygen(name, NULL, err, sizeof(err)));
    char *key = lf_xasprintf("%s.key", name);
    char *www = lf_xasprintf("%s/www", dir);
    char *path = lf_xasprintf("%s/%s", dir, LF_PUBLISH_JOB_FILE);
    struct lf_publish_target target = {.key_file = key, .dir = www, .valid_days = 30};
    pthread_mutex_t work;
    pthread_mutex_init(&work, NULL);
    struct lf_publisher *p = lf_publisher_create(dir, &target, err, sizeof(err));
    assert_non_null(p);
    json_t *st = worker_state_after_restart(p, &work, path);
    assert_true(json_is_null(st)); /* no file yet: no publish */
    json_decref(st);

    struct lf_publish_worker *w = lf_publish_worker_create(p, &work, quiet_done, NULL, path);
    pthread_mutex_lock(&work);
    struct lf_publish_job *j = lf_publish_prepare(
        p, "{\"format\": 1, \"organisation\": \"KI\", \"items\": []}", dir, "anna", NULL, 0,
        err, sizeof(err));
    assert_non_null(j);
    json_t *running = NULL;
    st = lf_publish_worker_start(w, j, "anna", 0, &running);
    pthread_mutex_unlock(&work);
    assert_non_null(st);
    json_decref(st);
    assert_true(lf_publish_worker_wait(w, NULL, NULL));
    lf_publish_worker_destroy(w);
    struct stat sb;
    assert_int_equal(stat(path, &sb), 0);
    assert_int_equal(sb.st_mode & 0777, 0600);

    st = worker_state_after_restart(p, &work, path);
    assert_string_equal(json_string_value(json_object_get(st, "state")), "done");
    assert_string_equal(json_string_value(json_object_get(st, "by")), "anna");
    assert_int_equal(json_integer_value(json_object_get(json_object_get(st, "version"), "serial")), 1);
    /* the local folder's live pair was replaced, and said so as it went */
    assert_string_equal(json_string_value(json_object_get(json_object_get(st, "targets"), "dir")),
                        "replaced");
    json_int_t id = json_integer_value(json_object_get(st, "id"));
    json_decref(st);

    /* killed in the middle: the file says running */
    static const struct {
        const char *targets, *live;
    } cases[] = {
        {"", "unchanged"},                                          /* still uploading */
        {", \"targets\": {\"url\": \"replacing\"}", "unknown"},       /* between the renames */
        {", \"targets\": {\"dir\": \"replaced\"}", "changed"},        /* the folder had it */
        {", \"targets\": {\"dir\": \"replaced\", \"url\": \"replacing\"}", "unknown"},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        char *text = lf_xasprintf("{\"id\": 7, \"state\": \"running\", \"by\": \"ben\", "
                                  "\"since\": \"14:02\", \"serial\": 5%s}",
                                  cases[i].targets);
        write_text(path, text);
        free(text);
        st = worker_state_after_restart(p, &work, path);
        assert_string_equal(json_string_value(json_object_get(st, "state")), "interrupted");
        assert_string_equal(json_string_value(json_object_get(st, "live")), cases[i].live);
        assert_int_equal(json_integer_value(json_object_get(st, "serial")), 5);
        json_decref(st);
        /* and it is kept so: the next restart says the same */
        st = worker_state_after_restart(p, &work, path);
        assert_string_equal(json_string_value(json_object_get(st, "state")), "interrupted");
        assert_string_equal(json_string_value(json_object_get(st, "live")), cases[i].live);
        json_decref(st);
    }
    /* the next job's id follows the kept one's (a page following job 7 never takes a new
     * job 1 for it) */
    w = lf_publish_worker_create(p, &work, quiet_done, NULL, path);
    pthread_mutex_lock(&work);
    j = lf_publish_prepare(p, "{\"format\": 1, \"organisation\": \"KI\", \"items\": []}", dir,
                           "anna", NULL, 0, err, sizeof(err));
    st = lf_publish_worker_start(w, j, "anna", 0, &running);
    pthread_mutex_unlock(&work);
    assert_int_equal(json_integer_value(json_object_get(st, "id")), 8);
    assert_true(id < 8);
    json_decref(st);
    assert_true(lf_publish_worker_wait(w, NULL, NULL));
    lf_publish_worker_destroy(w);
    /* the version a kill cut off says so in its record (the versions list gives the reason):
     * still uploading, nothing delivered; or after the folder's live pair was replaced, which
     * then counts as delivered (the screens have it: the list of changes compares with it) */
    static const struct {
        const char *targets, *live, *delivered;
        bool everywhere;
    } kills[] = {
        {"", "unchanged", "[]", false},
        {", \"targets\": {\"dir\": \"replaced\"}", "changed", "[\"dir\"]", true},
    };
    for (size_t i = 0; i < sizeof(kills) / sizeof(kills[0]); i++) {
        j = lf_publish_prepare(p, "{\"format\": 1, \"organisation\": \"KI\", \"items\": []}",
                               dir, "anna", NULL, 0, err, sizeof(err));
        assert_non_null(j);
        long long serial = lf_publish_job_serial(j);
        lf_publish_job_destroy(j);
        char *text = lf_xasprintf("{\"id\": 9, \"state\": \"running\", \"by\": \"ben\", "
                                  "\"since\": \"14:02\", \"serial\": %lld%s}",
                                  serial, kills[i].targets);
        write_text(path, text);
        free(text);
        st = worker_state_after_restart(p, &work, path);
        assert_int_equal(json_is_true(json_object_get(st, "everywhere")), kills[i].everywhere);
        json_decref(st);
        json_t *versions = lf_publisher_versions(p);
        json_t *record = NULL, *v;
        size_t k;
        json_array_foreach(versions, k, v) if (json_integer_value(json_object_get(v, "serial")) == serial)
            record = v;
        assert_non_null(record);
        assert_string_equal(json_string_value(json_object_get(record, "interrupted")), kills[i].live);
        assert_int_equal(json_is_true(json_object_get(record, "everywhere")), kills[i].everywhere);
        json_t *want = json_loads(kills[i].delivered, 0, NULL);
        assert_true(json_equal(json_object_get(record, "delivered"), want));
        json_decref(want);
        json_decref(versions);
    }
    /* a damaged file: no job, the studio starts */
    write_text(path, "{\"id\": ");
    st = worker_state_after_restart(p, &work, path);
    assert_true(json_is_null(st));
    json_decref(st);

    lf_publisher_destroy(p);
    pthread_mutex_destroy(&work);
    free(path);
    free(www);
    free(key);
    free(name);
    free(dir);
}

/* publish_worker.h: the delivery runs on the worker's thread; `done` is called there with the
 * studio's lock held while the job still says running (so audit log and job agree); a start
 * meanwhile is refused with the running job's state; after it ends a new job runs. */
struct worker_probe {
    pthread_mutex_t work;
    struct lf_publish_worker *w;
    struct lf_publisher *p;
    const char *manifest, *dir;
    int calls;
    long long serial;
    bool lock_held, still_running, refused;
    pthread_t thread;
};

static void probe_done(void *ctx, const char *user, long long serial, long long again_from,
                       const json_t *version, const char *error)
{
    struct worker_probe *pr = ctx;
    (void)again_from;
    pr->calls++;
    pr->serial = version ? serial : -1;
    pr->lock_held = pthread_mutex_trylock(&pr->work) == EBUSY;
    pr->thread = pthread_self();
    json_t *st = lf_publish_worker_state(pr->w);
    pr->still_running = strcmp(json_string_value(json_object_get(st, "state")), "running") == 0 &&
                        strcmp(user, "anna") == 0 && !error;
    json_decref(st);
    if (pr->calls == 1) { /* a second publish while this one has not ended */
        char err[LF_PUBLISH_ERROR_BYTES];
        struct lf_publish_job *j = lf_publish_prepare(pr->p, pr->manifest, pr->dir, "ben", NULL,
                                                      0, err, sizeof(err));
        json_t *running = NULL;
        pr->refused = j && lf_publish_worker_busy(pr->w) &&
                      !lf_publish_worker_start(pr->w, j, "ben", 0, &running) && running &&
                      strcmp(json_string_value(json_object_get(running, "by")), "anna") == 0;
        json_decref(running);
    }
}

static void publish_worker_runs_one_job_at_a_time(void **state)
{
    (void)state;
    struct publish_setup ps;
    publish_setup_make(&ps, "worker", NULL);
    char *dir = ps.dir, *www = ps.www;
    char err[LF_PUBLISH_ERROR_BYTES];
    struct worker_probe pr = {.dir = dir};
    pr.manifest = "{\"format\": 1, \"organisation\": \"KI\", \"items\": [{\"kind\": "
                  "\"contact\", \"id\": \"ki\", \"title\": \"KI Münster\"}]}";
    pthread_mutex_init(&pr.work, NULL);
    pr.p = lf_publisher_create(dir, &ps.target, err, sizeof(err));
    assert_non_null(pr.p);
    pr.w = lf_publish_worker_create(pr.p, &pr.work, probe_done, &pr, NULL);
    json_t *st = lf_publish_worker_state(pr.w);
    assert_true(json_is_null(st));
    json_decref(st);

    pthread_mutex_lock(&pr.work);
    struct lf_publish_job *j =
        lf_publish_prepare(pr.p, pr.manifest, dir, "anna", "erste", 0, err, sizeof(err));
    assert_non_null(j);
    json_t *running = NULL;
    st = lf_publish_worker_start(pr.w, j, "anna", 0, &running);
    pthread_mutex_unlock(&pr.work);
    assert_non_null(st);
    assert_null(running);
    assert_string_equal(json_string_value(json_object_get(st, "state")), "running");
    assert_int_equal(json_integer_value(json_object_get(st, "serial")), 1);
    json_int_t id = json_integer_value(json_object_get(st, "id"));
    json_decref(st);
    assert_true(lf_publish_worker_wait(pr.w, NULL, NULL));

    assert_int_equal(pr.calls, 1);
    assert_int_equal(pr.serial, 1);
    assert_true(pr.lock_held);
    assert_true(pr.still_running);
    assert_true(pr.refused);
    assert_false(pthread_equal(pr.thread, pthread_self()));
    st = lf_publish_worker_state(pr.w);
    assert_int_equal(json_integer_value(json_object_get(st, "id")), id);
    assert_string_equal(json_string_value(json_object_get(st, "state")), "done");
    assert_int_equal(json_integer_value(json_object_get(json_object_get(st, "version"), "serial")), 1);
    json_decref(st);
    char *live = lf_xasprintf("%s/content.json", www);
    assert_int_equal(access(live, F_OK), 0);

    /* the next one runs (the refused one's version 2 stays listed, undelivered) */
    pthread_mutex_lock(&pr.work);
    j = lf_publish_prepare(pr.p, pr.manifest, dir, "anna", NULL, 0, err, sizeof(err));
    st = lf_publish_worker_start(pr.w, j, "anna", 0, &running);
    pthread_mutex_unlock(&pr.work);
    assert_non_null(st);
    json_decref(st);
    assert_true(lf_publish_worker_wait(pr.w, NULL, NULL));
    assert_int_equal(pr.calls, 2);
    assert_int_equal(pr.serial, 3);
    json_t *list = lf_publisher_versions(pr.p);
    assert_int_equal(json_array_size(list), 3);
    assert_int_equal(json_array_size(json_object_get(json_array_get(list, 1), "delivered")), 0);
    json_decref(list);

    lf_publish_worker_destroy(pr.w);
    lf_publisher_destroy(pr.p);
    pthread_mutex_destroy(&pr.work);
    free(live);
    publish_setup_free(&ps);
}

/* A WebDAV server that takes the connection and then never answers: the
 * upload fails as too slow after the stall limit (shortened for the test by
 * LITFASS_TEST_PUBLISH_STALL_S) instead of holding on for LF_PUBLISH_TIMEOUT_S. */
static void publish_to_a_stalled_server_fails_as_too_slow(void **state)
{
    (void)state;
    /* listens on 127.0.0.1 and never accepts: the kernel completes the connection and
     * takes the request, no answer ever comes */
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    assert_true(fd >= 0);
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = 0};
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    assert_int_equal(bind(fd, (struct sockaddr *)&a, sizeof(a)), 0);
    assert_int_equal(listen(fd, 8), 0);
    socklen_t alen = sizeof(a);
    assert_int_equal(getsockname(fd, (struct sockaddr *)&a, &alen), 0);

    char *url = lf_xasprintf("http://127.0.0.1:%u/dav/", (unsigned)ntohs(a.sin_port));
    struct publish_setup ps;
    publish_setup_make(&ps, "publish-stall", url);
    char *dir = ps.dir;
    char err[LF_PUBLISH_ERROR_BYTES];
    struct lf_publisher *p = lf_publisher_create(dir, &ps.target, err, sizeof(err));
    assert_non_null(p);
    assert_int_equal(setenv("LITFASS_TEST_PUBLISH_STALL_S", "2", 1), 0);
    json_t *v = NULL;
    bool ok = lf_publish(p, "{\"format\": 1, \"organisation\": \"KI\", \"items\": []}", dir,
                         "anna", NULL, 0, &v, err, sizeof(err));
    unsetenv("LITFASS_TEST_PUBLISH_STALL_S");
    assert_false(ok);
    assert_null(v);
    /* libcurl's words, which the studio page turns into its German "took too long" */
    if (!strstr(err, "too slow"))
        fail_msg("a stalled server should fail as too slow, got: %s", err);
    lf_publisher_destroy(p);
    close(fd);
    free(url);
    publish_setup_free(&ps);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(users_hash_check_and_keep),
        cmocka_unit_test(draft_ids_revisions_and_conflicts),
        cmocka_unit_test(draft_validation_names_item_and_field),
        cmocka_unit_test(draft_images_checked_before_decoding),
        cmocka_unit_test(publish_numbers_versions_and_again),
        cmocka_unit_test(publish_worker_runs_one_job_at_a_time),
        cmocka_unit_test(publish_worker_state_survives_a_restart),
        cmocka_unit_test(publish_to_a_stalled_server_fails_as_too_slow),
    };
    return cmocka_run_group_tests(tests, test_root_setup, test_root_teardown);
}
