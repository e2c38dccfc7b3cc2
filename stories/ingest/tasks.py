"""Background work on the task queue (the Django Tasks API; `manage.py worker` runs it):
ingest runs, scheduled exports and retagging.

`poll_sources` enqueues one `ingest_source` per due source and one `write_scheduled_export`
per due export schedule, then schedules itself again: the polling is a task like the others,
so several workers share it, and the lease each run takes (ingesting.claim_source,
scheduled_exports.claim_schedule) keeps two workers off one source or one file.
`resuggest_organizations` retags stories: after a registry load (stories.ingest.signals) and
from the story list's "Re-suggest organizations".
"""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django_tasks import TaskResultStatus, task

from stories.ingest.ingesting import run_source
from stories.ingest.models import ExportSchedule, IngestSource
from stories.ingest.retagging import retag_stories
from stories.ingest.scheduled_exports import run_export_schedule
from stories.models import Story


@task()
def ingest_source(source_id: int) -> dict | None:
    """Run one source if it is still due and no other worker has it; the run's counts."""
    source = IngestSource.objects.filter(pk=source_id).first()
    report = run_source(source, due_only=True) if source else None
    if report is None:
        return None
    return {k: v for k, v in report.as_dict().items() if k != "stories"}


@task()
def write_scheduled_export(schedule_id: int) -> dict | None:
    """Write one scheduled export if it is still due and no other worker has it; its outcome."""
    schedule = run_export_schedule(schedule_id, due_only=True)
    if schedule is None:
        return None
    return {
        "schedule": schedule.name,
        "outcome": schedule.last_outcome,
        "count": schedule.last_count,
        "message": schedule.last_message,
    }


@task()
def resuggest_organizations(story_ids: list[int] | None = None) -> dict:
    """Add the organizations the engine now finds to the stories (all of them without
    `story_ids`). Returns {"stories", "touched", "added"}."""
    stories = Story.objects.all() if story_ids is None else Story.objects.filter(pk__in=story_ids)
    return retag_stories(stories).as_dict()


@task()
def poll_sources() -> int:
    """Enqueue a run of every due source and every due export, and the next poll. Returns how
    many runs were enqueued."""
    due = list(IngestSource.objects.due().values_list("pk", flat=True))
    for source_id in due:
        ingest_source.enqueue(source_id)
    exports = list(ExportSchedule.objects.due().values_list("pk", flat=True))
    for schedule_id in exports:
        write_scheduled_export.enqueue(schedule_id)
    schedule_polling(after=timedelta(seconds=settings.INGEST_POLL_SECONDS))
    return len(due) + len(exports)


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
