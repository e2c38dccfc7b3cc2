"""Save what a source delivered, once: each item becomes (or updates) one draft through the
plain-text importer's loader, and a near-duplicate of a release already received is linked to
that story instead of becoming a second one.

Two workers never ingest one item twice: a source is read by one worker at a time (a lease
taken with a conditional UPDATE), (source, key) and the story's import key are unique, and on
PostgreSQL the duplicate check and the save run under one transaction-level advisory lock, so a
release arriving from two sources at the same moment is compared with the other's.
"""

import hashlib
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import DataError, IntegrityError, connection, transaction
from django.utils import timezone

from stories.importers.errors import ImportNotice, StoryImportError
from stories.importers.loader import CREATED, UNCHANGED, UPDATED, load_story
from stories.importers.plaintext import MAX_HEADLINE, ParsedSource, ParsedStory
from stories.ingest.dedupe import NearDuplicates, content_hash, signature
from stories.ingest.leases import claim
from stories.ingest.models import IngestedItem, IngestSource, SourceKind
from stories.ingest.sources import Reading, Release, SourceError, read_feed, read_payload
from stories.models import Origin, Story

DUPLICATE, FAILED = "duplicate", "failed"
LEASE = timedelta(minutes=10)  # a worker that died frees its source after this
LOCK_KEY = 0x6E657773  # pg_advisory_xact_lock key for the duplicate check ("news")
RECENT = timedelta(days=30)  # releases compared for near-duplicates (the same release
# from two sources arrives within days; the index is built per run, ~0.3 ms an item)
FOLDER_SUFFIXES = (".txt", ".json", ".ndjson")


@dataclass
class IngestedStory(ParsedStory):
    """A release as the loader sees it, keyed by its source and GUID instead of its headline."""

    key: str = ""

    @property
    def import_key(self) -> str:
        return self.key


@dataclass
class Outcome:
    status: str  # created / updated / unchanged / duplicate / failed
    story: Story | None = None
    error: str = ""
    notices: list[ImportNotice] = field(default_factory=list)


@dataclass
class RunReport:
    """One run of one source: what the command prints and the admin shows."""

    source: IngestSource
    seen: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    duplicates: int = 0
    errors: list[str] = field(default_factory=list)
    stories: list[Story] = field(default_factory=list)

    def add(self, outcome: Outcome) -> None:
        self.seen += 1
        if outcome.status == FAILED:
            self.errors.append(outcome.error)
            return
        self.created += outcome.status == CREATED
        self.updated += outcome.status == UPDATED
        self.unchanged += outcome.status == UNCHANGED
        self.duplicates += outcome.status == DUPLICATE
        if outcome.story is not None and outcome.status in (CREATED, UPDATED):
            self.stories.append(outcome.story)

    def as_dict(self) -> dict:
        return {
            "source": self.source.name,
            "seen": self.seen,
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "duplicates": self.duplicates,
            "errors": self.errors,
            "stories": [
                {
                    "id": story.pk,
                    "headline": story.headline,
                    "status": story.status,
                    "organizations": [
                        link.organization.name
                        for link in story.story_organizations.select_related("organization")
                    ],
                }
                for story in self.stories
            ],
        }


class DuplicateIndex(NearDuplicates):
    """The signatures of recent original items, caught up with what other workers stored."""

    def __init__(self):
        super().__init__()
        self.seen_up_to = 0

    def catch_up(self) -> None:
        items = IngestedItem.objects.filter(
            pk__gt=self.seen_up_to,
            story__isnull=False,
            first_seen_at__gte=timezone.now() - RECENT,
        ).values_list("pk", "signature")
        for pk, stored in items.order_by("pk").iterator(chunk_size=1000):
            self.add(pk, stored)
            self.seen_up_to = max(self.seen_up_to, pk)


def claim_source(source_id: int, *, due_only: bool = True) -> IngestSource | None:
    """Take the source for one run, or None when another worker has it (or it is not due).
    Sets its next run, so that it is not due again while this one reads it."""
    return claim(IngestSource, source_id, lease=LEASE, due_only=due_only)


