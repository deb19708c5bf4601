"""``{% offline_save_button page %}``: the "save this field of action" box of field-of-action pages."""

from django import template
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils import translation

from portal.pages import text_direction

register = template.Library()


@register.simple_tag(takes_context=True)
def offline_save_button(context, page):
    """The hidden "save this field of action" box (offline.js shows it where service workers exist)."""
    try:
        url = reverse("offline:section", kwargs={"page_id": page.pk})
    except NoReverseMatch:
        return ""
    # In the reader's language, also inside German fallback content (lang="de").
    code = translation.get_language()
    return render_to_string(
        "offline/save_button.html", {"section_url": url, "lang": code, "dir": text_direction(code)}
    )
