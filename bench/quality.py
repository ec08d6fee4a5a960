"""Search quality on the independent judged set (tests/search/quality/): MRR@10, nDCG@10 and
recall@10 per query class and overall, for the engine the site is configured with, each run in
a throwaway database (the corpus is created through the hub's own service).

    .venv/bin/python bench/quality.py                       # SQLite (or PostgreSQL, see below)
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/x SEARCH_BACKEND=postgres \\
        .venv/bin/python bench/quality.py                   # a throwaway database on that server
    .venv/bin/python bench/quality.py --backend all -v      # both, every query listed
    .venv/bin/python bench/quality.py --set SEARCH_SEMANTIC=1   # any setting, e.g. hybrid on

The engine is `search.engine.get_engine()`, the one the site uses, so a setting that switches
the site to another mode (hybrid retrieval) is measured the same way."""

import argparse
import ast
import os
import shutil
import subprocess
import sys
import tempfile
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from pgadmin import pg_admin, pg_reachable  # noqa: E402 (bench/ is on sys.path)


def pg_server():
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith("postgres"):
        return url.rsplit("/", 1)[0]
    return os.environ.get("PG_URL", "postgres://postgres@127.0.0.1:5432").rstrip("/")


def setting_value(text):
    try:
        return ast.literal_eval(text)
    except (ValueError, SyntaxError):
        return text


def report(result, verbose):
    print(f"{'class':<10} {'n':>4} {'MRR@10':>7} {'nDCG@10':>8} {'recall@10':>10} {'found':>9}")
    for cls, m in result["classes"].items():
        print(
            f"{cls:<10} {m['n']:>4} {m['mrr']:>7.3f} {m['ndcg10']:>8.3f} {m['recall10']:>10.3f} "
            f"{m['found']:>4}/{m['n']:<4}"
        )
    for row in result["rows"]:
        if verbose or not row["first"] or row["first"] > 1:
            shown = f" (shown for {row['shown_for']!r})" if row["shown_for"] else ""
            print(
                f"  [{row['class']}] {row['query']!r}{shown}: first relevant at {row['first']}, "
                f"nDCG {row['ndcg']:.2f}; top: {row['top']}"
            )


def run_one(backend, verbose, overrides):
    workdir = Path(tempfile.mkdtemp(prefix="search-quality-"))
    server, dbname = pg_server(), None
    if backend == "postgres":
        dbname = f"lte_quality_{uuid.uuid4().hex[:8]}"
        pg_admin(f'CREATE DATABASE "{dbname}"', server)
        os.environ["DATABASE_URL"] = f"{server}/{dbname}"
        os.environ["SEARCH_BACKEND"] = "postgres"
    else:
        os.environ["DATABASE_URL"] = f"sqlite:///{workdir / 'quality.sqlite3'}"
        os.environ["SEARCH_BACKEND"] = "database"
    os.environ["MEDIA_ROOT"] = str(workdir / "media")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "intranet.settings.test")
    try:
        import django
        from django.conf import settings

        django.setup()
        for name, value in overrides.items():
            setattr(settings, name, value)
        settings.MEDIA_ROOT = str(workdir / "media")
        from django.core.management import call_command
        from django.db import connection

        from search.engine import get_engine
        from search.relevance import evaluate_graded
        from tests.search.quality.load import judge, load_corpus
        from tests.search.quality.queries import QUERIES

        call_command("migrate", verbosity=0)
        keys = load_corpus()
        engine = get_engine()
        result = evaluate_graded(
            engine, judge(), QUERIES, lambda hit: keys.get(getattr(hit.obj, "pk", None))
        )
        extra = ", ".join(f"{k}={v!r}" for k, v in overrides.items())
        print(
            f"{engine.name} ({connection.vendor}{', ' + extra if extra else ''}): "
            f"{len(QUERIES)} queries over {len(keys)} documents"
        )
        report(result, verbose)
        connection.close()
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
        if dbname:
            pg_admin(f'DROP DATABASE IF EXISTS "{dbname}"', server)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backend", choices=["all", "sqlite", "postgres"])
    parser.add_argument("-v", "--verbose", action="store_true", help="Every query, not only misses")
    parser.add_argument(
        "--set", action="append", default=[], metavar="NAME=VALUE", help="Override a setting"
    )
    args = parser.parse_args()
    overrides = dict(item.split("=", 1) for item in args.set)
    overrides = {k: setting_value(v) for k, v in overrides.items()}
    backend = args.backend or (
        "postgres" if os.environ.get("SEARCH_BACKEND") == "postgres" else "sqlite"
    )
    if backend != "all":
        run_one(backend, args.verbose, overrides)
        return
    backends = ["sqlite"] + (["postgres"] if pg_reachable() else [])
    if "postgres" not in backends:
        print("PostgreSQL not reachable: skipped")
    for one in backends:
        # One process per backend: Django's settings are fixed once set up.
        cmd = [sys.executable, __file__, "--backend", one] + (["-v"] if args.verbose else [])
        subprocess.run(cmd + [f"--set={s}" for s in args.set], check=True)


if __name__ == "__main__":
    main()
