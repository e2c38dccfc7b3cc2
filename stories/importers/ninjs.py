"""Import ninjs documents written by our export (JSON array or NDJSON): the backup path.

Each document is checked and loaded in its own transaction: a malformed line or document is
refused with its line number and nothing of it is written; the others still load. Loading a
document again updates the same story (found by its slug). See docs/ninjs.md for the mapping.
"""

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit

import reversion
from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction
from django.utils.dateparse import parse_datetime
from taggit.models import Tag

from people.models import Organization, OrganizationKind, Person, Role
from people.resolution import find_or_create_role
from stories.exporters.ninjs import SEPARATOR
from stories.importers.errors import ImportNotice, StoryImportError
from stories.importers.loader import problems
from stories.importers.ninjs_foreign import is_own_export, read_pretty_document, to_own_shape
from stories.models import (
    Correction,
    CorrectionKind,
    Origin,
    QuoteOrigin,
    SpeakerKind,
    Story,
    StoryOrganization,
    StoryPerson,
    StoryQuote,
    StoryStatus,
)

# A correction or update note as the ninjs export writes it in `descriptions` (see docs/ninjs.md).
CORRECTION_NOTE = re.compile(
    r"(?P<published>\S+): (?P<text>.*?)(?: \(retracted (?P<retracted>\S+): (?P<note>.*)\))?",
    re.S,
)
MAX_FILE_BYTES = 2 * 1024 * 1024 * 1024
SLUG = re.compile(r"[-a-zA-Z0-9_]+")  # what the <slug:…> URL converter accepts
# Checked before parsing: our documents nest 4 deep, and far deeper is an attack on the parser
# (RecursionError); Python itself crashes on integers of more than 4,300 digits.
MAX_DEPTH = 64
MAX_DIGITS = 20


class _Unreadable(ValueError):
    """Raised while decoding JSON for a value we refuse (Infinity, NaN, a 5,000-digit number)."""

    def __init__(self, expected: str):
        super().__init__(expected)
        self.expected = expected


def _constant(name: str):
    raise _Unreadable(f"a number, found {name} (not JSON)")


def _integer(digits: str) -> int:
    if len(digits.lstrip("-")) > MAX_DIGITS:
        raise _Unreadable(f"a number of at most {MAX_DIGITS} digits, found {len(digits)}")
    return int(digits)


def _loads(text: str):
    return json.loads(text, parse_constant=_constant, parse_int=_integer)


@dataclass
class NinjsResult:
    line: int
    status: str  # created / updated / refused
    story: Story | None = None
    errors: list[StoryImportError] = field(default_factory=list)
    notices: list[ImportNotice] = field(default_factory=list)  # defaults for a foreign document


def read_documents(path: Path | str) -> Iterator[tuple[int, dict | StoryImportError]]:
    """(line, document) for each document in a JSON array or NDJSON file; a StoryImportError
    in place of a document that cannot be read. Raises StoryImportError for an unreadable file,
    or one over MAX_FILE_BYTES (checked before anything is parsed)."""
    path = Path(path)
    shown = str(path)
    try:
        size = path.stat().st_size
        with path.open("rb") as stream:
            first = stream.read(1)
            while first in (b" ", b"\n", b"\r", b"\t", b"\xef", b"\xbb", b"\xbf"):
                first = stream.read(1)
    except OSError as exc:
        raise StoryImportError(shown, None, f"a readable file ({exc.strerror})") from exc
    if size > MAX_FILE_BYTES:
        raise StoryImportError(
            shown, None, f"a ninjs file of at most {MAX_FILE_BYTES // 1024 // 1024} MB, "
            f"found {size / 1024 / 1024:.1f} MB",
        )  # fmt: skip
    if first == b"[":
        yield from _array(path, shown)
    elif (document := read_pretty_document(path)) is not None:
        yield 1, document  # one pretty-printed document, as other systems write them
    else:
        yield from _lines(path, shown)


def _lines(path: Path, shown: str):
    with path.open("rb") as stream:
        for number, raw in enumerate(stream, 1):
            if not raw.strip():
                continue
            try:
                text = raw.decode("utf-8-sig")
                if _structure(text).too_deep:
                    raise _Unreadable(f"JSON nested at most {MAX_DEPTH} levels")
                document = _loads(text)
            except _Unreadable as exc:
                yield number, StoryImportError(shown, number, exc.expected)
                continue
            except (UnicodeDecodeError, json.JSONDecodeError) as exc:
                yield number, StoryImportError(shown, number, f"one JSON object per line ({exc})")
                continue
            if not isinstance(document, dict):
                yield number, StoryImportError(shown, number, "a JSON object (a ninjs document)")
                continue
            yield number, document


