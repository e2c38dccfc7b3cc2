"""Save a ParsedStory: atomic per story, idempotent by its import key.

The first import creates a draft (or a published story with --publish); importing the same
release again updates that story and never creates a second one. An editor's own choices —
organizations typed in the admin, a status already moved on — are kept. Until an editor has
saved, tagged or published the story, the organizations and people an import attached are the
import's own: importing a changed release again replaces them with what it finds now.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import reversion
from django.core.exceptions import ValidationError
from django.db import DatabaseError, IntegrityError, transaction
from reversion.models import Version

from people.models import Organization, Person, Role
from people.resolution import (
    find_or_create_organization,
    find_or_create_person,
    find_or_create_role,
    find_organization,
)
from stories.importers.errors import ImportNotice, StoryImportError
from stories.importers.plaintext import ParsedStory
from stories.models import Origin, Story, StoryOrganization, StoryPerson, StoryStatus
from stories.publishing import MATERIAL_FIELDS, note_material_change, publish_story
from stories.quotes import store_found_quotes
from stories.tagging import source_organization, source_organization_kind, story_findings

CREATED, UPDATED, UNCHANGED = "created", "updated", "unchanged"
# The links software attached (an import, a feed); an editor's are Origin.TYPED or SUGGESTED.
MACHINE_ORIGINS = (Origin.IMPORTED, Origin.INGESTED)


@dataclass
class LoadResult:
    status: str
    story: Story
    organizations: list[Organization]
    notices: list[ImportNotice] = field(default_factory=list)
    parsed: ParsedStory | None = None  # what was loaded


def load_story(
    parsed: ParsedStory,
    *,
    publish: bool = False,
    published_at: datetime | None = None,
    dry_run: bool = False,
    origin: str = Origin.IMPORTED,
) -> LoadResult:
    """Create or update the story `parsed` describes. With `dry_run`, report and roll back.
    `origin` marks the organizations and people it attaches (Origin.INGESTED from a source).

    Raises StoryImportError, with nothing written, when the database refuses the story.
    """
    try:
        try:
            result = _load_atomically(parsed, publish, published_at, dry_run, origin)
        except IntegrityError:
            # Another import of the same release created its story since we looked: load
            # again, as an update of that story.
            if not Story.objects.filter(import_key=parsed.import_key).exists():
                raise
            result = _load_atomically(parsed, publish, published_at, dry_run, origin)
    except ValidationError as error:
        raise StoryImportError(
            parsed.path, None, f"a story the database accepts ({problems(error)})"
        ) from error
    except DatabaseError as error:  # a value PostgreSQL refuses where SQLite would store it
        raise StoryImportError(
            parsed.path, None, f"a story the database accepts ({str(error).strip()})"
        ) from error
    result.parsed = parsed
    return result


def _load_atomically(parsed, publish, published_at, dry_run, origin) -> LoadResult:
    with transaction.atomic():
        result = _load(parsed, publish=publish, published_at=published_at, origin=origin)
        if dry_run:
            transaction.set_rollback(True)
    return result


def problems(error: ValidationError) -> str:
    """A ValidationError as one line: "field: message; field: message"."""
    by_field = getattr(error, "message_dict", None) or {"story": error.messages}
    return "; ".join(f"{name}: {' '.join(messages)}" for name, messages in by_field.items())


def _load(
    parsed: ParsedStory, *, publish: bool, published_at: datetime | None, origin: str
) -> LoadResult:
    notices = list(parsed.notices)
    role = _source_role(parsed, notices)

    story = Story.objects.select_for_update().filter(import_key=parsed.import_key).first()
    if story is None:
        story = _typed_story(parsed)
    status = CREATED if story is None else UPDATED
    if story is None:
        story = Story(import_key=parsed.import_key)
    before = snapshot(story) if story.pk else None

    fill_story(story, parsed, role)
    organizations, people = _suggested(parsed, role)
    wants_publishing = publish and (
        story.status != StoryStatus.PUBLISHED
        or (published_at is not None and story.published_at != published_at)
    )
    stale = _stale_links(story, organizations, people) if before is not None else []
    if (
        before is not None
        and snapshot(story) == before
        and _has_links(story, organizations, people)
        and not stale
        and not wants_publishing
    ):
        return LoadResult(UNCHANGED, story, _story_organizations(story), notices)

    if story.pk:
        story.version += 1
        changed = [f for f in MATERIAL_FIELDS if f in before and getattr(story, f) != before[f]]
        note_material_change(story, changed)
    # Unique fields need no query: the import key is the one the story was looked up by, and a
    # new story's slug is chosen free by save().
    story.full_clean(exclude=["slug"] if not story.slug else None, validate_unique=False)
    new = story.pk is None
    with reversion.create_revision(atomic=False):  # _load_atomically holds the transaction
        story.save()
        for links in stale:
            links.delete()
        _attach_imported(story, organizations, people, origin, new=new)
        store_found_quotes(story)
        reversion.set_comment(f"Imported from {Path(parsed.path).name}")
    if wants_publishing:
        # The same checked workflow as the admin's "Publish" button; by=None: the command line.
        try:
            publish_story(story, by=None, at=published_at)
        except ValidationError as error:
            for problem in error.messages:
                notices.append(ImportNotice(parsed.path, None, f"not published: {problem}"))
    linked = organizations if new else _story_organizations(story)
    return LoadResult(status, story, linked, notices)


def fill_story(story: Story, parsed: ParsedStory, role: Role | None) -> None:
    """Set the release's fields on its story (the import's own: an editor's dek, tags and
    status stay)."""
    story.headline = parsed.headline
    story.body = parsed.body
    story.image_format = parsed.image_format
    story.image_asset_id = parsed.image_asset_id
    if parsed.caption:
        story.image_caption = parsed.caption
    source = parsed.source
    story.source_role = role
    story.source_attribution = source.attribution if source else ""
    story.source_label = source.label if source else ""
    if source and source.url:
        story.source_url = source.url


def _typed_story(parsed: ParsedStory) -> Story | None:
    """The story an editor typed (or pasted) into the admin before this release was imported:
    no import key yet, the same headline. It takes the release's key from now on."""
    candidates = Story.objects.select_for_update().filter(
        import_key__isnull=True, headline__iexact=parsed.headline.strip()
    )
    # The oldest; no ORDER BY … LIMIT, which tempts PostgreSQL to walk the primary key through
    # the whole archive instead of using the typed-headline index (story_typed_idx).
    story = min(candidates, key=lambda candidate: candidate.pk, default=None)
    if story is not None:
        story.import_key = parsed.import_key
    return story


