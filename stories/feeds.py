"""RSS 2.0, Atom 1.0 (Django's syndication framework) and JSON Feed 1.1 for the latest stories
and for each organization, person and tag. One Feed class per listing; the Atom and JSON Feed
variants subclass it. Only public stories, newest first; `?limit=` up to MAX_ITEMS. Items carry
the full story as HTML (escaped text in <p> elements), the source person with the title they
held, the organizations and tags as categories, and the lead image.
"""

import json
from collections import defaultdict
from functools import partial

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.contrib.syndication.views import Feed
from django.db import connection
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.html import escape
from taggit.models import Tag, TaggedItem

from newsroom.caching import cached_page
from newsroom.xmltext import xml_safe
from people.models import Organization, Person
from stories.models import Correction, Story, StoryOrganization
from stories.story_page import url_for

DEFAULT_ITEMS, MAX_ITEMS = 20, 100
JSONFEED_VERSION = "https://jsonfeed.org/version/1.1"


def item_limit(request) -> int:
    """`?limit=`, between 1 and MAX_ITEMS; the default when absent or not a number."""
    try:
        return min(max(int(request.GET.get("limit", DEFAULT_ITEMS)), 1), MAX_ITEMS)
    except ValueError:
        return DEFAULT_ITEMS


class XmlSafeFeed:
    """Drops the characters XML cannot carry (newsroom.xmltext) before writing the feed."""

    def write(self, outfile, encoding):
        self.feed = xml_safe(self.feed)
        self.items = xml_safe(self.items)
        return super().write(outfile, encoding)


class RssWithContent(XmlSafeFeed, Rss201rev2Feed):
    """RSS 2.0 with the full story in content:encoded.

    The channel's and the items' descriptions come in as plain text and are HTML in RSS (feed
    readers render them): they are escaped here, so a `<script>` in a dek stays text.
    """

    def __init__(self, title, link, description, **kwargs):
        super().__init__(title, link, escape(description or ""), **kwargs)

    def add_item(self, title, link, description, **kwargs):
        super().add_item(title, link, escape(description or ""), **kwargs)

    def rss_attributes(self):
        return {
            **super().rss_attributes(),
            "xmlns:content": "http://purl.org/rss/1.0/modules/content/",
        }

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        if item.get("content_html"):
            handler.addQuickElement("content:encoded", item["content_html"])


class AtomWithContent(XmlSafeFeed, Atom1Feed):
    """Atom 1.0 with the full story in <content type="html">.

    Items' descriptions come in as plain text and become <summary type="html">: escaped here.
    (The subtitle is written without a type, that is as text, and needs no escaping.)
    """

    def add_item(self, title, link, description, **kwargs):
        super().add_item(title, link, escape(description or ""), **kwargs)

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        if item.get("content_html"):
            handler.addQuickElement("content", item["content_html"], {"type": "html"})


def story_html(story: Story) -> str:
    return "".join(f"<p>{escape(p)}</p>" for p in paragraphs(story))


def paragraphs(story: Story) -> list[str]:
    """story.paragraphs, split once per item (a feed asks for them twice)."""
    if (split := getattr(story, "_feed_paragraphs", None)) is None:
        split = story._feed_paragraphs = story.paragraphs
    return split


def absolute(url: str) -> str:
    return url if not url or url.startswith("http") else settings.SITE_URL + url


def author_line(story: Story) -> str | None:
    role = story.source_role
    return f"{role.person.full_name}, {role.label}" if role else None


def categories(story: Story) -> list[str]:
    """The story's organizations (in their order on the page), then its tags A–Z."""
    if (known := getattr(story, "feed_categories", None)) is not None:
        return known
    return [link.organization.name for link in story.story_organizations.all()] + sorted(
        tag.name for tag in story.tags.all()
    )


def with_categories(stories: list[Story]) -> list[Story]:
    """`stories`, each with its `feed_categories` (see categories): two queries of names for
    all of them."""
    ids = [story.pk for story in stories]
    organizations, tags = defaultdict(list), defaultdict(list)
    links = (
        StoryOrganization.objects.filter(story_id__in=ids)
        .order_by("position", "pk")
        .values_list("story_id", "organization__name")
    )
    for story_id, name in links:
        organizations[story_id].append(name)
    tagged = TaggedItem.objects.filter(
        content_type=ContentType.objects.get_for_model(Story), object_id__in=ids
    ).values_list("object_id", "tag__name")
    for story_id, name in tagged:
        tags[story_id].append(name)
    for story in stories:
        story.feed_categories = organizations[story.pk] + sorted(tags[story.pk])
    return stories


