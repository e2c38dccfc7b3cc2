"""Old addresses keep working: a story whose slug changes keeps a 301 from every earlier slug."""

from django.db import transaction

from stories.models import OldSlug, Story


@transaction.atomic
def record_slug_change(story: Story, old_slug: str) -> None:
    """Remember `old_slug` for `story` (its slug has just changed). A slug a story uses now is
    never a redirect, so the story that takes an old slug over wins it."""
    OldSlug.objects.filter(slug=story.slug).delete()
    if old_slug and old_slug != story.slug:
        OldSlug.objects.update_or_create(slug=old_slug, defaults={"story": story})


def story_for_old_slug(slug: str) -> Story | None:
    """The story that used to live at `slug`, if any."""
    old = OldSlug.objects.select_related("story").filter(slug=slug).first()
    return old.story if old else None
