"""The admin story list at 100,000 stories: how it counts and how it searches.

Counting: an exact COUNT(*) of a broad list reads every matching row (a search for a common
word: 37,000 stories, each one's search vector out of line; hundreds of milliseconds), so the
list counts exactly up to EXACT_UP_TO stories and, beyond, shows PostgreSQL's estimate as
"about N" (the planner's statistics for a filtered list, the table's row count for the whole
archive). Pages beyond stay reachable by the estimate; SQLite counts exactly.

Searching: on PostgreSQL the editor's words are matched by the stories' full-text index (the
headline, dek, body, and the names of the story's organizations, their aliases and its people),
each word as the beginning of a word ("ener" finds "energy"), plus the exact slug and the name
of the story's source, each by an index; SQLite matches the search fields with LIKE.
"""

import json
import re

from django.contrib.admin.views.main import ChangeList
from django.contrib.postgres.search import SearchQuery
from django.core.paginator import Paginator
from django.db import connections
from django.db.models import Q, QuerySet
from django.utils.functional import cached_property

from people.models import Role

EXACT_UP_TO = 1000  # stories counted exactly; a larger list shows an estimate
SEARCH_WORDS = 8  # words of a search that count
SOURCE_ROLES = 2000  # at most this many source roles whose person's name matches


class StoryListPaginator(Paginator):
    """Exact counts up to EXACT_UP_TO, then PostgreSQL's estimate (`estimated` is then True)."""

    estimated = False

    @cached_property
    def count(self) -> int:
        stories = self.object_list
        if connections[stories.db].vendor != "postgresql":
            return super().count
        if not stories.query.where:
            estimate = _table_rows(stories)
            if estimate > EXACT_UP_TO:
                self.estimated = True
                return estimate
            return super().count
        rows = stories.order_by().values("pk")
        bounded = rows[: EXACT_UP_TO + 1].count()
        if bounded <= EXACT_UP_TO:
            return bounded
        self.estimated = True
        return max(bounded, _planned_rows(rows))


def _table_rows(stories: QuerySet) -> int:
    """The planner's count of the table's rows (kept by autovacuum and ANALYZE)."""
    with connections[stories.db].cursor() as cursor:
        cursor.execute(
            "SELECT reltuples FROM pg_class WHERE oid = %s::regclass",
            [stories.model._meta.db_table],
        )
        row = cursor.fetchone()
    return int(row[0]) if row and row[0] > 0 else 0


def _planned_rows(rows: QuerySet) -> int:
    """How many rows the planner expects `rows` to return (EXPLAIN, nothing executed)."""
    plan = json.loads(rows.explain(format="json"))
    if isinstance(plan, list):  # the driver's JSON: a list of one plan, or the plan itself
        plan = plan[0]
    return int(plan["Plan"]["Plan Rows"])


class StoryChangeList(ChangeList):
    """The story list reads the columns it shows, not each story's text and search vector
    (actions get the whole stories: they work on a queryset of their own)."""

    def get_results(self, request):
        self.queryset = self.queryset.defer("body", "dek", "search_vector")
        super().get_results(request)


def editor_query(text: str) -> SearchQuery | None:
    """The words of `text`, each as the beginning of a word, all required; stemmed in English
    or as written (names, acronyms). None when `text` has no words."""
    words = re.findall(r"\w+", text)[:SEARCH_WORDS]
    if not words:
        return None
    raw = " & ".join(f"{word}:*" for word in words)
    return SearchQuery(raw, search_type="raw", config="english") | SearchQuery(
        raw, search_type="raw", config="simple"
    )


def search_stories(stories: QuerySet, text: str) -> QuerySet:
    """The stories among `stories` that an editor's search `text` finds (PostgreSQL): by the
    full-text index, the slug, or the name of their source."""
    text = text.strip()
    query = editor_query(text)
    found = Q(slug=text.lower())
    if query is not None:
        found |= Q(search_vector=query)
    # The roles first (a small table): a list of ids lets PostgreSQL combine the indexes.
    roles = list(
        Role.objects.filter(person__full_name__icontains=text)
        .order_by()
        .values_list("pk", flat=True)[:SOURCE_ROLES]
    )
    if roles:
        found |= Q(source_role_id__in=roles)
    return stories.filter(found)
