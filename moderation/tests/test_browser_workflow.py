"""Issue 13: the whole translation cycle of an offer in a real browser, as each demo user.

Member submits a drafted offer, the manager approves it and starts the Arabic translation,
the translator submits it, the manager requests changes with a comment, the translator
resubmits, the manager approves, and the Arabic offer is live on /ar/angebote/<slug>/.
Every login is the real one (password; the manager also gives the TOTP code of the demo
authenticator). Runs with the normal suite when Debian chromium and chromedriver are
installed (skips otherwise, like ``accounts/tests/test_browser_csp.py``).

Done outside the browser: the member's draft is created as data (the offer form has a rich
text editor), and the translator's strings are stored as the translation editor stores them
(``StringTranslation``); the translator then opens the editor and submits with its button.
What each person saw is collected in ``SEEN`` and printed (``pytest -s``).
"""

import datetime

import pytest
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import Translation

from accounts.tests.test_browser_csp import browser  # noqa: F401  (fixture; live_url: conftest.py)
from offers.factories import OfferFactory
from offers.models import OrganisationMembership

from .helpers import user
from .test_workflow_faults import translate_strings

pytestmark = pytest.mark.django_db

PASSWORDS = {"mitglied": "beckum-mitglied", "manager": "beckum-manager", "uebersetzer": "beckum-uebersetzer"}
SEEN = []


def see(who, what):
    SEEN.append(f"{who}: {what}")


def text_of(driver, css):
    from selenium.webdriver.common.by import By

    found = driver.find_elements(By.CSS_SELECTOR, css)
    return " | ".join(" ".join(e.text.split()) for e in found)


class Walk:
    def __init__(self, driver, base):
        self.driver = driver
        self.base = base
        self.sessions = {}

    def wait_for(self, css, timeout=15):
        from selenium.webdriver.common.by import By
        from selenium.webdriver.support import expected_conditions as EC
        from selenium.webdriver.support.ui import WebDriverWait

        return WebDriverWait(self.driver, timeout).until(
            EC.presence_of_element_located((By.CSS_SELECTOR, css))
        )

    def submit_and_wait(self, script, *args):
        """Run ``script`` (which sends a form) and wait for the next page."""
        from selenium.webdriver.support.ui import WebDriverWait

        self.driver.execute_script("window.__old_page = true")
        self.driver.execute_script(script, *args)
        WebDriverWait(self.driver, 20).until(
            lambda d: d.execute_script(
                "return window.__old_page !== true && document.readyState === 'complete'"
            )
        )

    def login(self, username):
        from django_otp.plugins.otp_totp.models import TOTPDevice

        from accounts.demo import current_code

        self.driver.delete_all_cookies()
        if username in self.sessions:  # a TOTP code is accepted once: keep the verified session
            self.driver.get(self.base + "/admin/login/")
            for cookie in self.sessions[username]:
                self.driver.add_cookie(cookie)
            self.driver.get(self.base + "/admin/")
            return
        self.driver.get(self.base + "/admin/login/")
        self.driver.find_element("id", "id_username").send_keys(username)
        self.driver.find_element("id", "id_password").send_keys(PASSWORDS[username])
        self.submit_and_wait("document.getElementById('id_password').form.submit()")
        device = TOTPDevice.objects.filter(user__username=username, confirmed=True).first()
        if device is not None:
            self.wait_for("input[name=code]").send_keys(current_code(device))
            self.submit_and_wait("document.querySelector('input[name=code]').form.submit()")
        self.driver.get(self.base + "/admin/")
        self.sessions[username] = self.driver.get_cookies()

    def open(self, path):
        self.driver.get(self.base + path)

    def messages(self):
        return text_of(self.driver, ".messages li")

    def dashboard_button(self, action):
        """Click a workflow button of Wagtail's "Awaiting your review" panel on the dashboard."""
        self.open("/admin/")
        css = f'button[data-workflow-action-url*="/{action}/"]'
        self.wait_for(css)
        return css


