from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets.button import ListingButton

from accounts.roles import may_manage_accounts


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("", include("accounts.urls"))]


class ManagersMenuItem(MenuItem):
    def is_shown(self, request):
        return may_manage_accounts(request.user)


@hooks.register("register_settings_menu_item")
def register_lockouts_menu_item():
    return ManagersMenuItem(_("Login lockouts"), reverse("accounts_lockouts"), icon_name="lock", order=610)


@hooks.register("register_account_menu_item")
def register_two_factor_account_item(request):
    return {
        "url": reverse("accounts_2fa_overview"),
        "label": _("Two-factor login"),
        "help_text": _("Set up an authenticator app and recovery codes for your login."),
    }


@hooks.register("register_user_listing_buttons")
def register_reset_button(user, request_user):
    if may_manage_accounts(request_user) and (request_user.is_superuser or not user.is_superuser):
        yield ListingButton(
            _("Reset two-factor login"),
            reverse("accounts_2fa_reset", args=[user.pk]),
            priority=120,
        )


@hooks.register("after_demo_users")
def give_demo_managers_a_known_totp_secret(stdout):
    from accounts.demo import create_demo_totp_devices

    create_demo_totp_devices(stdout)
