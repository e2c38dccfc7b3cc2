"""How long a public page may be cached, and one switch that invalidates every cached page.

Pages are cached (in the cache framework: Redis when REDIS_URL is set) under a key that holds
the current "generation"; any change to what readers can see moves the generation on, so no
cached page outlives an edit, a publication or an unpublication. A page may be cached at most
until the next scheduled story goes live, so a schedule is never served late.

The cache may be away (newsroom.cache_backends): pages are then served from the database, and
when it comes back the generation moves on, since edits made meanwhile could not clear it.
"""

import hashlib
import math
import uuid
from collections.abc import Callable
from typing import TypeVar

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import Min
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.http import http_date

from newsroom.transactions import pending_in_transaction

GENERATION_KEY = "newsroom:pages:generation"
T = TypeVar("T")


# Whether this process may have cached something under the current generation since it last
# moved it on (see pages_changed).
_generation_used = True


def generation() -> str:
    """The current generation of cached pages (a new one after a cache outage)."""
    global _generation_used
    _generation_used = True
    value = cache.get(GENERATION_KEY)
    if getattr(cache, "outage_ended", lambda: False)():
        value = invalidate_pages()
    if value is None:
        value = uuid.uuid4().hex
        cache.add(GENERATION_KEY, value, timeout=None)
        value = cache.get(GENERATION_KEY, value)
    return value


def invalidate_pages() -> str:
    """Every cached public page is stale from now on; returns the new generation."""
    global _generation_used
    _generation_used = False
    value = uuid.uuid4().hex
    cache.set(GENERATION_KEY, value, timeout=None)
    return value


def pages_changed() -> None:
    """Something readers see changed: cached pages are stale now, and again once the change is
    committed (so that no request in between caches the old state for long). The second time
    once per transaction, however many rows it saves; the first time too, unless this process
    read the generation since (other processes see none of the transaction's rows before it
    commits): deleting a thousand organizations moves the generation on twice, not 2,000 times.
    """
    if pending_in_transaction(_invalidate_after_commit):
        if _generation_used:
            invalidate_pages()
        return
    invalidate_pages()
    transaction.on_commit(_invalidate_after_commit)


def _invalidate_after_commit() -> None:
    invalidate_pages()


def cache_state() -> str:
    """ "ok", or "unreachable" when the cache does not answer (pages then come from the DB)."""
    ping = getattr(cache, "ping", None)
    return "ok" if ping is None or ping() else "unreachable"


def max_age(current: str | None = None) -> int:
    """Seconds a public page may be cached now: the configured age, or less when a scheduled
    story goes live sooner. 0 means "do not cache"."""
    from stories.models import Story  # the project package sits above the apps

    limit = settings.PAGE_CACHE_SECONDS
    key = f"newsroom:next-scheduled:{current or generation()}"
    upcoming = cache.get(key)
    if upcoming is None:  # asked once per generation, not once per request
        upcoming = Story.objects.scheduled().aggregate(next=Min("published_at"))["next"] or ""
        cache.set(key, upcoming, timeout=limit)
    if upcoming:
        # The largest whole number of seconds strictly less than the time left: a page cached
        # now is gone before the story goes live, whichever way a backend rounds the expiry.
        seconds_left = (upcoming - timezone.now()).total_seconds()
        limit = min(limit, math.ceil(seconds_left) - 1)
    return max(limit, 0)


def cached_fragment(
    name: str, key: object, build: Callable[[], T], current: str | None = None
) -> T:
    """`build()`, kept in the cache for this generation of pages: for the parts of a page that
    depend on other records (a story's related stories), so that a page-cache miss for an
    address variant (`?utm_source=…`) or a page sharing the part does not compute it again.
    `current` is the generation when the caller has it (request.page_generation)."""
    current = current or generation()
    cache_key = _fragment_key(current, name, key)
    value = cache.get(cache_key)
    if value is None:
        value = build()
        _keep(cache_key, value, current)
    return value


def _fragment_key(current: str, name: str, key: object) -> str:
    return f"newsroom:fragment:{current}:{name}:{key}"


def _keep(cache_key: str, value: object, current: str) -> None:
    """Keep `value` for the generation `current`, as long as a page of it may be cached."""
    if seconds := max_age(current):
        cache.set(cache_key, value, timeout=seconds)


# What a page kept by cached_page keeps of its response besides the body.
KEPT_HEADERS = ("Content-Type", "Last-Modified")


def cached_page(
    request: HttpRequest, name: str, query: str, build: Callable[[], HttpResponse]
) -> HttpResponse:
    """The response `build()` makes for this page, its body rendered once for this generation
    of pages: for the listings and feeds, whose page-cache miss (an address variant such as
    `?utm_source=…`, or the first request after a publication for the rest) otherwise queries
    and renders it all again. The page is known by `name`, the request's path and `query`
    (the parameters it reads, canonical: "before=…", "limit=50"), so its output must depend on
    nothing else (not on the user: these pages are the same for everyone). Only a 200 is kept;
    a 404 raised by `build` goes through. With the cache away it is `build()` every time."""
    current = getattr(request, "page_generation", None) or generation()
    address = hashlib.sha256(f"{request.path}?{query}".encode()).hexdigest()
    cache_key = _fragment_key(current, name, address)
    kept = cache.get(cache_key)
    if kept is not None:
        content, headers = kept
        response = HttpResponse(content)
        for header, value in headers.items():
            response[header] = value
        return response
    response = build()
    if hasattr(response, "render"):
        response.render()  # a TemplateResponse
    if response.status_code == 200 and not response.streaming and not response.cookies:
        headers = {h: response[h] for h in KEPT_HEADERS if response.has_header(h)}
        _keep(cache_key, (response.content, headers), current)
    return response


def set_last_modified(response, *records) -> None:
    """Last-Modified from the newest `updated_at` of `records` (stories, organizations…)."""
    dates = [record.updated_at for record in records if record is not None]
    if dates:
        response["Last-Modified"] = http_date(max(dates).timestamp())
