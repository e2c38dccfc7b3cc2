"""Corrections, clarifications and update notes on published stories: adding and retracting.

A note is what tells readers that a published story changed and how: it is dated, shown on the
story page, in its structured data, feeds and exports, and listed on /corrections/. Adding one
moves the story's "Updated" time (its dateModified); a silent typo fix does not. A note is never
deleted: a retraction keeps it, marked as withdrawn, with the reason.
"""

from datetime import datetime

import reversion
from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from newsroom.text import normalize_newlines
from stories.models import Correction, CorrectionKind, Story

PERMISSION = "stories.add_correction"


def may_correct(user: AbstractBaseUser | None) -> bool:
    return user is not None and user.has_perm(PERMISSION)


@transaction.atomic
def add_correction(
    story: Story,
    *,
    kind: str,
    text: str,
    by: AbstractBaseUser | None,
    at: datetime | None = None,
) -> Correction:
    """Add a note to a published story and make `at` (default now) its "Updated" time.

    Raises PermissionDenied unless `by` may correct stories (Editors; None is the system, e.g. a
    restore), ValidationError when the story is not published or the note is empty.
    """
    if by is not None and not may_correct(by):
        raise PermissionDenied("Only editors may add corrections and updates.")
    if story.published_at is None or story.status != "published":
        raise ValidationError("Corrections and updates are for published stories.")
    correction = Correction(
        story=story,
        kind=kind or CorrectionKind.CORRECTION,
        text=normalize_newlines(text or "").strip(),
        published_at=at or timezone.now(),
        created_by=by if by is not None and by.is_authenticated else None,
    )
    correction.full_clean(exclude=["story", "revision"])
    correction.save()
    Story.objects.filter(pk=story.pk).update(
        revised_at=correction.published_at, updated_at=timezone.now()
    )
    story.revised_at = correction.published_at
    if reversion.is_active():
        reversion.set_comment(f"{correction.get_kind_display()} added.")
    return correction


@transaction.atomic
def retract_correction(
    correction: Correction, *, note: str, by: AbstractBaseUser | None
) -> Correction:
    """Withdraw a note: readers keep seeing it, marked as retracted, with `note` saying why."""
    if by is not None and not may_correct(by):
        raise PermissionDenied("Only editors may retract corrections and updates.")
    note = normalize_newlines(note or "").strip()
    if not note:
        raise ValidationError({"retraction_note": "Say why the note is withdrawn."})
    if correction.is_retracted:
        raise ValidationError("This note is already retracted.")
    correction.retracted_at = timezone.now()
    correction.retraction_note = note
    correction.save(update_fields=["retracted_at", "retraction_note"])
    Story.objects.filter(pk=correction.story_id).update(updated_at=timezone.now())
    return correction


def attach_to_revision(corrections: list[Correction]) -> None:
    """Link notes just added to their story's latest revision (the one saved with them)."""
    from reversion.models import Version

    if not corrections:
        return
    version = Version.objects.get_for_object(corrections[0].story).first()
    if version:
        Correction.objects.filter(pk__in=[c.pk for c in corrections]).update(
            revision=version.revision_id
        )
