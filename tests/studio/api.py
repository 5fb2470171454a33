"""The studio's JSON API against a real `litfass studio` on 127.0.0.1 (tests/cli_studio_api.sh
starts nginx and passes its port): users from the command line, login and sessions,
CSRF, CRUD with revisions and conflicts, validation mapped to fields, previews rendered
by the real renderer, image uploads and their limits, roles, publishing to a folder, a
kiosk's `litfass sync --once` installing exactly what was published, versions and
publishing one again, login throttling and session expiry."""
import json
import os
import re
import socket
import stat
import struct
import subprocess
import sys
import time
import urllib.parse
import zlib

sys.path.insert(0, os.path.dirname(__file__))
from studio import BIN, SRC, Checks, Client, Studio, add_user, png_size  # noqa: E402

TMP = os.environ["STUDIO_TMP"]
NGX_PORT = int(os.environ["NGX_PORT"])
WWW = os.path.join(TMP, "www")
DATA = os.path.join(TMP, "data")
PW_ANNA, PW_ED, PW_ADA = "Mohnblume-2026", "Sonnenblume-99", "Kornblume-7777"
t = Checks()
check = t.check

# --- users from the command line -------------------------------------------------------
add_user(DATA, "anna", "publisher", PW_ANNA)
add_user(DATA, "ed", "editor", PW_ED)
add_user(DATA, "ada", "admin", PW_ADA)
users = os.path.join(DATA, "users.json")
check(stat.S_IMODE(os.stat(users).st_mode) == 0o600, "users.json has mode 600")
text = open(users).read()
check(PW_ANNA not in text and "$argon2id$" in text, "passwords are stored as Argon2id hashes only")
r = subprocess.run([BIN, "studio", "user", "add", "bob", "--role", "editor", "--data", DATA],
                   input="kurz\n", capture_output=True, text=True)
check(r.returncode == 1 and "at least 10" in r.stderr, "a short password is refused", r.stderr)
r = subprocess.run([BIN, "studio", "user", "add", "ed", "--role", "editor", "--data", DATA],
                   input="Irgendwas-1234\n", capture_output=True, text=True)
check(r.returncode == 1 and "exists" in r.stderr, "a second user of the same name is refused")
r = subprocess.run([BIN, "studio", "user", "add", "Ed/../x", "--role", "editor", "--data", DATA],
                   input="Irgendwas-1234\n", capture_output=True, text=True)
check(r.returncode == 1 and "not a user name" in r.stderr, "a user name with / is refused")
r = subprocess.run([BIN, "studio", "user", "add", "bob", "--role", "boss", "--data", DATA],
                   input="Irgendwas-1234\n", capture_output=True, text=True)
check(r.returncode == 2, "an unknown role is a usage error")

# --- the studio -----------------------------------------------------------------------
subprocess.run([BIN, "keygen", "--out", os.path.join(TMP, "ki")], check=True, capture_output=True)
pub = open(os.path.join(TMP, "ki.pub")).read().split("\n")[1].strip()
config = "[publish]\nkey = %s/ki.key\ndir = %s\nvalid_days = 30\n" % (TMP, WWW)
st = Studio(TMP, DATA, config)
anna, ed, nobody = Client(st), Client(st), Client(st)

status, out, resp = nobody.request("GET", "/api/items")
check(status == 401, "without a login the API answers 401", (status, out))
status, page, resp = nobody.request("GET", "/")
csp = resp.getheader("Content-Security-Policy", "")
check(status == 200 and "script-src 'self'" in csp and "unsafe-inline" not in csp,
      "the page is served with a CSP that allows no inline script", csp)
html = page.decode()
check("<script>" not in html and " on" not in html.replace("\n", " ").split("<body")[1][:0] and
      "onclick" not in html and "http://" not in html and "https://" not in html,
      "index.html has no inline script and loads nothing from elsewhere")

status, out, _ = anna.request("POST", "/api/login", {"user": "anna", "password": "falsch-falsch"})
check(status == 401 and "wrong" in out["error"], "a wrong password is refused", (status, out))
status, out, resp = anna.login("anna", PW_ANNA)
check(status == 200 and out["role"] == "publisher" and len(out["csrf"]) == 64,
      "login returns the role and a CSRF token", out)
cookie = anna.set_cookie or ""
check("HttpOnly" in cookie and "SameSite=Strict" in cookie and "Max-Age=" in cookie and
      "Secure" not in cookie, "the session cookie is HttpOnly, SameSite=Strict and expires", cookie)
status, out, _ = anna.request("POST", "/api/login", {"user": "anna", "password": PW_ANNA},
                              content_type="text/plain")
