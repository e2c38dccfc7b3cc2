"""Exports of stories: a format name maps to an exporter, a generator of bytes.

Every exporter takes a queryset (from `select_stories`) and yields the file piece by piece: the
command writes the pieces to a file, the HTTP view streams them. Stories are read in chunks, so
memory stays flat however large the archive.
"""

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, time

from django.db.models import Q, QuerySet
from django.utils import timezone

from stories.exporters import csv as csv_export
from stories.exporters import feeds as feed_export
from stories.exporters import ndjson
from stories.models import Story, StoryStatus

CHUNK = 500


@dataclass(frozen=True)
class Exporter:
    name: str
    content_type: str
    extension: str
    write: Callable[[QuerySet[Story]], Iterator[bytes]]


EXPORTERS = {
    e.name: e
    for e in [
        Exporter("ninjs", "application/json", "json", ndjson.export_ninjs_array),
        Exporter("ndjson", "application/x-ndjson", "ndjson", ndjson.export_ndjson),
        Exporter("csv", "text/csv; charset=utf-8", "csv", csv_export.export_csv),
        Exporter("rss", "application/rss+xml; charset=utf-8", "rss", feed_export.export_rss),
        Exporter("atom", "application/atom+xml; charset=utf-8", "atom", feed_export.export_atom),
        Exporter("jsonfeed", "application/feed+json", "json", feed_export.export_jsonfeed),
    ]
}


@dataclass
class Selection:
    """Which stories to export. Without `statuses`, only public ones: what partners may see."""

    since: date | None = None
    until: date | None = None
    organization: str = ""  # slug
    tag: str = ""  # slug
    person: str = ""  # slug
    statuses: tuple[str, ...] = ()  # "all", or StoryStatus values


def select_stories(selection: Selection) -> QuerySet[Story]:
    if "all" in selection.statuses:
        stories = Story.objects.all()
    elif selection.statuses:
        stories = Story.objects.filter(status__in=selection.statuses)
    else:
        stories = Story.objects.public()
    zone = timezone.get_current_timezone()
    if selection.since:
        start = timezone.make_aware(datetime.combine(selection.since, time.min), zone)
        stories = stories.filter(
            Q(published_at__gte=start) | Q(published_at__isnull=True, created_at__gte=start)
        )
    if selection.until:
        end = timezone.make_aware(datetime.combine(selection.until, time.max), zone)
        stories = stories.filter(
            Q(published_at__lte=end) | Q(published_at__isnull=True, created_at__lte=end)
        )
    if selection.organization:
        stories = stories.filter(story_organizations__organization__slug=selection.organization)
    if selection.tag:
        stories = stories.filter(tags__slug=selection.tag)
    if selection.person:
        stories = stories.quoting(slug=selection.person)
    return Story.objects.filter(pk__in=stories.values("pk")).order_by("published_at", "pk")


def valid_statuses() -> set[str]:
    return set(StoryStatus.values) | {"all"}
