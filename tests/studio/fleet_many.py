"""The fleet page as city IT uses it (tests/e2e_fleet_many.sh): 50 screens in headless
chromium against a real studio on 127.0.0.1, in German, at 1366 x 768 and 1920 x 1080. Most
report on (a thread sends their heartbeats as kiosks do), six fell silent, one's clock is two
years behind, one has the longest name a kiosk may have (64 characters) and the longest
item title of the sample on screen. Every screen is listed, the silent ones and the wrong
clock are marked and named with a link at the top of the page, nothing is wider than the window or a screen's card, no text under 12 px, no fact squeezed
into a column a few letters wide (three cards in a row at 1920 px did that).
Screenshots (the top of the page, the card a link there leads to, the long name, the wrong
clock, a silent one) in $SHOTS."""
import glob
import json
import os
import subprocess
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(__file__))
from studio import BIN, SRC, Checks, Client, Studio, add_user, wait_for  # noqa: E402

from web_browser import (console_errors, make_signing_key, open_logged_in,  # noqa: E402
                         save_shot, start_chromium)

from selenium.webdriver.common.by import By  # noqa: E402

TMP = os.environ["STUDIO_TMP"]
SHOTS = os.environ.get("SHOTS") or os.path.join(TMP, "shots")
os.makedirs(SHOTS, exist_ok=True)
DATA = os.path.join(TMP, "data")
PW = "Mohnblume-2026"
t = Checks()
check = t.check

PLACES = ["muenster", "dortmund", "bochum", "hagen", "unna", "hamm", "soest", "bielefeld",
          "paderborn", "herne"]
ROOMS = ["foyer", "flur-eg", "bibliothek", "buergerbuero", "beratung"]
LONG = "ki-dortmund-stadtteilbibliothek-hombruch-foyer-erdgeschoss-links"
assert len(LONG) == 64
names = ["ki-%s-%s" % (p, r) for p in PLACES for r in ROOMS][:49] + [LONG]
SILENT = {names[i] for i in (3, 11, 17, 26, 38, 44)}
CLOCK = names[8]

add_user(DATA, "anna", "publisher", PW)
tokens = {}
for name in names:
    r = subprocess.run([BIN, "studio", "kiosk", "add", name, "--data", DATA], capture_output=True,
                       text=True, check=True)
    tokens[name] = r.stdout.strip()
make_signing_key(TMP)
# a screen silent for 20 s is marked; the others report every few seconds meanwhile
config = ("[publish]\nkey = %s/ki.key\ndir = %s/www\n[fleet]\nsilent_seconds = 20\n"
          % (TMP, TMP))
st = Studio(TMP, DATA, config)
base = st.url.rstrip("/")
anna = Client(st)
anna.login("anna", PW)
sample = json.load(open(os.path.join(SRC, "assets/content/content.json")))
ids = []
for item in sample["items"]:
    item.pop("image", None)
    if anna.request("POST", "/api/items", {"item": item})[0] == 201:
        ids.append(item["id"])


def title_len(item):
    title = item.get("title")
    return max(len(v) for v in title.values()) if isinstance(title, dict) else len(title or "")


longest = max((i for i in sample["items"] if i["id"] in ids), key=title_len)["id"]
today = time.strftime("%Y-%m-%d")


def beat(name, n):
    kiosk = Client(st)
    hb = {"version": "0.1.0", "mode": "carousel", "lang": "de", "display_on": n % 7 != 3,
          "content_age_s": 3600 * (1 + n % 30), "serial": 0, "item": ids[n % len(ids)],
          "slide": 1 + n % 9, "slides": 9, "clock": "", "clock_source": "system",
          "sync_error": "https://ki.example/content.json: HTTP 503" if n % 10 == 5 else "",
          "played": {"date": today, "items": {ids[k]: 10 + k * n % 40 for k in range(3)}}}
    if name == LONG:
        hb["item"] = longest
    if name == CLOCK:
        hb.update(clock_source="server", clock_offset_s=2 * 365 * 86400,
                  clock="clock wrong: the system clock says 2024-12-03 09:10 UTC, the content "
                        "server ki.example says 2026-12-03 09:10 UTC: showing the server's time")
    return kiosk.request("POST", "/api/fleet/heartbeat", hb,
                         headers={"Authorization": "Bearer " + tokens[name]})[0]


check(all(beat(n, i) == 200 for i, n in enumerate(names)), "50 screens report")
subprocess.run([BIN, "preview", os.path.join(SRC, "assets/content"), "--out",
                os.path.join(TMP, "pv"), "--size", "800x480", "--now", "2026-11-23T10:00"],
               check=True, capture_output=True)
pngs = sorted(glob.glob(os.path.join(TMP, "pv", "*.png")))
for i, name in enumerate(names):
    if i % 4 == 0 or name in (LONG, CLOCK):
        png = open(pngs[i % len(pngs)], "rb").read()
        Client(st).request("POST", "/api/fleet/screenshot", raw=png,
                           headers={"Authorization": "Bearer " + tokens[name],
                                    "Content-Type": "image/png"})

# the screens not silent report on, as kiosks do, while the browser looks
stop = threading.Event()


