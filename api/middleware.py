"""``/api/``: read-only CORS, no language negotiation, JSON errors.

Placed just before Django's ``LocaleMiddleware`` (inside the page cache, so what it adds
is stored with the answer):

* ``Access-Control-Allow-Origin: *`` on GET, HEAD and OPTIONS of ``/api/`` only, never
  with credentials; a preflight (OPTIONS) is answered here; any other method gets a 405
  before CSRF or a view sees it.
* The answers do not depend on ``Accept-Language`` (the language is a query parameter),
  so the ``Vary: Accept-Language`` that ``LocaleMiddleware`` adds to URLs without a
  language prefix is taken off again: the full-page cache stores only answers whose
  ``Vary`` is ``Cookie``/``Accept-Encoding``.
* ``LocaleMiddleware`` turns a 404 of a URL without language prefix into a redirect to
  ``/de/…`` (Wagtail's catch-all matches anything); for ``/api/`` the API's own JSON 404
  is kept instead.
"""

import json

from django.http import HttpResponse
from django.utils.cache import patch_cache_control

PREFIX = "/api/"
METHODS = "GET, HEAD, OPTIONS"
CORS_HEADERS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Allow-Methods": METHODS,
    "Access-Control-Allow-Headers": "Accept, If-None-Match, If-Modified-Since",
    "Access-Control-Expose-Headers": "ETag, Last-Modified",
    "Access-Control-Max-Age": "86400",
}


def json_response(data, status):
    return HttpResponse(json.dumps(data), status=status, content_type="application/json")


class ApiMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith(PREFIX):
            return self.get_response(request)
        if request.method == "OPTIONS":
            response = HttpResponse(status=200)
            response["Allow"] = METHODS
            return self._cors(response)
        if request.method not in ("GET", "HEAD"):
            response = json_response({"message": "the API is read-only: use GET"}, 405)
            response["Allow"] = METHODS
            patch_cache_control(response, private=True, no_store=True)
            return self._cors(response)
        response = self.get_response(request)
        own = getattr(request, "api_response", None)
        if own is not None and own.status_code == 404 and response.status_code in (301, 302):
            response = own  # LocaleMiddleware's redirect to /de/api/… replaced by the API's answer
        vary = [v.strip() for v in response.get("Vary", "").split(",") if v.strip()]
        kept = [v for v in vary if v.lower() != "accept-language"]
        if kept != vary:
            if kept:
                response["Vary"] = ", ".join(kept)
            else:
                del response["Vary"]
        return self._cors(response)

    @staticmethod
    def _cors(response):
        for name, value in CORS_HEADERS.items():
            response[name] = value
        return response
