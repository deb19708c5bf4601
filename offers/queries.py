"""The public querysets: live, currently valid, in the reader's locale with German fallback.

Every public view (finder, detail, directory, block, home section) starts here,
so that drafts and expired offers cannot leak through one of them.
"""

from django.conf import settings
from django.db.models import BooleanField, Case, Q, Value, When

from portal.pending import pending_exists
from portal.sites import for_site

from .models.offers import Offer
from .models.organisations import Organisation


def with_fallback(queryset, locale):
    """Rows of ``locale``, plus German rows that have no row in ``locale``.

    ``queryset`` must already hold only what may be shown (live, valid), so a
    draft translation lets the German original show through. Rows get an
    ``is_fallback`` annotation. One SQL query: the translated keys are a
    subquery, and the German locale is joined by its language code.
    """
    source = Q(locale__language_code=settings.LANGUAGE_CODE)
    if locale.language_code == settings.LANGUAGE_CODE:
        return queryset.filter(locale=locale).annotate(is_fallback=Value(False, output_field=BooleanField()))
    # A translation started but not approved yet still holds the German text: the German row shows.
    queryset = queryset.alias(translation_pending=pending_exists())
    translated_keys = queryset.filter(locale=locale, translation_pending=False).values("translation_key")
    own = Q(locale=locale, translation_pending=False)
    return queryset.filter(own | (source & ~Q(translation_key__in=translated_keys))).annotate(
        is_fallback=Case(When(source, then=Value(True)), default=Value(False), output_field=BooleanField())
    )


def current_offers(today=None):
    """Live offers whose validity period includes today."""
    return Offer.objects.current(today)


def public_offers(locale, today=None, site=None):
    """What a reader of ``locale`` may see (in the town ``site``), with provider and locale loaded."""
    return (
        with_fallback(for_site(current_offers(today), site), locale)
        .select_related("organisation", "locale")
        .order_by("title", "pk")
    )


def public_organisations(locale, site=None):
    """Live organisations of ``locale`` (German fallback) serving the town ``site`` (None: every town)."""
    organisations = for_site(Organisation.objects.filter(live=True), site)
    return with_fallback(organisations, locale).select_related("locale", "logo")
