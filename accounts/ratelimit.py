"""A fixed-window rate limit per client address, kept in Django's cache (no cookie needed).

The address comes from ``accounts.client_address`` (``TRUSTED_PROXY_COUNT``), the
same as for the login throttling. Used by the password reset and the request forms
(``personal_requests.views``), each with its own scope and limit. The request forms count *accepted*
submissions only (``record`` after saving): a visitor who mistypes a field and
sends the form again does not use up the limit.
"""

import hashlib
import hmac
import logging
import time

from django.conf import settings
from django.core.cache import cache

from accounts.client_address import client_ip

logger = logging.getLogger(__name__)


def _key(request, scope, window):
    # A keyed hash of the address: the cache never holds the address, and (unlike a plain hash,
    # which anyone can reverse by trying every IPv4 address) it cannot be recovered without SECRET_KEY.
    secret = settings.SECRET_KEY.encode()
    ip_hash = hmac.new(secret, client_ip(request).encode(), hashlib.sha256).hexdigest()[:32]
    return f"network:ratelimit:{scope}:{ip_hash}:{int(time.time() // window)}"


def exceeded(request, scope, limit):
    """True when the client has used up ``limit`` = (count, seconds) in the current window."""
    allowed, window = limit
    try:
        return (cache.get(_key(request, scope, window)) or 0) >= allowed
    except Exception:  # the cache (Redis) is down: the form keeps working, unlimited
        logger.exception("Rate limit cache unavailable")
        return False


def record(request, scope, limit):
    """Count one accepted submission of the client."""
    _allowed, window = limit
    key = _key(request, scope, window)
    try:
        cache.add(key, 0, timeout=window)
        try:
            cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, timeout=window)
    except Exception:  # the cache (Redis) is down: the submission is saved all the same
        logger.exception("Rate limit cache unavailable")
