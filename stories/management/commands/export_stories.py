"""export_stories --format … [filters] [--output FILE] — write stories for partners or backups."""

import os
import sys
import tempfile
import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.dateparse import parse_date

from stories.exporters import EXPORTERS, Selection, select_stories, valid_statuses


class Command(BaseCommand):
    help = (
        "Export stories as ninjs (JSON array), NDJSON (ninjs, one per line), CSV, RSS, Atom or "
        "JSON Feed. Only public stories unless --status says otherwise (--status all: a backup)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--format", required=True, choices=sorted(EXPORTERS))
        parser.add_argument("--since", metavar="DATE", help="Published (or created) on or after.")
        parser.add_argument("--until", metavar="DATE", help="Published (or created) on or before.")
        parser.add_argument("--organization", metavar="SLUG", default="")
        parser.add_argument("--tag", metavar="SLUG", default="")
        parser.add_argument("--person", metavar="SLUG", default="")
        parser.add_argument(
            "--status", action="append", default=[], metavar="STATUS",
            help="draft, review, published, unpublished, archived, or all (repeatable).",
        )  # fmt: skip
        parser.add_argument("--output", metavar="FILE", help="Default: standard output.")

    def handle(self, *args, format, since, until, organization, tag, person, status, output,
               **options):  # fmt: skip
        if bad := set(status) - valid_statuses():
            raise CommandError(
                f"--status: expected one of {sorted(valid_statuses())}, got {sorted(bad)}"
            )
        selection = Selection(
            since=_date("--since", since), until=_date("--until", until),
            organization=organization, tag=tag, person=person, statuses=tuple(status),
        )  # fmt: skip
        stories = select_stories(selection)
        total = stories.count()
        exporter = EXPORTERS[format]
        started = time.monotonic()
        if output:
            count = self._to_file(exporter, stories, Path(output), total)
        else:
            count = self._to_stream(exporter, stories, sys.stdout.buffer, total)
        elapsed = time.monotonic() - started
        self.stderr.write(
            f"Exported {count} stories as {format} to {output or 'standard output'} "
            f"in {elapsed:.1f} s."
        )

    def _to_file(self, exporter, stories, path: Path, total: int) -> int:
        """Write next to the target and move into place at the end: never a half-written file."""
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
        try:
            with os.fdopen(handle, "wb") as out:
                count = self._to_stream(exporter, stories, out, total)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        return count

    def _to_stream(self, exporter, stories, out, total: int) -> int:
        progress = _Progress(total, self.stderr) if self.stderr.isatty() else None
        count = 0
        for piece in exporter.write(stories):
            out.write(piece)
            count += piece.count(b"\n") if exporter.name == "ndjson" else 0
            if progress:
                progress.show(count)
        out.flush()
        return count if exporter.name == "ndjson" else total


class _Progress:
    def __init__(self, total: int, stream):
        self.total, self.stream, self.last = total, stream, 0.0

    def show(self, done: int) -> None:
        now = time.monotonic()
        if now - self.last < 0.2 or not self.total:
            return
        self.last = now
        width = 30
        filled = int(width * min(done, self.total) / self.total)
        self.stream.write(
            f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{self.total}", ending=""
        )


def _date(option: str, value: str | None):
    if not value:
        return None
    try:
        parsed = parse_date(value)
    except ValueError:
        parsed = None
    if parsed is None:
        raise CommandError(f"{option}: expected a date (YYYY-MM-DD), got {value!r}")
    return parsed
