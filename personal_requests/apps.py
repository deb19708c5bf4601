from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PersonalRequestsConfig(AppConfig):
    """Personal data: mediator and mentorship requests, the language-mediator pool."""

    name = "personal_requests"
    verbose_name = _("Requests and language-mediator pool")
