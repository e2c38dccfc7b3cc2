"""Stories and the organizations and people in them."""

import hashlib
import re
import secrets
from functools import partial

import reversion
from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import Q
from django.db.models.functions import Upper
from django.urls import reverse
from django.utils import timezone
from taggit.managers import TaggableManager
from taggit.models import Tag, TaggedItem

from newsroom.slugs import save_with_unique_slug
from newsroom.text import normalize_newlines
from newsroom.web_addresses import WebURLField
from people.models import Organization, Person, Role


class StoryStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    IN_REVIEW = "review", "In review"
    PUBLISHED = "published", "Published"  # or scheduled, while published_at is in the future
    UNPUBLISHED = "unpublished", "Unpublished"
    ARCHIVED = "archived", "Archived"


class ImageFormat(models.TextChoices):
    WEBP = "webp", "WebP"
    JPEG = "jpeg", "JPEG"
    PNG = "png", "PNG"
    GIF = "gif", "GIF"
    AVIF = "avif", "AVIF"


class Origin(models.TextChoices):
    TYPED = "typed", "Typed by an editor"
    SUGGESTED = "suggested", "Accepted suggestion"
    IMPORTED = "imported", "Imported"
    INGESTED = "ingested", "Ingested from a source"


# Where a sentence may end: ".", "!" or "?" (maybe closing a quote), a space, then a capital or
# an opening quote. `first_sentence` skips the ends that follow an abbreviation ("U.S.", "Dr.").
SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"”’)]))\s+(?=[\"“‘(]?[A-Z])")
ABBREVIATION = re.compile(
    r"(?:\b[A-Z]|[A-Za-z]\.[A-Za-z]|\b(?:Mr|Mrs|Ms|Dr|St|Sen|Rep|Gen|Jr|Sr|No))\.$"
)


def first_sentence(text: str) -> str:
    """`text` up to the end of its first sentence (all of it when no end is found)."""
    for end in SENTENCE_END.finditer(text):
        if not ABBREVIATION.search(text[: end.start()]):
            return text[: end.start()]
    return text


def summary_of(dek: str, body: str) -> str:
    """What a card shows under the headline: the dek, else the first sentence of the body's
    first paragraph (Story.summary; story cards call it with the two columns)."""
    if dek := dek.strip():
        return dek
    for paragraph in normalize_newlines(body).split("\n\n"):
        if paragraph := paragraph.strip():
            return first_sentence(paragraph)
    return ""


# The story's free-text fields: their line endings are normalized to "\n" on every save.
TEXT_FIELDS = (
    "headline", "dek", "body", "image_alt", "image_credit", "image_caption",
    "source_attribution", "source_label", "review_note",
)  # fmt: skip