def _source_role(parsed: ParsedStory, notices: list[ImportNotice]) -> Role | None:
    source = parsed.source
    if source is None or source.person_name is None:
        return None
    organization = None
    if organization_name := source_organization(parsed):
        organization, created = find_or_create_organization(
            organization_name, kind=source_organization_kind(parsed)
        )
        if created:
            notices.append(
                ImportNotice(
                    parsed.path,
                    source.line,
                    f"new organization {organization.name!r} added to the registry "
                    f"(kind: {organization.get_kind_display()}); check it in the admin",
                )
            )
    person, created = find_or_create_person(source.person_name, nickname=source.nickname)
    if created:
        notices.append(ImportNotice(parsed.path, source.line, f"new person {person.full_name!r}"))
    role, _ = find_or_create_role(person, title=source.title, organization=organization)
    return role


_FIELDS = [
    "headline", "body", "image_format", "image_asset_id", "image_caption", "source_role_id",
    "source_attribution", "source_label", "source_url", "status", "published_at",
]  # fmt: skip


def snapshot(story: Story) -> dict:
    """The story's fields an import sets or compares."""
    return {name: getattr(story, name) for name in _FIELDS}


def _suggested(parsed: ParsedStory, role: Role | None) -> tuple[list[Organization], list[tuple]]:
    """The source's organization first, then the engine's, in order of first mention; and the
    known people the engine found, the source first, each with the role they appear in."""
    findings = story_findings(parsed)
    ids = [s.entry.id for s in findings.organizations]
    by_id = Organization.objects.in_bulk(ids)
    organizations = [role.organization] if role and role.organization else []
    if role is None and parsed.source and parsed.source.organization:
        # The source is an organization, not a person ("Federal Deposit Insurance Corporation").
        if source_organization := find_organization(parsed.source.organization):
            organizations.append(source_organization)
    organizations += [by_id[i] for i in ids if i in by_id and by_id[i] not in organizations]
    people: list[tuple[Person, Role | None]] = [(role.person, role)] if role else []
    known = list(dict.fromkeys(p.person.id for p in findings.people if p.known))
    if role is not None:
        known = [pid for pid in known if pid != role.person_id]
    if known:
        persons = Person.objects.in_bulk(known)
        roles = {}
        for found in Role.objects.filter(person_id__in=known).current_first():
            roles.setdefault(found.person_id, found)
        people += [(persons[pid], roles.get(pid)) for pid in known if pid in persons]
    return organizations, people


