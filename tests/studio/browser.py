"""The studio in a real browser (tests/e2e_studio.sh): Debian's chromium, headless, driven by
chromium-driver through python3-selenium, against a real `litfass studio` on 127.0.0.1.

A publisher logs in, creates an event with German and Arabic text, uploads a poster, sees
the preview in both orientations, saves, checks the translations overview, adds an offer
with consultation hours, publishes, and sees the version listed; an urgent notice goes
out in two clicks; a save over a colleague's newer change shows both versions; an editor
cannot publish; the English UI. Every page is saved as a screenshot in $SHOTS."""
import json
import os
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(__file__))
from studio import BIN, SRC, Checks, Client, Studio, add_user  # noqa: E402

from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import Select, WebDriverWait  # noqa: E402

TMP = os.environ["STUDIO_TMP"]
SHOTS = os.environ.get("SHOTS") or os.path.join(TMP, "shots")
os.makedirs(SHOTS, exist_ok=True)
DATA = os.path.join(TMP, "data")
WWW = os.path.join(TMP, "www")
PW_ANNA, PW_ED = "Mohnblume-2026", "Sonnenblume-99"
POSTER = os.path.join(SRC, "assets/content/images/poster-wochen-gegen-rassismus.png")
t = Checks()
check = t.check

add_user(DATA, "anna", "publisher", PW_ANNA)
add_user(DATA, "ed", "editor", PW_ED)
add_user(DATA, "ada", "admin", "Kornblume-7777")
subprocess.run([BIN, "keygen", "--out", os.path.join(TMP, "ki")], check=True, capture_output=True)
config = ("[publish]\nkey = %s/ki.key\ndir = %s\n[studio]\nsession_seconds = 3600\n" % (TMP, WWW))
st = Studio(TMP, DATA, config)
base = st.url.rstrip("/")

opts = webdriver.ChromeOptions()
opts.binary_location = "/usr/bin/chromium"
for a in ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
          "--disable-component-update", "--disable-sync", "--no-first-run",
          "--disable-dev-shm-usage", "--window-size=1600,1100", "--lang=de-DE",
          "--user-data-dir=" + os.path.join(TMP, "chromium-profile")]:
    opts.add_argument(a)
opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
opts.add_experimental_option("prefs", {"intl.accept_languages": "de-DE,de"})
# German date and time fields, as on a KI computer
driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver",
                                          env=dict(os.environ, LANG="de_DE.UTF-8", LANGUAGE="de")),
                          options=opts)
driver.set_page_load_timeout(60)
# the page re-renders after each answer: an element found a moment ago may be gone
wait = WebDriverWait(driver, 60, ignored_exceptions=[StaleElementReferenceException, NoSuchElementException])


def shot(name):
    path = os.path.join(SHOTS, name + ".png")
    driver.save_screenshot(path)
    return path


def full_shot(name):
    """The whole page, not just the window: the window is made as tall as the page."""
    height = driver.execute_script("return document.documentElement.scrollHeight")
    driver.set_window_size(1600, max(1100, min(height + 40, 6000)))
    time.sleep(0.3)
    path = shot(name)
    driver.set_window_size(1600, 1100)
    return path


def css(sel):
    return driver.find_element(By.CSS_SELECTOR, sel)


def click(sel):
    wait.until(lambda d: d.find_element(By.CSS_SELECTOR, sel).is_displayed())
    css(sel).click()


def tab(view):
    click('nav button[data-view="%s"]' % view)


def save_and_wait():
    """Saves the form and waits until the page says nothing is unsaved (a busy machine may take long)."""
    click("#save")
    wait.until(lambda d: d.find_element(By.ID, "dirty").text == "")


def images_loaded(ids):
    return driver.execute_script(
        "return arguments[0].every(id => { const i = document.getElementById(id);"
        " return i && i.complete && i.naturalWidth > 0 && !i.classList.contains('stale'); });", ids)


def console_errors():
    return [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]