def _array(path: Path, shown: str):
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        yield line, StoryImportError(shown, line, f"UTF-8 text, found byte 0x{data[exc.start]:02X}")
        return
    structure = _structure(text, array=True)
    try:
        if structure.too_deep:
            raise _Unreadable(f"JSON nested at most {MAX_DEPTH} levels")
        documents = _loads(text)
    except _Unreadable as exc:
        line = structure.too_deep or structure.constant
        yield line, StoryImportError(shown, line, exc.expected)
        return
    except json.JSONDecodeError as exc:
        expected = f"a JSON array of ninjs documents ({exc.msg})"
        yield exc.lineno, StoryImportError(shown, exc.lineno, expected)
        return
    lines = structure.object_lines
    for n, document in enumerate(documents):
        line = lines[n] if n < len(lines) else None
        if not isinstance(document, dict):
            yield line, StoryImportError(shown, line, "a JSON object (a ninjs document)")
            continue
        yield line, document


@dataclass
class _Structure:
    object_lines: list[int]  # the line on which each top-level object of an array starts
    too_deep: int | None = None  # the line where nesting passes MAX_DEPTH
    constant: int | None = None  # the line of the first Infinity or NaN


def _structure(text: str, *, array: bool = False) -> _Structure:
    """Walk the JSON text once, outside strings, before it is parsed (the depth limit)."""
    found = _Structure([])
    if not array and text.count("[") + text.count("{") <= MAX_DEPTH:
        return found  # a shallow document: nothing to look for
    depth, line, in_string, escaped = 0, 1, False, False
    for char in text:
        if char == "\n":
            line += 1
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
            continue
        if char == '"':
            in_string = True
        elif char in "{[":
            depth += 1
            if char == "{" and depth == 2:
                found.object_lines.append(line)
            if depth > MAX_DEPTH:
                found.too_deep = line
                return found
        elif char in "}]":
            depth -= 1
        elif char in "IN" and found.constant is None:
            found.constant = line
    return found


def load_document(document: dict, *, path: str, line: int | None) -> NinjsResult:
    """Check and save one document, atomically. Refusals come back in the result; another
    system's document is mapped first (stories.importers.ninjs_foreign), a notice per default."""
    notices = []
    try:
        if not is_own_export(document):
            document, notices = to_own_shape(document, path=path, line=line)
        parsed = _parse(document, path, line)
    except StoryImportError as error:
        return NinjsResult(line or 0, "refused", errors=[error])
    try:
        result = _save(parsed, path=path, line=line)
        result.notices = notices
        return result
    except (ValidationError, DatabaseError) as error:
        # Raised inside the transaction, so nothing of the document was written. A
        # DatabaseError: a value PostgreSQL refuses (too long) where SQLite would store it.
        found = problems(error) if isinstance(error, ValidationError) else str(error).strip()
        refusal = StoryImportError(path, line, f"a document the story model accepts ({found})")
        return NinjsResult(line or 0, "refused", errors=[refusal])


def _save(parsed: dict, *, path: str, line: int | None) -> NinjsResult:
    with transaction.atomic(), reversion.create_revision():
        story = Story.objects.select_for_update().filter(slug=parsed["slug"]).first()
        status = "updated" if story else "created"
        story = story or Story(slug=parsed["slug"])
        # Organizations first: people's roles name them, and these carry their kinds.
        organizations = [(_organization(*o), origin) for o, origin in parsed["organizations"]]
        for name in ("headline", "dek", "body", "status", "published_at", "revised_at",
                     "import_key", "source_attribution", "source_label", "source_url",
                     "image_asset_id", "image_format", "image_alt", "image_caption",
                     "image_credit", "version"):  # fmt: skip
            setattr(story, name, parsed[name])
        story.source_role = _source_role(parsed["source"])
        story.full_clean(exclude=["slug", "import_key"])
        story.save()
        _restore_corrections(story, parsed["corrections"])
        story.story_organizations.all().delete()
        for position, (organization, origin) in enumerate(organizations):
            StoryOrganization.objects.create(
                story=story, organization=organization, position=position, origin=origin
            )
        story.story_people.all().delete()
        for position, (person, origin) in enumerate(parsed["people"]):
            found, role = _person_and_role(person)
            StoryPerson.objects.create(
                story=story, person=found, role=role, position=position, origin=origin
            )
        story.tags.set(parsed["tags"], clear=True)
        _restore_quotes(story, parsed["quotes"])
        Story.objects.filter(pk=story.pk).update(
            created_at=parsed["created_at"], updated_at=parsed["updated_at"]
        )
        reversion.set_comment(f"Restored from {Path(path).name}")
        story.refresh_from_db()
    return NinjsResult(line or 0, status, story)


