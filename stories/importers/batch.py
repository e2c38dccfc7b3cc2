"""Save many parsed releases at once: what loader.load_story does for each, in a few queries
per chunk of stories instead of some thirty per story.

The engine scans each text once (in the batch's one index, see people.suggestions.batch); the
registry (source organizations, people, roles) is read per chunk and kept in memory as the
chunk adds to it; new stories, their organizations, people, quotes, revisions (one each, as
load_story records them) are written with one INSERT per kind and chunk, in one transaction;
search vectors and the cached pages move on once per chunk.

A release whose story exists already (by its import key, or an earlier file of the batch) is
compared with it in bulk too, and reported unchanged when it changes nothing. What the batch
does not handle in bulk goes through load_story, one by one, in its place in the order of the
files, so the result is what importing the files one after another gives: a release that
changes its story or finds a story an editor typed under its headline, and, when a chunk's
bulk write fails (a value the database refuses, a slug or key taken meanwhile by another
process), every file of that chunk.
"""

import logging
import string
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import DatabaseError, connections, models, router, transaction
from django.db.models import Min, Q
from django.db.models.functions import Lower
from django.db.models.signals import post_save
from django.utils import timezone
from reversion.models import Revision, Version

from newsroom.caching import pages_changed
from newsroom.slugs import unique_slugs
from newsroom.text import normalize_newlines
from people.matching import Findings, guess_organization_kind
from people.matching.quotes import Quote
from people.models import Organization, OrganizationAlias, Person, Role
from people.names import name_key
from people.resolution import title_words
from people.suggestions import registry_changed, suggest
from stories.importers.errors import ImportNotice, StoryImportError, crashed
from stories.importers.loader import (
    CREATED,
    MACHINE_ORIGINS,
    UNCHANGED,
    LoadResult,
    fill_story,
    load_story,
    problems,
    snapshot,
    stories_seen_by_an_editor,
)
from stories.importers.plaintext import ParsedStory
from stories.importers.scanning import Scanner
from stories.models import (
    TEXT_FIELDS,
    Origin,
    SpeakerKind,
    Story,
    StoryOrganization,
    StoryPerson,
    StoryQuote,
)
from stories.quotes import quote_fields, role_held, source_finding
from stories.signals import refresh_search_vectors_later
from stories.tagging import (
    parsed_story_text,
    source_organization,
    source_organization_kind,
    stored_story_text,
    story_findings,
)

logger = logging.getLogger(__name__)

CHUNK = 250  # stories per transaction

Outcome = LoadResult | StoryImportError


def load_stories(
    parsed_stories: list[ParsedStory],
    *,
    origin: str = Origin.IMPORTED,
    chunk_size: int = CHUNK,
    reparse: Callable[[ParsedStory], ParsedStory] | None = None,
    asked: dict[str, set[str]] | None = None,
    scanner: Scanner | None = None,
) -> list[Outcome]:
    """Load every story of `parsed_stories` (in that order) as load_story would, one after the
    other; returns a LoadResult, or the StoryImportError of a refused story, for each.

    `asked` (by path): the organization names (name keys) each story's parse asked the registry
    about; a story whose parse asked about an organization an earlier story added is parsed
    again (`reparse`) before it is loaded, as it would have been parsed after that one.
    `scanner`: the engine's work, in worker processes (stories.importers.scanning).
    """
    scanner = scanner or Scanner()
    outcomes: list[Outcome] = []
    seen_keys: set[str] = set()
    created_keys: set[str] = set()  # organizations added meanwhile
    names: dict[int, str] = {}  # each story's source organization (see source_organization)
    group: list[ParsedStory] = []
    pending_keys: set[str] = set()  # organizations the group's stories may add (not there)
    again: list[ParsedStory] = []  # releases whose story is there already, in a row

    def flush() -> None:
        if group:
            outcomes.extend(_load_group(group, origin, created_keys, names, scanner))
            group.clear()
            pending_keys.clear()

    with _organizations_created(created_keys):
        for start in range(0, len(parsed_stories), chunk_size):
            chunk = parsed_stories[start : start + chunk_size]
            existing = _existing(chunk)
            for parsed in chunk:
                if parsed.source and parsed.source.person_name is not None:
                    names[id(parsed)] = source_organization(parsed)
            registered = _OrganizationsNamed(names[id(p)] for p in chunk if id(p) in names)
            for parsed in chunk:
                questions = asked.get(parsed.path, set()) if reparse and asked else set()
                if questions & pending_keys:
                    flush()  # whether the stories before it add what it asked about decides
                if questions & created_keys:  # how it reads: as after them
                    try:
                        parsed = reparse(parsed)
                    except StoryImportError as error:
                        outcomes.append(error)
                        continue
                key = parsed.import_key
                if key in existing or key in seen_keys:
                    flush()
                    again.append(parsed)
                else:
                    if again:
                        outcomes.extend(_load_existing(again, origin, scanner))
                        again.clear()
                    group.append(parsed)
                    if parsed.source and parsed.source.person_name is not None:
                        if id(parsed) not in names:  # read again
                            names[id(parsed)] = source_organization(parsed)
                        if names[id(parsed)] and not registered.find(names[id(parsed)]):
                            pending_keys.add(name_key(names[id(parsed)]))  # new, or not
                seen_keys.add(key)
            flush()
            if again:
                outcomes.extend(_load_existing(again, origin, scanner))
                again.clear()
    return outcomes


