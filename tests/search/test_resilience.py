"""Elasticsearch/OpenSearch unreachable (SEARCH_URL at a closed port): search, the hub's search
and autocomplete answer from the database's index and say so; saving content still works."""

import socket

import pytest

from tests.hub.factories import ResourceFactory


def closed_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]  # released at once: nothing listens there


@pytest.fixture
def cluster_down(settings):
    settings.SEARCH_BACKEND = "elasticsearch"
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "wagtail.search.backends.elasticsearch9",
            "URLS": [f"http://127.0.0.1:{closed_port()}"],
            "INDEX": "lte-resilience",
            "TIMEOUT": 2,
            "OPTIONS": {"max_retries": 0},
        },
        # What the settings add beside a cluster (intranet/settings/base.py).
        "fallback": {"BACKEND": "intranet.wagtail_search", "SEARCH_CONFIG": "english"},
    }


NOTICE = "The search service is not answering"


@pytest.mark.django_db
def test_search_falls_back_to_the_database_with_a_notice(cluster_down, teacher_client, home):
    # Indexing into the unreachable cluster fails quietly; the database's index is kept.
    resource = ResourceFactory(title="Fractions unit plan", lines=["bar models for fractions"])

    page = teacher_client.get("/search/?q=fractions")
    assert page.status_code == 200
    content = page.content.decode()
    assert NOTICE in content
    assert resource.get_absolute_url() in content

    hub = teacher_client.get("/hub/?q=fractions")
    assert hub.status_code == 200
    assert NOTICE in hub.content.decode()
    assert resource.get_absolute_url() in hub.content.decode()

    suggestions = teacher_client.get("/search/?ac=1&q=fract")
    assert suggestions.status_code == 200
    assert [item["label"] for item in suggestions.json()["results"]] == [resource.title]


@pytest.mark.django_db
def test_no_notice_when_the_database_is_the_engine(teacher_client, home):
    ResourceFactory(title="Fractions unit plan")
    assert NOTICE not in teacher_client.get("/search/?q=fractions").content.decode()
    assert NOTICE not in teacher_client.get("/hub/?q=fractions").content.decode()
