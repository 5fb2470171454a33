"""The studio as a hurried or unlucky KI staff member meets it (tests/e2e_studio_hostile.sh), in
Debian's chromium headless at a tablet's 1024 x 768 against a real studio publishing to a
WebDAV server on 127.0.0.1 that fails on purpose (tests/servers/dav_faults.py): 100 kB of
text pasted into a field, a 50 MB picture, a web page saved as foto.png, an Arabic title,
two editors saving the same entry at once (each in a browser of their own), the publish
page's list of changes in the page's words, the browser's Back button while a
publish hangs, and the studio restarted in the middle of a publish. Screenshots in $SHOTS."""
import json
import os
import re
import subprocess
import sys
import urllib.request

sys.path.insert(0, os.path.dirname(__file__))
from studio import SRC, Checks, Client, Studio, add_user, stop_process  # noqa: E402
from web_browser import (StudioPage, console_errors, make_signing_key, open_logged_in, save_shot,  # noqa: E402
                         start_chromium, test_folders)

from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.action_chains import ActionChains  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.support.ui import Select  # noqa: E402

TMP, SHOTS, DATA = test_folders()
DAV = os.path.join(TMP, "dav")
os.makedirs(DAV)
PW, PW_BEN = "Mohnblume-2026", "Kornblume-77"
W, H = 1024, 768
t = Checks()
check = t.check

