"""Absolute links for what leaves the site (calendar feeds, emails): always on BASE_URL, the
address staff use, whatever host name a request or the Wagtail Site record happens to carry
(`http://localhost/…` opens nowhere from Outlook or a phone)."""

from django.conf import settings
from django.urls import reverse

from .tokens import calendar_token


def absolute_url(path):
    if path.startswith(("http://", "https://")):
        return path
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + "/" + path.lstrip("/")


def calendar_feed_url(user):
    """The user's private subscription address (see people/tokens.py)."""
    return absolute_url(reverse("calendar_feed", args=[calendar_token(user)]))
