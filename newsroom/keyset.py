"""Keyset pagination for story listings: pages of stories newest first, found from a cursor
(the publish time and id of the story on the other side of the page break), never by OFFSET.

A page deep in a long archive costs what the first page costs: the database walks its
(published_at, id) index from the cursor and stops after one page. The cursor is in the
address, `?before=…` for the older page and `?after=…` for the newer; a cursor that cannot be
read gives the first page.
"""

from dataclasses import dataclass
from datetime import UTC, datetime

from django.db.models import Q, QuerySet
from django.http import QueryDict

BEFORE, AFTER = "before", "after"


@dataclass(frozen=True)
class Cursor:
    published_at: datetime
    pk: int

    def __str__(self) -> str:
        """`20261129T112530.123456Z.42`: the time in UTC to the microsecond, then the id."""
        moment = self.published_at.astimezone(UTC).strftime("%Y%m%dT%H%M%S.%fZ")
        return f"{moment}.{self.pk}"

    @classmethod
    def parse(cls, text: str | None) -> "Cursor | None":
        """The cursor `text` spells, or None when it spells none (any text at all)."""
        moment, _, pk = (text or "").rpartition(".")
        if not (pk.isascii() and pk.isdigit() and len(pk) <= 18):
            return None
        try:
            published_at = datetime.strptime(moment, "%Y%m%dT%H%M%S.%fZ").replace(tzinfo=UTC)
        except ValueError:
            return None
        return cls(published_at, int(pk))

    @classmethod
    def of(cls, story) -> "Cursor":
        return cls(story.published_at, story.pk)


@dataclass
class KeysetPage:
    """One page of a listing, newest first, and the addresses ("?before=…") of its neighbours."""

    object_list: list
    newer_query: str | None  # None: this is the newest page
    older_query: str | None  # None: this is the oldest page

    @property
    def is_first(self) -> bool:
        return self.newer_query is None

    @property
    def has_other_pages(self) -> bool:
        return self.newer_query is not None or self.older_query is not None


def keyset_page(stories: QuerySet, query: QueryDict, per_page: int) -> KeysetPage:
    """The page of `stories` (public, any order) that `query` asks for: the first page, the one
    older than `?before=` or the one newer than `?after=` (both given: `before`). One query for
    the page (and the prefetches of `stories`), read again as the first page when `?after=`
    reaches the newest story; never a count."""
    before, after = Cursor.parse(query.get(BEFORE)), Cursor.parse(query.get(AFTER))
    if after and not before:
        rows = list(stories.filter(_after(after)).order_by("published_at", "pk")[: per_page + 1])
        if len(rows) > per_page:
            rows = rows[:per_page][::-1]
            return KeysetPage(rows, _link(query, AFTER, rows[0]), _link(query, BEFORE, rows[-1]))
        # Fewer than a page is newer: the first page, whose end may not be where `after` said.
    elif before:
        rows = list(
            stories.filter(_before(before)).order_by("-published_at", "-pk")[: per_page + 1]
        )
        older = _link(query, BEFORE, rows[per_page - 1]) if len(rows) > per_page else None
        rows = rows[:per_page]
        newer = _link(query, AFTER, rows[0]) if rows else _first(query)
        return KeysetPage(rows, newer, older)
    rows = list(stories.order_by("-published_at", "-pk")[: per_page + 1])
    older = _link(query, BEFORE, rows[per_page - 1]) if len(rows) > per_page else None
    return KeysetPage(rows[:per_page], None, older)


def _before(cursor: Cursor) -> Q:
    # The redundant `published_at <= t` lets the database range-scan its index.
    return Q(published_at__lte=cursor.published_at) & (
        Q(published_at__lt=cursor.published_at) | Q(pk__lt=cursor.pk)
    )


def _after(cursor: Cursor) -> Q:
    return Q(published_at__gte=cursor.published_at) & (
        Q(published_at__gt=cursor.published_at) | Q(pk__gt=cursor.pk)
    )


def _link(query: QueryDict, direction: str, story) -> str:
    """The query string of the page beyond `story` in `direction`, other parameters kept."""
    kept = _without_cursors(query)
    kept[direction] = str(Cursor.of(story))
    return kept.urlencode()


def _first(query: QueryDict) -> str:
    return _without_cursors(query).urlencode()


def _without_cursors(query: QueryDict) -> QueryDict:
    kept = query.copy()
    for name in (BEFORE, AFTER, "page"):
        kept.pop(name, None)
    return kept