add_user(DATA, "anna", "publisher", PW)
add_user(DATA, "ben", "editor", PW_BEN)
make_signing_key(TMP)
dav = subprocess.Popen([sys.executable, os.path.join(SRC, "tests/servers/dav_faults.py"), "--root", DAV,
                        "--time-limit", "800"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
dav_port = int(dav.stdout.readline())


def dav_get(path):
    return urllib.request.urlopen("http://127.0.0.1:%d%s" % (dav_port, path), timeout=30).read().decode()


config = "[publish]\nkey = %s/ki.key\nvalid_days = 30\nurl = http://127.0.0.1:%d/dav/ki/\n" % (TMP, dav_port)
st = Studio(TMP, DATA, config)
api = Client(st)
api.login("anna", PW)
# a KI's usual draft: the sample's notices and events with tags (no pictures)
sample = json.load(open(os.path.join(SRC, "assets/content/content.json")))
for item in sample["items"]:
    if item["id"] in ("feiertage-2026", "mo-austauschtreffen-2026-12"):
        api.request("POST", "/api/items", {"item": item})
driver, wait = start_chromium(TMP, W, H)


page = StudioPage(driver, wait)
css, click, tab = page.css, page.click, page.tab


def shot(name, whole=False):
    return save_shot(driver, SHOTS, name, W, H, 6000) if whole else save_shot(driver, SHOTS, name)


def no_wider_than_window(what):
    wide = driver.execute_script("return [document.documentElement.scrollWidth, window.innerWidth]")
    check(wide[0] <= wide[1] + 1, "%s at %dx%d: nothing wider than the window" % (what, W, H), wide)


try:
    open_logged_in(driver, wait, st.url.rstrip("/"), "anna", PW)
    for view in ("events", "offers", "contacts", "notices", "translations", "publish", "audit", "fleet", "settings"):
        tab(view)
        wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "main h1"))
        shot("h01-%s-tablet" % view)
        no_wider_than_window(view)

    # --- a laptop, a narrow window and a 4K screen without scaling ------------------------
    for w, h in ((1280, 720), (800, 600), (3840, 2160)):
        driver.set_window_size(w, h)
        for view in ("events", "publish"):
            tab(view)
            wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "main h1") and
                       d.execute_script("return innerWidth") == w)
            got = driver.execute_script(
                "const px = (e) => e ? parseFloat(getComputedStyle(e).fontSize) : 99; return [document.documentElement.scrollWidth,"
                " innerWidth, px(document.querySelector('main h1')), px(document.querySelector('.when, .muted, .hint')),"
                " document.querySelector('main').getBoundingClientRect().width]")
            check(got[0] <= got[1] + 1, "%s at %dx%d: nothing wider than the window" % (view, w, h), got)
            check(got[3] >= (20 if w >= 3200 else 13), "%s at %dx%d: the smallest text is not tiny (%.0f px)" % (view, w, h, got[3]), got)
            if w >= 3200:
                check(got[4] >= w * 0.6, "%s at %dx%d: the page uses the screen's width" % (view, w, h), got)
            driver.save_screenshot(os.path.join(SHOTS, "h00-%s-%dx%d.png" % (view, w, h)))
    driver.set_window_size(W, H)
    wait.until(lambda d: d.execute_script("return innerWidth") == W)

    # --- a new event: Arabic title, 100 kB pasted, pictures that are none ------------------
    tab("events")
    click("#new-item")
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, 'textarea[data-field="title.de"]'))
    if not driver.find_elements(By.CSS_SELECTOR, 'textarea[data-field="title.ar"]'):
        Select(css("#add-lang")).select_by_value("ar")
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, 'textarea[data-field="title.ar"]'))
    css('textarea[data-field="title.de"]').send_keys("Sprachcafé im Stadtteilzentrum")
    ar = css('textarea[data-field="title.ar"]')
    ar.send_keys("مقهى اللغة في مركز الحي 2027")
    check(ar.get_attribute("dir") == "rtl" and ar.get_attribute("lang") == "ar" and
          driver.execute_script("return getComputedStyle(arguments[0]).direction", ar) == "rtl",
          "the Arabic title is written right to left (dir=rtl, lang=ar)")
    # a whole document pasted into the description by mistake
    desc = css('textarea[data-field="description.de"]')
    pasted = "Deutsch üben bei Kaffee und Tee, alle sind willkommen. " * 1900  # about 106 kB
    driver.execute_script("arguments[0].focus(); document.execCommand('insertText', false, arguments[1]);",
                          desc, pasted)
    wait.until(lambda d: "zu lang" in d.find_element(By.CSS_SELECTOR, '[data-error-for="description.de"]').text)
    said = css('[data-error-for="description.de"]').text
    check("höchstens 4096" in said, "100 kB pasted: 'zu lang' beside the field, with the limit", said)
    box = driver.execute_script("const a = arguments[0]; return [a.clientHeight, a.scrollHeight, window.innerHeight,"
                                " getComputedStyle(a).overflowY, a.value.length];", desc)
    check(box[4] == len(pasted), "the pasted text is all in the field (nothing cut without a word)", box[4])
    check(box[0] <= box[2] * 0.6 + 8 and box[1] > box[0] and box[3] == "auto",
          "100 kB pasted: the field stays within the window and scrolls inside (the form does not grow "
          "metres long)", box)
    shot("h02-editor-100kB-pasted")
    wait.until(lambda d: "Die Vorschau erscheint, sobald" in d.find_element(By.ID, "preview-note").text)
    broken = driver.execute_script("return [...document.querySelectorAll('figure.shot img')]"
                                   ".filter((i) => !i.getAttribute('src') && i.offsetHeight > 0).length")
    check(broken == 0, "an entry with errors and no preview yet: no broken-picture boxes, the note says why", broken)
    # a 50 MB photo straight from a camera: refused before it travels
    big = os.path.join(TMP, "Kamera 50MB.jpg")
    with open(big, "wb") as f:
        f.write(b"\xff\xd8\xff\xe0")
        f.truncate(50 * 1024 * 1024)
    css("#image-file").send_keys(big)
    wait.until(lambda d: "8 MB" in d.find_element(By.CSS_SELECTOR, '[data-error-for="image"]').text)
    check("größer als 8 MB" in css('[data-error-for="image"]').text,
          "a 50 MB picture is refused at once, in German", css('[data-error-for="image"]').text)
    check(not [n for n in os.listdir(os.path.join(DATA, "draft", "images"))
               if "Kamera" in n] if os.path.isdir(os.path.join(DATA, "draft", "images")) else True,
          "nothing of it reached the studio")
    # a web page saved as foto.png
    fake = os.path.join(TMP, "foto.png")
    with open(fake, "w") as f:
        f.write("<!DOCTYPE html><html><body>Foto vom Sprachcafé</body></html>")
    css("#image-file").send_keys(fake)
    wait.until(lambda d: "foto.png" in d.find_element(By.CSS_SELECTOR, '[data-error-for="image"]').text)
    said = css('[data-error-for="image"]').text
    check("kein PNG-, JPEG-, GIF- oder WebP-Bild" in said and "{" not in said,
          "a web page saved as foto.png is refused, named, in German", said)
    shot("h03-editor-pictures-refused", whole=True)
    # the text shortened again, the entry saved
    driver.execute_script("arguments[0].value = ''; arguments[0].dispatchEvent(new Event('input'));", desc)
    desc.send_keys("Deutsch üben bei Kaffee und Tee.")
    for f, v in (("start-date", "22.03.2027"), ("start-time", "18:00"), ("end-date", "22.03.2027"), ("end-time", "20:00")):
        css('input[data-field="%s"]' % f).clear()
        css('input[data-field="%s"]' % f).send_keys(v)
    click("#save")
    wait.until(lambda d: d.find_element(By.ID, "dirty").text == "")
    box = driver.execute_script("const a = arguments[0]; return [a.clientHeight, a.scrollHeight];",
                                css('textarea[data-field="description.de"]'))
    check(box[1] <= box[0] + 6, "a short text again: the field is as tall as its text, no scroll bar", box)

    # --- two editors on the same entry at once, each in a browser of their own ---------------
    entry_id = [e["item"]["id"] for e in api.request("GET", "/api/items")[1]["items"]
                if "Sprachcafé" in json.dumps(e["item"], ensure_ascii=False)][0]
    ben_driver, ben_wait = start_chromium(TMP, W, H, profile="chromium-ben")
    try:
        open_logged_in(ben_driver, ben_wait, st.url.rstrip("/"), "ben", PW_BEN)
        for d, w in ((driver, wait), (ben_driver, ben_wait)):
            d.find_element(By.CSS_SELECTOR, 'nav button[data-view="events"]').click()
            w.until(lambda x: x.find_elements(By.CSS_SELECTOR, 'li.item[data-id="%s"] button.edit' % entry_id))
            d.find_element(By.CSS_SELECTOR, 'li.item[data-id="%s"] button.edit' % entry_id).click()
            w.until(lambda x: x.find_elements(By.CSS_SELECTOR, 'textarea[data-field="place.de"]'))
        css('textarea[data-field="place.de"]').send_keys("Stadtteilzentrum Kinderhaus")
        css('textarea[data-field="title.ar"]').send_keys(" - للجميع.")
        ben_driver.find_element(By.CSS_SELECTOR, 'textarea[data-field="place.de"]').send_keys("Bürgerhaus Coerde")
        click("#save")
        wait.until(lambda d: d.find_element(By.ID, "dirty").text == "")
        ben_driver.find_element(By.ID, "save").click()
        ben_wait.until(lambda d: d.find_elements(By.ID, "conflict"))
        said = ben_driver.find_element(By.ID, "conflict").text
        check("Jemand anderes hat diesen Eintrag inzwischen geändert" in said and re.search(r"anna hat am \d\d\.\d\d\.\d{4}, \d\d:\d\d Uhr gespeichert", said) and
              "Stadtteilzentrum Kinderhaus" in said and "Bürgerhaus Coerde" in said,
              "two editors at once: the second save shows who saved when, and both texts side by side", said)
        fits = ben_driver.execute_script("const r = document.getElementById('conflict').getBoundingClientRect();"
                                         " return [r.left >= 0, r.right <= window.innerWidth, r.width];")
        check(fits[0] and fits[1], "... in a dialog that fits the tablet's window", fits)
        ar_rows = ben_driver.execute_script(
            "return [...document.querySelectorAll('#conflict td.mine, #conflict td.theirs')].filter((c) => /[\\u0600-\\u06ff]/"
            ".test(c.textContent)).map((c) => [c.lang, c.dir, getComputedStyle(c).direction, c.textContent])")
        check(len(ar_rows) == 2 and all(r[:3] == ["ar", "rtl", "rtl"] for r in ar_rows) and
              any(r[3].endswith("للجميع.") for r in ar_rows),
              "the conflict dialog shows the Arabic title in a row of its own, right to left as on the screens "
              "(not as a line 'العربية: ...' in a left-to-right cell)", ar_rows)
        save_shot(ben_driver, SHOTS, "h04a-two-editors-conflict")
        ben_driver.find_element(By.ID, "keep-mine").click()
        ben_wait.until(lambda d: not d.find_elements(By.ID, "conflict") and d.find_element(By.ID, "dirty").text == "")
        place = api.request("GET", "/api/items/" + entry_id)[1]["item"].get("place", {})
        check(place.get("de") == "Bürgerhaus Coerde", "'Meine Fassung speichern' saves the second editor's text", place)

        # --- the same two people on the settings page: the second save never silently wins ----
        def settings_of(d, w):
            d.find_element(By.CSS_SELECTOR, 'nav button[data-view="settings"]').click()
            w.until(lambda x: x.find_elements(By.CSS_SELECTOR, 'input[data-field="organisation.de"]'))
            return d.find_element(By.CSS_SELECTOR, 'input[data-field="organisation.de"]')

        def type_into(el, text):
            el.send_keys(Keys.CONTROL, "a")
            el.send_keys(text)

        type_into(settings_of(driver, wait), "KI Münster – Stadthaus 1")
        ben_name = settings_of(ben_driver, ben_wait)
        Select(css("#default-lang")).select_by_value("de")
        click("#save-settings")
        wait.until(lambda d: api.request("GET", "/api/bundle")[1]["bundle"]["organisation"]["de"] == "KI Münster – Stadthaus 1")
        type_into(ben_name, "Integrationszentrum Münster (Ben)")
        ben_driver.find_element(By.ID, "save-settings").click()
        ben_wait.until(lambda d: d.find_elements(By.ID, "settings-conflict"))
        said = ben_driver.find_element(By.ID, "settings-conflict").text
        check("Jemand anderes hat die Einstellungen inzwischen geändert" in said and
              re.search(r"anna hat die Einstellungen am \d\d\.\d\d\.\d{4}, \d\d:\d\d Uhr gespeichert", said) and
              "Ihre Änderung ist noch nicht gespeichert, und nichts wurde überschrieben" in said and
              "Das hat anna geändert:" in said and
              "Name der Einrichtung (Deutsch): jetzt „KI Münster – Stadthaus 1“, vorher „Kommunales Integrationszentrum“" in said and
              "Integrationszentrum Münster (Ben)" in said and "Fassung von anna" in said,
              "two people saving the settings: the second is told in plain German who saved when, what they changed, "
              "and sees both versions", said)
        check(api.request("GET", "/api/bundle")[1]["bundle"]["organisation"]["de"] == "KI Münster – Stadthaus 1",
              "... and anna's name still stands (nothing overwritten)")
        fits = ben_driver.execute_script("const r = document.getElementById('settings-conflict').getBoundingClientRect();"
                                         " return [r.left >= 0, r.right <= window.innerWidth, r.bottom <= window.innerHeight];")
        check(all(fits), "... in a dialog that fits the tablet's window", fits)
        save_shot(ben_driver, SHOTS, "h04b-settings-conflict")
        # taking the saved version: ben's page shows anna's name, nothing of ben's is saved
        ben_driver.find_element(By.ID, "take-theirs").click()
        ben_wait.until(lambda d: not d.find_elements(By.ID, "settings-conflict") and d.find_element(
            By.CSS_SELECTOR, 'input[data-field="organisation.de"]').get_attribute("value") == "KI Münster – Stadthaus 1")
        check(True, "'Gespeicherte Fassung übernehmen' shows anna's name in ben's page")
        # anna once more, then ben again from his (now stale) page: he keeps his
        type_into(settings_of(driver, wait), "KI Münster – Stadthaus 2")
        click("#save-settings")
        wait.until(lambda d: api.request("GET", "/api/bundle")[1]["bundle"]["organisation"]["de"] == "KI Münster – Stadthaus 2")
        type_into(ben_driver.find_element(By.CSS_SELECTOR, 'input[data-field="organisation.de"]'), "Integrationszentrum Münster")
        ben_driver.find_element(By.ID, "save-settings").click()
        ben_wait.until(lambda d: d.find_elements(By.ID, "settings-conflict"))
        said = ben_driver.find_element(By.ID, "settings-conflict").text
        check("jetzt „KI Münster – Stadthaus 2“, vorher „KI Münster – Stadthaus 1“" in said,
              "a second conflict says what changed since ben took anna's version", said)
        ben_driver.find_element(By.ID, "keep-mine").click()
        ben_wait.until(lambda d: not d.find_elements(By.ID, "settings-conflict"))
        wait.until(lambda d: api.request("GET", "/api/bundle")[1]["bundle"]["organisation"]["de"] == "Integrationszentrum Münster")
        got = api.request("GET", "/api/bundle")[1]
        check(got["modified_by"] == "ben" and got["revision"] >= 4,
              "'Meine Fassung speichern' saves ben's name over anna's, knowingly", got)
        driver.refresh()  # anna's page reads the settings anew
        wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "nav.tabs"))
    finally:
        ben_driver.quit()

    # --- the publish page's list of changes in the page's words --------------------------
    tab("publish")
    wait.until(lambda d: d.find_elements(By.ID, "publish-now"))
    diff = {r.find_element(By.TAG_NAME, "th").text: r for r in driver.find_elements(By.CSS_SELECTOR, "table.diff tbody tr")}
    kinds = [r.find_elements(By.TAG_NAME, "td")[1].text for r in driver.find_elements(By.CSS_SELECTOR, "table.diff tbody tr")
             if r.find_element(By.TAG_NAME, "th").text == "Art"]
    check(sorted(kinds) == ["Mitteilung", "Termin", "Termin"], "the kind of each change in German (Termin, not event)", kinds)
    tags = [r.find_elements(By.TAG_NAME, "td")[1].text for r in driver.find_elements(By.CSS_SELECTOR, "table.diff tbody tr")
            if r.find_element(By.TAG_NAME, "th").text == "Schlagworte"]
    check(tags and "\n\n" in tags[0] and ", Deutsch:" not in tags[0],
          "tags in the list of changes: one block per tag (no tag seems to run into the next)", tags)
    ar_cells = [c for c in driver.find_elements(By.CSS_SELECTOR, "table.diff td.after[lang=ar]")]
    check(ar_cells and all(c.get_attribute("dir") == "rtl" for c in ar_cells),
          "Arabic texts in the list of changes are right to left", len(ar_cells))
    shot("h04-publish-changes", whole=True)

    # --- Back while a publish hangs, then forward again ----------------------------------
    # keyboard only: from the top of the page Tab reaches 'Jetzt veröffentlichen', each stop with
    # a focus ring one can see and in view, and Enter publishes
    driver.execute_script("document.activeElement.blur(); window.scrollTo(0, 0)")
    stops, unseen = [], []
    for _ in range(80):
        ActionChains(driver).send_keys(Keys.TAB).perform()
        info = driver.execute_script(
            "const e = document.activeElement, s = getComputedStyle(e), r = e.getBoundingClientRect();"
            " return [e.id || e.textContent.trim().slice(0, 30) || e.tagName, s.outlineStyle, parseFloat(s.outlineWidth),"
            " r.bottom > 0 && r.top < innerHeight]")
        stops.append(info[0])
        if info[1] == "none" or info[2] < 2 or not info[3]:
            unseen.append(info)
        if info[0] == "publish-now":
            break
    check(stops[-1] == "publish-now" and not unseen,
          "keyboard only: Tab from the top reaches 'Jetzt veröffentlichen' (%d stops), each with a visible focus "
          "ring, in view" % len(stops), (stops, unseen[:5]))
    dav_get("/_mode/hold")
    ActionChains(driver).send_keys(Keys.ENTER).perform()
    wait.until(lambda d: "von anna seit" in d.find_element(By.ID, "publish-progress").text)
    shot("h05-publishing")
    driver.back()
    driver.forward()
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "nav.tabs"))
    tab("publish")
    wait.until(lambda d: d.find_elements(By.ID, "publish-progress") and
               "von anna seit" in d.find_element(By.ID, "publish-progress").text)
    check(not css("#publish-now").is_enabled(),
          "Back and Forward in the middle of a publish: the page follows it again (who, since when), "
          "the button waits", css("#publish-progress").text)
    check("von anna seit" in css("#publish-running-top").text and
          css("#publish-running-top").location["y"] < css("table.diff").location["y"],
          "... and says so at the top of the page, above the list of changes", css("#publish-last").text)
    shot("h06-publishing-after-back")

    # --- the studio restarted while the upload hangs ------------------------------------
    stop_process(st.proc, timeout=60)
    dav_get("/_release")
    dav_get("/_mode/ok")
    st = Studio(TMP, DATA, config)
    open_logged_in(driver, wait, st.url.rstrip("/"), "anna", PW)
    tab("publish")
    wait.until(lambda d: d.find_elements(By.ID, "publish-interrupted"))
    said = css("#publish-interrupted").text
    check("Das Studio wurde beendet oder neu gestartet, während anna sie seit" in said and
          "Auf den Bildschirmen ändert sich dadurch nichts" in said and "noch einmal" in said,
          "after the restart: the publish page says the publish was interrupted, by whom, and that the screens "
          "are unchanged", said)
    check("Version 1" in css("#publish-last").text and css("#publish-last").location["y"] < css("table.diff").location["y"],
          "... at the top of the page, above the list of changes", css("#publish-last").text)
    shot("h07-publish-interrupted")
    # killed right between the renames of the live pair (the record says so): not said to be
    # unchanged, but uncertain, never half
    stop_process(st.proc, timeout=60)
    job_file = os.path.join(DATA, "publish-job.json")
    kept_job = json.load(open(job_file))
    with open(job_file, "w") as f:
        json.dump(dict(kept_job, state="running", targets={"url": "replacing"}), f)
    st = Studio(TMP, DATA, config)
    open_logged_in(driver, wait, st.url.rstrip("/"), "anna", PW)
    tab("publish")
    wait.until(lambda d: d.find_elements(By.ID, "publish-interrupted"))
    said = css("#publish-interrupted").text
    check("ob die Bildschirme die neue oder die Version davor zeigen, ist nicht sicher (nie eine halbe)" in said
          and "ändert sich dadurch nichts" not in said,
          "interrupted while the live files were being replaced: said to be uncertain, not unchanged", said)
    shot("h07a-publish-interrupted-uncertain")
    click("#publish-now")
    # any of the toasts (the first one may be an earlier message, gone 4 s after it came,
    # and the one sought with it a moment later)
    wait.until(lambda d: "ist veröffentlicht" in d.find_element(By.ID, "toasts").text)
    wait.until(lambda d: not d.find_elements(By.ID, "publish-interrupted"))
    check(json.load(open(os.path.join(DAV, "ki", "content.json")))["serial"] == 2,
          "published again: version 2 is on the server, the note about the interruption gone")
    shot("h08-published-again")
    row1 = css('#versions tr[data-serial="1"] td:nth-child(6)').text
    check("Das Studio wurde beendet oder neu gestartet, genau als die Dateien auf dem Server ausgetauscht wurden" in row1
          and "Ob die Bildschirme diese Version oder die vorherige zeigen, ist nicht sicher" in row1,
          "the versions list says why version 1 was not delivered for sure, and what the screens showed", row1)

    # --- killed (a power cut) while uploading: the versions list says why and what the screens show
    api = Client(st)
    api.login("anna", PW)
    s, got, _ = api.request("GET", "/api/items/" + entry_id)
    place = dict(got["item"]["place"], ar="مركز الحي كوردي")  # a text the screens have not had yet
    check(api.request("PUT", "/api/items/" + entry_id, {"item": dict(got["item"], place=place),
                                                       "revision": got["revision"]})[0] == 200,
          "an Arabic place added to the entry")
    tab("events")
    tab("publish")
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "table.diff td.before[lang=ar]"))
    dav_get("/_mode/hold")
    click("#publish-now")
    wait.until(lambda d: "von anna seit" in d.find_element(By.ID, "publish-progress").text)
    st.proc.kill()
    st.proc.wait(timeout=60)
    dav_get("/_release")
    dav_get("/_mode/ok")
    st = Studio(TMP, DATA, config)
    open_logged_in(driver, wait, st.url.rstrip("/"), "anna", PW)
    tab("publish")
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, '#versions tr[data-serial="3"]'))
    row3 = css('#versions tr[data-serial="3"] td:nth-child(6)').text
    check(row3.startswith("Nicht ausgeliefert: Das Studio wurde beendet oder neu gestartet, während es diese Version "
                          "veröffentlichte.") and "Die Bildschirme zeigen weiter Version 2." in row3,
          "killed while uploading: the versions list says not delivered, why, and that the screens show version 2",
          row3)
    shot("h08a-versions-killed-uploading", whole=True)
    # killed right after the server's live files were replaced (the record says so): the
    # version is out; the page says so and the list of changes compares with it
    stop_process(st.proc, timeout=60)
    kept_job = json.load(open(job_file))
    with open(job_file, "w") as f:
        json.dump(dict(kept_job, state="running", targets={"url": "replaced"}), f)
    st = Studio(TMP, DATA, config)
    open_logged_in(driver, wait, st.url.rstrip("/"), "anna", PW)
    tab("publish")
    wait.until(lambda d: d.find_elements(By.ID, "publish-interrupted"))
    said = css("#publish-interrupted").text
    check("Die neue Version war da schon vollständig beim Webserver angekommen: Die Bildschirme zeigen sie nach ihrer "
          "nächsten Abfrage. Es ist nichts weiter zu tun." in said and "SFTP" not in said,
          "interrupted after the server had the new version: said to be out, nothing to do (no 'SFTP/WebDAV')", said)
    row3 = css('#versions tr[data-serial="3"] td:nth-child(6)').text
    check("gleich nachdem die Version beim Webserver angekommen war" in row3 and "Die Bildschirme zeigen diese Version." in row3,
          "... and the versions list says the same", row3)
    check(not driver.find_elements(By.CSS_SELECTOR, "table.diff") and "Keine Änderungen" in css("main").text,
          "... and the list of changes compares with it: the Arabic place is no longer shown as new ('Vorher: —')",
          [c.text for c in driver.find_elements(By.CSS_SELECTOR, "table.diff td.before[lang=ar]")])
    shot("h08b-versions-live-changed", whole=True)

    # --- a whole document pasted as the centre's name ------------------------------------
    tab("settings")
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, 'input[data-field="organisation.de"]'))
    name = css('input[data-field="organisation.de"]')
    driver.execute_script("arguments[0].select(); document.execCommand('insertText', false, arguments[1]);",
                          name, "Kommunales Integrationszentrum Münster " * 2700)  # about 100 kB
    click("#save-settings")
    wait.until(lambda d: "zu lang" in d.find_element(By.CSS_SELECTOR, '[data-error-for="organisation.de"]').text)
    said = css('[data-error-for="organisation.de"]').text
    check("höchstens 4096" in said, "100 kB as the centre's name: 'zu lang' beside the field, with the limit", said)
    org = driver.execute_script("const o = document.querySelector('header.top .org'); return [o.offsetHeight,"
                                " document.querySelector('header.top').offsetHeight, window.innerHeight];")
    check(org[0] < 40 and org[1] < org[2] / 3,
          "... and the header shows one line of it (the name ran down the whole page)", org)
    shot("h09-settings-100kB-name")
    # --- a translation's language tag as other programs write it: ar-SY, fa-AF, AR -------
    item = {"kind": "notice", "id": "elterncafe", "title": {"de": "Elterncafé", "ar-SY": "مقهى الأهل", "fa-AF": "کافه والدین",
                                                            "ku-Arab": "کافێی دایکان"},
            "message": {"de": "Jeden Freitag.", "ar-SY": "كل يوم جمعة.", "fa-AF": "هر جمعه.", "ku-Arab": "هەموو هەینییەک."},
            "valid_from": "2026-12-01T00:00", "valid_until": "2027-12-31T00:00"}
    api = Client(st)
    api.login("anna", PW)
    check(api.request("POST", "/api/items", {"item": item})[0] == 201, "a notice with ar-SY, fa-AF and ku-Arab texts")
    driver.refresh()
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "nav.tabs"))
    tab("notices")
    click('li.item[data-id="elterncafe"] button.edit')
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, 'textarea[data-field="title.de"]'))
    fields = driver.execute_script(
        "return [...document.querySelectorAll('textarea, input')].filter((e) => /[\\u0600-\\u06ff]/.test(e.value))"
        ".map((e) => [e.dataset.field, e.lang, e.dir, getComputedStyle(e).direction])")
    check(len(fields) == 6 and all(f[1] == f[0].split(".", 1)[1] and f[2] == f[3] == "rtl" for f in fields),
          "every field of an Arabic, Dari or Sorani text is right to left with its language set, whatever the tag's "
          "form (ar-SY, fa-AF, ku-Arab)", fields)
    shot("h10-editor-rtl-tags")
    heads = driver.execute_script("return [...document.querySelectorAll('table.grid thead th')].map((e) => e.textContent)")
    check(any(h.startswith("Arabisch (Syrien) – العربية") and h.endswith("ar-SY") for h in heads) and
          any(h.startswith("Dari – ") for h in heads) and any(h.startswith("Kurdisch (Kurmandschi, arabische Schrift)") for h in heads),
          "the language bar names each language in German and in itself (from the kiosk's locale data), not "
          "'ar-SY', 'fa-AF', 'ku-Arab' alone", heads)
    own = driver.execute_script("return [...document.querySelectorAll('table.grid thead th bdi')].map((e) => [e.lang, e.dir, e.textContent])")
    check(["ar-SY", "rtl"] in [o[:2] for o in own] and all(o[0] and o[1] in ("ltr", "rtl") for o in own) and
          not driver.find_elements(By.CSS_SELECTOR, "table.grid thead th[lang]"),
          "... the name in itself marked with its language and direction, the German name not (a screen reader "
          "reads each in its own voice)", own)
    picker = css(".lang-picker").text
    check("Arabisch (Syrien)" in picker and "Dari" in picker, "... and so do the boxes to show or hide a language", picker)
    check(driver.execute_script("return typeof RTL_LANGS === 'undefined' && typeof LANG_NAMES === 'undefined'"),
          "the page keeps no language list of its own: one source, the studio's")

    # --- the studio restarted while the editor is open with typing not saved --------------
    port = st.port
    css('textarea[data-field="title.de"]').send_keys(" am Freitag")
    wait.until(lambda d: d.find_element(By.ID, "dirty").text != "")
    stop_process(st.proc, timeout=60)
    wait.until(lambda d: "antwortet gerade nicht" in d.find_element(By.ID, "connection").text)
    said = css("#connection").text
    check("Ihre Eingaben in diesem Fenster bleiben erhalten" in said and
          css("#connection").get_attribute("aria-live") == "assertive" and
          css("#connection").location["y"] <= driver.execute_script("return window.scrollY") + 1,
          "the studio stopped while the page is open: said at the top of the window at once (a live region), "
          "without a click", said)
    click("#save")
    wait.until(lambda d: "antwortet gerade nicht" in d.find_element(By.CSS_SELECTOR, "#toasts .toast.error").text)
    check(css('textarea[data-field="title.de"]').get_attribute("value") == "Elterncafé am Freitag" and
          css("#dirty").text != "", "saving meanwhile: refused in German, the typed text still there, marked unsaved")
    shot("h11-studio-away")
    st = Studio(TMP, DATA, config, extra_args=("--listen", "127.0.0.1:%d" % port))
    wait.until(lambda d: "wieder erreichbar" in d.find_element(By.ID, "connection").text)
    said = css("#connection").text
    check("Ihre Änderungen an „Elterncafé am Freitag“ sind noch nicht gespeichert: bitte jetzt „Speichern“" in said,
          "the studio back: the page says so by itself, and that the changes still need saving", said)
    check(css("#back").text == "← Zurück zur Liste", "... and the editor's way back keeps its words", css("#back").text)
    shot("h12-studio-back")
    click("#save")
    wait.until(lambda d: d.find_element(By.ID, "dirty").text == "")
    api = Client(st)
    api.login("anna", PW)
    check(api.request("GET", "/api/items/elterncafe")[1]["item"]["title"]["de"] == "Elterncafé am Freitag",
          "... and saving then keeps what was typed while the studio was away (nothing lost)")
    errors = console_errors(driver, ["/api/session", "/api/preview", "/api/images/foto.png", "/api/validate",
                                     "ERR_CONNECTION_REFUSED"])  # the studio restarting
    check(errors == [], "no script errors in the browser console", errors)
finally:
    driver.quit()
    st.stop()
    dav.stdin.close()
    dav.wait(timeout=30)

print("screenshots in " + SHOTS)
sys.exit(t.finish())
