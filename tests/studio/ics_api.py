"""POST /api/import/ics against a real studio on 127.0.0.1 (tests/cli_studio_ics.sh). The
feed is written with dates from today on, so the test does not age."""
import datetime
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from studio import BIN, Checks, Client, Studio, add_user, free_port  # noqa: E402
import json  # noqa: E402
import subprocess  # noqa: E402
import time  # noqa: E402

TMP = os.environ["STUDIO_TMP"]
DATA = os.path.join(TMP, "data")
PW = "Mohnblume-2026"
t = Checks()
check = t.check

day = datetime.date.today() + datetime.timedelta(days=7)
d1 = day.strftime("%Y%m%d")
d2 = (day + datetime.timedelta(days=3)).strftime("%Y%m%d")


def feed(cafe_title="Sprachcafé", cafe_room="Raum 1", with_fest=True, broken=False):
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Test//Outlook-like//DE",
             "BEGIN:VEVENT", "UID:cafe-1@ki.example", "DTSTAMP:20261101T120000Z",
             "DTSTART;TZID=W. Europe Standard Time:%sT170000" % d1,
             "DTEND;TZID=W. Europe Standard Time:%sT190000" % d1,
             "RRULE:FREQ=WEEKLY;COUNT=3", "SUMMARY:" + cafe_title, "LOCATION:" + cafe_room,
             "END:VEVENT"]
    if with_fest:
        lines += ["BEGIN:VEVENT", "UID:fest-2@ki.example", "DTSTAMP:20261101T120000Z",
                  "DTSTART;VALUE=DATE:" + d2, "SUMMARY:Fest der Kulturen",
                  "LOCATION:Marktplatz", "END:VEVENT"]
    if broken:
        lines += ["BEGIN:VEVENT", "UID:x", "DTSTART:kaputt", "SUMMARY:Kaputt"]
    else:
        lines += ["END:VCALENDAR"]
    return ("\r\n".join(lines) + "\r\n").encode()


NGX_PORT = int(os.environ["NGX_PORT"])
WWW = os.path.join(TMP, "www")
add_user(DATA, "anna", "publisher", PW)
subprocess.run([BIN, "keygen", "--out", os.path.join(TMP, "ki")], check=True, capture_output=True)
PUB = os.path.join(TMP, "published")
st = Studio(TMP, DATA, "[publish]\nkey = %s/ki.key\ndir = %s\n" % (TMP, PUB))
anna = Client(st)
anna.login("anna", PW)


def upload(data, query="?name=stadtkalender.ics&tag=Stadtkalender"):
    return anna.request("POST", "/api/import/ics" + query, raw=data,
                        headers={"Content-Type": "text/calendar"})


def items():
    return {e["item"]["id"]: e for e in anna.request("GET", "/api/items")[1]["items"]}