check(status == 415, "a login that is not JSON is refused (no cross-site form posts)", status)
ed.login("ed", PW_ED)

# --- CSRF -----------------------------------------------------------------------------
event = {"kind": "event", "title": {"de": "Sprachcafé", "ar": "مقهى اللغة"},
         "description": {"de": "Deutsch üben bei Kaffee und Tee.", "ar": "تدرّب على الألمانية مع القهوة والشاي."},
         "start": "2027-03-22T17:00", "end": "2027-03-22T19:00",
         "place": {"de": "Stadtbücherei", "ar": "مكتبة المدينة"},
         "address": "Alter Steinweg 11, 48143 Münster"}
status, out, _ = anna.request("POST", "/api/items", {"item": event}, csrf=False)
check(status == 403 and "CSRF" in out["error"], "a change without X-CSRF-Token is refused", out)
status, out, _ = anna.request("POST", "/api/items", {"item": event},
                              headers={"X-CSRF-Token": "0" * 64}, csrf=False)
check(status == 403, "a change with a wrong X-CSRF-Token is refused", out)
status, out, _ = anna.request("POST", "/api/items", {"item": event},
                              headers={"X-CSRF-Token": ed.csrf}, csrf=False)
check(status == 403, "another session's CSRF token is refused", out)
status, out, _ = anna.request("GET", "/api/items")
check(status == 200 and out["items"] == [], "nothing was created by the refused requests", out)

# --- CRUD -----------------------------------------------------------------------------
status, out, _ = ed.request("POST", "/api/items", {"item": event})
check(status == 201 and out["item"]["id"] == "sprachcafe" and out["revision"] == 1,
      "create: the id is made from the German title", out)
eid = out["item"]["id"]
status, out, _ = ed.request("GET", "/api/items/" + eid)
check(status == 200 and out["item"]["title"]["ar"] == "مقهى اللغة" and out["modified_by"] == "ed",
      "read back: Arabic text intact, who changed it", out)
status, out, _ = ed.request("POST", "/api/items", {"item": dict(event, id="sprachcafe")})
check(status == 409 and out.get("msgid") == 'id: "%s" is already used by another item' and
      out.get("args") == ["sprachcafe"],
      "create with a taken id is refused (its msgid and values for the page's words)", out)
changed = dict(event, id=eid, room="Raum 2")
status, out, _ = ed.request("PUT", "/api/items/" + eid, {"item": changed, "revision": 1})
check(status == 200 and out["revision"] == 2 and out["item"]["room"] == "Raum 2",
      "update with the current revision", out)
theirs = dict(event, id=eid, room="Raum 3")
status, out, _ = anna.request("PUT", "/api/items/" + eid, {"item": theirs, "revision": 1})
check(status == 409 and out["yours"]["room"] == "Raum 3" and
      out["theirs"]["item"]["room"] == "Raum 2" and out["theirs"]["modified_by"] == "ed",
      "a save over someone else's newer change is refused, with both versions", out)
status, out, _ = anna.request("GET", "/api/items/" + eid)
check(out["item"]["room"] == "Raum 2", "the newer change stands")
status, out, _ = ed.request("PUT", "/api/items/" + eid, {"item": dict(changed, id="anders"),
                                                         "revision": 2})
check(status == 400, "an item keeps its id on update", out)
# a required text blank after trimming (only spaces, only invisible characters, no German text,
# missing) is refused with the field named: such an event showed "event" as its heading
for kind, field, value, msgid in [
        ("event", "title.de", {"de": "   ", "ar": "مقهى"}, "empty"),
        ("event", "title", "\u200b\u00a0\u2060", "only invisible characters"),
        ("event", "title", {"ar": "مقهى"}, "no German text"),
        ("contact", "title", None, "missing ("),
        ("offer", "description.de", {"de": "\t \n"}, "empty")]:
    item = {"kind": kind, "title": {"de": "Beratung"}}
    if kind == "event":
        item.update(start="2026-12-09T17:00", end="2026-12-09T19:00")
    if kind == "offer":
        item["description"] = {"de": "Rat"}
    root = field.split(".")[0]
    if value is None:
        del item[root]
    else:
        item[root] = value
    status, out, _ = ed.request("POST", "/api/items", {"item": item})
    fields = [p["field"] for p in out.get("problems", [])]
    check(status == 400 and field in fields and
          out.get("msgid", "").startswith("%s: required, but blank") and out.get("args") == [root] and
          all(p["msgid"].startswith(msgid) for p in out["problems"] if p["field"] == field),
          "create with a blank %s (%s) is refused naming the field" % (field, kind), out)
