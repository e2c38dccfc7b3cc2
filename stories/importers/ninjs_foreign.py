"""ninjs from other systems: read any ninjs 3.x or 2.x document (only `uri` is required) and map
it onto the shape of our own export, defaulting what it lacks with one warning per default.

Our export (profile "newsroom-story") carries a slug, a status, both creation times and literal
kinds; another system's document may carry nothing but a uri and a headline. ninjs 2.x spells
some properties in lower case (`versioncreated`, `contenttype`); 1.x had `headline` and
`body_text`/`body_html`. Foreign uris (Wikidata, a partner's CMS) never become our slugs.
"""

import hashlib
import json
from datetime import UTC, datetime
from pathlib import Path

from django.utils.text import slugify

from people.matching import guess_organization_kind
from people.models import Organization, OrganizationKind
from stories.importers.errors import ImportNotice, StoryImportError
from stories.ingest.extraction import fragment_paragraphs
from stories.models import Origin

OWN_PROFILE = "newsroom-story"
MAX_PRETTY_BYTES = 64 * 1024 * 1024  # a single pretty-printed document is read whole


def is_own_export(document: dict) -> bool:
    """A document our export wrote (its profile, or the slug only our export puts in altIds)."""
    if document.get("profile") == OWN_PROFILE:
        return True
    alt_ids = document.get("altIds")
    return isinstance(alt_ids, list) and any(
        isinstance(alt, dict) and alt.get("role") == "slug" for alt in alt_ids
    )


