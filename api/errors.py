"""Errors of the API: a JSON body ``{"message": ...}`` with the status."""

from wagtail.api.v2.utils import BadRequestError


class BadRequest(BadRequestError):
    """400 with a message (Wagtail's endpoints turn ``BadRequestError`` into JSON)."""
