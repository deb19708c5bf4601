"""The "featured offers" section of the home page (``home_page_sections`` hook)."""

from portal.pages import locale_page
from portal.sites import current_site

from .queries import public_offers

FEATURED_COUNT = 3


def finder_for(locale, site=None):
    """The town's offer finder of ``locale`` (else the German one): ``portal.pages.locale_page``."""
    from .models import OfferFinderPage

    return locale_page(OfferFinderPage, locale, site=site)


def featured_offers(page, request):
    """The most recently reviewed offers of the page's locale, or None when there are none."""
    site = current_site(request)
    finder = finder_for(page.locale, site)
    if finder is None:
        return None
    offers = list(public_offers(page.locale, site=site).order_by("-last_reviewed", "title")[:FEATURED_COUNT])
    if not offers:
        return None
    finder_url = finder.get_url(request)
    for offer in offers:
        offer.url = offer.public_url(finder_url)
    return {"template": "offers/sections/featured_offers.html", "offers": offers, "finder_url": finder_url}
