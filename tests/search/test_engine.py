"""Behaviour checks run on every search engine available (see the `engine` fixture): SQLite FTS5
or PostgreSQL (whichever database this run uses), and Elasticsearch/OpenSearch with SEARCH_URL."""

import pytest

from hub.models import Resource
from search.engine import Filters
from search.models import Synonym
from tests.hub.factories import ResourceFactory

from .conftest import key_stage, titles

pytestmark = pytest.mark.django_db

HIDDEN = [
    # (resource attribute, user attribute, a word only that resource contains)
    ("school_only", "teacher_b", "narwhal"),
    ("restricted", "teacher_a", "axolotl"),
    ("restricted", "teacher_b", "axolotl"),
    ("withdrawn", "teacher_a", "pangolin"),
    ("withdrawn", "senco_b", "pangolin"),
]


def test_finds_resources_pages_and_news(world, engine):
    results = engine.search(world.teacher_a, "phonics")
    found = titles(results)
    assert "Year 1 phonics planning" in found
    assert "Phonics screening check results" in found
    kinds = {hit.title: hit.kind for hit in results.hits}
    assert kinds["Phonics screening check results"] == "news"
    assert kinds["Year 1 phonics planning"] == "resource"


def test_multi_word_query_ranks_the_exact_resource_first(world, engine):
    results = engine.search(world.teacher_a, "phonics planning year 1")
    assert titles(results)[0] == "Year 1 phonics planning"
    hit = results.hits[0]
    assert hit.school == "Alpha Primary" and hit.groups == ["Literacy"]
    assert "<mark>" in str(hit.snippet)


@pytest.mark.parametrize("resource_attr, user_attr, word", HIDDEN)
def test_hidden_resources_never_found(world, engine, resource_attr, user_attr, word):
    user = getattr(world, user_attr)
    results = engine.search(user, word)
    assert results.total == 0
    assert getattr(world, resource_attr).title not in titles(results)
    assert all(v.count == 0 for f in results.facets for v in f.values)
    assert engine.count(user, word) == 0
    assert all(word not in str(h.snippet).lower() for h in results.hits)
    assert all(
        item["label"] != getattr(world, resource_attr).title
        for item in engine.autocomplete(user, word[:4])
    )


@pytest.mark.parametrize(
    "resource_attr, user_attr, word",
    [
        ("school_only", "teacher_a", "narwhal"),
        ("restricted", "senco_b", "axolotl"),
        ("restricted", "admin", "axolotl"),
    ],
)
def test_permitted_users_find_them(world, engine, resource_attr, user_attr, word):
    results = engine.search(getattr(world, user_attr), word)
    assert titles(results) == [getattr(world, resource_attr).title]


def test_facet_counts_only_count_visible(world, engine):
    ResourceFactory(title="Axolotl poster", lines=["axolotl life cycle"], tags=["lifecycle"])
    results = engine.search(world.teacher_a, "axolotl")
    assert titles(results) == ["Axolotl poster"]
    assert results.total == 1
    facets = {f.key: {v.value: v.count for v in f.values} for f in results.facets}
    assert facets["type"] == {"resource": 1}
    assert "secrettagquince" not in facets.get("tag", {})
    assert "EYFS" not in facets.get("ks", {})
    assert "beta" not in facets.get("school", {})
    assert "maths" not in facets.get("group", {})
    # the SENCO sees both, and the counts say so
    senco = engine.search(world.senco_b, "axolotl")
    sf = {f.key: {v.value: v.count for v in f.values} for f in senco.facets}
    assert senco.total == 2 and sf["type"] == {"resource": 2}
    assert sf["tag"]["secrettagquince"] == 1


def test_view_restricted_page_hidden(world, engine):
    assert engine.search(world.teacher_a, "wombat").total == 0
    assert titles(engine.search(world.admin, "wombat")) == ["Heads only wombat page"]


def test_file_text_is_searchable_after_upload(world, engine):
    resource = ResourceFactory(
        title="Spring term plan",
        kind="docx",
        lines=["zygomorphic flowers in the science curriculum"],
    )
    results = engine.search(world.teacher_b, "zygomorphic")
    assert titles(results) == [resource.title]
    assert results.hits[0].matched_in == "file text"
    assert "<mark>zygomorphic</mark>" in str(results.hits[0].snippet)


