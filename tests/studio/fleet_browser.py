"""The fleet page in a real browser (tests/e2e_fleet.sh): chromium headless through
python3-selenium against a real `litfass studio` on 127.0.0.1. Two screens report through
the kiosks' API with their own tokens (the kiosk side is tests/e2e_fleet_kiosks.sh): "foyer" with
the published serial, its screenshot (a slide drawn by `litfass preview`) and slides shown;
"flur" once, on an old serial, then silent. The page lists both, marks "flur", shows the
screenshot and the proof of play, in German and English. Screenshots land in $SHOTS."""
import glob
import json
import os
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(__file__))
from studio import BIN, SRC, Checks, Client, Studio, add_user  # noqa: E402

from web_browser import console_errors, open_logged_in, save_shot, start_chromium  # noqa: E402

from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.action_chains import ActionChains  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402

TMP = os.environ["STUDIO_TMP"]
SHOTS = os.environ.get("SHOTS") or os.path.join(TMP, "shots")
os.makedirs(SHOTS, exist_ok=True)
DATA = os.path.join(TMP, "data")
WWW = os.path.join(TMP, "www")
PW = "Mohnblume-2026"
t = Checks()
check = t.check

add_user(DATA, "anna", "publisher", PW)
tokens = {}
for name in ("foyer", "flur"):
    r = subprocess.run([BIN, "studio", "kiosk", "add", name, "--data", DATA], capture_output=True,
                       text=True, check=True)
    tokens[name] = r.stdout.strip()
subprocess.run([BIN, "keygen", "--out", os.path.join(TMP, "ki")], check=True, capture_output=True)
# silent after 10 s: foyer's beats every 1.5 s below keep it fine even when a loaded machine
# delays some of them (with 4 s it could be marked silent while the page was read)
config = ("[publish]\nkey = %s/ki.key\ndir = %s\n[fleet]\nsilent_seconds = 10\n"
          "stale_serial_seconds = 3\n" % (TMP, WWW))
st = Studio(TMP, DATA, config)
base = st.url.rstrip("/")
anna = Client(st)
anna.login("anna", PW)
kiosk = Client(st)

# a version published, with the sample's first items in the draft
sample = json.load(open(os.path.join(SRC, "assets/content/content.json")))
ids = []
for item in sample["items"]:
    if item.get("kind") in ("offer", "contact") and "image" not in item and len(ids) < 3:
        status, out, _ = anna.request("POST", "/api/items", {"item": item})
        if status == 201:
            ids.append(out["item"]["id"])
status, out, _ = anna.publish("/api/publish", {"note": "fleet page"})
check(status == 200, "a version is published", out)


def beat(name, **fields):
    hb = {"version": "0.1.0", "mode": "carousel", "lang": "de", "display_on": True,
          "content_age_s": 5400, "sync_error": ""}
    hb.update(fields)
    return kiosk.request("POST", "/api/fleet/heartbeat", hb,
                         headers={"Authorization": "Bearer " + tokens[name]})[0]


today = time.strftime("%Y-%m-%d")
# flur's system clock is two years behind: it shows the content server's time
check(beat("flur", serial=0, item=ids[0], slide=2, slides=9, content_age_s=-1,
           sync_error="https://ki.example/content.json: HTTP 503", clock_source="server",
           clock="clock wrong: the system clock says 2024-12-02 09:10 UTC, the content server "
                 "ki.example says 2026-12-02 09:10 UTC: showing the server's time",
           clock_offset_s=2 * 365 * 86400,
           played={"date": today, "items": {ids[0]: 3}}) == 200, "flur reports once")
check(beat("foyer", serial=1, item=ids[1], slide=4, slides=9, clock="", clock_source="system",
           played={"date": today, "items": {ids[0]: 40, ids[1]: 38, ids[2]: 12}}) == 200,
      "foyer reports")
subprocess.run([BIN, "preview", os.path.join(SRC, "assets/content"), "--out",
                os.path.join(TMP, "pv"), "--size", "800x480", "--now", "2026-11-23T10:00"],
               check=True, capture_output=True)
png = open(sorted(glob.glob(os.path.join(TMP, "pv", "*.png")))[1], "rb").read()
status, out, _ = kiosk.request("POST", "/api/fleet/screenshot", raw=png,
                               headers={"Authorization": "Bearer " + tokens["foyer"],
                                        "Content-Type": "image/png"})
check(status == 200, "foyer's screenshot is taken (%d bytes)" % len(png), out)
time.sleep(11)  # flur falls silent (silent_seconds: a condition of time passing)
check(beat("foyer", serial=1, item=ids[2], slide=5, slides=9) == 200, "foyer reports again")
# foyer goes on reporting while the browser looks, as a kiosk does
import threading  # noqa: E402
beating = threading.Event()


def keep_beating():
    while not beating.wait(1.5):
        beat("foyer", serial=1, item=ids[2], slide=5, slides=9)


