"""Who has not given the second factor yet gets nothing but the two-factor pages.

Runs after ``django_otp.middleware.OTPMiddleware``. A user *needs* the second
factor when it is required for them (``accounts.roles``) or when they have set
one up themselves. Until they have given it in this session:

* every URL under the Wagtail admin prefix (each view the admin, its apps and
  wagtail-localize register there, the login page included) redirects to the
  code form, or to the set-up page when a required factor is not set up yet;
  the code form, the set-up page (only without a device), logout, the
  JavaScript catalogue and the icon sprite stay reachable;
* every other URL (pages, restricted areas, ``/documents/``) sees an anonymous
  visitor: a password alone opens no restricted page and no private document;
  Wagtail's login form for restricted pages (``wagtailcore_login``) sends to
  the code form.

Logout is also enforced here to be POST only (Django's view answers 405 to
GET, but Wagtail's wrapper still deletes the session cookie then, which let a
third-party page log an editor out while the session stayed alive on the server).
"""

from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser
from django.db.models import Exists, OuterRef, Q
from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.urls import Resolver404, resolve, reverse
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.two_factor.devices import has_second_factor


def needs_verification(user):
    """True for a logged-in user who owes the second factor in this session (one query)."""
    if not user.is_authenticated or user.is_verified():
        return False
    groups = getattr(settings, "TWO_FACTOR_REQUIRED_GROUPS", [])
    confirmed = {"user": OuterRef("pk"), "confirmed": True}
    return (
        get_user_model()
        .objects.filter(pk=user.pk)
        .filter(
            Q(is_superuser=True)
            | Q(groups__name__in=groups)
            | Q(Exists(TOTPDevice.objects.filter(**confirmed)))
            | Q(Exists(StaticDevice.objects.filter(**confirmed)))
        )
        .exists()
    )


def _is_frontend_login(path):
    try:
        return resolve(path).url_name == "wagtailcore_login"
    except Resolver404:
        return False


class SecondFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        path = request.path_info
        admin_prefix = reverse("wagtailadmin_home")
        if path == reverse("wagtailadmin_logout") and request.method not in ("POST", "OPTIONS"):
            return HttpResponseNotAllowed(["POST"])
        if path.startswith(admin_prefix):
            response = self._admin(request, path)
            if response is not None:
                return response
        elif request.user.is_authenticated and needs_verification(request.user):
            if _is_frontend_login(path):
                # Wagtail's login for restricted pages: the password is given, the code is owed.
                target = reverse("accounts_2fa_verify")
                return HttpResponseRedirect(f"{target}?{urlencode({'next': request.GET.get('next', '/')})}")
            request.user = AnonymousUser()
        return self.get_response(request)

    def _admin(self, request, path):
        user = request.user
        if not needs_verification(user):
            return None
        always_open = {
            reverse("accounts_2fa_verify"),
            reverse("wagtailadmin_logout"),
            reverse("wagtailadmin_javascript_catalog"),
            reverse("wagtailadmin_sprite"),
        }
        if path in always_open:
            return None
        has_device = has_second_factor(user)
        if path == reverse("accounts_2fa_setup") and not has_device:
            return None
        if path == reverse("wagtailadmin_login"):
            next_url = request.GET.get("next") or reverse("wagtailadmin_home")
        else:
            next_url = request.get_full_path()
        target = reverse("accounts_2fa_verify") if has_device else reverse("accounts_2fa_setup")
        return HttpResponseRedirect(f"{target}?{urlencode({'next': next_url})}")
