"""A small second demo town on the same installation: Ennigerloh (Kreis Warendorf), issue 16.

``manage.py load_demo_content --second-town`` (off by default) adds a second Wagtail site with
its own home tree (German, English), town settings, one organisation only there, and makes the
Kreis's Kommunales Integrationszentrum (``ki-kreis``) serve both towns. Idempotent.
Host: ``SECOND_TOWN_HOSTNAME`` (default ``localhost``) on the main site's port, so ``make run``
serves Beckum on http://127.0.0.1:8000/ and Ennigerloh on http://localhost:8000/.
Contact data of the town hall are marked as example data (``is_example`` on the organisation).
"""

import datetime
import os

from django.conf import settings
from wagtail.models import Locale, Page, Site

from home.demo.loader import DemoLoader
from home.models import GuideIndexPage, GuidePage, HomePage, StandardPage

TOWN = "Ennigerloh"
HOME_SLUG = "ennigerloh"


def _p(text):
    return [{"type": "paragraph", "value": f"<p>{text}</p>"}]


HOME = {
    "de": {
        "title": "Willkommen in Ennigerloh",
        "intro": "<p>Willkommen im Integrationsportal Ennigerloh! Hier finden Menschen, die neu in "
        "Ennigerloh sind, Informationen, Angebote und Kontakte.</p>",
    },
    "en": {
        "title": "Welcome to Ennigerloh",
        "intro": "<p>Welcome to the Integrationsportal Ennigerloh! People who are new to Ennigerloh "
        "find information, offers and contacts here.</p>",
    },
}
SECTION = {
    "de": {"title": "Sprache", "intro": "Deutsch lernen in Ennigerloh: Kurse und Treffpunkte."},
    "en": {"title": "Language", "intro": "Learning German in Ennigerloh: courses and meeting places."},
}
GUIDE = {
    "de": {
        "title": "Deutsch lernen in Ennigerloh",
        "intro": "Wo Sie in Ennigerloh Deutsch lernen und üben können.",
        "body": _p(
            "Im Sprachcafé im Begegnungscafé Ennigerloh üben Sie Deutsch im Gespräch. Das Kommunale "
            "Integrationszentrum des Kreises Warendorf berät Sie zu Integrationskursen."
        ),
    },
    "en": {
        "title": "Learning German in Ennigerloh",
        "intro": "Where you can learn and practise German in Ennigerloh.",
        "body": _p(
            "At the language café in the Begegnungscafé Ennigerloh you practise German in conversation. The "
            "Kommunales Integrationszentrum of the Kreis Warendorf advises you on integration courses."
        ),
    },
}
IMPRINT = {"de": {"title": "Impressum", "body": _p("Stadt Ennigerloh, Marktplatz 1, 59320 Ennigerloh.")}}


def second_town_site(hostname=None, port=None):
    main = Site.objects.filter(is_default_site=True).first()
    hostname = hostname or os.environ.get("SECOND_TOWN_HOSTNAME", "localhost")
    port = port or int(os.environ.get("SECOND_TOWN_PORT", main.port if main else 80))
    return hostname, port


