"""Browse answers kept between requests, until the hub changes.

At 10k resources most of a /hub/ request is one statement counting facets over every resource
the viewer may see; teachers paging, sorting and ticking filters ask it again and again. Its
answer (count, page ids, facet counts, "new this week") is cached under a key made of
everything it depends on: the hub's version, the set of people who see exactly the same
resources (`_audience`: so a change of school or groups is a new key at once) and the filters. Any change to a
resource, its links or its tags bumps the version, now and again when the transaction commits
(a request that read the data before the commit cannot file it under the new version).
Download counts and "new this week" drift for at most `HUB_BROWSE_CACHE_SECONDS`.

The rows shown are always fetched fresh and through the visibility rules (hub.browse), so a
stale entry can at worst show a count that is a moment old, never a resource."""

import contextlib
import hashlib
import time

from django.conf import settings
from django.core.cache import cache
from django.db import transaction

from people.visibility import shared_resource_audience, viewer

from .models import Resource

VERSION_KEY = "lte:hub-browse:version"


def _version():
    value = cache.get(VERSION_KEY)
    if value is None:
        # Not 0: after a cache restart old entries (if any survived) must not match again.
        cache.add(VERSION_KEY, time.time_ns(), timeout=None)
        value = cache.get(VERSION_KEY, 0)
    return value


def _bump_now():
    with contextlib.suppress(ValueError):  # no version yet: the first read starts one
        cache.incr(VERSION_KEY)


def bump(**_signal_kwargs):
    """Forget every cached browse answer (connected to the hub's model signals)."""
    _bump_now()
    transaction.on_commit(_bump_now)


def _audience(person, version):
    """Who else sees exactly what `person` sees: everyone with the same school and groups,
    unless `person` uploaded something that only an uploader sees (withdrawn, or restricted to
    groups they are not in); then nobody else. So the teachers of one school share answers.
    Asked of the database once per hub version and person."""
    if person.trust_admin:
        return ("all",)
    groups = tuple(sorted(person.group_ids))
    listed = ",".join(map(str, groups))
    own_key = f"lte:hub-browse:own:{version}:{person.pk}:{person.school_id}:{listed}"
    own_only = cache.get(own_key)
    if own_only is None:
        audience = shared_resource_audience(person)
        own_only = Resource.objects.filter(uploaded_by_user_id=person.pk).exclude(audience).exists()
        cache.set(own_key, own_only, settings.HUB_BROWSE_CACHE_SECONDS)
    if own_only:
        return ("person", person.pk)
    return ("audience", person.superuser, person.school_id, groups)


def key(user, browse, number):
    if not settings.HUB_BROWSE_CACHE_SECONDS:
        return None
    person = viewer(user)
    if not person.signed_in:
        return None
    version = _version()
    parts = (
        version,
        _audience(person, version),
        browse.query,
        browse.exact,
        browse.sort,
        tuple(sorted((k, tuple(sorted(v))) for k, v in browse.selected.items())),
        bool(browse.filterset.value("accessible")),
        browse.per_page,
        number,
    )
    return "lte:hub-browse:" + hashlib.sha256(repr(parts).encode()).hexdigest()


def get(cache_key):
    return cache.get(cache_key) if cache_key else None


def put(cache_key, answer):
    if cache_key:
        cache.set(cache_key, answer, settings.HUB_BROWSE_CACHE_SECONDS)
