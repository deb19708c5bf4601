from django.apps import AppConfig


class BackupsConfig(AppConfig):
    name = "cms.backups"
    label = "backups"
    verbose_name = "Backups"