def test_withdrawn_resource_disappears(world, engine):
    assert "Written calculation policy" in titles(engine.search(world.teacher_a, "calculation"))
    Resource.objects.get(pk=world.calc.pk).__class__.objects.filter(pk=world.calc.pk)
    world.calc.withdrawn = True
    world.calc.save()
    assert "Written calculation policy" not in titles(engine.search(world.teacher_a, "calculation"))
    assert "Written calculation policy" not in titles(engine.search(world.teacher_b, "calculation"))


def test_synonyms_expand(world, engine):
    ResourceFactory(title="Quantum ferret widget template", lines=["annual review"])
    assert engine.search(world.teacher_a, "zorblat").total == 0
    Synonym.objects.create(terms="zorblat, quantum ferret widget")
    assert titles(engine.search(world.teacher_a, "zorblat")) == ["Quantum ferret widget template"]


def test_shipped_dictionary_and_shorthand(world, engine):
    ResourceFactory(title="Education, health and care plan template", lines=["annual review"])
    assert titles(engine.search(world.teacher_a, "EHCP")) == [
        "Education, health and care plan template"
    ]
    ResourceFactory(title="Reading fluency in key stage 2", lines=["fluency"])
    for query in ("KS2 fluency", "ks 2 fluency", "key stage two fluency"):
        results = engine.search(world.teacher_a, query)
        assert results.mode == "all", query
        assert titles(results) == ["Reading fluency in key stage 2"], query


def test_filters_combine_with_query(world, engine):
    both = engine.search(world.teacher_a, "phonics")
    assert both.total == 2
    only_news = engine.search(world.teacher_a, "phonics", Filters(type="news"))
    assert titles(only_news) == ["Phonics screening check results"]
    ks1 = engine.search(world.teacher_a, "phonics", Filters(ks="KS1"))
    assert titles(ks1) == ["Year 1 phonics planning"]
    literacy = engine.search(world.teacher_a, "moderation", Filters(group="literacy"))
    assert titles(literacy) == ["Narwhal moderation notes", "Writing moderation in KS2"] or sorted(
        titles(literacy)
    ) == ["Narwhal moderation notes", "Writing moderation in KS2"]
    school = engine.search(world.teacher_a, "phonics", Filters(school="alpha"))
    assert sorted(titles(school)) == ["Phonics screening check results", "Year 1 phonics planning"]
    tag = engine.search(world.teacher_a, "planning", Filters(tag="phonics"))
    assert titles(tag) == ["Year 1 phonics planning"]


def test_sort_by_date(world, engine):
    newer = ResourceFactory(title="Phonics games", lines=["phonics games"])
    results = engine.search(world.teacher_a, "phonics", sort="date")
    assert titles(results)[0] in {newer.title, "Phonics screening check results"}
    dates = [h.date for h in results.hits if h.date]
    assert dates == sorted(dates, reverse=True)
    assert [h.date for h in results.hits][: len(dates)] == dates  # undated ones last


def test_misspelt_word_shows_results_for_the_correction(world, engine):
    results = engine.search(world.teacher_a, "calulation")
    assert results.corrected == "calculation"
    assert titles(results) == ["Written calculation policy"]
    # "Search instead for" what was typed: nothing, with the suggestion as before.
    results = engine.search(world.teacher_a, "calulation", exact=True)
    assert results.total == 0 and not results.corrected
    assert results.suggestion == "calculation"


def test_spelling_correction_never_reveals_hidden_words(world, engine):
    hidden = engine.search(world.teacher_a, "axolotk")
    assert hidden.total == 0 and hidden.corrected == "" and hidden.suggestion == ""
    assert engine.search(world.senco_b, "axolotk").corrected == "axolotl"
    # A word only in a document this teacher cannot open is "unknown" to her, like a word
    # that is nowhere: neither is kept as it is by a correction, nor answered.
    assert engine.search(world.teacher_a, "axolotl").total == 0


def test_zero_results_names_filters_to_relax(world, engine):
    results = engine.search(world.teacher_a, "phonics", Filters(ks="KS2"))
    assert results.total == 0
    assert [r["key"] for r in results.relax] == ["ks"]
    assert results.relax[0]["count"] == 2


def test_any_word_fallback(world, engine):
    results = engine.search(world.teacher_a, "phonics xylophonequux")
    assert results.mode == "any"
    assert "Year 1 phonics planning" in titles(results)


