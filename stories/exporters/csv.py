"""CSV for spreadsheets: UTF-8 with a byte-order mark and a header row, one row per story; its
quotes in the last column, one line each.

A cell that a spreadsheet would run as a formula (starting with =, +, -, @, tab or CR) gets a
leading apostrophe (OWASP's advice for CSV injection)."""

import csv
import io
from collections.abc import Iterator

from django.conf import settings
from django.db.models import QuerySet

from stories.exporters.records import StoryRecord, Urls, story_records
from stories.models import Story

COLUMNS = [
    "id", "slug", "url", "headline", "dek", "status", "published_at", "updated_at", "source",
    "source_title", "source_organization", "source_label", "source_url", "organizations",
    "people", "tags", "image_asset_id", "body", "quotes",
]  # fmt: skip
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralize(value: object) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def _row(record: StoryRecord, urls: Urls) -> list[str]:
    row, source = record.row, record.source
    published = row["published_at"]
    return [
        neutralize(v)
        for v in (
            row["pk"], row["slug"], settings.SITE_URL + urls.of("story", row["slug"]),
            row["headline"], row["dek"], row["status"],
            published.isoformat() if published else "", row["updated_at"].isoformat(),
            source.full_name if source else "", source.title if source else "",
            source.organization if source else "", row["source_label"], row["source_url"],
            "; ".join(name for name, _, _, _ in record.organizations),
            "; ".join(person.full_name for person in record.people),
            "; ".join(name for name, _ in record.tags),
            row["image_asset_id"], row["body"], _quotes(record),
        )
    ]  # fmt: skip


def _quotes(record: StoryRecord) -> str:
    """One line per quote: 'Jane Roe (Director): “…”', or '(no speaker): “…”'."""
    lines = []
    for quote in record.quotes:
        speaker = quote.speaker or "(no speaker)"
        if quote.speaker_title:
            speaker += f" ({quote.speaker_title})"
        lines.append(f"{speaker}: \u201c{quote.text}\u201d")
    return "\n".join(lines)


def export_csv(stories: QuerySet[Story]) -> Iterator[bytes]:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(COLUMNS)
    yield "\ufeff".encode() + buffer.getvalue().encode()
    urls = Urls()
    for record in story_records(stories):
        buffer.seek(0)
        buffer.truncate()
        writer.writerow(_row(record, urls))
        yield buffer.getvalue().encode()
