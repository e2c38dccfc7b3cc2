"""Attach, accept, reject and reorder a story's organizations and people.

Every change to "Organizations in this story" and "People in this story" goes through these
functions: the admin's buttons and actions, the importer's retagging and the commands call them.
Each checks the permission, runs in one transaction and never removes an editor's choice.
"""

import re
from collections.abc import Iterable
from contextlib import contextmanager
from dataclasses import dataclass, field

import reversion
from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import F, Max

from people.matching import Entry, Findings
from people.models import AliasKind, Organization, OrganizationAlias, Role
from people.names import name_key, plain_name
from people.resolution import (
    find_or_create_organization,
    find_or_create_person,
    find_or_create_role,
)
from people.suggestions import current_index, suggest
from stories.models import Origin, RejectedSuggestion, Story, StoryOrganization, StoryPerson
from stories.publishing import can_edit
from stories.tagging import stored_story_text


def organization_key(organization_id: int) -> str:
    return f"org:{organization_id}"


def candidate_key(name: str) -> str:
    return f"candidate:{name_key(name)}"


def person_key(name: str) -> str:
    return f"person:{name_key(name)}"


@dataclass
class StorySuggestions:
    """What the panel offers for one story: the engine's findings minus what is tagged or
    rejected already."""

    text: str
    findings: Findings
    organizations: list
    candidates: list
    people: list
    countries: list
    implied: list = field(default_factory=list)


def story_suggestions(story: Story) -> StorySuggestions:
    """Suggestions for `story` still open for an editor. Three queries plus the engine's one."""
    text = stored_story_text(story)
    findings = suggest(text)
    tagged_pairs = list(
        story.story_organizations.values_list("organization_id", "organization__name_key")
    )
    tagged = {pk for pk, _ in tagged_pairs}
    tagged_names = {key for _, key in tagged_pairs}
    rejected = set(story.rejected_suggestions.values_list("key", flat=True))
    people_tagged = {
        name_key(name) for name in story.story_people.values_list("person__full_name", flat=True)
    }
    return StorySuggestions(
        text=text,
        findings=findings,
        organizations=[
            s for s in findings.organizations
            if s.entry.id not in tagged and organization_key(s.entry.id) not in rejected
        ],
        candidates=[
            c for c in findings.candidates
            if candidate_key(c.name) not in rejected and name_key(c.name) not in tagged_names
        ],
        people=[
            p for p in findings.people
            if name_key(p.name) not in people_tagged and person_key(p.name) not in rejected
        ],
        countries=[
            s for s in findings.countries
            if s.entry.id not in tagged and organization_key(s.entry.id) not in rejected
        ],
        implied=[
            s for s in findings.implied
            if s.entry.id not in tagged and organization_key(s.entry.id) not in rejected
        ],
    )  # fmt: skip


def _check(
    user: AbstractBaseUser | None, story: Story, permission: str = "stories.change_story"
) -> None:
    """Raise unless `user` may change this story's organizations: the same rule as editing it
    (editors every story, reporters their own drafts). `user` None is the command line."""
    if user is None:
        return
    if not user.has_perm(permission) or not can_edit(user, story):
        raise PermissionDenied(f"You may not change the organizations of “{story}”.")


@contextmanager
def _change(story: Story, by: AbstractBaseUser | None, comment: str):
    """One change to the story's links, in one transaction, with the version bumped so that
    the edit-conflict guard sees it. Changes made in the admin join the story's next revision
    (its next save or workflow step) instead of making one revision each; on the command line
    (`by` None) each change is its own revision."""
    with transaction.atomic():
        if by is None and not reversion.is_active():
            with reversion.create_revision():
                yield
                reversion.add_to_revision(story)
                reversion.set_comment(comment)
        else:
            yield
        Story.objects.filter(pk=story.pk).update(version=F("version") + 1)
        story.version += 1


def tag_organization(
    story: Story, organization: Organization, *, origin: str, by: AbstractBaseUser | None
) -> StoryOrganization:
    """Add `organization` to the story's section (or return its existing entry): at the end,
    except the source's own organization, which goes first."""
    _check(by, story)
    link = story.story_organizations.filter(organization=organization).first()
    if link is not None:
        return link
    with _change(story, by, f"Tagged {organization}"):
        is_source = story.source_role is not None and (
            story.source_role.organization_id == organization.pk
        )
        last = story.story_organizations.aggregate(last=Max("position"))["last"]
        link = StoryOrganization.objects.create(
            story=story,
            organization=organization,
            position=0 if is_source else (last or 0) + 1,
            origin=origin,
        )
        story.rejected_suggestions.filter(key=organization_key(organization.pk)).delete()
        _renumber(story)
        link.refresh_from_db(fields=["position"])
    return link


