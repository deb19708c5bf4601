"""/favicon.ico, served by the site itself (browsers ask for it on every first visit; issue 14)."""

from pathlib import Path

from django.http import HttpResponse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

ICON = Path(__file__).resolve().parent / "static" / "favicon.ico"


@require_safe
@cache_control(public=True, max_age=7 * 24 * 3600)
def favicon(request):
    return HttpResponse(ICON.read_bytes(), content_type="image/x-icon")
