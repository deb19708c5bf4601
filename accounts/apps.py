from django.apps import AppConfig


class AccountsConfig(AppConfig):
    """Editor accounts: login throttling, two-factor login, client address, security headers."""

    name = "accounts"
    verbose_name = "Accounts"
