"""Running queued background jobs inside a test, as the worker would."""

from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult


def run_queued_jobs():
    """What `manage.py db_worker --batch` does, minus its exclusive transaction (which SQLite
    refuses inside the test's transaction)."""
    worker = Worker(
        queue_names=["*"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test",
    )
    while job := DBTaskResult.objects.ready().order_by("enqueued_at").first():
        job.claim("test")
        worker.run_task(job)