def load_second_town(stdout=None, hostname=None, port=None):
    """Create (or keep) the town Ennigerloh; returns its Site."""
    from network.models import NewsIndexPage, NewsPage
    from offers.hours import hours_from_weekdays
    from offers.models import Offer, OfferFinderPage, Organisation, OrganisationDirectoryPage
    from portal.models import TownSettings
    from portal.roles import setup_roles, setup_town_roles

    loader = DemoLoader(stdout=stdout)
    german = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    root = Page.get_first_root_node()
    home = root.get_children().filter(slug=HOME_SLUG, locale=german).first()
    if home is None:
        home = HomePage(slug=HOME_SLUG, locale=german, **HOME["de"])
        root.add_child(instance=home)
        home.save_revision().publish()
        home = HomePage.objects.get(pk=home.pk)
        loader.translate(home, HOME)
    else:
        home = home.specific
    hostname, port = second_town_site(hostname, port)
    site = Site.objects.filter(root_page=home).first()
    if site is None:
        site = Site.objects.create(
            hostname=hostname, port=port, root_page=home, site_name=f"Integrationsportal {TOWN}"
        )
    TownSettings.objects.get_or_create(
        site=site,
        defaults={
            "name": TOWN,
            "operator": f"Stadt {TOWN}",
            "network_name": "",
            "address": "Marktplatz 1\n59320 Ennigerloh",
            "phone": "02524 28-0",
            "languages": "de,en",
        },
    )
    section = loader.child(home, GuideIndexPage, "sprache", SECTION, extra={"field_of_action": "sprache"})
    loader.child(section, GuidePage, "deutsch-lernen", GUIDE)
    for model, slug, title in (
        (OfferFinderPage, "angebote", "Angebote in Ennigerloh"),
        (OrganisationDirectoryPage, "akteure", "Akteure in Ennigerloh"),
        (NewsIndexPage, "neuigkeiten", "Neuigkeiten aus Ennigerloh"),
    ):
        if not home.get_children().filter(slug=slug).exists():
            page = model(slug=slug, title=title, locale=german, show_in_menus=True)
            home.add_child(instance=page)
            page.save_revision().publish()
    news_index = home.get_children().get(slug="neuigkeiten")
    if not news_index.get_children().exists():
        news = NewsPage(
            slug="sprachcafe-startet",
            title="Sprachcafé in Ennigerloh startet",
            teaser="Ab März trifft sich das Sprachcafé jeden Dienstag im Begegnungscafé Ennigerloh.",
            date=datetime.date(2026, 2, 20),
            locale=german,
        )
        news_index.add_child(instance=news)
        news.save_revision().publish()
    loader.child(home, StandardPage, "impressum", IMPRINT)

    # One organisation of the Kreis serves both towns; one exists only in Ennigerloh.
    main = Site.objects.filter(is_default_site=True).first()
    shared = Organisation.objects.filter(slug="ki-kreis", locale=german).first()
    if shared is not None and main is not None and not shared.towns.filter(pk=site.pk).exists():
        shared.towns.add(main, site)  # modelcluster: kept in memory until saved, so a revision records it
        shared.save_revision().publish()
    local = Organisation.objects.filter(slug="begegnungscafe-ennigerloh", locale=german).first()
    if local is None:
        local = Organisation(
            locale=german,
            slug="begegnungscafe-ennigerloh",
            name="Begegnungscafé Ennigerloh",
            description="Ehrenamtliche laden Neuzugewanderte und Alteingesessene in Ennigerloh "
            "zum Gespräch ein.",
            kind="initiative",
            staff="volunteer",
            fields_of_action=["sprache", "leben-und-freizeit"],
            address="Marktplatz 1, 59320 Ennigerloh",
            is_example=True,
        )
        local.save()
        local.towns.add(site)
        local.save_revision().publish()
    offers = [
        ("sprachcafe-ennigerloh", "Sprachcafé Ennigerloh", "meeting_place", ["tu"], "15:00", "17:00"),
        (
            "sprechstunde-ennigerloh",
            "Sprechstunde für Neuzugewanderte in Ennigerloh",
            "counselling",
            ["th"],
            "09:00",
            "12:00",
        ),
    ]
    for slug, title, kind, weekdays, opens, closes in offers:
        if Offer.objects.filter(slug=slug, locale=german).exists():
            continue
        offer = Offer(
            locale=german,
            slug=slug,
            title=title,
            summary=f"{title}: offen für alle, ohne Anmeldung.",
            organisation=local,
            kind=kind,
            fields_of_action=["sprache"],
            languages=["de"],
            is_free=True,
            opening_hours=hours_from_weekdays(weekdays, opens, closes),
            address="Marktplatz 1, 59320 Ennigerloh",
            valid_from=datetime.date(2026, 1, 1),
            last_reviewed=datetime.date(2026, 1, 15),
            is_example=True,
        )
        offer.save()
        offer.save_revision().publish()
    # The demo loader builds the search index before this runs (and holds back per-publish writes).
    from portal.sites import for_site
    from search.indexing import index_object

    for page in for_site(Page.objects.live(), site).specific():
        index_object(page)
    for instance in [shared, local, *Offer.objects.filter(organisation=local)]:
        if instance is not None:
            index_object(instance)
    setup_town_roles(site)
    setup_roles()  # the town's approval workflow
    if stdout:
        stdout.write(f"Second town: {TOWN} on http://{site.hostname}:{site.port}/")
    return site
