"""Admin views of the personal data: requests and the language-mediator pool.

``ModelViewSet`` (not snippets): no chooser, no search index, no API. Every
view checks ``ManagersOnlyPolicy``.
"""

from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, ObjectList
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from personal_requests.models import MediatorRequest, MentorshipRequest, PoolMember
from personal_requests.panels import MatchingPoolPanel
from personal_requests.permissions import ManagersOnlyPolicy

CONTACT = MultiFieldPanel(
    [FieldPanel("name"), FieldRowPanel([FieldPanel("phone"), FieldPanel("email")]), FieldPanel("message")],
    heading=_("Contact"),
)
HANDLING = MultiFieldPanel([FieldPanel("status"), FieldPanel("notes")], heading=_("Handling"))


class ManagersOnlyViewSet(ModelViewSet):
    copy_view_enabled = False
    inspect_view_enabled = True
    allow_add = False

    @cached_property
    def permission_policy(self):
        return ManagersOnlyPolicy(self.model, allow_add=self.allow_add)


class MediatorRequestViewSet(ManagersOnlyViewSet):
    model = MediatorRequest
    name = "mediator_requests"
    icon = "mail"
    menu_label = _("Language-mediator requests")
    list_display = ["__str__", "name", "status", "pool_member", "created_at"]
    list_filter = ["status", "language", "appointment_kind"]
    search_fields = ["name", "place"]
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [
                    FieldPanel("language"),
                    FieldRowPanel([FieldPanel("date"), FieldPanel("time")]),
                    FieldPanel("place"),
                    FieldPanel("appointment_kind"),
                    FieldPanel("no_legal_consequences"),
                ],
                heading=_("Appointment"),
            ),
            CONTACT,
            MatchingPoolPanel(),
            FieldPanel("pool_member"),
            HANDLING,
        ]
    )


class MentorshipRequestViewSet(ManagersOnlyViewSet):
    model = MentorshipRequest
    name = "mentorship_requests"
    icon = "group"
    menu_label = _("Mentorship requests")
    list_display = ["__str__", "name", "languages", "status", "created_at"]
    list_filter = ["status", "role"]
    search_fields = ["name", "languages", "interests"]
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [FieldPanel("role"), FieldPanel("languages"), FieldPanel("interests")], heading=_("Request")
            ),
            CONTACT,
            HANDLING,
        ]
    )


class PoolMemberViewSet(ManagersOnlyViewSet):
    model = PoolMember
    name = "language_mediators"
    icon = "user"
    menu_label = _("Language-mediator pool")
    allow_add = True
    list_display = ["name", "language_summary", "active", "consent_date"]
    list_filter = ["active", "languages__language"]
    search_fields = ["name", "availability"]
    edit_handler = ObjectList(
        [
            FieldPanel("name"),
            InlinePanel("languages", label=_("languages"), min_num=1),
            FieldPanel("availability"),
            FieldRowPanel([FieldPanel("phone"), FieldPanel("email")]),
            FieldPanel("consent_date"),
            FieldPanel("active"),
            FieldPanel("notes"),
        ]
    )


class NetworkRequestsGroup(ViewSetGroup):
    menu_label = _("Network requests")
    menu_icon = "group"
    menu_order = 250
    items = (MediatorRequestViewSet, MentorshipRequestViewSet, PoolMemberViewSet)
