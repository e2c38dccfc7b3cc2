"""Searching public stories: PostgreSQL full-text search with ranking and highlighted snippets,
and a plain fallback on SQLite. Queries are free text; nothing a reader types raises an error.

The search vector weighs the headline (A) above the dek (B) above the body and the names of the
story's organizations (with their aliases) and people (C). It is refreshed after every change
that affects it (stories.signals).
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.db import connection
from django.db.models import F, Q, QuerySet
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from stories.models import Story
from stories.snippets import highlighted_snippet

MAX_QUERY = 200
START, STOP = "\x02", "\x03"  # highlight markers: not in any text, escaped around afterwards

_REFRESH = """
UPDATE stories_story s SET search_vector =
    setweight(to_tsvector('english', coalesce(s.headline, '')), 'A')
 || setweight(to_tsvector('english', coalesce(s.dek, '')), 'B')
 || setweight(to_tsvector('english', coalesce(s.body, '')), 'C')
 || setweight(to_tsvector('simple', coalesce((
        SELECT string_agg(o.name || ' ' || coalesce((
            SELECT string_agg(a.name, ' ') FROM people_organizationalias a
            WHERE a.organization_id = o.id), ''), ' ')
        FROM stories_storyorganization so JOIN people_organization o ON o.id = so.organization_id
        WHERE so.story_id = s.id), '')), 'C')
 || setweight(to_tsvector('simple', coalesce((
        SELECT string_agg(p.full_name || ' ' || p.nickname, ' ')
        FROM stories_storyperson sp JOIN people_person p ON p.id = sp.person_id
        WHERE sp.story_id = s.id), '')), 'C')
WHERE s.id = ANY(%s)
"""


def uses_full_text() -> bool:
    return connection.vendor == "postgresql"


def refresh_search_vectors(story_ids: Iterable[int]) -> None:
    """Recompute the search vector of these stories (PostgreSQL; a no-op elsewhere)."""
    ids = sorted(set(story_ids))
    if ids and uses_full_text():
        with connection.cursor() as cursor:
            cursor.execute(_REFRESH, [ids])


@dataclass
class SearchFilters:
    query: str = ""
    organization: str = ""  # slug
    start: date | None = None
    end: date | None = None

    @property
    def cleaned_query(self) -> str:
        return re.sub(r"\s+", " ", self.query.replace("\x00", " ")).strip()[:MAX_QUERY]


def search_stories(filters: SearchFilters) -> QuerySet[Story]:
    """Public stories matching `filters`, best first (newest first without a query)."""
    stories = Story.objects.public().for_listing()
    if filters.organization:
        stories = stories.filter(story_organizations__organization__slug=filters.organization)
    if filters.start:
        stories = stories.filter(published_at__date__gte=filters.start)
    if filters.end:
        stories = stories.filter(published_at__date__lte=filters.end)
    text = filters.cleaned_query
    if not text:
        return stories.order_by("-published_at", "-pk")
    if uses_full_text():
        query = SearchQuery(text, search_type="websearch", config="english") | SearchQuery(
            text, search_type="websearch", config="simple"
        )
        return (
            stories.filter(search_vector=query)
            .annotate(
                rank=SearchRank(F("search_vector"), query),
                marked=SearchHeadline(
                    "body",
                    query,
                    config="english",
                    start_sel=START,
                    stop_sel=STOP,
                    max_words=40,
                    min_words=20,
                    max_fragments=2,
                ),  # fmt: skip
            )
            .order_by("-rank", "-published_at", "-pk")
        )
    condition = Q()
    for term in text.split()[:10]:
        condition &= (
            Q(headline__icontains=term)
            | Q(dek__icontains=term)
            | Q(body__icontains=term)
            | Q(story_organizations__organization__name__icontains=term)
            | Q(story_people__person__full_name__icontains=term)
        )
    matching = Story.objects.filter(condition).values("pk")
    return stories.filter(pk__in=matching).order_by("-published_at", "-pk")


def snippet_for(story: Story, text: str) -> SafeString:
    """The highlighted passage to show under a result."""
    marked = getattr(story, "marked", None)
    if marked:
        html = escape(marked).replace(START, "<mark>").replace(STOP, "</mark>")
        return mark_safe(html)
    terms = [t for t in text.split() if len(t) > 1][:10]
    spans = []
    lowered = story.body.lower()
    for term in terms:
        at = lowered.find(term.lower())
        if at >= 0:
            spans.append((at, at + len(term)))
    if not spans:
        return mark_safe(escape(story.body[:200]) + ("…" if len(story.body) > 200 else ""))
    return highlighted_snippet(story.body, spans)
