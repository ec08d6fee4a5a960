"""The semantic layer's cost per search at scale: bench/search.py's generated corpus (10k, 20k
resources on SQLite; PostgreSQL with --backend postgres), every entry given a random unit
vector (only the cost is measured here; bench/semantic.py shows the rankings), then
`engine.search()` as a teacher with SEARCH_SEMANTIC off and on, and the vector step alone.

    .venv/bin/python bench/semantic_scale.py [--backend sqlite|postgres] [--sizes 10000 20000]
"""

import argparse
import importlib.util
import os
import shutil
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.append(str(ROOT / "bench"))  # after the project: bench/search.py is not the app
_spec = importlib.util.spec_from_file_location("bench_search", ROOT / "bench" / "search.py")
bench_search = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bench_search)
from pgadmin import PG_URL, pg_admin  # noqa: E402


def add_vectors():
    import numpy as np
    from django.db import connection

    from search.semantic.models import DocVector

    have = set(DocVector.objects.values_list("ct", "oid"))
    with connection.cursor() as cursor:
        cursor.execute("SELECT ct, oid FROM intranet_search_doc")
        keys = [(int(ct), int(oid)) for ct, oid in cursor.fetchall() if (ct, oid) not in have]
    rng = np.random.default_rng(1)
    vectors = rng.standard_normal((len(keys), 384)).astype("<f4")
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    DocVector.objects.bulk_create(
        [
            DocVector(ct=ct, oid=oid, vector=v.tobytes(), digest="random")
            for (ct, oid), v in zip(keys, vectors, strict=True)
        ],
        batch_size=2000,
    )


def run(backend, sizes, runs):
    workdir = Path(tempfile.mkdtemp(prefix="semantic-scale-"))
    dbname = None
    if backend == "postgres":
        dbname = f"lte_semantic_scale_{uuid.uuid4().hex[:8]}"
        pg_admin(f'CREATE DATABASE "{dbname}"')
        os.environ["DATABASE_URL"] = f"{PG_URL}/{dbname}"
        os.environ["SEARCH_BACKEND"] = "postgres"
    else:
        os.environ["DATABASE_URL"] = f"sqlite:///{workdir / 'bench.sqlite3'}"
        os.environ["SEARCH_BACKEND"] = "database"
    os.environ["MEDIA_ROOT"] = str(workdir / "media")
    os.environ.setdefault("DEMO_PASSWORD", uuid.uuid4().hex)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "intranet.settings.test")
    try:
        import django

        django.setup()
        from django.conf import settings
        from django.contrib.auth import get_user_model
        from django.core.management import call_command

        from hub.models import Resource
        from search.engine import Filters, Scope, get_engine
        from search.semantic import embed, vectors

        call_command("migrate", verbosity=0)
        call_command("load_demo_trust", quiet=True)
        user = get_user_model().objects.get(username="teacher.coppice")
        engine = get_engine("database")
        have = Resource.objects.count()
        for size in sizes:
            while have < size:
                step = min(10000, size - have)
                bench_search.generate(have, step)
                have += step
            add_vectors()
            settings.SEARCH_SEMANTIC = True
            engine.search(user, "warm up")
            query = embed(["help for struggling readers"])[0]
            figures = {}
            for label, on in (("keyword", False), ("hybrid", True)):
                settings.SEARCH_SEMANTIC = on
                times = []
                for _ in range(runs):
                    for q in bench_search.QUERIES:
                        t0 = time.perf_counter()
                        engine.search(user, q)
                        times.append((time.perf_counter() - t0) * 1000)
                figures[label] = times
            # The vector step alone, on a scope whose SQL is built (the keyword half of a
            # hybrid search has built it already); min score -1: every entry is a candidate.
            scope = Scope(user, Filters())
            scope.allowed_sql()
            for label, min_score in (("vectors", 0.3), ("vectors, all", -1.0)):
                times = []
                for _ in range(runs * 4):
                    t0 = time.perf_counter()
                    vectors.nearest(scope, query, 100, min_score)
                    times.append((time.perf_counter() - t0) * 1000)
                figures[label] = times
            print(f"{engine.name} {size:,} resources, as a teacher:")
            for label, t in figures.items():
                print(
                    f"    {label:<13} p50 {statistics.median(t):7.1f} ms   "
                    f"p95 {bench_search.pct(t, 0.95):7.1f} ms"
                )
            sys.stdout.flush()
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
        if dbname:
            from django.db import connection

            connection.close()
            pg_admin(f'DROP DATABASE IF EXISTS "{dbname}"')


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backend", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--sizes", type=int, nargs="*")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    default = [10000, 20000] if args.backend == "sqlite" else [10000, 100000]
    run(args.backend, sorted(args.sizes or default), args.runs)


if __name__ == "__main__":
    main()
