"""Staff passwords are stored with Argon2id at OWASP's floor; a password stored by an older
hasher (Django's PBKDF2 default) still signs in, and is stored again with Argon2id."""

import pytest
from django.conf import settings as django_settings
from django.contrib.auth.hashers import identify_hasher, make_password

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
# intranet.settings.test swaps in a fast hasher; these tests put the real list back.
REAL_HASHERS = [
    "people.hashers.StaffArgon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]


def test_the_settings_list_is_the_one_tested_here():
    from intranet.settings import base

    assert base.PASSWORD_HASHERS == REAL_HASHERS
    assert django_settings.PASSWORD_HASHERS != REAL_HASHERS  # tests run with a fast one


def test_new_passwords_are_argon2id_with_owasp_parameters(settings):
    settings.PASSWORD_HASHERS = REAL_HASHERS
    encoded = make_password("correct horse battery staple")
    assert encoded.startswith("argon2$argon2id$v=19$m=19456,t=2,p=1$")
    assert identify_hasher(encoded).algorithm == "argon2"


def test_an_old_pbkdf2_password_signs_in_and_is_upgraded(settings, client):
    settings.PASSWORD_HASHERS = REAL_HASHERS
    user = UserFactory(username="teacher.old")
    user.password = make_password("an older passphrase", hasher="pbkdf2_sha256")
    user.save(update_fields=["password"])
    response = client.post(
        "/accounts/login/", {"username": "teacher.old", "password": "an older passphrase"}
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.password.startswith("argon2$argon2id$v=19$m=19456,t=2,p=1$")


def test_a_wrong_password_still_fails(settings, client):
    settings.PASSWORD_HASHERS = REAL_HASHERS
    user = UserFactory(username="teacher.wrong")
    user.set_password("the right one")
    user.save()
    response = client.post("/accounts/login/", {"username": "teacher.wrong", "password": "nope"})
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
