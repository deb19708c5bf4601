"""A fixed-window rate limit per client IP, kept in Django's cache (no cookie needed)."""

import hashlib
import time

from django.core.cache import cache

from network import conf


def client_ip(request):
    value = request.META.get(conf.client_ip_header()) or request.META.get("REMOTE_ADDR", "")
    return value.split(",")[0].strip()


def hit(request, scope="request-form"):
    """Count one attempt; True while the client is within the limit."""
    limit, window = conf.rate_limit()
    # Hash the IP: the cache never holds the address itself.
    ip_hash = hashlib.sha256(client_ip(request).encode()).hexdigest()[:32]
    key = f"network:ratelimit:{scope}:{ip_hash}:{int(time.time() // window)}"
    cache.add(key, 0, timeout=window)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window)
        count = 1
    return count <= limit