def test_offer_translation_cycle_in_a_real_browser(live_url, browser):  # noqa: F811
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait
    from wagtail.users.models import UserProfile

    from home.demo.users import admin_language

    for name in PASSWORDS:  # the demo admin languages (this folder's conftest sets English)
        profile = UserProfile.get_for_user(user(name))
        profile.preferred_language = admin_language(name)
        profile.save(update_fields=["preferred_language"])
    member = user("mitglied")
    organisation = OrganisationMembership.objects.filter(user=member).order_by("pk")[0].organisation
    offer = OfferFactory(
        organisation=organisation,
        title="Deutschkurs im Park",
        slug="deutschkurs-im-park",
        live=False,
        last_reviewed=datetime.date.today(),
    )
    offer.save_revision(user=member)
    walk = Walk(browser, live_url)

    # 1. The member finds the draft on the dashboard and submits it.
    walk.login("mitglied")
    see("mitglied", "dashboard, own offers: " + text_of(browser, "#member-offers-section tbody tr")[:300])
    assert "Deutschkurs im Park" in text_of(browser, "#member-offers-section")
    walk.open(reverse("wagtailsnippets_offers_offer:edit", args=[offer.pk]))
    walk.submit_and_wait(
        "var b = document.querySelector('button[name=\"action-submit\"]'); b.form.requestSubmit(b);"
    )
    see("mitglied", "after 'Submit for moderation': " + walk.messages())
    offer.refresh_from_db()
    assert offer.workflow_in_progress

    # 2. The manager approves it and starts the Arabic translation.
    walk.login("manager")
    awaiting = text_of(browser, "#moderation-awaiting-section li")
    see("manager", "dashboard, waiting for approval: " + awaiting[:300])
    css = walk.dashboard_button("approve")
    walk.submit_and_wait(f"document.querySelector('{css}').click()")
    offer.refresh_from_db()
    assert offer.live and not offer.workflow_in_progress
    see(
        "manager",
        "approved the German offer; dashboard now: " + text_of(browser, "#moderation-awaiting-section")[:200],
    )
    arabic = Locale.objects.get(language_code="ar")
    walk.open(reverse("wagtail_localize:submit_snippet_translation", args=["offers", "offer", offer.pk]))
    walk.submit_and_wait(
        f"var c = document.querySelector('input[name=locales][value=\"{arabic.pk}\"]'); c.checked = true;"
        "c.form.submit();"
    )
    see("manager", "started the Arabic translation: " + (walk.messages() or browser.title))
    translation = Translation.objects.get(source__object_id=offer.translation_key, target_locale=arabic)
    target = translation.get_target_instance()
    walk.open(f"/ar/angebote/{offer.slug}/")
    see("reader", "/ar/ before approval: " + text_of(browser, ".notice--fallback")[:200])
    assert browser.find_elements(By.CSS_SELECTOR, ".notice--fallback")

    # 3. The translator finds it, translates and submits.
    walk.login("uebersetzer")
    waiting = text_of(browser, "#translator-work-section [data-section=in_progress] li")
    see("uebersetzer", "dashboard, started: " + waiting[:300])
    edit = reverse("wagtailsnippets_offers_offer:edit", args=[target.pk])
    assert edit in browser.page_source
    translate_strings(translation, prefix="AR1 ")
    walk.open(edit)
    walk.wait_for(".moderation-submit-translation button")
    walk.submit_and_wait("document.querySelector('.moderation-submit-translation button').click()")
    see("uebersetzer", "after 'Submit translation for approval': " + walk.messages())
    target.refresh_from_db()
    assert target.workflow_in_progress

    # 4. The manager requests changes with a comment.
    walk.login("manager")
    css = walk.dashboard_button("reject")
    browser.execute_script(f"document.querySelector('{css}').click()")
    comment = walk.wait_for("textarea[name=comment]")
    comment.send_keys("Bitte den Titel kürzer fassen.")
    walk.submit_and_wait("document.querySelector('textarea[name=comment]').form.requestSubmit()")
    target.refresh_from_db()
    assert target.current_workflow_state.status == "needs_changes"
    walk.open("/admin/")
    see(
        "manager",
        "requested changes; dashboard now: " + text_of(browser, "#moderation-awaiting-section")[:200],
    )

    # 5. The translator sees the comment and resubmits.
    walk.login("uebersetzer")
    sent_back = text_of(browser, "#translator-work-section [data-section=sent_back] li")
    changes = text_of(browser, "#moderation-changes-requested-section li")
    see("uebersetzer", f"dashboard, sent back: {sent_back[:200]}; changes requested: {changes[:200]}")
    assert "Bitte den Titel kürzer fassen." in changes
    translate_strings(translation, prefix="AR2 ")
    walk.open(edit)
    walk.wait_for(".moderation-submit-translation button")
    walk.submit_and_wait("document.querySelector('.moderation-submit-translation button').click()")
    editor_says = text_of(browser, ".moderation-submit-translation p")
    see("uebersetzer", f"resubmitted: {walk.messages()} / editor says: {editor_says}")

    # 6. The manager approves; the Arabic offer is live.
    walk.login("manager")
    css = walk.dashboard_button("approve")
    walk.submit_and_wait(f"document.querySelector('{css}').click()")
    see(
        "manager",
        "approved the translation; dashboard now: " + text_of(browser, "#moderation-awaiting-section")[:200],
    )
    target.refresh_from_db()
    assert target.live and target.title.startswith("AR2 ") and not target.workflow_in_progress
    walk.open(f"/ar/angebote/{target.slug}/")
    WebDriverWait(browser, 10).until(lambda d: "AR2 Deutschkurs im Park" in d.page_source)
    notice = text_of(browser, ".notice--fallback") or "none"
    see("reader", f"/ar/angebote/{target.slug}/: {text_of(browser, 'main h1')}; notice: {notice}")
    assert not browser.find_elements(By.CSS_SELECTOR, ".notice--fallback")
    walk.login("mitglied")
    see("mitglied", "dashboard, submissions: " + text_of(browser, "#member-work-section li")[:300])
    print("\n".join(SEEN))
