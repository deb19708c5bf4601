"""The admin edit URL of a page or a snippet: one definition for dashboards, coverage and lists."""

from django.urls import NoReverseMatch, reverse
from wagtail.models import Page


def admin_edit_url(obj, pk=None):
    """Edit view of ``obj`` (an instance, or a model class with ``pk``); "" when it has none."""
    model = obj if isinstance(obj, type) else type(obj)
    pk = obj.pk if pk is None else pk
    if issubclass(model, Page):
        return reverse("wagtailadmin_pages:edit", args=[pk])
    viewset = getattr(model, "snippet_viewset", None)
    if viewset is None:
        return ""
    try:
        return reverse(viewset.get_url_name("edit"), args=[pk])
    except NoReverseMatch:
        return ""
