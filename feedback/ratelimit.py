"""How many answers one client address may send: counted in the cache only, never in the database.

The key is a keyed hash (HMAC with ``SECRET_KEY``, ``salted_hmac``) of the client address
(``accounts.client_address.client_ip``, which honours ``TRUSTED_PROXY_COUNT``), so the cache
never holds the address, and an unkeyed hash of the small IPv4 space cannot be reversed by
trying every address. Each counter lives for one window (``FEEDBACK_RATE_LIMIT``, default
20 answers an hour) and then disappears; a second, tighter counter per address and target
(``FEEDBACK_TARGET_RATE_LIMIT``, default 3 an hour) keeps one connection from tilting one
page's figures. Several people behind one address (a shelter's Wi-Fi) still get through.

If the cache is down, answers are accepted without a limit (the page keeps working), as
the request forms do (``accounts.ratelimit``).
"""

import logging
import time

from django.conf import settings
from django.core.cache import cache
from django.utils.crypto import salted_hmac

from accounts.client_address import client_ip

logger = logging.getLogger(__name__)

DEFAULT_LIMIT = (20, 3600)
DEFAULT_TARGET_LIMIT = (3, 3600)


def limits():
    return [
        ("all", getattr(settings, "FEEDBACK_RATE_LIMIT", DEFAULT_LIMIT)),
        ("target", getattr(settings, "FEEDBACK_TARGET_RATE_LIMIT", DEFAULT_TARGET_LIMIT)),
    ]


def _key(request, scope, target, window):
    client = salted_hmac("feedback.ratelimit", client_ip(request)).hexdigest()[:32]
    suffix = f":{target}" if scope == "target" else ""
    return f"feedback:rate:{scope}:{client}{suffix}:{int(time.time() // window)}"


def exceeded(request, target):
    """True when the client has used up one of its limits (``target``: "page:12", "offer:3")."""
    try:
        for scope, (allowed, window) in limits():
            if (cache.get(_key(request, scope, target, window)) or 0) >= allowed:
                return True
    except Exception:  # the cache (Redis) is down: no limit rather than no feedback
        logger.exception("Feedback rate limit cache unavailable")
    return False


def record(request, target):
    """Count one answer of the client (accepted ones and the honeypot's)."""
    try:
        for scope, (_allowed, window) in limits():
            key = _key(request, scope, target, window)
            if not cache.add(key, 1, timeout=window):
                try:
                    cache.incr(key)
                except ValueError:  # expired between add and incr
                    cache.set(key, 1, timeout=window)
    except Exception:
        logger.exception("Feedback rate limit cache unavailable")
