"""Every page and dialog of the studio at the screens a KI office has (tests/e2e_studio_a11y.sh):
1024 x 768 (a tablet), 1366 x 768 (the office laptop), 1920 x 1080 and a 4K screen at 200 %
(3840 x 2160 pixels, 1920 x 1080 CSS pixels, device scale 2), in Debian's chromium headless
against a real studio with the sample's entries (German, Arabic, Turkish, ...).

On each page as a screen-reader user meets it, read from chromium's accessibility tree: every
control has a name; the page has its landmarks (banner, navigation, main) and headings in order
(one h1, no level skipped); every translated field says its language (lang) and an Arabic or
Persian one runs right to left (dir=rtl); the live regions of short messages and of the studio's
connection are on the page before their first message. Each dialog (urgent notice, delete,
conflict, leaving unsaved changes) is role=dialog (or alertdialog) with aria-modal, named by its
heading, holds the focus while open and gives it back to its button. The publish page published
with the keyboard alone, each Tab stop showing its focus ring. Nothing wider than the window,
no text smaller than 12 CSS pixels. Screenshots of every page and size in $SHOTS."""
import json
import os
import sys
import time

sys.path.insert(0, os.path.dirname(__file__))
from studio import SRC, Checks  # noqa: E402
from web_browser import (StudioPage, console_errors, open_logged_in, save_shot,  # noqa: E402
                         start_chromium, studio_with_sample, test_folders)

from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.action_chains import ActionChains  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402

TMP, SHOTS, DATA = test_folders()
WWW = os.path.join(TMP, "www")
PW = "Mohnblume-2026"
POSTER = os.path.join(SRC, "assets/content/images/poster-wochen-gegen-rassismus.png")
t = Checks()
check = t.check

st, api = studio_with_sample(TMP, DATA, PW, check)
base = st.url.rstrip("/")

driver, wait = start_chromium(TMP, 1024, 768)
page = StudioPage(driver, wait)
css, click, tab = page.css, page.click, page.tab
SIZES = ((1024, 768, 1), (1366, 768, 1), (1920, 1080, 1), (1920, 1080, 2))


def size_name(w, h, scale):
    return "%dx%d" % (w * scale, h * scale) + ("@2" if scale == 2 else "")


def set_size(w, h, scale):
    """A window of w x h CSS pixels at device scale `scale` (2: a 4K screen at 200 %)."""
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": w, "height": h, "deviceScaleFactor": scale, "mobile": False})
    wait.until(lambda d: d.execute_script("return innerWidth") == w)


# What chromium's accessibility tree says of the page: the controls without a name, the
# landmarks. A node is left out when chromium ignores it (hidden, aria-hidden, inert behind an
# open dialog).
CONTROLS = {"button", "textbox", "combobox", "checkbox", "radio", "spinbutton", "slider",
            "searchbox", "link", "tab", "menuitem", "switch", "listbox", "ListBox", "PopUpButton"}


def ax_tree():
    return driver.execute_cdp_cmd("Accessibility.getFullAXTree", {})["nodes"]


def ax_value(node, key):
    return ((node.get(key) or {}).get("value") or "")


def unnamed_controls():
    out = []
    for n in ax_tree():
        if n.get("ignored"):
            continue
        role = ax_value(n, "role")
        if role in CONTROLS and not str(ax_value(n, "name")).strip():
            out.append("%s (node %s)" % (role, n.get("backendDOMNodeId")))
    return out


def landmarks():
    return sorted({ax_value(n, "role") for n in ax_tree() if not n.get("ignored")} &
                  {"banner", "navigation", "main"})


