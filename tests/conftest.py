import datetime
import os
import zoneinfo
from contextlib import ExitStack
from unittest import mock

import pytest
import time_machine
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from wagtail.models import Collection, Locale, Page, Site

from people import roles

from .factories import (
    EventIndexPageFactory,
    HomePageFactory,
    NewsIndexPageFactory,
    SchoolIndexPageFactory,
    UserFactory,
    WorkingGroupIndexPageFactory,
)

PASSWORD = "pw-for-tests-1"
# A Wednesday morning in the autumn term: tests whose data is laid out relative to "today"
# (the demo trust's calendar, review dates) start here, whatever day the suite runs on.
SCHOOL_DAY = datetime.datetime(2026, 11, 18, 10, 30, tzinfo=zoneinfo.ZoneInfo("Europe/London"))


@pytest.fixture(autouse=True)
def empty_cache():
    """The cache outlives each test's database transaction: start every test without it."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def school_day():
    """The clock starts at SCHOOL_DAY and keeps ticking (timeouts and lockouts still work)."""
    with time_machine.travel(SCHOOL_DAY, tick=True) as traveller:
        yield traveller


# The demo trust is built as an operator would in production: DEBUG off, a password of their own.
DEMO_PASSWORD = "an-operator-chosen-passphrase"


@pytest.fixture(scope="module")
def demo_trust(django_db_setup, django_db_blocker, tmp_path_factory):
    """The whole demo trust (`load_demo_trust`), built once for the module that asks for it,
    on SCHOOL_DAY, inside a transaction rolled back after the module's last test.

    Each test still runs in its own savepoint inside that transaction, so a test may change
    the demo (or load it again) and its changes are gone for the next test."""
    with ExitStack() as stack:
        stack.enter_context(time_machine.travel(SCHOOL_DAY, tick=True))
        stack.enter_context(
            override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("demo-media"), DEBUG=False)
        )
        stack.enter_context(mock.patch.dict(os.environ, {"DEMO_PASSWORD": DEMO_PASSWORD}))
        stack.enter_context(django_db_blocker.unblock())
        stack.enter_context(transaction.atomic())
        ensure_wagtail_roots()
        call_command("load_demo_trust", quiet=True)
        try:
            yield
        finally:
            transaction.set_rollback(True)


def ensure_wagtail_roots():
    """Wagtail's migrations create these; a transactional test's flush removes them."""
    Locale.objects.get_or_create(language_code="en")
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    if Page.get_first_root_node() is None:
        Page.add_root(title="Root", slug="root", locale=Locale.objects.get(language_code="en"))


@pytest.fixture
def home(db):
    ensure_wagtail_roots()
    root = Page.get_first_root_node()
    home = HomePageFactory(parent=root)
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "root_page": home, "port": 80}
    )
    Page.objects.filter(depth=2).exclude(pk=home.pk).delete()
    roles.ensure_base_roles()
    return home


@pytest.fixture
def tree(home):
    """The trust's top-level sections, empty."""

    class Tree:
        pass

    t = Tree()
    t.home = home
    t.schools = SchoolIndexPageFactory(parent=home)
    t.groups = WorkingGroupIndexPageFactory(parent=home)
    t.news = NewsIndexPageFactory(parent=home)
    t.events = EventIndexPageFactory(parent=home)
    return t


@pytest.fixture
def make_user(db):
    def make(username=None, **kwargs):
        if username:
            kwargs["username"] = username
        return UserFactory(**kwargs)

    return make


@pytest.fixture
def teacher(make_user):
    return make_user("teacher.one")


@pytest.fixture
def teacher_client(client, teacher):
    client.force_login(teacher)
    return client


def pytest_collection_modifyitems(config, items):
    """Browser tests run last: their transactional flush would wipe data that migrations seeded
    (vocabularies, Wagtail's root objects) from under the tests that follow."""
    items.sort(key=lambda item: "tests/browser/" in str(item.fspath))
