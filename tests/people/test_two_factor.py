"""Two-factor sign-in: who must use it, enrolment, the code step, recovery codes, lockout."""

import io

import pytest
from django.contrib.auth.models import Group, Permission
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from people import roles, twofactor
from tests.conftest import PASSWORD


def code_for(device, offset=0):
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=offset):06d}"


def enrol(user):
    """A confirmed authenticator and recovery codes, as the enrolment page leaves them."""
    device = twofactor.pending_app_device(user)
    codes = twofactor.confirm_app_device(device, code_for(device))
    assert codes is not None
    device.refresh_from_db()
    return device, codes


def sign_in_password(client, user, next_url="/"):
    return client.post(
        "/accounts/login/", {"username": user.username, "password": PASSWORD, "next": next_url}
    )


@pytest.fixture(autouse=True)
def no_waiting(settings):
    """django-otp makes a device wait after a wrong code; these tests do not wait."""
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    settings.OTP_STATIC_THROTTLE_FACTOR = 0


def next_code(device):
    """A code from the next 30-second step: each code is accepted once, and enrolment has
    just used this step's."""
    return code_for(device, offset=1)


@pytest.fixture
def required(settings):
    settings.REQUIRE_2FA = True


# --- the rule ---------------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    "role, must",
    [
        (roles.TRUST_ADMINS, True),
        (roles.HEADTEACHERS, True),
        (roles.STAFF, False),
        ("SENCOs", False),
    ],
)
def test_the_rule_per_role(home, make_user, required, role, must):
    user = make_user("someone")
    user.groups.add(Group.objects.get(name=role))
    assert twofactor.second_factor_required(user) is must


@pytest.mark.django_db
def test_anyone_with_wagtail_admin_access_must_use_it(home, make_user, required):
    lead = make_user("lead.maths")
    leads = Group.objects.create(name="Maths leads")
    leads.permissions.add(Permission.objects.get(codename="access_admin"))
    lead.groups.add(leads)
    superuser = make_user("root", is_superuser=True)
    assert twofactor.second_factor_required(lead)
    assert twofactor.second_factor_required(superuser)


@pytest.mark.django_db
def test_nobody_must_when_the_setting_is_off(home, make_user, settings):
    settings.REQUIRE_2FA = False
    admin = make_user("admin")
    admin.groups.add(Group.objects.get(name=roles.TRUST_ADMINS))
    assert not twofactor.second_factor_required(admin)


# --- enrolment ----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_enrolment_shows_a_qr_code_and_the_secret_then_turns_it_on(teacher_client, teacher):
    page = teacher_client.get("/accounts/two-factor/")
    assert page.status_code == 200
    assert b'src="data:image/svg+xml' in page.content
    device = TOTPDevice.objects.get(user=teacher, confirmed=False)
    assert twofactor.secret_text(device).encode() in page.content

    wrong = teacher_client.post("/accounts/two-factor/", {"action": "enrol", "code": "000000"})
    assert b"That code is not right" in wrong.content
    assert not twofactor.has_second_factor(teacher)

    done = teacher_client.post(
        "/accounts/two-factor/", {"action": "enrol", "code": code_for(device)}
    )
    assert done.status_code == 200
    assert len(done.context["codes"]) == twofactor.RECOVERY_CODES
    assert twofactor.has_second_factor(teacher)
    profile = teacher_client.get("/accounts/profile/")
    assert b"Manage two-factor sign-in" in profile.content


@pytest.mark.django_db
def test_profile_offers_it_to_everyone(teacher_client):
    assert b"Turn on two-factor sign-in" in teacher_client.get("/accounts/profile/").content


# --- signing in ---------------------------------------------------------------------------------


@pytest.mark.django_db
def test_password_alone_does_not_sign_in_someone_enrolled(client, home, teacher):
    device, _codes = enrol(teacher)
    response = sign_in_password(client, teacher, "/schools/")
    assert response["Location"] == "/accounts/login/code/"
    assert "_auth_user_id" not in client.session
    assert client.get("/").status_code == 302  # still signed out

    answered = client.post("/accounts/login/code/", {"code": next_code(device)})
    assert answered.status_code == 302
    assert answered["Location"] == "/schools/"
    assert client.session["_auth_user_id"] == str(teacher.pk)
    assert client.get("/").status_code == 200


