"""Admin report "Background jobs": what the worker has queued, is running, finished or failed
(with the reason), for trust administrators. Read-only: a job is retried by the worker itself
(people/jobs.py), not from here."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from people.visibility import is_trust_admin

STATUSES = {
    "ready": TaskResultStatus.READY,
    "running": TaskResultStatus.RUNNING,
    "failed": TaskResultStatus.FAILED,
    "successful": TaskResultStatus.SUCCESSFUL,
}
SHOWN = 200


def can_see_jobs(user):
    return user.is_active and is_trust_admin(user)


def _reason(job):
    if not job.traceback:
        return ""
    last = job.traceback.strip().splitlines()[-1]
    return last[:300]


def jobs_report(request):
    if not can_see_jobs(request.user):
        raise PermissionDenied
    wanted = request.GET.get("status", "")
    jobs = DBTaskResult.objects.order_by("-enqueued_at")
    if wanted in STATUSES:
        jobs = jobs.filter(status=STATUSES[wanted])
    else:
        wanted = ""
    counts = {
        name: DBTaskResult.objects.filter(status=value).count() for name, value in STATUSES.items()
    }
    rows = [
        {
            "task": job.task_path.rsplit(".", 1)[-1],
            "status": job.get_status_display(),
            "enqueued_at": job.enqueued_at,
            "started_at": job.started_at,
            "finished_at": job.finished_at,
            "attempt": (job.args_kwargs.get("kwargs") or {}).get("attempt", 1),
            "arguments": job.args_kwargs,
            "reason": _reason(job),
        }
        for job in jobs[:SHOWN]
    ]
    return render(
        request,
        "intranet/jobs.html",
        {"rows": rows, "counts": counts, "wanted": wanted, "shown": SHOWN},
    )
