"""Sitemap over every locale's tree: live, public, real translations only.

Wagtail's stock sitemap lists only the default site's German tree. Fallback
aliases are left out: they show German content and point to it as canonical.
"""

from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.contrib.sitemaps.views import sitemap as wagtail_sitemap
from wagtail.models import Page


class PortalSitemap(Sitemap):
    def items(self):
        root = self.get_wagtail_site().root_page
        trees = Q()
        for path in Page.objects.filter(translation_key=root.translation_key).values_list("path", flat=True):
            trees |= Q(path__startswith=path)
        return (
            Page.objects.filter(trees, alias_of__isnull=True)
            .live()
            .public()
            .order_by("path")
            .defer_streamfields()
            .specific()
        )


def sitemap(request):
    return wagtail_sitemap(request, sitemaps={"pages": PortalSitemap(request)})
