"""Relevance of the unified search on the demo trust: MRR and nDCG@10 over the judged queries
in tests/search/judgements.py, per backend, each in a throwaway database.

    .venv/bin/python bench/relevance.py                 # SQLite, and PostgreSQL if reachable
    .venv/bin/python bench/relevance.py --backend sqlite [-v]
    PG_URL=postgres://postgres@127.0.0.1:5432 .venv/bin/python bench/relevance.py --backend postgres

Builds the demo with `call_command("load_demo_trust")` (migrations included), then runs every
judged query as the demo `admin` (who may see everything) through search.engine."""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from pgadmin import PG_URL, pg_admin, pg_reachable  # noqa: E402 (bench/ is on sys.path)


def run_one(backend, verbose):
    workdir = Path(tempfile.mkdtemp(prefix="search-relevance-"))
    dbname = None
    if backend == "postgres":
        dbname = f"lte_relevance_{uuid.uuid4().hex[:8]}"
        pg_admin(f'CREATE DATABASE "{dbname}"')
        os.environ["DATABASE_URL"] = f"{PG_URL}/{dbname}"
        os.environ["SEARCH_BACKEND"] = "postgres"
    else:
        os.environ["DATABASE_URL"] = f"sqlite:///{workdir / 'relevance.sqlite3'}"
        os.environ["SEARCH_BACKEND"] = "database"
    os.environ["MEDIA_ROOT"] = str(workdir / "media")
    os.environ.setdefault("DEMO_PASSWORD", uuid.uuid4().hex)  # throwaway users only
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "intranet.settings.test")
    try:
        import django

        django.setup()
        from django.contrib.auth import get_user_model
        from django.core.management import call_command
        from django.db import connection

        from search.engine import get_engine
        from search.relevance import evaluate
        from tests.search.judgements import normalised

        call_command("migrate", verbosity=0)
        call_command("load_demo_trust", quiet=True)
        engine = get_engine("database")
        admin = get_user_model().objects.get(username="admin")
        report = evaluate(engine, admin, normalised())
        from hub.models import Resource

        print(
            f"{engine.name}: {len(report['rows'])} judged queries over "
            f"{Resource.objects.count()} resources; MRR {report['mrr']:.3f}, "
            f"nDCG@10 {report['ndcg10']:.3f}"
        )
        for row in report["rows"]:
            if verbose or not row["first"] or row["first"] > 1:
                print(
                    f"  {row['query']!r}: first relevant at {row['first']}, "
                    f"nDCG {row['ndcg']:.2f}, {row['ms']:.0f} ms; top: {row['top']}"
                )
        connection.close()
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
        if dbname:
            pg_admin(f'DROP DATABASE IF EXISTS "{dbname}"')


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backend", choices=["all", "sqlite", "postgres"], default="all")
    parser.add_argument("-v", "--verbose", action="store_true", help="Every query, not only misses")
    args = parser.parse_args()
    if args.backend != "all":
        run_one(args.backend, args.verbose)
        return
    backends = ["sqlite"] + (["postgres"] if pg_reachable() else [])
    if "postgres" not in backends:
        print("PostgreSQL not reachable at PG_URL: skipped")
    for backend in backends:
        # One process per backend: Django's settings are fixed once set up.
        cmd = [sys.executable, __file__, "--backend", backend] + (["-v"] if args.verbose else [])
        subprocess.run(cmd, check=True)


if __name__ == "__main__":
    main()
