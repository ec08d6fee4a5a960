"""A username alias signs in to the one account of a person who holds two roles."""

import pytest
from django.core.exceptions import ValidationError

from people.models import UsernameAlias
from tests.conftest import PASSWORD


def sign_in(client, username, password=PASSWORD):
    return client.post("/accounts/login/", {"username": username, "password": password})


@pytest.mark.django_db
def test_an_alias_signs_in_to_the_same_account(client, home, make_user):
    head = make_user("head.coppice")
    UsernameAlias.objects.create(alias="lead.headteachers-forum", user=head)
    assert sign_in(client, "lead.headteachers-forum").status_code == 302
    assert client.session["_auth_user_id"] == str(head.pk)
    client.logout()
    assert sign_in(client, "lead.headteachers-forum", "wrong-password").status_code == 200
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_an_alias_of_an_inactive_account_does_not_sign_in(client, home, make_user):
    head = make_user("head.coppice", is_active=False)
    UsernameAlias.objects.create(alias="lead.headteachers-forum", user=head)
    assert sign_in(client, "lead.headteachers-forum").status_code == 200
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_an_alias_may_not_be_someone_elses_username(make_user):
    head = make_user("head.coppice")
    make_user("lead.maths")
    with pytest.raises(ValidationError):
        UsernameAlias(alias="lead.maths", user=head).full_clean()
    UsernameAlias(alias="lead.headteachers-forum", user=head).full_clean()


@pytest.mark.django_db
def test_repeated_failures_through_an_alias_lock_it_out(client, home, make_user, settings):
    head = make_user("head.coppice")
    UsernameAlias.objects.create(alias="lead.headteachers-forum", user=head)
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, "lead.headteachers-forum", "wrong-password")
    assert sign_in(client, "lead.headteachers-forum").status_code != 302