def _renumber(story: Story) -> None:
    """Positions 1, 2, 3… in the current order: what the admin shows and readers see."""
    links = story.story_organizations.order_by(F("position").asc(nulls_last=True), "pk")
    for position, link in enumerate(links, start=1):
        if link.position != position:
            StoryOrganization.objects.filter(pk=link.pk).update(position=position)


def renumber_organizations(story: Story) -> None:
    """Close the gaps after an edit in the inline: 1, 2, 3… in the order the editor gave."""
    _renumber(story)


def reorder_organizations(story: Story, organization_ids: list[int], *, by) -> list[int]:
    """Put the story's organizations in the order of `organization_ids` (positions from 1; the
    first is the story's main organization). Ids not tagged are ignored; tagged ones not named
    keep their order after the named ones. Returns the new order."""
    _check(by, story)
    links = {link.organization_id: link for link in story.story_organizations.all()}
    current = sorted(links, key=lambda i: (links[i].position or 0, links[i].pk))
    order = [i for i in dict.fromkeys(organization_ids) if i in links]
    order += [i for i in current if i not in order]
    if order == current:
        return order
    with _change(story, by, "Reordered the organizations"):
        for position, organization_id in enumerate(order, start=1):
            StoryOrganization.objects.filter(pk=links[organization_id].pk).update(position=position)
    return order


def untag_organization(story: Story, organization: Organization, *, by) -> bool:
    """Take `organization` out of the story's section. Returns whether it was there."""
    _check(by, story)
    link = story.story_organizations.filter(organization=organization).first()
    if link is None:
        return False
    with _change(story, by, f"Removed {organization}"):
        link.delete()
        _renumber(story)
    return True


def accept_suggestion(story: Story, organization: Organization, *, by) -> StoryOrganization:
    return tag_organization(story, organization, origin=Origin.SUGGESTED, by=by)


@transaction.atomic
def accept_all_suggestions(
    story: Story, *, by, origin: str = Origin.SUGGESTED, countries: bool | None = None
) -> list:
    """Tag every open suggestion in order of first mention — organizations, and countries too
    unless `countries` (default: settings.ACCEPT_ALL_INCLUDES_COUNTRIES) is false. The source's
    organization goes first. Returns the new entries."""
    _check(by, story)
    if countries is None:
        countries = settings.ACCEPT_ALL_INCLUDES_COUNTRIES
    open_ = story_suggestions(story)
    found = open_.organizations + (open_.countries if countries else [])
    open_ids = [s.entry.id for s in found]
    organizations = Organization.objects.in_bulk(open_ids)
    return [
        tag_organization(story, organizations[i], origin=origin, by=by)
        for i in open_ids
        if i in organizations
    ]


def reject_suggestion(story: Story, *, key: str, label: str, by) -> RejectedSuggestion:
    """Remember that `key` is not wanted for `story`; the panel stops offering it."""
    _check(by, story)
    rejected, _ = RejectedSuggestion.objects.get_or_create(
        story=story, key=key, defaults={"label": label[:300], "rejected_by": by}
    )
    return rejected


@dataclass
class CandidateGuess:
    """What the panel prefills for a candidate: the engine's name and kind, and the country,
    parent and aliases the story's text suggests."""

    name: str
    kind: str
    country: str = ""
    parent: Entry | None = None
    aliases: list[str] = field(default_factory=list)


ACRONYM_AFTER = re.compile(r"\s*\((?P<acronym>[A-Z][A-Za-z&.]{1,11})\)")


