from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OfflineConfig(AppConfig):
    """Offline reading: web manifest, service worker, offline page, "save this field of action"."""

    name = "offline"
    verbose_name = _("Offline reading")
    default_auto_field = "django.db.models.BigAutoField"
