"""Offline reading and the no-third-party rule in a real browser (issue 15, item 1 and "Done when").

Protects, in headless Debian chromium:
* a guide page the reader opened is read again with the network switched off (DevTools
  ``Network.emulateNetworkConditions`` offline, for the page and for the service worker,
  whose own fetches the page's emulation does not cover); a page never opened shows the
  offline page in the reader's language (Arabic: lang/dir rtl), which lists the stored page;
* "save this field of action" stores the section's guide pages, which then open offline
  without ever having been visited (positive control: before saving, one shows the offline page);
* home, guide, offer and event pages (German and Arabic) make requests to our own host only,
  recorded from DevTools Network events; a page without our CSP shows the recorder sees others;
* Chromium finds the app installable: ``Page.getInstallabilityErrors`` is empty.
"""

import json
from urllib.parse import urlsplit

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from portal.testing import headless_chromium

pytestmark = pytest.mark.django_db

OFFLINE = {"offline": True, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1}
GUIDE = "/de/sprache/kursabbruch/"
GUIDE_H1 = "Sprachkurs abbrechen – was passiert dann?"
PAGES = [
    "/{code}/",
    "/{code}/sprache/kursabbruch/",
    "/{code}/angebote/vhs-frauenkurs-kinderbetreuung/",
    "/{code}/termine/netzwerktreffen-integration/",
]


@pytest.fixture
def browser():
    driver = headless_chromium(performance_log=True)
    driver.set_script_timeout(30)
    yield driver
    driver.quit()


def wait(driver, condition, seconds=30):
    return WebDriverWait(driver, seconds).until(condition)


def controlled(driver):
    wait(driver, lambda d: d.execute_script("return !!navigator.serviceWorker.controller"))


def stored(driver, url):
    script = "const done = arguments[1]; caches.match(arguments[0]).then(r => done(!!r), () => done(false));"
    return driver.execute_async_script(script, url)


def go_offline(driver):
    """Offline for the page and for the service worker (a target of its own)."""
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.emulateNetworkConditions", OFFLINE)
    targets = driver.execute_cdp_cmd("Target.getTargets", {})["targetInfos"]
    workers = [t for t in targets if t["type"] == "service_worker"]
    assert workers, "no service worker is running"
    commands = [("Network.enable", {}), ("Network.emulateNetworkConditions", OFFLINE)]
    for worker in workers:
        attach = {"targetId": worker["targetId"], "flatten": False}
        session = driver.execute_cdp_cmd("Target.attachToTarget", attach)["sessionId"]
        for number, (method, params) in enumerate(commands, start=1):
            message = json.dumps({"id": number, "method": method, "params": params})
            driver.execute_cdp_cmd("Target.sendMessageToTarget", {"sessionId": session, "message": message})


def h1(driver):
    return driver.find_element(By.CSS_SELECTOR, "main h1").text


def test_visited_guide_page_opens_offline_and_unknown_page_shows_offline_page(live_url, browser):
    browser.get(live_url + GUIDE)
    controlled(browser)
    wait(browser, lambda d: stored(d, live_url + GUIDE))  # the first page of a visit is stored too
    assert not stored(browser, live_url + "/ar/wohnen/")
    go_offline(browser)
    # Proof that the network is really off: the server is not asked (nothing new is stored either).
    probe = "const done = arguments[0]; fetch('/healthz').then(() => done('online'), () => done('offline'));"
    assert browser.execute_async_script(probe) == "offline"

    browser.refresh()
    assert h1(browser) == GUIDE_H1
    assert "Kurs" in browser.find_element(By.CSS_SELECTOR, "main").text

    browser.get(live_url + "/ar/wohnen/")  # never opened: the Arabic offline page
    assert browser.execute_script("return [document.documentElement.lang, document.documentElement.dir]") == [
        "ar",
        "rtl",
    ]
    assert h1(browser) == "القراءة دون اتصال"
    items = wait(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "[data-offline-stored] li a"))
    assert [(a.text, a.get_attribute("hreflang")) for a in items] == [(GUIDE_H1, "de")]
    assert browser.find_element(By.CSS_SELECTOR, "[data-empty]").is_displayed() is False


def test_save_a_field_of_action_for_offline_reading(live_url, browser):
    browser.get(live_url + "/de/sprache/")
    controlled(browser)
    box = browser.find_element(By.CSS_SELECTOR, "[data-offline-section]")
    assert box.is_displayed()  # shown by offline.js; hidden in the HTML (no JavaScript: no button)
    child = live_url + "/de/sprache/sprachpatenschaften/"
    assert not stored(browser, child)  # positive control: not stored before the click
    box.find_element(By.TAG_NAME, "button").click()
    wait(browser, lambda d: box.get_attribute("data-result"))
    assert box.get_attribute("data-result") == "saved"
    assert "ohne Internetverbindung" in box.find_element(By.CSS_SELECTOR, "[role=status]").text
    assert stored(browser, child)
    assert not stored(browser, live_url + "/de/wohnen/")  # another field of action: not saved
    go_offline(browser)
    browser.get(child)
    assert h1(browser).startswith("Sprachpatenschaften: Deutsch üben")
    browser.get(live_url + "/de/wohnen/")
    assert h1(browser) == "Offline lesen"


def request_hosts(driver):
    hosts = set()
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            url = urlsplit(message["params"]["request"]["url"])
            if url.scheme not in ("data", "blob", "about", "chrome"):
                hosts.add(url.hostname)
    return hosts


def test_public_pages_request_our_host_only(live_url, browser):
    seen = {}
    for code in ("de", "ar"):
        for pattern in PAGES:
            url = live_url + pattern.format(code=code)
            browser.get(url)
            assert browser.find_element(By.CSS_SELECTOR, "main h1").text, url
            seen[url] = request_hosts(browser)
    assert len(seen) == 8
    for url, hosts in seen.items():
        assert hosts, url  # the recorder saw this page's own requests
        assert hosts <= {"127.0.0.1", "localhost"}, (url, hosts)
    # Positive control: a page without our Content-Security-Policy loading from another host.
    browser.get("data:text/html,<img src='http://127.0.0.2:9/x.png' alt=''>")
    assert "127.0.0.2" in request_hosts(browser)


def test_chromium_finds_the_app_installable(live_url, browser):
    browser.get(live_url + "/de/")
    controlled(browser)
    result = browser.execute_cdp_cmd("Page.getInstallabilityErrors", {})
    assert result["installabilityErrors"] == []
    manifest = browser.execute_cdp_cmd("Page.getAppManifest", {})
    assert manifest["url"].endswith("/de/manifest.webmanifest") and not manifest["errors"]
    assert json.loads(manifest["data"])["start_url"] == "/de/"