def _restore_corrections(story: Story, corrections: list[dict]) -> None:
    """Add the notes the story does not have yet (notes are never deleted)."""
    known = set(story.corrections.values_list("kind", "published_at")) if story.pk else set()
    for note in corrections:
        if (note["kind"], note["published_at"]) not in known:
            Correction.objects.create(story=story, **note)


def _parse_quote(value, path: str, line: int | None) -> dict:
    """A `quote` description's JSON (docs/ninjs.md), checked."""
    try:
        quote = json.loads(value) if isinstance(value, str) else None
    except json.JSONDecodeError:
        quote = None
    speaker = quote.get("speaker") if isinstance(quote, dict) else None
    numbers = ("paragraph", "start", "end")
    if (
        not isinstance(quote, dict)
        or not isinstance(quote.get("text"), str)
        or not all(isinstance(quote.get(n), int) and quote[n] >= 0 for n in numbers)
        or quote.get("origin") not in QuoteOrigin.values
        or not (
            speaker is None or (isinstance(speaker, dict) and isinstance(speaker.get("name"), str))
        )
    ):
        _fail(path, line, f"a quote as JSON with text, paragraph, start, end, origin and speaker, "
              f"found {str(value)[:60]!r}")  # fmt: skip
    return quote


def _restore_quotes(story: Story, quotes: list[dict]) -> None:
    """The story's quotes as the document has them (speakers found here by slug or name)."""
    story.quotes.all().delete()
    for position, quote in enumerate(quotes):
        speaker = quote["speaker"] or {}
        kind = speaker.get("kind") if speaker.get("kind") in SpeakerKind.values else ""
        uri = speaker.get("uri")
        person = organization = None
        if uri and kind == SpeakerKind.PERSON and (slug := _slug_hint(uri, Person)):
            person = Person.objects.filter(slug=slug).first()
        if uri and kind == SpeakerKind.ORGANIZATION and (slug := _slug_hint(uri, Organization)):
            organization = Organization.objects.filter(slug=slug).first()
        if organization is None and isinstance(speaker.get("organization"), str):
            organization = Organization.objects.named(speaker["organization"]).first()
        StoryQuote.objects.create(
            story=story, position=position, paragraph=quote["paragraph"],
            start=quote["start"], end=quote["end"], text=quote["text"], origin=quote["origin"],
            speaker_kind=kind, speaker_person=person, speaker_organization=organization,
            speaker_name=str(speaker.get("name") or "")[:200],
            speaker_title=str(speaker.get("title") or "")[:300],
        )  # fmt: skip


def _fail(path, line, expected):
    raise StoryImportError(path, line, expected)


def _when(value, path, line, name, *, required=False) -> datetime | None:
    if value is None and not required:
        return None
    try:
        parsed = parse_datetime(value) if isinstance(value, str) else None
    except ValueError:  # well formed but impossible: 2026-02-31
        parsed = None
    if parsed is None or parsed.tzinfo is None:
        _fail(path, line, f"{name} as a date and time with a time zone, found {value!r}")
    return parsed


def _items(doc: dict, key: str, path: str, line: int | None) -> list[dict]:
    """doc[key] as a list of objects (empty when absent); refuses anything else."""
    value = doc.get(key, [])
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        _fail(path, line, f"{key} as a list of objects")
    return value


def _text(value, name: str, path: str, line: int | None, limit: int | None = None) -> str:
    """`value` as text ("" when absent), no longer than `limit`; refuses anything else."""
    if value is None:
        return ""
    if not isinstance(value, str):
        _fail(path, line, f"{name} as text, found {type(value).__name__} {value!r:.60}")
    if limit is not None and len(value) > limit:
        _fail(path, line, f"{name} of at most {limit} characters, found {len(value)}")
    return value


def _limit(model, field_name: str) -> int | None:
    return model._meta.get_field(field_name).max_length


def _version(value, path: str, line: int | None) -> int:
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 2**31 - 1:
        _fail(path, line, f"version as a number from 1 to {2**31 - 1}, found {value!r:.60}")
    return value