status, out, _ = ed.request("GET", "/api/items")
check([e["item"]["id"] for e in out["items"]] == [eid], "nothing was saved by the blank ones", out)
status, out, _ = ed.request("PUT", "/api/items/" + eid, {"item": dict(changed, title={"de": " "}),
                                                         "revision": 2})
check(status == 400 and "title.de" in [p["field"] for p in out.get("problems", [])],
      "an update to a blank title is refused", out)
status, out, _ = ed.request("GET", "/api/items/" + eid)
check(out["item"]["title"]["de"] == event["title"]["de"] and out["revision"] == 2,
      "... and the saved item is as it was", out)
# --- the settings (centre name, start language): a revision and an ETag like an item's ----
status, out, resp = anna.request("GET", "/api/bundle")
etag = resp.getheader("ETag", "")
check(status == 200 and out["revision"] == 1 and etag == '"settings-1"' and
      out["bundle"]["organisation"]["de"] == "Kommunales Integrationszentrum",
      "GET /api/bundle: the settings, their revision and an ETag naming it", (status, out, etag))
status, out, _ = anna.request("GET", "/api/items")
check(out.get("bundle_meta", {}).get("revision") == 1, "the items' answer names the settings' revision too", out.get("bundle_meta"))
status, out, _ = ed.request("PUT", "/api/bundle", {"organisation": {"de": "KI Ohne Revision"}})
check(status == 428 and "revision" in out["error"] and out.get("msgid"),
      "a settings save naming no revision is refused (428), not taken as the last word", out)
status, out, resp = ed.request("PUT", "/api/bundle", {"organisation": {"de": "KI Münster", "ar-SY": "مركز الاندماج"},
                                                      "default_language": "de", "revision": 1})
check(status == 200 and out["revision"] == 2 and out["modified_by"] == "ed" and
      resp.getheader("ETag") == '"settings-2"', "ed saves the settings from revision 1", out)
# anna's tab still shows revision 1: her save must not silently undo ed's
status, out, resp = anna.request("PUT", "/api/bundle", {"organisation": {"de": "KI Kreis Steinfurt"},
                                                        "default_language": "ar-SY"},
                                 headers={"If-Match": '"settings-1"'})
check(status == 409 and out["theirs"]["modified_by"] == "ed" and out["theirs"]["revision"] == 2 and
      out["theirs"]["bundle"]["organisation"]["ar-SY"] == "مركز الاندماج" and
      out["yours"]["organisation"]["de"] == "KI Kreis Steinfurt" and
      out.get("msgid") == "the settings were changed by %s at %s (revision %lld, yours %lld)" and
      out["args"][0] == "ed" and resp.getheader("ETag") == '"settings-2"',
      "a stale settings save (If-Match: revision 1) is refused with both versions and who saved", out)
status, out, _ = anna.request("PUT", "/api/bundle", {"organisation": {"de": "KI Kreis Steinfurt"}, "revision": 1})
check(status == 409, "... and so is one naming revision 1 in the body", out)
status, out, _ = anna.request("GET", "/api/bundle")
check(out["bundle"]["organisation"] == {"de": "KI Münster", "ar-SY": "مركز الاندماج"} and
      out["bundle"].get("default_language") == "de" and out["revision"] == 2,
      "ed's settings stand after both refused saves", out)
status, out, _ = anna.request("PUT", "/api/bundle", {"organisation": {"de": "KI Münster", "ar-SY": "مركز الاندماج"},
                                                     "default_language": "ar-SY", "revision": 2})
check(status == 200 and out["revision"] == 3 and out["bundle"]["default_language"] == "ar-SY" and
      out["modified_by"] == "anna", "anna, having seen ed's version, saves from revision 2", out)
status, out, _ = anna.request("PUT", "/api/bundle", {"colour": "red", "revision": 3})
check(status == 400 and out["error"].startswith("colour: not a field"), "an unknown settings field is still refused", out)
meta = json.load(open(os.path.join(DATA, "draft-meta.json")))
check(meta.get("bundle", {}).get("revision") == 3, "the settings' revision is kept in draft-meta.json (a restart keeps it)", meta.get("bundle"))
status, out, _ = anna.request("PUT", "/api/bundle", {"organisation": {"de": "Kommunales Integrationszentrum"},
                                                     "default_language": None, "revision": 3})
check(status == 200 and "default_language" not in out["bundle"], "the settings back as they were (revision 4)", out)

