"""load_demo — import the demo stories in demo/ and publish them, a few hours apart, with the
tags, organizations and people an editor would add (demo/story-details.json).

Safe to run again: stories already there are updated in place and keep their publish time.
Their quotes are found too (an archive loaded before quotes were found gets them now).
"""

from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from people.resolution import is_known_organization
from people.suggestions import batch
from stories.demo import apply_story_details, read_story_details
from stories.importers.errors import StoryImportError
from stories.importers.loader import load_story
from stories.importers.plaintext import read_story_file
from stories.models import Story
from stories.quotes import store_found_quotes

DEMO_DIR = Path(settings.BASE_DIR) / "demo" / "stories"
DETAILS = Path(settings.BASE_DIR) / "demo" / "story-details.json"


class Command(BaseCommand):
    help = "Import and publish the demo stories."

    def handle(self, *args, **options):
        files = sorted(DEMO_DIR.glob("*.txt"))
        if not files:
            raise CommandError(f"No demo stories in {DEMO_DIR}")
        try:
            details = read_story_details(DETAILS)
        except (OSError, ValueError, KeyError) as error:
            raise CommandError(f"{DETAILS}: not readable story details ({error})") from error
        now = timezone.now()
        counts: dict[str, int] = {}
        with batch():  # one suggestion engine for all the stories, not one per new person
            for age, path in enumerate(reversed(files)):
                self._load(path, age, now, details, counts)
        summary = ", ".join(f"{n} {status}" for status, n in sorted(counts.items()))
        self.stdout.write(self.style.SUCCESS(f"Demo stories: {summary}."))

    def _load(self, path, age, now, details, counts) -> None:
        """Import one demo story, publish it and give it its details."""
        try:
            parsed = read_story_file(path, is_known_organization=is_known_organization)
        except StoryImportError as error:
            raise CommandError(f"Demo story refused: {error}") from error
        is_new = not Story.objects.filter(import_key=parsed.import_key).exists()
        when = now - timedelta(hours=7 * age, minutes=13 * age) if is_new else None
        result = load_story(parsed, publish=True, published_at=when)
        if result.story is not None and result.story.pk:
            store_found_quotes(result.story)  # no write when nothing changed
        counts[result.status] = counts.get(result.status, 0) + 1
        if path.name in details:
            apply_story_details(result.story, details[path.name])
        for notice in result.notices:
            if "not published" in notice.message:
                self.stderr.write(self.style.WARNING(str(notice)))
