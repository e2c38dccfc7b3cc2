"""Cache backends that degrade instead of failing: the cache is an optimization.

When the cache cannot be reached (Redis stopped, a full disk), reads are misses and writes are
dropped, so pages come from the database and edits still save. After a failure the cache is left
alone for `retry_seconds`, so that requests do not each wait on a dead server; the first
operation that succeeds afterwards marks the outage as over (`outage_ended()`), so that the page
cache can be invalidated: edits made during the outage could not clear it.

Django keeps one backend instance per thread, so this state is per thread too.
"""

import logging
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.filebased import FileBasedCache
from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)


class DegradingCacheMixin:
    unavailable_errors: tuple[type[Exception], ...] = ()
    retry_seconds = 5.0

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._retry_at = 0.0  # time.monotonic() before which the cache is not tried
        self._in_outage = False
        self._outage_ended = False

    def _degrade(self, operation, fallback, *args, **kwargs):
        """operation(*args, **kwargs), or `fallback` while the cache cannot be reached."""
        if self._in_outage and time.monotonic() < self._retry_at:
            return fallback
        try:
            result = operation(*args, **kwargs)
        except self.unavailable_errors as error:
            if not self._in_outage:
                logger.warning("Cache unavailable, serving without it: %s", error)
            self._in_outage = True
            self._retry_at = time.monotonic() + self.retry_seconds
            return fallback
        if self._in_outage:
            logger.warning("Cache available again")
            self._in_outage = False
            self._outage_ended = True
        return result

    @property
    def in_outage(self) -> bool:
        return self._in_outage

    def outage_ended(self) -> bool:
        """True once after the cache came back from an outage this thread saw."""
        ended, self._outage_ended = self._outage_ended, False
        return ended

    def ping(self) -> bool:
        """Whether the cache answers now (a real round trip, whatever the retry delay says)."""
        probe = "newsroom:healthz"
        try:
            super().set(probe, "ok", timeout=10)
            answered = super().get(probe) == "ok"
        except self.unavailable_errors:
            return False
        return answered

    def get(self, key, default=None, version=None):
        return self._degrade(super().get, default, key, default, version)

    def get_many(self, keys, version=None):
        return self._degrade(super().get_many, {}, keys, version)

    def has_key(self, key, version=None):
        return self._degrade(super().has_key, False, key, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._degrade(super().set, None, key, value, timeout, version)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._degrade(super().add, False, key, value, timeout, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._degrade(super().set_many, list(data), data, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._degrade(super().touch, False, key, timeout, version)

    def delete(self, key, version=None):
        return self._degrade(super().delete, False, key, version)

    def delete_many(self, keys, version=None):
        return self._degrade(super().delete_many, None, keys, version)

    def incr(self, key, delta=1, version=None):
        missing = object()
        value = self._degrade(super().incr, missing, key, delta, version)
        if value is missing:  # what callers already handle for a key that is not there
            raise ValueError(f"Key '{key}' not found (the cache is unavailable)")
        return value

    def clear(self):
        return self._degrade(super().clear, None)


class KeptClientRedisCacheClient(RedisCacheClient):
    """Django's Redis client, keeping one redis.Redis object per connection pool: Django makes
    a new one for every cache operation, and redis-py's constructor builds its table of some
    170 response callbacks each time, which cost more CPU than the rest of a page-cache hit's
    two reads (the generation, the page). The object keeps no connection of its own: each
    command still takes one from the pool."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._clients: dict[int, object] = {}

    def get_client(self, key=None, *, write=False):
        index = self._get_connection_pool_index(write)
        client = self._clients.get(index)
        if client is None:
            pool = self._get_connection_pool(index)
            client = self._clients[index] = self._client(connection_pool=pool)
        return client


class DegradingRedisCache(DegradingCacheMixin, RedisCache):
    """Redis (REDIS_URL): the shared cache of several app servers."""

    unavailable_errors = (RedisError, OSError)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._class = KeptClientRedisCacheClient


class DegradingFileBasedCache(DegradingCacheMixin, FileBasedCache):
    """Files under var/: shared by every process of one machine (server, worker, commands)."""

    unavailable_errors = (OSError,)