# --- languages: names, names in themselves and direction from the kiosk's locale data ------
status, out, _ = ed.request("GET", "/api/languages?tags=ar-SY,fa-AF,ku-Arab,AR,tr,zz-Qaaa")
by = {l["tag"]: l for l in out.get("languages", [])}
check(status == 200 and by["ar-SY"]["name"]["de"] == "Arabisch (Syrien)" and
      by["ar-SY"]["autonym"].startswith("العربية") and by["ar-SY"]["dir"] == "rtl" and
      by["fa-AF"]["name"]["de"] == "Dari" and by["fa-AF"]["dir"] == "rtl" and
      by["ku-Arab"]["dir"] == "rtl" and by["ku-Arab"]["name"]["de"].startswith("Kurdisch") and
      by["AR"]["dir"] == "rtl" and by["tr"]["dir"] == "ltr" and by["tr"]["autonym"] == "Türkçe" and
      by["tr"]["name"]["en"] == "Turkish" and by["de-x-ls"]["name"]["de"] == "Leichte Sprache" and
      not by["zz-Qaaa"]["known"] and by["zz-Qaaa"]["name"]["de"] == "zz-Qaaa",
      "GET /api/languages: German and English names, the name in itself and the direction, "
      "unknown tags as they are", out)
check(out["offered"][:3] == ["de", "de-x-ls", "en"] and "ar" in out["offered"],
      "... and the languages the studio offers to add", out.get("offered"))
status, out, _ = ed.request("GET", "/api/languages?tags=ar,%3Cscript%3E")
check(status == 400 and "not a language tag" in out["error"], "a tag that is no tag is refused", out)
status, out, _ = ed.request("GET", "/api/languages?tags=" + ",".join("x%d" % i for i in range(200)))
check(status == 400 and "at most" in out["error"], "at most LF_STUDIO_MAX_LANGUAGE_QUERY tags at once", out)

# other problems do not stop a save: a draft may be unfinished
status, out, _ = ed.request("POST", "/api/items", {"item": {"kind": "contact", "title": "Halb",
                                                            "email": "kein-at-zeichen"}})
check(status == 201, "an unfinished item with other errors is still saved", out)
ed.request("DELETE", "/api/items/%s?revision=1" % out["item"]["id"])
offer = {"kind": "offer", "title": {"de": "Wegweiser-Beratung"},
         "description": {"de": "Beratung zu Aufenthalt, Arbeit und Schule."},
         "hours": {"ranges": [{"days": ["mo", "tu"], "from": "09:00", "to": "12:00"}]}}
status, out, _ = ed.request("POST", "/api/items", {"item": offer})
oid = out["item"]["id"]
tmp_item = {"kind": "contact", "id": "weg-damit", "title": "Zum Löschen"}
ed.request("POST", "/api/items", {"item": tmp_item})
status, out, _ = ed.request("DELETE", "/api/items/weg-damit?revision=1")
check(status == 200, "delete", out)
status, out, _ = ed.request("GET", "/api/items/weg-damit")
check(status == 404, "a deleted item is gone", out)
status, out, _ = ed.request("POST", "/api/order", {"ids": [oid, eid]})
status, out, _ = ed.request("GET", "/api/items")
check([e["item"]["id"] for e in out["items"]] == [oid, eid], "items can be put in order", out)
status, out, _ = ed.request("POST", "/api/order", {"ids": [oid]})
check(status == 400, "an order that leaves an item out is refused", out)

# --- validation at the field ----------------------------------------------------------
bad = dict(event, id=eid, start="22.03.2027 17:00", url="www.stadt-muenster.de")
status, out, _ = ed.request("POST", "/api/validate", {"item": bad})
fields = {(p["item"], p["field"]) for p in out["problems"] if p["severity"] == "error"}
check(status == 200 and not out["valid"] and (eid, "start") in fields and (eid, "url") in fields,
      "validate maps each problem to its item and field", out)
msg = [p["text"] for p in out["problems"] if p["field"] == "start"][0]
check("content.json:" in msg and "items[1].start" in msg and "not a date-time" in msg,
      "the messages are those of `litfass validate`", msg)
# a zero-width space pasted with a title: a warning at the field (not an error), whose msgid
# the page has German words for (web/messages.js), not the "technical note" in English
pasted = dict(event, id=eid, title={"de": "Sprach\u200bcaf\u00e9", "ar": event["title"]["ar"]})
status, out, _ = ed.request("POST", "/api/validate", {"item": pasted})
warned = [p for p in out.get("problems", []) if p["item"] == eid and p["field"] == "title.de"]
msgs_js = open(os.path.join(SRC, "src", "studio", "web", "messages.js"), encoding="utf-8").read()
keys = {k.replace("\\'", "'").replace("\\\\", "\\")
        for k in re.findall(r"^ *'((?:[^'\\]|\\.)*)':", msgs_js, re.M)}
