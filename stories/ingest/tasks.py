"""Ingest on the task queue (the Django Tasks API; `manage.py worker` runs it).

`poll_sources` enqueues one `ingest_source` per due source, then schedules itself again: the
polling is a task like the others, so several workers share it, and the lease each run takes
(ingesting.claim_source) keeps two workers off one source.
"""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django_tasks import TaskResultStatus, task

from stories.ingest.ingesting import run_source
from stories.ingest.models import IngestSource


@task()
def ingest_source(source_id: int) -> dict | None:
    """Run one source if it is still due and no other worker has it; the run's counts."""
    source = IngestSource.objects.filter(pk=source_id).first()
    report = run_source(source, due_only=True) if source else None
    if report is None:
        return None
    return {k: v for k, v in report.as_dict().items() if k != "stories"}


@task()
def poll_sources() -> int:
    """Enqueue a run of every due source, and the next poll. Returns how many were enqueued."""
    due = list(IngestSource.objects.due().values_list("pk", flat=True))
    for source_id in due:
        ingest_source.enqueue(source_id)
    schedule_polling(after=timedelta(seconds=settings.INGEST_POLL_SECONDS))
    return len(due)


def schedule_polling(*, after: timedelta = timedelta(0)) -> bool:
    """Enqueue the next poll unless one is already waiting. Returns whether it enqueued one."""
    if _poll_waiting():
        return False
    if poll_sources.get_backend().supports_defer and after:
        poll_sources.using(run_after=timezone.now() + after).enqueue()
    else:
        poll_sources.enqueue()
    return True


def _poll_waiting() -> bool:
    """Whether a poll is queued (the database backend can tell; others always enqueue)."""
    from django_tasks_db.backend import DatabaseBackend
    from django_tasks_db.models import DBTaskResult

    if not isinstance(poll_sources.get_backend(), DatabaseBackend):
        return False
    return DBTaskResult.objects.filter(
        task_path=poll_sources.module_path, status=TaskResultStatus.READY
    ).exists()