def _parse(doc: dict, path: str, line: int | None) -> dict:
    def text(value, name: str, limit: int | None = None) -> str:
        return _text(value, name, path, line, limit)

    def story(field_name: str) -> int | None:
        return _limit(Story, field_name)

    for key in ("altIds", "headlines", "bodies", "descriptions", "organisations", "people",
                "subjects", "infoSources", "associations"):  # fmt: skip
        _items(doc, key, path, line)
    for image in doc.get("associations", []):
        for key in ("altIds", "descriptions"):
            _items(image, key, path, line)
    alt = {a.get("role"): a.get("value") for a in doc.get("altIds", [])}
    for role in ("slug", "status", "revised", "import-key"):
        text(alt.get(role), f"altIds '{role}'")
    slug = alt.get("slug") or _slug(text(doc.get("uri"), "uri"))
    if not _is_slug(slug, max_length=Story._meta.get_field("slug").max_length):
        _fail(
            path,
            line,
            "a story slug of at most 100 letters, digits, hyphens or underscores (altIds role "
            f"'slug' or the uri's last segment), found {slug!r}",
        )
    headlines = doc.get("headlines", [])
    main = next((h.get("value") for h in headlines if h.get("role") == "main"), None)
    if not isinstance(main, str) or not main.strip():
        _fail(path, line, "headlines with a 'main' headline")
    text(main.strip(), "a main headline", story("headline"))
    bodies = doc.get("bodies", [])
    body = next((b.get("value") for b in bodies if b.get("contentType") == "text/plain"), "")
    status = alt.get("status") or ("published" if doc.get("pubStatus") == "usable" else "draft")
    if status not in StoryStatus.values:
        _fail(path, line, f"a status among {StoryStatus.values}, found {status!r}")
    organizations = []
    for item in doc.get("organisations", []):
        parts = text(item.get("literal"), "organisations 'literal'").split(";")
        literal = dict(part.split("=", 1) for part in parts if "=" in part)
        kind = literal.get("kind", OrganizationKind.OTHER)
        if kind not in OrganizationKind.values:
            _fail(path, line, f"an organisation kind in {OrganizationKind.values}, found {kind!r}")
        origin = literal.get("origin", Origin.IMPORTED)
        name = text(item.get("name"), "organisations 'name'", _limit(Organization, "name"))
        if not name.strip():
            _fail(path, line, "every organisation with a name")
        uri = text(item.get("uri"), "organisations 'uri'")
        organizations.append(((name, _slug_hint(uri, Organization), kind), origin))
    people = []
    # A display name: the full name with a nickname in quotes; a literal: "title | organization".
    limit = _limit(Person, "full_name") + _limit(Person, "nickname") + 3
    title_and_organization = _limit(Role, "title") + len(SEPARATOR) + _limit(Organization, "name")
    for item in doc.get("people", []):
        if not text(item.get("name"), "people 'name'", limit).strip():
            _fail(path, line, "every person with a name")
        text(item.get("uri"), "people 'uri'")
        text(item.get("literal"), "people 'literal'", title_and_organization)
        origin = text(item.get("rel"), "people 'rel'").partition("origin=")[2] or Origin.IMPORTED
        people.append((item, origin))
    sources = doc.get("infoSources", [])
    source = next((s for s in sources if s.get("role") == "source"), None)
    if source is not None:
        text(source.get("name"), "infoSources 'source' name", limit)
        text(source.get("literal"), "infoSources 'source' literal", title_and_organization)
    label = next((s for s in sources if s.get("role") == "label"), {})
    image = next((a for a in doc.get("associations", []) if a.get("name") == "leadimage"), {})
    image_alt = {a.get("role"): a.get("value") for a in image.get("altIds", [])}
    image_text = {d.get("role"): d.get("value") for d in image.get("descriptions", [])}
    tags = []
    for subject in doc.get("subjects", []):
        name = text(subject.get("name"), "subjects 'name'", _limit(Tag, "name"))
        if text(subject.get("rel"), "subjects 'rel'") == "tag" and name:
            tags.append(name)
    summary = next((d.get("value") for d in doc.get("descriptions", [])
                    if d.get("role") == "summary"), "")  # fmt: skip
    corrections = []
    for description in doc.get("descriptions", []):
        if description.get("role") in CorrectionKind.values:
            value = text(description.get("value"), f"descriptions '{description['role']}'")
            note = CORRECTION_NOTE.fullmatch(value)
            when = note and _when(note["published"], path, line, "a note's time")
            if not when:
                _fail(path, line, f"a {description['role']} as '<ISO time>: <text>', found "
                      f"{value[:60]!r}")  # fmt: skip
            retracted = _when(note["retracted"], path, line, "a retraction's time")
            corrections.append({"kind": description["role"], "text": note["text"],
                                "published_at": when, "retracted_at": retracted,
                                "retraction_note": note["note"] or ""})  # fmt: skip
    quotes = [
        _parse_quote(d.get("value"), path, line)
        for d in doc.get("descriptions", [])
        if d.get("role") == "quote"
    ]
    return {
        "quotes": quotes,
        "corrections": corrections,
        "slug": slug,
        "headline": main.strip(),
        "dek": text(summary, "descriptions 'summary'"),
        "body": text(body, "bodies 'text/plain'"),
        "status": status,
        "version": _version(doc.get("version", 1), path, line),
        "published_at": _when(doc.get("contentCreated"), path, line, "contentCreated"),
        "revised_at": _when(alt.get("revised"), path, line, "altIds 'revised'"),
        "created_at": _when(doc.get("firstCreated"), path, line, "firstCreated", required=True),
        "updated_at": _when(doc.get("versionCreated"), path, line, "versionCreated", required=True),
        "import_key": text(alt.get("import-key"), "altIds 'import-key'", story("import_key"))
        or None,
        "source": source,
        "source_attribution": text(doc.get("by"), "by", story("source_attribution")),
        "source_label": text(label.get("name"), "infoSources 'label' name",
                             story("source_label")),
        "source_url": text(label.get("uri"), "infoSources 'label' uri", story("source_url")),
        "organizations": organizations,
        "people": people,
        "tags": tags,
        "image_asset_id": text(image_alt.get("asset-id"), "the lead image's asset-id",
                               story("image_asset_id")),
        "image_format": text(image_alt.get("format"), "the lead image's format",
                             story("image_format")),
        "image_alt": text(image_text.get("alt"), "the lead image's alt", story("image_alt")),
        "image_caption": text(image_text.get("caption"), "the lead image's caption",
                              story("image_caption")),
        "image_credit": text(image.get("copyrightHolder"), "the lead image's copyrightHolder",
                             story("image_credit")),
    }  # fmt: skip


