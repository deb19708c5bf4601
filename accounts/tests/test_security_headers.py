"""Security headers: a strict Content-Security-Policy and a Permissions-Policy on public pages.

Protects: every public page type (home, guide, finder, offer, search, both
request forms, news, events, feeds) carries a policy whose scripts and styles
come from this host only (no ``unsafe-inline``, no other host); the Wagtail
admin gets its own, looser policy (``'unsafe-inline'``, see
accounts/security_headers.py), still without other hosts; the browser check is
test_browser_csp.py.
"""

import pytest

pytestmark = pytest.mark.django_db

PUBLIC = [
    "/de/",
    "/ar/",
    "/de/sprache/kursabbruch/",
    "/de/angebote/",
    "/de/suche/?q=Kurs",
    "/de/sprachmittlung-anfragen/",
    "/de/patenschaft/",
    "/ar/طلب-وسيط-لغوي/",  # the mediator form: translated slug (issue 18)
    "/de/neuigkeiten/",
    "/de/termine/",
]


def directives(header):
    result = {}
    for part in header.split(";"):
        name, *values = part.split()
        result[name] = values
    return result


@pytest.mark.parametrize("url", PUBLIC)
def test_public_pages_have_a_strict_policy(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    policy = directives(response["Content-Security-Policy"])
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["default-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert policy["form-action"] == ["'self'"]
    for values in policy.values():
        assert "'unsafe-inline'" not in values
        assert "'unsafe-eval'" not in values
        assert not any("://" in v or v == "*" for v in values)
    permissions = response["Permissions-Policy"]
    for feature in ("camera=()", "microphone=()", "geolocation=()", "payment=()"):
        assert feature in permissions


def test_public_templates_have_no_inline_script_or_style(client):
    """What the policy forbids is not in the pages (the JSON-LD data block is allowed)."""
    import re

    from offers.models import Offer

    offer = Offer.objects.filter(locale__language_code="de", live=True).first()
    urls = [*PUBLIC]
    if offer is not None:
        detail = client.get("/de/angebote/")
        match = re.search(r'href="(/de/angebote/[^"?]+/)"', detail.content.decode())
        if match:
            urls.append(match.group(1))
    for url in urls:
        html = client.get(url).content.decode()
        for tag in re.findall(r"<script\b[^>]*>", html):
            assert "src=" in tag or "application/ld+json" in tag, (url, tag)
        assert not re.search(r"\sstyle=\"", html), url
        assert "<style" not in html, url
        assert not re.search(r"\son[a-z]+=\"", html), url


def test_admin_policy_is_looser_but_stays_on_this_host(client, users):
    client.force_login(users["manager"])
    response = client.get("/admin/")
    assert response.status_code == 200
    policy = directives(response["Content-Security-Policy"])
    assert "'unsafe-inline'" in policy["script-src"]
    assert policy["frame-ancestors"] == ["'self'"]
    for values in policy.values():
        assert not any("://" in v or v == "*" for v in values)


def test_login_page_has_the_admin_policy(client):
    response = client.get("/admin/login/")
    assert response.status_code == 200
    assert "Content-Security-Policy" in response
