"""Which things may receive feedback, and where the reader goes back to.

Only what an anonymous reader of that language may see right now: a live guide, standard
or event page of the reader's locale without a view restriction on it or an ancestor
(the page cache's rule, ``operations.page_cache.view_restrictions``, which also counts an
alias by its source page), not past its expiry; or an offer the offer finder of the
reader's locale shows (``offers.queries.public_offers``: live, valid today, German
fallback included). Everything else is a 404, so a draft's or a restricted page's id
cannot even be confirmed to exist.
"""

from dataclasses import dataclass

from django.db.models import Q
from django.utils import timezone
from wagtail.models import Locale, Page

from home.models import GuidePage, StandardPage
from network.models import EventPage
from offers.models import OfferFinderPage
from offers.queries import public_offers
from operations.page_cache import view_restrictions
from portal.pages import locale_page

from .models import Feedback

PAGE_TYPES = (GuidePage, StandardPage, EventPage)


@dataclass
class Target:
    kind: str
    obj: object
    url: str  # where the reader read it, in the reader's language
    chrome_page: Page  # navigation, footer and language links for the re-shown form

    @property
    def title(self):
        return self.obj.title

    def row_fields(self):
        return {"kind": self.kind, self.kind: self.obj}


def _page(pk, locale, request):
    now = timezone.now()
    page = (
        Page.objects.live()
        .type(*PAGE_TYPES)
        .filter(pk=pk, locale=locale)
        .filter(Q(expire_at__isnull=True) | Q(expire_at__gt=now))
        .specific()
        .first()
    )
    if page is None or view_restrictions(page):
        return None
    url = page.get_url(request)
    return Target(Feedback.PAGE, page, url, page) if url else None


def _offer(pk, locale, request):
    offer = public_offers(locale).filter(pk=pk).first()
    finder = locale_page(OfferFinderPage, locale) if offer else None
    if finder is None:
        return None
    return Target(Feedback.OFFER, offer, offer.public_url(finder.get_url(request)), finder)


def public_target(kind, pk, language_code, request):
    """The ``Target`` a reader of ``language_code`` may give feedback on, or None."""
    try:
        pk = int(pk)
    except (TypeError, ValueError):
        return None
    locale = Locale.objects.filter(language_code=language_code).first()
    if locale is None or pk <= 0:
        return None
    if kind == Feedback.PAGE:
        return _page(pk, locale, request)
    if kind == Feedback.OFFER:
        return _offer(pk, locale, request)
    return None
