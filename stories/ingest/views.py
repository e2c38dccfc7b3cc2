"""The webhook: a partner's system POSTs one release (plain text or ninjs) to /ingest/<source>/
with the source's bearer token, and gets back what became of it."""

from django.core.exceptions import RequestDataTooBig
from django.http import JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from stories.importers.errors import StoryImportError
from stories.ingest.ingesting import PayloadRefused, ingest_payload, record_run
from stories.ingest.models import IngestSource, SourceKind

MAX_BODY_BYTES = 1024 * 1024


@csrf_exempt  # a machine's request, authenticated by its bearer token, not a browser session
@require_POST
def receive(request, slug):
    source = IngestSource.objects.filter(
        slug=slug, kind=SourceKind.WEBHOOK, is_enabled=True
    ).first()
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    if source is None or scheme.lower() != "bearer" or not source.accepts_token(token.strip()):
        return JsonResponse({"error": "unknown source or wrong token"}, status=403)
    try:
        length = int(request.headers.get("Content-Length") or 0)
    except ValueError:
        length = 0
    if length > MAX_BODY_BYTES:
        return _too_large()
    try:
        body = request.body
    except RequestDataTooBig:
        return _too_large()
    if len(body) > MAX_BODY_BYTES:
        return _too_large()
    try:
        report = ingest_payload(
            source, body, name=f"{source.slug} webhook", content_type=request.content_type or ""
        )
    except (StoryImportError, PayloadRefused) as error:
        return JsonResponse({"error": str(error)}, status=400)
    record_run(source, report)
    return JsonResponse(report.as_dict(), status=201 if report.created else 200)


def _too_large() -> JsonResponse:
    return JsonResponse({"error": f"a release of at most {MAX_BODY_BYTES // 1024} KB"}, status=413)
