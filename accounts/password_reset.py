"""Password reset requests are limited per client address (each one can send an e-mail).

Wagtail's own view, with ``PASSWORD_RESET_RATE_LIMIT`` = (count, seconds) per
address from ``accounts.client_address``; over the limit the form comes back
with a message (HTTP 429) and no e-mail is sent. Mounted in ``cms/urls.py``
before the admin so that it serves ``wagtailadmin_password_reset``.
"""

from django.conf import settings
from django.utils.translation import gettext as _
from wagtail.admin.views.account import PasswordResetView

from accounts import ratelimit

SCOPE = "password-reset"


class ThrottledPasswordResetView(PasswordResetView):
    def post(self, request, *args, **kwargs):
        limit = settings.PASSWORD_RESET_RATE_LIMIT
        if ratelimit.exceeded(request, SCOPE, limit):
            form = self.get_form()
            form.is_valid()
            form.add_error(
                None,
                _("Too many password reset requests came from your connection. Please try again in an hour."),
            )
            response = self.render_to_response(self.get_context_data(form=form))
            response.status_code = 429
            return response
        ratelimit.record(request, SCOPE, limit)
        return super().post(request, *args, **kwargs)
