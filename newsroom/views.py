"""Site-wide views: the home page and the health check."""

from datetime import timedelta
from functools import partial
from pathlib import Path

from django.conf import settings
from django.db import connection
from django.db.models import Count
from django.http import HttpRequest, HttpResponse, HttpResponsePermanentRedirect, JsonResponse
from django.templatetags.static import static
from django.utils import timezone
from django.views.decorators.cache import cache_control, never_cache
from django.views.generic import TemplateView
from django.views.static import serve

from newsroom.caching import cache_state, cached_page
from newsroom.keyset import keyset_page, page_query
from people.models import Organization, Person
from stories.models import Story, StoryOrganization, StoryPerson
from stories.sections import SECTIONS

IN_THE_NEWS = 8  # organizations, and people, in the "In the news" box
IN_THE_NEWS_DAYS = 7


class HomeView(TemplateView):
    """The front page: a lead story, the latest after it, who is in the news and the sections;
    older stories page by page (newsroom.keyset)."""

    template_name = "newsroom/home.html"

    def get(self, request, *args, **kwargs):
        build = partial(super().get, request, *args, **kwargs)
        return cached_page(request, "home", page_query(request.GET), build)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        stories = Story.objects.public().cards()
        page = keyset_page(stories, self.request.GET, settings.STORIES_PER_PAGE)
        rows = page.object_list
        context["page"] = page
        context["lead"] = rows[0] if page.is_first and rows else None
        context["latest"] = rows[1:] if page.is_first else rows
        context["empty_text"] = (
            "No other stories yet." if rows else "No stories have been published yet."
        )
        context["sections"] = SECTIONS
        if page.is_first and rows:
            context["news_organizations"], context["news_people"] = in_the_news()
        return context


def in_the_news() -> tuple[list[Organization], list[Person]]:
    """The organizations and the people in the most public stories of the last days, most
    first: one aggregate query each, over the links of the week's stories only (counting
    over every organization took seconds on a large archive)."""
    since = timezone.now() - timedelta(days=IN_THE_NEWS_DAYS)
    recent = Story.objects.public().filter(published_at__gte=since).values("pk")
    organizations = [
        _counted(Organization(pk=row["organization_id"], name=row["organization__name"],
                              slug=row["organization__slug"]), row["n"])
        for row in StoryOrganization.objects.filter(story__in=recent)
        .values("organization_id", "organization__name", "organization__slug")
        .annotate(n=Count("story_id", distinct=True))
        .order_by("-n", "organization__name")[:IN_THE_NEWS]
    ]  # fmt: skip
    people = [
        _counted(Person(pk=row["person_id"], full_name=row["person__full_name"],
                        nickname=row["person__nickname"], slug=row["person__slug"]), row["n"])
        for row in StoryPerson.objects.filter(story__in=recent)
        .values("person_id", "person__full_name", "person__nickname", "person__slug")
        .annotate(n=Count("story_id", distinct=True))
        .order_by("-n", "person__full_name")[:IN_THE_NEWS]
    ]  # fmt: skip
    return organizations, people


def _counted(record, n: int):
    record.n_stories = n
    return record


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
