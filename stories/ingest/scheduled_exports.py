"""Scheduled exports: the worker writes an ExportSchedule's file (any exporter's format) into
its folder, whole or not at all, and keeps the outcome on the schedule for the admin.

A run takes a lease like a source's (a conditional UPDATE), so two workers never write the
same schedule at once.
"""

import os
import tempfile
import time
from collections.abc import Iterable
from datetime import timedelta
from pathlib import Path

from django.utils import timezone

from stories.exporters import EXPORTERS, Selection, select_stories
from stories.ingest.leases import claim
from stories.ingest.models import ExportOutcome, ExportSchedule, ExportScope

LEASE = timedelta(minutes=30)  # a worker that died while writing frees the schedule after this


def claim_schedule(schedule_id: int, *, due_only: bool = True) -> ExportSchedule | None:
    """Take the schedule for one run, or None when another worker has it (or it is not due).
    Sets its next run, so that it is not due again while this one writes."""
    return claim(ExportSchedule, schedule_id, lease=LEASE, due_only=due_only)


def run_export_schedule(schedule_id: int, *, due_only: bool = True) -> ExportSchedule | None:
    """Write the schedule's file once. Returns the schedule with its last run's outcome, or None
    when it was not due or another worker has it. A folder that cannot be written is the run's
    failure (kept on the schedule), never an exception."""
    schedule = claim_schedule(schedule_id, due_only=due_only)
    if schedule is None:
        return None
    exporter = EXPORTERS[schedule.format]
    statuses = ("all",) if schedule.scope == ExportScope.ALL else ()
    stories = select_stories(Selection(statuses=statuses))
    target = Path(schedule.folder) / schedule.file_name
    started = time.monotonic()
    outcome, count, message = ExportOutcome.FAILED, 0, ""
    try:
        count = stories.count()
        size = write_atomically(target, exporter.write(stories))
        outcome = ExportOutcome.WRITTEN
        message = (
            f"{count} stories written to {target} ({size:,} bytes) "
            f"in {time.monotonic() - started:.1f} s."
        )
    except OSError as error:
        message = f"{target}: {error.strerror or error}; the previous file, if any, is kept."
    finally:
        fields = {
            "last_run_at": timezone.now(),
            "last_outcome": outcome,
            "last_count": count,
            "last_message": message,
            "claimed_until": None,
        }
        ExportSchedule.objects.filter(pk=schedule.pk).update(**fields)
        for name, value in fields.items():
            setattr(schedule, name, value)
    return schedule


def write_atomically(path: Path, pieces: Iterable[bytes]) -> int:
    """Write `pieces` to a temporary file beside `path`, then move it into place. Returns the
    size in bytes; raises OSError (leaving `path` as it was) when the folder cannot be written."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    size = 0
    try:
        with os.fdopen(handle, "wb") as out:
            for piece in pieces:
                out.write(piece)
                size += len(piece)
        os.chmod(temporary, 0o644)  # mkstemp makes it private; the file is for others to read
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return size
