"""The public form pages of the requests; the forms and views live in ``forms.py`` and ``views.py``."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page
from wagtail.search import index

from network.choices import REQUEST_FORM_KINDS
from personal_requests.views import request_form, request_sent
from portal.pages import TranslatedPageMixin


class RequestFormPage(RoutablePageMixin, TranslatedPageMixin, Page):
    """A public form page: language-mediator request or mentorship request.

    The form itself (labels, the legal-consequences notice, the confirmation) is
    interface text, translated in every language even where the page is not.
    """

    kind = models.CharField(_("form"), max_length=12, choices=REQUEST_FORM_KINDS)
    intro = models.TextField(_("introduction"), blank=True, help_text=_("What happens with the request."))

    content_panels = Page.content_panels + [FieldPanel("kind"), FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []

    class Meta:
        db_table = "network_requestformpage"  # the table kept its name when the model left network
        verbose_name = _("request form page")
        verbose_name_plural = _("request form pages")

    def __str__(self):
        return self.title

    @path("")
    def form_view(self, request):
        return request_form(self, request)

    @path("sent/", name="sent")
    def sent_view(self, request):
        return request_sent(self, request)
