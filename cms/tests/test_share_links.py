"""Share and route links without trackers (issue 15, item 8).

Protects: a reader can pass an offer, event, organisation or guide page on by e-mail,
WhatsApp or Telegram and open the route to an offer's place on OpenStreetMap, through
plain links with absolute, percent-encoded addresses, labelled in the reader's language,
and the page itself still loads nothing from another host (no image, script, style or
frame) before a click.
"""

import re
from html.parser import HTMLParser
from urllib.parse import quote, urlsplit

import pytest
from django.utils.encoding import iri_to_uri
from django.utils.html import escape
from wagtail.models import Locale

from home.models import GuidePage
from network.models import EventPage
from offers.models import Offer, OfferFinderPage, OrganisationDirectoryPage
from portal.sharing import route_url, share_urls

pytestmark = pytest.mark.django_db

LABELS = {
    "de": ["Diese Seite teilen", "Per E-Mail", "Über WhatsApp", "Über Telegram"],
    "ar": ["شارك هذه الصفحة", "بالبريد الإلكتروني", "عبر واتساب", "عبر تيليجرام"],
    "fa": ["این صفحه را به اشتراک بگذارید", "با ایمیل", "در واتس‌اپ", "در تلگرام"],
}


def page_urls(code):
    locale = Locale.objects.get(language_code=code)
    finder = OfferFinderPage.objects.get(locale=locale).url
    directory = OrganisationDirectoryPage.objects.get(locale=locale).url
    event = EventPage.objects.live().filter(locale__language_code="de").order_by("path").first()
    guide = GuidePage.objects.live().filter(locale__language_code="de", depth__gte=4).order_by("path").first()
    return {
        "offer": f"{finder}vhs-integrationskurs/",
        "organisation": f"{directory}vhs/",
        "event": event.get_translation(locale).url,
        "guide": guide.get_translation(locale).url,
    }


def share_hrefs(html):
    block = re.search(r'<aside class="share no-print".*?</aside>', html, re.S)
    assert block, "no share links"
    return re.findall(r'<a href="([^"]+)" rel="([^"]+)"', block.group(0))


@pytest.mark.parametrize("code", ["de", "ar", "fa"])
def test_every_page_type_has_share_links_to_itself(client, code):
    for kind, url in page_urls(code).items():
        html = client.get(url).content.decode()
        links = share_hrefs(html)
        assert len(links) == 3, kind
        absolute = iri_to_uri(f"http://testserver{url}")  # as the request builds it
        encoded = quote(absolute, safe="")
        for href, rel in links:
            assert "noopener" in rel.split() and "noreferrer" in rel.split(), (kind, rel)
            href = href.replace("&amp;", "&")
            assert encoded in href, (kind, href)  # the page's own absolute address, percent-encoded
            assert " " not in href and "<" not in href
        schemes = [urlsplit(href.replace("&amp;", "&"))[:2] for href, _rel in links]
        assert schemes == [("mailto", ""), ("https", "wa.me"), ("https", "t.me")], kind
        for label in LABELS[code]:
            assert label in html, (kind, code, label)


def test_share_addresses_are_exact():
    url = "http://testserver/ar/العروض/vhs-integrationskurs/"
    links = share_urls(url, "Kurs & Beratung: 50 % günstiger")
    encoded_url = quote(url, safe="")
    title = "Kurs%20%26%20Beratung%3A%2050%20%25%20g%C3%BCnstiger"
    assert links["email"] == f"mailto:?subject={title}&body={title}%20{encoded_url}"
    assert links["whatsapp"] == f"https://wa.me/?text={title}%20{encoded_url}"
    assert links["telegram"] == f"https://t.me/share/url?url={encoded_url}&text={title}"


def test_offer_with_coordinates_has_a_route_link(client):
    offer = Offer.objects.get(slug="vhs-integrationskurs", locale__language_code="de")
    assert offer.latitude is not None
    html = client.get(f"/de/angebote/{offer.slug}/").content.decode()
    expected = route_url(offer.latitude, offer.longitude)
    lat = format(offer.latitude.normalize(), "f")
    lon = format(offer.longitude.normalize(), "f")
    assert expected == f"https://www.openstreetmap.org/directions?to={lat}%2C{lon}"
    link = f'<a class="route-link" href="{escape(expected)}" rel="noopener noreferrer">'
    assert f"{link}Route auf OpenStreetMap</a>" in html
    # without coordinates, no route link (the link above is the positive control)
    offer.latitude = offer.longitude = None
    offer.save()
    html = client.get(f"/de/angebote/{offer.slug}/").content.decode()
    assert "route-link" not in html and "openstreetmap" not in html
    # the print view has neither share nor route links
    assert "share no-print" not in client.get(f"/de/angebote/{offer.slug}/?print=1").content.decode()


def test_route_link_is_labelled_in_arabic(client):
    finder = OfferFinderPage.objects.get(locale__language_code="ar").url
    html = client.get(f"{finder}vhs-integrationskurs/").content.decode()
    assert ">المسار على OpenStreetMap</a>" in html


# -- nothing is loaded from another host ----------------------------------------------------
class Resources(HTMLParser):
    """Addresses the browser loads by itself: images, scripts, styles, frames, media, icons."""

    LOADING = {
        "img": ("src", "srcset"),
        "script": ("src",),
        "iframe": ("src",),
        "frame": ("src",),
        "embed": ("src",),
        "object": ("data",),
        "source": ("src", "srcset"),
        "video": ("src", "poster"),
        "audio": ("src",),
        "track": ("src",),
        "input": ("src",),
    }

    def __init__(self):
        super().__init__()
        self.urls = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        names = self.LOADING.get(tag, ())
        if tag == "link" and set((attrs.get("rel") or "").split()) & {
            "stylesheet",
            "icon",
            "preload",
            "prefetch",
            "preconnect",
            "dns-prefetch",
            "modulepreload",
            "manifest",
        }:
            names = ("href",)
        for name in names:
            for value in re.split(r",\s*", attrs.get(name) or ""):
                if value.strip():
                    self.urls.append(value.strip().split()[0])
        if "style" in attrs and "url(" in attrs["style"]:
            self.urls.append(attrs["style"])


def foreign_resources(html):
    parser = Resources()
    parser.feed(html)
    return [u for u in parser.urls if urlsplit(u).netloc not in ("", "testserver") or "url(" in u]


def test_the_checker_finds_foreign_resources():
    html = (
        '<img src="https://tracker.example/p.gif"><link rel="stylesheet" href="//cdn.example/x.css">'
        '<a href="https://wa.me/">x</a><script src="/static/a.js"></script>'
    )
    assert foreign_resources(html) == ["https://tracker.example/p.gif", "//cdn.example/x.css"]


@pytest.mark.parametrize("code", ["de", "ar"])
def test_pages_with_share_links_load_nothing_from_other_hosts(client, code):
    for kind, url in page_urls(code).items():
        html = client.get(url).content.decode()
        assert "https://wa.me/" in html  # positive control: the page links to another host...
        assert foreign_resources(html) == [], kind  # ...but loads nothing from one
