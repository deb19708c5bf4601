"""Routing in two queries, whatever the depth (issue 12, query diet).

Wagtail's ``Page.route`` walks the path one level at a time: a query for the child
and one for its specific object per level (four for a guide page). Below a locale's
home page every page has a unique ``url_path``, so the page a URL names is found in
one query, its specific object in a second. The found page's own ``route`` answers
(it raises 404 if not live, a routable page resolves its index view); a path that
names no page (a sub-route such as an offer's detail page or a feed) goes through
Wagtail's walk as before.
"""

from wagtail.models import Page


class FastRouteMixin:
    def route(self, request, path_components):
        if path_components:
            url_path = self.url_path + "/".join(path_components) + "/"
            page = Page.objects.filter(url_path=url_path, path__startswith=self.path).first()
            if page is not None:
                return page.specific.route(request, [])
        return super().route(request, path_components)
