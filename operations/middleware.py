"""A database that refuses, hangs (connect timeout) or cancels a statement answers 503, not 500."""

from .errors import DATABASE_UNAVAILABLE, service_unavailable


class ServiceUnavailableMiddleware:
    """Turns ``OperationalError``/``InterfaceError`` of a view or a template into the static 503 page.

    Errors raised inside other middleware never reach ``process_exception``;
    ``operations.errors.server_error`` (handler500) catches those.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, DATABASE_UNAVAILABLE):
            return service_unavailable(request, exception)
        return None
