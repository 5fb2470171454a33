"""The studio as KI staff who are not programmers use it (tests/e2e_studio_review.sh), in
Debian's chromium headless against a real studio with the sample's entries.

Keyboard: a tab of the navigation opened with Enter, an entry opened with Enter, Speichern
pressed with Enter: the focus lands on the new page's content (or stays on Speichern), never on
<body>, from where the next Tab started at the top of the page again.
Direction: an address typed in Arabic or Persian runs right to left (and a German one left to
right); so does every other free text field of the editor, the urgent notice and the publish
page (dir=auto where the field has no language of its own); e-mail and web addresses stay left
to right. Screenshots in $SHOTS."""
import os
import sys
import time

sys.path.insert(0, os.path.dirname(__file__))
from studio import Checks  # noqa: E402
from web_browser import (StudioPage, console_errors, open_logged_in, save_shot,  # noqa: E402
                         start_chromium, studio_with_sample, test_folders)

from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.common.exceptions import TimeoutException  # noqa: E402

TMP, SHOTS, DATA = test_folders()
PW = "Mohnblume-2026"
t = Checks()
check = t.check

st, api = studio_with_sample(TMP, DATA, PW, check)
base = st.url.rstrip("/")

driver, wait = start_chromium(TMP, 1366, 768)
page = StudioPage(driver, wait)
css, click, tab = page.css, page.click, page.tab


def focused():
    """Where the focus is: 'body', 'main', or the focused control's id / data-view / data-field
    with 'in-main' when it is inside the page's content."""
    return driver.execute_script(
        "const a = document.activeElement;"
        " if (!a || a === document.body) return 'body';"
        " if (a.id === 'main') return 'main';"
        " return (a.closest('#main') ? 'in-main:' : '') + (a.id || a.dataset.view || a.dataset.field || a.tagName);")


def press_enter_on(sel):
    el = css(sel)
    driver.execute_script("arguments[0].focus()", el)
    el.send_keys(Keys.ENTER)


# Which free text fields on screen do not run right to left with Arabic in them (their own
# language's direction where they have one): the text is put in as typed (an input event).
RTL_JS = """
const arabic = 'شارع الملك فيصل ١٢، الرياض';
const shown = (e) => e.getClientRects().length && !e.closest('[inert]');
const skip = (e) => e.matches('.date-de, .time-de, [type=email], [type=url], [type=number], [type=password],'
  + ' [type=checkbox], [type=file], [type=date], [data-field=id], .picker-native') || e.hasAttribute('lang');
const out = [];
const scope = document.querySelector('dialog[open]') || document.getElementById('main');
for (const e of scope.querySelectorAll('input, textarea')) {
  if (!shown(e) || skip(e)) continue;
  const before = e.value;
  e.value = arabic;
  const dir = getComputedStyle(e).direction;
  if (dir !== 'rtl' || !e.matches(':dir(rtl)')) out.push((e.id || e.dataset.field || e.outerHTML.slice(0, 80)) + ': ' + dir);
  e.value = before;
}
return out;
"""

# The text grid's row names (Titel, Beschreibung, ...) that cannot be seen: outside the grid's
# scrolling box, or covered by a text box scrolled over them; and how far the grid is scrolled.
ROW_NAMES_JS = """
const box = document.querySelector('.grid-scroll'), b = box.getBoundingClientRect();
const hidden = [];
for (const th of document.querySelectorAll('table.grid tbody th')) {
  const r = th.getBoundingClientRect();
  const x = r.left + 8, y = r.top + 8;
  if (y < 0 || y > innerHeight) continue; /* above or below the window: seen by scrolling down */
  const top = document.elementFromPoint(x, y);
  if (r.left < b.left - 1 || r.left + 8 > b.right || !top || !th.contains(top))
    hidden.push(th.textContent.trim().slice(0, 20) + ' at ' + Math.round(r.left) + ' (box ' + Math.round(b.left) + '..' + Math.round(b.right) + ')');
}
return {scrolled: Math.round(box.scrollLeft), hidden, seen: [...document.querySelectorAll('table.grid tbody th')]
  .filter((th) => { const y = th.getBoundingClientRect().top + 8; return y >= 0 && y <= innerHeight; }).length};
"""

