"""What a reader notices (issue 14, fault 7).

Protects: the home page's current offers are styled (offers.css loaded);
every page type has a meta description; /favicon.ico and /robots.txt (with
the sitemap) answer; breadcrumbs of news and events include their index;
event pages are laid out like offers; the finder's live count is no
``<h2 role="status">``; the two search landmarks have distinct names; every
``datetime`` attribute is valid HTML (no microseconds); the stylesheet
hyphenates by ``lang`` and aligns the menu with the content.
"""

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.conf import settings

pytestmark = pytest.mark.django_db

PAGE_TYPES = [
    "/{code}/",  # home
    "/{code}/sprache/",  # guide index
    "/{code}/sprache/kursabbruch/",  # guide page
    "/{code}/angebote/",  # finder
    "/{code}/angebote/vhs-frauenkurs-kinderbetreuung/",  # offer
    "/{code}/akteure/",  # directory
    "/{code}/neuigkeiten/",
    "/{code}/neuigkeiten/bericht-im-ausschuss-vorgestellt/",
    "/{code}/termine/",
    "/{code}/termine/netzwerktreffen-integration/",
    "/{code}/impressum/",  # standard page
    "/{code}/sprachmittlung-anfragen/",  # request form
    "/{code}/suche/?q=Sprachkurs",
]
VALID_DATETIME = re.compile(r"^\d{4}-\d\d-\d\d(T\d\d:\d\d(:\d\d)?([+-]\d\d:\d\d|Z)?)?$")


def soup_of(client, url):
    response = client.get(url, follow=True)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content.decode(), "html.parser")


@pytest.mark.parametrize("code", ["de", "ar"])
def test_every_page_type_has_a_description_and_valid_datetimes(client, code):
    descriptions = set()
    checked_times = 0
    for pattern in PAGE_TYPES:
        url = pattern.format(code=code)
        soup = soup_of(client, url)
        meta = soup.find_all("meta", attrs={"name": "description"})
        assert len(meta) == 1 and len(meta[0]["content"].strip()) > 20, url
        descriptions.add(meta[0]["content"])
        for time in soup.find_all("time"):
            assert VALID_DATETIME.match(time["datetime"]), (url, time["datetime"])
            checked_times += 1
        # Landmarks of one kind have distinct names (axe landmark-unique).
        search_names = [form.get("aria-label") for form in soup.select('[role="search"]')]
        assert len(set(search_names)) == len(search_names), url
        assert not soup.select("h1[role], h2[role], h3[role]"), url
    assert len(descriptions) > 5  # not one text for all pages
    assert checked_times > 5  # guide pages (microseconds before), news, events


def test_home_page_offers_are_styled(client):
    soup = soup_of(client, "/de/")
    assert soup.find("link", href=re.compile(r"offers/offers\.css"))
    assert soup.select(".featured-offers .offer-list .offer-card")


def test_finder_count_is_a_status_around_the_heading(client):
    soup = soup_of(client, "/de/angebote/")
    status = soup.select_one('[role="status"]')
    assert status.name == "div" and status.find("h2", id="results-heading")


@pytest.mark.parametrize(
    ("url", "index"),
    [
        ("/de/neuigkeiten/bericht-im-ausschuss-vorgestellt/", "/de/neuigkeiten/"),
        ("/de/termine/netzwerktreffen-integration/", "/de/termine/"),
        ("/fa/termine/netzwerktreffen-integration/", "/fa/%D8%B1%D9%88%DB%8C%D8%AF%D8%A7%D8%AF%D9%87%D8%A7/"),
    ],
)
def test_breadcrumbs_include_the_index(client, url, index):
    """(The Farsi events index has its own slug, رویدادها: the German address redirects there.)"""
    crumbs = [a["href"] for a in soup_of(client, url).select(".breadcrumbs a")]
    assert crumbs == [url.split("/")[0] + "/" + url.split("/")[1] + "/", index]


def test_guide_page_breadcrumbs_unchanged(client):
    crumbs = [a["href"] for a in soup_of(client, "/de/sprache/kursabbruch/").select(".breadcrumbs a")]
    assert crumbs == ["/de/", "/de/sprache/"]


def test_event_page_is_laid_out_like_an_offer(client):
    soup = soup_of(client, "/de/termine/netzwerktreffen-integration/")
    facts = soup.select_one("dl.event-facts")
    assert facts is not None and facts.find("time")
    css = (Path(settings.BASE_DIR) / "network/static/network/network.css").read_text()
    assert ".event-facts {" in css


def test_favicon_and_robots(client):
    icon = client.get("/favicon.ico")
    assert icon.status_code == 200 and icon["Content-Type"] == "image/x-icon"
    assert icon.content[:4] == b"\x00\x00\x01\x00"  # an ICO file
    robots = client.get("/robots.txt").content.decode()
    assert re.search(r"^Sitemap: http://\S+/sitemap\.xml$", robots, re.M)


def test_stylesheet_hyphenates_and_aligns_the_menu():
    css = (Path(settings.BASE_DIR) / "cms/static/css/site.css").read_text()
    assert re.search(r"main, \.main-nav, \.site-footer \{ hyphens: auto;", css)
    assert ".main-nav ul { padding: .5rem 1rem; margin-inline: auto; }" in css