class _organizations_created:
    """Collect the name keys of the organizations saved meanwhile (by load_story in this batch,
    or by another thread); those the batch writes in bulk it adds itself."""

    def __init__(self, keys: set[str]):
        self.keys = keys

    def __call__(self, sender, instance, created=False, **kwargs) -> None:
        if created:
            self.keys.add(instance.name_key)

    def __enter__(self):
        post_save.connect(self, sender=Organization, weak=False, dispatch_uid=id(self))
        return self

    def __exit__(self, *exc) -> None:
        post_save.disconnect(sender=Organization, dispatch_uid=id(self))


_ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)


def _existing(chunk: list[ParsedStory]) -> set[str]:
    """The import keys of `chunk` whose story is there already: by its key, or typed by an
    editor under the same headline (these go through load_story, which finds them again)."""
    keys = [parsed.import_key for parsed in chunk]
    found = set(Story.objects.filter(import_key__in=keys).values_list("import_key", flat=True))
    # One IN of lower-cased headlines (an OR of 250 iexact conditions cost Django more to
    # build than the database to answer), each as PostgreSQL's LOWER gives it and as
    # SQLite's (ASCII letters only); the comparison that counts is the casefold below.
    headlines = set()
    for parsed in chunk:
        headline = parsed.headline.strip()
        headlines |= {headline.lower(), headline.translate(_ASCII_LOWER)}
    typed_heads = {
        h.casefold()
        for h in Story.objects.alias(lowered=Lower("headline"))
        .filter(lowered__in=headlines, import_key__isnull=True)
        .values_list("headline", flat=True)
    }
    found |= {p.import_key for p in chunk if p.headline.strip().casefold() in typed_heads}
    return found


def _load_existing(run: list[ParsedStory], origin: str, scanner: Scanner) -> list[Outcome]:
    """Releases whose story is there already, in order: those that change nothing found in a
    few queries for the run, the others loaded by load_story. When load_story writes to the
    registry, or to a story a later release of the run is for, the rest is compared again."""
    outcomes: list[Outcome] = []
    unchanged = _unchanged(run, scanner)
    for number, parsed in enumerate(run):
        if result := unchanged.get(id(parsed)):
            outcomes.append(result)
            continue
        saved: set[str] = set()
        with _saving(saved, Organization, OrganizationAlias, Person, Role):
            outcomes.append(_load_one(parsed, origin))
        rest = run[number + 1 :]
        if saved or any(later.import_key == parsed.import_key for later in rest):
            unchanged = _unchanged(rest, scanner)
    return outcomes


class _saving:
    """Note (in `saved`) the kinds of rows saved meanwhile."""

    def __init__(self, saved: set[str], *senders: type[models.Model]):
        self.saved, self.senders = saved, senders

    def __call__(self, sender, **kwargs) -> None:
        self.saved.add(sender.__name__)

    def __enter__(self):
        for sender in self.senders:
            post_save.connect(self, sender=sender, weak=False, dispatch_uid=(id(self), sender))
        return self

    def __exit__(self, *exc) -> None:
        for sender in self.senders:
            post_save.disconnect(sender=sender, dispatch_uid=(id(self), sender))


