"""Read a source into releases: a feed (and the pages its items link to), a file from the drop
folder, or a webhook's body. Nothing is saved here; ingesting.py saves."""

import calendar
import hashlib
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from xml.sax import SAXParseException

import feedparser

from people.resolution import is_known_organization
from stories.importers.errors import ImportNotice, StoryImportError
from stories.importers.ninjs_foreign import (
    documents_from_bytes,
    is_own_export,
    lead_image_url,
    to_own_shape,
)
from stories.importers.plaintext import ParsedStory, parse_story_bytes
from stories.ingest.extraction import fragment_paragraphs, page_paragraphs, parse_when
from stories.ingest.fetch import FetchError, fetch
from stories.ingest.models import IngestSource

# How a complete feed ends: its root element closed (then at most comments and spaces).
FEED_END = re.compile(rb"</(?:\w+:)?(?:rss|feed|rdf)>\s*(?:<!--.*?-->\s*)*\Z", re.I | re.S)


class SourceError(Exception):
    """The whole source could not be read this time (its text goes on the source)."""


@dataclass
class Release:
    """One item a source delivered, ready to become a story."""

    key: str  # stable across runs: the GUID, else the link
    headline: str
    paragraphs: list[str]
    url: str = ""
    image_url: str = ""
    released_at: datetime | None = None
    attribution: str = ""  # who it is by, as the source says it ("by" of a ninjs document)
    organizations: list[str] = field(default_factory=list)  # names the source itself listed
    parsed: ParsedStory | None = None  # a release in our plain-text format, already parsed
    notices: list[ImportNotice] = field(default_factory=list)
    page_etag: str = ""  # the validators of the page it was read from, for next time
    page_last_modified: str = ""
    page_unchanged: bool = False  # its page answered 304: nothing else is filled in


@dataclass
class Reading:
    """What one read of a source gave: releases, per-item errors, and validators for next time."""

    releases: list[Release] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    etag: str = ""
    last_modified: str = ""
    not_modified: bool = False


def read_feed(source: IngestSource, *, fetch_pages: bool = True) -> Reading:
    """The releases in the source's feed. Raises SourceError when the feed cannot be fetched or
    is not RSS or Atom; an item whose page fails is still read from the feed's own text."""
    try:
        fetched = fetch(source.url, etag=source.etag, last_modified=source.last_modified)
    except FetchError as error:
        raise SourceError(str(error)) from error
    reading = Reading(etag=fetched.etag, last_modified=fetched.last_modified)
    if fetched.not_modified:
        reading.not_modified = True
        return reading
    feed = feedparser.parse(fetched.body, response_headers={"content-type": fetched.content_type})
    if not feed.version and not feed.entries:
        problem = feed.get("bozo_exception") or "no channel or feed element"
        raise SourceError(f"{source.url}: not an RSS or Atom feed ({problem})")
    if isinstance(feed.get("bozo_exception"), SAXParseException) and not FEED_END.search(
        fetched.body[-500:]
    ):
        # A cut-off download: the lenient parser would still return the items before the cut,
        # the last one possibly half, and that half would overwrite its story.
        raise SourceError(
            f"{source.url}: the feed is cut off before its end ({feed.bozo_exception}); "
            "nothing was read from it"
        )
    pages = {
        key: (etag, last_modified)
        for key, etag, last_modified in source.items.exclude(page_etag="", page_last_modified="")
        .values_list("key", "page_etag", "page_last_modified")
        .iterator()
    }
    for number, entry in enumerate(feed.entries, 1):
        release = _entry_release(entry, reading.errors, fetch_pages=fetch_pages, pages=pages)
        if release is None:
            reading.errors.append(f"{source.url}, item {number}: no headline or no text")
        else:
            reading.releases.append(release)
    return reading


