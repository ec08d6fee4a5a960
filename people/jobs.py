"""How every app hands work to the task worker (django-tasks; `make worker`).

In the lowest layer because hub and policies both enqueue, and neither may import the other.

- `enqueue_after_commit`: a job is queued only once the transaction that made its data has
  committed. A worker on another connection (or a queue outside the database) could otherwise
  pick it up first and find no row, or the old file. The immediate backend (tests) runs the job
  at once instead: it runs on the same connection, so it sees the uncommitted rows, and a test's
  transaction is never committed.
- `retrying`: a failed job is enqueued again, later, up to TASKS_MAX_ATTEMPTS times; the failed
  attempt stays in the job list with its reason."""

import datetime
import logging

from django.conf import settings
from django.db import transaction
from django.utils import timezone

logger = logging.getLogger(__name__)


def runs_inline(task):
    """True when the task's backend runs it in the caller (the immediate backend)."""
    return not task.get_backend().supports_defer


def enqueue_after_commit(task, *args, **kwargs):
    if runs_inline(task):
        return task.enqueue(*args, **kwargs)
    transaction.on_commit(lambda: task.enqueue(*args, **kwargs), robust=True)
    return None


def retry_delay(attempt):
    """Seconds before attempt `attempt + 1`: 30 s, 2 min, 8 min..."""
    return settings.TASKS_RETRY_BASE_SECONDS * (4 ** (attempt - 1))


def retrying(task, function, *args, attempt=1, give_up_on=(), **kwargs):
    """Run `function(*args, **kwargs)` for `task`; on an exception queue attempt + 1 (when the
    backend can defer and attempts remain) and re-raise, so this attempt is recorded as failed
    with its reason. Exceptions in `give_up_on` (a stuck extraction would be stuck again) are
    recorded without a retry."""
    try:
        return function(*args, **kwargs)
    except Exception as exc:
        if (
            attempt < settings.TASKS_MAX_ATTEMPTS
            and not runs_inline(task)
            and not isinstance(exc, give_up_on)
        ):
            run_after = timezone.now() + datetime.timedelta(seconds=retry_delay(attempt))
            task.using(run_after=run_after).enqueue(*args, attempt=attempt + 1, **kwargs)
            logger.warning("%s failed (attempt %s); retry queued", task.name, attempt)
        raise
