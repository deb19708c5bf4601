"""Organisation pages ``/<lang>/akteure/<slug>/`` (issue 15, item 5).

Protects: a newcomer reads an organisation's profile, contact and current offers in
their language (or the German original with the fallback notice, ``lang="de"`` and a
canonical link to it); unknown, unpublished and draft organisations answer 404 and a
draft's text never shows; offers and directory entries link to the page; its cost in
queries does not grow with the number of offers.
"""

import datetime
import json
import re
from urllib.parse import unquote

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.html import escape

from offers.factories import OfferFactory, OrganisationFactory
from offers.models import OfferFinderPage, Organisation, OrganisationDirectoryPage
from offers.presentation import json_ld_script

pytestmark = pytest.mark.django_db


def directory_url(code):
    return OrganisationDirectoryPage.objects.get(locale__language_code=code).url


def finder_url(code):
    return OfferFinderPage.objects.get(locale__language_code=code).url


def html_of(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, (url, response.status_code)
    return response.content.decode()


def json_ld(html):
    scripts = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return [json.loads(text) for text in scripts]


# -- demo content: the VHS and the Arbeitskreis Asyl (translated into English and Arabic) -----
def test_german_page_shows_profile_contact_and_current_offers(client):
    organisation = Organisation.objects.get(slug="vhs", locale__language_code="de")
    url = f"{directory_url('de')}vhs/"
    assert url == "/de/akteure/vhs/"
    html = html_of(client, url)
    assert '<html lang="de" dir="ltr">' in html
    assert f'<h1 lang="de" dir="ltr"><bdi>{escape(organisation.name)}</bdi></h1>' in html
    assert escape(organisation.description) in html
    assert f'href="mailto:{organisation.email}" dir="ltr"' in html
    assert f'href="tel:{organisation.phone.replace(" ", "")}" dir="ltr"' in html
    first_line = organisation.address.splitlines()[0]
    assert f'<address lang="de"><bdi>{escape(first_line)}</bdi>' in html
    offers = organisation.offers.current()
    assert offers.count() >= 3
    for offer in offers:
        assert f'href="/de/angebote/{offer.slug}/"' in html
    # another organisation's offer is not listed (positive control: the list above is not empty)
    assert 'href="/de/angebote/nbb-aktivierungskurs/"' not in html
    assert '<link rel="canonical" href="http://' in html and "/de/akteure/vhs/" in html
    assert 'hreflang="ar" href="http://' in html


def test_arabic_page_is_arabic_with_links_to_every_translation(client):
    arabic = Organisation.objects.get(slug="ak-asyl", locale__language_code="ar")
    base = directory_url("ar")
    html = html_of(client, f"{base}ak-asyl/")
    assert '<html lang="ar" dir="rtl">' in html
    assert f'<h1 lang="ar" dir="rtl"><bdi>{escape(arabic.name)}</bdi></h1>' in html
    assert "notice--fallback" not in html
    canonical = re.search(r'<link rel="canonical" href="([^"]+)"', html).group(1)
    assert canonical.endswith(f"{base}ak-asyl/")
    alternates = dict(re.findall(r'<link rel="alternate" hreflang="([a-z-]+)" href="([^"]+)"', html))
    assert set(alternates) == {"de", "en", "ar", "x-default"}  # translated into these three only
    assert alternates["de"].endswith("/de/akteure/ak-asyl/")
    assert alternates["en"].endswith(f"{directory_url('en')}ak-asyl/")
    # the switcher leads to the same organisation where it is translated, else to the start page
    assert f'href="{directory_url("en")}ak-asyl/"' in html
    assert 'href="/de/akteure/ak-asyl/"' in html
    assert 'href="/fa/"' in html
    data = json_ld(html)
    assert [block["@type"] for block in data] == ["Organization"]
    assert data[0]["name"] == arabic.name


def test_untranslated_organisation_falls_back_to_german_with_notice(client):
    german = Organisation.objects.get(slug="ak-asyl", locale__language_code="de")
    assert not Organisation.objects.filter(translation_key=german.translation_key, locale__language_code="fa")
    html = html_of(client, f"{directory_url('fa')}ak-asyl/")
    assert '<html lang="fa" dir="rtl">' in html
    assert "notice--fallback" in html
    assert f'<h1 lang="de" dir="ltr"><bdi>{escape(german.name)}</bdi></h1>' in html
    assert f'<p class="lead" lang="de" dir="ltr">{escape(german.description)}</p>' in html
    canonical = re.search(r'<link rel="canonical" href="([^"]+)"', html).group(1)
    assert canonical.endswith("/de/akteure/ak-asyl/")
    # positive control: the Arabic translation exists and is not marked as fallback
    assert "notice--fallback" not in html_of(client, f"{directory_url('ar')}ak-asyl/")


def test_german_slug_redirects_to_the_translated_directory_slug(client):
    response = client.get("/en/akteure/ak-asyl/")
    assert response.status_code == 301
    english = directory_url("en")
    assert english != "/en/akteure/"
    assert unquote(response["Location"]) == f"{english}ak-asyl/"
    response = client.get("/de/akteure/ak-asyl")
    assert response.status_code == 301 and response["Location"] == "/de/akteure/ak-asyl/"


# -- what must not show --------------------------------------------------------------------
def test_unknown_unpublished_and_draft_organisations_are_404(client, orgs):
    url = directory_url("de")
    assert "Organisation A" in html_of(client, f"{url}org-a/")  # positive control
    html_of(client, f"{url}gibt-es-nicht/", status=404)
    unpublished = OrganisationFactory(name="Zurückgezogen", slug="zurueckgezogen", live=False)
    html_of(client, f"{url}{unpublished.slug}/", status=404)
    # never published: only a draft revision exists
    draft = OrganisationFactory(name="Nur Entwurf", slug="nur-entwurf", live=False)
    draft.save_revision()
    html_of(client, f"{url}nur-entwurf/", status=404)
    html_of(client, f"{directory_url('ar')}nur-entwurf/", status=404)
    # a live organisation with a newer draft: the published text shows, never the draft's
    live = orgs["b"]
    live.name = "Geheimer Entwurfsname"
    live.save_revision()
    live.refresh_from_db()
    html = html_of(client, f"{url}org-b/")
    assert "Organisation B" in html and "Geheimer Entwurfsname" not in html


def test_only_current_public_offers_are_listed(client, orgs):
    OfferFactory(organisation=orgs["a"], title="Laufender Kurs", slug="laufend")
    OfferFactory(organisation=orgs["a"], title="Abgelaufen", valid_until=datetime.date(2020, 1, 1))
    next_year = datetime.date.today() + datetime.timedelta(days=400)
    OfferFactory(organisation=orgs["a"], title="Erst nächstes Jahr", valid_from=next_year)
    OfferFactory(organisation=orgs["a"], title="Entwurfsangebot", live=False)
    OfferFactory(organisation=orgs["b"], title="Angebot von B")
    html = html_of(client, f"{directory_url('de')}org-a/")
    assert 'href="/de/angebote/laufend/"' in html and "Laufender Kurs" in html
    for title in ("Abgelaufen", "Erst nächstes Jahr", "Entwurfsangebot", "Angebot von B"):
        assert title not in html, title


def test_organisation_without_offers_says_so(client, orgs):
    html = html_of(client, f"{directory_url('en')}org-b/")
    assert "This organisation has no current offers." in html
    OfferFactory(organisation=orgs["b"], title="Angebot von B")
    assert "This organisation has no current offers." not in html_of(client, f"{directory_url('en')}org-b/")


# -- links to the page -------------------------------------------------------------------
def test_offer_page_and_directory_link_to_the_organisation(client, orgs):
    OfferFactory(organisation=orgs["a"], title="Kurs", slug="kurs")
    for code in ("de", "en", "ar"):
        page = f"{directory_url(code)}org-a/"
        offer_html = html_of(client, f"{finder_url(code)}kurs/")
        assert f'<a href="{page}"><bdi' in offer_html, code
        directory_html = html_of(client, directory_url(code))
        assert f'<a href="{page}">' in directory_html, code
        assert html_of(client, page)  # and the link works
    data = json_ld(html_of(client, f"{finder_url('de')}kurs/"))[0]
    assert data["provider"]["mainEntityOfPage"].endswith("/de/akteure/org-a/")


def test_sitemap_lists_published_organisations(client, orgs):
    OrganisationFactory(name="Unveröffentlicht", slug="unveroeffentlicht", live=False)
    xml = client.get("/sitemap.xml").content.decode()
    assert "/de/akteure/org-a/</loc>" in xml
    assert "unveroeffentlicht" not in xml


# -- cost --------------------------------------------------------------------------------
@pytest.mark.parametrize("code", ["de", "ar"])
def test_query_count_does_not_grow_with_offers(client, orgs, code):
    url = f"{directory_url(code)}org-a/"
    OfferFactory(organisation=orgs["a"], title="Erstes")

    def count():
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200
        return len(ctx.captured_queries)

    client.get(url)
    few = count()
    for n in range(25):
        OfferFactory(organisation=orgs["a"], title=f"Weiteres {n}")
    assert count() == few
    html = html_of(client, url)
    assert html.count('class="offer-card"') == 26
    assert few <= 16, few


def test_json_ld_of_the_organisation(client, orgs):
    organisation = orgs["a"]
    organisation.address = "Markt 1\n59269 Beckum"
    organisation.phone = "02521 29-0"
    organisation.website = "https://example.org/a"
    organisation.save()
    OfferFactory(organisation=organisation, title="Deutschkurs </script>", slug="dk", kind="language_course")
    html = html_of(client, f"{directory_url('de')}org-a/")
    [data] = json_ld(html)
    assert data["@type"] == "Organization"
    assert data["name"] == "Organisation A"
    assert data["url"] == "https://example.org/a"
    assert data["mainEntityOfPage"].endswith("/de/akteure/org-a/")
    assert data["address"] == {
        "@type": "PostalAddress",
        "streetAddress": "Markt 1",
        "postalCode": "59269",
        "addressLocality": "Beckum",
        "addressCountry": "DE",
    }
    assert data["makesOffer"][0]["itemOffered"]["@type"] == "Course"
    assert data["makesOffer"][0]["itemOffered"]["url"].endswith("/de/angebote/dk/")
    assert "<\\/script>" not in html and "\\u003C/script\\u003E" in str(json_ld_script(data))