def _unchanged(run: list[ParsedStory], scanner: Scanner) -> dict[int, LoadResult]:
    """The releases of `run` (by id) that leave their story as it is, as load_story would
    find: the same fields, the same source role, and every organization and person it would
    attach attached already. (Typed stories and new registry entries: not among them.)"""
    stories = Story.objects.filter(import_key__in=[p.import_key for p in run]).select_related(
        "source_role__person", "source_role__organization"
    )
    by_key = {story.import_key: story for story in stories}
    registry = _Registry(run, {})
    items = []
    for parsed in run:
        story = by_key.get(parsed.import_key)
        if story is None:
            continue
        try:
            source = registry.source_role(parsed)
        except ValidationError:
            continue
        person = source.person
        if source.made or (source.nickname and person is not None and not person.nickname):
            continue  # load_story writes to the registry
        item = _New(len(items), parsed, story, list(parsed.notices), role=source.role)
        if source.role is not None:
            item.role.person, item.role.organization = person, source.organization
        before = snapshot(story)
        fill_story(story, parsed, item.role)
        if snapshot(story) != before:
            continue
        item.found = scanner.suggest(parsed_story_text(parsed))  # the workers' scan
        item.findings = story_findings(parsed, item.found)
        items.append(item)
    _suggested(items, registry)
    ids = [item.story.pk for item in items]
    linked: dict[int, list[StoryOrganization]] = {}
    for link in (
        StoryOrganization.objects.filter(story_id__in=ids)
        .select_related("organization")
        .order_by("position", "pk")
    ):
        linked.setdefault(link.story_id, []).append(link)
    people: dict[int, set[int]] = {}
    machine_people: dict[int, set[int]] = {}
    for story_id, person_id, origin in StoryPerson.objects.filter(story_id__in=ids).values_list(
        "story_id", "person_id", "origin"
    ):
        people.setdefault(story_id, set()).add(person_id)
        if origin in MACHINE_ORIGINS:
            machine_people.setdefault(story_id, set()).add(person_id)
    found, stale = {}, {}
    for item in items:
        links = linked.get(item.story.pk, [])
        if {o.pk for o in item.organizations} <= {link.organization_id for link in links} and {
            p.pk for p, _ in item.people
        } <= people.get(item.story.pk, set()):
            found[id(item.parsed)] = LoadResult(
                UNCHANGED,
                item.story,
                [link.organization for link in links],
                item.notices,
                item.parsed,
            )
            machine = {link.organization_id for link in links if link.origin in MACHINE_ORIGINS}
            if machine - {o.pk for o in item.organizations} or machine_people.get(
                item.story.pk, set()
            ) - {p.pk for p, _ in item.people}:
                stale[item.story.pk] = id(item.parsed)
    # Links the release no longer gives, on a story no editor has touched: load_story drops them.
    if stale:
        seen = stories_seen_by_an_editor(stale)
        for pk, key in stale.items():
            if pk not in seen:
                del found[key]
    return found


def _load_one(parsed: ParsedStory, origin: str) -> Outcome:
    try:
        return load_story(parsed, origin=origin)
    except StoryImportError as error:
        return error
    except Exception as exc:  # noqa: BLE001 (see crashed: logged, refused)
        return crashed(parsed.path, None, exc)


def _load_group(
    group: list[ParsedStory],
    origin: str,
    created: set[str],
    names: dict[int, str],
    scanner: Scanner,
) -> list[Outcome]:
    """New stories, written in bulk; one by one (load_story) if the bulk write fails."""
    try:
        with transaction.atomic():
            return _create_stories(group, origin, created, names, scanner)
    except (DatabaseError, ValidationError):
        # A value the database refuses, or a slug or key another process took meanwhile:
        # nothing of the group was written; each story on its own finds which one it was.
        pass
    except Exception as exc:
        logger.error("import: bulk write failed; loading one by one", exc_info=exc)
    return [_load_one(parsed, origin) for parsed in group]


@dataclass
class _New:
    number: int  # in the group
    parsed: ParsedStory
    story: Story
    notices: list[ImportNotice]
    findings: Findings | None = None
    found: Findings | None = None
    role: Role | None = None
    organizations: list[Organization] = field(default_factory=list)
    people: list[tuple[Person, Role | None]] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    known: list[int] = field(default_factory=list)  # the people the engine knows, source aside
    links: list[StoryOrganization] = field(default_factory=list)
    quoted: list[StoryPerson] = field(default_factory=list)


