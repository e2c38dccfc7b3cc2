"""What the suggestion engine finds in a story: the story's text as the engine reads it, and
the findings as plain data for commands, the importer and the admin."""

from people.matching import Findings, Mention, PersonFinding, Suggestion
from people.names import name_key
from people.suggestions import current_index, suggest
from stories.importers.plaintext import ParsedStory


def story_text(headline: str, attribution: str, paragraphs: list[str]) -> str:
    """Headline, source line and body joined by blank lines: the offsets in findings point here."""
    return "\n\n".join(part for part in (headline, attribution, *paragraphs) if part)


def parsed_story_text(parsed: ParsedStory) -> str:
    attribution = parsed.source.attribution if parsed.source else ""
    return story_text(parsed.headline, attribution, parsed.paragraphs)


def findings_as_dict(findings: Findings) -> dict:
    """The JSON shape of `suggest_organizations --json` (without "file")."""
    return {
        "organizations": [_suggestion(s) for s in findings.organizations],
        "countries": [_suggestion(s) for s in findings.countries],
        "candidates": [
            {
                "text": c.mentions[0].text,
                "start": c.mentions[0].start,
                "end": c.mentions[0].end,
                "name": c.name,
                "kind_guess": c.kind_guess,
                "reason": c.reason,
                "mentions": [m.as_dict() for m in c.mentions],
            }
            for c in findings.candidates
        ],
        "ambiguous": [
            {
                **a.mention.as_dict(),
                "options": [
                    {"name": e.name, "slug": e.slug, "kind": e.kind, "country": e.country or None}
                    for e in a.options
                ],
            }
            for a in findings.ambiguous
        ],
        "people": [
            {
                "name": p.name,
                "title": p.title,
                "organization": p.organization or None,
                "known": p.known,
                "mentions": [m.as_dict() for m in p.mentions],
            }
            for p in findings.people
        ],
    }


def _suggestion(s: Suggestion) -> dict:
    return {
        "name": s.entry.name,
        "slug": s.entry.slug,
        "kind": s.entry.kind,
        "confidence": s.confidence,
        "reason": s.reason,
        "mentions": [m.as_dict() for m in s.mentions],
    }


def story_findings(parsed: ParsedStory) -> Findings:
    """The engine's findings for a parsed story, with its source person among the people."""
    text = parsed_story_text(parsed)
    findings = suggest(text)
    source = parsed.source
    if source is None or not source.person_name:
        return findings
    at = text.find(source.attribution)
    name_end = at + len(source.attribution.split(",")[0]) if at >= 0 else 0
    mention = Mention(text[at:name_end], at, name_end) if at >= 0 else None
    surname = source.person_name.replace(",", " ").split()[-1]
    names = {name_key(source.person_name)}
    if source.nickname:
        names.add(name_key(f"{source.nickname} {surname}"))
    organization = ""
    if source.organization:
        entry = current_index().entry_named(source.organization)
        organization = entry.name if entry else source.organization
    for person in findings.people:
        if name_key(person.name) in names:
            if not person.known:
                person.name = source.person_name
            person.title = source.title or person.title
            person.organization = person.organization or organization
            if mention and all(m.start != mention.start for m in person.mentions):
                person.mentions.insert(0, mention)
            return findings
    findings.people.insert(
        0,
        PersonFinding(
            name=source.person_name,
            title=source.title,
            organization=organization,
            mentions=[mention] if mention else [],
        ),
    )
    return findings