try:
    # --- login ---------------------------------------------------------------------------
    driver.get(base + "/")
    wait.until(lambda d: d.find_element(By.ID, "login-user"))
    shot("01-login")
    check("Anmelden" in driver.page_source, "the login page is German")
    css("#login-user").send_keys("anna")
    css("#login-password").send_keys("falsch-falsch")
    click("#login-submit")
    wait.until(lambda d: d.find_element(By.ID, "login-error").text != "")
    check("wrong" in css("#login-error").text, "a wrong password is said at the form")
    shot("02-login-wrong")
    css("#login-password").clear()
    css("#login-password").send_keys(PW_ANNA)
    click("#login-submit")
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "nav.tabs"))
    shot("03-events-empty")
    check("Termine" in css("nav.tabs").text and "Veröffentlichen" in css("nav.tabs").text,
          "after login: the tabs for events, offers, contacts, notices, publishing")

    # --- an event in German and Arabic, with a poster ------------------------------------
    click("#new-item")
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, 'textarea[data-field="title.de"]'))
    Select(css("#add-lang")).select_by_value("ar")
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, 'textarea[data-field="title.ar"]'))
    css('textarea[data-field="title.de"]').send_keys("Sprachcafé im Stadtteilzentrum")
    css('textarea[data-field="title.ar"]').send_keys("مقهى اللغة في مركز الحي")
    css('textarea[data-field="description.de"]').send_keys(
        "Deutsch üben bei Kaffee und Tee. Alle sind willkommen, ohne Anmeldung.")
    css('textarea[data-field="description.ar"]').send_keys(
        "تدرّب على اللغة الألمانية مع القهوة والشاي. الجميع مرحَّب بهم، دون تسجيل.")
    css('textarea[data-field="place.de"]').send_keys("Stadtteilzentrum Kinderhaus")
    css('textarea[data-field="place.ar"]').send_keys("مركز حي كيندرهاوس")
    date = css('input[data-field="start-date"]')
    driver.execute_script("arguments[0].value = '2027-03-22'; arguments[0].dispatchEvent(new Event('input'));", date)
    driver.execute_script("arguments[0].value = '2027-03-22'; arguments[0].dispatchEvent(new Event('input'));",
                          css('input[data-field="end-date"]'))
    css("#f-address").send_keys("Idenbrockplatz 8, 48159 Münster")
    css("#image-file").send_keys(POSTER)
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "img.image-preview"))
    wait.until(lambda d: images_loaded(["preview-landscape", "preview-portrait"]))
    land = driver.execute_script("const i = document.getElementById('preview-landscape'); return [i.naturalWidth, i.naturalHeight];")
    port = driver.execute_script("const i = document.getElementById('preview-portrait'); return [i.naturalWidth, i.naturalHeight];")
    check(land[0] > land[1] and port[1] > port[0], "previews in landscape and portrait", (land, port))
    check("Seite 1 von" in css("#pages-landscape").text, "the page count is shown", css("#pages-landscape").text)
    full_shot("04-event-editor")
    Select(css("#preview-screen")).select_by_value("800x480")
    size_js = ("const l = document.getElementById('preview-landscape'), p = document.getElementById('preview-portrait');"
               " return [l.naturalWidth, l.naturalHeight, p.naturalWidth, p.naturalHeight];")
    try:
        wait.until(lambda d: d.execute_script(size_js) == [800, 480, 480, 800])
    except Exception:
        pass
    check(driver.execute_script(size_js) == [800, 480, 480, 800],
          "the preview follows the chosen screen size (800 x 480, turned for portrait)", driver.execute_script(size_js))
    Select(css("#preview-screen")).select_by_value("1920x1080")
    Select(css("#preview-lang")).select_by_value("ar")
    time.sleep(0.2)
    wait.until(lambda d: images_loaded(["preview-landscape", "preview-portrait"]))
    time.sleep(1.5)
    wait.until(lambda d: images_loaded(["preview-landscape", "preview-portrait"]))
    full_shot("05-event-editor-arabic-preview")
    # the Arabic preview as a file, to look at
    b64 = driver.execute_script("""
        const i = document.getElementById('preview-landscape');
        const c = document.createElement('canvas'); c.width = i.naturalWidth; c.height = i.naturalHeight;
        c.getContext('2d').drawImage(i, 0, 0); return c.toDataURL('image/png').split(',')[1];""")
    import base64
    with open(os.path.join(SHOTS, "05b-preview-landscape-ar.png"), "wb") as f:
        f.write(base64.b64decode(b64))
    click("#save")
    wait.until(lambda d: "Kennung" in d.page_source and d.find_elements(By.CSS_SELECTOR, ".editor-head h1")
               and "Sprachcafé" in css(".editor-head h1").text)
    time.sleep(0.5)
    check(css("#dirty").text == "", "saved: no unsaved changes left")

    # validation at the field: an end before the start
    driver.execute_script("arguments[0].value = '2027-03-01'; arguments[0].dispatchEvent(new Event('input'));",
                          css('input[data-field="end-date"]'))
    wait.until(lambda d: d.find_element(By.CSS_SELECTOR, '[data-error-for="end"]').text != "")
    check("Beginn" in css('[data-error-for="end"]').text, "an end before the start is marked at the field, in German",
          css('[data-error-for="end"]').text)
    full_shot("06-event-editor-error")
    driver.execute_script("arguments[0].value = '2027-03-22'; arguments[0].dispatchEvent(new Event('input'));",
                          css('input[data-field="end-date"]'))
    wait.until(lambda d: d.find_element(By.CSS_SELECTOR, '[data-error-for="end"]').text == "")
    save_and_wait()
    click("#back")
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "li.item"))
    check("Sprachcafé im Stadtteilzentrum" in css("ul.items").text, "the event is listed")
    shot("07-events-list")

    # --- an offer with consultation hours -----------------------------------------------
    tab("offers")
    click("#new-item")
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, 'textarea[data-field="title.de"]'))
    css('textarea[data-field="title.de"]').send_keys("Wegweiser-Beratung")
    css('textarea[data-field="description.de"]').send_keys("Beratung zu Aufenthalt, Arbeit, Schule und Ausbildung.")
    css('textarea[data-field="title.ar"]').send_keys("استشارات المرشد")
    click("#add-range")
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, ".range"))
    css('#f-phone').send_keys("0251 492-7077")
    wait.until(lambda d: images_loaded(["preview-landscape", "preview-portrait"]))
    time.sleep(1)
    full_shot("08-offer-editor")
    save_and_wait()
    click("#back")
    # copy as new, then move the copy up: the order is the screens' order
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "li.item button.copy"))
    click("li.item button.copy")
    wait.until(lambda d: "(Kopie)" in d.find_element(By.CSS_SELECTOR, 'textarea[data-field="title.de"]').get_attribute("value"))
    click("#save")
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, ".editor-head h1") and "(Kopie)" in css(".editor-head h1").text)
    click("#back")
    wait.until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "li.item")) == 2)
    driver.find_elements(By.CSS_SELECTOR, 'li.item button[aria-label="Nach oben"]')[1].click()
    wait.until(lambda d: "(Kopie)" in d.find_elements(By.CSS_SELECTOR, "li.item")[0].text)
    check("(Kopie)" in driver.find_elements(By.CSS_SELECTOR, "li.item")[0].text,
          "copy as new makes a second offer, which can be moved to the top")
    shot("09-offers-list")

    # --- translations overview ------------------------------------------------------------
    tab("translations")
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "table.overview"))
    ov = css("table.overview").text
    check("1 von 3 vollständig" in ov and "0 von 3 vollständig" in ov and "fehlt" in ov and "Leichte Sprache" in ov,
          "the overview counts per language (Leichte Sprache its own column) and names what is missing", ov)
    shot("10-translations")

    # --- contacts and notices pages -------------------------------------------------------
    tab("contacts")
    click("#new-item")
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, 'textarea[data-field="title.de"]'))
    css('textarea[data-field="title.de"]').send_keys("Kommunales Integrationszentrum Münster")
    css('#f-email').send_keys("integration@stadt-muenster.de")
    wait.until(lambda d: images_loaded(["preview-landscape", "preview-portrait"]))
    full_shot("11-contact-editor")
    save_and_wait()
    click("#back")
    shot("12-contacts-list")

    # --- a notice ------------------------------------------------------------------------------
    tab("notices")
    click("#new-item")
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, 'textarea[data-field="title.de"]'))
    css('textarea[data-field="title.de"]').send_keys("Neue Sprechzeiten ab Januar")
    css('textarea[data-field="message.de"]').send_keys("Ab dem 4. Januar beraten wir montags bis donnerstags.")
    css('textarea[data-field="message.de-x-ls"]').send_keys("Wir haben neue Zeiten. Ab 4. Januar.")
    wait.until(lambda d: images_loaded(["preview-landscape", "preview-portrait"]))
    full_shot("11b-notice-editor")
    save_and_wait()
    click("#back")

    # --- publish, version listed ------------------------------------------------------------
    tab("publish")
    wait.until(lambda d: d.find_elements(By.ID, "publish-now"))
    full_shot("13-publish-before")
    css("#publish-note").send_keys("Erste Version aus dem Studio")
    click("#publish-now")
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, '#versions tr[data-serial="1"]'))
    check("Erste Version aus dem Studio" in css("#versions").text, "the published version is listed with its note")
    check(os.path.exists(os.path.join(WWW, "content.json")) and os.path.exists(os.path.join(WWW, "content.json.sig")),
          "published into the web folder, signed")
    v = subprocess.run([BIN, "validate", WWW, "--key", os.path.join(TMP, "ki.pub")], capture_output=True, text=True)
    check(v.returncode == 0, "the published bundle is valid and its signature verifies", v.stderr)
    full_shot("14-publish-after")

    # --- urgent notice in two clicks --------------------------------------------------------
    click("#urgent-open")                                   # 1
    wait.until(lambda d: d.find_elements(By.ID, "urgent-dialog"))
    shot("15-urgent-dialog")
    click("#urgent-publish")                                # 2
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "li.item.is-urgent"))
    pub = json.load(open(os.path.join(WWW, "content.json")))
    urgent = [i for i in pub["items"] if i.get("priority") == 2]
    check(pub["serial"] == 2 and urgent and urgent[0]["title"]["de"] == "Heute geschlossen",
          "two clicks: the urgent notice is published (serial 2)", pub.get("serial"))
    shot("16-notices-urgent")

    # --- two people at once -------------------------------------------------------------------
    tab("events")
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "li.item"))
    click("li.item button.edit")
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, 'textarea[data-field="title.de"]'))
    colleague = Client(st)
    colleague.login("ed", PW_ED)
    status, entry, _ = colleague.request("GET", "/api/items/sprachcafe-im-stadtteilzentrum")
    item = entry["item"]
    item["room"] = {"de": "Raum 12"}
    status, out, _ = colleague.request("PUT", "/api/items/" + item["id"], {"item": item, "revision": entry["revision"]})
    check(status == 200, "a colleague saves meanwhile", out)
    css('textarea[data-field="room.de"]').send_keys("Saal")
    click("#save")
    wait.until(lambda d: d.find_elements(By.ID, "conflict"))
    txt = css("#conflict").text
    check("ed" in txt and "Raum 12" in txt and "Saal" in txt, "the conflict shows both versions and who saved", txt)
    shot("17-conflict")
    click("#take-theirs")
    time.sleep(0.5)

    # --- audit log, settings, English UI --------------------------------------------------------
    tab("audit")
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "table.audit tr"))
    check("veröffentlicht" in css("table.audit").text and driver.find_elements(By.CSS_SELECTOR, "table.audit tr[data-action=publish]"),
          "the audit log lists publishing, in German")
    shot("18-audit")
    tab("settings")
    wait.until(lambda d: d.find_elements(By.ID, "save-settings"))
    shot("19-settings")
    click("#ui-lang")
    tab("events")
    wait.until(lambda d: "Events" in css("nav.tabs").text)
    shot("20-events-english")
    click("#ui-lang")

    # --- an editor cannot publish ----------------------------------------------------------------
    click("#logout")
    wait.until(lambda d: d.find_elements(By.ID, "login-user"))
    css("#login-user").send_keys("ed")
    css("#login-password").send_keys(PW_ED)
    click("#login-submit")
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "nav.tabs"))
    tab("publish")
    wait.until(lambda d: "Veröffentlichen dürfen nur" in d.page_source)
    check(not driver.find_elements(By.ID, "publish-now"), "an editor sees no publish button")
    shot("21-publish-as-editor")
    errors = [e for e in console_errors() if "401" not in e["message"] and "409" not in e["message"]
              and "422" not in e["message"]]
    check(errors == [], "no script errors in the browser console", errors)
    check("Content-Security-Policy" not in str(errors), "nothing blocked by the CSP")

    # --- four eyes: an editor's change waits for a publisher -------------------------------------
    check(st.stopped_cleanly(), "the studio stops cleanly", st.stderr[-2000:])
    st = Studio(TMP, DATA, config.replace("[publish]\n", "[publish]\nrequire_approval = yes\n"))
    base = st.url.rstrip("/")
    ed_api = Client(st)
    ed_api.login("ed", PW_ED)
    status, entry, _ = ed_api.request("GET", "/api/items/wegweiser-beratung")
    item = dict(entry["item"], audience={"de": "Neu Zugewanderte", "ar": "القادمون الجدد"})
    status, out, _ = ed_api.request("PUT", "/api/items/wegweiser-beratung", {"item": item, "revision": entry["revision"]})
    check(status == 200 and out["approved"] is False, "an editor's change waits for approval")
    driver.get(base + "/")
    # sessions are kept across the restart: the browser is still logged in as ed
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "nav.tabs .who, .who"))
    check(css(".who").text.startswith("ed "), "after a restart of the studio the browser is still "
          "logged in (ed)", css(".who").text)
    shot("21b-still-logged-in-after-restart")
    click("#logout")
    wait.until(lambda d: d.find_elements(By.ID, "login-user"))
    css("#login-user").send_keys("anna")
    css("#login-password").send_keys(PW_ANNA)
    click("#login-submit")
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "nav.tabs"))
    tab("publish")
    wait.until(lambda d: d.find_elements(By.ID, "approve"))
    check("wartet auf Freigabe" in css("ul.changes").text and "Neu Zugewanderte" in css("ul.changes").text,
          "the publisher sees the waiting change with its new text")
    full_shot("22-four-eyes")
    boxes = driver.find_elements(By.CSS_SELECTOR, 'ul.changes input[type="checkbox"]')
    check(len(boxes) == 2, "both of ed's changes wait (the room from the conflict and the audience)", len(boxes))
    for b in boxes:
        b.click()
    click("#approve")
    wait.until(lambda d: not d.find_elements(By.ID, "approve") and d.find_elements(By.ID, "publish-now"))
    click("#publish-now")
    wait.until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#versions tbody tr")) >= 3)
    pub = json.load(open(os.path.join(WWW, "content.json")))
    check([i for i in pub["items"] if i["id"] == "wegweiser-beratung"][0].get("audience", {}).get("de") == "Neu Zugewanderte",
          "approved in the browser, then published", pub.get("serial"))
    click("#logout")
    wait.until(lambda d: d.find_elements(By.ID, "login-user"))
    css("#login-user").send_keys("ada")
    css("#login-password").send_keys("Kornblume-7777")
    click("#login-submit")
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "nav.tabs"))
    tab("users")
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#users td"))
    check("anna" in css("#users").text and "ed" in css("#users").text, "an admin sees the users")
    shot("23-users")
finally:
    driver.quit()
    st.stop()

print("screenshots in " + SHOTS)
sys.exit(t.finish())
