"""Ingest sources and the items they delivered (loaded by stories.models)."""

import hashlib
import secrets
from datetime import datetime

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone

from people.models import Organization


class SourceKind(models.TextChoices):
    FEED = "feed", "RSS or Atom feed"
    FOLDER = "folder", "Drop folder"
    WEBHOOK = "webhook", "HTTP endpoint (POST)"


class IngestSourceQuerySet(models.QuerySet):
    def due(self, now: datetime | None = None) -> "IngestSourceQuerySet":
        """Enabled feeds and folders whose next run has come (webhooks are never polled)."""
        now = now or timezone.now()
        return self.filter(
            Q(next_run_at__isnull=True) | Q(next_run_at__lte=now),
            is_enabled=True,
            kind__in=[SourceKind.FEED, SourceKind.FOLDER],
        )


class IngestSource(models.Model):
    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(
        max_length=100, unique=True, help_text="Its address: partners POST to /ingest/<slug>/."
    )
    kind = models.CharField(max_length=10, choices=SourceKind, default=SourceKind.FEED)
    url = models.URLField(max_length=500, blank=True, help_text="The feed's address.")
    folder = models.CharField(
        max_length=500,
        blank=True,
        help_text="A folder on the server. Files dropped there (.txt, .json, .ndjson) are "
        "ingested, then moved to its done/ or refused/ subfolder.",
    )
    organization = models.ForeignKey(
        Organization,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="ingest_sources",
        help_text="Who this source speaks for: the first organization of its releases.",
    )
    interval_minutes = models.PositiveIntegerField(
        default=15, help_text="How often the feed or folder is read."
    )
    is_enabled = models.BooleanField("enabled", default=True)
    is_trusted = models.BooleanField(
        "trusted",
        default=False,
        help_text="Publish its releases at once instead of leaving them as drafts.",
    )
    token_hash = models.CharField(max_length=64, blank=True, editable=False)

    # What the last run left: the next request is conditional (ETag / Last-Modified).
    etag = models.CharField(max_length=300, blank=True, editable=False)
    last_modified = models.CharField(max_length=100, blank=True, editable=False)
    next_run_at = models.DateTimeField(null=True, blank=True)
    claimed_until = models.DateTimeField(
        null=True, blank=True, editable=False, help_text="A worker is reading it until then."
    )
    last_run_at = models.DateTimeField(null=True, blank=True, editable=False)
    last_seen = models.PositiveIntegerField(default=0, editable=False)
    last_created = models.PositiveIntegerField(default=0, editable=False)
    last_updated = models.PositiveIntegerField(default=0, editable=False)
    last_duplicates = models.PositiveIntegerField(default=0, editable=False)
    last_errors = models.JSONField(default=list, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = IngestSourceQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(kind=SourceKind.FEED) | ~Q(url=""), name="feed_source_has_url"
            ),
            models.CheckConstraint(
                condition=~Q(kind=SourceKind.FOLDER) | ~Q(folder=""),
                name="folder_source_has_folder",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def issue_token(self) -> str:
        """A new bearer token for the webhook; returns it (shown once, stored hashed)."""
        token = secrets.token_urlsafe(32)
        self.token_hash = self.hash(token)
        return token

    def accepts_token(self, token: str) -> bool:
        return bool(token and self.token_hash) and secrets.compare_digest(
            self.token_hash, self.hash(token)
        )

    @staticmethod
    def hash(token: str) -> str:
        return hashlib.sha256(token.encode()).hexdigest()


class IngestedItem(models.Model):
    """One release a source delivered: the story it became, or the story it duplicates."""

    source = models.ForeignKey(IngestSource, on_delete=models.CASCADE, related_name="items")
    key = models.CharField(max_length=500, help_text="The item's GUID, else its link.")
    url = models.URLField(max_length=1000, blank=True)
    headline = models.CharField(max_length=300)
    image_url = models.URLField(max_length=1000, blank=True, help_text="The lead image it named.")
    released_at = models.DateTimeField(null=True, blank=True)
    story = models.ForeignKey(
        "stories.Story",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="ingested_items",
    )
    duplicate_of = models.ForeignKey(
        "stories.Story",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="duplicate_items",
        help_text="The story this item repeats (the same release from another source).",
    )
    similarity = models.FloatField(null=True, blank=True, editable=False)
    content_hash = models.CharField(max_length=64, editable=False)
    # The item's page as last read: the next read is conditional (an unchanged page is a 304).
    page_etag = models.CharField(max_length=300, blank=True, editable=False)
    page_last_modified = models.CharField(max_length=100, blank=True, editable=False)
    signature = models.BinaryField(editable=False, help_text="MinHash of its word shingles.")
    first_seen_at = models.DateTimeField(auto_now_add=True)
    last_seen_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-first_seen_at"]
        constraints = [
            models.UniqueConstraint(fields=["source", "key"], name="item_once_per_source")
        ]

    def __str__(self) -> str:
        return self.headline


class ExportFormat(models.TextChoices):
    """The exporters' names (stories.exporters.EXPORTERS), for a schedule to choose from."""

    NINJS = "ninjs", "ninjs (a JSON array)"
    NDJSON = "ndjson", "NDJSON (ninjs, one per line)"
    CSV = "csv", "CSV"
    RSS = "rss", "RSS"
    ATOM = "atom", "Atom"
    JSONFEED = "jsonfeed", "JSON Feed"


# The file name endings a schedule's format allows (the first is the one to suggest).
EXPORT_SUFFIXES = {
    ExportFormat.NINJS: (".json",),
    ExportFormat.NDJSON: (".ndjson", ".jsonl"),
    ExportFormat.CSV: (".csv",),
    ExportFormat.RSS: (".rss", ".xml"),
    ExportFormat.ATOM: (".atom", ".xml"),
    ExportFormat.JSONFEED: (".json",),
}


class ExportScope(models.TextChoices):
    PUBLIC = "public", "Public stories (what partners may see)"
    ALL = "all", "Every story, drafts included (a backup)"


class ExportOutcome(models.TextChoices):
    WRITTEN = "written", "Written"
    FAILED = "failed", "Failed"


class ExportScheduleQuerySet(models.QuerySet):
    def due(self, now: datetime | None = None) -> "ExportScheduleQuerySet":
        """Enabled schedules whose next run has come."""
        now = now or timezone.now()
        return self.filter(Q(next_run_at__isnull=True) | Q(next_run_at__lte=now), is_enabled=True)


class ExportSchedule(models.Model):
    """An export the worker writes again and again: a file in a folder on the server, replaced
    whole at each run (partners or a backup job pick it up from there)."""

    name = models.CharField(max_length=200, unique=True)
    format = models.CharField(max_length=10, choices=ExportFormat, default=ExportFormat.NINJS)
    scope = models.CharField(max_length=10, choices=ExportScope, default=ExportScope.PUBLIC)
    folder = models.CharField(
        max_length=500,
        validators=[RegexValidator(r"^/", "A full path on the server, starting with /.")],
        help_text="A folder on the server, e.g. /srv/exports (created when missing).",
    )
    file_name = models.CharField(
        max_length=200,
        validators=[
            RegexValidator(
                r"^\w[\w.-]*$", "A plain file name: letters, digits, dots, dashes, no folder."
            )
        ],
        help_text="The file written in the folder, e.g. partner-feed.json. It is written "
        "beside and moved into place when complete: a reader never sees half a file.",
    )
    interval_minutes = models.PositiveIntegerField(
        default=60, help_text="How often the file is written again."
    )
    is_enabled = models.BooleanField("enabled", default=True)
    next_run_at = models.DateTimeField(
        null=True, blank=True, help_text="Empty: at the worker's next look (within a minute)."
    )
    claimed_until = models.DateTimeField(null=True, blank=True, editable=False)
    last_run_at = models.DateTimeField(null=True, blank=True, editable=False)
    last_outcome = models.CharField(
        max_length=10, choices=ExportOutcome, blank=True, editable=False
    )
    last_count = models.PositiveIntegerField(default=0, editable=False)
    last_message = models.TextField(blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ExportScheduleQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(file_name__contains="/") & ~Q(file_name__startswith="."),
                name="export_file_name_is_plain",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        # The file is what its name says: an export can never replace a program or a setting.
        suffix = EXPORT_SUFFIXES.get(self.format, ())
        if self.file_name and suffix and not self.file_name.lower().endswith(suffix):
            raise ValidationError(
                {"file_name": f"A {self.get_format_display()} file's name ends in {suffix[0]}."}
            )
