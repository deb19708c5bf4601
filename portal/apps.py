from django.apps import AppConfig


class PortalConfig(AppConfig):
    """The kernel every app builds on: page mixin and language context, roles, fields of action."""

    name = "portal"
    verbose_name = "Portal kernel"

    def ready(self):
        from django.db.models.signals import post_delete, post_save
        from wagtail.models import Site

        from .models import TownSettings

        def forget(sender, instance=None, **kwargs):
            from .sites import forget_town_settings

            forget_town_settings(instance.site_id if sender is TownSettings else instance.pk)

        for model in (TownSettings, Site):
            post_save.connect(forget, sender=model, weak=False, dispatch_uid=f"portal-town-{model.__name__}")
            post_delete.connect(
                forget, sender=model, weak=False, dispatch_uid=f"portal-town-del-{model.__name__}"
            )
