"""import_stories PATH… — import press releases in the plain-text story format."""

import json
from datetime import datetime, time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime

from people import suggestions
from people.resolution import KnownOrganizations, is_known_organization
from stories.importers.batch import load_stories
from stories.importers.errors import StoryImportError, crashed
from stories.importers.loader import LoadResult, load_story
from stories.importers.ninjs import NinjsResult, load_document, read_documents
from stories.importers.plaintext import read_story_file
from stories.importers.scanning import Parsing, Scanner, default_workers
from stories.tagging import parsed_story_text


class Command(BaseCommand):
    help = "Import stories from plain-text files (directories: every *.txt inside)."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH")
        parser.add_argument(
            "--format", choices=["text", "ninjs"], default="text",
            help="text: the plain-text story format (default); ninjs: our ninjs export (the "
            "backup path) or another system's ninjs 2.x/3.x: one document, an array or NDJSON.",
        )  # fmt: skip
        parser.add_argument("--dry-run", action="store_true", help="Report, change nothing.")
        parser.add_argument(
            "--json", action="store_true", dest="as_json", help="Print a JSON report."
        )
        parser.add_argument("--publish", action="store_true", help="Publish the stories.")
        parser.add_argument(
            "--workers", type=int, metavar="N", default=None,
            help="Processes that scan the releases while this one saves them (default: "
            "NEWSROOM_IMPORT_WORKERS, else one per CPU, at most 4; 1: scan here).",
        )  # fmt: skip
        parser.add_argument(
            "--published-at",
            metavar="DATETIME",
            help="Publish time, ISO 8601 (e.g. 2026-11-27T09:30+00:00); local time if no zone.",
        )

    def handle(
        self, *args, paths, format, dry_run, as_json, publish, published_at, workers, **options
    ):
        if workers is not None and workers < 1:
            raise CommandError("--workers takes a number of processes, 1 or more.")
        when = _parse_when(published_at) if published_at else None
        reports = []
        with suggestions.batch():  # one suggestion engine for the whole run
            if format == "ninjs":
                reports = self._import_ninjs(paths, dry_run=dry_run)
            files = _story_files(paths) if format == "text" else []
            if len(files) > 1 and not (dry_run or publish):
                reports += self._import_many(files, workers or default_workers())
            else:
                for path in files:
                    reports.append(
                        self._import_one(path, publish=publish, at=when, dry_run=dry_run)
                    )
        if as_json:
            self.stdout.write(json.dumps(reports, ensure_ascii=False, indent=2))
        else:
            for report in reports:
                self._print(report)
        counts = {}
        for report in reports:
            counts[report["status"]] = counts.get(report["status"], 0) + 1
        summary = ", ".join(f"{n} {status}" for status, n in sorted(counts.items()))
        prefix = "Dry run, nothing saved: " if dry_run else ""
        refused = counts.get("refused", 0)
        if not reports:
            raise CommandError("No story files found (expected .txt files or directories).")
        if refused:
            raise CommandError(f"{prefix}{summary}. {refused} file(s) refused.")
        if not as_json:
            self.stdout.write(self.style.SUCCESS(f"{prefix}{summary}."))

    def _import_ninjs(self, paths, *, dry_run: bool) -> list[dict]:
        reports = []
        for name in paths:
            try:
                documents = list(read_documents(name))
            except StoryImportError as error:
                reports.append({"file": name, "line": None, "status": "refused", "story": None,
                                "warnings": [], "errors": [error.as_dict()]})  # fmt: skip
                continue
            for line, document in documents:
                notices = []
                if isinstance(document, StoryImportError):
                    result_errors, status, story = [document], "refused", None
                else:
                    try:
                        with transaction.atomic():
                            result = load_document(document, path=name, line=line)
                            if dry_run:
                                transaction.set_rollback(True)
                    except Exception as exc:  # noqa: BLE001 (see _crash: logged, refused)
                        result = NinjsResult(line or 0, "refused", errors=[_crash(name, line, exc)])
                    result_errors, status, story = result.errors, result.status, result.story
                    notices = result.notices
                reports.append({
                    "file": name, "line": line, "status": status, "dry_run": dry_run,
                    "story": {"id": None if dry_run else story.pk, "slug": story.slug,
                              "url": f"{settings.SITE_URL}{story.get_absolute_url()}"}
                    if story else None,
                    "headline": story.headline if story else None,
                    "warnings": [n.as_dict() for n in notices],
                    "errors": [e.as_dict() for e in result_errors],
                })  # fmt: skip
        return reports

    def _import_many(self, files: list[Path], workers: int = 1) -> list[dict]:
        """Every file parsed first, then the stories saved in bulk (stories.importers.batch):
        what importing them one by one gives, in a few queries per few hundred files."""
        known = KnownOrganizations()
        parsed, refused = [], {}
        # The files are parsed in worker processes while this one builds the engine's index.
        with Parsing(files, known, workers) as parsing, Scanner(workers, len(files)) as scanner:
            for number, (outcome, asked) in enumerate(parsing.results()):
                known.asked[str(files[number])] = asked
                if isinstance(outcome, StoryImportError):
                    refused[number] = outcome
                else:
                    parsed.append(outcome)
            scanner.prefetch([parsed_story_text(p) for p in parsed])
            outcomes = iter(
                load_stories(
                    parsed,
                    asked=known.asked,
                    reparse=lambda p: read_story_file(
                        p.path, is_known_organization=is_known_organization
                    ),
                    scanner=scanner,
                )
            )
        reports = []
        for number, path in enumerate(files):
            outcome = refused.get(number) or next(outcomes)
            reports.append(self._report(path, outcome, dry_run=False))
        return reports

    def _import_one(self, path: Path, *, publish, at, dry_run) -> dict:
        try:
            parsed = read_story_file(path, is_known_organization=is_known_organization)
            result = load_story(parsed, publish=publish, published_at=at, dry_run=dry_run)
        except StoryImportError as error:
            result = error
        except Exception as exc:  # noqa: BLE001 (see _crash: logged, refused)
            result = _crash(str(path), None, exc)
        return self._report(path, result, dry_run=dry_run)

    def _report(self, path: Path, result: LoadResult | StoryImportError, *, dry_run) -> dict:
        report = {"file": str(path), "status": "refused", "dry_run": dry_run, "story": None}
        if isinstance(result, StoryImportError):
            return report | {"warnings": [], "errors": [result.as_dict()]}
        parsed = result.parsed
        story, source = result.story, parsed.source
        role = story.source_role
        report.update(
            status=result.status,
            story={
                "id": None if dry_run else story.pk,
                "slug": story.slug,
                "url": f"{settings.SITE_URL}{story.get_absolute_url()}" if story.slug else None,
            },
            headline=parsed.headline,
            image=(
                {"format": parsed.image_format, "asset_id": parsed.image_asset_id}
                if parsed.image_asset_id
                else None
            ),
            source=(
                {
                    "name": role.person.full_name if role else None,
                    "nickname": role.person.nickname if role else "",
                    "title": role.title if role else "",
                    "organization": role.organization.name if role and role.organization else None,
                    "label": source.label,
                    "url": source.url or None,
                }
                if source
                else None
            ),
            caption=parsed.caption or None,
            organizations=[organization.name for organization in result.organizations],
            paragraphs=len(parsed.paragraphs),
            warnings=[notice.as_dict() for notice in result.notices],
            errors=[],
        )
        return report

    def _print(self, report: dict) -> None:
        if report["status"] == "refused":
            for error in report["errors"]:
                self.stderr.write(self.style.ERROR(f"refused    {error['text']}"))
            return
        line = report.get("line")
        where = f"{report['file']}, line {line}" if line else report["file"]
        self.stdout.write(f"{report['status']:<10} {where} -> {report['story']['slug']}")
        for warning in report["warnings"]:
            self.stdout.write(self.style.WARNING(f"  warning  {warning['text']}"))


def _crash(path: str, line: int | None, exc: Exception) -> StoryImportError:
    return crashed(path, line, exc)


def _story_files(paths: tuple[str, ...]) -> list[Path]:
    files: list[Path] = []
    for name in paths:
        path = Path(name)
        files.extend(sorted(path.rglob("*.txt")) if path.is_dir() else [path])
    return files


def _parse_when(text: str) -> datetime:
    value = parse_datetime(text)
    if value is None and (day := parse_date(text)) is not None:
        value = datetime.combine(day, time.min)
    if value is None:
        raise CommandError(f"--published-at: expected an ISO 8601 date and time, got {text!r}")
    if timezone.is_naive(value):
        value = timezone.make_aware(value)
    return value
