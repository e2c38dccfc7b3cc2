"""retag_stories — add the engine's suggestions across the archive (after an alias is added).

Only adds: an organization an editor tagged, reordered or rejected is left as it is. The
worker does the same in the background after a registry load (stories.ingest.tasks). The
quotes are found again too: the ones an editor confirmed or corrected are left as they are.
"""

from datetime import datetime, time

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.dateparse import parse_date

from people.models import Organization
from stories.ingest.retagging import retag_stories
from stories.models import Story


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
        stories = Story.objects.all()
        if since:
            day = parse_date(since)
            if day is None:
                raise CommandError(f"--since: expected a date (YYYY-MM-DD), got {since!r}")
            stories = stories.filter(
                updated_at__gte=timezone.make_aware(datetime.combine(day, time.min))
            )
        report = retag_stories(stories, only=only, dry_run=dry_run)
        for line in report.lines:
            self.stdout.write(f"{'would add' if dry_run else 'added'} to {line}")
        verb = "Would add" if dry_run else "Added"
        self.stdout.write(
            self.style.SUCCESS(f"{verb} {report.added} organizations to {report.touched} stories.")
        )
        noun = "stories have quotes" if dry_run else "stories' quotes found again"
        self.stdout.write(f"{report.quoted} {noun}.")