# The page's own layout and text, in the page: headings in order, fields with their language and
# direction, nothing wider than the window (an element's right edge past it, outside a box that
# scrolls), no text under 12 CSS pixels, the live regions there.
PAGE_JS = """
const out = [];
const shown = (e) => e.getClientRects().length && !e.closest('[aria-hidden="true"], [inert]');
const say = (e) => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.dataset.field ? '[' + e.dataset.field + ']' : '');
const scope = document.querySelector('dialog[open]') || document;
const hs = [...scope.querySelectorAll('h1, h2, h3, h4')].filter(shown).map((e) => +e.tagName[1]);
if (!document.querySelector('dialog[open]')) {
  if (hs.filter((l) => l === 1).length !== 1) out.push('h1 count ' + hs.filter((l) => l === 1).length);
  if (hs[0] !== 1) out.push('first heading is h' + hs[0]);
}
hs.forEach((l, i) => { if (i && l > hs[i - 1] + 1) out.push('heading skips from h' + hs[i - 1] + ' to h' + l); });
document.querySelectorAll('[data-field*="."]:not([data-field*="["])').forEach((e) => {
  const lang = e.dataset.field.split('.').pop();
  if (!/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/.test(lang)) return;
  if (e.lang !== lang) out.push('no lang=' + lang + ': ' + say(e));
  const rtl = ['ar', 'fa', 'he', 'ur', 'ps', 'ckb'].includes(lang.split('-')[0]);
  if (getComputedStyle(e).direction !== (rtl ? 'rtl' : 'ltr')) out.push('direction not ' + (rtl ? 'rtl' : 'ltr') + ': ' + say(e));
});
const W = document.documentElement.clientWidth;
if (document.documentElement.scrollWidth > window.innerWidth + 1)
  out.push('page wider than the window: ' + document.documentElement.scrollWidth + ' > ' + window.innerWidth);
const scrolls = (e) => { for (let a = e.parentElement; a; a = a.parentElement) {
  const o = getComputedStyle(a).overflowX; if (o === 'auto' || o === 'scroll' || o === 'hidden') return true; } return false; };
document.querySelectorAll('body *').forEach((e) => {
  if (!shown(e) || getComputedStyle(e).position === 'fixed') return;
  const r = e.getBoundingClientRect();
  if (r.width && (r.right > W + 1 || r.left < -1) && !scrolls(e) && !e.closest('.skip, .picker-native, .file-native'))
    out.push('past the window\\'s edge: ' + say(e) + ' ' + Math.round(r.left) + '..' + Math.round(r.right) + ' of ' + W);
  if ([...e.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim()) && parseFloat(getComputedStyle(e).fontSize) < 12)
    out.push('tiny text ' + getComputedStyle(e).fontSize + ': ' + say(e) + ' «' + e.textContent.trim().slice(0, 30) + '»');
});
// each entry's buttons say which entry they are for ('Bearbeiten: Sprachcafé', not ten times 'Bearbeiten')
const names = [...document.querySelectorAll('li.item button')].filter(shown)
  .map((e) => (e.getAttribute('aria-label') || e.textContent).trim());
const twice = names.filter((n, i) => names.indexOf(n) !== i);
if (twice.length) out.push('buttons of the list with the same name: ' + [...new Set(twice)].slice(0, 4).join(' | '));
for (const id of ['toasts', 'connection']) {
  const e = document.getElementById(id);
  if (!e || !['polite', 'assertive'].includes(e.getAttribute('aria-live'))) out.push('no live region #' + id);
}
return out;
"""


def audit(name, w, h, scale, login=False):
    """The checks above on the page as it is; a screenshot as SHOTS/name-size.png."""
    save_shot(driver, SHOTS, "%s-%s" % (name, size_name(w, h, scale)))
    where = "%s at %s" % (name, size_name(w, h, scale))
    check(unnamed_controls() == [], where + ": every control has a name a screen reader says", unnamed_controls()[:8])
    if not driver.find_elements(By.CSS_SELECTOR, "dialog[open]"):  # behind a modal dialog the page is inert
        marks = landmarks()
        want = ["main"] if login else ["banner", "main", "navigation"]
        check(all(m in marks for m in want), where + ": landmarks " + ", ".join(want), marks)
    problems = [p for p in driver.execute_script(PAGE_JS) if not (login and p.startswith("no live region"))]
    check(problems == [], where + ": headings in order, fields in their language and direction, nothing past the"
          " window's edge, no tiny text, live regions ready", problems[:8])


def focus_id():
    return driver.execute_script("const a = document.activeElement; return a ? a.id || a.tagName : null")


