"""ninjs exports: NDJSON (one document per line) and a JSON array."""

import json
from collections.abc import Iterator

from django.db.models import QuerySet

from stories.exporters.ninjs import ninjs_documents
from stories.models import Story


def export_ndjson(stories: QuerySet[Story]) -> Iterator[bytes]:
    # Documents are trees of dicts and lists made fresh for each story: no cycle to look for.
    dumps = json.JSONEncoder(ensure_ascii=False, check_circular=False).encode
    for document in ninjs_documents(stories):
        yield dumps(document).encode() + b"\n"


def export_ninjs_array(stories: QuerySet[Story]) -> Iterator[bytes]:
    dumps = json.JSONEncoder(ensure_ascii=False).encode
    yield b"["
    for n, document in enumerate(ninjs_documents(stories)):
        yield (b",\n" if n else b"\n") + dumps(document).encode()
    yield b"\n]\n"
