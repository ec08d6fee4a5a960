"""A teacher turns on two-factor sign-in from their profile (QR code and key shown under the
CSP, axe clean), signs out, and signs in again with the password and a code from the app."""

import base64

import pytest
from django_otp.oath import totp

from tests.browser.test_walkthrough import assert_accessible
from tests.conftest import PASSWORD
from tests.factories import UserFactory


def app_code(secret_text, drift=0):
    """What an authenticator app shows for the key typed from the page."""
    secret = secret_text.replace(" ", "")
    key = base64.b32decode(secret + "=" * (-len(secret) % 8))
    return f"{totp(key, step=30, t0=0, digits=6, drift=drift):06d}"


@pytest.fixture
def teacher(transactional_db, tree):
    return UserFactory(username="teacher.coppice")


def sign_in_with_password(page, live_server):
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Username").fill("teacher.coppice")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()


def test_enrol_then_sign_in_with_a_code(page, live_server, teacher):
    sign_in_with_password(page, live_server)
    page.wait_for_url(f"{live_server.url}/")
    page.goto(f"{live_server.url}/accounts/profile/")
    page.get_by_role("link", name="Turn on two-factor sign-in").click()
    page.wait_for_url("**/accounts/two-factor/")
    qr = page.get_by_role("img", name="QR code for adding LTE Intranet to an authenticator app")
    assert qr.evaluate("img => img.complete && img.naturalWidth > 0")
    assert_accessible(page)
    secret = page.locator("#otp-secret").inner_text()
    page.get_by_label("Code").fill(app_code(secret))
    page.get_by_role("button", name="Turn on two-factor sign-in").click()
    recovery = page.get_by_role("list", name="Recovery codes")
    recovery.wait_for()
    assert recovery.get_by_role("listitem").count() == 10
    assert_accessible(page)

    page.get_by_role("button", name="Sign out").click()
    page.wait_for_url("**/accounts/login/")
    sign_in_with_password(page, live_server)
    page.wait_for_url("**/accounts/login/code/")
    assert page.get_by_role("heading", name="Enter your sign-in code").is_visible()
    assert_accessible(page)
    # Each code is accepted once: the next 30-second step's, as the app shows it soon after.
    page.get_by_label("Code").fill(app_code(secret, drift=1))
    page.get_by_role("button", name="Continue").click()
    page.wait_for_url(f"{live_server.url}/")
    assert page.get_by_role("button", name="Sign out").is_visible()
