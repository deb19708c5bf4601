from django.apps import AppConfig


class PortalConfig(AppConfig):
    """The kernel every app builds on: page mixin and language context, roles, fields of action."""

    name = "portal"
    verbose_name = "Portal kernel"
