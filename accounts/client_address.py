"""The client's address, as the trusted reverse proxies report it.

``TRUSTED_PROXY_COUNT`` says how many proxies of our own stand in front of the
application. Each of them appends the address it received the request from to
``X-Forwarded-For`` (nginx: ``proxy_add_x_forwarded_for``). With *n* trusted
proxies the client is therefore the *n*-th entry from the right; everything to
the left of it was sent by the client and may be forged. With 0 (the default)
the header is ignored and ``REMOTE_ADDR`` is the client.

Used by the login throttling (django-axes, ``AXES_CLIENT_IP_CALLABLE``) and by
the rate limit of the public request forms (``network/ratelimit.py``).
"""

import ipaddress

from django.conf import settings


def trusted_proxy_count():
    return max(0, int(getattr(settings, "TRUSTED_PROXY_COUNT", 0)))


def _valid(address):
    try:
        return str(ipaddress.ip_address(address))
    except ValueError:
        return None


def client_ip(request):
    """The client address of ``request``; ``REMOTE_ADDR`` when the proxy chain is not as configured."""
    remote = request.META.get("REMOTE_ADDR", "")
    count = trusted_proxy_count()
    if count == 0:
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [part for part in forwarded if part]
    if len(forwarded) < count:
        # Fewer entries than our proxies add: the request did not come through them.
        return remote
    return _valid(forwarded[-count]) or remote
