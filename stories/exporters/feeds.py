"""Feeds as exports: RSS, Atom and JSON Feed of a selection of stories.

RSS and Atom are built with Django's feed generators (which keep the items' fields in memory,
so they suit selections of thousands, not an archive); JSON Feed streams item by item.
"""

import io
import json
from collections.abc import Iterator

from django.conf import settings
from django.db.models import QuerySet

from stories.feeds import (
    AtomWithContent,
    RssWithContent,
    absolute,
    author_line,
    categories,
    json_item,
    story_html,
)
from stories.models import Story

TITLE = "Stories export"


def _xml(stories: QuerySet[Story], generator) -> Iterator[bytes]:
    feed = generator(
        title=f"{settings.SITE_NAME}: {TITLE}", link=settings.SITE_URL + "/",
        description=f"Stories exported from {settings.SITE_NAME}.", language="en",
    )  # fmt: skip
    for story in stories.for_export().iterator(chunk_size=500):
        feed.add_item(
            title=story.headline,
            link=absolute(story.get_absolute_url()),
            description=story.dek or (story.paragraphs[0] if story.paragraphs else ""),
            unique_id=f"{settings.SITE_URL}/stories/{story.pk}",
            unique_id_is_permalink=False,
            pubdate=story.published_at or story.created_at,
            updateddate=story.revised_at or story.updated_at,
            author_name=author_line(story),
            categories=categories(story),
            content_html=story_html(story),
        )
    out = io.StringIO()
    feed.write(out, "utf-8")
    yield out.getvalue().encode()


def export_rss(stories: QuerySet[Story]) -> Iterator[bytes]:
    return _xml(stories, RssWithContent)


def export_atom(stories: QuerySet[Story]) -> Iterator[bytes]:
    return _xml(stories, AtomWithContent)


def export_jsonfeed(stories: QuerySet[Story]) -> Iterator[bytes]:
    head = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": f"{settings.SITE_NAME}: {TITLE}",
        "home_page_url": settings.SITE_URL + "/",
        "language": "en",
    }
    yield json.dumps(head, ensure_ascii=False)[:-1].encode() + b', "items": ['
    for n, story in enumerate(stories.for_export().iterator(chunk_size=500)):
        if story.published_at is None:
            story.published_at = story.created_at
        yield (b", " if n else b"") + json.dumps(json_item(story), ensure_ascii=False).encode()
    yield b"]}\n"