def _create_stories(
    group: list[ParsedStory],
    origin: str,
    created: set[str],
    names: dict[int, str],
    scanner: Scanner,
) -> list[Outcome]:
    outcomes: dict[int, Outcome] = {}
    accepted: list[_New] = []
    registry = _Registry(group, names)
    for number, parsed in enumerate(group):
        item = _New(number, parsed, _story(parsed), list(parsed.notices))
        try:
            # As load_story, without its queries: the slug is chosen below, the key is new
            # (see _existing), the source role comes from the registry, and a draft keeps the
            # one constraint (a published story has a publish time).
            source = registry.source_role(parsed)
            item.story.full_clean(
                exclude=["slug", "source_role"], validate_unique=False, validate_constraints=False
            )
        except ValidationError as error:
            outcomes[number] = _refused(parsed, error)
            continue
        item.story.source_role = item.role = registry.keep(source, item.notices)
        _normalize(item.story)
        accepted.append(item)
    registry.save_new(created)
    for item in accepted:
        item.found = scanner.suggest(parsed_story_text(item.parsed))
        item.findings = story_findings(item.parsed, item.found)
    quotes = _find_quotes(accepted, scanner)  # in the workers while the rest is written
    _suggested(accepted, registry)
    for item, slug in zip(
        accepted, unique_slugs(Story, [i.story.headline for i in accepted]), strict=True
    ):
        item.story.slug = slug
    _insert_instances(Story, [item.story for item in accepted])
    _link(accepted, origin)
    _record_revisions(accepted)
    _store_quotes(accepted, quotes.get())
    refresh_search_vectors_later(item.story.pk for item in accepted)
    if accepted:
        pages_changed()
    for item in accepted:
        outcomes[item.number] = LoadResult(
            CREATED, item.story, item.organizations, item.notices, item.parsed
        )
    return [outcomes[number] for number in range(len(group))]


def _refused(parsed: ParsedStory, error: ValidationError) -> StoryImportError:
    return StoryImportError(parsed.path, None, f"a story the database accepts ({problems(error)})")


def _story(parsed: ParsedStory) -> Story:
    """The new story as load_story fills it in."""
    source = parsed.source
    story = Story(
        import_key=parsed.import_key,
        headline=parsed.headline,
        body=parsed.body,
        image_format=parsed.image_format,
        image_asset_id=parsed.image_asset_id,
        image_caption=parsed.caption or "",
        source_attribution=source.attribution if source else "",
        source_label=source.label if source else "",
        source_url=source.url if source and source.url else "",
    )
    return story


def _normalize(story: Story) -> None:
    """What Story.save does to the text fields before it writes them."""
    for name in TEXT_FIELDS:
        setattr(story, name, normalize_newlines(getattr(story, name)))


@dataclass
class _Source:
    """A story's source as the registry has it, or would once `made` is saved."""

    role: Role | None
    person: Person | None = None
    organization: Organization | None = None
    made: list[models.Model] = field(default_factory=list)
    notices: list[ImportNotice] = field(default_factory=list)
    nickname: str = ""