def read_pretty_document(path: Path) -> dict | None:
    """The one JSON object of a pretty-printed single-document file, or None when the file is
    not one (NDJSON, whose first line is a whole object, or something else)."""
    with path.open("rb") as stream:
        first_line = stream.readline()
    try:
        json.loads(first_line.decode("utf-8-sig"))
        return None  # the first line is a whole JSON value: NDJSON
    except (UnicodeDecodeError, json.JSONDecodeError):
        pass
    if path.stat().st_size > MAX_PRETTY_BYTES:
        return None
    try:
        document = json.loads(path.read_bytes().decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        return None  # read line by line instead, where each problem gets its line
    return document if isinstance(document, dict) else None


def documents_from_bytes(data: bytes, *, name: str) -> list[tuple[int, dict]]:
    """(line, document) for a request body or small file: one document, an array, or NDJSON.
    Raises StoryImportError naming the line of the first thing that is not a JSON object."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise StoryImportError(name, None, f"UTF-8 JSON ({exc.reason})") from exc
    try:
        whole = json.loads(text)
    except (json.JSONDecodeError, RecursionError):
        whole = None
    if isinstance(whole, dict):
        return [(1, whole)]
    if isinstance(whole, list):
        if not all(isinstance(document, dict) for document in whole):
            raise StoryImportError(name, None, "a JSON array of ninjs documents (objects)")
        return [(1, document) for document in whole]
    documents = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            document = json.loads(line)
        except (json.JSONDecodeError, RecursionError) as exc:
            raise StoryImportError(
                name, number, f"a ninjs document: one JSON object, an array, or one per line "
                f"({getattr(exc, 'msg', 'nested too deeply')})"
            ) from exc  # fmt: skip
        if not isinstance(document, dict):
            raise StoryImportError(name, number, "a JSON object (a ninjs document)")
        documents.append((number, document))
    if not documents:
        raise StoryImportError(name, None, "at least one ninjs document")
    return documents


def to_own_shape(
    document: dict, *, path: str, line: int | None, now: datetime | None = None
) -> tuple[dict, list[ImportNotice]]:
    """Map another system's ninjs document onto our export's shape. Returns (document, notices)
    with a notice for each default; raises StoryImportError when it lacks a uri, or both a
    headline and a body."""
    notices: list[ImportNotice] = []

    def default(message: str) -> None:
        notices.append(ImportNotice(path, line, message))

    doc = {_CAMEL.get(key, key): value for key, value in document.items()}
    uri = doc.get("uri")
    if not isinstance(uri, str) or not uri.strip():
        raise StoryImportError(path, line, "a ninjs document with a uri (the one required field)")
    headline = _main_headline(doc)
    body = _body(doc)
    if not headline and not body:
        raise StoryImportError(path, line, "a headline or a body")
    if not headline:
        headline = body.split("\n\n")[0].split(". ")[0][:200].strip()
        default(f"no main headline: the body's first sentence is used ({headline!r})")
    if not body:
        default("no body: the story has a headline only")
    now = (now or datetime.now(UTC)).isoformat()
    first = doc.get("firstCreated") or doc.get("versionCreated") or doc.get("contentCreated")
    if not doc.get("firstCreated"):
        default(f"no firstCreated: {'its versionCreated' if first else 'now'} is used")
    version_created = doc.get("versionCreated") or first
    if not doc.get("versionCreated"):
        default("no versionCreated: its creation time is used")
    digest = hashlib.sha1(uri.encode()).hexdigest()[:10]
    slug = f"{slugify(headline)[:80].strip('-') or 'ninjs'}-{digest}"
    alt_ids = [{"role": "slug", "value": slug}, {"role": "status", "value": "draft"}]
    if doc.get("pubStatus") == "usable":
        default("its pubStatus is 'usable': imported as a draft for an editor to publish")
    version = str(doc.get("version", "1"))
    if not version.isdigit():
        default(f"version {version!r} is not a number: version 1 is used")
        version = "1"
    own = {
        "uri": uri,
        "profile": OWN_PROFILE,
        "version": version,
        "firstCreated": first or now,
        "versionCreated": version_created or now,
        "headlines": [{"role": "main", "value": headline[:300]}],
        "bodies": [{"role": "main", "contentType": "text/plain", "value": body}],
        "altIds": alt_ids,
        "organisations": _organisations(doc),
        "people": [
            {"name": p["name"], "rel": f"{p.get('rel', 'mentions')};origin={Origin.IMPORTED}"}
            for p in _named(doc.get("people"))
        ],
        "subjects": [{"name": s["name"], "rel": "tag"} for s in _named(doc.get("subjects"))],
    }
    if isinstance(doc.get("contentCreated"), str):
        own["contentCreated"] = doc["contentCreated"]
    if isinstance(doc.get("by"), str):
        own["by"] = doc["by"][:500]
    summary = next((d for d in _named(doc.get("descriptions"), key="value")), None)
    if summary:
        own["descriptions"] = [{"role": "summary", "value": summary["value"]}]
    if label := next(iter(_named(doc.get("infoSources"))), None):
        own["infoSources"] = [{"name": label["name"][:300], "role": "label"}]
        if str(label.get("uri", "")).startswith(("http://", "https://")):
            own["infoSources"][0]["uri"] = label["uri"]
    if image := lead_image_url(doc):
        default(f"lead image {image} not stored (the asset store holds our own images only)")
    return own, notices


def lead_image_url(document: dict) -> str:
    """The address of the largest picture rendition the document (or an association) names."""
    candidates = [document, *[a for a in document.get("associations", []) or [] if _is(a)]]
    for item in candidates:
        renditions = item.get("renditions") or []
        if isinstance(renditions, dict):  # ninjs 1.x: a map of name -> rendition
            renditions = list(renditions.values())
        pictures = [r for r in renditions if _is(r) and str(r.get("href", "")).startswith("http")]
        if item is not document and item.get("type") not in (None, "picture", "image"):
            continue
        if pictures:
            return max(pictures, key=lambda r: r.get("width") or 0)["href"]
    return ""


# ninjs 2.x spells these in lower case; 1.x had a few others.
_CAMEL = {
    "versioncreated": "versionCreated", "firstcreated": "firstCreated",
    "contentcreated": "contentCreated", "pubstatus": "pubStatus", "altids": "altIds",
    "infosources": "infoSources", "copyrightnotice": "copyrightNotice",
    "copyrightholder": "copyrightHolder",
}  # fmt: skip


def _is(value) -> bool:
    return isinstance(value, dict)


def _named(items, *, key: str = "name") -> list[dict]:
    if not isinstance(items, list):
        return []
    return [i for i in items if _is(i) and isinstance(i.get(key), str) and i[key].strip()]


def _main_headline(doc: dict) -> str:
    if isinstance(doc.get("headline"), str):  # ninjs 1.x
        return doc["headline"].strip()
    headlines = _named(doc.get("headlines"), key="value")
    main = next((h for h in headlines if h.get("role") == "main"), None) or next(
        iter(headlines), None
    )
    return " ".join(main["value"].split()) if main else ""


def _body(doc: dict) -> str:
    """The body as paragraphs separated by blank lines: from HTML when the document has it
    (its <p> elements carry the paragraphs), else from plain text."""
    bodies = _named(doc.get("bodies"), key="value")
    for body in bodies:
        kind = str(body.get("contentType") or body.get("contenttype") or "").lower()
        if "html" in kind:
            return "\n\n".join(fragment_paragraphs(body["value"]))
    if isinstance(doc.get("body_html"), str):
        return "\n\n".join(fragment_paragraphs(doc["body_html"]))
    plain = next(iter(bodies), None)
    text = plain["value"] if plain else doc.get("body_text", "")
    return "\n\n".join(fragment_paragraphs(text)) if isinstance(text, str) else ""


def _organisations(doc: dict) -> list[dict]:
    """The document's organisations, and its places that are countries in our registry."""
    organisations = []
    for item in _named(doc.get("organisations")):
        kind = guess_organization_kind(item["name"])
        organisations.append(
            {"name": item["name"][:300], "literal": f"kind={kind};origin={Origin.IMPORTED}"}
        )
    for place in _named(doc.get("places")):
        country = (
            Organization.objects.named(place["name"]).filter(kind=OrganizationKind.COUNTRY).first()
        )
        if country and all(o["name"] != country.name for o in organisations):
            organisations.append(
                {"name": country.name, "literal": f"kind=country;origin={Origin.IMPORTED}"}
            )
    return organisations
