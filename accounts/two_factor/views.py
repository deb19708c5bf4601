"""Two-factor pages in the Wagtail admin: give the code, set up an app, recovery codes, reset.

Registered under the admin prefix (``accounts/wagtail_hooks.py``), so Wagtail's
``require_admin_access`` wraps them: the user is logged in with the password
and the admin speaks the user's language.
"""

import segno
from axes.handlers.proxy import AxesProxyHandler
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_login_failed
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice

from accounts.client_address import client_ip
from accounts.lockouts import lockout_response
from accounts.roles import may_manage_accounts, second_factor_required
from accounts.two_factor import devices
from accounts.two_factor.forms import CodeForm, SetupForm
from accounts.two_factor.middleware import needs_verification


def _next_url(request):
    url = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return reverse("wagtailadmin_home")


def _render(request, template, context, status=200):
    response = TemplateResponse(request, template, context, status=status)
    add_never_cache_headers(response)
    return response


def _verified(request, device):
    """The second factor is given: remember the device in a fresh session key."""
    otp_login(request, device)
    request.session.cycle_key()
    # Failures of this user from this address no longer count (as after a good password).
    AxesProxyHandler.reset_attempts(username=request.user.get_username(), ip_address=client_ip(request))


@sensitive_post_parameters("code")
def verify(request):
    user = request.user
    if not needs_verification(user):
        return redirect(_next_url(request))
    credentials = {"username": user.get_username()}
    if AxesProxyHandler.is_locked(request, credentials=credentials):
        return lockout_response(request, credentials=credentials)
    form = CodeForm(user, request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            _verified(request, form.device)
            if isinstance(form.device, StaticDevice):
                left = devices.recovery_codes_left(user)
                messages.warning(
                    request,
                    _(
                        "You signed in with a recovery code. %(count)s codes are left; "
                        "create new ones under “Two-factor login”."
                    )
                    % {"count": left},
                )
            return redirect(_next_url(request))
        # Wrong codes count towards the lockout like wrong passwords.
        user_login_failed.send(sender=__name__, credentials=credentials, request=request)
    return _render(
        request,
        "accounts/two_factor/verify.html",
        {"form": form, "next": _next_url(request)},
        status=400 if form.errors else 200,
    )


@sensitive_post_parameters("code")
def setup(request):
    user = request.user
    if devices.confirmed_totp(user) is not None:
        messages.info(request, _("Two-factor login is already set up for your account."))
        return redirect("accounts_2fa_overview")
    if request.method == "POST":
        device = devices.unconfirmed_totp(user)
        form = SetupForm(device, request.POST)
        if form.is_valid():
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            codes = devices.new_recovery_codes(user)
            _verified(request, device)
            return _render(
                request,
                "accounts/two_factor/recovery_codes.html",
                {"codes": codes, "next": _next_url(request), "first_time": True},
            )
        if device is None:
            device = devices.new_unconfirmed_totp(user)
    else:
        device = devices.new_unconfirmed_totp(user)
        form = SetupForm(device)
    qr = segno.make(device.config_url, error="m")
    return _render(
        request,
        "accounts/two_factor/setup.html",
        {
            "form": form,
            "qr_svg": mark_safe(qr.svg_inline(scale=4, dark="#000", light="#fff")),  # noqa: S308 (segno output)
            "secret": devices.base32_secret(device),
            "required": second_factor_required(user),
            "next": _next_url(request),
        },
        status=400 if form.errors else 200,
    )


def overview(request):
    user = request.user
    return _render(
        request,
        "accounts/two_factor/overview.html",
        {
            "totp": devices.confirmed_totp(user),
            "codes_left": devices.recovery_codes_left(user),
            "required": second_factor_required(user),
        },
    )


@require_POST
def new_recovery_codes(request):
    if devices.confirmed_totp(request.user) is None:
        return redirect("accounts_2fa_setup")
    codes = devices.new_recovery_codes(request.user)
    return _render(
        request,
        "accounts/two_factor/recovery_codes.html",
        {"codes": codes, "next": reverse("accounts_2fa_overview"), "first_time": False},
    )


@require_POST
def turn_off(request):
    if second_factor_required(request.user):
        raise PermissionDenied
    devices.remove_second_factor(request.user)
    messages.success(request, _("Two-factor login has been turned off for your account."))
    return redirect("accounts_2fa_overview")


def reset_for_user(request, user_id):
    """A manager removes someone's second factor (lost phone, no recovery codes left)."""
    if not may_manage_accounts(request.user):
        raise PermissionDenied
    target = get_object_or_404(get_user_model(), pk=user_id)
    if target.is_superuser and not request.user.is_superuser:
        raise PermissionDenied
    if request.method == "POST":
        devices.remove_second_factor(target)
        messages.success(
            request,
            _("The second factor of %(username)s has been removed.") % {"username": target.get_username()},
        )
        return redirect("wagtailusers_users:index")
    return _render(
        request,
        "accounts/two_factor/reset_confirm.html",
        {"target": target, "has_device": devices.has_second_factor(target)},
    )
