from urllib.parse import urlparse

import pytest
from django.core import mail

from tests.conftest import PASSWORD


@pytest.mark.django_db
def test_sign_in_takes_staff_where_they_were_going(client, home, teacher):
    response = client.post(
        "/accounts/login/",
        {"username": teacher.username, "password": PASSWORD, "next": "/schools/"},
    )
    assert response.status_code == 302
    assert response["Location"] == "/schools/"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "next_url",
    ["https://evil.example/", "//evil.example/", "http:\\\\evil.example", "///evil.example"],
)
def test_next_cannot_send_people_off_site(client, home, teacher, next_url):
    response = client.post(
        "/accounts/login/", {"username": teacher.username, "password": PASSWORD, "next": next_url}
    )
    assert response.status_code == 302
    location = urlparse(response["Location"])
    assert location.netloc == ""
    assert response["Location"] == "/"


@pytest.mark.django_db
def test_wagtail_sign_in_hands_over_to_ours_without_open_redirect(client, home, teacher):
    response = client.get("/admin/login/?next=https://evil.example/")
    assert response.status_code == 302
    assert urlparse(response["Location"]).path == "/accounts/login/"
    signed_in = client.post(
        response["Location"],
        {"username": teacher.username, "password": PASSWORD, "next": "https://evil.example/"},
    )
    assert signed_in["Location"] == "/"


@pytest.mark.django_db
def test_wrong_password_says_so_and_keeps_the_username(client, home, teacher):
    response = client.post("/accounts/login/", {"username": teacher.username, "password": "nope"})
    assert response.status_code == 200
    assert b"Please enter a correct username and password" in response.content
    assert f'value="{teacher.username}"'.encode() in response.content


@pytest.mark.django_db
def test_repeated_failures_lock_the_account_even_with_the_right_password(
    client, home, teacher, settings
):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post("/accounts/login/", {"username": teacher.username, "password": "wrong"})
    response = client.post("/accounts/login/", {"username": teacher.username, "password": PASSWORD})
    assert response.status_code == 429
    assert b"Too many attempts" in response.content
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_other_accounts_are_not_locked_by_someone_elses_failures(client, home, make_user, settings):
    victim, other = make_user("victim"), make_user("other")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post("/accounts/login/", {"username": victim.username, "password": "wrong"})
    response = client.post("/accounts/login/", {"username": other.username, "password": PASSWORD})
    assert response.status_code == 302


@pytest.mark.django_db
def test_password_reset_by_email(client, home, teacher):
    response = client.post("/accounts/password_reset/", {"email": teacher.email})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    body = mail.outbox[0].body
    link = next(line for line in body.splitlines() if "/accounts/reset/" in line).strip()
    path = urlparse(link).path
    form = client.get(path, follow=True)
    assert b"Choose a new password" in form.content
    done = client.post(
        form.redirect_chain[-1][0],
        {
            "new_password1": "A-much-better-passphrase-42",
            "new_password2": "A-much-better-passphrase-42",
        },
    )
    assert done.status_code == 302
    teacher.refresh_from_db()
    assert teacher.check_password("A-much-better-passphrase-42")


@pytest.mark.django_db
def test_sign_out_needs_a_post_and_ends_the_session(teacher_client):
    assert teacher_client.get("/accounts/logout/").status_code == 405
    response = teacher_client.post("/accounts/logout/")
    assert response.status_code == 302
    assert teacher_client.get("/").status_code == 302
