from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CalendarImportConfig(AppConfig):
    name = "calendar_import"
    verbose_name = _("Calendar import")
    default_auto_field = "django.db.models.BigAutoField"
