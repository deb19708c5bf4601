"""Login throttling (django-axes): the lockout page, and the managers' view to lift lockouts.

A username from one client address is locked out after ``AXES_FAILURE_LIMIT``
failed passwords or second-factor codes for ``AXES_COOLOFF_TIME``. Locking
the pair (not the username alone) keeps an attacker from locking a manager
out from everywhere; an attacker who spreads guesses over many addresses is
slowed down by the same count per address.
"""

from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_cool_off, get_failure_limit
from axes.models import AccessAttempt
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.roles import may_manage_accounts


def lockout_response(request, original_response=None, credentials=None):
    """The page a locked-out visitor sees: in their language, with whom to ask (HTTP 429)."""
    # A half-finished two-factor login ends here too.
    if request.user.is_authenticated:
        from django.contrib.auth import logout

        logout(request)
    cool_off = get_cool_off(request)
    # Rendered at once: axes also returns it from its middleware, after the view.
    response = render(
        request,
        "accounts/locked_out.html",
        {"cool_off_minutes": int(cool_off.total_seconds() // 60) if cool_off else None},
        status=429,
    )
    add_never_cache_headers(response)
    return response


def _check(request):
    if not may_manage_accounts(request.user):
        raise PermissionDenied


def _locked_until(attempt, limit, cool_off):
    if attempt.failures_since_start < limit:
        return None
    until = attempt.attempt_time + cool_off if cool_off else None
    if until and until <= timezone.now():
        return None
    return until or True


def lockout_list(request):
    _check(request)
    limit = get_failure_limit(request, {})
    cool_off = get_cool_off(request)
    rows = []
    for attempt in AccessAttempt.objects.order_by("-attempt_time")[:200]:
        until = _locked_until(attempt, limit, cool_off)
        rows.append(
            {
                "attempt": attempt,
                "locked": bool(until),
                "until": until if until is not True else None,
            }
        )
    return TemplateResponse(
        request,
        "accounts/lockout_list.html",
        {"rows": rows, "failure_limit": limit, "cool_off": cool_off},
    )


@require_POST
def lockout_lift(request, pk):
    _check(request)
    attempt = get_object_or_404(AccessAttempt, pk=pk)
    AxesProxyHandler.reset_attempts(username=attempt.username, ip_address=attempt.ip_address)
    messages.success(
        request, _("The lockout of %(username)s has been lifted.") % {"username": attempt.username}
    )
    return redirect("accounts_lockouts")
