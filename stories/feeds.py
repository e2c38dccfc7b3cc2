"""RSS 2.0 and Atom 1.0 feeds (Django's syndication framework) for the latest stories and for
each organization, person and tag. One Feed class per listing; the Atom variants subclass it.
Only public stories, newest first; `?limit=` up to MAX_ITEMS."""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db.models import Q
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from taggit.models import Tag

from people.models import Organization, Person
from stories.models import Story

DEFAULT_ITEMS, MAX_ITEMS = 20, 100


class LatestStoriesFeed(Feed):
    description = "The latest stories."

    def __call__(self, request, *args, **kwargs):
        try:
            self.limit = min(max(int(request.GET.get("limit", DEFAULT_ITEMS)), 1), MAX_ITEMS)
        except ValueError:
            self.limit = DEFAULT_ITEMS
        return super().__call__(request, *args, **kwargs)

    def get_object(self, request: HttpRequest, *args, **kwargs):
        return None

    def title(self, obj=None):
        return settings.SITE_NAME

    def link(self, obj=None):
        return reverse("home")

    def stories(self, obj):
        return Story.objects.public()

    def items(self, obj=None):
        return list(self.stories(obj).for_page().order_by("-published_at", "-pk")[: self.limit])

    def item_title(self, item: Story) -> str:
        return item.headline

    def item_description(self, item: Story) -> str:
        return item.dek or (item.paragraphs[0] if item.paragraphs else "")

    def item_link(self, item: Story) -> str:
        return item.get_absolute_url()

    def item_guid(self, item: Story) -> str:
        return f"{settings.SITE_URL}/stories/{item.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, item: Story):
        return item.published_at

    def item_updateddate(self, item: Story):
        return item.revised_at or item.published_at

    def item_author_name(self, item: Story) -> str | None:
        role = item.source_role
        if role is None:
            return None
        return f"{role.person.full_name}, {role.label}"

    def item_categories(self, item: Story) -> list[str]:
        return [link.organization.name for link in item.story_organizations.all()] + [
            tag.name for tag in item.tags.all()
        ]

    def item_enclosure_url(self, item: Story) -> str | None:
        url = item.image_url
        return url if not url or url.startswith("http") else settings.SITE_URL + url

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
        return obj.get_absolute_url()

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
        return obj.get_absolute_url()

    def description(self, obj):
        return f"Stories quoting {obj.full_name}."

    def stories(self, obj):
        return (
            Story.objects.public()
            .filter(Q(source_role__person=obj) | Q(story_people__person=obj))
            .distinct()
        )


class TagFeed(LatestStoriesFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Tag, slug=slug)

    def title(self, obj):
        return f"{obj.name} — {settings.SITE_NAME}"

    def link(self, obj):
        return reverse("stories:tag", kwargs={"slug": obj.slug})

    def description(self, obj):
        return f"Stories tagged {obj.name}."

    def stories(self, obj):
        return Story.objects.public().filter(tags=obj)


class LatestStoriesAtomFeed(LatestStoriesFeed):
    feed_type = Atom1Feed
    subtitle = LatestStoriesFeed.description


class OrganizationAtomFeed(OrganizationFeed):
    feed_type = Atom1Feed

    def subtitle(self, obj):
        return self.description(obj)


class PersonAtomFeed(PersonFeed):
    feed_type = Atom1Feed

    def subtitle(self, obj):
        return self.description(obj)


class TagAtomFeed(TagFeed):
    feed_type = Atom1Feed

    def subtitle(self, obj):
        return self.description(obj)


def feed_links(kind: str, key: str = "") -> list[dict]:
    """The <link rel="alternate"> entries a listing page advertises."""
    names = {"latest": "latest", "organization": "organization", "person": "person", "tag": "tag"}
    kwargs = {"slug": key} if key else {}
    return [
        {"type": "application/rss+xml", "title": "RSS",
         "href": reverse(f"feeds:{names[kind]}-rss", kwargs=kwargs)},
        {"type": "application/atom+xml", "title": "Atom",
         "href": reverse(f"feeds:{names[kind]}-atom", kwargs=kwargs)},
    ]  # fmt: skip
