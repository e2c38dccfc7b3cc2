"""ninjs exports: NDJSON (one document per line) and a JSON array."""

import json
from collections.abc import Iterator

from django.db.models import QuerySet

from stories.exporters.ninjs import to_ninjs
from stories.models import Story


def _stories(stories: QuerySet[Story]):
    return stories.for_export().iterator(chunk_size=500)


def export_ndjson(stories: QuerySet[Story]) -> Iterator[bytes]:
    for story in _stories(stories):
        yield json.dumps(to_ninjs(story), ensure_ascii=False).encode() + b"\n"


def export_ninjs_array(stories: QuerySet[Story]) -> Iterator[bytes]:
    yield b"["
    for n, story in enumerate(_stories(stories)):
        yield (b",\n" if n else b"\n") + json.dumps(to_ninjs(story), ensure_ascii=False).encode()
    yield b"\n]\n"
