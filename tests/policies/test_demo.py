import pytest
from django.core.management import call_command

from policies import services
from policies.models import (
    Acknowledgement,
    PolicyIndexPage,
    PolicyPage,
    PolicyVersion,
    SchoolAdaptation,
)

pytestmark = pytest.mark.usefixtures("school_day")


def counts():
    return {
        model.__name__: model.objects.count()
        for model in (PolicyIndexPage, PolicyPage, PolicyVersion, SchoolAdaptation, Acknowledgement)
    }


@pytest.mark.django_db
def test_demo_policies_twice_give_the_same_counts(monkeypatch):
    from django.contrib.auth import get_user_model

    monkeypatch.setenv("DEMO_PASSWORD", "a-demo-password-for-tests")
    call_command("load_demo_trust", quiet=True)  # runs load_demo_policies itself
    first = counts()
    assert first["PolicyPage"] >= 10 and first["PolicyIndexPage"] == 1
    assert first["Acknowledgement"] > 0 and first["SchoolAdaptation"] >= 2
    call_command("load_demo_policies", quiet=True)
    assert counts() == first

    users = get_user_model().objects
    head = users.get(username="head.coppice")
    panels = services.home_panels(head)
    assert panels["adaptation_alerts"], "Coppice's safeguarding adaptation is on an old base"
    assert panels["policy_updates"]
    teacher = users.get(username="teacher.coppice")
    assert services.home_panels(teacher)["policy_tasks"] is not None
    # Every report has real, partial numbers.
    policy = PolicyPage.objects.get(slug="safeguarding-and-child-protection")
    _version, rows, _totals = services.policy_report(policy)
    done = sum(r.done for r in rows)
    assert 0 < done < len(rows)
