"""Public pages about stories: a story, a tag, the date archive, search; signed previews."""

from datetime import date

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Count, Exists, OuterRef
from django.http import Http404, HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.dateparse import parse_date
from django.views.generic import DetailView, ListView
from taggit.models import Tag

from newsroom.caching import cached_fragment, set_last_modified
from newsroom.content_security import csp_hash
from people.models import Organization
from stories.feeds import feed_links
from stories.models import Correction, Story, StoryOrganization, StoryQuote
from stories.previews import story_for_token
from stories.redirects import story_for_old_slug
from stories.search import SearchFilters, search_stories, snippet_for, uses_full_text
from stories.structured_data import json_ld_texts, render_json_ld

RELATED = 4
RELATED_CANDIDATES = 400  # links of the story's organizations looked at, newest first


class StoryDetailView(DetailView):
    template_name = "stories/story_detail.html"
    context_object_name = "story"

    def get_queryset(self):
        # Whether it has quotes, in the story's own query: no query for their JSON-LD otherwise.
        stories = Story.objects.for_page().annotate(
            has_quotes=Exists(StoryQuote.objects.filter(story=OuterRef("pk")))
        )
        if self.request.user.has_perm("stories.view_story"):
            return stories  # editors preview drafts; never cached, see render_to_response
        return stories.public()

    def get(self, request, *args, **kwargs):
        try:
            return super().get(request, *args, **kwargs)
        except Http404:
            moved = story_for_old_slug(kwargs.get("slug", ""))
            if moved is None or not self.get_queryset().filter(pk=moved.pk).exists():
                raise
            return HttpResponsePermanentRedirect(moved.get_absolute_url())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        story = self.object
        # Only a story with an "Updated" time can carry notes: no query for the others.
        corrections = list(story.corrections.all()) if story.revised_at else []
        context["corrections_above"] = [c for c in corrections if c.shown_above_body]
        context["updates_below"] = [c for c in corrections if not c.shown_above_body]
        context["related"] = cached_fragment(
            "related",
            story.pk,
            lambda: related_stories(story),
            getattr(self.request, "page_generation", None),
        )
        quotes = (
            list(story.quotes.select_related("speaker_person", "speaker_organization"))
            if getattr(story, "has_quotes", True)
            else []
        )
        texts = json_ld_texts(story, corrections=corrections, quotes=quotes)
        context["json_ld"] = render_json_ld(texts)
        self.script_hashes = [csp_hash(text) for text in texts]
        return context

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        response._csp_update = {"script-src": self.script_hashes}  # its JSON-LD, by hash
        if not self.object.is_public:
            add_never_cache_headers(response)
            response["X-Robots-Tag"] = "noindex"
        else:
            set_last_modified(response, self.object)
        return response


def related_stories(story: Story) -> list[dict]:
    """Public stories sharing the most organizations with `story`, newest first: their slug,
    headline and publication time (no model instances: the page shows nothing else). One
    query; the story page keeps the result for the generation (cached_fragment)."""
    organization_ids = [link.organization_id for link in story.story_organizations.all()]
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


class _StoryListView(ListView):
    """A paginated list of public stories."""

    template_name = "stories/story_list.html"
    context_object_name = "stories"

    def get_paginate_by(self, queryset):
        return settings.STORIES_PER_PAGE

    def stories(self):
        return Story.objects.public().for_listing().order_by("-published_at", "-pk")


class TagView(_StoryListView):
    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        set_last_modified(response, *context["stories"])
        return response

    def get_queryset(self):
        self.tag = get_object_or_404(Tag, slug=self.kwargs["slug"])
        return self.stories().filter(tags=self.tag)

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
    """Search public stories, with filters by organization and date; paginated."""
    filters = SearchFilters(
        query=request.GET.get("q", ""),
        organization=request.GET.get("organization", "")[:300],
        start=_date(request.GET.get("from")),
        end=_date(request.GET.get("to")),
    )
    results = search_stories(filters)
    page = Paginator(results, settings.STORIES_PER_PAGE).get_page(request.GET.get("page"))
    text = filters.cleaned_query
    items = [(story, snippet_for(story, text) if text else "") for story in page.object_list]
    organization = (
        Organization.objects.filter(slug=filters.organization).only("name", "slug").first()
        if filters.organization
        else None
    )
    query = request.GET.copy()
    query.pop("page", None)
    return TemplateResponse(
        request,
        "stories/search.html",
        {
            "filters": filters,
            "query_text": text,
            "items": items,
            "page_obj": page,
            "organization": organization,
            "querystring": query.urlencode(),
            "full_text": uses_full_text(),
        },
    )


def _date(value: str | None) -> date | None:
    try:
        return parse_date(value) if value else None
    except ValueError:
        return None


def preview(request: HttpRequest, token: str) -> HttpResponse:
    """A draft by its signed link: exactly the story page, marked as a preview."""
    story = story_for_token(token)
    if story is None:
        raise Http404("This preview link is not valid or has expired.")
    response = TemplateResponse(
        request,
        "stories/story_detail.html",
        {"story": story, "object": story, "preview": True, "related": [], "json_ld": ""},
    )
    add_never_cache_headers(response)  # no-store and private: a draft stays off shared caches
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response
