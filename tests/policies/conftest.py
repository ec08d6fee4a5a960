import pytest

from people import roles
from tests.factories import SchoolPageFactory, UserFactory

from .factories import PolicyIndexPageFactory, PolicyPageFactory, publish


@pytest.fixture
def policy_index(home):
    return PolicyIndexPageFactory(parent=home)


@pytest.fixture
def schools(tree):
    return [
        SchoolPageFactory(parent=tree.schools, title="Coppice Primary", slug="coppice"),
        SchoolPageFactory(parent=tree.schools, title="Langley School", slug="langley"),
    ]


@pytest.fixture
def policy(policy_index):
    """A published policy (version 1) every member of staff must acknowledge."""
    return publish(PolicyPageFactory(parent=policy_index), note="First version")


@pytest.fixture
def make_staff(db):
    def make(school, n, job_role="teacher", prefix="staff"):
        from people.models import StaffProfile

        users = [UserFactory(school=school) for _ in range(n)]
        StaffProfile.objects.filter(user__in=users).update(job_role=job_role)
        return users

    return make


@pytest.fixture
def head_of(db):
    from django.contrib.auth.models import Group

    def make(school, username=None):
        user = UserFactory(username=username or f"head.{school.slug}", school=school)
        user.groups.add(Group.objects.get(name=roles.HEADTEACHERS))
        return user

    return make


@pytest.fixture
def trust_admin(db, home):
    from django.contrib.auth.models import Group

    user = UserFactory(username="admin.test")
    user.groups.add(Group.objects.get(name=roles.TRUST_ADMINS))
    return user
