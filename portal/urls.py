"""Public page URLs: ``wagtail.urls`` with its catch-all served by ``portal.serving.serve``.

Wagtail's own patterns (password-restriction form, front-end login) come first, as in
``wagtail.urls``; the catch-all keeps its name ``wagtail_serve``, which page URLs are
reversed with.
"""

from django.urls import re_path
from wagtail import urls as wagtail_urls

from portal.serving import serve

_wagtail_patterns = [p for p in wagtail_urls.urlpatterns if getattr(p, "name", None) != "wagtail_serve"]

urlpatterns = [*_wagtail_patterns, re_path(wagtail_urls.serve_pattern, serve, name="wagtail_serve")]
