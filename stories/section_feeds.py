"""RSS, Atom and JSON Feed for each section and each country page (stories.sections), built
on the listing feeds of stories.feeds."""

from django.conf import settings
from django.http import Http404
from django.urls import reverse

from stories.feeds import AtomMixin, JsonFeedMixin, LatestStoriesFeed
from stories.sections import SECTIONS_BY_SLUG, Country, Section, country_named


class SectionFeed(LatestStoriesFeed):
    def get_object(self, request, slug) -> Section:
        if slug not in SECTIONS_BY_SLUG:
            raise Http404("No such section.")
        return SECTIONS_BY_SLUG[slug]

    def title(self, obj):
        return f"{obj.name} — {settings.SITE_NAME}"

    def link(self, obj):
        return obj.get_absolute_url()

    def description(self, obj):
        return obj.description

    def stories(self, obj):
        return obj.stories()


class SectionAtomFeed(AtomMixin, SectionFeed):
    pass


class SectionJsonFeed(JsonFeedMixin, SectionFeed):
    pass


class CountryFeed(SectionFeed):
    def get_object(self, request, code) -> Country:
        country = country_named(code)
        if country is None:
            raise Http404("No such country.")
        return country

    def description(self, obj):
        return f"Stories about {obj.name}."


class CountryAtomFeed(AtomMixin, CountryFeed):
    pass


class CountryJsonFeed(JsonFeedMixin, CountryFeed):
    pass


def section_feed_links(kind: str, key: str, name: str) -> list[dict]:
    """The feeds of a section ("section", slug) or a country ("country", code) page, for its
    <link rel="alternate"> entries and its visible links."""
    argument = {"section": "slug", "country": "code"}[kind]
    return [
        {"type": type_, "title": f"{name} ({label})", "label": label,
         "href": reverse(f"feeds:{kind}-{suffix}", kwargs={argument: key})}
        for suffix, type_, label in (
            ("rss", "application/rss+xml", "RSS"),
            ("atom", "application/atom+xml", "Atom"),
            ("json", "application/feed+json", "JSON Feed"),
        )
    ]  # fmt: skip
