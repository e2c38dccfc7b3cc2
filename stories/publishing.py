"""The editorial workflow: draft → in review → published (now or scheduled) → unpublished or
archived, and back to draft. Who may do what, and the checks before publishing.

Every transition is one function: it checks the permission, validates, saves in one transaction,
records a revision (with who and why) and returns the story. The admin's buttons and bulk
actions call these; nothing else changes a story's status.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

import reversion
from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from stories.models import Story, StoryStatus

S = StoryStatus


@dataclass(frozen=True)
class Transition:
    """One move of the workflow and the function that performs it: the admin's buttons and its
    bulk actions both dispatch through `TRANSITIONS[name].perform(story, by=…, **options)`."""

    name: str
    label: str
    sources: tuple[str, ...]
    target: str
    permission: str | None  # None: the author of a draft, or anyone who may change stories
    perform: Callable[..., Story]
    done: str  # what the messages say afterwards: "Published"
    bulk_label: str = ""  # offered as a changelist action with this description, if set


def can_edit(user: AbstractBaseUser, story: Story | None) -> bool:
    """Editors edit everything; reporters their own drafts (and new stories)."""
    if user.has_perm("stories.publish_story"):
        return user.has_perm("stories.change_story")
    if not user.has_perm("stories.change_story"):
        return False
    return story is None or (story.created_by_id == user.pk and story.status == S.DRAFT)


def allowed_transitions(user: AbstractBaseUser, story: Story) -> list[Transition]:
    """The transitions `user` may apply to `story` now, for the buttons on its form."""
    return [t for t in TRANSITIONS.values() if _may(user, story, t)]


def _may(user: AbstractBaseUser, story: Story, transition: Transition) -> bool:
    if story.status not in transition.sources:
        return False
    if transition.permission is None:
        return can_edit(user, story)
    return user.has_perm(transition.permission)


def _check(user: AbstractBaseUser | None, story: Story, name: str) -> Transition:
    """Raise unless `user` may apply transition `name` now. `user` None is the command line
    (imports run by staff on the server): the state rules still apply, the permissions not."""
    transition = TRANSITIONS[name]
    if story.status not in transition.sources:
        raise ValidationError(
            f"“{transition.label}” is not possible for a story that is "
            f"{story.get_status_display().lower()}."
        )
    if user is not None and not _may(user, story, transition):
        raise PermissionDenied(f"You may not {transition.label.lower()} this story.")
    return transition


def publication_problems(story: Story) -> list[str]:
    """What stops `story` from being published; empty when it may go live."""
    problems = []
    if not story.headline.strip():
        problems.append("It needs a headline.")
    if not story.body.strip():
        problems.append("It needs a body.")
    if settings.REQUIRE_ORGANIZATION_TO_PUBLISH and not story.story_organizations.exists():
        problems.append("Tag at least one organization in “Organizations in this story”.")
    if story.lead_image and not story.image_alt.strip():
        problems.append("Describe the lead image in its alt text.")
    return problems


def _save(story: Story, by: AbstractBaseUser | None, comment: str, fields: list[str]) -> Story:
    story.version += 1
    story.full_clean(exclude=["slug"])
    with reversion.create_revision():
        story.save(update_fields=[*fields, "version", "updated_at"])
        if by is not None:
            reversion.set_user(by)
        reversion.set_comment(comment)
    return story


@transaction.atomic
def submit_for_review(
    story: Story,
    *,
    by: AbstractBaseUser,
    reviewer: AbstractBaseUser | None = None,
    due_at: datetime | None = None,
    note: str = "",
) -> Story:
    """Hand a draft to the editors, optionally to one reviewer, by a time, with a note."""
    _check(by, story, "submit")
    story.status = S.IN_REVIEW
    story.reviewer, story.review_due_at, story.review_note = reviewer, due_at, note
    comment = (
        "Submitted for review"
        + (f" to {reviewer}" if reviewer else "")
        + (f": {note}" if note else "")
    )
    return _save(story, by, comment, ["status", "reviewer", "review_due_at", "review_note"])


@transaction.atomic
def send_back(story: Story, *, by: AbstractBaseUser, note: str = "") -> Story:
    """Return a story in review to its reporter as a draft, with a note saying why."""
    _check(by, story, "send_back")
    story.status = S.DRAFT
    story.review_note = note
    story.reviewer, story.review_due_at = None, None
    comment = "Sent back to the reporter" + (f": {note}" if note else "")
    return _save(story, by, comment, ["status", "review_note", "reviewer", "review_due_at"])


@transaction.atomic
def publish_story(
    story: Story, *, by: AbstractBaseUser | None, at: datetime | None = None
) -> Story:
    """Make `story` public from `at` (a future time schedules it), else now. First publication
    sets `published_at`; republishing keeps it unless a time is given."""
    name = "schedule" if at is not None and at > timezone.now() else "publish"
    _check(by, story, name)
    if problems := publication_problems(story):
        raise ValidationError(problems)
    story.status = S.PUBLISHED
    story.published_at = at or story.published_at or timezone.now()
    story.reviewer, story.review_due_at = None, None
    when = (
        ""
        if story.published_at <= timezone.now()
        else f" for {story.published_at:%Y-%m-%d %H:%M %Z}"
    )
    return _save(
        story, by, f"{'Scheduled' if when else 'Published'}{when}",
        ["status", "published_at", "reviewer", "review_due_at"],
    )  # fmt: skip


@transaction.atomic
def unpublish_story(story: Story, *, by: AbstractBaseUser) -> Story:
    _check(by, story, "unpublish")
    story.status = S.UNPUBLISHED
    return _save(story, by, "Unpublished", ["status"])


@transaction.atomic
def archive_story(story: Story, *, by: AbstractBaseUser) -> Story:
    _check(by, story, "archive")
    story.status = S.ARCHIVED
    return _save(story, by, "Archived", ["status"])


@transaction.atomic
def return_to_draft(story: Story, *, by: AbstractBaseUser) -> Story:
    _check(by, story, "to_draft")
    story.status = S.DRAFT
    return _save(story, by, "Returned to draft", ["status"])


MATERIAL_FIELDS = ("headline", "dek", "body")


def note_material_change(story: Story, changed_fields: list[str]) -> None:
    """A public story whose source changed its text (a release imported again) shows readers
    when it was updated."""
    if set(changed_fields) & set(MATERIAL_FIELDS):
        mark_updated(story)


def mark_updated(story: Story) -> None:
    """A public story shows readers it was updated, now (its dateModified)."""
    if story.is_public:
        story.revised_at = timezone.now()


TRANSITIONS = {
    t.name: t
    for t in [
        Transition("submit", "Submit for review", (S.DRAFT,), S.IN_REVIEW, None,
                   submit_for_review, "Submitted for review", "Submit selected for review"),
        Transition("send_back", "Send back to the reporter", (S.IN_REVIEW,), S.DRAFT,
                   "stories.review_story", send_back, "Sent back"),
        Transition("publish", "Publish", (S.DRAFT, S.IN_REVIEW, S.UNPUBLISHED), S.PUBLISHED,
                   "stories.publish_story", publish_story, "Published",
                   "Publish selected stories"),
        Transition("schedule", "Schedule", (S.DRAFT, S.IN_REVIEW, S.UNPUBLISHED, S.PUBLISHED),
                   S.PUBLISHED, "stories.publish_story", publish_story, "Scheduled"),
        Transition("unpublish", "Unpublish", (S.PUBLISHED,), S.UNPUBLISHED,
                   "stories.publish_story", unpublish_story, "Unpublished",
                   "Unpublish selected stories"),
        Transition("archive", "Archive", (S.PUBLISHED, S.UNPUBLISHED), S.ARCHIVED,
                   "stories.publish_story", archive_story, "Archived", "Archive selected stories"),
        Transition("to_draft", "Back to draft", (S.UNPUBLISHED, S.ARCHIVED), S.DRAFT,
                   "stories.publish_story", return_to_draft, "Returned to draft"),
    ]
}  # fmt: skip