@pytest.mark.django_db
def test_the_code_step_needs_the_password_step_first(client, home):
    response = client.get("/accounts/login/code/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/"


@pytest.mark.django_db
def test_recovery_codes_sign_in_once_each(client, home, teacher):
    _device, codes = enrol(teacher)
    sign_in_password(client, teacher)
    assert client.post("/accounts/login/code/", {"code": codes[0]}).status_code == 302
    assert twofactor.recovery_codes_left(teacher) == twofactor.RECOVERY_CODES - 1
    client.post("/accounts/logout/")

    sign_in_password(client, teacher)
    again = client.post("/accounts/login/code/", {"code": codes[0]})
    assert again.status_code == 200
    assert b"That code is not right" in again.content
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_new_recovery_codes_replace_the_old_ones(teacher, home):
    _device, first = enrol(teacher)
    second = twofactor.new_recovery_codes(teacher)
    assert twofactor.verify_code(teacher, first[0]) is None
    assert twofactor.verify_code(teacher, second[0]) is not None
    assert twofactor.verify_code(teacher, second[0]) is None


@pytest.mark.django_db
def test_wrong_codes_lock_the_account_like_wrong_passwords(client, home, teacher, settings):
    enrol(teacher)
    sign_in_password(client, teacher)
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert client.post("/accounts/login/code/", {"code": "123456"}).status_code == 200
    locked = client.post("/accounts/login/code/", {"code": "123456"})
    assert locked.status_code == 429
    assert b"Too many attempts" in locked.content
    # The password no longer even reaches the code step.
    assert sign_in_password(client, teacher).status_code == 429
    assert "_auth_user_id" not in client.session


# --- required accounts ------------------------------------------------------------------------


@pytest.mark.django_db
def test_an_administrator_without_a_second_factor_must_enrol_first(
    client, home, make_user, required
):
    admin = make_user("admin")
    admin.groups.add(Group.objects.get(name=roles.TRUST_ADMINS))
    assert sign_in_password(client, admin).status_code == 302
    for path in ["/", "/hub/", "/admin/"]:
        response = client.get(path)
        assert response.status_code == 302, path
        assert response["Location"] == "/accounts/two-factor/"
    assert client.get("/api/v2/pages/").status_code == 403
    page = client.get("/accounts/two-factor/")
    assert b"needs two-factor sign-in" in page.content
    device = TOTPDevice.objects.get(user=admin, confirmed=False)
    client.post("/accounts/two-factor/", {"action": "enrol", "code": code_for(device)})
    assert client.get("/").status_code == 200


@pytest.mark.django_db
def test_required_accounts_cannot_turn_it_off(client, home, make_user, required):
    head = make_user("head.one")
    head.groups.add(Group.objects.get(name=roles.HEADTEACHERS))
    device, _ = enrol(head)
    sign_in_password(client, head)
    client.post("/accounts/login/code/", {"code": next_code(device)})
    client.post("/accounts/two-factor/", {"action": "off"})
    assert twofactor.has_second_factor(head)


@pytest.mark.django_db
def test_staff_may_turn_it_off(client, home, teacher):
    device, _ = enrol(teacher)
    sign_in_password(client, teacher)
    client.post("/accounts/login/code/", {"code": next_code(device)})
    client.post("/accounts/two-factor/", {"action": "off"})
    assert not twofactor.has_second_factor(teacher)


@pytest.mark.django_db
def test_a_session_without_the_code_must_verify_before_going_on(client, home, make_user, required):
    admin = make_user("admin")
    admin.groups.add(Group.objects.get(name=roles.TRUST_ADMINS))
    device, _ = enrol(admin)
    client.force_login(admin)  # e.g. a session from before enrolment
    assert client.get("/")["Location"] == "/accounts/two-factor/"
    page = client.get("/accounts/two-factor/")
    assert b"Confirm it is you" in page.content
    client.post("/accounts/two-factor/", {"action": "verify", "code": next_code(device)})
    assert client.get("/").status_code == 200


@pytest.mark.django_db
def test_an_operator_resets_a_lost_phone(home, teacher):
    from django.core.management import call_command
    from wagtail.models import ModelLogEntry

    enrol(teacher)
    call_command("reset_two_factor", teacher.username, stdout=io.StringIO())
    assert not twofactor.has_second_factor(teacher)
    assert twofactor.recovery_codes_left(teacher) == 0
    assert ModelLogEntry.objects.filter(action="lte.two_factor_reset").count() == 1
