"""A small trust for search tests: two schools, a working group, users with different reach,
resources at every visibility level (with real files whose text is extracted), pages of each
kind, a view-restricted page and, when the policies app is there, a policy."""

import os

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.models import PageViewRestriction

from hub.models import KeyStage, Resource, ResourceType
from search.engine import PostgresEngine, SQLiteEngine, WagtailEngine, get_engine
from tests.factories import (
    ContentPageFactory,
    NewsArticlePageFactory,
    SchoolPageFactory,
    WorkingGroupPageFactory,
)
from tests.hub.factories import ResourceFactory


@pytest.fixture(autouse=True)
def private_media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


ENGINES = ["database", "wagtail"]
if (os.environ.get("DATABASE_URL") or "").startswith("postgres"):
    # PostgreSQL without the RUM index (a server without the extension): GIN + ts_rank.
    ENGINES.insert(1, "database-gin")


@pytest.fixture(params=ENGINES)
def engine(request, db):
    """The same checks on every backend available: the database engine (SQLite FTS5 or
    PostgreSQL, whichever DATABASE_URL gives) always; Wagtail's Elasticsearch/OpenSearch
    backend only when SEARCH_URL points at a running server."""
    if request.param == "wagtail":
        if not os.environ.get("SEARCH_URL"):
            pytest.skip("Elasticsearch/OpenSearch checks need SEARCH_URL (and SEARCH_BACKEND)")
        return WagtailEngine()
    engine = get_engine("database")
    if request.param == "database-gin":
        engine = PostgresEngine(rum=False)
    # Not Wagtail's fallback: the SQL engine over the index tables (SQLite FTS5 or PostgreSQL).
    assert engine.name in {"sqlite", "postgres"}, engine.name
    return engine


def key_stage(code):
    return KeyStage.objects.get(code=code)


def rtype(slug):
    return ResourceType.objects.get(slug=slug)


@pytest.fixture
def world(tree, make_user):
    class World:
        pass

    w = World()
    w.tree = tree
    w.school_a = SchoolPageFactory(parent=tree.schools, title="Alpha Primary", slug="alpha")
    w.school_b = SchoolPageFactory(parent=tree.schools, title="Beta Primary", slug="beta")
    w.maths = WorkingGroupPageFactory(parent=tree.groups, title="Maths", slug="maths")
    w.literacy = WorkingGroupPageFactory(parent=tree.groups, title="Literacy", slug="literacy")
    w.sencos = Group.objects.get(name="SENCOs")
    w.teacher_a = make_user("teacher.a", school=w.school_a)
    w.teacher_b = make_user("teacher.b", school=w.school_b)
    w.senco_b = make_user("senco.b", school=w.school_b)
    w.senco_b.groups.add(w.sencos)
    w.admin = make_user("admin.user", is_superuser=True)
    types = list(ResourceType.objects.order_by("sort_order"))
    w.type_a, w.type_b = types[0], types[1]
    w.phonics = ResourceFactory(
        title="Year 1 phonics planning",
        description="Weekly phonics plans for Year 1.",
        working_groups=[w.literacy],
        key_stages=[key_stage("KS1")],
        school=w.school_a,
        tags=["phonics", "planning"],
        resource_type=w.type_a,
        kind="docx",
        lines=["Phase 5 sounds and tricky words for every week of the spring term."],
        uploaded_by_user=w.teacher_a,
    )
    w.calc = ResourceFactory(
        title="Written calculation policy",
        description="Progression in written methods.",
        working_groups=[w.maths],
        key_stages=[key_stage("KS2")],
        school=w.school_b,
        tags=["maths"],
        resource_type=w.type_b,
        kind="pdf",
        lines=["Column addition, short multiplication and the bus stop method for division."],
        uploaded_by_user=w.teacher_b,
    )
    w.school_only = ResourceFactory(
        title="Narwhal moderation notes",
        visibility=Resource.SCHOOL,
        school=w.school_a,
        working_groups=[w.literacy],
        lines=["narwhal writing moderation evidence"],
        uploaded_by_user=w.teacher_a,
        tags=["schooltagzebra"],
        resource_type=w.type_b,
    )
    w.restricted = ResourceFactory(
        title="Axolotl SENCO caseload",
        visibility=Resource.RESTRICTED,
        restricted_to=[w.sencos],
        school=w.school_b,
        working_groups=[w.maths],
        lines=["axolotl confidential referrals"],
        uploaded_by_user=w.senco_b,
        tags=["secrettagquince"],
        resource_type=w.type_b,
        key_stages=[key_stage("EYFS")],
    )
    w.withdrawn = ResourceFactory(
        title="Pangolin withdrawn guide",
        withdrawn=True,
        school=w.school_a,
        working_groups=[w.maths],
        lines=["pangolin words"],
        uploaded_by_user=w.teacher_a,
    )
    w.page = ContentPageFactory(
        parent=w.literacy,
        title="Writing moderation in KS2",
        intro="How we moderate writing across key stage 2.",
    )
    w.news = NewsArticlePageFactory(
        parent=tree.news,
        title="Phonics screening check results",
        intro="Our phonics results are up.",
        school=w.school_a,
        date=timezone.localdate(),
    )
    w.secret_page = ContentPageFactory(
        parent=tree.home, title="Heads only wombat page", intro="wombat restructuring plans"
    )
    restriction = PageViewRestriction.objects.create(
        page=w.secret_page, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set([Group.objects.get(name="Headteachers")])
    return w


def titles(results):
    return [hit.title for hit in results.hits]


__all__ = ["SQLiteEngine", "engine", "world", "titles"]