def keep_beating():
    n = 0
    while not stop.is_set():
        for i, name in enumerate(names):
            if name not in SILENT and not stop.is_set():
                beat(name, i)
        n += 1
        stop.wait(2)


threading.Thread(target=keep_beating, daemon=True).start()


def marked():
    status, out, _ = anna.request("GET", "/api/fleet")
    return {s["name"] for s in out["screens"] if s["silent"]} >= SILENT


check(wait_for(marked, 90), "the six screens that stopped reporting are marked silent")

LAYOUT = """
const out = {wide: document.documentElement.scrollWidth - document.documentElement.clientWidth,
             over: [], small: [], narrow: []};
const rem = parseFloat(getComputedStyle(document.documentElement).fontSize);
for (const d of document.querySelectorAll('section.screen dd'))
  if (d.getBoundingClientRect().width < 8 * rem)
    out.narrow.push(d.closest('section').dataset.screen + ' ' + d.getBoundingClientRect().width + 'px: ' +
                    d.innerText.slice(0, 40));
for (const s of document.querySelectorAll('section.screen')) {
  for (const e of [s, ...s.querySelectorAll('*')]) {
    if (e.offsetParent === null && e !== s) continue;
    const r = e.getBoundingClientRect(), c = s.getBoundingClientRect();
    if (e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX !== 'visible' ||
        r.right > c.right + 1 || r.left < c.left - 1)
      out.over.push(s.dataset.screen + ' ' + e.tagName + '.' + e.className + ': ' +
                    (e.innerText || '').slice(0, 60));
    if (e.childNodes.length && [...e.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim()) &&
        parseFloat(getComputedStyle(e).fontSize) < 12)
      out.small.push(s.dataset.screen + ' ' + e.tagName + ' ' + getComputedStyle(e).fontSize);
  }
}
return out;
"""

for w, h in ((1366, 768), (1920, 1080)):
    driver, wait = start_chromium(TMP, w, h, "chromium-%d" % w)
    try:
        open_logged_in(driver, wait, base, "anna", PW)
        wait.until(lambda d: d.find_element(By.CSS_SELECTOR, 'nav button[data-view="fleet"]'))
        driver.find_element(By.CSS_SELECTOR, 'nav button[data-view="fleet"]').click()
        wait.until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "section.screen")) == 50)
        shown = driver.execute_script(
            "return [...document.querySelectorAll('section.screen')].map((s) => "
            "[s.dataset.screen, s.classList.contains('marked'), s.querySelector('h2').innerText])")
        marks = {n for n, m, _ in shown if m}
        check(len(shown) == 50 and marks >= SILENT | {CLOCK},
              "%dx%d: all 50 screens listed, the silent ones and the wrong clock marked" % (w, h),
              shown)
        check(all("meldet sich nicht" in h2 for n, _, h2 in shown if n in SILENT) and
              "Uhr falsch" in dict((n, h2) for n, _, h2 in shown)[CLOCK],
              "%dx%d: the marks say why" % (w, h), shown)
        lay = driver.execute_script(LAYOUT)
        check(lay["wide"] <= 0 and not lay["over"] and not lay["small"] and not lay["narrow"],
              "%dx%d: nothing past the window or a screen's card (the 64-character name too), "
              "no text under 12 px, no fact squeezed into a column narrower than 8 em (words "
              "broken between letters)" % (w, h),
              dict(lay, narrow=lay["narrow"][:5]))
        summary = driver.find_element(By.ID, "fleet-summary")
        named = [a.text for a in summary.find_elements(By.CSS_SELECTOR, "li a")]
        check(summary.text.startswith("%d von 50 Bildschirmen auffällig:" % len(marks)) and
              set(named) == marks and
              all("meldet sich nicht" in li.text for li in
                  summary.find_elements(By.CSS_SELECTOR, "li") if li.text.split(":")[0] in SILENT),
              "%dx%d: the top of the page names every marked screen and why" % (w, h),
              summary.text)
        save_shot(driver, SHOTS, "fleet-50-%dx%d-top" % (w, h))
        summary.find_element(By.LINK_TEXT, CLOCK).click()
        top = driver.execute_script(
            "return document.getElementById('screen-%s').getBoundingClientRect().top" % CLOCK)
        check(-2 <= top < h / 2, "%dx%d: its name is a link to the screen's card" % (w, h), top)
        save_shot(driver, SHOTS, "fleet-50-%dx%d-link" % (w, h))
        for name, what in ((LONG, "long-name"), (CLOCK, "clock"), (sorted(SILENT)[0], "silent")):
            driver.execute_script("document.querySelector('section[data-screen=\"%s\"]')"
                                  ".scrollIntoView({block: 'center'})" % name)
            save_shot(driver, SHOTS, "fleet-50-%dx%d-%s" % (w, h, what))
        errors = console_errors(driver, ["/api/session"])
        check(not errors, "%dx%d: no errors in the browser console" % (w, h), errors)
    finally:
        driver.quit()

stop.set()
check(st.stopped_cleanly(), "the studio stops cleanly", st.stderr[-2000:])
sys.exit(t.finish())
