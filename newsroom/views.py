"""Site-wide views: the home page and the health check."""

from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.db import connection
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse, HttpResponsePermanentRedirect, JsonResponse
from django.templatetags.static import static
from django.utils import timezone
from django.views.decorators.cache import cache_control, never_cache
from django.views.generic import ListView
from django.views.static import serve

from newsroom.caching import cache_state
from people.models import Organization, Person
from stories.models import Story, StoryStatus

IN_THE_NEWS = 8  # organizations, and people, in the "In the news" box
IN_THE_NEWS_DAYS = 7


class HomeView(ListView):
    """The front page: on page 1 a lead story, the latest after it, and who is in the news."""

    template_name = "newsroom/home.html"
    context_object_name = "stories"

    def get_paginate_by(self, queryset):
        return settings.STORIES_PER_PAGE

    def get_queryset(self):
        return Story.objects.public().for_listing().order_by("-published_at", "-pk")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        stories = list(context["stories"])
        first_page = context["page_obj"].number == 1
        context["lead"] = stories[0] if first_page and stories else None
        context["latest"] = stories[1:] if first_page else stories
        context["empty_text"] = (
            "No other stories yet." if stories else "No stories have been published yet."
        )
        if first_page and stories:
            context["news_organizations"], context["news_people"] = in_the_news()
        return context


def in_the_news() -> tuple[list[Organization], list[Person]]:
    """The organizations and the people in the most public stories of the last days, most
    first: one aggregate query each."""
    now = timezone.now()
    since = now - timedelta(days=IN_THE_NEWS_DAYS)
    recent = Q(
        story_links__story__status=StoryStatus.PUBLISHED,
        story_links__story__published_at__gte=since,
        story_links__story__published_at__lte=now,
    )
    counted = Count("story_links__story", filter=recent, distinct=True)
    organizations = (
        Organization.objects.annotate(n_stories=counted)
        .filter(n_stories__gt=0)
        .order_by("-n_stories", "name")
        .only("name", "slug")[:IN_THE_NEWS]
    )
    people = (
        Person.objects.annotate(n_stories=counted)
        .filter(n_stories__gt=0)
        .order_by("-n_stories", "full_name")
        .only("full_name", "nickname", "slug")[:IN_THE_NEWS]
    )
    return list(organizations), list(people)


@never_cache
def favicon(request: HttpRequest) -> HttpResponse:
    """/favicon.ico, which browsers and feed readers ask for whatever a page links: the icon
    among the static files (so that it is fingerprinted and cached like them)."""
    return HttpResponsePermanentRedirect(static("favicon.ico"))


def healthz(request: HttpRequest) -> JsonResponse:
    """200 while the database answers ("degraded" when the cache does not: pages then come
    from the database), 503 when the database does not answer."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        database = "ok"
    except Exception:  # noqa: BLE001 - any database failure means "unhealthy"
        database = "unreachable"
    cache = cache_state()
    if database != "ok":
        status = "error"
    else:
        status = "ok" if cache == "ok" else "degraded"
    return JsonResponse(
        {"status": status, "database": database, "cache": cache},
        status=503 if database != "ok" else 200,
    )


# A fixed 20 KB page, about the size of a story page.
TRIVIAL_PAGE = (
    b"<!doctype html><title>Trivial</title>"
    + b"<p>Fixed text for the benchmark's reference page.</p>\n" * 370
)


def bench_trivial(request: HttpRequest) -> HttpResponse:
    """The benchmark's reference (settings.BENCH only): Django and its middleware, nothing else."""
    return HttpResponse(TRIVIAL_PAGE)


@cache_control(public=True, max_age=31536000, immutable=True)
def rendition(request: HttpRequest, path: str) -> HttpResponse:
    """An image rendition from MEDIA_ROOT/renditions (named by asset id and width, so never
    changed). `path` is relative to that folder (the URL pattern allows no ".." segment) and
    served from it alone: nothing else under MEDIA_ROOT is reachable."""
    return serve(request, path, document_root=Path(settings.MEDIA_ROOT) / "renditions")
