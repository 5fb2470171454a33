"""Nothing typed is lost, nothing published twice by mistake (tests/e2e_studio_settings.sh), in
Debian's chromium headless against a real studio with the sample's entries, at a tablet's
1024 x 768 and a phone's 390 x 844.

Settings: a changed name, then another tab or "Abmelden": the editor's leave dialog asks;
"Abbrechen" keeps the typed name (also over the page drawn anew in English), "Verlassen, ohne
zu speichern" drops it (the server's settings unchanged); the browser asks before the page is
closed only while something is unsaved.
Publishing: "Jetzt veröffentlichen" is disabled right after a publish, with "Nichts zu
veröffentlichen: seit Version N ..." beside it (aria-describedby); enabled again after a changed
entry, changed settings (no entry in the list of changes), a changed order, and when the web
folder lost the published files. Screenshots in $SHOTS."""
import os
import shutil
import sys

sys.path.insert(0, os.path.dirname(__file__))
from studio import Checks  # noqa: E402
from web_browser import (StudioPage, console_errors, open_logged_in, save_shot,  # noqa: E402
                         start_chromium, studio_with_sample, test_folders)

from selenium.common.exceptions import StaleElementReferenceException  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.support.ui import Select  # noqa: E402

TMP, SHOTS, DATA = test_folders()
WWW = os.path.join(TMP, "www")
PW = "Mohnblume-2026"
t = Checks()
check = t.check

st, api = studio_with_sample(TMP, DATA, PW, check)
base = st.url.rstrip("/")
driver, wait = start_chromium(TMP, 1024, 768)
page = StudioPage(driver, wait)
css = page.css


def click(sel):
    """A click on sel once shown, looked up again if the page was drawn anew meanwhile."""
    def go(d):
        try:
            el = d.find_element(By.CSS_SELECTOR, sel)
            if not el.is_displayed():
                return False
            el.click()
            return True
        except StaleElementReferenceException:
            return False
    wait.until(go)


def tab(view):
    click('nav button[data-view="%s"]' % view)
NAME = 'input[data-field="organisation.de"]'


def saved_name():
    return api.request("GET", "/api/bundle")[1]["bundle"]["organisation"]["de"]


def name_field():
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, NAME))
    return css(NAME)


def typed():
    """[the name field's value, the start language's] in one look (None while not shown)."""
    return driver.execute_script("const n = document.querySelector(arguments[0]), l = document.getElementById('default-lang');"
                                 " return n && l ? [n.value, l.value] : null", NAME)


def leave_dialog_open():
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "dialog#leave-dialog[open]"))
    return css("#leave-dialog").text


def unload_asks():
    """Whether the page asks the browser to ask before it is closed or reloaded."""
    return driver.execute_script("const e = new Event('beforeunload', {cancelable: true});"
                                 " window.dispatchEvent(e); return e.defaultPrevented")


def publish_state():
    """The publish button as one look at the page (a redraw meanwhile cannot split it):
    [enabled, the reason beside it or None, its aria-describedby], None while it is not there."""
    return driver.execute_script(
        "const b = document.getElementById('publish-now'), r = document.getElementById('publish-nothing');"
        " return b ? [!b.disabled, r ? r.innerText : null, b.getAttribute('aria-describedby')] : null")


def publish_page():
    """The publish page opened anew; its button's state (publish_state)."""
    tab("events")
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "li.item"))
    tab("publish")
    return wait.until(lambda d: publish_state())


def offered(state):
    return state[0] and state[1] is None and state[2] is None


def publish():
    n = len(api.request("GET", "/api/versions")[1]["versions"])
    click("#publish-now")
    wait.until(lambda d: len(api.request("GET", "/api/versions")[1]["versions"]) == n + 1)
    return wait.until(lambda d: (lambda s: s if s and s[1] else None)(publish_state()))


def nothing_said(state):
    """The reason when the button waits and says why (the reason its description), else None."""
    return state[1] if not state[0] and state[1] and state[2] == "publish-nothing" else None


