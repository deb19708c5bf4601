"""Django's RedisCache, but a Redis that is down or hangs reads as an empty cache.

Every error of the Redis client is logged once as a warning and answered like a
miss (``get`` returns the default, ``add``/``set`` store nothing, ``incr`` raises
the ``ValueError`` of a missing key). After a failure the server is not asked
again for ``RETRY_AFTER`` seconds (a top-level key of the cache's settings), so
a hanging Redis costs one socket timeout per process and window, not one per
cache call. Short ``socket_connect_timeout``/``socket_timeout`` go in
``OPTIONS`` (they are passed to redis-py's connection pool).
"""

import logging
import time

from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

#: monotonic time until which a server counts as down, per server string (per process).
_down_until = {}

ERRORS = (RedisError, OSError)


class ReusedClientRedisCacheClient(RedisCacheClient):
    """One ``redis.Redis`` client per connection pool, kept (issue 12).

    Django builds a new client on every cache call, and redis-py copies its table of
    some 170 response callbacks into each one: about a third of the CPU time of a page
    answered from the page cache. The client only wraps the pool and is thread-safe.
    """

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        clients = self.__dict__.setdefault("_clients", {})
        client = clients.get(id(pool))
        if client is None:
            client = clients[id(pool)] = self._client(connection_pool=pool)
        return client


class ResilientRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusedClientRedisCacheClient
        self._server_key = server if isinstance(server, str) else ",".join(server)
        self.retry_after = float(params.get("RETRY_AFTER", 10))

    # -- circuit breaker -------------------------------------------------------
    def is_down(self):
        return time.monotonic() < _down_until.get(self._server_key, 0.0)

    def _failed(self, operation, error):
        _down_until[self._server_key] = time.monotonic() + self.retry_after
        logger.warning(
            "Cache unavailable (%s: %s); treated as a miss for %.0f s",
            operation,
            type(error).__name__,
            self.retry_after,
        )

    def _guard(self, operation, miss, *args, **kwargs):
        if self.is_down():
            return miss()
        try:
            return getattr(super(), operation)(*args, **kwargs)
        except ERRORS as error:
            self._failed(operation, error)
            return miss()

    def ping(self):
        """For the readiness check: raises when Redis does not answer (ignores the breaker)."""
        try:
            self._cache.get_client(write=True).ping()
        except ERRORS:
            _down_until[self._server_key] = time.monotonic() + self.retry_after
            raise
        _down_until.pop(self._server_key, None)
        return True

    # -- the cache API: every call of Django's RedisCache, guarded --------------
    def add(self, *args, **kwargs):
        return self._guard("add", lambda: False, *args, **kwargs)

    def get(self, key, default=None, version=None):
        return self._guard("get", lambda: default, key, default, version)

    def set(self, *args, **kwargs):
        return self._guard("set", lambda: None, *args, **kwargs)

    def touch(self, *args, **kwargs):
        return self._guard("touch", lambda: False, *args, **kwargs)

    def delete(self, *args, **kwargs):
        return self._guard("delete", lambda: False, *args, **kwargs)

    def get_many(self, *args, **kwargs):
        return self._guard("get_many", dict, *args, **kwargs)

    def has_key(self, *args, **kwargs):
        return self._guard("has_key", lambda: False, *args, **kwargs)

    def incr(self, key, delta=1, version=None):
        def missing():
            raise ValueError(f"Key '{key}' not found (cache unavailable)")

        return self._guard("incr", missing, key, delta, version)

    def set_many(self, data, *args, **kwargs):
        return self._guard("set_many", lambda: list(data), data, *args, **kwargs)

    def delete_many(self, *args, **kwargs):
        return self._guard("delete_many", lambda: None, *args, **kwargs)

    def clear(self):
        return self._guard("clear", lambda: False)
