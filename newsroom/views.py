"""Site-wide views: the home page and the health check."""

from pathlib import Path

from django.conf import settings
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.cache import cache_control, never_cache
from django.views.generic import ListView
from django.views.static import serve

from newsroom.caching import cache_state
from stories.models import Story


class HomeView(ListView):
    template_name = "newsroom/home.html"
    context_object_name = "stories"

    def get_paginate_by(self, queryset):
        return settings.STORIES_PER_PAGE

    def get_queryset(self):
        return Story.objects.public().for_listing().order_by("-published_at", "-pk")


@never_cache
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
