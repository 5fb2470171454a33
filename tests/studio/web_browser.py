"""The opening every test of the studio in a real browser shares (tests/studio/browser.py,
fleet_browser.py, hostile.py): Debian's chromium, headless, driven by chromium-driver through
python3-selenium, with a German KI computer's language settings; the test's folders and the
studio's signing key; the page's elements found, clicked and its tabs opened; logging in
through the page's form; screenshots and the browser console."""
import json
import os
import subprocess
import time

from studio import BIN, SRC, Client, Studio, add_user

from selenium import webdriver
from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait


def start_chromium(tmp, width, height, profile="chromium-profile"):
    """A headless chromium of width x height with its own profile folder in tmp, German as the
    browser's language (date and time fields as on a KI computer), every console message kept.
    Returns (driver, wait): wait ignores an element gone or re-made meanwhile (the page
    re-renders after each answer)."""
    opts = webdriver.ChromeOptions()
    opts.binary_location = "/usr/bin/chromium"
    for a in ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
              "--disable-component-update", "--disable-sync", "--no-first-run",
              "--disable-dev-shm-usage", "--window-size=%d,%d" % (width, height), "--lang=de-DE",
              "--user-data-dir=" + os.path.join(tmp, profile)]:
        opts.add_argument(a)
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    opts.add_experimental_option("prefs", {"intl.accept_languages": "de-DE,de"})
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver",
                                              env=dict(os.environ, LANG="de_DE.UTF-8", LANGUAGE="de")),
                              options=opts)
    driver.set_page_load_timeout(60)
    wait = WebDriverWait(driver, 60, ignored_exceptions=[StaleElementReferenceException,
                                                         NoSuchElementException])
    return driver, wait


def test_folders():
    """(TMP, SHOTS, DATA): the test's folder STUDIO_TMP (made by the shell test), the screenshots'
    folder $SHOTS or TMP/shots (made) and the studio's data folder TMP/data."""
    tmp = os.environ["STUDIO_TMP"]
    shots = os.environ.get("SHOTS") or os.path.join(tmp, "shots")
    os.makedirs(shots, exist_ok=True)
    return tmp, shots, os.path.join(tmp, "data")


def make_signing_key(tmp):
    """A publishing key pair tmp/ki.key and tmp/ki.pub (`litfass keygen`)."""
    subprocess.run([BIN, "keygen", "--out", os.path.join(tmp, "ki")], check=True, capture_output=True)


def studio_with_sample(tmp, data, password, check):
    """A studio publishing into tmp/www with anna (publisher, logged in over the API) and every
    entry of the sample bundle in its draft, pictures left out (a test uploads its own): the
    Studio and anna's Client."""
    add_user(data, "anna", "publisher", password)
    make_signing_key(tmp)
    st = Studio(tmp, data, "[publish]\nkey = %s/ki.key\ndir = %s\n" % (tmp, os.path.join(tmp, "www")))
    api = Client(st)
    api.login("anna", password)
    with open(os.path.join(SRC, "assets/content/content.json")) as f:
        sample = json.load(f)
    for item in sample["items"]:
        item.pop("image", None)
        status, out, _ = api.request("POST", "/api/items", {"item": item})
        check(status == 201, "the sample's %s is in the draft" % item["id"], out)
    return st, api


class StudioPage:
    """The studio's page in driver: an element by CSS selector, a click once it is shown, a tab
    of the navigation opened."""

    def __init__(self, driver, wait):
        self.driver, self.wait = driver, wait

    def css(self, sel):
        return self.driver.find_element(By.CSS_SELECTOR, sel)

    def click(self, sel):
        self.wait.until(lambda d: d.find_element(By.CSS_SELECTOR, sel).is_displayed())
        self.css(sel).click()

    def tab(self, view):
        self.click('nav button[data-view="%s"]' % view)


def fill_login(driver, wait, user, password):
    """Types user and password into the login form on screen and sends it."""
    wait.until(lambda d: d.find_elements(By.ID, "login-user"))
    driver.find_element(By.ID, "login-user").send_keys(user)
    driver.find_element(By.ID, "login-password").send_keys(password)
    wait.until(lambda d: d.find_element(By.ID, "login-submit").is_displayed())
    driver.find_element(By.ID, "login-submit").click()


def open_logged_in(driver, wait, base, user, password):
    """Opens the studio at base, logs in through the form (unless the browser's session is still
    good, as after the studio's restart) and waits for the tabs."""
    driver.get(base + "/")
    wait.until(lambda d: d.find_elements(By.ID, "login-user") or d.find_elements(By.CSS_SELECTOR, "nav.tabs"))
    if driver.find_elements(By.ID, "login-user"):
        fill_login(driver, wait, user, password)
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "nav.tabs"))


def save_shot(driver, shots, name, width=None, min_height=0, max_height=0):
    """Saves a screenshot as shots/name.png; with max_height the window is first made as tall
    as the page (between min_height and max_height) and then width x min_height again."""
    if max_height:
        height = driver.execute_script("return document.documentElement.scrollHeight")
        driver.set_window_size(width, max(min_height, min(height + 40, max_height)))
        time.sleep(0.3)
    path = os.path.join(shots, name + ".png")
    driver.save_screenshot(path)
    if max_height:
        driver.set_window_size(width, min_height)
    return path


def console_errors(driver, allowed=()):
    """The browser console's errors since the last call, but those naming one of `allowed`."""
    return [e for e in driver.get_log("browser") if e["level"] == "SEVERE"
            and not any(a in e["message"] for a in allowed)]
