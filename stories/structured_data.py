"""schema.org JSON-LD for story pages: NewsArticle and BreadcrumbList (Google Article guidance:
author as Person with name and url, dates with a time zone, image when there is one)."""

import json
from collections.abc import Sequence

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe

from stories.models import Correction, SpeakerKind, Story, StoryQuote


def story_json_ld(
    story: Story, *, corrections: Sequence[Correction] = (), quotes: Sequence[StoryQuote] = ()
) -> SafeString:
    """The <script type="application/ld+json"> elements for the story page (escaped for HTML).
    Their contents are `json_ld_texts(story)`, which the page's Content-Security-Policy hashes."""
    return render_json_ld(json_ld_texts(story, corrections=corrections, quotes=quotes))


def render_json_ld(texts: list[str]) -> SafeString:
    return mark_safe(
        "".join(f'<script type="application/ld+json">{text}</script>' for text in texts)
    )


def json_ld_texts(
    story: Story,
    *,
    corrections: Sequence[Correction] = (),
    organizations: Sequence | None = None,
    quotes: Sequence[StoryQuote] = (),
) -> list[str]:
    """NewsArticle and BreadcrumbList as JSON, escaped to sit inside a <script> element.

    Corrections and clarifications go in `correction` as CorrectionComment (schema.org; Google
    reads it), update notes too: each says what changed and when. Retracted notes are left out.
    `organizations`: the story's, as the page has them (each with `name` and `url`, a path),
    else read from the story.
    The story's quotes are its parts (`hasPart`), each a Quotation with its speaker as
    `spokenByCharacter` and `creator` (a Person with jobTitle, or an Organization).
    """
    url = settings.SITE_URL + story.get_absolute_url()
    role = story.source_role
    if role is not None:
        author = {"@type": "Person", "name": role.person.full_name,
                  "url": settings.SITE_URL + role.person.get_absolute_url(),
                  "jobTitle": role.title}  # fmt: skip
        if role.organization_id:
            organization = role.organization
            author["affiliation"] = _organization(
                organization.name, organization.get_absolute_url()
            )
    else:
        author = {"@type": "Organization", "name": settings.SITE_NAME, "url": settings.SITE_URL}
    if organizations is None:
        organizations = [link.organization for link in story.story_organizations.all()]
        organizations = [_organization(o.name, o.get_absolute_url()) for o in organizations]
    else:
        organizations = [_organization(o.name, o.url) for o in organizations]
    article = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": story.headline,
        "description": story.dek or (story.paragraphs[0][:300] if story.paragraphs else ""),
        "mainEntityOfPage": url,
        "url": url,
        "author": [author],
        "publisher": {
            "@type": "Organization",
            "name": settings.SITE_NAME,
            "url": settings.SITE_URL,
        },
        "about": organizations[:1],
        "mentions": organizations[1:],
        "inLanguage": "en",
    }
    if story.published_at:
        article["datePublished"] = _iso(story.published_at)
        article["dateModified"] = _iso(story.revised_at or story.published_at)
    notes = [
        {"@type": "CorrectionComment", "text": c.text, "datePublished": _iso(c.published_at)}
        for c in corrections
        if not c.is_retracted
    ]
    if notes:
        article["correction"] = notes
    if quotes:
        article["hasPart"] = [_quotation(quote) for quote in quotes]
    if image := story.image_url:
        article["image"] = [image if image.startswith("http") else settings.SITE_URL + image]
    breadcrumbs = {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": 1, "name": settings.SITE_NAME,
             "item": settings.SITE_URL + reverse("home")},
            {"@type": "ListItem", "position": 2, "name": story.headline, "item": url},
        ],
    }  # fmt: skip
    return [_dumps(article), _dumps(breadcrumbs)]


def _organization(name: str, path: str) -> dict:
    return {"@type": "Organization", "name": name, "url": settings.SITE_URL + path}


def _quotation(quote: StoryQuote) -> dict:
    item = {"@type": "Quotation", "text": quote.text}
    person, organization = quote.speaker_person, quote.speaker_organization
    if quote.speaker_kind == SpeakerKind.ORGANIZATION and organization is not None:
        speaker = _organization(organization.name, organization.get_absolute_url())
    elif quote.speaker_kind == SpeakerKind.ORGANIZATION and quote.speaker_name:
        speaker = {"@type": "Organization", "name": quote.speaker_name}
    elif person is not None or quote.speaker_name:
        speaker = {"@type": "Person", "name": person.full_name if person else quote.speaker_name}
        if person is not None:
            speaker["url"] = settings.SITE_URL + person.get_absolute_url()
        if quote.speaker_title:
            speaker["jobTitle"] = quote.speaker_title
        if organization is not None:
            speaker["affiliation"] = _organization(
                organization.name, organization.get_absolute_url()
            )
    else:
        return item  # no one named: the quotation alone
    item["spokenByCharacter"] = speaker
    item["creator"] = speaker
    return item


def _iso(value) -> str:
    return timezone.localtime(value).isoformat(timespec="seconds")


def _dumps(data: dict) -> str:
    text = json.dumps(data, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
