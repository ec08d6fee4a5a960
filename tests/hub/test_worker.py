"""The task worker: jobs queued after commit, retried on failure, extraction killed when stuck,
previews rendered by the job and bounded in pixels, and the job list for trust administrators."""

import io
import time

import pypdfium2 as pdfium
import pytest
from django.contrib.auth.models import Group
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from PIL import Image

from hub import extraction
from hub.extraction import extract_resource_text, preview_name
from hub.models import Resource
from people import roles
from people.jobs import enqueue_after_commit, retrying
from tests.jobs import run_queued_jobs

from .factories import ResourceFactory

EXTRACT = "hub.extraction.extract_resource_text"
DB_BACKEND = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def pdf_with_page(width, height):
    pdf = pdfium.PdfDocument.new()
    pdf.new_page(width, height)
    buffer = io.BytesIO()
    pdf.save(buffer)
    pdf.close()
    return buffer.getvalue()


def test_absurd_page_gets_no_preview_and_costs_nothing(tmp_path):
    path = tmp_path / "strip.pdf"
    path.write_bytes(pdf_with_page(240, 200_000))
    started = time.process_time()
    assert extraction.render_pdf_preview(str(path)) is None
    # Refused from the page size alone: nothing near a 240 x 200,000 bitmap is allocated.
    assert extraction.preview_scale(240, 200_000) is None
    assert time.process_time() - started < 5


def test_huge_page_preview_stays_within_the_pixel_budget(tmp_path, settings):
    path = tmp_path / "poster.pdf"
    path.write_bytes(pdf_with_page(14_000, 9_000))
    png = extraction.render_pdf_preview(str(path))
    width, height = Image.open(io.BytesIO(png)).size
    assert width * height <= settings.HUB_PREVIEW_MAX_PIXELS
    assert width <= 480


def test_long_but_sane_page_is_scaled_down_to_the_budget(settings):
    scale = extraction.preview_scale(240, 4_000)  # 1:16.7, a long strip but allowed
    assert scale is not None
    assert (240 * scale) * (4_000 * scale) <= settings.HUB_PREVIEW_MAX_PIXELS * 1.0001


def test_preview_is_rendered_by_the_job_and_served_from_storage(db, home, client, make_user):
    resource = ResourceFactory(title="Fractions", kind="pdf")
    resource.refresh_from_db()
    from django.core.files.storage import default_storage

    assert resource.preview_status == Resource.PREVIEW_READY
    assert default_storage.exists(preview_name(resource))
    client.force_login(make_user("teacher.a"))
    answer = client.get(f"/hub/{resource.pk}-{resource.slug}/preview.png")
    assert answer.status_code == 200
    assert answer["Content-Type"] == "image/png"


def test_hard_timeout_stops_a_stuck_extraction(settings):
    settings.HUB_EXTRACT_HARD_TIMEOUT = 0.5
    with pytest.raises(extraction.ExtractionStopped, match="hard time limit"):
        extraction.run_bounded(time.sleep, 30)


def test_bounded_run_returns_the_result_and_reports_errors(settings):
    settings.HUB_EXTRACT_HARD_TIMEOUT = 10
    assert extraction.run_bounded(sum, [1, 2, 3]) == 6
    with pytest.raises(ValueError, match="ZeroDivisionError"):
        extraction.run_bounded(divmod, 1, 0)


def test_stuck_extraction_marks_no_preview_and_fails_the_job(db, home, settings, monkeypatch):
    resource = ResourceFactory(title="Stuck", kind="txt")
    settings.HUB_EXTRACT_HARD_TIMEOUT = 0.5
    monkeypatch.setitem(extraction.EXTRACTORS, "txt", lambda path, budget: time.sleep(30))
    result = extract_resource_text.enqueue(resource.pk)
    assert result.status == "FAILED"
    assert "ExtractionStopped" in result.errors[0].exception_class_path
    resource.refresh_from_db()
    assert resource.preview_status == Resource.PREVIEW_NONE


def test_jobs_wait_for_the_commit(db, home, settings, django_capture_on_commit_callbacks):
    settings.TASKS = DB_BACKEND
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        resource = ResourceFactory(title="Queued", kind="txt")
        assert not DBTaskResult.objects.filter(task_path=EXTRACT).exists()
    for callback in callbacks:
        callback()
    job = DBTaskResult.objects.get(task_path=EXTRACT)
    assert job.args_kwargs["args"] == [resource.pk]
    resource.refresh_from_db()
    assert resource.preview_status == Resource.PREVIEW_PENDING


def test_upload_answers_before_extraction_and_page_says_so(db, home, settings, client, make_user):
    settings.TASKS = DB_BACKEND
    resource = ResourceFactory(title="Being read", kind="txt")
    client.force_login(make_user("teacher.b"))
    page = client.get(f"/hub/{resource.pk}-{resource.slug}/")
    assert b"text is being extracted" in page.content


def test_failed_job_is_retried_later_and_recorded(db, settings):
    settings.TASKS = DB_BACKEND

    def broken(resource_id):
        raise ConnectionError("storage unreachable")

    with pytest.raises(ConnectionError):
        retrying(extract_resource_text, broken, 42, attempt=1)
    retry = DBTaskResult.objects.get(task_path=EXTRACT)
    assert retry.args_kwargs == {"args": [42], "kwargs": {"attempt": 2}}
    assert retry.run_after > retry.enqueued_at
    # The last attempt is not retried again.
    DBTaskResult.objects.all().delete()
    with pytest.raises(ConnectionError):
        retrying(extract_resource_text, broken, 42, attempt=settings.TASKS_MAX_ATTEMPTS)
    assert not DBTaskResult.objects.exists()


def test_worker_runs_queued_jobs_and_the_admin_sees_failures(
    db, home, settings, client, make_user, django_capture_on_commit_callbacks
):
    settings.TASKS = DB_BACKEND
    with django_capture_on_commit_callbacks(execute=True):
        resource = ResourceFactory(title="Worked", kind="txt", lines=["okapi"])
        enqueue_after_commit(extract_resource_text, 999_999)  # gone: finishes with None
    settings.TASKS_MAX_ATTEMPTS = 1
    DBTaskResult.objects.create(
        args_kwargs={"args": ["nope"], "kwargs": {}},
        task_path="hub.extraction.extract_resource_text",
        backend_name="default",
        run_after=timezone.now(),
    )
    run_queued_jobs()
    resource.refresh_from_db()
    assert "okapi" in resource.extracted_text
    assert DBTaskResult.objects.filter(status="FAILED").count() == 1

    roles.ensure_base_roles()
    admin = make_user("trust.admin")
    admin.groups.add(Group.objects.get(name=roles.TRUST_ADMINS))
    client.force_login(admin)
    page = client.get("/admin/reports/jobs/?status=failed")
    assert page.status_code == 200
    assert b"extract_resource_text" in page.content
    assert b"ValueError" in page.content or b"Error" in page.content

    client.force_login(make_user("teacher.c"))
    assert client.get("/admin/reports/jobs/").status_code in {302, 403}
