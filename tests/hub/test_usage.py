"""★ Used and adapted by N schools: per-school usage counts people's schools, not clicks, and
never shows a viewer anything about a resource (or adaptation) they may not see."""

import pytest
import time_machine

from hub.models import Resource
from hub.services import count_download
from hub.usage import adapt_resource, schools_using, text_diff, usage_by_school, variants
from tests.factories import SchoolPageFactory

from .factories import ResourceFactory


@pytest.fixture
def trust(tree, make_user):
    schools = {
        slug: SchoolPageFactory(parent=tree.schools, title=slug.title(), slug=slug)
        for slug in ("coppice", "langley", "moor-hall")
    }
    people = {
        "coppice1": make_user("t1.coppice", school=schools["coppice"]),
        "coppice2": make_user("t2.coppice", school=schools["coppice"]),
        "langley": make_user("t.langley", school=schools["langley"]),
        "moor": make_user("t.moor", school=schools["moor-hall"]),
        "admin": make_user("admin.user", is_superuser=True),
    }
    return type("Trust", (), {"schools": schools, "people": people})


def test_repeat_downloads_count_one_school(trust):
    resource = ResourceFactory(title="Fractions")
    p = trust.people
    with time_machine.travel("2026-11-02 10:00", tick=False):
        count_download(resource, p["coppice1"])
        count_download(resource, p["coppice1"])  # same person, same day
    with time_machine.travel("2026-11-03 10:00", tick=False):
        count_download(resource, p["coppice1"])  # same person, next day
        count_download(resource, p["coppice2"])  # colleague, same school
    assert schools_using(p["langley"], resource) == 1
    count_download(resource, p["langley"])
    assert schools_using(p["langley"], resource) == 2
    assert usage_by_school(p["moor"]) == {
        trust.schools["coppice"].pk: 1,
        trust.schools["langley"].pk: 1,
    }


def test_usage_of_a_resource_the_viewer_may_not_see_is_never_revealed(trust):
    p, schools = trust.people, trust.schools
    hidden = ResourceFactory(
        title="Langley only", visibility=Resource.SCHOOL, school=schools["langley"]
    )
    count_download(hidden, p["langley"])
    assert schools_using(p["coppice1"], hidden) == 0
    assert usage_by_school(p["coppice1"]) == {}
    assert usage_by_school(p["langley"]) == {schools["langley"].pk: 1}
    annotated = Resource.objects.visible_to(p["coppice1"]).with_school_usage(p["coppice1"])
    assert not annotated.filter(pk=hidden.pk).exists()


def test_adaptations_count_their_school_only_for_viewers_who_may_see_them(trust):
    p, schools = trust.people, trust.schools
    original = ResourceFactory(title="Fractions", kind="txt", lines=["one", "two", "three"])
    copy = adapt_resource(original, p["langley"])
    assert copy.adapted_from == original
    assert copy.visibility == Resource.SCHOOL and copy.school == schools["langley"]
    # The copy is Langley's own until they share it wider: others see neither it nor its use.
    assert schools_using(p["langley"], original) == 1
    assert schools_using(p["coppice1"], original) == 0
    assert variants(p["coppice1"], original) == []
    assert variants(p["langley"], original) == [copy]
    assert usage_by_school(p["coppice1"]) == {}
    copy.visibility = Resource.TRUST
    copy.save()
    assert schools_using(p["coppice1"], original) == 1
    assert variants(p["coppice1"], original) == [copy]
    ordered = Resource.objects.listed_for(p["admin"]).with_school_usage(p["admin"])
    assert list(ordered.order_by("-schools_using", "pk").values_list("pk", flat=True))[0] == (
        original.pk
    )


def test_only_trust_wide_resources_can_be_adapted(trust, client):
    p, schools = trust.people, trust.schools
    school_only = ResourceFactory(
        title="Coppice plan", visibility=Resource.SCHOOL, school=schools["coppice"]
    )
    client.force_login(p["coppice2"])
    url = f"/hub/{school_only.pk}-{school_only.slug}/adapt/"
    assert client.post(url).status_code == 403
    trust_wide = ResourceFactory(title="Shared plan")
    response = client.post(f"/hub/{trust_wide.pk}-{trust_wide.slug}/adapt/")
    assert response.status_code == 302
    copy = Resource.objects.get(adapted_from=trust_wide)
    assert copy.uploaded_by_user == p["coppice2"]
    assert client.get(f"/hub/{trust_wide.pk}-{trust_wide.slug}/adapt/").status_code == 405


def test_resource_page_shows_use_and_variants_with_diff(trust, client):
    p = trust.people
    original = ResourceFactory(title="Spelling list", kind="txt", lines=["cat", "dog", "fish"])
    copy = ResourceFactory(
        title="Spelling list (Langley)",
        kind="txt",
        lines=["cat", "dog", "bird"],
        school=trust.schools["langley"],
        adapted_from=original,
    )
    count_download(original, p["moor"])
    client.force_login(p["coppice1"])
    page = client.get(original.get_absolute_url()).content.decode()
    assert "Used in</dt><dd>2 schools" in page
    assert "Adapted by 1 school" in page
    assert copy.get_absolute_url() in page
    assert "+bird" in page and "-fish" in page
    assert "Adapted from" in client.get(copy.get_absolute_url()).content.decode()


def test_text_diff_is_empty_without_text(trust):
    a = ResourceFactory(title="A", kind="txt", lines=["same"])
    b = ResourceFactory(title="A", kind="txt", lines=["same"])
    assert text_diff(a, b) == ""
