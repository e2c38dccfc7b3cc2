"""CSV for spreadsheets: UTF-8 with a byte-order mark and a header row, one row per story.

A cell that a spreadsheet would run as a formula (starting with =, +, -, @, tab or CR) gets a
leading apostrophe (OWASP's advice for CSV injection)."""

import csv
import io
from collections.abc import Iterator

from django.conf import settings
from django.db.models import QuerySet

from stories.models import Story

COLUMNS = [
    "id", "slug", "url", "headline", "dek", "status", "published_at", "updated_at", "source",
    "source_title", "source_organization", "source_label", "source_url", "organizations",
    "people", "tags", "image_asset_id", "body",
]  # fmt: skip
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralize(value: object) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def _row(story: Story) -> list[str]:
    role = story.source_role
    return [
        neutralize(v)
        for v in (
            story.pk, story.slug, settings.SITE_URL + story.get_absolute_url(), story.headline,
            story.dek, story.status,
            story.published_at.isoformat() if story.published_at else "",
            story.updated_at.isoformat(),
            role.person.full_name if role else "", role.title if role else "",
            role.organization.name if role and role.organization_id else "",
            story.source_label, story.source_url,
            "; ".join(link.organization.name for link in story.story_organizations.all()),
            "; ".join(link.person.full_name for link in story.story_people.all()),
            "; ".join(sorted(tag.name for tag in story.tags.all())),
            story.image_asset_id, story.body,
        )
    ]  # fmt: skip


def export_csv(stories: QuerySet[Story]) -> Iterator[bytes]:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(COLUMNS)
    yield "\ufeff".encode() + buffer.getvalue().encode()
    for story in stories.for_export().iterator(chunk_size=500):
        buffer.seek(0)
        buffer.truncate()
        writer.writerow(_row(story))
        yield buffer.getvalue().encode()