def _has_links(story: Story, organizations: list[Organization], people: list[tuple]) -> bool:
    linked = set(story.story_organizations.values_list("organization_id", flat=True))
    linked_people = set(story.story_people.values_list("person_id", flat=True))
    return {o.pk for o in organizations} <= linked and {p.pk for p, _ in people} <= linked_people


def stories_seen_by_an_editor(pks: Iterable[int]) -> set[int]:
    """Of the stories `pks`, those someone signed in has recorded a revision of (saved in the
    admin, tagged, moved through the workflow): from then on their links are the editor's."""
    return {
        int(pk)
        for pk in Version.objects.get_for_model(Story)
        .filter(object_id__in=[str(pk) for pk in pks], revision__user__isnull=False)
        .values_list("object_id", flat=True)
    }


def _stale_links(story: Story, organizations: list[Organization], people: list[tuple]) -> list:
    """The links an import or a feed attached that the release no longer gives (its text
    changed, or the engine reads it better now), on a story no editor has touched yet, as
    querysets to delete; what an editor typed or accepted is never among them."""
    stale = [
        story.story_organizations.filter(origin__in=MACHINE_ORIGINS).exclude(
            organization__in=[o.pk for o in organizations]
        ),
        story.story_people.filter(origin__in=MACHINE_ORIGINS).exclude(
            person__in=[p.pk for p, _ in people]
        ),
    ]
    if not any(links.exists() for links in stale) or stories_seen_by_an_editor([story.pk]):
        return []
    return stale


def _attach_imported(
    story: Story, organizations: list[Organization], people: list[tuple], origin: str, *, new: bool
) -> None:
    """Add the imported organizations and people; never remove what an editor chose. The links
    are written with one INSERT each kind and added to the revision being recorded."""
    existing, existing_people = set(), set()
    if not new:
        existing = set(story.story_organizations.values_list("organization_id", flat=True))
        existing_people = set(story.story_people.values_list("person_id", flat=True))
    position = len(existing)
    links = []
    for organization in organizations:
        if organization.pk not in existing:
            links.append(
                StoryOrganization(
                    story=story, organization=organization, position=position, origin=origin
                )
            )
            position += 1
    quoted = [
        StoryPerson(story=story, person=person, role=role, position=position, origin=origin)
        for position, (person, role) in enumerate(people, start=len(existing_people))
        if person.pk not in existing_people
    ]
    # bulk_create sends no post_save: the story's own save has already marked its pages and its
    # search vector for this transaction (stories.signals), so only the revision needs them.
    for link in [*StoryOrganization.objects.bulk_create(links),
                 *StoryPerson.objects.bulk_create(quoted)]:  # fmt: skip
        reversion.add_to_revision(link)


def _story_organizations(story: Story) -> list[Organization]:
    if story.pk is None:
        return []
    return [
        link.organization
        for link in story.story_organizations.select_related("organization").order_by("position")
    ]