class StoryQuerySet(models.QuerySet):
    def public(self) -> "StoryQuerySet":
        """The one definition of what readers may see: published, and its time has come."""
        return self.filter(status=StoryStatus.PUBLISHED, published_at__lte=timezone.now())

    def for_listing(self) -> "StoryQuerySet":
        """Everything a story list shows, in a fixed number of queries."""
        return self.select_related(
            "source_role__person", "source_role__organization"
        ).prefetch_related(
            models.Prefetch(
                "story_organizations",
                queryset=StoryOrganization.objects.select_related("organization"),
            ),
        )

    def cards(self) -> "StoryQuerySet":
        """The stories as StoryCards (stories.cards): what a listing shows, as plain values,
        in two queries (the stories; their organizations)."""
        from stories.cards import CARD_FIELDS, StoryCardIterable

        clone = self.values(*CARD_FIELDS)
        clone._iterable_class = StoryCardIterable
        return clone

    def for_feed(self) -> "StoryQuerySet":
        """A feed item's story and source (not the people in the story), and nothing else:
        not the search vector (as long as the text). Its organizations and tags are read for
        all the items at once by stories.feeds.with_categories (a prefetch built a filtered
        queryset and model instances for each story: most of a 50-item feed's time)."""
        return self.defer("search_vector").select_related(
            "source_role__person", "source_role__organization"
        )

    def quoting(self, **person) -> "StoryQuerySet":
        """Stories a person is the source of or appears in: quoting(pk=…) or quoting(slug=…)."""
        ((field, value),) = person.items()
        # Two semi-joins rather than OR over two joins and DISTINCT: the database can walk the
        # stories newest first and stop after a page (seconds otherwise, on a busy person).
        roles = Role.objects.filter(**{f"person__{field}": value}).values("pk")
        appears = StoryPerson.objects.filter(
            story=models.OuterRef("pk"), **{f"person__{field}": value}
        )
        return self.filter(Q(source_role__in=roles) | models.Exists(appears))

    def quoting_parts(self, person_id: int, role_ids: list[int]) -> list["StoryQuerySet"]:
        """quoting() as two querysets whose union it is, for a listing paged by
        newsroom.keyset (each part paged on its own, then merged): the stories the person
        (`person_id`, whose roles are `role_ids`) is the source of, and those they appear in.

        With an OR of the two, the database walked every public story newest first until it
        had a page: 400-600 ms at 100,000 stories for someone in a few of them. Apart, each is
        planned for the person: the roles' ids given as values (not a subquery) let the
        database see from its statistics how many stories each role has, and walk the
        listing's index for a busy source, the role's own index for a rare one (under a
        millisecond either way; a few for someone in half the archive)."""
        appears = StoryPerson.objects.filter(story=models.OuterRef("pk"), person_id=person_id)
        return [self.filter(source_role_id__in=role_ids), self.filter(models.Exists(appears))]

    def for_export(self) -> "StoryQuerySet":
        """Everything an export writes, for stories read in chunks."""
        return self.for_page().select_related("source_role__organization")

    def scheduled(self) -> "StoryQuerySet":
        """Published, but not public yet: readers see them from their publish time on."""
        return self.filter(status=StoryStatus.PUBLISHED, published_at__gt=timezone.now())

    def imported_to_review(self) -> "StoryQuerySet":
        """Drafts the importer made (no one created them in the admin) that wait for an editor."""
        return self.filter(
            status=StoryStatus.DRAFT, created_by__isnull=True, import_key__isnull=False
        )

    def for_page(self) -> "StoryQuerySet":
        """Everything the story page shows, in a fixed number of queries."""
        return self.for_listing().prefetch_related(
            "tags",
            models.Prefetch(
                "story_people",
                queryset=StoryPerson.objects.select_related("person", "role__organization"),
            ),
        )


