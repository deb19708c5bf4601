"""The offer detail page: every fact, provider contact, print view and schema.org JSON-LD that parses."""

import datetime
import json
import re

import pytest

from offers.factories import OfferFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def course(orgs):
    orgs["a"].phone = "02521 1234"
    orgs["a"].save()
    return OfferFactory(
        organisation=orgs["a"],
        title="Integrationskurs </script><b>",
        slug="integrationskurs",
        summary="Deutsch lernen & mehr",
        kind="integration_course",
        languages=["de", "ar"],
        target_groups=["adults"],
        childcare=True,
        registration_required=True,
        registration_how="Im Büro anmelden",
        address="Markt 1\n59269 Beckum",
        latitude="51.755700",
        longitude="8.041000",
        opening_hours=[
            {"type": "times", "value": {"days": ["mo", "we"], "opens": "09:00", "closes": "12:00"}},
        ],
        contact_person="Kursberatung",
        contact_phone="02521 5678",
        contact_email="kurs@example.org",
        valid_until=datetime.date.today() + datetime.timedelta(days=60),
    )


def json_ld(html):
    scripts = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert len(scripts) == 1
    return json.loads(scripts[0])


def test_detail_shows_every_fact_and_the_provider(client, finder_url, course):
    response = client.get(f"{finder_url}integrationskurs/")
    assert response.status_code == 200
    html = response.content.decode()
    for text in [
        "Integration course",
        "Arabic",
        "Adults",
        "Free of charge",
        "Im Büro anmelden",
        "<dt>Monday</dt>",
        "<dt>Wednesday</dt>",
        '<span dir="ltr">9:00–12:00</span>',
        "<bdi>Markt 1</bdi><br><bdi>59269 Beckum</bdi>",
        "Kursberatung",
        'href="tel:025215678"',
        'href="mailto:kurs@example.org"',
        'Provider: <a href="',  # the organisation's page (issue 15)
        '"><bdi lang="de" dir="ltr">Organisation A</bdi></a>',  # isolated, German fallback (issue 14)
        'href="tel:025211234"',
    ]:
        assert text in html, text
    assert 'href="?print=1"' in html
    assert "offers/offers.css" in html


def test_json_ld_parses_with_expected_type_and_fields(client, finder_url, course):
    data = json_ld(client.get(f"{finder_url}integrationskurs/").content.decode())
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Course"
    assert data["name"] == "Integrationskurs </script><b>"
    assert data["url"].endswith(f"{finder_url}integrationskurs/")
    assert data["provider"]["@type"] == "Organization"
    assert data["provider"]["name"] == "Organisation A"
    assert data["provider"]["contactPoint"]["email"] == "kurs@example.org"
    instance = data["hasCourseInstance"]  # a Course has no location or languages of its own (schema.org)
    assert instance["@type"] == "CourseInstance"
    assert instance["inLanguage"] == ["de", "ar"]
    assert data["isAccessibleForFree"] is True
    assert instance["location"]["geo"]["latitude"] == "51.755700"
    assert instance["location"]["address"]["postalCode"] == "59269"


def test_json_ld_cannot_close_its_script_element(client, finder_url, course):
    html = client.get(f"{finder_url}integrationskurs/").content.decode()
    script = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    assert "<" not in script and ">" not in script
    assert "\\u003C/script\\u003E" in script


def test_service_type_for_counselling(client, finder_url, orgs):
    OfferFactory(
        organisation=orgs["a"], slug="beratung", kind="counselling", is_free=False, fee_note="10 Euro"
    )
    data = json_ld(client.get(f"{finder_url}beratung/").content.decode())
    assert data["@type"] == "Service"
    assert data["offers"]["description"] == "10 Euro"
    assert data["availableChannel"] == {"@type": "ServiceChannel", "availableLanguage": ["de"]}
    assert "isAccessibleForFree" not in data  # not a property of Service


def test_print_view_hides_site_chrome(client, finder_url, course):
    html = client.get(f"{finder_url}integrationskurs/?print=1").content.decode()
    assert re.search(r'<body class="page-offer offer-print">', html)
    assert 'href="?print=1"' not in html


def test_url_without_trailing_slash_redirects(client, finder_url, course):
    response = client.get(f"{finder_url}integrationskurs")
    assert response.status_code == 301
    assert response["Location"].endswith(f"{finder_url}integrationskurs/")


def test_unknown_offer_is_404(client, finder_url, orgs):
    assert client.get(f"{finder_url}gibt-es-nicht/").status_code == 404


def test_sitemap_lists_public_offers_only(client, orgs):
    OfferFactory(organisation=orgs["a"], slug="im-sitemap")
    OfferFactory(organisation=orgs["a"], slug="entwurf", live=False)
    xml = client.get("/sitemap.xml").content.decode()
    assert "/de/angebote/im-sitemap/</loc>" in xml
    assert "entwurf" not in xml
