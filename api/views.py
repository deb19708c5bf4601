"""``/api/``: a small index of the endpoints; anything unknown below ``/api/`` is a JSON 404."""

from django.http import HttpResponsePermanentRedirect, JsonResponse
from django.urls import Resolver404, resolve, reverse
from django.views.decorators.http import require_safe

ENDPOINTS = {
    "pages": "guide, standard, news and event pages (?type=, ?locale=, ?field=, ?child_of=, ?search=)",
    "news": "news pages, newest first",
    "events": "events by start (?upcoming=true)",
    "offers": "current offers with the finder's filters (?field=, ?kind=, ?target=, ?language=, ...)",
    "organisations": "organisations of the actor map (?field=, ?kind=)",
}


@require_safe
def index(request):
    data = {
        "name": "Integrationsportal Beckum, public read API",
        "version": "v2",
        "read_only": True,
        "languages": "?locale=<code> (or ?lang=); items without that language come in German "
        'with "fallback": true',
        "endpoints": {
            name: {"url": request.build_absolute_uri(reverse(f"wagtailapi:{name}:listing")), "about": about}
            for name, about in ENDPOINTS.items()
        },
    }
    return JsonResponse(data, json_dumps_params={"indent": 2})


def not_found(request, rest=""):
    if rest and not rest.endswith("/"):
        try:
            match = resolve(request.path + "/")
        except Resolver404:
            match = None
        if match is not None and match.func is not not_found:
            query = request.META.get("QUERY_STRING")
            return HttpResponsePermanentRedirect(request.path + "/" + (f"?{query}" if query else ""))
    response = JsonResponse({"message": "no such endpoint", "endpoints": list(ENDPOINTS)}, status=404)
    request.api_response = response
    return response
