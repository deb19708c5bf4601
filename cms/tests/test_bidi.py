"""Latin names, addresses, postcodes, phone numbers and e-mails are isolated in RTL pages (issue 14, fault 4).

Protects: in Arabic and Farsi, every such value is printed in its own
``<bdi>`` (or a link with ``dir="ltr"``, which isolates too), so that
"59269 Beckum" does not turn into "Beckum 59269" and "e.V." keeps its full
stop on the right side: offer detail, offer cards, the organisation directory,
contact point blocks and events.
"""

import pytest
from bs4 import BeautifulSoup, NavigableString

pytestmark = pytest.mark.django_db


def isolated(html, value, scope="body"):
    """Each text node equal to ``value`` (in ``scope``): alone in a ``<bdi>`` or an element with ``dir``?"""
    soup = BeautifulSoup(html, "html.parser")
    found = [
        node
        for part in soup.select(scope)
        for node in part.descendants
        if isinstance(node, NavigableString) and " ".join(node.split()) == value
    ]
    assert found, f"{value!r} is not on the page"
    return [node.parent.name == "bdi" or node.parent.has_attr("dir") for node in found]


def assert_isolated(html, *values, scope="body"):
    for value in values:
        assert all(isolated(html, value, scope)), value


def test_the_check_sees_a_value_without_isolation():
    html = '<html dir="rtl"><body><p>نشانی: 59269 Beckum</p><p><bdi>59269 Beckum</bdi></p></body></html>'
    assert isolated(html, "59269 Beckum") == [True]
    assert isolated("<html><body><p>59269 Beckum</p></body></html>", "59269 Beckum") == [False]


def test_arabic_offer_detail(client):
    html = client.get("/ar/angebote/vhs-frauenkurs-kinderbetreuung/", follow=True).content.decode()
    assert_isolated(
        html,
        "Musterstraße 30",
        "59269 Beckum",
        "02521 00000-37",
        "frauenkurs@vhs.example.org",
        "Volkshochschule Beckum-Wadersloh (مركز تعليم الكبار)",
    )


def test_farsi_contact_block(client):
    html = client.get("/fa/sprache/kursabbruch/").content.decode()
    assert 'class="contact"' in html
    # Names inside running text are the translator's; the contact point's fields are isolated.
    assert_isolated(
        html, "Integrationsmanagement der Stadt Beckum", "59269 Beckum", "02521 00000-10", scope=".contact"
    )


def test_arabic_directory(client):
    html = client.get("/ar/akteure/", follow=True).content.decode()
    assert_isolated(
        html, "59269 Beckum", "Integrationsmanagement der Stadt Beckum (إدارة الاندماج في مدينة بيكوم)"
    )


def test_farsi_offer_card_provider(client):
    html = client.get("/fa/angebote/", follow=True).content.decode()
    assert_isolated(html, "Anders Ackern e.V.", scope=".offer-card")


def test_farsi_event(client):
    html = client.get("/fa/termine/netzwerktreffen-integration/", follow=True).content.decode()
    assert_isolated(
        html, "Rathaus Beckum, Sitzungssaal (Beispiel)", "Integrationsmanagement der Stadt Beckum"
    )