try:
    status, out, _ = Client(st).request("POST", "/api/import/ics", raw=feed())
    check(status == 401, "an import needs a login", status)

    status, out, _ = upload(feed())
    check(status == 200 and out["entries"] == 2 and out["events"] == 4 and out["added"] == 4 and
          len(out["changed"]) == 4, "an upload: 2 entries, the weekly series expanded, 4 events "
          "added", out)
    it = items()
    ics = sorted(i for i in it if i.startswith("ics-"))
    cafe = [i for i in ics if it[i]["item"]["title"].get("de", it[i]["item"]["title"])
            == "Sprachcafé" if isinstance(it[i]["item"]["title"], dict)] or \
           [i for i in ics if "Sprachcaf" in str(it[i]["item"]["title"])]
    check(len(ics) == 4 and len(cafe) == 3 and all(it[i]["modified_by"] == "anna" for i in ics),
          "the events are draft items made by the importing user", it)
    first = cafe[0]
    check(it[first]["item"]["start"].endswith("T17:00") and
          "Stadtkalender" in str(it[first]["item"].get("tags")),
          "Windows time zone read: 17:00 in Berlin; the tag added", it[first]["item"])
    status, ch, _ = anna.request("GET", "/api/changes")
    check(status == 200 and sum(1 for c in ch["changes"] if c["status"] == "added") == 4,
          "the imported events are listed as changes waiting to be published", ch)

    status, out, _ = upload(feed())
    check(status == 200 and out["added"] == 0 and out["updated"] == 0 and out["changed"] == [],
          "the same feed again changes nothing (no duplicates)", out)

    # a hand edit in the studio, then the calendar changes the same event and another
    entry = it[first]
    edited = dict(entry["item"], room="Großer Saal (von Hand)")
    status, out, _ = anna.request("PUT", "/api/items/" + first,
                                  {"item": edited, "revision": entry["revision"]})
    check(status == 200, "an imported event edited by hand", out)
    status, out, _ = upload(feed(cafe_room="Raum 7"))
    check(status == 200 and out["kept_edited"] == 1 and out["updated"] == 2 and
          any(first in n["text"] and n["msgid"].startswith("kept %s") and n["args"][0] == first
              for n in out["notes"]),
          "re-import: the hand-edited event is kept and named in the notes, the others updated",
          out)
    it = items()
    check(it[first]["item"].get("room") == "Großer Saal (von Hand)" and
          all(it[i]["item"].get("room", it[i]["item"].get("place", "")) != "Raum 1"
              for i in cafe[1:]) and "Raum 7" in str(it[cafe[1]]["item"]),
          "the hand edit stands; the other occurrences have the new room", it[cafe[1]]["item"])

    status, out, _ = upload(feed(cafe_room="Raum 7", with_fest=False))
    it = items()
    check(status == 200 and out["removed"] == 1 and
          not any("Fest der Kulturen" in str(e["item"]) for e in it.values()),
          "an event gone from the feed is removed from the draft", out)

    before = items()
    status, out, _ = upload(feed(broken=True))
    check(status == 422 and "stadtkalender.ics:" in out["error"] and
          any(p["line"] > 0 for p in out["problems"]) and items() == before,
          "a broken feed is refused with its line; the draft is unchanged", out)
    status, out, _ = upload(b"kein Kalender")
    check(status == 422 and items() == before, "something that is no calendar is refused", out)
    # --- a calendar fetched once from its address (nginx on 127.0.0.1) ---------------------
    def once_feed(room):
        return (feed(cafe_title="Nähcafé", cafe_room=room).replace(b"cafe-1@", b"naeh-1@")
                .replace(b"fest-2@", b"fest-5@").replace(b"Fest der Kulturen", b"Hoffest"))

    with open(os.path.join(WWW, "einmal.ics"), "wb") as f:
        f.write(once_feed("Raum 5"))
    once = "http://127.0.0.1:%d/einmal.ics" % NGX_PORT
    status, out, _ = Client(st).request("POST", "/api/import/ics-url", {"url": once})
    check(status == 401, "an import from an address needs a login", status)
    status, out, _ = anna.request("POST", "/api/import/ics-url", {"url": once}, csrf=False)
    check(status == 403, "... and the CSRF token", status)
    status, out, _ = anna.request("POST", "/api/import/ics-url", {"url": "file:///etc/passwd"})
    check(status == 400 and out.get("field") == "url", "only http(s) addresses are fetched", out)
    status, out, _ = anna.request("POST", "/api/import/ics-url", {"url": once})
    check(status == 400 and out.get("code") == "ics-url-http",
          "plain http:// only when asked for (allow_http)", out)
    before = items()
    status, out, _ = anna.request("POST", "/api/import/ics-url",
                                  {"url": once, "allow_http": True, "tag": "Nähen"})
    it = items()
    naeh = sorted(i for i, e in it.items() if "Nähcaf" in str(e["item"]))
    check(status == 200 and out["source"] == once and out["added"] == 4 and len(naeh) == 3 and
          all(it[i]["modified_by"] == "anna" and "Nähen" in str(it[i]["item"].get("tags"))
              for i in naeh),
          "a calendar fetched once by its address: 4 events added as draft changes by anna", out)
    check(set(before) <= set(it) and all(it[i]["item"] == before[i]["item"] for i in before),
          "the events of the uploaded calendar stay as they were", sorted(set(before) - set(it)))
    status, ch, _ = anna.request("GET", "/api/changes")
    check(all(any(c["item"]["id"] == i and c["status"] == "added" for c in ch["changes"]) for i in naeh),
          "... listed as changes waiting to be published", ch)
    status, out, _ = anna.request("POST", "/api/import/ics-url",
                                  {"url": once, "allow_http": True, "tag": "Nähen"})
    check(status == 200 and out["added"] == 0 and out["changed"] == [],
          "fetched again unchanged: nothing changes (no duplicates)", out)
    e = items()[naeh[0]]
    status, out, _ = anna.request("PUT", "/api/items/" + naeh[0], {
        "item": dict(e["item"], room="Werkstatt (von Hand)"), "revision": e["revision"]})
    check(status == 200, "a fetched event edited by hand", out)
    with open(os.path.join(WWW, "einmal.ics"), "wb") as f:
        f.write(once_feed("Raum 6"))
    status, out, _ = anna.request("POST", "/api/import/ics-url",
                                  {"url": once, "allow_http": True, "tag": "Nähen"})
    it = items()
    check(status == 200 and out["kept_edited"] == 1 and out["updated"] == 2 and
          any(naeh[0] in n["text"] for n in out["notes"]) and
          it[naeh[0]]["item"].get("room") == "Werkstatt (von Hand)" and
          "Raum 6" in str(it[naeh[1]]["item"]),
          "fetched again after a change: the hand edit is kept and named, the others updated", out)
    before = items()
    status, out, _ = anna.request("POST", "/api/import/ics-url",
                                  {"url": once.replace("einmal", "fehlt"), "allow_http": True})
    check(status == 502 and out.get("code") == "ics-fetch" and out.get("http_status") == 404 and
          out.get("reason") == "http" and items() == before,
          "an address that answers 404 is reported (reason 'http'); the draft is unchanged", out)
    status, out, _ = anna.request("POST", "/api/import/ics-url",
                                  {"url": "http://127.0.0.1:%d/kalender.ics" % free_port(), "allow_http": True})
    check(status == 502 and out.get("code") == "ics-fetch" and out.get("reason") == "connect" and
          out.get("http_status") == 0 and "127.0.0.1" in out.get("error", "") and items() == before,
          "a closed port is reported as no connection (reason 'connect'), libcurl's text kept", out)
    status, out, _ = anna.request("POST", "/api/import/ics-url",
                                  {"url": "https://127.0.0.1:%d/einmal.ics" % NGX_PORT})
    check(status == 502 and out.get("code") == "ics-fetch" and out.get("reason") == "tls" and
          items() == before,
          "https:// to a server that speaks no TLS is reported as a failed secure connection "
          "(reason 'tls')", out)
    # a server on 127.0.0.1 whose certificate nobody signed (made here with openssl)
    import http.server
    import ssl
    import threading
    key, crt = os.path.join(TMP, "selbst.key"), os.path.join(TMP, "selbst.crt")
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
             "-subj", "/CN=127.0.0.1", "-keyout", key, "-out", crt], check=True, capture_output=True)
    tls = http.server.ThreadingHTTPServer(("127.0.0.1", 0), http.server.SimpleHTTPRequestHandler)
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(crt, key)
    tls.socket = ctx.wrap_socket(tls.socket, server_side=True)
    threading.Thread(target=tls.serve_forever, daemon=True).start()
    try:
        status, out, _ = anna.request("POST", "/api/import/ics-url",
                                      {"url": "https://127.0.0.1:%d/kalender.ics" % tls.server_address[1]})
    finally:
        tls.shutdown()
    check(status == 502 and out.get("code") == "ics-fetch" and out.get("reason") == "certificate" and
          items() == before, "a server whose certificate is not trusted is reported so (reason "
          "'certificate'); nothing is fetched", out)
    with open(os.path.join(WWW, "riesig.ics"), "wb") as f:
        f.write(once_feed("Raum 5")[:-len(b"END:VCALENDAR\r\n")] +
                b"X-FILL:" + b"x" * (4 * 1024 * 1024) + b"\r\nEND:VCALENDAR\r\n")
    status, out, _ = anna.request("POST", "/api/import/ics-url",
                                  {"url": once.replace("einmal", "riesig"), "allow_http": True})
    check(status == 502 and out.get("code") == "ics-fetch" and out.get("reason") == "too-large" and
          items() == before, "a calendar over 4 MiB is not taken (the limit of every import)", out)
    with open(os.path.join(WWW, "kaputt.ics"), "wb") as f:
        f.write(feed(broken=True))
    status, out, _ = anna.request("POST", "/api/import/ics-url",
                                  {"url": once.replace("einmal", "kaputt"), "allow_http": True})
    check(status == 422 and any(p["line"] > 0 for p in out["problems"]) and items() == before,
          "a broken calendar at the address is refused with its line; the draft is unchanged", out)

    # --- while the studio downloads a calendar, it answers everybody else ------------------
    got_request, release = threading.Event(), threading.Event()
    slow_feed = once_feed("Raum 5").replace(b"naeh-1@", b"langsam-1@").replace(b"fest-5@", b"langsam-2@")

    class Slow(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            got_request.set()
            release.wait(60)
            self.send_response(200)
            self.send_header("Content-Type", "text/calendar")
            self.send_header("Content-Length", str(len(slow_feed)))
            self.end_headers()
            self.wfile.write(slow_feed)

        def log_message(self, *a):
            pass

    slow = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Slow)
    threading.Thread(target=slow.serve_forever, daemon=True).start()
    slow_url = "http://127.0.0.1:%d/langsam.ics" % slow.server_address[1]
    result = {}

    def slow_import():
        result["answer"] = anna.request("POST", "/api/import/ics-url",
                                        {"url": slow_url, "allow_http": True})

    importer = threading.Thread(target=slow_import)
    importer.start()
    check(got_request.wait(30), "the studio asks the slow calendar server")
    status, out, _ = anna.request("GET", "/api/items")
    still_waiting = "answer" not in result
    check(status == 200 and still_waiting,
          "while it waits for the calendar, the studio answers other requests", (status, result))
    release.set()
    importer.join(60)
    status, out, _ = result.get("answer", (0, {}, None))
    check(status == 200 and out.get("added") == 4,
          "... and the waiting import then arrives (4 events)", out)

    # a download under way when the studio stops is cancelled: it stops cleanly (finally)
    got_request.clear()
    release.clear()
    stopper = threading.Thread(target=lambda: anna.request(
        "POST", "/api/import/ics-url", {"url": slow_url.replace("langsam", "haengt"), "allow_http": True}))

    # --- a subscription to a calendar on nginx, published directly -------------------------
    # the draft as it is must be valid to publish: only the calendar's events in it
    # a city's feed: a faulty entry is left out and named, the rest imported; the KI's
    # events picked by category (upload) or text (address)
    city = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Stadt//Kalender//DE"]
    for n, (title, cat, place) in enumerate([("Stadtrat", "Politik", "Rathaus"),
                                             ("Sprachtreff", "INTEGRATION", "KI, Klosterstr. 33"),
                                             ("Wochenmarkt", "Markt", "Domplatz"),
                                             (None, "Integration", "KI, Klosterstr. 33"),
                                             ("Beratung", "Beratung", "Klosterstr. 33")]):
        city += ["BEGIN:VEVENT", "UID:city-%d@stadt.example" % n, "DTSTART;TZID=MEZ:%sT1%d0000" % (d1, n),
                 "DTEND;TZID=MEZ:%sT1%d3000" % (d1, n), "CATEGORIES:" + cat, "LOCATION:" + place]
        city += (["SUMMARY:" + title] if title else []) + ["END:VEVENT"]
    city = ("\r\n".join(city + ["END:VCALENDAR"]) + "\r\n").encode()
    status, out, _ = upload(city, "?name=stadt-gross.ics&category=integration,%20politik")
    left = [w for w in out.get("warnings", []) if w.get("msgid", "").startswith("left out the event")]
    check(status == 200 and out["added"] == 2 and out["filtered"] == 2 and out["skipped"] == 1 and
          len(left) == 1 and left[0]["line"] > 0 and "city-3@stadt.example" in left[0]["message"] and
          "no title" in left[0]["message"],
          "a city feed by category: two events, the one without a title left out and named", out)
    with open(os.path.join(WWW, "stadt.ics"), "wb") as f:
        f.write(city)
    status, out, _ = anna.request("POST", "/api/import/ics-url",
                                  {"url": "http://127.0.0.1:%d/stadt.ics" % NGX_PORT,
                                   "allow_http": True, "matches": ["KLOSTERSTR"]})
    check(status == 200 and out["events"] == 2 and out["filtered"] == 2 and out["skipped"] == 1,
          "from an address by text in the place (case aside)", out)
    status, out, _ = anna.request("POST", "/api/import/ics-url",
                                  {"url": "http://127.0.0.1:%d/stadt.ics" % NGX_PORT,
                                   "allow_http": True, "matches": [""]})
    check(status == 400 and "matches" in out["error"], "an empty text to match is refused", out)
    status, out, _ = anna.request("POST", "/api/import/subscriptions",
                                  {"name": "stadt-ki", "url": "http://127.0.0.1:%d/stadt.ics" % NGX_PORT,
                                   "allow_http": True, "categories": ["Integration"]})
    check(status == 201 and out.get("categories") == ["Integration"],
          "a subscription keeps its categories", out)
    anna.request("DELETE", "/api/import/subscriptions/stadt-ki")

    for i, e in items().items():
        anna.request("DELETE", "/api/items/%s?revision=%d" % (i, e["revision"]))
    with open(os.path.join(WWW, "kalender.ics"), "wb") as f:
        f.write(feed(cafe_title="Elterncafé", cafe_room="Raum 3").replace(b"cafe-1@", b"eltern-1@")
                .replace(b"fest-2@", b"fest-9@"))
    url = "http://127.0.0.1:%d/kalender.ics" % NGX_PORT
    status, out, _ = anna.request("POST", "/api/import/subscriptions",
                                  {"name": "stadt", "url": url, "interval_seconds": 10,
                                   "publish": True, "allow_http": True, "tag": "Stadt"})
    check(status == 201 and out["interval_seconds"] == 10, "a subscription is added", out)
    status, out, _ = anna.request("POST", "/api/import/subscriptions",
                                  {"name": "zu-oft", "url": url, "interval_seconds": 1})
    check(status == 400 and "interval_seconds" in out["error"], "polling more often than every "
          "10 s is refused", out)

    def subscription():
        return anna.request("GET", "/api/import/subscriptions")[1]["subscriptions"][0]

    sub = None
    end = time.monotonic() + 120  # a deadline, not a speed: a busy machine polls later
    while time.monotonic() < end:
        sub = subscription()
        if sub.get("last_published"):
            break
        time.sleep(0.5)
    check(sub and sub.get("last_success") and sub["last_report"]["added"] == 4 and
          sub.get("last_published", 0) >= 1 and
          sum(1 for e in items().values() if "Elterncaf" in str(e["item"])) == 3,
          "the subscribed calendar is fetched from nginx, imported and published by itself", sub)
    published = json.load(open(os.path.join(PUB, "content.json")))
    check(sum(1 for i in published["items"] if "Elterncaf" in str(i)) == 3,
          "the kiosks' folder has the calendar's events", [i["id"] for i in published["items"]])
    good = items()
    with open(os.path.join(WWW, "kalender.ics"), "wb") as f:
        f.write(feed(broken=True))
    end = time.monotonic() + 120  # a deadline, not a speed: a busy machine polls later
    while time.monotonic() < end:
        sub = subscription()
        if sub.get("last_error"):
            break
        time.sleep(0.5)
    check(sub.get("last_error") and "kalender.ics:" in sub["last_error"] and items() == good,
          "a broken feed at the next poll is reported with its line; the last good import stays",
          sub)
    status, out, _ = anna.request("DELETE", "/api/import/subscriptions/stadt")
    check(status == 200 and anna.request("GET", "/api/import/subscriptions")[1]["subscriptions"] == [],
          "a subscription is removed")

    status, audit, _ = anna.request("GET", "/api/audit")
    check(any(e["action"] == "import-ics" for e in audit["entries"]),
          "imports are in the audit log")
    # last: a download that hangs while the studio is stopped
    stopper.daemon = True
    stopper.start()
    check(got_request.wait(30), "a second slow download is under way")
finally:
    check(st.stopped_cleanly(), "the studio stops cleanly, also with a download under way",
          st.stderr[-2000:] if hasattr(st, "stderr") else "")
    release.set()
sys.exit(t.finish())