class _Registry:
    """The registry entries a chunk's source lines name, read in a few queries, and the answers
    people.resolution would give, one story after the other: what it would create is kept in
    memory (`new`) for the stories after it and written in bulk (save_new)."""

    def __init__(self, stories: list[ParsedStory], names: dict[int, str]):
        """`names`: the source organizations of `stories` found already (by id)."""
        self.source_organizations = {
            id(p): names[id(p)] if id(p) in names else source_organization(p) for p in stories
        }
        org_names, person_names = set(), set()
        for parsed in stories:
            source = parsed.source
            if source is None:
                continue
            if source.person_name is None:
                if source.organization:
                    org_names.add(source.organization)
                continue
            if name := self.source_organizations[id(parsed)]:
                org_names.add(name)
            person_names.add(source.person_name)
        self.organizations = _OrganizationsNamed(org_names)
        # Of the people who share a name, the first made (the registry's look-up).
        first = (
            Person.objects.filter(name_key__in={name_key(n) for n in person_names})
            .values("name_key")
            .annotate(first=Min("pk"))
            .values("first")
        )
        self.people: dict[str, Person] = {
            person.name_key: person for person in Person.objects.filter(pk__in=first)
        }
        # Each person's roles, current first (RoleQuerySet.current_first): a new role (no end,
        # the highest key) goes first.
        self.roles: dict[str, list[Role]] = {}
        keys = {person.pk: key for key, person in self.people.items()}
        for role in Role.objects.filter(person__in=self.people.values()).current_first():
            self.roles.setdefault(keys[role.person_id], []).append(role)
        self.new: list[models.Model] = []  # organizations, people, roles, in the order made

    def source_role(self, parsed: ParsedStory) -> _Source:
        """loader._source_role, to be kept (see keep) once the story is accepted. Raises
        ValidationError for an entry the registry would refuse. The constraints are left to
        the database (a query each here): an entry it refuses fails the chunk's write, and
        the chunk is loaded story by story, which refuses that story as load_story does.
        A role's person and organization are known, or new."""
        source = parsed.source
        if source is None or source.person_name is None:
            return _Source(None)
        name = self.source_organizations.get(id(parsed))
        if name is None:
            name = self.source_organizations[id(parsed)] = source_organization(parsed)
        made: list[models.Model] = []
        messages = []
        organization = None
        if name:
            organization = self.organizations.find(name)
            if organization is None:
                guessed = guess_organization_kind(name)
                kind = source_organization_kind(parsed)
                organization = Organization(
                    name=name, kind=kind if guessed == "other" and kind else guessed
                )
                organization.full_clean(exclude=["slug"], validate_constraints=False)
                made.append(organization)
                messages.append(
                    f"new organization {organization.name!r} added to the registry "
                    f"(kind: {organization.get_kind_display()}); check it in the admin"
                )
        key = name_key(source.person_name)
        person = self.people.get(key)
        if person is None:
            person = Person(full_name=source.person_name, nickname=source.nickname)
            person.full_clean(exclude=["slug"], validate_constraints=False)
            made.append(person)
            messages.append(f"new person {person.full_name!r}")
        roles = self.roles.get(key, [])
        role = _find_role(roles, source.title, organization)
        if role is None:
            role = Role(person=person, title=source.title, organization=organization)
            role.full_clean(exclude=["person", "organization"], validate_constraints=False)
            made.append(role)
        notices = [ImportNotice(parsed.path, source.line, message) for message in messages]
        return _Source(role, person, organization, made, notices, source.nickname)

    def keep(self, source: _Source, notices: list[ImportNotice]) -> Role | None:
        """What `source` found or made, for the stories after this one; its role."""
        role, person = source.role, source.person
        if role is None:
            return None
        if source.nickname and not person.nickname:
            person.nickname = source.nickname  # as find_or_create_person fills it in
            if person.pk:
                person.save(update_fields=["nickname", "updated_at"])
        key = name_key(person.full_name)
        for entry in source.made:
            if isinstance(entry, Organization):
                entry.name_key = name_key(entry.name)
                self.organizations.add(entry)
            elif isinstance(entry, Person):
                entry.name_key = key
                self.people[key] = entry
            else:
                self.roles[key] = [entry, *self.roles.get(key, [])]
        self.new += source.made
        notices += source.notices
        role.person, role.organization = person, source.organization
        return role

    def save_new(self, created: set[str]) -> None:
        """Write what the stories added to the registry: one INSERT each kind. The name keys
        of the new organizations are added to `created`."""
        if not self.new:
            return
        organizations = [e for e in self.new if isinstance(e, Organization)]
        people = [e for e in self.new if isinstance(e, Person)]
        for entries, model, text in [
            (organizations, Organization, "name"),
            (people, Person, "full_name"),
        ]:
            slugs = unique_slugs(model, [getattr(e, text) for e in entries])
            for entry, slug in zip(entries, slugs, strict=True):
                entry.slug = slug
            model.objects.bulk_create(entries)
        Role.objects.bulk_create([e for e in self.new if isinstance(e, Role)])
        created.update(organization.name_key for organization in organizations)
        registry_changed()  # as their post_save would (once for all)
        self.new = []


def _find_role(roles: list[Role], title: str, organization: Organization | None) -> Role | None:
    """find_or_create_role's look-up over the person's roles (current first)."""
    at = [role for role in roles if _at(role, organization)]
    for role in at:
        if role.title.casefold() == title.casefold():
            return role
    for role in at:
        if title_words(role.title) == title_words(title) and title_words(title):
            return role
    return None