check(status == 200 and out["valid"] and len(warned) == 1 and warned[0]["severity"] == "warning" and
      warned[0]["args"] == ["7", "de"] and warned[0]["msgid"] in keys,
      "a zero-width space in a title is a warning at the field, with German words in the page",
      out)
status, out, _ = ed.request("GET", "/api/items/" + eid)
check(out["item"]["start"] == event["start"], "validating an unsaved item changes nothing")
status, out, _ = ed.request("POST", "/api/validate")
ar = [l for l in out.get("languages", []) if l["lang"] == "ar"]
check(status == 200 and out["valid"] and ar and oid in ar[0]["missing"] and
      ar[0]["translated"] + len(ar[0]["missing"]) == ar[0]["items"] == 2,
      "validate of the draft: valid, with what is missing per language", out)

# --- previews by the real renderer ----------------------------------------------------
status, png, resp = ed.request("GET", "/api/preview/%s.png?size=800x480&lang=ar" % eid)
check(status == 200 and png_size(png) == (800, 480) and int(resp.getheader("X-Litfass-Pages")) >= 1,
      "preview PNG, landscape 800x480, Arabic", (status, png[:200]))
with open(os.path.join(TMP, "preview-ar-800x480.png"), "wb") as f:
    f.write(png)
status, png2, resp = ed.request("GET", "/api/preview/%s.png?size=1080x1920&lang=de" % eid)
check(status == 200 and png_size(png2) == (1080, 1920), "preview PNG, portrait 1080x1920")
long_text = dict(offer, id=oid, description={"de": " ".join(["Beratung zu Aufenthalt, Arbeit, Schule und Ausbildung."] * 60)})
status, png3, resp = ed.request("POST", "/api/preview?size=800x480", {"item": long_text})
check(status == 200 and int(resp.getheader("X-Litfass-Pages")) > 1,
      "an unsaved long text is previewed with its page count", resp.getheader("X-Litfass-Pages"))
status, png4, resp = ed.request("POST", "/api/preview?size=800x480&page=2", {"item": long_text})
check(status == 200 and png4 != png3, "page 2 of a long text")
status, out, _ = ed.request("GET", "/api/preview/%s.png?size=99999x2" % eid)
check(status == 400, "a preview size out of range is refused", out)
status, out, _ = ed.request("POST", "/api/preview", {"item": bad})
check(status == 422 and any(p["field"] == "start" for p in out["problems"]),
      "a preview of an item with errors says which fields", out)

# --- images -----------------------------------------------------------------------------
poster = open(os.path.join(SRC, "assets/content/images/poster-wochen-gegen-rassismus.png"), "rb").read()
status, out, _ = ed.request("PUT", "/api/images/plakat-sprachcafe.png", raw=poster)
check(status == 201 and out["path"] == "images/plakat-sprachcafe.png" and out["width"] > 0,
      "an image upload is stored and measured", out)


def png_header(w, h):
    ihdr = struct.pack(">IIBBBBB", w, h, 8, 6, 0, 0, 0)
    chunk = b"IHDR" + ihdr
    return (b"\x89PNG\r\n\x1a\n" + struct.pack(">I", len(ihdr)) + chunk +
            struct.pack(">I", zlib.crc32(chunk)) + b"\0" * 64)


status, out, _ = ed.request("PUT", "/api/images/riesig.png", raw=png_header(50000, 50000))
check(status == 422 and "pixels" in out["error"] and out.get("msgid", "").startswith("%s: %d x %d pixels")
      and out.get("args", [])[:3] == ["riesig.png", "50000", "50000"],
      "an image of 50000x50000 pixels is refused from its header (with msgid and values for the "
      "page's translation)", out)
status, out, _ = ed.request("PUT", "/api/images/text.png", raw=b"just text, not a picture")
check(status == 422 and "not a PNG, JPEG, GIF or WebP" in out["error"], "a file that is no image is refused", out)


def raw_request(lines):
    s = socket.create_connection(("127.0.0.1", st.port), timeout=30)
    s.sendall(("\r\n".join(lines) + "\r\n\r\n").encode())
    data = b""
    while True:
        chunk = s.recv(65536)
        if not chunk:
            break
        data += chunk
        if b"\r\n\r\n" in data and b"}" in data:
            break
    s.close()
    return data.decode("latin-1")


