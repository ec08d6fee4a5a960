"""Elasticsearch/OpenSearch with a way out: while the cluster cannot be reached, the database's
own index answers (Wagtail keeps it beside the cluster's: the settings' "fallback" backend),
and the results say so, so that the page can tell the reader."""

import functools
import logging

from hub.browse import Ranked
from hub.models import Resource
from people.visibility import visible_resources

from .wagtail import WagtailEngine

logger = logging.getLogger(__name__)


@functools.cache
def search_unreachable_errors():
    """The exceptions that mean the search cluster cannot be reached (not a bad query)."""
    errors = []
    try:
        import elastic_transport

        errors += [elastic_transport.ConnectionError, elastic_transport.ConnectionTimeout]
    except ImportError:
        pass
    try:
        from opensearchpy import exceptions as opensearch_errors

        errors += [opensearch_errors.ConnectionError]
    except ImportError:
        pass
    return tuple(errors) or (ConnectionError,)


class ResilientEngine(WagtailEngine):
    """Wagtail's backend while the cluster answers; `fallback()` (the database's engine) while
    it does not."""

    def __init__(self, fallback):
        self.fallback = fallback

    def _fall_back(self, method, *args, **kwargs):
        logger.warning("Search cluster unreachable: answering from the database index")
        return getattr(self.fallback(), method)(*args, **kwargs)

    def search(self, *args, **kwargs):
        try:
            return super().search(*args, **kwargs)
        except search_unreachable_errors():
            results = self._fall_back("search", *args, **kwargs)
            results.fallback = True
            return results

    def count(self, *args, **kwargs):
        try:
            return super().count(*args, **kwargs)
        except search_unreachable_errors():
            return self._fall_back("count", *args, **kwargs)

    def autocomplete(self, *args, **kwargs):
        try:
            return super().autocomplete(*args, **kwargs)
        except search_unreachable_errors():
            return self._fall_back("autocomplete", *args, **kwargs)

    def ranked_resource_ids(self, user, query, limit, exact=False):
        """The hub's text search: the cluster's ranking of the visible resources, or the
        database engine's, marked as a fallback."""
        try:
            base = visible_resources(user).filter(withdrawn=False)
            found = Resource.objects.filter(pk__in=base.values("pk")).search(query)
            return Ranked(r.pk for r in found[:limit])
        except search_unreachable_errors():
            logger.warning("Search cluster unreachable: the hub ranks from the database index")
            answer = self.fallback().ranked_resource_ids(user, query, limit, exact) or []
            ranked = Ranked(answer)
            ranked.fallback = True
            ranked.corrected = getattr(answer, "corrected", "")
            return ranked