def _at(role: Role, organization: Organization | None) -> bool:
    """Whether `role` is at `organization`; either may be new (made by this chunk, no key)."""
    if role.pk is None or (organization is not None and organization.pk is None):
        return role.organization is organization
    return role.organization_id == (organization.pk if organization else None)


class _OrganizationsNamed:
    """Organization.objects.named(name) for a set of names, read at once, and what find_organization
    and the quotes' look-up make of it."""

    def __init__(self, names: Iterable[str]):
        keys = {name_key(name) for name in names} - {""}
        self.by_key: dict[str, set] = {}
        self.rows: dict = {}
        self.new: list[Organization] = []
        if not keys:
            return
        aliased = OrganizationAlias.objects.filter(name_key__in=keys).values_list(
            "name_key", "organization_id"
        )
        for key, pk in aliased:
            self.by_key.setdefault(key, set()).add(pk)
        ids = {pk for pks in self.by_key.values() for pk in pks}
        for organization in Organization.objects.filter(Q(name_key__in=keys) | Q(pk__in=ids)):
            self.rows[organization.pk] = organization
            if organization.name_key in keys:
                self.by_key.setdefault(organization.name_key, set()).add(organization.pk)

    def add(self, organization: Organization) -> None:
        """A new organization (no primary key yet), known by its name only."""
        self.new.append(organization)
        pk = ("new", len(self.new))
        self.rows[pk] = organization
        self.by_key.setdefault(organization.name_key, set()).add(pk)

    def named(self, name: str) -> list[Organization]:
        """By key; a new organization (no key yet) after the others, in the order made."""
        return [self.rows[pk] for pk in sorted(self.by_key.get(name_key(name), ()), key=_by_key)]

    def find(self, name: str) -> Organization | None:
        """people.resolution.find_organization."""
        matches = self.named(name)[:5]
        key = name_key(name)
        exact = [org for org in matches if org.name_key == key]
        return (exact or matches or [None])[0]

    def first_not_country(self, name: str) -> Organization | None:
        """Organization.objects.named(name).exclude(kind="country").first() (by name)."""
        found = [org for org in self.named(name) if org.kind != "country"]
        return min(found, key=lambda org: (org.name, org.pk), default=None)


def _by_key(pk) -> tuple:
    return (1, pk[1]) if isinstance(pk, tuple) else (0, pk)


def _suggested(items: list[_New], registry: _Registry) -> None:
    """loader._suggested for every story of the chunk: three queries."""
    ids = {s.entry.id for item in items for s in item.findings.organizations}
    by_id = Organization.objects.in_bulk(ids)
    known_ids = set()
    for item in items:
        role = item.role
        item.known = list(dict.fromkeys(p.person.id for p in item.findings.people if p.known))
        if role is not None:
            item.known = [pid for pid in item.known if pid != role.person_id]
        known_ids.update(item.known)
    persons = Person.objects.in_bulk(known_ids)
    roles: dict[int, Role] = {}
    for found in Role.objects.filter(person_id__in=known_ids).current_first():
        roles.setdefault(found.person_id, found)
    for item in items:
        role, parsed = item.role, item.parsed
        organizations = [role.organization] if role and role.organization else []
        if role is None and parsed.source and parsed.source.organization:
            if source := registry.organizations.find(parsed.source.organization):
                organizations.append(source)
        ranked = [s.entry.id for s in item.findings.organizations]
        organizations += [by_id[i] for i in ranked if i in by_id and by_id[i] not in organizations]
        item.organizations = organizations
        people: list[tuple[Person, Role | None]] = [(role.person, role)] if role else []
        people += [(persons[pid], roles.get(pid)) for pid in item.known if pid in persons]
        item.people = people


def _link(items: list[_New], origin: str) -> None:
    """The stories' organizations and people: one INSERT each kind for the chunk."""
    links, quoted = [], []
    for item in items:
        story = item.story
        item.links = [
            StoryOrganization(story=story, organization=o, position=n, origin=origin)
            for n, o in enumerate(item.organizations)
        ]
        item.quoted = [
            StoryPerson(story=story, person=person, role=role, position=n, origin=origin)
            for n, (person, role) in enumerate(item.people)
        ]
        links += item.links
        quoted += item.quoted
    for model, rows, fields in [
        (StoryOrganization, links, ["story_id", "organization_id", "position", "origin"]),
        (StoryPerson, quoted, ["story_id", "person_id", "role_id", "position", "origin"]),
    ]:
        values = [{name: getattr(row, name) for name in fields} for row in rows]
        for row, pk in zip(rows, _insert(model, values, returning_ids=True), strict=True):
            row.pk = pk