answer = raw_request(["PUT /api/images/gross.png HTTP/1.1", "Host: 127.0.0.1",
                      "Cookie: " + ed.cookie, "X-CSRF-Token: " + ed.csrf,
                      "Content-Length: %d" % (8 * 1024 * 1024 + 1)])
check(answer.startswith("HTTP/1.1 413"), "an upload over 8 MiB is refused before it is read",
      answer[:300])


def chunked_upload(name, chunks):
    """PUT in chunks without Content-Length; the studio may answer and close before the end."""
    s = socket.create_connection(("127.0.0.1", st.port), timeout=60)
    head = ["PUT /api/images/%s HTTP/1.1" % name, "Host: 127.0.0.1", "Cookie: " + ed.cookie,
            "X-CSRF-Token: " + ed.csrf, "Transfer-Encoding: chunked", "Connection: close"]
    s.sendall(("\r\n".join(head) + "\r\n\r\n").encode())
    try:
        for c in chunks:
            s.sendall(b"%x\r\n" % len(c) + c + b"\r\n")
        s.sendall(b"0\r\n\r\n")
    except (BrokenPipeError, ConnectionResetError):
        pass
    data = b""
    try:
        while True:
            chunk = s.recv(65536)
            if not chunk:
                break
            data += chunk
    except (ConnectionResetError, socket.timeout):
        pass
    s.close()
    return data.decode("latin-1")


answer = chunked_upload("gross2.png", [b"\0" * (1024 * 1024)] * 9)
check(answer.startswith("HTTP/1.1 413") and
      not os.path.exists(os.path.join(DATA, "draft/images/gross2.png")),
      "an upload over 8 MiB without Content-Length is cut off", answer[:300])
for name in ["..%2F..%2Fevil.png", "%2E%2E%2Fevil.png", ".htaccess.png", "a%5C..%5Cevil.png",
             "evil.sh", "..", "%2Fetc%2Fpasswd"]:
    status, out, _ = ed.request("PUT", "/api/images/" + name, raw=poster)
    check(status in (400, 404, 405), "upload name %s is refused" % urllib.parse.unquote(name), (status, out))
found = subprocess.run(["find", TMP, "-name", "evil*"], capture_output=True, text=True).stdout
check(found == "", "no file named by a refused upload exists anywhere", found)
check(sorted(os.listdir(os.path.join(DATA, "draft/images"))) == ["plakat-sprachcafe.png"],
      "the images folder holds only the accepted upload",
      os.listdir(os.path.join(DATA, "draft/images")))
status, img, resp = ed.request("GET", "/api/images/plakat-sprachcafe.png")
check(status == 200 and img == poster, "an uploaded image is served back for the form")

with_poster = dict(changed, image="images/plakat-sprachcafe.png")
status, out, _ = ed.request("PUT", "/api/items/" + eid, {"item": with_poster, "revision": 2})
check(status == 200, "the event gets the poster", out)

# --- roles and publishing ----------------------------------------------------------------
status, out, _ = ed.publish("/api/publish")
check(status == 403 and "editor" in out["error"], "an editor cannot publish", out)
check(not os.path.exists(os.path.join(WWW, "content.json")), "nothing was published by the editor")
status, out, _ = ed.request("GET", "/api/audit")
check(status == 403, "an editor cannot read the audit log")
status, out, _ = anna.publish("/api/publish", {"note": "erste Version"})
check(status == 200 and out["version"]["serial"] == 1 and out["version"]["delivered"] == ["dir"],
      "a publisher publishes: version 1 delivered to the folder", out)
v = subprocess.run([BIN, "validate", WWW, "--key", os.path.join(TMP, "ki.pub")],
                   capture_output=True, text=True)
check(v.returncode == 0, "the published folder is a valid bundle signed with the key", v.stdout + v.stderr)
published = json.load(open(os.path.join(WWW, "content.json")))
check(published["serial"] == 1 and [i["id"] for i in published["items"]] == [oid, eid] and
      published["files"][0]["path"] == "images/plakat-sprachcafe.png",
      "the published manifest: serial, items in order, the poster in files", published)
leftover = subprocess.run(["find", WWW, DATA, "-name", "*.tmp"], capture_output=True, text=True).stdout
check(leftover == "", "no temp files left behind", leftover)

# nothing to publish: the draft is what version 1 holds, delivered to the folder, still there
nothing = lambda: anna.request("GET", "/api/changes")[1]["nothing_to_publish"]
check(nothing() is True, "right after publishing: nothing_to_publish")
# a picture uploaded again under the same name (no entry changes): something to publish
other = open(os.path.join(SRC, "assets/content/images/%s" % sorted(
    n for n in os.listdir(os.path.join(SRC, "assets/content/images")) if n.endswith(".png") and n != "poster-wochen-gegen-rassismus.png")[0]), "rb").read()
