"""Admin menus, scoped snippet viewsets, home page section and demo data of the offers app."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import ObjectList
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from .admin_views import CheckColumn, OfferAdminForm, ScopedDeleteBulkAction, ScopedSnippetViewSet
from .models import Offer, Organisation, OrganisationMembership


class OfferViewSet(ScopedSnippetViewSet):
    model = Offer
    organisation_path = "organisation__"
    icon = "list-ul"
    menu_label = _("Offers")
    # The model's panels, with a form that limits the organisation choice.
    edit_handler = ObjectList(Offer.panels, base_form_class=OfferAdminForm)
    list_display = ["title", "organisation", "kind", "valid_until", "last_reviewed"]
    # No "locale" here: Wagtail's own language filter (``?locale=de``) is added for translatable
    # models, and the listing opens in the editor's language (``LanguageListingIndexView``).
    list_filter = ["kind", "is_free", "childcare", "women_only"]
    copy_view_enabled = True
    ordering = ["title"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("organisation", "locale")


class OrganisationViewSet(ScopedSnippetViewSet):
    model = Organisation
    icon = "group"
    menu_label = _("Organisations")
    list_display = [
        "name",
        "kind",
        "staff",
        CheckColumn("is_example", label=Organisation._meta.get_field("is_example").verbose_name),
    ]
    list_filter = ["kind", "staff"]
    ordering = ["name"]


class MembershipViewSet(ModelViewSet):
    """Only the integration management (``*_organisationmembership`` permissions) manages members."""

    model = OrganisationMembership
    icon = "user"
    menu_label = _("Memberships")
    add_to_settings_menu = True
    form_fields = ["user", "organisation"]
    list_display = ["user", "organisation"]
    search_fields = ["user__username", "organisation__name"]


class OffersGroup(SnippetViewSetGroup):
    menu_label = _("Offers and organisations")
    menu_icon = "list-ul"
    menu_order = 250
    items = (OfferViewSet, OrganisationViewSet)


register_snippet(OffersGroup)
membership_viewset = MembershipViewSet("memberships")


@hooks.register("register_admin_viewset")
def register_membership_viewset():
    return membership_viewset


# Registered after Wagtail's own snippet bulk delete (order 0), so this one wins.
hooks.register("register_bulk_action", ScopedDeleteBulkAction, order=100)


@hooks.register("home_page_sections")
def featured_offers_section(page, request):
    from .sections import featured_offers

    return featured_offers(page, request)


@hooks.register("load_demo_content")
def load_offer_demo_content(stdout):
    from .demo.loader import OfferDemoLoader

    OfferDemoLoader(stdout=stdout).load()


@hooks.register("after_demo_users")
def assign_demo_memberships(stdout):
    from .demo.memberships import assign_demo_memberships as assign

    assign(stdout)


@hooks.register("portal_after_setup_roles")
def offer_roles(groups):
    """Members add and delete their organisations' offers (offers/roles.py)."""
    from offers.roles import grant_offer_permissions

    grant_offer_permissions()
