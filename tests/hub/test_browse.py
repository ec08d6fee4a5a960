"""/hub/ browse: FilterSet names, multi-select facets whose counts stay meaningful, chips, and
one visible set per request (constant queries, with a ceiling)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from hub import browse_cache
from hub.filters import ResourceFilter
from hub.models import Download, KeyStage, Resource
from tests.factories import SchoolPageFactory, WorkingGroupPageFactory
from tests.hub.factories import ResourceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def hub(tree, make_user, client):
    class H:
        pass

    h = H()
    h.school = SchoolPageFactory(parent=tree.schools, slug="coppice", title="Coppice")
    h.maths = WorkingGroupPageFactory(parent=tree.groups, slug="maths", title="Maths")
    h.send = WorkingGroupPageFactory(parent=tree.groups, slug="send", title="SEND")
    h.user = make_user("teacher.browse", school=h.school)
    ks2 = KeyStage.objects.get(code="KS2")
    h.m1 = ResourceFactory(
        title="Fractions", working_groups=[h.maths], key_stages=[ks2], kind="txt"
    )
    h.m2 = ResourceFactory(
        title="Decimals", working_groups=[h.maths], kind="txt", tags=["Mental maths"]
    )
    h.s1 = ResourceFactory(title="Sensory room", working_groups=[h.send], kind="txt")
    h.hidden = ResourceFactory(
        title="Hidden maths", working_groups=[h.maths], kind="txt", visibility=Resource.SCHOOL
    )  # another school's: never listed or counted
    client.force_login(h.user)
    h.client = client
    return h


def get(h, url):
    response = h.client.get(url)
    assert response.status_code == 200, url
    return response


def titles(response):
    return sorted(r.title for r in response.context["items"])


def test_a_group_facet_still_offers_the_other_groups(hub):
    response = get(hub, "/hub/?group=maths")
    assert titles(response) == ["Decimals", "Fractions"]
    groups = {slug: n for slug, _label, n in response.context["facets"]["group"]}
    assert groups == {"maths": 2, "send": 1}


def test_several_values_of_one_facet_mean_any_of_them(hub):
    response = get(hub, "/hub/?group=maths&group=send")
    assert titles(response) == ["Decimals", "Fractions", "Sensory room"]
    # Other facets count within the chosen groups.
    stages = {code: n for code, _l, n in response.context["facets"]["key_stage"]}
    assert stages == {"KS2": 1}


def test_filters_combine_across_facets_and_year_is_key_stage(hub):
    assert titles(get(hub, "/hub/?group=maths&key_stage=KS2")) == ["Fractions"]
    assert titles(get(hub, "/hub/?year=KS2")) == ["Fractions"]
    assert titles(get(hub, "/hub/?tag=mental-maths")) == ["Decimals"]
    assert titles(get(hub, "/hub/?tag=Mental+maths")) == ["Decimals"]  # older links: the name
    assert titles(get(hub, "/hub/?group=no-such-group")) == []


def test_chips_remove_one_value_and_clear_all(hub):
    response = get(hub, "/hub/?group=maths&group=send&sort=title")
    chips = {c["label"]: c["url"] for c in response.context["chips"]}
    assert set(chips) == {"Maths", "SEND"}
    assert "group=send" in chips["Maths"] and "group=maths" not in chips["Maths"]
    assert "sort=title" in chips["Maths"]
    assert "Clear all filters" in response.content.decode()


def test_pager_keeps_filters(hub, settings):
    settings.HUB_PAGE_SIZE = 1
    html = get(hub, "/hub/?group=maths&sort=title").content.decode()
    assert "?group=maths&amp;sort=title&amp;page=2" in html


def test_old_search_names_redirect(hub):
    response = hub.client.get("/hub/?rtype=planning&ks=KS1")
    assert response.status_code == 301
    assert response["Location"] == "/hub/?type=planning&key_stage=KS1"


def test_filterset_refuses_nul_and_overlong_values():
    f = ResourceFilter({"group": ["\x00", "x" * 81, "maths"]})
    assert f.selected()["group"] == []  # the field is invalid as a whole: ignored


def test_new_this_week_only_unfiltered(hub):
    assert [r.title for r in get(hub, "/hub/").context["new_this_week"]]
    assert get(hub, "/hub/?group=maths").context["new_this_week"] == []


@pytest.mark.parametrize(
    "url", ["/hub/", "/hub/?group=maths&group=send&key_stage=KS2&sort=downloads", "/hub/?q=maths"]
)
def test_queries_per_request_are_constant_and_few(hub, url):
    get(hub, url)  # warm caches (content types, site)

    def count(fresh=True):
        if fresh:
            browse_cache.bump()  # as after any change to the hub
        with CaptureQueriesContext(connection) as ctx:
            get(hub, url)
        return len(ctx.captured_queries)

    small = count()
    for i in range(15):
        ResourceFactory(title=f"More maths {i}", working_groups=[hub.maths], kind="txt")
    assert count() == small
    # session, user and roles, the one browse statement, facet labels, the page's rows
    # (+ the text ranking for ?q=)
    assert small <= 12
    # Asked again with nothing changed: the browse statement (and ranking) come from the cache.
    count()
    assert count(fresh=False) < small


def test_most_used_across_schools_sorts_by_distinct_schools(hub, make_user):
    other = SchoolPageFactory(parent=hub.school.get_parent(), slug="langley", title="Langley")
    for day, (user, school) in enumerate(
        [
            (make_user("a.one", school=hub.school), hub.school),
            (make_user("b.one", school=other), other),
            (make_user("c.one", school=other), other),  # the same school again counts once
        ],
        start=1,
    ):
        Download.objects.create(resource=hub.s1, user=user, school=school, day=f"2026-11-{day:02d}")
    Download.objects.create(resource=hub.m2, user=hub.user, school=hub.school, day="2026-11-05")
    # Many downloads by one school do not beat two schools.
    Resource.objects.filter(pk=hub.m2.pk).update(download_count=50)
    items = get(hub, "/hub/?sort=schools").context["items"]
    assert [r.title for r in items[:2]] == ["Sensory room", "Decimals"]
    assert "Hidden maths" not in [r.title for r in items]


def test_accessible_documents_only(hub):
    Resource.objects.filter(pk=hub.m1.pk).update(accessible=True)
    Resource.objects.filter(pk=hub.m2.pk).update(accessible=False)
    response = get(hub, "/hub/?accessible=true")
    assert titles(response) == ["Fractions"]
    assert response.context["accessible_only"] is True
    # the facets count only what the filter leaves
    assert [n for _v, _l, n in response.context["facets"]["group"]] == [1]


def test_sidebar_form_submits_best_match_unless_an_order_was_chosen(hub):
    # The list without words is newest first, but the form must not carry "newest" into a
    # search typed into it: that search would lose its relevance order.
    html = get(hub, "/hub/").content.decode()
    assert '<option value="relevance" selected>' in html
    assert '<option value="newest" selected>' not in html
    assert get(hub, "/hub/").context["sort"] == "newest"
    html = get(hub, "/hub/?sort=newest").content.decode()
    assert '<option value="newest" selected>' in html
    assert get(hub, "/hub/?q=fractions&sort=relevance").context["sort"] == "relevance"