check(anna.request("PUT", "/api/images/plakat-sprachcafe.png", raw=other)[0] == 201 and nothing() is False,
      "another picture under the same name: something to publish")
check(anna.request("PUT", "/api/images/plakat-sprachcafe.png", raw=poster)[0] == 201 and nothing() is True,
      "the published picture again: nothing to publish")
# version 1 past half its validity (its record made 20 days older): publishing renews it
record = os.path.join(DATA, "versions/1.json")
kept_record = open(record).read()
meta = json.loads(kept_record)
meta.update(created=time.strftime("%Y-%m-%dT%H:%MZ", time.gmtime(time.time() - 20 * 86400)),
            expires=time.strftime("%Y-%m-%dT%H:%MZ", time.gmtime(time.time() + 10 * 86400)))
with open(record, "w") as f:
    json.dump(meta, f)
check(nothing() is False, "the newest version past half its validity: something to publish (renewed)")
with open(record, "w") as f:
    f.write(kept_record)
# the folder lost the live manifest's picture
img = os.path.join(WWW, "images/plakat-sprachcafe.png")
kept_img = open(img, "rb").read()
os.remove(img)
check(nothing() is False, "the web folder lost a picture of the version: something to publish")
with open(img, "wb") as f:
    f.write(kept_img)
check(nothing() is True, "the picture back: nothing to publish")

# a kiosk installs exactly what was published
cache = os.path.join(TMP, "cache")
kconf = os.path.join(TMP, "kiosk.conf")
with open(kconf, "w") as f:
    f.write("[sync]\nurl = http://127.0.0.1:%d/content.json\nallow_http = true\n"
            "trusted_keys = %s\ncache_dir = %s\n" % (NGX_PORT, pub, cache))


def sync_once():
    return subprocess.run([BIN, "sync", "--once", "--config", kconf], capture_output=True, text=True)


def installed_equals(version_dir):
    cur = os.path.join(cache, "current")
    names = []
    for root, _, files in os.walk(version_dir):
        for n in files:
            names.append(os.path.relpath(os.path.join(root, n), version_dir))
    same = all(open(os.path.join(cur, n), "rb").read() == open(os.path.join(version_dir, n), "rb").read()
               for n in names)
    return same and len(names) >= 2


r = sync_once()
check(r.returncode == 0 and "installed" in r.stdout, "litfass sync --once installs the published bundle",
      r.stdout + r.stderr)
check(installed_equals(os.path.join(DATA, "versions/1")),
      "the kiosk's installed bundle is byte for byte version 1")

# a second version, then version 1 again as a new serial
upd = dict(with_poster, title={"de": "Sprachcafé (neu)", "ar": "مقهى اللغة"})
status, out, _ = anna.request("GET", "/api/items/" + eid)
status, out, _ = anna.request("PUT", "/api/items/" + eid, {"item": upd, "revision": out["revision"]})
status, out, _ = anna.publish("/api/publish")
check(status == 200 and out["version"]["serial"] == 2, "version 2 published", out)
r = sync_once()
check(r.returncode == 0 and installed_equals(os.path.join(DATA, "versions/2")),
      "the kiosk installs version 2", r.stdout + r.stderr)
status, out, _ = anna.publish("/api/versions/1/publish")
check(status == 200 and out["version"]["serial"] == 3 and out["version"]["again_from"] == 1,
      "publishing version 1 again makes serial 3", out)
v3 = json.load(open(os.path.join(DATA, "versions/3/content.json")))
v1 = json.load(open(os.path.join(DATA, "versions/1/content.json")))
check(v3["items"] == v1["items"] and v3["serial"] == 3, "version 3 holds version 1's items")
check(anna.request("GET", "/api/changes")[1]["nothing_to_publish"] is False,
      "version 1 again while the draft holds version 2's texts: something to publish")
r = sync_once()
check(r.returncode == 0 and installed_equals(os.path.join(DATA, "versions/3")),
      "the kiosk accepts the rollback as newer (serial 3)", r.stdout + r.stderr)
status, out, _ = ed.request("GET", "/api/versions")
check(status == 200 and [x["serial"] for x in out["versions"]] == [3, 2, 1] and
      out["versions"][2]["note"] == "erste Version", "versions are listed newest first", out)
