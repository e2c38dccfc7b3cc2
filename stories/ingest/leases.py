"""One worker at a time: a source or an export schedule is taken for a run by a lease in the
database (a conditional UPDATE), so that several workers never run it twice at once."""

from datetime import timedelta

from django.db.models import Model, Q
from django.utils import timezone


def claim(model: type[Model], pk: int, *, lease: timedelta, due_only: bool):
    """Take row `pk` of `model` (with `claimed_until`, `next_run_at`, `interval_minutes` and a
    `due()` queryset method) for one run: None when another worker holds it or it is not due.
    Sets its next run, so that it is not due again while this run goes on."""
    now = timezone.now()
    rows = model.objects.filter(pk=pk).filter(
        Q(claimed_until__isnull=True) | Q(claimed_until__lt=now)
    )
    if due_only:
        rows = rows.due(now)
    row = rows.first()
    if row is None:
        return None
    claimed = rows.update(
        claimed_until=now + lease, next_run_at=now + timedelta(minutes=row.interval_minutes)
    )
    return model.objects.get(pk=pk) if claimed else None
