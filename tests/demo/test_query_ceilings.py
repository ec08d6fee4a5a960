"""A ceiling on the queries each page type runs for a signed-in teacher on a warm request.

Fixed overhead (session, user, the person's school/groups/roles) is a handful of queries; the
rest is the page's own content. A change that adds a query per item, or re-asks a permission
question per request, shows up here as a number over its ceiling."""

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext

from hub.models import Resource
from pages.models import ContentPage, EventPage, NewsArticlePage
from policies.models import PolicyPage

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_trust", "school_day")]

# Measured on the demo trust, plus one. Every Wagtail page costs the user, the person's facts
# (people.visibility) and two to route (HomePage.route); the rest is the page's own content.
CEILINGS = {
    "home": 13,
    "schools": 6,
    "school": 6,
    "partners": 6,
    "groups": 6,
    "group": 11,
    "content page": 5,
    "news": 7,
    "news article": 6,
    "events": 7,
    "month": 7,
    "event": 8,
    "hub": 11,
    "resource": 14,
    "search": 17,
    "policies": 14,
    "policy": 19,
    "profile": 6,
}


def _urls():
    maths_page = ContentPage.objects.live().filter(url_path__contains="/maths/").first()
    return {
        "home": "/",
        "schools": "/schools/",
        "school": "/schools/coppice/",
        "partners": "/partners/",
        "groups": "/groups/",
        "group": "/groups/maths/",
        "content page": maths_page.url,
        "news": "/news/",
        "news article": NewsArticlePage.objects.live().public().order_by("pk").first().url,
        "events": "/events/",
        "month": "/events/2026/11/",
        "event": EventPage.objects.live().public().order_by("pk").first().url,
        "hub": "/hub/",
        "resource": Resource.objects.filter(visibility="trust")
        .order_by("pk")
        .first()
        .get_absolute_url(),
        "search": "/search/?q=fractions",
        "policies": "/policies/",
        "policy": PolicyPage.objects.live().order_by("pk").first().url,
        "profile": "/accounts/profile/",
    }


@pytest.fixture
def teacher_client(client):
    client.force_login(get_user_model().objects.get(username="teacher.coppice"))
    return client


def test_every_page_type_stays_under_its_query_ceiling(teacher_client):
    over = {}
    for name, url in _urls().items():
        teacher_client.get(url)  # warm: caches of the site, menu and content types
        with CaptureQueriesContext(connection) as ctx:
            response = teacher_client.get(url)
        assert response.status_code == 200, (name, url, response.status_code)
        print(f"{name:14} {len(ctx.captured_queries):3}  {url}")
        if len(ctx.captured_queries) > CEILINGS[name]:
            over[name] = len(ctx.captured_queries)
    assert not over, over
