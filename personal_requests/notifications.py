"""E-mail to the integration management when a request comes in.

The mail holds no name, phone or e-mail address: only the kind of request and
a link to the admin, where the data is protected by login and group.
"""

from django.conf import settings
from django.core.mail import send_mail
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from portal.roles import manager_addresses


def notify_managers(submission, url_name):
    recipients = manager_addresses()
    if not recipients:
        return 0
    admin_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(url_name, args=[submission.pk])
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("New request on the integration portal: %(kind)s") % {
            "kind": submission._meta.verbose_name
        }
        body = "\n".join(
            [
                _("A new request has arrived: %(summary)s") % {"summary": submission},
                _("Language of the form: %(code)s") % {"code": submission.site_language},
                "",
                _("Open it in the admin (login required):"),
                admin_url,
            ]
        )
    return send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, recipients)