status, out, _ = anna.publish("/api/versions/99/publish")
check(status == 404, "publishing a version that does not exist", out)
status, out, _ = anna.request("GET", "/api/audit")
actions = [(e["user"], e["action"]) for e in out["entries"]]
check(("ed", "create") in actions and ("ed", "change") in actions and ("anna", "publish") in actions
      and ("anna", "login-failed") in actions, "the audit log records who did what", actions)

# a broken draft cannot be published
status, out, _ = anna.request("GET", "/api/items/" + oid)
status, out, _ = anna.request("PUT", "/api/items/" + oid,
                              {"item": dict(offer, id=oid, url="kein-link"), "revision": out["revision"]})
status, out, _ = anna.publish("/api/publish")
check(status == 422 and any(p["field"] == "url" for p in out["problems"]),
      "a bundle with errors is not published; the problems are listed", out)
check(json.load(open(os.path.join(WWW, "content.json")))["serial"] == 3, "the web folder keeps version 3")

# --- throttling -------------------------------------------------------------------------
thief = Client(st)
codes = [thief.request("POST", "/api/login", {"user": "ed", "password": "rate-mal-%d" % i})[0]
         for i in range(5)]
status, out, resp = thief.request("POST", "/api/login", {"user": "ed", "password": PW_ED})
check(codes == [401] * 5 and status == 429 and int(resp.getheader("Retry-After")) > 0,
      "after 5 wrong passwords even the right one waits (429, Retry-After)", (codes, status, out))
status, out, _ = Client(st).request("POST", "/api/login", {"user": "ada", "password": PW_ADA})
check(status == 200, "another user from the same address still logs in (5 failures block a name)", status)
# a success from the address forgets its failures: 20 more block it
codes = [thief.request("POST", "/api/login", {"user": "nobody%d" % i, "password": "x" * 12})[0]
         for i in range(20)]
status, out, _ = Client(st).request("POST", "/api/login", {"user": "anna", "password": PW_ANNA})
check(status == 429, "after 20 failures from one address every name from it waits", (codes, status))
status, out, _ = ed.request("GET", "/api/items")
check(status == 200, "sessions that are logged in go on working")
r = subprocess.run([BIN, "studio", "user", "passwd", "ed", "--data", DATA], input="Neues-Passwort-1\n",
                   capture_output=True, text=True)
status, out, _ = ed.request("GET", "/api/items")
check(r.returncode == 0 and status == 401 and "password" in out["error"],
      "a new password ends the sessions opened with the old one", (r.stderr, status, out))
status, out, _ = anna.request("GET", "/api/items")
check(status == 200, "other users' sessions go on")
check(st.stopped_cleanly(), "the studio stops cleanly on SIGTERM (exit 0, no sanitizer report)", st.stderr[-3000:])

# --- session expiry -----------------------------------------------------------------------
# 10 s: the request right after the login must come within them (with 3 s a loaded machine
# running the sanitizer build could take longer between the two); the idle wait is what
# makes the session end, so it is longer than session_seconds however slow the machine
st2 = Studio(TMP, DATA, config + "[studio]\nsession_seconds = 10\n")
c = Client(st2)
c.login("ada", PW_ADA)
status, out, _ = c.request("GET", "/api/users")
check(status == 200 and {"name": "ed", "role": "editor"} in out["users"], "an admin lists the users", out)
time.sleep(11.5)
status, out, _ = c.request("GET", "/api/items")
check(status == 401 and "expired" in out["error"], "a session ends after session_seconds idle", out)
check(c.request("GET", "/api/items")[0] == 401, "and stays ended")
check(st2.stopped_cleanly(), "the studio stops cleanly on SIGTERM (exit 0, no sanitizer report)", st2.stderr[-3000:])

# --- refusals at start ------------------------------------------------------------------
r = subprocess.run([BIN, "studio", "--data", DATA, "--listen", "0.0.0.0:0"], capture_output=True,
                   text=True, timeout=30)
check(r.returncode == 1 and "TLS" in r.stderr, "serving other machines without TLS is refused", r.stderr)
os.chmod(os.path.join(TMP, "ki.key"), 0o644)
p = os.path.join(TMP, "open-key.conf")
open(p, "w").write(config)
r = subprocess.run([BIN, "studio", "--data", DATA, "--listen", "127.0.0.1:0", "--config", p],
                   capture_output=True, text=True, timeout=30)
check(r.returncode == 1 and "readable by others" in r.stderr,
      "a signing key that others can read stops the studio", r.stderr)
os.chmod(os.path.join(TMP, "ki.key"), 0o600)

sys.exit(t.finish())