# Words of the elements matching a selector that run over two lines (cut in the middle): each
# word of up to 24 letters without a hyphen, by the boxes of its range.
CUT_WORDS_JS = """
const out = [];
for (const el of document.querySelectorAll(arguments[0])) {
  const walk = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  for (let n = walk.nextNode(); n; n = walk.nextNode()) {
    const re = /[^\\s,;:()]+/g;
    let m;
    while ((m = re.exec(n.data))) {
      if (m[0].length > 24 || m[0].includes('-')) continue;
      const r = document.createRange();
      r.setStart(n, m.index); r.setEnd(n, m.index + m[0].length);
      const lines = new Set([...r.getClientRects()].filter((b) => b.width > 0).map((b) => Math.round(b.top)));
      if (lines.size > 1) out.push(m[0]);
    }
  }
}
return out;
"""

try:
    open_logged_in(driver, wait, base, "anna", PW)
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "main h1"))

    # --- (1) the keyboard: a tab opened with Enter puts the focus on its content -------------
    for view, heading in (("offers", "Angebote"), ("translations", "Übersetzungen"), ("publish", "Veröffentlichen"),
                          ("events", "Termine")):
        press_enter_on('nav button[data-view="%s"]' % view)
        wait.until(lambda d: d.find_element(By.CSS_SELECTOR, "main h1").text == heading)
        check(focused() == "main", "Enter on the tab '%s': the focus is on its content, not on <body>" % heading,
              focused())
        # (the publish page asks the studio first: its controls come a moment later)
        wait.until(lambda d: "Lädt" not in d.find_element(By.ID, "main").text)
        driver.switch_to.active_element.send_keys(Keys.TAB)
        check(focused().startswith("in-main:"),
              "… and the next Tab reaches the first control of '%s' (not the top of the page)" % heading, focused())
    save_shot(driver, SHOTS, "review-01-events-keyboard-1366x768")
    # an entry opened with Enter
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, 'li.item[data-id="workshop-ehrenamt-2027-01"] button.edit'))
    press_enter_on('li.item[data-id="workshop-ehrenamt-2027-01"] button.edit')
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, 'textarea[data-field="title.de"]'))
    check(focused() == "main", "Enter on 'Bearbeiten': the focus is on the editor, not on <body>", focused())

    # --- the text grid: typing in the last language's column keeps the rows' names in view ---
    for (w, h) in ((1366, 768), (390, 844)):
        driver.set_window_size(w, h)
        wait.until(lambda d: d.execute_script("return innerWidth") <= w)
        last = driver.execute_script("const a = [...document.querySelectorAll('textarea[data-field^=\"title.\"]')];"
                                     " return a[a.length - 1].dataset.field")
        css('textarea[data-field="%s"]' % last).send_keys(" ")
        time.sleep(0.3)
        seen = driver.execute_script(ROW_NAMES_JS)
        check(seen["scrolled"] > 0 and seen["seen"] > 0 and seen["hidden"] == [],
              "at %dx%d, typing in the column %s (the grid scrolled %d px sideways) leaves every row's name in view"
              % (w, h, last, seen["scrolled"]), seen)
        save_shot(driver, SHOTS, "review-03-grid-last-column-%dx%d" % (w, h))
        css('textarea[data-field="%s"]' % last).send_keys(Keys.BACKSPACE)
    driver.set_window_size(1366, 768)

    # --- the preview as large as the window allows: the small one beside the form is too small
    # to read what the kiosk will show ----------------------------------------------------------
    wait.until(lambda d: d.execute_script(
        "const s = [...document.querySelectorAll('figure.shot img')];"
        " return s.length === 2 && s.every((i) => i.complete && i.naturalWidth > 0)"))
    for (w, h) in ((1366, 768), (390, 844)):
        driver.set_window_size(w, h)
        wait.until(lambda d: d.execute_script("return innerWidth") <= w)
        for o in ("landscape", "portrait"):
            small = driver.execute_script("return document.getElementById('preview-%s').getBoundingClientRect().width" % o)
            driver.execute_script("document.getElementById('zoom-%s').scrollIntoView({block: 'center'})" % o)
            press_enter_on("#zoom-" + o)
            wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#zoom-dialog[open]"))
            wait.until(lambda d: d.execute_script("const i = document.getElementById('zoom-image'); return i.complete && i.naturalWidth > 0"))
            big = driver.execute_script(
                "const i = document.getElementById('zoom-image'), r = i.getBoundingClientRect();"
                " return {w: Math.round(r.width), h: Math.round(r.height), natural: [i.naturalWidth, i.naturalHeight],"
                " inside: r.left >= 0 && r.top >= 0 && r.right <= innerWidth && r.bottom <= innerHeight,"
                " win: [innerWidth, innerHeight], title: document.getElementById('zoom-dialog-title').textContent}")
            want = [1920, 1080] if o == "landscape" else [1080, 1920]
            # as large as the window allows: nearly its height or nearly its width
            fills = big["h"] >= 0.7 * big["win"][1] or big["w"] >= 0.8 * big["win"][0]
            check(big["natural"] == want and big["inside"] and fills and big["w"] >= small and
                  ("1920 × 1080" if o == "landscape" else "1080 × 1920") in big["title"],
                  "at %dx%d the %s preview opens as large as the window allows (%d px wide, beside the form %d px)"
                  % (w, h, o, big["w"], small), big)
            save_shot(driver, SHOTS, "review-04-preview-large-%s-%dx%d" % (o, w, h))
            css("#zoom-dialog").send_keys(Keys.ESCAPE)
            wait.until(lambda d: not d.find_elements(By.ID, "zoom-dialog"))
            check(focused() == "in-main:zoom-" + o, "Escape closes it, the focus back on the small preview", focused())
    driver.set_window_size(1366, 768)

    # --- (2) direction: an Arabic address runs right to left --------------------------------
    addr = css('input[data-field="address"]')
    addr.clear()
    addr.send_keys("شارع الملك فيصل ١٢، الرياض")
    check(driver.execute_script("return getComputedStyle(arguments[0]).direction === 'rtl' && arguments[0].matches(':dir(rtl)')", addr),
          "an address typed in Arabic runs right to left", addr.get_attribute("outerHTML")[:160])
    addr.clear()
    addr.send_keys("Windthorststraße 7, 48143 Münster")
    check(driver.execute_script("return getComputedStyle(arguments[0]).direction === 'ltr'", addr),
          "a German address runs left to right", addr.get_attribute("outerHTML")[:160])
    addr.clear()
    addr.send_keys("خیابان ولیعصر، تهران")
    save_shot(driver, SHOTS, "review-02-address-farsi-1366x768")
    check(driver.execute_script("return getComputedStyle(arguments[0]).direction === 'rtl'", addr),
          "an address typed in Persian runs right to left", addr.get_attribute("outerHTML")[:160])
    for sel in ('input[data-field="email"]', 'input[data-field="url"]'):
        check(driver.execute_script("return getComputedStyle(document.querySelector(arguments[0])).direction === 'ltr'", sel),
              "%s stays left to right" % sel)
    wrong = driver.execute_script(RTL_JS)
    check(wrong == [], "every free text field of the event's editor runs right to left with Arabic in it", wrong)
    # Speichern with Enter: the focus stays on Speichern
    press_enter_on("#save")
    wait.until(lambda d: d.find_element(By.ID, "dirty").text == "")
    check(focused() == "in-main:save", "Enter on Speichern: the focus stays on Speichern (not <body>)", focused())
    s, entry, _ = api.request("GET", "/api/items/workshop-ehrenamt-2027-01")
    check(entry["item"].get("address") == "خیابان ولیعصر، تهران", "the Persian address is saved as typed", entry["item"].get("address"))
    # an offer's free fields (the languages' tags aside), the urgent notice, the publish page
    tab("offers")
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, 'li.item[data-id="wegweiser"] button.edit'))
    click('li.item[data-id="wegweiser"] button.edit')
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, 'textarea[data-field="title.de"]'))
    wrong = driver.execute_script(RTL_JS.replace("[data-field=id]", "[data-field=id], .spoken input"))
    check(wrong == [], "every free text field of the offer's editor runs right to left with Arabic in it", wrong)
    click("#back")
    click("#urgent-open")
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#urgent-dialog[open]"))
    wrong = driver.execute_script(RTL_JS)
    check(wrong == [], "the urgent notice's title and text run right to left with Arabic in them", wrong)
    css("#urgent-dialog").send_keys(Keys.ESCAPE)
    wait.until(lambda d: not d.find_elements(By.CSS_SELECTOR, "#urgent-dialog[open]"))
    tab("publish")
    wait.until(lambda d: d.find_elements(By.ID, "publish-note"))
    wrong = driver.execute_script(RTL_JS)
    check(wrong == [], "the publish page's note runs right to left with Arabic in it", wrong)
    # consultation hours are one field in the list of changes, in days and times: not texts in
    # the "languages" ranges and note, with a range's "to" named as Tongan
    hours = wait.until(lambda d: [e.text for e in d.find_elements(
        By.CSS_SELECTOR, 'li.change[data-id="kontakt-kreis-re-mo"] table.diff tr') if "Sprechzeiten" in e.text])
    check(len(hours) == 1 and "Mo, Di 09:00–14:00; Mi 09:00–14:30" in hours[0] and "ranges" not in hours[0]
          and "Tonga" not in hours[0], "the publish page shows a contact's new hours as days and times", hours)
    driver.execute_script("[...document.querySelectorAll('li.change[data-id=\"kontakt-kreis-re-mo\"] tr')]"
                          ".find((e) => e.textContent.includes('Sprechzeiten')).scrollIntoView({block: 'center'})")
    save_shot(driver, SHOTS, "review-05-publish-hours-1366x768")
    # the page drawn anew in the background (language names coming in) while a control of it
    # has the focus: the focus is on that control again once the studio has answered, not on
    # the page's content (a keyboard user's next Tab went on from the top of the content)
    DESCRIBE = ("const c = (e) => e.tagName + '|' + (e.id || '') + '|' + (e.getAttribute('aria-label') || e.textContent).trim();"
                " const all = (e) => [...document.querySelectorAll('main ' + e.tagName)].filter((x) => c(x) === c(e));")
    was = driver.execute_script(DESCRIBE + (
        " const e = [...document.querySelectorAll('main button, main textarea, main input, main a[href]')]"
        ".filter((x) => !x.disabled && x.offsetParent).pop();"
        " e.focus(); const d = c(e) + '#' + all(e).indexOf(e); render(); return d;"))
    try:
        back = wait.until(lambda d: d.execute_script(DESCRIBE + (
            " const a = document.activeElement; if (!a || a === document.body || a.id === 'main') return null;"
            " return c(a) + '#' + all(a).indexOf(a);")))
    except TimeoutException:
        back = driver.execute_script("const a = document.activeElement; return a ? a.tagName + '#' + a.id : null")
    check(back == was, "drawn anew, the publish page gives the focus back to the control that had it", [was, back])

    # an entry that keeps the draft from being published: named on the publish page by its title
    # and kind (as in the lists), not by its identifier, then the field in the form's words
    s, out, _ = api.request("POST", "/api/items", {"item": {
        "kind": "event", "id": "sprachcafe-kaputt", "title": {"de": "Sprachcafé im Stadtteilzentrum"},
        "start": "2027-03-04T18:00", "end": "2027-03-04T20:00", "url": "www.sprachcafe-muenster.de"}})
    check(s == 201, "an event with a web address without https:// is in the draft", out)
    driver.get(base + "/")
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "nav.tabs"))
    tab("publish")
    wait.until(lambda d: "Sprachcafé" in d.find_element(By.ID, "publish-errors").text)
    said = wait.until(lambda d: d.find_element(By.ID, "publish-errors").text)
    check("Sprachcafé im Stadtteilzentrum (Termin)" in said and "Internetadresse" in said and "sprachcafe-kaputt" not in said,
          "a problem that stops publishing names the entry by its title and kind and the field by its label", said)
    save_shot(driver, SHOTS, "review-05-publish-error-1366x768")
    click("#publish-errors button.link")
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, 'input[data-field="url"]'))
    check(css('input[data-field="url"]').get_attribute("value") == "www.sprachcafe-muenster.de",
          "its title opens the entry to put it right")

    # the log on a phone: no word cut in the middle (a word over two lines has two boxes)
    driver.set_window_size(390, 844)
    wait.until(lambda d: d.execute_script("return innerWidth") <= 390)
    tab("audit")
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "table.audit tbody tr"))
    cut = driver.execute_script(CUT_WORDS_JS, "table.audit td, table.grid tbody th")
    save_shot(driver, SHOTS, "review-06-audit-390x844")
    check(cut == [], "at 390x844 no word of the log is cut in the middle", cut[:8])
    driver.set_window_size(1366, 768)

    # (the broken entry has no preview: 422, meant)
    console = console_errors(driver, ["/api/session - ", "/api/preview?"])
    check(console == [], "no errors in the browser console", console[:4])
finally:
    driver.quit()
    st.stop()
sys.exit(t.finish())