def _find_quotes(items: list[_New], scanner: Scanner):
    """The quotes of the chunk's stories as stories.quotes.find_story_quotes finds them, to
    come (`.get()`): found in the workers while this process writes the stories."""
    jobs = []
    for item in items:
        story, paragraphs = item.story, item.story.paragraphs
        text = stored_story_text(story)
        # The engine's findings in the story as stored (as find_story_quotes reads it): those
        # of the release, scanned once, unless storing changed the text.
        found = item.found if text == parsed_story_text(item.parsed) else suggest(text)
        jobs.append((paragraphs, found, source_finding(story.source_role)))
    return scanner.quotes_later(jobs)


def _store_quotes(items: list[_New], found: list[list[Quote]]) -> None:
    """stories.quotes.store_found_quotes for new stories (no quotes yet), for the chunk."""
    for item, quotes in zip(items, found, strict=True):
        item.quotes = quotes
    speakers = [q.speaker for item in items for q in item.quotes if q.speaker]
    person_ids = {s.person.id for s in speakers if s.person}
    names = {s.name for s in speakers if s.kind == SpeakerKind.PERSON and not s.person}
    # keys only: no Person instance is needed to write a quote
    by_name = dict(
        Person.objects.filter(name_key__in=map(name_key, names)).values_list("name_key", "pk")
    )
    people = set(
        Person.objects.filter(pk__in=person_ids | set(by_name.values())).values_list(
            "pk", flat=True
        )
    )
    all_roles: dict[int, list[Role]] = {}
    for role in Role.objects.filter(person_id__in=people):
        all_roles.setdefault(role.person_id, []).append(role)
    organization_names = {
        s.organization if s.kind == SpeakerKind.PERSON else s.name for s in speakers
    } - {""}
    named = _OrganizationsNamed(organization_names)
    by_id = Organization.objects.in_bulk({s.entry.id for s in speakers if s.entry})
    now = timezone.now()
    on = now.date()  # a new draft: no publish time yet
    rows = []
    for item in items:
        story_rows = [quote_fields(q) for q in item.quotes]
        for row, quote in zip(story_rows, item.quotes, strict=True):
            speaker, person, organization, role = quote.speaker, None, None, None
            if speaker and speaker.kind == SpeakerKind.ORGANIZATION:
                organization = (
                    by_id.get(speaker.entry.id)
                    if speaker.entry
                    else named.first_not_country(speaker.name)
                )
            elif speaker:
                person = (
                    (speaker.person.id if speaker.person.id in people else None)
                    if speaker.person
                    else by_name.get(name_key(speaker.name))
                )
                role = (
                    role_held(all_roles.get(person, []), on, item.story.source_role)
                    if person
                    else None
                )
                if role and not row["speaker_title"]:
                    row["speaker_title"] = role.title
                if speaker.organization:
                    organization = named.first_not_country(speaker.organization)
            row.update(
                story_id=item.story.pk,
                speaker_person_id=person,
                # The organization named, else that of the person's role.
                speaker_organization_id=(
                    organization.pk if organization else role.organization_id if role else None
                ),
                created_at=now,  # as auto_now_add and auto_now set them
                updated_at=now,
            )
        ordered = sorted(story_rows, key=lambda row: (row["paragraph"], row["start"]))
        for position, row in enumerate(ordered):
            row["position"] = position
        rows += story_rows
    _insert(StoryQuote, rows)


def _record_revisions(items: list[_New]) -> None:
    """One revision per story, as load_story's reversion.create_revision records it: the story
    as saved, its organizations and people, "Imported from <file>"."""
    now = timezone.now()
    revisions = Revision.objects.bulk_create(
        [
            Revision(date_created=now, comment=f"Imported from {Path(item.parsed.path).name}")
            for item in items
        ]  # fmt: skip
    )
    saved = [
        (revision, obj)
        for item, revision in zip(items, revisions, strict=True)
        for obj in [item.story, *item.links, *item.quoted]
    ]
    types = ContentType.objects.get_for_models(Story, StoryOrganization, StoryPerson)
    # What serializers.serialize("json", [obj]) gives each (as reversion stores it), with one
    # serializer for all of them.
    data = serializers.get_serializer("python")().serialize([obj for _, obj in saved])
    encode = DjangoJSONEncoder(ensure_ascii=False).encode  # json.dumps(…, cls=, ensure_ascii=)
    _insert(
        Version,
        [
            {
                "revision_id": revision.pk,
                "content_type_id": types[type(obj)].pk,
                "object_id": str(obj.pk),
                "db": router.db_for_write(type(obj), instance=obj),
                "format": "json",
                "serialized_data": f"[{encode(fields)}]",
                "object_repr": str(obj),
            }
            for (revision, obj), fields in zip(saved, data, strict=True)
        ],
    )