def _slug(uri) -> str:
    """The last segment of `uri`: our exports end every uri with the object's slug."""
    return urlsplit(str(uri or "")).path.rstrip("/").rsplit("/", 1)[-1]


def _is_slug(value, *, max_length: int) -> bool:
    """Whether `value` can be a slug in our URLs (anything else would break every page that
    links to the object)."""
    return isinstance(value, str) and 0 < len(value) <= max_length and bool(SLUG.fullmatch(value))


def _slug_hint(uri, model) -> str:
    """The slug an organization or person had in the exporting newsroom, when usable here."""
    slug = _slug(uri)
    return slug if _is_slug(slug, max_length=model._meta.get_field("slug").max_length) else ""


def _organization(name: str, slug: str, kind: str) -> Organization:
    organization = (
        Organization.objects.filter(slug=slug).first() if slug else None
    ) or Organization.objects.named(name).first()
    if organization is None:
        organization = Organization(name=name, kind=kind)
        if slug and not Organization.objects.filter(slug=slug).exists():
            organization.slug = slug
        organization.save()
    elif organization.kind == OrganizationKind.OTHER and kind != OrganizationKind.OTHER:
        organization.kind = kind
        organization.save(update_fields=["kind", "updated_at"])
    return organization


def _person_and_role(item: dict):
    from stories.importers.plaintext import NICKNAME

    # The display name is structured data, written by our export: the name as the registry has
    # it, with a nickname in quotes. Only the nickname comes out; honorifics stay.
    display = item["name"]
    nickname = ""
    if match := NICKNAME.search(display):
        nickname = match["nick"].strip()
        display = f"{display[: match.start()]} {display[match.end() :]}"
    full_name = " ".join(display.split())
    slug = _slug_hint(item.get("uri"), Person)
    person = Person.objects.filter(slug=slug).first() if slug else None
    person = person or Person.objects.named(full_name).first()
    if person is None:
        person = Person(full_name=full_name, nickname=nickname)
        if slug and not Person.objects.filter(slug=slug).exists():
            person.slug = slug
        person.save()
    literal = str(item.get("literal", ""))
    if not literal:
        return person, None
    title, _, organization_name = literal.partition(SEPARATOR)
    organization = (
        Organization.objects.named(organization_name).first() if organization_name else None
    )
    if organization_name and organization is None:
        organization = Organization.objects.create(name=organization_name)
    role, _ = find_or_create_role(person, title=title, organization=organization)
    return person, role


def _source_role(source: dict | None):
    if not source:
        return None
    _, role = _person_and_role(source)
    return role
