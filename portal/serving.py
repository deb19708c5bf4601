"""Wagtail's page view, with the route of a URL kept per content version (issue 12).

Wagtail finds the page for a URL on every request: the site for the host, the locale's
root page, then the page (``home/fast_route.py`` does it in two queries). For anonymous
readers the answer depends only on the host, the path and the public content, so it is
kept in ``portal.version_memo`` under the content version: a second reader of the same
URL (say, with a new query string the page cache cannot answer) is routed without a
query. Wagtail reads the route and the site from the request (``_wagtail_route_for_request``,
``_wagtail_site``), so they are set there and Wagtail's own view runs unchanged: its
``before_serve_page`` hooks (view restrictions, the page cache's marks) run on every request.

Each request gets its own copy of the page instance (views and hooks set attributes on it).
"""

import copy

from django.utils.translation import get_language
from wagtail.models import Page, Site
from wagtail.views import serve as wagtail_serve

from portal import version_memo


def _copy_route(route):
    page, args, kwargs = route
    return copy.copy(page), args, kwargs


def serve(request, path):
    if version_memo.version_of(request) is not None and not hasattr(request, "_wagtail_route_for_request"):
        key = ("route", request.get_host(), get_language(), path)
        kept = version_memo.peek(request, key)
        if kept is not None:
            site, route = kept
            request._wagtail_site = site
            request._wagtail_route_for_request = _copy_route(route)
        else:
            route = Page.route_for_request(request, path)
            if route is not None:
                version_memo.keep(request, key, (Site.find_for_request(request), _copy_route(route)))
    return wagtail_serve(request, path)