def run_source(source: IngestSource, *, due_only: bool = False) -> RunReport | None:
    """Read the source once and ingest what it delivered. Returns the report (also kept on the
    source for the admin), or None when another worker is reading it. Never raises for what a
    source sends: fetch failures, malformed feeds and refused items become its errors."""
    claimed = claim_source(source.pk, due_only=due_only)
    if claimed is None:
        return None
    report = RunReport(claimed)
    reading = Reading()
    try:
        if claimed.kind == SourceKind.FEED:
            reading = read_feed(claimed)
            ingest_releases(claimed, reading.releases, report)
            report.errors += reading.errors
        elif claimed.kind == SourceKind.FOLDER:
            _run_folder(claimed, report)
    except SourceError as error:
        report.errors.append(str(error))
    finally:
        record_run(claimed, report, reading)
    return report


class PayloadRefused(Exception):
    """Nothing in a webhook's body could be read; `errors` says why, per document."""

    def __init__(self, errors: list[str]):
        self.errors = errors
        super().__init__("; ".join(errors))


def ingest_payload(source: IngestSource, data: bytes, *, name: str, content_type: str = ""):
    """Ingest a webhook body. Returns the report; raises StoryImportError or PayloadRefused
    (nothing written) when the body is neither ninjs nor our plain-text format."""
    reading = read_payload(data, name=name, content_type=content_type)
    if reading.errors and not reading.releases:
        raise PayloadRefused(reading.errors)
    report = RunReport(source, seen=len(reading.errors), errors=reading.errors)
    ingest_releases(source, reading.releases, report)
    return report


def ingest_releases(source: IngestSource, releases: list[Release], report: RunReport) -> None:
    index = DuplicateIndex()
    for release in releases:
        report.add(ingest_release(source, release, index=index))


def ingest_release(source: IngestSource, release: Release, *, index: DuplicateIndex) -> Outcome:
    """Save one release: create its draft, update it, or link it to the story it repeats."""
    if release.page_unchanged:  # its page answered 304 to the validators stored with its item
        item = IngestedItem.objects.filter(source=source, key=release.key).first()
        if item is None:
            return Outcome(FAILED, error=f"{release.url}: 304 Not Modified to a first request")
        item.save(update_fields=["last_seen_at"])
        status = DUPLICATE if item.duplicate_of_id else UNCHANGED
        return Outcome(status, item.story or item.duplicate_of)
    text = release.headline + "\n\n" + "\n\n".join(release.paragraphs)
    fingerprint, minhash = content_hash(text), signature(text)
    try:
        with transaction.atomic():
            if connection.vendor == "postgresql":
                with connection.cursor() as cursor:
                    cursor.execute("SELECT pg_advisory_xact_lock(%s)", [LOCK_KEY])
            item = (
                IngestedItem.objects.select_for_update()
                .filter(source=source, key=release.key)
                .first()
            )
            if item is not None and item.content_hash == fingerprint:
                item.save(update_fields=["last_seen_at"])
                status = DUPLICATE if item.duplicate_of_id else UNCHANGED
                return Outcome(status, item.story or item.duplicate_of)
            if item is None or item.duplicate_of_id:
                index.catch_up()
                if match := _original(index, minhash, item):
                    original, similarity = match
                    item = item or IngestedItem(source=source, key=release.key)
                    item.duplicate_of, item.similarity = original, similarity
                    _fill(item, release, fingerprint, minhash)
                    item.save()
                    return Outcome(DUPLICATE, original)
            result = load_story(
                _parsed(source, release),
                publish=source.is_trusted,
                published_at=release.released_at if source.is_trusted else None,
                origin=Origin.INGESTED,
            )
            item = item or IngestedItem(source=source, key=release.key)
            item.story, item.duplicate_of, item.similarity = result.story, None, None
            _fill(item, release, fingerprint, minhash)
            item.save()
            index.add(item.pk, minhash)
            return Outcome(result.status, result.story, notices=result.notices)
    except (ValidationError, IntegrityError, DataError, StoryImportError) as error:
        where = release.url or release.key
        problem = "; ".join(error.messages) if isinstance(error, ValidationError) else str(error)
        return Outcome(FAILED, error=f"{where}: {problem}")


def _original(index: DuplicateIndex, minhash: bytes, item: IngestedItem | None):
    """(story, similarity) of the stored release this one repeats, or None."""
    match = index.best(minhash)
    if match is None:
        return None
    pk, similarity = match
    original = IngestedItem.objects.select_related("story").filter(pk=pk).first()
    if original is None or original.story is None or (item and original.pk == item.pk):
        return None
    return original.story, round(similarity, 3)


