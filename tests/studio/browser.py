"""The studio in a real browser (tests/e2e_studio.sh): Debian's chromium, headless, driven by
chromium-driver through python3-selenium, against a real `litfass studio` on 127.0.0.1.

A publisher logs in, creates an event with German and Arabic text, uploads a poster, sees
the preview in both orientations, saves, checks the translations overview, adds an offer
with consultation hours, publishes, and sees the version listed; an urgent notice goes
out in two clicks; a save over a colleague's newer change shows both versions; an editor
cannot publish; the English UI. Every page is saved as a screenshot in $SHOTS."""
import json
import os
import re
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(__file__))
from studio import BIN, SRC, Checks, Client, Studio, add_user, free_port  # noqa: E402

from web_browser import (StudioPage, console_errors, fill_login, make_signing_key, save_shot,  # noqa: E402
                         start_chromium, test_folders)

from selenium.common.exceptions import ElementNotInteractableException, StaleElementReferenceException  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.support.ui import Select  # noqa: E402
from selenium.webdriver.common.action_chains import ActionChains  # noqa: E402

TMP, SHOTS, DATA = test_folders()
WWW = os.path.join(TMP, "www")
PW_ANNA, PW_ED = "Mohnblume-2026", "Sonnenblume-99"
POSTER = os.path.join(SRC, "assets/content/images/poster-wochen-gegen-rassismus.png")
t = Checks()
check = t.check

add_user(DATA, "anna", "publisher", PW_ANNA)
add_user(DATA, "ed", "editor", PW_ED)
add_user(DATA, "ada", "admin", "Kornblume-7777")
make_signing_key(TMP)
config = ("[publish]\nkey = %s/ki.key\ndir = %s\n[studio]\nsession_seconds = 3600\n" % (TMP, WWW))
st = Studio(TMP, DATA, config)
base = st.url.rstrip("/")

driver, wait = start_chromium(TMP, 1600, 1100)


def shot(name):
    return save_shot(driver, SHOTS, name)


def full_shot(name):
    """The whole page, not just the window: the window is made as tall as the page."""
    return save_shot(driver, SHOTS, name, 1600, 1100, 6000)


page = StudioPage(driver, wait)
css, click, tab = page.css, page.click, page.tab


def save_and_wait():
    """Saves the form and waits until the page says nothing is unsaved (a busy machine may take long)."""
    click("#save")
    wait.until(lambda d: d.find_element(By.ID, "dirty").text == "")


def change_something(client, word):
    """anna changes an entry's audience over the API (a publisher's change needs no approval)
    and the publish page is opened anew: there is something to publish again."""
    status, entry, _ = client.request("GET", "/api/items/wegweiser-beratung")
    item = dict(entry["item"], audience={"de": "Neu Zugewanderte (%s)" % word})
    status, out, _ = client.request("PUT", "/api/items/wegweiser-beratung", {"item": item, "revision": entry["revision"]})
    check(status == 200, "an entry changed before publishing again (%s)" % word, out)
    tab("events")
    tab("publish")
    wait.until(lambda d: d.find_elements(By.ID, "publish-now") and d.find_element(By.ID, "publish-now").is_enabled())


def images_loaded(ids):
    return driver.execute_script(
        "return arguments[0].every(id => { const i = document.getElementById(id);"
        " return i && i.complete && i.naturalWidth > 0 && !i.classList.contains('stale'); });", ids)


# What every page must hold for a keyboard and screen-reader user, and for the typical office
# laptop (1366 x 768): each control named (label, aria-label or aria-labelledby), each button
# says what it does, no positive tabindex (the tab order is the page's order), nothing wider
# than its box (text running out of a button, a row wider than the window), text in WCAG AA contrast.
A11Y_JS = """
const named = (e) => {
  if ((e.getAttribute('aria-label') || '').trim()) return true;
  const by = e.getAttribute('aria-labelledby');
  if (by && by.split(/\\s+/).some((id) => (document.getElementById(id) || {}).textContent)) return true;
  if (e.labels && [...e.labels].some((l) => l.textContent.trim())) return true;
  return !!(e.getAttribute('title') || '').trim();
};
const say = (e) => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.dataset.field ? '[' + e.dataset.field + ']' : '')
  + (e.className && typeof e.className === 'string' ? '.' + e.className.split(' ').join('.') : '');
const hidden = (e) => e.closest('[aria-hidden="true"]') || e.type === 'hidden';
const out = [];
document.querySelectorAll('input, select, textarea').forEach((e) => { if (!hidden(e) && !named(e)) out.push('no label: ' + say(e)); });
document.querySelectorAll('button').forEach((e) => {
  if (!hidden(e) && !(e.textContent.trim() || (e.getAttribute('aria-label') || '').trim())) out.push('button without words: ' + say(e)); });
document.querySelectorAll('[tabindex]').forEach((e) => { if (e.tabIndex > 0) out.push('tabindex > 0: ' + say(e)); });
if (document.documentElement.scrollWidth > window.innerWidth + 1)
  out.push('page wider than the window: ' + document.documentElement.scrollWidth + ' > ' + window.innerWidth);
document.querySelectorAll('body *').forEach((e) => {
  if (['INPUT', 'TEXTAREA', 'SELECT', 'OPTION', 'IMG', 'svg'].includes(e.tagName) || !e.getClientRects().length) return;
  const cs = getComputedStyle(e);
  if (['auto', 'scroll'].includes(cs.overflowX) || e.clientWidth === 0 || e.closest('.grid-scroll, pre')) return;
  if (e.scrollWidth > e.clientWidth + 2) out.push('content wider than its box: ' + say(e) + ' ' + e.scrollWidth + ' > ' + e.clientWidth
    + ' «' + e.textContent.trim().slice(0, 40) + '»');
});
// WCAG AA contrast of text: 4.5:1, 3:1 for large text; the ground is the first painted one
// behind the text, opacity on the way blends the text into it
const rgb = (c) => (c.match(/[\\d.]+/g) || [0, 0, 0, 0]).map(Number);
const lum = ([r, g, b]) => [r, g, b].map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); })
  .reduce((a, v, i) => a + v * [0.2126, 0.7152, 0.0722][i], 0);
document.querySelectorAll('body *').forEach((e) => {
  if (!e.getClientRects().length || e.closest('[aria-hidden="true"], :disabled, .picker-native, .file-native')) return;
  if (![...e.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim())) return;
  const cs = getComputedStyle(e);
  if (cs.visibility === 'hidden') return;
  let fg = rgb(cs.color), bg = null, alpha = 1;
  for (let a = e; a && !bg; a = a.parentElement) {
    const s = getComputedStyle(a);
    alpha *= +s.opacity;
    const b = rgb(s.backgroundColor);
    if (s.backgroundImage !== 'none') return;
    if (b.length < 4 || b[3] > 0.9) bg = b.slice(0, 3);
  }
  bg = bg || [255, 255, 255];
  fg = fg.slice(0, 3).map((v, i) => v * alpha + bg[i] * (1 - alpha));
  const [l1, l2] = [lum(fg), lum(bg)].sort((x, y) => y - x);
  const ratio = (l1 + 0.05) / (l2 + 0.05);
  const size = parseFloat(cs.fontSize), large = size >= 24 || (size >= 18.6 && +cs.fontWeight >= 700);
  if (ratio < (large ? 3 : 4.5)) out.push('contrast ' + ratio.toFixed(2) + ': ' + say(e) + ' «' + e.textContent.trim().slice(0, 30) + '»');
});
return out;
"""