def json_item(story: Story) -> dict:
    """A JSON Feed 1.1 item."""
    item = {
        "id": f"{settings.SITE_URL}/stories/{story.pk}",
        "url": absolute(story.get_absolute_url()),
        "title": story.headline,
        "content_html": story_html(story),
        "summary": story.dek or (story.paragraphs[0] if story.paragraphs else ""),
        "date_published": timezone.localtime(story.published_at).isoformat(timespec="seconds"),
        "date_modified": timezone.localtime(story.revised_at or story.published_at).isoformat(
            timespec="seconds"
        ),
        "tags": categories(story),
    }
    if author := author_line(story):
        person_url = absolute(story.source_role.person.get_absolute_url())
        item["authors"] = [{"name": author, "url": person_url}]
    if image := story.image_url:
        item["image"] = absolute(image)
    return item


def jsonfeed_document(*, title: str, home: str, feed_url: str, description: str, items) -> dict:
    return {
        "version": JSONFEED_VERSION,
        "title": title,
        "home_page_url": absolute(home),
        "feed_url": absolute(feed_url),
        "description": description,
        "language": "en",
        "items": [json_item(story) for story in items],
    }


class LatestStoriesFeed(Feed):
    feed_type = RssWithContent
    description = "The latest stories."

    def __call__(self, request, *args, **kwargs):
        self.limit = item_limit(request)
        # One reverse() per feed for each kind of address, not one per item.
        self.story_url = url_for("stories:detail")
        self.person_url = url_for("people:person-detail")
        self.path = request.path
        # Written once for each generation of pages and number of items (cached_page).
        build = partial(super().__call__, request, *args, **kwargs)
        return cached_page(request, type(self).__name__, f"limit={self.limit}", build)

    def get_object(self, request: HttpRequest, *args, **kwargs):
        return None

    def title(self, obj=None):
        return settings.SITE_NAME

    # Addresses on SITE_URL, as the items' ids are: a feed is kept for every reader (cached_page)
    # whatever address it was asked at, so it must not carry the host of the first request.
    def link(self, obj=None):
        return absolute(reverse("home"))

    def feed_url(self, obj=None):
        return absolute(self.path)

    def stories(self, obj):
        return Story.objects.public()

    def items(self, obj=None):
        stories = self.stories(obj).for_feed().order_by("-published_at", "-pk")[: self.limit]
        return with_categories(list(stories))

    def item_title(self, item: Story) -> str:
        return item.headline

    def item_description(self, item: Story) -> str:
        return item.dek or next(iter(paragraphs(item)), "")

    def item_link(self, item: Story) -> str:
        return absolute(self.story_url(item.slug))

    def item_guid(self, item: Story) -> str:
        return f"{settings.SITE_URL}/stories/{item.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, item: Story):
        return item.published_at

    def item_updateddate(self, item: Story):
        return item.revised_at or item.published_at

    def item_author_name(self, item: Story) -> str | None:
        return author_line(item)

    def item_author_link(self, item: Story) -> str | None:
        return absolute(self.person_url(item.source_role.person.slug)) if item.source_role else None

    def item_categories(self, item: Story) -> list[str]:
        return categories(item)

    def item_extra_kwargs(self, item: Story) -> dict:
        return {"content_html": story_html(item)}

    def item_enclosure_url(self, item: Story) -> str | None:
        return absolute(item.image_url) or None

    def item_enclosure_length(self, item: Story) -> int:
        return 0

    def item_enclosure_mime_type(self, item: Story) -> str:
        return f"image/{item.image_format or 'webp'}"


class OrganizationFeed(LatestStoriesFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Organization, slug=slug)

    def title(self, obj):
        return f"{obj.name} — {settings.SITE_NAME}"

    def link(self, obj):
        return absolute(obj.get_absolute_url())

    def description(self, obj):
        return f"Stories about {obj.name}."

    def stories(self, obj):
        return Story.objects.public().filter(story_organizations__organization=obj)


class PersonFeed(LatestStoriesFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Person, slug=slug)

    def title(self, obj):
        return f"{obj.display_name} — {settings.SITE_NAME}"

    def link(self, obj):
        return absolute(obj.get_absolute_url())

    def description(self, obj):
        return f"Stories quoting {obj.full_name}."

    def stories(self, obj):
        # The newest of the stories the person is the source of and of those they appear in,
        # each part planned for the person (see StoryQuerySet.quoting_parts), merged.
        if not connection.features.supports_slicing_ordering_in_compound:  # SQLite
            return Story.objects.public().quoting(pk=obj.pk)
        role_ids = list(obj.roles.values_list("pk", flat=True))
        newest = [
            part.order_by("-published_at", "-pk").values("pk")[: self.limit]
            for part in Story.objects.public().quoting_parts(obj.pk, role_ids)
        ]
        return Story.objects.filter(pk__in=newest[0].union(newest[1]))


