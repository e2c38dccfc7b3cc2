"""Exports over HTTP for staff scripts: /exports/<format>/?filters, streamed.

Allowed for signed-in staff with the export permission, or with `Authorization: Bearer <token>`
for a token an administrator issued (ExportToken) to such a user."""

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, StreamingHttpResponse
from django.utils import timezone
from django.utils.dateparse import parse_date
from django.views.decorators.cache import never_cache

from stories.exporters import EXPORTERS, Selection, select_stories, valid_statuses
from stories.models import ExportToken

PERMISSION = "stories.export_story"


def _user(request: HttpRequest):
    header = request.headers.get("Authorization", "")
    if header.startswith("Bearer "):
        token = ExportToken.objects.for_key(header.removeprefix("Bearer ").strip())
        return token.user if token else AnonymousUser()
    return request.user


@never_cache
def export(request: HttpRequest, format: str) -> StreamingHttpResponse:
    exporter = EXPORTERS.get(format)
    if exporter is None:
        raise Http404("No such export format.")
    user = _user(request)
    if not (user.is_active and user.is_staff and user.has_perm(PERMISSION)):
        raise PermissionDenied("Exports are for staff with the export permission.")
    statuses = tuple(s for s in request.GET.getlist("status") if s in valid_statuses())
    selection = Selection(
        since=_date(request.GET.get("since")), until=_date(request.GET.get("until")),
        organization=request.GET.get("organization", ""), tag=request.GET.get("tag", ""),
        person=request.GET.get("person", ""), statuses=statuses,
    )  # fmt: skip
    response = StreamingHttpResponse(
        exporter.write(select_stories(selection)), content_type=exporter.content_type
    )
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    response["Content-Disposition"] = f'attachment; filename="stories-{stamp}.{exporter.extension}"'
    return response


def _date(value: str | None):
    try:
        return parse_date(value) if value else None
    except ValueError:
        return None