def guess_candidate(suggestions: StorySuggestions, candidate, index=None) -> CandidateGuess:
    """Prefill a new organization from what the text says around `candidate`: the engine's own
    country and parent for it ("Safaricom Ethiopia": Ethiopia, Safaricom PLC), else a country
    named in it or mentioned in the story and a registry organization its name contains ("… of
    the Department of State") as parent; an acronym in brackets after a mention as alias."""
    name = candidate.name
    countries = [found.entry for found in suggestions.findings.countries]
    country = candidate.country_guess or next(
        (c.country for c in countries if c.name.lower() in name.lower()),
        countries[0].country if countries else "",
    )
    # (`index`: the engine's, read once for all the story's candidates by the caller)
    index = index or (current_index() if candidate.parent else None)
    parent = index.entry_named(candidate.parent) if candidate.parent else None
    parent = parent or next(
        (
            s.entry
            for s in suggestions.findings.organizations
            if s.entry.kind != "country"
            and s.entry.name.lower() in name.lower()
            and s.entry.name.lower() != name.lower()
        ),
        None,
    )
    aliases = []
    for mention in candidate.mentions:
        if match := ACRONYM_AFTER.match(suggestions.text, mention.end):
            aliases.append(match["acronym"])
    if parent is not None and candidate.parent and _A_PART.fullmatch(name):
        # "Executive Board", "the Board" of a bank: named so in the story, but every body has
        # one; the registry names it with its body ("Executive Board of the Riksbank")
        name = f"{name} of {'' if parent.kind == 'company' else 'the '}{plain_name(parent.name)}"
    return CandidateGuess(name, candidate.kind_guess, country, parent, list(dict.fromkeys(aliases)))


# A body's organ, named in a story without its body: "Board", "Executive Board", "Board of
# Directors", "Monetary Policy Committee", "Governing Council"
_A_PART = re.compile(
    r"(?:[A-Z][\w-]* ){0,2}(?:Board|Committee|Council)(?: of (?:Governors|Trustees|Directors|"
    r"Executive Directors|Management|Regents|Supervisors))?"
)


@transaction.atomic
def create_and_tag(
    story: Story,
    *,
    name: str,
    kind: str,
    by,
    country: str = "",
    parent: Organization | None = None,
    aliases: Iterable[str] = (),
    candidate: str = "",
) -> Organization:
    """Create the organization a candidate names (or reuse it), with its country, parent and
    aliases, and tag it. `candidate` is the phrase the panel offered: it is not offered again
    for this story, whatever name the editor gave the organization."""
    _check(by, story)
    _check(by, story, "people.add_organization")
    organization, created = find_or_create_organization(name)
    changed = []
    if kind and organization.kind != kind and (created or organization.kind == "other"):
        organization.kind = kind
        changed.append("kind")
    if country and not organization.country:
        organization.country = country.upper()[:2]
        changed.append("country")
    if parent is not None and organization.parent_id is None and parent.pk != organization.pk:
        organization.parent = parent
        changed.append("parent")
    if changed:
        organization.full_clean(exclude=["slug"])
        organization.save(update_fields=[*changed, "updated_at"])
    for alias in dict.fromkeys(a.strip() for a in aliases):
        if alias and name_key(alias) != organization.name_key:
            OrganizationAlias.objects.get_or_create(
                organization=organization,
                name=alias[:300],
                defaults={
                    "kind": AliasKind.ACRONYM if alias.isupper() else AliasKind.SHORT_FORM,
                    "is_case_sensitive": alias.isupper(),
                },
            )
    tag_organization(story, organization, origin=Origin.SUGGESTED, by=by)
    if candidate and name_key(candidate) != organization.name_key:
        RejectedSuggestion.objects.get_or_create(
            story=story,
            key=candidate_key(candidate),
            defaults={"label": f"{candidate[:200]} (created as {organization.name[:80]})",
                      "rejected_by": by},
        )  # fmt: skip
    return organization


@transaction.atomic
def accept_person(
    story: Story, *, name: str, title: str = "", organization_name: str = "", by
) -> StoryPerson:
    """Put a suggested person in the story: the known Person and Role when there are, new ones
    when not."""
    _check(by, story)
    person, _ = find_or_create_person(name)
    role: Role | None = None
    if title:
        organization = None
        if organization_name:
            organization, _ = find_or_create_organization(organization_name)
        role, _ = find_or_create_role(person, title=title, organization=organization)
    else:
        role = person.roles.current_first().first()
    link = story.story_people.filter(person=person).first()
    if link is not None:
        return link
    last = story.story_people.aggregate(last=Max("position"))["last"]
    story.rejected_suggestions.filter(key=person_key(name)).delete()
    with _change(story, by, f"Added {person} to the people in this story"):
        return StoryPerson.objects.create(
            story=story,
            person=person,
            role=role,
            position=0 if last is None else last + 1,
            origin=Origin.SUGGESTED,
        )