def a11y(name, laptop=True, phone=False):
    """The checks above on this page, at the window's size, (laptop) at 1366 x 768 and
    (phone) at 390 x 844, a phone held upright."""
    problems = driver.execute_script(A11Y_JS)
    for (w, h), wanted in (((1366, 768), laptop), ((390, 844), phone)):
        if not wanted:
            continue
        size = driver.get_window_size()
        driver.set_window_size(w, h)
        time.sleep(0.2)
        problems += ["%dx%d: %s" % (w, h, p) for p in driver.execute_script(A11Y_JS)]
        driver.set_window_size(size["width"], size["height"])
    check(problems == [], name + ": every control labelled, every button worded, nothing overflows, text in AA contrast", problems[:8])


try:
    # --- login ---------------------------------------------------------------------------
    driver.get(base + "/")
    wait.until(lambda d: d.find_element(By.ID, "login-user"))
    shot("01-login")
    a11y("login")
    check("Anmelden" in driver.page_source, "the login page is German")
    css("#login-user").send_keys("anna")
    css("#login-password").send_keys("falsch-falsch")
    click("#login-submit")
    wait.until(lambda d: d.find_element(By.ID, "login-error").text != "")
    check("Benutzername oder Passwort ist falsch" in css("#login-error").text,
          "a wrong password is said at the form, in German", css("#login-error").text)
    check(driver.execute_script("return document.documentElement.lang") == "de",
          "the page says it is German (html lang=de)")
    shot("02-login-wrong")
    css("#login-password").clear()
    css("#login-password").send_keys(PW_ANNA)
    click("#login-submit")
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "nav.tabs"))
    shot("03-events-empty")
    a11y("events, empty")
    driver.execute_script("document.activeElement && document.activeElement.blur()")
    ActionChains(driver).send_keys(Keys.TAB).perform()
    first = driver.execute_script("return [document.activeElement.className, document.activeElement.textContent]")
    ActionChains(driver).send_keys(Keys.ENTER).perform()
    check(first == ["skip", "Zum Inhalt springen"] and driver.execute_script("return document.activeElement.id") == "main",
          "the first Tab reaches 'Zum Inhalt springen', which takes the focus past header and tabs", first)
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
    # dates typed the German way; the fields show them so whatever the browser's language
    for f in ("start-date", "end-date"):
        css('input[data-field="%s"]' % f).clear()
        css('input[data-field="%s"]' % f).send_keys("22.3.2027")
    css('input[data-field="start-time"]').clear()
    css('input[data-field="start-time"]').send_keys("18:00")
    css('input[data-field="end-time"]').clear()
    css('input[data-field="end-time"]').send_keys("20")
    css("#f-address").click()  # leaves the fields: they tidy up to 22.03.2027 and 20:00
    shown = [css('input[data-field="%s"]' % f).get_attribute("value")
             for f in ("start-date", "start-time", "end-date", "end-time")]
    check(shown == ["22.03.2027", "18:00", "22.03.2027", "20:00"],
          "dates and times are shown the German way (TT.MM.JJJJ, 24 hours)", shown)
    visible_native = driver.execute_script(
        "return [...document.querySelectorAll('input[type=date], input[type=time]')]"
        ".filter((e) => e.offsetWidth > 2 && e.offsetHeight > 2).length")
    check(visible_native == 0, "no field shows the browser's own (locale-dependent) date format",
          visible_native)
    # the calendar button's pick (the browser's own picker) lands in the field the German way
    css('input[data-field="start-date"]').clear()
    driver.execute_script("const n = arguments[0].parentNode.querySelector('input.picker-native');"
                          " n.value = '2027-03-22'; n.dispatchEvent(new Event('change'));",
                          css('input[data-field="start-date"]'))
    check(css('input[data-field="start-date"]').get_attribute("value") == "22.03.2027",
          "a day picked in the calendar shows as 22.03.2027",
          css('input[data-field="start-date"]').get_attribute("value"))
    css("#f-address").send_keys("Idenbrockplatz 8, 48159 Münster")
    # a PNG that claims 30000 x 30000 pixels (its header alone): refused beside the field in
    # German, every number filled in, before the real poster
    import struct
    import zlib
    huge = os.path.join(TMP, "Plakat gross.png")
    with open(huge, "wb") as f:
        chunk = lambda t, b: struct.pack(">I", len(b)) + t + b + struct.pack(">I", zlib.crc32(t + b) & 0xffffffff)
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 30000, 30000, 8, 0, 0, 0, 0)) +
                chunk(b"IDAT", zlib.compress(b"\0" * 64)) + chunk(b"IEND", b""))
    css("#image-file").send_keys(huge)
    wait.until(lambda d: "Pixel" in d.find_element(By.CSS_SELECTOR, '[data-error-for="image"]').text)
    err_text = css('[data-error-for="image"]').text
    check("30000 × 30000 Pixel" in err_text and "verkleinern" in err_text and "{" not in err_text,
          "a picture of 30000 x 30000 pixels is refused beside the field, in German, no placeholder left", err_text)
    # the form's check, run again as one types on, leaves the refusal beside the field
    driver.execute_script("return validateNow()")
    check("30000 × 30000 Pixel" in css('[data-error-for="image"]').text,
          "the refusal stays beside the field when the form is checked again", css('[data-error-for="image"]').text)
    names = driver.execute_script("return arguments[0].map(imageFileName)",
                                  ["Plakat Münster Straße.png", "../../etc/passwd.png", "Café_Éte.JPG", "صورة.png"])
    check(names[0] == "Plakat-Muenster-Strasse.png" and ".." not in names[1] and "/" not in names[1] and
          names[2] == "Cafe_Ete.JPG" and names[3] == "bild.png",
          "a picture's file name: umlauts spelt out, no folders, no '..'", names)
    # a PDF picked by mistake: named as the user picked it, said what to do instead
    pdf = os.path.join(TMP, "Einladung.pdf")
    with open(pdf, "wb") as f:
        f.write(b"%PDF-1.4\n" + b"%" * 2000)
    css("#image-file").send_keys(pdf)
    wait.until(lambda d: "Einladung" in d.find_element(By.CSS_SELECTOR, '[data-error-for="image"]').text)
    err_text = css('[data-error-for="image"]').text
    check("„Einladung.pdf“ ist kein Bild" in err_text and "PNG oder JPEG" in err_text and "pdf.png" not in err_text,
          "a PDF instead of a picture: said with the name picked, and what to do", err_text)
    check(css('[data-error-for="image"]').get_attribute("role") == "alert",
          "a refused picture is announced to a screen reader (role=alert)")
    css("#image-file").send_keys(POSTER)
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "img.image-preview"))
    wait.until(lambda d: images_loaded(["preview-landscape", "preview-portrait"]))
    land = driver.execute_script("const i = document.getElementById('preview-landscape'); return [i.naturalWidth, i.naturalHeight];")
    port = driver.execute_script("const i = document.getElementById('preview-portrait'); return [i.naturalWidth, i.naturalHeight];")
    check(land[0] > land[1] and port[1] > port[0], "previews in landscape and portrait", (land, port))
    check("Seite 1 von" in css("#pages-landscape").text, "the page count is shown", css("#pages-landscape").text)
    full_shot("04-event-editor")
    a11y("event editor")
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
    try:  # the page is drawn anew after the answer: a busy machine takes its time
        wait.until(lambda d: d.find_element(By.ID, "dirty").text == "")
    except Exception:
        pass
    check(css("#dirty").text == "", "saved: no unsaved changes left")

    # validation at the field: an end before the start
    css('input[data-field="end-date"]').clear()
    css('input[data-field="end-date"]').send_keys("01.03.2027")
    wait.until(lambda d: d.find_element(By.CSS_SELECTOR, '[data-error-for="end"]').text != "")
    err_text = css('[data-error-for="end"]').text
    check("muss nach dem Beginn liegen" in err_text and "later" not in err_text,
          "an end before the start is marked at the field, in German", err_text)
    boxes = " ".join(e.text for e in driver.find_elements(By.CSS_SELECTOR, ".box"))
    check("Ende: muss nach dem Beginn liegen" in boxes and "start" not in boxes and "end:" not in boxes,
          "the list of problems names the field by its label (Ende), not its JSON key", boxes)
    full_shot("06-event-editor-error")
    a11y("event editor with an error", laptop=False)
    check(driver.execute_script("return document.getElementById('problems').getAttribute('aria-live')") in ("polite", "assertive"),
          "the check's messages are announced (aria-live)")
    described = driver.execute_script(
        "const i = document.querySelector('input[data-field=end-date]');"
        " const e = document.getElementById(i.getAttribute('aria-describedby') || '-');"
        " return [i.getAttribute('aria-invalid'), e ? e.textContent : null];")
    check(described[0] == "true" and described[1] and "Beginn" in described[1],
          "the field in error says so to a screen reader (aria-invalid, described by its message)", described)
    # a day that does not exist, written right: named as such, not as a wrong format
    css('input[data-field="end-date"]').clear()
    css('input[data-field="end-date"]').send_keys("29.02.2027")
    wait.until(lambda d: "29.02.2027" in d.find_element(By.CSS_SELECTOR, '[data-error-for="end"]').text)
    err_text = css('[data-error-for="end"]').text
    check("den 29.02.2027 gibt es nicht" in err_text and "28 Tage" in err_text and "TT.MM" not in err_text,
          "29.02. of a year that is no leap year is named beside the field", err_text)
    # a year typed wrong: the event would never show; the studio says so beside the field
    css('input[data-field="end-date"]').clear()
    css('input[data-field="end-date"]').send_keys("22.03.2020")
    wait.until(lambda d: "Vergangenheit" in d.find_element(By.CSS_SELECTOR, '[data-error-for="end"]').text)
    check("auf keinem Bildschirm" in css('[data-error-for="end"]').text,
          "an end in the past is pointed out beside the field (it would show on no screen)",
          css('[data-error-for="end"]').text)
    shot("06b-event-end-in-the-past")
    css('input[data-field="end-date"]').clear()
    css('input[data-field="end-date"]').send_keys("22.03.2027")
    wait.until(lambda d: d.find_element(By.CSS_SELECTOR, '[data-error-for="end"]').text == "")
    save_and_wait()

    # a title of spaces only, then of invisible characters only: not saved, said in German
    # beside the field (such an item was saved and showed the word "event" as its heading)
    saved_titles = lambda: driver.execute_async_script(
        "const done = arguments[0]; fetch('/api/items', {credentials: 'same-origin'})"
        ".then((r) => r.json()).then((o) => done(o.items.map((e) => e.item.title)));")
    before = saved_titles()
    refused_url = driver.execute_async_script(
        "const done = arguments[0]; fetch('/api/items', {credentials: 'same-origin'})"
        ".then((r) => r.json()).then((o) => done('/api/items/' + o.items.find((e) =>"
        " (e.item.title || {}).de === 'Sprachcafé im Stadtteilzentrum').item.id));")
    for typed, said in [("   ", "Deutsch fehlt"), ("\u200b\u2060", "nur unsichtbare Zeichen")]:
        title_de = css('textarea[data-field="title.de"]')
        title_de.send_keys(Keys.CONTROL, "a")
        title_de.send_keys(Keys.DELETE)
        driver.execute_script("arguments[0].value = arguments[1];"
                              " arguments[0].dispatchEvent(new Event('input'));", title_de, typed)
        click("#save")
        wait.until(lambda d: said in " ".join(e.text for e in d.find_elements(By.CSS_SELECTOR, '[data-error-for^="title"]')))
        beside = " ".join(e.text for e in driver.find_elements(By.CSS_SELECTOR, '[data-error-for^="title"]'))
        toasts = " ".join(e.text for e in driver.find_elements(By.CSS_SELECTOR, "#toasts .toast.error"))
        check(said in beside and "empty" not in beside and "invisible" not in beside,
              "a blank title (%r) is named beside the field in German" % typed, beside)
        check("Nicht gespeichert" in toasts and "„Titel“" in toasts and "title" not in toasts,
              "... and the message says it was not saved, naming the field by its label", toasts)
        check(css("#dirty").text != "" and saved_titles() == before,
              "... nothing was saved: the item keeps its title on the server", saved_titles())
        check(driver.execute_script("return document.querySelector('textarea[data-field=\"title.de\"]')"
                                    ".getAttribute('aria-invalid')") == "true",
              "... and the title field says so to a screen reader (aria-invalid)")
        if typed == "   ":
            full_shot("06c-blank-title-refused")
    title_de = css('textarea[data-field="title.de"]')
    title_de.send_keys(Keys.CONTROL, "a")
    title_de.send_keys(Keys.DELETE)
    title_de.send_keys("Sprachcafé im Stadtteilzentrum")
    wait.until(lambda d: d.find_element(By.CSS_SELECTOR, '[data-error-for="title"]').text == "")
    save_and_wait()
    click("#back")
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "li.item"))
    check("Sprachcafé im Stadtteilzentrum" in css("ul.items").text, "the event is listed")
    shot("07-events-list")
    a11y("events list")

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
    a11y("offer editor with hours")
    # a text of 3000 characters: the preview counts its pages; each page button tells a screen
    # reader which preview and which page it shows, and Enter on it turns the page
    long_text = ("Wir beraten zu Aufenthalt, Arbeit, Schule und Ausbildung, zu Sprachkursen und zur "
                 "Anerkennung von Abschlüssen. " * 40)[:3000]
    driver.execute_script("arguments[0].value = arguments[1];"
                          " arguments[0].dispatchEvent(new Event('input', {bubbles: true}));",
                          css('textarea[data-field="description.de"]'), long_text)
    wait.until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#page-buttons-landscape button")) >= 2)
    pages = driver.find_elements(By.CSS_SELECTOR, "#page-buttons-landscape button")
    labels = [b.get_attribute("aria-label") for b in pages]
    check(labels[1] == "Vorschau Quer: Seite 2 von %d zeigen" % len(pages) and
          "Seite 1 von %d" % len(pages) in css("#pages-landscape").text,
          "3000 characters: the pages are counted, each page button says which preview and page", labels)
    pages[1].send_keys(Keys.ENTER)
    wait.until(lambda d: "Seite 2 von" in d.find_element(By.ID, "pages-landscape").text)
    check(driver.find_elements(By.CSS_SELECTOR, "#page-buttons-landscape button")[1].get_attribute("aria-pressed") == "true",
          "Enter on a page button shows that page and marks its button pressed")
    full_shot("08b-offer-3000-characters")
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
    driver.find_elements(By.CSS_SELECTOR, 'li.item button[aria-label^="Nach oben"]')[1].click()
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
    a11y("translations overview")

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
    a11y("notice editor")
    save_and_wait()
    click("#back")

    # --- publish, version listed ------------------------------------------------------------
    tab("publish")
    wait.until(lambda d: d.find_elements(By.ID, "publish-now"))
    full_shot("13-publish-before")
    a11y("publish page")
    css("#publish-note").send_keys("Erste Version aus dem Studio")
    # pressed twice fast: one version (the urgent notice below must then be version 2)
    driver.execute_script("const b = document.getElementById('publish-now'); b.click(); b.click();")
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, '#versions tr[data-serial="1"]'))
    time.sleep(1)
    check(sorted(os.listdir(os.path.join(DATA, "versions"))) == ["1", "1.json"],
          "publish pressed twice fast makes one version", os.listdir(os.path.join(DATA, "versions")))
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
    a11y("urgent dialog")
    check(driver.execute_script("const d = document.getElementById('urgent-dialog');"
                                " return d.open && d.contains(document.activeElement)"),
          "the urgent dialog has the focus when it opens")
    inside = []
    for _ in range(12):
        ActionChains(driver).send_keys(Keys.TAB).perform()
        inside.append(driver.execute_script("return document.getElementById('urgent-dialog').contains(document.activeElement)"))
    check(all(inside), "Tab stays inside the urgent dialog (focus trapped)", inside)
    ring = driver.execute_script("const s = getComputedStyle(document.activeElement);"
                                 " return [s.outlineStyle, parseFloat(s.outlineWidth)];")
    check(ring[0] == "solid" and ring[1] >= 2, "the control reached by Tab shows a focus ring", ring)
    ActionChains(driver).send_keys(Keys.ESCAPE).perform()
    wait.until(lambda d: not d.find_elements(By.ID, "urgent-dialog"))
    check(driver.execute_script("return document.activeElement && document.activeElement.id") == "urgent-open",
          "Escape closes the dialog and the focus goes back to its button",
          driver.execute_script("return document.activeElement && document.activeElement.id"))
    click("#urgent-open")
    wait.until(lambda d: d.find_elements(By.ID, "urgent-dialog"))
    import re
    until = css("#urgent-until-date").get_attribute("value")
    check(re.match(r"^\d\d\.\d\d\.\d{4}$", until) and css("#urgent-until-time").get_attribute("value") == "00:00",
          "the urgent notice's end is shown as TT.MM.JJJJ and 00:00", until)
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
    check("ed" in txt and "Raum (Deutsch) Saal Raum 12" in txt,
          "the conflict shows both versions (one row per language, named) and who saved", txt)
    shot("17-conflict")
    a11y("conflict dialog")
    click("#take-theirs")
    time.sleep(0.5)
    # the same person in a second tab of the browser: the later save in the first tab does not
    # overwrite the second tab's, and the dialog does not blame "someone else"
    def open_contact():
        tab("contacts")
        wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "li.item"))
        click("li.item button.edit")
        wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, 'textarea[data-field="title.de"]'))
    # from the event's editor straight to a contact (one click on the tab, one on the entry,
    # faster than the browser's history steps back): the contact's editor stays open
    driver.execute_script("document.querySelector('nav button[data-view=\"contacts\"]').click();"
                          " document.querySelector('li.item button.edit').click();")
    # the contact's editor comes (a busy machine takes its time), then a second in which a
    # wrong step back would close it
    def contact_open(d):
        return any("Integrationszentrum" in e.get_attribute("value")
                   for e in d.find_elements(By.CSS_SELECTOR, 'textarea[data-field="title.de"]'))
    try:
        wait.until(contact_open)
    except Exception:
        pass
    time.sleep(1)
    opened = driver.find_elements(By.CSS_SELECTOR, 'textarea[data-field="title.de"]')
    check(opened and "Integrationszentrum" in opened[0].get_attribute("value"),
          "an entry opened right after leaving another stays open (the first one's step back in the "
          "browser's history does not close it)")
    if not opened:
        open_contact()
    first_tab = driver.current_window_handle
    driver.switch_to.new_window("tab")
    driver.get(base + "/")
    open_contact()
    css('textarea[data-field="title.de"]').send_keys(" (zweiter Tab)")
    save_and_wait()
    driver.close()
    driver.switch_to.window(first_tab)
    css('textarea[data-field="title.de"]').send_keys(" (erster Tab)")
    click("#save")
    wait.until(lambda d: d.find_elements(By.ID, "conflict"))
    txt = css("#conflict").text
    check("Sie selbst haben ihn" in txt and "anderen Fenster oder Tab" in txt and "Jemand anderes" not in txt and
          "(zweiter Tab)" in txt and "(erster Tab)" in txt,
          "two tabs of one person: the second save shows both versions and says it was saved in another tab", txt)
    shot("17b-conflict-two-tabs")
    ActionChains(driver).send_keys(Keys.ESCAPE).perform()
    wait.until(lambda d: not d.find_elements(By.CSS_SELECTOR, "dialog[open]"))
    check(driver.execute_script("return document.activeElement.id") == "save" and css("#dirty").text != "" and
          "(erster Tab)" in css('textarea[data-field="title.de"]').get_attribute("value"),
          "Escape closes the conflict dialog: the focus back on Speichern, the typed text still there, not saved")
    click("#save")
    wait.until(lambda d: d.find_elements(By.ID, "conflict"))
    click("#take-theirs")
    time.sleep(0.5)
    tab("events")
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "li.item"))

    # --- deleting asks in the studio's own dialog, never the browser's confirm() -----------------
    import datetime as _dt
    from selenium.common.exceptions import NoAlertPresentException
    helper = Client(st)
    helper.login("anna", PW_ANNA)
    day = (_dt.date.today() + _dt.timedelta(days=20)).isoformat()
    doomed_title = "Elterncafé zur Probe"
    status, out, _ = helper.request("POST", "/api/items", {"item": {
        "kind": "event", "title": {"de": doomed_title}, "start": day + "T15:00", "end": day + "T17:00"}})
    doomed = (out.get("item") or {}).get("id")
    check(status in (200, 201) and doomed, "an event to delete is made", out)
    driver.refresh()  # the page loads the entries anew (the session stays)
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, 'nav button[data-view="events"]'))
    tab("events")
    doomed_button = 'li.item[data-id="%s"] button.danger' % doomed
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, doomed_button))
    check(css(doomed_button).get_attribute("aria-label") == "„%s“ löschen" % doomed_title,
          "the delete button says what it deletes", css(doomed_button).get_attribute("aria-label"))
    click(doomed_button)
    wait.until(lambda d: d.find_elements(By.ID, "delete-dialog"))
    try:
        browser_box = driver.switch_to.alert.text
    except NoAlertPresentException:
        browser_box = None
    check(browser_box is None, "no browser confirm() box", browser_box)
    dlg = driver.execute_script("""const d = document.getElementById('delete-dialog');
      const by = (a) => (document.getElementById(d.getAttribute(a)) || {}).textContent || '';
      const ok = document.getElementById('delete-dialog-ok');
      return {open: d.open, modal: d.matches(':modal'), role: d.getAttribute('role'), title: by('aria-labelledby'),
              text: by('aria-describedby'), focus: document.activeElement.id,
              okText: ok.textContent, okBg: getComputedStyle(ok).backgroundColor, okColor: getComputedStyle(ok).color,
              order: [...d.querySelectorAll('.buttons button')].map((b) => b.id)};""")
    check(dlg["open"] and dlg["modal"] and dlg["role"] == "alertdialog" and dlg["title"] == "Diesen Eintrag löschen?",
          "the delete dialog is the studio's own modal alert dialog, titled in German", dlg)
    check(doomed_title in dlg["text"] and "Termin" in dlg["text"] and "auf keinem Bildschirm mehr" in dlg["text"],
          "it names what is deleted (title, kind, date) and what follows", dlg["text"])
    check(dlg["focus"] == "delete-dialog-cancel" and dlg["order"] == ["delete-dialog-cancel", "delete-dialog-ok"],
          "Abbrechen comes first and has the focus (Enter alone deletes nothing)", dlg)
    check("Endgültig löschen" in dlg["okText"] and dlg["okBg"] == "rgb(163, 21, 43)" and
          dlg["okColor"] == "rgb(255, 255, 255)",
          "the destructive button is marked: red, white text, 'Endgültig löschen'", dlg)
    inside = []
    for _ in range(6):
        ActionChains(driver).send_keys(Keys.TAB).perform()
        inside.append(driver.execute_script("return document.getElementById('delete-dialog').contains(document.activeElement)"))
    check(all(inside), "Tab stays inside the delete dialog", inside)
    ActionChains(driver).send_keys(Keys.ESCAPE).perform()
    wait.until(lambda d: not d.find_elements(By.ID, "delete-dialog"))
    check(helper.request("GET", "/api/items/" + doomed)[0] == 200 and
          driver.execute_script("return document.activeElement.matches(arguments[0])", doomed_button),
          "Escape cancels: nothing deleted, the focus back on the delete button")
    click(doomed_button)
    wait.until(lambda d: d.find_elements(By.ID, "delete-dialog"))
    click("#delete-dialog-cancel")
    wait.until(lambda d: not d.find_elements(By.ID, "delete-dialog"))
    check(helper.request("GET", "/api/items/" + doomed)[0] == 200, "Abbrechen deletes nothing")
    driver.set_window_size(1366, 768)
    click(doomed_button)
    wait.until(lambda d: d.find_elements(By.ID, "delete-dialog"))
    time.sleep(0.3)
    shot("17b-delete-dialog-1366x768")
    a11y("delete dialog", laptop=False)
    driver.set_window_size(1600, 1100)
    click("#delete-dialog-ok")
    wait.until(lambda d: not d.find_elements(By.CSS_SELECTOR, 'li.item[data-id="%s"]' % doomed))
    check(helper.request("GET", "/api/items/" + doomed)[0] == 404,
          "'Endgültig löschen' deletes the entry", helper.request("GET", "/api/items/" + doomed)[:2])
    # leaving unsaved changes asks in the same dialog; Escape stays in the editor
    click("li.item button.edit")
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, 'textarea[data-field="title.de"]'))
    css('textarea[data-field="title.de"]').send_keys(" (Entwurf)")
    tab("offers")
    wait.until(lambda d: d.find_elements(By.ID, "leave-dialog"))
    check("noch nicht gespeichert" in css("#leave-dialog").text and
          driver.execute_script("return document.activeElement.id") == "leave-dialog-cancel",
          "leaving unsaved changes asks in the studio's dialog, Abbrechen focused", css("#leave-dialog").text)
    ActionChains(driver).send_keys(Keys.ESCAPE).perform()
    wait.until(lambda d: not d.find_elements(By.ID, "leave-dialog"))
    check("(Entwurf)" in css('textarea[data-field="title.de"]').get_attribute("value"),
          "Escape stays in the editor with the changes")
    # the browser's Back button in the editor asks the same, and stays in the studio
    driver.back()
    wait.until(lambda d: d.find_elements(By.ID, "leave-dialog"))
    ActionChains(driver).send_keys(Keys.ESCAPE).perform()
    wait.until(lambda d: not d.find_elements(By.ID, "leave-dialog"))
    check(driver.current_url.startswith(base) and "(Entwurf)" in css('textarea[data-field="title.de"]').get_attribute("value"),
          "Back in the editor with unsaved changes asks first; Escape stays with them", driver.current_url)
    # the session ends while typing (its cookie gone, as after session_seconds): the login page
    # says so and that nothing typed is lost; after logging in the typed text is back, unsaved
    driver.delete_cookie("litfass_session")
    # (after Back the editor may still be drawn anew: the field is looked up until it is there;
    # a preview or check still under way may meet the ended session first: then the login page
    # is there before the typing, and what was typed before is what must come back)
    def type_or_login(d):
        if d.find_elements(By.ID, "login-user"):
            return "login"
        fields = d.find_elements(By.CSS_SELECTOR, 'textarea[data-field="title.de"]')
        try:
            if fields and fields[0].is_displayed():
                fields[0].send_keys(" am Abend")
                return "typed"
        except (ElementNotInteractableException, StaleElementReferenceException):
            pass
        return False
    kept = "(Entwurf) am Abend" if wait.until(type_or_login) == "typed" else "(Entwurf)"
    wait.until(lambda d: d.find_elements(By.ID, "login-user") and css("#login-error").text)
    said = css("#login-error").text
    check("Sitzung ist abgelaufen" in said and "nicht verloren" in said,
          "a session that ends while typing: the login page says so, and that the typed text is kept", said)
    shot("18a-session-ended-while-typing")
    fill_login(driver, wait, "anna", PW_ANNA)
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, 'textarea[data-field="title.de"]'))
    check(css('textarea[data-field="title.de"]').get_attribute("value").endswith(kept) and
          css("#dirty").text != "", "after the new login the typed text is back, marked as not saved",
          css('textarea[data-field="title.de"]').get_attribute("value"))
    # reloading the page in the middle of editing (F5): the typed text comes back in this tab
    driver.execute_script("window.beforeReload = true")
    driver.refresh()
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, 'textarea[data-field="title.de"]') and
               d.find_elements(By.ID, "dirty"))
    check(driver.execute_script("return window.beforeReload === undefined") and
          css('textarea[data-field="title.de"]').get_attribute("value").endswith(kept) and
          css("#dirty").text != "", "a reload in the middle of editing brings the typed text back, marked as not saved",
          css('textarea[data-field="title.de"]').get_attribute("value"))
    tab("offers")
    wait.until(lambda d: d.find_elements(By.ID, "leave-dialog-ok"))
    click("#leave-dialog-ok")
    wait.until(lambda d: not d.find_elements(By.CSS_SELECTOR, 'textarea[data-field="title.de"]'))
    check(css('nav button[data-view="offers"]').get_attribute("aria-current") in ("page", "true") or
          "Angebote" in css("main h1").text, "'Verlassen, ohne zu speichern' leaves for the page asked for",
          css("main h1").text)
    # a colleague deletes the entry while it is being edited: saving says so and keeps the text
    status, out, _ = helper.request("POST", "/api/items", {"item": {
        "kind": "event", "title": {"de": "Nähcafé zur Probe"}, "start": day + "T10:00", "end": day + "T12:00"}})
    gone_id = (out.get("item") or {}).get("id")
    driver.refresh()
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, 'nav button[data-view="events"]'))
    tab("events")
    click('li.item[data-id="%s"] button.edit' % gone_id)
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, 'textarea[data-field="title.de"]'))
    css('textarea[data-field="title.de"]').send_keys(" (neu)")
    status, entry, _ = helper.request("GET", "/api/items/" + gone_id)
    status, out, _ = helper.request("DELETE", "/api/items/%s?revision=%d" % (gone_id, entry["revision"]))
    check(status == 200, "a colleague deletes the entry being edited", out)
    click("#save")
    wait.until(lambda d: d.find_elements(By.ID, "gone-dialog"))
    check("gelöscht" in css("#gone-dialog").text and "Eingaben sind noch da" in css("#gone-dialog").text,
          "saving an entry a colleague deleted says so, and that the typed text is still there", css("#gone-dialog").text)
    shot("18b-entry-deleted-meanwhile")
    click("#gone-dialog-ok")
    wait.until(lambda d: d.find_element(By.ID, "dirty").text == "")
    status, entry, _ = helper.request("GET", "/api/items/" + gone_id)
    title = entry.get("item", {}).get("title") if status == 200 else None
    check(str(title.get("de") if isinstance(title, dict) else title).endswith("(neu)"),
          "'Als neuen Eintrag speichern' saves the typed text again", entry)
    if status == 200:  # the checks after this one count the events in the draft
        helper.request("DELETE", "/api/items/%s?revision=%d" % (gone_id, entry["revision"]))
    driver.back()  # nothing unsaved: Back leads to the list, within the studio
    wait.until(lambda d: not d.find_elements(By.ID, "save") and d.find_elements(By.ID, "new-item"))
    check(driver.current_url.startswith(base) and css("main h1").text == "Termine",
          "the browser's Back button leaves the editor for the list, not the studio", driver.current_url)

    # --- audit log, settings, English UI --------------------------------------------------------
    tab("audit")
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "table.audit tr"))
    check("veröffentlicht" in css("table.audit").text and driver.find_elements(By.CSS_SELECTOR, "table.audit tr[data-action=publish]"),
          "the audit log lists publishing, in German")
    shot("18-audit")
    a11y("audit log")
    tab("settings")
    wait.until(lambda d: d.find_elements(By.ID, "save-settings"))
    shot("19-settings")
    a11y("settings")
    tab("fleet")
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "main h1") and "Bildschirme" in css("main h1").text)
    time.sleep(0.3)
    shot("19b-fleet")
    a11y("fleet page")
    click("#ui-lang")
    tab("events")
    wait.until(lambda d: "Events" in css("nav.tabs").text)
    shot("20-events-english")
    check(driver.execute_script("return document.documentElement.lang") == "en",
          "the English page says so (html lang=en)")
    click("#ui-lang")

    # --- an editor cannot publish ----------------------------------------------------------------
    click("#logout")
    fill_login(driver, wait, "ed", PW_ED)
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "nav.tabs"))
    tab("publish")
    wait.until(lambda d: "Veröffentlichen dürfen nur" in d.page_source)
    check(not driver.find_elements(By.ID, "publish-now"), "an editor sees no publish button")
    shot("21-publish-as-editor")
    a11y("publish page of an editor", laptop=False)
    errors = [e for e in console_errors(driver) if "401" not in e["message"] and "409" not in e["message"]
              and "422" not in e["message"] and not ("404" in e["message"] and gone_id in e["message"])
              and not ("400" in e["message"] and e["message"].split(" ")[0].endswith(refused_url))]
    check(errors == [], "no script errors in the browser console", errors)
    check("Content-Security-Policy" not in str(errors), "nothing blocked by the CSP")

    # --- four eyes: an editor's change waits for a publisher -------------------------------------
    check(st.stopped_cleanly(), "the studio stops cleanly", st.stderr[-2000:])
    # the studio is down (its computer off, restarting): the page says so in German, not the
    # browser's "Failed to fetch"
    tab("events")
    tab("publish")
    wait.until(lambda d: "antwortet gerade nicht" in css("main").text)
    said = css("main").text
    check("Das Studio antwortet gerade nicht" in said and "Eingaben in diesem Fenster bleiben erhalten" in said and
          "fetch" not in said.lower(), "a studio that does not answer: said in German, and what to do", said[:300])
    shot("21b-studio-down")
    said = driver.execute_script("return [new ApiError(409, {error: \"changes wait for a publisher's approval (four eyes)\"}).message,"
                                 " new ApiError(503, {error: 'too many downloads at once: try again in a minute'}).message,"
                                 " new ApiError(500, {error: 'something new the page does not know'}).message,"
                                 " new ApiError(504, null).message, new ApiError(500, null).message]")
    check("Freigabe" in said[0] and "approval" not in said[0] and "Bitte in einer Minute" in said[1] and
          said[2].startswith("Technischer Hinweis (englisch): ") and "antwortet gerade nicht" in said[3] and
          "Fehler geantwortet (HTTP 500)" in said[4] and "IT fragen" in said[4],
          "the studio's English answers are said in German; an unknown one is marked as a technical note", said)
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
    fill_login(driver, wait, "anna", PW_ANNA)
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "nav.tabs"))
    tab("publish")
    wait.until(lambda d: d.find_elements(By.ID, "approve"))
    check("wartet auf Freigabe" in css("ul.changes").text and "Neu Zugewanderte" in css("ul.changes").text,
          "the publisher sees the waiting change with its new text")
    full_shot("22-four-eyes")
    a11y("four eyes", phone=True)
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
    fill_login(driver, wait, "ada", "Kornblume-7777")
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "nav.tabs"))
    tab("users")
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#users td"))
    check("anna" in css("#users").text and "ed" in css("#users").text, "an admin sees the users")
    shot("23-users")
    a11y("users")

    # --- a calendar imported once from its address (the test's own HTTP server) -----------
    import datetime
    import functools
    import http.server
    import threading
    cal_dir = os.path.join(TMP, "cal")
    os.makedirs(cal_dir)
    day = (datetime.date.today() + datetime.timedelta(days=10)).strftime("%Y%m%d")

    def ics(room):
        return ("\r\n".join([
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Test//Nextcloud-like//DE",
            "BEGIN:VEVENT", "UID:naehcafe@ki.example", "DTSTAMP:20261101T120000Z",
            "DTSTART;TZID=Europe/Berlin:%sT150000" % day, "DTEND;TZID=Europe/Berlin:%sT170000" % day,
            "RRULE:FREQ=WEEKLY;COUNT=2", "SUMMARY:Nähcafé", "LOCATION:" + room, "END:VEVENT",
            "BEGIN:VEVENT", "UID:elternabend@ki.example", "DTSTAMP:20261101T120000Z",
            "DTSTART;TZID=Europe/Berlin:%sT190000" % day, "DTEND;TZID=Europe/Berlin:%sT203000" % day,
            "SUMMARY:Elternabend", "LOCATION:Aula", "END:VEVENT", "END:VCALENDAR"]) + "\r\n").encode()

    with open(os.path.join(cal_dir, "kalender.ics"), "wb") as f:
        f.write(ics("Raum 2"))
    httpd = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(http.server.SimpleHTTPRequestHandler, directory=cal_dir))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    cal_url = "http://127.0.0.1:%d/kalender.ics" % httpd.server_address[1]
    try:
        tab("events")
        wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "details.ics-import summary"))
        click("details.ics-import summary")
        css("#ics-url").send_keys(cal_url)
        click("#ics-url-import")
        wait.until(lambda d: d.find_elements(By.ID, "ics-result"))
        res = css("#ics-result").text
        check("3 neu" in res and "3 Termine übernommen, 0 von Hand geändert" in res,
              "a calendar fetched once from its address: 3 events arrive as draft changes, "
              "said in German", res)
        anna_api = Client(st)
        anna_api.login("anna", PW_ANNA)
        items = {e["item"]["id"]: e for e in anna_api.request("GET", "/api/items")[1]["items"]}
        naeh = sorted(i for i, e in items.items() if "Nähcaf" in str(e["item"]))
        check(len(naeh) == 2 and all(items[i]["modified_by"] == "ada" for i in naeh),
              "the series' two dates are draft items by the importing user", naeh)
        full_shot("24-calendar-imported")
        # a colleague changes one by hand; the calendar changes the room; imported again
        e = items[naeh[0]]
        status, out, _ = anna_api.request("PUT", "/api/items/" + naeh[0], {
            "item": dict(e["item"], room={"de": "Werkstatt"}), "revision": e["revision"]})
        check(status == 200, "a colleague edits an imported date by hand", out)
        with open(os.path.join(cal_dir, "kalender.ics"), "wb") as f:
            f.write(ics("Raum 9"))
        click("#ics-url-import")
        wait.until(lambda d: d.find_elements(By.ID, "ics-result") and "1 von Hand" in css("#ics-result").text)
        res = css("#ics-result").text
        check("1 geändert" in res and "Nähcafé“ wurde im Studio von Hand geändert und bleibt so" in res
              and "Ort: Raum 9" in res and "kept" not in res and "place" not in res,
              "imported again: the hand edit is kept and named in German with the form's words", res)
        full_shot("25-calendar-hand-edit-kept")
        a11y("calendar import", phone=True)
        # addresses that fail, each on 127.0.0.1: said in German, what happened and what to
        # do; the technical text (libcurl's or the calendar reader's English) in a smaller
        # line of its own under it
        with open(os.path.join(cal_dir, "notiz.txt"), "w") as f:
            f.write("Liebe Kolleginnen, anbei die Termine der nächsten Wochen als Liste.\n")
        failing = [
            ("an address that answers 404", cal_url.replace("kalender", "fehlt"),
             ["Der Kalender wurde nicht importiert", "Unter dieser Adresse gibt es keinen Kalender",
              "„127.0.0.1“ antwortet „nicht gefunden“ (404)", "Bitte die Adresse prüfen"],
             "HTTP 404", "26-calendar-404"),
            ("a closed port (connection refused)", "http://127.0.0.1:%d/kalender.ics" % free_port(),
             ["Keine Verbindung zum Server „127.0.0.1“", "später noch einmal versuchen", "IT fragen"],
             "connect", "26b-calendar-no-connection"),
            ("https:// to a server without TLS", cal_url.replace("http://", "https://"),
             ["Die sichere Verbindung (https) zu „127.0.0.1“ kam nicht zustande", "Nichts wurde geholt"],
             "ssl", "26d-calendar-tls"),
            ("a text file that is no calendar", cal_url.replace("kalender.ics", "notiz.txt"),
             ["Das ist kein Kalender im iCalendar-Format (.ics)", "iCalendar-Adresse oder -Datei"],
             "not an iCalendar feed", "26c-calendar-not-ics"),
        ]
        for what, address, german, technical, name in failing:
            css("#ics-url").clear()
            css("#ics-url").send_keys(address)
            click("#ics-url-import")
            wait.until(lambda d: d.find_elements(By.ID, "ics-result") and german[-1] in css("#ics-result").text)
            box = css("#ics-result")
            details = box.find_elements(By.CSS_SELECTOR, ".tech-detail")
            detail = " ".join(x.text for x in details)
            plain_words = driver.execute_script(
                "const c = arguments[0].cloneNode(true); c.querySelectorAll('.tech-detail').forEach((x) => x.remove());"
                "return c.innerText;", box)
            check(all(g in plain_words for g in german) and technical not in plain_words and
                  "Failed" not in plain_words and "HTTP" not in plain_words,
                  "%s: said in German, what happened and what to do, no English" % what, plain_words)
            check(len(details) == 1 and detail.startswith("Technische Angabe (für die IT):") and
                  technical.lower() in detail.lower(),
                  "%s: the technical text stays, in a line of its own" % what, detail)
            sizes = driver.execute_script(
                "return [parseFloat(getComputedStyle(arguments[0]).fontSize),"
                " parseFloat(getComputedStyle(arguments[1]).fontSize)];", box, details[0]) if details else [0, 0]
            check(12 <= sizes[1] < sizes[0], "%s: the technical line is smaller, still readable" % what, sizes)
            shot(name)
        a11y("a calendar that could not be fetched")
        tab("audit")
        wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "table.audit tr[data-action=import-ics]"))
        row = css("table.audit tr[data-action=import-ics]").text
        check("Kalender importiert" in row and "1 geändert" in row and "1 von Hand geändert behalten" in row
              and "added" not in row, "the audit log names the calendar import in German", row)
        audit_text = css("table.audit").text
        check("Version 1" in audit_text and "serial" not in audit_text,
              "the audit log says 'Version', not 'serial'", audit_text[:400])
        full_shot("27-audit-calendar")
    finally:
        httpd.shutdown()

    # --- publishing to a WebDAV server that fails (tests/servers/dav_faults.py) ---------------
    # a full disk when the manifest goes up, then a wrong password: each said in German with
    # what to do, the live manifest and signature on the server untouched (a kiosk never sees
    # a new signature beside the old manifest); once the server works, publishing again works.
    import urllib.request
    dav_dir = os.path.join(TMP, "dav")
    os.makedirs(dav_dir)
    dav = subprocess.Popen([sys.executable, os.path.join(SRC, "tests/servers/dav_faults.py"), "--root", dav_dir,
                            "--slow", "4"],
                           stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        dav_port = int(dav.stdout.readline())
        dav_mode = lambda m: urllib.request.urlopen("http://127.0.0.1:%d/_mode/%s" % (dav_port, m), timeout=30).read()
        pwfile = os.path.join(TMP, "dav-password")
        with open(pwfile, "w") as f:
            f.write("Dav-Geheimnis-1\n")
        os.chmod(pwfile, 0o600)
        check(st.stopped_cleanly(), "the studio stops cleanly", st.stderr[-2000:])
        st = Studio(TMP, DATA, config.replace("dir = %s\n" % WWW, "url = http://127.0.0.1:%d/dav/ki/\nuser = litfass\n"
                                              "password_file = %s\n" % (dav_port, pwfile)))
        base = st.url.rstrip("/")
        driver.get(base + "/")
        wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "nav.tabs"))
        tab("publish")
        wait.until(lambda d: d.find_elements(By.ID, "publish-now"))
        live = lambda: [open(os.path.join(dav_dir, "ki", n), "rb").read() if os.path.exists(os.path.join(dav_dir, "ki", n))
                        else None for n in ("content.json", "content.json.sig")]
        dav_mode("ok")
        click("#publish-now")
        wait.until(lambda d: "ist veröffentlicht" in d.find_element(By.ID, "toasts").text)
        first = live()
        # published and nothing changed since: the button waits and says why
        wait.until(lambda d: d.find_elements(By.ID, "publish-nothing"))
        check(not css("#publish-now").is_enabled() and
              ("seit Version %d wurde nichts geändert" % json.loads(first[0])["serial"]) in css("#publish-nothing").text,
              "right after publishing to the WebDAV server: nothing to publish, said beside the button", css("#publish-nothing").text)
        anna_dav = Client(st)
        anna_dav.login("anna", PW_ANNA)
        change_something(anna_dav, "WebDAV")
        failing = [("manifest507", ["kein Platz mehr frei", "Auf den Bildschirmen ändert sich dadurch nichts",
                                    "noch einmal „Jetzt veröffentlichen“"], "HTTP 507", "28-publish-disk-full"),
                   ("401", ["hat die Anmeldung abgelehnt", "Passwort", "IT"], "HTTP 401", "28b-publish-wrong-password"),
                   ("cut", ["hat die Verbindung beendet, bevor alles hochgeladen war", "IT fragen"], "Empty reply", "28c-publish-cut")]
        for mode, german, technical, name in failing:
            dav_mode(mode)
            click("#publish-now")
            wait.until(lambda d: d.find_elements(By.ID, "publish-error"))
            box = css("#publish-result")
            plain_words = css("#publish-error").text
            check(all(g in plain_words for g in german) and "/dav/ki" not in plain_words and "signed" not in box.text
                  and "Empty reply" not in plain_words,
                  "publishing to a server that fails (%s): said in German, what happened and what to do" % mode, box.text)
            check(technical in box.find_element(By.CSS_SELECTOR, ".tech-detail").text,
                  "the server's own words stay in a smaller line for IT (%s)" % mode, box.text)
            check(live() == first, "the live manifest and its signature on the server are as before (%s)" % mode)
            shot(name)
        a11y("publishing that failed")
        # a slow server (4 s for the manifest): the page says that it is publishing, then that it is done
        dav_mode("slow")
        click("#publish-now")
        wait.until(lambda d: "Wird veröffentlicht" in d.find_element(By.ID, "publish-result").text)
        check(not css("#publish-now").is_enabled(), "while a slow server takes its time the page says so "
              "and the button waits", css("#publish-result").text)
        wait.until(lambda d: live() != first and not d.find_elements(By.ID, "publish-error"))
        wait.until(lambda d: live()[0] and str(json.loads(live()[0])["serial"]) ==
                   d.find_element(By.CSS_SELECTOR, "#versions tbody tr").get_attribute("data-serial"))
        serial = json.loads(live()[0])["serial"]
        vdir = os.path.join(DATA, "versions", str(serial))
        check(live() == [open(os.path.join(vdir, n), "rb").read() for n in ("content.json", "content.json.sig")],
              "after the failures publishing again puts a whole signed version on the server", serial)
        rows = css("#versions").text
        check("kein Platz mehr frei" in rows and "Anmeldung abgelehnt" in rows,
              "the versions list says in German why earlier versions did not go out", rows[:600])
        full_shot("28d-publish-versions-after-failures")
        # a server that holds the upload until the test lets it go (dav_faults.py mode hold;
        # publishing runs on a thread of the studio's own): the page says "Wird veröffentlicht …"
        # with who and since when, the studio answers everybody else meanwhile, a colleague's
        # click is told who publishes since when, a page opened meanwhile follows the publish,
        # and once released the page names the version that is out
        colleague = Client(st)  # logged in before: the server holds the upload for under 30 s (its stall limit)
        colleague.login("anna", PW_ANNA)
        change_something(colleague, "hold")
        dav_mode("hold")
        held = lambda: int(urllib.request.urlopen("http://127.0.0.1:%d/_held" % dav_port, timeout=30).read())
        running = re.compile(r"Wird veröffentlicht … \(von (\w+) seit (\d\d:\d\d) Uhr, Version (\d+)\)")
        click("#publish-now")
        wait.until(lambda d: held() >= 1)
        wait.until(lambda d: running.search(d.find_element(By.ID, "publish-result").text))
        progress = css("#publish-result").text
        check(not css("#publish-now").is_enabled(),
              "while the server holds the upload the page says who publishes which version since when, "
              "and the button waits", progress)
        shot("28e-publishing-held")
        status, out, _ = colleague.request("GET", "/api/items")
        check(status == 200 and out["items"], "the studio answers other requests while the upload hangs", status)
        status, busy, _ = colleague.request("POST", "/api/publish")
        job = busy.get("job") or {}
        said = driver.execute_script("return new ApiError(409, arguments[0]).message", busy)
        check(status == 409 and said.startswith("Wird gerade veröffentlicht – von %s seit %s Uhr" % (job.get("by"), job.get("since")))
              and running.search(progress).groups() == (job.get("by"), job.get("since"), str(job.get("serial"))),
              "a second publish meanwhile is told in German who publishes since when (the one the page shows)", said)
        serial_held = job["serial"]
        tab("events")
        wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "li.item"))
        tab("publish")
        wait.until(lambda d: running.search(d.find_element(By.ID, "publish-result").text))
        check(not css("#publish-now").is_enabled(), "the publish page opened again follows the publish under way")
        urllib.request.urlopen("http://127.0.0.1:%d/_release" % dav_port, timeout=30).read()
        wait.until(lambda d: ("Version %d ist veröffentlicht" % serial_held) in d.find_element(By.ID, "toasts").text)
        told = css("#toasts").text.count("Version %d ist veröffentlicht" % serial_held)
        check(told == 1, "the page says so once (the page that clicked and the one opened again follow one job)", told)
        wait.until(lambda d: d.find_element(By.CSS_SELECTOR, "#versions tbody tr").get_attribute("data-serial") == str(serial_held))
        wait.until(lambda d: d.find_elements(By.ID, "publish-nothing"))
        check(json.loads(live()[0])["serial"] == serial_held and not css("#publish-now").is_enabled() and
              ("seit Version %d wurde nichts geändert" % serial_held) in css("#publish-nothing").text,
              "released: the page says version %d is published, the server has it, the button says nothing is "
              "left to publish" % serial_held, css("#publish-nothing").text)
        full_shot("28f-published-after-hold")
        dav_mode("ok")
    finally:
        dav.stdin.close()
        dav.wait(timeout=30)

    # --- a server that hangs up at once, and one that takes the connection and never answers
    # (socket servers of the test's own on 127.0.0.1): publishing to them and fetching a
    # calendar from them is said in German, with what to do; the technical words for IT
    import socket
    import threading
    quiet = []

    def lone_server(hang_up):
        srv = socket.socket()
        srv.bind(("127.0.0.1", 0))
        srv.listen(16)

        def run():
            while True:
                try:
                    conn, _ = srv.accept()
                except OSError:
                    return
                if hang_up:
                    conn.close()
                else:
                    quiet.append(conn)
        threading.Thread(target=run, daemon=True).start()
        return srv
    hangup, silent = lone_server(True), lone_server(False)
    os.environ["LITFASS_TEST_PUBLISH_STALL_S"] = "2"
    os.environ["LITFASS_TEST_ICS_ONCE_TIMEOUT_S"] = "3"
    try:
        cut_words = r"reset|Empty reply|Send failure|Recv failure|Broken pipe"
        for srv, german, technical, name in [
                (hangup, ["hat die Verbindung beendet", "noch einmal veröffentlichen", "IT fragen",
                          "[publish] url", "Auf den Bildschirmen ändert sich dadurch nichts"], cut_words, "29-publish-hangup"),
                (silent, ["hat zu lange nicht geantwortet", "später noch einmal versuchen", "IT fragen"],
                 r"too slow|timed out", "29b-publish-silent")]:
            check(st.stopped_cleanly(), "the studio stops cleanly", st.stderr[-2000:])
            st = Studio(TMP, DATA, config.replace("dir = %s\n" % WWW, "url = http://127.0.0.1:%d/dav/\nuser = litfass\n"
                                                  "password_file = %s\n" % (srv.getsockname()[1], pwfile)))
            base = st.url.rstrip("/")
            driver.get(base + "/")
            wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "nav.tabs"))
            tab("publish")
            click("#publish-now")
            wait.until(lambda d: d.find_elements(By.ID, "publish-error"))
            plain_words = css("#publish-error").text
            detail = css("#publish-result .tech-detail").text
            check(all(g in plain_words for g in german) and not re.search(cut_words + r"|too slow|Operation|signed", plain_words),
                  "publishing to %s: said in German, what happened and what to do" % name[11:], plain_words)
            check(re.search(technical, detail, re.I), "publishing to %s: the technical words stay for IT" % name[11:], detail)
            shot(name)
        tab("events")
        wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "details.ics-import summary"))
        if not css("details.ics-import").get_attribute("open"):
            click("details.ics-import summary")
        for srv, german, technical, name in [
                (hangup, ["hat die Verbindung beendet", "Nichts wurde übernommen", "noch einmal versuchen",
                          "Adresse prüfen", "IT fragen"], cut_words, "29c-calendar-hangup"),
                (silent, ["hat zu lange nicht geantwortet", "Nichts wurde geholt", "später noch einmal versuchen",
                          "IT fragen"], r"timed out|too slow", "29d-calendar-silent")]:
            css("#ics-url").clear()
            css("#ics-url").send_keys("http://127.0.0.1:%d/kalender.ics" % srv.getsockname()[1])
            click("#ics-url-import")
            wait.until(lambda d: d.find_elements(By.ID, "ics-result") and german[0] in css("#ics-result").text)
            box = css("#ics-result")
            plain_words = driver.execute_script(
                "const c = arguments[0].cloneNode(true); c.querySelectorAll('.tech-detail').forEach((x) => x.remove());"
                "return c.innerText;", box)
            detail = " ".join(x.text for x in box.find_elements(By.CSS_SELECTOR, ".tech-detail"))
            check(all(g in plain_words for g in german) and not re.search(cut_words + r"|timed out|Operation", plain_words),
                  "a calendar from %s: said in German, what happened and what to do" % name[12:], plain_words)
            check(re.search(technical, detail, re.I), "a calendar from %s: the technical words stay for IT" % name[12:], detail)
            shot(name)
    finally:
        del os.environ["LITFASS_TEST_PUBLISH_STALL_S"], os.environ["LITFASS_TEST_ICS_ONCE_TIMEOUT_S"]
        for x in [hangup, silent] + quiet:
            x.close()
finally:
    driver.quit()
    st.stop()

print("screenshots in " + SHOTS)
sys.exit(t.finish())
