"""Meaning-based search (search/semantic): embedding speed, and a few staff queries ranked by
the keyword engine alone and fused with the semantic ranking (hybrid), on the demo trust.

    .venv/bin/python bench/semantic.py            # a throwaway SQLite demo (a few minutes)
    DATABASE_URL=sqlite:///db.sqlite3 .venv/bin/python bench/semantic.py   # an existing one
                                                  # (after `manage.py embed_documents`)

Figures: model load, ms per query (a few words) and per document (256 word pieces, the most
the model reads), and the whole engine.search() as the demo admin with and without fusion."""

import os
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

QUERIES = [
    ("help for struggling readers", "Phonics catch-up intervention"),
    ("keeping children safe online", "Online safety"),
    ("what to do if a child discloses abuse", "Safeguarding and child protection"),
    ("pupils with autism", "Autism friendly classroom CPD"),
    ("times tables practice", "Times tables check practice sheets"),
    ("checking pupils understand what they read", "Reading comprehension papers"),
    ("getting ready for year 6 tests", "SATs preparation"),
]


def ms(seconds):
    return f"{seconds * 1000:.1f}"


def timed(fn, runs):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), max(times)


def setup():
    fresh = "DATABASE_URL" not in os.environ
    if fresh:
        workdir = Path(tempfile.mkdtemp(prefix="search-semantic-"))
        os.environ["DATABASE_URL"] = f"sqlite:///{workdir / 'semantic.sqlite3'}"
        os.environ["MEDIA_ROOT"] = str(workdir / "media")
        os.environ.setdefault("DEMO_PASSWORD", uuid.uuid4().hex)  # throwaway users only
    # The test settings run jobs (extraction, index updates) at once, as bench/relevance.py.
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "intranet.settings.test")
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    settings.SEARCH_SEMANTIC = True

    if fresh:
        print("Building the demo trust in a throwaway SQLite database...")
        call_command("migrate", verbosity=0)
        call_command("load_demo_trust", quiet=True)
        call_command("embed_documents", quiet=True)


def main():
    from search.semantic import model

    start = time.perf_counter()
    minilm = model.load()
    print(f"model load: {ms(time.perf_counter() - start)} ms (once per process)")
    query = "help for struggling readers"
    long = "Reading recovery supports pupils in key stage 1 who fall behind their peers. " * 40
    minilm.embed([query])
    p50, worst = timed(lambda: minilm.embed([query]), 30)
    print(f"embedding a query: {ms(p50)} ms median, {ms(worst)} ms max")
    p50, worst = timed(lambda: minilm.embed([long]), 10)
    print(f"embedding a document (256 word pieces): {ms(p50)} ms median, {ms(worst)} ms max")

    setup()
    from django.conf import settings
    from django.contrib.auth import get_user_model

    from search.engine import get_engine
    from search.semantic.models import DocVector

    engine = get_engine("database")
    admin = get_user_model().objects.get(username="admin")
    print(f"\n{DocVector.objects.count()} vectors; engine {engine.name}; searching as admin")

    def ranked(text):
        return [hit.title for hit in engine.search(admin, text).hits]

    keyword_times, hybrid_times = [], []
    for text, wanted in QUERIES:
        settings.SEARCH_SEMANTIC = False
        keyword = ranked(text)
        keyword_times.append(timed(lambda t=text: engine.search(admin, t), 5)[0])
        settings.SEARCH_SEMANTIC = True
        hybrid = ranked(text)
        hybrid_times.append(timed(lambda t=text: engine.search(admin, t), 5)[0])

        def place(titles, wanted=wanted):
            return titles.index(wanted) + 1 if wanted in titles else "-"

        print(
            f"\n{text!r} (wanted: {wanted}; keyword rank {place(keyword)}, hybrid {place(hybrid)})"
        )
        print(f"  keyword: {' | '.join(keyword[:5]) or '(nothing)'}")
        print(f"  hybrid:  {' | '.join(hybrid[:5]) or '(nothing)'}")
    print(
        f"\nengine.search median over the queries: keyword {ms(statistics.median(keyword_times))} ms, "
        f"hybrid {ms(statistics.median(hybrid_times))} ms"
    )


if __name__ == "__main__":
    main()
