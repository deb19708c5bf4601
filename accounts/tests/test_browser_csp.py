"""A real browser shows no Content-Security-Policy violation on the public pages.

Protects: the strict policy (no inline scripts or styles, nothing from other
hosts) does not break the public site: home, a guide page, the offer finder,
search (with the autocomplete's request), both request forms (shown, and sent
back with errors) in German and Arabic. Headless Debian chromium through
chromedriver; the test skips only when chromium or chromedriver is not
installed (CI installs both: .ci/run). A positive control proves that a
violation would be seen.
"""

import time

import pytest

from portal.testing import headless_chromium

pytestmark = pytest.mark.django_db


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
def browser():
    driver = headless_chromium(console_log=True)
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