try:
    for w, h in ((1024, 768), (390, 844)):
        driver.set_window_size(w, h)
        open_logged_in(driver, wait, base, "anna", PW)
        was = saved_name()
        # --- the settings page: another tab with a changed name asks first -------------------
        tab("settings")
        field = name_field()
        field.clear()
        field.send_keys("KI Münster Stadthaus %d" % w)
        Select(css("#default-lang")).select_by_value("en")
        check(unload_asks(), "a changed name on the settings page: the browser asks before the page is closed (%d)" % w)
        tab("events")
        said = leave_dialog_open()
        check("Änderungen nicht gespeichert" in said and "Trotzdem verlassen?" in said,
              "another tab with a changed name: the leave dialog asks (%d)" % w, said)
        save_shot(driver, SHOTS, "s01-settings-leave-dialog-%dx%d" % (w, h))
        click("#leave-dialog-cancel")
        wait.until(lambda d: not d.find_elements(By.ID, "leave-dialog"))
        name_field()
        check(typed() == ["KI Münster Stadthaus %d" % w, "en"],
              "'Abbrechen': still on the settings page with the typed name and language (%d)" % w, typed())
        # the page drawn anew (English and back): the typed name stays
        click("#ui-lang")
        wait.until(lambda d: d.find_element(By.CSS_SELECTOR, "main h1").text == "Settings")
        click("#ui-lang")
        wait.until(lambda d: d.find_element(By.CSS_SELECTOR, "main h1").text == "Einstellungen")
        name_field()
        check(typed() == ["KI Münster Stadthaus %d" % w, "en"],
              "the page drawn anew (another language) keeps the typed name (%d)" % w, typed())
        # logging out asks too
        click("#logout")
        leave_dialog_open()
        click("#leave-dialog-cancel")
        wait.until(lambda d: not d.find_elements(By.ID, "leave-dialog"))
        name_field()
        check(driver.find_elements(By.CSS_SELECTOR, ".who") and typed() == ["KI Münster Stadthaus %d" % w, "en"],
              "'Abmelden' with a changed name asks; 'Abbrechen' stays logged in with the typed name (%d)" % w)
        # leaving drops it
        tab("publish")
        leave_dialog_open()
        click("#leave-dialog-ok")
        wait.until(lambda d: d.find_element(By.CSS_SELECTOR, "main h1").text == "Veröffentlichen")
        check(saved_name() == was and not unload_asks(),
              "'Verlassen, ohne zu speichern': the publish page, the settings as saved, the browser no longer asks (%d)" % w)
        tab("settings")
        name_field()
        check(typed() == [was, "de"], "back on the settings page: the saved name and language, the typed ones gone (%d)" % w,
              typed())
        # nothing typed, or the same as saved: no question
        field = name_field()
        field.send_keys("x")
        field.send_keys(Keys.BACKSPACE)
        tab("events")
        wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "li.item"))
        check(not driver.find_elements(By.ID, "leave-dialog"), "the name typed back as it was: no question (%d)" % w)
        tab("settings")
        name_field().send_keys(" %d" % w)
        click("#save-settings")
        wait.until(lambda d: saved_name() == was + " %d" % w)
        # the page drawn anew with the saved name (in the header too)
        wait.until(lambda d: d.find_element(By.CSS_SELECTOR, "header.top .org").text == was + " %d" % w)
        tab("events")
        wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "li.item"))
        check(not driver.find_elements(By.ID, "leave-dialog") and not unload_asks(),
              "saved, then another tab: no question (%d)" % w)
        # logging out after "leave" ends the session
        tab("settings")
        name_field().send_keys(" ungespeichert")
        click("#logout")
        leave_dialog_open()
        click("#leave-dialog-ok")
        wait.until(lambda d: d.find_elements(By.ID, "login-user"))
        check(saved_name() == was + " %d" % w, "'Abmelden', then 'Verlassen, ohne zu speichern': logged out, "
              "the unsaved name not saved (%d)" % w)

    # --- publishing: nothing to publish, said beside the waiting button ---------------------
    for w, h in ((1024, 768), (390, 844)):
        driver.set_window_size(w, h)
        open_logged_in(driver, wait, base, "anna", PW)
        state = publish_page()
        if w == 1024:
            check(offered(state), "never published: 'Jetzt veröffentlichen' is offered, no reason beside it", state)
            state = publish()
        serial = api.request("GET", "/api/versions")[1]["versions"][0]["serial"]
        said = nothing_said(state)
        check(said and ("Nichts zu veröffentlichen: seit Version %d wurde nichts geändert." % serial) in said
              and "erneut veröffentlichen" in said,
              "right after publishing: the button waits, beside it why and what helps (its description) (%d)" % w, said)
        driver.execute_script("document.getElementById('publish-nothing').scrollIntoView({block: 'center'})")
        save_shot(driver, SHOTS, "s02-publish-nothing-%dx%d" % (w, h))
        shown = driver.execute_script("const r = document.getElementById('publish-nothing').getBoundingClientRect();"
                                      " return [r.left >= 0, r.right <= innerWidth, r.height > 0]")
        check(all(shown), "the reason fits the window (%d)" % w, shown)
        check(nothing_said(publish_page()), "the publish page opened again says the same (%d)" % w)

    # a changed entry
    status, entry, _ = api.request("GET", "/api/items/wegweiser")
    item = dict(entry["item"], audience={"de": "Alle Neuen"})
    check(api.request("PUT", "/api/items/wegweiser", {"item": item, "revision": entry["revision"]})[0] == 200, "an entry changed")
    check(offered(publish_page()), "a changed entry: 'Jetzt veröffentlichen' offered again")
    publish()
    # changed settings only: no entry in the list of changes, and yet something to publish
    bundle = api.request("GET", "/api/bundle")[1]
    check(api.request("PUT", "/api/bundle", {"revision": bundle["revision"], "organisation": {"de": "KI Münster (neu)"},
                                             "default_language": "de"})[0] == 200, "the centre's name changed")
    check(offered(publish_page()), "changed settings alone: offered again")
    publish()
    # another order
    ids = [e["item"]["id"] for e in api.request("GET", "/api/items")[1]["items"]]
    kinds = {e["item"]["id"]: e["item"]["kind"] for e in api.request("GET", "/api/items")[1]["items"]}
    offers = [i for i in ids if kinds[i] == "offer"]
    a, b = ids.index(offers[0]), ids.index(offers[1])
    ids[a], ids[b] = ids[b], ids[a]
    check(api.request("POST", "/api/order", {"ids": ids})[0] == 200, "two offers swapped")
    check(offered(publish_page()), "another order alone: offered again")
    publish()
    # the web folder lost the files
    shutil.rmtree(WWW)
    os.makedirs(WWW)
    check(offered(publish_page()), "the web folder lost the published files: offered again")
    state = publish()
    check(os.path.exists(os.path.join(WWW, "content.json")) and nothing_said(state),
          "published again: the files are back, nothing left to publish", state)
    console = console_errors(driver, ["/api/session - "])
    check(console == [], "no errors in the browser console", console[:4])
finally:
    driver.quit()
    st.stop()
sys.exit(t.finish())