def check_dialog(dialog_id, opener_id, what, w, h, scale, close=Keys.ESCAPE):
    """The open dialog: role, aria-modal, a name, the focus inside and kept inside by Tab and
    Shift+Tab, given back to opener_id when Escape closes it."""
    wait.until(lambda d: d.find_elements(By.ID, dialog_id))
    time.sleep(0.2)
    audit(what, w, h, scale)
    dlg = css("#" + dialog_id)
    role = dlg.get_attribute("role")
    check(role in ("dialog", "alertdialog") and dlg.get_attribute("aria-modal") == "true",
          "%s: role=dialog and aria-modal=true" % what, [role, dlg.get_attribute("aria-modal")])
    check(bool(dlg.accessible_name.strip()), "%s: the dialog is named by its heading" % what, dlg.accessible_name)
    inside = [driver.execute_script("return arguments[0].contains(document.activeElement)", dlg)]
    for key in [Keys.TAB] * 9 + [Keys.SHIFT + Keys.TAB] * 3:
        ActionChains(driver).send_keys(key).perform()
        inside.append(driver.execute_script("return arguments[0].contains(document.activeElement)", dlg))
    check(all(inside), "%s: the focus is in the dialog and Tab and Shift+Tab keep it there" % what, inside)
    if close is None:
        return
    ActionChains(driver).send_keys(close).perform()
    wait.until(lambda d: not d.find_elements(By.CSS_SELECTOR, "#%s[open]" % dialog_id))
    check(focus_id() == opener_id, "%s: closed, the focus is back on #%s" % (what, opener_id), focus_id())


def open_entry(view, item_id):
    tab(view)
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "li.item"))
    driver.execute_script("document.querySelector('li.item[data-id=\"%s\"] button.edit').click()" % item_id)
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, 'textarea[data-field="title.de"]'))


