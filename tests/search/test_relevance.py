"""Ranking quality floor on the demo trust (figures from bench/relevance.py; see README)."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command, get_commands

from search.engine import get_engine
from search.relevance import evaluate

from .judgements import normalised

# Measured with bench/relevance.py (2026-11-23, 56 queries): SQLite MRR 0.982, nDCG@10 0.969;
# PostgreSQL MRR 1.000, nDCG@10 0.978. The floor sits a little below, so that a change that
# makes ranking noticeably worse fails here.
FLOOR = {"sqlite": {"mrr": 0.92, "ndcg10": 0.90}, "postgres": {"mrr": 0.92, "ndcg10": 0.90}}


@pytest.mark.django_db
def test_judged_queries_meet_the_floor(home, settings, tmp_path, monkeypatch):
    settings.MEDIA_ROOT = tmp_path / "media"
    monkeypatch.setenv("DEMO_PASSWORD", "relevance-test-only-password")
    if "load_demo_resources" not in get_commands():
        pytest.skip("the hub's demo resources are not there yet")
    call_command("load_demo_trust", quiet=True)
    engine = get_engine("database")
    admin = get_user_model().objects.get(username="admin")
    report = evaluate(engine, admin, normalised())
    floor = FLOOR.get(engine.name)
    if floor is None:
        pytest.skip(f"no floor measured for the {engine.name} engine")
    misses = [(r["query"], r["top"]) for r in report["rows"] if not r["first"]]
    assert report["mrr"] >= floor["mrr"], (report["mrr"], misses)
    assert report["ndcg10"] >= floor["ndcg10"], (report["ndcg10"], misses)
