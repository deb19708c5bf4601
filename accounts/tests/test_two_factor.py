"""Two-factor login: required for the integration management and administrators, offered to everyone else.

Protects: the real flow (password -> code -> admin); that no admin URL (every
pattern the resolver knows under /admin/) and no restricted page or private
document opens with the password alone; recovery codes (each works once);
members log in without a second factor and may turn one on, after which it
is asked for; managers cannot turn it off; a manager resets a member's lost
factor but not an administrator's; the set-up page cannot add a second app
to an account that already has one.
"""

import re
import time
import uuid

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, resolve, reverse
from django.urls.exceptions import Resolver404
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.tests.helpers import give_code, password_login, totp_code
from accounts.two_factor import devices

pytestmark = pytest.mark.django_db


def test_manager_needs_password_and_code_to_reach_the_admin(users):
    client, response = password_login("manager")
    assert response.status_code == 302
    # The password alone: the dashboard sends to the code form.
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts_2fa_verify"))
    form = client.get(response["Location"])
    assert form.status_code == 200
    assert 'name="code"' in form.content.decode()
    # A wrong code is refused with a message, the admin stays closed.
    wrong = give_code(client, "000000")
    assert wrong.status_code == 400
    assert "This code is not valid" in wrong.content.decode()
    assert client.get("/admin/").status_code == 302
    time.sleep(1.1)  # django-otp slows down guessing: 1 s after a wrong code, then 2, 4, ...
    # The right code opens it.
    response = give_code(client, totp_code(users["manager"]), next_url="/admin/pages/")
    assert response.status_code == 302
    assert response["Location"] == "/admin/pages/"
    dashboard = client.get("/admin/")
    assert dashboard.status_code == 200
    assert (
        "Integrationsmanagement" in dashboard.content.decode()
        or dashboard.context["user"] == users["manager"]
    )


def test_a_used_code_cannot_be_used_again(users):
    client, _ = password_login("manager")
    code = totp_code(users["manager"])
    assert give_code(client, code).status_code == 302
    other, _ = password_login("manager")
    assert give_code(other, code).status_code == 400  # replay refused by django-otp


def _sample_path(route):
    route = re.sub(r"<int:[^>]+>", "1", route)
    route = re.sub(r"<uuid:[^>]+>", str(uuid.uuid4()), route)
    route = re.sub(r"<(?:str|slug|path)?:?[^>]+>", "x", route)
    # regular expressions (re_path)
    route = route.lstrip("^").rstrip("$").replace("\\Z", "").replace("\\.", ".")
    route = re.sub(r"\(\?P<[^>]+>[^)]*\)\??", "1", route)
    return route


def admin_paths():
    admin = next(
        p for p in get_resolver().url_patterns if isinstance(p, URLResolver) and str(p.pattern) == "admin/"
    )
    found = set()

    def walk(patterns, prefix):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns, prefix + _sample_path(str(pattern.pattern)))
            elif isinstance(pattern, URLPattern):
                found.add(prefix + _sample_path(str(pattern.pattern)))

    walk(admin.url_patterns, "/admin/")
    resolvable = set()
    for path in found:
        try:
            resolve(path)
        except Resolver404:
            continue
        resolvable.add(path)
    return sorted(resolvable)


def test_no_admin_url_opens_without_the_second_factor(users):
    paths = admin_paths()
    assert len(paths) > 300, len(paths)  # the whole admin: pages, snippets, images, localize, ours
    open_without_code = {
        reverse("accounts_2fa_verify"),
        reverse("wagtailadmin_javascript_catalog"),
        reverse("wagtailadmin_sprite"),
        reverse("wagtailadmin_logout"),  # POST only: 405 to GET
    }
    for username in ("manager", "admin"):
        client = Client()
        client.force_login(users[username], verified=False)
        for path in paths:
            if path in open_without_code:
                continue
            for method in (client.get, client.post):
                response = method(path)
                assert response.status_code == 302, (username, path, response.status_code)
                assert response["Location"].startswith(reverse("accounts_2fa_verify")), (username, path)


def test_required_user_without_an_app_is_sent_to_set_up(users):
    TOTPDevice.objects.filter(user=users["manager"]).delete()
    client, _ = password_login("manager")
    response = client.get("/admin/pages/")
    assert response["Location"].startswith(reverse("accounts_2fa_setup"))
    page = client.get(response["Location"])
    body = page.content.decode()
    assert page.status_code == 200
    assert "<svg" in body  # QR code inline (no request to another host)
    device = TOTPDevice.objects.get(user=users["manager"], confirmed=False)
    assert devices.base32_secret(device) in body
    # Still closed until the app is confirmed.
    assert client.get("/admin/").status_code == 302
    code = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift).token()
    done = client.post(reverse("accounts_2fa_setup"), {"code": f"{code:06d}", "next": "/admin/"})
    assert done.status_code == 200
    codes = done.context["codes"]
    assert len(codes) == 10
    for code in codes:
        assert code in done.content.decode()
    assert client.get("/admin/").status_code == 200
    assert TOTPDevice.objects.get(user=users["manager"]).confirmed


