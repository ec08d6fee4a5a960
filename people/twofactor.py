"""Two-factor sign-in (django-otp): an authenticator app (TOTP) plus single-use recovery codes.

Any member of staff may turn it on from their profile. With `REQUIRE_2FA` on (production), it is
required of everyone whose account reaches the most sensitive material: trust administrators,
headteachers, superusers, and anyone who may open Wagtail's admin. Such a person who has not
enrolled yet is held on the enrolment page after the password until they have.

Someone with a confirmed device is not signed in after the password: the sign-in view keeps who
they are in the session (`PENDING`) and asks for a code (people/twofactor_views.py), and only a
right code signs them in. A wrong code counts as a failed sign-in for django-axes, so the same
lockout applies to guessing codes as to guessing passwords; django-otp's own throttling slows
repeated wrong codes on the device as well."""

import base64

import segno
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import redirect
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from .roles import headteachers_group_id
from .visibility import viewer

PENDING = "lte_2fa_pending"  # session key: the user who gave a right password, awaiting a code
PENDING_SECONDS = 300
RECOVERY_CODES = 10
APP_DEVICE_NAME = "Authenticator app"
RECOVERY_DEVICE_NAME = "Recovery codes"


# --- the rule --------------------------------------------------------------------------------


def second_factor_required(user):
    """Whether `user` must sign in with a second factor (only when REQUIRE_2FA is on)."""
    if not getattr(settings, "REQUIRE_2FA", False):
        return False
    person = viewer(user)
    if not person.signed_in:
        return False
    return (
        person.superuser
        or person.trust_admin
        or person.editor
        or headteachers_group_id() in person.group_ids
    )


# --- devices ---------------------------------------------------------------------------------


def has_second_factor(user):
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def pending_app_device(user):
    """The unconfirmed authenticator being enrolled (a new secret each time enrolment starts
    afresh, kept while the person fetches their phone)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=APP_DEVICE_NAME, confirmed=False)
    return device


def secret_text(device):
    """The secret as people type it into an app: base32, in groups of four."""
    text = base64.b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(text[i : i + 4] for i in range(0, len(text), 4))


def qr_data_uri(device):
    """The otpauth:// address as a QR code, an SVG data URI (the CSP allows data: images)."""
    return segno.make(device.config_url, error="m").svg_data_uri(scale=5, border=2)


@transaction.atomic
def confirm_app_device(device, code):
    """Confirm an enrolment when `code` is right; returns the recovery codes, or None."""
    if not device.verify_token(_digits(code)):
        return None
    TOTPDevice.objects.filter(user=device.user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    return new_recovery_codes(device.user)


@transaction.atomic
def new_recovery_codes(user):
    """Ten fresh single-use codes; any earlier ones stop working."""
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=RECOVERY_DEVICE_NAME, confirmed=True)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def recovery_codes_left(user):
    return StaticToken.objects.filter(device__user=user).count()


@transaction.atomic
def turn_off(user):
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()


def _digits(code):
    return "".join((code or "").split())


def verify_code(user, code):
    """The device that accepts `code` (an app code, or a recovery code, which is used up), or
    None. Only confirmed devices count. An app code is six digits and a recovery code is not,
    so only one kind of device is tried: a mistyped recovery code does not slow the app."""
    token = _digits(code).lower()
    if not token:
        return None
    kind = TOTPDevice if (token.isdigit() and len(token) == 6) else StaticDevice
    for device in kind.objects.filter(user=user, confirmed=True):
        if device.verify_is_allowed()[0] and device.verify_token(token):
            return device
    return None


# --- holding people to the rule ---------------------------------------------------------------

# Reachable before the second factor: the enrolment page, signing in and out, the health check.
EXEMPT_PREFIXES = ("/accounts/two-factor/", "/accounts/login/", "/accounts/logout/", "/healthz")


class SecondFactorMiddleware:
    """After django-otp's OTPMiddleware: someone who must use a second factor and has not
    verified one in this session reaches nothing but enrolment and sign-out."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if (
            user.is_authenticated
            and not request.path_info.startswith(EXEMPT_PREFIXES)
            # The rule first: with REQUIRE_2FA off, or for most staff, it costs no query.
            and second_factor_required(user)
            and not user.is_verified()
        ):
            if request.path_info.startswith("/api/"):
                raise PermissionDenied("A second factor is required for this account.")
            return redirect("two_factor")
        return self.get_response(request)
