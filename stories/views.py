"""Public pages about stories: a story, a tag, the date archive, search; signed previews."""

from datetime import date
from functools import partial

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Exists, OuterRef
from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponsePermanentRedirect,
    QueryDict,
)
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.views.generic import DetailView, ListView, TemplateView
from taggit.models import Tag, TaggedItem

from newsroom.caching import cached_fragment, cached_page, set_last_modified
from newsroom.content_security import csp_hash
from newsroom.keyset import keyset_page, page_query
from stories.feeds import feed_links
from stories.models import Correction, Story, StoryOrganization, StoryQuote
from stories.previews import story_for_token
from stories.redirects import story_for_old_slug
from stories.search import SORTS, Facet, FacetValue, SearchFilters, chosen_filters, uses_full_text
from stories.search import search as run_search
from stories.section_feeds import section_feed_links
from stories.sections import SECTIONS_BY_SLUG, countries_in_the_news, country_named
from stories.story_page import story_links
from stories.structured_data import json_ld_texts, render_json_ld

RELATED = 4
RELATED_CANDIDATES = 400  # links of the story's organizations looked at, newest first


class StoryDetailView(DetailView):
    template_name = "stories/story_detail.html"
    context_object_name = "story"

    def get_queryset(self):
        # The organizations, people and tags come from story_links (one query, plain values);
        # whether it has quotes, in the story's own query (none read for its JSON-LD otherwise).
        stories = (
            Story.objects.select_related("source_role__person", "source_role__organization")
            .defer("search_vector")  # as long as the text, and not shown
            .annotate(has_quotes=Exists(StoryQuote.objects.filter(story=OuterRef("pk"))))
        )
        if self.request.user.has_perm("stories.view_story"):
            return stories  # editors preview drafts; never cached, see render_to_response
        return stories.public()

    def get(self, request, *args, **kwargs):
        try:
            self.object = story = self.get_object()
        except Http404:
            moved = story_for_old_slug(kwargs.get("slug", ""))
            if moved is None or not self.get_queryset().filter(pk=moved.pk).exists():
                raise
            return HttpResponsePermanentRedirect(moved.get_absolute_url())
        if not story.is_public or request.user.has_perm("stories.view_story"):
            return self.render_to_response(self.get_context_data(object=story))
        # A public story's page, rendered once for this generation of pages (any change a
        # reader could see moves it on): an address variant or a page-cache miss costs one
        # query, not the page's six and its rendering.
        content, self.script_hashes = cached_fragment(
            "story-page",
            f"{story.pk}:{story.updated_at.timestamp()}",
            lambda: self._rendered(story),
            getattr(request, "page_generation", None),
        )
        response = HttpResponse(content)
        return self._with_headers(response)

    def _rendered(self, story) -> tuple[str, list[str]]:
        response = super().render_to_response(self.get_context_data(object=story))
        return response.render().content.decode(), self.script_hashes

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        story = self.object
        links = story_links(story)
        context.update(organizations=links.organizations, people=links.people, tags=links.tags)
        # Only a story with an "Updated" time can carry notes: no query for the others.
        corrections = list(story.corrections.all()) if story.revised_at else []
        context["corrections_above"] = [c for c in corrections if c.shown_above_body]
        context["updates_below"] = [c for c in corrections if not c.shown_above_body]
        context["related"] = cached_fragment(
            "related",
            story.pk,
            lambda: related_stories(story, links.organization_ids),
            getattr(self.request, "page_generation", None),
        )
        quotes = (
            list(story.quotes.select_related("speaker_person", "speaker_organization"))
            if getattr(story, "has_quotes", True)
            else []
        )
        texts = json_ld_texts(
            story, corrections=corrections, organizations=links.organizations, quotes=quotes
        )
        context["json_ld"] = render_json_ld(texts)
        self.script_hashes = [csp_hash(text) for text in texts]
        return context

    def render_to_response(self, context, **response_kwargs):
        return self._with_headers(super().render_to_response(context, **response_kwargs))

    def _with_headers(self, response):
        response._csp_update = {"script-src": self.script_hashes}  # its JSON-LD, by hash
        if not self.object.is_public:
            add_never_cache_headers(response)
            response["X-Robots-Tag"] = "noindex"
        else:
            set_last_modified(response, self.object)
        return response