def _fill(item: IngestedItem, release: Release, fingerprint: str, minhash: bytes) -> None:
    item.url = release.url[:1000]
    item.headline = release.headline[:300]
    item.image_url = release.image_url[:1000]
    item.released_at = release.released_at
    item.content_hash, item.signature = fingerprint, minhash
    item.page_etag, item.page_last_modified = release.page_etag, release.page_last_modified


def _parsed(source: IngestSource, release: Release) -> IngestedStory:
    """The release as the loader takes it: the source's organization speaks unless the release
    names its own source (a plain-text release's source line)."""
    key = "ingest:" + hashlib.sha1(f"{source.pk}:{release.key}".encode()).hexdigest()
    notices = list(release.notices)
    parsed = release.parsed
    headline = release.headline
    if len(headline) > MAX_HEADLINE:
        headline = headline[: MAX_HEADLINE - 1].rsplit(" ", 1)[0] + "…"
        notices.append(ImportNotice(release.url, None, "headline shortened to 300 characters"))
    speaks_for = source.organization.name if source.organization else ""
    default_source = ParsedSource(
        line=0,
        attribution=(release.attribution or speaks_for)[:500],
        label=source.name,
        url=release.url if len(release.url) <= 500 else "",
        # The organization the source speaks for; else the first the release itself lists.
        organization=speaks_for or next(iter(release.organizations), ""),
    )
    return IngestedStory(
        path=release.url or source.name,
        headline=headline,
        paragraphs=release.paragraphs,
        image_format=parsed.image_format if parsed else "",
        image_asset_id=parsed.image_asset_id if parsed else "",
        source=parsed.source if parsed and parsed.source else default_source,
        caption=parsed.caption if parsed else "",
        notices=notices,
        key=key,
    )


def _run_folder(source: IngestSource, report: RunReport) -> None:
    folder = Path(source.folder)
    if not folder.is_dir():
        raise SourceError(f"{folder}: not a folder on this server")
    index = DuplicateIndex()
    for path in sorted(p for p in folder.iterdir() if p.suffix.lower() in FOLDER_SUFFIXES):
        try:
            reading = read_payload(path.read_bytes(), name=path.name)
        except (StoryImportError, OSError) as error:
            report.seen += 1
            report.errors.append(str(error))
            _move(path, folder / "refused")
            continue
        errors_before = len(report.errors)
        report.seen += len(reading.errors)
        report.errors += reading.errors
        for release in reading.releases:
            report.add(ingest_release(source, release, index=index))
        _move(path, folder / ("done" if len(report.errors) == errors_before else "refused"))


def _move(path: Path, to: Path) -> None:
    to.mkdir(exist_ok=True)
    target = to / path.name
    if target.exists():
        target = to / f"{path.stem}-{timezone.now():%Y%m%d%H%M%S%f}{path.suffix}"
    path.replace(target)


def record_run(source: IngestSource, report: RunReport, reading: Reading | None = None) -> None:
    """Keep the run's outcome on the source and free it for the next run."""
    fields = {
        "last_run_at": timezone.now(),
        "last_seen": report.seen,
        "last_created": report.created,
        "last_updated": report.updated,
        "last_duplicates": report.duplicates,
        "last_errors": report.errors[:100],
        "claimed_until": None,
    }
    if reading is not None and not reading.not_modified and not report.errors:
        # Only a run without errors may make the next request conditional: an item that
        # failed is read again next time rather than hidden behind a 304.
        fields |= {"etag": reading.etag[:300], "last_modified": reading.last_modified[:100]}
    IngestSource.objects.filter(pk=source.pk).update(**fields)
    for name, value in fields.items():
        setattr(source, name, value)


@transaction.atomic
def dismiss_duplicate(item: IngestedItem) -> IngestedItem:
    """An editor says `item` is not the release its story is: unlink it and forget its
    fingerprint, so that the next run of its source makes it a story of its own (and reads the
    feed in full rather than getting a 304). Returns the item."""
    item.duplicate_of, item.similarity, item.content_hash = None, None, ""
    item.page_etag = item.page_last_modified = ""  # its page is read in full again
    item.save(
        update_fields=["duplicate_of", "similarity", "content_hash", "page_etag",
                       "page_last_modified"]
    )  # fmt: skip
    IngestSource.objects.filter(pk=item.source_id, kind=SourceKind.FEED).update(
        etag="", last_modified="", next_run_at=None
    )
    return item
