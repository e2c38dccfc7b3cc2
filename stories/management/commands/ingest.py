"""ingest — run ingest sources: one feed (--feed URL, created when new) or every due source."""

import json

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from newsroom.slugs import unique_slug
from people.models import Organization
from stories.ingest.ingesting import RunReport, run_source
from stories.ingest.models import IngestSource, SourceKind


class Command(BaseCommand):
    help = (
        "Ingest press releases. With --feed URL: create that feed's source when new and run it "
        "once. Alone: run every enabled source whose polling interval has passed, once."
    )

    def add_arguments(self, parser):
        parser.add_argument("--feed", metavar="URL", help="An RSS or Atom feed's address.")
        parser.add_argument("--name", help="The source's name (default: the feed's address).")
        parser.add_argument(
            "--organization", metavar="SLUG", help="The organization the source speaks for."
        )
        parser.add_argument(
            "--once", action="store_true", help="Run once and exit (the only mode here)."
        )
        parser.add_argument(
            "--json", action="store_true", dest="as_json", help="Print a JSON report."
        )

    def handle(self, *args, feed, name, organization, once, as_json, **options):
        if feed:
            source = self._feed_source(feed, name=name, organization=organization)
            report = run_source(source)
            if report is None:
                raise CommandError(f"{source.name}: another worker is reading it; try again.")
            reports = [report]
        else:
            if name or organization:
                raise CommandError("--name and --organization go with --feed.")
            reports = [
                report
                for source in IngestSource.objects.due()
                if (report := run_source(source, due_only=True)) is not None
            ]
        if as_json:
            data = [r.as_dict() for r in reports]
            self.stdout.write(json.dumps(data[0] if feed else data, ensure_ascii=False, indent=2))
        else:
            for report in reports:
                self._print(report)
            if not reports:
                self.stdout.write("No source is due.")

    def _feed_source(self, url: str, *, name: str | None, organization: str | None):
        speaks_for = None
        if organization:
            if (speaks_for := Organization.objects.filter(slug=organization).first()) is None:
                raise CommandError(f"--organization: no organization has the slug {organization!r}")
        source = IngestSource.objects.filter(kind=SourceKind.FEED, url=url).first()
        if source is None:
            name = name or url
            if IngestSource.objects.filter(name=name).exists():
                raise CommandError(f"--name: another source is already called {name!r}")
            source = IngestSource(kind=SourceKind.FEED, url=url, name=name[:200])
            source.slug = unique_slug(IngestSource, name)
        elif name and name != source.name:
            source.name = name[:200]
        if speaks_for is not None:
            source.organization = speaks_for
        try:
            source.full_clean()
        except ValidationError as error:
            raise CommandError(f"--feed: {'; '.join(error.messages)}") from error
        source.save()
        return source

    def _print(self, report: RunReport) -> None:
        self.stdout.write(
            f"{report.source.name}: {report.seen} seen, {report.created} created, "
            f"{report.updated} updated, {report.duplicates} duplicates, "
            f"{len(report.errors)} errors"
        )
        for error in report.errors:
            self.stderr.write(self.style.ERROR(f"  error  {error}"))
