"""Story cards: what a listing (home, sections, tag, organization, person, country, archive)
shows of each story, read as plain values, not model instances.

A listing of 20 stories built some 300 model instances (each story, its source role and
person, each organization link and organization) and reversed an address for every story and
every organization on it: more CPU than the rest of the page. `StoryQuerySet.cards()` reads the
page's stories in one query of the columns the card shows and their organizations in a second
(as the prefetch did), and makes each address from the slug.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property

from django.db.models.query import ValuesIterable

from people.names import display_name
from stories.story_page import Link, url_for

# The columns a card reads: the story's own, its source's name, and the lead image's (the home
# page's lead shows it).
CARD_FIELDS = (
    "pk", "slug", "headline", "dek", "body", "published_at", "updated_at",
    "source_role__person__full_name", "source_role__person__nickname",
    "image_asset_id", "lead_image", "image_width", "image_height", "image_format",
    "image_alt", "image_caption", "image_credit",
)  # fmt: skip
IMAGE_FIELDS = CARD_FIELDS[9:]


@dataclass
class StoryCard:
    """One story in a listing. `published_at` and `pk` place it (newsroom.keyset),
    `updated_at` dates the page (Last-Modified)."""

    pk: int
    url: str
    headline: str
    summary: str
    published_at: datetime
    updated_at: datetime
    source: str  # the source person's name as readers see it, or ""
    organizations: list[Link] = field(default_factory=list)
    image_fields: dict = field(default_factory=dict, repr=False)

    @cached_property
    def image(self):
        """An unsaved Story holding the lead image's fields, for stories/_lead_image.html (its
        renditions and addresses are the model's)."""
        from stories.models import Story

        return Story(**self.image_fields)


class StoryCardIterable(ValuesIterable):
    """Yields a StoryCard per row of a `values(*CARD_FIELDS)` queryset, the organizations of
    all the rows read in one more query."""

    def __iter__(self):
        from stories.models import StoryOrganization, summary_of

        rows = list(super().__iter__())
        if not rows:
            return
        story_url = url_for("stories:detail")
        organization_url = url_for("people:organization-detail")
        organizations = defaultdict(list)
        links = (
            StoryOrganization.objects.using(self.queryset.db)
            .filter(story_id__in=[row["pk"] for row in rows])
            .order_by("position", "pk")  # the model's order: as on the story's page
            .values_list("story_id", "organization__name", "organization__slug")
        )
        for story_id, name, slug in links:
            organizations[story_id].append(Link(name, organization_url(slug)))
        for row in rows:
            yield StoryCard(
                pk=row["pk"],
                url=story_url(row["slug"]),
                headline=row["headline"],
                summary=summary_of(row["dek"], row["body"]),
                published_at=row["published_at"],
                updated_at=row["updated_at"],
                source=display_name(
                    row["source_role__person__full_name"] or "",
                    row["source_role__person__nickname"] or "",
                ),
                organizations=organizations[row["pk"]],
                image_fields={name: row[name] for name in IMAGE_FIELDS},
            )