class Story(models.Model):
    headline = models.CharField(max_length=300)
    slug = models.SlugField(max_length=100, unique=True, help_text="The story's address.")
    dek = models.TextField(blank=True, help_text="A sentence under the headline; optional.")
    body = models.TextField(blank=True, help_text="Paragraphs separated by a blank line.")

    image_asset_id = models.CharField(
        max_length=100, blank=True, help_text="The lead image's id in the asset store."
    )
    lead_image = models.ImageField(
        upload_to="originals/",
        blank=True,
        help_text="JPEG, PNG or WebP. WebP renditions for every screen are made when you save.",
    )
    image_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    image_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    image_format = models.CharField(max_length=10, choices=ImageFormat, blank=True)
    image_alt = models.CharField(
        max_length=300, blank=True, help_text="What the image shows, for readers who can't see it."
    )
    image_credit = models.CharField(max_length=200, blank=True)
    image_caption = models.CharField(max_length=500, blank=True)

    source_role = models.ForeignKey(
        Role,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="sourced_stories",
        help_text="Who the statement is from, with the title they held when they made it.",
    )
    source_attribution = models.CharField(
        max_length=500, blank=True, help_text="The attribution exactly as the source gave it."
    )
    source_label = models.CharField(
        max_length=300, blank=True, help_text="Where it was published: “Official Website”."
    )
    source_url = WebURLField(max_length=500, blank=True)

    status = models.CharField(max_length=20, choices=StoryStatus, default=StoryStatus.DRAFT)
    published_at = models.DateTimeField(
        null=True, blank=True, help_text="Readers see the story from this time on, once published."
    )
    revised_at = models.DateTimeField(
        null=True,
        blank=True,
        editable=False,
        help_text="Set when a published story's text changes; readers see “Updated”.",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="stories_created",
        editable=False,
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="stories_to_review",
        editable=False,
    )
    review_due_at = models.DateTimeField(null=True, blank=True, editable=False)
    review_note = models.TextField(blank=True, editable=False)
    version = models.PositiveIntegerField(default=1, editable=False)
    # PostgreSQL full-text search: kept up to date by stories.search (GIN-indexed there).
    search_vector = SearchVectorField(null=True, editable=False)
    import_key = models.CharField(
        max_length=200,
        null=True,
        blank=True,
        unique=True,
        editable=False,
        help_text="Set by the importer so that importing the same release again updates it.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    tags = TaggableManager(blank=True)
    # The same tags as rows, so that revisions (django-reversion) keep and restore them.
    tagged_items = GenericRelation(TaggedItem, related_query_name="story")
    organizations = models.ManyToManyField(
        Organization, through="StoryOrganization", related_name="stories", blank=True
    )
    people = models.ManyToManyField(
        Person, through="StoryPerson", related_name="stories", blank=True
    )

    objects = StoryQuerySet.as_manager()

    class Meta:
        verbose_name_plural = "stories"
        ordering = ["-published_at", "-created_at"]
        indexes = [
            # Every listing: public stories newest first, paged by the (published_at, id)
            # cursor (newsroom.keyset); the id settles ties without a sort.
            models.Index(fields=["status", "-published_at", "-id"], name="story_listing_idx"),
            models.Index(fields=["reviewer", "status"]),
            # The admin's story list: newest change first (the admin adds -pk to the order),
            # and sorted by its Headline and Status (publish time) columns: PostgreSQL walks
            # the index for a page instead of sorting the whole archive.
            models.Index(fields=["-updated_at", "-id"], name="story_changed_idx"),
            models.Index(fields=["headline"], name="story_headline_idx"),
            models.Index(fields=["published_at"], name="story_published_idx"),
            # The importer's look-up of a story an editor typed before its release came in.
            models.Index(
                Upper("headline"), condition=Q(import_key__isnull=True), name="story_typed_idx"
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status=StoryStatus.PUBLISHED) | Q(published_at__isnull=False),
                name="published_story_has_time",
            )
        ]
        permissions = [
            ("publish_story", "Can publish, schedule, unpublish and archive stories"),
            ("review_story", "Can review stories and send them back"),
            ("export_story", "Can export stories (commands, admin, /exports/)"),
        ]

    def __str__(self) -> str:
        return self.headline

    def save(self, *args, **kwargs) -> None:
        for name in TEXT_FIELDS:
            setattr(self, name, normalize_newlines(getattr(self, name)))
        if self.slug:
            super().save(*args, **kwargs)
        else:
            save_with_unique_slug(self, partial(super().save, *args, **kwargs), self.headline)

    def get_absolute_url(self) -> str:
        return reverse("stories:detail", kwargs={"slug": self.slug})

    @property
    def image_url(self) -> str:
        """The lead image's largest rendition, else its address in the asset store, else ""."""
        if renditions := self.renditions:
            return renditions[-1][1]
        template = settings.IMAGE_URL_TEMPLATE
        if not (template and self.image_asset_id):
            return ""
        return template.format(asset_id=self.image_asset_id, format=self.image_format or "webp")

    @property
    def renditions(self) -> list[tuple[int, str]]:
        """(width, URL) of the WebP renditions made from an uploaded image, narrowest first."""
        if not (self.lead_image and self.image_width and self.image_asset_id):
            return []
        from stories.images import rendition_url, rendition_widths

        return [
            (w, rendition_url(self.image_asset_id, w)) for w in rendition_widths(self.image_width)
        ]

    @property
    def srcset(self) -> str:
        return ", ".join(f"{url} {width}w" for width, url in self.renditions)

    @property
    def rendition_height(self) -> int | None:
        """The height of the largest rendition (for the <img> height attribute)."""
        if not self.renditions or not self.image_height:
            return None
        width = self.renditions[-1][0]
        return round(self.image_height * width / self.image_width)

    @property
    def paragraphs(self) -> list[str]:
        """The body's paragraphs: blocks separated by a blank line (whatever its line endings)."""
        return [p.strip() for p in normalize_newlines(self.body).split("\n\n") if p.strip()]

    @property
    def summary(self) -> str:
        """What a card shows under the headline: the dek, else the body's first sentence."""
        return summary_of(self.dek, self.body)

    @property
    def is_scheduled(self) -> bool:
        return (
            self.status == StoryStatus.PUBLISHED
            and self.published_at is not None
            and self.published_at > timezone.now()
        )

    @property
    def is_public(self) -> bool:
        return (
            self.status == StoryStatus.PUBLISHED
            and self.published_at is not None
            and self.published_at <= timezone.now()
        )


class StoryOrganization(models.Model):
    """One entry of a story's "Organizations in this story" section."""

    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="story_organizations")
    organization = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="story_links"
    )
    position = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Order on the page; leave empty to add at the end."
    )
    origin = models.CharField(max_length=10, choices=Origin, default=Origin.TYPED)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = "organization in this story"
        verbose_name_plural = "organizations in this story"
        constraints = [
            models.UniqueConstraint(
                fields=["story", "organization"], name="organization_once_per_story"
            )
        ]

    def __str__(self) -> str:
        return str(self.organization)