def test_autocomplete_titles_and_tags(world, engine):
    labels = [i["label"] for i in engine.autocomplete(world.teacher_a, "phon")]
    assert "Year 1 phonics planning" in labels
    assert "phonics" in labels  # the tag
    assert "secrettagquince" not in [
        i["label"] for i in engine.autocomplete(world.teacher_a, "secrett")
    ]
    assert "secrettagquince" in [i["label"] for i in engine.autocomplete(world.senco_b, "secrett")]


def test_policies_are_searched(world, engine):
    pytest.importorskip("policies.models")
    from policies.models import PolicyIndexPage, PolicyPage

    index = world.tree.home.add_child(instance=PolicyIndexPage(title="Policies", slug="policies"))
    index.add_child(
        instance=PolicyPage(
            title="SEND policy",
            slug="send-policy",
            area="send",
            summary="Special educational needs.",
        )
    )
    results = engine.search(world.teacher_a, "SEND policy")
    assert titles(results)[0] == "SEND policy"
    assert results.hits[0].kind == "policy"
    facets = {f.key: {v.value: v.count for v in f.values} for f in results.facets}
    assert facets["type"]["policy"] == 1


def _quokkas(world):
    """Three resources with the word in the title, three with it only in the file text, and
    one the teacher of school A may not see."""
    for i in range(3):
        ResourceFactory(title=f"Quokka fact file {i}", lines=["marsupial notes"])
    for i in range(3):
        ResourceFactory(title=f"Island animals {i}", lines=[f"a quokka appears on page {i}"])
    ResourceFactory(title="Quokka private notes", visibility=Resource.SCHOOL, school=world.school_b)


def test_counting_stops_at_the_cap(world, engine):
    if not hasattr(engine, "CAP"):
        pytest.skip("Wagtail's own backends count every match")
    _quokkas(world)
    full = engine.search(world.teacher_a, "quokka")
    assert (full.total, full.capped, full.total_label) == (6, False, "6")
    assert "Quokka private notes" not in titles(full)
    # Words in the title come before words only in the file text.
    assert all(t.startswith("Quokka fact file") for t in titles(full)[:3])

    engine.CAP = 4
    capped = engine.search(world.teacher_a, "quokka", per_page=2)
    assert (capped.total, capped.capped, capped.total_label) == (4, True, "4+")
    assert "Quokka private notes" not in titles(capped)
    counted = {f.key: {v.value: v.count for v in f.values} for f in capped.facets}
    assert counted["type"] == {"resource": 4}  # the best 4, not the 5th that shows there are more
    # The hub's ranked ids ask for their own limit and are capped there, not at CAP.
    ids = engine.ranked_resource_ids(world.teacher_a, "quokka", 50)
    assert len(ids) == 6


def test_relax_counts_stop_at_the_cap(world, engine):
    if not hasattr(engine, "CAP"):
        pytest.skip("Wagtail's own backends count every match")
    _quokkas(world)
    engine.CAP = 2
    results = engine.search(world.teacher_a, "quokka", Filters(school="beta"))
    assert results.total == 0
    assert [(r["key"], r["count_label"]) for r in results.relax] == [("school", "2+")]


def test_deactivated_account_finds_no_resources(world, engine):
    world.teacher_a.is_active = False
    world.teacher_a.save()
    results = engine.search(world.teacher_a, "phonics")
    assert [hit for hit in results.hits if hit.kind == "resource"] == []


def test_changed_key_stages_groups_and_tags_count_without_a_reindex(world, engine):
    if engine.name == "wagtail":
        pytest.skip("Elasticsearch/OpenSearch see link changes at the next reindex")
    resource = ResourceFactory(
        title="Echidna spines", key_stages=[key_stage("KS1")], working_groups=[world.maths]
    )
    resource.tags.add("spiky")
    resource.key_stages.set([key_stage("KS2")])
    resource.working_groups.set([world.literacy])
    resource.tags.set(["prickly"])
    results = engine.search(world.teacher_a, "echidna")
    counted = {f.key: {v.value: v.count for v in f.values} for f in results.facets}
    assert counted["ks"] == {"KS2": 1}
    assert counted["group"] == {"literacy": 1}
    assert counted["tag"] == {"prickly": 1}
    assert engine.search(world.teacher_a, "echidna", Filters(ks="KS2")).total == 1
    assert engine.search(world.teacher_a, "echidna", Filters(ks="KS1")).total == 0
    assert engine.search(world.teacher_a, "echidna", Filters(group="maths")).total == 0
    assert engine.search(world.teacher_a, "echidna", Filters(tag="prickly")).total == 1
