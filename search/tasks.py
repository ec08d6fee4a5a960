"""Search statistics written by the worker, not in the request (issue 16.3): a search hands
one job to the worker instead of three to five writes of its own, so searching does not queue
behind the database's writers (SQLite has one) and the report's rows are counted all the same."""

import datetime

from django_tasks import task
from wagtail.contrib.search_promotions.models import Query

from people.jobs import enqueue_after_commit

from .models import SearchLog


@task()
def record_search(query, results, day):
    """Count one search of `query` on `day` (ISO date) that found `results` things."""
    date = datetime.date.fromisoformat(day)
    Query.get(query).add_hit(date=date)
    SearchLog.record(query, results, day=date)


def log_search(query, results, day):
    enqueue_after_commit(record_search, query, results, day.isoformat())