def _entry_release(
    entry: feedparser.FeedParserDict,
    errors: list[str],
    *,
    fetch_pages: bool,
    pages: dict[str, tuple[str, str]] | None = None,
) -> Release | None:
    """The release a feed entry carries; its page is read when the feed has only a teaser,
    conditionally when `pages` holds the validators it answered with last time (key → (ETag,
    Last-Modified)): a 304 gives a Release with `page_unchanged` set and nothing else read."""
    link = entry.get("link", "")
    headline = " ".join(fragment_paragraphs(entry.get("title", "")))
    paragraphs: list[str] = []
    image_url = _entry_image(entry)
    page_etag = page_last_modified = ""
    if entry.get("content"):
        paragraphs = fragment_paragraphs(entry.content[0].get("value", ""))
    elif link and fetch_pages:
        # A summary is a teaser: the release is on its page.
        known_key = (entry.get("id") or link)[:500]
        etag, last_modified = (pages or {}).get(known_key, ("", ""))
        try:
            fetched = fetch(link, etag=etag, last_modified=last_modified)
            if fetched.not_modified:
                return Release(key=known_key, headline=headline, paragraphs=[], url=link,
                               page_unchanged=True)  # fmt: skip
            page_etag, page_last_modified = fetched.etag, fetched.last_modified
            page = page_paragraphs(fetched.body.decode("utf-8", "replace"), url=fetched.url)
            paragraphs = page.paragraphs
            image_url = image_url or page.image_url
            headline = headline or page.title
        except FetchError as error:
            errors.append(f"{error} (the feed's summary is used instead)")
    if not paragraphs:
        paragraphs = fragment_paragraphs(entry.get("summary", ""))
    if not headline or not paragraphs:
        return None
    key = entry.get("id") or link or "sha1:" + hashlib.sha1(headline.encode()).hexdigest()
    when = entry.get("published_parsed") or entry.get("updated_parsed")
    return Release(
        key=key[:500],
        headline=headline,
        paragraphs=paragraphs,
        url=link,
        image_url=image_url,
        released_at=datetime.fromtimestamp(calendar.timegm(when), UTC) if when else None,
        attribution=entry.get("author", ""),
        page_etag=page_etag[:300],
        page_last_modified=page_last_modified[:100],
    )


def _entry_image(entry: feedparser.FeedParserDict) -> str:
    for media in entry.get("media_content", []) + entry.get("media_thumbnail", []):
        if media.get("url") and media.get("medium", "image") == "image":
            return media["url"]
    for link in entry.get("links", []):
        if link.get("rel") == "enclosure" and str(link.get("type", "")).startswith("image/"):
            return link.get("href", "")
    return ""


def read_payload(data: bytes, *, name: str, content_type: str = "") -> Reading:
    """The releases in a file or request body: ninjs (JSON, an array or NDJSON; ours or any
    other system's) or our plain-text format; a refused ninjs document is an error of the
    reading. Raises StoryImportError when the whole payload is refused."""
    looks_json = "json" in content_type or name.endswith((".json", ".ndjson"))
    if looks_json or data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] in (b"{", b"["):
        reading = Reading()
        for line, document in documents_from_bytes(data, name=name):
            try:
                reading.releases.append(_ninjs_release(line, document, name=name))
            except StoryImportError as error:
                reading.errors.append(str(error))
        return reading
    parsed = parse_story_bytes(data, name, is_known_organization=is_known_organization)
    return Reading([
        Release(
            key=parsed.import_key,
            headline=parsed.headline,
            paragraphs=parsed.paragraphs,
            url=parsed.source.url if parsed.source else "",
            parsed=parsed,
            notices=list(parsed.notices),
        )
    ])  # fmt: skip


def _ninjs_release(line: int, document: dict, *, name: str) -> Release:
    """A ninjs document (ours, or mapped from another system's) as a release."""
    image_url = lead_image_url(document)
    notices: list[ImportNotice] = []
    if not is_own_export(document):
        document, notices = to_own_shape(document, path=name, line=line)
    headline = next(h["value"] for h in document["headlines"] if h.get("role") == "main")
    body = next(
        (b["value"] for b in document.get("bodies", []) if b.get("contentType") == "text/plain"),
        "",
    )
    uri = document["uri"]
    return Release(
        key=uri[:500],
        headline=headline,
        paragraphs=[p.strip() for p in body.split("\n\n") if p.strip()],
        url=uri if uri.startswith(("http://", "https://")) else "",
        image_url=image_url,
        released_at=parse_when(str(document.get("contentCreated") or "")),
        attribution=str(document.get("by", "")),
        organizations=[o["name"] for o in document.get("organisations", []) if o.get("name")],
        notices=notices,
    )
