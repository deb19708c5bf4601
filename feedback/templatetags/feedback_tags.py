"""``{% feedback_target obj as feedback %}``: what the include needs, or None where no form belongs.

No form in previews, in the print view, and on pages with a view restriction (the page
cache's ``mark_page`` has read them for this request already, so this costs no query on a
served page): those could not receive an answer (``feedback.targets``).
"""

from django import template
from wagtail.models import Page

from ..models import Feedback
from ..views import THANKS_QUERY

register = template.Library()


@register.simple_tag(takes_context=True)
def feedback_target(context, obj):
    request = context.get("request")
    if request is None or obj is None or not getattr(obj, "pk", None):
        return None
    if context.get("preview") or context.get("print_view") or getattr(request, "is_preview", False):
        return None
    if isinstance(obj, Page):
        if obj.get_view_restrictions():
            return None
        kind = Feedback.PAGE
    else:
        kind = Feedback.OFFER
    return {
        "kind": kind,
        "pk": obj.pk,
        "thanks": request.GET.urlencode() == THANKS_QUERY,
    }