def related_stories(story: Story, organization_ids: list[int]) -> list[dict]:
    """Public stories sharing the most organizations (`organization_ids`, the story's) with
    `story`, newest first: their slug, headline and publication time (no model instances: the
    page shows nothing else). One query; the story page keeps the result for the generation
    (cached_fragment)."""
    if not organization_ids:
        return []
    # Candidates: the latest stories of those organizations only. Counting shared
    # organizations over every story of a busy organization (thousands) took seconds.
    candidates = (
        StoryOrganization.objects.filter(organization_id__in=organization_ids)
        .exclude(story_id=story.pk)
        .order_by("-story_id")
        .values("story_id")[:RELATED_CANDIDATES]
    )
    return list(
        Story.objects.public()
        .filter(pk__in=candidates, story_organizations__organization_id__in=organization_ids)
        .annotate(shared=Count("story_organizations"))
        .order_by("-shared", "-published_at")
        .values("slug", "headline", "published_at")[:RELATED]
    )


class CorrectionListView(ListView):
    """/corrections/: every note on a public story, newest first."""

    template_name = "stories/correction_list.html"
    context_object_name = "corrections"

    def get_paginate_by(self, queryset):
        return settings.STORIES_PER_PAGE

    def get_queryset(self):
        return Correction.objects.public().select_related("story")

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            description="Every correction, clarification and update to our published stories.",
            breadcrumbs=[("Corrections and updates", None)],
            feeds=[
                {
                    "type": "application/rss+xml",
                    "title": "Corrections (RSS)",
                    "href": reverse("feeds:corrections-rss"),
                },
                {
                    "type": "application/atom+xml",
                    "title": "Corrections (Atom)",
                    "href": reverse("feeds:corrections-atom"),
                },
            ],  # fmt: skip
            **kwargs,
        )


class _StoryListView(TemplateView):
    """A page of public stories, newest first, keyset-paginated (newsroom.keyset)."""

    template_name = "stories/story_list.html"

    def get(self, request, *args, **kwargs):
        # Rendered once for each generation of pages and page of the listing (cached_page).
        return cached_page(
            request,
            type(self).__name__,
            page_query(request.GET),
            partial(self._response, request, *args, **kwargs),
        )

    def _response(self, request, *args, **kwargs):
        self.page = keyset_page(self.get_queryset(), request.GET, settings.STORIES_PER_PAGE)
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        raise NotImplementedError

    def stories(self):
        return Story.objects.public().cards()

    def get_context_data(self, **kwargs):
        return super().get_context_data(page=self.page, stories=self.page.object_list, **kwargs)

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        set_last_modified(response, *self.page.object_list)
        return response


class TagView(_StoryListView):
    def get_queryset(self):
        self.tag = get_object_or_404(Tag, slug=self.kwargs["slug"])
        # A semi-join, not a join: taggit's integer object_id cast to the story's bigint id
        # kept the database from its indexes (1.7 s for a common tag on 116k stories; 6 ms so).
        tagged = TaggedItem.objects.filter(
            content_type=ContentType.objects.get_for_model(Story),
            object_id=OuterRef("pk"),
            tag=self.tag,
        )
        return self.stories().filter(Exists(tagged))

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            heading=f"Tagged “{self.tag.name}”",
            title=f"Stories tagged {self.tag.name}",
            description=f"Stories tagged {self.tag.name}.",
            breadcrumbs=[("Tags", None), (self.tag.name, None)],
            feeds=feed_links("tag", self.tag.slug),
            **kwargs,
        )


class ArchiveView(_StoryListView):
    def get_queryset(self):
        year, month = self.kwargs["year"], self.kwargs.get("month")
        if not 1900 <= year <= 9999 or (month is not None and not 1 <= month <= 12):
            raise Http404("No such date.")
        stories = self.stories().filter(published_at__year=year)
        return stories.filter(published_at__month=month) if month else stories

    def get_context_data(self, **kwargs):
        year, month = self.kwargs["year"], self.kwargs.get("month")
        label = date(year, month or 1, 1).strftime("%B %Y" if month else "%Y")
        return super().get_context_data(
            heading=f"Stories from {label}",
            title=f"Stories from {label}",
            description=f"Every story published in {label}.",
            breadcrumbs=[("Archive", None), (label, None)],
            months=archive_months() if not month else [],
            feeds=feed_links("latest"),
            **kwargs,
        )


def archive_months() -> list:
    """The months that have public stories, newest first."""
    return list(Story.objects.public().datetimes("published_at", "month", order="DESC"))