def _insert_instances(model: type[models.Model], instances: list[models.Model]) -> None:
    """bulk_create for new `instances` through _insert: on PostgreSQL one statement of
    arrays, which bulk_create cannot use for a model with a full-text vector column."""
    if not instances:
        return
    connection = connections[router.db_for_write(model)]
    fields = [f for f in model._meta.concrete_fields if not f.primary_key]
    for obj in instances:
        # a related entry saved since it was assigned (a new role): its key, as bulk_create
        obj._prepare_related_fields_for_save(operation_name="bulk_create")
    rows = [
        {f.attname: f.get_db_prep_save(f.pre_save(obj, True), connection) for f in fields}
        for obj in instances
    ]
    ids = _insert(model, rows, returning_ids=True, prepared=True)
    for obj, pk in zip(instances, ids, strict=True):
        obj.pk = pk
        obj._state.adding, obj._state.db = False, connection.alias


def _insert(
    model: type[models.Model],
    rows: list[dict[str, object]],
    *,
    returning_ids: bool = False,
    prepared: bool = False,
) -> list[int]:
    """INSERT `rows` (attribute name -> value) into `model`'s table, as bulk_create would
    without making and preparing a model instance per row: each value must be what the field
    would write (a key, a string, a number; a datetime is adapted here unless `prepared`).
    Returns the new primary keys, in order, when `returning_ids`."""
    if not rows:
        return []
    connection = connections[router.db_for_write(model)]
    quote = connection.ops.quote_name
    names = list(rows[0])
    fields = [model._meta.get_field(name) for name in names]
    adapt = {
        name
        for name, model_field in zip(names, fields, strict=True)
        if isinstance(model_field, models.DateTimeField) and not prepared
    }
    row_sql = f"({', '.join(['%s'] * len(names))})"
    into = (
        f"INSERT INTO {quote(model._meta.db_table)} "
        f"({', '.join(quote(model_field.column) for model_field in fields)}) VALUES "
    )
    returning = ""
    if connection.vendor == "postgresql" and len(rows) > 1:
        # One array per column (as bulk_create does there): a short statement whatever the
        # number of rows, where a VALUES list of thousands of placeholders costs psycopg a
        # parse of the whole text on every call.
        types = [model_field.db_type(connection).split("(")[0] for model_field in fields]
        columns = [
            [
                connection.ops.adapt_datetimefield_value(row[name]) if name in adapt else row[name]
                for row in rows
            ]
            for name in names
        ]
        arrays = ", ".join(f"%s::{db_type}[]" for db_type in types)
        returned = f" RETURNING {quote(model._meta.pk.column)}" if returning_ids else ""
        with connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {quote(model._meta.db_table)} "
                f"({', '.join(quote(model_field.column) for model_field in fields)}) "
                f"SELECT * FROM UNNEST({arrays}){returned}",
                columns,
            )
            return [pk for (pk,) in cursor.fetchall()] if returning_ids else []
    size = connection.ops.bulk_batch_size(fields, rows)
    if returning_ids:
        returning = f" RETURNING {quote(model._meta.pk.column)}"
        if not connection.features.can_return_rows_from_bulk_insert:
            returning, size = "", 1  # an older SQLite: one row at a time, its lastrowid
    ids = []
    with connection.cursor() as cursor:
        for start in range(0, len(rows), size):
            batch = rows[start : start + size]
            params = [
                connection.ops.adapt_datetimefield_value(row[name]) if name in adapt else row[name]
                for row in batch
                for name in names
            ]
            cursor.execute(into + ", ".join([row_sql] * len(batch)) + returning, params)
            if returning:
                ids += [pk for (pk,) in cursor.fetchall()]
            elif returning_ids:
                ids.append(cursor.lastrowid)
    return ids
