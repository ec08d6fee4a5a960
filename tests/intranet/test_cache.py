"""The production cache (intranet/cache.py) against the Redis on 127.0.0.1:6379: reads are
memoised for one request only, writes through it are never hidden, and what a caller was given
cannot be changed by another caller."""

import os

import pytest
import redis
from django.core.cache.backends.redis import RedisSerializer
from django.test import RequestFactory

from intranet.cache import CacheReadMemoMiddleware, MemoisingRedisCache

from .test_deploy import redis_reachable

REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/2")

pytestmark = pytest.mark.skipif(not redis_reachable(), reason="no Redis on 127.0.0.1:6379")


@pytest.fixture
def cache():
    backend = MemoisingRedisCache(REDIS_URL, {"KEY_PREFIX": f"lte-memo-{os.getpid()}"})
    yield backend
    backend.delete_many(["a", "b", "n"])
    backend.close()


def behind_another_process(cache, key, value):
    """Writes `key` straight into Redis, as another app server would."""
    raw = redis.Redis.from_url(REDIS_URL)
    raw.set(cache.make_key(key), RedisSerializer().dumps(value))
    raw.close()


def in_request(fn):
    """Runs `fn` inside one request, as the middleware scopes it; returns what it returned."""
    seen = {}

    def view(request):
        seen["value"] = fn()
        return None

    CacheReadMemoMiddleware(view)(RequestFactory().get("/"))
    return seen["value"]


def test_a_key_is_read_once_per_request_and_fresh_in_the_next(cache):
    cache.set("a", 1)

    def twice():
        first = cache.get("a")
        behind_another_process(cache, "a", 2)
        return first, cache.get("a")

    assert in_request(twice) == (1, 1)
    assert in_request(lambda: cache.get("a")) == 2
    assert cache.get("a") == 2


def test_outside_a_request_nothing_is_memoised(cache):
    cache.set("a", 1)
    assert cache.get("a") == 1
    behind_another_process(cache, "a", 2)
    assert cache.get("a") == 2


def test_writes_in_the_request_are_read_back(cache):
    def steps():
        seen = [cache.get("a", "none")]
        cache.set("a", "set")
        seen.append(cache.get("a"))
        cache.delete("a")
        seen.append(cache.get("a", "none"))
        seen.append(cache.add("a", "added"))
        seen.append(cache.get("a"))
        cache.set("n", 1)
        cache.get("n")
        cache.incr("n")
        seen.append(cache.get("n"))
        cache.set_many({"a": "many", "b": "many"})
        seen.append(cache.get_many(["a", "b"]))
        seen.append(cache.get("a"))
        cache.delete_many(["a"])
        seen.append(cache.get("a", "none"))
        return seen

    assert in_request(steps) == [
        "none",
        "set",
        "none",
        True,
        "added",
        2,
        {"a": "many", "b": "many"},
        "many",
        "none",
    ]


def test_a_caller_changing_its_copy_does_not_change_the_next_callers(cache):
    cache.set("a", {"items": [1]})

    def mutate_then_read():
        mine = cache.get("a")
        mine["items"].append(2)
        return cache.get("a")

    assert in_request(mutate_then_read) == {"items": [1]}


def test_one_client_object_per_pool(cache):
    client = cache._cache
    assert client.get_client("a") is client.get_client("b")