threading.Thread(target=keep_beating, daemon=True).start()

driver, wait = start_chromium(TMP, 1400, 1000)


def css(sel):
    return driver.find_element(By.CSS_SELECTOR, sel)


def shot(name):
    return save_shot(driver, SHOTS, name, 1400, 1000, 4000)


try:
    open_logged_in(driver, wait, base, "anna", PW)
    wait.until(lambda d: d.find_element(By.CSS_SELECTOR, 'nav button[data-view="fleet"]'))
    css('nav button[data-view="fleet"]').click()
    wait.until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "section.screen")) == 2)
    wait.until(lambda d: d.execute_script(
        "const i = document.querySelector('section[data-screen=foyer] img');"
        " return i && i.complete && i.naturalWidth > 0;"))
    foyer = css("section[data-screen=foyer]")
    flur = css("section[data-screen=flur]")
    check("Bildschirme" in css("main h1").text and "Version 1" in css("#fleet-published").text,
          "the German fleet page says what was published", css("main").text[:300])
    check("in Ordnung" in foyer.text and "marked" not in foyer.get_attribute("class") and
          "Folie 5 von 9" in foyer.text and "vor 2 Std." in foyer.text,
          "foyer: fine, which slide of how many, content age", foyer.text)
    check("meldet sich nicht" in flur.text and "alte Version" in flur.text and
          "marked" in flur.get_attribute("class") and "ohne Signatur (veröffentlicht ist 1)" in flur.text and
          "der Server antwortete 503" in flur.text and "Beispielinhalt" in flur.text,
          "flur: marked silent and behind, its sync error shown", flur.text)
    clock = flur.find_element(By.CSS_SELECTOR, "dd[data-row=clock]")
    check("Uhr falsch: 2 Jahre zurück" in clock.text and "Inhalte-Servers" in clock.text and
          "bad-text" in clock.get_attribute("class") and
          "the system clock says 2024-12-02" in clock.find_element(By.CSS_SELECTOR, ".tech-detail").text and
          "Uhr falsch" in flur.find_element(By.CSS_SELECTOR, "h2").text,
          "flur: its wrong clock said for IT (2 years behind), marked, the kiosk's text under it",
          clock.text)
    check(foyer.find_element(By.CSS_SELECTOR, "dd[data-row=clock]").text == "richtig" and
          "Uhr falsch" not in foyer.text, "foyer: its clock is right", foyer.text)
    rows = foyer.find_elements(By.CSS_SELECTOR, "details.played tbody tr")
    check(len(rows) == 3 and rows[0].find_element(By.CSS_SELECTOR, "td.num").text == "40",
          "proof of play: slides shown per item this week, most first",
          [r.text for r in rows])
    w = driver.execute_script("return document.querySelector('section[data-screen=foyer] img').naturalWidth")
    check(w == 800, "foyer's screenshot is shown", w)
    path = shot("fleet-de")
    check(os.path.getsize(path) > 10000, "screenshot of the German fleet page: " + path)
    css("#ui-lang").click()
    wait.until(lambda d: d.find_element(By.CSS_SELECTOR, "main h1").text == "Screens" and
               len(d.find_elements(By.CSS_SELECTOR, "section.screen")) == 2)
    flur = css("section[data-screen=flur]")
    check("not reporting" in flur.text and "old version" in flur.text and
          "Last download error" in flur.text and "Clock wrong: 2 years behind" in flur.text,
          "the English fleet page", flur.text)
    shot("fleet-en")
    # --- a calendar imported on the events page, then again after a hand edit ----------
    import datetime
    day = (datetime.date.today() + datetime.timedelta(days=5)).strftime("%Y%m%d")
    def ics(room):
        return ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Microsoft Corporation//Outlook 16.0//EN\r\n"
                "BEGIN:VEVENT\r\nUID:cafe@ki.example\r\nDTSTAMP:20261101T120000Z\r\n"
                "DTSTART;TZID=W. Europe Standard Time:%sT170000\r\n"
                "DTEND;TZID=W. Europe Standard Time:%sT190000\r\nRRULE:FREQ=WEEKLY;COUNT=2\r\n"
                "SUMMARY:Sprachcafé im Stadtteilzentrum\r\nLOCATION:%s\r\nEND:VEVENT\r\n"
                "END:VCALENDAR\r\n" % (day, day, room))
    path1 = os.path.join(TMP, "stadtkalender.ics")
    with open(path1, "w") as f:
        f.write(ics("Raum 1"))
    css("#ui-lang").click()  # back to German
    wait.until(lambda d: d.find_element(By.CSS_SELECTOR, 'nav button[data-view="events"]'))
    css('nav button[data-view="events"]').click()
    wait.until(lambda d: d.find_element(By.CSS_SELECTOR, "details.ics-import"))
    css("details.ics-import summary").click()
    css("#ics-file").send_keys(path1)
    css("#ics-upload").click()
    wait.until(lambda d: d.find_elements(By.ID, "ics-result"))
    check("2 neu" in css("#ics-result").text and
          len(driver.find_elements(By.CSS_SELECTOR, "li.item")) == 2,
          "a calendar uploaded on the events page: two events in the list", css("main").text[:500])
    entries = anna.request("GET", "/api/items")[1]["items"]
    first = [e for e in entries if e["item"]["id"].startswith("ics-")][0]
    anna.request("PUT", "/api/items/" + first["item"]["id"],
                 {"item": dict(first["item"], room="Großer Saal"), "revision": first["revision"]})
    with open(path1, "w") as f:
        f.write(ics("Raum 7"))
    css("#ics-file").send_keys(path1)
    css("#ics-upload").click()
    wait.until(lambda d: "1 geändert" in d.find_element(By.ID, "ics-result").text)
    title = first["item"]["title"]["de"] if isinstance(first["item"]["title"], dict) else first["item"]["title"]
    check("Von Hand geändert" in css("#ics-result").text and
          "„%s“ wurde im Studio von Hand geändert" % title in css("#ics-result").text and
          "Raum 7" in css("#ics-result").text and "kept" not in css("#ics-result").text, "a re-import shows the event changed by hand, not overwritten",
          css("#ics-result").text)
    shot("import-de")
    # a subscription whose server is not there: the page says so
    anna.request("POST", "/api/import/subscriptions",
                 {"name": "stadtkalender", "url": "http://127.0.0.1:9/kalender.ics",
                  "interval_seconds": 10, "allow_http": True})
    # the studio's first try is waited for (a condition: its last_error), then the page shown
    wait.until(lambda d: (anna.request("GET", "/api/import/subscriptions")[1].get("subscriptions")
                          or [{}])[0].get("last_error"))
    css('nav button[data-view="offers"]').click()
    css('nav button[data-view="events"]').click()
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#ics-subs li[data-sub=stadtkalender]"))
    driver.execute_script("document.querySelector('details.ics-import').open = true")
    sub = css("#ics-subs li[data-sub=stadtkalender]")
    detail = sub.find_elements(By.CSS_SELECTOR, ".tech-detail")
    plain_words = driver.execute_script(
        "const c = arguments[0].cloneNode(true); c.querySelectorAll('.tech-detail').forEach((x) => x.remove());"
        "return c.innerText;", sub)
    check("Fehler (der letzte gute Stand bleibt): Keine Verbindung" in plain_words and
          "Keine Verbindung zum Server „127.0.0.1“" in plain_words and "Failed" not in plain_words,
          "a subscription that cannot be fetched shows the error in German", plain_words)
    check(len(detail) == 1 and "Technische Angabe" in detail[0].text and "127.0.0.1:9" in detail[0].text,
          "... with libcurl's text in a smaller line under it", [x.text for x in detail])
    shot("import-subscription-de")
    # unsubscribing asks in the studio's own dialog first; Escape keeps the subscription
    sub.find_element(By.CSS_SELECTOR, "button.link").click()
    wait.until(lambda d: d.find_elements(By.ID, "unsubscribe-dialog"))
    ask = css("#unsubscribe-dialog").text
    check("Diesen Kalender abbestellen?" in ask and "stadtkalender" in ask and "bleiben im Entwurf" in ask and
          driver.execute_script("return document.activeElement.id") == "unsubscribe-dialog-cancel",
          "unsubscribing asks first, names the calendar, Abbrechen focused", ask)
    shot("unsubscribe-dialog-de")
    ActionChains(driver).send_keys(Keys.ESCAPE).perform()
    wait.until(lambda d: not d.find_elements(By.ID, "unsubscribe-dialog"))
    check(len(anna.request("GET", "/api/import/subscriptions")[1]["subscriptions"]) == 1,
          "Escape keeps the subscription")
    css("#ics-subs li[data-sub=stadtkalender] button.link").click()
    wait.until(lambda d: d.find_elements(By.ID, "unsubscribe-dialog-ok"))
    css("#unsubscribe-dialog-ok").click()
    wait.until(lambda d: not d.find_elements(By.ID, "unsubscribe-dialog"))
    wait.until(lambda d: not d.find_elements(By.CSS_SELECTOR, "#ics-subs li[data-sub=stadtkalender]"))
    check(anna.request("GET", "/api/import/subscriptions")[1]["subscriptions"] == [],
          "'Abbestellen' in the dialog removes the subscription")

    errors = console_errors(driver, ["/api/session"])  # the 401 before the login
    check(not errors, "no errors in the browser console", errors)
finally:
    beating.set()
    driver.quit()
    check(st.stopped_cleanly(), "the studio stops cleanly", st.stderr[-2000:])
sys.exit(t.finish())
