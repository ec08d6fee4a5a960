"""Private calendar addresses: Outlook and phone calendars cannot sign in, so each member of
staff subscribes with an address carrying a token instead of a session.

The token is an HMAC of the user's id, a per-user random key and their password hash, so it is
stable (the same address every time the page is shown, whatever the clock says) until one of
them changes: "reset my calendar address" draws a new key, a password change changes the hash,
and deactivating the account stops every feed at once (checked on each fetch)."""

from django.contrib.auth import get_user_model
from django.utils.crypto import constant_time_compare, salted_hmac

from .models import StaffProfile, new_calendar_key

SALT = "people.calendar-token"


def _profile(user):
    profile = getattr(user, "profile", None)
    if profile is None:
        profile, _ = StaffProfile.objects.get_or_create(user=user)
    return profile


def _signature(user, key):
    value = f"{user.pk}:{key}:{user.password}:{user.is_active}"
    return salted_hmac(SALT, value, algorithm="sha256").hexdigest()[:40]


def calendar_token(user):
    return f"{user.pk}-{_signature(user, _profile(user).calendar_key)}"


def user_for_calendar_token(token):
    """The active user this token belongs to, or None."""
    user_id, _, signature = (token or "").partition("-")
    if not user_id.isdigit() or len(user_id) > 18 or not signature:
        return None
    user = (
        get_user_model()
        .objects.filter(pk=int(user_id), is_active=True)
        .select_related("profile")
        .first()
    )
    if user is None or not hasattr(user, "profile"):
        return None
    if not constant_time_compare(signature, _signature(user, user.profile.calendar_key)):
        return None
    return user


def reset_calendar_token(user):
    """Draw a new key: every address handed out before stops working."""
    profile = _profile(user)
    profile.calendar_key = new_calendar_key()
    profile.save(update_fields=["calendar_key"])
    return calendar_token(user)
