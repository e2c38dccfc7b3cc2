"""The quotes of stored stories: found by the engine (people/matching/quotes.py), stored as
StoryQuote rows, confirmed or corrected by editors.

Finding them again (an import, `retag_stories`, the story form's "Find quotes again") replaces
only what the engine found before: a quote an editor confirmed or corrected stays as it is, and
the engine does not add it a second time.
"""

from datetime import date

from django.db import transaction
from django.utils import timezone

from people.matching import PersonEntry, PersonFinding
from people.matching.quotes import Quote, find_quotes
from people.models import Organization, Person, Role
from people.names import name_key
from people.suggestions import suggest
from stories.models import QuoteOrigin, SpeakerKind, Story, StoryQuote
from stories.tagging import stored_story_text


def find_story_quotes(story: Story) -> list[Quote]:
    """The quotations in `story`'s body with their speakers (the engine's view, not stored)."""
    paragraphs = story.paragraphs
    findings = suggest(stored_story_text(story))
    return find_quotes(paragraphs, findings, source_finding(story.source_role))


def source_finding(role: Role | None) -> PersonFinding | None:
    """The story's source (its role) as the quote finder takes it."""
    if role is None:
        return None
    person = role.person
    return PersonFinding(
        person.full_name,
        role.title,
        role.organization.name if role.organization_id else "",
        PersonEntry(person.pk, person.full_name, person.nickname),
    )


@transaction.atomic
def store_found_quotes(story: Story, quotes: list[Quote] | None = None) -> bool:
    """Store the engine's quotes of `story` (found now when `quotes` is None) in place of those
    it found before, keeping every quote an editor confirmed or corrected. Returns whether
    anything changed."""
    quotes = find_story_quotes(story) if quotes is None else quotes
    kept = list(story.quotes.exclude(origin=QuoteOrigin.FOUND))
    kept_texts = {(q.paragraph, name_key(q.text)) for q in kept}
    rows = [
        quote_row(story, quote)
        for quote in quotes
        if (quote.paragraph, name_key(quote.text)) not in kept_texts
    ]
    _link_speakers(story, rows, quotes)
    before = [_signature(q) for q in story.quotes.filter(origin=QuoteOrigin.FOUND)]
    if sorted(before) == sorted(_signature(r) for r in rows):
        return False
    story.quotes.filter(origin=QuoteOrigin.FOUND).delete()
    StoryQuote.objects.bulk_create(rows)
    renumber_quotes(story)
    return True


def renumber_quotes(story: Story) -> None:
    """Positions in the order the quotes stand in the body."""
    quotes = sorted(story.quotes.all(), key=lambda q: (q.paragraph, q.start, q.pk))
    for position, quote in enumerate(quotes):
        if quote.position != position:
            quote.position = position
            quote.save(update_fields=["position"])


def confirm_quote(quote: StoryQuote) -> StoryQuote:
    """An editor says the quote and its speaker are right."""
    if quote.origin == QuoteOrigin.FOUND:
        quote.origin = QuoteOrigin.CONFIRMED
        quote.save(update_fields=["origin", "updated_at"])
    return quote


def quote_row(story: Story, quote: Quote) -> StoryQuote:
    """An unsaved StoryQuote for a quote the engine found."""
    return StoryQuote(story=story, **quote_fields(quote))


def quote_fields(quote: Quote) -> dict[str, object]:
    """The StoryQuote fields a quote the engine found gives (its speaker aside from the
    registry's person and organization, and its position)."""
    speaker = quote.speaker
    return {
        "paragraph": quote.paragraph,
        "start": quote.start,
        "end": quote.end,
        "text": quote.text,
        "speaker_kind": speaker.kind if speaker else "",
        "speaker_name": (speaker.name if speaker else "")[:200],
        "speaker_title": (speaker.title if speaker else "")[:300],
        "origin": QuoteOrigin.FOUND,
    }


def _link_speakers(story: Story, rows: list[StoryQuote], quotes: list[Quote]) -> None:
    """The registry's person and organization for each row's speaker; a person's title and
    organization are those of the role they held at the story's date, unless the story gives
    the title. A few queries, however many quotes."""
    speakers = {(q.paragraph, q.start): q.speaker for q in quotes if q.speaker}
    person_ids = {s.person.id for s in speakers.values() if s.person}
    names = {s.name for s in speakers.values() if s.kind == SpeakerKind.PERSON and not s.person}
    by_name = {p.name_key: p for p in Person.objects.filter(name_key__in=map(name_key, names))}
    people = Person.objects.in_bulk(person_ids | {p.pk for p in by_name.values()})
    on = (story.published_at or timezone.now()).date()
    roles: dict[int, list[Role]] = {}
    for role in Role.objects.filter(person_id__in=people).select_related("organization"):
        roles.setdefault(role.person_id, []).append(role)
    organization_names = {
        s.organization if s.kind == SpeakerKind.PERSON else s.name for s in speakers.values()
    } - {""}
    organizations = {s.entry.id for s in speakers.values() if s.entry}
    by_id = Organization.objects.in_bulk(organizations)
    named = {
        name_key(n): o
        for n in organization_names
        if (o := Organization.objects.named(n).exclude(kind="country").first())
    }  # one query per organization the story's quotes name: a handful
    for row in rows:
        speaker = speakers.get((row.paragraph, row.start))
        if speaker is None:
            continue
        if speaker.kind == SpeakerKind.ORGANIZATION:
            row.speaker_organization = (
                by_id.get(speaker.entry.id) if speaker.entry else named.get(name_key(speaker.name))
            )
            continue
        person = (
            people.get(speaker.person.id) if speaker.person else by_name.get(name_key(speaker.name))
        )
        row.speaker_person = person
        role = role_held(roles.get(person.pk, []), on, story.source_role) if person else None
        if role and not row.speaker_title:
            row.speaker_title = role.title
        row.speaker_organization = named.get(name_key(speaker.organization)) or (
            role.organization if role else None
        )


def role_held(roles: list[Role], on: date, source_role: Role | None = None) -> Role | None:
    """The role of a person's `roles` a quote gives them on `on`: the story's source role when
    it is one of them; else of those held that day, one with an organization, the latest
    begun, the first made (the same whichever order the database returned them in)."""
    if source_role is not None and any(role.pk == source_role.pk for role in roles):
        return source_role
    held = [role for role in roles if _held_on(role, on)]
    held.sort(
        key=lambda r: (r.organization_id is None, -(r.started_on or date.min).toordinal(), r.pk)
    )
    return held[0] if held else None


def _held_on(role: Role, on: date) -> bool:
    return (role.started_on is None or role.started_on <= on) and (
        role.ended_on is None or on <= role.ended_on
    )


def _signature(quote: StoryQuote) -> tuple:
    return (
        quote.paragraph,
        quote.start,
        quote.end,
        quote.text,
        quote.speaker_kind,
        quote.speaker_name,
        quote.speaker_title,
        quote.speaker_person_id or 0,
        quote.speaker_organization_id or 0,
    )
