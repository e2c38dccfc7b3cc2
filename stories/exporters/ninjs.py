"""A story as an IPTC ninjs 3.1 document (the exchange format), and back.

The mapping, field by field, is in docs/ninjs.md. Where ninjs has no field for something we keep
(a person's title at the time, an organization's kind, the workflow status), the document uses
what the schema allows — `literal`, `rel`, `role`, `altIds` — as that page says.
"""

from collections.abc import Iterator

from django.conf import settings
from django.utils import timezone
from django.utils.html import escape

from stories.models import Story, StoryStatus

NINJS_VERSION = "3.1"
SEPARATOR = " | "  # between a title and its organization in people[].literal and infoSources


def _iso(value) -> str | None:
    return timezone.localtime(value).isoformat(timespec="seconds") if value else None


def _site(path: str) -> str:
    return settings.SITE_URL + path


def pub_status(story: Story) -> str:
    if story.status == StoryStatus.PUBLISHED:
        return "usable" if story.is_public else "withheld"
    return "canceled" if story.status == StoryStatus.ARCHIVED else "withheld"


def body_html(story: Story) -> str:
    return "".join(f"<p>{escape(p)}</p>" for p in story.paragraphs)


def to_ninjs(story: Story) -> dict:
    """The ninjs 3.1 document for `story` (prefetched with Story.objects.for_export())."""
    doc: dict = {
        "uri": _site(story.get_absolute_url()),
        "type": "text",
        "profile": "newsroom-story",
        "version": str(story.version),
        "firstCreated": _iso(story.created_at),
        "versionCreated": _iso(story.updated_at),
        "pubStatus": pub_status(story),
        "language": "en",
        "headlines": [{"role": "main", "value": story.headline}],
        "bodies": [
            {"role": "main", "contentType": "text/plain", "value": story.body,
             "wordCount": len(story.body.split()), "charCount": len(story.body)},
            {"role": "richtext", "contentType": "text/html", "value": body_html(story)},
        ],
        "altIds": [
            {"role": "slug", "value": story.slug},
            {"role": "status", "value": story.status},
        ],
    }  # fmt: skip
    if story.published_at:
        doc["contentCreated"] = _iso(story.published_at)
    if story.revised_at:
        doc["altIds"].append({"role": "revised", "value": _iso(story.revised_at)})
    if story.import_key:
        doc["altIds"].append({"role": "import-key", "value": story.import_key})
    if story.dek:
        doc["descriptions"] = [{"role": "summary", "value": story.dek}]
    organisations = [
        {
            "name": link.organization.name,
            "rel": "about" if n == 0 else "mentions",
            "uri": _site(link.organization.get_absolute_url()),
            "literal": f"kind={link.organization.kind};origin={link.origin}",
        }
        for n, link in enumerate(story.story_organizations.all())
    ]
    if organisations:
        doc["organisations"] = organisations
    people = [_person(link.person, link.role, rel=f"quoted;origin={link.origin}")
              for link in story.story_people.all()]  # fmt: skip
    if people:
        doc["people"] = people
    tags = sorted(story.tags.all(), key=lambda t: t.name)
    if tags:
        doc["subjects"] = [
            {"name": tag.name, "rel": "tag", "uri": _site(f"/tags/{tag.slug}/")} for tag in tags
        ]
    sources = []
    if story.source_role is not None:
        source = _person(story.source_role.person, story.source_role, rel="source")
        sources.append({"name": source["name"], "role": "source", "uri": source["uri"],
                        "literal": source.get("literal", "")})  # fmt: skip
    if story.source_label or story.source_url:
        label = {"name": story.source_label or story.source_url, "role": "label"}
        if story.source_url:
            label["uri"] = story.source_url
        sources.append(label)
    if sources:
        doc["infoSources"] = sources
    if story.source_attribution:
        doc["by"] = story.source_attribution
    if story.image_asset_id:
        doc["associations"] = [_lead_image(story)]
    return doc


def _person(person, role, *, rel: str) -> dict:
    item = {"name": person.display_name, "rel": rel, "uri": _site(person.get_absolute_url())}
    if role is not None:
        organization = role.organization.name if role.organization_id else ""
        item["literal"] = f"{role.title}{SEPARATOR}{organization}" if organization else role.title
    return item


def _lead_image(story: Story) -> dict:
    image: dict = {
        "name": "leadimage",
        "rel": "lead-image",
        "uri": _site(f"/assets/{story.image_asset_id}"),
        "type": "picture",
        "altIds": [{"role": "asset-id", "value": story.image_asset_id}],
    }
    if story.image_format:
        image["altIds"].append({"role": "format", "value": story.image_format})
    descriptions = [
        {"role": role, "value": value}
        for role, value in (("alt", story.image_alt), ("caption", story.image_caption))
        if value
    ]
    if descriptions:
        image["descriptions"] = descriptions
    if story.image_credit:
        image["copyrightHolder"] = story.image_credit
    renditions = [
        {"name": f"w{width}", "href": url if url.startswith("http") else _site(url),
         "contentType": "image/webp", "width": width,
         "height": round(story.image_height * width / story.image_width)}
        for width, url in story.renditions
    ]  # fmt: skip
    if renditions:
        image["renditions"] = renditions
    return image


def ninjs_documents(stories) -> Iterator[dict]:
    for story in stories:
        yield to_ninjs(story)
