"""Wagtail's `update_index`, then the hub's cached browse answers forgotten: they were found in
the index as it was (hub/browse_cache.py; changes through the site bump it by signals)."""

from wagtail.search.management.commands.update_index import Command as WagtailUpdateIndex

from hub import browse_cache


class Command(WagtailUpdateIndex):
    def handle(self, *args, **options):
        super().handle(*args, **options)
        browse_cache.bump()
