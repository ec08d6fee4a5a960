"""No writes in the read path (issue 16.3): a search and a download hand one job to the worker
after the response instead of writing the search log, the promotions' hit counts or the
download counter in the request; once the worker has run, the numbers are the same."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from hub.models import Download, Resource
from search.models import SearchLog
from tests.factories import SchoolPageFactory
from tests.hub.factories import ResourceFactory
from tests.jobs import run_queued_jobs

WRITES = ("INSERT", "UPDATE", "DELETE")


@pytest.fixture
def private_media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def test_search_and_download_write_nothing_in_the_request(
    db, tree, make_user, client, settings, private_media, django_capture_on_commit_callbacks
):
    school = SchoolPageFactory(parent=tree.schools, title="Coppice Primary", slug="coppice")
    resource = ResourceFactory(title="Fractions wall", kind="txt", lines=["fractions"])
    client.force_login(make_user("teacher.coppice", school=school))
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    client.get("/search/?q=warm")  # first-request caches may write; its job is never run

    with (
        django_capture_on_commit_callbacks() as callbacks,
        CaptureQueriesContext(connection) as queries,
    ):
        assert client.get("/search/?q=fractions").status_code == 200
        download = client.get(f"/hub/{resource.pk}-{resource.slug}/download/")
        assert download.status_code == 200
    written = [q["sql"] for q in queries if q["sql"].lstrip().upper().startswith(WRITES)]
    assert [sql for sql in written if "session" not in sql] == []
    assert len(callbacks) == 2

    for callback in callbacks:
        callback()
    run_queued_jobs()
    assert SearchLog.objects.get(query="fractions").hits == 1
    assert Download.objects.filter(resource=resource).count() == 1
    assert Resource.objects.get(pk=resource.pk).download_count == 1
