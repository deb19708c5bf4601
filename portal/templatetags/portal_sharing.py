"""``{% share_links title %}``, ``{% route_link latitude longitude %}``: plain links (portal/sharing.py)."""

from django import template

from portal.sharing import route_url, share_urls

register = template.Library()


@register.inclusion_tag("portal/share_links.html", takes_context=True)
def share_links(context, title, url=None):
    """Share links for the page being read (its address without the query string), or for ``url``."""
    request = context.get("request")
    if url is None:
        if request is None:
            return {"links": None}
        url = request.build_absolute_uri(request.path)
    return {"links": share_urls(url, title)}


@register.inclusion_tag("portal/route_link.html")
def route_link(latitude, longitude):
    return {"route_url": route_url(latitude, longitude)}
