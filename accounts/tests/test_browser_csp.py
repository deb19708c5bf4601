"""A real browser shows no Content-Security-Policy violation on the public pages.

Protects: the strict policy (no inline scripts or styles, nothing from other
hosts) does not break the public site: home, a guide page, the offer finder,
search (with the autocomplete's request), both request forms (shown, and sent
back with errors) in German and Arabic. Headless Debian chromium through
chromedriver; the test skips only when chromium or chromedriver is not
installed (CI installs both: .ci/run). A positive control proves that a
violation would be seen.
"""

import shutil
import time

import pytest

pytestmark = pytest.mark.django_db

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")

PAGES = [
    "/{code}/",
    "/{code}/sprache/kursabbruch/",
    "/{code}/angebote/",
    "/{code}/angebote/?kinderbetreuung=1",
    "/{code}/suche/?q=Sprachkurs",
    "/{code}/sprachmittlung-anfragen/",
    "/{code}/patenschaft/",
]
LISTEN = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", function (e) {
  window.__cspViolations.push(e.violatedDirective + " " + e.blockedURI);
});
"""


@pytest.fixture
def live_url(db):
    """Django served by a thread of this process, in the test's transaction (no flush afterwards)."""
    from django.contrib.staticfiles.handlers import StaticFilesHandler
    from django.db import connections
    from django.test.testcases import LiveServerThread

    # The server thread shares the test's connection (SQLite in memory and PostgreSQL alike):
    # it sees the test's data and everything it writes is rolled back with the test.
    # Its request handling must not close the shared connection (that would end the test's
    # transaction): Django's test case only protects in-memory SQLite this way.
    shared, kept = {}, []
    for conn in connections.all():
        shared[conn.alias] = conn
        conn.inc_thread_sharing()
        if conn.vendor != "sqlite":
            kept.append((conn, conn.close, conn.close_if_unusable_or_obsolete))
            conn.close = conn.close_if_unusable_or_obsolete = lambda: None
    thread = LiveServerThread("127.0.0.1", StaticFilesHandler, connections_override=shared, port=0)
    thread.daemon = True
    thread.start()
    thread.is_ready.wait()
    if thread.error:
        raise thread.error
    yield f"http://127.0.0.1:{thread.port}"
    thread.terminate()
    for conn, close, close_if_unusable in kept:
        conn.close, conn.close_if_unusable_or_obsolete = close, close_if_unusable
    for conn in shared.values():
        conn.dec_thread_sharing()


@pytest.fixture
def browser():
    if not (CHROMIUM and CHROMEDRIVER):
        pytest.skip("chromium and chromedriver are not installed (apt-get install chromium chromium-driver)")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(60)
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": LISTEN})
    yield driver
    driver.quit()


def violations(driver):
    """CSP violations of the current page: from the event and from the console."""
    events = driver.execute_script("return window.__cspViolations || []")
    console = [
        entry["message"]
        for entry in driver.get_log("browser")
        if "Content Security Policy" in entry["message"] or "Content-Security-Policy" in entry["message"]
    ]
    return events + console


def test_public_pages_show_no_csp_violation(live_url, browser):
    from selenium.common.exceptions import WebDriverException
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    checked = 0
    for code in ("de", "ar"):
        for pattern in PAGES:
            url = live_url + pattern.format(code=code)
            browser.get(url)
            assert browser.execute_script("return document.documentElement.lang") == code, url
            assert browser.find_elements(By.TAG_NAME, "h1"), url
            # Our stylesheet is applied (a blocked one would leave no rules).
            rules = browser.execute_script(
                "return Array.from(document.styleSheets).reduce((n, s) => n + s.cssRules.length, 0)"
            )
            assert rules > 10, url
            if "/suche/" in pattern:
                # The autocomplete script runs and fetches suggestions from this host.
                box = browser.find_element(By.CSS_SELECTOR, "input[data-suggest-url]")
                box.clear()
                box.send_keys("Spra")
                time.sleep(1)
                assert browser.find_elements(By.CSS_SELECTOR, "datalist"), url
            if "anfragen" in pattern or "patenschaft" in pattern:
                # Sent back empty: the page with the error messages is clean too (nothing is stored).
                # Mark the page, send the form, wait until a new page (the form with its
                # error messages) has replaced the marked one: reading at once raced the navigation.
                browser.execute_script("window.__before_submit = true")
                browser.find_element(By.CSS_SELECTOR, "form[method=post] [type=submit]").click()
                WebDriverWait(browser, 20, ignored_exceptions=(WebDriverException,)).until(
                    lambda d: (
                        not d.execute_script("return window.__before_submit === true")
                        and d.execute_script("return document.readyState") == "complete"
                        and d.find_elements(By.CSS_SELECTOR, "[name=csrfmiddlewaretoken]")
                    ),
                    message=f"no form came back from {url}",
                )
                assert browser.execute_script("return document.documentElement.lang") == code, url
            assert violations(browser) == [], url
            checked += 1
    assert checked == 14


def test_the_check_sees_a_violation(live_url, browser):
    """Positive control: an inline script on a public page is refused and reported."""
    browser.get(live_url + "/de/")
    browser.get_log("browser")  # start from an empty console
    browser.execute_script(
        "var s = document.createElement('script'); s.textContent = 'window.__ran = true';"
        "document.body.appendChild(s);"
    )
    time.sleep(0.5)
    assert browser.execute_script("return window.__ran === true") is False
    assert any("script-src" in v for v in violations(browser))
