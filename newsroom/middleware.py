"""Caching of public pages for readers: shared-cache storage and Cache-Control headers.

Only anonymous GET and HEAD requests for reader pages that answered 200 are cached; the admin,
previews and anything sent to a signed-in user are not. The cache key holds the path and the
query parameters the pages read (PAGE_QUERY_PARAMETERS), sorted: a request with any other
parameter (`/?junk=1`) is served but not stored, so made-up addresses cannot fill the cache.
Conditional GET (ETag, Last-Modified, 304) is Django's ConditionalGetMiddleware, placed before
this one.
"""

import hashlib
from urllib.parse import urlencode

from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control, patch_vary_headers, set_response_etag

from newsroom.caching import generation, max_age

UNCACHED_PREFIXES = (
    "/admin/", "/stories/preview/", "/healthz", "/static/", "/media/", "/exports/", "/bench/",
)  # fmt: skip
# Every query parameter a cached page reads; any other one makes the request uncacheable.
PAGE_QUERY_PARAMETERS = frozenset(
    {"page", "q", "organization", "from", "to", "limit", "sort", "kind", "country", "cursor",
     "before", "after"}  # the listings' cursors (newsroom.keyset)
)  # fmt: skip


class PublicPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not self.cacheable_request(request):
            return self.get_response(request)
        path = hashlib.sha256(self._page_address(request).encode()).hexdigest()
        current = generation()  # one read of the shared cache for both keys
        request.page_generation = current  # and for the view's fragments (cached_fragment)
        key = f"newsroom:page:{current}:{path}"
        cached = cache.get(key)
        if cached is not None:
            content, headers = cached
            response = HttpResponse(content, status=200)
            for name, value in headers.items():
                response[name] = value
            response["X-Cache"] = "hit"
            return response
        response = self.get_response(request)
        if (
            response.status_code != 200
            or response.streaming
            or response.has_header("Cache-Control")
        ):
            return response
        seconds = max_age(current)
        patch_vary_headers(response, ["Cookie"])
        if seconds <= 0:
            patch_cache_control(response, no_cache=True, max_age=0)
            return response
        patch_cache_control(response, public=True, max_age=min(seconds, 60), s_maxage=seconds)
        # The ETag is stored with the page: ConditionalGetMiddleware would otherwise hash the
        # body again on every hit (a 50-item feed is some 200 KB).
        set_response_etag(response)
        headers = {k: v for k, v in response.items() if k.lower() not in {"set-cookie"}}
        cache.set(key, (response.content, headers), timeout=seconds)
        response["X-Cache"] = "miss"
        return response

    @staticmethod
    def _page_address(request: HttpRequest) -> str:
        query = sorted((name, value) for name, values in request.GET.lists() for value in values)
        return f"{request.path}?{urlencode(query)}" if query else request.path

    @staticmethod
    def cacheable_request(request: HttpRequest) -> bool:
        if request.method not in ("GET", "HEAD"):
            return False
        if not PAGE_QUERY_PARAMETERS.issuperset(request.GET.keys()):
            return False
        if request.path.startswith(UNCACHED_PREFIXES):
            return False
        if request.COOKIES.get("sessionid"):
            return False  # signed in, or was: staff see drafts and fresh pages
        return True
