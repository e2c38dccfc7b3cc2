"""A story as an IPTC ninjs 3.1 document (the exchange format).

The mapping, field by field, is in docs/ninjs.md. Where ninjs has no field for something we keep
(a person's title at the time, an organization's kind, the workflow status), the document uses
what the schema allows — `literal`, `rel`, `role`, `altIds` — as that page says. Stories come in
as export records (stories.exporters.records), read in chunks.
"""

import html
import json
from collections.abc import Iterator

from django.conf import settings
from django.db.models import QuerySet
from django.utils import timezone

from stories.exporters.records import PersonRef, QuoteRef, StoryRecord, Urls, story_records
from stories.models import StoryStatus

NINJS_VERSION = "3.1"
SEPARATOR = " | "  # between a title and its organization in people[].literal and infoSources


def _iso(value, zone=None) -> str | None:
    if not value:
        return None
    return value.astimezone(zone or timezone.get_current_timezone()).isoformat(timespec="seconds")


def pub_status(record: StoryRecord) -> str:
    status = record.row["status"]
    if status == StoryStatus.PUBLISHED:
        return "usable" if record.public else "withheld"
    return "canceled" if status == StoryStatus.ARCHIVED else "withheld"


def to_ninjs(record: StoryRecord, urls: Urls, zone=None) -> dict:
    """The ninjs 3.1 document for one story."""
    zone = zone or timezone.get_current_timezone()
    site = settings.SITE_URL
    row = record.row
    body = row["body"]
    paragraphs = [p.strip() for p in body.split("\n\n") if p.strip()]
    # html.escape, not Django's escape (the same text, without its lazy-string wrapper).
    doc: dict = {
        "uri": site + urls.of("story", row["slug"]),
        "type": "text",
        "profile": "newsroom-story",
        "version": str(row["version"]),
        "firstCreated": _iso(row["created_at"], zone),
        "versionCreated": _iso(row["updated_at"], zone),
        "pubStatus": pub_status(record),
        "language": "en",
        "headlines": [{"role": "main", "value": row["headline"]}],
        "bodies": [
            {"role": "main", "contentType": "text/plain", "value": body,
             "wordCount": len(body.split()), "charCount": len(body)},
            {"role": "richtext", "contentType": "text/html",
             "value": "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)},
        ],
        "altIds": [
            {"role": "slug", "value": row["slug"]},
            {"role": "status", "value": row["status"]},
        ],
    }  # fmt: skip
    if row["published_at"]:
        doc["contentCreated"] = _iso(row["published_at"], zone)
    if row["revised_at"]:
        doc["altIds"].append({"role": "revised", "value": _iso(row["revised_at"], zone)})
    if row["import_key"]:
        doc["altIds"].append({"role": "import-key", "value": row["import_key"]})
    descriptions = [{"role": "summary", "value": row["dek"]}] if row["dek"] else []
    for note in record.corrections:  # ninjs has no corrections field: descriptions by role
        when = _iso(note.published_at, zone)
        text = f"{when}: {note.text}"
        if note.retracted_at:
            text += f" (retracted {_iso(note.retracted_at, zone)}: {note.retraction_note})"
        descriptions.append({"role": note.kind, "contentType": "text/plain", "value": text})
    for quote in record.quotes:  # ninjs has no quotes field: descriptions with role "quote"
        descriptions.append(
            {"role": "quote", "contentType": "application/json",
             "value": json.dumps(_quote(quote, urls), ensure_ascii=False)}
        )  # fmt: skip
    if descriptions:
        doc["descriptions"] = descriptions
    if record.organizations:
        doc["organisations"] = [
            {"name": name, "rel": "about" if n == 0 else "mentions",
             "uri": site + urls.of("organization", slug), "literal": f"kind={kind};origin={origin}"}
            for n, (name, slug, kind, origin) in enumerate(record.organizations)
        ]  # fmt: skip
    if record.people:
        doc["people"] = [
            _person(person, urls, rel=f"quoted;origin={person.origin}") for person in record.people
        ]
    if record.tags:
        doc["subjects"] = [
            {"name": name, "rel": "tag", "uri": site + urls.of("tag", slug)}
            for name, slug in record.tags
        ]
    sources = []
    if source := record.source:
        person = _person(source, urls, rel="source")
        sources.append({"name": person["name"], "role": "source", "uri": person["uri"],
                        "literal": person.get("literal", "")})  # fmt: skip
    if row["source_label"] or row["source_url"]:
        label = {"name": row["source_label"] or row["source_url"], "role": "label"}
        if row["source_url"]:
            label["uri"] = row["source_url"]
        sources.append(label)
    if sources:
        doc["infoSources"] = sources
    if row["source_attribution"]:
        doc["by"] = row["source_attribution"]
    if row["image_asset_id"]:
        doc["associations"] = [_lead_image(record)]
    return doc


def _quote(quote: QuoteRef, urls: Urls) -> dict:
    """A quote as the JSON a `quote` description holds (docs/ninjs.md)."""
    speaker = None
    if quote.speaker:
        speaker = {
            "name": quote.speaker,
            "title": quote.speaker_title or None,
            "organization": quote.organization_name or None,
            "kind": quote.speaker_kind or "person",
        }
        if quote.person_slug:
            speaker["uri"] = settings.SITE_URL + urls.of("person", quote.person_slug)
        elif quote.organization_slug and quote.speaker_kind == "organization":
            speaker["uri"] = settings.SITE_URL + urls.of("organization", quote.organization_slug)
    return {
        "text": quote.text,
        "paragraph": quote.paragraph,
        "start": quote.start,
        "end": quote.end,
        "speaker": speaker,
        "origin": quote.origin,
    }


def _person(person: PersonRef, urls: Urls, *, rel: str) -> dict:
    item = {"name": person.display_name, "rel": rel,
            "uri": settings.SITE_URL + urls.of("person", person.slug)}  # fmt: skip
    if person.title is not None:
        item["literal"] = (
            f"{person.title}{SEPARATOR}{person.organization}"
            if person.organization
            else person.title
        )
    return item


def _lead_image(record: StoryRecord) -> dict:
    site = settings.SITE_URL
    row = record.row
    image: dict = {
        "name": "leadimage",
        "rel": "lead-image",
        "uri": f"{site}/assets/{row['image_asset_id']}",
        "type": "picture",
        "altIds": [{"role": "asset-id", "value": row["image_asset_id"]}],
    }
    if record.image_format:
        image["altIds"].append({"role": "format", "value": record.image_format})
    descriptions = [
        {"role": role, "value": value}
        for role, value in (("alt", record.image_alt), ("caption", record.image_caption))
        if value
    ]
    if descriptions:
        image["descriptions"] = descriptions
    if record.image_credit:
        image["copyrightHolder"] = record.image_credit
    renditions = [
        {"name": f"w{width}", "href": url if url.startswith("http") else site + url,
         "contentType": "image/webp", "width": width,
         "height": round(record.image_height * width / record.image_width)}
        for width, url in record.renditions
    ]  # fmt: skip
    if renditions:
        image["renditions"] = renditions
    return image


def ninjs_documents(stories: QuerySet) -> Iterator[dict]:
    urls, zone = Urls(), timezone.get_current_timezone()
    for record in story_records(stories):
        yield to_ninjs(record, urls, zone)