try:
    for (w, h, scale) in SIZES:
        set_size(w, h, scale)
        driver.delete_all_cookies()
        driver.get(base + "/")
        wait.until(lambda d: d.find_elements(By.ID, "login-user"))
        audit("01-login", w, h, scale, login=True)
        open_logged_in(driver, wait, base, "anna", PW)
        for n, view in enumerate(("events", "offers", "contacts", "notices", "translations", "publish",
                                  "audit", "fleet", "settings"), 2):
            tab(view)
            wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "main h1"))
            # a page that asks the studio first says "Lädt …" until its answers are drawn
            wait.until(lambda d: not any(w in d.find_element(By.TAG_NAME, "main").text for w in ("Lädt …", "Loading …")))
            time.sleep(0.3)
            audit("%02d-%s" % (n, view), w, h, scale)
        # an entry of each kind, with its Arabic and Turkish, a preview on the right or below
        for n, (view, item_id) in enumerate((("events", "mo-austauschtreffen-2026-12"), ("offers", "wegweiser"),
                                             ("contacts", "kontakt-kreis-re-mo")), 11):
            open_entry(view, item_id)
            wait.until(lambda d: d.execute_script(
                "const s = [...document.querySelectorAll('figure.shot img')];"
                " return s.length === 2 && s.every((i) => i.complete && i.naturalWidth > 0)"))
            audit("%02d-edit-%s" % (n, view[:-1]), w, h, scale)
        tab("events")
        wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "li.item"))
        # the urgent notice
        css("#urgent-open").send_keys(Keys.ENTER)
        check_dialog("urgent-dialog", "urgent-open", "20-urgent-dialog", w, h, scale)
        # deleting asks first
        first = driver.find_element(By.CSS_SELECTOR, "li.item button.danger")
        driver.execute_script("arguments[0].id = 'delete-first'", first)
        first.send_keys(Keys.ENTER)
        check_dialog("delete-dialog", "delete-first", "21-delete-dialog", w, h, scale)
    # the look for a session before the login answers 401
    console = console_errors(driver, ["/api/session - "])
    check(console == [], "no errors in the browser console", console[:4])

    # --- at the tablet's size: translate, upload, an error, a conflict, publish by keyboard -----
    w, h, scale = SIZES[0]
    set_size(w, h, scale)
    open_entry("events", "workshop-ehrenamt-2027-01")
    title_ar = css('textarea[data-field="title.ar"]')
    title_ar.clear()
    title_ar.send_keys("ورشة عمل للمتطوعين")
    title_tr = css('textarea[data-field="title.tr"]')
    title_tr.clear()
    title_tr.send_keys("Gönüllüler için atölye")
    check(css("#dirty").get_attribute("role") == "status" or css("#dirty").get_attribute("aria-live") in ("polite", "assertive"),
          "'not saved' is said by a screen reader (a live region)", css("#dirty").get_attribute("outerHTML"))
    driver.find_element(By.ID, "image-file").send_keys(POSTER)
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "img.image-preview"))
    wait.until(lambda d: d.execute_script("const i = document.querySelector('img.image-preview');"
                                          " return i.complete && i.naturalWidth > 0"))
    audit("30-translated-with-picture", w, h, scale)
    css('[data-field="start-date"]').clear()
    css('[data-field="start-date"]').send_keys("31.02.2027")
    click("#save")
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "[aria-invalid=true]"))
    audit("31-error", w, h, scale)
    bad = css("[aria-invalid=true]")
    check(bool(bad.get_attribute("aria-describedby")), "the field in error points to its message (aria-describedby)",
          bad.get_attribute("outerHTML")[:200])
    css('[data-field="start-date"]').clear()
    css('[data-field="start-date"]').send_keys("20.01.2027")
    click("#save")
    wait.until(lambda d: d.find_element(By.ID, "dirty").text == "")
    # a colleague saves meanwhile: the conflict dialog
    s, entry, _ = api.request("GET", "/api/items/workshop-ehrenamt-2027-01")
    entry["item"]["room"] = {"de": "Raum 12"}
    s, out, _ = api.request("PUT", "/api/items/workshop-ehrenamt-2027-01",
                            {"item": entry["item"], "revision": entry["revision"]})
    check(s == 200, "a colleague saves meanwhile", out)
    css('textarea[data-field="room.de"]').send_keys("Saal")
    click("#save")
    check_dialog("conflict", "save", "32-conflict-dialog", w, h, scale, close=None)
    conflict_rtl = driver.execute_script(
        "return [...document.querySelectorAll('#conflict td[lang=ar]')].every((e) => getComputedStyle(e).direction === 'rtl')")
    check(conflict_rtl, "the conflict dialog's Arabic cells run right to left")
    click("#take-theirs")
    wait.until(lambda d: not d.find_elements(By.ID, "conflict"))
    # leaving unsaved changes asks
    css('textarea[data-field="room.de"]').send_keys(" 2")
    css("#back").send_keys(Keys.ENTER)
    check_dialog("leave-dialog", "back", "33-leave-dialog", w, h, scale)
    css("#back").send_keys(Keys.ENTER)
    wait.until(lambda d: d.find_elements(By.ID, "leave-dialog-ok"))
    click("#leave-dialog-ok")
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "li.item"))

    # publish with the keyboard alone: the page opened again, Tab from its top to the tab
    # 'Veröffentlichen', Enter, Tab on to the button, Enter; every stop on the way shows its ring
    driver.get(base + "/")
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "nav.tabs"))
    stops, rings = [], []

    def tab_to(wanted, most):
        for _ in range(most):
            ActionChains(driver).send_keys(Keys.TAB).perform()
            got = driver.execute_script("const a = document.activeElement;"
                                        " return a ? a.id || (a.dataset.view ? 'tab-' + a.dataset.view : a.tagName) : null")
            stops.append(got)
            # (the page itself, body, while it is made anew after Enter: no control, no ring)
            ring = driver.execute_script(
                "const a = document.activeElement, s = getComputedStyle(a);"
                " return a === document.body || s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2")
            if not ring:
                rings.append(got)
            if got == wanted:
                return True
        return False

    check(tab_to("tab-publish", 40), "Tab from the top of the page reaches the tab 'Veröffentlichen'", stops[-12:])
    ActionChains(driver).send_keys(Keys.ENTER).perform()
    wait.until(lambda d: d.find_elements(By.ID, "publish-now"))
    first = len(stops)
    check(tab_to("publish-now", 400), "Tab goes on to 'Jetzt veröffentlichen' (%d stops)" % (len(stops) - first),
          stops[-12:])
    check(rings == [], "every Tab stop on the way shows a focus ring", rings[:8])
    save_shot(driver, SHOTS, "40-publish-keyboard-%s" % size_name(w, h, scale))
    ActionChains(driver).send_keys(Keys.ENTER).perform()
    wait.until(lambda d: os.path.exists(os.path.join(WWW, "content.json")))
    wait.until(lambda d: "veröffentlicht" in d.find_element(By.ID, "toasts").text)
    pub = json.load(open(os.path.join(WWW, "content.json")))
    titles = [i["title"].get("tr") for i in pub["items"] if i["id"] == "workshop-ehrenamt-2027-01"]
    check(titles == ["Gönüllüler için atölye"], "published with the keyboard: the Turkish title is out", titles)
    audit("41-published", w, h, scale)
    # the wrong date (422 for its preview) and the colleague's save (409) were meant
    console = console_errors(driver, ["/api/preview?", "/api/items/workshop-ehrenamt-2027-01 - "])
    check(console == [], "no errors in the browser console", console[:4])
finally:
    driver.quit()
    st.stop()
sys.exit(t.finish())
