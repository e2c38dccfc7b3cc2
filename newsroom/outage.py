"""A database outage answers 503 with Retry-After: readers never see a traceback or a 500.

The database restarting (a failover, an upgrade, a crash) makes every query fail for a few
seconds. Readers, crawlers and feed fetchers should come back later rather than see an error
page, and the site must recover by itself: the broken connection is closed here, so the next
request opens a new one as soon as the database answers again.
"""

import logging
from contextlib import suppress

from django.db import DatabaseError, InterfaceError, OperationalError, connections
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils.cache import add_never_cache_headers

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 30


class DatabaseOutageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not isinstance(exception, OperationalError | InterfaceError):
            return None
        logger.warning("Database unavailable (%s %s): %s", request.method, request.path, exception)
        close_broken_connections()
        return outage_response()


def close_broken_connections() -> None:
    """Drop connections the outage broke, so the next query reconnects (no restart needed)."""
    for connection in connections.all(initialized_only=True):
        if connection.in_atomic_block:
            continue  # the transaction's owner rolls back; the request's end closes it
        try:
            connection.close_if_unusable_or_obsolete()
        except DatabaseError:  # too broken even to ask: drop it
            with suppress(DatabaseError):
                connection.close()


def outage_response() -> HttpResponse:
    """The 503 page: plain HTML that needs neither the database nor the request's context."""
    response = HttpResponse(
        render_to_string("503.html"), status=503, content_type="text/html; charset=utf-8"
    )
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    add_never_cache_headers(response)
    return response
