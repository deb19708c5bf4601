"""Mounted at ``/api/`` by ``cms/urls.py`` (outside the language prefix)."""

from django.urls import path, re_path
from wagtail.api.v2.router import WagtailAPIRouter

from .endpoints import EventsEndpoint, NewsEndpoint, OffersEndpoint, OrganisationsEndpoint, PagesEndpoint
from .views import index, not_found

router = WagtailAPIRouter("wagtailapi")
# Pages first: the detail URL of every page (also of news and events) is /api/v2/pages/<id>/.
router.register_endpoint("pages", PagesEndpoint)
router.register_endpoint("news", NewsEndpoint)
router.register_endpoint("events", EventsEndpoint)
router.register_endpoint("offers", OffersEndpoint)
router.register_endpoint("organisations", OrganisationsEndpoint)

urlpatterns = [
    path("", index, name="api_index"),
    path("v2/", router.urls),
    re_path(r"^(?P<rest>.*)$", not_found),
]
