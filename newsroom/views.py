"""Site-wide views: the home page and the health check."""

from django.conf import settings
from django.db import connection
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.generic import ListView

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
    """200 when the database answers, 503 when it does not."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception:  # noqa: BLE001 - any database failure means "unhealthy"
        return JsonResponse({"status": "error", "database": "unreachable"}, status=503)
    return JsonResponse({"status": "ok"})
