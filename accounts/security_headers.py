"""Content-Security-Policy: strict on the public site, looser in the Wagtail admin.

Public pages (``CONTENT_SECURITY_POLICY``) load only our own scripts, styles,
images and fonts; no inline script, no inline style, no frames, no third party.
The public templates have no inline ``<script>`` or ``style=""`` (the only
``<script>`` element with content is the offers' JSON-LD, a data block that
browsers never execute and CSP does not govern).

The Wagtail admin (``ADMIN_CONTENT_SECURITY_POLICY``) needs ``'unsafe-inline'``
for scripts and styles: Wagtail 7.4 still renders inline ``<script>`` blocks
(inline panels, multiple-chooser panels, date and time widgets) and inline
``style`` attributes, and draws images from ``blob:``/``data:`` URLs during
uploads and previews. It frames its own page previews, hence ``frame-src
'self'`` and ``frame-ancestors 'self'``. It still allows nothing from another
host, and only logged-in editors (with their second factor) reach it.
"""

from csp.middleware import CSPMiddleware
from django.conf import settings
from django.urls import reverse


def admin_prefix():
    return reverse("wagtailadmin_home")


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and parts.config is None and request.path_info.startswith(admin_prefix()):
            parts.config = settings.ADMIN_CONTENT_SECURITY_POLICY
        return parts
