"""Two towns side by side on one installation (issue 16): no content crosses over.

Beckum (the demo's default site) and the small second demo town Ennigerloh
(``load_demo_content --second-town``, built here inside each test's transaction) are
requested with each town's ``Host``: home, menu, language switcher, search, offer finder,
offer detail, organisation directory, news feed, sitemap, and the dashboard and rights
of a town's management. The Kreis's Kommunales Integrationszentrum serves both towns and
appears in both; every "must not find" has its positive control in the other town.
"""

import re

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Page, Site

from home.demo.second_town import load_second_town
from offers.models import Offer, Organisation
from offers.permissions import forget_cached_scope
from portal.roles import town_group_names

pytestmark = pytest.mark.django_db

TOWN_HOST = "ennigerloh.test"
SHARED = "Kommunales Integrationszentrum des Kreises Warendorf"
SHARED_OFFER = "Beratung für neu zugewanderte Familien"
LOCAL_ORG = "Begegnungscafé Ennigerloh"
LOCAL_OFFER = "Sprachcafé Ennigerloh"


@pytest.fixture
def towns(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        town = load_second_town(hostname=TOWN_HOST, port=80)
    beckum = Site.objects.get(is_default_site=True)
    return {"beckum": f"{beckum.hostname}:{beckum.port}", "town": TOWN_HOST, "site": town}


@pytest.fixture
def get(client):
    def fetch(host, url, status=200):
        response = client.get(url, HTTP_HOST=host)
        assert response.status_code == status, (host, url, response.status_code)
        return response.content.decode()

    return fetch


def beckum_only_offer():
    """A live offer of a Beckum organisation that serves no other town (the positive control)."""
    offer = Offer.objects.current().filter(locale__language_code="de", organisation__towns__isnull=True)
    offer = offer.order_by("title", "pk").first()  # on the finder's first page
    assert offer is not None, "demo data: Beckum's organisations have current offers"
    return offer


def test_home_menu_switcher_and_frame_are_the_towns_own(towns, get):
    beckum, town = get(towns["beckum"], "/de/"), get(towns["town"], "/de/")
    assert "Willkommen in Beckum" in beckum and "Willkommen in Ennigerloh" not in beckum
    assert "Willkommen in Ennigerloh" in town and "Willkommen in Beckum" not in town
    assert "<title>Willkommen in Beckum – Integrationsportal Beckum</title>" in beckum
    assert "– Integrationsportal Ennigerloh</title>" in town
    assert '<span class="site-name__town">Ennigerloh</span>' in town
    assert 'href="/de/"' in town  # the logo links to the town's home, not to None
    # Menu: Beckum's seven fields of action; Ennigerloh's own one.
    assert ">Wohnen</a>" in beckum and ">Wohnen</a>" not in town
    assert ">Sprache</a>" in town
    # Footer: the town's operator and contact.
    assert "Stadt Ennigerloh" in town and "Marktplatz 1" in town and "Stadt Ennigerloh" not in beckum
    assert "Stadt Beckum" in beckum
    # Switcher: Ennigerloh offers German and English only.
    assert 'hreflang="ar"' in beckum and 'hreflang="ar"' not in town
    assert 'hreflang="en"' in town
    english = get(towns["town"], "/en/")
    assert "Welcome to Ennigerloh" in english and "Welcome to Beckum" not in english


def test_search_is_scoped_to_the_town(towns, get):
    def results(host, query):  # the main part, as text (hits are highlighted with <mark>)
        main = get(host, f"/de/suche/?q={query}").split('id="main"')[1].split("</main>")[0]
        return re.sub(r"<[^>]+>", "", main)

    town, beckum = results(towns["town"], "Ennigerloh"), results(towns["beckum"], "Ennigerloh")
    assert "Deutsch lernen in Ennigerloh" in town and LOCAL_OFFER in town
    assert "Deutsch lernen in Ennigerloh" not in beckum and LOCAL_OFFER not in beckum
    none = re.compile(r"(?<!\d)0 Ergebnisse")
    assert none.search(beckum) and not none.search(town)
    # Beckum's guide on housing: found in Beckum only.
    assert "Eine Wohnung finden in Beckum" in results(towns["beckum"], "Wohnungssuche")
    assert none.search(results(towns["town"], "Wohnungssuche"))
    # The shared organisation is found in both towns.
    assert SHARED in results(towns["town"], "Integrationszentrum")
    assert SHARED in results(towns["beckum"], "Integrationszentrum")


def test_finder_detail_and_directory_show_the_towns_organisations(towns, get):
    control = beckum_only_offer()
    town_finder, beckum_finder = get(towns["town"], "/de/angebote/"), get(towns["beckum"], "/de/angebote/")
    assert LOCAL_OFFER in town_finder and LOCAL_OFFER not in beckum_finder
    assert control.title in beckum_finder and control.title not in town_finder
    assert SHARED_OFFER in town_finder and SHARED_OFFER in beckum_finder
    get(towns["town"], "/de/angebote/sprachcafe-ennigerloh/")
    get(towns["beckum"], "/de/angebote/sprachcafe-ennigerloh/", status=404)
    get(towns["beckum"], f"/de/angebote/{control.slug}/")
    get(towns["town"], f"/de/angebote/{control.slug}/", status=404)

    town_directory, beckum_directory = (
        get(towns["town"], "/de/akteure/"),
        get(towns["beckum"], "/de/akteure/"),
    )
    assert LOCAL_ORG in town_directory and LOCAL_ORG not in beckum_directory
    assert "Café Courage" in beckum_directory and "Café Courage" not in town_directory
    assert SHARED in town_directory and SHARED in beckum_directory


def test_feeds_and_sitemaps_stay_in_their_town(towns, get):
    town_feed = get(towns["town"], "/de/neuigkeiten/feed/")
    beckum_feed = get(towns["beckum"], "/de/neuigkeiten/feed/")
    assert "Sprachcafé in Ennigerloh startet" in town_feed
    assert "Sprachcafé in Ennigerloh startet" not in beckum_feed
    assert "<entry" in beckum_feed  # Beckum's own news
    assert beckum_feed.count("<entry") > town_feed.count("<entry") == 1

    town_map, beckum_map = get(towns["town"], "/sitemap.xml"), get(towns["beckum"], "/sitemap.xml")
    assert f"http://{TOWN_HOST}/de/angebote/sprachcafe-ennigerloh/" in town_map
    assert f"http://{TOWN_HOST}/de/sprache/deutsch-lernen/" in town_map
    assert "/de/wohnen/" in beckum_map and "/de/wohnen/" not in town_map
    assert "sprachcafe-ennigerloh" not in beckum_map and TOWN_HOST not in beckum_map
    assert f"/de/angebote/{beckum_only_offer().slug}/" in beckum_map


def test_a_towns_management_works_in_its_town_only(towns, client):
    from django.contrib.auth.models import Group

    site = towns["site"]
    user = get_user_model().objects.create_user("leitung-ennigerloh", password="x")
    user.groups.add(Group.objects.get(name=town_group_names("Ennigerloh")["managers"]))
    town_home = Page.objects.get(pk=site.root_page_id)
    beckum_home = Site.objects.get(is_default_site=True).root_page
    assert town_home.permissions_for_user(user).can_edit()
    assert town_home.permissions_for_user(user).can_publish()
    assert not beckum_home.permissions_for_user(user).can_edit()

    policy = Organisation.snippet_viewset.permission_policy
    forget_cached_scope(user)
    editable = set(policy.instances_user_has_permission_for(user, "change").values_list("name", flat=True))
    assert LOCAL_ORG in editable and SHARED in editable
    assert "Café Courage" not in editable
    cafe = Organisation.objects.get(slug="cafe-courage", locale__language_code="de")
    assert not policy.user_has_permission_for_instance(user, "change", cafe)

    client.force_login(user)
    dashboard = client.get("/admin/", HTTP_HOST=towns["town"]).content.decode()
    assert LOCAL_OFFER in dashboard  # not reviewed for months: the town's offer review
    assert beckum_only_offer().title not in dashboard
    # The installation's management sees both towns.
    manager = get_user_model().objects.get(username="manager")
    assert town_home.permissions_for_user(manager).can_publish()
    assert beckum_home.permissions_for_user(manager).can_publish()


def test_one_town_alone_sees_everything_it_saw_before():
    """Without a second town, scoping changes nothing: every public page, organisation and offer stays."""
    from wagtail.models import Locale

    from offers.queries import public_offers, public_organisations
    from portal.sites import for_site

    beckum = Site.objects.get(is_default_site=True)
    pages = Page.objects.live().public().filter(depth__gte=2)
    assert for_site(pages, beckum).count() == pages.count() > 50
    for code in ("de", "ar"):
        locale = Locale.objects.get(language_code=code)
        assert public_offers(locale, site=beckum).count() == public_offers(locale).count() > 10
        assert public_organisations(locale, site=beckum).count() == public_organisations(locale).count() > 10


def test_the_public_api_answers_for_the_town_asked(towns, client):
    """Pages, offers and organisations of the read API (api/) are the town's own; the shared one in both."""

    def titles(host, endpoint, key):
        response = client.get(
            f"/api/v2/{endpoint}/", {"lang": "de", "limit": 50, "fields": key}, HTTP_HOST=host
        )
        assert response.status_code == 200, (host, endpoint, response.content[:200])
        return {item[key] for item in response.json()["items"]}

    beckum_offer = beckum_only_offer().title
    beckum_offers, town_offers = (
        titles(towns["beckum"], "offers", "title"),
        titles(towns["town"], "offers", "title"),
    )
    assert LOCAL_OFFER in town_offers and LOCAL_OFFER not in beckum_offers
    assert beckum_offer in beckum_offers and beckum_offer not in town_offers
    assert any(t.startswith(SHARED_OFFER) for t in town_offers)
    assert any(t.startswith(SHARED_OFFER) for t in beckum_offers)
    beckum_orgs = titles(towns["beckum"], "organisations", "name")
    town_orgs = titles(towns["town"], "organisations", "name")
    assert LOCAL_ORG in town_orgs and LOCAL_ORG not in beckum_orgs
    assert SHARED in town_orgs and SHARED in beckum_orgs
    beckum_pages = titles(towns["beckum"], "pages", "title")
    town_pages = titles(towns["town"], "pages", "title")
    assert town_pages and beckum_pages and not (town_pages & {p for p in beckum_pages if "Beckum" in p})
