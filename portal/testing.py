"""Helpers of the test toolkit that tests import directly (fixtures: the root ``conftest.py``)."""

import shutil


def set_admin_language(user, code):
    """Set the admin language (Wagtail's user profile) of ``user``; returns the user."""
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(user)
    profile.preferred_language = code
    profile.save(update_fields=["preferred_language"])
    return user


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")


def headless_chromium(console_log=False, performance_log=False):
    """Debian's chromium, headless (the test is skipped where it is not installed)."""
    import pytest

    if not (CHROMIUM and CHROMEDRIVER):
        pytest.skip("chromium and chromedriver are not installed (apt-get install chromium chromium-driver)")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"):
        options.add_argument(argument)
    prefs = {}
    if console_log:
        prefs["browser"] = "ALL"
    if performance_log:  # DevTools Network events: every request the page makes (offline/tests)
        prefs["performance"] = "ALL"
    if prefs:
        options.set_capability("goog:loggingPrefs", prefs)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(60)
    return driver
