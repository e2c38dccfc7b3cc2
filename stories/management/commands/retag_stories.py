"""retag_stories — add the engine's suggestions across the archive (after an alias is added).

Only adds: an organization an editor tagged, reordered or rejected is left as it is. The quotes
are found again too: the ones an editor confirmed or corrected are left as they are.
"""

from datetime import datetime, time

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone
from django.utils.dateparse import parse_date

from people.models import Organization
from stories.models import Origin, Story
from stories.organizations import story_suggestions, tag_organization
from stories.quotes import find_story_quotes, store_found_quotes


class Command(BaseCommand):
    help = "Tag stories with organizations the suggestion engine finds and they lack."

    def add_arguments(self, parser):
        parser.add_argument("--organization", metavar="SLUG", help="Only add this organization.")
        parser.add_argument("--since", metavar="DATE", help="Stories changed on or after DATE.")
        parser.add_argument("--dry-run", action="store_true", help="Report, change nothing.")

    def handle(self, *args, organization, since, dry_run, **options):
        only = None
        if organization:
            only = Organization.objects.filter(slug=organization).first()
            if only is None:
                raise CommandError(
                    f"--organization: no organization with the slug {organization!r}"
                )
        stories = Story.objects.order_by("pk")
        if since:
            day = parse_date(since)
            if day is None:
                raise CommandError(f"--since: expected a date (YYYY-MM-DD), got {since!r}")
            stories = stories.filter(
                updated_at__gte=timezone.make_aware(datetime.combine(day, time.min))
            )
        added = touched = quoted = 0
        related = stories.select_related("source_role__person", "source_role__organization")
        for story in related.iterator(chunk_size=200):
            if dry_run:
                quoted += bool(find_story_quotes(story))
            else:
                quoted += store_found_quotes(story)
            open_ = story_suggestions(story).organizations
            ids = [s.entry.id for s in open_ if only is None or s.entry.id == only.pk]
            if not ids:
                continue
            touched += 1
            added += len(ids)
            names = ", ".join(s.entry.name for s in open_ if s.entry.id in ids)
            self.stdout.write(f"{'would add' if dry_run else 'added'} to {story.slug}: {names}")
            if not dry_run:
                organizations = Organization.objects.in_bulk(ids)
                with transaction.atomic():
                    for organization_id in ids:
                        tag_organization(
                            story, organizations[organization_id], origin=Origin.IMPORTED, by=None
                        )
        verb = "Would add" if dry_run else "Added"
        self.stdout.write(self.style.SUCCESS(f"{verb} {added} organizations to {touched} stories."))
        if dry_run:
            self.stdout.write(f"{quoted} stories have quotes.")
        else:
            self.stdout.write(f"Found the quotes of {quoted} stories again.")
