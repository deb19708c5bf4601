"""The "offers" block for guide pages: the editor picks filters, readers see matching live offers."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from .choices import FIELDS_OF_ACTION, LANGUAGES, OFFER_KINDS, TARGET_GROUPS


class OffersBlock(blocks.StructBlock):
    title = blocks.CharBlock(
        label=_("Title"), required=False, help_text=_("E.g. “Language courses with childcare”.")
    )
    field_of_action = blocks.ChoiceBlock(choices=FIELDS_OF_ACTION, required=False, label=_("Field of action"))
    kind = blocks.ChoiceBlock(choices=OFFER_KINDS, required=False, label=_("Kind of offer"))
    target_group = blocks.ChoiceBlock(choices=TARGET_GROUPS, required=False, label=_("Target group"))
    language = blocks.ChoiceBlock(choices=LANGUAGES, required=False, label=_("Held in"))
    free = blocks.BooleanBlock(required=False, label=_("Free of charge only"))
    childcare = blocks.BooleanBlock(required=False, label=_("With childcare only"))
    women_only = blocks.BooleanBlock(required=False, label=_("Women-only offers only"))
    barrier_free = blocks.BooleanBlock(required=False, label=_("Barrier-free only"))
    limit = blocks.IntegerBlock(
        default=5,
        min_value=1,
        max_value=20,
        label=_("Number of offers"),
        help_text=_("At most this many are listed."),
    )

    # Block value name -> finder filter name (the "all offers" link opens the finder with the same filters).
    FILTERS = {
        "field_of_action": "field",
        "kind": "kind",
        "target_group": "target",
        "language": "language",
        "free": "free",
        "childcare": "childcare",
        "women_only": "women",
        "barrier_free": "barrierfree",
    }

    class Meta:
        icon = "list-ul"
        label = _("Matching offers")
        template = "offers/blocks/offers.html"

    def filter_values(self, value):
        return {name: value.get(key) for key, name in self.FILTERS.items() if value.get(key)}

    def get_context(self, value, parent_context=None):
        from wagtail.models import Locale

        from portal.sites import current_site

        from .forms import OfferFilterForm
        from .queries import public_offers
        from .sections import finder_for

        context = super().get_context(value, parent_context=parent_context)
        page = (parent_context or {}).get("page")
        locale = page.locale if page is not None else Locale.get_active()
        request = (parent_context or {}).get("request")
        filters = self.filter_values(value)
        form = OfferFilterForm()
        site = current_site(request)
        offers = list(form.apply(public_offers(locale, site=site), filters)[: value.get("limit") or 5])
        finder = finder_for(locale, site)
        finder_url = finder.get_url(request) if finder else None
        for offer in offers:
            offer.url = offer.public_url(finder_url) if finder_url else None
        context.update(
            {
                "offers": offers,
                "all_url": f"{finder_url}?{form.query_string(filters)}" if finder_url else None,
            }
        )
        return context