def test_set_up_page_cannot_add_an_app_to_an_account_that_has_one(users):
    client, _ = password_login("manager")  # password only; the manager has an app
    response = client.get(reverse("accounts_2fa_setup"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts_2fa_verify"))
    response = client.post(reverse("accounts_2fa_setup"), {"code": "123456"})
    assert response["Location"].startswith(reverse("accounts_2fa_verify"))
    assert TOTPDevice.objects.filter(user=users["manager"]).count() == 1


def test_password_alone_opens_no_restricted_page_and_no_private_document(users):
    from wagtail.documents import get_document_model

    from network.models import WorkingGroupPage

    area = WorkingGroupPage.objects.filter(locale__language_code="de").first()
    document = get_document_model().objects.exclude(collection__depth=1).first()
    client, _ = password_login("manager")
    for url in (area.url, document.url):
        response = client.get(url)
        assert response.status_code == 302, url
        # like an anonymous visitor: to the login, which sends to the code form
        assert "login/?next=" in response["Location"], url
        login = client.get(response["Location"])
        assert login["Location"].startswith(reverse("accounts_2fa_verify")), url
    give_code(client, totp_code(users["manager"]))
    assert client.get(area.url).status_code == 200
    assert client.get(document.url).status_code == 200


def test_recovery_code_works_once(users):
    manager = users["manager"]
    codes = devices.new_recovery_codes(manager)
    client, _ = password_login("manager")
    response = give_code(client, codes[0])
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200
    assert StaticToken.objects.filter(device__user=manager).count() == 9
    again, _ = password_login("manager")
    assert give_code(again, codes[0]).status_code == 400
    assert again.get("/admin/").status_code == 302


def test_member_logs_in_without_second_factor_and_may_turn_it_on(users):
    client, response = password_login("mitglied")
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200
    overview = client.get(reverse("accounts_2fa_overview"))
    assert overview.status_code == 200
    assert reverse("accounts_2fa_setup") in overview.content.decode()
    # Turn it on.
    client.get(reverse("accounts_2fa_setup"))
    device = TOTPDevice.objects.get(user=users["mitglied"], confirmed=False)
    code = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift).token()
    assert client.post(reverse("accounts_2fa_setup"), {"code": f"{code:06d}"}).status_code == 200
    # From now on it is asked for.
    again, _ = password_login("mitglied")
    assert again.get("/admin/")["Location"].startswith(reverse("accounts_2fa_verify"))
    # The member may turn it off again (after giving the code).
    device.refresh_from_db()
    device.last_t = -1
    device.save()
    assert give_code(again, totp_code(users["mitglied"])).status_code == 302
    assert again.post(reverse("accounts_2fa_turn_off")).status_code == 302
    assert not devices.has_second_factor(users["mitglied"])


def refused(response):
    """Wagtail answers PermissionDenied in its admin with a redirect to the dashboard and a message."""
    return response.status_code == 403 or (response.status_code == 302 and response["Location"] == "/admin/")


def test_manager_cannot_turn_it_off(users):
    client = Client()
    client.force_login(users["manager"])
    assert refused(client.post(reverse("accounts_2fa_turn_off")))
    assert devices.has_second_factor(users["manager"])


def test_manager_resets_a_members_lost_factor_but_not_an_administrators(users):
    devices.new_recovery_codes(users["mitglied"])
    TOTPDevice.objects.create(user=users["mitglied"], name="phone", confirmed=True)
    manager = Client(HTTP_ACCEPT_LANGUAGE="en")
    manager.force_login(users["manager"])
    url = reverse("accounts_2fa_reset", args=[users["mitglied"].pk])
    assert manager.get(url).status_code == 200
    assert manager.post(url).status_code == 302
    assert not devices.has_second_factor(users["mitglied"])
    # An administrator's second factor only by another administrator.
    admin_url = reverse("accounts_2fa_reset", args=[users["admin"].pk])
    assert refused(manager.post(admin_url))
    assert devices.has_second_factor(users["admin"])
    # Members may reset nobody.
    member = Client()
    member.force_login(users["ag-mitglied"])
    assert refused(member.post(reverse("accounts_2fa_reset", args=[users["manager"].pk])))
    assert devices.has_second_factor(users["manager"])
    # The user listing offers the reset to managers.
    listing = manager.get(reverse("wagtailusers_users:index")).content.decode()
    assert reverse("accounts_2fa_reset", args=[users["mitglied"].pk]) in listing
    assert reverse("accounts_2fa_reset", args=[users["admin"].pk]) not in listing


def test_after_a_reset_the_manager_must_set_up_again(users):
    client, _ = password_login("manager")
    give_code(client, totp_code(users["manager"]))
    assert client.get("/admin/").status_code == 200
    devices.remove_second_factor(users["manager"])  # e.g. the administrator reset it
    response = client.get("/admin/")
    assert response["Location"].startswith(reverse("accounts_2fa_setup"))


@pytest.mark.parametrize("language", ["de", "en", "ar", "fa", "uk", "ru", "tr"])
def test_code_form_speaks_the_users_language(users, language, admin_language):
    from django.utils import translation

    admin_language(users["manager"], language)
    client, _ = password_login("manager")
    body = client.get(reverse("accounts_2fa_verify")).content.decode()
    with translation.override(language):
        expected = translation.gettext("Two-factor login")
        hint = translation.gettext(
            "Lost your phone and your recovery codes? Ask the integration management to reset your "
            "two-factor login."
        )
    if language != "en":
        assert expected != "Two-factor login"
    assert expected in body
    assert hint in body.replace("&#x27;", "'")
