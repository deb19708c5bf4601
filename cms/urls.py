from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from accounts.password_reset import ThrottledPasswordResetView
from cms.favicon import favicon
from cms.media_storage.views import rendition as media_rendition
from cms.sitemap import sitemap
from network.privacy_dialog import set_privacy
from offline.urls import root_urlpatterns as offline_root_urlpatterns

urlpatterns = [
    # Password reset limited per client address (accounts/password_reset.py); before the admin's own.
    path("admin/password_reset/", ThrottledPasswordResetView.as_view(), name="wagtailadmin_password_reset"),
    # acl-admin (issue 9): the privacy dialog for managers only, with confirmation (before Wagtail's own).
    path("admin/pages/<int:page_id>/privacy/", set_privacy, name="network_set_privacy"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap),
    # Public read API (api/): outside the language prefix, the language is a query parameter.
    path("api/", include("api.urls")),
    path("favicon.ico", favicon),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    # Images only: documents are never served from MEDIA_URL (see README).
    urlpatterns += static(settings.MEDIA_URL + "images/", document_root=settings.MEDIA_ROOT / "images")

# Image renditions read from the media storage on the site's own host (cms/media_storage).
urlpatterns += [path("media/images/<path:name>", media_rendition, name="media_rendition")]

# Each app's own views under the language prefix, before Wagtail's catch-all.
urlpatterns += i18n_patterns(
    path("", include("search.urls")),
    path("", include("home.urls")),
    path("", include("offline.urls")),  # offline reading: manifest, offline page, section list
    path("", include("feedback.urls")),
    path("", include("portal.urls")),  # Wagtail's pages; routes kept per content version
    prefix_default_language=True,
)

# --- Faults and operations (operations/README.md): health checks, robots.txt, error pages ---
urlpatterns = [path("", include("operations.urls")), *offline_root_urlpatterns, *urlpatterns]
handler400 = "operations.errors.bad_request"
handler403 = "operations.errors.permission_denied"
handler404 = "operations.errors.page_not_found"
handler500 = "operations.errors.server_error"
