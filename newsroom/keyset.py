"""Keyset pagination for story listings: pages of stories newest first, found from a cursor
(the publish time and id of the story on the other side of the page break), never by OFFSET.

A page deep in a long archive costs what the first page costs: the database walks its
(published_at, id) index from the cursor and stops after one page. The cursor is in the
address, `?before=…` for the older page and `?after=…` for the newer; a cursor that cannot be
read gives the first page.
"""

from dataclasses import dataclass
from datetime import UTC, datetime

from django.db import connections
from django.db.models import Q, QuerySet
from django.http import QueryDict
from django.utils.http import urlencode

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
    query: str = ""  # this page's own ("before=…"; "" for the first page)

    @property
    def is_first(self) -> bool:
        return self.newer_query is None

    @property
    def has_other_pages(self) -> bool:
        return self.newer_query is not None or self.older_query is not None

    @property
    def address_query(self) -> str:
        """What follows the path in this page's address (its canonical link): "?before=…", or
        "" for the first page."""
        return f"?{self.query}" if self.query else ""


# The query parameters a listing reads: its address is the path and these (page_query).
PARAMETERS = (BEFORE, AFTER)


def page_query(query: QueryDict) -> str:
    """The part of `query` that says which page of a listing is asked for (the rest, such as
    `?utm_source=`, changes nothing on it)."""
    return urlencode([(name, value) for name in PARAMETERS for value in query.getlist(name)])


def keyset_page(stories: QuerySet | list[QuerySet], query: QueryDict, per_page: int) -> KeysetPage:
    """The page of `stories` (public, any order) that `query` asks for: the first page, the one
    older than `?before=` or the one newer than `?after=` (both given: `before`). One query for
    the page (and the prefetches of `stories`), read again as the first page when `?after=`
    reaches the newest story; never a count. The links to the neighbours carry their cursor
    only, so that the page is the same whatever other parameters its address has.

    `stories` may be a list of querysets (of the same columns) whose union is the listing:
    each is paged on its own inside the one query, and the pages merged (UNION), so that the
    database can plan each part on its own (see StoryQuerySet.quoting_parts)."""
    before, after = Cursor.parse(query.get(BEFORE)), Cursor.parse(query.get(AFTER))
    parts = stories if isinstance(stories, list) else [stories]
    if after and not before:
        rows = _rows(parts, _after(after), ("published_at", "pk"), per_page + 1)
        if len(rows) > per_page:
            rows = rows[:per_page][::-1]
            return KeysetPage(
                rows, _link(AFTER, rows[0]), _link(BEFORE, rows[-1]), _cursor(AFTER, after)
            )
        # Fewer than a page is newer: the first page, whose end may not be where `after` said.
    elif before:
        rows = _rows(parts, _before(before), ("-published_at", "-pk"), per_page + 1)
        older = _link(BEFORE, rows[per_page - 1]) if len(rows) > per_page else None
        rows = rows[:per_page]
        newer = _link(AFTER, rows[0]) if rows else ""
        return KeysetPage(rows, newer, older, _cursor(BEFORE, before))
    rows = _rows(parts, None, ("-published_at", "-pk"), per_page + 1)
    older = _link(BEFORE, rows[per_page - 1]) if len(rows) > per_page else None
    return KeysetPage(rows[:per_page], None, older)


def _rows(parts: list[QuerySet], condition: Q | None, order: tuple, limit: int) -> list:
    """The first `limit` rows in `order` of the union of `parts` that meet `condition`."""
    selected = [part.filter(condition) if condition else part for part in parts]
    if len(selected) == 1:
        return list(selected[0].order_by(*order)[:limit])
    if connections[selected[0].db].features.supports_slicing_ordering_in_compound:
        selected = [part.order_by(*order)[:limit] for part in selected]
    else:  # SQLite: the union of the whole parts, then its page
        selected = [part.order_by() for part in selected]
    return list(selected[0].union(*selected[1:]).order_by(*order)[:limit])


def _before(cursor: Cursor) -> Q:
    # The redundant `published_at <= t` lets the database range-scan its index.
    return Q(published_at__lte=cursor.published_at) & (
        Q(published_at__lt=cursor.published_at) | Q(pk__lt=cursor.pk)
    )


def _after(cursor: Cursor) -> Q:
    return Q(published_at__gte=cursor.published_at) & (
        Q(published_at__gt=cursor.published_at) | Q(pk__gt=cursor.pk)
    )


def _link(direction: str, story) -> str:
    """The query string of the page beyond `story` in `direction`."""
    return _cursor(direction, Cursor.of(story))


def _cursor(direction: str, cursor: Cursor) -> str:
    return urlencode({direction: str(cursor)})
