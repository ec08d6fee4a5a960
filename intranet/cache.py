"""Django's Redis cache with two savings on every request (production, `REDIS_URL`).

- One Redis client object per connection pool, instead of Django building a new one (and its
  table of ~170 response callbacks) for every cache call.
- Reads memoised for the length of a request: Wagtail asks the cache for the site's root paths
  each time a page's URL is worked out without the request (14 times on the home page), and the
  tree generation and menu are read by more than one part of a page. A key read again in the
  same request is answered from the bytes already fetched; any write to it through this
  process (set, add, delete, incr...) forgets it. Bytes, not objects, are kept, so a caller
  that changes what it was given cannot change what the next caller gets.

Outside a request (tasks, commands, the shell) nothing is memoised."""

import contextvars

from django.core.cache.backends.redis import RedisCache, RedisCacheClient

_reads = contextvars.ContextVar("lte_cache_reads", default=None)
_MISSING = object()


class CacheReadMemoMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _reads.set({})
        try:
            return self.get_response(request)
        finally:
            _reads.reset(token)


class MemoisingRedisClient(RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        # A Redis client is only a handle on its pool, and safe to share between threads.
        index = self._get_connection_pool_index(write)
        client = self._clients.get(index)
        if client is None:
            client = self._clients[index] = self._client(
                connection_pool=self._get_connection_pool(write)
            )
        return client

    def get(self, key, default):
        reads = _reads.get()
        if reads is None:
            return super().get(key, default)
        raw = reads.get(key, _MISSING)
        if raw is _MISSING:
            raw = reads[key] = self.get_client(key).get(key)
        return default if raw is None else self._serializer.loads(raw)

    def _forget(self, *keys):
        reads = _reads.get()
        if reads:
            for key in keys:
                reads.pop(key, None)

    def add(self, key, value, timeout):
        self._forget(key)
        return super().add(key, value, timeout)

    def set(self, key, value, timeout):
        self._forget(key)
        super().set(key, value, timeout)

    def touch(self, key, timeout):
        self._forget(key)
        return super().touch(key, timeout)

    def delete(self, key):
        self._forget(key)
        return super().delete(key)

    def incr(self, key, delta):
        self._forget(key)
        return super().incr(key, delta)

    def set_many(self, data, timeout):
        self._forget(*data)
        super().set_many(data, timeout)

    def delete_many(self, keys):
        self._forget(*keys)
        super().delete_many(keys)

    def clear(self):
        reads = _reads.get()
        if reads:
            reads.clear()
        return super().clear()


class MemoisingRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = MemoisingRedisClient