class StoryPerson(models.Model):
    """A person who appears in a story, with the role they are quoted in."""

    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="story_people")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="story_links")
    role = models.ForeignKey(
        Role,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="story_links",
        help_text="The title they held in this story.",
    )
    position = models.PositiveSmallIntegerField(default=0)
    origin = models.CharField(max_length=10, choices=Origin, default=Origin.TYPED)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = "person in this story"
        verbose_name_plural = "people in this story"
        constraints = [
            models.UniqueConstraint(fields=["story", "person"], name="person_once_per_story")
        ]

    def __str__(self) -> str:
        return str(self.person)


class StoryDraft(models.Model):
    """An editor's unsaved work on a story's form, sent by the page every few seconds so that a
    closed tab or a crash loses nothing; offered back when the editor opens the story again.
    `story` is empty for a story not saved yet ("Add story")."""

    story = models.ForeignKey(
        Story, null=True, blank=True, on_delete=models.CASCADE, related_name="drafts"
    )
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    fields = models.JSONField(help_text="The form's text fields as the editor left them.")
    loaded_version = models.PositiveIntegerField(null=True, blank=True)
    saved_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["story", "user"], name="one_draft_per_story_and_user"),
            models.UniqueConstraint(
                fields=["user"],
                condition=Q(story__isnull=True),
                name="one_new_story_draft_per_user",
            ),
        ]

    def __str__(self) -> str:
        return f"Unsaved work by {self.user} on {self.story or 'a new story'}"


class OldSlug(models.Model):
    """An address a story had before its slug changed: it redirects (301) to the story."""

    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="old_slugs")
    slug = models.SlugField(max_length=100, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"{self.slug} → {self.story.slug}"


class RejectedSuggestion(models.Model):
    """A suggestion an editor turned down for a story; it is not offered for that story again.

    `key` says what was rejected: "org:<id>" for a registry organization, "candidate:<name key>"
    for a phrase the registry lacks, "person:<name key>" for a person.
    """

    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="rejected_suggestions")
    key = models.CharField(max_length=320)
    label = models.CharField(max_length=300, help_text="What the editor saw when rejecting it.")
    rejected_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    rejected_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["story", "key"], name="reject_once_per_story")
        ]

    def __str__(self) -> str:
        return f"{self.label} (rejected for {self.story})"


class CorrectionKind(models.TextChoices):
    CORRECTION = "correction", "Correction"
    CLARIFICATION = "clarification", "Clarification"
    UPDATE = "update", "Update"


class CorrectionQuerySet(models.QuerySet):
    def public(self) -> "CorrectionQuerySet":
        """Notes readers see: those of public stories (retracted ones included, marked so)."""
        return self.filter(story__in=Story.objects.public())