def search(request: HttpRequest) -> HttpResponse:
    """Search public stories: facets (organization, kind, country, date) with counts that keep
    the query, sort by relevance or date, "did you mean"; paginated, bounded."""
    filters = SearchFilters.from_params(request.GET)
    results = run_search(filters, request.GET.get("page"), settings.STORIES_PER_PAGE)
    query = request.GET.copy()
    query.pop("page", None)
    return TemplateResponse(
        request,
        "stories/search.html",
        {
            "filters": filters,
            "query_text": filters.cleaned_query,
            "results": results,
            "items": results.items,
            "page_obj": results.page,
            "chosen": chosen_filters(filters),
            "search_url": reverse("stories:search"),  # once, not once per link
            "facets": [(facet, _facet_links(query, facet)) for facet in results.facets],
            "sorts": [(key, label, _with(query, sort=key)) for key, label in SORTS.items()],
            "suggestion_href": _with(QueryDict(mutable=True), q=results.suggestion or ""),
            "querystring": query.urlencode(),
            "full_text": uses_full_text(),
        },
    )


def _with(query: QueryDict, **values: str | list[str]) -> str:
    """`query` with these parameters replaced (an empty value removes one), as "?…"."""
    changed = query.copy()
    changed.pop("page", None)
    for name, value in values.items():
        changed.setlist(name, [v for v in ([value] if isinstance(value, str) else value) if v])
    return f"?{changed.urlencode()}"


def _facet_links(query: QueryDict, facet: Facet) -> list[tuple[FacetValue, str]]:
    """Each value of `facet` with the address that selects it (or, when selected, drops it)."""
    links = []
    for value in facet.values:
        if value.param == "date":
            start, end = ("", "") if value.selected else value.value
            href = _with(query, **{"from": start, "to": end})
        else:
            current = query.getlist(value.param)
            chosen = (
                [v for v in current if v != value.value]
                if value.selected
                else current + [value.value]
            )
            href = _with(query, **{value.param: chosen})
        links.append((value, href))
    return links


def preview(request: HttpRequest, token: str) -> HttpResponse:
    """A draft by its signed link: exactly the story page, marked as a preview."""
    story = story_for_token(token)
    if story is None:
        raise Http404("This preview link is not valid or has expired.")
    response = TemplateResponse(
        request,
        "stories/story_detail.html",
        {"story": story, "object": story, "preview": True, "related": [], "json_ld": "",
         **vars(story_links(story))},
    )  # fmt: skip
    add_never_cache_headers(response)  # no-store and private: a draft stays off shared caches
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


class SectionView(_StoryListView):
    """/sections/<slug>/: the stories about one kind of organization (stories.sections)."""

    def get_queryset(self):
        self.section = SECTIONS_BY_SLUG.get(self.kwargs["slug"])
        if self.section is None:
            raise Http404("No such section.")
        return self.section.stories().cards()

    def get_context_data(self, **kwargs):
        section = self.section
        return super().get_context_data(
            heading=section.name,
            title=section.name,
            description=section.description,
            breadcrumbs=[("Sections", None), (section.name, None)],
            feeds=section_feed_links("section", section.slug, section.name),
            **kwargs,
        )


class CountryView(_StoryListView):
    """/countries/<code>/: the stories about a country's organizations."""

    def get_queryset(self):
        self.country = country_named(self.kwargs["code"])
        if self.country is None:
            raise Http404("No such country.")
        return self.country.stories().cards()

    def get(self, request, *args, **kwargs):
        code = kwargs["code"]
        if code != code.lower() and (country := country_named(code)):
            return HttpResponsePermanentRedirect(country.get_absolute_url())
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        country = self.country
        return super().get_context_data(
            heading=country.name,
            title=f"Stories about {country.name}",
            description=f"Stories about {country.name}: its government, agencies and companies.",
            breadcrumbs=[("Countries", reverse("stories:country-list")), (country.name, None)],
            see_also=[
                (
                    f"Organizations in {country.name}",
                    reverse("people:organization-list") + f"?country={country.code}",
                )
            ],
            feeds=section_feed_links("country", country.code.lower(), country.name),
            **kwargs,
        )


class CountryListView(TemplateView):
    """/countries/: every country with public stories, A–Z, with how many."""

    template_name = "stories/country_list.html"

    def get_context_data(self, **kwargs):
        # Counting over every story's organizations is slow on a large archive: once for
        # each generation of pages (a publication starts a new one), shared by every request.
        countries = cached_fragment(
            "countries",
            "all",
            countries_in_the_news,
            getattr(self.request, "page_generation", None),
        )
        return super().get_context_data(
            countries=countries, breadcrumbs=[("Countries", None)], **kwargs
        )
