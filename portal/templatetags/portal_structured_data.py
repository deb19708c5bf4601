"""``{% breadcrumb_json_ld home trail page %}``: the breadcrumbs as a schema.org ``BreadcrumbList``."""

from django import template
from django.utils.translation import gettext as _

from portal.structured_data import breadcrumb_list, json_ld_script

register = template.Library()


@register.simple_tag(takes_context=True)
def breadcrumb_json_ld(context, home, trail, page):
    """The same entries as the visible breadcrumbs (start page, ancestors, the page), absolute URLs."""
    request = context.get("request")
    items = [(_("Start"), home.get_full_url(request))]
    items += [(item.title, item.get_full_url(request)) for item in trail]
    items.append((page.title, page.get_full_url(request)))
    if any(url is None for _name, url in items):
        return ""
    return json_ld_script(breadcrumb_list(items))
