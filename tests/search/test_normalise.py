"""search/normalise.py and the parsed query: shorthand, joined and split spellings, the
shipped dictionary (data migration 0006), editable as Synonym snippets."""

import pytest

from search.dictionary import ACRONYMS
from search.models import Synonym
from search.query import ParsedQuery
from tests.hub.factories import ResourceFactory

from .conftest import titles

VOCABULARY = {"proforma", "pro", "forma", "whistleblowing", "well", "being", "safety"}


def known(words):
    return {w for w in words if w in VOCABULARY}


def alternatives(text, groups=()):
    return ParsedQuery(text, groups, known).clauses


@pytest.mark.parametrize("text", ["y3", "Y3", "yr3", "Yr 3", "year 3", "year three", "Year3"])
def test_year_shorthand_is_one_clause_with_every_spelling(text):
    assert alternatives(text) == [[("year", "3"), ("y3",), ("yr3",), ("yr", "3")]]


@pytest.mark.parametrize("text", ["ks2", "KS 2", "key stage 2", "key stage two", "keystage 2"])
def test_key_stage_shorthand(text):
    assert alternatives(text) == [[("ks2",), ("key", "stage", "2")]]


def test_hyphen_space_and_joined_spellings_meet():
    assert alternatives("pro-forma") == [[("pro", "forma"), ("proforma",)]]
    assert alternatives("pro forma") == [[("pro", "forma"), ("proforma",)]]
    assert alternatives("proforma") == [[("proforma",), ("pro", "forma")]]
    assert alternatives("whistle blowing") == [[("whistle", "blowing"), ("whistleblowing",)]]
    assert alternatives("wellbeing")[0][1] == ("well", "being")
    assert alternatives("esafety")[0][1] == ("e", "safety")


def test_unknown_joined_forms_are_left_alone():
    assert alternatives("risk assessment") == [[("risk",)], [("assessment",)]]


@pytest.mark.django_db
def test_dictionary_is_seeded_and_editable():
    assert len(ACRONYMS) >= 60
    assert Synonym.objects.count() >= 60
    ect = Synonym.objects.get(terms__startswith="ECT,")
    assert "newly qualified teacher" in ect.term_list()


def test_search_finds_hyphenated_and_joined_forms(world, engine):
    ResourceFactory(title="Trip risk assessment pro-forma", lines=["hazards"])
    ResourceFactory(title="Lesson observation proforma", lines=["strengths"])
    both = {"Lesson observation proforma", "Trip risk assessment pro-forma"}
    for query in ("proforma", "pro forma", "pro-forma"):
        assert set(titles(engine.search(world.teacher_a, query))) == both, query


def test_key_stage_metadata_is_searchable(world, engine):
    # world.calc is tagged KS2 but says so nowhere in its text or title.
    assert "Written calculation policy" in titles(engine.search(world.teacher_a, "ks2 calculation"))
    assert "Written calculation policy" in titles(
        engine.search(world.teacher_a, "key stage two calculation")
    )


def test_acronym_finds_the_long_form(world, engine):
    ResourceFactory(title="Newly qualified teacher induction", lines=["mentor meetings"])
    assert titles(engine.search(world.teacher_a, "ECT induction")) == [
        "Newly qualified teacher induction"
    ]
