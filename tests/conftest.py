import pytest
from wagtail.models import Page, Site

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


@pytest.fixture
def home(db):
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