class Correction(models.Model):
    """A dated note readers see on a published story: what was wrong, or what changed since.

    Added by an editor (stories.corrections.add_correction); never deleted, only retracted,
    and a retraction is shown too.
    """

    story = models.ForeignKey(Story, on_delete=models.PROTECT, related_name="corrections")
    kind = models.CharField(
        max_length=20, choices=CorrectionKind, default=CorrectionKind.CORRECTION
    )
    text = models.TextField(
        help_text="What readers are told: “An earlier version misstated the grant’s amount…”."
    )
    published_at = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    revision = models.ForeignKey(
        "reversion.Revision",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The story's revision this note came with.",
    )
    retracted_at = models.DateTimeField(null=True, blank=True)
    retraction_note = models.TextField(
        blank=True, help_text="Why the note was withdrawn; shown to readers with it."
    )

    objects = CorrectionQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-pk"]
        indexes = [models.Index(fields=["-published_at"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(retracted_at__isnull=True) | ~Q(retraction_note=""),
                name="retraction_has_a_note",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} to “{self.story}”, {self.published_at:%Y-%m-%d}"

    def get_absolute_url(self) -> str:
        return f"{self.story.get_absolute_url()}#correction-{self.pk}"

    @property
    def is_retracted(self) -> bool:
        return self.retracted_at is not None

    @property
    def shown_above_body(self) -> bool:
        """Corrections and clarifications come before the text they amend; updates after."""
        return self.kind != CorrectionKind.UPDATE


class ExportTokenQuerySet(models.QuerySet):
    def for_key(self, key: str) -> "ExportToken | None":
        """The active token with this key, or None. Keys are stored hashed."""
        if not key:
            return None
        return (
            self.filter(key_hash=ExportToken.hash(key), revoked_at__isnull=True)
            .select_related("user")
            .first()
        )


class ExportToken(models.Model):
    """A key a staff script sends (`Authorization: Bearer …`) to use /exports/ as `user`."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    name = models.CharField(max_length=100, help_text="What uses it: “partner sync”.")
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    objects = ExportTokenQuerySet.as_manager()

    def __str__(self) -> str:
        return f"{self.name} ({self.user})"

    @staticmethod
    def hash(key: str) -> str:
        return hashlib.sha256(key.encode()).hexdigest()

    @classmethod
    def issue(cls, user, name: str) -> tuple["ExportToken", str]:
        """Create a token; returns it and its key, which is shown once and never stored."""
        key = secrets.token_urlsafe(32)
        return cls.objects.create(user=user, name=name, key_hash=cls.hash(key)), key


# Revisions: a story's revision holds its organizations, people and tags as they were.
reversion.register(Story, follow=["story_organizations", "story_people", "tagged_items"])
reversion.register(StoryOrganization)
reversion.register(StoryPerson)
if not reversion.is_registered(TaggedItem):
    reversion.register(TaggedItem, follow=["tag"])
if not reversion.is_registered(Tag):
    reversion.register(Tag)

# Ingest's models live in their own module; importing them here registers them with the app.
from stories.ingest.models import (  # noqa: E402, F401
    ExportSchedule,
    IngestedItem,
    IngestSource,
)
from stories.search_entries import StorySearchEntry  # noqa: E402, F401


class QuoteOrigin(models.TextChoices):
    FOUND = "found", "Found by the engine"
    CONFIRMED = "confirmed", "Confirmed by an editor"
    EDITED = "edited", "Corrected by an editor"


class SpeakerKind(models.TextChoices):
    PERSON = "person", "Person"
    ORGANIZATION = "organization", "Organization"


class StoryQuoteQuerySet(models.QuerySet):
    def public(self):
        """Quotes of the stories readers may see (StoryQuerySet.public decides)."""
        return self.filter(story__in=Story.objects.public())

    def spoken_for(self, organization):
        """An organization's own statements and the quotes of the people who hold (or held)
        a role in it."""
        people = Role.objects.filter(organization=organization).values("person_id")
        return self.filter(Q(speaker_organization=organization) | Q(speaker_person_id__in=people))

    def for_listing(self):
        # Of the story, its headline, address and date are shown: not its text nor its search
        # vector (as long as the text), which made each quote's row as big as its story.
        return (
            self.select_related("story", "speaker_person", "speaker_organization")
            .defer("story__body", "story__search_vector")
            .order_by("-story__published_at", "story_id", "position", "pk")
        )


class StoryQuote(models.Model):
    """A direct quotation in a story's body and who said it, found by the engine or set by an
    editor. `start`/`end` are offsets of `text` in the body's paragraph `paragraph` (1-based)."""

    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="quotes")
    position = models.PositiveSmallIntegerField(default=0)
    paragraph = models.PositiveSmallIntegerField(
        default=1, help_text="The body's paragraph the quote stands in, counted from 1."
    )
    start = models.PositiveIntegerField(default=0)
    end = models.PositiveIntegerField(default=0)
    text = models.TextField(help_text="The words between the quotation marks.")
    speaker_kind = models.CharField(max_length=12, choices=SpeakerKind, blank=True)
    speaker_person = models.ForeignKey(
        Person,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="quotes",
        help_text="Who said it, from the registry.",
    )
    speaker_organization = models.ForeignKey(
        Organization,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="quotes",
        help_text="The organization that said it, or that the person spoke for.",
    )
    speaker_name = models.CharField(
        max_length=200, blank=True, help_text="The speaker's name as the story gives it."
    )
    speaker_title = models.CharField(
        max_length=300, blank=True, help_text="The speaker's title at the story's date."
    )
    origin = models.CharField(max_length=10, choices=QuoteOrigin, default=QuoteOrigin.FOUND)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = StoryQuoteQuerySet.as_manager()

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = "quote in this story"
        verbose_name_plural = "quotes in this story"
        indexes = [models.Index(fields=["speaker_person"]), models.Index(fields=["origin"])]

    def __str__(self) -> str:
        short = self.text if len(self.text) <= 60 else self.text[:57] + "…"
        return f"“{short}”"

    @property
    def speaker_label(self) -> str:
        """Who said it as readers see it: "Jane Roe, Director", an organization, or ""."""
        if self.speaker_person_id:
            name = self.speaker_person.full_name
        elif self.speaker_organization_id and self.speaker_kind == SpeakerKind.ORGANIZATION:
            name = self.speaker_organization.name
        else:
            name = self.speaker_name
        return f"{name}, {self.speaker_title}" if name and self.speaker_title else name

    @property
    def is_attributed(self) -> bool:
        return bool(self.speaker_person_id or self.speaker_organization_id or self.speaker_name)