class TagFeed(LatestStoriesFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Tag, slug=slug)

    def title(self, obj):
        return f"{obj.name} — {settings.SITE_NAME}"

    def link(self, obj):
        return absolute(reverse("stories:tag", kwargs={"slug": obj.slug}))

    def description(self, obj):
        return f"Stories tagged {obj.name}."

    def stories(self, obj):
        return Story.objects.public().filter(tags=obj)


class AtomMixin:
    """The Atom variant of a listing's feed: its description becomes the Atom subtitle."""

    feed_type = AtomWithContent

    def subtitle(self, obj):
        return self._get_dynamic_attr("description", obj)


class LatestStoriesAtomFeed(AtomMixin, LatestStoriesFeed):
    pass


class OrganizationAtomFeed(AtomMixin, OrganizationFeed):
    pass


class PersonAtomFeed(AtomMixin, PersonFeed):
    pass


class TagAtomFeed(AtomMixin, TagFeed):
    pass


class JsonFeedMixin:
    """Renders the listing as JSON Feed 1.1 instead of XML."""

    def __call__(self, request, *args, **kwargs):
        self.limit = item_limit(request)
        build = partial(self._response, request, *args, **kwargs)
        return cached_page(request, type(self).__name__, f"limit={self.limit}", build)

    def _response(self, request, *args, **kwargs):
        obj = self.get_object(request, *args, **kwargs)
        document = jsonfeed_document(
            title=self._get_dynamic_attr("title", obj),
            home=self._get_dynamic_attr("link", obj),
            feed_url=request.path,
            description=self._get_dynamic_attr("description", obj),
            items=self.items(obj),
        )
        return HttpResponse(
            json.dumps(document, ensure_ascii=False), content_type="application/feed+json"
        )


class LatestStoriesJsonFeed(JsonFeedMixin, LatestStoriesFeed):
    pass


class OrganizationJsonFeed(JsonFeedMixin, OrganizationFeed):
    pass


class PersonJsonFeed(JsonFeedMixin, PersonFeed):
    pass


class TagJsonFeed(JsonFeedMixin, TagFeed):
    pass


class CorrectionsFeed(Feed):
    """Every correction, clarification and update note on a public story, newest first."""

    feed_type = RssWithContent

    def __call__(self, request, *args, **kwargs):
        self.limit = item_limit(request)
        # One reverse() per feed for each kind of address, not one per item.
        self.story_url = url_for("stories:detail")
        self.person_url = url_for("people:person-detail")
        self.path = request.path
        return super().__call__(request, *args, **kwargs)

    def title(self):
        return f"Corrections and updates — {settings.SITE_NAME}"

    def link(self):
        return absolute(reverse("stories:corrections"))

    def feed_url(self):
        return absolute(self.path)

    def description(self):
        return "Every correction, clarification and update to our published stories."

    def items(self):
        return list(Correction.objects.public().select_related("story")[: self.limit])

    def item_title(self, item: Correction) -> str:
        return f"{item.get_kind_display()}: {item.story.headline}"

    def item_description(self, item: Correction) -> str:
        if item.is_retracted:
            return f"Retracted ({item.retraction_note}): {item.text}"
        return item.text

    def item_link(self, item: Correction) -> str:
        return absolute(item.get_absolute_url())

    def item_guid(self, item: Correction) -> str:
        return f"{settings.SITE_URL}/corrections/{item.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, item: Correction):
        return item.published_at

    def item_updateddate(self, item: Correction):
        return item.retracted_at or item.published_at


class CorrectionsAtomFeed(AtomMixin, CorrectionsFeed):
    pass


def feed_links(kind: str, key: str = "") -> list[dict]:
    """The <link rel="alternate"> entries a listing page advertises."""
    names = {"latest": "latest", "organization": "organization", "person": "person", "tag": "tag"}
    kwargs = {"slug": key} if key else {}
    return [
        {"type": "application/rss+xml", "title": "RSS",
         "href": reverse(f"feeds:{names[kind]}-rss", kwargs=kwargs)},
        {"type": "application/atom+xml", "title": "Atom",
         "href": reverse(f"feeds:{names[kind]}-atom", kwargs=kwargs)},
        {"type": "application/feed+json", "title": "JSON Feed",
         "href": reverse(f"feeds:{names[kind]}-json", kwargs=kwargs)},
    ]  # fmt: skip
