"""Fetch a URL politely: our User-Agent, a timeout, a size limit, redirects followed, and
conditional requests (ETag / Last-Modified) so that an unchanged feed costs one 304."""

import urllib.error
import urllib.request
from dataclasses import dataclass
from http.client import HTTPException

from django.conf import settings

MAX_BYTES = 10 * 1024 * 1024


class FetchError(Exception):
    """The URL could not be read: the text says why, for the source's last run."""


@dataclass
class Fetched:
    url: str  # after redirects
    status: int  # 200, or 304 when unchanged since the validators we sent
    body: bytes = b""
    etag: str = ""
    last_modified: str = ""
    content_type: str = ""

    @property
    def not_modified(self) -> bool:
        return self.status == 304


def fetch(url: str, *, etag: str = "", last_modified: str = "") -> Fetched:
    """GET `url`. Returns a Fetched (status 304 with an empty body when unchanged); raises
    FetchError for a refused scheme, a network failure, a timeout, a 4xx/5xx, or too much."""
    if not url.lower().startswith(("http://", "https://")):
        raise FetchError(f"{url}: only http and https addresses can be read")
    headers = {"User-Agent": settings.INGEST_USER_AGENT, "Accept-Encoding": "identity"}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=settings.INGEST_TIMEOUT_SECONDS) as response:
            body = response.read(MAX_BYTES + 1)
            if len(body) > MAX_BYTES:
                raise FetchError(f"{url}: more than {MAX_BYTES // 1024 // 1024} MB")
            return Fetched(
                url=response.url,
                status=response.status,
                body=body,
                etag=response.headers.get("ETag", ""),
                last_modified=response.headers.get("Last-Modified", ""),
                content_type=response.headers.get("Content-Type", ""),
            )
    except urllib.error.HTTPError as error:
        if error.code == 304:
            return Fetched(url=url, status=304, etag=etag, last_modified=last_modified)
        if 300 <= error.code < 400 and error.headers.get("Location"):
            # urllib gives up on a redirect loop, or after 10 redirects
            raise FetchError(f"{url}: too many redirects (a redirect loop)") from error
        raise FetchError(f"{url}: HTTP {error.code} {error.reason}") from error
    except urllib.error.URLError as error:
        raise FetchError(f"{url}: {error.reason}") from error
    except TimeoutError as error:
        seconds = settings.INGEST_TIMEOUT_SECONDS
        raise FetchError(f"{url}: no answer within {seconds:g} s") from error
    except (HTTPException, OSError) as error:
        raise FetchError(f"{url}: {error.__class__.__name__} {error}") from error
